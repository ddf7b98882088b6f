"""Times stage on MEANTIME English (120 Wikinews articles, 488 TIMEX3 with a text span).

Same protocol and metrics as the TempEval-3 scorer (see sitrep.eval.sets.tempeval): the
rebuilt gold text goes through the pipeline up to the times stage without cleaning, with
the CREATION_TIME value as ``published``; timexes without a text span (computed end
points) are not scored. Two documents have no DCT: they run with ``published=None``.
The malformed DCT "03-02-2009" is read day-first by the stage's reference parser.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from sitrep.eval.core import EvalResult
from sitrep.eval.sets.tempeval import load_docs, score_documents

NAME = "meantime-times"
STAGE = "times"
DESCRIPTION = "MEANTIME English: 120 Wikinews articles, 488 TIMEX3 with values against the DCT"
ANCHOR = "TempEval-3 value F1 (other set): HeidelTime 77.6, SUTime 67.4; no published MEANTIME figure"

GOLD = "meantime-en/gold.jsonl"


def available(data_dir) -> bool:
    return data_dir is not None and (Path(data_dir) / GOLD).is_file()


def evaluate(kb, data_dir, limit: Optional[int] = None, show_errors: int = 0) -> EvalResult:
    docs = load_docs(Path(data_dir) / GOLD, limit)
    result = score_documents(kb, docs, NAME, show_errors)
    result.anchor = ANCHOR
    result.notes.append("no clean stage on gold texts (offsets kept); value F1 = TempEval-3 attribute F1; "
                        "timexes without a text span are not scored")
    return result
