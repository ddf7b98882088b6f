"""Session 18 (lead): a cyberattack is COERCE, in every spelling.

docs/annotation.md 10 (session 18): a cyberattack, hacking of a party's computers or e-mail
and election interference by hacking are COERCE (PLOVER 2.0 mode ``cyber``), as the trigger
rows already read "hack" and "cyberattack". "cyber attack" and "cyber-attacks" used to fall to
the plain noun "attack" (ASSAULT); the ``modifier`` rows ("attack cyber") take them when
"cyber" is the noun's own modifier written before it, and only then: an attack on something
named with "cyber" further down is still an attack.

Every text is made up for these tests."""

import pytest

from sitrep import pipeline
from sitrep.knowledge.plover import load_triggers
from sitrep.model import Article


def _typed(kb, text):
    doc = pipeline.process(Article(id="cy18", text=text, published="2024-03-05"), kb)
    return [(e.type, e.trigger.text) for e in doc.events]


@pytest.mark.parametrize("text", [
    "Russia launched cyber-attacks on Estonian banks last week.",
    "China carried out a cyber attack against the Pentagon on Monday.",
    "Iran launched a cyberattack on Saudi oil facilities in May.",
    "Russia has engaged in cyberwarfare against Ukraine for years.",
])
def test_a_cyberattack_is_coerce_in_every_spelling(kb, text):
    types = [t for t, _ in _typed(kb, text)]
    assert types == ["COERCE"], _typed(kb, text)


def test_an_attack_on_something_named_cyber_further_down_stays_an_assault(kb):
    # near miss: "cyber" modifies the office attacked, not the attack
    events = _typed(kb, "Rebels staged a suicide attack on the cyber security office in Kabul.")
    assert [t for t, _ in events] == ["ASSAULT"]


def test_a_plain_attack_is_still_an_assault(kb):
    events = _typed(kb, "The army launched attacks on rebel positions near the border.")
    assert [t for t, _ in events] == ["ASSAULT"]


def test_the_modifier_rows_say_so():
    rows = {(t.lemma, t.second): t for t in load_triggers() if t.mode == "cyber"}
    assert "modifier" in rows[("attack", "cyber")].flags
    # a modifier flag means something only on a two-word row
    assert all(t.second for t in load_triggers() if "modifier" in t.flags)
