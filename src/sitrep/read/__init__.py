"""Input -> Articles: files, folders, stdin and URLs in HTML, text, JSON(L) or feed form.

``read_input`` is the one door: it refuses what cannot become an article with an
``InputError(origin, reason, detail)`` -- reasons: empty, binary, encoding, too_large,
malformed, unreadable, unsupported (not_english and too_short come from the clean stage,
which sees the cleaned text). A JSONL file with some broken lines still yields its good
articles; ``read_input_with_skips`` also returns the skipped records as ``Skip``
records (sitrep.errors). ``read_inputs`` streams ``Article | Skip`` over many paths: the
one record of a refused input from here to the store.

Formats are recognised by content first and extension second:
  html   .html/.htm/.xhtml (also .html.gz, gzip is detected by its magic bytes), or text
         that starts like a web page;
  jsonl  .jsonl/.ndjson, or several lines that are each a JSON object;
  json   .json, or text that parses as one JSON value (an object, a list of objects, or
         an object with an "articles"/"items" list);
  feed   RSS / Atom / RDF (.rss/.atom/.xml or content starting with such a root);
  csv    .csv/.tsv with a header row naming a text (or title/headline) column;
  text   everything else that decodes as text (.txt, .md, ...).

Article ids are stable, so re-reading the same input is idempotent: the record's own
``id`` when it has one, else sha1 of the URL, else sha1 of the text (16 hex digits).

Sizes follow one policy, ``sitrep.read.limits.Limits`` (bytes of an input, characters of
HTML parsed, elements of a page, characters of article text); every reader function takes
``limits=`` and the older ``max_bytes=`` still overrides that one field.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from sitrep.errors import InputError, Skip
from sitrep.model import Article
from sitrep.read.decode import decode, gunzip, is_gzip
from sitrep.read.html import looks_like_html, read_html
from sitrep.read.limits import DEFAULT_LIMITS, Limits
from sitrep.read.records import read_csv, read_feed, read_json, read_jsonl

__all__ = ["read_input", "read_input_with_skips", "read_bytes", "read_inputs", "read_feed_list",
           "article_id", "DEFAULT_MAX_BYTES", "Skip", "Limits", "DEFAULT_LIMITS"]

DEFAULT_MAX_BYTES = DEFAULT_LIMITS.max_bytes
#: a JSONL archive is a stream of records: the per-input limit applies to each record,
#: the file itself may be as large as this
MAX_ARCHIVE_BYTES = DEFAULT_LIMITS.max_archive_bytes
FETCH_TIMEOUT = 20
#: formats whose input is one article (a longer text is refused, not skipped)
_SINGLE_ARTICLE_FORMATS = ("html", "text")

_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
_FEED_EXT = {".rss", ".atom", ".xml"}
_TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
_CSV_EXT = {".csv", ".tsv"}
_FEED_ROOT = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def article_id(article: Article) -> str:
    basis = article.url or article.text
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def _policy(limits: Optional[Limits], max_bytes: Optional[int]) -> Limits:
    return (limits or DEFAULT_LIMITS).but(max_bytes=max_bytes)


def read_input(source: str, published: Optional[str] = None, stdin_bytes: Optional[bytes] = None,
               max_bytes: Optional[int] = None, limits: Optional[Limits] = None) -> list[Article]:
    """Articles from a file path, "-" (stdin) or an http(s) URL; raises InputError."""
    articles, _ = read_input_with_skips(source, published, stdin_bytes, max_bytes, limits)
    return articles


def read_input_with_skips(source: str, published: Optional[str] = None,
                          stdin_bytes: Optional[bytes] = None,
                          max_bytes: Optional[int] = None,
                          limits: Optional[Limits] = None) -> tuple[list[Article], list[Skip]]:
    """Like ``read_input`` but also returns the records that were skipped.

    Raises InputError when nothing usable is left.
    """
    limits = _policy(limits, max_bytes)
    origin, data, name_hint = _load(source, stdin_bytes, limits.max_bytes)
    articles, skips = read_bytes(data, origin, name_hint=name_hint, published=published, limits=limits)
    if _is_url(source):
        for article in articles:
            if not article.url and article.input_format in ("html", "text"):
                article.url = source
                article.id = article_id(article)
    return articles, skips


def _is_url(source: str) -> bool:
    return bool(re.match(r"^https?://", source, re.IGNORECASE))


def read_bytes(data: bytes, origin: str, name_hint: str = "", published: Optional[str] = None,
               max_bytes: Optional[int] = None, limits: Optional[Limits] = None) -> tuple[list[Article], list[Skip]]:
    """Bytes already in memory (an upload, a store row) -> (articles, skips)."""
    limits = _policy(limits, max_bytes)
    max_bytes = limits.max_bytes
    name = name_hint.lower()
    if len(data) > _size_limit(name, max_bytes):
        raise InputError(origin, "too_large",
                         f"{len(data):,} bytes is above the {max_bytes:,}-byte limit; split the input or raise the limit with --max-bytes")
    if is_gzip(data):
        data = gunzip(data, origin, _size_limit(name, max_bytes))
        name = name[:-3] if name.endswith(".gz") else name
    ext = os.path.splitext(name)[1]
    text, encoding_info = decode(data, origin, html=ext in _HTML_EXT)
    if not text.strip():
        raise InputError(origin, "empty", "the input contains only whitespace; check that the file was saved completely")

    fmt = _detect_format(text, ext)
    try:
        articles, skips = _parse(fmt, text, data, origin, encoding_info, limits, ext)
    except RecursionError:
        # JSON or markup nested thousands deep: no article is written like that
        raise InputError(origin, "malformed",
                         f"the {fmt} is nested too deeply to be an article; check the file") from None
    articles, skips = _within_chars(articles, skips, fmt, origin, limits)
    for article in articles:
        _finish(article, encoding_info, published)
    if not articles:
        reason, detail = (skips[0].reason, skips[0].detail) if skips else ("empty", "no articles found")
        raise InputError(origin, reason,
                         f"no usable article in {len(skips)} record(s); first problem: {detail}")
    return articles, skips


def _finish(article: Article, encoding_info: dict, published: Optional[str]) -> None:
    """What every article read gets: how it was decoded, the user's date, a stable id."""
    article.meta.setdefault("encoding", encoding_info)
    if published:
        from sitrep.read.html import normalise_date
        article.published = normalise_date(published) or published
        article.meta["date_source"] = "given by the user"
    if not article.id:
        article.id = article_id(article)


