"""Quantities stage: key figures with value, unit, what is counted and how approximate.

One compiled expression (``knowledge.units``) finds number expressions in the whole text:
an optional currency prefix, a numeral ("15,000", "1.2", "½", "−3") or spelled number
("fifteen thousand", "a dozen"), an optional scale ("million", "bn", "m") and an optional
range ("between 10 and 15", "10-15", "10 to 15"). Each match is then read in its context:

* ``span`` / ``text`` cover approximator + currency + number + scale + unit + rate
  ("over 100", "$1.5 billion", "0.8%", "900,000 barrels ... daily" is split: the span is
  "900,000 barrels", the counted noun phrase is separate, see below);
* ``value`` is the plain number with scale applied (percent stays 0.8, not 0.008;
  "$3bn" -> 3e9); ranges put the lower end in ``value`` and the upper in ``value_high``;
  vague multiples follow NewsQuant: "hundreds of" -> 100..1000, approx "vague";
* ``unit`` is a short code from ``knowledge.units`` ("USD", "percent", "km", "barrel");
  a rate ("a day", "per month", "daily") is appended with a slash: "barrel/day",
  "USD/month"; a bare count with a rate gets "count/day"; plain counts have no unit;
* ``counted`` is the noun phrase the number counts ("15,000 soldiers" -> "soldiers"), or
  for a measure taking "of" the measure and its stuff ("barrels of oil");
  ``counted_span`` is its offsets;
* ``approx`` is one of over, under, about, nearly, at_least, at_most, up_to, vague.

Not quantities (as in NewsQuant): years ("in 2013", "the 1988 film"), days of the month
("January 3"), clock times ("12:12", "3 p.m."), ordinals ("22nd"), numbers naming
things ("Section 427", "Big 12", "COVID-19"), phone numbers and numeric dates.
Ages are quantities with unit "year of age".
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from sitrep.knowledge.units import (APPROX_CHANGE, LABEL_WORDS, MONTHS, OF_TAKING_UNITS,
                                    VAGUE_MULTIPLES, Lexicon, lexicon, numeral_value,
                                    spelled_value, unit_code)
from sitrep.model import Document, Quantity

__all__ = ["run", "extract", "APPROX_CHANGE"]

_MONTH_BEFORE = re.compile(
    r"(?i:\b(?:" + "|".join(MONTHS) + r")\.?)\s*(?:the\s+)?$")
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?i:(?:" + "|".join(MONTHS) + r")\b)")
_CLOCK_AFTER = re.compile(r"^\s?(?:[ap]\.\s?m\.|[ap]m\b|[AP]M\b|GMT\b|UTC\b|BST\b|[ECMP][SD]?T\b"
                          r"|o'clock|hrs\b|h\b)")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th|s)\b")
#: phone numbers and numeric dates: masked before reading numbers
_MASKED = re.compile(
    r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[.-])\d{3,4}[.-]\d{3,4}(?![\w])"
    r"|(?<![\w.])\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?![\w])")
_POST_APPROX = re.compile(r"^(?:\s?(?P<plus>\+)(?![\d])|\s+or\s+(?P<more>more|above|higher)\b"
                          r"|\s+or\s+(?P<so>so)\b|-?(?P<odd>odd)\b)")
_OF_PHRASE = re.compile(r"^\s+of\s+")
_DETERMINERS_BEFORE_ONE = {"the", "this", "that", "each", "any", "every", "no", "which", "one",
                           "another", "someone", "anyone", "no-", "little", "big", "right"}
_NOT_COUNTED = {"of", "percent", "more", "less", "times", "other", "others", "each", "ago",
                "apiece", "per", "a", "an", "the"}
_NOUNISH = {"NOUN", "PROPN"}
_RATE_WORDS = {"daily", "weekly", "monthly", "annually", "yearly", "a", "an", "per", "each",
               "every"}
_MODIFIERS = {"ADJ", "NOUN", "PROPN", "VERB"}


def run(doc: Document, kb) -> Document:
    doc.quantities = extract(doc.article.text, doc.nlp)
    return doc


class _Tokens:
    """Character-offset access to a spaCy Doc (or none: counted nouns are then skipped)."""

    def __init__(self, sdoc):
        self.sdoc = sdoc
        self.starts = [t.idx for t in sdoc] if sdoc is not None else []

    def at_or_after(self, offset: int):
        i = bisect.bisect_left(self.starts, offset)
        return self.sdoc[i] if i < len(self.starts) else None

    def before(self, offset: int):
        i = bisect.bisect_left(self.starts, offset) - 1
        return self.sdoc[i] if i >= 0 else None

    def containing(self, offset: int):
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sdoc[i] if i >= 0 else None


def extract(text: str, sdoc=None) -> list[Quantity]:
    """All quantities in ``text``; ``sdoc`` (spaCy Doc over the same text) adds the
    counted noun and the name/label checks that need parts of speech."""
    if not text or not any(c.isdigit() or c in "½¼¾⅓⅔" for c in text) and not _has_word_number(text):
        return []
    lex = lexicon()
    tokens = _Tokens(sdoc)
    masked = [m.span() for m in _MASKED.finditer(text)]
    found: list[Quantity] = []
    for m in lex.quantity_re.finditer(text):
        if masked and any(s < m.end() and m.start() < e for s, e in masked):
            continue
        q = _read(m, text, lex, tokens)
        if q is not None:
            found.append(q)
    for m in lex.vague_re.finditer(text):
        found.append(_read_vague(m, text, tokens))
    found.sort(key=lambda q: (q.span[0], -q.span[1]))
    out: list[Quantity] = []
    for q in found:
        if out and q.span[0] < out[-1].span[1]:
            continue
        out.append(q)
    return out


_WORD_NUMBER = re.compile(r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                          r"hundred|thousand|million|billion|dozen|half|"
                          r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")


def _has_word_number(text: str) -> bool:
    return _WORD_NUMBER.search(text) is not None


def _number(num: str, scale: Optional[str]) -> Optional[float]:
    if num is None:
        return None
    if num[0].isdigit() or num[0] in "-−–.½¼¾⅓⅔⅛⅕⅖⅗⅘⅙⅚":
        value = numeral_value(num)
    elif num.lower() == "half":
        value = 0.5
    else:
        value = spelled_value(num)
    if value is None:
        return None
    if scale:
        factor = _scale_factor(scale.strip())
        if factor:
            value *= factor
    return value


def _scale_factor(scale: str) -> Optional[float]:
    from sitrep.knowledge.units import SCALE_ABBREVIATIONS, SCALE_WORDS
    low = scale.lower()
    if low in SCALE_WORDS:
        return SCALE_WORDS[low]
    if scale in SCALE_ABBREVIATIONS:
        return SCALE_ABBREVIATIONS[scale]
    return SCALE_ABBREVIATIONS.get(low)


def _read(m: re.Match, text: str, lex: Lexicon, tokens: _Tokens) -> Optional[Quantity]:
    num, num2 = m.group("num"), m.group("num2")
    sep = (m.group("sep") or "").strip().lower()
    between = (m.group("between") or "").strip().lower()
    start = m.start("cur") if m.group("cur") else m.start("num")
    end = m.end()
    is_range = num2 is not None
    if is_range and sep == "and" and between != "between":
        is_range = False
    if is_range and sep in ("-", "–", "—") and between == "between":
        pass
    if not is_range:
        end = m.end("scale") if m.group("scale") else m.end("num")
    elif between:
        start = m.start("between")
    if num.lower() == "half" and not _half_is_amount(text, m.end("num")):
        return None
    scale = m.group("scale")
    value = _number(num, scale)
    if value is None:
        return None
    value_high = None
    if is_range:
        value_high = _number(num2, m.group("scale2") or None)
        if value_high is None:
            return None
        # "1.2-1.5 million": the scale of the upper end applies to the lower one
        if m.group("scale2") and not scale and value < value_high / 1000:
            value = _number(num, m.group("scale2"))
        if m.group("sep").strip() in "-–—" and value_high < value and not _looks_like_score(text, start):
            # "20-5" is a score or a label, keep it as NewsQuant does (lower, upper as written)
            pass
    currency = None
    if m.group("cur"):
        currency = lex.currency_prefix.get(re.sub(r"\s+", " ", m.group("cur")))
        if currency is None:
            currency = lex.currency_prefix.get(re.sub(r"\s+", "", m.group("cur")))
    elif is_range and m.group("cur2"):
        currency = lex.currency_prefix.get(re.sub(r"\s+", " ", m.group("cur2")))

    # what follows the number: an attached unit ("10km", "118.5p"), a unit word, or nothing
    unit = currency
    unit_end = end
    after = text[end:end + 1]
    if after and (after.isalpha() or after in "°º%"):
        um = lex.unit_after_re.match(text, end)
        if um is None or um.group("sp"):
            return None  # "22nd", "5G", "3D", "A380": letters glued to the number
        code = unit_code(um.group("unit"), lex)
        if code is None:
            return None
        if unit is None or code in ("percent",):
            unit = code
        unit_end = um.end()
    elif unit is None or unit in ("USD", "AUD", "CAD", "HKD", "NZD", "SGD"):
        um = lex.unit_after_re.match(text, end)
        if um is not None:
            surface = um.group("unit")
            code = unit_code(surface, lex)
            single = len(surface) == 1 and surface not in "%°º"
            if code is not None and not (single and um.group("sp")) \
                    and not (um.group("sp") == "-" and code in _CURRENCY_CODES) \
                    and not (unit is not None and code not in _CURRENCY_CODES):
                unit = code
                unit_end = um.end()
    # "worth $5 US" / "$ US"
    if unit == "USD" and text.startswith(" US", unit_end) and not text[unit_end + 3:unit_end + 4].isalpha():
        unit_end += 3

    approx = None
    before = text[max(0, start - 30):start]
    am = lex.approx_before_re.search(before)
    if am:
        word = am.group("approx").lower()
        word = re.sub(r"\s+", " ", word)
        approx = lex.approx.get(word)
        if approx:
            start -= len(before) - am.start("approx")
    pm = _POST_APPROX.match(text[unit_end:unit_end + 12])
    if pm and approx is None:
        if pm.group("plus"):
            approx, unit_end = "over", unit_end + pm.end()
        elif pm.group("more"):
            approx, unit_end = "at_least", unit_end + pm.end()
        elif pm.group("so") or pm.group("odd"):
            approx, unit_end = "about", unit_end + pm.end()

    if not _is_amount(text, m, start, unit_end, value, value_high, unit, is_range, tokens):
        return None

    counted, counted_span = None, None
    rate = None
    rm = lex.rate_after_re.match(text, unit_end)
    if rm and unit is not None:
        rate = lex.rates.get(re.sub(r"\s+", " ", rm.group("rate").lower()))
        unit_end = rm.end()
    if unit is None or unit in OF_TAKING_UNITS:
        counted, counted_span = _counted(text, m, unit_end, unit, tokens)
        if counted_span is not None and rate is None:
            rm = lex.rate_after_re.match(text, counted_span[1])
            if rm:
                rate = lex.rates.get(re.sub(r"\s+", " ", rm.group("rate").lower()))
    if unit is None and counted is None and _is_year(num, value, value_high, m):
        return None
    if unit is None and counted is not None and _is_year(num, value, value_high, m) \
            and not _plural_noun(tokens, counted_span):
        return None
    if rate and (unit is None or "/" not in unit):
        unit = f"{unit or 'count'}/{rate}"
    if unit in ("year", "month", "week", "day") and _is_year(num, value, value_high, m):
        return None
    return Quantity(span=(start, unit_end), text=text[start:unit_end], value=value, unit=unit,
                    counted=counted, approx=approx, value_high=value_high,
                    counted_span=counted_span)


_CURRENCY_CODES = {"USD", "AUD", "CAD", "HKD", "NZD", "SGD", "BRL", "EUR", "GBP", "JPY", "CNY",
                   "INR", "MYR", "RUB", "NGN", "TRY", "KRW", "ILS", "CHF", "VES", "VEF", "ZAR",
                   "PHP", "VND", "MXN", "DKK", "SEK", "IQD", "SAR", "AED", "UAH", "IRR", "AFN",
                   "ETB", "KES", "GHS", "GEL", "HRK", "BTC", "cent", "penny", "sen"}


def _half_is_amount(text: str, end: int) -> bool:
    following = text[end:end + 8].lower()
    return following.startswith(" of ") or following.startswith(" the ") \
        or following.startswith(" a ") or following.startswith(" an ")


def _looks_like_score(text: str, start: int) -> bool:
    return False


def _is_year(num: str, value: float, value_high: Optional[float], m: re.Match) -> bool:
    def year_like(s: Optional[str], v: Optional[float]) -> bool:
        return (s is not None and len(s) == 4 and s.isdigit() and v is not None
                and 1000 <= v <= 2100)
    if m.group("scale") or m.group("cur"):
        return False
    if year_like(num, value):
        return True
    num2 = m.group("num2")
    return num2 is not None and year_like(num2, value_high) and value_high is not None and value >= 1000


def _plural_noun(tokens: _Tokens, span: Optional[tuple[int, int]]) -> bool:
    if span is None or tokens.sdoc is None:
        return False
    tok = tokens.containing(span[1] - 1)
    return tok is not None and tok.tag_ in ("NNS", "NNPS")


def _is_amount(text: str, m: re.Match, start: int, end: int, value: float,
               value_high: Optional[float], unit: Optional[str], is_range: bool,
               tokens: _Tokens) -> bool:
    num_start, num_end = m.start("num"), m.end("num")
    num = m.group("num")
    # clock times and days of the month
    if unit is None or unit in ("t", "m", "g", "l", "V"):
        if _CLOCK_AFTER.match(text[num_end if not is_range else m.end("num2"):][:10]) and value <= 24:
            return False
        if value == int(value) and 1 <= value <= 31 and not m.group("scale"):
            if _MONTH_BEFORE.search(text[max(0, start - 14):start]):
                return False
            tail = text[(m.end("num2") if is_range else num_end):][:16]
            if _MONTH_AFTER.match(tail):
                return False
    if _ORDINAL_AFTER.match(text[num_end:num_end + 4]) and num[-1:].isdigit():
        return False
    if unit is not None:
        return True
    prev = tokens.before(num_start) if tokens.sdoc is not None else None
    if prev is not None and prev.idx + len(prev) <= start:
        word = prev.text.lower()
        if num.lower() == "one" and word in _DETERMINERS_BEFORE_ONE:
            return False
        if word in LABEL_WORDS and prev.text[:1].isupper():
            return False
        if word in ("no.", "#", "number", "nos."):
            return False
        # "Boeing 737", "BBC One", "Windows 10": a capitalised name right before a bare number
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start \
                and num[:1].isdigit() and "," not in num and not is_range:
            nxt = tokens.at_or_after(end)
            if nxt is None or nxt.tag_ not in ("NNS", "NNPS"):
                return False
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and num.lower() == "one" \
                and not prev.is_sent_start:
            return False
    elif text[max(0, start - 1):start] == "#":
        return False
    if num.lower() == "one":
        following = text[m.end("num"):m.end("num") + 10].lower()
        if following.startswith(" another") or following.startswith("-"):
            return False
    return True


def _counted(text: str, m: re.Match, end: int, unit: Optional[str],
             tokens: _Tokens) -> tuple[Optional[str], Optional[tuple[int, int]]]:
    """The noun phrase right after the quantity that names what is counted."""
    if tokens.sdoc is None:
        return None, None
    if unit is not None:
        # "900,000 barrels of oil": the measure plus its "of" phrase
        om = _OF_PHRASE.match(text[end:end + 6])
        if not om:
            return None, None
        np_end = _noun_phrase_end(tokens, end + om.end(), skip_determiner=False)
        if np_end is None:
            return None, None
        unit_start = _unit_surface_start(text, m, end)
        return text[unit_start:np_end], (unit_start, np_end)
    start = end
    while start < len(text) and text[start] in " \u00a0-":
        start += 1
    first = tokens.at_or_after(start)
    if first is None or first.idx != start:
        return None, None
    if first.lower_ == "of" and m.group("num").lower() in ("one", "two", "three", "four", "five", "half"):
        # "one of the best speakers"
        np_start = _skip_determiner(tokens, first.idx + len(first))
        np_end = _noun_phrase_end(tokens, np_start, skip_determiner=False)
        if np_end is None:
            return None, None
        return text[np_start:np_end], (np_start, np_end)
    if first.lower_ in _NOT_COUNTED:
        return None, None
    np_end = _noun_phrase_end(tokens, start, skip_determiner=False)
    if np_end is None:
        return None, None
    return text[start:np_end], (start, np_end)


def _unit_surface_start(text: str, m: re.Match, end: int) -> int:
    pos = m.end("scale") if m.group("scale") else (m.end("num2") if m.group("num2") else m.end("num"))
    while pos < end and text[pos] in " \u00a0-":
        pos += 1
    return pos


def _skip_determiner(tokens: _Tokens, offset: int) -> int:
    tok = tokens.at_or_after(offset)
    while tok is not None and (tok.is_space or tok.pos_ in ("DET", "PRON") and tok.tag_ in ("DT", "PRP$")):
        nxt = tok.i + 1
        if nxt >= len(tokens.sdoc):
            break
        tok = tokens.sdoc[nxt]
    return tok.idx if tok is not None else offset


def _noun_phrase_end(tokens: _Tokens, offset: int, skip_determiner: bool) -> Optional[int]:
    """End offset of a short noun phrase starting at ``offset`` (adjectives, compounds,
    the head noun), or None if no noun heads it."""
    if skip_determiner:
        offset = _skip_determiner(tokens, offset)
    tok = tokens.at_or_after(offset)
    if tok is None or tok.idx != offset:
        return None
    sdoc = tokens.sdoc
    last_noun = None
    i = tok.i
    limit = min(len(sdoc), i + 5)
    while i < limit:
        t = sdoc[i]
        if t.is_punct or t.is_space or t.like_num or t.lower_ in _RATE_WORDS:
            break
        if t.pos_ in _NOUNISH:
            last_noun = t
            # a noun followed by something that is not a noun ends the phrase
            if i + 1 >= len(sdoc) or sdoc[i + 1].pos_ not in _NOUNISH or sdoc[i + 1].is_sent_start:
                break
        elif t.pos_ in _MODIFIERS and t.tag_ in ("JJ", "JJR", "JJS", "VBN", "VBG", "NN"):
            if last_noun is not None:
                break
        else:
            break
        i += 1
    if last_noun is None:
        return None
    return last_noun.idx + len(last_noun)


def _read_vague(m: re.Match, text: str, tokens: _Tokens) -> Quantity:
    phrase = re.sub(r"\s+", " ", m.group("vague").lower())
    low, high = VAGUE_MULTIPLES[phrase]
    start, end = m.start("vague"), m.end("vague")
    counted, counted_span = None, None
    after = m.end()
    while after < len(text) and text[after] == " ":
        after += 1
    if tokens.sdoc is not None:
        np_end = _noun_phrase_end(tokens, after, skip_determiner=False)
        if np_end is not None:
            counted, counted_span = text[after:np_end], (after, np_end)
    unit = None
    if counted is not None:
        lex = lexicon()
        code = unit_code(counted, lex)
        if code is not None:
            unit = code
    return Quantity(span=(start, end), text=text[start:end], value=low, unit=unit,
                    counted=counted, approx="vague", value_high=high, counted_span=counted_span)
