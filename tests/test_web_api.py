"""The JSON API and the pages over a real store: filters, pagination, sorting, one
incident, one article, actors, exports with the columns of `sitrep export`, errors,
security headers and the bind / Host checks."""
from __future__ import annotations

import csv
import io
import json
import warnings
from datetime import date
from urllib.parse import quote

import duckdb
import pytest

from web_helpers import build_store, hostile_docs, normal_docs

warnings.filterwarnings("ignore", message=".*httpx.*")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "store.duckdb", normal_docs() + hostile_docs())


@pytest.fixture(scope="module")
def client(store_path):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    app = create_app(store_path, check_every=60)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def test_events_filtered_and_paginated(client):
    everything = client.get("/api/events?per_page=200").json()
    assert everything["total"] == 12
    assaults = client.get("/api/events?type=assault&per_page=2").json()
    assert assaults["total"] == 7 and assaults["pages"] == 4 and len(assaults["items"]) == 2
    assert {e["type"] for e in assaults["items"]} == {"ASSAULT"}
    page2 = client.get("/api/events?type=ASSAULT&per_page=2&page=2").json()
    assert not {e["event_id"] for e in page2["items"]} & {e["event_id"] for e in assaults["items"]}
    denied = client.get("/api/events?certainty=denied").json()
    assert [e["outlet"] for e in denied["items"]] == ["Bolivarian Voice"]
    # the CLI's filters: actor by country code, about, a date range
    since = client.get("/api/events?since=2025-12-11").json()
    assert {e["event_date"] for e in since["items"]} == {"2025-12-11"}
    actor = client.get("/api/events?actor=VEN&type=REQUEST").json()
    assert actor["total"] == 4
    about = client.get("/api/events?about=Maracaibo").json()
    assert {e["article_id"] for e in about["items"]} == {"wire-2"}


def test_event_fields_are_the_export_columns(client, store_path):
    con = duckdb.connect(str(store_path), read_only=True)
    columns = [r[0] for r in con.execute("DESCRIBE SELECT * FROM events").fetchall()]
    con.close()
    item = client.get("/api/events?per_page=1").json()["items"][0]
    assert list(item) == columns
    assert isinstance(item["hedges"], list)  # JSON columns come parsed


def test_incidents_filter_sort_and_permalink(client):
    rows = client.get("/api/incidents?min_sources=2&type=ASSAULT").json()["items"]
    assert len(rows) == 1
    strike = rows[0]
    assert strike["type"] == "ASSAULT" and strike["conflicted"] is True and strike["n_sources"] >= 3
    assert client.get("/api/incidents?contested=yes").json()["total"] >= 1
    uncontested = client.get("/api/incidents?contested=no").json()["items"]
    assert strike["incident_id"] not in {r["incident_id"] for r in uncontested}
    by_date = client.get("/api/incidents?sort=date").json()["items"]
    dates = [r["date_start"] for r in by_date if r["date_start"]]
    assert dates == sorted(dates, reverse=True)
    by_outlet = client.get("/api/incidents?outlet=bolivarian").json()["items"]
    assert [r["incident_id"] for r in by_outlet] == [strike["incident_id"]]
    assert client.get("/api/incidents?q=maracaibo").json()["total"] == 1
    assert client.get("/api/incidents?country=Venezuela&type=ASSAULT").json()["total"] >= 2
    detail = client.get(f"/api/incidents/{strike['incident_id']}").json()
    outlets = {m["outlet"] for m in detail["mentions"]}
    assert {"Andes Wire", "Harbor Post", "Bolivarian Voice"} <= outlets
    denial = next(m for m in detail["mentions"] if m["outlet"] == "Bolivarian Voice")
    assert denial["certainty"] == "denied" and "denied" in denial["sentence"]
    html = client.get(f"/incidents/{strike['incident_id']}").text
    assert "Contested" in html and "Bolivarian Voice" in html and "denial" in html


def test_article_with_layers_and_selected_sentence(client):
    art = client.get("/api/articles/wire-1").json()
    assert art["outlet"] == "Andes Wire" and "document" not in {k for k in art if k == "text_html"}
    assert art["document"]["schema"] == "sitrep.document/1"
    assert len(art["events"]) == 2 and art["events"][0]["incident_id"]
    page = client.get("/articles/wire-1?event=wire-1%23e0").text
    assert 'id="sel"' in page and "ev-asserted" in page and "figure" in page
    assert client.get("/api/articles/nope").status_code == 404


