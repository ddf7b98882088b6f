from datetime import date, timedelta

import pytest

from corpus_helpers import make_doc
from sitrep.corpus import queries
from sitrep.corpus.incidents import (LINKER_VERSION, haversine_km, rebuild_incidents, similarity, text_features,
                                     update_incidents)
from sitrep.corpus.store import Store, content_hash
from sitrep.model import Actor


def add(store, docs, duplicate_of=None):
    with store.transaction():
        for d in docs:
            store.add_document(d.to_dict(), content_hash(d.article.text),
                               duplicate_of=(duplicate_of or {}).get(d.article.id))


def store_docs(tmp_path, docs, duplicate_of=None, name="inc.duckdb"):
    store = Store(tmp_path / name)
    add(store, docs, duplicate_of)
    rebuild_incidents(store)
    return store


def strike(aid, outlet, place="Caracas", day="2025-12-09", status="asserted", src="USA", tgt="VEN",
           typ="ASSAULT", published="2025-12-10", sentence="US aircraft struck a naval base near Caracas at night."):
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
    dict(place="Maracaibo"),  # > 60 km away: another strike
    dict(day="2025-12-12", published="2025-12-13"),  # outside the one-day window for ASSAULT
    dict(src="COL"),  # a different attacker
    dict(typ="PROTEST", sentence="US aircraft protested a naval base near Caracas at night."),  # another family
    dict(sentence="US aircraft hit fishing boats off Maracaibo harbour, killing eleven."),  # another story
])
def test_incompatible_mentions_stay_apart(tmp_path, other):
    store = store_docs(tmp_path, [strike("a", "Wire A"), strike("b", "Wire B", **other)])
    assert groups(store) == [["a"], ["b"]]


def test_a_sea_or_region_does_not_veto_a_city(tmp_path):
    store = store_docs(tmp_path, [strike("a", "Wire A", place="Caribbean"), strike("b", "Wire B", place="Caracas")])
    assert groups(store) == [["a", "b"]]


@pytest.mark.parametrize("places", [
    ("Zulia", "Maracaibo"),  # a province and a town of it over 60 km from its centre
    ("Maracaibo", "Zulia"),  # the town first: the province joins it
    ("Zulia", "Zulia"),  # the province named by both
])
def test_a_province_is_an_area_not_a_point(tmp_path, places):
    first, second = places
    store = store_docs(tmp_path, [strike("a", "Wire A", place=first), strike("b", "Wire B", place=second)])
    assert groups(store) == [["a", "b"]]


@pytest.mark.parametrize("places", [
    ("Zulia", "Norte de Santander"),  # provinces of two countries
    ("Norte de Santander", "Maracaibo"),  # a province and a town of another country
    ("Zulia", "Tachira"),  # two provinces of one country (review 00:13)
    ("Caracas", "Zulia"),  # a town of another province of the country, first ...
    ("Zulia", "Caracas"),  # ... or second
])
def test_a_place_outside_the_province_still_vetoes(tmp_path, places):
    first, second = places
    store = store_docs(tmp_path, [strike("a", "Wire A", place=first), strike("b", "Wire B", place=second)])
    assert groups(store) == [["a"], ["b"]]


def test_verbal_events_get_a_wider_window(tmp_path):
    acc = dict(typ="ACCUSE", sentence="Caracas officials accused Washington of piracy on the high seas.", src="VEN",
               tgt="USA", place=None)
    store = store_docs(tmp_path, [strike("a", "A", day="2025-12-09", **acc),
                                  strike("b", "B", day="2025-12-11", published="2025-12-11", **acc),
                                  strike("c", "C", day="2025-12-14", published="2025-12-14", **acc)])
    assert groups(store) == [["a", "b"], ["c"]]


def test_no_chaining_beyond_one_window(tmp_path):
    # 9, 10, 11, 12, each published the day it happened (a report dated after its own
    # publication day would be a misread date: see the date slip test)
    docs = [strike(f"s{i}", f"Wire {i}", day=f"2025-12-{9 + i:02d}", published=f"2025-12-{9 + i:02d}")
            for i in range(4)]
    store = store_docs(tmp_path, docs)
    assert max(len(g) for g in groups(store)) <= 2


