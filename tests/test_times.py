"""times stage: recognition extents and TIMEX3 values against a fixed publication date.

The reference is Saturday 2026-01-03 12:12 (ISO week 2026-W01), so "last week" crosses
the year boundary into 2025-W52.
"""
import datetime as dt

import pytest

from sitrep.knowledge.timex import easter, iso_week, nth_weekday
from sitrep.model import Article, Document
from sitrep.stages import nlp, times
from sitrep.stages.times import normalise_date_text, parse_reference

PUBLISHED = "2026-01-03T12:12:00Z"


def analyse(kb, text, published=PUBLISHED):
    doc = Document(article=Article(id="t", text=text, published=published))
    nlp.run(doc, kb)
    return times.run(doc, kb).times


def only(kb, text, published=PUBLISHED):
    found = analyse(kb, text, published)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def value_of(kb, text, expression, published=PUBLISHED):
    found = {t.text: t for t in analyse(kb, text, published)}
    assert expression in found, f"{expression!r} not found in {[(t.text, t.value) for t in found.values()]}"
    return found[expression]


# -- weekdays and the tense heuristic ------------------------------------------------

def test_weekday_same_day_and_extent_excludes_preposition(kb):
    t = only(kb, "The convoy was attacked on Saturday.")
    assert (t.text, t.value, t.type) == ("Saturday", "2026-01-03", "DATE")
    text = "The convoy was attacked on Saturday."
    assert text[t.span[0]:t.span[1]] == "Saturday"


def test_weekday_past_tense_goes_back(kb):
    assert only(kb, "Rebels withdrew from the town on Friday.").value == "2026-01-02"
    assert only(kb, "The minister resigned Monday.").value == "2025-12-29"


def test_weekday_future_tense_goes_forward(kb):
    assert only(kb, "Talks will resume on Monday.").value == "2026-01-05"
    assert only(kb, "The vote was postponed until Tuesday.").value == "2026-01-06"


def test_weekday_with_last_and_next(kb):
    assert value_of(kb, "He met them last Friday.", "last Friday").value == "2026-01-02"
    assert value_of(kb, "They meet next Monday.", "next Monday").value == "2026-01-05"


def test_part_of_day_and_clock_time(kb):
    t = only(kb, "Shelling resumed on Saturday morning.")
    assert (t.value, t.type) == ("2026-01-03TMO", "TIME")
    t = only(kb, "The blast happened at 2 a.m.")
    assert (t.text, t.value, t.type) == ("2 a.m.", "2026-01-03T02:00", "TIME")
    t = only(kb, "The curfew starts at 22:30 GMT.")
    assert t.value == "2026-01-03T22:30"


# -- relative days, weeks, months, years -------------------------------------------------

@pytest.mark.parametrize("text,expression,value", [
    ("Officials said yesterday that the talks failed.", "yesterday", "2026-01-02"),
    ("The army said today that it had withdrawn.", "today", "2026-01-03"),
    ("The rally is planned for tomorrow.", "tomorrow", "2026-01-04"),
    ("The camp was shelled two days ago.", "two days ago", "2026-01-01"),
    ("The government fell four years ago.", "four years ago", "2022"),
    ("Clashes broke out last week.", "last week", "2025-W52"),
    ("The envoy arrives this week.", "this week", "2026-W01"),
    ("A summit is due next week.", "next week", "2026-W02"),
    ("Prices rose last month.", "last month", "2025-12"),
    ("Exports fell last year.", "last year", "2025"),
    ("Elections are expected this year.", "this year", "2026"),
    ("The treaty expires next year.", "next year", "2027"),
])
def test_relative_expressions(kb, text, expression, value):
    t = value_of(kb, text, expression)
    assert t.value == value


def test_last_week_granularity(kb):
    t = value_of(kb, "Clashes broke out last week.", "last week")
    assert t.granularity == "week"


def test_iso_week_year_boundaries():
    # Friday 2027-01-01 is in ISO week 2026-W53; a week earlier is 2026-W52
    assert normalise_date_text("last week", "2027-01-01") == "2026-W52"
    # Sunday 2021-01-03 still belongs to ISO week 2020-W53
    assert normalise_date_text("this week", "2021-01-03") == "2020-W53"
    assert iso_week(dt.date(2026, 1, 3)) == "2026-W01"
    assert iso_week(dt.date(2025, 12, 29)) == "2026-W01"


