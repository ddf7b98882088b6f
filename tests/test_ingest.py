import json


from sitrep.corpus.ingest import ingest
from sitrep.corpus.store import Store

BASE = ("The harbour authority of {town} said on Monday that {n} cargo ships had been delayed by a storm "
        "off the coast, and that crews expected to unload by the end of the week. Local traders in {town} "
        "complained that prices for flour and fuel had risen sharply since the weekend, while the mayor "
        "promised emergency deliveries by road. Number {n} in the series.")
TOWNS = ["Arden", "Belmont", "Corrin", "Dunmore", "Eston", "Farley", "Glenby", "Harrow"]


def article(n, **extra):
    d = {"id": f"art-{n}", "title": f"Delays at port {n}", "published": f"2025-12-{n % 28 + 1:02d}",
         "source": f"Outlet {n % 3}", "url": f"https://news.invalid/{n}",
         "text": BASE.format(town=TOWNS[n % len(TOWNS)], n=n)}
    d.update(extra)
    return d


def write_jsonl(path, records, bad_lines=()):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
        for line in bad_lines:
            f.write(line + "\n")
    return str(path)


def run(paths, db, **kw):
    kw.setdefault("until", "clean")
    with Store(db) as store:
        summary = ingest(paths, store, workers=1, progress=False, **kw)
        counts = store.counts()
        rows = store.rows("SELECT reason, stage, input_id, detail FROM skipped ORDER BY input_id")
    return summary, counts, rows


def test_duplicates_bad_lines_and_rerun(tmp_path):
    recs = [article(n) for n in range(5)]
    recs.append(dict(article(1), id="art-1-dup2"))  # same text, other id: an exact duplicate
    recs.append(dict(article(2), text="   "))  # empty body
    src = write_jsonl(tmp_path / "a.jsonl", recs, bad_lines=["{not json"])
    summary, counts, skipped = run([src], tmp_path / "db.duckdb")
    assert summary.ingested == 5
    assert summary.duplicates == 1
    assert counts["articles"] == 5
    reasons = sorted(r["reason"] for r in skipped)
    assert "duplicate" in reasons and "malformed" in reasons
    dup = next(r for r in skipped if r["reason"] == "duplicate")
    assert dup["input_id"] == "art-1-dup2" and "art-1" in dup["detail"]
    # a re-run stores nothing new and records no skip twice
    summary2, counts2, skipped2 = run([src], tmp_path / "db.duckdb")
    assert summary2.ingested == 0 and summary2.unchanged == 5
    assert counts2["articles"] == 5
    assert len(skipped2) == len(skipped)


def test_updated_url_replaces_and_is_recorded(tmp_path):
    db = tmp_path / "db.duckdb"
    run([write_jsonl(tmp_path / "a.jsonl", [article(1), article(2)])], db)
    newer = dict(article(1), text=article(1)["text"] + " Updated at noon with a correction.")
    summary, counts, _ = run([write_jsonl(tmp_path / "b.jsonl", [newer])], db)
    assert summary.updated == 1 and summary.ingested == 1
    assert counts["articles"] == 2 and counts["article_versions"] == 1
    with Store(db) as store:
        row = store.rows("SELECT version, text FROM articles WHERE url = 'https://news.invalid/1'")[0]
        assert row["version"] == 2 and row["text"].endswith("correction.")


def test_versions_of_one_url_in_one_batch_replace_each_other(tmp_path):
    # the batch's one lookup ran before any of them was stored: each later version must
    # still find the one stored just before it
    first = article(1)
    second = dict(first, id="second", text=first["text"] + " Updated at noon with a correction.")
    third = dict(first, id="third", text=second["text"] + " And again in the evening.")
    summary, counts, _ = run([write_jsonl(tmp_path / "a.jsonl", [first, article(2), second, third])],
                             tmp_path / "db.duckdb")
    assert summary.ingested == 4 and summary.updated == 2
    assert counts["articles"] == 2 and counts["article_versions"] == 2
    with Store(tmp_path / "db.duckdb") as store:
        row = store.rows("SELECT article_id, version FROM articles WHERE url = 'https://news.invalid/1'")[0]
        assert (row["article_id"], row["version"]) == ("third", 3)


def test_near_duplicate_is_linked_not_dropped(tmp_path):
    original = article(3)
    copy = dict(article(3), id="repost", source="Other Outlet", url="https://other.invalid/x",
                text="By Wire Staff. " + original["text"] + " Copyright 2025.")
    summary, counts, _ = run([write_jsonl(tmp_path / "a.jsonl", [original, copy, article(4)])],
                             tmp_path / "db.duckdb")
    assert counts["articles"] == 3 and summary.near_duplicates == 1
    with Store(tmp_path / "db.duckdb") as store:
        links = store.rows("SELECT article_id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")
    assert links == [{"article_id": "repost", "duplicate_of": "art-3"}]


