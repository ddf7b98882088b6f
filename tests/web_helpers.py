"""Stores and a running server for the web tests: real Documents written through the real
store code (no mocks), and the real application served by uvicorn on a free port."""
from __future__ import annotations

import contextlib
import os
import shutil
import threading
import time
from pathlib import Path

from corpus_helpers import make_doc

HOSTILE_TITLE = '<script>alert("title")</script>Strike <b>bold</b>'
HOSTILE_OUTLET = '<img src=x onerror=alert("outlet")>Wire'
HOSTILE_URLS = ("javascript:alert('url')", 'http://example.org/a"onmouseover="alert(4)', "data:text/html,<script>alert(5)</script>")
HOSTILE_TEXT = "</textarea><script>alert('text')</script> <iframe src=javascript:alert(6)></iframe>"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def normal_docs():
    """A small Venezuela corpus: one strike told by three outlets (one denies it), a
    demand, a second strike elsewhere, a quote and a figure."""
    return [
        make_doc("wire-1", ["US forces struck a boat near Caracas on Monday.", "Venezuela demanded an inquiry.",
                            "Eleven people died, officials said."],
                 outlet="Andes Wire", published="2025-12-09", url="https://andes.example/strike",
                 events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", "asserted"),
                         (1, "REQUEST", "demanded", "VEN", "USA", None, "2025-12-09", "asserted")],
                 quantities=[(2, "Eleven", 11.0, "people")]),
        make_doc("post-1", ["The US military struck a vessel near Caracas on Monday, the Pentagon said.",
                            "Venezuela accused Washington of murder."],
                 outlet="Harbor Post", published="2025-12-09", url="https://harbor.example/vessel",
                 events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", "reported"),
                         (1, "ACCUSE", "accused", "VEN", "USA", None, "2025-12-09", "asserted")],
                 quotes=[(1, "VEN", "accused Washington of murder")]),
        make_doc("voice-1", ["Officials denied that any boat was struck near Caracas on Monday."],
                 outlet="Bolivarian Voice", published="2025-12-10", url="https://voice.example/denial",
                 events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", "denied")]),
        make_doc("wire-2", ["US aircraft struck a target near Maracaibo on Thursday."],
                 outlet="Andes Wire", published="2025-12-12", url="https://andes.example/maracaibo",
                 events=[(0, "ASSAULT", "struck", "USA", "VEN", "Maracaibo", "2025-12-11", "claimed")]),
    ]


def hostile_docs():
    """Articles whose every text field carries markup or a script URL."""
    docs = []
    for n, url in enumerate(HOSTILE_URLS):
        doc = make_doc(f"hostile-{n}", [f"{HOSTILE_TEXT} US forces struck a boat near Caracas.",
                                        f"Venezuela demanded {HOSTILE_TITLE} an inquiry."],
                       outlet=HOSTILE_OUTLET if n != 1 else "=cmd|' /C calc'!A0", published="2025-12-09", url=url,
                       events=[(0, "ASSAULT", "struck", "USA", "VEN", "Caracas", "2025-12-08", "asserted"),
                               (1, "REQUEST", "demanded", "VEN", "USA", None, "2025-12-09", "alleged")])
        doc.article.title = HOSTILE_TITLE
        for e in doc.events:
            e.source.name = '<svg onload=alert("actor")>Forces'
            if e.place:
                e.place.name = '<img src=x onerror=alert("place")>Caracas'
        docs.append(doc)
    return docs


def build_store(path: Path, docs) -> Path:
    """Write the documents and their incidents into a new store at ``path``."""
    from sitrep.corpus.incidents import rebuild_incidents
    from sitrep.corpus.store import Store, content_hash

    with Store(path) as store:
        with store.transaction():
            for doc in docs:
                d = doc.to_dict()
                store.add_document(d, content_hash(d["article"]["text"]))
        rebuild_incidents(store)
    return path


class Server:
    """The real application on a free loopback port, in a thread."""

    def __init__(self, db: Path, check_every: float = 0.2):
        import uvicorn

        from sitrep.web.app import create_app
        from sitrep.web.commands import free_port

        self.port = free_port()
        self.app = create_app(db, check_every=check_every)
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                timeout_graceful_shutdown=1, access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def chromium_or_skip():
    """Playwright driving Debian's Chromium, or a pytest skip saying what is missing."""
    import pytest

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium; .ci/run installs it)")
    try:
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        pytest.skip("the playwright package is not installed (pip install -e '.[test]')")
    return sync_playwright


@contextlib.contextmanager
def browser_page(viewport=(1300, 900)):
    sync_playwright = chromium_or_skip()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            yield page
        finally:
            browser.close()


def wait_for_panels(page, timeout: float = 60_000) -> list[str]:
    """Wait until no panel of the page is loading (app.js fills the deferred Overview, Map
    and Actors panels from /api/ after the page); the panels' final states."""
    page.wait_for_function("() => !document.querySelector('[data-panel][aria-busy=\"true\"]')", timeout=timeout)
    return page.evaluate("() => [...document.querySelectorAll('[data-panel]')].map(p => p.dataset.state)")


def copy_store(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    wal = Path(str(src) + ".wal")
    if wal.exists():
        shutil.copyfile(wal, Path(str(dst) + ".wal"))
    return dst
