"""`sitrep export`: tables to parquet / csv / jsonl (DuckDB COPY), PLOVER-style JSON
event records, and a GDELT-2.0-like events file.

CSV and TSV cells go through ``csv_safety``: text that a spreadsheet would run as a
formula is written with a leading apostrophe.

GDELT differences (also written to the file's README): EventCode/EventBaseCode/
EventRootCode hold our PLOVER type (e.g. ASSAULT), not a CAMEO number; QuadClass is
PLOVER's quad class mapped to GDELT's 1-4 (1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict); NumSources counts independent outlets of the
event's incident (near-duplicate copies collapsed), NumArticles the incident's articles,
NumMentions its event mentions; ActionGeo_CountryCode is ISO 3166 alpha-2 (GDELT uses FIPS
10-4 codes), Actor*CountryCode ISO alpha-3 (as CAMEO); SQLDATE is the event's date when the
text gives a day, else the article's publication date; DATEADDED is the publication day;
columns we have no value for (GoldsteinScale, AvgTone, Actor1KnownGroupCode, ...) are
left out rather than filled with invented numbers.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sitrep.corpus import csv_safety
from sitrep.errors import SitrepError

FORMATS = ("parquet", "csv", "jsonl", "plover", "gdelt")

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

QUAD_NUMBER = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3,
               "material conflict": 4}

GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Name", "Actor1CountryCode",
                 "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode",
                 "EventRootCode", "QuadClass", "NumMentions", "NumSources", "NumArticles",
                 "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
                 "DATEADDED", "SOURCEURL")


def export(store, fmt: str, out_dir: str | Path) -> list[Path]:
    if fmt not in FORMATS:
        raise SitrepError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if fmt in ("parquet", "csv", "jsonl"):
        return _copy_tables(store, fmt, out)
    if fmt == "plover":
        return [_plover(store, out / "events.plover.jsonl")]
    return [_gdelt(store, out / "events.gdelt.tsv")]


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


def _event_rows(store) -> list[dict[str, Any]]:
    return store.rows("""
        SELECT e.*, a.title, a.published, a.duplicate_of,
               i.incident_id, i.n_sources, i.n_articles, i.n_mentions
        FROM events e JOIN articles a USING (article_id)
        LEFT JOIN incident_mentions m ON m.event_id = e.event_id
        LEFT JOIN incidents i ON i.incident_id = m.incident_id
        ORDER BY e.event_date NULLS LAST, e.event_id""")


def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER-style record, plus sitrep's certainty and provenance fields."""
    return {
        "id": r["event_id"],
        "event_type": r["type"],
        "mode": r.get("mode") or "",
        "event_text": r["sentence"],
        "trigger": r["trigger"],
        "date": r["event_date"].isoformat() if r.get("event_date") else None,
        "date_text": r.get("date_text"),
        "actor": r.get("source_name"), "actor_country": r.get("source_country"),
        "actor_sector": r.get("source_sector"),
        "recipient": r.get("target_name"), "recipient_country": r.get("target_country"),
        "recipient_sector": r.get("target_sector"),
        "location": {"name": r.get("place_name"), "country": r.get("place_country"),
                     "lat": r.get("lat"), "lon": r.get("lon")} if r.get("place_name") else None,
        "provenance": {"article_id": r["article_id"], "outlet": r.get("outlet"), "url": r.get("url"),
                       "title": r.get("title"), "published": r.get("published"),
                       "sentence_span": [r["sentence_start"], r["sentence_end"]],
                       "trigger_span": [r["trigger_start"], r["trigger_end"]]},
        "certainty": {"status": r.get("certainty"), "attributed_to": r.get("attributed_to"),
                      "cue": r.get("cue"), "hedges": json.loads(r["hedges"]) if r.get("hedges") else []},
        "figures": json.loads(r["figures"]) if r.get("figures") else [],
        "incident": {"id": r.get("incident_id"), "num_sources": r.get("n_sources"),
                     "num_articles": r.get("n_articles")},
        "near_duplicate_of": r.get("duplicate_of"),
    }


def _plover(store, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in _event_rows(store):
            f.write(json.dumps(plover_record(r), ensure_ascii=False, default=str) + "\n")
    return path


def gdelt_row(n: int, r: dict[str, Any]) -> list[Any]:
    day = r.get("event_date")
    pub = r.get("pub_date")
    return [
        n, day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "", r.get("source_name") or "", r.get("source_country") or "",
        r.get("target_name") or "", r.get("target_country") or "", 1,
        r["type"], r["type"], r["type"], QUAD_NUMBER.get(r.get("quad_class") or "", ""),
        r.get("n_mentions") or 1, r.get("n_sources") or 1, r.get("n_articles") or 1,
        r.get("place_name") or "", r.get("place_country") or "",
        "" if r.get("lat") is None else r["lat"], "" if r.get("lon") is None else r["lon"],
        pub.strftime("%Y%m%d") if pub else "", r.get("url") or "",
    ]


def _gdelt(store, path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv_safety.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(GDELT_COLUMNS)
        for n, r in enumerate(_event_rows(store), 1):
            # GDELT's TSV has no quoting: a tab or line break inside a cell would shift columns
            w.writerow([csv_safety.flatten(v) for v in gdelt_row(n, r)])
    note = "GDELT differences" + __doc__.split("GDELT differences", 1)[1]
    (path.parent / "events.gdelt.README.txt").write_text(note, encoding="utf-8")
    return path
