"""Session 14 brief15 (issue 8, dates that drive incident linking; invented sentences): a
capitalised day word right after a capitalised word of the same phrase is part of a name
(the masthead "USA TODAY", "a USA Today/Ipsos poll", "Russia Today"), not the deictic
"today" -- which had dated the events of every article of such an outlet by its byline.
A "Today" opening a sentence or a quote, after a lower-case word, or in a text all in
capitals stays a day word."""
import datetime as dt

import pytest

from sitrep.stages.times import Reference, find_times

REF = Reference(dt.date(2024, 3, 14))


def _days(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_times(text, REF)]


@pytest.mark.parametrize("text", [
    "Ann Roe USA TODAY KASSEL — Borduran troops shelled the ferry port.",
    "A new USA TODAY/Ipsos survey found most voters opposed the blockade.",
    "Ruritanian viewers of Russia Today heard nothing of the shelling.",
    "Download the USA Today app for more stories about the ceasefire.",
])
def test_a_day_word_inside_a_name_is_no_date(text):
    assert _days(text) == []


@pytest.mark.parametrize("text", [
    "The envoy left. Today, the talks in Kassel resumed.",
    "\"Today we march,\" the opposition leader told the crowd.",
    "Officials in Kassel said Today the border would reopen.",
    "The ministry said today that the port had reopened.",
    "BORDURAN TROOPS SHELLED THE PORT TODAY.",
])
def test_near_miss_a_day_word_of_running_text_stays_a_date(text):
    assert [value for _, value in _days(text)] == ["2024-03-14"]
