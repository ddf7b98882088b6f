"""Training data and grouped cross-validation for the role ranker (scripts/train_role_ranker.py).

An example is one role (source or target) of one predicted event that the allsides-dev
scorer pairs with a gold event (``allsides_dev.pair_events``): its candidates
(``role_features.candidates``) with their features and their scorer keys (country, else
international organisation, else nothing), the key the rules chose and the gold key. A
candidate's label is 1 when its key is the gold key. The ranker picks the most probable
candidate and overrides the rules only when it beats the rules' own candidate by a margin.

Cross-validation is grouped by article; L2 and the margin are chosen by an inner grouped
CV inside the training folds only. The figure is the scorer's key accuracy on held-out
pairs, against the rules' key accuracy on the same pairs.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from sitrep.learn import logreg

L2_GRID = (1.0, 3.0, 10.0)
MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)


@dataclass
class RoleExample:
    """One role of one paired event: candidates' features and keys, the rules' and gold key."""
    article: str
    role: str
    features: list[dict]
    keys: list[Optional[str]]
    rules_index: int
    #: the gold key, or (sentence-level gold, PLOVER GSR) the list of acceptable keys
    gold: Optional[str] | list[str]
    #: whether the gold says when the role is empty: not so for sentence-level gold that
    #: only lists the roles it names countries for (PLOVER GSR), where "none" would be
    #: wrong by selection and the model must not learn that from it
    knows_none: bool = True
    #: the predicted event's index in its article's scored events (allsides-dev), so held-out
    #: choices can be replayed through the scorer (event F1); -1 for sentence-level gold
    event: int = -1
    #: which candidates a ranker may choose (``role_features.eligible``); None: all of them
    eligible: Optional[list[bool]] = None
    #: whether the scorer pairs the event with a gold event; an unpaired event (no gold:
    #: ``gold`` is None and means nothing) never trains the ranking, it only counts its
    #: overrides as a cost when the margin is chosen (session 18, docs/role-ranker.md)
    paired: bool = True
    #: per candidate, ``role_features.party_marks`` (for the joint no-self-dyad check)
    parties: Optional[list] = None

    def right(self, key: Optional[str]) -> bool:
        """Whether a candidate with this key would be scored right."""
        return key in self.gold if isinstance(self.gold, list) else key == self.gold

    @property
    def labels(self) -> list[int]:
        return [int(self.right(k)) for k in self.keys]

    def to_json(self) -> dict:
        return {"article": self.article, "role": self.role, "features": self.features, "keys": self.keys,
                "rules_index": self.rules_index, "gold": self.gold, "knows_none": self.knows_none,
                "event": self.event, "eligible": self.eligible, "paired": self.paired, "parties": self.parties}

    @classmethod
    def from_json(cls, d: dict) -> "RoleExample":
        return cls(d["article"], d["role"], d["features"], d["keys"], d["rules_index"], d["gold"],
                   d.get("knows_none", True), d.get("event", -1), d.get("eligible"), d.get("paired", True),
                   d.get("parties"))


def pick(probs: Sequence[float], rules_index: int, margin: float,
         eligible: Optional[Sequence[bool]] = None) -> int:
    """The candidate to use: the most probable eligible one when it beats the rules'
    candidate by at least ``margin``, else the rules' own (a margin above 1 never overrides)."""
    allowed = [i for i in range(len(probs)) if eligible is None or eligible[i] or i == rules_index]
    best = max(allowed, key=lambda i: (probs[i], i == rules_index))
    return best if probs[best] - probs[rules_index] >= margin else rules_index


def _rows(examples: Sequence[RoleExample]) -> tuple[list[dict], list[int]]:
    """Training rows: every candidate of the examples whose gold key is among the candidates
    (an example with no right candidate teaches nothing about ranking)."""
    rows, labels = [], []
    for ex in examples:
        if ex.paired and any(ex.labels):
            for f, y in zip(ex.features, ex.labels):
                if ex.knows_none or "none=yes" not in f:
                    rows.append(f)
                    labels.append(y)
    return rows, labels


def folds(groups: Sequence[str], k: int) -> list[set[str]]:
    """Groups (article ids) per fold: sorted, dealt round-robin (deterministic)."""
    order = sorted(set(groups))
    return [set(order[f::k]) for f in range(k)]


