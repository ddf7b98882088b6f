"""The model's rule lemmatizer, its answers remembered per word form, POS and morphology.

en_core_web_sm's ``lemmatizer`` (rule mode) decides a token's lemma from three things
only: its text, its coarse POS and its morphology (``rule_lemmatize`` and
``is_base_form`` read nothing else). spaCy keeps a cache for part of that work, but it
still visits every token in Python, builds its morphology dict and, for the POS classes
without rules (proper nouns, punctuation, determiners ...), redoes the work each time:
measured on real news, about a tenth of the model's time for a column of lemmas.

``MemoLemmatizer`` is the same lemmatizer (a subclass: same tables, mode and scoring)
whose ``__call__`` reads the (ORTH, POS, MORPH, LEMMA) columns of the Doc in one array,
asks the rules once per distinct (ORTH, POS, MORPH) it has not seen, and writes the
lemma column back in one call. The lemmas are exactly those of the model as shipped
(tests/test_lemma_memo.py compares them on real articles).
"""
from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language

#: distinct (form, POS, morphology) keys remembered before the memo starts afresh: a long
#: ingest meets ever new words and must not grow without end (a few MB at this size)
MEMO_ENTRIES = 100_000


class MemoLemmatizer(EnglishLemmatizer):
    """EnglishLemmatizer whose rule answers are remembered per (ORTH, POS, MORPH)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc):
        if self.mode != "rule" or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = numpy.flatnonzero(columns[:, 3] == 0) if not self.overwrite else numpy.arange(len(doc))
        if not len(todo):
            return doc
        lemmas = columns[:, 3].copy()
        memo, strings = self.memo, doc.vocab.strings
        if len(memo) > MEMO_ENTRIES:
            memo.clear()
        for i in todo.tolist():
            key = (int(columns[i, 0]), int(columns[i, 1]), int(columns[i, 2]))
            lemma = memo.get(key)
            if lemma is None:
                lemma = memo[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("sitrep_lemmatizer", assigns=["token.lemma"],
                  default_config={"model": None, "mode": "rule", "overwrite": False, "scorer": None})
def make_memo_lemmatizer(nlp: Language, name: str, model, mode: str, overwrite: bool, scorer):
    """A MemoLemmatizer; ``use_memo`` puts one in place of a loaded model's lemmatizer."""
    return MemoLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def use_memo(nlp) -> bool:
    """Replace the pipeline's rule ``lemmatizer`` by a MemoLemmatizer with its tables
    (same name, same place); returns whether it did (False: no such component, another
    mode, or a lemmatizer of another class whose rules may read more than these columns)."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    old = nlp.get_pipe("lemmatizer")
    if type(old) is not EnglishLemmatizer or old.mode != "rule":
        return False
    new = nlp.replace_pipe("lemmatizer", "sitrep_lemmatizer",
                           config={"mode": old.mode, "overwrite": old.overwrite})
    new.lookups = old.lookups
    new.scorer = old.scorer
    return True
