"""Whose country each side of an act is (session 17, issue 7). Every sentence is invented;
each rule has sentences of different shapes and a near-miss that must not fire.

* a state's body named by its role does not take the country of the state it sanctions
  ("The president imposed sanctions on Venezuela" is not Venezuela's president), while a
  state named only as where the act happens ("from Managua") is no state sanctioned;
* an armed group the KB places in no country (Islamic State) acts, in violence or
  coercion with no place of its own, for the country of its theatre where the article
  places things most (docs/annotation.md 5: IRQ or SYR by where the act is); its
  statements, and articles placing nothing in its theatre, keep it without a country.
"""
import pytest

from event_helpers import by_trigger, country, run
from sitrep.knowledge.actors import load_theatres


# ------------------------------------------- a state's body does not sanction its own state

@pytest.mark.parametrize("text, word", [
    ("The president imposed sanctions on Venezuela on Monday.", "imposed sanctions"),
    ("The finance ministry froze the assets of Belarus after the vote.", "froze"),
    ("Zimbabwe's neighbours watched as the government slapped an arms embargo on Zimbabwe.", "embargo"),
])
def test_a_role_named_sanctioner_does_not_take_the_sanctioned_states_country(kb, text, word):
    event = by_trigger(run(kb, text), word)
    assert event.type == "SANCTION"
    assert event.target is not None and event.target.kind == "state"
    assert event.source is not None and country(event.source) != country(event.target)


def test_a_role_named_sanctioner_takes_the_articles_other_country(kb):
    doc = run(kb, "Washington said the measures would bite. The president imposed sanctions on Venezuela "
                  "on Monday. Venezuela called the step illegal. Venezuela said it would appeal.")
    event = by_trigger(doc, "imposed sanctions")
    assert country(event.source) == "USA" and country(event.target) == "VEN"


def test_a_state_named_as_where_the_act_happens_still_homes_the_government(kb):
    """Near-miss: 'expelled reporters from Managua' names the place of the act, not a state
    sanctioned: the government is Nicaragua's."""
    doc = run(kb, "Diplomats said the government had expelled three foreign reporters from Managua. "
                  "Nicaragua has seen months of unrest.")
    event = by_trigger(doc, "expelled")
    assert event.type == "SANCTION" and country(event.source) == "NIC"


# -------------------------------------------------- a countryless armed group's theatre

def test_the_theatre_table_holds_iso_codes():
    theatres = load_theatres()
    assert theatres["ISIS"] == frozenset({"IRQ", "SYR"})
    assert all(len(c) == 3 and c.isupper() for cs in theatres.values() for c in cs)


@pytest.mark.parametrize("text, word, side, nation", [
    ("Kurdish fighters held the line near Kirkuk and Mosul. Later Islamic State gunmen executed "
     "eleven farmers, witnesses told reporters.", "executed", "source", "IRQ"),
    ("Government troops advanced along the road from Homs to Palmyra. The army shelled "
     "Islamic State positions overnight.", "shelled", "target", "SYR"),
    ("Aid workers left Raqqa and Deir ez-Zor in March. ISIS kidnapped two of the nurses "
     "who stayed behind.", "kidnapped", "source", "SYR"),
])
def test_an_islamic_state_act_takes_the_theatre_country_the_article_places(kb, text, word, side, nation):
    event = by_trigger(run(kb, text), word)
    assert country(getattr(event, side)) == nation


def test_the_groups_statements_elsewhere_keep_it_without_a_country(kb):
    """Near-miss: a debate among American senators about the group places nothing in its
    theatre, and a threat is no act done somewhere."""
    doc = run(kb, "Two senators vowed to destroy ISIS. The White House said it agreed with them.")
    event = by_trigger(doc, "vowed")
    assert event.target is not None and country(event.target) is None


def test_a_threat_against_the_group_in_an_article_placed_in_its_theatre_is_no_local_act(kb):
    """Near-miss: the article places things in Iraq, but a vow is a statement, not an act
    done where the group fights."""
    doc = run(kb, "Refugees fled Mosul and Tikrit last week. The minister vowed to crush ISIS.")
    event = by_trigger(doc, "vowed")
    assert event.target is not None and event.target.actor_id == "ISIS" and country(event.target) is None