def out_of_fold(examples: Sequence[RoleExample], k: int, l2: float) -> list[list[float]]:
    """Each example's candidate probabilities from a model that never saw its article."""
    probs: list[list[float]] = [[] for _ in examples]
    for held in folds([e.article for e in examples], k):
        train = [e for e in examples if e.article not in held]
        model = logreg.train(*_rows(train), l2=l2)
        for n, e in enumerate(examples):
            if e.article in held:
                probs[n] = [model.probability(f) for f in e.features]
    return probs


def accuracy(examples: Sequence[RoleExample], chosen: Sequence[int]) -> float:
    """The scorer's key accuracy when each example uses its ``chosen`` candidate (paired
    examples only: an unpaired event has no gold key)."""
    pairs = [(e, c) for e, c in zip(examples, chosen) if e.paired]
    if not pairs:
        return 0.0
    return sum(e.right(e.keys[c]) for e, c in pairs) / len(pairs)


def objective(examples: Sequence[RoleExample], chosen: Sequence[int]) -> int:
    """What the margin is chosen for: right keys on paired roles minus overrides on
    unpaired events. An override on an event the gold does not hold is counted as one
    broken key: on unseen text such changes were mostly wrong (session 17)."""
    right = sum(e.right(e.keys[c]) for e, c in zip(examples, chosen) if e.paired)
    noise = sum(c != e.rules_index for e, c in zip(examples, chosen) if not e.paired)
    return right - noise


def joint_guard(examples: Sequence[RoleExample], chosen: list[int]) -> list[int]:
    """No self-dyad the rules did not make: when an event's two roles, as chosen, name one
    party (``role_features.same_marks``) and the rules' two did not, both revert to the
    rules' (each role was only checked against the other role of the rules)."""
    from sitrep.learn.role_features import same_marks

    out = list(chosen)
    by_event: dict = {}
    for n, e in enumerate(examples):
        if e.parties is not None:
            by_event.setdefault((e.article, e.event), {})[e.role] = n
    for roles in by_event.values():
        if set(roles) != {"source", "target"}:
            continue
        s, t = roles["source"], roles["target"]
        es, et = examples[s], examples[t]
        now = same_marks(es.parties[out[s]], et.parties[out[t]])
        before = same_marks(es.parties[es.rules_index], et.parties[et.rules_index])
        if now and not before:
            out[s], out[t] = es.rules_index, et.rules_index
    return out


def rules_accuracy(examples: Sequence[RoleExample]) -> float:
    return accuracy(examples, [e.rules_index for e in examples])


def _everything(example: RoleExample) -> bool:
    return True


def choose(examples: Sequence[RoleExample], k: int,
           decides: Callable[[RoleExample], bool] = _everything) -> tuple[float, float, float]:
    """(l2, margin, inner objective): the best pair by an inner grouped CV on ``examples``,
    ``objective`` counted on the examples that ``decides`` (all of them by default: the
    others only train); ties go to the larger margin (fewer overrides)."""
    best = ((-1.0, MARGINS[-1]), L2_GRID[0])
    for l2 in L2_GRID:
        probs = out_of_fold(examples, k, l2)
        judged = [(p, e) for p, e in zip(probs, examples) if decides(e)]
        for margin in MARGINS:
            acc = objective([e for _, e in judged], [pick(p, e.rules_index, margin, e.eligible) for p, e in judged])
            if (acc, margin) > best[0]:
                best = ((acc, margin), l2)
    (acc, margin), l2 = best
    return l2, margin, acc


def fit_final(examples: Sequence[RoleExample], k: int,
              decides: Callable[[RoleExample], bool] = _everything) -> tuple[logreg.Model, float]:
    """The model on every example, L2 and margin (stored as the threshold) chosen by
    grouped CV, judged on the examples that ``decides``."""
    l2, margin, inner = choose(examples, k, decides)
    model = logreg.train(*_rows(examples), l2=l2, threshold=margin)
    model.header.update({"l2": l2, "margin": margin, "inner_cv_objective": inner})
    return model, inner


