"""Session 14 brief15 (issue 8, one happening shown once; invented sentences): a later
article that recalls a happening as the antecedent of its own news ("vowed revenge for the
shelling of ...", "shortly after rebels fired rockets", "Tuesday's bombing") does not
report a new happening on the day its sentence or its article gives. The brief joins such
a recap to the reported happening it recalls (same type, same actor, no other target, up
to 14 days before, much the same words) and takes no place from a recap's sentence (it
places its own news); a happening only a recap tells stays (it is then the only word of it)."""
from datetime import date

import pytest

from brief_helpers import article, store_of
from sitrep.knowledge.report_terms import load_report_terms
from sitrep.report.compose import compose
from sitrep.report.headlines import recalls, same_happenings

TERMS = load_report_terms()


def _recalls(sentence: str, trigger: str) -> bool:
    return TERMS.recalls(sentence[:sentence.index(trigger)])


@pytest.mark.parametrize("sentence, trigger", [
    # a cause or sequence word opens the phrase of the act
    ("The ministry vowed revenge for the shelling of Kassel.", "shelling"),
    ("The ferry sank shortly after rebels fired rockets at the harbour.", "fired"),
    ("Students rallied on Friday to protest the army's raid on the campus.", "raid"),
    ("Grain prices rose in the wake of the blockade of the port.", "blockade"),
    # a time word in the genitive
    ("Inspectors counted the damage from Tuesday's bombing of the dam.", "bombing"),
    ("Last week's arrests of three editors drew a rebuke from the bar.", "arrests"),
    ("The minister defended yesterday’s air strike in a televised address.", "air strike"),
    ("Shares fell after the harbour was blockaded by the navy.", "blockaded"),
    ("The envoy resigned in protest at the expulsion of the monitors.", "expulsion"),
])
def test_an_act_told_as_the_antecedent_of_other_news_is_a_recap(sentence, trigger):
    assert _recalls(sentence, trigger)


@pytest.mark.parametrize("sentence, trigger", [
    ("After the talks collapsed, the army shelled the town.", "shelled"),  # the clause ends first
    ("The army shelled the town on Tuesday.", "shelled"),
    ("The council called for a ceasefire in the valley.", "ceasefire"),  # bare "for" recalls nothing
    ("Rebels shelled the airport, days after troops retook the city.", "shelled"),  # the cue follows it
    ("Troops shelled the town and then, last week, withdrew.", "shelled"),  # the time is another clause's
    ("Planes flew over the capital and bombed the bridge.", "bombed"),
    # a past time expression is how a report dates its news, not a recap
    ("The general ordered the raid on the camp last week, his aides said.", "ordered the raid"),
    ("Borduran gunners recently shelled the depot outside Kassel.", "shelled"),
    ("The town was shelled in the days after the vote, and the mayor fled.", "mayor fled"),
])
def test_near_miss_an_act_reported_as_news_is_no_recap(sentence, trigger):
    assert not _recalls(sentence, trigger)


def _mention(incident, outlet, sentence, trigger, day, source=("Turkey", "TUR"), target=("Syria", "SYR")):
    return {"incident_id": incident, "event_id": incident + outlet, "article_id": outlet, "type": "ASSAULT",
            "quad_class": "material conflict", "certainty": "asserted", "involves": True,
            "source_name": source[0], "source_country": source[1], "source_sector": "GOV",
            "target_name": target[0], "target_country": target[1], "target_sector": "GOV", "place_name": None,
            "pub_date": date.fromisoformat(day), "event_date": date.fromisoformat(day), "date_precision": "day",
            "sentence": sentence, "sentence_start": 0, "trigger_start": sentence.index(trigger), "trigger": trigger}


REPORT = ("Turkish gunners shelled a Syrian army depot near the town of Kassel on Wednesday, destroying "
          "its fuel tanks.", "shelled")


def _happenings(mentions):
    groups = {}
    for m in mentions:
        m["recap"] = recalls(m)
        groups.setdefault(m["incident_id"], []).append(m)
    return {tuple(sorted(m["article_id"] for m in found)) for _, found, _ in same_happenings(groups)}


def test_a_recap_days_later_joins_the_happening_it_recalls():
    report = _mention("inc-a", "first", *REPORT, "2019-05-01")
    recap = _mention("inc-b", "second", "On Monday Damascus vowed revenge for the shelling of the army depot near "
                     "Kassel and its fuel tanks.", "shelling", "2019-05-06")
    assert _happenings([report, recap]) == {("first", "second")}
    after = _mention("inc-c", "third", "The depot near Kassel burned for two days after Turkish gunners shelled "
                     "its fuel tanks.", "shelled", "2019-05-09")
    assert _happenings([report, after]) == {("first", "third")}


