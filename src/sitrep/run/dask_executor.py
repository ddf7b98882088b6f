"""The pipeline on a Dask distributed cluster: the executor behind ``--engine dask``.

``DaskExecutor(workers=N)`` starts a local cluster of N worker processes (one thread
each: spaCy and the stages hold the GIL); ``DaskExecutor(scheduler="tcp://host:8786")``
uses a running cluster instead, however many machines it has. It implements the
Executor protocol of sitrep.run.executor: ``map(task, chunks)`` runs the picklable task
on each chunk (a partition) in a worker and yields each chunk's results.

Shards. A worker does not send its documents back through the scheduler: it writes the
chunk's results as one Parquet file, ``shard-<hash>.parquet``, into the shard folder (a
local folder for a local cluster, a folder every machine shares -- NFS, or an fsspec URL
such as s3://bucket/run -- for a remote one) and returns the file's name. The name is
the hash of what the chunk holds (article ids and content hashes) and of the task, so a
task that is run again -- its worker died, the scheduler retried it -- rewrites the same
file (written aside and renamed into place: never half a shard) and nothing doubles. The
coordinating process reads each shard once, when its chunk's turn comes, and hands the
results to the caller (ingest stores them, de-duplicated by content hash as always),
then deletes the shard unless ``keep_shards``. A shard has queryable columns (article
id, content hash, the document JSON) and the exact result object (pickled) that is read
back; DuckDB reads a kept folder of shards directly (``read_parquet('dir/*.parquet')``).

Order. Results are yielded in input order, whatever order the workers finish in, with a
bounded window of chunks in flight: the store then sees articles in the same order as a
one-process run, so near-duplicate links and id suffixes come out the same.

Failures. A chunk whose task raises, or whose workers keep dying (Dask's
``allowed-failures``), becomes ``task.failed(chunk, error)`` -- one skip per article --
never an exception for the run.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import pickle
import re
import socket
import tempfile
import threading
import uuid
from collections import deque
from typing import Any, Iterable, Iterator, Optional

from sitrep.errors import SitrepError
from sitrep.model import Article, Document
from sitrep.run.executor import spawn_context_without_main

#: chunks in flight per worker thread: enough to keep every worker busy while the
#: coordinator reads a shard, few enough that memory stays bounded
IN_FLIGHT_PER_WORKER = 3
#: seconds to wait for a running scheduler to answer
CONNECT_TIMEOUT = 30
#: Dask settings for the local cluster: its background work (the workers' sampling profiler
#: at 100 stacks a second, the GIL and system monitors, the memory monitor ten times a
#: second, the event-loop tick 50 times a second) costs CPU in proportion to wall time, and on
#: a machine with as many cores as workers it is taken from the pipeline. None of it changes
#: what is computed; the dashboards are off already. A remote cluster keeps its own settings
#: (docs/scaling.md shows the same in a Dask config file).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "200ms",
}
#: a local worker process can fail to come up on a loaded machine (its nanny gives up
#: while the child is still importing); a second start usually succeeds
LOCAL_START_ATTEMPTS = 2


class DaskExecutor:
    """Executor on dask.distributed (module docstring)."""

    def __init__(self, workers: Optional[int] = None, scheduler: Optional[str] = None,
                 shard_dir: Optional[str] = None, keep_shards: bool = False,
                 in_flight_per_worker: int = IN_FLIGHT_PER_WORKER):
        if scheduler and not shard_dir:
            raise SitrepError("with --scheduler the workers need a shard folder this machine can read too: "
                              "pass --shard-dir on a shared filesystem (or an fsspec URL such as s3://bucket/run)")
        self.scheduler = scheduler
        self.requested_workers = workers
        self.keep_shards = keep_shards
        self.in_flight_per_worker = in_flight_per_worker
        self._own_shard_dir = shard_dir is None
        self.shard_dir = shard_dir or tempfile.mkdtemp(prefix="sitrep-shards-")
        self._client = None
        self._cluster = None
        self._spawns_without_main = None
        self.workers = workers or 1

    # -- the cluster ------------------------------------------------------------------------
    @property
    def client(self):
        if self._client is None:
            self.start()
        return self._client

    def start(self) -> "DaskExecutor":
        """Connect to the scheduler, or start the local cluster; a scheduler that does
        not answer is a SitrepError at once. ``sitrep ingest`` calls this before it opens
        the store, so a cluster that is not there leaves no store behind."""
        if self._client is not None:
            return self
        try:
            import dask
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise SitrepError("the dask engine needs dask[distributed]: pip install 'dask[distributed]>=2026.8'") from None
        if self.scheduler:
            probe_scheduler(self.scheduler)
            try:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise SitrepError(f"no Dask scheduler answers at {self.scheduler} ({exc}); start one "
                                  "(`dask scheduler` and `dask worker`) or leave out --scheduler") from None
            threads = self._client.nthreads()
            self.workers = max(1, sum(threads.values()))
            return self
        n = self.requested_workers or (os.cpu_count() or 1)
        # Dask's nannies spawn their workers (and re-spawn one that died) from this process
        # for as long as the cluster lives; a spawned child would re-run a calling script
        # that has no __main__ guard, so each of those starts -- and nothing else -- hides it
        self._spawns_without_main = workers_spawned_without_main()
        self._spawns_without_main.__enter__()
        # one thread per worker process: the pipeline is CPU-bound Python (spaCy holds the GIL);
        # one BLAS thread each comes with the spawn context (sitrep.run.threads) -- Dask's
        # ``env=`` would be set after the child has imported numpy, too late
        for attempt in range(1, LOCAL_START_ATTEMPTS + 1):
            try:
                # the nannies take the config along when they spawn (or re-spawn) a worker
                with dask.config.set(LOCAL_CLUSTER_CONFIG):
                    self._cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                                 dashboard_address=None, worker_dashboard_address=None,
                                                 silence_logs=logging.ERROR)
                self._client = Client(self._cluster)
                break
            except Exception as exc:  # noqa: BLE001 - a worker that did not come up: try again, then say so
                self._stop_cluster()
                if attempt == LOCAL_START_ATTEMPTS:
                    self.close()
                    raise SitrepError(f"the local Dask cluster of {n} workers did not start "
                                      f"({root_cause(exc)}); run again, ask for fewer --workers, "
                                      "or use --engine local") from None
            except BaseException:
                self.close()
                raise
        self.workers = n
        return self

    def _stop_cluster(self) -> None:
        """Close a half-started cluster, quietly: its failure is reported by the caller."""
        for part in (self._client, self._cluster):
            if part is not None:
                with contextlib.suppress(Exception):
                    part.close()
        self._client = self._cluster = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
        if self._spawns_without_main is not None:
            self._spawns_without_main.__exit__(None, None, None)
            self._spawns_without_main = None
        if self._own_shard_dir and not self.keep_shards:
            _remove_dir(self.shard_dir)

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- the work -------------------------------------------------------------------------------
    def map(self, task, chunks: Iterable[list[Article]]) -> Iterator[list]:
        """Yield each chunk's results, in input order (module docstring)."""
        client = self.client
        fingerprint = task_fingerprint(task)
        window: deque = deque()
        limit = max(1, self.workers * self.in_flight_per_worker)
        try:
            for chunk in chunks:
                name = shard_name(fingerprint, chunk)
                future = client.submit(run_chunk, task, chunk, self.shard_dir, name, fingerprint,
                                       key=f"sitrep-{name}-{uuid.uuid4().hex[:8]}", pure=False)
                window.append((future, chunk))
                while len(window) >= limit:
                    yield self._collect(task, *window.popleft())
            while window:
                yield self._collect(task, *window.popleft())
        finally:
            for future, _ in window:  # closed early (interrupt, consumer stopped)
                future.cancel()

    def _collect(self, task, future, chunk: list[Article]) -> list:
        try:
            shard = future.result()
            return read_shard(shard, delete=not self.keep_shards)
        except Exception as exc:  # noqa: BLE001 - a lost chunk becomes skips, never a failed run
            return task.failed(chunk, exc)
        finally:
            future.release()


