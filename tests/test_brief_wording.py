"""The brief states only what its cited sentences support: sources without a named outlet
are labelled honestly, a role the sentence does not name is not headlined, a place the
sentence uses as an actor is not where it happened, recalled years and vague weeks keep
their own dates, one happening the linker left split is shown once, statements are not
placed, and a threat somebody else ascribes is not a threat to watch."""
import re
from datetime import date

import pytest

from brief_checks import note_dates, unbacked
from brief_helpers import article, store_of
from sitrep.report import html, markdown
from sitrep.report.compose import compose
from sitrep.report.evidence import event_day

PERIOD = dict(since="2019-04-01", until="2019-05-31")


def articles():
    return [
        article("f1", "Venezuela port struck", [
            "United States aircraft struck a port of Venezuela near Caracas on Monday.",
            "Venezuela accused the United States of aggression in Caracas.",
            "Four soldiers were killed there in 2017, officials said."],
            outlet=None, origin="/data/in/harbor-post.txt", published="2019-05-07",
            quantities=[(2, "Four soldiers", 4, None, "soldiers")],
            events=[dict(s=0, type="ASSAULT", trigger="struck", source="United States", target="Venezuela",
                         place="Caracas", date="2019-05-06"),
                    dict(s=1, type="ACCUSE", trigger="accused", source="Venezuela", target="United States",
                         place="Caracas", date="2019-05-06")]),
        article("f2", "Venezuela says US aircraft hit port", [
            "Venezuela said United States aircraft struck the port on Monday."],
            outlet=None, url="https://www.example.org/news/1", published="2019-05-08",
            events=[dict(s=0, type="ASSAULT", trigger="struck", source="United States", target="Venezuela",
                         date="2019-05-06", status="reported", said_by="Venezuela")]),
        article("m1", "Region reacts to Venezuela strike", [
            "Gustavo Petro condemned the operation as an attack on Venezuela."],
            outlet="Wire M", published="2019-05-08",
            events=[dict(s=0, type="ASSAULT", trigger="attack", source="Mexico", target="Venezuela",
                         date="2019-05-06"),
                    dict(s=0, type="ACCUSE", trigger="condemned", source="Gustavo Petro", target="Venezuela",
                         date="2019-05-06")]),
        article("w1", "Venezuela arrests Guaido aides", [
            "Venezuela arrested aides of Juan Guaido last week.",
            "In 2017 the United States imposed sanctions on Venezuela.",
            "The strikes capped months of escalation between Washington and Venezuela.",
            "Nicolas Maduro claimed that the United States wants to seize Venezuela's oil.",
            "The United States threatened Venezuela with a naval blockade.",
            "Venezuela and Russia signed defense agreements in 2008.",
            "Mike Pompeo announced that the U.S. imposed sanctions on Venezuela.",
            "Mike Pompeo rejected the offer and said Nicolas Maduro should step down."],
            outlet="Wire W", published="2019-05-08", metonyms=[("Washington", "United States"), ("U.S.", "United States")],
            times=[(0, "last week", "2019-W18"), (1, "2017", "2017"), (5, "2008", "2008")],
            places=[(6, "U.S.", "United States")],
            events=[dict(s=0, type="COERCE", trigger="arrested", source="Venezuela", target="Juan Guaido",
                         date="2019-W18"),
                    dict(s=1, type="SANCTION", trigger="imposed sanctions", source="United States",
                         target="Venezuela", date="2017"),
                    dict(s=2, type="ASSAULT", trigger="strikes", source="United States", target="Venezuela",
                         place="Washington", date="2019-05-08"),
                    dict(s=3, type="THREATEN", trigger="seize", source="United States", target="Venezuela",
                         date="2019-05-08", status="claimed", said_by="Nicolas Maduro"),
                    dict(s=4, type="THREATEN", trigger="threatened", source="United States", target="Venezuela",
                         date="2019-05-08"),
                    dict(s=5, type="AGREE", trigger="signed", source="Venezuela", target="Russia"),
                    dict(s=6, type="SANCTION", trigger="imposed sanctions", source="Mike Pompeo",
                         target="Venezuela", place="United States"),
                    dict(s=7, type="REJECT", trigger="rejected", source="Mike Pompeo", target="Nicolas Maduro",
                         date="2019-05-08"),
                    dict(s=7, type="RETREAT", trigger="step down", source="Nicolas Maduro",
                         target="Mike Pompeo", date="2019-05-08", status="hypothetical", said_by="Mike Pompeo")]),
        article("q1", "Maduro speaks on Venezuela and the United States", [
            "Nicolas Maduro said: Do we want a war with the United States? Is that our aim?",
            "Nicolas Maduro said: We want the United States to leave our waters.",
            "Nicolas Maduro claimed that the United States seized the gold of Venezuela in April."],
            outlet="Wire Q", published="2019-05-08",
            times=[(2, "April", "2019-04")],
            events=[dict(s=2, type="COERCE", trigger="seized", source="United States", target="Venezuela",
                         date="2019-04", status="claimed", said_by="Nicolas Maduro")],
            quotes=[(0, "Nicolas Maduro", "Do we want a war with the United States? Is that our aim?"),
                    (1, "Nicolas Maduro", "We want the United States to leave our waters.")]),
        article("x1", "Depot of Venezuela hit", [
            "An explosion hit a depot of Venezuela on Thursday."],
            outlet="Wire X", published="2019-05-03",
            events=[dict(s=0, type="ASSAULT", trigger="explosion", target="Venezuela", date="2019-05-02")]),
        article("s1", "Syria: deaths in Idlib", [
            "Ten people were killed in Idlib, according to the Syrian Observatory for Human Rights."],
            outlet="Wire S", published="2019-05-08",
            events=[dict(s=0, type="ASSAULT", trigger="killed", source="Syrian Observatory for Human Rights",
                         place="Idlib", date="2019-05-08", status="reported",
                         said_by="Syrian Observatory for Human Rights")]),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = store_of(tmp_path_factory.mktemp("wording") / "wording.duckdb", articles())
    yield s
    s.close()


@pytest.fixture(scope="module")
def brief(store):
    return compose(store, about="Venezuela", **PERIOD)


def shown(brief):
    return brief.headlines + brief.timeline


def test_sources_without_an_outlet_are_named_by_file_or_site(brief):
    outlets = {o for inc in shown(brief) for o in inc.outlets}
    # the store names an outlet-less web page after its domain; a file gets its file name
    assert {"harbor-post.txt", "example.org"} <= outlets
    assert not any("unknown outlet" in o for o in outlets)
    md = markdown.render(brief)
    assert "unknown outlet" not in md and "[^" in md
    assert brief.unnamed == 1 and "1 article naming no outlet (shown by file name" in md
    assert "1 article naming no outlet" in html.render(brief)


def test_a_role_the_sentence_does_not_name_is_not_stated(brief):
    assert brief.headlines and not any("Mexico" in inc.title for inc in shown(brief))
    assert "Mexico" not in markdown.render(brief)
    petro = [inc for inc in shown(brief) if "Gustavo Petro" in inc.title]
    assert petro and petro[0].type == "ACCUSE"


def test_one_happening_split_by_the_linker_is_shown_once(brief):
    strikes = [inc for inc in brief.headlines if inc.type == "ASSAULT" and inc.day == date(2019, 5, 6)]
    assert len(strikes) == 1
    top = strikes[0]
    assert top.title == "The United States used force against Venezuela in Caracas"
    assert {"harbor-post.txt", "example.org"} <= set(top.outlets) and top.n_sources >= 2


def test_statements_are_not_placed_and_places_used_as_actors_are_dropped(brief):
    accusation = next(inc for inc in shown(brief) if inc.type == "ACCUSE" and inc.title.startswith("Venezuela"))
    assert accusation.title == "Venezuela accused the United States"
    assert not any("Washington" in inc.title for inc in shown(brief))
    # "... the U.S. imposed sanctions": that place mention is an actor's, not where it happened
    sanction = next(inc for inc in shown(brief) if inc.type == "SANCTION")
    assert sanction.title == "Mike Pompeo imposed penalties on Venezuela"
    assert sanction.when == "reported 2019-05-08"  # no date of its own: the day it was reported


def test_recalled_years_and_vague_weeks_keep_their_own_dates(brief):
    sanctions = [q.text for inc in shown(brief) if inc.type == "SANCTION" for q in inc.quotes]
    assert sanctions and not any("2017" in t for t in sanctions)  # "in 2017": not news of May 2019
    # an undated event whose sentence names only an old date is that date's history
    assert not any(inc.type == "AGREE" for inc in shown(brief))
    arrest = next(inc for inc in shown(brief) if inc.type == "COERCE")
    assert (arrest.day, arrest.precision, arrest.when) == (date(2019, 4, 29), "week", "week of 2019-04-29")
    assert "week of 2019-04-29" in markdown.render(brief) and "week of 2019-04-29" in html.render(brief)
    assert event_day("2019-W18-WE", date(2019, 5, 8)) == (date(2019, 5, 4), "weekend")
    assert event_day("2017", date(2019, 5, 8)) == (date(2017, 1, 1), "year")
    assert event_day("2019-05", date(2019, 5, 8)) == (date(2019, 5, 8), "month")
    assert event_day(None, date(2019, 5, 8)) == (date(2019, 5, 8), "published")


def test_only_threats_their_maker_states_are_watched(brief):
    threats = [w.text for w in brief.watch if w.kind == "threat"]
    assert any("naval blockade" in t for t in threats)
    assert not any("claimed" in t for t in threats)


def test_numbers_and_dates_stay_traceable(store, brief):
    md = markdown.render(brief)
    notes, dates = {n.label: n.sentence for n in brief.notes}, note_dates(store, brief)
    assert unbacked(md, notes, dates) == []
    # the check catches a month or a week nobody stated
    assert unbacked(md.replace("week of 2019-04-29", "week of 2019-03-04", 1), notes, dates)
    assert unbacked(md.replace("week of 2019-04-29", "1999-01", 1), notes, dates)


def test_dates_are_said_as_precisely_as_they_are_known():
    from sitrep.report.content import say_day
    day = date(2018, 12, 1)
    assert [say_day(day, p) for p in ("day", "week", "month", "year", "published")] == [
        "2018-12-01", "week of 2018-12-01", "2018-12", "2018", "reported 2018-12-01"]
    assert say_day(None) == "date unknown"


def test_a_monitor_that_reports_an_attack_is_not_its_attacker(store):
    syria = compose(store, about="Syria", **PERIOD)
    assert [i.title for i in syria.headlines] == ["An attack in Idlib"]


def test_a_casualty_cue_after_a_force_noun_makes_it_a_casualty_figure():
    from sitrep.knowledge.report_terms import load_report_terms
    from sitrep.report.figures import read_figure

    terms = load_report_terms()
    sentence = "Officials said 17 soldiers were killed and 15,000 troops were deployed."
    dead = {"start_char": sentence.index("17"), "end_char": sentence.index("17") + 11, "value": 17,
            "counted": "soldiers", "unit": None}
    troops = {"start_char": sentence.index("15,000"), "end_char": sentence.index("15,000") + 13, "value": 15000,
              "counted": "troops", "unit": None}
    assert read_figure(dead, sentence, 0, terms) == ("killed", "17 soldiers were killed")
    assert read_figure(troops, sentence, 0, terms) == ("forces", "15,000 troops")


def test_a_question_is_not_a_stated_aim(brief):
    view = next(v for v in brief.sides if v.side == "Venezuela" and v.other == "United States")
    aims = [p.text for p in view.positions.get("aims", [])]
    assert any("leave our waters" in t for t in aims)
    assert not any("Is that our aim" in t for t in aims)


def test_an_unplaced_strike_takes_the_place_a_quoted_report_gives():
    from sitrep.report.headlines import _placed

    def mention(key, place, source="United States", quad="material conflict"):
        return dict(independent_key=key, place_name=place, place_country="VE" if place else None,
                    lat=1.0 if place else None, lon=2.0 if place else None, place_feature=None,
                    source_name=source, source_country="USA" if source else None, source_sector=None,
                    target_name="Venezuela", target_country="VEN", target_sector=None, quad_class=quad,
                    certainty="asserted", involves=True, event_date=date(2019, 5, 6), pub_date=date(2019, 5, 7),
                    date_precision="day")

    best, other = mention("a", None), mention("b", "Caracas", source=None)
    assert _placed(best, [best, other])["place_name"] == "Caracas"
    statement = mention("a", None, quad="verbal conflict")
    assert _placed(statement, [statement, other])["place_name"] is None  # statements are not placed
    far = {**mention("b", "Caracas", source=None), "target_country": "SYR"}
    assert _placed(best, [best, far])["place_name"] is None  # a conflicting report lends nothing


def test_named_or_corroborated_incidents_lead(brief):
    flags = [i.well_specified for i in brief.headlines]
    assert True in flags and False in flags and flags == sorted(flags, reverse=True)
    # no summary sentence is about an attack nobody is named in (its title opens "an attack")
    assert not any(re.search(r"(?:^|, )an attack", s.text, re.I) for s in brief.key_developments)


def test_the_next_sentence_lends_figures_to_happenings_not_to_statements(brief):
    figures = [(f.text, f.incident) for f in brief.figures]
    assert not any("Four soldiers" in text for text, _ in figures), figures


def test_a_demand_on_the_other_side_is_an_aim_first(brief):
    us = next(v for v in brief.sides if v.side == "United States" and v.other == "Venezuela")
    aims = [(p.who, p.status, p.text) for p in us.positions.get("aims", [])]
    assert ("Mike Pompeo", "demanded", "Mike Pompeo rejected the offer and said Nicolas Maduro should step down.") \
        in aims
    shown = [p.text for kind in us.positions.values() for p in kind]
    assert shown.count("Mike Pompeo rejected the offer and said Nicolas Maduro should step down.") == 1


def test_one_sides_accusation_is_not_headlined_as_a_happening(brief):
    quoted = [q.text for inc in brief.headlines for q in inc.quotes]
    assert quoted and not any("seized the gold" in t for t in quoted)
    assert not any("seized the gold" in s.text for s in brief.key_developments)
    assert not any("seized the gold" in q.text for inc in brief.timeline for q in inc.quotes)
    # it is still there as what Venezuela says the United States does
    us = next(v for v in brief.sides if v.side == "United States" and v.other == "Venezuela")
    assert any("seized the gold" in p.text for p in us.positions.get("other_says", []))
