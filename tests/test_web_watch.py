"""`sitrep watch` against a local HTTP server whose feeds change between polls: new items
are ingested once, a summary-only item is replaced by its page, unchanged feeds cost
nothing, failures are retried with a doubling back-off and recorded, and a feed that
disappears does not stop the others. Time is a fake clock (no test waits for real time)."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import duckdb
import pytest

PARAGRAPH = ("Officials in the capital said on Monday that talks between the government and the opposition "
             "would resume next week after a pause of several months. The foreign minister told reporters "
             "that both delegations had agreed to meet in a neutral country and that observers from the "
             "region would attend. Opposition leaders demanded the release of detained activists before "
             "any agreement is signed, and accused the government of delaying the talks on purpose.")


def item(n: int, summary_only: bool = False) -> str:
    body = f"<description>Short summary {n}.</description>" if summary_only else \
        f"<description>{PARAGRAPH} Report number {n} adds that the meeting {n} was confirmed.</description>"
    return (f"<item><title>Talks update {n}</title><link>{{base}}/story/{n}</link><guid>story-{n}</guid>"
            f"<pubDate>Mon, 0{n} Dec 2025 10:00:00 GMT</pubDate>{body}</item>")


def rss(*items: str) -> str:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>'
            '<link>http://local/</link><description>test feed</description>' + "".join(items) + "</channel></rss>")


def page(n: int) -> str:
    return (f"<html><head><title>Talks update {n}</title></head><body><article><h1>Talks update {n}</h1>"
            f"<p>{PARAGRAPH}</p><p>The page for story {n} carries more than its summary, and the ministry "
            f"confirmed the date of meeting {n} in a statement.</p></article></body></html>")


class Site:
    """path -> list of (status, body) answers, the last one repeated; counts requests."""

    def __init__(self):
        self.routes: dict[str, list[tuple[int, str]]] = {}
        self.hits: dict[str, int] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                answers = site.routes.get(self.path, [(404, "gone")])
                n = site.hits.get(self.path, 0)
                site.hits[self.path] = n + 1
                status, body = answers[min(n, len(answers) - 1)]
                data = body.replace("{base}", site.base).encode()
                etag = f'"{hash(data) & 0xffffffff:x}"'
                if status == 200 and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(status)
                self.send_header("Content-Type", "application/rss+xml" if "feed" in self.path else "text/html")
                if status == 200:
                    self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()


class Clock:
    def __init__(self):
        self.now = 1_760_000_000.0

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def polls(db) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    cur = con.execute("SELECT * FROM watch_polls ORDER BY poll_id")
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    con.close()
    return rows


def article_urls(db) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    urls = [r[0] for r in con.execute("SELECT url FROM articles ORDER BY url").fetchall()]
    con.close()
    return urls


def test_new_items_are_ingested_once(tmp_path):
    from sitrep.web.watch import Watcher

    db = tmp_path / "watch.duckdb"
    clock = Clock()
    with Site() as site:
        site.routes["/feed.xml"] = [(200, rss(item(1), item(2, summary_only=True)))]
        site.routes["/story/2"] = [(200, page(2))]
        w = Watcher(db, [site.base + "/feed.xml"], every=600, clock=clock.time, sleep=clock.sleep, log=lambda _: None)
        w.run(rounds=1)
        assert len(article_urls(db)) == 2
        assert site.hits["/story/2"] == 1  # the summary-only item was replaced by its page
        con = duckdb.connect(str(db), read_only=True)
        text = con.execute("SELECT text FROM articles WHERE url LIKE '%/story/2'").fetchone()[0]
        con.close()
        assert "more than its summary" in text

        w.run(rounds=1)  # nothing new: the server answers 304 to the conditional GET
        site.routes["/feed.xml"] = [(200, rss(item(1), item(2, summary_only=True), item(3)))]
        w.run(rounds=1)
        urls = article_urls(db)
        assert len(urls) == 3 and len(set(urls)) == 3
        assert site.hits["/story/2"] == 1  # a stored item's page is not fetched again

    rows = polls(db)
    assert [r["outcome"] for r in rows] == ["stored", "not_modified", "stored"]
    assert [(r["items"], r["new_items"], r["stored"]) for r in rows if r["outcome"] == "stored"] == [(2, 2, 2), (3, 1, 1)]
    assert rows[1]["started_at"] > rows[0]["started_at"]  # polled again after --every


def test_failures_back_off_and_a_gone_feed_does_not_stop_others(tmp_path):
    from sitrep.web.watch import Watcher

    db = tmp_path / "watch.duckdb"
    clock = Clock()
    with Site() as site:
        site.routes["/feed-a.xml"] = [(200, rss(item(1)))]
        site.routes["/feed-b.xml"] = [(500, "down"), (503, "still down"), (200, rss(item(4)))]
        # /feed-c.xml is never there: 404 on every poll
        urls = [site.base + p for p in ("/feed-a.xml", "/feed-b.xml", "/feed-c.xml")]
        w = Watcher(db, urls, every=100, retry_after=10, max_wait=25, clock=clock.time, sleep=clock.sleep,
                    log=lambda _: None)
        start = clock.now
        w.run(rounds=4)

    rows = polls(db)
    by_feed = {u: [r for r in rows if r["url"] == u] for u in urls}
    a, b, c = (by_feed[u] for u in urls)
    assert [r["outcome"] for r in b] == ["failed", "failed", "stored"]
    assert [r["attempt"] for r in b] == [1, 2, 3] and b[0]["http_status"] == 500
    # retried after 10 s, then after 20 s (doubling)
    gaps = [(r["retry_at"] - r["finished_at"]).total_seconds() for r in b[:2]]
    assert gaps == [10, 20]
    assert all(r["outcome"] == "failed" and r["http_status"] == 404 for r in c)
    assert [r["attempt"] for r in c] == [1, 2, 3, 4]  # polled at 0, 10, 30 and 55 s
    # the back-off is capped at max_wait
    assert (c[-1]["retry_at"] - c[-1]["finished_at"]).total_seconds() == 25
    assert a[0]["outcome"] == "stored" and len(a) == 1  # a's next poll is due at +100 s, not yet
    assert clock.now - start < 100
    assert sorted(u.rsplit("/", 1)[1] for u in article_urls(db)) == ["1", "4"]


def test_watch_command_once(tmp_path, capsys):
    from sitrep.cli import main

    db = tmp_path / "cli.duckdb"
    with Site() as site:
        site.routes["/feed.xml"] = [(200, rss(item(1)))]
        feeds = tmp_path / "feeds.txt"
        feeds.write_text(f"# my feeds\n{site.base}/feed.xml\n{site.base}/missing.xml\n", encoding="utf-8")
        assert main(["watch", str(feeds), "--db", str(db), "--once", "--no-follow"]) == 0
    err = capsys.readouterr().err
    assert "1 items, 1 new, 1 stored" in err and "missing.xml: failed (HTTP 404" in err
    assert main(["watch", "not-a-feed", "--db", str(db), "--once"]) == 2
    assert "neither an http(s) URL nor a file" in capsys.readouterr().err
    assert main(["watch", str(feeds), "--db", str(db), "--every", "soon"]) == 2


@pytest.mark.parametrize("text,seconds", [("90", 90), ("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400)])
def test_durations(text, seconds):
    from sitrep.web.watch import parse_duration
    assert parse_duration(text) == seconds


def test_a_reader_failure_on_one_feed_is_recorded_and_the_others_go_on(tmp_path, monkeypatch):
    from sitrep.web.watch import Watcher

    db = tmp_path / "watch.duckdb"
    clock = Clock()
    with Site() as site:
        site.routes["/feed-a.xml"] = [(200, rss(item(1)))]
        site.routes["/feed-b.xml"] = [(200, rss(item(2)))]
        urls = [site.base + "/feed-a.xml", site.base + "/feed-b.xml"]
        w = Watcher(db, urls, every=100, clock=clock.time, sleep=clock.sleep, log=lambda _: None)
        real_read = Watcher._read

        def read_or_break(self, url, body):
            if url.endswith("/feed-b.xml"):
                raise RuntimeError("a reader bug")  # injected: what any unforeseen input could cause
            return real_read(self, url, body)

        monkeypatch.setattr(Watcher, "_read", read_or_break)
        w.run(rounds=1)
    rows = {r["url"].rsplit("/", 1)[1]: r for r in polls(db)}
    assert rows["feed-a.xml"]["outcome"] == "stored"
    assert rows["feed-b.xml"]["outcome"] == "failed" and "a reader bug" in rows["feed-b.xml"]["detail"]


def test_a_poll_links_its_new_events_without_relinking_the_store(tmp_path, monkeypatch):
    from sitrep.corpus import incidents
    from sitrep.web.watch import Watcher

    db = tmp_path / "watch.duckdb"
    clock = Clock()
    with Site() as site:
        site.routes["/feed.xml"] = [(200, rss(*(item(n) for n in range(1, 6))))]
        w = Watcher(db, [site.base + "/feed.xml"], every=60, clock=clock.time, sleep=clock.sleep,
                    log=lambda _: None, follow_links=False)
        w.run(rounds=1)

        def no_rebuild(store):
            raise AssertionError("a poll of one new item re-linked the whole store")

        monkeypatch.setattr(incidents, "rebuild_incidents", no_rebuild)
        site.routes["/feed.xml"] = [(200, rss(*(item(n) for n in range(1, 7))))]
        clock.now += 60
        w.run(rounds=1)
    con = duckdb.connect(str(db), read_only=True)
    try:
        unlinked = con.execute("SELECT count(*) FROM events e ANTI JOIN incident_mentions m USING (event_id)").fetchone()[0]
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    finally:
        con.close()
    assert unlinked == 0  # the new article's events are in incidents


def test_sigterm_stops_a_watch_with_a_line_and_keeps_its_polls(tmp_path):
    """A service manager stops `sitrep watch` with SIGTERM: it must say so, keep what it
    recorded and exit 143, like Ctrl-C (130), not end without a word."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    db = tmp_path / "svc.duckdb"
    with Site() as site:
        site.routes["/feed.xml"] = [(200, rss(item(1)))]
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"), OMP_NUM_THREADS="1")
        proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "watch", site.base + "/feed.xml", "--db", str(db),
                                 "--every", "1h", "--no-follow"], stderr=subprocess.PIPE, text=True, env=env)
        lines = []
        deadline = time.time() + 300  # a safety net against a hang, not a measurement
        while time.time() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("watch: "):  # the first round is recorded; now it sleeps
                break
        assert any(ln.startswith("watch: ") for ln in lines), "".join(lines)
        proc.send_signal(signal.SIGTERM)
        rest = proc.communicate(timeout=120)[1]
    text = "".join(lines) + rest
    assert proc.returncode == 128 + signal.SIGTERM, text
    assert "Traceback" not in text and "watch stopped by SIGTERM" in text, text
    assert [r["outcome"] for r in polls(db)] == ["stored"]


