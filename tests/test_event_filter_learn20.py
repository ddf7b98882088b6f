"""Session 19 (learn20): the ship rule written before the retrain on parts A-I (RULE20: six parts
held out, J and K pooled as validation against the rules and the shipped model's base read) and
the pre-registered setting of the final model's L2 and threshold when the inner CV's threshold
lies on the grid's edge (training.settle_final). Every input is made up here."""
import sys
from pathlib import Path

from sitrep.learn import logreg, training

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_event_filter  # noqa: E402

PARTS = ("D", "E", "F", "G", "H", "I")


def _figures(detection: float, type_: float, event: float) -> dict:
    return {"detection_f1": detection, "type_f1": type_, "event_f1": event}


def _part(gain: tuple[float, float, float]) -> dict:
    base = _figures(0.5, 0.4, 0.2)
    return {"rules_only": base, "with_filter": _figures(*(b + g for b, g in zip(base.values(), gain)))}


def test_rule20_needs_four_of_the_six_parts_up():
    pooled = _part((0.006, 0.0, 0.004))
    four_up = {p: _part((0.01, 0.0, 0.0) if p in "DEFG" else (0.0, 0.0, 0.0)) for p in PARTS}
    three_up = {p: _part((0.01, 0.0, 0.0) if p in "DEF" else (0.0, 0.0, 0.0)) for p in PARTS}
    assert training.ships19(four_up, pooled, PARTS, training.RULE20)["ships"] is True
    assert training.ships19(three_up, pooled, PARTS, training.RULE20)["parts_up_ok"] is False
    # session 18's rule (3 of 5 parts) would have let three parts through
    assert training.ships19(three_up, pooled, PARTS, training.RULE19)["parts_up_ok"] is True


def test_rule20_validation_reads_the_shipped_models_pooled_j_and_k():
    rules = _figures(0.49, 0.41, 0.18)
    below_shipped = _figures(0.49, 0.41, training.SHIPPED_JK_EVENT - 0.006)   # rules' own 0.18 also lost
    check = training.validation_holds19(rules, below_shipped, training.RULE20)
    assert check["vs_shipped"] is False and check["holds"] is False
    assert training.validation_holds19(rules, dict(rules), training.RULE20)["holds"] is True
    heldout = {"rule20": {"ships": True}}
    verdict = training.verdict19(heldout, {"rules_only": rules, "with_filter": rules}, training.RULE20, "rule20")
    assert verdict["ships"] is True and verdict["rule"] == training.RULE20.name
    assert training.verdict19(heldout, None, training.RULE20, "rule20")["ships"] is False


def test_the_training_script_decides_by_the_session_rule():
    assert training.SESSION_RULE is training.RULE20
    assert train_event_filter.RECIPE["rule"] == "RULE20"
    passing = {"heldout": {"rule20": {"ships": True}}}
    failing = {"heldout": {"rule20": {"ships": False}, "rule19": {"ships": True}}}
    assert train_event_filter._may_validate(passing, lead_override=False) is True
    assert train_event_filter._may_validate(failing, lead_override=False) is False


def test_only_a_threshold_on_the_grids_edge_counts_as_an_edge():
    assert training.on_grid_edge(training.THRESHOLDS[0]) is True
    assert training.on_grid_edge(float(training.THRESHOLDS[-1])) is True
    assert training.on_grid_edge(0.13) is False


def test_the_heldout_choice_is_the_median_threshold_and_the_upper_median_l2():
    table = {p: {"l2": l2, "threshold": t}
             for p, l2, t in zip(PARTS, (0.3, 10.0, 3.0, 1.0, 10.0, 0.3), (0.1, 0.28, 0.15, 0.2, 0.13, 0.05))}
    assert training.heldout_choice(table, PARTS) == (3.0, 0.14)


def _articles() -> list[training.ArticleCandidates]:
    rows = [({"type=ACCUSE": 1.0}, 1), ({"type=ACCUSE": 1.0}, 1), ({"type=CONSULT": 1.0}, 0),
            ({"type=CONSULT": 1.0}, 1), ({"type=ASSAULT": 1.0}, 0), ({"type=ASSAULT": 1.0}, 0)]
    return [training.ArticleCandidates("a1", "", [], [], [f for f, _ in rows], [y for _, y in rows])]


def _model(threshold: float) -> logreg.Model:
    model = logreg.train([{"type=ACCUSE": 1.0}], [1], l2=1.0, min_count=1, threshold=threshold)
    model.header.update({"l2": 1.0, "min_count": 1})
    return model


def test_a_final_threshold_on_the_edge_gives_way_to_the_heldout_models_median():
    table = {p: {"l2": 10.0, "threshold": t} for p, t in zip(PARTS, (0.1, 0.2, 0.2, 0.3, 0.3, 0.4))}
    settled = training.settle_final(_articles(), _model(0.05), table, PARTS)
    assert (settled.header["l2"], settled.threshold) == (10.0, 0.25)
    assert settled.header["inner_choice"] == {"l2": 1.0, "threshold": 0.05}
    assert "type=CONSULT" in settled.vocab                     # refitted on the articles given


def test_near_miss_a_final_threshold_inside_the_grid_stands():
    table = {p: {"l2": 10.0, "threshold": 0.4} for p in PARTS}
    model = _model(0.13)
    settled = training.settle_final(_articles(), model, table, PARTS)
    assert settled is model and settled.threshold == 0.13 and settled.header["l2"] == 1.0
