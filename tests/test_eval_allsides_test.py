"""The held-out allsides-test gold: loads, points at real words of its articles, stays apart from dev."""
import json
from pathlib import Path

import pytest

from sitrep.eval.sets import allsides_dev, allsides_test

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPUS = DATA / "allsides-intl" / "articles.jsonl"
GOLD = allsides_test.GOLD_DIR
needs_data = pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/data/allsides-intl is absent")


def _gold_ids() -> list[str]:
    return (GOLD / "ids.txt").read_text().split()


def _records() -> list[dict]:
    rows = []
    for path in sorted(GOLD.glob("part-*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def test_gold_loads_with_every_listed_article_and_events():
    articles, events = allsides_dev.load_gold(gold_dir=GOLD)
    assert sorted(articles) == sorted(_gold_ids())
    assert len(_gold_ids()) == 12
    assert all(events[a] for a in articles), "every test article has coded events"
    for coded in events.values():
        for e in coded:
            assert e.mentions and all(s < t for s, t in e.mentions)


def test_registered_as_a_test_set_with_the_dev_metrics():
    from sitrep.eval.core import SET_MODULES

    assert "sitrep.eval.sets.allsides_test" in SET_MODULES
    assert allsides_test.NAME == "allsides-test"
    assert "TEST" in allsides_test.DESCRIPTION and "TEST" in allsides_test.ANCHOR
    assert allsides_test.GOLD_DIR != allsides_dev.GOLD_DIR


@needs_data
def test_disjoint_from_the_dev_gold():
    dev = set((DATA / "allsides-intl" / "dev-gold-ids.txt").read_text().split())
    dev_articles, _ = allsides_dev.load_gold()
    assert not (set(_gold_ids()) & (dev | set(dev_articles)))


@needs_data
def test_every_offset_lies_on_words_inside_one_sentence_of_its_article():
    ids = set(_gold_ids())
    texts = allsides_dev.corpus_texts(DATA, ids)
    assert set(texts) == ids
    checked = 0
    for rec in _records():
        if rec["kind"] != "event":
            continue
        text = texts[rec["article"]]
        sentences = allsides_dev.sentence_spans(text)
        # triggers and date phrases sit in one sentence of the scorer's split; actor names
        # may contain "U.S." (a split point of that plain splitter), so they are checked as words only
        one_sentence = list(rec["mentions"]) + ([rec["date_span"]] if rec.get("date_span") else [])
        actors = [a["span"] for a in (rec.get("source"), rec.get("target"), rec.get("attributed_to"))
                  if a and a.get("span")]
        for start, end in one_sentence + actors:
            piece = text[start:end]
            assert piece.strip() == piece and piece, (rec["article"], rec["event"], start, end)
            assert start == 0 or not text[start - 1].isalnum(), (rec["article"], rec["event"], "starts inside a word")
            assert end == len(text) or not text[end].isalnum(), (rec["article"], rec["event"], "ends inside a word")
            checked += 1
        for start, end in one_sentence:
            assert any(s <= start and end <= t for s, t in sentences), (rec["article"], rec["event"], "crosses sentences")
    assert checked > 149


@needs_data
def test_selection_script_reproduces_the_ids():
    import importlib.util

    spec = importlib.util.spec_from_file_location("select_allsides_test", ROOT / "scripts" / "select_allsides_test.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert [r["id"] for _, r in module.select(DATA / "allsides-intl")] == _gold_ids()
