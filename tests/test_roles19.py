"""Who the two sides of an act are, mechanisms of session 18 (issue 7). Every sentence is
invented; each rule has sentences of different shapes and a near-miss that must not fire.

* a joint act named by two parties joined with a hyphen ("Israeli-Palestinian talks") has
  the first as source and the second as target (docs/annotation.md 3: a joint act's
  first-named party is the source);
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
