"""The lead's day that undated later acts inherit is the news's day, never the day of an
old act the lead measures the news from ("Six months after the <day> bombing, ..."):
review 20:17 of session 14. Every sentence is made up for these tests."""
import pytest

from sitrep import pipeline
from sitrep.model import Article

PUBLISHED = "2024-05-20"


def run(kb, text, published=PUBLISHED):
    return pipeline.process(Article(id="t", text=text, published=published), kb)


def act(doc, word):
    found = [e for e in doc.events if e.trigger.text.startswith(word)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


@pytest.mark.parametrize("lead, later, word", [
    ("Six months after the Nov. 14, 2023, bombing of the Orvalo embassy, lawmakers in Zarnia are "
     "demanding answers from the defence ministry.",
     "The opposition leader criticised the Orvalo ambassador.", "criticised"),
    ("A year after the June 3, 2023, raid on the Kelvo border post, Zarnian officials are still "
     "arguing over who gave the order.",
     "Orvalo accused Zarnia of hiding the commanders.", "accused"),
    ("Eight months on from the Sept. 9, 2023, shelling of Kelvo, the town's residents remain in "
     "tents.",
     "The Zarnian government promised aid to the families.", "promised"),
])
def test_an_old_act_in_the_lead_lends_no_day(kb, lead, later, word):
    doc = run(kb, lead + "\n\nThe hearings are set to continue.\n\n" + later)
    date = act(doc, word).date
    # the later undated act gets the publication day, not the recalled act's months-old day
    assert date is not None and date.value[:10] == PUBLISHED, date


def test_a_news_day_in_the_lead_is_still_inherited(kb):
    # near miss: the lead's own news day (a Thursday before publication) stays the day
    # later undated sentences inherit
    doc = run(kb, "Zarnian troops shelled the border town of Kelvo on Thursday, officials in "
                  "Orvalo said.\n\nThe government of Orvalo recalled its envoy.\n\n"
                  "Orvalo accused Zarnia of hiding the commanders.")
    date = act(doc, "accused").date
    assert date is not None and date.value[:10] == "2024-05-16", date
