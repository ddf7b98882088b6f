"""Errors a user can act on, and the one record of an input sitrep did not analyse.

The CLI prints a ``SitrepError`` as one line, without a traceback. An input that cannot
become a document is not an error of the whole run: it becomes a ``Skip`` that travels
from the reader (or the stage that refused it) to the store's ``skipped`` table.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass
from typing import Optional

#: why an input was skipped; every ``Skip.reason`` is one of these
SKIP_REASONS = {
    "empty": "no text at all, or none left after cleaning",
    "binary": "an image, archive, executable or other non-text file",
    "encoding": "bytes that decode to no plausible text",
    "too_large": "above the size limit (bytes of the input, characters of one article)",
    "too_short": "fewer words than an article has",
    "not_english": "written in another language",
    "malformed": "broken JSON, a record that is not an object, a corrupt archive",
    "unreadable": "a missing file, a permission error, a URL that could not be fetched",
    "unsupported": "a folder given where a file is expected, or an unknown kind of input",
    "duplicate": "the same text as an article already stored or read earlier",
    "internal_error": "a bug in sitrep (the detail names the stage and the line)",
}


class SitrepError(Exception):
    """Base class: something the user can fix; the message says what to do."""


class InputError(SitrepError):
    """An input that cannot become an article (empty, binary, not English, ...).

    ``reason`` is one of ``SKIP_REASONS``; ``detail`` is the human sentence.
    """

    def __init__(self, origin: str, reason: str, detail: str):
        self.origin = origin
        self.reason = reason
        self.detail = detail
        super().__init__(f"{origin}: {detail}")

    def __reduce__(self):
        # exceptions pickle their ``args`` only; keep the three fields across processes
        return (type(self), (self.origin, self.reason, self.detail))

    def skip(self, stage: str, input_id: Optional[str] = None) -> "Skip":
        return Skip(self.origin, self.reason, self.detail, stage, input_id)


@dataclass(frozen=True)
class Skip:
    """An input (a file, a record of a file, an article) that was not analysed or stored.

    ``origin`` says where it came from (path, ``path:line``, URL, ``feed#item``), as in
    ``Article.origin``; ``stage`` is where it was refused: read, clean, a stage name,
    worker or store; ``input_id`` is the article id when one was known.
    """
    origin: str
    reason: str
    detail: str
    stage: str = "read"
    input_id: Optional[str] = None

    def __str__(self) -> str:
        return f"{self.origin}: {self.detail}"

    @classmethod
    def from_exception(cls, exc: BaseException, origin: str, stage: str,
                       input_id: Optional[str] = None) -> "Skip":
        """An InputError keeps its reason; anything else is an ``internal_error`` with the
        exception and the line it came from, so a bug report can point at it."""
        if isinstance(exc, InputError):
            return cls(origin or exc.origin, exc.reason, exc.detail, stage, input_id)
        return cls(origin, "internal_error", describe(exc), stage, input_id)


def describe(exc: BaseException) -> str:
    """``Type: message at file.py:line`` (the innermost frame) for a skip's detail."""
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" at {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno}" if tb else ""
    return f"{type(exc).__name__}: {exc}{where}"


def write_problem(exc: OSError, path, option: str) -> str:
    """Why ``path`` could not be written, and what to do, for one line of an error:
    ``(No space left on device): the disk that holds it is full; free some space ...``.
    ``option`` is the command-line option that chose the path (``-o``, ``--out``); a
    failure of its folder (missing, a file, read-only) is said about the folder."""
    import errno
    from pathlib import Path

    path = Path(path)
    folder = path.parent if str(path.parent) not in ("", ".") else Path(".")
    code = exc.errno
    # mkdir of a folder that is a file says "File exists", which hides the cause
    reason = "(not a folder)" if code == errno.EEXIST else f"({exc.strerror or type(exc).__name__})"
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        why = f"the disk or device that holds {path} is full; free some space, or choose another place with {option}"
    elif code == errno.EROFS:
        why = f"{folder} is on a read-only file system; choose a place on a writable disk with {option}"
    elif code in (errno.EACCES, errno.EPERM):
        why = f"you may not write in {folder}; choose a folder you own with {option}, or fix its permissions"
    elif code == errno.ENOENT:
        why = f"the folder {folder} does not exist; create it (mkdir -p {folder}) or choose another with {option}"
    elif code in (errno.ENOTDIR, errno.EEXIST):
        blocker = next((p for p in (path, *path.parents) if p.exists() and not p.is_dir()), folder)
        why = f"{blocker} is a file, not a folder; choose another place with {option}"
    elif code == errno.EISDIR:
        why = f"{path} is a folder; give {option} a file name in it (e.g. {path / 'brief.md'})"
    else:
        why = f"check that the folder exists, is writable and its disk has room, or choose another place with {option}"
    return f"{reason}: {why}"
