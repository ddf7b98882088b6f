"""Train the role ranker on the allsides-dev gold and write its model JSON (when it wins).

    PYTHONPATH=src python scripts/train_role_ranker.py [--data ../shared/data] [--cache FILE]

Runs the whole pipeline WITHOUT the ranker over the allsides-dev articles a model may
learn from (every gold part but the validation and blind ones, ``training.BLIND_PARTS``:
I, J and K; asking to hold them out is refused) and for every predicted event and role
(source, target) lists the candidates (the actors of the trigger's sentence, the rules'
choice, "none") with their features, scorer keys and the gates (``role_features.eligible``);
events the scorer pairs with a gold event carry its key, the others are unpaired (they
only count overrides as a cost when the margin is chosen). The PLOVER GSR sentences add
examples. Prints the session-18 table: each of parts D, E, F, G, H held out alone
(trained on everything else), the five pooled, and a 5-fold CV by article over A-C, the
margin chosen inside each training set, the scorer replayed on the held-out articles (key
accuracies, event, type and detection F1, fixed/broken keys, unpaired overrides). Then
trains one model per role on everything and writes
src/sitrep/knowledge/data/models/role_ranker.json only when the decision rule
(``role_training.ships``) says so (``--candidate PATH`` writes it anyway, elsewhere).
Deterministic. ``--cache FILE`` keeps the examples and scored events (no article text).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import time
from pathlib import Path

from sitrep.learn import source_commit
from sitrep.eval.sets import allsides_dev
from sitrep.learn import role_features, role_training, training
from sitrep.learn.role_training import RoleExample
from sitrep.stages import event_role_ranker

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = event_role_ranker.MODEL_PATH


def role_example(doc, event, n: int, role: str, article: str, gold, keyer, paired: bool = True,
                 knows_none: bool = True) -> RoleExample:
    """One role of one predicted event: candidates, features, keys (``keyer``), the gates
    (``role_features.eligible`` with the parse, as the stage) and the party marks."""
    cands, feats = role_features.event_candidates(doc, event, role)
    rules_index = next(i for i, c in enumerate(cands) if c.chosen_by_rules)
    return RoleExample(article, role, feats, [keyer(c.actor) for c in cands], rules_index, gold,
                       knows_none=knows_none, event=n, eligible=role_features.eligible(event, role, cands, doc),
                       paired=paired, parties=[role_features.party_marks(c.actor) for c in cands])


def article_examples(doc, rec: dict, gold: list, kb, predicted: list | None = None) -> list[RoleExample]:
    """The role examples of one article: every predicted event, both roles; those the
    scorer pairs with a gold event carry its key, the others are marked unpaired (they
    only count overrides as a cost: docs/role-ranker.md, session 18)."""
    predicted = allsides_dev.coded_from_document(doc, rec["text"], kb) if predicted is None else predicted
    pairs = dict((pi, gi) for gi, pi in allsides_dev.pair_events(gold, predicted,
                                                                 allsides_dev.sentence_spans(rec["text"])))
    out = []
    for pi, event in enumerate(doc.events):
        gi = pairs.get(pi)
        for role in role_features.ROLES:
            out.append(role_example(doc, event, pi, role, rec["id"], None if gi is None else getattr(gold[gi], role),
                                    lambda a: allsides_dev._system_actor_key(a, kb), paired=gi is not None))
    return out


def collect(data_dir: Path) -> tuple[list[RoleExample], dict]:
    """The role examples of every allsides-dev article a model may learn from (never a
    blind or validation part: ``training.BLIND_PARTS``), and per article the gold and the
    predicted events as the scorer compares them (for the held-out replay)."""
    from sitrep.knowledge import default_knowledge
    from sitrep.pipeline import Pipeline
    from sitrep.read.records import article_from_record

    kb = default_knowledge()
    articles, gold = allsides_dev.load_gold()
    ids = set(training.training_ids(articles, allsides_dev.article_parts()))  # never part I, J or K
    raw = allsides_dev.corpus_records(data_dir, ids)
    if len(raw) != len(ids):
        sys.exit(f"error: {len(ids) - len(raw)} gold articles missing from {data_dir / allsides_dev.CORPUS}")
    pipeline = Pipeline.default(until="event_filter", kb=kb, batch_size=4)  # everything but the ranker
    out: list[RoleExample] = []
    scored: dict = {}
    started = time.monotonic()
    docs = pipeline.pipe((article_from_record(r, str(allsides_dev.CORPUS)) for r in raw), on_error="raise")
    for n, (rec, doc) in enumerate(zip(raw, docs)):
        predicted = allsides_dev.coded_from_document(doc, rec["text"], kb)
        scored[rec["id"]] = {"gold": gold[rec["id"]], "predicted": predicted}
        out.extend(article_examples(doc, rec, gold[rec["id"]], kb, predicted))
        print(f"\r{n + 1}/{len(raw)} articles, {time.monotonic() - started:.0f} s", end="", file=sys.stderr)
    print(file=sys.stderr)
    return out, scored


def collect_gsr(data_dir: Path) -> list[RoleExample]:
    """Role examples from the PLOVER GSR sentences (DEV): for each gold type the rules also
    code, each coded event of that type and each role whose gold names countries; a
    candidate is right when its country is one of them (as the GSR scorer counts)."""
    from sitrep.eval.sets import plover_gsr
    from sitrep.knowledge import default_knowledge
    from sitrep.stages.events import coded_events

    kb = default_knowledge()
    rows = plover_gsr.load_sentences(data_dir)
    docs = plover_gsr.analyse_texts(kb, [r["text"] for r in rows], [f"gsr-{i}" for i in range(len(rows))])
    out = []
    for n, (row, doc) in enumerate(zip(rows, docs)):
        gold: dict[str, dict] = {}
        for rec in row["records"]:
            t = plover_gsr.map_type(rec["event"])
            if t is not None:
                g = gold.setdefault(t, {"source": set(), "target": set()})
                g["source"] |= plover_gsr._codes(rec.get("actor"))
                g["target"] |= plover_gsr._codes(rec.get("recipient"))
        for m, event in enumerate(coded_events(doc)):
            for role in role_features.ROLES:
                accepted = sorted(gold.get(event.type, {}).get(role, ()))
                if accepted:
                    out.append(role_example(doc, event, m, role, f"gsr-{n}", accepted,
                                            lambda a: a.country if a else None, knows_none=False))
    return out


def _coded(d: dict) -> allsides_dev.Coded:
    return allsides_dev.Coded(**dict(d, mentions=[tuple(m) for m in d["mentions"]]))


def load_or_collect(data_dir: Path, cache: Path | None, gsr: bool = False) -> tuple[list[RoleExample], dict]:
    """(examples, per-article gold and predicted events); ``cache`` keeps both (no article
    text) for a second run."""
    if cache and cache.is_file():
        data = json.loads(cache.read_text(encoding="utf-8"))
        if isinstance(data, list) or (not gsr and "articles" not in data) or any(
                d.get("parties") is None for d in data["examples"][:1]):
            sys.exit(f"error: {cache} was written by an older version of this script; delete it")
        examples = [RoleExample.from_json(d) for d in data["examples"]]
        articles = {a: {k: [_coded(c) for c in v] for k, v in rec.items()} for a, rec in data.get("articles", {}).items()}
        return examples, articles
    examples, articles = (collect_gsr(data_dir), {}) if gsr else collect(data_dir)
    if cache:
        cache.write_text(json.dumps({"examples": [e.to_json() for e in examples],
                                     "articles": {a: {k: [dataclasses.asdict(c) for c in v] for k, v in rec.items()}
                                                  for a, rec in articles.items()}}), encoding="utf-8")
    return examples, articles



def from_gsr(example: RoleExample) -> bool:
    return example.article.startswith("gsr-")


def on_allsides(example: RoleExample) -> bool:
    return not from_gsr(example)


def print_table(table: dict) -> None:
    """One line per held-out part: rules -> ranker for each figure of the decision rule."""
    for label, r in table.items():
        a, b = r["rules_only"], r["with_ranker"]
        cells = ", ".join(f"{m} {a[m]:.4f}->{b[m]:.4f}" for m in role_training.PART_METRICS)
        print(f"part {label} ({r['articles']} articles; overrides {r['overrides']}; changes {r['changes']}; "
              f"margins {r['margins']}): {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, help="allsides-dev example cache (JSON) to write or reuse")
    parser.add_argument("--gsr-cache", type=Path, help="PLOVER GSR example cache (JSON) to write or reuse")
    parser.add_argument("--heldout", default="D,E,F,G,H",
                        help="allsides-dev parts each held out alone (trained on everything else); the "
                             "remaining parts (A-C) are scored by a --folds CV")
    parser.add_argument("--folds", type=int, default=5, help="CV folds over the remaining parts, by article")
    parser.add_argument("--roles", default="source,target", help="roles to train (comma-separated)")
    parser.add_argument("--l2", default="3", help="L2 strengths the inner CV tries (comma-separated)")
    parser.add_argument("--inner-folds", type=int, default=3, help="inner folds (L2 and margin)")
    parser.add_argument("--judge", choices=("allsides", "both"), default="both",
                        help="which dev gold decides L2 and margin in the inner CV (both: allsides-dev and GSR)")
    parser.add_argument("--min-margin", type=float, default=0.2,
                        help="the smallest override margin tried (conservative: the rules win close calls)")
    parser.add_argument("--no-gsr", action="store_true", help="train on allsides-dev only")
    parser.add_argument("--no-guards", action="store_true",
                        help="let the ranker choose any candidate (session-17 v1/v2; the stage always guards: "
                             "role_features.eligible)")
    parser.add_argument("--coarse", action="store_true",
                        help="event type -> PLOVER quad class in the conjunction features (role_features.coarsen)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH,
                        help="where the final model goes when the decision rule ships it")
    parser.add_argument("--candidate", type=Path,
                        help="write the final model here whatever the decision (for the part H check)")
    parser.add_argument("--table", type=Path, help="write the held-out table (JSON) here")
    args = parser.parse_args(argv)
    heldout = [p for p in args.heldout.split(",") if p]
    training.refuse_blind(heldout, "docs/role-ranker.md")
    event_role_ranker.ENABLED = False  # the candidates are the rules' own events and roles
    started = time.monotonic()
    examples, articles = load_or_collect(args.data, args.cache)
    if {allsides_dev.article_parts().get(a) for a in articles} & set(training.BLIND_PARTS):
        sys.exit("error: a validation/blind article is in the training data")
    if not args.no_gsr:
        gsr, _ = load_or_collect(args.data, args.gsr_cache, gsr=True)
        for e in gsr:
            e.knows_none = False  # (caches written before the flag existed)
        examples += gsr
    if args.coarse:
        for e in examples:
            e.features = [role_features.coarsen(f) for f in e.features]
    if args.no_guards:
        for e in examples:
            e.eligible = None
    role_training.L2_GRID = tuple(float(x) for x in args.l2.split(","))
    role_training.MARGINS = tuple(m for m in role_training.MARGINS if m >= args.min_margin)
    decides = on_allsides if args.judge == "allsides" else role_training._everything
    roles = args.roles.split(",")
    texts = allsides_dev.corpus_texts(args.data, articles)
    table = role_training.leave_part_out(examples, articles, allsides_dev.article_parts(), texts, heldout, roles,
                                         k=args.folds, inner_k=args.inner_folds, decides=decides)
    print_table(table)
    ships = role_training.ships(table)
    gains = {label: role_training.gains(r) for label, r in table.items()}
    print(f"decision (a)-(c) of docs/role-ranker.md (session 18): {'SHIPS' if ships else 'does not ship'}; gains {gains}")
    if args.table:
        args.table.write_text(json.dumps({"table": table, "gains": gains, "ships": ships}, indent=1) + "\n",
                              encoding="utf-8")
    models = {}
    for role in roles:
        model, _ = role_training.fit_final([e for e in examples if e.role == role], k=args.inner_folds,
                                           decides=decides)
        model.header["coarse"] = bool(args.coarse)  # the stage coarsens its features alike
        models[role] = model
        print(f"final {role} model: {len(model.vocab)} features, l2 {model.header['l2']}, margin {model.threshold}")
    parts = sorted({allsides_dev.article_parts().get(a, "?") for a in articles})
    header = {
        "what": "role ranker: P(a candidate's key is the analyst's) per role, docs/role-ranker.md",
        "training_data": f"allsides-dev gold parts {','.join(parts)} ({len(articles)} articles)"
                         + ("" if args.no_gsr else
                            f" and PLOVER GSR ({len({e.article for e in examples if from_gsr(e)})} sentences)")
                         + f", paired events of the pipeline at commit {source_commit(ROOT)}",
        "features": list(role_features.PREFIXES),
        "options": {k: str(v) for k, v in vars(args).items() if k not in ("data", "cache", "gsr_cache")},
        "held_out": gains, "ships": ships,
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
    # a role whose inner CV chose "never" (a margin above 1) is left to the rules: no model
    data = {"header": header, "roles": {r: m.to_json() for r, m in models.items() if m.threshold <= 1.0}}
    targets = ([args.candidate] if args.candidate else []) + ([args.out] if ships else [])
    for path in targets:
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    print(f"{time.monotonic() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