def test_files_folders_and_unreadable_inputs(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "one.txt").write_text(article(5)["text"], encoding="utf-8")
    (folder / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    summary, counts, skipped = run([str(folder), str(tmp_path / "missing.jsonl")], tmp_path / "db.duckdb")
    assert counts["articles"] == 1
    assert {"binary", "empty", "unreadable"} <= {r["reason"] for r in skipped}


def test_stage_exception_becomes_internal_error_skip(tmp_path, kb):
    from sitrep.pipeline import STAGES, Pipeline, Stage

    def boom(doc, kb):
        if "Belmont" in doc.article.text:
            raise ValueError("stage bug")
        return doc

    pipeline = Pipeline([STAGES[0], STAGES[1], Stage("actors", boom, requires=("nlp",), assigns=("actors",))])
    src = write_jsonl(tmp_path / "a.jsonl", [article(0), article(1), article(2)])
    summary, counts, skipped = run([src], tmp_path / "db.duckdb", until=None, pipeline=pipeline)
    assert counts["articles"] == 2
    assert [(r["reason"], r["stage"], r["input_id"]) for r in skipped] == [("internal_error", "actors", "art-1")]
    assert "stage bug" in skipped[0]["detail"]


def test_too_large_is_skipped(tmp_path):
    big = dict(article(6), text=article(6)["text"] * 50)
    summary, counts, skipped = run([write_jsonl(tmp_path / "a.jsonl", [big, article(7)])], tmp_path / "db.duckdb",
                                   max_chars=5000)
    assert counts["articles"] == 1 and summary.skipped["too_large"] == 1


def test_progress_bar_renders_rate_and_eta_only_when_enabled():
    import io

    from sitrep.run.progress import Progress

    out = io.StringIO()
    bar = Progress(total=10, enabled=True, stream=out, min_interval=0)
    bar.update(4)
    bar.close()
    text = out.getvalue()
    assert "4/10 articles" in text and "/s" in text and "ETA" in text and text.endswith("\n")
    quiet = io.StringIO()
    # a StringIO is not a terminal: no bar, and a log line only after line_interval seconds
    bar = Progress(total=10, stream=quiet, line_interval=3600)
    bar.update(4)
    bar.close()
    assert quiet.getvalue() == ""


def test_estimate_total_counts_jsonl_lines_and_files(tmp_path):
    from sitrep.corpus.ingest import estimate_total

    src = write_jsonl(tmp_path / "a.jsonl", [article(1), article(2), article(3)])
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("hello", encoding="utf-8")
    assert estimate_total([src, str(tmp_path / "d")]) == 4
    assert estimate_total(["https://example.invalid/feed"]) is None


def test_estimate_total_is_unknown_for_inputs_of_many_records(tmp_path):
    """A feed, JSON or CSV file holds any number of articles: no guessed total (it showed
    "25/24"); a hidden folder is not read, so it is not counted either."""
    from sitrep.corpus.ingest import estimate_total

    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.html").write_text("<p>hello</p>", encoding="utf-8")
    (tmp_path / "d" / ".cache").mkdir()
    (tmp_path / "d" / ".cache" / "old.txt").write_text("hello", encoding="utf-8")
    assert estimate_total([str(tmp_path / "d")]) == 1
    feed = tmp_path / "d" / "news.rss"
    feed.write_text("<rss><channel><item><title>a</title></item><item><title>b</title></item></channel></rss>",
                    encoding="utf-8")
    assert estimate_total([str(tmp_path / "d")]) is None
    for name in ("many.json", "rows.csv", "a.jsonl.gz"):
        (tmp_path / name).write_bytes(b"[]")
        assert estimate_total([str(tmp_path / name)]) is None


def test_progress_drops_a_total_the_run_outgrew():
    """A total that turns out too small is dropped, never drawn as "25/24"."""
    import io

    from sitrep.run.progress import Progress

    bar = Progress(total=2, stream=io.StringIO(), enabled=True)
    bar.update(3)
    assert bar.total is None
    assert "3/2" not in bar.render() and bar.render().startswith("3 articles")


def test_edited_text_file_is_an_update(tmp_path):
    page = tmp_path / "report.txt"
    page.write_text(article(8)["text"], encoding="utf-8")
    db = tmp_path / "db.duckdb"
    run([str(page)], db)
    page.write_text(article(8)["text"] + " An editor's note was added later.", encoding="utf-8")
    summary, counts, _ = run([str(page)], db)
    assert summary.updated == 1
    assert counts["articles"] == 1 and counts["article_versions"] == 1


def test_process_pool_gives_the_same_store_as_one_worker(tmp_path):
    recs = [article(n) for n in range(12)] + [dict(article(3), id="again")]
    src = write_jsonl(tmp_path / "a.jsonl", recs)
    with Store(tmp_path / "pool.duckdb") as store:
        summary = ingest([src], store, workers=2, until="clean", progress=False, chunk_size=2, batch_size=3)
        ids = {r["article_id"] for r in store.rows("SELECT article_id FROM articles")}
    assert summary.ingested == 12 and summary.duplicates == 1
    assert ids == {f"art-{n}" for n in range(12)}


def test_unstorable_document_is_skipped_and_the_batch_kept(tmp_path, monkeypatch):
    import copy

    from sitrep.model import Event, TextSpan
    from sitrep.run.tasks import Analysed, IngestTask

    real = IngestTask.__call__

    def with_bad_event(self, articles):
        results = real(self, articles)
        for r in results:
            if isinstance(r, Analysed) and r.document.article.id == "art-2":
                ev = Event(id="x", type="ASSAULT", trigger=TextSpan((0, 1), "T"), sentence=TextSpan((0, 1), "T"))
                r.document.events = [ev, copy.deepcopy(ev)]  # the same event id twice breaks the primary key
        return results

    monkeypatch.setattr(IngestTask, "__call__", with_bad_event)
    src = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(5)])
    summary, counts, skipped = run([src], tmp_path / "db.duckdb", batch_size=5)
    assert counts["articles"] == 4 and summary.ingested == 4
    assert [(r["reason"], r["stage"], r["input_id"]) for r in skipped] == [("internal_error", "store", "art-2")]
    # the refused article is not remembered: a re-run tries it again
    summary2, _, _ = run([src], tmp_path / "db.duckdb")
    assert summary2.unchanged == 4


