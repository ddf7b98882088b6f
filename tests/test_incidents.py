import pytest

from corpus_helpers import make_doc
from sitrep.corpus import queries
from sitrep.corpus.incidents import haversine_km, rebuild_incidents
from sitrep.corpus.store import Store, content_hash


def store_docs(tmp_path, docs, duplicate_of=None):
    store = Store(tmp_path / "inc.duckdb")
    with store.transaction():
        for d in docs:
            store.add_document(d.to_dict(), content_hash(d.article.text),
                               duplicate_of=(duplicate_of or {}).get(d.article.id))
    rebuild_incidents(store)
    return store


def strike(aid, outlet, place="Caracas", day="2025-12-09", status="asserted", src="USA", tgt="VEN",
           typ="ASSAULT", published="2025-12-10", sentence="US aircraft struck a base at night."):
    return make_doc(aid, [sentence], outlet=outlet, published=published,
                    events=[(0, typ, sentence.split()[2], src, tgt, place, day, status)])


def groups(store):
    rows = store.rows("SELECT incident_id, event_id FROM incident_mentions ORDER BY event_id")
    by = {}
    for r in rows:
        by.setdefault(r["incident_id"], []).append(r["event_id"].split("#")[0])
    return sorted(sorted(v) for v in by.values())


def test_haversine():
    assert haversine_km(10.49, -66.88, 10.60, -66.93) == pytest.approx(13.3, abs=1.0)


def test_same_strike_from_three_outlets_is_one_incident(tmp_path):
    store = store_docs(tmp_path, [strike("a", "Wire A"), strike("b", "Wire B", place="La Guaira", day="2025-12-10"),
                                  strike("c", "Wire C", place=None, src=None)])
    assert groups(store) == [["a", "b", "c"]]
    inc = queries.incidents(store)[0]
    assert inc["n_sources"] == 3 and inc["n_articles"] == 3
    assert inc["first_reported"].isoformat() == "2025-12-10"
    assert set(inc["certainty"]) == {"Wire A", "Wire B", "Wire C"}


@pytest.mark.parametrize("other", [
    dict(place="Port of Spain"),  # > 150 km away
    dict(day="2025-12-12"),  # outside the +-1 day window for ASSAULT
    dict(src="COL"),  # a different attacker
    dict(typ="PROTEST", sentence="US aircraft protested a base at night."),  # another family
])
def test_incompatible_mentions_stay_apart(tmp_path, other):
    store = store_docs(tmp_path, [strike("a", "Wire A"), strike("b", "Wire B", **other)])
    assert groups(store) == [["a"], ["b"]]


def test_a_sea_or_region_does_not_veto_a_city(tmp_path):
    store = store_docs(tmp_path, [strike("a", "Wire A", place="Caribbean"), strike("b", "Wire B", place="Caracas")])
    assert groups(store) == [["a", "b"]]


def test_verbal_events_get_a_wider_window(tmp_path):
    acc = dict(typ="ACCUSE", sentence="Caracas officials accused Washington of piracy.", src="VEN", tgt="USA",
               place=None)
    store = store_docs(tmp_path, [strike("a", "A", day="2025-12-09", **acc), strike("b", "B", day="2025-12-12", **acc)])
    assert groups(store) == [["a", "b"]]


def test_no_chaining_beyond_one_window(tmp_path):
    docs = [strike(f"s{i}", f"Wire {i}", day=f"2025-12-{9 + i:02d}") for i in range(4)]  # 9, 10, 11, 12
    store = store_docs(tmp_path, docs)
    assert max(len(g) for g in groups(store)) <= 2


def test_near_duplicate_copy_is_not_an_independent_source(tmp_path):
    store = store_docs(tmp_path, [strike("a", "Wire A"), strike("copy", "Reposter"), strike("b", "Wire B")],
                       duplicate_of={"copy": "a"})
    inc = queries.incidents(store)[0]
    assert inc["n_articles"] == 3 and inc["n_sources"] == 2


def test_denial_makes_the_incident_conflicted(tmp_path):
    store = store_docs(tmp_path, [strike("a", "Wire A"), strike("b", "State TV", status="denied")])
    inc = queries.incidents(store)[0]
    assert inc["conflicted"] is True
    assert inc["certainty"]["State TV"] == ["denied"]
    store2 = store_docs(tmp_path / "x", [strike("a", "Wire A"), strike("b", "Wire B", status="reported")]) \
        if (tmp_path / "x").mkdir() is None else None
    assert queries.incidents(store2)[0]["conflicted"] is False


def test_rebuild_is_deterministic_and_replaces(tmp_path):
    store = store_docs(tmp_path, [strike("a", "A"), strike("b", "B")])
    first = store.rows("SELECT * FROM incidents ORDER BY incident_id")
    assert rebuild_incidents(store) == len(first)
    assert store.rows("SELECT * FROM incidents ORDER BY incident_id") == first


def test_mentions_without_actors_or_place_need_shared_words(tmp_path):
    bare = dict(src=None, tgt=None, place=None, typ="ACCUSE")
    store = store_docs(tmp_path, [
        strike("a", "A", sentence="Officials accused the navy of sinking fishing boats near the coast.", **bare),
        strike("b", "B", sentence="Officials accused the navy of sinking fishing boats off the coast.", **bare),
        strike("c", "C", sentence="Lawmakers accused ministers of hiding budget figures from parliament.", **bare),
    ])
    assert groups(store) == [["a", "b"], ["c"]]
