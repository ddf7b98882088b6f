"""Small picklable tasks for the Dask executor tests (shipped to the workers by value)."""
from __future__ import annotations

import time
from dataclasses import dataclass

from sitrep.model import Article, Document


@dataclass(frozen=True)
class EchoTask:
    """One Document per article; a chunk holding ``fail_on`` raises; ``delays`` slows the
    chunk whose first article id is a key, so chunks finish out of order."""
    fail_on: str = ""
    delays: tuple = ()

    def __call__(self, chunk: list[Article]) -> list[Document]:
        if any(a.id == self.fail_on for a in chunk):
            raise RuntimeError(f"cannot analyse {self.fail_on}")
        time.sleep(dict(self.delays).get(chunk[0].id, 0.0))
        return [Document(article=a, sentences=[(0, len(a.text))]) for a in chunk]

    def failed(self, chunk: list[Article], error: BaseException) -> list[tuple]:
        return [("failed", a.id, type(error).__name__) for a in chunk]

    def warm_up(self) -> None:
        pass


@dataclass(frozen=True)
class ThreadEnvTask:
    """Reports, per article, the BLAS thread variables of the worker process it ran in."""
    names: tuple

    def __call__(self, chunk: list[Article]) -> list[tuple]:
        import os
        return [tuple(os.environ.get(name) for name in self.names) for _ in chunk]

    def failed(self, chunk: list[Article], error: BaseException) -> list[tuple]:
        return [("failed", a.id, type(error).__name__) for a in chunk]

    def warm_up(self) -> None:
        pass
