"""Train the role ranker on the allsides-dev gold and write its model JSON (when it wins).

    PYTHONPATH=src python scripts/train_role_ranker.py [--data ../shared/data] [--cache FILE]

Runs the whole pipeline WITHOUT the ranker over the allsides-dev articles (every
``part-*.jsonl``), pairs its events with the gold by the scorer's own matching, and for each paired event and role
(source, target) lists the candidates (the actors of the trigger's sentence, the rules'
choice, "none") with their features and scorer keys. Prints a cross-validation table
grouped by article (L2 and the override margin chosen inside the training folds): key
accuracy of the rules against the ranker on held-out articles. Then trains one model per
role on all of them and writes src/sitrep/knowledge/data/models/role_ranker.json.
Deterministic. ``--cache FILE`` keeps the examples (no article text) for a second run.
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
from sitrep.learn import role_features, role_training
from sitrep.learn.role_training import RoleExample
from sitrep.stages import event_role_ranker

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = event_role_ranker.MODEL_PATH


def article_examples(doc, rec: dict, gold: list, kb) -> list[RoleExample]:
    """The role examples of one article: every paired event, both roles."""
    predicted = allsides_dev.coded_from_document(doc, rec["text"], kb)
    pairs = allsides_dev.pair_events(gold, predicted, allsides_dev.sentence_spans(rec["text"]))
    out = []
    for gi, pi in sorted(pairs, key=lambda p: p[1]):
        event = doc.events[pi]
        for role in role_features.ROLES:
            cands, feats = role_features.event_candidates(doc, event, role)
            keys = [allsides_dev._system_actor_key(c.actor, kb) for c in cands]
            rules_index = next(i for i, c in enumerate(cands) if c.chosen_by_rules)
            out.append(RoleExample(rec["id"], role, feats, keys, rules_index, getattr(gold[gi], role)))
    return out


def collect(data_dir: Path) -> list[RoleExample]:
    from sitrep.knowledge import default_knowledge
    from sitrep.pipeline import Pipeline
    from sitrep.read.records import article_from_record

    kb = default_knowledge()
    articles, gold = allsides_dev.load_gold()
    ids = set(articles)
    raw = allsides_dev.corpus_records(data_dir, ids)
    if len(raw) != len(ids):
        sys.exit(f"error: {len(ids) - len(raw)} gold articles missing from {data_dir / allsides_dev.CORPUS}")
    pipeline = Pipeline.default(until="event_filter", kb=kb, batch_size=4)  # everything but the ranker
    out: list[RoleExample] = []
    started = time.monotonic()
    docs = pipeline.pipe((article_from_record(r, str(allsides_dev.CORPUS)) for r in raw), on_error="raise")
    for n, (rec, doc) in enumerate(zip(raw, docs)):
        out.extend(article_examples(doc, rec, gold[rec["id"]], kb))
        print(f"\r{n + 1}/{len(raw)} articles, {time.monotonic() - started:.0f} s", end="", file=sys.stderr)
    print(file=sys.stderr)
    return out


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
        for event in coded_events(doc):
            for role in role_features.ROLES:
                accepted = sorted(gold.get(event.type, {}).get(role, ()))
                if not accepted:
                    continue
                cands, feats = role_features.event_candidates(doc, event, role)
                keys = [c.actor.country if c.actor else None for c in cands]
                rules_index = next(i for i, c in enumerate(cands) if c.chosen_by_rules)
                out.append(RoleExample(f"gsr-{n}", role, feats, keys, rules_index, accepted, knows_none=False))
    return out


def load_or_collect(data_dir: Path, cache: Path | None, gsr: bool = False) -> list[RoleExample]:
    if cache and cache.is_file():
        return [RoleExample.from_json(d) for d in json.loads(cache.read_text(encoding="utf-8"))]
    examples = collect_gsr(data_dir) if gsr else collect(data_dir)
    if cache:
        cache.write_text(json.dumps([e.to_json() for e in examples]), encoding="utf-8")
    return examples



def from_gsr(example: RoleExample) -> bool:
    return example.article.startswith("gsr-")


def on_allsides(example: RoleExample) -> bool:
    return not from_gsr(example)


def _summary(examples: list[RoleExample], chosen: list[int]) -> dict:
    rules = role_training.rules_accuracy(examples)
    ranker = role_training.accuracy(examples, chosen)
    overrides = [i for i, e in enumerate(examples) if chosen[i] != e.rules_index]
    return {"events": len(examples), "rules_key_acc": round(rules, 4), "ranker_key_acc": round(ranker, 4),
            "gold_key_among_candidates": round(sum(any(e.labels) for e in examples) / max(1, len(examples)), 4),
            "overrides": len(overrides),
            "fixed": sum(examples[i].right(examples[i].keys[chosen[i]]) for i in overrides),
            "broken": sum(examples[i].right(examples[i].keys[examples[i].rules_index]) for i in overrides)}


def evaluate_role(examples: list[RoleExample], role: str, k: int, inner_k: int, decides) -> dict:
    """Print and return the grouped CV of one role: folds over allsides-dev articles and GSR
    sentences together, L2 and margin judged on the examples that ``decides``, the
    held-out figures reported per set."""
    chosen, lines = role_training.cross_validate(examples, k=k, inner_k=inner_k, decides=decides)
    for line in lines:
        print(f"  {role} fold {line['fold']}: {line['examples']} judged events, l2 {line['l2']}, margin "
              f"{line['margin']}, rules {line['rules']:.3f} -> ranker {line['ranker']:.3f} "
              f"({line['overrides']} overrides)")
    out = {"per_fold": lines}
    for name, test in (("allsides-dev", on_allsides), ("plover_gsr", from_gsr)):
        idx = [i for i, e in enumerate(examples) if test(e)]
        f = _summary([examples[i] for i in idx], [chosen[i] for i in idx])
        out[name] = f
        print(f"{role} {name} (DEV, {k}-fold CV grouped by article/sentence): {f['events']} events, key accuracy "
              f"rules {f['rules_key_acc']:.3f} -> ranker {f['ranker_key_acc']:.3f}; {f['overrides']} overrides, "
              f"{f['fixed']} fixed, {f['broken']} broken; gold key among candidates "
              f"{f['gold_key_among_candidates']:.3f}")
    return out


def held_part(examples: list[RoleExample], role: str, label: str, inner_k: int, decides) -> dict:
    """Train on everything but allsides-dev gold part ``label`` (another annotator, other
    articles: the nearest DEV stand-in for unseen news), score that part alone."""
    from sitrep.eval.sets import allsides_dev

    part = allsides_dev.article_parts()
    held = [e for e in examples if on_allsides(e) and part.get(e.article) == label]
    train = [e for e in examples if not (on_allsides(e) and part.get(e.article) == label)]
    model, _ = role_training.fit_final(train, k=inner_k, decides=decides)
    chosen = [role_training.pick([model.probability(f) for f in e.features], e.rules_index, model.threshold)
              for e in held]
    f = _summary(held, chosen)
    print(f"{role} allsides-dev part {label} held out (margin {model.threshold}): {f['events']} events, key "
          f"accuracy rules {f['rules_key_acc']:.3f} -> ranker {f['ranker_key_acc']:.3f}; {f['overrides']} "
          f"overrides, {f['fixed']} fixed, {f['broken']} broken")
    return dict(f, margin=model.threshold)


def main(argv: list[str] | None = None) -> int:
    event_role_ranker.ENABLED = False  # the candidates are the rules' own events and roles
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, help="allsides-dev example cache (JSON) to write or reuse")
    parser.add_argument("--gsr-cache", type=Path, help="PLOVER GSR example cache (JSON) to write or reuse")
    parser.add_argument("--folds", type=int, default=5, help="outer folds, grouped by article / sentence")
    parser.add_argument("--roles", default="source,target", help="roles to train (comma-separated)")
    parser.add_argument("--l2", default="3", help="L2 strengths the inner CV tries (comma-separated)")
    parser.add_argument("--inner-folds", type=int, default=3, help="inner folds (L2 and margin)")
    parser.add_argument("--judge", choices=("allsides", "both"), default="both",
                        help="which dev gold decides L2 and margin in the inner CV (both: allsides-dev and GSR)")
    parser.add_argument("--min-margin", type=float, default=0.2,
                        help="the smallest override margin tried (conservative: the rules win close calls)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--no-write", action="store_true", help="print the CV table only")
    parser.add_argument("--heldout", default="D",
                        help="allsides-dev gold part also held out alone (train on the rest); '' skips it")
    parser.add_argument("--keep-other-roles", action="store_true",
                        help="keep the models of roles not trained in this run in --out")
    args = parser.parse_args(argv)
    gsr = load_or_collect(args.data, args.gsr_cache, gsr=True)
    for e in gsr:
        e.knows_none = False  # (caches written before the flag existed)
    examples = load_or_collect(args.data, args.cache) + gsr
    role_training.L2_GRID = tuple(float(x) for x in args.l2.split(","))
    role_training.MARGINS = tuple(m for m in role_training.MARGINS if m >= args.min_margin)
    decides = on_allsides if args.judge == "allsides" else role_training._everything
    models, cv = {}, {}
    for role in args.roles.split(","):
        mine = [e for e in examples if e.role == role]
        cv[role] = evaluate_role(mine, role, args.folds, args.inner_folds, decides)
        if args.heldout:
            cv[role]["part_held_out"] = held_part(mine, role, args.heldout, args.inner_folds, decides)
        model, _ = role_training.fit_final(mine, k=args.inner_folds, decides=decides)
        models[role] = model
        print(f"final {role} model: {len(model.vocab)} features, l2 {model.header['l2']}, "
              f"margin {model.threshold}")
    if args.no_write:
        return 0
    header = {
        "what": "role ranker: P(a candidate's key is the analyst's) per role, docs/role-ranker.md",
        "training_data": f"allsides-dev gold ({len({e.article for e in examples if on_allsides(e)})} articles) "
                         f"and PLOVER GSR ({len({e.article for e in examples if from_gsr(e)})} sentences), "
                         f"paired events of the pipeline at commit {source_commit(ROOT)}",
        "features": list(role_features.PREFIXES),
        "cv": cv,
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
    data = {"header": header, "roles": {r: m.to_json() for r, m in models.items()}}
    if args.keep_other_roles and args.out.is_file():
        # one run per role (in parallel on a busy machine): keep the roles trained before
        old = json.loads(args.out.read_text(encoding="utf-8"))
        data["roles"] = {**old.get("roles", {}), **data["roles"]}
        data["header"]["cv"] = {**old.get("header", {}).get("cv", {}), **cv}
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