def test_an_undated_article_is_never_a_wildcard(tmp_path):
    """Without a publication date or a date in its text, a mention links within its own
    article only, however similar it is to dated reports."""
    undated = strike("u", "Blog", day=None, published=None)
    store = store_docs(tmp_path, [strike("a", "Wire A"), undated, strike("b", "Wire B", day="2026-03-01")])
    assert groups(store) == [["a"], ["b"], ["u"]]
    inc = next(i for i in queries.incidents(store) if i["n_articles"] == 1 and i["date_start"] is None)
    assert inc["date_precision"] is None


def test_an_inferred_publication_date_counts(tmp_path):
    inferred = strike("i", "Blog", day=None, published="2025-12-10")
    inferred.article.published_inferred = True
    store = store_docs(tmp_path, [strike("a", "Wire A"), inferred])
    assert groups(store) == [["a", "i"]]


def test_state_and_opposition_of_one_country_are_different_actors(tmp_path):
    call = "called supporters onto the streets of Caracas for a march on Wednesday."
    a = strike("a", "A", typ="REQUEST", src="VEN", tgt=None, sentence="Opposition leader Guaido " + call)
    b = strike("b", "B", typ="REQUEST", src="VEN", tgt=None, sentence="President Maduro also " + call)
    a.events[0].source.sector, b.events[0].source.sector = "OPP", "GOV"
    store = store_docs(tmp_path, [a, b])
    assert groups(store) == [["a"], ["b"]]


def test_symmetric_types_allow_swapped_roles(tmp_path):
    meet = dict(typ="CONSULT", place=None, sentence="Venezuelan and US envoys held talks in Doha on the prisoner swap.")
    store = store_docs(tmp_path, [strike("a", "A", src="USA", tgt="VEN", **meet),
                                  strike("b", "B", src="VEN", tgt="USA", **meet)])
    assert groups(store) == [["a", "b"]]
    accuse = dict(typ="ACCUSE", place=None, sentence="Officials accused the other side of lying about the prisoner swap.")
    store = store_docs(tmp_path / "x" if (tmp_path / "x").mkdir() is None else tmp_path,
                       [strike("a", "A", src="USA", tgt="VEN", **accuse), strike("b", "B", src="VEN", tgt="USA", **accuse)])
    assert groups(store) == [["a"], ["b"]]


def test_a_month_long_build_up_joins_its_day(tmp_path):
    build_up = dict(typ="MOBILIZE", place=None, tgt=None,
                    sentence="The Pentagon sent eight warships and a submarine to the southern Caribbean.")
    store = store_docs(tmp_path, [strike("a", "A", day="2025-08-20", published="2025-08-21", **build_up),
                                  strike("b", "B", day="2025-08", published="2025-09-03", **build_up),
                                  strike("c", "C", day="2025-10", published="2025-10-30", **build_up)])
    assert groups(store) == [["a", "b"], ["c"]]


def test_background_mentions_never_seed_an_incident_of_their_period(tmp_path):
    old = strike("old", "A", day="2025-12-09", sentence="US aircraft struck a naval base near Caracas at night.")
    old.events[0].background = True
    store = store_docs(tmp_path, [old])
    inc = queries.incidents(store)[0]
    assert inc["background"] is True  # an incident of its own, flagged, not news of the period
    news = strike("new", "B", day="2025-12-09")
    add(store, [news])
    update_incidents(store)
    assert groups(store) == [["new", "old"]]  # it may join the news report of the same strike
    assert queries.incidents(store)[0]["background"] is False


def test_the_label_is_the_best_specified_event(tmp_path):
    vague = strike("a", "A", src=None, tgt=None, place=None, status="alleged", published="2025-12-09",
                   sentence="A naval base near Caracas was struck at night, residents said.")
    precise = strike("b", "B", sentence="US aircraft struck a naval base near Caracas at night.")
    precise.events[0].target = Actor(span=(0, 2), text="Venezuela", name="Venezuela", country="VEN", kind="state")
    store = store_docs(tmp_path, [vague, precise])
    assert groups(store) == [["a", "b"]]
    inc = queries.incidents(store)[0]
    assert inc["label"] == "ASSAULT: United States -> Venezuela in Caracas"
    assert inc["headline_event"].startswith("b")
    assert inc["date_start"] == date(2025, 12, 9) and inc["date_precision"] == "day"


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
    store2 = store_docs(tmp_path, [strike("a", "Wire A"), strike("b", "Wire B", status="reported")], name="b.duckdb")
    assert queries.incidents(store2)[0]["conflicted"] is False


