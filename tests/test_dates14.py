"""Dates of acts measured back from a later act by a counted span (issue 7 item 6).

"Two days after rebels attacked the town, police arrested their leader on Monday": the
attack is dated by the arrest's date less the span, at the granularity the span and that
date support; never by the Monday of the main clause. Invented sentences only.
"""
import datetime as dt

import pytest

import sitrep
from sitrep.model import Time
from sitrep.stages.event_context import measured_back_from

PUBLISHED = "2019-10-14"  # a Monday


def _dates(text: str, published: str = PUBLISHED) -> dict[str, Time]:
    doc = sitrep.extract(text, published=published, snippet=True)
    return {e.trigger.text.split()[0].lower(): e.date for e in doc.events}


def _day(value: str, mod=None) -> Time:
    return Time(span=(0, 0), text="", value=value, granularity="day", mod=mod)


def _span(value: str, mod=None) -> Time:
    return Time(span=(0, 8), text="a span", value=value, granularity="duration", type="DURATION", mod=mod)


# -- the arithmetic -------------------------------------------------------------------

@pytest.mark.parametrize("anchor, span, mod, expected", [
    ("2019-10-14", "P1D", None, "2019-10-13"),   # a day: exact
    ("2019-10-20", "P2W", None, "2019-10"),      # two weeks, give or take two days
    ("2019-10-14", "P1Y", None, "2018"),         # a year, give or take two months
    ("2019-10", "P2M", None, "2019"),            # a month's anchor two months back
    ("2019-03-01", "P6M", None, "2018"),
])
def test_a_span_back_gives_the_finest_granularity_its_doubt_allows(anchor, span, mod, expected):
    got = measured_back_from(_day(anchor) if len(anchor) == 10 else Time((0, 0), "", anchor, "month"), _span(span, mod))
    assert got is not None and got.value == expected


@pytest.mark.parametrize("anchor, span, mod", [
    ("2019-01-20", "P1Y", None),        # a year before mid-January may be the December before
    ("2019-10-14", "P3Y", "LESS_THAN"),  # "nearly three years": too loose for a year
    ("2019-10-14", "PXM", None),         # "months after": no count
    ("2019-10-14", "P2H", None),         # a clock span is no calendar span
])
def test_no_date_when_the_window_of_doubt_crosses_a_period(anchor, span, mod):
    assert measured_back_from(_day(anchor), _span(span, mod)) is None


def test_a_span_back_from_an_inferred_anchor_is_inferred_too():
    got = measured_back_from(_day("2019-10-14").__class__((0, 0), "", "2019-10-14", "day", inferred=True),
                             _span("P1D"))
    assert got.value == "2019-10-13" and got.inferred


# -- in the pipeline ------------------------------------------------------------------

def test_a_fronted_span_clause_dates_its_act_back_from_the_main_act():
    dates = _dates("Two days after rebels attacked the town, police arrested their leader on Monday.")
    assert dates["attacked"].value == "2019-10-12" and not dates["attacked"].inferred
    assert dates["arrested"].value == "2019-10-14"


def test_a_trailing_span_phrase_dates_its_act_at_month_level():
    dates = _dates("The minister resigned on Friday, a week after protesters stormed the parliament.")
    assert dates["resigned"].value == "2019-10-11"
    assert dates["stormed"].value == "2019-10"


def test_a_long_span_gives_a_background_act_a_year():
    doc = sitrep.extract("Six months after the army seized power, the junta freed the opposition leader on "
                         "Friday.", published=PUBLISHED, snippet=True)
    seized = next(e for e in doc.events if e.trigger.text.startswith("seized"))
    assert seized.background and seized.date is not None and seized.date.value == "2019"


def test_an_undated_main_act_lends_its_inherited_day_marked_inferred():
    dates = _dates("Two days after students marched through the capital, the army sealed the campus.")
    assert dates["marched"].value == "2019-10-12" and dates["marched"].inferred


def test_a_measured_act_with_its_own_date_keeps_it():
    dates = _dates("Two days after rebels attacked the town on Thursday, police arrested their leader on Monday.")
    assert dates["attacked"].value == "2019-10-10"


def test_the_length_of_the_main_act_measures_nothing_back():
    dates = _dates("The court jailed the editor for two years after he criticised the president.")
    assert all(d is None or d.value != "2017" for d in dates.values())


def test_a_span_without_a_count_or_too_loose_gives_no_date():
    dates = _dates("Months after the army seized power, the junta freed the opposition leader on Friday.")
    assert dates["seized"] is None
    dates = _dates("Nearly three years after the army seized power, the junta freed the opposition leader on Friday.")
    assert dates["seized"] is None


def test_a_span_forward_from_a_possible_act_dates_nothing():
    dates = _dates("A year after the deal expires, the council will impose sanctions on the ministry.")
    assert all(d is None or d.value not in ("2018", "2020") for d in dates.values())

