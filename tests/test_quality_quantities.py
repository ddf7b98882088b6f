"""Fast quality regression for the quantities stage: the first 100 NewsQuant sentences,
scored with the NewsQuant scorer's matching (one to one, per sentence).

Measured when written (stage as committed): value P 0.988 R 0.964 F1 0.976,
value+unit F1 0.904. Thresholds sit just below.
"""
from sitrep.eval.core import PRF
from sitrep.eval.sets import newsquant
from sitrep.model import Article, Document
from sitrep.stages import quantities

SUBSET = 100


def test_newsquant_subset(kb, shared_data):
    if not newsquant.available(shared_data):
        import pytest
        pytest.skip("NewsQuant not in the shared data")
    rows = newsquant.load_gold(shared_data, limit=SUBSET)
    texts = [r["text"] for r in rows]
    value, value_unit = PRF(), PRF()
    for row, sdoc in zip(rows, kb.nlp.pipe(texts, batch_size=64)):
        doc = Document(article=Article(id="nq", text=row["text"]))
        doc.nlp = sdoc
        quantities.run(doc, kb)
        scored = newsquant.score_sentence(row["quantities"], newsquant.predicted_items(doc))
        value += scored["value"]
        value_unit += scored["value_unit"]
    assert value.f1 >= 0.96, value.to_dict()
    assert value.precision >= 0.96, value.to_dict()
    assert value_unit.f1 >= 0.88, value_unit.to_dict()
