"""Which phrase is the target (session 13, issue 7): the subject of a for-to clause is
whom a demand addresses, and a judgement of an act of force or pressure targets the act's
doer, never whoever underwent it (docs/annotation.md 5). Every sentence is made up for
these tests."""
import pytest

from event_helpers import country, one, run


# -- the subject of a for-to infinitive is the addressee of a demand, also when it is
#    the asker's own state (an internal demand, docs/annotation.md 5)

def test_pleading_for_the_own_state_to_act_addresses_it(kb):
    doc = run(kb, "Brazilian bishops pleaded for Brazil to protect the Bolivian migrants.")
    act = one(doc, "REQUEST")
    assert country(act.source) == "BRA" and country(act.target) == "BRA"


def test_pushing_for_the_own_state_to_act_addresses_it(kb):
    doc = run(kb, "A Polish senator pushed for Poland to take in more Ukrainian orphans.")
    act = one(doc, "REQUEST")
    assert country(act.target) == "POL"


def test_pleading_this_week_for_the_own_state_to_act_is_not_about_the_people_it_concerns(kb):
    doc = run(kb, "The Greek bishops pleaded this week for Greece to shelter the Afghan families.")
    act = one(doc, "REQUEST")
    assert country(act.target) == "GRC"


def test_a_role_noun_subject_of_a_for_to_clause_is_the_addressee(kb):
    doc = run(kb, "Striking nurses pushed on Tuesday for the health ministry to hire more staff.")
    act = one(doc, "REQUEST")
    assert act.target is not None and act.target.text.endswith("health ministry")


def test_appealed_for_another_state_to_act_addresses_that_state(kb):
    doc = run(kb, "Norway appealed for Sudan to reopen the border crossings.")
    act = one(doc, "REQUEST")
    assert country(act.source) == "NOR" and country(act.target) == "SDN"


def test_a_for_to_clause_before_the_demand_is_no_addressee(kb):
    # near miss: the clause stands before the verb, it is not what is asked for
    doc = run(kb, "For Chile to join the pact, Peru demanded guarantees from Bolivia.")
    act = one(doc, "REQUEST")
    assert country(act.target) != "CHL"


# -- a judgement of an act of force or pressure targets its doer, not its patient

def test_denouncing_the_jailing_of_own_reporters_is_no_self_dyad(kb):
    doc = run(kb, "Berlin denounced the jailing of two German reporters in Minsk.")
    act = one(doc, "ACCUSE")
    assert country(act.source) == "DEU" and act.target is None


def test_criticising_the_expulsion_of_own_diplomats_targets_the_expelling_state(kb):
    # (not a self-dyad: the expelled diplomats are the critic's own side)
    doc = run(kb, "Canada criticized the expulsion of its diplomats by Riyadh.")
    act = one(doc, "ACCUSE")
    assert country(act.source) == "CAN" and country(act.target) == "SAU"


def test_condemning_a_seizure_by_a_named_force_targets_the_seizer(kb):
    doc = run(kb, "Japan denounced the seizure of a Japanese trawler by Russian coast guards.")
    act = one(doc, "ACCUSE")
    assert country(act.source) == "JPN" and country(act.target) == "RUS"


def test_criticising_a_shelling_by_a_named_force_targets_the_shelling_side(kb):
    doc = run(kb, "The EU criticised the shelling of Mariupol by Russian artillery.")
    act = one(doc, "ACCUSE")
    assert country(act.target) == "RUS"


def test_condemning_a_killing_with_no_doer_does_not_target_the_victims(kb):
    doc = run(kb, "Turkey condemned the killing of three Kurdish civilians.")
    act = one(doc, "ACCUSE")
    assert country(act.source) == "TUR" and act.target is None
    # the killing itself keeps its victims as target
    assert one(doc, "ASSAULT").target is not None


def test_rejecting_an_annexation_targets_the_annexing_state(kb):
    doc = run(kb, "Kazakhstan rejected the annexation of the islands by Moscow.")
    act = one(doc, "ACCUSE")  # (rejecting a done act reads as disapproval)
    assert country(act.source) == "KAZ" and country(act.target) == "RUS"


def test_welcoming_a_deployment_keeps_the_moving_side(kb):
    # near miss: a deployment's of-phrase names the forces that move, not a patient
    doc = run(kb, "Qatar welcomed the deployment of Turkish troops.")
    act = one(doc, "SUPPORT")
    assert country(act.target) == "TUR"


