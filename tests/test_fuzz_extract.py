"""Property-based fuzzing of reading and `sitrep extract` (hypothesis).

Inputs: HTML trees generated from hostile parts (unclosed and deeply nested tags, scripts,
comments, odd attributes, control characters, every script of Unicode), our own demo
pages and texts mutated byte by byte (flips, deletions, insertions, truncation,
duplication), random bytes, and JSONL with broken, huge and deeply nested records.
Properties: reading either gives articles or a one-line InputError with a known reason,
never another exception; `sitrep extract` exits 0 with well-formed JSON whose every span
lies inside the article text, or exits 2 with one `sitrep: error:` line. Under CI the
examples are derandomised (the same every run); elsewhere each run explores new ones.
"""
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.cli import main
from sitrep.errors import InputError
from sitrep.model import Document
from sitrep.read import read_bytes
from sitrep.stages import clean

DEMO = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "demo"
SEEDS = sorted((DEMO / "html").glob("*.html")) + sorted((DEMO / "text").glob("*.txt"))
REASONS = {"empty", "binary", "encoding", "not_english", "too_large", "malformed", "unreadable",
           "unsupported", "too_short"}

FAST = settings(max_examples=60, deadline=None, derandomize=bool(os.environ.get("CI")),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], database=None)
# capsys is read (and so emptied) after every example
SLOW = settings(FAST, max_examples=12,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# -- strategies ----------------------------------------------------------------------------

TAGS = ["p", "div", "span", "article", "main", "script", "style", "table", "tr", "td", "a", "b", "svg",
        "iframe", "noscript", "title", "meta", "h1", "ul", "li", "template", "form", "!--", "?xml", "![CDATA["]
ATTRS = st.sampled_from(['', ' class="x"', ' href="javascript:alert(1)"', ' onerror="alert(1)"',
                         ' lang="tr"', ' property="og:site_name" content="=cmd|\' /C calc\'!A0"',
                         ' charset="utf-16"', ' content="text/html; charset=koi8-r"', " a=" + "'" * 40])
WORDS = st.sampled_from(["The", "port", "strike", "said", "officials", "on", "Tuesday", "Caracas", "«", "»",
                         "—", "\u200b", "\x00", "\x1b[31m", "&amp;", "&#0;", "&#xD800;", "<", ">", "]]>",
                         "Hükümet", "حكومة", "政府", "\ufeff", "\u202e", "🙂", "\r\n", "\t", "\\u0000"])
TEXT = st.lists(WORDS, max_size=40).map(" ".join) | st.text(max_size=200)


@st.composite
def html_tree(draw, depth=0):
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        tag = draw(st.sampled_from(TAGS))
        inner = draw(html_tree(depth + 1)) if depth < 5 and draw(st.booleans()) else draw(TEXT)
        close = draw(st.sampled_from(["", f"</{tag}>", f"</{tag.upper()}>", "</div>", "-->"]))
        parts.append(f"<{tag}{draw(ATTRS)}>{inner}{close}")
    return "".join(parts)


@st.composite
def html_page(draw):
    body = draw(html_tree())
    nest = draw(st.integers(0, 3000))
    return ("<!doctype html><html><head><title>" + draw(TEXT) + "</title></head><body>"
            + "<div>" * nest + body + "</body></html>")


@st.composite
def mutated(draw, seed_bytes):
    data = bytearray(seed_bytes)
    for _ in range(draw(st.integers(1, 12))):
        if not data:
            break
        kind = draw(st.sampled_from(["flip", "delete", "insert", "truncate", "duplicate"]))
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 200))]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at:at + draw(st.integers(1, 4000))] * draw(st.integers(1, 4))
    return bytes(data)


SEED_BYTES = st.sampled_from(SEEDS).map(lambda p: (p.suffix, p.read_bytes()))


@st.composite
def mutated_seed(draw):
    suffix, raw = draw(SEED_BYTES)
    return suffix, draw(mutated(raw))


