"""`sitrep extract --format md` carries no live markup: whatever an input puts in its title,
outlet, URL, sentences or names comes out of the digest as literal text.

The digest is parsed by a CommonMark parser (markdown-it-py, skipped when absent): it must
hold no inline or block HTML, no link, no image, and only the digest's own headings, for
fixed payloads (script tags, event handlers, javascript: URLs, Markdown links, headings,
list markers) and for any text hypothesis generates from markup characters.
"""
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.model import Actor, Article, Certainty, Document, Event, Place, Quantity, Quote, TextSpan, Time
from sitrep.report.digest import render

markdown_it = pytest.importorskip("markdown_it")

PAYLOADS = [
    "<script>document.title='x'</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(2)>',
    "[click](javascript:alert(3))",
    "![i](http://e.example/i.png)",
    "<javascript:alert(4)>",
    "# heading\n## another",
    "1. item\n- item\n> quote",
    "<!-- comment -->",
    "`code` *em* __strong__ | table |",
]
#: the digest's own headings: the title and six sections
OWN_HEADINGS = 7

FUZZ = settings(max_examples=80, deadline=None, derandomize=bool(os.environ.get("CI")), database=None,
                suppress_health_check=[HealthCheck.too_slow])


def hostile_document(payload: str) -> Document:
    text = f"Troops attacked a port {payload} on Monday, officials said."
    span = (0, len(text))
    actor = Actor(span=(0, 6), text=f"Troops {payload}", name=f"Army {payload}", country="VEN",
                  sector="MIL", kind=f"org {payload}")
    place = Place(span=(7, 10), text=f"port {payload}", name=f"Port {payload}", country="VE",
                  lat=10.0, lon=-66.0)
    when = Time(span=(0, 6), text=f"Monday {payload}", value=f"2026-01-05{payload}", granularity="day")
    figure = Quantity(span=(0, 6), text=f"12 {payload}", value=12.0, unit=payload, counted=payload)
    quote = Quote(id="q1", span=span, text=f"\"{payload}\"", speaker=actor, kind="direct",
                  speaker_text=TextSpan(span=(0, 6), text=payload))
    event = Event(id="e1", type="ASSAULT", trigger=TextSpan(span=(7, 15), text=f"attacked {payload}"),
                  sentence=TextSpan(span=span, text=text), source=actor, target=actor, date=when,
                  place=place, figures=[figure],
                  certainty=Certainty(status="reported", attributed_to=actor,
                                      cue=TextSpan(span=(0, 4), text=f"said {payload}"),
                                      hedges=[f"without evidence {payload}"]))
    article = Article(id="a1", text=text, title=f"Title {payload}", published="2026-01-05",
                      source=f"Outlet {payload}", url=f"javascript:alert(5)//{payload}",
                      language="en", input_format="html", origin=f"page {payload}.html",
                      meta={"date_source": f"meta {payload}"})
    return Document(article=article, sentences=[span], actors=[actor], events=[event], quotes=[quote],
                    times=[when], places=[place], quantities=[figure])


def live_markup(markdown: str) -> list[str]:
    """What a CommonMark renderer would turn into markup beyond the digest's own: HTML,
    links, images and extra headings."""
    found, headings = [], 0
    for token in markdown_it.MarkdownIt("commonmark").parse(markdown):
        headings += token.type == "heading_open"
        for t in [token, *(token.children or [])]:
            if t.type in ("html_inline", "html_block", "link_open", "image"):
                found.append(f"{t.type}: {t.content[:60]!r}")
    if headings != OWN_HEADINGS:
        found.append(f"{headings} headings, expected {OWN_HEADINGS}")
    return found


@pytest.mark.parametrize("payload", PAYLOADS)
def test_digest_keeps_payloads_as_text(payload):
    digest = render(hostile_document(payload))
    assert live_markup(digest) == []
    assert "Troops attacked a port" in digest  # the article is still shown


def test_script_tag_is_shown_escaped():
    digest = render(hostile_document(PAYLOADS[0]))
    assert "\\<script\\>" in digest and "<script>" not in digest


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("<>[]()!#*_`|-+=.:/\"' \nabcjsx1")), max_size=40))
def test_digest_of_any_text_has_no_live_markup(payload):
    assert live_markup(render(hostile_document(payload))) == []
