"""`sitrep extract` end to end, through a real subprocess."""
import json
import os
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def sitrep(*args, stdin=None):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], input=stdin, capture_output=True,
                          timeout=180, env=env)


def test_extract_text_as_markdown():
    proc = sitrep("extract", str(FIXTURES / "council.txt"), "--format", "md")
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert out.startswith("# Council Approves New Budget for Riverside\n")
    assert "2026-01-03T12:12:00" in out
    assert "**Removed by cleaning:** 10" in out
    for section in ("## Events", "## Quotes", "## Figures", "## Places", "## Dates"):
        assert section in out


def test_extract_html_as_json_document():
    proc = sitrep("extract", str(FIXTURES / "council.html"), "--source", "Gazette (print)")
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "sitrep.document/1"
    article = doc["article"]
    assert article["title"] == "Riverside council approves bridge repairs"
    assert article["published"] == "2026-01-03T12:12:00-05:00"
    assert article["source"] == "Gazette (print)"
    assert article["language"] == "en"
    assert article["text"].startswith("The Riverside city council voted")
    assert [r["kind"] for r in article["removed"]] == ["repeated_title"]
    for layer in ("sentences", "actors", "events", "quotes", "times", "places", "quantities"):
        assert isinstance(doc[layer], list)
    assert doc["sentences"], "the nlp stage should have split sentences"
    start, end = doc["sentences"][0]["span"]
    assert article["text"][start:end].startswith("The Riverside city council")


def test_extract_stdin_with_overrides():
    text = (FIXTURES / "council.txt").read_bytes()
    proc = sitrep("extract", "-", "--published", "2026-01-05", "--title", "Budget vote", stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    article = json.loads(proc.stdout)["article"]
    assert article["published"] == "2026-01-05"
    assert article["title"] == "Budget vote"


def test_extract_jsonl_prints_json_lines_and_reports_skips():
    proc = sitrep("extract", str(FIXTURES / "mixed.jsonl"))
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 3
    assert [json.loads(ln)["article"]["title"] for ln in lines][0] == "Harbour reopens after storm"
    err = proc.stderr.decode()
    assert "mixed.jsonl:3" in err and "mixed.jsonl:4" in err


def test_binary_file_gives_one_line_and_exit_2(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    proc = sitrep("extract", str(path))
    assert proc.returncode == 2
    err = proc.stderr.decode().strip()
    assert len(err.splitlines()) == 1
    assert err.startswith(f"sitrep: error: {path}: ")
    assert "PNG" in err
    assert "Traceback" not in err
    assert proc.stdout == b""


def test_spanish_text_gives_not_english_error(tmp_path):
    path = tmp_path / "es.txt"
    path.write_text("El ayuntamiento de la ciudad aprobó el martes un nuevo presupuesto para reparar las "
                    "carreteras, después de un largo debate sobre el futuro de la biblioteca pública, que "
                    "según los vecinos necesita más dinero.", encoding="utf-8")
    proc = sitrep("extract", str(path), "--format", "md")
    assert proc.returncode == 2
    err = proc.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "Spanish" in err and "English news only" in err and "article in English" in err


def test_extract_snippet_option(tmp_path):
    path = tmp_path / "headline.txt"
    path.write_text("Rebels free two aid workers held since March, officials say\n", encoding="utf-8")
    refused = sitrep("extract", str(path))
    assert refused.returncode == 2 and b"--snippet" in refused.stderr
    proc = sitrep("extract", "--snippet", str(path))
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)
    assert "short text" in doc["article"]["meta"]["short_context"]
    assert doc["events"], "a snippet is analysed through every stage"
