"""Role ranker stage: a learned second opinion on each event's source and target.

The events stage picks roles by rules. For each event and role, a small logistic
regression (``sitrep.learn.logreg``, trained by scripts/train_role_ranker.py on the
allsides-dev and PLOVER GSR gold) scores every candidate -- the actors of the trigger's
sentence, the rules' choice, "none" -- from features of the typed document and the parse
(``sitrep.learn.role_features``). The rules' choice stands unless the model's best
candidate beats it by the margin stored in the model (chosen by grouped cross-validation):
a conservative override. Guards hold in training and here alike
(``role_features.eligible``, ``role_training.joint_guard``): an event the rules found no
party for is left to the event filter; a role never takes the party of the event's other
role, and when both roles are overridden into one party both keep the rules'; a role the
rules left empty is filled only by a core argument of the trigger in the parse. The chosen actor is the document's own mention, with its span
(provenance). Every override is listed in ``article.meta["role_ranker"]`` (event, role,
before, after, margin), so nothing changes unseen.

Which roles it may touch is the model file's business: a role without a model there is
left to the rules, and without the file the stage does nothing.

NOT IN THE PIPELINE (sessions 9, 11, 17, 18): no model is shipped, because the ranker did not win on
data it was not trained on (docs/role-ranker.md has the figures). To try a model, train
it with scripts/train_role_ranker.py and add the stage to ``pipeline.STAGES`` right after
``events`` (requires nlp, sentences, actors, events, quotes; assigns events and text, for
the note in the article's meta) and to ``stages.ORDER``.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

from sitrep.learn.logreg import Model
from sitrep.learn.role_features import (Candidate, EventContext, candidate_features, candidates, coarsen,
                                        eligible, same_party)
from sitrep.learn.role_training import pick
from sitrep.model import Actor, Document, Event

MODEL_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "models" / "role_ranker.json"

#: whether the ranker may override the rules when the article does not say
#: (``article.meta["rules_roles"] = True`` keeps the rules' roles for one article)
ENABLED = True


@lru_cache(maxsize=4)
def load_models(path: Path = MODEL_PATH) -> dict[str, Model]:
    """role -> model, from the shipped JSON (read once per process); empty when absent."""
    if not Path(path).is_file():
        return {}
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {role: Model.from_json(body) for role, body in data.get("roles", {}).items()}


def best_candidate(cands: list[Candidate], probs: list[float], margin: float,
                   allowed: Optional[list[bool]] = None) -> Optional[int]:
    """The index of the candidate to use instead of the rules' choice, or None to keep it:
    the most probable ``allowed`` candidate when it beats the rules' own by at least
    ``margin`` (``role_training.pick``, the very rule cross-validation scored)."""
    rules = next(i for i, c in enumerate(cands) if c.chosen_by_rules)
    chosen = pick(probs, rules, margin, allowed)
    return None if chosen == rules else chosen


def _describe(actor: Optional[Actor]) -> Optional[dict]:
    if actor is None:
        return None
    return {"text": actor.text, "span": list(actor.span), "country": actor.country}


def _features(model: Model, features: dict[str, float]) -> dict[str, float]:
    """The features as the model was trained on them: with the event type coarsened to its
    quad class when the training script was run with ``--coarse``."""
    return coarsen(features) if model.header.get("coarse") else features


def rerank_event(doc: Document, event: Event, models: dict[str, Model]) -> list[dict]:
    """Override ``event``'s roles where the model is sure enough; the overrides made."""
    ctx = EventContext(doc, event)
    # candidates, features and eligibility all read the rules' roles of both sides, as in
    # training: nothing is overridden before every role is scored
    options = {role: candidates(doc, event, role) for role in models}
    allowed = {role: eligible(event, role, cands, doc) for role, cands in options.items()}
    scores = {role: [model.probability(_features(model, candidate_features(ctx, c, role))) for c in options[role]]
              for role, model in models.items()}
    picks = {}
    for role, model in models.items():
        chosen = best_candidate(options[role], scores[role], model.threshold, allowed[role])
        if chosen is not None:
            picks[role] = chosen
    after = {role: options[role][picks[role]].actor if role in picks else getattr(event, role)
             for role in ("source", "target")}
    if same_party(after["source"], after["target"]) and not same_party(event.source, event.target):
        return []  # no self-dyad the rules did not make: both roles keep the rules' (role_training.joint_guard)
    made = []
    for role, chosen in picks.items():
        cands, probs = options[role], scores[role]
        rules = next(i for i, c in enumerate(cands) if c.chosen_by_rules)
        made.append({"event": event.id, "role": role, "before": _describe(getattr(event, role)),
                     "after": _describe(cands[chosen].actor),
                     "margin": round(probs[chosen] - probs[rules], 3)})
        setattr(event, role, cands[chosen].actor)
    return made


def run(doc: Document, kb=None, models: Optional[dict[str, Model]] = None) -> Document:
    """Apply the ranker to every event of ``doc``; note the overrides in the article's meta."""
    models = load_models() if models is None else models
    if not models or not doc.events or doc.article.meta.get("rules_roles") or not ENABLED:
        return doc
    made = []
    for event in doc.events:
        made.extend(rerank_event(doc, event, models))
    if made:
        doc.article.meta["role_ranker"] = {"overrides": made}
    return doc
