"""`sitrep watch`: poll RSS/Atom feeds and web pages, ingest what is new, record every poll.

One round: every feed that is due is fetched (conditional GET with the ETag and
Last-Modified of its last answer, bounded in time and size); then the store is opened,
the new items of each feed are ingested (the same pipeline and store code as `sitrep
ingest`), each poll is recorded in ``watch_polls`` and each feed's state in
``watch_feeds``; incidents are re-computed once; the store is closed again. The store is
held only while writing, so `sitrep serve` shows each round's incidents as soon as it ends.

New means: an item whose URL is not stored and whose text is not stored. A feed item
that carries only a summary is replaced by its linked page when that page can be read
(``follow_links``). A feed that fails (HTTP error, time-out, unreadable answer) is tried
again after ``retry_after``, then twice as long each time, up to ``max_wait``; it never
stops the other feeds. The poller fetches only the URLs the user listed and the links in
their items; it runs on the user's machine for the user, never for a web visitor.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Optional
from urllib.parse import urlparse

from sitrep.errors import InputError, SitrepError

USER_AGENT = "sitrep-watch/0.1 (+news situation reports; polite polling)"
MAX_BYTES = 20_000_000
#: linked pages fetched per feed and round at most (a feed that suddenly lists
#: thousands of items must not turn one round into a crawl)
MAX_FOLLOWS = 40
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)


def parse_duration(text: str) -> float:
    """Seconds from ``90``, ``30s``, ``15m``, ``2h`` or ``1d``."""
    m = _DURATION.match(text or "")
    if not m:
        raise SitrepError(f"{text!r} is not a duration; write e.g. 30s, 15m, 2h or 1d")
    unit = (m.group(2) or "s").lower()[0]
    seconds = float(m.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit]
    if seconds <= 0:
        raise SitrepError(f"the duration {text!r} must be more than zero")
    return seconds


@dataclass
class Fetched:
    """The answer to one GET."""
    status: Optional[int]
    body: Optional[bytes] = None
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    error: Optional[str] = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status in (200, 304)


def http_get(url: str, timeout: float, etag: Optional[str] = None, last_modified: Optional[str] = None,
             max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url`` (http or https only), conditionally; never raises."""
    import urllib.error
    import urllib.request

    if urlparse(url).scheme.lower() not in ("http", "https"):
        return Fetched(None, error="only http(s) URLs are polled")
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, text/html, */*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                return Fetched(response.status, error=f"the answer is larger than {max_bytes:,} bytes")
            return Fetched(response.status, body, response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Fetched(304, etag=etag, last_modified=last_modified)
        return Fetched(exc.code, error=f"HTTP {exc.code} {exc.reason}")
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        return Fetched(None, error=f"cannot fetch ({reason})")


@dataclass
class Feed:
    """What the watcher knows about one URL between polls (the ``watch_feeds`` row)."""
    url: str
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    content_hash: Optional[str] = None
    failures: int = 0
    next_due: float = 0.0  # clock seconds
    last_polled: Optional[float] = None
    last_ok: Optional[float] = None
    last_error: Optional[str] = None


@dataclass
class Poll:
    """One feed's poll in a round, as recorded in ``watch_polls``."""
    url: str
    started: float
    finished: float = 0.0
    outcome: str = "failed"
    http_status: Optional[int] = None
    items: Optional[int] = None
    new_items: Optional[int] = None
    stored: Optional[int] = None
    skipped: Optional[int] = None
    events: Optional[int] = None
    attempt: int = 1
    retry_at: Optional[float] = None
    detail: str = ""
    articles: list = field(default_factory=list, repr=False)
    read_skips: list = field(default_factory=list, repr=False)

    def line(self) -> str:
        if self.outcome == "failed":
            wait = f"; next try in {_human(self.retry_at - self.finished)}" if self.retry_at else ""
            return f"{self.url}: failed ({self.detail}){wait}"
        if self.outcome == "not_modified":
            return f"{self.url}: not modified"
        if self.outcome == "unchanged":
            return f"{self.url}: unchanged"
        return (f"{self.url}: {self.items} items, {self.new_items} new, {self.stored or 0} stored, "
                f"{self.skipped or 0} skipped, {self.events or 0} events")


def _run_record(poll: Poll) -> tuple[str, str, str]:
    """(url, outcome, detail) of a poll for a bounded run's exit status: a poll whose new
    items were all refused (binary, empty, too large, not English ...) stored nothing, like
    a failed one, though the feed itself answered."""
    if poll.new_items and not poll.stored and poll.skipped:
        return poll.url, "refused", f"{poll.skipped} new item(s) refused; `sitrep skipped` lists why"
    return poll.url, poll.outcome, poll.detail


def _human(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _ts(seconds: Optional[float]) -> Optional[datetime]:
    return datetime.fromtimestamp(seconds, tz=timezone.utc).replace(tzinfo=None) if seconds else None


def _epoch(value: Optional[datetime]) -> Optional[float]:
    return value.replace(tzinfo=timezone.utc).timestamp() if value else None


class Watcher:
    """Polls ``urls`` into the store at ``db`` every ``every`` seconds."""

    def __init__(self, db, urls: list[str], *, every: float = 900.0, timeout: float = 20.0,
                 retry_after: float = 60.0, max_wait: float = 6 * 3600.0, follow_links: bool = True,
                 workers: int = 1, lock_wait: float = 120.0, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep, log=None,
                 get: Callable[..., Fetched] = http_get):
        if not urls:
            raise SitrepError("no feeds to watch; give feed URLs or a file listing them, one per line")
        self.db = db
        self.every, self.timeout = every, timeout
        self.retry_after, self.max_wait = retry_after, max(max_wait, retry_after)
        self.follow_links, self.workers, self.lock_wait = follow_links, workers, lock_wait
        self.clock, self.sleep, self.get = clock, sleep, get
        self.log = log if log is not None else (lambda line: print(f"watch: {line}", file=sys.stderr, flush=True))
        self.feeds = {u: Feed(u) for u in dict.fromkeys(urls)}
        self.rounds = 0
        # (url, outcome, detail) of each poll of a bounded run (--once, --rounds): its exit
        # status. Not the Polls themselves (they hold the fetched texts), and nothing for an
        # unbounded run, which would otherwise grow for as long as it watches.
        self.polls_this_run: list[tuple[str, str, str]] = []
        self._poll_ids = 0
        self._load_states()

    # -- the loop ------------------------------------------------------------------------------
    def run(self, rounds: Optional[int] = None) -> None:
        """Poll until interrupted (or for ``rounds`` rounds that had something due)."""
        done = 0
        self.polls_this_run = []
        while rounds is None or done < rounds:
            now = self.clock()
            due = [f for f in self.feeds.values() if f.next_due <= now]
            if due:
                polls = self.poll(due)
                if rounds is not None:
                    self.polls_this_run += [_run_record(p) for p in polls]
                done += 1
                continue
            wake = min(f.next_due for f in self.feeds.values())
            self.sleep(max(0.05, wake - now))

    def poll(self, feeds: list[Feed]) -> list[Poll]:
        """One round: fetch the due feeds (no store lock held), then store and record."""
        polls = [self._fetch(feed) for feed in feeds]
        with self._open_store() as store:
            stored_any = False
            for feed, poll in zip(feeds, polls):
                self._select_new(store, poll)
                if poll.articles:
                    self._ingest(store, poll)
                    stored_any = stored_any or bool(poll.stored)
                self._finish(feed, poll)
                self._record(store, feed, poll)
            if stored_any:
                # only around the new events: a poll every few minutes must not re-link a
                # corpus of thousands of articles (update_incidents rebuilds when most are new)
                from sitrep.corpus.incidents import update_incidents
                update_incidents(store)
        for poll in polls:
            self.log(poll.line())
        self.rounds += 1
        return polls

    def all_failed(self) -> list[tuple[str, str, str]]:
        """(url, outcome, detail) of the last bounded run's polls when every one failed or had
        every new item refused (nothing fetched could be stored), else nothing."""
        polls = self.polls_this_run
        return polls if polls and all(outcome in ("failed", "refused") for _, outcome, _ in polls) else []

    # -- fetching ------------------------------------------------------------------------------
    def _fetch(self, feed: Feed) -> Poll:
        poll = Poll(feed.url, self.clock(), attempt=feed.failures + 1)
        got = self.get(feed.url, self.timeout, feed.etag, feed.last_modified)
        poll.http_status = got.status
        if not got.ok:
            poll.detail = got.error or f"HTTP {got.status}"
            return poll
        if got.status == 304:
            poll.outcome = "not_modified"
            return poll
        feed.etag, feed.last_modified = got.etag, got.last_modified
        digest = hashlib.sha256(got.body or b"").hexdigest()
        if digest == feed.content_hash:
            poll.outcome = "unchanged"
            return poll
        try:
            articles, skips = self._read(feed.url, got.body or b"")
        except InputError as exc:
            poll.detail = f"{exc.reason}: {exc.detail}"
            return poll
        except Exception as exc:  # noqa: BLE001 - a reader bug on one feed must not stop the others
            poll.detail = f"internal error reading it ({type(exc).__name__}: {exc}); please report it"
            return poll
        feed.content_hash = digest
        poll.outcome = "read"
        poll.articles, poll.read_skips = articles, skips
        poll.items = len(articles) + len(skips)
        return poll

    def _read(self, url: str, body: bytes) -> tuple[list, list]:
        from sitrep.read import article_id, read_bytes

        name = os.path.basename(urlparse(url).path)
        articles, skips = read_bytes(body, url, name_hint=name)
        for a in articles:
            if not a.url and a.input_format in ("html", "text"):  # a page: its address is its key
                a.url = url
                a.id = article_id(a)
        return articles, list(skips)

    def _follow(self, article) -> Any:
        """The linked page of a summary-only feed item, or the item itself when unreadable."""
        from sitrep.read import article_id, read_bytes

        got = self.get(article.url, self.timeout)
        if not got.ok or not got.body:
            article.meta["page_unreadable"] = got.error or f"HTTP {got.status}"
            return article
        try:
            pages, _ = read_bytes(got.body, article.url, name_hint=os.path.basename(urlparse(article.url).path))
        except InputError as exc:
            article.meta["page_unreadable"] = exc.detail
            return article
        page = pages[0]
        if len((page.text or "").strip()) <= len((article.text or "").strip()):
            return article  # the page holds less than the summary: keep the summary
        page.url = article.url
        page.title = page.title or article.title
        page.source = page.source or article.source
        page.published = page.published or article.published
        page.origin = article.origin
        page.id = article_id(page)
        return page

    # -- storing -------------------------------------------------------------------------------
    def _select_new(self, store, poll: Poll) -> None:
        """Keep the items the store has neither by URL nor by text; follow summary links."""
        from sitrep.corpus.store import content_hash

        if not poll.articles:
            return
        urls = [a.url for a in poll.articles if a.url]
        known_urls = set()
        if urls:
            known_urls = {r["url"] for r in store.rows(
                f"SELECT url FROM articles WHERE url IN ({', '.join(['?'] * len(urls))})", urls)}
        hashes = [content_hash(a.text or "") for a in poll.articles]
        known_hashes = {r["content_hash"] for r in store.rows(
            f"SELECT content_hash FROM articles WHERE content_hash IN ({', '.join(['?'] * len(hashes))})", hashes)}
        fresh = [a for a, h in zip(poll.articles, hashes) if h not in known_hashes
                 and (not a.url or a.url not in known_urls or a.input_format != "feed")]
        # a page (not a feed item) whose text changed is new text for a known URL: ingest updates it
        poll.new_items = len(fresh)
        if self.follow_links:
            followed = 0
            for i, a in enumerate(fresh):
                if a.input_format == "feed" and a.meta.get("feed_summary_only") and a.url and followed < MAX_FOLLOWS:
                    fresh[i] = self._follow(a)
                    followed += 1
        poll.articles = fresh

    def _ingest(self, store, poll: Poll) -> None:
        from sitrep.corpus.ingest import ingest

        # the feed's refused items (Skip records) and its new articles, in one stream
        summary = ingest([], store, workers=self.workers, sources=[*poll.read_skips, *poll.articles],
                         recluster=False, progress=False)
        poll.stored = summary.ingested  # new articles and new versions of stored pages
        poll.skipped = sum(summary.skipped.values())
        poll.events = summary.events

    def _finish(self, feed: Feed, poll: Poll) -> None:
        now = self.clock()
        poll.finished = now
        feed.last_polled = now
        if poll.outcome == "failed":
            feed.failures += 1
            wait = min(self.retry_after * 2 ** (feed.failures - 1), self.max_wait)
            feed.next_due = now + wait
            feed.last_error = poll.detail
            poll.retry_at = feed.next_due
            return
        if poll.outcome == "read":
            poll.outcome = "stored" if poll.stored else "no_new"
            poll.stored, poll.skipped, poll.events = poll.stored or 0, poll.skipped or 0, poll.events or 0
        feed.failures = 0
        feed.last_ok = now
        feed.last_error = None
        feed.next_due = now + self.every

    def _record(self, store, feed: Feed, poll: Poll) -> None:
        self._poll_ids += 1
        with store.transaction():
            store.con.execute("""INSERT OR REPLACE INTO watch_feeds
                (url, etag, last_modified, content_hash, failures, next_due, last_polled, last_ok, last_error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [feed.url, feed.etag, feed.last_modified, feed.content_hash, feed.failures, _ts(feed.next_due),
                 _ts(feed.last_polled), _ts(feed.last_ok), feed.last_error])
            store.con.execute("""INSERT INTO watch_polls VALUES (
                (SELECT coalesce(max(poll_id), 0) + 1 FROM watch_polls), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [poll.url, _ts(poll.started), _ts(poll.finished), poll.outcome, poll.http_status, poll.items,
                 poll.new_items, poll.stored, poll.skipped, poll.events, poll.attempt, _ts(poll.retry_at),
                 poll.detail[:500]])

    # -- the store -----------------------------------------------------------------------------
    def _open_store(self):
        """The store, read-write; waits (up to ``lock_wait``) while another writer has it."""
        from sitrep.corpus.store import Store

        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                return Store(self.db)
            except SitrepError as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise SitrepError(f"{exc}; stop the other writer (an ingest or another watch) or try again") from None
                time.sleep(1.0)

    def _load_states(self) -> None:
        """Carry back-off and conditional-GET state over from an earlier `sitrep watch`."""
        with self._open_store() as store:
            urls = list(self.feeds)
            rows = store.rows(f"SELECT * FROM watch_feeds WHERE url IN ({', '.join(['?'] * len(urls))})", urls)
        for r in rows:
            f = self.feeds[r["url"]]
            f.etag, f.last_modified, f.content_hash = r["etag"], r["last_modified"], r["content_hash"]
            f.failures = int(r["failures"] or 0)
            f.last_ok, f.last_error = _epoch(r["last_ok"]), r["last_error"]
            # a failing feed keeps its back-off; a healthy one is polled at once on a new start
            f.next_due = (_epoch(r["next_due"]) or 0.0) if f.failures else 0.0


def feed_urls(inputs: list[str]) -> list[str]:
    """URLs from the command line: URLs themselves, or files listing one per line."""
    from sitrep.read import read_feed_list

    urls: list[str] = []
    for item in inputs:
        if re.match(r"^https?://", item, re.IGNORECASE):
            urls.append(item)
        elif os.path.isfile(item):
            try:
                urls += read_feed_list(item)
            except InputError as exc:
                raise SitrepError(f"{exc.origin}: {exc.detail}") from None
            except UnicodeDecodeError:  # a binary file given by mistake
                raise SitrepError(f"{item}: not a text file; give a file listing feed URLs, one per line "
                                  "(UTF-8), or the URLs themselves") from None
        else:
            raise SitrepError(f"{item}: neither an http(s) URL nor a file listing feed URLs")
    return list(dict.fromkeys(urls))
