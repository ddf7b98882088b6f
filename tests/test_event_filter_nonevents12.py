"""The event filter's session-11 rules (nonevent12, issue 7): an act asked about in an
indirect question, an act that is the content of a view or fear, an aim, and a
resignation are no events in an article; the same acts told as happening stay. Sentences
invented for these tests."""
from event_helpers import FILTER_TAIL as TAIL
from event_helpers import dropped_reasons as reasons
from event_helpers import kept, run, triggers


def test_an_act_still_to_come_in_an_indirect_question_is_dropped(kb):
    doc = run(kb, "It is unclear whether Ruritania will warn Borduria about the convoy." + TAIL)
    assert not kept(doc, "warn"), triggers(doc)
    assert reasons(doc, "warn") == ["question"]


def test_a_past_act_in_an_indirect_question_is_coded_as_annotation_6_says(kb):
    doc = run(kb, "It is unclear whether Ruritania warned Borduria about the convoy." + TAIL)
    assert kept(doc, "warned") and reasons(doc, "warned") == [], triggers(doc)
    doc = run(kb, "Inspectors are examining whether Zarnian units shelled the dam at Kelm." + TAIL)
    assert kept(doc, "shelled"), triggers(doc)


def test_the_same_warning_reported_as_made_is_kept(kb):
    doc = run(kb, "Ruritania warned Borduria about the convoy, officials said." + TAIL)
    assert kept(doc, "warned"), triggers(doc)
    assert reasons(doc, "warned") == []


def test_an_act_that_is_the_content_of_a_belief_is_dropped(kb):
    doc = run(kb, "Many in Vardo believe that Ruritanian troops are preparing to attack the port." + TAIL)
    assert not kept(doc, "attack"), triggers(doc)
    assert reasons(doc, "attack") == ["opinion"]


def test_a_particular_act_a_view_is_about_stays(kb):
    doc = run(kb, "Farmers in Borduria think the new Ruritanian tariffs are behind the slump in grain prices." + TAIL)
    assert kept(doc, "tariffs"), triggers(doc)
    doc = run(kb, "Norway regards the expulsion of its consul as a hostile step." + TAIL)
    assert kept(doc, "expulsion"), triggers(doc)


def test_a_partys_own_we_believe_is_its_course_not_a_view(kb):
    doc = run(kb, "\"We believe it is wiser to postpone the summit with Borduria,\" the Ruritanian "
                  "foreign ministry said." + TAIL)
    assert reasons(doc, "postpone") == [], triggers(doc)


def test_a_named_partys_stated_intention_is_its_plan(kb):
    doc = run(kb, "Ruritania's intention is to withdraw its brigade from Kelm by the spring." + TAIL)
    assert kept(doc, "withdraw"), triggers(doc)


def test_a_past_act_under_a_belief_is_an_allegation_and_kept(kb):
    doc = run(kb, "Bordurian officials believe Ruritanian jets bombed the depot last week." + TAIL)
    assert kept(doc, "bombed"), triggers(doc)
    assert reasons(doc, "bombed") == []


def test_an_act_seen_as_a_hope_is_an_opinion(kb):
    doc = run(kb, "Young men in the camps see raiding the garrison as a way out of poverty." + TAIL)
    assert not kept(doc, "raiding"), triggers(doc)
    assert reasons(doc, "raiding") == ["opinion"]


def test_fighting_that_was_seen_happen_is_kept(kb):
    doc = run(kb, "Villagers in Borduria saw the Ruritanian army fighting the rebels near the bridge." + TAIL)
    assert kept(doc, "fighting"), triggers(doc)


def test_a_speakers_parenthetical_belief_makes_an_opinion(kb):
    doc = run(kb, "Ruritania, I think, will close the border within days." + TAIL)
    assert not kept(doc, "close"), triggers(doc)
    assert reasons(doc, "close the border") == ["opinion"]
    doc = run(kb, "The Ruritanian government will impose new sanctions on Borduria, the minister said." + TAIL)
    assert kept(doc, "impose") and kept(doc, "impose")[0].type == "THREATEN", triggers(doc)


def test_an_aim_is_no_act(kb):
    doc = run(kb, "The mission's objective is to mediate between the clans of the northern valley." + TAIL)
    assert not kept(doc, "mediate"), triggers(doc)
    assert reasons(doc, "mediate") == ["purpose"]
    doc = run(kb, "The Ruritanian mission mediated between the clans of the northern valley on Sunday." + TAIL)
    assert kept(doc, "mediated"), triggers(doc)


def test_a_partys_plan_is_no_aim_and_stays(kb):
    doc = run(kb, "The Ruritanian plan is to blockade the Bordurian port on Friday." + TAIL)
    assert kept(doc, "blockade"), triggers(doc)


def test_a_resignation_is_dropped_in_an_article(kb):
    doc = run(kb, "The Bordurian defence minister resigned on Monday after the protests." + TAIL)
    assert not kept(doc, "resigned"), triggers(doc)
    assert reasons(doc, "resigned") == ["resignation"]
    assert kept(doc, "protests"), triggers(doc)


def test_a_lone_sentence_keeps_its_resignation(kb):
    doc = run(kb, "The Bordurian defence minister resigned on Monday after the protests.")
    assert [e for e in doc.events if e.type == "RETREAT"], triggers(doc)


