"""The demo scorer counts events, not words (eval/sets/demo.py): a later mention of an
event reported before is no false alarm; an event first reported in an annotated sentence
that matches no gold row is one. Texts are made up for these tests."""
from types import SimpleNamespace

from sitrep.eval.sets.demo import _score_sentence, _Tally
from sitrep.model import Event, TextSpan

TEXT = ("Borovian jets struck a depot in Tarsk on Monday. "
        "Velmora condemned the strike and recalled its envoy. "
        "Explosions shook Tarsk as jets bombed a bridge.")


def _span(word, start=0):
    at = TEXT.index(word, start)
    return TextSpan((at, at + len(word)), word)


def _event(*words, etype="ASSAULT"):
    spans, start = [], 0
    for w in words:
        spans.append(_span(w, start))
        start = spans[-1].span[1]
    sent = TextSpan((0, len(TEXT)), TEXT)
    return Event(id="x", type=etype, trigger=spans[0], sentence=sent,
                 mentions=spans if len(spans) > 1 else [])


def _row(trigger, etype):
    return {"trigger": trigger, "type": etype, "source": None, "target": None, "certainty": "asserted",
            "sentence": "", "doc": "d"}


def _sentence(n):
    starts = [0, TEXT.index("Velmora"), TEXT.index("Explosions")]
    ends = starts[1:] + [len(TEXT)]
    return starts[n], ends[n]


def test_a_recap_of_an_earlier_event_is_no_false_alarm():
    strike = _event("struck", "strike")
    condemn = _event("condemned", etype="ACCUSE")
    doc = SimpleNamespace(article=SimpleNamespace(text=TEXT), events=[strike, condemn])
    tally = _Tally()
    _score_sentence(doc, _sentence(1), [_row("condemned", "ACCUSE")], tally)
    assert (tally.detect.tp, tally.detect.fp, tally.detect.fn) == (1, 0, 0)
    assert tally.mention_fp == 1  # the strict per-mention count still sees "strike"


def test_an_unmatched_event_first_reported_here_is_one_false_alarm_whatever_its_words():
    explosions = _event("Explosions", "bombed")
    doc = SimpleNamespace(article=SimpleNamespace(text=TEXT), events=[explosions])
    tally = _Tally()
    _score_sentence(doc, _sentence(2), [_row("shook", "COERCE")], tally)
    assert (tally.detect.tp, tally.detect.fp, tally.detect.fn) == (0, 1, 1)
    assert tally.mention_fp == 2


def test_another_word_of_a_matched_event_in_its_sentence_is_no_false_alarm():
    explosions = _event("Explosions", "bombed")
    doc = SimpleNamespace(article=SimpleNamespace(text=TEXT), events=[explosions])
    tally = _Tally()
    _score_sentence(doc, _sentence(2), [_row("bombed", "ASSAULT")], tally)
    assert (tally.detect.tp, tally.detect.fp, tally.detect.fn) == (1, 0, 0)
