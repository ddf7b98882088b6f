"""The one reader for the shipped tab-separated tables (actors, cues, PLOVER lexicon,
gazetteer additions): '#' lines are comments, blank lines are ignored, cells are stripped."""
from __future__ import annotations

import os
from typing import Union

PathLike = Union[str, "os.PathLike[str]"]


def tsv_rows(path: PathLike) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [[cell.strip() for cell in line.rstrip("\r\n").split("\t")]
                for line in f if line.strip() and not line.lstrip().startswith("#")]


def tsv_records(path: PathLike) -> list[dict[str, str]]:
    """Rows as dicts keyed by the first (header) row."""
    rows = tsv_rows(path)
    if not rows:
        return []
    header = rows[0]
    return [dict(zip(header, row)) for row in rows[1:]]
