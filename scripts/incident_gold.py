"""Annotation helper for the incident gold on real news (format: src/sitrep/eval/gold/incidents-real/README.md).

    python scripts/incident_gold.py show ARTICLE_ID               # the article, sentences numbered with offsets
    python scripts/incident_gold.py candidates                    # FA-KES rows of several outlets sharing a date and place
    python scripts/incident_gold.py convert WORK.jsonl OUT.jsonl  # quoted working file -> offsets-only gold

The annotator keeps a working file (never committed) that quotes short pieces of the
articles; ``convert`` locates each quote in ../shared/data, widens it to its sentence,
places the trigger inside it, and writes the committed gold: article ids, character
offsets into the article's ``text`` field and labels only. It refuses what it cannot place
exactly (a quote that is missing or occurs twice), with the line number.
"""
from __future__ import annotations

import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

CORPORA = {"allsides-": ("allsides-intl", "articles.jsonl"), "fakes-": ("fa-kes-syria", "articles.jsonl")}
PLOVER_TYPES = {"AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
                "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"}
SPLITS = {"dev", "dev2", "test"}
ISO3 = re.compile(r"^[A-Z]{3}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: a full stop after these is not a sentence end ("U.S. forces", "Mr. Maduro")
ABBREVIATIONS = frozenset("mr mrs ms dr gen col lt sgt st jr sen rep gov no vs maj capt adm cmdr".split())
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n+")


def data_dir() -> Path:
    env = os.environ.get("SITREP_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"


def load_articles(ids: set[str] | None = None) -> dict[str, dict]:
    """Article records of both corpora by id (all of them when ids is None)."""
    out: dict[str, dict] = {}
    for prefix, (folder, name) in CORPORA.items():
        if ids is not None and not any(i.startswith(prefix) for i in ids):
            continue
        with open(data_dir() / folder / name, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if ids is None or rec["id"] in ids:
                    out[rec["id"]] = rec
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences as (start, end): a boundary is end punctuation before a capital, or a line
    break; not after a single capital ("U.S.") or a title ("Mr.")."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        before = text[max(start, m.start() - 5):m.start()]
        word = re.search(r"(\w+)$", before)
        if m.group(0)[0] == "." and word and (len(word.group(1)) == 1 or word.group(1).lower() in ABBREVIATIONS):
            continue
        end = m.start() + len(m.group(0).rstrip())
        if text[start:end].strip():
            spans.append(_strip(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Refused(ValueError):
    pass


def _find_unique(text: str, needle: str, occurrence: int | None, where: str) -> int:
    hits = [m.start() for m in re.finditer(re.escape(needle), text)]
    if not hits:
        raise Refused(f"{where}: {needle!r} not found in the article")
    if occurrence is not None:
        if not 1 <= occurrence <= len(hits):
            raise Refused(f"{where}: occurrence {occurrence} of {needle!r}, only {len(hits)}")
        return hits[occurrence - 1]
    if len(hits) > 1:
        raise Refused(f"{where}: {needle!r} occurs {len(hits)} times; lengthen it or add occurrence")
    return hits[0]


def place_mention(text: str, quote: str, trigger: str, occurrence: int | None, where: str) -> dict:
    """Sentence and trigger spans of a quoted mention."""
    q_start = _find_unique(text, quote, occurrence, where)
    m = re.search(r"(?<!\w)" + re.escape(trigger) + r"(?!\w)", text[q_start:q_start + len(quote)])
    if m is None:
        raise Refused(f"{where}: trigger {trigger!r} is not a word of quote {quote!r}")
    t_start = q_start + m.start()
    sentence = next(((s, e) for s, e in sentence_spans(text) if s <= t_start < e), None)
    if sentence is None:
        raise Refused(f"{where}: no sentence around {quote!r}")
    return {"sentence": list(sentence), "trigger": [t_start, t_start + len(trigger)]}


def convert(work: Path, out: Path) -> int:
    records = []
    with open(work, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip() and not line.lstrip().startswith("//"):
                records.append((n, json.loads(line)))
    articles = load_articles({r["article"] for _, r in records if "article" in r})
    incidents = {r["incident"]: r for _, r in records if r.get("kind") == "incident"}
    converted, problems = [], []
    for n, rec in records:
        where = f"{work.name}:{n}"
        try:
            converted.extend(_convert_one(rec, articles, incidents, where))
        except (Refused, KeyError) as exc:
            problems.append(str(exc) if isinstance(exc, Refused) else f"{where}: missing field {exc}")
    problems += _check_incidents(converted)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    _add_versions(converted, articles)
    with open(out, "w", encoding="utf-8") as f:
        for rec in converted:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    kinds = defaultdict(int)
    for r in converted:
        kinds[r["kind"]] += 1
    print(f"wrote {dict(kinds)} to {out}")
    return 0


def _convert_one(rec: dict, articles: dict, incidents: dict, where: str) -> list[dict]:
    kind = rec.get("kind")
    if kind == "incident":
        if rec.get("split") not in SPLITS:
            raise Refused(f"{where}: split must be one of {sorted(SPLITS)}")
        if rec.get("type") not in PLOVER_TYPES:
            raise Refused(f"{where}: type {rec.get('type')!r} is not a PLOVER type")
        for key in ("source", "target"):
            if rec.get(key) is not None and not ISO3.match(rec[key]):
                raise Refused(f"{where}: {key} {rec[key]!r} is not ISO alpha-3")
        if not DAY.match(rec.get("date") or ""):
            raise Refused(f"{where}: date must be YYYY-MM-DD")
        keep = ("kind", "incident", "split", "type", "source", "target", "date", "place", "note")
        return [{k: rec.get(k) for k in keep}]
    if kind == "confuser":
        for key in ("a", "b"):
            if rec.get(key) not in incidents:
                raise Refused(f"{where}: confuser names unknown incident {rec.get(key)!r}")
        return [{"kind": "confuser", "a": rec["a"], "b": rec["b"], "why": rec["why"]}]
    if kind == "article":
        if rec["article"] not in articles:
            raise Refused(f"{where}: unknown article {rec['article']}")
        if rec.get("split") not in SPLITS:
            raise Refused(f"{where}: split must be one of {sorted(SPLITS)}")
        return [{"kind": "article", "article": rec["article"], "split": rec["split"]}]
    if kind in ("mention", "denial"):
        if rec["incident"] not in incidents:
            raise Refused(f"{where}: unknown incident {rec['incident']!r}")
        art = articles.get(rec["article"])
        if art is None:
            raise Refused(f"{where}: unknown article {rec['article']}")
        placed = place_mention(art["text"], rec["quote"], rec["trigger"], rec.get("occurrence"), where)
        out = {"kind": kind, "incident": rec["incident"], "article": rec["article"],
               "outlet": art.get("source"), **placed}
        if art.get("label") is not None:
            out["fakes_label"] = int(art["label"])
        return [out]
    raise Refused(f"{where}: kind must be incident, mention, denial, confuser or article")


def _check_incidents(rows: list[dict]) -> list[str]:
    """Every incident has a mention; every mention's article is listed in the incident's split."""
    problems = []
    split_of = {r["incident"]: r["split"] for r in rows if r["kind"] == "incident"}
    listed = {r["article"]: r["split"] for r in rows if r["kind"] == "article"}
    mentioned = {r["incident"] for r in rows if r["kind"] == "mention"}
    for inc in split_of:
        if inc not in mentioned:
            problems.append(f"incident {inc} has no mention")
    for r in rows:
        if r["kind"] in ("mention", "denial") and listed.get(r["article"]) != split_of[r["incident"]]:
            problems.append(f"{r['article']} ({r['incident']}) is not listed as an article of split "
                            f"{split_of[r['incident']]}")
    seen = set()
    for r in rows:
        if r["kind"] == "mention":
            key = (r["incident"], r["article"])
            if key in seen:
                problems.append(f"two mentions of {r['incident']} in {r['article']}: keep the main report")
            seen.add(key)
    return problems


def _add_versions(rows: list[dict], articles: dict) -> None:
    """Per incident: its reporting outlets and, on FA-KES, which outlets' reports are
    labelled credible or fake against the casualty database (contested when both)."""
    by_incident: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r["kind"] == "mention":
            by_incident[r["incident"]].append(r)
    for r in rows:
        if r["kind"] != "incident":
            continue
        ms = by_incident[r["incident"]]
        r["outlets"] = sorted({m["outlet"] for m in ms if m.get("outlet")})
        labelled = [m for m in ms if "fakes_label" in m]
        if labelled:
            # by article: one outlet may carry a credible and a fake report of one incident
            r["versions"] = {
                "credible": sorted(m["article"] for m in labelled if m["fakes_label"] == 1),
                "fake": sorted(m["article"] for m in labelled if m["fakes_label"] == 0),
            }
            r["contested"] = bool(r["versions"]["credible"] and r["versions"]["fake"])
        r["denials"] = sorted({d["article"] for d in rows
                               if d["kind"] == "denial" and d["incident"] == r["incident"]})


def show(article_id: str) -> None:
    rec = load_articles({article_id}).get(article_id)
    if rec is None:
        sys.exit(f"no article {article_id}")
    print(f"# {rec['id']}  published={rec.get('published')}  source={rec.get('source')}")
    print(f"# title: {rec.get('title')}")
    for n, (s, e) in enumerate(sentence_spans(rec["text"]), 1):
        print(f"[s{n} @{s}-{e}] {rec['text'][s:e]}")


def candidates() -> None:
    """FA-KES rows from two or more outlets sharing the crowd-extracted event date and place."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for rec in _all_fakes():
        groups[(rec.get("event_date"), rec.get("location"))].append(rec)
    for (day, place), recs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        outlets = {r["source_code"] for r in recs}
        if len(outlets) >= 2:
            print(day, place, " ".join(f"{r['id']}:{r['source_code']}:{r['label']}" for r in recs))


def _all_fakes() -> list[dict]:
    folder, name = CORPORA["fakes-"]
    with open(data_dir() / folder / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "show":
        show(argv[1])
        return 0
    if len(argv) == 1 and argv[0] == "candidates":
        candidates()
        return 0
    if len(argv) == 3 and argv[0] == "convert":
        return convert(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
