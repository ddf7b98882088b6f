"""NewsQuant (CQE, EMNLP 2023) news-sentence quantities -> the quantities stage.

Gold: ``newsquant/upstream/formatted_test_set/NewsQuant.json``, 590 sentences, 904
quantities; 115 sentences have none (every prediction there is a false alarm).
Each sentence is run through the real pipeline (no cleaning, ``until="quantities"``).

Matching, per sentence, as in the CQE paper's evaluation (value, value+unit,
value+change) but strictly one to one (the paper's script can count one prediction for
two gold quantities; we never do):

``value``
    values are equal within a relative tolerance of 1e-5; a gold range "a-b" matches only
    a predicted range (value, value_high) with both ends equal, a single value only a
    single value. Percentages are compared as written (19 per cent -> 19), money with its
    scale (800 million -> 8e8).
``value_unit``
    the value matches and the units agree after normalisation (lower case, singular,
    British spelling, "US dollar" -> "dollar", "percent" -> "percentage", "per" for rates;
    a predicted rate "USD/month" is "dollar per month"). A prediction without a unit is a
    count: its unit is the lemma of the counted noun's head ("15,000 soldiers" ->
    "soldier") or of its first word ("12 page document" -> "page", NewsQuant's habit), and
    it agrees when one of them occurs among the gold unit's words (NewsQuant writes
    free-form concept strings as units, "people responsible creation ..."); a bare number
    agrees with gold unit "-"; a fraction ("a third of X", unit "fraction") agrees with
    NewsQuant's "% X".
``value_change``
    the value matches and the predicted approximator maps to the gold change operator
    (about/nearly -> "~", over/at_least -> ">", under/up_to/at_most -> "<", none or vague ->
    "="). The stage does not tell increases from decreases, so gold "up"/"down" (109 of
    904) always miss here.

Pairing: first value+unit pairs, then the remaining value pairs, greedily in sentence
order; P = matched / predicted, R = matched / gold.

Baseline: quantulum3 (optional, ``pip install sitrep[baselines]``) on the same
sentences in the same run, scored by the same functions; as in the CQE evaluation its
single values are compared with the mean of gold ranges, and its unit names are mapped
to NewsQuant's ("dimensionless" -> "-", "united states dollar" -> "dollar").
"""
from __future__ import annotations

import json
import math
import re
import time
import warnings
from pathlib import Path
from typing import Any, Optional

from sitrep.eval.core import PRF, EvalResult, analyse_gold, context, match_spans, read_jsonl
from sitrep.knowledge.units import APPROX_CHANGE, long_name

NAME = "newsquant"
STAGE = "quantities"
DESCRIPTION = "NewsQuant: 590 news sentences, 904 quantities (value, unit, change), CQE evaluation set"
ANCHOR = "CQE value F1 0.920, value+unit 0.856; quantulum3 value 0.730, value+unit 0.472"

GOLD = Path("newsquant") / "upstream" / "formatted_test_set" / "NewsQuant.json"
MEANTIME = Path("meantime-en") / "gold.jsonl"

_SPELLING = {"meter": "metre", "liter": "litre", "kilometer": "kilometre", "centimeter": "centimetre",
             "millimeter": "millimetre", "nanometer": "nanometre", "micrometer": "micrometre",
             "feet": "foot", "inches": "inch", "metric": "", "us": "", "united": "", "states": "",
             "percent": "percentage", "per cent": "percentage", "tonne": "ton", "celsiu": "celsius"}
_SYNONYMS = {"us dollar": "dollar", "dollar dollar": "dollar", "pound sterling": "pound sterling",
             "degree celsius": "celsius", "degree fahrenheit": "fahrenheit", "penny": "pence",
             "dimensionless": "-", "count": "-", "parts-per-billion": "part per billion",
             "revolutions per minute": "revolution per minute", "degree angle": "degree",
             "tonne": "ton", "foot pound-force": "pound-foot", "cubic centimetre": "millilitre",
             "percentage point": "percentage", "shekel": "shekel", "israeli new shekel": "shekel"}


def available(data_dir: Path) -> bool:
    return (Path(data_dir) / GOLD).is_file()


def load_gold(data_dir: Path, limit: Optional[int] = None) -> list[dict]:
    with open(Path(data_dir) / GOLD, encoding="utf-8") as f:
        rows = json.load(f)
    return rows[:limit] if limit is not None else rows


# -- normalisation --------------------------------------------------------------------

