"""`sitrep export`: the store's tables as parquet / csv / jsonl (DuckDB COPY), its events as
PLOVER records, its incidents as a GDELT 2.0 event file with a mentions file, and the whole
store as a Parquet dataset that the reading commands open with ``--db`` (dataset.py).

PLOVER (``events.plover.jsonl``): one JSON record per line and per event mention, in the
shape of the PLOVER manual's data-field chapter: ``id``, ``date``, ``actor`` and
``recipient`` as lists of entity objects (``code``, ``sector``, ``entity_text``,
``identifier_id``, ``identifier_text``), ``event`` and ``mode`` and ``context`` as lists,
``event_loc`` as a location object, ``event_text``, ``quad_code`` (1-4), ``link`` (the
incident), ``text``/``text_info``/``cite_info``; sitrep's own fields (certainty,
provenance spans, figures, incident counts, the CAMEO code) are added under their own
names, as the manual invites. docs/exports.md lists every field.

GDELT (``events.gdelt.tsv``, ``mentions.gdelt.tsv``): headerless, tab-separated, the 61
event columns and 16 mention columns of GDELT 2.0 in their order and types
(knowledge/data/cameo/). A GDELT event is a happening reported by one or more articles,
which is what a sitrep incident is: one event row per incident (its headline mention
gives actors, action and place), one mention row per article mention. Columns sitrep
has no value for are empty; the differences from GDELT's own coding are in the
``events.gdelt.README.txt`` written beside them. ISO codes, PLOVER types and sitrep ids
go to two headed side files (``*.gdelt.sitrep.tsv``) keyed by GLOBALEVENTID.

CSV and TSV cells go through ``csv_safety``: text that a spreadsheet would run as a
formula is written with a leading apostrophe; typed numbers stay numbers.
"""
from __future__ import annotations

import bisect
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator, Optional

from sitrep.corpus import csv_safety
from sitrep.corpus.outlets import outlet_label_sql
from sitrep.corpus.days import event_day
from sitrep.corpus.store import stored_event_id
from sitrep.errors import SitrepError
from sitrep.knowledge import cameo
from sitrep.model import QUAD_CLASS, Actor, Article, Document, Event, Place, document_from_dict

FORMATS = ("parquet", "csv", "jsonl", "plover", "gdelt", "dataset")

#: table -> SELECT for the tabular formats (the full document JSON stays in the DB)
TABLES = {
    "articles": "SELECT * EXCLUDE (document) FROM articles",
    "events": "SELECT * FROM events",
    "incidents": "SELECT * FROM incidents",
    "incident_mentions": "SELECT * FROM incident_mentions",
    "quotes": "SELECT * FROM quotes",
    "quantities": "SELECT * FROM quantities",
    "places": "SELECT * FROM places",
    "actors": "SELECT * FROM actors",
    "skipped": "SELECT * FROM skipped",
}

#: PLOVER quad class -> the number PLOVER and GDELT use for it
QUAD_NUMBER = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3,
               "material conflict": 4}
#: PLOVER's codes for non-state entities in the country field (manual, chapter 5)
PLOVER_ENTITY_CODES = {"UN": "UNO", "EU": "EUR"}
PLOVER_SECTOR_CODES = {"IGO": "IGO", "NGO": "NGO"}
#: documents parsed per query while streaming the store
BATCH = 200


def export(store, fmt: str, out_dir: str | Path) -> list[Path | str]:
    if fmt not in FORMATS:
        raise SitrepError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "dataset":  # every table, readable again with --db (a folder or an fsspec URL)
        from sitrep.corpus.dataset import write_dataset
        return write_dataset(store, out_dir)
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SitrepError(f"cannot create the folder {out} ({exc.strerror}); pass another DIR") from None
    if fmt in ("parquet", "csv", "jsonl"):
        return _copy_tables(store, fmt, out)
    if fmt == "plover":
        return [write_plover(store, out / "events.plover.jsonl")]
    return write_gdelt(store, out)


def _copy_tables(store, fmt: str, out: Path) -> list[Path]:
    options = {"parquet": "(FORMAT PARQUET)", "csv": "(FORMAT CSV, HEADER)",
               "jsonl": "(FORMAT JSON)"}[fmt]
    written = []
    for name, select in TABLES.items():
        path = out / f"{name}.{fmt}"
        target = str(path).replace("'", "''")
        if fmt == "csv":  # text from the web must not reach a spreadsheet as a formula
            select = csv_safety.neutralise_sql(store.con, select)
        store.con.execute(f"COPY ({select}) TO '{target}' {options}")
        written.append(path)
    return written


