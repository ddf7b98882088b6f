"""Session 10 brief11 (issue 8 items 4-5, invented sentences): a plan needs a future cue in
the text, not only a date after publication; a happening told in a question or after
"whether"/"if" is not reported as done; a denial is labelled by what it denies, never as
the denier's own act."""
from datetime import date

from brief_helpers import article, store_of
from sitrep.knowledge.report_terms import load_report_terms
from sitrep.report.evidence import status_by_date, told_as_done_ahead


def _row(sentence, trigger, status="asserted", day=None, published=date(2024, 5, 8)):
    return {"sentence": sentence, "sentence_start": 100, "trigger": trigger,
            "trigger_start": 100 + sentence.index(trigger), "certainty": status,
            "event_date": day, "pub_date": published}


def test_a_past_form_dated_after_its_report_is_a_misread_date_not_a_plan():
    e = _row("Ruritania's defence minister, who resigned the next day, was replaced.", "resigned",
             day=date(2024, 5, 9))
    assert status_by_date(e) == "asserted"
    assert told_as_done_ahead(e)  # load_events moves it back to the publication day
    e = _row("Borduran gunners had shelled the depot on Friday.", "shelled", day=date(2024, 5, 10))
    assert status_by_date(e) == "asserted"
    e = _row("Borduria began carrying out air strikes in the valley in late September.", "air strikes",
             day=date(2024, 9, 1))
    assert status_by_date(e) == "asserted"  # a light verb in a past form takes the noun


def test_a_noun_or_present_form_with_a_later_date_is_a_schedule():
    assert status_by_date(_row("The summit in Kassel on 20 May will test the truce.", "summit",
                               day=date(2024, 5, 20))) == "planned"
    assert status_by_date(_row("Ann Doe meets the Borduran envoy on 20 May.", "meets",
                               day=date(2024, 5, 20))) == "planned"


def test_a_future_marker_before_the_trigger_makes_a_plan_whatever_the_date():
    e = _row("Ann Doe will meet the Borduran envoy in Kassel on Monday.", "meet", day=date(2024, 5, 8))
    assert status_by_date(e) == "planned"
    e = _row("The council is set to vote on the ceasefire.", "vote")
    assert status_by_date(e) == "planned"
    # the content of a decision or an order: the decision is the happening, not the act
    e = _row("Senators condemned the president's decision to withdraw troops from Kassel.", "withdraw")
    assert status_by_date(e) == "planned"
    # a threat or a refusal in the future tense is made now
    e = dict(_row("We will hold the Borduran regime accountable for any attack.", "hold"), type="THREATEN")
    assert status_by_date(e) == "asserted"
    # the same act told as done stays done
    assert status_by_date(_row("Ann Doe met the Borduran envoy in Kassel on Monday.", "met",
                               day=date(2024, 5, 6))) == "asserted"
    # a status that is no report of a happening is left as it is
    assert status_by_date(_row("Ann Doe will meet the envoy.", "meet", status="denied")) == "denied"


def test_a_question_or_an_if_clause_reports_nothing_as_done():
    assert status_by_date(_row("What did the militia do once the Borduran army pulled back?",
                               "pulled back")) == "hypothetical"
    assert status_by_date(_row("A survey asked voters whether they backed removing troops from Kassel.",
                               "removing")) == "hypothetical"
    assert status_by_date(_row("Doe vowed to respond if Borduria attacked the dam.", "attacked")) == "hypothetical"
    # an "if" or "whether" of an earlier clause, or a relative clause between, does not
    assert status_by_date(_row("If ratified, the pact would undo what Borduria seized in March.",
                                "seized")) == "asserted"
    assert status_by_date(_row("It is unclear whether the militias - who fought for the town - will leave.",
                               "fought")) == "asserted"


def test_tense_words_are_read_from_the_knowledge_table():
    terms = load_report_terms()
    assert terms.past_form("struck", "") and terms.past_form("agreed", "")
    assert not terms.past_form("need", "") and not terms.past_form("meets", "")
    assert terms.past_form("meet", "the envoy had ")
    assert terms.future_before("Ann Doe will not ") and not terms.future_before("Ann Doe ")


def test_a_denial_is_labelled_by_the_act_it_denies_not_as_the_deniers_act(tmp_path):
    from sitrep.report import brief_text
    from sitrep.report.compose import compose
    docs = [article("d1", "Venezuela: troops accused", [
        "Venezuelan officials denied that United States marines fired on fishermen near Caracas."],
        published="2019-05-08",
        events=[dict(s=0, type="ASSAULT", trigger="fired on", source="United States", target="Venezuela",
                     place="Caracas", date="2019-05-06", status="denied", said_by="Venezuela")]),
        article("d2", "Venezuela: the coast", [
            "United States marines fired on a fishing boat near Caracas on Monday.",
            "Venezuela accused the United States of piracy on Tuesday."],
            published="2019-05-08",
            events=[dict(s=0, type="ASSAULT", trigger="fired on", source="United States", target="Venezuela",
                         place="Caracas", date="2019-05-06"),
                    dict(s=1, type="ACCUSE", trigger="accused", source="Venezuela", target="United States",
                         date="2019-05-07")])]
    store = store_of(tmp_path / "denial.duckdb", docs)
    try:
        brief = compose(store, about="Venezuela", since="2019-05-01", until="2019-05-31")
        md, _ = brief_text(store, about="Venezuela", since="2019-05-01", until="2019-05-31")
    finally:
        store.close()
    view = next(v for v in brief.sides if v.side.startswith("Venezuela"))
    denial = view.positions["denials"][0]
    assert denial.who == "Venezuela"
    assert denial.label == "denies ASSAULT by the United States against Venezuela"
    assert "Venezuela (denies ASSAULT by the United States against Venezuela)" in md
    assert "(ASSAULT, denied)" not in md


