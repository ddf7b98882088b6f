"""The commands over the corpus store: ingest, events, incidents, skipped, brief, export, demo."""
from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import sys
from dataclasses import fields
from pathlib import Path
from typing import Optional

from sitrep.cli.options import (add_actors, add_db, add_filters, add_format, add_json, add_progress,
                                add_published, add_snippet, add_workers, checked, positive_int)
from sitrep.cli.output import emit, write_json
from sitrep.errors import SKIP_REASONS, SitrepError
from sitrep.read.limits import add_limit_options, limits_from_args

DEMO_DIR = Path(__file__).resolve().parents[1] / "demo"
#: --engine choices (sitrep.run.executor.ENGINES, named here so the parser loads no engine)
ENGINES = ("local", "dask")

INGEST_DESCRIPTION = """\
Read files, folders (recursively), JSONL archives, RSS/Atom feeds and URLs; analyse every
article on worker processes and store it with every layer in the DuckDB store. Exact
duplicates are skipped before analysis, near-duplicates are linked, a new version of a
stored URL replaces it (the old one is kept), and incidents are brought up to date.
Re-running the same input stores nothing twice; an interrupted ingest resumes.

Exit status: 0 when something was stored or everything was already stored; 2 when
nothing was stored and some input was refused or unreadable (the reasons are printed
and kept: `sitrep skipped`; a store this run would have created, holding only those
refusals, is not left behind), or the inputs held no article at all (an empty folder). Ctrl-C, SIGTERM or a closed terminal stop it after the
batch in hand is committed, with the summary and how to resume: exit status 130, 143
or 129 (128 + the signal). With --engine dask the cluster is reached before the store
is opened: a scheduler that does not answer leaves no store behind.
"""


