"""How much a writer's release (closing the connection: DuckDB checkpoints the commit into
the file) raises the process's peak memory, commit after commit, with DuckDB's default row
groups and with a capped row-group size.

    python bench/bench_release_rise.py --db COPY_OF_A_STORE.duckdb [--row-group-rows 0|8192|2048] [--commits 40]

Each commit copies the rows of 16 stored articles (every per-article table, ids marked) in
one transaction, the way an ingest commits a batch; then the kernel's peak-RSS mark
(VmHWM) is reset, the connection closed, and the rise read. The store is changed: pass a
copy. One JSON line per run: the rise (MB) and seconds of each release.
"""
from __future__ import annotations

import argparse
import json
import time

import duckdb

#: the per-article tables an ingest appends to, and the id columns a copy must change
TABLES = {"articles": ["article_id"], "documents": ["article_id"], "events": ["article_id", "event_id"],
          "sentences": ["article_id"], "actors": ["article_id"], "quotes": ["article_id"],
          "places": ["article_id"], "times": ["article_id"], "quantities": ["article_id"],
          "minhash": ["article_id"]}


def _status(field: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def connect(db: str, rows: int):
    if not rows:
        return duckdb.connect(db)
    con = duckdb.connect()
    con.execute(f"ATTACH '{db}' AS store (ROW_GROUP_SIZE {rows})")
    con.execute("USE store")
    return con


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--row-group-rows", type=int, default=0, help="0: DuckDB's default (122,880)")
    ap.add_argument("--commits", type=int, default=40)
    ap.add_argument("--tag", default="c", help="marks the copied ids (use another tag to run twice on one copy)")
    args = ap.parse_args()
    con = connect(args.db, args.row_group_rows)
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    ids = [r[0] for r in con.execute("SELECT article_id FROM articles WHERE article_id NOT LIKE '%~%' "
                                     "ORDER BY article_id").fetchall()]
    rises = []
    for i in range(args.commits):
        chunk = ids[i * 16:(i + 1) * 16]
        con.execute("BEGIN")
        for table, columns in TABLES.items():
            marked = ", ".join(f"{c} || '~{args.tag}{i}' AS {c}" for c in columns)
            con.execute(f"INSERT INTO {table} SELECT * REPLACE ({marked}) FROM {table} "
                        "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [chunk])
        con.execute("COMMIT")
        _reset_peak()
        before, started = _status("VmRSS"), time.perf_counter()
        con.close()
        rises.append([round(_status("VmHWM") - before, 1), round(time.perf_counter() - started, 2)])
        con = connect(args.db, args.row_group_rows)
    import os
    print(json.dumps({"db": args.db, "articles_before": articles, "row_group_rows": args.row_group_rows,
                      "commits": args.commits, "release_rise_mb_and_s": rises,
                      "max_rise_mb": max(r[0] for r in rises), "load_after": round(os.getloadavg()[0], 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