# ------------------------------------- a group with a theatre is placed only inside it

@pytest.mark.parametrize("text, word, side", [
    ("In Paris, the foreign minister vowed to destroy the Islamic State.", "vowed", "target"),
    ("Speaking in Ankara, the Turkish president promised to fight ISIS.", "promised", "target"),
    ("European leaders condemned the Islamic State at a summit in Brussels.", "condemned", "target"),
    # (an attack outside the theatre: no place makes the group French)
    ("Islamic State gunmen attacked a concert hall in Paris on Friday.", "attacked", "source"),
    ("In Baghdad, the prime minister vowed to crush ISIS within a year.", "vowed", "target"),
])
def test_a_statement_or_an_act_outside_the_theatre_does_not_place_the_group(kb, text, word, side):
    actor = getattr(by_trigger(run(kb, text), word), side)
    assert actor is not None and actor.actor_id == "ISIS" and country(actor) is None


@pytest.mark.parametrize("text, word, side, nation", [
    # near-misses: a local act inside the theatre still places the group, and a group with
    # no theatre in the table is placed where it acts, as before
    ("Islamic State fighters stormed a village near Mosul on Sunday.", "stormed", "source", "IRQ"),
    ("Al-Qaeda fighters ambushed a convoy of soldiers in northern Mali on Friday.", "ambushed", "source", "MLI"),
])
def test_a_local_act_inside_the_theatre_still_places_the_group(kb, text, word, side, nation):
    assert country(getattr(by_trigger(run(kb, text), word), side)) == nation


def test_violence_lands_on_the_state_where_it_happens_unlike_a_sanction(kb):
    """Near-miss (review 03:21): the locative exemption is the sanction's alone. Airstrikes
    in a state named most by the article land on it, so a role-named orderer is not its
    president; an expulsion 'from' its capital is that state's own act."""
    doc = run(kb, "Chad has been at war for years. Chad's army has lost the east. In Chad, thousands have "
                  "fled. France has been involved. The president ordered airstrikes in Chad on Friday.")
    assert country(by_trigger(doc, "airstrikes").source) == "FRA"


# ----------------------- an act with its own place: that place's country, in or out of the theatre

@pytest.mark.parametrize("text, word", [
    ("Islamic State fighters detonated a bomb at a market in Brussels on Tuesday. The group lost "
     "Raqqa in Syria. Syria is at war.", "detonated"),
    ("Islamic State gunmen opened fire on a cafe in Brussels on Friday. Syria is at war. The group "
     "lost Raqqa in Syria.", "opened fire"),
])
def test_an_act_placed_outside_the_theatre_takes_that_places_country(kb, text, word):
    """docs/annotation.md 5 (session 18): a transnational armed group takes the country where
    the text places the act, any country -- not the article's theatre (Syria), and not null
    (e5a20d6 gave null outside Iraq and Syria)."""
    event = by_trigger(run(kb, text), word)
    assert event.source is not None and event.source.name.startswith("Islamic State")
    assert country(event.source) == "BEL"


def test_a_statement_placed_outside_the_theatre_does_not_place_the_group(kb):
    """Near-miss: a statement is no local act; where it is read out does not place the group."""
    doc = run(kb, "In Brussels on Tuesday, Islamic State threatened new attacks on Europe. "
                  "The group lost Raqqa in Syria.")
    event = by_trigger(doc, "threatened")
    assert event.source is not None and country(event.source) != "BEL"


def test_an_act_placed_inside_the_theatre_takes_that_places_country(kb):
    """Near-miss: an act placed in Iraq stays Iraqi although the article names Syria more."""
    doc = run(kb, "Islamic State militants attacked a village near Mosul on Monday. The group still holds "
                  "towns in Syria, and in Syria it lost Raqqa.")
    assert country(by_trigger(doc, "attacked").source) == "IRQ"
