"""Detection precision (session 9, precision10): page furniture, one event per happening,
non-events. Sentences invented for these tests."""
from event_helpers import run

from sitrep.stages.event_merge import same_stem


def triggers(doc):
    return [(e.type, e.trigger.text) for e in doc.events]


def mention_starts(doc):
    """Where every trigger and merged mention starts."""
    return [m.span[0] for e in doc.events for m in [e.trigger, *e.mentions]]


# -- page furniture: a quoted subheading must look like a title -------------------------

SPOKEN = ("Borduria's army shelled three villages in Ruritania on Monday, officials said.\n\n"
          "Ruritania's president spoke on state television that night.\n\n"
          "\"We will strike back at Borduria\"\n\n"
          "The villages lie close to the border, and the shelling lasted two hours.\n\n"
          "Talks between the two states broke down in May.")


def test_a_spoken_quote_alone_on_its_line_is_prose_not_a_heading(kb):
    doc = run(kb, SPOKEN)
    text = doc.article.text
    quote = (text.index("\"We will"), text.index("The villages"))
    assert [e for e in doc.events if quote[0] <= e.trigger.span[0] < quote[1]], triggers(doc)


TITLED = ("Borduria's army shelled three villages in Ruritania on Monday, officials said.\n\n"
          "'Borduria attacks the border villages'\n\n"
          "The villages lie close to the border, and the shelling lasted two hours.\n\n"
          "Talks between the two states broke down in May.")


def test_a_title_shaped_quote_alone_on_its_line_is_still_a_heading(kb):
    doc = run(kb, TITLED)
    text = doc.article.text
    heading = (text.index("'Borduria attacks"), text.index("The villages"))
    assert not [s for s in mention_starts(doc) if heading[0] <= s < heading[1]], triggers(doc)


# -- one event per happening: a verb and its event noun, a summary and its detail --------

def _events_with(doc, word):
    return [e for e in doc.events if word in [m.text for m in [e.trigger, *e.mentions]]]


BATTERY = ("Portugal set a date on Thursday for the dismantlement of an old missile battery on Madeira. "
           "The battery faces the open Atlantic. Farmers near the site had complained about noise for "
           "years. Army engineers will dismantle the {} within a month, a spokeswoman in Lisbon added. "
           "A museum hopes to take the launchers.")


def test_an_event_noun_and_its_verb_on_the_same_object_are_one_happening(kb):
    doc = run(kb, BATTERY.format("battery"))
    dismantling = _events_with(doc, "dismantlement") + _events_with(doc, "dismantle")
    assert len(dismantling) == 2 and dismantling[0] is dismantling[1], triggers(doc)
    assert {m.text for m in dismantling[0].mentions} == {"dismantlement", "dismantle"}


def test_an_event_noun_and_its_verb_on_another_object_stay_apart(kb):
    doc = run(kb, BATTERY.format("bunker"))
    assert len(_events_with(doc, "dismantlement")) == 1 and len(_events_with(doc, "dismantle")) == 1
    assert _events_with(doc, "dismantlement")[0] is not _events_with(doc, "dismantle")[0], triggers(doc)


QUARREL = ("Chile and Peru exchanged angry threats over the weekend. Chilean Foreign Minister Marta "
           "Quiroga warned on Sunday that {} would pay a heavy price if its trawlers crossed into "
           "Chilean waters. Both fleets chase the same anchovy shoals. The dispute dates back to a "
           "2014 ruling. Envoys will meet in Lima next month.")


def test_a_statement_detailing_a_summary_noun_joins_it(kb):
    doc = run(kb, QUARREL.format("Peru"))
    warned = _events_with(doc, "warned")
    assert len(warned) == 1 and warned[0].trigger.text == "exchanged angry threats", triggers(doc)


def test_a_statement_to_another_recipient_stays_its_own_event(kb):
    doc = run(kb, QUARREL.format("Bolivia"))
    warned = _events_with(doc, "warned")
    assert len(warned) == 1 and warned[0].trigger.text == "warned", triggers(doc)


