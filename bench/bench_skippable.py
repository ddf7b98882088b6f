"""How much of a real article the expensive spaCy components (parser, NER) could skip
without changing the output: the share of tokens in sentences that can matter.

    python bench/bench_skippable.py [--articles 60]

Runs the full pipeline over the first N articles of the allsides-intl dev corpus (the
allsides-test gold ids left out) and counts, per non-space token, whether its sentence
holds a trigger candidate (the event stage's own lexical test,
``event_triggers.candidate_positions`` over the trigger tables of knowledge/plover.py),
a quote or reported speech (the quotes stage), an event mention in the output, a named
entity the actor/place stages read, or lies in a paragraph the event stage drops as page
furniture (``event_context.furniture_spans``). Results: bench/results/skippable-<N>.json
(counts only; no text).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.model import Article  # noqa: E402
from sitrep.pipeline import Pipeline  # noqa: E402
from sitrep.stages.event_context import furniture_spans  # noqa: E402
from sitrep.stages.event_triggers import candidate_positions  # noqa: E402

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def articles(n: int) -> list[Article]:
    from sitrep.eval.core import default_data_dir

    data = default_data_dir()
    path = data / "allsides-intl" / "articles.jsonl" if data else None
    if path is None or not path.is_file():
        raise SystemExit("allsides-intl not found under ../shared/data (set SITREP_DATA)")
    held_out = set((ROOT / "src/sitrep/eval/gold/allsides-test/ids.txt").read_text().split())
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] not in held_out:
                out.append(Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"),
                                   source=r.get("source"), url=r.get("url")))
            if len(out) == n:
                break
    return out


def count(doc, lex) -> Counter:
    """Tokens of one analysed document by the kind of sentence they sit in."""
    sdoc = doc.nlp
    sents = list(sdoc.sents)
    sent_of = {t.i: k for k, s in enumerate(sents) for t in s}
    size = [sum(not t.is_space for t in s) for s in sents]
    hits, _ = candidate_positions(sdoc, lex)
    starts = [s.start_char for s in sents]

    def overlapping(spans):
        return {k for k, s in enumerate(sents) for a, b in spans if a < s.end_char and b > s.start_char}

    kinds = {
        "trigger_candidate": {sent_of[i] for i in hits},
        "quote": overlapping([q.span for q in doc.quotes]),
        "event_in_output": overlapping([m.span for e in doc.events for m in (e.mentions or [e.trigger])]),
        "named_entity": {sent_of[e.start] for e in sdoc.ents if e.label_ in NAME_LABELS},
        "furniture": {k for k, a in enumerate(starts) for s, e in furniture_spans(doc, lex) if s <= a < e},
        "lead": {k for k, s in enumerate(sents) if doc.paragraphs and s.start_char < doc.paragraphs[0][1]},
    }
    kinds["candidate_or_quote_or_lead"] = kinds["trigger_candidate"] | kinds["quote"] | kinds["lead"]
    kinds["skippable_not_furniture"] = set(range(len(sents))) - kinds["candidate_or_quote_or_lead"] - kinds["furniture"]
    kinds["skippable_incl_furniture"] = kinds["skippable_not_furniture"] | (kinds["furniture"] - kinds["event_in_output"])
    out = Counter({f"tokens_{k}": sum(size[i] for i in v) for k, v in kinds.items()})
    out.update({"tokens": sum(size), "sentences": len(sents), "articles": 1})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = ap.parse_args()
    pipeline = Pipeline.default()
    lex = pipeline.kb.event_lexicon
    total: Counter = Counter()
    for doc in pipeline.pipe(articles(args.articles)):
        if getattr(doc, "nlp", None) is not None:
            total.update(count(doc, lex))
    shares = {k[len("tokens_"):]: round(v / total["tokens"], 3) for k, v in sorted(total.items())
              if k.startswith("tokens_")}
    summary = {"benchmark": "share of tokens in sentences that can matter for the output (dev corpus)",
               "corpus": "allsides-intl (allsides-test gold ids left out)", "counts": dict(total),
               "share_of_tokens": shares, "date": time.strftime("%Y-%m-%d %H:%M:%S %Z")}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"skippable-{args.articles}.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
