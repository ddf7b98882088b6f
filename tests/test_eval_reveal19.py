"""Held-out gold parts are scored only on request, and every such read is logged (session 19)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from sitrep.cli.app import main
from sitrep.eval import reads
from sitrep.eval.sets import allsides_dev


@pytest.fixture
def read_log(tmp_path, monkeypatch):
    path = tmp_path / "reads.tsv"
    monkeypatch.setenv("SITREP_READ_LOG", str(path))
    return path


@pytest.fixture
def calls(monkeypatch, tmp_path):
    """allsides-dev's scoring replaced by a recorder: no pipeline runs on held-out articles here."""
    seen = []

    def fake_evaluate(kb, data_dir, limit=None, show_errors=0, reveal=()):
        seen.append(tuple(reveal))
        return SimpleNamespace(set_name="allsides-dev", stage="events", n_items=0, seconds=0.0, anchor="",
                               metrics={}, notes=[], errors=[], to_dict=lambda: {})

    monkeypatch.setattr(allsides_dev, "evaluate", fake_evaluate)
    monkeypatch.setattr(allsides_dev, "available", lambda data_dir: True, raising=False)
    monkeypatch.setattr("sitrep.knowledge.default_knowledge", lambda: None)
    return seen


def test_a_plain_eval_reveals_nothing_and_logs_nothing(calls, read_log, tmp_path):
    assert main(["eval", "--set", "allsides-dev", "--data", str(tmp_path)]) == 0
    assert calls == [()]
    assert not read_log.exists()


def test_a_revealed_part_is_scored_and_the_read_is_logged(calls, read_log, tmp_path, capsys):
    assert main(["eval", "--set", "allsides-dev", "--data", str(tmp_path), "--reveal-parts", "k,J"]) == 0
    assert calls == [("J", "K")]
    rows = read_log.read_text().splitlines()
    assert rows[0].split("\t") == list(reads.COLUMNS)
    assert rows[1].split("\t")[1] == "J,K"
    assert "read 1 of this checkout today" in capsys.readouterr().err
    assert main(["eval", "--set", "allsides-dev", "--data", str(tmp_path), "--reveal-parts", "J"]) == 0
    assert len(read_log.read_text().splitlines()) == 3


def test_a_sealed_part_is_scored_with_a_warning(calls, read_log, tmp_path, capsys):
    assert main(["eval", "--set", "allsides-dev", "--data", str(tmp_path), "--reveal-parts", "L"]) == 0
    assert "sealed" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["D", "J,Z"])
def test_an_open_or_unknown_part_is_a_one_line_error(calls, read_log, tmp_path, capsys, value):
    assert main(["eval", "--set", "allsides-dev", "--data", str(tmp_path), "--reveal-parts", value]) == 2
    err = capsys.readouterr().err
    assert "not a held-out part" in err and "Traceback" not in err
    assert calls == [] and not read_log.exists()


def test_reveal_needs_the_dev_set(calls, read_log, tmp_path, capsys):
    assert main(["eval", "--set", "demo-events", "--data", str(tmp_path), "--reveal-parts", "J"]) == 2
    assert "needs the allsides-dev set" in capsys.readouterr().err


def test_an_unwritable_log_warns_and_does_not_stop_the_run(monkeypatch, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("SITREP_READ_LOG", str(blocker / "sub" / "reads.tsv"))
    assert reads.log_read(("J",)) == 0
    assert "could not be logged" in capsys.readouterr().err


def test_a_read_is_logged_under_the_checkout_wherever_the_command_starts(read_log, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # outside the repository
    assert reads.log_read(("J",)) == 1
    row = read_log.read_text().splitlines()[1].split("\t")
    assert row[4] == str(reads.PACKAGE_DIR.parents[2])  # the repository holding src/sitrep
    assert row[4] != str(tmp_path)


def test_an_empty_log_file_gets_its_header(read_log):
    read_log.write_text("")
    assert reads.log_read(("K",)) == 1
    assert read_log.read_text().splitlines()[0].split("\t") == list(reads.COLUMNS)


def test_the_training_scripts_log_their_validation_reads(read_log, monkeypatch):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "train_event_filter.py"
    spec = importlib.util.spec_from_file_location("train_event_filter_reads", path)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    monkeypatch.setattr(script, "collect", lambda *a, **k: [])
    model = SimpleNamespace(probability=lambda f: 0.0, threshold=0.5)
    script.validation_block(Path("."), model, ("J", "K"), [], (), None)
    assert read_log.read_text().splitlines()[1].split("\t")[1] == "J,K"
