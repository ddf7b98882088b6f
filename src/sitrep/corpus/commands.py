"""CLI commands over the corpus store: ingest, events, incidents, brief, export, skipped, demo."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

from sitrep.errors import SitrepError

DEMO_DIR = Path(__file__).resolve().parents[1] / "demo"
#: what `sitrep demo` ingests from the demo folder (gold/ and README are not news)
DEMO_INPUTS = ("articles.jsonl", "html", "text", "feeds")


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="DuckDB file (default: $SITREP_DB or ~/.local/share/sitrep/sitrep.duckdb)")


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--about", help="only articles mentioning this (country name/code, actor, word)")
    p.add_argument("--since", help="from this date (YYYY-MM-DD)")
    p.add_argument("--until", help="up to this date (YYYY-MM-DD)")


def add_parser(sub) -> None:
    from sitrep.run.executor import UNTIL_CHOICES

    p = sub.add_parser("ingest", help="read files, folders, JSONL, feeds, URLs into the store")
    p.add_argument("inputs", nargs="+",
                   help="files, folders, .jsonl, feed files or URLs; a .txt file holding only URLs "
                        "(feeds.txt) stands for those URLs")
    _db_arg(p)
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: CPU cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where the pipeline runs: local process pool, or a Dask cluster "
                        "(a local one of --workers processes, or --scheduler's)")
    p.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="with --engine dask: use this running Dask scheduler instead of a local cluster")
    p.add_argument("--shard-dir", metavar="DIR_OR_URL",
                   help="with --engine dask: where workers write result shards (a folder every "
                        "machine shares, or an fsspec URL; default: a temporary folder)")
    p.add_argument("--until", choices=UNTIL_CHOICES, default=None,
                   help="stop the pipeline after this stage (clean = store cleaned text only)")
    p.add_argument("--published", help="publication date for inputs that carry none (YYYY-MM-DD)")
    p.add_argument("--snippet", action="store_true",
                   help="analyse short texts (headlines, sentences, wire flashes) instead of skipping them")
    p.add_argument("--batch-size", type=int, default=16, help="articles per database commit")
    from sitrep.read.limits import add_limit_options
    add_limit_options(p)
    p.add_argument("--progress", action="store_true", default=None, help="progress bar even when not a terminal")
    p.add_argument("--no-progress", dest="progress", action="store_false")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("events", help="list stored events")
    _db_arg(p)
    _filters(p)
    p.add_argument("--actor", help="source or target: name part or country code (VEN, USA)")
    p.add_argument("--type", dest="event_type", help="PLOVER type, e.g. ASSAULT")
    p.add_argument("--certainty", help="asserted, reported, claimed, alleged, denied, ...")
    p.add_argument("--limit", type=int)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("incidents", help="deduplicated incidents with their sources")
    _db_arg(p)
    _filters(p)
    p.add_argument("--type", dest="event_type", help="PLOVER type, e.g. ASSAULT")
    p.add_argument("--min-sources", type=int, default=1)
    p.add_argument("--limit", type=int)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_incidents)

    p = sub.add_parser("brief", help="the situation report (Markdown, or HTML with --html)")
    _db_arg(p)
    _filters(p)
    p.add_argument("--html", action="store_true",
                   help="one self-contained HTML page (chart and map embedded) instead of Markdown")
    p.add_argument("--out", default=None,
                   help="folder for the chart of a Markdown brief (default: next to -o FILE; none on stdout)")
    p.add_argument("-o", "--output", help="write the brief to this file instead of stdout")
    p.add_argument("--no-plot", action="store_true", help="no chart")
    p.set_defaults(func=cmd_brief)

    p = sub.add_parser("export", help="export tables: parquet, csv, jsonl, plover, gdelt")
    _db_arg(p)
    p.add_argument("--format", choices=("parquet", "csv", "jsonl", "plover", "gdelt"), default="parquet")
    p.add_argument("out", help="output folder")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("skipped", help="inputs that were skipped, with the reason")
    _db_arg(p)
    p.add_argument("--reason", help="only this reason (duplicate, empty, not_english, internal_error, ...)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_skipped)

    p = sub.add_parser("demo", help="ingest the bundled demo corpus and print its brief")
    p.add_argument("--db", help="database file (default: a temporary one)")
    p.add_argument("--out", default="sitrep-demo", help="folder for brief.md and the plot (default ./sitrep-demo/)")
    p.add_argument("--workers", type=int, default=None)
    p.add_argument("--html", action="store_true", help="also write brief.html")
    p.add_argument("--progress", action="store_true", default=None)
    p.add_argument("--serve", action="store_true", help="then serve the demo store in the web dashboard")
    from sitrep.web.commands import add_serve_options
    add_serve_options(p)
    p.set_defaults(func=cmd_demo)


# -- output helpers --------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _emit(rows: list[dict], fmt: str, columns: Iterable[str], out=None) -> None:
    out = out or sys.stdout
    columns = list(columns)
    if fmt == "json":
        json.dump([{k: _plain(v) for k, v in r.items()} for r in rows], out, ensure_ascii=False, indent=1,
                  default=str)
        out.write("\n")
    elif fmt == "csv":
        from sitrep.corpus.csv_safety import writer as safe_csv_writer
        w = safe_csv_writer(out)  # cells from the web must not run as spreadsheet formulas
        w.writerow(columns)
        for r in rows:
            w.writerow([_plain(r.get(c)) for c in columns])
    else:
        out.write(format_table(rows, columns) + "\n")


def format_table(rows: list[dict], columns: list[str], max_width: int = 48) -> str:
    def cell(v: Any) -> str:
        s = "" if v is None else str(_plain(v)).replace("\n", " ")
        return s if len(s) <= max_width else s[:max_width - 1] + "…"

    cells = [[cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)


def _store(args, read_only: bool = False):
    from sitrep.corpus.store import Store
    return Store(args.db, read_only=read_only)


# -- commands --------------------------------------------------------------------------------

def cmd_ingest(args) -> int:
    from sitrep.corpus.ingest import IngestInterrupted, ingest

    with _store(args) as store:
        try:
            from sitrep.read.limits import limits_from_args
            summary = ingest(args.inputs, store, workers=args.workers, until=args.until,
                             published=args.published, batch_size=args.batch_size, progress=args.progress,
                             limits=limits_from_args(args), snippet=args.snippet,
                             engine=args.engine, scheduler=args.scheduler, shard_dir=args.shard_dir)
        except IngestInterrupted as exc:
            for line in exc.summary.lines():
                print(line, file=sys.stderr)
            raise
    if args.json:
        print(json.dumps(summary.to_dict(), indent=1))
    else:
        for line in summary.lines():
            print(line, file=sys.stderr)
    return 0


EVENT_COLUMNS = ("event_date", "type", "source_name", "source_country", "target_name", "target_country",
                 "place_name", "certainty", "outlet", "trigger", "sentence")


def cmd_events(args) -> int:
    from sitrep.corpus import queries

    with _store(args, read_only=True) as store:
        rows = queries.events(store, actor=args.actor, event_type=args.event_type, since=args.since,
                              until=args.until, about=args.about, certainty=args.certainty, limit=args.limit)
    _emit(rows, args.format, EVENT_COLUMNS if args.format != "csv" else rows[0].keys() if rows else EVENT_COLUMNS)
    return 0


INCIDENT_COLUMNS = ("incident_id", "date_start", "type", "source_name", "target_name", "place_name",
                    "n_sources", "n_articles", "first_reported", "latest_reported", "conflicted", "certainty")


def cmd_incidents(args) -> int:
    from sitrep.corpus import queries

    with _store(args, read_only=True) as store:
        rows = queries.incidents(store, about=args.about, since=args.since, until=args.until,
                                 event_type=args.event_type, min_sources=args.min_sources, limit=args.limit,
                                 with_mentions=args.format == "json")
    if args.format == "table":
        for r in rows:
            r["certainty"] = "; ".join(f"{k}: {'/'.join(v)}" for k, v in r["certainty"].items())
    elif args.format == "csv":
        for r in rows:
            r["certainty"] = json.dumps(r["certainty"])
    _emit(rows, args.format, INCIDENT_COLUMNS)
    return 0


def _write_brief(store, args_about, since, until, out_dir: Path, html: bool, plot: bool = True) -> str:
    """The brief's text; the chart of a Markdown brief goes into ``out_dir``."""
    from sitrep.report import brief_text
    from sitrep.report.output import write_chart

    text, chart = brief_text(store, about=args_about, since=since, until=until, html=html, plot=plot,
                             output=str(out_dir / ("brief.html" if html else "brief.md")))
    if chart:
        write_chart(*chart)
    return text


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


