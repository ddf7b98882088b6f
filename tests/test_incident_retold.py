"""A report told again in its own article (issue 8, session 12): a lead sentence may
coordinate a statement with another one ("renewed its backing ..., with its envoy saying a
blockade is possible"), and the body quote the statement again. The retelling -- same
type, same source, trigger clauses saying much the same -- is the one report, and it
outranks the coordinated partner of the lead's sentence (before, the lead's report went
with that partner and another outlet's report of the statement met only the body's)."""
import pytest
from test_incidents import store_docs

from corpus_helpers import make_doc
from sitrep.corpus import incidents
from sitrep.model import Actor

FILLER = "Rain fell on the capital for a third day."

#: (lead sentence, its retold trigger, its other trigger, the other's type, the retold type,
#:  the body sentence retelling it, its trigger) -- three shapes: a participle clause of
#:  another speaker ('with X saying'), coordinated verbs of one subject, an absolute clause
RETOLD = [
    ("Colombia renewed its backing for the exiled cabinet and its jailed ministers on Monday after a week "
     "of street unrest, with its envoy saying a naval blockade is possible.",
     "saying", "renewed", "SUPPORT", "THREATEN",
     "In a radio interview from the port of Cartagena, where fishermen have been idle for days, the envoy "
     "said diplomacy comes first but warned that a naval blockade is possible.", "warned"),
    ("The ministry denounced the boarding of the trawler off the northern cape as piracy by a rogue "
     "coastguard and demanded the immediate release of its crew.",
     "demanded", "denounced", "ACCUSE", "REQUEST",
     "By evening, with relatives gathering outside the port authority, officials had again demanded the "
     "immediate release of the crew.", "demanded"),
    ("Colombia welcomed the truce the two militias signed after weeks of mediation by bishops and aid "
     "workers in the jungle, its president promising that the border crossings would reopen soon.",
     "promising", "welcomed", "SUPPORT", "AGREE",
     "Lorry drivers, stranded with rotting fruit and livestock on a highway outside Cucuta since the summer "
     "floods, cheered and sounded horns when the president promised the border crossings would reopen soon.",
     "promised"),
]


def _article(lead, lead_trigger, other_trigger, other_type, lead_type, body, body_trigger):
    """An undated article (linked within itself), its events numbered so that the body's
    report comes first, the lead's other report second and the lead's retold report last:
    the order in which the lead's report meets both candidates."""
    return make_doc("a", [lead, FILLER, body], published=None, events=[
        (2, lead_type, body_trigger, "COL", "VEN"),
        (0, other_type, other_trigger, "COL", "VEN"),
        (0, lead_type, lead_trigger, "COL", "VEN")])


def _incidents(store):
    return {r["event_id"].split("#")[-1]: r["incident_id"]
            for r in store.rows("SELECT event_id, incident_id FROM incident_mentions")}


@pytest.mark.parametrize("case", RETOLD, ids=["participle", "coordinated", "absolute"])
def test_a_report_told_again_joins_its_retelling_not_its_sentence_partner(tmp_path, case):
    store = store_docs(tmp_path, [_article(*case)])
    found = _incidents(store)
    assert found["e2"] == found["e0"] != found["e1"]
    store.close()


@pytest.mark.parametrize("case", RETOLD[:1], ids=["participle"])
def test_without_the_retelling_rule_the_partner_wins(tmp_path, monkeypatch, case):
    """The rule is what decides: with it off, the lead's report stays with its partner."""
    monkeypatch.setattr(incidents, "RETOLD_CLAUSE_TEXT", 2.0)
    store = store_docs(tmp_path, [_article(*case)])
    found = _incidents(store)
    assert found["e2"] == found["e1"] != found["e0"]
    store.close()


def test_other_words_of_the_same_speaker_are_no_retelling(tmp_path):
    """Near miss: the body has the ministry demand something else; the lead's demand stays
    with the accusation it is coordinated with."""
    lead, trigger, other, other_type, lead_type, _, _ = RETOLD[1]
    body = ("By evening, with relatives gathering outside the port authority, officials had demanded "
            "compensation for the nets the coastguard cut.")
    store = store_docs(tmp_path, [_article(lead, trigger, other, other_type, lead_type, body, "demanded")])
    found = _incidents(store)
    assert found["e2"] == found["e1"] != found["e0"]
    store.close()


def test_the_same_words_from_another_speaker_are_no_retelling(tmp_path):
    """Near miss: a named minister, not the envoy, says a blockade is possible in the body:
    another statement, so the lead's threat stays with the backing it is told with."""
    doc = _article(*RETOLD[0])
    start = doc.events[0].sentence.span[0]
    doc.events[0].source = Actor(span=(start, start + 6), text="Ortega", name="Defence Minister Ortega",
                                 country="COL", kind="person")
    for event in doc.events[1:]:
        event.source = Actor(span=(0, 5), text="envoy", name="Envoy Ruiz", country="COL", kind="person")
    store = store_docs(tmp_path, [doc])
    found = _incidents(store)
    assert found["e2"] == found["e1"] != found["e0"]
    store.close()
