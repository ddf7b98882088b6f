"""Who does an act and to whom (session 10): reacting parties, role nouns that open a
sentence, acts referred to by another name. Every sentence is made up for these tests."""
from event_helpers import country, first, one, run


def test_a_party_whose_reaction_an_act_drew_is_not_its_doer(kb):
    doc = run(kb, "Gunmen attacked a police station in northern Mali on Monday. "
                  "The attack drew condemnation from the French ambassador.")
    attack = one(doc, "ASSAULT")
    assert attack.source is not None and attack.source.sector == "REB"
    condemnation = one(doc, "ACCUSE")
    assert country(condemnation.source) == "FRA"
    assert condemnation.target is not None and condemnation.target.sector == "REB"


def test_a_reaction_drawn_by_an_act_has_no_doer_from_the_reactor(kb):
    doc = run(kb, "An attack on a police station in Mali drew condemnation from the French ambassador.")
    attack = first(doc, "ASSAULT")
    assert attack.source is None


def test_a_plural_role_noun_opening_the_sentence_names_the_doer(kb):
    doc = run(kb, "Rebels shelled the town of Gao in Mali on Monday.")
    shelling = one(doc, "ASSAULT")
    assert shelling.source is not None and shelling.source.sector == "REB"
    assert shelling.source.text == "Rebels"


def test_unknown_gunmen_are_an_armed_group(kb):
    from sitrep.stages.event_roles import phrase_actor
    from sitrep.stages.events import _role_nouns
    sdoc = kb.nlp("The gunmen fled.")
    actor = phrase_actor(sdoc[1], _role_nouns(kb))
    assert actor is not None and actor.sector == "REB"


def test_the_coup_refers_to_soldiers_seizing_power(kb):
    doc = run(kb, "Soldiers seized power in Niger on Wednesday. The African Union condemned the coup.")
    condemnation = one(doc, "ACCUSE")
    assert condemnation.target is not None
    assert condemnation.target.sector == "MIL" and country(condemnation.target) == "NER"


def test_an_opposition_leader_acts_on_the_government_of_his_own_country(kb):
    doc = run(kb, "President Maduro defeated Henrique Capriles in the vote, but Capriles refused "
                  "to accept the result.")
    refusal = one(doc, "REJECT")
    assert country(refusal.source) == "VEN" and refusal.source.sector == "OPP"
    assert country(refusal.target) == "VEN" and refusal.target.sector == "GOV"


def test_rival_sides_of_one_country(kb):
    from sitrep.model import Actor
    from sitrep.stages.event_roles import rival_sides
    government = Actor(span=(0, 5), text="Lima", name="Peru", country="PER", sector="GOV", kind="state")
    opposition = Actor(span=(10, 15), text="Keiko", name="Keiko", country="PER", sector="OPP", kind="person")
    students = Actor(span=(20, 28), text="students", name="students", country="PER", sector="EDU", kind="group")
    assert rival_sides(government, opposition)
    assert not rival_sides(government, students)
    # students who act face their state; the state is never filled in as their doer
    assert rival_sides(government, students, civil=True)
    assert not rival_sides(students, government, civil=True)


def test_students_protesting_at_home_protest_against_their_state(kb):
    doc = run(kb, "The Bolivian government raised fuel prices on Monday. Bolivian students protested on Tuesday.")
    protest = one(doc, "PROTEST")
    assert country(protest.source) == "BOL" and protest.source.sector == "EDU"
    assert country(protest.target) == "BOL" and protest.target.sector == "GOV"


def test_the_arctic_council_is_an_international_body_not_a_government(kb):
    doc = run(kb, "The Arctic Council criticized Norway for its new drilling licences.")
    criticism = one(doc, "ACCUSE")
    assert criticism.source is not None and criticism.source.sector == "IGO"
    assert criticism.source.country is None
    assert country(criticism.target) == "NOR"


def test_an_opposition_refusal_naming_no_addressee_is_made_to_its_own_government(kb):
    doc = run(kb, "The Peruvian government banned all rallies on Monday. "
                  "The Peruvian opposition leader Marco Delgado rejected the ban on Tuesday.")
    refusal = first(doc, "REJECT")
    assert country(refusal.source) == "PER" and refusal.source.sector == "OPP"
    assert country(refusal.target) == "PER" and refusal.target.sector == "GOV"


def test_an_opposition_appeal_to_its_followers_is_not_made_of_the_government(kb):
    doc = run(kb, "The Peruvian government banned all rallies on Monday. "
                  "The Peruvian opposition leader Marco Delgado called for more protests on Tuesday.")
    appeal = first(doc, "REQUEST")
    assert country(appeal.source) == "PER" and appeal.source.sector == "OPP"
    assert appeal.target is None


def test_a_coup_is_staged_against_the_doers_own_government(kb):
    doc = run(kb, "Nigeria's army staged a coup on Wednesday.")
    coup = one(doc, "ASSAULT")
    assert country(coup.source) == "NGA" and coup.source.sector == "MIL"
    assert country(coup.target) == "NGA" and coup.target.sector == "GOV"
    assert coup.target.span == coup.trigger.span  # named only through the act


def test_who_accepts_an_invitation_is_its_invitee(kb):
    doc = run(kb, "Modi accepted Macron's invitation to visit Paris.")
    invitation = [e for e in doc.events if e.trigger.text == "invitation"]
    assert len(invitation) == 1
    assert country(invitation[0].source) == "FRA"
    assert country(invitation[0].target) == "IND"


def test_protests_that_rock_a_country_are_by_its_own_people(kb):
    doc = run(kb, "A wave of protests has rocked Chile since March.")
    protest = one(doc, "PROTEST")
    assert country(protest.target) == "CHL"
    assert country(protest.source) == "CHL" and protest.source.sector == "CIV"
    assert protest.source.span == protest.trigger.span


def test_criticism_an_act_drew_targets_its_doer_not_its_victim(kb):
    doc = run(kb, "The arrest of the journalist by Turkish police drew criticism from the European Union.")
    criticism = one(doc, "ACCUSE")
    assert criticism.source is not None and criticism.source.sector == "IGO"
    assert country(criticism.target) == "TUR" and criticism.target.sector == "COP"


def test_an_own_state_target_named_far_before_is_spanned_on_the_act(kb):
    # the state's last mention is paragraphs away: the target is implied by the act, and
    # its span must not point the reader at that unrelated sentence
    text = ("The Bolivian government in La Paz announced new bread prices on Monday. "
            + "Bakers said the queues were long. " * 25
            + "\n\nBolivian opposition leader Anna Varga rejected the election result on Tuesday.")
    doc = run(kb, text)
    reject = [e for e in doc.events if e.trigger.text == "rejected"]
    assert reject and reject[0].target is not None
    assert reject[0].target.span == reject[0].trigger.span
