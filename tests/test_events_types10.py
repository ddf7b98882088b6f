"""Event types by general mechanisms (session 9, issue 7): easing acts are concessions,
verbal and economic "attacks" are no violence, permitted or promised conflict is a threat,
a boycotted meeting is refused. Every sentence is invented for these tests."""
import pytest

from event_helpers import run


def types(doc):
    return sorted(e.type for e in doc.events)


@pytest.mark.parametrize("text", [
    "Canada lifted its sanctions on the Peruvian mining company on Friday.",
    "The European Union eased sanctions on Paraguay after the vote.",
    "Chile lifted the arms embargo on Bolivia last week.",
])
def test_easing_sanctions_is_a_concession(kb, text):
    assert types(run(kb, text)) == ["CONCEDE"]


def test_a_lifted_blockade_stays_a_retreat(kb):
    assert types(run(kb, "The Peruvian navy lifted the blockade of the Chilean port on Sunday.")) == ["RETREAT"]


def test_an_order_that_sanctions_be_lifted_is_the_easing(kb):
    doc = run(kb, "The Chilean president ordered that sanctions on the Bolivian bank be lifted.")
    assert types(doc) == ["CONCEDE"]
    assert doc.events[0].source is not None


@pytest.mark.parametrize("text", [
    "Bolivia suspended its missile tests before the summit with Chile.",
    "The rebels halted their attacks on the Peruvian capital on Tuesday.",
])
def test_halting_ones_own_hostile_acts_is_a_concession(kb, text):
    got = types(run(kb, text))
    assert "CONCEDE" in got
    assert "SANCTION" not in got and "ASSAULT" not in got and "MOBILIZE" not in got


def test_halting_another_partys_acts_is_no_concession(kb):
    got = types(run(kb, "The Peruvian army halted the rebel offensive near the capital."))
    assert "CONCEDE" not in got


def test_withdrawing_a_demand_is_a_concession(kb):
    got = types(run(kb, "The Bolivian opposition withdrew its demand for early elections on Monday."))
    assert got == ["CONCEDE"]


def test_withdrawing_troops_stays_a_retreat(kb):
    assert "RETREAT" in types(run(kb, "Peru withdrew its troops from the Chilean border on Monday."))


def test_a_scathing_attack_is_an_accusation(kb):
    got = types(run(kb, "The Peruvian senator launched a scathing attack on the Chilean president."))
    assert got == ["ACCUSE"]


def test_retaliating_with_tariffs_is_a_sanction(kb):
    got = types(run(kb, "Chile retaliated with tariffs on Peruvian copper on Thursday."))
    assert "SANCTION" in got and "ASSAULT" not in got


def test_retaliating_with_force_stays_an_assault(kb):
    got = types(run(kb, "The Peruvian army retaliated against the rebels on Thursday."))
    assert "ASSAULT" in got


def test_authorised_force_is_a_threat(kb):
    got = types(run(kb, "The Chilean army said it was authorised to attack the rebel camps."))
    assert got == ["THREATEN"]


def test_a_promise_to_continue_protests_is_a_threat(kb):
    got = types(run(kb, "The Bolivian opposition leader vowed to continue the protests against the government."))
    assert "THREATEN" in got and "AGREE" not in got


@pytest.mark.parametrize("text", [
    "Bolivia will boycott the meeting of foreign ministers in Lima.",
    "The Peruvian opposition boycotted the talks with the government on Monday.",
])
def test_boycotting_a_meeting_is_a_rejection(kb, text):
    got = types(run(kb, text))
    assert "REJECT" in got and "THREATEN" not in got and "CONSULT" not in got


@pytest.mark.parametrize("text", [
    "A Chilean carrier group is headed toward the Peruvian coast.",
    "Two Bolivian bombers have flown over the disputed border towns.",
    "Peruvian warships sailed toward the Chilean coast on Sunday.",
])
def test_forces_on_the_move_are_a_mobilisation(kb, text):
    assert "MOBILIZE" in types(run(kb, text))


@pytest.mark.parametrize("text", [
    "The Chilean foreign minister flew to Lima on Tuesday.",
    "The Peruvian delegation arrived in Santiago for talks on Monday.",
])
def test_officials_travelling_are_no_mobilisation(kb, text):
    assert "MOBILIZE" not in types(run(kb, text))


def test_a_visit_in_a_show_of_force_is_a_mobilisation(kb):
    got = types(run(kb, "The Chilean frigate made a port visit to Callao in a show of force."))
    assert "MOBILIZE" in got and "CONSULT" not in got


