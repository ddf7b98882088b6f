"""Events and certainty on the bundled demo corpus (the team's own gold, 84 mentions).

The gold (src/sitrep/demo/gold/incidents.jsonl, format in the demo README) marks the main
events of every item, not every event, so precision is counted only inside annotated
sentences: an event sitrep finds in an annotated sentence that matches no gold trigger is a
false alarm; events in sentences nobody annotated are not scored.

Matching: same article, gold sentence contains a mention of the predicted event (its
trigger or another of its ``mentions``), and that mention overlaps the gold trigger words. On matched events: type accuracy, source/target country
accuracy (null counts as a value); on matches through the event's first mention (its
trigger: an event has one certainty, read where it is first reported): certainty status
accuracy, attributed-to country accuracy (on gold rows that name one), hedge recall, date
accuracy (gold date is a prefix of, or equal to, the predicted value).

Detection counts events, as the guidelines code them (docs/annotation.md 3: one event per
happening, with all its mentions): a predicted event is a false alarm in an annotated
sentence when it is first reported there (its trigger is in the sentence) and none of its
mentions there matches a gold row. A later mention of an event reported before ("Maduro
condemned the strike") claims no new event and is not counted; a second word of the same
event in its own sentence ("explosions shook the city as jets struck") neither.
``mention_detection`` keeps the stricter count of every unmatched mention as a false alarm.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sitrep.eval.core import PRF, EvalResult

NAME = "demo-events"
STAGE = "events"
STAGES = ("events", "certainty")
DESCRIPTION = "bundled demo corpus: 84 hand-annotated event mentions with certainty"
ANCHOR = "no published system codes certainty; PLOVER defines modes but nobody implements them"


def available(data_dir) -> bool:
    from sitrep.demo import GOLD_INCIDENTS
    return GOLD_INCIDENTS.is_file()


def demo_documents(kb):
    """(article, document) for every demo item, through the real reader and pipeline."""
    from sitrep.demo import demo_inputs
    from sitrep.pipeline import process
    from sitrep.read import read_input

    out = []
    for path in demo_inputs():
        for article in read_input(str(path)):
            out.append(process(article, kb))
    return out


def _find_sentence(doc, sentence: str):
    text = doc.article.text
    flat = " ".join(text.split())
    if sentence not in flat:
        return None
    # map back to the original offsets: walk the text and the flattened text together
    start_flat = flat.index(sentence)
    mapping = []
    prev_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not prev_space and mapping:
                mapping.append(i)
            prev_space = True
            continue
        prev_space = False
        mapping.append(i)
    mapping = mapping[: len(flat)]
    if start_flat + len(sentence) > len(mapping):
        return None
    return mapping[start_flat], mapping[start_flat + len(sentence) - 1] + 1


@dataclass
class _Tally:
    detect: PRF = field(default_factory=PRF)
    mention_fp: int = 0  # every unmatched mention (``mention_detection``)
    #: matched, type_ok, source_ok, ..., certainty_n, certainty_ok, attr_n, attr_ok, ...
    counts: Counter = field(default_factory=Counter)
    per_status: Counter = field(default_factory=Counter)  # (gold, predicted) certainty
    errors: list[str] = field(default_factory=list)


def evaluate(kb, data_dir, limit=None, show_errors=0, documents=None) -> EvalResult:
    from sitrep.demo import load_gold

    gold = load_gold()
    docs = documents if documents is not None else demo_documents(kb)
    result = EvalResult(NAME, STAGE, anchor=ANCHOR)
    tally = _Tally()
    by_sentence, unmatched_docs = _gold_by_sentence(gold, docs, tally)
    for (doc_index, sentence), rows in by_sentence.items():
        _score_sentence(docs[doc_index], sentence, rows, tally)

    result.n_items = len(gold)
    result.metrics = _metrics(tally)
    result.errors.extend(tally.errors)
    confusion = ", ".join(f"{g}→{p}:{c}" for (g, p), c in sorted(tally.per_status.items()) if g != p)
    if confusion:
        result.notes.append(f"certainty confusions (gold→predicted): {confusion}")
    if unmatched_docs:
        result.notes.append(f"{len(unmatched_docs)} gold documents not produced by the reader: "
                            + ", ".join(sorted(unmatched_docs)))
    return result


def _gold_by_sentence(gold: list[dict], docs, tally: _Tally):
    """({(document index, sentence span): gold rows}, gold documents the reader did not
    produce); a row whose document or sentence is not found counts as a miss."""
    from sitrep.demo import article_matches

    unmatched_docs = set()
    by_sentence: dict[tuple[int, tuple[int, int]], list[dict]] = {}
    for row in gold:
        doc_index = next((i for i, d in enumerate(docs) if article_matches(d.article, row["doc"])), None)
        if doc_index is None:
            unmatched_docs.add(row["doc"])
            tally.detect.fn += 1
            continue
        span = _find_sentence(docs[doc_index], row["sentence"])
        if span is None:
            tally.errors.append(f"gold sentence not found in {row['doc']}: {row['sentence'][:80]}")
            tally.detect.fn += 1
            continue
        by_sentence.setdefault((doc_index, span), []).append(row)
    return by_sentence, unmatched_docs


def _mentions_in(doc, s_start: int, s_end: int):
    """(events, spans): every mention of a predicted event that starts in the sentence.

    The gold marks mentions: an event reported several times is matched by each of its
    mention spans in the sentence (Event.mentions, the first being the trigger)."""
    predicted, spans = [], []
    for e in doc.events:
        for m in (e.mentions or [e.trigger]):
            if s_start <= m.span[0] < s_end:
                predicted.append(e)
                spans.append(m.span)
    return predicted, spans


def _score_sentence(doc, sentence: tuple[int, int], rows: list[dict], tally: _Tally) -> None:
    """Match the sentence's gold rows to predicted mentions one to one; the mentions left
    over are false alarms."""
    s_start, s_end = sentence
    text = doc.article.text
    predicted, spans = _mentions_in(doc, s_start, s_end)
    used = set()
    for row in rows:
        trig_at = text.find(row["trigger"], s_start, s_end)
        g_span = (trig_at, trig_at + len(row["trigger"]))
        match = next((k for k, sp in enumerate(spans) if k not in used
                      and sp[0] < g_span[1] and g_span[0] < sp[1]), None)
        if match is None:
            tally.detect.fn += 1
            tally.errors.append(f"MISS {row['type']} [{row['trigger']}] {row['doc']}: {row['sentence']}")
            continue
        used.add(match)
        tally.detect.tp += 1
        _score_match(row, predicted[match], spans[match], tally)
    matched = {id(predicted[k]) for k in used}
    counted = set()
    for k, e in enumerate(predicted):
        if k in used:
            continue
        tally.mention_fp += 1
        if id(e) in matched or id(e) in counted or not s_start <= e.trigger.span[0] < s_end:
            continue  # a recap of an event reported before, or another word of a matched one
        counted.add(id(e))
        tally.detect.fp += 1
        tally.errors.append(f"FALSE ALARM {e.type} [{text[spans[k][0]:spans[k][1]]}] in: "
                            f"{text[s_start:s_end]}")


def _score_match(row: dict, event, mention_span, tally: _Tally) -> None:
    """Type and dyad of a matched event; certainty, attribution, hedge and date only when
    it matched through its first mention."""
    counts = tally.counts
    counts["matched"] += 1
    counts["type_ok"] += event.type == row["type"]
    src = event.source.country if event.source else None
    tgt = event.target.country if event.target else None
    counts["source_ok"] += src == row["source"]
    counts["target_ok"] += tgt == row["target"]
    status = event.certainty.status
    if mention_span != event.trigger.span:
        # an event has one certainty, read at its first mention; a later mention
        # (a quote that alleges it, a recap) is scored for detection, type and roles
        counts["later_mentions"] += 1
        _report_wrong(row, _wrong_fields(row, event, src, tgt), tally)
        return
    counts["certainty_n"] += 1
    counts["certainty_ok"] += status == row["certainty"]
    tally.per_status[(row["certainty"], status)] += 1
    if row.get("attributed_to"):
        counts["attr_n"] += 1
        attributed = event.certainty.attributed_to
        counts["attr_ok"] += bool(attributed and attributed.country == row["attributed_to"])
    if row.get("hedge"):
        counts["hedge_n"] += 1
        counts["hedge_ok"] += bool(event.certainty.hedges)
    if row.get("date"):
        counts["date_n"] += 1
        value = event.date.value if event.date else None
        counts["date_ok"] += bool(value and value.startswith(row["date"]))
    _report_wrong(row, _wrong_fields(row, event, src, tgt, certainty=True), tally)


def _wrong_fields(row: dict, event, src, tgt, certainty: bool = False) -> list[str]:
    """What the matched event gets wrong: type, certainty (when it is scored), dyad."""
    wrong = []
    if event.type != row["type"]:
        wrong.append(f"type {event.type}≠{row['type']}")
    status = event.certainty.status
    if certainty and status != row["certainty"]:
        wrong.append(f"certainty {status}≠{row['certainty']}")
    if src != row["source"] or tgt != row["target"]:
        wrong.append(f"dyad {src}→{tgt} ≠ {row['source']}→{row['target']}")
    return wrong


def _report_wrong(row: dict, wrong: list[str], tally: _Tally) -> None:
    if wrong:
        tally.errors.append(f"WRONG [{row['trigger']}] {', '.join(wrong)}: {row['sentence']}")


def _metrics(tally: _Tally) -> dict:
    counts = tally.counts
    n = counts["matched"] or 1
    return {
        "event_detection": tally.detect,
        "mention_detection": PRF(tp=tally.detect.tp, fp=tally.mention_fp, fn=tally.detect.fn),
        "type_accuracy": counts["type_ok"] / n,
        "source_country_acc": counts["source_ok"] / n,
        "target_country_acc": counts["target_ok"] / n,
        "certainty_accuracy": counts["certainty_ok"] / (counts["certainty_n"] or 1),
        "attributed_to_acc": counts["attr_ok"] / (counts["attr_n"] or 1),
        "hedge_recall": counts["hedge_ok"] / (counts["hedge_n"] or 1),
        "date_accuracy": counts["date_ok"] / (counts["date_n"] or 1),
    }
