"""The situation report on a store of constructed documents: scope, period, background,
sections, attribution, figures, contested claims, what to watch, traceable numbers."""
import re
from datetime import date

import pytest

from brief_checks import note_dates, unbacked
from brief_helpers import article, store_of
from sitrep.errors import SitrepError
from sitrep.knowledge.report_terms import load_report_terms
from sitrep.report import brief_text, markdown
from sitrep.report.compose import compose
from sitrep.report.content import Change
from sitrep.report.scope import parse_day

VEN_IDS = {"v1", "v2", "v3", "v-old"}


def venezuela_articles():
    return [
        article("v1", "Venezuela: US strikes port near Caracas", [
            "United States aircraft struck a port near Caracas on Monday.",
            "Officials said 12 people were killed in the strike.",
            "A 30-year-old witness said the fire burned for two days.",
            "Venezuela accused the United States of piracy.",
            "Nicolas Maduro said the strike never happened."],
            outlet="Wire A", published="2019-05-07", url="https://a.example/1",
            events=[dict(s=0, type="ASSAULT", trigger="struck", source="United States", target="Venezuela",
                         place="Caracas", date="2019-05-06"),
                    dict(s=3, type="ACCUSE", trigger="accused", source="Venezuela", target="United States",
                         date="2019-05-06")],
            quantities=[(1, "12 people", 12, None, "people"), (2, "30-year-old", 30, "year of age", None),
                        (2, "two days", 2, "day", None)]),
        article("v2", "Maduro denies strike on Caracas port", [
            "Venezuelan officials denied that United States aircraft struck the port.",
            "Nicolas Maduro said the United States wants to seize Venezuela's oil.",
            "The foreign minister set a deadline of May 20 for talks with Washington about Venezuela.",
            "Nicolas Maduro is pictured as he gestures as he speaks in Caracas."],
            outlet="State TV", published="2019-05-08", url="https://b.example/2",
            events=[dict(s=0, type="ASSAULT", trigger="struck", source="United States", target="Venezuela",
                         place="Caracas", date="2019-05-06", status="denied", said_by="Venezuela"),
                    dict(s=3, type="PROTEST", trigger="speaks", source="Nicolas Maduro", place="Caracas",
                         date="2019-05-08")],
            quotes=[(1, "Nicolas Maduro", "the United States wants to seize Venezuela's oil")],
            times=[(2, "May 20", "2019-05-20")]),
        article("v3", "Guaido calls for Venezuela march", [
            "Juan Guaido called on Venezuelans to march against Nicolas Maduro.",
            "In 1999 Venezuela nationalised its oil fields.",
            "Russia said United States warships deployed off Venezuela."],
            outlet="Wire C", published="2019-05-09",
            events=[dict(s=0, type="REQUEST", trigger="called on", source="Juan Guaido", target="Nicolas Maduro",
                         place="Caracas", date="2019-05-09"),
                    dict(s=1, type="COERCE", trigger="nationalised", source="Venezuela", date="2019-05-09",
                         background=True),
                    dict(s=2, type="MOBILIZE", trigger="deployed", source="United States", target="Venezuela",
                         date="2019-05-09", status="reported", said_by="Russia")]),
        article("v-old", "Venezuela marks an old anniversary", [
            "Venezuela held a parade in Caracas."],
            outlet="Wire A", published="2019-03-01",
            events=[dict(s=0, type="MOBILIZE", trigger="held", source="Venezuela", place="Caracas",
                         date="2019-03-01")]),
    ]


