"""Measure a store of unseen articles against an analyst's reading (issue 7, "Measured").

    python bench/audit_measure.py density STORE.duckdb SUBSET.jsonl
    python bench/audit_measure.py sample  STORE.duckdb OUT.txt [--n 60] [--seed 9]
    python bench/audit_measure.py recall  STORE.duckdb ANALYST.jsonl
    python bench/audit_measure.py judged  JUDGED.tsv

``density``: events per 100 words (whitespace tokens of the input texts) and the share of
events with an empty source / target, for all events and for non-background ones.
``sample``: a seeded sample of stored events, each printed with its sentence and the two
sentences before it, for a person to judge (type / source / target right?).
``recall``: the share of the analyst's events (article id, character span of a quote that
holds the trigger, type, source and target country, background flag) that the store has in
the same sentence with the right type, and with the right type + source country + target
country (and also with the background flag right). An international organisation coded by the analyst with an IGO code (EU, UN, ...)
counts as a country-less actor, as the store keeps it.
``judged``: totals of a judging file written from ``sample`` (columns: n, background,
type_ok, source_ok, target_ok as 1/0).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

IGO_CODES = {"EU", "UN", "IAEA", "NATO", "OPEC", "OAS", "AU"}


def connect(db: Path):
    import duckdb
    return duckdb.connect(str(db), read_only=True)


def density(db: Path, subset: Path) -> dict:
    """Events per 100 words and empty-role shares over the articles of ``subset``."""
    words = sum(len(json.loads(line)["text"].split()) for line in subset.open(encoding="utf-8") if line.strip())
    con = connect(db)
    rows = con.execute("select background, source_name is null and source_country is null,"
                       " target_name is null and target_country is null from events").fetchall()
    out = {"articles": con.execute("select count(*) from articles").fetchone()[0], "words": words}
    for label, keep in (("all", lambda r: True), ("news", lambda r: not r[0])):
        picked = [r for r in rows if keep(r)]
        n = len(picked) or 1
        out[label] = {"events": len(picked), "per_100_words": round(100 * len(picked) / words, 2),
                      "source_empty": round(sum(r[1] for r in picked) / n, 3),
                      "target_empty": round(sum(r[2] for r in picked) / n, 3)}
    out["background_share"] = round(sum(bool(r[0]) for r in rows) / (len(rows) or 1), 3)
    return out


def sentence_context(con, article_id: str, start: int, before: int = 2) -> str:
    """The text of the ``before`` sentences ahead of the one starting at ``start``."""
    text = con.execute("select text from articles where article_id = ?", [article_id]).fetchone()[0]
    spans = con.execute("select start_char, end_char from sentences where article_id = ? and end_char <= ?"
                        " order by start_char desc limit ?", [article_id, start, before]).fetchall()
    return " ".join(text[s:e] for s, e in reversed(spans))


def sample(db: Path, out: Path, n: int, seed: int) -> None:
    """Write ``n`` seeded events with their context for judging by hand."""
    con = connect(db)
    ids = sorted(r[0] for r in con.execute("select event_id from events").fetchall())
    chosen = random.Random(seed).sample(ids, min(n, len(ids)))
    with out.open("w", encoding="utf-8") as fh:
        for i, event_id in enumerate(chosen, 1):
            row = con.execute(
                "select article_id, type, trigger, source_name, source_country, source_sector, target_name,"
                " target_country, target_sector, background, certainty, date_value, sentence, sentence_start,"
                " mentions from events where event_id = ?", [event_id]).fetchone()
            (art, typ, trig, sn, sc, ss, tn, tc, ts, bg, cert, date, sent, sstart, mentions) = row
            fh.write(f"### {i} {event_id} {art} bg={bg} cert={cert} date={date}\n"
                     f"{typ} trigger={trig!r}  SRC={sn}|{sc}|{ss}  TGT={tn}|{tc}|{ts}  mentions={mentions}\n"
                     f"CONTEXT: {sentence_context(con, art, sstart)}\n"
                     f"SENTENCE: {sent}\n\n")


def country_key(actor: dict | None):
    """The analyst's country code as the store would hold it (IGOs and unknowns: None)."""
    code = (actor or {}).get("country")
    return None if code in IGO_CODES else code


