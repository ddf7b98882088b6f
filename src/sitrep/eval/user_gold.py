"""Score sitrep on your own annotated data (`sitrep eval --stage S --gold file.jsonl`).

The gold format mirrors the output contract (document JSON v1): one JSON object per line,
one document each, with the layers you annotated. Spans are [start, end] character
offsets into ``text``; the text is analysed as given (no cleaning), so offsets stay valid.

    {"id": "doc1", "text": "...", "published": "2026-01-03T12:12",
     "times":      [{"span": [10, 19], "value": "2026-01-02"}],
     "places":     [{"span": [40, 47], "lat": 10.49, "lon": -66.88}],
     "quantities": [{"span": [60, 74], "value": 15000, "unit": null}],
     "quotes":     [{"span": [80, 140], "speaker_span": [141, 147]}],
     "actors":     [{"span": [0, 14], "country": "VEN"}],
     "events":     [{"trigger_span": [20, 27], "type": "ASSAULT", "source": "USA",
                     "target": "VEN", "certainty": "reported"}]}

Scores: span detection P/R/F1 with overlap matching, and on matched spans the accuracy of
the stage's attribute (value, distance ≤ 161 km, quantity value, speaker overlap, actor
country, event type / dyad / certainty). See docs/gold-formats.md.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from sitrep.eval.core import PRF, EvalResult, context, match_spans, read_jsonl, spans_overlap
from sitrep.geo import haversine_km

STAGE_ORDER = ("actors", "places", "times", "quantities", "quotes", "events", "certainty")


def _predicted(doc, stage: str) -> list[tuple[tuple[int, int], Any]]:
    layer = {"times": doc.times, "places": doc.places, "quantities": doc.quantities,
             "quotes": doc.quotes, "actors": doc.actors}.get(stage)
    if layer is not None:
        return [(tuple(x.span), x) for x in layer]
    return [(tuple(e.trigger.span), e) for e in doc.events]


def _gold_items(row: dict, stage: str) -> list[tuple[tuple[int, int], dict]]:
    key = "events" if stage in ("events", "certainty") else stage
    items = []
    for g in row.get(key) or []:
        span = g.get("trigger_span") or g.get("span")
        items.append(((int(span[0]), int(span[1])), g))
    return items


def _attribute_ok(stage: str) -> Callable[[dict, Any], bool]:
    def times(g, p):
        return g.get("value") == p.value

    def places(g, p):
        if g.get("lat") is None or p.lat is None:
            return False
        return haversine_km(g["lat"], g["lon"], p.lat, p.lon) <= 161

    def quantities(g, p):
        v = g.get("value")
        return v is not None and p.value is not None and abs(float(v) - p.value) <= 1e-6 * max(1, abs(float(v)))

    def quotes(g, p):
        s = g.get("speaker_span")
        have = p.speaker_text.span if p.speaker_text else (p.speaker.span if p.speaker else None)
        return bool(s and have and spans_overlap(tuple(s), tuple(have)))

    def actors(g, p):
        return g.get("country") == p.country

    def events(g, p):
        src = p.source.country if p.source else None
        tgt = p.target.country if p.target else None
        return g.get("type") == p.type and g.get("source") == src and g.get("target") == tgt

    def certainty(g, p):
        return g.get("certainty") == p.certainty.status

    return locals()[stage]


def evaluate_file(kb, path: Path, stage: str, limit=None, show_errors: int = 0) -> EvalResult:
    from sitrep.model import Article, Document
    from sitrep.pipeline import analyse

    if stage not in STAGE_ORDER:
        raise ValueError(f"stage must be one of {', '.join(STAGE_ORDER)}")
    ok = _attribute_ok(stage)
    result = EvalResult(f"user:{Path(path).name}", stage)
    detect, attr = PRF(), PRF()
    rows = read_jsonl(Path(path), limit)
    until = "certainty" if stage in ("events", "certainty") else stage
    for n, row in enumerate(rows):
        if "text" not in row:
            result.notes.append(f"line {n + 1}: no text, skipped")
            continue
        article = Article(id=str(row.get("id", n)), text=row["text"], published=row.get("published"))
        doc = analyse(Document(article=article), kb, until=until)
        gold = _gold_items(row, stage)
        predicted = _predicted(doc, stage)
        counts, pairs = match_spans([g for g, _ in gold], [p for p, _ in predicted])
        detect += counts
        gold_by_span = {g: item for g, item in gold}
        pred_by_span = {p: item for p, item in predicted}
        for g_span, p_span in pairs:
            if ok(gold_by_span[g_span], pred_by_span[p_span]):
                attr.tp += 1
            else:
                attr.fp += 1
                attr.fn += 1
                result.errors.append(f"WRONG {stage} {context(row['text'], g_span)}")
        attr.fn += counts.fn
        attr.fp += counts.fp
        matched_gold = {g for g, _ in pairs}
        for g_span, _ in gold:
            if g_span not in matched_gold:
                result.errors.append(f"MISS {context(row['text'], g_span)}")
        matched_pred = {p for _, p in pairs}
        for p_span, _ in predicted:
            if p_span not in matched_pred:
                result.errors.append(f"FALSE ALARM {context(row['text'], p_span)}")
    result.n_items = len(rows)
    result.metrics = {"span_overlap": detect, f"{stage}_attribute": attr}
    return result
