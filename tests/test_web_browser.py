"""The dashboard in a real browser: Debian's Chromium driven by Playwright against the real
server on a free port. Skipped, with the reason, when Chromium or Playwright is absent
(.ci/run installs both).

Main paths: filter the incidents, open the contested one, open a mention in its
article and see the sentence highlighted, toggle a layer, export the filtered events,
follow a map marker, watch a new incident arrive on the Live page. Hostile store: no
page runs a script or offers a javascript: link, whatever the data holds.
"""
from __future__ import annotations

import csv
import io
import json
import time

import pytest

from web_helpers import (HOSTILE_OUTLET, HOSTILE_TITLE, Server, browser_page, build_store, chromium_or_skip,
                         hostile_docs, normal_docs, wait_for_panels)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def normal_store(tmp_path_factory):
    chromium_or_skip()
    return build_store(tmp_path_factory.mktemp("browser") / "normal.duckdb", normal_docs())


def test_filter_open_incident_article_and_export(normal_store):
    with Server(normal_store) as server, browser_page() as page:
        page.goto(server.url + "/incidents")
        page.select_option("form.filters select[name=type]", "ASSAULT")
        page.fill("form.filters input[name=min_sources]", "2")
        page.click("#apply-filters")
        page.wait_for_url("**/incidents?*type=ASSAULT*")
        assert page.inner_text("#result-count").startswith("1 incident")
        links = page.locator("a.incident-link")
        assert links.count() == 1

        links.first.click()
        page.wait_for_url("**/incidents/inc-*")
        assert "Contested" in page.inner_text("#contested")
        outlets = page.inner_text("#per-outlet")
        assert "Bolivarian Voice" in outlets and "denied" in outlets and "Harbor Post" in outlets

        denial = page.locator("li.mention", has_text="Bolivarian Voice")
        denial.locator("a.article-link").click()
        page.wait_for_url("**/articles/voice-1?event=*")
        selected = page.locator("#article-text .sel")
        assert selected.count() >= 1
        text = "".join(selected.all_inner_texts())
        assert text == "Officials denied that any boat was struck near Caracas on Monday."
        assert page.locator("#article-text .ev-denied").count() >= 1
        # the selected sentence is scrolled into view
        assert page.evaluate("() => { const r = document.getElementById('sel').getBoundingClientRect();"
                             " return r.top >= 0 && r.bottom <= window.innerHeight; }")
        page.uncheck("#layers input[data-layer=event]")
        assert "hide-event" in page.get_attribute("#article-text", "class")

        page.goto(server.url + "/export?type=ASSAULT&certainty=reported")
        assert page.inner_text("#n-events") == "1"
        with page.expect_download() as info:
            page.click("#export-events-csv")
        rows = list(csv.reader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
        assert rows[0][:3] == ["event_id", "article_id", "type"] and len(rows) == 2
        assert rows[1][rows[0].index("outlet")] == "Harbor Post"


def test_map_marker_opens_its_incident(normal_store):
    with Server(normal_store) as server, browser_page() as page:
        page.goto(server.url + "/map?type=ASSAULT")
        assert wait_for_panels(page) == ["ready"]  # a filter not worked out yet: drawn by app.js
        markers = page.locator("svg#map a.marker, svg#map a.cluster")
        assert markers.count() >= 1
        assert page.locator("svg#map path.land").count() >= 3  # the shipped outlines around Venezuela
        single = page.locator("svg#map a.marker")
        if single.count() == 0:  # clustered: zoom into the cluster first
            page.locator("svg#map a.cluster").first.click()
            page.wait_for_url("**box=*")
            wait_for_panels(page)
            single = page.locator("svg#map a.marker")
        single.first.click()
        page.wait_for_url("**/incidents/inc-*")
        assert page.inner_text("#incident-label").startswith("ASSAULT")


def test_deferred_panels_show_what_the_server_renders(normal_store):
    """A filtered Overview, Map or Actors page comes without its aggregates and app.js
    fills them from /api/; the next visit gets the same panels from the server. Both
    read the same: the script builds what the templates write."""
    panels = {"/?about=Caracas&group=type": ["#overview-panels .cards", "#changes", "#chart-legend"],
              "/map?type=ASSAULT&min_sources=2": ["#map-summary", "#map-legend"],
              "/actors?about=Caracas": ["#actors"],
              # a page of the table other than the first, with its pager (drawn by app.js first)
              "/actors?outlet=Wire&per_page=1&page=2": ["#actors", "#actors-panel nav.pager"]}
    with Server(normal_store) as server, browser_page() as page:
        for path, parts in panels.items():
            page.goto(server.url + path)
            assert page.locator("[data-panel]").count() == 1, path  # sent before its aggregates
            assert wait_for_panels(page) == ["ready"], path
            built = {part: page.inner_text(part) for part in parts}
            built_links = page.evaluate("() => [...document.querySelectorAll('main a')].map(a => a.getAttribute('href'))")
            page.goto(server.url + path)
            assert page.locator("[data-panel]").count() == 0, path  # kept with the copy: rendered whole
            for part in parts:
                assert " ".join(page.inner_text(part).split()) == " ".join(built[part].split()), (path, part)
            served_links = page.evaluate("() => [...document.querySelectorAll('main a')].map(a => a.getAttribute('href'))")
            assert _decoded(built_links) == _decoded(served_links), path
        page.goto(server.url + "/?about=Caracas&group=quad&norm=no")
        wait_for_panels(page)
        assert int(page.inner_text("#count-events .big")) >= 1
        assert page.locator("#chart rect").count() >= 1
        page.locator("#changes a").first.click()
        page.wait_for_url("**/incidents?*type=*")


def _decoded(links):
    from urllib.parse import parse_qsl, unquote, urlsplit

    out = []
    for href in links:
        parts = urlsplit(href or "")
        out.append((unquote(parts.path), sorted(parse_qsl(parts.query))))
    return out


def test_live_page_shows_a_new_incident(tmp_path):
    chromium_or_skip()
    db = build_store(tmp_path / "live.duckdb", normal_docs()[:2])
    with Server(db, check_every=0.2) as server, browser_page() as page:
        page.goto(server.url + "/live")
        page.wait_for_function("() => document.getElementById('live-state') !== null")
        time.sleep(0.5)  # the event stream is open
        from corpus_helpers import make_doc
        from web_helpers import build_store as add
        # a writer adds an article as an ingest would: the page hears of its incident
        from sitrep.corpus.incidents import rebuild_incidents
        from sitrep.corpus.store import Store, content_hash
        doc = make_doc("late-1", ["Protesters marched in Valencia on Friday."], outlet="Late Wire",
                       published="2025-12-13", events=[(0, "PROTEST", "marched", None, None, None, "2025-12-12")])
        with Store(db) as store:
            with store.transaction():
                d = doc.to_dict()
                store.add_document(d, content_hash(d["article"]["text"]))
            rebuild_incidents(store)
        del add
        page.wait_for_selector("#live-feed a.live-incident", timeout=15_000)
        assert "PROTEST" in page.inner_text("#live-feed")


def _new_brief() -> bool:
    try:
        from sitrep.report import brief_text  # noqa: F401
        return True
    except ImportError:
        return False


def test_hostile_store_runs_no_script(tmp_path):
    chromium_or_skip()
    db = build_store(tmp_path / "hostile.duckdb", hostile_docs() + normal_docs())
    with Server(db) as server, browser_page() as page:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        incidents = json.loads(page.request.get(server.url + "/api/incidents?per_page=200").text())["items"]
        paths = ["/", "/incidents", "/incidents?q=script", "/map", "/actors", "/export", "/live", "/brief",
                 "/?about=script", "/map?q=script", "/actors?outlet=javascript",
                 "/brief/view", "/actors/" + "%3Csvg%20onload%3Dalert(%22actor%22)%3EForces"]
        paths += [f"/incidents/{i['incident_id']}" for i in incidents]
        paths += [f"/articles/hostile-{n}?event=hostile-{n}%23e0" for n in range(3)]
        for path in paths:
            response = page.goto(server.url + path)
            assert response.status == 200, path
            page.wait_for_load_state("load")
            assert all(state == "ready" for state in wait_for_panels(page)), path  # drawn from /api/ as text
            if path == "/brief/view":
                # the brief is the report package's page, framed in a sandbox that runs no
                # script whatever it holds; its own markup is checked once the report
                # rewrite (escaping every field, issue 9) is in: main's older brief breaks
                # out of an href with a quote in a URL
                assert response.headers["content-security-policy"].startswith("sandbox")
                if not _new_brief():
                    continue
            scripts = page.evaluate("() => [...document.scripts].map(s => s.getAttribute('src'))")
            assert all(src == "/static/app.js" for src in scripts), (path, scripts)
            bad_links = page.evaluate("() => [...document.querySelectorAll('[href],[src],[action]')]"
                                      ".map(e => e.getAttribute('href') || e.getAttribute('src') || "
                                      "e.getAttribute('action')).filter(v => /^\\s*(javascript|data:text|vbscript)/i.test(v))")
            assert bad_links == [], (path, bad_links)
            handlers = page.evaluate("() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
                                     ".map(a => a.name)).filter(n => n.startsWith('on'))")
            assert handlers == [], (path, handlers)
        page.goto(server.url + "/articles/hostile-0")
        assert HOSTILE_TITLE in page.inner_text("#article-title")  # shown as text, not run
        assert HOSTILE_OUTLET in page.inner_text("p.meta")
        assert "javascript:alert" in page.inner_text("p.meta")  # the address is shown, not linked
        assert dialogs == []
