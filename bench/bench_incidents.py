"""Incremental incident linking against a full rebuild, on a real store (issue 11).

    python bench/bench_incidents.py --store /work/stores/allsides-4178.duckdb          # 40 articles
    python bench/bench_incidents.py --store STORE -n 40 --pick latest spread --json out.json
    python bench/bench_incidents.py --store STORE --replicate 4   # + 4 copies shifted 10, 20, ... years

The store is copied (never modified); ``--replicate K`` appends K copies of its articles
and events with every date shifted by 10, 20, ... years (a bigger store with the same
density of news, as issue 11 suggests for scale tests), and the copy is linked in full
(set-up, not timed). For each ``--pick``, ``-n`` dated articles are taken out of it --
the latest ones (a feed update) or ones spread over the whole period (old news arriving
everywhere, the worst case) -- and the store re-linked without them (set-up). Then the
same articles are ingested into two copies of that store, each run in a process of its
own (so that its peak memory is its own):
  * incremental: ``ingest`` as shipped, which calls ``update_incidents``;
  * full: ``ingest(recluster=False)`` followed by ``rebuild_incidents``.
A warm-up ingest of the same articles into an empty store comes first. With ``--replay``
nothing is analysed and only the incident step is measured, each run in a process of its
own: the whole store linked by ``rebuild_incidents`` (the reference), then in a copy the
picked articles' stored rows (article, events, sentences, ...) kept aside, the articles
deleted and the copy re-linked (set-up), the rows put back as they were and linked by
``update_incidents``; both stores must hold the same incidents. One full re-link serves
every pick -- the quick way to compare linkers on a big store.
Printed per pick:
both wall times and their ratio, the incident step alone in each and its ratio, the
coordinating (parent) process's peak RSS in each run, and whether both stores hold
exactly the same incidents (compared in SQL). Texts come from ../shared/data/allsides-intl.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from sitrep.eval.core import default_data_dir  # noqa: E402
from bench_common import peak_rss_mb  # noqa: E402  (bench/ is the script's own folder, on sys.path)


def bare_duckdb(source: Path) -> dict:
    """The baseline of the run: the corpus's articles loaded into one DuckDB table by
    DuckDB alone (its JSON reader), in a process of its own (--bare)."""
    import duckdb

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-bare-") as tmp:
        con = duckdb.connect(str(Path(tmp) / "bare.duckdb"))
        con.execute("CREATE TABLE articles AS SELECT * FROM read_json_auto(?, format = 'newline_delimited')",
                    [str(source)])
        rows = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        con.close()
    return {"rows": rows, "peak_rss_mb": peak_rss_mb()}


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
    """Append a copy of every article, event and sentence span, ids suffixed, dates shifted by years."""
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
        # sentence spans: linking reads the other sentences that report an event from them
        con.execute(f"INSERT INTO sentences SELECT article_id || '{suffix}', n, start_char, end_char "
                    f"FROM sentences WHERE article_id NOT LIKE '%~r%'")


def same_incidents(a: Path, b: Path) -> bool:
    """Whether two stores hold exactly the same incidents and incident mentions."""
    import duckdb

    con = duckdb.connect()
    con.execute(f"ATTACH '{a}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{b}' AS b (READ_ONLY)")
    for table in ("incidents", "incident_mentions"):
        for x, y in (("a", "b"), ("b", "a")):
            differ = con.execute(f"SELECT count(*) FROM (SELECT * FROM {x}.{table} EXCEPT ALL "
                                 f"SELECT * FROM {y}.{table})").fetchone()[0]
            if differ:
                return False
    con.close()
    return True


#: tables whose rows of the picked articles --replay keeps aside and puts back
REPLAY_TABLES = ("articles", "actors", "events", "quotes", "quantities", "places", "times", "minhash",
                 "sentences", "documents")


def keep_aside(store, chosen: list[str]) -> None:
    """Copy the picked articles' rows into bench_kept_* tables (before they are deleted)."""
    for table in REPLAY_TABLES:
        store.con.execute(f"CREATE TABLE bench_kept_{table} AS SELECT * FROM {table} "
                          "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [chosen])


def put_back(store) -> int:
    """Insert the kept rows again (what an ingest of the same articles would store)."""
    with store.transaction():
        for table in REPLAY_TABLES:
            store.con.execute(f"INSERT INTO {table} SELECT * FROM bench_kept_{table}")
    return int(store.con.execute("SELECT count(*) FROM bench_kept_articles").fetchone()[0])


def run_one(db: Path, sample: Path, mode: str, workers: int) -> dict:
    """One measured ingest (in this process): the incremental path or ingest + rebuild
    (no analysis: 'replay-incremental' puts the kept rows back and updates, 'replay-full'
    re-links the store as it is)."""
    from sitrep.corpus.incidents import rebuild_incidents, update_incidents
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store

    if mode.startswith("replay-"):
        with Store(db) as store:
            added = put_back(store) if mode == "replay-incremental" else 0
            t0 = time.perf_counter()
            (update_incidents if mode == "replay-incremental" else rebuild_incidents)(store)
            link = time.perf_counter() - t0
        return {"seconds": round(link, 2), "incident_seconds": round(link, 3), "store_seconds": 0.0,
                "ingested": added, "peak_rss_mb": peak_rss_mb()}

    with Store(db) as store:
        t0 = time.perf_counter()
        summary = ingest([str(sample)], store, workers=workers, progress=False, recluster=(mode == "incremental"))
        t1 = time.perf_counter()
        if mode == "full":
            rebuild_incidents(store)
        t2 = time.perf_counter()
    link = summary.stage_seconds.get("incidents (parent)", 0.0) if mode == "incremental" else t2 - t1
    return {"seconds": round(t2 - t0, 2), "incident_seconds": round(link, 3),
            "store_seconds": round(summary.stage_seconds.get("store (parent)", 0.0), 2),
            "ingested": summary.ingested,
            "peak_rss_mb": peak_rss_mb()}


def _measure(db: Path, sample: Path, mode: str, workers: int) -> dict:
    """run_one in a fresh process: its peak RSS is that run's alone."""
    out = subprocess.run([sys.executable, __file__, "--run-one", str(db), str(sample), mode, str(workers)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _copy(src: Path, dst: Path) -> None:
    shutil.copy(src, dst)
    wal = src.with_name(src.name + ".wal")
    if wal.exists():
        shutil.copy(wal, dst.with_name(dst.name + ".wal"))


def replay_pick(tmp: Path, full: Path, full_run: dict, n: int, how: str) -> dict:
    """--replay: the store linked in full (``full``, timed as ``full_run``) is the
    reference; n articles are taken out of a copy (their rows kept aside) and the copy
    re-linked (set-up), then the rows are put back and linked incrementally (timed)."""
    from sitrep.corpus.incidents import update_incidents
    from sitrep.corpus.store import Store

    base = tmp / f"base-{how}.duckdb"
    _copy(full, base)
    with Store(base) as store:
        chosen = pick_articles(store, n, how)
        keep_aside(store, chosen)
        with store.transaction():
            for aid in chosen:
                store.delete_article(aid)
        update_incidents(store)  # set-up: the store as it was before these articles came
        counts = store.counts()
    inc = _measure(base, base, "replay-incremental", 1)
    return {
        "picked": how, "replayed": True, "store_articles_before": counts["articles"],
        "store_events_before": counts["events"], "store_incidents_before": counts["incidents"],
        "articles_added": inc["ingested"], "incremental": inc, "full_rebuild": full_run,
        "incident_step_speedup": round(full_run["incident_seconds"] / max(inc["incident_seconds"], 1e-6), 1),
        "same_incidents": same_incidents(base, full),
    }


def bench_pick(tmp: Path, linked: Path, src: Path, n: int, how: str, workers: int) -> dict:
    """Take n articles out of the linked store, re-link (set-up), ingest them both ways."""
    from sitrep.corpus.incidents import update_incidents
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store

    base = tmp / f"base-{how}.duckdb"
    _copy(linked, base)
    with Store(base) as store:
        chosen = pick_articles(store, n, how)
        with store.transaction():
            for aid in chosen:
                store.delete_article(aid)
        update_incidents(store)  # set-up: the store as it was before these articles came
        counts = store.counts()
    wanted = set(chosen)
    sample = tmp / f"sample-{how}.jsonl"
    with src.open(encoding="utf-8") as fin, sample.open("w", encoding="utf-8") as fout:
        for line in fin:
            if json.loads(line)["id"] in wanted:
                fout.write(line)
    with Store(tmp / f"warm-{how}.duckdb") as store:  # warm-up: the first run pays for cold caches
        ingest([str(sample)], store, workers=workers, progress=False, recluster=False)
    runs = {}
    for mode in ("incremental", "full"):
        db = tmp / f"{mode}-{how}.duckdb"
        _copy(base, db)
        runs[mode] = _measure(db, sample, mode, workers)
    same = same_incidents(tmp / f"incremental-{how}.duckdb", tmp / f"full-{how}.duckdb")
    inc, full = runs["incremental"], runs["full"]
    return {
        "picked": how, "replayed": False, "store_articles_before": counts["articles"],
        "store_events_before": counts["events"],
        "store_incidents_before": counts["incidents"], "articles_added": full["ingested"],
        "incremental": inc, "full_rebuild": full,
        "ingest_speedup": round(full["seconds"] / inc["seconds"], 2),
        "incident_step_speedup": round(full["incident_seconds"] / max(inc["incident_seconds"], 1e-6), 1),
        "same_incidents": same,
    }


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--bare":
        print(json.dumps(bare_duckdb(Path(argv[1]))))
        return 0
    if argv and argv[0] == "--run-one":
        db, sample, mode, workers = argv[1:5]
        print(json.dumps(run_one(Path(db), Path(sample), mode, int(workers))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True, help="an ingested store (copied, not modified)")
    ap.add_argument("-n", type=int, default=40, help="articles to ingest (default 40)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--data", type=Path, default=None, help="shared data folder")
    ap.add_argument("--json", type=Path, default=None, help="also write the result here")
    ap.add_argument("--replicate", type=int, default=0, help="append K date-shifted copies of the store")
    ap.add_argument("--replay", action="store_true",
                    help="no analysis: put the picked articles' stored rows back and time the incident step only")
    ap.add_argument("--linked", action="store_true",
                    help="the store is already linked by this code's rules: skip the set-up re-link "
                         "(the keys are made again)")
    ap.add_argument("--pick", nargs="+", choices=("latest", "spread"), default=["latest", "spread"],
                    help="which articles to take out and ingest again (default: both, latest first)")
    args = ap.parse_args(argv)
    data = args.data or default_data_dir()
    src = (data / "allsides-intl" / "articles.jsonl") if data else None
    if not src or not src.is_file() or not args.store.is_file():
        print("need --store and allsides-intl/articles.jsonl (set SITREP_DATA)", file=sys.stderr)
        return 2
    from sitrep.corpus.incidents import rebuild_incidents
    from sitrep.corpus.store import Store

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        tmp = Path(tmp)
        linked = tmp / "linked.duckdb"
        _copy(args.store, linked)
        with Store(linked) as store:
            for k in range(1, args.replicate + 1):
                replicate(store, years=10 * k, suffix=f"~r{k}")
            t0 = time.perf_counter()
            if args.replay:
                pass  # the full re-link below is the timed reference
            elif not args.linked or args.replicate:
                rebuild_incidents(store)  # set-up
            else:  # linked by these rules: only the keys are made again (their columns may be older)
                from sitrep.corpus.incidents import _refresh_keys

                with store.transaction():
                    _refresh_keys(store)
            setup = time.perf_counter() - t0
        if args.replay:
            full_run = _measure(linked, linked, "replay-full", 1)
            picks = [replay_pick(tmp, linked, full_run, args.n, how) for how in args.pick]
        else:
            picks = [bench_pick(tmp, linked, src, args.n, how, args.workers) for how in args.pick]
        result = {"workers": args.workers, "replicated": args.replicate, "setup_rebuild_seconds": round(setup, 1),
                  "picks": picks}
        out = subprocess.run([sys.executable, __file__, "--bare", str(src)], check=True, capture_output=True,
                             text=True)
        bare = json.loads(out.stdout.strip().splitlines()[-1])
        result["bare_duckdb"] = bare
        for pick in picks:
            for run in (pick["incremental"], pick["full_rebuild"]):
                run["peak_rss_to_bare_duckdb"] = round(run["peak_rss_mb"] / bare["peak_rss_mb"], 2)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0 if all(p["same_incidents"] for p in result["picks"]) else 1


if __name__ == "__main__":
    sys.exit(main())
