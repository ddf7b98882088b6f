"""times stage: TIMEX3-style recognition and normalisation against the publication date.

Recognition is rule based: a set of precompiled patterns (dates, months, years, weekdays,
relative words, durations, sets, holidays, clock times, vague references), each with a
handler that normalises the match. The words the patterns are built from (month and weekday
names, number words, units, seasons, parts of the day, holidays, modifiers, and the word
sets the handlers consult) are data: ``knowledge/data/timex/*.tsv``, read by
``knowledge.timex.load_calendar`` and ``load_timex_words``. Overlapping matches are resolved longest-first, then
values are computed in text order so that narrative expressions ("the day before",
"the next day") can be anchored on the last full date mentioned.

Extents follow TimeML: leading prepositions ("on", "in", "since", "at") are not part of
the expression, determiners and modifiers ("the past three weeks", "early January") are.

Reference date: ``doc.article.published`` (ISO date or datetime), else a full date in the
first 300 characters (a dateline the cleaner left in the body). Ambiguous expressions
are resolved with a tense heuristic read from the spaCy parse (past verb -> the previous
occurrence, future -> the next one, otherwise the nearest occurrence; for weekdays the
default is the most recent one, as news mostly reports what happened). Without a
reference date, expressions that need one keep their span but get an underspecified
value ("XXXX-01-03", "XXXX-WXX-6") or ``None`` (yesterday, last week, ...); absolute
dates, durations, sets and PRESENT_REF/PAST_REF/FUTURE_REF are unaffected.

Conventions kept from the gold sets (TempEval-3, MEANTIME):
  * "since 2013" -> the timex is "2013" (value 2013, no mod): "since" is a TimeML signal.
  * "in a few days" -> the timex is "a few days", DURATION PXD.
  * "the past three weeks" -> DURATION P3W; "last week" / "the last week" -> DATE 2025-W52.
  * a decade is P10Y, "the 1990s" is 199, "the 20th century" is 19.
  * "former" is not a time expression in TimeML and is not emitted.

What spaCy is used for: the tense of the governing verb, rejecting "May" as a modal or
part of a PERSON name, and rejecting counts ("2000 troops"). Its DATE/TIME entities are
not used as extra candidates: on TempEval-3, those not already found by the rules
overlapped 4 gold timexes and produced 9 false alarms (ages, scores, "the final seconds"),
and they would arrive without a value. dateparser is not used either: the rules already
normalise everything it resolves on these spans (it is the scorers' baseline instead).

Speed: each pattern runs only in small windows around its trigger words (one trie regex
pass over the lowercased text finds them), about 1.5-2 ms per 5,000 characters.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any, Callable, Optional, Union

from sitrep.knowledge.cues import default_word_sets
from sitrep.knowledge.timex import add_months, holiday_date, iso_week, load_calendar, load_timex_words
from sitrep.model import Document, Time

#: the word sets the rules consult (knowledge/data/timex/words.tsv)
TIMEX_WORDS = load_timex_words()
#: months, weekdays, numbers, units, seasons, holidays ... (knowledge/data/timex/*.tsv)
CALENDAR = load_calendar()
MONTHS, WEEKDAYS, NUMBER_WORDS = CALENDAR.months, CALENDAR.weekdays, CALENDAR.numbers
UNITS, SEASONS, PARTS_OF_DAY = CALENDAR.units, CALENDAR.seasons, CALENDAR.parts_of_day
#: "has said", "was held": a past (the cue lexicon's auxiliaries, knowledge/data/cues/words.tsv)
_PAST_AUX = default_word_sets()["past_aux"]

# --------------------------------------------------------------------------------------
# reference dates

@dataclass(frozen=True)
class Reference:
    """The document creation time: a date, and a clock time when the source gave one."""
    date: dt.date
    clock: Optional[str] = None  # "HH:MM"


_REF_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?")
_REF_DMY = re.compile(r"^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})")


def parse_reference(value: Union[str, dt.date, dt.datetime, None]) -> Optional[Reference]:
    """ISO date/datetime string (or date object) -> Reference; None when unreadable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return Reference(value.date(), f"{value.hour:02d}:{value.minute:02d}")
    if isinstance(value, dt.date):
        return Reference(value)
    text = str(value)
    m = _REF_ISO.match(text)
    try:
        if m:
            clock = f"{int(m.group(4)):02d}:{m.group(5)}" if m.group(4) else None
            return Reference(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), clock)
        m = _REF_DMY.match(text)
        if m:  # day-first, as written outside the US (one MEANTIME DCT is like this)
            return Reference(dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    except ValueError:
        return None
    return None


# --------------------------------------------------------------------------------------
# pattern fragments

def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MONTH_ANY = (r"(?:" + _alt(CALENDAR.month_names) + r"|(?:" + _alt(CALENDAR.month_abbrs) + r")"
              r"(?:\.|(?![a-z])))")
_MONTH_STANDALONE = r"(?:" + _alt(CALENDAR.month_names + tuple(a + "." for a in CALENDAR.month_abbrs_alone)) + r")"
_WEEKDAY_FULL = r"(?:" + _alt(CALENDAR.weekday_names) + r")"
_WEEKDAY_ANY = r"(?:" + _WEEKDAY_FULL + r"|(?:" + _alt(CALENDAR.weekday_abbrs) + r")\.?)"
_DAYNUM = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
#: units that count a duration, singular and plural ("three days"); "second" only in the
#: plural where it could be an ordinal ("a second attack")
_COUNT_UNITS = [u for u, unit in UNITS.items() if unit.count]
_UNIT_FORMS = _COUNT_UNITS + [UNITS[u].plural for u in _COUNT_UNITS]
_UNIT = r"(?:" + _alt(_UNIT_FORMS) + r")s?"
_UNIT_NO_SECOND = r"(?:" + _alt([w for w in _UNIT_FORMS if w not in TIMEX_WORDS.ambiguous_unit]) + r")s?"
_NUMWORD = (r"(?:(?:" + _alt(CALENDAR.number_tens) + r")[\s-](?:" + _alt(CALENDAR.number_ones) + r")|"
            + _alt([w for w in NUMBER_WORDS if w not in CALENDAR.number_articles]) + r")")
_NUM = (r"(?:\d+(?:[.,]\d+)?|" + _NUMWORD + r"|" + _alt(CALENDAR.number_articles) + r")(?:\s+and\s+a\s+half)?")
_VAGUE = r"(?:" + _alt(TIMEX_WORDS.vague_number) + r")"
_APPROX_MODS = CALENDAR.approx_mods
_APPROX = r"(?:" + _alt(_APPROX_MODS) + r")"
_POSITION_MODS = CALENDAR.position_mods
_POSITION = r"(?:(?:" + _alt(_POSITION_MODS) + r")(?:\s+|-))"
_PART = r"(?:" + _alt(CALENDAR.parts_after_day) + r")"
_PART_THIS = r"(?:" + _alt(CALENDAR.parts_after_this) + r")"
_TZ = r"(?:" + _alt(TIMEX_WORDS.timezone) + r")"

_FLAGS = re.IGNORECASE
#: "last" -1, "this" 0, "next" 1 ... (relative.tsv)
_STEPS = CALENDAR.relative_steps


@dataclass
class _Found:
    start: int
    end: int
    type: str
    value: Any  # str | None | callable(anchor) -> str
    granularity: Optional[str]
    mod: Optional[str] = None
    priority: int = 0
    date: Optional[dt.date] = None  # a full date this expression pins down (for anchoring)
    clock: bool = False  # a clock time: takes its date from its sentence when it has one
    #: what a deferred value is computed from: "day" (the last full date), "period" (the
    #: last date of any granularity, as (date, rank) with rank 0 day, 1 month, 2 year)
    anchor_kind: str = "day"


_SCHEDULE_VERBS = TIMEX_WORDS.schedule_verb
_PLAN_VERBS = TIMEX_WORDS.plan_verb
#: "is to blame for the attack on Monday" judges a past act
_NOT_AHEAD_INFINITIVES = TIMEX_WORDS.not_ahead_infinitive
#: a weekday or time after these words lies ahead ("postponed until Saturday")
_FUTURE_SIGNALS = TIMEX_WORDS.future_signal


def _infinitive_looks_ahead(token) -> bool:
    """A to-infinitive looks ahead on its own, under a verb of planning ("plans to meet"),
    or under a present "is/are to" ("is to travel on Monday"); a past "was to" is read
    with its own tense and "is to blame" is no arrangement."""
    head = token.head
    if head == token or head.pos_ not in ("VERB", "AUX"):
        return True
    if head.lemma_ == "be":
        return head.tag_ in ("VBZ", "VBP") and token.lemma_ not in _NOT_AHEAD_INFINITIVES
    return head.lemma_ in _PLAN_VERBS


class _Context:
    """What handlers need: the text, reference, spaCy doc (optional) and tense lookups."""

    def __init__(self, text: str, ref: Optional[Reference], sdoc=None):
        self.text = text
        self.ref = ref
        self.sdoc = sdoc

    # -- tense: +1 future, -1 past, 0 unknown
    def tense(self, start: int, end: int) -> int:
        if self.sdoc is not None:
            t = self._tense_spacy(start, end)
            if t is not None:
                return t
        return self._tense_text(start)

    def _tense_spacy(self, start: int, end: int) -> Optional[int]:
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        token = span.root
        for _ in range(8):
            if token.pos_ in ("VERB", "AUX") or token.head == token:
                break
            token = token.head
        if token.pos_ not in ("VERB", "AUX"):
            return None
        for _ in range(4):
            aux = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
            words = {c.lower_ for c in aux}
            if token.lemma_ in _SCHEDULE_VERBS:
                return 1  # "a hearing has been scheduled for June 3"
            if "to" in words and token.tag_ != "VB":
                # passive infinitive "to be held on October 12"
                if _infinitive_looks_ahead(token):
                    return 1
                token = token.head
                continue
            if words & TIMEX_WORDS.future_aux:
                return 1
            if words & _PAST_AUX or token.tag_ == "VBD":
                return -1
            if token.tag_ == "VBN" and not words:
                return -1
            if words & TIMEX_WORDS.modal_aux:
                return 1 if "to" not in words else None
            if token.tag_ == "VB" and ("to" in words or token.dep_ == "xcomp"):
                # "plans to meet on Friday" looks ahead; "agreed to sell in October" is
                # read with the tense of its main verb
                if _infinitive_looks_ahead(token):
                    return 1
                token = token.head
                continue
            if token.tag_ == "VBG" and words & TIMEX_WORDS.present_be:
                return 1
            if token.tag_ == "VBG" and words & TIMEX_WORDS.past_be:
                return -1
            if token.tag_ in ("VBZ", "VBP"):
                if token.lemma_ in TIMEX_WORDS.present_schedule_verb:
                    return 1
                return 0
            return None
        return None

    _FUTURE_WORDS = re.compile(r"\b(?:" + _alt(TIMEX_WORDS.future_phrase) + r")\b", _FLAGS)
    #: a past word, or any word of three letters or more in -ed
    _PAST_WORDS = re.compile(r"\b(?:" + _alt(TIMEX_WORDS.past_word) + r"|\w{3,}ed)\b", _FLAGS)

    def _tense_text(self, start: int) -> int:
        left = self.text[max(0, start - 80):start]
        cut = max(left.rfind("."), left.rfind("\n"))
        left = left[cut + 1:]
        right = self.text[start:start + 60]
        cut = right.find(".")
        right = right[:cut if cut >= 0 else len(right)]
        window = left + " " + right
        if self._FUTURE_WORDS.search(window):
            return 1
        if self._PAST_WORDS.search(window):
            return -1
        return 0

    def ent_type(self, start: int, end: int) -> str:
        if self.sdoc is None:
            return ""
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        return span[0].ent_type_ if span is not None and len(span) else ""

    def tag(self, start: int, end: int) -> str:
        if self.sdoc is None:
            return ""
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        return span[0].tag_ if span is not None and len(span) else ""

    def prev_word(self, start: int) -> str:
        m = _PREV_WORD.search(self.text, max(0, start - 40), start)
        return m.group(1) if m else ""

    def next_word(self, end: int) -> str:
        m = _NEXT_WORD.match(self.text, end)
        return m.group(1) if m else ""


_PREV_WORD = re.compile(r"([\w'$%.,-]+)\s*$")
_NEXT_WORD = re.compile(r"\s*([\w'%$-]+)")


# --------------------------------------------------------------------------------------
# value helpers

def _date_value(d: dt.date) -> str:
    return d.isoformat()


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday_num(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def _number(text: str) -> Optional[float]:
    """'three' -> 3, 'twenty-five' -> 25, '2.5' -> 2.5, 'two and a half' -> 2.5, vague -> None."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    half = 0.0
    if t.endswith(" and a half"):
        half, t = 0.5, t[: -len(" and a half")]
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        if "," in t and len(t.split(",")[1]) == 3:
            t = t.replace(",", "")
        return float(t.replace(",", ".")) + half
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t] + half
    parts = re.split(r"[\s-]", t)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]] + half
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


_UNIT_OF_PLURAL = {unit.plural: name for name, unit in UNITS.items()}


def _unit_key(word: str) -> str:
    """"days" -> "day", "centuries" -> "century"."""
    w = word.lower()
    return _UNIT_OF_PLURAL.get(w) or (w[:-1] if w.endswith("s") and w[:-1] in UNITS else w)


def _duration_value(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration: P3D, PT2H, P10Y (a decade), PXM for vague amounts."""
    spec = UNITS[_unit_key(unit)]
    letter = spec.letter
    if spec.years and n is not None:
        letter, n = "Y", n * spec.years  # a decade is P10Y; "decades" stays PXDE
    if n is not None:
        n *= spec.multiplier
    amount = "X" if n is None else _fmt_num(n)
    return f"P{'T' if spec.time else ''}{amount}{letter}"


def _granularity_of(value: Optional[str], type_: str) -> Optional[str]:
    if value is None:
        return None
    if type_ == "DURATION":
        return "duration"
    if type_ == "SET":
        return "set"
    if value.endswith("_REF"):
        return "ref"
    if "T" in value:
        return "time"
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", value):
        return "day"
    if "-W" in value:
        return "weekend" if value.endswith("-WE") else ("day" if value.count("-") == 2 else "week")
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}-Q\d", value):
        return "quarter"
    if re.fullmatch(r"\d{4}-H\d", value):
        return "half"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"[\dX]{4}", value) or value.startswith("FY"):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    return None