def test_month_without_year_by_tense(kb):
    assert value_of(kb, "Protests began in December.", "December").value == "2025-12"
    assert value_of(kb, "The talks will resume in March.", "March").value == "2026-03"
    t = value_of(kb, "Fighting intensified in early January.", "early January")
    assert (t.value, t.mod) == ("2026-01", "START")


def test_years_mods_and_since(kb):
    t = only(kb, "The conflict has continued since 2013.")
    assert (t.text, t.value, t.mod) == ("2013", "2013", None)
    t = only(kb, "The ceasefire collapsed in late 2025.")
    assert (t.text, t.value, t.mod) == ("late 2025", "2025", "END")
    assert only(kb, "Growth slowed in the 1990s.").value == "199"
    assert only(kb, "It was built in the 20th century.").value == "19"
    assert only(kb, "Output fell in the first quarter of 2025.").value == "2025-Q1"
    assert only(kb, "It happened in the summer of 2024.").value == "2024-SU"


def test_narrative_anchor_the_day_before(kb):
    found = analyse(kb, "The talks collapsed on Thursday. The day before, both sides had signed a truce.")
    values = [(t.text, t.value) for t in found]
    assert ("Thursday", "2026-01-01") in values
    assert ("The day before", "2025-12-31") in values


# -- absolute dates ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The decree was signed on January 3, 2026.",
    "The decree was signed on 3 Jan 2026.",
    "The decree was signed on 03.01.2026.",
    "The decree was signed on 2026-01-03.",
    "The decree was signed on Jan. 3.",
    "The decree was signed on Saturday, January 3, 2026.",
])
def test_absolute_dates(kb, text):
    assert only(kb, text).value == "2026-01-03"


def test_month_year(kb):
    assert only(kb, "The mission started in May 2010.").value == "2010-05"


# -- holidays -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("Fireworks were banned on New Year's Eve.", "2025-12-31"),
    ("The prisoners were freed on Christmas Eve.", "2025-12-24"),
    ("Shops closed on Christmas.", "2025-12-25"),
    ("The president spoke on New Year's Day.", "2026-01-01"),
    ("The deal was sealed on Thanksgiving.", "2025-11-27"),
    ("The pilgrims will arrive at Easter.", "2026-04-05"),
])
def test_holidays(kb, text, value):
    assert only(kb, text).value == value


def test_calendar_arithmetic():
    assert easter(2024) == dt.date(2024, 3, 31)
    assert easter(2025) == dt.date(2025, 4, 20)
    assert easter(2026) == dt.date(2026, 4, 5)
    assert nth_weekday(2025, 11, 4, 4) == dt.date(2025, 11, 27)  # Thanksgiving
    assert nth_weekday(2026, 5, 1, -1) == dt.date(2026, 5, 25)  # Memorial Day


# -- durations, sets, vague references ----------------------------------------------------------

@pytest.mark.parametrize("text,expression,value,type_,mod", [
    ("Aid will arrive in a few days.", "a few days", "PXD", "DURATION", None),
    ("The siege lasted three days.", "three days", "P3D", "DURATION", None),
    ("The meeting lasted two hours.", "two hours", "PT2H", "DURATION", None),
    ("The war has lasted a decade.", "a decade", "P10Y", "DURATION", None),
    ("Fighting over the past three weeks killed dozens.", "the past three weeks", "P3W", "DURATION", None),
    ("The blockade lasted about a year.", "about a year", "P1Y", "DURATION", "APPROX"),
    ("Inspectors visit every week.", "every week", "P1W", "SET", None),
    ("The ministry publishes daily updates.", "daily", "P1D", "SET", None),
    ("The talks are now stalled.", "now", "PRESENT_REF", "DATE", None),
    ("Rebels currently hold the city.", "currently", "PRESENT_REF", "DATE", None),
    ("Refugees recently returned.", "recently", "PAST_REF", "DATE", None),
    ("Peace may come in the future.", "the future", "FUTURE_REF", "DATE", None),
])
def test_durations_sets_and_refs(kb, text, expression, value, type_, mod):
    t = value_of(kb, text, expression)
    assert (t.value, t.type, t.mod) == (value, type_, mod)


