"""The Export page: the current filter's events or incidents as CSV, Parquet, JSON or JSON
Lines, with the columns of ``sitrep export`` (its ``events`` and ``incidents`` tables).

DuckDB writes the file (COPY) from the filtered SELECT; CSV cells that a spreadsheet
would run as a formula are neutralised by the same helper as ``sitrep export``.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from sitrep.corpus import csv_safety
from sitrep.corpus.exports import TABLES
from sitrep.web import summaries
from sitrep.web.data import event_conditions, incident_conditions, incident_scope
from sitrep.web.filters import Filters

FORMATS = {
    "csv": ("(FORMAT CSV, HEADER)", "text/csv; charset=utf-8"),
    "parquet": ("(FORMAT PARQUET)", "application/vnd.apache.parquet"),
    "json": ("(FORMAT JSON, ARRAY true)", "application/json"),
    "jsonl": ("(FORMAT JSON)", "application/x-ndjson"),
}
EXPORT_TABLES = ("events", "incidents")
#: the unfiltered SELECTs: the columns are exactly those of `sitrep export`
BASE = {
    "events": TABLES["events"].replace("FROM events", "FROM events e JOIN articles a USING (article_id)")
                              .replace("SELECT *", "SELECT e.*"),
    "incidents": TABLES["incidents"].replace("FROM incidents", "FROM incidents i").replace("SELECT *", "SELECT i.*"),
}


def export(store, table: str, fmt: str, f: Filters, folder: str | None = None) -> tuple[Path, str, str]:
    """Write the filtered ``table`` as ``fmt``; (path, media type, download name)."""
    options, media = FORMATS[fmt]
    fast = summaries.ready(store)
    where, params = (event_conditions(f, fast) if table == "events"
                     else incident_conditions(f, fast, scope=incident_scope(store, f.about)))
    base = BASE[table]
    order = " ORDER BY e.event_date NULLS LAST, e.event_id" if table == "events" else \
        " ORDER BY i.date_start NULLS LAST, i.incident_id"
    select = f"{base} WHERE {' AND '.join(where) or 'TRUE'}{order}"
    if fmt == "csv":
        # the safety wrapper reads the column types from the unfiltered SELECT (DESCRIBE
        # takes no parameters) and then wraps the filtered one: the columns are the same
        wrapped = csv_safety.neutralise_sql(store.con, base)
        select = wrapped.replace(f"FROM ({base}) AS unsafe", f"FROM ({select}) AS unsafe")
    handle = tempfile.NamedTemporaryFile(prefix=f"sitrep-{table}-", suffix=f".{fmt}", dir=folder, delete=False)
    handle.close()
    path = Path(handle.name)
    target = str(path).replace("'", "''")
    store.con.execute(f"COPY ({select}) TO '{target}' {options}", params)
    return path, media, f"sitrep-{table}.{fmt}"
