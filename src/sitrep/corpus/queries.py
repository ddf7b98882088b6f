"""Read queries over the store: events, incidents, skipped inputs, with the CLI's filters.

Each query is built once (``*_sql``) and read two ways: as typed rows (``event_rows``,
``incident_rows``, ``skipped_rows``, ``article_rows``; sitrep.corpus.rows) for the CLI and
the Python API, and as dicts (``events``, ``incidents``, ``skipped``, ``articles``) for the
brief. The filters are checked here, once, with messages that say what is allowed.
"""
from __future__ import annotations

import calendar
import functools
import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Optional, Union

from sitrep.corpus.rows import ArticleRow, EventRow, IncidentRow, MentionRow, SkipRow
from sitrep.errors import SitrepError
from sitrep.model import CERTAINTY_STATUSES, PLOVER_TYPES

# ASCII digits only: int() would read fullwidth or Arabic-Indic digits as a date
_DAY = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")


# -- the filters, checked ------------------------------------------------------------------

def parse_day(value: Union[str, date, None], bound: str = "since") -> Optional[date]:
    """A day from YYYY-MM-DD, YYYY-MM or YYYY: a month or a year stands for its first day
    as a lower bound (``since``) and its last day as an upper bound (``until``)."""
    if value is None or isinstance(value, date):
        return value
    m = _DAY.match(value.strip())
    if m:
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        try:
            if day is not None:
                return date(year, int(month), int(day))
            if month is not None:
                month = int(month)
                return date(year, month, 1 if bound == "since" else calendar.monthrange(year, month)[1])
            return date(year, 1, 1) if bound == "since" else date(year, 12, 31)
        except ValueError:
            pass
    raise SitrepError(f"--{bound} {value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2025-12-01)")


def check_type(event_type: Optional[str]) -> Optional[str]:
    if event_type is None:
        return None
    t = event_type.strip().upper()
    if t not in PLOVER_TYPES:
        raise SitrepError(f"--type {event_type!r} is not a PLOVER event type; use one of {', '.join(PLOVER_TYPES)}")
    return t


def check_certainty(status: Optional[str]) -> Optional[str]:
    if status is None:
        return None
    s = status.strip().lower()
    if s not in CERTAINTY_STATUSES:
        raise SitrepError(f"--certainty {status!r} is not a certainty status; use one of "
                          f"{', '.join(CERTAINTY_STATUSES)}")
    return s


#: the longest --about / --actor term (as the dashboard's filters, web/filters.py MAX_TEXT):
#: a name or a few words; a pasted paragraph is a mistake, not a subject
MAX_TERM = 200


def check_term(value: Optional[str], option: str) -> Optional[str]:
    """A search term (``--about``, ``--actor``): not empty or blank, at most MAX_TERM
    characters. Said before any query, by every command the option is on (``brief`` and
    ``incidents`` refused a blank --about, ``events`` listed every event)."""
    if value is None:
        return None
    term = value.strip()
    if not term:
        raise SitrepError(f"{option} is empty; give a country, actor or place name (e.g. {option} Venezuela), "
                          "or leave the option out")
    if len(term) > MAX_TERM:
        raise SitrepError(f"{option} is {len(term):,} characters long; give a name or a few words "
                          f"(at most {MAX_TERM} characters)")
    return term


#: the largest LIMIT passed to DuckDB (a BIGINT): a larger --limit means "all rows" and is
#: lowered to this, which no store reaches, instead of failing in the query
MAX_LIMIT = 2 ** 62


def check_limit(limit: Union[int, str, None]) -> Optional[int]:
    """A --limit as a whole number of rows, 1 or more (at most MAX_LIMIT), or None for all."""
    if limit is None:
        return None
    try:
        n = int(limit)
    except (TypeError, ValueError):
        n = 0
    if n < 1 or str(limit).strip() not in (str(n), f"+{n}"):
        raise SitrepError(f"--limit {limit!r} must be a whole number of rows, 1 or more (leave it out for all)")
    return min(n, MAX_LIMIT)


