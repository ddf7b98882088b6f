"""Train the learned event join on the allsides-dev gold and write its model JSON.

    PYTHONPATH=src python scripts/train_event_join.py [--data ../shared/data] [--cache FILE]
        [--docs-cache FILE] [--validate-parts H] [--no-write]

Runs the full pipeline with the join switched off over the training parts of the allsides-dev
gold (never a blind part: ``training.BLIND_PARTS``), builds every pair of events of one
article with its features (``sitrep.learn.join_features``) and its label (both events report
the same gold event: ``join_training.pair_labels``), prints the leave-one-part-out table over
D, E, F, G (A-C by a 5-fold CV by article; L2 and threshold chosen inside the training parts),
the pre-registered decision, and the final model's totals on the validation part (figures
only), then writes src/sitrep/knowledge/data/models/event_join.json.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import sys
from pathlib import Path

from sitrep.eval import reads
from sitrep.eval.sets import allsides_dev
from sitrep.learn import join_features, join_training, source_commit, training
from sitrep.stages import event_join

ROOT = Path(__file__).resolve().parents[1]


def _documents(raw: list[dict], docs_cache: Path | None) -> list:
    """The full pipeline's documents of ``raw``, the join off (from ``docs_cache`` when it exists)."""
    from sitrep.knowledge import default_knowledge

    if docs_cache and docs_cache.is_file():
        with open(docs_cache, "rb") as f:
            docs = pickle.load(f)
        if [d.article.id for d in docs] != [r["id"] for r in raw]:
            sys.exit(f"error: {docs_cache} holds other articles; delete it")
        return docs
    docs = training.analyse_gold_articles(raw, "event_filter", default_knowledge())
    if docs_cache:
        with open(docs_cache, "wb") as f:
            pickle.dump(docs, f)
    return docs


def collect(data_dir: Path, docs_cache: Path | None, only_parts: tuple[str, ...] = ()) -> list:
    """The pairs of every training article (or of ``only_parts`` alone: the validation part)."""
    from sitrep.knowledge import default_knowledge

    kb = default_knowledge()
    articles, gold = allsides_dev.load_gold()
    parts = allsides_dev.article_parts()
    if set(only_parts) & set(training.SEALED_PARTS):
        sys.exit("error: a sealed part is never scored by a training script")
    ids = (sorted(a for a in articles if parts.get(a) in set(only_parts)) if only_parts
           else training.training_ids(articles, parts))
    raw = allsides_dev.corpus_records(data_dir, ids)
    out = []
    for rec, doc in zip(raw, _documents(raw, docs_cache)):
        predicted = allsides_dev.coded_from_document(doc, rec["text"], kb)
        triples = join_features.article_pairs(doc)
        pairs = [(i, j) for i, j, _ in triples]
        out.append(join_training.ArticlePairs(
            rec["id"], rec["text"], gold[rec["id"]], predicted, pairs, [f for _, _, f in triples],
            join_training.pair_labels(gold[rec["id"]], predicted, pairs, rec["text"])))
    return out


def _line(name: str, entry: dict) -> str:
    a, j = entry["alone"], entry["joined"]
    g = join_training.gains(entry)
    return (f"{name:<4} alone det {a['detection_f1']:.4f} type {a['type_f1']:.4f} event {a['event_f1']:.4f} "
            f"n {a['predicted']:4d} | joined det {j['detection_f1']:.4f} type {j['type_f1']:.4f} "
            f"event {j['event_f1']:.4f} n {j['predicted']:4d} | gain {g}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, help="pairs cache (JSON) to write or reuse")
    parser.add_argument("--docs-cache", type=Path, help="analysed documents (pickle) to write or reuse")
    parser.add_argument("--validate-parts", default="", help="parts scored with the final model, figures only (H)")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if args.cache and args.cache.is_file():
        rows = json.loads(args.cache.read_text(encoding="utf-8"))
        texts = allsides_dev.corpus_texts(args.data, [r["article"] for r in rows])
        arts = [join_training.ArticlePairs.from_json(r, texts[r["article"]]) for r in rows]
    else:
        arts = collect(args.data, args.docs_cache)
        if args.cache:
            args.cache.write_text(json.dumps([a.to_json() for a in arts]), encoding="utf-8")
    parts = allsides_dev.article_parts()
    assert not {parts.get(a.article) for a in arts} & set(training.BLIND_PARTS)
    n = sum(1 for a in arts for y in a.labels if y != join_training.UNKNOWN)
    pos = sum(1 for a in arts for y in a.labels if y == 1)
    print(f"{len(arts)} articles, {sum(len(a.predicted) for a in arts)} events, {n} pairs with a gold event, {pos} of one gold event")
    table = join_training.leave_part_out(arts, parts)
    for name, entry in table.items():
        print(_line(name, entry), f"l2 {entry.get('l2')} thr {entry.get('threshold', entry.get('thresholds'))}")
    decision = join_training.ships(table)
    print("decision (pre-registered):", "SHIPS" if decision else "does not ship")
    model = join_training.fit_final(arts)
    model.header.update({
        "what": "event join: P(two events of one article report one happening), docs/annotation.md 3",
        "training_data": f"allsides-dev gold ({len(arts)} articles, parts "
                         f"{''.join(sorted({parts.get(a.article, '?') for a in arts}))}), {n} pairs of the "
                         f"full pipeline's events at commit {source_commit(ROOT)}, {pos} of one gold event",
        "heldout": {name: {"alone": e["alone"], "joined": e["joined"]} for name, e in table.items()},
        "ships": decision,
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    })
    if args.validate_parts:
        cache = args.docs_cache.with_name(args.docs_cache.stem + "-validation.pkl") if args.docs_cache else None
        reads.log_read(tuple(p for p in args.validate_parts.split(",") if p), sys.argv)  # a read, logged
        held = collect(args.data, cache, tuple(args.validate_parts.split(",")))
        alone = join_training.figures(join_training.score(held))
        joined = join_training.figures(join_training.score(
            held, {a.article: [model.probability(f) for f in a.features] for a in held}, model.threshold))
        holds = all(joined[m] >= alone[m] - join_training.MAX_VALIDATION_LOSS
                    for m in ("detection_f1", "type_f1", "event_f1"))
        print(f"validation {args.validate_parts}: alone {alone} joined {joined} holds {holds}")
        model.header["validation"] = {"parts": args.validate_parts, "alone": alone, "joined": joined, "holds": holds}
        model.header["ships"] = decision and holds
    print(f"final model: {len(model.vocab)} features, l2 {model.header['l2']}, threshold {model.threshold}, "
          f"ships {model.header['ships']}")
    if not args.no_write:
        model.save(event_join.MODEL_PATH)
        print(f"wrote {event_join.MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
