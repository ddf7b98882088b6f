"""Incidents: event mentions from different articles that describe one real-world event.

Re-computed from all stored events after each ingest (``rebuild_incidents``), not
updated incrementally: at the scale of a crisis corpus (thousands of events) a full pass
takes well under a second, is deterministic (the same corpus always gives the same
incidents, whatever the order it arrived in) and never leaves stale clusters behind when
an article is replaced by a newer version.

Two mentions may share an incident when they have
  * the same type family (FAMILY; a finer split than PLOVER's quad classes),
  * compatible actors: source countries equal or one unknown, the same for targets,
  * compatible places: within MAX_KM when both are point-like (a city, a province) with
    coordinates, else the same country when both name a place in one (a sea or a region
    such as "the Caribbean" constrains nothing: its centroid says little), else no
    constraint,
  * dates within the family's window (WINDOW_DAYS; verbal events get a wider one).
Mentions are taken in date order and each joins the best compatible open incident
(most agreeing attributes, then nearest in time) or starts a new one; comparing with
the incident's first-known attributes rather than with any member avoids single-link
chaining across a run of similar strikes.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from sitrep.geo import haversine_km
from sitrep.model import QUAD_CLASS

#: type -> family; events of different families never share an incident
FAMILY = {t: t for t in QUAD_CLASS}

#: how many days apart two mentions of one incident may be dated. Strikes and seizures
#: get one day (enough for "on Tuesday" resolved across time zones): in a campaign of
#: strikes every few days, two days merged distinct strikes (demo gold: B-cubed
#: precision 0.96 with 2 days, 0.98 with 1, recall unchanged)
WINDOW_DAYS = {"ASSAULT": 1, "COERCE": 1, "PROTEST": 2, "MOBILIZE": 3, "SANCTION": 3, "AID": 3,
               "COOPERATE": 3, "RETREAT": 3}
VERBAL_WINDOW_DAYS = 4
MAX_KM = 150.0
#: share of content words two sentences must have in common to stand for one incident
#: when nothing else (actors, place, article) links them
MIN_OVERLAP = 0.2
OVERLAP_MEMBERS = 8
#: place features precise enough for a distance test; others are compared by country
POINT_FEATURES = {"city", "admin1", "admin2", "locality", "site", "building"}
#: places that are not inside one country
AREA_FEATURES = {"water", "region", "continent"}

#: how strongly a status asserts that the event happened (for the headline mention)
STATUS_RANK = {"asserted": 7, "reported": 6, "claimed": 5, "alleged": 4, "hypothetical": 3,
               "threatened": 2, "denied": 1, "negated": 0}
AFFIRMING = {"asserted", "reported", "claimed", "alleged"}
DENYING = {"denied", "negated"}


@dataclass
class Mention:
    event_id: str
    article_id: str
    type: str
    outlet: Optional[str]
    independent_key: str
    certainty: str
    day: Optional[date]
    pub_date: Optional[date]
    source_country: Optional[str]
    target_country: Optional[str]
    source_name: Optional[str]
    target_name: Optional[str]
    place_name: Optional[str]
    place_country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    place_feature: Optional[str] = None
    words: frozenset = frozenset()
    unknown_label: Optional[str] = None  # how to name the source when the outlet is unknown

    def __post_init__(self) -> None:
        if self.place_feature in AREA_FEATURES:
            self.place_country = None
        if self.place_feature not in POINT_FEATURES:
            self.lat = self.lon = None


@dataclass
class Incident:
    family: str
    mentions: list[Mention] = field(default_factory=list)
    start: Optional[date] = None
    end: Optional[date] = None
    source_country: Optional[str] = None
    target_country: Optional[str] = None
    place_country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    articles: set = field(default_factory=set)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.articles.add(m.article_id)
        if m.day:
            self.start = min(self.start, m.day) if self.start else m.day
            self.end = max(self.end, m.day) if self.end else m.day
        self.source_country = self.source_country or m.source_country
        self.target_country = self.target_country or m.target_country
        self.place_country = self.place_country or m.place_country
        if self.lat is None and m.lat is not None and m.lon is not None:
            self.lat, self.lon = m.lat, m.lon


def window_days(event_type: str) -> int:
    return WINDOW_DAYS.get(event_type, VERBAL_WINDOW_DAYS)


def score(inc: Incident, m: Mention) -> Optional[float]:
    """None when the mention cannot belong to the incident, else how well it fits.

    Compatibility alone is not enough: a mention with neither actors nor place is
    compatible with everything, so it joins only on some positive evidence -- an agreeing
    actor or place, another mention of the incident in the same article, or a sentence
    sharing enough content words (MIN_OVERLAP) with one of the incident's.
    """
    agree = 0.0
    for mine, theirs in ((inc.source_country, m.source_country), (inc.target_country, m.target_country)):
        if mine and theirs:
            if mine != theirs:
                return None
            agree += 1
    if inc.lat is not None and m.lat is not None:
        if haversine_km(inc.lat, inc.lon, m.lat, m.lon) > MAX_KM:
            return None
        agree += 1
    elif inc.place_country and m.place_country:
        if inc.place_country != m.place_country:
            return None
        agree += 0.5
    if m.day and inc.start:
        # measured from both ends, so an incident never spans more than one window
        window = window_days(m.type)
        gap = max((inc.start - m.day).days, (m.day - inc.end).days, 0)
        spread = max(inc.end, m.day) - min(inc.start, m.day)
        if gap > window or spread.days > window:
            return None
        gap_penalty = gap / (window + 1)
    else:
        gap_penalty = 0.0
    # the first mentions stand for the incident: comparing with all of a big incident's
    # members would make clustering quadratic in its size
    overlap = max((_overlap(m.words, other.words) for other in inc.mentions[:OVERLAP_MEMBERS]), default=0.0)
    same_article = m.article_id in inc.articles
    if agree == 0 and not same_article and overlap < MIN_OVERLAP:
        return None
    return agree + overlap + 0.5 * same_article - gap_penalty


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
STOPWORDS = frozenset("""a an the and or but of in on at to for from by with as is are was were be been
being has have had do does did not no it its this that these those he she they them his her their
we our you your i said says say would will could should may might also than then there here which
who whom whose what when where while after before about over into under against between during
more most other some such only own same so very can just one two three new mr mrs ms""".split())


def content_words(text: str) -> frozenset:
    return frozenset(w.lower() for w in _WORD.findall(text or "") if w.lower() not in STOPWORDS)


def cluster(mentions: list[Mention]) -> list[Incident]:
    by_family: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_family[FAMILY.get(m.type, m.type)].append(m)
    incidents: list[Incident] = []
    for family, items in sorted(by_family.items()):
        items.sort(key=lambda m: (m.day or date.max, m.event_id))
        open_incidents: list[Incident] = []
        for m in items:
            best, best_score = None, None
            for inc in open_incidents:
                s = score(inc, m)
                if s is not None and (best_score is None or s > best_score):
                    best, best_score = inc, s
            if best is None:
                best = Incident(family=family)
                open_incidents.append(best)
                incidents.append(best)
            best.add(m)
            if m.day:  # incidents that ended well before this date can no longer grow
                horizon = window_days(m.type) + 1
                open_incidents = [i for i in open_incidents if not i.end or (m.day - i.end).days <= horizon]
    return incidents


def load_mentions(store) -> list[Mention]:
    rows = store.rows("""
        SELECT e.event_id, e.article_id, e.type, a.outlet, e.certainty, e.event_date, a.pub_date,
               e.source_country, e.target_country, e.source_name, e.target_name,
               e.place_name, e.place_country, e.lat, e.lon, e.place_feature, e.sentence, a.duplicate_of,
               coalesce(orig.outlet, a.outlet, a.article_id) AS independent_key,
               'unknown outlet (' || coalesce(nullif(regexp_extract(a.origin, '[^/]+$'), ''), a.article_id)
                   || ')' AS unknown_label
        FROM events e JOIN articles a USING (article_id)
        LEFT JOIN articles orig ON orig.article_id = a.duplicate_of
        ORDER BY e.event_id""")
    return [Mention(
        event_id=r["event_id"], article_id=r["article_id"], type=r["type"], outlet=r["outlet"],
        independent_key=r["independent_key"], certainty=r["certainty"] or "asserted",
        day=r["event_date"], pub_date=r["pub_date"], source_country=r["source_country"],
        target_country=r["target_country"], source_name=r["source_name"], target_name=r["target_name"],
        place_name=r["place_name"], place_country=r["place_country"], lat=r["lat"], lon=r["lon"],
        place_feature=r["place_feature"], words=content_words(r["sentence"]), unknown_label=r["unknown_label"],
    ) for r in rows]


def _most_common(values) -> Optional[str]:
    values = [v for v in values if v]
    return Counter(values).most_common(1)[0][0] if values else None


def describe(inc: Incident) -> dict[str, Any]:
    ms = inc.mentions
    first = min(ms, key=lambda m: m.event_id)
    headline = max(ms, key=lambda m: (STATUS_RANK.get(m.certainty, 0), -(m.pub_date or date.max).toordinal()))
    certainty: dict[str, list[str]] = defaultdict(list)
    for m in ms:
        key = m.outlet or m.unknown_label or f"unknown outlet ({m.article_id})"
        if m.certainty not in certainty[key]:
            certainty[key].append(m.certainty)
    statuses = {m.certainty for m in ms}
    typ = _most_common(m.type for m in ms)
    source = _most_common(m.source_name for m in ms)
    target = _most_common(m.target_name for m in ms)
    place = _most_common(m.place_name for m in ms)
    label = f"{typ}: {source or '?'} -> {target or '?'}" + (f" in {place}" if place else "")
    pubs = [m.pub_date for m in ms if m.pub_date]
    return {
        "incident_id": "inc-" + hashlib.sha1(first.event_id.encode()).hexdigest()[:10],
        "family": inc.family, "type": typ, "quad_class": QUAD_CLASS.get(typ or ""),
        "label": label, "source_name": source, "source_country": inc.source_country,
        "target_name": target, "target_country": inc.target_country,
        "place_name": place, "place_country": inc.place_country, "lat": inc.lat, "lon": inc.lon,
        "date_start": inc.start, "date_end": inc.end,
        "first_reported": min(pubs) if pubs else None, "latest_reported": max(pubs) if pubs else None,
        "n_mentions": len(ms), "n_articles": len({m.article_id for m in ms}),
        "n_sources": len({m.independent_key for m in ms}),
        "certainty": json.dumps(dict(certainty)),
        "conflicted": bool(statuses & AFFIRMING and statuses & DENYING),
        "headline_event": headline.event_id,
    }


COLUMNS = ("incident_id", "family", "type", "quad_class", "label", "source_name", "source_country",
           "target_name", "target_country", "place_name", "place_country", "lat", "lon", "date_start",
           "date_end", "first_reported", "latest_reported", "n_mentions", "n_articles", "n_sources",
           "certainty", "conflicted", "headline_event")


def rebuild_incidents(store) -> int:
    """Re-cluster every stored event into incidents; returns the number of incidents."""
    incidents = cluster(load_mentions(store))
    rows, links = [], []
    for inc in incidents:
        d = describe(inc)
        rows.append([d[c] for c in COLUMNS])
        for m in inc.mentions:
            links.append([d["incident_id"], m.event_id, m.article_id, m.outlet, m.certainty, m.independent_key])
    with store.transaction():
        store.con.execute("DELETE FROM incident_mentions")
        store.con.execute("DELETE FROM incidents")
        if rows:
            store.con.executemany(f"INSERT INTO incidents ({', '.join(COLUMNS)}) VALUES "
                                  f"({', '.join(['?'] * len(COLUMNS))})", rows)
            store.con.executemany("INSERT INTO incident_mentions VALUES (?, ?, ?, ?, ?, ?)", links)
    return len(rows)
