"""Quotes stage and cue lexicon: each test pins one construction."""
import pytest

from sitrep import pipeline
from sitrep.model import Article, Document
from sitrep.stages import quotes as quotes_stage
from sitrep.stages.quotes import find_quote_marks


def analyse(kb, text, article_id="t"):
    doc = Document(article=Article(id=article_id, text=text))
    return pipeline.analyse(doc, kb, until="quotes").quotes


def only(quotes, kind=None):
    picked = [q for q in quotes if kind is None or q.kind == kind]
    assert len(picked) == 1, [(q.kind, q.text) for q in quotes]
    return picked[0]


def test_direct_quote_with_he_said_after(kb):
    text = "“We will not surrender our oil to anyone,” he said."
    q = only(analyse(kb, text))
    assert q.kind == "direct"
    assert q.text == "“We will not surrender our oil to anyone,”"
    assert q.cue.text == "said"
    assert q.speaker_text.text == "he"
    assert q.id == "t:q1"
    assert text[q.span[0]:q.span[1]] == q.text


def test_said_x_adding_is_a_second_quote_by_the_same_speaker(kb):
    text = ('"We are ready for any scenario," said Defense Minister Vladimir Padrino López, '
            'adding, "Our armed forces will defend every inch of the territory."')
    qs = analyse(kb, text)
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert [q.cue.text for q in qs] == ["said", "adding"]
    assert qs[1].text.startswith('"Our armed forces')
    assert "Padrino" in qs[0].speaker_text.text
    assert qs[0].speaker_text.span == qs[1].speaker_text.span
    assert [q.id for q in qs] == ["t:q1", "t:q2"]


def test_said_then_adding_that_clause(kb):
    text = ('The minister said, "The blockade is an act of piracy against our people," adding '
            "that Caracas would take the case to the United Nations.")
    qs = analyse(kb, text)
    assert [(q.kind, q.cue.text) for q in qs] == [("direct", "said"), ("indirect", "adding")]
    assert qs[1].text.endswith("to the United Nations")
    assert qs[0].speaker_text.text == qs[1].speaker_text.text == "The minister"


def test_quote_spanning_two_paragraphs(kb):
    text = ('Nicolás Maduro spoke to supporters on Monday.\n\n'
            '"The empire wants our oil. It wants our gas.\n\n'
            '"But it will never have our dignity," he said.')
    q = only(analyse(kb, text))
    assert q.kind == "direct"
    assert q.text.startswith('"The empire') and q.text.endswith('dignity,"')
    assert "\n\n" in q.text
    assert q.cue.text == "said"


def test_quote_marks_spanning_paragraphs_and_unbalanced():
    text = '"First part.\n\n"Second part," he said.\n\nHe said "never closed.\n\nNext paragraph.'
    spans = find_quote_marks(text)
    assert text[spans[0][0]:spans[0][1]] == '"First part.\n\n"Second part,"'
    # the unbalanced mark stops at its paragraph end, it does not swallow the rest
    assert text[spans[1][0]:spans[1][1]] == '"never closed.'
    assert len(spans) == 2


def test_indirect_quote_said_that(kb):
    q = only(analyse(kb, "The president said that the talks had failed."))
    assert q.kind == "indirect"
    assert q.text == "that the talks had failed"
    assert q.cue.text == "said"
    assert q.speaker_text.text == "The president"


def test_according_to(kb):
    q = only(analyse(kb, "According to the United Nations, more than 7 million people have left Venezuela."))
    assert q.kind == "indirect"
    assert q.cue.text == "According to"
    assert q.text == "more than 7 million people have left Venezuela"
    assert "United Nations" in q.speaker_text.text


def test_told_reporters_that(kb):
    q = only(analyse(kb, "Maduro told reporters that the US wanted his country's oil."))
    assert q.cue.text == "told reporters"  # the fixed phrase from the cue lexicon
    assert q.text == "that the US wanted his country's oil"
    assert q.speaker_text.text == "Maduro"


def test_said_in_a_statement_is_one_cue(kb):
    q = only(analyse(kb, "The ministry said in a statement that the strikes violated international law."))
    assert q.cue.text == "said in a statement"
    assert q.text == "that the strikes violated international law"


def test_parenthetical_he_said(kb):
    q = only(analyse(kb, "The blockade, the minister said, would be lifted within a week."))
    assert q.cue.text == "said" and q.speaker_text.text == "the minister"
    assert "would be lifted within a week" in q.text


