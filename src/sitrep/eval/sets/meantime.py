"""Times stage on MEANTIME English (120 Wikinews articles, 488 TIMEX3 with a text span).

Same protocol and metrics as the TempEval-3 scorer (see sitrep.eval.sets.tempeval): the
rebuilt gold text goes through the pipeline up to the times stage without cleaning, with
the CREATION_TIME value as ``published``; timexes without a text span (computed end
points) are not scored. Two documents have no DCT: they run with ``published=None``.

MEANTIME annotates time expressions only in the first six sentences of each article
(title, date line and four body sentences; events and entities go further for
cross-document work). System timexes after the end of sentence 5 are therefore not
counted as false alarms: the end of the annotated region is found by aligning the
upstream tokens of sentences 0-5 (upstream/xml) with the rebuilt text.
The malformed DCT "03-02-2009" is read day-first by the stage's reference parser.
"""
from __future__ import annotations

import re
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


#: sentences 0..5 carry TIMEX3 annotation
LAST_ANNOTATED_SENTENCE = 5
_TOKEN = re.compile(r'<token [^>]*?sentence="(\d+)"[^>]*>([^<]*)</token>')


def annotated_end(data_dir: Path, doc: dict) -> Optional[int]:
    """Offset in the rebuilt text where the timex-annotated sentences end (None: unknown)."""
    path = Path(data_dir) / "meantime-en/upstream/xml" / doc.get("corpus", "") / f"{doc.get('doc_name', '')}.xml"
    if not path.is_file():
        return None
    text = doc["text"]
    cursor = 0
    for m in _TOKEN.finditer(path.read_text(encoding="utf-8")):
        if int(m.group(1)) > LAST_ANNOTATED_SENTENCE:
            break
        token = m.group(2).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        token = token.replace("&quot;", '"').replace("&apos;", "'")
        if token in ("``", "''"):
            token = '"'
        found = text.find(token, cursor)
        if 0 <= found < cursor + 40:
            cursor = found + len(token)
    return cursor or None


def evaluate(kb, data_dir, limit: Optional[int] = None, show_errors: int = 0) -> EvalResult:
    docs = load_docs(Path(data_dir) / GOLD, limit)
    for doc in docs:
        doc["scored_until"] = annotated_end(Path(data_dir), doc)
    result = score_documents(kb, docs, NAME, show_errors)
    result.anchor = ANCHOR
    result.notes.append("no clean stage on gold texts (offsets kept); value F1 = TempEval-3 attribute F1; "
                        "timexes without a text span are not scored; only sentences 0-5 are annotated and scored")
    return result
