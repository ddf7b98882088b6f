"""Text from articles is data, never markup: the helpers that keep it so.

* ``safe_url`` lets only absolute http(s) URLs through, percent-encoding every character
  that could end an attribute, a Markdown link or an autolink.
* ``md_text`` makes a piece of article text inert in Markdown: inline HTML (``<script>``,
  ``<img onerror=...>``), emphasis, links, tables and headings all come out as the
  literal characters.
* ``one_line`` collapses whitespace and shortens; ``sentence_text`` also cuts the link
  cards run into a sentence (``report/linkcards.py``).
"""
from __future__ import annotations

import re
from typing import Optional
from urllib.parse import quote, urlsplit

from sitrep.report.linkcards import without_link_cards

_SPACE = re.compile(r"\s+")
#: control characters, and the bidirectional overrides that can make text display in
#: another order than it reads (a spoofed URL or name)
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: characters kept as they are in a URL; everything else is percent-encoded
_URL_SAFE = "/:?#=&%+,;@!~*$.-_"
#: Markdown punctuation that could start markup inside a line (CommonMark allows a
#: backslash before any ASCII punctuation, so escaping is always safe)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#!~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>])")
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)")


def one_line(text: Optional[str], limit: Optional[int] = None) -> str:
    """Whitespace collapsed; shortened to ``limit`` characters with an ellipsis, at a word
    boundary (a number cut in half would misquote the source)."""
    text = _SPACE.sub(" ", _CONTROL.sub(" ", text or "")).strip()
    if limit and len(text) > limit:
        cut = text[:limit - 1]
        space = cut.rfind(" ")
        text = (cut[:space] if space > 0 else cut).rstrip(" ,;:") + "…"
    return text


def sentence_text(text: Optional[str], limit: Optional[int] = None) -> str:
    """A source sentence as the brief quotes it: on one line, its link cards elided."""
    return one_line(without_link_cards(text or ""), limit)


_QUOTE_MARKS = "\"'“”‘’«»"


def quoted(text: Optional[str], limit: Optional[int] = None) -> str:
    """Text to show inside quotation marks: on one line, without the quotation marks it
    may already carry at its ends, shortened at a word boundary."""
    return one_line(one_line(text).strip(_QUOTE_MARKS + " "), limit)


def safe_url(url: Optional[str]) -> Optional[str]:
    """``url`` if it is an absolute http(s) URL with a host, percent-encoded so that no
    quote, angle bracket, bracket, parenthesis or space survives; else None."""
    if not url:
        return None
    url = _CONTROL.sub("", str(url)).strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if not re.fullmatch(r"[A-Za-z0-9.:@_~%-]+", parts.netloc):
        return None
    return quote(url, safe=_URL_SAFE)


def md_text(text: Optional[str], limit: Optional[int] = None, quote: bool = False) -> str:
    """Article text as inert Markdown on one line (``quote``: to stand in quotation marks)."""
    text = _MD_SPECIAL.sub(r"\\\1", quoted(text, limit) if quote else one_line(text, limit))
    text = _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _MD_ORDERED.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
