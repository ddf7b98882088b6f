"""Training data and honest evaluation of the learned event join (scripts/train_event_join.py).

An example is a pair of events the full pipeline outputs for one gold article. Its label is 1
when both events report the same gold event: each event is mapped to the gold event it would
pair with if it were alone (``gold_of``: a shared mention span, the same type preferred, else
the same type in the same sentence -- the allsides-dev scorer's two pairing steps), and the two
map to one. Pairs are joined greedily in text order (``join``): a later event joins the
earlier event it most probably retells, when that probability reaches the threshold; the joined
event keeps the earlier event's type and roles and takes a role the earlier lacks from the later.
Evaluation runs the scorer itself on the joined events, grouped by article and by gold part.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from sitrep.eval.sets import allsides_dev
from sitrep.eval.sets.allsides_dev import Coded, Tally
from sitrep.learn import logreg

L2_GRID = (1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.3, 0.96, 0.05))

#: the pre-registered decision rule (STATUS, session 18): mean held-out gain over the late
#: parts, per metric, and the most any part may lose
MIN_MEAN_DETECTION_GAIN = 0.010
MIN_MEAN_EVENT_GAIN = 0.0
MAX_PART_LOSS = 0.010
MAX_VALIDATION_LOSS = 0.005


@dataclass
class ArticlePairs:
    """One gold article: gold events, the pipeline's events, and the pairs of its events."""
    article: str
    text: str
    gold: list[Coded]
    predicted: list[Coded]
    pairs: list[tuple[int, int]]
    features: list[dict]
    labels: list[int]

    def to_json(self) -> dict:
        return {"article": self.article, "gold": [dataclasses.asdict(g) for g in self.gold],
                "predicted": [dataclasses.asdict(p) for p in self.predicted],
                "pairs": self.pairs, "features": self.features, "labels": self.labels}

    @classmethod
    def from_json(cls, d: dict, text: str) -> "ArticlePairs":
        def coded(x: dict) -> Coded:
            return Coded(**dict(x, mentions=[tuple(m) for m in x["mentions"]]))
        return cls(d["article"], text, [coded(g) for g in d["gold"]], [coded(p) for p in d["predicted"]],
                   [tuple(p) for p in d["pairs"]], d["features"], d["labels"])


def gold_of(gold: list[Coded], p: Coded, starts: list[int]) -> Optional[int]:
    """The gold event ``p`` reports, by the scorer's pairing steps, without one-to-one use."""
    best = None
    for gi, g in enumerate(gold):
        shared = sum(1 for gm in g.mentions for pm in p.mentions if allsides_dev._overlaps(gm, pm))
        if shared:
            key = (0, g.type != p.type, -shared, gi)
        elif starts and g.type == p.type and allsides_dev._sentence_ids(g.mentions, starts) & \
                allsides_dev._sentence_ids(p.mentions, starts):
            key = (1, False, 0, gi)
        else:
            continue
        best = min(best, key) if best else key
    return best[-1] if best else None


#: the label of a pair of two events neither of which reports a gold event: whether two acts
#: an analyst would not code are one happening is not known, so such pairs are not trained on
UNKNOWN = -1


def pair_labels(gold: list[Coded], predicted: list[Coded], pairs: list[tuple[int, int]], text: str) -> list[int]:
    """1 for each pair whose two events report the same gold event, 0 when one of them
    reports a gold event the other does not, ``UNKNOWN`` when neither reports one."""
    starts = [s for s, _ in allsides_dev.sentence_spans(text)]
    mapped = [gold_of(gold, p, starts) for p in predicted]
    return [UNKNOWN if mapped[i] is None and mapped[j] is None else int(mapped[i] == mapped[j])
            for i, j in pairs]


def join_groups(n: int, pairs: list[tuple[int, int]], probs: Sequence[float], threshold: float) -> list[int]:
    """Each event's group (the index of the earliest event of its happening): in text order
    of the later event, it joins the group of the earlier event it most probably retells
    when that probability reaches ``threshold``. Pairs are (earlier, later) indices."""
    best: dict[int, tuple[float, int]] = {}
    for (i, j), p in zip(pairs, probs):
        if p >= threshold and (j not in best or p > best[j][0]):
            best[j] = (p, i)
    group = list(range(n))
    for j in sorted(best, key=lambda j: j):
        group[j] = group[best[j][1]]
    return group


def join(predicted: list[Coded], group: list[int]) -> list[Coded]:
    """The joined events: per group, the first event with every mention of the group and a
    role it lacks taken from the first later member that has it."""
    out: dict[int, Coded] = {}
    for k, p in enumerate(predicted):
        g = group[k]
        if g not in out:
            out[g] = dataclasses.replace(p, mentions=list(p.mentions))
            continue
        head = out[g]
        head.mentions = sorted(set(head.mentions) | set(p.mentions))
        if head.source is None and p.source is not None:
            head.source = p.source
        if head.target is None and p.target is not None:
            head.target = p.target
    return [out[g] for g in sorted(out)]


