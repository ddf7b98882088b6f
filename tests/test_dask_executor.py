"""The Dask executor on a real dask.distributed cluster (2 local worker processes); a worker
killed mid-run is tested on a whole ingest in test_dask_ingest.py."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

import dask_tasks  # noqa: E402
from sitrep.model import Article, Document  # noqa: E402
from sitrep.run.dask_executor import DaskExecutor, read_shard, run_chunk, shard_name, task_fingerprint  # noqa: E402


@pytest.fixture(scope="module", autouse=True)
def ship_test_tasks_by_value():
    import cloudpickle
    cloudpickle.register_pickle_by_value(dask_tasks)
    yield
    cloudpickle.unregister_pickle_by_value(dask_tasks)


def articles(n: int) -> list[Article]:
    return [Article(id=f"a{i:03d}", text=f"Article number {i} about the port.") for i in range(n)]


def chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


@pytest.fixture(scope="module")
def executor(tmp_path_factory):
    shards = tmp_path_factory.mktemp("shards")
    with DaskExecutor(workers=2, shard_dir=str(shards)) as ex:
        yield ex


def test_results_come_back_once_in_input_order(executor):
    items = articles(30)
    # the first chunks are the slowest: workers finish them last
    task = dask_tasks.EchoTask(delays=(("a000", 1.0), ("a003", 0.6)))
    out = [r for batch in executor.map(task, chunks(items, 3)) for r in batch]
    assert [d.article.id for d in out] == [a.id for a in items]
    assert all(isinstance(d, Document) for d in out)
    assert not list(Path(executor.shard_dir).glob("*.parquet"))  # each shard read once, then removed
    assert executor.workers == 2


def test_a_failing_chunk_becomes_the_tasks_failure_records(executor):
    items = articles(9)
    out = [r for batch in executor.map(dask_tasks.EchoTask(fail_on="a004"), chunks(items, 3)) for r in batch]
    assert [r.article.id for r in out[:3] + out[6:]] == ["a000", "a001", "a002", "a006", "a007", "a008"]
    assert out[3:6] == [("failed", f"a00{i}", "RuntimeError") for i in (3, 4, 5)]


def test_a_retried_chunk_rewrites_the_same_shard(tmp_path):
    task = dask_tasks.EchoTask()
    chunk = articles(4)
    fingerprint = task_fingerprint(task)
    name = shard_name(fingerprint, chunk)
    assert name == shard_name(fingerprint, articles(4)) != shard_name(fingerprint, articles(5))
    first = run_chunk(task, chunk, str(tmp_path), name, fingerprint)
    again = run_chunk(task, chunk, str(tmp_path), name, fingerprint)
    assert first == again and [p.name for p in tmp_path.iterdir()] == [name]
    assert [d.article.id for d in read_shard(first)] == [a.id for a in chunk]
    assert not list(tmp_path.iterdir())


def test_a_remote_scheduler_needs_a_shared_shard_folder():
    from sitrep.errors import SitrepError
    with pytest.raises(SitrepError, match="shard"):
        DaskExecutor(scheduler="tcp://127.0.0.1:8786")


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_scheduler_that_does_not_answer_is_one_line_and_leaves_no_store(tmp_path):
    from fault_helpers import assert_one_line_error, cli, write_corpus

    src = write_corpus(tmp_path / "c.jsonl", 3)
    db = tmp_path / "sub" / "s.duckdb"
    db.parent.mkdir()
    done = cli("ingest", str(src), "--db", str(db), "--engine", "dask", "--no-progress",
               "--scheduler", f"tcp://127.0.0.1:{closed_port()}", "--shard-dir", str(tmp_path / "shards"))
    assert_one_line_error(done, "no Dask scheduler answers", "--scheduler")
    assert list(db.parent.iterdir()) == []  # neither a store nor its lock file


def test_a_scheduler_address_is_checked_before_connecting():
    from sitrep.errors import SitrepError
    from sitrep.run.dask_executor import probe_scheduler
    with pytest.raises(SitrepError, match="tcp://HOST:8786"):
        probe_scheduler("localhost")
    with pytest.raises(SitrepError, match="Connection refused"):
        probe_scheduler(f"127.0.0.1:{closed_port()}")


def test_the_api_refuses_cluster_options_without_the_dask_engine(tmp_path):
    import sitrep
    from sitrep.errors import SitrepError
    with pytest.raises(SitrepError, match="scheduler only work with the dask engine"):
        sitrep.open(tmp_path / "a.duckdb").ingest([str(tmp_path)], scheduler="tcp://127.0.0.1:8786")
    assert not (tmp_path / "a.duckdb").exists()


def test_the_spawn_patch_survives_two_executors_closed_out_of_order(monkeypatch):
    import multiprocessing

    import distributed.process as dask_process

    from sitrep.run import dask_executor
    from sitrep.run.dask_executor import workers_spawned_without_main

    # a clean start, whatever executors earlier tests left open
    def dasks_own():
        return multiprocessing.get_context("spawn")

    monkeypatch.setattr(dask_process, "get_mp_context", dasks_own)
    monkeypatch.setattr(dask_executor, "_spawn_patch", {"users": 0, "configured": None, "installed": None})
    first, second = workers_spawned_without_main(), workers_spawned_without_main()
    first.__enter__()
    patched = dask_process.get_mp_context
    assert patched is not dasks_own
    second.__enter__()
    first.__exit__(None, None, None)  # the first closes while the second still runs
    assert dask_process.get_mp_context is patched
    second.__exit__(None, None, None)
    assert dask_process.get_mp_context is dasks_own


def test_dask_workers_start_with_one_blas_thread(executor):
    from sitrep.run.threads import THREAD_VARIABLES
    names = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    out = [r for batch in executor.map(dask_tasks.ThreadEnvTask(names), chunks(articles(4), 1)) for r in batch]
    # a variable the test's own environment sets is the user's choice, kept as it is
    expected = tuple(os.environ.get(name) or "1" for name in names)
    assert set(names) <= set(THREAD_VARIABLES)
    assert out == [expected] * 4


def _worker_settings() -> tuple:
    import dask
    return tuple(dask.config.get(key) for key in ("distributed.worker.profile.enabled",
                                                  "distributed.worker.memory.monitor-interval"))


def test_local_workers_run_without_the_sampling_profiler(executor):
    """The local cluster's workers get LOCAL_CLUSTER_CONFIG (no profiler, slower monitors),
    and the calling process's own Dask config is left as it was."""
    import dask
    seen = executor.client.run(_worker_settings)
    assert len(seen) == 2 and set(seen.values()) == {(False, "1s")}
    assert dask.config.get("distributed.worker.profile.enabled") is True


