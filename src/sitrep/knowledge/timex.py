"""Lexicon and calendar arithmetic for TIMEX3-style time expressions.

Everything here is plain data and pure functions so the times stage can build its
regular expressions once per process (``load_timex_lexicon`` is cached). Values follow
the TimeML/TIMEX3 conventions used by TempEval-3 and MEANTIME: 2026-01-03, 2025-W52,
2025-12, 2025-Q4, 2025-SU, 199 (a decade), 19 (a century), P3D, PT2H, PXY, PRESENT_REF.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

#: ISO weekday numbers (Monday = 1), as TIMEX3 writes them in XXXX-WXX-N
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
    "half a": 0.5, "half an": 0.5, "a half": 0.5, "single": 1,
}

#: quantities that TimeML leaves unspecified (the X in PXD)
VAGUE_NUMBERS = ("a few", "few", "several", "some", "many", "a number of", "numerous",
                 "a couple of", "the past few", "recent")

ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": -1,
}

#: unit word -> (TIMEX3 duration letter, needs the T time designator, granularity)
UNITS = {
    "second": ("S", True, "second"), "minute": ("M", True, "minute"), "hour": ("H", True, "hour"),
    "day": ("D", False, "day"), "night": ("D", False, "day"), "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"), "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"), "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"), "century": ("CE", False, "century"),
}
UNIT_MULTIPLIER = {"fortnight": 2}
#: TempEval-3 and MEANTIME gold write a decade as P10Y, a century as P100Y
UNIT_AS_YEARS = {"decade": 10, "century": 100}

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
#: the month a season starts in (northern hemisphere), to place "last summer" in a year
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "midday": "MI", "noon": "MI", "tonight": "NI", "dawn": "MO", "dusk": "EV",
}

#: fixed-date holidays: name -> (month, day)
FIXED_HOLIDAYS = {
    "new year's eve": (12, 31), "new years eve": (12, 31),
    "new year's day": (1, 1), "new years day": (1, 1), "new year's": (1, 1),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "xmas": (12, 25), "boxing day": (12, 26), "valentine's day": (2, 14),
    "halloween": (10, 31), "independence day": (7, 4), "bastille day": (7, 14),
    "st patrick's day": (3, 17), "st. patrick's day": (3, 17), "saint patrick's day": (3, 17),
    "may day": (5, 1), "armistice day": (11, 11), "veterans day": (11, 11),
    "veterans' day": (11, 11), "remembrance day": (11, 11), "guy fawkes night": (11, 5),
    "all saints' day": (11, 1), "international women's day": (3, 8),
}


def easter(year: int) -> dt.date:
    """Western (Gregorian) Easter Sunday, anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th ISO weekday (1=Monday) of a month; n=-1 is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        shift = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=shift + 7 * (n - 1))
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


#: movable holidays: name -> function year -> date
MOVABLE_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "easter": easter, "easter sunday": easter,
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "palm sunday": lambda y: easter(y) - dt.timedelta(days=7),
    "ash wednesday": lambda y: easter(y) - dt.timedelta(days=46),
    "pentecost": lambda y: easter(y) + dt.timedelta(days=49),
    "thanksgiving": lambda y: nth_weekday(y, 11, 4, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 4, 4),
    "black friday": lambda y: nth_weekday(y, 11, 4, 4) + dt.timedelta(days=1),
    "memorial day": lambda y: nth_weekday(y, 5, 1, -1),
    "labor day": lambda y: nth_weekday(y, 9, 1, 1),
    "labour day": lambda y: nth_weekday(y, 9, 1, 1),
    "martin luther king day": lambda y: nth_weekday(y, 1, 1, 3),
    "martin luther king jr. day": lambda y: nth_weekday(y, 1, 1, 3),
    "mlk day": lambda y: nth_weekday(y, 1, 1, 3),
    "presidents' day": lambda y: nth_weekday(y, 2, 1, 3),
    "presidents day": lambda y: nth_weekday(y, 2, 1, 3),
    "election day": lambda y: nth_weekday(y, 11, 1, 1) + dt.timedelta(days=1),
    "mother's day": lambda y: nth_weekday(y, 5, 7, 2),
    "father's day": lambda y: nth_weekday(y, 6, 7, 3),
}


def holiday_date(name: str, year: int) -> Optional[dt.date]:
    key = name.lower().replace("\u2019", "'")
    if key in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[key]
        return dt.date(year, month, day)
    fn = MOVABLE_HOLIDAYS.get(key)
    return fn(year) if fn else None


def iso_week(day: dt.date) -> str:
    """TIMEX3 week value; the ISO week-year differs from the calendar year near 1 January."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class TimexLexicon:
    """Word lists the times stage turns into regular expressions."""
    months: dict[str, int] = field(default_factory=lambda: dict(MONTHS))
    weekdays: dict[str, int] = field(default_factory=lambda: dict(WEEKDAYS))
    numbers: dict[str, float] = field(default_factory=lambda: dict(NUMBER_WORDS))
    units: dict[str, tuple] = field(default_factory=lambda: dict(UNITS))
    seasons: dict[str, str] = field(default_factory=lambda: dict(SEASONS))
    parts_of_day: dict[str, str] = field(default_factory=lambda: dict(PARTS_OF_DAY))
    holidays: tuple[str, ...] = field(
        default_factory=lambda: tuple(sorted(set(FIXED_HOLIDAYS) | set(MOVABLE_HOLIDAYS),
                                             key=len, reverse=True)))


@functools.lru_cache(maxsize=1)
def load_timex_lexicon() -> TimexLexicon:
    return TimexLexicon()


TIMEX_DATA = Path(__file__).parent / "data" / "timex"


@dataclass(frozen=True)
class TimexWords:
    """The named word sets the times stage consults (``knowledge/data/timex/words.tsv``)."""
    schedule_verb: frozenset[str]  # a date after these lies ahead ("scheduled for June 3")
    plan_verb: frozenset[str]  # an infinitive under these looks ahead ("plans to meet on Friday")
    not_ahead_infinitive: frozenset[str]  # "is to blame for the attack on Monday": not ahead
    future_signal: frozenset[str]  # a date after these lies ahead ("postponed until Saturday")
    month_context: frozenset[str]  # before a bare month name, make it a month ("in May")
    not_after_year: frozenset[str]  # a number followed by these is a count ("2000 troops")
    not_before_year: frozenset[str]  # a number after these is a count or a name, not a year


@functools.lru_cache(maxsize=1)
def load_timex_words(path: Optional[Path] = None) -> TimexWords:
    """The timex word sets, read by the shared ``set<TAB>word`` reader
    (:func:`sitrep.knowledge.tables.word_sets_as`): a set missing from the file, or one
    the dataclass does not name, is an error."""
    from sitrep.knowledge.tables import word_sets_as

    return word_sets_as(TimexWords, path or TIMEX_DATA / "words.tsv")
