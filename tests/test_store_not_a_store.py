"""A whole DuckDB file that is not a sitrep store -- another tool's database, or a store
whose table was dropped -- is refused by every command in one line that names the
missing table (exit 2), never a DuckDB traceback; a read never writes into the file."""
import shutil

import duckdb

from fault_helpers import assert_one_line_error, cli
from sitrep.corpus import dbfile
from sitrep.corpus.migrations import LATEST
from sitrep.corpus.store import Store
from web_helpers import build_store, normal_docs

#: every command that reads an existing store, with what it needs
READERS = [["events"], ["incidents"], ["skipped"], ["brief", "--no-plot"], ["export", "--format", "csv", "{out}"],
           ["serve", "--port", "0"]]


def run_readers(db, tmp_path):
    for command in READERS:
        args = [a.format(out=tmp_path / "out") for a in command]
        yield command[0], cli(*args, "--db", str(db), timeout=120)


def another_tools_database(path):
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE measurements (station VARCHAR, reading DOUBLE)")
    con.execute("INSERT INTO measurements VALUES ('north', 1.5), ('south', 2.5)")
    con.close()
    return path


def test_another_tools_database_is_refused_by_every_reader_and_left_as_it_was(tmp_path):
    db = another_tools_database(tmp_path / "lab.duckdb")
    before = db.read_bytes()
    for command, result in run_readers(db, tmp_path):
        assert_one_line_error(result, "is not a sitrep store", "missing table schema_version", "--db")
    assert db.read_bytes() == before  # no read turned it into a store
    con = duckdb.connect(str(db), read_only=True)
    assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["measurements"]
    con.close()


def test_an_ingest_into_another_tools_database_is_refused_and_adds_no_table(tmp_path):
    db = another_tools_database(tmp_path / "lab.duckdb")
    src = tmp_path / "one.jsonl"
    src.write_text('{"id": "x1", "title": "Harbour", "published": "2025-12-02", "text": "Officials in Arden '
                   'said on Tuesday that ten boats had returned to port after the storm passed."}\n')
    result = cli("ingest", str(src), "--db", str(db), "--workers", "1", "--until", "clean", "--no-progress")
    assert_one_line_error(result, "is not a sitrep store", "--db")
    con = duckdb.connect(str(db), read_only=True)
    assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["measurements"]
    con.close()


def test_an_ingest_into_a_database_without_tables_starts_a_store(tmp_path):
    db = tmp_path / "blank.duckdb"
    duckdb.connect(str(db)).close()
    with Store(db) as store:  # a writer may start a store in a DuckDB file nobody has filled
        assert store.schema_version() == LATEST


def test_a_store_missing_a_table_is_refused_by_every_command(tmp_path):
    store = build_store(tmp_path / "whole.duckdb", normal_docs())
    for table in ("events", "incident_mentions"):
        db = tmp_path / f"no-{table}.duckdb"
        shutil.copyfile(store, db)
        con = duckdb.connect(str(db))
        con.execute(f"DROP TABLE {table}")
        con.close()
        for command, result in run_readers(db, tmp_path):
            assert_one_line_error(result, f"is not a sitrep store (missing table {table})")
        # a writer is refused too (it would fail on its first article otherwise)
        assert_one_line_error(cli("ingest", str(tmp_path / "none.jsonl"), "--db", str(db), "--workers", "1"),
                              f"missing table {table}")


def test_the_tables_of_a_schema_are_those_its_migrations_make(tmp_path):
    with Store(tmp_path / "fresh.duckdb") as store:
        made = {r[0] for r in store.con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()}
        dbfile.check_tables(store.con, store.path, read_only=True)  # a whole store passes
    assert dbfile.tables_of_schema(LATEST) == made
    # an older store lacks the tables later migrations add, and is not refused for it
    assert dbfile.tables_of_schema(1) < dbfile.tables_of_schema(LATEST)


def test_a_database_without_tables_is_a_store_not_started_yet(tmp_path):
    db = tmp_path / "blank.duckdb"
    duckdb.connect(str(db)).close()
    con = duckdb.connect(str(db), read_only=True)
    dbfile.check_tables(con, db, read_only=True)  # nothing to refuse: no other tool's data in it
    con.close()