def _pick_year_for(month: int, day: Optional[int], ref: dt.date, tense: int) -> int:
    """Year of a month (and day) given without one: by tense, else the nearest."""
    probe = (month, day or 1)
    now = (ref.month, ref.day if day else 1)
    if tense < 0:
        return ref.year if probe <= now else ref.year - 1
    if tense > 0:
        return ref.year if probe >= now else ref.year + 1
    best, best_dist = ref.year, None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cand = dt.date(year, month, day or 15)
        except ValueError:
            continue
        dist = abs((cand - ref).days) if day else abs((year * 12 + month) - (ref.year * 12 + ref.month))
        if best_dist is None or dist < best_dist:
            best, best_dist = year, dist
    return best


def _weekday_date(weekday: int, ref: dt.date, tense: int, which: str = "") -> dt.date:
    delta = weekday - ref.isoweekday()
    if which == "last":
        return ref - dt.timedelta(days=(ref.isoweekday() - weekday) % 7 or 7)
    if which in ("next", "coming"):
        return ref + dt.timedelta(days=delta % 7 or 7)
    if which == "this":
        return ref + dt.timedelta(days=delta)
    if tense > 0:
        return ref + dt.timedelta(days=delta % 7)
    return ref - dt.timedelta(days=(-delta) % 7)


def _nearest_holiday(name: str, ref: dt.date, tense: int, which: str = "") -> Optional[dt.date]:
    cands = [d for d in (holiday_date(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d]
    if not cands:
        return None
    if which == "last" or tense < 0:
        past = [d for d in cands if d < ref or (d == ref and which != "last")]
        return max(past) if past else None
    if which in ("next", "coming") or tense > 0:
        future = [d for d in cands if d > ref or (d == ref and which not in ("next", "coming"))]
        return min(future) if future else None
    if which == "this":
        return holiday_date(name, ref.year)
    return min(cands, key=lambda d: abs((d - ref).days))


# --------------------------------------------------------------------------------------
# the rules: (compiled pattern, handler(match, ctx) -> _Found | None, priority)

Rule = tuple[re.Pattern, Callable[[re.Match, _Context], Optional[_Found]], int]
_RULES: list[Rule] = []


def _rule(pattern: str, priority: int = 0, flags: int = _FLAGS):
    compiled = re.compile(pattern, flags)

    def register(fn):
        _RULES.append((compiled, fn, priority))
        return fn
    return register


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _mod_of(prefix: Optional[str]) -> Optional[str]:
    if not prefix:
        return None
    key = re.sub(r"[\s-]+$", "", re.sub(r"\s+", " ", prefix.lower()))
    return _POSITION_MODS.get(key) or _APPROX_MODS.get(key)


def _year2(two: str, ref: Optional[Reference]) -> int:
    n = int(two)
    base = ref.date.year if ref else 2000
    century = base // 100 * 100
    year = century + n
    if year > base + 20:
        year -= 100
    return year


def _safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# ISO 2026-01-03 (optionally with a time)
@_rule(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::\d{2})?\s*(Z|UTC|GMT)?)?(?![\d-])", 30)
def _iso(m, ctx):
    d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if d is None:
        return None
    if m.group(4):
        return _Found(m.start(), m.end(), "TIME", f"{d.isoformat()}T{m.group(4)}:{m.group(5)}", "time", date=d)
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), "day", date=d)


# numeric 03.01.2026 (day first), 1/3/2026 (US month first unless impossible), 7/8/07
@_rule(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[./]\d)", 25)
def _numeric(m, ctx):
    a, b = int(m.group(1)), int(m.group(3))
    year = int(m.group(4)) if len(m.group(4)) == 4 else _year2(m.group(4), ctx.ref)
    if m.group(2) == ".":
        day, month = a, b
    else:
        month, day = (a, b) if a <= 12 else (b, a)
    d = _safe_date(year, month, day)
    if d is None:
        return None
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), "day", date=d)


def _month_ok(m, ctx, group: str) -> bool:
    word = m.group(group)
    if not _capitalised(word):
        return False
    low = word.lower()
    if low in CALENDAR.ambiguous_months:
        start, end = m.span(group)
        if ctx.tag(start, end) == "MD":
            return False
        if ctx.ent_type(start, end) == "PERSON":
            return False
        prev = ctx.prev_word(start)
        line_start = "\n" in ctx.text[max(0, start - len(prev) - 3):start]
        if low == "may" and prev[:1].isupper() and prev.lower() not in _MONTH_CONTEXT and not line_start:
            return False
    return True


