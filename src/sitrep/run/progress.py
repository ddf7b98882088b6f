"""A small progress bar on stderr: done/total, articles/s and ETA.

Draws only when stderr is a terminal, unless forced (``--progress``); never on stdout,
so piping a command's output stays clean.
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
                 stream: TextIO | None = None, width: int = 28, min_interval: float = 0.2):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
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
        now = time.perf_counter()
        if self.enabled and (now - self._last_draw >= self.min_interval
                             or (self.total and self.done >= self.total)):
            self._last_draw = now
            self.stream.write("\r" + self.render() + "\x1b[K")
            self.stream.flush()
            self._drawn = True

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r" + self.render() + "\x1b[K\n")
            self.stream.flush()
