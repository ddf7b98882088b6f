"""Incremental incident linking against a full rebuild, on a real store (issue 11).

    python bench/bench_incidents.py --store /work/stores/allsides-4178.duckdb      # 40 articles
    python bench/bench_incidents.py --store STORE -n 40 --workers 2 --json out.json
    python bench/bench_incidents.py --store STORE --replicate 1   # + a copy shifted 10 years later

The store is copied (never modified); ``--replicate K`` appends K copies of its articles
and events with every date shifted by 10, 20, ... years (a bigger store with the same
density of news, as issue 11 suggests for scale tests). From the copy, ``-n`` articles spread over its
period are taken out; what is left is linked in full (set-up, not timed). Then, in this
run, the same ``-n`` articles are ingested twice into two copies of that store:
  * incremental: ``ingest`` as shipped, which calls ``update_incidents``;
  * full: ``ingest(recluster=False)`` followed by ``rebuild_incidents``.
A warm-up ingest of the same articles into an empty store comes first. Printed: both
wall times and their ratio, the incident step alone in each and its ratio,
the parent's peak memory, and whether both stores hold exactly the same incidents.
The articles' texts are read from ../shared/data/allsides-intl (or --data).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from sitrep.eval.core import default_data_dir  # noqa: E402


def pick_articles(store, n: int, how: str = "spread") -> list[str]:
    """n dated articles: the latest ones (a feed update: 'latest') or spread evenly over
    the store's period ('spread': old news arriving late everywhere, the worst case)."""
    ids = [r[0] for r in store.con.execute(
        "SELECT article_id FROM articles WHERE pub_date IS NOT NULL AND duplicate_of IS NULL "
        "AND article_id NOT LIKE '%~r%' "
        "ORDER BY pub_date, article_id").fetchall()]
    if how == "latest":
        return ids[-n:]
    step = max(1, len(ids) // n)
    return ids[step // 2::step][:n]


def _shift(column: str, years: int) -> str:
    """SQL: an ISO date string with its year moved (other values unchanged)."""
    return (f"CASE WHEN regexp_matches({column}, '^\\d{{4}}') THEN "
            f"CAST(CAST(substr({column}, 1, 4) AS INTEGER) + {years} AS VARCHAR) || substr({column}, 5) "
            f"ELSE {column} END")


def replicate(store, years: int, suffix: str) -> None:
    """Append a copy of every article and event, ids suffixed, dates shifted by years."""
    con = store.con
    a_cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                        "WHERE table_name = 'articles' ORDER BY ordinal_position").fetchall()]
    e_cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                        "WHERE table_name = 'events' ORDER BY ordinal_position").fetchall()]
    shifted = {"article_id": f"article_id || '{suffix}'", "event_id": f"event_id || '{suffix}'",
               "content_hash": f"content_hash || '{suffix}'", "url": f"url || '{suffix}'",
               "duplicate_of": f"duplicate_of || '{suffix}'", "published": _shift("published", years),
               "pub_date": f"pub_date + INTERVAL {years} YEAR", "date_value": _shift("date_value", years),
               "event_date": f"event_date + INTERVAL {years} YEAR"}
    with store.transaction():
        for table, cols in (("articles", a_cols), ("events", e_cols)):
            select = ", ".join(shifted.get(c, c) for c in cols)
            original = "article_id NOT LIKE '%~r%'"
            con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {select} FROM {table} WHERE {original}")


def snapshot(store) -> tuple:
    return (store.con.execute("SELECT * FROM incidents ORDER BY incident_id").fetchall(),
            store.con.execute("SELECT * FROM incident_mentions ORDER BY event_id").fetchall())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True, help="an ingested store (copied, not modified)")
    ap.add_argument("-n", type=int, default=40, help="articles to ingest (default 40)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--data", type=Path, default=None, help="shared data folder")
    ap.add_argument("--json", type=Path, default=None, help="also write the result here")
    ap.add_argument("--replicate", type=int, default=0, help="append K date-shifted copies of the store")
    ap.add_argument("--pick", choices=("spread", "latest"), default="spread",
                    help="which articles to take out and ingest again (default: spread over the period)")
    args = ap.parse_args(argv)
    data = args.data or default_data_dir()
    src = (data / "allsides-intl" / "articles.jsonl") if data else None
    if not src or not src.is_file() or not args.store.is_file():
        print("need --store and allsides-intl/articles.jsonl (set SITREP_DATA)", file=sys.stderr)
        return 2
    from sitrep.corpus.incidents import rebuild_incidents
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        tmp = Path(tmp)
        base = tmp / "base.duckdb"
        shutil.copy(args.store, base)
        wal = args.store.with_name(args.store.name + ".wal")
        if wal.exists():
            shutil.copy(wal, tmp / "base.duckdb.wal")
        with Store(base) as store:
            for k in range(1, args.replicate + 1):
                replicate(store, years=10 * k, suffix=f"~r{k}")
            chosen = pick_articles(store, args.n, args.pick)
            with store.transaction():
                for aid in chosen:
                    store.delete_article(aid)
            rebuild_incidents(store)  # set-up: the store as it was before these articles came
            base_counts = store.counts()
        wanted = set(chosen)
        sample = tmp / "sample.jsonl"
        with src.open(encoding="utf-8") as fin, sample.open("w", encoding="utf-8") as fout:
            for line in fin:
                if json.loads(line)["id"] in wanted:
                    fout.write(line)
        # warm-up (not timed): the first run would otherwise pay for cold caches alone
        with Store(tmp / "warm.duckdb") as store:
            ingest([str(sample)], store, workers=args.workers, progress=False, recluster=False)
        runs = {}
        for mode in ("incremental", "full"):
            db = tmp / f"{mode}.duckdb"
            shutil.copy(base, db)
            with Store(db) as store:
                t0 = time.perf_counter()
                summary = ingest([str(sample)], store, workers=args.workers, progress=False,
                                 recluster=(mode == "incremental"))
                t1 = time.perf_counter()
                if mode == "full":
                    rebuild_incidents(store)
                t2 = time.perf_counter()
                link = summary.stage_seconds.get("incidents (parent)", 0.0) if mode == "incremental" else t2 - t1
                runs[mode] = {"seconds": round(t2 - t0, 2), "incident_seconds": round(link, 3),
                              "ingested": summary.ingested, "snapshot": snapshot(store)}
        same = runs["incremental"].pop("snapshot") == runs["full"].pop("snapshot")
        result = {
            "store_articles_before": base_counts["articles"], "store_events_before": base_counts["events"],
            "store_incidents_before": base_counts["incidents"], "articles_added": runs["full"]["ingested"],
            "incremental": runs["incremental"], "full_rebuild": runs["full"],
            "ingest_speedup": round(runs["full"]["seconds"] / runs["incremental"]["seconds"], 2),
            "incident_step_speedup": round(runs["full"]["incident_seconds"]
                                           / max(runs["incremental"]["incident_seconds"], 1e-6), 1),
            "same_incidents": same,
            "parent_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "workers": args.workers, "picked": args.pick, "replicated": args.replicate,
        }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
