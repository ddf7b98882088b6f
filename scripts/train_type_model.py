"""Cross-validate the type re-scorer on the DEV gold and write its model (when it wins).

    PYTHONPATH=src python scripts/train_type_model.py --cache /tmp/types.json [--candidate FILE]

Runs the real pipeline WITHOUT the re-scorer over the DEV sets (allsides-dev articles,
PLOVER GSR sentences, PETRARCH unit-test sentences with their validation actors, the
demo documents), keeps every event's features, the rules' type, its gold label where the
set's scorer tells one (``type_training``), then prints the session-17 table on data the model did not see: each of allsides-dev
parts D, E, F, G held out alone (trained on everything else, the sentence and demo sets
included) and a 5-fold CV by article over A-C, the margin chosen by an inner 3-fold CV
inside each training set; the allsides-dev scorer replayed with the new types (type,
event and detection F1). The validation and blind parts (H, I) are never collected and
cannot be held out. Writes src/sitrep/knowledge/data/models/type_model.json only when the
decision rule (``type_training.ships``) says so (``--candidate PATH`` writes it anyway,
elsewhere). Deterministic.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

from sitrep.learn import source_commit
from sitrep.learn import type_features, type_training
from sitrep.learn.type_training import Group
from sitrep.stages import event_type_model

ROOT = Path(__file__).resolve().parents[1]


def _coded_flags(doc) -> list[bool]:
    from sitrep.stages.events import coded_events

    coded = {id(e) for e in coded_events(doc)}
    return [id(e) in coded for e in doc.events]


def collect_allsides(kb, data_dir: Path) -> list[Group]:
    from sitrep.eval.sets import allsides_dev
    from sitrep.pipeline import Pipeline
    from sitrep.read.records import article_from_record

    from sitrep.learn import training

    articles, gold = allsides_dev.load_gold()
    # never a validation or blind part (H, I: training.BLIND_PARTS)
    raw = allsides_dev.corpus_records(data_dir, training.training_ids(articles, allsides_dev.article_parts()))
    pipeline = Pipeline.default(kb=kb, batch_size=4)
    out = []
    docs = pipeline.pipe((article_from_record(r, str(allsides_dev.CORPUS)) for r in raw), on_error="raise")
    for n, (rec, doc) in enumerate(zip(raw, docs)):
        predicted = allsides_dev.coded_from_document(doc, rec["text"], kb)
        g = gold[rec["id"]]
        labels = [None] * len(predicted)
        for gi, pi in allsides_dev.pair_events(g, predicted, allsides_dev.sentence_spans(rec["text"])):
            labels[pi] = g[gi].type
        out.append(Group("allsides-dev", rec["id"], type_features.document_features(doc),
                         [e.type for e in doc.events], labels,
                         {"gold": [dataclasses.asdict(x) for x in g],
                          "predicted": [dataclasses.asdict(x) for x in predicted]}))
        print(f"\rallsides-dev {n + 1}/{len(raw)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    return out


def _sentence_groups(name: str, prefix: str, docs, golds) -> list[Group]:
    out = []
    for n, (doc, gold) in enumerate(zip(docs, golds)):
        if gold is None:
            continue  # left out of the set's scores
        rules = [e.type for e in doc.events]
        coded = _coded_flags(doc)
        out.append(Group(name, f"{prefix}{n}", type_features.document_features(doc), rules,
                         type_training.sentence_labels(rules, coded, set(gold)),
                         {"gold": sorted(gold), "coded": coded}))
    return out


def collect_gsr(kb, data_dir: Path) -> list[Group]:
    from sitrep.eval.sets import plover_gsr

    rows = plover_gsr.load_sentences(data_dir)
    docs = plover_gsr.analyse_texts(kb, [r["text"] for r in rows], [f"gsr-{i}" for i in range(len(rows))])
    golds = [{t for t in (plover_gsr.map_type(r["event"]) for r in row["records"]) if t} for row in rows]
    return _sentence_groups("plover_gsr", "gsr-", docs, golds)


def collect_petrarch_unit(kb, data_dir: Path) -> list[Group]:
    from sitrep.eval.sets import petrarch

    table = petrarch.load_crosswalk(data_dir)
    unit_codes = petrarch.load_unit_codes()
    rows = [r for r in petrarch.load_rows(data_dir) if petrarch.PARTS.get(r["source_file"], "unit") == "unit"]
    with tempfile.TemporaryDirectory(prefix="sitrep-petrarch-") as workdir:
        docs = petrarch._analyse(petrarch.unit_knowledge(kb, data_dir, Path(workdir)), rows)
    golds = [petrarch._gold_types(r, lambda c: petrarch.unit_code_to_plover(c, unit_codes, table)) for r in rows]
    return _sentence_groups("petrarch-unit", "petr-", docs, golds)


def collect_demo(kb) -> list[Group]:
    from sitrep.eval.sets import demo

    docs = demo.demo_documents(kb)
    matched: list[tuple[int, int, str]] = []  # (doc index, event index, gold type)
    original = demo._score_match

    def record(row, event, span, tally):
        for d, doc in enumerate(docs):
            for i, e in enumerate(doc.events):
                if e is event:
                    matched.append((d, i, row["type"]))
        original(row, event, span, tally)

    demo._score_match = record
    try:
        result = demo.evaluate(kb, None, documents=docs)
    finally:
        demo._score_match = original
    detection = result.metrics["event_detection"]
    out = []
    for d, doc in enumerate(docs):
        mine = [(i, t) for dd, i, t in matched if dd == d]
        labels = [None] * len(doc.events)
        for i, t in mine:
            labels[i] = labels[i] or t
        out.append(Group("demo-events", f"demo-{d}", type_features.document_features(doc),
                         [e.type for e in doc.events], labels,
                         {"matched": mine, "gold_events": 0, "predicted_events": 0}))
    # the set's totals (gold rows, predicted events) live on the first group
    if out:
        out[0].score_data["gold_events"] = detection.tp + detection.fn
        out[0].score_data["predicted_events"] = detection.tp + detection.fp
    return out


def load_or_collect(data_dir: Path, cache: Path | None) -> list[Group]:
    if cache and cache.is_file():
        return [Group.from_json(d) for d in json.loads(cache.read_text(encoding="utf-8"))]
    from sitrep.knowledge import default_knowledge

    kb = default_knowledge()
    groups: list[Group] = []
    for name, collect in (("demo-events", lambda: collect_demo(kb)), ("plover_gsr", lambda: collect_gsr(kb, data_dir)),
                          ("petrarch-unit", lambda: collect_petrarch_unit(kb, data_dir)),
                          ("allsides-dev", lambda: collect_allsides(kb, data_dir))):
        started = time.monotonic()
        got = collect()
        print(f"{name}: {len(got)} groups, {sum(len(g.rules) for g in got)} events, "
              f"{sum(y is not None for g in got for y in g.labels)} labelled, {time.monotonic() - started:.0f} s",
              file=sys.stderr)
        groups.extend(got)
        if cache:
            cache.write_text(json.dumps([g.to_json() for g in groups]), encoding="utf-8")
    return groups



def main(argv: list[str] | None = None) -> int:
    from sitrep.learn import training

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, help="example cache (JSON, no article text) to write or reuse")
    parser.add_argument("--folds", type=int, default=5, help="CV folds over the parts not held out (A-C)")
    parser.add_argument("--inner-folds", type=int, default=3)
    parser.add_argument("--l2", type=float, default=3.0)
    parser.add_argument("--heldout", default="D,E,F,G",
                        help="allsides-dev parts each held out alone (trained on everything else)")
    parser.add_argument("--collect-only", action="store_true")
    parser.add_argument("--out", type=Path, default=event_type_model.MODEL_PATH,
                        help="where the final model goes when the decision rule ships it")
    parser.add_argument("--candidate", type=Path, help="write the final model here whatever the decision")
    parser.add_argument("--table", type=Path, help="write the held-out table (JSON) here")
    args = parser.parse_args(argv)
    heldout = [p for p in args.heldout.split(",") if p]
    training.refuse_blind(heldout, "docs/type-model.md")
    event_type_model.ENABLED = False  # the examples are the rules' own types
    started = time.monotonic()
    groups = load_or_collect(args.data, args.cache)
    if args.collect_only:
        return 0
    from sitrep.eval.sets import allsides_dev

    parts = allsides_dev.article_parts()
    if any(g.set == "allsides-dev" and parts.get(g.id) in training.BLIND_PARTS for g in groups):
        sys.exit("error: a validation/blind article is in the training data (an old cache?)")
    texts = allsides_dev.corpus_texts(args.data, {g.id for g in groups if g.set == "allsides-dev"})

    def score(name, mine, types):
        return type_training.set_score(name, mine, types, texts)

    table = type_training.leave_part_out(groups, parts, texts, args.l2, args.inner_folds, score, heldout,
                                         args.folds)
    for label, r in table.items():
        a, b = r["rules_only"], r["with_model"]
        cells = ", ".join(f"{m} {a[m]:.4f}->{b[m]:.4f}" for m in type_training.PART_METRICS)
        print(f"part {label} ({r['articles']} articles, {r['retyped']} events retyped, margin "
              f"{r.get('margin', r.get('margins'))}): {cells}")
    ships = type_training.ships(table, heldout)
    gains = {label: type_training.gains(r) for label, r in table.items()}
    print(f"decision (a)+(b) of docs/type-model.md: {'SHIPS' if ships else 'does not ship'}; gains {gains}")
    if args.table:
        args.table.write_text(json.dumps({"table": table, "gains": gains, "ships": ships}, indent=1) + "\n",
                              encoding="utf-8")
    model, margin = type_training.fit_final(groups, args.l2, args.inner_folds, score)
    model.threshold = margin if margin is not None else 1.0
    model.header = {
        "what": "type re-scorer: P(PLOVER type) of an event the rules found; docs/type-model.md",
        "training_data": {s: sum(y is not None for g in groups if g.set == s for y in g.labels) for s in type_training.SETS},
        "allsides_dev_parts": sorted({parts.get(g.id, "?") for g in groups if g.set == "allsides-dev"}),
        "data_licences": "allsides-dev gold (project); PLOVER GSR (CC BY-SA 4.0, "
                         "github.com/openeventdata/PLOVER); PETRARCH unit tests (MIT, "
                         "github.com/openeventdata/petrarch2); demo gold (project)",
        "commit": source_commit(ROOT), "l2": args.l2, "margin": margin, "features": list(type_features.PREFIXES),
        "held_out": gains, "ships": ships,
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
    for path in ([args.candidate] if args.candidate else []) + ([args.out] if ships else []):
        path.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
        print(f"wrote {path} ({len(model.vocab)} features, margin {margin})")
    print(f"{time.monotonic() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
