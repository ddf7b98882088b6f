"""The learned event filter (stages/event_filter.py, sitrep/learn/). Every text is made up
for these tests; documents are built by hand so the stage runs alone."""
import json

import numpy as np
import pytest

from sitrep.eval.sets import allsides_dev
from sitrep.eval.sets.allsides_dev import Coded, Tally
from sitrep.learn import event_features, logreg, training
from sitrep.model import Actor, Article, Document, Event, TextSpan
from sitrep.stages import event_filter

TEXT = ("Headline words here.\n\nThe army shelled the town on Monday. Officials met in Geneva. "
        "Talks went on. The rebels fired rockets. Nothing else happened. The end came.")


def _event(text: str, word: str, type_: str, source=None) -> Event:
    start = text.index(word)
    sentence = next(s for s in allsides_dev.sentence_spans(text) if s[0] <= start < s[1])
    return Event(id=f"e{start}", type=type_, trigger=TextSpan((start, start + len(word)), word),
                 sentence=TextSpan(sentence, text[sentence[0]:sentence[1]]), source=source)


def _doc(meta=None) -> Document:
    army = Actor(span=(25, 29), text="army", name="army", country="VEN", kind="group", resolved_by="phrase")
    doc = Document(article=Article(id="t", text=TEXT, meta=dict(meta or {})),
                   sentences=allsides_dev.sentence_spans(TEXT), paragraphs=[(0, 20), (22, len(TEXT))])
    doc.events = [_event(TEXT, "shelled", "ASSAULT", army), _event(TEXT, "met", "CONSULT"),
                  _event(TEXT, "fired", "ASSAULT")]
    return doc


@pytest.fixture
def consult_hating_model(monkeypatch):
    """A model that gives CONSULT events a low probability and everything else a high one."""
    model = logreg.Model(vocab=["type=CONSULT", "type=ASSAULT"], weights=[-4.0, 2.0], bias=0.0,
                         threshold=0.5, header={})
    monkeypatch.setattr(event_filter, "load_model", lambda path=None: model)
    monkeypatch.setattr(event_filter, "ENABLED", True)
    return model


def test_the_stage_drops_low_probability_events_and_counts_them(consult_hating_model):
    doc = event_filter.run(_doc(), None)
    assert [e.type for e in doc.events] == ["ASSAULT", "ASSAULT"]
    meta = doc.article.meta["event_filter"]
    assert meta["dropped"] == 1 and meta["kept"] == 2 and meta["applied"] is True
    dropped = meta["dropped_events"][0]
    assert dropped["type"] == "CONSULT" and dropped["trigger"] == "met"
    assert TEXT[dropped["span"][0]:dropped["span"][1]] == "met"
    assert dropped["probability"] < 0.5


def test_all_events_keeps_everything_and_short_texts_pass(consult_hating_model):
    doc = event_filter.run(_doc({"all_events": True}), None)
    assert len(doc.events) == 3 and doc.article.meta["event_filter"]["applied"] is False
    short = _doc({"short_context": "a sentence"})
    assert len(event_filter.run(short, None).events) == 3
    few = _doc()
    few.sentences = few.sentences[:2]  # not an article like the training ones
    assert len(event_filter.run(few, None).events) == 3


def test_the_filter_can_be_switched_off_by_default(consult_hating_model, monkeypatch):
    monkeypatch.setattr(event_filter, "ENABLED", False)
    assert len(event_filter.run(_doc(), None).events) == 3
    # an explicit request still filters
    assert len(event_filter.run(_doc({"all_events": False}), None).events) == 2


def test_features_read_the_typed_document_without_a_parse():
    doc = _doc()
    feats = event_features.event_features(doc, doc.events[0])
    assert feats["type=ASSAULT"] == 1.0
    assert feats["source=group:keyed:phrase"] == 1.0 and feats["target=none"] == 1.0
    assert "paragraph_index=1-2" in feats
    assert all(name.split("=", 1)[0] in event_features.PREFIXES for name in feats)


def test_features_with_a_parse_use_the_trigger_token(kb):
    from sitrep.pipeline import Pipeline

    doc = Pipeline.default(until="nlp", kb=kb)(Article(id="t", text=TEXT))
    doc.events = [_event(doc.article.text, "shelled", "ASSAULT")]
    feats = event_features.event_features(doc, doc.events[0])
    assert feats["lemma=shell"] == 1.0 and feats["pos=VERB"] == 1.0 and feats["subject=yes"] == 1.0
    assert all(name.split("=", 1)[0] in event_features.PREFIXES for name in feats)


