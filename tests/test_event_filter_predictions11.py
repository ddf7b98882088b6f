"""The event filter's "prediction" and "habitual" rules (session 10, nonevent11): a
writer's or commentator's guess and a habit are no events in an article. Sentences
invented for these tests."""
from event_helpers import FILTER_TAIL as TAIL
from event_helpers import dropped_reasons as reasons
from event_helpers import kept, run, triggers


def test_a_writers_guess_under_may_is_dropped_as_a_prediction(kb):
    doc = run(kb, "Under pressure from its allies, Norway may decide to expel the Russian ambassador." + TAIL)
    assert not kept(doc, "expel"), triggers(doc)
    assert reasons(doc, "expel") == ["prediction"]


def test_a_capability_in_a_relative_clause_is_dropped(kb):
    doc = run(kb, "Borduria has built new rockets that could strike the capital of Ruritania." + TAIL)
    assert not kept(doc, "strike"), triggers(doc)
    assert reasons(doc, "strike") == ["prediction"]


def test_a_guess_carried_by_a_governing_verb_is_dropped(kb):
    doc = run(kb, "Months of drought might end up forcing Borduria's rulers to expel the foreign monitors." + TAIL)
    assert not kept(doc, "expel"), triggers(doc)
    assert reasons(doc, "expel") == ["prediction"]


def test_an_expected_act_is_dropped(kb):
    doc = run(kb, "Neither package is expected to cut off Borduria's banks from foreign lenders." + TAIL)
    assert not kept(doc, "cut off"), triggers(doc)
    assert reasons(doc, "cut off") == ["prediction"]


def test_the_same_act_stated_as_done_is_coded(kb):
    doc = run(kb, "Under pressure from its allies, Norway expelled the Russian ambassador on Friday." + TAIL)
    assert kept(doc, "expelled"), triggers(doc)


def test_a_political_speakers_could_is_kept(kb):
    doc = run(kb, "\"We could expel the Russian ambassador,\" Norway's foreign minister told reporters." + TAIL)
    assert kept(doc, "expel"), triggers(doc)


def test_a_dated_plan_under_would_is_kept(kb):
    doc = run(kb, "The envoy of Norway would travel to Kyiv on Thursday to meet Ukraine's president." + TAIL)
    assert [e for e in doc.events if e.type in ("CONSULT", "AGREE")], triggers(doc)
    assert "prediction" not in [d.get("reason") for d in doc.article.meta["event_filter"]["dropped_events"]]


def test_a_lone_sentence_keeps_its_possible_act(kb):
    doc = run(kb, "Under pressure from its allies, Norway may decide to expel the Russian ambassador.")
    assert kept(doc, "expel"), triggers(doc)


def test_a_habit_is_no_event_in_an_article(kb):
    doc = run(kb, "Bordurian patrol boats typically seize Ruritanian trawlers near the reef." + TAIL)
    assert not kept(doc, "seize"), triggers(doc)
    assert reasons(doc, "seize") == ["habitual"]


def test_the_same_seizure_on_a_day_is_coded(kb):
    doc = run(kb, "Bordurian patrol boats seized two Ruritanian trawlers near the reef on Sunday." + TAIL)
    assert kept(doc, "seized"), triggers(doc)


def test_an_unknown_cue_kind_names_the_file_and_line(tmp_path):
    import pytest
    from sitrep.stages.event_filter import load_filter_cues
    bad = tmp_path / "cues.tsv"
    bad.write_text("prediction\twould could\nguess\tmaybe\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues.tsv:2"):
        load_filter_cues(bad)


def test_an_act_under_an_expectation_with_an_infinitive_clause_is_dropped(kb):
    doc = run(kb, "The summit does not mean that anyone should expect Borduria to attack Ruritania." + TAIL)
    assert not kept(doc, "attack"), triggers(doc)


def test_an_act_after_going_to_is_a_prediction(kb):
    doc = run(kb, "Analysts say the Bordurians are going to expel the Ruritanian envoy." + TAIL)
    assert not kept(doc, "expel"), triggers(doc)
    assert reasons(doc, "expel") == ["prediction"]


def test_a_hedged_past_act_under_an_adverb_of_likelihood_is_kept(kb):
    doc = run(kb, "Bordurian gunboats probably attacked the Ruritanian ferry near the reef." + TAIL)
    assert kept(doc, "attacked"), triggers(doc)


def test_a_past_act_under_likely_to_have_is_kept(kb):
    doc = run(kb, "Borduria is likely to have expelled the Ruritanian envoy." + TAIL)
    assert kept(doc, "expelled"), triggers(doc)


def test_a_named_states_habit_is_kept_once_as_background(kb):
    doc = run(kb, "For years Norway has usually condemned Russian border raids within a day." + TAIL)
    condemned = kept(doc, "condemned")
    assert condemned and condemned[0].background, triggers(doc)
    assert "habitual" not in [d.get("reason") for d in doc.article.meta["event_filter"]["dropped_events"]]


def test_an_event_noun_under_a_habitual_verb_is_no_habit():
    from sitrep.stages.event_filter import _habit_carriers
    from sitrep.stages.nlp import load_spacy
    nlp = load_spacy()
    sent = nlp("Ruritania typically condemned the raids on its border posts.")
    raids = next(t for t in sent if t.text == "raids")
    assert [t.text for t in _habit_carriers(raids)] == ["raids"]
    condemned = next(t for t in sent if t.text == "condemned")
    assert _habit_carriers(condemned)[0] is condemned


def test_a_named_partys_stance_told_indirectly_is_kept(kb):
    doc = run(kb, "Norway's prime minister would not rule out sanctions against Moscow if the envoy "
                  "stays." + TAIL)
    assert kept(doc, "rule out") and kept(doc, "rule out")[0].type == "THREATEN", triggers(doc)
    doc = run(kb, "Norway would accept any vote of the council." + TAIL)
    assert kept(doc, "accept"), triggers(doc)
    doc = run(kb, "Under pressure from its allies, Norway might soon expel the Russian ambassador." + TAIL)
    assert reasons(doc, "expel") == ["prediction"]