def test_a_threat_keeps_the_target_of_the_act_it_threatens(kb):
    # near miss: a threat is about an act still to come, whose own target it shares
    doc = run(kb, "The Saudi minister threatened to impose new sanctions on Canada.")
    act = one(doc, "THREATEN")
    assert country(act.target) == "CAN"


def test_the_victims_side_may_still_be_the_critic(kb):
    # near miss: who underwent the act is excluded as the target only, not as the source
    doc = run(kb, "The arrest of the Dutch consul by Eritrean police drew sharp criticism "
                  "from the Netherlands.")
    act = one(doc, "ACCUSE")
    assert country(act.source) == "NLD" and country(act.target) == "ERI"


# -- a coordinated passive shares the subject of the verb before it

def test_a_passive_conjunct_in_a_relative_clause_targets_the_antecedent(kb):
    doc = run(kb, "Two Kenyan teachers, who had lived in Mogadishu for years and were seized "
                  "last week by gunmen, were freed on Sunday.")
    act = one(doc, "COERCE")
    assert country(act.target) == "KEN"


def test_a_passive_conjunct_after_an_active_verb_targets_the_shared_subject(kb):
    doc = run(kb, "The two Nigerian sailors left the port on Monday and were attacked by pirates near Cameroon.")
    act = one(doc, "ASSAULT")
    assert country(act.target) == "NGA"


def test_a_passive_conjunct_after_a_passive_verb_targets_the_shared_subject(kb):
    doc = run(kb, "The rebels seized the town and were bombed by Syrian government jets.")
    act = one(doc, "ASSAULT")
    assert country(act.source) == "SYR" and act.target is not None and act.target.text == "rebels"


def test_a_passive_conjunct_with_its_own_subject_keeps_it(kb):
    # near miss: the second clause names its own subject
    doc = run(kb, "Police raided the office in Lagos and two Ghanaian traders were detained.")
    act = one(doc, "COERCE")
    assert country(act.target) == "GHA"


# -- an accusation about an act of force targets whom its clause names as the doer

def test_accusations_that_a_state_was_behind_a_bombing_target_that_state(kb):
    doc = run(kb, "Riyadh repeated its accusations that the Iranian government was behind "
                  "the bombing of a Saudi pipeline.")
    act = one(doc, "ACCUSE")
    assert country(act.source) == "SAU" and country(act.target) == "IRN"


def test_accusations_about_an_attack_on_civilians_do_not_target_the_civilians(kb):
    doc = run(kb, "Officials questioned the Syrian president about accusations that the regime "
                  "was behind a gas attack on Kurdish civilians last month.")
    act = one(doc, "ACCUSE")
    assert act.target is not None and act.target.text == "regime"


# -- a reaction to a done act named after a reason preposition targets its doer

def test_retaliating_for_the_expulsion_of_own_diplomats_is_no_self_dyad(kb):
    doc = run(kb, "Moscow threatened to retaliate for the expulsion of its diplomats.")
    act = one(doc, "THREATEN")
    assert country(act.source) == "RUS" and act.target is None


def test_protesting_over_an_abduction_by_named_pirates_targets_the_pirates(kb):
    doc = run(kb, "Seoul protested strongly over the abduction of South Korean sailors by Somali pirates.")
    act = one(doc, "PROTEST")
    assert country(act.source) == "KOR" and country(act.target) == "SOM"


def test_an_apology_demanded_for_an_arrest_does_not_target_the_arrested(kb):
    doc = run(kb, "Ankara demanded an apology for the arrest of its consul.")
    act = one(doc, "REQUEST")
    assert act.target is None


def test_thanks_for_a_rescue_keep_the_rescuer(kb):
    # near miss: a rescue is no act of force; the thanked party stays the target
    doc = run(kb, "Tokyo thanked Seoul for the rescue of the Japanese fishermen.")
    act = one(doc, "SUPPORT")
    assert country(act.target) == "KOR"


@pytest.mark.parametrize("text", [
    "The UN called for the detained journalists to be released.",
    "Amnesty International called on Monday for the prisoners to be freed immediately.",
    "The bishops pleaded for the hostages to be handed over unharmed.",
])
def test_a_passive_for_to_subject_undergoes_the_act_and_is_not_the_addressee(kb, text):
    # whoever holds them is asked, and the sentence does not name them (review 17:35)
    doc = run(kb, text)
    requests = [e for e in doc.events if e.type == "REQUEST"]
    assert requests and all(e.target is None for e in requests), [(e.type, e.target) for e in doc.events]
