"""The dated passes' reads of mentions (corpus/incidents.py query side): windows of last
days cut from the per-day counts, days without mentions skipped, the same mentions in
the same order whatever the window size. Articles are written for these tests."""
from datetime import date

from corpus_helpers import make_doc
from sitrep.corpus.incidents import _dated_stream, _day_windows, _FINE, rebuild_incidents
from sitrep.corpus.store import Store, content_hash

#: event days a century apart, several on one day, a gap of years between
DAYS = ["1918-11-09", "1918-11-09", "1918-11-12", "1990-05-01", "2025-12-08", "2025-12-08", "2025-12-08",
        "2025-12-09", "2025-12-31"]


def _store(tmp_path):
    store = Store(tmp_path / "w.duckdb")
    with store.transaction():
        for n, day in enumerate(DAYS):
            sentence = f"Troops shelled the depot number {n} near Caracas."
            doc = make_doc(f"a{n}", [sentence], outlet=f"Wire {n % 3}", published=day,
                           events=[(0, "ASSAULT", "shelled", "USA", "VEN", "Caracas", day, "asserted")])
            store.add_document(doc.to_dict(), content_hash(doc.article.text))
    rebuild_incidents(store)
    return store


def test_windows_cover_every_mention_and_skip_empty_days(tmp_path):
    with _store(tmp_path) as store:
        windows = _day_windows(store, _FINE, [], None, None, max_rows=3)
        per_day = dict(store.con.execute(f"SELECT hi, count(*) FROM incident_keys WHERE {_FINE} GROUP BY hi")
                       .fetchall())
        # consecutive, disjoint, in order, each holding at most 3 mentions or a single day
        assert all(a[1] < b[0] for a, b in zip(windows, windows[1:]))
        for first, last in windows:
            held = sum(n for day, n in per_day.items() if first <= day <= last)
            assert held <= 3 or first == last
            assert first in per_day and last in per_day  # a window starts and ends on a day with mentions
        assert sum(per_day.values()) == sum(n for day, n in per_day.items()
                                            if any(a <= day <= b for a, b in windows))
        # a century of dates is a handful of windows, not one per month
        assert len(windows) <= len(per_day)
        # a day limit splits windows too
        assert all((b - a).days < 5 for a, b in _day_windows(store, _FINE, [], None, 5, max_rows=100))
        assert _day_windows(store, _FINE, [], date(2030, 1, 1), None, max_rows=100) == []


def test_stream_is_the_same_whatever_the_window(tmp_path):
    with _store(tmp_path) as store:
        everything = [m.key for m in _dated_stream(store, view="fine")]
        assert len(everything) == len(DAYS) and everything == sorted(everything)
        assert [m.key for m in _dated_stream(store, view="fine", chunk_rows=1)] == everything
        assert [m.key for m in _dated_stream(store, view="fine", chunk_days=3, chunk_rows=2)] == everything
        # resuming from a key inside a window starts exactly there
        start = everything[5]
        assert [m.key for m in _dated_stream(store, start=start, view="fine", chunk_rows=2)] == everything[5:]
