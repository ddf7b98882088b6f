"""The calendar tables of the times stage (knowledge/data/timex/*.tsv) and their loader."""
import datetime as dt
import shutil

import pytest

from sitrep.knowledge.timex import TIMEX_DATA, holiday_date, load_calendar
from sitrep.stages.times import find_times, parse_reference


def test_every_month_and_weekday_has_a_full_name_and_numbers_cover_the_calendar():
    cal = load_calendar()
    assert sorted({cal.months[w] for w in cal.month_names}) == list(range(1, 13))
    assert sorted(cal.weekdays[w] for w in cal.weekday_names) == list(range(1, 8))
    assert all(cal.months[a] in range(1, 13) for a in cal.month_abbrs)
    assert set(cal.month_abbrs_alone) <= set(cal.month_abbrs)
    # every unit has a plural, and every season code a starting month
    assert all(u.plural for u in cal.units.values())
    assert set(cal.seasons.values()) == set(cal.season_start)


def test_holiday_rules_give_fixed_easter_and_nth_weekday_dates():
    assert holiday_date("Boxing Day", 2031) == dt.date(2031, 12, 26)
    assert holiday_date("Good Friday", 2030) == dt.date(2030, 4, 19)  # Easter 2030 is 21 April
    assert holiday_date("Labour Day", 2030) == dt.date(2030, 9, 2)  # first Monday of September
    assert holiday_date("Election Day", 2030) == dt.date(2030, 11, 5)  # Tuesday after the 1st Monday
    assert holiday_date("Founders Week", 2030) is None


def test_a_holiday_rule_the_loader_cannot_read_is_refused_naming_it(tmp_path):
    folder = tmp_path / "timex"
    shutil.copytree(TIMEX_DATA, folder)
    with open(folder / "holidays.tsv", "a", encoding="utf-8") as f:
        f.write("harvest feast\tsecond sunday of october\n")
    with pytest.raises(ValueError) as info:
        load_calendar.__wrapped__(folder)
    assert "harvest feast" in str(info.value) and "nth:" in str(info.value)


def test_frequency_adverbs_and_modifiers_of_the_tables_reach_the_patterns():
    ref = parse_reference("2030-06-12")
    found = {t.text: (t.value, t.mod) for t in find_times(
        "The council publishes its accounts quarterly and met for nearly three weeks.", ref)}
    assert found["quarterly"] == ("P3M", None)  # set_adverbs.tsv: quarterly = month x 3
    assert found["nearly three weeks"] == ("P3W", "LESS_THAN")  # modifiers.tsv
