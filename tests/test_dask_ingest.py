"""`sitrep ingest --engine dask` on a real 2-worker dask.distributed cluster: the store it
makes equals the one-process run's (same articles, events, incidents), and a worker
killed mid-run loses nothing and doubles nothing."""
from __future__ import annotations

import os
import signal
import threading

import pytest

pytest.importorskip("distributed")

from sitrep.corpus.ingest import ingest  # noqa: E402
from sitrep.corpus.store import Store  # noqa: E402
from sitrep.demo import demo_inputs  # noqa: E402

#: what must be equal; ingest times and the run log differ between runs
QUERIES = {
    "articles": "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY article_id",
    "events": "SELECT * FROM events ORDER BY event_id",
    "incidents": "SELECT * FROM incidents ORDER BY incident_id",
    "incident_mentions": "SELECT * FROM incident_mentions ORDER BY event_id",
    "skipped": "SELECT * EXCLUDE (skipped_at) FROM skipped ORDER BY ALL",
    "documents": "SELECT article_id, body FROM documents ORDER BY article_id",
}


def snapshot(path) -> dict:
    with Store(path, read_only=True) as store:
        return {name: store.con.execute(sql).fetchall() for name, sql in QUERIES.items()}


@pytest.fixture(scope="module")
def local_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("local") / "local.duckdb"
    with Store(path) as store:
        ingest([str(p) for p in demo_inputs()], store, workers=1, progress=False)
    return path


def test_dask_ingest_equals_the_local_run(local_store, tmp_path):
    path = tmp_path / "dask.duckdb"
    with Store(path) as store:
        summary = ingest([str(p) for p in demo_inputs()], store, workers=2, engine="dask", progress=False,
                         chunk_size=2)
    assert summary.ingested > 10
    local, dask = snapshot(local_store), snapshot(path)
    for name in QUERIES:
        assert dask[name] == local[name], name


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(local_store, tmp_path, monkeypatch):
    from sitrep.run import dask_executor

    killed = threading.Event()
    original = dask_executor.DaskExecutor._collect

    def collect_and_kill_once(self, task, future, chunk):
        out = original(self, task, future, chunk)
        if not killed.is_set():  # after the first chunk: kill a worker with chunks in flight
            pid = next(iter(self.client.run(os.getpid).values()))
            os.kill(pid, signal.SIGKILL)
            killed.set()
        return out

    monkeypatch.setattr(dask_executor.DaskExecutor, "_collect", collect_and_kill_once)
    path = tmp_path / "killed.duckdb"
    with Store(path) as store:
        ingest([str(p) for p in demo_inputs()], store, workers=2, engine="dask", progress=False, chunk_size=2)
    assert killed.is_set()
    local, dask = snapshot(local_store), snapshot(path)
    for name in QUERIES:
        assert dask[name] == local[name], name
