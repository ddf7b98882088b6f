"""Role rules of session 7: waters named after a country, reactions a verb brought about,
parties given as examples, parties busy in another clause when a source is filled, and a
doer's counterpart carried on from its last act. Every sentence is made up for these tests."""
from event_helpers import country, first, one, run


# -- a sea or strait named after a country is no mention of the country

def test_a_strait_named_after_a_country_is_not_the_target_of_a_hijacking(kb):
    doc = run(kb, "Pirates hijacked a fishing trawler in the Sea of Japan on Monday.")
    assert country(one(doc, "ASSAULT").target) != "JPN"
    assert not any(a.country == "JPN" for a in doc.actors)


def test_attacks_in_a_gulf_named_after_a_state_do_not_fall_on_that_state(kb):
    doc = run(kb, "London blamed Tehran for two attacks on cargo ships in the Gulf of Oman in May.")
    attacks = one(doc, "ASSAULT")
    assert country(attacks.source) == "IRN"
    assert country(attacks.target) != "OMN"


def test_a_country_named_plainly_beside_a_sea_is_still_a_party(kb):
    doc = run(kb, "Japan sent two destroyers to the sea after the collision.")
    assert any(a.country == "JPN" for a in doc.actors)


# -- "sparked outrage in X": X reacts, to whoever did what sparked it

def test_outrage_sparked_by_an_act_goes_from_where_it_is_felt_to_the_doer(kb):
    doc = run(kb, "Russia's annexation of the peninsula sparked outrage in Kiev.")
    outrage = one(doc, "ACCUSE")
    assert country(outrage.source) == "UKR"
    assert country(outrage.target) == "RUS"


def test_condemnation_provoked_by_a_state_comes_from_the_from_phrase(kb):
    doc = run(kb, "Vietnam provoked sharp condemnation from Manila by building an airstrip on the reef.")
    condemnation = one(doc, "ACCUSE")
    assert country(condemnation.source) == "PHL"
    assert country(condemnation.target) == "VNM"


# -- parties given as examples ("including A and B")

def test_states_given_as_examples_of_the_subject_are_the_source(kb):
    doc = run(kb, "Several states, including Peru and Chile, condemned the vote.")
    assert country(one(doc, "ACCUSE").source) == "PER"


def test_examples_hung_on_the_object_of_a_relative_clause_still_name_the_plural_subject(kb):
    doc = run(kb, "Countries that still back the junta, including Laos and Cambodia, condemned the ruling.")
    assert country(one(doc, "ACCUSE").source) == "LAO"


# -- the sentence-level fill of a source skips a party busy in the main clause

def test_the_subject_of_the_main_clause_is_not_the_source_of_a_concessive_clause(kb):
    doc = run(kb, "Though Chile was criticized at the time, Argentina and others praised the decision.")
    criticism = one(doc, "ACCUSE")
    assert country(criticism.target) == "CHL"
    assert country(criticism.source) != "ARG"


# -- a doer goes on dealing with the counterpart of its last act

def test_a_doers_next_act_without_counterpart_takes_its_last_acts_target(kb):
    doc = run(kb, "Moscow praised the Venezuelan government on Tuesday. "
                  "It has also lent billions of dollars over the past decade.")
    loan = one(doc, "AID")
    assert country(loan.source) == "RUS"
    assert country(loan.target) == "VEN"


def test_another_doers_act_gives_no_counterpart(kb):
    doc = run(kb, "Kenya threatened Somalia with new tariffs. Uganda has also lent money to several neighbours.")
    loan = one(doc, "AID")
    assert country(loan.source) == "UGA"
    assert country(loan.target) != "SOM"


def test_a_withdrawal_takes_no_counterpart_from_the_doers_last_act(kb):
    doc = run(kb, "Kenya threatened Somalia with new tariffs. Later, Kenyan troops pulled back from the frontier.")
    retreat = first(doc, "RETREAT")
    assert country(retreat.source) == "KEN"
    assert retreat.target is None