def test_actors_positions(client):
    rows = {r["name"]: r for r in client.get("/api/actors?per_page=200").json()["items"]}
    ven = rows["Venezuela"]
    assert ven["demands"] == 1 and ven["accusations"] == 1
    detail = client.get("/api/actors/Venezuela").json()
    assert [e["type"] for e in detail["positions"]["demands"]] == ["REQUEST"]
    assert detail["quotes"] and detail["quotes"][0]["text"] == "accused Washington of murder"
    assert client.get("/actors/Venezuela").status_code == 200
    # quotes follow the article filters: the only quote is not in an article about Maracaibo
    narrowed = {r["name"]: r for r in client.get("/api/actors?about=Caracas&outlet=Harbor").json()["items"]}
    assert narrowed["Venezuela"]["quotes"] == 1
    assert client.get("/api/actors/Venezuela?outlet=Andes").json()["quotes"] == []


def test_a_malformed_parameter_is_the_documented_400_not_a_422(client):
    r = client.get("/api/live?after=abc")
    assert r.status_code == 400 and set(r.json()) == {"error"} and "after='abc'" in r.json()["error"]


def test_a_year_or_a_month_means_what_it_means_on_the_command_line(client):
    every = client.get("/api/events?per_page=200").json()
    assert client.get("/api/events?since=1990&until=2999&per_page=200").json() == every
    assert client.get("/api/events?until=1990-05&per_page=200").json()["items"] == []


def test_bad_filters_are_one_line_400s(client):
    for query, word in (("since=2012-13", "YYYY-MM"), ("type=BOMB", "PLOVER"), ("certainty=sure", "status"),
                        ("per_page=100000", "range"), ("page=-1", "range"), ("sort=evil;drop", "sort"),
                        ("since=2025-12-10&until=2025-12-01", "swap"), ("since=20251201", "YYYY-MM-DD"),
                        ("until=2025-W49-1", "YYYY-MM-DD"), ("since=%EF%BC%92025-12-01", "YYYY-MM-DD"),
                        ("per_page=%D9%A1%D9%A2", "whole number")):
        r = client.get(f"/api/incidents?{query}")
        assert r.status_code == 400 and word in r.json()["error"], query
        page = client.get(f"/incidents?{query}")
        assert page.status_code == 400 and "Traceback" not in page.text


def test_a_malformed_map_box_is_a_400_naming_the_parameter_and_its_form(client):
    for box in ("abc", "1,2,3", "1,2,3,4,5", "10,0,-10,5", "-75,20,-59,10", "-200,0,-59,13", "-75,0,-59,95",
                "nan,0,1,1", "-75,0,inf,13", "-75,,-59,13", "<script>,1,2,3"):
        r = client.get(f"/api/map?box={quote(box)}")
        assert r.status_code == 400, (box, r.status_code)
        error = r.json()["error"]
        assert set(r.json()) == {"error"} and "\n" not in error
        assert error.startswith("box=") and "west,south,east,north" in error, error
        page = client.get(f"/map?box={quote(box)}")
        assert page.status_code == 400 and "west,south,east,north" in page.text and "Traceback" not in page.text
    zoomed = client.get("/api/map?box=-75,0,-59,13").json()
    assert zoomed["zoomed"] is True and zoomed["box"] == [-75.0, 0.0, -59.0, 13.0]
    assert client.get("/api/map?box=").json()["zoomed"] is False  # empty: the whole map


def test_unknown_choices_and_negative_numbers_are_400s_not_defaults(client):
    for path, word in (("/api/overview?group=weekly", "group="), ("/api/overview?norm=maybe", "norm="),
                       ("/api/brief?format=pdf", "format="), ("/api/live?after=-1", "after="),
                       ("/api/live/stream?after=-3", "after="), ("/api/live/stream?after=x", "after="),
                       ("/api/brief?type=ASSAULT", "type"), ("/api/events?per_page=-5", "per_page="),
                       ("/api/incidents?min_sources=-1", "min_sources="), ("/api/events?page=0", "page=")):
        r = client.get(path)
        assert r.status_code == 400 and word in r.json()["error"], (path, r.status_code, r.text[:200])
    for path in ("/?group=weekly", "/?norm=maybe"):
        page = client.get(path)
        assert page.status_code == 400 and "Traceback" not in page.text, path
    assert client.get("/api/overview?group=TYPE&norm=no").json()["group"] == "type"
    assert client.get("/api/overview?norm=no").json()["normalised"] is False


