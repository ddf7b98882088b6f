"""Fast quality regression for the times stage on small gold subsets.

Thresholds sit just below what was measured on these subsets (TempEval-3 first 5 docs:
value F1 0.838, relaxed F1 0.973; MEANTIME first 10 docs: value F1 0.945, relaxed 0.982).
"""
from pathlib import Path

from sitrep.eval.sets import meantime, tempeval


def test_tempeval_subset(kb, shared_data):
    docs = tempeval.load_docs(Path(shared_data) / tempeval.GOLD, limit=5)
    result = tempeval.score_documents(kb, docs, "tempeval3-subset", baseline=False)
    assert result.metrics["value"].f1 >= 0.80
    assert result.metrics["recognition_relaxed"].f1 >= 0.93
    assert result.metrics["type_accuracy"] >= 0.95


def test_meantime_subset(kb, shared_data):
    docs = meantime.load_docs(Path(shared_data) / meantime.GOLD, limit=10)
    for doc in docs:
        doc["scored_until"] = meantime.annotated_end(Path(shared_data), doc)
    result = tempeval.score_documents(kb, docs, "meantime-subset", baseline=False)
    assert result.metrics["value"].f1 >= 0.91
    assert result.metrics["recognition_relaxed"].f1 >= 0.95
