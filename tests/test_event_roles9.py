"""Who does an act and to whom (session 9): parties the sentence-level fill must not take
as the doer, coordinated clauses, and a withdrawal told in the passive. Every sentence is
made up for these tests."""
from event_helpers import country, one, run


def test_the_speaker_of_a_judgement_on_a_nominal_act_is_not_its_doer(kb):
    doc = run(kb, "Peru said the new tariffs on Chile were a sign of weakness in Washington.")
    tariffs = one(doc, "SANCTION")
    assert country(tariffs.target) == "CHL"
    assert tariffs.source is None or country(tariffs.source) == "USA"


def test_the_speaker_of_a_reported_verbal_act_is_still_its_counterpart(kb):
    doc = run(kb, "Peru said Chilean jets bombed the border post.")
    bombing = one(doc, "ASSAULT")
    assert country(bombing.source) == "CHL"
    assert country(bombing.target) == "PER"


def test_a_party_in_a_clause_on_the_object_does_not_do_the_act(kb):
    doc = run(kb, "Rockets hit a depot near Basra where Turkish engineers are working.")
    assert country(one(doc, "ASSAULT").source) != "TUR"


def test_a_nominal_act_takes_no_party_from_a_coordinated_clause(kb):
    doc = run(kb, "The blockade of the port was ordered by Khartoum, but Egypt's firm stance "
                  "forced the government to end it.")
    blockade = one(doc, "COERCE")
    assert country(blockade.source) == "SDN"
    assert country(blockade.target) != "EGY"


def test_a_place_in_a_coordinated_clause_does_not_receive_the_act(kb):
    doc = run(kb, "The embargo was declared by Khartoum, but pressure from Cairo forced the "
                  "government to end it.")
    assert country(one(doc, "SANCTION").target) != "EGY"


def test_forces_withdrawn_in_the_passive_are_the_withdrawing_side(kb):
    doc = run(kb, "Canadian troops stationed in Latvia will be withdrawn.")
    withdrawal = doc.events[0]
    assert len(doc.events) == 1
    assert country(withdrawal.source) == "CAN"
    assert country(withdrawal.target) != "CAN"


def test_unfit_doer_keeps_the_doer_phrase_of_the_subject(kb):
    from sitrep.stages.event_roles import unfit_doer
    text = "Troops sent by Moscow attacked the village."
    sdoc = kb.nlp(text)
    attacked = next(t for t in sdoc if t.text == "attacked")
    moscow = (text.index("Moscow"), text.index("Moscow") + len("Moscow"))
    # a clause on the doer's own phrase says whose the doers are
    assert not unfit_doer(sdoc, moscow, attacked.i)


def test_forces_the_doer_sends_are_not_its_target(kb):
    doc = run(kb, "Canada also intends to send a squadron of fighter pilots.")
    sending = one(doc, "MOBILIZE")
    assert country(sending.source) == "CAN"
    assert sending.target is None


def test_a_news_outlet_told_something_is_not_the_addressee(kb):
    doc = run(kb, "Ortiz told ABC News on Friday that Peru must release the prisoners.")
    assert doc.events and all(e.target is None or e.target.sector != "MED" for e in doc.events)


def test_foreign_powers_are_a_group_of_several_states(kb):
    doc = run(kb, "Kenya denounced the outside powers that back a Somali warlord.")
    condemnation = one(doc, "ACCUSE")
    assert country(condemnation.source) == "KEN"
    assert condemnation.target is not None and condemnation.target.country is None
    assert "powers" in condemnation.target.name


def test_the_foreign_minister_is_not_several_states(kb):
    from sitrep.stages.event_roles import phrase_actor
    sdoc = kb.nlp("The foreign minister spoke.")
    minister = next(t for t in sdoc if t.text == "minister")
    found = phrase_actor(minister, {"minister": "GOV"})
    assert found is not None and found.resolved_by == "phrase"


def test_an_unnamed_government_faced_by_domestic_rebels_is_theirs(kb):
    doc = run(kb, "Officials said Taliban militants launched a deadly attack on a government "
                  "compound on Thursday. Ukraine and Ukraine's allies met in Kyiv.")
    attack = one(doc, "ASSAULT")
    assert country(attack.source) == "AFG"
    assert country(attack.target) == "AFG"


def test_the_counterpart_of_a_relation_is_reached_before_its_place(kb):
    doc = run(kb, "Moscow has shut down a channel with its Turkish counterparts in Libya.")
    shutdown = one(doc, "SANCTION")  # a channel of relations shut: SANCTION (session 9)
    assert country(shutdown.source) == "RUS"
    assert country(shutdown.target) == "TUR"


def test_an_act_in_a_clause_on_the_subject_is_not_done_to_the_main_object(kb):
    doc = run(kb, "The ministers from Chile, Peru and Brazil, who all signed the 2016 accord, "
                  "met Washington's envoy.")
    signing = one(doc, "SUPPORT")
    assert country(signing.target) != "USA"
    assert country(one(doc, "CONSULT").target) == "USA"


def test_calling_an_arrest_a_violation_does_not_target_the_arrested(kb):
    doc = run(kb, "Spanish Foreign Minister Ana Ruiz called Lopez's arrest a flagrant violation "
                  "of international law.")
    judgement = one(doc, "ACCUSE")
    assert judgement.target is None or "Lopez" not in judgement.target.text


def test_a_news_agency_quoted_does_not_make_its_country_the_home_country(kb):
    doc = run(kb, "Ortiz urged the government to resign, telling Reuters that the vote was rigged.")
    demand = one(doc, "REQUEST")
    assert demand.target is not None and country(demand.target) != "GBR"


def test_a_place_of_another_act_noun_does_not_receive_the_act(kb):
    doc = run(kb, "The truce between Turkey and Kurdish militants ends months of heavy fighting "
                  "and opens the door to peace talks in Oman.")
    fighting = one(doc, "ASSAULT")
    # the place itself receives nothing (session 14: "Kurdish militants" is one role phrase
    # now, no country-less NORP actor, and like "militants" alone it takes the country of
    # the sentence's place: the role phrase's placement is another question, left open)
    assert fighting.target is not None and fighting.target.text != "Oman" and fighting.target.resolved_by != "place"


def test_a_place_on_the_act_itself_still_receives_it(kb):
    doc = run(kb, "Unknown gunmen shelled villages in Lebanon on Monday.")
    assert country(one(doc, "ASSAULT").target) == "LBN"


def test_an_opposition_leader_does_not_continue_the_governments_counterpart():
    from sitrep.stages.event_reactions import _same_doer
    from sitrep.model import Actor
    government = Actor(span=(0, 6), text="Rivera", name="Rivera", country="VEN", sector="GOV", kind="person")
    opposition = Actor(span=(90, 94), text="Diaz", name="Diaz", country="VEN", sector="OPP", kind="person")
    state = Actor(span=(100, 109), text="Venezuela", name="Venezuela", country="VEN", sector="GOV", kind="state")
    assert not _same_doer(government, opposition)
    assert _same_doer(state, government)


def test_guardsmen_who_fired_the_weapon_are_the_doers(kb):
    doc = run(kb, "A student was killed by a tear gas canister fired by national guardsmen.")
    killing = one(doc, "ASSAULT")
    assert killing.source is not None and killing.source.sector == "MIL"
