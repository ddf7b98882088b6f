"""A store written as a Parquet dataset reads exactly like the DuckDB store it came from:
the same events, incidents and brief through the same commands; it refuses writes, a stale
schema and damage with one-line errors; and it also works at an fsspec URL."""
import json
from pathlib import Path

import pytest

from corpus_helpers import make_doc
from sitrep.cli import main
from sitrep.corpus import dataset
from sitrep.corpus.exports import export
from sitrep.corpus.incidents import rebuild_incidents
from sitrep.corpus.store import Store, content_hash
from sitrep.errors import SitrepError


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "store.duckdb"
    with Store(path) as s:
        with s.transaction():
            for aid, day, outlet in (("a", "2025-12-08", "Wire A"), ("b", "2025-12-08", "Wire B"),
                                     ("c", "2025-12-20", "Wire C")):
                d = make_doc(aid, [f"US aircraft struck a port near Caracas, wire {aid} said."],
                             url=f"https://{aid}.invalid/x", outlet=outlet, published=day,
                             events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", day, "claimed")])
                s.add_document(d, content_hash(d.article.text))
        rebuild_incidents(s)
    return path


def run(capsys, *argv) -> str:
    assert main(list(argv)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_commands_read_a_dataset_as_they_read_its_store(db, tmp_path, capsys):
    out = tmp_path / "ds"
    run(capsys, "export", "--db", str(db), "--format", "dataset", str(out))
    manifest = json.loads((out / dataset.MANIFEST).read_text())
    assert {t["name"] for t in manifest["tables"]} >= {"articles", "events", "incidents", "documents"}
    assert next(t["rows"] for t in manifest["tables"] if t["name"] == "events") == 3
    for argv in (["events", "--format", "json"], ["incidents", "--format", "json"],
                 ["brief", "--about", "Venezuela", "--no-plot", "--since", "2025-12-01"]):
        from_store = run(capsys, *argv[:1], "--db", str(db), *argv[1:])
        from_dataset = run(capsys, *argv[:1], "--db", str(out), *argv[1:])
        assert from_dataset == from_store and from_store.strip()


def test_writing_again_replaces_the_dataset(db, tmp_path):
    out = tmp_path / "ds"
    with Store(db, read_only=True) as store:
        first = export(store, "dataset", out)
        second = export(store, "dataset", out)
    assert first == second
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(p).name for p in first)


def test_a_dataset_is_read_only(db, tmp_path):
    out = tmp_path / "ds"
    with Store(db, read_only=True) as store:
        export(store, "dataset", out)
    with pytest.raises(SitrepError, match="read-only"):
        Store(out)


def test_a_dataset_of_another_schema_is_refused(db, tmp_path, capsys):
    out = tmp_path / "ds"
    with Store(db, read_only=True) as store:
        export(store, "dataset", out)
    manifest = json.loads((out / dataset.MANIFEST).read_text())
    manifest["schema_version"] = 1
    (out / dataset.MANIFEST).write_text(json.dumps(manifest))
    assert main(["events", "--db", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sitrep: error: ") and err.count("\n") == 1 and "write the dataset again" in err


def test_a_damaged_table_file_is_a_one_line_error(db, tmp_path, capsys):
    out = tmp_path / "ds"
    with Store(db, read_only=True) as store:
        export(store, "dataset", out)
    (out / "events.parquet").write_bytes(b"not parquet at all")
    assert main(["events", "--db", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sitrep: error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_a_folder_with_other_files_is_not_overwritten(db, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with Store(db, read_only=True) as store, pytest.raises(SitrepError, match="other files"):
        export(store, "dataset", out)
    assert (out / "notes.txt").read_text() == "keep me"


def test_a_dataset_at_an_fsspec_url(db, capsys):
    fsspec = pytest.importorskip("fsspec")
    url = "memory://sitrep-test/run-1"
    try:
        run(capsys, "export", "--db", str(db), "--format", "dataset", url)
        assert fsspec.filesystem("memory").exists(f"/sitrep-test/run-1/{dataset.MANIFEST}")
        assert run(capsys, "events", "--db", url, "--format", "json") == \
            run(capsys, "events", "--db", str(db), "--format", "json")
    finally:
        fsspec.filesystem("memory").rm("/sitrep-test", recursive=True)