# -- the stored events, typed ----------------------------------------------------------------

@dataclass
class StoredEvent:
    """One event of the store with what an export needs around it."""
    event_id: str  # unique in the store
    event: Event
    article: Article
    sentences: list  # the article's sentence spans
    lead_end: int  # end of the article's first paragraph (GDELT's IsRootEvent)
    outlet: str  # as corpus.outlets names it
    pub_date: Optional[date]
    ingested_at: Optional[datetime]
    duplicate_of: Optional[str]
    incident: Optional[dict[str, Any]] = None

    @property
    def day(self) -> tuple[Optional[date], str]:
        """(the day the event happened, how it is known): its own date when the text gives
        a day ("text"); for a week its Monday (a weekend its Saturday: basis "week"); for
        a month or year the text gives, the publication day when it falls inside that
        period, else the period's first day (basis "month", "year": a recalled "in 2015"
        is never the publication day of 2019); else the publication day, else none."""
        value = self.event.date.value if self.event.date else None
        own, precision = event_day(value, None) if value else (None, "published")
        if precision == "day":
            return own, "text"
        if own is not None:
            return event_day(value, self.pub_date)[0], "week" if precision == "weekend" else precision
        return (self.pub_date, "publication") if self.pub_date else (None, "none")

    @property
    def sentence_number(self) -> Optional[int]:
        """1-based position of the event's sentence in the article."""
        starts = [s[0] for s in self.sentences]
        i = bisect.bisect_right(starts, self.event.sentence.span[0]) - 1
        return i + 1 if i >= 0 else None


def iter_events(store) -> Iterator[StoredEvent]:
    """Every stored event, article by article (publication order), documents parsed a
    batch at a time so memory stays bounded by the batch."""
    incidents = _incident_of_event(store)
    ids = [r[0] for r in store.con.execute(
        "SELECT article_id FROM articles WHERE n_events > 0 ORDER BY pub_date NULLS LAST, article_id").fetchall()]
    for start in range(0, len(ids), BATCH):
        batch = ids[start:start + BATCH]
        # the outlet as every view names it (no outlet: its site, else its file, else its id)
        meta = {r[0]: r[1:] for r in store.con.execute(
            f"SELECT a.article_id, {outlet_label_sql('a')}, a.pub_date, a.ingested_at, a.duplicate_of "
            "FROM articles a WHERE a.article_id IN (SELECT unnest(?))", [batch]).fetchall()}
        documents = store.documents(batch)
        for aid in batch:
            raw = documents.get(aid)
            if raw is None:
                continue
            doc = document_from_dict(raw)
            outlet, pub, ingested, duplicate_of = meta[aid]
            lead_end = doc.paragraphs[0][1] if doc.paragraphs else len(doc.article.text or "")
            for event in doc.events:
                eid = stored_event_id(aid, event.id)
                yield StoredEvent(eid, event, doc.article, doc.sentences, lead_end, outlet, pub, ingested,
                                  duplicate_of, incidents.get(eid))


def _incident_of_event(store) -> dict[str, dict[str, Any]]:
    """event id -> its incident's row (with when it was first added and first reported)."""
    rows = store.rows("""
        WITH seen AS (
            SELECT m.incident_id, min(a.ingested_at) AS added,
                   arg_min(coalesce(a.url, a.origin, a.article_id),
                           (coalesce(a.pub_date, DATE '9999-12-31'), a.ingested_at, a.article_id)) AS first_source
            FROM incident_mentions m JOIN articles a USING (article_id) GROUP BY m.incident_id)
        SELECT i.*, s.added, s.first_source FROM incidents i JOIN seen s USING (incident_id)""")
    by_id = {r["incident_id"]: r for r in rows}
    return {eid: by_id[iid] for eid, iid in store.con.execute(
        "SELECT event_id, incident_id FROM incident_mentions").fetchall() if iid in by_id}


# -- PLOVER ------------------------------------------------------------------------------------

