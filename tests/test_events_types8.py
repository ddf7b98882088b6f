"""Event detection and typing by general mechanisms (session 7): support verbs that carry
a nominal event (reciprocal ones too), nouns typed by the verb they derive from
(knowledge/data/plover/nominal_events.tsv), rare event nouns the tagger calls adjectives,
and clausal gerund subjects that name a kind of act. Every sentence is invented for
these tests."""
import shutil
from pathlib import Path

import pytest

from event_helpers import country, first, run
from sitrep.knowledge.plover import PLOVER_DIR, load_event_lexicon, load_nominal_events, load_triggers
from sitrep.knowledge.tables import tsv_rows


def types(doc):
    return sorted(e.type for e in doc.events)


# -- the derivational table -------------------------------------------------------------------

def _verb_rows():
    verbs = {}
    for trig in load_triggers():
        if trig.pos in "VA":
            verbs.setdefault(trig.lemma, []).append(trig)
    return verbs


def test_every_nominal_row_takes_its_verbs_type():
    lex = load_event_lexicon()
    verbs = _verb_rows()
    own = {t.lemma for t in load_triggers() if t.pos in "NA"}
    rows = tsv_rows(PLOVER_DIR / "nominal_events.tsv")
    assert rows, "nominal_events.tsv is empty"
    for noun, verb, *_ in rows:
        verb_row = next(t for t in verbs[verb] if t.second is None)
        if noun not in own:
            assert (lex.nouns[noun][0].type, lex.nouns[noun][0].mode) == (verb_row.type, verb_row.mode), noun


def test_a_row_naming_a_verb_without_a_trigger_row_is_refused(tmp_path: Path):
    path = tmp_path / "nominal_events.tsv"
    path.write_text("frobnication\tfrobnicate\n", encoding="utf-8")
    with pytest.raises(ValueError, match="frobnicate"):
        load_nominal_events({}, path)


def test_a_nouns_own_trigger_row_wins_over_the_derived_one(tmp_path: Path):
    data = tmp_path / "plover"
    shutil.copytree(PLOVER_DIR, data)
    with open(data / "nominal_events.tsv", "a", encoding="utf-8") as f:
        f.write("attack\tpraise\nlaudation\tpraise\n")
    lex = load_event_lexicon(data)
    # its own rows in triggers.tsv: "attack" (ASSAULT) and the pair "cyber attack" (COERCE)
    assert {(t.type, t.second) for t in lex.nouns["attack"]} == {("ASSAULT", None), ("COERCE", "cyber")}
    assert [t.type for t in lex.nouns["laudation"]] == ["SUPPORT"]  # derived from "praise"


@pytest.mark.parametrize("text,etype", [
    ("The imprisonment of three bloggers by the Azerbaijani authorities drew wide criticism.", "COERCE"),
    ("Serbian troops began the demolition of houses in the border village.", "ASSAULT"),
    ("Kenyan police reported the detonation of a bomb by al-Shabaab fighters near Mandera.", "ASSAULT"),
])
def test_a_derived_noun_is_typed_by_its_verb(kb, text, etype):
    assert etype in types(run(kb, text))


# -- support verbs ------------------------------------------------------------------------------

def test_laid_the_blame_is_an_accusation_by_the_subject(kb):
    doc = run(kb, "Bolivia's interior minister laid the blame on Chilean smugglers.")
    e = first(doc, "ACCUSE")
    assert country(e.source) == "BOL"


def test_coordinated_subjects_of_a_two_way_act_act_on_each_other(kb):
    doc = run(kb, "Kenya and Uganda exchanged warnings after the border incident on Lake Victoria.")
    pairs = {(country(e.source), country(e.target)) for e in doc.events if e.type == "THREATEN"}
    assert pairs == {("KEN", "UGA"), ("UGA", "KEN")}


