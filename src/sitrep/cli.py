"""The one entry point: ``sitrep <command>``.

Each command lives next to the code it drives and registers itself here through an
``add_parser(subparsers)`` function; this module only dispatches and turns user-fixable
errors into one line on stderr with a non-zero exit.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

# modules providing add_parser(subparsers); each sets ``func`` on the parsers it adds
COMMAND_MODULES = (
    "sitrep.commands.extract",
    "sitrep.corpus.commands",
    "sitrep.eval.commands",
    "sitrep.web.commands",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Turn news articles about a crisis into an attributed situation report.")
    from sitrep import __version__
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="command")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # command group not built yet
                continue
            raise
        module.add_parser(sub)
    for command in sub.choices.values():
        command.add_argument(
            "--actors", action="append", metavar="FILE",
            help="your own actor file (TSV, format in docs/actors.md), merged over the shipped "
                 "knowledge base; repeatable; also read from $SITREP_ACTORS")
    return parser


def _use_actor_files(files: list[str] | None) -> None:
    """Pass user actor files to every process (pool workers inherit the environment)."""
    from sitrep.errors import SitrepError

    if not files:
        return
    paths = []
    for name in files:
        path = os.path.abspath(name)
        if not os.path.isfile(path):
            raise SitrepError(f"--actors {name}: no such file")
        paths.append(path)
    existing = [p for p in os.environ.get("SITREP_ACTORS", "").split(os.pathsep) if p]
    os.environ["SITREP_ACTORS"] = os.pathsep.join(existing + paths)


def main(argv: list[str] | None = None) -> int:
    from sitrep.errors import SitrepError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        _use_actor_files(getattr(args, "actors", None))
        return int(args.func(args) or 0)
    except SitrepError as exc:
        print(f"sitrep: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sitrep: interrupted; committed work is kept, re-run to continue", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
