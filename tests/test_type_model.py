"""The learned type re-scorer (stages/event_type_model.py, learn/type_features.py,
learn/type_training.py, learn/softmax.py). Every text is made up for these tests; the
document is built by hand (parsed by the knowledge base's spaCy model) so the stage runs alone."""
import numpy as np
import pytest

from sitrep.learn import softmax, type_features, type_training
from sitrep.model import PLOVER_TYPES, Actor, Article, Document, Event, TextSpan
from sitrep.stages import event_type_model

TEXT = "Freedonia will not withdraw from Sylvania unless the long stalled border talks resume."


def _actor(word: str, country: str) -> Actor:
    start = TEXT.index(word)
    return Actor(span=(start, start + len(word)), text=word, name=word, country=country, kind="state",
                 resolved_by="kb")


def _doc(kb) -> Document:
    freedonia, sylvania = _actor("Freedonia", "FRD"), _actor("Sylvania", "SYL")
    d = Document(article=Article(id="t", text=TEXT), sentences=[(0, len(TEXT))], paragraphs=[(0, len(TEXT))],
                 actors=[freedonia, sylvania])
    d.nlp = kb.nlp(TEXT)
    start = TEXT.index("withdraw")
    d.events = [Event(id="e1", type="RETREAT", mode="withdraw", trigger=TextSpan((start, start + 8), "withdraw"),
                      sentence=TextSpan((0, len(TEXT)), TEXT), source=freedonia, target=sylvania)]
    return d


def test_features_read_the_trigger_its_arguments_and_its_cues(kb):
    d = _doc(kb)
    f = type_features.type_features(d, d.events[0])
    assert f["rule=RETREAT"] == 1.0 and f["lemma=withdraw"] == 1.0 and f["rule_lemma=RETREAT:withdraw"] == 1.0
    assert f["prep=from"] == 1.0 and f["pobj=from:sylvania"] == 1.0
    assert f["modal=will"] == 1.0 and f["negated=yes"] == 1.0
    assert f["subj=freedonia"] == 1.0 and f["subj_kind=actor"] == 1.0
    assert "window=stall" not in f  # six words away: outside the window
    assert all(name.split("=")[0] in type_features.PREFIXES for name in f)


def _hand_event_doc(words, heads, deps, pos, trigger_i):
    """A Document on a spaCy Doc parsed by hand, one ASSAULT event on token ``trigger_i``."""
    from spacy.lang.en import English
    from spacy.tokens import Doc
    sdoc = Doc(English().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=[w.lower() for w in words])
    text, trig = sdoc.text, sdoc[trigger_i]
    d = Document(article=Article(id="h", text=text), sentences=[(0, len(text))], paragraphs=[(0, len(text))])
    d.nlp = sdoc
    d.events = [Event(id="e1", type="ASSAULT", trigger=TextSpan((trig.idx, trig.idx + len(trig)), trig.text),
                      sentence=TextSpan((0, len(text)), text))]
    return d


