"""Session 17 (types18): the role ranker and the type re-scorer judged by leaving one
allsides-dev part out; the validation and blind parts (H, I) are never trained on nor held
out by the training scripts. Every event here is invented; no corpus text is read."""
import sys
from pathlib import Path

import pytest

from sitrep.eval.sets.allsides_dev import Coded
from sitrep.learn import role_training, type_training
from sitrep.learn.role_training import RoleExample
from sitrep.learn.type_training import Group

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_role_ranker  # noqa: E402
import train_type_model  # noqa: E402

TEXT = "Freedonia shelled Sylvania. Rebels marched."


def _coded(type_: str, source, target, start: int = 10, end: int = 17) -> Coded:
    return Coded(mentions=[(start, end)], type=type_, source=source, target=target, certainty="asserted",
                 background=False, date=None)


def _article(rules_target, gold_target="SYL"):
    return {"gold": [_coded("ASSAULT", "FRD", gold_target)], "predicted": [_coded("ASSAULT", "FRD", rules_target)]}


def _example(article: str, rules_index: int, role: str = "target", gold="SYL") -> RoleExample:
    feats = [{"bias=1": 1.0, "side=before": 1.0}, {"bias=1": 1.0, "side=after": 1.0}, {"bias=1": 1.0, "none=yes": 1.0}]
    return RoleExample(article, role, feats, ["FRD", "SYL", None], rules_index, gold, event=0)


def test_the_replay_scores_the_chosen_keys_through_the_allsides_scorer():
    """A target filled right by the ranker makes the paired event right end to end; the
    pairing (detection, type) does not move because it reads no role."""
    articles = {"a1": _article(None)}
    texts = {"a1": TEXT}
    ex = [_example("a1", rules_index=2)]
    rules = role_training.replay(articles, ex, [2], texts)
    ranker = role_training.replay(articles, ex, [1], texts)
    assert rules["target_key"] == 0.0 and ranker["target_key"] == 1.0
    assert rules["event_f1"] == 0.0 and ranker["event_f1"] == 1.0
    assert rules["detection_f1"] == ranker["detection_f1"] == 1.0 and rules["type_f1"] == ranker["type_f1"]
    assert articles["a1"]["predicted"][0].target is None  # the replay works on a copy


def _table(**gains):
    """A leave-part-out table whose parts gain what ``gains`` says ((key_mean, event_f1) per part)."""
    out = {}
    for label, (key, event) in gains.items():
        base = {m: 0.5 for m in role_training.PART_METRICS}
        out[label] = {"rules_only": base, "with_ranker": dict(base, key_mean=0.5 + key, event_f1=0.5 + event)}
    return out


def test_the_ranker_ships_on_a_mean_gain_with_no_part_losing_beyond_the_limit():
    assert role_training.ships(_table(D=(0.02, 0.01), E=(0.0, -0.009), F=(0.02, 0.0), G=(0.01, 0.0),
                                      ABC=(-0.005, -0.005)))


@pytest.mark.parametrize("table", [
    # mean key gain 0.0075 < 0.010
    _table(D=(0.01, 0.0), E=(0.01, 0.0), F=(0.01, 0.0), G=(0.0, 0.0), ABC=(0.0, 0.0)),
    # one part loses 0.011 of event F1
    _table(D=(0.03, 0.01), E=(0.0, -0.011), F=(0.02, 0.01), G=(0.02, 0.01), ABC=(0.0, 0.0)),
    # the A-C CV loses 0.02 of key accuracy
    _table(D=(0.03, 0.0), E=(0.02, 0.0), F=(0.02, 0.0), G=(0.02, 0.0), ABC=(-0.02, 0.0)),
    # keys gain but event F1 falls on average
    _table(D=(0.03, -0.008), E=(0.02, -0.008), F=(0.02, 0.0), G=(0.02, 0.0), ABC=(0.0, 0.0)),
])
def test_the_ranker_does_not_ship_when_a_condition_fails(table):
    assert not role_training.ships(table)


