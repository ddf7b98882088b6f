"""sitrep.read: formats, metadata, stable ids and every kind of bad input."""
import gzip
import json
from pathlib import Path

import pytest

from sitrep.errors import InputError, Skip
from sitrep.read import (read_bytes, read_feed_list, read_input, read_inputs,
                         read_input_with_skips)

FIXTURES = Path(__file__).parent / "fixtures" / "read"

ENGLISH = ("The harbour in Port Ellis reopened to fishing boats on Monday, four days after a winter "
           "storm tore two pontoons from their moorings and sank a small ferry near the breakwater.")


def reason_of(source, **kw):
    with pytest.raises(InputError) as info:
        read_input(str(source), **kw)
    return info.value


# -- bad input ------------------------------------------------------------------------

def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    err = reason_of(path)
    assert err.reason == "empty"
    assert str(path) in str(err)


def test_whitespace_only_is_empty(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n\t \n")
    assert reason_of(path).reason == "empty"


def test_nul_bytes_mean_binary(tmp_path):
    path = tmp_path / "data.bin"
    path.write_bytes(b"some header\x00\x01\x02\x03\x00\xff\xfe\x00binary payload" * 20)
    err = reason_of(path)
    assert err.reason == "binary"
    assert "NUL" in err.detail


@pytest.mark.parametrize("magic,word", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
])
def test_known_binary_formats_are_named(tmp_path, magic, word):
    path = tmp_path / "article.txt"  # the extension lies; the content decides
    path.write_bytes(magic + b"\x00" * 64)
    err = reason_of(path)
    assert err.reason == "binary"
    assert word in err.detail


def test_latin1_text_is_decoded_and_recorded(tmp_path):
    text = ("Le café de Zürich was closed on Friday. " + ENGLISH + " The owner, José Núñez, said "
            "the façade would be repaired before the spring.")
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    article = read_input(str(path))[0]
    assert "café de Zürich" in article.text
    assert "José Núñez" in article.text
    assert article.meta["encoding"]["encoding"] in ("cp1252", "latin-1", "iso8859-1", "windows-1252",
                                                    "latin_1", "cp1250")
    assert article.meta["encoding"]["how"] != "valid utf-8"


def test_utf16_with_bom(tmp_path):
    text = ENGLISH + " The mayor’s office said the ferry — built in 1987 — would be raised."
    path = tmp_path / "utf16.txt"
    path.write_bytes(text.encode("utf-16"))  # writes a BOM
    article = read_input(str(path))[0]
    assert article.text == text
    assert "utf-16" in article.meta["encoding"]["encoding"]


def test_utf16_without_bom_is_not_taken_for_binary(tmp_path):
    path = tmp_path / "utf16le.txt"
    path.write_bytes(ENGLISH.encode("utf-16-le"))
    assert read_input(str(path))[0].text == ENGLISH


def test_html_charset_declared_in_meta(tmp_path):
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
            "<title>Fête</title></head><body><article><p>" + ENGLISH + " The Fête du Port was "
            "cancelled, said the organiser, Zoë Brûlé.</p><p>" + ENGLISH + "</p></article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1252"))
    article = read_input(str(path))[0]
    assert "Zoë Brûlé" in article.text
    assert article.meta["encoding"]["encoding"] == "cp1252"


def test_html_without_article_text_is_malformed(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text("<html><head><title>Index</title></head><body><nav><a href='/a'>A</a> "
                    "<a href='/b'>B</a></nav><script>var x = 1;</script></body></html>")
    err = reason_of(path)
    assert err.reason == "malformed"
    assert "no article text" in err.detail


def test_huge_html_is_refused_or_cut_to_the_markup_bound(tmp_path):
    """The bound that keeps parsing time and memory in check is asserted here; the time it
    takes is measured by bench/bench_extract_limits.py (no timed unit tests)."""
    paragraphs = "".join(
        f"<p>Paragraph {i}: the council met on day {i} to discuss bridge number {i * 7} and the river.</p>\n"
        for i in range(40_000))
    path = tmp_path / "huge.html"
    path.write_text("<html><head><title>Minutes</title><script>" + "var a=1;" * 100_000 +
                    "</script></head><body><article>" + paragraphs + "</article></body></html>")
    assert path.stat().st_size > 4_000_000
    err = reason_of(path)  # its body is far longer than any article: refused, not cut
    assert err.reason == "too_large" and "--max-chars" in err.detail
    from sitrep.read.limits import Limits
    article = read_input(str(path), limits=Limits(max_chars=10_000_000))[0]
    assert "Paragraph 0:" in article.text
    # the markup beyond the limit was cut, and that is on record
    assert article.meta["truncated"]["kept_chars"] <= Limits().max_html_chars < article.meta["truncated"]["total_chars"]


def test_too_large_input_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ENGLISH * 100)
    err = reason_of(path, max_bytes=1000)
    assert err.reason == "too_large"


