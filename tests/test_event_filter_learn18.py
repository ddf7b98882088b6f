"""Session 17 (learn18): the occasion cues of the event filter (docs/annotation.md 2 and 3)
and the retraining command's refusal of the blind parts. Every sentence is made up here."""
import sys
from pathlib import Path

import pytest

from sitrep.learn import event_features
from sitrep.model import Actor, Article, Document, Event, TextSpan, Time

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_event_filter  # noqa: E402


def _parsed(kb, text: str) -> Document:
    from sitrep.pipeline import Pipeline

    doc = Pipeline.default(until="nlp", kb=kb)(Article(id="o", text=text))
    doc.paragraphs = [(0, len(text))]
    return doc


def _event(doc: Document, word: str, type_: str = "ASSAULT", n: int = 0, **fields) -> Event:
    text = doc.article.text
    start = text.index(word)
    sentence = next((s, e) for s, e in doc.sentences if s <= start < e)
    return Event(id=f"e{n}", type=type_, trigger=TextSpan((start, start + len(word)), word),
                 sentence=TextSpan(sentence, text[sentence[0]:sentence[1]]), **fields)


def _cue(feats: dict, prefix: str) -> str:
    return next(k.split("=", 1)[1] for k in feats if k.startswith(prefix + "="))


@pytest.mark.parametrize("text,word,anchor", [
    ("Militias shelled the ferry terminal before dawn.", "shelled", "past"),
    ("The garrison has blockaded the harbour since spring.", "blockaded", "past"),      # perfect
    ("Gunboats are shelling the coastal villages.", "shelling", "ongoing"),
    ("The cabinet will impose new tariffs.", "impose", "modal"),
    ("Warlords routinely seize grain convoys.", "seize", "present"),                    # a habit
    ("The council imposed fresh sanctions on the cartel.",
     "sanctions", "past"),                                                              # a noun: its verb
    ("Harbour blockade by the navy", "blockade", "verbless"),                           # a heading
])
def test_the_anchor_reads_the_tense_of_the_clause_that_tells_the_act(kb, text, word, anchor):
    doc = _parsed(kb, text)
    doc.events = [_event(doc, word)]
    assert _cue(event_features.document_features(doc)[0], "anchor") == anchor


def test_a_date_of_its_own_anchors_an_act_in_any_tense(kb):
    doc = _parsed(kb, "Warlords seize grain convoys on Tuesday.")
    dated = Time(span=(29, 39), text="on Tuesday", value="2031-05-06", granularity="day")
    doc.events = [_event(doc, "seize", date=dated)]
    assert _cue(event_features.document_features(doc)[0], "anchor") == "dated"
    # near miss: a date the pipeline only inferred (the publication day) anchors nothing
    doc.events = [_event(doc, "seize", date=Time(span=(0, 0), text="", value="2031-05-06",
                                                         granularity="day", inferred=True))]
    assert _cue(event_features.document_features(doc)[0], "anchor") == "present"


@pytest.mark.parametrize("text,word,kind", [
    ("Smugglers often bribe border guards.", "bribe", "class"),               # a bare plural
    ("Any navy blockades ports in wartime.", "blockades", "class"),
    ("Every militia recruits children.", "recruits", "class"),
    ("The militia recruited children last year.", "recruited", "definite"),   # near miss
    ("Kerimov recruited fighters in the valley.", "recruited", "name"),
])
def test_the_subject_kind_tells_a_class_of_doers_from_a_particular_one(kb, text, word, kind):
    doc = _parsed(kb, text)
    doc.events = [_event(doc, word)]
    assert _cue(event_features.document_features(doc)[0], "subject_kind") == kind


def test_a_second_telling_of_the_same_type_with_a_shared_party_is_a_repeat(kb):
    text = ("Rebels shelled the port of Marlin on Monday. The governor condemned the attack. "
            "Rebels shelled the port again at night. The navy shelled a rebel camp.")
    doc = _parsed(kb, text)
    rebels = [Actor(span=(0, 6), text="Rebels", name="rebels", kind="group"),
              Actor(span=(81, 87), text="Rebels", name="rebels", kind="group")]
    navy = Actor(span=(121, 129), text="The navy", name="navy", country="NOR", kind="group")
    first = _event(doc, "shelled", n=0, source=rebels[0])
    condemn = _event(doc, "condemned", type_="ACCUSE", n=1)
    start = text.index("shelled", 50)
    again = Event(id="e2", type="ASSAULT", trigger=TextSpan((start, start + 7), "shelled"),
                  sentence=first.sentence, source=rebels[1])
    start = text.index("shelled", start + 1)
    other = Event(id="e3", type="ASSAULT", trigger=TextSpan((start, start + 7), "shelled"),
                  sentence=first.sentence, source=navy)
    doc.events = [other, again, condemn, first]  # order of the list does not matter: the text's does
    feats = event_features.document_features(doc)
    assert [_cue(f, "repeat") for f in feats] == ["same_type", "same_party", "first", "first"]


