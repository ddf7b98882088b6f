"""Targets the sentence names beside the object (session 16, issue 7 items 1 and 3).
Every sentence is invented; each rule has sentences of different shapes and a near-miss.

* a thing named with the body it belongs to stands for that body when the body is named
  by its role ("rejected the government's budget plan"), as "Russia's policy" does;
* a threat (or a conflict act held out as one) on a condition targets the party the
  condition names ("will take action if the rebels attack").
"""
import pytest

from event_helpers import by_trigger, country, first, run


# ------------------------------------------------------------ a role-named owner of a thing is the party

@pytest.mark.parametrize("text, word, owner", [
    ("Senator Lopez lambasted the administration's trade policy on Sunday.", "lambasted", "administration"),
    ("The opposition rejected the government's budget plan on Tuesday.", "rejected", "government"),
    ("The union criticized the ministry's new rules for teachers.", "criticized", "ministry"),
])
def test_the_role_named_owner_of_a_thing_is_the_target(kb, text, word, owner):
    event = by_trigger(run(kb, text), word)
    assert event.target is not None and owner in event.target.text


def test_an_undergone_act_of_a_role_named_party_is_not_its_doing(kb):
    """Near-miss: 'the minister's arrest' was undergone by the minister; the protesters
    condemn whoever arrested him, who is not named."""
    doc = run(kb, "Protesters condemned the minister's arrest on Friday.")
    accuse = first(doc, "ACCUSE")
    assert accuse.target is None or "minister" not in accuse.target.text


# ------------------------------------------------------------ a conditional threat targets its condition's party

@pytest.mark.parametrize("text, word, party", [
    ("The minister said the army would take action if the rebels attack the capital again.", "action", "rebels"),
    ("The army will strike if the insurgents cross the river, the general said.", "strike", "insurgents"),
    ("More sanctions will follow if Moscow refuses to comply, the minister said.", "sanctions", "Moscow"),
])
def test_a_conditional_threat_targets_the_party_of_its_condition(kb, text, word, party):
    event = by_trigger(run(kb, text), word)
    assert event.type == "THREATEN"
    assert event.target is not None and party in event.target.text


def test_a_threat_that_names_its_target_keeps_it(kb):
    """Near-miss: the clause names whom it threatens; the condition's party is not taken."""
    doc = run(kb, "Seoul threatened to strike North Korea if the talks fail.")
    threat = first(doc, "THREATEN")
    assert country(threat.target) == "PRK"


def test_a_threat_against_the_doer_of_another_threat_is_another_act(kb):
    """A threat with no doer named, aimed at the state that made an earlier threat, is
    not that state's threat told again (event_merge: reversed sides)."""
    doc = run(kb, "Belarus vowed on Monday to retaliate. "
                  "The ministry in Vilnius says tougher sanctions will follow if Belarus refuses to free the prisoners.")
    threats = [e for e in doc.events if e.type == "THREATEN"]
    assert len(threats) == 2, [(e.trigger.text, e.source, e.target) for e in threats]
    assert any(country(e.target) == "BLR" for e in threats)


@pytest.mark.parametrize("text, word, owner", [
    ("Police arrested the mayor's driver on Monday.", "arrested", "mayor"),
    ("Gunmen killed the governor's bodyguard near the market.", "killed", "governor"),
    ("The court jailed the president's nephew for fraud.", "jailed", "president"),
])
def test_a_person_possessed_is_the_party_not_the_possessor(kb, text, word, owner):
    """Near-miss: an act on a person named with whose they are acts on that person."""
    event = by_trigger(run(kb, text), word)
    assert event.target is None or owner not in event.target.text
