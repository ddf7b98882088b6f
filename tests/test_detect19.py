"""Session 18 (detect19): promises and labels an analyst codes that sitrep missed or mistyped.

- A promise whose promised clause punishes someone ("vowed that the kidnappers would
  pay a price", "pledged to punish those behind ...", "vowed to bring the gunmen to
  justice") is a promise of harm: THREATEN (docs/annotation.md 4, PLOVER's threats of
  punishment), like "vowed a harsh response" already was. A penalty noun counts only as
  what someone is to pay, face, suffer or bear: "prices would fall", "to cut the price of
  fuel" and a negated penalty ("no reprisals") are no penalty; justice counts only as
  what someone is brought to, not justice sought or brought to victims (review 05:55),
  and a price level ("would pay a lower price") is no penalty (review 06:18); paying with
  no price named for a party's deed ("would pay for its attacks") is the penalty itself,
  paying for a thing ("for the repairs") is not (review 06:33). Who is to
  pay or face the penalty, be punished or be brought to justice is the threat's target
  when the actor layer names it (review 06:18; role nouns such as "the government" are
  not resolved at this stage).
- A court's conviction or sentence of someone is COERCE (docs/annotation.md 4 lists
  "sentences" under COERCE, 10 "a court sentence against a political actor"), like the
  charges before it; the trigger rows had it SANCTION.
- "foe" joins its synonym "enemy" among the reproachful labels a verb of naming gives
  ("described the Commission as a foe": ACCUSE, docs/annotation.md 10).

Every text is made up for these tests."""

from sitrep import pipeline
from sitrep.model import Article


def _events(kb, text, published="2024-05-22"):
    return pipeline.process(Article(id="d19", text=text, published=published), kb).events


def _types(events):
    return sorted((e.type, e.trigger.text) for e in events)


def _of_type(events, etype):
    return [e for e in events if e.type == etype]


# ------------------------------------------------------------ "foe" as a reproachful label

def test_described_as_a_foe_is_a_reproach(kb):
    events = _events(kb, 'The Hungarian prime minister described the European Commission as a "foe" of the nation.')
    assert [(e.trigger.text, e.source.country, e.target.text) for e in _of_type(events, "ACCUSE")] == \
        [("described", "HUN", "European Commission")]


def test_called_a_foe_is_a_reproach(kb):
    events = _events(kb, "The Turkish president called the exiled cleric a foe of the republic.")
    assert [(e.trigger.text, e.source.country) for e in _of_type(events, "ACCUSE")] == [("called", "TUR")]


def test_rival_clubs_that_are_foes_are_no_event(kb):
    events = _events(kb, "The two football clubs have been bitter foes for decades.")
    assert events == []


# ------------------------------------------------------------ promises of punishment

def test_a_vow_to_bring_gunmen_to_justice_is_a_threat(kb):
    events = _events(kb, "The Kenyan interior minister vowed to bring the gunmen to justice.")
    assert [e.trigger.text for e in _of_type(events, "THREATEN")] == ["vowed"]
    assert _of_type(events, "AGREE") == []


def test_a_promise_that_smugglers_will_pay_a_price_is_a_threat(kb):
    events = _events(kb, "Peru's president promised that the smugglers would pay a heavy price.")
    threats = _of_type(events, "THREATEN")
    assert [e.trigger.text for e in threats] == ["promised"] and threats[0].source.country == "PER"


def test_a_pledge_to_punish_those_behind_a_bombing_is_a_threat(kb):
    events = _events(kb, "The Afghan governor pledged to punish those behind the bombing of the market.")
    assert [e.trigger.text for e in _of_type(events, "THREATEN")] == ["pledged"]


def test_a_vow_that_kidnappers_will_be_brought_to_justice_is_a_threat(kb):
    events = _events(kb, "The Nigerian army vowed that the kidnappers would be brought to justice.")
    assert [e.trigger.text for e in _of_type(events, "THREATEN")] == ["vowed"]


def test_a_promise_about_falling_prices_is_no_threat(kb):
    events = _events(kb, "The Brazilian finance minister promised that prices would fall by the summer.")
    assert _of_type(events, "THREATEN") == []


def test_a_promise_to_seek_justice_for_victims_is_no_threat(kb):
    events = _events(kb, "The Mexican mayor promised to seek justice for the families of the victims.")
    assert _of_type(events, "THREATEN") == []