def score(articles: Sequence[ArticlePairs], probs: Optional[dict[str, list[float]]] = None,
          threshold: float = 1.1) -> Tally:
    """The scorer's tally over ``articles``, the events joined by ``probs`` at ``threshold``."""
    tally = Tally()
    for a in articles:
        predicted = a.predicted
        if probs is not None:
            predicted = join(a.predicted, join_groups(len(a.predicted), a.pairs, probs[a.article], threshold))
        allsides_dev.score_article(a.gold, predicted, tally, a.text)
    return tally


def figures(tally: Tally) -> dict[str, float]:
    m = tally.metrics()
    return {"detection_f1": round(m["detection"].f1, 4), "type_f1": round(m["type"].f1, 4),
            "event_f1": round(m["event_f1"].f1, 4), "predicted": m["predicted_events"], "gold": m["gold_events"]}


def folds(articles: Sequence[ArticlePairs], k: int) -> list[list[int]]:
    order = sorted(range(len(articles)), key=lambda i: articles[i].article)
    return [order[f::k] for f in range(k)]


def _train(articles: Sequence[ArticlePairs], l2: float, min_count: int) -> logreg.Model:
    known = [(f, y) for a in articles for f, y in zip(a.features, a.labels) if y != UNKNOWN]
    return logreg.train([f for f, _ in known], [y for _, y in known], l2=l2, min_count=min_count)


def _probs(model: logreg.Model, articles: Sequence[ArticlePairs]) -> dict[str, list[float]]:
    return {a.article: [model.probability(f) for f in a.features] for a in articles}


def choose(articles: Sequence[ArticlePairs], k: int, min_count: int) -> tuple[float, float, float]:
    """(l2, threshold, inner objective): the pair that best raises detection + event F1 over
    no join, by a grouped ``k``-fold CV on ``articles`` only."""
    base = figures(score(articles))
    best = (0.0, 1.1, L2_GRID[0])  # no gain: a threshold no probability reaches (no join)
    for l2 in L2_GRID:
        probs: dict[str, list[float]] = {}
        for held in folds(articles, k):
            held_set = set(held)
            model = _train([a for i, a in enumerate(articles) if i not in held_set], l2, min_count)
            probs.update(_probs(model, [articles[i] for i in held]))
        for t in THRESHOLDS:
            f = figures(score(articles, probs, t))
            gain = (f["detection_f1"] - base["detection_f1"]) + (f["event_f1"] - base["event_f1"])
            if gain > best[0] + 1e-9:
                best = (gain, t, l2)
    return best[2], best[1], best[0]


def fit_final(articles: Sequence[ArticlePairs], k: int = 4, min_count: int = 2) -> logreg.Model:
    l2, threshold, inner = choose(articles, k, min_count)
    model = _train(articles, l2, min_count)
    model.threshold = float(threshold)
    model.header.update({"l2": l2, "inner_cv_gain": round(inner, 4)})
    return model


def leave_part_out(articles: Sequence[ArticlePairs], parts: dict[str, str],
                   heldout: Sequence[str] = ("D", "E", "F", "G"), k: int = 5, inner_k: int = 4,
                   min_count: int = 2) -> dict[str, dict]:
    """Per part: figures without and with the join, each part scored by a model trained on
    every other part (A-C by a ``k``-fold CV whose training folds hold the late parts too)."""
    out: dict[str, dict] = {}
    for label in heldout:
        held = [a for a in articles if parts.get(a.article) == label]
        model = fit_final([a for a in articles if parts.get(a.article) != label], inner_k, min_count)
        out[label] = {"articles": len(held), "l2": model.header["l2"], "threshold": model.threshold,
                      "alone": figures(score(held)),
                      "joined": figures(score(held, _probs(model, held), model.threshold))}
    rest = [a for a in articles if parts.get(a.article) not in heldout]
    joined = Tally()
    thresholds = []
    for fold in folds(rest, k):
        scored = [rest[i] for i in fold]
        names = {a.article for a in scored}
        model = fit_final([a for a in articles if a.article not in names], inner_k, min_count)
        thresholds.append(model.threshold)
        for a in scored:
            predicted = join(a.predicted, join_groups(len(a.predicted), a.pairs,
                                                      _probs(model, [a])[a.article], model.threshold))
            allsides_dev.score_article(a.gold, predicted, joined, a.text)
    out["ABC"] = {"articles": len(rest), "thresholds": thresholds, "alone": figures(score(rest)),
                  "joined": figures(joined)}
    return out


def gains(entry: dict) -> dict[str, float]:
    return {m: round(entry["joined"][m] - entry["alone"][m], 4) for m in ("detection_f1", "type_f1", "event_f1")}


def ships(table: dict[str, dict], heldout: Sequence[str] = ("D", "E", "F", "G")) -> bool:
    """The pre-registered rule: mean held-out gain over ``heldout`` >= +0.010 detection F1 and
    >= 0 event F1, and no part loses more than 0.010 of detection, type or event F1."""
    per = {label: gains(entry) for label, entry in table.items()}
    mean_det = sum(per[p]["detection_f1"] for p in heldout) / len(heldout)
    mean_ev = sum(per[p]["event_f1"] for p in heldout) / len(heldout)
    no_loss = all(g >= -MAX_PART_LOSS for part in per.values() for g in part.values())
    return mean_det >= MIN_MEAN_DETECTION_GAIN and mean_ev >= MIN_MEAN_EVENT_GAIN and no_loss
