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
  the filter is a period alone (its default).

The pieces of one string are joined with a newline. A filter value never contains one
(filters.py turns every run of white space into a single space), so a match can never
straddle two pieces: a substring of the joined string is a substring of one piece, and
the answers are those of the per-column tests they replace (tests/test_web_summaries.py
checks that they are the same rows in the same order).
"""
from __future__ import annotations

import time

#: the attached in-memory database holding the tables
SCHEMA = "web"
#: the marker table: present when every summary table of this module was built
READY = "ready"
SEP = "chr(10)"

_TABLES = {
    "about": f"""
        SELECT a.article_id,
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
    # columns keep their names, so the event filters apply to it unchanged
    "mentions": """
        SELECT m.incident_id, m.event_id, m.article_id AS m_article_id, m.outlet AS m_outlet,
               m.certainty AS m_certainty, m.independent_key,
               e.type, e.trigger, e.trigger_start, e.trigger_end, e.sentence, e.sentence_start, e.sentence_end,
               e.source_name, e.source_country, e.target_name, e.target_country, e.place_name, e.event_date,
               e.date_text, e.attributed_to, e.cue, e.hedges, e.background, e.certainty, e.outlet,
               a.title AS a_title, a.url AS a_url, a.pub_date AS a_pub_date, a.duplicate_of AS a_duplicate_of
        FROM incident_mentions m JOIN events e USING (event_id) JOIN articles a ON a.article_id = m.article_id""",
    "incident_text": f"""
        SELECT i.incident_id, lower(concat_ws({SEP}, coalesce(i.label, ''), coalesce(t.body, ''))) AS haystack
        FROM incidents i LEFT JOIN (
            SELECT incident_id, string_agg(concat_ws({SEP}, coalesce(sentence, ''), coalesce(a_title, '')), {SEP}) AS body
            FROM {SCHEMA}.mentions GROUP BY incident_id) t USING (incident_id)""",
    # events per day, type and quad class: the overview's counts when only dates filter
    "daily": """
        SELECT e.event_date, e.type, e.quad_class, count(*) AS n
        FROM events e JOIN articles a USING (article_id) GROUP BY ALL""",
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


def about_sql(about: str, article_column: str) -> tuple[str, list]:
    """The ``about`` test of queries.about_articles_sql over ``web_about``: the article's
    title, text or an actor name contains the term (case-insensitive, literally), or one of
    its events has an actor or place of that country."""
    from sitrep.corpus.queries import country_codes

    a3, a2 = country_codes(about)
    return (f"{article_column} IN (SELECT article_id FROM {table('about')} WHERE list_contains(actor_countries, ?) OR "
            "list_contains(place_countries, ?) OR contains(haystack, lower(?)))", [a3 or "", a2 or "", about])


def text_sql(name: str, key_column: str, key: str) -> str:
    """``key_column`` among the rows of summary table ``name`` whose lowered words contain ``q``."""
    return f"{key_column} IN (SELECT {key} FROM {table(name)} WHERE contains(haystack, lower(?)))"