def test_a_rerun_clears_the_errors_of_inputs_it_now_stores(tmp_path):
    from sitrep.pipeline import STAGES, Pipeline, Stage

    def fragile(doc, kb):
        if "Belmont" in doc.article.text:
            raise RuntimeError("a bug since fixed")
        return doc

    src = write_jsonl(tmp_path / "a.jsonl", [article(0), article(1), article(2)])
    (tmp_path / "gone.txt").write_text("")  # refused as empty: not an error a re-run can clear
    buggy = Pipeline([STAGES[0], Stage("fragile", fragile, requires=("text",))])
    _, _, skipped = run([src, str(tmp_path / "gone.txt")], tmp_path / "db.duckdb", pipeline=buggy)
    assert sorted((r["reason"], r["input_id"]) for r in skipped) == [("empty", None), ("internal_error", "art-1")]
    summary, counts, skipped = run([src, str(tmp_path / "gone.txt")], tmp_path / "db.duckdb")
    assert summary.ingested == 1 and counts["articles"] == 3
    assert [r["reason"] for r in skipped] == ["empty"]


def test_a_file_unreadable_before_loses_its_skip_once_stored(tmp_path):
    late = tmp_path / "late.txt"
    _, _, skipped = run([str(late)], tmp_path / "db.duckdb")
    assert [r["reason"] for r in skipped] == ["unreadable"]
    late.write_text(article(4)["text"], encoding="utf-8")  # the file arrived
    summary, _, skipped = run([str(late)], tmp_path / "db.duckdb")
    assert summary.ingested == 1 and skipped == []


def test_a_full_disk_stops_the_ingest_without_blaming_articles(tmp_path, monkeypatch, capsys):
    import duckdb

    from sitrep.cli import main

    src = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(6)])
    db = tmp_path / "db.duckdb"
    run([src], db)  # the first articles are stored
    more = write_jsonl(tmp_path / "b.jsonl", [article(n) for n in range(6, 9)])

    def full(self, *args, **kwargs):
        raise duckdb.IOException("IO Error: Could not write file: No space left on device")

    monkeypatch.setattr(Store, "add_document", full)
    assert main(["ingest", more, "--db", str(db), "--workers", "1", "--until", "clean", "--no-progress"]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("sitrep: error: no space left") and "free some space" in err
    monkeypatch.undo()
    with Store(db) as store:
        assert store.counts()["articles"] == 6
        assert store.rows("SELECT * FROM skipped") == []  # no article blamed for the disk
    summary, counts, _ = run([more], db)  # with room again, the re-run stores the rest
    assert summary.ingested == 3 and counts["articles"] == 9

