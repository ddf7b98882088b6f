"""CPU time of each spaCy component, the model as shipped against the pipeline's copy (the
attribute ruler's matches looked up by index: sitrep.stages.attribute_index), over the
same real articles in one process, and whether both annotate every token the same.

    python bench/bench_spacy_parts.py [--articles 60] [--rounds 2]

CPU seconds (``time.process_time``) of one process, alternating the two models round by
round, so machine load shifts both alike; the figure to read is the ratio. Results:
bench/results/spacy-parts-<N>.json.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.stages.nlp import load_spacy, load_stock_spacy  # noqa: E402

BATCH = 10  # the pipeline's batch in `sitrep bench` (chunks of 10 articles)


def texts(n: int) -> list[str]:
    from sitrep.eval.core import default_data_dir

    data = default_data_dir()
    path = data / "allsides-intl" / "articles.jsonl" if data else None
    if path is None or not path.is_file():
        raise SystemExit("allsides-intl not found under ../shared/data (set SITREP_DATA)")
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line)["text"])
            if len(out) == n:
                break
    return out


def timed_parts(nlp, items: list[str]) -> tuple[dict[str, float], list]:
    """CPU seconds of the tokenizer and of each component over ``items``, and the Docs."""
    seconds = {}
    started = time.process_time()
    docs = [nlp.make_doc(t) for t in items]
    seconds["tokenizer"] = time.process_time() - started
    for name, component in nlp.pipeline:
        started = time.process_time()
        docs = list(component.pipe(docs, batch_size=BATCH)) if hasattr(component, "pipe") else [component(d) for d in docs]
        seconds[name] = time.process_time() - started
    return seconds, docs


def annotations(doc) -> list[tuple]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.ent_iob_, t.ent_type_) for t in doc]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = ap.parse_args()
    items = texts(args.articles)
    models = {"stock": load_stock_spacy(), "sitrep": load_spacy()}
    # the same components in both, so the comparison is like for like (paragraph starts
    # are a sitrep component: added to the stock copy too, at the same place)
    models["stock"].add_pipe("sitrep_paragraph_starts", before="parser")
    load_before = os.getloadavg()[0]
    rounds = []
    differing = tokens = 0
    for _ in range(args.rounds):
        result = {}
        docs = {}
        for name, nlp in models.items():
            result[name], docs[name] = timed_parts(nlp, items)
        differing += sum(a != b for x, y in zip(docs["stock"], docs["sitrep"])
                         for a, b in zip(annotations(x), annotations(y)))
        tokens = sum(len(d) for d in docs["stock"])
        rounds.append(result)
    total = {name: sum(sum(r[name].values()) for r in rounds) for name in models}
    parts = {name: {part: round(sum(r[name][part] for r in rounds), 2) for part in rounds[0][name]} for name in models}
    summary = {
        "benchmark": "spaCy CPU per component, model as shipped vs sitrep's copy (same process)",
        "articles": len(items), "tokens": tokens,
        "rounds": args.rounds, "cpu_seconds": {k: round(v, 2) for k, v in total.items()},
        "cpu_ratio_sitrep_to_stock": round(total["sitrep"] / total["stock"], 3),
        "cpu_seconds_by_component": parts,
        "tokens_with_different_annotations": differing,
        "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2),
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"spacy-parts-{len(items)}.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