def test_same_stem_ties_a_verb_to_its_event_noun_only():
    assert same_stem("dismantle", "dismantlement") and same_stem("negotiate", "negotiation")
    assert same_stem("withdraw", "withdrawal") and same_stem("attack", "attack")
    assert not same_stem("protest", "protection") and not same_stem("ban", "bank")
    assert same_stem("seize", "seizure") and same_stem("bomb", "bombing")
    # shared letters without a derivational ending are different words
    assert not same_stem("host", "hostage") and not same_stem("mine", "minister")


# -- non-events: prescriptions and guesses under "should" / "may" -------------------------

TAIL = (" Officials met in Oslo on Monday. The talks lasted four hours. Trade was the main topic. "
        "A second round is planned for May.")


def test_a_prescription_under_should_is_no_event_in_an_article(kb):
    doc = run(kb, "Norway should continue providing military aid to Ukraine, the columnist wrote." + TAIL)
    assert not [e for e in doc.events if e.trigger.text.startswith("providing")], triggers(doc)
    dropped = doc.article.meta["event_filter"]["dropped_events"]
    assert [d["reason"] for d in dropped if d["trigger"].startswith("providing")] == ["speculation"]


def test_a_prescription_through_a_carrying_verb_is_no_event(kb):
    doc = run(kb, "Under pressure from its allies, Norway should decide to expel the Russian ambassador." + TAIL)
    assert not [e for e in doc.events if e.trigger.text == "expel"], triggers(doc)


def test_a_hedged_past_act_under_may_have_is_kept(kb):
    # docs/annotation.md 6: a hedged past act ("may have used") is coded as hypothetical;
    # a writer's guess about the future ("may decide to expel") is the "prediction" rule's
    # (tests/test_event_filter_predictions11.py)
    doc = run(kb, "Under pressure from its allies, Norway may have expelled the Russian ambassador." + TAIL)
    assert [e for e in doc.events if e.trigger.text == "expelled"], triggers(doc)


def test_the_same_act_without_the_modal_is_coded(kb):
    doc = run(kb, "Under pressure from its allies, Norway expelled the Russian ambassador on Friday." + TAIL)
    assert [e for e in doc.events if e.trigger.text == "expelled"], triggers(doc)


def test_a_lone_sentence_keeps_its_prescribed_act(kb):
    doc = run(kb, "Norway should continue providing military aid to Ukraine.")
    assert [e for e in doc.events if e.trigger.text.startswith("providing")], triggers(doc)


def test_a_threat_a_speaker_makes_with_may_is_kept(kb):
    doc = run(kb, "\"We may expel the Russian ambassador,\" Norway's foreign minister told reporters." + TAIL)
    assert [e for e in doc.events if e.trigger.text == "expel"], triggers(doc)


def test_the_act_in_an_in_case_clause_of_an_article_is_no_event(kb):
    doc = run(kb, "Chile has drafted emergency tariffs on Argentine beef in case Argentina blockades the "
                  "mountain passes this winter." + TAIL)
    assert not [e for e in doc.events if e.trigger.text == "blockades"], triggers(doc)
    dropped = doc.article.meta["event_filter"]["dropped_events"]
    assert [d["reason"] for d in dropped if d["trigger"] == "blockades"] == ["condition"]


def test_an_act_told_only_in_a_question_is_no_event_in_an_article(kb):
    doc = run(kb, "Why did Norway expel the Russian ambassador?" + TAIL)
    assert not [e for e in doc.events if e.trigger.text == "expel"], triggers(doc)
    dropped = doc.article.meta["event_filter"]["dropped_events"]
    assert [d["reason"] for d in dropped if d["trigger"] == "expel"] == ["question"]


def test_the_same_act_as_a_statement_is_coded(kb):
    doc = run(kb, "Norway expelled the Russian ambassador on Friday." + TAIL)
    assert [e for e in doc.events if e.trigger.text == "expelled"], triggers(doc)
