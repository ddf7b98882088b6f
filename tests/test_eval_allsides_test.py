"""The held-out allsides-test gold: loads, points at real words of its articles, stays apart from dev."""
import json
from collections import Counter
from pathlib import Path

import pytest

from sitrep.eval.sets import allsides_dev, allsides_test

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPUS = DATA / "allsides-intl" / "articles.jsonl"
GOLD = allsides_test.GOLD_DIR
needs_data = pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/data/allsides-intl is absent")


def _gold_ids() -> list[str]:
    """Part T's ids (ids.txt, the first draw)."""
    return (GOLD / "ids.txt").read_text().split()


def _all_ids() -> list[str]:
    """Every article of the test gold: part T (ids.txt) then part U (ids-U.txt)."""
    return _gold_ids() + (GOLD / "ids-U.txt").read_text().split()


def _records(pattern: str = "part-*.jsonl") -> list[dict]:
    rows = []
    for path in sorted(GOLD.glob(pattern)):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def test_gold_loads_with_every_listed_article_and_events():
    articles, events = allsides_dev.load_gold(gold_dir=GOLD)
    assert sorted(articles) == sorted(_all_ids())
    assert len(_gold_ids()) == 12 and len(set(_all_ids())) == 24
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
    assert not (set(_all_ids()) & (dev | set(dev_articles)))


@needs_data
@pytest.mark.parametrize("pattern, at_least", [("part-*.jsonl", 149 + 114), ("part-U.jsonl", 114),
                                                ("second-*.jsonl", 54)])
def test_every_offset_lies_on_words_inside_one_sentence_of_its_article(pattern, at_least):
    ids = set(_all_ids())
    texts = allsides_dev.corpus_texts(DATA, ids)
    assert set(texts) == ids
    checked = 0
    for rec in _records(pattern):
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
    assert checked > at_least


def test_second_coding_covers_listed_articles_only_and_stays_out_of_the_gold():
    second_articles, second = allsides_dev.load_gold("second-*.jsonl", GOLD)
    gold_articles, _ = allsides_dev.load_gold(gold_dir=GOLD)
    assert second_articles, "a second coding exists for the agreement figure"
    assert set(second_articles) <= set(_gold_ids())
    assert all(second[a] for a in second_articles), "every doubly coded article has events"
    # the gold that sitrep is scored against is part-*.jsonl only, never the second coding
    _, gold = allsides_dev.load_gold(gold_dir=GOLD)
    assert sum(len(v) for v in gold.values()) == sum(1 for r in _records() if r["kind"] == "event")
    assert set(gold_articles) == set(_all_ids())


@needs_data
def test_agreement_is_computed_for_the_second_coding():
    agree = allsides_dev.agreement(DATA, GOLD)
    second_articles, second = allsides_dev.load_gold("second-*.jsonl", GOLD)
    assert agree is not None and agree["articles"] == len(second_articles)
    assert agree["predicted_events"] == sum(len(v) for v in second.values())
    assert 0.0 <= agree["event_f1"].f1 <= agree["detection"].f1 <= 1.0


