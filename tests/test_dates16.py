"""Each act dated by its own time words, never by another clause's (issue 7 item 6,
issue 8 item 1). Invented sentences only.

* A light verb's object ("continued the bombing") and a noun that counts acts ("a wave
  of attacks") keep the clause's time (near misses of the rules below).
* An event noun carried by a verb of ordering or conducting ("ordered the raid that
  destroyed the depot last month") is dated by the clause it is the doer of; a clause
  on it with another subject ("the offensive which the generals had planned in 2015")
  tells that subject's act, not this one's time.
* A year written before a proper name ("the 2002 Authorization for Use of Military
  Force", "the 1994 Framework Agreement") dates the law or treaty, not the act.
"""
import pytest

import sitrep

PUBLISHED = "2020-01-10"  # a Friday


def _dates(text: str) -> dict[str, tuple]:
    """First trigger word -> (date value, inferred, background) of each event."""
    doc = sitrep.extract(text, published=PUBLISHED, snippet=True)
    return {e.trigger.text.split()[0].lower(): (e.date.value if e.date else None,
                                                 bool(e.date and e.date.inferred), e.background)
            for e in doc.events}


# -- near misses: the clause's own act -------------------------------------------------

@pytest.mark.parametrize("text, word, day", [
    ("On Monday, the army continued the bombing of the refinery.", "continued", "2020-01-06"),
    ("The militants launched a wave of attacks on Monday.", "launched", "2020-01-06"),
])
def test_the_act_carried_or_counted_by_the_clause_takes_its_time(text, word, day):
    value, inferred, _ = _dates(text)[word]
    assert (value, inferred) == (day, False)


# -- the clause an ordered or conducted act is the doer of -----------------------------

@pytest.mark.parametrize("text, word, value, background", [
    ("The president ordered the missile strike that killed the commander near the border "
     "last week.", "ordered", "2020-W01", False),
    ("The rebels carried out the ambush that wounded six soldiers on Tuesday, a spokesman "
     "said.", "carried", "2020-01-07", False),
    ("The general ordered the raid that destroyed the depot last month, officials said on "
     "Wednesday.", "ordered", "2019-12", True),
])
def test_a_clause_the_event_noun_is_the_doer_of_dates_it(text, word, value, background):
    got, inferred, bg = _dates(text)[word]
    assert (got, inferred, bg) == (value, False, background)


def test_a_clause_with_another_subject_does_not_date_the_act():
    got, inferred, bg = _dates("The cabinet approved the offensive which the generals had planned in 2015.")["approved"]
    assert got != "2015" and inferred and not bg


def test_a_clause_on_a_pattern_object_still_dates_only_that_object():
    got, inferred, _ = _dates("The government lifted the curfew that it imposed in March.")["lifted"]
    assert not (got or "").endswith("-03") and inferred


# -- a year written before a proper name -------------------------------------------------

@pytest.mark.parametrize("text, word, year", [
    ("The White House said the killing of the general was authorized under the 2002 "
     "Authorization for Use of Military Force.", "killing", "2002"),
    ("Officials said the raid violated the 1994 Framework Agreement.", "raid", "1994"),
    ("Critics argued that the blockade breached the 1982 Law of the Sea Convention.", "blockade", "1982"),
    ("The minister said the blockade was lawful under the charter and the 1958 Geneva Convention.",
     "blockade", "1958"),
])
def test_a_year_before_a_proper_name_dates_that_name_not_the_act(text, word, year):
    got, inferred, bg = _dates(text)[word]
    assert got != year and inferred and not bg


@pytest.mark.parametrize("text, word, value", [
    ("The 2003 invasion toppled the government.", "invasion", "2003"),
    # a named happening, not a standing document: its year dates the act on it
    ("The rebels launched the offensive that began the 1994 Lake War.", "launched", "1994"),
    ("At Tuesday's NATO Summit, the chancellor accused Moscow of cheating.", "accused", "2020-01-07"),
])
def test_a_date_on_the_event_word_or_its_occasion_still_dates_the_act(text, word, value):
    got, inferred, _ = _dates(text)[word]
    assert (got, inferred) == (value, False)


def test_a_weekday_hung_on_a_title_still_dates_the_act():
    # the parser may read "Monday" as part of the title "Monday Defense Secretary": only a
    # bare year before a cited name names that name
    got, inferred, _ = _dates("On Monday Defense Secretary Jane Doe announced new sanctions on the regime.")["announced"]
    assert (got, inferred) == ("2020-01-06", False)
