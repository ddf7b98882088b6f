"""Who the two sides of an act are, two mechanisms of session 18 (issue 7). Every sentence
is invented; each rule has sentences of different shapes and a near-miss that must not
fire.

* a joint act named by two parties joined with a hyphen ("Israeli-Palestinian talks") has
  the first as source and the second as target (docs/annotation.md 3: a joint act's
  first-named party is the source);
* a body's relational adjective in the actor KB ("congressional", lower case) names that
  body: "defied congressional subpoenas" defies Congress; it is a party only of the
  phrase it modifies, never the sentence-level fill's loose counterpart.
"""
import pytest

from event_helpers import by_trigger, country, run


# ------------------------------------------------ a hyphened pair of parties of a joint act

@pytest.mark.parametrize("text, word, first, second", [
    ("Israeli-Palestinian negotiations stalled again last year.", "negotiations", "ISR", "PSE"),
    ("The Russia-Ukraine talks in Istanbul made little progress.", "talks", "RUS", "UKR"),
    ("The North Korea-South Korea summit was held at the border in April.", "summit", "PRK", "KOR"),
])
def test_a_hyphened_pair_gives_both_parties_of_a_joint_act(kb, text, word, first, second):
    event = by_trigger(run(kb, text), word)
    assert event.type == "CONSULT"
    assert country(event.source) == first and country(event.target) == second


def test_a_hyphened_doer_word_is_no_pair(kb):
    """Near-miss: 'Saudi-led' is one word naming the coalition's leader, not two parties:
    the talks are between the coalition and the Houthis."""
    event = by_trigger(run(kb, "The Saudi-led coalition held talks with the Houthis in Muscat."), "talks")
    assert country(event.source) == "SAU" and country(event.target) == "YEM"


def test_a_hyphened_pair_on_an_act_of_one_side_is_left_to_the_other_rules(kb):
    """Near-miss: the pair reading is for joint acts only (types.tsv symmetric): an
    accusation is no joint act, and its hyphened topic names neither side."""
    doc = run(kb, "Ankara accused Athens of stoking Greek-Turkish tensions on Monday.")
    event = by_trigger(doc, "accused")
    assert country(event.source) == "TUR" and country(event.target) == "GRC"


# ---------------------------------------------------------- a body's relational adjective

def test_the_kb_writes_a_relational_adjective_in_lower_case(kb):
    entries = kb.actors.lookup("congressional")
    assert [e.id for e in entries] == ["USA-CONGRESS"]
    assert "congressional" in entries[0].demonyms


@pytest.mark.parametrize("text, word, etype", [
    ("The governor defied congressional subpoenas for months.", "defied", "REJECT"),
    ("The White House sought congressional approval for the strikes on Tuesday.", "sought", "REQUEST"),
    ("Congressional investigators accused the agency of hiding the files.", "accused", "ACCUSE"),
])
def test_a_relational_adjective_names_its_body(kb, text, word, etype):
    event = by_trigger(run(kb, text), word)
    assert event.type == etype
    side = event.source if word == "accused" else event.target
    assert side is not None and side.actor_id == "USA-CONGRESS" and country(side) == "USA"


def test_a_relational_adjective_is_matched_only_as_itself(kb):
    """Near-miss: 'Congress' inside another word, or the noun 'congress' of a party
    ('the party congress'), is not the adjective."""
    doc = run(kb, "The ruling party held its congress in Hanoi and congressmen-elect praised the leader.")
    assert not [a for a in doc.actors if a.actor_id == "USA-CONGRESS"]


@pytest.mark.parametrize("text, word", [
    ("Moving the money without congressional consent violates the international agreements on nuclear "
     "material, the senator said.", "agreements"),
    ("Despite congressional objections, the negotiations resumed in Geneva.", "negotiations"),
    ("The president asked for congressional approval for the strikes.", "strikes"),
])
def test_a_relational_adjective_is_no_loose_counterpart(kb, text, word):
    """Near-miss (the last: review 06:33): the sentence-level fill does not take
    'congressional' from a phrase on something else as a party of another act of the
    sentence ('objections' are Congress's own, by their phrase), nor does an act with no
    named target fall on it as the home country's mention."""
    event = by_trigger(run(kb, text), word)
    assert all(a is None or a.actor_id != "USA-CONGRESS" for a in (event.source, event.target))
