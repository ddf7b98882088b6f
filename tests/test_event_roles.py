"""Who did what to whom: the source and target the events stage attaches (event_roles,
event_merge). Every sentence is made up for these tests; each test checks one role."""
from event_helpers import country, one, run


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


def test_a_reaction_to_the_operation_targets_who_carried_it_out(kb):
    doc = run(kb, "Chilean troops raided a village in Bolivia on Monday.\n\n"
                  "Peru condemned the operation on Tuesday.")
    accuse = one(doc, "ACCUSE")
    assert country(accuse.source) == "PER"
    assert country(accuse.target) == "CHL"


def test_a_reaction_to_a_new_operation_is_no_reference_back(kb):
    doc = run(kb, "Chilean troops raided a village in Bolivia on Monday.\n\n"
                  "Peru condemned an operation by unknown gunmen near its border.")
    accuse = one(doc, "ACCUSE")
    assert country(accuse.target) != "CHL"


def test_rejecting_the_charge_targets_the_accuser(kb):
    doc = run(kb, "Ecuador accused Colombia of shelling a border village.\n\n"
                  "Colombia's defence ministry rejected the charge.")
    reject = one(doc, "REJECT")
    assert country(reject.source) == "COL"
    assert country(reject.target) == "ECU"


def test_the_second_party_of_a_compound_subject_is_no_target(kb):
    doc = run(kb, "Peru and Brazil criticized the vote on Sunday.")
    accuse = one(doc, "ACCUSE")
    assert country(accuse.source) == "PER"
    assert country(accuse.target) != "BRA"


def test_a_reporting_outlet_is_no_party(kb):
    doc = run(kb, "Mali rejected the proposal, the Times reported.")
    reject = one(doc, "REJECT")
    assert country(reject.source) == "MLI"
    assert reject.target is None or reject.target.sector != "MED"


