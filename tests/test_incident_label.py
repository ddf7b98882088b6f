"""An incident's label: its best-specified event, with open roles filled only by what
several members say."""
from test_incidents import groups, store_docs, strike

from sitrep.corpus import queries


def test_a_label_is_not_patched_from_one_other_member(tmp_path):
    """The best-specified report leaves the source open: one other report's source (maybe
    another statement of its sentence) does not fill it; two reports naming it do. (The
    sentences name Colombia as the doer: the speaker of an attack, "..., Colombia said",
    names no label, linker 17.)"""
    best = strike("a", "Wire A", src=None, sentence="A naval base near Caracas was struck by aircraft at night.")
    one = strike("b", "Wire B", src="COL", tgt=None, place=None, status="alleged",
                 sentence="A naval base near Caracas was struck by aircraft of Colombia at night.")
    assert groups(store_docs(tmp_path, [best, one], name="one.duckdb")) == [["a", "b"]]
    with_one = queries.incidents(store_docs(tmp_path, [best, one], name="one2.duckdb"))[0]
    assert with_one["label"] == "ASSAULT: ? -> Venezuela in Caracas"
    two = strike("c", "Wire C", src="COL", tgt=None, place=None, status="alleged",
                 sentence="A naval base near Caracas was struck by aircraft of Colombia at night.")
    with_two = queries.incidents(store_docs(tmp_path, [best, one, two], name="two.duckdb"))[0]
    assert with_two["label"] == "ASSAULT: Colombia -> Venezuela in Caracas"


def _mention(event_id, article_id, key, source_name=None, place_name=None):
    from datetime import date

    from sitrep.corpus.incidents import Mention
    return Mention(event_id=event_id, article_id=article_id, type="ASSAULT", outlet=key, independent_key=key,
                   certainty="asserted", lo=date(2024, 3, 1), hi=date(2024, 3, 1), precision="day",
                   pub_date=date(2024, 3, 2), source_name=source_name, target_name="Venezuela",
                   target_country="VEN", place_name=place_name, place_country="VEN" if place_name else None,
                   place_feature="city" if place_name else None, lat=10.5 if place_name else None,
                   lon=-66.9 if place_name else None)


def test_two_mentions_in_one_article_are_one_source_for_a_label_role():
    """An open role is filled from what several independent sources say: one article (or
    its near-duplicate copy, same independent key) naming a source twice is one voice."""
    from sitrep.corpus.incidents import describe
    best = _mention("a1", "a", "Wire A", place_name="Caracas")
    twice = [_mention("b1", "b", "Wire B", source_name="Colombia"),
             _mention("b2", "b", "Wire B", source_name="Colombia")]
    members = [best, *twice]
    assert describe("i1", members, members)["source_name"] is None
    other = _mention("c1", "c", "Wire C", source_name="Colombia")
    members = [best, *twice, other]
    assert describe("i1", members, members)["source_name"] == "Colombia"


def test_the_label_names_the_actors_before_the_place():
    """'Explosions were heard in Caracas' (a city, no attacker) does not name an incident
    that another report tells as 'US aircraft struck targets' (both roles, no place)."""
    from sitrep.corpus.incidents import describe
    heard = _mention("a1", "a", "Wire A", place_name="Caracas")
    struck = _mention("b1", "b", "Wire B", source_name="United States")
    struck.source_country = "USA"
    members = [heard, struck]
    assert describe("i1", members, members)["headline_event"] == "b1"


def test_a_ground_happening_takes_its_place_from_a_member_with_a_point():
    """The label event names no place; a member's city (which passed the distance test and
    gives the incident's map point) names it, for a happening on the ground only."""
    from sitrep.corpus.incidents import describe
    heard = _mention("a1", "a", "Wire A", place_name="Caracas")
    struck = _mention("b1", "b", "Wire B", source_name="United States")
    struck.source_country = "USA"
    assert describe("i1", [heard, struck], [heard, struck])["label"] == "ASSAULT: United States -> Venezuela in Caracas"
    for m in (heard, struck):
        m.type = "ACCUSE"  # a statement is not bound to where one outlet says it was made
    assert describe("i1", [heard, struck], [heard, struck])["label"] == "ACCUSE: United States -> Venezuela"


def test_the_source_two_outlets_agree_on_outweighs_a_better_date():
    """One report dated by its day names an aide as the source ("decided against the advice
    of the defence secretary"); two outlets, dated only by publication, name the president:
    the label names the president."""
    from sitrep.corpus.incidents import describe
    aide = _mention("a1", "a", "Wire A", source_name="Jim Mattis")
    told = [_mention("b1", "b", "Wire B", source_name="Donald Trump"),
            _mention("c1", "c", "Wire C", source_name="Donald Trump")]
    for m in (aide, *told):
        m.type, m.source_country = "RETREAT", "USA"
    for m in told:
        m.precision = "publication"
    members = [aide, *told]
    assert describe("i1", members, members)["source_name"] == "Donald Trump"
    # one outlet alone corroborates nothing: the best-dated report names the incident
    members = [aide, told[0]]
    assert describe("i1", members, members)["source_name"] == "Jim Mattis"


def test_a_ground_happening_is_placed_at_a_members_point_rather_than_a_country():
    """The label event names only a country ("the U.S." read as the place of troops deployed
    in Syria); another member gives the map point: the label names that place."""
    from sitrep.corpus.incidents import describe
    country = _mention("a1", "a", "Wire A", source_name="United States")
    country.place_name, country.place_country = "United States", "US"
    city = _mention("b1", "b", "Wire B", place_name="Caracas")
    members = [country, city]
    assert describe("i1", members, members)["label"] == "ASSAULT: United States -> Venezuela in Caracas"
