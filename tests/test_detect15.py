"""Session 14 (detect15): events an analyst codes that sitrep did not propose.

- Advice reported by a party (docs/annotation.md 4 REQUEST "urges", 10 "a demand carried
  only by a saying verb"): "X said Y should ..." / "ought to ..." is X's demand on Y when X
  is a political actor and Y another party; a pundit's advice, or "we should", is none.
- A reported prohibition ("said Y must not ...", "should not ...") is a demand to refrain,
  a REQUEST like the obligation itself, held to the same checks as advice.
- Verbs of obligation with an infinitive ("has to", "needs to", "has got to") read like
  "must" under the checks of advice.
- A demand in a quoted sentence with no verb of saying of its own ("'...,' the minister
  said. 'Iran must free them.'") is the quote speaker's demand of the subject.
- Advice to the speaker's own state to do a conflict act is that state's intention:
  THREATEN (docs/annotation.md 4, future conflict acts).

Every text is made up for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def _events(kb, text, published="2024-05-22"):
    return pipeline.process(Article(id="d", text=text, published=published), kb).events


def _of_type(events, etype):
    return [e for e in events if e.type == etype]


def _dyads(events, etype):
    return sorted((e.source.country if e.source else None, e.target.country if e.target else None)
                  for e in events if e.type == etype)


# ------------------------------------------------------------ advice reported by a party

def test_a_minister_saying_another_state_should_act_demands_it(kb):
    events = _events(kb, "The German foreign minister said on Monday that Iran should release the detained sailors.")
    assert _dyads(events, "REQUEST") == [("DEU", "IRN")]
    assert [e.trigger.text for e in _of_type(events, "REQUEST")] == ["said"]


def test_advice_told_to_a_newspaper_is_a_demand(kb):
    events = _events(kb, "The American ambassador told a newspaper on Tuesday that Venezuela should hold new elections.")
    assert _dyads(events, "REQUEST") == [("USA", "VEN")]


def test_ought_to_reads_like_should(kb):
    events = _events(kb, "The Kenyan president said on Friday that Somalia ought to reopen the border crossing.")
    assert _dyads(events, "REQUEST") == [("KEN", "SOM")]


def test_the_advised_act_is_the_content_not_an_event_of_its_own(kb):
    events = _events(kb, "The Turkish government said on Sunday that Greece should withdraw its troops from the islands.")
    assert _dyads(events, "REQUEST") == [("TUR", "GRC")]
    assert not _of_type(events, "RETREAT")


def test_advice_to_ones_own_side_is_no_demand(kb):
    # near miss: "we should" is the speaker's own stance, nobody is asked to act
    events = _events(kb, "The Chilean president said on Monday that we should talk more with our neighbours.")
    assert not _of_type(events, "REQUEST")


def test_a_columnists_advice_is_no_demand(kb):
    # near miss: the speaker is no political actor (docs/annotation.md 2, a pundit's call)
    events = _events(kb, "A columnist wrote on Monday that Europe should open its borders to more workers.")
    assert not _of_type(events, "REQUEST")


# ------------------------------------------------------------ reported prohibitions

def test_a_prohibition_is_a_demand_to_refrain(kb):
    events = _events(kb, "The French president said on Monday that Iran must not enrich uranium beyond the agreed limit.")
    assert _dyads(events, "REQUEST") == [("FRA", None)] or _dyads(events, "REQUEST") == [("FRA", "IRN")]


def test_a_prohibition_about_a_thing_is_no_demand(kb):
    # near miss: nobody is asked to refrain, the subject is a thing
    events = _events(kb, "The Dutch foreign minister said on Monday that grain prices must not rise any further.")
    assert not _of_type(events, "REQUEST")


def test_should_not_is_a_demand_to_refrain(kb):
    events = _events(kb, "The Polish prime minister said on Tuesday that Germany should not buy more Russian gas.")
    assert _dyads(events, "REQUEST") == [("POL", "DEU")]


def test_a_view_advised_is_no_demand(kb):
    # near miss: "should not doubt" asks for no act, it warns
    events = _events(kb, "The Japanese prime minister said on Monday that China should not doubt the resolve of the navy.")
    assert not _of_type(events, "REQUEST")


def test_a_thing_of_a_party_advised_is_no_demand(kb):
    # near miss: the subject is a thing of the party, not the party
    events = _events(kb, "The Austrian chancellor said on Monday that Hungary's budget deficit should shrink next year.")
    assert not _of_type(events, "REQUEST")


def test_advice_to_deliberate_is_no_demand(kb):
    # near miss: "should consider" counsels, it asks no act
    events = _events(kb, "The Austrian chancellor said on Monday that Hungary should consider the risks of the pipeline.")
    assert not _of_type(events, "REQUEST")


def test_a_past_judgement_is_no_demand(kb):
    # near miss: "should have" + participle judges the past, it asks nothing now
    events = _events(kb, "The Spanish prime minister said on Monday that Morocco should have closed the border earlier.")
    assert not _of_type(events, "REQUEST")


def test_an_inverted_should_is_a_condition_not_advice(kb):
    # near miss: "should the council decide" is a condition
    events = _events(kb, "The Brazilian mayor said the festival will move to May should the council decide to extend the works.")
    assert not [e for e in _of_type(events, "REQUEST") if e.trigger.text == "said"]


# ------------------------------------------------------------ verbs of obligation

def test_has_to_under_a_verb_of_saying_is_a_demand(kb):
    events = _events(kb, "The Italian foreign minister said on Monday that Libya has to close the migrant camps.")
    assert _dyads(events, "REQUEST") == [("ITA", "LBY")]


def test_needs_to_under_a_verb_of_saying_is_a_demand(kb):
    events = _events(kb, "The Canadian prime minister told reporters on Friday that India needs to cooperate with the inquiry.")
    assert _dyads(events, "REQUEST") == [("CAN", "IND")]


def test_the_duty_asked_is_no_event_of_its_own(kb):
    events = _events(kb, "The Swedish foreign minister said on Monday that Iran has got to release the detained tourists.")
    assert _dyads(events, "REQUEST") == [("SWE", "IRN")]
    assert not _of_type(events, "CONCEDE")


def test_a_plan_had_is_no_duty(kb):
    # near miss: "has a plan to" names a thing had, no obligation
    events = _events(kb, "The Swedish foreign minister said on Monday that Iran has a plan to expand the port.")
    assert not _of_type(events, "REQUEST")


def test_a_duty_foreseen_is_no_demand(kb):
    # near miss: "will need to" forecasts a duty, nobody lays it now
    events = _events(kb, "The Swedish foreign minister said on Monday that Iran will need to expand the port.")
    assert not _of_type(events, "REQUEST")


def test_our_own_duty_is_no_demand(kb):
    # near miss: "we have to" is the speaker's own duty
    events = _events(kb, "The Swedish foreign minister said on Monday that we have to be patient with the process.")
    assert not _of_type(events, "REQUEST")


# ------------------------------------------------------------ demands in quoted sentences

def test_a_demand_in_a_quoted_sentence_is_the_speakers(kb):
    text = ('"We welcome the talks," the German foreign minister said on Monday. '
            '"Iran must release the sailors before anything else."')
    events = _events(kb, text)
    assert _dyads(events, "REQUEST") == [("DEU", "IRN")]
    assert [e.trigger.text for e in _of_type(events, "REQUEST")] == ["must"]
    assert not _of_type(events, "CONCEDE")


def test_has_got_to_in_a_quoted_sentence_is_a_demand(kb):
    text = ('"Our patience is not endless," the Egyptian foreign minister said on Sunday. '
            '"Ethiopia has got to stop filling the dam."')
    events = _events(kb, text)
    assert _dyads(events, "REQUEST") == [("EGY", "ETH")]


def test_a_quoted_duty_of_the_speakers_own_side_is_no_demand(kb):
    # near miss: the speaker's own forces are not asked by the speaker to act
    text = ('"We are watching the border," the Egyptian defence minister said on Sunday. '
            '"Egypt must stay ready."')
    events = _events(kb, text)
    assert not _of_type(events, "REQUEST")


# ------------------------------------------------------------ advice to one's own state

def test_advice_to_ones_own_state_to_strike_is_a_threat(kb):
    events = _events(kb, "The Turkish president said on Saturday that Turkey should bomb the militant camps in Syria.")
    assert [e.type for e in events if e.trigger.text == "said"] == ["THREATEN"]
    assert _dyads(events, "THREATEN") == [("TUR", "SYR")]



def test_advice_to_ones_own_state_without_force_is_a_stance(kb):
    # near miss: a head of government on what his own state should do asks no other party
    events = _events(kb, "The Peruvian president said on Monday that Peru needs to build more ports.")
    assert not _of_type(events, "REQUEST")


def test_a_legislator_asking_its_own_government_demands_it(kb):
    events = _events(kb, "A Canadian senator said on Monday that the Canadian government should cut the army budget.")
    assert [e.trigger.text for e in _of_type(events, "REQUEST")] == ["said"]


def test_a_pronoun_for_the_speaker_is_the_speakers_own_duty(kb):
    # near miss: "he" is the speaker himself
    events = _events(kb, "The Chilean president said on Monday that he has to leave the summit early.")
    assert not _of_type(events, "REQUEST")
