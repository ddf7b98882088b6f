"""Footnotes: every statement of the brief points at the sentence it comes from.

Labels are ``a<article>s<sentence>`` -- the article numbered in order of first citation,
the sentence counted from 1 within the article -- so an analyst can check any line
against its source, and the same sentence cited twice gets one note.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from sitrep.report.content import Note
from sitrep.report.safety import one_line, safe_url


@dataclass
class _ArticleText:
    text: str
    starts: list[int]
    spans: list[tuple[int, int]]
    meta: dict[str, Any]


@dataclass
class Citations:
    store: Any
    notes: dict[str, Note] = field(default_factory=dict)
    _numbers: dict[str, int] = field(default_factory=dict)
    _texts: dict[str, _ArticleText] = field(default_factory=dict)

    def _article(self, article_id: str) -> _ArticleText:
        if article_id not in self._texts:
            doc = self.store.document(article_id) or {}
            meta = dict(doc.get("article") or {})
            spans = [tuple(s["span"]) for s in doc.get("sentences") or []]
            text = meta.pop("text", "") or ""
            self._texts[article_id] = _ArticleText(text, [s for s, _ in spans], spans, meta)
        return self._texts[article_id]

    def sentence_at(self, article_id: str, offset: Optional[int]) -> tuple[int, Optional[tuple[int, int]], str]:
        """(1-based sentence number, span, text) of the sentence holding ``offset``."""
        art = self._article(article_id)
        if offset is None or not art.spans:
            return 0, None, ""
        n = max(1, bisect.bisect_right(art.starts, offset))
        start, end = art.spans[n - 1]
        if not start <= offset < end:
            return 0, None, ""
        return n, (start, end), art.text[start:end]

    def cite(self, article_id: str, offset: Optional[int], fallback_sentence: str = "", *,
             outlet: Optional[str] = None, published: Optional[date] = None,
             title: Optional[str] = None, url: Optional[str] = None) -> str:
        """The label of the note quoting the sentence at ``offset`` of the article."""
        number = self._numbers.setdefault(article_id, len(self._numbers) + 1)
        n_sentence, _, sentence = self.sentence_at(article_id, offset)
        label = f"a{number}s{n_sentence}"
        if label not in self.notes:
            meta = self._article(article_id).meta
            self.notes[label] = Note(
                label=label, article_id=article_id, sentence_no=n_sentence,
                sentence=one_line(sentence or fallback_sentence),
                outlet=one_line(outlet or meta.get("source") or "unknown outlet"),
                published=published, title=one_line(title or meta.get("title")) or None,
                url=safe_url(url or meta.get("url")))
        return label

    def cite_row(self, row: dict[str, Any], offset_key: str = "sentence_start", text_key: str = "sentence") -> str:
        """Cite a store row carrying article_id, outlet, pub_date, title and url."""
        return self.cite(row["article_id"], row.get(offset_key), row.get(text_key) or "",
                         outlet=row.get("outlet"), published=row.get("pub_date"),
                         title=row.get("title"), url=row.get("url"))

    def ordered(self) -> list[Note]:
        """Notes by article number, then sentence."""
        return sorted(self.notes.values(),
                      key=lambda n: (self._numbers.get(n.article_id, 0), n.sentence_no))
