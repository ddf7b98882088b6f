"""Training data, the override rule and grouped cross-validation for the type re-scorer
(scripts/train_type_model.py, docs/type-model.md).

A *group* is what one fold holds together: an allsides-dev article, a PLOVER GSR or
PETRARCH unit-test sentence, a demo document. It keeps, for every event the rules
produced, the features (``type_features``), the rules' type and a label -- the analyst's
type when the gold says it, else None (the event teaches nothing and is only scored) --
and what the set's own scorer needs to score the group again with other types:

* allsides-dev: the gold and predicted ``Coded`` events; ``allsides_dev.score_article``
  (the very scorer of ``sitrep eval``) pairs them again, so a changed type can change
  the pairing as it would in the pipeline;
* GSR / PETRARCH unit: the sentence's gold type set and which events are *coded*
  (``events.coded_events``); per type, tp/fp/fn over sentences and the macro F1 over
  types, as ``plover_gsr.score`` and ``petrarch._score`` count;
* demo: the gold type of each matched event (the demo scorer's own matching, which
  does not depend on the type); type F1 = right types against predicted and gold events.

The override rule (``override``): the model's most probable type replaces the rules'
type when it beats the rules' type's probability by at least the margin.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

import numpy as np

from sitrep.eval.core import PRF, macro_f1
from sitrep.learn import softmax
from sitrep.model import PLOVER_TYPES

#: override margins the cross-validation tries (None: never override)
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
SETS = ("allsides-dev", "plover_gsr", "petrarch-unit", "demo-events")


@dataclass
class Group:
    """One article / sentence / document of a DEV set, as the cross-validation needs it."""
    set: str
    id: str
    features: list[dict]
    rules: list[str]
    labels: list[Optional[str]]
    #: set-specific scorer input (see the module docstring)
    score_data: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"set": self.set, "id": self.id, "features": self.features, "rules": self.rules,
                "labels": self.labels, "score_data": self.score_data}

    @classmethod
    def from_json(cls, d: dict) -> "Group":
        return cls(d["set"], d["id"], d["features"], d["rules"], d["labels"], d.get("score_data", {}))


def sentence_labels(rules: Sequence[str], coded: Sequence[bool], gold: set[str]) -> list[Optional[str]]:
    """Labels for the events of a sentence coded as a set of types: a coded event of a gold
    type keeps it; a coded event of another type gets the one gold type no coded event has,
    when there is exactly one (else it teaches nothing); uncoded events teach nothing."""
    found = {t for t, c in zip(rules, coded) if c}
    missing = sorted(gold - found)
    out: list[Optional[str]] = []
    for t, c in zip(rules, coded):
        if not c:
            out.append(None)
        elif t in gold:
            out.append(t)
        else:
            out.append(missing[0] if len(missing) == 1 else None)
    return out


def override(probs: np.ndarray, rules_type: str, margin: Optional[float]) -> str:
    """The type to report: the model's best when it beats the rules' type by ``margin``."""
    if margin is None:
        return rules_type
    best = int(np.argmax(probs))
    best_type = PLOVER_TYPES[best]
    rules_p = probs[PLOVER_TYPES.index(rules_type)] if rules_type in PLOVER_TYPES else 0.0
    return best_type if best_type != rules_type and probs[best] - rules_p >= margin else rules_type


# --- scoring a set again with other types ---------------------------------------------

def _sentence_score(groups: Sequence[Group], types: dict[str, list[str]]) -> float:
    per = {t: PRF() for t in PLOVER_TYPES}
    for g in groups:
        gold = set(g.score_data["gold"])
        predicted = {t for t, c in zip(types[g.id], g.score_data["coded"]) if c}
        for t in PLOVER_TYPES:
            if t in gold and t in predicted:
                per[t].tp += 1
            elif t in predicted:
                per[t].fp += 1
            elif t in gold:
                per[t].fn += 1
    return macro_f1(per)


def _allsides_tally(groups: Sequence[Group], types: dict[str, list[str]], texts: dict[str, str]):
    """The allsides-dev scorer's tally over ``groups`` with ``types`` (the pairs made again)."""
    from sitrep.eval.sets import allsides_dev
    from sitrep.eval.sets.allsides_dev import Coded, Tally

    def coded(x: dict, t: Optional[str] = None) -> Coded:
        c = Coded(**dict(x, mentions=[tuple(m) for m in x["mentions"]]))
        if t is not None:
            c.type = t
        return c

    tally = Tally()
    for g in groups:
        gold = [coded(x) for x in g.score_data["gold"]]
        predicted = [coded(x, t) for x, t in zip(g.score_data["predicted"], types[g.id])]
        allsides_dev.score_article(gold, predicted, tally, texts[g.id])
    return tally


