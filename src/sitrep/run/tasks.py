"""The work an executor ships to its workers: picklable tasks over chunks of articles.

``AnalyseTask`` runs ``Pipeline.pipe`` and returns ``Document | Skip`` per article, the
documents without their spaCy Doc (which stays in the worker). ``IngestTask`` adds what
the store needs besides the document, computed where the work runs: the near-duplicate
MinHash signature. Both are typed records across the process boundary, never dicts.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Optional, Union

from sitrep.errors import Skip, describe
from sitrep.model import Article, Document
from sitrep.pipeline import Pipeline


@dataclass
class Analysed:
    """A document ready for the store, with its MinHash signature (None for no words)."""
    document: Document
    signature: Optional[list[int]] = None


@dataclass(frozen=True)
class AnalyseTask:
    pipeline: Pipeline

    def __call__(self, chunk: list[Article]) -> list[Union[Document, Skip]]:
        return [_detached(item) for item in self.pipeline.pipe(chunk)]

    def failed(self, chunk: list[Article], error: BaseException) -> list[Skip]:
        return worker_failed(chunk, error)

    def warm_up(self) -> None:
        self.pipeline.warm_up()


@dataclass(frozen=True)
class IngestTask(AnalyseTask):
    def __call__(self, chunk: list[Article]) -> list[Union[Analysed, Skip]]:  # type: ignore[override]
        from sitrep.corpus.dedup import signature

        out: list[Union[Analysed, Skip]] = []
        for item in super().__call__(chunk):
            if isinstance(item, Skip):
                out.append(item)
                continue
            started = time.perf_counter()
            try:
                minhash = signature(item.article.text)
            except Exception as exc:  # noqa: BLE001 - one article must not sink the chunk
                out.append(Skip.from_exception(exc, item.article.origin or item.article.id, "signature",
                                               item.article.id))
                continue
            item.timings["signature"] = time.perf_counter() - started
            out.append(Analysed(item, minhash))
        return out


def worker_failed(chunk: list[Article], error: BaseException) -> list[Skip]:
    """A chunk whose worker died: one internal_error Skip per article, stage ``worker``."""
    return [Skip(a.origin or a.url or a.id, "internal_error", describe(error), "worker", a.id) for a in chunk]


def _detached(item: Union[Document, Skip]) -> Union[Document, Skip]:
    if isinstance(item, Document):
        item.nlp = None  # a spaCy Doc is large to pickle and means nothing in another process
    return item