def test_leave_part_out_never_scores_a_part_with_a_model_that_saw_it():
    """Part D's articles want the candidate after the trigger, the others the one before:
    a ranker trained on the others keeps choosing 'before' on D (it never saw D)."""
    parts = {f"d{i}": "D" for i in range(2)} | {f"a{i}": "A" for i in range(8)}
    examples, articles = [], {}
    for a, p in parts.items():
        gold = "SYL" if p == "D" else "FRD"
        examples.append(_example(a, rules_index=2, gold=gold))
        articles[a] = _article(None, gold_target=gold)
    texts = {a: TEXT for a in parts}
    role_training.MARGINS = (0.0, 1.01)
    try:
        table = role_training.leave_part_out(examples, articles, parts, texts, heldout=("D",),
                                             roles=("target",), k=2, inner_k=2)
    finally:
        role_training.MARGINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
    assert table["D"]["rules_only"]["target_key"] == 0.0
    assert table["D"]["with_ranker"]["target_key"] == 0.0  # chose FRD, the other parts' answer
    assert table["A"]["with_ranker"]["target_key"] == 1.0  # A-C by CV: trained on other A articles


@pytest.mark.parametrize("part", ["H", "I"])
def test_the_role_script_refuses_to_hold_out_a_validation_or_blind_part(part, monkeypatch):
    monkeypatch.setattr(train_role_ranker.event_role_ranker, "ENABLED", True)
    with pytest.raises(SystemExit) as stop:
        train_role_ranker.main(["--heldout", f"D,{part}", "--cache", "/nonexistent/never-read.json"])
    assert part in str(stop.value) and "never trained on" in str(stop.value)
    assert train_role_ranker.event_role_ranker.ENABLED and train_type_model.event_type_model.ENABLED  # refused first


@pytest.mark.parametrize("part", ["H", "I"])
def test_the_type_script_refuses_to_hold_out_a_validation_or_blind_part(part, monkeypatch):
    monkeypatch.setattr(train_type_model.event_type_model, "ENABLED", True)
    with pytest.raises(SystemExit) as stop:
        train_type_model.main(["--heldout", f"E,{part}", "--cache", "/nonexistent/never-read.json"])
    assert part in str(stop.value) and "never trained on" in str(stop.value)
    assert train_role_ranker.event_role_ranker.ENABLED and train_type_model.event_type_model.ENABLED  # refused first


def _group(gid: str, rules: str, gold: str) -> Group:
    return Group("allsides-dev", gid, [{"bias=1": 1.0}], [rules], [gold],
                 {"gold": [vars(_coded(gold, "FRD", "SYL"))], "predicted": [vars(_coded(rules, "FRD", "SYL"))]})


def test_type_figures_replay_a_retype_through_the_allsides_scorer():
    groups = [_group("g1", "COERCE", "ASSAULT")]
    texts = {"g1": TEXT}
    rules = type_training.allsides_figures(groups, {"g1": ["COERCE"]}, texts)
    model = type_training.allsides_figures(groups, {"g1": ["ASSAULT"]}, texts)
    assert rules["type_f1"] == 0.0 and model["type_f1"] == 1.0 and model["event_f1"] == 1.0
    assert rules["detection_f1"] == model["detection_f1"] == 1.0


def test_the_type_rule_needs_a_type_gain_and_no_event_loss():
    def part(t, e):
        base = {m: 0.5 for m in type_training.PART_METRICS}
        return {"rules_only": base, "with_model": dict(base, type_f1=0.5 + t, event_f1=0.5 + e)}
    good = {"D": part(0.02, 0.0), "E": part(0.01, 0.0), "F": part(0.01, 0.0), "G": part(0.0, 0.0),
            "ABC": part(0.0, 0.0)}
    assert type_training.ships(good)
    assert not type_training.ships(dict(good, ABC=part(-0.011, 0.0)))
    assert not type_training.ships(dict(good, G=part(0.0, -0.02)))
    assert not type_training.ships(dict(good, D=part(0.0, 0.0)))  # mean 0.005 < 0.010
