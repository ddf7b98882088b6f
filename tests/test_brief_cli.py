"""The corpus commands through the CLI entry point, on a store of constructed documents,
and `sitrep demo` end to end."""
import json

import pytest

from corpus_helpers import make_doc
from sitrep.cli import main
from sitrep.corpus.incidents import rebuild_incidents
from sitrep.corpus.store import Store, content_hash


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    with Store(path) as s:
        with s.transaction():
            for aid, outlet, status in (("a", "Wire A", "asserted"), ("b", "State TV", "denied")):
                d = make_doc(aid, [f"US aircraft struck a port near Caracas, {outlet} said."], outlet=outlet,
                             url=f"https://{aid}.invalid/x",
                             events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", status)])
                s.add_document(d.to_dict(), content_hash(d.article.text))
            s.record_skip("bad.bin", "binary", "binary file", stage="read")
        rebuild_incidents(s)
    return str(path)


def test_events_incidents_skipped(db, capsys):
    assert main(["events", "--db", db, "--actor", "VEN", "--type", "assault", "--since", "2025-12-01",
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["outlet"] for r in rows) == ["State TV", "Wire A"]
    assert main(["events", "--db", db, "--since", "2026-01-01", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["incidents", "--db", db, "--about", "Venezuela", "--format", "json"]) == 0
    incs = json.loads(capsys.readouterr().out)
    assert len(incs) == 1 and incs[0]["n_sources"] == 2 and incs[0]["conflicted"] is True
    assert len(incs[0]["mentions"]) == 2
    assert main(["incidents", "--db", db]) == 0
    table = capsys.readouterr().out
    assert "(1 rows)" in table and "ASSAULT: United States -> Venezuela in Caracas" in table
    assert main(["incidents", "--db", db, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("incident_id,date_start,label,type,")
    assert main(["skipped", "--db", db, "--format", "csv"]) == 0
    assert "binary" in capsys.readouterr().out


def test_brief_html_is_one_self_contained_page(db, tmp_path, capsys, monkeypatch):
    from lxml import html as lxml_html

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "b.html"
    assert main(["brief", "--db", db, "--html", "-o", str(out)]) == 0
    page = out.read_text()
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//h2[text()='Contested claims']") and tree.xpath("//style")
    assert tree.xpath("//svg[@class='chart']//rect/title") and not tree.xpath("//img")
    assert tree.xpath("//svg[@class='map']//path") and tree.xpath("//svg[@class='map']//circle")
    # nothing is loaded from anywhere: no external sources, only footnote and article links
    assert not tree.xpath("//script|//link|//iframe|//object")
    assert all(h.startswith(("#n-", "https://")) for h in tree.xpath("//a/@href"))
    assert written(tmp_path) == ["b.html", "cli.duckdb"]  # no stray files


def written(folder):
    """The files in ``folder`` but the store's own lock file (the ingest's writer lock)."""
    return sorted(p.name for p in folder.iterdir() if not p.name.endswith(".duckdb.lock"))


def test_markdown_brief_puts_the_chart_next_to_its_file(db, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "reports"
    folder.mkdir()
    assert main(["brief", "--db", db, "-o", str(folder / "brief.md")]) == 0
    assert (folder / "brief-activity.svg").read_text().startswith("<?xml")
    assert "![Events per article" in (folder / "brief.md").read_text()
    assert "](brief-activity.svg)" in (folder / "brief.md").read_text()
    assert main(["brief", "--db", db]) == 0  # on stdout: no file anywhere
    assert capsys.readouterr().out.startswith("# Situation report")
    assert written(tmp_path) == ["cli.duckdb", "reports"]


def test_unwritable_output_is_one_line_and_the_brief_is_kept(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert main(["brief", "--db", db, "-o", "/dev/full"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and err.startswith("sitrep: error: cannot write the brief to /dev/full")
    saved = next(tmp_path.glob("sitrep-brief-*.md"))
    assert saved.read_text().startswith("# Situation report")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["brief", "--db", db, "--html", "-o", str(blocker / "brief.html")]) == 2
    assert "cannot write the brief" in capsys.readouterr().err
    assert next(tmp_path.glob("sitrep-brief-*.html")).read_text().startswith("<!DOCTYPE html>")


def test_read_only_folder_is_one_line_and_the_brief_is_kept(db, tmp_path, capsys, monkeypatch):
    """Root ignores folder permissions, so the read-only file system is the one thing
    simulated here: the write raises EROFS as it would on a read-only mount."""
    import errno
    import tempfile

    from sitrep.report import output

    def read_only(path, text):
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(output, "write_text", read_only)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    assert main(["brief", "--db", db, "-o", str(tmp_path / "ro" / "brief.md")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "(Read-only file system)" in err and "saved to" in err
    assert next(tmp_path.glob("sitrep-brief-*.md")).read_text().startswith("# Situation report")


def test_brief_bad_date_is_one_line(db, capsys):
    assert main(["brief", "--db", db, "--since", "yesterday"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_export(db, tmp_path):
    assert main(["export", "--db", db, "--format", "plover", str(tmp_path / "x")]) == 0
    assert (tmp_path / "x" / "events.plover.jsonl").read_text().count("\n") == 2


def test_missing_db_is_one_line_error(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "sitrep ingest" in capsys.readouterr().err


def test_demo_prints_the_brief_and_writes_the_plot(tmp_path, capsys, kb):
    out = tmp_path / "demo"
    assert main(["demo", "--out", str(out), "--workers", "1"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# Situation report") and "## Headline incidents" in md
    assert "independent source" in md and "[^a1s" in md
    assert (out / "brief.md").read_text() == md
    assert "<rect" in (out / "brief-activity.svg").read_text()
