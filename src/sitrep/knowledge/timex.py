"""Lexicon and calendar arithmetic for TIMEX3-style time expressions.

The words live in ``knowledge/data/timex/*.tsv``: the calendar tables (months, weekdays,
numbers, ordinals, units, seasons, parts of the day, holidays, modifiers, frequency
adverbs, relative words, deictic days) read by :func:`load_calendar`, and the named word
sets of ``words.tsv`` read by :func:`load_timex_words`; both are cached, so the times
stage builds its regular expressions once per process. Values follow
the TimeML/TIMEX3 conventions used by TempEval-3 and MEANTIME: 2026-01-03, 2025-W52,
2025-12, 2025-Q4, 2025-SU, 199 (a decade), 19 (a century), P3D, PT2H, PXY, PRESENT_REF.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sitrep.knowledge.tables import tsv_records


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


def holiday_date(name: str, year: int) -> Optional[dt.date]:
    """The date of a named holiday in a year (``holidays.tsv``); None for an unknown name."""
    rule = load_calendar().holidays.get(name.lower().replace("\u2019", "'"))
    return _apply_holiday_rule(rule, year) if rule else None


_FIXED_RULE = re.compile(r"(\d{2})-(\d{2})")
_EASTER_RULE = re.compile(r"easter([+-]\d+)")
_NTH_RULE = re.compile(r"nth:(\d+):([1-7]):(-?\d)(?:\+(\d+))?")


def _apply_holiday_rule(rule: str, year: int) -> dt.date:
    if m := _FIXED_RULE.fullmatch(rule):
        return dt.date(year, int(m.group(1)), int(m.group(2)))
    if m := _EASTER_RULE.fullmatch(rule):
        return easter(year) + dt.timedelta(days=int(m.group(1)))
    m = _NTH_RULE.fullmatch(rule)
    day = nth_weekday(year, int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return day + dt.timedelta(days=int(m.group(4) or 0))


def _check_holiday_rule(name: str, rule: str) -> str:
    if not (_FIXED_RULE.fullmatch(rule) or _EASTER_RULE.fullmatch(rule) or _NTH_RULE.fullmatch(rule)):
        raise ValueError(f"holidays.tsv: {name!r} has the rule {rule!r}; write MM-DD, easter+N "
                         "or nth:MONTH:WEEKDAY:N[+DAYS]")
    return rule


def iso_week(day: dt.date) -> str:
    """TIMEX3 week value; the ISO week-year differs from the calendar year near 1 January."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


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
    future_aux: frozenset[str]  # "will meet", "is going to meet": ahead
    modal_aux: frozenset[str]  # "could meet": ahead, unless "to" follows
    present_be: frozenset[str]  # "is meeting": ahead
    past_be: frozenset[str]  # "was meeting": past
    present_schedule_verb: frozenset[str]  # "is due on Monday": ahead
    future_phrase: frozenset[str]  # without a parse: words of a future near the expression
    past_word: frozenset[str]  # without a parse: words of a past near the expression
    year_determiner: frozenset[str]  # "its 2015 elections": a year before a plural noun
    decade_lead: frozenset[str]  # a bare "90s" is a decade after these
    not_after_part: frozenset[str]  # "the first half of the match": no quarter
    season_lead: frozenset[str]  # "in summer": a bare season is a date after these
    ambiguous_season: frozenset[str]  # "fall": also a verb
    ambiguous_season_lead: frozenset[str]  # "in fall": an ambiguous season alone after these
    rate_word: frozenset[str]  # "twice a week", "$5 a month": a set, not a duration
    duration_determiner: frozenset[str]  # "the past three weeks"
    duration_adjective: frozenset[str]  # "three straight days"
    plural_lead: frozenset[str]  # "for years": a bare plural unit is a duration
    the_plural_lead: frozenset[str]  # "over the years"
    plural_not_before: frozenset[str]  # "years ago", "years old": not a bare duration
    clock_prep: frozenset[str]  # "at 15:00": a bare clock time after these
    timezone: frozenset[str]  # "15:00 GMT"
    utc_zone: frozenset[str]  # zones written Z in a value
    frequency_word: frozenset[str]  # "twice a week"
    clause_start: frozenset[str]  # "the day we met": a clause, no date
    day_frame_word: frozenset[str]  # "ended the day higher": the story's day
    vague_number: frozenset[str]  # "a few days": PXD
    vague_trigger: frozenset[str]  # words that wake the PRESENT/PAST/FUTURE_REF rule
    calendar_unit: frozenset[str]  # "last week", "this weekend"
    ago_word: frozenset[str]  # "two days ago", "a year later"
    ambiguous_unit: frozenset[str]  # "a second attack": a unit only in the plural
    named_date_lead: frozenset[str]  # "the Sept. 11, 2001 attacks": a date naming a past event
    current_date_lead: frozenset[str]  # "as of March 5": "of" leads a day of the story after all
    attributive_date_lead: frozenset[str]  # "the January 3 assassination": the nearest such day
    attributive_date_not_noun: frozenset[str]  # "the June 3 in Geneva": no noun after the day


