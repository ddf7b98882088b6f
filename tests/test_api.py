"""The Python API: sitrep.extract and sitrep.open, as a notebook or a script uses them."""
import io
import json
import os
import subprocess
import sys
import textwrap

import pytest

import sitrep
import sitrep.cli
from sitrep.corpus.rows import EventRow, SkipRow
from sitrep.errors import InputError

STORY = ("CARACAS, Dec 8 (Wire) - Venezuela accused the United States on Monday of attacking a fishing "
         "boat off its coast, the foreign ministry said in a statement. Colombia demanded an inquiry into "
         "the strike, which killed three crew members, officials said.")


def test_extract_gives_the_document_the_cli_prints(monkeypatch, capsys, kb):
    doc = sitrep.extract(STORY, published="2025-12-09")
    assert doc.events and doc.article.published == "2025-12-09"
    stdin = io.TextIOWrapper(io.BytesIO(STORY.encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert sitrep.cli.main(["extract", "-", "--published", "2025-12-09"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = doc.to_dict()
    # the CLI's input is stdin, the API's a string: only where it came from differs
    assert printed["article"].pop("origin") == "<stdin>" and expected["article"].pop("origin") == "<text>"
    assert printed == expected


def test_extract_refuses_unusable_text_with_the_reason():
    with pytest.raises(InputError) as info:
        sitrep.extract("El gobierno de Venezuela acusó el lunes a Estados Unidos de atacar un barco pesquero "
                       "frente a su costa, según un comunicado del ministerio de relaciones exteriores.")
    assert info.value.reason == "not_english"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("api")
    src = folder / "news.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"n{i}", "published": f"2025-12-{i + 9:02d}", "source": f"Wire {i}",
                                         "text": STORY.replace("three", str(i + 3))}) for i in range(3))
                   + "\n{broken\n")
    corpus = sitrep.open(folder / "news.duckdb")
    summary = corpus.ingest([src], workers=1)
    assert summary.ingested == 3 and summary.skipped["malformed"] == 1
    return corpus


def test_open_queries_as_typed_rows(corpus):
    rows = corpus.events(output="rows", event_type="accuse")
    assert rows and all(isinstance(r, EventRow) and r.type == "ACCUSE" for r in rows)
    assert {r.outlet for r in rows} == {"Wire 0", "Wire 1", "Wire 2"}
    days = sorted({r.event_date for r in corpus.events(output="rows") if r.event_date})
    later = corpus.events(output="rows", since=days[-1].isoformat())
    assert later and all(r.event_date == days[-1] for r in later)
    assert len(corpus.events(output="rows", limit=2)) == 2
    (skip,) = corpus.skipped(output="rows")
    assert isinstance(skip, SkipRow) and skip.reason == "malformed"
    incidents = corpus.incidents(output="rows")
    # the three stories differ by one number: near-duplicates, one independent source
    top = incidents[0]
    assert top.n_articles == 3 and top.n_sources == 1 and len(top.mentions) >= 3
    assert isinstance(top.certainty, dict)
    # about= reads as `sitrep incidents --about`: the stories are about Venezuela, not Peru
    assert top.incident_id in {r.incident_id for r in corpus.incidents(output="rows", about="Venezuela")}
    assert corpus.incidents(output="rows", about="Peru") == []
    assert corpus.document("n0").article.source == "Wire 0"
    assert corpus.counts()["articles"] == 3
    assert "# Situation report" in corpus.brief()


def test_the_default_table_kind_follows_what_is_installed(corpus, monkeypatch):
    import importlib.util

    from sitrep import api

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None if name in ("pandas", "pyarrow") else real(name))
    assert api.table_kind() == "rows"
    assert isinstance(corpus.events()[0], EventRow)


def test_open_queries_as_dataframes_and_arrow(corpus):
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    frame = corpus.events(output="pandas")
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(corpus.events(output="rows"))
    assert list(frame.columns)[:3] == ["event_id", "event_date", "type"]
    table = corpus.incidents(output="arrow", limit=2)
    assert isinstance(table, pa.Table) and table.num_rows == 2 and table.column_names[0] == "incident_id"


def test_bad_filters_raise_the_cli_message(corpus):
    from sitrep.errors import SitrepError

    with pytest.raises(SitrepError, match="--certainty 'sure'"):
        corpus.events(certainty="sure")


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_script_without_a_main_guard_can_ingest_with_workers(tmp_path, engine):
    """multiprocessing's spawn re-runs an unguarded script in every worker, and so would
    Dask's nanny (which also re-spawns dead workers from the calling process); sitrep's
    pool and its local Dask cluster must not, or each worker would start an ingest of
    its own (issue 11 item 6)."""
    if engine == "dask":
        pytest.importorskip("distributed")
    src = tmp_path / "news.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"s{i}", "text": STORY.replace("three", str(i + 10))})
                             for i in range(6)) + "\n")
    script = tmp_path / "notebook_like.py"
    script.write_text(textwrap.dedent(f"""
        import sitrep
        print("script body ran", flush=True)
        corpus = sitrep.open({str(tmp_path / 'db.duckdb')!r})
        summary = corpus.ingest([{str(src)!r}], workers=2, until="clean", engine={engine!r})
        print("stored", summary.ingested, flush=True)
    """))
    env = dict(os.environ, OMP_NUM_THREADS="1")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr[:3000] + "\n...\n" + done.stderr[-3000:]  # the cause is at the top
    assert done.stdout.splitlines() == ["script body ran", "stored 6"]
    assert "Traceback" not in done.stderr
