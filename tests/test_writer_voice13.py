"""Whose voice an act is told in, and the event filter's "writer_speculation" reason
(stages/writer_voice.py, session 12, spec13): a possible act that no party speaks, or one a
verb of guessing governs, is a guess and not coded (docs/annotation.md 10); a party's own
words, past acts and acts dated to a day stay. Sentences invented for these tests."""
import pytest

from sitrep.model import Article
from sitrep.pipeline import process
from sitrep.stages import writer_voice

#: four plain sentences, so that the filter's article rules apply (MIN_SENTENCES)
TAIL = (" Officials met in Oslo on Monday. The talks lasted four hours. Trade was the main topic. "
        "A second round is planned for May.")


def judged(sentence, kb):
    """(type, trigger, voice, writer_speculation) of the events of ``sentence``, all kept."""
    article = Article(id="w", text=sentence + TAIL, published="2030-03-15")
    article.meta["all_events"] = True
    doc = process(article, kb)
    return [(e.type, e.trigger.text, writer_voice.speaking_voice(e, doc), writer_voice.writer_speculation(e, doc))
            for e in doc.events if e.trigger.span[0] < len(sentence)]


def dropped_reasons(sentence, kb):
    doc = process(Article(id="w", text=sentence + TAIL, published="2030-03-15"), kb)
    return {d["trigger"]: d.get("reason") for d in doc.article.meta["event_filter"]["dropped_events"]}


@pytest.mark.parametrize("sentence, trigger", [
    # a modal of possibility in the writer's voice: a year or a season is no occasion
    ("Syldavia may be getting ready to seize the islands in early 2031.", "ready"),
    ("Russia could yet deploy more warships to the Baltic this summer.", "deploy more warships"),
    # a noun of an act made possible by its adjective
    ("A potential blockade of the strait alarms shipping firms.", "blockade"),
    ("Farmers dread an eventual withdrawal of the peacekeepers from the valley.", "withdrawal"),
    # an act the writer weighs in an extraposed infinitive, with no doer and no occasion
    ("It is vital to send aid to the refugees in Kelm.", "send aid"),
    ("For Syldavia it is dangerous to expel the envoy.", "expel"),
    ("Now it is unwise to impose sanctions on Cuba.", "impose sanctions"),
])
def test_a_possible_act_in_the_writers_voice_is_speculation(sentence, trigger, kb):
    events = {t: (voice, guess) for _, t, voice, guess in judged(sentence, kb)}
    assert events[trigger] == ("writer", True)
    assert dropped_reasons(sentence, kb)[trigger] == "writer_speculation"


@pytest.mark.parametrize("sentence, trigger", [
    ("Officials guessed the rebels were about to storm the airport.", "storm"),
    ("Traders guess the navy will seize more tankers.", "seize"),
    ("A retired general has forecast that the army will blockade the port.", "blockade"),
])
def test_an_act_a_verb_of_guessing_governs_is_speculation(sentence, trigger, kb):
    assert {t: guess for _, t, _, guess in judged(sentence, kb)}[trigger] is True
    assert dropped_reasons(sentence, kb)[trigger] == "writer_speculation"


def test_a_commentators_would_is_a_forecast_but_the_writers_would_is_not_read(kb):
    quote = ('"Kelm would most likely try to blockade the strait and then seize the islands," '
             'Anna Lind, a naval analyst, told the paper.')
    events = {t: (voice, guess) for _, t, voice, guess in judged(quote, kb)}
    assert events["seize"] == ("commentator", True)
    assert judged('"Kelm would blockade the strait," said Anna Lind, a naval analyst.', kb) == [
        ("THREATEN", "blockade", "commentator", True)]
    # an official the actor layer did not place is no commentator: the "would" is Kelm's stance
    assert judged('"Kelm would close the border crossing to trucks," a deputy minister told reporters.', kb) == [
        ("THREATEN", "close the border", "unplaced", False)]
    assert judged("Kelm would expel two envoys, an unnamed official said.", kb) == [
        ("THREATEN", "expel", "unplaced", False)]
    # the writer's "would" tells the terms of a plan in a news report: not a cue here
    cues = writer_voice.load_writer_voice_cues()
    assert "would" in cues.commentator_modals and "would" not in cues.possibility_modals


@pytest.mark.parametrize("sentence, trigger, voice", [
    # a hedged past act (docs/annotation.md 6 codes it, hypothetical)
    ("Borduria may have shelled the harbour last year.", "shelled", "writer"),
    # a guess about a past act is an allegation
    ("The defence minister speculated that Borduria had shelled the convoy.", "shelled", "unplaced"),
    # "possible" hedges a past act in news: not a cue
    ("A possible gas attack on the village killed twelve people on Monday.", "attack", "writer"),
    # a party's own possible act, in its own words or reported
    ('"We may expel Norway\'s ambassador this year," Russian Foreign Minister Sergei Lavrov told reporters.',
     "expel", "party"),
    ("The Pentagon said it could send more troops to Kuwait in the spring.", "send more troops", "party"),
    # a possible act dated to a day is a plan reported
    ("Venezuela could expel the Colombian ambassador on Thursday.", "expel", "writer"),
    # "it" that names a party, with an adjective of readiness, not of evaluation
    ("It is ready to send troops to Mali, the French defence minister said.", "ready", "party"),
])
def test_past_acts_dated_acts_and_a_partys_own_words_are_no_speculation(sentence, trigger, voice, kb):
    assert {t: (v, guess) for _, t, v, guess in judged(sentence, kb)}[trigger] == (voice, False)
    assert dropped_reasons(sentence, kb).get(trigger) != "writer_speculation"


def test_the_cues_load_by_kind_and_a_wrong_row_names_the_file(tmp_path):
    cues = writer_voice.load_writer_voice_cues()
    assert {"could", "may", "might"} <= cues.possibility_modals
    assert "possible" not in cues.possibility_adjectives and "speculate" in cues.guess_verbs
    assert {"harmful", "vital", "unwise"} <= cues.evaluative_adjectives
    bad = tmp_path / "voice.tsv"
    bad.write_text("possibility_modal\tcould\nhunch_verb\tguess\n", encoding="utf-8")
    with pytest.raises(ValueError, match="voice.tsv.*hunch_verb"):
        writer_voice.load_writer_voice_cues(bad)


@pytest.mark.parametrize("sentence, trigger", [
    ("Syldavia is possibly preparing to expel the envoy.", "expel"),
    ("Rebels are potentially massing troops near the dam.", "massing troops"),
    ("The junta might yet close the border before winter.", "close the border"),
])
def test_an_adverb_or_modal_of_possibility_reaches_the_act_through_its_carriers(sentence, trigger, kb):
    assert {t: (voice, guess) for _, t, voice, guess in judged(sentence, kb)}[trigger] == ("writer", True)
