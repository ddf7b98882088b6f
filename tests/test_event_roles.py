"""Who did what to whom: the source and target the events stage attaches (event_roles,
event_merge). Every sentence is made up for these tests; each test checks one role."""
from sitrep import pipeline
from sitrep.model import Article


def run(kb, text, published="2024-03-15"):
    return pipeline.process(Article(id="t", text=text, published=published), kb)


def one(doc, type_):
    found = [e for e in doc.events if e.type == type_]
    assert len(found) == 1, f"{type_}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def country(actor):
    return actor.country if actor is not None else None


def test_a_clause_before_the_threat_names_no_target(kb):
    doc = run(kb, "Japan was furious about the test - Beijing even threatened military action "
                  "against Australia.")
    assert country(one(doc, "THREATEN").target) == "AUS"


def test_a_weapon_alone_stands_for_no_actor(kb):
    from sitrep.stages.event_roles import RoleFinder
    sdoc = kb.nlp("Missiles hit the port while soldiers watched.")
    finder = RoleFinder([None] * len(sdoc), {}, kb.event_lexicon, {"missile": "MIL", "soldier": "MIL"})
    missiles, soldiers = sdoc[0], sdoc[5]
    assert finder.phrase_actors(missiles) == []
    assert [a.text for a in finder.phrase_actors(soldiers)] == ["soldiers"]


def test_a_state_named_twice_does_not_act_on_itself(kb):
    doc = run(kb, "Tehran on Monday threatened Iran's neighbours with retaliation.")
    threat = one(doc, "THREATEN")
    assert country(threat.source) == "IRN"
    assert country(threat.target) != "IRN"


def test_sanctions_as_the_means_of_the_subject(kb):
    doc = run(kb, "Canada has gone after Belarus with sanctions before.")
    sanction = one(doc, "SANCTION")
    assert country(sanction.source) == "CAN"


def test_an_outlet_credit_in_parentheses_is_not_the_doer(kb):
    doc = run(kb, "(Reuters) Apologies from Peruvian officials over the raid have done little to calm "
                  "the protests.")
    concede = one(doc, "CONCEDE")
    assert country(concede.source) == "PER"


def test_a_state_after_a_recipient_preposition_is_the_target_not_a_place(kb):
    doc = run(kb, "President Ortega lashed out again at Costa Rica, which he accuses of plotting a coup.")
    accuse = [e for e in doc.events if e.type == "ACCUSE" and e.trigger.text.startswith("lashed")]
    assert accuse and country(accuse[0].target) == "CRI"


def test_the_thing_rejected_comes_from_the_target(kb):
    doc = run(kb, "Several governments have already rejected the visa applications from Belgrade.")
    reject = one(doc, "REJECT")
    assert country(reject.target) == "SRB"


def test_people_from_a_country_act_for_it(kb):
    doc = run(kb, "A group of trade ministers from Chile, Peru and Mexico were in Tokyo on Monday. "
                  "They met with Japanese officials for several hours.")
    consult = one(doc, "CONSULT")
    assert country(consult.source) == "CHL"


def test_supporters_are_civilians_of_the_country(kb):
    doc = run(kb, "Bolivia's opposition rallied in La Paz on Monday, and Bolivian police blocked roads.\n\n"
                  "Opposition leaders called on their supporters to take to the streets.")
    request = one(doc, "REQUEST")
    assert request.target is not None and request.target.text.endswith("supporters")
    assert country(request.target) == "BOL"


def test_an_act_joined_to_a_reported_clause_is_the_speakers(kb):
    from sitrep.stages.event_roles import RoleFinder, actor_index
    doc = run(kb, "Cuba's foreign minister, Elena Marquez, said the sailors were not smugglers and "
                  "accused Washington of lying.")
    finder = RoleFinder(actor_index(doc), {}, kb.event_lexicon, {})
    accused = next(t for t in doc.nlp if t.text == "accused")
    sources = finder.subject_actors(accused)
    assert sources and sources[0].country == "CUB"
