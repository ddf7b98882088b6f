"""incident_keys has one schema, the store migrations': linking fills it and never re-makes
it, and a store made before the table had every column upgrades cleanly."""
from test_incidents import add, groups, store_docs, strike

from sitrep.corpus.incidents import _KEY_SQL, rebuild_incidents, update_incidents
from sitrep.corpus.migrations import MIGRATIONS
from sitrep.corpus.store import Store

#: the migration that gives incident_keys every column linking writes
KEYS_MIGRATION = next(v for v, description, _ in MIGRATIONS if description.startswith("incident_keys: every column"))


def _columns(con, table):
    return [(r[0], r[1]) for r in con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position", [table]).fetchall()]


def test_migrated_table_has_the_columns_linking_writes(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    written = store.con.execute(f"DESCRIBE {_KEY_SQL.replace('{where}', 'WHERE false')}").fetchall()
    assert sorted((r[0], r[1]) for r in written) == sorted(_columns(store.con, "incident_keys"))
    store.close()


def test_rebuild_keeps_the_migrated_table(tmp_path):
    store = store_docs(tmp_path, [strike("a", "A"), strike("b", "B")])
    before = _columns(store.con, "incident_keys")
    # a comment on the table survives a rebuild only if the table is not dropped and re-made
    store.con.execute("COMMENT ON TABLE incident_keys IS 'kept'")
    rebuild_incidents(store)
    assert _columns(store.con, "incident_keys") == before
    assert store.con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'incident_keys'"
                             ).fetchone()[0] == "kept"
    assert store.con.execute("SELECT count(*) FROM incident_keys").fetchone()[0] == 2
    store.close()


def test_a_store_of_schema_8_upgrades_and_relinks(tmp_path):
    """A store as the migration before KEYS_MIGRATION left it (a 7-column incident_keys)
    gets the columns on opening and is re-linked in full by the next update, with the same
    incidents as a fresh store."""
    path = tmp_path / "old.duckdb"
    store = store_docs(tmp_path, [strike("a", "A"), strike("b", "B")], name="old.duckdb")
    expected = groups(store)
    con = store.con
    con.execute("DROP TABLE incident_keys")
    con.execute("CREATE TABLE incident_keys (event_id VARCHAR, article_id VARCHAR, type VARCHAR, "
                "precision VARCHAR, lo DATE, hi DATE, more_sentences VARCHAR)")
    con.execute("INSERT INTO incident_keys (event_id, article_id, type) SELECT event_id, article_id, type FROM events")
    con.execute("DELETE FROM schema_version WHERE version >= ?", [KEYS_MIGRATION])
    store.close()

    store = Store(path)
    assert store.schema_version() >= KEYS_MIGRATION
    assert sorted(_columns(store.con, "incident_keys")) == sorted(
        (r[0], r[1]) for r in store.con.execute(f"DESCRIBE {_KEY_SQL.replace('{where}', 'WHERE false')}").fetchall())
    add(store, [strike("c", "C")])
    update_incidents(store)
    assert groups(store) == [sorted(expected[0] + ["c"])]
    assert store.con.execute("SELECT count(*) FROM incident_keys WHERE sentence IS NOT NULL").fetchone()[0] == 3
    store.close()