def register(sub) -> None:
    from sitrep.stages import ORDER as STAGE_NAMES  # not sitrep.pipeline: that loads spaCy

    p = sub.add_parser("ingest", help="read files, folders, JSONL, feeds, URLs into the store",
                       description=INGEST_DESCRIPTION, formatter_class=_raw())
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, folders, .jsonl, feed files or URLs; a .txt file holding only URLs "
                        "(feeds.txt) stands for those URLs")
    add_db(p)
    add_workers(p, "all cores, fewer for small inputs; with --engine dask, the local cluster's "
                   "worker processes")
    p.add_argument("--engine", choices=ENGINES, default="local",
                   help="where the pipeline runs: the local process pool (default), or a Dask cluster "
                        "(a local one of --workers processes, or the one at --scheduler)")
    p.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="with --engine dask: use this running Dask scheduler instead of a local cluster")
    p.add_argument("--shard-dir", metavar="DIR_OR_URL",
                   help="with --engine dask: where workers write their result shards (a folder every "
                        "machine shares, or an fsspec URL; default: a temporary folder)")
    p.add_argument("--until", choices=STAGE_NAMES, default=None,
                   help="stop the pipeline after this stage (clean = store cleaned text only)")
    add_published(p, "publication date for inputs that carry none (ISO 8601, e.g. 2026-01-03)")
    add_snippet(p)
    p.add_argument("--batch-size", type=positive_int("--batch-size"), default=16, metavar="N",
                   help="articles per database commit (default 16)")
    add_limit_options(p)
    add_progress(p)
    add_json(p, "the summary")
    add_actors(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("events", help="list stored events",
                       description="Stored events with their actors, place, date, certainty and the "
                                   "sentence they come from, newest first.")
    add_db(p)
    add_filters(p, "about", "since", "until", "actor", "type", "certainty", "limit")
    p.add_argument("--oldest-first", action="store_true", help="list the oldest events first (a chronology)")
    add_format(p, ("table", "csv", "json"), "table")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("incidents", help="deduplicated incidents with their sources",
                       description="Events reported by several articles grouped into incidents, the "
                                   "best corroborated first, with what each outlet says about them.")
    add_db(p)
    add_filters(p, "about", "since", "until", "type")
    p.add_argument("--min-sources", type=positive_int("--min-sources"), default=1, metavar="N",
                   help="only incidents reported by at least N independent outlets (default 1)")
    p.add_argument("--background", action="store_true",
                   help="also list incidents made only of history or habitual mentions (left out by default)")
    add_filters(p, "limit")
    add_format(p, ("table", "csv", "json"), "table", "output format (default table; json includes the mentions)")
    p.set_defaults(func=cmd_incidents)

    p = sub.add_parser("brief", help="the situation report (Markdown, or HTML with --html)",
                       description="The situation report from the store: key developments, headline "
                                   "incidents, a timeline, what each side says, key figures, contested "
                                   "claims, a chart and a map; every statement footnoted to its article "
                                   "and sentence. Written in full or not at all: a brief that cannot be "
                                   "written where asked is saved to a temporary file, and the error says "
                                   "where.")
    add_db(p)
    add_filters(p, "about", "since", "until")
    p.add_argument("--html", action="store_true",
                   help="one self-contained HTML page (chart and map embedded) instead of Markdown")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="folder for the chart of a Markdown brief (default: next to -o FILE; none on stdout)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the brief to this file instead of stdout")
    p.add_argument("--no-plot", action="store_true", help="leave the chart out")
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("export", help="export tables: parquet, csv, jsonl, plover, gdelt, dataset",
                       description="Write the store's tables (parquet, csv, jsonl) into a folder, or "
                                   "its events as PLOVER/POLECAT JSON records (plover) or as headerless "
                                   "GDELT 2.0 event and mention files, one event row per incident (gdelt), "
                                   "or the whole store as a Parquet dataset (dataset: every table plus a "
                                   "manifest, in a folder or at an fsspec URL) that events, incidents, "
                                   "brief, export and serve read with --db DIR.")
    add_db(p)
    add_format(p, ("parquet", "csv", "jsonl", "plover", "gdelt", "dataset"), "parquet")
    p.add_argument("out", metavar="DIR", help="output folder (dataset: also an fsspec URL such as s3://bucket/x)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("skipped", help="inputs that were skipped, with the reason",
                       description="Every input or record that was not stored, with the reason, the "
                                   "stage that refused it and the detail.")
    add_db(p)
    p.add_argument("--reason", type=checked(_check_reason), metavar="REASON",
                   help=f"only this reason: {', '.join(SKIP_REASONS)}")
    add_format(p, ("table", "csv", "json"), "table")
    p.set_defaults(func=cmd_skipped)

    p = sub.add_parser("demo", help="ingest the bundled demo corpus and print its brief",
                       description="Ingest the bundled demo corpus into a store that is kept "
                                   "(DIR/sitrep.duckdb), write brief.md, brief.html and the plot into DIR, "
                                   "print the brief and the commands to try next. Running it again "
                                   "ingests nothing twice and rewrites the briefs.")
    add_db(p, "database file (default: sitrep.duckdb in the --out folder)")
    p.add_argument("--out", default="sitrep-demo", metavar="DIR",
                   help="folder for the store, brief.md, brief.html and the plot (default ./sitrep-demo/)")
    add_workers(p)
    add_progress(p)
    add_actors(p)
    p.add_argument("--serve", action="store_true", help="then serve the demo store in the web dashboard")
    from sitrep.web.commands import add_serve_options
    add_serve_options(p)
    p.set_defaults(func=cmd_demo)


def _check_reason(value: str) -> str:
    if value not in SKIP_REASONS:
        raise SitrepError(f"--reason {value!r} is not a skip reason; use one of {', '.join(SKIP_REASONS)}")
    return value


def _raw():
    import argparse
    return argparse.RawDescriptionHelpFormatter


def _store(args, read_only: bool = False):
    from sitrep.corpus.store import Store
    return Store(args.db, read_only=read_only)


# -- commands --------------------------------------------------------------------------------

def cmd_ingest(args) -> int:
    from sitrep.corpus.inputs import expand_url_lists, nonempty, read_articles

    engine_options, limits = _engine_options(args), limits_from_args(args)  # refused before a store is made
    # inputs that hold nothing are refused before the pipeline (spaCy) is even imported
    sources = nonempty(read_articles(expand_url_lists(args.inputs), args.published, limits))
    if sources is None:
        raise SitrepError(f"nothing was stored: {', '.join(args.inputs)} held no article (an empty folder or "
                          "feed?); check the paths; no store was made")
    from sitrep.corpus.ingest import IngestInterrupted, ingest, start_engine

    executor = start_engine(args.engine, args.workers, **engine_options)  # a cluster that is not there: no store
    new_store = _new_store_path(args.db)
    try:
        with _store(args) as store:
            summary = ingest(args.inputs, store, workers=args.workers, until=args.until,
                             published=args.published, batch_size=args.batch_size, progress=args.progress,
                             limits=limits, snippet=args.snippet, engine=args.engine, executor=executor,
                             sources=sources, **engine_options)
    except IngestInterrupted as exc:
        return _interrupted(exc)
    finally:
        if executor is not None:
            executor.close()
    if args.json:
        write_json(summary.to_dict(), args.json)
    if args.json != "-":  # JSON on stdout replaces the human summary
        for line in summary.lines():
            print(line, file=sys.stderr)
    if summary.failed:
        first = "; ".join(str(s) for s in summary.problems[:3])
        kept = ("no store was left behind" if new_store is not None and _remove_store(new_store)
                else "`sitrep skipped` lists every reason")
        raise SitrepError(f"nothing was stored: {summary.refused} input(s) refused or unreadable ({first}); "
                          f"fix the inputs and re-run; {kept}")
    if summary.found_nothing:
        kept = "no store was left behind" if new_store is not None and _remove_store(new_store) else "the store is unchanged"
        raise SitrepError(f"nothing was stored: {', '.join(args.inputs)} held no article (an empty folder or "
                          f"feed?); check the paths; {kept}")
    return 0


