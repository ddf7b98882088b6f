"""Issue 7: an event dated by a year, a month or a week keeps that precision in the store
and in every export; it is never shown as the publication day unless that day lies
inside the period the text gives. Made-up documents only."""
import json
from datetime import date

import pytest

from corpus_helpers import make_doc
from sitrep.corpus.days import event_day
from sitrep.corpus.exports import export
from sitrep.corpus.incidents import rebuild_incidents
from sitrep.corpus.store import Store, content_hash

SENTENCES = ["Police in Meridia jailed the activist Lorn Vask on Monday.",
             "Vask was sentenced to two years in prison in 2015.",
             "Police arrested four of his aides in March.",
             "His supporters marched this month."]


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "d.duckdb")
    doc = make_doc("v", SENTENCES, published="2019-04-30",
                   events=[(0, "COERCE", "jailed", None, None, None, "2019-04-29"),
                           (1, "COERCE", "sentenced", None, None, None, "2015"),
                           (2, "COERCE", "arrested", None, None, None, "2019-03"),
                           (3, "PROTEST", "marched", None, None, None, "2019-04")])
    with s.transaction():
        s.add_document(doc.to_dict(), content_hash(doc.article.text))
    rebuild_incidents(s)
    yield s
    s.close()


def test_event_day_keeps_a_coarse_period_off_the_publication_day():
    published = date(2019, 4, 30)
    assert event_day("2015", published) == (date(2015, 1, 1), "year")
    assert event_day("2019-03", published) == (date(2019, 3, 1), "month")
    assert event_day("2019-04", published) == (published, "month")  # the publication day is inside
    assert event_day(None, published) == (published, "published")


def test_the_store_dates_a_recalled_year_by_that_year(store):
    days = dict(store.tuples("SELECT trigger, event_date FROM events"))
    assert days == {"jailed": date(2019, 4, 29), "sentenced": date(2015, 1, 1),
                    "arrested": date(2019, 3, 1), "marched": date(2019, 4, 30)}
    values = dict(store.tuples("SELECT trigger, date_value FROM events"))
    assert values["sentenced"] == "2015" and values["arrested"] == "2019-03"


def test_plover_records_keep_the_year_and_say_how_precise_it_is(store, tmp_path):
    path = export(store, "plover", tmp_path)[0]
    recs = {r["event_text"][0]: r for r in map(json.loads, path.read_text().splitlines())}
    assert recs["sentenced"]["date"] == "2015-01-01"
    assert recs["sentenced"]["date_info"] == {"value": "2015", "text": "Monday", "basis": "year"}
    assert recs["arrested"]["date"] == "2019-03-01" and recs["arrested"]["date_info"]["basis"] == "month"
    assert recs["marched"]["date"] == "2019-04-30" and recs["marched"]["date_info"]["basis"] == "month"
    assert recs["jailed"]["date"] == "2019-04-29" and recs["jailed"]["date_info"]["basis"] == "text"


def test_gdelt_mentions_date_a_recalled_year_in_that_year(store, tmp_path):
    export(store, "gdelt", tmp_path)
    rows = [line.split("\t") for line in (tmp_path / "events.gdelt.tsv").read_text().splitlines()]
    years = sorted(r[3] for r in rows)  # GDELT's Year column
    assert years.count("2015") == 1 and "2019" in years
