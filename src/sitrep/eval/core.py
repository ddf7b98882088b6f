"""Scoring primitives shared by every gold set, and the registry of gold sets.

A gold set is a module in ``sitrep.eval.sets`` with:
  NAME (str), STAGE (str), DESCRIPTION (str), ANCHOR (str: the published figure compared to)
  available(data_dir: Path) -> bool
  evaluate(kb, data_dir: Path, limit: int | None, show_errors: int) -> EvalResult
User gold files in the documented JSONL formats (docs/gold-formats.md) go through
``evaluate_file`` of the stage's module.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

#: gold-set modules, in report order
SET_MODULES = (
    "sitrep.eval.sets.news_html",
    "sitrep.eval.sets.plover_gsr",
    "sitrep.eval.sets.allsides_dev",
    "sitrep.eval.sets.allsides_test",
    "sitrep.eval.sets.petrarch",
    "sitrep.eval.sets.muc4",
    "sitrep.eval.sets.polnear",
    "sitrep.eval.sets.tempeval",
    "sitrep.eval.sets.meantime",
    "sitrep.eval.sets.pubdate",
    "sitrep.eval.sets.pubdate_dev",
    "sitrep.eval.sets.geowebnews",
    "sitrep.eval.sets.newsquant",
    "sitrep.eval.sets.incidents",
    "sitrep.eval.sets.demo",
)


@dataclass
class PRF:
    """Counts for precision / recall / F1."""
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "PRF") -> "PRF":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def to_dict(self) -> dict[str, float]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def macro_f1(per_label: dict[str, PRF]) -> float:
    scored = [s for s in per_label.values() if s.tp + s.fp + s.fn]
    return sum(s.f1 for s in scored) / len(scored) if scored else 0.0


@dataclass
class EvalResult:
    set_name: str
    stage: str
    #: metric name -> PRF (reported as P/R/F1) or a float (accuracy, rate, ...)
    metrics: dict[str, Any] = field(default_factory=dict)
    n_items: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    #: human-readable misses / false alarms (for --show-errors)
    errors: list[str] = field(default_factory=list)
    #: the published anchor figure this is compared with
    anchor: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.set_name, "stage": self.stage, "n_items": self.n_items,
            "seconds": round(self.seconds, 2), "anchor": self.anchor, "notes": self.notes,
            "metrics": {k: (v.to_dict() if isinstance(v, PRF) else v) for k, v in self.metrics.items()},
        }


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: Iterable[tuple[int, int]], predicted: Iterable[tuple[int, int]],
                exact: bool = False) -> tuple[PRF, list[tuple[tuple[int, int], tuple[int, int]]]]:
    """Greedy one-to-one matching of spans; returns counts and the matched pairs."""
    gold = sorted(gold)
    predicted = sorted(predicted)
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(predicted):
            if i in used:
                continue
            if (p == g) if exact else spans_overlap(p, g):
                used.add(i)
                pairs.append((g, p))
                break
    counts = PRF(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    return counts, pairs


def default_data_dir() -> Optional[Path]:
    """``$SITREP_DATA``, else ``shared/data`` next to the project or the working directory."""
    env = os.environ.get("SITREP_DATA")
    if env:
        return Path(env)
    candidates = [Path.cwd() / "../shared/data", Path.cwd() / "shared/data",
                  Path(__file__).resolve().parents[3] / "../shared/data"]
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    return None


def load_sets() -> list[Any]:
    modules = []
    for name in SET_MODULES:
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
    return modules


def read_jsonl(path: Path, limit: Optional[int] = None, keep=None) -> list[dict]:
    """The records of a JSONL gold file; ``keep`` (a predicate) filters before ``limit`` counts."""
    import json

    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            if keep is None or keep(row):
                rows.append(row)
                if limit is not None and len(rows) >= limit:
                    break
    return rows


def analyse_gold(kb, articles: list, until: Optional[str] = None, batch_size: int = 16) -> list:
    """The real pipeline up to ``until`` on gold texts (Pipeline.pipe, spaCy in batches).

    The clean stage is left out on purpose: it rewrites whitespace, and gold offsets must
    keep pointing into the text exactly as the gold set gives it. An error is raised, not
    skipped: a scorer must not silently score fewer items.
    """
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline.default(until=until, clean=False, batch_size=batch_size, kb=kb)
    return list(pipeline.pipe(articles, on_error="raise"))


def context(text: str, span: tuple[int, int], width: int = 80) -> str:
    """The text around a span, on one line, with the span in [brackets]."""
    s, e = span
    left = text[max(0, s - width):s].replace("\n", " ")
    right = text[e:e + width].replace("\n", " ")
    return f"…{left}[{text[s:e]}]{right}…"
