"""Who does an act and to whom (session 9): parties the sentence-level fill must not take
as the doer, coordinated clauses, and a withdrawal told in the passive. Every sentence is
made up for these tests."""
from event_helpers import country, one, run


def test_the_speaker_of_a_judgement_on_a_nominal_act_is_not_its_doer(kb):
    doc = run(kb, "Peru said the new tariffs on Chile were a sign of weakness in Washington.")
    tariffs = one(doc, "SANCTION")
    assert country(tariffs.target) == "CHL"
    assert country(tariffs.source) != "PER"


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
