"""HTML page -> Article: trafilatura for the body, the page's own metadata for the rest.

Body: trafilatura 2.3.1 with ``favor_precision`` and without comments (0.964 main-text F1
on the team's 197 real pages); each extracted line becomes a paragraph. When precision
mode returns under 100 words and the balanced mode finds three times more, the balanced
text is used (precision mode sometimes keeps a fragment; on the 197 pages this changes one
page, tuned on that same set, so treat the +0.004 F1 as optimistic). Title, date, url
and outlet come from what the page declares (Open Graph / article meta tags, JSON-LD,
``<time datetime>``), because those carry the time and time zone; htmldate's guess is only
the fallback and is marked as such in ``meta['date_source']``.

Cost is bounded by the size policy (``sitrep.read.limits.Limits``): pages larger than
``prune_html_above`` characters first lose scripts, styles, SVG and comments (one linear
scan; JSON-LD metadata is kept), whatever is still above ``max_html_chars`` is cut at a
tag boundary (the article body sits near the top of every page we have seen) -- the cut
is reported on stderr and recorded in ``meta["truncated"]`` -- and a tree with more
than ``max_elements`` elements, even after dropping what is never article text, is
refused. On a large page the second (balanced) trafilatura pass is skipped.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Iterable, Optional
from urllib.parse import urlparse

from sitrep.errors import InputError
from sitrep.model import Article
from sitrep.read.limits import DEFAULT_LIMITS, Limits, warn

TRAFILATURA_SETTINGS = dict(favor_precision=True, include_comments=False, include_tables=True)

#: above this many characters of markup the balanced second opinion is not asked for:
#: it doubles trafilatura's time, and a page this size is not short of text
SECOND_PASS_MAX_CHARS = 400_000
_NEVER_TEXT = ("script", "style", "svg", "noscript", "iframe", "form", "select", "option", "button",
               "input", "template", "nav", "footer", "aside", "header", "menu")
#: fewer words than this is navigation residue, not an article body
MIN_BODY_WORDS = 8
#: below this many words, the balanced mode is asked for a second opinion
SHORT_BODY_WORDS = 100

#: the start of a block that is never article text (its end is found with str.find, so
#: the scan stays linear even when a hostile page never closes one)
_NOISE_START = re.compile(r"<(script|style|svg|noscript)\b[^>]*>|<!--", re.IGNORECASE)
_LD_JSON = re.compile(r"ld\+json", re.IGNORECASE)
_HTML_SNIFF = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body|<meta|<title|<div|<p\b|<article)",
    re.IGNORECASE | re.DOTALL)
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·•]\s+[^|\-–—:·•]{2,40}$")

_DATE_META_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "published_time", "date", "dc.date.issued", "dc.date",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
    "original-publish-date", "cxenseparse:recs:publishtime", "og:pubdate",
)
_SITE_META_KEYS = ("og:site_name", "application-name", "twitter:site", "publisher", "cxenseparse:site")
_TITLE_META_KEYS = ("og:title", "twitter:title", "title", "headline", "dc.title")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:2000]))


def strip_noise_blocks(html: str) -> str:
    """Scripts (except JSON-LD metadata), styles, SVG, noscript and comments removed in
    one linear scan; a block that is never closed runs to the end, as in a browser."""
    out, pos = [], 0
    while True:
        m = _NOISE_START.search(html, pos)
        if m is None:
            out.append(html[pos:])
            return "".join(out)
        tag = (m.group(1) or "").lower()
        end = _find_closer(html, tag, m.end())
        stop = len(html) if end < 0 else (end + 3 if not tag else _tag_end(html, end))
        if tag == "script" and _LD_JSON.search(m.group(0)):
            out.append(html[pos:stop])  # page metadata lives here
        else:
            out.append(html[pos:m.start()])
            out.append(" ")
        pos = stop


_CLOSERS = {tag: re.compile(re.escape(f"</{tag}"), re.IGNORECASE) for tag in ("script", "style", "svg", "noscript")}


def _find_closer(text: str, tag: str, start: int) -> int:
    """Where the block opened as ``tag`` ('' for a comment) closes, or -1."""
    if not tag:
        return text.find("-->", start)
    m = _CLOSERS[tag].search(text, start)
    return m.start() if m else -1


def _tag_end(text: str, at: int) -> int:
    close = text.find(">", at)
    return len(text) if close < 0 else close + 1


def cut_html(html: str, limit: int) -> str:
    """The first ``limit`` characters, cut before a tag so no element is split in two."""
    if len(html) <= limit:
        return html
    cut = html.rfind("<", max(0, limit - 10_000), limit)
    return html[:cut if cut > 0 else limit]


def _bounded_markup(text: str, origin: str, limits: Limits, meta: dict[str, Any]) -> str:
    """The markup within the size policy; the pruning and any cut are recorded in ``meta``."""
    if len(text) > limits.prune_html_above:
        before = len(text)
        text = strip_noise_blocks(text)
        meta["pruned_chars"] = before - len(text)
    if len(text) > limits.max_html_chars:
        total = len(text)
        text = cut_html(text, limits.max_html_chars)
        meta["truncated"] = {"what": "html", "kept_chars": len(text), "total_chars": total,
                             "limit": limits.max_html_chars}
        warn(origin, f"the page still has {total:,} characters of HTML without its scripts and styles; "
                     f"only the first {len(text):,} were read (the article body is normally near the top). "
                     "If text is missing, save the article page alone or give its text")
    return text


def read_html(text: str, origin: str, encoding_info: Optional[dict] = None,
              limits: Optional[Limits] = None) -> Article:
    import trafilatura
    from trafilatura.utils import load_html

    limits = limits or DEFAULT_LIMITS
    meta: dict[str, Any] = {}
    if encoding_info:
        meta["encoding"] = encoding_info
    text = _bounded_markup(text, origin, limits, meta)

    tree = load_html(text)
    if tree is None:
        raise InputError(origin, "malformed", "the HTML could not be parsed; check the file is a saved web page")
    n_elements = sum(1 for _ in tree.iter())
    if n_elements > limits.max_elements:
        # saved-with-scripts pages can be element-heavy without being long: drop what is
        # never article text before deciding
        from lxml import etree
        etree.strip_elements(tree, *_NEVER_TEXT, with_tail=False)
        n_elements = sum(1 for _ in tree.iter())
        meta["pruned_elements"] = True
    if n_elements > limits.max_elements:
        raise InputError(origin, "too_large",
                         f"the page has {n_elements:,} HTML elements (limit {limits.max_elements:,}); "
                         "save only the article page or give its text")

    metadata = page_metadata(tree)
    body = trafilatura.extract(tree, **TRAFILATURA_SETTINGS) or ""
    n_words = len(body.split())
    if n_words < SHORT_BODY_WORDS and len(text) <= SECOND_PASS_MAX_CHARS:
        # precision mode sometimes keeps only a fragment of a page (or nothing); when the
        # balanced mode finds several times more, the fragment was the wrong choice
        balanced = trafilatura.extract(tree, include_comments=False) or ""
        if len(balanced.split()) >= max(MIN_BODY_WORDS, 3 * n_words):
            body = balanced
            meta["extraction"] = "trafilatura balanced (precision mode found too little)"
    if len(body.split()) < MIN_BODY_WORDS:
        found = f" (only {len(body.split())} words)" if body.strip() else ""
        raise InputError(origin, "malformed",
                         f"no article text found in this HTML{found}: an index page, a login or cookie wall, "
                         "or a page rendered by JavaScript? Save the article page itself or give its text")

    published = metadata.get("published")
    if published:
        meta["date_source"] = metadata["date_source"]
    else:
        published = _htmldate_guess(tree)
        if published:
            meta["date_source"] = "htmldate (guessed from the page, no declared publication date)"
    if metadata.get("html_lang"):
        meta["html_lang"] = metadata["html_lang"]

    return Article(
        id="",
        text=paragraphs_from_lines(body),
        title=metadata.get("title"),
        published=published,
        source=metadata.get("source"),
        url=metadata.get("url"),
        input_format="html",
        origin=origin,
        meta=meta,
    )


def paragraphs_from_lines(body: str) -> str:
    """trafilatura writes one block per line; sitrep separates paragraphs by a blank line."""
    lines = [ln.strip() for ln in body.splitlines()]
    return "\n\n".join(ln for ln in lines if ln)


def _htmldate_guess(tree) -> Optional[str]:
    try:
        from htmldate import find_date
        return find_date(tree, extensive_search=False, original_date=True)
    except Exception:  # htmldate guesses; a failure just means no date
        return None


# -- the page's own metadata ---------------------------------------------------------

def page_metadata(tree) -> dict[str, Any]:
    metas: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in metas:
            metas[key] = content
    ld = list(_json_ld_objects(tree))
    out: dict[str, Any] = {}

    html_lang = tree.get("lang") if tree.tag == "html" else None
    if html_lang is None:
        root = tree.getroottree().getroot()
        html_lang = root.get("lang")
    out["html_lang"] = html_lang

    title = next((metas[k] for k in _TITLE_META_KEYS if metas.get(k)), None)
    if not title:
        title = _ld_value(ld, "headline")
    if not title:
        el = tree.find(".//title")
        if el is not None and (el.text_content() or "").strip():
            title = _TITLE_SUFFIX.sub("", " ".join(el.text_content().split()))
    if not title:
        el = tree.find(".//h1")
        if el is not None:
            title = " ".join(el.text_content().split()) or None
    out["title"] = " ".join(title.split()) if title else None

    candidates = [(normalise_date(metas.get(key)), f"meta {key}") for key in _DATE_META_KEYS]
    candidates.append((normalise_date(_ld_value(ld, "datePublished")), "JSON-LD datePublished"))
    candidates.append((normalise_date(_ld_value(ld, "dateCreated")), "JSON-LD dateCreated"))
    candidates.append((_time_element_date(tree), "<time datetime>"))
    candidates = [(value, where) for value, where in candidates if value]
    if candidates:
        # the first declared date wins; a later source may add the time or zone for that day
        value, where = candidates[0]
        same_day = [c for c in candidates if c[0][:10] == value[:10]]
        out["published"], out["date_source"] = max(same_day, key=lambda c: _precision(c[0]))
        if out["date_source"] != where:
            out["date_source"] += f" (more precise than {where})"

    url = None
    for link in tree.iterfind(".//link"):
        if (link.get("rel") or "").lower() == "canonical" and (link.get("href") or "").startswith("http"):
            url = link.get("href").strip()
            break
    url = url or (metas.get("og:url") if (metas.get("og:url") or "").startswith("http") else None)
    out["url"] = url

    source = next((metas[k] for k in _SITE_META_KEYS if metas.get(k)), None)
    if not source:
        publisher = _ld_value(ld, "publisher")
        if isinstance(publisher, dict):
            source = publisher.get("name")
        elif isinstance(publisher, str):
            source = publisher
    if not source and url:
        source = _hostname(url)
        if source and source.startswith("www."):
            source = source[4:]
    out["source"] = source.strip() if isinstance(source, str) and source.strip() else None
    if out["title"] and out["source"]:
        out["title"] = strip_site_name(out["title"], out["source"])
    return out


def _hostname(url: str) -> Optional[str]:
    """The host of a page's own URL, or None when the page's markup gives a malformed one
    (urllib raises on an unclosed IPv6 bracket such as "https://[": no outlet, no error)."""
    try:
        return urlparse(url).hostname
    except ValueError:
        return None


def strip_site_name(title: str, site: str) -> str:
    """"Headline - BBC News" -> "Headline" when the tail is the outlet's own name."""
    m = re.match(r"^(.{8,}?)\s+[|\-–—:·•]\s+(.+)$", title)
    if m and m.group(2).strip().casefold() == site.strip().casefold():
        return m.group(1).strip()
    return title


