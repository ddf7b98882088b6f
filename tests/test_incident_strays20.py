"""Strays within one article, and labels that name the speaker as the doer (linker 17).

* A later mention of an article's incident "with no actors of its own" ("the strikes")
  joins it on no text: a mention that names its own source ("Cruise firms urged
  passengers to be patient") is another party's act or statement, not a recap.
* One speaker's statements to one addressee in one article join on little text: two
  speakers of one country to one addressee are two statements.
* The linked headline of another story glued into a sentence (a web page's link card)
  reports nothing of the article's news: it joins no incident and names no label.
* A label names a material act's doer, not the one who says it happened.
Invented sentences and hand-built mentions, the real linker."""
from datetime import date

from sitrep.corpus.incidents import Cluster, Mention, describe, label_source

DAY = date(2025, 6, 2)


def _mention(event_id, sentence, trigger, *, typ="REQUEST", article="art-a", outlet="Wire A", src=None,
             src_country=None, tgt=None, tgt_country=None, sector=None, sentence_start=0):
    """A mention of an invented article dated 2 June 2025, its trigger found in its sentence."""
    at = sentence.index(trigger)
    return Mention(event_id=event_id, article_id=article, type=typ, outlet=outlet, independent_key=outlet,
                   certainty="asserted", lo=DAY, hi=DAY, precision="day", pub_date=DAY,
                   source_name=src, source_country=src_country, source_sector=sector, target_name=tgt,
                   target_country=tgt_country, sentence=sentence, sentence_start=sentence_start,
                   trigger_start=sentence_start + at, trigger_end=sentence_start + at + len(trigger))


def _incident(*members):
    cluster = Cluster(seed=members[0])
    for m in members:
        cluster.add(m)
    return cluster


LEAD = "The Ruritanian finance minister urged Freedonia on Monday to reopen the harbour of Port Lanz to grain ships."


def test_a_mention_naming_its_own_source_is_no_recap():
    """Near miss of the recap rule: the later sentence shares no words with the lead and
    has no country on either side, but it names who speaks (the ferry companies)."""
    lead = _mention("e1", LEAD, "urged", src="finance minister", src_country="RUR", tgt="Freedonia",
                    tgt_country="FRE", sector="GOV")
    other = _mention("e2", "Several ferry companies, caught off guard, were asking ticket holders to wait for news.",
                     "asking", src="Several ferry companies", sentence_start=200)
    assert _incident(lead).fit(other) is None


def test_a_mention_without_actors_is_still_a_recap():
    """The recap rule itself: the same sentence without a named source joins its
    article's incident of that family on the same date."""
    lead = _mention("e1", LEAD, "urged", src="finance minister", src_country="RUR", tgt="Freedonia",
                    tgt_country="FRE", sector="GOV")
    recap = _mention("e2", "Ticket holders were asked to wait for news.", "asked", sentence_start=200)
    assert _incident(lead).fit(recap) is not None


def test_two_speakers_of_one_country_are_two_statements_in_their_article():
    """Two officials of one government, each to Freedonia, in one article: sharing the
    names of the crisis is not enough (one speaker's statements would join on it)."""
    first = _mention("e1", "Anna Berg, the Ruritanian trade envoy, urged Freedonia to lift the grain tariff soon.",
                     "urged", src="Anna Berg", src_country="RUR", tgt="Freedonia", tgt_country="FRE")
    second = _mention("e2", "Tomas Holm asked Freedonia to send observers to the grain depots at the Lanz border crossing.",
                      "asked", src="Tomas Holm", src_country="RUR", tgt="Freedonia", tgt_country="FRE",
                      sentence_start=200)
    same = _mention("e3", "Berg asked Freedonia to send observers to the grain depots at the Lanz border crossing.",
                    "asked", src="Berg", src_country="RUR", tgt="Freedonia", tgt_country="FRE",
                    sentence_start=200)
    assert first.similarity(second) < 0.24  # only the shared names: below the usual cross-sentence need
    assert _incident(first).fit(second) is None
    assert _incident(first).fit(same) is not None  # one speaker's two statements to one addressee join


CARD = ("Senator Ann Roe Ann Margaret RoeRuritanian jets struck Port Lanz harbour, killing guards Harbour strike "
        "enters third week MORE said the harbour would stay closed.")


def test_a_trigger_in_a_link_card_joins_nothing_and_names_no_label():
    """The card's headline (another story of the site, worded much like the news) tells
    another story: its event neither joins the article's incident nor is joined, and names
    no one as the doer."""
    card = _mention("e1", CARD, "struck", typ="ASSAULT", src="Ruritanian jets", src_country="RUR")
    strike = _mention("e2", "Ruritanian jets struck the harbour of Port Lanz on Monday, killing four guards.",
                      "struck", typ="ASSAULT", src="Ruritanian jets", src_country="RUR", sentence_start=300)
    assert card.in_link_card and not strike.in_link_card
    assert card.similarity(strike) >= 0.3  # the words alone would link them
    assert _incident(strike).fit(card) is None
    assert _incident(card).fit(strike) is None
    assert label_source(card) == (None, None)


def test_the_speaker_of_a_material_act_does_not_name_the_label():
    """A senator who says the army shelled the town is not the shelling's doer; another
    outlet's report naming the army names the incident. Near miss: a doer who is the
    subject of the act keeps the name."""
    said = _mention("e1", "The army shelled the town of Lanz overnight, said Senator Ann Roe.", "shelled",
                    typ="ASSAULT", src="Ann Roe", src_country="RUR", sector="LEG")
    assert label_source(said) == (None, None)
    alone = describe("inc-x", [said], [said])
    assert alone["label"].startswith("ASSAULT: ? ->")
    army = _mention("e2", "Ruritanian troops shelled the town of Lanz overnight.", "shelled", typ="ASSAULT",
                    article="art-b", outlet="Wire B", src="Ruritanian troops", src_country="RUR", sector="MIL")
    assert label_source(army) == ("Ruritanian troops", "RUR")
    row = describe("inc-x", [said, army], [said, army])
    assert row["headline_event"] == "e2"
    assert row["source_name"] == "Ruritanian troops"
