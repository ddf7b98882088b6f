"""The brief names a role only when the words around its mention let it be that role
(report/roles.py); made-up sentences."""
from sitrep.report.evidence import page_debris, supported
from sitrep.report.roles import role_in_context


def _event(sentence, source=None, target=None, trigger=None, quad="material conflict", kind="ASSAULT",
           actors=(), neighbours=()):
    return {"sentence": sentence, "sentence_start": 100, "type": kind, "quad_class": quad,
            "source_name": source, "target_name": target,
            "trigger_start": 100 + sentence.index(trigger) if trigger else None,
            "actor_spans": [{"start": 100 + sentence.index(a), "name": a} for a in actors],
            "neighbours": [(100 + sentence.index(t), k, s) for t, k, s in neighbours]}


def test_a_source_named_only_after_a_preposition_did_not_act():
    e = _event("The senators agreed on sanctions against Ruritania for its raid.", source="Ruritania")
    assert role_in_context(e, "source") == "named only as an object"


def test_a_source_that_is_the_subject_keeps_its_role():
    e = _event("Ruritania shelled the town of Kassel on Monday.", source="Ruritania", trigger="shelled")
    assert role_in_context(e, "source") is None


def test_a_title_with_of_is_part_of_the_name_not_an_object():
    e = _event("Minister of Defence Ann Lee ordered the strike.", source="Ann Lee", trigger="strike")
    assert role_in_context(e, "source") is None


def test_a_speaker_after_the_trigger_is_not_the_actor_of_a_material_act():
    e = _event("The two armies have been fighting for years, Smith said.", source="Smith", trigger="fighting",
               actors=["Smith"])
    assert role_in_context(e, "source") == "who says it"


def test_a_speaker_named_after_an_inverted_report_verb_is_not_the_actor():
    e = _event('"It seems unwise to start launching missiles," said Rep. Ann Roe of the committee.',
               source="Ann Roe", trigger="launching", actors=["Ann Roe"])
    assert role_in_context(e, "source") == "who says it"
    # the actor named after the trigger as its subject keeps the role
    kept = _event("Missiles were launched at dawn, then Ann Roe ordered more strikes.", source="Ann Roe",
                  trigger="launched", actors=["Ann Roe"])
    assert role_in_context(kept, "source") is None


def test_the_speaker_of_a_claim_is_not_the_target_of_the_act_claimed():
    e = _event("Ruritania, whose army backs the regime, has said Borduria's forces have taken the town.",
               target="Ruritania", trigger="taken", actors=["Ruritania", "Borduria"])
    assert role_in_context(e, "target") == "who says it"
    kept = _event("Borduria's forces attacked Ruritania, officials said.", target="Ruritania",
                  trigger="attacked", actors=["Borduria", "Ruritania"])
    assert role_in_context(kept, "target") is None


def test_a_target_named_only_in_a_fronted_phrase_is_the_setting():
    e = _event("On state radio Tuesday night, Ann Roe threatened to act against the plotters.",
               target="state radio", trigger="threatened", kind="THREATEN", quad="verbal conflict")
    assert role_in_context(e, "target") == "named only as the setting before the act"
    later = _event("Ruritania imposed sanctions on Kassel and refused to rule out strikes.", target="Kassel",
                   trigger="refused", kind="REJECT", quad="verbal conflict")
    assert role_in_context(later, "target") is None  # a preposition inside the sentence
    passive = _event("Kassel was shelled by Ruritania on Monday.", target="Kassel", trigger="shelled")
    after = _event("Ruritania shelled the port of Kassel on Monday.", target="Kassel", trigger="shelled")
    assert role_in_context(passive, "target") is None and role_in_context(after, "target") is None


def test_a_country_between_a_possessor_and_its_noun_is_no_actor():
    e = _event("The senator's backing for reversing Doe's Ruritania policy suggests a fight ahead.",
               source="Ruritania", trigger="reversing", kind="REJECT", quad="verbal conflict")
    assert role_in_context(e, "source") == "named only as a modifier of a noun"
    for text in ("Doe's Ruritania has attacked the port.", "Ruritania's army attacked the port."):
        kept = _event(text, source="Ruritania", trigger="attacked")
        assert role_in_context(kept, "source") is None, text
    # the noun it modifies is the act itself: the country is whom the act is against
    for text in ("Ruritania's Borduria offensive killed dozens.", "His Borduria invasion began at dawn."):
        kept = _event(text, target="Borduria", trigger="offensive" if "offensive" in text else "invasion")
        assert role_in_context(kept, "target") is None, text


def test_a_speaker_before_another_actor_is_not_the_actor():
    e = _event("Critics argued Smith had let Ruritania attack the town.", source="Critics", trigger="attack",
               actors=["Critics", "Smith", "Ruritania"])
    assert role_in_context(e, "source") == "who says it"


