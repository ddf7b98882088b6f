"""The actor layer reads a name in its article: longer place names, surnames named in
full before, appositions, titles given once. Every text is made up for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def actors(kb, text, published="2024-03-15"):
    doc = pipeline.process(Article(id="t", text=text, published=published), kb)
    return {a.text: a for a in doc.actors}


def test_a_country_word_inside_a_longer_place_name_is_no_country(kb):
    found = actors(kb, "Senator Ruth Dean of New Mexico spoke to voters in Albuquerque on Monday.")
    assert "Mexico" not in found


def test_a_surname_named_in_full_before_is_the_person_not_a_capital(kb):
    found = actors(kb, "Dutch Foreign Minister Pieter Madrid arrived on Monday.\n\n"
                       "Madrid says the talks will continue.")
    later = [a for t, a in found.items() if t == "Madrid"]
    assert later and later[0].kind == "person" and later[0].country == "NLD"


def test_an_apposition_gives_an_unknown_person_a_country(kb):
    found = actors(kb, "Chile hosted the talks. Congressman Walter Pryde, the chairman of the Canadian "
                       "parliament's trade committee, and Chile's minister met in Chile on Monday.")
    assert found["Walter Pryde"].country == "CAN"


def test_a_title_given_once_gives_every_mention_its_country(kb):
    doc = pipeline.process(Article(id="t", published="2024-03-15", text=(
        "Kofi Mensah was freed on Sunday, a day after police detained him.\n\n"
        "The arrest of Ghanaian Ambassador Kofi Mensah drew protests.")), kb)
    first = next(a for a in doc.actors if a.text == "Kofi Mensah")
    assert first.country == "GHA"


def test_an_acronym_written_as_a_word_is_the_organisation(kb):
    found = actors(kb, "At the summit, Nato said it would send more ships to the Baltic.")
    assert found["Nato"].name == "NATO"


def test_an_object_pronoun_is_not_the_subject_of_its_own_verb(kb):
    doc = pipeline.process(Article(id="t", published="2024-03-15", text=(
        "The palace said it would snub Pedro Sanchez, adding that Emmanuel Macron would not "
        "meet with him.")), kb)
    him = next(a for a in doc.actors if a.text == "him")
    assert him.name == "Pedro Sanchez"


def test_a_state_body_in_the_title_gives_its_spokesman_a_country(kb):
    doc = pipeline.process(Article(id="t", published="2024-03-15", text=(
        "Russia and Russia's allies met. Kenya's Interior Ministry spokesman Odhiambo Wekesa "
        "says Nairobi has examined the request.")), kb)
    person = next(a for a in doc.actors if a.text.endswith("Odhiambo Wekesa"))
    assert person.country == "KEN"


def test_a_country_word_inside_a_region_name_is_no_country(kb):
    found = actors(kb, "Officials in Latin America and along the Gulf of Mexico criticised Brazil on Monday.")
    assert "America" not in found and "Mexico" not in found
    assert found["Brazil"].country == "BRA"  # a country named on its own still is one


def test_a_country_joined_by_and_is_not_the_nationality_of_the_next_title(kb):
    found = actors(kb, "The decision to pull diplomats out of Venezuela and Secretary of State Antony "
                       "Blinken's remarks drew criticism on Monday.", published="2022-03-15")
    blinken = next(a for a in found.values() if a.name == "Antony Blinken")
    assert blinken.country == "USA" and found["Venezuela"].country == "VEN"


def test_a_name_in_apposition_to_a_title_takes_the_title_owners_country(kb):
    found = actors(kb, "The Pentagon's spokesman, John Fairweather, said the drills would go ahead.")
    person = found["John Fairweather"]
    assert person.country == "USA" and person.sector == "GOV"


def test_the_country_is_none_of_the_states_listed_beside_it(kb):
    from sitrep.model import Article
    from sitrep.pipeline import Pipeline
    doc = Pipeline.default(clean=False, until="actors", kb=kb)(Article(
        id="t", text="Ortega, supported by Moscow, Beijing and the commanders of the country's army, "
                     "kept his office.", published="2024-03-15"))
    described = [a for a in doc.actors if a.text.lower().startswith("the country")]
    assert all(a.country not in ("RUS", "CHN") for a in described)


def test_a_name_run_together_with_itself_is_one_person(kb):
    # scraped pages run related-link titles together: "... to beat Obama Obama signs ..."
    found = actors(kb, "President Barack Obama spoke on Monday. Rivals wonder who can beat Obama Obama "
                       "signs the budget today.")
    assert "Obama Obama" not in found
    assert all(a.country == "USA" for name, a in found.items() if "Obama" in name)


def test_the_north_and_the_south_stand_for_the_compass_named_state_before(kb):
    """"the South" after South Sudan's name is South Sudan; a compass word that starts a
    longer name ("the North Atlantic"), or one no such state precedes, is left alone."""
    found = actors(kb, "South Sudan closed its border crossings on Monday, officials in Juba said. "
                       "The decision came a day after the South accused Sudan of shelling a market. "
                       "Tankers crossed the North Atlantic.")
    assert found["the South"].country == "SSD" and found["the South"].resolved_by == "coref"
    assert not any(text.startswith("the North") for text in found)
    alone = actors(kb, "Officials said the North rejected the plan on Monday.")
    assert not (alone.get("the North") and alone["the North"].country)
