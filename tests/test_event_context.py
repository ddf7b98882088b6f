"""Background vs news and event dates (stages/event_context.py). Every text is made up
for these tests."""
from sitrep import pipeline
from sitrep.model import Article
from sitrep.stages.event_context import duration_days


def run(kb, text, published="2024-05-20"):
    return pipeline.process(Article(id="t", text=text, published=published), kb)


def of_type(doc, type_):
    found = [e for e in doc.events if e.type == type_]
    assert found, f"no {type_}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def test_an_act_reported_before_the_news_period_is_background(kb):
    # the report was made in March, so what it tells is at least as old
    doc = run(kb, "Officials in Seoul said in March that the North planned to invite foreign inspectors.")
    assert of_type(doc, "AGREE").background is True


def test_a_relative_past_date_in_an_undated_article_makes_background_without_a_value(kb):
    doc = run(kb, "Last month, the army shelled the border town of Karavan.", published=None)
    ev = of_type(doc, "ASSAULT")
    assert ev.background is True
    assert ev.date is None  # no publication date: the month is unknown, never invented


def test_the_same_sentence_on_a_weekday_in_an_undated_article_is_news(kb):
    doc = run(kb, "On Tuesday, the army shelled the border town of Karavan.", published=None)
    assert of_type(doc, "ASSAULT").background is False


def test_a_state_since_the_start_of_a_month_is_background(kb):
    # the middle of May is within two weeks of the 25th, but a blockade "since May" began
    # more than three weeks earlier
    doc = run(kb, "The army has blockaded the port of Meridia since May.", published="2024-05-25")
    assert of_type(doc, "COERCE").background is True
    doc = run(kb, "The army has blockaded the port of Meridia since Saturday.", published="2024-05-25")
    assert of_type(doc, "COERCE").background is False


def test_an_act_lasting_longer_than_the_news_window_is_background(kb):
    doc = run(kb, "The rebels have shelled the town of Karavan for two years.")
    assert of_type(doc, "ASSAULT").background is True
    doc = run(kb, "The rebels shelled the town of Karavan for two hours on Sunday.")
    assert of_type(doc, "ASSAULT").background is False


def test_a_past_tense_story_dated_earlier_in_its_paragraph_stays_background(kb):
    doc = run(kb, "The general's first success came in 1976. He ordered a raid on the rebel airport "
                  "at Karavan.\n\nOn Sunday, the army attacked the rebel camp at Meridia.")
    raid = next(e for e in doc.events if "raid" in e.trigger.text or "ordered" in e.trigger.text)
    assert raid.background is True
    attack = next(e for e in doc.events if "attacked" in e.trigger.text)
    assert attack.background is False


def test_a_year_in_a_clause_about_someone_else_does_not_date_the_act(kb):
    doc = run(kb, "The minister urged supporters to march on the palace, standing beside an activist "
                  "who had been jailed in 2014.")
    ev = of_type(doc, "REQUEST")
    assert ev.background is False
    assert ev.date is None or ev.date.value != "2014"


def test_the_verb_that_takes_an_event_noun_dates_it(kb):
    doc = run(kb, "On Wednesday the senator told the committee that the premier remembered the "
                  "invasion of Karavan in 2003.")
    invasion = next(e for e in doc.events if e.trigger.text == "invasion")
    assert invasion.background is True
    assert invasion.date is not None and invasion.date.value == "2003"


def test_duration_days():
    assert duration_days("P2Y") == 730
    assert duration_days("PXM") == 60
    assert duration_days("P3D") == 3
    assert duration_days("PT4H") == 0
    assert duration_days(None) == 0


def test_a_time_in_a_relative_clause_on_the_trigger_noun_dates_the_event(kb):
    doc = run(kb, "The bombing that took place on Friday killed four villagers in Karavan.",
              published="2024-05-20")
    bombing = next(e for e in doc.events if e.trigger.text == "bombing")
    assert bombing.date is not None and bombing.date.value == "2024-05-17"
    doc = run(kb, "The raid, which happened on February 9, wrecked a clinic in Meridia.",
              published="2024-05-20")
    raid = next(e for e in doc.events if e.trigger.text == "raid")
    assert raid.date is not None and raid.date.value == "2024-02-09"
    assert raid.background is True



def test_the_object_of_an_old_act_is_background(kb):
    # the support was given in 2003, so the invasion it supported is at least as old;
    # the day the senator spoke does not date it
    doc = run(kb, "The senator reminded reporters on Wednesday that the prime minister "
                  "supported the invasion of Karavan in 2003.")
    ev = of_type(doc, "ASSAULT")
    assert ev.background is True
    assert ev.date is None or ev.date.value.startswith("2003")


