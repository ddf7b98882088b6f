"""The command line's contract: a user's mistake is one line `sitrep: error: ...` and exit
status 2; a bug is exit status 1 and a log file with the traceback; every option is
checked where it is parsed and exists only where it does something."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from corpus_helpers import make_doc
from sitrep.cli import build_parser, main
from sitrep.corpus.store import Store, content_hash


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    with Store(path) as s:
        with s.transaction():
            for aid, day in (("a", "2011-12-31"), ("b", "2012-06-01"), ("c", "2013-01-02")):
                d = make_doc(aid, [f"US aircraft struck a port near Caracas, wire {aid} said."],
                             url=f"https://{aid}.invalid/x",
                             events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", day, "claimed")])
                s.add_document(d, content_hash(d.article.text))
    return str(path)


def one_line_error(capsys, argv, *, contains=()):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("sitrep: error: ") and err.count("\n") == 1 and "Traceback" not in err
    for text in contains:
        assert text in err, err
    return err


def events(capsys, db, *args):
    assert main(["events", "--db", db, "--format", "json", *args]) == 0
    return [r["event_id"] for r in json.loads(capsys.readouterr().out)]


def test_a_year_or_a_month_is_a_period(db, capsys):
    assert events(capsys, db, "--since", "2012", "--oldest-first") == ["b#e0", "c#e0"]
    assert events(capsys, db, "--until", "2012", "--oldest-first") == ["a#e0", "b#e0"]
    assert events(capsys, db, "--since", "2012-06", "--until", "2012-06") == ["b#e0"]
    assert events(capsys, db, "--certainty", "CLAIMED", "--type", "assault", "--limit", "1") == ["c#e0"]


def test_events_are_newest_first_and_json_lists_are_lists(db, capsys):
    assert events(capsys, db) == ["c#e0", "b#e0", "a#e0"]
    assert events(capsys, db, "--oldest-first") == ["a#e0", "b#e0", "c#e0"]
    assert main(["events", "--db", db, "--format", "json", "--limit", "1"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert isinstance(row["hedges"], list) and isinstance(row["figures"], list)


def test_a_limit_beyond_any_store_means_every_row(db, capsys):
    # more digits than DuckDB's BIGINT holds: all rows, not a failing query
    assert events(capsys, db, "--limit", "9" * 25) == ["c#e0", "b#e0", "a#e0"]
    assert main(["incidents", "--db", db, "--limit", "9" * 25]) == 0


@pytest.mark.parametrize("argv, contains", [
    (["--since", "2012-13"], ["--since '2012-13' is not a date", "YYYY-MM"]),
    (["--until", "last week"], ["--until 'last week' is not a date"]),
    (["--since", "\uff12025-12-01"], ["is not a date", "YYYY-MM-DD"]),
    (["--limit", "-3"], ["--limit '-3'", "1 or more"]),
    (["--limit", "ten"], ["--limit 'ten'"]),
    (["--certainty", "sure"], ["--certainty 'sure'", "asserted, reported, claimed"]),
    (["--type", "BOMBING"], ["--type 'BOMBING'", "ASSAULT"]),
    (["--format", "xml"], ["invalid choice: 'xml'"]),
    (["--actors", "mine.tsv"], ["unrecognized arguments: --actors"]),
    (["--about", ""], ["--about is empty"]),
    (["--about", " \t "], ["--about is empty"]),
    (["--actor", ""], ["--actor is empty"]),
    (["--about", "x" * 5000], ["--about is 5,000 characters long", "at most 200"]),
])
def test_bad_arguments_are_one_line_errors(db, capsys, argv, contains):
    one_line_error(capsys, ["events", "--db", db, *argv], contains=contains)


@pytest.mark.parametrize("command", ["events", "incidents", "brief"])
def test_a_blank_or_pasted_about_is_refused_alike_by_every_command(db, capsys, command):
    for about, words in (("   ", "--about is empty"), ("Caracas " * 40, "at most 200")):
        one_line_error(capsys, [command, "--db", db, "--about", about], contains=[words])


def test_odd_about_terms_are_searched_literally(db, capsys):
    """Markup, regex and LIKE characters and non-ASCII words are plain text: no match here, no error."""
    for about in ("<script>alert(1)</script>", "(", "a|b", ".*", "%", "_", "\\", "中国", "\u202eevil"):
        assert events(capsys, db, "--about", about) == [], about
    assert events(capsys, db, "--about", "  caracas ") == ["c#e0", "b#e0", "a#e0"]  # trimmed, any case


@pytest.mark.parametrize("command", [["ingest", "in.jsonl"], ["demo"], ["bench"]])
def test_more_workers_than_the_machine_can_hold_is_a_one_line_error(tmp_path, capsys, command):
    # each worker loads spaCy: 100000 of them would take the machine's memory, not finish sooner
    one_line_error(capsys, [*command, "--workers", "100000"], contains=["--workers '100000'", "per core"])
    assert not list(tmp_path.iterdir())


def test_binary_or_misplaced_files_given_as_inputs_are_one_line_errors(tmp_path, capsys):
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 8)  # not UTF-8: 0x80 and above
    one_line_error(capsys, ["bench", "--corpus", str(blob), "--articles", "2"], contains=["not UTF-8"])
    listing = tmp_path / "list.jsonl"
    listing.write_text("[1, 2]\n")
    one_line_error(capsys, ["bench", "--corpus", str(listing), "--articles", "2"], contains=["line 1"])
    one_line_error(capsys, ["watch", str(blob), "--db", str(tmp_path / "w.duckdb"), "--once"],
                   contains=["not a text file"])
    one_line_error(capsys, ["demo", "--out", str(blob), "--no-progress"], contains=["is a file, not a folder"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blob.bin", "list.jsonl"]


def test_options_exist_only_where_they_do_something():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command").choices
    flags = {name: {f for a in p._actions for f in a.option_strings} for name, p in sub.items()}
    runs_pipeline = {"extract", "ingest", "demo", "eval", "bench", "watch"}
    for name, options in flags.items():
        assert ("--actors" in options) == (name in runs_pipeline), name
    assert "--certainty" in flags["events"] and "--certainty" not in flags["incidents"]
    assert "--db" not in flags["extract"] and "--workers" not in flags["events"]


def test_a_missing_store_is_a_user_error(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sitrep ingest" in err


def test_a_truncated_store_is_refused_up_front(db, tmp_path, capsys):
    cut = tmp_path / "cut.duckdb"
    shutil.copy(db, cut)
    with open(cut, "r+b") as f:
        f.truncate(os.path.getsize(cut) // 2)  # blocks the tables use are lost
    for command in (["events"], ["incidents"], ["skipped"], ["brief", "--no-plot"]):
        assert main([*command, "--db", str(cut)]) == 2, command
        err = capsys.readouterr().err
        assert "is damaged" in err and "new --db" in err and err.count("\n") == 1


def test_a_file_that_is_not_a_store_is_a_user_error(tmp_path, capsys):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are my notes, not a database\n" * 100)
    assert main(["events", "--db", str(bogus)]) == 2
    err = capsys.readouterr().err
    assert "is not a sitrep database" in err and err.count("\n") == 1


def test_a_store_held_too_long_says_who_holds_it(db, capsys, monkeypatch):
    from sitrep.corpus import dbfile

    monkeypatch.setattr(dbfile, "READER_WAIT", 1.0)  # a reader waits for a writer's batch, not forever
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time\n"
                               f"con = duckdb.connect({db!r}); print('locked', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(["events", "--db", db]) == 2
        err = capsys.readouterr().err
        last = err.strip().splitlines()[-1]
        assert last.startswith("sitrep: error: ") and f"in use by process {holder.pid}" in last
    finally:
        holder.kill()
        holder.wait()


def test_an_unwritable_output_is_a_user_error(db, capsys):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    assert main(["brief", "--db", db, "--no-plot", "-o", "/dev/full"]) == 2
    err = capsys.readouterr().err
    assert "/dev/full" in err and "No space left" in err and err.count("\n") == 1


def test_a_bug_exits_1_with_the_traceback_in_a_log_file(db, capsys, monkeypatch, tmp_path):
    from sitrep.corpus import queries

    def broken(*args, **kwargs):
        raise ZeroDivisionError("deliberate")

    monkeypatch.setattr(queries, "event_rows", broken)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert main(["events", "--db", db]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error" in err and "Traceback" not in err
    log = tmp_path / "state" / "sitrep" / "logs"
    (path,) = list(log.iterdir())
    assert str(path) in err
    text = path.read_text()
    assert "Traceback" in text and "ZeroDivisionError: deliberate" in text and "sitrep events --db" in text


def test_logs_fall_back_to_the_temp_folder_when_home_cannot_be_written(monkeypatch, tmp_path):
    import tempfile

    from sitrep.cli import app

    home = tmp_path / "home"
    home.mkdir()
    (home / ".local").write_text("a file where the state folder would go: no folder can be made under it")
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", None)
    path = app.write_log(ValueError("x"), ["events"])
    assert path is not None and path.parent.parent == tmp_path / "tmp"
    assert "ValueError: x" in path.read_text()


def test_ingest_that_stores_nothing_exits_2_and_says_why(tmp_path, capsys):
    db = tmp_path / "x.duckdb"
    err = one_line_error_from_main(capsys, ["ingest", str(tmp_path / "mistyped.jsonl"), "--db", str(db),
                                            "--workers", "1", "--until", "clean", "--no-progress"])
    assert "nothing was stored" in err and "no such file" in err and "no store was left behind" in err
    assert sorted(tmp_path.iterdir()) == []  # no empty store, WAL or lock file left behind
    # something stored, something refused: success
    good = tmp_path / "good.txt"
    good.write_text("The harbour authority said on Monday that cargo ships had been delayed by a storm off "
                    "the coast, and that crews expected to unload by the end of the week.")
    assert main(["ingest", str(good), str(tmp_path / "mistyped.jsonl"), "--db", str(db), "--workers", "1",
                 "--until", "clean", "--no-progress"]) == 0
    capsys.readouterr()
    # everything already stored: nothing new, nothing refused: success
    assert main(["ingest", str(good), "--db", str(db), "--workers", "1", "--until", "clean",
                 "--no-progress"]) == 0
    capsys.readouterr()
    # an existing store keeps its articles and records the refusal
    err = one_line_error_from_main(capsys, ["ingest", str(tmp_path / "mistyped.jsonl"), "--db", str(db),
                                            "--workers", "1", "--until", "clean", "--no-progress"])
    assert "sitrep skipped" in err and db.exists()


def test_ingest_of_an_empty_folder_exits_2_and_leaves_no_store(tmp_path, capsys):
    (tmp_path / "inbox").mkdir()
    db = tmp_path / "x.duckdb"
    err = one_line_error_from_main(capsys, ["ingest", str(tmp_path / "inbox"), "--db", str(db),
                                            "--workers", "1", "--until", "clean", "--no-progress"])
    assert "held no article" in err and "no store was made" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inbox"]


def one_line_error_from_main(capsys, argv):
    assert main(argv) == 2
    err = capsys.readouterr().err
    last = err.rstrip("\n").splitlines()[-1]
    assert last.startswith("sitrep: error: ") and "Traceback" not in err
    return last


def test_eval_without_the_shared_data_still_finds_the_bundled_gold(monkeypatch, capsys):
    """A fresh clone has no ../shared/data: the demo's gold sets ship with the package and
    are scored; the sets that need the data folder are listed as missing, not an error."""
    import sitrep.eval.core as core
    monkeypatch.setattr(core, "default_data_dir", lambda: None)
    monkeypatch.delenv("SITREP_DATA", raising=False)
    assert main(["eval", "--list"]) == 0
    listed = {line.split()[0]: line.split()[2] for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert listed["demo-events"] == "found" and listed["incidents"] == "found"
    assert listed["plover_gsr"] == "missing"


@pytest.mark.parametrize("value", ["2026-13-45", "2026-02-30", "2026", "yesterday"])
def test_published_that_is_no_calendar_day_is_refused(tmp_path, capsys, value):
    story = tmp_path / "s.txt"
    story.write_text("The harbour authority said on Monday that cargo ships had been delayed by a storm off "
                     "the coast, and that crews expected to unload by the end of the week.")
    err = one_line_error_from_main(capsys, ["extract", str(story), "--published", value])
    assert "is not a date" in err


def test_dates_read_from_inputs_are_real_days():
    """A meta tag or JSONL field with an impossible day, or only a year or month, gives no
    date (it used to keep '2026-13-45', or take today's day for '2026-01')."""
    from sitrep.read.html import normalise_date
    assert normalise_date("2026-13-45") is None and normalise_date("2026-02-30T10:00") is None
    assert normalise_date("2026-01") is None and normalise_date("March 2019") is None
    assert normalise_date("2026-01-03T25:61") == "2026-01-03"
    assert normalise_date("Tue, 03 Mar 2026 10:00:00 GMT") == "2026-03-03T10:00:00+00:00"


@pytest.mark.parametrize("content", [b"garbage\x00\x01{{{\n", b'{"id": "X", "name": "Y"}\n', b"\xff\xfe\x00b\n"])
def test_an_actor_file_that_is_no_tsv_is_refused(tmp_path, capsys, content):
    actors = tmp_path / "mine.tsv"
    actors.write_bytes(content)
    story = tmp_path / "s.txt"
    story.write_text("The harbour authority said on Monday that cargo ships had been delayed by a storm off "
                     "the coast, and that crews expected to unload by the end of the week.")
    err = one_line_error_from_main(capsys, ["extract", str(story), "--actors", str(actors)])
    assert "--actors" in err and "docs/actors.md" in err


def test_an_empty_new_store_is_removed_only_when_no_one_else_writes_or_stored_in_it(tmp_path):
    """The clean-up after an ingest that stored nothing decides under the writer lock."""
    from sitrep.cli.corpus import _remove_store
    from sitrep.corpus.store import Store

    busy = tmp_path / "busy.duckdb"
    with Store(busy):  # another writer holds it (an ingest or `sitrep watch` that came meanwhile)
        assert _remove_store(busy) is False
        assert busy.exists()
    kept = tmp_path / "kept.duckdb"
    with Store(kept) as store:
        store.con.execute("INSERT INTO articles (article_id, content_hash) VALUES ('a1', 'h1')")
    assert _remove_store(kept) is False and kept.exists()
    empty = tmp_path / "empty.duckdb"
    with Store(empty):
        pass
    assert _remove_store(empty) is True
    assert not any(p.name.startswith("empty.duckdb") for p in tmp_path.iterdir())