@contextlib.contextmanager
def workers_spawned_without_main() -> Iterator[None]:
    """While it is open, the processes Dask spawns from this process (a local cluster's
    workers, at start-up and when a nanny replaces one that died) start with the
    caller's script hidden for the moment of ``start()`` only (sitrep.run.executor's
    spawn context): the caller's ``__main__`` stays in place for its own code --
    pickling a class it defines, ``sys.modules["__main__"]`` -- while the cluster runs.

    Dask picks its multiprocessing context in ``distributed.process`` when it creates a
    process; this hands it the spawn context that hides the script (other start methods,
    fork and forkserver, do not re-import the script and are left as they are)."""
    try:
        import distributed.process as dask_process
    except ImportError:
        yield
        return
    _hide_main_in_dask_spawns(dask_process)
    try:
        yield
    finally:
        _restore_dask_spawns(dask_process)


#: the patch of ``distributed.process.get_mp_context`` is shared by every open
#: ``workers_spawned_without_main`` (two executors at once, closed in any order): the
#: first to open installs it, the last to close puts Dask's own function back
_SPAWN_PATCH_LOCK = threading.Lock()
_spawn_patch: dict[str, Any] = {"users": 0, "configured": None, "installed": None}


def _hide_main_in_dask_spawns(dask_process) -> None:
    with _SPAWN_PATCH_LOCK:
        if _spawn_patch["users"] == 0:
            configured = dask_process.get_mp_context

            def context():
                ctx = configured()
                return spawn_context_without_main() if ctx.get_start_method() == "spawn" else ctx

            _spawn_patch.update(configured=configured, installed=context)
            dask_process.get_mp_context = context
        _spawn_patch["users"] += 1