def test_a_one_way_support_verb_is_not_mirrored(kb):
    doc = run(kb, "Peru lodged a protest with Ecuador over the detention of its fishermen.")
    assert all(country(e.source) != "ECU" for e in doc.events if e.type in ("ACCUSE", "PROTEST"))


def test_traded_accusations_are_accusations_not_a_trade(kb):
    doc = run(kb, "Armenia and Azerbaijan traded accusations over the shelling of a village.")
    assert "ACCUSE" in types(doc)
    assert "COOPERATE" not in types(doc)


def test_exchanged_fire_is_fire_from_both_sides(kb):
    doc = run(kb, "Thailand and Cambodia exchanged fire near the disputed temple on Sunday.")
    pairs = {(country(e.source), country(e.target)) for e in doc.events if e.type == "ASSAULT"}
    assert pairs == {("THA", "KHM"), ("KHM", "THA")}


def test_punitive_measures_are_a_sanction(kb):
    doc = run(kb, "Canada extended its punitive measures against Minsk for another year.")
    e = first(doc, "SANCTION")
    assert country(e.source) == "CAN"


# -- nouns the tagger calls adjectives ----------------------------------------------------------

def test_a_counteroffensive_tagged_as_adjective_is_still_an_assault(kb):
    doc = run(kb, "Ethiopian federal forces mounted a counteroffensive near Mekelle on Sunday.")
    e = first(doc, "ASSAULT")
    assert country(e.source) == "ETH"


def test_an_adjective_without_a_determiner_is_no_noun(kb):
    doc = run(kb, "The minister called the deal offensive to the victims' families.")
    assert "ASSAULT" not in types(doc)


# -- a kind of act is no act ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Killing a foreign leader is a risky covert operation.",
    "Attacking hospitals is a war crime under the Geneva Conventions.",
])
def test_a_gerund_clause_as_subject_names_no_act(kb, text):
    assert "ASSAULT" not in types(run(kb, text))


def test_a_gerund_with_its_own_subject_is_still_an_act(kb):
    doc = run(kb, "Police said gunmen attacking a convoy near Kaduna killed four soldiers.")
    assert "ASSAULT" in types(doc)


# -- carriers through a preposition -----------------------------------------------------------

def test_engaged_in_fighting_is_the_subjects_assault(kb):
    doc = run(kb, "Congolese rebels engaged in heavy fighting with government forces near Goma on Friday.")
    e = first(doc, "ASSAULT")
    assert e.source is not None and e.source.text == "Congolese rebels"


def test_entered_into_talks_is_a_consultation_of_the_subject(kb):
    doc = run(kb, "Serbia and Kosovo entered into talks in Brussels on Thursday.")
    e = first(doc, "CONSULT")
    assert e.source is not None and e.source.name in ("Serbia", "Kosovo")


def test_a_where_clause_saying_where_forces_are_is_no_mobilisation(kb):
    """A passive participle that only says where forces are (a where-clause, a reduced
    relative) describes a position; a deployment told as an act stays one."""
    for text in ("Mortar rounds landed near a compound where Danish soldiers are stationed.",
                 "Several hundred Chadian troops stationed along the river guard the crossing."):
        assert "MOBILIZE" not in [e.type for e in run(kb, text).events], text
    assert "MOBILIZE" in [e.type for e in run(kb, "Chad deployed several hundred troops along the river on Monday.").events]


def test_an_order_to_pull_troops_back_is_a_withdrawal(kb):
    """An order whose infinitive is a withdrawal codes the withdrawal (annotation.md: an
    order to withdraw now is RETREAT), as an order to attack codes the attack; an order
    to move forces stays a mobilisation."""
    for text in ("Chad's president ordered the troops to pull back from the river.",
                 "Chad's president ordered the 40 soldiers to be pulled back from the crossing."):
        assert types(run(kb, text)) == ["RETREAT"], text
    assert types(run(kb, "Chad's president ordered the battalion to move to the river.")) == ["MOBILIZE"]
