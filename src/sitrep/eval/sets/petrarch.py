"""PETRARCH validation sentences -> events, scored as PLOVER event types.

Gold: ``petrarch-validation/gold.jsonl``, English part only:
  unit   PETR.UnitTest.records.xml: 284 stylized sentences (fictional Tolkien actors),
         19 of them must yield no event; 7 "ERROR" records that test coder failures are
         skipped. DEV: its errors may be read (``--show-errors`` lists only these).
  afp    PETR2_GSR_validation.xml: 78 real AFP sentences, 12 with no event. TEST: nothing
         in sitrep is tuned on them and their errors are never listed.

Event codes -> PLOVER types, through ``plover-gsr-cameo/upstream/CAMEO2PLOVER-2021.txt``
parsed at evaluation time (longest matching code prefix: "0341" -> "034", "174K" -> "174"):
  afp    the codes are CAMEO. 01x (statements), 02x (appeals) and the test-only codes
         have no PLOVER entry in that table.
  unit   the codes are mostly WEIS, not CAMEO: the validation verb dictionary they were
         coded with (``upstream/dictionaries/PETR.Validate.verbs.txt``) says so, and its
         verbs show it (WELCOME 041 is "discuss by telephone" in CAMEO, RESTORE TIES 064
         "share intelligence", ATTACK 223 no CAMEO code at all). Each unit code is first
         read as the CAMEO code of the same meaning (``knowledge/data/cameo/
         petrarch_unit_codes.tsv``: WEIS meaning, CAMEO where the dictionary's verbs carry
         the CAMEO one, none for statements and codes made up for one mechanics test),
         then typed by the crosswalk. The 2021 crosswalk puts CAMEO 05x (praise,
         recognition, agreements, apologies) under SUPPORT, as the PLOVER 0.5 coding of
         the GSR does; sitrep's lexicon follows the same convention, so it is kept.
A sentence whose codings are all unmapped is left out of the scores (it has an event,
just not one PLOVER names), a sentence marked no-event is a negative (every predicted type
is a false alarm).

Actors of the unit part: the sentences name fictional actors (Arnor, Gondor, Frodo ...)
that sitrep's knowledge base cannot know, and an event with no political actor is dropped,
so without them the unit part measured the actor knowledge base rather than verb patterns.
They are read with the validation actor dictionary
(``upstream/dictionaries/PETR.Validate.actors.txt``, MIT) given as an extra actor file, as
a user would with ``--actors`` (``validation_actor_rows``: its fictional entries only; the
real countries it lists are sitrep's own). Reported next to each other:
  unit_type_macro_f1                 codes read as above, validation actors given
  unit_type_macro_f1_shipped_actors  the same codes, shipped actors only
  unit_type_macro_f1_cameo_reading   validation actors, unit codes read as CAMEO (the
                                     figure this set reported until session 8)

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
DESCRIPTION = ("PETRARCH validation: 284 unit-test sentences (DEV; WEIS/CAMEO codes read by meaning, the "
               "validation actor dictionary given as an actor file) + 78 AFP sentences (TEST; CAMEO codes) "
               "as PLOVER types")
ANCHOR = ("no published PLOVER score on this set; codebook-tuned Mistral-7B 0.76 micro F1 on PLOVER types "
          "elsewhere (Halterman & Keith 2025). Unit part DEV, AFP part TEST: never tuned on")

GOLD = Path("petrarch-validation") / "gold.jsonl"
CROSSWALK = Path("plover-gsr-cameo") / "upstream" / "CAMEO2PLOVER-2021.txt"
PARTS = {"PETR.UnitTest.records.xml": "unit", "PETR2_GSR_validation.xml": "afp"}
VALIDATION_ACTORS = Path("petrarch-validation") / "upstream" / "dictionaries" / "PETR.Validate.actors.txt"
#: the unit codes' CAMEO reading (see the module docstring)
UNIT_CODES = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "cameo" / "petrarch_unit_codes.tsv"

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


def load_unit_codes(path: Path = UNIT_CODES) -> dict[str, Optional[str]]:
    """Unit-test event code -> the CAMEO code of the same meaning, None for no event."""
    from sitrep.knowledge.tables import tsv_records

    table: dict[str, Optional[str]] = {}
    for row in tsv_records(path):
        cameo = row["cameo"].strip()
        table[row["code"].strip()] = None if cameo in ("", "-") else cameo
    return table


def unit_code_to_plover(code: str, unit_codes: dict, table: dict) -> Optional[str]:
    """A unit-test code's PLOVER type: its CAMEO reading through the crosswalk; a code the
    reading table does not list is read as CAMEO."""
    code = (code or "").strip()
    if code in unit_codes:
        return cameo_to_plover(unit_codes[code], table) if unit_codes[code] else None
    return cameo_to_plover(code, table)


_ACTOR_LINE = re.compile(r"^([+]?)([^\s#\[<][^#\[]*?)\s*(?:\[([^\]]*)\])?\s*(?:#.*)?$")
_CODE_LINE = re.compile(r"^\s*\[\s*([A-Za-z~+-]+)")


def validation_actor_rows(path: Path, is_known=lambda name, code: False) -> list[dict[str, str]]:
    """The fictional actors of a TABARI/PETRARCH actor dictionary as sitrep actor rows.

    An entry is a name (words joined by ``_``; a name without a final ``_`` is a stem, as
    "ERIADOR" also covers "Eriadorian"), ``+`` synonyms, and a code in brackets on its line
    or on the next ones (the first code given is taken: the date-restricted ones only test
    date handling). A code of three letters is a state of that code; a longer one an
    organisation of the first three with the rest as its sector. Entries ``is_known``
    accepts (real countries and bodies the dictionary lists under legacy codes: "EGYPT
    [UAR]") and discard codes are left to sitrep's own knowledge base."""
    entries: list[dict] = []
    current: Optional[dict] = None
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith(("<", "#")):
            continue
        code_only = _CODE_LINE.match(line)
        if code_only and current is not None:
            if code_only.group(1).isalpha():  # "[--- <950630]": a discard before a date
                current.setdefault("code", code_only.group(1))
            continue
        m = _ACTOR_LINE.match(line.strip())
        if not m:
            continue
        name = " ".join(m.group(2).replace("_", " ").split())
        if m.group(1) == "+" and current is not None:
            current["aliases"].append(name)
        else:
            current = {"name": name, "aliases": []}
            entries.append(current)
        if m.group(3) and m.group(3).strip()[:3].isalpha():
            current.setdefault("code", m.group(3).strip().split("/")[0])  # "ELR/GAL": the first
    rows = []
    for entry in entries:
        code = (entry.get("code") or "").strip().upper()
        if not code.isalpha() or len(code) < 3 or is_known(entry["name"], code):
            continue
        names = [entry["name"]] + entry["aliases"]
        rows.append({"id": f"petr-validation:{entry['name'].lower().replace(' ', '_')}",
                     "name": entry["name"].title(), "kind": "state" if len(code) == 3 else "org",
                     "sector": code[3:6] if len(code) > 3 else "", "country": code[:3],
                     "aliases": "|".join(n.title() for n in names[1:])})
    return rows


def unit_knowledge(kb, data_dir: Path, workdir: Path):
    """A Knowledge like ``kb`` with the validation actors as an extra actor file (what a
    user does with ``--actors``); the models and tables already loaded are shared."""
    from sitrep.knowledge import Knowledge
    from sitrep.knowledge.actors import COLUMNS, load_cameo_codes

    cameo = load_cameo_codes()

    def is_known(name: str, code: str) -> bool:
        head = code[:3]
        return (cameo.country(code) is not None or head in cameo.igos or head in cameo.types
                or head in cameo.regions or bool(kb.actors.lookup(name)))

    rows = validation_actor_rows(Path(data_dir) / VALIDATION_ACTORS, is_known)
    path = Path(workdir) / "petrarch-validation-actors.tsv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(row.get(c, "") for c in COLUMNS) + "\n")
    unit_kb = Knowledge(tuple(getattr(kb, "user_actor_files", ())) + (str(path),))
    for name in ("nlp", "gazetteer", "event_lexicon", "cues"):
        if name in vars(kb):
            setattr(unit_kb, name, vars(kb)[name])
    return unit_kb


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


def _score(part_rows, docs, read_code, table) -> tuple[dict, list, int]:
    """Per-type PRF of one part, [no-event sentences, with a false alarm], sentences left
    out; ``read_code`` gives a gold code's PLOVER type (None: no PLOVER event)."""
    from sitrep.stages.events import coded_events

    scores = {t: PRF() for t in PLOVER_TYPES}
    negatives = [0, 0]
    skipped = 0
    for row, doc in zip(part_rows, docs):
        gold = _gold_types(row, read_code)
        if gold is None:
            skipped += 1
            continue
        predicted = {e.type for e in coded_events(doc)}
        if row.get("no_events"):
            negatives[0] += 1
            negatives[1] += bool(predicted)
        for t in PLOVER_TYPES:
            s = scores[t]
            if t in gold and t in predicted:
                s.tp += 1
            elif t in predicted:
                s.fp += 1
            elif t in gold:
                s.fn += 1
    return scores, negatives, skipped


def _gold_types(row: dict, read_code) -> Optional[set]:
    """The sentence's gold PLOVER types; None when it is left out (codes, none mapped)."""
    if row.get("no_events"):
        return set()
    gold = {read_code(c["cameo"]) for c in row["codings"]}
    gold.discard(None)
    return gold or None


def _report(result: EvalResult, part: str, scores: dict, negatives: list) -> None:
    micro = PRF()
    for s in scores.values():
        micro += s
    result.metrics[f"{part}_type_macro_f1"] = round(macro_f1(scores), 4)
    result.metrics[f"{part}_type_micro"] = micro
    n, fa = negatives
    result.metrics[f"{part}_no_event_sentences"] = n
    result.metrics[f"{part}_no_event_false_alarm_rate"] = round(fa / n, 4) if n else None
    for t in PLOVER_TYPES:
        s = scores[t]
        if s.tp + s.fp + s.fn:
            result.metrics[f"{part}_type_{t}"] = s


def _analyse(kb, rows: list[dict]) -> list:
    from sitrep.eval.sets.plover_gsr import analyse_texts

    return analyse_texts(kb, [r["text"] for r in rows], [f"petr-{r['id']}" for r in rows],
                         published=[_iso_date(r.get("date")) for r in rows])


def evaluate(kb, data_dir: Path, limit: Optional[int] = None, show_errors: int = 0) -> EvalResult:
    import tempfile

    from sitrep.stages.events import coded_events

    started = time.perf_counter()
    table = load_crosswalk(data_dir)
    unit_codes = load_unit_codes()
    rows = load_rows(data_dir, limit)
    result = EvalResult(set_name=NAME, stage=STAGE, anchor=ANCHOR)
    unit = [r for r in rows if PARTS.get(r["source_file"], "unit") == "unit"]
    afp = [r for r in rows if PARTS.get(r["source_file"], "unit") == "afp"]

    def unit_reading(code):
        return unit_code_to_plover(code, unit_codes, table)

    def cameo_reading(code):
        return cameo_to_plover(code, table)

    with tempfile.TemporaryDirectory(prefix="sitrep-petrarch-") as workdir:
        unit_docs = _analyse(unit_knowledge(kb, data_dir, Path(workdir)), unit) if unit else []
    unit_docs_shipped = _analyse(kb, unit) if unit else []
    afp_docs = _analyse(kb, afp) if afp else []

    scores, negatives, skipped_unit = _score(unit, unit_docs, unit_reading, table)
    _report(result, "unit", scores, negatives)
    shipped, _, _ = _score(unit, unit_docs_shipped, unit_reading, table)
    result.metrics["unit_type_macro_f1_shipped_actors"] = round(macro_f1(shipped), 4)
    shipped_micro = PRF()
    for s in shipped.values():
        shipped_micro += s
    result.metrics["unit_type_micro_shipped_actors"] = shipped_micro
    cameo, _, _ = _score(unit, unit_docs, cameo_reading, table)
    result.metrics["unit_type_macro_f1_cameo_reading"] = round(macro_f1(cameo), 4)
    scores, negatives, skipped_afp = _score(afp, afp_docs, cameo_reading, table)
    _report(result, "afp", scores, negatives)

    countries = ActorCountries()
    for row, doc in zip(afp, afp_docs):
        if _gold_types(row, cameo_reading) is not None:
            countries.add(row, doc, coded_events(doc), table)
    countries.report(result)

    if show_errors:  # the unit part only: the AFP sentences are a test set, never read
        for row, doc in zip(unit, unit_docs):
            gold = _gold_types(row, unit_reading)
            predicted = {e.type for e in coded_events(doc)}
            if gold is None or gold == predicted or len(result.errors) >= show_errors:
                continue
            desc = "; ".join(f"{e.type}[{e.trigger.text}]" for e in coded_events(doc)) or "-"
            result.errors.append(f"unit {row['id']}: gold {sorted(gold)} predicted {desc} | {row['text']}")
    result.n_items = len(unit) + len(afp) - skipped_unit - skipped_afp
    result.notes.append(f"{skipped_unit} unit and {skipped_afp} AFP sentences whose codes have no PLOVER "
                        "type were left out")
    result.notes.append("unit part: codes read as WEIS/CAMEO by petrarch_unit_codes.tsv, the validation actor "
                        "dictionary given as an extra actor file (docstring)")
    result.notes.append("unit_type_macro_f1 changed meaning in session 8 (read through a hand-made table of "
                        "the unit codes): not comparable with earlier figures; "
                        "unit_type_macro_f1_cameo_reading keeps the earlier reading for comparison")
    result.seconds = time.perf_counter() - started
    return result
