import csv
import json

import duckdb
import pytest

from corpus_helpers import make_doc
from sitrep.corpus.exports import GDELT_COLUMNS, export
from sitrep.corpus.incidents import rebuild_incidents
from sitrep.corpus.store import Store, content_hash


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "e.duckdb")
    with s.transaction():
        for aid, outlet in (("a", "Wire A"), ("b", "Wire B")):
            d = make_doc(aid, ["US aircraft struck a port near Caracas."], outlet=outlet,
                         url=f"https://{aid}.invalid/x",
                         events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", "reported")])
            s.add_document(d.to_dict(), content_hash(d.article.text + aid))
    rebuild_incidents(s)
    yield s
    s.close()


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_tabular_exports_read_back(store, tmp_path, fmt):
    paths = export(store, fmt, tmp_path / fmt)
    events = next(p for p in paths if p.name == f"events.{fmt}")
    reader = {"parquet": "read_parquet", "csv": "read_csv_auto", "jsonl": "read_json_auto"}[fmt]
    rows = duckdb.sql(f"SELECT type, source_country FROM {reader}('{events}')").fetchall()
    assert rows == [("ASSAULT", "USA"), ("ASSAULT", "USA")]


def test_plover_records(store, tmp_path):
    path = export(store, "plover", tmp_path)[0]
    recs = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(recs) == 2
    r = recs[0]
    assert (r["event_type"], r["actor_country"], r["recipient_country"], r["date"]) == ("ASSAULT", "USA", "VEN", "2025-12-08")
    assert r["certainty"]["status"] == "reported"
    assert r["incident"]["num_sources"] == 2
    assert r["provenance"]["url"].startswith("https://")
    assert r["location"]["lat"] == pytest.approx(10.49)


def test_gdelt_tsv(store, tmp_path):
    path = export(store, "gdelt", tmp_path)[0]
    rows = list(csv.DictReader(path.open(), delimiter="\t"))
    assert list(rows[0].keys()) == list(GDELT_COLUMNS)
    assert rows[0]["SQLDATE"] == "20251208" and rows[0]["EventCode"] == "ASSAULT"
    assert rows[0]["QuadClass"] == "4" and rows[0]["NumSources"] == "2"
    assert (tmp_path / "events.gdelt.README.txt").read_text().startswith("GDELT differences")


def test_unknown_format_is_a_user_error(store, tmp_path):
    from sitrep.errors import SitrepError
    with pytest.raises(SitrepError):
        export(store, "xml", tmp_path)