def test_rebuild_is_deterministic_and_replaces(tmp_path):
    store = store_docs(tmp_path, [strike("a", "A"), strike("b", "B")])
    first = store.rows("SELECT * FROM incidents ORDER BY incident_id")
    assert rebuild_incidents(store) == len(first)
    assert store.rows("SELECT * FROM incidents ORDER BY incident_id") == first
    assert {r["linker"] for r in first} == {LINKER_VERSION}


def test_mentions_without_actors_or_place_need_shared_words(tmp_path):
    bare = dict(src=None, tgt=None, place=None, typ="ACCUSE")
    store = store_docs(tmp_path, [
        strike("a", "A", sentence="Officials accused the navy of sinking fishing boats near the coast.", **bare),
        strike("b", "B", sentence="Officials accused the navy of sinking fishing boats off the coast.", **bare),
        strike("c", "C", sentence="Lawmakers accused ministers of hiding budget figures from parliament.", **bare),
    ])
    assert groups(store) == [["a", "b"], ["c"]]


def test_text_evidence_weighs_names_and_numbers_not_reporting_words():
    a = text_features("A bomb killed 16 people outside a bakery in Hasakeh on Tuesday, the monitor said.")
    b = text_features("Sixteen were killed when a bomber struck a Hasakeh bakery, officials told reporters.")
    assert "#16" in a and "said" not in a and "tuesday" not in a
    assert similarity(a, b) > similarity(a, text_features("Officials told reporters on Tuesday what they said."))
    assert similarity(a, a) == pytest.approx(1.0)
    assert similarity(a, {}) == 0.0


# -- incremental linking ------------------------------------------------------------------------

STORIES = [
    ("ASSAULT", "US aircraft struck a naval base near Caracas", "USA", "VEN", "Caracas"),
    ("ASSAULT", "Gunmen attacked a police post in Maracaibo", None, "VEN", "Maracaibo"),
    ("ACCUSE", "Caracas accused Washington of piracy over the seized tanker", "VEN", "USA", None),
    ("MOBILIZE", "The navy sent more warships to the Caribbean", "USA", None, "Caribbean"),
    ("REQUEST", "Lawmakers demanded an inquiry into the boat strikes", "USA", "USA", None),
]


def corpus(n_days=150, outlets=3):
    """Articles over five months: each story recurs every few days (distinct happenings),
    each happening told by several outlets; some undated, some background."""
    start = date(2025, 6, 1)
    docs = []
    for day in range(0, n_days, 2):
        for k, (typ, text, src, tgt, place) in enumerate(STORIES):
            if (day + k) % 3:
                continue
            when = start + timedelta(days=day)
            for o in range(outlets):
                aid = f"d{day:03d}-s{k}-o{o}"
                published = None if (day + o) % 17 == 0 else (when + timedelta(days=o % 2)).isoformat()
                sentence = f"{text} on day {day} in operation {day // 4}, wire {o} reported."
                doc = strike(aid, f"Outlet {o}", place=place, day=_story_date(when, day, o),
                             src=src, tgt=tgt, typ=typ, published=published, sentence=sentence)
                doc.events[0].background = (day + o) % 11 == 0
                docs.append(doc)
    return docs


def _story_date(when, day, outlet):
    """The date an outlet's text gives: the day, none (dated by publication), or only the
    week or the month (coarse dates link after the fine ones)."""
    if outlet == 1:
        return None
    if outlet == 2 and day % 10 == 0:
        return when.strftime("%Y-%m")
    if outlet == 2 and day % 10 == 4:
        return f"{when.isocalendar()[0]}-W{when.isocalendar()[1]:02d}"
    return when.isoformat()


def snapshot(store):
    incidents = store.rows("SELECT * FROM incidents ORDER BY incident_id")
    mentions = store.rows("SELECT * FROM incident_mentions ORDER BY event_id")
    return incidents, mentions


