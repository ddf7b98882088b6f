"""``sitrep <command>``: the parser, the dispatch, and what a failure looks like.

A user's mistake (a bad argument, an unusable input, a database that is locked, damaged
or unwritable, a full disk) is one line ``sitrep: error: <what> ; <what to do>`` on
stderr and exit status 2. A bug is exit status 1 with one line pointing to a log file
that holds the traceback (under $XDG_STATE_HOME/sitrep/logs, ~/.local/state/sitrep/logs,
or the temporary folder when those cannot be written). Ctrl-C is exit status 130.
"""
from __future__ import annotations

import argparse
import datetime
import errno
import importlib
import os
import re
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Optional

#: modules providing register(subparsers), in the order of `sitrep --help`
COMMAND_MODULES = ("sitrep.cli.extract", "sitrep.cli.corpus", "sitrep.cli.evaluate", "sitrep.web.commands")

EXIT_OK, EXIT_BUG, EXIT_USER, EXIT_INTERRUPTED = 0, 1, 2, 130


class Parser(argparse.ArgumentParser):
    """argparse with our one-line errors instead of usage + error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        # "argument --since: --since '2012-13' is not a date" says the option twice
        message = re.sub(r"^argument (\S+): (?=\1\b)", "", message)
        self.exit(EXIT_USER, f"sitrep: error: {message}; see `{self.prog} --help`\n")


def build_parser() -> argparse.ArgumentParser:
    from sitrep import __version__

    parser = Parser(prog="sitrep",
                    description="Turn news articles about a crisis into an attributed situation report.")
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="command", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    from sitrep.cli.options import use_actor_files
    from sitrep.errors import SitrepError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a bad option (its one line is printed)
        return exc.code if isinstance(exc.code, int) else EXIT_USER
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USER
    try:
        use_actor_files(getattr(args, "actors", None))
        return int(args.func(args) or EXIT_OK)
    except SitrepError as exc:
        return user_error(str(exc))
    except KeyboardInterrupt:
        print("sitrep: interrupted; committed work is kept, re-run to continue", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - every failure ends in one line, never a traceback
        problem = environment_problem(exc)
        if problem:
            return user_error(problem)
        return internal_error(exc, argv)


def user_error(message: str) -> int:
    print(f"sitrep: error: {_one_line(message)}", file=sys.stderr)
    return EXIT_USER


def environment_problem(exc: BaseException) -> Optional[str]:
    """The user-fixable cause of a storage or file-system error, said with what to do;
    None for anything else (a bug)."""
    from sitrep.corpus.dbfile import is_storage_failure, translate

    if isinstance(exc, OSError) and exc.errno in _FS_ADVICE:
        where = f" {exc.filename}" if exc.filename else ""
        return f"cannot write{where}: {os.strerror(exc.errno)}; {_FS_ADVICE[exc.errno]}"
    if is_storage_failure(exc):
        return str(translate(exc))
    return None


_FS_ADVICE = {
    errno.ENOSPC: "free some disk space (or write elsewhere) and re-run; committed work is kept",
    errno.EDQUOT: "free some space in your quota and re-run; committed work is kept",
    errno.EROFS: "the file system is read-only: choose a writable place (--db, -o, --out, $SITREP_DB)",
    errno.EACCES: "choose a place you may write to (--db, -o, --out, $SITREP_DB) or fix the permissions",
    errno.EPERM: "choose a place you may write to (--db, -o, --out, $SITREP_DB) or fix the permissions",
    errno.ENOENT: "check the path: its folder does not exist",
}


def internal_error(exc: BaseException, argv: Optional[list[str]]) -> int:
    log = write_log(exc, argv)
    where = f"the traceback is in {log}" if log else "no log could be written"
    print(f"sitrep: internal error ({type(exc).__name__}: {_one_line(str(exc))[:200]}); this is a bug in "
          f"sitrep, not in your input: {where}; please report it with that file", file=sys.stderr)
    return EXIT_BUG


def write_log(exc: BaseException, argv: Optional[list[str]]) -> Optional[Path]:
    """The traceback in a new file under the user's state folder (or the temp folder)."""
    from sitrep import __version__

    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = (f"sitrep {__version__}, python {sys.version.split()[0]}\n"
            f"command: sitrep {' '.join(argv if argv is not None else sys.argv[1:])}\n\n"
            + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    for folder in log_folders():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"sitrep-{stamp}-{os.getpid()}.log"
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


def log_folders() -> list[Path]:
    state = os.environ.get("XDG_STATE_HOME")
    folders = [Path(state) / "sitrep" / "logs"] if state else []
    try:
        folders.append(Path.home() / ".local" / "state" / "sitrep" / "logs")
    except RuntimeError:  # no home directory at all
        pass
    folders.append(Path(tempfile.gettempdir()) / f"sitrep-logs-{os.getuid() if hasattr(os, 'getuid') else 0}")
    return folders


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quiet_stdout() -> None:
    """After the reader of our output went away (| head), silence the flush at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
