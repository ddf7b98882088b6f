"""One size policy for extract and ingest: bytes, characters of markup, elements, characters
of article text; a cut is reported on stderr and recorded, an oversized article refused."""
import json

import pytest

from sitrep.cli import main
from sitrep.errors import InputError, SitrepError
from sitrep.read import read_input, read_input_with_skips
from sitrep.read.html import cut_html, read_html, strip_noise_blocks
from sitrep.read.limits import DEFAULT_LIMITS, Limits, limits_from_args

SENTENCE = "The harbour authority said on Tuesday that the port would reopen after the storm. "


def page(paragraphs: int, noise: str = "") -> str:
    body = "".join(f"<p>{SENTENCE * 3}</p>" for _ in range(paragraphs))
    return (f"<html><head><title>Port reopens</title>{noise}</head><body><article>{body}</article>"
            + "<footer>" + "<div><a href='/x'>link</a></div>" * 2000 + "</footer></body></html>")


def test_overrides_keep_the_other_defaults_and_refuse_nonsense():
    limits = DEFAULT_LIMITS.but(max_chars=5000, max_bytes=None)
    assert limits.max_chars == 5000 and limits.max_bytes == DEFAULT_LIMITS.max_bytes
    for bad in (0, -3):
        with pytest.raises(SitrepError, match="--max-chars must be a positive number"):
            DEFAULT_LIMITS.but(max_chars=bad)

    class Args:
        max_bytes, max_chars = 1234, None
    assert limits_from_args(Args()).max_bytes == 1234


def test_markup_cut_is_reported_on_stderr_and_recorded(capsys):
    html = page(40)
    limits = Limits(max_html_chars=len(html) // 2, prune_html_above=10**9)
    article = read_html(html, "big.html", limits=limits)
    assert article.text.startswith("The harbour authority")
    cut = article.meta["truncated"]
    assert cut["what"] == "html" and cut["kept_chars"] <= limits.max_html_chars < cut["total_chars"]
    err = capsys.readouterr().err
    assert err.startswith("sitrep: warning: big.html:") and err.count("\n") == 1


def test_a_page_within_the_limits_is_not_cut(capsys):
    article = read_html(page(5), "small.html")
    assert "truncated" not in article.meta
    assert capsys.readouterr().err == ""


def test_cut_html_never_splits_a_tag():
    html = "<p>" + "word " * 100 + "</p><p class='x'>more</p>"
    cut = cut_html(html, html.index("class") + 2)
    assert cut.endswith("</p>") and "<p class" not in cut


def test_noise_blocks_go_in_one_linear_pass_and_json_ld_stays():
    html = ("<head><script type='application/ld+json'>{\"headline\": \"H\"}</script><style>p{}</style>"
            "<!-- c --></head><body><p>text</p><svg><path/></svg><script>x()</script></body>")
    out = strip_noise_blocks(html)
    assert "ld+json" in out and "headline" in out
    assert "p{}" not in out and "x()" not in out and "<path" not in out and "c -->" not in out
    # unclosed blocks by the hundred thousand: quadratic with a regex, linear here
    hostile = "<script>" * 200_000 + "<p>after</p>"
    assert strip_noise_blocks(hostile).strip() == ""
    assert strip_noise_blocks("<!--" * 200_000).strip() == ""


def test_long_article_text_is_refused_with_what_to_do(tmp_path):
    path = tmp_path / "transcript.txt"
    path.write_text(SENTENCE * 2000)  # 164,000 characters
    with pytest.raises(InputError) as info:
        read_input(str(path))
    assert info.value.reason == "too_large" and "--max-chars" in info.value.detail
    assert read_input(str(path), limits=Limits(max_chars=200_000))[0].text.startswith("The harbour")


def test_a_long_record_is_skipped_and_the_others_kept(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"id": "long", "text": SENTENCE * 200}, {"id": "ok", "text": SENTENCE * 5}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    articles, skips = read_input_with_skips(str(path), limits=Limits(max_chars=5000))
    assert [a.id for a in articles] == ["ok"]
    assert skips[0].reason == "too_large" and skips[0].origin.endswith(":1")


def test_json_nested_too_deeply_is_malformed_not_a_traceback(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    with pytest.raises(InputError) as info:
        read_input(str(deep))
    assert info.value.reason == "malformed"
    lines = tmp_path / "deep.jsonl"
    lines.write_text(json.dumps({"id": "ok", "text": SENTENCE * 5}) + "\n" + "[" * 200_000 + "]" * 200_000 + "\n")
    articles, skips = read_input_with_skips(str(lines))
    assert [a.id for a in articles] == ["ok"] and skips[0].reason == "malformed"


def test_extract_refuses_an_oversized_article_in_one_line(tmp_path, capsys):
    path = tmp_path / "long.txt"
    path.write_text(SENTENCE * 2000)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sitrep: error:") and "--max-chars" in err and err.count("\n") == 1
    assert main(["extract", str(path), "--max-bytes", "1000"]) == 2
    assert "--max-bytes" in capsys.readouterr().err


def test_ingest_takes_the_same_options(tmp_path, capsys):
    path = tmp_path / "a.jsonl"
    rows = [{"id": "long", "text": SENTENCE * 200}, {"id": "ok", "text": SENTENCE * 5}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(path), "--db", str(db), "--until", "clean", "--workers", "1", "--no-progress",
                 "--max-chars", "5000", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["ingested"] == 1 and summary["skipped"] == {"too_large": 1}
    assert main(["ingest", str(path), "--db", str(db), "--workers", "1", "--max-bytes", "-1"]) == 2
    assert "--max-bytes must be a positive number" in capsys.readouterr().err
