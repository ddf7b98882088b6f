"""CSV injection: no cell that a spreadsheet would evaluate, in any CSV or TSV we write."""
import csv
import io

import pytest

from corpus_helpers import make_doc
from sitrep.cli import main
from sitrep.corpus import csv_safety
from sitrep.corpus.exports import export
from sitrep.corpus.incidents import rebuild_incidents
from sitrep.corpus.store import Store, content_hash

#: payloads from the OWASP CSV-injection page and friends, one per formula character
HOSTILE = ["=cmd|' /C calc'!A0", "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", " =1+1", '=HYPERLINK("http://x.invalid","click")']


def test_neutralise_prefixes_only_formula_text():
    for payload in HOSTILE:
        assert csv_safety.neutralise(payload) == "'" + payload
    assert csv_safety.neutralise(" =1+1") == "' =1+1"  # leading blanks hide nothing
    assert csv_safety.neutralise("Reuters") == "Reuters"
    assert csv_safety.neutralise("") == ""
    assert csv_safety.neutralise(-66.9) == -66.9  # a typed number is data, not a formula
    assert csv_safety.neutralise(None) is None


def test_writer_round_trip_keeps_the_text_after_the_apostrophe():
    out = io.StringIO()
    csv_safety.writer(out).writerows([HOSTILE, ["plain", -1.5, 3]])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["'" + p for p in HOSTILE]
    assert rows[1] == ["plain", "-1.5", "3"]


@pytest.fixture()
def hostile_db(tmp_path):
    """A store whose outlets, titles, sentences, triggers, actors and skips are payloads."""
    path = tmp_path / "hostile.duckdb"
    with Store(path) as s:
        with s.transaction():
            for n, payload in enumerate(HOSTILE):
                sentence = f"{payload} US aircraft struck a port near Caracas."
                d = make_doc(f"h{n}", [sentence], outlet=payload, url=f"https://h{n}.invalid/x",
                             events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", "reported",
                                      [payload])])
                d.article.title = payload
                ev = d.events[0]
                ev.source.name = payload  # an actor name from a user's actor file
                ev.trigger = type(ev.trigger)(ev.trigger.span, payload)
                ev.sentence = type(ev.sentence)(ev.sentence.span, payload)
                s.add_document(d.to_dict(), content_hash(d.article.text))
                s.record_skip(payload, "malformed", payload, input_id=payload, stage="read")
        rebuild_incidents(s)
    return path


def _formula_cells(text: str, delimiter: str = ",") -> list[str]:
    """Cells a spreadsheet would evaluate; typed numbers (-66.88) are numbers, not formulas."""
    bad = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        for cell in row:
            if csv_safety.is_formula_like(cell):
                try:
                    float(cell)
                except ValueError:
                    bad.append(cell)
    return bad


def test_export_csv_has_no_formula_cells(hostile_db, tmp_path):
    with Store(hostile_db, read_only=True) as s:
        paths = export(s, "csv", tmp_path / "csv")
    checked = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert _formula_cells(text) == [], path.name
        checked += text.count("'=cmd|")
    assert checked >= 3  # the payloads are there, neutralised, not dropped
    events = (tmp_path / "csv" / "events.csv").read_text(encoding="utf-8")
    assert "-66.88" in events  # a negative coordinate stays a number
    articles = (tmp_path / "csv" / "articles.csv").read_text(encoding="utf-8")
    assert "' =1+1" in articles  # DuckDB's writer gets the same rule as Python's


def test_gdelt_tsv_has_no_formula_cells(hostile_db, tmp_path):
    with Store(hostile_db, read_only=True) as s:
        paths = [p for p in export(s, "gdelt", tmp_path) if p.suffix == ".tsv"]
    # one GDELT event row per incident: the payloads of the other reports are in the
    # mentions (outlets) and side files
    text = "".join(p.read_text(encoding="utf-8") for p in paths)
    assert _formula_cells(text, delimiter="\t") == []
    assert "'@SUM(1+1)" in text


@pytest.mark.parametrize("command", [["events"], ["incidents"], ["skipped"]])
def test_cli_csv_has_no_formula_cells(hostile_db, capsys, command):
    assert main(command + ["--db", str(hostile_db), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") > 1
    assert _formula_cells(out) == []
