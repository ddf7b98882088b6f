"""Text evidence between two reports: one shared word is none, a two-word sentence is none."""
from test_incidents import groups, store_docs, strike

from sitrep.corpus.incidents import similarity, text_features


def test_one_shared_name_is_no_evidence():
    a = text_features("Critics in parliament praised the boldness of Ortega yesterday.")
    b = text_features("Previous leaders had always been loyal defenders of Ortega abroad.")
    assert similarity(a, b) == 0.0
    c = text_features("Critics praised the boldness of Ortega at the summit.")
    assert similarity(a, c) > 0.3


def test_a_two_word_sentence_links_no_other_outlet(tmp_path):
    long = "The minister wrote on social media that the naval drills would be cancelled next month."
    docs = [strike("a", "Wire A", typ="ACCUSE", sentence=long, src="VEN", tgt="USA", place=None),
            strike("b", "Wire B", typ="ACCUSE", sentence="The minister wrote.", src="VEN", tgt="USA", place=None)]
    assert groups(store_docs(tmp_path, docs)) == [["a"], ["b"]]
