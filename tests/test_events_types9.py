"""Event types by general mechanisms (session 8): a subject that says nobody acted
negates the act, more verbs of resuming relations and of reproach. Every sentence is
invented for these tests."""
import pytest

from event_helpers import run


def types(doc):
    return sorted(e.type for e in doc.events)


@pytest.mark.parametrize("text", [
    "Neither Peru nor Chile attacked the fishing boats near the border on Saturday.",
    "Nobody attacked the Peruvian embassy in Santiago during the night.",
    "None of the rebel groups attacked the government convoy near the capital.",
    "No country has recognised the new government of the breakaway province.",
])
def test_a_negative_subject_negates_the_act(kb, text):
    assert types(run(kb, text)) == []


def test_a_plain_subject_keeps_the_act(kb):
    assert "ASSAULT" in types(run(kb, "Peru attacked the fishing boats near the border on Saturday."))


@pytest.mark.parametrize("text", [
    "Peru and Chile have renewed diplomatic ties after a ten-year break.",
    "Colombia resumed diplomatic relations with Ecuador on Sunday.",
])
def test_resumed_relations_are_support(kb, text):
    assert "SUPPORT" in types(run(kb, text))


def test_chiding_is_an_accusation(kb):
    assert "ACCUSE" in types(run(kb, "The Chilean government chided Bolivia for its border policy."))



def test_according_to_is_no_accord(kb):
    text = "The jobless rate reached 14 percent in March, according to the statistics office of Peru."
    assert "AGREE" not in types(run(kb, text))
    assert "AGREE" in types(run(kb, "Peru and Chile reached an accord on fishing rights, according to officials."))


@pytest.mark.parametrize("text, etype", [
    ("Peru cancelled the foreign minister's visit to Chile after the border incident on Friday.", "SANCTION"),
    ("Chile and Bolivia have postponed their talks after the border incident on Friday.", "SANCTION"),
    ("The Peruvian foreign minister telephoned his Chilean counterpart on Tuesday about the dispute.", "CONSULT"),
    ("The ministries of Peru and Chile shared expertise on mine clearance last year.", "COOPERATE"),
])
def test_verb_object_rows_of_session_8(kb, text, etype):
    assert etype in types(run(kb, text))
