"""Times stage on the TempEval-3 platinum test set (20 news documents, 138 TIMEX3).

Each gold text runs through the real pipeline up to the times stage, without the clean
stage (gold offsets must stay valid): ``Document(article)`` -> ``pipeline.analyse(doc,
kb, until="times")``, with the document creation time (DCT) as ``published``.

Metrics, as defined for TempEval-3 Task A (UzZaman et al., SemEval 2013):
  * recognition_strict / recognition_relaxed: P/R/F1 over TIMEX3 extents, exact match /
    any overlap (greedy one-to-one matching).
  * value: attribute F1 of the ``value`` attribute. A gold timex counts as correct when a
    relaxed-matched system timex has the same value; P = correct / system timexes,
    R = correct / gold timexes. This equals relaxed F1 x value accuracy over matched pairs,
    the figure the TempEval-3 table reports as "value F1" (HeidelTime 77.61, SUTime 67.38).
  * type: the same for the ``type`` attribute; type_accuracy = correct type / matched.
  * baseline_dateparser_value_f1: dateparser alone (``search_dates`` with the DCT as
    RELATIVE_BASE, PREFER_DATES_FROM past, each hit's period from DateDataParser giving
    the value's granularity), scored the same way.
"""
from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any, Iterable, Optional

from sitrep.eval.core import PRF, EvalResult, analyse_gold, context, match_spans, read_jsonl

NAME = "tempeval3"
STAGE = "times"
DESCRIPTION = "TempEval-3 platinum: 20 news docs, 138 TIMEX3 with values against the DCT"
ANCHOR = "TempEval-3 value F1: HeidelTime 77.6, SUTime 67.4"

GOLD = "tempeval3-platinum/gold.jsonl"


def available(data_dir) -> bool:
    return data_dir is not None and (Path(data_dir) / GOLD).is_file()


def load_docs(path: Path, limit: Optional[int] = None) -> list[dict[str, Any]]:
    return read_jsonl(path, limit or None)


def run_times(kb, text: str, dct: Optional[str], doc_id: str = "gold"):
    """The real pipeline up to the times stage, skipping clean so gold offsets hold."""
    from sitrep.model import Article

    return analyse_gold(kb, [Article(id=doc_id, text=text, published=dct)], until="times")[0]