def cross_validate(examples: Sequence[RoleExample], k: int = 5, inner_k: int = 4,
                   decides: Callable[[RoleExample], bool] = _everything) -> tuple[list[int], list[dict]]:
    """The candidate each example gets from a ranker that never saw its article (L2 and
    margin chosen inside the training folds, judged on the examples that ``decides``),
    and one line per fold."""
    chosen = [e.rules_index for e in examples]
    lines = []
    for n, held in enumerate(folds([e.article for e in examples], k)):
        train = [e for e in examples if e.article not in held]
        model, inner = fit_final(train, inner_k, decides)
        idx = [i for i, e in enumerate(examples) if e.article in held]
        for i in idx:
            e = examples[i]
            chosen[i] = pick([model.probability(f) for f in e.features], e.rules_index, model.threshold, e.eligible)
        held_ex = [examples[i] for i in idx if decides(examples[i])]
        idx = [i for i in idx if decides(examples[i])]
        lines.append({"fold": n + 1, "examples": len(idx), "l2": model.header["l2"], "margin": model.threshold,
                      "rules": round(rules_accuracy(held_ex), 4),
                      "ranker": round(accuracy(held_ex, [chosen[i] for i in idx]), 4),
                      "overrides": sum(chosen[i] != examples[i].rules_index for i in idx)})
    return chosen, lines


# -- leave one gold part out (session 18's decision rule, docs/role-ranker.md) ---------------

#: the figures a held-out part reports, rules alone and with the ranker
PART_METRICS = ("key_mean", "source_key", "target_key", "event_f1", "type_f1", "detection_f1")
#: held-out gain of ``key_mean`` (pooled over the held-out parts) a shipped ranker must reach
MIN_MEAN_GAIN = 0.010
#: the most any held-out part, or the A-C CV, may lose in ``key_mean`` or ``event_f1``
MAX_LOSS = 0.010


def replay(articles: dict, examples: Sequence[RoleExample], chosen: Sequence[int], texts: dict[str, str]) -> dict:
    """The allsides-dev scorer's figures over ``articles`` (id -> {"gold", "predicted"}:
    lists of ``allsides_dev.Coded``) when each example's role takes its ``chosen``
    candidate's key; the pairing reads no role, so only the dyads change."""
    import copy

    from sitrep.eval.sets import allsides_dev

    predicted = {a: copy.deepcopy(rec["predicted"]) for a, rec in articles.items()}
    for e, c in zip(examples, chosen):
        if e.article in predicted and e.event >= 0:
            setattr(predicted[e.article][e.event], e.role, e.keys[c])
    tally = allsides_dev.Tally()
    for a, rec in sorted(articles.items()):
        allsides_dev.score_article(rec["gold"], predicted[a], tally, texts[a])
    m = tally.metrics()
    src, tgt = m["source_key_acc"], m["target_key_acc"]
    return {"key_mean": round((src + tgt) / 2, 4), "source_key": src, "target_key": tgt,
            "event_f1": round(m["event_f1"].f1, 4), "type_f1": round(m["type"].f1, 4),
            "detection_f1": round(m["detection"].f1, 4), "pairs": m["predicted_events"]}


def _apply(model: logreg.Model, examples: Sequence[RoleExample]) -> list[int]:
    return [pick([model.probability(f) for f in e.features], e.rules_index, model.threshold, e.eligible)
            for e in examples]


def choose_split(examples: Sequence[RoleExample], held: set[str], roles: Sequence[str], inner_k: int,
                 decides: Callable[[RoleExample], bool]) -> tuple[list[RoleExample], list[int], dict, dict]:
    """Train one model per role on every example outside the ``held`` articles (L2 and
    margin by the inner grouped CV of that training set) and apply them to the held ones,
    the joint no-self-dyad guard last: (held examples, chosen candidates, margin per role,
    overrides per role)."""
    held_ex = [e for e in examples if e.article in held]
    chosen = [e.rules_index for e in held_ex]
    margins = {}
    for role in roles:
        train = [e for e in examples if e.role == role and e.article not in held]
        model, _ = fit_final(train, inner_k, decides)
        margins[role] = model.threshold
        idx = [i for i, e in enumerate(held_ex) if e.role == role]
        for i, c in zip(idx, _apply(model, [held_ex[i] for i in idx])):
            chosen[i] = c
    chosen = joint_guard(held_ex, chosen)
    overrides = {role: sum(c != e.rules_index for e, c in zip(held_ex, chosen) if e.role == role) for role in roles}
    return held_ex, chosen, margins, overrides