def write_plover(store, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for se in iter_events(store):
            f.write(json.dumps(plover_record(se), ensure_ascii=False, default=str) + "\n")
    return path


def plover_record(se: StoredEvent) -> dict[str, Any]:
    """One event mention as a PLOVER record (module docstring; docs/exports.md)."""
    e, a = se.event, se.article
    day, basis = se.day
    code = cameo.load_crosswalk().code_for(e.type, e.mode)
    incident = se.incident or {}
    return {
        "id": se.event_id,
        "date": day.isoformat() if day else None,
        "actor": [plover_entity(e.source)] if e.source else [],
        "recipient": [plover_entity(e.target)] if e.target else [],
        "event": [e.type],
        "event_loc": plover_location(e.place),
        "event_text": [e.trigger.text],
        "quad_code": QUAD_NUMBER[QUAD_CLASS[e.type]],
        "mode": [e.mode] if e.mode else [],
        # PLOVER puts its auxiliary modes (historical, future, ...) in the context field
        "context": ["historical"] if e.background else [],
        "link": incident.get("incident_id"),
        "text": e.sentence.text,
        "text_info": {"sequence": se.sentence_number, "start": e.sentence.span[0], "end": e.sentence.span[1]},
        "cite_info": {"citation": a.id, "url": a.url, "title": a.title, "language": a.language,
                      "publication": se.outlet, "coder": _coder(), "codebook": "PLOVER 2.0 (draft)"},
        "coder": _coder(),
        "coded_date": se.ingested_at.date().isoformat() if se.ingested_at else None,
        # sitrep's own fields
        "date_info": {"value": e.date.value if e.date else None, "text": e.date.text if e.date else None,
                      "basis": basis},
        "certainty": {"status": e.certainty.status,
                      "attributed_to": e.certainty.attributed_to.name if e.certainty.attributed_to else None,
                      "cue": e.certainty.cue.text if e.certainty.cue else None,
                      "hedges": list(e.certainty.hedges)},
        "provenance": {"article_id": a.id, "published": a.published, "trigger": list(e.trigger.span),
                       "sentence": list(e.sentence.span), "mentions": [list(m.span) for m in e.mentions]},
        "figures": [{"text": q.text, "value": q.value, "unit": q.unit, "counted": q.counted,
                     "approx": q.approx, "span": list(q.span)} for q in e.figures],
        "incident": {"id": incident.get("incident_id"), "num_mentions": incident.get("n_mentions"),
                     "num_articles": incident.get("n_articles"), "num_sources": incident.get("n_sources")},
        "near_duplicate_of": se.duplicate_of,
        "cameo": {"code": code.code, "root": code.root, "basis": code.basis} if code else None,
    }


def plover_entity(actor: Actor) -> dict[str, Any]:
    """A PLOVER entity object: country (ISO alpha-3) or PLOVER's code for a non-state
    entity in ``code``, the sector, the words, and the KB identifier with its name."""
    return {"code": entity_code(actor), "sector": actor.sector, "entity_text": actor.text,
            "identifier_id": actor.actor_id, "identifier_text": actor.name,
            "kind": actor.kind, "span": list(actor.span)}


def entity_code(actor: Actor) -> Optional[str]:
    if actor.country:
        return actor.country
    igo = _organisation_igo().get(actor.actor_id or "", actor.actor_id)
    if igo in PLOVER_ENTITY_CODES:
        return PLOVER_ENTITY_CODES[igo]
    return PLOVER_SECTOR_CODES.get(actor.sector or "")


def plover_location(place: Optional[Place]) -> Optional[dict[str, Any]]:
    """PLOVER's location object; ``country_code`` is ISO alpha-3 to match the actors'."""
    if place is None:
        return None
    country = cameo.countries().get((place.country or "").upper())
    return {"extracted_place": place.text, "resolved_place": place.name, "geonameid": place.geonameid,
            "lat": place.lat, "lon": place.lon, "province": place.admin1,
            "country": country.name if country else None, "country_code": country.iso3 if country else None,
            "feature": place.feature, "resolution": _RESOLUTION.get(place.feature or ""),
            "span": list(place.span)}


#: sitrep place feature -> PLOVER location resolution (1 country ... 4 city)
_RESOLUTION = {"country": 1, "admin1": 2, "admin2": 3, "city": 4, "locality": 4, "site": 5, "building": 5}


def _coder() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"sitrep {version('sitrep')}"
    except PackageNotFoundError:
        return "sitrep"


def _organisation_igo() -> dict[str, str]:
    """Organisation id -> the IGO it belongs to (UNSC -> UN), from the actor KB's table."""
    global _IGO
    if _IGO is None:
        from sitrep.knowledge.actors import ACTOR_DATA_DIR, read_actor_file

        _IGO = {r["id"]: r.get("igo") or r["id"] for r in read_actor_file(ACTOR_DATA_DIR / "organisations.tsv")}
    return _IGO


_IGO: Optional[dict[str, str]] = None


# -- GDELT 2.0 ----------------------------------------------------------------------------------

#: sitrep place feature -> GDELT geo type (1 country, 2 US state, 3 US city, 4 world city,
#: 5 world state); US places take the US types
_GEO_TYPE = {"country": 1, "admin1": 5, "city": 4, "locality": 4, "site": 4, "building": 4, "admin2": 4}
_US_GEO_TYPE = {5: 2, 4: 3}

EVENT_SIDE_COLUMNS = ("GLOBALEVENTID", "sitrep_incident_id", "sitrep_event_id", "plover_type", "plover_mode",
                      "plover_quad_class", "cameo_basis", "actor1_iso3", "actor1_sector", "actor2_iso3",
                      "actor2_sector", "actiongeo_iso2", "actiongeo_geonameid", "actiongeo_feature",
                      "date_basis", "certainty", "conflicted", "label")
MENTION_SIDE_COLUMNS = ("GLOBALEVENTID", "sitrep_event_id", "article_id", "trigger_start", "trigger_end",
                        "sentence_start", "sentence_end", "actor1_start", "actor1_end", "actor2_start",
                        "actor2_end", "certainty", "attributed_to", "background")


@dataclass
class _GdeltEvent:
    row: list
    side: list
    headline: bool
    sort_key: tuple = field(default_factory=tuple)


def write_gdelt(store, out: Path) -> list[Path]:
    """events.gdelt.tsv (61 columns, one row per incident), mentions.gdelt.tsv (16
    columns, one row per event mention), their sitrep side files and a README."""
    paths = {name: out / name for name in ("events.gdelt.tsv", "mentions.gdelt.tsv", "events.gdelt.sitrep.tsv",
                                           "mentions.gdelt.sitrep.tsv")}
    events: dict[int, _GdeltEvent] = {}
    with paths["mentions.gdelt.tsv"].open("w", encoding="utf-8", newline="") as mentions, \
            paths["mentions.gdelt.sitrep.tsv"].open("w", encoding="utf-8", newline="") as mention_side:
        _write_row(mention_side, MENTION_SIDE_COLUMNS)
        for se in iter_events(store):
            gid = global_event_id(se)
            headline = bool(se.incident) and se.incident.get("headline_event") == se.event_id
            if gid not in events or (headline and not events[gid].headline):
                row, side = gdelt_event_row(gid, se)
                events[gid] = _GdeltEvent(row, side, headline, (row[1] or 0, gid))
            _write_row(mentions, gdelt_mention_row(gid, se, events[gid].row[59]))
            _write_row(mention_side, mention_side_row(gid, se))
    with paths["events.gdelt.tsv"].open("w", encoding="utf-8", newline="") as f, \
            paths["events.gdelt.sitrep.tsv"].open("w", encoding="utf-8", newline="") as side:
        _write_row(side, EVENT_SIDE_COLUMNS)
        for ev in sorted(events.values(), key=lambda v: v.sort_key):
            _write_row(f, ev.row)
            _write_row(side, ev.side)
    readme = out / "events.gdelt.README.txt"
    readme.write_text(GDELT_README, encoding="utf-8")
    return [*paths.values(), readme]


def global_event_id(se: StoredEvent) -> int:
    """A stable positive 60-bit integer for the incident (or the event, when it has
    none): the same store always exports the same ids."""
    key = (se.incident or {}).get("incident_id") or se.event_id
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:15], 16)