def _parse(fmt: str, text: str, data: bytes, origin: str, encoding_info: dict,
           limits: Limits, ext: str = "") -> tuple[list[Article], list[Skip]]:
    if fmt == "html":
        return [read_html(text, origin, encoding_info, limits=limits)], []
    if fmt == "jsonl":
        return read_jsonl(text, origin, max_record_bytes=limits.max_bytes)
    if fmt == "json":
        return read_json(text, origin)
    if fmt == "feed":
        return read_feed(data, origin)
    if fmt == "csv":
        return read_csv(text, origin, delimiter="\t" if ext == ".tsv" else None,
                        max_record_bytes=limits.max_bytes)
    return [read_text(text, origin)], []


def _within_chars(articles: list[Article], skips: list[Skip], fmt: str, origin: str,
                  limits: Limits) -> tuple[list[Article], list[Skip]]:
    """Articles whose text is longer than ``limits.max_chars``: refused (one article) or
    skipped (a record among others)."""
    kept = []
    for article in articles:
        size = len(article.text or "")
        if size <= limits.max_chars:
            kept.append(article)
            continue
        detail = (f"the article text has {size:,} characters, above the {limits.max_chars:,}-character "
                  "limit; give a shorter text or raise the limit with --max-chars")
        if fmt in _SINGLE_ARTICLE_FORMATS:
            raise InputError(origin, "too_large", detail)
        skips = skips + [Skip(article.origin or origin, "too_large", detail, "read", article.id or None)]
    return kept, skips