def _new_store_path(db) -> Optional[Path]:
    """The store file an ingest is about to create, or None when it exists already (or is
    not a plain file): a mistyped input must not leave an empty store behind."""
    from sitrep.corpus.store import default_db_path
    if db is not None and "://" in str(db):
        return None
    path = Path(db).expanduser() if db else default_db_path()
    return None if str(path) == ":memory:" or path.exists() else path


def _remove_store(path: Path) -> bool:
    """Delete a store this run created and left empty (with its WAL and writer-lock
    files); True when done. Decided and done under the writer lock: another ingest or
    ``sitrep watch`` that took the store meanwhile keeps it, and so does a store that
    holds an article."""
    import duckdb

    from sitrep.corpus.dbfile import StoreBusy, WriterLock
    lock = WriterLock(path)
    try:
        lock.acquire()
    except StoreBusy:
        return False
    try:
        if path.exists():
            with contextlib.closing(duckdb.connect(str(path), read_only=True)) as con:
                if con.execute("SELECT count(*) FROM articles").fetchone()[0]:
                    return False
        Path(str(path) + ".wal").unlink(missing_ok=True)
        path.unlink(missing_ok=True)
        # deleted while held: a writer that opened it meanwhile locks a new one (WriterLock)
        lock.delete_file()
    except (OSError, duckdb.Error):
        return False
    finally:
        lock.release()
    return True


def _interrupted(exc) -> int:
    """What an interrupted ingest stored and skipped, and how to go on; exit 128 + signal."""
    for line in exc.summary.lines():
        print(line, file=sys.stderr)
    if exc.complete:
        print(f"sitrep: {exc.signal_name} came while incidents were being updated; the ingest finished first "
              f"({exc.summary.ingested} article(s) stored, incidents up to date): nothing to resume", file=sys.stderr)
    else:
        print(f"sitrep: ingest stopped by {exc.signal_name} after committing {exc.summary.ingested} article(s); "
              "run the same command again to continue", file=sys.stderr)
    return exc.exit_status


EVENT_COLUMNS = ("event_date", "type", "source_name", "source_country", "target_name", "target_country",
                 "place_name", "certainty", "outlet", "trigger", "sentence")


def _engine_options(args) -> dict:
    """--scheduler and --shard-dir belong to the dask engine; given with another, they are
    a mistake worth saying rather than ignoring."""
    options = {"scheduler": args.scheduler, "shard_dir": args.shard_dir}
    given = [f"--{name.replace('_', '-')}" for name, value in options.items() if value]
    if args.engine != "dask":
        if given:
            raise SitrepError(f"{' and '.join(given)} only work with --engine dask")
        return {}
    return options


def cmd_events(args) -> int:
    from sitrep.corpus import queries
    from sitrep.corpus.rows import EventRow

    with _store(args, read_only=True) as store:
        rows = queries.event_rows(store, actor=args.actor, event_type=args.event_type, since=args.since,
                                  until=args.until, about=args.about, certainty=args.certainty,
                                  limit=args.limit, oldest_first=args.oldest_first)
    columns = [f.name for f in fields(EventRow)] if args.format == "csv" else EVENT_COLUMNS
    emit(rows, args.format, columns, json_lists=EventRow.JSON_LISTS)
    return 0


#: the label names the happening (type, both sides with their countries, place: its
#: best-specified report, corpus/incidents.py ``describe``); the columns after it are
#: the same fields one by one, for sorting and CSV
INCIDENT_COLUMNS = ("incident_id", "date_start", "label", "type", "source_name", "target_name", "place_name",
                    "n_sources", "n_articles", "first_reported", "latest_reported", "conflicted", "certainty")


