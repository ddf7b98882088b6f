"""Options shared by several commands, each defined once: add them with the helpers below
so an option exists only on the commands where it does something (``--actors`` only
where the pipeline runs, the filters only where they filter).

Values are checked while the command line is parsed, with the messages of
sitrep.corpus.queries, so a bad value never reaches a query: ``--since 2012`` means the
1st of January 2012, ``--certainty sure`` lists the statuses there are.
"""
from __future__ import annotations

import argparse
import os
from typing import Any, Callable

from sitrep.errors import SitrepError


def checked(check: Callable[..., Any], *args: Any) -> Callable[[str], Any]:
    """An argparse ``type`` from one of our checks: its SitrepError becomes the parser's
    one-line error (the check's message already names the option)."""
    def parse(value: str) -> Any:
        try:
            return check(value, *args)
        except SitrepError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    parse.__name__ = getattr(check, "__name__", "value")
    return parse


def positive_int(option: str) -> Callable[[str], int]:
    def check(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = 0
        if n < 1:
            raise SitrepError(f"{option} {value!r} must be a whole number, 1 or more")
        return n
    return checked(check)


def add_db(p: argparse.ArgumentParser, help: str | None = None) -> None:
    p.add_argument("--db", metavar="FILE",
                   help=help or "the DuckDB store (default: $SITREP_DB or ~/.local/share/sitrep/sitrep.duckdb)")


def add_format(p: argparse.ArgumentParser, choices: tuple[str, ...], default: str, help: str = "") -> None:
    p.add_argument("--format", choices=choices, default=default,
                   help=help or f"output format (default {default})")


def add_json(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--json", nargs="?", const="-", metavar="FILE",
                   help=f"{what} as JSON: on stdout, or written to FILE when one is given")


def add_actors(p: argparse.ArgumentParser) -> None:
    """Only on commands that run the pipeline."""
    p.add_argument("--actors", action="append", metavar="FILE",
                   help="your own actor file (TSV, format in docs/actors.md), merged over the shipped "
                        "knowledge base; repeatable; also read from $SITREP_ACTORS")


def add_snippet(p: argparse.ArgumentParser) -> None:
    """On the commands that read inputs: short texts are analysed, not refused."""
    p.add_argument("--snippet", action="store_true",
                   help="analyse short texts (a headline, a sentence, a wire flash) on their own instead of "
                        "refusing them as too short for an article; short records of JSON/JSONL/CSV files "
                        "are always analysed. A snippet has no page furniture: its first line and "
                        "headline-like lines are analysed as text")


def add_all_events(p: argparse.ArgumentParser) -> None:
    """On the commands that run the pipeline: keep the events the event filter would drop."""
    p.add_argument("--all-events", action="store_true",
                   help="keep every candidate event of the rules; by default the learned event filter "
                        "(docs/event-filter.md) drops those an analyst would likely not code and counts "
                        "them in article.meta.event_filter")


#: worker processes allowed per core: each loads spaCy and the tables (about 0.5 GB), so
#: --workers 100000 would start processes until the machine runs out of memory
WORKERS_PER_CORE = 4


def _check_workers(value: str) -> int:
    n = positive_int("--workers")(value)
    cores = os.cpu_count() or 1
    if n > WORKERS_PER_CORE * cores:
        raise argparse.ArgumentTypeError(
            f"--workers {value!r} is more than {WORKERS_PER_CORE} per core ({WORKERS_PER_CORE * cores} on this "
            f"machine's {cores} cores); each worker holds about 0.5 GB: give at most {WORKERS_PER_CORE * cores} "
            f"(the number of cores, {cores}, is usually fastest)")
    return n


def add_workers(p: argparse.ArgumentParser, default: str = "all cores, fewer for small inputs") -> None:
    p.add_argument("--workers", type=_check_workers, default=None, metavar="N",
                   help=f"worker processes (default: {default}; at most {WORKERS_PER_CORE} per core)")


def add_progress(p: argparse.ArgumentParser) -> None:
    p.add_argument("--progress", action="store_true", default=None,
                   help="draw the progress bar even when stderr is not a terminal")
    p.add_argument("--no-progress", dest="progress", action="store_false", help="no progress output (neither the bar nor the periodic log lines written when stderr is not a terminal)")


def add_published(p: argparse.ArgumentParser, help: str) -> None:
    p.add_argument("--published", metavar="ISO", type=checked(_check_published), help=help)


def _check_published(value: str) -> str:
    """A real calendar day (2026-13-45 and 2026-02-30 are refused), with its time if given."""
    from sitrep.read.html import normalise_date
    iso = normalise_date(value)
    if iso is None:
        raise SitrepError(f"--published {value!r} is not a date; use ISO 8601, "
                          "e.g. 2026-01-03 or 2026-01-03T12:00:00+01:00")
    return iso


def _filters() -> dict[str, tuple[tuple[str, ...], dict[str, Any]]]:
    from sitrep.corpus import queries
    from sitrep.model import CERTAINTY_STATUSES

    return {
        "about": (("--about",), dict(metavar="TERM", type=checked(queries.check_term, "--about"),
                  help="only articles mentioning this: a country name or code, an actor, a word")),
        "since": (("--since",), dict(metavar="DATE", type=checked(queries.parse_day, "since"),
                  help="from this day on (YYYY-MM-DD; YYYY-MM or YYYY for the start of a month or year)")),
        "until": (("--until",), dict(metavar="DATE", type=checked(queries.parse_day, "until"),
                  help="up to this day (YYYY-MM-DD; YYYY-MM or YYYY for the end of a month or year)")),
        "actor": (("--actor",), dict(metavar="NAME", type=checked(queries.check_term, "--actor"),
                  help="source or target: part of a name, or a country code (VEN, USA)")),
        "type": (("--type",), dict(dest="event_type", metavar="TYPE", type=checked(queries.check_type),
                 help="a PLOVER event type, e.g. ASSAULT (any case)")),
        "certainty": (("--certainty",), dict(metavar="STATUS", type=checked(queries.check_certainty),
                      help=f"one of {', '.join(CERTAINTY_STATUSES)}")),
        "limit": (("--limit",), dict(metavar="N", type=checked(queries.check_limit),
                  help="at most N rows")),
    }


def add_filters(p: argparse.ArgumentParser, *names: str) -> None:
    """The named query filters (about, since, until, actor, type, certainty, limit)."""
    table = _filters()
    for name in names:
        flags, kwargs = table[name]
        p.add_argument(*flags, **kwargs)


def use_actor_files(files: list[str] | None) -> None:
    """Pass user actor files to every process (pool workers inherit the environment)."""
    if not files:
        return
    paths = []
    for name in files:
        path = os.path.abspath(name)
        if not os.path.isfile(path):
            raise SitrepError(f"--actors {name}: no such file; give the path of a TSV actor file (docs/actors.md)")
        _check_actor_file(name, path)
        paths.append(path)
    existing = [p for p in os.environ.get("SITREP_ACTORS", "").split(os.pathsep) if p]
    os.environ["SITREP_ACTORS"] = os.pathsep.join(existing + paths)


def _check_actor_file(name: str, path: str) -> None:
    """Refuse, in one line, a file that cannot be an actor TSV (binary, not UTF-8, no row
    with tab-separated columns), rather than merging junk rows into the knowledge base."""
    why = None
    try:
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8-sig")
    except OSError as exc:
        why = f"cannot be read ({exc.strerror})"
    except UnicodeDecodeError:
        why = "is not UTF-8 text"
    else:
        rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        if "\x00" in text:
            why = "is a binary file"
        elif not any("\t" in row for row in rows):
            why = "has no tab-separated rows"
    if why:
        raise SitrepError(f"--actors {name} {why}; an actor file is TSV: id, name, kind, country, ... "
                          "(docs/actors.md)")
