"""PolNeAR attribution relations (test split) -> the quotes stage.

Gold: ``polnear-attribution/gold.jsonl``, compartment ``test`` (84 articles), the first
annotator of each article. Every gold attribution is a (source, cue, content) triple,
each role possibly discontinuous (several segments); a predicted quote is
(speaker_text, cue, span).

Metrics (overlap = the spans share at least one character):

``source`` (the headline, citron/PARC style "source F1")
    a gold attribution with a source is found when some predicted quote's speaker_text
    overlaps the gold source AND its content overlaps the gold content. Precision: a
    predicted quote that has a speaker_text is correct when it matches some gold
    attribution that way. Agentless gold attributions ("it is expected that ...", 8% of
    test) have no source to find: they are left out of this metric's recall, and a
    predicted quote without speaker_text is left out of its precision.
``source_strict``
    the same, but every gold attribution is in the recall denominator (agentless ones
    count as misses) and every predicted quote in the precision one.
``source_span``
    plain span overlap F1 between speaker_text spans and gold source spans (one to one).
``cue`` / ``cue_exact``
    cue span overlap / exact match, one to one, over all gold attributions.
``content`` / ``content_exact``
    content overlap (a predicted content is matched to a gold attribution when they
    overlap; one to one) / exact match of the whole extent (first to last segment, with
    surrounding punctuation ignored).
``triple``
    cue, source and content all overlap (agentless gold: cue and content overlap and the
    prediction has no speaker_text).
``direct_source``
    ``source`` restricted to gold attributions whose content starts with a quote mark.

Matching for ``source``, ``source_strict``, ``triple`` is many-to-one (a gold quote
split by "he said" into two predicted quotes is found once and neither half is a false
alarm), as in the citron scorer; span metrics are one to one.

The text is run through the pipeline WITHOUT the cleaning stage so that the gold offsets
stay valid.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Optional

from sitrep.eval.core import PRF, EvalResult, analyse_gold, context, match_spans, read_jsonl, spans_overlap

NAME = "polnear"
STAGE = "quotes"
DESCRIPTION = "PolNeAR political news attribution relations, test split (84 articles), first annotator"
ANCHOR = "citron on PARC 3.0: source F1 0.820, content F1 0.833"

GOLD = Path("polnear-attribution") / "gold.jsonl"
_PUNCT = " \t\n\r,.;:!?\"“”'’‘"


def available(data_dir: Path) -> bool:
    return (Path(data_dir) / GOLD).is_file()


def load_gold(data_dir: Path, compartment: str = "test", limit: Optional[int] = None) -> list[dict]:
    return read_jsonl(Path(data_dir) / GOLD, limit, keep=lambda r: r.get("compartment") == compartment)


def _segments(role: list[dict]) -> list[tuple[int, int]]:
    return [(int(s["start"]), int(s["end"])) for s in role]


def _extent(segs: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    return (min(s for s, _ in segs), max(e for _, e in segs)) if segs else None


def _any_overlap(span: Optional[tuple[int, int]], segs: list[tuple[int, int]]) -> bool:
    return span is not None and any(spans_overlap(span, s) for s in segs)


def _norm(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while e > s and text[e - 1] in _PUNCT:
        e -= 1
    while s < e and text[s] in _PUNCT:
        s += 1
    return s, e


def gold_attributions(row: dict) -> list[dict]:
    """The first annotator's attributions as {source, cue, content} segment lists."""
    anns = row.get("annotations") or []
    if not anns:
        return []
    out = []
    for a in anns[0].get("attributions", []):
        out.append({"id": a.get("id"), "source": _segments(a.get("source") or []),
                    "cue": _segments(a.get("cue") or []),
                    "content": _segments(a.get("content") or [])})
    return out


def analyse_row(row: dict, kb) -> Any:
    """nlp -> ... -> quotes on the raw text (no cleaning, so gold offsets hold)."""
    from sitrep.model import Article

    article = Article(id=row["id"], text=row["text"], published=row.get("published"))
    return analyse_gold(kb, [article], until="quotes")[0]


