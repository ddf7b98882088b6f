"""The bundled demo corpus (see README.md here), its hand-made gold, and the demo run.

``run_demo`` is what `sitrep demo` does: ingest the corpus into a store that is kept
(``<out>/sitrep.duckdb``, so the commands a newcomer tries next have data), write
``brief.md``, ``brief.html`` and the plot next to it, and return the three commands to try
next -- the same three the README shows. Running it again reuses the store (nothing is
ingested twice) and rewrites the briefs.
"""
from __future__ import annotations

import json
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

DEMO_DIR = Path(__file__).parent
GOLD_INCIDENTS = DEMO_DIR / "gold" / "incidents.jsonl"
DEFAULT_OUT = Path("sitrep-demo")
#: what to try after the demo, with {db} and {out} filled in (the README shows these)
NEXT_COMMANDS = (
    "sitrep events --db {db} --type ASSAULT --limit 10",
    "sitrep incidents --db {db} --about Venezuela",
    "sitrep export --db {db} --format csv {out}/export",
)


@dataclass
class DemoResult:
    db: Path
    brief_md: Path
    brief_html: Path
    summary_lines: list[str] = field(default_factory=list)
    next_commands: list[str] = field(default_factory=list)


def next_commands(db: Path, out: Path) -> list[str]:
    return [c.format(db=shlex.quote(str(db)), out=shlex.quote(str(out))) for c in NEXT_COMMANDS]


def run_demo(out: Path = DEFAULT_OUT, db: Optional[Path] = None, workers: Optional[int] = None,
             progress: Optional[bool] = None) -> DemoResult:
    """Ingest the demo corpus into ``db`` (default ``<out>/sitrep.duckdb``), write the briefs."""
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store
    from sitrep.report import html as html_renderer
    from sitrep.report import markdown
    from sitrep.report.compose import compose
    from sitrep.report.output import chart_path, link_from, write_chart

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    db = Path(db) if db else out / "sitrep.duckdb"
    with Store(db) as store:
        summary = ingest([str(p) for p in demo_inputs()], store, workers=workers, progress=progress)
        brief = compose(store)  # once, rendered twice: the Markdown and the HTML tell the same
    result = DemoResult(db=db, brief_md=out / "brief.md", brief_html=out / "brief.html",
                        summary_lines=summary.lines(), next_commands=next_commands(db, out))
    chart = chart_path(str(result.brief_md), None) if brief.activity is not None else None
    result.brief_md.write_text(markdown.render(brief, link_from(str(result.brief_md), chart) if chart else None),
                               encoding="utf-8")
    if chart:
        write_chart(chart, html_renderer.chart_svg(brief))
    result.brief_html.write_text(html_renderer.render(brief, with_chart=brief.activity is not None),
                                 encoding="utf-8")
    return result


def demo_inputs() -> list[Path]:
    """Every input file of the demo corpus, in a stable order."""
    return ([DEMO_DIR / "articles.jsonl"] + sorted((DEMO_DIR / "html").glob("*.html"))
            + sorted((DEMO_DIR / "text").glob("*.txt")) + sorted((DEMO_DIR / "feeds").glob("*.xml")))


def load_gold(path: Path = GOLD_INCIDENTS) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def article_matches(article, key: str) -> bool:
    """Gold rows name their article by JSONL id, feed/page URL, or ``html/<file>``-style path."""
    if article.id == key or (article.url and article.url == key):
        return True
    origin = (article.origin or "").replace("\\", "/")
    return "/" in key and origin.endswith("/" + key)