def _allsides_score(groups: Sequence[Group], types: dict[str, list[str]], texts: dict[str, str]) -> float:
    return _allsides_tally(groups, types, texts).metrics()["type"].f1


def _demo_score(groups: Sequence[Group], types: dict[str, list[str]]) -> float:
    right = predicted = gold = 0
    for g in groups:
        gold += g.score_data["gold_events"]
        predicted += g.score_data["predicted_events"]
        right += sum(types[g.id][i] == t for i, t in g.score_data["matched"])
    return PRF(tp=right, fp=predicted - right, fn=gold - right).f1


def set_score(name: str, groups: Sequence[Group], types: dict[str, list[str]], texts: dict[str, str]) -> float:
    """The set's type F1 with ``types`` (group id -> one type per event)."""
    if name == "allsides-dev":
        return _allsides_score(groups, types, texts)
    if name == "demo-events":
        return _demo_score(groups, types)
    return _sentence_score(groups, types)


def rules_types(groups: Sequence[Group]) -> dict[str, list[str]]:
    return {g.id: list(g.rules) for g in groups}


def typed(groups: Sequence[Group], probs: dict[str, np.ndarray], margin: Optional[float]) -> dict[str, list[str]]:
    return {g.id: [override(p, r, margin) for p, r in zip(probs[g.id], g.rules)] for g in groups}


# --- training and cross-validation ----------------------------------------------------

def _rows(groups: Sequence[Group]) -> tuple[list[dict], list[int]]:
    rows, ys = [], []
    for g in groups:
        for f, y in zip(g.features, g.labels):
            if y is not None:
                rows.append(f)
                ys.append(PLOVER_TYPES.index(y))
    return rows, ys


def train(groups: Sequence[Group], l2: float, min_count: int = 2) -> softmax.Model:
    rows, ys = _rows(groups)
    return softmax.train(rows, ys, n_classes=len(PLOVER_TYPES), l2=l2, min_count=min_count)


def folds(groups: Sequence[Group], k: int) -> list[list[int]]:
    """Group indices per fold: within each set sorted by id and dealt round-robin, so every
    fold holds a share of every set (deterministic)."""
    out: list[list[int]] = [[] for _ in range(k)]
    for name in SETS:
        order = sorted((i for i, g in enumerate(groups) if g.set == name), key=lambda i: groups[i].id)
        for n, i in enumerate(order):
            out[n % k].append(i)
    return out


def out_of_fold(groups: Sequence[Group], splits: list[list[int]], l2: float) -> dict[str, np.ndarray]:
    """Each group's type probabilities from a model that never saw it."""
    probs: dict[str, np.ndarray] = {}
    for held in splits:
        held_set = set(held)
        model = train([g for i, g in enumerate(groups) if i not in held_set], l2)
        for i in held:
            probs[groups[i].id] = model.probabilities_many(groups[i].features)
    return probs


Scorer = Callable[[str, Sequence[Group], dict[str, list[str]]], float]


def per_set(groups: Sequence[Group], types: dict[str, list[str]], score: Scorer) -> dict[str, float]:
    out = {}
    for name in SETS:
        mine = [g for g in groups if g.set == name]
        if mine:
            out[name] = score(name, mine, types)
    return out


def choose_margin(groups: Sequence[Group], probs: dict[str, np.ndarray], score: Scorer) -> tuple[Optional[float], float]:
    """(margin, mean gain over the sets): the margin whose overrides raise the mean of the
    sets' type F1 most; never (None) unless some margin gains; ties go to the larger margin."""
    base = per_set(groups, rules_types(groups), score)
    best: tuple[Optional[float], float] = (None, 0.0)
    for margin in MARGINS:
        got = per_set(groups, typed(groups, probs, margin), score)
        gain = float(np.mean([got[s] - base[s] for s in got]))
        if gain >= best[1] - 1e-9 and gain > 1e-9:
            best = (margin, gain)
    return best


def fit_final(groups: Sequence[Group], l2: float, inner_k: int, score: Scorer) -> tuple[softmax.Model, Optional[float]]:
    """The model on every group, its margin chosen by an inner grouped CV."""
    probs = out_of_fold(groups, folds(groups, inner_k), l2)
    margin, _ = choose_margin(groups, probs, score)
    return train(groups, l2), margin


