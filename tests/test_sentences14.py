"""Single coded sentences (session 13, sentences14): the converse readings of the CAMEO verb
dictionary. A pattern the dictionary writes ``[:code]`` ("RECEIVE &CURRENCY [:071]") codes
the act toward the verb's subject, by the party of the from-phrase; the verbs of receiving
(synset OBTAIN) read every material code that way. Every sentence is written for these
tests."""
import sys
from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.knowledge.cameo_verbs import load_cameo_verbs
from sitrep.model import Article

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def run(kb, text, published="2024-03-15"):
    return pipeline.process(Article(id="t", text=text, published=published), kb)


def roles(doc, etype):
    return [(e.source.text if e.source else None, e.target.text if e.target else None)
            for e in doc.events if e.type == etype]


@pytest.fixture(scope="module")
def importer():
    sys.path.insert(0, str(SCRIPTS))
    try:
        import import_cameo_verbs
    finally:
        sys.path.remove(str(SCRIPTS))
    return import_cameo_verbs


# -- the importer and the table -----------------------------------------------------------

def test_the_importer_marks_a_code_written_only_back_toward_the_subject(importer):
    assert importer.is_converse(":071")
    assert not importer.is_converse("043:042")  # a forward code first: forward
    assert not importer.is_converse("072")
    assert not importer.is_converse("---")
    pattern = importer.parse_pattern_line("- * LOAN  [:071]  # RECEIVE", "obtain", "")
    assert (pattern.obj, pattern.code, pattern.direction) == ("loan", "071", "converse")
    forward = importer.parse_pattern_line("- * &WEAPON  [072]  # RECEIVE", "obtain", "")
    assert forward.direction == "-"


def test_the_receiving_synset_reads_its_material_codes_as_converse():
    table = load_cameo_verbs()
    weapon = [p for p in table.patterns["obtain"] if p.obj == "&WEAPON" and p.code == "072"]
    assert weapon and all(p.converse for p in weapon)  # written forward, read converse
    assert table.policy.converse_synsets == frozenset({"obtain"})


# -- the stage: the giver is the source, the receiver the target --------------------------

def test_received_weapons_are_aid_from_the_giver(kb):
    doc = run(kb, "Armenia received two hundred missiles from India in March.")
    assert roles(doc, "AID") == [("India", "Armenia")]


def test_obtained_aircraft_are_aid_to_the_subject(kb):
    doc = run(kb, "The Sudanese army obtained six helicopters from Russia last week.")
    assert roles(doc, "AID") == [("Russia", "Sudanese army")]


def test_a_received_sentence_is_coercion_by_the_court(kb):
    doc = run(kb, "The journalist received a prison sentence from a state security court.")
    assert [src for src, _ in roles(doc, "COERCE")] == ["state security court"]


def test_a_received_visitor_or_letter_is_no_aid(kb):
    for text in ("Poland received the Canadian delegation in Warsaw on Monday.",
                 "The rebels received a letter from the president on Monday."):
        doc = run(kb, text)
        assert [e.type for e in doc.events if e.type in ("AID", "COERCE")] == [], text


def test_a_giving_verb_keeps_the_giver_as_source(kb):
    doc = run(kb, "Canada donated three hundred tents to Turkey on Tuesday.")
    assert roles(doc, "AID") == [("Canada", "Turkey")]


# -- a short record has no page furniture ---------------------------------------------------

def record_events(kb, text):
    from sitrep.pipeline import analyse, prepare
    from sitrep.read.records import articles_from_records

    articles, _ = articles_from_records([{"id": "r1", "text": text, "published": "2024-03-15"}], "jsonl")
    return [(e.type, e.trigger.text) for e in analyse(prepare(articles[0], kb), kb).events]


def test_headline_lines_of_a_short_record_are_its_text(kb):
    found = record_events(kb, "Rebels attacked an army base near Goma\n\nKinshasa expelled two diplomats\n\n"
                              "Uganda urged calm")
    assert [t for t, _ in found] == ["ASSAULT", "SANCTION", "REQUEST"]


