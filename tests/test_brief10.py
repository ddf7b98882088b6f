"""Session 10 brief work (issue 8 on real news), invented sentences: the brief's check of a
noun trigger's actor leaves verb forms, light-verb phrases and a far "by" to the events
stage, an object of a preposition that still acts keeps its role, a physical act's target read from a place name is also where it
lands, and the key-developments paragraph reads as a dated summary."""
from datetime import date

from sitrep.report.roles import role_in_context


def _event(sentence, source=None, trigger=None, quad="material conflict", kind="ASSAULT"):
    return {"sentence": sentence, "sentence_start": 0, "type": kind, "quad_class": quad,
            "source_name": source, "target_name": None, "trigger": trigger,
            "trigger_start": sentence.index(trigger) if trigger else None,
            "actor_spans": [{"start": sentence.index(source), "name": source}] if source else [],
            "neighbours": []}


def test_the_agent_a_noun_trigger_names_after_by_or_from_keeps_the_source():
    e = _event("The seizure of a grain barge by Borduran marines has alarmed shippers.", "Borduran", "seizure",
               kind="COERCE")
    assert role_in_context(e, "source") is None
    e = _event("Talks stalled over concessions from Ruritania on the dam.", "Ruritania", "concessions",
               quad="material cooperation", kind="CONCEDE")
    assert role_in_context(e, "source") is None


def test_a_trigger_in_a_verb_form_or_after_a_light_verb_phrase_keeps_the_source():
    e = _event("Officials accused Ruritania of attacking the border post.", "Ruritania", "attacking")
    assert role_in_context(e, "source") is None
    e = _event("Ruritania is staging a new round of naval exercises.", "Ruritania", "naval exercises",
               kind="MOBILIZE")
    assert role_in_context(e, "source") is None
    e = _event("Ruritania carried out a strike on the depot.", "Ruritania", "strike")
    assert role_in_context(e, "source") is None
    # a noun no light verb takes is still not the subject's act
    e = _event("Ruritania braced for a renewed offensive.", "Ruritania", "offensive")
    assert role_in_context(e, "source") == "not named as the actor of the noun"


def test_the_subject_of_a_gerund_after_a_preposition_keeps_the_source():
    e = _event("Now come reports of Ruritanian troops massing near the river.", "Ruritanian troops", "massing",
               quad="material conflict", kind="MOBILIZE")
    assert role_in_context(e, "source") is None


def test_a_plain_object_of_a_preposition_is_still_no_source():
    e = _event("The council voted for sanctions against Ruritania on Monday.", "Ruritania", "sanctions",
               kind="SANCTION")
    assert role_in_context(e, "source") == "named only as an object"
    # a finite verb right after the object does not make it the actor ("strikes on X killed")
    e = _event("Shelling on Ruritania killed four people.", "Ruritania", "killed")
    assert role_in_context(e, "source") == "named only as an object"


def test_a_strike_on_a_capital_is_placed_there_not_in_another_capital_named_as_a_party():
    import sitrep
    doc = sitrep.extract("The Saudi airstrikes on Sanaa on Friday widened the gap between Riyadh and Tehran.",
                         published="2024-05-04", snippet=True)
    strikes = [e for e in doc.events if e.type == "ASSAULT"]
    assert strikes and strikes[0].place is not None and strikes[0].place.name == "Sanaa"
