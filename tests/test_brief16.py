"""Session 15 incidents16 (issue 8, one happening = one headline; invented sentences): the
brief joins two incidents of one type and day as one happening only when a role's country
they share names one party in both. Two different parties of one country (a general killed
by a drone and the passengers of an airliner that crashed the same day, a border post and a
ministry) are no evidence of one happening; a party and its state (the state's name, an
alias, a demonym), two names sharing a word, or two spellings of one transliterated name
are."""
from datetime import date

import pytest

from sitrep.report.headlines import _one_party, _same_happening, same_happenings


def _mention(article, sentence, trigger, source, target, day="2019-05-01"):
    return {"incident_id": "inc-" + article, "event_id": "ev-" + article, "article_id": article,
            "independent_key": article, "outlet": article, "type": "ASSAULT", "quad_class": "material conflict",
            "certainty": "asserted", "involves": True, "attributed_to": None,
            "source_name": source[0], "source_country": source[1], "source_sector": source[2] if len(source) > 2 else "MIL",
            "target_name": target[0], "target_country": target[1], "target_sector": target[2] if len(target) > 2 else "MIL",
            "place_name": None, "place_country": None, "place_feature": None, "lat": None, "lon": None,
            "pub_date": date.fromisoformat(day), "event_date": date.fromisoformat(day), "date_precision": "day",
            "sentence": sentence, "sentence_start": 0, "trigger_start": sentence.index(trigger), "trigger": trigger}


NOBODY = (None, None, None)


@pytest.mark.parametrize("country, a, b", [
    ("SYR", ("Syria", "GOV"), ("Syrian army posts", "MIL")),         # the state stands for its forces
    ("IRN", ("Tehran", None), ("Iranian border guards", "MIL")),      # a capital standing for its state
    ("IRN", ("Iran", None), ("Iranian police", "COP")),               # ... and for its police
    ("SYR", ("Syrian troops", "MIL"), ("Syrian army posts", "MIL")),  # a generic name of one kind of party
    ("USA", ("U.S. forces", "MIL"), ("Pentagon", "GOV")),             # a state's command is one kind
    ("PAK", ("Hakimullah Rashidi", "REB"), ("Hakeemullah Rasheedi", "REB")),  # two spellings of one name
    ("SYR", (None, None), ("Syrian army posts", "MIL")),              # one name not known
    ("IRN", ("Iran", "GOV"), ("Iran", "CIV")),                        # one name, sectors read differently
])
def test_names_of_one_party(country, a, b):
    assert _one_party(country, a, b)


@pytest.mark.parametrize("country, a, b", [
    ("IRN", ("Hakimullah Rashidi", "MIL"), ("176 passengers", "CIV")),
    ("IRN", ("Iran", "GOV"), ("Iranian passengers", "CIV")),  # the state is not its airliner's passengers
    ("SYR", ("Syrian army", "MIL"), ("Syrian rebels", "REB")),  # a demonym shared across sides
    ("SYR", ("government forces", None), ("opposition forces", None)),  # a head noun shared, kinds from names
    ("VEN", ("Venezuelan opposition", "OPP"), ("Venezuelan government", "GOV")),
    ("IRQ", ("Iraqi protesters", "CIV"), ("Iraqi security forces", "COP")),
    ("SYR", ("rebels", "REB"), ("civilians", "CIV")),
    ("IRN", ("the Guard", "MIL"), ("Hossein Rahimi", "COP")),  # the army is not the police chief
])
def test_near_miss_two_parties_of_one_country(country, a, b):
    assert not _one_party(country, a, b)


def test_a_killing_and_a_crash_of_one_day_stay_two_happenings():
    # each shares only the victims' country with the other
    strike = _mention("first", "A drone strike killed the commander Hakimullah Rashidi near the airport.", "killed",
                      ("United States", "USA", "MIL"), ("Hakimullah Rashidi", "IRN", "MIL"))
    crash = _mention("second", "All 176 passengers were killed when the airliner came down in a field.", "killed",
                     NOBODY, ("176 passengers", "IRN", "CIV"))
    assert not _same_happening(strike, crash)
    found = same_happenings({"inc-first": [strike], "inc-second": [crash]})
    assert len(found) == 2


def test_one_strike_told_with_two_names_of_its_target_is_one_happening():
    a = _mention("first", "Turkish howitzers shelled Syrian army posts near Kassel on Monday.", "shelled",
                 ("Turkey", "TUR", "MIL"), ("Syrian army posts", "SYR", "MIL"))
    b = _mention("second", "An artillery barrage hit Syria's positions near Kassel, the ministry said.", "barrage",
                 NOBODY, ("Syria", "SYR", "GOV"))
    assert _same_happening(a, b)
    assert len(same_happenings({"inc-first": [a], "inc-second": [b]})) == 1


def test_a_transliterated_target_spelled_two_ways_is_one_happening():
    a = _mention("first", "A drone strike killed Hakimullah Rashidi outside the city.", "killed",
                 ("United States", "USA", "MIL"), ("Hakimullah Rashidi", "PAK", "REB"))
    b = _mention("second", "Hakeemullah Rasheedi was killed when a missile hit his car.", "killed",
                 NOBODY, ("Hakeemullah Rasheedi", "PAK", "REB"))
    assert _same_happening(a, b)


def test_near_miss_different_targets_of_one_known_doer_still_join():
    """The doer's country agrees and both name the same doer: the targets' names are not
    asked to agree (outlets name the victims of one strike differently)."""
    a = _mention("first", "Turkish jets bombed a convoy of fighters near Kassel.", "bombed",
                 ("Turkish jets", "TUR", "MIL"), ("fighters", "SYR", "REB"))
    b = _mention("second", "Turkey struck civilians fleeing Kassel, medics said.", "struck",
                 ("Turkey", "TUR", "GOV"), ("civilians", "SYR", "CVL"))
    assert _same_happening(a, b)
