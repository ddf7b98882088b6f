"""Summary tables the dashboard reads, built once per copy of the store.

The server answers from a private copy (snapshot.py) that nobody writes after it is
made, so whatever can be worked out from the copy alone is worked out once, when the
copy is made, and never per request. The tables live in an in-memory database attached
to the copy's connection as ``web`` (every cursor of the copy sees it; nothing is written
to disk, and it goes when the copy is closed):

* ``web.about``: per article, the lower-cased title, text and actor names in one string
  and the countries of its events' actors and places, so ``about=`` is one scan of one
  table (``contains`` on text lowered in advance) instead of case-insensitive ``ILIKE``
  scans of every article's text and of every event per request;
* ``web.event_text`` and ``web.incident_text``: the lower-cased words that ``q=`` looks
  in (an event's sentence and article title; an incident's label and every sentence and
  title of its mentions);
* ``web.mentions``: every mention joined to its event and article: what an incident
  page shows and what the incident filters look into, without a join per request;
* ``web.daily``: events per day, type and quad class, which the overview counts when
  the filter is a period alone (its default);
* ``web.incidents`` and ``web.events``: the rows of the lists, uncompressed in memory,
  each with one rank column per sort order of filters.py (``_rank_<sort>``: the row's
  place in that order). A page sorts one integer per matching row and reads its 50 rows
  from memory; on the copy's file, each of those rows is a decompression of every column
  of a 2,048-row vector, and a page cost 50 ms to read before any filter ran.

The pieces of one string are joined with a newline. A filter value never contains one
(filters.py turns every run of white space into a single space), so a match can never
straddle two pieces: a substring of the joined string is a substring of one piece, and
the answers are those of the per-column tests they replace (tests/test_web_summaries.py
checks that they are the same rows in the same order).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Optional

from sitrep.web.filters import EVENT_SORTS, INCIDENT_SORTS

#: the attached in-memory database holding the tables
SCHEMA = "web"
#: the marker table: present when every summary table of this module was built
READY = "ready"
SEP = "chr(10)"
#: an event's actor names, lowered once (what ``actor=`` looks in on the summary rows)
ACTOR_NAMES = f"lower(concat_ws({SEP}, coalesce(e.source_name, ''), coalesce(e.target_name, '')))"
#: the sort orders of each list table (filters.py), and the alias its ORDER BY uses
SORTS = {"incidents": (INCIDENT_SORTS, "i"), "events": (EVENT_SORTS, "e")}


def rank_column(sort: str) -> str:
    """The column holding a row's place in sort order ``sort`` ("-date" -> _rank_asc_date)."""
    return "_rank_" + sort.replace("-", "asc_")


def row_columns(name: str, alias: str) -> str:
    """The select list of list table ``name`` that gives the plain table's columns (no
    ranks, no integer keys)."""
    sorts, _ = SORTS[name]
    extra = ["_key"] + (["_article", "_actor_names"] if name == "events" else [])
    return f"{alias}.* EXCLUDE ({', '.join(extra + [rank_column(s) for s in sorts])})"


def _ranked(name: str, source: str, extra: str = "") -> str:
    """A copy of ``source`` with an integer ``_key`` (what the semi-joins of the filters
    compare: integers hash and compare many times faster than the string ids), the
    columns ``extra`` and a rank column per sort order. The ranks are numbered over the
    key and sort columns alone and joined back: a window over whole rows would sort every
    column once per order."""
    sorts, alias = SORTS[name]
    key = "incident_id" if name == "incidents" else "event_id"
    ranks = ", ".join(f"row_number() OVER (ORDER BY {order}) AS {rank_column(s)}" for s, order in sorts.items())
    return (f"WITH ranks AS (SELECT {alias}.{key} AS _id, row_number() OVER (ORDER BY {alias}.{key}) AS _key, "
            f"{ranks} FROM {source}) "
            f"SELECT {alias}.*, ranks.* EXCLUDE (_id){extra} FROM {source} JOIN ranks ON ranks._id = {alias}.{key}")


