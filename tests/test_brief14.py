"""Session 13 brief14 (issue 8, key figures tied to incidents; invented sentences): a number
belongs to the act whose trigger is nearest to it in its sentence -- the one before it (a
toll follows its act), else the one after it -- so a sentence that reports two acts gives
each its own figures; and a sum in the sentence after an act is not the act's figure."""
from datetime import date

from brief_helpers import article, store_of
from sitrep.knowledge.report_terms import load_report_terms
from sitrep.report.compose import compose
from sitrep.report.evidence import Predicate
from sitrep.report.figures import incident_figures, nearest_predicate

TERMS = load_report_terms()


def _mention(sentence: str, trigger: str, event_id: str = "a:e1", incident_id: str = "inc-own",
             quad_class: str = "material conflict") -> dict:
    return {"certainty": "asserted", "sentence": sentence, "sentence_start": 0, "sentence_end": len(sentence),
            "article_id": "a", "event_id": event_id, "incident_id": incident_id, "quad_class": quad_class,
            "independent_key": "Wire", "outlet": "Wire", "event_date": date(2024, 5, 6), "figures": [],
            "trigger_start": sentence.index(trigger)}


def _quantity(sentence: str, text: str, value: float, counted: str) -> dict:
    at = sentence.index(text)
    return {"start_char": at, "end_char": at + len(text), "value": value, "unit": None, "counted": counted,
            "article_id": "a"}


def _act(sentence: str, trigger: str, event_id: str, incident_id: str) -> Predicate:
    at = sentence.index(trigger)
    return Predicate(at, at + len(trigger), event_id, incident_id)


def _figures(sentence: str, own: str, other: str, number: str, value: float, counted: str,
             other_incident: str = "inc-other") -> list[str]:
    """The kinds of the figures the incident of the ``own`` act gets when ``other`` is
    another event's trigger in the same sentence."""
    m = _mention(sentence, own)
    predicates = {("a", 0): sorted([_act(sentence, own, "a:e1", "inc-own"),
                                    _act(sentence, other, "a:e2", other_incident)], key=lambda p: p.start)}
    quantities = {("a", 0): [_quantity(sentence, number, value, counted)]}
    return [f.kind for f in incident_figures([m], "x", quantities, TERMS, predicates=predicates)]


def test_nearest_predicate_looks_on_the_side_of_the_cue():
    acts = [Predicate(0, 5, "e1", None), Predicate(20, 26, "e2", None), Predicate(60, 66, "e3", None)]
    assert nearest_predicate(40, acts).event_id == "e2"
    assert nearest_predicate(40, acts, forward=True).event_id == "e3"
    assert nearest_predicate(10, acts).event_id == "e1"
    assert nearest_predicate(70, acts).event_id == "e3"
    assert nearest_predicate(70, acts, forward=True).event_id == "e3"  # nothing after: the act before
    # nothing before it: the act after it ("40 people died in the raid")
    assert nearest_predicate(0, [Predicate(12, 16, "e9", None)]).event_id == "e9"
    assert nearest_predicate(3, []) is None


def test_a_number_told_before_its_toll_verb_belongs_to_the_act_after_it():
    sentence = "Ruritanian envoys met the mayor on Monday; 40 villagers died when the militia blew up the dam."
    assert _figures(sentence, "blew up", "met", "40 villagers", 40, "villagers") == ["killed"]
    # and it is not the figure of the meeting before it
    m = _mention(sentence, "met", event_id="a:e2", incident_id="inc-other")
    predicates = {("a", 0): sorted([_act(sentence, "blew up", "a:e1", "inc-own"),
                                    _act(sentence, "met", "a:e2", "inc-other")], key=lambda p: p.start)}
    quantities = {("a", 0): [_quantity(sentence, "40 villagers", 40, "villagers")]}
    assert incident_figures([m], "x", quantities, TERMS, predicates=predicates) == []


def test_a_toll_in_another_acts_relative_clause_is_not_this_incidents():
    sentence = "Borduran jets shelled the port on Monday, a week after the ambush that killed 14 guards."
    assert _figures(sentence, "shelled", "ambush", "14 guards", 14, "guards") == []


