"""Local parallel execution of the pipeline: a process pool whose workers load the
Knowledge (spaCy and tables) once, in their initializer, and analyse chunks of articles.

Workers never touch the store: they return plain dicts (the document JSON plus the
near-duplicate signature) and the parent writes them. One article failing in one stage
becomes a skip record for that article, never an exception for the batch.
"""
from __future__ import annotations

import os
import signal
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Any, Iterable, Iterator, Optional

from sitrep.errors import InputError
from sitrep.model import Article

#: the points ``until`` may name, in order: "clean" stores cleaned articles without NLP
UNTIL_CHOICES = ("clean", "nlp", "actors", "places", "times", "quantities", "quotes", "events", "certainty")

_KB = None


def _init_worker(until: Optional[str] = None) -> None:
    from sitrep.lifeline import die_with_parent
    die_with_parent()  # no orphan worker when the parent is killed (kill -9, OOM)
    # the parent decides what an interrupt means; workers just finish or get cancelled
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    global _KB
    from sitrep.knowledge import default_knowledge
    _KB = default_knowledge()
    if until != "clean":
        _KB.nlp  # load once per worker, before the first article


def _skip(article: Article, reason: str, stage: str, detail: str) -> dict[str, Any]:
    return {"ok": False, "article_id": article.id, "origin": article.origin or article.url or article.id,
            "reason": reason, "stage": stage, "detail": detail}


def process_articles(articles: list[Article], until: Optional[str] = None) -> list[dict[str, Any]]:
    """Analyse a chunk of articles; returns one result dict per article, in order."""
    from sitrep import pipeline
    from sitrep.corpus.dedup import signature
    from sitrep.knowledge import default_knowledge

    kb = _KB or default_knowledge()
    results: list[Optional[dict]] = [None] * len(articles)
    prepared = []
    for i, article in enumerate(articles):
        started = time.perf_counter()
        try:
            doc = pipeline.prepare(article, kb)
            if not (doc.article.text or "").strip():
                raise InputError(article.origin or article.id, "empty", "no text left after cleaning")
            prepared.append((i, doc, started))
        except InputError as exc:
            results[i] = _skip(article, exc.reason, "clean", exc.detail)
        except Exception as exc:  # noqa: BLE001 - one article must not sink the batch
            results[i] = _skip(article, "internal_error", "clean", _describe(exc))

    spacy_share = 0.0
    if until != "clean" and prepared:
        t0 = time.perf_counter()
        try:
            sdocs = list(kb.nlp.pipe([d.article.text for _, d, _ in prepared], batch_size=len(prepared)))
        except Exception:  # noqa: BLE001 - fall back to one at a time to find the culprit
            sdocs = [None] * len(prepared)
        spacy_share = (time.perf_counter() - t0) / len(prepared)

    for k, (i, doc, started) in enumerate(prepared):
        try:
            if until != "clean":
                doc = pipeline.analyse(doc, kb, spacy_doc=sdocs[k], until=until)
            t0 = time.perf_counter()
            sig = signature(doc.article.text)
            timings = {"spacy": spacy_share, **doc.timings, "signature": time.perf_counter() - t0}
            results[i] = {"ok": True, "doc": doc.to_dict(), "signature": sig, "timings": timings,
                          "seconds": time.perf_counter() - started}
        except InputError as exc:
            results[i] = _skip(doc.article, exc.reason, getattr(exc, "sitrep_stage", "nlp"), exc.detail)
        except Exception as exc:  # noqa: BLE001
            results[i] = _skip(doc.article, "internal_error", getattr(exc, "sitrep_stage", "signature"),
                               _describe(exc))
    return results  # type: ignore[return-value]


def _describe(exc: BaseException) -> str:
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
    return f"{type(exc).__name__}: {exc}{where}"


def default_workers() -> int:
    return os.cpu_count() or 1


def run_chunks(chunks: Iterable[list[Article]], workers: int, until: Optional[str] = None
               ) -> Iterator[list[dict[str, Any]]]:
    """Yield the results of each chunk as it completes (any order for workers > 1).

    With one worker everything runs in this process (no pool start-up). The number of
    chunks in flight is bounded, so reading a huge input never fills memory.
    """
    if workers <= 1:
        for chunk in chunks:
            yield process_articles(chunk, until)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")  # no fork of a process holding a DuckDB handle
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_init_worker, initargs=(until,))
    pending: dict = {}
    limit = workers * 2

    def collect(done) -> Iterator[list[dict[str, Any]]]:
        for fut in done:
            chunk = pending.pop(fut)
            try:
                yield fut.result()
            except Exception as exc:  # noqa: BLE001 - a dead worker skips its chunk only
                yield [_skip(a, "internal_error", "worker", _describe(exc)) for a in chunk]

    try:
        for chunk in chunks:
            pending[pool.submit(process_articles, chunk, until)] = chunk
            if len(pending) >= limit:
                done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
                yield from collect(done)
        while pending:
            done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
            yield from collect(done)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    else:
        pool.shutdown(wait=True)  # reap the workers (and let their resource usage be counted)
    finally:
        if pending:  # closed early by the consumer (GeneratorExit)
            pool.shutdown(wait=False, cancel_futures=True)
