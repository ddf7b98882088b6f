"""What a brief is about and over which days: the subject (``--about X``), the period,
and the articles in scope.

An article is *about X* when
  * its title names X (the country's names, demonyms and seats of government, the
    people of that country most often named in the store, or the term itself), or
  * its lead names X and X is an actor or the place of at least MIN_SUBJECT_EVENTS of
    the article's own events (a lead that lists X among others, with little happening
    to X, is not enough), or
  * X is an actor or the place of enough of the article's own (not background) events:
    at least MIN_SUBJECT_EVENTS of them and MIN_SUBJECT_SHARE of all.
One passing mention does not make an article about X, so a Syria story that names
Venezuela once stays out of a Venezuela brief.

The period is the last PERIOD_DAYS days of the data in scope unless --since/--until
say otherwise; the previous period is the one of the same length just before it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Optional

from sitrep.corpus.queries import CONTAINS, contains_pattern
from sitrep.errors import SitrepError

PERIOD_DAYS = 30
#: characters of the body read as the lead (datelines and the first paragraph)
LEAD_CHARS = 600
MIN_SUBJECT_EVENTS = 2
MIN_SUBJECT_SHARE = 0.25
#: people of the subject country named in at least this many articles name it too
MIN_PERSON_ARTICLES = 2
MAX_PERSON_NAMES = 12
_BOUNDARY_OPEN = r"(?:^|[^A-Za-z0-9_])(?:"
_BOUNDARY_CLOSE = r")(?:[^A-Za-z0-9_]|$)"
_REGEX_SPECIAL = re.compile(r"([.^$*+?()\[\]{}|\\])")


def _literal(text: str) -> str:
    """``text`` as a regex literal valid both in Python and in DuckDB's RE2."""
    return _REGEX_SPECIAL.sub(r"\\\1", text)


@dataclass(frozen=True)
class Subject:
    """What ``--about`` names, and the words that name it in text."""
    term: str
    label: str
    country3: Optional[str] = None
    country2: Optional[str] = None
    names: tuple[str, ...] = ()
    #: names are proper nouns (country names): matched with their case
    case_sensitive: bool = True

    @property
    def pattern(self) -> str:
        """A regex (Python and RE2) matching any name of the subject as whole words."""
        alternatives = "|".join(_literal(n) for n in sorted(set(self.names), key=len, reverse=True))
        flags = "" if self.case_sensitive else "(?i)"
        return flags + _BOUNDARY_OPEN + alternatives + _BOUNDARY_CLOSE

    @functools.cached_property
    def regex(self) -> re.Pattern:
        return re.compile(self.pattern)

    def named_in(self, text: Optional[str]) -> bool:
        return bool(text) and bool(self.regex.search(text))

    def is_actor(self, name: Optional[str], country: Optional[str]) -> bool:
        """The actor (name, ISO alpha-3 country) is, or belongs to, the subject."""
        if self.country3:
            return country == self.country3
        return self.named_in(name)

    def is_place(self, name: Optional[str], country2: Optional[str]) -> bool:
        if self.country2:
            return country2 == self.country2
        return self.named_in(name)


@dataclass(frozen=True)
class Period:
    since: date
    until: date
    #: the user gave --since or --until (else the last PERIOD_DAYS days of the data)
    explicit: bool = False

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def previous(self) -> "Period":
        end = self.since - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end, self.explicit)

    def holds(self, day: Optional[date]) -> bool:
        return day is not None and self.since <= day <= self.until


@dataclass
class Scope:
    """The subject, the period and the articles the brief may cite."""
    subject: Optional[Subject]
    period: Optional[Period]
    #: article_id -> why it is about the subject ("title", "lead", "events"); all in-scope articles
    reasons: dict[str, str] = field(default_factory=dict)
    #: in-scope articles published in the period / in the previous period (article rows)
    articles: list[dict[str, Any]] = field(default_factory=list)
    previous_articles: list[dict[str, Any]] = field(default_factory=list)
    #: in-scope articles without a publication date (they cannot be placed in a period)
    undated: int = 0
    #: every article in the store (to say how much the scope left out)
    store_articles: int = 0

    @property
    def article_ids(self) -> list[str]:
        return [a["article_id"] for a in self.articles]