def test_a_toll_participle_after_another_act_is_that_acts():
    sentence = "The army imposed a curfew in Kassel after rioters stormed the town hall, wounding 9 officers."
    assert _figures(sentence, "imposed a curfew", "stormed", "9 officers", 9, "officers") == []


def test_a_number_opening_the_sentence_belongs_to_the_first_act_after_it():
    sentence = "Some 3,000 families fled when militias overran the valley, and jets bombed the bridges on Tuesday."
    assert _figures(sentence, "bombed", "overran", "3,000 families", 3000, "families") == []


def test_near_miss_the_toll_of_the_incidents_own_act_stays():
    sentence = "The ambush, which killed 14 guards, was followed on Monday by the shelling of the port."
    assert _figures(sentence, "ambush", "shelling", "14 guards", 14, "guards") == ["killed"]


def test_near_miss_an_act_of_the_same_incident_keeps_the_figure():
    sentence = "Borduran jets bombed the bridge on Monday in a raid that killed 6 drivers."
    assert _figures(sentence, "bombed", "raid", "6 drivers", 6, "drivers", other_incident="inc-own") == ["killed"]


def test_near_miss_a_sentence_with_one_act_keeps_its_numbers():
    sentence = "Rockets hit a market in Kassel on Monday and 11 shoppers were killed."
    m = _mention(sentence, "hit")
    predicates = {("a", 0): [_act(sentence, "hit", "a:e1", "inc-own")]}
    quantities = {("a", 0): [_quantity(sentence, "11 shoppers", 11, "shoppers")]}
    assert [f.kind for f in incident_figures([m], "x", quantities, TERMS, predicates=predicates)] == ["killed"]


def _next_sentence(sentence: str, text: str, value: float, unit, counted):
    at = sentence.index(text)
    q = {"start_char": 500 + at, "end_char": 500 + at + len(text), "value": value, "unit": unit,
         "counted": counted, "article_id": "a"}
    return lambda m: {**m, "sentence": sentence, "sentence_start": 500, "sentence_end": 500 + len(sentence),
                      "figures": [], "_quantities": [q]}


def test_a_sum_in_the_sentence_after_an_attack_is_not_its_figure():
    m = _mention("Borduran gunners shelled the depot near Kassel on Friday.", "shelled")
    after = _next_sentence("Parliament was then asked for $40 billion more for the army.", "$40 billion",
                           40e9, "USD", None)
    assert incident_figures([m], "x", {}, TERMS, after=after) == []
    after = _next_sentence("The cabinet has pledged $2 billion to rebuild the northern towns.", "$2 billion",
                           2e9, "USD", None)
    assert incident_figures([m], "x", {}, TERMS, after=after) == []


def test_near_miss_a_toll_in_the_sentence_after_an_attack_stays():
    m = _mention("Borduran gunners shelled the depot near Kassel on Friday.", "shelled")
    after = _next_sentence("Officials said 7 workers were killed.", "7 workers", 7, None, "workers")
    assert [f.kind for f in incident_figures([m], "x", {}, TERMS, after=after)] == ["killed"]


def test_the_brief_of_a_store_ties_each_toll_to_its_own_act(tmp_path):
    """Through the store: the toll of a raid told in the same sentence as a later strike is
    no key figure of the strike; the toll of the strike's own sentence is."""
    doc = article("t1", "Turkey strikes Syria", [
        "Turkey bombed an army depot near Idlib on Monday, four days after a Syrian raid that killed 40 villagers.",
        "The strike by Turkey on the depot in Syria killed 5 soldiers, officials said on Monday.",
    ], published="2019-05-07", events=(
        {"s": 0, "type": "ASSAULT", "trigger": "bombed", "source": "Turkey", "target": "Syria", "place": "Idlib",
         "date": "2019-05-06"},
        {"s": 0, "type": "ASSAULT", "trigger": "raid", "source": "Syria", "date": "2019-05-02"},
        {"s": 1, "type": "ASSAULT", "trigger": "strike", "source": "Turkey", "target": "Syria", "place": "Idlib",
         "date": "2019-05-06"},
    ), quantities=((0, "40 villagers", 40, None, "villagers"), (1, "5 soldiers", 5, None, "soldiers")))
    with store_of(tmp_path / "s.duckdb", [doc]) as store:
        brief = compose(store, about="Syria", since="2019-05-01", until="2019-05-10")
    strike = next(i for i in brief.headlines if i.title.startswith("Turkey"))
    assert [(f.kind, f.text) for f in strike.figures] == [("killed", "killed 5 soldiers")]
    assert not any("40" in f.text for f in strike.figures)