def test_a_promise_of_no_reprisals_is_no_threat(kb):
    events = _events(kb, "The Chilean labour minister promised that there would be no reprisals against the strikers.")
    assert _of_type(events, "THREATEN") == []


def test_a_promise_to_cut_the_price_of_fuel_is_no_threat(kb):
    events = _events(kb, "The prime minister promised to cut the price of fuel before the winter.")
    assert _of_type(events, "THREATEN") == []


def test_a_pledge_to_lower_prices_is_no_threat(kb):
    events = _events(kb, "The government pledged to lower prices for bread and milk.")
    assert _of_type(events, "THREATEN") == []


def test_a_promise_to_bring_justice_to_flood_victims_is_no_threat(kb):
    events = _events(kb, "The minister promised to bring justice to the families of the flood victims.")
    assert _of_type(events, "THREATEN") == []


def test_a_vow_that_marchers_will_not_face_consequences_is_no_threat(kb):
    events = _events(kb, "The Georgian president vowed that peaceful marchers would not face consequences.")
    assert _of_type(events, "THREATEN") == []


def test_a_promise_of_a_lower_price_is_no_threat(kb):
    events = _events(kb, "The energy minister promised that households would pay a lower price for electricity next year.")
    assert _of_type(events, "THREATEN") == []


def test_who_is_to_pay_the_price_is_the_threat_target(kb):
    events = _events(kb, "The Ukrainian president vowed that Russia would pay a heavy price for the attack.")
    assert [(e.source.country, e.target.country) for e in _of_type(events, "THREATEN")] == [("UKR", "RUS")]


def test_who_is_to_be_punished_is_the_threat_target(kb):
    events = _events(kb, "The Afghan government promised to punish the Taliban commanders behind the raid.")
    assert [e.target.text for e in _of_type(events, "THREATEN")] == ["Taliban"]


def test_who_is_to_be_brought_to_justice_is_the_threat_target(kb):
    events = _events(kb, "France vowed to bring the Islamic State fighters to justice.")
    assert [e.target.text for e in _of_type(events, "THREATEN")] == ["Islamic State"]


def test_paying_for_attacks_is_a_threat_to_the_attacker(kb):
    events = _events(kb, "The Kurdish rebels vowed that Turkey would pay for its attacks on Afrin.")
    assert [(e.trigger.text, e.target.country) for e in _of_type(events, "THREATEN")] == [("vowed", "TUR")]


def test_paying_for_a_kidnapping_is_a_threat(kb):
    events = _events(kb, "The Nigerian president promised that the gang would pay for the kidnapping of the workers.")
    assert [e.trigger.text for e in _of_type(events, "THREATEN")] == ["promised"]


def test_paying_for_its_actions_is_a_threat(kb):
    events = _events(kb, "The Sudanese army swore that the militia would pay for its actions in Darfur.")
    assert [e.trigger.text for e in _of_type(events, "THREATEN")] == ["swore"]


def test_paying_for_repairs_is_no_threat(kb):
    events = _events(kb, "The governor promised that the state would pay for the repairs to the bridge.")
    assert _of_type(events, "THREATEN") == []


# ------------------------------------------------------------ court sentences are coercion

def test_a_sentence_by_a_court_is_coercion(kb):
    events = _events(kb, "A court in Minsk sentenced the opposition blogger to six years in prison.")
    assert [(e.type, e.source.country) for e in events if e.trigger.text == "sentenced"] == [("COERCE", "BLR")]


def test_a_conviction_in_the_passive_is_coercion(kb):
    events = _events(kb, "The opposition leader was convicted of fraud by a court in Ankara on Monday.")
    assert [(e.type, e.target.text) for e in events if e.trigger.text == "convicted"] == \
        [("COERCE", "opposition leader")]


def test_the_conviction_noun_is_coercion(kb):
    events = _events(kb, "The conviction of the journalist by a military court in Cairo drew protests.")
    assert [e.type for e in events if e.trigger.text == "conviction"] == ["COERCE"]
    assert _of_type(events, "SANCTION") == []


def test_a_sentence_of_a_text_is_no_event(kb):
    events = _events(kb, "The ruling of the court runs to a single long sentence of legal prose.")
    assert _of_type(events, "COERCE") == [] and _of_type(events, "SANCTION") == []

