"""A report without a date of its own, published a day or two after another outlet dates
a happening, tells that happening when the same actor does the same to the same side:
the brief shows it once, with both sources, even when the incident linker left the two
in different incidents; later reports and other actors stay apart."""
from datetime import date

from sitrep.report.headlines import same_happenings


def _mention(incident, outlet, published, day=None, source=("Turkey", "TUR"), target=("Syria", "SYR"),
             place=None):
    return {"incident_id": incident, "event_id": incident + outlet, "article_id": outlet, "type": "ASSAULT",
            "quad_class": "material conflict", "certainty": "asserted", "involves": True,
            "source_name": source[0], "source_country": source[1], "source_sector": "GOV",
            "target_name": target[0], "target_country": target[1], "target_sector": "GOV",
            "place_name": place, "pub_date": date.fromisoformat(published),
            "event_date": date.fromisoformat(day or published), "date_precision": "day" if day else "published"}


def _happenings(mentions):
    groups = {}
    for m in mentions:
        groups.setdefault(m["incident_id"], []).append(m)
    return {tuple(sorted(m["article_id"] for m in found)) for _, found, _ in same_happenings(groups)}


def test_an_undated_report_days_later_joins_the_dated_happening():
    dated = _mention("inc-a", "first", "2019-10-09", day="2019-10-09", place="Idlib")
    later = _mention("inc-b", "second", "2019-10-11")
    assert _happenings([later, dated]) == {("first", "second")}


def test_a_report_long_after_or_by_another_actor_stays_apart():
    dated = _mention("inc-a", "first", "2019-10-09", day="2019-10-09")
    assert _happenings([dated, _mention("inc-b", "late", "2019-10-20")]) == {("first",), ("late",)}
    assert _happenings([dated, _mention("inc-c", "other", "2019-10-10", source=("Russia", "RUS"))]) == \
        {("first",), ("other",)}
    # nobody named as the actor: another "attack on Syria" days later may be another attack
    assert _happenings([dated, _mention("inc-d", "anon", "2019-10-10", source=(None, None))]) == \
        {("first",), ("anon",)}
    # two reports dated only by their publication on different days are not joined either
    assert _happenings([_mention("inc-e", "x", "2019-10-09"), _mention("inc-f", "y", "2019-10-10")]) == \
        {("x",), ("y",)}


def test_only_force_and_coercion_join_across_days():
    # a standing fact restated in each report ("recognised by fifty nations") is no happening
    # reported twice
    dated = {**_mention("inc-a", "first", "2019-04-30", day="2019-04-30"), "type": "COOPERATE",
             "quad_class": "material cooperation"}
    later = {**_mention("inc-b", "second", "2019-05-02"), "type": "COOPERATE", "quad_class": "material cooperation"}
    assert _happenings([dated, later]) == {("first",), ("second",)}


def test_two_outlets_naming_nobody_do_not_make_a_headline_lead():
    from sitrep.report.content import Figure, Incident

    def incident(**kw):
        base = dict(incident_id="i", title="An attack on Syria", type="ASSAULT", quad_class="material conflict",
                    day=date(2019, 10, 7), last_day=None, place=None, lat=None, lon=None, outlets=["a", "b"],
                    n_sources=2, certainty=[], contested=False, significance=1.0, significant=True)
        return Incident(**{**base, **kw})

    assert not incident().well_specified
    assert incident(actor_named=True).well_specified
    toll = Figure(kind="killed", text="12 people were killed", value=12, incident="i", outlet="a")
    held = Figure(kind="detained", text="about 900 prisoners", value=900, incident="i", outlet="a")
    assert incident(figures=[toll]).well_specified and not incident(figures=[held]).well_specified
    assert incident(dyad=True, n_sources=1).well_specified


def test_two_outlets_placing_it_in_a_town_make_it_specific():
    from sitrep.report.content import Incident
    base = dict(incident_id="i", title="An attack in Idlib", type="ASSAULT", quad_class="material conflict",
                day=date(2019, 10, 7), last_day=None, place="Idlib", lat=None, lon=None, outlets=["a", "b"],
                n_sources=2, certainty=[], contested=False, significance=1.0, significant=True)
    assert Incident(**base, local=True).well_specified and not Incident(**base).well_specified


def test_a_toll_weighs_for_the_force_not_for_a_statement_about_it(tmp_path):
    from brief_helpers import article, store_of
    from sitrep.report.compose import compose
    statement = article("v1", "Venezuela blames Syria", [
        "Venezuela blamed Syria on Monday for an attack that killed 75 people in a market."],
        published="2019-05-02", quantities=[(0, "75 people", 75, None, "people")],
        events=({"s": 0, "type": "ACCUSE", "trigger": "blamed", "source": "Venezuela", "target": "Syria",
                 "date": "2019-05-01"},))
    strike = article("v2", "Venezuela shells Syria", [
        "Venezuela shelled Syria near the border on Monday, officials said."], published="2019-05-02",
        events=({"s": 0, "type": "ASSAULT", "trigger": "shelled", "source": "Venezuela", "target": "Syria",
                 "date": "2019-05-01"},))
    with store_of(tmp_path / "s.duckdb", [statement, strike]) as store:
        brief = compose(store, about="Syria", since="2019-05-01", until="2019-05-02")
    titles = [i.title for i in brief.headlines]
    assert titles[0].startswith("Venezuela used force") and any("accused" in t for t in titles[1:]), titles


def test_a_figure_two_incidents_share_is_tied_to_the_act_of_force():
    from sitrep.report.content import Figure
    from sitrep.report.figures import ranked
    said = Figure(kind="killed", text="killed 75", value=75, incident="Alpha accused Beta", outlet="a",
                  row={"quad_class": "verbal conflict"})
    done = Figure(kind="killed", text="killed 75", value=75, incident="Zeta used force", outlet="a",
                  row={"quad_class": "material conflict"})
    assert [f.incident for f in ranked([said, done], 5)] == ["Zeta used force"]
