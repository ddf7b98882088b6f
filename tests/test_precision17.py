"""Session 16 (precision17, issue 7): denying an assertion carried by a noun with an
indicative that-clause is a denial, no REJECT (docs/annotation.md 6); one party or a text
discussing a topic with no counterpart is no CONSULT. Rejecting a demand or a proposal
stays REJECT; a discussion with a counterpart, or the aim of a visit, stays CONSULT. Every
sentence is invented for these tests."""
import pytest

from event_helpers import FILTER_TAIL as TAIL
from event_helpers import dropped_reasons as reasons
from event_helpers import kept, run, triggers
from sitrep.stages.event_filter import load_nonact_cues


# -- a denial of an assertion named by a noun with a that-clause is no REJECT -----------------

@pytest.mark.parametrize("text, word", [
    # "notion" + that-clause, past perfect inside
    ("The Greek premier on Monday dismissed the notion that Athens had mishandled the migrant crisis.",
     "dismissed"),
    # "idea" + that-clause about an attack
    ("Turkey rejected the idea that its troops had shelled Kurdish villages.", "rejected"),
    # "charge" + that-clause, a support act inside
    ("Pakistan rejected the charge that its agents had armed the Taliban.", "rejected"),
])
def test_denying_an_assertion_a_noun_carries_is_a_denial(kb, text, word):
    doc = run(kb, text + TAIL)
    assert reasons(doc, word) == ["denial"], triggers(doc)


@pytest.mark.parametrize("text, word", [
    ("Hamas rejected the idea of a truce with Israel.", "rejected"),
    ("Iran rejected the proposal that the foreign ministers had drafted in Vienna.", "rejected"),
    ("Serbia dismissed the plan that Kosovo put forward on Friday.", "dismissed"),
])
def test_rejecting_a_proposal_stays_reject(kb, text, word):
    doc = run(kb, text + TAIL)
    assert [e.type for e in kept(doc, word)] == ["REJECT"], triggers(doc)


# -- one party or a text discussing a topic is no CONSULT -------------------------------------

@pytest.mark.parametrize("text, word", [
    # a single body deliberating
    ("The Kenyan cabinet discussed the new sanctions on Somalia on Tuesday.", "discussed"),
    # a text as the subject of a participle
    ("A report in the Nation discussing the military aid to Somalia appeared on Monday.", "discussing"),
    # one politician, an adverbial participle after "while"
    ("The Polish minister angered Minsk while discussing the border fence on television.", "discussing"),
])
def test_discussing_a_topic_with_no_counterpart_is_no_consult(kb, text, word):
    doc = run(kb, text + TAIL)
    assert reasons(doc, word) == ["topic"], triggers(doc)


@pytest.mark.parametrize("text, word", [
    ("Ruto discussed the border dispute with Museveni on Tuesday.", "discussed"),
    ("Ruto and Museveni discussed the border dispute on Tuesday.", "discussed"),
    ("The two presidents discussed trade by phone on Monday.", "discussed"),
])
def test_a_discussion_with_a_counterpart_stays_consult(kb, text, word):
    doc = run(kb, text + TAIL)
    assert [e.type for e in kept(doc, word)] == ["CONSULT"], triggers(doc)


def test_an_infinitive_of_discussing_is_the_aim_of_a_meeting_and_stays(kb):
    doc = run(kb, "A NATO delegation flew to Rabat on Friday to discuss the future of the naval mission." + TAIL)
    assert "topic" not in reasons(doc, "discuss"), triggers(doc)


@pytest.mark.parametrize("text", [
    # mandative that-clauses: a demand, a proposal, a request (review 00:50)
    "Moscow rejected the demand that Russia withdraw its troops from the border.",
    "Hamas rejected the proposal that both sides observe a three-day truce.",
    "The government rejected the request that the opposition leader be released.",
])
def test_rejecting_a_demand_or_proposal_with_a_that_clause_stays_reject(kb, text):
    doc = run(kb, text + TAIL)
    assert [e.type for e in kept(doc, "rejected")] == ["REJECT"], triggers(doc)


def test_the_words_are_read_from_the_data_file():
    cues = load_nonact_cues()
    assert {"discuss", "debate"} <= cues["topic_verb"]
    assert {"demand", "request", "proposal"} <= cues["directive_noun"]


@pytest.mark.parametrize("text", [
    # a counterpart after "to" on a channel (review 01:05)
    "Macron discussed the crisis at length on the phone to the Russian president.",
    # a body of several states in session (review 01:05)
    "The UN Security Council discussed the crisis in Yemen at an emergency session.",
])
def test_a_channel_counterpart_or_a_council_in_session_stays(kb, text):
    doc = run(kb, text + TAIL)
    assert "topic" not in reasons(doc, "discussed"), triggers(doc)
