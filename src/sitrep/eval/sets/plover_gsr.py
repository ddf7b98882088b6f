"""PLOVER gold standard records (CAMEO manual examples re-coded in PLOVER 0.5b1) -> events.

Gold: ``plover-gsr-cameo/gold.jsonl``, 322 records over ~300 distinct sentences, each one
PLOVER 0.5b1 event with actor/recipient codes. Old category names are mapped to the 16
PLOVER 2.0 types by ``OLD_TO_CURRENT`` (docs/plover-mapping.md): DEMAND -> REQUEST,
DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT; the others keep their name.

Each distinct sentence is run through the pipeline (no cleaning stage, up to certainty).

What is scored (per sentence):
  gold set       the distinct mapped types of the sentence's records (a sentence coded
                 twice with two types has two gold events)
  predicted set  the distinct types of the sentence's *coded* events
                 (``events.coded_events``: what a PLOVER coder reports -- events that are
                 only the content of another event, e.g. the strike inside "threatened to
                 strike", and negated events are left out, as PLOVER codes one category)
  per type       tp = type in both sets, fp = predicted only, fn = gold only
  type_macro_f1  mean F1 over the 16 types that occur in gold or prediction
  type_micro_f1  pooled over all types
  type_macro_f1_all_events  the same with every event the stage emits (content and
                 negated events included), to show what the coding convention is worth
  source_country_acc / target_country_acc  over matched (tp) sentence-types whose gold
                 actor (recipient) has a country code: correct when some predicted event
                 of that type has a source (target) whose ``country`` is one of the gold
                 codes. A missing predicted actor counts as wrong.
  source_country_acc_when_given / target_country_acc_when_given  the same, counted only
                 where some predicted event of that type has an actor with a country
                 (how often a stated role is right, separately from how often one is found)
"""
from __future__ import annotations

import time
from collections import OrderedDict
from pathlib import Path
from typing import Any, Optional

from sitrep.eval.core import PRF, EvalResult, analyse_gold, macro_f1, read_jsonl
from sitrep.model import PLOVER_TYPES

NAME = "plover_gsr"
STAGE = "events"
DESCRIPTION = "PLOVER GSR: 322 CAMEO-manual sentences hand-coded in PLOVER (event type, actor countries)"
ANCHOR = ("no like-for-like published figure; codebook-tuned Mistral-7B 0.76 micro F1 on PLOVER types, "
          "0.53 zero-shot (Halterman & Keith 2025). The lexicon was tuned on this set")

GOLD = Path("plover-gsr-cameo") / "gold.jsonl"

#: PLOVER 0.5b1 category -> PLOVER 2.0 type
OLD_TO_CURRENT = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
    "SACTION": "SANCTION", "YIELD": "CONCEDE", "CRIME": None,
}
#: codes in the gold actor fields that are not countries
NON_COUNTRY = frozenset({"IGO", "NGO", "IMG", "MNC", "CIV", "REB", "GOV", "MIL", "UNK", "---"})
#: legacy CAMEO country codes in the gold that differ from ISO 3166 alpha-3
CAMEO_COUNTRY = {"JAP": "JPN", "VTN": "VNM"}


def map_type(name: Optional[str]) -> Optional[str]:
    if not name:
        return None
    name = name.strip().upper()
    if name in OLD_TO_CURRENT:
        return OLD_TO_CURRENT[name]
    return name if name in PLOVER_TYPES else None


def available(data_dir: Path) -> bool:
    return (Path(data_dir) / GOLD).is_file()


def load_sentences(data_dir: Path, limit: Optional[int] = None) -> list[dict]:
    """Gold records grouped by sentence text, in file order."""
    groups: "OrderedDict[str, dict]" = OrderedDict()
    for rec in read_jsonl(Path(data_dir) / GOLD):
        g = groups.setdefault(rec["text"], {"id": rec["id"], "text": rec["text"], "records": []})
        g["records"].append(rec)
    rows = list(groups.values())
    return rows[:limit] if limit is not None else rows


def analyse_texts(kb, texts: list[str], ids: list[str], published: Optional[list] = None,
                  until: str = "certainty") -> list[Any]:
    """The real pipeline up to ``until`` on each sentence, read the way a user's file of
    sentences is read: as records of a JSONL file, so that each short one goes through the
    snippet path (clean stage, ``meta['short_context']``) like any user's headline."""
    from sitrep.errors import InputError
    from sitrep.model import Article, Document
    from sitrep.pipeline import analyse, prepare
    from sitrep.read.records import articles_from_records

    records = [{"id": ids[i], "text": text, "published": published[i] if published else None}
               for i, text in enumerate(texts)]
    articles, _ = articles_from_records(records, "gold")
    by_id = {a.id: a for a in articles}
    prepared = []
    for i, text in enumerate(texts):
        article = by_id.get(ids[i])
        try:
            prepared.append(prepare(article, kb) if article is not None else None)
        except InputError:
            prepared.append(None)  # refused like a user's record would be: scored as finding nothing
        if prepared[-1] is None:
            prepared[-1] = Document(article=Article(id=ids[i], text=""))
    sdocs = kb.nlp.pipe([d.article.text for d in prepared], batch_size=32)
    return [analyse(d, kb, spacy_doc=sdoc, until=until) for d, sdoc in zip(prepared, sdocs)]


