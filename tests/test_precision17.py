"""Session 16 (precision17, issue 7): acts told only as what a verb of preventing keeps from
happening are no events.

"Stopped the rebels from shelling the villages", "the law bars the police from detaining
journalists", "was barred from travelling": the act in the "from" + gerund complement of a
verb of preventing (VerbNet prevent-67, cues/nonacts.tsv ``prevention_verb``) did not
happen or is forbidden (docs/annotation.md 2: a real act, stated as having happened). The
prevention itself stays where it is an act, and so do acts that only share a word with the
frame ("stopped shelling", "fired from the hills"). Every sentence is invented for these
tests."""
import pytest

from event_helpers import FILTER_TAIL as TAIL
from event_helpers import dropped_reasons as reasons
from event_helpers import kept, run, triggers
from sitrep.stages.event_filter import load_nonact_cues


@pytest.mark.parametrize("text, word", [
    # the object of "stop" is the prevented party, under a verb of hoping
    ("Officials in Kiev hope to stop the rebels from shelling the northern villages.", "shelling"),
    # a law as the subject, present tense
    ("The new Egyptian law bars the police from detaining journalists without a warrant.", "detaining"),
    # the passive of "keep" under "meant to"
    ("The Nigerian operation was meant to keep the insurgents from attacking the convoy.", "attacking"),
    # inside a purpose phrase ("in an attempt to stop ... from")
    ("Kenyan troops launched the raid in an attempt to stop the gunmen from kidnapping aid workers.",
     "kidnapping"),
])
def test_an_act_a_verb_of_preventing_keeps_from_happening_is_no_event(kb, text, word):
    doc = run(kb, text + TAIL)
    assert reasons(doc, word) == ["prevented"], triggers(doc)
    assert not kept(doc, word), triggers(doc)


def test_the_prevention_itself_stays(kb):
    doc = run(kb, "The Syrian army prevented Turkish forces from shelling Kurdish villages." + TAIL)
    assert [e.type for e in kept(doc, "prevented")] == ["COERCE"], triggers(doc)
    assert not kept(doc, "shelling"), triggers(doc)


@pytest.mark.parametrize("text, word", [
    # "stopped" + gerund without "from": an aspectual verb, the shelling happened
    ("The Turkish army stopped shelling the Kurdish villages on Tuesday.", "shelling"),
    # "from" names a place, not a prevented act
    ("Syrian rebels kept firing rockets at the airport from the hills.", "firing"),
    # "from" after a noun of people
    ("Troops from the Russian 5th division attacked the Ukrainian town of Izium.", "attacked"),
    # a gerund after "from" that a verb of preventing does not govern
    ("Moscow accused Kiev of shelling Donetsk, days after a Ukrainian retreat from Bakhmut.", "accused"),
])
def test_near_misses_stay(kb, text, word):
    doc = run(kb, text + TAIL)
    assert kept(doc, word), triggers(doc)
    assert "prevented" not in reasons(doc, word), triggers(doc)


def test_the_verbs_are_read_from_the_data_file():
    verbs = load_nonact_cues()["prevention_verb"]
    assert {"prevent", "stop", "keep", "bar", "prohibit", "deter"} <= verbs
    assert "refuse" not in verbs  # a refusal is a REJECT, not a prevention of another's act
    assert {"fail", "unable"} <= load_nonact_cues()["failure_word"]


@pytest.mark.parametrize("text, word", [
    # a negative implicative over the prevention: the shooting took place
    ("The former president was jailed for failing to stop the police from shooting at protesters.", "shooting"),
    # a negated prevention: the attack took place
    ("The Kenyan police did not stop the mob from attacking the Somali traders.", "attacking"),
])
def test_the_act_of_a_prevention_that_failed_stays(kb, text, word):
    doc = run(kb, text + TAIL)
    assert kept(doc, word), triggers(doc)
    assert "prevented" not in reasons(doc, word), triggers(doc)
