"""Event types of recurring constructions (session 10, issue 7): scheduled talks are
agreed, sanctions held out are threats, a warning that states no consequence is a
reproach, revenge promised is a threat, an ally designation is cooperation, a release
by force is no concession, "called for X to" is a request. Every sentence is invented
for these tests."""
import pytest

from event_helpers import run


def types(doc):
    return sorted(e.type for e in doc.events)


@pytest.mark.parametrize("text", [
    "A meeting between the presidents of Peru and Chile has been scheduled for Monday.",
    "Talks between the Peruvian and Chilean governments are planned for next Tuesday.",
])
def test_a_scheduled_meeting_is_agreed(kb, text):
    assert types(run(kb, text)) == ["AGREE"]


def test_a_meeting_held_stays_consult(kb):
    doc = run(kb, "The presidents of Peru and Chile held a meeting in Lima on Monday.")
    assert types(doc) == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "Canada may impose sanctions on Peru if the mining dispute goes on.",
    "Ottawa would push its allies to adopt penalties against Lima, the Canadian trade minister said.",
])
def test_sanctions_held_out_are_a_threat(kb, text):
    got = types(run(kb, text))
    assert "THREATEN" in got
    assert "SANCTION" not in got


def test_sanctions_imposed_stay_sanctions(kb):
    assert types(run(kb, "Canada imposed sanctions on Peru on Friday.")) == ["SANCTION"]


@pytest.mark.parametrize("text", [
    "The Chilean foreign minister warned Peru against meddling in the referendum.",
    "The Chilean president warned Bolivia about its conduct at the border.",
])
def test_a_warning_without_a_consequence_is_a_reproach(kb, text):
    assert types(run(kb, text)) == ["ACCUSE"]


def test_a_warning_with_a_consequence_stays_a_threat(kb):
    doc = run(kb, "The Chilean president warned that Chile would strike back against Bolivia.")
    assert types(doc) == ["THREATEN"]


def test_a_threat_to_security_is_no_threat_act(kb):
    doc = run(kb, "The Chilean minister said the Bolivian advance threatened regional security.")
    assert "THREATEN" not in types(doc)


def test_promised_revenge_is_a_threat(kb):
    assert types(run(kb, "Hezbollah said it would settle accounts with Israel.")) == ["THREATEN"]


def test_going_on_the_offensive_later_is_a_threat(kb):
    got = types(run(kb, "The Bolivian army said it would go on the offensive against the rebels."))
    assert got == ["THREATEN"]


def test_an_ally_designation_is_cooperation(kb):
    got = types(run(kb, "Washington designated Chile a major non-NATO ally on Monday."))
    assert got == ["COOPERATE"]


def test_prisoners_freed_in_a_raid_are_no_concession(kb):
    got = types(run(kb, "Gunmen stormed the central prison in La Paz and freed dozens of inmates."))
    assert got == ["ASSAULT"]


def test_prisoners_released_by_a_government_are_a_concession(kb):
    got = types(run(kb, "The Bolivian government freed 200 political prisoners on Monday."))
    assert got == ["CONCEDE"]


def test_mutual_blame_is_an_accusation(kb):
    got = types(run(kb, "Peru and Chile traded blame for the collapse of the border talks."))
    assert "ACCUSE" in got


@pytest.mark.parametrize("text", [
    "Last year the Peruvian senator called for the government to admit more refugees.",
    "Ecuador's ombudsman repeated on Thursday her calls for an inquiry into the prison deaths.",
])
def test_a_call_for_split_by_the_parse_is_a_request(kb, text):
    assert "REQUEST" in types(run(kb, text))


def test_an_assault_on_institutions_is_a_reproach(kb):
    got = types(run(kb, "The Peruvian minister condemned the regime's assault on the country's institutions."))
    assert "ASSAULT" not in got
    assert "ACCUSE" in got


