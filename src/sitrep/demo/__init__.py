"""The bundled demo corpus (see README.md here) and its hand-made gold."""
from __future__ import annotations

import json
from pathlib import Path

DEMO_DIR = Path(__file__).parent
GOLD_INCIDENTS = DEMO_DIR / "gold" / "incidents.jsonl"


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
