"""An act named as the object of an accusation is the accused party's act
(event_roles._controlled_doer). Every sentence is made up for these tests."""
from event_helpers import country, run
from event_helpers import first as of_type


def test_acts_in_the_object_of_an_accusation_are_the_accused_partys(kb):
    doc = run(kb, "The governor accused the rebels of beatings and killings of traders in the market.")
    assault = of_type(doc, "ASSAULT")
    assert assault.source is not None and assault.source.text == "rebels"


def test_examples_after_including_share_the_accused_doer(kb):
    doc = run(kb, "Kenya accused Ethiopia of grave abuses, including killings of herders near Moyale.")
    assert country(of_type(doc, "ASSAULT").source) == "ETH"


def test_a_protection_from_attacks_names_no_doer(kb):
    doc = run(kb, "Nigerian soldiers shielded the market town from attacks by unknown gunmen.")
    assault = of_type(doc, "ASSAULT")
    # the by-phrase names the attackers (the shielding soldiers are not they)
    assert assault.source is not None and assault.source.text == "unknown gunmen"
