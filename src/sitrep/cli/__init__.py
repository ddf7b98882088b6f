"""The one entry point, ``sitrep <command>`` (also ``python -m sitrep.cli``).

  app.py       the parser, the dispatch, one-line errors, exit codes and the error log
  options.py   options shared by several commands, each defined once, checked when parsed
  output.py    rows as a table, CSV or JSON; writing results to files
  extract.py   sitrep extract
  corpus.py    sitrep ingest | events | incidents | skipped | brief | export | demo
  evaluate.py  sitrep eval | bench
  docs.py      docs/cli.md generated from the parser

A new command is a ``register(subparsers)`` function in a module listed in
``app.COMMAND_MODULES``; its options come from options.py where one exists.
"""
from sitrep.cli.app import build_parser, main

__all__ = ["build_parser", "main"]
