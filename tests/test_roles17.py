"""The right party on each side of an act (session 16, issue 7). Every sentence is
invented; each rule has sentences of different shapes and a near-miss that must not fire.

* criminal charges are COERCE, by whoever charges, against the charged
  (docs/annotation.md 10), told with the crime ("charged X with treason") or with the
  act answered ("charged X over the bombing");
* "charged with" a duty gerund is the entrusting sense, no charge;
* the speaker and the passer of a red line may be named by their role alone;
* a state's body named by its role does not take the country of the state it acts on
  ("The president struck Iran" is not Iran's president);
* intercepting a projectile whose firer is named is the firer's attack on the defender;
"""
import pytest

from event_helpers import by_trigger, country, first, run


def events_of(doc, etype):
    return [e for e in doc.events if e.type == etype]


# ------------------------------------------------------------ criminal charges are COERCE

@pytest.mark.parametrize("text, word, charged", [
    ("The court in Minsk charged the opposition leader with treason on Monday.", "charged", "opposition leader"),
    ("Belgian prosecutors charged two Syrian men over the shooting at the station.", "charged", "Syrian men"),
    ("The opposition leader was charged with espionage by a military court.", "charged", "opposition leader"),
])
def test_criminal_charges_are_coerce_against_the_charged(kb, text, word, charged):
    event = by_trigger(run(kb, text), word)
    assert event.type == "COERCE"
    assert event.target is not None and charged in event.target.text


def test_a_charge_that_the_other_side_did_something_is_no_coercion(kb):
    """Near-miss: 'charged that ...' is a reproach in words, not criminal charges."""
    doc = run(kb, "The Kenyan opposition charged that the government had rigged the vote.")
    assert not events_of(doc, "COERCE")


# ------------------------------------------------------------ red lines: role-named speaker and passer

@pytest.mark.parametrize("text, passer", [
    ("Moscow said the Kurdish militia had crossed a red line.", "militia"),
    ("The minister said the red line had been crossed by the rebels.", "rebels"),
    ("The defence minister said the insurgents crossed the red line when they shelled the port.", "insurgents"),
])
def test_the_role_named_passer_of_a_red_line_is_accused(kb, text, passer):
    accuse = first(run(kb, text), "ACCUSE")
    assert accuse.target is not None and passer in accuse.target.text


def test_a_red_line_passed_in_the_writers_voice_is_no_accusation(kb):
    """Near-miss: nobody says it; the writer's remark is no party's act."""
    doc = run(kb, "The rebels crossed a red line when they shelled the port.")
    assert not events_of(doc, "ACCUSE")


# ------------------------------------------------------------ a state's body does not act on its own state

@pytest.mark.parametrize("text, word, facing", [
    ("The president struck Iran on Friday, the White House said.", "struck", "IRN"),
    ("The general shelled Venezuela on Monday, officials said.", "shelled", "VEN"),
    ("The ministry threatened Turkey with sanctions on Monday.", "threatened", "TUR"),
])
def test_a_role_named_state_body_does_not_take_the_country_it_acts_on(kb, text, word, facing):
    event = by_trigger(run(kb, text), word)
    assert event.source is not None
    assert country(event.source) != facing


def test_a_role_named_body_takes_the_next_country_the_article_names(kb):
    doc = run(kb, "The United States said on Monday that it had moved ships to the Gulf. "
                  "Iran warned Washington. On Friday the president struck Iran, the Pentagon said. "
                  "Iran said it would respond. Iranian officials met in Tehran.")
    strike = by_trigger(doc, "struck")
    assert country(strike.source) == "USA" and country(strike.target) == "IRN"


def test_a_role_named_body_backing_its_own_state_keeps_its_country(kb):
    """Near-miss: support is no act against a state; the senators stay of the country
    the article is about."""
    doc = run(kb, "The senators praised Canada on Monday for its trade policy.")
    praise = by_trigger(doc, "praised")
    assert country(praise.source) == "CAN"


