"""Near-duplicate articles (wire copies, re-posts) by MinHash over word 5-grams.

A signature is NUM_PERM minimum hashes; LSH banding (BANDS bands of ROWS rows) finds
candidate pairs without comparing every pair, and the signature agreement estimates the
Jaccard similarity of the shingle sets. Two articles at or above THRESHOLD are linked:
the later one becomes a ``duplicate_of`` the earlier, so it does not count as an
independent source. With 16 bands x 4 rows a pair at Jaccard 0.5 is found with
probability ~0.65, at 0.7 with ~0.99.
"""
from __future__ import annotations

import re
import zlib
from typing import Optional

import numpy as np

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.5

_MERSENNE = np.uint64((1 << 61) - 1)
_rng = np.random.RandomState(20251201)  # fixed: signatures are stored and compared across runs
_A = _rng.randint(1, 1 << 31, size=NUM_PERM).astype(np.uint64)
_B = _rng.randint(0, 1 << 31, size=NUM_PERM).astype(np.uint64)
_WORD = re.compile(r"\w+", re.UNICODE)
_MAX32 = np.uint64((1 << 32) - 1)


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = _WORD.findall((text or "").lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> Optional[list[int]]:
    """MinHash signature (NUM_PERM ints, each < 2**32), or None for text without words."""
    sh = shingles(text)
    if not sh:
        return None
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in sh), dtype=np.uint64, count=len(sh))
    # (a*x + b) mod p with a, x < 2**32 stays below 2**64; keep the low 32 bits
    mixed = ((hashes[:, None] * _A[None, :] + _B[None, :]) % _MERSENNE) & _MAX32
    return [int(v) for v in mixed.min(axis=0)]


def estimate_jaccard(a: list[int], b: list[int]) -> float:
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


def jaccard(text_a: str, text_b: str) -> float:
    sa, sb = shingles(text_a), shingles(text_b)
    return len(sa & sb) / len(sa | sb) if sa or sb else 0.0


class LSHIndex:
    """Banded MinHash index; ``query`` returns the best stored match above the threshold.

    Kept compact because the ingesting process holds it for the whole corpus: each
    article costs one row of a uint32 signature matrix (256 bytes) and one uint64 key per
    band (128 bytes), about 0.5 KB with its id, where dicts of tuples of Python ints cost
    ~5 KB. Band keys are looked up in sorted arrays (binary search); new rows wait in a
    small unsorted tail, merged in when it grows, so adding stays cheap.
    """

    MERGE_EVERY = 512

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._ids: list[Optional[str]] = []  # row -> article id (None: removed)
        self._row: dict[str, int] = {}
        self._sigs = np.zeros((0, NUM_PERM), dtype=np.uint32)
        self._n = 0
        # every band key of every row, sorted, with its row; plus the not yet merged tail
        self._keys = np.zeros(0, dtype=np.uint64)
        self._rows = np.zeros(0, dtype=np.int64)
        self._tail_keys = np.zeros((self.MERGE_EVERY, BANDS), dtype=np.uint64)
        self._tail_rows: list[int] = []

    @property
    def sigs(self) -> dict[str, list[int]]:
        """article id -> signature (for inspection; built on demand)."""
        return {aid: [int(v) for v in self._sigs[row]] for aid, row in self._row.items()}

    def __len__(self) -> int:
        return len(self._row)

    @staticmethod
    def _band_keys(sig: np.ndarray) -> np.ndarray:
        """One 64-bit key per band, the band's number mixed in: equal keys mean (but for
        rare collisions, which only add a candidate the Jaccard estimate then rejects)
        the same ROWS values in the same band."""
        bands = sig.astype(np.uint64).reshape(BANDS, ROWS)
        key = np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        for r in range(ROWS):
            key = (key ^ bands[:, r]) * np.uint64(0x100000001B3)
        return key

    def query(self, sig: list[int]) -> Optional[tuple[str, float]]:
        q = np.asarray(sig, dtype=np.uint32)
        keys = self._band_keys(q)
        lo = np.searchsorted(self._keys, keys, side="left")
        hi = np.searchsorted(self._keys, keys, side="right")
        rows = {int(r) for a, b in zip(lo, hi) if b > a for r in self._rows[a:b]}
        if self._tail_rows:
            hits = (self._tail_keys[:len(self._tail_rows)] == keys[None, :]).any(axis=1)
            rows.update(self._tail_rows[i] for i in np.flatnonzero(hits))
        best = None
        for row in rows:
            cid = self._ids[row]
            if cid is None:
                continue
            j = float(np.count_nonzero(self._sigs[row] == q)) / NUM_PERM
            # equal similarity: the smaller id, so the answer does not depend on set order
            # (which changes between processes) and a resumed ingest links like a clean one
            if j >= self.threshold and (best is None or j > best[1] or (j == best[1] and cid < best[0])):
                best = (cid, j)
        return best

    def add(self, article_id: str, sig: list[int]) -> None:
        if article_id in self._row:
            self.remove(article_id)
        q = np.asarray(sig, dtype=np.uint32)
        if self._n == len(self._sigs):
            grown = np.zeros((max(64, 2 * len(self._sigs)), NUM_PERM), dtype=np.uint32)
            grown[:self._n] = self._sigs[:self._n]
            self._sigs = grown
        row = self._n
        self._sigs[row] = q
        self._n += 1
        self._ids.append(article_id)
        self._row[article_id] = row
        self._tail_keys[len(self._tail_rows)] = self._band_keys(q)
        self._tail_rows.append(row)
        if len(self._tail_rows) >= self.MERGE_EVERY:
            self._merge()

    def _merge(self) -> None:
        n = len(self._tail_rows)
        keys = np.concatenate([self._keys, self._tail_keys[:n].ravel()])
        rows = np.concatenate([self._rows, np.repeat(np.array(self._tail_rows, dtype=np.int64), BANDS)])
        order = np.argsort(keys, kind="stable")
        self._keys, self._rows = keys[order], rows[order]
        self._tail_rows = []

    def remove(self, article_id: str) -> None:
        row = self._row.pop(article_id, None)
        if row is not None:
            self._ids[row] = None  # its band entries stay, pointing at nothing