def syria_articles():
    return [
        article("s1", "Syria: strikes hit Idlib", [
            "United States aircraft struck targets near Idlib on Monday.",
            "Bashar al-Assad condemned the raid."],
            outlet="Wire A", published="2019-05-07", url="https://a.example/s1",
            events=[dict(s=0, type="ASSAULT", trigger="struck", source="United States", target="Syria",
                         place="Idlib", date="2019-05-06")]),
        article("s2", "Turkey and Russia talk about Syria", [
            "Turkey and Russia held talks in Damascus.",
            "Venezuela also sent a message of support to Damascus.",
            "The United States struck again, officials said."],
            outlet="Wire D", published="2019-05-08",
            events=[dict(s=0, type="CONSULT", trigger="held talks", source="Turkey", target="Russia",
                         place="Damascus", date="2019-05-07"),
                    dict(s=1, type="SUPPORT", trigger="sent", source="Venezuela", target="Syria", date="2019-05-07"),
                    dict(s=2, type="ASSAULT", trigger="struck", source="United States", date="2019-05-06")]),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = store_of(tmp_path_factory.mktemp("brief") / "mixed.duckdb", venezuela_articles() + syria_articles())
    yield s
    s.close()


def cited_articles(brief, labels) -> set[str]:
    by_label = {n.label: n.article_id for n in brief.notes}
    return {by_label[label] for label in labels}


def test_scope_cites_only_articles_about_the_subject(store):
    brief = compose(store, about="Venezuela")
    notes = {n.article_id for n in brief.notes}
    assert notes and notes <= VEN_IDS
    for inc in brief.headlines + brief.timeline:
        assert cited_articles(brief, inc.notes) <= VEN_IDS
    for s in brief.key_developments:
        assert cited_articles(brief, s.notes) <= VEN_IDS
    # the Syria story naming Venezuela once is not about Venezuela
    assert brief.scope_articles == 4 and brief.store_articles == 6
    syria = compose(store, about="Syria")
    assert {n.article_id for n in syria.notes} <= {"s1", "s2"}
    assert any("Idlib" in i.title for i in syria.headlines)


def test_default_period_is_the_last_30_days_of_the_data(store):
    brief = compose(store, about="Venezuela")
    assert (brief.period.since, brief.period.until) == (date(2019, 4, 10), date(2019, 5, 9))
    assert not brief.period.explicit and brief.articles == 3  # the March article is outside
    md = markdown.render(brief)
    assert "_Period: 2019-04-10 to 2019-05-09 (the last 30 days of the data" in md
    wide = compose(store, about="Venezuela", since="2019-01")
    assert wide.period.explicit and wide.articles == 4 and wide.period.since == date(2019, 1, 1)


def test_bad_dates_are_one_line_errors():
    assert parse_day("2019", "--since") == date(2019, 1, 1)
    assert parse_day("2019-02", "--until", end=True) == date(2019, 2, 28)
    for bad in ("last week", "2019-13-01", "19-05-01"):
        with pytest.raises(SitrepError, match="YYYY-MM-DD"):
            parse_day(bad, "--since")


def test_background_events_never_reach_headlines_or_timeline(store):
    brief = compose(store, about="Venezuela")
    shown = [q.text for i in brief.headlines + brief.timeline for q in i.quotes]
    assert shown and not any("nationalised" in t for t in shown)
    assert "nationalised" not in markdown.render(brief)


def test_headlines_rank_the_strike_first_and_show_the_denial(store):
    brief = compose(store, about="Venezuela")
    top = brief.headlines[0]
    assert top.type == "ASSAULT" and top.day == date(2019, 5, 6)
    assert top.contested and set(top.outlets) == {"Wire A", "State TV"}
    assert brief.contested and brief.contested[0].claim.outlet == "Wire A"
    assert brief.contested[0].counter.status == "denied"
    assert any(f.kind == "killed" and f.value == 12 for f in top.figures)


def test_key_figures_are_tied_to_incidents_and_skip_stray_numbers(store):
    brief = compose(store, about="Venezuela")
    texts = [f.text for f in brief.figures]
    assert texts == ["12 people were killed"]
    assert brief.figures[0].incident == brief.headlines[0].title
    md = markdown.render(brief)
    assert "30-year-old" not in md.split("## Sources")[0].replace("30-year-old witness", "")
    assert "two days" not in md.split("## Key figures")[1].split("##")[0]


def test_sides_attribute_what_the_other_side_says(store):
    brief = compose(store, about="Venezuela")
    views = {(v.side, v.other): v for v in brief.sides}
    us = views[("United States", "Venezuela")]
    said = us.positions["other_says"]
    assert [p.who for p in said] == ["Nicolas Maduro"] and "seize" in said[0].text
    ven = views[("Venezuela", "United States")]
    assert [p.event_type for p in ven.positions["accusations"]] == ["ACCUSE"]
    assert ven.positions["denials"][0].who == "Venezuela"
    # Maduro's quote is what he says the US wants, never filed as his own aim
    assert "aims" not in ven.positions
    # a third party's report of a side's act keeps both names
    deployed = next(p for p in us.positions["measures"] if p.event_type == "MOBILIZE")
    assert (deployed.who, deployed.according_to) == ("United States", "Russia")


def test_captions_are_not_incidents(store):
    brief = compose(store, about="Venezuela")
    assert not any("gestures" in q.text for i in brief.headlines for q in i.quotes)


def test_what_to_watch_keeps_the_stated_deadline(store):
    brief = compose(store, about="Venezuela", since="2019-05-01", until="2019-05-10")
    assert [(w.kind, w.day) for w in brief.watch if w.kind != "threat"] == [("deadline", date(2019, 5, 20))]


def test_change_against_the_previous_period(store):
    brief = compose(store, about="Venezuela", since="2019-03-01", until="2019-03-31")
    assert brief.articles == 1 and brief.previous_articles == 0
    assert "nothing to compare with" in markdown.render(brief)
    may = compose(store, about="Venezuela", since="2019-04-01", until="2019-05-31")
    rows = {c.label: (c.previous, c.current, c.direction) for c in may.changes}
    # the fixture has fewer than three articles in scope per period: counts, but no arrow
    assert rows["MOBILIZE"] == (1, 1, "few") and rows["ASSAULT"][1:] == (2, "few")
    assert "too few articles to say" in markdown.render(may)


def test_change_is_judged_per_article_in_scope():
    # three times the events from three times the articles is more reporting, not more fighting
    assert Change("ASSAULT", 4, 12, previous_articles=4, current_articles=12).direction == "same"
    assert Change("ASSAULT", 4, 12, previous_articles=10, current_articles=10).direction == "up"
    assert Change("ASSAULT", 12, 4, previous_articles=10, current_articles=10).direction == "down"
    # two events more is noise, whatever the rate says
    assert Change("SANCTION", 1, 3, previous_articles=10, current_articles=10).direction == "same"
    assert Change("SANCTION", 0, 9, previous_articles=2, current_articles=10).direction == "few"
    row = Change("ASSAULT", 4, 12, previous_articles=4, current_articles=12)
    assert (markdown.per_article(row.current, row.current_rate), markdown.per_article(3, None)) == ("12 (1.00/article)", "3")


def test_every_number_is_traceable_to_a_footnoted_sentence(store):
    for about in ("Venezuela", "Syria", None):
        brief = compose(store, about=about, since="2019-01-01", until="2019-05-31")
        md = markdown.render(brief)
        assert unbacked(md, {n.label: n.sentence for n in brief.notes}, note_dates(store, brief)) == []
        refs = set(re.findall(r"\[\^([a-z0-9]+)\](?!:)", md))
        defs = set(re.findall(r"^\[\^([a-z0-9]+)\]:", md, re.M))
        assert refs and refs == defs


def test_the_traceability_check_catches_an_unbacked_number(store):
    brief = compose(store, about="Venezuela")
    md = markdown.render(brief).replace("12 people were killed", "120 people were killed", 1)
    assert unbacked(md, {n.label: n.sentence for n in brief.notes}, note_dates(store, brief))


def test_empty_scope_says_what_to_do(store):
    text, chart = brief_text(store, about="Narnia")
    assert "No stored article about the subject" in text and chart is None


def test_issue_tags_are_general_knowledge_data():
    terms = load_report_terms()
    assert terms.issue_tags("They want to seize the oil tankers and impose sanctions") == ["energy", "sanctions"]
    assert "drugs" in terms.issue_tags("boats carrying cocaine for the cartel")
    assert "regime change" in terms.issue_tags("Washington seeks to oust the president")
    assert terms.issue_tags("The weather was fine.") == []
    from pathlib import Path
    table = Path(__file__).resolve().parents[1] / "src/sitrep/knowledge/data/report/issues.tsv"
    assert not re.search(r"pdvsa|chevron|tren de aragua|maduro|venezuel", table.read_text(), re.I)


def test_figure_kinds():
    terms = load_report_terms()
    assert terms.figure_kind("troops") == "forces" and terms.figure_kind(None, "USD") == "money"
    assert terms.figure_kind(None, "day") is None and terms.figure_kind(None, "year of age") is None
    assert terms.figure_cue("people were killed")[0] == "killed"
    assert terms.figure_cue("reasons to stay") is None


def test_chart_is_events_per_article_and_map_frames_the_places():
    from sitrep.report.chart import HEIGHT, chart
    from sitrep.report.content import Activity, MapPoint
    from sitrep.report.geomap import incident_map

    days = [date(2019, 5, 1), date(2019, 5, 2)]
    activity = Activity("day", days, {"material conflict": [2.0, 1.0], "verbal conflict": [0.0, 1.0],
                                      "verbal cooperation": [0.0, 0.0], "material cooperation": [0.0, 0.0]}, [3, 1])
    c = chart(activity)
    heights = {(b.x, b.colour): b.height for b in c.bars}
    assert len(c.bars) == 3 and not c.empty
    first, second = sorted({x for x, _ in heights})
    # day one: 2 events per article, all material conflict; day two: 1 + 1 stacked
    assert heights[(first, "#c8302c")] == pytest.approx(2 * heights[(second, "#c8302c")])
    assert all(0 <= b.y <= HEIGHT for b in c.bars) and c.y_ticks[-1][1] == "2"
    m = incident_map([MapPoint("Caracas", 10.49, -66.88, 2, 3), MapPoint("Maracaibo", 10.63, -71.64, 1, 1)])
    assert m.paths and [d.name for d in m.dots] == ["Caracas", "Maracaibo"]
    assert all(0 < d.x < m.width and 0 < d.y < m.height for d in m.dots)
    assert m.dots[0].x > m.dots[1].x  # Caracas lies east of Maracaibo
    assert "Natural Earth" in m.notice and incident_map([]) is None


def test_incidents_about_a_subject_come_from_articles_about_it(store):
    """``sitrep incidents --about X`` reads the articles about X as the brief does: the
    talks in Damascus, in a Syria story that names Venezuela once, are not listed; that
    story's own act of Venezuela is; history is left out unless asked for."""
    from sitrep.corpus import queries
    from sitrep.report.scope import articles_about

    ids, country = articles_about(store, "Venezuela")
    assert set(ids) == VEN_IDS and country == ("VEN", "VE")
    listed = queries.incident_rows(store, article_ids=ids, country=country, background=False)
    types = {(r.type, r.source_name) for r in listed}
    assert ("CONSULT", "Turkey") not in types
    assert ("SUPPORT", "Venezuela") in types and ("ASSAULT", "United States") in types
    assert ("COERCE", "Venezuela") not in types
    with_history = queries.incident_rows(store, article_ids=ids, country=country, background=True)
    assert ("COERCE", "Venezuela") in {(r.type, r.source_name) for r in with_history}
    loose = queries.incident_rows(store, about="Venezuela")
    assert ("CONSULT", "Turkey") in {(r.type, r.source_name) for r in loose}