# -- things that are not time expressions ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Talks may resume soon after the vote, officials may say.",
    "Theresa May said the deal was fair.",
    "About 2000 troops crossed the border.",
    "Police arrested 1,200 people and seized 2,013 rifles.",
    "The former president spoke to reporters.",
    "The Daily Telegraph reported the story.",
])
def test_not_time_expressions(kb, text):
    found = [(t.text, t.value) for t in analyse(kb, text)]
    assert found == [] or all(t[0] not in ("May", "2000", "2,013", "former", "Daily") for t in found), found
    assert not any(t[0] in ("May", "2000", "1,200", "2,013", "former", "Daily") for t in found)


# -- no reference date, bad input ---------------------------------------------------------------

def test_without_published_date(kb):
    found = {t.text: t.value for t in analyse(kb, "Rebels attacked on Saturday, a day after the "
                                                 "January 3, 2026 accord. Talks failed yesterday. "
                                                 "It began in December.", published=None)}
    assert found["Saturday"] == "XXXX-WXX-6"
    assert found["January 3, 2026"] == "2026-01-03"
    assert found["yesterday"] is None
    assert found["December"] == "XXXX-12"


def test_dateline_gives_reference_when_published_missing(kb):
    found = {t.text: t.value for t in analyse(kb, "Talks collapse\nJanuary 3, 2026\n\nThe talks "
                                                 "collapsed yesterday.", published=None)}
    assert found["yesterday"] == "2026-01-02"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\u200b\u00a0\u2028 \U0001F600", "!!!"])
def test_empty_and_odd_input(kb, text):
    assert analyse(kb, text) == []


def test_all_caps_and_long_sentence(kb):
    t = only(kb, "TALKS RESUMED ON MONDAY, JANUARY 5, 2026 IN GENEVA")
    assert t.value == "2026-01-05"
    long_text = "The envoy met the rebels " + "and the elders " * 400 + "on Friday."
    found = analyse(kb, long_text)
    assert [t.value for t in found] == ["2026-01-02"]


def test_spans_are_offsets_into_text(kb):
    text = "On Friday, two days ago, troops left; since 2013 the town has changed hands every year."
    for t in analyse(kb, text):
        assert text[t.span[0]:t.span[1]] == t.text


# -- helpers for colleagues ---------------------------------------------------------------------

def test_normalise_date_text():
    assert normalise_date_text("Saturday", "2026-01-03") == "2026-01-03"
    assert normalise_date_text("Jan 3, 2026 12:12 GMT") == "2026-01-03T12:12"
    assert normalise_date_text("3 January 2026") == "2026-01-03"
    assert normalise_date_text("yesterday", "2026-01-03T12:12:00+01:00") == "2026-01-02"
    assert normalise_date_text("no date here", "2026-01-03") is None
    assert normalise_date_text("", None) is None


def test_parse_reference():
    assert parse_reference("2026-01-03T12:12:00Z").date == dt.date(2026, 1, 3)
    assert parse_reference("2026-01-03T12:12:00Z").clock == "12:12"
    assert parse_reference("2026-01-03").date == dt.date(2026, 1, 3)
    assert parse_reference("03-02-2009").date == dt.date(2009, 2, 3)
    assert parse_reference(None) is None
    assert parse_reference("not a date") is None
    assert parse_reference("2026-02-30") is None


def test_month_with_relative_year(kb):
    assert value_of(kb, "The group declared a caliphate in June last year.", "June last year").value == "2025-06"
    found = {t.text: t.value for t in analyse(kb, "Licences lapse after October of next year.")}
    assert found == {"October": "2027-10", "next year": "2027"}


def test_the_day_after_an_ing_verb_is_not_the_next_day(kb):
    found = [(t.text, t.value) for t in analyse(kb, "On Friday the index rebounded late in the day after falling.")]
    assert ("the day", "2026-01-02") in found


def test_is_calendar_time(kb):
    found = {t.text: times.is_calendar_time(t) for t in analyse(
        kb, "On Friday, after three days of talks, rebels said they would meet daily in the future; "
            "prices rose last week and in the 1990s.")}
    assert found == {"Friday": True, "three days": False, "daily": False, "the future": False,
                     "last week": True, "the 1990s": True}
    assert not times.is_calendar_time(only(kb, "It happened on Saturday.", published=None))