_MONTH_CONTEXT = TIMEX_WORDS.month_context


# Saturday, January 3, 2026 / January 3rd / Jan. 3 2026 / the 3rd of January / 3 Jan 2026
@_rule(r"\b(?:(?P<wd>" + _WEEKDAY_ANY + r"),?[ \t]+)?(?P<mon>" + _MONTH_ANY + r")\s+(?P<day>" + _DAYNUM
       + r")(?![\d:])(?:(?:,\s*|\s+)(?P<year>" + _YEAR + r")(?!\d))?", 20)
def _month_day(m, ctx):
    if not _month_ok(m, ctx, "mon"):
        return None
    return _resolve_day_month(m, ctx, int(re.match(r"\d+", m.group("day")).group()))


@_rule(r"\b(?:(?P<wd>" + _WEEKDAY_ANY + r"),?[ \t]+)?(?:the\s+)?(?P<day>" + _DAYNUM + r")\s+(?:of\s+)?(?P<mon>"
       + _MONTH_ANY + r")(?:,?\s+(?P<year>" + _YEAR + r")(?!\d))?", 20)
def _day_month(m, ctx):
    if not _capitalised(m.group("mon")):
        return None
    return _resolve_day_month(m, ctx, int(re.match(r"\d+", m.group("day")).group()))


def _resolve_day_month(m, ctx, day: int) -> Optional[_Found]:
    month = _month_num(m.group("mon"))
    if not 1 <= day <= 31:
        return None
    if m.group("year"):
        d = _safe_date(int(m.group("year")), month, day)
        if d is None:
            return None
        return _Found(m.start(), m.end(), "DATE", d.isoformat(), "day", date=d)
    if ctx.ref is None:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", "day")
    tense = ctx.tense(m.start(), m.end())
    if tense >= 0 and _attributive(m.start(), m.end(), ctx):
        # a happening named in a present, future or tenseless clause is the nearest such
        # day; in a past clause ("the September 11 attacks killed ...") it stays behind
        tense = 0
    year = _pick_year_for(month, day, ctx.ref.date, tense)
    d = _safe_date(year, month, day)
    if d is None:
        return None
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), "day", date=d)


def _attributive(start: int, end: int, ctx) -> bool:
    """A day without a year between a determiner or a possessive and a noun names a
    happening ("the January 3 assassination", "Trump's Jan. 8 claim"): a future clause
    ("will pursue charges over ...") dates the clause, not it (``attributive_date_lead``
    in words.tsv); a past clause keeps it behind (``_resolve_day_month``)."""
    before = ctx.prev_word(start).lower()
    if before not in TIMEX_WORDS.attributive_date_lead and not before.endswith(("'s", "’s")):
        return False
    after = ctx.next_word(end)
    return after.isalpha() and after.islower() and after not in TIMEX_WORDS.attributive_date_not_noun


# May 2010 / January of 2010 / early January / late last July / mid-March / this May
@_rule(r"\b(?P<pos>" + _POSITION + r")?(?:(?P<which>last|next|this|coming|past)\s+)?(?P<mon>"
       + _MONTH_STANDALONE + r")(?:,?\s+(?:of\s+)?(?P<year>" + _YEAR + r")(?!\d|,\d)|\s+(?P<rel>last|this|next)\s+year|(?=\s+of\s+(?P<rel2>last|this|next)\s+year))?(?![\w-])", 15)
def _month(m, ctx):
    if not _month_ok(m, ctx, "mon"):
        return None
    month = _month_num(m.group("mon"))
    mod = _mod_of(m.group("pos"))
    if m.group("year"):
        return _Found(m.start(), m.end(), "DATE", f"{int(m.group('year')):04d}-{month:02d}", "month", mod)
    if ctx.ref is None:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{month:02d}", "month", mod)
    ref = ctx.ref.date
    rel = m.group("rel") or m.group("rel2")
    if rel:  # "June last year" is one expression; "October of next year" is two (TimeML)
        year = ref.year + _STEPS[rel.lower()]
        return _Found(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}", "month", mod)
    which = (m.group("which") or "").lower()
    if which in ("last", "past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif which in ("next", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
    elif which == "this":
        year = ref.year
    else:
        signal = ctx.prev_word(m.start()).lower() in _FUTURE_SIGNALS
        year = _pick_year_for(month, None, ref, 1 if signal else ctx.tense(m.start(), m.end()))
    return _Found(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}", "month", mod)


# years: 2013, fiscal 2013, early 2011, late 2025, mid-2011; ranges 2009-10, 1957-58
@_rule(r"(?<![\w$€£#.,/-])(?P<pos>" + _POSITION + r")?(?P<fy>(?:fiscal(?:\s+year)?|FY)\s*'?)?(?P<year>"
       + _YEAR + r")(?:(?P<dash>[-\u2013/])(?P<y2>\d{2}|" + _YEAR + r"))?(?![\w%$€£]|[.,]\d|-\w)", 10)
def _year(m, ctx):
    year = int(m.group("year"))
    nxt = ctx.next_word(m.end()).lower()
    if nxt and nxt.rstrip("s") in _NOT_AFTER_YEAR and not m.group("pos"):
        return None
    if not m.group("pos") and not m.group("fy"):
        prev = ctx.prev_word(m.start()).lower()
        if prev in _NOT_BEFORE_YEAR:
            return None
        tag_next = ""
        if ctx.sdoc is not None and nxt and nxt[0].islower():
            end_nxt = m.end() + len(ctx.text[m.end():]) - len(ctx.text[m.end():].lstrip())
            tag_next = ctx.tag(end_nxt, end_nxt + len(nxt))
            if tag_next == "NNS" and prev not in TIMEX_WORDS.year_determiner:
                return None
    mod = _mod_of(m.group("pos"))
    value = f"FY{year}" if m.group("fy") and m.group("fy").upper().startswith("FY") else str(year)
    found = _Found(m.start(), m.end(), "DATE", value, "year", mod)
    if m.group("y2"):
        y2 = m.group("y2")
        second = int(y2) if len(y2) == 4 else year // 100 * 100 + int(y2)
        if not year < second <= year + 20:
            return found if not m.group("dash") == "/" else None
        # TimeML annotates the two ends of a range as two timexes
        first = _Found(m.start(), m.start("dash"), "DATE", value, "year", mod)
        return [first, _Found(m.start("y2"), m.end("y2"), "DATE", str(second), "year")]
    return found


_NOT_AFTER_YEAR = TIMEX_WORDS.not_after_year
_NOT_BEFORE_YEAR = TIMEX_WORDS.not_before_year


# decades: the 1990s, the '90s, the early 2000s
@_rule(r"\b(?:the\s+)?(?P<pos>" + _POSITION + r")?(?:(?P<dec>1[5-9]\d0|20\d0)|(?P<apo>['\u2019])?(?P<short>\d0))'?s\b"
       r"|(?<![\w'])['\u2019](?P<yy>\d\d)\b(?!['\u2019])", 12)
def _decade(m, ctx):
    if m.group("yy"):  # "since '82": a two-digit year
        return _Found(m.start(), m.end(), "DATE", str(_year2(m.group("yy"), ctx.ref)), "year")
    if m.group("short") and not m.group("apo") and \
            ctx.prev_word(m.start("short")).lower() not in TIMEX_WORDS.decade_lead:
        return None
    if m.group("dec"):
        value = m.group("dec")[:3]
    else:
        value = str(_year2(m.group("short"), ctx.ref))[:3]
    return _Found(m.start(), m.end(), "DATE", value, "decade", _mod_of(m.group("pos")))


_ORDINAL_WORDS = CALENDAR.century_ordinals


# centuries: the 20th century, the twentieth century
@_rule(r"\b(?:the\s+)?(?P<pos>" + _POSITION + r")?(?P<n>\d{1,2}(?:st|nd|rd|th)|" + _alt(_ORDINAL_WORDS)
       + r")[\s-]+century\b", 12)
def _century(m, ctx):
    raw = m.group("n").lower()
    n = int(raw[:-2]) if raw[0].isdigit() else _ORDINAL_WORDS[raw]
    return _Found(m.start(), m.end(), "DATE", f"{n - 1:02d}", "century", _mod_of(m.group("pos")))


# quarters and halves: the first quarter of 2009, Q3 2025, third-quarter, last quarter
@_rule(r"\b(?:the\s+)?(?P<ord>" + _alt(CALENDAR.quarter_ordinals) + r")[\s-]+(?:fiscal[\s-]+)?"
       r"(?P<unit>quarter|half)(?:\s+of\s+(?:(?P<year>" + _YEAR + r")|(?P<rel>this|last|next|the)\s+"
       r"(?:fiscal\s+)?year))?\b", 14)
def _quarter(m, ctx):
    ordinal = CALENDAR.quarter_ordinals[m.group("ord").lower()]
    half = m.group("unit").lower() == "half"
    if half:
        ordinal = min(ordinal, 2)
    nxt = ctx.next_word(m.end()).lower()
    if not m.group("year") and not m.group("rel") and nxt in TIMEX_WORDS.not_after_part:
        return None  # "the first half of the match", handled elsewhere or not a date
    letter = "H" if half else "Q"
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.ref is None:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{letter}{ordinal}", "quarter")
    else:
        ref = ctx.ref.date
        rel = (m.group("rel") or "").lower()
        current = (ref.month - 1) // (6 if half else 3) + 1
        if rel == "last":
            year = ref.year - 1
        elif rel == "next":
            year = ref.year + 1
        elif rel in ("this", "the"):
            year = ref.year
        else:
            tense = ctx.tense(m.start(), m.end())
            if tense > 0:
                year = ref.year if ordinal >= current else ref.year + 1
            elif tense < 0:
                year = ref.year if ordinal <= current else ref.year - 1
            else:  # the nearest such quarter
                periods = 2 if half else 4
                year = ref.year if abs(ordinal - current) <= periods // 2 else (
                    ref.year - 1 if ordinal > current else ref.year + 1)
    return _Found(m.start(), m.end(), "DATE", f"{year}-{letter}{ordinal}", "quarter")


