"""Fast regression guard for HTML reading + cleaning on the first 30 real pages.

Measured on this subset when written: main text F1 0.970 (Zyte shingle definition),
title accuracy 0.967, no read failures. Thresholds sit just below.
"""
from sitrep.eval.sets import news_html

SUBSET = 30


def test_html_main_text_quality(shared_data):
    if not news_html.available(shared_data):
        import pytest
        pytest.skip("news-html-pages not present")
    result = news_html.evaluate(None, shared_data, limit=SUBSET, baseline=False)
    m = result.metrics
    assert result.n_items == SUBSET
    assert m["read_failures"] == 0
    assert m["main_text_f1"] >= 0.96
    assert m["title_accuracy"] >= 0.93
    # the language gate flags the non-English pages of the subset and no English page
    assert m["non_en_html_lang_passed_as_english"] == 0


def test_shingle_score_matches_the_benchmark_definition():
    gold = "one two three four five six"
    assert news_html.page_counts(gold, gold) == (1.0, 0.0, 0.0)
    tp, fp, fn = news_html.page_counts(gold, "one two three four five six seven")
    assert round(tp, 3) == 0.75 and round(fp, 3) == 0.25 and fn == 0.0
    # punctuation and layout do not count, case does
    assert news_html.page_counts("One, two;\n\nthree four!", "One two three four")[0] == 1.0
    assert news_html.page_counts("One two three four", "one two three four")[0] == 0.0
    agg = news_html.aggregate([(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])
    assert agg["r"] == 0.5 and agg["p"] == 1.0  # nothing extracted: no precision term, recall 0