def test_a_number_after_in_is_where_not_a_count_of_the_cued_kind():
    from sitrep.report.figures import read_figure
    terms = load_report_terms()
    sentence = "The rebels held the envoy in one of three farmhouses near the dam."
    q = {"start_char": sentence.index("one"), "end_char": sentence.index("one") + 3, "value": 1}
    assert read_figure(q, sentence, 0, terms) is None
    sentence = "Police jailed 40 protesters after the march."
    q = {"start_char": sentence.index("40"), "end_char": sentence.index("40") + 2, "value": 40}
    assert read_figure(q, sentence, 0, terms) is not None


def test_a_wars_running_toll_is_no_figure_of_an_incident():
    from sitrep.report.figures import incident_figures
    terms = load_report_terms()
    sentence = "The war has since killed more than 200,000 people across Borduria."
    at = sentence.index("more than 200,000 people")
    mention = {"certainty": "asserted", "sentence": sentence, "sentence_start": 0, "article_id": "t1",
               "quad_class": "material conflict", "independent_key": "Wire", "outlet": "Wire",
               "event_date": None, "figures": []}
    quantities = {("t1", 0): [{"start_char": at, "end_char": at + 24, "value": 200000, "unit": None,
                               "counted": "people", "article_id": "t1"}]}
    assert terms.running_toll(sentence)
    assert incident_figures([mention], "An attack", quantities, terms) == []
    single = dict(mention, sentence="Shelling killed more than 20 people in Kassel on Monday.")
    at = single["sentence"].index("more than 20 people")
    quantities = {("t1", 0): [{"start_char": at, "end_char": at + 19, "value": 20, "unit": None,
                               "counted": "people", "article_id": "t1"}]}
    assert [f.kind for f in incident_figures([single], "An attack", quantities, terms)] == ["killed"]


def _toll(value, outlet, sentence, place=None, feature="city", day=date(2024, 5, 6), precision="day"):
    from sitrep.report.content import Figure
    row = {"sentence": sentence, "place_name": place, "place_feature": feature if place else None,
           "event_date": day, "date_precision": precision, "source_country": None, "target_country": "RUR"}
    return Figure(kind="killed", text=f"{value} killed", value=value, incident="x", outlet=outlet, row=row)


def test_contested_figures_only_about_one_happening():
    from sitrep.report.figures import figure_contradictions
    # the same town in both: one shelling, two tolls
    a = _toll(12, "Wire A", "Shelling killed 12 people in Kassel on Monday.", place="Kassel")
    b = _toll(30, "Wire B", "Thirty people died when shells hit Kassel on Monday.", place="Kassel")
    assert [(hi.value, lo.value) for hi, lo in figure_contradictions([a, b])] == [(30, 12)]
    # named by one, standing in the other's sentence
    c = _toll(30, "Wire B", "Thirty people died when shells hit Kassel on Monday.")
    assert figure_contradictions([a, c])
    # two towns, or no place at all on the same day: two happenings, no contradiction
    d = _toll(30, "Wire B", "A car bomb killed 30 people in Lund on Monday.", place="Lund")
    e = _toll(30, "Wire B", "A car bomb killed 30 people on Monday.")
    f = _toll(12, "Wire A", "Shelling killed 12 people on Monday.")
    assert figure_contradictions([a, d]) == [] and figure_contradictions([e, f]) == []
    # a country as the place, even on one day: two attacks somewhere in a country at war
    g = _toll(12, "Wire A", "Strikes in Ruritania killed 12.", place="Ruritania", feature="country")
    h = _toll(40, "Wire B", "Strikes in Ruritania killed 40.", place="Ruritania", feature="country")
    assert figure_contradictions([g, h]) == []


def test_a_share_count_glued_to_a_sentence_counts_nothing():
    from sitrep.report.figures import read_figure
    terms = load_report_terms()
    for sentence, number in (("Share this 0 417 The shepherd and his son were killed in Kassel.", "417"),
                             ("Comments 85 12 militiamen were killed near Kassel.", "85")):
        at = sentence.index(number)
        q = {"start_char": at, "end_char": at + len(number), "value": int(number)}
        assert read_figure(q, sentence, 0, terms) is None
    sentence = "Comments 85 12 militiamen were killed near Kassel."
    at = sentence.index("12")
    q = {"start_char": at, "end_char": at + 2, "value": 12, "counted": "militiamen"}
    assert read_figure(q, sentence, 0, terms) is not None


