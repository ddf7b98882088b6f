"""Verbal acts by semantic class (session 12, issue 7 recall): verbs of praise and thanks,
of complaint and lament, of reproach and scorn, of repudiation and avoidance, of pressure
and entreaty, shown readiness, alliances built. Each class is
tested on sentences of different shapes and on a near-miss that must not fire: a private
body or a non-political doer, a literal sense, a denial. Every sentence is invented."""
import pytest

from event_helpers import country, run


def of_type(doc, etype):
    return [e for e in doc.events if e.type == etype]


def types_by_trigger(doc):
    return {e.trigger.text: e.type for e in doc.events}


def the_event(doc, etype, word):
    """The one event of ``etype`` whose trigger starts with ``word``."""
    found = [e for e in of_type(doc, etype) if e.trigger.text.lower().startswith(word)]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in doc.events]
    return found[0]


# ------------------------------------------------------------ praise and thanks: SUPPORT

@pytest.mark.parametrize("text, word, source, target", [
    ("The Greek prime minister thanked Italy for its help with the migrants.", "thanked", "GRC", "ITA"),
    ("The German chancellor congratulated the new Italian prime minister on his victory.",
     "congratulated", "DEU", "ITA"),
    ("Japan's prime minister complimented Ukraine on the courage of its soldiers.", "complimented", "JPN", "UKR"),
])
def test_praise_and_thanks_are_support(kb, text, word, source, target):
    event = the_event(run(kb, text), "SUPPORT", word)
    assert country(event.source) == source
    assert country(event.target) == target


@pytest.mark.parametrize("text", [
    "The school thanked parents for their patience during the renovation.",
    "The company thanked its customers for their loyalty.",
    "Soldiers saluted the flag during the ceremony.",
])
def test_a_private_body_or_a_ceremony_is_no_support(kb, text):
    assert of_type(run(kb, text), "SUPPORT") == []


# ------------------------------------------------------------ a partnership reaffirmed

@pytest.mark.parametrize("text, word, target", [
    ("The Polish and Lithuanian presidents reiterated their support for Ukraine in Vilnius.",
     "reiterated", "UKR"),
    ("Indonesia reaffirmed its commitment to the Palestinian cause.", "reaffirmed", "PSE"),
    ("Chile and Peru reaffirmed their friendship at a summit in Lima.", "reaffirmed", None),
])
def test_a_reaffirmed_partnership_is_support(kb, text, word, target):
    event = the_event(run(kb, text), "SUPPORT", word)
    if target is not None:
        assert country(event.target) == target


def test_a_reaffirmed_ruling_is_no_support(kb):
    assert of_type(run(kb, "The court reaffirmed its earlier ruling on the pension reform."), "SUPPORT") == []


# ------------------------------------------------------------ complaint and lament: ACCUSE

@pytest.mark.parametrize("text, word, source, target", [
    ("Vietnam's foreign ministry lamented that China had ignored the arbitration ruling.",
     "lamented", "VNM", "CHN"),
    ("Mexican legislators bemoaned the American decision to build the wall.", "bemoaned", "MEX", "USA"),
    ("The Colombian president grumbled that Venezuela was sheltering the guerrillas.",
     "grumbled", "COL", "VEN"),
])
def test_complaint_and_lament_are_disapproval(kb, text, word, source, target):
    event = the_event(run(kb, text), "ACCUSE", word)
    assert event.mode == "disapprove"
    assert country(event.source) == source
    assert country(event.target) == target


@pytest.mark.parametrize("text", [
    "The football club lamented the referee's decision in the final.",
    "Shoppers grumbled about the long queues at the new supermarket.",
    "The university lamented the cuts to its research budget.",
])
def test_everyday_complaints_are_no_accusation(kb, text):
    assert of_type(run(kb, text), "ACCUSE") == []


# ------------------------------------------------------------ reproach and scorn: ACCUSE

@pytest.mark.parametrize("text, word, source", [
    ("The Chinese ambassador scolded Australian officials for their remarks on Taiwan.", "scolded", "CHN"),
    ("Hungary's prime minister ridiculed the European Commission's migration plan.", "ridiculed", "HUN"),
    ("The Greek government chastised the EU for its new emissions rules.", "chastised", "GRC"),
])
def test_reproach_and_scorn_are_disapproval(kb, text, word, source):
    event = the_event(run(kb, text), "ACCUSE", word)
    assert country(event.source) == source


@pytest.mark.parametrize("text", [
    "The teenagers mocked the new uniforms.",
    "The Spanish foreign minister said Madrid would take up the issue with the Moroccan government.",
])
def test_mocked_uniforms_or_an_issue_taken_up_is_no_accusation(kb, text):
    assert of_type(run(kb, text), "ACCUSE") == []


# ------------------------------------------------------------ repudiation and avoidance: REJECT

