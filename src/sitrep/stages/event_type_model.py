"""Type re-scorer stage: a learned second opinion on each event's PLOVER type.

The events stage types each event by rules (the trigger's lexicon entry and its
patterns). A small multinomial logistic regression (``sitrep.learn.softmax``, trained by
scripts/train_type_model.py on DEV gold only) gives every event a probability per PLOVER
type from features of its trigger and sentence (``sitrep.learn.type_features``); the
rules' type stands unless the model's best type beats it by the margin stored with the
model (chosen by grouped cross-validation): a conservative override. An overridden
event loses its mode (a mode belongs to the type the rules gave). Every override is listed
in ``article.meta["type_model"]["overrides"]`` (event, trigger, span, before, after,
margin), so nothing changes unseen. ``article.meta["rules_types"] = True`` keeps the rules'
types for one article, ``ENABLED = False`` for a whole process; without the model file
the stage does nothing.

Status (session 10): measured, not shipped and not wired into the pipeline: no model
file ships, and the stage is in no stage list (docs/type-model.md gives the grouped-CV
figures: no DEV set won by the margin fixed in advance). Were a model to win, it would run
right after ``events`` (before ``certainty``, which reads some types, and before the
sentence-set scorers stop); its features read nothing a later stage sets.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

from sitrep.learn.softmax import Model
from sitrep.learn.type_features import document_features
from sitrep.learn.type_training import override
from sitrep.model import Document

MODEL_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "models" / "type_model.json"

#: whether the model may override the rules when the article does not say
ENABLED = True


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> Optional[Model]:
    """The shipped model (read once per process), or None when there is no file."""
    if not Path(path).is_file():
        return None
    return Model.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


def run(doc: Document, kb=None, model: Optional[Model] = None) -> Document:
    """Re-type the events of ``doc`` where the model is sure enough; note each override."""
    model = load_model() if model is None else model
    if model is None or not doc.events or doc.article.meta.get("rules_types") or not ENABLED:
        return doc
    made = []
    for event, features in zip(doc.events, document_features(doc)):
        probs = model.probabilities(features)
        new = override(probs, event.type, model.threshold)
        if new == event.type:
            continue
        before = model.classes.index(event.type) if event.type in model.classes else None
        margin = probs[model.classes.index(new)] - (probs[before] if before is not None else 0.0)
        made.append({"event": event.id, "trigger": event.trigger.text, "span": list(event.trigger.span),
                     "before": event.type, "after": new, "margin": round(float(margin), 3)})
        event.type, event.mode = new, None
    if made:
        doc.article.meta["type_model"] = {"overrides": made}
    return doc
