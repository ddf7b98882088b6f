"""Session 18 (learn19): the event filter's feature fixes (the doer word of a relative pronoun,
a later conjunct and an infinitive complement; a conjunct's shared auxiliaries), the session's
ship rule (RULE19) and the training command's refusal of the blind parts I, J and K. Every sentence is made up here."""
import sys
from pathlib import Path

import pytest

from sitrep.learn import event_features, training
from sitrep.model import Article, Document, Event, TextSpan

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_event_filter  # noqa: E402


def _parsed(kb, text: str) -> Document:
    from sitrep.pipeline import Pipeline

    doc = Pipeline.default(until="nlp", kb=kb)(Article(id="o", text=text))
    doc.paragraphs = [(0, len(text))]
    return doc


def _features(kb, text: str, word: str, version: int = event_features.FEATURE_VERSION) -> dict:
    doc = _parsed(kb, text)
    start = text.index(word)
    sentence = next((s, e) for s, e in doc.sentences if s <= start < e)
    doc.events = [Event(id="e0", type="ASSAULT", trigger=TextSpan((start, start + len(word)), word),
                        sentence=TextSpan(sentence, text[sentence[0]:sentence[1]]))]
    return event_features.document_features(doc, version)[0]


def _cue(feats: dict, prefix: str) -> str:
    return next(k.split("=", 1)[1] for k in feats if k.startswith(prefix + "="))


@pytest.mark.parametrize("text,word,kind", [
    ("Any militia that raids a granary loses the villagers.", "raids", "class"),       # 'that' -> a class
    ("The admiral who ordered the blockade retired in May.", "ordered", "definite"),   # 'who' -> a definite noun
    ("Velmora, which annexed the islands, denies any claim.", "annexed", "name"),      # 'which' -> a name
    ("Smugglers who bribe customs officers are seldom caught.", "bribe", "class"),  # a bare plural antecedent
])
def test_a_relative_pronoun_subject_takes_its_antecedents_kind(kb, text, word, kind):
    assert _cue(_features(kb, text, word), "subject_kind") == kind


@pytest.mark.parametrize("text,word,kind", [
    ("Who shelled the convoy at the border?", "shelled", "pronoun"),     # a question word, no antecedent
    ("They shelled the convoy at the border.", "shelled", "pronoun"),    # a personal pronoun
])
def test_near_miss_a_pronoun_that_heads_no_relative_clause_stays_a_pronoun(kb, text, word, kind):
    assert _cue(_features(kb, text, word), "subject_kind") == kind


def test_session_17s_reading_is_kept_for_a_model_trained_on_it(kb):
    text = "Any militia that raids a granary loses the villagers."
    assert _cue(_features(kb, text, "raids", version=18), "subject_kind") == "pronoun"
    assert event_features.model_feature_version({}) == 18
    assert event_features.model_feature_version({"feature_version": 19}) == 19


@pytest.mark.parametrize("text,word,kind", [
    ("The garrison shelled the ferry and sank two barges.", "sank", "definite"),        # a later conjunct
    ("Dravik vowed to punish the smugglers.", "punish", "name"),                          # subject control
    ("The council urged the militias to free the hostages.", "free", "definite"),         # object control
])
def test_a_clause_with_no_subject_of_its_own_takes_the_doer_it_shares(kb, text, word, kind):
    assert _cue(_features(kb, text, word), "subject_kind") == kind
    assert _cue(_features(kb, text, word, version=18), "subject_kind") == "none"  # before: no doer


@pytest.mark.parametrize("text,word,anchor", [
    ("The envoys will travel to Brno and sign the accord.", "sign", "modal"),
    ("The rebels have seized the depot and burned the trucks.", "burned", "past"),
])
def test_a_later_conjunct_shares_the_auxiliaries_of_the_first(kb, text, word, anchor):
    assert _cue(_features(kb, text, word), "anchor") == anchor


def test_near_miss_a_conjunct_with_its_own_auxiliary_keeps_it(kb):
    feats = _features(kb, "The envoys met in Brno and will sign the accord.", "sign")
    assert _cue(feats, "anchor") == "modal"
    feats = _features(kb, "The envoys met in Brno and signed the accord.", "met")
    assert _cue(feats, "anchor") == "past"


def _table(**gains):
    """A leave_part_out-shaped table: per part (detection, type, event) F1 gains."""
    return {label: {"rules_only": {"detection_f1": 0.5, "type_f1": 0.4, "event_f1": 0.3},
                    "with_filter": {"detection_f1": 0.5 + d, "type_f1": 0.4 + t, "event_f1": 0.3 + e}}
            for label, (d, t, e) in gains.items()}


def _pooled(d: float, t: float, e: float) -> dict:
    return _table(P=(d, t, e))["P"]


PARTS = ("D", "E", "F", "G", "H")