def test_the_shipped_model_loads_and_its_vocabulary_matches_the_extractor():
    model = logreg.Model.load(event_filter.MODEL_PATH)
    assert model.vocab and len(model.vocab) == len(model.weights)
    prefixes = {name.split("=", 1)[0] for name in model.vocab}
    assert prefixes <= set(event_features.PREFIXES), prefixes - set(event_features.PREFIXES)
    # the extractor may grow new prefixes at the end; the model's list is the one it was trained with
    assert list(event_features.PREFIXES)[:len(model.header["features"])] == model.header["features"]
    assert 0.0 < model.threshold < 1.0
    if "heldout" in model.header:  # session 15: leave one gold part out
        heldout = model.header["heldout"]
        assert heldout["parts"] and set(heldout["parts"]) <= set(heldout["table"])
        assert all(t["rules_only"]["gold"] == t["with_filter"]["gold"] for t in heldout["table"].values())
        assert event_filter.model_wins(model) is heldout["ships"]
    else:
        cv = model.header["cv"]
        assert cv["grouped_by"] == "article" and cv["rules_only"]["gold"] == cv["with_filter"]["gold"]
    raw = json.loads(event_filter.MODEL_PATH.read_text(encoding="utf-8"))
    assert "training_data" in raw["header"] and "trained" in raw["header"]


def test_a_model_that_loses_its_cross_validation_scores_but_drops_nothing(consult_hating_model):
    consult_hating_model.header["cv"] = {"rules_only": {"detection_f1": 0.70},
                                         "with_filter": {"detection_f1": 0.69}}
    doc = event_filter.run(_doc(), None)
    assert len(doc.events) == 3
    meta = doc.article.meta["event_filter"]
    assert meta["model_applied"] is False and meta["dropped"] == 0
    consult_hating_model.header["cv"]["with_filter"]["detection_f1"] = 0.71
    assert [e.type for e in event_filter.run(_doc(), None).events] == ["ASSAULT", "ASSAULT"]


def test_the_shipped_model_runs_as_a_stage_on_a_hand_made_document():
    event_filter.load_model.cache_clear()
    doc = event_filter.run(_doc({"all_events": False}), None)
    meta = doc.article.meta["event_filter"]
    assert meta["kept"] + meta["dropped"] == 3 and meta["kept"] == len(doc.events)


def _coded(span, type_):
    return Coded(mentions=[span], type=type_, source=None, target=None, certainty="asserted",
                 background=False, date=None)


def test_labels_are_the_scorers_own_pairing_on_a_tiny_gold():
    text = "The army shelled the town. Officials met later. Rebels fired rockets at it."
    s = text.index
    gold = [_coded((s("shelled"), s("shelled") + 7), "ASSAULT"),
            _coded((s("fired"), s("fired") + 5), "ASSAULT")]
    predicted = [_coded((s("shelled"), s("shelled") + 7), "ASSAULT"),      # same trigger: paired
                 _coded((s("shelled"), s("shelled") + 7), "ASSAULT"),      # the happening twice: false
                 _coded((s("met"), s("met") + 3), "CONSULT"),              # not in the gold: false
                 _coded((s("rockets"), s("rockets") + 7), "ASSAULT")]      # same type, same sentence
    labels = training.label_candidates(gold, predicted, text)
    assert labels == [1, 0, 0, 1]
    tally = Tally()
    allsides_dev.score_article(gold, predicted, tally, text)
    assert tally.detection.tp == sum(labels) and tally.detection.fp == labels.count(0)


def test_logistic_regression_is_deterministic_and_learns_the_sign():
    rows = [{"a=1": 1.0}] * 20 + [{"b=1": 1.0}] * 20 + [{"a=1": 1.0, "c=1": 1.0}]
    labels = [1] * 20 + [0] * 20 + [1]
    m1 = logreg.train(rows, labels, l2=1.0, min_count=2)
    m2 = logreg.train(rows, labels, l2=1.0, min_count=2)
    assert m1.vocab == ["a=1", "b=1"] and m1.weights == m2.weights
    assert m1.probability({"a=1": 1.0}) > 0.8 > 0.2 > m1.probability({"b=1": 1.0})
    w, _ = logreg.fit(np.zeros((4, 1)), np.array([1.0, 0.0, 1.0, 0.0]))
    assert abs(w[0]) < 1e-9  # no signal, no weight


def test_cross_validation_keeps_articles_whole():
    arts = [training.ArticleCandidates(f"a{i}", "", [], [], [{"x=1": 1.0}], [i % 2]) for i in range(10)]
    folds = training.folds(arts, 5)
    assert sorted(i for f in folds for i in f) == list(range(10))
    assert all(len(f) == 2 for f in folds)
