"""Session 15 (recall16): threats and offers an analyst codes that sitrep did not propose.

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
- A limit set on another party's conduct ("a red line"): set by a
  party, or said by a party to lie ahead, it is a THREATEN; said by a party to be passed,
  an ACCUSE of whoever passed it; in the writer's voice, denied or merely possible, none.
- A verb of joint work with a party ("work with") held out for the future -- "will",
  "wants to", "is happy to" -- promises future cooperation: AGREE toward that party
  (docs/annotation.md 4); under way, refused or with no party it is none.

Every text is made up for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def _events(kb, text, published="2024-05-22"):
    return pipeline.process(Article(id="r", text=text, published=published), kb).events


def _threats(events):
    return [(e.trigger.text, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.type == "THREATEN"]


# ------------------------------------------------------------ a hostile option held out

def test_will_take_action_against_a_state_is_a_threat(kb):
    events = _events(kb, "The Japanese defence minister said Tokyo will take action against North Korea "
                         "if it fires another missile.")
    assert [e for e in _threats(events) if e[0] == "take action"] == [("take action", "JPN", "PRK")]


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


def test_action_against_a_problem_is_no_threat(kb):
    for text in ("The summit leaders pledged to take action against climate change.",
                 "The government will take action against corruption in the police, the minister said."):
        assert _threats(_events(kb, text)) == [], text


def test_action_on_a_condition_of_no_party_is_no_threat(kb):
    events = _events(kb, "The central bank will take action if inflation rises further, its governor said.")
    assert _threats(events) == []


def test_a_company_taking_action_is_no_threat(kb):
    events = _events(kb, "The company said it would take action against the counterfeiters.")
    assert _threats(events) == []


def test_forces_used_are_no_option(kb):
    events = _events(kb, "The Kenyan president said he will use special forces to hunt the kidnappers.")
    assert [e for e in _threats(events) if e[0].startswith("use")] == []


# ------------------------------------------------------------ a penalty said to follow an act

def test_any_mistake_will_have_consequences_is_a_threat(kb):
    events = _events(kb, "The Iranian defence minister said that any mistake by Baghdad would have "
                         "grave consequences.")
    assert [(t, s) for t, s, _ in _threats(events)] == [("said", "IRN")]


def test_any_attack_bringing_consequences_threatens_not_its_victims(kb):
    events = _events(kb, "The foreign minister said any attack on Iranian ships would have grave consequences.")
    assert _threats(events) == [("said", "IRN", None)]
    assert not [e for e in events if e.type == "ASSAULT"]


def test_any_such_move_will_have_consequences_is_a_threat(kb):
    events = _events(kb, "A Chinese spokesman said on Monday that any such move will have grave consequences.")
    assert [(t, s) for t, s, _ in _threats(events)] == [("said", "CHN")]


def test_a_decision_with_consequences_is_a_threat(kb):
    events = _events(kb, "Russia's foreign ministry said on Tuesday that the decision would have serious consequences.")
    assert [(t, s) for t, s, _ in _threats(events)] == [("said", "RUS")]


def test_consequences_of_a_drought_are_a_forecast(kb):
    events = _events(kb, "The Kenyan finance minister said the drought will have severe consequences for farmers.")
    assert _threats(events) == []


def test_consequences_of_any_delay_are_a_forecast(kb):
    events = _events(kb, "The health minister said any delay in the vaccine rollout would have serious consequences.")
    assert _threats(events) == []


def test_consequences_of_rules_are_a_forecast(kb):
    events = _events(kb, "The Kenyan finance minister said the new rules will have consequences.")
    assert _threats(events) == []


# ------------------------------------------------------------ cooperation offered

def _accords(events):
    return [(e.trigger.text, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.type == "AGREE"]


def test_will_work_with_a_party_promises_cooperation(kb):
    events = _events(kb, '"I will work with Kenya on a new trade deal," the Tanzanian president said.')
    assert _accords(events) == [("work with", "TZA", "KEN")]


def test_teaming_up_with_a_party_is_an_offer(kb):
    events = _events(kb, "The Ghanaian president said Ghana will team up with Nigeria to fight piracy in the gulf.")
    assert [(s, t) for _, s, t in _accords(events)] == [("GHA", "NGA")]


def test_having_teamed_up_is_no_offer(kb):
    events = _events(kb, "The two Ghanaian clubs teamed up with a Dutch sponsor last year.")
    assert _accords(events) == []


def test_reconsidering_work_with_a_party_is_no_offer(kb):
    events = _events(kb, "The air strikes will force Kenya to reconsider working with the Ugandan army, "
                         "the ministry said.")
    assert _accords(events) == []


def test_happy_to_work_with_a_party_is_an_offer(kb):
    events = _events(kb, "The Mexican foreign minister said he was happy to work with Guatemala on the border.")
    assert _accords(events) == [("work with", "MEX", "GTM")]


def test_wanting_to_work_with_a_party_is_an_offer(kb):
    events = _events(kb, "Brazil wants to work with Argentina on trade, its president said on Monday.")
    assert _accords(events) == [("work with", "BRA", "ARG")]


def test_working_with_a_party_already_is_no_offer(kb):
    events = _events(kb, "The Colombian army was working with the rebels last year, the report said.")
    assert _accords(events) == []


def test_refusing_to_work_with_a_party_is_no_offer(kb):
    events = _events(kb, "Ecuador did not want to work with Peru, its foreign minister said.")
    assert _accords(events) == []


def test_working_with_ones_own_staff_is_no_offer(kb):
    events = _events(kb, "The Bolivian minister said he will work with his staff on the budget.")
    assert _accords(events) == []


# ------------------------------------------------------------ limits set on another party

def test_drawing_a_red_line_for_a_state_is_a_threat(kb):
    events = _events(kb, "The Israeli prime minister drew a red line for Iran at the United Nations.")
    assert _threats(events) == [("drew", "ISR", "IRN")]


def test_a_red_line_said_to_lie_ahead_threatens_who_would_cross_it(kb):
    events = _events(kb, "The Kenyan president said on Monday that Somalia would cross a red line by moving troops "
                         "to the border.")
    assert [e for e in _threats(events) if e[0] == "cross"] == [("cross", "KEN", "SOM")]


def test_an_act_said_to_be_a_red_line_is_a_threat(kb):
    events = _events(kb, "The Iranian foreign minister said any blockade of its ports would be a red line.")
    assert [(t, s) for t, s, _ in _threats(events)] == [("said", "IRN")]


def test_a_red_line_said_to_be_crossed_accuses(kb):
    events = _events(kb, "The Turkish foreign minister said that the Syrian army had crossed a red line.")
    assert [(e.trigger.text, e.source.country, e.target.country if e.target else None)
            for e in events if e.type == "ACCUSE"] == [("crossed", "TUR", "SYR")]


def test_a_red_line_in_the_writers_voice_is_no_act(kb):
    events = _events(kb, "Analysts believe that Iran may soon cross a red line.")
    assert [e for e in events if e.type in ("THREATEN", "ACCUSE")] == []


def test_no_red_line_drawn_is_no_threat(kb):
    events = _events(kb, "The Canadian prime minister drew no red lines for China during the visit.")
    assert _threats(events) == []


def test_a_red_line_wished_for_is_none(kb):
    events = _events(kb, "Israel wants to see Washington set out clear red lines on Iran, an analyst said.")
    assert [e for e in events if e.type == "THREATEN"] == []


def test_a_game_changer_is_no_limit(kb):
    events = _events(kb, "The oil lobby said the new drilling rules could be a game changer for the industry.")
    assert [e for e in events if e.type == "THREATEN"] == []
