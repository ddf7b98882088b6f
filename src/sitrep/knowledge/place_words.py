"""Language knowledge of the places stage, loaded from ``knowledge/data/places/words.tsv``.

``place_words()`` (read once per process) returns a :class:`PlaceWords`: the words around
a place name that decide whether it names where something happens or a state acting,
owning or being dealt with (metonymy). Each set is described in the file's header; the
file can be extended without touching the stage.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from sitrep.knowledge.tables import word_sets_as

PLACES_DIR = Path(__file__).parent / "data" / "places"


@dataclass(frozen=True)
class PlaceWords:
    """Word sets of ``words.tsv``, one field a set (lemmas or lower-case forms)."""
    stative_verbs: frozenset[str]
    entity_articles: frozenset[str]
    possessive_endings: frozenset[str]
    spatial_prepositions: frozenset[str]
    place_part_nouns: frozenset[str]
    province_nouns: frozenset[str]
    role_nouns: frozenset[str]
    movement_verbs: frozenset[str]
    party_prepositions: frozenset[str]


@functools.lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    return word_sets_as(PlaceWords, PLACES_DIR / "words.tsv")
