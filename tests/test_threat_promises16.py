"""A promise of revenge is a threat (PLOVER THREATEN; CAMEO 13): the penalty nouns of
evaluations.tsv's ``threat`` row include the revenge words (WordNet revenge.n.01: revenge,
vengeance, payback), as they already held retaliation, retribution and reprisal. Invented
sentences only."""
import pytest

from event_helpers import run


@pytest.mark.parametrize("text, source, target", [
    ("Hezbollah vowed revenge for the death of its founder.", "Hezbollah", None),
    ("Serbia vowed bloody revenge against Kosovo after the ambush.", "Serbia", "Kosovo"),
    ("The rebel commander promised swift vengeance on the army.", "commander", "army"),
])
def test_promised_revenge_is_a_threat(kb, text, source, target):
    doc = run(kb, text)
    types = {e.type for e in doc.events}
    assert "THREATEN" in types and "AGREE" not in types, [(e.type, e.trigger.text) for e in doc.events]
    threat = next(e for e in doc.events if e.type == "THREATEN")
    assert threat.source is not None and source in threat.source.text
    if target is None:
        assert threat.target is None  # the killer is not named: no one to aim at
    else:
        assert threat.target is not None and target in threat.target.text


def test_promised_support_stays_a_promise(kb):
    # near miss: a promise of something that is no penalty is no threat
    doc = run(kb, "The Ruritanian president vowed support for the new Bordurian government.")
    assert "THREATEN" not in {e.type for e in doc.events}
