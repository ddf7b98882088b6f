"""Events on real news (issue 7): arguments, one event per happening, precision,
background and dates. Every text is written for these tests."""
from sitrep import pipeline
from sitrep.model import Article, Document


def run(kb, text, published="2024-03-15", title=None):
    return pipeline.process(Article(id="t", text=text, published=published, title=title), kb)


def of_type(doc, type_):
    return [e for e in doc.events if e.type == type_]


def one(doc, type_):
    found = of_type(doc, type_)
    assert len(found) == 1, f"{type_}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def country(actor):
    return actor.country if actor is not None else None


# -- arguments -----------------------------------------------------------------------

def test_titled_appositive_subject_through_an_auxiliary(kb):
    doc = run(kb, "Colombia's interior minister, Juan Fernando Cristo, has accused Nicolas Maduro "
                  "of closing the border.")
    accuse = one(doc, "ACCUSE")
    assert country(accuse.source) == "COL"
    assert country(accuse.target) == "VEN"


def test_signing_an_order_is_no_event_and_the_signer_imposes_the_sanctions(kb):
    doc = run(kb, "President Obama signed an executive order imposing sanctions on Russian banks.")
    assert [e.type for e in doc.events] == ["SANCTION"]
    assert country(doc.events[0].source) == "USA"


def test_a_letter_of_apology_is_a_concession_of_its_sender_to_its_addressee(kb):
    doc = run(kb, "Spain has since sent a letter of apology to the Mexican government.")
    concede = one(doc, "CONCEDE")
    assert country(concede.source) == "ESP"
    assert country(concede.target) == "MEX"


def test_support_through_an_idiom_and_the_participle_after_it(kb):
    doc = run(kb, "China has thrown its weight behind President Maduro, offering loans to his government.")
    support = one(doc, "SUPPORT")
    assert country(support.source) == "CHN"
    assert country(support.target) == "VEN"
    assert all(country(e.source) == "CHN" for e in doc.events)


def test_a_reaction_to_the_strikes_targets_whoever_carried_them_out(kb):
    doc = run(kb, "Israeli jets struck targets near Damascus on Tuesday.\n\n"
                  "Iran condemned the strikes on Wednesday.")
    accuse = one(doc, "ACCUSE")
    assert country(accuse.source) == "IRN"
    assert country(accuse.target) == "ISR"


def test_possessor_and_compound_of_event_nouns_and_by_agents(kb):
    doc = run(kb, "Turkey's offensive against Kurdish fighters continued.")
    assert country(one(doc, "ASSAULT").source) == "TUR"
    doc = run(kb, "The seizure of the ship by Iranian forces angered London.")
    assert country(one(doc, "COERCE").source) == "IRN"


def test_quote_speaker_is_the_source_of_a_first_person_act(kb):
    doc = run(kb, "\"We call on Moscow to withdraw its troops,\" said German Chancellor Angela Merkel.")
    request = one(doc, "REQUEST")
    assert country(request.source) == "DEU"
    assert country(request.target) == "RUS"


# -- one event per happening ------------------------------------------------------------

def test_mentions_of_one_happening_become_one_event(kb):
    text = ("Russian warplanes bombed a market in Idlib on Monday, killing 20 people.\n\n"
            "The United Nations condemned the attack.\n\n"
            "Residents said the bombing lasted an hour.")
    doc = run(kb, text)
    assaults = of_type(doc, "ASSAULT")
    assert len(assaults) == 1
    ev = assaults[0]
    assert [m.text for m in ev.mentions] == ["bombed", "attack", "bombing"]
    assert ev.trigger.span == ev.mentions[0].span
    assert country(ev.source) == "RUS"


def test_missing_roles_are_filled_from_other_mentions(kb):
    text = ("The strikes hit a fuel depot outside Aleppo on Sunday.\n\n"
            "Officials later said Russian jets had carried out the strikes.")
    ev = one(run(kb, text), "ASSAULT")
    assert country(ev.source) == "RUS"
    assert ev.date is not None and ev.date.value == "2024-03-10"


def test_a_new_or_other_happening_stays_separate(kb):
    text = ("Rebels attacked an army checkpoint in Homs on Monday.\n\n"
            "Another attack hit a police station in Hama on Tuesday.")
    assert len(of_type(run(kb, text), "ASSAULT")) == 2


def test_same_type_by_different_actors_stays_separate(kb):
    text = ("The United States imposed sanctions on Iran on Monday.\n\n"
            "Canada imposed sanctions on Venezuela on Tuesday.")
    sanctions = of_type(run(kb, text), "SANCTION")
    assert sorted(country(e.source) for e in sanctions) == ["CAN", "USA"]