def test_a_parameter_given_twice_is_a_400(client):
    for path in ("/api/events?type=ASSAULT&type=PROTEST", "/api/incidents?since=2025-12-01&since=2025-12-09",
                 "/api/map?box=-75,0,-59,13&box=1,1,2,2"):
        r = client.get(path)
        assert r.status_code == 400 and "more than once" in r.json()["error"], path
    assert client.get("/incidents?q=a&q=b").status_code == 400


def test_an_overview_period_beyond_what_it_can_draw_is_a_400(client):
    # a day-by-day series over two centuries cost the server 10 s; the years 1 and 9999 overflowed
    for query, word in (("since=1900-01-01&until=2100-01-01", "at most"),
                        ("since=0001-01-01&until=0001-03-01", "between the years 1 and 9999"),
                        ("until=0001-01-05", "between the years 1 and 9999"),
                        ("since=9999-12-20", "between the years 1 and 9999")):
        r = client.get(f"/api/overview?{query}")
        assert r.status_code == 400 and word in r.json()["error"], (query, r.text)
        page = client.get(f"/?{query}")
        assert page.status_code == 400 and "Traceback" not in page.text, query
    assert client.get("/api/overview?since=2016-01-01&until=2020-12-31").status_code == 200


def test_exports_keep_the_filter_and_the_columns(client, store_path):
    con = duckdb.connect(str(store_path), read_only=True)
    event_columns = [r[0] for r in con.execute("DESCRIBE SELECT * FROM events").fetchall()]
    con.close()
    r = client.get("/export/events.csv?type=ASSAULT&certainty=denied")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.text)))
    assert rows[0] == event_columns and len(rows) == 2
    # a formula in an outlet name is neutralised as in `sitrep export`
    all_csv = client.get("/export/events.csv").text
    assert "'=cmd|" in all_csv and "\n=cmd" not in all_csv and ",=cmd" not in all_csv
    data = client.get("/export/incidents.json?min_sources=2&type=ASSAULT").json()
    assert len(data) == 1 and data[0]["n_sources"] >= 3
    lines = client.get("/export/events.jsonl?type=REQUEST").text.strip().splitlines()
    assert len(lines) == 4 and all(json.loads(line)["type"] == "REQUEST" for line in lines)
    parquet = client.get("/export/events.parquet?outlet=Harbor")
    assert parquet.content[:4] == b"PAR1"
    assert client.get("/export/articles.csv").status_code == 404


def test_openapi_and_pages(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/events", "/api/incidents", "/api/incidents/{incident_id}", "/api/articles/{article_id}",
                 "/api/actors", "/api/brief"):
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]}
    assert {"about", "since", "until", "actor", "type", "certainty", "page", "per_page"} <= names
    for path in ("/", "/incidents", "/map", "/actors", "/brief", "/export", "/live", "/brief/view"):
        assert client.get(path).status_code == 200, path
    md = client.get("/api/brief?about=Venezuela")
    assert md.status_code == 200 and md.text.startswith("#")


def test_security_headers_and_host_check(client, store_path):
    r = client.get("/incidents")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    framed = client.get("/brief/view")
    assert framed.headers["content-security-policy"].startswith("sandbox")
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app
    with TestClient(create_app(store_path, check_every=60), base_url="http://attacker.example") as other:
        assert other.get("/api/events").status_code == 400  # a rebound DNS name is refused


def test_bind_needs_a_flag_for_remote_addresses():
    from sitrep.errors import SitrepError
    from sitrep.web.commands import check_bind

    assert check_bind("127.0.0.1", 8000, False) is None
    assert check_bind("::1", 8000, False) is None
    with pytest.raises(SitrepError, match="--allow-remote"):
        check_bind("0.0.0.0", 8000, False)
    assert "WARNING" in check_bind("0.0.0.0", 8000, True)
    with pytest.raises(SitrepError, match="port"):
        check_bind("127.0.0.1", 70000, False)


def test_serve_refuses_a_missing_store_in_one_line(tmp_path, capsys):
    from sitrep.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.duckdb"), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sitrep: error: no database") and "Traceback" not in err
    assert main(["serve", "--db", str(tmp_path / "none.duckdb"), "--host", "0.0.0.0"]) == 2
    assert "--allow-remote" in capsys.readouterr().err


