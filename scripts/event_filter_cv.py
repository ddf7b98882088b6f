"""How the event filter does OUT OF SAMPLE, and whether other gold sets help it.

    PYTHONPATH=src python scripts/event_filter_cv.py [--data ../shared/data] [--folds 3]
        [--cache FILE]

The shipped model (src/sitrep/knowledge/data/models/event_filter.json) was trained on all
30 allsides-dev articles of parts A-C, so ``sitrep eval --set allsides-dev`` scores it in-sample
there (part D, added later, is out of its sample until it is retrained). This
script measures a filter honestly, on DEV data only (the candidates of all the gold
parts, A-D since session 11):

1. allsides-dev, grouped k-fold CV (default 3: train on 2/3 of the articles, score the
   other 1/3; L2 and threshold chosen inside the training folds), for models trained on
   (a) the dev training folds only, (b) + the demo gold's candidates, (c) + the PLOVER
   GSR sentences' candidates, (d) + both. The extra rows join every training set and are
   never scored.
2. demo-events (DEV gold the dev-trained filter never saw): the demo scorer with the
   rules alone, with the shipped model, and with a model retrained on dev + GSR (the demo
   rows cannot train the model they score).
3. leave a gold part out (``--parts heldout``, ``--heldout D``): train on the other parts'
   articles (L2 and threshold by the same inner 4-fold grouped CV), score the held part
   alone. Part D was coded by another annotator on other articles than A-C: the nearest
   DEV stand-in for unseen news.

Since session 15 the held-out protocol of record is ``scripts/train_event_filter.py
--heldout-parts D,E,F`` (each late part held out in turn, candidates = the events the
filter's rules leave); this script's demo and GSR candidates are still the events before
the rules (``event_filter.ENABLED = False``), so its tables are the older protocol's.

Candidates are the pipeline's events with the filter off. Labels: allsides-dev by the
scorer's pairing (scripts/train_event_filter.py); demo: 1 when the event matches a gold
row of an annotated sentence, 0 when it is first reported in an annotated sentence and
matches none (events outside annotated sentences are unlabelled and left out); GSR: 1
when the event's type is one of the sentence's gold types, else 0. Nothing is written:
the script prints a table. TEST sets are not read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_event_filter import _row, load_or_collect  # noqa: E402

from sitrep.learn import event_features, training  # noqa: E402
from sitrep.stages import event_filter  # noqa: E402


only_families = event_features.only_families


def demo_candidates(kb):
    """(documents with every candidate event, rows, labels) of the bundled demo corpus."""
    from sitrep.demo import load_gold
    from sitrep.eval.sets import demo

    event_filter.ENABLED = False  # the rules' candidates, as training saw dev's
    try:
        docs = demo.demo_documents(kb)
    finally:
        event_filter.ENABLED = True
    tally = demo._Tally()
    by_sentence, _ = demo._gold_by_sentence(load_gold(), docs, tally)
    rows, labels = [], []
    for doc_index, doc in enumerate(docs):
        feats = event_features.document_features(doc)
        for (di, (s_start, s_end)), gold_rows in by_sentence.items():
            if di != doc_index:
                continue
            text = doc.article.text
            golds = []
            for row in gold_rows:
                at = text.find(row["trigger"], s_start, s_end)
                golds.append((at, at + len(row["trigger"])))
            for e, f in zip(doc.events, feats):
                if not s_start <= e.trigger.span[0] < s_end:
                    continue
                hit = any(m.span[0] < g[1] and g[0] < m.span[1] for m in (e.mentions or [e.trigger]) for g in golds)
                rows.append(f)
                labels.append(int(hit))
    return docs, (rows, labels)


def gsr_candidates(kb, data_dir: Path):
    """Rows and labels of the PLOVER GSR sentences' candidate events."""
    from sitrep.eval.sets import plover_gsr

    sentences = plover_gsr.load_sentences(data_dir)
    docs = plover_gsr.analyse_texts(kb, [r["text"] for r in sentences], [f"gsr-{i}" for i in range(len(sentences))])
    rows, labels = [], []
    for sent, doc in zip(sentences, docs):
        gold = {plover_gsr.map_type(r["event"]) for r in sent["records"]} - {None}
        for e, f in zip(doc.events, event_features.document_features(doc)):
            rows.append(f)
            labels.append(int(e.type in gold))
    return rows, labels


