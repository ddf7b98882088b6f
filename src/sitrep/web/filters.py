"""The filters every page and API endpoint shares: the CLI's (``about``, ``since``,
``until``, ``actor``, ``type``, ``certainty``, ``min_sources``) and the dashboard's own
(``country``, ``place``, ``outlet``, ``contested``, ``q`` free text), with sorting and
pagination. Parsed once from the query string; a bad value is a 400 with a sentence
saying what is accepted, never a database error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, Mapping, Optional
from urllib.parse import urlencode

from sitrep.corpus.queries import parse_day
from sitrep.errors import SitrepError
from sitrep.model import CERTAINTY_STATUSES, PLOVER_TYPES

MAX_PER_PAGE = 200
DEFAULT_PER_PAGE = 50
MAX_TEXT = 200

#: incident list orderings: name -> SQL (whitelisted; the query string never reaches SQL)
INCIDENT_SORTS = {
    "sources": "i.n_sources DESC, i.n_articles DESC, i.date_start DESC NULLS LAST, i.incident_id",
    "date": "i.date_start DESC NULLS LAST, i.n_sources DESC, i.incident_id",
    "-date": "i.date_start ASC NULLS LAST, i.n_sources DESC, i.incident_id",
    "articles": "i.n_articles DESC, i.n_sources DESC, i.incident_id",
    "type": "i.type, i.n_sources DESC, i.incident_id",
    "reported": "i.latest_reported DESC NULLS LAST, i.incident_id",
}
EVENT_SORTS = {
    "date": "e.event_date DESC NULLS LAST, e.event_id",
    "-date": "e.event_date ASC NULLS LAST, e.event_id",
    "type": "e.type, e.event_date DESC NULLS LAST, e.event_id",
    "outlet": "e.outlet NULLS LAST, e.event_date DESC NULLS LAST, e.event_id",
}
#: how the Overview's daily series is grouped (``group=``); the first is the default
GROUPS = ("quad", "type")


class BadFilter(SitrepError):
    """A query parameter the dashboard cannot use; the message says what it accepts."""


@dataclass(frozen=True)
class Filters:
    about: Optional[str] = None
    since: Optional[date] = None
    until: Optional[date] = None
    actor: Optional[str] = None
    country: Optional[str] = None
    type: Optional[str] = None
    certainty: Optional[str] = None
    contested: Optional[bool] = None
    place: Optional[str] = None
    outlet: Optional[str] = None
    q: Optional[str] = None
    min_sources: int = 1
    #: also list incidents made only of history or habitual mentions (as `sitrep incidents --background`)
    background: bool = False
    sort: str = "sources"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    # -- parsing -----------------------------------------------------------------------------
    @classmethod
    def parse(cls, params: Mapping[str, str], sorts: Mapping[str, str] = INCIDENT_SORTS) -> "Filters":
        """Filters from query parameters; empty values mean "not filtered"."""
        known = {f.name for f in fields(cls)}
        raw = {k: v.strip() for k, v in params.items() if k in known and v is not None and v.strip()}
        since, until = _day(raw.get("since"), "since"), _day(raw.get("until"), "until")
        if since and until and since > until:
            raise BadFilter(f"since ({since}) is after until ({until}); swap them")
        sort = raw.get("sort") or next(iter(sorts))
        if sort not in sorts:
            raise BadFilter(f"sort={sort!r} is not one of {', '.join(sorts)}")
        return cls(
            about=_text(raw.get("about")), since=since, until=until, actor=_text(raw.get("actor")),
            country=_text(raw.get("country")), type=_event_type(raw.get("type")),
            certainty=_certainty(raw.get("certainty")), contested=_flag(raw.get("contested"), "contested"),
            place=_text(raw.get("place")), outlet=_text(raw.get("outlet")), q=_text(raw.get("q")),
            min_sources=_int(raw.get("min_sources"), "min_sources", 1, 1, 10_000),
            background=bool(_flag(raw.get("background"), "background")), sort=sort,
            page=_int(raw.get("page"), "page", 1, 1, 1_000_000),
            per_page=_int(raw.get("per_page"), "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE))

    # -- writing back ------------------------------------------------------------------------
    def params(self, **overrides: Any) -> dict[str, str]:
        """The non-default filters as query parameters (for links that keep the filter)."""
        # plain attribute reads: asdict() deep-copies every field, and pages build one link
        # per row (a third of a list page's render time went there)
        unknown = set(overrides) - _NAMES
        if unknown:
            raise TypeError(f"not a filter: {', '.join(sorted(unknown))}")
        out = {}
        for name, default in _DEFAULTS:
            value = overrides[name] if name in overrides else getattr(self, name)
            if value is None or value == default:
                continue
            out[name] = ("yes" if value else "no") if isinstance(value, bool) else str(value)
        return out

    def query(self, **overrides: Any) -> str:
        """``?a=b&...`` (or "") for a link keeping the current filter."""
        q = urlencode(self.params(**overrides))
        return f"?{q}" if q else ""

    def without_paging(self) -> "Filters":
        return replace(self, page=1)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def active(self) -> bool:
        """Any row filter set (sorting and paging aside)."""
        return bool(self.params(sort=Filters.sort, page=1, per_page=DEFAULT_PER_PAGE))


#: each filter's name and default value, in declaration order (Filters.params)
_DEFAULTS = tuple((f.name, f.default) for f in fields(Filters))
_NAMES = frozenset(name for name, _ in _DEFAULTS)


def choice(value: Optional[str], name: str, allowed: tuple[str, ...]) -> str:
    """One of ``allowed`` (the first when the parameter is absent or empty); anything
    else is a 400 naming the parameter, not silently the default."""
    if not value or not value.strip():
        return allowed[0]
    v = value.strip().lower()
    if v not in allowed:
        raise BadFilter(f"{name}={value[:40]!r} is not one of {', '.join(allowed)}")
    return v


def yes_no(value: Optional[str], name: str, default: bool) -> bool:
    """``yes``/``no`` (and their spellings that ``_flag`` takes); absent or empty: ``default``."""
    flag = _flag(value.strip() if value else None, name)
    return default if flag is None else flag


def single_values(items: list[tuple[str, str]]) -> None:
    """Refuse a parameter given twice (``type=ASSAULT&type=PROTEST``): only one of the
    values would be used, and the answer would look filtered by both."""
    seen: set[str] = set()
    for name, _value in items:
        if name in seen:
            raise BadFilter(f"{name[:40]!r} is given more than once; give each parameter once")
        seen.add(name)


def known_names(items: list[tuple[str, str]], accepted: frozenset[str], where: str) -> None:
    """Refuse a parameter the endpoint does not take (``typ=ASSAULT``): ignoring it would
    answer with every row, and the caller would read it as the filtered answer."""
    unknown = sorted({name for name, _value in items} - accepted)
    if unknown:
        shown = ", ".join(repr(name[:40]) for name in unknown[:3])
        raise BadFilter(f"{where} does not take {shown}; it takes: {', '.join(sorted(accepted)) or 'no parameters'}")


def _text(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value)
    if len(value) > MAX_TEXT:
        raise BadFilter(f"a filter value is longer than {MAX_TEXT} characters")
    return value


#: the one date form the filters take (date.fromisoformat also reads 20250101 and
#: 2025-W01-1, and str.isdigit passes other scripts' digits)


def _day(value: Optional[str], name: str) -> Optional[date]:
    """The CLI's reading of a day (queries.parse_day), so ``since=2012`` means what
    ``--since 2012`` means: a year or a month stands for its first day as a lower bound
    and its last day as an upper bound."""
    if not value:
        return None
    try:
        return parse_day(value[:40], name)
    except SitrepError:
        raise BadFilter(f"{name}={value[:40]!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY") from None


def _event_type(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    t = value.upper()
    if t not in PLOVER_TYPES:
        raise BadFilter(f"type={value[:40]!r} is not a PLOVER type; one of {', '.join(PLOVER_TYPES)}")
    return t


def _certainty(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    c = value.lower()
    if c not in CERTAINTY_STATUSES:
        raise BadFilter(f"certainty={value[:40]!r} is not a status; one of {', '.join(CERTAINTY_STATUSES)}")
    return c


def _flag(value: Optional[str], name: str) -> Optional[bool]:
    if not value or value.lower() in ("any", "all"):
        return None
    v = value.lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off"):
        return False
    raise BadFilter(f"{name}={value[:40]!r}: use yes or no")


def _int(value: Optional[str], name: str, default: int, low: int, high: int) -> int:
    if not value:
        return default
    try:
        if not value.isascii():  # int() also reads other scripts' digits
            raise ValueError(value)
        n = int(value)
    except ValueError:
        raise BadFilter(f"{name}={value[:40]!r} is not a whole number") from None
    if not low <= n <= high:
        raise BadFilter(f"{name}={n} is out of range; use {low} to {high}")
    return n
