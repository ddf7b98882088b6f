"""Throughput of the Dask executor against the local process pool, in one run, on the same
real articles (allsides-intl), and the coordinating process's peak memory.

    python bench/bench_dask.py [--articles 500] [--runs local2,dask2,dask1] [--rounds 1]

Each run ingests the same articles into a fresh store in its own process (so the peak
RSS reported is the coordinating process alone: pool and Dask workers are other
processes), with incidents linked at the end as a user's ingest does. Reported per run:
wall seconds (cluster or pool start-up included), articles/s, the coordinating process's
peak RSS, and the machine's load average before and after; then the ratios the issue
sets targets for: dask2/local2 (>= 0.9) and dask2/dask1 (>= 1.8). With ``--rounds 2`` the
runs alternate (local, dask, local, dask ...) and the best round of each counts, which
damps the noise of a machine shared with other work. Results: bench/results/dask-*.json.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
from bench_common import peak_rss_mb, run_child, save_result, scratch_folder  # noqa: E402
CORPUS = ROOT.parent / "shared" / "data" / "allsides-intl" / "articles.jsonl"

RUNS = {"local2": ("local", 2), "local1": ("local", 1), "dask2": ("dask", 2), "dask1": ("dask", 1)}


def one_run(engine: str, workers: int, inputs: Path) -> dict:
    """Ingest ``inputs`` into a fresh store; runs in a child process."""
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store

    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with scratch_folder(f"bench-dask-{engine}{workers}-") as folder, Store(folder / "s.duckdb") as store:
        summary = ingest([str(inputs)], store, workers=workers, engine=engine, progress=False)
    seconds = time.perf_counter() - started
    return {"engine": engine, "workers": workers, "ingested": summary.ingested, "events": summary.events,
            "incidents": summary.incidents, "seconds": round(seconds, 1),
            "articles_per_s": round(summary.ingested / seconds, 2),
            "coordinator_peak_rss_mb": peak_rss_mb(),
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}


def sample(n: int) -> Path:
    """The first ``n`` articles of the corpus (all with n = 0) as a JSONL file."""
    out = Path(tempfile.mkstemp(prefix="bench-dask-", suffix=".jsonl")[1])
    with CORPUS.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as w:
        for k, line in enumerate(f):
            if n and k >= n:
                break
            w.write(line)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500, help="first N articles of allsides-intl (0 = all)")
    ap.add_argument("--runs", default="local2,dask2,dask1")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        engine, workers = RUNS[args.one]
        print(json.dumps(one_run(engine, workers, args.inputs)))
        return 0
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS} (the shared data); nothing to measure", file=sys.stderr)
        return 2
    inputs = sample(args.articles)
    names = [r.strip() for r in args.runs.split(",") if r.strip()]
    results: dict[str, list[dict]] = {name: [] for name in names}
    try:
        for _ in range(args.rounds):
            for name in names:
                results[name].append(run_child(__file__, "--one", name, "--inputs", str(inputs)))
                print(name, results[name][-1], file=sys.stderr)
    finally:
        inputs.unlink()
    best = {name: max(runs, key=lambda r: r["articles_per_s"]) for name, runs in results.items()}
    summary = {"benchmark": "dask executor vs local pool", "articles": args.articles or "all",
               "cpu_count": os.cpu_count(), "runs": results, "best": best}
    if "dask2" in best and "local2" in best:
        summary["ratio_dask2_to_local2"] = round(best["dask2"]["articles_per_s"] / best["local2"]["articles_per_s"], 2)
    if "dask2" in best and "dask1" in best:
        summary["ratio_dask2_to_dask1"] = round(best["dask2"]["articles_per_s"] / best["dask1"]["articles_per_s"], 2)
    save_result(args.out, f"dask-{args.articles or 'all'}-{'-'.join(names)}.json", summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
