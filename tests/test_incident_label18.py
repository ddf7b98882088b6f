"""An incident is named after its best-specified report (type, both sides -- a state's
with its country -- and place), not its first mention; a background recap never names it."""
from datetime import date

from sitrep.corpus.incidents import Mention, describe, side_label


def _report(event_id, key, *, src=None, src_country=None, tgt=None, tgt_country=None, place=None,
            status="asserted", background=False, typ="ASSAULT", precision="day", pub=date(2025, 6, 3)):
    """A hand-built mention of an invented strike of 2 June 2025."""
    return Mention(event_id=event_id, article_id="art-" + key, type=typ, outlet=key, independent_key=key,
                   certainty=status, lo=date(2025, 6, 2), hi=date(2025, 6, 2), precision=precision,
                   pub_date=pub, source_name=src, source_country=src_country, target_name=tgt,
                   target_country=tgt_country, place_name=place, place_country="SY" if place else None,
                   place_feature="city" if place else None, lat=36.2 if place else None,
                   lon=37.1 if place else None, background=background)


def _label(members):
    return describe("inc-x", members, members)


def test_the_best_specified_report_names_the_incident_not_the_first():
    """The first report names only the place ("blasts shook Aleppo overnight"); a later one
    names who struck whom: the label is the later one's, the place kept from the first."""
    first = _report("e1", "Wire A", place="Aleppo", pub=date(2025, 6, 2))
    later = _report("e2", "Wire B", src="Ruritania", src_country="RUR", tgt="Freedonia", tgt_country="FRE",
                    pub=date(2025, 6, 4))
    row = _label([first, later])
    assert row["headline_event"] == "e2"
    assert row["label"] == "ASSAULT: Ruritania -> Freedonia in Aleppo"


def test_a_tie_is_broken_by_the_earlier_report():
    """Two reports equally specified: the one published first names the incident, whatever
    order they come in (the label does not depend on the order of linking)."""
    early = _report("e9", "Wire A", src="Ruritania", src_country="RUR", tgt="Freedonia", tgt_country="FRE",
                    pub=date(2025, 6, 2))
    late = _report("e1", "Wire B", src="the Ruritanian navy", src_country="RUR", tgt="Freedonia",
                   tgt_country="FRE", pub=date(2025, 6, 3))
    assert _label([early, late])["headline_event"] == "e9"
    assert _label([late, early])["headline_event"] == "e9"


def test_a_background_recap_never_names_the_incident():
    """Near miss: the best-specified member is a recap of history (both sides, a city, a
    precise day) and the news report names one side only: the news names the incident."""
    recap = _report("e1", "Wire A", src="Ruritania", src_country="RUR", tgt="Freedonia", tgt_country="FRE",
                    place="Aleppo", background=True)
    news = _report("e2", "Wire B", src="Ruritania", src_country="RUR", precision="publication")
    row = _label([recap, news])
    assert row["headline_event"] == "e2"
    assert not row["background"]
    # alone, a background recap still names its own (background) incident
    assert _label([recap])["headline_event"] == "e1"


def test_a_side_acting_for_its_state_is_named_with_its_country():
    """A government, military, police, court or legislature actor is shown after its
    country; a country's own name, or a name that holds it, stands alone; an unnamed side
    is '?'."""
    assert side_label("Qassem Soleimani", "IRN", "MIL") == "Iran (Qassem Soleimani)"
    assert side_label("Donald Trump", "USA", "GOV") == "United States (Donald Trump)"
    assert side_label("the Senate", "USA", "LEG") == "United States (the Senate)"
    assert side_label("United States", "USA", "GOV") == "United States"
    assert side_label("Iranian forces", "IRN", "MIL") == "Iranian forces"
    assert side_label(None, "IRN", "GOV") == "?"


def test_a_non_state_side_is_named_alone():
    """Near misses: rebels, an opposition, armed groups, civilians act in their country,
    not for it -- 'Syria (Islamic State)' would read as the Syrian state's act; an actor of
    unknown sector is named alone too."""
    assert side_label("Islamic State", "SYR", "REB") == "Islamic State"
    assert side_label("Houthi rebels", "YEM", "REB") == "Houthi rebels"
    assert side_label("Juan Guaido", "VEN", "OPP") == "Juan Guaido"
    assert side_label("protesters", "VEN", "CVL") == "protesters"
    assert side_label("gunmen", "NGA", None) == "gunmen"


def test_the_label_reads_each_side_by_its_sector():
    """In a label, the state's side carries its country and the armed group's does not."""
    strike = _report("e1", "Wire A", src="the air force", src_country="IRN", tgt="Hezbollah",
                     tgt_country="LBN", place="Aleppo")
    strike.source_sector, strike.target_sector = "MIL", "REB"
    assert _label([strike])["label"] == "ASSAULT: Iran (the air force) -> Hezbollah in Aleppo"