def test_a_refusal_on_a_condition_is_a_demand(kb):
    doc = run(kb, "Peru will not reopen the border unless Bolivia withdraws its troops.")
    assert types(doc) == ["REQUEST"]
    event = doc.events[0]
    assert event.source is not None and event.source.country == "PER"
    assert event.target is not None and event.target.country == "BOL"
    assert event.certainty.status == "asserted"


def test_a_past_narrative_with_until_is_no_demand(kb):
    assert "REQUEST" not in types(run(kb, "The Peruvian envoy did not leave Lima until the talks ended."))


def test_a_future_act_on_a_condition_is_an_ultimatum(kb):
    got = types(run(kb, "Peru will recall its ambassador from Bolivia unless La Paz apologises for the raid."))
    assert got == ["THREATEN"]


_ARTICLE_LEAD = ("Delegations met on Monday in the border town. The talks lasted four hours. "
                 "Reporters waited outside the hall. Both sides left without comment. "
                 "A second round is planned for next week. ")


@pytest.mark.parametrize("sentence, expected", [
    ("Peru will not reopen the border unless Bolivia withdraws its troops.", "REQUEST"),
    ("Peru will recall its ambassador from Bolivia unless La Paz apologises for the raid.", "THREATEN"),
])
def test_a_conditional_demand_survives_the_event_filter_in_an_article(kb, sentence, expected):
    # the demand's trigger is the condition word: the filter's condition rule must read
    # it as the clause it modifies, not as an act inside the condition
    doc = run(kb, _ARTICLE_LEAD + sentence)
    assert len(doc.sentences) >= 5
    assert expected in types(doc)


@pytest.mark.parametrize("text", [
    "The economy will shrink next year unless the government cuts taxes.",
    "Copper prices could rise unless the cartel raises output.",
    "The truce will not hold unless both armies pull back.",
])
def test_a_forecast_on_a_condition_is_no_demand(kb, text):
    got = types(run(kb, text))
    assert "REQUEST" not in got and "THREATEN" not in got


@pytest.mark.parametrize("text", [
    "Chile has shut down the military hotline with Peru after the incident.",
    "Bolivia cut off the communication channel with Chile on Monday.",
])
def test_shutting_a_channel_of_relations_is_a_sanction(kb, text):
    got = types(run(kb, text))
    assert "SANCTION" in got and "COERCE" not in got


def test_shutting_a_newspaper_stays_coercion(kb):
    assert "COERCE" in types(run(kb, "The Peruvian government shut down the opposition newspaper on Monday."))


def test_a_future_concession_is_an_agreement(kb):
    got = types(run(kb, "The Bolivian rebels said they will release the Peruvian hostages on Sunday."))
    assert "AGREE" in got and "CONCEDE" not in got


def test_a_promised_halt_of_tests_stays_a_concession(kb):
    assert "CONCEDE" in types(run(kb, "Bolivia pledged to halt its missile tests before the summit."))


@pytest.mark.parametrize("text", [
    "Bolivia fired a ballistic missile into the sea on Sunday.",
    "Bolivia launched two short-range missiles off its western coast.",
])
def test_a_missile_fired_into_the_sea_is_a_weapons_test(kb, text):
    got = types(run(kb, text))
    assert "MOBILIZE" in got and "ASSAULT" not in got


@pytest.mark.parametrize("text", [
    "The rebels fired rockets at the Peruvian airport on Monday.",
    "Chile launched missiles on Monday.",
])
def test_a_missile_fired_at_something_stays_an_attack(kb, text):
    assert "ASSAULT" in types(run(kb, text))


def test_countermeasures_taken_are_a_sanction(kb):
    got = types(run(kb, "Chile took countermeasures against two Peruvian fishing companies on Friday."))
    assert got == ["SANCTION"]


def test_unnamed_aircraft_flying_are_no_mobilisation(kb):
    text = "Residents of Lima reported aircraft flying low over the city during the night."
    assert "MOBILIZE" not in types(run(kb, text))


@pytest.mark.parametrize("text", [
    "Riot police stopped the protests in Vardo on Monday.",
    "The army halted the attacks on the convoy near Tromso.",
])
def test_halting_someone_elses_activity_is_no_concession(kb, text):
    # nothing ties the halted activity to the doer ("its", a relative clause, a weapon)
    assert "CONCEDE" not in types(run(kb, text))


def test_halting_ones_own_tests_is_a_concession(kb):
    assert "CONCEDE" in types(run(kb, "Peru suspended its missile tests in April."))


@pytest.mark.parametrize("text", [
    "Chilean troops headed back to their barracks after the drills.",
    "The Peruvian frigates sailed home after the exercise.",
])
def test_forces_returning_do_not_mobilise(kb, text):
    assert "MOBILIZE" not in types(run(kb, text))