def dateparser_times(text: str, dct: Optional[str]) -> list[tuple[tuple[int, int], str]]:
    """The baseline: dateparser's search over the whole text, values at its own granularity."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    from sitrep.stages.times import parse_reference

    ref = parse_reference(dct)
    base = dt.datetime.combine(ref.date, dt.time(12, 0)) if ref else dt.datetime(2000, 1, 1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    try:
        hits = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # dateparser raises on some odd inputs; the baseline then finds nothing
        hits = []
    parser = DateDataParser(languages=["en"], settings=settings)
    out, cursor = [], 0
    for surface, when in hits:
        start = text.find(surface, cursor)
        if start < 0:
            continue
        cursor = start + len(surface)
        period = parser.get_date_data(surface).period or "day"
        if period == "year":
            value = f"{when.year:04d}"
        elif period == "month":
            value = f"{when.year:04d}-{when.month:02d}"
        elif period == "week":
            y, w, _ = when.isocalendar()
            value = f"{y:04d}-W{w:02d}"
        elif period == "time":
            value = when.strftime("%Y-%m-%dT%H:%M")
        else:
            value = when.date().isoformat()
        out.append(((start, cursor), value))
    return out


def score_documents(kb, docs: Iterable[dict[str, Any]], set_name: str, show_errors: int = 0,
                    baseline: bool = True) -> EvalResult:
    """Score the times stage (and the dateparser baseline) on gold docs.

    Each doc: {"id", "text", "dct", "timexes": [{"start", "end", "text", "type", "value"}]}, and
    optionally "scored_until": system timexes starting at or after it are ignored (the part
    of the text the annotators did not cover).
    """
    started = time.perf_counter()
    from sitrep.stages.times import find_times
    find_times("warm-up on Friday, 3 Jan 2026", None)  # so the per-doc timing is steady state
    strict, relaxed = PRF(), PRF()
    value, type_ = PRF(), PRF()
    base_value = PRF()
    matched = 0
    n_docs = 0
    stage_seconds = 0.0
    errors: list[str] = []
    for gold_doc in docs:
        n_docs += 1
        text, dct = gold_doc["text"], gold_doc.get("dct")
        gold = [t for t in gold_doc["timexes"] if t.get("start") is not None]
        doc = run_times(kb, text, dct, gold_doc.get("id", "gold"))
        stage_seconds += doc.timings.get("times", 0.0)
        limit = gold_doc.get("scored_until")
        predicted = {t.span: t for t in doc.times if limit is None or t.span[0] < limit}
        gold_by_span = {(t["start"], t["end"]): t for t in gold}
        counts, _ = match_spans(gold_by_span, predicted, exact=True)
        strict += counts
        counts, pairs = match_spans(gold_by_span, predicted)
        relaxed += counts
        matched += len(pairs)
        n_value = sum(1 for g, p in pairs if predicted[p].value == gold_by_span[g]["value"])
        n_type = sum(1 for g, p in pairs if predicted[p].type == gold_by_span[g]["type"])
        value += PRF(tp=n_value, fp=len(predicted) - n_value, fn=len(gold) - n_value)
        type_ += PRF(tp=n_type, fp=len(predicted) - n_type, fn=len(gold) - n_type)
        if baseline:
            base = {span: v for span, v in dateparser_times(text, dct) if limit is None or span[0] < limit}
            _, bpairs = match_spans(gold_by_span, base)
            n_base = sum(1 for g, p in bpairs if base[p] == gold_by_span[g]["value"])
            base_value += PRF(tp=n_base, fp=len(base) - n_base, fn=len(gold) - n_base)
        if show_errors and len(errors) < show_errors:
            errors.extend(_errors(text, dct, gold_doc.get("id", ""), gold_by_span, predicted, pairs))
    result = EvalResult(set_name=set_name, stage=STAGE, n_items=n_docs)
    result.metrics["recognition_strict"] = strict
    result.metrics["recognition_relaxed"] = relaxed
    result.metrics["value"] = value
    result.metrics["value_f1"] = round(value.f1, 4)
    result.metrics["type"] = type_
    result.metrics["type_accuracy"] = round(type_.tp / matched, 4) if matched else 0.0
    result.metrics["value_accuracy_on_matched"] = round(value.tp / matched, 4) if matched else 0.0
    if baseline:
        result.metrics["baseline_dateparser_value"] = base_value
        result.metrics["baseline_dateparser_value_f1"] = round(base_value.f1, 4)
    result.metrics["times_stage_ms_per_doc"] = round(1000 * stage_seconds / max(1, n_docs), 3)
    result.errors = errors[:show_errors] if show_errors else []
    result.seconds = time.perf_counter() - started
    return result


def _errors(text, dct, doc_id, gold_by_span, predicted, pairs) -> list[str]:
    lines = []
    matched_gold = {g for g, _ in pairs}
    matched_pred = {p for _, p in pairs}
    for g, p in pairs:
        gv, pv = gold_by_span[g]["value"], predicted[p].value
        if gv != pv:
            lines.append(f"[{doc_id} dct={dct}] WRONG VALUE gold {gv} ({gold_by_span[g]['type']}) "
                         f"got {pv} ({predicted[p].type}): {context(text, p, 60)}")
    for g in sorted(set(gold_by_span) - matched_gold):
        lines.append(f"[{doc_id} dct={dct}] MISS {gold_by_span[g]['value']} "
                     f"({gold_by_span[g]['type']}): {context(text, g, 60)}")
    for p in sorted(set(predicted) - matched_pred):
        lines.append(f"[{doc_id} dct={dct}] FALSE ALARM {predicted[p].value} ({predicted[p].type}): "
                     f"{context(text, p, 60)}")
    return lines


def evaluate(kb, data_dir, limit: Optional[int] = None, show_errors: int = 0) -> EvalResult:
    docs = load_docs(Path(data_dir) / GOLD, limit)
    result = score_documents(kb, docs, NAME, show_errors)
    result.anchor = ANCHOR
    result.notes.append("no clean stage on gold texts (offsets kept); value F1 = TempEval-3 attribute F1")
    return result