def _precision(iso: str) -> int:
    """2 for a datetime with an offset, 1 for a local datetime, 0 for a bare date."""
    if "T" not in iso:
        return 0
    return 2 if re.search(r"(?:[+-]\d{2}:\d{2}|Z)$", iso) else 1


def _json_ld_objects(tree) -> Iterable[dict]:
    for script in tree.iterfind(".//script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])


def _ld_value(objects: list[dict], key: str) -> Any:
    # an article object's value wins over a web page's or a breadcrumb's
    best = None
    for obj in objects:
        if key in obj and obj[key]:
            kind = obj.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and ("Article" in k or k == "Report") for k in kinds):
                return obj[key]
            best = best or obj[key]
    return best


def _time_element_date(tree) -> Optional[str]:
    candidates = []
    for el in tree.iterfind(".//time"):
        value = el.get("datetime")
        if not value:
            continue
        hint = " ".join(filter(None, (el.get("itemprop"), el.get("class"), el.get("pubdate"))))
        priority = 0 if el.get("pubdate") is not None or re.search(r"publish|datePublished|pubdate", hint, re.I) else 1
        candidates.append((priority, len(candidates), value))
    for _, _, value in sorted(candidates):
        iso = normalise_date(value)
        if iso:
            return iso
    return None


_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalise_date(value: Optional[str]) -> Optional[str]:
    """An ISO 8601 date or datetime (keeping time and offset when given), else None."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if _ISO_START.match(value):
        candidate = value.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", value) else value
        try:
            parsed = datetime.fromisoformat(candidate.replace("Z", "+00:00"))
        except ValueError:  # an odd time part: keep the day, if it is one (2026-13-45 is none)
            try:
                return date.fromisoformat(value[:10]).isoformat()
            except ValueError:
                return None
        if len(candidate) <= 10:
            return parsed.date().isoformat()
        return parsed.replace(microsecond=0).isoformat()
    if re.match(r"^\d{8}$", value):
        try:
            return datetime.strptime(value, "%Y%m%d").date().isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    if len(value) > 60 or not re.search(r"\d{4}", value):
        return None
    try:
        import dateparser
        # a year or a month alone is no day: dateparser would fill in today's day (or month)
        parsed = dateparser.parse(value, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False,
                                                                     "REQUIRE_PARTS": ["day", "month", "year"]})
    except Exception:  # dateparser raises assorted errors on odd strings
        return None
    if parsed is None:
        return None
    if parsed.hour or parsed.minute:
        return parsed.isoformat()
    return parsed.date().isoformat()