def demo_figures(kb, docs, model=None) -> str:
    """The demo scorer's detection with the events a model keeps (all without one)."""
    from sitrep.eval.sets import demo

    saved = [d.events for d in docs]
    try:
        if model is not None:
            for d in docs:
                if event_filter.keeps_all(d):
                    continue  # a short text passes unfiltered, as in the pipeline
                d.events = [e for e, f in zip(d.events, event_features.document_features(d))
                            if model.probability(f) >= model.threshold]
        m = demo.evaluate(kb, None, documents=docs).metrics
    finally:
        for d, ev in zip(docs, saved):
            d.events = ev
    det = m["event_detection"]
    return f"det P {det.precision:.3f} R {det.recall:.3f} F1 {det.f1:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, help="allsides-dev candidate cache (see train_event_filter.py)")
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--parts", default="cv,demo,heldout", help="which tables: cv, demo, heldout (comma-separated)")
    parser.add_argument("--families", default="",
                        help="keep only these feature families (comma-separated event_features.PREFIXES names, "
                             "'small' or 'small16': event_features.NAMED_FAMILIES); default all")
    parser.add_argument("--heldout", default="D", help="the allsides-dev gold part the heldout table holds out")
    args = parser.parse_args(argv)
    from sitrep.knowledge import default_knowledge

    kb = default_knowledge()
    arts = load_or_collect(args.data, args.cache)
    families = event_features.families_option(args.families)
    if families:
        for a in arts:
            a.features = [only_families(f, families) for f in a.features]
    parts = set(args.parts.split(","))
    if parts & {"cv", "demo"}:  # the other gold sets' candidates: only the tables that use them
        print("collecting demo and GSR candidates ...", file=sys.stderr)
        demo_docs, demo_rows = demo_candidates(kb)
        gsr_rows = gsr_candidates(kb, args.data)
        print(f"allsides-dev {sum(len(a.labels) for a in arts)} candidates; demo {len(demo_rows[1])} labelled "
              f"({sum(demo_rows[1])} positive); GSR {len(gsr_rows[1])} ({sum(gsr_rows[1])} positive)")
        if families:
            demo_rows = ([only_families(f, families) for f in demo_rows[0]], demo_rows[1])
            gsr_rows = ([only_families(f, families) for f in gsr_rows[0]], gsr_rows[1])
    if "cv" in parts:
        cv_table(arts, demo_rows, gsr_rows, args.folds)
    if "demo" in parts:
        demo_table(kb, arts, demo_docs, gsr_rows)
    if "heldout" in parts:
        heldout_table(arts, args.heldout)
    return 0


def cv_table(arts, demo_rows, gsr_rows, folds: int) -> None:
    """Grouped CV on allsides-dev for models trained with and without the other gold sets."""
    print(f"\nallsides-dev (DEV), {folds}-fold CV by article, scored on held-out folds only")
    print(f"{'':<22} {'det P':>6} {'det R':>6} {'det F1':>6} {'typeF1':>6} {'evF1':>6} {'events':>6} {'gold':>5}")
    print(_row("rules only", training.figures(training.score(arts))))
    both = (demo_rows[0] + gsr_rows[0], demo_rows[1] + gsr_rows[1])
    for name, extra in (("filter: dev folds", training.NO_EXTRA), ("filter: + demo", demo_rows),
                        ("filter: + GSR", gsr_rows), ("filter: + demo + GSR", both)):
        keep, lines = training.cross_validate(arts, k=folds, extra=extra)
        thresholds = ",".join(str(line["threshold"]) for line in lines)
        print(_row(name, training.figures(training.score(arts, keep))) + f"   thresholds {thresholds}")


def heldout_table(arts, label: str) -> None:
    """Train on every allsides-dev part but ``label``, score part ``label`` alone."""
    from sitrep.eval.sets import allsides_dev

    part = allsides_dev.article_parts()
    held = [a for a in arts if part.get(a.article) == label]
    train = [a for a in arts if part.get(a.article) != label]
    model, _ = training.fit_final(train, k=4, min_count=2)
    keep = {a.article: [model.probability(f) >= model.threshold for f in a.features] for a in held}
    print(f"\nallsides-dev part {label} held out (DEV): trained on the {len(train)} other articles, "
          f"scored on its {len(held)}; l2 {model.header['l2']}, threshold {model.threshold}")
    print(_row(f"rules only ({label})", training.figures(training.score(held))))
    print(_row(f"filter ({label})", training.figures(training.score(held, keep))))


def demo_table(kb, arts, demo_docs, gsr_rows) -> None:
    """The demo scorer with no filter, the shipped one, and models retrained on dev (+ GSR)."""
    print("\ndemo-events (DEV, never seen by a dev-trained filter)")
    print(f"{'rules only':<28} {demo_figures(kb, demo_docs)}")
    print(f"{'shipped model':<28} {demo_figures(kb, demo_docs, event_filter.load_model())}")
    for name, extra in (("retrained: dev", training.NO_EXTRA), ("retrained: dev + GSR", gsr_rows)):
        model, _ = training.fit_final(arts, k=4, min_count=2, extra=extra)
        print(f"{name:<28} {demo_figures(kb, demo_docs, model)}  threshold {model.threshold}")


if __name__ == "__main__":
    sys.exit(main())
