"""The Brief page's report: the brief engineer's code (``sitrep.report``) run on the
server's copy of the store for the current ``about``/``since``/``until`` -- the filters
the brief itself has. Nothing here writes a brief of its own.

The HTML brief is a self-contained page with its own style sheet; the server frames it
in a sandbox (see app.py) so that even a faulty brief could run no script.
"""
from __future__ import annotations

from sitrep.web.filters import Filters

#: the filters the brief understands; the page says the others do not narrow it
BRIEF_FILTERS = ("about", "since", "until")


def _day(value) -> str | None:
    return value.isoformat() if value else None


def brief(store, f: Filters, html: bool) -> str:
    """The brief as Markdown (``html=False``) or as one HTML page."""
    about, since, until = f.about, _day(f.since), _day(f.until)
    try:
        from sitrep.report import brief_text
    except ImportError:  # the report package before its rewrite: build_brief + markdown_to_html
        from sitrep.report.brief import build_brief, markdown_to_html
        md = build_brief(store, about=about, since=since, until=until, out_dir=None, plot=False)
        return markdown_to_html(md) if html else md
    text, _chart = brief_text(store, about=about, since=since, until=until, html=html, plot=html)
    return text


def ignored_filters(f: Filters) -> list[str]:
    """Filters set on the page that the brief does not apply."""
    return [k for k in f.params() if k not in BRIEF_FILTERS and k not in ("sort", "page", "per_page")]
