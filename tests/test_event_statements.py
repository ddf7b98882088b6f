"""Events carried only by a verb of saying (stages/event_statements.py), on sentences
written for these tests."""
import pytest

from sitrep import pipeline
from sitrep.model import Article
from sitrep.stages.event_statements import CUE_KINDS, load_statement_cues, statement_cues


def run(kb, text):
    return pipeline.process(Article(id="t", text=text, published="2025-11-20"), kb)


def on_trigger(doc, word):
    return [e for e in doc.events if e.trigger.text == word]


def country(actor):
    return actor.country if actor is not None else None


# -- the data ------------------------------------------------------------------------

def test_shipped_cues_load_with_known_kinds_and_types():
    cues = statement_cues()
    assert set(cues) == set(CUE_KINDS) == {"praise", "belief", "condition", "prevention"}
    assert cues["condition"].type == "THREATEN" and "if" in cues["condition"].words
    assert "believe" in cues["belief"].words
    assert cues["praise"].type == "SUPPORT" and "right_direction" in cues["praise"].words


def test_a_row_of_unknown_kind_names_the_line_to_fix(tmp_path):
    path = tmp_path / "cues.tsv"
    path.write_text("# header\npraise\tSUPPORT\t-\tright_move\nscold\tACCUSE\t-\tnaughty\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues.tsv:3"):
        load_statement_cues(path)


def test_rows_of_one_kind_are_joined(tmp_path):
    path = tmp_path / "cues.tsv"
    path.write_text("praise\tSUPPORT\t-\tright_move\npraise\tSUPPORT\t-\tgood_step\n", encoding="utf-8")
    assert load_statement_cues(path)["praise"].words == frozenset({"right_move", "good_step"})


# -- praise --------------------------------------------------------------------------

def test_a_step_in_the_right_direction_supports_the_doer(kb):
    doc = run(kb, "The Turkish foreign minister told reporters that the withdrawal of Russian troops "
                  "was a step in the right direction.")
    told = on_trigger(doc, "told")
    assert [e.type for e in told] == ["SUPPORT"]
    assert country(told[0].source) == "TUR" and country(told[0].target) == "RUS"


def test_a_step_in_the_wrong_direction_is_no_praise(kb):
    doc = run(kb, "The Turkish foreign minister told reporters that the withdrawal of Russian troops "
                  "was a step in the wrong direction.")
    assert not [e for e in on_trigger(doc, "told") if e.type == "SUPPORT"]


def test_an_opinion_the_speaker_reports_is_read_through(kb):
    doc = run(kb, '"The government of Brazil believes Maria Lopez is the right person to lead Bolivia," '
                  "the foreign minister of Brazil said in a statement.")
    said = on_trigger(doc, "said")
    assert [e.type for e in said] == ["SUPPORT"]
    assert said[0].target is not None and "Lopez" in said[0].target.text


def test_denied_praise_is_no_support(kb):
    doc = run(kb, "The Turkish foreign minister told reporters that the withdrawal of Russian troops "
                  "was not a step in the right direction.")
    assert not [e for e in on_trigger(doc, "told") if e.type == "SUPPORT"]


def test_a_praise_of_what_would_happen_praises_nobody(kb):
    doc = run(kb, "The Turkish foreign minister told reporters that a withdrawal of Russian troops "
                  "would be a step in the right direction.")
    assert not [e for e in on_trigger(doc, "told") if e.type == "SUPPORT"]


# -- a penalty on a condition -----------------------------------------------------------

def test_consequences_if_a_party_goes_on_threaten_that_party(kb):
    doc = run(kb, "The Japanese foreign minister said there would be serious consequences if Beijing "
                  "continued to detain the fishermen.")
    said = on_trigger(doc, "said")
    assert [e.type for e in said] == ["THREATEN"]
    assert country(said[0].source) == "JPN" and country(said[0].target) == "CHN"


def test_the_party_that_would_pay_is_the_target(kb):
    doc = run(kb, "The Japanese foreign minister said Beijing would pay a heavy price if it attacked the islands.")
    said = on_trigger(doc, "said")
    assert [(e.type, country(e.target)) for e in said] == [("THREATEN", "CHN")]


def test_no_consequences_is_no_threat(kb):
    doc = run(kb, "The Japanese foreign minister said there would be no consequences if Beijing "
                  "continued to detain the fishermen.")
    assert not on_trigger(doc, "said")



def test_the_act_a_threat_is_conditioned_on_is_no_event(kb):
    doc = run(kb, "The Japanese foreign minister said Beijing would pay a heavy price if it attacked the islands.")
    assert not [e for e in doc.events if e.trigger.text == "attacked"]


# -- a refusal to let another party act ---------------------------------------------------

def test_saying_one_will_not_let_a_party_act_threatens_it(kb):
    doc = run(kb, "The Greek prime minister said he would not allow Turkey to occupy the islands.")
    assert [(e.type, e.trigger.text, country(e.source), country(e.target)) for e in doc.events] == \
        [("THREATEN", "said", "GRC", "TUR")]


def test_letting_a_party_act_is_no_threat(kb):
    doc = run(kb, "The Greek prime minister said he would allow Turkey to inspect the islands.")
    assert "THREATEN" not in [e.type for e in doc.events]
