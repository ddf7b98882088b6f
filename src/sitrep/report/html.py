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
from sitrep.report.markdown import ARROWS, CHANGE_RULE, FEW_ARTICLES, TIMELINE_RULE, per_article
from sitrep.report.safety import quoted

TEMPLATES = Path(__file__).parent / "templates"


def _bytecode_cache():
    """Compiled templates kept under ``~/.cache/sitrep/jinja`` (``SITREP_CACHE`` moves it):
    compiling the page's templates took a second or two of every ``sitrep brief`` on a
    loaded machine. Jinja2 keys each entry by the template's source checksum and Python
    version. The cache is an optimisation only: without a home, a writable folder or disk
    space, templates are simply compiled each time and the brief is still written."""
    import jinja2

    class QuietCache(jinja2.FileSystemBytecodeCache):
        def load_bytecode(self, bucket):
            try:
                super().load_bytecode(bucket)
            except OSError:
                pass

        def dump_bytecode(self, bucket):
            try:
                super().dump_bytecode(bucket)
            except OSError:  # read-only or full: the brief must not fail for a cache
                pass

    try:
        root = Path(os.environ["SITREP_CACHE"]) if os.environ.get("SITREP_CACHE") \
            else Path.home() / ".cache" / "sitrep"
        folder = root / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError, KeyError):  # no home directory, or not creatable
        return None
    return QuietCache(str(folder))


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
        change_rule=CHANGE_RULE, per_article=per_article,
        chart=chart_of(brief.activity) if with_chart and brief.activity else None,
        map=incident_map(brief.places) if with_map else None)


def chart_svg(brief: Brief) -> str:
    """The chart alone, as an SVG file (next to a Markdown brief)."""
    svg = environment().get_template("chart.svg.j2").render(chart=chart_of(brief.activity))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"
