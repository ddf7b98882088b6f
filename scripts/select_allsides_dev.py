"""Pick the 12 articles of part D of the ``allsides-dev`` event gold, reproducibly.

    python scripts/select_allsides_dev.py --exclude /tmp/s11/gold12-exclude.ids           # prints the ids
    python scripts/select_allsides_dev.py --exclude /tmp/s11/gold12-exclude.ids --write   # also writes ids-D.txt

The bucket, quota, length, undated and one-per-outlet rule is the allsides-test rule
(``select_allsides_test.draw``), with its own seed (``SEED``). Candidates are the articles
that are in none of:

* the first 30 dev articles (``../shared/data/allsides-intl/dev-gold-ids.txt``),
* the held-out test gold (``src/sitrep/eval/gold/allsides-test/ids.txt``),
* the real-news incident gold (``src/sitrep/eval/gold/incidents-real/gold.jsonl``),
* every ``--exclude`` file (articles the team read elsewhere, e.g. in audits),

nor share a title with one of them, and whose ``sha1(id)`` ends in an EVEN hex digit: a
new test part is drawn from the odd half, so the two draws can never overlap.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_allsides_test import DATA, ROOT, draw, load_records  # noqa: E402

SEED = 20261202
GOLD = ROOT / "src" / "sitrep" / "eval" / "gold"
OUT = GOLD / "allsides-dev" / "ids-D.txt"
TEST_IDS = GOLD / "allsides-test" / "ids.txt"
INCIDENT_GOLD = GOLD / "incidents-real" / "gold.jsonl"


def in_even_half(article_id: str) -> bool:
    """True when the last hex digit of the id's SHA-1 is even (the dev half)."""
    return int(hashlib.sha1(article_id.encode()).hexdigest()[-1], 16) % 2 == 0


def read_ids(path: Path) -> set[str]:
    """The ids of a one-id-per-line file (blank lines ignored)."""
    return {line.strip() for line in path.read_text().splitlines() if line.strip()}


def incident_gold_ids(path: Path = INCIDENT_GOLD) -> set[str]:
    """The articles of the real-news incident gold (its ``article`` records)."""
    ids = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec.get("article"):
                ids.add(rec["article"])
    return ids


def excluded_ids(data: Path = DATA, extra: list[Path] = ()) -> set[str]:
    """Every article id a part-D candidate must not be."""
    seen = read_ids(data / "dev-gold-ids.txt") | read_ids(TEST_IDS) | incident_gold_ids()
    for path in extra:
        seen |= read_ids(path)
    return seen


def select(data: Path = DATA, extra: list[Path] = ()) -> list[tuple[str, dict]]:
    """(bucket, record) of the 12 part-D articles, in slot order."""
    return draw(load_records(data), SEED, excluded_ids(data, extra), keep=lambda r: in_even_half(r["id"]))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a file of article ids to leave out; repeatable")
    parser.add_argument("--write", action="store_true", help=f"write the ids to {OUT}")
    args = parser.parse_args(argv)
    chosen = select(extra=args.exclude)
    for name, r in chosen:
        print(f"{r['id']}\t{name}\t{r['published']}\t{r['source']}\t{len(r['text'])}")
    if args.write:
        OUT.write_text("".join(r["id"] + "\n" for _, r in chosen))
        print(f"wrote {len(chosen)} ids to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
