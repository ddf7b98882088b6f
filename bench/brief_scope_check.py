"""Does ``sitrep brief --about X`` on a store mixing subjects cite only articles about X?

For each subject (and period) the brief is composed and every footnote of its headlines,
timeline and key developments is checked: its article must be in the brief's scope
(``report.scope.articles_about``) and its title and text must name the subject at least
MIN_NAMED times, by the subject's names or by ``--names`` (a regular expression of one's
own, for a check that does not share the scope's word list); and no mention an incident
of those sections holds may be background. Prints the footnotes that fail, one line each,
and a count per section; exit status 1 when any fails (issue 8, item 4).

    python bench/brief_scope_check.py STORE.duckdb --about Syria [--since 2017-04-01 --until 2017-04-30]
           [--names "Syria|Assad|Damascus"]
"""
from __future__ import annotations

import argparse
import re
import sys

from sitrep.corpus.store import Store
from sitrep.report.compose import compose
from sitrep.report.scope import articles_about, resolve_subject

#: times the article must name the subject: one passing mention is not an article about it
MIN_NAMED = 2


def check(store, about: str, since=None, until=None, names: str | None = None) -> int:
    """Print the failures of one brief; returns how many footnotes or mentions fail."""
    brief = compose(store, about=about, since=since, until=until)
    in_scope = set(articles_about(store, about)[0])
    pattern = re.compile(names, re.I) if names else resolve_subject(store, about).regex
    notes = {n.label: n for n in brief.notes}
    texts = dict(store.con.execute(
        "SELECT article_id, coalesce(title, '') || ' ' || coalesce(text, '') FROM articles").fetchall())
    sections = {"headlines": ([q for i in brief.headlines for q in i.notes], brief.headlines),
                "timeline": ([q for i in brief.timeline for q in i.notes], brief.timeline),
                "key developments": ([q for s in brief.key_developments for q in s.notes], [])}
    failed = 0
    for section, (labels, incidents) in sections.items():
        bad = []
        for label in labels:
            note = notes.get(label)
            if note is None:
                continue
            named = len(pattern.findall(texts.get(note.article_id, "")))
            if note.article_id not in in_scope or named < MIN_NAMED:
                bad.append(f"   {label} {note.article_id} in scope={note.article_id in in_scope} "
                           f"named={named}: {note.sentence[:100]!r}")
        background = [f"   background {m['article_id']}: {m['sentence'][:100]!r}"
                      for i in incidents for m in i.mentions if m.get("background")]
        period = f"{brief.period.since} to {brief.period.until}" if brief.period else "all dates"
        print(f"{about}, {period}: {section}: {len(labels)} footnotes, {len(bad)} outside the subject, "
              f"{len(background)} background mentions")
        for line in bad + background:
            print(line)
        failed += len(bad) + len(background)
    return failed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--about", required=True)
    ap.add_argument("--since")
    ap.add_argument("--until")
    ap.add_argument("--names", help="a regular expression naming the subject (default: the scope's names)")
    args = ap.parse_args(argv)
    with Store(args.store, read_only=True) as store:
        failed = check(store, args.about, args.since, args.until, args.names)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
