"""A learned background flag, measured like the event filter (docs/event-filter.md, session 15).

Rows are the rule pipeline's candidates that the allsides-dev scorer pairs with a gold
event (the background flag is scored on paired events only); the label is the gold
event's ``background``; the features are the event filter's (the rules' own flag among
them). Evaluation leaves one gold part out at a time, with L2 and threshold chosen by an
inner CV grouped by article inside the training parts, as ``training.leave_part_out``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sitrep.eval.sets import allsides_dev
from sitrep.eval.core import PRF
from sitrep.learn import logreg
from sitrep.learn.training import L2_GRID, MAX_LOSS, MIN_MEAN_GAIN, THRESHOLDS, ArticleCandidates, folds


@dataclass
class PairedRows:
    """One article's paired candidates: features, the gold flag and the rules' flag."""
    article: str
    features: list[dict]
    gold: list[bool]
    rules: list[bool]


def paired_rows(a: ArticleCandidates) -> PairedRows:
    """The rows of ``a`` the scorer pairs with gold, in the scorer's pairing order."""
    pairs = allsides_dev.pair_events(a.gold, a.predicted, allsides_dev.sentence_spans(a.text))
    return PairedRows(a.article, [a.features[pi] for _, pi in pairs], [a.gold[gi].background for gi, _ in pairs],
                      [a.predicted[pi].background for _, pi in pairs])


def background_prf(rows: Sequence[PairedRows], flags: dict[str, list[bool]] | None = None) -> PRF:
    """The scorer's background P/R/F1 over ``rows``, with the rules' flags or ``flags``."""
    prf = PRF()
    for r in rows:
        for g, p in zip(r.gold, r.rules if flags is None else flags[r.article]):
            prf += PRF(tp=int(g and p), fp=int(p and not g), fn=int(g and not p))
    return prf


def _train(rows: Sequence[PairedRows], l2: float, min_count: int) -> logreg.Model:
    return logreg.train([f for r in rows for f in r.features], [int(g) for r in rows for g in r.gold],
                        l2=l2, min_count=min_count)


def _flags(model: logreg.Model, rows: Sequence[PairedRows], threshold: float) -> dict[str, list[bool]]:
    return {r.article: [model.probability(f) >= threshold for f in r.features] for r in rows}


def fit(rows: Sequence[PairedRows], k: int = 4, min_count: int = 2) -> logreg.Model:
    """The model on ``rows`` with L2 and threshold chosen by a ``k``-fold CV by article
    that maximises background F1 (on ``rows`` only)."""
    best = (-1.0, 1.0, 0.5)
    for l2 in L2_GRID:
        probs: dict[str, list[float]] = {}
        for held in folds(rows, k):
            held_set = set(held)
            model = _train([r for i, r in enumerate(rows) if i not in held_set], l2, min_count)
            probs.update({rows[i].article: [model.probability(f) for f in rows[i].features] for i in held})
        for t in THRESHOLDS:
            f1 = background_prf(rows, {a: [p >= t for p in ps] for a, ps in probs.items()}).f1
            if f1 > best[0] + 1e-9:
                best = (f1, l2, t)
    model = _train(rows, best[1], min_count)
    model.threshold = float(best[2])
    model.header.update({"l2": best[1], "inner_cv_background_f1": round(best[0], 4)})
    return model


def _figures(prf: PRF) -> dict[str, float]:
    return {"p": round(prf.precision, 4), "r": round(prf.recall, 4), "f1": round(prf.f1, 4),
            "gold_background": prf.tp + prf.fn}


def leave_part_out(articles: Sequence[ArticleCandidates], parts: dict[str, str],
                   heldout: Sequence[str] = ("D", "E", "F"), k: int = 5) -> dict[str, dict]:
    """Background figures per part, rules' flag and learned flag, each scored part unseen
    by its model (the rest, A-C, by a ``k``-fold CV whose training folds hold D-F)."""
    rows = [paired_rows(a) for a in articles]
    out: dict[str, dict] = {}
    for label in heldout:
        held = [r for r in rows if parts.get(r.article) == label]
        model = fit([r for r in rows if parts.get(r.article) != label])
        out[label] = {"l2": model.header["l2"], "threshold": model.threshold,
                      "rules_only": _figures(background_prf(held)),
                      "with_model": _figures(background_prf(held, _flags(model, held, model.threshold)))}
    rest = [r for r in rows if parts.get(r.article) not in heldout]
    flags: dict[str, list[bool]] = {}
    for fold in folds(rest, k):
        scored = {rest[i].article for i in fold}
        model = fit([r for r in rows if r.article not in scored])
        flags.update(_flags(model, [rest[i] for i in fold], model.threshold))
    label = "".join(sorted({parts.get(r.article, "?") for r in rest}))
    out[label] = {"rules_only": _figures(background_prf(rest)), "with_model": _figures(background_prf(rest, flags))}
    return out


def ships(table: dict[str, dict], heldout: Sequence[str] = ("D", "E", "F")) -> bool:
    """The decision rule: mean held-out background F1 gain >= ``MIN_MEAN_GAIN``, no part
    (held out or CV) losing more than ``MAX_LOSS``."""
    gain = {p: t["with_model"]["f1"] - t["rules_only"]["f1"] for p, t in table.items()}
    return sum(gain[p] for p in heldout) / len(heldout) >= MIN_MEAN_GAIN and min(gain.values()) >= -MAX_LOSS