def test_incremental_linking_equals_a_full_rebuild(tmp_path):
    docs = corpus()
    # late news first, then the start and the middle of the period (old news arriving late)
    batches = [docs[len(docs) // 2:], docs[: len(docs) // 4], docs[len(docs) // 4: len(docs) // 2]]
    inc = Store(tmp_path / "incremental.duckdb")
    for batch in batches:
        add(inc, batch)
        update_incidents(inc)
    full = Store(tmp_path / "full.duckdb")
    for batch in batches:
        add(full, batch)
    rebuild_incidents(full)
    assert snapshot(inc) == snapshot(full)
    assert len(snapshot(full)[0]) > 50 and max(r["n_articles"] for r in snapshot(full)[0]) >= 2


def test_incremental_linking_after_a_replaced_article_equals_a_full_rebuild(tmp_path):
    docs = corpus(n_days=60)
    inc = Store(tmp_path / "incremental.duckdb")
    add(inc, docs)
    update_incidents(inc)
    victim = docs[len(docs) // 2].article.id
    # the article is updated: its old version and layers go, the new text comes in
    with inc.transaction():
        inc.delete_article(victim)
    replacement = strike(victim + "-v2", "Outlet 0", day="2025-07-01", published="2025-07-01")
    add(inc, [replacement])
    update_incidents(inc)
    full = Store(tmp_path / "full.duckdb")
    add(full, [d for d in docs if d.article.id != victim] + [replacement])
    rebuild_incidents(full)
    assert snapshot(inc) == snapshot(full)


def test_update_without_new_events_writes_nothing(tmp_path):
    store = store_docs(tmp_path, [strike("a", "A"), strike("b", "B")])
    before = snapshot(store)
    assert update_incidents(store) == len(before[0])
    assert snapshot(store) == before


def test_update_relinks_everything_when_the_rules_changed(tmp_path):
    store = store_docs(tmp_path, [strike("a", "A"), strike("b", "B")])
    store.con.execute("UPDATE incidents SET linker = 'old'")
    update_incidents(store)
    assert {r["linker"] for r in store.rows("SELECT linker FROM incidents")} == {LINKER_VERSION}


def test_a_role_read_from_the_place_is_a_slip_not_another_actor(tmp_path):
    """'a strike in Caracas' read as struck by Venezuela: same report text, the odd
    country is the place's, so the reports still link; a third country does not."""
    sentence = "US aircraft struck a naval base near Caracas at night, killing two sailors."
    slip = strike("b", "Wire B", src="VEN", sentence=sentence)
    other = strike("c", "Wire C", src="COL", sentence=sentence)
    store = store_docs(tmp_path, [strike("a", "Wire A", sentence=sentence), slip, other])
    assert groups(store) == [["a", "b"], ["c"]]


def _offer(aid, outlet, sentences, mention_in=None, place=None, tgt=None):
    """An AGREE (asylum offer) read from sentence 0; ``mention_in``: another sentence of
    the article that reports the same offer (Event.mentions)."""
    from sitrep.model import TextSpan
    doc = make_doc(aid, sentences, outlet=outlet, events=[(0, "AGREE", sentences[0].split()[1], "VEN", tgt, place,
                                                            "2025-12-09")])
    if mention_in is not None:
        ev = doc.events[0]
        start = sum(len(s) + 1 for s in sentences[:mention_in])
        word = sentences[mention_in].split()[1]
        at = doc.article.text.index(word, start)
        ev.mentions = [ev.trigger, TextSpan((at, at + len(word)), word)]
    return doc


def test_every_sentence_reporting_the_event_is_text_evidence(tmp_path):
    """An event stands for all its mentions in the article (issue 7): another outlet may
    word the happening like its second sentence, not like the trigger's."""
    first = "Caracas announced an offer at a ceremony for independence day, officials said."
    second = "Maduro offered humanitarian asylum to the fugitive contractor Edward Snowden."
    other = ["Venezuela offered humanitarian asylum to Edward Snowden, the fugitive contractor."]
    linked = store_docs(tmp_path, [_offer("a", "Wire A", [first, second], mention_in=1), _offer("b", "Wire B", other)])
    assert groups(linked) == [["a", "b"]]
    # the same articles with the second sentence unknown as a mention of the event stay apart
    apart = store_docs(tmp_path, [_offer("a", "Wire A", [first, second]), _offer("b", "Wire B", other)],
                       name="apart.duckdb")
    assert groups(apart) == [["a"], ["b"]]


def test_a_statement_is_not_bound_to_the_country_named_with_it(tmp_path):
    """An offer read with Trinidad as its place by one outlet and Venezuela by another is
    one offer when the text says the same; a strike is where it is."""
    s = ["Venezuela offered humanitarian asylum to the fugitive contractor Edward Snowden on Monday."]
    store = store_docs(tmp_path, [_offer("a", "Wire A", s, place="Caracas"),
                                  _offer("b", "Wire B", s, place="Port of Spain")])
    assert groups(store) == [["a", "b"]]
    unlike = ["Venezuela offered oil shipments to its Caribbean neighbours at a summit on Monday."]
    store = store_docs(tmp_path, [_offer("a", "Wire A", s, place="Caracas"),
                                  _offer("b", "Wire B", unlike, place="Port of Spain")], name="unlike.duckdb")
    assert groups(store) == [["a"], ["b"]]
    struck = store_docs(tmp_path, [strike("a", "Wire A"), strike("b", "Wire B", place="Port of Spain")],
                        name="struck.duckdb")
    assert groups(struck) == [["a"], ["b"]]


def test_a_month_precise_report_joins_but_never_seeds(tmp_path):
    """Two outlets that date the same build-up only by its month are not linked on that
    alone (a month is no evidence of one happening); one that has the day links both."""
    build_up = dict(typ="MOBILIZE", place=None, tgt=None,
                    sentence="The Pentagon sent eight warships and a submarine to the southern Caribbean.")
    months = [strike("b", "B", day="2025-08", published="2025-09-03", **build_up),
              strike("c", "C", day="2025-08", published="2025-09-05", **build_up)]
    store = store_docs(tmp_path, months)
    assert groups(store) == [["b"], ["c"]]
    add(store, [strike("a", "A", day="2025-08-20", published="2025-08-21", **build_up)])
    update_incidents(store)
    assert groups(store) == [["a", "b", "c"]]


def test_incremental_update_of_spread_articles_equals_a_rebuild_of_the_same_store(tmp_path):
    """Articles arriving late all over the period (day, week and month dates, undated and
    background ones), one removed: the incremental update, then a full re-link of the same
    store, must give the same incidents."""
    docs = corpus()
    spread = docs[2::7]
    late = {d.article.id for d in spread}
    store = Store(tmp_path / "same.duckdb")
    add(store, [d for d in docs if d.article.id not in late])
    rebuild_incidents(store)
    victim = docs[len(docs) // 3].article.id
    assert victim not in late
    with store.transaction():
        store.delete_article(victim)
    add(store, spread)
    update_incidents(store)
    incremental = snapshot(store)
    rebuild_incidents(store)
    assert incremental == snapshot(store)
    joined = store.rows("SELECT count(*) AS n FROM incident_mentions im JOIN incident_keys k USING (event_id) "
                        "WHERE im.linked = 'dated' AND k.precision IN ('week', 'month') AND im.article_id IN "
                        "(SELECT unnest(?::VARCHAR[]))", [sorted(late)])[0]["n"]
    assert joined > 0  # late coarse-dated reports were placed, not only fine ones



def test_a_month_dated_background_summary_does_not_join_a_day(tmp_path):
    """"Since September, forces have struck 20 boats" (background, dated by its month)
    sums up a campaign: it is no report of the one strike of a day in that month, while a
    month-dated report that is news of its article still joins it."""
    campaign = dict(typ="ASSAULT", place=None, tgt=None,
                    sentence="US forces struck a boat in the southern Caribbean, killing eleven people.")
    day = strike("a", "A", day="2025-09-02", published="2025-09-03", **campaign)
    summary = strike("b", "B", day="2025-09", published="2025-11-14", **campaign)
    summary.events[0].background = True
    report = strike("c", "C", day="2025-09", published="2025-09-20", **campaign)
    store = store_docs(tmp_path, [day, summary, report])
    assert groups(store) == [["a", "c"], ["b"]]


def test_one_statement_filed_under_two_verbal_types_is_one_incident(tmp_path):
    """Outlets (and the events stage) file one statement under different verbal types
    (a warning read as THREATEN by one and AGREE by another): statements are one family."""
    said = "Defence minister Padrino called the Trump talk of a military intervention pure craziness."
    store = store_docs(tmp_path, [strike("a", "A", typ="THREATEN", src="USA", tgt="VEN", place=None, sentence=said),
                                  strike("b", "B", typ="AGREE", src="USA", tgt="VEN", place=None, sentence=said,
                                         day="2025-12-10")])
    assert groups(store) == [["a", "b"]]


def test_roles_swap_only_between_symmetric_types(tmp_path):
    """'A agreed with B' may be 'B agreed with A', never 'B threatened A': a symmetric
    type in a family of statements does not license swapped roles against an asymmetric one."""
    said = "Trump warned Maduro, who said he was willing to negotiate on oil and migration."
    store = store_docs(tmp_path, [strike("a", "A", typ="THREATEN", src="USA", tgt="VEN", place=None, sentence=said),
                                  strike("b", "B", typ="AGREE", src="VEN", tgt="USA", place=None, sentence=said)])
    assert groups(store) == [["a"], ["b"]]


def _band(a, b, low, high):
    """The two sentences' text overlap lies between the two thresholds a test is about."""
    value = similarity(text_features(a), text_features(b))
    assert low < value < high, value


def test_a_publication_date_alone_needs_more_text_across_articles(tmp_path):
    """A report without a date of its own ("has sanctioned dozens", a state as much as a
    happening) joins another outlet's dated report only on stronger text evidence."""
    dated = "The US Treasury sanctioned Venezuelan oil officials on Monday over the disputed vote count."
    undated = ("The administration has sanctioned dozens of Venezuelan judges and generals, a spokesman told "
               "reporters at a long briefing on trade.")
    _band(dated, undated, 0.30 - 2 * 0.03, 0.30 - 2 * 0.03 + 0.08)
    store = store_docs(tmp_path, [strike("a", "A", typ="SANCTION", place=None, day="2025-12-08", sentence=dated),
                                  strike("b", "B", typ="SANCTION", place=None, day=None, sentence=undated)])
    assert groups(store) == [["a"], ["b"]]


def _two_statements(aid, first, second, types):
    return make_doc(aid, [first, second], outlet="Wire", published="2025-11-25",
                    events=[(0, types[0], first.split()[3], "VEN", "USA", None, "2025-11-25"),
                            (1, types[1], second.split()[3], "VEN", "USA", None, "2025-11-25")])


def test_one_speakers_statement_over_two_sentences_is_one_incident(tmp_path):
    """In one article, on one day, the same speaker's rejection and call to the same
    addressee are one statement even when the two sentences share few words."""
    first = ("The foreign ministry flatly rejected the terror listing of the cartel as a ridiculous fabrication "
             "hurting the whole region, its lengthy statement added on television.")
    second = ("The minister also called on governments of the region to reject the threats and defend national "
              "sovereignty together.")
    _band(first, second, 0.12, 0.30 - 2 * 0.03)
    store = store_docs(tmp_path, [_two_statements("a", first, second, ("REJECT", "REQUEST"))])
    assert len(groups(store)) == 1


def test_an_offer_and_an_accusation_of_one_speaker_stay_apart(tmp_path):
    """Same speaker, addressee, day and article, but an offer (verbal cooperation) is not
    the accusation (verbal conflict) made next to it."""
    first = "Officials accused the government of preparing a military invasion to seize oil fields and ports."
    second = "The president said he was ready to talk with the government about migration and investment in oil."
    _band(first, second, 0.12, 0.30 - 2 * 0.03)
    store = store_docs(tmp_path, [_two_statements("a", first, second, ("ACCUSE", "AGREE"))])
    assert len(groups(store)) == 2


_STRUCK = "US aircraft struck a naval base near Puerto Cabello at night, killing four sailors."
_VOWED = "Defence minister Padrino vowed revenge for the Puerto Cabello raid and mobilised reservists."


def _undated(aid, sentences, types):
    """An article without a publication date whose sentences give no date either."""
    return make_doc(aid, sentences, outlet="Blog " + aid, published=None,
                    events=[(i, typ, s.split()[2], src, tgt, None, None)
                            for i, (s, (typ, src, tgt)) in enumerate(zip(sentences, types))])


def _dated_pair():
    return [strike("a", "Wire A", place=None, sentence=_STRUCK),
            strike("b", "Wire B", typ="THREATEN", src="VEN", tgt="USA", place=None, day="2025-12-10",
                   sentence=_VOWED)]


def test_an_undated_article_is_placed_by_two_reports_it_shares(tmp_path):
    """An article without any date whose two reports each match a dated incident of the
    same days is dated by them: its reports join those incidents."""
    undated = _undated("u", [_STRUCK, _VOWED], [("ASSAULT", "USA", "VEN"), ("THREATEN", "VEN", "USA")])
    store = store_docs(tmp_path, _dated_pair() + [undated])
    assert groups(store) == [["a", "u"], ["b", "u"]]


def test_an_undated_article_joins_an_incident_whose_dates_start_before_its_anchors(tmp_path):
    """Placed by two reports of 9-10 December, an undated article's third report joins the
    incident of a deployment dated the 8th: the deployment's window (three days) reaches
    the anchors' days, though it starts before the first of them."""
    deployed = "Venezuela deployed armoured units and reservists along the border with Colombia near Cucuta."
    earlier = strike("c", "Wire C", typ="MOBILIZE", src="VEN", tgt=None, place=None, day="2025-12-08",
                     published="2025-12-08", sentence=deployed)
    # much the same, yet too little to date the article on its own (ANCHOR_TEXT)
    moved = "Venezuela moved armoured units to the frontier near Cucuta and called up militia members in Tachira state."
    assert 0.42 < similarity(text_features(deployed), text_features(moved)) < 0.5
    undated = _undated("u", [_STRUCK, _VOWED, moved],
                       [("ASSAULT", "USA", "VEN"), ("THREATEN", "VEN", "USA"), ("MOBILIZE", "VEN", None)])
    store = store_docs(tmp_path, _dated_pair() + [earlier, undated])
    assert groups(store) == [["a", "u"], ["b", "u"], ["c", "u"]]


def test_one_shared_report_does_not_date_an_undated_article(tmp_path):
    """A single match, however close, may be a chance one: the article stays on its own."""
    undated = _undated("u", [_STRUCK], [("ASSAULT", "USA", "VEN")])
    store = store_docs(tmp_path, _dated_pair() + [undated])
    assert groups(store) == [["a"], ["b"], ["u"]]


def test_two_matches_weeks_apart_do_not_date_an_undated_article(tmp_path):
    docs = _dated_pair()
    docs[1] = strike("b", "Wire B", typ="THREATEN", src="VEN", tgt="USA", place=None, day="2026-01-20",
                     published="2026-01-21", sentence=_VOWED)
    undated = _undated("u", [_STRUCK, _VOWED], [("ASSAULT", "USA", "VEN"), ("THREATEN", "VEN", "USA")])
    store = store_docs(tmp_path, docs + [undated])
    assert groups(store) == [["a"], ["b"], ["u"], ["u"]]


def test_an_undated_article_placed_by_an_update_equals_a_rebuild(tmp_path):
    undated = _undated("u", [_STRUCK, _VOWED], [("ASSAULT", "USA", "VEN"), ("THREATEN", "VEN", "USA")])
    docs = _dated_pair() + [strike(f"x{i}", f"Wire {i}", day=f"2025-11-{10 + i}", published=f"2025-11-{10 + i}")
                            for i in range(4)]
    inc = Store(tmp_path / "incremental.duckdb")
    for batch in ([undated] + docs[2:], docs[:1], docs[1:2]):  # the undated article first, its matches later
        add(inc, batch)
        update_incidents(inc)
    full = Store(tmp_path / "full.duckdb")
    add(full, [undated] + docs)
    rebuild_incidents(full)
    assert snapshot(inc) == snapshot(full)
    assert ["a", "u"] in groups(full)


def test_a_misread_date_of_the_same_report_in_the_same_news_cycle_is_a_slip(tmp_path):
    """Two outlets publish the same report the same day; one dates it a week back (a
    weekday read against the wrong week). Much the same words in one news cycle: one
    happening. The same words published days later, loosely similar words the same day,
    or fresh dates on both sides (a campaign of strikes worded alike) stay apart."""
    same = "Government helicopters dropped barrel bombs on the market of Kafr Dael, killing nine civilians."
    loose = "Nine civilians died in Kafr Dael after an attack on a market, residents told reporters on the phone."

    def report(aid, day, published="2025-12-10", sentence=same):
        return strike(aid, f"Wire {aid}", place=None, src="SYR", tgt=None, day=day, published=published,
                      sentence=sentence)

    cases = [([report("a", "2025-12-09"), report("b", "2025-12-02")], [["a", "b"]]),
             ([report("a", "2025-12-09"), report("c", "2025-12-02", published="2025-12-13")], [["a"], ["c"]]),
             ([report("a", "2025-12-09"), report("d", "2025-12-02", sentence=loose)], [["a"], ["d"]]),
             ([report("a", "2025-12-09"), report("e", "2025-12-07", published="2025-12-08")], [["a"], ["e"]]),
             # a date months off is not a slip (and an incremental update could not find it)
             ([report("a", "2025-12-09"), report("f", "2025-09-02")], [["a"], ["f"]])]
    for n, (docs, expected) in enumerate(cases):
        assert groups(store_docs(tmp_path, docs, name=f"slip{n}.duckdb")) == expected, n
