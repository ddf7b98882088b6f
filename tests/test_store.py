import json

import pytest

from corpus_helpers import make_doc
from sitrep.corpus.migrations import LATEST
from sitrep.corpus.store import Store, content_hash, default_db_path, iso_day
from sitrep.errors import SitrepError


def test_migrations_are_recorded_and_idempotent(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        assert store.schema_version() == LATEST
    with Store(db) as store:  # reopening applies nothing twice
        versions = store.con.execute("SELECT version FROM schema_version").fetchall()
        assert versions == [(v,) for v in range(1, LATEST + 1)]


def test_read_only_open_of_missing_db_is_a_user_error(tmp_path):
    with pytest.raises(SitrepError):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_default_db_path_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_DB", str(tmp_path / "x.duckdb"))
    assert default_db_path() == tmp_path / "x.duckdb"
    monkeypatch.delenv("SITREP_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "sitrep" / "sitrep.duckdb"


def test_content_hash_ignores_whitespace_only():
    assert content_hash("a  b\n c") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_iso_day_only_for_calendar_days():
    assert iso_day("2025-12-10T08:00:00-05:00").isoformat() == "2025-12-10"
    assert iso_day("2025-12") is None
    assert iso_day("2025-02-30") is None
    assert iso_day(None) is None


def test_document_layers_round_trip(tmp_path):
    doc = make_doc("d1", ["US forces struck a boat near Caracas.", "Venezuela denied it.",
                          "Officials said 11 people died."],
                   url="https://example.invalid/d1",
                   events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-09", "asserted")],
                   quotes=[(1, "VEN", "denied it")], quantities=[(2, "11 people", 11, "people")])
    with Store(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.add_document(doc.to_dict(), content_hash(doc.article.text))
        ev = store.rows("SELECT * FROM events")[0]
        assert ev["event_id"] == "d1#e0"
        assert (ev["type"], ev["quad_class"], ev["source_country"], ev["target_country"]) == \
            ("ASSAULT", "material conflict", "USA", "VEN")
        assert ev["event_date"].isoformat() == "2025-12-09"
        assert doc.article.text[ev["trigger_start"]:ev["trigger_end"]] == "struck"
        assert store.rows("SELECT value, counted FROM quantities") == [{"value": 11.0, "counted": "people"}]
        assert store.rows("SELECT speaker_country FROM quotes") == [{"speaker_country": "VEN"}]
        assert store.document("d1")["article"]["text"] == doc.article.text
        assert store.rows("SELECT outlet, domain FROM sources") == [{"outlet": "Test Wire", "domain": "example.invalid"}]


def test_replace_article_keeps_old_version(tmp_path):
    old = make_doc("v1", ["First draft of the story."], url="https://example.invalid/story",
                   events=[(0, "ASSAULT", "story", "USA", None)])
    with Store(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.add_document(old.to_dict(), content_hash(old.article.text))
            store.replace_article("v1", "v2")
        assert store.counts()["articles"] == 0
        assert store.counts()["events"] == 0
        row = store.rows("SELECT article_id, replaced_by, document FROM article_versions")[0]
        assert (row["article_id"], row["replaced_by"]) == ("v1", "v2")
        assert json.loads(row["document"])["article"]["id"] == "v1"


def test_find_by_keys_answers_as_find_by_key_does(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        with store.transaction():
            for aid, url, origin in (("web", "https://example.invalid/a", "feed.xml"), ("file", None, "/in/b.txt"),
                                     ("bare", None, None), ("web2", "https://example.invalid/c", "/in/b.txt")):
                doc = make_doc(aid, [f"Story {aid}."], url=url)
                doc.article.origin = origin
                store.add_document(doc.to_dict(), content_hash(doc.article.text))
        keys = [("https://example.invalid/a", "x", None),  # same URL
                ("https://example.invalid/z", "web", None),  # a URL decides: another URL is no match
                (None, "y", "/in/b.txt"),  # the same single-article file (the one without a URL)
                (None, "bare", None), (None, "web", None),  # the same id, only among articles without a URL
                (None, "nothing", "/in/none.txt")]
        assert store.find_by_keys(keys) == [store.find_by_key(url, aid, origin) for url, aid, origin in keys]
        assert store.find_by_keys(keys) == [("web", 1), None, ("file", 1), ("bare", 1), None, None]
        assert store.find_by_keys([]) == []


def test_failed_transaction_leaves_nothing(tmp_path):
    doc = make_doc("t1", ["Some text here."])
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.add_document(doc.to_dict(), content_hash(doc.article.text))
                raise RuntimeError("interrupted")
        assert store.counts()["articles"] == 0


def test_older_database_is_migrated_in_order(tmp_path, monkeypatch):
    from sitrep.corpus import migrations, store as store_module
    db = tmp_path / "old.duckdb"
    monkeypatch.setattr(store_module, "MIGRATIONS", migrations.MIGRATIONS[:1])
    with Store(db) as store:
        assert store.schema_version() == 1
        cols = {r[0] for r in store.con.execute("SELECT column_name FROM information_schema.columns "
                                                "WHERE table_name = 'events'").fetchall()}
        assert "place_feature" not in cols
    monkeypatch.setattr(store_module, "MIGRATIONS", migrations.MIGRATIONS)
    with Store(db, read_only=True) as store:  # a read-only command upgrades it first
        assert store.schema_version() == LATEST >= 2
        cols = {r[0] for r in store.con.execute("SELECT column_name FROM information_schema.columns "
                                                "WHERE table_name = 'events'").fetchall()}
        assert "place_feature" in cols