def test_speaker_resolved_through_the_actor_layer(kb):
    text = "Venezuela's foreign minister Yvan Gil said the United States wanted to steal the country's oil."
    q = only(analyse(kb, text))
    assert q.kind == "indirect"
    assert q.text == "the United States wanted to steal the country's oil"
    assert "Yvan Gil" in q.speaker_text.text
    # when the actor layer knows the minister, the speaker is that actor
    doc = pipeline.analyse(Document(article=Article(id="t", text=text)), kb, until="quotes")
    gil = [a for a in doc.actors if "Gil" in a.text]
    if gil:
        assert q.speaker is not None and "Gil" in q.speaker.name


def test_speaker_from_a_given_actor_mention(kb):
    """Uses the actor layer's mention when there is one, whatever the actors stage does."""
    from sitrep.model import Actor
    from sitrep.stages import nlp
    text = "The foreign minister said the United States wanted to steal the country's oil."
    doc = nlp.run(Document(article=Article(id="t", text=text)), kb)
    minister = Actor(span=(0, 20), text=text[:20], name="Yvan Gil", country="VEN", sector="GOV",
                     kind="person")
    doc.actors = [minister]
    q = only(quotes_stage.run(doc, kb).quotes)
    assert q.speaker is minister
    assert q.speaker_text.span == (0, 20)


def test_pronoun_speaker_takes_the_previous_person_actor(kb):
    from sitrep.model import Actor
    from sitrep.stages import nlp
    text = 'Maduro spoke in Caracas.\n\n"We will never give up our oil," he said.'
    doc = nlp.run(Document(article=Article(id="t", text=text)), kb)
    maduro = Actor(span=(0, 6), text="Maduro", name="Nicolás Maduro", country="VEN", kind="person")
    doc.actors = [maduro]
    q = only(quotes_stage.run(doc, kb).quotes)
    assert q.speaker_text.text == "he"
    assert q.speaker is maduro


def test_curly_and_straight_quotes(kb):
    curly = only(analyse(kb, "“The blockade will stay in place,” Trump said."))
    straight = only(analyse(kb, '"The blockade will stay in place," Trump said.'))
    assert curly.kind == straight.kind == "direct"
    assert curly.text[1:-1] == straight.text[1:-1]
    assert curly.speaker_text.text == straight.speaker_text.text == "Trump"


def test_quote_then_speaker_in_next_sentence(kb):
    q = only(analyse(kb, '"The strikes will continue until the cartels are gone." The minister said.'))
    assert q.kind == "direct" and q.speaker_text.text == "The minister"


def test_scare_quotes_are_not_direct_quotes(kb):
    qs = analyse(kb, 'The government called the strikes a "provocation" on Monday.')
    assert not any(q.kind == "direct" for q in qs)


def test_mixed_quote(kb):
    q = only(analyse(kb, 'Obama said he was "surprised and troubled" by the remarks.'))
    assert q.kind == "mixed"
    assert "surprised and troubled" in q.text


@pytest.mark.parametrize("text", [
    "", " ", "\n\n", '"', '“', '""', '" " "', "He said “", "”Ha,” she said ” and “",
    "SAID SAID SAID \"QUOTE", "according to", "According to.", "ÆØÅ “ünïcödé”, said Zoë.",
    "said " * 400, '"' + "word " * 3000,
])
def test_bad_input_does_not_crash(kb, text):
    qs = analyse(kb, text)
    for q in qs:
        assert 0 <= q.span[0] <= q.span[1] <= len(text)
        assert text[q.span[0]:q.span[1]] == q.text


def test_stage_without_nlp_layer_is_a_no_op(kb):
    doc = Document(article=Article(id="t", text="He said so."))
    assert quotes_stage.run(doc, kb).quotes == []


# -- the cue lexicon ----------------------------------------------------------------------

def test_cue_lexicon_stances(kb):
    cues = kb.cues
    assert cues.verb_stance("say") == "neutral"
    assert cues.verb_stance("claim") == "claimed"
    assert cues.verb_stance("allege") == "alleged"
    assert cues.verb_stance("deny") == "denied"
    assert cues.verb_stance("refute") == "denied"
    assert cues.verb_stance("warn") == "threat"
    assert cues.verb_stance("report") == "reported"
    assert cues.verb_stance("confirm") == "asserted"
    assert cues.verb_stance("believe") == "belief"
    assert cues.verb_stance("eat") is None
    assert cues.is_reporting_verb("tweet") and cues.is_reporting_verb("Say")
    assert not cues.is_reporting_verb("believe") and cues.is_belief_verb("believe")
    assert cues.status_for("threat") == "threatened"
    assert cues.status_for("denied") == "denied"
    assert cues.noun_stance("denial") == "denied"


