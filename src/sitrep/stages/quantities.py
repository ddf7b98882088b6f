"""Quantities stage: key figures with value, unit, what is counted and how approximate.

One compiled expression (``knowledge.units``) finds number expressions in the whole text:
an optional currency prefix, a numeral ("15,000", "1.2", "½", "−3") or spelled number
("fifteen thousand", "a dozen"), an optional scale ("million", "bn", "m") and an optional
range ("between 10 and 15", "10-15", "10 to 15"). Each match is then read in its context:

* ``span`` / ``text`` cover approximator + currency + number + scale + unit + a rate that
  follows the unit directly ("over 100", "$1.5 billion", "0.8%", "$14.95 a month"); the
  counted noun is not in the span ("15,000" + counted "soldiers"); for a measure with an
  "of" phrase the span ends at the unit and ``counted_span`` covers the unit and its stuff
  ("900,000 barrels" + counted "barrels of oil", the spans overlap), and a rate after
  that phrase ("... daily") is only recorded in the unit;
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

import functools
import re

import numpy
from typing import Optional

from sitrep.knowledge.units import (APPROX_CHANGE, CHANGE_PREPOSITIONS, DOLLAR_CURRENCIES, LABEL_WORDS,
                                    METRE_FOLLOWERS, MONTHS, OF_TAKING_UNITS, RANGE_DASHES,
                                    VAGUE_MULTIPLES, YEAR_RANGE_PREPOSITIONS, Lexicon, lexicon,
                                    numeral_value, spelled_value, unit_code)
from sitrep.knowledge.quantity_words import fraction_words, quantity_words
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
def _approx_before(text: str, start: int, lex: Lexicon) -> tuple[Optional[str], int]:
    """The approximator right before ``start`` ("more than", "up to") by looking up the
    last one to three words (cheaper than a regex over the left context)."""
    if start == 0:
        return None, start
    if text[start - 1] == "~":
        return "about", start - 1
    if not text[start - 1].isspace():
        return None, start
    before = text[max(0, start - 30):start]
    words = before.split()
    for k in (3, 2, 1):
        if len(words) < k:
            continue
        phrase = " ".join(words[-k:]).lower()
        code = lex.approx.get(phrase)
        if code is not None:
            # offset of the phrase's first word
            pos = start
            for _ in range(k):
                pos = text.rfind(words[-1 - _], max(0, start - 30), pos)
            if pos > 0 and (text[pos - 1].isalnum()):
                continue
            return code, pos
    return None, start


def _masked(text: str, m: re.Match) -> bool:
    """Inside a phone number or a numeric date."""
    if text[m.end():m.end() + 1] not in _MASK_SEPARATORS and \
            text[max(0, m.start() - 1):m.start()] not in _MASK_SEPARATORS and \
            not any(c in m.group(0) for c in "-/.("):
        return False
    for pm in _MASKED.finditer(text, max(0, m.start() - 16), min(len(text), m.end() + 16)):
        if pm.start() < m.end() and m.start() < pm.end():
            return True
    return False


_MASK_SEPARATORS = frozenset("-./)(")
_POST_APPROX = re.compile(r"^(?:\s?(?P<plus>\+)(?![\d])|\s+or\s+(?P<more>more|above|higher)\b"
                          r"|\s+or\s+(?P<so>so)\b|-?(?P<odd>odd)\b)")
_OF_PHRASE = re.compile(r"^\s+of\s+")
_NOUNISH = {"NOUN", "PROPN"}
_MODIFIERS = {"ADJ", "NOUN", "PROPN", "VERB"}


def run(doc: Document, kb) -> Document:
    doc.quantities = extract(doc.article.text, doc.nlp)
    return doc


class _Tokens:
    """Character-offset access to a spaCy Doc (or none: counted nouns are then skipped)."""

    def __init__(self, sdoc):
        self.sdoc = sdoc
        if sdoc is not None and len(sdoc):
            from spacy.attrs import IDX, LIKE_NUM, LOWER
            arr = sdoc.to_array([IDX, LIKE_NUM, LOWER])
            self.starts = arr[:, 0].astype(numpy.int64)
            self.like_num = arr[:, 1].astype(bool)
            self.lower = arr[:, 2]
        else:
            self.sdoc = None
            self.starts = numpy.zeros(0, dtype=numpy.int64)
            self.like_num = numpy.zeros(0, dtype=bool)
            self.lower = numpy.zeros(0, dtype=numpy.uint64)

    def at_or_after(self, offset: int):
        i = int(numpy.searchsorted(self.starts, offset, side="left"))
        return self.sdoc[i] if i < len(self.starts) else None

    def before(self, offset: int):
        i = int(numpy.searchsorted(self.starts, offset, side="left")) - 1
        return self.sdoc[i] if i >= 0 else None

    def containing(self, offset: int):
        i = int(numpy.searchsorted(self.starts, offset, side="right")) - 1
        return self.sdoc[i] if i >= 0 else None


_DIGIT_ANCHOR = re.compile(r"[\d½¼¾⅓⅔⅛⅕⅖⅗⅘⅙⅚]+")
@functools.lru_cache(maxsize=4)
def _anchor_hashes(vocab) -> numpy.ndarray:
    return numpy.array([vocab.strings.add(w) for w in quantity_words().multiple_words], dtype=numpy.uint64)


@functools.lru_cache(maxsize=4)
def _fraction_hashes(vocab) -> numpy.ndarray:
    """The words of spelled fractions (fractions.tsv: "one", "third", "five"), as hashes."""
    words = fraction_words()
    return numpy.array([vocab.strings.add(w) for w in (*words.numerators, *words.denominators)],
                       dtype=numpy.uint64)


def _anchors(text: str, tokens: _Tokens) -> tuple[list[int], list[int]]:
    """Offsets where a quantity may be (digits, number words), and offsets of words that
    may start vague multiples or fractions ("hundreds of", "two-thirds of")."""
    digit_offsets = [m.start() for m in _DIGIT_ANCHOR.finditer(text)]
    if tokens.sdoc is None:
        words = [m.start() for m in _WORD_NUMBER.finditer(text)]
        return sorted(set(digit_offsets + words)), words
    extra = numpy.isin(tokens.lower, _anchor_hashes(tokens.sdoc.vocab))
    numeric = tokens.like_num | extra
    word_offsets = tokens.starts[numeric].tolist()
    # a number word of a spelled fraction ("one", "fifth") may start or end one: the
    # pattern runs around it ("one-fifth of", "one in five"); "a"/"an" count only next to
    # a part that anchors by itself ("a third of": "third" is number-like)
    fraction = numeric & numpy.isin(tokens.lower, _fraction_hashes(tokens.sdoc.vocab))
    vague = tokens.starts[extra | fraction].tolist()
    return sorted(set(digit_offsets) | set(word_offsets)), vague


def extract(text: str, sdoc=None) -> list[Quantity]:
    """All quantities in ``text``; ``sdoc`` (spaCy Doc over the same text) adds the
    counted noun and the name/label checks that need parts of speech."""
    if not text:
        return []
    lex = lexicon()
    tokens = _Tokens(sdoc)
    anchors, vague_anchors = _anchors(text, tokens)
    if not anchors and not vague_anchors:
        return []
    found = _read_numbers(text, anchors, lex, tokens)
    phrases = _read_phrases(text, vague_anchors, lex, tokens)
    if phrases:
        # a vague multiple or a fraction wins over the numbers inside it
        found = [q for q in found
                 if not any(p.span[0] < q.span[1] and q.span[0] < p.span[1] for p in phrases)]
        found.extend(phrases)
    return _merge_ranges(_first_of_overlapping(found), text)


def _read_numbers(text: str, anchors: list[int], lex: Lexicon, tokens: _Tokens) -> list[Quantity]:
    """The number expressions that start at or just before each anchor, read in context."""
    n = len(text)
    found: list[Quantity] = []
    last_end = 0
    for a in anchors:
        pos = max(last_end, a - 12)
        while pos <= a:
            m = lex.quantity_re.search(text, pos, min(n, a + 200))
            if m is None or m.start() > a:
                break
            last_end = pos = m.end()
            if _masked(text, m):
                continue
            q, resume = _read(m, text, lex, tokens)
            if resume is not None:
                last_end = pos = resume
            if q is not None:
                found.append(q)
    return found


def _read_phrases(text: str, vague_anchors: list[int], lex: Lexicon, tokens: _Tokens) -> list[Quantity]:
    """Vague multiples ("hundreds of") and spelled fractions ("two-thirds of") near the
    anchors, without overlaps, each with the approximator before it ("nearly half of")."""
    n = len(text)
    phrases: list[Quantity] = []
    for a in vague_anchors:
        window = (max(0, a - 24), min(n, a + 48))
        for m in lex.vague_re.finditer(text, *window):
            phrases.append(_read_vague(m, text, tokens))
        for m in _FRACTION_PHRASE.finditer(text, *window):
            phrases.append(_read_fraction(m, text, tokens))
    if not phrases:
        return phrases
    phrases.sort(key=lambda q: (q.span[0], -q.span[1]))
    unique: list[Quantity] = []
    for q in phrases:
        if not unique or q.span[0] >= unique[-1].span[1]:
            unique.append(q)
    for q in unique:
        approx, approx_start = _approx_before(text, q.span[0], lex)
        if approx and q.approx is None:
            q.approx, q.span = approx, (approx_start, q.span[1])
            q.text = text[approx_start:q.span[1]]
    return unique


def _first_of_overlapping(found: list[Quantity]) -> list[Quantity]:
    """In text order, longest first at one start; a quantity overlapping the one kept
    before it is dropped."""
    found.sort(key=lambda q: (q.span[0], -q.span[1]))
    out: list[Quantity] = []
    for q in found:
        if out and q.span[0] < out[-1].span[1]:
            continue
        out.append(q)
    return out


_RANGE_GAP = re.compile(r"^(?:\s+(?:to|and|through)\s+|\s?[-–]\s?)$", re.I)
_RANGE_LEAD = re.compile(r"(?i)\b(?:from|between)\s+$")
#: "rose by 5 to 10 percent": a change, not a range
_CHANGE_BEFORE = re.compile(r"(?i)\b(?:" + "|".join(sorted(CHANGE_PREPOSITIONS)) + r")\s+$")


def _merge_ranges(found: list[Quantity], text: str) -> list[Quantity]:
    """"from 1 per cent to 1.5 per cent", "between 15kHz and 17kHz": two quantities with a
    unit each that the expression reads as one range."""
    out: list[Quantity] = []
    i = 0
    while i < len(found):
        q1 = found[i]
        q2 = found[i + 1] if i + 1 < len(found) else None
        merged = _as_range(q1, q2, text) if q2 is not None else None
        if merged is not None:
            out.append(merged)
            i += 2
            continue
        if q2 is not None and _shares_unit(q1, q2, text):
            q1.unit = q2.unit
        out.append(q1)
        i += 1
    return out


def _shares_unit(q1: Quantity, q2: Quantity, text: str) -> bool:
    """"eight or nine euros", "three or four years": the unit of the second applies to the
    first (never across more than 12 characters when the second is a single number)."""
    if q2.value_high is None and q2.span[0] - q1.span[1] > 12:
        return False
    return q1.unit is None and q1.counted is None and q2.unit is not None \
        and q1.value_high is None and re.fullmatch(r"\s+(?:or|and)\s+|,\s*",
                                                  text[q1.span[1]:q2.span[0]] or "x") is not None


def _as_range(q1: Quantity, q2: Quantity, text: str) -> Optional[Quantity]:
    """The range two neighbouring quantities make ("between 15kHz and 17kHz", "from 10
    to 20 percent"), or None."""
    if q1.value_high is not None or q2.value_high is not None or q2.span[0] - q1.span[1] > 12:
        return None
    gap = text[q1.span[1]:q2.span[0]]
    lead_text = text[max(0, q1.span[0] - 20):q1.span[0]]
    lead = _RANGE_LEAD.search(lead_text)
    same_unit = q1.unit is not None and q1.unit == q2.unit
    compatible = q1.unit is None or q2.unit is None or q1.unit == q2.unit
    by_before = _CHANGE_BEFORE.search(lead_text) is not None
    word = gap.strip().lower()
    if gap == " " and q2.approx == "up_to" and lead and compatible:
        gap = " to "
    if not (_RANGE_GAP.match(gap) and compatible and (
            (lead and (word != "and" or "between" in lead.group(0).lower()))
            or (same_unit and word == "to" and not by_before))):
        return None
    start = lead.start() + max(0, q1.span[0] - 20) if lead else q1.span[0]
    return Quantity(
        span=(start, q2.span[1]), text=text[start:q2.span[1]], value=q1.value,
        unit=q2.unit or q1.unit, counted=q2.counted or q1.counted,
        approx=q1.approx if q1.approx != "up_to" else q2.approx,
        value_high=q2.value, counted_span=q2.counted_span or q1.counted_span)


_FRACTION_PHRASE = re.compile(
    r"(?i)\b(?P<n>a|one|two|three)[\s-]+(?P<d>thirds?|quarters?|fourths?|fifths?|tenths?)\s+of\b"
    r"|\b(?P<n2>one|two|three)\s+(?:out\s+)?(?:of|in)\s+(?:every\s+)?(?P<d2>two|three|four|five|ten)\b")


def _read_fraction(m: re.Match, text: str, tokens: _Tokens) -> Quantity:
    fractions = fraction_words()
    n = fractions.numerators[(m.group("n") or m.group("n2")).lower()]
    d = fractions.denominators[(m.group("d") or m.group("d2")).lower()]
    end = m.end("d") if m.group("d") else m.end("d2")
    start = m.start()
    counted, counted_span = None, None
    if tokens.sdoc is not None:
        np_start = _skip_determiner(tokens, _skip_spaces(text, m.end() if m.group("d") else end))
        if m.group("d2"):
            np_start = _skip_spaces(text, end)
        np_end = _noun_phrase_end(tokens, np_start, skip_determiner=False)
        if np_end is not None:
            counted, counted_span = text[np_start:np_end], (np_start, np_end)
    return Quantity(span=(start, end), text=text[start:end], value=n / d, unit="fraction",
                    counted=counted, counted_span=counted_span)


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


#: where a spelled number may start, when there is no parse to say like_num
_WORD_NUMBER = re.compile(r"(?i)\b(?:" + "|".join(quantity_words().number_words) + ")")


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
    words = low.split()
    if len(words) > 1 and all(w in SCALE_WORDS for w in words):
        factor = 1.0
        for w in words:
            factor *= SCALE_WORDS[w]
        return factor
    if low in SCALE_WORDS:
        return SCALE_WORDS[low]
    if scale in SCALE_ABBREVIATIONS:
        return SCALE_ABBREVIATIONS[scale]
    return SCALE_ABBREVIATIONS.get(low)


def _read(m: re.Match, text: str, lex: Lexicon,
          tokens: _Tokens) -> tuple[Optional[Quantity], Optional[int]]:
    """Read one match; returns the quantity (or None) and, when only the first half of a
    would-be range was used, where scanning resumes (None: after the match)."""
    num = m.group("num")
    start, end, is_range, resume = _extent(m, text)
    if num.lower() == "half" and not _half_is_amount(text, m.end("num")):
        return None, resume
    currency = _currency(m, lex, is_range)
    scale, metres = _scale(m, text, currency, tokens)
    if scale == "b" and not metres and currency is None:
        return None, resume  # "b" alone is a scale only after a currency ("$4.2b")
    values = _values(m, text, lex, scale, is_range, currency)
    if values is None:
        return None, resume
    if values is _SCORE:
        return None, None  # a score ("2-1") or a code, not an amount
    value, value_high = values
    unit_reading = (("m", m.end("scale")) if metres else _unit(text, end, currency, lex))
    if unit_reading is None:
        return None, resume
    unit, unit_end = unit_reading
    approx, start, unit_end, value, value_high = _qualifiers(text, start, unit_end, lex, value, value_high)
    if not _is_amount(text, m, start, unit_end, value, value_high, unit, is_range, tokens):
        return None, resume
    counted, counted_span, rate, unit_end = _counted_and_rate(text, m, unit, unit_end, lex, tokens)
    if unit is None and (approx is None or 1900 <= value <= 2100) \
            and _is_year(num, value, value_high, m, text, start):
        if counted is None or is_range or not _plural_noun(tokens, counted_span) \
                or _date_entity(tokens, m.start("num")):
            return None, resume
    if unit is None and counted is None and not num[:1].isdigit() and num.lower() == "one":
        return None, resume  # "on one", "the same one": a pronoun, not a count
    if rate and (unit is None or "/" not in unit):
        unit = f"{unit or 'count'}/{rate}"
    return Quantity(span=(start, unit_end), text=text[start:unit_end], value=value, unit=unit,
                    counted=counted, approx=approx, value_high=value_high,
                    counted_span=counted_span), resume


#: _values' answer for a score or a code ("2-1"): the whole match is skipped
_SCORE = object()


def _extent(m: re.Match, text: str) -> tuple[int, int, bool, Optional[int]]:
    """(start, end, is_range, resume): where the expression lies, whether it is a range,
    and where scanning resumes when only its first number is read (None: after it)."""
    start = m.start("cur") if m.group("cur") else m.start("num")
    end = m.end()
    is_range = m.group("num2") is not None
    resume = None
    between = (m.group("between") or "").strip().lower()
    if is_range and not _reads_as_range(m, text, start, between):
        is_range = False
        resume = m.start("cur2") if m.group("cur2") else m.start("num2")
    if not is_range:
        end = m.end("scale") if m.group("scale") else m.end("num")
    elif between:
        start = m.start("between")
    return start, end, is_range, resume


def _reads_as_range(m: re.Match, text: str, start: int, between: str) -> bool:
    """False for two numbers that only look like a range: "5 and 6" without "between",
    "rose by 5 to 10", "in 2010 to 15", "from 10-15"."""
    sep = (m.group("sep") or "").strip().lower()
    before = re.search(r"(?i)\b(\w+)\s+$", text[max(0, start - 12):start])
    before_word = before.group(1).lower() if before else ""
    year_first = _year_like(m.group("num")) and not _year_like(m.group("num2")) and sep == "to" \
        and before_word in YEAR_RANGE_PREPOSITIONS
    return not ((sep == "and" and between != "between") or (sep == "to" and before_word in CHANGE_PREPOSITIONS)
                or year_first or (sep in RANGE_DASHES and between == "from"))


def _currency(m: re.Match, lex: Lexicon, is_range: bool) -> Optional[str]:
    """The currency code of a prefix before the number (or before the range's second one)."""
    if m.group("cur"):
        currency = lex.currency_prefix.get(re.sub(r"\s+", " ", m.group("cur")))
        if currency is None:
            currency = lex.currency_prefix.get(re.sub(r"\s+", "", m.group("cur")))
        return currency
    if is_range and m.group("cur2"):
        return lex.currency_prefix.get(re.sub(r"\s+", " ", m.group("cur2")))
    return None


_METRE_FOLLOWER = re.compile(r"\s(?:" + "|".join(METRE_FOLLOWERS) + r")\b")


def _scale(m: re.Match, text: str, currency: Optional[str], tokens: _Tokens) -> tuple[Optional[str], bool]:
    """(scale, metres): "37m" without a currency is metres ("a 37m wall", "37m (121 ft)")
    unless a plural noun follows ("5m people")."""
    scale = m.group("scale")
    if scale != "m" or currency is not None:
        return scale, False
    following = text[m.end("scale"):m.end("scale") + 8]
    nxt = tokens.at_or_after(m.end("scale")) if tokens.sdoc is not None else None
    if following[:1] in ("(", "-", ")") or following[:2] == " (" or _METRE_FOLLOWER.match(following) \
            or (nxt is not None and nxt.tag_ == "NN" and nxt.lower_ != "of"):
        return None, True
    return scale, False


def _values(m: re.Match, text: str, lex: Lexicon, scale: Optional[str], is_range: bool,
            currency: Optional[str]):
    """(value, value_high) with the scales applied, None when a number cannot be read, or
    _SCORE for a score or code ("2-1")."""
    num, num2 = m.group("num"), m.group("num2")
    value = _number(num, scale)
    if value is None or not is_range:
        return None if value is None else (value, None)
    scale2 = m.group("scale2")
    value_high = _number(num2, scale2 or None)
    if value_high is None:
        return None
    # "1.2-1.5 million", "four to five thousand": the upper end's scale applies to the
    # lower one when the lower one is a small bare number
    upper_factor = _scale_factor(scale2.strip()) if scale2 else _spelled_scale(num2)
    if upper_factor and not scale and "," not in num and value < 1000 \
            and _spelled_scale(num) is None and value * upper_factor <= value_high:
        value *= upper_factor
    sep = (m.group("sep") or "").strip().lower()
    if sep in RANGE_DASHES and value_high <= value and value == int(value) \
            and value_high == int(value_high) and value < 100 and currency is None \
            and lex.unit_after_re.match(text, m.end()) is None:
        return _SCORE
    return value, value_high


def _unit(text: str, end: int, currency: Optional[str], lex: Lexicon) -> Optional[tuple[Optional[str], int]]:
    """(unit, unit_end) of the unit written after the number, or None when the letters
    glued to it make it no amount ("22nd", "5G", "A380") or it modifies a noun ("a
    five-year plan", as NewsQuant reads it)."""
    unit, unit_end = currency, end
    after = text[end:end + 1]
    if after and (after.isalpha() or after in "°º%"):
        um = lex.unit_after_re.match(text, end)
        if um is None or um.group("sp"):
            return None
        code = unit_code(um.group("unit"), lex)
        if code is None:
            return None
        if unit is None or code == "percent":
            unit = code
        unit_end = um.end()
    elif unit is None or unit in DOLLAR_CURRENCIES:
        words = quantity_words()
        um = lex.unit_after_re.match(text, end)
        if um is not None:
            surface = um.group("unit")
            code = unit_code(surface, lex)
            single = len(surface) == 1 and surface not in "%°º"
            if code is not None and not (single and um.group("sp")) \
                    and not (um.group("sp") == "-" and code in words.currency_codes) \
                    and not (unit is not None and code not in words.currency_codes):
                if um.group("sp") == "-" and code in words.time_units:
                    return None
                unit, unit_end = code, um.end()
    # "worth $5 US" / "$ US"
    if unit == "USD" and text.startswith(" US", unit_end) and text[unit_end + 3:unit_end + 4] in ("", ".", ",", ";", ")"):
        unit_end += 3
    return unit, unit_end


def _qualifiers(text: str, start: int, unit_end: int, lex: Lexicon, value: float,
                value_high: Optional[float]) -> tuple[Optional[str], int, int, float, Optional[float]]:
    """(approx, start, unit_end, value, value_high) after reading an approximator before
    ("more than 5"), a minus or "sub-" before, and "5-plus" / "5 or so" after."""
    approx, approx_start = _approx_before(text, start, lex)
    if approx:
        start = approx_start
    sign = _MINUS_BEFORE.search(text[max(0, start - 7):start])
    if sign:
        start -= len(text[max(0, start - 7):start]) - sign.start()
        value, value_high = -value, (-value_high if value_high is not None else None)
    elif text[max(0, start - 4):start].lower() == "sub-":
        start -= 4
        approx = approx or "under"
    pm = _POST_APPROX.match(text[unit_end:unit_end + 12])
    if pm and approx is None:
        if pm.group("plus"):
            approx, unit_end = "over", unit_end + pm.end()
        elif pm.group("more"):
            approx, unit_end = "at_least", unit_end + pm.end()
        elif pm.group("so") or pm.group("odd"):
            approx, unit_end = "about", unit_end + pm.end()
    return approx, start, unit_end, value, value_high


def _counted_and_rate(text: str, m: re.Match, unit: Optional[str], unit_end: int, lex: Lexicon,
                      tokens: _Tokens) -> tuple[Optional[str], Optional[tuple[int, int]], Optional[str], int]:
    """(counted, counted_span, rate, unit_end): the rate right after the unit ("a day") is in
    the span; a rate after the counted noun ("barrels of oil daily") only in the unit."""
    counted, counted_span, rate = None, None, None
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
    return counted, counted_span, rate, unit_end


_MINUS_BEFORE = re.compile(r"(?i)\bminus[\s-]?$")
#: a word before a four-digit number that makes it a year ("in 1066")
_YEAR_BEFORE = re.compile(r"(?i)\b(?:" + "|".join(map(re.escape, quantity_words().year_before)) + r")\s+$")


def _year_like(s: Optional[str]) -> bool:
    return s is not None and len(s) == 4 and s.isdigit() and 1000 <= int(s) <= 2200


def _spelled_scale(num: str) -> Optional[float]:
    from sitrep.knowledge.units import SCALE_WORDS
    if num[:1].isdigit():
        return None
    factor = None
    for w in re.split(r"[\s-]+", num.lower()):
        if w in SCALE_WORDS and w != "hundred":
            factor = SCALE_WORDS[w]
    return factor


def _date_entity(tokens: _Tokens, offset: int) -> bool:
    tok = tokens.containing(offset) if tokens.sdoc is not None else None
    return tok is not None and tok.ent_type_ in ("DATE", "TIME")


def _half_is_amount(text: str, end: int) -> bool:
    words = quantity_words()
    preceding = text[max(0, end - 12):end - 4].lower().split()
    if preceding and preceding[-1] in words.not_amount_before_half:
        return False
    following = text[end:end + 8].lower()
    return any(following.startswith(f" {word} ") for word in words.half_amount_followers)


def _is_year(num: str, value: float, value_high: Optional[float], m: re.Match,
             text: str = "", start: int = 0) -> bool:
    """A bare four-digit number read as a year: 1900-2100 always, 1000-1899 after "in",
    "since", "from", ... ("in 1066")."""
    if m.group("scale") or m.group("cur"):
        return False

    def year_like(s: Optional[str], v: Optional[float]) -> bool:
        if not _year_like(s) or v is None:
            return False
        if 1900 <= v <= 2100:
            return True
        if v > 2200:
            return False
        return _YEAR_BEFORE.search(text[max(0, start - 10):start]) is not None
    if year_like(num, value):
        return True
    num2 = m.group("num2")
    return num2 is not None and year_like(num2, value_high) and value >= 1000


def _plural_noun(tokens: _Tokens, span: Optional[tuple[int, int]]) -> bool:
    if span is None or tokens.sdoc is None:
        return False
    tok = tokens.containing(span[1] - 1)
    return tok is not None and tok.tag_ in ("NNS", "NNPS")


def _is_amount(text: str, m: re.Match, start: int, end: int, value: float,
               value_high: Optional[float], unit: Optional[str], is_range: bool,
               tokens: _Tokens) -> bool:
    """False for a number that is a clock time, a day of the month, an ordinal, or (without
    a unit) one that names or labels a thing rather than counting it."""
    if (unit is None or unit in quantity_words().letter_units) and _time_or_date(text, m, start, value, is_range):
        return False
    num_end = m.end("num")
    if _ORDINAL_AFTER.match(text[num_end:num_end + 4]) and m.group("num")[-1:].isdigit():
        return False
    if unit is not None:
        return True
    return not (_label_before(text, m, start, end, is_range, tokens)
                or _name_around(text, m, start, end, is_range, tokens))


def _time_or_date(text: str, m: re.Match, start: int, value: float, is_range: bool) -> bool:
    """A clock time ("3 pm", "12 GMT") or a day of the month ("March 3", "3rd of March")."""
    after = m.end("num2") if is_range else m.end("num")
    if _CLOCK_AFTER.match(text[after:][:10]) and value <= 24:
        return True
    if value == int(value) and 1 <= value <= 31 and not m.group("scale"):
        if _MONTH_BEFORE.search(text[max(0, start - 14):start]):
            return True
        if _MONTH_AFTER.match(text[after:][:16]):
            return True
    return False


def _label_before(text: str, m: re.Match, start: int, end: int, is_range: bool,
                  tokens: _Tokens) -> bool:
    """The word right before the number makes it a name, a label or a pronoun: "Route 66",
    "the one", "top five" with no noun after, "Boeing 737", "#3"."""
    num = m.group("num")
    words = quantity_words()
    prev = tokens.before(m.start("num")) if tokens.sdoc is not None else None
    if prev is None or prev.idx + len(prev) > start:
        return text[max(0, start - 1):start] == "#"
    word = prev.text.lower()
    if num.lower() == "one" and word in words.determiners_before_one:
        return True
    if word in LABEL_WORDS and any(c.isupper() for c in prev.text) or word in words.label_words:
        return True
    if word in words.rank_words and not num[:1].isdigit():
        nxt = tokens.at_or_after(end)
        if nxt is None or nxt.pos_ not in _NOUNISH:
            return True
    # "Kick Six", "Apple One": a capitalised spelled number inside a name
    if prev.pos_ == "PROPN" and num[:1].isupper() and not prev.is_sent_start:
        return True
    # "Boeing 737", "BBC One", "Windows 10": a capitalised name right before a bare number
    if prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start \
            and num[:1].isdigit() and "," not in num and not is_range:
        nxt = tokens.at_or_after(end)
        if nxt is None or nxt.tag_ not in ("NNS", "NNPS"):
            return True
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and num.lower() == "one" \
        and not prev.is_sent_start


def _name_around(text: str, m: re.Match, start: int, end: int, is_range: bool,
                 tokens: _Tokens) -> bool:
    """The words around a bare number make it part of a name or a reference: "Dak Prescott
    (4)", "787 Dreamliner", "the 787", "one another"."""
    num = m.group("num")
    if text[start - 1:start] == "(" and text[end:end + 1] == ")" and start > 1:
        prev_tok = tokens.before(start - 1) if tokens.sdoc is not None else None
        if prev_tok is not None and prev_tok.pos_ == "PROPN":
            return True  # "Dak Prescott (4)": a shirt number or a reference
    # "787 Dreamliner", "11 Pro", "575 Wilbraham Road": a bare number before a singular name
    if tokens.sdoc is not None and num[:1].isdigit() and "," not in num:
        nxt = tokens.at_or_after(_skip_spaces(text, end))
        if nxt is not None and nxt.idx == _skip_spaces(text, end) and nxt.tag_ == "NNP" \
                and nxt.text[:1].isupper():
            head = nxt
            while head.i + 1 < len(tokens.sdoc) and tokens.sdoc[head.i + 1].pos_ in _NOUNISH:
                head = tokens.sdoc[head.i + 1]
            if head.tag_ not in ("NNS", "NNPS"):
                return True
    # "the 787", "Boeing's 737": a bare three-digit number after a determiner, not counting
    # anything plural, names a model
    if tokens.sdoc is not None and num.isdigit() and len(num) == 3 and not is_range:
        prev = tokens.before(m.start("num"))
        if prev is not None and prev.lower_ in quantity_words().model_determiners:
            nxt = tokens.at_or_after(_skip_spaces(text, end))
            if nxt is None or nxt.tag_ not in ("NNS", "NNPS"):
                return True
    if num.lower() == "one":
        following = text[m.end("num"):m.end("num") + 10].lower()
        if following.startswith(" another") or following.startswith("-"):
            return True
    return False


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
    words = quantity_words()
    if first.lower_ == "of" and m.group("num").lower() in words.partitive_numbers:
        # "one of the best speakers"
        np_start = _skip_determiner(tokens, first.idx + len(first))
        np_end = _noun_phrase_end(tokens, np_start, skip_determiner=False)
        if np_end is None:
            return None, None
        return text[np_start:np_end], (np_start, np_end)
    if first.lower_ in words.not_counted:
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
    rate_words = quantity_words().rate_words
    i = tok.i
    limit = min(len(sdoc), i + 5)
    while i < limit:
        t = sdoc[i]
        if t.is_punct or t.is_space or t.like_num or t.lower_ in rate_words:
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
