"""The word lists of the places and quantities stages: shipped as data, read by typed loaders."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from sitrep.knowledge.place_words import PlaceWords, place_words
from sitrep.knowledge.quantity_words import fraction_words, quantity_words
from sitrep.knowledge.tables import tsv_word_sets, word_sets_as


def test_place_words_are_read_into_their_sets():
    words = place_words()
    assert isinstance(words, PlaceWords)
    assert "visit" in words.movement_verbs and "visit" not in words.stative_verbs
    assert {"officials", "troops"} <= words.role_nouns
    assert "outskirts" in words.place_part_nouns
    assert "’s" in words.possessive_endings  # typographic apostrophe kept as written
    assert place_words() is words  # read once per process


def test_quantity_words_keep_case_and_order():
    words = quantity_words()
    assert {"USD", "cent"} <= words.currency_codes  # codes keep their case
    assert "V" in words.letter_units and "v" not in words.letter_units
    assert words.year_before[:2] == ("in", "since")  # ordered: a pattern is built from it
    assert isinstance(words.number_words, tuple) and "nineteen" in words.number_words
    fractions = fraction_words()
    assert fractions.denominators["thirds"] == 3 and fractions.numerators["two"] == 2


@dataclass(frozen=True)
class _Two:
    verbs: frozenset[str]
    ordered: tuple[str, ...]


def test_word_sets_as_builds_typed_sets(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("# comment\nverbs\tgo\nordered\tb\nordered\ta\nverbs\tgo\n", encoding="utf-8")
    two = word_sets_as(_Two, path)
    assert two.verbs == frozenset({"go"})
    assert two.ordered == ("b", "a")


def test_a_misspelt_or_missing_set_is_an_error(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("verbs\tgo\norderd\ta\n", encoding="utf-8")
    with pytest.raises(ValueError, match="orderd.*ordered"):
        word_sets_as(_Two, path)


def test_a_row_without_a_word_is_an_error(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("verbs\n", encoding="utf-8")
    with pytest.raises(ValueError, match="set<TAB>word"):
        tsv_word_sets(path)