class _FlakyCluster:
    """Stands in for LocalCluster: the first ``failures`` starts die the way a nanny
    whose worker process did not come up does (a RuntimeError wrapping the cause)."""
    starts = 0
    failures = 1

    def __init__(self, **options):
        type(self).starts += 1
        if type(self).starts <= type(self).failures:
            try:
                raise OSError("worker process exited during start-up")
            except OSError as cause:
                raise RuntimeError("Nanny failed to start.") from cause
        self.closed = False

    def close(self):
        self.closed = True


class _Client:
    def __init__(self, cluster, **options):
        self.cluster = cluster

    def close(self):
        pass


@pytest.mark.parametrize("failures, started", [(1, True), (2, False)])
def test_a_local_cluster_that_fails_to_start_is_tried_again_then_one_line(monkeypatch, tmp_path, failures, started):
    import dask.distributed

    from sitrep.errors import SitrepError

    cluster = type("Cluster", (_FlakyCluster,), {"starts": 0, "failures": failures})
    monkeypatch.setattr(dask.distributed, "LocalCluster", cluster)
    monkeypatch.setattr(dask.distributed, "Client", _Client)
    executor = DaskExecutor(workers=2)
    if started:
        executor.start()
        assert cluster.starts == 2 and executor.workers == 2
        executor.close()
    else:
        with pytest.raises(SitrepError) as refused:
            executor.start()
        message = str(refused.value)
        assert "\n" not in message and "did not start (OSError: worker process exited during start-up)" in message
        assert "--engine local" in message and cluster.starts == 2
    assert not Path(executor.shard_dir).exists()