def gdelt_event_row(gid: int, se: StoredEvent) -> tuple[list, list]:
    """The 61 GDELT 2.0 values of the incident ``se`` heads, and its side-file row."""
    e, inc = se.event, se.incident or {}
    day, basis = se.day
    if inc.get("date_start"):
        day, basis = inc["date_start"], "incident"
    code = cameo.load_crosswalk().code_for(e.type, e.mode)
    added = inc.get("added") or se.ingested_at
    row = [gid, _yyyymmdd(day), day.strftime("%Y%m") if day else "", day.year if day else "",
           _fraction_date(day),
           *_gdelt_actor(e.source), *_gdelt_actor(e.target),
           int(e.trigger.span[0] < se.lead_end),
           code.code if code else "", code.base if code else "", code.root if code else "",
           code.quad_class if code else "", "",  # GoldsteinScale: a CAMEO-code score sitrep does not assign
           inc.get("n_mentions") or 1, inc.get("n_sources") or 1, inc.get("n_articles") or 1, "",  # AvgTone
           *([""] * 8), *([""] * 8),  # Actor1Geo, Actor2Geo: sitrep does not place actors
           *_gdelt_geo(e.place),
           added.strftime("%Y%m%d%H%M%S") if added else "",
           inc.get("first_source") or se.article.url or se.article.origin or se.article.id]
    side = [gid, inc.get("incident_id") or "", se.event_id, e.type, e.mode or "",
            QUAD_NUMBER[QUAD_CLASS[e.type]], code.basis if code else "",
            e.source.country if e.source and e.source.country else "", e.source.sector if e.source else "",
            e.target.country if e.target and e.target.country else "", e.target.sector if e.target else "",
            e.place.country if e.place and e.place.country else "",
            e.place.geonameid if e.place and e.place.geonameid is not None else "",
            e.place.feature if e.place else "", basis, e.certainty.status,
            "" if inc.get("conflicted") is None else int(bool(inc["conflicted"])), inc.get("label") or ""]
    return row, side