def test_the_object_of_a_recent_act_keeps_its_news_status(kb):
    doc = run(kb, "The minister condemned the shelling of Karavan on Sunday.")
    assert of_type(doc, "ASSAULT").background is False


def test_a_perfect_with_a_since_clause_is_background_unless_the_clause_is_news(kb):
    # the parser may hang the since-clause on the infinitive: the perfect verb still lasts
    doc = run(kb, "The opposition leader has urged the army to back him since he proclaimed "
                  "himself acting president in February.")
    assert of_type(doc, "REQUEST").background is True
    doc = run(kb, "The opposition leader has urged the army to back him since he proclaimed "
                  "himself acting president on Saturday.")
    assert of_type(doc, "REQUEST").background is False


def test_a_date_inside_a_quote_does_not_date_the_act_told_around_it(kb):
    text = ('In a statement on his website, the dissident attacked the government, saying: '
            '"On Thursday, the president declared before the nation that he would not negotiate."')
    doc = run(kb, text, published="2019-03-10")
    around = next(e for e in doc.events if e.trigger.text == "attacked")
    inside = next(e for e in doc.events if e.trigger.text == "negotiate")
    assert around.date is None or around.date.value != "2019-03-07"
    assert inside.date is not None and inside.date.value == "2019-03-07"


_LEAD = ("Mediators from three countries met rebel and government envoys in the lakeside town of "
         "Orvalo on Monday, officials said.\n\nThe talks ended late on Monday without a deal on a "
         "truce, according to a statement from the mediators.\n\n")


def test_a_perfect_after_the_lead_recaps_what_came_before_the_news(kb):
    doc = run(kb, _LEAD + "Neighbouring Zarnia has sent hundreds of soldiers to the border region, "
                          "and thousands of people have died in the fighting.")
    assert of_type(doc, "MOBILIZE").background is True
    assert any(e.background for e in doc.events if "fighting" in e.trigger.text)


def test_a_perfect_in_the_lead_tells_the_news(kb):
    doc = run(kb, "Neighbouring Zarnia has sent hundreds of soldiers to the border region, officials "
                  "in Orvalo said on Monday.\n\nThe talks ended late on Monday without a deal.")
    assert of_type(doc, "MOBILIZE").background is False


def test_a_statement_in_the_perfect_is_a_stand_of_the_news_period(kb):
    # "has urged" after the lead: a call made in the period, not a recap
    doc = run(kb, _LEAD + "The foreign minister of Zarnia has urged both sides to resume the talks.")
    assert of_type(doc, "REQUEST").background is False


def test_a_perfect_with_a_date_of_the_period_or_a_short_span_is_news(kb):
    doc = run(kb, _LEAD + "Zarnia has sent hundreds of soldiers to the border in recent days.")
    assert of_type(doc, "MOBILIZE").background is False
    doc = run(kb, _LEAD + "A new round of talks has been scheduled for Friday in Orvalo.")
    assert all(not e.background for e in doc.events if e.type == "CONSULT")


def test_a_perfect_reported_by_a_speaker_is_news(kb):
    doc = run(kb, _LEAD + "The army of Zarnia says it has destroyed twelve rebel tunnels near the border.")
    assert all(not e.background for e in doc.events if e.type == "ASSAULT")


def test_an_event_noun_measured_in_months_or_years_is_background(kb):
    doc = run(kb, _LEAD + "The square was the centre of months of protests against the governor.")
    assert any(e.background for e in doc.events if e.type == "PROTEST")
    doc = run(kb, _LEAD + "The truce follows three weeks of fighting between the army and the rebels.")
    assert all(not e.background for e in doc.events if e.type == "ASSAULT")


def test_a_state_in_a_relative_clause_takes_the_date_of_its_preposition(kb):
    # "under house arrest since 2019": the year hangs from "been", which carries the noun
    doc = run(kb, _LEAD + "The envoys met Dario Venn, a rebel leader who had been under house "
                          "arrest since 2019.")
    arrest = next(e for e in doc.events if "arrest" in e.trigger.text)
    assert arrest.background is True
    assert arrest.date is not None and arrest.date.value == "2019"


def test_the_occasion_of_an_act_dates_it(kb):
    # the date hangs from "talks", another event, which is the occasion of the accusation
    doc = run(kb, "Zarnia moved two missile batteries to its northern border on Monday, the defence "
                  "ministry said.\n\nDuring talks with rebel envoys on Friday, the foreign minister "
                  "accused the army of shelling villages near Orvalo.", published="2024-03-06")
    accused = next(e for e in doc.events if e.trigger.text == "accused")
    assert accused.date is not None and accused.date.value == "2024-03-01"
    assert not accused.date.inferred


