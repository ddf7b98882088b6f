"""Producing the brief on disk or on stdout without ever losing it.

* The brief is built completely in memory first; files are written last.
* A regular file is written through a temporary file in the same folder and renamed, so
  a failure never leaves half a brief; anything else (a device such as /dev/full, a
  pipe) is written directly.
* When the target cannot be written (a read-only folder, a full disk), the brief is
  saved to a temporary file instead and the error -- one line -- says where.
* The chart of a Markdown brief goes next to the output file (``<stem>-activity.svg``)
  or into the folder given with --out; nothing is written to the current folder unless
  asked.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Optional

from sitrep.errors import SitrepError, write_problem


def _reason(exc: OSError) -> str:
    return exc.strerror or exc.__class__.__name__


def _file_mode(path: Path) -> int:
    """The mode ``path`` should end with: a replaced file keeps its own; a new one gets what
    ``open()`` would give it (0o666 less the umask). ``mkstemp`` makes its file 0o600, which
    left briefs and charts unreadable to the user's other tools and accounts."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux shows it
    in /proc/self/status): setting it to read it would race with other threads' files."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere reading it means setting it: put it straight back
    os.umask(mask)
    return mask


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path``: atomically for a regular file, directly otherwise."""
    data = text.encode("utf-8")
    if path.exists() and not path.is_file():  # a device or pipe: never replace it
        with open(path, "wb") as f:
            f.write(data)
            f.flush()
        return
    folder = path.parent if str(path.parent) else Path(".")
    mode = _file_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def rescue(text: str, suffix: str) -> Optional[Path]:
    """Save the brief to a temporary file; its path, or None when that fails too."""
    try:
        fd, tmp = tempfile.mkstemp(prefix="sitrep-brief-", suffix=suffix)
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8"))
        return Path(tmp)
    except OSError:
        return None


def _cannot(target: str, exc: OSError, text: str, suffix: str) -> SitrepError:
    saved = rescue(text, suffix)
    where = (f"the brief was saved to {saved} meanwhile" if saved else
             "it could not be saved elsewhere either (free some disk space)")
    if target == "standard output":
        return SitrepError(f"cannot write the brief to standard output ({_reason(exc)}); write it to a file with "
                           f"-o instead; {where}")
    return SitrepError(f"cannot write the brief to {target} {write_problem(exc, target, '-o')}; {where}")


def deliver(text: str, output: Optional[str], suffix: str) -> None:
    """Write the brief to ``output`` (a path) or to stdout."""
    if output:
        try:
            write_text(Path(output), text)
        except OSError as exc:
            raise _cannot(output, exc, text, suffix) from None
        return
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _cannot("standard output", exc, text, suffix) from None


def chart_path(output: Optional[str], plot_dir: Optional[str]) -> Optional[Path]:
    """Where the chart of a Markdown brief goes: --out DIR, else next to -o FILE, else nowhere."""
    if plot_dir:
        return Path(plot_dir) / "activity.svg"
    if output and Path(output).suffix and (not Path(output).exists() or Path(output).is_file()):
        out = Path(output)
        return out.with_name(f"{out.stem}-activity.svg")
    return None


def write_chart(path: Path, svg: str, option: str = "--out") -> None:
    """Write the chart; its folder (``--out DIR``) is made when missing."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, svg)
    except OSError as exc:
        raise SitrepError(f"cannot write the chart to {path} {write_problem(exc, path, option)} (or leave the "
                          "chart out with --no-plot)") from None


def link_from(output: Optional[str], chart: Path) -> str:
    """The chart's path as the Markdown brief should link it (relative to the brief)."""
    if output:
        return os.path.relpath(chart.resolve(), Path(output).resolve().parent)
    return str(chart)
