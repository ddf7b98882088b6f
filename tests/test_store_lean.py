"""The lean store (migration 7): the document JSON lives compressed in ``documents``,
without a second copy of the text, and sentence spans have their own table."""
import json

import duckdb

from corpus_helpers import make_doc
from sitrep.corpus.migrations import MIGRATIONS
from sitrep.corpus.store import Store, content_hash


def _doc():
    return make_doc("d1", ["US aircraft struck a port near Caracas.", "Venezuela condemned the attack."],
                    url="https://example.invalid/d1",
                    events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", "reported")])


def test_documents_round_trip_without_the_json_in_articles(tmp_path):
    doc = _doc()
    with Store(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.add_document(doc.to_dict(), content_hash(doc.article.text))
        assert store.document("d1") == json.loads(json.dumps(doc.to_dict()))
        assert store.documents(["d1", "missing"]).keys() == {"d1"}
        assert store.rows("SELECT document FROM articles")[0]["document"] is None
        body = store.rows("SELECT encoding, body FROM documents")[0]
        assert body["encoding"] == "zlib-json"
        assert doc.article.text.encode() not in body["body"]  # the text is stored once, in articles
        assert store.rows("SELECT n, start_char, end_char FROM sentences ORDER BY n") == [
            {"n": 0, "start_char": 0, "end_char": 39}, {"n": 1, "start_char": 40, "end_char": 71}]


def test_deleting_an_article_deletes_its_document_and_sentences(tmp_path):
    doc = _doc()
    with Store(tmp_path / "s.duckdb") as store:
        with store.transaction():
            store.add_document(doc.to_dict(), content_hash(doc.article.text))
            store.replace_article("d1", "d2")
        assert [store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sentences")] == [0, 0]
        old = store.rows("SELECT document FROM article_versions")[0]["document"]
        assert json.loads(old)["article"]["text"] == doc.article.text


def test_an_older_store_is_migrated_and_its_documents_still_read(tmp_path):
    path = tmp_path / "old.duckdb"
    doc = _doc().to_dict()
    con = duckdb.connect(str(path))  # a store as schema version 4 left it
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, "
                "applied_at TIMESTAMP DEFAULT current_timestamp)")
    for version, description, statements in MIGRATIONS[:4]:
        for sql in statements:
            con.execute(sql)
        con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [version, description])
    con.execute("INSERT INTO articles (article_id, content_hash, text, document) VALUES (?, ?, ?, ?)",
                ["d1", "h", doc["article"]["text"], json.dumps(doc)])
    con.close()
    with Store(path) as store:
        assert store.schema_version() >= 7
        assert store.document("d1") == doc
        assert [r["end_char"] for r in store.rows("SELECT end_char FROM sentences ORDER BY n")] == [39, 71]