def read_text(text: str, origin: str) -> Article:
    """Plain text (or Markdown): the first line is the title when it looks like one."""
    title = None
    lines = text.lstrip().splitlines()
    if len(lines) > 2:
        first = _MARKDOWN_HEADING.sub("", lines[0]).strip()
        blank_after = not lines[1].strip()
        if (first and len(first) <= 200 and first[-1] not in ".,;:" and blank_after
                and not _looks_like_dateline(first)):
            title = first
    return Article(id="", text=text, title=title, input_format="text", origin=origin)


def _looks_like_dateline(line: str) -> bool:
    from sitrep.stages.clean import match_dateline
    return match_dateline(line) is not None


def _detect_format(text: str, ext: str) -> str:
    head = text.lstrip()[:2000]
    if ext in _JSONL_EXT:
        return "jsonl"
    if ext == ".json":
        return "json"
    if ext in _HTML_EXT:
        return "html"
    if ext in _TEXT_EXT:
        return "text"
    if ext in _CSV_EXT:
        return "csv"
    if _FEED_ROOT.match(head):
        return "feed"
    if ext in _FEED_EXT:
        return "html" if looks_like_html(head) else "feed"
    if head.startswith("{"):
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if len(lines) > 1 and lines[0].rstrip().endswith("}") and lines[1].lstrip().startswith("{"):
            return "jsonl"
        return "json"
    if head.startswith("["):
        return "json"
    if looks_like_html(head):
        return "html"
    return "text"


def _load(source: str, stdin_bytes: Optional[bytes], max_bytes: int) -> tuple[str, bytes, str]:
    if source == "-":
        data = stdin_bytes if stdin_bytes is not None else sys.stdin.buffer.read(max_bytes + 1)
        return "<stdin>", data, ""
    if re.match(r"^https?://", source, re.IGNORECASE):
        return source, fetch(source, max_bytes), _url_name(source)
    path = Path(source)
    if not path.exists():
        raise InputError(source, "unreadable", "no such file; check the path")
    if path.is_dir():
        raise InputError(source, "unsupported", "this is a folder; give a file, or use `sitrep ingest` for folders")
    limit = _size_limit(path.name, max_bytes)
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(source, "too_large",
                             f"{size:,} bytes is above the {limit:,}-byte limit; split the input or raise the limit with --max-bytes")
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except PermissionError:
        raise InputError(source, "unreadable", "permission denied; check the file's permissions")
    except OSError as exc:
        raise InputError(source, "unreadable", f"cannot read the file ({exc.strerror})")
    return source, data, path.name


def _size_limit(name: str, max_bytes: int) -> int:
    """The byte limit for a whole input: per file, except for JSONL archives (per record)."""
    ext = os.path.splitext(name.lower().removesuffix(".gz"))[1]
    return max(max_bytes, MAX_ARCHIVE_BYTES) if ext in _JSONL_EXT | _CSV_EXT else max_bytes


def _url_name(url: str) -> str:
    from urllib.parse import urlparse
    return os.path.basename(urlparse(url).path)