def test_a_story_an_undated_article_places_last_month_goes_on_in_the_past(kb):
    doc = run(kb, "Last month, the army shelled the border town of Karavan. The neighbouring "
                  "government condemned the shelling as a crime.", published=None)
    condemned = next(e for e in doc.events if e.trigger.text == "condemned")
    assert condemned.background is True
    doc = run(kb, "On Tuesday, the army shelled the border town of Karavan. The neighbouring "
                  "government condemned the shelling as a crime.", published=None)
    condemned = next(e for e in doc.events if e.trigger.text == "condemned")
    assert condemned.background is False


def test_a_bare_month_in_the_past_in_an_undated_article_is_background(kb):
    # news dated by weekday; a month named alone is weeks or more behind it
    doc = run(kb, "Rebels attacked the town of Karavan on Tuesday.\n\nIn March, the government of "
                  "Zarnia left the border agreement with Orvalo.", published=None)
    left = next(e for e in doc.events if e.trigger.text.startswith("left"))
    assert left.background is True
    assert left.date is None  # the year is unknown: no value is invented
    assert next(e for e in doc.events if e.trigger.text == "attacked").background is False


def test_a_bare_month_of_a_plan_or_of_the_texts_own_month_is_not_background(kb):
    doc = run(kb, "Rebels attacked the town of Karavan on Tuesday.\n\nIn March, the government of "
                  "Zarnia will leave the border agreement with Orvalo.", published=None)
    assert not any(e.background for e in doc.events)
    # the text's own dates reach July: "in July" may be the news month itself
    doc = run(kb, "Rebels attacked the town of Karavan on July 3, 2019.\n\nIn July, the government "
                  "of Zarnia left the border agreement with Orvalo.", published=None)
    left = next(e for e in doc.events if e.trigger.text.startswith("left"))
    assert left.background is False
    # a month on a noun dates that noun ("riots last March"), not the clause's act
    doc = run(kb, "On Wednesday Zarnia lifted the curfew it had imposed on Karavan, a city still "
                  "scarred by the floods of last March.", published=None)
    assert of_type(doc, "CONCEDE").background is False


def test_an_accusation_in_the_simple_present_after_the_lead_is_a_standing_position(kb):
    doc = run(kb, _LEAD + "The government of Orvalo accuses Zarnia of arming the rebels in the north.")
    assert of_type(doc, "ACCUSE").background is True
    # told in the past it is an act of the period; in the lead the present tells the news
    doc = run(kb, _LEAD + "The government of Orvalo accused Zarnia of arming the rebels in the north.")
    assert of_type(doc, "ACCUSE").background is False
    doc = run(kb, "The government of Orvalo accuses Zarnia of arming the rebels in the north.")
    assert of_type(doc, "ACCUSE").background is False


def test_a_present_passive_with_a_bare_month_is_not_told_in_the_past(kb):
    # "are deployed" is a present passive (review finding): only a perfect or a past
    # auxiliary tells an act of before the news period
    doc = run(kb, "In March, Zarnia troops are deployed to the border with Orvalo.", published=None)
    assert of_type(doc, "MOBILIZE").background is False


def test_a_bare_past_month_on_an_event_noun_dates_that_noun_only(kb):
    doc = run(kb, "Rebels attacked the town of Karavan on Tuesday.\n\nOrvalo's envoy said Zarnia was "
                  "behind the bombings of a pipeline in May, a charge Zarnia rejects.", published=None)
    bombings = next(e for e in doc.events if e.trigger.text == "bombings")
    assert bombings.background is True and bombings.date is None
    assert next(e for e in doc.events if e.trigger.text == "attacked").background is False


def test_a_paragraph_that_opens_by_going_on_with_an_old_story_is_background(kb):
    doc = run(kb, "Troops of Zarnia shelled the border town of Karavan on Monday.\n\n"
                  "\"His worst mistake was the raid on the dam at Orvalo in 1998,\" the historian said.\n\n"
                  "That raid destroyed the dam before the rains came.")
    destroyed = next(e for e in doc.events if e.trigger.text == "destroyed")
    assert destroyed.background is True
    # a paragraph of the news period after it is news
    doc = run(kb, "Troops of Zarnia shelled the border town of Karavan on Monday.\n\n"
                  "\"His worst mistake was the raid on the dam at Orvalo in 1998,\" the historian said.\n\n"
                  "On Sunday, the same troops destroyed a bridge near Orvalo.")
    destroyed = next(e for e in doc.events if e.trigger.text == "destroyed")
    assert destroyed.background is False