@pytest.mark.parametrize("text, word, source", [
    ("The Kenyan government shunned the regional summit in Nairobi.", "shunned", "KEN"),
    ("The Obama administration shunned the International Criminal Court.", "shunned", "USA"),
    ("The Spanish government repudiated the separatist leaders.", "repudiated", "ESP"),
])
def test_repudiating_a_party_or_a_meeting_is_reject(kb, text, word, source):
    event = the_event(run(kb, text), "REJECT", word)
    assert country(event.source) == source


@pytest.mark.parametrize("text", [
    "The militia disavowed the bombing of the market in Kabul.",  # a denial of the act
    "Dockers in Piraeus shunned work on Friday to protest against the privatisation.",  # a strike
])
def test_disavowing_an_act_or_shunning_work_is_no_reject(kb, text):
    assert of_type(run(kb, text), "REJECT") == []


# ------------------------------------------------------------ pressure and entreaty: REQUEST

@pytest.mark.parametrize("text, word, source, target", [
    ("The Indian prime minister pressed Pakistan to act against the militants.", "pressed", "IND", "PAK"),
    ("The Japanese ambassador lobbied Brazilian lawmakers to approve the trade deal.",
     "lobbied", "JPN", "BRA"),
    ("The French president begged Washington to delay the tariffs.", "begged", "FRA", "USA"),
    ("The Iraqi government implored Turkey to halt its airstrikes.", "implored", "IRQ", "TUR"),
    ("For months the Nepali foreign minister has been lobbying Indian officials to reopen the border crossings.",
     "lobbying", "NPL", "IND"),
])
def test_pressure_and_entreaty_are_requests(kb, text, word, source, target):
    doc = run(kb, text)
    event = the_event(doc, "REQUEST", word)
    assert country(event.source) == source
    assert country(event.target) == target


def test_the_act_pressed_for_is_only_the_content(kb):
    # "lobbied lawmakers to approve": the approval is what is asked, not an AGREE of its own
    doc = run(kb, "The Japanese ambassador lobbied Brazilian lawmakers to approve the trade deal.")
    assert of_type(doc, "AGREE") == []


@pytest.mark.parametrize("text", [
    "She pressed the button and the elevator doors closed.",
    "Reporters pressed the minister on the issue.",
    "Reporters pressed the minister on the issue to get answers.",
    "The Chilean senator pressed the Bolivian envoy on the gas dispute during the hearing.",
    "The company pressed its suppliers to cut prices before Christmas.",
    "The bank lobbied regulators to relax the capital rules.",
])
def test_a_button_or_a_company_pressing_is_no_request(kb, text):
    assert of_type(run(kb, text), "REQUEST") == []


# ------------------------------------------------------------ readiness shown: AGREE

@pytest.mark.parametrize("text, word", [
    ("Iran has signalled its readiness to resume talks with the IAEA.", "signalled"),
    ("The Taliban expressed openness to a prisoner exchange with Kabul.", "expressed"),
    ("Seoul indicated its willingness to host a summit with Pyongyang.", "indicated"),
])
def test_shown_readiness_is_an_offer(kb, text, word):
    the_event(run(kb, text), "AGREE", word)


# ------------------------------------------------------------ an alliance built: COOPERATE

@pytest.mark.parametrize("text, word, source", [
    ("Tribal leaders in Anbar built an alliance with the Iraqi army against the jihadists.", "built", "IRQ"),
    ("Finland and Sweden have built an alliance with Norway on Arctic defence.", "built", "FIN"),
    ("Over two years the Kenyan president built an alliance with Ethiopia against the insurgents.",
     "built", "KEN"),
])
def test_building_an_alliance_is_cooperation(kb, text, word, source):
    event = the_event(run(kb, text), "COOPERATE", word)
    assert country(event.source) == source


def test_rock_bands_building_an_alliance_is_no_event(kb):
    assert run(kb, "Two rock bands built an alliance to tour Europe together.").events == []


def test_forming_a_militia_keeps_the_verb_for_the_cameo_table(kb):
    # "form" has no row of its own: its CAMEO readings ("formed a militia") stay in reach
    assert "form" not in kb.event_lexicon.verbs


@pytest.mark.parametrize("text", [
    "The hostage's family thanked Qatar for its mediation.",
    "The widow of the pilot lamented the lack of answers from the army.",
    "The parents of the detained student thanked the Swiss envoy for his help.",
])
def test_a_doer_named_only_by_kinship_is_a_private_person(kb, text):
    doc = run(kb, text)
    assert not of_type(doc, "SUPPORT") and not of_type(doc, "ACCUSE"), [(e.type, e.trigger.text) for e in doc.events]


def test_a_relative_named_or_in_office_still_acts(kb):
    doc = run(kb, "The king's brother, Prince Faisal, thanked Qatar for its mediation.")
    assert country(the_event(doc, "SUPPORT", "thanked").target) == "QAT"
    doc = run(kb, "Qatar's emir thanked the family of the hostage.")  # kin as the one thanked
    assert country(the_event(doc, "SUPPORT", "thanked").source) == "QAT"