def changes(held_ex: Sequence[RoleExample], chosen: Sequence[int]) -> dict[str, int]:
    """Overrides on paired roles that fix or break the key (or leave it), and overrides on
    unpaired events (no gold: the cost the unseen read found)."""
    out = {"fixed": 0, "broken": 0, "same_key": 0, "unpaired": 0}
    for e, c in zip(held_ex, chosen):
        if c == e.rules_index:
            continue
        if not e.paired:
            out["unpaired"] += 1
            continue
        was, now = e.right(e.keys[e.rules_index]), e.right(e.keys[c])
        out["fixed" if now and not was else "broken" if was and not now else "same_key"] += 1
    return out


def _entry(articles: dict, held: set[str], held_ex: list[RoleExample], chosen: list[int],
           texts: dict[str, str], **info) -> dict:
    """One part's line: the scorer replayed on the held articles, rules alone and with the ranker."""
    scored = {a: articles[a] for a in held if a in articles}
    return dict(info, articles=len(scored),
                rules_only=replay(scored, held_ex, [e.rules_index for e in held_ex], texts),
                with_ranker=replay(scored, held_ex, chosen, texts))


def leave_part_out(examples: Sequence[RoleExample], articles: dict, parts: dict[str, str], texts: dict[str, str],
                   heldout: Sequence[str] = ("D", "E", "F", "G", "H"), roles: Sequence[str] = ("source", "target"),
                   k: int = 5, inner_k: int = 3,
                   decides: Callable[[RoleExample], bool] = _everything) -> dict[str, dict]:
    """Held-out figures per allsides-dev part: each part in ``heldout`` scored by a ranker
    trained on everything else (the other parts, A-C, the sentence gold); the remaining
    articles (A-C) by a ``k``-fold CV by article whose training folds hold everything else;
    and the ``heldout`` parts pooled (``POOLED``: one scorer replay over all their articles)."""
    out: dict[str, dict] = {}
    pooled_ex, pooled_chosen, pooled_held = [], [], set()
    for label in heldout:
        held = {a for a in articles if parts.get(a) == label}
        held_ex, chosen, margins, overrides = choose_split(examples, held, roles, inner_k, decides)
        out[label] = _entry(articles, held, held_ex, chosen, texts, margins=margins, overrides=overrides,
                            changes=changes(held_ex, chosen))
        pooled_ex += held_ex
        pooled_chosen += chosen
        pooled_held |= held
    out[POOLED] = _entry(articles, pooled_held, pooled_ex, pooled_chosen, texts, margins={},
                         overrides={r: sum(out[p]["overrides"][r] for p in heldout) for r in roles},
                         changes=changes(pooled_ex, pooled_chosen))
    rest = sorted(a for a in articles if parts.get(a) not in heldout)
    all_ex, all_chosen, margins, overrides = [], [], [], {r: 0 for r in roles}
    for f in range(k):
        held_ex, chosen, m, o = choose_split(examples, set(rest[f::k]), roles, inner_k, decides)
        all_ex += held_ex
        all_chosen += chosen
        margins.append(m)
        overrides = {r: overrides[r] + o[r] for r in roles}
    label = "".join(sorted({parts.get(a, "?") for a in rest}))
    out[label] = _entry(articles, set(rest), all_ex, all_chosen, texts, folds=k, margins=margins,
                        overrides=overrides, changes=changes(all_ex, all_chosen))
    return out


#: the label of the pooled held-out entry of ``leave_part_out``
POOLED = "pooled"


def gains(result: dict) -> dict[str, float]:
    """Ranker minus rules per figure, for one part's entry of ``leave_part_out``."""
    return {m: round(result["with_ranker"][m] - result["rules_only"][m], 4) for m in PART_METRICS}


def ships(table: dict[str, dict]) -> bool:
    """Session 18's rule (ranker19; docs/role-ranker.md), the parts read here:
    (a) pooled over the held-out parts, the key mean gains at least ``MIN_MEAN_GAIN`` and
    event F1 gains (> 0); (b) no part, held out or the A-C CV, loses more than ``MAX_LOSS``
    of either; (c) the held-out overrides on unpaired events are no more than the net key
    fixes on paired events. (d)-(f) -- part I, TEST, the unseen read -- are read outside."""
    per = {label: gains(r) for label, r in table.items()}
    pooled = per[POOLED]
    done = table[POOLED]["changes"]
    no_loss = all(g[m] >= -MAX_LOSS for g in per.values() for m in ("key_mean", "event_f1"))
    return (pooled["key_mean"] >= MIN_MEAN_GAIN and pooled["event_f1"] > 0 and no_loss
            and done["unpaired"] <= done["fixed"] - done["broken"])