_TABLES = {
    # the lists' incidents first: the tables after it refer to their integer keys
    "incidents": _ranked("incidents", "incidents i"),
    "about": f"""
        SELECT a.article_id, row_number() OVER (ORDER BY a.article_id) AS _key,
               lower(concat_ws({SEP}, coalesce(a.title, ''), coalesce(a.text, ''), coalesce(n.names, ''))) AS haystack,
               coalesce(n.actor_countries, []) AS actor_countries,
               coalesce(n.place_countries, []) AS place_countries
        FROM articles a LEFT JOIN (
            SELECT article_id,
                   string_agg(concat_ws({SEP}, coalesce(source_name, ''), coalesce(target_name, '')), {SEP}) AS names,
                   list_distinct(list_concat(list(source_country), list(target_country))) AS actor_countries,
                   list_distinct(list(place_country)) AS place_countries  -- list_distinct drops NULLs
            FROM events GROUP BY article_id) n USING (article_id)""",
    "event_text": f"""
        SELECT e.event_id, lower(concat_ws({SEP}, coalesce(e.sentence, ''), coalesce(a.title, ''))) AS haystack
        FROM events e JOIN articles a USING (article_id)""",
    # the mention's own article, outlet and certainty keep the m_ prefix; the event's
    # columns keep their names, so the event filters apply to it unchanged; _incident and
    # _article are the integer keys of its incident (web.incidents) and article (web.about)
    "mentions": f"""
        SELECT m.incident_id, m.event_id, m.article_id AS m_article_id, m.outlet AS m_outlet,
               m.certainty AS m_certainty, m.independent_key,
               e.type, e.trigger, e.trigger_start, e.trigger_end, e.sentence, e.sentence_start, e.sentence_end,
               e.source_name, e.source_country, e.target_name, e.target_country, e.place_name, e.event_date,
               e.date_text, e.attributed_to, e.cue, e.hedges, e.background, e.certainty, e.outlet,
               a.title AS a_title, a.url AS a_url, a.pub_date AS a_pub_date, a.duplicate_of AS a_duplicate_of,
               wi._key AS _incident, wa._key AS _article, {ACTOR_NAMES} AS _actor_names
        FROM incident_mentions m JOIN events e USING (event_id) JOIN articles a ON a.article_id = m.article_id
        LEFT JOIN {SCHEMA}.incidents wi ON wi.incident_id = m.incident_id
        LEFT JOIN {SCHEMA}.about wa ON wa.article_id = m.article_id""",
    "incident_text": f"""
        SELECT i.incident_id, i._key AS _incident,
               lower(concat_ws({SEP}, coalesce(i.label, ''), coalesce(t.body, ''))) AS haystack
        FROM {SCHEMA}.incidents i LEFT JOIN (
            SELECT incident_id, string_agg(concat_ws({SEP}, coalesce(sentence, ''), coalesce(a_title, '')), {SEP}) AS body
            FROM {SCHEMA}.mentions GROUP BY incident_id) t USING (incident_id)""",
    # events per day, type and quad class: the overview's counts when only dates filter
    "daily": """
        SELECT e.event_date, e.type, e.quad_class, count(*) AS n
        FROM events e JOIN articles a USING (article_id) GROUP BY ALL""",
    # the lists' events: those that have their article (what the lists join)
    "events": _ranked("events", f"events e JOIN articles a USING (article_id) "
                      f"LEFT JOIN {SCHEMA}.about wa ON wa.article_id = e.article_id",
                      f", wa._key AS _article, {ACTOR_NAMES} AS _actor_names"),
}


def table(name: str) -> str:
    """The qualified name of a summary table."""
    return f"{SCHEMA}.{name}"


def build(con) -> float:
    """Build (or rebuild) every summary table for the copy open on ``con``; the seconds it
    took. All or nothing: the marker table is made last, and without it the query layer
    uses the plain tables."""
    started = time.perf_counter()
    attached = {r[0] for r in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}
    if SCHEMA in attached:
        con.execute(f"DETACH {SCHEMA}")
    con.execute(f"ATTACH ':memory:' AS {SCHEMA}")
    for name, select in _TABLES.items():
        con.execute(f"CREATE TABLE {table(name)} AS {select}")
    for name in SORTS:  # a page of a list is read by its rows' keys (data._memo_page)
        con.execute(f"CREATE INDEX {name}_key ON {table(name)} (_key)")
    con.execute(f"CREATE TABLE {table(READY)} AS SELECT now() AS built_at")
    return time.perf_counter() - started


def discard(con) -> None:
    """Detach the summary database from ``con`` if it is attached: after a build that failed
    partway, the tables it made would otherwise hold memory (from the copy's limit) that
    no page reads."""
    attached = {r[0] for r in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}
    if SCHEMA in attached:
        con.execute(f"DETACH {SCHEMA}")


def ready(store) -> bool:
    """Whether ``store`` has the summary tables (asked once per store object)."""
    flag = getattr(store, "web_summaries", None)
    if flag is None:
        flag = bool(store.rows("SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = ? AND table_name = ?",
                               [SCHEMA, READY])[0]["n"])
        try:
            store.web_summaries = flag
        except AttributeError:
            pass
    return flag


@dataclass(frozen=True)
class AboutHits:
    """The articles an ``about`` term matched on one copy, as their integer keys in
    ``web.about`` (an int64 array: 33 KB for every article of a 4,178-article store, kept
    with the copy): found once (about_hits_sql) and passed to every query of a page as a
    list, so a filtered Overview does not search the 25 MB of lowered text six times over."""
    keys: Any

    def as_param(self) -> list[int]:
        return self.keys.tolist()


def about_hits_sql(about: str) -> tuple[str, list]:
    """The query finding the ``_key`` of the articles about_sql matches."""
    cond, params = _about_match(about)
    return f"SELECT _key FROM {table('about')} WHERE {cond} ORDER BY _key", params


def about_sql(about: str, article_column: str, key: str = "article_id",
              hits: Optional[AboutHits] = None) -> tuple[str, list]:
    """The ``about`` test of queries.about_articles_sql over ``web_about``: the article's
    title, text or an actor name contains the term (case-insensitive, literally), or one of
    its events has an actor or place of that country. ``article_column`` holds the
    article's ``key``: its id, or ``_key`` for the integer keys of the summary tables.
    ``hits``: the term's articles found already, tested as a list instead of searched again."""
    if hits is not None:
        keys = "SELECT unnest(?::BIGINT[])"
        if key != "_key":  # the ids of those keys: a lookup in the in-memory table, no text search
            keys = f"SELECT {key} FROM {table('about')} WHERE _key IN ({keys})"
        return f"{article_column} IN ({keys})", [hits.as_param()]
    cond, params = _about_match(about)
    return f"{article_column} IN (SELECT {key} FROM {table('about')} WHERE {cond})", params


def _about_match(about: str) -> tuple[str, list]:
    from sitrep.corpus.queries import country_codes

    a3, a2 = country_codes(about)
    return ("list_contains(actor_countries, ?) OR list_contains(place_countries, ?) OR contains(haystack, lower(?))",
            [a3 or "", a2 or "", about])


def text_sql(name: str, key_column: str, key: str) -> str:
    """``key_column`` among the rows of summary table ``name`` whose lowered words contain ``q``."""
    return f"{key_column} IN (SELECT {key} FROM {table(name)} WHERE contains(haystack, lower(?)))"
