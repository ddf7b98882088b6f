"""The lemmatizer with remembered rule answers (sitrep.stages.lemma_memo) gives the lemmas
of the model as shipped, token for token."""
import json

import pytest
from spacy.lang.en.lemmatizer import EnglishLemmatizer

from sitrep.stages.lemma_memo import MemoLemmatizer, use_memo
from sitrep.stages.nlp import load_spacy, load_stock_spacy

# written for these tests: inflections with and without rules, proper nouns, contractions
# (lemmas the attribute ruler sets first), a space token, words met twice with other POS
TEXTS = [
    "The ministers were meeting; they met again and the meetings ended. Meeting adjourned!",
    "Troops shelled the cities' outskirts, and the shelling went on. He's been saying it.\n\n  ",
    "Venezuela's leaders' talks stalled. The Leaders stall. Better, best, worst, worse things.",
    "",
]


@pytest.fixture(scope="module")
def models():
    return load_stock_spacy(), load_spacy()


def _lemmas(nlp, texts):
    return [[(t.text, t.pos_, t.lemma_) for t in doc] for doc in nlp.pipe(texts)]


def test_the_pipeline_lemmatizer_is_the_memo_in_the_same_place(models):
    stock, ours = models
    assert isinstance(ours.get_pipe("lemmatizer"), MemoLemmatizer)
    assert [n for n in ours.pipe_names if n != "sitrep_paragraph_starts"] == stock.pipe_names


def test_same_lemmas_as_the_model_as_shipped(models):
    stock, ours = models
    assert _lemmas(ours, TEXTS) == _lemmas(stock, TEXTS)
    assert ours.get_pipe("lemmatizer").memo  # the answers were remembered
    assert _lemmas(ours, TEXTS) == _lemmas(stock, TEXTS)  # and read back from the memo


def test_the_memo_stays_bounded_and_the_lemmas_do_not_change(models, monkeypatch):
    from sitrep.stages import lemma_memo

    stock, ours = models
    monkeypatch.setattr(lemma_memo, "MEMO_ENTRIES", 3)
    assert _lemmas(ours, TEXTS) == _lemmas(stock, TEXTS)
    assert len(ours.get_pipe("lemmatizer").memo) <= 3 + max(len(t.split()) * 2 for t in TEXTS)


def test_another_lemmatizer_is_left_alone():
    nlp = load_stock_spacy()
    nlp.get_pipe("lemmatizer").__class__ = type("OtherLemmatizer", (EnglishLemmatizer,), {})
    assert use_memo(nlp) is False
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "OtherLemmatizer"


def test_same_lemmas_on_real_articles(models, shared_data):
    # the reference is the pipeline's own model with spaCy's lemmatizer put back: the
    # model as shipped may tag a few tokens otherwise (sitrep's paragraph starts change a
    # parse, and the attribute ruler reads dependency labels)
    path = shared_data / "allsides-intl" / "articles.jsonl"
    if not path.is_file():
        pytest.skip("allsides-intl not found")
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            texts.append(json.loads(line)["text"])
            if len(texts) == 15:
                break
    _, ours = models
    reference = load_spacy()
    reference.get_pipe("lemmatizer").__class__ = EnglishLemmatizer
    expected = _lemmas(reference, texts)
    assert _lemmas(ours, texts) == expected
    assert sum(len(doc) for doc in expected) > 10_000
