"""Session 14 audit of issues 9 and 10 on a fresh clone: the regressions it found, each
pinned by a test that failed before its fix."""
import os
import stat

import pytest

from sitrep.cli import main
from web_helpers import build_store, normal_docs


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build_store(tmp_path_factory.mktemp("audit15") / "a.duckdb", normal_docs()))


@pytest.fixture
def umask():
    """Run the test under a chosen umask, restoring the caller's afterwards."""
    saved = os.umask(0o022)
    os.umask(saved)
    yield os.umask
    os.umask(saved)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# -- a brief on disk is readable as the user's umask says, like every other output ------------

def test_a_new_brief_and_its_chart_get_the_mode_of_the_umask(db, tmp_path, umask):
    umask(0o022)
    assert main(["brief", "--db", db, "-o", str(tmp_path / "b.md")]) == 0
    assert main(["brief", "--db", db, "--html", "-o", str(tmp_path / "b.html")]) == 0
    assert (tmp_path / "b-activity.svg").exists()  # the chart written beside the Markdown brief
    for name in ("b.md", "b-activity.svg", "b.html"):
        assert mode(tmp_path / name) == 0o644, name


def test_a_stricter_umask_is_honoured_too(db, tmp_path, umask):
    umask(0o027)
    assert main(["brief", "--db", db, "-o", str(tmp_path / "team.md")]) == 0
    assert mode(tmp_path / "team.md") == 0o640
    assert mode(tmp_path / "team-activity.svg") == 0o640


def test_a_brief_written_over_an_existing_file_keeps_that_file_mode(db, tmp_path, umask):
    umask(0o022)
    private = tmp_path / "private.html"
    private.write_text("old")
    private.chmod(0o600)  # the user made it private: a new brief must not widen it
    assert main(["brief", "--db", db, "--html", "-o", str(private)]) == 0
    assert mode(private) == 0o600
    assert private.read_text().lstrip().startswith("<!DOCTYPE html>")


# -- the demo's "try next" commands run as printed ---------------------------------------------

def _script(folder):
    """A console script named sitrep, as pip installs it into a virtual environment."""
    folder.mkdir(parents=True)
    script = folder / "sitrep"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    return script


def test_a_sitrep_the_shell_cannot_find_is_named_by_its_path(tmp_path, monkeypatch):
    from sitrep.cli.corpus import how_to_call_sitrep

    script = _script(tmp_path / ".venv" / "bin")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # the README's set-up does not activate the venv
    assert how_to_call_sitrep(str(script)) == ".venv/bin/sitrep"
    assert how_to_call_sitrep(".venv/bin/sitrep") == ".venv/bin/sitrep"


def test_a_path_outside_the_folder_or_with_spaces_is_absolute_and_quoted(tmp_path, monkeypatch):
    from sitrep.cli.corpus import how_to_call_sitrep

    script = _script(tmp_path / "my tools" / "bin")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    assert how_to_call_sitrep(str(script)) == f"'{script}'"


def test_plain_sitrep_when_the_shell_finds_this_program_or_there_is_no_script(tmp_path, monkeypatch):
    from sitrep.cli.corpus import how_to_call_sitrep

    script = _script(tmp_path / "bin")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")  # an activated environment
    assert how_to_call_sitrep(str(script)) == "sitrep"
    # near miss: started as `python -m sitrep.cli`, there is no script to point at
    assert how_to_call_sitrep(str(tmp_path / "src" / "sitrep" / "cli" / "__main__.py")) == "sitrep"
