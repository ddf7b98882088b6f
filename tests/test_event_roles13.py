"""Dyads from syntax, not proximity (session 12, issue 7 item 3): people tied to a body
take its country, a doer's modifier of an event noun after a preposition is no place, the
parties of an asked-for act are neither the asker nor the addressee, a state's official
does not target that state as the doer of what it says, armed groups of no country take
the country of the act's place, and bodies named after others. Every sentence is made
up for these tests."""
from event_helpers import country, first, one, run


def _events(doc, type_):
    return [e for e in doc.events if e.type == type_]


# -- people tied to a body by an affiliation participle take the body's country

def test_guards_working_for_an_embassy_are_the_embassys_state(kb):
    doc = run(kb, "Gunmen abducted two guards working for the Chinese embassy in Islamabad.")
    act = one(doc, "ASSAULT")
    assert country(act.target) == "CHN" and act.target.resolved_by == "phrase+affiliation"


def test_a_guard_employed_by_a_mission_is_not_the_arresting_police_country(kb):
    doc = run(kb, "Egyptian police arrested a guard employed by the French embassy in Cairo.")
    act = one(doc, "COERCE")
    assert country(act.source) == "EGY" and country(act.target) == "FRA"


def test_officials_working_for_a_mission_take_its_country(kb):
    doc = run(kb, "Tehran detained two officials working for the Swedish mission.")
    act = one(doc, "COERCE")
    assert country(act.target) == "SWE"


def test_serving_in_a_country_is_no_affiliation_to_a_body(kb):
    doc = run(kb, "Kenya expelled three officers serving in Somalia.")
    act = one(doc, "SANCTION")
    assert act.target is None or act.target.resolved_by != "phrase+affiliation"


# -- a country word that modifies an event noun after a preposition is the doer

def test_airstrikes_after_in_keep_their_doer(kb):
    doc = run(kb, "Three villagers were killed in Russian airstrikes on Idlib.")
    act = one(doc, "ASSAULT")
    assert country(act.source) == "RUS" and country(act.target) == "SYR"


def test_a_bombardment_inside_a_prepositional_phrase_keeps_its_doer_and_place(kb):
    doc = run(kb, "Families mourned those killed in the Israeli bombardment of Gaza.")
    act = one(doc, "ASSAULT")
    assert country(act.source) == "ISR" and country(act.target) == "PSE"


def test_shelling_after_in_keeps_its_doer(kb):
    doc = run(kb, "Two fishermen died in the Turkish shelling of the coast.")
    assert country(one(doc, "ASSAULT").source) == "TUR"


def test_a_country_word_before_a_place_noun_stays_a_place(kb):
    doc = run(kb, "The summit took place in the Russian capital.")
    russian = [a for a in doc.actors if a.text == "Russian"]
    assert russian and all(a.locative for a in russian)


# -- the parties of the asked-for act are not the asker, nor the addressee

def test_a_named_but_unresolved_addressee_keeps_the_content_party_out(kb):
    doc = run(kb, "The mayor called on the police chief to expel the Albanian traders.")
    act = one(doc, "REQUEST")
    assert country(act.source) != "ALB" and country(act.target) != "ALB"


def test_a_content_demonym_places_neither_asker_nor_addressee(kb):
    doc = run(kb, "Senators asked the Commerce Department to ban Chinese drones.")
    act = one(doc, "REQUEST")
    assert country(act.source) != "CHN" and country(act.target) != "CHN"


def test_a_governor_asking_a_ministry_is_not_of_the_content_country(kb):
    doc = run(kb, "A governor asked the defence ministry to stop buying Turkish drones.")
    act = one(doc, "REQUEST")
    assert country(act.source) != "TUR" and country(act.target) != "TUR"


def test_urging_a_regulator_does_not_target_the_banned_side(kb):
    doc = run(kb, "The envoy urged the regulator to ban Chinese drones.")
    act = one(doc, "REQUEST")
    assert act.target is None or country(act.target) != "CHN"


