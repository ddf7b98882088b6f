"""Ingest throughput, memory and database size on real news (allsides-intl).

    python bench/bench_ingest.py            # first 500 articles, 2 workers
    python bench/bench_ingest.py -n 50      # a quick look
    python bench/bench_ingest.py --all      # all 4,178 (do not run on a shared machine)

Measures end to end: reading the JSONL, the full pipeline in the process pool, the
parent's batched DuckDB writes, near-duplicate linking and the final incident clustering.
Prints one JSON object. Peak memory is ru_maxrss of this (parent) process and of the
largest worker (Linux reports KiB).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from sitrep.eval.core import default_data_dir  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=500, help="number of articles (default 500)")
    ap.add_argument("--all", action="store_true", help="every article (4,178)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--until", default=None, help="stop the pipeline after this stage")
    ap.add_argument("--data", type=Path, default=None, help="shared data folder")
    args = ap.parse_args(argv)

    data = args.data or default_data_dir()
    src = (data / "allsides-intl" / "articles.jsonl") if data else None
    if not src or not src.is_file():
        print("allsides-intl/articles.jsonl not found (set SITREP_DATA)", file=sys.stderr)
        return 2
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        sample = Path(tmp) / "sample.jsonl"
        chars = 0
        with src.open(encoding="utf-8") as fin, sample.open("w", encoding="utf-8") as fout:
            for i, line in enumerate(fin):
                if not args.all and i >= args.n:
                    break
                fout.write(line)
                chars += len(json.loads(line).get("text") or "")
        db = Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        with Store(db) as store:
            summary = ingest([str(sample)], store, workers=args.workers, until=args.until, progress=None)
            counts = store.counts()
        seconds = time.perf_counter() - started
        size = db.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("bench.duckdb.wal"))
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = {
        "articles_in": summary.inputs_read, "ingested": summary.ingested, "skipped": dict(summary.skipped),
        "near_duplicates": summary.near_duplicates, "events": counts["events"], "incidents": counts["incidents"],
        "workers": args.workers, "until": args.until, "chars": chars,
        "seconds": round(seconds, 2),
        "articles_per_s": round(summary.inputs_read / seconds, 2) if seconds else None,
        "stored_articles_per_s": round(summary.ingested / seconds, 2) if seconds else None,
        "peak_rss_parent_mb": round(self_kb / 1024, 1), "peak_rss_worker_mb": round(child_kb / 1024, 1),
        "db_size_mb": round(size / 1e6, 2), "db_bytes_per_article": round(size / max(1, summary.ingested)),
        "stage_seconds": {k: round(v, 2) for k, v in summary.stage_seconds.most_common()},
        "load_average": os.getloadavg()[0],
    }
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
