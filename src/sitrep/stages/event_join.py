"""Event join stage: one event per happening, for the mentions the merge rules kept apart.

``event_merge`` groups the mentions of one happening by rules of evidence (a definite noun,
a shared party, the same sentence) and of compatibility (the same type, compatible roles).
A retelling that got another type or other roles upstream ("the strike" read with another
doer, "it", a later paragraph naming the act in other words) stays a second event, which an
analyst codes as a mention of the first (docs/annotation.md 3). This stage asks a small
logistic regression (``sitrep.learn.logreg``, trained by scripts/train_event_join.py on the
allsides-dev gold parts A-G, validated on part H) the probability that two events of one
article report one happening, from features of the pair (``sitrep.learn.join_features``):
how the later one is said, a shared word, distance, agreeing types, parties, dates, places.

A later event joins the earlier event it most probably retells when that probability reaches
the model's threshold. The joined event is the earlier one -- the first report of a
happening names it and its doer best, a recap names it by a noun or a pronoun -- with every
mention of both (provenance), and a role, date or place the earlier one lacks taken from the
later one. Each join is listed in ``article.meta["event_join"]`` (with ``applied``: whether
the model ran on this text). The model is applied only
when its pre-registered held-out decision (the header's ``ships``) said so, and only to
articles (a text of at least ``MIN_SENTENCES`` sentences: the model learned from articles).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from sitrep.learn.join_features import article_pairs
from sitrep.learn.join_training import join_groups
from sitrep.learn.logreg import Model
from sitrep.model import Document, Event

MODEL_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "models" / "event_join.json"
#: texts with fewer sentences are not articles like the ones the model learned from
MIN_SENTENCES = 5


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> Optional[Model]:
    """The shipped model (read once per process), or None when there is none."""
    return Model.load(path) if path.is_file() else None


def applies(model: Optional[Model], doc: Document) -> bool:
    """The model won its held-out decision and the text is an article."""
    return model is not None and bool(model.header.get("ships", True)) \
        and not doc.article.meta.get("short_context") and len(doc.sentences) >= MIN_SENTENCES


def joined_events(events: list[Event], groups: list[int]) -> list[Event]:
    """Per group, its first event with every mention of the group, and a role, date or place
    it lacks from the first later member that has one."""
    out: dict[int, Event] = {}
    for k, e in enumerate(events):
        g = groups[k]
        if g not in out:
            out[g] = e
            continue
        head = out[g]
        spans = {m.span: m for m in (head.mentions or [head.trigger])}
        spans.update({m.span: m for m in (e.mentions or [e.trigger])})
        head.mentions = [spans[s] for s in sorted(spans)]
        head.source = head.source or e.source
        head.target = head.target or e.target
        head.date = head.date or e.date
        head.place = head.place or e.place
    return [out[g] for g in sorted(out)]


def run(doc: Document, kb=None) -> Document:
    """Join the events that retell one happening, when the model applies; note in
    ``article.meta["event_join"]`` whether it applied and every join made."""
    if not doc.events:
        return doc
    model = load_model()
    if not applies(model, doc) or len(doc.events) < 2:
        doc.article.meta["event_join"] = {"applied": False, "joins": []}
        return doc
    triples = article_pairs(doc)
    pairs = [(i, j) for i, j, _ in triples]
    probs = [model.probability(f) for _, _, f in triples]
    groups = join_groups(len(doc.events), pairs, probs, model.threshold)
    best: dict[int, float] = {}
    for (i, j), p in zip(pairs, probs):
        if groups[j] == groups[i] != j:
            best[j] = max(best.get(j, 0.0), p)
    doc.article.meta["event_join"] = {"applied": True, "threshold": model.threshold, "joins": [
        {"joined": doc.events[k].trigger.text, "span": list(doc.events[k].trigger.span),
         "into": doc.events[g].id, "into_trigger": doc.events[g].trigger.text,
         "probability": round(best.get(k, 0.0), 3)}
        for k, g in enumerate(groups) if g != k]}
    doc.events = joined_events(doc.events, groups)
    return doc