@_rule(r"\bQ(?P<q>[1-4])(?:\s*(?P<year>" + _YEAR + r"))?\b", 14, 0)
def _q_short(m, ctx):
    q = int(m.group("q"))
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.ref:
        year = ctx.ref.date.year
    else:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-Q{q}", "quarter")
    return _Found(m.start(), m.end(), "DATE", f"{year}-Q{q}", "quarter")


_RELATIVE_UNITS = r"(?:" + _alt(TIMEX_WORDS.calendar_unit) + r")"


# last week, this month, next year, the previous year, this fiscal year, early this year,
# the end of last year, the past year (a duration), last summer, this weekend
@_rule(r"\b(?P<pos>" + _POSITION + r")?(?P<the>the\s+)?(?P<which>last|next|this|past|previous|coming|"
       r"current|following|same)\s+(?:fiscal\s+)?(?P<unit>" + _RELATIVE_UNITS
       + r"|" + _alt(SEASONS) + r")\b", 16)
def _relative_unit(m, ctx):
    which = m.group("which").lower()
    unit = m.group("unit").lower()
    mod = _mod_of(m.group("pos"))
    the = bool(m.group("the"))
    start, end = m.start(), m.end()
    if which == "past" and the and unit in ("week", "month", "year", "decade", "century", "quarter"):
        return _Found(start, end, "DURATION", _duration_value(1, unit), "duration", mod)
    if the and unit in ("decade", "century") and which in ("next", "coming", "following", "past", "last"):
        # "over the next decade": TempEval-3 and MEANTIME annotate a ten-year duration
        return _Found(start, end, "DURATION", _duration_value(1, unit), "duration", mod)
    if which in ("following", "same", "previous") and the:
        return _anchored_unit(start, end, unit, which, mod)
    if ctx.ref is None:
        return _Found(start, end, "DATE", None, None, mod)
    ref = ctx.ref.date
    step = _STEPS.get(which, 0)
    if unit == "week" and ref.isoweekday() == 7 and step <= 0:
        step = _sunday_week_step(step, ctx.tense(start, end))
    return _Found(start, end, "DATE", _shift_unit(ref, unit, step), None, mod)


def _sunday_week_step(step: int, tense: int) -> int:
    """On a Sunday the calendar week ends: "last week" is the one ending today, and "this
    week" told of what lies ahead is the one starting tomorrow ("he will travel there this
    week", written on a Sunday)."""
    if step < 0:
        return 0
    return 1 if tense > 0 else 0


def _shift_unit(ref: dt.date, unit: str, step: int) -> str:
    if unit == "week":
        return iso_week(ref + dt.timedelta(days=7 * step))
    if unit == "weekend":
        return iso_week(ref + dt.timedelta(days=7 * step)) + "-WE"
    if unit == "month":
        y, mo = add_months(ref.year, ref.month, step)
        return f"{y:04d}-{mo:02d}"
    if unit == "year":
        return f"{ref.year + step:04d}"
    if unit == "quarter":
        q = (ref.month - 1) // 3 + step
        y, q = ref.year + q // 4, q % 4 + 1
        return f"{y}-Q{q}"
    if unit == "decade":
        return str(ref.year // 10 + step)
    if unit == "century":
        return f"{ref.year // 100 + step:02d}"
    season = SEASONS[unit]
    start_month = CALENDAR.season_start[season]
    # the season currently running or last begun, then step from it
    year = ref.year if ref.month >= start_month else ref.year - 1
    if step < 0 and season != "WI" and ref.month < start_month + 3 and ref.month >= start_month:
        year -= 1  # "last summer" said in July is the previous one
    return f"{year + (step if step > 0 or season == 'WI' else 0):04d}-{season}"


#: how precise a date an anchored unit needs (0 day or week, 1 month, 2 year): a season is
#: placed like a month; a weekend, like any unit not listed, needs a day
_UNIT_RANK = {**{u: spec.rank for u, spec in UNITS.items()}, **{season: 1 for season in SEASONS}}


def _anchored_unit(start, end, unit, which, mod):
    """"the following year", "the previous month": shifted from the last date mentioned
    that is at least as precise as the unit (else unresolved)."""
    step = _STEPS[which]

    def resolve(anchor) -> Optional[str]:
        if anchor is None or anchor[1] > _UNIT_RANK.get(unit, 0):
            return None
        return _shift_unit(anchor[0], unit, step)
    return _Found(start, end, "DATE", resolve, None, mod, anchor_kind="period")


# the end of the year, the beginning of the year, year-end: which year depends on tense
@_rule(r"\b(?:(?P<pos>the\s+(?:very\s+)?(?:end|beginning|start|middle|close|turn)\s+of(?:\s+the)?)\s+(?:fiscal\s+)?year"
       r"|(?P<ye>year[\s-]end))\b(?!\s+(?:of\s+)?(?:\d|last|this|next))", 15)
def _end_of_year(m, ctx):
    pos = (m.group("pos") or "the end of").lower()
    kind = next((k for k in ("end", "close", "turn", "beginning", "start", "middle") if k in pos), "end")
    mod = {"end": "END", "close": "END", "turn": "END", "beginning": "START", "start": "START",
           "middle": "MID"}[kind]
    if ctx.ref is None:
        return _Found(m.start(), m.end(), "DATE", None, None, mod)
    ref = ctx.ref.date
    tense = ctx.tense(m.start(), m.end())
    year = ref.year
    if mod == "END" and tense < 0 and ref.month < 12:
        year -= 1  # the end of the year already happened: last year's
    if mod == "START" and tense > 0 and ref.month > 2:
        year += 1
    return _Found(m.start(), m.end(), "DATE", str(year), "year", mod)


def _names_outlet(word: str, start: int, ctx) -> bool:
    """A capitalised day word right after a capitalised word of the same phrase ("USA
    TODAY", "a USA Today/Ipsos poll", "Russia Today") is part of a name, as "The Daily
    Telegraph" is for ``_set``: no date. One opening a sentence ("... said. Today, ...")
    or a text all in capitals is a day word."""
    if not word[:1].isupper() or ctx.text.isupper():
        return False
    before = ctx.prev_word(start)
    return before[:1].isupper() and not before.endswith((".", ",", ":", ";"))


# today, yesterday morning, tomorrow, tonight, earlier today, the day before yesterday
@_rule(r"\b(?:(?P<early>earlier|later)\s+)?(?P<word>" + _alt(CALENDAR.days) + r")(?:\s+(?P<part>"
       + _PART + r"))?\b", 18)
def _today(m, ctx):
    if _names_outlet(m.group("word"), m.start("word"), ctx):
        return None
    word = m.group("word").lower()
    if ctx.ref is None:
        return _Found(m.start(), m.end(), "DATE", None, None)
    ref = ctx.ref.date
    offset, own_part = CALENDAR.days[word]
    d = ref + dt.timedelta(days=offset)
    part = m.group("part")
    if own_part:  # "tonight"
        return _Found(m.start(), m.end(), "TIME", f"{d.isoformat()}T{own_part}", "part_of_day", date=d)
    if part:
        return _Found(m.start(), m.end(), "TIME", f"{d.isoformat()}T{PARTS_OF_DAY[part.lower()]}",
                      "part_of_day", date=d)
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), "day", date=d)


# this morning, last night
@_rule(r"\b(?P<which>this|last)\s+(?P<part>" + _PART_THIS + r")\b", 17)
def _this_morning(m, ctx):
    if ctx.ref is None:
        return _Found(m.start(), m.end(), "TIME", None, None)
    d = ctx.ref.date + dt.timedelta(days=_STEPS[m.group("which").lower()])
    return _Found(m.start(), m.end(), "TIME", f"{d.isoformat()}T{PARTS_OF_DAY[m.group('part').lower()]}",
                  "part_of_day", date=d)


# Saturday, on Saturday (the extent excludes "on"), last Friday, Friday morning
@_rule(r"\b(?:(?P<which>last|next|this|coming|past)\s+)?(?P<wd>" + _WEEKDAY_FULL + r")(?:\s+(?P<part>"
       + _PART + r"))?(?!\w)", 13)
def _weekday(m, ctx):
    if not _capitalised(m.group("wd")) and not ctx.text.isupper():
        return None
    weekday = _weekday_num(m.group("wd"))
    part = m.group("part")
    type_ = "TIME" if part else "DATE"
    if ctx.ref is None:
        base = f"XXXX-WXX-{weekday}"
        return _Found(m.start(), m.end(), type_, base + (f"T{PARTS_OF_DAY[part.lower()]}" if part else ""), None)
    which = (m.group("which") or "").lower()
    if which:
        tense = 0
    elif ctx.prev_word(m.start()).lower() in _FUTURE_SIGNALS:
        tense = 1
    else:
        tense = ctx.tense(m.start(), m.end())
    d = _weekday_date(weekday, ctx.ref.date, tense, "last" if which == "past" else which)
    if part:
        return _Found(m.start(), m.end(), "TIME", f"{d.isoformat()}T{PARTS_OF_DAY[part.lower()]}",
                      "part_of_day", date=d)
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), "day", date=d)