def test_role_words_are_typed_and_strict(tmp_path):
    import pytest
    from sitrep.knowledge.actors import load_role_words
    words = load_role_words()
    assert "of" in words.owner_prepositions and "with" in words.instrument_prepositions
    assert "ACCUSE" in words.referring_acts["charge"]
    assert words.unnamed_doer_name("PROTEST") == "protesters"
    assert "arrest" in words.patient_possessor_nouns and "pro" in words.stance_prefixes
    assert "west" in words.bloc_nouns and "ASSAULT" in words.dispossessing_types
    bad = tmp_path / "role_words.tsv"
    bad.write_text("list\tword\tvalue\nunnamed_doer_name\tCIV\t\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_role_words(bad)
    bad.write_text("list\tword\tvalue\ndispossessing_type\tSEIZE\t\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_role_words(bad)
    bad.write_text("list\tword\tvalue\nreferring_act\tmove\tNOT_A_TYPE\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_role_words(bad)
    bad.write_text("list\tword\tvalue\ndispossessing_type\tSEIZE\t\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_role_words(bad)
    bad.write_text("list\tword\tvalue\nsome_list\tmove\t\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_role_words(bad)
    bad.write_text("list\tword\tvalue\ndispossessing_type\tSEIZE\t\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_role_words(bad)


def test_a_weapon_in_the_by_phrase_points_to_who_used_it(kb):
    doc = run(kb, "Near the harbour, a fisherman was wounded overnight by a stun grenade thrown by "
                  "Peruvian police.")
    assault = one(doc, "ASSAULT")
    assert country(assault.source) == "PER"


def test_a_group_of_several_countries_is_not_the_home_country(kb):
    doc = run(kb, "Gulf states accused Iran of arming the rebels. Iran denied it. "
                  "Iran's foreign ministry said Iran would respond.")
    accuse = next(e for e in doc.events if e.type == "ACCUSE" and e.trigger.text == "accused")
    assert accuse.source is not None and accuse.source.text == "Gulf states"
    assert country(accuse.source) is None


def test_a_continent_demonym_is_not_a_country(kb):
    doc = run(kb, "Latin American leaders condemned the coup in Bolivia.")
    assert all(a.country != "USA" for a in doc.actors)


def test_a_clause_on_the_event_noun_names_the_target(kb):
    doc = run(kb, "Norway widened the trade embargo it placed on Belarus's timber industry last year.")
    sanction = one(doc, "SANCTION")
    assert country(sanction.target) == "BLR"


def test_an_of_phrase_after_a_date_names_who_was_arrested(kb):
    doc = run(kb, "Officials in Chisinau criticised the overnight detention Tuesday of Romanian Consul "
                  "Ana Popescu at the border.")
    coerce = one(doc, "COERCE")
    assert country(coerce.target) == "ROU"


def test_protests_against_a_government_are_done_by_its_people(kb):
    doc = run(kb, "Chile's government imposed a curfew on Monday.\n\n"
                  "Protests against the government of Chile spread to three more cities.")
    protest = one(doc, "PROTEST")
    assert protest.source is not None and protest.source.sector == "CIV"
    assert country(protest.source) == "CHL"


def test_an_unnamed_protester_group_is_named_generically_not_by_the_trigger(kb):
    doc = run(kb, "Protests against the government of Peru spread to the capital on Sunday.")
    source = one(doc, "PROTEST").source
    assert source is not None and source.text == "Protests"  # the span stays the trigger's
    assert source.name == "protesters"


def test_a_group_of_several_countries_gives_way_to_a_named_recipient(kb):
    """"allied troops" (resolved_by phrase+region) is a role phrase like "troops": the
    named party of the to-phrase is the recipient."""
    doc = run(kb, "Turkey offered allied troops to Libya's government.")
    assert country(one(doc, "AGREE").target) == "LBY"


def test_a_purpose_clause_names_what_a_protest_is_against(kb):
    doc = run(kb, "A member of the Chilean parliament, Jorge Mamani, started a hunger strike on Monday "
                  "to protest President Boric's decree.")
    protest = one(doc, "PROTEST")
    assert protest.target is not None and protest.target.name.endswith("Boric")


def test_parties_named_inside_the_source_phrase_act_with_it(kb):
    doc = run(kb, "The leaders of Peru, Chile and Brazil criticized the vote on Sunday.")
    accuse = one(doc, "ACCUSE")
    assert country(accuse.source) == "PER"
    assert country(accuse.target) not in ("CHL", "BRA")


def test_where_talks_are_held_is_no_party_to_them(kb):
    doc = run(kb, "Chile's government said talks in Peru would start soon.")
    consult = one(doc, "CONSULT")
    assert country(consult.source) == "CHL"
    assert country(consult.target) != "PER"


def test_the_possessor_of_an_arrest_is_arrested_not_the_arrester(kb):
    doc = run(kb, "Ecuador's foreign minister condemned Alvarez's detention on Sunday.")
    detention = [e for e in doc.events if e.trigger.text == "detention"]
    assert all(e.source is None or "Alvarez" not in e.source.text for e in detention)


def test_a_reaction_to_an_arrest_targets_the_arrester(kb):
    doc = run(kb, "Peruvian police detained the Chilean consul Ana Reyes in Lima on Saturday.\n\n"
                  "The Chilean foreign minister condemned Reyes's arrest on Sunday.")
    accuse = one(doc, "ACCUSE")
    assert country(accuse.source) == "CHL"
    assert country(accuse.target) == "PER"


def test_an_of_phrase_makes_the_possessor_the_arrester(kb):
    doc = run(kb, "Norway condemned Belarus's arrest of the Norwegian journalist.")
    accuse = one(doc, "ACCUSE")
    assert country(accuse.target) == "BLR"


def test_a_stance_prefix_names_a_side_not_the_party(kb):
    doc = run(kb, "Pro-Turkish militias shelled several villages in northern Armenia on Friday.")
    assault = one(doc, "ASSAULT")
    assert country(assault.source) != "TUR"


def test_the_west_is_a_bloc_of_no_single_country(kb):
    doc = run(kb, "The West accused Belgrade on Monday of arming the militias near the border.")
    accuse = one(doc, "ACCUSE")
    assert accuse.source is not None and accuse.source.text == "West"
    assert accuse.source.country is None
    assert country(accuse.target) == "SRB"


def test_what_was_captured_was_taken_from_the_party_of_the_from_phrase(kb):
    doc = run(kb, "Ethiopia captured the border town from Eritrea in the war.")
    assault = one(doc, "ASSAULT")
    assert country(assault.source) == "ETH"
    assert country(assault.target) == "ERI"


def test_opponents_are_a_role_of_their_own(kb):
    from sitrep.stages.event_roles import phrase_actor
    sdoc = kb.nlp("The police arrested dozens of opponents.")
    nouns = dict(kb.actors.nouns)
    found = phrase_actor(sdoc[5], nouns)
    assert found is not None and found.sector == "OPP"


def test_a_persons_ally_is_another_person_of_the_same_country(kb):
    from sitrep.stages.event_roles import actor_index, actor_of_phrase
    doc = run(kb, "A close Obama ally criticised the president on Friday.")
    ally = next(t for t in doc.nlp if t.text == "ally")
    found = actor_of_phrase(ally, actor_index(doc))
    assert found is not None and found.country == "USA"
    assert "Obama" not in (found.name or "") or found.name != "Barack Obama"
    assert found.actor_id is None


def test_a_states_allies_are_not_that_state(kb):
    from sitrep.stages.event_roles import actor_index, actor_of_phrase
    doc = run(kb, "Canadian allies criticised the decision on Friday.")
    allies = next(t for t in doc.nlp if t.text == "allies")
    found = actor_of_phrase(allies, actor_index(doc))
    assert found is None or found.country != "CAN"


def test_a_reaction_to_a_withdrawal_targets_the_forces_that_withdrew(kb):
    doc = run(kb, "Kenya welcomed the withdrawal of Ugandan troops on Monday.")
    support = one(doc, "SUPPORT")
    assert country(support.target) == "UGA"


def test_a_past_act_after_a_progressive_reported_clause_is_the_speakers(kb):
    from sitrep.stages.event_roles import verb_subject
    sdoc = kb.nlp("Ortega said Colombia was massing troops on the border and ordered his navy to "
                  "patrol the gulf.")
    ordered = next(t for t in sdoc if t.text == "ordered")
    assert verb_subject(ordered).text == "Ortega"


def test_a_past_act_after_a_passive_reported_clause_is_the_speakers(kb):
    from sitrep.stages.event_roles import verb_subject
    sdoc = kb.nlp("The minister said the ambassador had been summoned twice and warned Lima "
                  "against any reprisal.")
    warned = next(t for t in sdoc if t.text == "warned")
    assert verb_subject(warned).text == "minister"


def test_two_reported_acts_in_one_tense_share_the_reported_subject(kb):
    from sitrep.stages.event_roles import verb_subject
    sdoc = kb.nlp("Witnesses said the militia burned the market and shot two traders.")
    shot = next(t for t in sdoc if t.text == "shot")
    assert verb_subject(shot).text == "militia"


def test_the_by_phrase_on_the_object_of_an_event_noun_is_its_doer(kb):
    doc = run(kb, "The seizure of a cargo ship by Turkish forces near the strait on Friday "
                  "alarmed insurers in London, brokers said.")
    seizure = one(doc, "COERCE")
    assert country(seizure.source) == "TUR"
    assert country(seizure.target) != "TUR"


def test_whom_a_clause_on_the_event_noun_killed_is_its_target(kb):
    doc = run(kb, "The riots began a day after a rocket strike near the Kandahar bridge that killed "
                  "Pakistani colonel Imran Baig and two of his guards.")
    strike = one(doc, "ASSAULT")
    assert country(strike.target) == "PAK"


def test_a_place_beside_where_an_act_lands_is_no_target(kb):
    doc = run(kb, "Colombian navy ships attacked a fishing boat off the coast of Honduras on "
                  "Friday, killing two fishermen, officials in Bogota said.")
    attack = one(doc, "ASSAULT")
    assert country(attack.source) == "COL"
    assert country(attack.target) != "HND"


def test_a_place_where_an_act_lands_stays_its_recipient(kb):
    doc = run(kb, "Colombian jets bombed several villages in Honduras on Friday, officials in "
                  "Bogota said.")
    assert country(one(doc, "ASSAULT").target) == "HND"


def test_the_first_party_between_two_is_the_source_of_a_joint_act(kb):
    doc = run(kb, "Diplomats said the summit is the first meeting between a Chilean president and a "
                  "Bolivian leader in a decade.")
    meeting = one(doc, "CONSULT")
    assert (country(meeting.source), country(meeting.target)) == ("CHL", "BOL")


def test_a_place_in_a_clause_on_the_act_itself_still_receives_it(kb):
    doc = run(kb, "Colombian jets began an offensive that destroyed three depots in Honduras, "
                  "officials in Bogota said.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert country(attack.target) == "HND"


def test_a_charge_the_parse_hangs_on_a_plural_role_noun_leaves_it_a_party(kb):
    doc = run(kb, "In a long televised speech, Bolivian President Luis Arce accused protesters of "
                  "grave crimes which he said would be punished.")
    accuse = one(doc, "ACCUSE")
    assert accuse.target is not None and accuse.target.sector == "CIV"


def test_a_past_act_after_a_modal_reported_clause_is_the_speakers(kb):
    from sitrep.stages.event_roles import verb_subject
    sdoc = kb.nlp("The envoy said Quito would answer any incursion and urged Lima to pull back.")
    urged = next(t for t in sdoc if t.text == "urged")
    assert verb_subject(urged).text == "envoy"


def test_a_role_noun_of_the_region_belongs_to_no_single_country(kb):
    doc = run(kb, "Peru's foreign minister urged the leaders of the region to reject any "
                  "foreign intervention in the crisis.")
    request = one(doc, "REQUEST")
    assert country(request.source) == "PER"
    assert request.target is None or request.target.country is None


def test_a_bare_act_after_a_progressive_reported_clause_stays_the_reported_doers(kb):
    # review finding: a report never makes its reporter the doer of violence
    doc = run(kb, "Villagers said Chadian soldiers were moving toward the river and burned the market.")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert country(attack.source) == "TCD"


def test_a_strike_toward_a_country_is_aimed_at_it(kb):
    doc = run(kb, "Militants fired rockets toward Israel late on Sunday, the army said.")
    assert country(one(doc, "ASSAULT").target) == "ISR"