@st.composite
def jsonl_file(draw):
    good = {"id": "ok", "title": "Port reopens", "text": (DEMO / "text" / "global-desk-dock-strike.txt").read_text()}
    lines = [json.dumps(good)]
    for _ in range(draw(st.integers(0, 6))):
        lines.append(draw(st.sampled_from([
            "{", "[]", "null", '{"text": 5}', '{"text": ""}', "[" * 5000 + "]" * 5000,
            json.dumps({"text": draw(TEXT), "published": draw(st.sampled_from(["2025-13-45", "x", "1e400", "99999999999999"]))}),
            json.dumps({"text": ["a", None, {"b": 1}], "source": {"name": "=HYPERLINK(1)"}}),
            json.dumps({"id": "ok", "text": "duplicate id " * 30}),
        ])))
    draw(st.randoms()).shuffle(lines)
    return "\n".join(lines).encode("utf-8")


# -- properties ------------------------------------------------------------------------------

def read_and_clean(data: bytes, name: str) -> None:
    """Reading and cleaning give articles or an InputError with a known reason."""
    try:
        articles, skips = read_bytes(data, f"fuzz/{name}", name_hint=name)
    except InputError as exc:
        assert exc.reason in REASONS, exc.reason
        assert "\n" not in str(exc)
        return
    assert articles
    for skip in skips:
        assert skip.reason in REASONS
    for article in articles:
        try:
            doc = clean.run(Document(article=article))
        except InputError as exc:
            assert exc.reason in REASONS
            continue
        assert isinstance(doc.article.text, str)


@FAST
@given(html_page())
def test_generated_html_reads_or_refuses(page):
    read_and_clean(page.encode("utf-8", "surrogatepass"), "page.html")


@FAST
@given(mutated_seed())
def test_mutated_demo_inputs_read_or_refuse(seed):
    suffix, data = seed
    read_and_clean(data, "mutated" + suffix)


@FAST
@given(st.binary(max_size=4000), st.sampled_from(["x.html", "x.txt", "x.jsonl", "x.json", "x.xml", "x.html.gz", ""]))
def test_random_bytes_read_or_refuse(data, name):
    read_and_clean(data, name)


@FAST
@given(jsonl_file())
def test_broken_jsonl_keeps_the_good_records(data):
    articles, skips = read_bytes(data, "fuzz/a.jsonl", name_hint="a.jsonl")
    assert "ok" in [a.id for a in articles]
    assert all(skip.reason in REASONS for skip in skips)


def _spans_inside(node, length: int) -> None:
    if isinstance(node, dict):
        span = node.get("span")
        if isinstance(span, list) and len(span) == 2:
            assert 0 <= span[0] <= span[1] <= length, span
        for value in node.values():
            _spans_inside(value, length)
    elif isinstance(node, list):
        for value in node:
            _spans_inside(value, length)


def extract_cli(tmp_path_factory, data: bytes, name: str, capsys) -> None:
    path = tmp_path_factory.mktemp("fuzz") / name
    path.write_bytes(data)
    code = main(["extract", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code == 2:
        errors = [ln for ln in err.splitlines() if ln.startswith("sitrep: error:")]
        assert len(errors) == 1, err
        return
    assert code == 0, err
    docs = [json.loads(out)] if out.lstrip().startswith("{\n") else [json.loads(ln) for ln in out.splitlines() if ln]
    for doc in docs:
        assert doc["schema"].startswith("sitrep.document/")
        _spans_inside(doc, len(doc["article"]["text"]))


@SLOW
@given(data=mutated_seed())
def test_extract_on_mutated_pages_exits_cleanly(tmp_path_factory, capsys, kb, data):
    suffix, raw = data
    extract_cli(tmp_path_factory, raw, "page" + suffix, capsys)


@SLOW
@given(page=html_page())
def test_extract_on_generated_html_exits_cleanly(tmp_path_factory, capsys, kb, page):
    extract_cli(tmp_path_factory, page.encode("utf-8", "surrogatepass"), "page.html", capsys)


@SLOW
@given(data=jsonl_file())
def test_extract_on_broken_jsonl_exits_cleanly(tmp_path_factory, capsys, kb, data):
    extract_cli(tmp_path_factory, data, "batch.jsonl", capsys)


@pytest.mark.parametrize("seed", SEEDS, ids=[p.name for p in SEEDS])
def test_every_seed_is_a_real_article(seed):
    """The seeds themselves read cleanly, so mutations start from valid input."""
    articles, _ = read_bytes(seed.read_bytes(), str(seed), name_hint=seed.name)
    assert clean.run(Document(article=articles[0])).article.text
