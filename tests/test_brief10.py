"""Session 10 brief work (issue 8 on real news), invented sentences: the brief's check of a
noun trigger's actor leaves verb forms, light-verb phrases and a far "by" to the events
stage, an object of a preposition that still acts keeps its role, a physical act's target read from a place name is also where it
lands, and the key-developments paragraph reads as a dated summary."""
from datetime import date

from sitrep.report.roles import role_in_context


def _event(sentence, source=None, trigger=None, quad="material conflict", kind="ASSAULT"):
    return {"sentence": sentence, "sentence_start": 0, "type": kind, "quad_class": quad,
            "source_name": source, "target_name": None, "trigger": trigger,
            "trigger_start": sentence.index(trigger) if trigger else None,
            "actor_spans": [{"start": sentence.index(source), "name": source}] if source else [],
            "neighbours": []}


def test_the_agent_a_noun_trigger_names_after_by_or_from_keeps_the_source():
    e = _event("The seizure of a grain barge by Borduran marines has alarmed shippers.", "Borduran", "seizure",
               kind="COERCE")
    assert role_in_context(e, "source") is None
    e = _event("Talks stalled over concessions from Ruritania on the dam.", "Ruritania", "concessions",
               quad="material cooperation", kind="CONCEDE")
    assert role_in_context(e, "source") is None


def test_a_trigger_in_a_verb_form_or_after_a_light_verb_phrase_keeps_the_source():
    e = _event("Officials accused Ruritania of attacking the border post.", "Ruritania", "attacking")
    assert role_in_context(e, "source") is None
    e = _event("Ruritania is holding a third week of artillery drills near the lake.", "Ruritania", "drills",
               kind="MOBILIZE")
    assert role_in_context(e, "source") is None
    e = _event("Ruritania carried out a strike on the depot.", "Ruritania", "strike")
    assert role_in_context(e, "source") is None
    # a noun no light verb takes is still not the subject's act
    e = _event("Ruritania braced for a renewed offensive.", "Ruritania", "offensive")
    assert role_in_context(e, "source") == "not named as the actor of the noun"


def test_the_subject_of_a_gerund_after_a_preposition_keeps_the_source():
    e = _event("Now come reports of Ruritanian troops massing near the river.", "Ruritanian troops", "massing",
               quad="material conflict", kind="MOBILIZE")
    assert role_in_context(e, "source") is None


def test_a_plain_object_of_a_preposition_is_still_no_source():
    e = _event("The council voted for sanctions against Ruritania on Monday.", "Ruritania", "sanctions",
               kind="SANCTION")
    assert role_in_context(e, "source") == "named only as an object"
    # a finite verb right after the object does not make it the actor ("strikes on X killed")
    e = _event("Shelling on Ruritania killed four people.", "Ruritania", "killed")
    assert role_in_context(e, "source") == "named only as an object"


def test_a_strike_on_a_capital_is_placed_there_not_in_another_capital_named_as_a_party():
    import sitrep
    doc = sitrep.extract("The Saudi airstrikes on Sanaa on Friday widened the gap between Riyadh and Tehran.",
                         published="2024-05-04", snippet=True)
    strikes = [e for e in doc.events if e.type == "ASSAULT"]
    assert strikes and strikes[0].place is not None and strikes[0].place.name == "Sanaa"


def test_a_name_with_a_common_noun_head_takes_the_in_running_text():
    from sitrep.knowledge.report_terms import load_report_terms
    terms = load_report_terms()
    assert terms.in_sentence("United States") == "the United States"
    assert terms.in_sentence("Defence Ministry") == "the Defence Ministry"
    assert terms.in_sentence("Ruritania") == "Ruritania"
    assert terms.in_sentence("the Pentagon") == "the Pentagon"
    assert terms.in_sentence("Jane Doe") == "Jane Doe"


def _incident(title, day, significance, n_sources=1, outlets=("Wire A",), precision="day", status="asserted",
              note="a1s1"):
    from sitrep.report.content import Incident, Quote
    return Incident(incident_id=title, title=title, title_in_sentence=title, type="ASSAULT",
                    quad_class="material conflict", day=day, last_day=day, place=None, lat=None, lon=None,
                    outlets=list(outlets), n_sources=n_sources, certainty=[(o, status) for o in outlets],
                    contested=False, significance=significance, significant=True,
                    quotes=[Quote(outlet=outlets[0], status=status, text="...", note=note)],
                    mentions=[{"certainty": status}], precision=precision)


class _NoCites:
    def cite_row(self, row):
        return None


