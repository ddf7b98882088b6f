"""Brief wording an analyst relies on. A headline's "Certainty by outlet" and the quote
under it speak of one mention: an outlet that claims the strike in one sentence and
asserts it in another is summed up by the status of the sentence the brief quotes for
it. A threat to watch is dated by when it was made, never shown as a day due."""
from datetime import date
from types import SimpleNamespace

from brief_helpers import article, store_of
from sitrep.report import markdown
from sitrep.report.compose import compose
from sitrep.report.content import WatchItem


def docs():
    return [
        article("c1", "US strikes port near Caracas", [
            "Officials said United States aircraft struck a port of Venezuela near Caracas on Monday.",
            "United States aircraft struck the port of Venezuela, the harbour master told us."],
            outlet="Wire A", published="2019-05-07",
            events=[dict(s=0, type="ASSAULT", trigger="struck", source="United States", target="Venezuela",
                         place="Caracas", date="2019-05-06", status="claimed"),
                    dict(s=1, type="ASSAULT", trigger="struck", source="United States", target="Venezuela",
                         date="2019-05-06", status="asserted")]),
        article("c2", "Port near Caracas hit", [
            "United States aircraft struck a port near Caracas on Monday, killing 12 people."],
            outlet="Wire B", published="2019-05-07",
            events=[dict(s=0, type="ASSAULT", trigger="struck", source="United States", target="Venezuela",
                         place="Caracas", date="2019-05-06")]),
    ]


def test_outlet_certainty_is_the_status_of_its_quoted_sentence(tmp_path):
    with store_of(tmp_path / "c.duckdb", docs()) as store:
        brief = compose(store, about="Venezuela", since="2019-05-01", until="2019-05-31")
    top = brief.headlines[0]
    assert len(top.mentions) == 3  # both sentences of Wire A are one incident with Wire B's
    summary = dict(top.certainty)
    assert {q.outlet: q.status for q in top.quotes} == summary == {"Wire A": "claimed", "Wire B": "asserted"}
    assert top.affirmed
    text = "\n".join(markdown.headlines(brief))
    assert "Certainty by outlet: Wire A claimed; Wire B asserted." in text
    assert "Wire A (claimed)" in text


def test_a_threat_to_watch_says_when_it_was_made_not_when_it_is_due():
    brief = SimpleNamespace(watch=[
        WatchItem("deadline", date(2019, 5, 20), "Talks are due on May 20.", "Wire A", "n1"),
        WatchItem("threat", date(2019, 5, 2), "Wire B's threat.", "Wire B", "n2")])
    lines = markdown.watch(brief)
    assert lines[2].startswith("- **2019-05-20** (deadline) Wire A:")
    assert lines[3].startswith("- (threat made 2019-05-02) Wire B:")
