"""A brief built from hostile input carries no live markup: script tags, event-handler
attributes and javascript: URLs in titles, outlets, URLs and article text come out as
text in brief.md and brief.html; only http(s) links are made. When Debian's chromium is
installed the page is also loaded headless and must not run any of the payloads."""
import re
import shutil
import subprocess

import pytest

from brief_helpers import article, store_of
from sitrep.report import brief_text
from sitrep.report.safety import md_text, safe_url

#: each payload, if it ran, would set the page title to the marker (built at run time,
#: so the marker itself never stands in the page's text)
MARKER = "XSSRAN"
SET_TITLE = "document.title=String.fromCharCode(88,83,83,82,65,78)"
SCRIPT = f"<script>{SET_TITLE}</script>"
IMG = f"<img src=x onerror={SET_TITLE}>"
SVG = f'<svg onload="{SET_TITLE}">'
BREAKOUT = f'"><img src=x onerror={SET_TITLE}>'


def hostile_articles():
    return [
        article("h1", f"Venezuela {SCRIPT} strike", [
            f"United States aircraft struck a port near Caracas {IMG} on Monday.",
            f"Officials said 12 people were killed {SCRIPT} in the strike.",
            f"Venezuela accused the United States of piracy [click](javascript:alert(1)) {SVG}."],
            outlet=f"Wire {IMG}", published="2019-05-07", url="javascript:alert(document.domain)",
            events=[dict(s=0, type="ASSAULT", trigger="struck", source="United States", target="Venezuela",
                         place="Caracas", date="2019-05-06"),
                    dict(s=2, type="ACCUSE", trigger="accused", source="Venezuela", target="United States",
                         date="2019-05-06")],
            quantities=[(1, "12 people", 12, None, "people")]),
        article("h2", f"Venezuela denies {BREAKOUT}", [
            f"Venezuelan officials denied that United States aircraft struck the port {BREAKOUT}.",
            f"Nicolas Maduro said the United States wants to seize Venezuela's oil {SCRIPT}."],
            outlet=f'State TV" onmouseover="{SET_TITLE}', published="2019-05-08",
            url=f'https://b.example/x"onmouseover="{SET_TITLE}"<script>',
            events=[dict(s=0, type="ASSAULT", trigger="struck", source="United States", target="Venezuela",
                         place="Caracas", date="2019-05-06", status="denied", said_by="Venezuela")],
            quotes=[(1, "Nicolas Maduro", f"the United States wants to seize Venezuela's oil {SCRIPT}")]),
        article("h3", "Venezuela: a third report", [
            f"United States aircraft struck a port near Caracas, residents said {SVG}."],
            outlet="Wire C", published="2019-05-09", url=f"data:text/html,{SCRIPT}",
            events=[dict(s=0, type="ASSAULT", trigger="struck", source="United States", target="Venezuela",
                         place="Caracas", date="2019-05-06")]),
    ]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    store = store_of(folder / "hostile.duckdb", hostile_articles())
    try:
        md, _ = brief_text(store, about="Venezuela", since="2019-05-01", until="2019-05-31")
        page, _ = brief_text(store, about="Venezuela", since="2019-05-01", until="2019-05-31", html=True)
    finally:
        store.close()
    return folder, md, page


def test_markdown_has_no_raw_markup_or_unsafe_links(pages):
    _, md, _ = pages
    assert "12 people were killed" in md  # the hostile articles are still reported
    assert not re.search(r"(?<!\\)<\s*/?\s*(script|img|svg)", md, re.I)
    assert not re.search(r"(?<!\\)\]\(\s*(?!https?://)", md)  # no Markdown link to anything but http(s)
    assert not re.search(r"<\s*(?!https?://)[a-z]+:", md, re.I)  # no autolink to another scheme
    assert "javascript:alert(document.domain)" not in md and "data:text/html" not in md
    assert "\\<script\\>" in md  # shown, as text


def test_html_has_no_live_markup(pages):
    from lxml import html as lxml_html

    _, _, page = pages
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//script|//iframe|//object|//embed|//img|//body//link|//style[not(parent::head)]")
    assert [svg.get("class") for svg in tree.xpath("//svg")] == ["chart", "map"]
    handlers = [(el.tag, name) for el in tree.iter() if isinstance(el.tag, str)
                for name in el.attrib if name.lower().startswith("on")]
    assert handlers == []
    hrefs = tree.xpath("//@href")
    assert hrefs and all(h.startswith("#n-") or re.fullmatch(r"https?://[^\s\"'<>]+", h) for h in hrefs)
    assert not any(h.startswith("javascript") or "onmouseover" in h.split("?")[0] and '"' in h for h in hrefs)
    text = tree.text_content()
    assert SCRIPT in text and IMG in text  # the payloads are shown as text, not dropped


def _dump_dom(path) -> str:
    done = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                           path.as_uri()], capture_output=True, text=True, timeout=120)
    return done.stdout


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_headless_chromium_runs_no_payload(pages):
    folder, _, page = pages
    # the Content-Security-Policy would block scripts anyway: take it out, so the test
    # shows that escaping alone keeps the payloads dead
    bare = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    assert bare != page
    target = folder / "brief.html"
    target.write_text(bare, encoding="utf-8")
    control = folder / "control.html"  # the same page with one payload left live
    control.write_text(bare.replace("</body>", IMG + "</body>"), encoding="utf-8")
    assert MARKER in _dump_dom(control), "the detector must see a payload that runs"
    dom = _dump_dom(target)
    assert "<h1>" in dom and MARKER not in dom


def test_safety_helpers():
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert safe_url("//evil.example/x") is None and safe_url("https://") is None
    assert safe_url('https://a.example/x"onmouseover="y') == "https://a.example/x%22onmouseover=%22y"
    assert safe_url("https://a.example/a b<c>(d)") == "https://a.example/a%20b%3Cc%3E%28d%29"
    assert safe_url("http://ok.example/path?q=1&r=2#frag") == "http://ok.example/path?q=1&r=2#frag"
    assert md_text("<script>x</script> *a* [l](u) | # 1. ") == "\\<script\\>x\\</script\\> \\*a\\* \\[l\\](u) \\| \\# 1."
    assert md_text("- item") == "\\- item" and md_text("12. point") == "12\\. point"
    assert md_text("killed 30,000 people", 12) == "killed…"  # never half a number
    assert md_text("evil\u202egnp.exe") == "evil gnp.exe"  # no bidirectional override
