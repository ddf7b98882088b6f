"""The compact LSH index answers like the plain banded search it replaces."""
import random

from sitrep.corpus.dedup import BANDS, NUM_PERM, ROWS, THRESHOLD, LSHIndex, estimate_jaccard, signature


def reference_query(stored: dict[str, list[int]], sig: list[int]):
    """Every stored signature sharing a whole band, best estimate above the threshold."""
    best = None
    for cid, other in stored.items():
        if not any(sig[b * ROWS:(b + 1) * ROWS] == other[b * ROWS:(b + 1) * ROWS] for b in range(BANDS)):
            continue
        j = estimate_jaccard(sig, other)
        if j >= THRESHOLD and (best is None or j > best[1] or (j == best[1] and cid < best[0])):
            best = (cid, j)
    return best


def mutated(sig: list[int], rng: random.Random, changes: int) -> list[int]:
    out = list(sig)
    for i in rng.sample(range(NUM_PERM), changes):
        out[i] = rng.randrange(1 << 32)
    return out


def test_same_answers_as_the_plain_search_through_merges_and_removals():
    rng = random.Random(7)
    bases = [[rng.randrange(1 << 32) for _ in range(NUM_PERM)] for _ in range(60)]
    LSHIndex.MERGE_EVERY = 37  # exercise the sorted arrays and the tail together
    index, stored = LSHIndex(), {}
    try:
        for n in range(600):
            sig = mutated(rng.choice(bases), rng, rng.randrange(0, 50))
            assert index.query(sig) == reference_query(stored, sig)
            aid = f"a{n:05d}"
            index.add(aid, sig)
            stored[aid] = sig
            if n % 11 == 0:
                gone = rng.choice(sorted(stored))
                index.remove(gone)
                del stored[gone]
    finally:
        LSHIndex.MERGE_EVERY = 512
    assert len(index) == len(stored)


def test_wire_copies_are_found_on_real_text():
    text = ("The government said on Monday that the talks would resume next week in Oslo, "
            "after both delegations agreed to a new agenda covering elections and sanctions. ") * 3
    copy = text.replace("Monday", "Tuesday")
    index = LSHIndex()
    index.add("original", signature(text))
    match = index.query(signature(copy))
    assert match is not None and match[0] == "original" and match[1] >= THRESHOLD
    assert index.query(signature("A different story about floods in the north and the rescue effort.")) is None
