"""CSV and TSV cells that a spreadsheet cannot run (CSV injection, a.k.a. formula injection).

A spreadsheet opening our CSV treats a cell that starts with ``=``, ``+``, ``-`` or ``@``
as a formula (``=cmd|' /C calc'!A0`` runs a program through DDE), and a leading tab or
carriage return lets an attacker hide such a character from a naive check. Article text,
titles and outlet names come from the web, so every text cell that starts with one of
these characters is written with a leading apostrophe, which spreadsheets show as text
and never evaluate (the OWASP recommendation).

Typed numbers are left alone: a negative longitude written by the CSV writer is a number,
not a formula, and prefixing it would turn every coordinate west of Greenwich into text.
Text cells that merely look like numbers are still prefixed: a cell's type, not its
content, decides, so nothing an outlet writes can slip through.

Every CSV/TSV writer in sitrep goes through this module: ``writer`` for Python's csv
module, ``neutralise_sql`` for DuckDB ``COPY ... (FORMAT CSV)``.
"""
from __future__ import annotations

import csv
from typing import Any, Iterable

#: characters that make a spreadsheet read the cell as a formula (or hide one)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: DuckDB column types whose values are written as text
_TEXT_TYPES = ("VARCHAR", "JSON")
_BLANKS = " \t\r\n\u00a0"
_SQL_BLANKS = "' ' || chr(9) || chr(10) || chr(13) || chr(160)"
_FLAT = str.maketrans({"\t": " ", "\r": " ", "\n": " "})


def neutralise(value: Any) -> Any:
    """The value to write: text that starts like a formula gets a leading apostrophe.

    Leading blanks do not hide a formula either (" =1+1"): some spreadsheets trim them.
    """
    if isinstance(value, str) and (value.startswith(FORMULA_START)
                                   or value.lstrip(_BLANKS).startswith(FORMULA_START)):
        return "'" + value
    return value


def flatten(value: Any) -> Any:
    """Text for a format without quoting (TSV): tabs and line breaks become spaces."""
    if isinstance(value, str):
        return value.translate(_FLAT)
    return value


def is_formula_like(cell: str) -> bool:
    """True for a written cell a spreadsheet would evaluate (used by checks and tests)."""
    return cell.startswith(FORMULA_START)


class SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, stream, **fmtparams):
        self._writer = csv.writer(stream, **fmtparams)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream, **fmtparams) -> SafeWriter:
    """A csv writer for untrusted cells; the same arguments as ``csv.writer``."""
    return SafeWriter(stream, **fmtparams)


def neutralise_sql(con, select: str) -> str:
    """``select`` wrapped so DuckDB's CSV writer gets neutralised text columns.

    Text columns (VARCHAR, JSON) become ``CASE WHEN <starts like a formula> THEN '''' || col``;
    other columns (numbers, dates, lists) are passed through as they are.
    """
    columns = con.execute(f"DESCRIBE {select}").fetchall()
    starts = ", ".join(_sql_literal(c) for c in FORMULA_START)
    parts = []
    for row in columns:
        name, type_ = row[0], str(row[1]).upper()
        quoted = '"' + name.replace('"', '""') + '"'
        if type_ in _TEXT_TYPES:
            text = f"CAST({quoted} AS VARCHAR)"
            first = f"left(ltrim({text}, {_SQL_BLANKS}), 1)"
            parts.append(f"CASE WHEN left({text}, 1) IN ({starts}) OR {first} IN ({starts}) "
                         f"THEN '''' || {text} ELSE {text} END AS {quoted}")
        else:
            parts.append(quoted)
    return f"SELECT {', '.join(parts)} FROM ({select}) AS unsafe"


def _sql_literal(ch: str) -> str:
    if ch == "'":
        return "''''"
    if ch in "\t\r":
        return f"chr({ord(ch)})"
    return f"'{ch}'"
