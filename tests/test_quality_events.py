"""Fast quality regression for the events and certainty stages on real gold subsets.

Thresholds sit just below what was measured on these exact subsets (see the final
report / docs/plover-mapping.md); a drop means a regression, not noise.
"""
from sitrep.eval.core import EvalResult


def test_plover_gsr_subset(kb, shared_data):
    from sitrep.eval.sets import plover_gsr
    rows = plover_gsr.load_sentences(shared_data)[::3]  # every third sentence: all types
    docs = plover_gsr.analyse_texts(kb, [r["text"] for r in rows], [str(i) for i in range(len(rows))])
    result = plover_gsr.score(rows, docs, EvalResult(set_name="gsr-subset", stage="events"))
    m = result.metrics
    assert len(rows) >= 100
    assert m["type_macro_f1"] >= QUALITY["gsr_macro_f1"], m["type_macro_f1"]
    assert m["type_micro_f1"] >= QUALITY["gsr_micro_f1"], m["type_micro_f1"]
    assert m["source_country_acc"] is None or m["source_country_acc"] >= QUALITY["gsr_source_country"]


def test_petrarch_afp_subset(kb, shared_data):
    from sitrep.eval.sets import petrarch
    result = petrarch.evaluate(kb, shared_data, limit=90)  # 90 unit + 30 AFP sentences
    assert result.metrics["afp_type_micro"].f1 >= QUALITY["afp_micro_f1"], result.metrics["afp_type_micro"]


def test_muc4_tst4_subset(kb, shared_data):
    from sitrep.eval.sets import muc4
    result = muc4.evaluate(kb, shared_data, limit=15)  # 15 TST4 + 15 upper-case texts
    det = result.metrics["tst4_assault_detection"]
    assert det.f1 >= QUALITY["muc_tst4_f1"], det.to_dict()
    assert det.recall >= QUALITY["muc_tst4_recall"], det.to_dict()


#: measured on these subsets minus a small margin
#: (measured 2026-11-25: GSR every-third 106 sentences macro 0.672 micro 0.764 source
#: country 0.690; AFP 30 sentences micro 0.615; MUC TST4 15 texts F1 0.667 recall 1.0.
#: Re-measured 2026-11-30 after issue 7 (events follow docs/annotation.md: threats coded
#: THREATEN only, releases CONCEDE, recognitions COOPERATE, reproaches carried by saying
#: verbs ACCUSE, one event per happening): GSR macro 0.677 micro 0.763 source country
#: 0.857; AFP micro 0.566 (a test set, not tuned on: the AFP subset lost two sentences to
#: the new conventions); MUC TST4 F1 0.700 recall 1.0)
QUALITY = {
    "gsr_macro_f1": 0.64,
    "gsr_micro_f1": 0.73,
    "gsr_source_country": 0.80,
    "afp_micro_f1": 0.54,
    "muc_tst4_f1": 0.65,
    "muc_tst4_recall": 0.90,
}
