import re

import pytest

from corpus_helpers import make_doc
from sitrep.corpus.incidents import rebuild_incidents
from sitrep.corpus.store import Store, content_hash
from sitrep.report.brief import build_brief, markdown_to_html
from sitrep.report.issues import issue_tags
from sitrep.report.plot import counts_by_quad


@pytest.fixture()
def store(tmp_path):
    docs = [
        make_doc("a", ["US aircraft struck a port near Caracas on Monday.",
                       "Venezuela accused Washington of piracy to steal its oil.",
                       "Officials said 7 people were killed."],
                 outlet="Wire A", published="2025-12-10", url="https://a.invalid/1",
                 events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", "asserted"),
                         (1, "ACCUSE", "accused", "VEN", "USA", None, "2025-12-08", "asserted")],
                 quotes=[(1, "VEN", "piracy to steal its oil")], quantities=[(2, "7 people", 7, "people")]),
        make_doc("b", ["Caracas denied that US aircraft struck any port.",
                       "The US said the boats carried drugs, without evidence."],
                 outlet="State TV", published="2025-12-09",
                 events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", "denied"),
                         (1, "ACCUSE", "said", "USA", "VEN", None, "2025-12-09", "claimed", ["without evidence"])]),
    ]
    s = Store(tmp_path / "b.duckdb")
    with s.transaction():
        for d in docs:
            s.add_document(d.to_dict(), content_hash(d.article.text))
    rebuild_incidents(s)
    yield s
    s.close()


def test_brief_sections_and_every_footnote_resolves(store, tmp_path):
    md = build_brief(store, about="Venezuela", out_dir=tmp_path / "out")
    for heading in ("## Headline incidents", "## Timeline", "## What each side says", "## Key figures",
                    "## Contested claims", "## Activity over time", "## Sources"):
        assert heading in md
    refs = set(re.findall(r"\[\^([a-z0-9]+)\](?!:)", md))
    defs = set(re.findall(r"^\[\^([a-z0-9]+)\]:", md, re.M))
    assert refs and refs == defs
    assert "https://a.invalid/1" in md
    assert "Officials said 7 people were killed." in md  # key figure quoted with its sentence
    assert "**Contested**" in md and "without evidence" in md
    assert (tmp_path / "out" / "events_by_quad.png").stat().st_size > 1000
    assert (tmp_path / "out" / "events_by_quad.svg").read_text().lstrip().startswith("<?xml")


def test_footnote_label_points_at_the_right_sentence(store):
    md = build_brief(store, plot=False)
    note = re.search(r"^\[\^(a\d+s3)\]: (.*)$", md, re.M)
    assert note and "7 people were killed" in note.group(2)


def test_about_filter_and_empty_brief(store):
    md = build_brief(store, about="Narnia", plot=False)
    assert "No stored articles match" in md


def test_html_has_links_and_notes(store):
    html = markdown_to_html(build_brief(store, plot=False))
    assert html.startswith("<!DOCTYPE html>") and "<table>" in html
    anchor = re.search(r'href="#fn-(a\d+s\d+)"', html).group(1)
    assert f'id="fn-{anchor}"' in html


def test_issue_tags():
    assert issue_tags("They want to seize the oil tankers and impose sanctions") == ["oil", "sanctions"]
    assert "drugs" in issue_tags("boats carrying cocaine for the cartel")
    assert "regime change" in issue_tags("Washington seeks to oust Maduro")
    assert issue_tags("The weather was fine.") == []


def test_counts_by_quad_buckets():
    from datetime import date
    buckets, series, unit = counts_by_quad([(date(2025, 12, 1), "material conflict"),
                                            (date(2025, 12, 1), "verbal conflict"),
                                            (date(2025, 12, 3), "material conflict"), (None, "material conflict")])
    assert unit == "day" and len(buckets) == 2
    assert series["material conflict"] == [1, 1] and series["verbal conflict"] == [1, 0]


def test_quote_footnote_quotes_the_whole_sentence(store):
    md = build_brief(store, plot=False)
    line = next(ln for ln in md.splitlines() if '"piracy to steal its oil"' in ln and ln.startswith("- "))
    label = re.search(r"\[\^([a-z0-9]+)\]", line).group(1)
    note = re.search(rf"^\[\^{label}\]: (.*)$", md, re.M).group(1)
    assert "Venezuela accused Washington of piracy to steal its oil." in note