def test_rule19_ships_on_a_pooled_gain_with_three_parts_up_and_no_part_falling():
    table = _table(D=(0.01, 0.0, 0.01), E=(0.01, 0.0, 0.0), F=(0.01, 0.0, 0.0), G=(0.0, 0.0, 0.0),
                   H=(-0.009, -0.009, -0.009), ABC=(0.0, 0.0, 0.0))
    assert training.ships19(table, _pooled(0.006, 0.0, 0.004), PARTS)["ships"] is True
    # each bar on its own
    assert training.ships19(table, _pooled(0.004, 0.0, 0.004), PARTS)["pooled_ok"] is False   # detection short
    assert training.ships19(table, _pooled(0.006, 0.0, 0.002), PARTS)["pooled_ok"] is False   # event short
    assert training.ships19(table, _pooled(0.006, -0.001, 0.004), PARTS)["pooled_ok"] is False  # type lower
    two_up = _table(D=(0.01, 0, 0), E=(0.01, 0, 0), F=(0.0, 0, 0), G=(0.0, 0, 0), H=(0.0, 0, 0), ABC=(0, 0, 0))
    assert training.ships19(two_up, _pooled(0.006, 0.0, 0.004), PARTS)["ships"] is False
    falling = dict(table, ABC=_table(X=(0.0, -0.011, 0.0))["X"])                              # A-C CV loses type
    assert training.ships19(falling, _pooled(0.006, 0.0, 0.004), PARTS)["ships"] is False


def test_rule19_validation_reads_the_rules_and_the_shipped_model():
    rules = {"detection_f1": 0.451, "type_f1": 0.385, "event_f1": 0.143}
    assert training.validation_holds19(rules, dict(rules))["holds"] is True
    worse_than_shipped = {"detection_f1": 0.46, "type_f1": 0.372, "event_f1": 0.15}   # type 0.379 - 0.007
    check = training.validation_holds19(rules, worse_than_shipped)
    assert check["vs_rules"] is False and check["vs_shipped"] is False
    heldout = {"rule19": {"ships": True}}
    assert training.verdict19(heldout, None)["ships"] is False          # I not scored: no ship
    assert training.verdict19(heldout, {"rules_only": rules, "with_filter": rules})["ships"] is True


def test_the_recipe_holds_out_d_to_i_and_validates_on_j_and_k_with_no_override():
    assert train_event_filter.RECIPE["heldout_parts"] == ("D", "E", "F", "G", "H", "I")
    assert train_event_filter.RECIPE["validate_parts"] == ("J", "K")
    assert train_event_filter.RECIPE["lead_override"] is False


@pytest.mark.parametrize("excluded,heldout,refused", [
    (("J", "K", "L", "M"), ("D", "E", "F", "G", "H", "I"), []),  # the session's command
    (("J", "K"), ("D",), ["L", "M"]),                             # the sealed parts left in: refused
    (("J", "K", "L", "M"), ("H", "J"), ["J"]),                    # a validation part held out: refused
])
def test_training_never_reads_the_validation_and_blind_parts(excluded, heldout, refused):
    assert set(training.BLIND_PARTS) == {"J", "K", "L", "M"}
    assert train_event_filter.refused_training_parts(excluded, heldout) == refused


def test_training_ids_leave_out_the_held_out_parts():
    parts = {"a1": "A", "i1": "I", "j1": "J", "k1": "K", "l1": "L", "m1": "M"}
    assert training.training_ids(parts, parts) == ["a1", "i1"]


def test_a_validation_run_may_not_score_a_sealed_part():
    with pytest.raises(SystemExit):
        train_event_filter.validation_block(Path("."), None, ("L",), [], (), None)


def test_the_validation_part_is_scored_only_for_a_variant_passing_the_heldout_bars():
    passing = {"heldout": {"rule19": {"ships": True}}}
    failing = {"heldout": {"rule19": {"ships": False}}}
    assert train_event_filter._may_validate(passing, lead_override=False) is True
    assert train_event_filter._may_validate(failing, lead_override=False) is False
    assert train_event_filter._may_validate({}, lead_override=False) is True   # no held-out table: the old CV


def test_a_model_that_does_not_ship_never_replaces_the_packaged_model(tmp_path):
    from sitrep.learn import logreg
    from sitrep.stages.event_filter import MODEL_PATH

    def model(ships: bool):
        m = logreg.Model(vocab=["bias=1"], weights=[0.0], bias=0.0, threshold=0.2)
        m.header["heldout"] = {"ships": ships}
        return m

    candidate = tmp_path / "candidate.json"
    assert train_event_filter.write_destination(model(False), MODEL_PATH, candidate) == candidate
    assert train_event_filter.write_destination(model(False), MODEL_PATH, None) is None
    assert train_event_filter.write_destination(model(False), MODEL_PATH, candidate, ship="lead") == candidate
    # a verdict that ships is not enough: (d) TEST and (e) the unseen read are a person's, given by --ship
    assert train_event_filter.write_destination(model(True), MODEL_PATH, candidate) == candidate
    assert train_event_filter.write_destination(model(True), MODEL_PATH, candidate, ship="lead") == MODEL_PATH
    scratch = tmp_path / "scratch.json"                       # an explicit --out elsewhere is written as asked
    assert train_event_filter.write_destination(model(False), scratch, None) == scratch
