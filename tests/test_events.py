"""Events stage: PLOVER triggers, roles, attachments, on sentences written for these tests."""
import pytest

from sitrep import pipeline
from sitrep.knowledge.plover import load_event_lexicon
from sitrep.model import PLOVER_TYPES, Article, Document
from sitrep.stages import events as events_stage
from sitrep.stages.events import coded_events


def run(kb, text, published="2025-11-20", until=None):
    return pipeline.process(Article(id="t", text=text, published=published), kb, until=until)


def types(doc):
    return [e.type for e in doc.events]


def only(doc, type_):
    found = [e for e in doc.events if e.type == type_]
    assert found, f"no {type_} event in {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def name(actor):
    return actor.text if actor is not None else None


# -- lexicon -------------------------------------------------------------------------

def test_lexicon_covers_all_sixteen_types():
    lex = load_event_lexicon()
    covered = {t.type for entries in list(lex.verbs.values()) + list(lex.nouns.values()) for t in entries}
    assert covered == set(PLOVER_TYPES)
    assert len(lex) > 300


def test_lexicon_has_light_verb_and_particle_patterns():
    lex = load_event_lexicon()
    words = {t.words for entries in lex.verbs.values() for t in entries}
    for pattern in ("call for", "step down", "impose curfew", "open fire", "hold talks"):
        assert pattern in words
    assert {"launch", "carry", "impose"} <= lex.light_verbs


# -- triggers ------------------------------------------------------------------------

def test_active_assault_with_source_target_and_place(kb):
    doc = run(kb, "US forces struck a Venezuelan navy vessel off the coast of Venezuela on Monday.")
    ev = only(doc, "ASSAULT")
    assert ev.trigger.text == "struck"
    assert "US" in name(ev.source)
    assert ev.id == "t:e1"


def test_passive_voice_source_from_by_phrase(kb):
    doc = run(kb, "Three boats were struck by US forces in the Caribbean.")
    ev = only(doc, "ASSAULT")
    assert ev.trigger.text == "struck"
    assert ev.source is not None and "US" in ev.source.text


def test_nominal_event_with_light_verb(kb):
    doc = run(kb, "The United States launched strikes on drug boats near Venezuela.")
    ev = only(doc, "ASSAULT")
    assert "strikes" in ev.trigger.text
    assert "United States" in name(ev.source)


def test_nominal_event_seizure_of_tanker_is_coerce(kb):
    doc = run(kb, "The seizure of a Venezuelan oil tanker by the United States angered Caracas.")
    ev = only(doc, "COERCE")
    assert ev.mode == "seize"
    assert ev.trigger.text == "seizure"
    assert "United States" in name(ev.source)


def test_tanker_seized_verb(kb):
    doc = run(kb, "American forces seized an oil tanker off the coast of Venezuela on Wednesday.")
    ev = only(doc, "COERCE")
    assert ev.mode == "seize"


def test_sanctions_against_target(kb):
    doc = run(kb, "Washington imposed new sanctions against Venezuela's state oil company.")
    ev = only(doc, "SANCTION")
    assert "sanctions" in ev.trigger.text
    assert "Washington" in name(ev.source)
    assert ev.target is not None and "Venezuela" in ev.target.text


def test_troop_buildup_is_mobilize(kb):
    doc = run(kb, "The Pentagon has deployed warships and thousands of troops to the Caribbean.")
    assert only(doc, "MOBILIZE").source is not None
    doc = run(kb, "The military build-up in the Caribbean continued this week.")
    assert "MOBILIZE" in types(doc)


def test_offer_to_negotiate_is_agree_not_consult(kb):
    doc = run(kb, "Maduro offered to negotiate with Washington.")
    assert types(doc) == ["AGREE"]
    ev = doc.events[0]
    assert "Maduro" in name(ev.source)
    assert ev.target is not None and "Washington" in ev.target.text


def test_talks_held_is_consult(kb):
    doc = run(kb, "Venezuelan and Colombian ministers held talks in Bogota on Friday.")
    assert "CONSULT" in types(doc)


def test_talks_without_any_actor_is_not_an_event(kb):
    doc = run(kb, "the talks went on for hours.")
    assert "CONSULT" not in types(doc)


def test_accusation_is_accuse(kb):
    doc = run(kb, "Venezuela accused the United States of piracy on Thursday.")
    ev = only(doc, "ACCUSE")
    assert ev.mode == "allege"
    assert "Venezuela" in name(ev.source)
    assert "United States" in name(ev.target)


def test_reporting_verbs_are_not_events(kb):
    doc = run(kb, "The minister said on Tuesday that the economy was growing, he told reporters.")
    assert doc.events == []


def test_threat_is_threaten_only_with_the_threatened_target(kb):
    """docs/annotation.md 4: the threatened act is not coded beside the threat."""
    doc = run(kb, "Trump threatened to strike Venezuela.")
    assert types(doc) == ["THREATEN"]
    threat = only(doc, "THREATEN")
    assert "Trump" in name(threat.source)
    assert threat.target is not None and "Venezuela" in threat.target.text


def test_future_conflict_action_is_threaten(kb):
    doc = run(kb, "The farmers said they would blockade the capital next week.")
    assert [e.type for e in coded_events(doc)] == ["THREATEN"]


