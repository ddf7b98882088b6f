"""L2-regularised logistic regression on sparse binary features, in numpy.

Deterministic (Newton's method from zero weights, no random start), small (a few hundred
features, a few hundred examples) and fast to apply: a prediction is a sum of the
weights of the features present. The model is a feature vocabulary, weights, a bias and
a decision threshold, saved as JSON with a header that says how it was made.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import numpy as np

Features = Mapping[str, float]


def vocabulary(rows: Iterable[Features], min_count: int = 2) -> list[str]:
    """Feature names seen in at least ``min_count`` rows, sorted (a stable column order)."""
    seen = Counter(name for row in rows for name in row)
    return sorted(name for name, n in seen.items() if n >= min_count)


def design(rows: Sequence[Features], vocab: Sequence[str]) -> np.ndarray:
    """The dense design matrix of ``rows`` over ``vocab`` (unknown features ignored)."""
    index = {name: i for i, name in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    for r, row in enumerate(rows):
        for name, value in row.items():
            col = index.get(name)
            if col is not None:
                x[r, col] = value
    return x


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50) -> tuple[np.ndarray, float]:
    """(weights, bias) minimising the log loss + ``l2/2 * |w|^2`` (the bias unpenalised)."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 1e-6
    for _ in range(iterations):
        p = _sigmoid(xb @ w)
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w[:-1], float(w[-1])


@dataclass
class Model:
    """A trained filter: ``probability(features)`` and the ``threshold`` to keep an item."""
    vocab: list[str]
    weights: list[float]
    bias: float
    threshold: float
    header: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._w = dict(zip(self.vocab, self.weights))

    def probability(self, features: Features) -> float:
        z = self.bias + sum(self._w.get(name, 0.0) * value for name, value in features.items())
        return float(_sigmoid(np.array(z)))

    def to_json(self) -> dict:
        return {"header": self.header, "threshold": self.threshold, "bias": self.bias,
                "weights": {name: round(w, 6) for name, w in zip(self.vocab, self.weights)}}

    def save(self, path: Path) -> None:
        Path(path).write_text(json.dumps(self.to_json(), indent=1, sort_keys=False) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Model":
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    def from_json(cls, data: dict) -> "Model":
        """The model ``to_json`` wrote (one file may hold several, e.g. one per role)."""
        weights = data["weights"]
        return cls(vocab=list(weights), weights=[float(w) for w in weights.values()],
                   bias=float(data["bias"]), threshold=float(data["threshold"]), header=data.get("header", {}))


def train(rows: Sequence[Features], labels: Sequence[int], l2: float = 1.0, min_count: int = 2,
          threshold: float = 0.5) -> Model:
    vocab = vocabulary(rows, min_count)
    w, b = fit(design(rows, vocab), np.asarray(labels, dtype=float), l2)
    return Model(vocab=vocab, weights=[float(v) for v in w], bias=b, threshold=threshold)
