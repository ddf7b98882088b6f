"""Exports load in the field's tools: PLOVER records validate against the PLOVER record
schema and load as JSON lines; the GDELT files load with GDELT 2.0's own column names
and types, headerless, in DuckDB and pandas."""
import json
from pathlib import Path

import duckdb
import pytest

from corpus_helpers import make_doc
from sitrep.corpus.exports import export
from sitrep.corpus.incidents import rebuild_incidents
from sitrep.corpus.store import Store, content_hash
from sitrep.knowledge.cameo import gdelt_columns
from sitrep.model import Actor, Place

SCHEMA = Path(__file__).parent / "fixtures" / "exports" / "plover_record.schema.json"
DUCK_TYPES = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}


def _add(store, doc):
    store.add_document(doc.to_dict(), content_hash(doc.article.text + doc.article.id))


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "e.duckdb")
    with s.transaction():
        for aid, outlet in (("a", "Wire A"), ("b", "Wire B")):
            _add(s, make_doc(aid, ["US aircraft struck a port near Caracas."], outlet=outlet,
                             url=f"https://{aid}.invalid/x",
                             events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", "reported")]))
        # an organisation accusing, in Germany (FIPS GM, ISO DE), with a tab in the actor's words
        doc = make_doc("c", ["Later the UN\tcriticised the police in Berlin on Friday."], outlet="Wire C",
                       published="2025-12-12", events=[(0, "ACCUSE", "criticised", None, None, None, None, "asserted")])
        ev = doc.events[0]
        ev.source = Actor(span=(10, 13), text="UN\tx", name="United\tNations", sector="IGO", kind="org", actor_id="UN")
        ev.place = Place(span=(44, 50), text="Berlin", name="Berlin", country="DE", admin1="Berlin", lat=52.52,
                         lon=13.40, geonameid=2950159, feature="city")
        ev.mode = "disapprove"
        _add(s, doc)
    rebuild_incidents(s)
    yield s
    s.close()


def _gdelt(path: Path, table: str):
    columns = {name: DUCK_TYPES[t] for name, t in gdelt_columns(table)}
    return duckdb.sql(f"SELECT * FROM read_csv('{path}', delim='\t', header=false, quote='', escape='', "
                      f"auto_detect=false, columns={columns!r})")


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_tabular_exports_read_back(store, tmp_path, fmt):
    paths = export(store, fmt, tmp_path / fmt)
    events = next(p for p in paths if p.name == f"events.{fmt}")
    reader = {"parquet": "read_parquet", "csv": "read_csv_auto", "jsonl": "read_json_auto"}[fmt]
    rows = duckdb.sql(f"SELECT type, source_country FROM {reader}('{events}') ORDER BY type DESC").fetchall()
    assert rows == [("ASSAULT", "USA"), ("ASSAULT", "USA"), ("ACCUSE", None)]


def test_plover_records_validate_against_the_plover_schema(store, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    path = export(store, "plover", tmp_path)[0]
    schema = json.loads(SCHEMA.read_text())
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) == 3
    for record in records:
        jsonschema.validate(record, schema)
    # a bad record is refused: the check can fail
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**records[0], "event": ["FIGHT"]}, schema)
    # and the file loads as JSON lines in DuckDB with the nested objects as structs
    loaded = duckdb.sql(f"SELECT event[1] AS type, actor[1].code AS actor, event_loc.country_code AS loc "
                        f"FROM read_json('{path}', format='newline_delimited') ORDER BY type DESC").fetchall()
    assert loaded == [("ASSAULT", "USA", "VEN"), ("ASSAULT", "USA", "VEN"), ("ACCUSE", "UNO", "DEU")]


def test_plover_record_fields(store, tmp_path):
    path = export(store, "plover", tmp_path)[0]
    recs = {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}
    a = recs["a#e0"]
    assert a["event"] == ["ASSAULT"] and a["quad_code"] == 4 and a["date"] == "2025-12-08"
    assert a["actor"][0]["code"] == "USA" and a["recipient"][0]["code"] == "VEN"
    assert a["actor"][0]["entity_text"] == "United States"
    assert a["event_text"] == ["struck"] and a["text_info"]["sequence"] == 1
    assert a["event_loc"]["resolved_place"] == "Caracas" and a["event_loc"]["resolution"] == 4
    assert a["link"] and a["link"] == recs["b#e0"]["link"]  # one incident, two reports
    assert a["incident"]["num_sources"] == 2
    assert a["certainty"]["status"] == "reported"
    assert a["cameo"] == {"code": "180", "root": "18", "basis": "category"}
    c = recs["c#e0"]
    assert c["mode"] == ["disapprove"] and c["actor"][0]["identifier_id"] == "UN"
    assert c["date"] == "2025-12-12" and c["date_info"]["basis"] == "publication"
    assert c["recipient"] == []