def test_a_counterpart_told_too_long_before_is_not_carried_on(kb):
    doc = run(kb, "Moscow praised the Venezuelan government on Tuesday. The vote was held under heavy rain. "
                  "Turnout was low in the capital. Queues were short in most towns. Results came late. "
                  "Moscow has also lent billions of dollars over the past decade.")
    loan = one(doc, "AID")
    assert country(loan.source) == "RUS"
    assert country(loan.target) != "VEN"


def test_an_act_whose_object_names_its_unnamed_undergoer_takes_no_carried_on_target(kb):
    doc = run(kb, "Washington imposed sanctions on Caracas last week. Since then US forces have struck more than 30 boats.")
    strikes = one(doc, "ASSAULT")
    assert country(strikes.source) == "USA"
    assert strikes.target is None


# -- approving an act told before answers its doer

def test_approving_the_move_told_before_targets_whoever_made_it(kb):
    doc = run(kb, "France said it would send two warships to the Baltic. Sweden approved the move on Tuesday.")
    approval = one(doc, "AGREE")
    assert country(approval.source) == "SWE"
    assert country(approval.target) == "FRA"


# -- where a thing reacted to lies is no party to the reaction

def test_the_place_of_what_is_blamed_is_not_the_target_of_the_blame(kb):
    doc = run(kb, "The Kremlin blamed the unrest in Georgia on the West.")
    blame = one(doc, "ACCUSE")
    assert country(blame.source) == "RUS"
    assert country(blame.target) != "GEO"


# -- a thing named after the body it belongs to stands for that body as a target

def test_an_army_base_shelled_stands_for_the_army(kb):
    doc = run(kb, "Rebels shelled an army base near the border on Monday.")
    target = one(doc, "ASSAULT").target
    assert target is not None and target.sector == "MIL"


def test_a_police_station_attacked_stands_for_the_police(kb):
    doc = run(kb, "Gunmen stormed a police station in northern Nigeria overnight.")
    target = first(doc, "ASSAULT").target
    assert target is not None and target.sector == "COP" and target.country == "NGA"


# -- an object pronoun for a person is the target, not a phrase after it

def test_him_after_a_named_person_is_that_person_not_the_comparison(kb):
    from sitrep.model import Actor
    from sitrep.stages.event_roles import RoleFinder
    sdoc = kb.nlp("The envoy praised Lopez and compared him to a tyrant.")
    lopez = next(t for t in sdoc if t.text == "Lopez")
    him = next(t for t in sdoc if t.text == "him")
    person = Actor(span=(lopez.idx, lopez.idx + len(lopez)), text="Lopez", name="Lopez", kind="person")
    index = [None] * len(sdoc)
    index[lopez.i] = person
    finder = RoleFinder(index, {}, kb.event_lexicon)
    assert finder._person_named_before(him, []) == [person]
    assert finder._person_named_before(him, [person]) == []


def test_reservists_of_the_army_are_the_doers_own_forces_not_a_target(kb):
    doc = run(kb, "Peru mobilized army reservists for a possible conflict with Ecuador on Friday.")
    mobilization = one(doc, "MOBILIZE")
    assert country(mobilization.source) == "PER"
    assert country(mobilization.target) != "PER"


def test_the_new_role_word_lists_are_typed_and_strict(tmp_path):
    import pytest
    from sitrep.knowledge.actors import load_role_words
    words = load_role_words()
    assert {"gulf", "strait"} <= words.water_bodies
    assert "spark" in words.causative_verbs and "AGREE" in words.answering_types
    assert "him" in words.person_object_pronouns and "base" in words.facility_nouns
    bad = tmp_path / "role_words.tsv"
    bad.write_text("list\tword\tvalue\nanswering_type\tAPPROVE\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match="answering_type"):
        load_role_words(bad)
