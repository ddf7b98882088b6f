"""Train the event filter on the allsides-dev gold and write its model JSON.

    PYTHONPATH=src python scripts/train_event_filter.py [--data ../shared/data] [--cache FILE]

Runs the pipeline WITHOUT the filter (up to the certainty stage) over the allsides-dev
articles, labels each candidate event by the scorer's own matching against the gold
(paired = 1), prints a cross-validation table grouped by article (the decision threshold
and L2 chosen inside the training folds), then trains on all the gold articles and writes
src/sitrep/knowledge/data/models/event_filter.json. Re-run it after the event rules
change: the candidates move with them. Deterministic; about a minute on a quiet machine.
``--cache FILE`` keeps the extracted candidates (no article text) so a second run skips
the pipeline; delete the file when the rules change.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from sitrep.learn import source_commit
from sitrep.eval.sets import allsides_dev
from sitrep.learn import event_features, training
from sitrep.stages.event_filter import MODEL_PATH

ROOT = Path(__file__).resolve().parents[1]


def collect(data_dir: Path) -> list[training.ArticleCandidates]:
    """Every dev gold article through the pipeline up to certainty, its candidates labelled."""
    from sitrep.knowledge import default_knowledge
    from sitrep.pipeline import Pipeline
    from sitrep.read.records import article_from_record

    kb = default_knowledge()
    articles, gold = allsides_dev.load_gold()
    ids = sorted(articles)
    raw = allsides_dev.corpus_records(data_dir, ids)
    if len(raw) != len(ids):
        sys.exit(f"error: {len(ids) - len(raw)} gold articles are not in {data_dir / allsides_dev.CORPUS}; "
                 "give the shared data folder with --data")
    pipeline = Pipeline.default(until="certainty", kb=kb, batch_size=4)  # the rules alone
    out = []
    started = time.monotonic()
    for n, (rec, doc) in enumerate(zip(raw, pipeline.pipe((article_from_record(r, str(allsides_dev.CORPUS))
                                                            for r in raw), on_error="raise"))):
        predicted = allsides_dev.coded_from_document(doc, rec["text"], kb)
        labels = training.label_candidates(gold[rec["id"]], predicted, rec["text"])
        out.append(training.ArticleCandidates(rec["id"], rec["text"], gold[rec["id"]], predicted,
                                              event_features.document_features(doc), labels))
        print(f"\r{n + 1}/{len(raw)} articles, {time.monotonic() - started:.0f} s", end="", file=sys.stderr)
    print(file=sys.stderr)
    return sorted(out, key=lambda a: a.article)


def load_or_collect(data_dir: Path, cache: Path | None) -> list[training.ArticleCandidates]:
    if cache and cache.is_file():
        rows = json.loads(cache.read_text(encoding="utf-8"))
        texts = allsides_dev.corpus_texts(data_dir, [r["article"] for r in rows])
        return [training.ArticleCandidates.from_json(r, texts[r["article"]]) for r in rows]
    arts = collect(data_dir)
    if cache:
        cache.write_text(json.dumps([a.to_json() for a in arts]), encoding="utf-8")
    return arts


def _row(name: str, f: dict) -> str:
    return (f"{name:<22} {f['detection_p']:6.3f} {f['detection_r']:6.3f} {f['detection_f1']:6.3f} "
            f"{f['type_f1']:6.3f} {f['event_f1']:6.3f} {f['predicted']:6d} {f['gold']:5d}")



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                        help="the shared data folder (holds allsides-intl/articles.jsonl)")
    parser.add_argument("--cache", type=Path, help="candidate cache (JSON) to write or reuse")
    parser.add_argument("--folds", type=int, default=5, help="outer folds, grouped by article")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write the model JSON")
    parser.add_argument("--no-write", action="store_true", help="print the CV table only")
    args = parser.parse_args(argv)
    if not (args.data / allsides_dev.CORPUS).is_file():
        print(f"error: {args.data / allsides_dev.CORPUS} not found; give the shared data folder with --data",
              file=sys.stderr)
        return 2
    arts = load_or_collect(args.data, args.cache)
    n = sum(len(a.labels) for a in arts)
    pos = sum(sum(a.labels) for a in arts)
    print(f"{len(arts)} articles, {n} candidates, {pos} paired with gold, "
          f"{sum(len(a.gold) for a in arts)} gold events")
    keep, lines = training.cross_validate(arts, k=args.folds)
    for line in lines:
        print(f"fold {line['fold']}: {line['articles']} articles, l2 {line['l2']}, threshold "
              f"{line['threshold']}, inner detection F1 {line['inner_f1']}")
    before = training.figures(training.score(arts))
    after = training.figures(training.score(arts, keep))
    print(f"{'allsides-dev (dev)':<22} {'det P':>6} {'det R':>6} {'det F1':>6} {'typeF1':>6} {'evF1':>6} "
          f"{'events':>6} {'gold':>5}")
    print(_row("rules only", before))
    print(_row(f"+ filter ({args.folds}-fold CV)", after))
    model, inner = training.fit_final(arts, k=args.folds, min_count=2)
    model.header.update({
        "what": "event filter: P(an analyst codes this candidate event), docs/event-filter.md",
        "training_data": f"allsides-dev gold ({len(arts)} articles), {n} candidates of the rule pipeline "
                         f"at commit {source_commit(ROOT)}, {pos} paired with gold by the allsides-dev scorer",
        "features": list(event_features.PREFIXES),
        "cv": {"folds": args.folds, "grouped_by": "article", "rules_only": before, "with_filter": after,
               "per_fold": lines},
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    })
    print(f"final model: {len(model.vocab)} features, l2 {model.header['l2']}, threshold {model.threshold}")
    if not args.no_write:
        model.save(args.out)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