def test_missing_file_and_folder(tmp_path):
    assert reason_of(tmp_path / "nope.txt").reason == "unreadable"
    assert reason_of(tmp_path).reason == "unsupported"


def test_url_failure_is_an_input_error():
    # offline machine, or a port nobody listens on: either way a clean InputError
    err = reason_of("http://127.0.0.1:9/article.html")
    assert err.reason == "unreadable"


# -- formats --------------------------------------------------------------------------

def test_html_page_metadata_and_body():
    article = read_input(str(FIXTURES / "council.html"))[0]
    assert article.input_format == "html"
    assert article.title == "Riverside council approves bridge repairs"
    assert article.published == "2026-01-03T12:12:00-05:00"
    assert article.meta["date_source"].startswith("meta")
    assert article.source == "Riverside Gazette"
    assert article.url == "https://gazette.example.org/news/2026/01/03/bridge-repairs"
    assert "Old Mill bridge" in article.text
    assert "We could not wait another year." in article.text
    assert "cookie" not in article.text.lower()
    assert "Most read" not in article.text
    # paragraphs separated by one blank line
    assert "supports.\n\nCouncil members" in article.text


def test_gzipped_html(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((FIXTURES / "council.html").read_bytes()))
    article = read_input(str(path))[0]
    assert article.input_format == "html"
    assert "Old Mill bridge" in article.text


def test_html_detected_by_content_without_extension(tmp_path):
    path = tmp_path / "download"
    path.write_bytes((FIXTURES / "council.html").read_bytes())
    assert read_input(str(path))[0].input_format == "html"


def test_jsonl_broken_line_is_skipped_not_fatal():
    articles, skips = read_input_with_skips(str(FIXTURES / "mixed.jsonl"))
    assert [a.title for a in articles] == ["Harbour reopens after storm", "Library extends opening hours",
                                           "School board elects new chair"]
    assert articles[0].id == "harbour-1"
    assert articles[0].published == "2026-02-10T08:30:00+00:00"
    assert articles[1].published == "2026-02-11"
    assert all(a.input_format == "jsonl" for a in articles)
    reasons = {s.origin.rsplit(":", 1)[1]: s.reason for s in skips}
    assert all(s.stage == "read" for s in skips)
    assert reasons == {"3": "malformed", "4": "empty"}


def test_json_list_and_single_object(tmp_path):
    one = tmp_path / "one.json"
    one.write_text('{"title": "Ferry", "body": "%s"}' % ENGLISH)
    assert read_input(str(one))[0].title == "Ferry"
    many = tmp_path / "many.json"
    many.write_text('[{"text": "%s"}, {"text": "%s Again."}]' % (ENGLISH, ENGLISH))
    assert len(read_input(str(many))) == 2


def test_feed_items_become_articles():
    articles, skips = read_input_with_skips(str(FIXTURES / "feed.xml"))
    assert len(articles) == 1 and len(skips) == 1
    item = articles[0]
    assert item.input_format == "feed"
    assert item.source == "Coast Weekly"
    assert item.published.startswith("2026-02-10T08:30")
    assert item.text.startswith("The harbour in Port Ellis")
    assert "\n\nDivers cleared" in item.text


def test_stdin_and_published_override():
    data = ("Ferry sinks in harbour\n\n" + ENGLISH).encode()
    article = read_input("-", stdin_bytes=data, published="2026-02-09T18:00:00Z")[0]
    assert article.origin == "<stdin>"
    assert article.title == "Ferry sinks in harbour"
    assert article.published == "2026-02-09T18:00:00+00:00"


def test_ids_are_stable_and_url_based_when_possible(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH)
    first, second = read_input(str(path))[0], read_input(str(path))[0]
    assert first.id == second.id and len(first.id) == 16
    html_ids = {read_input(str(FIXTURES / "council.html"))[0].id for _ in range(2)}
    assert len(html_ids) == 1
    moved = tmp_path / "renamed.html"
    moved.write_bytes((FIXTURES / "council.html").read_bytes().replace(b"<h1>", b"<h1 class='x'>"))
    assert read_input(str(moved))[0].id in html_ids  # same canonical URL, same article


