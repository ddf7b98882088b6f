"""Detection precision, session 19 (precision20): false alarms an analyst would not code.

* the same act told again with the same word between the same two named parties, once
  as news and once placed earlier (its own date, a marker), is one happening
  (``event_merge._same_dyad_again``); another recipient, or two dates of their own that
  differ, still keep two acts apart;
* a newsroom's "request for comment" is no REQUEST (idioms.tsv);
* a newsletter form's consent line ("You agree to receive ...") and a sign-up widget
  ("Newsletter sign-up ...") are page furniture.

Every name, place and sentence is made up for these tests."""
from event_helpers import run, triggers

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


TAIL = ("\n\nThe talks in Geneva lasted four hours and ended without a statement.\n\n"
        "A second round is planned for May, officials in Zenda said.\n\n"
        "Fishermen in the border town said the catch had fallen for a third year.")


def test_a_request_for_comment_is_no_request(kb):
    doc = run(kb, "Borduria expelled two Ruritanian diplomats on Monday, the foreign ministry said. "
                  "The Ruritanian embassy did not immediately respond to a Reuters request for comment."
              + TAIL)
    assert "REQUEST" not in [e.type for e in doc.events], triggers(doc)


def test_a_request_for_talks_stays_a_request(kb):
    """Near miss: a request for something a party wants of another is coded."""
    doc = run(kb, "Borduria expelled two Ruritanian diplomats on Monday, the foreign ministry said. "
                  "Ruritania made a request for talks with Borduria on Tuesday." + TAIL)
    assert "REQUEST" in [e.type for e in doc.events], triggers(doc)


def test_a_newsletter_consent_line_codes_no_event(kb):
    doc = run(kb, "Norway and Sweden traded accusations on Monday over the fishing dispute, officials "
                  "in both capitals said.\n\n"
                  "You agree to receive the Daily Herald's weekly digest and offers from our partners "
                  "in Zenda.\n\n"
                  "Sweden agreed to receive a Norwegian delegation in Stockholm next week, the ministry said."
              + TAIL)
    agreed = [e.trigger.text for e in doc.events if e.type == "AGREE"]
    assert agreed == ["agreed"], triggers(doc)
    assert doc.article.meta["furniture"] == {"furniture": 1}


def test_talking_to_the_press_is_no_consult(kb):
    """docs/annotation.md 2: a press conference or an interview is not CONSULT."""
    for sentence in ("The Bordurian foreign minister spoke with journalists in Klow on Tuesday about the closure.",
                     "The Bordurian foreign minister met reporters in Klow on Tuesday after the vote."):
        doc = run(kb, "Borduria closed its border with Ruritania on Monday, the interior ministry said. "
                  + sentence + TAIL)
        assert "CONSULT" not in [e.type for e in doc.events if "Geneva" not in e.sentence.text], \
            (sentence, triggers(doc))


def test_talking_to_another_party_stays_a_consult(kb):
    """Near miss: the same verbs with a party as counterpart are talks."""
    doc = run(kb, "Borduria closed its border with Ruritania on Monday, the interior ministry said. "
                  "The Bordurian foreign minister spoke with the Ruritanian premier by phone on Tuesday."
              + TAIL)
    assert "CONSULT" in [e.type for e in doc.events if "Geneva" not in e.sentence.text], triggers(doc)


def test_calling_on_the_media_stays_a_request(kb):
    """Near miss (review, session 19): the rows take the object of any preposition, so 'call'
    has none: "called on the media to stop" is an appeal to the press, a REQUEST."""
    doc = run(kb, "Borduria closed its border with Ruritania on Monday, the interior ministry said. "
                  "The Bordurian president called on the media to stop spreading rumours about the closure."
              + TAIL)
    assert "REQUEST" in [e.type for e in doc.events if "Geneva" not in e.sentence.text], triggers(doc)


def test_a_newsletter_widget_codes_no_event(kb):
    doc = run(kb, "Norway and Sweden traded accusations on Monday over the fishing dispute, officials "
                  "in both capitals said.\n\n"
                  "Newsletter sign-up: enter your e-mail address. Please confirm that you are human. The "
                  "Herald will send you news, offers and updates from our partners in Zenda and Klow, and "
                  "you may cancel at any time by writing to us. Thank you for agreeing to receive our "
                  "letters; an error occurred, please try again later or ask our editors for help.\n\n"
                  "Sweden agreed to receive a Norwegian delegation in Stockholm next week, the ministry said."
              + TAIL)
    assert [e.trigger.text for e in doc.events if e.type in ("AGREE", "REQUEST")] == ["agreed"], triggers(doc)
    assert doc.article.meta["furniture"] == {"furniture": 1}


def test_an_act_given_as_a_circumstance_or_a_debate_is_a_topic(kb):
    """"in light of", "in view of" and a debate "over" name an act as a known state of
    affairs or a subject, not as news of an act (docs/annotation.md 2: a noun that names a
    topic is not an event)."""
    for sentence in ("Bordurian exports fell sharply in light of Ruritanian sanctions on its banks.",
                     "The debate over sanctions on Borduria divided the Ruritanian parliament for weeks."):
        doc = run(kb, "Borduria closed its border with Ruritania on Monday, the interior ministry said. "
                  + sentence + TAIL)
        assert "SANCTION" not in [e.type for e in doc.events], (sentence, triggers(doc))


def test_sanctions_imposed_stay_an_act(kb):
    """Near miss: the same noun as the object of an act of imposing is coded."""
    doc = run(kb, "Borduria closed its border with Ruritania on Monday, the interior ministry said. "
                  "Ruritania imposed sanctions on Bordurian banks on Tuesday." + TAIL)
    assert "SANCTION" in [e.type for e in doc.events], triggers(doc)


def test_an_earlier_act_of_the_same_parties_placed_by_a_marker_alone_stays_apart(kb):
    """Near miss (review, session 19): a past told by a marker only ("had previously struck")
    is an earlier act of the same two parties; joined, today's strike would turn background."""
    doc = run(kb, "Israel struck Syria on Monday, the army said. Israel had previously struck Syria, "
                  "officials noted." + TAIL)
    strikes = [e for e in doc.events if e.type == "ASSAULT"]
    assert len(strikes) == 2, triggers(doc)
    assert [e.background for e in strikes] == [False, True]