@functools.lru_cache(maxsize=64)
def country_codes(term: str) -> tuple[Optional[str], Optional[str]]:
    """(alpha-3, alpha-2) for a country name or code ("Venezuela", "VEN", "ve"), else Nones."""
    try:
        import pycountry
        c = pycountry.countries.lookup(term.strip())
        return c.alpha_3, c.alpha_2
    except (LookupError, ImportError):
        return None, None


def contains_pattern(term: str) -> str:
    """An ``ILIKE ? ESCAPE '\\'`` pattern matching ``term`` literally anywhere: a ``%`` or
    ``_`` typed by the user ("--about 50%") is a character, not a wildcard."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


#: the ILIKE form that goes with :func:`contains_pattern`
CONTAINS = "ILIKE ? ESCAPE '\\'"


def about_articles_sql(about: Optional[str], alias: str = "a") -> tuple[str, list]:
    """SQL condition selecting articles about a term: text/title mention it, or an event
    with an actor or place of that country."""
    if not about:
        return "TRUE", []
    a3, a2 = country_codes(about)
    like = contains_pattern(about)
    cond = (f"({alias}.title {CONTAINS} OR {alias}.text {CONTAINS} OR {alias}.article_id IN ("
            f"SELECT article_id FROM events WHERE source_name {CONTAINS} OR target_name {CONTAINS}"
            " OR source_country = ? OR target_country = ? OR place_country = ?))")
    return cond, [like, like, like, like, a3 or "", a3 or "", a2 or ""]


@dataclass
class Where:
    """WHERE terms and their parameters, kept in step: each term is added with the
    values of its ``?`` marks (the CLI's, the API's and the dashboard's filters)."""
    terms: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, term: str, *params: Any) -> None:
        self.terms.append(term)
        self.params.extend(params)

    def extend(self, term_and_params: tuple[str, list[Any]]) -> None:
        """Add a ``(term, params)`` pair as the condition builders return it."""
        self.add(term_and_params[0], *term_and_params[1])

    def country(self, alias: str, country: str) -> None:
        """Either side of the row ``alias``, or its place, in ``country`` (alpha-3 for
        actors, alpha-2 for places, as the store keeps them; any spelling country_codes knows)."""
        a3, a2 = country_codes(country)
        actor_code, place_code = a3 or country.upper(), a2 or country.upper()
        self.add(f"({alias}.source_country = ? OR {alias}.target_country = ? OR {alias}.place_country = ?)",
                 actor_code, actor_code, place_code)

    def sql(self) -> str:
        return " AND ".join(self.terms) or "TRUE"

# -- the queries --------------------------------------------------------------------------

def events_sql(*, actor: Optional[str] = None, event_type: Optional[str] = None,
               since: Union[str, date, None] = None, until: Union[str, date, None] = None,
               about: Optional[str] = None, certainty: Optional[str] = None, include_duplicates: bool = True,
               limit: Optional[int] = None, oldest_first: bool = False) -> tuple[str, list]:
    """SELECT of EventRow columns (in their order) with the filters; newest first (what
    an analyst reads first), or oldest first for a chronology."""
    where = Where()
    if actor:
        a3, _ = country_codes(actor)
        where.add(f"(e.source_name {CONTAINS} OR e.target_name {CONTAINS} OR e.source_country = ? OR "
                  "e.target_country = ? OR e.source_country = ? OR e.target_country = ?)",
                  contains_pattern(actor), contains_pattern(actor), actor.upper(), actor.upper(), a3 or "", a3 or "")
    t = check_type(event_type)
    if t:
        where.add("e.type = ?", t)
    since, until = parse_day(since, "since"), parse_day(until, "until")
    if since:
        where.add("e.event_date >= ?", since)
    if until:
        where.add("e.event_date <= ?", until)
    status = check_certainty(certainty)
    if status:
        where.add("e.certainty = ?", status)
    if not include_duplicates:
        where.add("a.duplicate_of IS NULL")
    where.extend(about_articles_sql(about))
    params = where.params
    sql = f"""SELECT e.event_id, e.event_date, e.type, e.quad_class, e.source_name, e.source_country,
                     e.target_name, e.target_country, e.place_name, e.place_country, e.lat, e.lon,
                     e.certainty, e.attributed_to, e.cue, e.hedges, e.trigger, e.sentence,
                     e.date_value, e.figures, e.quote_id, e.mode,
                     a.outlet, a.pub_date, a.url, a.title, a.article_id, a.duplicate_of,
                     e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end
              FROM events e JOIN articles a USING (article_id)
              WHERE {where.sql()}
              ORDER BY e.event_date {'ASC' if oldest_first else 'DESC'} NULLS LAST,
                       a.pub_date {'ASC' if oldest_first else 'DESC'} NULLS LAST, e.event_id"""
    limit = check_limit(limit)
    if limit:
        sql += f" LIMIT {limit}"
    return sql, params


