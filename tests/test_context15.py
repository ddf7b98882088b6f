"""Session 14 (context15): the background flag and certainty on real news. A "since" of
a record hung on the verb, an earlier time measured by a span ("weeks earlier"), and the past
perfect of the verb an infinitive depends on. Every sentence is made up for these tests."""
import pytest

from sitrep import pipeline
from sitrep.model import Article

#: two lead paragraphs, so a third paragraph is the article's body (the lead tells news
#: in any tense)
LEAD = ("Zarnian troops shelled the border town of Kelvo on Monday, officials in Orvalo said.\n\n"
        "The government of Orvalo condemned the shelling on Tuesday and recalled its envoy.\n\n")


def run(kb, text, published="2024-05-20"):
    return pipeline.process(Article(id="t", text=text, published=published), kb)


def body_event(kb, sentence, word):
    doc = run(kb, LEAD + sentence)
    found = [e for e in doc.events if e.trigger.text.startswith(word)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


# ---------------------------------------------------------------- a record's "since" on the verb

@pytest.mark.parametrize("sentence, word", [
    ("Zarnia's currency fell to its lowest level since March 2021 on Tuesday, hours after "
     "Orvalo announced new sanctions on Zarnian banks.", "announced"),
    ("Oil prices rose to their highest level since June 2019, a day after Orvalo imposed "
     "sanctions on Zarnia.", "imposed"),
    ("Exports stood at their lowest point since 2017 last week after Orvalo closed the "
     "border with Zarnia.", "closed"),
])
def test_a_record_since_hung_on_the_verb_dates_no_act(kb, sentence, word):
    # "fell to its lowest level since 2021" measures a record; the act after it is news
    doc = run(kb, sentence)
    act = [e for e in doc.events if e.trigger.text.startswith(word)][0]
    assert act.background is False
    assert act.date is None or act.date.value[:4] == "2024"


def test_since_on_a_perfect_without_a_record_still_makes_background(kb):
    doc = run(kb, "Zarnia has blockaded the Orvalo strait since 2008.")
    assert doc.events[0].background is True


def test_a_superlative_object_is_no_record(kb):
    # "has held the largest island since 2008": the object is ranked, no level is reached
    doc = run(kb, "Zarnia has held the largest island in the strait since 2008 after its navy "
                  "seized it from Orvalo.")
    seized = [e for e in doc.events if e.trigger.text == "seized"][0]
    assert seized.background is True


# ---------------------------------------------------------------- "weeks earlier", "two months prior"

@pytest.mark.parametrize("sentence, word", [
    ("Two months prior, the envoy asked Orvalo to release the fishermen.", "asked"),
    ("Weeks earlier, Zarnian gunboats fired on a fishing boat from Orvalo.", "fired"),
    ("Three years before, Orvalo expelled two Zarnian diplomats.", "expelled"),
])
def test_an_earlier_time_measured_past_the_news_window_is_background(kb, sentence, word):
    assert body_event(kb, sentence, word).background is True


def test_an_earlier_time_inside_the_news_window_is_news(kb):
    asked = body_event(kb, "Two days earlier, the envoy asked Orvalo to release the fishermen.", "asked")
    assert asked.background is False


# ---------------------------------------------------------------- an infinitive under a past perfect

@pytest.mark.parametrize("sentence, word", [
    ("The president of Zarnia had told the generals to prepare an assault on the rebel camps.", "assault"),
    ("The army had been told to withdraw its troops from the border.", "withdraw"),
    ("The council had voted to impose sanctions on Orvalo.", "impose"),
])
def test_an_infinitive_takes_the_past_perfect_of_its_governing_verb(kb, sentence, word):
    assert body_event(kb, sentence, word).background is True


def test_an_infinitive_under_a_present_perfect_is_news(kb):
    assault = body_event(kb, "The president has told the generals to prepare an assault on the rebel "
                             "camps.", "assault")
    assert assault.background is False


def test_a_reported_past_perfect_stays_news(kb):
    # the content of a report in the past perfect may be the news itself
    doc = run(kb, LEAD + "The spokesman said the army had been ordered to withdraw its troops "
                         "from the border.")
    assert all(not e.background for e in doc.events)
