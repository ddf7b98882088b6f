"""Session 15 (recall16): threats an analyst codes that sitrep did not propose.

- A hostile option made an act ("take action", "use force": ``option_nouns`` as the
  object of ``option_verbs``) and held out for the future -- a future auxiliary, an
  intent or promise governor, or the litotes "will not hesitate to" -- is a THREATEN
  (CAMEO 130 "promise / consider action against"; PLOVER 3.11), when it is aimed at
  someone ("against"), set on a condition ("if ...") or is force itself. Done, negated or
  aimed at no one it is none.
- A statement that a penalty will follow an act ("any such move will have grave
  consequences", "the decision would have serious consequences") is a THREATEN of the
  speaker even when the clause names no party; a forecast about a thing or a state ("the
  drought will have severe consequences") is none.

Every text is made up for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def _events(kb, text, published="2024-05-22"):
    return pipeline.process(Article(id="r", text=text, published=published), kb).events


def _threats(events):
    return [(e.trigger.text, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.type == "THREATEN"]


# ------------------------------------------------------------ a hostile option held out

def test_will_take_action_against_is_a_threat(kb):
    events = _events(kb, "The Japanese defence minister said Tokyo will take action against any vessel "
                         "that enters its waters.")
    assert [(t, s) for t, s, _ in _threats(events)] == [("take action", "JPN")]


def test_not_hesitating_to_use_force_is_a_threat(kb):
    events = _events(kb, "Turkey would not hesitate to use force against the Kurdish militants, "
                         "the Turkish president said on Sunday.")
    assert [(t, s) for t, s, _ in _threats(events)] == [("use force", "TUR")]


def test_intended_action_on_a_condition_threatens_the_condition_subject(kb):
    events = _events(kb, "Egypt intends to take action if Ethiopia fills the dam, its foreign minister said.")
    assert _threats(events) == [("take action", "EGY", "ETH")]


def test_a_promise_of_military_action_is_a_threat_not_an_accord(kb):
    events = _events(kb, "The Indian army vowed to take military action against Pakistan if the shelling continued.")
    assert _threats(events) == [("vowed", "IND", "PAK")]
    assert not [e for e in events if e.type == "AGREE"]


def test_action_already_taken_is_no_threat(kb):
    events = _events(kb, "The Brazilian government took action against illegal loggers last year.")
    assert _threats(events) == []


def test_action_on_a_policy_matter_is_no_threat(kb):
    events = _events(kb, "The mayor of Lagos said the city will take action on flooding.")
    assert _threats(events) == []


def test_force_ruled_out_is_no_threat(kb):
    events = _events(kb, "Germany will not use force against the protesters, the German chancellor said.")
    assert _threats(events) == []


# ------------------------------------------------------------ a penalty said to follow an act

def test_any_mistake_will_have_consequences_is_a_threat(kb):
    events = _events(kb, "The Iranian defence minister said that any mistake by its neighbours would have "
                         "unimaginable consequences.")
    assert _threats(events) == [("said", "IRN", None)]


def test_any_such_move_will_have_consequences_is_a_threat(kb):
    events = _events(kb, "A Chinese spokesman said on Monday that any such move will have grave consequences.")
    assert [(t, s) for t, s, _ in _threats(events)] == [("said", "CHN")]


def test_a_decision_with_consequences_is_a_threat(kb):
    events = _events(kb, "Russia's foreign ministry said on Tuesday that the decision would have serious consequences.")
    assert [(t, s) for t, s, _ in _threats(events)] == [("said", "RUS")]


def test_consequences_of_a_drought_are_a_forecast(kb):
    events = _events(kb, "The Kenyan finance minister said the drought will have severe consequences for farmers.")
    assert _threats(events) == []


def test_consequences_of_rules_are_a_forecast(kb):
    events = _events(kb, "The Kenyan finance minister said the new rules will have consequences.")
    assert _threats(events) == []