def sentence_span(con, article_id: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentences the analyst's quote lies in."""
    rows = con.execute("select min(start_char), max(end_char) from sentences where article_id = ?"
                       " and end_char > ? and start_char < ?", [article_id, start, end]).fetchone()
    return (rows[0], rows[1]) if rows[0] is not None else (start, end)


def system_events_in(con, article_id: str, lo: int, hi: int) -> list[tuple]:
    """Stored events (type, source country, target country, background) with the trigger or
    any merged mention inside [lo, hi)."""
    found = []
    for typ, sc, tc, bg, ts, te, mentions in con.execute(
            "select type, source_country, target_country, background, trigger_start, trigger_end, mentions"
            " from events where article_id = ?", [article_id]).fetchall():
        spans = [(ts, te)] + [tuple(m) for m in json.loads(mentions or "[]")]
        if any(s is not None and lo <= s < hi for s, _ in spans):
            found.append((typ, sc, tc, bool(bg)))
    return found


def recall(db: Path, analyst: Path) -> dict:
    """Share of the analyst's events found with the right type, and type + dyad."""
    con = connect(db)
    tallies: dict[str, list[int]] = {"all": [0, 0, 0, 0], "news": [0, 0, 0, 0], "background": [0, 0, 0, 0]}
    misses = []
    for line in analyst.open(encoding="utf-8"):
        ev = json.loads(line)
        lo, hi = sentence_span(con, ev["article"], ev["start"], ev["end"])
        found = system_events_in(con, ev["article"], lo, hi)
        typed = [f for f in found if f[0] == ev["type"]]
        dyad = [f for f in typed if f[1] == country_key(ev["source"]) and f[2] == country_key(ev["target"])]
        flagged = [f for f in dyad if f[3] == ev["background"]]
        for key in ("all", "background" if ev["background"] else "news"):
            tallies[key][0] += 1
            tallies[key][1] += bool(typed)
            tallies[key][2] += bool(dyad)
            tallies[key][3] += bool(flagged)
        if not dyad:
            misses.append((ev["event"], ev["type"], country_key(ev["source"]), country_key(ev["target"]), found))
    out = {k: {"n": n, "type_recall": round(t / (n or 1), 3), "type_dyad_recall": round(d / (n or 1), 3),
               "type_dyad_background_recall": round(b / (n or 1), 3)}
           for k, (n, t, d, b) in tallies.items()}
    out["misses"] = misses
    return out


def judged(path: Path) -> dict:
    """Precision figures from a judged sample (rows: n, bg, type_ok, source_ok, target_ok)."""
    rows = [line.split("\t") for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    rows = [(r[1] == "1", *(int(x) for x in r[2:5])) for r in rows]
    out = {}
    for label, keep in (("all", lambda r: True), ("news", lambda r: not r[0]), ("background", lambda r: r[0])):
        picked = [r for r in rows if keep(r)]
        n = len(picked) or 1
        out[label] = {"n": len(picked), "type": round(sum(r[1] for r in picked) / n, 3),
                      "source": round(sum(r[2] for r in picked) / n, 3),
                      "target": round(sum(r[3] for r in picked) / n, 3),
                      "full_dyad": round(sum(r[1] and r[2] and r[3] for r in picked) / n, 3)}
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["density", "sample", "recall", "judged"])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args(argv)
    if args.command == "sample":
        sample(args.paths[0], args.paths[1], args.n, args.seed)
        return 0
    result = {"density": lambda: density(*args.paths), "recall": lambda: recall(*args.paths),
              "judged": lambda: judged(args.paths[0])}[args.command]()
    print(json.dumps(result, indent=1, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
