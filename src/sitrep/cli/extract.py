"""``sitrep extract``: one input (file, URL or stdin) -> document JSON or a Markdown digest."""
from __future__ import annotations

import argparse
import json
import sys

from sitrep.cli.options import add_actors, add_all_events, add_format, add_published, add_snippet
from sitrep.read.limits import add_limit_options

#: articles parsed together by spaCy when a file holds several
BATCH = 8

HELP = "analyse one article (or every article of a JSONL/feed file) and print the result"

DESCRIPTION = """\
Read FILE (HTML, .html.gz, text, Markdown, JSON, JSONL or an RSS/Atom feed; "-" reads
stdin; an http(s) URL is fetched), clean it, run the whole pipeline and print the result.

Output:
  --format json (default)  one article: the document as pretty JSON (schema
                           sitrep.document/1). Several articles (JSONL, JSON list,
                           feed): JSON Lines, one compact document per line, in input order.
  --format md              a readable Markdown digest per article (title, date, source,
                           what cleaning removed, events with certainty and attribution,
                           quotes, figures, places, dates), separated by '---'.

Bad input (empty, binary, undecodable, too large, not English, too short, no article in
the HTML) stops with one line `sitrep: error: <input>: <what is wrong>` and exit status 2.
With several articles, a bad record is reported on stderr as `sitrep: skipped ...` and
the rest are still printed; the exit status is 2 only if none could be analysed.
"""


def register(subparsers) -> None:
    p = subparsers.add_parser("extract", help=HELP, description=DESCRIPTION,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", metavar="FILE|URL|-", help="the article: a file, an http(s) URL, or - for stdin")
    add_format(p, ("json", "md"), "json")
    add_published(p, "publication date/time (ISO 8601) to use instead of what the input says; "
                     "relative dates ('on Tuesday') are resolved against it")
    p.add_argument("--title", help="article title to use instead of the one found in the input")
    p.add_argument("--source", help="outlet name to use instead of the one found in the input")
    add_limit_options(p)
    add_snippet(p)
    add_all_events(p)
    add_actors(p)
    p.set_defaults(func=run)


def run(args) -> int:
    from sitrep.errors import InputError, Skip
    from sitrep.pipeline import Pipeline
    from sitrep.read import read_input_with_skips
    from sitrep.read.limits import limits_from_args

    articles, skips = read_input_with_skips(args.input, published=args.published,
                                            limits=limits_from_args(args))
    for article in articles:
        if args.title:
            article.title = args.title
        if args.source:
            article.source = args.source
        if args.snippet:
            article.meta["snippet"] = True
        if args.all_events:
            article.meta["all_events"] = True
    for skip in skips:
        print(f"sitrep: skipped {skip}", file=sys.stderr)

    pipeline = Pipeline.default(batch_size=BATCH)
    if len(articles) == 1 and not skips:  # one article: its problem is the command's error
        _write(pipeline(articles[0]), args.format, first=True, single=True)
        return 0
    written, first_problem = 0, None
    for item in pipeline.pipe(articles):
        if isinstance(item, Skip):
            first_problem = first_problem or item
            print(f"sitrep: skipped {item}", file=sys.stderr)
            continue
        _write(item, args.format, first=written == 0, single=False)
        written += 1
    if not written:
        if first_problem is not None:
            raise InputError(args.input, first_problem.reason,
                             f"no article could be analysed; first problem: {first_problem.detail}")
        raise InputError(args.input, "empty", "no article could be analysed")
    return 0


def _write(doc, fmt: str, first: bool, single: bool) -> None:
    if fmt == "md":
        from sitrep.report.digest import render
        if not first:
            sys.stdout.write("\n---\n\n")
        sys.stdout.write(render(doc))
    elif single:
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
    sys.stdout.flush()
