"""Events on real news, HELD OUT: the team's TEST gold for 24 allsides-intl articles.

The same kind of gold as ``allsides-dev`` (docs/annotation.md, one record per happening
with all its mentions, offsets into the corpus text) for 24 other articles in two parts of
12 (``part-T.jsonl``, ``part-U.jsonl``), chosen by ``scripts/select_allsides_test.py`` (ids
and rule in ``gold/allsides-test/README.md``). It is scored by the allsides-dev code with
the same metrics, over both parts, and each part is also reported alone
(``part_T_*``, ``part_U_*``): part T alone continues the series measured before part U.
Nobody tunes on it: its figures are the team's honest real-news numbers; tune on
``allsides-dev`` instead.
"""
from __future__ import annotations

from pathlib import Path

from sitrep.eval.core import EvalResult
from sitrep.eval.sets import allsides_dev

NAME = "allsides-test"
STAGE = allsides_dev.STAGE
STAGES = allsides_dev.STAGES
DESCRIPTION = ("real news, TEST (held out, never tuned on): 24 allsides-intl articles (parts T and U, "
               "each also scored alone), every event an analyst would code (team gold)")
ANCHOR = "TEST set, never tuned on; compare with allsides-dev. " + allsides_dev.ANCHOR

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold" / "allsides-test"
ROLE_NOTE = "TEST set: held out, never tuned on (tune on allsides-dev)"


def available(data_dir) -> bool:
    return allsides_dev.available(data_dir, GOLD_DIR)


def evaluate(kb, data_dir, limit=None, show_errors=0) -> EvalResult:
    return allsides_dev.evaluate_gold(kb, data_dir, GOLD_DIR, NAME, ANCHOR, ROLE_NOTE, limit, by_part=True)
