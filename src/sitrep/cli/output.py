"""Rows to stdout: an aligned table, CSV or JSON; and writing a result to a file."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Optional, TextIO

from sitrep.errors import SitrepError, write_problem

def plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def as_dicts(rows: Iterable[Any]) -> list[dict[str, Any]]:
    return [asdict(r) if is_dataclass(r) else dict(r) for r in rows]


def emit(rows: Iterable[Any], fmt: str, columns: Iterable[str], out: Optional[TextIO] = None,
         json_lists: Iterable[str] = ()) -> None:
    """Typed rows (or dicts) as ``table``, ``csv`` (only ``columns``) or ``json`` (every field).

    ``json_lists``: columns the store keeps as JSON text; the JSON output gives them as
    lists, not as strings holding JSON."""
    out = out or sys.stdout
    columns = list(columns)
    dicts = as_dicts(rows)
    if fmt == "json":
        lists = set(json_lists)
        json.dump([{k: (json.loads(v) if k in lists and isinstance(v, str) else plain(v)) for k, v in r.items()}
                   for r in dicts], out, ensure_ascii=False, indent=1, default=str)
        out.write("\n")
    elif fmt == "csv":
        from sitrep.corpus.csv_safety import writer as safe_csv_writer
        writer = safe_csv_writer(out)  # cells from the web must not run as spreadsheet formulas
        writer.writerow(columns)
        for r in dicts:
            writer.writerow([plain(r.get(c)) for c in columns])
    else:
        out.write(format_table(dicts, columns) + "\n")


def format_table(rows: list[dict], columns: list[str], max_width: int = 48) -> str:
    def cell(v: Any) -> str:
        s = "" if v is None else str(plain(v)).replace("\n", " ")
        return s if len(s) <= max_width else s[:max_width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)


def write_json(data: Any, target: str) -> None:
    """``--json``: to stdout when the target is "-", else into that file."""
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    if target == "-":
        sys.stdout.write(text)
    else:
        write_text(Path(target), text, "--json")


def write_text(path: Path, text: str, option: str) -> None:
    """Write a whole file; a path that cannot be written is the user's error, said in one line."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SitrepError(f"{option} {path}: cannot write {write_problem(exc, path, option)}") from None
