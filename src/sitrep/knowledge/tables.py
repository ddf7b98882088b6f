"""The one reader for the shipped tab-separated tables (actors, cues, PLOVER lexicon,
gazetteer additions): '#' lines are comments, blank lines are ignored, cells are stripped."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TypeVar, Union

PathLike = Union[str, "os.PathLike[str]"]
WordSets = TypeVar("WordSets")


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


def tsv_word_sets(path: PathLike) -> dict[str, tuple[str, ...]]:
    """``set<TAB>word`` rows -> {set name: its words in file order, each once}, words kept
    as written (the file says which sets are lemmas, lower-case forms or codes)."""
    sets: dict[str, dict[str, None]] = {}
    for row in tsv_rows(path):
        if len(row) < 2 or not row[0] or not row[1]:
            raise ValueError(f"{Path(path).name}: expected 'set<TAB>word', found {row!r}")
        sets.setdefault(row[0], {})[row[1]] = None
    return {name: tuple(words) for name, words in sets.items()}


def word_sets_as(cls: type[WordSets], path: PathLike) -> WordSets:
    """The word sets of a ``set<TAB>word`` file as the frozen dataclass ``cls``: one field a
    set, named like it; a field typed ``tuple[str, ...]`` keeps the file's order (for a
    pattern built from it), any other gets a frozenset. A set the file lacks or a set no
    field names is an error naming both, so a typo cannot silently empty a list."""
    sets = tsv_word_sets(path)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    names = {f.name for f in fields}
    if names != set(sets):
        raise ValueError(f"{Path(path).name}: sets {sorted(set(sets) - names)} are unknown to "
                         f"{cls.__name__}, which misses {sorted(names - set(sets))}")
    return cls(**{f.name: tuple(sets[f.name]) if str(f.type).startswith("tuple")
                  else frozenset(sets[f.name]) for f in fields})
