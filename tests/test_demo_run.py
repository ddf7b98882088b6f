"""The demo keeps its store and its briefs, and the three commands it suggests work on them."""
import shlex

from sitrep.cli import main
from sitrep.demo import NEXT_COMMANDS, run_demo


def test_demo_keeps_its_store_and_the_next_commands_work(tmp_path, capsys, kb):
    out = tmp_path / "sitrep-demo"
    first = run_demo(out, workers=1, progress=False)
    assert first.db == out / "sitrep.duckdb" and first.db.exists()
    assert first.brief_md.read_text().startswith("#")
    html = first.brief_html.read_text()
    assert html.lstrip().lower().startswith("<!doctype html") and "<script" not in html.lower()
    assert len(first.next_commands) == len(NEXT_COMMANDS) == 3
    for command in first.next_commands:
        words = shlex.split(command)
        assert words[0] == "sitrep"
        assert main(words[1:]) == 0, command
        printed = capsys.readouterr()
        assert printed.out.strip() or printed.err.strip()
    assert (out / "export" / "events.csv").exists()
    again = run_demo(out, workers=1, progress=False)  # a second run ingests nothing twice
    assert any("ingested 0 articles" in line for line in again.summary_lines)
