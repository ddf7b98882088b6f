"""Certainty stage: status, attribution, cue and hedges, on sentences written for these tests."""
import pytest

from sitrep import pipeline
from sitrep.model import Article


def run(kb, text):
    return pipeline.process(Article(id="c", text=text, published="2025-11-20"), kb)


def event(doc, type_):
    found = [e for e in doc.events if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def who(certainty):
    return certainty.attributed_to.text if certainty.attributed_to is not None else None


def test_narrator_assertion(kb):
    c = event(run(kb, "US forces struck a boat in the Caribbean on Monday."), "ASSAULT").certainty
    assert c.status == "asserted"
    assert c.attributed_to is None and c.cue is None and c.hedges == []


def test_reported_speech_is_claimed_by_the_speaker(kb):
    doc = run(kb, "Maduro said the United States had attacked Venezuelan fishing boats.")
    c = event(doc, "ASSAULT").certainty
    assert c.status == "claimed"
    assert "Maduro" in who(c)
    assert c.cue is not None and c.cue.text == "said"
    assert doc.article.text[c.cue.span[0]:c.cue.span[1]] == "said"


def test_trailing_attribution_is_claimed(kb):
    c = event(run(kb, "American jets bombed the airport, the defence minister said."), "ASSAULT").certainty
    assert c.status == "claimed"
    assert "minister" in who(c)


def test_media_report_is_reported(kb):
    c = event(run(kb, "State television reported that American jets bombed the port."), "ASSAULT").certainty
    assert c.status == "reported"


def test_according_to_an_agency_is_reported(kb):
    c = event(run(kb, "According to Reuters, US warplanes bombed a camp near the border."), "ASSAULT").certainty
    assert c.status == "reported"
    assert c.cue is not None and c.cue.text.lower().startswith("according")
    assert "Reuters" in (who(c) or "")


def test_reportedly(kb):
    c = event(run(kb, "US aircraft reportedly struck a boat on Monday."), "ASSAULT").certainty
    assert c.status == "reported" and c.cue.text == "reportedly"


def test_it_was_reported_that(kb):
    c = event(run(kb, "It was reported that troops had attacked the village."), "ASSAULT").certainty
    assert c.status == "reported"


def test_without_evidence_is_alleged_with_hedge(kb):
    doc = run(kb, "Maduro said, without evidence, that the CIA had attacked the refinery.")
    c = event(doc, "ASSAULT").certainty
    assert c.status == "alleged"
    assert c.hedges == ["without evidence"]
    assert "Maduro" in who(c)


def test_accused_of_is_alleged_by_the_accuser(kb):
    doc = run(kb, "Venezuela accused the United States of attacking its oil platforms.")
    c = event(doc, "ASSAULT").certainty
    assert c.status == "alleged"
    assert "Venezuela" in who(c)
    assert c.cue.text == "accused"


def test_allegedly(kb):
    c = event(run(kb, "The militia allegedly kidnapped two aid workers."), "ASSAULT").certainty
    assert c.status == "alleged" and c.cue.text == "allegedly"


def test_denial(kb):
    doc = run(kb, "Caracas denied that its forces had fired on the vessel.")
    c = event(doc, "ASSAULT").certainty
    assert c.status == "denied"
    assert "Caracas" in who(c)
    assert c.cue.text == "denied"


def test_rejected_claims_that_is_denied(kb):
    doc = run(kb, "Venezuela rejected claims that its navy had seized the tanker.")
    c = event(doc, "COERCE").certainty
    assert c.status == "denied"
    assert c.cue.text == "rejected claims"


def test_dismissed_reports_is_denied(kb):
    c = event(run(kb, "Russia dismissed reports that it had sent troops to Venezuela."), "MOBILIZE").certainty
    assert c.status == "denied"


def test_threatened_to_strike(kb):
    """A threat is coded THREATEN only (docs/annotation.md 4): the threatened strike is
    not an event of its own, and the threat is a fact the narrator states."""
    doc = run(kb, "Trump threatened to strike Venezuela.")
    assert [e.type for e in doc.events] == ["THREATEN"]
    assert event(doc, "THREATEN").certainty.status == "asserted"


def test_warned_it_would(kb):
    doc = run(kb, "Trump warned that the US would strike drug cartels on land.")
    assert [e.type for e in doc.events] == ["THREATEN"]
    assert event(doc, "THREATEN").certainty.status == "asserted"


@pytest.mark.parametrize("text,cue", [
    ("Washington could strike targets inside Venezuela.", "could"),
    ("The US military may attack the camps next week.", "may"),
    ("If Venezuela attacks the ships, the US will respond.", "If"),
    ("The Pentagon is considering strikes on targets in Venezuela.", "considering"),
])
def test_hypothetical(kb, text, cue):
    c = event(run(kb, text), "ASSAULT").certainty
    assert c.status == "hypothetical"
    assert c.cue.text == cue


def test_hypothetical_keeps_the_speaker(kb):
    # sanctions that only might come are a threat (docs/annotation.md 10), still hypothetical
    c = event(run(kb, "Officials said the US might impose new sanctions."), "THREATEN").certainty
    assert c.status == "hypothetical" and "Officials" in who(c)


@pytest.mark.parametrize("text", [
    "The US did not attack the boat.",
    "There were no strikes on Tuesday.",
    "US forces never fired on the fishermen.",
])
def test_an_act_stated_not_to_have_happened_is_no_event_to_be_certain_of(kb, text):
    # docs/annotation.md 2: the gold codes no negated acts, so the events stage drops them
    # (test_events_detection.py); the certainty stage never sees them
    assert not [e for e in run(kb, text).events if e.type == "ASSAULT"]


def test_condemned_attack_is_taken_as_real(kb):
    doc = run(kb, "Colombia condemned the strikes on the boats.")
    assert event(doc, "ASSAULT").certainty.status == "asserted"


def test_quote_speaker_claims_events_inside_a_direct_quote(kb):
    doc = run(kb, '"The Americans bombed our boats," Maduro said on Tuesday.')
    c = event(doc, "ASSAULT").certainty
    assert c.status == "claimed"
    assert "Maduro" in who(c)


def test_cue_spans_point_into_the_text(kb):
    doc = run(kb, "Maduro said, without evidence, that the CIA had attacked the refinery. "
                  "Caracas denied that its forces had fired on the vessel.")
    for ev in doc.events:
        cue = ev.certainty.cue
        if cue is not None:
            assert doc.article.text[cue.span[0]:cue.span[1]] == cue.text


def test_cue_on_the_light_verb_of_a_nominal_event(kb):
    c = event(run(kb, "The attack was allegedly carried out by the ELN."), "ASSAULT").certainty
    assert c.status == "alleged" and c.cue.text == "allegedly"


def test_future_of_an_event_subject_keeps_the_speaker(kb):
    c = event(run(kb, "Hegseth said the strikes would continue."), "ASSAULT").certainty
    assert c.status == "hypothetical" and "Hegseth" in who(c)


def test_plans_are_attributed_to_the_speaker_not_the_planner(kb):
    doc = run(kb, "Two US officials said the military was preparing strikes on Venezuelan targets.")
    c = event(doc, "ASSAULT").certainty
    assert c.status == "hypothetical"
    assert "officials" in who(c)


def test_announcing_an_act_asserts_it(kb):
    doc = run(kb, "Venezuela responded by announcing a massive deployment of soldiers across the country.")
    assert event(doc, "MOBILIZE").certainty.status == "asserted"


def test_hedge_does_not_turn_the_accusation_itself_into_an_allegation(kb):
    doc = run(kb, "Trump accused the crew of smuggling drugs but offered no evidence for the claim.")
    accuse = event(doc, "ACCUSE")
    assert accuse.certainty.status == "asserted"
    assert any("no evidence" in h for h in accuse.certainty.hedges)
    assert "AGREE" not in [e.type for e in doc.events]  # "offered no evidence" is no offer


def test_definite_event_subject_is_presupposed_indefinite_is_attributed(kb):
    doc = run(kb, "The seizure of the tanker has frightened shipowners, traders said.")
    assert event(doc, "COERCE").certainty.status == "asserted"
    doc = run(kb, "Venezuelan officials said new strikes had hit the port.")
    c = event(doc, "ASSAULT").certainty
    assert c.status == "claimed" and "officials" in who(c)


def test_event_inside_a_condition_is_hypothetical(kb):
    doc = run(kb, "Washington will respond if attacks on its ships continue, officials said.")
    assert event(doc, "ASSAULT").certainty.status == "hypothetical"


# -- issue 7: conventions of docs/annotation.md section 6 -----------------------------------

def test_unclear_whether_is_hypothetical(kb):
    doc = run(kb, "It is unclear whether the administration will impose sanctions on Caracas.")
    c = doc.events[0].certainty
    assert c.status == "hypothetical" and c.cue.text == "whether"


def test_alleged_on_the_event_noun(kb):
    c = event(run(kb, "The alleged attack on the convoy was carried out at dawn."), "ASSAULT").certainty
    assert c.status == "alleged" and c.cue.text == "alleged"


def test_a_third_party_reports_a_party_claims(kb):
    # a monitor is neither side: reported
    doc = run(kb, "The Syrian Observatory for Human Rights said Russian jets bombed the market in Idlib.")
    assert event(doc, "ASSAULT").certainty.status == "reported"
    # the side that did it: claimed
    doc = run(kb, "Russia's defence ministry said Russian jets bombed a rebel depot in Idlib.")
    c = event(doc, "ASSAULT").certainty
    assert c.status == "claimed" and "ministry" in who(c)


def test_a_report_noun_carries_its_content(kb):
    doc = run(kb, "Washington is looking into reports that soldiers shelled a hospital in the north.")
    c = event(doc, "ASSAULT").certainty
    assert c.status == "reported" and c.cue.text == "reports"
    doc = run(kb, "Reports are emerging that the militia has begun shelling the port.")
    assert event(doc, "ASSAULT").certainty.status == "reported"


def test_a_statement_that_is_the_act_is_asserted(kb):
    # the speaker's own threat, said: the threat itself happened
    doc = run(kb, "Turkey's foreign ministry said on Friday that Turkey would retaliate against any sanctions.")
    assert event(doc, "THREATEN").certainty.status == "asserted"
    # a present appeal in the speaker's own words
    doc = run(kb, '"We urge the government to release the prisoners," the senator said.')
    assert event(doc, "REQUEST").certainty.status == "asserted"
    # someone else's past request, relayed: claimed
    doc = run(kb, "The adviser said the president had asked the rebels to lay down their arms.")
    assert event(doc, "REQUEST").certainty.status == "claimed"


def test_announcing_an_own_policy_is_asserted_announcing_a_past_strike_is_claimed(kb):
    doc = run(kb, "The European Union announced that it is imposing sanctions on the generals.")
    assert event(doc, "SANCTION").certainty.status == "asserted"
    doc = run(kb, "US forces attacked a second boat on Monday, killing four people, the president announced.")
    assert event(doc, "ASSAULT").certainty.status == "claimed"


def test_a_purpose_clause_is_an_aim_unless_the_speaker_went_there_to_say_it(kb):
    doc = run(kb, "The senator went to the floor to praise the inspectors general.")
    assert event(doc, "SUPPORT").certainty.status == "asserted"
    # an aim is no act (event_triggers.purpose_clause), and the demand of a protest is its
    # topic (PLOVER 3.12): neither reaches the certainty stage as an event of its own
    doc = run(kb, "The army sent two battalions to seize the airport.")
    assert not [e for e in doc.events if e.type == "COERCE"]
    doc = run(kb, "Thousands of students staged rallies in the capital to demand new elections.")
    assert not [e for e in doc.events if e.type == "REQUEST"]


def test_without_evidence_hedges_only_the_events_it_bears_on(kb):
    doc = run(kb, "Maduro accused Bogota without evidence of training rebels, and on Monday soldiers "
                  "shelled a village near the border.")
    accuse = event(doc, "ACCUSE").certainty
    assert accuse.hedges == ["without evidence"]
    assault = event(doc, "ASSAULT").certainty
    assert assault.hedges == [] and assault.status == "asserted"


def test_the_denier_of_accusations_is_never_the_accuser(kb):
    doc = run(kb, "Russia denies the accusations.")
    accusations = [e for e in doc.events if e.type == "ACCUSE"]
    assert accusations
    for ev in accusations:
        assert ev.source is None or "Russia" not in ev.source.text
        assert ev.certainty.denied_by is not None and "Russia" in ev.certainty.denied_by.text
        assert ev.certainty.status == "asserted"


def test_a_denial_of_the_claim_is_recorded_on_the_claimed_event(kb):
    doc = run(kb, "Rebels said government troops had attacked the village, but the army denied the claim.")
    c = event(doc, "ASSAULT").certainty
    assert c.status == "claimed" and "Rebels" in who(c)
    assert c.denied_by is not None and "army" in c.denied_by.text
    doc = run(kb, "Venezuela accused Colombia of sheltering fighters. Bogota denied the accusations.")
    accuse = [e for e in doc.events if e.type == "ACCUSE" and e.trigger.text == "accused"][0]
    assert accuse.certainty.denied_by is not None and "Bogota" in accuse.certainty.denied_by.text
    assert accuse.source is not None and "Venezuela" in accuse.source.text


def test_an_event_takes_the_status_of_its_first_mention_that_is_not_a_denial(kb):
    text = ("NATO accused Russia of sending troops into the region. "
            "Moscow denied that it had sent troops.")
    doc = run(kb, text)
    # the events stage merges both mentions into one happening; certainty reads it per mention
    sent = [e for e in doc.events if e.type == "MOBILIZE"]
    assert len(sent) == 1 and len(sent[0].mentions) == 2
    c = sent[0].certainty
    assert c.status == "alleged" and "NATO" in who(c)
    assert c.denied_by is not None and "Moscow" in c.denied_by.text


def test_future_modals_are_one_set_in_the_knowledge_layer(kb):
    assert {"will", "would", "'ll"} <= kb.cues.future_modals
    assert "could" not in kb.cues.future_modals


def test_state_media_speak_for_their_state_independent_media_report(kb):
    c = event(run(kb, "SANA reported that insurgents fired rocket shells at a school in Aleppo."), "ASSAULT").certainty
    assert c.status == "claimed" and "SANA" in who(c)
    c = event(run(kb, "Reuters reported that insurgents fired rocket shells at a school in Aleppo."), "ASSAULT").certainty
    assert c.status == "reported"


def test_a_warning_about_someone_elses_act_is_no_threat(kb):
    # docs/annotation.md: a threat is coded THREATEN only, by the threatener; a third party's
    # warning about another's act makes nobody a threatener, and any act it names is hypothetical
    doc = run(kb, "Analysts warn that the army will attack the northern province in the spring.")
    assert not [e for e in doc.events if e.type == "THREATEN" and e.source and "Analysts" in e.source.text]
    assert all(e.certainty.status == "hypothetical" for e in doc.events if e.type == "ASSAULT")
    threat = event(run(kb, "Trump warned that the US would strike drug cartels on land."), "THREATEN")
    assert threat.certainty.status == "asserted" and "Trump" in threat.source.text


def test_a_known_attack_named_in_a_quote_is_not_a_claim(kb):
    doc = run(kb, 'The bombing killed nine people on Monday. "This attack targets the whole nation," the prime minister said.')
    attack = [e for e in doc.events if any(m.text == "attack" for m in e.mentions or [e.trigger])]
    assert attack and attack[0].certainty.status == "asserted"


def test_a_hedge_on_the_doer_makes_the_act_alleged(kb):
    c = event(run(kb, "Suspected guerrillas ambushed an army patrol near the border."), "ASSAULT").certainty
    assert c.status == "alleged" and c.cue.text.lower() == "suspected"


def test_claiming_responsibility_is_the_doers_claim(kb):
    c = event(run(kb, "A rebel faction claimed responsibility for the bombing of the pipeline."), "ASSAULT").certainty
    assert c.status == "claimed" and "faction" in who(c)


def test_an_act_done_where_people_gathered_for_it_is_asserted(kb):
    doc = run(kb, "Opposition leaders gathered in Lima on Monday to denounce the arrest of the mayor.")
    assert event(doc, "ACCUSE").certainty.status == "asserted"
    doc = run(kb, "A team of UN inspectors is in Yemen to investigate the bombing of the hospital.")
    assert event(doc, "ACCUSE").certainty.status == "asserted"


def test_the_demand_of_a_protest_is_the_protest_not_a_plan(kb):
    doc = run(kb, "Bolivian miners staged protests in La Paz to demand the resignation of the minister.")
    assert event(doc, "PROTEST").certainty.status == "asserted"
    assert not [e for e in doc.events if e.type == "REQUEST"]


def test_a_party_telling_of_its_own_earlier_statement_puts_it_on_record(kb):
    # a statement act (support, rejection) told by the party that made it is asserted,
    # whatever the tense; a done physical act told by its doer stays the doer's claim
    doc = run(kb, "In a communique, the Velorian cabinet announced it had turned down the miners' union's appeal for negotiations.")
    assert event(doc, "REJECT").certainty.status == "asserted"
    doc = run(kb, "On Friday, the Ostravan parliament repeated that it stands with the exiled governor Mira Kalden.")
    assert event(doc, "SUPPORT").certainty.status == "asserted"
    doc = run(kb, "Brazil said its jets had bombed the rebel airport.")
    assert event(doc, "ASSAULT").certainty.status == "claimed"


def test_the_act_a_decision_names_is_taken_not_aimed_at(kb):
    doc = run(kb, "The Turkish government's decision to expel the Dutch ambassador angered Amsterdam.")
    assert event(doc, "SANCTION").certainty.status == "asserted"
    doc = run(kb, "The army sent troops to expel the ambassador.")
    assert not [e for e in doc.events if e.type == "SANCTION"]  # an aim stays an aim, no act


def test_the_events_and_certainty_stages_read_one_list_of_decision_nouns():
    from sitrep.knowledge.cues import load_word_sets
    from sitrep.knowledge.plover import event_words
    assert event_words().decision_nouns == load_word_sets()["decision_noun"]
    assert {"decision", "vote", "plan", "choice"} <= event_words().decision_nouns


def test_facts_in_a_credited_excerpt_are_reported_by_its_author(kb):
    # docs/annotation.md 10: facts inside a quoted column are the columnist's report
    text = ("What the papers say about the port.\n\n"
            "“The navy blockaded the port of Meridia for a week and nobody in the capital noticed.”\n\n"
            "Jane Roe, The Daily Planet\n\n"
            "The council meets again on Monday to discuss the matter.")
    c = event(run(kb, text), "COERCE").certainty
    assert c.status == "reported"
    assert who(c) == "Jane Roe"


def test_not_ruling_out_force_is_a_threat_not_a_negated_one(kb):
    # the negation makes the threat (events stage: a negated rejection of an option)
    doc = run(kb, "The president said on Friday that he would not rule out military action against the junta.")
    c = event(doc, "THREATEN").certainty
    assert c.status == "asserted"
