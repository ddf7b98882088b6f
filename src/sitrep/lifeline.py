"""Worker processes die with the process that started them.

A pool worker whose parent is killed (kill -9, an out-of-memory kill, a closed terminal)
would otherwise live on, holding hundreds of MB, adopted by init. Two guards, because
neither alone covers every case:

  * on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: the kernel kills the worker the moment
    the thread that started it ends -- immediate, and works while the worker is busy in C
    code (spaCy, lxml) that never returns to Python;
  * everywhere, a watchdog thread that checks once a second whether the parent is still
    the one that started the worker, and exits if not (covers a parent thread that ended
    earlier than the process, and systems without prctl).

``die_with_parent()`` is called first thing in a worker's initializer.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from typing import Optional

PR_SET_PDEATHSIG = 1
#: seconds between the watchdog's looks at the parent
WATCH_INTERVAL = 1.0


def die_with_parent(parent_pid: Optional[int] = None) -> None:
    """Arrange for this process to end when ``parent_pid`` (default: its parent) does."""
    parent = parent_pid or os.getppid()
    _ask_kernel()
    if os.getppid() != parent:  # the parent died before the guard was in place
        os._exit(1)
    watchdog = threading.Thread(target=_watch, args=(parent,), name="sitrep-lifeline", daemon=True)
    watchdog.start()


def _ask_kernel() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_INTERVAL)
        if os.getppid() != parent:
            os._exit(1)
