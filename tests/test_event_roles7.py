"""Targets the sentence-level fill must not take (event_roles.busy_elsewhere) and other
target rules of session 6. Every sentence is made up for these tests."""
from event_helpers import country, one, run


def test_the_subject_of_the_main_clause_is_no_target_of_a_circumstance(kb):
    doc = run(kb, "Hours after Pakistan tested a new ballistic missile, India published its annual budget.")
    test = one(doc, "MOBILIZE")
    assert country(test.source) == "PAK"
    assert country(test.target) != "IND"


def test_a_when_clause_act_does_not_fall_on_the_main_clause_subject(kb):
    doc = run(kb, "When Ethiopia closed the border crossing, Kenya opened a new market in the north.")
    closure = one(doc, "COERCE")
    assert country(closure.source) == "ETH"
    assert country(closure.target) != "KEN"


def test_an_apposition_of_the_source_is_not_its_target(kb):
    doc = run(kb, "Japan, a close partner of Australia, said it opposed any change to the treaty.")
    rejection = one(doc, "REJECT")
    assert country(rejection.source) == "JPN"
    assert country(rejection.target) != "AUS"


def test_busy_elsewhere_keeps_the_speaker_of_a_reported_act(kb):
    from sitrep.stages.event_roles import busy_elsewhere
    text = "Nigeria said Chadian troops crossed the river."
    sdoc = kb.nlp(text)
    crossed = next(t for t in sdoc if t.text == "crossed")
    # the speaker's clause holds the act: a counterpart the fill may still take
    assert not busy_elsewhere(sdoc, (0, 7), crossed.i, (text.index("Chadian"), text.index(" troops")))


def test_an_adjectival_trigger_names_its_target_after_its_own_preposition(kb):
    doc = run(kb, "The governors were sharply critical of President Erdogan on Monday.")
    assert country(one(doc, "ACCUSE").target) == "TUR"


def test_condemning_it_as_an_attack_targets_the_attacker_told_before(kb):
    doc = run(kb, "Ethiopian jets bombed a market near the border on Sunday. "
                  "Kenya condemned it as a reckless attack.")
    condemnation = one(doc, "ACCUSE")
    assert country(condemnation.source) == "KEN"
    assert country(condemnation.target) == "ETH"


def test_an_indefinite_noun_after_as_refers_to_nothing_without_a_pronoun(kb):
    from sitrep.stages.event_reactions import referred_types
    from sitrep.knowledge.actors import load_role_words
    sdoc = kb.nlp("Kenya condemned the plan as an attack on its sovereignty.")
    attack = next(t for t in sdoc if t.text == "attack")
    assert referred_types(attack, kb.event_lexicon, load_role_words()) == frozenset()
