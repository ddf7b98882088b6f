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
events (``events.coded_events``), as in the plover_gsr scorer. Each sentence is analysed
with its gold date as the publication date (offices are resolved on that day).

Actor countries, AFP part only (the unit tests' actors are fictional): a CAMEO actor code
names a country by its first three letters when they are an ISO alpha-3 code or a CAMEO
country code (``knowledge/data/actors/cameo.tsv``); IGO/NGO/region codes name none.
  afp_source_country_acc / afp_target_country_acc  over the gold codings whose type is
                 among the sentence's predicted types and whose source (target) names a
                 country: right when some predicted event of that type has a source
                 (target) of that country (as plover_gsr scores it)
  afp_actor_country_recall  over every country the gold source and target codes name:
                 the share for which the actors stage found a (non-locative) actor of that
                 country in the sentence, whatever the events made of it
The AFP sentences are a test set: nothing in sitrep is tuned on them.
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


def _iso_date(value: Optional[str]) -> Optional[str]:
    """'20080804' -> '2008-08-04' (the gold's date format); None when it is not one."""
    value = (value or "").strip()
    if len(value) == 8 and value.isdigit():
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


class ActorCountries:
    """Source/target country scores of the AFP sentences (see the module docstring)."""

    def __init__(self):
        from sitrep.knowledge.actors import load_cameo_codes
        self.cameo = load_cameo_codes()
        self.src = [0, 0]  # [right, scored]
        self.tgt = [0, 0]
        self.found = [0, 0]

    def add(self, row: dict, doc, coded: list, table: dict) -> None:
        present = {a.country for a in doc.actors if a.country and not a.locative}
        for coding in row["codings"]:
            src, tgt = self.cameo.country(coding.get("source", "")), self.cameo.country(coding.get("target", ""))
            for country in (src, tgt):
                if country:
                    self.found[1] += 1
                    self.found[0] += country in present
            kind = cameo_to_plover(coding.get("cameo", ""), table)
            events = [e for e in coded if e.type == kind] if kind else []
            if not events:
                continue
            for country, tally, side in ((src, self.src, "source"), (tgt, self.tgt, "target")):
                if country:
                    tally[1] += 1
                    tally[0] += any(getattr(e, side) is not None and getattr(e, side).country == country
                                    for e in events)

    def report(self, result: EvalResult) -> None:
        for name, (right, total) in (("afp_source_country_acc", self.src), ("afp_target_country_acc", self.tgt),
                                     ("afp_actor_country_recall", self.found)):
            result.metrics[name] = round(right / total, 4) if total else None
        result.metrics["afp_country_scored_source"] = self.src[1]
        result.metrics["afp_country_scored_target"] = self.tgt[1]
        result.metrics["afp_country_codes"] = self.found[1]


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
    docs = analyse_texts(kb, [r["text"] for r in rows], [f"petr-{r['id']}" for r in rows],
                         published=[_iso_date(r.get("date")) for r in rows])
    countries = ActorCountries()
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
        if part == "afp":
            countries.add(row, doc, coded_events(doc), table)
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
    countries.report(result)
    result.n_items = scored
    result.notes.append(f"{skipped} sentences whose CAMEO codes have no PLOVER entry were left out")
    result.notes.append("event types only: the unit tests' actors are fictional (Tolkien codes)")
    result.seconds = time.perf_counter() - started
    return result
