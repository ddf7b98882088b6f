"""Train the event filter on the allsides-dev gold and write its model JSON.

    PYTHONPATH=src python scripts/train_event_filter.py [--data ../shared/data] [--cache FILE]
        [--docs-cache FILE] [--heldout-parts D,E,F,G,H,I] [--families occasion18] [--validate-parts J,K]

With no option it runs the session-19 recipe (``RECIPE``: D to I held out in turn, the
occasion18 families, ``training.RULE20``; parts J and K scored once, figures only, and only when
the held-out bars (a)+(b) pass) and writes the model; it refuses the held-out parts (J, K, L, M)
as training data and never scores the sealed parts L or M. A few minutes on the 2-core machine.

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
import pickle
import sys
from pathlib import Path

from sitrep.learn import source_commit
from sitrep.eval import reads
from sitrep.eval.sets import allsides_dev
from sitrep.learn import event_features, training
from sitrep.stages import event_filter
from sitrep.stages.event_filter import MODEL_PATH

ROOT = Path(__file__).resolve().parents[1]

#: the session-19 recipe (docs/event-filter.md): what a bare ``train_event_filter.py`` runs --
#: D, E, F, G, H and I held out in turn (A-C by 5-fold CV), the occasion18 feature families (with
#: the session-18 feature fixes, ``event_features.FEATURE_VERSION``), features seen in 2+
#: candidates, L2 and threshold chosen by the inner CV of each training set, the final model
#: scored once on the validation parts J and K (figures only), decided by ``training.RULE19``
#: (pooled held-out gain, parts up, no part loss, the validation parts against the rules and the
#: shipped model), since session 19 ``training.RULE20`` (J and K pooled; a final threshold on the
#: grid's edge gives way to the held-out models' median, ``training.settle_final``); no override
RECIPE = {"heldout_parts": ("D", "E", "F", "G", "H", "I"), "families": "occasion18", "min_count": 2,
          "validate_parts": ("J", "K"), "rule": "RULE20", "lead_override": False}


def collect(data_dir: Path, docs_cache: Path | None = None,
            exclude_parts: tuple[str, ...] = training.BLIND_PARTS,
            only_parts: tuple[str, ...] = ()) -> list[training.ArticleCandidates]:
    """Every dev gold article through the pipeline up to the genre stage, then the event
    filter's rules (``event_filter.apply_rules``): the candidates are the events the rules
    leave, which is what the stage applies the model to, labelled by the scorer's pairing.
    Features are computed on every event before the rules run, as the stage computes them.
    ``docs_cache`` (a pickle of the analysed documents, before the rules) lets a feature
    change be measured without re-running spaCy.
    ``only_parts`` collects those parts alone (the validation part: scored, never trained on)."""
    from sitrep.knowledge import default_knowledge

    kb = default_knowledge()
    articles, gold = allsides_dev.load_gold()
    parts = allsides_dev.article_parts()
    if only_parts:
        ids = sorted(a for a in articles if parts.get(a) in set(only_parts))
    else:
        ids = training.training_ids(articles, parts, exclude_parts)  # never a blind part
    raw = allsides_dev.corpus_records(data_dir, ids)
    if len(raw) != len(ids):
        sys.exit(f"error: {len(ids) - len(raw)} gold articles are not in {data_dir / allsides_dev.CORPUS}; "
                 "give the shared data folder with --data")
    docs = _analysed(raw, kb, docs_cache)
    out = []
    for rec, doc in zip(raw, docs):
        features = event_features.document_features(doc)
        reasons = event_filter.apply_rules(doc, kb)
        kept = [(e, f) for e, f in zip(doc.events, features) if id(e) not in reasons]
        doc.events = [e for e, _ in kept]
        predicted = allsides_dev.coded_from_document(doc, rec["text"], kb)
        labels = training.label_candidates(gold[rec["id"]], predicted, rec["text"])
        out.append(training.ArticleCandidates(rec["id"], rec["text"], gold[rec["id"]], predicted,
                                              [f for _, f in kept], labels))
    return sorted(out, key=lambda a: a.article)


def _analysed(raw: list[dict], kb, docs_cache: Path | None) -> list:
    """The documents of ``raw`` up to the genre stage (from ``docs_cache`` when it exists)."""

    if docs_cache and docs_cache.is_file():
        with open(docs_cache, "rb") as f:
            docs = pickle.load(f)
        if [d.article.id for d in docs] != [r["id"] for r in raw]:  # other articles (a part added or left out)
            sys.exit(f"error: {docs_cache} holds other articles than the training gold; delete it")
        return docs
    docs = training.analyse_gold_articles(raw, "genre", kb)  # the rules' candidates, unfiltered
    if docs_cache:
        try:
            with open(docs_cache, "wb") as f:
                pickle.dump(docs, f)
        except (pickle.PicklingError, TypeError, AttributeError) as err:
            print(f"warning: documents not cached ({err})", file=sys.stderr)
    return docs


def load_or_collect(data_dir: Path, cache: Path | None, docs_cache: Path | None = None,
                    exclude_parts: tuple[str, ...] = training.BLIND_PARTS) -> list[training.ArticleCandidates]:
    if cache and cache.is_file():
        rows = json.loads(cache.read_text(encoding="utf-8"))
        allowed = set(training.training_ids([r["article"] for r in rows], allsides_dev.article_parts(),
                                            exclude_parts))
        rows = [r for r in rows if r["article"] in allowed]  # a cache built elsewhere: blind parts out
        texts = allsides_dev.corpus_texts(data_dir, [r["article"] for r in rows])
        return [training.ArticleCandidates.from_json(r, texts[r["article"]]) for r in rows]
    arts = collect(data_dir, docs_cache, exclude_parts)
    if cache:
        cache.write_text(json.dumps([a.to_json() for a in arts]), encoding="utf-8")
    return arts


def _row(name: str, f: dict) -> str:
    return (f"{name:<22} {f['detection_p']:6.3f} {f['detection_r']:6.3f} {f['detection_f1']:6.3f} "
            f"{f['type_f1']:6.3f} {f['event_f1']:6.3f} {f['predicted']:6d} {f['gold']:5d}")



def refused_training_parts(excluded: tuple[str, ...], heldout: tuple[str, ...]) -> list[str]:
    """The blind parts (H, the validation part, and I, sealed) a run would train on or hold
    out: ``--exclude-parts`` must leave every one out, and none may be a held-out part."""
    blind = set(training.BLIND_PARTS)
    return sorted((blind - set(excluded)) | (blind & set(heldout)))


def _min_count(value: str) -> training.MinCount:
    """``--min-count``: one count ("2") or a grid ("2,5,10")."""
    counts = tuple(int(v) for v in value.split(",") if v)
    return counts[0] if len(counts) == 1 else counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                        help="the shared data folder (holds allsides-intl/articles.jsonl)")
    parser.add_argument("--cache", type=Path, help="candidate cache (JSON) to write or reuse")
    parser.add_argument("--docs-cache", type=Path,
                        help="analysed documents (pickle) to write or reuse: a feature change needs no spaCy run")
    parser.add_argument("--folds", type=int, default=5, help="outer folds, grouped by article")
    parser.add_argument("--heldout-parts", default=",".join(RECIPE["heldout_parts"]),
                        help="gold parts to hold out one at a time (default D,E,F,G,H); the others are scored "
                             "by the --folds CV; its decision rule then says whether the model's drops apply "
                             "('' = the older k-fold CV over every article)")
    parser.add_argument("--families", default=RECIPE["families"],
                        help="train on these feature families only (comma list of event_features.PREFIXES, "
                             "or a name of event_features.NAMED_FAMILIES); default occasion18, '' = all")
    parser.add_argument("--exclude-parts", default=",".join(training.BLIND_PARTS),
                        help="gold parts never trained on nor scored (default: the validation and blind parts, training.BLIND_PARTS)")
    parser.add_argument("--min-count", type=_min_count, default=RECIPE["min_count"],
                        help="a feature enters the model when at least this many candidates carry it; a "
                             "comma list (2,5,10) is a grid the inner CV of each training set chooses from")
    parser.add_argument("--validate-parts", default=",".join(RECIPE["validate_parts"]),
                        help="gold parts scored (figures only) by the model trained on every training "
                             "article, never trained on: the session's validation part (default I; '' = none); scored only when the held-out "
                             "bars of the session rule (RULE20) (a)+(b) pass (each score is a read of the part)")
    parser.add_argument("--lead-override", action=argparse.BooleanOptionalAction, default=RECIPE["lead_override"],
                        help="apply the lead's session-17 override (training.LEAD_OVERRIDE17: rule (a)'s detection "
                             "bar waived, the rest of the rule binding) instead of session 18's RULE19; default off "
                             "(session 18: no override)")
    parser.add_argument("--out", type=Path, default=MODEL_PATH,
                        help="where to write the model JSON (the package's model only when its verdict ships it)")
    parser.add_argument("--candidate", type=Path,
                        help="where to write a model that is not shipped (default: not written)")
    parser.add_argument("--ship", metavar="WHO_AND_WHY",
                        help="write the package's model file: only after a person read (d) TEST and (e) the unseen "
                             "drops of this very model (a --candidate run), and only if its verdict ships it; the "
                             "text is recorded in the header (e.g. 'lead 07:10, TEST and unseen read')")
    parser.add_argument("--no-write", action="store_true", help="print the tables only")
    args = parser.parse_args(argv)
    if not (args.data / allsides_dev.CORPUS).is_file():
        print(f"error: {args.data / allsides_dev.CORPUS} not found; give the shared data folder with --data",
              file=sys.stderr)
        return 2
    excluded = tuple(p for p in args.exclude_parts.split(",") if p)
    heldout = tuple(p for p in args.heldout_parts.split(",") if p)
    refused = refused_training_parts(excluded, heldout)
    if refused:
        print(f"error: part(s) {','.join(refused)} are blind (training.BLIND_PARTS): never training data",
              file=sys.stderr)
        return 2
    arts = load_or_collect(args.data, args.cache, args.docs_cache, excluded)
    parts = allsides_dev.article_parts()
    if any(parts.get(a.article) in training.BLIND_PARTS for a in arts):  # a cache built elsewhere
        print("error: a blind part's article is among the training candidates", file=sys.stderr)
        return 2
    families = event_features.families_option(args.families)
    if families:
        for a in arts:
            a.features = [event_features.only_families(f, families) for f in a.features]
    n = sum(len(a.labels) for a in arts)
    pos = sum(sum(a.labels) for a in arts)
    print(f"{len(arts)} articles, {n} candidates, {pos} paired with gold, "
          f"{sum(len(a.gold) for a in arts)} gold events")
    evaluation = (heldout_block(arts, heldout, args.folds, args.min_count) if heldout
                  else cv_block(arts, args.folds, args.min_count))
    model, inner = training.fit_final(arts, k=args.folds, min_count=args.min_count)
    if heldout:  # session 19: a threshold on the grid's edge gives way to the held-out models' median
        model = training.settle_final(arts, model, evaluation["heldout"]["table"], heldout)
    model.header.update({
        "what": "event filter: P(an analyst codes this candidate event), docs/event-filter.md",
        "training_data": f"allsides-dev gold ({len(arts)} articles), {n} candidates the rules leave "
                         f"(pipeline to genre + event_filter.apply_rules) at commit {source_commit(ROOT)}, "
                         f"{pos} paired with gold by the allsides-dev scorer",
        "features": list(event_features.PREFIXES),
        "feature_version": event_features.FEATURE_VERSION,
        **({"families": list(families)} if families else {}),
        "min_count_grid": list(training.min_count_grid(args.min_count)),
        **evaluation,
        "trained": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    })
    if args.validate_parts and not _may_validate(model.header, args.lead_override):
        print(f"part(s) {args.validate_parts} NOT scored: the held-out bars (a)+(b) of {training.SESSION_RULE.name} "
              "fail, and only a variant passing them is scored on the validation part")
    elif args.validate_parts:
        validation = validation_block(args.data, model, tuple(p for p in args.validate_parts.split(",") if p),
                                      arts, families, args.docs_cache)
        model.header["validation"] = validation
    if "heldout" in model.header and args.lead_override:  # session 17's rule and the lead's override
        override = training.LEAD_OVERRIDE17
        model.header["heldout"].update(training.verdict(model.header["heldout"], model.header.get("validation"),
                                                        override))
        model.header["heldout"]["override_decided"] = training.LEAD_OVERRIDE17_DECIDED
        print(f"verdict: {({k: model.header['heldout'][k] for k in ('ships_by_rule', 'ships')})} ({override.name})")
    elif "heldout" in model.header:  # sessions 18-19: the pooled rule, no override; validation must be scored
        model.header["heldout"].update(training.verdict19(model.header["heldout"], model.header.get("validation"),
                                                          training.SESSION_RULE, training.SESSION_RULE_KEY))
        print(f"verdict ({training.SESSION_RULE.name}): ships {model.header['heldout']['ships']} "
              f"{model.header['heldout']['validation19']}")
    print(f"final model: {len(model.vocab)} features, l2 {model.header['l2']}, min_count "
          f"{model.header['min_count']}, threshold {model.threshold} ({model.header.get('final_choice')}), "
          f"drops applied: {event_filter.model_wins(model)}")
    if not args.no_write:
        destination = write_destination(model, args.out, args.candidate, args.ship)
        if destination is None:
            print(f"not shipped: {MODEL_PATH} left as it is (give --candidate PATH to keep this model; "
                  "--ship only after (d) and (e) were read)")
        else:
            if args.ship and destination == args.out:
                model.header["shipped_by"] = args.ship
            model.save(destination)
            print(f"wrote {destination}")
    return 0


def write_destination(model, out: Path, candidate: Path | None, ship: str | None = None) -> Path | None:
    """Where the trained model goes: the package's model file only when a person asks for it
    (``ship``: after reading (d) TEST and (e) the unseen drops, which no code checks) AND its own
    verdict ships it (``event_filter.model_wins``: a model that does not ship would silently switch
    the kept filter off, review 05:50/05:56); else ``candidate`` (None: not written). Any other
    ``out`` is written as asked."""
    if Path(out).resolve() != MODEL_PATH.resolve():
        return out
    if ship and event_filter.model_wins(model):
        return out
    return candidate


def _may_validate(header: dict, lead_override: bool) -> bool:
    """Whether the validation part may be scored: under RULE19 (session 18) only for a model
    whose held-out table passes rules (a)+(b) -- each score is a read of the part (at most three
    variants a session); session 17's override path and a run without a held-out table as before."""
    if lead_override or "heldout" not in header:
        return True
    held = header["heldout"]
    return bool(held.get(training.SESSION_RULE_KEY, held.get("rule19", {})).get("ships"))


