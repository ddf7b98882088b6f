"""Reading commands keep working while an ingest writes (real processes, real file locks):
each read sees whole committed batches, the count only grows, and the finished store is
the store of an ingest nobody read from."""
import json
import subprocess
import sys
import time

import duckdb

from fault_helpers import cli, cli_env, fingerprint, ingest_args, write_corpus

COUNT = ("import sys; from sitrep.corpus.store import Store\n"
         "with Store(sys.argv[1], read_only=True) as s:\n"
         "    print(s.rows('SELECT count(*) AS n, count(DISTINCT article_id) AS d FROM articles')[0])")


def test_reads_during_an_ingest_see_whole_batches(tmp_path):
    src = write_corpus(tmp_path / "c.jsonl", 600)
    db = tmp_path / "live.duckdb"
    writer = subprocess.Popen([sys.executable, "-m", "sitrep.cli", *ingest_args(src, db, "--batch-size", "4")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=cli_env())
    seen, during, commands = [], 0, 0
    try:
        deadline = time.time() + 600
        while writer.poll() is None and time.time() < deadline:
            if not db.exists():
                time.sleep(0.05)
                continue
            count = subprocess.run([sys.executable, "-c", COUNT, str(db)], capture_output=True, text=True,
                                   env=cli_env(), timeout=120)
            assert count.returncode == 0, count.stderr
            row = eval(count.stdout.strip(), {})  # a dict printed by the child
            assert row["n"] == row["d"]  # never a half-written or doubled article
            seen.append(row["n"])
            during += writer.poll() is None
            for command in (["events", "--format", "json"], ["brief", "--no-plot"]):
                result = cli(*command, "--db", str(db), timeout=120)
                assert result.returncode == 0, result.stderr
                assert "Traceback" not in result.stderr
                commands += 1
        assert writer.wait(timeout=600) == 0, writer.stderr.read()
    finally:
        if writer.poll() is None:
            writer.kill()
    assert during >= 2, "the ingest finished before the readers could overlap it"
    assert seen == sorted(seen) and seen[-1] <= 600
    assert commands >= 4

    quiet = tmp_path / "quiet.duckdb"
    assert cli(*ingest_args(src, quiet, "--batch-size", "4")).returncode == 0
    assert fingerprint(db) == fingerprint(quiet)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] > 400
    con.close()


def test_a_reader_waits_for_a_long_batch_and_then_reads(tmp_path):
    """A writer that holds the file (a long batch) makes a reader wait, with one line on
    stderr, not fail; when the wait runs out the reader says so in one line."""
    db = tmp_path / "held.duckdb"
    hold = ("import sys, time; from sitrep.corpus.store import Store\n"
            "s = Store(sys.argv[1])\n"
            "s.con.execute('BEGIN TRANSACTION'); print('holding', flush=True); time.sleep(float(sys.argv[2]))\n"
            "s.con.execute('COMMIT'); s.close()")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(db), "4"], stdout=subprocess.PIPE, text=True,
                              env=cli_env())
    assert holder.stdout.readline().strip() == "holding"
    started = time.monotonic()
    result = cli("events", "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert "sitrep: waiting for" in result.stderr and time.monotonic() - started > 1
    holder.wait(timeout=60)

    holder = subprocess.Popen([sys.executable, "-c", hold, str(db), "30"], stdout=subprocess.PIPE, text=True,
                              env=cli_env())
    assert holder.stdout.readline().strip() == "holding"
    impatient = cli("events", "--db", str(db), SITREP_READ_WAIT="1")
    assert impatient.returncode == 2 and "is in use by process" in impatient.stderr
    assert "Traceback" not in impatient.stderr
    holder.kill()
    holder.wait()
