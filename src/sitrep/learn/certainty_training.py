"""A learned correction of the certainty label, measured like the event filter
(docs/event-filter.md, session 15): on the candidates the scorer pairs with gold and the
rules label other than "asserted", P(the analyst codes it "asserted"); the label becomes
"asserted" when that probability reaches a threshold. Evaluated by leaving one gold part
out, L2 and threshold chosen by an inner CV grouped by article inside the training parts.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sitrep.eval.sets import allsides_dev
from sitrep.learn import logreg
from sitrep.learn.training import L2_GRID, MAX_LOSS, MIN_MEAN_GAIN, THRESHOLDS, ArticleCandidates, folds

ASSERTED = "asserted"


@dataclass
class PairedStatuses:
    """One article's paired candidates: features, gold status and the rules' status."""
    article: str
    features: list[dict]
    gold: list[str]
    rules: list[str]

    def eligible(self) -> list[int]:
        """The rows a model may relabel: the rules said something else than asserted."""
        return [i for i, s in enumerate(self.rules) if s != ASSERTED]


def paired_statuses(a: ArticleCandidates) -> PairedStatuses:
    pairs = allsides_dev.pair_events(a.gold, a.predicted, allsides_dev.sentence_spans(a.text))
    return PairedStatuses(a.article, [a.features[pi] for _, pi in pairs], [a.gold[gi].certainty for gi, _ in pairs],
                          [a.predicted[pi].certainty for _, pi in pairs])


def relabelled(r: PairedStatuses, model: logreg.Model, threshold: float) -> list[str]:
    """The rules' statuses with "asserted" wherever the model reaches ``threshold``."""
    return [ASSERTED if s != ASSERTED and model.probability(f) >= threshold else s
            for f, s in zip(r.features, r.rules)]


def accuracy(rows: Sequence[PairedStatuses], statuses: dict[str, list[str]] | None = None) -> tuple[int, int]:
    """(right, pairs): the scorer's certainty accuracy counts, with ``statuses`` or the rules'."""
    right = total = 0
    for r in rows:
        labels = r.rules if statuses is None else statuses[r.article]
        right += sum(g == p for g, p in zip(r.gold, labels))
        total += len(r.gold)
    return right, total


def _train(rows: Sequence[PairedStatuses], l2: float, min_count: int) -> logreg.Model:
    feats = [r.features[i] for r in rows for i in r.eligible()]
    labels = [int(r.gold[i] == ASSERTED) for r in rows for i in r.eligible()]
    return logreg.train(feats, labels, l2=l2, min_count=min_count)


def fit(rows: Sequence[PairedStatuses], k: int = 4, min_count: int = 2) -> logreg.Model:
    """The model on ``rows``, L2 and threshold by a ``k``-fold CV by article maximising accuracy."""
    best = (-1, 1.0, 1.0)
    for l2 in L2_GRID:
        models = {}
        for held in folds(rows, k):
            held_set = set(held)
            model = _train([r for i, r in enumerate(rows) if i not in held_set], l2, min_count)
            models.update({rows[i].article: model for i in held})
        for t in THRESHOLDS + (1.01,):  # 1.01: relabel nothing
            right, _ = accuracy(rows, {r.article: relabelled(r, models[r.article], t) for r in rows})
            if right > best[0]:
                best = (right, l2, t)
    model = _train(rows, best[1], min_count)
    model.threshold = float(best[2])
    model.header.update({"l2": best[1]})
    return model


def _figures(counts: tuple[int, int]) -> dict:
    return {"acc": round(counts[0] / counts[1], 4) if counts[1] else 0.0, "pairs": counts[1]}


def leave_part_out(articles: Sequence[ArticleCandidates], parts: dict[str, str],
                   heldout: Sequence[str] = ("D", "E", "F"), k: int = 5) -> dict[str, dict]:
    """Certainty accuracy per part, rules and relabelled, each part unseen by its model."""
    rows = [paired_statuses(a) for a in articles]
    out: dict[str, dict] = {}
    for label in heldout:
        held = [r for r in rows if parts.get(r.article) == label]
        model = fit([r for r in rows if parts.get(r.article) != label])
        out[label] = {"l2": model.header["l2"], "threshold": model.threshold,
                      "rules_only": _figures(accuracy(held)),
                      "with_model": _figures(accuracy(held, {r.article: relabelled(r, model, model.threshold)
                                                             for r in held}))}
    rest = [r for r in rows if parts.get(r.article) not in heldout]
    statuses: dict[str, list[str]] = {}
    for fold in folds(rest, k):
        scored = {rest[i].article for i in fold}
        model = fit([r for r in rows if r.article not in scored])
        statuses.update({rest[i].article: relabelled(rest[i], model, model.threshold) for i in fold})
    label = "".join(sorted({parts.get(r.article, "?") for r in rest}))
    out[label] = {"rules_only": _figures(accuracy(rest)), "with_model": _figures(accuracy(rest, statuses))}
    return out


def ships(table: dict[str, dict], heldout: Sequence[str] = ("D", "E", "F")) -> bool:
    """Mean held-out accuracy gain >= ``MIN_MEAN_GAIN``, no part losing more than ``MAX_LOSS``."""
    gain = {p: t["with_model"]["acc"] - t["rules_only"]["acc"] for p, t in table.items()}
    return sum(gain[p] for p in heldout) / len(heldout) >= MIN_MEAN_GAIN and min(gain.values()) >= -MAX_LOSS