def test_gdelt_events_load_with_the_gdelt_schema(store, tmp_path):
    paths = export(store, "gdelt", tmp_path)
    events = _gdelt(tmp_path / "events.gdelt.tsv", "events")
    assert len(events.columns) == 61
    rows = {r[0]: r for r in events.fetchall()}
    assert len(rows) == 2  # the two reports of the strike are one GDELT event
    by_code = {r[events.columns.index("EventRootCode")]: dict(zip(events.columns, r)) for r in rows.values()}
    strike, accusation = by_code["18"], by_code["11"]
    assert strike["SQLDATE"] == 20251208 and strike["MonthYear"] == 202512 and strike["Year"] == 2025
    assert strike["FractionDate"] == pytest.approx(2025 + (12 * 30 + 8) / 365, abs=1e-4)
    assert (strike["Actor1Code"], strike["Actor1CountryCode"], strike["Actor2CountryCode"]) == ("USA", "USA", "VEN")
    assert strike["EventCode"] == "180" and strike["EventBaseCode"] == "180" and strike["QuadClass"] == 4
    assert (strike["NumMentions"], strike["NumSources"], strike["NumArticles"]) == (2, 2, 2)
    assert strike["ActionGeo_CountryCode"] == "VE" and strike["ActionGeo_Type"] == 4
    assert strike["ActionGeo_Lat"] == pytest.approx(10.49)
    assert strike["GoldsteinScale"] is None and strike["AvgTone"] is None and strike["Actor1Geo_Type"] is None
    assert strike["SOURCEURL"].startswith("https://") and len(str(strike["DATEADDED"])) == 14
    # FIPS 10-4 in GDELT's columns (Germany is GM), ISO in the side file
    assert accusation["ActionGeo_CountryCode"] == "GM" and accusation["ActionGeo_FullName"] == "Berlin, Berlin, Germany"
    assert (accusation["Actor1Code"], accusation["Actor1KnownGroupCode"], accusation["Actor1Type1Code"]) == \
        ("IGOUNO", "UNO", "IGO")
    assert accusation["Actor1Name"] == "UNITED NATIONS" and accusation["Actor2Code"] is None
    assert accusation["EventCode"] == "110" and accusation["QuadClass"] == 3
    side = duckdb.sql(f"SELECT * FROM read_csv('{tmp_path / 'events.gdelt.sitrep.tsv'}', delim='\t', header=true, "
                      "quote='', all_varchar=true)").fetchall()
    side_by_id = {int(r[0]): r for r in side}
    assert side_by_id[accusation["GLOBALEVENTID"]][11] == "DE"
    assert side_by_id[strike["GLOBALEVENTID"]][7] == "USA"
    assert (tmp_path / "events.gdelt.README.txt") in paths


def test_gdelt_mentions_load_and_point_into_the_text(store, tmp_path):
    export(store, "gdelt", tmp_path)
    events = {r[0] for r in _gdelt(tmp_path / "events.gdelt.tsv", "events").fetchall()}
    mentions = _gdelt(tmp_path / "mentions.gdelt.tsv", "mentions")
    assert len(mentions.columns) == 16
    rows = [dict(zip(mentions.columns, r)) for r in mentions.fetchall()]
    assert len(rows) == 3 and {r["GLOBALEVENTID"] for r in rows} == events
    text = store.document("a")["article"]["text"]
    strike = next(r for r in rows if r["MentionIdentifier"] == "https://a.invalid/x")
    assert text[strike["ActionCharOffset"]:].startswith("struck")
    assert strike["MentionType"] == 1 and strike["SentenceID"] == 1 and strike["MentionDocLen"] == len(text)


def test_gdelt_without_incidents_has_one_row_per_event(tmp_path):
    with Store(tmp_path / "n.duckdb") as s:
        with s.transaction():
            for aid in ("a", "b"):
                _add(s, make_doc(aid, ["US aircraft struck a port near Caracas."],
                                 events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08")]))
        export(s, "gdelt", tmp_path / "out")
    rows = _gdelt(tmp_path / "out" / "events.gdelt.tsv", "events").fetchall()
    assert len(rows) == 2 and all(r[31:34] == (1, 1, 1) for r in rows)


def test_exports_name_an_article_without_an_outlet(tmp_path):
    # no outlet and no URL: named by its file (as the brief and the web pages name it), never NULL or ''
    with Store(tmp_path / "o.duckdb") as s:
        with s.transaction():
            doc = make_doc("d", ["US aircraft struck a port near Caracas."], outlet=None,
                           events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08")])
            doc.article.origin = "/inbox/harbor-post.txt"
            _add(s, doc)
        plover = export(s, "plover", tmp_path / "p")[0]
        export(s, "gdelt", tmp_path / "g")
    record = json.loads(plover.read_text().splitlines()[0])
    assert record["cite_info"]["publication"] == "harbor-post.txt"
    mentions = _gdelt(tmp_path / "g" / "mentions.gdelt.tsv", "mentions")
    mention = dict(zip(mentions.columns, mentions.fetchall()[0]))
    assert mention["MentionSourceName"] == "harbor-post.txt"


def test_exports_are_stable(store, tmp_path):
    export(store, "gdelt", tmp_path / "one")
    export(store, "gdelt", tmp_path / "two")
    for name in ("events.gdelt.tsv", "mentions.gdelt.tsv", "events.gdelt.sitrep.tsv"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_unknown_format_is_a_user_error(store, tmp_path):
    from sitrep.errors import SitrepError
    with pytest.raises(SitrepError):
        export(store, "xml", tmp_path)


def test_gdelt_events_load_in_pandas_with_gdelt_dtypes(store, tmp_path):
    pd = pytest.importorskip("pandas")
    import csv

    export(store, "gdelt", tmp_path)
    dtypes = {"INTEGER": "Int64", "FLOAT": "float64", "STRING": "string"}
    columns = gdelt_columns("events")
    frame = pd.read_csv(tmp_path / "events.gdelt.tsv", sep="\t", header=None, quoting=csv.QUOTE_NONE,
                        names=[n for n, _ in columns], dtype={n: dtypes[t] for n, t in columns})
    assert frame.shape == (2, 61)
    assert sorted(frame["EventRootCode"]) == ["11", "18"]  # zero-led codes stay text
    assert frame["GoldsteinScale"].isna().all() and frame["NumArticles"].sum() == 3
