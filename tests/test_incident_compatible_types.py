"""Compatible types (issue 8, session 12): one happening filed under two PLOVER types by
different outlets -- an air raid typed ASSAULT by one and COERCE by another, where
docs/annotation.md itself puts raids under COERCE and air strikes under ASSAULT -- is one
incident when the reports say much the same (compatible_types.tsv), or when one report
words it with both triggers in one clause. Only the COERCE reports of the boundary pair
(a raid, a seizure, a place stormed or captured): arrests or a curfew after an attack are
another happening. Acts of the two types told in coordinated clauses, or only in one
sentence's other clause, stay apart. And a report dated by its month joins the incident
of a day inside it."""
from test_incidents import groups, store_docs

from corpus_helpers import make_doc
from sitrep.knowledge.linking import compatible_types, cross_family_text, rule_for
from sitrep.model import Time


def _report(aid, sentence, *events, published="2025-12-10"):
    return make_doc(aid, [sentence], outlet=f"Wire {aid}", published=published,
                    events=[(0, typ, word, src, tgt, place, "2025-12-09") for typ, word, src, tgt, place in events])


def test_the_pair_table_joins_the_families_and_asks_for_text():
    assert rule_for("COERCE").family == rule_for("ASSAULT").family == "ASSAULT"
    assert rule_for("COERCE").own_family == "COERCE"
    assert compatible_types()["COERCE", "ASSAULT"] is compatible_types()["ASSAULT", "COERCE"]
    assert compatible_types()["COERCE", "ASSAULT"].text == 0.5
    assert cross_family_text("COERCE", "raided", [("ASSAULT", "killed")]) == 0.5
    assert cross_family_text("ASSAULT", "shelled", [("COERCE", "seizure")]) == 0.5
    assert cross_family_text("COERCE", "raid", [("COERCE", "arrested")]) == 0.0
    assert cross_family_text("COERCE", "raid", [("ASSAULT", "killed"), ("COERCE", "seized")]) == 0.5
    # an arrest joins no incident holding an attack, even beside a raid
    assert cross_family_text("COERCE", "arrested", [("COERCE", "raid"), ("ASSAULT", "killed")]) is None
    # an arrest, a curfew, a ban never pair with an attack
    assert cross_family_text("COERCE", "arrested", [("ASSAULT", "killed")]) is None
    assert cross_family_text("ASSAULT", "bombed", [("COERCE", "curfew")]) is None
    assert rule_for("PROTEST").family == "PROTEST"  # a protest and its repression stay two


def test_an_air_raid_filed_under_either_type_is_one_incident(tmp_path):
    store = store_docs(tmp_path, [
        _report("a", "Government jets killed fourteen villagers in an air raid on the cattle market of Maracaibo.",
                ("ASSAULT", "killed", "VEN", None, "Maracaibo")),
        _report("b", "An air raid on the cattle market of Maracaibo killed fourteen villagers, a rights monitor said.",
                ("COERCE", "raid", "VEN", None, "Maracaibo"))])
    assert groups(store) == [["a", "b"]]
    store.close()


def test_a_raid_worded_with_two_triggers_in_one_clause_is_one_report(tmp_path):
    """'killed by a suspected naval raid': the death toll and the raid are one happening."""
    store = store_docs(tmp_path, [make_doc("a", [
        "Nine fishermen were killed by a suspected naval raid on their camp near Maracaibo."],
        published="2025-12-10", events=[(0, "ASSAULT", "killed", "VEN", None, "Maracaibo", "2025-12-09"),
                                        (0, "COERCE", "raid", "VEN", None, "Maracaibo", "2025-12-09")])])
    assert groups(store) == [["a", "a"]]
    store.close()


def test_security_forces_storming_a_campus_under_either_type(tmp_path):
    store = store_docs(tmp_path, [
        _report("a", "Riot police beat dozens of students as they stormed the agronomy campus in Caracas before dawn.",
                ("ASSAULT", "beat", "VEN", None, "Caracas")),
        _report("b", "Before dawn riot police raided the agronomy campus in Caracas, where dozens of students were "
                     "beaten.", ("COERCE", "raided", "VEN", None, "Caracas"))])
    assert groups(store) == [["a", "b"]]
    store.close()