SPANISH = ("El gobierno anunció el lunes que las conversaciones con la oposición se reanudarán la próxima "
           "semana después de una pausa de varios meses. El ministro de exteriores dijo a los periodistas que "
           "ambas delegaciones habían acordado reunirse en un país neutral y que asistirían observadores de la "
           "región. Los líderes de la oposición exigieron la liberación de los activistas detenidos.")


def foreign_item(n: int) -> str:
    return (f"<item><title>Noticias {n}</title><link>{{base}}/noticia/{n}</link><guid>noticia-{n}</guid>"
            f"<pubDate>Mon, 0{n} Dec 2025 10:00:00 GMT</pubDate><description>{SPANISH} Número {n}.</description></item>")


def test_watch_once_fails_when_every_new_item_is_refused(tmp_path, capsys):
    # audit s14: a poll whose new items were all refused stored nothing, yet exited 0
    from sitrep.cli import main

    db = tmp_path / "refused.duckdb"
    with Site() as site:
        site.routes["/feed.xml"] = [(200, rss(foreign_item(1), foreign_item(2)))]
        assert main(["watch", site.base + "/feed.xml", "--db", str(db), "--once", "--no-follow"]) == 2
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith("sitrep: error: nothing was stored: every poll failed or had all its new items refused (")
    assert "2 new item(s) refused" in last and "sitrep skipped" in last and "Traceback" not in err


def test_watch_once_with_one_stored_item_beside_refused_ones_exits_0(tmp_path, capsys):
    # near miss: the feed answered and one of its new items was stored -> the run did its job
    from sitrep.cli import main

    db = tmp_path / "mixed.duckdb"
    with Site() as site:
        site.routes["/feed.xml"] = [(200, rss(foreign_item(1), item(2)))]
        assert main(["watch", site.base + "/feed.xml", "--db", str(db), "--once", "--no-follow"]) == 0
    assert "1 stored" in capsys.readouterr().err
