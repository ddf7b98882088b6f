"""Publication-date inference on real articles whose date is known, with the date hidden.

Gold: the ``published`` field of the allsides-intl articles that have one (AllSides'
record of the publication day). Each article's date is hidden and
``times.infer_publication_date`` works one out from its text alone (``text_*``
metrics: a dateline or the latest date written in full) and from its text and URL
(``url_*``). Reported on every article:

``text_coverage`` / ``url_coverage``
    the share of articles that get a date at all (the rest honestly get none);
``*_day_acc`` / ``*_month_acc``
    on the articles that get one, the share whose inferred value is the publication day /
    falls in its month;
``*_within_week``
    day-level values 0-7 days before the publication day (the news a text reports is
    mostly that recent).

Split: articles are split in two halves by a hash of their id. The ``even`` half is the
DEV split (``allsides-pubdate-dev``, ``pubdate_dev.py``): the inference is developed and
its errors read there. The ``odd`` half, reported by this set, is a TEST split: score it,
never read its errors or pick a rule on it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections import Counter
from pathlib import Path
from typing import Optional

from sitrep.eval.core import EvalResult

NAME = "allsides-pubdate"
STAGE = "times"
DESCRIPTION = ("TEST (held-out half, never tuned on): publication date inferred from the text of "
               "allsides-intl articles with their date hidden")
ANCHOR = "htmldate guesses from page metadata; no published figure for text-only inference"

CORPUS = Path("allsides-intl") / "articles.jsonl"


def available(data_dir) -> bool:
    return bool(data_dir) and (Path(data_dir) / CORPUS).is_file()


def half(article_id: str) -> str:
    """``even`` (development) or ``odd`` (held out), stable across runs."""
    return "even" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "odd"


def _score(counts: Counter, prefix: str, inferred, gold: str) -> None:
    counts[f"{prefix}_n"] += 1
    if inferred is None:
        return
    counts[f"{prefix}_given"] += 1
    value = inferred.value
    counts[f"{prefix}_day"] += value[:10] == gold[:10]
    counts[f"{prefix}_month"] += value[:7] == gold[:7]
    if inferred.granularity == "day":
        before = (dt.date.fromisoformat(gold[:10]) - dt.date.fromisoformat(value[:10])).days
        counts[f"{prefix}_week"] += 0 <= before <= 7


def evaluate(kb, data_dir, limit: Optional[int] = None, show_errors: int = 0, split: str = "odd") -> EvalResult:
    from sitrep.stages.times import infer_publication_date

    started = time.perf_counter()
    counts: Counter = Counter()
    errors: list[str] = []
    n = 0
    with open(Path(data_dir) / CORPUS, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            gold = rec.get("published")
            if not gold or half(rec["id"]) != split:
                continue
            n += 1
            if limit and n > limit:
                break
            from_text = infer_publication_date(rec["text"])
            _score(counts, "text", from_text, gold)
            _score(counts, "url", infer_publication_date(rec["text"], rec.get("url")), gold)
            if show_errors and split == "even" and from_text is not None and from_text.value[:10] != gold[:10] \
                    and len(errors) < show_errors:
                errors.append(f"WRONG {rec['id']}: inferred {from_text.value} ({from_text.evidence}), "
                              f"published {gold}")
    result = EvalResult(NAME, STAGE, anchor=ANCHOR, n_items=counts["text_n"], errors=errors)
    for prefix in ("text", "url"):
        given = counts[f"{prefix}_given"]
        result.metrics[f"{prefix}_coverage"] = round(given / max(1, counts[f"{prefix}_n"]), 4)
        result.metrics[f"{prefix}_day_acc"] = round(counts[f"{prefix}_day"] / max(1, given), 4)
        result.metrics[f"{prefix}_month_acc"] = round(counts[f"{prefix}_month"] / max(1, given), 4)
        result.metrics[f"{prefix}_within_week"] = round(counts[f"{prefix}_week"] / max(1, given), 4)
    role = "DEV split: tune here" if split == "even" else "TEST split: held out, never tuned on"
    result.notes.append(f"{split} half of the dated articles ({role})")
    result.seconds = time.perf_counter() - started
    return result
