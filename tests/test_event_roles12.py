"""Roles on real news (session 11, issue 7): who comments on a reported act, targets of
one country that are other parties, a bare "the government" and the place of reporting,
and the Phoenix rows of the Irish armed groups. Every sentence is made up for these tests."""
from types import SimpleNamespace

from event_helpers import country, first, one, run
from sitrep.model import Actor


# -- a participle of accusing after a reported clause

def test_a_charge_against_the_speakers_own_men_is_the_reported_doers(kb):
    doc = run(kb, "Police said students stormed a police post in the capital, accusing the officers "
                  "of beating a classmate.")
    charge = one(doc, "ACCUSE")
    assert charge.source is not None and charge.source.text == "students"
    assert charge.target is not None and charge.target.text == "officers"


def test_a_ministry_does_not_accuse_its_own_government(kb):
    doc = run(kb, "The interior ministry said demonstrators occupied the election office, accusing "
                  "the government of rigging the vote.")
    charge = one(doc, "ACCUSE")
    assert charge.source is not None and charge.source.text == "demonstrators"


def test_a_charge_against_the_reported_doers_side_stays_the_speakers(kb):
    doc = run(kb, "Moscow said Ukrainian drones hit a fuel depot near Belgorod, accusing Kyiv of "
                  "terrorism.")
    charge = one(doc, "ACCUSE")
    assert country(charge.source) == "RUS" and country(charge.target) == "UKR"


def test_one_side_joins_a_role_phrase_to_a_party_of_its_sector_only():
    from sitrep.stages.event_roles import one_side
    police = Actor(span=(0, 6), text="Police", name="police", sector="COP", kind="group", resolved_by="phrase")
    officers = Actor(span=(40, 48), text="officers", name="officers", sector="MIL", kind="group",
                     resolved_by="phrase")
    students = Actor(span=(12, 20), text="students", name="students", sector="EDU", kind="group",
                     resolved_by="phrase")
    chile = Actor(span=(60, 65), text="Chile", name="Chile", country="CHL", sector="GOV", kind="state",
                  resolved_by="kb")
    peru = Actor(span=(70, 74), text="Peru", name="Peru", country="PER", sector="GOV", kind="state",
                 resolved_by="kb")
    gov = Actor(span=(80, 90), text="government", name="government", sector="GOV", kind="group",
                resolved_by="phrase", country="PER")
    assert one_side(police, officers)  # armed bodies a role noun does not tell apart
    assert not one_side(police, students)
    assert not one_side(chile, peru)  # two named states of one sector stay two
    assert one_side(gov, peru) and not one_side(gov, chile)


# -- same-country targets that are other parties keep their target

def test_a_government_acting_on_its_own_opposition_keeps_the_target(kb):
    doc = run(kb, "The Belarusian government detained three opposition lawmakers on Tuesday.")
    arrest = one(doc, "COERCE")
    assert country(arrest.source) == "BLR" and country(arrest.target) == "BLR"
    assert arrest.target.sector != arrest.source.sector
    assert "role_checks" not in doc.article.meta


def _actor(text, start, country=None, sector=None, kind="state", actor_id=None, name=None):
    return Actor(span=(start, start + len(text)), text=text, name=name or text, country=country,
                 sector=sector, kind=kind, actor_id=actor_id)


def _act(type_, source, target):
    trigger = SimpleNamespace(text="acted", span=(100, 105))
    return SimpleNamespace(type=type_, source=source, target=target,
                           first=SimpleNamespace(event=SimpleNamespace(trigger=trigger)))


def test_the_self_target_check_spares_every_other_party_of_the_country():
    from sitrep.stages.event_roles import no_self_targets
    army = _actor("the army", 0, "SYR", "MIL", kind="group", name="Syria")
    kept = [_act("ASSAULT", army, _actor("rebels", 30, "SYR", "REB", kind="group")),
            _act("COERCE", army, _actor("protesters", 30, "SYR", "CIV", kind="group")),
            _act("COERCE", _actor("Syria", 0, "SYR", "GOV", actor_id="SYR"),
                 _actor("Syrian army", 30, "SYR", "MIL", kind="group", actor_id="SYR-MIL")),
            _act("ACCUSE", _actor("Damascus", 0, "SYR", "GOV", actor_id="SYR"),
                 _actor("the opposition", 30, "SYR", "OPP", kind="group"))]
    assert no_self_targets(kept) == []
    assert all(h.target is not None for h in kept)
    twice = _act("ASSAULT", army, _actor("the army", 30, "SYR", "MIL", kind="group", name="Syria"))
    assert [r["rule"] for r in no_self_targets([twice])] == ["self target"] and twice.target is None


# -- a bare "the government" and the place where the act was reported

def test_a_bare_government_takes_the_articles_country_not_the_place_of_reporting(kb):
    doc = run(kb, "In Paris, diplomats said the government had expelled two foreign reporters from "
                  "Managua. Nicaragua has faced months of unrest, and President Daniel Ortega "
                  "accused the United States of funding his opponents.")
    expulsion = one(doc, "SANCTION")
    assert expulsion.source is not None and expulsion.source.text == "government"
    assert country(expulsion.source) == "NIC"


