"""Event filter stage: drop the candidate events an analyst would not code.

The rule stages propose events generously; a small logistic regression
(``sitrep.learn.logreg``), trained on the allsides-dev gold by
scripts/train_event_filter.py, gives each candidate the probability that an analyst
coding the article by docs/annotation.md would code it, from features of the typed
document (``sitrep.learn.event_features``). Events under the model's threshold are
dropped and counted in ``article.meta["event_filter"]`` (how many, and which: type,
trigger, span, probability), so nothing disappears unseen.

The model was trained on whole articles: a short text (``meta["short_context"]``, a
headline, a sentence, anything under ``MIN_SENTENCES`` sentences) passes unfiltered. ``meta["all_events"] = True`` (``--all-events``)
keeps every event and still records the probabilities; ``ENABLED`` says whether the
filter drops anything by default (see docs/event-filter.md for the figures behind it).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sitrep.learn.event_features import document_features
from sitrep.learn.logreg import Model
from sitrep.model import Document

MODEL_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "models" / "event_filter.json"

#: texts with fewer sentences are not articles like the ones the model learned from
MIN_SENTENCES = 5

#: whether the filter drops events when the article does not say (meta["all_events"])
ENABLED = True


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> Model:
    """The shipped model (read once per process)."""
    return Model.load(path)


def keeps_all(doc: Document) -> bool:
    """True when this document's events all pass: asked for, filter off, or a short text."""
    meta = doc.article.meta
    if "all_events" in meta:
        return bool(meta["all_events"])
    return not ENABLED or bool(meta.get("short_context")) or len(doc.sentences) < MIN_SENTENCES


def run(doc: Document, kb=None) -> Document:
    """Score every event; drop those under the threshold unless ``keeps_all(doc)``."""
    if not doc.events:
        return doc
    model = load_model()
    scored = list(zip(doc.events, map(model.probability, document_features(doc))))
    if keeps_all(doc):
        doc.article.meta["event_filter"] = {"dropped": 0, "kept": len(scored), "threshold": model.threshold,
                                            "applied": False}
        return doc
    dropped = [(e, p) for e, p in scored if p < model.threshold]
    doc.events = [e for e, p in scored if p >= model.threshold]
    doc.article.meta["event_filter"] = {
        "dropped": len(dropped), "kept": len(doc.events), "threshold": model.threshold, "applied": True,
        "dropped_events": [{"type": e.type, "trigger": e.trigger.text, "span": list(e.trigger.span),
                            "probability": round(p, 3)} for e, p in dropped]}
    return doc
