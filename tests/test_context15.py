"""Session 14 (context15): the background flag and certainty on real news. A "since" of
a record hung on the verb, an earlier time measured by a span ("weeks earlier"), a future
modal above an announced threat or truce, an act a video shows, and a file-photo caption
before the lead. Every sentence is made up for these tests."""
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
    ("Grain prices in Kelvo climbed to their highest point since 2019 after Orvalo closed the "
     "border crossing to Zarnian trucks.", "closed"),
    ("The Zarnian stock index dropped to its weakest level since May 2020 as Orvalo expelled "
     "three Zarnian diplomats.", "expelled"),
    ("Attendance at the Kelvo market stood at its lowest since 2017 last week, when Orvalo "
     "suspended fuel shipments to Zarnia.", "suspended"),
])
def test_a_record_since_hung_on_the_verb_dates_no_act(kb, sentence, word):
    # "dropped to its weakest level since 2020" measures a record; the act beside it is news
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


# ---------------------------------------------------------------- a future above a threat or a truce

@pytest.mark.parametrize("sentence, word, etype", [
    ("Further sanctions against Zarnia will come into force on Friday, the minister said.",
     "sanctions", "THREATEN"),
    ("A truce between the two armies will take effect at midnight, the mediators said.", "truce", "AGREE"),
    ("A truce in the northern hills will take hold on Sunday, both commanders said.", "truce", "AGREE"),
])
def test_a_future_on_the_verb_of_an_announced_threat_or_truce_is_the_act(kb, sentence, word, etype):
    act = body_event(kb, sentence, word)
    assert act.type == etype
    assert act.certainty.status != "hypothetical"


def test_a_future_above_an_attack_or_a_withdrawal_stays_hypothetical(kb):
    act = body_event(kb, "A withdrawal of Zarnian troops from the border will begin on Friday, the "
                         "defence ministry said.", "withdrawal")
    assert act.type == "RETREAT" and act.certainty.status == "hypothetical"


# ---------------------------------------------------------------- what a video shows

#: a lead with no violence, so the body's act is the only one of its kind
CALM_LEAD = "Orvalo rejected the demands on Tuesday.\n\nThe minister spoke in the capital.\n\n"


def calm_event(kb, sentence, word):
    doc = run(kb, CALM_LEAD + sentence)
    found = [e for e in doc.events if e.trigger.text.startswith(word)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


@pytest.mark.parametrize("sentence, word", [
    ("A recording obtained by reporters shows that Orvalo's police attacked the detained students.",
     "attacked"),
    ("Residents shared a clip that shows Zarnian gunmen were shooting at a police post in Kelvo.",
     "shooting"),
    ("A photo published on Tuesday shows that Zarnian soldiers detained two fishermen from Orvalo.",
     "detained"),
    ("New footage showed that Zarnian gunboats had fired on the ferry.", "fired"),
])
def test_an_act_a_record_shows_is_asserted(kb, sentence, word):
    assert calm_event(kb, sentence, word).certainty.status == "asserted"


@pytest.mark.parametrize("sentence, word", [
    # a hedged record: the act stays a claim of whoever made it
    ("A clip circulating online seems to show that Orvalo's police attacked the students.", "attacked"),
    # a speaker's report of what images showed: the speaker carries it
    ("He said on Monday that satellite images had shown that Zarnian troops shelled the village "
     "of Kelvo.", "shelled"),
    # an office that confirms is a party's statement, not a record
    ("The ministry confirmed that Zarnian troops had shelled the village of Kelvo.", "shelled"),
])
def test_a_hedged_or_spoken_showing_is_not_asserted(kb, sentence, word):
    assert calm_event(kb, sentence, word).certainty.status != "asserted"


# ---------------------------------------------------------------- a file-photo caption before the lead

from sitrep.stages.event_context import furniture_paragraphs  # noqa: E402

CAPTION = ("FILE - In this Jan. 3, 2010, file photo, the foreign minister of Zarnia, left, "
           "walks with aides through the old market of Kelvo, a town long disputed with Orvalo, "
           "ahead of talks that later failed; the minister had served two terms before losing "
           "an election to a rival from the coast, who promised closer ties with the "
           "neighbouring states and a quick end to the dispute. (AP Photo/Jane Doe, File)")


@pytest.mark.parametrize("caption", [
    CAPTION,
    "FILE - This 2015 photo shows fishermen from Orvalo mending nets in the harbour of Kelvo.",
    "FILE — In a 2019 photo, soldiers of Zarnia stand guard at the border crossing near Kelvo.",
])
def test_a_file_photo_caption_is_furniture(kb, caption):
    text = caption + "\n\nZarnia's army shelled Kelvo on Monday.\n\nOrvalo condemned it.\n\nTalks stalled."
    doc = run(kb, text)
    assert furniture_paragraphs(doc, kb.event_lexicon)[0][:2] == (0, len(caption))


def test_a_paragraph_about_files_is_prose(kb):
    text = ("Files released in 2019 show the minister of Zarnia met the rebels twice.\n\n"
            "Zarnia's army shelled Kelvo on Monday.\n\nOrvalo condemned it.\n\nTalks stalled.")
    doc = run(kb, text)
    assert all(start != 0 for start, _, _ in furniture_paragraphs(doc, kb.event_lexicon))


def test_the_lead_after_a_file_caption_dates_the_story(kb):
    # the caption's 2010 day is the picture's: a later undated act never inherits it
    text = (CAPTION + "\n\n" + CAPTION + "\n\nKELVO, Zarnia (AP) - Zarnia's army shelled the "
            "border town of Kelvo on Monday, officials in Orvalo said.\n\nOrvalo's government "
            "condemned the shelling and recalled its envoy.\n\nThe minister demanded talks.")
    doc = run(kb, text)
    demanded = [e for e in doc.events if e.trigger.text.startswith("demanded")][0]
    assert demanded.date is not None and demanded.date.value.startswith("2024-05")
    assert demanded.background is False


def test_a_recap_after_a_one_line_outlet_name_and_the_lead_stays_background(kb):
    # the lead never reaches past the first two paragraphs; the next one may recap
    text = ("USA TODAY\n\nZarnia's army shelled the border town of Kelvo on Monday, officials in "
            "Orvalo said.\n\nZarnia has expelled the envoy of Orvalo and closed its embassy there.\n\n"
            "The talks are due to resume next month.")
    expelled = [e for e in run(kb, text).events if e.trigger.text == "expelled"][0]
    assert expelled.background is True


def test_a_caption_beside_the_lead_lends_it_no_day(kb):
    # one caption, then the lead: the lead is the prose paragraph alone
    text = (CAPTION + "\n\nZarnia's army has shelled the border town of Kelvo, officials in Orvalo "
            "said.\n\nOrvalo's government condemned the shelling.\n\nThe minister demanded talks.")
    demanded = [e for e in run(kb, text).events if e.trigger.text.startswith("demanded")][0]
    assert demanded.date is not None and demanded.date.value.startswith("2024-05")