# -- precision -----------------------------------------------------------------------------

def test_no_events_in_bylines_list_items_captions_or_a_repeated_title(kb):
    title = "Rebels seize the airport"
    text = ("Rebels seize the airport\n\n"
            "Rebels seized the main airport of the capital on Friday after days of fighting.\n\n"
            "2) Airstrikes\n\n"
            "Photo: soldiers attacked a convoy near the border (Getty Images)\n\n"
            "With assistance by Maria Lopez and reporting by John Smith\n\n"
            "The government said it would not negotiate with the rebels.")
    doc = run(kb, text, title=title)
    clean = doc.article.text  # the cleaner may already drop the repeated title
    paragraphs = [p for p in text.split("\n\n") if p in clean]
    spans = {p: (clean.index(p), clean.index(p) + len(p)) for p in paragraphs}
    furniture = [spans[p] for p in paragraphs if not p.startswith(("Rebels seized", "The government"))]
    body = spans[paragraphs[[p.startswith("Rebels seized") for p in paragraphs].index(True)]]
    starts = [m.span[0] for e in doc.events for m in (e.mentions or [e.trigger])]
    assert any(body[0] <= s < body[1] for s in starts)
    assert not any(a <= s < b for s in starts for a, b in furniture), doc.events


def test_idioms_and_metaphors_are_no_events(kb):
    for text in ("The peace talks hit a serious roadblock last week.",
                 "The two sides struck a careful balance in the statement.",
                 "The ministry released a statement on Friday.",
                 "The senator faces a long battle with Congress over the budget."):
        doc = run(kb, text)
        assert not of_type(doc, "ASSAULT") and not of_type(doc, "RETREAT"), (text, doc.events)


def test_non_political_subjects_are_no_actors(kb):
    for text in ("Her school allows young mothers to attend evening classes.",
                 "The new implants prevent infections in most patients."):
        assert run(kb, text).events == [], text


def test_a_threat_is_coded_threaten_only(kb):
    doc = run(kb, "North Korea threatened to strike American bases in Guam.")
    assert [e.type for e in doc.events] == ["THREATEN"]
    assert country(doc.events[0].target) == "USA"


# -- background and dates ---------------------------------------------------------------------

def test_a_year_in_the_sentence_makes_an_old_act_background_with_its_own_date(kb):
    doc = run(kb, "In 2015, a court sentenced the opposition leader Leopoldo Lopez to prison.",
              published="2019-04-30")
    ev = doc.events[0]
    assert ev.background is True
    assert ev.date is not None and ev.date.value == "2015" and not ev.date.inferred


def test_a_month_level_date_is_kept_not_replaced_by_the_publication_day(kb):
    doc = run(kb, "Protesters marched through Caracas in April.", published="2019-07-10")
    ev = one(doc, "PROTEST")
    assert ev.date.value == "2019-04"
    assert ev.background is True


def test_publication_date_fallback_is_marked_inferred(kb):
    doc = run(kb, "Police arrested two journalists in Minsk.", published="2021-05-23")
    ev = one(doc, "COERCE")
    assert ev.date.value == "2021-05-23" and ev.date.inferred is True
    assert ev.background is False


def test_past_and_habitual_cues_make_background(kb):
    doc = run(kb, "Venezuela has long accused Washington of plotting a coup.", published="2019-02-01")
    assert one(doc, "ACCUSE").background is True
    doc = run(kb, "Ankara has repeatedly warned the Kurdish militia against crossing the river.")
    assert doc.events and all(e.background for e in doc.events)


def test_news_of_the_day_is_not_background(kb):
    doc = run(kb, "Pakistan expelled India's ambassador on Wednesday.", published="2019-02-28")
    assert doc.events and not any(e.background for e in doc.events)


def test_events_stage_runs_on_a_bare_document(kb):
    """nlp + events only (no actors, places, times): no crash, spaCy entities stand in."""
    from sitrep.stages import events, nlp
    doc = Document(article=Article(id="x", text="Egypt condemned the Israeli raid on the camp."))
    nlp.run(doc, kb)
    events.run(doc, kb)
    assert [e.type for e in doc.events][:1] == ["ACCUSE"]


# -- the country of role phrases and the counterpart named in the sentence -------------

def test_a_group_named_by_its_role_belongs_to_the_articles_home_country(kb):
    doc = run(kb, "Peru's president, Dina Boluarte, faced new pressure in Lima on Monday. Peruvian "
                  "lawmakers met to debate the crisis.\n\n"
                  "Government troops fired on protesters near the congress building.")
    assault = one(doc, "ASSAULT")
    assert country(assault.source) == "PER" and "home" in assault.source.resolved_by
    assert country(assault.target) == "PER"