def test_read_inputs_walks_folders_and_reports_bad_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.txt").write_text(ENGLISH)
    (tmp_path / "bad.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    (tmp_path / ".hidden.txt").write_text(ENGLISH)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text(ENGLISH)
    results = list(read_inputs([str(tmp_path)]))
    assert len(results) == 2
    bad = next(r for r in results if isinstance(r, Skip))
    good = next(r for r in results if not isinstance(r, Skip))
    assert Path(bad.origin).name == "bad.png" and bad.reason == "binary" and bad.stage == "read"
    assert Path(good.origin).name == "good.txt" and good.text == ENGLISH


def test_read_feed_list(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# my feeds\nhttps://coast.example.org/rss\n\nhttp://news.example.com/feed.xml  # world\n")
    assert read_feed_list(str(path)) == ["https://coast.example.org/rss", "http://news.example.com/feed.xml"]
    path.write_text("not a url\n")
    with pytest.raises(InputError):
        read_feed_list(str(path))


def test_read_bytes_for_uploads():
    articles, skips = read_bytes(ENGLISH.encode(), "upload", name_hint="note.txt")
    assert articles[0].origin == "upload" and not skips


def test_url_is_fetched_and_becomes_the_article_url():
    import http.server
    import threading

    page = (FIXTURES / "council.html").read_bytes().replace(b'<link rel="canonical"', b'<link rel="x"')

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/story":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        article = read_input(base + "/story")[0]
        assert article.origin == base + "/story"
        assert article.url == base + "/story"  # the page declares no canonical URL
        assert "Old Mill bridge" in article.text
        err = reason_of(base + "/missing")
        assert err.reason == "unreadable" and "404" in err.detail
    finally:
        server.shutdown()


def test_atom_feed_and_markdown(tmp_path):
    atom = tmp_path / "updates.atom"
    atom.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Port Ellis Council</title><entry><title>Budget adopted</title>"
        "<link href='https://council.example.org/budget'/><id>tag:council.example.org,2026:1</id>"
        "<updated>2026-02-12T17:00:00+01:00</updated>"
        "<content type='html'>&lt;p&gt;" + ENGLISH + "&lt;/p&gt;</content></entry></feed>")
    item = read_input(str(atom))[0]
    assert item.input_format == "feed" and item.title == "Budget adopted"
    assert item.published == "2026-02-12T16:00:00+00:00"
    assert item.url == "https://council.example.org/budget"
    assert item.text == ENGLISH
    md = tmp_path / "note.md"
    md.write_text("# Ferry raised from the harbour\n\n" + ENGLISH + "\n")
    article = read_input(str(md))[0]
    assert article.title == "Ferry raised from the harbour" and article.input_format == "text"


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 50)
    err = reason_of(path)
    assert err.reason == "encoding" and "UTF-8" in err.detail
    # a few damaged bytes in an otherwise clean file are replaced, and the damage recorded
    path.write_bytes(ENGLISH.encode() * 3 + b"\x81\x8d")
    article = read_input(str(path))[0]
    assert article.text.startswith(ENGLISH)
    assert "replaced" in article.meta["encoding"]["how"]


def test_cyrillic_legacy_encoding_is_guessed(tmp_path):
    text = "Городской совет во вторник утвердил новый бюджет на ремонт дорог и мостов. " * 4
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    article = read_input(str(path))[0]
    assert article.text.strip() == text.strip()
    assert article.meta["encoding"]["encoding"] == "cp1251"


def test_element_heavy_pages(tmp_path):
    menu = tmp_path / "menu.html"
    menu.write_text("<html><body><nav>" + "<li><a href='#'>link</a></li>" * 30_000 + "</nav><article><p>"
                    + ENGLISH + "</p><p>" + ENGLISH + "</p></article></body></html>")
    article = read_input(str(menu))[0]  # its time: bench/bench_extract_limits.py
    assert article.text.startswith("The harbour") and article.meta["pruned_elements"]
    table = tmp_path / "table.html"
    table.write_text("<html><body><table>" + "<tr><td>cell</td><td>more</td></tr>" * 60_000 + "</table></body></html>")
    err = reason_of(table)
    assert err.reason == "too_large" and "HTML elements" in err.detail


