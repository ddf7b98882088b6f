"""The ordered stages: one function from an Article to a Document.

Stages are pure over the document model (no I/O); each adds one layer. Order matters:
places need actors (a capital used as an actor is not a place), events need actors,
places, times, quantities and quotes, certainty needs events and quotes.
"""
from __future__ import annotations

import time
from typing import Callable, Optional

from sitrep.knowledge import Knowledge, default_knowledge
from sitrep.model import Article, Document
from sitrep.stages import (actors, certainty, clean, events, nlp, places, quantities, quotes,
                           times)

Stage = Callable[[Document, Knowledge], Document]

#: (name, stage) in the order they run after ``nlp``
STAGES: list[tuple[str, Stage]] = [
    ("actors", actors.run),
    ("places", places.run),
    ("times", times.run),
    ("quantities", quantities.run),
    ("quotes", quotes.run),
    ("events", events.run),
    ("certainty", certainty.run),
]


def prepare(article: Article, kb: Optional[Knowledge] = None) -> Document:
    """Clean the article and check it can be analysed (raises InputError if not)."""
    kb = kb or default_knowledge()
    started = time.perf_counter()
    doc = clean.run(Document(article=article), kb)
    doc.timings["clean"] = time.perf_counter() - started
    return doc


def analyse(doc: Document, kb: Optional[Knowledge] = None, spacy_doc=None,
            until: Optional[str] = None) -> Document:
    """Run nlp and every later stage on a cleaned document.

    ``until`` stops after the named stage (for evaluation of one layer). An exception
    from a stage carries the stage's name in ``exc.sitrep_stage``.
    """
    kb = kb or default_knowledge()
    for name, stage in [("nlp", lambda d, k: nlp.run(d, k, spacy_doc=spacy_doc))] + STAGES:
        started = time.perf_counter()
        try:
            doc = stage(doc, kb)
        except Exception as exc:
            # callers that record skips need to say which stage failed
            if not hasattr(exc, "sitrep_stage"):
                exc.sitrep_stage = name
            raise
        doc.timings[name] = time.perf_counter() - started
        if name == until:
            break
    return doc


def process(article: Article, kb: Optional[Knowledge] = None, until: Optional[str] = None) -> Document:
    """Article -> Document through every stage."""
    kb = kb or default_knowledge()
    return analyse(prepare(article, kb), kb, until=until)
