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
    assert "(1 rows)" in capsys.readouterr().out
    assert main(["skipped", "--db", db, "--format", "csv"]) == 0
    assert "binary" in capsys.readouterr().out


def test_brief_html_and_export(db, tmp_path, capsys):
    out = tmp_path / "brief"
    assert main(["brief", "--db", db, "--html", "--out", str(out), "-o", str(tmp_path / "b.html")]) == 0
    html = (tmp_path / "b.html").read_text()
    assert "<h2>Contested claims</h2>" in html and 'src="events_by_quad.png"' in html
    assert (out / "events_by_quad.svg").exists()
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
    assert (out / "events_by_quad.png").stat().st_size > 1000