def test_near_miss_a_sum_after_its_verb_is_that_acts_even_with_an_act_after_it():
    sentence = "Borduria sold the rebels $2 million in rifles before the militias stormed Kassel."
    m = _mention(sentence, "sold", quad_class="material cooperation")
    predicates = {("a", 0): [_act(sentence, "sold", "a:e1", "inc-own"),
                             _act(sentence, "stormed", "a:e2", "inc-other")]}
    at = sentence.index("$2 million")
    q = {"start_char": at, "end_char": at + len("$2 million"), "value": 2e6, "unit": "USD",
         "counted": None, "article_id": "a"}
    assert [f.kind for f in incident_figures([m], "x", {("a", 0): [q]}, TERMS, predicates=predicates)] == ["money"]


def test_a_name_opening_with_a_possessive_never_takes_the():
    # a description whose possessor the actor stage left unresolved is determined already
    assert TERMS.in_sentence("Its parliament") == "its parliament"
    assert TERMS.in_sentence("his regime") == "his regime"
    assert TERMS.in_sentence("Their armed forces") == "their armed forces"
    assert TERMS.in_sentence("our government") == "our government"


def test_near_miss_definite_heads_and_proper_names_keep_their_form():
    assert TERMS.in_sentence("State Department") == "the State Department"
    assert TERMS.in_sentence("parliament") == "the parliament"
    assert TERMS.in_sentence("Her Majesty's Government") == "Her Majesty's Government"
    assert TERMS.in_sentence("Hisham Qasim") == "Hisham Qasim"  # a name that only starts like "his"


def test_a_headline_of_a_possessive_actor_reads_as_a_sentence():
    from sitrep.report.headlines import title_of
    e = {"source_name": "His regime", "source_country": None, "source_sector": None, "target_name": "protesters",
         "target_country": None, "target_sector": None, "type": "ASSAULT", "place_name": None,
         "quad_class": "material conflict"}
    assert title_of(e, TERMS) == "His regime used force against protesters"
    assert title_of(e, TERMS, opening=False) == "his regime used force against protesters"
    e = dict(e, source_name="Ruritania", target_name="Its parliament")
    assert title_of(e, TERMS).endswith("against its parliament")


def _read(sentence: str, number: str, counted=None):
    from sitrep.report.figures import read_figure
    at = sentence.index(number)
    return read_figure({"start_char": at, "end_char": at + len(number), "value": 1, "unit": None,
                        "counted": counted}, sentence, 0, TERMS)


def test_a_toll_verb_right_before_the_number_names_its_kind():
    # review of 087a9d0: a cue after the number ('troops') took the toll of the verb before it
    assert _read("The air strike killed 86 people on Tuesday as troops advanced on the town.", "86") == \
        ("killed", "killed 86")
    assert _read("The strikes killed 12 soldiers and wounded 30 others.", "12", "soldiers") == ("killed", "killed 12")
    assert _read("Police arrested 40 protesters after the march, as troops moved in.", "40") == ("detained", "arrested 40")


def test_near_miss_a_verb_that_is_no_toll_before_the_number_leaves_its_noun_to_say():
    assert _read("The army deployed 15,000 troops near the border.", "15,000", "troops") == ("forces", "15,000 troops")
    assert _read("Borduria fired 50 shells at the depot.", "50", "shells") is None
    assert _read("More than 30 sheep were killed as the barn collapsed.", "More than 30") == \
        ("killed", "More than 30 sheep were killed")


def test_the_toll_of_an_act_before_stays_its_own_when_another_act_follows():
    sentence = "The air strike killed 86 people on Tuesday as troops advanced on the town."
    assert _figures(sentence, "air strike", "advanced", "86", 86, None) == ["killed"]
