"""The attribute ruler's matches looked up by index (sitrep.stages.attribute_index) are the
Matcher's, so the model annotates exactly as shipped."""
import json

import pytest
from spacy.lang.en import English
from spacy.pipeline import AttributeRuler

from sitrep.stages.attribute_index import IndexedAttributeMatches, use_index
from sitrep.stages.nlp import load_spacy, load_stock_spacy

# written for these tests: contractions, dialect spellings and auxiliaries the ruler's
# exceptions are about, a space token, an expletive "there"
TEXTS = [
    "Ain't nobody gonna stop y'all, she said, and it's nothin' new.\n\nThere are 3 reasons.",
    "The minister didn't say whether the talks, which've stalled, would resume; "
    "he'd have said so if they had.",
    "  Officials   said the convoy was hit.  I'm told you'd seen it and we're sure.\n",
    "Do it! Does he? He did.  They have had enough, haven't they?",
    "",
]


def _stock_matches(ruler, doc):
    # the class's own method, not the index put on the instance
    return AttributeRuler.match(ruler, doc)


@pytest.fixture(scope="module")
def models():
    return load_stock_spacy(), load_spacy()


def _before_ruler(nlp, text):
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        return nlp(text)


def test_index_finds_the_matchers_matches(models):
    _, nlp = models
    ruler = nlp.get_pipe("attribute_ruler")
    index = IndexedAttributeMatches.of(ruler)
    assert index is not None and index.unfiled  # the model has REGEX-only first tokens
    for text in TEXTS:
        doc = _before_ruler(nlp, text)
        assert index(doc) == _stock_matches(ruler, doc), text


def test_same_annotations_as_the_model_as_shipped(models):
    stock, ours = models
    assert isinstance(ours.get_pipe("attribute_ruler").match, IndexedAttributeMatches)
    for text in TEXTS:
        a, b = stock(text), ours(text)
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a] == \
               [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b], text
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]


def test_same_matches_on_real_articles(models, shared_data):
    path = shared_data / "allsides-intl" / "articles.jsonl"
    if not path.is_file():
        pytest.skip("allsides-intl not found")
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if len(texts) == 25:
                break
    _, nlp = models
    ruler = nlp.get_pipe("attribute_ruler")
    index = IndexedAttributeMatches.of(ruler)
    found = 0
    for text in texts:
        doc = _before_ruler(nlp, text)
        expected = _stock_matches(ruler, doc)
        assert index(doc) == expected
        found += len(expected)
    assert found > 1000


def _blank_with_ruler(patterns):
    nlp = English()
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_operators_and_two_token_patterns():
    nlp, ruler = _blank_with_ruler([
        {"patterns": [[{"LOWER": {"IN": ["war", "talks"]}}]], "attrs": {"LEMMA": "x1"}},
        {"patterns": [[{"ORTH": "Peace"}, {"LOWER": {"REGEX": "^talk"}}]], "attrs": {"LEMMA": "x2"}, "index": 1},
        {"patterns": [[{"LOWER": {"REGEX": "ing$"}}]], "attrs": {"LEMMA": "x3"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"LEMMA": "x4"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_SPACE": False}]], "attrs": {"LEMMA": "x5"}},
    ])
    index = IndexedAttributeMatches.of(ruler)
    assert index is not None
    doc = nlp("Peace talks  ending the war, a fighting retreat")
    expected = _stock_matches(ruler, doc)
    assert len(expected) > 6
    assert index(doc) == expected


def test_a_pattern_the_index_cannot_read_keeps_the_matcher():
    nlp, ruler = _blank_with_ruler([
        {"patterns": [[{"LOWER": "peace"}, {"IS_PUNCT": False, "OP": "+"}]], "attrs": {"LEMMA": "x"}},
    ])
    assert IndexedAttributeMatches.of(ruler) is None
    assert use_index(nlp) is False
    assert "match" not in vars(ruler)


def test_the_memos_stay_bounded_and_the_matches_do_not_change(models, monkeypatch):
    from sitrep.stages import attribute_index

    monkeypatch.setattr(attribute_index, "MEMO_ENTRIES", 5)
    _, nlp = models
    ruler = nlp.get_pipe("attribute_ruler")
    index = IndexedAttributeMatches.of(ruler)
    for text in TEXTS:
        doc = _before_ruler(nlp, text)
        assert index(doc) == _stock_matches(ruler, doc), text
        assert len(index._regex_seen) <= 5 and len(index._unfiled_seen) <= 5