def test_troops_blocking_an_aid_convoy_coerce(kb):
    assert "COERCE" in types(run(kb, "Bolivian troops blocked the aid convoy at the border on Sunday."))


def test_a_negated_act_in_a_condition_is_no_refusal(kb):
    got = types(run(kb, "Colombia could recall its ambassador to Ecuador if Quito does not accept the court ruling."))
    assert "REJECT" not in got
    assert "THREATEN" in got


def test_determined_to_blockade_is_a_threat(kb):
    got = types(run(kb, "Ecuador's defence chief told reporters his army was determined to blockade the smugglers' port."))
    assert got == ["THREATEN"]


def test_a_trip_made_to_meet_is_no_plan(kb):
    doc = run(kb, "The Chilean foreign minister was in Lima this week to meet with the Peruvian president.")
    assert "AGREE" not in types(doc)


def test_a_warning_to_armed_forces_stays_a_threat(kb):
    doc = run(kb, "Peru said it warned the Chilean warplane ten times before firing.")
    assert "THREATEN" in types(doc)
    assert "ACCUSE" not in types(doc)


def test_going_on_the_offensive_in_politics_is_no_attack(kb):
    doc = run(kb, "Going on the offensive in a televised debate rarely wins a candidate any votes.")
    assert "ASSAULT" not in types(doc)


@pytest.mark.parametrize("text", [
    "The Chilean president plans to visit Lima in May.",
    "The Chilean president intends to meet the Peruvian leader.",
    "Next week's summit between Chile and Peru will focus on trade.",
])
def test_a_planned_meeting_or_visit_is_agreed(kb, text):
    assert types(run(kb, text)) == ["AGREE"]


def test_a_decision_to_pull_out_is_the_withdrawal(kb):
    doc = run(kb, "The Chilean president decided to pull the troops out of Bolivia last Sunday.")
    assert types(doc) == ["RETREAT"]


def test_presenting_credentials_is_a_meeting(kb):
    doc = run(kb, "Uruguay's new envoy presented her credentials to Brazil's foreign minister at the Itamaraty palace.")
    assert types(doc) == ["CONSULT"]


def test_a_delayed_meeting_is_a_sanction_like_a_postponed_one(kb):
    assert types(run(kb, "Citing the floods, Ecuador delayed Friday's summit with Colombia by a month.")) == ["SANCTION"]


def test_soldiers_cordoning_off_roads_coerce(kb):
    assert types(run(kb, "Riot police in Quito cordoned off the main square before dawn.")) == ["COERCE"]


def test_not_prepared_to_sign_is_a_refusal(kb):
    doc = run(kb, "The Bolivian president said he was not prepared to sign the border accord with Chile.")
    assert "REJECT" in types(doc)
    assert not any(e.type == "AGREE" and e.trigger.text == "sign" for e in doc.events)


def test_a_condition_not_met_in_a_relative_clause_is_no_refusal(kb):
    doc = run(kb, "Chile set a condition that Bolivia was not prepared to meet.")
    assert "REJECT" not in types(doc) and "CONSULT" not in types(doc) and "AGREE" not in types(doc)


def test_sanctions_imposed_despite_objections_stay_sanctions(kb):
    doc = run(kb, "Canada imposed sanctions on Peru on Monday, even if some provinces objected.")
    assert "SANCTION" in types(doc) and "THREATEN" not in types(doc)


def test_a_good_threatened_with_an_instrument_is_a_threat(kb):
    doc = run(kb, "Canada threatened Peru's economy with crippling tariffs.")
    assert "THREATEN" in types(doc)


@pytest.mark.parametrize("text", [
    "Ecuador's parliament blocked delivery of the fighter jets to Peru.",
    "Bolivia blocked access to the video site during the vote.",
])
def test_blocking_deliveries_or_websites_is_no_coerce_by_this_rule(kb, text):
    assert not any(e.type == "COERCE" and "block" in e.trigger.text for e in run(kb, text).events)
