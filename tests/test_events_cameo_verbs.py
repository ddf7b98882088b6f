"""The CAMEO verb dictionary (PETRARCH2/Phoenix) as a fallback trigger source: the loader,
one sentence per policy decision of knowledge/data/cameo/verb_policy.tsv, and the
precedence of triggers.tsv. Every sentence is written for these tests."""
from pathlib import Path

import pytest

from sitrep import pipeline
from sitrep.knowledge.cameo_verbs import CAMEO_DIR, load_cameo_verbs, load_policy
from sitrep.model import Article
from sitrep.stages.event_triggers import cameo_reading, find_candidates


def run(kb, text, published="2024-03-15"):
    return pipeline.process(Article(id="t", text=text, published=published), kb)


def types(doc):
    return [e.type for e in doc.events]


def triggers(doc):
    return [e.trigger.text.lower() for e in doc.events]


@pytest.fixture(scope="module")
def table():
    return load_cameo_verbs()


# -- the loader -------------------------------------------------------------------------------

def test_loader_reads_verbs_patterns_and_classes(table):
    assert len(table) > 1000
    assert any(e.synset == "destroy" for e in table.entries("raze"))
    assert any(p.obj == "home" for p in table.patterns["destroy"])
    assert "missile" in table.classes["&WEAPON"]


def test_codes_map_to_plover_types_through_the_crosswalk(table):
    assert table.type_of("1712") == "ASSAULT"  # destroy property
    assert table.type_of("173") == "COERCE"  # arrest
    assert table.type_of("010") is None  # statements (root 01) are no event
    assert table.type_of(None) is None


def test_policy_rejects_unknown_settings(tmp_path: Path):
    bad = tmp_path / "verb_policy.tsv"
    bad.write_text("no_event_rot\t01\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown sets"):
        load_policy(bad)
    bad.write_text("root_type\tREQUEST\n", encoding="utf-8")
    with pytest.raises(ValueError, match="NN:TYPE"):
        load_policy(bad)


def test_shipped_policy_is_the_measured_one():
    policy = load_policy(CAMEO_DIR / "verb_policy.tsv")
    assert policy.default_origins == frozenset()  # verbs code only through a pattern
    assert policy.direct_patterns_only
    assert "ACCUSE" not in policy.types and "ASSAULT" in policy.types


# -- the fallback fires ---------------------------------------------------------------------

def test_a_verb_without_a_trigger_row_is_typed_by_its_object_pattern(kb):
    doc = run(kb, "Government troops razed homes in the border village of Kelmi on Sunday, "
                  "the interior ministry of Dravonia said.")
    assert "ASSAULT" in types(doc)
    assert "razed" in triggers(doc)


# -- policy decisions -----------------------------------------------------------------------

def test_a_verb_alone_gives_no_event_without_its_pattern(kb):
    # "raze" has a code in the dictionary, but without a listed object it is no event here
    doc = run(kb, "Government troops razed everything they could find near Kelmi on Sunday.")
    assert "razed" not in triggers(doc)


def test_a_verbal_code_is_left_to_triggers_tsv(kb, table):
    # "win a prize" is 051 (praise, SUPPORT) in the dictionary: verbal codes are not used
    doc = run(kb, "The Dravonian foreign minister won a prize for his memoir on Tuesday.")
    assert "won" not in triggers(doc)
    assert "SUPPORT" not in table.plover.values()


def test_a_prepositional_pattern_is_not_used(kb):
    # "die (IN &FIGHT)" is an attack in the dictionary; a death is no act of a party
    doc = run(kb, "Two fishermen from the port died in clashes between Dravonian gunboats and smugglers at dawn.")
    assert "died" not in triggers(doc)


def test_without_a_political_actor_there_is_no_event(kb):
    doc = run(kb, "The storm razed homes along the coast of the island on Sunday.")
    assert "razed" not in triggers(doc)


def test_a_verb_whose_object_is_an_event_noun_leaves_it_to_the_noun(kb):
    doc = run(kb, "Opposition parties of Dravonia staged a protest outside parliament on Monday.")
    assert "staged" not in triggers(doc)
    assert "PROTEST" in types(doc)


# -- triggers.tsv wins --------------------------------------------------------------------------

def test_a_trigger_row_wins_over_the_cameo_reading(kb, table):
    lex = kb.event_lexicon
    sent = next(iter(kb.nlp("Dravonia expelled three Kelmian soldiers on Friday.").sents))
    verb = sent[1]
    assert verb.lemma_ == "expel" and "expel" in lex.verbs
    # the dictionary reads "expel soldiers" as a COERCE (expulsion, 174) ...
    assert table.type_of(next(p.code for e in table.entries("expel")
                              for p in table.patterns[e.synset] if p.obj == "&MILITARY")) == "COERCE"
    # ... but triggers.tsv has a row for "expel", so that row types the candidate
    cands = [c for c in find_candidates(sent, lex) if c.head.i == verb.i]
    assert [c.type for c in cands] == [lex.verbs["expel"][0].type]
    assert cameo_reading(verb, table) is not None  # the fallback would have fired


def test_a_subjectless_clause_as_subject_is_no_act(kb):
    # "smash &WEAPON" is an attack pattern; as the subject of "would" it is an option discussed
    doc = run(kb, "Smashing the rebels' rockets would end the war, Dravonian officials said on Monday.")
    assert "smashing" not in triggers(doc)