def test_acts_of_the_two_types_in_coordinated_clauses_are_two(tmp_path):
    """Near miss: shelling a district and seizing a warehouse are two happenings."""
    store = store_docs(tmp_path, [make_doc("a", [
        "Army gunners shelled the port district of La Guaira and seized the customs warehouse on the quay."],
        published="2025-12-10", events=[(0, "ASSAULT", "shelled", "VEN", None, "La Guaira", "2025-12-09"),
                                        (0, "COERCE", "seized", "VEN", None, "La Guaira", "2025-12-09")])])
    assert groups(store) == [["a"], ["a"]]
    store.close()


def test_a_sentence_telling_the_other_act_beside_its_own_is_no_evidence(tmp_path):
    """Near miss: 'announced strikes ... and that the admiral's yacht had been seized' shares
    the seizure's words with another outlet's report of it, not its own clause's."""
    store = store_docs(tmp_path, [
        _report("a", "The navy said its gunboats had seized the yacht of the rebel admiral Ruiz off Maracaibo.",
                ("COERCE", "seized", "VEN", None, "Maracaibo")),
        _report("b", "The defence minister announced that artillery had struck rebel trenches and that the yacht "
                     "of the rebel admiral Ruiz had been seized off Maracaibo.",
                ("ASSAULT", "struck", "VEN", None, "Maracaibo"))])
    assert groups(store) == [["a"], ["b"]]
    store.close()


def test_arrests_or_a_curfew_after_an_attack_are_other_happenings(tmp_path):
    """Near miss (review): the arrests and the curfew share the bombing's words, but an
    arrest or a curfew is no way of telling the attack."""
    store = store_docs(tmp_path, [
        _report("a", "A truck bomb tore through the fish market of Maracaibo, killing eleven traders.",
                ("ASSAULT", "tore", None, "VEN", "Maracaibo")),
        _report("b", "Police arrested four men over the truck bomb at the fish market of Maracaibo that killed eleven "
                     "traders.", ("COERCE", "arrested", "VEN", "VEN", "Maracaibo")),
        _report("c", "The governor imposed a curfew on Maracaibo after the truck bomb at the fish market killed "
                     "eleven traders.", ("COERCE", "curfew", "VEN", "VEN", "Maracaibo"))])
    # (whether the arrests and the curfew are one COERCE incident is the COERCE family's
    # own linking, unchanged here)
    assert ["a"] in groups(store)
    store.close()


def test_an_arrest_and_an_attack_of_one_day_and_city_stay_apart(tmp_path):
    """Near miss: other words, other happenings."""
    store = store_docs(tmp_path, [
        _report("a", "Gunmen on motorbikes shot dead two traffic wardens at a crossroads in Caracas.",
                ("ASSAULT", "shot", None, "VEN", "Caracas")),
        _report("b", "Police in Caracas detained a union organiser accused of hoarding flour.",
                ("COERCE", "detained", "VEN", None, "Caracas"))])
    assert groups(store) == [["a"], ["b"]]
    store.close()


def test_a_report_dated_by_its_month_joins_the_incident_of_a_day_inside_it(tmp_path):
    """Date precision: 'in November' is compatible with 'on 9 November' (a week alike)."""
    day = _report("a", "Government jets bombed the grain silos of Maracaibo, killing seven workers.",
                  ("ASSAULT", "bombed", "VEN", None, "Maracaibo"))
    month = _report("b", "In December government jets bombed the grain silos of Maracaibo and seven workers died.",
                    ("ASSAULT", "bombed", "VEN", None, "Maracaibo"), published="2025-12-20")
    month.events[0].date = Time(span=(0, 11), text="In December", value="2025-12", granularity="month")
    week = _report("c", "Last week government jets bombed the grain silos of Maracaibo; seven workers were killed.",
                   ("ASSAULT", "bombed", "VEN", None, "Maracaibo"), published="2025-12-16")
    week.events[0].date = Time(span=(0, 9), text="Last week", value="2025-W50", granularity="week")
    other_month = _report("d", "In October government jets bombed the grain silos of Maracaibo and seven workers "
                               "died.", ("ASSAULT", "bombed", "VEN", None, "Maracaibo"), published="2025-12-20")
    other_month.events[0].date = Time(span=(0, 10), text="In October", value="2025-10", granularity="month")
    store = store_docs(tmp_path, [day, month, week, other_month])
    assert groups(store) == [["a", "b", "c"], ["d"]]
    store.close()
