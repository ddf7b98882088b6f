"""How long `sitrep brief` takes on a real store (target: under 10 s on the full
4,178-article allsides store), next to a bare-DuckDB baseline measured in the same run.

    python bench/bench_brief.py /work/stores/allsides-4178.duckdb
    python bench/bench_brief.py STORE --about Syria --about Venezuela --repeat 3

Default subjects: none (the whole store), Syria, Iran, Venezuela.

The store is copied to a temporary folder first (the brief opens it read-only, but a
store of an older schema is migrated on open, and a shared file must never change).
For each subject (and for no subject) the brief is built as Markdown and as HTML
(chart and map included), end to end through ``write_brief`` as the command runs it,
the store opened afresh each time. The baseline is one full scan of the columns the
brief reads (events joined to articles), so ``ratio`` says how many such scans a brief
costs on this machine at this moment. The CPU time of the process (all its threads) is
reported next to the wall time: on a machine busy with other work the wall time mostly
measures the queue, the CPU time what the brief costs. The machine's load average before
and after is reported with the timings.
Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASELINE_SQL = """SELECT count(*), count(DISTINCT e.article_id), max(length(e.sentence)), max(a.pub_date)
                  FROM events e JOIN articles a USING (article_id)"""


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def timed_cpu(fn) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process, every thread included): on a
    machine busy with other work the CPU time says what the brief costs, the wall time
    what a user waits."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--about", action="append", help="subject(s); default: none, Syria, Iran, Venezuela")
    ap.add_argument("--since")
    ap.add_argument("--until")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    if not args.store.is_file():
        print(f"no store at {args.store}", file=sys.stderr)
        return 2
    import duckdb

    from sitrep.corpus.store import Store
    from sitrep.report import write_brief

    subjects = args.about or [None, "Syria", "Iran", "Venezuela"]
    load_before = os.getloadavg()
    results = []
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-brief-") as tmp:
        db = Path(tmp) / "store.duckdb"
        shutil.copy2(args.store, db)
        wal = args.store.with_name(args.store.name + ".wal")
        if wal.exists():
            shutil.copy2(wal, db.with_name(db.name + ".wal"))
        with Store(db):  # migrate once, outside the timings
            pass
        con = duckdb.connect(str(db), read_only=True)
        scans = [timed_cpu(lambda: con.execute(BASELINE_SQL).fetchall()) for _ in range(3)]
        baseline = statistics.median(w for w, _ in scans)
        baseline_cpu = statistics.median(c for _, c in scans)
        counts = dict(zip(("articles", "events"), con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").fetchone()))
        con.close()
        for about in subjects:
            for html in (False, True):
                out = Path(tmp) / f"brief-{about or 'all'}.{'html' if html else 'md'}"

                def run():
                    with Store(db, read_only=True) as store:
                        write_brief(store, about=about, since=args.since, until=args.until, html=html,
                                    output=str(out))

                runs = [timed_cpu(run) for _ in range(args.repeat)]
                seconds, cpu = [w for w, _ in runs], [c for _, c in runs]
                results.append({"about": about, "format": "html" if html else "markdown",
                                "seconds": round(min(seconds), 3), "runs": [round(s, 3) for s in seconds],
                                "cpu_seconds": round(min(cpu), 3),
                                "ratio_to_scan": round(min(seconds) / baseline, 1),
                                "cpu_ratio_to_scan": round(min(cpu) / baseline_cpu, 1),
                                "bytes": out.stat().st_size})
    report = {"store": str(args.store), "since": args.since, "until": args.until, **counts,
              "baseline_scan_seconds": round(baseline, 4), "baseline_scan_cpu_seconds": round(baseline_cpu, 4),
              "cpu_count": os.cpu_count(), "load_average_before": [round(x, 2) for x in load_before],
              "load_average_after": [round(x, 2) for x in os.getloadavg()], "results": results,
              "slowest_seconds": max(r["seconds"] for r in results),
              "slowest_cpu_seconds": max(r["cpu_seconds"] for r in results)}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
