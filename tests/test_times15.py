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


# A day without a year between a determiner or a possessive and a noun names a happening:
# the nearest such day, whatever the tense of the clause around it.
@pytest.mark.parametrize("text, day", [
    ("Borduria will seek damages at the court over the March 3 shelling of its port.", "2024-03-03"),
    ("The ministry will appeal the Mar. 9 ruling of the tribunal.", "2024-03-09"),
    ("The envoy will raise the Feb. 20 bombing of the market at the talks.", "2024-02-20"),
    ("Ruritania will answer for its March 11 raid, the envoy said.", "2024-03-11"),
])
def test_an_attributive_day_is_the_nearest_such_day(text, day):
    assert [value for _, value in _days(text)] == [day]


@pytest.mark.parametrize("text, day", [
    # a past clause keeps a named happening behind its report (review 19:42)
    ("The September 11 attacks killed nearly 3,000 people.", "2023-09-11"),
    ("The October 5 attack on the base killed two soldiers, the army said.", "2023-10-05"),
    ("Borduria retaliated for the May 3 shelling of its port.", "2023-05-03"),
    ("Borduria will hold the talks on March 3.", "2025-03-03"),  # a day the clause sets ahead
    ("The envoy arrived on March 20.", "2023-03-20"),  # ... or behind
    ("The court will rule on March 3 in Kassel.", "2025-03-03"),
])
def test_near_miss_a_day_the_clause_dates_keeps_its_tense(text, day):
    assert [value for _, value in _days(text)] == [day]


def _event_days(text: str, published: str) -> list[tuple[str, str, bool]]:
    import sitrep
    doc = sitrep.extract(text, published=published, snippet=True)
    return [(e.trigger.text, e.date.value if e.date else None, e.background) for e in doc.events]


def test_through_the_events_a_named_happening_of_a_future_clause_lies_behind():
    found = _event_days("Borduria will seek damages at the court over the January 3 shelling of its port.",
                        "2024-01-15")
    assert ("shelling", "2024-01-03", False) in found


def test_near_miss_through_the_events_a_past_clause_keeps_its_happening_behind():
    # review 19:42: a past act named by its day must not move ahead of its report
    assert ("attack", "2023-10-05", True) in _event_days(
        "The October 5 attack on the depot killed two guards, the army said.", "2024-05-22")
    assert ("shelling", "2023-01-03", True) in _event_days(
        "The January 3 shelling of the port led to protests in Kassel.", "2023-12-20")
