"""The brief's chart: events per article published, by day (or week, month) and PLOVER
quad class -- the intensity of what is reported, not the volume of reporting.

``activity_png(activity)`` returns PNG bytes (embedded in the HTML, written next to a
Markdown output); nothing here touches the file system.
"""
from __future__ import annotations

import io
from typing import Optional

from sitrep.report.content import Activity

QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
COLOURS = {"verbal cooperation": "#7fb2e5", "material cooperation": "#1f5fa8",
           "verbal conflict": "#f0a030", "material conflict": "#c8302c"}
WIDTH = {"day": 0.8, "week": 5.5, "month": 24}


def activity_png(activity: Optional[Activity], title: str = "Events per article, by PLOVER quad class") -> bytes:
    """A stacked bar chart of ``activity`` as PNG bytes (a 'no data' panel when empty)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3.2), dpi=110)
    try:
        has_data = activity is not None and any(any(v) for v in activity.per_article.values())
        if has_data:
            bottom = [0.0] * len(activity.buckets)
            for quad in QUADS:
                values = activity.per_article.get(quad) or [0.0] * len(activity.buckets)
                if any(values):
                    ax.bar(activity.buckets, values, width=WIDTH[activity.unit], bottom=bottom, label=quad,
                           color=COLOURS[quad])
                    bottom = [b + v for b, v in zip(bottom, values)]
            ax.legend(fontsize=8, frameon=False, loc="upper left", ncol=2)
            fig.autofmt_xdate()
            unit = activity.unit
        else:
            ax.text(0.5, 0.5, "no dated events in the period", ha="center", va="center", transform=ax.transAxes)
            unit = activity.unit if activity else "day"
        ax.set_ylabel(f"events per article ({unit})", fontsize=9)
        ax.set_title(title, fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        fig.tight_layout()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", metadata={"Software": None})
        return buf.getvalue()
    finally:
        plt.close(fig)
