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


def select(data: Path = DATA) -> list[tuple[str, dict]]:
    dev = set((data / "dev-gold-ids.txt").read_text().split())
    records = [json.loads(line) for line in open(data / "articles.jsonl", encoding="utf-8")]
    dev_titles = {r["title"].strip().lower() for r in records if r["id"] in dev}
    pools: dict[str, list[dict]] = {name: [] for name, _, _ in BUCKETS}
    for r in records:
        if r["id"] in dev or r["title"].strip().lower() in dev_titles:
            continue
        if not MIN_CHARS <= len(r["text"]) <= MAX_CHARS:
            continue
        b = bucket_of(r["title"])
        if b:
            pools[b].append(r)
    rng = random.Random(SEED)
    for name in pools:
        pools[name].sort(key=lambda r: r["id"])
        rng.shuffle(pools[name])
    # which picks are undated: the last bucket slots, so the mix of crises is kept
    slots = [(name, i) for name, _, quota in BUCKETS for i in range(quota)]
    undated_slots = set(slots[::len(slots) // UNDATED][:UNDATED]) if UNDATED else set()
    chosen, outlets = [], set()
    for name, i in slots:
        want_undated = (name, i) in undated_slots
        for r in pools[name]:
            if (r["published"] is None) != want_undated or r["source"] in outlets:
                continue
            if any(r["id"] == c["id"] for _, c in chosen):
                continue
            chosen.append((name, r))
            outlets.add(r["source"])
            break
        else:
            sys.exit(f"no candidate left for bucket {name}")
    return chosen


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