@needs_data
def test_selection_script_reproduces_the_ids():
    import importlib.util

    spec = importlib.util.spec_from_file_location("select_allsides_test", ROOT / "scripts" / "select_allsides_test.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert [r["id"] for _, r in module.select(DATA / "allsides-intl")] == _gold_ids()


def _selection_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("select_allsides_test", ROOT / "scripts" / "select_allsides_test.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _part_u_ids() -> list[str]:
    return (GOLD / "ids-U.txt").read_text().split()


def test_outlet_reading_joins_sections_of_one_outlet_only():
    select = _selection_module()
    assert select.outlet_of("Newsmax - News") == select.outlet_of("Newsmax") == "newsmax"
    assert select.outlet_of("NPR Editorial ") == select.outlet_of("NPR Online News") == "npr"
    assert select.outlet_of("CNN (Web News)") == "cnn"
    assert select.outlet_of("Washington Times") != select.outlet_of("Washington Post")


def test_odd_half_is_the_sha1_last_hex_digit():
    import hashlib

    select = _selection_module()
    for article_id in ("allsides-a", "allsides-b", "allsides-c", "allsides-d"):
        last = hashlib.sha1(article_id.encode()).hexdigest()[-1]
        assert select.odd_half(article_id) == (last in "13579bdf")


@needs_data
def test_part_u_ids_follow_the_selection_rule():
    """ids-U.txt: 12 new articles of the odd half, apart from dev, part T and incidents-real,
    one per outlet over both parts, the bucket quotas with the documented fallback, 2 undated."""
    select = _selection_module()
    ids = _part_u_ids()
    assert len(ids) == len(set(ids)) == 12
    assert all(select.odd_half(i) for i in ids)
    dev = set((DATA / "allsides-intl" / "dev-gold-ids.txt").read_text().split())
    assert not set(ids) & (dev | set(_gold_ids()) | select.incidents_articles() | select.mixed_store_ids(DATA / "allsides-intl"))
    records = {r["id"]: r for r in allsides_dev.corpus_records(DATA, set(ids) | set(_gold_ids()))}
    outlets = [select.outlet_of(records[i]["source"]) for i in ids + _gold_ids()]
    assert len(outlets) == len(set(outlets)) == 24
    assert all(select.MIN_CHARS <= len(records[i]["text"]) <= select.MAX_CHARS for i in ids)
    buckets = [select.bucket_of(records[i]["title"]) for i in ids]
    # venezuela has no candidate left (its last one is in the mixed store): both its slots fall through to syria
    assert {b: buckets.count(b) for b in set(buckets)} == {
        "syria": 4, "iran": 2, "ukraine-russia": 2, "north-korea": 2, "israel-gaza": 1, "other": 1}
    assert sum(records[i]["published"] is None for i in ids) == 2


#: the list of already-read articles both session-11 draws left out (the same file, sha1
#: b5e84cfa..., that part D's draw reads; the README gives its sha1)
EXCLUDED_BEFORE_U = ROOT / "src" / "sitrep" / "eval" / "gold" / "allsides-dev" / "selection-exclude-D.txt"


@needs_data
def test_selection_script_reproduces_part_u():
    select = _selection_module()
    exclude = frozenset(EXCLUDED_BEFORE_U.read_text().split())
    skip = select.mixed_store_ids(DATA / "allsides-intl")
    assert len(skip) == 80
    assert [r["id"] for _, r in select.select(DATA / "allsides-intl", "U", exclude, skip)] == _part_u_ids()


def test_each_part_codes_its_own_draw_by_its_own_annotator():
    parts = allsides_dev.article_parts(GOLD)
    assert sorted(a for a, p in parts.items() if p == "T") == sorted(_gold_ids())
    assert sorted(a for a, p in parts.items() if p == "U") == sorted(_part_u_ids())
    for label in ("T", "U"):
        records = _records(f"part-{label}.jsonl")
        heads = [r for r in records if r["kind"] == "article"]
        assert len(heads) == 12 and {r["annotator"] for r in heads} == {label}
        coded = {r["article"] for r in records if r["kind"] == "event"}
        assert coded == {r["article"] for r in heads}, "every article of a part has events, and only those"
    events_u = [r for r in _records("part-U.jsonl") if r["kind"] == "event"]
    # 118 events (28 background) as frozen in f087bb6, 114 (25) after the session-11 review
    assert len(events_u) == 114 and sum(r["background"] for r in events_u) == 25


def test_article_parts_reads_the_label_from_the_file_name(tmp_path):
    (tmp_path / "part-T.jsonl").write_text(json.dumps({"kind": "article", "article": "a1"}) + "\n")
    (tmp_path / "part-U.jsonl").write_text(
        json.dumps({"kind": "article", "article": "a2"}) + "\n\n"
        + json.dumps({"kind": "event", "article": "a2", "event": "e1"}) + "\n")
    (tmp_path / "second-T.jsonl").write_text(json.dumps({"kind": "article", "article": "a9"}) + "\n")
    assert allsides_dev.article_parts(tmp_path) == {"a1": "T", "a2": "U"}


def _coded(type_, start, source="USA", target="RUS"):
    return allsides_dev.Coded(mentions=[(start, start + 5)], type=type_, source=source, target=target,
                              certainty="asserted", background=False, date=None, label="")


def test_part_metrics_add_up_to_the_combined_figures():
    combined, parts = allsides_dev.Tally(), {"T": allsides_dev.Tally(), "U": allsides_dev.Tally()}
    cases = {"T": ([_coded("ACCUSE", 0), _coded("SANCTION", 50)], [_coded("ACCUSE", 0)]),
             "U": ([_coded("THREATEN", 0)], [_coded("REJECT", 0), _coded("AGREE", 90)])}
    for label, (gold, predicted) in cases.items():
        allsides_dev.score_article(gold, predicted, combined)
        allsides_dev.score_article(gold, predicted, parts[label])
    out = allsides_dev.part_metrics(parts, Counter({"T": 1, "U": 1}))
    assert out["part_T_event_f1"].tp == 1 and out["part_T_event_f1"].fn == 1 and out["part_T_event_f1"].fp == 0
    assert out["part_U_event_f1"].tp == 0 and out["part_U_type"].fp == 2 and out["part_U_detection"].tp == 1
    assert out["part_T_gold_events"] + out["part_U_gold_events"] == combined.counts["gold"] == 3
    assert out["part_T_detection"].tp + out["part_U_detection"].tp == combined.detection.tp == 2
    assert out["part_T_articles"] == out["part_U_articles"] == 1
    assert {k.split("_", 2)[2] for k in out} == set(allsides_dev.PART_METRICS) | {"articles"}


def test_the_test_set_asks_for_the_per_part_figures(monkeypatch):
    seen = {}

    def fake_evaluate_gold(*args, **kwargs):
        seen.update(kwargs, gold_dir=args[2], name=args[3])
        return "scored"

    monkeypatch.setattr(allsides_dev, "evaluate_gold", fake_evaluate_gold)
    assert allsides_test.evaluate(None, "/nowhere") == "scored"
    assert seen == {"by_part": True, "gold_dir": GOLD, "name": "allsides-test"}
