"""The brief's chart as numbers for an SVG template: events that involve the subject per
article published, by day (week, month for long periods) and PLOVER quad class -- the
intensity of the reporting, not its volume.

Drawn by ``templates/chart.svg.j2`` (inline in the HTML page, or a standalone .svg next
to a Markdown brief): no plotting library, nothing to import at run time, and a vector
image that stays sharp on paper.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Optional

from sitrep.report.content import Activity

QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
COLOURS = {"verbal cooperation": "#7fb2e5", "material cooperation": "#1f5fa8",
           "verbal conflict": "#f0a030", "material conflict": "#c8302c"}
WIDTH, HEIGHT = 640.0, 230.0
LEFT, RIGHT, TOP, BOTTOM = 46.0, 34.0, 30.0, 34.0
MAX_LABELS = 7


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass
class Chart:
    width: float = WIDTH
    height: float = HEIGHT
    unit: str = "day"
    bars: list[Bar] = field(default_factory=list)
    #: (y, label) of the value axis, (x, label) of the time axis
    y_ticks: list[tuple[float, str]] = field(default_factory=list)
    x_ticks: list[tuple[float, str]] = field(default_factory=list)
    legend: list[tuple[float, str, str]] = field(default_factory=list)
    plot_left: float = LEFT
    plot_bottom: float = HEIGHT - BOTTOM
    plot_right: float = WIDTH - RIGHT
    empty: bool = True


def _nice_max(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten that is >= value."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= value)


def _number(value: float) -> str:
    return f"{value:g}"


def chart(activity: Optional[Activity]) -> Chart:
    out = Chart(unit=activity.unit if activity else "day")
    out.legend = [(LEFT + i * 150.0, q, COLOURS[q]) for i, q in enumerate(QUADS)]
    if not activity or not activity.buckets:
        return out
    n = len(activity.buckets)
    totals = [sum(activity.per_article[q][i] for q in QUADS) for i in range(n)]
    top = _nice_max(max(totals))
    plot_h, plot_w = HEIGHT - TOP - BOTTOM, WIDTH - LEFT - RIGHT
    step = plot_w / n
    out.empty = not any(totals)
    for i, day in enumerate(activity.buckets):
        base = 0.0
        for q in QUADS:
            v = activity.per_article[q][i]
            if v:
                h = plot_h * v / top
                y = HEIGHT - BOTTOM - plot_h * base / top - h
                out.bars.append(Bar(round(LEFT + i * step + step * 0.1, 2), round(y, 2), round(step * 0.8, 2),
                                    round(h, 2), COLOURS[q],
                                    f"{day.isoformat()}: {_number(v)} {q} events per article "
                                    f"({activity.articles[i]} articles)"))
                base += v
    out.y_ticks = [(round(HEIGHT - BOTTOM - plot_h * f, 2), _number(top * f)) for f in (0, 0.5, 1)]
    every = max(1, math.ceil(n / MAX_LABELS))
    fmt = (lambda d: d.strftime("%Y-%m")) if activity.unit == "month" else (lambda d: d.isoformat())
    out.x_ticks = [(round(LEFT + i * step + step / 2, 2), fmt(activity.buckets[i])) for i in range(0, n, every)]
    return out
