"""Session 10 (dates11): an act introduced by "after"/"following" on a main act told as
background is background too; "recently" on a perfect keeps it news. Every text is made
up for these tests."""
from sitrep import pipeline
from sitrep.model import Article

#: two lead paragraphs: the body recap rules only apply after the story's lead
LEAD = ("Zarnian troops shelled the port of Karavan on Monday, officials in Orvalo said.\n\n"
        "The governor of Karavan condemned the shelling on Tuesday and asked Orvalo for help.\n\n")


def run(kb, body, published="2024-05-22"):
    return pipeline.process(Article(id="t", text=LEAD + body, published=published), kb)


def by_trigger(doc, word):
    found = [e for e in doc.events if e.trigger.text.startswith(word) and e.trigger.span[0] >= len(LEAD)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def test_an_act_after_which_a_recapped_arrest_came_is_background(kb):
    doc = run(kb, "Dozens of dock workers in Karavan have been arrested by Zarnian police after "
                  "marching on the Zarnian embassy.")
    assert by_trigger(doc, "arrested").background is True
    marching = by_trigger(doc, "marching")
    assert marching.background is True
    assert marching.date is None  # no news day for an act before the news period


def test_following_introduces_an_earlier_act_too(kb):
    # (a noun after "following" was already read through the verb that carries it)
    doc = run(kb, "Scores of students in Karavan have been jailed by Zarnian police following "
                  "protests against the governor.")
    assert by_trigger(doc, "protests").background is True


def test_an_act_before_a_dated_arrest_of_the_news_week_stays_news(kb):
    doc = run(kb, "Dozens of dock workers in Karavan were arrested by Zarnian police on Tuesday after "
                  "marching on the Zarnian embassy.")
    assert by_trigger(doc, "arrested").background is False
    assert by_trigger(doc, "marching").background is False


def test_recently_on_the_perfect_keeps_the_act_after_it_news(kb):
    doc = run(kb, "Zarnian forces have recently suffered heavy losses after rebels launched an "
                  "offensive on Karavan.")
    assert by_trigger(doc, "launched").background is False


def test_an_act_before_a_main_act_dated_years_back_is_background(kb):
    doc = run(kb, "Orvalo pulled its troops out of Karavan in 2011 after Zarnia threatened to attack them.")
    threat = by_trigger(doc, "threatened")
    assert threat.background is True
    assert threat.date is None  # never the news day


# ---------------------------------------------------------------- ongoing, not a recap

def test_talks_that_have_continued_are_news(kb):
    doc = run(kb, "Talks between Zarnia and Orvalo have continued despite the shelling.")
    assert by_trigger(doc, "Talks").background is False


def test_a_progressive_perfect_is_still_going_on(kb):
    doc = run(kb, "Zarnian and Orvalan envoys have been holding talks in Geneva on a ceasefire.")
    assert by_trigger(doc, "holding").background is False


def test_a_plain_perfect_of_the_body_is_still_a_recap(kb):
    # the counterpart: an undated present perfect after the lead tells what came before
    doc = run(kb, "Zarnian envoys have held talks in Geneva with Orvalo.")
    assert by_trigger(doc, "held").background is True


def test_a_second_conjunct_shares_the_perfect_of_the_first(kb):
    doc = run(kb, "Rebels have stormed two army posts near Karavan and seized dozens of rifles.")
    assert by_trigger(doc, "stormed").background is True
    assert by_trigger(doc, "seized").background is True


# ---------------------------------------------------------------- the act another one answers

def test_a_time_inside_the_answered_act_does_not_date_the_answer(kb):
    doc = run(kb, "An apology by Zarnian ministers over the sinking of an Orvalan ferry two weeks ago "
                  "has not eased the anger in Karavan.")
    apology = by_trigger(doc, "apology")
    assert apology.background is False
    assert apology.date is None or apology.date.value != "2024-05-08"


# ---------------------------------------------------------------- which dates tell a story

def undated(kb, text):
    return pipeline.process(Article(id="t", text=text, published=None), kb)


def test_a_year_naming_an_object_starts_no_story(kb):
    doc = undated(kb, "Fishermen of both nations back a rescue of the fishing pact, a Karavan union "
                      "says.\n\nQuitting the 2016 pact would ruin the coastal towns, the Zarnian premier "
                      "wrote in a letter.\n\nThe Orvalan premier urged Zarnian senators to ratify the pact "
                      "without delay.")
    call = by_trigger_anywhere(doc, "urged")
    assert call.background is False
    assert call.date is None or call.date.value != "2016"


def test_a_year_naming_the_setting_still_tells_the_story(kb):
    doc = undated(kb, "A Karavan court heard the case of the banned novel, its lawyers say.\n\nIn the 2012 "
                      "novel, a sailor ridicules the Zarnian king and his navy.\n\nZarnia threatened to "
                      "sue Orvalo's publishers over the book.")
    threat = by_trigger_anywhere(doc, "threatened")
    assert threat.background is True and threat.date is not None and threat.date.value == "2012"


def by_trigger_anywhere(doc, word):
    found = [e for e in doc.events if e.trigger.text.startswith(word)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


# ---------------------------------------------------------------- participle adjuncts

def test_a_participle_of_a_habitual_act_is_background_too(kb):
    doc = run(kb, "The Orvalan defence minister has repeatedly praised the Zarnian coastguard, "
                  "describing it as a shield of the coast.")
    body = [e for e in doc.events if e.trigger.span[0] >= len(LEAD)]
    assert body and all(e.background for e in body), [(e.trigger.text, e.background) for e in body]


def test_a_participle_of_a_dated_act_of_the_week_stays_news(kb):
    doc = run(kb, "On Tuesday the Orvalan defence minister praised the Zarnian coastguard, describing "
                  "it as a shield of the coast.")
    body = [e for e in doc.events if e.trigger.span[0] >= len(LEAD)]
    assert body and not any(e.background for e in body)


def test_a_duration_after_for_is_no_earlier_act(kb):
    doc = run(kb, "Orvalan envoys met Zarnian officials for hours on Tuesday in Karavan.")
    meeting = by_trigger(doc, "met")
    assert meeting.date is not None and meeting.date.value == "2024-05-21"
