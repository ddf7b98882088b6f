"""Trigger rows added on the misses of the allsides dev gold (session 5, issue 7, triggers6):
one test per class of rows. Every sentence is written for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def run(kb, text, published="2024-03-15"):
    return pipeline.process(Article(id="t", text=text, published=published), kb)


def types(doc):
    return [e.type for e in doc.events]


# -- suspending: a party's links or sales discontinued, the constitution set aside ---------

def test_suspending_a_partys_activity_is_a_sanction(kb):
    doc = run(kb, "Norway suspended all arms exports to Qatar on Monday.")
    assert "SANCTION" in types(doc)


def test_suspending_the_constitution_is_emergency_rule(kb):
    doc = run(kb, "The junta in Niamey suspended the constitution on Thursday.")
    assert "COERCE" in types(doc)
    assert "SANCTION" not in types(doc)


def test_suspension_without_a_party_is_no_event(kb):
    assert types(run(kb, "The football league suspended its season because of the rain.")) == []


# -- blocking public ways is a protest -------------------------------------------------------

def test_blocking_streets_is_a_protest(kb):
    doc = run(kb, "Thousands of farmers blocked streets in Warsaw to oppose the import quotas.")
    assert "PROTEST" in types(doc)
    assert "COERCE" not in types(doc)


# -- weapons tests display force -------------------------------------------------------------

def test_a_nuclear_test_is_a_mobilization(kb):
    doc = run(kb, "Pakistan carried out a nuclear test near the Afghan border on Friday.")
    assert "MOBILIZE" in types(doc)


# -- pressing for an outcome is a demand -------------------------------------------------------

def test_pushing_for_an_outcome_is_a_request(kb):
    doc = run(kb, "Opposition senators in Manila pushed for new elections after the vote.")
    assert "REQUEST" in types(doc)


def test_an_asylum_application_is_a_request(kb):
    doc = run(kb, "The Belarusian athlete filed an asylum application with Poland on Monday.")
    assert "REQUEST" in types(doc)


# -- disapproval and accusation in adjectives and nouns -----------------------------------------

def test_being_critical_of_a_party_is_disapproval(kb):
    doc = run(kb, "The Kenyan bishops were openly critical of President Ruto's tax plan.")
    assert "ACCUSE" in types(doc)


def test_a_claim_against_a_party_is_an_accusation(kb):
    doc = run(kb, "Beijing rejected Australian claims that its warship had harassed a frigate.")
    assert "ACCUSE" in types(doc)



def test_a_promise_to_suspend_ones_own_tests_stays_one_concession(kb):
    doc = run(kb, "Tehran pledged to suspend its ballistic missile tests for six months.")
    assert types(doc) == ["CONCEDE"]
