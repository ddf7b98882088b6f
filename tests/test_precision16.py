"""Acts that are only aimed at (session 15, precision16; docs/annotation.md 2).

What a participle of purpose aims at ("talks aimed at normalizing relations", "a strike
designed to deter the regime", "a mission geared toward a blockade") is an aim, like an
infinitive of purpose, not an act reported as done. The aimed act of a measure or decision
("a decree aimed at expelling the journalists", "a bill designed to sanction the generals")
is that measure's content and stays, as "signed an order imposing sanctions" does.

Every sentence is written for these tests; the rule has near misses that must still fire.
"""
import pytest

import sitrep
from sitrep.knowledge.plover import event_words


def events(text):
    return [(e.type, e.trigger.text) for e in sitrep.extract(text, snippet=True).events]


def has_trigger(text, word):
    return any(word in trigger for _, trigger in events(text))


# -- the aimed act is no act ----------------------------------------------------------------

@pytest.mark.parametrize("text, aimed", [
    # a noun after "geared toward"
    ("The navy deployed two frigates to the gulf in a mission geared toward a blockade of the rebel port.",
     "blockade"),
    # a gerund after "aimed at"
    ("Officials from both capitals held a third round of meetings aimed at imposing a blockade on the "
     "smugglers' harbour.", "blockade"),
    # an infinitive after "designed to", with the act a verb
    ("The brigade mounted patrols along the river, an operation designed to arrest the traffickers "
     "who cross at night.", "arrest"),
])
def test_an_act_a_participle_of_purpose_aims_at_is_no_event(text, aimed):
    assert not has_trigger(text, aimed), events(text)


def test_the_act_before_the_aim_stays():
    text = "The navy deployed two frigates to the gulf in a mission geared toward a blockade of the rebel port."
    assert ("MOBILIZE", "deployed") in events(text)


# -- near misses: the aimed act of a measure, and "aimed at" a place, stay ------------------

@pytest.mark.parametrize("text, act", [
    ("The president signed a decree aimed at expelling foreign journalists from the capital.", "expelling"),
    ("The senators introduced a bill aimed at sanctioning the generals behind the coup.", "sanctioning"),
])
def test_the_aimed_act_of_a_measure_is_its_content_and_stays(text, act):
    assert has_trigger(text, act), events(text)


def test_a_weapon_aimed_at_a_place_is_still_an_attack():
    text = "Rebel gunners aimed at the airport and shelled its runway on Friday."
    assert ("ASSAULT", "shelled") in events(text)


def test_a_plain_blockade_is_still_an_event():
    text = "The navy imposed a blockade on the rebel port on Monday."
    assert [t for t, _ in events(text)] == ["COERCE"]


def test_the_purpose_words_are_data():
    words = event_words()
    assert {"aimed", "designed", "intended", "geared"} <= words.purpose_participles
    assert {"at", "to", "toward"} <= words.purpose_openers
