"""The server reads a private copy of the store: a writer (another process, as `sitrep
ingest` or `sitrep watch` is) can open the store while the server runs, the server keeps
answering from its last copy while the writer holds the file, and it picks up the new
incidents once the writer is done."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from web_helpers import build_store, normal_docs

PROJECT = Path(__file__).resolve().parents[1]

WRITER = textwrap.dedent("""
    import sys, time
    sys.path[:0] = [{src!r}, {tests!r}]
    from corpus_helpers import make_doc
    from sitrep.corpus.incidents import rebuild_incidents
    from sitrep.corpus.store import Store, content_hash
    with Store({db!r}) as store:
        doc = make_doc("late-1", ["Protesters marched in Valencia on Friday."], outlet="Late Wire",
                       published="2025-12-13", events=[(0, "PROTEST", "marched", None, None, None, "2025-12-12")])
        with store.transaction():
            d = doc.to_dict()
            store.add_document(d, content_hash(d["article"]["text"]))
        rebuild_incidents(store)
        print("written", flush=True)  # committed, and the file is still held
        sys.stdin.readline()  # hold the file until the test says so
""")


def test_reads_continue_while_a_writer_holds_the_store(tmp_path):
    from sitrep.web import data
    from sitrep.web.filters import Filters
    from sitrep.web.snapshot import Snapshots

    db = build_store(tmp_path / "store.duckdb", normal_docs())
    changes = []
    snaps = Snapshots(db, workdir=tmp_path / "copies", check_every=3600, on_change=changes.append)
    snaps.start()
    try:
        first = snaps.version
        reader = snaps.reader()
        before = data.list_incidents(reader, Filters()).total
        reader.close()

        # the server holds no lock: a writer process opens the store and keeps it
        script = WRITER.format(src=str(PROJECT / "src"), tests=str(PROJECT / "tests"), db=str(db))
        writer = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True)
        try:
            assert writer.stdout.readline().strip() == "written"
            assert snaps.refresh() is False  # cannot copy while the writer holds it ...
            assert snaps.status()["writer_active"] is True
            reader = snaps.reader()  # ... and still answers from the last copy
            assert data.list_incidents(reader, Filters()).total == before
            reader.close()
        finally:
            writer.communicate("done\n", timeout=60)
        assert writer.returncode == 0

        assert snaps.refresh() is True
        assert snaps.version > first and snaps.status()["writer_active"] is False
        reader = snaps.reader()
        assert data.list_incidents(reader, Filters()).total == before + 1
        reader.close()
        assert [i["type"] for i in changes[-1].new_incidents] == ["PROTEST"]
        assert changes[-1].counts["articles"] == len(normal_docs()) + 1
        assert snaps.refresh() is False  # unchanged file: no new copy
    finally:
        snaps.close()
    assert not list((tmp_path / "copies").glob("store-*.duckdb"))  # copies are removed


def test_the_users_store_is_never_modified(tmp_path):
    from sitrep.web.snapshot import Snapshots

    db = build_store(tmp_path / "store.duckdb", normal_docs())
    before = (db.stat().st_size, db.stat().st_mtime_ns)
    snaps = Snapshots(db, check_every=3600)
    snaps.start()
    reader = snaps.reader()
    reader.rows("SELECT count(*) FROM events")
    reader.close()
    snaps.close()
    assert (db.stat().st_size, db.stat().st_mtime_ns) == before
