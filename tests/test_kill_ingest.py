"""kill -9 (or SIGTERM) of an ingest with a worker pool: no worker outlives it by more than
5 s, and a re-run gives the same store as an uninterrupted run."""
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fault_helpers import cli, cli_env, fingerprint, ingest_args, write_corpus

N = 400


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (Linux /proc)."""
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return not re.search(r"^State:\s+Z", status, re.M)  # a zombie is gone, waiting to be reaped


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    # distinct texts: with two workers the order in which results are stored varies, and
    # which of two near-duplicates is "the earlier" would vary with it
    return write_corpus(tmp_path_factory.mktemp("kill") / "c.jsonl", N, distinct=True)


@pytest.fixture(scope="module")
def clean_store(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("kill-clean") / "clean.duckdb"
    assert cli(*ingest_args(corpus, db)).returncode == 0
    return db


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["sigkill", "sigterm"])
def test_no_orphan_workers_and_a_rerun_equals_a_clean_run(tmp_path, corpus, clean_store, sig):
    db = tmp_path / "k.duckdb"
    cmd = [sys.executable, "-m", "sitrep.cli", *ingest_args(corpus, db, "--batch-size", "4")]
    cmd[cmd.index("--workers") + 1] = "2"
    cmd[cmd.index("--no-progress")] = "--progress"
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=cli_env())
    progress = {"n": 0}

    def follow():
        buf = b""
        while chunk := proc.stderr.read1(4096):
            buf = (buf + chunk)[-2000:]
            counts = re.findall(rb"(\d+)(?:/\d+)? articles", buf)
            if counts:
                progress["n"] = int(counts[-1])

    threading.Thread(target=follow, daemon=True).start()
    deadline = time.time() + 300
    workers = set()
    while proc.poll() is None and time.time() < deadline and (progress["n"] < 60 or len(workers) < 2):
        workers |= descendants(proc.pid)
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    workers |= descendants(proc.pid)
    assert len(workers) >= 2, "expected a worker pool"
    proc.send_signal(sig)
    proc.wait(timeout=30)
    time.sleep(5)
    orphans = [pid for pid in workers if alive(pid)]
    assert orphans == [], f"workers still running 5 s after the parent died: {orphans}"

    again = cli(*ingest_args(corpus, db))
    assert again.returncode == 0, again.stderr
    assert fingerprint(db) == fingerprint(clean_store)


def start_ingest_and_wait(db: Path, corpus: Path, at_least: int):
    """An ingest on two workers, stopped by the caller once it reported ``at_least``
    articles done; returns the process and the stderr it printed so far (a list that
    the reader thread keeps extending)."""
    cmd = [sys.executable, "-m", "sitrep.cli", *ingest_args(corpus, db, "--batch-size", "4")]
    cmd[cmd.index("--workers") + 1] = "2"
    cmd[cmd.index("--no-progress")] = "--progress"
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=cli_env())
    err: list[bytes] = []

    def follow():
        while chunk := proc.stderr.read1(4096):
            err.append(chunk)

    threading.Thread(target=follow, daemon=True).start()
    deadline = time.time() + 300
    while proc.poll() is None and time.time() < deadline:
        counts = re.findall(rb"(\d+)(?:/\d+)? articles", b"".join(err)[-2000:])
        if counts and int(counts[-1]) >= at_least:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the ingest finished before it could be stopped"
    return proc, err


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["sigterm", "sigint"])
def test_a_stopped_ingest_commits_and_says_what_it_stored_and_how_to_resume(tmp_path, corpus, clean_store, sig):
    db = tmp_path / "s.duckdb"
    proc, err = start_ingest_and_wait(db, corpus, 40)
    proc.send_signal(sig)
    assert proc.wait(timeout=120) == 128 + sig
    time.sleep(0.5)  # the reader thread drains the pipe
    text = b"".join(err).decode("utf-8", "replace")
    assert "Traceback" not in text and "leaked" not in text, text
    stored = re.findall(r"ingested (\d+) articles", text)
    assert stored, text
    import duckdb
    con = duckdb.connect(str(db), read_only=True)
    try:
        in_store = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()
    assert int(stored[-1]) == in_store > 0, text  # the summary tells what was committed
    assert f"stopped by {signal.Signals(sig).name}" in text and "run the same command again" in text, text

    again = cli(*ingest_args(corpus, db))
    assert again.returncode == 0, again.stderr
    assert fingerprint(db) == fingerprint(clean_store)


def test_a_stop_signal_during_the_incident_update_lets_the_update_finish(tmp_path, monkeypatch):
    """All articles are stored; SIGTERM arrives while incidents are linked: the update
    and the run's record are finished (the run is complete), not cut off half-way -- and
    then the caller is told it was asked to stop (exit 128 + signal), not a silent success."""
    import os

    from sitrep.corpus import incidents
    from sitrep.corpus.ingest import IngestInterrupted, ingest
    from sitrep.corpus.store import Store

    escaped = []
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: escaped.append(signum))
    real_update = incidents.update_incidents

    def update_while_stopped(store):
        os.kill(os.getpid(), signal.SIGTERM)
        return real_update(store)

    monkeypatch.setattr(incidents, "update_incidents", update_while_stopped)
    try:
        src = write_corpus(tmp_path / "c.jsonl", 6)
        with Store(tmp_path / "s.duckdb") as store:
            with pytest.raises(IngestInterrupted) as stopped:
                ingest([str(src)], store, workers=1, until="clean", progress=False)
            runs = store.con.execute("SELECT count(*) FROM ingest_runs").fetchone()[0]
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert escaped == []  # the ingest's handler had it, not the default (which ends the process)
    summary = stopped.value.summary
    assert summary.ingested == 6 and not summary.interrupted and runs == 1
    assert stopped.value.complete and stopped.value.exit_status == 128 + signal.SIGTERM
