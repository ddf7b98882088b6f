"""Who did it to whom on real news (session 14, actor keys). Every sentence is invented;
each rule has sentences of different shapes and a near-miss that must not fire.

* a crowd the KB cannot name, subject of a protest verb ("Hundreds protested"), is the
  protest's civilian doer on its own words, placed by the act's place;
* one group word placed in no country (a faith, a stateless people, an ideology, a party
  word before no office title) before a role noun ("Islamist militants", "Jewish
  leaders") leaves the role phrase as the actor, placed like "militants" alone; words of
  several states ("Arab leaders", "South American leaders") stay as they are;
* whom the verb of harm an event noun is the subject of kills or wounds ("an airstrike
  near X wounded two journalists") is the act's target, as in a clause on the noun;
* who was killed or wounded (the object of the active verb of harm, the subject of the
  passive one, a party inside that phrase) is never taken as the doer by the sentence
  fill.
"""
import pytest

from event_helpers import country, first, run


def events_of(doc, etype):
    return [e for e in doc.events if e.type == etype]


# ------------------------------------------------------------ crowds as the doers of a protest

@pytest.mark.parametrize("text, words, nation", [
    ("Hundreds protested outside the parliament in Kiev on Tuesday.", "Hundreds", "UKR"),
    ("Mourners marched through Gaza City on Friday.", "Mourners", "PSE"),
    ("While police watched, tens of thousands marched through Minsk on Sunday against the election result.",
     "tens of thousands", "BLR"),
    # a conjunct verb takes its first conjunct's subject
    ("Thousands gathered in the main square and marched to the ministry in Tbilisi.", "Thousands", "GEO"),
    ("About 2,000 demonstrated outside the embassy in Ankara on Monday.", "About 2,000", "TUR"),
])
def test_a_crowd_subject_is_the_protest_doer_on_its_own_words(kb, text, words, nation):
    """A number or plural noun the KB cannot name, subject of a protest verb, is the
    civilian doer: its span is those words (not the verb, not the place), its country the
    place's."""
    event = first(run(kb, text), "PROTEST")
    assert event.source is not None and event.source.text == words
    assert event.source.sector == "CIV" and event.source.country == nation
    assert event.source.span[0] == text.index(words)


@pytest.mark.parametrize("text", ["Stocks rallied on Monday after the central bank cut rates, Reuters said.",
                                  "Prices marched higher in Tokyo on Friday."])
def test_a_plural_thing_is_no_crowd(kb, text):
    """Only a number, a noun of number or a noun of people is a crowd: 'Stocks' are none."""
    doc = run(kb, text)
    assert not any(e.source is not None and e.source.text in ("Stocks", "Prices") for e in doc.events)


def test_a_pronoun_subject_is_no_crowd(kb):
    """'They' refers back: the crowd rule does not make the pronoun a civilian group."""
    event = first(run(kb, "They marched through Gaza City on Friday."), "PROTEST")
    assert event.source is None or event.source.text != "They"


# ------------------------------------------------------------ group words before role nouns

@pytest.mark.parametrize("text, etype, role, words, nation", [
    ("Islamist militants burned a church in northern Syria last week.", "ASSAULT", "source",
     "Islamist militants", "SYR"),
    ("Kurdish fighters attacked an Islamic State checkpoint near Kobani, officials in Damascus said.",
     "ASSAULT", "source", "Kurdish fighters", "SYR"),
    ("The French interior minister met Jewish leaders in Marseille on Monday.", "CONSULT", "target",
     "Jewish leaders", "FRA"),
    ("The Spanish prime minister met Sunni clerics and Shiite leaders in Baghdad on Sunday.", "CONSULT",
     "target", "Sunni clerics", "IRQ"),
])
def test_a_stateless_group_word_before_a_role_noun_leaves_the_role_phrase_to_be_placed(
        kb, text, etype, role, words, nation):
    actor = getattr(first(run(kb, text), etype), role)
    assert actor is not None and actor.text == words and actor.country == nation


@pytest.mark.parametrize("text, word", [
    ("Arab leaders urged Israel to halt the raids, officials in Cairo said.", "Arab"),
    ("South American leaders met in Quito to denounce the decision by Spain.", "South American"),
])
def test_a_group_word_of_several_states_is_not_given_one_country(kb, text, word):
    doc = run(kb, text)
    assert any(a.text == word for a in doc.actors)
    assert not any(a.text.startswith(word) and a.country for a in doc.actors)


# ------------------------------------------------------------ victims of a verb of harm

@pytest.mark.parametrize("text, words, nation", [
    ("An airstrike near Idlib wounded two Russian journalists on Monday.", "Russian journalists", "RUS"),
    ("The ambush on the highway killed four Kenyan police officers.", "Kenyan police officers", "KEN"),
    ("Last week's shelling of the port killed two Ukrainian sailors.", "Ukrainian sailors", "UKR"),
])
def test_whom_the_verb_of_an_event_noun_subject_harms_is_its_target(kb, text, words, nation):
    event = first(run(kb, text), "ASSAULT")
    assert event.target is not None and event.target.text == words and event.target.country == nation
    assert event.target.resolved_by == "kb"  # read from the phrase, not the article's home country


def test_an_event_noun_subject_of_another_verb_names_no_victim(kb):
    event = first(run(kb, "The airstrike near Idlib surprised two Russian journalists on Monday."), "ASSAULT")
    assert country(event.target) != "RUS"


@pytest.mark.parametrize("text, victim", [
    ("A Pakistani soldier was wounded in the clash near the border, the army said.", "Pakistani soldier"),
    ("The Spanish consul and two other Spaniards were killed in the attack on the hotel.", "Spaniards"),
    ("The explosion at the checkpoint killed a driver for the Swedish embassy, police said.", "Swedish embassy"),
])
def test_a_victim_of_a_verb_of_harm_is_never_filled_in_as_the_doer(kb, text, victim):
    event = first(run(kb, text), "ASSAULT")
    assert event.source is None or victim not in event.source.text


def test_the_subject_of_an_active_verb_of_harm_stays_its_doer(kb):
    event = first(run(kb, "Pakistani police killed two gunmen in the clash near the border."), "ASSAULT")
    assert event.source is not None and event.source.text == "Pakistani police"
