"""PETRARCH validation sentences (CAMEO) -> events, scored as PLOVER event types.

Gold: ``petrarch-validation/gold.jsonl``, English part only:
  unit   PETR.UnitTest.records.xml: 284 stylized sentences (fictional Tolkien actors),
         19 of them must yield no event; 7 "ERROR" records that test coder failures are
         skipped.
  afp    PETR2_GSR_validation.xml: 78 real AFP sentences, 12 with no event.

CAMEO codes are read as PLOVER types through
``plover-gsr-cameo/upstream/CAMEO2PLOVER-2021.txt``, parsed at evaluation time (longest
matching code prefix: "0341" -> "034", "174K" -> "174"). CAMEO 01x (statements) and 02x
(appeals), and the test-only codes (34x, 80x, 9xx) have no PLOVER entry in that table: a
sentence whose codings are all unmapped is left out of the scores (it has an event, just
not one PLOVER names), a sentence marked no-event is a negative (every predicted type is a
false alarm).

Per sentence: gold set of mapped types vs the distinct types of the sentence's coded
events (``events.coded_events``), as in the plover_gsr scorer. Actor codes are fictional
(unit) or CAMEO actor codes (afp) and are not scored here.
"""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Optional

from sitrep.eval.core import PRF, EvalResult, macro_f1, read_jsonl
from sitrep.model import PLOVER_TYPES

NAME = "petrarch"
STAGE = "events"
DESCRIPTION = "PETRARCH validation: 284 unit-test + 78 AFP sentences, CAMEO codes read as PLOVER types"
ANCHOR = ("no published PLOVER score on this set; codebook-tuned Mistral-7B 0.76 micro F1 on PLOVER types "
          "elsewhere (Halterman & Keith 2025). Test set: never tuned on")

GOLD = Path("petrarch-validation") / "gold.jsonl"
CROSSWALK = Path("plover-gsr-cameo") / "upstream" / "CAMEO2PLOVER-2021.txt"
PARTS = {"PETR.UnitTest.records.xml": "unit", "PETR2_GSR_validation.xml": "afp"}

_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)\s*(?:,\s*([^,#]*))?")


def available(data_dir: Path) -> bool:
    return (Path(data_dir) / GOLD).is_file() and (Path(data_dir) / CROSSWALK).is_file()


def load_crosswalk(data_dir: Path) -> dict[str, tuple[str, Optional[str]]]:
    """CAMEO code -> (PLOVER type, mode or None); the first line for a code wins."""
    table: dict[str, tuple[str, Optional[str]]] = {}
    with open(Path(data_dir) / CROSSWALK, encoding="utf-8") as f:
        for line in f:
            m = _LINE.match(line)
            if not m or m.group(2) not in PLOVER_TYPES:
                continue
            mode = (m.group(3) or "").strip() or None
            table.setdefault(m.group(1), (m.group(2), mode))
    return table


def cameo_to_plover(code: str, table: dict) -> Optional[str]:
    digits = re.match(r"\d+", code or "")
    if not digits:
        return None
    d = digits.group(0)
    for n in range(len(d), 2, -1):
        if d[:n] in table:
            return table[d[:n]][0]
    return None


def load_rows(data_dir: Path, limit: Optional[int] = None) -> list[dict]:
    rows = read_jsonl(Path(data_dir) / GOLD, keep=lambda r: r.get("lang") == "en" and not r.get("expected_errors")
                      and (r.get("text") or "").strip())
    if limit is not None:
        # keep both parts represented under a limit
        unit = [r for r in rows if PARTS.get(r["source_file"]) == "unit"][:limit]
        afp = [r for r in rows if PARTS.get(r["source_file"]) == "afp"][:max(1, limit // 3)]
        rows = unit + afp
    return rows


def evaluate(kb, data_dir: Path, limit: Optional[int] = None, show_errors: int = 0) -> EvalResult:
    from sitrep.eval.sets.plover_gsr import analyse_texts
    from sitrep.stages.events import coded_events

    started = time.perf_counter()
    table = load_crosswalk(data_dir)
    rows = load_rows(data_dir, limit)
    result = EvalResult(set_name=NAME, stage=STAGE, anchor=ANCHOR)
    docs = analyse_texts(kb, [r["text"] for r in rows], [f"petr-{r['id']}" for r in rows])
    scores = {part: {t: PRF() for t in PLOVER_TYPES} for part in ("unit", "afp")}
    negatives = {"unit": [0, 0], "afp": [0, 0]}  # [no-event sentences, with a false alarm]
    skipped = 0
    scored = 0
    for row, doc in zip(rows, docs):
        part = PARTS.get(row["source_file"], "unit")
        gold = {cameo_to_plover(c["cameo"], table) for c in row["codings"]}
        if row.get("no_events"):
            gold = set()
        elif None in gold:
            gold.discard(None)
            if not gold:
                skipped += 1
                continue
        scored += 1
        predicted = {e.type for e in coded_events(doc)}
        if row.get("no_events"):
            negatives[part][0] += 1
            negatives[part][1] += bool(predicted)
        for t in PLOVER_TYPES:
            s = scores[part][t]
            if t in gold and t in predicted:
                s.tp += 1
            elif t in predicted:
                s.fp += 1
            elif t in gold:
                s.fn += 1
        if show_errors and gold != predicted and len(result.errors) < show_errors:
            desc = "; ".join(f"{e.type}[{e.trigger.text}]" for e in coded_events(doc)) or "-"
            result.errors.append(f"{part} {row['id']}: gold {sorted(gold)} predicted {desc} | {row['text']}")
    for part in ("unit", "afp"):
        micro = PRF()
        for s in scores[part].values():
            micro += s
        result.metrics[f"{part}_type_macro_f1"] = round(macro_f1(scores[part]), 4)
        result.metrics[f"{part}_type_micro"] = micro
        n, fa = negatives[part]
        result.metrics[f"{part}_no_event_sentences"] = n
        result.metrics[f"{part}_no_event_false_alarm_rate"] = round(fa / n, 4) if n else None
        for t in PLOVER_TYPES:
            s = scores[part][t]
            if s.tp + s.fp + s.fn:
                result.metrics[f"{part}_type_{t}"] = s
    result.n_items = scored
    result.notes.append(f"{skipped} sentences whose CAMEO codes have no PLOVER entry were left out")
    result.notes.append("event types only: the unit tests' actors are fictional (Tolkien codes)")
    result.seconds = time.perf_counter() - started
    return result