def test_narrative_shifts_from_the_last_date(kb):
    found = [(t.text, t.value, t.type) for t in analyse(
        kb, "The war began in 2003. The following year, talks failed. Two years later they resumed. "
            "He was arrested on March 3, 2024 and freed three days later, two days before the vote.")]
    assert ("The following year", "2004", "DATE") in found
    assert ("Two years later", "2006", "DATE") in found
    assert ("three days later", "2024-03-06", "DATE") in found
    assert ("two days", "P2D", "DURATION") in found
    # a year is too coarse to place "three days later": it stays a duration
    found = [(t.text, t.value, t.type) for t in analyse(kb, "It began in 2010; three days later it ended.")]
    assert ("three days later", "P3D", "DURATION") in found


def test_earlier_than_is_a_comparison(kb):
    t = value_of(kb, "The season started a month earlier than usual.", "a month")
    assert (t.value, t.type) == ("P1M", "DURATION")


def test_capitalised_over_the_years_does_not_crash(kb):
    """Sentence-initial "Over the years" crashed the stage on 15 of 4,178 real articles."""
    found = analyse(kb, "Over the years, the two countries drifted apart. Talks stalled.")
    assert [t.text for t in found] == ["the years"]


def test_values_resting_on_an_inferred_publication_date_are_marked_inferred(kb):
    doc = Document(article=Article(id="t", text="The council met on February 9, 2021. Rebels attacked "
                                   "the town on Saturday.", published="2021-02-09", published_inferred=True))
    from sitrep.stages import nlp
    nlp.run(doc, kb)
    times.run(doc, kb)
    found = {t.text: t for t in doc.times}
    assert found["February 9, 2021"].value == "2021-02-09" and not found["February 9, 2021"].inferred
    assert found["Saturday"].value == "2021-02-06" and found["Saturday"].inferred
    # the same text with a publication date that was read: nothing is inferred
    doc.article.published_inferred = False
    times.run(doc, kb)
    assert not any(t.inferred for t in doc.times)


def test_weeks_said_on_a_sunday(kb):
    # Sunday 2026-01-11 ends ISO week 2026-W02: "last week" is the week ending that day,
    # "this week" told of what lies ahead is the week starting the next day
    sunday = "2026-01-11"
    assert value_of(kb, "The envoy will travel to Ankara this week.", "this week", sunday).value == "2026-W03"
    assert value_of(kb, "The talks ended this week.", "this week", sunday).value == "2026-W02"
    assert value_of(kb, "Rebels shelled the town last week.", "last week", sunday).value == "2026-W02"
    # any other day keeps ISO weeks
    assert value_of(kb, "Rebels shelled the town last week.", "last week", "2026-01-12").value == "2026-W02"


def test_be_to_infinitive_looks_ahead(kb):
    # Saturday 2026-01-03: "is to travel on Monday" is the coming Monday
    assert value_of(kb, "The minister, who is to travel to Ankara on Monday, spoke to reporters.",
                    "Monday").value == "2026-01-05"


def test_was_to_and_to_blame_do_not_look_ahead(kb):
    # Saturday 2026-01-03: only a present "is/are to + verb" tells an arrangement ahead;
    # "was to blame" and "is to blame" judge a past act
    assert value_of(kb, "Aides said the militia was to blame for the ambush on Tuesday.",
                    "Tuesday").value == "2025-12-30"
    assert value_of(kb, "Aides say the militia is to blame for the ambush on Tuesday.",
                    "Tuesday").value == "2025-12-30"
    assert value_of(kb, "The envoy was to visit the capital on Tuesday.",
                    "Tuesday").value != "2026-01-06"


def test_a_bare_midnight_in_a_past_sentence_is_the_one_that_began_the_day(kb):
    # T24:00 of the reference day lies after the report: a past act happened at the
    # midnight before it; a coming one at the next
    past = only(kb, "Soldiers arrested two mayors in a midnight raid on their homes.")
    assert past.value == "2026-01-02T24:00"
    coming = only(kb, "The curfew will begin at midnight.")
    assert coming.value == "2026-01-03T24:00"


def test_the_publication_date_skips_a_full_date_that_names_an_earlier_happening():
    text = ("Lawmakers in Zarnia held a hearing on March 3, 2021 about the port. They recalled "
            "the May 9, 2021 floods, which have cost the city dearly, and the damage since "
            "April 2, 2021.")
    found = times.infer_publication_date(text)
    assert found is not None and found.value == "2021-03-03"
    # the same day written plainly is the latest: it is taken
    plain = "Lawmakers met on March 3, 2021. The floods came on May 9, 2021, officials said."
    assert times.infer_publication_date(plain).value == "2021-05-09"
