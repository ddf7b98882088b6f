"""Places on GeoWebNews (200 articles, typed toponyms), plus TR-News and LGL.

The gold text goes through nlp -> actors -> places WITHOUT the clean stage, so the gold
character offsets stay valid.

GeoWebNews metrics
  * acc161: toponym resolution accuracy within 161 km (100 miles) over *detected*
    toponyms: predicted places whose span overlaps a gold literal toponym that has
    coordinates. A detected toponym we could not resolve (no coordinates) counts as wrong;
    acc161_resolved leaves those out. exact_id: same GeoNames id, over detected toponyms
    whose gold has an id. median_km: over detected, resolved toponyms.
  * geotag_literal: span P/R/F1 (overlap) of every predicted place against gold literal
    toponyms (Literal, Literal_Modifier, Mixed, Coercion, Embedded_Literal): predicting a
    metonymic "Washington said" is a false alarm here.
  * geotag_all: the same against literal + associative toponyms (also Metonymic,
    Non_Literal_Modifier, Embedded_Non_Lit): only the span is judged.
  * metonymic_as_place / demonym_as_place: share of gold Metonymic / Demonym mentions we
    wrongly output as a place (sitrep's contract: an acting capital is an actor).
TR-News and LGL (prefix trnews_, lgl_): every annotated mention is a toponym (metonymy is
not distinguished; LGL includes adjectival uses); the same acc161 / exact_id /
median_km / geotag over mentions with coordinates.
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Optional

from sitrep.eval.core import PRF, EvalResult, analyse_gold, context, match_spans, read_jsonl
from sitrep.geo import haversine_km

NAME = "geowebnews"
STAGE = "places"
DESCRIPTION = "GeoWebNews 200 articles, 6,612 typed toponyms; plus TR-News (118) and LGL (588)"
ANCHOR = ("Mordecai3 (Elasticsearch GeoNames, given gold names): GWN 90.1% exact id, 94.1% "
          "acc@161km; TR 84.3% exact / 87.3% acc@161; LGL 79.4% / 82.7%")

LITERAL = {"Literal", "Literal_Modifier", "Mixed", "Coercion", "Embedded_Literal"}
ASSOCIATIVE = {"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"}
#: LGL is large; without an explicit limit only its first articles are run
LGL_DEFAULT_LIMIT = 150


def available(data_dir) -> bool:
    return data_dir is not None and (Path(data_dir) / "geowebnews" / "gold.jsonl").is_file()


def _documents(kb, records: list[dict]):
    """nlp..places on the gold text (no clean stage: offsets must stay valid)."""
    from sitrep.model import Article

    articles = [Article(id=r["id"], text=r["text"], title=r.get("title"), url=r.get("url"))
                for r in records]
    return zip(records, analyse_gold(kb, articles, until="places", batch_size=8))


class _Resolution:
    """Accumulates geocoding results over detected toponyms."""

    def __init__(self):
        self.detected = 0
        self.correct = 0
        self.resolved = 0
        self.resolved_correct = 0
        self.with_id = 0
        self.id_correct = 0
        self.errors_km: list[float] = []
        self.wrong: list[tuple[float, str]] = []

    def add(self, gold: dict, place, text: str) -> None:
        self.detected += 1
        gid = gold.get("geonames_id")
        if gid:
            self.with_id += 1
            if place.geonameid is not None and str(place.geonameid) == str(gid):
                self.id_correct += 1
        if place.lat is None:
            self.wrong.append((float("inf"), f"UNRESOLVED {context(text, place.span, 60)}"))
            return
        d = haversine_km(gold["lat"], gold["lon"], place.lat, place.lon)
        self.resolved += 1
        self.errors_km.append(d)
        if d <= 161:
            self.correct += 1
            self.resolved_correct += 1
        else:
            self.wrong.append((d, f"{d:,.0f} km: {place.name} ({place.feature}, {place.country}, "
                                  f"{place.admin1}) for gold {gold['lat']:.2f},{gold['lon']:.2f} "
                                  f"{context(text, place.span, 60)}"))

    def metrics(self, prefix: str = "") -> dict:
        def ratio(a, b):
            return round(a / b, 4) if b else 0.0
        return {
            f"{prefix}acc161": ratio(self.correct, self.detected),
            f"{prefix}acc161_resolved": ratio(self.resolved_correct, self.resolved),
            f"{prefix}exact_id": ratio(self.id_correct, self.with_id),
            f"{prefix}median_km": round(statistics.median(self.errors_km), 1) if self.errors_km else None,
            f"{prefix}n_detected": self.detected,
            f"{prefix}n_unresolved": self.detected - self.resolved,
        }


def _score_docs(docs, literal_types: Optional[set], associative: set):
    """Shared scoring; literal_types None means every gold mention is literal."""
    res = _Resolution()
    tag_literal, tag_all = PRF(), PRF()
    false_alarms: list[str] = []
    nonliteral_hits = {"Metonymic": [0, 0], "Demonym": [0, 0]}
    n_docs = 0
    for record, doc in docs:
        n_docs += 1
        text = record["text"]
        gold = [g for g in record["toponyms"] if g.get("offset_verified", True)]
        places = {tuple(p.span): p for p in doc.places}
        pred_spans = list(places)
        if literal_types is None:
            literal = [g for g in gold if g.get("lat") is not None]
        else:
            literal = [g for g in gold if g["type"] in literal_types]
        spans_literal = [(g["start"], g["end"]) for g in literal]
        counts, _ = match_spans(spans_literal, pred_spans)
        tag_literal += counts
        if literal_types is not None:
            all_gold = [(g["start"], g["end"]) for g in gold
                        if g["type"] in literal_types or g["type"] in associative]
            counts_all, _ = match_spans(all_gold, pred_spans)
            tag_all += counts_all
            for g in gold:
                if g["type"] in nonliteral_hits:
                    hit = nonliteral_hits[g["type"]]
                    hit[1] += 1
                    if any(s < g["end"] and g["start"] < e for s, e in pred_spans):
                        hit[0] += 1
                        false_alarms.append(f"{g['type'].upper()} output as place: "
                                            f"{context(text, (g['start'], g['end']), 60)}")
        with_coords = [g for g in literal if g.get("lat") is not None]
        _, pairs = match_spans([(g["start"], g["end"]) for g in with_coords], pred_spans)
        by_span = {(g["start"], g["end"]): g for g in with_coords}
        for gspan, pspan in pairs:
            res.add(by_span[gspan], places[pspan], text)
    return res, tag_literal, tag_all, nonliteral_hits, false_alarms, n_docs


def evaluate(kb, data_dir, limit=None, show_errors=0) -> EvalResult:
    started = time.perf_counter()
    data_dir = Path(data_dir)
    result = EvalResult(NAME, STAGE, anchor=ANCHOR)
    kb.gazetteer  # load outside the timed documents
    records = read_jsonl(data_dir / "geowebnews" / "gold.jsonl", limit)
    res, tag_literal, tag_all, hits, false_alarms, n_docs = _score_docs(
        _documents(kb, records), LITERAL, ASSOCIATIVE)
    result.metrics.update(res.metrics())
    result.metrics["geotag_literal"] = tag_literal
    result.metrics["geotag_all"] = tag_all
    for kind, (hit, total) in hits.items():
        result.metrics[f"{kind.lower()}_as_place"] = round(hit / total, 4) if total else 0.0
        result.metrics[f"{kind.lower()}_as_place_n"] = f"{hit}/{total}"
    result.n_items = n_docs
    errors = [line for _, line in sorted(res.wrong, key=lambda x: -x[0])]

    other = data_dir / "geoparsing-lgl-trnews-geovirus"
    for prefix, name, default_limit in (("trnews_", "trnews.jsonl", None),
                                        ("lgl_", "lgl.jsonl", LGL_DEFAULT_LIMIT)):
        path = other / name
        if not path.is_file():
            continue
        recs = read_jsonl(path, limit or default_limit)
        res2, tag2, _, _, _, n2 = _score_docs(_documents(kb, recs), None, set())
        result.metrics.update(res2.metrics(prefix))
        result.metrics[f"{prefix}geotag"] = tag2
        result.metrics[f"{prefix}n_docs"] = n2
        if show_errors:
            errors.extend(f"[{prefix[:-1]}] {line}"
                          for _, line in sorted(res2.wrong, key=lambda x: -x[0])[:show_errors // 4])
    result.notes.append("acc161 counts detected toponyms left without coordinates as wrong; "
                        "geotag_literal counts metonymic outputs as false alarms")
    if show_errors:
        result.errors = errors[:show_errors] + false_alarms[:show_errors // 2]
    result.seconds = time.perf_counter() - started
    return result
