"""The brief keeps a role its cited sentence names, and clears one it does not."""
from sitrep.report.evidence import supported


def _event(sentence, source, source_in_sentence, target=None, target_in_sentence=None, **more):
    e = {"sentence": sentence, "type": "ASSAULT", "certainty": "asserted", "quad_class": "material conflict", "attributed_to": None,
         "source_name": source, "source_country": None, "source_sector": more.get("source_sector"),
         "target_name": target, "target_country": more.get("target_country"), "target_sector": None,
         "source_in_sentence": source_in_sentence, "target_in_sentence": target_in_sentence,
         "place_name": None, "place_country": None, "lat": None, "lon": None, "place_feature": None,
         "place_is_actor": False, "place_in_sentence": True}
    return e


def test_a_role_read_from_a_phrase_is_supported_by_its_own_words():
    # "gunmen" has no actor mention (a role phrase), but the sentence says it
    e = supported(_event("Gunmen attacked a checkpoint near the border on Monday.", "gunmen", None,
                         source_sector="REB"))
    assert e["source_name"] == "gunmen" and not e["unsupported"]


def test_a_role_the_sentence_does_not_name_is_cleared():
    e = supported(_event("The president condemned the operation on Monday.", "Mexico", None,
                         source_sector="GOV"))
    assert e["source_name"] is None and e["unsupported"] == ["source: Mexico"]


def test_a_name_inside_another_word_is_not_named():
    e = supported(_event("The Iranian navy held drills on Monday.", "Iran", None, source_sector="GOV"))
    assert e["source_name"] is None


def test_a_role_that_is_a_question_is_not_an_actor():
    e = supported(_event("It was not immediately clear how many people were killed.", None, None,
                         target="how many people", target_in_sentence=None))
    assert e["target_name"] is None and e["unsupported"] == ["target: how many people (a question, not an actor)"]
    kept = supported(_event("Gunmen killed many people near the border.", "gunmen", None, target="many people",
                            source_sector="REB"))
    assert kept["target_name"] == "many people"


def test_a_place_named_only_as_where_a_person_is_from_is_not_the_event_place():
    sentence = "Sen. Ann Roe of Maine said the strike on Borduria was justified."
    e = _event(sentence, None, None, place_name="Maine")
    e.update(place_name="Maine", place_country="US", actor_spans=[{"start": 5, "name": "Ann Roe"}])
    assert supported(e)["place_name"] is None and "place: Maine" in e["unsupported"]
    # a place named in its own right stays, and so does one after "of" that is no person's
    kept = _event("Troops shelled the outskirts of Maine on Monday, Ann Roe said.", None, None)
    kept.update(place_name="Maine", place_country="US", actor_spans=[{"start": 44, "name": "Ann Roe"}])
    assert supported(kept)["place_name"] == "Maine"
