"""A penalty said to come is a threat only when what it punishes is a hostile act
(session 13; docs/annotation.md 2 and 10): both statement rules -- the evaluating-verb
path (``event_triggers._threatens``) and the reported-clause path
(``event_statements.penalty_statement``) -- share ``punishes_hostile_act``. A price a
party "will pay" for a misfortune or a policy of its own is a forecast. Every sentence
is invented for these tests."""
import pytest

from event_helpers import country, run


def threats(doc):
    return [e for e in doc.events if e.type == "THREATEN"]


@pytest.mark.parametrize("text", [
    "The rating agency said Peru would pay a heavy price for its budget deficit.",
    "Economists said Brazil will pay a steep price for the slow vaccine rollout.",
    "The central bank governor said Turkey would pay a high price for years of cheap credit.",
    "The ministry said farmers would pay a heavy price for the drought.",
])
def test_a_price_for_a_misfortune_or_policy_is_a_forecast(kb, text):
    doc = run(kb, text)
    assert not threats(doc), [(e.type, e.trigger.text) for e in doc.events]


@pytest.mark.parametrize("text, target", [
    # a named hostile act
    ("Ankara said Athens would pay a heavy price for the shelling of its patrol boat.", "GRC"),
    ("Seoul said Pyongyang will face grave consequences for the missile attack on its island.", "PRK"),
    ("The Indian army said Pakistan would pay a bitter price for the ambush of its convoy.", "PAK"),
    ("Kenya warned Somalia that it would pay a price for the raid on its border post.", "SOM"),
    # a deed told by a verb or by a general deed noun (statement_content.tsv deed_noun)
    ("Pyongyang said Seoul would pay a price for conducting the drills.", "KOR"),
    ("Beijing said Manila would face consequences for this move.", "PHL"),
    ("Riyadh said Doha will pay a heavy price for its behaviour.", "QAT"),
])
def test_a_price_for_a_deed_of_the_party_stays_a_threat(kb, text, target):
    doc = run(kb, text)
    found = threats(doc)
    assert found, [(e.type, e.trigger.text) for e in doc.events]
    assert country(found[0].target) == target


def test_a_penalty_with_no_offence_named_stays_a_threat(kb):
    doc = run(kb, "Moscow said Vilnius would pay a heavy price.")
    found = threats(doc)
    assert found and country(found[0].target) == "LTU", [(e.type, e.trigger.text) for e in doc.events]


def test_a_price_for_a_reproached_deed_is_a_reproach(kb):
    # the reproach word ("crimes") makes the statement an ACCUSE before any penalty reading
    doc = run(kb, "Damascus said Ankara would pay a heavy price for its crimes.")
    assert [(e.type, country(e.target)) for e in doc.events] == [("ACCUSE", "TUR")]
