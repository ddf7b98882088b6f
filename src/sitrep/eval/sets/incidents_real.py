"""Incident linking on real news, scored on the team's gold (gold/incidents-real/, see its README).

Each split (``dev``: allsides-intl, tuned on; ``dev2``: FA-KES articles outside the test
split, tuned on; ``test``: FA-KES, held out) is ingested on its own into a temporary store by the real ingest (reader, pipeline, store, incident
linking). A gold mention (article, sentence span, trigger span; offsets into the shared
corpus text) is matched to one stored event of its article: the gold spans are carried
over to the stored text (which the cleaner may have shortened), then the event whose
trigger or one of whose mentions overlaps the gold trigger wins, else the event of the
gold sentence of the gold type, else the nearest event in the sentence; one event per gold
mention. Over the matched mentions the predicted incidents are scored against the gold
incidents (MUC, B-cubed, CEAF-e, CoNLL F1), and each confuser pair (two distinct gold
incidents that look alike) counts as merged when some predicted incident holds mentions
of both.
"""
from __future__ import annotations

import difflib
import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from sitrep.eval.coref import conll

GOLD = Path(__file__).resolve().parents[1] / "gold" / "incidents-real" / "gold.jsonl"
CORPORA = {"allsides-": ("allsides-intl", "articles.jsonl"), "fakes-": ("fa-kes-syria", "articles.jsonl")}
SPLITS = ("dev", "dev2", "test")


@dataclass
class RealGold:
    incidents: dict[str, dict] = field(default_factory=dict)
    mentions: list[dict] = field(default_factory=list)
    denials: list[dict] = field(default_factory=list)
    confusers: list[dict] = field(default_factory=list)
    articles: dict[str, str] = field(default_factory=dict)  # article id -> split

    def split_articles(self, split: str) -> list[str]:
        return sorted(a for a, s in self.articles.items() if s == split)

    def split_mentions(self, split: str) -> list[dict]:
        return [m for m in self.mentions if self.incidents[m["incident"]]["split"] == split]

    def restricted(self, articles: set[str]) -> "RealGold":
        """The gold of these articles only (a quick subset): their mentions, the incidents
        those report and the confuser pairs between such incidents."""
        mentions = [m for m in self.mentions if m["article"] in articles]
        kept = {m["incident"] for m in mentions}
        return RealGold(incidents={k: v for k, v in self.incidents.items() if k in kept}, mentions=mentions,
                        denials=[d for d in self.denials if d["article"] in articles],
                        confusers=[c for c in self.confusers if c["a"] in kept and c["b"] in kept],
                        articles={a: s for a, s in self.articles.items() if a in articles})


def load_gold(path: Path = GOLD) -> RealGold:
    gold = RealGold()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            kind = row["kind"]
            if kind == "incident":
                gold.incidents[row["incident"]] = row
            elif kind == "mention":
                gold.mentions.append(row)
            elif kind == "denial":
                gold.denials.append(row)
            elif kind == "confuser":
                gold.confusers.append(row)
            elif kind == "article":
                gold.articles[row["article"]] = row["split"]
    return gold


def available(data_dir) -> bool:
    if data_dir is None or not GOLD.is_file():
        return False
    return all((Path(data_dir) / folder / name).is_file() for folder, name in CORPORA.values())


