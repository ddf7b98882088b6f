"""The event filter's session-12 rules (saying13, issue 7): a negated commitment or a pending
response is no refusal, a relation held "no longer" is a state, a welcome of a visitor is a
reception, a participle describing people is no accusation, a measure's effect is no act,
and a rejected claim is a denial like a dismissed one. Every rule has a near miss that
stays. Sentences invented for these tests."""
import pytest

from event_helpers import FILTER_TAIL as TAIL
from event_helpers import dropped_reasons as reasons
from event_helpers import kept, run, triggers
from sitrep.stages.event_filter import NONACT_CUE_KINDS, load_nonact_cues


@pytest.mark.parametrize("text, word", [
    ("Tokyo has never pledged troops to the peacekeeping mission in Haiti.", "pledged"),
    ("The Greek premier did not offer Turkey any concession on the islands.", "offer"),
    ("The Kenyan cabinet still has not signed the trade accord with Tanzania.", "signed"),
])
def test_a_negated_commitment_or_a_pending_response_is_no_refusal(kb, text, word):
    doc = run(kb, text + TAIL)
    assert reasons(doc, word) == ["negated"], triggers(doc)
    assert not kept(doc, word), triggers(doc)


@pytest.mark.parametrize("text, word", [
    ("The Greek premier will not offer Turkey any concession on the islands.", "offer"),
    ("Armenia refused to sign the ceasefire agreement with Azerbaijan.", "refused"),
    ("Hamas rejected the Egyptian proposal for a truce.", "rejected"),
])
def test_a_stated_refusal_stays_reject(kb, text, word):
    doc = run(kb, text + TAIL)
    assert [e.type for e in kept(doc, word)] == ["REJECT"], triggers(doc)


@pytest.mark.parametrize("text, word", [
    ("Morocco no longer cooperates with the Algerian border police.", "cooperates"),
    ("Nauru does not recognise Taiwan anymore.", "recognise"),
])
def test_a_relation_held_no_longer_is_a_state(kb, text, word):
    doc = run(kb, text + TAIL)
    assert reasons(doc, word) == ["state"], triggers(doc)


def test_a_recognition_made_stays(kb):
    doc = run(kb, "Vanuatu recognised Kosovo as an independent state on Friday." + TAIL)
    assert [e.type for e in kept(doc, "recognised")] == ["COOPERATE"], triggers(doc)


@pytest.mark.parametrize("text", [
    "The Saudi crown prince was warmly welcomed in Ankara by the Turkish president.",
    "Hungarian officials welcomed the Serbian president at the airport in Budapest.",
    "The Emir, welcomed at the palace by King Abdullah, spoke about Gaza.",
])
def test_the_welcome_of_a_visitor_is_a_reception_not_support(kb, text):
    doc = run(kb, text + TAIL)
    assert reasons(doc, "welcomed") == ["reception"], triggers(doc)


@pytest.mark.parametrize("text", [
    "Egypt welcomed the ceasefire between Israel and Hamas.",
    "The Kenyan president welcomed the Somali decision to reopen the border.",
])
def test_welcoming_an_act_stays_support(kb, text):
    doc = run(kb, text + TAIL)
    assert [e.type for e in kept(doc, "welcomed")] == ["SUPPORT"], triggers(doc)


@pytest.mark.parametrize("text, word", [
    ("Four Nigerian soldiers accused of abuses in the northeast appeared in court on Monday.", "accused"),
    ("The general, accused of war crimes in Darfur, fled to Egypt.", "accused"),
    ("Washington sanctioned three Venezuelan officials blamed for the crackdown on protesters.", "blamed"),
])
def test_a_participle_describing_people_is_no_accusation(kb, text, word):
    doc = run(kb, text + TAIL)
    assert reasons(doc, word) == ["description"], triggers(doc)


@pytest.mark.parametrize("text", [
    "Mali accused Algeria of arming the rebels.",
    "Ghanaian officials accused by the opposition of fraud resigned on Tuesday.",
])
def test_an_accusation_made_stays(kb, text):
    doc = run(kb, text + TAIL)
    assert [e.type for e in kept(doc, "accused")] == ["ACCUSE"], triggers(doc)


@pytest.mark.parametrize("text, word", [
    ("The British measures target Russian oligarchs and their banks.", "target"),
    ("The new rules ban Russian ships from EU ports.", "ban"),
    ("The ban restricts imports of Ukrainian grain into Poland.", "restricts"),
])
def test_what_a_measure_does_is_no_act(kb, text, word):
    doc = run(kb, text + TAIL)
    assert reasons(doc, word) == ["effect"], triggers(doc)


def test_a_ban_by_a_party_stays(kb):
    doc = run(kb, "Turkish police banned the Pride march in Istanbul on Sunday." + TAIL)
    assert [e.type for e in kept(doc, "banned")] == ["COERCE"], triggers(doc)


@pytest.mark.parametrize("text", [
    "Morocco rejected the Algerian claim that its drones had crossed the border.",
    "Pakistan has rejected Indian allegations that it shelters militants.",
    "The Kremlin rejected reports that Russian mercenaries were fighting in Mali.",
])
def test_a_rejected_claim_is_a_denial_like_a_dismissed_one(kb, text):
    doc = run(kb, text + TAIL)
    assert reasons(doc, "rejected") == ["denial"], triggers(doc)
    assert not [e for e in doc.events if e.type == "REJECT"], triggers(doc)


def test_the_rules_keep_a_lone_sentence(kb):
    # a headline or a lone sentence passes the article rules untouched
    doc = run(kb, "Tokyo has never pledged troops to the peacekeeping mission in Haiti.")
    assert [e.type for e in kept(doc, "pledged")] == ["REJECT"], triggers(doc)


def test_the_cue_file_refuses_an_unknown_kind(tmp_path):
    bad = tmp_path / "nonacts.tsv"
    bad.write_text("commissive_verb\tpromise\nnegation_words\tnot\n", encoding="utf-8")
    with pytest.raises(ValueError, match="nonacts.tsv:2"):
        load_nonact_cues(bad)
    assert set(load_nonact_cues()) == set(NONACT_CUE_KINDS)
