"""Reads during an ingest: what they cost the ingest and how long a reader waits.

    python bench/bench_concurrent_reads.py              # 1,000 generated articles, --until clean
    python bench/bench_concurrent_reads.py -n 300 --full   # the whole pipeline (spaCy), slower

Three ingests of the same generated corpus (our own sentences), each a fresh CLI process
into a fresh store, in one run so the ratios share the machine's load:
  1. ``held``: the writer keeps the file for the whole run (``SITREP_HOLD_STORE=1``,
     DuckDB's default single-writer behaviour, as before this design) -- the baseline;
  2. ``released``: the writer releases the file after each committed batch (the default);
  3. ``released + readers``: as 2, while a reader loop runs `sitrep events` and `sitrep
     brief` back to back against the same file.
Prints one JSON object: seconds per ingest and their ratios to the baseline, the number of
reads that succeeded during the ingest, and the reader's latency (median, 90th percentile,
max) next to the same command's latency on the finished store (idle).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "tests"))

from fault_helpers import write_corpus  # noqa: E402

READS = (["events", "--format", "json"], ["brief", "--no-plot"])


def env(**extra: str) -> dict:
    e = dict(os.environ, OMP_NUM_THREADS="1", PYTHONPATH=str(PROJECT / "src"))
    e.update(extra)
    return e


def ingest_cmd(src: Path, db: Path, full: bool) -> list[str]:
    cmd = [sys.executable, "-m", "sitrep.cli", "ingest", str(src), "--db", str(db), "--workers", "1",
           "--no-progress", "--batch-size", "8"]
    return cmd if full else cmd + ["--until", "clean"]


def read(db: Path, command: list[str]) -> tuple[int, float]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "sitrep.cli", *command, "--db", str(db)],
                          capture_output=True, text=True, env=env(), timeout=600)
    return done.returncode, time.perf_counter() - started


def run_ingest(src: Path, db: Path, full: bool, hold: bool, with_readers: bool) -> dict:
    started = time.perf_counter()
    writer = subprocess.Popen(ingest_cmd(src, db, full), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, env=env(**({"SITREP_HOLD_STORE": "1"} if hold else {})))
    latencies, failures = [], 0
    while with_readers and writer.poll() is None:
        if not db.exists():
            time.sleep(0.05)
            continue
        for command in READS:
            code, seconds = read(db, command)
            if writer.poll() is not None:
                break
            if code == 0:
                latencies.append(seconds)
            else:
                failures += 1
    code = writer.wait()
    return {"seconds": round(time.perf_counter() - started, 2), "exit": code, "reads_ok": len(latencies),
            "reads_failed": failures, "latencies": latencies}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--full", action="store_true", help="the whole pipeline instead of --until clean")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-reads-") as tmp:
        src = write_corpus(Path(tmp) / "c.jsonl", args.n)
        held = run_ingest(src, Path(tmp) / "held.duckdb", args.full, hold=True, with_readers=False)
        released = run_ingest(src, Path(tmp) / "released.duckdb", args.full, hold=False, with_readers=False)
        live_db = Path(tmp) / "live.duckdb"
        live = run_ingest(src, live_db, args.full, hold=False, with_readers=True)
        idle = [read(live_db, command)[1] for command in READS for _ in range(3)]
    lat = sorted(live.pop("latencies"))

    def pct(values, q):
        return round(values[min(len(values) - 1, int(q * len(values)))], 2) if values else None

    out = {
        "articles": args.n, "pipeline": "full" if args.full else "until clean",
        "ingest_seconds": {"held (baseline)": held["seconds"], "released": released["seconds"],
                           "released + readers": live["seconds"]},
        "ratio_to_held": {"released": round(released["seconds"] / held["seconds"], 3),
                          "released + readers": round(live["seconds"] / held["seconds"], 3)},
        "exit_codes": [held["exit"], released["exit"], live["exit"]],
        "reads_during_ingest": {"ok": live["reads_ok"], "failed": live["reads_failed"]},
        "read_latency_during_ingest_s": {"median": pct(lat, 0.5), "p90": pct(lat, 0.9), "max": pct(lat, 1.0)},
        "read_latency_idle_s": {"median": round(statistics.median(idle), 2), "max": round(max(idle), 2)},
    }
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
