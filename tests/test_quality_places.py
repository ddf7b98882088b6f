"""Quality regression for the places stage on 20 GeoWebNews articles (a few seconds).

Thresholds sit just below what was measured on this subset: acc@161 km 0.81 (0.91 over
resolved ones), exact GeoNames id 0.80, literal geotagging P 0.66 / F1 0.55, metonymic
mentions output as places 18/32.
"""
from sitrep.eval.core import read_jsonl
from sitrep.eval.sets import geowebnews


def test_geowebnews_subset_quality(kb, shared_data):
    path = shared_data / "geowebnews" / "gold.jsonl"
    records = read_jsonl(path, 20)
    res, tag_literal, _, hits, _, n_docs = geowebnews._score_docs(
        geowebnews._documents(kb, records), geowebnews.LITERAL, geowebnews.ASSOCIATIVE)
    metrics = res.metrics()
    assert n_docs == 20
    assert metrics["acc161"] >= 0.78, metrics
    assert metrics["acc161_resolved"] >= 0.87, metrics
    assert metrics["exact_id"] >= 0.76, metrics
    assert tag_literal.f1 >= 0.52, tag_literal.to_dict()
    assert tag_literal.precision >= 0.62, tag_literal.to_dict()
    metonymic_output, metonymic_total = hits["Metonymic"]
    assert metonymic_output / metonymic_total <= 0.66, hits
