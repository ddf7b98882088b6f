"""Select the 80-article Venezuela + Syria sample of allsides-intl the dashboard is
looked at with (40 about Venezuela, 40 about Syria, the most recent of each) and write
it as JSONL for `sitrep ingest`. The texts stay outside the project (publishers' copyright).

    python bench/make_web_sample.py /tmp/web/sample.jsonl
    sitrep ingest /tmp/web/sample.jsonl --db /tmp/web/sample.duckdb

The moderate store of the web benchmark (bench_web.py) is instead the 600 most recent
dated articles, whatever their topic (``--recent 600``).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "allsides-intl" / "articles.jsonl"
TOPICS = {"venezuela": re.compile(r"Venezuel|Maduro|Guaid"), "syria": re.compile(r"Syria")}
PER_TOPIC = 40


def select(path: Path, per_topic: int = PER_TOPIC) -> list[dict]:
    """The most recent dated articles whose title names the topic, topped up with ones
    whose body does, ``per_topic`` for each topic (an article counts for one topic)."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r.get("published")]
    rows.sort(key=lambda r: (r["published"], r["id"]), reverse=True)
    chosen: dict[str, dict] = {}
    for pattern in TOPICS.values():
        in_title = [r for r in rows if pattern.search(r.get("title") or "") and r["id"] not in chosen]
        in_body = [r for r in rows if pattern.search(r.get("text") or "") and r["id"] not in chosen
                   and r not in in_title]
        for r in (in_title + in_body)[:per_topic]:
            chosen[r["id"]] = r
    return _plain(chosen.values())


def recent(path: Path, count: int) -> list[dict]:
    """The ``count`` most recent dated articles (ties by id), oldest first."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = sorted((r for r in rows if r.get("published")), key=lambda r: (r["published"], r["id"]), reverse=True)
    return _plain(rows[:count])


def _plain(rows) -> list[dict]:
    """The fields `sitrep ingest` reads, oldest article first."""
    keep = ("id", "title", "published", "source", "url", "text")
    return [{k: r.get(k) for k in keep} for r in sorted(rows, key=lambda r: (r["published"], r["id"]))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="JSONL file to write")
    parser.add_argument("--data", default=str(DATA), help="allsides-intl articles.jsonl")
    parser.add_argument("--recent", type=int, metavar="N",
                        help="the N most recent dated articles instead of the Venezuela + Syria sample")
    args = parser.parse_args()
    if not Path(args.data).exists():
        print(f"no allsides-intl data at {args.data}", file=sys.stderr)
        return 2
    rows = recent(Path(args.data), args.recent) if args.recent else select(Path(args.data))
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