def test_occasion18_is_carry17_plus_the_occasion_cues():
    assert event_features.families_option("occasion18") == (
        event_features.CARRY17_FAMILIES + ("anchor", "subject_kind", "repeat"))
    assert {"anchor", "subject_kind", "repeat"} <= set(event_features.PREFIXES)


@pytest.mark.parametrize("excluded,heldout,refused", [   # the held-out parts of session 19: J, K, L, M
    (("J", "K", "L", "M"), ("D", "E", "F", "G"), []),      # the session's command: nothing refused
    ((), ("D", "E", "F", "G"), ["J", "K", "L", "M"]),      # --exclude-parts '' would train on them
    (("L", "M"), ("D",), ["J", "K"]),
    (("J", "K", "L", "M"), ("G", "J"), ["J"]),             # a held-out part held out is scored: refused
])
def test_the_training_command_refuses_the_blind_parts_as_training_data(excluded, heldout, refused):
    assert train_event_filter.refused_training_parts(excluded, heldout) == refused


def test_the_run_stops_before_reading_an_article_when_a_blind_part_would_train(monkeypatch, tmp_path):
    called = []
    monkeypatch.setattr(train_event_filter, "load_or_collect", lambda *a, **k: called.append(a) or [])
    corpus = tmp_path / "allsides-intl" / "articles.jsonl"
    corpus.parent.mkdir()
    corpus.write_text("")
    assert train_event_filter.main(["--data", str(tmp_path), "--exclude-parts", "I", "--no-write"]) == 2
    assert called == []


def test_the_shipped_models_verdict_is_recomputed_from_its_own_table():
    """The header keeps the pre-registered rule's verdict (``ships_by_rule``) beside the lead's
    override (``ships``, what the stage reads through ``model_wins``); both are what the rules
    say of the header's own held-out table and validation figures."""
    from sitrep.learn import logreg, training
    from sitrep.stages import event_filter

    model = logreg.Model.load(event_filter.MODEL_PATH)
    heldout, validation = model.header["heldout"], model.header["validation"]
    assert heldout["parts"] == ["D", "E", "F", "G"] and validation["parts"] == ["H"]
    assert heldout["rule"] == training.RULE17.name
    by_rule = training.verdict(heldout, validation)
    assert heldout["ships_by_rule"] is by_rule["ships_by_rule"]
    override = training.verdict(heldout, validation, training.LEAD_OVERRIDE17)
    assert heldout["override"] == training.LEAD_OVERRIDE17.name
    assert heldout["ships"] is override["ships"]
    assert event_filter.model_wins(model) is heldout["ships"]


def _gain_table(**gains):
    """A leave_part_out-shaped table whose filter gains (detection, type, event) F1 per part."""
    return {label: {"rules_only": {"detection_f1": 0.5, "type_f1": 0.4, "event_f1": 0.3},
                    "with_filter": {"detection_f1": 0.5 + d, "type_f1": 0.4 + t, "event_f1": 0.3 + e}}
            for label, (d, t, e) in gains.items()}


def _verdict_inputs(det_gain: float, ev_gain: float, worst_type: float = 0.0, validation_event: float = 0.01):
    table = _gain_table(D=(det_gain, 0.0, ev_gain), E=(det_gain, 0.0, ev_gain), F=(det_gain, worst_type, ev_gain),
                        G=(det_gain, 0.0, ev_gain), ABC=(0.0, 0.0, 0.0))
    heldout = {"parts": ["D", "E", "F", "G"], "table": table}
    validation = {"rules_only": {"detection_f1": 0.5, "type_f1": 0.4, "event_f1": 0.25},
                  "with_filter": {"detection_f1": 0.52, "type_f1": 0.41, "event_f1": 0.25 + validation_event}}
    return heldout, validation