def test_police_still_take_the_country_they_act_in(kb):
    doc = run(kb, "On Friday, riot police fired tear gas at marchers in Nairobi. Uganda and "
                  "Tanzania called for calm.")
    assert country(first(doc, "ASSAULT").source) == "KEN"


# -- the Irish armed groups of the Phoenix dictionaries

def test_the_irish_armed_groups_act_for_the_united_kingdom(kb):
    doc = run(kb, "The Irish Republican Army ambushed an army patrol near the border on Sunday.")
    assert country(first(doc, "ASSAULT").source) == "GBR"


def test_the_pla_stays_chinas_army(kb):
    doc = run(kb, "The People's Liberation Army fired missiles into the sea east of Fujian.")
    assert doc.events and country(doc.events[0].source) == "CHN"


def test_phoenix_corrections_set_the_country_and_drop_cover_names():
    from test_event_roles11 import _import_script
    script = _import_script()
    fixes = script.read_corrections()
    inla = fixes["Irish National Liberation Army"]
    assert inla.country == "GBR" and {"PLA", "Peoples Liberation Army"} <= inla.drop_aliases
    codes = [script.Code(country="IRL", igo=None, sector="REB")]
    new_codes, aliases = script.corrected(codes, ["CRF", "PLA", "Peoples Liberation Army"], inla)
    assert [c.country for c in new_codes] == ["GBR"] and aliases == ["CRF"]
    assert script.corrected(codes, ["X"], None) == (codes, ["X"])


def test_the_shipped_phoenix_rows_of_the_irish_groups():
    from sitrep.knowledge.actors import ACTOR_DATA_DIR
    from sitrep.knowledge.tables import tsv_records
    rows = {r["name"]: r for r in tsv_records(ACTOR_DATA_DIR / "phoenix" / "organisations.tsv") if r.get("name")}
    for name in ("Irish Republican Army", "Real Irish Republican Army", "Irish National Liberation Army",
                 "Continuity Irish Republican Army"):
        assert rows[name]["country"] == "GBR", name
    assert "PLA" not in rows["Irish National Liberation Army"]["aliases"].split("|")
    assert "Italian Red Brigade" not in rows["Real Irish Republican Army"]["aliases"]


# -- members of a country's parties the KB does not list

def test_a_party_tag_after_a_name_gives_the_country(kb):
    doc = run(kb, "Rep. Dana Millbrook, R-Calif., urged the president to arm the Kurds.")
    assert country(one(doc, "REQUEST").source) == "USA"
    doc = run(kb, "Sen. Paul Greer (D-Ore.) condemned the strikes on Syria.")
    assert country(one(doc, "ACCUSE").source) == "USA"


def test_a_party_member_noun_in_apposition_gives_the_country_to_later_mentions(kb):
    doc = run(kb, "Sen. Mark Jones, an Illinois Republican, criticized the talks with Iran. Jones "
                  "pledged to bring a new sanctions bill against Tehran next month.")
    sources = [e.source for e in doc.events if e.source is not None and "Jones" in e.source.text]
    assert len(sources) == 2 and all(country(s) == "USA" for s in sources)


def test_a_party_word_before_an_office_title_gives_the_country(kb):
    doc = run(kb, "Utah GOP Rep. Tom Bakersfield accused the State Department of hiding the emails.")
    charge = one(doc, "ACCUSE")
    assert country(charge.source) == "USA" and charge.source.sector == "GOV"


def test_a_party_word_before_a_unit_name_is_no_party_membership(kb):
    doc = run(kb, "Republican Guard commander Ali Hamdani attacked the protesters in Basra.")
    assert country(first(doc, "ASSAULT").source) == "IRQ"
    doc = run(kb, "Maria Lopez, a Republican activist, criticized the embassy closure.")
    assert all(country(e.source) != "USA" for e in doc.events)


def test_a_party_tag_needs_a_known_region(kb):
    doc = run(kb, "Sen. John Holt, R-Xyz, condemned the strikes on Syria.")
    assert country(one(doc, "ACCUSE").source) is None


def test_a_party_word_before_a_title_gives_way_to_the_state_the_text_names(kb):
    doc = run(kb, "Republican lawmaker Selim Arslan of Turkey's main opposition party condemned the detentions.")
    assert one(doc, "ACCUSE").source.text == "Selim Arslan" and country(one(doc, "ACCUSE").source) != "USA"
    doc = run(kb, "Republican lawmaker Selim Arslan condemned the detentions.")
    assert country(one(doc, "ACCUSE").source) == "USA"


def test_a_member_noun_of_another_party_gives_no_us_membership(kb):
    doc = run(kb, "Klaus Berger, a Christian Democrat, criticized the embassy closure on Monday.")
    assert all(country(e.source) != "USA" for e in doc.events)
    doc = run(kb, "Nina Falk, an Oregon Democrat, criticized the embassy closure on Monday.")
    assert country(one(doc, "ACCUSE").source) == "USA"
