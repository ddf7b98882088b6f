"""Measure a store of unseen articles against an analyst's reading (issue 7, "Measured").

    python bench/audit_measure.py density STORE.duckdb SUBSET.jsonl
    python bench/audit_measure.py sample  STORE.duckdb OUT.txt [--n 60] [--seed 9]
    python bench/audit_measure.py recall  STORE.duckdb ANALYST.jsonl
    python bench/audit_measure.py judged  JUDGED.tsv
    python bench/audit_measure.py pair    BEFORE.duckdb AFTER.duckdb [--n 60] [--seed 9]
    python bench/audit_measure.py recall-change BEFORE_RECALL.json AFTER_RECALL.json

``density``: events per 100 words (whitespace tokens of the input texts) and the share of
events with an empty source / target, for all events and for non-background ones.
``sample``: a seeded sample of stored events, each printed with its sentence and the two
sentences before it, for a person to judge (type / source / target right?).
``recall``: the share of the analyst's events (article id, character span of a quote that
holds the trigger, type, source and target country, background flag) that the store has in
the same sentence with the right type, and with the right type + source country + target
country (and also with the background flag right), overall and by type. An international organisation coded by the analyst with an IGO code (EU, UN, ...)
counts as a country-less actor, as the store keeps it.
``judged``: totals of a judging file written from ``sample`` (columns: n, background,
type_ok, source_ok, target_ok as 1/0; optional bg_ok, and real = 1 when the stored event
is a real event at all, whatever its type), with 95% Wilson intervals.
``pair``: draws the same seeded sample as ``sample`` from BEFORE and tells, for each
event, whether AFTER has it unchanged (same trigger, type, roles, background flag),
changed (an event at the same trigger span, or of the same type in the same sentence,
that differs) or gone, so the judgements of BEFORE's sample carry over to the unchanged ones.
``recall-change``: which analyst events two ``recall`` runs (before / after) found at which
level (missed, type, type + dyad), for a paired comparison.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
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


def sampled_ids(con, n: int, seed: int) -> list[str]:
    """The seeded sample of event ids (sorted ids, ``random.Random(seed).sample``)."""
    ids = sorted(r[0] for r in con.execute("select event_id from events").fetchall())
    return random.Random(seed).sample(ids, min(n, len(ids)))


def sample(db: Path, out: Path, n: int, seed: int) -> None:
    """Write ``n`` seeded events with their context for judging by hand."""
    con = connect(db)
    chosen = sampled_ids(con, n, seed)
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
    misses, outcome = [], {}
    by_type: dict[str, Counter] = {}
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
        by_type.setdefault(ev["type"], Counter()).update(n=1, type=int(bool(typed)), dyad=int(bool(dyad)))
        outcome[ev["event"]] = "dyad" if dyad else "type" if typed else "missed"
        if not dyad:
            misses.append((ev["event"], ev["type"], country_key(ev["source"]), country_key(ev["target"]), found))
    out = {k: {"n": n, "type_recall": round(t / (n or 1), 3), "type_dyad_recall": round(d / (n or 1), 3),
               "type_dyad_background_recall": round(b / (n or 1), 3),
               "ci95": {"type_recall": wilson(t, n), "type_dyad_recall": wilson(d, n)}}
           for k, (n, t, d, b) in tallies.items()}
    out["by_type"] = {t: dict(c) for t, c in sorted(by_type.items(), key=lambda kv: -kv[1]["n"])}
    out["misses"] = misses
    out["outcome"] = outcome
    return out


def recall_change(before: Path, after: Path) -> dict:
    """Paired recall: the analyst events each of two ``recall`` outputs found (same coding)."""
    old, new = (json.loads(p.read_text())["outcome"] for p in (before, after))
    rank = {"missed": 0, "type": 1, "dyad": 2}
    moves = Counter(f"{old[e]}->{new[e]}" for e in old if old[e] != new.get(e))
    return {"same": sum(old[e] == new.get(e) for e in old), "moves": dict(moves),
            "gained": sum(rank[new[e]] > rank[old[e]] for e in old if e in new),
            "lost": sum(rank[new[e]] < rank[old[e]] for e in old if e in new)}


def wilson(hits: int, n: int, z: float = 1.96) -> list[float]:
    """95% Wilson score interval of a proportion (sound at small n and near 0 or 1)."""
    if not n:
        return [0.0, 0.0]
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return [round(centre - half, 3), round(centre + half, 3)]


def judged_rows(path: Path) -> list[dict]:
    """Rows of a judging file: n, sys_bg, type_ok, src_ok, tgt_ok[, bg_ok[, real]][, note]."""
    rows = []
    for line in path.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        flags = [c for c in cells[1:8] if c in ("0", "1")]
        row = dict(zip(("bg", "type", "source", "target", "bg_ok", "real"), (c == "1" for c in flags)))
        row["n"] = cells[0]
        rows.append(row)
    return rows


def judged(path: Path) -> dict:
    """Precision figures, with 95% intervals, from a judged sample."""
    rows = judged_rows(path)
    out = {}
    for label, keep in (("all", lambda r: True), ("news", lambda r: not r["bg"]), ("background", lambda r: r["bg"])):
        picked = [r for r in rows if keep(r)]
        n = len(picked)
        counts = {"type": sum(r["type"] for r in picked), "source": sum(r["source"] for r in picked),
                  "target": sum(r["target"] for r in picked),
                  "full_dyad": sum(r["type"] and r["source"] and r["target"] for r in picked)}
        if all("bg_ok" in r for r in picked):
            counts["type_and_bg"] = sum(r["type"] and r["bg_ok"] for r in picked)
            counts["full_dyad_and_bg"] = sum(r["type"] and r["source"] and r["target"] and r["bg_ok"]
                                             for r in picked)
        if all("real" in r for r in picked):
            counts["not_an_event"] = sum(not r["real"] for r in picked)
        out[label] = {"n": n, **{k: round(v / (n or 1), 3) for k, v in counts.items()},
                      "ci95": {k: wilson(counts[k], n) for k in ("type", "full_dyad")}}
        real = [r for r in picked if r.get("real")]
        if real and all("bg_ok" in r for r in real):
            # a share of the real events only: a non-event has no right background flag
            out[label]["real_with_wrong_bg"] = f"{sum(not r['bg_ok'] for r in real)}/{len(real)}"
    return out


def pair(before: Path, after: Path, n: int, seed: int) -> dict:
    """Follow ``sample``'s events of BEFORE into AFTER: unchanged, changed or gone."""
    cols = ("article_id, trigger_start, trigger_end, type, source_name, source_country,"
            " target_name, target_country, background, sentence_start")
    con_b, con_a = connect(before), connect(after)
    status, rows = Counter(), []
    for i, event_id in enumerate(sampled_ids(con_b, n, seed), 1):
        old = con_b.execute(f"select {cols} from events where event_id = ?", [event_id]).fetchone()
        same_span = con_a.execute(f"select {cols} from events where article_id = ? and trigger_start = ?"
                                  " and trigger_end = ?", [old[0], old[1], old[2]]).fetchall()
        same_sentence = con_a.execute(f"select {cols} from events where article_id = ? and sentence_start = ?"
                                      " and type = ?", [old[0], old[9], old[3]]).fetchall()
        if tuple(old) in [tuple(r) for r in same_span]:
            verdict, new = "unchanged", old
        elif same_span or same_sentence:
            verdict, new = "changed", (same_span or same_sentence)[0]
        else:
            verdict, new = "gone", None
        status[verdict] += 1
        rows.append({"n": i, "event": event_id, "status": verdict, "before": list(old[3:9]),
                     "after": list(new[3:9]) if new else None})
    return {"counts": dict(status), "events": rows}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["density", "sample", "recall", "judged", "pair", "recall-change"])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=9)
    args = ap.parse_args(argv)
    if args.command == "sample":
        sample(args.paths[0], args.paths[1], args.n, args.seed)
        return 0
    result = {"density": lambda: density(*args.paths), "recall": lambda: recall(*args.paths),
              "judged": lambda: judged(args.paths[0]),
              "pair": lambda: pair(args.paths[0], args.paths[1], args.n, args.seed),
              "recall-change": lambda: recall_change(args.paths[0], args.paths[1])}[args.command]()
    print(json.dumps(result, indent=1, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
