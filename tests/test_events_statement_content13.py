"""Statements typed by what a named party says when no threat, accusation or demand verb
carries them (session 12, saying13, issue 7; docs/annotation.md 10): a penalty said to
come is a threat, a task laid on another party is a demand, outrage at an act reproaches its doer; a deterrent
measure said to "follow" is held out, a threat. Each rule has near misses that must not
fire. Every sentence is invented for these tests."""
import pytest

from event_helpers import country, run
from sitrep.stages.event_statements import CONTENT_CUE_KINDS, load_content_cues


def of_type(doc, etype):
    return [e for e in doc.events if e.type == etype]


def summary(doc):
    return [(e.type, e.trigger.text) for e in doc.events]


# ------------------------------------------------------------------ penalties said

@pytest.mark.parametrize("text, trigger, target", [
    ("The Turkish defence minister told reporters that Greece would face severe consequences for the blockade.",
     "told", "GRC"),
    ("Kenya said Somalia would pay a price over the detention of its fishermen.", "said", "SOM"),
    ("Iran said Israel would face severe consequences for the strike on its consulate.", "said", "ISR"),
    ("The Cuban foreign minister said any attempt to blockade the island would bring a harsh response.",
     "said", None),
])
def test_a_penalty_said_to_come_is_a_threat(kb, text, trigger, target):
    doc = run(kb, text)
    threats = of_type(doc, "THREATEN")
    assert [e.trigger.text for e in threats] == [trigger], summary(doc)
    assert country(threats[0].target) == target


def test_the_offence_stays_and_a_class_of_acts_goes(kb):
    doc = run(kb, "The Turkish defence minister told reporters that Greece would face severe consequences "
                  "for the blockade.")
    assert of_type(doc, "COERCE"), summary(doc)  # the blockade is a happening of its own
    doc = run(kb, "The Cuban foreign minister said any attempt to blockade the island would bring a harsh response.")
    assert not of_type(doc, "COERCE"), summary(doc)  # "any attempt to blockade": the condition


@pytest.mark.parametrize("text", [
    "The finance minister said the drought will have grave consequences for farmers.",
    "The Iranian minister said the sanctions would have consequences for ordinary Iranians.",
])
def test_a_forecast_of_consequences_is_no_threat(kb, text):
    assert not of_type(run(kb, text), "THREATEN"), summary(run(kb, text))


# ------------------------------------------------------------ measures held out

@pytest.mark.parametrize("text, target", [
    ("The French foreign ministry said further sanctions on Mali will follow next month.", "MLI"),
    ("New US sanctions against Caracas may come as early as next week.", "VEN"),
    ("If the talks fail, an arms embargo on South Sudan will follow, the Kenyan president said.", "SSD"),
])
def test_a_measure_said_to_follow_is_held_out(kb, text, target):
    doc = run(kb, text)
    assert not of_type(doc, "SANCTION"), summary(doc)
    threats = of_type(doc, "THREATEN")
    assert len(threats) == 1 and country(threats[0].target) == target, summary(doc)


def test_the_speaker_holds_the_measure_out(kb):
    doc = run(kb, "The Australian prime minister said more sanctions could come against Russian banks.")
    threats = of_type(doc, "THREATEN")
    assert [e.trigger.text for e in threats] == ["said"], summary(doc)
    assert country(threats[0].source) == "AUS" and country(threats[0].target) == "RUS"
    assert threats[0].certainty.status == "asserted"


def test_a_measure_that_followed_was_imposed(kb):
    doc = run(kb, "Sanctions on Mali followed the coup.")
    assert of_type(doc, "SANCTION") and not of_type(doc, "THREATEN"), summary(doc)


# --------------------------------------------------------------------- tasks laid

@pytest.mark.parametrize("text, trigger, target", [
    ("It is up to Belgrade to calm the tensions, the Kosovar premier told reporters.", "told", "SRB"),
    ("The Serbian president said it is the responsibility of Kosovo to protect the monasteries.", "said", "XKX"),
    ("The German chancellor said the onus was on Tehran to return to the nuclear talks.", "said", "IRN"),
])
def test_a_task_laid_on_a_party_is_a_demand(kb, text, trigger, target):
    doc = run(kb, text)
    requests = of_type(doc, "REQUEST")
    assert [e.trigger.text for e in requests] == [trigger], summary(doc)
    assert country(requests[0].target) == target


@pytest.mark.parametrize("text", [
    "The Ethiopian minister said it was not up to Egypt to end the standoff.",
    "The Swiss president said it was up to Iran to decide whether to talk.",
])
def test_a_task_denied_or_a_choice_left_is_no_demand(kb, text):
    doc = run(kb, text)
    assert not of_type(doc, "REQUEST"), summary(doc)


# ------------------------------------------------------------------------ outrage

@pytest.mark.parametrize("text, target", [
    ("Egypt's foreign minister told reporters that Cairo was appalled by the Ethiopian army's shelling "
     "of the border town.", "ETH"),
    ("Germany's chancellor said she was horrified by the Russian strike on the hospital.", "RUS"),
    ("The Kenyan ministry said it was outraged at the arrest of its diplomats by Ugandan police.", "UGA"),
])
def test_outrage_at_an_act_reproaches_its_doer(kb, text, target):
    doc = run(kb, text)
    accusations = of_type(doc, "ACCUSE")
    assert len(accusations) == 1, summary(doc)
    assert country(accusations[0].target) == target


def test_shock_at_no_act_is_no_accusation(kb):
    doc = run(kb, "The Chilean minister said she was shocked by the news of the earthquake.")
    assert not of_type(doc, "ACCUSE"), summary(doc)


def test_the_content_cue_file_refuses_an_unknown_kind(tmp_path):
    bad = tmp_path / "statement_content.tsv"
    bad.write_text("obligation_word\tonus\nthreat_noun\tprice\n", encoding="utf-8")
    with pytest.raises(ValueError, match="statement_content.tsv:2"):
        load_content_cues(bad)
    assert set(load_content_cues()) == set(CONTENT_CUE_KINDS)