def score_document(text: str, gold: list[dict], quotes: list, metrics: dict[str, PRF],
                   errors: Optional[list[str]] = None, max_errors: int = 0) -> None:
    """Add one document's counts to ``metrics`` (PRF per metric name)."""
    def src_match(q, g) -> bool:
        return (q.speaker_text is not None and _any_overlap(q.speaker_text.span, g["source"])
                and _any_overlap(q.span, g["content"]))

    with_source = [g for g in gold if g["source"]]
    # source (agentless excluded) and source_strict
    found = [any(src_match(q, g) for q in quotes) for g in gold]
    pred_ok = [any(src_match(q, g) for g in gold) for q in quotes]
    m = metrics["source"]
    m.tp += sum(1 for g, f in zip(gold, found) if g["source"] and f)
    m.fn += sum(1 for g, f in zip(gold, found) if g["source"] and not f)
    m.fp += sum(1 for q, ok in zip(quotes, pred_ok) if q.speaker_text is not None and not ok)
    m = metrics["source_strict"]
    m.tp += sum(found)
    m.fn += len(gold) - sum(found)
    m.fp += sum(1 for ok in pred_ok if not ok)
    # direct quotes only (gold content opens with a quote mark)
    direct = [g for g in gold if g["source"] and g["content"] and
              text[min(s for s, _ in g["content"])] in "\"“"]
    d_found = sum(1 for g in direct if any(src_match(q, g) for q in quotes))
    pred_direct = [q for q in quotes if q.kind == "direct" and q.speaker_text is not None]
    metrics["direct_source"].tp += d_found
    metrics["direct_source"].fn += len(direct) - d_found
    metrics["direct_source"].fp += sum(1 for q in pred_direct if not any(src_match(q, g) for g in gold))
    # triple
    def triple(q, g) -> bool:
        if q.cue is None or not _any_overlap(q.cue.span, g["cue"]) or not _any_overlap(q.span, g["content"]):
            return False
        if g["source"]:
            return q.speaker_text is not None and _any_overlap(q.speaker_text.span, g["source"])
        return q.speaker_text is None
    t_found = sum(1 for g in gold if any(triple(q, g) for q in quotes))
    metrics["triple"].tp += t_found
    metrics["triple"].fn += len(gold) - t_found
    metrics["triple"].fp += sum(1 for q in quotes if not any(triple(q, g) for g in gold))
    # one-to-one span metrics
    gold_src = [_extent(g["source"]) for g in with_source]
    pred_src = [q.speaker_text.span for q in quotes if q.speaker_text is not None]
    metrics["source_span"] += match_spans(gold_src, pred_src)[0]
    gold_cue = [_extent(g["cue"]) for g in gold if g["cue"]]
    pred_cue = [q.cue.span for q in quotes if q.cue is not None]
    metrics["cue"] += match_spans(gold_cue, pred_cue)[0]
    metrics["cue_exact"] += match_spans([_norm(text, c) for c in gold_cue],
                                        [_norm(text, c) for c in pred_cue], exact=True)[0]
    gold_content = [_extent(g["content"]) for g in gold if g["content"]]
    pred_content = [q.span for q in quotes]
    metrics["content"] += match_spans(gold_content, pred_content)[0]
    metrics["content_exact"] += match_spans([_norm(text, c) for c in gold_content],
                                            [_norm(text, c) for c in pred_content], exact=True)[0]

    if errors is not None and len(errors) < max_errors:
        for g, f in zip(gold, found):
            if g["source"] and not f and len(errors) < max_errors:
                src = _extent(g["source"])
                cue = _extent(g["cue"]) or src
                errors.append(f"MISS source={text[src[0]:src[1]]!r} cue={text[cue[0]:cue[1]]!r} "
                              f"{context(text, _extent(g['content']) or cue, 60)}")
        for q, ok in zip(quotes, pred_ok):
            if q.speaker_text is not None and not ok and len(errors) < max_errors:
                errors.append(f"FALSE ALARM ({q.kind}) speaker={q.speaker_text.text!r} "
                              f"cue={q.cue.text if q.cue else None!r} {context(text, q.span, 60)}")


METRIC_NAMES = ("source", "source_strict", "source_span", "direct_source", "triple",
                "cue", "cue_exact", "content", "content_exact")


def evaluate(kb, data_dir: Path, limit: Optional[int] = None, show_errors: int = 0,
             compartment: str = "test") -> EvalResult:
    """Score the quotes stage; ``compartment="dev"`` is for tuning (keep test held out)."""
    started = time.perf_counter()
    rows = load_gold(data_dir, compartment, limit)
    metrics: dict[str, Any] = {name: PRF() for name in METRIC_NAMES}
    errors: list[str] = []
    n_gold = n_agentless = n_quotes = 0
    stage_seconds = stage_cpu = 0.0
    chars = 0
    for row in rows:
        gold = gold_attributions(row)
        doc = analyse_row(row, kb)
        stage_seconds += doc.timings.get("quotes", 0.0)
        # wall time is meaningless on a shared, loaded machine: time the stage again on
        # this thread's CPU clock
        from sitrep.stages import quotes as quotes_stage
        cpu_started = time.thread_time()
        quotes_stage.run(doc, kb)
        stage_cpu += time.thread_time() - cpu_started
        chars += len(row["text"])
        n_gold += len(gold)
        n_agentless += sum(1 for g in gold if not g["source"])
        n_quotes += len(doc.quotes)
        score_document(row["text"], gold, doc.quotes, metrics, errors if show_errors else None,
                       show_errors)
    result = EvalResult(set_name=NAME if compartment == "test" else f"{NAME}-{compartment}", stage=STAGE, metrics=metrics, n_items=len(rows),
                        anchor=ANCHOR, errors=errors)
    result.metrics["gold_attributions"] = n_gold
    result.metrics["gold_agentless"] = n_agentless
    result.metrics["predicted_quotes"] = n_quotes
    if rows:
        result.metrics["quotes_ms_per_5k_chars"] = round(1000 * stage_seconds / max(1, chars) * 5000, 3)
        result.metrics["quotes_cpu_ms_per_5k_chars"] = round(1000 * stage_cpu / max(1, chars) * 5000, 3)
    result.notes.append(
        f"{n_agentless} of {n_gold} gold attributions have no source: excluded from 'source' "
        "recall, counted as misses in 'source_strict'")
    result.notes.append("text analysed without the cleaning stage so gold offsets stay valid")
    result.seconds = time.perf_counter() - started
    return result
