"""Session 9 (context10): event dates from the event's own clause, vague "ago" times,
publication dates after "of", the lead and the past perfect. Every text is made up for
these tests."""
from sitrep import pipeline
from sitrep.model import Article
from sitrep.stages.times import latest_written_date


def run(kb, text, published="2024-05-20"):
    return pipeline.process(Article(id="t", text=text, published=published), kb)


def by_trigger(doc, word):
    found = [e for e in doc.events if e.trigger.text.startswith(word)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


# ---------------------------------------------------------------- publication date

def test_a_date_after_as_of_is_a_day_of_the_story():
    found = latest_written_date("As of March 5, 2019, the border crossing at Karavan stayed shut.")
    assert found is not None and found.value == "2019-03-05"


def test_a_date_naming_a_happening_after_of_is_still_skipped():
    assert latest_written_date("Orvalo recalled the raids of March 5, 2019 on its harbour.") is None
    assert latest_written_date("Orvalo recalled the March 5, 2019 raids on its harbour.") is None


# ---------------------------------------------------------------- a date names its own noun

def test_a_year_before_a_neighbouring_noun_does_not_date_the_act(kb):
    # the citation's year is the ruling's, not the rejection's
    doc = run(kb, "Zarnia rejected the offer from Orvalo, citing a 2015 ruling by its supreme court.")
    rejected = by_trigger(doc, "rejected")
    assert rejected.background is False
    assert rejected.date is not None and rejected.date.value.startswith("2024")


def test_a_year_before_the_event_word_dates_it(kb):
    doc = run(kb, "The envoy of Zarnia condemned the 2011 invasion of Karavan by Orvalo.")
    invasion = by_trigger(doc, "invasion")
    assert invasion.background is True and invasion.date is not None and invasion.date.value == "2011"


def test_a_clause_on_the_subject_does_not_make_the_object_background(kb):
    # "elected in 2014" tells when the president was elected, not when the strike was
    doc = run(kb, "The president of Zarnia, elected in 2014, condemned the air strike on Karavan.")
    assert by_trigger(doc, "condemned").background is False
    strike = [e for e in doc.events if e.type == "ASSAULT"]
    assert strike and strike[0].background is False


# ---------------------------------------------------------------- vague "ago"

def test_a_few_weeks_ago_makes_background_without_a_value(kb):
    doc = run(kb, "A few weeks ago, the navy of Zarnia seized two fishing boats from Orvalo.")
    seized = by_trigger(doc, "seized")
    assert seized.background is True
    assert seized.date is None or not seized.date.value.startswith("2024-05-2")


def test_a_few_days_ago_is_news(kb):
    doc = run(kb, "A few days ago, the navy of Zarnia seized two fishing boats from Orvalo.")
    assert by_trigger(doc, "seized").background is False


# ---------------------------------------------------------------- the lead

def test_the_past_perfect_of_a_two_paragraph_article_is_the_lead(kb):
    # review item 11: both paragraphs of a short text are its lead, which tells news in
    # the past perfect too; a third paragraph recaps what came before
    lead = ("The council of Zarnia met on Monday to discuss the crisis.\n\n"
            "The two opposition leaders had been highly critical of President Lorn of Zarnia.")
    assert by_trigger(run(kb, lead), "critical").background is False
    longer = lead.replace("\n\nThe two", "\n\nIts members talked for six hours.\n\nThe two")
    assert by_trigger(run(kb, longer), "critical").background is True


# ---------------------------------------------------------------- certainty

def test_a_claim_without_evidence_is_alleged_when_the_parse_hangs_it_on_evidence(kb):
    # "that ..." is parsed as a clause of "evidence"; it is still what Zarnia claims
    doc = run(kb, "Zarnia said without providing evidence that Orvalo had shelled the town of Karavan.")
    shelled = by_trigger(doc, "shelled")
    assert shelled.certainty.status == "alleged"
    assert shelled.certainty.attributed_to is not None and "Zarnia" in shelled.certainty.attributed_to.text


def test_a_denial_in_a_which_clause_is_recorded(kb):
    doc = run(kb, "Zarnia said Orvalo's artillery shelled the town of Karavan, which Orvalo denied.")
    shelled = by_trigger(doc, "shelled")
    assert shelled.certainty.status == "claimed"  # Zarnia's claim stands, the denial is kept apart
    assert shelled.certainty.denied_by is not None and "Orvalo" in shelled.certainty.denied_by.text


# ---------------------------------------------------------------- "since" of a record

def test_since_after_a_superlative_or_first_does_not_date_the_act(kb):
    # "for the first time since 2008" tells a record; the deployment is news
    doc = run(kb, "Zarnia sent a carrier group to the Orvalo strait for the first time since 2008.")
    sent = by_trigger(doc, "sent")
    assert sent.background is False
    assert sent.date is None or sent.date.value != "2008"
    doc = run(kb, "Zarnia has blockaded the Orvalo strait since 2008.")
    assert by_trigger(doc, "blockaded").background is True


def test_a_clause_on_the_object_of_the_act_dates_the_object_only(kb):
    # "it imposed in March" dates the sanctions, not their lifting
    doc = run(kb, "Zarnia lifted the sanctions it imposed on Orvalo in March.")
    lifted = by_trigger(doc, "lifted")
    assert lifted.background is False
    assert lifted.date is None or not lifted.date.value.startswith("2024-03")
