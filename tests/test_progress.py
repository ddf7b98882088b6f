"""Progress on stderr: a bar on a terminal, plain lines in a log, nothing when silenced."""
import io

from sitrep.run.progress import Progress


class _Clock:
    """A hand-driven perf_counter, so the test does not sleep or depend on machine speed."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def _progress(monkeypatch, stream, enabled=None, total=100):
    clock = _Clock()
    monkeypatch.setattr("sitrep.run.progress.time.perf_counter", clock)
    return Progress(total=total, enabled=enabled, stream=stream, line_interval=30.0), clock


def test_a_log_file_gets_plain_periodic_lines(monkeypatch):
    log = io.StringIO()  # not a terminal, as with `sitrep ingest ... > log 2>&1`
    bar, clock = _progress(monkeypatch, log)
    bar.update(10)
    assert log.getvalue() == ""  # short runs stay quiet
    clock.now += 31
    bar.update(10)
    clock.now += 5
    bar.update(10)  # within the interval: no second line yet
    clock.now += 30
    bar.update(10)
    bar.close()
    lines = log.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("progress: 20/100 articles (20%)") and "ETA" in lines[0]
    assert lines[-1].startswith("progress: 40/100 articles")
    assert "\r" not in log.getvalue() and "\x1b" not in log.getvalue()


def test_silenced_progress_writes_nothing(monkeypatch):
    log = io.StringIO()
    bar, clock = _progress(monkeypatch, log, enabled=False)
    clock.now += 100
    bar.update(50)
    bar.close()
    assert log.getvalue() == ""


def test_forced_progress_draws_the_bar_even_in_a_log(monkeypatch):
    log = io.StringIO()
    bar, clock = _progress(monkeypatch, log, enabled=True)
    clock.now += 1
    bar.update(50)
    bar.close()
    assert "\r[" in log.getvalue() and "50/100 articles" in log.getvalue()