def cmd_skipped(args) -> int:
    from sitrep.corpus import queries

    with _store(args, read_only=True) as store:
        rows = queries.skipped(store, reason=args.reason)
    _emit(rows, args.format, ("skipped_at", "reason", "stage", "origin", "input_id", "detail"))
    return 0


def demo_inputs(demo_dir: Path = DEMO_DIR) -> list[str]:
    try:
        from sitrep.demo import demo_inputs as listed
        found = [str(p) for p in listed() if p.exists()]
    except ImportError:
        found = [str(demo_dir / name) for name in DEMO_INPUTS if (demo_dir / name).exists()]
    if not found:
        raise SitrepError(f"the demo corpus is missing from {demo_dir}")
    return found


def cmd_demo(args) -> int:
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store

    if args.serve:  # a refused address is said before the demo is built
        from sitrep.web.commands import check_bind
        check_bind(args.host, args.port, args.allow_remote)
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sitrep-demo-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "demo.duckdb"
        with Store(db) as store:
            summary = ingest(demo_inputs(), store, workers=args.workers, progress=args.progress)
            for line in summary.lines():
                print(line, file=sys.stderr)
            md = _write_brief(store, None, None, None, out_dir, html=False)
            (out_dir / "brief.md").write_text(md, encoding="utf-8")
            if args.html:
                (out_dir / "brief.html").write_text(_write_brief(store, None, None, None, out_dir, html=True),
                                                    encoding="utf-8")
        sys.stdout.write(md)
        print(f"brief and plot written to {out_dir}/", file=sys.stderr)
        if args.serve:
            from sitrep.web.commands import serve
            return serve(db, args.host, args.port, args.allow_remote)
    return 0