@functools.lru_cache(maxsize=1)
def load_timex_words(path: Optional[Path] = None) -> TimexWords:
    """The timex word sets, read by the shared ``set<TAB>word`` reader
    (:func:`sitrep.knowledge.tables.word_sets_as`): a set missing from the file, or one
    the dataclass does not name, is an error."""
    from sitrep.knowledge.tables import word_sets_as

    return word_sets_as(TimexWords, path or TIMEX_DATA / "words.tsv")


@dataclass(frozen=True)
class Unit:
    """A time unit (``units.tsv``)."""
    letter: str  # the TIMEX3 duration letter: D in P3D
    time: bool  # needs the T designator (PT2H)
    granularity: str
    rank: int  # how precise an anchor it needs: 0 day or week, 1 month, 2 year
    count: bool  # counts a duration ("three days")
    plural: str
    multiplier: int  # a fortnight is 2 weeks
    years: int  # written in years by the gold sets (a decade P10Y); 0 when not
    bare: bool  # its plural alone is a vague duration ("for years")


@dataclass(frozen=True)
class Calendar:
    """The calendar words of ``knowledge/data/timex/*.tsv``, in the shapes the times
    stage builds its patterns from (each table's comment says what its columns mean)."""
    months: dict[str, int]  # every month word -> 1..12
    month_names: tuple[str, ...]  # full names, read alone ("in May")
    month_abbrs: tuple[str, ...]  # read before a day ("Jan. 3")
    month_abbrs_alone: tuple[str, ...]  # also read alone with a full stop ("Sept.")
    ambiguous_months: frozenset[str]  # "may", "march": also common words or names
    weekdays: dict[str, int]  # ISO numbers, Monday = 1
    weekday_names: tuple[str, ...]
    weekday_abbrs: tuple[str, ...]
    numbers: dict[str, float]
    number_articles: tuple[str, ...]  # "a", "an"
    number_ones: tuple[str, ...]  # combine after tens: "twenty-five"
    number_tens: tuple[str, ...]
    century_ordinals: dict[str, int]
    quarter_ordinals: dict[str, int]
    units: dict[str, Unit]
    seasons: dict[str, str]  # word -> TIMEX3 code
    season_start: dict[str, int]  # code -> the month it starts in
    parts_of_day: dict[str, str]  # word -> TIMEX3 code
    parts_after_day: tuple[str, ...]  # "Friday morning"
    parts_after_this: tuple[str, ...]  # "this morning", "last night", "every evening"
    holidays: dict[str, str]  # name -> rule (see holidays.tsv)
    approx_mods: dict[str, str]
    position_mods: dict[str, Optional[str]]
    set_adverbs: dict[str, tuple[str, int]]  # "quarterly" -> ("month", 3)
    relative_steps: dict[str, int]  # "last" -1, "this" 0, "next" 1
    days: dict[str, tuple[int, Optional[str]]]  # "yesterday" -> (-1, None), "tonight" -> (0, "NI")

    @property
    def holiday_names(self) -> tuple[str, ...]:
        """Holiday names, longest first (for an alternation)."""
        return tuple(sorted(self.holidays, key=len, reverse=True))


