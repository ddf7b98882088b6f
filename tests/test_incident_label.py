"""An incident's label: its best-specified event, with open roles filled only by what
several members say."""
from test_incidents import groups, store_docs, strike

from sitrep.corpus import queries


def test_a_label_is_not_patched_from_one_other_member(tmp_path):
    """The best-specified report leaves the source open: one other report's source (maybe
    another statement of its sentence) does not fill it; two reports naming it do."""
    best = strike("a", "Wire A", src=None, sentence="A naval base near Caracas was struck by aircraft at night.")
    one = strike("b", "Wire B", src="COL", tgt=None, place=None, status="alleged",
                 sentence="A naval base near Caracas was struck by aircraft at night, Colombia said.")
    assert groups(store_docs(tmp_path, [best, one], name="one.duckdb")) == [["a", "b"]]
    with_one = queries.incidents(store_docs(tmp_path, [best, one], name="one2.duckdb"))[0]
    assert with_one["label"] == "ASSAULT: ? -> Venezuela in Caracas"
    two = strike("c", "Wire C", src="COL", tgt=None, place=None, status="alleged",
                 sentence="A naval base near Caracas was struck by aircraft at night, Colombia said.")
    with_two = queries.incidents(store_docs(tmp_path, [best, one, two], name="two.duckdb"))[0]
    assert with_two["label"] == "ASSAULT: Colombia -> Venezuela in Caracas"