def _gdelt_actor(actor: Optional[Actor]) -> list:
    """Actor{n}Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code,
    Religion2Code, Type1Code, Type2Code, Type3Code."""
    if actor is None:
        return [""] * 10
    country = actor.country or ""
    group = _known_group_code(actor)
    sector = actor.sector or ""
    # CAMEO writes a state actor as country + role (VENGOV), an organisation as IGO + its code
    full = country + sector if country else ("IGO" + group if group else sector)
    return [full, (actor.name or actor.text or "").upper(), country, group, "", "", "", sector, "", ""]


def _known_group_code(actor: Actor) -> str:
    """The CAMEO code of an international organisation (UNO, NAT, ...), "" for others."""
    if actor.country or not actor.actor_id:
        return ""
    igo = _organisation_igo().get(actor.actor_id, actor.actor_id)
    return _reverse_igo_codes().get(igo, "")


def _reverse_igo_codes() -> dict[str, str]:
    """sitrep IGO code -> CAMEO organisation code (the actor KB's cameo.tsv read backwards)."""
    from sitrep.knowledge.actors import load_cameo_codes

    out: dict[str, str] = {}
    for cameo_code, ours in load_cameo_codes().igos.items():
        out.setdefault(ours, cameo_code)
    return out


def _gdelt_geo(place: Optional[Place]) -> list:
    """ActionGeo_Type, FullName, CountryCode (FIPS), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if place is None:
        return [""] * 8
    country = cameo.countries().get((place.country or "").upper())
    geo_type = _GEO_TYPE.get(place.feature or "")
    if geo_type and country and country.iso2 == "US":
        geo_type = _US_GEO_TYPE.get(geo_type, geo_type)
    parts = [place.name] if place.feature != "country" else []
    if place.admin1 and place.feature not in ("country", "admin1"):
        parts.append(place.admin1)
    if country:
        parts.append(country.name)
    fips = country.fips if country else ""
    # GDELT's FeatureID is a GNS/GNIS id (not GeoNames) for places, and the country code
    # for a country-level match; the GeoNames id goes to the side file instead
    feature_id = fips if geo_type == 1 else ""
    return [geo_type or "", ", ".join(p for p in parts if p), fips, "", "",
            "" if place.lat is None else place.lat, "" if place.lon is None else place.lon, feature_id]


def gdelt_mention_row(gid: int, se: StoredEvent, event_added: Any) -> list:
    e, a = se.event, se.article
    web = bool(a.url)
    return [gid, event_added, se.ingested_at.strftime("%Y%m%d%H%M%S") if se.ingested_at else "",
            1 if web else 2,  # 1 WEB (identifier is a URL), 2 CITATIONONLY
            se.outlet or "", a.url if web else (a.origin or a.id), se.sentence_number or "",
            e.source.span[0] if e.source else "", e.target.span[0] if e.target else "", e.trigger.span[0],
            1,  # InRawText: the trigger is in the article's (cleaned) text
            "",  # Confidence: sitrep states certainty in words (side file), not as a percentage
            len(a.text or ""), "", "", ""]


def mention_side_row(gid: int, se: StoredEvent) -> list:
    e = se.event
    src, tgt = e.source, e.target
    return [gid, se.event_id, se.article.id, *e.trigger.span, *e.sentence.span,
            *(src.span if src else ("", "")), *(tgt.span if tgt else ("", "")), e.certainty.status,
            e.certainty.attributed_to.name if e.certainty.attributed_to else "", int(e.background)]


def _yyyymmdd(day: Optional[date]) -> Any:
    return int(day.strftime("%Y%m%d")) if day else ""


def _fraction_date(day: Optional[date]) -> Any:
    """GDELT's YYYY.FFFF: the year plus (month * 30 + day) / 365, four decimals."""
    if not day:
        return ""
    return f"{day.year + (day.month * 30 + day.day) / 365:.4f}"