def test_a_speaker_of_its_own_act_keeps_it_and_a_statement_is_not_judged():
    own = _event("Ruritania said it would attack the border town.", source="Ruritania", trigger="attack",
                 actors=["Ruritania"])
    verbal = _event("The two sides are talking, Smith said.", source="Smith", trigger="talking",
                    quad="verbal cooperation", actors=["Smith"])
    assert role_in_context(own, "source") is None and role_in_context(verbal, "source") is None


def test_a_speaker_whose_quoted_words_hold_the_trigger_is_not_the_actor():
    e = _event('Smith said, adding: "let someone else fight over it."', source="Smith", trigger="fight",
               actors=["Smith"])
    assert role_in_context(e, "source") == "who says it"


def test_a_target_named_after_in_and_inside_a_compound_is_a_place():
    e = _event("Jets struck depots in Kassel and Borduria tied to attacks on joint Ruritania-Kassel bases.",
               target="Kassel", trigger="struck")
    assert role_in_context(e, "target") == "named only as a place"
    kept = _event("Jets struck Kassel after attacks on joint Ruritania-Kassel bases.", target="Kassel",
                  trigger="struck")
    assert role_in_context(kept, "target") is None


def test_a_target_named_only_after_in_is_a_place():
    e = _event("The banker remains jailed in Kassel.", target="Kassel")
    assert role_in_context(e, "target") == "named only as a place"
    assert role_in_context(_event("Troops attacked Kassel at dawn.", target="Kassel"), "target") is None


def test_a_name_inside_a_hyphenated_adjective_does_not_act():
    e = _event("A Ruritania-based firm was fined.", source="Ruritania")
    assert role_in_context(e, "source") == "named only in a compound adjective"


def test_the_actor_of_a_nearer_verb_is_not_the_actor_of_a_governed_noun():
    e = _event("Border troops began withdrawing ahead of a feared invasion.", source="Border troops",
               trigger="invasion", neighbours=[("withdrawing", "RETREAT", "Border troops")])
    assert role_in_context(e, "source") == "the actor of another verb"
    joined = _event("Border troops withdrew and attacked the depot.", source="Border troops",
                    trigger="attacked", neighbours=[("withdrew", "RETREAT", "Border troops")])
    assert role_in_context(joined, "source") is None


def test_supported_clears_the_role_and_says_why():
    e = _event("The senators agreed on sanctions against Ruritania for its raid.", source="Ruritania")
    e.update({"source_country": "RUR", "source_sector": "GOV", "target_country": None, "target_sector": None,
              "source_in_sentence": True, "target_in_sentence": None, "certainty": "asserted",
              "attributed_to": None, "place_name": None, "place_country": None, "lat": None, "lon": None,
              "place_feature": None, "place_is_actor": False, "place_in_sentence": True})
    supported(e)
    assert e["source_name"] is None and e["unsupported"] == ["source: Ruritania (named only as an object)"]


def test_glued_headlines_are_page_debris_and_a_name_is_not():
    assert page_debris("Jane Ann DoeSenators urge action Lawmakers JohnSmith faces vote MORE said on Monday.")
    assert page_debris("Minister Ann DoeOvernight News: budget talks stall | Senators weigh a vote on Monday.")
    assert not page_debris("General MacArthur said on Monday that the talks would go on.")
    assert not page_debris("The WikiLeaks founder posted the files on YouTube.")
    assert page_debris("PayPal news: TomLee wins MaxPower race GovTrack update")


def test_a_speaker_past_an_apposition_is_still_the_speaker():
    e = _event("Jane Doe, a senior senator from the north, told reporters that the colonel stormed the hall.",
               source="Jane Doe", trigger="stormed", actors=["Jane Doe", "colonel"])
    assert role_in_context(e, "source") == "who says it"


def test_a_threat_to_watch_is_stated_in_threat_words():
    from sitrep.knowledge.report_terms import load_report_terms
    from sitrep.report.sections import _threat_to_watch

    def threat(sentence):
        return {"sentence": sentence, "involves": True, "source_name": "Ruritania", "source_country": "RUR",
                "target_name": "Borduria", "target_country": "BOR", "certainty": "asserted", "type": "THREATEN",
                "attributed_to": None}
    terms = load_report_terms()
    assert _threat_to_watch(threat("Ruritania threatened to close the border by Friday."), None, terms)
    assert not _threat_to_watch(threat("Ruritania blasted the plan on Monday."), None, terms)
    assert not _threat_to_watch(threat("Ruritania launched its long-threatened raid on Monday."), None, terms)


def _noun(sentence, source, trigger):
    e = _event(sentence, source=source, trigger=trigger, actors=[source])
    e["trigger"] = trigger
    return role_in_context(e, "source")


def test_the_subject_is_not_the_actor_of_a_noun_it_does_not_take():
    assert _noun("Border troops began withdrawing ahead of a feared invasion.", "Border troops",
                 "invasion") == "not named as the actor of the noun"
    assert _noun("Ruritania was drawn deeper into battle.", "Ruritania", "battle") == \
        "not named as the actor of the noun"


