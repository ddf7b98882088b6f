"""Session 17 (types18): the role ranker and the type re-scorer judged by leaving one
allsides-dev part out; the validation and blind parts (I, J, K since session 18: H is DEV)
are never trained on nor held out by the training scripts. Every event here is invented; no corpus text is read."""
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


def _table(changes=None, **gains):
    """A leave-part-out table whose parts gain what ``gains`` says ((key_mean, event_f1) per
    part, ``pooled`` among them) and whose pooled overrides are ``changes``."""
    out = {}
    for label, (key, event) in gains.items():
        base = {m: 0.5 for m in role_training.PART_METRICS}
        out[label] = {"rules_only": base, "with_ranker": dict(base, key_mean=0.5 + key, event_f1=0.5 + event)}
    out[role_training.POOLED]["changes"] = changes or {"fixed": 3, "broken": 1, "same_key": 0, "unpaired": 2}
    return out


def test_the_ranker_ships_on_a_pooled_gain_with_no_part_losing_beyond_the_limit():
    """Session 18's rule (docs/role-ranker.md): pooled held-out key mean >= +0.010 and event
    F1 > 0, no part losing more than 0.010, unpaired overrides <= net key fixes (2 <= 3 - 1)."""
    assert role_training.ships(_table(D=(0.02, 0.01), E=(0.0, -0.009), F=(0.02, 0.0), G=(0.01, 0.0), H=(0.0, 0.0),
                                      pooled=(0.011, 0.002), ABC=(-0.005, -0.005)))


@pytest.mark.parametrize("table", [
    # pooled key gain 0.009 < 0.010
    _table(D=(0.01, 0.01), pooled=(0.009, 0.01), ABC=(0.0, 0.0)),
    # pooled event F1 does not rise
    _table(D=(0.03, 0.0), pooled=(0.03, 0.0), ABC=(0.0, 0.0)),
    # one part loses 0.011 of event F1
    _table(D=(0.03, 0.01), E=(0.0, -0.011), pooled=(0.02, 0.01), ABC=(0.0, 0.0)),
    # the A-C CV loses 0.02 of key accuracy
    _table(D=(0.03, 0.01), pooled=(0.03, 0.01), ABC=(-0.02, 0.0)),
    # more overrides on unpaired events (3) than net key fixes (3 - 1)
    _table(changes={"fixed": 3, "broken": 1, "same_key": 0, "unpaired": 3},
           D=(0.03, 0.01), pooled=(0.03, 0.01), ABC=(0.0, 0.0)),
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


@pytest.mark.parametrize("part", ["J", "K", "L", "M"])
def test_the_role_script_refuses_to_hold_out_a_validation_or_blind_part(part, monkeypatch):
    monkeypatch.setattr(train_role_ranker.event_role_ranker, "ENABLED", True)
    with pytest.raises(SystemExit) as stop:
        train_role_ranker.main(["--heldout", f"D,{part}", "--cache", "/nonexistent/never-read.json"])
    assert part in str(stop.value) and "never trained on" in str(stop.value)
    assert train_role_ranker.event_role_ranker.ENABLED and train_type_model.event_type_model.ENABLED  # refused first


@pytest.mark.parametrize("part", ["J", "K", "L", "M"])
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


# -- the ranker's guards (role_features.eligible), applied alike in training and in the stage --

from sitrep.learn import logreg, role_features  # noqa: E402
from sitrep.model import Actor, Article, Document, Event, TextSpan  # noqa: E402
from sitrep.stages import event_role_ranker  # noqa: E402


def _mention(text: str, word: str, name: str, country: str, nth: int = 0) -> Actor:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Actor(span=(start, start + len(word)), text=word, name=name, country=country, kind="person",
                 resolved_by="kb")


def _ranked(kb, text: str, trigger: str, actors: list[Actor], source: Actor | None) -> Document:
    """A hand-made Document (parsed by the knowledge base's model), one ACCUSE event whose
    source the rules chose and whose target they left empty; a model that wants any
    candidate after the trigger runs on it."""
    start = text.index(trigger)
    d = Document(article=Article(id="g", text=text), sentences=[(0, len(text))], paragraphs=[(0, len(text))],
                 actors=actors)
    d.nlp = kb.nlp(text)
    d.events = [Event(id="e1", type="ACCUSE", trigger=TextSpan((start, start + len(trigger)), trigger),
                      sentence=TextSpan((0, len(text)), text), source=source)]
    model = logreg.Model(vocab=["side=after"], weights=[4.0], bias=-2.0, threshold=0.3)
    event_role_ranker.run(d, kb, models={"target": model})
    return d


def test_the_ranker_fills_a_target_with_another_party(kb):
    text = "Senator Okafor accused Governor Lindqvist of fraud."
    okafor = _mention(text, "Okafor", "Ada Okafor", "NGA")
    lindqvist = _mention(text, "Lindqvist", "Eva Lindqvist", "SWE")
    d = _ranked(kb, text, "accused", [okafor, lindqvist], okafor)
    assert d.events[0].target is lindqvist


@pytest.mark.parametrize("text,word,nth", [
    # the source's own pronoun, resolved to the same person
    ("Senator Okafor accused her critics of lying about her record.", "her", 1),
    # an apposition naming the source again
    ("Okafor accused, in a speech, Senator Okafor's rivals of fraud.", "Okafor", 1),
])
def test_a_near_miss_the_sources_own_party_is_never_the_target(kb, text, word, nth):
    okafor = _mention(text, "Okafor", "Ada Okafor", "NGA")
    again = _mention(text, word, "Ada Okafor", "NGA", nth)
    d = _ranked(kb, text, "accused", [okafor, again], okafor)
    assert d.events[0].target is None and "role_ranker" not in d.article.meta


def test_an_event_with_no_party_is_left_to_the_event_filter(kb):
    text = "The accusations against Governor Lindqvist grew louder."
    lindqvist = _mention(text, "Lindqvist", "Eva Lindqvist", "SWE")
    d = _ranked(kb, text, "accusations", [lindqvist], None)
    assert d.events[0].target is None and d.events[0].source is None


def test_same_party_reads_span_kb_id_and_name_but_not_the_country():
    a = Actor(span=(0, 5), text="Okafor", name="Ada Okafor", country="NGA", actor_id=None)
    assert role_features.same_party(a, Actor(span=(30, 33), text="her", name="ada okafor", country="NGA"))
    assert role_features.same_party(Actor(span=(0, 3), text="the US", name="United States", actor_id="USA"),
                                    Actor(span=(9, 18), text="Washington", name="Washington", actor_id="USA"))
    assert not role_features.same_party(a, Actor(span=(30, 36), text="Buhari", name="Muhammadu Buhari",
                                                 country="NGA"))  # same country, another party
    assert not role_features.same_party(a, None)