def _write_row(f, values) -> None:
    """One line of a GDELT-style TSV: no quoting, so tabs and line breaks inside a cell
    become spaces (they would shift the columns of every tool reading it), and text that
    a spreadsheet would run as a formula gets csv_safety's leading apostrophe."""
    f.write("\t".join(_cell(v) for v in values) + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_safety.neutralise(csv_safety.flatten(value))
    return str(value)


GDELT_README = """\
sitrep's GDELT 2.0 export
=========================

events.gdelt.tsv    headerless, tab-separated, the 61 GDELT 2.0 event columns in order;
                    one row per sitrep incident (a happening reported by one or more
                    articles), its actors, action and place taken from the incident's
                    headline mention.
mentions.gdelt.tsv  headerless, the 16 GDELT 2.0 mention columns; one row per event
                    mention in an article.
*.gdelt.sitrep.tsv  sitrep's own columns, with a header, keyed by GLOBALEVENTID: ISO
                    country codes, PLOVER type/mode, sitrep ids, certainty, character spans.

How sitrep fills GDELT's columns
  GLOBALEVENTID       a stable 60-bit number derived from the incident id (the same store
                      always exports the same ids).
  SQLDATE ... FractionDate
                      the incident's first day; else the day the text gives the event
                      (a week: its Monday; a month or year: the publication day when
                      that falls inside, else the period's first day); else the publication
                      day (side file: date_basis: text, week, month, year, publication).
  Actor*Code          ISO alpha-3 country + sitrep sector (CAMEO-style, e.g. VENGOV);
                      IGO + CAMEO organisation code for intergovernmental bodies.
  Actor*Name          the canonical actor name, upper case, as GDELT writes names.
  Actor*CountryCode   ISO 3166-1 alpha-3 (CAMEO's country codes are ISO alpha-3).
  Actor*Type1Code     sitrep's sector (CAMEO three-letter codes; docs/actors.md).
  IsRootEvent         1 when the trigger is in the article's first paragraph.
  EventCode           the CAMEO code the CAMEO->PLOVER crosswalk (PLOVER project, 2021)
                      gives the event's PLOVER category and mode, read backwards: the
                      most general code of the category's home root (knowledge/cameo.py).
                      PLOVER is coarser than CAMEO, so EventRootCode is the reliable part.
  QuadClass           from the CAMEO root, as GDELT derives it (PLOVER's own quad class,
                      which differs for CONCEDE and a few modes, is in the side file).
  NumMentions/NumSources/NumArticles
                      the incident's mentions, independent outlets, articles (all of
                      them, not only those of the first 15 minutes).
  ActionGeo_*         the event's place: type 1 country, 4 city, 5 first-level division
                      (2 and 3 in the US); CountryCode is FIPS 10-4 (from GeoNames);
                      FullName "City, Division, Country". Regions and seas have no GDELT
                      type: type is empty, name and coordinates are given.
  DATEADDED           when sitrep stored the incident's first article (UTC, YYYYMMDDHHMMSS).
  SOURCEURL           the URL of the first article reporting it (its file or id without one).
  Mentions: ActionCharOffset / Actor*CharOffset are character offsets into sitrep's
  cleaned article text; SentenceID counts sentences from 1; MentionType 1 = URL, 2 =
  citation (file path or id).

Left empty (sitrep has no value for them, and invents none)
  GoldsteinScale, AvgTone, Actor*EthnicCode, Actor*Religion*Code, Actor*Type2/3Code,
  Actor1Geo_*, Actor2Geo_*, ActionGeo_ADM1Code/ADM2Code, ActionGeo_FeatureID below the
  country level (GDELT uses GNS ids; the GeoNames id is in the side file), Confidence,
  MentionDocTone, MentionDocTranslationInfo, Extras.
"""