def _codes(entities: list) -> set[str]:
    out = set()
    for e in entities or []:
        code = (e.get("code") or "") if isinstance(e, dict) else ""
        code = code.strip().upper()[:3]
        if len(code) == 3 and code.isalpha() and code not in NON_COUNTRY:
            out.add(CAMEO_COUNTRY.get(code, code))
    return out


def evaluate(kb, data_dir: Path, limit: Optional[int] = None, show_errors: int = 0) -> EvalResult:
    started = time.perf_counter()
    rows = load_sentences(data_dir, limit)
    result = EvalResult(set_name=NAME, stage=STAGE, anchor=ANCHOR)
    docs = analyse_texts(kb, [r["text"] for r in rows], [f"gsr-{i}" for i in range(len(rows))])
    score(rows, docs, result, show_errors)
    result.seconds = time.perf_counter() - started
    return result


def score(rows: list[dict], docs: list, result: EvalResult, show_errors: int = 0) -> EvalResult:
    """Fill ``result.metrics`` for analysed sentences (see the module docstring)."""
    from sitrep.stages.events import coded_events

    per_type = {t: PRF() for t in PLOVER_TYPES}
    per_type_all = {t: PRF() for t in PLOVER_TYPES}
    src_ok = src_n = tgt_ok = tgt_n = 0
    src_pred_ok = src_pred_n = tgt_pred_ok = tgt_pred_n = 0
    unmapped = 0
    for row, doc in zip(rows, docs):
        gold: dict[str, dict] = {}
        for rec in row["records"]:
            t = map_type(rec["event"])
            if t is None:
                unmapped += 1
                continue
            g = gold.setdefault(t, {"src": set(), "tgt": set()})
            g["src"] |= _codes(rec.get("actor"))
            g["tgt"] |= _codes(rec.get("recipient"))
        coded = coded_events(doc)
        predicted = {e.type for e in coded}
        everything = {e.type for e in doc.events}
        for t in PLOVER_TYPES:
            for table, pred in ((per_type, predicted), (per_type_all, everything)):
                s = table[t]
                if t in gold and t in pred:
                    s.tp += 1
                elif t in pred:
                    s.fp += 1
                elif t in gold:
                    s.fn += 1
        for t, g in gold.items():
            if t not in predicted:
                continue
            evs = [e for e in coded if e.type == t]
            if g["src"]:
                src_n += 1
                src_ok += any(e.source is not None and (e.source.country or "") in g["src"] for e in evs)
                with_src = [e for e in evs if e.source is not None and e.source.country]
                if with_src:
                    src_pred_n += 1
                    src_pred_ok += any(e.source.country in g["src"] for e in with_src)
            if g["tgt"]:
                tgt_n += 1
                tgt_ok += any(e.target is not None and (e.target.country or "") in g["tgt"] for e in evs)
                with_tgt = [e for e in evs if e.target is not None and e.target.country]
                if with_tgt:
                    tgt_pred_n += 1
                    tgt_pred_ok += any(e.target.country in g["tgt"] for e in with_tgt)
        if show_errors and (set(gold) != predicted):
            desc = "; ".join(f"{e.type}[{e.trigger.text}]" for e in coded) or "-"
            result.errors.append(f"gold {sorted(gold)} predicted {desc} | {row['text']}")
    micro = PRF()
    for s in per_type.values():
        micro += s
    result.metrics["type_macro_f1"] = round(macro_f1(per_type), 4)
    result.metrics["type_micro_f1"] = round(micro.f1, 4)
    result.metrics["type_macro_f1_all_events"] = round(macro_f1(per_type_all), 4)
    result.metrics["source_country_acc"] = round(src_ok / src_n, 4) if src_n else None
    result.metrics["target_country_acc"] = round(tgt_ok / tgt_n, 4) if tgt_n else None
    # the same, only where the stage output an actor with a country (precision of roles)
    result.metrics["source_country_acc_when_given"] = round(src_pred_ok / src_pred_n, 4) if src_pred_n else None
    result.metrics["target_country_acc_when_given"] = round(tgt_pred_ok / tgt_pred_n, 4) if tgt_pred_n else None
    result.metrics["country_scored_source"] = src_n
    result.metrics["country_scored_target"] = tgt_n
    result.metrics["type_micro"] = micro
    for t in PLOVER_TYPES:
        if per_type[t].tp + per_type[t].fp + per_type[t].fn:
            result.metrics[f"type_{t}"] = per_type[t]
    result.n_items = len(rows)
    if unmapped:
        result.notes.append(f"{unmapped} gold records with an unmapped category were skipped")
    result.notes.append("per sentence: set of predicted types of coded events vs set of gold types")
    result.errors = result.errors[:show_errors] if show_errors else []
    return result