def test_a_named_addressee_stays_the_target(kb):
    doc = run(kb, "The envoy urged Maduro to free the Colombian workers.")
    assert country(one(doc, "REQUEST").target) == "VEN"


def test_a_threat_without_addressee_still_takes_the_content_object(kb):
    doc = run(kb, "The rebels threatened to deliver blows to the United States.")
    assert country(one(doc, "THREATEN").target) == "USA"


# -- an official does not target its own state as the doer of what it says

def test_a_minister_telling_parliament_his_capital_will_answer_targets_not_it(kb):
    doc = run(kb, "The interior minister told parliament that Ankara will answer any provocation.")
    for act in doc.events:
        assert not (country(act.source) == "TUR" and country(act.target) == "TUR")
    assert any(c["rule"] == "own state target" for c in doc.article.meta.get("role_checks", []))


def test_a_named_minister_announcing_his_capitals_answer_targets_not_it(kb):
    doc = run(kb, "Turkish Defence Minister Hulusi Akar said Ankara would respond to any aggression.")
    for act in doc.events:
        assert not (country(act.source) == "TUR" and country(act.target) == "TUR")


def test_a_senator_blaming_his_administration_keeps_it(kb):
    doc = run(kb, "Senator John McCain blamed the Obama administration for the crisis.")
    act = one(doc, "ACCUSE")
    assert country(act.source) == "USA" and country(act.target) == "USA"


# -- an armed group of no country acts for the country where it acts

def test_strikes_on_islamic_state_near_mosul_target_iraq(kb):
    doc = run(kb, "US planes struck Islamic State positions near Mosul on Monday.")
    act = one(doc, "ASSAULT")
    assert country(act.source) == "USA" and country(act.target) == "IRQ"


def test_islamic_state_attacking_in_raqqa_is_syrian(kb):
    doc = run(kb, "Islamic State fighters attacked a checkpoint in Raqqa.")
    assert country(one(doc, "ASSAULT").source) == "SYR"


def test_al_qaeda_kidnapping_in_mali_is_malian(kb):
    doc = run(kb, "Al-Qaeda militants kidnapped two aid workers in Mali.")
    assert country(first(doc, "ASSAULT").source) == "MLI"


def test_a_group_without_a_place_stays_without_country(kb):
    doc = run(kb, "Islamic State has vowed to fight on.")
    assert one(doc, "THREATEN").source.country is None


def test_a_group_with_a_country_keeps_it_abroad(kb):
    doc = run(kb, "Hezbollah fighters shelled an army post in Syria.")
    assert country(one(doc, "ASSAULT").source) == "LBN"


# -- bodies named after other bodies

def test_an_ngo_named_after_the_un_is_no_igo(kb):
    doc = run(kb, "The Geneva-based group U.N. Watch criticized the vote.")
    watch = [a for a in doc.actors if "Watch" in a.text]
    assert watch and watch[0].actor_id == "UNWATCH" and watch[0].sector == "NGO"


def test_the_non_aligned_movement_is_an_igo_not_namibia(kb):
    doc = run(kb, "The Non-Aligned Movement backed Venezuela, and NAM later praised Cuba.")
    found = [a for a in doc.actors if a.text in ("Non-Aligned Movement", "NAM")]
    assert len(found) == 2 and all(a.actor_id == "NONALIGNED" and a.country is None for a in found)
    assert any(a.country == "NAM" for a in run(kb, "Namibia backed Chad.").actors)


# -- nouns of harm undergone: the possessor suffers it

def test_death_and_torture_name_their_possessor_as_undergoer():
    from sitrep.knowledge.actors import load_role_words
    words = load_role_words()
    assert {"death", "torture", "beheading"} <= words.patient_possessor_nouns
    assert "attack" not in words.patient_possessor_nouns