def cross_validate(groups: Sequence[Group], splits: list[list[int]], l2: float, inner_k: int,
                   score: Scorer) -> tuple[dict[str, list[str]], list[dict]]:
    """Types for every event, each decided by a model (and margin) that never saw its group."""
    types: dict[str, list[str]] = {}
    lines = []
    for n, held in enumerate(splits):
        held_set = set(held)
        train_groups = [g for i, g in enumerate(groups) if i not in held_set]
        model, margin = fit_final(train_groups, l2, inner_k, score)
        for i in held:
            g = groups[i]
            types[g.id] = [override(p, r, margin) for p, r in zip(model.probabilities_many(g.features), g.rules)]
        lines.append({"fold": n + 1, "groups": len(held), "margin": margin})
    return types, lines


# --- leave one allsides-dev part out (session 17's decision rule, docs/type-model.md) ------

#: the figures a held-out part reports, rules alone and with the re-scorer
PART_METRICS = ("type_f1", "event_f1", "detection_f1")
#: mean held-out type F1 gain over the held-out parts a shipped re-scorer must reach
MIN_MEAN_GAIN = 0.010
#: the most any held-out part, or the A-C CV, may lose in type or event F1
MAX_LOSS = 0.010


def allsides_figures(groups: Sequence[Group], types: dict[str, list[str]], texts: dict[str, str]) -> dict:
    """The allsides-dev scorer's type, event and detection F1 over ``groups`` with ``types``."""
    m = _allsides_tally(groups, types, texts).metrics()
    return {"type_f1": round(m["type"].f1, 4), "event_f1": round(m["event_f1"].f1, 4),
            "detection_f1": round(m["detection"].f1, 4)}


def _held_types(train_groups: Sequence[Group], held: Sequence[Group], l2: float, inner_k: int,
                score: Scorer) -> tuple[dict[str, list[str]], Optional[float]]:
    model, margin = fit_final(train_groups, l2, inner_k, score)
    return ({g.id: [override(p, r, margin) for p, r in zip(model.probabilities_many(g.features), g.rules)]
             for g in held}, margin)


def leave_part_out(groups: Sequence[Group], parts: dict[str, str], texts: dict[str, str], l2: float,
                   inner_k: int, score: Scorer, heldout: Sequence[str] = ("D", "E", "F", "G"),
                   k: int = 5) -> dict[str, dict]:
    """Held-out figures per allsides-dev part: each part in ``heldout`` typed by a model
    trained on every other group (the other parts, A-C and the sentence and demo sets),
    the remaining articles (A-C) by a ``k``-fold CV by article whose training folds hold
    everything else; margins by the inner CV of each training set."""
    out: dict[str, dict] = {}

    def entry(held: list[Group], types: dict[str, list[str]], **info) -> dict:
        return dict(info, articles=len(held),
                    retyped=sum(a != b for g in held for a, b in zip(types[g.id], g.rules)),
                    rules_only=allsides_figures(held, rules_types(held), texts),
                    with_model=allsides_figures(held, types, texts))

    for label in heldout:
        held = [g for g in groups if g.set == "allsides-dev" and parts.get(g.id) == label]
        ids = {g.id for g in held}
        types, margin = _held_types([g for g in groups if g.id not in ids], held, l2, inner_k, score)
        out[label] = entry(held, types, margin=margin)
    rest = sorted((g for g in groups if g.set == "allsides-dev" and parts.get(g.id) not in heldout),
                  key=lambda g: g.id)
    types, margins = {}, []
    for f in range(k):
        held = rest[f::k]
        ids = {g.id for g in held}
        got, margin = _held_types([g for g in groups if g.id not in ids], held, l2, inner_k, score)
        types.update(got)
        margins.append(margin)
    label = "".join(sorted({parts.get(g.id, "?") for g in rest}))
    out[label] = entry(rest, types, margins=margins)
    return out


def gains(result: dict) -> dict[str, float]:
    return {m: round(result["with_model"][m] - result["rules_only"][m], 4) for m in PART_METRICS}


def ships(table: dict[str, dict], heldout: Sequence[str] = ("D", "E", "F", "G")) -> bool:
    """Session 17's rule, (a) and (b): mean held-out type F1 gain over ``heldout`` at least
    ``MIN_MEAN_GAIN`` with a mean event F1 gain not negative; no part (held out or the A-C
    CV) loses more than ``MAX_LOSS`` of type or event F1. (c)-(e) are read outside."""
    per = {label: gains(r) for label, r in table.items()}
    mean_type = sum(per[p]["type_f1"] for p in heldout) / len(heldout)
    mean_event = sum(per[p]["event_f1"] for p in heldout) / len(heldout)
    no_loss = all(g[m] >= -MAX_LOSS for g in per.values() for m in ("type_f1", "event_f1"))
    return mean_type >= MIN_MEAN_GAIN and mean_event >= 0 and no_loss
