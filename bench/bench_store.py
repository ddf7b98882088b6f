"""What a commit costs as the store grows: the lean layout (documents compressed in their
own table, migration 6) against the former one (the full document JSON in
``articles.document``), in the same run, on the same real documents.

    python bench/bench_store.py --source COPY_OF_A_STORE.duckdb [--articles 2000] [--batch 16]

The documents are read from an existing store (copy the shared one first: it may be
written to). Each layout writes them into a fresh store in its own process, in batches
of ``--batch`` articles, one transaction each, with a CHECKPOINT every ``--checkpoint``
batches (DuckDB checkpoints on its own when its WAL grows; forcing them makes the runs
comparable). Reported per layout: seconds per commit over the last 10% of batches (the
cost at the store's final size), total seconds, checkpoint seconds, the file size and
the process's peak RSS; and the ratios former/lean. Results: bench/results/store-*.json.
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


def load_documents(source: Path, n: int) -> list[dict]:
    from sitrep.corpus.store import Store

    with Store(source, read_only=True) as store:
        ids = [r[0] for r in store.con.execute(
            "SELECT article_id FROM articles ORDER BY pub_date NULLS LAST, article_id LIMIT ?", [n]).fetchall()]
        docs = store.documents(ids)
    return [docs[i] for i in ids if i in docs]


def run_layout(layout: str, docs_path: Path, batch: int, checkpoint_every: int) -> dict:
    """Write the documents with one layout; runs in its own process (peak RSS)."""
    from sitrep.corpus.store import Store, content_hash

    class FormerLayoutStore(Store):
        """The layout before migration 6: the document JSON rides in the articles row."""

        def add_document(self, doc, chash, **options):
            aid = super().add_document(doc, chash, **options)
            self._pending["articles"][-1][16] = json.dumps(doc, ensure_ascii=False)
            self._pending["documents"].pop()
            return aid

    with scratch_folder(f"bench-store-{layout}-") as folder:
        return _write_batches(FormerLayoutStore if layout == "former" else Store, folder, docs_path, batch,
                              checkpoint_every) | {"layout": layout}


def _write_batches(store_class, folder: Path, docs_path: Path, batch: int, checkpoint_every: int) -> dict:
    from sitrep.corpus.store import content_hash

    path = folder / "s.duckdb"
    store = store_class(path)
    commit_times, checkpoint_seconds = [], 0.0
    started = time.perf_counter()
    n = 0
    with docs_path.open(encoding="utf-8") as lines:  # a batch in memory at a time, as in an ingest
        while True:
            docs = [json.loads(line) for _, line in zip(range(batch), lines)]
            if not docs:
                break
            n += len(docs)
            t0 = time.perf_counter()
            with store.transaction():
                for doc in docs:
                    store.add_document(doc, content_hash(doc["article"]["text"] or doc["article"]["id"]))
            commit_times.append(time.perf_counter() - t0)
            if len(commit_times) % checkpoint_every == 0:
                t0 = time.perf_counter()
                store.con.execute("CHECKPOINT")
                checkpoint_seconds += time.perf_counter() - t0
    total = time.perf_counter() - started
    store.close()
    tail = commit_times[-max(1, len(commit_times) // 10):]
    head = commit_times[:max(1, len(commit_times) // 10)]
    size = sum(p.stat().st_size for p in folder.iterdir())
    return {"articles": n, "batches": len(commit_times),
            "seconds_per_commit_at_start": round(sum(head) / len(head), 4),
            "seconds_per_commit_at_end": round(sum(tail) / len(tail), 4), "seconds_total": round(total, 2),
            "seconds_checkpoints": round(checkpoint_seconds, 2), "file_mb": round(size / 1e6, 1),
            "peak_rss_mb": peak_rss_mb()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, required=False, help="a store to take real documents from (a copy)")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--checkpoint", type=int, default=8, help="CHECKPOINT every this many batches")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument("--layout", choices=("former", "lean"), help=argparse.SUPPRESS)
    ap.add_argument("--docs", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.layout:  # a child process: one layout
        print(json.dumps(run_layout(args.layout, args.docs, args.batch, args.checkpoint)))
        return 0
    if not args.source or not args.source.exists():
        print("pass --source with a copy of a store that holds analysed articles", file=sys.stderr)
        return 2
    docs = load_documents(args.source, args.articles)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
        docs_path = Path(f.name)
    results = {}
    try:
        for layout in ("former", "lean"):
            results[layout] = run_child(__file__, "--layout", layout, "--docs", str(docs_path),
                                        "--batch", str(args.batch), "--checkpoint", str(args.checkpoint))
    finally:
        docs_path.unlink()
    former, lean = results["former"], results["lean"]
    summary = {
        "benchmark": "store commit cost, former vs lean layout", "source": str(args.source),
        "load_average": os.getloadavg()[0], "batch": args.batch, "checkpoint_every": args.checkpoint,
        "former": former, "lean": lean,
        "growth_former_end_to_start": round(former["seconds_per_commit_at_end"] / former["seconds_per_commit_at_start"], 2),
        "growth_lean_end_to_start": round(lean["seconds_per_commit_at_end"] / lean["seconds_per_commit_at_start"], 2),
        "ratio_commit_at_end": round(former["seconds_per_commit_at_end"] / lean["seconds_per_commit_at_end"], 2),
        "ratio_total": round(former["seconds_total"] / lean["seconds_total"], 2),
        "ratio_checkpoints": round(former["seconds_checkpoints"] / max(lean["seconds_checkpoints"], 1e-6), 2),
        "ratio_file_size": round(former["file_mb"] / lean["file_mb"], 2),
        "ratio_peak_rss": round(former["peak_rss_mb"] / lean["peak_rss_mb"], 2),
    }
    save_result(args.out, f"store-layout-{len(docs)}.json", summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
