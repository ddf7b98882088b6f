"""The event filter's session-12 rules (saying13, issue 7): a negated commitment or a pending
response is no refusal, a relation held "no longer" is a state, a welcome of a visitor is
part of the visit (CONSULT), a participle describing people is no accusation, the effect of
a measure coded or named before is no act, and a rejected claim is a denial like a
dismissed one (a claim to a right stays REJECT). Every rule has a near miss that
stays. Sentences invented for these tests."""
import pytest

from event_helpers import FILTER_TAIL as TAIL
from event_helpers import country
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


@pytest.mark.parametrize("text, word", [
    ("Colombia and Ecuador share information on smuggling routes, the minister said.", "share"),
    ("Norway and Sweden cooperate closely on Arctic security.", "cooperate"),
    ("Morocco shares intelligence with Spain on migrant smuggling.", "shares"),
])
def test_cooperation_told_in_the_simple_present_is_a_standing_relation(kb, text, word):
    doc = run(kb, text + TAIL)
    assert reasons(doc, word) == ["state"], triggers(doc)


def test_cooperation_done_or_agreed_stays(kb):
    doc = run(kb, "Colombia shared intelligence with Ecuador on the smuggling routes last week." + TAIL)
    assert [e.type for e in kept(doc, "shared")] == ["COOPERATE"], triggers(doc)
    doc = run(kb, "Colombia and Ecuador agreed on Monday to share information on smuggling routes." + TAIL)
    assert [e.type for e in kept(doc, "agreed")] == ["AGREE"], triggers(doc)


def test_a_recognition_made_stays(kb):
    doc = run(kb, "Vanuatu recognised Kosovo as an independent state on Friday." + TAIL)
    assert [e.type for e in kept(doc, "recognised")] == ["COOPERATE"], triggers(doc)


@pytest.mark.parametrize("text, visitor, host", [
    ("The Saudi crown prince was warmly welcomed in Ankara by the Turkish president.", "SAU", "TUR"),
    ("Hungarian officials welcomed the Serbian president at the airport in Budapest.", "SRB", "HUN"),
    ("The Iranian foreign minister was welcomed by Chinese officials at the airport in Beijing.", "IRN", "CHN"),
])
def test_the_welcome_of_a_visitor_is_the_hosted_visit_not_support(kb, text, visitor, host):
    # the host, agent of the welcome, is the source (annotation.md 5; CAMEO 043 host a visit)
    doc = run(kb, text + TAIL)
    assert not [e for e in doc.events if e.type == "SUPPORT"], triggers(doc)
    visits = [e for e in kept(doc, "welcomed") if e.type == "CONSULT"]
    assert len(visits) == 1, triggers(doc)
    assert (country(visits[0].source), country(visits[0].target)) == (host, visitor)


def test_a_welcome_during_a_visit_coded_otherwise_is_part_of_it(kb):
    doc = run(kb, "The Emir, welcomed at the palace by King Abdullah, spoke about Gaza. The Qatari emir met "
                  "the Jordanian king on Tuesday." + TAIL)
    assert reasons(doc, "welcomed") == ["reception"], triggers(doc)
    assert [country(e.source) for e in kept(doc, "met") if e.type == "CONSULT"][:1] == ["QAT"], triggers(doc)


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
    ("Canada imposed sanctions on Iran on Monday. These sanctions ban exports of Iranian oil to Canada.", "ban"),
    ("Japan imposed an embargo on North Korea last week. The embargo bans all shipments of coal to Pyongyang.",
     "bans"),
    ("The new EU sanctions target Belarusian officials accused of involvement in the crackdown.", "target"),
])
def test_what_a_measure_coded_or_named_before_does_is_no_act(kb, text, word):
    doc = run(kb, text + TAIL)
    assert reasons(doc, word) == ["effect"], triggers(doc)


@pytest.mark.parametrize("text, word, etype", [
    ("Turkish police banned the Pride march in Istanbul on Sunday.", "banned", "COERCE"),
    ("The new law bans all protests near parliament.", "bans", "COERCE"),
])
def test_a_ban_coded_nowhere_else_stays(kb, text, word, etype):
    # the law is not coded of its own: its ban is the act an analyst codes
    doc = run(kb, text + TAIL)
    assert [e.type for e in kept(doc, word)] == [etype], triggers(doc)


@pytest.mark.parametrize("text", [
    "Morocco rejected the Algerian claim that its drones had crossed the border.",
    "Pakistan has rejected Indian allegations that it shelters militants.",
    "The Kremlin rejected reports that Russian mercenaries were fighting in Mali.",
])
def test_a_rejected_claim_is_a_denial_like_a_dismissed_one(kb, text):
    doc = run(kb, text + TAIL)
    assert reasons(doc, "rejected") == ["denial"], triggers(doc)
    assert not [e for e in doc.events if e.type == "REJECT"], triggers(doc)


@pytest.mark.parametrize("text", [
    "China rejected the Philippines' claim to the disputed islands.",
    "Beijing rejected Japan's claims of sovereignty over the islands.",
    "Ukraine rejected Russia's claim for compensation.",
])
def test_a_rejected_claim_to_a_right_stays_reject(kb, text):
    # a claim to something is a demand: rejecting it is a REJECT, no denial
    doc = run(kb, text + TAIL)
    assert [e.type for e in kept(doc, "rejected")] == ["REJECT"], triggers(doc)


def test_denied_responsibility_for_an_act_is_a_denial(kb):
    # "for" names the act denied, not a right claimed
    doc = run(kb, "Sudan's army has denied responsibility for the shelling of the camp." + TAIL)
    assert reasons(doc, "denied") == ["denial"], triggers(doc)


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
