"""The brief as one self-contained HTML page, rendered from the brief's data by Jinja2
with autoescaping (never converted from Markdown).

Everything is inside the file: the style sheet, the chart and the map (inline SVG, the
map from the shipped country outlines), so the page works offline and prints.
A Content-Security-Policy forbids scripts and any remote load as a second line of
defence; the first is that no article text ever becomes markup.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

from sitrep.report.chart import chart as chart_of
from sitrep.report.content import POSITION_KINDS, Brief
from sitrep.report.geomap import incident_map
from sitrep.report.markdown import ARROWS, FEW_ARTICLES, TIMELINE_RULE
from sitrep.report.safety import quoted

TEMPLATES = Path(__file__).parent / "templates"


def _bytecode_cache():
    """Compiled templates kept under ``~/.cache/sitrep/jinja`` (``SITREP_CACHE`` moves it):
    compiling the page's templates took a second or two of every ``sitrep brief`` on a
    loaded machine. Jinja2 keys each entry by the template's source checksum and Python
    version; without a writable cache folder templates are simply compiled each time."""
    import jinja2
    folder = Path(os.environ.get("SITREP_CACHE", Path.home() / ".cache" / "sitrep")) / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


@functools.lru_cache(maxsize=1)
def environment():
    import jinja2
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=False, lstrip_blocks=False,
                             bytecode_cache=_bytecode_cache())
    env.filters["quoted"] = quoted  # returns plain text: autoescaping still applies
    return env


def render(brief: Brief, with_chart: bool = True, with_map: bool = True) -> str:
    """The page for ``brief``."""
    env = environment()
    css = (TEMPLATES / "brief.css").read_text(encoding="utf-8")
    return env.get_template("brief.html.j2").render(
        brief=brief, css=css, arrows=ARROWS, position_kinds=POSITION_KINDS, few_articles=FEW_ARTICLES, timeline_rule=TIMELINE_RULE,
        chart=chart_of(brief.activity) if with_chart and brief.activity else None,
        map=incident_map(brief.places) if with_map else None)


def chart_svg(brief: Brief) -> str:
    """The chart alone, as an SVG file (next to a Markdown brief)."""
    svg = environment().get_template("chart.svg.j2").render(chart=chart_of(brief.activity))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"