def test_an_accusation_over_a_deadly_clash_carries_no_toll_and_stays_off_the_timeline(tmp_path):
    from sitrep.report.compose import compose
    docs = [article("t1", "Turkey blames Syria", [
        "Turkey accused Syria on Monday over a border clash in which 40 people were killed."],
        published="2019-05-08",
        events=[dict(s=0, type="ACCUSE", trigger="accused", source="Turkey", target="Syria",
                     date="2019-05-06")],
        quantities=[(0, "40 people", 40, None, "people")])]
    store = store_of(tmp_path / "accuse.duckdb", docs)
    try:
        brief = compose(store, since="2019-05-01", until="2019-05-31")
    finally:
        store.close()
    accusation = next(i for i in brief.headlines if i.type == "ACCUSE")
    assert not [f for f in accusation.figures if f.kind == "killed"]
    assert brief.timeline == []


def test_a_warning_about_a_possibility_is_a_forecast_not_a_threat_to_watch():
    terms = load_report_terms()
    assert not terms.threat_made("Analysts see a real possibility that the militias in Kassel could "
                                 "regroup by spring, the report warns.")
    assert not terms.threat_made("Engineers warned of the risk that the old dam may give way.")
    assert terms.threat_made("Borduria warned that any incursion would be met with force.")
    assert terms.threat_made("Ruritania threatened to close the border crossing at Kassel.")


def test_a_named_actors_plan_ahead_of_the_period_end_is_watched(tmp_path):
    from sitrep.report.compose import compose
    docs = [article("w1", "Venezuela talks", [
        "Mike Pompeo will meet Nicolas Maduro in Caracas on Friday.",
        "Venezuela accused the United States of meddling on Tuesday."],
        published="2019-05-08",
        events=[dict(s=0, type="CONSULT", trigger="meet", source="Mike Pompeo", target="Nicolas Maduro",
                     place="Caracas", date="2019-05-10"),
                dict(s=1, type="ACCUSE", trigger="accused", source="Venezuela", target="United States",
                     date="2019-05-07")])]
    store = store_of(tmp_path / "watch.duckdb", docs)
    try:
        brief = compose(store, about="Venezuela", since="2019-05-01", until="2019-05-08")
        earlier = compose(store, about="Venezuela", since="2019-05-01", until="2019-05-31")
    finally:
        store.close()
    plans = [w for w in brief.watch if w.kind in ("plan", "talks")]
    assert [(w.day, w.text[:20]) for w in plans] == [(date(2019, 5, 10), "Mike Pompeo will mee")]
    assert not [i for i in brief.headlines if i.type == "CONSULT"]  # a plan, not a happening
    # once the period runs past the meeting's day it is no longer ahead
    assert not [w for w in earlier.watch if w.kind in ("plan", "talks")]


def test_an_act_every_outlet_tells_only_as_a_decision_is_no_headline(tmp_path):
    from sitrep.report.compose import compose
    talk = [article(f"p{n}", "Syria policy", [f"{who} criticised Turkey's decision to withdraw troops from Syria."],
                    outlet=f"Wire {n}", published="2019-10-20",
                    events=[dict(s=0, type="RETREAT", trigger="withdraw", source="Turkey", target="Syria",
                                 date="2019-10-20")])
            for n, who in enumerate(("Analysts", "Senators", "Diplomats"))]
    done = [article("d1", "Syria clash", ["Turkey shelled a Syrian border post on Monday."], outlet="Wire D",
                    published="2019-10-15",
                    events=[dict(s=0, type="ASSAULT", trigger="shelled", source="Turkey", target="Syria",
                                 date="2019-10-14")])]
    store = store_of(tmp_path / "talk.duckdb", talk + done)
    try:
        brief = compose(store, about="Syria", since="2019-10-01", until="2019-10-31")
    finally:
        store.close()
    assert [i.type for i in brief.headlines][:1] == ["ASSAULT"]
    assert not [i for i in brief.headlines if i.type == "RETREAT"]  # planned by every outlet: not a happening


def test_a_cause_or_a_purpose_is_no_future_marker():
    terms = load_report_terms()
    assert not terms.future_before("The talks were cancelled due to ")
    assert not terms.future_before("Troops moved north in order to ")
    assert terms.future_before("The envoy is due to ") and terms.future_before("Doe ordered to ")


def test_a_subordinate_clause_ends_what_whether_or_if_asks():
    terms = load_report_terms()
    sentence = "Officials asked if anyone was hurt after the army shelled the town."
    before = sentence[:sentence.index("shelled")]
    assert not terms.asked_or_supposed(sentence, before)
    sentence = "A poll asked whether voters backed a strike on the port."
    assert terms.asked_or_supposed(sentence, sentence[:sentence.index("strike")])