def source_records(data_dir: Path, ids: set[str]) -> dict[str, dict]:
    """The shared-corpus records of these article ids."""
    out: dict[str, dict] = {}
    for prefix, (folder, name) in CORPORA.items():
        if not any(i.startswith(prefix) for i in ids):
            continue
        with open(Path(data_dir) / folder / name, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["id"] in ids:
                    out[rec["id"]] = rec
    return out


def build_store(data_dir: Path, gold: RealGold, split: str, db_path: Path, workers: int = 1) -> None:
    """Ingest the split's articles into a store at db_path (incidents linked at the end)."""
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store

    ids = gold.split_articles(split)
    records = source_records(data_dir, set(ids))
    src = Path(db_path).with_suffix(".jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for aid in ids:
            f.write(json.dumps(records[aid], ensure_ascii=False) + "\n")
    with Store(db_path) as store:
        ingest([str(src)], store, workers=workers, progress=False)


def stored_events(store) -> tuple[list[dict], dict[str, str]]:
    """(events with their incident id and mention spans, stored article texts)."""
    events = store.rows("""SELECT e.event_id, e.article_id, e.type, e.trigger_start, e.trigger_end,
                                  e.sentence_start, e.sentence_end, e.mentions, m.incident_id
                           FROM events e LEFT JOIN incident_mentions m USING (event_id)
                           ORDER BY e.event_id""")
    for e in events:
        spans = [(e["trigger_start"], e["trigger_end"])]
        for s in json.loads(e["mentions"] or "[]") or []:
            spans.append((int(s[0]), int(s[1])))
        e["spans"] = spans
    texts = {r["article_id"]: r["text"] for r in store.rows("SELECT article_id, text FROM articles")}
    return events, texts


class OffsetMap:
    """Carries offsets of the shared corpus text over to the stored (cleaned) text."""

    def __init__(self, raw: str, stored: str):
        self.same = raw == stored
        self.blocks = [] if self.same else difflib.SequenceMatcher(
            None, raw, stored, autojunk=False).get_matching_blocks()

    def __call__(self, offset: int) -> Optional[int]:
        if self.same:
            return offset
        for a, b, size in self.blocks:
            if a <= offset < a + size:
                return b + offset - a
        return None

    def span(self, span) -> Optional[tuple[int, int]]:
        start, end = self(span[0]), self(span[1] - 1)
        if start is None or end is None:
            return None
        return start, end + 1


def _overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_mentions(mentions: list[dict], events: list[dict], raw_texts: dict[str, str],
                   stored_texts: dict[str, str], gold_types: dict[str, str]) -> list[Optional[dict]]:
    """One stored event (or None) per gold mention, one-to-one, best evidence first."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        by_article[e["article_id"]].append(e)
    maps = {aid: OffsetMap(raw_texts[aid], stored_texts[aid]) for aid in {m["article"] for m in mentions}
            if aid in raw_texts and aid in stored_texts}
    options = []
    for i, m in enumerate(mentions):
        omap = maps.get(m["article"])
        if omap is None:
            continue
        trigger, sentence = omap.span(m["trigger"]), omap.span(m["sentence"])
        if trigger is None or sentence is None:
            continue
        for e in by_article.get(m["article"], []):
            if not any(_overlaps(s, sentence) for s in e["spans"]):
                continue
            on_trigger = any(_overlaps(s, trigger) for s in e["spans"])
            distance = min(abs(s[0] - trigger[0]) for s in e["spans"])
            key = (0 if on_trigger else 1, 0 if e["type"] == gold_types[m["incident"]] else 1, distance)
            options.append((key, i, e["event_id"], e))
    options.sort(key=lambda o: (o[0], o[1], o[2]))
    chosen: list[Optional[dict]] = [None] * len(mentions)
    used: set[str] = set()
    for _, i, event_id, e in options:
        if chosen[i] is None and event_id not in used:
            chosen[i] = e
            used.add(event_id)
    return chosen


def score_split(gold: RealGold, split: str, events: list[dict], raw_texts: dict[str, str],
                stored_texts: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    mentions = gold.split_mentions(split)
    types = {k: v["type"] for k, v in gold.incidents.items()}
    chosen = match_mentions(mentions, events, raw_texts, stored_texts, types)
    matched = [(m, e) for m, e in zip(mentions, chosen) if e is not None]
    pred = [e["incident_id"] or f"none:{e['event_id']}" for _, e in matched]
    gold_labels = [m["incident"] for m, _ in matched]
    metrics: dict[str, Any] = conll(pred, gold_labels)
    incidents = {m["incident"] for m in mentions}
    multi = [i for i in incidents if len({m["outlet"] for m in mentions if m["incident"] == i}) >= 2]
    merged = _merged_confusers(gold, split, matched)
    metrics.update({
        "gold_mentions": len(mentions), "matched_mentions": len(matched),
        "gold_incidents": len(incidents), "gold_incidents_multi_outlet": len(multi),
        "confuser_pairs": sum(1 for c in gold.confusers if gold.incidents[c["a"]]["split"] == split),
        "confuser_pairs_merged": len(merged),
    })
    errors = [f"CONFUSERS MERGED: {a} + {b} ({why})" for a, b, why in merged]
    errors += _cluster_errors(matched, pred, stored_texts)
    for m, e in zip(mentions, chosen):
        if e is None:
            errors.append(f"UNMATCHED gold mention of {m['incident']} in {m['article']} at {m['trigger']}")
    return metrics, errors


def _merged_confusers(gold: RealGold, split: str, matched: list[tuple[dict, dict]]) -> list[tuple[str, str, str]]:
    incidents_of: dict[str, set[str]] = defaultdict(set)  # predicted incident -> gold incidents
    for m, e in matched:
        if e["incident_id"]:
            incidents_of[e["incident_id"]].add(m["incident"])
    merged = []
    for c in gold.confusers:
        if gold.incidents[c["a"]]["split"] != split:
            continue
        if any(c["a"] in golds and c["b"] in golds for golds in incidents_of.values()):
            merged.append((c["a"], c["b"], c["why"]))
    return merged


def _cluster_errors(matched: list[tuple[dict, dict]], pred: list[str], texts: dict[str, str]) -> list[str]:
    gold_to_pred: dict[str, Counter] = defaultdict(Counter)
    pred_to_gold: dict[str, Counter] = defaultdict(Counter)
    for (m, _), p in zip(matched, pred):
        gold_to_pred[m["incident"]][p] += 1
        pred_to_gold[p][m["incident"]] += 1
    out = []
    for g, preds in sorted(gold_to_pred.items()):
        if len(preds) > 1:
            out.append(f"SPLIT {g} over {len(preds)} predicted incidents: {dict(preds)}")
    for p, golds in sorted(pred_to_gold.items()):
        if len(golds) > 1:
            out.append(f"MERGED into {p}: {dict(golds)}")
    return out


def evaluate_split(data_dir: Path, gold: RealGold, split: str, db_path: Optional[Path] = None,
                   rebuild: bool = True) -> tuple[dict[str, Any], list[str]]:
    """Score one split; with db_path an existing store is reused (its incidents re-linked
    when ``rebuild``), else a temporary one is built."""
    from sitrep.corpus.incidents import rebuild_incidents
    from sitrep.corpus.store import Store

    raw = {aid: rec["text"] for aid, rec in source_records(data_dir, set(gold.split_articles(split))).items()}
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp:
        path = Path(db_path) if db_path else Path(tmp) / f"incidents-{split}.duckdb"
        if not path.exists():
            build_store(data_dir, gold, split, path)
        elif rebuild:
            with Store(path) as store:
                rebuild_incidents(store)
        with Store(path, read_only=True) as store:
            events, texts = stored_events(store)
    return score_split(gold, split, events, raw, texts)


def evaluate(data_dir: Path, splits=SPLITS) -> tuple[dict[str, Any], list[str]]:
    """Metrics of every split, prefixed ``dev_`` / ``dev2_`` / ``test_``."""
    gold = load_gold()
    metrics: dict[str, Any] = {}
    errors: list[str] = []
    for split in splits:
        m, e = evaluate_split(Path(data_dir), gold, split)
        metrics.update({f"{split}_{k}": v for k, v in m.items()})
        errors.extend(f"[{split}] {line}" for line in e)
    return metrics, errors
