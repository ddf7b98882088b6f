"""The dashboard's summary tables (web/summaries.py) change how the answers are computed,
never what they are: every list, incident, actor, overview, map and export read through
them has the same rows in the same order as the plain queries over the store's tables."""
from __future__ import annotations

import html

import shutil
from pathlib import Path

import duckdb
import pytest

from corpus_helpers import make_doc
from web_helpers import build_store, hostile_docs, normal_docs


def unusual_docs():
    """Text where case folding and LIKE's special characters matter: accented and dotted
    capitals, a percent sign, an underscore, a backslash."""
    return [
        make_doc("odd-1", ["ZÜRICH officials said 50% of the İzmir convoy was struck near Caracas.",
                           "A_B Group demanded talks in Maracaibo."],
                 outlet="Größe Zeitung", published="2025-12-11", url="https://odd.example/1",
                 events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-10", "claimed"),
                         (1, "REQUEST", "demanded", "COL", "VEN", "Maracaibo", "2025-12-11", "asserted"),
                         # an actor whose name is nowhere in the text: about= finds it by name alone
                         (1, "AGREE", "talks", "QQX", None, None, "2025-12-11", "asserted")]),
        make_doc("odd-2", ["Officials in Bogotá denied the report \\ a backslash stays a character."],
                 outlet="Andes Wire", published="2025-12-12", url="https://odd.example/2",
                 events=[(0, "ACCUSE", "denied", "COL", "USA", None, "2025-12-12", "denied")]),
    ]


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """(fast, plain): two views of one copy of a store, with and without the summaries."""
    from sitrep.web import summaries
    from sitrep.web.snapshot import ReadStore

    folder = tmp_path_factory.mktemp("summaries")
    source = build_store(folder / "store.duckdb", normal_docs() + hostile_docs() + unusual_docs())
    copy = folder / "copy.duckdb"
    shutil.copyfile(source, copy)
    con = duckdb.connect(str(copy))
    summaries.build(con)
    fast, plain = ReadStore(con.cursor(), copy, True), ReadStore(con.cursor(), copy, False)
    yield fast, plain
    fast.close()
    plain.close()
    con.close()


FILTERS = [
    {}, {"about": "Venezuela"}, {"about": "VEN"}, {"about": "caracas"}, {"about": "zürich"}, {"about": "ZÜRICH"},
    {"about": "izmir"}, {"about": "qqx"}, {"about": "i̇zmir"}, {"about": "50%"}, {"about": "a_b"}, {"about": "A%B"}, {"about": "\\"},
    {"about": "Colombia", "certainty": "denied"}, {"about": "United States", "type": "ASSAULT"},
    {"q": "struck"}, {"q": "STRUCK near"}, {"q": "größe"}, {"q": "Bogotá"}, {"q": "bogota"}, {"q": "<script>"},
    {"q": "%"}, {"q": "_"}, {"q": "alert(\"title\")"}, {"q": "struck", "about": "Venezuela", "outlet": "wire"},
    {"actor": "VEN", "certainty": "asserted"}, {"actor": "united", "since": "2025-12-09", "until": "2025-12-11"},
    {"outlet": "Harbor"}, {"place": "caracas", "contested": "yes"}, {"country": "VE", "min_sources": "2"},
    {"type": "ASSAULT", "sort": "date"}, {"sort": "-date"}, {"sort": "articles"}, {"sort": "type"},
    {"sort": "reported"}, {"per_page": "2", "page": "3"}, {"per_page": "1", "page": "99"},
]
EVENT_FILTERS = [{k: v for k, v in f.items() if k != "sort"} for f in FILTERS] + [
    {"sort": s} for s in ("date", "-date", "type", "outlet")] + [{"q": "struck", "sort": "outlet", "per_page": "3"}]


def test_summaries_are_built_and_detected(stores):
    from sitrep.web import summaries
    from sitrep.web.snapshot import ReadStore

    fast, _ = stores
    asked = ReadStore(fast.con, fast.path)  # no flag given: the copy is asked
    assert summaries.ready(asked) is True
    rows = fast.rows("SELECT count(*) AS n FROM web.mentions")[0]["n"]
    assert rows == fast.rows("SELECT count(*) AS n FROM incident_mentions")[0]["n"] > 0


@pytest.mark.parametrize("query", FILTERS, ids=lambda q: repr(q))
def test_incident_lists_are_the_same(stores, query):
    from sitrep.web import data
    from sitrep.web.filters import Filters

    fast, plain = stores
    f = Filters.parse(query)
    a, b = data.list_incidents(fast, f), data.list_incidents(plain, f)
    assert [r["incident_id"] for r in a.items] == [r["incident_id"] for r in b.items]
    assert a.items == b.items and a.total == b.total


