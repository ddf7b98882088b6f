"""A week, a month or a year is dated by its first day, which is no day of its own: the
brief never joins two store incidents as one happening because a span's first day equals
another mention's day ("last week's raids", dated Monday, and a report published that
Monday; "in March" and March 1st). Day-precise dates still join as before."""
from datetime import date

from sitrep.report.headlines import same_happenings


def _mention(incident, outlet, published, day=None, precision=None, certainty="asserted",
             source=("Ruritania", "RUR"), target=("Borduria", "BOR"), sentence=""):
    return {"incident_id": incident, "event_id": incident + outlet, "article_id": outlet, "type": "ASSAULT",
            "quad_class": "material conflict", "certainty": certainty, "involves": True,
            "source_name": source[0], "source_country": source[1], "source_sector": "GOV",
            "target_name": target[0], "target_country": target[1], "target_sector": "GOV",
            "place_name": None, "pub_date": date.fromisoformat(published),
            "event_date": date.fromisoformat(day or published),
            "date_precision": precision or ("day" if day else "published"), "sentence": sentence}


def _happenings(mentions):
    groups = {}
    for m in mentions:
        groups.setdefault(m["incident_id"], []).append(m)
    return {tuple(sorted(m["article_id"] for m in found)) for _, found, _ in same_happenings(groups)}


def test_a_week_and_a_report_published_on_its_monday_stay_apart():
    week = _mention("inc-a", "weekly", "2021-03-10", day="2021-03-08", precision="week", certainty="hypothetical",
                    sentence="Analysts doubt that last week's raids on Borduria will change anything.")
    report = _mention("inc-b", "daily", "2021-03-08",
                      sentence="Ruritanian jets bombed a Bordurian depot, officials said.")
    assert _happenings([week, report]) == {("weekly",), ("daily",)}


def test_a_month_and_a_day_of_that_month_stay_apart():
    month = _mention("inc-a", "monthly", "2021-04-20", day="2021-04-01", precision="month",
                     sentence="In April Ruritania shelled border villages in Borduria.")
    day = _mention("inc-b", "wire", "2021-04-02", day="2021-04-01",
                   sentence="Ruritanian artillery hit a Bordurian customs post on Thursday.")
    assert _happenings([month, day]) == {("monthly",), ("wire",)}


def test_an_undated_report_days_after_a_week_does_not_join_it():
    week = _mention("inc-a", "review", "2021-05-20", day="2021-05-10", precision="week",
                    sentence="The strikes of that week left the Bordurian port closed.")
    later = _mention("inc-b", "paper", "2021-05-12",
                     sentence="Ruritania attacked a Bordurian airfield, the ministry said.")
    assert _happenings([week, later]) == {("review",), ("paper",)}


def test_a_year_and_its_first_day_stay_apart():
    year = _mention("inc-a", "annual", "2021-06-01", day="2021-01-01", precision="year",
                    sentence="Ruritania struck Borduria repeatedly in 2021.")
    day = _mention("inc-b", "flash", "2021-01-01", day="2021-01-01",
                   sentence="Ruritanian drones struck a Bordurian radar on New Year's Day.")
    assert _happenings([year, day]) == {("annual",), ("flash",)}


def test_near_miss_day_precise_reports_still_join():
    dated = _mention("inc-a", "first", "2021-03-08", day="2021-03-08",
                     sentence="Ruritanian jets bombed a Bordurian depot on Monday.")
    same_day = _mention("inc-b", "second", "2021-03-09", day="2021-03-08",
                        sentence="On Monday Ruritania's air force struck a depot in Borduria.")
    undated_later = _mention("inc-c", "third", "2021-03-10",
                             sentence="Ruritania's bombing of the depot drew protests in Borduria.")
    assert _happenings([dated, same_day, undated_later]) == {("first", "second", "third")}


def test_near_miss_two_mentions_of_one_span_still_join():
    """Two articles dating the act by the same week (or month) share that time: the
    span against a day is what tells them apart, not a span as such."""
    first = _mention("inc-a", "review", "2021-03-14", day="2021-03-08", precision="week",
                     sentence="Last week's Ruritanian raids on Borduria destroyed two bridges.")
    second = _mention("inc-b", "digest", "2021-03-15", day="2021-03-08", precision="week",
                      sentence="Ruritania raided Borduria last week, blowing up bridges on the river.")
    assert _happenings([first, second]) == {("digest", "review")}
    april = _mention("inc-c", "monthly", "2021-05-02", day="2021-04-01", precision="month",
                     sentence="The April offensive of Ruritania pushed deep into Borduria.")
    also_april = _mention("inc-d", "quarterly", "2021-05-20", day="2021-04-01", precision="month",
                          sentence="In April Ruritania launched an offensive into Borduria.")
    assert _happenings([april, also_april]) == {("monthly", "quarterly")}
