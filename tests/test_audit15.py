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


# -- a bounded watch says when nothing could be fetched ----------------------------------------

def _refusing_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_watch_once_exits_2_when_every_feed_fails(tmp_path, capsys):
    port = _refusing_port()
    urls = [f"http://127.0.0.1:{port}/feed.xml", f"http://127.0.0.1:{port}/other.xml"]
    assert main(["watch", *urls, "--db", str(tmp_path / "w.duckdb"), "--once", "--timeout", "5s"]) == 2
    err = capsys.readouterr().err
    assert "watching 2 feed(s) once into" in err and "every 15m" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("sitrep: error: every poll failed (") and "feed.xml" in last and "other.xml" in last
    assert "Traceback" not in err


def test_watch_rounds_exits_2_when_every_poll_of_the_run_failed(tmp_path, capsys):
    port = _refusing_port()
    url = f"http://127.0.0.1:{port}/feed.xml"
    assert main(["watch", url, "--db", str(tmp_path / "w.duckdb"), "--rounds", "2", "--every", "1s",
                 "--retry-after", "1s", "--timeout", "5s"]) == 2
    err = capsys.readouterr().err
    assert "every 1s, 2 rounds" in err and err.count(f"{url}: failed") == 2
    assert err.strip().splitlines()[-1].startswith("sitrep: error: every poll failed")


def test_a_watcher_with_one_feed_that_answers_is_not_all_failed(tmp_path):
    # near miss: one feed fails, the other is fetched -> the run did something, exit 0
    from sitrep.web.watch import Fetched, Watcher

    def get(url, timeout, etag=None, last_modified=None):
        if url.endswith("down.xml"):
            return Fetched(None, error="cannot fetch (refused)")
        return Fetched(304)

    w = Watcher(tmp_path / "w.duckdb", ["http://a.example/ok.xml", "http://a.example/down.xml"],
                get=get, log=lambda _: None)
    w.run(rounds=1)
    assert [outcome for _, outcome, _ in w.polls_this_run] == ["not_modified", "failed"]
    assert w.all_failed() == []


def test_an_unbounded_watch_keeps_no_record_of_its_polls(tmp_path):
    # review 19:02: a watch that runs for weeks must not keep every poll (and its texts)
    from sitrep.web.watch import Fetched, Watcher

    class Enough(Exception):
        pass

    slept = []

    def sleep(seconds):
        slept.append(seconds)
        if len(slept) >= 3:
            raise Enough

    clock = iter(range(0, 10_000, 50))
    w = Watcher(tmp_path / "w.duckdb", ["http://a.example/down.xml"], every=10, retry_after=10,
                get=lambda *a, **k: Fetched(None, error="cannot fetch (refused)"),
                clock=lambda: float(next(clock)), sleep=sleep, log=lambda _: None)
    with pytest.raises(Enough):
        w.run()  # the scheduled use: no --rounds
    assert w.rounds >= 3 and w.polls_this_run == []


def test_the_umask_is_read_without_being_changed(umask, monkeypatch):
    # review 19:02: setting the umask to read it races with other threads' files
    from sitrep.report import output

    umask(0o027)
    calls = []
    real = os.umask
    monkeypatch.setattr(os, "umask", lambda m: calls.append(m) or real(m))
    assert output._umask() == 0o027
    if os.path.exists("/proc/self/status"):
        assert calls == []


# -- small honesty fixes: a bench over fewer articles than asked, one word -----------------------

def test_bench_says_when_the_corpus_holds_fewer_articles_than_asked(monkeypatch, capsys):
    import sitrep.eval.bench as bench

    monkeypatch.setattr(bench, "bench_pipeline",
                        lambda n_articles, corpus, workers: {"corpus": "demo/articles.jsonl", "articles_in": 13})
    assert main(["bench", "--articles", "500"]) == 0
    err = capsys.readouterr().err
    assert "holds only 13 articles" in err and "not 500" in err


def test_bench_over_as_many_articles_as_asked_adds_no_note(monkeypatch, capsys):
    import sitrep.eval.bench as bench

    monkeypatch.setattr(bench, "bench_pipeline",
                        lambda n_articles, corpus, workers: {"corpus": "big.jsonl", "articles_in": n_articles})
    assert main(["bench", "--articles", "20"]) == 0
    assert capsys.readouterr().err == ""


def test_a_one_word_text_is_one_word(tmp_path, capsys):
    one = tmp_path / "one.txt"
    one.write_text("Ceasefire\n", encoding="utf-8")
    assert main(["extract", str(one)]) == 2
    assert "only 1 word of article text" in capsys.readouterr().err


# -- `sitrep serve` prints its address when it answers there -----------------------------------

def test_serve_answers_as_soon_as_it_prints_its_address(db):
    import signal
    import subprocess
    import sys
    import urllib.request

    from fault_helpers import cli_env

    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", db, "--port", "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=cli_env())
    try:
        line = proc.stderr.readline()
        assert line.startswith("sitrep: serving ") and "Ctrl-C stops" in line, line
        url = line.split(" at ", 1)[1].split(" ", 1)[0]
        # at once, no retry: a refused connection here is the bug (printed before listening)
        with urllib.request.urlopen(url + "api/events?per_page=1", timeout=30) as answer:
            assert answer.status == 200
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    assert "Traceback" not in proc.stderr.read()


# -- an ingest that stored something names what it refused ---------------------------------------

def _summary(**fields):
    from sitrep.corpus.ingest import IngestSummary

    summary = IngestSummary()
    for name, value in fields.items():
        setattr(summary, name, value)
    return summary


def test_a_refused_input_among_stored_ones_is_named_in_the_summary():
    from collections import Counter

    from sitrep.errors import Skip

    typo = Skip(origin="nwes/", reason="unreadable", detail="no such file; check the path")
    summary = _summary(ingested=4, events=16, skipped=Counter(unreadable=1, too_short=2), problems=[typo])
    lines = summary.lines()
    assert lines[2] == "skipped: too_short 2, unreadable 1"
    assert lines[3].startswith("refused: nwes/: no such file") and "(and 2 more)" in lines[3]
    assert "`sitrep skipped`" in lines[3]


def test_duplicates_alone_or_a_failed_run_add_no_refused_line():
    from collections import Counter

    from sitrep.errors import Skip

    copies = _summary(ingested=3, skipped=Counter(duplicate=5))  # copies are not refusals
    assert not any(line.startswith("refused:") for line in copies.lines())
    dead = Skip(origin="http://127.0.0.1:9/feed", reason="unreadable", detail="could not fetch the URL")
    failed = _summary(ingested=0, skipped=Counter(unreadable=1), problems=[dead])
    # nothing stored: the one-line error that follows names the refusals already
    assert not any(line.startswith("refused:") for line in failed.lines())