#: the incident columns, in IncidentRow's order
INCIDENT_COLUMNS = ("incident_id", "family", "type", "quad_class", "label", "source_name", "source_country",
                    "target_name", "target_country", "place_name", "place_country", "lat", "lon", "date_start",
                    "date_end", "first_reported", "latest_reported", "n_mentions", "n_articles", "n_sources",
                    "certainty", "conflicted", "headline_event", "date_precision", "background")


def incidents_sql(*, about: Optional[str] = None, since: Union[str, date, None] = None,
                  until: Union[str, date, None] = None, event_type: Optional[str] = None, min_sources: int = 1,
                  limit: Optional[int] = None, article_ids: Optional[list[str]] = None,
                  country: Optional[tuple[str, Optional[str]]] = None, background: bool = True) -> tuple[str, list]:
    """SELECT of the incident columns with the filters; best corroborated first.
    ``article_ids`` keeps the incidents one of these articles reports (the articles about
    a subject: ``report.scope.articles_about``, stricter than ``about``, which takes any
    article that names the term), and with ``country`` (alpha-3, alpha-2) also those whose
    own source, target or place is of that country; ``background=False`` leaves out
    incidents made only of history or habitual mentions."""
    where = Where()
    where.add("i.n_sources >= ?", min_sources)
    if not background:
        where.add("NOT coalesce(i.background, false)")
    if article_ids is not None:
        where.extend(scoped_incidents_sql(article_ids, country))
    t = check_type(event_type)
    if t:
        where.add("i.type = ?", t)
    since, until = parse_day(since, "since"), parse_day(until, "until")
    if since:
        where.add("coalesce(i.date_end, i.latest_reported) >= ?", since)
    if until:
        where.add("coalesce(i.date_start, i.first_reported) <= ?", until)
    if about:
        cond, p = about_articles_sql(about)
        where.add(f"i.incident_id IN (SELECT m.incident_id FROM incident_mentions m "
                  f"JOIN articles a USING (article_id) WHERE {cond})", *p)
    params = where.params
    sql = f"""SELECT {', '.join('i.' + c for c in INCIDENT_COLUMNS)} FROM incidents i
              WHERE {where.sql()}
              ORDER BY i.n_sources DESC, i.n_articles DESC, i.date_start NULLS LAST, i.incident_id"""
    limit = check_limit(limit)
    if limit:
        sql += f" LIMIT {limit}"
    return sql, params


def scoped_incidents_sql(article_ids: list[str], country: Optional[tuple[str, Optional[str]]] = None
                         ) -> tuple[str, list]:
    """The condition of ``incidents i`` meaning "about the subject" wherever incidents are
    listed (the CLI, the Python API, the dashboard): the incident is reported by one of
    ``article_ids`` (the articles about the subject, ``report.scope.articles_about``) or
    its own source, target or place is of ``country`` (alpha-3, alpha-2)."""
    a3, a2 = country or ("", "")
    return ("(i.incident_id IN (SELECT m.incident_id FROM incident_mentions m "
            "WHERE m.article_id IN (SELECT unnest(?::VARCHAR[]))) "
            "OR i.source_country = ? OR i.target_country = ? OR i.place_country = ?)",
            [list(article_ids), a3 or "", a3 or "", a2 or ""])


