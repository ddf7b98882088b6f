"""Publication-date inference, DEV split: the ``even`` half of the dated allsides-intl
articles, scored exactly as ``allsides-pubdate`` (its TEST split, the ``odd`` half).

The inference (``times.infer_publication_date``) is developed here; ``--show-errors``
lists its wrong days on this half only.
"""
from __future__ import annotations

from typing import Optional

from sitrep.eval.core import EvalResult
from sitrep.eval.sets import pubdate

NAME = "allsides-pubdate-dev"
STAGE = pubdate.STAGE
DESCRIPTION = ("DEV half: publication date inferred from the text of allsides-intl articles with "
               "their date hidden")
ANCHOR = pubdate.ANCHOR


def available(data_dir) -> bool:
    return pubdate.available(data_dir)


def evaluate(kb, data_dir, limit: Optional[int] = None, show_errors: int = 0) -> EvalResult:
    result = pubdate.evaluate(kb, data_dir, limit, show_errors, split="even")
    result.set_name = NAME
    return result
