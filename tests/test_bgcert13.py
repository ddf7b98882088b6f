"""Session 12 (bgcert13): clauses cut off by a semicolon from a saying verb after it, and
readying an attack as a MOBILIZE under way (docs/annotation.md 4 and 6). Every text is
made up for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def _article(kb, text, published="2024-05-22"):
    return pipeline.process(Article(id="b", text=text, published=published), kb)


def _event(doc, word):
    found = [e for e in doc.events if e.trigger.text.startswith(word)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


# ------------------------------------------------- a saying verb after a semicolon

def test_a_recollection_after_a_semicolon_leaves_the_first_clause_asserted(kb):
    ev = _event(_article(kb, "Police dispersed the march with water cannon on Saturday; one organiser later "
                             "recalled that the permit had been granted in May."), "march")
    assert ev.certainty.status == "asserted"


def test_a_remark_pointed_out_after_a_semicolon_leaves_the_boarding_asserted(kb):
    ev = _event(_article(kb, "The coast guard boarded the tanker at dawn; a maritime lawyer pointed out that "
                             "the ship flew no flag."), "boarded")
    assert ev.certainty.status == "asserted"


def test_speculation_after_a_semicolon_carries_only_its_own_clause(kb):
    doc = _article(kb, "Artillery units shelled the border villages overnight; residents speculated that the "
                       "army wanted them emptied.")
    assert _event(doc, "shelled").certainty.status == "asserted"
    wanted = _event(doc, "wanted")
    assert wanted.certainty.status == "reported"
    assert wanted.certainty.attributed_to is not None and wanted.certainty.attributed_to.text == "residents"


def test_a_speaker_of_the_whole_after_the_semicolon_still_claims_the_first_clause(kb):
    ev = _event(_article(kb, "Rebels shelled the town on Sunday; no one was hurt, the ministry said."), "shelled")
    assert ev.certainty.status == "claimed"


def test_a_colon_does_not_cut_the_clause_off(kb):
    # only a semicolon joins two clauses of the narrator; after a colon the speaker may
    # be telling what the first clause said
    ev = _event(_article(kb, "The navy seized the ferry near the strait on Sunday: a spokesman observed that "
                             "it carried no cargo."), "seized")
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


def test_a_storming_being_readied_keeps_the_speaker_above(kb):
    ev = _event(_article(kb, "Ethiopian forces were preparing to storm the rebel-held town, diplomats said."),
                "storm")
    assert ev.type == "MOBILIZE"
    assert ev.certainty.status == "claimed"
    assert ev.certainty.attributed_to is not None and ev.certainty.attributed_to.text == "diplomats"


def test_preparing_a_deployment_stays_a_plan(kb):
    ev = _event(_article(kb, "Chad is preparing to send 1,000 troops to Mali."), "send")
    assert ev.type == "MOBILIZE"
    assert ev.certainty.status == "hypothetical"


def test_a_readying_under_a_modal_stays_a_guess(kb):
    ev = _event(_article(kb, "Iran may be preparing to launch a missile attack on Israel."), "launch")
    assert ev.type == "MOBILIZE"
    assert ev.certainty.status == "hypothetical"


def test_a_readied_strike_under_a_condition_stays_hypothetical(kb):
    ev = _event(_article(kb, "The army is preparing to strike if talks fail."), "strike")
    assert ev.certainty.status == "hypothetical"


def test_a_denied_readying_stays_denied(kb):
    ev = _event(_article(kb, "The army denied it was preparing to attack the town."), "attack")
    assert ev.certainty.status == "denied"


# ------------------------------------------------- a clause quantified over occasions is a habit

def test_every_time_makes_both_the_clause_and_its_main_act_habitual(kb):
    doc = _article(kb, "Every time the opposition marched in the capital, police fired tear gas.")
    assert _event(doc, "marched").background is True
    assert _event(doc, "fired").background is True


def test_whenever_after_the_main_clause_makes_it_habitual(kb):
    doc = _article(kb, "Police fired tear gas whenever the opposition marched in the capital.")
    assert _event(doc, "fired").background is True
    assert _event(doc, "marched").background is True


def test_any_time_with_a_present_habit_is_background(kb):
    doc = _article(kb, "Any time the militia crosses the river, the army shells its camps.")
    assert _event(doc, "shells").background is True


def test_a_promise_to_retaliate_every_time_is_news(kb):
    doc = _article(kb, "The army will retaliate every time the militia crosses the river.")
    assert _event(doc, "retaliate").background is False


def test_this_time_names_one_occasion_not_a_habit(kb):
    doc = _article(kb, "This time the army shelled the militia camps across the river.")
    assert _event(doc, "shelled").background is False


def test_a_possible_attack_any_time_is_no_habit(kb):
    doc = _article(kb, "The commander signed the order, instructing the units to be on alert so that they "
                       "may attack any time the rebels advance.")
    assert _event(doc, "attack").background is False


def test_a_possible_interception_whenever_they_sail_is_no_habit(kb):
    doc = _article(kb, "The minister told the coast guard to stay at sea so that it might intercept the "
                       "smugglers whenever they sail.")
    assert _event(doc, "intercept").background is False


def test_a_warning_of_strikes_every_time_is_news(kb):
    doc = _article(kb, "The defence minister warned that the army would shell the camps every time mortars "
                       "are fired at the border towns.")
    assert _event(doc, "warned").background is False
    assert _event(doc, "fired").background is False  # the threat's condition, not a habit


def test_a_threat_dated_in_the_period_stays_news(kb):
    doc = _article(kb, "The navy can sink the smugglers' boats any time it wants, the admiral warned on Monday.")
    assert all(e.background is False for e in doc.events), [(e.type, e.trigger.text, e.background)
                                                              for e in doc.events]
    assert doc.events


def test_readiness_to_strike_any_time_is_no_habit(kb):
    doc = _article(kb, "Our fighters are ready to strike the invaders any time, the militia commander said.")
    assert all(e.background is False for e in doc.events), [(e.type, e.trigger.text, e.background)
                                                              for e in doc.events]
    assert doc.events
