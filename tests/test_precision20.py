"""Detection precision, session 19 (precision20): false alarms an analyst would not code.

* the same act told again with the same word between the same two named parties, once
  as news and once placed earlier (its own date, a marker), is one happening
  (``event_merge._same_dyad_again``); another recipient, or two dates of their own that
  differ, still keep two acts apart;
* a newsroom's "request for comment" is no REQUEST (idioms.tsv);
* a newsletter form's consent line ("You agree to receive ...") and a sign-up widget
  ("Newsletter sign-up ...") are page furniture.

Every name, place and sentence is made up for these tests."""
from sitrep.model import Actor, Event, TextSpan, Time
from sitrep.stages.event_merge import Draft, group


def _party(name, country, kind="state", sector="GOV"):
    return Actor(span=(0, len(name)), text=name, name=name, country=country, kind=kind,
                 sector=sector, resolved_by="kb")


def _talk(at, sentence, period, target, own_date=None):
    """A CONSULT "talked with" by Borovia's president, told as news or as past."""
    ev = Event(id="", type="CONSULT", trigger=TextSpan((at, at + 6), "talked"),
               sentence=TextSpan((at - 10, at + 40), "x" * 50),
               source=_party("President Arkan of Borovia", "BRV", kind="person"), target=target)
    return Draft(event=ev, head=at, base_type="CONSULT", sentence=sentence, period=period,
                 lemma="talk", own_date=own_date)


def _date(value):
    return Time(span=(0, 5), text=value, value=value, granularity="day")


def test_the_same_talk_told_as_news_and_as_past_is_one_happening(kb):
    """"President Arkan talked with Velmora's premier ..." and, paragraphs later, "on the
    day President Arkan talked with the Velmoran premier, June 3": one call."""
    velmora = _party("Velmora's premier", "VLM", kind="person")
    news = _talk(10, 0, "news", velmora)
    past = _talk(400, 6, "past", velmora, own_date=_date("2024-06-03"))
    assert len(group([news, past], kb.event_lexicon)) == 1


def test_a_talk_with_another_party_told_as_past_stays_apart(kb):
    """Near miss: the earlier talk was with another country: two calls."""
    news = _talk(10, 0, "news", _party("Velmora's premier", "VLM", kind="person"))
    past = _talk(400, 6, "past", _party("Zembla's king", "ZMB", kind="person"))
    assert len(group([news, past], kb.event_lexicon)) == 2


def test_two_talks_with_dates_of_their_own_that_differ_stay_apart(kb):
    """Near miss: the same two parties, but one talk on May 2 and one on June 3."""
    velmora = _party("Velmora's premier", "VLM", kind="person")
    news = _talk(10, 0, "news", velmora, own_date=_date("2024-05-02"))
    past = _talk(400, 6, "past", velmora, own_date=_date("2024-06-03"))
    assert len(group([news, past], kb.event_lexicon)) == 2