def _restore_dask_spawns(dask_process) -> None:
    with _SPAWN_PATCH_LOCK:
        _spawn_patch["users"] -= 1
        if _spawn_patch["users"] > 0:
            return
        # someone who patched it after us keeps theirs (their own restore is theirs to do)
        if dask_process.get_mp_context is _spawn_patch["installed"]:
            dask_process.get_mp_context = _spawn_patch["configured"]
        _spawn_patch.update(configured=None, installed=None)


def root_cause(exc: BaseException) -> str:
    """The innermost exception of a chain, as one line: Dask wraps a worker that died at
    start-up in several layers of "failed to start"."""
    seen = set()
    while (exc.__cause__ or exc.__context__) is not None and id(exc) not in seen:
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def probe_scheduler(address: str, timeout: float = 5.0) -> None:
    """A plain TCP connection to a ``tcp://host:port`` scheduler first: a name that does
    not resolve or a port nobody listens on is said in a second, not after Dask's
    connect timeout. Other schemes (tls://, inproc://) are left to Dask."""
    match = re.match(r"^(?:tcp://)?\[?([^\]/]+?)\]?:(\d+)/?$", address.strip())
    if not match:
        if "://" not in address:
            raise SitrepError(f"--scheduler {address!r} is not a scheduler address; give it as tcp://HOST:8786")
        return
    host, port = match.group(1), int(match.group(2))
    try:
        with socket.create_connection((host, port), timeout=timeout):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise SitrepError(f"no Dask scheduler answers at {address} ({reason}); start one (`dask scheduler` "
                          "and `dask worker`) or leave out --scheduler; nothing was stored") from None


def shard_name(fingerprint: str, chunk: list[Article]) -> str:
    """``shard-<hash>.parquet`` from what the chunk holds and what the task does: the
    same chunk run again (a retried task) gets the same name."""
    from sitrep.corpus.store import content_hash

    digest = hashlib.sha256()
    digest.update(fingerprint.encode("utf-8"))
    for article in chunk:
        chash = (article.meta or {}).get("content_hash") or content_hash(article.text or "")
        digest.update(f"\x00{article.id}\x00{chash}".encode("utf-8"))
    return f"shard-{digest.hexdigest()[:32]}.parquet"


