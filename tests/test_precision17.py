"""Session 16 (precision17, issue 7): acts told only as what a verb of preventing keeps from
happening are no events; denying an assertion carried by a noun with a that-clause is a
denial, no REJECT; one party or a text discussing a topic with no counterpart is no CONSULT.

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
    # a negative implicative over the prevention: the attack took place
    ("The Ugandan army was unable to keep the rebels from attacking the refugee camp.",
     "attacking"),
    # a negative subject: a vow, not a prevention
    ("Nothing will stop us from retaliating against Israel, the Hezbollah leader said.", "retaliating"),
    # a negated prevention: the attack took place
    ("The Kenyan police did not stop the mob from attacking the Somali traders.", "attacking"),
])
def test_the_act_of_a_prevention_that_failed_or_is_denied_stays(kb, text, word):
    doc = run(kb, text + TAIL)
    assert kept(doc, word), triggers(doc)
    assert "prevented" not in reasons(doc, word), triggers(doc)


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


def test_a_prevention_told_as_done_by_a_party_keeps_the_act_as_its_trace(kb):
    # the police's blocking of the march is an act (COERCE) that no trigger codes yet: the
    # march's event stays, as before this rule; a law's bar is a measure's effect and drops
    doc = run(kb, "Police stopped thousands of protesters from marching on parliament on Saturday." + TAIL)
    assert kept(doc, "marching"), triggers(doc)
    doc = run(kb, "The new Egyptian law bars the police from detaining journalists without a warrant." + TAIL)
    assert reasons(doc, "detaining") == ["prevented"], triggers(doc)


def test_an_infinitive_of_discussing_is_the_aim_of_a_meeting_and_stays(kb):
    doc = run(kb, "A NATO delegation flew to Rabat on Friday to discuss the future of the naval mission." + TAIL)
    assert "topic" not in reasons(doc, "discuss"), triggers(doc)