def test_near_miss_a_recap_of_other_sides_other_words_or_long_after_stays_apart():
    report = _mention("inc-a", "first", *REPORT, "2019-05-01")
    recap = ("On Monday Damascus vowed revenge for the shelling of the army depot near Kassel and its fuel tanks.",
             "shelling")
    other_side = _mention("inc-b", "second", *recap, "2019-05-06", source=("Russia", "RUS"))
    assert _happenings([report, other_side]) == {("first",), ("second",)}
    long_after = _mention("inc-c", "third", *recap, "2019-05-20")
    assert _happenings([report, long_after]) == {("first",), ("third",)}
    other_words = _mention("inc-d", "fourth", "Ankara cut gas exports on Monday after the shelling of a convoy "
                           "in the north.", "shelling", "2019-05-06")
    assert _happenings([report, other_words]) == {("first",), ("fourth",)}
    # one of several acts a list recalls: its own clause, not the sentence's other news
    # (which names the depot), must say what the report says
    listed = _mention("inc-f", "sixth", "After blockading a port and shelling a border post with mortars, "
                      "Turkey now faces sanctions over the army depot near Kassel and its fuel tanks.", "shelling",
                      "2019-05-06")
    assert _happenings([report, listed]) == {("first",), ("sixth",)}
    # a report, not a recap, of a later day is another shelling
    again = _mention("inc-e", "fifth", "Turkish gunners shelled the army depot near Kassel again on Monday, "
                     "hitting its fuel tanks.", "shelled", "2019-05-06")
    assert _happenings([report, again]) == {("first",), ("fifth",)}


def _store(tmp_path, later_sentence, later_trigger, first_place="Idlib", later_place=None):
    first = article("r1", "Turkey shells a Syrian depot", [
        "Turkey shelled Syria's army depot near Idlib on Wednesday, destroying its fuel tanks.",
    ], outlet="Wire One", published="2019-05-02", events=(
        {"s": 0, "type": "ASSAULT", "trigger": "shelled", "source": "Turkey", "target": "Syria",
         "place": first_place, "date": "2019-05-01"},))
    later = article("r2", "Syria vows revenge on Turkey", [later_sentence], outlet="Wire Two",
                    published="2019-05-07", events=(
        {"s": 0, "type": "ASSAULT", "trigger": later_trigger, "source": "Turkey", "target": "Syria",
         "place": later_place, "date": "2019-05-06"},), quantities=((0, "300 families", 300, None, "families"),))
    return store_of(tmp_path / "s.duckdb", [first, later])


def test_the_brief_shows_a_recalled_happening_once_on_its_own_day(tmp_path):
    with _store(tmp_path, "On Monday Syria vowed revenge for Turkey's shelling of its army depot near Idlib, "
                          "where 300 families fled the fuel tanks.", "shelling") as store:
        brief = compose(store, about="Syria", since="2019-05-01", until="2019-05-10")
    force = [i for i in brief.timeline if i.type == "ASSAULT"]
    assert [(i.day, i.n_sources) for i in force] == [(date(2019, 5, 1), 2)]
    assert [(i.day, i.n_sources) for i in brief.headlines if i.type == "ASSAULT"] == [(date(2019, 5, 1), 2)]
    assert [i.place for i in force] == ["Idlib"]


def test_a_recap_gives_the_happening_it_joins_no_place(tmp_path):
    """The report names no place; the recap's sentence names where its own news is told."""
    with _store(tmp_path, "In Damascus on Monday Syria vowed revenge for Turkey's shelling of its army depot, "
                          "where 300 families fled the fuel tanks.", "shelling", first_place=None,
                later_place="Damascus") as store:
        brief = compose(store, about="Syria", since="2019-05-01", until="2019-05-10")
    force = [i for i in brief.timeline if i.type == "ASSAULT"]
    assert [(i.day, i.n_sources, i.place) for i in force] == [(date(2019, 5, 1), 2, None)]


def test_near_miss_a_second_report_of_a_later_day_stays_a_happening(tmp_path):
    with _store(tmp_path, "Turkey shelled Syria's army depot near Idlib again on Monday, and 300 families "
                          "fled the fuel tanks.", "shelled") as store:
        brief = compose(store, about="Syria", since="2019-05-01", until="2019-05-10")
    days = sorted(i.day for i in brief.timeline if i.type == "ASSAULT")
    assert days == [date(2019, 5, 1), date(2019, 5, 6)]


def test_near_miss_a_happening_known_only_from_a_recap_stays(tmp_path):
    """With no report of it in the store, a recap is the only word of the happening: the
    brief keeps it."""
    recap = article("r3", "Syria vows revenge", [
        "On Monday Syria vowed revenge for Turkey's shelling of its army depot near Idlib.",
    ], outlet="Wire Two", published="2019-05-07", events=(
        {"s": 0, "type": "ASSAULT", "trigger": "shelling", "source": "Turkey", "target": "Syria",
         "date": "2019-05-06"},))
    with store_of(tmp_path / "s.duckdb", [recap]) as store:
        brief = compose(store, about="Syria", since="2019-05-01", until="2019-05-10")
    assert [(i.day, i.n_sources) for i in brief.timeline if i.type == "ASSAULT"] == [(date(2019, 5, 6), 1)]