def task_fingerprint(task) -> str:
    """What a task does, as text: its type and the hash of its pickle (a pipeline pickles
    without its Knowledge, so this is its stages and options)."""
    try:
        return f"{type(task).__module__}.{type(task).__qualname__}:{hashlib.sha256(pickle.dumps(task)).hexdigest()}"
    except Exception:  # noqa: BLE001 - an unpicklable part: the type still separates tasks
        return f"{type(task).__module__}.{type(task).__qualname__}"


# -- in the worker ------------------------------------------------------------------------------

_WARM: set[str] = set()


def run_chunk(task, chunk: list[Article], shard_dir: str, name: str, fingerprint: str) -> str:
    """Run the task on one chunk in a worker and write its results as a shard; returns
    the shard's path. Knowledge is loaded once per worker process (``task.warm_up``)."""
    if fingerprint not in _WARM:
        task.warm_up()
        _WARM.add(fingerprint)
    results = task(chunk)
    return write_shard(results, shard_dir, name)


def write_shard(results: list, shard_dir: str, name: str) -> str:
    """One Parquet file for a chunk's results, written aside and renamed into place."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_shard_row(i, r) for i, r in enumerate(results)]
    table = pa.table({
        "position": pa.array([r[0] for r in rows], pa.int32()),
        "kind": pa.array([r[1] for r in rows], pa.string()),
        "article_id": pa.array([r[2] for r in rows], pa.string()),
        "content_hash": pa.array([r[3] for r in rows], pa.string()),
        "document": pa.array([r[4] for r in rows], pa.string()),
        "result": pa.array([r[5] for r in rows], pa.binary()),
    })
    fs, root = _filesystem(shard_dir)
    path = f"{root.rstrip('/')}/{name}"
    partial = f"{path}.{uuid.uuid4().hex[:8]}.partial"
    fs.makedirs(root, exist_ok=True)
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    with fs.open(partial, "wb") as f:
        f.write(buffer.getvalue())
    fs.mv(partial, path)  # a retried task replaces the file whole: readers never see half
    return _join(shard_dir, name)


def _shard_row(position: int, result: Any) -> tuple:
    """(position, kind, article id, content hash, document JSON, the pickled result): a
    Document, or a result carrying one (the ingest's Analysed), has queryable columns."""
    document = result if isinstance(result, Document) else getattr(result, "document", None)
    if isinstance(document, Document):
        document.nlp = None  # the spaCy Doc stays in the worker
        article = document.article
        doc_json = json.dumps(document.to_dict(), ensure_ascii=False)
        return (position, "document", article.id, (article.meta or {}).get("content_hash"), doc_json,
                pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return (position, type(result).__name__.lower(), getattr(result, "input_id", None), None, None,
            pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


# -- in the coordinating process --------------------------------------------------------------

def read_shard(path: str, delete: bool = True) -> list:
    """The results a shard holds, in their chunk order."""
    import pyarrow.parquet as pq

    fs, local = _filesystem(path)
    with fs.open(local, "rb") as f:
        table = pq.read_table(f, columns=["position", "result"])
    order = table.column("position").to_pylist()
    blobs = table.column("result").to_pylist()
    results = [pickle.loads(blob) for _, blob in sorted(zip(order, blobs), key=lambda pair: pair[0])]
    if delete:
        fs.rm(local)
    return results


def _filesystem(path: str):
    """(fsspec filesystem, path within it) for a local path or an fsspec URL."""
    import fsspec

    fs, _, paths = fsspec.get_fs_token_paths(path)
    return fs, paths[0]


def _join(base: str, name: str) -> str:
    return f"{base.rstrip('/')}/{name}" if "://" in base else os.path.join(base, name)


def _remove_dir(path: str) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
