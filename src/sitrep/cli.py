"""The one entry point: ``sitrep <command>``.

Each command lives next to the code it drives and registers itself here through an
``add_parser(subparsers)`` function; this module only dispatches and turns user-fixable
errors into one line on stderr with a non-zero exit.
"""
from __future__ import annotations

import argparse
import importlib
import sys

# modules providing add_parser(subparsers); each sets ``func`` on the parsers it adds
COMMAND_MODULES = (
    "sitrep.commands.extract",
    "sitrep.corpus.commands",
    "sitrep.eval.commands",
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
    return parser


def main(argv: list[str] | None = None) -> int:
    from sitrep.errors import SitrepError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
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
