"""The right party and country on each side of an act (session 15, issue 7 items 2-3).
Every sentence is invented; each rule has sentences of different shapes and a near-miss
that must not fire.

* who was killed or wounded is no doer of the act that harmed them, but what an active
  clause on the victim's phrase says the victim did is the victim's own act ("killed X,
  the commander who was organizing attacks on ...");
* a request keeps the state it addresses as its target even when the speaker is of
  that state (a speaker named by its role is read as of the article's home country):
  "The senator said Iraq should hold elections" is a request to Iraq, not an act on
  its own doer to drop;
* a place name the KB does not hold, modifying a noun that names a body ("the Mosul
  police", "the Lagos state government"), names that body: the place's country and the
  noun's sector;
* who charges, jails or thanks someone for an act (its reason phrase) did not do it.
"""
import pytest

from event_helpers import country, first, run


def events_of(doc, etype):
    return [e for e in doc.events if e.type == etype]


# ------------------------------------------------------------ a clause on the victim tells the victim's act

@pytest.mark.parametrize("text, trigger, nation", [
    # a relative clause on the victim's appositive, the act a noun under its verb
    ("The airstrike that killed Iranian commander Reza Tavakoli, the general who was busy plotting "
     "bombings against the French embassy, was ordered by Paris.", "bombings", "IRN"),
    # a participle clause on the appositive, the act a noun with its of-phrase
    ("The airstrike that killed Syrian colonel Adnan Haddad, an officer directing the shelling of "
     "Turkish villages, was ordered last week.", "shelling", "SYR"),
    # a participle clause with a bare plural act and its against-phrase
    ("The raid that killed Libyan militia leader Salem Gadi, a veteran commander directing assaults "
     "against Egyptian convoys, was approved in March.", "assaults", "LBY"),
])
def test_a_clause_on_the_victim_keeps_the_victim_as_its_doer(kb, text, trigger, nation):
    """The victim of the verb of harm did what the active clause on its phrase says."""
    event = next(e for e in run(kb, text).events if trigger in e.trigger.text)
    assert event.source is not None and event.source.country == nation


def test_a_passive_clause_on_the_victim_tells_what_it_underwent(kb):
    """'who had been wounded in an attack': the victims underwent the attack, so they are
    not its doer (the victim rule still holds there)."""
    doc = run(kb, "Rebels killed two Yemeni soldiers who had been wounded in an attack on the Saudi border post.")
    attack = next(e for e in doc.events if e.trigger.text == "attack")
    assert country(attack.source) != "YEM"


# ------------------------------------------------------------ a request keeps the state it addresses

@pytest.mark.parametrize("text, nation", [
    ("The senator said Iraq should hold elections.", "IRQ"),                  # advice with 'should'
    ("The lawmakers said Britain needs to leave the customs union.", "GBR"),  # a need
    ("The governor said Kenya ought to build more roads.", "KEN"),            # 'ought to'
    ("The minister urged Iran to release the sailors.", "IRN"),               # the verb's object
])
def test_a_request_keeps_the_state_it_addresses(kb, text, nation):
    """A body or official may ask its own state to act: when the speaker, named by its
    role, is read as of the country it addresses, the state asked stays the target (the
    request is not dropped as an act on its own doer)."""
    event = first(run(kb, text), "REQUEST")
    assert country(event.target) == nation


@pytest.mark.parametrize("text", [
    "The senator said Iraq should hold elections.",
    "The lawmakers said Britain needs to leave the customs union.",
    "The minister urged Iran to release the sailors.",
])
def test_a_role_speaker_takes_no_country_from_the_state_it_asks_alone(kb, text):
    """A text that names the state only as whom the request addresses gives the speaker,
    named only by its role, no country: the home country would rest on the addressee."""
    event = first(run(kb, text), "REQUEST")
    assert event.source is not None and event.source.country is None


def test_a_home_country_named_elsewhere_still_homes_the_speaker(kb):
    """Near miss: the article names Iran in another act too -- it is the article's
    country, and the minister, named by role, is read as of it (as before)."""
    event = first(run(kb, "Iran seized a tanker on Friday. The minister urged Iran to release the sailors."),
                  "REQUEST")
    assert (country(event.source), country(event.target)) == ("IRN", "IRN")