# holidays: New Year's Eve, Christmas, Thanksgiving, Easter 2026, last Christmas
_HOLIDAY = _alt(CALENDAR.holiday_names).replace("'", "['\u2019]?")
#: a holiday name written without its apostrophe -> the name ("new years eve")
_HOLIDAY_APOSTROPHE: dict[str, str] = {}
for _name in CALENDAR.holidays:
    if "'" in _name:
        _HOLIDAY_APOSTROPHE.setdefault(_name.replace("'", ""), _name)


@_rule(r"\b(?:(?P<which>last|next|this|coming)\s+)?(?P<name>" + _HOLIDAY + r")(?:,?\s+(?P<year>"
       + _YEAR + r"))?(?!\w)", 19)
def _holiday(m, ctx):
    name = re.sub(r"\s+", " ", m.group("name")).replace("\u2019", "'")
    if not _capitalised(name) and not ctx.text.isupper():
        return None
    key = name.lower()
    if "'" not in key:
        key = _HOLIDAY_APOSTROPHE.get(key, key)
    if m.group("year"):
        d = holiday_date(key, int(m.group("year")))
    elif ctx.ref is None:
        d0 = holiday_date(key, 2000)
        value = f"XXXX-{d0.month:02d}-{d0.day:02d}" if key not in ("easter",) and d0 else None
        return _Found(m.start(), m.end(), "DATE", value, "day")
    else:
        which = (m.group("which") or "").lower()
        d = _nearest_holiday(key, ctx.ref.date, 0 if which else ctx.tense(m.start(), m.end()), which)
    if d is None:
        return None
    return _Found(m.start(), m.end(), "DATE", d.isoformat(), "day", date=d)


# seasons: in the summer, summer 2025, the winter of 2012
@_rule(r"\b(?P<pos>" + _POSITION + r")?(?P<the>the\s+)?(?P<season>" + _alt(SEASONS) + r")"
       r"(?:\s+(?:of\s+)?(?P<year>" + _YEAR + r"))?\b", 11)
def _season(m, ctx):
    season = SEASONS[m.group("season").lower()]
    if m.group("year"):
        return _Found(m.start(), m.end(), "DATE", f"{m.group('year')}-{season}", "season", _mod_of(m.group("pos")))
    prev = ctx.prev_word(m.start()).lower()
    if prev not in TIMEX_WORDS.season_lead and not m.group("pos"):
        return None
    if m.group("season").lower() in TIMEX_WORDS.ambiguous_season and not m.group("the") \
            and prev not in TIMEX_WORDS.ambiguous_season_lead:
        return None
    if ctx.ref is None:
        return _Found(m.start(), m.end(), "DATE", f"XXXX-{season}", "season")
    ref = ctx.ref.date
    tense = ctx.tense(m.start(), m.end())
    start_month = CALENDAR.season_start[season]
    year = ref.year
    if tense < 0 and start_month > ref.month:
        year -= 1
    return _Found(m.start(), m.end(), "DATE", f"{year}-{season}", "season", _mod_of(m.group("pos")))


# two days ago, four years ago, a week ago
@_rule(r"\b(?P<num>" + _NUM + r"|" + _VAGUE + r")\s+(?P<unit>" + _UNIT + r")\s+(?P<dir>ago|earlier|before|"
       r"from\s+now|hence|later)\b", 21)
def _ago(m, ctx):
    direction = m.group("dir").lower()
    n = _number(m.group("num"))
    unit = _unit_key(m.group("unit"))
    if direction in ("earlier", "before", "later"):
        if direction == "before" and re.match(r"\s*[\w$]", ctx.text[m.end():m.end() + 3]):
            return None  # "two days before the vote": a duration and a signal, the anchor is an event
        if ctx.next_word(m.end()).lower() == "than":
            return None  # "a month earlier than usual" compares: a duration
        return _narrative_shift(m, n, unit, -1 if direction != "later" else 1)
    if ctx.ref is None or n is None:
        return _Found(m.start(), m.end(), "DATE", "PAST_REF" if direction == "ago" else "FUTURE_REF", "ref")
    sign = -1 if direction == "ago" else 1
    ref = ctx.ref.date
    n_int = int(n)
    if unit in ("year", "decade", "century"):
        years = n_int * (UNITS[unit].years or 1)
        return _Found(m.start(), m.end(), "DATE", f"{ref.year + sign * years:04d}", "year")
    if unit == "month":
        y, mo = add_months(ref.year, ref.month, sign * n_int)
        return _Found(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}", "month")
    if unit in ("week", "fortnight", "day"):
        days = n_int * {"week": 7, "fortnight": 14, "day": 1}[unit]
        d = ref + dt.timedelta(days=sign * days)
        return _Found(m.start(), m.end(), "DATE", d.isoformat(), "day", date=d)
    if unit == "hour" and ctx.ref.clock:
        base = dt.datetime.combine(ref, dt.time.fromisoformat(ctx.ref.clock))
        t = base + dt.timedelta(hours=sign * n_int)
        return _Found(m.start(), m.end(), "TIME", t.strftime("%Y-%m-%dT%H:%M"), "time")
    return _Found(m.start(), m.end(), "DATE", ref.isoformat(), "day")


def _narrative_shift(m, n: Optional[float], unit: str, sign: int) -> _Found:
    """"two days later", "a year earlier": a date shifted from the last date mentioned
    (or the reference); a duration when that date is too coarse for the unit."""
    duration = _duration_value(n, unit)
    if n is None or n != int(n) or unit not in ("day", "week", "fortnight", "month", "year", "decade"):
        return _Found(m.start(), m.end(), "DURATION", duration, "duration")
    steps = int(n) * sign

    def resolve(anchor):
        if anchor is None or anchor[1] > _UNIT_RANK[unit]:
            return duration, "DURATION", "duration"
        base = anchor[0]
        if unit in ("year", "decade"):
            return f"{base.year + steps * (10 if unit == 'decade' else 1):04d}", "DATE", "year"
        if unit == "month":
            y, mo = add_months(base.year, base.month, steps)
            return f"{y:04d}-{mo:02d}", "DATE", "month"
        days = steps * {"day": 1, "week": 7, "fortnight": 14}[unit]
        return (base + dt.timedelta(days=days)).isoformat(), "DATE", "day"
    return _Found(m.start(), m.end(), "DATE", resolve, None, anchor_kind="period")


# durations: three days, the past three weeks, about a year, 24 hours, a few days,
# almost seven years, two and a half years, the next few months, three-month
@_rule(r"(?<![\w-])(?:(?P<approx>" + _APPROX + r")\s+)?(?P<det>(?:the|these|those)\s+)?(?:(?P<dir>"
       + _alt(TIMEX_WORDS.duration_determiner) + r")\s+)?(?P<num>" + _NUM + r"|" + _VAGUE + r")(?P<sep>[\s-]+)(?:(?:"
       + _alt(TIMEX_WORDS.duration_adjective) + r")\s+)?(?P<unit>" + _UNIT_NO_SECOND
       + r"|quarters)(?P<poss>')?(?![\w-])", 8)
def _duration(m, ctx):
    unit_word = m.group("unit").lower()
    num_text = m.group("num").lower()
    n = _number(num_text)
    vague = n is None
    unit = _unit_key(unit_word)
    if unit not in UNITS or (unit == "quarter" and (n is None or n < 2)):
        return None
    if not vague and n != int(n) and unit not in ("year", "hour", "month", "day"):
        return None
    if num_text in ("a", "an") and not m.group("sep").strip() == "-":
        prev = ctx.prev_word(m.start()).lower()
        rate = prev in TIMEX_WORDS.rate_word or re.fullmatch(r"[\d,.]+", prev)
        if rate and not m.group("approx") and not m.group("det"):
            return _Found(m.start(), m.end(), "SET", _duration_value(1, unit), "set")
    following = ctx.text[m.end():m.end() + 16].lower()
    if re.match(r"(?:-|\s+)old\b|\s+(?:and|or)\s+(?:older|younger|over|under)\b|\s+of\s+age\b", following):
        return None  # "a five-year-old", "30 years old", "6 months and older" are ages
    mod = _APPROX_MODS.get(re.sub(r"\s+", " ", m.group("approx").lower())) if m.group("approx") else None
    start = m.start()
    if m.group("approx") and m.group("det"):
        start, mod = m.start("det"), None  # "over the past three weeks": "over" is a preposition here
    return _Found(start, m.end(), "DURATION", _duration_value(n, unit), "duration", mod)


# bare plurals: for years, in recent weeks, over the years, decades
@_rule(r"\b(?P<lead>recent|the\s+past|the\s+coming|the|over\s+the)?\s*\b(?P<unit>"
       + _alt(spec.plural for spec in UNITS.values() if spec.bare) + r")\b", 5)
def _bare_plural(m, ctx):
    lead = (m.group("lead") or "").lower()
    prev = ctx.prev_word(m.start()).lower()
    if lead in ("", "the") and prev not in TIMEX_WORDS.plural_lead:
        return None
    if lead == "the" and prev not in TIMEX_WORDS.the_plural_lead:
        return None
    nxt = ctx.next_word(m.end()).lower()
    if nxt in TIMEX_WORDS.plural_not_before:
        return None
    start = m.start() if lead else m.start("unit")
    if lead.startswith("over"):
        # the lead is matched case-insensitively ("Over the years"); keep "the years"
        start = m.start("lead") + len(re.match(r"over\s+", m.group("lead"), re.IGNORECASE).group())
    return _Found(start, m.end(), "DURATION", _duration_value(None, m.group("unit")), "duration")


