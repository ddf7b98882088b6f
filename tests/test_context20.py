"""Background and dates, session 19 (docs/annotation.md 7). Invented sentences only.

* A relative clause that introduces a person by a statement in the perfect ("the senator,
  who has urged new sanctions, ...") tells who the person is, not news of the period: the
  statement is background like any other body recap in the perfect; the same statement
  as a main clause ("The ministry has urged calm.") stays a stand of the period.
* A month written before the occasion of an act ("during his November trip") dates the
  act when the parser hangs the phrase on the infinitive the act asks for ("pressed X to
  end the blockade during his November trip"): the trip is the occasion of the pressing.
"""
from sitrep import pipeline
from sitrep.model import Article

LEAD = ("Syldavian and Bordurian officials met on Thursday in Klow to discuss the border "
        "crisis.\n\nThe talks ended without agreement, officials said.\n\n")


def run(kb, body):
    return pipeline.process(Article(id="c20", text=LEAD + body, published="2021-05-10"), kb)


def triggered(doc, word):
    found = [e for e in doc.events if e.trigger.text.startswith(word)]
    assert found, f"no event on {word!r} in {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


def test_statement_in_a_relative_clause_on_a_person_is_background(kb):
    doc = run(kb, "The foreign minister, who has urged calm, met the Bordurian envoy.")
    assert triggered(doc, "urged").background is True


def test_the_same_statement_as_a_main_clause_is_news(kb):
    doc = run(kb, "The Syldavian foreign ministry has urged calm.")
    assert triggered(doc, "urged").background is False


def test_month_of_the_occasion_dates_an_act_with_an_infinitive(kb):
    doc = run(kb, "The president pressed the Bordurian envoy to end the blockade during his "
                  "February trip to Klow.")
    pressed = triggered(doc, "pressed")
    assert pressed.date is not None and pressed.date.value == "2021-02"
    assert pressed.background is True