#: an article id as a feed or archive may give it: a path, with markup in it
EVIL_ID = 'feeds/2025/12/evil-1"><b>x</b>'


def test_hostile_input_through_the_real_ingest_renders_inert(tmp_path):
    """Markup and script URLs in a JSONL's title, source, url and text, read and analysed
    by the real pipeline, reach every page as text: no script element but ours, no
    javascript:/data: link, no event-handler attribute."""
    from fastapi.testclient import TestClient
    from lxml import html as lxml_html

    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store
    from sitrep.web.app import create_app

    body = ("US forces struck a boat near Caracas on Monday, killing three people, officials said. "
            "Venezuela's government accused Washington of murder and demanded an inquiry. ")
    records = [
        {"id": EVIL_ID, "title": "<script>alert(1)</script>Strike", "source": "<img src=x onerror=alert(2)>",
         "url": "javascript:alert(3)", "published": "2025-12-09",
         "text": body + "<script>alert(4)</script> <a href=\"javascript:alert(5)\">click</a>"},
        {"id": "evil-2", "title": "Second <svg onload=alert(6)>", "source": "=HYPERLINK(\"http://x\")",
         "url": "http://example.org/x\"onmouseover=\"alert(7)", "published": "2025-12-10",
         "text": body.replace("Monday", "Tuesday") + "</textarea><iframe src=javascript:alert(8)>"},
    ]
    src = tmp_path / "hostile.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = tmp_path / "hostile.duckdb"
    with Store(db) as store:
        summary = ingest([str(src)], store, workers=1, progress=False)
    assert summary.ingested == 2
    with TestClient(create_app(db, check_every=60), base_url="http://127.0.0.1") as client:
        incidents = client.get("/api/incidents?per_page=200").json()["items"]
        actors = client.get("/api/actors?per_page=200").json()["items"]
        paths = ["/", "/incidents", "/map", "/actors", "/export", "/live", "/brief",
                 f"/articles/{quote(EVIL_ID, safe='')}", "/articles/evil-2"]
        paths += [f"/incidents/{i['incident_id']}" for i in incidents]
        paths += [f"/actors/{quote(a['name'], safe='')}" for a in actors[:5]]
        # an id with a slash (feeds and archives use path-like ids) is reachable from the
        # dashboard's own links and from the API
        article_links = {a.get("href").split("#")[0] for p in paths[7:] if p.startswith("/incidents/")
                         for a in lxml_html.fromstring(client.get(p).text).iter("a")
                         if (a.get("href") or "").startswith("/articles/")}
        assert any("evil" in link for link in article_links), article_links
        paths += sorted(article_links)
        assert client.get(f"/api/articles/{quote(EVIL_ID, safe='')}").json()["article_id"] == EVIL_ID
        for path in paths:
            r = client.get(path)
            assert r.status_code == 200, path
            tree = lxml_html.fromstring(r.text)
            assert [s.get("src") for s in tree.iter("script")] == ["/static/app.js"], path
            for el in tree.iter():
                if not isinstance(el.tag, str):
                    continue
                assert not [a for a in el.attrib if a.lower().startswith("on")], (path, el.tag, dict(el.attrib))
                for attr in ("href", "src", "action"):
                    value = (el.get(attr) or "").strip().lower()
                    assert not value.startswith(("javascript:", "data:text", "vbscript:")), (path, value)
        page = client.get(f"/articles/{quote(EVIL_ID, safe='')}").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title is shown, as text


def test_overview_compares_with_the_previous_period(store_path):
    from sitrep.web import data
    from sitrep.web.filters import Filters
    from sitrep.web.snapshot import ReadStore

    con = duckdb.connect(str(store_path), read_only=True)
    try:
        ov = data.overview(ReadStore(con, store_path), Filters.parse({"since": "2025-12-09", "until": "2025-12-12"}))
        assert ov.previous == (date(2025, 12, 5), date(2025, 12, 8))
        assert ov.counts["events"] == 6 and ov.previous_counts["events"] == 6  # requests/accusations vs strikes
        assert ov.counts["articles"] == 7 and ov.previous_counts["articles"] == 0
        assault = next(r for r in ov.by_type if r["type"] == "ASSAULT")
        assert (assault["current"], assault["previous"], assault["change"]) == (1, 6, -5)
        # no article was published in the previous period: six strikes reported later are no trend
        assert assault["previous_per_article"] is None and assault["trend"] == "few"
        raw = data.overview(ReadStore(con, store_path), Filters.parse({"since": "2025-12-09", "until": "2025-12-12"}),
                            normalise=False)
        assert sum(sum(v) for v in raw.series.values()) == 6
        assert [r["incident_id"] for r in ov.top][:1] and ov.top[0]["n_sources"] >= ov.top[-1]["n_sources"]
    finally:
        con.close()


