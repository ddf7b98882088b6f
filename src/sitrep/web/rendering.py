"""How answers are written: the Jinja2 environment of the pages (autoescaping, strict
undefined, the filters the templates use), plain JSON for the API, and the overview's
chart as SVG geometry for its template."""
from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi.responses import Response

from sitrep import __version__
from sitrep.model import CERTAINTY_STATUSES, PLOVER_TYPES
from sitrep.web import highlight, mapview
from sitrep.web.filters import EVENT_SORTS, INCIDENT_SORTS
from sitrep.web.security import safe_url
from sitrep.report.markdown import ARROWS, CHANGE_RULE

TEMPLATES = Path(__file__).parent / "templates"
#: the overview chart's drawing box (SVG units) and its margins for the axis labels
CHART_WIDTH, CHART_HEIGHT, CHART_LEFT, CHART_BOTTOM = 900.0, 220.0, 40.0, 24.0


def iso(value: Any) -> str:
    """A date or time as the pages print it (ISO 8601, minutes for times); '' for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def as_json(value: Any, status: int = 200) -> Response:
    """JSON straight from ``json.dumps`` (rows are already plain): FastAPI's generic
    encoder walks every value again and costs more than the query on a long page."""
    return Response(json.dumps(value, ensure_ascii=False, default=str), status_code=status,
                    media_type="application/json")


def templates():
    """The pages' Jinja2 environment, every template compiled (at start, not by the first
    visitor of each page)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["iso"] = iso
    env.filters["q"] = lambda params: ("?" + "&".join(f"{k}={v}" for k, v in params.items())) if params else ""
    env.globals.update(types=PLOVER_TYPES, statuses=CERTAINTY_STATUSES, colours=mapview.TYPE_COLOURS,
                       version=__version__, layers=highlight.LAYERS, incident_sorts=list(INCIDENT_SORTS),
                       event_sorts=list(EVENT_SORTS), trends=ARROWS, change_rule=CHANGE_RULE)
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)
    return env


def _colour(key: str, group: str) -> str:
    colours = mapview.QUAD_COLOURS if group == "quad" else mapview.TYPE_COLOURS
    return colours.get(key) or "#888"


def chart(ov, group: str) -> dict[str, Any]:
    """A stacked bar chart of the overview's daily series, as SVG geometry for the template."""
    width, height, left, bottom = CHART_WIDTH, CHART_HEIGHT, CHART_LEFT, CHART_BOTTOM
    n = max(1, len(ov.days))
    keys = sorted(ov.series, key=lambda k: -sum(ov.series[k]))
    totals = [sum(ov.series[k][i] for k in keys) for i in range(n)] if keys else [0.0] * n
    top = max(totals) if totals and max(totals) > 0 else 1.0
    step = (width - left) / n
    bars = []
    for i, day in enumerate(ov.days):
        y = height - bottom
        for k in keys:
            v = ov.series[k][i]
            if v <= 0:
                continue
            h = v / top * (height - bottom - 10)
            y -= h
            bars.append({"x": round(left + i * step + step * 0.1, 1), "y": round(y, 1), "w": round(step * 0.8, 1),
                         "h": round(h, 1), "colour": _colour(k, group),
                         "title": f"{day.isoformat()}: {k} {v:.2f}" + (" per article" if ov.normalised else "")})
    ticks = [{"x": round(left + i * step + step / 2, 1), "label": d.isoformat()}
             for i, d in enumerate(ov.days) if i % max(1, n // 6) == 0]
    legend = [(k, _colour(k, group)) for k in keys]
    return {"width": width, "height": height, "bars": bars, "ticks": ticks, "top": top, "left": left,
            "base": height - bottom, "legend": legend}
