"""Session 12 (history13): history told relative to a later act (docs/annotation.md 7,
"marked as earlier"). An act in a clause or phrase that a span longer than the news window
measures back from the main act ("a year after ...", "months since ...", "five months
following ..."), or in a "when" clause of a main clause dated before the news period, is
background and takes no date from the news day; the main act stays news. Every text is
made up for these tests."""
from sitrep import pipeline
from sitrep.model import Article


def _article(kb, text, published="2024-05-22"):
    return pipeline.process(Article(id="h", text=text, published=published), kb)


def _event(doc, word):
    found = [e for e in doc.events if e.trigger.text.startswith(word)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


# ------------------------------------------------- a clause measured back by a long span

def test_the_act_a_year_before_the_main_clause_is_background_and_undated(kb):
    doc = _article(kb, "Nearly a year after the governor threatened to shut the mines, the assembly approved "
                       "a new budget for the miners.")
    threat = _event(doc, "threatened")
    assert threat.background is True
    # never the publication day; the main act's date less the span, at year level (issue 7
    # item 6, dates14): "nearly a year" before a May 2024 act lies in 2023
    assert threat.date is not None and threat.date.value == "2023"
    assert _event(doc, "approved").background is False


def test_a_news_day_of_the_main_clause_does_not_date_the_earlier_act(kb):
    doc = _article(kb, "Eighteen months after the militia kidnapped the engineers, police arrested its "
                       "commander on Monday.")
    kidnap = _event(doc, "kidnapped")
    assert kidnap.background is True
    assert kidnap.date is None  # Monday is the arrest's day
    arrest = _event(doc, "arrested")
    assert arrest.background is False
    assert arrest.date is not None and arrest.date.value == "2024-05-20"


def test_a_bare_plural_unit_measures_back_too(kb):
    doc = _article(kb, "Months after the navy blockaded the port, the two governments signed a truce on Friday.")
    assert _event(doc, "blockaded").background is True


# ------------------------------------------------- a phrase measured back by a long span

def test_an_event_noun_after_a_long_span_is_background(kb):
    doc = _article(kb, "Six months after the invasion of the islands, the fleet withdrew.")
    assert _event(doc, "invasion").background is True
    assert _event(doc, "withdrew").background is False


def test_following_measures_back_like_after(kb):
    doc = _article(kb, "Five months following the bombing of the consulate, the two capitals restored ties.")
    assert _event(doc, "bombing").background is True


def test_a_relative_clause_measured_back_holds_history_too(kb):
    doc = _article(kb, "The minister, who resigned a year after students occupied the ministry, met the "
                       "envoy on Tuesday.")
    assert _event(doc, "occupied").background is True
    assert _event(doc, "met").background is False


# ------------------------------------------------- a "when" clause of a dated past

def test_a_when_clause_of_a_time_years_ago_is_background(kb):
    doc = _article(kb, "Two years ago, when gunmen shelled the northern suburbs, the council declared a curfew.")
    shelling = _event(doc, "shelled")
    assert shelling.background is True
    assert shelling.date is None or shelling.date.value != "2024-05-22"


def test_a_when_clause_keeps_the_month_its_main_clause_gives(kb):
    # only a span measured back drops the sentence's date; a "when" clause shares its
    # main clause's time
    doc = _article(kb, "The talks collapsed in October 2021, when the council expelled the foreign envoys.")
    expulsion = _event(doc, "expelled")
    assert expulsion.background is True
    assert expulsion.date is not None and expulsion.date.value == "2021-10"


# ------------------------------------------------- near-misses: not history

def test_a_day_after_is_inside_the_news_window(kb):
    doc = _article(kb, "One day after the air strike, the army retreated from the ridge.")
    assert _event(doc, "air strike").background is False
    assert _event(doc, "retreated").background is False


def test_two_weeks_after_is_still_the_news_window(kb):
    doc = _article(kb, "Two weeks after the rebels ambushed the convoy, the army withdrew from the valley.")
    assert _event(doc, "ambushed").background is False


def test_a_span_running_forward_from_a_promise_is_not_history(kb):
    doc = _article(kb, "A year after the ceasefire expires, the rebels will attack the capital.")
    assert _event(doc, "attack").background is False


def test_a_when_clause_of_a_news_day_is_news(kb):
    doc = _article(kb, "When gunmen shelled the northern suburbs on Monday, the council declared a curfew.")
    assert _event(doc, "shelled").background is False


def test_a_long_span_without_after_leaves_the_act_news(kb):
    # the span measures the main act's own duration, not a distance back to another act
    doc = _article(kb, "For the first time in a year, the two armies exchanged prisoners on Sunday.")
    assert all(not e.background for e in doc.events if e.trigger.text.startswith("exchanged"))


def test_a_past_cue_inside_the_when_clause_does_not_date_its_main_clause(kb):
    # the main clause is read without the "when" clause itself: its "in the past" is the
    # relative clause's, and the shelling happened on the council's Monday
    doc = _article(kb, "The council declared a curfew on Monday when gunmen shelled the suburbs, which they "
                       "had spared in the past.")
    assert _event(doc, "shelled").background is False


def test_a_span_that_measures_the_main_act_itself_is_no_distance_back(kb):
    # "for two years" is how long the detention lasts, not how long ago the speech was
    doc = _article(kb, "A tribunal detained the poet on Friday for two years after she mocked the governor.")
    assert _event(doc, "mocked").background is False