def test_protesters_against_their_own_state_keep_its_country(kb):
    """Near-miss: a domestic opponent of the state may act on it ('protesters' are CIV,
    not a state's body)."""
    doc = run(kb, "Thousands of protesters marched against Iran's government in the capital on Friday.")
    protest = first(doc, "PROTEST")
    assert country(protest.source) == "IRN"


# ------------------------------------------------------------ interception of a named firer's projectile

@pytest.mark.parametrize("text, firer, defender", [
    ("Israel's army intercepted two rockets fired by Hamas from Gaza.", "PSE", "ISR"),
    ("Saudi air defences intercepted a missile launched by the Houthis toward Riyadh.", None, "SAU"),
    ("Ukrainian forces intercepted three missiles launched by Russia overnight.", "RUS", "UKR"),
])
def test_intercepting_a_named_firers_projectile_is_the_firers_assault(kb, text, firer, defender):
    doc = run(kb, text)
    assault = by_trigger(doc, "intercept")
    assert assault.type == "ASSAULT"
    assert country(assault.target) == defender
    if firer is not None:
        assert country(assault.source) == firer


def test_a_supplier_of_an_intercepted_missile_is_not_its_firer(kb):
    """Near-miss: 'supplied by Iran' names who gave the missile, not who fired it."""
    doc = run(kb, "The US Navy intercepted a missile supplied by Iran to the Houthis.")
    event = by_trigger(doc, "intercept")
    assert not (event.type == "ASSAULT" and country(event.source) == "IRN")


def test_intercepting_a_ship_stays_a_seizure(kb):
    """Near-miss: a vessel intercepted is seized (COERCE), whoever sent it."""
    doc = run(kb, "The Greek coast guard intercepted a tanker sent by Libya's rebels.")
    assert by_trigger(doc, "intercept").type == "COERCE"


@pytest.mark.parametrize("text", [
    "The inspectors charged with auditing the ministry's accounts met on Monday.",
    "A commission was charged with drafting a new electoral law last year.",
    "She leads the panel charged with investigating the fire at the port.",
    "The envoy, who is charged with maintaining the truce, flew to Khartoum.",
    "Red Cross officials charged with distributing food aid arrived in the valley.",
])
def test_charged_with_a_duty_is_no_criminal_charge(kb, text):
    """'charged with' + a gerund of a duty is the entrusting sense: no COERCE."""
    assert not [e for e in run(kb, text).events if e.type == "COERCE" and "charged" in e.trigger.text]


@pytest.mark.parametrize("text", [
    "Police in Nairobi charged two men with attacking the electoral commission's offices.",
    "Prosecutors charged the colonel with plotting a coup against the president.",
    "The court charged three journalists with espionage.",
])
def test_charged_with_a_crime_is_a_criminal_charge(kb, text):
    """Near-miss of the duty sense: the gerund or the noun names a crime."""
    assert by_trigger(run(kb, text), "charged").type == "COERCE"


def test_soldiers_seizing_power_in_their_own_state_keep_its_country(kb):
    """Near-miss of the state-facing rule: a coup is a state's own forces acting on it."""
    doc = run(kb, "Soldiers seized power in Mali on Thursday. The African Union condemned the coup.")
    condemnation = first(doc, "ACCUSE")
    assert condemnation.target is not None and country(condemnation.target) == "MLI"


def test_a_gerund_tagged_as_a_noun_still_names_a_duty(kb):
    """'charged with auditing and reviewing': the tagger may read the gerund as a noun."""
    doc = run(kb, "Auditors are officials charged with auditing and reviewing the accounts of every ministry.")
    assert not [e for e in doc.events if e.type == "COERCE"]


@pytest.mark.parametrize("text, charged", [
    ("Three men charged with bombing the mosque appeared in court in Kano.", "men"),
    ("The judge heard two soldiers charged with killing the journalist.", "soldiers"),
    ("The court freed five activists charged with inciting riots.", "activists"),
])
def test_people_a_charging_participle_describes_are_the_charged(kb, text, charged):
    coerce = by_trigger(run(kb, text), "charged")
    assert coerce.type == "COERCE"
    assert coerce.target is not None and charged in coerce.target.text
    assert coerce.source is None or charged not in coerce.source.text