# clock times: at 2 a.m., 8 PM, 15:00 GMT Saturday, 10:30 local time, noon, midnight
@_rule(r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)(?:\s+(?P<tz>" + _TZ
       + r")\b)?(?:\s+(?:on\s+)?(?P<wd>" + _WEEKDAY_FULL + r"))?"
       r"|\b(?P<h2>[01]?\d|2[0-3]):(?P<min2>[0-5]\d)(?!:\d)(?:\s*(?P<tz2>" + _TZ + r")\b|\s+(?P<lt>local\s+time)"
       r"|(?=\s*(?:h\b|hrs\b)))?(?:\s+(?:on\s+)?(?P<wd2>" + _WEEKDAY_FULL + r"))?"
       r"|\b(?P<h3>[01]\d|2[0-3])(?P<min3>[0-5]\d)\s*(?P<tz3>GMT|UTC|Z|hrs|hours\b)"
       r"|\b(?P<word>noon|midday|midnight)\b", 22)
def _clock(m, ctx):
    if m.group("word"):
        hhmm = "12:00" if m.group("word").lower() in ("noon", "midday") else "24:00"
        wd = None
        tz = None
    elif m.group("h3") is not None:
        hhmm = f"{m.group('h3')}:{m.group('min3')}"
        wd, tz = None, m.group("tz3")
    elif m.group("h2") is not None:
        prev = ctx.prev_word(m.start()).lower()
        if not (m.group("tz2") or m.group("lt") or m.group("wd2") or prev in TIMEX_WORDS.clock_prep):
            return None
        hhmm = f"{int(m.group('h2')):02d}:{m.group('min2')}"
        wd, tz = m.group("wd2"), m.group("tz2")
    else:
        h = int(m.group("h"))
        if h > 12 or h == 0:
            return None
        pm = m.group("ampm").lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
        hhmm = f"{h:02d}:{m.group('min') or '00'}"
        wd, tz = m.group("wd"), m.group("tz")
    zone = "Z" if tz and tz.lower() in TIMEX_WORDS.utc_zone else ""
    date_value = None
    if wd and ctx.ref:
        tense = 1 if ctx.prev_word(m.start()).lower() in _FUTURE_SIGNALS else ctx.tense(m.start(), m.end())
        d = _weekday_date(_weekday_num(wd), ctx.ref.date, tense)
        date_value = d.isoformat()
    start, end = m.start(), m.end()
    past_midnight = hhmm == "24:00" and not date_value and ctx.ref is not None and ctx.tense(start, end) < 0

    def resolve(anchor: Optional[dt.date], sentence_date: Optional[str] = None) -> Optional[str]:
        if past_midnight and not sentence_date:
            # "arrested them in a midnight raid": the midnight that began the reference
            # day, T24:00 of the day before (the reference day's own ends after it)
            return f"{(ctx.ref.date - dt.timedelta(days=1)).isoformat()}T24:00{zone}"
        base = date_value or sentence_date or (ctx.ref.date.isoformat() if ctx.ref else "XXXX-XX-XX")
        return f"{base}T{hhmm}{zone}"
    return _Found(start, end, "TIME", resolve, "time", clock=True)


# vague references
@_rule(r"\b(?P<present>(?:right\s+)?now(?![-\w])|currently|presently|nowadays|these\s+days|the\s+present(?:\s+day)?|"
       r"at\s+present|the\s+time\s+being)"
       r"|\b(?P<past>recently|lately|the\s+past(?!\s+(?:\d|" + _NUMWORD + r"|few|several|" + _RELATIVE_UNITS
       + r"|days?|hours?|minutes?|weeks?|months?|years?|decades?)\b)|at\s+the\s+time|at\s+that\s+time|"
       r"more\s+recently|until\s+recently)\b"
       r"|\b(?P<future>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|(?<!as\s)soon(?!\s+as\b|\s+after\b|-)|"
       r"the\s+(?:near|long|short|medium)\s+term|shortly(?!\s+(?:before|after)\b))\b", 6)
def _vague(m, ctx):
    if m.group("present"):
        value = "PRESENT_REF"
    elif m.group("past"):
        value = "PAST_REF"
    else:
        value = "FUTURE_REF"
    start = m.start()
    if m.group().lower().startswith("until "):
        start += len("until ")
    return _Found(start, m.end(), "DATE", value, "ref")


# sets: every week, each morning, daily, annually, twice a week, every Monday
@_rule(r"\b(?P<q>every|each)\s+(?:other\s+)?(?:(?P<num>" + _NUM + r")\s+)?(?P<what>" + _UNIT + r"|"
       + _WEEKDAY_FULL + r"|" + _PART_THIS + r"|weekend|" + _alt(SEASONS) + r"|season)\b"
       r"|\b(?P<adv>" + _alt(CALENDAR.set_adverbs) + r")\b"
       r"|\b(?P<freq>" + _alt(TIMEX_WORDS.frequency_word) + r"|(?:\d+|" + _NUMWORD + r")\s+times)\s+(?:a|an|per|every|each)\s+"
       r"(?P<funit>" + _UNIT + r")\b", 18)
def _set(m, ctx):
    start, end = m.start(), m.end()
    if m.group("adv"):
        word = m.group("adv")
        if word[0].isupper() and (ctx.next_word(end)[:1].isupper() or ctx.prev_word(start).lower() in ("the", "a")):
            return None  # "The Daily Telegraph", "the Daily Beast's"
        unit, n = CALENDAR.set_adverbs[word.lower()]
        return _Found(start, end, "SET", _duration_value(n, unit), "set")
    if m.group("freq"):
        return _Found(start, end, "SET", _duration_value(1, m.group("funit")), "set")
    what = m.group("what").lower()
    if what in PARTS_OF_DAY:
        return _Found(start, end, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}", "set")
    if what in WEEKDAYS:
        return _Found(start, end, "SET", f"XXXX-WXX-{WEEKDAYS[what]}", "set")
    if what == "weekend":
        return _Found(start, end, "SET", "XXXX-WXX-WE", "set")
    if what in SEASONS:
        return _Found(start, end, "SET", f"XXXX-{SEASONS[what]}", "set")
    if what == "season":
        return _Found(start, end, "SET", "XXXX-WI", "set")
    n = _number(m.group("num")) if m.group("num") else 1
    if m.group().lower().split()[1] == "other":
        n = (n or 1) * 2
    return _Found(start, end, "SET", _duration_value(n, m.group("what")), "set")


_RELATIVE_CLAUSE_STARTS = TIMEX_WORDS.clause_start


# narrative anchors: the day before, the next day, the same day, that day, the following week
@_rule(r"\b(?:(?P<the>the|that)\s+(?:(?P<which>same|next|following|previous|prior)\s+)?day(?:\s+(?P<rel>before|"
       r"after|earlier|later))?)\b(?!\s+(?:of|when|that|in\s+which)\b)", 9)
def _narrative_day(m, ctx):
    which = (m.group("which") or "").lower()
    rel = (m.group("rel") or "").lower()
    end = m.end()
    if rel in ("before", "after") and ctx.next_word(end).lower().endswith("ing"):
        rel, end = "", m.end() - len(m.group()) + len(m.group().rsplit(None, 1)[0])  # "the day after falling"
    if not which and not rel and m.group("the").lower() == "the" \
            and ctx.prev_word(m.start()).lower() not in TIMEX_WORDS.day_frame_word:
        return None  # "the day" alone is too often generic; "ended the day" is the story's day
    if not which and not rel and ctx.next_word(end).lower() in _RELATIVE_CLAUSE_STARTS:
        return None  # "the day we become silent" is not a date
    step = 0
    if _STEPS.get(which, 0) > 0 or rel in ("after", "later"):
        step = 1
    elif _STEPS.get(which, 0) < 0 or rel in ("before", "earlier"):
        step = -1

    def resolve(anchor: Optional[dt.date]) -> Optional[str]:
        if anchor is None:
            return None
        return (anchor + dt.timedelta(days=step)).isoformat()
    return _Found(m.start(), end, "DATE", resolve, "day")


# the weekend, over the weekend: the one before or after the reference, by tense
@_rule(r"\b(?:the|this\s+past)\s+weekend\b", 16)
def _the_weekend(m, ctx):
    if ctx.ref is None:
        return _Found(m.start(), m.end(), "DATE", None, None)
    ref = ctx.ref.date
    tense = -1 if m.group().lower().startswith("this") else ctx.tense(m.start(), m.end())
    saturday = _weekday_date(6, ref, tense if tense else -1)
    return _Found(m.start(), m.end(), "DATE", iso_week(saturday) + "-WE", "weekend")


# the first number of a range shares the unit of the second: "between 12 and 18 months"
@_rule(r"(?<![\w.,-])(?P<n1>\d+(?:\.\d+)?|" + _NUMWORD + r")(?=\s*(?:and|to|or|-|\u2013)\s*(?P<n2>\d+(?:\.\d+)?|"
       + _NUMWORD + r")[\s-]+(?P<unit>" + _UNIT_NO_SECOND + r")\b)", 7)
def _range_start(m, ctx):
    n = _number(m.group("n1"))
    n2 = _number(m.group("n2"))
    if n is None or n2 is None or n >= n2:
        return None
    return _Found(m.start(), m.end(), "DURATION", _duration_value(n, m.group("unit")), "duration")


# --------------------------------------------------------------------------------------
# the stage

# Which words wake each rule up, and how far before/after the word its match can reach.
# Running every pattern over the whole text costs ~14 ms per 5,000 characters; running
# each only in small windows around its trigger words costs a fraction of that.
_UNIT_WORDS = tuple(_UNIT_FORMS)
_TRIGGER_SPEC = {
    _iso: ("#digit", 2, 30), _numeric: ("#digit", 2, 14),
    _month_day: (tuple(MONTHS), 14, 20), _day_month: (tuple(MONTHS), 26, 12),
    _month: (tuple(MONTHS), 34, 22), _year: ("#digit", 32, 12), _decade: ("#digit", 30, 8),
    _century: (("century",), 50, 2), _end_of_year: (("year",), 40, 12), _quarter: (("quarter", "half"), 25, 30),
    _q_short: (("q1", "q2", "q3", "q4"), 2, 8),
    _relative_unit: (tuple(TIMEX_WORDS.calendar_unit) + tuple(SEASONS), 42, 2),
    _today: (tuple(CALENDAR.days), 10, 12),
    _this_morning: (CALENDAR.parts_after_this, 6, 2),
    _weekday: (CALENDAR.weekday_names, 8, 12),
    _holiday: ("#holiday", 8, 40),
    _season: (tuple(SEASONS), 45, 10),
    _ago: (tuple(TIMEX_WORDS.ago_word), 45, 2),
    _duration: (tuple(_UNIT_WORDS), 44, 2), _bare_plural: (tuple(_UNIT_WORDS), 20, 2),
    _clock: (("#digit", "noon", "midday", "midnight"), 2, 30),
    _vague: (tuple(TIMEX_WORDS.vague_trigger), 14, 12),
    _set: (("every", "each", "times") + tuple(CALENDAR.set_adverbs) + tuple(TIMEX_WORDS.frequency_word), 20, 30),
    _narrative_day: (("day",), 22, 12), _the_weekend: (("weekend",), 12, 2),
    _range_start: (tuple(_UNIT_WORDS), 30, 2),
}
_RULE_INDEX = {fn: i for i, (_, fn, _) in enumerate(_RULES)}


def _build_trigger_index():
    index: dict[str, list[int]] = {}
    digit_rules: list[int] = []
    holiday_first = {re.split(r"[\s']", h)[0].lower().rstrip(".") for h in CALENDAR.holidays}
    for fn, (words, _, _) in _TRIGGER_SPEC.items():
        i = _RULE_INDEX[fn]
        if isinstance(words, str):
            words = (words,)
        for w in words:
            if w == "#digit":
                digit_rules.append(i)
            elif w == "#holiday":
                for h in holiday_first:
                    index.setdefault(h, []).append(i)
            else:
                index.setdefault(w, []).append(i)
    margins = [(0, 0)] * len(_RULES)
    for fn, (_, back, fwd) in _TRIGGER_SPEC.items():
        margins[_RULE_INDEX[fn]] = (back, fwd)
    return index, digit_rules, margins


def _trie_pattern(words) -> str:
    """A regex alternation shaped as a trie: one character test per step instead of one
    attempt per word at every position (Python's re does not factor alternations)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        alts = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if optional:
            return "(?:" + body + ")?" if len(alts) > 1 else "(?:" + body + ")?"
        return body
    return emit(trie)


_TRIGGER_INDEX, _DIGIT_RULES, _MARGINS = _build_trigger_index()
_WORD = re.compile(r"\b(?:\d\w*|(?:" + _trie_pattern(_TRIGGER_INDEX) + r")\b)")  # on lowercased text


_SPACE = re.compile(r"\s|$")


def _windows(text: str) -> dict[int, list[tuple[int, int]]]:
    """rule index -> merged character windows around its trigger words."""
    per_rule: dict[int, list[tuple[int, int]]] = {}
    index, digit_rules, margins = _TRIGGER_INDEX, _DIGIT_RULES, _MARGINS
    for m in _WORD.finditer(text.lower()):
        word = m.group()
        rules = digit_rules if word[0].isdigit() else index.get(word)
        if not rules:  # a trigger that is only a prefix of a longer word
            continue
        start, end = m.span()
        for i in rules:
            back, fwd = margins[i]
            spans = per_rule.get(i)
            lo, hi = max(0, start - back), end + fwd
            if spans is None:
                per_rule[i] = [[lo, hi]]
            elif lo <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], hi)
            else:
                spans.append([lo, hi])
    # lookbehinds see the text before a window, lookaheads do not see past its end:
    # so only the end is moved to the next whitespace
    out = {}
    for i, spans in per_rule.items():
        out[i] = [(lo, _SPACE.search(text, min(hi, len(text))).start()) for lo, hi in spans]
    return out


def find_times(text: str, ref: Optional[Reference], sdoc=None,
               sentences: Optional[list[tuple[int, int]]] = None) -> list[Time]:
    """All time expressions in ``text``, normalised against ``ref`` (may be None)."""
    if not text or not text.strip():
        return []
    ctx = _Context(text, ref, sdoc)
    found: list[_Found] = []
    seen: set[tuple[int, int, int]] = set()
    for i, windows in _windows(text).items():
        pattern, handler, priority = _RULES[i]
        for lo, hi in windows:
            for m in pattern.finditer(text, lo, hi):
                key = (i, m.start(), m.end())
                if key in seen:
                    continue
                seen.add(key)
                try:
                    result = handler(m, ctx)
                except (ValueError, KeyError, OverflowError, IndexError):
                    result = None
                if result is None:
                    continue
                for item in (result if isinstance(result, list) else [result]):
                    if item.end > item.start:
                        item.priority = priority
                        found.append(item)
    chosen = _select(found, len(text))
    return _finalise(chosen, ctx, sentences)


def _select(found: list[_Found], length: int) -> list[_Found]:
    """Longest match first (ties: higher rule priority), no overlaps, in text order."""
    found.sort(key=lambda f: (-(f.end - f.start), -f.priority, f.start))
    taken: list[_Found] = []
    occupied = bytearray(length + 1)
    for f in found:
        if any(occupied[f.start:f.end]):
            continue
        taken.append(f)
        occupied[f.start:f.end] = b"\x01" * (f.end - f.start)
    taken.sort(key=lambda f: f.start)
    return taken


_YEAR_VALUE = re.compile(r"(\d{4})(?:-(\d{2}))?")


def _finalise(chosen: list[_Found], ctx: _Context, sentences) -> list[Time]:
    anchor = ctx.ref.date if ctx.ref else None
    period = (ctx.ref.date, 0) if ctx.ref else None
    out: list[Time] = []
    dated_sentence: dict[int, str] = {}
    for f in chosen:
        if f.date is not None and sentences:
            idx = _sentence_index(sentences, f.start)
            dated_sentence.setdefault(idx, f.date.isoformat())
    for f in chosen:
        value, type_, granularity = f.value, f.type, f.granularity
        if callable(value):
            try:
                if f.clock:
                    sentence_date = dated_sentence.get(_sentence_index(sentences, f.start)) if sentences else None
                    value = value(anchor, sentence_date)
                else:
                    value = value(period if f.anchor_kind == "period" else anchor)
            except (ValueError, OverflowError):  # an anchor at the edge of the calendar
                value = None
            if isinstance(value, tuple):
                value, type_, granularity = value
        if f.date is not None:
            anchor = f.date
            period = (f.date, 0)
        elif value and type_ == "DATE":
            m = _YEAR_VALUE.fullmatch(value)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                anchor = dt.date.fromisoformat(value)
                period = (anchor, 0)
            elif m and 1 <= int(m.group(2) or 1) <= 12 and int(m.group(1)) >= 1:
                period = (dt.date(int(m.group(1)), int(m.group(2) or 1), 1), 1 if m.group(2) else 2)
        granularity = granularity or _granularity_of(value, type_)
        out.append(Time(span=(f.start, f.end), text=ctx.text[f.start:f.end], value=value,
                        granularity=granularity, type=type_, mod=f.mod))
    return out


def _sentence_index(sentences, offset: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = sentences[mid]
        if offset < s:
            hi = mid - 1
        elif offset >= e:
            lo = mid + 1
        else:
            return mid
    return -1 - lo


_DATELINE_CHARS = 300


_DATELINE_TAIL = re.compile(r"\s*(?:\(|-|\u2013|\u2014|$)")
#: what may precede the date on a dateline: a place in capitals ("KYIV, "), a label
#: ("Updated", "Published on"), a weekday -- never running prose ("In the", "On")
_DATELINE_LEAD = re.compile(
    r"^\W*(?:[A-Z][A-Z .'\-]{1,40}(?:\([^)]{0,30}\))?\s*[,:\-\u2013\u2014]?\s*)?"
    r"(?:(?:updated|published|posted|last\s+updated|first\s+published)(?:\s+on)?\s*:?\s*)?"
    r"(?:" + _WEEKDAY_FULL + r",?\s*)?$", re.IGNORECASE)


def dateline_reference(text: str) -> Optional[Reference]:
    """A full date written as a dateline in the first lines: alone on a short line
    ("March 01, 2008") or right before "(" / a dash ("KYIV, Jan 3, 2026 (Reuters) -"),
    with nothing but a place or a label before it on its line."""
    head = text[:_DATELINE_CHARS]
    for t in find_times(head, None):
        if not (t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)):
            continue
        line_start = head.rfind("\n", 0, t.span[0]) + 1
        line_end = head.find("\n", t.span[1])
        line = head[line_start:line_end if line_end >= 0 else len(head)].strip()
        before = head[line_start:t.span[0]]
        if not _DATELINE_LEAD.match(before):
            continue  # "In the Dec. 2, 2013, briefing ...": a date in a sentence
        if len(line) <= 60 or (len(before) <= 40 and _DATELINE_TAIL.match(head, t.span[1])):
            return Reference(dt.date.fromisoformat(t.value))
    return None


# --------------------------------------------------------------------------------------
# publication date inferred from the text

@dataclass(frozen=True)
class InferredDate:
    """A publication date worked out from the text, at the granularity the evidence
    supports, with what it rests on (for ``article.meta['date_source']``)."""
    value: str  # 2019-01-23 | 2019-01
    granularity: str  # day | month
    evidence: str
    span: Optional[tuple[int, int]] = None  # the words it was read from, if any


_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2]|[a-z]{3})(?:[/-]?(0[1-9]|[12]\d|3[01]))?(?=[/_.-])",
                       re.IGNORECASE)
#: months as URL paths abbreviate them ("/2017/mar/16/")
_URL_MONTHS = {word: month for word, month in MONTHS.items() if len(word) == 3}
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
#: words before a date that place it ahead of the writing ("due by March 3, 2020")
_AHEAD_SIGNALS = _FUTURE_SIGNALS | {"by", "before", "from"}


def url_date(url: Optional[str]) -> Optional[InferredDate]:
    """The date an article's URL path carries ("/2019/01/23/", "/2013/0923/", "/2017/mar/16/")."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE)
    for m in _URL_DATE.finditer(path):
        year, month, day = m.group(1), m.group(2).lower(), m.group(3)
        month_num = _URL_MONTHS.get(month) if month.isalpha() else int(month)
        if month_num is None:
            continue
        if day and _safe_date(int(year), month_num, int(day)):
            return InferredDate(f"{year}-{month_num:02d}-{int(day):02d}", "day", f"the date in the URL ({m.group(0)})")
        if not day:
            return InferredDate(f"{year}-{month_num:02d}", "month", f"the year and month in the URL ({m.group(0)})")
    return None


def latest_written_date(text: str) -> Optional[InferredDate]:
    """The latest date written in full (day, month and year) in the text, leaving out
    dates that lie ahead ("scheduled for", "by", "until", future tense), dates that name
    an earlier happening or a starting point ("the Sept. 11, 2012 attacks", "since Jan.
    3"; ``named_date_lead`` in words.tsv) and dates of an earlier year than the latest
    year the text mentions (a date from the history section of an article that reports
    later news).

    Measured on allsides-intl articles with their date hidden: the latest full date is
    the publication day for ~30% of articles that have one and within a week before it
    for ~55%; the latest year or month mentioned alone is right for ~10% (background
    years dominate), so those give no publication date.
    """
    ctx = _Context(text, None)
    days: list[Time] = []
    latest_year = 0
    for t in find_times(text, None):
        if not t.value or t.type not in ("DATE", "TIME") or not t.value[:4].isdigit():
            continue
        before = ctx.prev_word(t.span[0]).lower()
        if before in _AHEAD_SIGNALS or ctx._tense_text(t.span[0]) > 0:
            continue
        if before in TIMEX_WORDS.named_date_lead and not _current_of(ctx, t):
            continue  # "the Sept. 11, 2012 attacks": the date names a past happening
        if not _WRITTEN_YEAR.search(t.text):
            continue  # "the day after", "June 6": worked out, not written
        latest_year = max(latest_year, int(t.value[:4]))
        if _FULL_DAY.match(t.value):
            days.append(t)
    days = [t for t in days if int(t.value[:4]) == latest_year]
    if not days:
        return None
    best = max(days, key=lambda t: (t.value[:10], t.span[0]))
    return InferredDate(best.value[:10], "day", f"the latest date written in full in the text ({best.text})",
                        best.span)


_WORD_BEFORE_OF = re.compile(r"(\w+)\s+of\s*$")


def _current_of(ctx: "_Context", t: Time) -> bool:
    """"As of March 5, 2019": a date after "of" that is a day of the story, not the name
    of a happening ("the attacks of", "on the night of" an old attack)."""
    m = _WORD_BEFORE_OF.search(ctx.text, max(0, t.span[0] - 40), t.span[0])
    return m is not None and m.group(1).lower() in TIMEX_WORDS.current_date_lead


_VAGUE_AGO = re.compile(r"(?:" + _VAGUE + r")\s+(?P<unit>" + _UNIT + r")\s+(?:ago|earlier)", re.IGNORECASE)


def vague_past_reach(time: Time) -> Optional[str]:
    """How far back a vague "ago" expression reaches, as a TIMEX duration with an
    unknown count: "a few weeks ago" -> "PXW", "several months earlier" -> "PXM". Its own
    value stays PAST_REF (TimeML); the reach tells an act of weeks or months before the
    report from one of the last few days ("a few days ago" -> "PXD"). None for anything else."""
    if time.value != "PAST_REF":
        return None
    m = _VAGUE_AGO.fullmatch(time.text.strip())
    if m is None:
        return None
    unit = UNITS.get(_unit_key(m.group("unit")))
    if unit is None or unit.time:
        return None
    return f"PX{unit.letter}"


def infer_publication_date(text: str, url: Optional[str] = None) -> Optional[InferredDate]:
    """The publication date of an article that carries none, from the strongest evidence
    there is: a dateline at the top, the date in its URL, the latest date written in full
    in the text. None when the text gives nothing better than background years.

    Weaker evidence was measured on the DEV half of allsides-pubdate and left out: the
    latest year or month written alone names the publication year for ~8% of the
    articles without a full date; a day written with its weekday but no year ("Wednesday,
    Jan. 23"), placed in the first matching year from the latest year written, raised
    coverage 0.139 -> 0.153 but was the publication day for ~1 in 25 (day accuracy
    0.297 -> 0.273). Articles whose text names only weekdays and background years (the
    BBC pages of allsides-dev) honestly get no date."""
    ref = dateline_reference(text or "")
    if ref is not None:
        return InferredDate(ref.date.isoformat(), "day", "a dateline at the top of the text")
    found = url_date(url)
    if found is not None:
        return found
    return latest_written_date(text or "")


def run(doc: Document, kb) -> Document:
    """Fill ``doc.times`` (kb is unused: the timex lexicon is loaded with this module).

    Without ``published``, a full date in the first 300 characters (a dateline) is the
    reference; without either, relative expressions stay underspecified (see module doc).
    When ``published`` was inferred (``article.published_inferred``), every value that
    rests on it -- "on Tuesday", "yesterday", "March 3" without a year -- is marked
    ``Time.inferred``: it was worked out, not read.
    """
    text = doc.article.text or ""
    ref = parse_reference(doc.article.published) or dateline_reference(text)
    doc.times = find_times(text, ref, doc.nlp, doc.sentences or None)
    if ref is not None and doc.article.published_inferred:
        mark_inferred(doc.times, find_times(text, None, doc.nlp, doc.sentences or None))
    return doc


def mark_inferred(times: list[Time], unanchored: list[Time]) -> None:
    """Mark the times whose value needs the reference date: without it their value is
    missing or underspecified."""
    read = {t.span: t.value for t in unanchored}
    for t in times:
        if not t.value:
            continue
        alone = read.get(t.span)
        if alone != t.value:
            t.inferred = True


_CALENDAR_VALUE = re.compile(r"\d{2,4}(?:-(?:\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI)(?:-\d{2}|-WE|-\d)?)?(?:T.*)?")


def is_calendar_time(time: Time) -> bool:
    """True when a Time names a placeable point or period (2026-01-03, 2025-W52, 2025, 199),
    not a duration, a set, PAST_REF/PRESENT_REF/FUTURE_REF or an underspecified XXXX value:
    the ones a timeline or an event date can use."""
    return (time.type in ("DATE", "TIME") and bool(time.value)
            and _CALENDAR_VALUE.fullmatch(time.value) is not None)


@functools.lru_cache(maxsize=4096)
def _normalise_cached(text: str, ref: Optional[Reference]) -> Optional[str]:
    times = find_times(text, ref)
    if not times:
        return None
    dated = [t for t in times if t.value and t.type in ("DATE", "TIME") and not t.value.endswith("_REF")]
    if not dated:
        return None
    best = max(dated, key=lambda t: t.span[1] - t.span[0])
    # a dateline often gives the clock time separately: "Jan 3, 2026 12:12 GMT"
    if best.granularity == "day":
        for t in times:
            if t.type == "TIME" and t.value and t.span[0] >= best.span[1] and "T" in t.value:
                return f"{best.value}T{t.value.split('T', 1)[1]}"
    return best.value


def normalise_date_text(text: str, reference: Union[str, dt.date, dt.datetime, None] = None) -> Optional[str]:
    """The TIMEX3 value of the main date in a short text (a dateline, a date field).

    ``normalise_date_text("Saturday", "2026-01-03")`` -> "2026-01-03";
    ``normalise_date_text("Jan 3, 2026 12:12 GMT")`` -> "2026-01-03T12:12". None if no date.
    """
    if not text or not text.strip():
        return None
    return _normalise_cached(text.strip()[:500], parse_reference(reference))