def test_a_root_trigger_has_no_governor_and_a_nominal_one_reads_its_verb():
    """Tokens are compared by position: a root trigger governs itself, so it gets no 'gov'
    feature (before the fix 'tok.head is not tok' always held and it got itself as
    governor); a noun trigger under a verb gets the verb as governor and its subject."""
    root = _hand_event_doc(["Rebels", "attacked", "the", "base", "."], [1, 1, 3, 1, 1],
                           ["nsubj", "ROOT", "det", "dobj", "punct"], ["NOUN", "VERB", "DET", "NOUN", "PUNCT"], 1)
    f = type_features.type_features(root, root.events[0])
    assert not any(n.startswith(("gov=", "gov_dep=")) for n in f)
    assert f["subj=rebels"] == 1.0 and f["obj=base"] == 1.0
    nominal = _hand_event_doc(["Rebels", "launched", "attacks", "on", "the", "base", "."], [1, 1, 1, 2, 5, 3, 1],
                              ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
                              ["NOUN", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT"], 2)
    g = type_features.type_features(nominal, nominal.events[0])
    assert g["gov=launched"] == 1.0 and g["gov_dep=dobj:VERB"] == 1.0
    assert g["subj=rebels"] == 1.0 and g["prep=on"] == 1.0 and g["pobj=on:base"] == 1.0


def test_softmax_learns_a_separable_toy_problem_deterministically():
    rows = [{"a=1": 1.0}, {"a=1": 1.0}, {"b=1": 1.0}, {"b=1": 1.0}]
    first = softmax.train(rows, [0, 0, 1, 1], n_classes=3, classes=["X", "Y", "Z"], l2=0.1)
    second = softmax.train(rows, [0, 0, 1, 1], n_classes=3, classes=["X", "Y", "Z"], l2=0.1)
    p = first.probabilities({"a=1": 1.0})
    assert p.argmax() == 0 and p[0] > 0.8
    assert first.probabilities({"b=1": 1.0}).argmax() == 1
    assert np.array_equal(first.weights, second.weights)
    again = softmax.Model.from_json(first.to_json())
    assert np.allclose(again.probabilities({"b=1": 1.0}), first.probabilities({"b=1": 1.0}), atol=1e-4)


def test_override_needs_the_margin():
    probs = np.zeros(len(PLOVER_TYPES))
    probs[PLOVER_TYPES.index("ACCUSE")] = 0.55
    probs[PLOVER_TYPES.index("REJECT")] = 0.35
    assert type_training.override(probs, "REJECT", 0.1) == "ACCUSE"
    assert type_training.override(probs, "REJECT", 0.3) == "REJECT"
    assert type_training.override(probs, "REJECT", None) == "REJECT"
    assert type_training.override(probs, "ACCUSE", 0.0) == "ACCUSE"


def test_sentence_labels_name_the_one_missing_gold_type_only():
    assert type_training.sentence_labels(["ASSAULT", "ACCUSE"], [True, True], {"ASSAULT", "REJECT"}) == \
        ["ASSAULT", "REJECT"]
    # two gold types missing: the wrong event's type is unknown
    assert type_training.sentence_labels(["ACCUSE"], [True], {"ASSAULT", "REJECT"}) == [None]
    # an event the scorer does not count teaches nothing
    assert type_training.sentence_labels(["ACCUSE"], [False], {"REJECT"}) == [None]


def _model(margin: float) -> softmax.Model:
    """A model sure that 'withdraw' under a negation is a REJECT."""
    classes = list(PLOVER_TYPES)
    weights = np.zeros((1, len(classes)))
    weights[0, classes.index("REJECT")] = 4.0
    return softmax.Model(["negated=yes"], classes, weights, np.zeros(len(classes)), threshold=margin)


def test_a_sure_model_retypes_and_lists_the_override(kb):
    d = _doc(kb)
    event_type_model.run(d, kb, model=_model(0.3))
    assert d.events[0].type == "REJECT" and d.events[0].mode is None
    (made,) = d.article.meta["type_model"]["overrides"]
    assert made["before"] == "RETREAT" and made["after"] == "REJECT" and made["span"] == list(d.events[0].span)
    assert made["margin"] >= 0.3


def test_the_rules_stand_under_the_margin_or_when_the_article_asks(kb):
    d = _doc(kb)
    event_type_model.run(d, kb, model=_model(0.99))
    assert d.events[0].type == "RETREAT" and "type_model" not in d.article.meta
    kept = _doc(kb)
    kept.article.meta["rules_types"] = True
    event_type_model.run(kept, kb, model=_model(0.3))
    assert kept.events[0].type == "RETREAT"


def test_no_model_is_shipped_and_the_stage_is_not_in_the_pipeline():
    # docs/type-model.md: the re-scorer did not win in cross-validation on DEV
    from sitrep.pipeline import STAGE_NAMES

    assert not event_type_model.MODEL_PATH.exists()
    assert event_type_model.load_model() is None
    assert "event_type_model" not in STAGE_NAMES
