"""The brief's figure: event counts over time by PLOVER quad class (PNG and SVG)."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Iterable, Optional

QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
COLOURS = {"verbal cooperation": "#4c9be8", "material cooperation": "#1f5fa8",
           "verbal conflict": "#f0a030", "material conflict": "#c8302c"}


def bucket_of(day: date, span_days: int) -> date:
    """Days for short spans, ISO weeks (Mondays) up to a year, months beyond."""
    if span_days <= 45:
        return day
    if span_days <= 400:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def counts_by_quad(events: Iterable[tuple[Optional[date], Optional[str]]]) -> tuple[list[date], dict[str, list[int]], str]:
    """(bucket starts, quad -> counts per bucket, bucket name) from (date, quad class) pairs."""
    dated = [(d, q) for d, q in events if d is not None and q]
    if not dated:
        return [], {q: [] for q in QUADS}, "day"
    lo, hi = min(d for d, _ in dated), max(d for d, _ in dated)
    span = (hi - lo).days
    unit = "day" if span <= 45 else "week" if span <= 400 else "month"
    counts: dict[str, Counter] = defaultdict(Counter)
    for d, q in dated:
        counts[q][bucket_of(d, span)] += 1
    buckets = sorted({b for c in counts.values() for b in c})
    return buckets, {q: [counts[q][b] for b in buckets] for q in QUADS}, unit


def plot_events(events: Iterable[tuple[Optional[date], Optional[str]]], out_dir: str | Path,
                stem: str = "events_by_quad", title: str = "Events by PLOVER quad class") -> list[Path]:
    """Write ``stem``.png and ``stem``.svg into out_dir; returns the paths written."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    buckets, series, unit = counts_by_quad(events)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    fig, ax = plt.subplots(figsize=(8, 3.6), dpi=110)
    if buckets:
        bottom = [0] * len(buckets)
        width = {"day": 0.8, "week": 5.5, "month": 24}[unit]
        for q in QUADS:
            values = series[q]
            if any(values):
                ax.bar(buckets, values, width=width, bottom=bottom, label=q, color=COLOURS[q])
                bottom = [b + v for b, v in zip(bottom, values)]
        ax.legend(fontsize=8, frameon=False, loc="upper left")
        fig.autofmt_xdate()
    else:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
    ax.set_ylabel(f"events per {unit}")
    ax.set_title(title, fontsize=10)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    paths = [out / f"{stem}.png", out / f"{stem}.svg"]
    for p in paths:
        fig.savefig(p, metadata={"Date": None} if p.suffix == ".svg" else None)
    plt.close(fig)
    return paths
