"""Pick the articles of the held-out ``allsides-test`` event gold, reproducibly.

    python scripts/select_allsides_test.py            # prints the ids of part T
    python scripts/select_allsides_test.py --write    # also writes src/sitrep/eval/gold/allsides-test/ids.txt
    python scripts/select_allsides_test.py --part U --exclude FILE [--write]   # part U -> ids-U.txt

Rule (stratified like the allsides-dev choice: a mix of crises, outlets, lengths and
dates): from ``../shared/data/allsides-intl/articles.jsonl`` keep the articles that are
not in ``dev-gold-ids.txt``, do not share a title with a dev article, and have a body of
1,500-7,000 characters. Each is put in the first crisis bucket its TITLE matches
(``BUCKETS`` below, in order). Candidates of each bucket are shuffled with a fixed seed
and taken in that order, one article per outlet over the whole set, until the bucket's
quota is met; ``UNDATED`` of the 12 articles come from those without a publication date
(the dev set has 6 of 30 undated), the rest from dated ones.

Part U (second draw, seed ``PARTS["U"]``) uses the same buckets, quotas and undated
slots, and also leaves out: the articles of part T (and their titles), every article of
the incidents-real gold, the ids of ``--exclude FILE`` (articles the team has already
read), and every article whose ``sha1(id)`` ends in an even hex digit (that half is kept
for new dev draws, so test and dev draws never overlap). One article per outlet holds
over both parts: part T's outlets are taken, and an outlet is the source label without
its section ("Newsmax - News" and "Newsmax" are one outlet: ``outlet_of``; part T is
unchanged by that reading). The 80 articles of the mixed Venezuela/Syria store
(``bench/make_mixed_store.py``; the team has read sitrep's output on them) are *skipped*
after the shuffle (``skip``), not removed before it: that rule was added after the first
part-U draw had taken one of them, and skipping changed 3 of the 12 picks instead of
reshuffling all of them.

Fallback: a slot whose bucket has no candidate left with the wanted dating (undated or
dated) and a new outlet is filled from the next bucket in ``BUCKETS`` order that has one
(part T never needed it; part U does: the venezuela bucket has no undated candidate left
and its one dated candidate is in the mixed store, so both its slots go to syria).
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

SEED = 20261130
# part -> seed; part T is the first draw (ids.txt), U the second (ids-U.txt)
PARTS = {"T": SEED, "U": 20261201}
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
GOLD = ROOT / "src" / "sitrep" / "eval" / "gold"
OUT = GOLD / "allsides-test" / "ids.txt"
INCIDENTS_GOLD = GOLD / "incidents-real" / "gold.jsonl"


def ids_file(part: str) -> Path:
    """Where a part's ids are written: ids.txt for the first part T, ids-X.txt after it."""
    return OUT if part == "T" else OUT.with_name(f"ids-{part}.txt")


def odd_half(article_id: str) -> bool:
    """True for the test half of the corpus: sha1(id) ends in an odd hex digit."""
    return int(hashlib.sha1(article_id.encode()).hexdigest()[-1], 16) % 2 == 1


def incidents_articles(path: Path = INCIDENTS_GOLD) -> set[str]:
    """Every article id of the incidents-real gold (its records carry an ``article`` field)."""
    with open(path, encoding="utf-8") as f:
        return {json.loads(line).get("article") for line in f if line.strip()} - {None}


def bucket_of(title: str) -> str | None:
    for name, pattern, _ in BUCKETS:
        if re.search(pattern, title, re.IGNORECASE):
            return name
    return None


OUTLET_NOISE = re.compile(r"\s+-\s+.*$|\(.*?\)|\b(?:news|online|web|editorial|opinion)\b", re.IGNORECASE)


def outlet_of(source: str) -> str:
    """The outlet behind a corpus source label: "Newsmax - News", "Newsmax" -> "newsmax";
    "NPR Online News", "NPR Editorial" -> "npr"; "Fox News", "Fox Online News" -> "fox"."""
    return " ".join(OUTLET_NOISE.sub(" ", source).lower().split())


