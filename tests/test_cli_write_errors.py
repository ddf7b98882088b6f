"""A brief (or its chart, or a --json summary) that cannot be written is one line that names
the real cause -- a full device, a missing folder, a file where a folder should be, a
read-only or forbidden place -- and what to do; the brief itself is kept in a temporary
file."""
import errno
import os
import tempfile

import pytest

from sitrep.cli import main
from sitrep.errors import write_problem
from web_helpers import build_store, normal_docs


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build_store(tmp_path_factory.mktemp("write") / "w.duckdb", normal_docs()))


@pytest.fixture(autouse=True)
def rescue_here(tmp_path, monkeypatch):
    """The rescued brief goes to this test's folder, not the machine's /tmp."""
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("sitrep: error: ") and "Traceback" not in err, err
    return err


def test_a_full_device_says_the_disk_is_full(db, capsys, tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    assert main(["brief", "--db", db, "-o", "/dev/full"]) == 2
    err = one_line(capsys)
    assert "No space left" in err and "is full" in err and "File exists" not in err
    assert "saved to" in err and next(tmp_path.glob("sitrep-brief-*.md")).read_text().startswith("# Situation report")


def test_a_file_given_as_the_chart_folder_is_named_as_a_file(db, capsys, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine")
    for target in (blocker, blocker / "charts"):
        assert main(["brief", "--db", db, "--out", str(target)]) == 2
        err = one_line(capsys)
        assert f"{blocker} is a file, not a folder" in err and "--out" in err and "File exists" not in err, err
    assert blocker.read_text() == "mine"


def test_a_missing_folder_and_a_folder_given_as_the_file(db, capsys, tmp_path):
    assert main(["brief", "--db", db, "-o", str(tmp_path / "nowhere" / "b.md")]) == 2
    assert f"the folder {tmp_path / 'nowhere'} does not exist" in one_line(capsys)
    assert main(["brief", "--db", db, "-o", str(tmp_path)]) == 2
    assert f"{tmp_path} is a folder; give -o a file name in it" in one_line(capsys)


def test_a_read_only_file_system(db, capsys, tmp_path):
    from fault_helpers import remount, tmpfs

    with tmpfs(tmp_path / "ro", "1m") as where:
        remount(where, "ro")
        assert main(["brief", "--db", db, "-o", str(where / "b.md")]) == 2
        err = one_line(capsys)
        assert "(Read-only file system)" in err and "read-only file system; choose a place on a writable disk" in err
        assert main(["brief", "--db", db, "--out", str(where / "charts")]) == 2
        assert "read-only file system" in one_line(capsys)


def test_each_cause_has_its_own_advice(tmp_path):
    """Root may write anywhere, so a forbidden folder is shown by the error it would raise."""
    forbidden = write_problem(PermissionError(errno.EACCES, "Permission denied"), tmp_path / "x" / "b.md", "-o")
    assert forbidden.startswith("(Permission denied)") and f"you may not write in {tmp_path / 'x'}" in forbidden
    full = write_problem(OSError(errno.EDQUOT, "Disk quota exceeded"), tmp_path / "b.md", "--json")
    assert "is full" in full and "--json" in full
    other = write_problem(OSError(errno.EIO, "Input/output error"), tmp_path / "b.md", "-o")
    assert other.startswith("(Input/output error)") and "-o" in other


def test_a_json_summary_that_cannot_be_written(capsys, tmp_path):
    from sitrep.cli.output import write_json
    from sitrep.errors import SitrepError

    with pytest.raises(SitrepError, match="the folder .* does not exist"):
        write_json({"a": 1}, str(tmp_path / "none" / "s.json"))