def gold_value(raw: str) -> Any:
    """"252.0-287.0" -> (252.0, 287.0); "-5" and "1E-5" stay single values."""
    raw = raw.strip()
    if "E" not in raw and "e" not in raw and not raw.startswith("-") and "-" in raw:
        low, _, high = raw.partition("-")
        return (float(low), float(high))
    return float(raw)


def _singular(word: str) -> str:
    if word in ("series", "species", "news", "pence", "celsius", "mass", "gas", "bus", "plus"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word


def normalise_unit(unit: Optional[str]) -> str:
    if not unit:
        return "-"
    u = unit.lower().strip().replace("/", " per ")
    u = re.sub(r"\s+", " ", u)
    if u in _SYNONYMS:
        return _SYNONYMS[u]
    words = []
    for w in u.split(" "):
        w = _SPELLING.get(w, w)
        if w:
            words.append(_singular(w) if w not in ("per", "-") else w)
    u = " ".join(words) or "-"
    return _SYNONYMS.get(u, u)


def _words(unit: str) -> set[str]:
    return {_singular(w) for w in re.split(r"[\s,/-]+", unit.lower()) if w}


def values_match(gold: Any, predicted: Any) -> bool:
    if isinstance(gold, tuple) != isinstance(predicted, tuple):
        return False
    if isinstance(gold, tuple):
        return all(math.isclose(g, p, rel_tol=1e-5, abs_tol=1e-8) for g, p in zip(gold, predicted))
    return math.isclose(gold, predicted, rel_tol=1e-5, abs_tol=1e-8)


def units_match(gold_q: dict, predicted: dict) -> bool:
    gold_norm = normalise_unit(gold_q.get("normalized_unit"))
    gold_words = _words(gold_q.get("normalized_unit") or "") | _words(gold_q.get("unit") or "")
    if predicted["unit"] == "fraction":
        return "%" in gold_words  # NewsQuant writes "a third of X" as 0.333 "% X"
    if predicted["unit"] is not None:
        return normalise_unit(predicted["unit"]) == gold_norm
    heads = predicted.get("head")
    if not heads:
        return gold_norm == "-"
    return any(_singular(h.lower()) in gold_words for h in heads)


def score_sentence(gold: list[dict], predicted: list[dict],
                   average_gold_ranges: bool = False) -> dict[str, Any]:
    """One-to-one matching of one sentence; returns counts and unmatched items."""
    gold_values = []
    for g in gold:
        v = gold_value(g["value"])
        if average_gold_ranges and isinstance(v, tuple):
            v = (v[0] + v[1]) / 2
        gold_values.append(v)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int, bool]] = []
    for want_unit in (True, False):
        for gi, g in enumerate(gold):
            if gi in used_gold:
                continue
            for pi, p in enumerate(predicted):
                if pi in used_pred or not values_match(gold_values[gi], p["value"]):
                    continue
                unit_ok = units_match(g, p)
                if want_unit and not unit_ok:
                    continue
                used_gold.add(gi)
                used_pred.add(pi)
                pairs.append((gi, pi, unit_ok))
                break
    value = PRF(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    unit_tp = sum(1 for _, _, ok in pairs if ok)
    change_tp = sum(1 for gi, pi, _ in pairs
                    if predicted[pi].get("change", "=") == (gold[gi].get("change") or "=").strip())
    return {
        "value": value,
        "value_unit": PRF(tp=unit_tp, fp=len(predicted) - unit_tp, fn=len(gold) - unit_tp),
        "value_change": PRF(tp=change_tp, fp=len(predicted) - change_tp, fn=len(gold) - change_tp),
        "missed": [gold[i] for i in range(len(gold)) if i not in used_gold],
        "false": [predicted[i] for i in range(len(predicted)) if i not in used_pred],
        "wrong_unit": [(gold[gi], predicted[pi]) for gi, pi, ok in pairs if not ok],
    }


# -- our predictions ------------------------------------------------------------------

def _head_lemmas(doc, span) -> list[str]:
    """Lemmas of the counted noun's head and of its first word: NewsQuant sometimes takes
    the word right after the number as the unit ("12 page document" -> "page")."""
    if span is None or doc.nlp is None:
        return []
    sp = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or not len(sp):
        return []
    tokens = list(sp)
    for i, t in enumerate(tokens):
        if t.lower_ == "of" and i > 0:  # "barrels of oil": the head is before "of"
            return [tokens[i - 1].lemma_, tokens[0].lemma_]
    return [tokens[-1].lemma_, tokens[0].lemma_]


def predicted_items(doc) -> list[dict]:
    items = []
    for q in doc.quantities:
        value = (q.value, q.value_high) if q.value_high is not None else q.value
        unit = q.unit
        if unit and unit.startswith("count/"):
            unit = None
        items.append({
            "value": value,
            "unit": long_name(unit) if unit else None,
            "head": _head_lemmas(doc, q.counted_span),
            "change": APPROX_CHANGE.get(q.approx, "=") if q.approx else "=",
            "text": q.text, "counted": q.counted,
        })
    return items


def analyse_sentences(kb, texts: list[str]) -> list[Any]:
    """The real pipeline up to the quantities stage on each sentence (no cleaning)."""
    from sitrep.model import Article

    return analyse_gold(kb, [Article(id=f"newsquant-{i}", text=t) for i, t in enumerate(texts)],
                        until="quantities", batch_size=64)


# -- quantulum3 baseline ----------------------------------------------------------------

_QUANTULUM_UNITS = {"dimensionless": "-", "united states dollar": "dollar", "per cent": "percentage",
                    "percentage": "percentage", "degree angle": "degree", "tonne": "ton",
                    "degree celsius": "celsius", "degree fahrenheit": "fahrenheit",
                    "pound sterling": "pound sterling", "euro": "euro"}


def quantulum_items(text: str, parser) -> list[dict]:
    items = []
    for q in parser.parse(text):
        name = q.unit.name.lower()
        items.append({"value": float(q.value), "unit": _QUANTULUM_UNITS.get(name, name),
                      "head": None, "change": "=", "text": q.surface, "counted": None})
    return items


def _load_quantulum():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
        return parser
    except Exception:
        return None


# -- the set --------------------------------------------------------------------------

def _describe(item: dict) -> str:
    if "normalized_unit" in item:
        return f"{item['value']} {item.get('unit')} [{item.get('normalized_unit')}] ({item.get('change')})"
    return f"{item['value']} unit={item['unit']} counted={item.get('counted')} «{item['text']}»"


def _annotated_end(row: dict, doc) -> int:
    """Where a MEANTIME article's annotation stops: it annotates the opening sentences of
    each article only, so predictions after the sentence of the last annotated mention of
    any layer are not scored."""
    annotated_end = max((m["end"] for layer in ("values", "timexes", "entity_mentions",
                                                 "event_mentions")
                         for m in row.get(layer) or [] if m.get("end") is not None),
                        default=0)
    sentence_end = doc.sentence_of(max(annotated_end - 1, 0))
    if sentence_end is not None:
        annotated_end = max(annotated_end, sentence_end[1])
    return annotated_end


def evaluate_meantime(kb, data_dir: Path, limit: Optional[int] = None) -> dict[str, Any]:
    """Span check on MEANTIME (English): gold VALUE mentions (MONEY, PERCENT, QUANTITY)
    against predicted quantity spans, one to one, within the annotated opening of each
    article (up to the sentence of its last annotated mention); ``overlap`` counts shared characters,
    ``exact`` needs identical offsets. Per-type recall shows what is missed."""
    from sitrep.model import Article

    rows = read_jsonl(Path(data_dir) / MEANTIME, limit)
    overlap, exact = PRF(), PRF()
    per_type: dict[str, PRF] = {}
    errors = []
    docs = analyse_gold(kb, [Article(id=r["id"], text=r["text"]) for r in rows],
                        until="quantities", batch_size=8)
    for row, doc in zip(rows, docs):
        gold = [(v["start"], v["end"]) for v in row["values"] if v.get("start") is not None]
        annotated_end = _annotated_end(row, doc)
        predicted = [q.span for q in doc.quantities if q.span[0] < annotated_end]
        counts, pairs = match_spans(gold, predicted)
        overlap += counts
        exact += match_spans(gold, predicted, exact=True)[0]
        found = {g for g, _ in pairs}
        matched_pred = {p for _, p in pairs}
        for v in row["values"]:
            if v.get("start") is None:
                continue
            span = (v["start"], v["end"])
            hit = span in found
            per_type.setdefault(v["type"], PRF())
            per_type[v["type"]] += PRF(tp=int(hit), fn=int(not hit))
            if not hit:
                errors.append(f"MEANTIME MISS {v['type']} {context(row['text'], span, 60)}")
        for p in predicted:
            if p not in matched_pred:
                errors.append(f"MEANTIME FALSE {context(row['text'], p, 60)}")
    metrics: dict[str, Any] = {"meantime_span": overlap, "meantime_span_exact": exact}
    for label, prf in sorted(per_type.items()):
        metrics[f"meantime_recall_{label.lower()}"] = round(prf.recall, 4)
    return {"metrics": metrics, "errors": errors, "docs": len(rows)}


def evaluate(kb, data_dir: Path, limit: Optional[int] = None, show_errors: int = 0) -> EvalResult:
    started = time.perf_counter()
    rows = load_gold(data_dir, limit)
    texts = [r["text"] for r in rows]
    result = EvalResult(set_name=NAME, stage=STAGE, anchor=ANCHOR, n_items=len(rows))
    docs = analyse_sentences(kb, texts)
    _score_ours(rows, docs, result, show_errors)
    result.metrics.update(_stage_speed(docs, texts))
    if (Path(data_dir) / MEANTIME).is_file():
        meantime = evaluate_meantime(kb, data_dir, limit=limit)
        result.metrics.update(meantime["metrics"])
        result.errors.extend(meantime["errors"][: max(show_errors, 0) + 20])
        result.notes.append(f"meantime: {meantime['docs']} Wikinews articles, VALUE spans "
                            "(MONEY/PERCENT/QUANTITY) vs predicted quantity spans; MEANTIME "
                            "leaves many plain counts unannotated, so its precision is a lower "
                            "bound: read the recall")
    parser = _load_quantulum()
    if parser is None:
        result.notes.append("quantulum3 not installed (pip install sitrep[baselines]): baseline skipped")
    else:
        result.metrics.update(_quantulum_baseline(rows, parser))
    result.seconds = time.perf_counter() - started
    return result


def _score_ours(rows: list[dict], docs, result: EvalResult, show_errors: int) -> None:
    """Value, value+unit and value+change P/R/F1 of our quantities, the false alarms in
    sentences without any, and (a bounded number of) error lines."""
    totals = {k: PRF() for k in ("value", "value_unit", "value_change")}
    for row, doc in zip(rows, docs):
        scored = score_sentence(row["quantities"], predicted_items(doc))
        for k in totals:
            totals[k] += scored[k]
        if len(result.errors) < max(show_errors, 0) * 3 + 50:
            text = row["text"]
            for g in scored["missed"]:
                result.errors.append(f"MISS  {_describe(g)} | {text}")
            for p in scored["false"]:
                result.errors.append(f"FALSE {_describe(p)} | {text}")
            for g, p in scored["wrong_unit"]:
                result.errors.append(f"UNIT  gold {_describe(g)} vs {_describe(p)} | {text}")
    for k, prf in totals.items():
        result.metrics[k] = prf
    result.metrics["sentences_without_quantity"] = sum(1 for r in rows if not r["quantities"])
    result.metrics["false_alarms_in_negative_sentences"] = sum(
        len(d.quantities) for r, d in zip(rows, docs) if not r["quantities"])


def _stage_speed(docs, texts: list[str]) -> dict[str, float]:
    """Wall time inside the pipeline (inflated when the machine is shared) and CPU time of
    a second pass of the stage alone over the same parsed sentences, per 5,000 characters."""
    from sitrep.stages import quantities

    chars = sum(len(t) for t in texts)
    stage_seconds = sum(d.timings.get("quantities", 0.0) for d in docs)
    cpu_started = time.process_time()
    for doc in docs:
        quantities.extract(doc.article.text, doc.nlp)
    cpu = time.process_time() - cpu_started
    return {"stage_ms_per_5000_chars": round(stage_seconds * 1000 * 5000 / max(chars, 1), 3),
            "stage_cpu_ms_per_5000_chars": round(cpu * 1000 * 5000 / max(chars, 1), 3)}


def _quantulum_baseline(rows: list[dict], parser) -> dict[str, Any]:
    """quantulum3 alone on the same sentences (a parse error counts as finding nothing)."""
    base = {k: PRF() for k in ("value", "value_unit")}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for row in rows:
            try:
                items = quantulum_items(row["text"], parser)
            except Exception:
                items = []
            scored = score_sentence(row["quantities"], items, average_gold_ranges=True)
            for k in base:
                base[k] += scored[k]
    return {"baseline_quantulum3_value": base["value"],
            "baseline_quantulum3_value_unit": base["value_unit"],
            "baseline_quantulum3_value_f1": round(base["value"].f1, 4),
            "baseline_quantulum3_value_unit_f1": round(base["value_unit"].f1, 4)}
