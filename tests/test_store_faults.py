"""A damaged, full or read-only store: every command says so in one line (exit 2), nothing
is half-written, and a re-run after the fault gives the store of a clean run."""
import shutil

import duckdb
import pytest

from fault_helpers import (assert_one_line_error, cli, fingerprint, ingest_args, remount, tmpfs,
                           write_corpus)
from sitrep.corpus import dbfile
from sitrep.corpus.store import Store

#: every command that opens an existing store, with what it needs
READERS = [["events"], ["incidents"], ["skipped"], ["brief", "--no-plot"], ["export", "--format", "csv", "{out}"]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "c.jsonl", 300, words_per_article=120)


@pytest.fixture(scope="module")
def clean_store(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    done = cli(*ingest_args(corpus, db))
    assert done.returncode == 0, done.stderr
    return db


def copy(db, dest):
    shutil.copy(db, dest)
    return dest


def run_every_command(db, tmp_path):
    for command in READERS + [["ingest", "--until", "clean", "--workers", "1", "{corpus}"]]:
        args = [a.format(out=tmp_path / "out", corpus=tmp_path / "none.jsonl") for a in command]
        yield command[0], cli(*args, "--db", str(db))


def test_a_truncated_store_is_refused_by_every_command(clean_store, tmp_path):
    size = clean_store.stat().st_size
    block = 262_144
    assert size > 3 * block  # several data blocks, so a cut loses data
    cuts = {"mid-block": size // 2 + 1234, "block boundary": 12_288 + block * ((size - 12_288) // block // 2)}
    for name, at in cuts.items():
        db = copy(clean_store, tmp_path / f"{name}.duckdb")
        with open(db, "r+b") as f:
            f.truncate(at)
        for command, result in run_every_command(db, tmp_path):
            assert_one_line_error(result, "damaged")


def test_a_file_that_is_not_a_store(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("# my notes\n" * 2000)
    for command, result in run_every_command(notes, tmp_path):
        assert_one_line_error(result, "not a sitrep database")
    assert notes.read_text().startswith("# my notes")  # and it was not overwritten


def test_an_empty_file_is_a_store_not_started_yet(tmp_path, corpus):
    """A 0-byte file (touch, mktemp): readers say so in one line; an ingest starts the store there."""
    db = tmp_path / "made-by-mktemp.duckdb"
    db.touch()
    for command, result in run_every_command(db, tmp_path):
        if command == "ingest":  # nothing to read (none.jsonl): refused, the empty file stays a file
            assert_one_line_error(result, "nothing was stored")
        else:
            assert_one_line_error(result, "is empty (0 bytes)", "sitrep ingest")
    done = cli(*ingest_args(corpus, db))
    assert done.returncode == 0 and db.stat().st_size > 0, done.stderr
    assert cli("events", "--db", str(db), "--format", "csv").returncode == 0


def test_a_folder_given_as_the_store(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for command, result in run_every_command(folder, tmp_path):
        assert_one_line_error(result, "is a folder, not a database file", "sitrep.duckdb")
    assert list(folder.iterdir()) == []


def test_corrupt_blocks_are_reported_not_printed(clean_store, tmp_path):
    db = copy(clean_store, tmp_path / "flipped.duckdb")
    with open(db, "r+b") as f:
        size = db.stat().st_size
        for at in range(12_288 + 4096, size, 262_144):  # garbage inside every data block
            f.seek(at)
            f.write(b"\xde\xad\xbe\xef" * 1024)
    for command, result in run_every_command(db, tmp_path):
        if result.returncode == 0:  # a command that reads no damaged block may still work
            continue
        assert_one_line_error(result)
        assert any(word in result.stderr for word in ("damaged", "corrupt", "checksum")), result.stderr


def test_a_second_writer_is_turned_away_and_readers_are_not(clean_store, tmp_path):
    db = copy(clean_store, tmp_path / "w.duckdb")
    with Store(db):  # a writer holding the file between its batches
        result = cli(*ingest_args(tmp_path / "none.jsonl", db))
        assert_one_line_error(result, "another sitrep process", "is writing")
        events = cli("events", "--db", str(db), "--format", "csv")
        assert events.returncode == 0, events.stderr


def test_a_writer_in_a_missing_folder_creates_it_and_a_reader_says_no_database(tmp_path, corpus):
    db = tmp_path / "new" / "deeper" / "s.duckdb"
    result = cli("events", "--db", str(db))
    assert_one_line_error(result, "no database")
    assert not db.parent.exists()
    done = cli(*ingest_args(corpus, db))
    assert done.returncode == 0 and db.exists(), done.stderr


def test_a_read_only_place(tmp_path, corpus, clean_store):
    with tmpfs(tmp_path / "ro", "8m") as where:
        shutil.copy(clean_store, where / "s.duckdb")
        remount(where, "ro")
        assert_one_line_error(cli(*ingest_args(corpus, where / "s.duckdb")), "cannot write")
        assert_one_line_error(cli(*ingest_args(corpus, where / "sub" / "s.duckdb")), "cannot create the folder")
        events = cli("events", "--db", str(where / "s.duckdb"), "--format", "json")
        assert events.returncode == 0, events.stderr  # reading works on a read-only disk


def test_disk_full_stops_cleanly_and_a_rerun_equals_a_clean_run(tmp_path, corpus, clean_store):
    with tmpfs(tmp_path / "small", "1600k") as where:
        db = where / "s.duckdb"
        full = cli(*ingest_args(corpus, db, "--batch-size", "8"))
        assert_one_line_error(full, "no space left")
        # what was committed is whole: every stored article has its document, none twice
        partial = fingerprint(db)
        assert 0 < len(partial["articles"]) < 300 and partial["duplicate_ids"] == 0
        assert not [s for s in partial["skipped"] if s[1] == "internal_error"]
        remount(where, "size=64m")
        again = cli(*ingest_args(corpus, db))
        assert again.returncode == 0, again.stderr
        assert fingerprint(db) == fingerprint(clean_store)


def test_stale_internal_error_rows_go_when_the_article_is_stored(tmp_path, corpus):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        with store.transaction():
            store.record_skip(f"{corpus}:3", "internal_error", "TransactionException: disk full",
                              input_id="f2", stage="store")
            store.record_skip(f"{corpus}:4", "malformed", "kept: not ours", input_id="f3", stage="read")
    done = cli(*ingest_args(corpus, db))
    assert done.returncode == 0, done.stderr
    con = duckdb.connect(str(db), read_only=True)
    reasons = con.execute("SELECT reason, input_id FROM skipped ORDER BY 1").fetchall()
    con.close()
    assert reasons == [("malformed", "f3")]


def test_translate_names_the_fault():
    import errno
    full = dbfile.translate(OSError(errno.ENOSPC, "No space left on device"))
    assert isinstance(full, dbfile.StorageFull) and "free some space" in str(full)
    assert isinstance(dbfile.translate(OSError(errno.EROFS, "Read-only file system")), dbfile.StoreNotWritable)
    assert isinstance(dbfile.translate(duckdb.IOException("Could not read enough bytes from file")),
                      dbfile.StoreDamaged)
    assert dbfile.is_storage_failure(duckdb.TransactionException("No space left on device"))
    assert not dbfile.is_storage_failure(ValueError("a stage bug"))


def test_a_connection_in_this_process_in_the_other_mode(tmp_path, monkeypatch):
    """A read-write open while this process reads the file waits for the reader to close
    (the dashboard's snapshot guard); a reader left open is named, not a raw DuckDB error."""
    db = tmp_path / "s.duckdb"
    duckdb.connect(str(db)).close()
    monkeypatch.setattr(dbfile, "SAME_PROCESS_WAIT", 0.3)
    reader = duckdb.connect(str(db), read_only=True)
    with pytest.raises(dbfile.StoreBusy, match="open in this process"):
        dbfile.connect(db, read_only=False, wait=5, say=lambda msg: None)
    reader.close()
    dbfile.connect(db, read_only=False, wait=5, say=lambda msg: None).close()


def test_serve_refuses_a_truncated_or_foreign_store_before_it_starts(clean_store, tmp_path):
    db = copy(clean_store, tmp_path / "cut.duckdb")
    with open(db, "r+b") as f:
        f.truncate(clean_store.stat().st_size // 2 + 1234)
    assert_one_line_error(cli("serve", "--db", str(db), "--port", "0", timeout=120), "damaged")
    notes = tmp_path / "notes.md"
    notes.write_text("# my notes\n" * 2000)
    assert_one_line_error(cli("serve", "--db", str(notes), "--port", "0", timeout=120), "not a sitrep database")