def test_cue_phrases(kb):
    text = "A spokesman for the ministry said in a statement, according to  Reuters, that ..."
    found = {p.phrase: p for p in kb.cues.find_phrases(text)}
    assert {"a spokesman for", "said in a statement", "according to"} <= set(found)
    p = found["according to"]
    assert text[p.span[0]:p.span[1]] == "according to" and p.kind == "source_before"


def test_nested_curly_quotes_stay_one_quote():
    text = "“I’d rather live in what he calls “hell” than with him,” she said."
    spans = find_quote_marks(text)
    assert len(spans) == 1
    assert text[spans[0][0]:spans[0][1]] == "“I’d rather live in what he calls “hell” than with him,”"


def test_next_quote_after_she_said_keeps_the_speaker(kb):
    text = ('The director said she felt the amendment was worth examining because it is “a loophole '
            'most people miss,” she said. “We have no context for the moment if we forget the past.”')
    qs = analyse(kb, text)
    last = qs[-1]
    assert last.text.startswith("“We have no context")
    assert last.speaker_text is not None and last.speaker_text.text == "she"


# -- issue 7: a quote belongs to the speaker named next to it -------------------------------

def _quotes(kb, text):
    from sitrep import pipeline
    from sitrep.model import Article
    return pipeline.process(Article(id="q", text=text, published="2025-11-20"), kb, until="quotes").quotes


def test_a_pronoun_speaker_is_the_subject_of_the_sentence_before_not_the_last_name(kb):
    found = _quotes(kb, 'Vladimir Padrino inspected the border posts on Monday, after Nicolas Maduro had met '
                        'the governors. He said: "Our units will stay in the province."')
    q = [q for q in found if q.kind == "direct"][0]
    assert q.speaker_text.text == "He"  # the annotation convention keeps the pronoun
    assert q.speaker is not None and "Padrino" in q.speaker.name


def test_a_quote_standing_alone_after_a_speaking_occasion(kb):
    found = _quotes(kb, 'Rivera addressed the strikers outside the plant on Friday. "Nobody goes back '
                        'to work until the contract is signed."')
    q = [q for q in found if q.kind == "direct"][0]
    assert q.speaker_text is not None and q.speaker_text.text == "Rivera"


def test_a_quote_runs_on_after_its_own_cue(kb):
    found = _quotes(kb, '"The bridge will reopen in May," Ortega told reporters after the mayor had left. '
                        '"The repairs are nearly finished."')
    direct = [q for q in found if q.kind == "direct"]
    assert len(direct) == 2 and all(q.speaker_text.text == "Ortega" for q in direct)


def test_an_excerpt_credited_on_the_line_below_is_the_authors_quote(kb):
    # round-ups of opinion pieces credit each excerpt on its own line; a multi-paragraph
    # excerpt opens each paragraph with a quote mark and closes only the last one
    text = ("Two views of the blockade.\n\n"
            "“The blockade of the port has hurt the poorest families first and the rulers last.\n\n"
            "“Nobody in the capital seems to notice what it costs the coast.”\n\n"
            "Jane Roe and Tom Poe, The Daily Planet\n\n"
            "The council meets again on Monday to discuss the matter.")
    q = only(analyse(kb, text), "direct")
    assert q.text.startswith("“The blockade") and q.text.endswith("coast.”")
    assert q.speaker_text.text.startswith("Jane Roe")
    assert q.cue.text == "The Daily Planet"


def test_a_sentence_after_a_quote_is_no_credit_line(kb):
    text = ("“The blockade of the port has hurt the poorest families first,” the mayor said.\n\n"
            "Officials, however, disagreed with him on Monday.")
    q = only(analyse(kb, text), "direct")
    assert q.cue.text == "said"


def test_a_wire_credit_under_a_quote_names_no_author(kb):
    text = ("“The harbour will stay closed until the inquiry ends.”\n\n"
            "Reporting by Tom Poe, Editing by Jane Roe\n\n"
            "The council meets again on Monday to discuss the matter.")
    assert all(q.speaker_text is None or "Reporting" not in q.speaker_text.text for q in analyse(kb, text))


def test_a_place_line_under_a_quote_is_no_author_and_outlet(kb):
    text = ("“The harbour will stay closed until the inquiry ends.”\n\n"
            "Paris, France\n\n"
            "The council meets again on Monday to discuss the matter.")
    found = analyse(kb, text)
    assert all(q.speaker_text is None or q.speaker_text.text != "Paris" for q in found)
    assert all(q.cue is None or q.cue.text != "France" for q in found)
