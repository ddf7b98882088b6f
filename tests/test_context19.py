"""A verb of naming names a known happening, it does not ask for one (docs/annotation.md 6,
session 18): "call" is a demand ("called for talks", "called on X to withdraw": what is
asked for is hypothetical) but "called the shelling an attack", "called it a deliberate
attack", "called the inquiry a whitewash" -- a verb with an object predicate -- tells
what the thing it names is; the named happening keeps the status the rest of the text
gives it. Likewise the noun "call" in its sense of a conversation ("a video call between
the presidents about the shelling", "a phone call with his counterpart about the seizure")
is no call for what was talked about. Invented sentences only.
"""
import pytest

from sitrep import pipeline
from sitrep.model import Article
from sitrep.stages.certainty import _named_by


def run(kb, text):
    return pipeline.process(Article(id="c19", text=text, published="2021-05-10"), kb)


def triggered(doc, word):
    found = [e for e in doc.events if word in e.trigger.text]
    assert found, f"no event on {word!r} in {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def test_quoted_object_predicate_names_the_shelling(kb):
    doc = run(kb, "The Syldavian foreign minister called the shelling of Klow on Monday \"an attack "
                  "that should shock every decent person,\" and summoned the Bordurian envoy.")
    assert triggered(doc, "shelling").certainty.status == "asserted"


def test_pronoun_object_with_an_event_noun_as_its_predicate(kb):
    doc = run(kb, "Residents of Klow described a night of explosions. Local officials called it a "
                  "deliberate attack on civilians, and the army promised an inquiry.")
    assert triggered(doc, "attack").certainty.status == "asserted"


def test_event_noun_named_by_a_quoted_predicate(kb):
    doc = run(kb, "Opposition deputies in Klow called the government's inquiry into the riots "
                  "\"a whitewash\" on Monday.")
    assert triggered(doc, "inquiry").certainty.status == "asserted"


def test_a_video_call_between_leaders_is_no_demand(kb):
    doc = run(kb, "A video call between the two presidents about the shelling of Klow ended without "
                  "agreement on Monday.")
    assert triggered(doc, "shelling").certainty.status == "asserted"


def test_a_phone_call_with_a_counterpart_is_no_demand(kb):
    doc = run(kb, "The minister held a phone call with his Bordurian counterpart about the seizure of "
                  "the fishing boats on Monday.")
    assert triggered(doc, "seizure").certainty.status == "asserted"


def test_a_phone_call_by_a_leader_about_an_arrest_is_no_demand(kb):
    doc = run(kb, "A phone call by the premier about the arrest of the opposition leader drew "
                  "criticism on Monday.")
    assert triggered(doc, "arrest").certainty.status == "asserted"


def test_a_call_for_an_inquiry_is_still_a_demand(kb):
    """Near miss: "its call for an inquiry" asks for the inquiry: the call is the REQUEST."""
    doc = run(kb, "The opposition repeated its call for an inquiry into the shelling of Klow on Monday.")
    request = triggered(doc, "call")
    assert request.type == "REQUEST"
    assert not any(e.type == "ACCUSE" and e.certainty.status == "asserted" and "inquiry" in e.trigger.text
                   for e in doc.events)


@pytest.fixture(scope="module")
def parse():
    from sitrep.stages.nlp import load_spacy

    nlp = load_spacy()
    return lambda text: nlp(text)


def _walk_pair(sdoc, word):
    """(the token the walk comes from, the verb "called" above it) for ``word``."""
    tok = next(t for t in sdoc if t.text == word)
    came = tok
    while came.head.lemma_ != "call":
        came = came.head
    return came, came.head


def test_a_demand_by_call_is_no_naming(parse):
    """Near misses: "called on X to attack", "called for talks" ask for the act."""
    came, verb = _walk_pair(parse("The president called on Borduria to attack the rebel camps."), "attack")
    assert not _named_by(came, verb)
    came, verb = _walk_pair(parse("The president called for talks with Borduria on Monday."), "talks")
    assert not _named_by(came, verb)


def test_naming_is_read_from_the_object_predicate(parse):
    came, verb = _walk_pair(parse("Local officials called the raid a deliberate attack on civilians."), "raid")
    assert _named_by(came, verb)
