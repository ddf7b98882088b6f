"""Every way `sitrep ingest` refuses to start leaves the folder as it found it (no store,
no WAL, no ``<db>.lock``, a foreign file byte for byte the same), says so in one line with
exit 2, and inputs that hold nothing are refused before the pipeline (spaCy) is loaded."""
from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from fault_helpers import assert_one_line_error, cli, cli_env

ARTICLE = ('{"id": "r1", "title": "Harbour", "published": "2025-12-02", "text": "Officials in Arden said on '
           'Tuesday that ten boats had returned to port after the storm passed over the bay."}\n')


def _snapshot(folder):
    """Every file of ``folder`` (recursively) with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _foreign_database(path):
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE readings (station VARCHAR, value DOUBLE)")
    con.close()
    return path


def _refusals(tmp_path):
    """(name, argv, words the error names): each a refusal before anything is stored."""
    (tmp_path / "inbox").mkdir()
    good = tmp_path / "one.jsonl"
    good.write_text(ARTICLE)
    _foreign_database(tmp_path / "lab.duckdb")
    (tmp_path / "notes.duckdb").write_text("not a database at all, just some notes\n")
    base = ["--workers", "1", "--until", "clean", "--no-progress"]
    new_db = str(tmp_path / "new.duckdb")
    return [
        ("empty folder", ["ingest", str(tmp_path / "inbox"), "--db", new_db, *base], ["held no article"]),
        ("foreign database", ["ingest", str(good), "--db", str(tmp_path / "lab.duckdb"), *base],
         ["is not a sitrep store"]),
        ("not a database", ["ingest", str(good), "--db", str(tmp_path / "notes.duckdb"), *base], ["notes.duckdb"]),
        ("too many workers", ["ingest", str(good), "--db", new_db, "--workers", "100000", "--no-progress"],
         ["--workers"]),
        ("scheduler without dask", ["ingest", str(good), "--db", new_db, "--scheduler", "tcp://127.0.0.1:1", *base],
         ["--scheduler"]),
        ("mistyped input", ["ingest", str(tmp_path / "missing.jsonl"), "--db", new_db, *base], ["nothing was stored"]),
    ]


def test_every_refused_ingest_leaves_the_folder_as_it_was(tmp_path):
    for name, argv, words in _refusals(tmp_path):
        before = _snapshot(tmp_path)
        assert_one_line_error(cli(*argv, timeout=300), *words)
        after = _snapshot(tmp_path)
        assert after == before, (name, sorted(set(after) ^ set(before)))


def test_an_empty_folder_is_refused_before_the_pipeline_is_imported(tmp_path):
    """In a fresh process (the test run has spaCy loaded already): after the refusal,
    neither the pipeline nor spaCy was imported, so the refusal costs no model load."""
    (tmp_path / "inbox").mkdir()
    probe = ("import sys\nfrom sitrep.cli.app import main\n"
             f"rc = main(['ingest', {str(tmp_path / 'inbox')!r}, '--db', {str(tmp_path / 'x.duckdb')!r}])\n"
             "print(rc, 'sitrep.pipeline' in sys.modules, 'spacy' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120,
                            env=cli_env())
    assert result.stdout.split() == ["2", "False", "False"], result.stderr
    assert "held no article" in result.stderr and "no store was made" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inbox"]


def test_the_python_api_ingest_of_nothing_starts_no_worker_and_no_model(tmp_path, monkeypatch):
    """``ingest`` (what sitrep.open(db).ingest runs) with inputs that hold nothing returns
    an empty summary without making the pipeline or an executor."""
    from sitrep.corpus import ingest as ingest_module
    from sitrep.corpus.store import Store

    def refuse(*args, **kwargs):
        raise AssertionError("no pipeline or executor for inputs that hold nothing")

    monkeypatch.setattr(ingest_module, "make_executor", refuse)
    monkeypatch.setattr(ingest_module.Pipeline, "default", refuse)
    (tmp_path / "inbox").mkdir()
    with Store(tmp_path / "x.duckdb") as store:
        summary = ingest_module.ingest([str(tmp_path / "inbox")], store)
    assert summary.found_nothing and summary.ingested == 0


def test_a_store_refused_on_opening_keeps_a_lock_file_it_did_not_make(tmp_path):
    """The lock file is removed only by the opener that made it: one left by an earlier
    writer (a store that was used before) stays."""
    from sitrep.corpus.dbfile import NotAStore
    from sitrep.corpus.store import Store

    db = _foreign_database(tmp_path / "lab.duckdb")
    lock = tmp_path / "lab.duckdb.lock"
    with pytest.raises(NotAStore):
        Store(db)
    assert not lock.exists()
    lock.write_text("pid 1")
    with pytest.raises(NotAStore):
        Store(db)
    assert lock.exists()
