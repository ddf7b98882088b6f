"""Session 13 (detect14): one event per happening, and each direction of a two-way act.

- Reciprocal pronouns (docs/annotation.md 3, "reciprocal acts ... 'each other': one event
  per direction"): "X and Y accused each other" is X's act on Y and Y's act on X, whether
  the pronoun is the object, the object's possessor or a preposition's object; a joint act
  ("met each other") stays one event.
- Acts told in sequence (docs/annotation.md 3, "different happenings of the same type"): an
  act inside an "after"/"before"/"following"/"since" clause or phrase and the act of the
  verb that clause hangs from are two happenings, even in one sentence and even when one
  of them is a definite reference to an earlier act, when the inner act is told as its
  own: a doer of its own, a date of its own or a measured distance ("hours after"). A bare
  earlier phase ("marched after a rally") stays one happening.
- What a verb acts on: two acts of one type by one party on things of different countries
  ("bombed a Yemeni port ... bombed an Eritrean fishing boat") are two happenings, even
  when no target was read for one of them.

Every text is made up for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def _events(kb, text, published="2024-05-22"):
    return pipeline.process(Article(id="d", text=text, published=published), kb).events


def _dyads(events, etype):
    return sorted((e.source.country if e.source else None, e.target.country if e.target else None)
                  for e in events if e.type == etype)


def _of_type(events, etype):
    return [e for e in events if e.type == etype]


# ------------------------------------------------------------ reciprocal pronouns

def test_accused_each_other_is_one_accusation_per_direction(kb):
    events = _events(kb, "Pakistan and India accused each other of violating the ceasefire on Monday.")
    assert _dyads(events, "ACCUSE") == [("IND", "PAK"), ("PAK", "IND")]


def test_the_possessor_of_the_object_can_be_the_reciprocal_pronoun(kb):
    events = _events(kb, "Armenia and Azerbaijan have attacked each other's positions near the frontier.")
    assert _dyads(events, "ASSAULT") == [("ARM", "AZE"), ("AZE", "ARM")]


def test_one_another_reads_like_each_other(kb):
    events = _events(kb, "Serbia and Croatia threatened one another with reprisals over the border dispute.")
    assert _dyads(events, "THREATEN") == [("HRV", "SRB"), ("SRB", "HRV")]


def test_a_joint_act_on_each_other_stays_one_event(kb):
    # near miss: meeting is a joint act (a symmetric type), coded once like "X and Y met"
    events = _events(kb, "The presidents of Chile and Peru met each other in Lima on Tuesday.")
    assert len(_of_type(events, "CONSULT")) == 1


def test_a_one_way_accusation_is_not_mirrored(kb):
    # near miss: no reciprocal pronoun, no second direction
    events = _events(kb, "Pakistan accused India of violating the ceasefire on Monday.")
    assert _dyads(events, "ACCUSE") == [("PAK", "IND")]


# ------------------------------------------------------------ acts told in sequence

def test_an_act_days_after_a_referenced_act_is_a_new_happening(kb):
    events = _events(kb, "Rebels attacked an army base near Homs. Two days after the attack ended, government "
                         "jets launched airstrikes on rebel positions in the area.")
    assert len(_of_type(events, "ASSAULT")) == 2


def test_an_act_hours_after_an_event_noun_is_another_act(kb):
    events = _events(kb, "Jets struck the town hours after the bombing of its market.")
    assert sorted(e.trigger.text for e in _of_type(events, "ASSAULT")) == ["bombing", "struck"]


def test_a_day_before_phrase_holds_another_act(kb):
    events = _events(kb, "Troops fired on the crowd a day before the shelling of the district began.")
    assert len(_of_type(events, "ASSAULT")) == 2


def test_a_bare_earlier_phase_stays_one_happening(kb):
    # near miss: a rally before the march, raids before the detentions, with no doer,
    # date or measured distance of their own, are phases of one operation
    march = _events(kb, "Thousands of protesters marched to the parliament after a rally in the main square.")
    assert len(_of_type(march, "PROTEST")) == 1
    raids = _events(kb, "Security forces detained dozens of people following raids on opposition offices.")
    assert len(_of_type(raids, "COERCE")) == 1


def test_a_sequence_phrase_of_another_clause_does_not_split_one_act(kb):
    # near miss: "following the assault" hangs from "criticised", not from the attack:
    # "the attack" and "the assault" stay one happening
    events = _events(kb, "Gunmen attacked the consulate on Tuesday. Officials who called the attack a protest "
                         "were criticised in the days following the assault.")
    assert len(_of_type(events, "ASSAULT")) == 1


# ------------------------------------------------------------ what a verb acts on

def test_two_objects_of_different_countries_are_two_acts(kb):
    events = _events(kb, "Saudi jets bombed a Yemeni port on Monday. Later in the week Saudi jets bombed an "
                         "Eritrean fishing boat.")
    assert len(_of_type(events, "ASSAULT")) == 2


def test_a_passive_subject_is_what_the_act_lands_on(kb):
    events = _events(kb, "A Yemeni port was bombed by Saudi jets on Monday. Later that week Saudi jets bombed "
                         "an Eritrean fishing boat.")
    assert len(_of_type(events, "ASSAULT")) == 2


def test_the_noun_a_passive_relative_hangs_from_is_what_the_act_lands_on(kb):
    events = _events(kb, "Houthi drones hit a Saudi refinery this week. An Emirati oil terminal, which was hit "
                         "by Houthi drones too, burned for hours.")
    assert len(_of_type(events, "ASSAULT")) == 2


def test_a_recap_of_the_same_object_stays_one_act(kb):
    # near miss: the same country named again in the object is the same happening
    events = _events(kb, "Saudi jets bombed a Yemeni port on Monday. Saudi jets bombed the Yemeni harbour "
                         "because it was used to smuggle arms, the coalition said.")
    assert len(_of_type(events, "ASSAULT")) == 1
