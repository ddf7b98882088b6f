"""MUC-3/MUC-4 Latin American conflict reports -> events (ASSAULT detection) and certainty.

Gold: ``muc4-latam-conflict/articles.jsonl`` + ``gold-templates.jsonl`` (NIST MUC-4).
Texts are FBIS wire/radio items of 1988-90; templates describe "terrorist" and state
violence incidents.

Which texts (default): all 100 TST4 items, the only ones in their original mixed case
(57 with an incident, 43 without), reported as ``tst4_*``; plus the first 100 DEV items
(ALL UPPER CASE, 700/1,300 with incidents in the full DEV set) as ``upper_*`` to show
what upper-case input costs. ``limit`` caps each part. Every text without a relevant
template is a negative: any predicted ASSAULT there is a false alarm.

Incident type -> PLOVER: ATTACK, BOMBING, ARSON -> ASSAULT; KIDNAPPING -> ASSAULT (mode
abduct); ROBBERY -> COERCE (seize); FORCED WORK STOPPAGE -> COERCE. A template whose
stage of execution is THREATENED is a threat, not an assault.

Detection (document level): gold positive = the text has a relevant ASSAULT template that
was accomplished or attempted; predicted positive = the text has an ASSAULT event whose
certainty is not negated / hypothetical / threatened (alleged, claimed, denied and
reported ones count: they report that an attack happened). P/R/F1 over texts.

Certainty (PERP: ORGANIZATION CONFIDENCE -> expected statuses):
  REPORTED AS FACT -> asserted or reported;  CLAIMED OR ADMITTED -> claimed;
  SUSPECTED OR ACCUSED (BY AUTHORITIES) -> alleged;  POSSIBLE -> hypothetical or alleged.
For each gold template with a confidence in a detected text, the predicted ASSAULT event
whose source names the perpetrator organisation (a word of the gold name or acronym in the
source text) is compared, else the first ASSAULT event whose sentence names it. ``certainty_acc`` =
share of those whose status is among the expected ones; ``certainty_acc_lenient`` also
accepts "claimed" for SUSPECTED OR ACCUSED (an authority saying who did it is a claim in
sitrep's terms, an accusation in MUC's). Templates whose perpetrator is not
found as a source are counted in ``certainty_unmatched``.

Caveat: MUC relevance excludes attacks on military targets and events outside the nine
countries, so army-guerrilla combat reports are negatives here although they are ASSAULT
events in PLOVER; precision against MUC understates precision against PLOVER.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path
from typing import Optional

from sitrep.eval.core import PRF, EvalResult, read_jsonl

NAME = "muc4"
STAGE = "events"
STAGES = ("events", "certainty")
DESCRIPTION = "MUC-4 Latin-American conflict news: ASSAULT detection per text, perpetrator confidence as certainty"
ANCHOR = "no published PLOVER figure; MUC-4 systems (1992) reached ~0.5 F1 on full template filling"

ARTICLES = Path("muc4-latam-conflict") / "articles.jsonl"
TEMPLATES = Path("muc4-latam-conflict") / "gold-templates.jsonl"

INCIDENT_TO_PLOVER = {
    "ATTACK": ("ASSAULT", None), "BOMBING": ("ASSAULT", "explosives"), "ARSON": ("ASSAULT", "primitive"),
    "KIDNAPPING": ("ASSAULT", "abduct"), "ROBBERY": ("COERCE", "seize"),
    "FORCED WORK STOPPAGE": ("COERCE", None),
}
CONFIDENCE_TO_STATUS = {
    "REPORTED AS FACT": {"asserted", "reported"},
    "CLAIMED OR ADMITTED": {"claimed"},
    "SUSPECTED OR ACCUSED": {"alleged"},
    "SUSPECTED OR ACCUSED BY AUTHORITIES": {"alleged"},
    "POSSIBLE": {"hypothetical", "alleged"},
}
NOT_HAPPENED = frozenset({"negated", "hypothetical", "threatened"})
DEFAULT_UPPER = 100
_QUOTED = re.compile(r'"([^"]+)"')
_STOP = frozenset({"THE", "OF", "AND", "NATIONAL", "FRONT", "ARMY", "PEOPLE'S", "LIBERATION",
                   "MOVEMENT", "FORCES", "PARTY", "REVOLUTIONARY", "DE", "LA", "DEL"})


def available(data_dir: Path) -> bool:
    return (Path(data_dir) / ARTICLES).is_file() and (Path(data_dir) / TEMPLATES).is_file()


def _values(slot: list) -> list[str]:
    out = []
    for v in slot or []:
        for part in v.split(" / ") if not v.startswith('"') else [v]:
            out.append(part.strip())
    return out


def load(data_dir: Path, limit: Optional[int] = None) -> tuple[list[dict], dict[str, list[dict]]]:
    articles = read_jsonl(Path(data_dir) / ARTICLES)
    tst4 = [a for a in articles if a["split"] == "tst4"]
    upper = [a for a in articles if a["split"] == "dev"]
    tst4 = tst4[:limit] if limit is not None else tst4
    upper = upper[:limit if limit is not None else DEFAULT_UPPER]
    for a in tst4:
        a["_part"] = "tst4"
    for a in upper:
        a["_part"] = "upper"
    templates: dict[str, list[dict]] = {}
    for t in read_jsonl(Path(data_dir) / TEMPLATES):
        templates.setdefault(t["doc_id"], []).append(t)
    return tst4 + upper, templates


def gold_incidents(templates: list[dict]) -> list[dict]:
    """Relevant templates as {type, mode, stage, confidence: set(status), perp: [names]}."""
    out = []
    for t in templates:
        if not t.get("relevant"):
            continue
        slots = t["slots"]
        kinds = [k.strip() for v in slots.get("INCIDENT: TYPE", []) for k in v.split("/")]
        kinds = [k for k in kinds if k in INCIDENT_TO_PLOVER]
        if not kinds:
            continue
        stage = " ".join(slots.get("INCIDENT: STAGE OF EXECUTION", []))
        expected: set[str] = set()
        for v in slots.get("PERP: ORGANIZATION CONFIDENCE", []):
            for part in re.split(r"\s+/\s+(?=[A-Z?])", v):
                label = part.split(":")[0].replace("?", "").strip()
                expected |= CONFIDENCE_TO_STATUS.get(label, set())
        perp = [m for v in slots.get("PERP: ORGANIZATION ID", []) for m in _QUOTED.findall(v)]
        plover, mode = INCIDENT_TO_PLOVER[kinds[0]]
        out.append({"type": plover, "mode": mode, "incident": kinds[0], "threatened": "THREATENED" in stage
                    and "ACCOMPLISHED" not in stage and "ATTEMPTED" not in stage,
                    "expected": expected, "perp": perp})
    return out


def _names_match(perp_names: list[str], source_text: str) -> bool:
    words = set(re.findall(r"[A-Z0-9']+", source_text.upper()))
    for name in perp_names:
        name_words = {w for w in re.findall(r"[A-Z0-9']+", name.upper()) if w not in _STOP and len(w) > 1}
        if name_words and name_words & words:
            return True
    return False


def evaluate(kb, data_dir: Path, limit: Optional[int] = None, show_errors: int = 0) -> EvalResult:
    from sitrep.eval.sets.plover_gsr import analyse_texts

    started = time.perf_counter()
    articles, templates = load(data_dir, limit)
    result = EvalResult(set_name=NAME, stage=STAGE, anchor=ANCHOR)
    docs = analyse_texts(kb, [a["text"] for a in articles], [a["id"] for a in articles],
                         [a.get("published") for a in articles])
    detection = {"tst4": PRF(), "upper": PRF()}
    cert_ok = Counter()
    cert_lenient = Counter()
    cert_n = Counter()
    unmatched = Counter()
    confusion: Counter = Counter()
    for art, doc in zip(articles, docs):
        part = art["_part"]
        gold = gold_incidents(templates.get(art["muc_doc_id"], []))
        gold_assault = [g for g in gold if g["type"] == "ASSAULT" and not g["threatened"]]
        assaults = [e for e in doc.events if e.type == "ASSAULT" and e.certainty.status not in NOT_HAPPENED]
        s = detection[part]
        if gold_assault and assaults:
            s.tp += 1
        elif assaults:
            s.fp += 1
            if show_errors:
                e = assaults[0]
                result.errors.append(f"{part} FALSE {art['muc_doc_id']}: {e.type}[{e.trigger.text}] "
                                     f"({e.certainty.status}) | {e.sentence.text[:300]}")
        elif gold_assault:
            s.fn += 1
            if show_errors:
                result.errors.append(f"{part} MISS  {art['muc_doc_id']}: gold "
                                     f"{sorted({g['incident'] for g in gold_assault})} | {art['text'][:300]!r}")
        if not (gold_assault and assaults):
            continue
        for g in gold_assault:
            if not g["expected"] or not g["perp"]:
                continue
            match = next((e for e in assaults if e.source is not None and _names_match(g["perp"], e.source.text)), None)
            if match is None:  # e.g. a passive without agent: the perpetrator named in the sentence
                match = next((e for e in assaults if _names_match(g["perp"], e.sentence.text)), None)
            if match is None:
                unmatched[part] += 1
                continue
            cert_n[part] += 1
            ok = match.certainty.status in g["expected"]
            cert_ok[part] += ok
            # an authority naming the perpetrator is "claimed" in sitrep's terms
            lenient = g["expected"] | ({"claimed"} if "alleged" in g["expected"] else set())
            cert_lenient[part] += match.certainty.status in lenient
            confusion[(part, "/".join(sorted(g["expected"])), match.certainty.status)] += 1
            if show_errors and not ok:
                result.errors.append(f"{part} CERTAINTY {art['muc_doc_id']}: gold {sorted(g['expected'])} "
                                     f"predicted {match.certainty.status} (cue "
                                     f"{match.certainty.cue.text if match.certainty.cue else None}) | "
                                     f"{match.sentence.text[:300]}")
    for part in ("tst4", "upper"):
        result.metrics[f"{part}_assault_detection"] = detection[part]
        result.metrics[f"{part}_certainty_acc"] = round(cert_ok[part] / cert_n[part], 4) if cert_n[part] else None
        result.metrics[f"{part}_certainty_acc_lenient"] = (round(cert_lenient[part] / cert_n[part], 4)
                                                           if cert_n[part] else None)
        result.metrics[f"{part}_certainty_matched"] = cert_n[part]
        result.metrics[f"{part}_certainty_unmatched"] = unmatched[part]
    result.metrics["certainty_confusion"] = {f"{p}|gold={g}|pred={s}": n for (p, g, s), n in sorted(confusion.items())}
    result.n_items = len(articles)
    result.notes.append("tst4 = the 100 mixed-case TST4 texts (primary); upper = first DEV texts, all upper case")
    if show_errors:
        result.errors = result.errors[:show_errors]
    result.seconds = time.perf_counter() - started
    return result
