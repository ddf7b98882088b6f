"""Detection precision (session 8, precision9): acts inside a condition are no events,
and mentions of one happening merge. Sentences written for these tests."""
from event_helpers import run


def triggers(doc):
    return [(e.type, e.trigger.text) for e in doc.events]


# -- conditions ------------------------------------------------------------------------

def test_the_act_in_an_if_clause_is_no_event(kb):
    doc = run(kb, "If the rebels attack the capital, the army is ready.")
    assert not [e for e in doc.events if e.trigger.text == "attack"], triggers(doc)


def test_the_act_in_an_unless_clause_is_no_event(kb):
    doc = run(kb, "Unless Norway withdraws its envoy, nothing will change.")
    assert not [e for e in doc.events if e.trigger.text == "withdraws"], triggers(doc)


def test_the_same_act_outside_a_condition_is_coded(kb):
    doc = run(kb, "The rebels attacked the capital on Monday.")
    assert [e for e in doc.events if e.trigger.text == "attacked"], triggers(doc)


def test_a_threat_on_a_condition_is_still_coded(kb):
    doc = run(kb, "Norway said there would be serious consequences if Sweden attacked its ships.")
    assert [e for e in doc.events if e.type == "THREATEN"], triggers(doc)
    assert not [e for e in doc.events if e.trigger.text == "attacked"], triggers(doc)


# -- a participle on an event noun -------------------------------------------------------

def test_a_participle_on_a_sanction_noun_is_no_second_act(kb):
    doc = run(kb, "Norway imposed new sanctions targeting Sweden on Monday.")
    assert [e for e in doc.events if e.type == "SANCTION"], triggers(doc)
    assert not [e for e in doc.events if e.trigger.text == "targeting"], triggers(doc)


def test_a_participle_on_a_plain_noun_stays_an_act(kb):
    doc = run(kb, "Soldiers attacking the village were seen by Swedish officials.")
    assert [e for e in doc.events if e.trigger.text == "attacking"], triggers(doc)
