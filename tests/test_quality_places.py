"""Quality regression for the places stage on 20 GeoWebNews articles (a few seconds).

Thresholds sit just below what was measured on this subset (see the final lines of
eval/sets/geowebnews.py's docstring for the full-set figures): acc@161 km 0.79, literal
geotagging F1 0.55, metonymic mentions output as places 21/32.
"""
from sitrep.eval.sets import geowebnews


def test_geowebnews_subset_quality(kb, shared_data):
    path = shared_data / "geowebnews" / "gold.jsonl"
    records = geowebnews._read(path, 20)
    res, tag_literal, _, hits, _, n_docs = geowebnews._score_docs(
        geowebnews._documents(kb, records), geowebnews.LITERAL, geowebnews.ASSOCIATIVE)
    metrics = res.metrics()
    assert n_docs == 20
    assert metrics["acc161"] >= 0.75, metrics
    assert metrics["acc161_resolved"] >= 0.84, metrics
    assert metrics["exact_id"] >= 0.76, metrics
    assert tag_literal.f1 >= 0.52, tag_literal.to_dict()
    assert tag_literal.precision >= 0.60, tag_literal.to_dict()
    metonymic_output, metonymic_total = hits["Metonymic"]
    assert metonymic_output / metonymic_total <= 0.72, hits
