"""The queries behind the dashboard and the API: one thin layer over the store, so no
handler writes SQL. Rows keep the column names of ``sitrep export`` (the events and
incidents tables), with their JSON columns parsed; the API returns them as they are.

Every filter value travels as a query parameter (``?``), every ordering comes from a
whitelist (filters.py), so nothing from the query string becomes SQL text.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Optional

from sitrep.corpus.outlets import outlet_label, outlet_label_sql
from sitrep.corpus.queries import Where, about_articles_sql, country_codes, scoped_incidents_sql
from sitrep.model import PLOVER_TYPES, QUAD_CLASS
from sitrep.report.content import Change
from sitrep.web import summaries
from sitrep.web.filters import EVENT_SORTS, INCIDENT_SORTS, BadFilter, Filters

#: JSON columns of the export tables, parsed for the API and the pages
JSON_COLUMNS = {"hedges", "figures", "mentions", "certainty"}
#: what an actor's events say about its position (the Actors page and /api/actors)
POSITION_TYPES = {
    "demands": ("REQUEST",),
    "offers": ("AGREE", "CONCEDE", "AID", "COOPERATE", "SUPPORT", "CONSULT"),
    "accusations": ("ACCUSE",),
    "threats": ("THREATEN",),
    "rejections": ("REJECT",),
}
OVERVIEW_DAYS = 30
#: the longest period the Overview draws day by day (ten years): its series has one point
#: per day, and a visitor's since=1900&until=2100 cost 10 s of the server's CPU
OVERVIEW_MAX_DAYS = 3660
#: days of article volume an overview day is divided by (centred on it)
VOLUME_WINDOW = 7


@dataclass
class Page:
    """One page of a filtered list."""
    total: int
    items: list[dict[str, Any]]
    filters: Filters

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.filters.per_page))

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "page": self.filters.page, "per_page": self.filters.per_page,
                "pages": self.pages, "items": [plain(r) for r in self.items]}


def plain(row: dict[str, Any]) -> dict[str, Any]:
    """A row as JSON-ready values: dates in ISO 8601, JSON columns parsed."""
    out = {}
    for k, v in row.items():
        if isinstance(v, date):
            v = v.isoformat()
        elif isinstance(v, dict):
            v = plain(v)
        elif isinstance(v, list):
            v = [plain(x) if isinstance(x, dict) else x for x in v]
        out[k] = v
    return out


def _parse_json(row: dict[str, Any]) -> dict[str, Any]:
    for k in JSON_COLUMNS & row.keys():
        if isinstance(row[k], str):
            try:
                row[k] = json.loads(row[k])
            except ValueError:
                pass
    return row


def _contains(column: str) -> str:
    """Case-insensitive substring test that treats the value literally (no LIKE wildcards)."""
    return f"strpos(lower(coalesce({column}, '')), lower(?)) > 0"


# -- conditions ------------------------------------------------------------------------------

def event_conditions(f: Filters, fast: bool = False, article_column: str = "a.article_id",
                     article_key: str = "article_id", actor_names: Optional[str] = None,
                     hits: Optional[summaries.AboutHits] = None) -> tuple[list[str], list[Any]]:
    """WHERE terms over ``events e JOIN articles a`` for the event-level filters. With
    ``fast``, ``q`` and ``about`` read the summary tables of the copy (summaries.py), and
    ``about`` tests ``article_column`` (so no term needs ``articles a``), which holds the
    article's ``article_key`` (its id, or ``_key``: its integer key in the summaries).
    ``actor_names``: a column with the event's actor names lowered in advance (the
    summary tables' rows, ON_SUMMARY_ROWS), which ``actor`` then reads. ``hits``: the
    articles ``about`` matched, found already (about_hits)."""
    where = Where()
    if f.actor:
        a3, _ = country_codes(f.actor)
        names = (f"contains({actor_names}, lower(?))" if actor_names else
                 f"{_contains('e.source_name')} OR {_contains('e.target_name')}")
        where.add(f"({names} OR e.source_country IN (?, ?) OR e.target_country IN (?, ?))",
                  *[f.actor] * (1 if actor_names else 2), f.actor.upper(), a3 or "", f.actor.upper(), a3 or "")
    if f.type:
        where.add("e.type = ?", f.type)
    if f.certainty:
        where.add("e.certainty = ?", f.certainty)
    if f.since:
        where.add("e.event_date >= ?", f.since)
    if f.until:
        where.add("e.event_date <= ?", f.until)
    if f.outlet:
        where.add(_contains("e.outlet"), f.outlet)
    if f.place:
        where.add(_contains("e.place_name"), f.place)
    if f.country:
        where.country("e", f.country)
    if f.q and fast:
        where.add(summaries.text_sql("event_text", "e.event_id", "event_id"), f.q)
    elif f.q:
        where.add(f"({_contains('e.sentence')} OR {_contains('a.title')})", f.q, f.q)
    if f.about:
        where.extend(summaries.about_sql(f.about, article_column, article_key, hits) if fast
                     else about_articles_sql(f.about, "a"))
    return where.terms, where.params


#: event_conditions' arguments for ``e`` = a row of ``web.events`` or ``web.mentions``
ON_SUMMARY_ROWS = {"article_column": "e._article", "article_key": "_key", "actor_names": "e._actor_names"}


def article_conditions(f: Filters, fast: bool = False, hits: Optional[summaries.AboutHits] = None
                       ) -> tuple[str, list[Any]]:
    """One WHERE term over ``articles a`` for the filters an article itself can meet
    (about, outlet, publication dates): what quotes are filtered by."""
    where = Where()
    where.extend(_about(f.about, "a.article_id", fast, hits))
    if f.outlet:
        where.add(_contains("a.outlet"), f.outlet)
    if f.since:
        where.add("a.pub_date >= ?", f.since)
    if f.until:
        where.add("a.pub_date <= ?", f.until)
    return " AND ".join(where.terms), where.params


def _about(about: Optional[str], article_column: str, fast: bool,
           hits: Optional[summaries.AboutHits] = None) -> tuple[str, list[Any]]:
    if about and fast:
        return summaries.about_sql(about, article_column, hits=hits)
    return about_articles_sql(about, article_column.split(".")[0])


def about_hits(store, about: Optional[str]) -> Optional[summaries.AboutHits]:
    """The articles ``about`` matches on a copy with the summary tables, found once per
    copy and term (kept with the copy's list memo when there is one); None without a term
    or without the summaries (the queries then test the term themselves)."""
    if not about or not summaries.ready(store):
        return None
    memo = getattr(store, "matches", None)
    key = ("about-hits", about)
    found = memo.get(key) if memo is not None else None
    if found is None:
        sql, params = summaries.about_hits_sql(about)
        found = summaries.AboutHits(store.con.execute(sql, params).fetchnumpy()["_key"].astype("int64", copy=False))
        if memo is not None:
            memo.put(key, found)
    return found


@dataclass(frozen=True)
class IncidentScope:
    """What ``about`` keeps of the incidents, as ``sitrep incidents --about``, the Python
    API and the brief read it: the incidents reported by an article *about* the subject
    (report.scope.articles_about: its title names it, or enough of its own events involve
    it; one passing mention is not enough), and those whose own source, target or place
    is of the subject's country. Events, articles and quotes keep the wider reading of
    ``about`` (any article naming the term), as ``sitrep events --about`` does."""
    article_ids: tuple[str, ...]
    country: tuple[str, Optional[str]]

    def condition(self) -> tuple[str, list[Any]]:
        """The WHERE term over ``incidents i`` (or ``web.incidents i``, same columns)."""
        return scoped_incidents_sql(list(self.article_ids), self.country)


def incident_scope(store, about: Optional[str]) -> Optional[IncidentScope]:
    """The incidents' reading of ``about`` on ``store``, worked out once per copy and term
    on the server (kept with the copy's list memo); None without a term."""
    if not about:
        return None
    from sitrep.report.scope import articles_about

    memo = getattr(store, "matches", None)
    key = ("incident-scope", about)
    found = memo.get(key) if memo is not None else None
    if found is None:
        ids, country = articles_about(store, about)
        found = IncidentScope(tuple(ids), country)
        if memo is not None:
            memo.put(key, found)
    return found


def _event_level(f: Filters) -> Filters:
    """The filters that are about single mentions (used inside an incident's EXISTS);
    ``about`` is not one of them: it reads the incident's articles (IncidentScope)."""
    return Filters(actor=f.actor, certainty=f.certainty, outlet=f.outlet, q=f.q)


def incident_conditions(f: Filters, fast: bool = False, keyed: bool = False,
                        scope: Optional[IncidentScope] = None) -> tuple[list[str], list[Any]]:
    """WHERE terms over ``incidents i``: its own columns, and mentions for the rest. With
    ``fast``, the mentions are read from ``web.mentions`` (mention, event and article in
    one row) and the free text from ``web.incident_text`` (summaries.py). With ``keyed``,
    ``i`` is ``web.incidents`` and those tables are joined on its integer keys. ``scope``
    is ``incident_scope(store, f.about)``, required when ``f.about`` is set. Incidents
    made only of history or habitual mentions are left out unless ``f.background``, as
    ``sitrep incidents`` does."""
    where = Where()
    where.add("i.n_sources >= ?", f.min_sources)
    if not f.background:
        where.add("NOT coalesce(i.background, false)")
    if f.about:
        if scope is None:
            raise ValueError("incident_conditions: about= needs its incident_scope(store, about)")
        where.extend(scope.condition())
    if f.type:
        where.add("i.type = ?", f.type)
    if f.since:
        where.add("coalesce(i.date_end, i.latest_reported) >= ?", f.since)
    if f.until:
        where.add("coalesce(i.date_start, i.first_reported) <= ?", f.until)
    if f.contested is not None:
        where.add("coalesce(i.conflicted, false) = ?", f.contested)
    if f.place:
        where.add(_contains("i.place_name"), f.place)
    if f.country:
        where.country("i", f.country)
    if f.q and fast:
        where.add(summaries.text_sql("incident_text", *(("i._key", "_incident") if keyed else
                                                        ("i.incident_id", "incident_id"))), f.q)
    elif f.q:  # in the incident's label or in one of its sentences or titles
        where.add(f"({_contains('i.label')} OR EXISTS (SELECT 1 FROM incident_mentions m "
                  "JOIN events e USING (event_id) JOIN articles a ON a.article_id = m.article_id "
                  f"WHERE m.incident_id = i.incident_id AND ({_contains('e.sentence')} OR "
                  f"{_contains('a.title')})))", f.q, f.q, f.q)
    if fast:
        article = ON_SUMMARY_ROWS if keyed else {"article_column": "e.m_article_id"}
        inner, p = event_conditions(replace(_event_level(f), q=None), True, **article)
        if inner:
            incident = ("i._key", "e._incident") if keyed else ("i.incident_id", "e.incident_id")
            where.add(f"{incident[0]} IN (SELECT {incident[1]} FROM {summaries.table('mentions')} e "
                      f"WHERE {' AND '.join(inner)})", *p)
        return where.terms, where.params
    inner, p = event_conditions(replace(_event_level(f), q=None))
    if inner:
        where.add("EXISTS (SELECT 1 FROM incident_mentions m JOIN events e USING (event_id) "
                  "JOIN articles a ON a.article_id = m.article_id "
                  f"WHERE m.incident_id = i.incident_id AND {' AND '.join(inner)})", *p)
    return where.terms, where.params


# -- lists ------------------------------------------------------------------------------------

def list_incidents(store, f: Filters) -> Page:
    fast = summaries.ready(store)
    where, params = incident_conditions(f, fast, keyed=fast, scope=incident_scope(store, f.about))
    if fast:
        total, rows = _ranked_page(store, "incidents", where, params, f.sort, f)
    else:
        rows = store.rows(f"""SELECT i.*, count(*) OVER () AS _total FROM incidents i
                              WHERE {' AND '.join(where)} ORDER BY {INCIDENT_SORTS[f.sort]}
                              LIMIT {f.per_page} OFFSET {f.offset}""", params)
        total = rows[0]["_total"] if rows else _count(store, "incidents i", where, params)
    for r in rows:
        r.pop("_total", None)
        _parse_json(r)
    return Page(total, rows, f)


def list_events(store, f: Filters) -> Page:
    fast = summaries.ready(store)
    where, params = event_conditions(f, fast, **(ON_SUMMARY_ROWS if fast else {"article_column": "e.article_id"}),
                                     hits=about_hits(store, f.about))
    if f.contested is not None or f.min_sources > 1:
        where.append("EXISTS (SELECT 1 FROM incident_mentions m JOIN incidents i USING (incident_id) "
                     "WHERE m.event_id = e.event_id AND i.n_sources >= ?"
                     + (" AND coalesce(i.conflicted, false) = ?" if f.contested is not None else "") + ")")
        params += [f.min_sources] + ([f.contested] if f.contested is not None else [])
    sort = f.sort if f.sort in EVENT_SORTS else "date"
    cond = " AND ".join(where) or "TRUE"
    if fast:
        total, rows = _ranked_page(store, "events", [cond], params, sort, f)
    else:
        rows = store.rows(f"""SELECT e.*, count(*) OVER () AS _total FROM events e JOIN articles a USING (article_id)
                              WHERE {cond} ORDER BY {EVENT_SORTS[sort]}
                              LIMIT {f.per_page} OFFSET {f.offset}""", params)
        total = rows[0]["_total"] if rows else 0
    for r in rows:
        r.pop("_total", None)
        _parse_json(r)
    return Page(total, rows, f)


def _ranked_page(store, name: str, where: list[str], params: list, sort: str, f: Filters
                 ) -> tuple[int, list[dict[str, Any]]]:
    """(total, rows) of one page of summary table ``name`` (``web.incidents`` or
    ``web.events``, in memory): the matching rows' places in the sort order are taken
    once (a materialised CTE: the filters run once for the count and the page), the
    page's rows are the ones with the smallest ranks, read with their own columns only."""
    _, alias = summaries.SORTS[name]
    source = f"{summaries.table(name)} {alias}"
    memo = getattr(store, "matches", None)
    if memo is not None:
        return _memo_page(store, memo, name, alias, source, where, params, sort, f)
    rows = store.rows(f"""
        WITH matching AS MATERIALIZED (
            SELECT {alias}.rowid AS _row, {summaries.rank_column(sort)} AS _rank FROM {source}
            WHERE {' AND '.join(where) or 'TRUE'})
        SELECT {summaries.row_columns(name, alias)}, (SELECT count(*) FROM matching) AS _total
        FROM (SELECT _row, _rank FROM matching ORDER BY _rank LIMIT {f.per_page} OFFSET {f.offset}) page
        JOIN {source} ON {alias}.rowid = page._row ORDER BY page._rank""", params)
    if not rows:
        return _count(store, source, where or ["TRUE"], params), []
    return int(rows[0]["_total"]), rows


def _memo_page(store, memo, name: str, alias: str, source: str, where: list[str], params: list, sort: str,
               f: Filters) -> tuple[int, list[dict[str, Any]]]:
    """_ranked_page on the server's copy: the filter's matching row keys in rank order are
    worked out once per copy (one filtered scan and sort of the in-memory table), kept in
    the copy's Matches, and a page is the rows of its slice of them, read by row id."""
    key = (name, sort, tuple(where), tuple(_param_key(p) for p in params))
    ids = memo.get(key)
    if ids is None:
        found = store.con.execute(
            f"SELECT {alias}._key AS _row FROM {source} WHERE {' AND '.join(where) or 'TRUE'} "
            f"ORDER BY {summaries.rank_column(sort)}", params).fetchnumpy()["_row"]
        ids = found.astype("int64", copy=False)
        memo.put(key, ids)
    page = [int(x) for x in ids[f.offset:f.offset + f.per_page]]
    if not page:
        return len(ids), []
    # the integer keys are indexed (summaries.build): an IN list of them is a few lookups
    rows = store.rows(f"SELECT {summaries.row_columns(name, alias)}, {alias}._key AS _row FROM {source} "
                      f"WHERE {alias}._key IN ({', '.join(map(str, page))})")
    place = {key_: i for i, key_ in enumerate(page)}
    rows.sort(key=lambda r: place[r["_row"]])
    for r in rows:
        del r["_row"]
    return len(ids), rows


def _param_key(value: Any) -> Any:
    """A query parameter as part of a memo key. A list (an about= term's article keys,
    thousands of them) becomes its length and a 128-bit digest, so a kept filter does not
    also keep a copy of the list in its key."""
    if isinstance(value, list):
        return ("list", len(value), hashlib.blake2b(json.dumps(value, default=str).encode(), digest_size=16).digest())
    return value


def _incidents_source(fast: bool) -> str:
    """The incidents as ``i``: the copy's in-memory ``web.incidents`` (with the integer keys
    of ``incident_conditions(keyed=True)``) when it has the summaries."""
    return f"{summaries.table('incidents')} i" if fast else "incidents i"


def _count(store, table: str, where: list[str], params: list) -> int:
    return int(store.rows(f"SELECT count(*) AS n FROM {table} WHERE {' AND '.join(where)}", params)[0]["n"])


def incidents_by_id(store, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = store.rows(f"SELECT * FROM incidents WHERE incident_id IN ({', '.join(['?'] * len(ids))}) "
                      "ORDER BY n_sources DESC, incident_id", list(ids))
    return [_parse_json(r) for r in rows]


# -- one incident, one article -----------------------------------------------------------------

def incident(store, incident_id: str) -> Optional[dict[str, Any]]:
    """The incident row with every mention: outlet, certainty, attribution and source sentence."""
    rows = store.rows("SELECT * FROM incidents WHERE incident_id = ?", [incident_id])
    if not rows:
        return None
    inc = _parse_json(rows[0])
    if summaries.ready(store):  # the same columns and order from the joined, indexed copy
        mentions = store.rows("""
            SELECT incident_id, event_id, m_article_id AS article_id, m_outlet AS outlet, m_certainty AS certainty,
                   independent_key, type, trigger, trigger_start, trigger_end, sentence, sentence_start, sentence_end,
                   source_name, target_name, place_name, event_date, date_text, attributed_to, cue, hedges,
                   background, a_title AS title, a_url AS url, a_pub_date AS pub_date, a_duplicate_of AS duplicate_of
            FROM web.mentions WHERE incident_id = ?
            ORDER BY a_pub_date NULLS LAST, m_outlet NULLS LAST, event_id""", [incident_id])
        inc["mentions"] = [_parse_json(m) for m in mentions]
        return inc
    mentions = store.rows("""
        SELECT m.incident_id, m.event_id, m.article_id, m.outlet, m.certainty, m.independent_key,
               e.type, e.trigger, e.trigger_start, e.trigger_end, e.sentence, e.sentence_start, e.sentence_end,
               e.source_name, e.target_name, e.place_name, e.event_date, e.date_text, e.attributed_to, e.cue,
               e.hedges, e.background, a.title, a.url, a.pub_date, a.duplicate_of
        FROM incident_mentions m JOIN events e USING (event_id) JOIN articles a ON a.article_id = m.article_id
        WHERE m.incident_id = ? ORDER BY a.pub_date NULLS LAST, m.outlet NULLS LAST, m.event_id""", [incident_id])
    inc["mentions"] = [_parse_json(m) for m in mentions]
    return inc


def article(store, article_id: str) -> Optional[dict[str, Any]]:
    """The article's export row (without the document), its document JSON, its events
    (export rows) and the incidents they belong to."""
    rows = store.rows("SELECT * EXCLUDE (document) FROM articles WHERE article_id = ?", [article_id])
    if not rows:
        return None
    out = rows[0]
    # the name shown for it, the brief's and the incident pages' (its site or file when no outlet)
    out["outlet_label"] = outlet_label(out.get("outlet"), out.get("url"), out.get("origin"), article_id)
    out["document"] = store.document(article_id) or {}
    out["events"] = [_parse_json(r) for r in store.rows(
        "SELECT e.*, m.incident_id FROM events e LEFT JOIN incident_mentions m USING (event_id) "
        "WHERE e.article_id = ? ORDER BY e.trigger_start", [article_id])]
    return out


# -- actors -----------------------------------------------------------------------------------

def actors(store, f: Filters, limit: int = 200) -> list[dict[str, Any]]:
    """Actors that act in the filtered events, with counts of what they demand, offer,
    accuse, threaten, reject and deny, and of their quotes."""
    source, article = _events_source(summaries.ready(store))
    hits = about_hits(store, f.about)
    where, params = event_conditions(replace(f, actor=None), summaries.ready(store), **article, hits=hits)
    cond = " AND ".join(where) or "TRUE"
    cases = ", ".join(f"count(*) FILTER (WHERE e.type IN ({', '.join(repr(t) for t in types)})) AS {name}"
                      for name, types in POSITION_TYPES.items())
    rows = store.rows(f"""
        -- the most frequent country and sector; a tie goes to the first in order, so the
        -- answer does not depend on the order the rows are stored in
        SELECT e.source_name AS name, mode(e.source_country ORDER BY e.source_country) AS country,
               mode(e.source_sector ORDER BY e.source_sector) AS sector,
               count(*) AS events, {cases}
        FROM {source}
        WHERE e.source_name IS NOT NULL AND {cond}
        GROUP BY e.source_name ORDER BY events DESC, name LIMIT {int(limit)}""", params)
    if not rows:
        return rows
    names = [r["name"] for r in rows]
    marks = ", ".join(["?"] * len(names))
    denials = dict((r["name"], r["n"]) for r in store.rows(
        f"SELECT e.attributed_to AS name, count(*) AS n FROM {source} "
        f"WHERE e.certainty = 'denied' AND e.attributed_to IN ({marks}) AND {cond} GROUP BY 1",
        names + params))
    a_where, a_params = article_conditions(f, summaries.ready(store), hits)
    quotes = dict((r["name"], r["n"]) for r in store.rows(
        f"SELECT q.speaker_name AS name, count(*) AS n FROM quotes q JOIN articles a USING (article_id) "
        f"WHERE q.speaker_name IN ({marks}) AND {a_where} GROUP BY 1", names + a_params))
    for r in rows:
        r["denials"] = denials.get(r["name"], 0)
        r["quotes"] = quotes.get(r["name"], 0)
    if f.actor:
        rows = [r for r in rows if f.actor.lower() in r["name"].lower()
                or (r["country"] or "") == f.actor.upper()] or rows
    return rows


def actor(store, name: str, f: Filters, per_kind: int = 50) -> Optional[dict[str, Any]]:
    """One actor's statements by kind (each with its sentence, outlet and article) and quotes."""
    where, params = event_conditions(replace(f, actor=None), summaries.ready(store))
    cond = " AND ".join(where) or "TRUE"
    columns = ("e.event_id, e.article_id, e.type, e.certainty, e.attributed_to, e.target_name, e.sentence, "
               "e.sentence_start, e.trigger, e.event_date, e.outlet, a.title, m.incident_id, "
               f"{outlet_label_sql('a')} AS outlet_label")
    base = (f"FROM events e JOIN articles a USING (article_id) LEFT JOIN incident_mentions m USING (event_id) "
            f"WHERE {cond}")
    out: dict[str, Any] = {"name": name, "positions": {}}
    seen_any = False
    for kind, types in POSITION_TYPES.items():
        rows = store.rows(f"SELECT {columns} {base} AND e.source_name = ? AND e.type IN "
                          f"({', '.join(['?'] * len(types))}) ORDER BY e.event_date DESC NULLS LAST, e.event_id "
                          f"LIMIT {int(per_kind)}", params + [name, *types])
        out["positions"][kind] = rows
        seen_any = seen_any or bool(rows)
    out["positions"]["denials"] = store.rows(
        f"SELECT {columns} {base} AND e.certainty = 'denied' AND e.attributed_to = ? "
        f"ORDER BY e.event_date DESC NULLS LAST, e.event_id LIMIT {int(per_kind)}", params + [name])
    a_where, a_params = article_conditions(f, summaries.ready(store))
    out["quotes"] = store.rows(f"""
        SELECT q.quote_id, q.article_id, q.start_char, q.end_char, q.text, q.speaker_name, q.speaker_country,
               q.cue, q.kind, a.outlet, {outlet_label_sql('a')} AS outlet_label, a.pub_date, a.title
        FROM quotes q JOIN articles a USING (article_id) WHERE q.speaker_name = ? AND {a_where}
        ORDER BY a.pub_date DESC NULLS LAST, q.article_id, q.start_char LIMIT ?""", [name] + a_params + [per_kind])
    info = store.rows("SELECT mode(source_country ORDER BY source_country) AS country, "
                      "mode(source_sector ORDER BY source_sector) AS sector, count(*) AS events "
                      "FROM events WHERE source_name = ?", [name])[0]
    if not (seen_any or out["quotes"] or info["events"] or out["positions"]["denials"]):
        return None
    out.update(info)
    return out


# -- overview ---------------------------------------------------------------------------------

@dataclass
class Overview:
    since: date
    until: date
    previous: tuple[date, date]
    counts: dict[str, int]
    previous_counts: dict[str, int]
    by_type: list[dict[str, Any]]
    days: list[date]
    series: dict[str, list[float]]
    articles_per_day: list[int]
    normalised: bool
    top: list[dict[str, Any]] = field(default_factory=list)


def default_period(store, days: int = OVERVIEW_DAYS) -> tuple[date, date]:
    """The last ``days`` days up to the newest article (a store of old news still shows something)."""
    row = store.rows("SELECT max(pub_date) AS d FROM articles WHERE pub_date <= current_date + 1")[0]
    end = row["d"] or date.today()
    return end - timedelta(days=days - 1), end


def period(store, f: Filters) -> tuple[date, date, tuple[date, date]]:
    """The Overview's period (the filter's dates, else the last OVERVIEW_DAYS days up to the
    newest article) and the previous period of the same length."""
    since, until = f.since, f.until
    try:
        if not since or not until:
            d_since, d_until = default_period(store)
            until = until or (d_until if not since else since + timedelta(days=OVERVIEW_DAYS - 1))
            since = since or until - timedelta(days=OVERVIEW_DAYS - 1)
        length = (until - since).days + 1
        if length > OVERVIEW_MAX_DAYS:
            raise BadFilter(f"the Overview's period from {since} to {until} is {length:,} days; it draws at most "
                            f"{OVERVIEW_MAX_DAYS:,} (ten years): narrow since/until")
        return since, until, (since - timedelta(days=length), since - timedelta(days=1))
    except OverflowError:  # a period, or the one before it, beyond year 1 or 9999
        raise BadFilter(f"since={f.since or ''} until={f.until or ''} leaves no whole period and previous "
                        "period between the years 1 and 9999; choose dates nearer today") from None


def top_incidents(store, f: Filters, since: date, until: date, top: int = 10) -> list[dict[str, Any]]:
    """The period's most significant incidents (independent sources, then articles)."""
    return list_incidents(store, replace(f, since=since, until=until, sort="sources", page=1, per_page=top)).items


def overview_head(store, f: Filters, top: int = 10) -> dict[str, Any]:
    """What an Overview page shows before its aggregates arrive: the period, the previous
    period and the most significant incidents (one list query, no aggregate)."""
    since, until, prev = period(store, f)
    return {"since": since, "until": until, "previous": prev, "top": top_incidents(store, f, since, until, top)}


def overview(store, f: Filters, group: str = "quad", normalise: bool = True, top: int = 10) -> Overview:
    since, until, prev = period(store, f)
    current_f = replace(f, since=since, until=until)
    previous_f = replace(f, since=prev[0], until=prev[1])
    cur_types, prev_types = _type_counts(store, f, prev[0], since, until)
    articles = _articles_in(store, f, prev[0], since, until)
    by_type = [_type_change(t, cur_types.get(t, 0), prev_types.get(t, 0), articles)
               for t in PLOVER_TYPES if cur_types.get(t) or prev_types.get(t)]
    by_type.sort(key=lambda r: (-abs(r["change"]), -r["current"], r["type"]))
    days = [since + timedelta(days=i) for i in range((until - since).days + 1)]
    series, per_day = _daily(store, current_f, days, group, normalise)
    counts = _period_counts(store, current_f, cur_types, articles[0])
    previous_counts = _period_counts(store, previous_f, prev_types, articles[1])
    top_rows = top_incidents(store, f, since, until, top)
    return Overview(since, until, prev, counts, previous_counts, by_type, days, series, per_day, normalise, top_rows)


def _type_counts(store, f: Filters, first: date, since: date, until: date
                 ) -> tuple[dict[str, int], dict[str, int]]:
    """Events per type in [since, until] and in the previous period [first, since), in one pass."""
    f = replace(f, since=first, until=until)
    source, count, article = _event_counts_source(store, f)
    where, params = event_conditions(f, summaries.ready(store), **article, hits=about_hits(store, f.about))
    rows = store.rows(f"SELECT e.type, {count} FILTER (WHERE e.event_date >= ?) AS cur, "
                      f"{count} FILTER (WHERE e.event_date < ?) AS prev FROM {source} "
                      f"WHERE {' AND '.join(where) or 'TRUE'} GROUP BY e.type",
                      [since, since] + params)
    return ({r["type"]: int(r["cur"]) for r in rows if r["cur"]}, {r["type"]: int(r["prev"]) for r in rows if r["prev"]})


def _event_counts_source(store, f: Filters) -> tuple[str, str, dict[str, str]]:
    """(FROM clause, count expression, where the article key is) for counting events by
    day and type: the copy's ``web.daily`` counts when the filter is dates alone (the
    overview's default), else the events themselves (_events_source). All count
    ``events e JOIN articles a``, so the numbers are equal."""
    fast = summaries.ready(store)
    if fast and not event_conditions(replace(f, since=None, until=None), True)[0]:
        return summaries.table("daily") + " e", "sum(e.n)", {}
    source, article = _events_source(fast)
    return source, "count(*)", article


def _events_source(fast: bool) -> tuple[str, dict[str, str]]:
    """The events (that have their article) as ``e``, and the arguments of
    event_conditions that say where their article's key is: the copy's in-memory
    ``web.events`` with integer article keys when it has the summaries, else the events
    joined to their articles."""
    if fast:
        return f"{summaries.table('events')} e", ON_SUMMARY_ROWS
    return "events e JOIN articles a USING (article_id)", {}


def _period_counts(store, f: Filters, types: dict[str, int], articles: int) -> dict[str, int]:
    fast = summaries.ready(store)
    where, params = incident_conditions(f, fast, keyed=fast, scope=incident_scope(store, f.about))
    return {"events": sum(types.values()), "incidents": _count(store, _incidents_source(fast), where, params),
            "articles": articles}


def _type_change(event_type: str, current: int, previous: int, articles: tuple[int, int]) -> dict[str, Any]:
    """One row of the change table: the raw counts, and whether the type went up or down
    judged per article published (the brief's rule, report.content.Change: more coverage
    is not more conflict; too few articles in a period is "few", not a trend)."""
    change = Change(event_type, previous, current, previous_articles=articles[1], current_articles=articles[0])
    rate = lambda value: round(value, 3) if value is not None else None  # noqa: E731
    return {"type": event_type, "quad_class": QUAD_CLASS[event_type], "current": current, "previous": previous,
            "change": current - previous, "per_article": rate(change.current_rate),
            "previous_per_article": rate(change.previous_rate), "trend": change.direction}


def _articles_in(store, f: Filters, first: date, since: date, until: date) -> tuple[int, int]:
    """Articles published in the period and in the previous one (the about filter applies)."""
    cond, params = _about(f.about, "a.article_id", summaries.ready(store), about_hits(store, f.about))
    row = store.rows(f"SELECT count(*) FILTER (WHERE a.pub_date >= ?) AS cur, count(*) FILTER (WHERE a.pub_date < ?) "
                     f"AS prev FROM articles a WHERE a.pub_date BETWEEN ? AND ? AND {cond}",
                     [since, since, first, until] + params)[0]
    return int(row["cur"]), int(row["prev"])


def _daily(store, f: Filters, days: list[date], group: str, normalise: bool
           ) -> tuple[dict[str, list[float]], list[int]]:
    """Events per day by quad class (or type); with ``normalise``, divided by the number
    of articles published in the week around that day (VOLUME_WINDOW), so that more
    coverage does not look like more conflict. A week rather than the day itself: an
    event is often reported the day after, and single days of a small store are noisy."""
    source, count, article = _event_counts_source(store, f)
    hits = about_hits(store, f.about)
    where, params = event_conditions(f, summaries.ready(store), **article, hits=hits)
    key = "e.quad_class" if group == "quad" else "e.type"
    rows = store.rows(f"SELECT e.event_date AS d, {key} AS k, {count} AS n FROM {source} "
                      f"WHERE {' AND '.join(where) or 'TRUE'} "
                      f"AND e.event_date BETWEEN ? AND ? GROUP BY 1, 2", params + [days[0], days[-1]])
    half = VOLUME_WINDOW // 2
    cond, p = _about(f.about, "a.article_id", summaries.ready(store), hits)
    volume = {r["d"]: int(r["n"]) for r in store.rows(
        f"SELECT a.pub_date AS d, count(*) AS n FROM articles a WHERE a.pub_date BETWEEN ? AND ? AND {cond} "
        "GROUP BY 1", [days[0] - timedelta(days=half), days[-1] + timedelta(days=half)] + p)}
    index = {d: i for i, d in enumerate(days)}
    series: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(days))
    for r in rows:
        if r["d"] in index and r["k"]:
            series[r["k"]][index[r["d"]]] += r["n"]
    per_day = [volume.get(d, 0) for d in days]
    if normalise:
        window = [sum(volume.get(d + timedelta(days=k), 0) for k in range(-half, half + 1)) for d in days]
        for values in series.values():
            for i, n in enumerate(window):
                values[i] = values[i] / n if n else 0.0
    return dict(series), per_day


# -- map ----------------------------------------------------------------------------------------

def map_incidents(store, f: Filters, limit: int = 5000) -> list[dict[str, Any]]:
    """Incidents with a place: coordinates of a point-like place, else the country (the
    map draws those at the country's centre, marked as approximate)."""
    fast = summaries.ready(store)
    where, params = incident_conditions(f, fast, keyed=fast, scope=incident_scope(store, f.about))
    where.append("(i.lat IS NOT NULL OR i.place_country IS NOT NULL)")
    return store.rows(f"""SELECT i.incident_id, i.label, i.type, i.quad_class, i.place_name, i.place_country,
                                 i.lat, i.lon, i.n_sources, i.n_articles, i.date_start, i.conflicted
                          FROM {_incidents_source(fast)} WHERE {' AND '.join(where)}
                          ORDER BY i.n_sources DESC, i.incident_id LIMIT {int(limit)}""", params)


# -- form choices --------------------------------------------------------------------------------

def choices(store) -> dict[str, Any]:
    """Values offered in the filter form's drop-downs."""
    outlets = [r["outlet"] for r in store.rows(
        "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT 300")]
    span = store.rows("SELECT min(event_date) AS lo, max(event_date) AS hi FROM events")[0]
    return {"outlets": outlets, "types": PLOVER_TYPES, "first": span["lo"], "last": span["hi"]}


def watch_polls(store, limit: int = 50) -> list[dict[str, Any]]:
    """The latest polls of `sitrep watch` (empty for a store it never wrote)."""
    return store.rows("SELECT * FROM watch_polls ORDER BY started_at DESC, poll_id DESC LIMIT ?", [limit])


def ingest_runs(store, limit: int = 10) -> list[dict[str, Any]]:
    rows = store.rows("SELECT run_id, started_at, finished_at, summary FROM ingest_runs "
                      "ORDER BY run_id DESC LIMIT ?", [limit])
    for r in rows:
        try:
            r["summary"] = json.loads(r["summary"]) if r["summary"] else {}
        except ValueError:
            r["summary"] = {}
    return rows
