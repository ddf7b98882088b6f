"""``sitrep extract``: one input (file, URL or stdin) -> document JSON or a Markdown digest."""
from __future__ import annotations

import argparse
import json
import sys

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


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("extract", help=HELP, description=DESCRIPTION,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", metavar="FILE|URL|-", help="the article: a file, an http(s) URL, or - for stdin")
    p.add_argument("--format", choices=("json", "md"), default="json", help="output format (default json)")
    p.add_argument("--published", metavar="ISO",
                   help="publication date/time (ISO 8601) to use instead of what the input says; "
                        "relative dates ('on Tuesday') are resolved against it")
    p.add_argument("--title", help="article title to use instead of the one found in the input")
    p.add_argument("--source", help="outlet name to use instead of the one found in the input")
    from sitrep.read.limits import add_limit_options
    add_limit_options(p)
    p.add_argument("--snippet", action="store_true",
                   help="analyse a headline, a sentence or a wire flash on its own (texts under 20 "
                        "words are otherwise refused; short records of JSONL/CSV files always are analysed)")
    p.set_defaults(func=run)


def run(args) -> int:
    from sitrep.errors import InputError
    from sitrep.knowledge import default_knowledge
    from sitrep.pipeline import analyse, prepare
    from sitrep.read import read_input_with_skips
    from sitrep.read.limits import limits_from_args

    if args.published:
        from sitrep.errors import SitrepError
        from sitrep.read.html import normalise_date
        if normalise_date(args.published) is None:
            raise SitrepError(f"--published {args.published!r} is not a date; use ISO 8601, "
                              "e.g. 2026-01-03 or 2026-01-03T12:00:00+01:00")
    articles, skips = read_input_with_skips(args.input, published=args.published,
                                            limits=limits_from_args(args))
    for article in articles:
        if args.title:
            article.title = args.title
        if args.source:
            article.source = args.source
        if getattr(args, "snippet", False):
            article.meta["snippet"] = True

    for origin, reason, detail in skips:
        print(f"sitrep: skipped {origin}: {detail}", file=sys.stderr)

    kb = default_knowledge()
    single = len(articles) == 1 and not skips
    prepared, first_error = [], None
    for article in articles:
        try:
            prepared.append(prepare(article, kb))
        except InputError as exc:
            if single:
                raise
            first_error = first_error or exc
            print(f"sitrep: skipped {exc}", file=sys.stderr)
    if not prepared:
        if first_error is not None:
            raise InputError(args.input, first_error.reason,
                             f"no article could be analysed; first problem: {first_error.detail}")
        raise InputError(args.input, "empty", "no article could be analysed")

    for i in range(0, len(prepared), BATCH):
        batch = prepared[i:i + BATCH]
        # one spaCy pass per batch is much faster than one call per article
        parsed = kb.nlp.pipe([d.article.text for d in batch], batch_size=BATCH)
        for n, (doc, sdoc) in enumerate(zip(batch, parsed)):
            doc = analyse(doc, kb, spacy_doc=sdoc)
            _write(doc, args.format, first=(i + n == 0), single=single)
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