def test_the_lead_override_lowers_only_the_detection_bar_and_reads_no_validation_part():
    from sitrep.learn import training

    heldout, validation = _verdict_inputs(0.004, 0.008)  # the session-17 shape: detection short of +0.010
    assert training.verdict(heldout, validation) == {"ships_by_rule": False, "ships": False}
    override = training.LEAD_OVERRIDE17
    assert training.verdict(heldout, validation, override)["ships"] is True
    # near misses: the override still needs a mean detection gain >= 0, the event gain, and no
    # part losing more than 0.010
    assert training.verdict(*_verdict_inputs(-0.001, 0.008), override)["ships"] is False
    assert training.verdict(*_verdict_inputs(0.004, 0.004), override)["ships"] is False
    assert training.verdict(*_verdict_inputs(0.004, 0.008, worst_type=-0.011), override)["ships"] is False
    # part H served the override's decision: it no longer decides (figures only)
    assert training.verdict(*_verdict_inputs(0.004, 0.008, validation_event=-0.006), override)["ships"] is True
    assert training.verdict(heldout, None, override)["ships"] is True
    # the pre-registered rule alone still reads the validation part
    assert training.verdict(*_verdict_inputs(0.012, 0.008))["ships"] is True
    assert training.verdict(*_verdict_inputs(0.012, 0.008, validation_event=-0.006))["ships"] is False


#: an invented article: a dated seizure by a named coast guard (a real act) and a class of
#: travellers in the plain present (docs/annotation.md 2: a generic class of acts, no occasion)
_ARTICLE = ("Coast guard vessels seized a Danish fishing trawler off the northern coast on Tuesday, the "
            "Norwegian interior ministry said.\n\nThe ministry accused the crew of violating a ban on night "
            "fishing.\n\nOfficials in Oslo summoned the Danish ambassador on Wednesday.\n\nDanish fishermen are "
            "willing to risk the crossing.\n\nThe minister has had many meetings with Danish officials before."
            "\n\nPeople who travel to Denmark from Norway spend millions of kroner.")


def test_the_shipped_model_drops_a_generic_class_of_acts_and_keeps_a_dated_seizure(kb):
    """The stage with the shipped model on a whole invented article (6 sentences: the model
    judges it). If a retrained model moves these probabilities across its threshold, the test
    says which candidate moved."""
    from sitrep.pipeline import Pipeline
    from sitrep.stages import event_filter

    event_filter.load_model.cache_clear()
    model = event_filter.load_model()
    assert event_filter.model_wins(model)
    doc = Pipeline.default(until="genre", kb=kb)(Article(id="s", text=_ARTICLE, title="A trawler seized"))
    doc = event_filter.run(doc, kb)
    kept = {e.trigger.text for e in doc.events}
    model_drops = {d["trigger"]: d["probability"] for d in doc.article.meta["event_filter"]["dropped_events"]
                   if "reason" not in d}
    assert doc.article.meta["event_filter"]["model_applied"] is True
    assert "seized" in kept and "summoned" in kept                     # real, dated acts of named doers
    assert "travel to" in model_drops and model_drops["travel to"] < model.threshold
    assert "seized" not in model_drops


def test_the_cli_runs_the_shipped_filter_that_users_get(tmp_path, capsys):
    """End to end, as a user runs it (`sitrep extract FILE`): the shipped model is applied to a
    whole article, a dated act of named parties survives and the generic travel sentence is
    dropped by the model, not by a rule. The other test modules switch the model's drops off
    (tests/conftest.py), so this is the test of the configuration users get (review 18)."""
    import json

    from sitrep.cli import main
    from sitrep.stages import event_filter

    event_filter.load_model.cache_clear()
    path = tmp_path / "trawler.txt"
    path.write_text("A trawler seized\n\n" + _ARTICLE, encoding="utf-8")
    assert main(["extract", str(path), "--published", "2031-03-14"]) == 0
    doc = json.loads(capsys.readouterr().out)
    meta = doc["article"]["meta"]["event_filter"]
    assert meta["model_applied"] is True
    triggers = {e["trigger"]["text"] for e in doc["events"]}
    assert "seized" in triggers
    assert any(d["trigger"] == "travel to" and "reason" not in d for d in meta["dropped_events"])
    assert "travel to" not in triggers
