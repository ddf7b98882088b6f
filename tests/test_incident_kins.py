"""One statement coded under another type by another outlet (a kin of types, windows.tsv)
is one incident when the wording agrees; within one article two types stay two happenings."""
from corpus_helpers import make_doc
from test_incidents import groups, store_docs, strike

from sitrep.knowledge.linking import rule_for

RETORT_A = "The defence minister of Venezuela called the American warning of an invasion sheer lunacy and folly."
RETORT_B = "Venezuela's defence minister described the American warning of an invasion as lunacy and folly."


def test_kins_share_a_family_but_not_a_kin():
    assert rule_for("AGREE").family == rule_for("THREATEN").family
    assert rule_for("AGREE").kin != rule_for("THREATEN").kin
    assert rule_for("ASSAULT").family != rule_for("THREATEN").family


def test_one_retort_coded_under_two_types_by_two_outlets_is_one_incident(tmp_path):
    a = strike("a", "Wire A", typ="AGREE", sentence=RETORT_A, src=None, tgt="VEN", place=None)
    b = strike("b", "Wire B", typ="THREATEN", sentence=RETORT_B, src=None, tgt="VEN", place=None)
    assert groups(store_docs(tmp_path, [a, b])) == [["a", "b"]]


def test_another_kin_needs_more_text_than_the_same_kin(tmp_path):
    """Wording that links two reports of one type is not enough across kins."""
    first = "Venezuela's defence minister rejected the American warning at a rally in the capital."
    second = "The minister mocked the warning during a televised speech on Sunday."  # text similarity ~0.28
    same = [strike("a", "Wire A", typ="REJECT", sentence=first, src="VEN", tgt="USA", place=None),
            strike("b", "Wire B", typ="ACCUSE", sentence=second, src="VEN", tgt="USA", place=None)]
    other = [strike("c", "Wire C", typ="REJECT", sentence=first, src="VEN", tgt="USA", place=None),
             strike("d", "Wire D", typ="AGREE", sentence=second, src="VEN", tgt="USA", place=None)]
    assert groups(store_docs(tmp_path, same, name="same.duckdb")) == [["a", "b"]]
    assert groups(store_docs(tmp_path, other, name="other.duckdb")) == [["c"], ["d"]]


def test_two_types_of_one_article_stay_two_happenings(tmp_path):
    """A condemnation and a meeting in one article, with the same actors and words, are two."""
    s1 = "Colombia condemned the American strike on Venezuela at the council in New York."
    s2 = "Colombia asked the council in New York to meet about the American strike on Venezuela."
    doc = make_doc("a", [s1, s2], outlet="Wire A", events=[
        (0, "ACCUSE", "condemned", "COL", "USA", None, "2025-12-09"),
        (1, "CONSULT", "meet", "COL", "USA", None, "2025-12-09")])
    assert groups(store_docs(tmp_path, [doc])) == [["a"], ["a"]]


def test_a_label_is_not_patched_from_one_other_member(tmp_path):
    """The best-specified report leaves the source open: one other report's source (maybe
    another statement of its sentence) does not fill it; two reports naming it do."""
    best = strike("a", "Wire A", src=None, sentence="A naval base near Caracas was struck by aircraft at night.")
    one = strike("b", "Wire B", src="COL", tgt=None, place=None, status="alleged",
                 sentence="A naval base near Caracas was struck by aircraft at night, Colombia said.")
    assert groups(store_docs(tmp_path, [best, one], name="one.duckdb")) == [["a", "b"]]
    from sitrep.corpus import queries
    with_one = queries.incidents(store_docs(tmp_path, [best, one], name="one2.duckdb"))[0]
    assert with_one["label"] == "ASSAULT: ? -> Venezuela in Caracas"
    two = strike("c", "Wire C", src="COL", tgt=None, place=None, status="alleged",
                 sentence="A naval base near Caracas was struck by aircraft at night, Colombia said.")
    with_two = queries.incidents(store_docs(tmp_path, [best, one, two], name="two.duckdb"))[0]
    assert with_two["label"] == "ASSAULT: Colombia -> Venezuela in Caracas"
