"""One size policy for every way an article comes in (``extract``, ``ingest``, a server).

Inputs are bounded twice, because cost grows with two different things:
  * bytes -- a file, URL response, stdin or JSONL record above ``max_bytes`` is refused
    before anything is decoded (``too_large``); a JSONL archive may be bigger as a whole,
    up to ``max_archive_bytes``, since the per-input limit applies to each record;
  * characters -- HTML markup is parsed only up to ``max_html_chars`` (after scripts and
    styles are dropped): the rest is cut, and the cut is reported on stderr and kept in
    ``article.meta["truncated"]``, because the article body sits near the top of every
    page; a tree with more than ``max_elements`` elements is refused. The article text
    itself is analysed only up to ``max_chars``: a longer body (a transcript, a data dump,
    a whole book) is refused as ``too_large`` rather than cut, because an analysis of half
    an article would look complete in the store.

The defaults keep every real page and article the team has measured (the longest of the
4,178 allsides-intl articles has 76,553 characters; the largest of the 197 saved news
pages has 2,564 elements) and bound ``sitrep extract`` to seconds and a few hundred MB
(``bench/bench_extract_limits.py`` measures it). Like trafilatura's settings, the policy
is one immutable object passed down; the command-line options override single fields.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from typing import Any, Optional


@dataclass(frozen=True)
class Limits:
    """How much sitrep reads, parses and analyses per input."""

    #: bytes of one input (file, URL response, stdin, one JSONL record)
    max_bytes: int = 20_000_000
    #: bytes of a whole JSONL archive (its records are limited one by one)
    max_archive_bytes: int = 2_000_000_000
    #: characters of HTML parsed, after scripts, styles and comments are removed
    max_html_chars: int = 1_500_000
    #: pages longer than this lose scripts, styles, SVG and comments before parsing
    prune_html_above: int = 500_000
    #: elements of one parsed page (real news pages: at most 2,564 of 197)
    max_elements: int = 50_000
    #: characters of article text analysed (the longest of 4,178 real articles: 76,553)
    max_chars: int = 100_000

    def but(self, **changes: Optional[int]) -> "Limits":
        """A copy with the given fields changed; ``None`` keeps the current value."""
        wanted = {k: v for k, v in changes.items() if v is not None}
        for name, value in wanted.items():
            if not isinstance(value, int) or value <= 0:
                from sitrep.errors import SitrepError
                raise SitrepError(f"--{name.replace('_', '-')} must be a positive number, not {value!r}")
        return replace(self, **wanted)


DEFAULT_LIMITS = Limits()


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """``--max-bytes`` and ``--max-chars`` for a command that reads inputs."""
    parser.add_argument("--max-bytes", type=int, default=None, metavar="N",
                        help=f"refuse inputs (files, URLs, JSONL records) larger than N bytes "
                             f"(default {DEFAULT_LIMITS.max_bytes:,})")
    parser.add_argument("--max-chars", type=int, default=None, metavar="N",
                        help=f"refuse articles whose text is longer than N characters "
                             f"(default {DEFAULT_LIMITS.max_chars:,})")


def limits_from_args(args: Any) -> Limits:
    """The policy a command runs with: the defaults, overridden by its options."""
    return DEFAULT_LIMITS.but(max_bytes=getattr(args, "max_bytes", None),
                              max_chars=getattr(args, "max_chars", None))


def warn(origin: str, message: str) -> None:
    """Tell the user, on stderr, that an input was read only in part (never silently)."""
    print(f"sitrep: warning: {origin}: {message}", file=sys.stderr, flush=True)
