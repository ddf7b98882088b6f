"""Background and dates, session 19 (docs/annotation.md 7). Invented sentences only.

* A relative clause that introduces a person by a statement in the perfect ("the senator,
  who has urged new sanctions, ...") tells who the person is, not news of the period: the
  statement is background like any other body recap in the perfect; the same statement
  as a main clause ("The ministry has urged calm.") stays a stand of the period.
* A month written before the occasion of an act ("during his November trip") dates the
  act when the parser hangs the phrase on the infinitive the act asks for ("pressed X to
  end the blockade during his November trip"): the trip is the occasion of the pressing.
"""
from event_helpers import by_trigger, run

LEAD = ("Syldavian and Bordurian officials met on Thursday in Klow to discuss the border "
        "crisis.\n\nThe talks ended without agreement, officials said.\n\n")


def triggered(kb, body, word):
    """The first event on ``word`` in the body set after a short lead (published 2021-05-10)."""
    return by_trigger(run(kb, LEAD + body, published="2021-05-10"), word)


def test_statement_in_a_relative_clause_on_a_person_is_background(kb):
    assert triggered(kb, "The foreign minister, who has urged calm, met the Bordurian envoy.",
                     "urged").background is True


def test_the_same_statement_as_a_main_clause_is_news(kb):
    assert triggered(kb, "The Syldavian foreign ministry has urged calm.", "urged").background is False


def test_month_of_the_occasion_dates_an_act_with_an_infinitive(kb):
    pressed = triggered(kb, "The president pressed the Bordurian envoy to end the blockade during his "
                            "February trip to Klow.", "pressed")
    assert pressed.date is not None and pressed.date.value == "2021-02"
    assert pressed.background is True
