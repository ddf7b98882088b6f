"""Throughput of the Dask executor against the local process pool, in one run, on the same
real articles (allsides-intl), and the coordinating process's peak memory.

    python bench/bench_dask.py [--articles 500] [--runs local2,dask2,dask1] [--rounds 1]

Each run ingests the same articles into a fresh store in its own process (so the peak
RSS reported is the coordinating process alone: pool and Dask workers are other
processes), with incidents linked at the end as a user's ingest does. Reported per run:
wall seconds (cluster or pool start-up included), articles/s, the coordinating process's
peak RSS, and the machine's load average before, during (mean and max of samples every
2 s) and after; then the ratios the issue sets targets for, dask2/local2 (>= 0.9) and
dask2/dask1 (>= 1.8), each with the mean loads of its two runs. On a shared machine the
figures are only comparable at similar loads: run it on a quiet one. With ``--rounds 2`` the
runs alternate (local, dask, local, dask ...) and the best round of each counts, which
damps the noise of a machine shared with other work. Results: bench/results/dask-*.json.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
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

    load_before = load_averages()
    started = time.perf_counter()
    with LoadSampler() as during, scratch_folder(f"bench-dask-{engine}{workers}-") as folder, \
            Store(folder / "s.duckdb") as store:
        summary = ingest([str(inputs)], store, workers=workers, engine=engine, progress=False)
    seconds = time.perf_counter() - started
    return {"engine": engine, "workers": workers, "ingested": summary.ingested, "events": summary.events,
            "incidents": summary.incidents, "seconds": round(seconds, 1),
            "articles_per_s": round(summary.ingested / seconds, 2) if seconds else 0.0,
            "coordinator_peak_rss_mb": peak_rss_mb(),
            "load_before": load_before[0], "load_after": load_averages()[0],
            "load_during_mean": during.mean(), "load_during_max": during.max(),
            "load_1_5_15_before": load_before}


def load_averages() -> list[float]:
    """The machine's 1, 5 and 15-minute load averages, rounded."""
    return [round(x, 2) for x in os.getloadavg()]


class LoadSampler:
    """The 1-minute load average sampled every ``every`` seconds while a run lasts, so each
    throughput figure carries the load it was measured under (on a shared machine, a run at
    load 8 and one at load 1 are not comparable: compare runs only at similar loads)."""

    def __init__(self, every: float = 2.0):
        self.every, self.samples = every, [os.getloadavg()[0]]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self.every):
            self.samples.append(os.getloadavg()[0])

    def __enter__(self) -> "LoadSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append(os.getloadavg()[0])

    def mean(self) -> float:
        return round(sum(self.samples) / len(self.samples), 2)

    def max(self) -> float:
        return round(max(self.samples), 2)


def ratio(best: dict[str, dict], top: str, bottom: str) -> dict:
    """``top``'s throughput over ``bottom``'s, with the mean load each was measured under
    (a ratio of two runs at very different loads says more about the machine than the engine)."""
    value = best[top]["articles_per_s"] / best[bottom]["articles_per_s"] if best[bottom]["articles_per_s"] else None
    return {f"ratio_{top}_to_{bottom}": round(value, 2) if value is not None else None,
            f"ratio_{top}_to_{bottom}_loads": [best[top]["load_during_mean"], best[bottom]["load_during_mean"]]}


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
    load_at_start = load_averages()
    inputs = sample(args.articles)
    names = [r.strip() for r in args.runs.split(",") if r.strip()]
    results: dict[str, list[dict]] = {name: [] for name in names}
    try:
        for _ in range(args.rounds):
            for name in names:
                results[name].append(run_child(__file__, "--one", name, "--inputs", str(inputs)))
                run = results[name][-1]
                print(f"{name}: {run['articles_per_s']} articles/s in {run['seconds']} s "
                      f"(load {run['load_during_mean']} mean, {run['load_during_max']} max)", file=sys.stderr)
    finally:
        inputs.unlink()
    best = {name: max(runs, key=lambda r: r["articles_per_s"]) for name, runs in results.items()}
    summary = {"benchmark": "dask executor vs local pool", "articles": args.articles or "all",
               "cpu_count": os.cpu_count(), "load_1_5_15_at_start": load_at_start,
               "load_1_5_15_at_end": load_averages(), "runs": results, "best": best}
    for top, bottom in (("dask2", "local2"), ("dask2", "dask1")):
        if top in best and bottom in best:
            summary.update(ratio(best, top, bottom))
    save_result(args.out, f"dask-{args.articles or 'all'}-{'-'.join(names)}.json", summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
