"""Footnotes: every statement of the brief points at the sentence it comes from.

Labels are ``a<article>s<sentence>``: articles numbered in order of first citation, the
cited sentences of an article numbered in text order. Labels are given once the brief
is complete (``Citations.finish``), so while sections are built a note is known by a
provisional key.

Sentences are read without the stored document JSON, which is slow to fetch from a
large store: an event's sentence span comes with the event; any other offset (a quote, a
date, a number) is placed in the sentence of a known event span holding it, else in the
sentence the text's punctuation delimits around it.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable, Optional

from sitrep.report.content import Note
from sitrep.report.safety import one_line, safe_url, sentence_text

#: a sentence ends at . ! ? (maybe followed by a closing quote or bracket) and a space
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n")
_PROVISIONAL = "\x00note:"
#: longest outlet name and title a note shows (a hostile page can make them any length)
MAX_OUTLET, MAX_TITLE = 120, 300
#: longest sentence looked for around an offset without a known sentence span
MAX_SENTENCE = 2000


@dataclass
class _Article:
    text: str
    meta: dict[str, Any]
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Citations:
    store: Any
    notes: dict[str, Note] = field(default_factory=dict)
    _articles: dict[str, _Article] = field(default_factory=dict)

    # -- reading sentences ---------------------------------------------------------------
    def load(self, article_ids: Iterable[str], spans: Iterable[tuple[str, int, int]] = ()) -> None:
        """Fetch the texts of ``article_ids`` in one query and learn the sentence spans
        (article_id, start, end) the pipeline found (those of the events)."""
        missing = sorted(set(article_ids) - set(self._articles))
        if missing:
            from sitrep.report.evidence import OUTLET
            for r in self.store.article_rows(f"a.article_id, a.text, a.title, {OUTLET}, a.pub_date, a.url",
                                             missing):
                self._articles[r.pop("article_id")] = _Article(r.pop("text") or "", r)
        for aid, start, end in spans:
            art = self._articles.get(aid)
            if art is not None and start is not None and end is not None:
                art.spans.append((start, end))
        for art in self._articles.values():
            art.spans = sorted(set(art.spans))

    def _article(self, article_id: str) -> _Article:
        if article_id not in self._articles:
            self.load([article_id])
        return self._articles.get(article_id) or _Article("", {})

    def sentence_at(self, article_id: str, offset: Optional[int]) -> tuple[int, Optional[tuple[int, int]], str]:
        """(0, span, text) of the sentence holding ``offset`` (the first item is kept for
        callers that unpack three values; sentence numbers are given by ``finish``)."""
        art = self._article(article_id)
        if offset is None or not 0 <= offset < len(art.text):
            return 0, None, ""
        starts = [s for s, _ in art.spans]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and art.spans[i][0] <= offset < art.spans[i][1]:
            start, end = art.spans[i]
        else:
            start, end = self._punctuated(art.text, offset)
        return 0, (start, end), art.text[start:end]

    @staticmethod
    def _punctuated(text: str, offset: int) -> tuple[int, int]:
        # look back at most MAX_SENTENCE characters: a scan from the top of a long article
        # for every cited offset is what made briefs on big stores slow
        window = max(0, offset - MAX_SENTENCE)
        start = window
        for m in _SENTENCE_END.finditer(text, window, offset + 1):
            if m.end() <= offset:
                start = m.end()
        m = _SENTENCE_END.search(text, offset)
        end = m.start() + len(m.group(0).rstrip()) if m else len(text)
        return start, max(end, offset + 1)

    def sentence_after(self, article_id: str, end: int) -> tuple[Optional[tuple[int, int]], str]:
        """(span, text) of the sentence that follows position ``end``."""
        text = self._article(article_id).text
        while end < len(text) and text[end].isspace():
            end += 1
        if end >= len(text):
            return None, ""
        _, span, sentence = self.sentence_at(article_id, end)
        return span, sentence

    # -- citing --------------------------------------------------------------------------
    def cite(self, article_id: str, offset: Optional[int], fallback_sentence: str = "", *,
             outlet: Optional[str] = None, published: Optional[date] = None,
             title: Optional[str] = None, url: Optional[str] = None) -> str:
        """A (provisional) note label for the sentence at ``offset`` of the article."""
        _, span, sentence = self.sentence_at(article_id, offset)
        start = span[0] if span else (offset or 0)
        key = f"{_PROVISIONAL}{article_id}\x00{start}"
        if key not in self.notes:
            meta = self._article(article_id).meta
            self.notes[key] = Note(
                label=key, article_id=article_id, sentence_no=0, sentence=sentence_text(sentence or fallback_sentence),
                outlet=one_line(outlet or meta.get("outlet") or "unknown outlet", MAX_OUTLET),
                published=published or meta.get("pub_date"),
                title=one_line(title or meta.get("title"), MAX_TITLE) or None,
                url=safe_url(url or meta.get("url")), span=span)
        return key

    def cite_row(self, row: dict[str, Any], offset_key: str = "sentence_start", text_key: str = "sentence") -> str:
        """Cite a store row carrying article_id, outlet, pub_date, title and url."""
        return self.cite(row["article_id"], row.get(offset_key), row.get(text_key) or "",
                         outlet=row.get("outlet"), published=row.get("pub_date"),
                         title=row.get("title"), url=row.get("url"))

    # -- labelling -----------------------------------------------------------------------
    def finish(self, content: Any) -> list[Note]:
        """Give every note used in ``content`` its final label (articles in order of first
        use, sentences in text order), rewrite the references in ``content``, and return
        the used notes in label order. Notes made but not used are dropped."""
        used: list[str] = []
        _walk(content, lambda ref: used.append(ref) or ref)
        order: dict[str, int] = {}
        for key in used:
            order.setdefault(self.notes[key].article_id, len(order) + 1)
        labels: dict[str, str] = {}
        by_article: dict[str, list[str]] = {}
        for key in dict.fromkeys(used):
            by_article.setdefault(self.notes[key].article_id, []).append(key)
        for aid, keys in by_article.items():
            keys.sort(key=lambda k: (self.notes[k].span or (0, 0))[0])
            for n, key in enumerate(keys, 1):
                labels[key] = f"a{order[aid]}s{n}"
                self.notes[key].label, self.notes[key].sentence_no = labels[key], n
        _walk(content, lambda ref: labels[ref])
        return sorted((self.notes[k] for k in labels),
                      key=lambda n: (order[n.article_id], n.sentence_no))


def _walk(value: Any, visit) -> Any:
    """Apply ``visit`` to every provisional note reference inside ``value`` (dataclasses,
    lists, tuples, dicts), replacing it in place with what ``visit`` returns."""
    if isinstance(value, str):
        return visit(value) if value.startswith(_PROVISIONAL) else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name in ("mentions", "row"):  # store rows, not content
                continue
            old = getattr(value, f.name)
            new = _walk(old, visit)
            if new is not old:
                setattr(value, f.name, new)
        return value
    if isinstance(value, list):
        for i, item in enumerate(value):
            new = _walk(item, visit)
            if new is not item:
                value[i] = new
        return value
    if isinstance(value, dict):
        for k, item in value.items():
            new = _walk(item, visit)
            if new is not item:
                value[k] = new
        return value
    if isinstance(value, tuple):
        items = tuple(_walk(item, visit) for item in value)
        return items if any(a is not b for a, b in zip(items, value)) else value
    return value