def test_a_noun_taken_by_a_light_verb_or_naming_its_actor_keeps_the_source():
    assert _noun("Ruritania launched an all-out offensive on Monday.", "Ruritania", "offensive") is None
    assert _noun("Critics condemned the Ruritanian invasion of the valley.", "Ruritanian", "invasion") is None
    assert _noun("The town braced for an assault by Ruritania.", "Ruritania", "assault") is None
    assert _noun("Ruritania shelled the town at dawn.", "Ruritania", "shelled") is None


def test_a_possessive_an_infinitive_or_a_verb_phrase_trigger_keeps_the_source():
    assert _noun("The leader announced the launch of his offensive on Monday.", "The leader", "offensive") is None
    assert _noun("The leader decided to withdraw the troops.", "The leader", "withdraw") is None
    assert _noun("Officials dissuaded Ruritania from launching an attack.", "Ruritania", "launching an attack") is None


def test_a_threat_is_made_with_its_complement_not_by_a_description():
    from sitrep.knowledge.report_terms import load_report_terms
    terms = load_report_terms()
    assert terms.threat_made("The governor threatened to close the port.")
    assert terms.threat_made("The envoy threatened the council with new tariffs.")
    assert terms.threat_made("The minister warned that further steps would have grave consequences.")
    assert not terms.threat_made("Officials say the smugglers threaten public health.")


def test_consequences_and_warnings_threaten_only_with_a_harm_the_speaker_would_do():
    from sitrep.knowledge.report_terms import load_report_terms
    terms = load_report_terms()
    assert terms.threat_made("Ruritania warned Borduria of a swift military response.")
    assert terms.threat_made("The council said the rebels would face consequences.")
    assert terms.threat_made("There will be consequences if the convoy crosses the bridge, the envoy said.")
    assert not terms.threat_made("The drought in Borduria had economic consequences for farmers.")
    assert not terms.threat_made("Forecasters warned of flooding in the lower valley.")
    assert not terms.threat_made("The agency warned residents of heavy rain on Sunday.")


def test_a_continent_is_no_place_for_an_event_between_named_countries():
    e = _event("Ruritania shelled Borduria as Europe watched.", source="Ruritania", target="Borduria",
               trigger="shelled")
    e.update({"source_country": "RUR", "source_sector": "GOV", "target_country": "BOR", "target_sector": "GOV",
              "source_in_sentence": True, "target_in_sentence": True, "certainty": "asserted",
              "attributed_to": None, "place_name": "Europe", "place_country": None, "lat": 50.0, "lon": 10.0,
              "place_feature": "continent", "place_is_actor": False, "place_in_sentence": True})
    supported(e)
    assert e["place_name"] is None and e["source_name"] == "Ruritania" and "place: Europe" in e["unsupported"]


def test_a_running_toll_over_years_is_not_an_incidents_figure():
    from sitrep.knowledge.report_terms import load_report_terms
    from sitrep.report.figures import incident_figures

    def figures(sentence, quantities):
        m = {"article_id": "a", "sentence_start": 0, "sentence_end": len(sentence), "sentence": sentence,
             "certainty": "asserted", "figures": [], "quad_class": "material conflict", "independent_key": "x",
             "outlet": "Daily Example", "event_date": None}
        qs = [{"start_char": sentence.index(t), "end_char": sentence.index(t) + len(t), "value": v, "unit": u,
               "counted": c} for t, v, u, c in quantities]
        return incident_figures([m], "An attack", {("a", 0): qs}, load_report_terms())
    assert [f.kind for f in figures("Shelling killed 12 people on Monday.", [("12 people", 12, None, None)])] \
        == ["killed"]
    assert figures("The army has had 12 people killed in the past five years.",
                   [("12 people", 12, None, None), ("five years", 5, "year", None)]) == []


def test_the_participle_of_a_hyphenated_adjective_reports_no_act():
    from sitrep.report.roles import adjectival_trigger

    def event(sentence, trigger):
        return {"sentence": sentence, "sentence_start": 0, "trigger": trigger, "trigger_start": sentence.index(trigger)}
    assert adjectival_trigger(event("Ruritania began its long-threatened incursion on Monday.", "threatened"))
    assert adjectival_trigger(event("Shops reopened in the Ruritanian-occupied valley.", "occupied"))
    assert not adjectival_trigger(event("The letter was co-signed by forty deputies.", "signed"))
    assert not adjectival_trigger(event("Ruritania threatened an incursion on Monday.", "threatened"))


def test_a_blank_actor_name_is_no_role_and_no_crash():
    e = _event("Ruritania shelled the town of Kassel on Monday.", source=" ", trigger="shelled")
    assert role_in_context(e, "source") is None


def test_the_subject_of_following_reports_is_not_the_actor_of_the_attack_they_regard():
    e = _event("Officials said Ruritania is closely following reports regarding another alleged chemical "
               "weapons attack on a hospital.", source="Ruritania", trigger="attack", actors=["Ruritania"])
    assert role_in_context(e, "source") == "not named as the actor of the noun"
    own = _event("Ruritania launched another large coordinated missile attack on the port.", source="Ruritania",
                 trigger="attack", actors=["Ruritania"])
    assert role_in_context(own, "source") is None
