"""What an ingest reads: its inputs (files, folders, JSONL, feeds, URLs, stdin) as a
stream of articles and Skips. Kept apart from the ingest itself, which loads the
pipeline (spaCy): a command can see that its inputs hold nothing before it pays for that.
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from sitrep.errors import Skip
from sitrep.model import Article
from sitrep.read.limits import Limits


def read_articles(paths: list[str], published: Optional[str],
                  limits: Optional[Limits] = None) -> Iterator[Union[Article, Skip]]:
    """The reader's stream; a bug in the reader ends reading with a recorded skip rather
    than aborting what was already read."""
    from sitrep.read import read_inputs

    items = read_inputs(paths, published=published, limits=limits)
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - see the docstring
            yield Skip("?", "internal_error", f"reader: {exc!r}", "read")
            return
        yield item


def nonempty(items: Iterable[Union[Article, Skip]]) -> Optional[Iterator[Union[Article, Skip]]]:
    """``items`` as an iterator with its first item read already, or None when there is
    none (an empty folder or feed): reading stops at that first item, so a large input
    costs nothing more here."""
    items = iter(items)
    first = next(items, None)
    return None if first is None else itertools.chain([first], items)


def expand_url_lists(paths: Iterable[str]) -> list[str]:
    """A .txt file whose every line is a URL (feeds.txt) stands for those URLs."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.suffix == ".txt" and path.is_file() and path.stat().st_size < 200_000:
            try:
                lines = [ln.strip() for ln in path.read_text(encoding="utf-8-sig").splitlines()]
            except (OSError, UnicodeDecodeError):
                lines = []
            urls = [ln for ln in lines if ln and not ln.startswith("#")]
            if urls and all(re.match(r"^https?://\S+$", u) for u in urls):
                out.extend(urls)
                continue
        out.append(p)
    return out
