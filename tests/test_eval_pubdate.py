"""The publication-date scorer has a DEV split (even half) and a TEST split (odd half)."""
import json

from sitrep.eval.sets import pubdate, pubdate_dev


def _ids_of_each_half():
    even = next(f"a{i}" for i in range(100) if pubdate.half(f"a{i}") == "even")
    odd = next(f"a{i}" for i in range(100) if pubdate.half(f"a{i}") == "odd")
    return even, odd


def _corpus(tmp_path, records):
    folder = tmp_path / "allsides-intl"
    folder.mkdir()
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec) + "\n")
    return tmp_path


def test_each_split_scores_only_its_half(tmp_path):
    even, odd = _ids_of_each_half()
    text = "LIMA, March 4, 2021 (Wire) - The council met in the capital and voted on a budget."
    data = _corpus(tmp_path, [
        {"id": even, "text": text, "published": "2021-03-04"},
        {"id": odd, "text": "Ministers met again and talked about the budget.", "published": "2021-03-05"},
    ])
    dev = pubdate_dev.evaluate(None, data)
    test = pubdate.evaluate(None, data)
    assert dev.set_name == "allsides-pubdate-dev" and test.set_name == "allsides-pubdate"
    assert dev.n_items == 1 and test.n_items == 1
    assert dev.metrics["text_coverage"] == 1.0 and dev.metrics["text_day_acc"] == 1.0
    assert test.metrics["text_coverage"] == 0.0


def test_the_test_split_is_labelled_and_lists_no_errors(tmp_path):
    _, odd = _ids_of_each_half()
    text = "LIMA, March 4, 2021 (Wire) - The council met in the capital and voted on a budget."
    data = _corpus(tmp_path, [{"id": odd, "text": text, "published": "2021-03-09"}])
    assert "TEST" in pubdate.DESCRIPTION and "DEV" in pubdate_dev.DESCRIPTION
    assert pubdate.evaluate(None, data, show_errors=5).errors == []


def test_the_dev_split_lists_its_wrong_days(tmp_path):
    even, _ = _ids_of_each_half()
    text = "LIMA, March 4, 2021 (Wire) - The council met in the capital and voted on a budget."
    data = _corpus(tmp_path, [{"id": even, "text": text, "published": "2021-03-09"}])
    assert len(pubdate_dev.evaluate(None, data, show_errors=5).errors) == 1