def test_jsonl_archive_limit_is_per_record(tmp_path):
    """A JSONL archive larger than the per-input limit is read; only an oversized record is skipped."""
    body = "The harbour board met on Monday to discuss the dredging of the river mouth. " * 3
    lines = [json.dumps({"id": f"r{i}", "title": f"Minutes {i}", "text": body}) for i in range(30)]
    lines.insert(5, json.dumps({"id": "huge", "text": body * 40}))
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size > 5_000
    articles, skips = read_input_with_skips(str(path), max_bytes=5_000)
    assert len(articles) == 30
    assert [(s.reason, s.origin.endswith(":6")) for s in skips] == [("too_large", True)]
    # a single text file over the limit is still refused as a whole
    big = tmp_path / "big.txt"
    big.write_text(body * 100)
    assert reason_of(big, max_bytes=5_000).reason == "too_large"


# -- short texts and CSV (issue 7 item 8) ---------------------------------------------------

def test_csv_rows_are_records_and_short_ones_are_snippets(tmp_path):
    from sitrep.model import Document
    from sitrep.stages import clean
    path = tmp_path / "flashes.csv"
    path.write_text('id,headline,date,source\n'
                    'f1,"Navy seizes tanker off the northern coast, ministry says",2024-05-02,Wire\n'
                    'f2,,2024-05-03,Wire\n', encoding="utf-8")
    articles, skips = read_input_with_skips(str(path))
    assert [a.id for a in articles] == ["f1"] and articles[0].input_format == "csv"
    assert articles[0].published == "2024-05-02" and articles[0].source == "Wire"
    assert skips and skips[0].origin.endswith("flashes.csv:3")
    out = clean.run(Document(article=articles[0]), None).article
    assert "short text" in out.meta["short_context"] and "CSV" in out.meta["short_context"]


def test_tsv_with_a_sentence_column(tmp_path):
    path = tmp_path / "sentences.tsv"
    path.write_text("id\tsentence\ns1\tThe rebels released two hostages on Sunday.\n", encoding="utf-8")
    article = read_input(str(path))[0]
    assert article.text == "The rebels released two hostages on Sunday."


def test_csv_without_a_text_column_is_refused(tmp_path):
    path = tmp_path / "numbers.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_input(str(path))
    assert "text column" in str(info.value)


def test_short_text_file_is_refused_unless_asked_for(tmp_path):
    from sitrep.model import Document
    from sitrep.stages import clean
    path = tmp_path / "flash.txt"
    path.write_text("Gunmen kill three at a checkpoint near the border\n", encoding="utf-8")
    article = read_input(str(path))[0]
    with pytest.raises(InputError) as info:
        clean.run(Document(article=article), None)
    assert info.value.reason == "too_short" and "--snippet" in str(info.value)
    article = read_input(str(path))[0]
    article.meta["snippet"] = True
    out = clean.run(Document(article=article), None).article
    assert out.text.startswith("Gunmen kill three") and "asked for" in out.meta["short_context"]


def test_short_jsonl_record_is_a_snippet_by_default():
    from sitrep.model import Document
    from sitrep.read.records import articles_from_records
    from sitrep.stages import clean
    articles, skips = articles_from_records([{"id": "s1", "text": "Troops shelled the village."},
                                             {"id": "s2"}], "set")
    assert [a.id for a in articles] == ["s1"] and skips[0].reason == "empty"
    out = clean.run(Document(article=articles[0]), None).article
    assert "JSONL" in out.meta["short_context"]


@pytest.mark.parametrize("bad_url", ["https://[", "https://>[x", "http://a]b/page"])
def test_a_malformed_page_url_gives_no_outlet_and_no_error(tmp_path, bad_url):
    # session 15 (found by the fuzz test): urllib raises ValueError on an unclosed IPv6
    # bracket, and a page without a site name takes its outlet from its og:url
    paragraphs = "".join(f"<p>The harbour board of Veldmark met on Monday for the {n}th time this year and "
                         f"voted to repair the northern pier before the winter storms arrive.</p>" for n in range(4, 9))
    page = (f'<html><head><title>Harbour board votes</title><meta property="og:url" content="{bad_url}">'
            f"</head><body><article><h1>Harbour board votes</h1>{paragraphs}</article></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    article = read_input(str(path))[0]
    assert "northern pier" in article.text
    assert article.url == bad_url and article.source is None
