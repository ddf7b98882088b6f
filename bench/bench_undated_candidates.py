"""How long the undated-article candidate query takes on a linked store.

    python bench/bench_undated_candidates.py --db COPY_OF_A_LINKED_STORE.duckdb [--out FILE]

An article without any date finds the incidents it may join through ``incident_names``
(the (event, stem) index of every day-dated event, store migration 10): one query per
undated article, in ``incidents._decide_undated``. This times exactly that query for every
undated article of the store (read-only; nothing is written), and the whole decision
(``_decide_undated``: the query, the candidate incidents' members, ``link_undated``) for
the same articles, and reports the store's size beside the figures.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def undated_articles(store) -> list[list]:
    """The mentions of each undated article, grouped by article (as the undated pass reads them)."""
    from sitrep.corpus import incidents

    out, article = [], []
    for row in incidents._select(store, f"WHERE {incidents._UNDATED} ORDER BY article_id, event_id", []):
        m = incidents._mention(row)
        if article and m.article_id != article[0].article_id:
            out.append(article)
            article = []
        article.append(m)
    if article:
        out.append(article)
    return out


def candidate_query(store, mentions) -> tuple[int, int]:
    """(names, hits) of the candidate query for one undated article, as _decide_undated runs it."""
    from sitrep.corpus import incidents
    from sitrep.corpus.incidents import ANCHOR_CANDIDATES, family_types

    names = sorted(incidents._names(mentions))
    if not names:
        return 0, 0
    families = sorted({t for m in mentions for t in family_types(m.family)})
    hits = store.con.execute(
        "SELECT n.event_id FROM incident_names n JOIN incident_keys k USING (event_id) "
        f"WHERE n.name IN (SELECT unnest(?::VARCHAR[])) AND k.article_id <> ? AND k.{incidents._FINE.strip()} "
        "AND k.type IN (SELECT unnest(?::VARCHAR[])) "
        "GROUP BY n.event_id ORDER BY count(*) DESC, n.event_id LIMIT ?",
        [names, mentions[0].article_id, families, ANCHOR_CANDIDATES]).fetchall()
    return len(names), len(hits)


def summary(seconds: list[float]) -> dict:
    if not seconds:
        return {}
    ordered = sorted(seconds)
    return {"calls": len(seconds), "total_s": round(sum(seconds), 2),
            "mean_ms": round(1000 * statistics.mean(seconds), 1),
            "median_ms": round(1000 * statistics.median(seconds), 1),
            "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 1),
            "max_ms": round(1000 * ordered[-1], 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, required=True, help="a copy of a linked store (opened read-only)")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    from sitrep.corpus import incidents
    from sitrep.corpus.store import Store

    with Store(args.db, read_only=True) as store:
        size = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "incident_keys", "incident_names", "incidents")}
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        articles = undated_articles(store)
        read_s = time.perf_counter() - started
        query_s, decide_s, names, hits = [], [], [], []
        for mentions in articles:
            t = time.perf_counter()
            n, h = candidate_query(store, mentions)
            query_s.append(time.perf_counter() - t)
            names.append(n)
            hits.append(h)
        for mentions in articles:
            t = time.perf_counter()
            list(incidents._decide_undated(store, mentions, {}))
            decide_s.append(time.perf_counter() - t)
    result = {"benchmark": "undated-article candidate query (incident_names)", "db": str(args.db), "store": size,
              "undated_articles": len(articles), "undated_mentions": sum(len(a) for a in articles),
              "read_undated_mentions_s": round(read_s, 2),
              "names_per_article_mean": round(statistics.mean(names), 1) if names else 0,
              "hits_per_article_mean": round(statistics.mean(hits), 1) if hits else 0,
              "candidate_query": summary(query_s), "decide_undated": summary(decide_s),
              "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}
    text = json.dumps(result, indent=2)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
