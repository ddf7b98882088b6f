"""Where the pipeline runs. An executor maps a picklable task over chunks of articles.

The interface an engine implements (the local pool here, Dask in dask_executor.py)::

    class Executor:                       # a context manager
        workers: int
        def map(self, task, chunks: Iterable[list[Article]]) -> Iterator[list[R]]
        def close(self) -> None

    class Task:                           # picklable (see sitrep.run.tasks)
        def __call__(self, chunk: list[Article]) -> list[R]     # in a worker
        def failed(self, chunk, error) -> list[R]               # its worker died
        def warm_up(self) -> None          # once per worker, before its first chunk

``map`` yields each chunk's results in input order, whichever worker finishes first: the
store then receives articles in the order they were read, so a parallel ingest stores
the same thing as a run on one worker (which of two near-duplicates is "the earlier" does
not depend on timing). A chunk
whose worker dies becomes ``task.failed(chunk, error)``: one Skip per article, never an
exception for the run. The number of chunks in flight is bounded, so a huge input never
fills memory. Executors never touch the store: the caller writes what they return.
"""
from __future__ import annotations

import collections
import contextlib
import os
import signal
import sys
import threading
import types
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any, Callable, Iterable, Iterator, Optional, Protocol, TypeVar

from sitrep.model import Article
from sitrep.run.threads import single_threaded_children

R = TypeVar("R")


class Task(Protocol[R]):
    def __call__(self, chunk: list[Article]) -> list[R]: ...

    def failed(self, chunk: list[Article], error: BaseException) -> list[R]: ...

    def warm_up(self) -> None: ...


class Executor(Protocol):
    workers: int

    def map(self, task: Task[R], chunks: Iterable[list[Article]]) -> Iterator[list[R]]: ...

    def close(self) -> None: ...


def default_workers() -> int:
    return os.cpu_count() or 1


class InlineExecutor:
    """Everything in this process, in order: no start-up cost, the right choice for small
    inputs and for one worker."""

    workers = 1

    def map(self, task: Task[R], chunks: Iterable[list[Article]]) -> Iterator[list[R]]:
        task.warm_up()
        for chunk in chunks:
            yield task(chunk)

    def close(self) -> None:
        pass

    def __enter__(self) -> "InlineExecutor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class LocalProcessExecutor:
    """A pool of ``workers`` spawned processes on this machine.

    Spawned, not forked: the parent may hold a DuckDB handle and threads. The pool starts
    with the first ``map`` (each worker runs that task's ``warm_up`` once, loading the
    Knowledge) and is kept for later maps until ``close``. Workers ignore Ctrl-C: the
    parent decides what an interrupt means.
    """

    def __init__(self, workers: int, in_flight_per_worker: int = 3):
        self.workers = workers
        self.limit = workers * in_flight_per_worker
        self._pool: Optional[ProcessPoolExecutor] = None

    def map(self, task: Task[R], chunks: Iterable[list[Article]]) -> Iterator[list[R]]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_SPAWN_WITHOUT_MAIN,
                                             initializer=_init_worker, initargs=(task,))
        pool = self._pool
        # in submission order; the oldest is yielded when done, while the workers go on
        # with the younger ones (a slow chunk delays the results behind it, not the work)
        pending: collections.deque = collections.deque()

        def oldest() -> list[R]:
            future, chunk = pending.popleft()
            try:
                return future.result()
            except Exception as exc:  # noqa: BLE001 - a dead worker loses its chunk only
                return task.failed(chunk, exc)

        try:
            for chunk in chunks:
                pending.append((pool.submit(task, chunk), chunk))
                while len(pending) >= self.limit or (pending and pending[0][0].done()):
                    yield oldest()
            while pending:
                yield oldest()
        except BaseException:
            self.close(wait=False)
            raise
        finally:
            if pending:  # closed early by the consumer (GeneratorExit)
                self.close(wait=False)

    def close(self, wait: bool = True) -> None:
        """Stop the workers; ``wait`` reaps them (so their resource usage is counted)."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "LocalProcessExecutor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close(wait=exc[0] is None)


def _local(workers: Optional[int]) -> Executor:
    """The local pool; one worker runs inline (no process to start)."""
    workers = workers or default_workers()
    return InlineExecutor() if workers <= 1 else LocalProcessExecutor(workers)


def _dask(workers: Optional[int], scheduler: Optional[str] = None, shard_dir: Optional[str] = None) -> Executor:
    """A Dask cluster: a local one of ``workers`` processes (all cores when None), or
    the one at ``scheduler``; imported only when asked for."""
    from sitrep.run.dask_executor import DaskExecutor
    return DaskExecutor(workers=workers, scheduler=scheduler, shard_dir=shard_dir)


#: the engines ``make_executor`` knows: name -> factory(workers, **options); a new
#: engine registers its factory here (and its name in sitrep.cli.corpus.ENGINES)
ENGINES: dict[str, Callable[..., Executor]] = {"local": _local, "dask": _dask}


def make_executor(engine: str = "local", workers: Optional[int] = None, **options: Any) -> Executor:
    """The executor for an engine name, a worker count and the engine's own options
    (None values are left out, so each engine keeps its defaults)."""
    from sitrep.errors import SitrepError
    if engine not in ENGINES:
        raise SitrepError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    return ENGINES[engine](workers, **{k: v for k, v in options.items() if v is not None})


def _init_worker(task: Task) -> None:
    from sitrep.lifeline import die_with_parent
    die_with_parent()  # no orphan worker when the parent is killed (kill -9, OOM)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the BLAS thread count is not set here: numpy is imported before this runs (the task
    # was unpickled), too late for it -- _ProcessWithoutMain.start gives it to the child
    task.warm_up()


# -- spawning without re-running the caller's script ------------------------------------------
# A spawned child re-imports the parent's __main__ when it is a script file, so a script
# that calls sitrep without an ``if __name__ == "__main__"`` guard would run again in
# every worker (and fail, starting a pool inside a pool). Workers need nothing from that
# script -- tasks and stages are pickled by reference to sitrep's own modules -- so while a
# worker starts, the script is hidden from the data the child is prepared from.

#: one child starts at a time: hiding the script and setting the BLAS variables change
#: process-wide state (sys.modules, os.environ), and Dask's nannies start their workers
#: from several threads at once -- without the lock one start's restore would put the
#: script back while another child is still being prepared, and that child re-ran it
_STARTING = threading.Lock()


class _ProcessWithoutMain(SpawnProcess):
    def start(self) -> None:
        # and one BLAS thread per worker, in the environment the child starts with
        # (sitrep.run.threads: numpy reads it once, at import)
        with _STARTING, main_hidden(), single_threaded_children():
            super().start()


class _SpawnWithoutMainContext(SpawnContext):
    Process = _ProcessWithoutMain


@contextlib.contextmanager
def main_hidden() -> Iterator[None]:
    main = sys.modules.get("__main__")
    is_script = main is not None and getattr(main, "__spec__", None) is None and getattr(main, "__file__", None)
    if not is_script:
        yield
        return
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


_SPAWN_WITHOUT_MAIN = _SpawnWithoutMainContext()


def spawn_context_without_main() -> SpawnContext:
    """The spawn context whose processes hide the caller's script while they start (and
    only then); the Dask executor gives it to the nannies of a local cluster."""
    return _SPAWN_WITHOUT_MAIN
