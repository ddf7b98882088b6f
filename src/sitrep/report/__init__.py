"""The situation report: ``compose`` builds the brief's data from the store (scope,
incidents, sides, figures ...); ``markdown`` and ``html`` render it; ``write_brief`` is
what the ``sitrep brief`` command calls."""
from __future__ import annotations

from typing import Optional


def brief_text(store, *, about: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
               html: bool = False, plot: bool = True, output: Optional[str] = None,
               plot_dir: Optional[str] = None) -> tuple[str, Optional[tuple]]:
    """(the brief as Markdown or HTML, (chart path, SVG text) to write or None)."""
    from sitrep.report import html as html_renderer
    from sitrep.report import markdown
    from sitrep.report.compose import compose
    from sitrep.report.output import chart_path, link_from

    brief = compose(store, about=about, since=since, until=until)
    with_chart = plot and brief.activity is not None
    if html:
        return html_renderer.render(brief, with_chart=with_chart), None
    target = chart_path(output, plot_dir) if with_chart else None
    text = markdown.render(brief, link_from(output, target) if target else None)
    return text, ((target, html_renderer.chart_svg(brief)) if target else None)


def write_brief(store, *, about: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                html: bool = False, plot: bool = True, output: Optional[str] = None,
                plot_dir: Optional[str] = None) -> str:
    """Build the brief and deliver it to ``output`` (or stdout); the chart of a Markdown
    brief goes to ``plot_dir`` or next to ``output``. Returns the text."""
    from sitrep.report.output import deliver, write_chart

    text, chart = brief_text(store, about=about, since=since, until=until, html=html, plot=plot,
                             output=output, plot_dir=plot_dir)
    deliver(text, output, ".html" if html else ".md")
    if chart:
        write_chart(*chart)
    return text