# -- the subject ----------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def country_table() -> list[dict[str, str]]:
    from sitrep.knowledge import DATA_DIR
    from sitrep.knowledge.tables import tsv_records
    return tsv_records(DATA_DIR / "actors" / "countries.tsv")


def split_names(value: Optional[str]) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _country_row(term: str) -> Optional[dict[str, str]]:
    want = term.strip().casefold()
    for row in country_table():
        forms = [row.get("id", ""), row.get("name", "")] + split_names(row.get("aliases")) + split_names(row.get("demonyms"))
        if want in (f.casefold() for f in forms if f):
            return row
    from sitrep.corpus.queries import country_codes
    a3, _ = country_codes(term)
    return next((r for r in country_table() if a3 and r.get("id") == a3), None)


def _alpha2(alpha3: str) -> Optional[str]:
    try:
        import pycountry
        c = pycountry.countries.get(alpha_3=alpha3)
        return c.alpha_2 if c else None
    except ImportError:  # pragma: no cover - a declared dependency
        return None


def _people_names(store, country3: str) -> list[str]:
    """Full names and surnames of the country's people most often named in the store
    (only people the actor knowledge base resolved: a name the tagger guessed, such as a
    reversed "Trump Donald", says nothing reliable about the country)."""
    rows = store.rows("""SELECT name, count(DISTINCT article_id) AS n FROM actors
                         WHERE country = ? AND kind = 'person' AND name IS NOT NULL
                           AND actor_id IS NOT NULL
                         GROUP BY name HAVING count(DISTINCT article_id) >= ?
                         ORDER BY n DESC, name LIMIT ?""", [country3, MIN_PERSON_ARTICLES, MAX_PERSON_NAMES])
    names = []
    for r in rows:
        parts = r["name"].split()
        names.append(r["name"])
        if len(parts) > 1 and len(parts[-1]) >= 4 and parts[-1][0].isupper():
            names.append(parts[-1])
    return names


def resolve_subject(store, term: Optional[str]) -> Optional[Subject]:
    """The subject ``--about`` names: a country (by name, code, alias or demonym), else a
    free term matched in actor and place names and in text."""
    if term is None:
        return None
    term = term.strip()
    if not term:
        raise SitrepError("--about is empty; give a country, actor or place name (e.g. --about Venezuela)")
    row = _country_row(term)
    if row:
        a3 = row["id"]
        names = [row["name"], *split_names(row.get("aliases")), *split_names(row.get("demonyms")),
                 *split_names(row.get("metonyms")), *_people_names(store, a3)]
        names = [n for n in names if len(n) >= 2]
        return Subject(term=term, label=row["name"], country3=a3, country2=_alpha2(a3), names=tuple(names))
    actor_names = [r["name"] for r in store.rows(
        f"SELECT DISTINCT name FROM actors WHERE name {CONTAINS} ORDER BY name LIMIT 20", [contains_pattern(term)])]
    return Subject(term=term, label=term, names=(term, *actor_names), case_sensitive=False)


# -- the period -----------------------------------------------------------------------------

_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse_day(value: Optional[str], option: str, end: bool = False) -> Optional[date]:
    """YYYY, YYYY-MM or YYYY-MM-DD as a day: the first day of it, or with ``end`` the last."""
    if value is None:
        return None
    text = str(value).strip()
    if not _DAY.match(text):
        raise SitrepError(f"{option} {value!r} is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY)")
    parts = [int(p) for p in text.split("-")]
    try:
        if len(parts) == 3:
            return date(*parts)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1) if end else first
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    except ValueError as exc:
        raise SitrepError(f"{option} {value!r} is not a valid date ({exc}); write YYYY-MM-DD") from exc