def mentions_sql(incident_ids: list[str]) -> tuple[str, list]:
    """SELECT of MentionRow columns for the given incidents, earliest article first."""
    return f"""
        SELECT m.incident_id, m.event_id, m.outlet, m.certainty, m.independent_key, e.trigger, e.sentence,
               e.type, e.event_date, e.attributed_to, e.hedges, a.pub_date, a.url, a.title, a.article_id,
               a.duplicate_of, e.sentence_start, e.sentence_end
        FROM incident_mentions m JOIN events e USING (event_id) JOIN articles a ON a.article_id = m.article_id
        WHERE m.incident_id IN ({', '.join(['?'] * len(incident_ids))})
        ORDER BY a.pub_date NULLS LAST, m.event_id""", list(incident_ids)


def skipped_sql(reason: Optional[str] = None) -> tuple[str, list]:
    sql = "SELECT skipped_at, reason, stage, origin, input_id, detail FROM skipped"
    params = []
    if reason:
        sql += " WHERE reason = ?"
        params.append(reason)
    return sql + " ORDER BY skipped_at, origin", params


def articles_sql(about: Optional[str] = None, since: Union[str, date, None] = None,
                 until: Union[str, date, None] = None) -> tuple[str, list]:
    where = Where()
    where.extend(about_articles_sql(about))
    since, until = parse_day(since, "since"), parse_day(until, "until")
    if since:
        where.add("(a.pub_date IS NULL OR a.pub_date >= ?)", since)
    if until:
        where.add("(a.pub_date IS NULL OR a.pub_date <= ?)", until)
    return (f"""SELECT a.article_id, a.title, a.outlet, a.pub_date, a.url, a.duplicate_of, a.n_events
                FROM articles a WHERE {where.sql()} ORDER BY a.pub_date NULLS LAST""", where.params)


# -- typed rows (the CLI, the Python API) --------------------------------------------------------

def event_rows(store, **filters: Any) -> list[EventRow]:
    return [EventRow(*r) for r in store.tuples(*events_sql(**filters))]


def incident_rows(store, *, with_mentions: bool = True, **filters: Any) -> list[IncidentRow]:
    rows = [IncidentRow(*r[:20], json.loads(r[20]) if r[20] else {}, *r[21:])
            for r in store.tuples(*incidents_sql(**filters))]
    if not (with_mentions and rows):
        return rows
    by_id: dict[str, list[MentionRow]] = {}
    for m in store.tuples(*mentions_sql([r.incident_id for r in rows])):
        by_id.setdefault(m[0], []).append(MentionRow(*m))
    return [replace(r, mentions=by_id.get(r.incident_id, [])) for r in rows]


def skipped_rows(store, reason: Optional[str] = None) -> list[SkipRow]:
    return [SkipRow(*r) for r in store.tuples(*skipped_sql(reason))]


def article_rows(store, **filters: Any) -> list[ArticleRow]:
    return [ArticleRow(*r) for r in store.tuples(*articles_sql(**filters))]


# -- dicts (the brief) -------------------------------------------------------------------------

def events(store, **filters: Any) -> list[dict[str, Any]]:
    return store.rows(*events_sql(**filters))


def incidents(store, *, with_mentions: bool = True, **filters: Any) -> list[dict[str, Any]]:
    rows = store.rows(*incidents_sql(**filters))
    for r in rows:
        r["certainty"] = json.loads(r["certainty"]) if r.get("certainty") else {}
    if with_mentions and rows:
        by_id: dict[str, list] = {}
        for m in store.rows(*mentions_sql([r["incident_id"] for r in rows])):
            by_id.setdefault(m["incident_id"], []).append(m)
        for r in rows:
            r["mentions"] = by_id.get(r["incident_id"], [])
    return rows


def skipped(store, reason: Optional[str] = None) -> list[dict[str, Any]]:
    return store.rows(*skipped_sql(reason))


def articles(store, about: Optional[str] = None, since: Union[str, date, None] = None,
             until: Union[str, date, None] = None) -> list[dict[str, Any]]:
    return store.rows(*articles_sql(about, since, until))
