"""Bytes -> text, refusing what is not text.

Order of trust: a byte-order mark, then a charset the document declares (HTML meta or
XML prolog), then strict UTF-8. Past that the file is damaged or in a legacy encoding:
  1. Windows-1252 when the result reads as Western text (few accented letters);
  2. charset-normalizer's guess, only when the file is not nearly all ASCII and the guess
     gives a coherent script (mostly Latin, or mostly its own script);
  3. UTF-8 with the few undecodable bytes replaced by U+FFFD (at most 0.5% of the text);
  4. Latin-1 when it reads as Western text;
otherwise InputError(encoding). ``article.meta['encoding']`` records which step decided,
so a wrong guess or a lossy read is visible, never silent.
"""
from __future__ import annotations

import codecs
import re
import zlib
from typing import Optional

from sitrep.errors import InputError

#: leading bytes of formats that are certainly not text -> what to call them
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"OggS", "an Ogg audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
    (b"SQLite format 3", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""",
    re.IGNORECASE)

# C0 controls other than tab, newline, carriage return, form feed
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]|\ufffd")


def gunzip(data: bytes, origin: str, max_bytes: int) -> bytes:
    """Decompress gzip bytes without ever holding more than ``max_bytes``."""
    decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decomp.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(origin, "malformed", f"the gzip data is corrupt ({exc}); re-download or unpack it by hand")
    if len(out) > max_bytes:
        raise InputError(origin, "too_large",
                         f"unpacks to more than {max_bytes:,} bytes; split it or raise the limit with --max-bytes")
    return out


def is_gzip(data: bytes) -> bool:
    return data[:2] == b"\x1f\x8b"


def check_not_binary(data: bytes, origin: str) -> None:
    if not data.strip():
        raise InputError(origin, "empty", "the input is empty (no text at all); check that the file was saved completely")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(origin, "binary", f"this is {what}, not text; give sitrep the article as HTML, text or JSONL")
    head = data[:8192]
    if b"\x00" in head and not _utf16_or_32(head):
        raise InputError(origin, "binary",
                         "the input contains NUL bytes, so it is a binary file, not text; "
                         "give sitrep the article as HTML, text or JSONL")


def _utf16_or_32(head: bytes) -> bool:
    """BOM-less UTF-16/32 has NUL bytes in a regular pattern; anything else with NULs is binary."""
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return True
    sample = head[:4096]
    if len(sample) < 8:
        return False
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    return (even_nuls > 0.4 and odd_nuls < 0.05) or (odd_nuls > 0.4 and even_nuls < 0.05)


def declared_charset(data: bytes) -> Optional[str]:
    m = _DECLARED_CHARSET.search(data[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, origin: str, html: bool = False) -> tuple[str, dict]:
    """Text and a record of how it was decoded (for ``article.meta['encoding']``).

    Raises InputError(binary | empty | encoding).
    """
    check_not_binary(data, origin)
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, name)
            if text is not None:
                return text.lstrip("\ufeff"), {"encoding": name, "how": "byte-order mark"}
    if b"\x00" in data[:4096]:
        for name in ("utf-16-le", "utf-16-be"):
            text = _strict(data, name)
            if text is not None and _looks_like_text(text):
                return text, {"encoding": name, "how": "UTF-16 without byte-order mark"}
    declared = declared_charset(data) if html or data.lstrip()[:1] == b"<" else None
    if declared and declared not in ("utf-8", "utf_8"):
        # pages often declare latin-1 while serving cp1252 (and browsers agree)
        name = "cp1252" if declared in ("latin_1", "iso8859-1", "ascii") else declared
        text = _strict(data, name)
        if text is not None and _looks_like_text(text):
            return text, {"encoding": name, "how": f"declared charset {declared}"}
    text = _strict(data, "utf-8")
    if text is not None:
        return text, {"encoding": "utf-8", "how": "declared utf-8" if declared else "valid utf-8"}
    guess = _guess(data)
    if guess is not None:
        return guess
    raise InputError(origin, "encoding",
                     "the text is not valid UTF-8 and no other encoding decodes it plausibly; "
                     "convert it to UTF-8 (e.g. iconv -f <encoding> -t utf-8)")


def _strict(data: bytes, name: str) -> Optional[str]:
    try:
        return data.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    if controls > max(2, len(sample) // 1000):
        return False
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t\f")
    return printable / len(sample) > 0.97


_WESTERN_EXTRA = re.compile("[\u00c0-\u00ff\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026\u20ac"
                            "\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2022\u2122]")


def _plausible_western(text: str) -> bool:
    """cp1252 reading of a Western text: few non-ASCII letters, all from the Latin-1 range.

    Cyrillic or Greek legacy bytes also decode to accented Latin letters, but then nearly
    every letter is non-ASCII, which no Western language does.
    """
    sample = text[:50000]
    non_ascii = [ch for ch in sample if ord(ch) > 127]
    if not non_ascii:
        return True
    letters = sum(1 for ch in sample if ch.isalpha())
    western = sum(1 for ch in non_ascii if _WESTERN_EXTRA.match(ch))
    return western >= 0.95 * len(non_ascii) and len(non_ascii) <= 0.3 * max(1, letters)


def _coherent_script(text: str) -> bool:
    """A guessed legacy encoding must give mostly ASCII or mostly its own script.

    A mostly English file with a few stray bytes may "decode" as Korean or Chinese; real
    Korean or Chinese text is dominated by its script.
    """
    sample = text[:50000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return True
    non_latin = sum(1 for ch in letters if ord(ch) > 0x24f)
    return non_latin == 0 or non_latin >= 0.3 * len(letters)


def _guess(data: bytes) -> Optional[tuple[str, dict]]:
    text = _strict(data, "cp1252")
    if text is not None and _looks_like_text(text) and _plausible_western(text) \
            and not _MOJIBAKE.search(text[:20000]):
        return text, {"encoding": "cp1252", "how": "not UTF-8; decoded as Windows-1252 (Western text)"}
    high = sum(1 for b in data[:200_000] if b > 127)
    if high <= len(data[:200_000]) // 100:
        best = None  # nearly all ASCII: a few stray bytes are damage, not a legacy encoding
    else:
        try:
            from charset_normalizer import from_bytes
            best = from_bytes(data[:200_000]).best()
        except Exception:  # the guesser is optional help, never a reason to fail
            best = None
    if best is not None and best.encoding:
        text = _strict(data, best.encoding)
        if text is not None and _looks_like_text(text) and not _MOJIBAKE.search(text[:20000]) \
                and _coherent_script(text):
            return text, {"encoding": best.encoding, "how": "guessed (charset-normalizer)"}
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(3, len(text) // 200) and _looks_like_text(text):
        return text, {"encoding": "utf-8", "how": f"UTF-8 with {bad} undecodable byte sequence(s) replaced by U+FFFD"}
    text = data.decode("latin-1")
    if _looks_like_text(text) and _plausible_western(text):
        return text, {"encoding": "latin-1", "how": "not UTF-8; decoded as Latin-1 (Western text)"}
    return None
