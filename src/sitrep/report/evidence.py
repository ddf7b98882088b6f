"""The rows a brief is built from, read once from the store for the articles in scope.

Only articles in scope reach this module (see ``scope.py``), so a mention from an article
about something else can never be cited. Events flagged ``background`` (history,
habitual or generic mentions) are dropped here, before any section sees them. Each kept
event says whether it *involves* the subject: the subject is its source, target or
place, or the event's sentence names it.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from sitrep.report.scope import Period, Scope, Subject

_ARTICLE_IDS = "(SELECT unnest(?::VARCHAR[]) AS article_id)"
#: an article without an outlet is named after the file it came from; a name is cut at
#: 120 characters (a hostile page can make it any length)
OUTLET = ("left(coalesce(a.outlet, 'unknown outlet (' || coalesce(nullif(regexp_extract(a.origin, '[^/]+$'), ''), "
          "a.article_id) || ')'), 120) AS outlet")

EVENT_SQL = f"""
    SELECT e.event_id, e.article_id, e.type, e.quad_class, e.mode, e.trigger, e.sentence,
           e.sentence_start, e.sentence_end, e.source_name, e.source_country, e.source_sector,
           e.target_name, e.target_country, e.target_sector, e.date_value, e.event_date,
           e.place_name, e.place_country, e.lat, e.lon, e.place_feature, e.certainty,
           e.attributed_to, e.hedges, e.figures, coalesce(e.background, false) AS background,
           {OUTLET}, a.pub_date, a.url, a.title, a.duplicate_of,
           coalesce(orig.outlet, a.outlet, a.article_id) AS independent_key,
           m.incident_id
    FROM events e JOIN {_ARTICLE_IDS} ids USING (article_id)
    JOIN articles a ON a.article_id = e.article_id
    LEFT JOIN articles orig ON orig.article_id = a.duplicate_of
    LEFT JOIN incident_mentions m ON m.event_id = e.event_id
    ORDER BY a.pub_date, e.article_id, e.sentence_start, e.event_id"""


@dataclass
class Evidence:
    """Events, quotes, quantities and future dates of the in-scope articles of a period."""
    events: list[dict[str, Any]] = field(default_factory=list)
    #: events of the period dated before it (recalled history) or after it (announced)
    other_dated: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    #: quantities by (article_id, sentence_start) of the events' sentences
    quantities: dict[tuple[str, int], list[dict]] = field(default_factory=dict)
    #: every quantity by article, in text order (for the sentence after an event's)
    article_quantities: dict[str, list[dict]] = field(default_factory=dict)
    #: dates later than their article's publication (for "what to watch")
    future_times: list[dict[str, Any]] = field(default_factory=list)
    #: incident rows of the store by id (label, place, coordinates)
    incident_rows: dict[str, dict[str, Any]] = field(default_factory=dict)


def involves(subject: Optional[Subject], e: dict[str, Any]) -> bool:
    if subject is None:
        return True
    return (subject.is_actor(e["source_name"], e["source_country"])
            or subject.is_actor(e["target_name"], e["target_country"])
            or subject.is_place(e["place_name"], e["place_country"])
            or subject.named_in(e["sentence"]))


def load_events(store, article_ids: list[str], period: Optional[Period],
                subject: Optional[Subject]) -> tuple[list[dict], list[dict]]:
    """(events dated in the period, other dated events) of the articles; background dropped."""
    if not article_ids:
        return [], []
    inside, outside = [], []
    seen: set[str] = set()
    for e in store.rows(EVENT_SQL, [article_ids]):
        if e["background"] or e["event_id"] in seen:
            continue
        seen.add(e["event_id"])
        e["involves"] = involves(subject, e)
        e["figures"] = json.loads(e["figures"] or "[]")
        e["hedges"] = json.loads(e["hedges"] or "[]")
        (inside if period is None or period.holds(e["event_date"]) else outside).append(e)
    return inside, outside


def load_evidence(store, scope: Scope) -> Evidence:
    ids = scope.article_ids
    events, other = load_events(store, ids, scope.period, scope.subject)
    ev = Evidence(events=events, other_dated=other)
    if not ids:
        return ev
    ev.quotes = store.rows(f"""
        SELECT q.*, {OUTLET}, a.pub_date, a.url, a.title FROM quotes q JOIN {_ARTICLE_IDS} ids USING (article_id)
        JOIN articles a ON a.article_id = q.article_id
        ORDER BY a.pub_date, q.article_id, q.start_char""", [ids])
    sentences = defaultdict(list)
    for e in events:
        sentences[e["article_id"]].append((e["sentence_start"], e["sentence_end"]))
    quantities: dict[tuple[str, int], list[dict]] = defaultdict(list)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for q in store.rows(f"""SELECT q.* FROM quantities q JOIN {_ARTICLE_IDS} ids USING (article_id)
                            WHERE q.value IS NOT NULL ORDER BY q.article_id, q.start_char""", [ids]):
        by_article[q["article_id"]].append(q)
        for start, end in sentences.get(q["article_id"], ()):
            if start <= q["start_char"] < end:
                if q not in quantities[(q["article_id"], start)]:
                    quantities[(q["article_id"], start)].append(q)
                break
    ev.quantities = dict(quantities)
    ev.article_quantities = dict(by_article)
    ev.future_times = store.rows(f"""
        SELECT t.article_id, t.start_char, t.end_char, t.text, t.value, t.granularity,
               {OUTLET}, a.pub_date, a.url, a.title
        FROM times t JOIN {_ARTICLE_IDS} ids USING (article_id) JOIN articles a ON a.article_id = t.article_id
        WHERE t.type = 'DATE' AND t.granularity IN ('day', 'week', 'month') AND a.pub_date IS NOT NULL
          AND regexp_matches(t.value, '^[0-9]{{4}}-[0-9]{{2}}')
          AND t.value > strftime(a.pub_date, '%Y-%m-%d')
        ORDER BY t.value, t.article_id, t.start_char""", [ids])
    incident_ids = sorted({e["incident_id"] for e in events if e["incident_id"]})
    if incident_ids:
        ev.incident_rows = {r["incident_id"]: r for r in store.rows(
            "SELECT * FROM incidents WHERE incident_id IN (SELECT unnest(?::VARCHAR[]))", [incident_ids])}
    return ev


def quantities_within(ev: Evidence):
    """A function (article_id, (start, end)) -> the article's quantities in that span."""
    def within(article_id: str, span: tuple[int, int]) -> list[dict]:
        return [q for q in ev.article_quantities.get(article_id, ()) if span[0] <= q["start_char"] < span[1]]
    return within


def type_counts(store, article_ids: list[str], period: Period, subject: Optional[Subject]) -> dict[str, int]:
    """Events per type dated in ``period`` of the given articles that involve the subject."""
    counts: dict[str, int] = defaultdict(int)
    events, _ = load_events(store, article_ids, period, subject)
    for e in events:
        if e["involves"]:
            counts[e["type"]] += 1
    return dict(counts)


def day_of(value: Optional[str]) -> Optional[date]:
    """The first day an ISO value (2019-05-01, 2019-05, 2019-W18) stands for."""
    from sitrep.corpus.store import iso_day
    day = iso_day(value)
    if day or not value:
        return day
    try:
        if len(value) == 7 and value[4] == "-":
            return date(int(value[:4]), int(value[5:7]), 1)
        if len(value) >= 8 and value[4:6] == "-W":
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
    except ValueError:
        return None
    return None