def mixed_store_ids(data: Path = DATA, per_subject: int = 40) -> frozenset[str]:
    """The articles of the 80-article mixed Venezuela/Syria store (``bench/make_mixed_store.py``,
    its own selection rerun): the team has read sitrep's output on them (docs/brief.md,
    docs/incidents.md), so a held-out draw must not take them."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_mixed_store", ROOT / "bench" / "make_mixed_store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    excluded = module.gold_ids(data.parent)
    with open(data / "articles.jsonl", encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r["id"] not in excluded]
    ven, syr = module.select(rows, per_subject)
    return frozenset(r["id"] for r in ven + syr)


def _buckets_from(name: str) -> list[str]:
    """The slot's own bucket, then the others in BUCKETS order (wrapping): the fallback order."""
    names = [b for b, _, _ in BUCKETS]
    at = names.index(name)
    return names[at:] + names[:at]


def _first_free(pools, bucket_order, want_undated, outlets, chosen):
    """The first candidate of the first bucket that has one with the wanted dating and a new outlet."""
    chosen_ids = {r["id"] for _, r in chosen}
    for bucket in bucket_order:
        for r in pools[bucket]:
            if (r["published"] is None) == want_undated and outlet_of(r["source"]) not in outlets \
                    and r["id"] not in chosen_ids:
                return bucket, r
    return None


def select(data: Path = DATA, part: str = "T", exclude: frozenset[str] = frozenset(),
           skip: frozenset[str] = frozenset()) -> list[tuple[str, dict]]:
    """The chosen (bucket, article record) pairs of one part, in slot order.

    ``exclude`` leaves articles out before the shuffle; ``skip`` passes over them after it,
    so the order of the other candidates (and every pick not skipped) stays as it was."""
    dev = set((data / "dev-gold-ids.txt").read_text().split())
    records = [json.loads(line) for line in open(data / "articles.jsonl", encoding="utf-8")]
    taken = set(dev)
    outlets: set[str] = set()
    if part != "T":
        earlier = select(data, "T")
        taken |= {r["id"] for _, r in earlier} | incidents_articles() | set(exclude)
        outlets = {outlet_of(r["source"]) for _, r in earlier}
    taken_titles = {r["title"].strip().lower() for r in records if r["id"] in taken}
    pools: dict[str, list[dict]] = {name: [] for name, _, _ in BUCKETS}
    for r in records:
        if r["id"] in taken or r["title"].strip().lower() in taken_titles:
            continue
        if part != "T" and not odd_half(r["id"]):
            continue
        if not MIN_CHARS <= len(r["text"]) <= MAX_CHARS:
            continue
        b = bucket_of(r["title"])
        if b:
            pools[b].append(r)
    rng = random.Random(PARTS[part])
    for name in pools:
        pools[name].sort(key=lambda r: r["id"])
        rng.shuffle(pools[name])
        pools[name] = [r for r in pools[name] if r["id"] not in skip]
    # which picks are undated: the last bucket slots, so the mix of crises is kept
    slots = [(name, i) for name, _, quota in BUCKETS for i in range(quota)]
    undated_slots = set(slots[::len(slots) // UNDATED][:UNDATED]) if UNDATED else set()
    chosen = []
    for name, i in slots:
        want_undated = (name, i) in undated_slots
        picked = _first_free(pools, _buckets_from(name), want_undated, outlets, chosen)
        if picked is None:
            sys.exit(f"no candidate left for bucket {name} or any bucket after it")
        chosen.append(picked)
        outlets.add(outlet_of(picked[1]["source"]))
    return chosen


def _option(argv: list[str], flag: str, default: str | None) -> str | None:
    return argv[argv.index(flag) + 1] if flag in argv else default


def main(argv: list[str]) -> int:
    part = _option(argv, "--part", "T")
    if part not in PARTS:
        sys.exit(f"unknown part {part!r}; parts: {sorted(PARTS)}")
    exclude_path = _option(argv, "--exclude", None)
    exclude = frozenset(Path(exclude_path).read_text().split()) if exclude_path else frozenset()
    skip = mixed_store_ids() if part != "T" else frozenset()
    chosen = select(part=part, exclude=exclude, skip=skip)
    for name, r in chosen:
        print(f"{r['id']}\t{name}\t{r['published']}\t{r['source']}\t{len(r['text'])}")
    if "--write" in argv:
        out = ids_file(part)
        out.write_text("".join(r["id"] + "\n" for _, r in chosen))
        print(f"wrote {len(chosen)} ids to {out} (excluded {len(exclude)} listed ids, "
              f"skipped {len(skip)} mixed-store ids)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
