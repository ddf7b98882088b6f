"""Count unmerged mentions and wrong merges on the honest allsides-dev parts (issue 7 item 4).

    PYTHONPATH=src python bench/merge_audit.py [--parts D,E,F] [--list] [--json OUT.json]

Runs the pipeline on the articles of the given allsides-dev gold parts (DEV only: never
point it at a test or blind part), pairs sitrep's events with the gold as the scorer does
(``allsides_dev.pair_events`` with the plain sentence split), and counts per part:

* ``unmerged``: a FALSE ALARM (an unpaired sitrep event) whose type equals the type of a
  *paired* gold event of the same article with compatible actors (each side's key equal,
  or missing on one side): a second mention of a happening the gold codes once, that
  event_merge left apart.
* ``in_gold``: a false alarm whose trigger overlaps a mention the gold lists for a paired
  event (of any type): surely a second mention of a coded happening; the ``unmerged``
  ones outside it are candidates to read by eye (a same-type act of another happening
  counts there too).
* ``wrong_merge``: a gold MISS (an unpaired gold event) one of whose mention spans overlaps
  a mention of a sitrep event that is paired with another gold event: two happenings the
  merge joined into one.
* the events-per-article ratio (sitrep events / gold events), as the scorer reports it.

With ``--list`` every counted case is printed with its trigger and sentence context, so the
classes can be read; the counts themselves are computed, not read by eye.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from sitrep.eval.core import context
from sitrep.eval.sets import allsides_dev as ad


def _compatible_keys(a, b) -> bool:
    """Two actor keys that do not contradict: equal, or one of them missing."""
    return a is None or b is None or a == b


def audit_article(gold: list, predicted: list, text: str) -> dict:
    """The unmerged false alarms and the wrong merges of one article (lists of dicts)."""
    pairs = ad.pair_events(gold, predicted, ad.sentence_spans(text))
    paired_g = dict(pairs)
    paired_p = {pi: gi for gi, pi in pairs}
    unmerged, wrong = [], []
    for pi, p in enumerate(predicted):
        if pi in paired_p:
            continue
        # a paired gold event one of whose own mentions the false alarm's trigger names:
        # the gold lists it as a mention of that happening
        named = next((gi for gi in paired_g if any(ad._overlaps(gm, pm) for gm in gold[gi].mentions
                                                   for pm in p.mentions)), None)
        same_type = next((gi for gi in paired_g if gold[gi].type == p.type
                          and _compatible_keys(gold[gi].source, p.source)
                          and _compatible_keys(gold[gi].target, p.target)), None)
        host = named if named is not None else same_type
        if host is not None:
            twin = predicted[paired_g[host]]
            unmerged.append({"counted": same_type is not None, "in_gold": named is not None,
                             "type": p.type, "trigger": p.label, "dyad": f"{p.source}->{p.target}",
                             "background": p.background, "context": context(text, p.mentions[0], 70),
                             "paired_with": twin.label, "paired_dyad": f"{twin.source}->{twin.target}",
                             "paired_background": twin.background,
                             "paired_context": context(text, twin.mentions[0], 50)})
    for gi, g in enumerate(gold):
        if gi in paired_g:
            continue
        for pi, p in enumerate(predicted):
            if pi not in paired_p:
                continue
            if any(ad._overlaps(gm, pm) for gm in g.mentions for pm in p.mentions):
                other = gold[paired_p[pi]]
                wrong.append({"gold_type": g.type, "gold": g.label, "gold_dyad": f"{g.source}->{g.target}",
                              "sitrep_type": p.type, "sitrep_dyad": f"{p.source}->{p.target}",
                              "joined_to": f"{other.label} {other.type} {other.source}->{other.target}",
                              "context": context(text, g.mentions[0], 70)})
                break
    return {"unmerged": unmerged, "wrong_merge": wrong, "gold": len(gold), "predicted": len(predicted)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--parts", default="D,E,F", help="allsides-dev gold parts (DEV only)")
    ap.add_argument("--data", default=os.environ.get("SITREP_DATA", "../shared/data"))
    ap.add_argument("--list", action="store_true", help="print every counted case")
    ap.add_argument("--json", help="write the cases and counts to this file")
    args = ap.parse_args(argv)
    from sitrep.knowledge import default_knowledge

    wanted = set(args.parts.split(","))
    parts = {a: p for a, p in ad.article_parts().items() if p in wanted}
    _, gold = ad.load_gold()
    kb = default_knowledge()
    runs = ad.run_articles(kb, Path(args.data), parts)
    counts: dict[str, Counter] = {p: Counter() for p in sorted(wanted)}
    cases = {}
    for aid in sorted(runs):
        rec, doc = runs[aid]
        predicted = ad.coded_from_document(doc, rec["text"], kb)
        out = audit_article(gold[aid], predicted, rec["text"])
        c = counts[parts[aid]]
        c["articles"] += 1
        c["gold"] += out["gold"]
        c["predicted"] += out["predicted"]
        c["unmerged"] += sum(1 for u in out["unmerged"] if u["counted"])
        c["in_gold"] += sum(1 for u in out["unmerged"] if u["in_gold"])
        c["wrong_merge"] += len(out["wrong_merge"])
        cases[aid] = out
        if args.list:
            for u in out["unmerged"]:
                print(f"UNMERGED{' (a gold mention)' if u['in_gold'] else ''} {aid} [{parts[aid]}] {u['type']} [{u['trigger']}] {u['dyad']}"
                      f"{' bg' if u['background'] else ''}: {u['context']}\n    | paired: [{u['paired_with']}]"
                      f" {u['paired_dyad']}{' bg' if u['paired_background'] else ''}: {u['paired_context']}")
            for w in out["wrong_merge"]:
                print(f"WRONG MERGE {aid} [{parts[aid]}] gold {w['gold_type']} {w['gold']} {w['gold_dyad']}"
                      f" in sitrep {w['sitrep_type']} {w['sitrep_dyad']} (paired with {w['joined_to']}):"
                      f" {w['context']}")
    for p, c in counts.items():
        ratio = c["predicted"] / c["gold"] if c["gold"] else 0.0
        print(f"part {p}: {c['articles']} articles, gold {c['gold']}, sitrep {c['predicted']} "
              f"(ratio {ratio:.3f}), unmerged mentions {c['unmerged']}, of a paired gold event's "
              f"listed mentions {c['in_gold']}, wrong merges {c['wrong_merge']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"counts": counts, "cases": cases}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
