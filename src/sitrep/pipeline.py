"""The ordered stages: one function from an Article to a Document.

Stages are pure over the document model (no I/O); each adds one layer. Order matters:
places need actors (a capital used as an actor is not a place), events need actors,
places, times, quantities and quotes, certainty needs events and quotes.
"""
from __future__ import annotations

import time
from typing import Callable, Iterable, Iterator, Optional

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

    ``until`` stops after the named stage (for evaluation of one layer).
    """
    kb = kb or default_knowledge()
    started = time.perf_counter()
    nlp.run(doc, kb, spacy_doc=spacy_doc)
    doc.timings["nlp"] = time.perf_counter() - started
    if until == "nlp":
        return doc
    for name, stage in STAGES:
        started = time.perf_counter()
        doc = stage(doc, kb)
        doc.timings[name] = time.perf_counter() - started
        if name == until:
            break
    return doc


def process(article: Article, kb: Optional[Knowledge] = None, until: Optional[str] = None) -> Document:
    """Article -> Document through every stage."""
    kb = kb or default_knowledge()
    return analyse(prepare(article, kb), kb, until=until)


def process_many(articles: Iterable[Article], kb: Optional[Knowledge] = None,
                 batch_size: int = 8) -> Iterator[Document]:
    """Like ``process`` for a stream, parsing with ``nlp.pipe`` batches (faster)."""
    kb = kb or default_knowledge()
    batch: list[Document] = []

    def flush() -> Iterator[Document]:
        started = time.perf_counter()
        sdocs = list(kb.nlp.pipe([d.article.text for d in batch], batch_size=batch_size))
        share = (time.perf_counter() - started) / max(1, len(batch))
        for doc, sdoc in zip(batch, sdocs):
            yield analyse(doc, kb, spacy_doc=sdoc)
            doc.timings["nlp"] = share
        batch.clear()

    for article in articles:
        batch.append(prepare(article, kb))
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()
