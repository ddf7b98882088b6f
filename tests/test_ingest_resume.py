"""Kill an ingest half-way (SIGKILL: nothing runs; SIGINT: the CLI's Ctrl-C path) and show
that a re-run finishes with no loss and no duplicates.

The real CLI, reader, cleaner, store and near-duplicate index run, one worker; the pipeline
stops after cleaning (``--until clean``, a documented ingest option) so the test takes
seconds rather than the minute that loading and running spaCy costs on a busy machine."""
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time

import duckdb
import pytest

N = 400
TOWNS = ["Arden", "Belmont", "Corrin", "Dunmore", "Eston", "Farley", "Glenby", "Harrow", "Istow", "Jarrow"]


def write_corpus(path):
    with open(path, "w", encoding="utf-8") as f:
        for n in range(N):
            town = TOWNS[n % len(TOWNS)]
            text = (f"Officials in {town} said on Tuesday that {n + 3} fishing boats had returned to port after a "
                    f"storm warning. The regional governor of {town} promised compensation to crews. "
                    f"Report number {n} notes that markets reopened on Wednesday.")
            f.write(json.dumps({"id": f"r{n}", "title": f"Boats return {n}", "published": "2025-12-02",
                                "source": f"Outlet {n % 4}", "url": f"https://resume.invalid/{n}", "text": text}) + "\n")


def ingest_cmd(src, db):
    return [sys.executable, "-m", "sitrep.cli", "ingest", str(src), "--db", str(db), "--workers", "1",
            "--batch-size", "4", "--until", "clean", "--progress"]


def run_until_killed(cmd, sig, after=40, timeout=120):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    seen = {"n": 0}

    def watch():
        buf = b""
        while True:
            chunk = proc.stderr.read1(4096) if hasattr(proc.stderr, "read1") else proc.stderr.read(64)
            if not chunk:
                return
            buf = (buf + chunk)[-2000:]
            found = re.findall(rb"(\d+)(?:/\d+)? articles", buf)
            if found:
                seen["n"] = int(found[-1])

    t = threading.Thread(target=watch, daemon=True)
    t.start()
    deadline = time.time() + timeout
    while seen["n"] < after and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    t.join(timeout=5)
    return proc.returncode


def stored(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        n, distinct = con.execute("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchone()
        events = con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
        skipped = con.execute("SELECT count(*) FROM skipped").fetchone()[0]
        return n, distinct, events, skipped
    finally:
        con.close()


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["sigkill", "sigint"])
def test_interrupted_ingest_resumes_without_loss_or_duplicates(tmp_path, sig):
    src, db = tmp_path / "corpus.jsonl", tmp_path / "r.duckdb"
    write_corpus(src)
    code = run_until_killed(ingest_cmd(src, db), sig)
    if sig == signal.SIGINT:
        assert code == 130  # the CLI's "interrupted; committed work is kept"
    partial, _, _, _ = stored(db)
    assert 0 < partial < N, f"expected a partial store, got {partial}"
    done = subprocess.run(ingest_cmd(src, db) + ["--json"], capture_output=True, text=True, timeout=180,
                          env=dict(os.environ, OMP_NUM_THREADS="1"))
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["ingested"] == N - partial and summary["unchanged"] == partial
    n, distinct, (events, distinct_events), skipped = stored(db)
    assert n == distinct == N
    assert events == distinct_events
    assert skipped == 0
