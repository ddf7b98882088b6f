"""A named happening of history places an act (docs/annotation.md 7, session 17):
"killed soldiers during the Iraq war", "after the September 11 attacks, ...", "the
invasion of Iraq toppled ..." lie before the news period when the happening ended before
it (historic_happenings.tsv); the act takes the happening's date only when that is one
year or one day and the act is it or lies in it, never the news day. Invented sentences only.
"""
from sitrep import pipeline
from sitrep.model import Article


def run(kb, text):
    return pipeline.process(Article(id="c18", text=text, published="2021-05-10"), kb)


def of_type(doc, type_):
    found = [e for e in doc.events if e.type == type_]
    assert found, f"no {type_} in {[(e.type, e.trigger.text) for e in doc.events]}"
    return found


# -- a named happening of history places the act (historic_happenings.tsv) ----------------

def test_act_during_a_named_war_is_background_without_a_day(kb):
    ev = of_type(run(kb, "The minister met the envoy on Monday. Militias killed hundreds of soldiers "
                         "during the Iraq war."), "ASSAULT")[0]
    assert ev.background
    assert ev.date is None  # a war of eight years gives no year, and never the news day


def test_event_noun_naming_a_happening_takes_its_year(kb):
    ev = of_type(run(kb, "The minister met the envoy on Monday. The invasion of Iraq toppled the "
                         "government of Saddam Hussein."), "ASSAULT")[0]
    assert ev.background
    assert ev.date is not None and ev.date.value == "2003"


def test_act_after_a_named_attack_is_background_and_the_attack_keeps_its_year(kb):
    doc = run(kb, "The minister met the envoy on Monday. After the September 11 attacks, Washington "
                  "froze the group's assets.")
    froze = of_type(doc, "SANCTION")[0]
    assert froze.background and froze.date is None  # after it: no date of its own
    attacks = of_type(doc, "ASSAULT")[0]
    assert attacks.date is not None and attacks.date.value == "2001-09-11"


def test_named_happening_that_reaches_the_news_period_is_no_background(kb):
    """Near miss: in a 2005 article the Iraq war is the news period itself."""
    doc = pipeline.process(Article(id="c18", text="Militias killed hundreds of soldiers during the "
                                                  "Iraq war, officials said on Monday.",
                                   published="2005-05-10"), kb)
    assert not of_type(doc, "ASSAULT")[0].background


def test_a_happening_named_as_a_modifier_places_nothing(kb):
    """Near miss: 'the Holocaust memorial' names a memorial, not the happening."""
    doc = run(kb, "Protesters gathered outside the Holocaust memorial in Berlin on Sunday and "
                  "clashed with police.")
    assert not any(ev.background for ev in doc.events)


def test_historic_happenings_rows_are_well_formed():
    from sitrep.knowledge.plover import load_historic_happenings

    rows = load_historic_happenings()
    assert len(rows) >= 40
    assert all(h.words and h.start <= h.end for h in rows)
    assert all(len(a.words) >= len(b.words) for a, b in zip(rows, rows[1:]))  # longest first


def test_act_placed_after_a_named_attack_stays_its_own_happening(kb):
    """Review 03:51: the named attack has a date of its own (its name's), so the act told
    after it is another happening, not merged into it; the news act stays news."""
    doc = pipeline.process(Article(id="c18", text="After the September 11 attacks, the United States "
                                                  "invaded Afghanistan. On Tuesday the Taliban attacked "
                                                  "a base in Helmand.", published="2014-03-20"), kb)
    assaults = of_type(doc, "ASSAULT")
    assert len(assaults) == 3, [(e.trigger.text, e.mentions) for e in assaults]
    by_word = {e.trigger.text: e for e in assaults}
    assert by_word["attacks"].date.value == "2001-09-11"
    assert by_word["invaded"].background and by_word["invaded"].date is None
    assert not by_word["attacked"].background
