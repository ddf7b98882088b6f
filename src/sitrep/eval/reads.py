"""The read log of held-out gold parts: who scored a validation or sealed part, when, on what code.

A validation part keeps its value only while few changes are judged on it; the log makes the
reads countable (the team's limit is three per engineer per session), and the lead's one
sealed read at the session's end is recorded like any other. The log is a TSV file outside
the repository, shared by every worktree of the machine: ``$SITREP_READ_LOG``, else
``~/.cache/sitrep/held-out-reads.tsv``.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Sequence

COLUMNS = ("time", "parts", "commit", "dirty", "checkout", "command")


def read_log_path() -> Path:
    """Where reads are logged (``$SITREP_READ_LOG`` or the user's cache folder)."""
    env = os.environ.get("SITREP_READ_LOG")
    return Path(env) if env else Path.home() / ".cache" / "sitrep" / "held-out-reads.tsv"


#: the checkout this code runs from (the package's own folder, wherever the command was started)
PACKAGE_DIR = Path(__file__).resolve().parent


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", "-C", str(PACKAGE_DIR), *args], capture_output=True, text=True,
                             timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def log_read(parts: Sequence[str], argv: Sequence[str] = ()) -> int:
    """Append one read of ``parts``; return how many reads the log holds for this checkout today.

    A log that cannot be written does not stop the run: the read is then announced on stderr
    with the reason, so it is never silent.
    """
    checkout = _git("rev-parse", "--show-toplevel") or str(PACKAGE_DIR)
    row = (time.strftime("%Y-%m-%dT%H:%M:%S"), ",".join(sorted(parts)), _git("rev-parse", "--short", "HEAD"),
           "dirty" if _git("status", "--porcelain", "--untracked-files=no") else "clean",
           checkout, " ".join(argv).replace("\t", " "))
    path = read_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = not path.exists() or path.stat().st_size == 0
        with open(path, "a", encoding="utf-8") as f:
            if new:
                f.write("\t".join(COLUMNS) + "\n")
            f.write("\t".join(row) + "\n")
    except OSError as exc:
        print(f"warning: the held-out read could not be logged to {path} ({exc.strerror}); "
              "set SITREP_READ_LOG to a writable file", file=sys.stderr)
        return 0
    return reads_today(path, checkout)


def reads_today(path: Path, checkout: str) -> int:
    """The logged reads of one checkout (its top folder) on today's date."""
    today = time.strftime("%Y-%m-%d")
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        if len(cells) >= 5 and cells[0].startswith(today) and cells[4] == checkout:
            count += 1
    return count
