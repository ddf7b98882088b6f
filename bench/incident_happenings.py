"""How one real happening is spread over a store's incidents, and what joins it.

For each happening of a list (a name, its PLOVER types, a regular expression for its
trigger, one for the words that name it near the trigger, and the day it happened), the
mentions that report it are read from a linked store (``incident_keys`` joined with
``incident_mentions``): a mention of one of the types whose trigger matches and whose
trigger's neighbourhood (CONTEXT_CHARS each side, within its sentence) names the
happening, in an article published within REPORTED_WITHIN days of its day (or undated). Then:

  * split: how many incidents hold those mentions (1 is the goal), and the share the
    largest of them holds;
  * mix: for each of those incidents, how many of its members are *foreign* (not a
    mention of the happening by the same test).

The test is a reader's shorthand, not a gold: a mention that names the happening in
other words is counted foreign, so read the foreign mentions it prints (``--show``)
before trusting a mix figure. The figures compare two linkers on one store; they say
nothing about recall of the events stage.

  * causes (``--causes``): for each mention outside the largest of those incidents, the
    first linking test (corpus/incidents.py ``Cluster.fit``) that refuses it against that
    incident rebuilt from its members: its dates (split by what dated it: a day read off
    by more than a day from the happening's, the publication day, a week, a month, a
    year), its actors, its place, its sentence (clause) or too little text in common --
    or "fits": it would join, another incident fitted better.

    python bench/incident_happenings.py STORE.duckdb [--happenings FILE.json] [--show N] [--causes] [--json OUT]

``--happenings`` replaces the built-in list (HAPPENINGS, the issue-8 store of Iran,
North Korea, Venezuela and Syria articles) with a JSON list of objects with the same keys.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date

import duckdb

#: characters each side of the trigger in which the happening must be named: the clause
#: around the trigger, not the whole sentence (a sentence often tells the killing and the
#: strike that answered it)
CONTEXT_CHARS = 90
#: days after the happening within which an article's mention may report it (a later
#: article recalls it among other news: the split this bench counts is the news period's)
REPORTED_WITHIN = 30

HAPPENINGS = [
    {"name": "Soleimani killed (US drone strike, Baghdad airport, 3 Jan 2020)",
     "types": ["ASSAULT"], "day": "2020-01-03",
     "trigger": r"kill|strike|assassinat|death|slay|attack|target",
     "context": r"soleimani|suleimani"},
    {"name": "Iranian missiles on Ain al-Asad and Erbil (8 Jan 2020)",
     "types": ["ASSAULT"], "day": "2020-01-08",
     "trigger": r"fire|missile|strike|attack|launch|retaliat|hit|target",
     "context": r"al[- ]asad|ain al|erbil|irbil|ballistic|(bases?|troops|forces)\b.{0,40}\biraq|iraq\b.{0,40}\bbases?"},
    {"name": "Ukrainian airliner shot down near Tehran (8 Jan 2020)",
     "types": ["ASSAULT"], "day": "2020-01-08",
     "trigger": r"shot|shoot|down|crash|strike|hit|kill|missile",
     "context": r"airliner|ukrain|flight|plane|jet|boeing|passenger"},
    {"name": "Stena Impero seized by Iran (19 Jul 2019)",
     "types": ["COERCE", "SEIZE", "ASSAULT"], "day": "2019-07-19",
     "trigger": r"seiz|captur|detain|board|took|take|impound",
     "context": r"stena|impero|british[- ]flagged|british tanker|uk[- ]flagged"},
    {"name": "US drone shot down by Iran over Hormuz (20 Jun 2019)",
     "types": ["ASSAULT"], "day": "2019-06-20",
     "trigger": r"shot|shoot|down|destroy|strike|hit|attack",
     "context": r"global hawk|surveillance drone|unmanned|drone over|(shot|shoot|down)\w* (a |an |the )?(u\.?s\.? |american )?(military |navy )?drone"},
    {"name": "US ends cruise and group travel to Cuba over its support for Maduro (4 Jun 2019)",
     "types": ["SANCTION", "COERCE", "THREATEN", "REJECT", "REQUEST", "ACCUSE"], "day": "2019-06-04",
     "trigger": r"ban|end|restrict|prohibit|halt|bar|eliminat|clos|sanction",
     "context": r"cruise|travel|people-to-people|tour"},
    {"name": "Chemical attack on Khan Sheikhoun (4 Apr 2017)",
     "types": ["ASSAULT"], "day": "2017-04-04",
     "trigger": r"attack|kill|gas|strike|bomb|use|drop",
     "context": r"khan sh|idlib|chemical|sarin|nerve|gas"},
    {"name": "US cruise missiles on Shayrat air base (7 Apr 2017)",
     "types": ["ASSAULT"], "day": "2017-04-07",
     "trigger": r"strike|struck|missile|attack|bomb|launch|hit|target|fire",
     "context": r"shayrat|air ?base|airfield|tomahawk|cruise missile|59"},
    {"name": "US, UK, France strikes on Syria (14 Apr 2018)",
     "types": ["ASSAULT"], "day": "2018-04-14",
     "trigger": r"strike|struck|missile|attack|bomb|launch|hit|target|fire",
     "context": r"chemical|research|barzeh|homs|damascus|allied|britain|france|british|french"},
    {"name": "Chemical attack on Douma (7 Apr 2018)",
     "types": ["ASSAULT"], "day": "2018-04-07",
     "trigger": r"attack|kill|gas|strike|bomb|use",
     "context": r"douma|duma|chemical|gas|chlorine"},
]


def _read(store: str):
    con = duckdb.connect(store, read_only=True)
    rows = con.execute("""
        SELECT m.incident_id, k.event_id, k.article_id, k.type, k.pub_date, k.lo, k.precision, k.background,
               k.sentence, k.sentence_start, k.trigger_start, k.trigger_end, k.source_name, k.target_name,
               k.place_name
        FROM incident_keys k JOIN incident_mentions m USING (event_id)""").fetchall()
    con.close()
    cols = ("incident", "event_id", "article_id", "type", "pub_date", "lo", "precision", "background", "sentence",
            "sentence_start", "trigger_start", "trigger_end", "source", "target", "place")
    return [dict(zip(cols, r)) for r in rows]


def _window(m: dict) -> tuple[str, str]:
    """(trigger, its neighbourhood) of a mention, lower case."""
    s, start, a, b = m["sentence"] or "", m["sentence_start"], m["trigger_start"], m["trigger_end"]
    if start is None or a is None:
        return "", ""
    a, b = a - start, (b or a) - start
    return s[a:b].lower(), s[max(0, a - CONTEXT_CHARS):b + CONTEXT_CHARS].lower()


def reports(m: dict, h: dict) -> bool:
    """Whether the mention reports happening h (the reader's shorthand above)."""
    if m["type"] not in h["types"]:
        return False
    day = date.fromisoformat(h["day"])
    if m["pub_date"] is not None and not 0 <= (m["pub_date"] - day).days <= h.get("reported_within", REPORTED_WITHIN):
        return False
    trigger, around = _window(m)
    return bool(re.search(h["trigger"], trigger) and re.search(h["context"], around))


def measure(rows: list[dict], h: dict) -> dict:
    members = defaultdict(list)
    for r in rows:
        members[r["incident"]].append(r)
    mine = [r for r in rows if reports(r, h)]
    incidents = Counter(r["incident"] for r in mine)
    foreign = {i: [r for r in members[i] if not reports(r, h)] for i in incidents}
    return {
        "happening": h["name"], "mentions": len(mine), "articles": len({r["article_id"] for r in mine}),
        "incidents": len(incidents),
        "largest_share": round(max(incidents.values()) / len(mine), 3) if mine else None,
        "multi_article_incidents": sum(len({r["article_id"] for r in members[i]}) > 1 for i in incidents),
        "foreign": sum(len(v) for v in foreign.values()),
        "incidents_with_foreign": sum(bool(v) for v in foreign.values()),
        "per_incident": sorted(([i, n, len(members[i]), len(foreign[i])] for i, n in incidents.items()),
                               key=lambda x: -x[1]),
        "_foreign_rows": [r for v in foreign.values() for r in v],
        "_rows": mine,
    }


def causes(store_path: str, rows: list[dict], h: dict) -> Counter:
    """Why the happening's mentions outside its largest incident are not in it (see the
    module docstring), counted by cause."""
    from sitrep.corpus import incidents as linking
    from sitrep.corpus.store import Store

    mine = [r for r in rows if reports(r, h)]
    if not mine:
        return Counter()
    largest = Counter(r["incident"] for r in mine).most_common(1)[0][0]
    with Store(store_path, read_only=True) as store:
        mentions = {row[0]: linking._mention(row) for row in linking._select(store, "", [])}
    members = sorted((mentions[r["event_id"]] for r in rows if r["incident"] == largest), key=lambda m: m.key)
    cluster = linking.Cluster(seed=members[0])
    for m in members:
        if m.precision in linking.FINE_PRECISIONS:
            cluster.add(m)
    day = date.fromisoformat(h["day"])
    out: Counter = Counter()
    for r in mine:
        if r["incident"] == largest:
            out["in the largest"] += 1
            continue
        out[_refusal(cluster, mentions[r["event_id"]], day)] += 1
    return out


def _refusal(cluster, m, day: date) -> str:
    """The first test of ``Cluster.fit`` that refuses m (``causes``)."""
    if not cluster.members:
        return "largest has no fine-dated member"
    if not cluster._dates_meet(m) and not cluster.may_slip(m):
        if m.precision == "day":
            return "dates: a day off by more than one" if abs((m.lo - day).days) > 1 else "dates: a day near it"
        return f"dates: {m.precision or 'none'}" + (" (background)" if m.background else "")
    if cluster._actors(m) is None:
        return "actors"
    if cluster._place(m) is None:
        return "place"
    if (m.article_id, m.sentence_start) in cluster.sentences and not cluster._one_clause_chain(m):
        return "clause"
    return "text" if cluster.fit(m) is None else "fits (another incident fitted better)"


def _line(r: dict) -> str:
    trigger, _ = _window(r)
    return (f"   {r['incident'][-6:]} {r['type']:<8} {str(r['lo'])[:10]} {r['precision'] or '-':<11}"
            f"{' bg' if r['background'] else '   '} {r['source']} -> {r['target']} @ {r['place']} "
            f"[{trigger}] {(r['sentence'] or '')[:140]!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store")
    ap.add_argument("--happenings", help="JSON list replacing HAPPENINGS")
    ap.add_argument("--show", type=int, default=0, help="print up to N mentions and N foreign members each")
    ap.add_argument("--causes", action="store_true",
                    help="why mentions outside the largest incident are not in it (needs sitrep)")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    happenings = json.load(open(args.happenings)) if args.happenings else HAPPENINGS
    rows = _read(args.store)
    out = []
    for h in happenings:
        res = measure(rows, h)
        print(f"{res['happening']}: {res['mentions']} mentions ({res['articles']} articles) in "
              f"{res['incidents']} incidents (largest {res['largest_share']}), "
              f"{res['foreign']} foreign mentions in {res['incidents_with_foreign']} of them")
        if args.show:
            for r in sorted(res["_rows"], key=lambda r: r["incident"])[:args.show]:
                print(_line(r))
            print("  foreign:")
            for r in res["_foreign_rows"][:args.show]:
                print(_line(r))
        if args.causes:
            res["causes"] = dict(causes(args.store, rows, h))
            print("   causes:", ", ".join(f"{k} {v}" for k, v in sorted(res["causes"].items(), key=lambda x: -x[1])))
        out.append({k: v for k, v in res.items() if not k.startswith("_")})
    total = {k: sum(r[k] for r in out) for k in ("mentions", "incidents", "foreign", "incidents_with_foreign")}
    print(f"TOTAL: {total['mentions']} mentions in {total['incidents']} incidents, "
          f"{total['foreign']} foreign mentions in {total['incidents_with_foreign']} incidents")
    if args.json:
        json.dump({"store": args.store, "happenings": out, "total": total}, open(args.json, "w"), indent=1,
                  default=str)
    return 0


if __name__ == "__main__":
    sys.exit(main())