def test_a_statement_of_the_own_side_acting_still_drops_the_state(kb):
    """Near miss: 'said Moscow would prepare a response' asks nothing of Moscow -- the
    speaker's own state acting is no target of the statement (no_own_state_targets)."""
    doc = run(kb, "The spokeswoman said Moscow would prepare a response.")
    assert all(country(e.target) != "RUS" for e in doc.events)


def test_a_speaker_with_its_own_country_word_keeps_it(kb):
    """Near miss: 'The French minister' says its country itself."""
    event = first(run(kb, "The French minister urged Iran to release the sailors."), "REQUEST")
    assert (country(event.source), country(event.target)) == ("FRA", "IRN")


# ------------------------------------------------------------ a place name before a body's noun

@pytest.mark.parametrize("text, etype, side, words, nation", [
    ("The Mosul police detained three men.", "COERCE", "source", "Mosul police", "IRQ"),
    ("The Lagos state government banned the march.", "COERCE", "source", "Lagos state government", "NGA"),
    ("Basra officials accused Kuwait of smuggling.", "ACCUSE", "source", "Basra officials", "IRQ"),
    ("A Kandahar court sentenced two men to death.", "COERCE", "source", "Kandahar court", "AFG"),
])
def test_a_place_name_before_a_body_noun_names_that_body(kb, text, etype, side, words, nation):
    """The body is the whole phrase, of the place's country."""
    actor = getattr(first(run(kb, text), etype), side)
    assert actor is not None and actor.text == words and actor.country == nation


def test_the_place_unit_lends_nothing_to_the_bare_place(kb):
    """The body's reading stays on its phrase: the same place named alone later is still a
    place, not an actor of a government sector."""
    doc = run(kb, "The Mosul police detained three men on Monday. Many families in Mosul fled the city.")
    assert not any(a.text == "Mosul" and not a.locative for a in doc.actors)


@pytest.mark.parametrize("text, words", [
    ("Mosul residents fled the fighting.", "Mosul residents"),      # people of the place, no body
    ("The Kurdish police arrested two men.", "Kurdish police"),     # a people's word, no place
    # a state's mission in a city is the sending state's, not the city's country's
    ("Saudi agents killed the journalist at the Istanbul consulate.", "Istanbul consulate"),
])
def test_people_of_a_place_and_demonyms_are_no_place_unit(kb, text, words):
    """Near misses: residents are no body; 'Kurdish' is no place the gazetteer holds; a
    consulate in Istanbul is no Turkish body."""
    doc = run(kb, text)
    assert not any(a.text == words and a.country for a in doc.actors)


# ------------------------------------------------------------ who holds others to account did not do the act

@pytest.mark.parametrize("text, trigger, nation", [
    ("The Paris prosecutor charged three men over the attack.", "attack", "FRA"),          # over, on the verb
    ("The Berlin prosecutor charged two suspects over the bombing.", "bombing", "DEU"),    # a plural object
    ("A Belgian judge charged the driver for the ramming attack.", "attack", "BEL"),       # for, on the object
])
def test_who_charges_others_over_an_act_is_not_its_doer(kb, text, trigger, nation):
    """The act in the reason phrase of a verb with an object was done, if by anyone
    named, by the object: the charging subject is never its doer."""
    event = next(e for e in run(kb, text).events if e.trigger.text.endswith(trigger))
    assert country(event.source) != nation


@pytest.mark.parametrize("text, trigger", [
    ("The Paris prosecutor charged three men over the attack.", "attack"),
    ("A Belgian judge charged the driver for the ramming attack.", "attack"),
])
def test_who_charges_others_over_an_act_is_not_its_target_either(kb, text, trigger):
    """The charging party is on neither side of the act it charges others over: not the
    target the sentence fill or the home-country fill would give it."""
    event = next(e for e in run(kb, text).events if e.trigger.text.endswith(trigger))
    assert event.target is None or event.target.text not in text.split(" charged")[0]


def test_a_claimed_responsibility_keeps_its_claimant_as_the_doer(kb):
    """Near miss: 'claimed responsibility for the bombing' is the doer's own claim."""
    event = next(e for e in run(kb, "Al-Shabaab claimed responsibility for the bombing of the Kenyan market.").events
                 if e.trigger.text == "bombing")
    assert country(event.source) == "SOM"