def test_key_developments_lead_with_the_top_incident_then_date_each_sentence_against_the_last():
    from sitrep.report.sections import key_developments
    top = _incident("Ruritania shelled Kassel", date(2024, 5, 3), 9.0, 3, ("Wire A", "Wire B", "Wire C"),
                    note="a1s1")
    same = _incident("Borduria accused Ruritania", date(2024, 5, 3), 5.0, note="a2s1")
    earlier = _incident("Ruritania mobilised forces against Borduria", date(2024, 4, 28), 6.0, note="a3s1")
    week = _incident("Borduria threatened Ruritania", date(2024, 4, 29), 4.0, precision="week", note="a4s1")
    claim = _incident("Borduria used force against Ruritania", date(2024, 5, 4), 3.0, status="claimed",
                      note="a5s1")
    out = key_developments([top, same, earlier, week, claim], _NoCites())
    texts = [s.text for s in out]
    assert texts[0].startswith("On 3 May 2024, Ruritania shelled Kassel, reported independently by Wire A")
    assert texts[1].startswith("The same day, Borduria accused Ruritania, according to Wire A")
    assert texts[2].startswith("Earlier, on 28 April, Ruritania mobilised forces")
    assert texts[3].startswith("In the week of 29 April, Borduria threatened Ruritania")
    assert texts[4].startswith("On 4 May, Borduria used force against Ruritania, which Wire A reports only as a claim")
    assert all(s.notes for s in out)  # every sentence footnoted


def test_a_place_is_not_enough_for_a_headline_of_cooperation(tmp_path):
    from brief_helpers import article, store_of
    from sitrep.report.compose import compose
    docs = [article("c1", "Aid for the valley", ["Aid reached the valley in Caracas on Wednesday.",
                                                 "The United States threatened Venezuela on Wednesday."],
                    published="2019-05-08",
                    events=[dict(s=0, type="AID", trigger="Aid", place="Caracas", date="2019-05-08"),
                            dict(s=1, type="THREATEN", trigger="threatened", source="United States",
                                 target="Venezuela", date="2019-05-08")])]
    store = store_of(tmp_path / "aid.duckdb", docs)
    try:
        brief = compose(store, since="2019-05-01", until="2019-05-09")
        titles = [i.title for i in brief.headlines]
        assert "The United States threatened Venezuela" in titles
        assert not any(t.startswith("Aid") for t in titles), titles
    finally:
        store.close()


def test_a_happening_dated_after_its_own_report_is_a_plan_not_a_headline(tmp_path):
    from brief_helpers import article, store_of
    from sitrep.report.compose import compose
    docs = [article("p1", "Talks set", ["Mike Pompeo meets Nicolas Maduro in Caracas on 20 May.",
                                        "The United States threatened Venezuela on Wednesday."],
                    published="2019-05-08",
                    events=[dict(s=0, type="CONSULT", trigger="meets", source="Mike Pompeo", target="Nicolas Maduro",
                                 place="Caracas", date="2019-05-20"),
                            dict(s=1, type="THREATEN", trigger="threatened", source="United States",
                                 target="Venezuela", date="2019-05-08")])]
    store = store_of(tmp_path / "plan.duckdb", docs)
    try:
        brief = compose(store, since="2019-05-01", until="2019-05-31")
        titles = [i.title for i in brief.headlines]
        assert titles == ["The United States threatened Venezuela"], titles
    finally:
        store.close()


def test_a_visit_to_a_capital_is_placed_there_not_in_a_city_named_later():
    import sitrep
    doc = sitrep.extract("The Ruritanian prime minister cut short a visit to Lisbon on Monday after rioters "
                         "burned two shops in Nairobi.", published="2024-05-04", snippet=True)
    visits = [e for e in doc.events if e.type == "CONSULT"]
    assert visits and visits[0].place is not None and visits[0].place.name == "Lisbon"


def test_a_toll_is_a_key_figure_of_force_not_of_a_statement_or_aid():
    from sitrep.report.content import Figure
    from sitrep.report.figures import shown_figures
    force = _incident("Ruritania shelled Kassel", date(2024, 5, 3), 9.0)
    words = _incident("Borduria accused Ruritania", date(2024, 5, 3), 5.0)
    words.quad_class = "verbal conflict"
    force.figures = [Figure(kind="killed", text="killed 12", value=12, incident=force.title, outlet="Wire A")]
    words.figures = [Figure(kind="killed", text="killed 40,000 since 2014", value=40000, incident=words.title,
                            outlet="Wire A"),
                     Figure(kind="money", text="$5 million", value=5e6, incident=words.title, outlet="Wire A")]
    shown = [(f.kind, f.value) for f in shown_figures([force, words])]
    assert shown == [("killed", 12), ("money", 5e6)]
