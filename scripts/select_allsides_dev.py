"""Pick the 12 articles of a new part (D to K) of the ``allsides-dev`` event gold, reproducibly.

    python scripts/select_allsides_dev.py --exclude /tmp/s11/gold12-exclude.ids           # prints the part-D ids
    python scripts/select_allsides_dev.py --exclude /tmp/s11/gold12-exclude.ids --write   # also writes ids-D.txt
    python scripts/select_allsides_dev.py --part E --seed 20261213 \
        --exclude src/sitrep/eval/gold/allsides-dev/selection-exclude-E.txt \
        --exclude src/sitrep/eval/gold/allsides-dev/selection-exclude-D.txt        # part E -> ids-E.txt
    python scripts/select_allsides_dev.py --part F \
        --exclude src/sitrep/eval/gold/allsides-dev/selection-exclude-F.txt        # part F -> ids-F.txt
    python scripts/select_allsides_dev.py --part G \
        --exclude src/sitrep/eval/gold/allsides-dev/selection-exclude-G.txt        # part G -> ids-G.txt
    python scripts/select_allsides_dev.py --part H \
        --exclude src/sitrep/eval/gold/allsides-dev/selection-exclude-H.txt        # part H -> ids-H.txt
    python scripts/select_allsides_dev.py --part I \
        --exclude src/sitrep/eval/gold/allsides-dev/selection-exclude-I.txt        # part I -> ids-I.txt
    python scripts/select_allsides_dev.py --part J \
        --exclude src/sitrep/eval/gold/allsides-dev/selection-exclude-J.txt        # part J -> ids-J.txt
    python scripts/select_allsides_dev.py --part K \
        --exclude src/sitrep/eval/gold/allsides-dev/selection-exclude-K.txt        # part K -> ids-K.txt
    python scripts/select_allsides_dev.py --part L \
        --exclude src/sitrep/eval/gold/allsides-dev/selection-exclude-L.txt        # part L -> ids-L.txt
    python scripts/select_allsides_dev.py --part M \
        --exclude src/sitrep/eval/gold/allsides-dev/selection-exclude-M.txt        # part M -> ids-M.txt

The bucket, quota and length rule is the allsides-test rule (``select_allsides_test``'s
``BUCKETS``, ``MIN_CHARS``/``MAX_CHARS``, ``UNDATED``), drawn by ``draw`` below with its own
seed (``SEED``); one article per outlet label, and an undated slot of a bucket without
undated candidates passes to the next slot. Candidates are the articles
that are in none of:

* the first 30 dev articles (``../shared/data/allsides-intl/dev-gold-ids.txt``),
* the held-out test gold (``src/sitrep/eval/gold/allsides-test/ids.txt``),
* the real-news incident gold (``src/sitrep/eval/gold/incidents-real/gold.jsonl``),
* every ``--exclude`` file (articles the team read elsewhere, e.g. in audits),

nor share a title with one of them, and whose ``sha1(id)`` ends in an EVEN hex digit: a
new test part is drawn from the odd half, so the two draws can never overlap.

Part E (seed 20261213) adds one rule, the bucket fallback (``PARTS``): a slot whose bucket
has no candidate left passes it on to the next bucket in ``BUCKETS`` order that has one
(the even half has no Venezuela candidate left, so both Venezuela slots go to syria).
Part D is drawn without it, as it was. Part F (seed 20261214) is drawn like part E; its
exclusion list (``selection-exclude-F.txt``) already holds parts D and E and their lists.
Part G (seed 20261215) is drawn like part F; ``selection-exclude-G.txt`` holds parts D-F, their
lists and every id sampled before session 15. Part H (seed 20261216) is drawn like part G;
``selection-exclude-H.txt`` holds parts A-G, their lists and every id sampled or read in
sessions 11-15. Part I (seed 20261217) is drawn like part H;
``selection-exclude-I.txt`` holds parts A-H, their lists and every id sampled or read in
sessions 11-16. Parts J (seed 20261218) and K (seed 20261219), the two blind parts of session
18, are drawn like part I: ``selection-exclude-J.txt`` holds parts A-I, their lists and every id
sampled or read in sessions 11-16 (the 350 session-17 unseen-sample ids could not be kept out:
every remaining candidate of the even half is one of them), and ``selection-exclude-K.txt`` is
J's list plus the 12 part-J ids, so the two parts never share an article. Parts L (seed
20261220) and M (seed 20261221), the blind parts of session 19, are drawn the same way:
``selection-exclude-L.txt`` is K's list plus the 12 part-K ids, ``selection-exclude-M.txt`` is L's
list plus the 12 part-L ids (the allsides ids of the session-18 unseen samples were lost with that
machine's scratch space and could not be added). Exclusion files hold bare ids only: ``read_ids``
refuses any other line (parts E and F lost 719 and 1,091 such lines, see the gold README).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_allsides_test import BUCKETS, DATA, MAX_CHARS, MIN_CHARS, ROOT, UNDATED, bucket_of  # noqa: E402

SEED = 20261202
# part -> (default seed, bucket fallback): part D as first drawn; parts E-M add the fallback
PARTS = {"D": (SEED, False), "E": (20261213, True), "F": (20261214, True), "G": (20261215, True),
         "H": (20261216, True), "I": (20261217, True), "J": (20261218, True), "K": (20261219, True),
         "L": (20261220, True), "M": (20261221, True)}
GOLD = ROOT / "src" / "sitrep" / "eval" / "gold"
OUT = GOLD / "allsides-dev" / "ids-D.txt"
TEST_IDS = GOLD / "allsides-test" / "ids.txt"
INCIDENT_GOLD = GOLD / "incidents-real" / "gold.jsonl"
# an article id as the id files hold it ("allsides-jFbX..."): letters, digits, "-" and "_"
BARE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def load_records(data: Path = DATA) -> list[dict]:
    """Every article of the allsides-intl corpus, in file order."""
    with open(data / "articles.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def ids_file(part: str) -> Path:
    """Where a part's ids are written: ``ids-<part>.txt`` in the allsides-dev gold folder."""
    return OUT.with_name(f"ids-{part}.txt")