def _yes(cell: str) -> bool:
    if cell not in ("yes", "no"):
        raise ValueError(f"expected yes or no in a timex table, found {cell!r}")
    return cell == "yes"


def _number(cell: str) -> float:
    value = float(cell)
    return int(value) if value.is_integer() else value


@functools.lru_cache(maxsize=1)
def load_calendar(folder: Optional[Path] = None) -> Calendar:
    """Read the calendar tables once per process."""
    folder = folder or TIMEX_DATA

    def rows(name: str) -> list[dict[str, str]]:
        return tsv_records(folder / name)

    months, weekdays, numbers = rows("months.tsv"), rows("weekdays.tsv"), rows("numbers.tsv")
    ordinals, parts, modifiers = rows("ordinals.tsv"), rows("parts_of_day.tsv"), rows("modifiers.tsv")
    seasons = rows("seasons.tsv")
    return Calendar(
        months={r["word"]: int(r["month"]) for r in months},
        month_names=tuple(r["word"] for r in months if r["form"] == "name"),
        month_abbrs=tuple(r["word"] for r in months if r["form"] in ("abbr", "abbr_alone")),
        month_abbrs_alone=tuple(r["word"] for r in months if r["form"] == "abbr_alone"),
        ambiguous_months=frozenset(r["word"] for r in months if _yes(r["ambiguous"])),
        weekdays={r["word"]: int(r["weekday"]) for r in weekdays},
        weekday_names=tuple(r["word"] for r in weekdays if r["form"] == "name"),
        weekday_abbrs=tuple(r["word"] for r in weekdays if r["form"] == "abbr"),
        numbers={r["word"]: _number(r["value"]) for r in numbers},
        number_articles=tuple(r["word"] for r in numbers if r["kind"] == "article"),
        number_ones=tuple(r["word"] for r in numbers if r["kind"] == "ones"),
        number_tens=tuple(r["word"] for r in numbers if r["kind"] == "tens"),
        century_ordinals={r["word"]: int(r["n"]) for r in ordinals if _yes(r["century"])},
        quarter_ordinals={r["word"]: int(r["n"]) for r in ordinals if _yes(r["quarter"])},
        units={r["unit"]: Unit(r["letter"], _yes(r["time"]), r["granularity"], int(r["rank"]), _yes(r["count"]),
                               r["plural"], int(r["multiplier"]), int(r["years"]), _yes(r["bare"])) for r in rows("units.tsv")},
        seasons={r["word"]: r["code"] for r in seasons},
        season_start={r["code"]: int(r["start_month"]) for r in seasons},
        parts_of_day={r["word"]: r["code"] for r in parts},
        parts_after_day=tuple(r["word"] for r in parts if _yes(r["after_day"])),
        parts_after_this=tuple(r["word"] for r in parts if _yes(r["this"])),
        holidays={r["name"]: _check_holiday_rule(r["name"], r["rule"]) for r in rows("holidays.tsv")},
        approx_mods={r["phrase"]: r["mod"] for r in modifiers if r["kind"] == "approx"},
        position_mods={r["phrase"]: None if r["mod"] == "-" else r["mod"]
                       for r in modifiers if r["kind"] == "position"},
        set_adverbs={r["word"]: (r["unit"], int(r["n"])) for r in rows("set_adverbs.tsv")},
        relative_steps={r["word"]: int(r["step"]) for r in rows("relative.tsv")},
        days={r["word"]: (int(r["offset"]), None if r["part"] == "-" else r["part"]) for r in rows("days.tsv")},
    )