def test_the_change_table_judges_a_type_per_article_published():
    from sitrep.web.data import _type_change

    more_news = _type_change("ASSAULT", 12, 6, (20, 10))  # twice the events, twice the articles
    assert (more_news["change"], more_news["per_article"], more_news["trend"]) == (6, 0.6, "same")
    assert _type_change("ASSAULT", 12, 6, (10, 10))["trend"] == "up"
    assert _type_change("SANCTION", 1, 9, (10, 10))["trend"] == "down"
    assert _type_change("SANCTION", 4, 2, (10, 10))["trend"] == "same"  # two events: noise
    assert _type_change("SANCTION", 9, 1, (2, 10))["trend"] == "few"


def test_live_page_lists_watch_polls(tmp_path):
    from fastapi.testclient import TestClient

    from sitrep.corpus.store import Store
    from sitrep.web.app import create_app

    db = build_store(tmp_path / "polls.duckdb", normal_docs())
    with Store(db) as store:
        store.con.execute("""INSERT INTO watch_polls VALUES (1, 'http://feeds.example/<b>x</b>.xml',
            TIMESTAMP '2025-12-10 10:00:00', TIMESTAMP '2025-12-10 10:00:05', 'failed', 503, NULL, NULL, NULL,
            NULL, NULL, 2, TIMESTAMP '2025-12-10 10:02:05', 'HTTP 503 Service Unavailable')""")
        store.con.execute("""INSERT INTO watch_polls VALUES (2, 'http://feeds.example/ok.xml',
            TIMESTAMP '2025-12-10 10:00:00', TIMESTAMP '2025-12-10 10:00:09', 'stored', 200, 12, 3, 3, 0, 7, 1,
            NULL, '')""")
    with TestClient(create_app(db, check_every=60), base_url="http://127.0.0.1") as client:
        page = client.get("/live").text
    assert "http://feeds.example/&lt;b&gt;x&lt;/b&gt;.xml" in page and "HTTP 503 Service Unavailable" in page
    assert "outcome-failed" in page and "2025-12-10 10:02" in page
    row = page[page.index("feeds.example/ok.xml"):].split("</tr>")[0]
    assert ">12<" in row and ">3<" in row and ">stored<" in row


def test_docs_api_md_describes_the_served_openapi(client):
    """Every path of the served OpenAPI description is in docs/api.md and every path the
    doc lists is served; every query parameter is named there."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
    spec = client.get("/api/openapi.json").json()
    documented = set(re.findall(r"`GET (/api/[^`?\s]*)", doc))
    assert documented == set(spec["paths"])
    queries = {p["name"] for ops in spec["paths"].values() for op in ops.values()
               for p in op.get("parameters", []) if p["in"] == "query"}
    missing = [name for name in sorted(queries) if f"`{name}`" not in doc and f"{name}=" not in doc]
    assert missing == []


def test_a_parameter_the_endpoint_does_not_take_is_a_400_not_an_unfiltered_answer(client):
    # a typo ("typ" for "type") used to be ignored and answered with every event
    for path, bad in (("/api/events?typ=ASSAULT", "'typ'"), ("/api/incidents?contry=VEN", "'contry'"),
                      ("/api/brief?bout=Venezuela", "'bout'"), ("/api/map?bbox=1,1,2,2", "'bbox'"),
                      ("/api/incidents/1?page=2", "'page'")):
        r = client.get(path)
        assert r.status_code == 400, (path, r.status_code)
        error = r.json()["error"]
        assert bad in error and "it takes:" in error and "\n" not in error, error
    assert ", type, " in client.get("/api/events?typ=ASSAULT").json()["error"]  # says what it takes
    assert client.get("/api/events?type=ASSAULT").status_code == 200
    assert client.get("/api/overview?group=type&norm=no&since=2025-01-01").status_code == 200
    assert client.get("/?utm_source=mail").status_code == 200  # pages stay lenient for shared links
