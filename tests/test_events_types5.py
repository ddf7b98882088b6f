"""Event types by PLOVER's definitions (session 5, issue 7): classes of trigger rows and
the mechanisms that pick a type. Every sentence is written for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def run(kb, text, published="2024-03-15"):
    return pipeline.process(Article(id="t", text=text, published=published), kb)


def typed(doc):
    return [(e.type, e.trigger.text) for e in doc.events]


def types(doc):
    return [e.type for e in doc.events]


# -- future mobilisation -------------------------------------------------------------------

def test_a_planned_deployment_stays_a_mobilization(kb):
    doc = run(kb, "Poland plans to send two tank battalions to its eastern border next month.")
    assert types(doc) == ["MOBILIZE"]
    assert doc.events[0].certainty.status == "hypothetical"


def test_a_planned_strike_is_still_a_threat(kb):
    assert types(run(kb, "Turkey plans to bomb the militia's bases in the mountains.")) == ["THREATEN"]


# -- attacks made with words ---------------------------------------------------------------

def test_an_attack_made_while_speaking_is_an_accusation(kb):
    doc = run(kb, "On his blog, the dissident attacked the Kremlin, saying it had rigged the vote.")
    assert types(doc) == ["ACCUSE"]


def test_an_attack_by_armed_forces_stays_violence(kb):
    doc = run(kb, "Government troops attacked rebel positions outside Goma on Tuesday.")
    assert types(doc) == ["ASSAULT"]


# -- leaving an accord, making sanctions harsher --------------------------------------------

def test_leaving_an_accord_rejects_it(kb):
    assert types(run(kb, "Brazil withdrew from the climate treaty in March.")) == ["REJECT"]
    assert types(run(kb, "Last year Ankara quit a pact that limited its fleet.")) == ["REJECT"]


def test_leaving_a_country_is_no_rejection(kb):
    assert "REJECT" not in types(run(kb, "Chilean troops withdrew from the border town on Sunday."))


def test_tightening_sanctions_is_a_sanction(kb):
    doc = run(kb, "The European Union has tightened sanctions on Belarus's potash exports.")
    assert types(doc) == ["SANCTION"]


# -- concessions ----------------------------------------------------------------------------

def test_a_promise_to_halt_ones_own_activity_is_a_concession(kb):
    assert types(run(kb, "Pakistan pledged to suspend its missile tests for a year.")) == ["CONCEDE"]


def test_a_promise_to_stop_another_party_is_no_concession(kb):
    assert "CONCEDE" not in types(run(kb, "The governor vowed to stop the smugglers at the river."))


def test_a_promise_to_pull_troops_out_is_a_concession(kb):
    assert types(run(kb, "Armenia promised to withdraw its troops from the two villages.")) == ["CONCEDE"]


def test_granting_access_is_a_concession(kb):
    doc = run(kb, "Myanmar's junta granted the UN envoy access to the detained leader on Friday.")
    assert "CONCEDE" in types(doc)


# -- material aid, accountability ----------------------------------------------

def test_backing_a_party_with_arms_is_aid(kb):
    doc = run(kb, "Western officials say Tehran is backing the militia in Iraq with weapons and cash.")
    assert [(e.type, e.mode) for e in doc.events] == [("AID", "military")]


def test_backing_a_party_in_words_stays_support(kb):
    assert types(run(kb, "The Arab League backed the Sudanese government's peace plan.")) == ["SUPPORT"]


def test_holding_a_party_to_account_is_a_threat(kb):
    doc = run(kb, "Canada will hold the Iranian regime accountable for the downing of the jet.")
    assert "THREATEN" in types(doc)


# -- options kept open ----------------------------------------------------------------------

def test_an_option_kept_on_the_table_is_a_threat(kb):
    doc = run(kb, "\"All options are on the table,\" the Greek defence minister said of the Turkish drilling ship.")
    assert types(doc) == ["THREATEN"]


def test_an_option_taken_off_the_table_is_no_event(kb):
    doc = run(kb, "The Greek defence minister said an invasion of the island was off the table.")
    assert types(doc) == []


# -- no actor, no act ----------------------------------------------------------------------

def test_a_polled_share_of_the_public_is_no_actor(kb):
    assert types(run(kb, "Nearly two-thirds of Chileans say they agree with the new border policy.")) == []
    assert types(run(kb, "Forty percent of Kenyans back the president on the new tax.")) == []


def test_offering_nothing_is_no_offer(kb):
    assert types(run(kb, "The Thai foreign minister offered little in the way of detail about the plan.")) == []


def test_a_real_offer_is_still_an_offer(kb):
    assert "AGREE" in types(run(kb, "The Thai government offered the insurgents a ceasefire during Ramadan."))


def test_armed_forces_attacking_while_explaining_still_use_violence(kb):
    doc = run(kb, "Government troops attacked the village, saying militants were hiding there.")
    assert types(doc) == ["ASSAULT"]
