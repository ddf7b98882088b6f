"""Cross-document coreference scores over clusterings of the same mentions.

Each clustering is given as one label per mention (``pred[i]`` and ``gold[i]`` label the
same mention i). MUC (links), B-cubed (mentions) and CEAF-e (entities, with the optimal
one-to-one alignment of gold and predicted clusters) are the three scores whose mean is
the CoNLL F1 used for event coreference on ECB+ and the Gun Violence Corpus.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Sequence


def clusters(labels: Sequence[Hashable]) -> list[set[int]]:
    by_label: dict[Hashable, set[int]] = defaultdict(set)
    for i, label in enumerate(labels):
        by_label[label].add(i)
    return list(by_label.values())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Vilain et al. 1995: links of each key cluster kept by the response partition."""
    def recall(key: list[set[int]], response_labels: Sequence[Hashable]) -> float:
        num = den = 0
        for k in key:
            num += len(k) - len({response_labels[i] for i in k})
            den += len(k) - 1
        return num / den if den else 0.0

    r = recall(clusters(gold), pred)
    p = recall(clusters(pred), gold)
    # a clustering with no links on either side scores nothing: MUC ignores singletons
    return p, r, _f1(p, r)


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Bagga & Baldwin 1998: per mention, the share of its predicted cluster in its gold
    cluster (precision) and of its gold cluster in its predicted cluster (recall)."""
    if not pred:
        return 0.0, 0.0, 0.0
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    precision = recall = 0.0
    for p, g in zip(pred, gold):
        both = len(by_pred[p] & by_gold[g])
        precision += both / len(by_pred[p])
        recall += both / len(by_gold[g])
    precision, recall = precision / len(pred), recall / len(pred)
    return precision, recall, _f1(precision, recall)


def ceaf_e(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Luo 2005, entity-based: phi4 similarity 2|K∩R|/(|K|+|R|) summed over the best
    one-to-one alignment of gold clusters K and predicted clusters R."""
    key, response = clusters(gold), clusters(pred)
    if not key or not response:
        return 0.0, 0.0, 0.0
    sim = [[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key]
    total = max_assignment(sim)
    p, r = total / len(response), total / len(key)
    return p, r, _f1(p, r)


def conll(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> dict[str, float]:
    """The three scores and their mean F1 (the CoNLL F1)."""
    out: dict[str, float] = {}
    for name, fn in (("muc", muc), ("bcubed", bcubed), ("ceafe", ceaf_e)):
        p, r, f = fn(pred, gold)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = round(p, 4), round(r, 4), round(f, 4)
    out["conll_f1"] = round((out["muc_f1"] + out["bcubed_f1"] + out["ceafe_f1"]) / 3, 4)
    return out


def max_assignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one matching of rows to columns (Hungarian
    method with potentials, O(n^3) on the square padding of the matrix)."""
    rows, cols = len(weights), len(weights[0]) if weights else 0
    n = max(rows, cols)
    if n == 0:
        return 0.0
    top = max((w for row in weights for w in row), default=0.0)
    # minimise cost = top - weight; padded cells cost `top` (weight 0)
    cost = [[top - (weights[i][j] if i < rows and j < cols else 0.0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    owner, way = [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    total = 0.0
    for j in range(1, n + 1):
        i = owner[j]
        if i and i <= rows and j <= cols:
            total += weights[i - 1][j - 1]
    return total
