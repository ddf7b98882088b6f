"""Read queries over the store: events, incidents, skipped inputs, with the CLI's filters."""
from __future__ import annotations

import functools
import json
from typing import Any, Optional

from sitrep.errors import SitrepError
from sitrep.model import PLOVER_TYPES


@functools.lru_cache(maxsize=64)
def country_codes(term: str) -> tuple[Optional[str], Optional[str]]:
    """(alpha-3, alpha-2) for a country name or code ("Venezuela", "VEN", "ve"), else Nones."""
    try:
        import pycountry
        c = pycountry.countries.lookup(term.strip())
        return c.alpha_3, c.alpha_2
    except (LookupError, ImportError):
        return None, None


def about_articles_sql(about: Optional[str], alias: str = "a") -> tuple[str, list]:
    """SQL condition selecting articles about a term: text/title mention it, or an event
    with an actor or place of that country."""
    if not about:
        return "TRUE", []
    a3, a2 = country_codes(about)
    like = f"%{about}%"
    cond = (f"({alias}.title ILIKE ? OR {alias}.text ILIKE ? OR {alias}.article_id IN ("
            "SELECT article_id FROM events WHERE source_name ILIKE ? OR target_name ILIKE ?"
            " OR source_country = ? OR target_country = ? OR place_country = ?))")
    return cond, [like, like, like, like, a3 or "", a3 or "", a2 or ""]


def _check_type(event_type: Optional[str]) -> Optional[str]:
    if event_type is None:
        return None
    t = event_type.upper()
    if t not in PLOVER_TYPES:
        raise SitrepError(f"unknown event type {event_type!r}; one of {', '.join(PLOVER_TYPES)}")
    return t


def events(store, *, actor: Optional[str] = None, event_type: Optional[str] = None,
           since: Optional[str] = None, until: Optional[str] = None, about: Optional[str] = None,
           certainty: Optional[str] = None, include_duplicates: bool = True,
           limit: Optional[int] = None) -> list[dict[str, Any]]:
    where, params = ["TRUE"], []
    if actor:
        a3, _ = country_codes(actor)
        where.append("(e.source_name ILIKE ? OR e.target_name ILIKE ? OR e.source_country = ? OR "
                     "e.target_country = ? OR e.source_country = ? OR e.target_country = ?)")
        params += [f"%{actor}%", f"%{actor}%", actor.upper(), actor.upper(), a3 or "", a3 or ""]
    t = _check_type(event_type)
    if t:
        where.append("e.type = ?")
        params.append(t)
    if since:
        where.append("e.event_date >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append("e.event_date <= CAST(? AS DATE)")
        params.append(until)
    if certainty:
        where.append("e.certainty = ?")
        params.append(certainty)
    if not include_duplicates:
        where.append("a.duplicate_of IS NULL")
    cond, p = about_articles_sql(about)
    where.append(cond)
    params += p
    sql = f"""SELECT e.event_id, e.event_date, e.type, e.quad_class, e.source_name, e.source_country,
                     e.target_name, e.target_country, e.place_name, e.place_country, e.lat, e.lon,
                     e.certainty, e.attributed_to, e.cue, e.hedges, e.trigger, e.sentence,
                     e.date_value, e.figures, e.quote_id, e.mode,
                     a.outlet, a.pub_date, a.url, a.title, a.article_id, a.duplicate_of,
                     e.sentence_start, e.sentence_end, e.trigger_start, e.trigger_end
              FROM events e JOIN articles a USING (article_id)
              WHERE {' AND '.join(where)}
              ORDER BY e.event_date NULLS LAST, e.event_id"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.rows(sql, params)


def incidents(store, *, about: Optional[str] = None, since: Optional[str] = None,
              until: Optional[str] = None, event_type: Optional[str] = None, min_sources: int = 1,
              limit: Optional[int] = None, with_mentions: bool = True) -> list[dict[str, Any]]:
    where, params = ["i.n_sources >= ?"], [min_sources]
    t = _check_type(event_type)
    if t:
        where.append("i.type = ?")
        params.append(t)
    if since:
        where.append("coalesce(i.date_end, i.latest_reported) >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append("coalesce(i.date_start, i.first_reported) <= CAST(? AS DATE)")
        params.append(until)
    if about:
        cond, p = about_articles_sql(about)
        where.append(f"i.incident_id IN (SELECT m.incident_id FROM incident_mentions m "
                     f"JOIN articles a USING (article_id) WHERE {cond})")
        params += p
    sql = f"""SELECT i.* FROM incidents i WHERE {' AND '.join(where)}
              ORDER BY i.n_sources DESC, i.n_articles DESC, i.date_start NULLS LAST, i.incident_id"""
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows = store.rows(sql, params)
    for r in rows:
        r["certainty"] = json.loads(r["certainty"]) if r.get("certainty") else {}
    if with_mentions and rows:
        ids = [r["incident_id"] for r in rows]
        mentions = store.rows(f"""
            SELECT m.incident_id, m.event_id, m.outlet, m.certainty, m.independent_key, e.trigger, e.sentence,
                   e.type, e.event_date, e.attributed_to, e.hedges, a.pub_date, a.url, a.title, a.article_id,
                   a.duplicate_of, e.sentence_start, e.sentence_end
            FROM incident_mentions m JOIN events e USING (event_id) JOIN articles a ON a.article_id = m.article_id
            WHERE m.incident_id IN ({', '.join(['?'] * len(ids))})
            ORDER BY a.pub_date NULLS LAST, m.event_id""", ids)
        by_id: dict[str, list] = {}
        for m in mentions:
            by_id.setdefault(m["incident_id"], []).append(m)
        for r in rows:
            r["mentions"] = by_id.get(r["incident_id"], [])
    return rows


def skipped(store, reason: Optional[str] = None) -> list[dict[str, Any]]:
    sql = "SELECT skipped_at, reason, stage, origin, input_id, detail FROM skipped"
    params = []
    if reason:
        sql += " WHERE reason = ?"
        params.append(reason)
    return store.rows(sql + " ORDER BY skipped_at, origin", params)


def articles(store, about: Optional[str] = None, since: Optional[str] = None,
             until: Optional[str] = None) -> list[dict[str, Any]]:
    cond, params = about_articles_sql(about)
    where = [cond]
    if since:
        where.append("(a.pub_date IS NULL OR a.pub_date >= CAST(? AS DATE))")
        params.append(since)
    if until:
        where.append("(a.pub_date IS NULL OR a.pub_date <= CAST(? AS DATE))")
        params.append(until)
    return store.rows(f"""SELECT a.article_id, a.title, a.outlet, a.pub_date, a.url, a.duplicate_of, a.n_events
                          FROM articles a WHERE {' AND '.join(where)} ORDER BY a.pub_date NULLS LAST""", params)