@pytest.mark.parametrize("query", EVENT_FILTERS, ids=lambda q: repr(q))
def test_event_lists_are_the_same(stores, query):
    from sitrep.web import data
    from sitrep.web.filters import EVENT_SORTS, Filters

    fast, plain = stores
    f = Filters.parse({"sort": "date", **query}, EVENT_SORTS)
    a, b = data.list_events(fast, f), data.list_events(plain, f)
    assert a.items == b.items
    if b.items:  # the plain query reports 0 for a page past the end; the fast one the real count
        assert a.total == b.total


@pytest.fixture(scope="module")
def kept(stores):
    """The fast view with the server's memo of matching rows (snapshot.Matches)."""
    from sitrep.web.snapshot import Matches, ReadStore

    fast, _ = stores
    view = ReadStore(fast._con.cursor(), fast.path, True, Matches(entries=4))
    yield view
    view.close()


@pytest.mark.parametrize("query", FILTERS, ids=lambda q: repr(q))
def test_kept_matches_page_like_the_query(stores, kept, query):
    """A list read through the copy's memo of matching rows (every sort, pages 1 to 3 of
    two rows, twice: the second time from the memo) equals the fast query's answer."""
    from sitrep.web import data
    from sitrep.web.filters import EVENT_SORTS, INCIDENT_SORTS, Filters

    fast, _ = stores
    for _ in range(2):
        for sort in INCIDENT_SORTS:
            for page in ("1", "2", "3"):
                f = Filters.parse({**query, "sort": sort, "page": page, "per_page": "2"})
                a, b = data.list_incidents(kept, f), data.list_incidents(fast, f)
                assert (a.total, a.items) == (b.total, b.items), (sort, page)
        for sort in EVENT_SORTS:
            f = Filters.parse({**query, "sort": sort, "page": "2", "per_page": "3"}, EVENT_SORTS)
            a, b = data.list_events(kept, f), data.list_events(fast, f)
            assert (a.total, a.items) == (b.total, b.items), sort


def test_the_comparisons_are_not_empty(stores):
    """The filters above select something, and different things: equal empty lists prove nothing."""
    from sitrep.web import data
    from sitrep.web.filters import Filters

    fast, _ = stores
    totals = {repr(q): data.list_incidents(fast, Filters.parse(q)).total for q in FILTERS}
    assert sum(1 for n in totals.values() if n) >= len(FILTERS) // 2
    assert len(set(totals.values())) >= 4
    assert totals[repr({"about": "zürich"})] == totals[repr({"about": "ZÜRICH"})] > 0
    assert totals[repr({"about": "50%"})] > 0 and totals[repr({"about": "A%B"})] == 0
    # "qqx" is one actor of one of odd-1's three events: a passing mention. The events list
    # (articles naming the term) finds it by that name alone; the incidents list reads
    # about= as `sitrep incidents --about` (articles about it) and leaves it out
    assert data.list_events(fast, Filters.parse({"about": "qqx"})).total > 0
    assert totals[repr({"about": "qqx"})] == 0


def test_incident_pages_actors_overview_map_and_exports_are_the_same(stores, tmp_path):
    from sitrep.web import data, exporting
    from sitrep.web.filters import Filters

    fast, plain = stores
    ids = [r["incident_id"] for r in plain.rows("SELECT incident_id FROM incidents ORDER BY incident_id")]
    assert ids
    for iid in ids:
        assert data.incident(fast, iid) == data.incident(plain, iid)
    for query in ({}, {"about": "Venezuela"}, {"q": "struck", "since": "2025-12-01", "until": "2025-12-31"},
                  {"since": "2025-12-08", "until": "2025-12-12"}, {"since": "2025-12-11", "until": "2025-12-11"},
                  {"about": "zürich", "outlet": "größe"}):
        f = Filters.parse(query)
        assert data.actors(fast, f) == data.actors(plain, f)
        assert data.overview(fast, f) == data.overview(plain, f)
        for group, normalise in (("type", True), ("quad", False)):
            assert data.overview(fast, f, group, normalise) == data.overview(plain, f, group, normalise)
        assert data.map_incidents(fast, f) == data.map_incidents(plain, f)
        for name in ("United States", "Venezuela", "Colombia"):
            assert data.actor(fast, name, f) == data.actor(plain, name, f)
        for table in exporting.EXPORT_TABLES:
            a, _, _ = exporting.export(fast, table, "jsonl", f, folder=str(tmp_path))
            b, _, _ = exporting.export(plain, table, "jsonl", f, folder=str(tmp_path))
            assert Path(a).read_bytes() == Path(b).read_bytes()


def test_the_server_copy_has_the_summaries(tmp_path):
    from sitrep.web.snapshot import Snapshots

    db = build_store(tmp_path / "store.duckdb", normal_docs())
    snaps = Snapshots(db, workdir=tmp_path / "copies", check_every=3600)
    snaps.start()
    try:
        assert snaps.current().summaries is True
        reader = snaps.reader()
        assert reader.web_summaries is True
        assert reader.rows("SELECT count(*) AS n FROM web.about")[0]["n"] == 4
        reader.close()
    finally:
        snaps.close()
    con = duckdb.connect(str(db), read_only=True)  # the user's store is never given the tables
    try:
        assert not con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'web'").fetchone()[0]
        assert "web" not in {r[0] for r in con.execute("SELECT database_name FROM duckdb_databases()").fetchall()}
    finally:
        con.close()


