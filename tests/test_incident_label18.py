"""An incident is named after its best-specified report (type, both sides with their
countries, place), not its first mention; a background recap never names it; a side the
label event leaves open is named by a firm report of the same act that names it."""
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


def test_an_open_side_is_named_by_a_firm_report_of_the_same_act():
    """The label event ("Ruritanian jets struck at dawn", a place and a day) names no
    target; another outlet's firm report of the strike names Freedonia as the target with the
    same attacker: the label names both sides, with the target's country."""
    best = _report("e1", "Wire A", src="Ruritania", src_country="RUR", place="Aleppo")
    other = _report("e2", "Wire B", src="Ruritania", src_country="RUR", tgt="Freedonian militia",
                    tgt_country="FRE", precision="publication")
    row = _label([best, other])
    assert row["headline_event"] == "e1"
    assert row["target_name"] == "Freedonian militia"


def test_a_claim_or_another_attacker_does_not_fill_an_open_side():
    """Near misses: a claimed report (its source may be the speaker: "..., Freedonia said")
    does not fill the open source; nor does a firm report whose other side disagrees
    (another attacker), nor one of another type of the family."""
    best = _report("e1", "Wire A", tgt="Freedonia", tgt_country="FRE", place="Aleppo")
    claim = _report("e2", "Wire B", src="Ruritania", src_country="RUR", tgt="Freedonia", tgt_country="FRE",
                    status="claimed", precision="publication")
    assert _label([best, claim])["source_name"] is None
    other_target = _report("e3", "Wire C", src="Ruritania", src_country="RUR", tgt="Osterlich",
                           tgt_country="OST", precision="publication")
    best2 = _report("e4", "Wire A", src="Ruritania", src_country="RUR", place="Aleppo")
    row = _label([best2, _report("e5", "Wire D", src="Osterlich", src_country="OST", tgt="Freedonia",
                                 tgt_country="FRE", precision="publication")])
    assert row["target_name"] is None  # the only naming report has another attacker
    assert _label([best, other_target])["source_name"] is None  # it struck another target
    statement = _report("e6", "Wire E", src="Ruritania", src_country="RUR", tgt="Freedonia", tgt_country="FRE",
                        typ="THREATEN", precision="publication")
    assert _label([best2, statement])["target_name"] is None


def test_a_side_is_named_with_its_country():
    """A person or body is shown after its country; a country's own name, or a name that
    holds it, stands alone; an unnamed side is '?'."""
    assert side_label("Qassem Soleimani", "IRN") == "Iran (Qassem Soleimani)"
    assert side_label("United States", "USA") == "United States"
    assert side_label("Iranian forces", "IRN") == "Iranian forces"
    assert side_label(None, "IRN") == "?"
    assert side_label("Hezbollah", None) == "Hezbollah"
