"""Language knowledge of the quantities stage, loaded from ``knowledge/data/quantities/``.

Each loader reads its file once per process; each set is described in its file's header,
and the files can be extended without touching the stage. Number words, scales,
currencies, units and approximators themselves are ``sitrep.knowledge.units``.

``quantity_words() -> QuantityWords`` (``words.tsv``)
    the words next to a number that make it an amount or a name, a date or a pronoun, and
    the words that end the counted noun phrase.
``fraction_words() -> FractionWords`` (``fractions.tsv``)
    the words of spelled fractions ("two-thirds of", "one in five") with their numbers.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from sitrep.knowledge.tables import tsv_records, word_sets_as

QUANTITIES_DIR = Path(__file__).parent / "data" / "quantities"


@dataclass(frozen=True)
class QuantityWords:
    """Word sets of ``words.tsv``, one field a set."""
    number_words: tuple[str, ...]  # ordered: a pattern is built from them
    multiple_words: tuple[str, ...]
    determiners_before_one: frozenset[str]
    label_words: frozenset[str]
    not_counted: frozenset[str]
    rate_words: frozenset[str]
    partitive_numbers: frozenset[str]
    not_amount_before_half: frozenset[str]
    half_amount_followers: tuple[str, ...]
    rank_words: frozenset[str]
    model_determiners: frozenset[str]
    year_before: tuple[str, ...]  # ordered: a pattern is built from them
    time_units: frozenset[str]
    letter_units: frozenset[str]
    currency_codes: frozenset[str]


@dataclass(frozen=True)
class FractionWords:
    """``fractions.tsv``: how many parts ("two" -> 2) and which parts ("thirds" -> 3)."""
    numerators: dict[str, int]
    denominators: dict[str, int]


@functools.lru_cache(maxsize=1)
def quantity_words() -> QuantityWords:
    return word_sets_as(QuantityWords, QUANTITIES_DIR / "words.tsv")


@functools.lru_cache(maxsize=1)
def fraction_words() -> FractionWords:
    path = QUANTITIES_DIR / "fractions.tsv"
    parts: dict[str, dict[str, int]] = {"numerator": {}, "denominator": {}}
    for record in tsv_records(path):
        if record.get("part") not in parts:
            raise ValueError(f"{path.name}: part must be numerator or denominator, found {record!r}")
        parts[record["part"]][record["word"]] = int(record["number"])
    return FractionWords(parts["numerator"], parts["denominator"])
