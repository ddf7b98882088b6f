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
    c = event(run(kb, "Officials said the US might impose new sanctions."), "SANCTION").certainty
    assert c.status == "hypothetical" and "Officials" in who(c)


@pytest.mark.parametrize("text,cue", [
    ("The US did not attack the boat.", "not"),
    ("There were no strikes on Tuesday.", "no"),
    ("US forces never fired on the fishermen.", "never"),
])
def test_negated(kb, text, cue):
    c = event(run(kb, text), "ASSAULT").certainty
    assert c.status == "negated" and c.cue.text == cue


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