def resolve_period(since: Optional[str], until: Optional[str], last_day: Optional[date]) -> Optional[Period]:
    """The period asked for, else the last PERIOD_DAYS days up to ``last_day`` (the newest
    article in scope); None when nothing in scope is dated and no dates were given."""
    start, end = parse_day(since, "--since"), parse_day(until, "--until", end=True)
    if start and end and start > end:
        raise SitrepError(f"--since {since} is after --until {until}; swap them")
    if start or end:
        end = end or max(last_day or start, start)
        start = start or end - timedelta(days=PERIOD_DAYS - 1)
        return Period(start, end, explicit=True)
    if last_day is None:
        return None
    return Period(last_day - timedelta(days=PERIOD_DAYS - 1), last_day)


# -- the articles in scope -------------------------------------------------------------------

def _involves_sql(subject: Subject) -> tuple[str, list]:
    """SQL over ``events e``: the event's actors or place are the subject."""
    if subject.country3:
        return ("(e.source_country = ? OR e.target_country = ? OR e.place_country = ?)",
                [subject.country3, subject.country3, subject.country2 or ""])
    return ("regexp_matches(coalesce(e.source_name, '') || ' | ' || coalesce(e.target_name, '') || ' | '"
            " || coalesce(e.place_name, ''), ?)", [subject.pattern])


def _about(row: dict) -> Optional[str]:
    if row["in_title"]:
        return "title"
    n, mine = row["n_own"] or 0, row["n_subject"] or 0
    if row["in_lead"] and mine >= MIN_SUBJECT_EVENTS:
        return "lead"
    if mine >= MIN_SUBJECT_EVENTS and mine >= MIN_SUBJECT_SHARE * n:
        return "events"
    return None


def article_rows(store, subject: Optional[Subject]) -> list[dict[str, Any]]:
    """Every stored article with what the scope test needs."""
    if subject is None:
        return store.rows("""SELECT a.article_id, a.pub_date, a.outlet, a.url, a.title, a.duplicate_of,
                                    true AS in_title, false AS in_lead, 0 AS n_own, 0 AS n_subject
                             FROM articles a""")
    involves, params = _involves_sql(subject)
    return store.rows(f"""
        WITH ev AS (
            SELECT e.article_id,
                   count(*) FILTER (WHERE NOT coalesce(e.background, false)) AS n_own,
                   count(*) FILTER (WHERE NOT coalesce(e.background, false) AND {involves}) AS n_subject
            FROM events e GROUP BY e.article_id)
        SELECT a.article_id, a.pub_date, a.outlet, a.url, a.title, a.duplicate_of,
               regexp_matches(coalesce(a.title, ''), ?) AS in_title,
               regexp_matches(substr(coalesce(a.text, ''), 1, {LEAD_CHARS}), ?) AS in_lead,
               coalesce(ev.n_own, 0) AS n_own, coalesce(ev.n_subject, 0) AS n_subject
        FROM articles a LEFT JOIN ev USING (article_id)""", params + [subject.pattern, subject.pattern])


def articles_about(store, about: str) -> tuple[list[str], tuple[str, Optional[str]]]:
    """The ids of the stored articles about ``about`` (the rule at the top of this module),
    whatever their date, and the subject's country codes (alpha-3, alpha-2; empty for a
    term that is no country): what ``sitrep incidents --about`` lists incidents from."""
    subject = resolve_subject(store, about)
    ids = sorted(r["article_id"] for r in article_rows(store, subject) if _about(r))
    return ids, (subject.country3 or "", subject.country2)


def build_scope(store, about: Optional[str], since: Optional[str], until: Optional[str]) -> Scope:
    subject = resolve_subject(store, about)
    rows = article_rows(store, subject)
    reasons = {}
    for r in rows:
        why = _about(r) if subject else "all"
        if why:
            reasons[r["article_id"]] = why
    scoped = [r for r in rows if r["article_id"] in reasons]
    dated = [r["pub_date"] for r in scoped if r["pub_date"]]
    period = resolve_period(since, until, max(dated) if dated else None)
    scope = Scope(subject, period, reasons, store_articles=len(rows),
                  undated=sum(1 for r in scoped if not r["pub_date"]))
    if period:
        before = period.previous()
        scope.articles = sorted((r for r in scoped if period.holds(r["pub_date"])),
                                key=lambda r: (r["pub_date"], r["article_id"]))
        scope.previous_articles = [r for r in scoped if before.holds(r["pub_date"])]
    return scope
