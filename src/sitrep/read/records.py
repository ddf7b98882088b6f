"""JSON / JSONL / CSV records and RSS/Atom feeds -> Articles.

A record is one article -- or, in a data set of headlines, sentences or wire flashes, one
short text: such records are analysed as snippets by default (see ``stages.clean``). A
record with no text field but a ``headline`` is that headline.
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, Iterable, Iterator, Optional, Union

from sitrep.errors import InputError, Skip
from sitrep.model import Article

TEXT_FIELDS = ("text", "content", "body", "articleBody", "article", "maintext", "story", "sentence",
               "snippet", "summary", "description")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "datePublished", "date_publish", "publish_date", "pubDate", "timestamp")
SOURCE_FIELDS = ("source", "outlet", "source_name", "site_name", "publisher", "domain")

_TAG = re.compile(r"<[^>]+>")


def article_from_record(record: Any, origin: str) -> Article:
    """One JSON object -> Article; raises InputError when it has no usable text."""
    if not isinstance(record, dict):
        raise InputError(origin, "malformed", f"expected a JSON object, found {type(record).__name__}")
    text = _first(record, TEXT_FIELDS)
    if isinstance(text, list):
        text = "\n\n".join(str(t) for t in text if t)
    headline_only = False
    if (not isinstance(text, str) or not text.strip()) and isinstance(record.get("headline"), str) \
            and record["headline"].strip():
        # a data set of headlines: the headline is the text (a record with only a "title" is
        # an article whose body is missing, and is skipped)
        text, headline_only = record["headline"], True
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "empty",
                         "the record has no article text; put it in a 'text' (or content/body) field")
    source = _first(record, SOURCE_FIELDS)
    if isinstance(source, dict):
        source = source.get("name") or source.get("title")
    published = _first(record, DATE_FIELDS)
    if isinstance(published, (int, float)):
        from datetime import datetime, timezone
        seconds = published / 1000 if published > 1e11 else published
        published = datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat()
    from sitrep.read.html import normalise_date
    meta: dict[str, Any] = {}
    if headline_only:
        meta["headline_only"] = True
    if published is not None:
        iso = normalise_date(str(published))
        if iso is None:
            meta["published_raw"] = str(published)
        published = iso
    record_id = record.get("id")
    return Article(
        id=str(record_id) if record_id not in (None, "") else "",
        text=text,
        title=_str(_first(record, TITLE_FIELDS)),
        published=published,
        source=_str(source),
        url=_str(record.get("url") or record.get("link")),
        language=_str(record.get("language") or record.get("lang")),
        origin=origin,
        meta=meta,
    )


def read_jsonl(text: str, origin: str, max_record_bytes: Optional[int] = None) -> tuple[list[Article], list[Skip]]:
    """One JSON record per line; a bad line is a recorded skip, the other lines go on."""
    return _collect(_jsonl_records(text, origin, max_record_bytes), "jsonl")


def _jsonl_records(text: str, origin: str, max_record_bytes: Optional[int]) -> Iterator[tuple[str, Record]]:
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield jsonl_record(line, number, origin, max_record_bytes)


def jsonl_record(line: str, number: int, origin: str, max_record_bytes: Optional[int]) -> tuple[str, Record]:
    """(where, the parsed object or a Skip) for one non-blank line of a JSONL file."""
    where = f"{origin}:{number}"
    if max_record_bytes and len(line) > max_record_bytes:
        return where, _too_large(where, f"line {number}", len(line), max_record_bytes)
    try:
        return where, json.loads(line)
    except ValueError as exc:
        return where, Skip(where, "malformed", f"line {number} is not valid JSON ({exc.msg}); fix or remove it")
    except RecursionError:  # nested thousands deep: not an article, and not a reason to lose the file
        return where, Skip(where, "malformed", f"line {number} is JSON nested too deeply; fix or remove it")


def articles_from_records(records: Iterable[dict], origin: str, input_format: str = "jsonl"
                          ) -> tuple[list[Article], list[Skip]]:
    """Records already in memory (a data set's rows) -> Articles, exactly as a file of
    them is read: each is a record of ``input_format``, so short ones are snippets."""
    return _collect(((f"{origin}:{number}", record) for number, record in enumerate(records, 1)), input_format)


def read_csv(text: str, origin: str, delimiter: Optional[str] = None,
             max_record_bytes: Optional[int] = None) -> tuple[list[Article], list[Skip]]:
    """A CSV/TSV file with a header row naming its columns (text/content/body/sentence,
    title/headline, date/published, source, url, id); one article or snippet per row."""
    sample = text[:4096]
    if delimiter is None:
        first = sample.splitlines()[0] if sample else ""
        delimiter = "\t" if first.count("\t") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    if not set(header) & set(TEXT_FIELDS + TITLE_FIELDS):
        raise InputError(origin, "malformed",
                         f"the CSV header ({', '.join(header[:8]) or 'none'}) has no text column; "
                         f"name one of: {', '.join(TEXT_FIELDS[:4])}, title")
    return _collect(_csv_records(reader, origin, max_record_bytes), "csv")


def _csv_records(reader: csv.DictReader, origin: str, max_record_bytes: Optional[int]
                 ) -> Iterator[tuple[str, Record]]:
    try:
        for number, row in enumerate(reader, 2):  # line 1 is the header
            where = f"{origin}:{number}"
            record = {(k or "").strip(): (v.strip() if isinstance(v, str) else v)
                      for k, v in row.items() if k is not None}
            size = sum(len(v) for v in record.values() if isinstance(v, str))
            if max_record_bytes and size > max_record_bytes:
                yield where, _too_large(where, f"row {number}", size, max_record_bytes)
                continue
            yield where, record
    except csv.Error as exc:
        yield origin, Skip(origin, "malformed", f"the CSV breaks off ({exc}); fix the quoting and read it again")


def read_json(text: str, origin: str) -> tuple[list[Article], list[Skip]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(origin, "malformed",
                         f"not valid JSON (line {exc.lineno}: {exc.msg}); fix the file or give one article per line (JSONL)")
    if isinstance(data, dict):
        for key in ("articles", "items", "data", "results"):
            if isinstance(data.get(key), list) and not any(k in data for k in TEXT_FIELDS):
                data = data[key]
                break
    records = data if isinstance(data, list) else [data]
    if len(records) == 1:  # one article: its problem is the file's, said as an error
        article = article_from_record(records[0], origin)
        article.input_format = "json"
        return [article], []
    return _collect(((f"{origin}[{i}]", record) for i, record in enumerate(records)), "json")


#: what a record source yields for each record: the parsed record, or the Skip it became
Record = Union[dict, Skip]


def _collect(records: Iterable[tuple[str, Record]], input_format: str) -> tuple[list[Article], list[Skip]]:
    """Records (each with where it came from) -> Articles of ``input_format`` and the
    Skips of those that are no article; one bad record never costs the others."""
    articles, skips = [], []
    for where, record in records:
        item = record_article(where, record, input_format)
        (skips if isinstance(item, Skip) else articles).append(item)
    return articles, skips


def record_article(where: str, record: Record, input_format: str) -> Union[Article, Skip]:
    """One record (or the Skip its line already became) -> its Article of ``input_format``
    or the Skip that says why it is none."""
    if isinstance(record, Skip):
        return record
    try:
        article = article_from_record(record, where)
    except InputError as exc:
        return exc.skip("read")
    article.input_format = input_format
    return article


def _too_large(where: str, what: str, size: int, limit: int) -> Skip:
    return Skip(where, "too_large", f"{what} holds {size:,} characters, above the {limit:,} limit for one "
                "article; split it or raise the limit with --max-bytes")


def read_feed(data: bytes, origin: str) -> tuple[list[Article], list[Skip]]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        raise InputError(origin, "empty", "the feed has no items")
    site = parsed.feed.get("title")
    articles, skips = [], []
    for i, entry in enumerate(parsed.entries):
        where = f"{origin}#{entry.get('id') or entry.get('link') or i}"
        html = ""
        if entry.get("content"):
            html = max((c.get("value") or "" for c in entry.content), key=len)
        html = html or entry.get("summary") or entry.get("description") or ""
        text = html_fragment_to_text(html)
        if not text.strip():
            skips.append(Skip(where, "empty", "the feed item has no content or summary"))
            continue
        published = None
        for key in ("published_parsed", "updated_parsed"):
            if entry.get(key):
                from datetime import datetime, timezone
                published = datetime(*entry[key][:6], tzinfo=timezone.utc).isoformat()
                break
        articles.append(Article(
            id="", text=text, title=_str(entry.get("title")), published=published, source=_str(site),
            url=_str(entry.get("link")), input_format="feed", origin=where,
            meta={"feed_summary_only": not entry.get("content")},
        ))
    return articles, skips


_BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|blockquote|tr)>|<br\s*/?>", re.IGNORECASE)


def html_fragment_to_text(html: str) -> str:
    import html as html_lib
    if "<" not in html:
        return html_lib.unescape(html).strip()
    text = _BLOCK_END.sub("\n\n", html)
    text = _TAG.sub("", text)
    text = html_lib.unescape(text)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _first(record: dict, keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", []):
            return value
    return None


def _str(value: Any) -> Optional[str]:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