def fetch(url: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = FETCH_TIMEOUT) -> bytes:
    """GET a URL (bounded in time and size); raises InputError(unreadable) on failure."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "sitrep/0.1 (+news situation reports)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise InputError(url, "unreadable", f"the server answered HTTP {exc.code} {exc.reason}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(url, "unreadable",
                         f"could not fetch the URL ({reason}); check the network, or save the page and give the file")
    if len(data) > max_bytes:
        raise InputError(url, "too_large", f"the response is larger than {max_bytes:,} bytes")
    return data


def read_inputs(paths: Iterable[str], max_bytes: Optional[int] = None, published: Optional[str] = None,
                limits: Optional[Limits] = None) -> Iterator[Union[Article, Skip]]:
    """Every article under the given paths, and a ``Skip`` for every input or record that
    could not become one, in reading order.

    Folders are walked recursively in name order; hidden files and folders are skipped.
    A file with some bad records (broken JSONL lines, empty feed items) yields its good
    articles and one Skip per bad record.
    """
    limits = _policy(limits, max_bytes)
    for source in paths:
        path = Path(source)
        if source != "-" and not re.match(r"^https?://", source, re.I) and path.is_dir():
            for file in _walk(path):
                yield from _read_one(str(file), limits, published)
        else:
            yield from _read_one(source, limits, published)


def _read_one(source: str, limits: Limits, published: Optional[str]) -> Iterator[Union[Article, Skip]]:
    if _streams(source):
        yield from _stream_jsonl(source, limits, published)
        return
    try:
        articles, skips = read_input_with_skips(source, published=published, limits=limits)
    except InputError as exc:
        yield exc.skip("read")
        return
    yield from skips
    yield from articles


#: bytes read at a time when a JSONL file is checked before streaming it
_STREAM_CHUNK = 1 << 16


def _streams(source: str) -> bool:
    """A local JSONL file in plain UTF-8 is read record by record, so memory holds one
    record, not the file (a 130 MB archive read whole took 630 MB before its first
    article); anything else -- gzip, UTF-16, another encoding, stdin, a URL, an empty
    file -- is read whole, as before, and refused or decoded the same way."""
    if source == "-" or _is_url(source):
        return False
    path = Path(source)
    if os.path.splitext(path.name.lower())[1] not in _JSONL_EXT:
        return False
    try:
        return path.is_file() and _plain_utf8(path)
    except OSError:
        return False  # reading it whole says what is wrong


def _plain_utf8(path: Path) -> bool:
    """The file is non-empty, not gzip, not UTF-16 and valid UTF-8 throughout (read in
    chunks: a check costs I/O, not memory)."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as f:
        chunk = f.read(_STREAM_CHUNK)
        if not chunk.strip() or is_gzip(chunk) or b"\x00" in chunk[:4096]:
            return False
        try:
            while chunk:
                decoder.decode(chunk)
                chunk = f.read(_STREAM_CHUNK)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _stream_jsonl(source: str, limits: Limits, published: Optional[str]) -> Iterator[Union[Article, Skip]]:
    """The records of a UTF-8 JSONL file in file order, each an Article or a Skip; lines
    are numbered as ``str.splitlines`` numbers them, so a record's origin (``file:line``)
    is the same as when the file is read whole."""
    from sitrep.read.records import jsonl_record, record_article

    path = Path(source)
    limit = _size_limit(path.name, limits.max_bytes)
    size = path.stat().st_size
    if size > limit:
        yield InputError(source, "too_large", f"{size:,} bytes is above the {limit:,}-byte limit; split the "
                         "input or raise the limit with --max-bytes").skip("read")
        return
    with open(path, "rb") as f:  # as decode() describes it when the file is read whole
        bom = f.read(3) == b"\xef\xbb\xbf"
    encoding_info = ({"encoding": "utf-8-sig", "how": "byte-order mark"} if bom
                     else {"encoding": "utf-8", "how": "valid utf-8"})
    number = 0
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            for physical in f:
                for line in physical.splitlines() or [""]:
                    number += 1
                    if not line.strip():
                        continue
                    item = record_article(*jsonl_record(line, number, source, limits.max_bytes), "jsonl")
                    if isinstance(item, Skip):
                        yield item
                        continue
                    kept, skips = _within_chars([item], [], "jsonl", source, limits)
                    yield from skips
                    for article in kept:
                        _finish(article, encoding_info, published)
                        yield article
    except OSError as exc:
        yield InputError(source, "unreadable", f"reading stopped at line {number} ({exc.strerror}); "
                         "check the file and ingest it again (what was stored stays)").skip("read")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def read_feed_list(path: str) -> list[str]:
    """URLs from a feeds.txt style file: one per line, '#' starts a comment."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(path, "unreadable", f"cannot read the feed list ({exc.strerror})")
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        # '#' starts a comment at the line start or after a space (URLs keep their fragments)
        line = re.split(r"(?:^|\s)#", line, maxsplit=1)[0].strip()
        if not line:
            continue
        if not re.match(r"^https?://\S+$", line):
            raise InputError(f"{path}:{number}", "malformed", f"not a URL: {line[:80]!r}; one http(s) URL per line")
        urls.append(line)
    return urls