def test_refused_cooperation_is_reject(kb):
    doc = run(kb, "Caracas said it would not accept the proposal.")
    assert [e.type for e in coded_events(doc)] == ["REJECT"]


def test_compound_actor_acting_jointly_is_one_event_with_the_first_named_source(kb):
    """docs/annotation.md 3: a joint act of a compound actor is one happening."""
    doc = run(kb, "The United States and Britain imposed sanctions on Venezuela.")
    sanctions = [e for e in doc.events if e.type == "SANCTION"]
    assert len(sanctions) == 1
    assert "United States" in name(sanctions[0].source)
    assert "Venezuela" in name(sanctions[0].target)


def test_assault_mode_from_instrument(kb):
    doc = run(kb, "A drone strike hit a camp in the north.")
    assert only(doc, "ASSAULT").mode == "drone"


def test_publication_date_is_marked_when_sentence_has_no_date(kb):
    doc = run(kb, "US forces struck a boat in the Caribbean.", published="2025-09-02T10:00:00")
    ev = only(doc, "ASSAULT")
    assert ev.date is not None and ev.date.value == "2025-09-02" and ev.date.mod == "PUBLICATION"


def test_event_ids_are_stable_and_sequential(kb):
    text = "US forces struck a boat. Venezuela condemned the strike. Colombia sent troops to the border."
    a, b = run(kb, text), run(kb, text)
    assert [e.id for e in a.events] == [e.id for e in b.events]
    assert [e.id for e in a.events] == [f"t:e{i + 1}" for i in range(len(a.events))]


def test_works_without_other_layers(kb):
    """nlp + events only: actors fall back to spaCy entities."""
    doc = Document(article=Article(id="x", text="Russian troops attacked Ukrainian positions."))
    from sitrep.stages import nlp
    nlp.run(doc, kb)
    events_stage.run(doc, kb)
    ev = only(doc, "ASSAULT")
    assert ev.source is not None and "Russian" in ev.source.text


@pytest.mark.parametrize("text", ["", "   ", "!!!", "ÄÖÜ ☃ 💥 ...", "A" * 3000,
                                  "US FORCES STRUCK A BOAT IN THE CARIBBEAN, OFFICIALS SAID."])
def test_bad_input_does_not_crash(kb, text):
    doc = Document(article=Article(id="bad", text=text))
    from sitrep.stages import certainty, nlp
    nlp.run(doc, kb)
    events_stage.run(doc, kb)
    certainty.run(doc, kb)
    assert isinstance(doc.events, list)


def test_long_sentence(kb):
    text = ("US forces struck a boat, " * 80) + "officials said."
    doc = run(kb, text)
    # the same words over and over report one happening: one event, every mention kept
    assert len(doc.events) == 1
    assert len(doc.events[0].mentions) >= 10


def test_labour_strike_is_protest_not_assault(kb):
    doc = run(kb, "A general strike by transport workers paralysed the capital on Monday.")
    assert "PROTEST" in types(doc) and "ASSAULT" not in types(doc)
    doc = run(kb, "US forces carried out a strike on a boat in the Caribbean.")
    assert "ASSAULT" in types(doc) and "PROTEST" not in types(doc)


def test_reported_obligation_is_request(kb):
    doc = run(kb, "Washington said on Tuesday that Maduro must step down.")
    assert [e.type for e in coded_events(doc)] == ["REQUEST"]


def test_later_sentences_inherit_the_lead_date(kb):
    """News dates the main event once, in the lead; a follow-up sentence without a date
    gets the lead's day (with its span), not the publication date."""
    doc = run(kb, "US forces attacked a boat off the coast of Venezuela on Monday, killing three people.\n\n"
                  "Maduro condemned the attack as an act of aggression.", published="2025-09-16")
    accuse = only(doc, "ACCUSE")
    assert accuse.date.value == "2025-09-15"
    assert doc.article.text[accuse.date.span[0]:accuse.date.span[1]] == "Monday"


def test_a_date_after_publication_is_not_a_lead_date(kb):
    doc = run(kb, "The summit will open on Friday in Bogota.\n\nMaduro condemned the attack as an act "
                  "of aggression.", published="2025-09-16")
    assert only(doc, "ACCUSE").date.mod == "PUBLICATION"


def test_a_country_modifying_a_noun_is_not_the_event_place(kb):
    doc = run(kb, "Explosions shook the capital as US aircraft struck military targets.")
    assert all(e.place is None or e.place.name != "United States" for e in doc.events)
    doc = run(kb, "Police arrested five men at the Bogota airport.")
    assert only(doc, "COERCE").place.name == "Bogotá"


def test_source_of_predicate_events(kb):
    """"X is ready to ...", "X arrived on a visit": the actor is the subject of the verb
    the event word complements."""
    ready = only(run(kb, "France is ready to contribute troops to the force."), "AGREE")
    assert name(ready.source) == "France"
    visit = only(run(kb, "President Gustavo Petro arrived in Caracas on a visit on Wednesday."), "CONSULT")
    assert visit.source is not None and visit.source.country == "COL"
    # the subject of "condemned" did not carry out the attacks
    attack = only(run(kb, "Maduro condemned the attacks on the boats."), "ASSAULT")
    assert attack.source is None
