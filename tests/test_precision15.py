"""Senses of act words that are no act (session 14, precision15; docs/annotation.md 2).

* "threat" naming a source of danger ("X is a threat to Y", "threats to its sailors") is no
  threat made (THREATEN needs a threatener holding out an act);
* "ask" that asks a question ("asked X about Y") or for anonymity ("asked not to be
  named") is no demand (REQUEST);
* "agree" with nothing agreed to and no party agreed with ("X agreed, saying ...") shares
  a view, it makes no accord (AGREE);
* "concede" with a tensed that-clause admits a fact, like a verb of saying (CONCEDE is a
  concession act).

Every sentence is written for these tests; each rule has a near miss that must still fire.
"""
import pytest

import sitrep


def types(text):
    return [e.type for e in sitrep.extract(text, snippet=True).events]


def triggers(text, etype):
    return [e.trigger.text for e in sitrep.extract(text, snippet=True).events if e.type == etype]


# -- a threat as a danger ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The defence minister called the militia a grave threat to the border provinces.",
    "Officials in Ankara described the rebel group as a menace to the border towns.",
    "The navy moved two frigates closer after reports of threats to its sailors in the strait.",
])
def test_a_threat_that_names_a_danger_is_no_threat_made(text):
    assert "THREATEN" not in types(text)


@pytest.mark.parametrize("text", [
    "The rebel commander issued a threat to shell the airport if the army advanced.",
    "Pyongyang repeated its threat of missile strikes against Guam on Tuesday.",
    "The government condemned threats against journalists by the ruling party's youth wing.",
])
def test_a_threat_made_still_is_a_threat(text):
    assert "THREATEN" in types(text)


# -- asking a question ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Lawmakers asked the defence secretary about the cost of the deployment.",
    "An aide who asked not to be identified described the meeting as tense.",
    "The committee chairman asked several pointed questions of the envoy.",
    "The minister asked the ambassador about the missing shipment.",
])
def test_asking_a_question_or_for_anonymity_is_no_request(text):
    assert triggers(text, "REQUEST") == []


@pytest.mark.parametrize("text", [
    "The opposition asked the electoral commission to delay the vote.",
    "Kenya asked the United Nations for emergency food aid.",
    "Kiev asked Washington about sending more missiles.",
])
def test_asking_for_an_act_or_a_thing_is_a_request(text):
    assert triggers(text, "REQUEST") == ["asked"]


# -- agreeing with a view ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The foreign minister of Chile called the blockade illegal. "
    "The Peruvian president agreed, saying the region must speak with one voice.",
    "The prime minister praised the army on Monday, and the opposition leader agreed.",
    "The mayor of Lagos agreed with the assessment of the engineers on Thursday.",
])
def test_agreeing_with_a_view_is_no_accord(text):
    assert "AGREE" not in types(text)


@pytest.mark.parametrize("text", [
    "The rebels agreed to a ceasefire on Sunday.",
    "Iran agreed with the European Union on a timetable for inspections.",
    "Both governments agreed in principle to reopen the border.",
    "Washington proposed a ceasefire on Monday. Moscow agreed.",
    "The rebels offered to release the hostages. The government agreed on Friday.",
    "Israel and Hamas agreed late on Tuesday, mediators said.",
])
def test_an_accord_still_is_agreed(text):
    assert "AGREE" in types(text)


# -- admitting a fact ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The interior minister conceded that insurgents had taken the northern town.",
    "The president conceded that his government had made mistakes in the handling of the unrest.",
    "Military spokesmen conceded on Tuesday that the rebels were holding the airport.",
])
def test_conceding_a_fact_is_no_concession(text):
    assert "CONCEDE" not in types(text)


@pytest.mark.parametrize("text", [
    "The government conceded to the strikers' demands and raised wages.",
    "The ruling party conceded the election to the opposition coalition.",
])
def test_a_concession_still_is_one(text):
    assert triggers(text, "CONCEDE") == ["conceded"]


def test_an_infinitive_with_its_own_subject_is_no_admitted_fact():
    # "allow X to Y" parses like a clause with a subject; it is no that-clause
    assert "REJECT" in types("The government will not allow the opposition to hold a rally.")


def test_a_passive_accord_names_what_is_agreed():
    assert "AGREE" in types("The mediators said a truce could be agreed by the two militias on Friday.")


# -- a thing that "threatens" ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The dispute over the dam threatens to sink relations between Cairo and Addis Ababa.",
    "The coastal villages of Bangladesh are threatened by rising floods.",
    "A surge in food prices threatened to topple the government of Sri Lanka.",
    "The scandal threatens to end the career of the Peruvian finance minister.",
])
def test_a_thing_that_threatens_is_a_risk_not_a_threat(text):
    # nor is what it risks doing an act ("threatens to sink relations" is no ASSAULT)
    assert types(text) == []


@pytest.mark.parametrize("text", [
    "The militia threatened to storm the capital if the president did not resign.",
    "Protesters threatened to block the highway to the airport on Friday.",
    "The ministry threatened to expel the correspondents of two foreign newspapers.",
    "The rebel group, which threatened to shell the port, withdrew its fighters on Sunday.",
    "Hardliners in parliament threatened to impeach the foreign minister over the deal.",
    "The kidnappers threatened to kill the engineer unless the company paid a ransom.",
    "The junta threatened the protesters with long prison terms.",
    "Hamas threatened to resume rocket fire on Israel.",
])
def test_a_party_that_threatens_still_threatens(text):
    assert "THREATEN" in types(text)


def test_people_of_a_place_who_threaten_are_a_party():
    assert "THREATEN" in types("Farming inhabitants of the northern valley threatened on Monday "
                               "to block the pipeline unless the company paid compensation.")


def test_agreeing_after_a_demand_to_another_party_or_ones_own_proposal_is_a_view():
    text = ("Senator Okafor's proposal drew little support on Monday. The finance committee chairman "
            "urged Nigeria to cut fuel subsidies, and Okafor agreed.")
    assert triggers(text, "AGREE") == ["proposal"]


@pytest.mark.parametrize("text", [
    "Trump issued a direct threat to Iran on Sunday.",
    "Militants made threats to the journalists covering the trial.",
    "Kim's threat to Guam alarmed officials in Tokyo.",
])
def test_a_threat_someone_made_to_an_addressee_stays(text):
    assert "THREATEN" in types(text)


# -- "hold (one's) fire" (review 19:13) ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Commanders were told to hold their fire while the convoy crossed the bridge.",
    "The army was ordered to hold its fire during the evacuation of the wounded.",
    "Both sides held their fire on the first night of the truce.",
])
def test_holding_fire_is_no_attack(text):
    assert "ASSAULT" not in types(text)


@pytest.mark.parametrize("text", [
    "Troops opened fire on the crowd in the capital on Monday.",
    "The rebels came under fire from government artillery near Idlib.",
])
def test_fire_opened_or_received_still_is_an_attack(text):
    assert "ASSAULT" in types(text)