def test_a_background_act_takes_the_year_of_the_story_it_goes_on_with(kb):
    # issue 7: a background act keeps the year the text gives it (inferred from its
    # story), never the publication day
    doc = run(kb, "Troops of Zarnia shelled the border town of Karavan on Monday.\n\n"
                  "In 2009, Zarnian patrol boats seized three fishing trawlers off Orvalo. "
                  "The government of Meridia protested loudly.")
    seized = of_type(doc, "COERCE")
    assert seized.background is True and seized.date.value == "2009" and not seized.date.inferred
    protested = next(e for e in doc.events if e.trigger.text.startswith("protest"))
    assert protested.background is True
    assert protested.date is not None and protested.date.value == "2009" and protested.date.inferred


def test_a_background_act_without_a_story_stays_undated(kb):
    # a habitual act with no dated story before it: no year to take, and not the news day
    doc = run(kb, "Troops of Zarnia shelled the border town of Karavan on Monday.\n\n"
                  "Zarnia has long accused Meridia of arming the rebels.")
    accused = of_type(doc, "ACCUSE")
    assert accused.background is True and accused.date is None


def test_a_sentence_with_its_own_weekday_does_not_go_on_with_an_older_story(kb):
    # undated: "Sunday" cannot be placed, but it is a day of the news, not of last month
    doc = run(kb, "Last month, the army shelled the border town of Karavan. Rebels seized a "
                  "police station in Meridia on Sunday.", published=None)
    assert next(e for e in doc.events if e.trigger.text.startswith("seized")).background is False


def test_already_on_a_past_perfect_places_the_act_before_the_news(kb):
    doc = run(kb, "The council of Zarnia met on Monday to discuss the crisis.\n\n"
                  "The rebels had already seized the police station of Karavan.")
    assert next(e for e in doc.events if e.trigger.text.startswith("seized")).background is True


def test_a_past_perfect_that_only_orders_acts_of_the_story_is_news(kb):
    doc = run(kb, "The council of Zarnia met on Monday to discuss the crisis.\n\n"
                  "Officials said the rebels had seized the police station of Karavan.")
    assert not any(e.background for e in doc.events if e.trigger.text.startswith("seized"))
    doc = run(kb, "The council of Zarnia met on Monday to discuss the crisis.\n\n"
                  "After the rebels had seized the police station of Karavan, the army shelled their camp.")
    assert not any(e.background for e in doc.events)


def test_a_past_perfect_in_the_content_of_a_report_is_news(kb):
    # the second clause of a report, and the "that" clause of a noun, tell its content
    doc = run(kb, "The council of Zarnia met on Monday to discuss the crisis.\n\n"
                  "The minister announced that the army had shelled the camp and that the rebel "
                  "leader had been captured. Karavan denied claims that its general had surrendered.")
    assert not any(e.background for e in doc.events), [(e.type, e.trigger.text) for e in doc.events]


def test_a_year_inside_what_is_said_does_not_date_the_saying(kb):
    doc = run(kb, "The council of Zarnia met on Monday to discuss the crisis.\n\n"
                  "The general warned Orvalo that its economy collapsed in 2003.")
    warned = next(e for e in doc.events if e.trigger.text.startswith("warned"))
    assert warned.background is False and warned.date is not None and warned.date.value == "2024-05-20"
    doc = run(kb, "The council of Zarnia met on Monday to discuss the crisis.\n\n"
                  "The minister accused Orvalo, insisting that its economy collapsed in 2003.")
    assert next(e for e in doc.events if e.trigger.text.startswith("accused")).background is False


def test_a_state_told_in_the_past_perfect_is_background(kb):
    doc = run(kb, "The council of Zarnia met on Monday to discuss the crisis.\n\n"
                  "Its members talked for six hours in the capital.\n\n"
                  "The two opposition leaders had been highly critical of President Lorn of Zarnia.")
    assert of_type(doc, "ACCUSE").background is True
    # in the lead, the past perfect tells the news
    doc = run(kb, "The two opposition leaders had been highly critical of President Lorn of Zarnia.")
    assert of_type(doc, "ACCUSE").background is False


def test_an_act_repeated_monthly_or_yearly_is_a_habit(kb):
    doc = run(kb, "The council of Zarnia met on Monday to discuss the crisis.\n\n"
                  "The late president travelled to Orvalo monthly to sign oil deals with its government.")
    assert of_type(doc, "CONSULT").background is True
    # daily marches may all lie in the news week; one meeting of an annual series is news
    doc = run(kb, "The council of Zarnia met on Monday to discuss the crisis.\n\n"
                  "Protesters have marched daily against the government of Zarnia.")
    assert of_type(doc, "PROTEST").background is False
