"""Session 12 (bgcert13): certainty of a party's own measure stated as under way, and
clauses cut off by a semicolon from a saying verb after it (docs/annotation.md 6).
Every text is made up for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def _article(kb, text, published="2024-05-22"):
    return pipeline.process(Article(id="b", text=text, published=published), kb)


def _event(doc, word):
    found = [e for e in doc.events if e.trigger.text.startswith(word)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


# ------------------------------------------------- a party's own measure under way

def test_a_ministry_stating_its_troops_are_being_deployed_asserts_the_deployment(kb):
    ev = _event(_article(kb, "The Indian Defence Ministry said Indian troops are being deployed to the "
                             "border with Pakistan."), "deployed")
    assert ev.type == "MOBILIZE"
    assert ev.certainty.status == "asserted"
    assert ev.certainty.attributed_to is None


def test_a_state_saying_it_is_expelling_attaches_asserts_the_expulsion(kb):
    ev = _event(_article(kb, "Peru said on Friday it is expelling two Chilean military attaches."), "expelling")
    assert ev.type == "SANCTION"
    assert ev.certainty.status == "asserted"


def test_a_ministry_saying_in_the_present_that_aid_is_going_out_asserts_the_aid(kb):
    ev = _event(_article(kb, "Japan's foreign ministry says Japan is sending emergency aid to the Philippines."),
                "sending")
    assert ev.type == "AID"
    assert ev.certainty.status == "asserted"


def test_a_doer_telling_of_its_past_strike_still_claims_it(kb):
    ev = _event(_article(kb, "The Indian Defence Ministry said its jets struck militant camps in Pakistan."),
                "struck")
    assert ev.certainty.status == "claimed"


def test_a_measure_told_done_in_the_past_perfect_stays_the_partys_claim(kb):
    ev = _event(_article(kb, "The Indian Defence Ministry said Indian troops had been deployed to the "
                             "border with Pakistan."), "deployed")
    assert ev.certainty.status == "claimed"


def test_a_planned_deployment_stays_hypothetical(kb):
    ev = _event(_article(kb, "The Indian Defence Ministry said it will deploy more troops to the border "
                             "with Pakistan."), "deploy")
    assert ev.certainty.status == "hypothetical"


def test_the_other_side_telling_of_a_deployment_under_way_claims_it(kb):
    ev = _event(_article(kb, "Pakistan said India is deploying troops to the border."), "deploying")
    assert ev.certainty.status == "claimed"


def test_shelling_under_way_told_by_a_party_stays_claimed(kb):
    ev = _event(_article(kb, "The Indian army said Pakistani troops were shelling the village."), "shelling")
    assert ev.certainty.status == "claimed"


# ------------------------------------------------- a saying verb after a semicolon

def test_a_hint_after_a_semicolon_leaves_the_border_closure_asserted(kb):
    ev = _event(_article(kb, "Last week Ghana closed its border with Togo; the president also hinted that "
                             "more measures could follow."), "closed")
    assert ev.certainty.status == "asserted"


def test_a_remark_after_a_semicolon_leaves_the_export_ban_asserted(kb):
    doc = _article(kb, "Brazil suspended beef exports to Chile on Monday; its minister also remarked that "
                       "trade talks would resume soon.")
    assert _event(doc, "suspended").certainty.status == "asserted"
    # the remark still carries its own content
    assert _event(doc, "talks").certainty.status == "hypothetical"


def test_a_suggestion_after_a_semicolon_carries_only_its_own_clause(kb):
    doc = _article(kb, "Vietnam detained two Chinese fishing crews in March; Hanoi also suggested that "
                       "Beijing was behind the incursions.")
    assert _event(doc, "detained").certainty.status == "asserted"
    incursions = _event(doc, "incursions")
    assert incursions.certainty.status == "claimed"
    assert incursions.certainty.attributed_to is not None and incursions.certainty.attributed_to.text == "Hanoi"


def test_a_speaker_of_the_whole_after_the_semicolon_still_claims_the_first_clause(kb):
    ev = _event(_article(kb, "Rebels shelled the town on Sunday; no one was hurt, the ministry said."), "shelled")
    assert ev.certainty.status == "claimed"


# ------------------------------------------------- readying an attack is the MOBILIZE itself

def test_rebels_preparing_to_attack_are_mobilizing_now(kb):
    ev = _event(_article(kb, "Rebel commanders in the north are preparing to attack the garrison at Goma."), "attack")
    assert ev.type == "MOBILIZE"
    assert ev.certainty.status == "asserted"


def test_a_counteroffensive_being_prepared_is_asserted(kb):
    ev = _event(_article(kb, "Kyiv is preparing to launch a counteroffensive in the south."), "launch")
    assert ev.type == "MOBILIZE"
    assert ev.certainty.status == "asserted"


def test_an_offensive_being_readied_keeps_the_speaker_above(kb):
    ev = _event(_article(kb, "Ethiopian forces were preparing to mount a fresh offensive on the rebel-held "
                             "town, diplomats said."), "mount")
    assert ev.type == "MOBILIZE"
    assert ev.certainty.status == "claimed"
    assert ev.certainty.attributed_to is not None and ev.certainty.attributed_to.text == "diplomats"


def test_preparing_a_deployment_stays_a_plan(kb):
    ev = _event(_article(kb, "Chad is preparing to send 1,000 troops to Mali."), "send")
    assert ev.type == "MOBILIZE"
    assert ev.certainty.status == "hypothetical"