def validation_block(data_dir: Path, model, parts: tuple[str, ...], trained: list[training.ArticleCandidates],
                     families: tuple[str, ...], docs_cache: Path | None) -> dict:
    """The final model on the validation parts, rules alone and with the filter: totals
    only (no article, sentence or event is printed: the part stays unread), and whether the
    filter lowers none of its event, type and detection F1 beyond the rule's validation loss."""
    if set(parts) & set(training.SEALED_PARTS):
        sys.exit(f"error: part(s) {','.join(sorted(set(parts) & set(training.SEALED_PARTS)))} are sealed "
                 "for the session's end: no training script scores them")
    cache = docs_cache.with_name(docs_cache.stem + "-validation" + docs_cache.suffix) if docs_cache else None
    reads.log_read(parts, sys.argv)  # a scripted score of a validation part is a read like `eval --reveal-parts`
    arts = collect(data_dir, cache, exclude_parts=(), only_parts=parts)
    if {a.article for a in arts} & {a.article for a in trained}:
        sys.exit("error: a validation article is in the training set")
    if families:
        for a in arts:
            a.features = [event_features.only_families(f, families) for f in a.features]
    keep = {a.article: [model.probability(f) >= model.threshold for f in a.features] for a in arts}
    before, after = training.figures(training.score(arts)), training.figures(training.score(arts, keep))
    label = ",".join(parts)
    print(_row(f"part {label} rules only", before))
    print(_row(f"part {label} + filter", after) + "   validation: final model, never trained on")
    holds = training.validation_holds(before, after)
    return {"parts": list(parts), "articles": len(arts), "rules_only": before, "with_filter": after,
            "holds": holds}