def test_the_missing_party_is_the_nearest_actor_of_another_country_in_the_sentence(kb):
    doc = run(kb, "Negotiators from Chile met Bolivian officials in La Paz on Friday, but the meeting "
                  "ended without a deal, with the Chilean delegation blaming the failure on intransigence.")
    accuse = one(doc, "ACCUSE")
    assert country(accuse.source) == "CHL"
    assert country(accuse.target) == "BOL"
    assert not accuse.target.locative


def test_a_place_is_never_taken_as_the_missing_party(kb):
    doc = run(kb, "In Brazil, the Argentine delegation walked out of the summit on Friday.")
    for e in doc.events:
        assert e.target is None or not e.target.locative or e.target.resolved_by == "place"


def test_pressing_siding_backing_and_seeking_asylum(kb):
    doc = run(kb, "The Canadian foreign minister on Monday pressured the Bolivian government to release "
                  "the detained activists.\n\n"
                  "Several army officers sided with the protesters in Quito on Tuesday.\n\n"
                  "The Peruvian president tweeted his support for the Colombian government.\n\n"
                  "The Ecuadorian ambassador sought asylum in the Mexican embassy.")
    got = [(e.type, country(e.source), country(e.target)) for e in doc.events]
    assert ("REQUEST", "CAN", "BOL") in got
    assert ("SUPPORT", "ECU", "ECU") in got
    assert ("SUPPORT", "PER", "COL") in got
    assert ("REQUEST", "ECU", "MEX") in got


def test_support_as_a_stance_with_no_one_supported_is_no_event(kb):
    doc = run(kb, "There is broad support in Chile for a new constitution.")
    assert of_type(doc, "SUPPORT") == []


def test_violence_by_a_local_group_with_no_named_victim_falls_on_the_home_country(kb):
    doc = run(kb, "Colombia's government faced new unrest in Bogota on Monday. Colombian officials "
                  "met to discuss the crisis.\n\n"
                  "Later, the rebels began shelling the outskirts of the town.")
    assault = one(doc, "ASSAULT")
    assert country(assault.source) == "COL" and country(assault.target) == "COL"
    assert assault.target.resolved_by == "home"


def test_a_named_foreign_doer_gets_no_guessed_victim(kb):
    doc = run(kb, "Colombia's government faced new unrest in Bogota on Monday. Colombian officials "
                  "met to discuss the crisis.\n\n"
                  "Later, Venezuelan jets began shelling the outskirts of the town.")
    assault = one(doc, "ASSAULT")
    assert country(assault.source) == "VEN"
    assert assault.target is None or assault.target.resolved_by != "home"


def test_a_scheduled_meeting_is_agreed(kb):
    doc = run(kb, "The Chilean foreign minister is scheduled to speak with his Peruvian counterpart on "
                  "Wednesday.\n\nThe Uruguayan president's upcoming visit to Paraguay was announced on Monday.")
    assert [e.type for e in doc.events].count("AGREE") == 2, [(e.type, e.trigger.text) for e in doc.events]
    assert of_type(doc, "CONSULT") == []


def test_an_expected_attack_is_not_made_an_agreement(kb):
    doc = run(kb, "The Argentine army is expected to attack the rebel positions.")
    assert of_type(doc, "AGREE") == []


def test_refusing_to_comment_is_no_rejection(kb):
    doc = run(kb, "The Brazilian foreign ministry on Friday refused to comment on the asylum request, and "
                  "the ambassador declined to say whether he had met the Bolivian president.")
    assert of_type(doc, "REJECT") == []
    doc = run(kb, "Brazil refused to extradite the Bolivian senator.")
    assert len(of_type(doc, "REJECT")) == 1


def test_casualties_of_a_named_clash_are_its_outcome_not_an_event(kb):
    doc = run(kb, "Supporters of the Ecuadorian opposition clashed with army units in Quito on Tuesday.\n\n"
                  "Ecuadorian health officials said 40 people were injured in the clashes, including two "
                  "with bullet wounds.")
    assert not [e for e in doc.events if e.trigger.text == "injured"]


def test_destroying_a_chance_is_no_attack(kb):
    doc = run(kb, "The Chilean senator's speech has all but destroyed any chance of a deal with Bolivia.")
    assert of_type(doc, "ASSAULT") == []


def test_a_state_named_from_a_place_has_the_name_news_writing_uses():
    """ISO's "Venezuela, Bolivarian Republic of" is no name for a brief's headline."""
    from sitrep.model import Place
    from sitrep.stages.events import place_actor
    actor = place_actor(Place(span=(0, 7), text="Caracas", name="Caracas", country="VE"))
    assert actor.country == "VEN" and actor.name == "Venezuela"
