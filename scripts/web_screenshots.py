"""Screenshots of every dashboard page, taken in headless Chromium from the bundled demo
corpus, into docs/screenshots/ (the pictures docs/api.md links).

    python scripts/web_screenshots.py                 # builds the demo store first (~1 min)
    python scripts/web_screenshots.py --db demo.duckdb

Needs Debian's chromium and the playwright package (pip install -e '.[test]').
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

#: (file name, path, what to wait for)
PAGES = [
    ("overview", "/?since=2025-09-01&until=2025-09-30", "#count-incidents"),
    ("incidents", "/incidents?about=Venezuela", "#result-count"),
    ("map", "/map", "svg#map"),
    ("actors", "/actors", "#actors"),
    ("brief", "/brief", "#brief-frame"),
    ("export", "/export?type=ASSAULT", "#exports"),
    ("live", "/live", "#live-state"),
]


def build_demo(db: Path) -> None:
    from sitrep.cli.corpus import demo_inputs
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store

    with Store(db) as store:
        ingest(demo_inputs(), store, workers=1, progress=False)


def take(db: Path, out: Path) -> list[Path]:
    from web_helpers import Server, browser_page

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with Server(db) as server, browser_page(viewport=(1280, 860)) as page:
        for name, path, ready in PAGES:
            page.goto(server.url + path)
            page.wait_for_selector(ready)
            page.wait_for_load_state("networkidle") if name != "live" else page.wait_for_timeout(800)
            target = out / f"{name}.png"
            page.screenshot(path=str(target))
            written.append(target)
        # the incident with most sources, then its first mention in the article view
        page.goto(server.url + "/incidents?sort=sources")
        page.locator("a.incident-link").first.click()
        page.wait_for_selector("#incident-label")
        page.screenshot(path=str(out / "incident.png"))
        written.append(out / "incident.png")
        page.locator("a.article-link").first.click()
        page.wait_for_selector("#article-text")
        page.screenshot(path=str(out / "article.png"))
        written.append(out / "article.png")
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a store to show (default: build the demo store in a temporary folder)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sitrep-shots-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "demo.duckdb"
        if not args.db:
            build_demo(db)
        for path in take(db, Path(args.out)):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
