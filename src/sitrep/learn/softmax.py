"""L2-regularised multinomial logistic regression (softmax) on binary features, in numpy.

The type re-scorer needs one probability per PLOVER type. ``logreg`` fits a binary model
by Newton's method, whose d x d Hessian is too slow for a few thousand features times
sixteen classes on a busy machine; this one minimises the same kind of loss by
Nesterov-accelerated gradient descent with the step 1/L (L bounded from the data by power
iteration), from zero weights: deterministic, no random start. Applying it is a sum of
the weights of the features present, per class, and a softmax.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from sitrep.learn.logreg import design, vocabulary

Features = Mapping[str, float]


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _lipschitz(xb: np.ndarray, l2: float) -> float:
    """An upper bound of the loss's gradient Lipschitz constant: 0.5 * |X|^2 + l2 (power iteration)."""
    v = np.ones(xb.shape[1]) / np.sqrt(xb.shape[1])
    top = 1.0
    for _ in range(30):
        u = xb.T @ (xb @ v)
        top = float(np.linalg.norm(u))
        v = u / top if top else v
    return 0.5 * top * 1.05 + l2


def fit(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float = 1.0,
        iterations: int = 400, tol: float = 1e-4) -> tuple[np.ndarray, np.ndarray]:
    """(weights d x k, bias k) minimising the summed log loss + ``l2/2 * |W|^2``."""
    n, d = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    onehot = np.zeros((n, n_classes))
    onehot[np.arange(n), y] = 1.0
    penalty = np.full((d + 1, 1), l2)
    penalty[-1] = 0.0
    step = 1.0 / _lipschitz(xb, l2)
    w = np.zeros((d + 1, n_classes))
    previous = w.copy()
    for t in range(1, iterations + 1):
        look = w + (t - 1) / (t + 2) * (w - previous)
        grad = xb.T @ (_softmax(xb @ look) - onehot) + penalty * look
        previous, w = w, look - step * grad
        if np.max(np.abs(grad)) < tol:
            break
    return w[:-1], w[-1]


@dataclass
class Model:
    """Per-class weights over a feature vocabulary; ``probabilities(features)``."""
    vocab: list[str]
    classes: list[str]
    weights: np.ndarray  # len(vocab) x len(classes)
    bias: np.ndarray
    threshold: float = 0.0
    header: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.weights = np.asarray(self.weights, dtype=float).reshape(len(self.vocab), len(self.classes))
        self.bias = np.asarray(self.bias, dtype=float)
        self._index = {name: i for i, name in enumerate(self.vocab)}

    def probabilities(self, features: Features) -> np.ndarray:
        z = self.bias.copy()
        for name, value in features.items():
            i = self._index.get(name)
            if i is not None:
                z += value * self.weights[i]
        return _softmax(z[None, :])[0]

    def probabilities_many(self, rows: Sequence[Features]) -> list[np.ndarray]:
        return [self.probabilities(r) for r in rows]

    def to_json(self) -> dict:
        """Weights per feature as {class: weight}, zeros left out (readable, small)."""
        weights = {}
        for name, row in zip(self.vocab, self.weights):
            kept = {c: round(float(w), 5) for c, w in zip(self.classes, row) if abs(w) >= 1e-5}
            if kept:
                weights[name] = kept
        return {"header": self.header, "threshold": self.threshold, "classes": self.classes,
                "bias": {c: round(float(b), 5) for c, b in zip(self.classes, self.bias)}, "weights": weights}

    @classmethod
    def from_json(cls, data: dict) -> "Model":
        classes = list(data["classes"])
        vocab = list(data["weights"])
        w = np.zeros((len(vocab), len(classes)))
        col = {c: j for j, c in enumerate(classes)}
        for i, name in enumerate(vocab):
            for c, value in data["weights"][name].items():
                w[i, col[c]] = value
        return cls(vocab, classes, w, np.array([data["bias"][c] for c in classes]),
                   float(data.get("threshold", 0.0)), data.get("header", {}))


def train(rows: Sequence[Features], labels: Sequence[int], n_classes: int, classes: Sequence[str] = (),
          l2: float = 1.0, min_count: int = 2) -> Model:
    from sitrep.model import PLOVER_TYPES

    vocab = vocabulary(rows, min_count)
    w, b = fit(design(rows, vocab), np.asarray(labels, dtype=int), n_classes, l2)
    return Model(vocab, list(classes or PLOVER_TYPES[:n_classes]), w, b)
