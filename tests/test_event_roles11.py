"""Last checks on roles (session 11, issue 7 item 3): no act aimed at its own doer, and
no invented target for a show of force. Every sentence is made up for these tests."""
from types import SimpleNamespace

import pytest

from event_helpers import country, first, one, run
from sitrep.model import Actor


def test_a_missile_test_is_not_aimed_at_a_rival_named_later_in_the_sentence(kb):
    doc = run(kb, "Pakistan conducted a missile test, a week after India accused Islamabad of "
                  "sheltering militants.")
    test = one(doc, "MOBILIZE")
    assert country(test.source) == "PAK"
    assert test.target is None
    # the removed target stays traceable: rule, act and the dropped mention's span
    [check] = doc.article.meta["role_checks"]
    assert check["rule"] == "unaimed display" and check["dropped"]["country"] == "IND"
    assert doc.article.text[slice(*check["dropped"]["span"])] == "India"


def test_a_parade_takes_no_target_from_talks_it_follows(kb):
    doc = run(kb, "North Korea held a military parade on Saturday, days after talks between Seoul "
                  "and Washington.")
    parade = one(doc, "MOBILIZE")
    assert country(parade.source) == "PRK"
    assert parade.target is None


def test_drills_keep_the_partner_they_are_held_with(kb):
    doc = run(kb, "Russia conducted military exercises with Belarus near the Polish border this week.")
    drills = one(doc, "MOBILIZE")
    assert country(drills.target) == "BLR"


def test_a_test_fired_missile_is_not_fired_at_a_state_the_sentence_names_elsewhere(kb):
    doc = run(kb, "North Korea test-fired a ballistic missile on Sunday, a week after Japan and "
                  "South Korea held talks in Tokyo.")
    launch = first(doc, "ASSAULT")
    assert country(launch.source) == "PRK"
    assert launch.target is None


def _actor(text, start, country=None, sector=None, kind="state", actor_id=None):
    return Actor(span=(start, start + len(text)), text=text, name=text, country=country,
                 sector=sector, kind=kind, actor_id=actor_id)


def _act(type_, source, target):
    """A hand-made happening: its type, roles and a first mention with a trigger."""
    trigger = SimpleNamespace(text="acted", span=(100, 105))
    return SimpleNamespace(type=type_, source=source, target=target,
                           first=SimpleNamespace(event=SimpleNamespace(trigger=trigger)))


def test_an_act_whose_target_is_its_own_doer_loses_the_target():
    from sitrep.stages.event_roles import no_self_targets
    doer = _actor("Freedonia", 0, "FRE")
    same_state_again = _actor("Freedonia", 40, "FRE")
    attack = _act("ASSAULT", source=doer, target=same_state_again)
    removed = no_self_targets([attack])
    assert attack.target is None
    # provenance: the removed target is listed with its span and the rule
    assert removed == [{"rule": "self target", "type": "ASSAULT", "trigger": "acted", "span": [100, 105],
                        "role": "target", "dropped": {"text": "Freedonia", "span": [40, 49], "country": "FRE"}}]


def test_two_parties_of_one_country_and_protests_keep_their_target():
    from sitrep.stages.event_roles import no_self_targets
    police = _actor("police", 0, "VEN", sector="COP", kind="group")
    protesters = _actor("protesters", 20, "VEN", sector="CIV", kind="group")
    arrest = _act("COERCE", source=police, target=protesters)
    city = _actor("Caracas", 40, "VEN")
    protest = _act("PROTEST", source=city, target=_actor("Caracas", 60, "VEN"))
    no_self_targets([arrest, protest])
    assert arrest.target is protesters
    assert protest.target is not None


def test_the_same_person_twice_is_one_party():
    from sitrep.stages.event_roles import no_self_targets
    speaker = _actor("Senator Smith", 0, "USA", sector="GOV", kind="person", actor_id="person:smith")
    again = _actor("Smith", 50, "USA", sector="GOV", kind="person", actor_id="person:smith")
    other = _actor("Senator Jones", 80, "USA", sector="GOV", kind="person", actor_id="person:jones")
    charge = _act("ACCUSE", source=speaker, target=again)
    rebuke = _act("ACCUSE", source=speaker, target=other)
    no_self_targets([charge, rebuke])
    assert charge.target is None
    assert rebuke.target is other


def test_the_role_check_lists_are_typed(tmp_path):
    from sitrep.knowledge.actors import load_role_words
    words = load_role_words()
    assert words.self_directed_types == frozenset({"PROTEST"})
    assert {"test", "drill", "parade"} <= words.display_acts
    assert {"toward", "with"} <= words.aiming_prepositions
    bad = tmp_path / "role_words.tsv"
    bad.write_text("list\tword\tvalue\nself_directed_type\tMARCH\t\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_role_words(bad)


def test_an_armed_group_named_after_its_state_acts_for_it(kb):
    doc = run(kb, "The Eritrean Liberation Front attacked a police post near the border on Monday.")
    attack = one(doc, "ASSAULT")
    assert attack.source is not None and attack.source.sector == "REB"
    assert country(attack.source) == "ERI"


def _import_script():
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "scripts" / "import_phoenix.py"
    spec = importlib.util.spec_from_file_location("import_phoenix_for_tests", path)
    module = importlib.util.module_from_spec(spec)
    import sys
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_a_region_or_a_surname_is_no_state_of_a_group():
    script = _import_script()
    names = script._names_state_at
    assert names(("front", "for", "the", "liberation", "of", "angola"), 5, 6)
    assert names(("eritrean", "liberation", "front"), 0, 1)
    assert not names(("latin", "american", "patriotic", "army"), 1, 2)  # a region
    assert not names(("kulwinder", "mali"), 1, 2)  # a person's surname


def test_a_participle_of_accusing_after_a_report_is_the_speakers(kb):
    doc = run(kb, "Armenia's defence ministry said Azerbaijani saboteurs had seized a border post, "
                  "accusing Baku of provocation.")
    charge = one(doc, "ACCUSE")
    assert country(charge.source) == "ARM" and "ministry" in charge.source.text
    assert country(charge.target) == "AZE"


def test_a_participle_of_harm_after_a_report_stays_with_the_reported_doer(kb):
    doc = run(kb, "The army said rebels attacked a convoy near Gao, killing five soldiers.")
    attack = first(doc, "ASSAULT")
    assert attack.source is not None and attack.source.text == "rebels"


def test_the_shabab_without_al_is_the_somali_group(kb):
    doc = run(kb, "The Shabab attacked a hotel in the capital on Friday.")
    attack = one(doc, "ASSAULT")
    assert country(attack.source) == "SOM" and attack.source.sector == "REB"