def cmd_incidents(args) -> int:
    from dataclasses import asdict

    from sitrep.corpus import queries

    from sitrep.report.scope import articles_about

    with _store(args, read_only=True) as store:
        # --about: the articles about the subject, as the brief reads them (one passing
        # mention of it does not bring an article's incidents in)
        ids, country = articles_about(store, args.about) if args.about is not None else (None, None)
        rows = queries.incident_rows(store, article_ids=ids, country=country, since=args.since, until=args.until,
                                     event_type=args.event_type, min_sources=args.min_sources, limit=args.limit,
                                     background=args.background, with_mentions=args.format == "json")
    dicts = [asdict(r) for r in rows]
    for d in dicts:
        if args.format == "table":
            d["certainty"] = "; ".join(f"{k}: {'/'.join(v)}" for k, v in d["certainty"].items())
        elif args.format == "csv":
            d["certainty"] = json.dumps(d["certainty"])
        if args.format != "json":
            del d["mentions"]
    emit(dicts, args.format, INCIDENT_COLUMNS)
    return 0


def cmd_skipped(args) -> int:
    from sitrep.corpus import queries

    with _store(args, read_only=True) as store:
        rows = queries.skipped_rows(store, reason=args.reason)
    emit(rows, args.format, ("skipped_at", "reason", "stage", "origin", "input_id", "detail"))
    return 0


def cmd_brief(args) -> int:
    from sitrep.report import write_brief

    with _store(args, read_only=True) as store:
        write_brief(store, about=args.about, since=args.since, until=args.until, html=args.html,
                    plot=not args.no_plot, output=args.output, plot_dir=args.out)
    return 0


def cmd_export(args) -> int:
    from sitrep.corpus.exports import export

    with _store(args, read_only=True) as store:
        paths = export(store, args.format, args.out)
    for p in paths:
        print(p, file=sys.stderr)
    return 0


def demo_inputs() -> list[str]:
    from sitrep.demo import demo_inputs as listed

    found = [str(p) for p in listed() if p.exists()]
    if not found:
        raise SitrepError(f"the demo corpus is missing from {DEMO_DIR}; reinstall sitrep")
    return found


def _check_out_folder(out: Path) -> None:
    """--out must be a folder, or a place one can be made (it holds the store and briefs)."""
    if out.exists() and not out.is_dir():
        raise SitrepError(f"--out {out} is a file, not a folder; pass a folder for the demo's store and briefs")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SitrepError(f"--out {out}: cannot make the folder ({exc.strerror}); pass a writable folder") from None


def how_to_call_sitrep(argv0: Optional[str] = None) -> str:
    """``sitrep`` when the shell finds this very program under that name, else the path it
    was started by (``.venv/bin/sitrep`` after the README's set-up, whose virtual
    environment is not activated): the commands the demo suggests must run as printed."""
    script = Path(argv0 if argv0 is not None else sys.argv[0])
    if script.name != "sitrep" or not script.is_file():
        return "sitrep"  # started as `python -m sitrep.cli` or from Python: no script to name
    found = shutil.which("sitrep")
    if found and Path(found).resolve() == script.resolve():
        return "sitrep"
    relative = os.path.relpath(script.absolute())
    shown = relative if not relative.startswith("..") else str(script.absolute())
    return shlex.quote(shown if os.sep in shown else os.path.join(".", shown))


def cmd_demo(args) -> int:
    from sitrep.demo import run_demo

    if args.serve:  # a refused address is said before the demo is built
        from sitrep.web.commands import check_bind
        check_bind(args.host, args.port, args.allow_remote)
    demo_inputs()  # a missing corpus is said before a store is made
    _check_out_folder(Path(args.out))
    result = run_demo(Path(args.out), Path(args.db) if args.db else None, args.workers, args.progress)
    for line in result.summary_lines:
        print(line, file=sys.stderr)
    sys.stdout.write(result.brief_md.read_text(encoding="utf-8"))
    print(f"the store, brief.md, brief.html and the plot are in {result.brief_md.parent}/; try next:",
          file=sys.stderr)
    program = how_to_call_sitrep()
    for command in result.next_commands:
        print(f"  {program}{command[len('sitrep'):]}", file=sys.stderr)
    if args.serve:
        from sitrep.web.commands import serve
        return serve(result.db, args.host, args.port, args.allow_remote)
    return 0
