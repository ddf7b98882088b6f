"""One ``about`` term lists the same incidents everywhere: ``sitrep incidents --about``,
the Python API (``sitrep.open(db).incidents(about=...)``), the dashboard's query layer
(with and without its summary tables) and ``/api/incidents``. All read it as the brief
does (report.scope.articles_about): the incidents of the articles *about* the subject, and
those whose own actors or place are of its country, leaving history-only incidents out."""
from __future__ import annotations

import io
import json
import shutil
import warnings
from contextlib import redirect_stdout

import duckdb
import pytest

from corpus_helpers import make_doc
from web_helpers import build_store

warnings.filterwarnings("ignore", message=".*httpx.*")


def ruritania_docs():
    """Invented stories: two about Venezuela (one whose only incident has no Venezuelan
    actor), one about Syria that names Venezuela once in passing, and one about Venezuela
    whose only act is a history-only mention."""
    story = make_doc("ven-story", ["Venezuela crisis deepens as Colombia accused the United States of meddling.",
                                   "Venezuela closed two border crossings on Friday."],
                     published="2025-12-05", url="https://a.example/1",
                     events=[(0, "ACCUSE", "accused", "COL", "USA", None, "2025-12-05", "asserted"),
                             (1, "COERCE", "closed", "VEN", "COL", None, "2025-12-05", "asserted")])
    passing = make_doc("syr-story", ["Syrian artillery shelled three villages in the north overnight.",
                                     "The shelling came a week after Venezuela recalled an envoy from the region."],
                       published="2025-12-06", url="https://b.example/2",
                       events=[(0, "ASSAULT", "shelled", "SYR", "SYR", None, "2025-12-06", "asserted")])
    history = make_doc("ven-history", ["Venezuela marks the anniversary of a coup attempt.",
                                       "In 1992 army officers attacked the presidential palace in Caracas."],
                       published="2025-12-07", url="https://c.example/3",
                       events=[(1, "ASSAULT", "attacked", "ARM", "GOV", "Caracas", "1992-02-04", "asserted")])
    history.events[0].background = True
    return [story, passing, history]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("about") / "store.duckdb", ruritania_docs())


def _cli_ids(db, *extra: str) -> set[str]:
    from sitrep.cli.app import main

    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["incidents", "--db", str(db), "--about", "Venezuela", "--format", "json", *extra]) == 0
    return {r["incident_id"] for r in json.loads(out.getvalue())}


def _web_views(db, folder):
    """(fast, plain) query-layer views of a copy of the store, as the server reads it."""
    from sitrep.web import summaries
    from sitrep.web.snapshot import ReadStore

    copy = folder / "copy.duckdb"
    shutil.copyfile(db, copy)
    con = duckdb.connect(str(copy))
    summaries.build(con)
    return con, ReadStore(con.cursor(), copy, True), ReadStore(con.cursor(), copy, False)


def _incident_of(db, article_id: str) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT incident_id FROM incident_mentions WHERE article_id = ?", [article_id]).fetchone()[0]
    finally:
        con.close()


def test_cli_api_and_web_list_the_same_incidents_about_a_subject(db, tmp_path):
    import sitrep
    from fastapi.testclient import TestClient

    from sitrep.web import data
    from sitrep.web.app import create_app
    from sitrep.web.filters import Filters

    cli = _cli_ids(db)
    api = {r.incident_id for r in sitrep.open(db).incidents(about="Venezuela", output="rows")}
    con, fast, plain = _web_views(db, tmp_path)
    try:
        f = Filters.parse({"about": "Venezuela", "per_page": "200"})
        web_fast = {r["incident_id"] for r in data.list_incidents(fast, f).items}
        web_plain = {r["incident_id"] for r in data.list_incidents(plain, f).items}
        mapped = {r["incident_id"] for r in data.map_incidents(plain, f)}
    finally:
        fast.close()
        plain.close()
        con.close()
    with TestClient(create_app(db, check_every=60), base_url="http://127.0.0.1") as client:
        served = {r["incident_id"] for r in client.get("/api/incidents?about=Venezuela&per_page=200").json()["items"]}
    assert cli == api == web_fast == web_plain == served
    # the Venezuela story's incidents, including the one without a Venezuelan actor (by its article) ...
    story = duckdb.connect(str(db), read_only=True).execute(
        "SELECT DISTINCT incident_id FROM incident_mentions WHERE article_id = 'ven-story'").fetchall()
    assert cli == {r[0] for r in story} and len(cli) == 2
    # ... but not the Syria story that names Venezuela once, nor the history-only incident
    assert _incident_of(db, "syr-story") not in cli and _incident_of(db, "ven-history") not in cli
    assert mapped <= cli  # the map draws those of them that have a place


def test_background_incidents_are_listed_on_request_everywhere(db, tmp_path):
    import sitrep
    from sitrep.web import data
    from sitrep.web.filters import Filters

    cli = _cli_ids(db, "--background")
    api = {r.incident_id for r in sitrep.open(db).incidents(about="Venezuela", background=True, output="rows")}
    con, fast, plain = _web_views(db, tmp_path)
    try:
        f = Filters.parse({"about": "Venezuela", "background": "yes"})
        web = {r["incident_id"] for r in data.list_incidents(fast, f).items}
    finally:
        fast.close()
        plain.close()
        con.close()
    assert cli == api == web
    assert _incident_of(db, "ven-history") in web


def test_events_keep_the_wider_reading_of_about(db, tmp_path):
    """Events (as ``sitrep events --about``) list every article naming the term: the Syria
    story's shelling is among Venezuela's events, though its incident is not."""
    from sitrep.web import data
    from sitrep.web.filters import EVENT_SORTS, Filters

    con, fast, plain = _web_views(db, tmp_path)
    try:
        events = data.list_events(fast, Filters.parse({"about": "Venezuela", "sort": "date"}, EVENT_SORTS))
    finally:
        fast.close()
        plain.close()
        con.close()
    assert "syr-story" in {e["article_id"] for e in events.items}
