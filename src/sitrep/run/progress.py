"""Progress on stderr: done/total, articles/s and ETA.

On a terminal it is a bar redrawn in place. When stderr is a log file (nohup, cron, a
service) it is a plain line every ``line_interval`` seconds, without carriage returns or
escape codes, so an hour-long ingest does not look hung. ``--progress`` forces the bar,
``--no-progress`` silences both. Never on stdout, so piping a command's output stays clean.
"""
from __future__ import annotations

import sys
import time
from typing import Optional, TextIO


def _clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


class Progress:
    def __init__(self, total: Optional[int] = None, label: str = "articles", enabled: Optional[bool] = None,
                 stream: TextIO | None = None, width: int = 28, min_interval: float = 0.2,
                 line_interval: float = 30.0):
        self.stream = stream or sys.stderr
        #: None = decide from the stream: a bar on a terminal, plain lines in a log
        self.as_lines = enabled is None and not _is_terminal(self.stream)
        self.enabled = True if enabled is None else enabled
        self.line_interval = line_interval
        self.total = total
        self.label = label
        self.width = width
        self.min_interval = min_interval
        self.done = 0
        self.started = time.perf_counter()
        self._last_draw = 0.0
        self._drawn = False

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def render(self) -> str:
        rate = self.rate
        if self.total:
            frac = min(1.0, self.done / self.total)
            filled = int(frac * self.width)
            bar = "#" * filled + "-" * (self.width - filled)
            eta = (self.total - self.done) / rate if rate > 0 else 0
            return (f"[{bar}] {self.done}/{self.total} {self.label} {frac:4.0%} "
                    f"{rate:5.1f}/s ETA {_clock(eta)}")
        return f"{self.done} {self.label} {rate:5.1f}/s {_clock(time.perf_counter() - self.started)}"

    def update(self, n: int = 1, total: Optional[int] = None) -> None:
        self.done += n
        if total is not None:
            self.total = total
        if self.total and self.done > self.total:
            self.total = None  # the estimate was wrong: count on without a total, never "25/24"
        if not self.enabled:
            return
        if self.as_lines:
            self._write_line(time.perf_counter())
            return
        now = time.perf_counter()
        if (now - self._last_draw >= self.min_interval
                             or (self.total and self.done >= self.total)):
            self._last_draw = now
            self.stream.write("\r" + self.render() + "\x1b[K")
            self.stream.flush()
            self._drawn = True

    def _write_line(self, now: float) -> None:
        """A plain line for logs, at most every ``line_interval`` seconds (the first one
        after the first interval: short runs stay quiet)."""
        if now - max(self._last_draw, self.started) < self.line_interval:
            return
        self._last_draw = now
        self.stream.write(self.render_line() + "\n")
        self.stream.flush()
        self._drawn = True

    def render_line(self) -> str:
        """The log form: no bar, no control characters."""
        elapsed = _clock(time.perf_counter() - self.started)
        if self.total:
            rate = self.rate
            eta = (self.total - self.done) / rate if rate > 0 else 0
            return (f"progress: {self.done}/{self.total} {self.label} ({min(1.0, self.done / self.total):.0%}), "
                    f"{rate:.1f}/s, elapsed {elapsed}, ETA {_clock(eta)}")
        return f"progress: {self.done} {self.label}, {self.rate:.1f}/s, elapsed {elapsed}"

    def close(self) -> None:
        if not (self.enabled and self._drawn):
            return
        if self.as_lines:
            self.stream.write(self.render_line() + "\n")
        else:
            self.stream.write("\r" + self.render() + "\x1b[K\n")
        self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or minimal stream
        return False
