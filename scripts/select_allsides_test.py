"""Pick the articles of the held-out ``allsides-test`` event gold, reproducibly.

    python scripts/select_allsides_test.py            # prints the ids
    python scripts/select_allsides_test.py --write    # also writes src/sitrep/eval/gold/allsides-test/ids.txt

Rule (stratified like the allsides-dev choice: a mix of crises, outlets, lengths and
dates): from ``../shared/data/allsides-intl/articles.jsonl`` keep the articles that are
not in ``dev-gold-ids.txt``, do not share a title with a dev article, and have a body of
1,500-7,000 characters. Each is put in the first crisis bucket its TITLE matches
(``BUCKETS`` below, in order). Candidates of each bucket are shuffled with a fixed seed
and taken in that order, one article per outlet over the whole set, until the bucket's
quota is met; ``UNDATED`` of the 12 articles come from those without a publication date
(the dev set has 6 of 30 undated), the rest from dated ones.
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path
from typing import Callable

SEED = 20261130
MIN_CHARS, MAX_CHARS = 1500, 7000
UNDATED = 2
# (bucket, title pattern, quota); quotas sum to 12
BUCKETS = [
    ("venezuela", r"venezuel|maduro|guaid", 2),
    ("syria", r"syria|assad|aleppo|isis|islamic state", 2),
    ("iran", r"\biran", 2),
    ("ukraine-russia", r"ukrain|crimea|russia|putin|kremlin", 2),
    ("north-korea", r"north korea|pyongyang|kim jong", 2),
    ("israel-gaza", r"israel|gaza|hamas|palestin|hezbollah", 1),
    ("other", r"afghan|taliban|iraq|yemen|houthi|libya|saudi|myanmar|rohingya|hong kong|taiwan", 1),
]
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "allsides-intl"
OUT = ROOT / "src" / "sitrep" / "eval" / "gold" / "allsides-test" / "ids.txt"


def bucket_of(title: str) -> str | None:
    for name, pattern, _ in BUCKETS:
        if re.search(pattern, title, re.IGNORECASE):
            return name
    return None


def load_records(data: Path = DATA) -> list[dict]:
    """Every article of the allsides-intl corpus, in file order."""
    with open(data / "articles.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def draw(records: list[dict], seed: int, excluded: set[str],
         keep: Callable[[dict], bool] = lambda r: True) -> list[tuple[str, dict]]:
    """(bucket, record) for the 12 articles drawn by the bucket/quota/outlet rule.

    Candidates are the records not in ``excluded``, not sharing a title with an excluded
    record, with a body of ``MIN_CHARS``-``MAX_CHARS`` characters and for which ``keep``
    holds; the shuffle of each bucket uses ``random.Random(seed)``. The dev draw
    (``select_allsides_dev.py``) uses this with its own seed, exclusions and ``keep``.
    """
    excluded_titles = {r["title"].strip().lower() for r in records if r["id"] in excluded}
    pools: dict[str, list[dict]] = {name: [] for name, _, _ in BUCKETS}
    for r in records:
        if r["id"] in excluded or r["title"].strip().lower() in excluded_titles:
            continue
        if not MIN_CHARS <= len(r["text"]) <= MAX_CHARS or not keep(r):
            continue
        b = bucket_of(r["title"])
        if b:
            pools[b].append(r)
    rng = random.Random(seed)
    for name in pools:
        pools[name].sort(key=lambda r: r["id"])
        rng.shuffle(pools[name])
    # which picks are undated: the last bucket slots, so the mix of crises is kept
    slots = [(name, i) for name, _, quota in BUCKETS for i in range(quota)]
    undated_slots = set(slots[::len(slots) // UNDATED][:UNDATED]) if UNDATED else set()
    chosen, outlets, owed_undated = [], set(), 0
    for name, i in slots:
        want_undated = (name, i) in undated_slots or owed_undated > 0
        pick = _first_free(pools[name], chosen, outlets, undated=want_undated)
        if pick is None and want_undated:
            # a bucket with no undated candidate left passes its undated slot on to the
            # next slot (never needed by the test draw; the dev draw's Venezuela pool is dated only)
            pick = _first_free(pools[name], chosen, outlets, undated=False)
            owed_undated += (name, i) in undated_slots
        elif want_undated and (name, i) not in undated_slots:
            owed_undated -= 1
        if pick is None:
            sys.exit(f"no candidate left for bucket {name}")
        chosen.append((name, pick))
        outlets.add(pick["source"])
    return chosen


def _first_free(pool: list[dict], chosen: list[tuple[str, dict]], outlets: set[str],
                undated: bool) -> dict | None:
    """The first record of ``pool`` that is (un)dated as asked, of an unused outlet, not yet chosen."""
    taken = {c["id"] for _, c in chosen}
    for r in pool:
        if (r["published"] is None) == undated and r["source"] not in outlets and r["id"] not in taken:
            return r
    return None


def select(data: Path = DATA) -> list[tuple[str, dict]]:
    """The allsides-test draw: seed ``SEED``, every dev-gold article excluded."""
    dev = set((data / "dev-gold-ids.txt").read_text().split())
    return draw(load_records(data), SEED, dev)


def main(argv: list[str]) -> int:
    chosen = select()
    for name, r in chosen:
        print(f"{r['id']}\t{name}\t{r['published']}\t{r['source']}\t{len(r['text'])}")
    if "--write" in argv:
        OUT.write_text("".join(r["id"] + "\n" for _, r in chosen))
        print(f"wrote {len(chosen)} ids to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