def test_answers_are_kept_per_copy_and_start_afresh_with_a_new_copy(tmp_path):
    from sitrep.corpus.incidents import rebuild_incidents
    from sitrep.corpus.store import Store, content_hash
    from sitrep.web.snapshot import Snapshots

    db = build_store(tmp_path / "store.duckdb", normal_docs())
    snaps = Snapshots(db, workdir=tmp_path / "copies", check_every=3600)
    prepared = []
    snaps.prepare = lambda _snaps, copy: prepared.append(copy.version)
    snaps.start()

    def articles(store):
        return store.rows("SELECT count(*) AS n FROM articles")[0]["n"]

    def fail(store):
        raise AssertionError("computed again although this copy already answered it")

    try:
        assert snaps.cached(("articles",), articles) == 4
        assert snaps.cached(("articles",), fail) == 4
        late = make_doc("late-1", ["Protesters marched in Valencia on Friday."], outlet="Late Wire",
                        published="2025-12-13", events=[(0, "PROTEST", "marched", None, None, None, "2025-12-12")])
        with Store(db) as store:
            with store.transaction():
                d = late.to_dict()
                store.add_document(d, content_hash(d["article"]["text"]))
            rebuild_incidents(store)
        assert snaps.refresh()
        assert snaps.cached(("articles",), articles) == 5
        assert prepared == [1, 2]
    finally:
        snaps.close()


def test_the_default_pages_are_ready_when_a_copy_answers(tmp_path):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    db = build_store(tmp_path / "store.duckdb", normal_docs())
    app = create_app(db, check_every=3600)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        names = {key[0] for key in app.state.snapshots.current().cache}
        assert names == {"choices", "overview", "map", "actors"}
        for path in ("/", "/map", "/actors"):
            page = client.get(path)
            assert page.status_code == 200 and "data-panel" not in page.text, path
        # a filter not worked out yet: the page comes at once, without its aggregates, and
        # names the /api/ answer its script fills the panel from
        filtered = {"/actors?about=Caracas": "/api/actors?about=Caracas",  # the page shown (50 rows)
                    "/map?type=ASSAULT": "/api/map?type=ASSAULT",
                    "/?group=type&norm=no": "/api/overview?group=type&norm=no"}
        for path, api in filtered.items():
            page = client.get(path)
            assert page.status_code == 200 and 'aria-busy="true"' in page.text, path
            assert f'data-src="{api}"' in html.unescape(page.text), path
        assert len(app.state.snapshots.current().cache) == 4
        for api in filtered.values():
            assert client.get(api).status_code == 200, api
        assert len(app.state.snapshots.current().cache) == 7
        for path in filtered:  # now kept with the copy: the whole page from the server
            page = client.get(path)
            assert page.status_code == 200 and "data-panel" not in page.text, path
        assert client.get("/api/actors?per_page=1&page=2").json()["items"]


def test_a_failed_build_detaches_its_partial_tables_and_pages_still_answer(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from sitrep.web import summaries
    from sitrep.web.app import create_app

    # the first table is built, the second fails: the first must not stay attached
    first = next(iter(summaries._TABLES))
    broken = {first: summaries._TABLES[first], "broken": "SELECT * FROM no_such_table"}
    monkeypatch.setattr(summaries, "_TABLES", broken)
    db = build_store(tmp_path / "store.duckdb", normal_docs())
    app = create_app(db, check_every=3600)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        copy = app.state.snapshots.current()
        assert copy.summaries is False
        reader = app.state.snapshots.reader()
        try:
            databases = {r["database_name"] for r in reader.rows("SELECT database_name FROM duckdb_databases()")}
        finally:
            reader.close()
        assert summaries.SCHEMA not in databases
        for path in ("/", "/map", "/actors", "/api/actors?per_page=1"):
            assert client.get(path).status_code == 200, path


def test_the_cache_of_a_copy_drops_the_least_recently_used_answer(tmp_path, monkeypatch):
    from sitrep.web import snapshot
    from sitrep.web.snapshot import Snapshots

    monkeypatch.setattr(snapshot, "CACHE_ENTRIES", 3)
    db = build_store(tmp_path / "store.duckdb", normal_docs())
    snaps = Snapshots(db, workdir=tmp_path / "copies", check_every=3600)
    snaps.start()
    try:
        snaps.current().cache.clear()  # only this test's answers
        for name in ("a", "b", "c"):
            snaps.cached((name,), lambda store, name=name: name)
        assert snaps.cached(("a",), lambda store: "recomputed") == "a"  # a hit: now the most recent
        snaps.cached(("d",), lambda store: "d")
        assert list(snaps.current().cache) == [("c",), ("a",), ("d",)]  # b, least recently used, went
    finally:
        snaps.close()