_HEADER = (f"{'allsides-dev (dev)':<22} {'det P':>6} {'det R':>6} {'det F1':>6} {'typeF1':>6} {'evF1':>6} "
           f"{'events':>6} {'gold':>5}")


def cv_block(arts: list[training.ArticleCandidates], k: int, min_count: int = 2) -> dict:
    """The k-fold CV by article over every article: the model header's ``cv`` block."""
    keep, lines = training.cross_validate(arts, k=k, min_count=min_count)
    for line in lines:
        print(f"fold {line['fold']}: {line['articles']} articles, l2 {line['l2']}, threshold "
              f"{line['threshold']}, inner detection F1 {line['inner_f1']}")
    before = training.figures(training.score(arts))
    after = training.figures(training.score(arts, keep))
    print(_HEADER)
    print(_row("rules only", before))
    print(_row(f"+ filter ({k}-fold CV)", after))
    return {"cv": {"folds": k, "grouped_by": "article", "rules_only": before, "with_filter": after,
                   "per_fold": lines}}


def heldout_block(arts: list[training.ArticleCandidates], heldout: tuple[str, ...], k: int,
                  min_count: int = 2) -> dict:
    """Leave one gold part out (``training.leave_part_out``) and the decision rule: the
    model header's ``heldout`` block, which ``event_filter.model_wins`` reads."""
    table, heldout_keep = training.leave_part_out_keeps(arts, allsides_dev.article_parts(), heldout, k=k,
                                                        min_count=min_count)
    pooled = training.pooled(arts, heldout_keep)
    print(_HEADER)
    for label, result in table.items():
        how = (f"l2 {result['l2']}, min_count {result['min_count']}, threshold {result['threshold']}"
               if "l2" in result
               else f"{k}-fold CV, thresholds {result['thresholds']}")
        print(_row(f"part {label} rules only", result["rules_only"]))
        print(_row(f"part {label} + filter", result["with_filter"]) + f"   {how}")
    print(_row(f"{''.join(heldout)} pooled rules", pooled["rules_only"]))
    print(_row(f"{''.join(heldout)} pooled filter", pooled["with_filter"]) + "   one tally, each part held out")
    rule = training.EVENT_FILTER_RULE
    mean = training.mean_gains(table, heldout, rule.metrics())
    ships = training.ships(table, heldout, rule)
    for label, result in table.items():
        print(f"gain {label}: {training.gains(result, rule.metrics())}")
    pooled_rule = training.ships19(table, pooled, heldout, training.SESSION_RULE)
    print(f"mean gain over {','.join(heldout)}: {mean}; ships by {rule.name}: {ships}")
    print(f"{training.SESSION_RULE.name} (a)+(b): {pooled_rule}")
    return {"heldout": {"parts": list(heldout), "rule": rule.name, "table": table, "pooled": pooled,
                        "mean_gain": mean, "ships": ships, training.SESSION_RULE_KEY: pooled_rule}}


if __name__ == "__main__":
    sys.exit(main())