def test_a_short_record_of_flash_lines_keeps_each_act(kb):
    found = record_events(kb, "Police detain opposition leader in Minsk\n\nEU condemns the arrest\n\n"
                              "Crowds march in the capital")
    assert {t for t, _ in found} >= {"COERCE", "ACCUSE", "PROTEST"}


def test_a_heading_inside_an_article_is_still_furniture(kb):
    text = ("Army base shelled\n\n"
            "The governor of North Kivu told reporters on Tuesday that the province had received new "
            "funds for schools and roads after months of delays.\n\n"
            "He said the budget would be debated by the provincial assembly next month.")
    assert all(trigger != "shelled" for _, trigger in record_events(kb, text))


# -- a parade is a show of force only when it is military (the "armed" flag) ----------------

def mobilized(kb, text):
    return [e.trigger.text for e in run(kb, text).events if e.type == "MOBILIZE"]


def test_a_parade_with_troops_or_missiles_is_a_show_of_force(kb):
    assert mobilized(kb, "Iran staged a parade in Tehran on Sunday, showing off three new missiles.")


def test_a_state_holding_its_parade_shows_force(kb):
    assert mobilized(kb, "Belarus held its independence parade in Minsk on Wednesday.")


def test_a_leader_at_the_parade_names_the_state_that_holds_it(kb):
    assert mobilized(kb, "Kim Jong Un watched the parade in Pyongyang from a balcony on Saturday.")


def test_a_crowd_or_a_civic_group_joining_a_parade_is_no_mobilisation(kb):
    for text in ("Thousands of Kurds joined a parade in Erbil celebrating the new year.",
                 "The veterans' association organised its own parade in Leeds on Sunday."):
        assert mobilized(kb, text) == [], text


def test_a_longer_list_of_flash_lines_has_no_headings(kb):
    found = record_events(kb, "Rebels attacked an army base near the eastern city of Goma on Monday\n\n"
                              "Kinshasa expelled two Rwandan diplomats over the attack\n\n"
                              "Uganda urged both sides to show restraint after the clashes\n\n"
                              "The African Union called an emergency meeting in Addis Ababa")
    assert {t for t, _ in found} >= {"ASSAULT", "SANCTION", "REQUEST"}


def test_the_first_line_of_a_snippet_is_analysed(kb):
    import sitrep

    doc = sitrep.extract("Troops shelled a village near Idlib\n\nAnkara recalled its envoy\n\nQatar urged calm",
                         snippet=True, published="2024-03-15")
    assert "ASSAULT" in {e.type for e in doc.events}


# -- marching in a procession or festivity is taking part, no protest (the "festive" flag) --

def protests(kb, text):
    return [e.trigger.text for e in run(kb, text).events if e.type == "PROTEST"]


def test_marching_in_a_holiday_parade_is_no_protest(kb):
    assert protests(kb, "The governor of Texas marched in the Thanksgiving parade in Houston on Thursday.") == []


def test_marching_at_a_ceremony_is_no_protest(kb):
    assert protests(kb, "Opposition lawmakers marched at the independence day ceremony in Harare.") == []


def test_rallying_at_a_festival_is_no_protest(kb):
    assert protests(kb, "Ruling party activists rallied at the harvest festival in Kumasi on Saturday.") == []


def test_a_march_through_a_city_or_a_rally_for_a_cause_is_a_protest(kb):
    assert protests(kb, "Thousands of students marched in the capital on Monday against the new law.")
    assert protests(kb, "Farm workers rallied in Tunis on Tuesday against the new land tax.")


def test_a_procession_a_banned_parade_or_a_parade_with_a_stated_protest_stays_a_protest(kb):
    for text in ("Hundreds marched in a candlelight procession to the French embassy on Friday to denounce "
                 "the shooting.",
                 "Activists marched in an outlawed May Day parade in Minsk on Wednesday.",
                 "Opposition supporters marched in the carnival in Port of Spain against the fuel tax."):
        assert protests(kb, text), text