def test_a_task_told_in_a_quote_is_no_act_and_a_stated_readiness_stays(kb):
    doc = run(kb, "\"Our task is simply to stay ready to deploy peacekeepers if asked,\" the Bordurian general "
                  "told reporters." + TAIL)
    assert not kept(doc, "ready"), triggers(doc)
    assert reasons(doc, "ready") == ["purpose"]
    doc = run(kb, "\"We stand ready to deploy peacekeepers if asked,\" the Bordurian general told reporters." + TAIL)
    assert kept(doc, "ready"), triggers(doc)


def test_allegations_named_inside_a_question_stand(kb):
    doc = run(kb, "It was not known whether the call touched on allegations that Bordurian gunners "
                  "shelled the Ruritanian depot." + TAIL)
    assert reasons(doc, "allegations") != ["question"], triggers(doc)
    assert reasons(doc, "shelled") == [] and kept(doc, "shelled"), triggers(doc)


def test_the_wounded_of_a_toll_are_no_attack_of_their_own(kb):
    doc = run(kb, "Rescuers counted 41 dead and roughly 300 wounded in Kelm." + TAIL)
    assert not [e for e in doc.events if e.type == "ASSAULT"], triggers(doc)
    assert reasons(doc, "wounded") == ["casualty"]


def test_guards_wounded_by_troops_are_an_attack(kb):
    doc = run(kb, "Three Ruritanian border guards were wounded by Bordurian troops on Friday." + TAIL)
    assert kept(doc, "wounded") and kept(doc, "wounded")[0].type == "ASSAULT", triggers(doc)


def test_all_the_time_makes_a_habit(kb):
    # (session 14: "the Bordurian coast guard" is a role phrase with a sector now, a named
    # party like "the Iranian coast guard", whose habit mark_habits keeps as background;
    # the drop is for a habit with no named doer)
    doc = run(kb, "Fishermen from Kelm get detained all the time." + TAIL)
    assert not kept(doc, "detained"), triggers(doc)
    assert reasons(doc, "detained") == ["habitual"]
    named = run(kb, "Fishermen from Kelm get detained by the Bordurian coast guard all the time." + TAIL)
    assert kept(named, "detained") and all(e.background for e in kept(named, "detained")), triggers(named)


def test_all_the_time_of_a_stay_is_no_habit(kb):
    doc = run(kb, "Bordurian police arrested the smugglers at the border all the time they were there." + TAIL)
    assert kept(doc, "arrested"), triggers(doc)


def test_a_count_of_wounded_as_its_own_clause_stays(kb):
    doc = run(kb, "Three were wounded in Borduria on Friday." + TAIL)
    assert kept(doc, "wounded"), triggers(doc)


def test_a_states_act_the_writer_finds_unlikely_is_a_guess(kb):
    doc = run(kb, "It seems unlikely that Norway will impose sanctions on Russia." + TAIL)
    assert not kept(doc, "impose"), triggers(doc)
    assert reasons(doc, "impose") == ["prediction"]
    doc = run(kb, "It seems likely that Norway imposed sanctions on Russia last week." + TAIL)
    assert kept(doc, "imposed"), triggers(doc)


def test_a_partys_would_told_by_analysts_is_their_guess(kb):
    doc = run(kb, "Several scholars contend that Finland would eventually give in to Moscow's demands." + TAIL)
    assert reasons(doc, "give in") == ["prediction"], triggers(doc)
    doc = run(kb, "Finland would agree to new talks with Norway, its trade minister said." + TAIL)
    assert kept(doc, "agree"), triggers(doc)


def test_a_denied_claim_is_no_reject(kb):
    doc = run(kb, "Norway dismissed a claim by Sweden that its jets had bombed the depot." + TAIL)
    assert not [e for e in doc.events if e.type == "REJECT"], triggers(doc)
    assert reasons(doc, "dismissed") == ["denial"]
    assert kept(doc, "bombed") and kept(doc, "bombed")[0].certainty.status == "denied", triggers(doc)


def test_a_rejected_offer_or_request_stays_reject(kb):
    doc = run(kb, "Norway rejected the offer of talks from Sweden on Friday." + TAIL)
    assert kept(doc, "rejected") and kept(doc, "rejected")[0].type == "REJECT", triggers(doc)
    doc = run(kb, "Norway has denied a request by Sweden to open the border." + TAIL)
    assert [e for e in doc.events if e.type == "REJECT"], triggers(doc)


def test_a_negated_perfect_since_a_year_is_a_state(kb):
    doc = run(kb, "Finland has not allowed Russian warships into its ports since 2014." + TAIL)
    assert not [e for e in doc.events if e.type == "REJECT"], triggers(doc)
    assert reasons(doc, "allowed") == ["state"]
    doc = run(kb, "Norway has not accepted the Swedish offer." + TAIL)
    assert kept(doc, "accepted") and kept(doc, "accepted")[0].type == "REJECT", triggers(doc)


def test_a_rejected_charge_stays_reject(kb):
    doc = run(kb, "Sweden accused Norway of spying. Norway's foreign ministry rejected the charge on Friday."
              + TAIL)
    assert [e for e in doc.events if e.type == "REJECT"], triggers(doc)