def draw(records: list[dict], seed: int, excluded: set[str],
         keep: Callable[[dict], bool] = lambda r: True,
         bucket_fallback: bool = False) -> list[tuple[str, dict]]:
    """(bucket, record) for the 12 articles drawn by the bucket/quota/outlet rule.

    Candidates are the records not in ``excluded``, not sharing a title with an excluded
    record, with a body of ``MIN_CHARS``-``MAX_CHARS`` characters and for which ``keep``
    holds; the shuffle of each bucket uses ``random.Random(seed)``. The dev draw
    (this script) uses this with its own seed, exclusions and ``keep``. With
    ``bucket_fallback`` a slot whose bucket has no candidate of the wanted dating is filled
    from the next bucket in ``BUCKETS`` order that has one (part E).
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
    names = [b for b, _, _ in BUCKETS]
    chosen, outlets, owed_undated = [], set(), 0

    def first_free(name: str, undated: bool) -> dict | None:
        order = _buckets_from(names, name) if bucket_fallback else [name]
        for bucket in order:
            pick = _first_free(pools[bucket], chosen, outlets, undated=undated)
            if pick is not None:
                return pick
        return None

    for name, i in slots:
        want_undated = (name, i) in undated_slots or owed_undated > 0
        pick = first_free(name, undated=want_undated)
        if pick is None and want_undated:
            # a bucket with no undated candidate left passes its undated slot on to the
            # next slot (the part-D Venezuela pool is dated only)
            pick = first_free(name, undated=False)
            owed_undated += (name, i) in undated_slots
        elif want_undated and (name, i) not in undated_slots:
            owed_undated -= 1
        if pick is None:
            sys.exit(f"no candidate left for bucket {name}")
        chosen.append((name, pick))
        outlets.add(pick["source"])
    return chosen


def _buckets_from(names: list[str], name: str) -> list[str]:
    """The slot's own bucket, then the ones after it in BUCKETS order (wrapping): the fallback order."""
    at = names.index(name)
    return names[at:] + names[:at]


def _first_free(pool: list[dict], chosen: list[tuple[str, dict]], outlets: set[str],
                undated: bool) -> dict | None:
    """The first record of ``pool`` that is (un)dated as asked, of an unused outlet, not yet chosen."""
    taken = {c["id"] for _, c in chosen}
    for r in pool:
        if (r["published"] is None) == undated and r["source"] not in outlets and r["id"] not in taken:
            return r
    return None


def in_even_half(article_id: str) -> bool:
    """True when the last hex digit of the id's SHA-1 is even (the dev half)."""
    return int(hashlib.sha1(article_id.encode()).hexdigest()[-1], 16) % 2 == 0


def read_ids(path: Path) -> set[str]:
    """The ids of a one-id-per-line file (blank lines ignored).

    Any other line (a JSONL article record, a ``bucket<TAB>id`` row, an id glued to a record)
    raises ``ValueError`` naming the file and line: such a line never matches an id, so
    reading it silently would leave its article in the draw (parts E and F drew 2 and 5
    articles the team had sampled before, listed only in such lines).
    """
    ids = set()
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if not BARE_ID.fullmatch(line):
            raise ValueError(f"{path}:{number}: not a bare article id: {line[:60]!r}")
        ids.add(line)
    return ids


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


def select(data: Path = DATA, extra: list[Path] = (), part: str = "D",
           seed: int | None = None) -> list[tuple[str, dict]]:
    """(bucket of the slot, record) of the 12 articles of ``part``, in slot order."""
    default_seed, fallback = PARTS[part]
    return draw(load_records(data), default_seed if seed is None else seed, excluded_ids(data, extra),
                keep=lambda r: in_even_half(r["id"]), bucket_fallback=fallback)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", type=Path, action="append", default=[],
                        help="a file of article ids to leave out; repeatable")
    parser.add_argument("--part", choices=sorted(PARTS), default="D", help="which part to draw")
    parser.add_argument("--seed", type=int, default=None, help="the shuffle seed (default: the part's)")
    parser.add_argument("--write", action="store_true", help="write the ids to ids-<part>.txt")
    args = parser.parse_args(argv)
    chosen = select(extra=args.exclude, part=args.part, seed=args.seed)
    for name, r in chosen:
        # the slot's bucket, and the article's own when a fallback filled the slot
        own = bucket_of(r["title"])
        label = name if own == name else f"{name}->{own}"
        print(f"{r['id']}\t{label}\t{r['published']}\t{r['source']}\t{len(r['text'])}")
    if args.write:
        out = ids_file(args.part)
        out.write_text("".join(r["id"] + "\n" for _, r in chosen))
        print(f"wrote {len(chosen)} ids to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
