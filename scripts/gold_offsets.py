"""Annotation helper for the allsides-dev event gold (guidelines: docs/annotation.md).

    python scripts/gold_offsets.py show ARTICLE_ID            # the article, paragraphs numbered with offsets
    python scripts/gold_offsets.py convert WORK.jsonl OUT.jsonl  # quoted working file -> offsets-only gold

Annotators write a working file that quotes short pieces of the article; ``convert``
locates every quote, trigger, actor and date phrase in the article text and writes the
committed gold, which holds only article ids, character offsets and labels (the texts
stay in ../shared/data). It refuses what it cannot place exactly, with the line number.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

PLOVER_TYPES = {"AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
                "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT",
                "THREATEN"}
CERTAINTY = {"asserted", "reported", "claimed", "alleged", "denied", "hypothetical",
             "threatened", "negated"}
SECTORS = {"GOV", "MIL", "REB", "OPP", "JUD", "COP", "IGO", "NGO", "MED", "BUS", "CIV", "CRM",
           None}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")


def data_dir() -> Path:
    env = os.environ.get("SITREP_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "shared" / "data"


def load_texts(ids: set[str] | None = None) -> dict[str, dict]:
    out = {}
    with open(data_dir() / "allsides-intl" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if ids is None or rec["id"] in ids:
                out[rec["id"]] = rec
    return out


def show(article_id: str) -> None:
    rec = load_texts({article_id}).get(article_id)
    if rec is None:
        sys.exit(f"no article {article_id}")
    print(f"# {rec['id']}  published={rec.get('published')}  source={rec.get('source')}")
    print(f"# title: {rec.get('title')}")
    text = rec["text"]
    for n, m in enumerate(re.finditer(r"[^\n]+", text), 1):
        print(f"[p{n} @{m.start()}-{m.end()}] {m.group(0)}")


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


def _word_in(text: str, word: str, start: int, end: int) -> int | None:
    m = re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text[start:end])
    if m is None:
        m = re.search(re.escape(word), text[start:end])
    return start + m.start() if m else None


def _sentence_bounds(text: str, offset: int) -> tuple[int, int]:
    """A rough sentence around offset: enough to prefer an actor phrase near the trigger."""
    left = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset))
    right_candidates = [i for i in (text.find(". ", offset), text.find("\n", offset)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return left + 1, right + 1


def _nearest(text: str, phrase: str, anchor: int, where: str) -> list[int]:
    # whole words first: "Iran" must not land inside "Iranian airspace"
    hits = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text)]
    hits = hits or [m.start() for m in re.finditer(re.escape(phrase), text)]
    if not hits:
        raise Refused(f"{where}: {phrase!r} not found in the article")
    s_start, s_end = _sentence_bounds(text, anchor)
    inside = [h for h in hits if s_start <= h < s_end]
    pool = inside or [h for h in hits if h <= anchor] or hits
    best = min(pool, key=lambda h: abs(h - anchor))
    return [best, best + len(phrase)]


def _actor(text: str, actor: dict | None, anchor: int, where: str) -> dict | None:
    if actor is None:
        return None
    if not isinstance(actor, dict):
        raise Refused(f"{where}: actor must be an object or null")
    country = actor.get("country")
    if country is not None and not ISO3_RE.match(country):
        raise Refused(f"{where}: country {country!r} is not ISO alpha-3")
    if actor.get("sector") not in SECTORS:
        raise Refused(f"{where}: sector {actor.get('sector')!r} not in {sorted(s for s in SECTORS if s)}")
    if not actor.get("name"):
        raise Refused(f"{where}: actor needs a name")
    span = None
    if actor.get("text"):
        span = _nearest(text, actor["text"], anchor, where)
    out = {"span": span, "name": actor["name"], "country": country, "sector": actor.get("sector")}
    if actor.get("igo"):
        out["igo"] = actor["igo"]
    return out


def convert_event(rec: dict, text: str, where: str) -> dict:
    if rec.get("type") not in PLOVER_TYPES:
        raise Refused(f"{where}: type {rec.get('type')!r} is not a PLOVER type")
    if rec.get("certainty") not in CERTAINTY:
        raise Refused(f"{where}: certainty {rec.get('certainty')!r}")
    if not isinstance(rec.get("background"), bool):
        raise Refused(f"{where}: background must be true or false")
    date = rec.get("date")
    if date is not None and not DATE_RE.match(date):
        raise Refused(f"{where}: date {date!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www")
    mentions = []
    for i, m in enumerate(rec.get("mentions") or []):
        at = f"{where} mention {i + 1}"
        q_start = _find_unique(text, m["quote"], m.get("occurrence"), at)
        t_start = _word_in(text, m["trigger"], q_start, q_start + len(m["quote"]))
        if t_start is None:
            raise Refused(f"{at}: trigger {m['trigger']!r} not inside quote {m['quote']!r}")
        mentions.append([t_start, t_start + len(m["trigger"])])
    if not mentions:
        raise Refused(f"{where}: an event needs at least one mention")
    anchor = mentions[0][0]
    out = {
        "kind": "event", "article": rec["article"], "event": rec["event"], "type": rec["type"],
        "mentions": mentions,
        "source": _actor(text, rec.get("source"), anchor, f"{where} source"),
        "target": _actor(text, rec.get("target"), anchor, f"{where} target"),
        "certainty": rec["certainty"],
        "attributed_to": _actor(text, rec.get("attributed_to"), anchor, f"{where} attributed_to"),
        "hedges": list(rec.get("hedges") or []),
        "date": date,
        "date_span": _nearest(text, rec["date_text"], anchor, f"{where} date_text")
        if rec.get("date_text") else None,
        "background": rec["background"],
    }
    if rec.get("denied_by"):
        out["denied_by"] = rec["denied_by"]
    return out


def convert(work: Path, out: Path) -> int:
    records = []
    with open(work, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                records.append((n, json.loads(line)))
    texts = load_texts({r["article"] for _, r in records})
    converted, problems, seen = [], [], set()
    for n, rec in records:
        where = f"{work.name}:{n}"
        try:
            if rec["article"] not in texts:
                raise Refused(f"{where}: unknown article {rec['article']}")
            if rec.get("kind") == "article":
                converted.append({k: rec.get(k) for k in
                                  ("kind", "article", "published", "published_inferred", "annotator")})
                continue
            key = (rec["article"], rec["event"])
            if key in seen:
                raise Refused(f"{where}: event id {rec['event']} repeated in {rec['article']}")
            seen.add(key)
            converted.append(convert_event(rec, texts[rec["article"]]["text"], where))
        except (Refused, KeyError) as exc:
            problems.append(str(exc) if isinstance(exc, Refused) else f"{where}: missing field {exc}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    with open(out, "w", encoding="utf-8") as f:
        for rec in converted:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    events = sum(1 for r in converted if r["kind"] == "event")
    print(f"wrote {events} events for {len({r['article'] for r in converted})} articles to {out}")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "show":
        show(argv[1])
        return 0
    if len(argv) == 3 and argv[0] == "convert":
        return convert(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
