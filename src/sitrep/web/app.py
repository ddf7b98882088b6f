"""The dashboard and the read-only JSON API, as one ASGI application (FastAPI on Starlette,
Jinja2 templates with autoescaping, our own small CSS and JavaScript as static files).

Safety, as the store holds text from the web:
  * every value reaches HTML through Jinja2's autoescaping; links are written only for
    http(s) URLs (``safe_url``) and open with ``rel="noopener noreferrer nofollow"``;
  * a strict Content-Security-Policy on every response: scripts and styles only from our
    own /static files (no inline script or style), nothing from elsewhere;
  * the server never fetches a URL: links to articles are plain links for the user;
  * only the Host names of the address it is bound to are answered (no DNS rebinding);
  * the API and the pages only read: there is no request that changes the store.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import math
import os
import re
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, Optional

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.background import BackgroundTask
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles

from sitrep import __version__
from sitrep.errors import SitrepError
from sitrep.model import CERTAINTY_STATUSES, PLOVER_TYPES
from sitrep.web import briefing, data, exporting, highlight, mapview
from sitrep.web.filters import EVENT_SORTS, INCIDENT_SORTS, BadFilter, Filters
from sitrep.web.snapshot import Snapshots, StoreBusy

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'")
#: the framed brief: its own inline style sheet and embedded images, never a script
BRIEF_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"geolocation=(), camera=(), microphone=()"),
]
LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"]
SSE_SECONDS = 300
_SAFE_URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f\"'<>`\\]+$", re.IGNORECASE)


# -- helpers the templates use -------------------------------------------------------------------

def safe_url(url: Any) -> Optional[str]:
    """The URL when it is a plain http(s) URL, else None (javascript:, data:, junk)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if _SAFE_URL.match(url) else None


def iso(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def as_json(value: Any, status: int = 200) -> Response:
    """JSON straight from ``json.dumps`` (rows are already plain): FastAPI's generic
    encoder walks every value again and costs more than the query on a long page."""
    return Response(json.dumps(value, ensure_ascii=False, default=str), status_code=status,
                    media_type="application/json")


def _templates():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["iso"] = iso
    env.filters["q"] = lambda params: ("?" + "&".join(f"{k}={v}" for k, v in params.items())) if params else ""
    env.globals.update(types=PLOVER_TYPES, statuses=CERTAINTY_STATUSES, colours=mapview.TYPE_COLOURS,
                       version=__version__, layers=highlight.LAYERS, incident_sorts=list(INCIDENT_SORTS),
                       event_sorts=list(EVENT_SORTS))
    return env


class SecurityHeaders:
    """Pure ASGI middleware: the security headers on every response (streams included);
    a response that set its own Content-Security-Policy keeps it."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CSP.encode()))
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


# -- the shared query parameters (documented in the OpenAPI description) ----------------------

def filter_params(
    about: Optional[str] = Query(None, description="articles mentioning this (country name or code, actor, word), as `sitrep events --about`"),
    since: Optional[str] = Query(None, description="from this date, YYYY-MM-DD"),
    until: Optional[str] = Query(None, description="up to this date, YYYY-MM-DD"),
    actor: Optional[str] = Query(None, description="source or target: part of a name, or a country code (VEN)"),
    country: Optional[str] = Query(None, description="an actor's or the place's country: name or ISO code"),
    type: Optional[str] = Query(None, description="PLOVER event type, e.g. ASSAULT"),
    certainty: Optional[str] = Query(None, description="asserted, reported, claimed, alleged, denied, hypothetical, threatened, negated"),
    contested: Optional[str] = Query(None, description="yes: only incidents some outlet denies; no: only uncontested"),
    place: Optional[str] = Query(None, description="part of the place name"),
    outlet: Optional[str] = Query(None, description="part of the outlet name"),
    q: Optional[str] = Query(None, description="free text in the sentence, the article title or the incident label"),
    min_sources: Optional[str] = Query(None, description="at least this many independent sources (incidents)"),
    sort: Optional[str] = Query(None, description=f"incidents: {', '.join(INCIDENT_SORTS)}; events: {', '.join(EVENT_SORTS)}"),
    page: Optional[str] = Query(None, description="page number, from 1"),
    per_page: Optional[str] = Query(None, description="rows per page, 1 to 200 (default 50)"),
) -> dict[str, str]:
    return {k: v for k, v in locals().items() if v is not None}


def create_app(db: str | Path, *, check_every: float = 1.0, allowed_hosts: Optional[list[str]] = None,
               snapshots: Optional[Snapshots] = None) -> FastAPI:
    """The application over the store at ``db`` (copied, see snapshot.py)."""
    snaps = snapshots or Snapshots(db, check_every=check_every)
    env = _templates()
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)  # compiled once at start, not by the first visitor of each page
    @contextlib.asynccontextmanager
    async def lifespan(_app):
        if snaps._thread is None:
            snaps.start(wait_first=2.0)
        try:
            yield
        finally:
            snaps.close()

    app = FastAPI(title="sitrep API", version=__version__, lifespan=lifespan, openapi_url="/api/openapi.json", docs_url=None,
                  redoc_url=None, description="Read-only access to a sitrep store: events, incidents, "
                  "articles with every extracted layer, actors and the brief. Field names are those of "
                  "`sitrep export`. See docs/api.md.")
    app.state.snapshots = snaps
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOCAL_HOSTS)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def page(request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        context.setdefault("filters", Filters())
        html = env.get_template(template).render(request_path=request.url.path, status=snaps.status(), **context)
        return HTMLResponse(html, status_code=status)

    def error_page(request: Request, status: int, message: str) -> HTMLResponse:
        return page(request, "error.html.j2", status=status, message=message, code=status)

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(BadFilter)
    async def _bad_filter(request: Request, exc: BadFilter):
        if wants_json(request):
            return JSONResponse({"error": str(exc)}, status_code=400)
        return error_page(request, 400, str(exc))

    @app.exception_handler(StoreBusy)
    async def _busy(request: Request, exc: StoreBusy):
        if wants_json(request):
            return JSONResponse({"error": str(exc)}, status_code=503, headers={"retry-after": "5"})
        return error_page(request, 503, str(exc))

    @app.exception_handler(SitrepError)
    async def _sitrep_error(request: Request, exc: SitrepError):
        if wants_json(request):
            return JSONResponse({"error": str(exc)}, status_code=400)
        return error_page(request, 400, str(exc))

    import duckdb

    @app.exception_handler(duckdb.Error)
    async def _query_failed(request: Request, exc: duckdb.Error):
        # one line, never a traceback: e.g. a filter whose query outgrows the copy's memory limit
        first = (str(exc).strip().splitlines() or [""])[0][:300]
        message = (f"the query for this page failed on the server's copy of the store ({type(exc).__name__}: "
                   f"{first}); try a narrower filter, and report it if it keeps failing")
        if wants_json(request):
            return JSONResponse({"error": message}, status_code=500)
        return error_page(request, 500, message)

    from fastapi.exceptions import RequestValidationError

    @app.exception_handler(RequestValidationError)
    async def _bad_parameter(request: Request, exc: RequestValidationError):
        # FastAPI's own 422 body is a list of objects; ours is the documented one-line 400
        message = "; ".join(f"{err.get('loc', ['?'])[-1]}={err.get('input')!r}: {err.get('msg', 'not accepted')}"
                            for err in exc.errors()[:3])
        if wants_json(request):
            return JSONResponse({"error": message}, status_code=400)
        return error_page(request, 400, message)

    @app.exception_handler(404)
    async def _not_found(request: Request, exc):
        message = getattr(exc, "detail", None) or "no such page"
        if wants_json(request):
            return JSONResponse({"error": message}, status_code=404)
        return error_page(request, 404, message)

    def choices_of(_store=None, copy=None) -> dict:
        """The filter form's drop-down values, once per copy of the store."""
        return snaps.cached(("choices",), data.choices, copy)

    def cached(name: str, f: Filters, compute, *extra, copy=None):
        """``compute(store)`` once per copy of the store and filter: the heavy parts of the
        Overview, Map and Actors pages (a copy never changes, so neither do they)."""
        key = (name, tuple(sorted(f.params().items())), *extra)
        return snaps.cached(key, compute, copy)

    def actor_rows(f: Filters, copy=None):
        """The Actors table: the whole list (up to 200), whatever page of it is shown."""
        whole = replace(f, sort=Filters.sort, page=1, per_page=Filters.per_page)
        return cached("actors", whole, lambda s: data.actors(s, whole), copy=copy)

    def overview_of(f: Filters, group: str, normalise: bool, copy=None):
        # today's date is part of the key: the default period ends at the newest article
        # published by tomorrow (data.default_period)
        return cached("overview", f, lambda s: data.overview(s, f, group, normalise), group, normalise,
                      date.today(), copy=copy)

    def prepare(_snaps, copy) -> None:
        """The default Overview, Map and Actors pages, worked out when a copy is made
        (before it answers), so their first visit does not wait for them."""
        f = Filters()
        choices_of(copy=copy)
        overview_of(f, "quad", True, copy=copy)
        cached("map", f, lambda s: _map_view(s, f, None), None, copy=copy)
        actor_rows(f, copy=copy)

    snaps.prepare = prepare

    def reading(fn):
        """Run ``fn(store)`` on a fresh cursor of the current copy; closed afterwards."""
        store = snaps.reader()
        try:
            return fn(store)
        finally:
            store.close()

    def not_found(what: str):
        from fastapi import HTTPException
        return HTTPException(status_code=404, detail=what)

    # -- pages -------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page(request: Request, group: str = "quad", norm: str = "yes"):
        f = Filters.parse(request.query_params)
        group = "type" if group == "type" else "quad"
        normalise = norm != "no"
        ov = overview_of(f, group, normalise)
        choices = reading(choices_of)
        chart = _chart(ov, group)
        return page(request, "overview.html.j2", filters=f, ov=ov, chart=chart, choices=choices, group=group,
                    norm=normalise)

    @app.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
    def incidents_page(request: Request):
        f = Filters.parse(request.query_params)
        result, choices = reading(lambda s: (data.list_incidents(s, f), choices_of(s)))
        return page(request, "incidents.html.j2", filters=f, result=result, choices=choices)

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, incident_id: str):
        inc = reading(lambda s: data.incident(s, incident_id))
        if inc is None:
            raise not_found(f"no incident {incident_id!r} in this store (incidents are re-computed after each "
                            f"ingest; find it again from the Incidents page)")
        return page(request, "incident.html.j2", inc=inc, outlets=_outlet_rows(inc))

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, event: Optional[str] = None):
        art = reading(lambda s: data.article(s, article_id))
        if art is None:
            raise not_found(f"no article {article_id!r} in this store")
        doc = art["document"]
        incident_of = {_doc_event_id(e["event_id"], article_id): e.get("incident_id") for e in art["events"]
                       if e.get("incident_id")}
        selected = _doc_event_id(event, article_id) if event else None
        text = (doc.get("article") or {}).get("text") or art.get("text") or ""
        segs = highlight.segments(text, highlight.marks(doc, incident_of, selected))
        chosen = next((e for e in art["events"] if e["event_id"] == event), None)
        return page(request, "article.html.j2", art=art, segments=segs, chosen=chosen,
                    removed=(doc.get("article") or {}).get("removed") or [])

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, box: Optional[str] = None):
        f = Filters.parse(request.query_params)
        area = mapview.parse_box(box)
        view, total = cached("map", f, lambda s: _map_view(s, f, area), area)
        return page(request, "map.html.j2", filters=f, view=view, total=total, choices=reading(choices_of))

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request):
        f = Filters.parse(request.query_params)
        rows = actor_rows(f)
        choices = reading(choices_of)
        return page(request, "actors.html.j2", filters=f, actors=rows, kinds=list(data.POSITION_TYPES),
                    choices=choices)

    @app.get("/actors/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, name: str):
        f = Filters.parse(request.query_params)
        info = reading(lambda s: data.actor(s, name, f))
        if info is None:
            raise not_found(f"no actor named {name!r} acts in this store")
        return page(request, "actor.html.j2", filters=f, actor=info)

    @app.get("/brief", response_class=HTMLResponse, include_in_schema=False)
    def brief_page(request: Request):
        f = Filters.parse(request.query_params)
        return page(request, "brief.html.j2", filters=f, ignored=briefing.ignored_filters(f),
                    choices=reading(choices_of),
                    brief_query=Filters(about=f.about, since=f.since, until=f.until).query())

    @app.get("/brief/view", include_in_schema=False)
    def brief_view(request: Request):
        f = Filters.parse(request.query_params)
        text = reading(lambda s: briefing.brief(s, f, html=True))
        return HTMLResponse(text, headers={"content-security-policy": BRIEF_CSP})

    @app.get("/brief/download.{fmt}", include_in_schema=False)
    def brief_download(request: Request, fmt: str):
        if fmt not in ("md", "html"):
            raise not_found("the brief downloads as .md or .html")
        f = Filters.parse(request.query_params)
        text = reading(lambda s: briefing.brief(s, f, html=fmt == "html"))
        media = "text/html; charset=utf-8" if fmt == "html" else "text/markdown; charset=utf-8"
        return Response(text, media_type=media, headers={
            "content-disposition": f'attachment; filename="sitrep-brief.{fmt}"',
            "content-security-policy": BRIEF_CSP})

    @app.get("/export", response_class=HTMLResponse, include_in_schema=False)
    def export_page(request: Request):
        f = Filters.parse(request.query_params)
        counts = reading(lambda s: {
            "events": data.list_events(s, Filters.parse({**f.params(), "per_page": "1", "page": "1", "sort": "date"},
                                                        EVENT_SORTS)).total,
            "incidents": data.list_incidents(s, Filters.parse({**f.params(), "per_page": "1", "page": "1"})).total,
            "choices": choices_of(s)})
        return page(request, "export.html.j2", filters=f, counts=counts, choices=counts["choices"], formats=list(exporting.FORMATS),
                    tables=exporting.EXPORT_TABLES)

    @app.get("/export/{table}.{fmt}", include_in_schema=False)
    def export_file(request: Request, table: str, fmt: str):
        if table not in exporting.EXPORT_TABLES or fmt not in exporting.FORMATS:
            raise not_found(f"export tables: {', '.join(exporting.EXPORT_TABLES)}; formats: "
                            f"{', '.join(exporting.FORMATS)}")
        f = Filters.parse(request.query_params, EVENT_SORTS if table == "events" else INCIDENT_SORTS)
        path, media, name = reading(lambda s: exporting.export(s, table, fmt, f))
        return FileResponse(path, media_type=media, filename=name, background=BackgroundTask(os.unlink, path))

    @app.get("/live", response_class=HTMLResponse, include_in_schema=False)
    def live_page(request: Request):
        polls, runs, recent = reading(lambda s: (data.watch_polls(s), data.ingest_runs(s),
                                                 data.list_incidents(s, Filters(sort="reported", per_page=20))))
        return page(request, "live.html.j2", polls=polls, runs=runs, recent=recent, version=snaps.version)

    # -- the API -----------------------------------------------------------------------------
    from fastapi import Depends

    @app.get("/api/events", tags=["events"], summary="Events, filtered and paginated")
    def api_events(params: dict = Depends(filter_params)):
        f = Filters.parse({"sort": "date", **params}, EVENT_SORTS)
        return as_json(reading(lambda s: data.list_events(s, f)).to_dict())

    @app.get("/api/incidents", tags=["incidents"], summary="Incidents, filtered, sorted and paginated")
    def api_incidents(params: dict = Depends(filter_params)):
        f = Filters.parse(params)
        return as_json(reading(lambda s: data.list_incidents(s, f)).to_dict())

    @app.get("/api/incidents/{incident_id}", tags=["incidents"],
             summary="One incident with every mention (outlet, certainty, source sentence)")
    def api_incident(incident_id: str):
        inc = reading(lambda s: data.incident(s, incident_id))
        if inc is None:
            raise not_found(f"no incident {incident_id!r}")
        return as_json(data.plain(inc))

    @app.get("/api/articles/{article_id:path}", tags=["articles"],
             summary="One article: its export row, its events and its document JSON (every layer with spans)")
    def api_article(article_id: str):
        art = reading(lambda s: data.article(s, article_id))
        if art is None:
            raise not_found(f"no article {article_id!r}")
        return as_json(data.plain(art))

    @app.get("/api/actors", tags=["actors"],
             summary="Actors of the filtered events with counts of demands, offers, accusations, denials, quotes")
    def api_actors(params: dict = Depends(filter_params)):
        f = Filters.parse(params)
        rows = actor_rows(f)
        total = len(rows)
        return as_json({"total": total, "page": f.page, "per_page": f.per_page,
                        "pages": max(1, math.ceil(total / f.per_page)),
                        "items": [data.plain(r) for r in rows[f.offset:f.offset + f.per_page]]})

    @app.get("/api/actors/{name:path}", tags=["actors"], summary="One actor's demands, offers, accusations, denials and quotes")
    def api_actor(name: str, params: dict = Depends(filter_params)):
        f = Filters.parse(params)
        info = reading(lambda s: data.actor(s, name, f))
        if info is None:
            raise not_found(f"no actor named {name!r}")
        info["positions"] = {k: [data.plain(r) for r in v] for k, v in info["positions"].items()}
        info["quotes"] = [data.plain(r) for r in info["quotes"]]
        return as_json(info)

    @app.get("/api/brief", tags=["brief"], summary="The situation report for about/since/until (Markdown or HTML)",
             response_class=PlainTextResponse)
    def api_brief(params: dict = Depends(filter_params),
                  format: str = Query("md", description="md (Markdown) or html")):
        if format not in ("md", "html"):
            raise BadFilter("format must be md or html")
        f = Filters.parse(params)
        text = reading(lambda s: briefing.brief(s, f, html=format == "html"))
        if format == "html":
            return Response(text, media_type="text/html; charset=utf-8",
                            headers={"content-security-policy": BRIEF_CSP})
        return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")

    @app.get("/api/status", tags=["live"], summary="How fresh the server's copy of the store is")
    def api_status():
        return snaps.status()

    @app.get("/api/live", tags=["live"], summary="Incidents new since a copy version (polling)")
    def api_live(after: int = Query(0, description="the last version seen; 0 for the latest change only")):
        changes = [c for c in snaps.changes if c.version > after] if after else snaps.changes[-1:]
        return {"status": snaps.status(), "changes": [_change_dict(c) for c in changes]}

    @app.get("/api/live/stream", tags=["live"], summary="Server-sent events: one 'update' per new copy of the store")
    async def api_live_stream(request: Request):
        header = request.headers.get("last-event-id") or request.query_params.get("after") or ""
        last = int(header) if header.isdigit() else snaps.version
        return StreamingResponse(_events(request, snaps, last), media_type="text/event-stream",
                                 headers={"cache-control": "no-store"})

    return app


async def _events(request: Request, snaps: Snapshots, last: int):
    """The live stream: updates as copies are made, a status line when a writer starts or
    stops, a comment every 15 s to keep proxies from closing it; ends after SSE_SECONDS
    (the browser reconnects with Last-Event-ID)."""
    started = time.monotonic()
    writer = None
    ping = time.monotonic()
    yield "retry: 2000\n\n"
    while time.monotonic() - started < SSE_SECONDS:
        if await request.is_disconnected():
            return
        for change in [c for c in snaps.changes if c.version > last]:
            yield f"id: {change.version}\nevent: update\ndata: {json.dumps(_change_dict(change))}\n\n"
            last = change.version
        status = snaps.status()
        if status["writer_active"] != writer:
            writer = status["writer_active"]
            yield f"event: status\ndata: {json.dumps(status)}\n\n"
        if time.monotonic() - ping > 15:
            ping = time.monotonic()
            yield ": ping\n\n"
        await asyncio.sleep(0.5)


def _change_dict(change) -> dict[str, Any]:
    return {"version": change.version, "at": change.at.strftime("%Y-%m-%d %H:%M:%S UTC"), "counts": change.counts,
            "new_incidents": [data.plain({k: r.get(k) for k in (
                "incident_id", "label", "type", "date_start", "n_sources", "n_articles", "place_name", "conflicted")})
                for r in change.new_incidents[:100]], "n_new": len(change.new_incidents)}


def _map_view(store, f: Filters, box) -> tuple[Any, int]:
    """The map of the filtered incidents (the view and how many incidents it places)."""
    rows = data.map_incidents(store, f)
    return mapview.build(rows, box), len(rows)


def _doc_event_id(store_id: Optional[str], article_id: str) -> Optional[str]:
    """The document's own event id for a store event id (``<article>#<id>`` -> ``<id>``)."""
    if store_id is None:
        return None
    prefix = f"{article_id}#"
    return store_id[len(prefix):] if store_id.startswith(prefix) else store_id


def _outlet_rows(inc: dict[str, Any]) -> list[dict[str, Any]]:
    """Certainty per outlet with its mentions' count, and whether it denies what others affirm."""
    from sitrep.corpus.incidents import AFFIRMING, DENYING

    rows: dict[str, dict[str, Any]] = {}
    for m in inc["mentions"]:
        key = m.get("outlet") or "unknown outlet"
        r = rows.setdefault(key, {"outlet": key, "statuses": [], "mentions": 0,
                                  "near_copy": bool(m.get("duplicate_of"))})
        r["mentions"] += 1
        if m["certainty"] not in r["statuses"]:
            r["statuses"].append(m["certainty"])
    affirmed = any(m["certainty"] in AFFIRMING for m in inc["mentions"])
    for r in rows.values():
        r["denies"] = affirmed and any(s in DENYING for s in r["statuses"])
    return list(rows.values())


def _chart(ov, group: str) -> dict[str, Any]:
    """A stacked bar chart of the overview's daily series, as SVG geometry for the template."""
    QUAD_COLOURS = mapview.QUAD_COLOURS
    width, height, left, bottom = 900.0, 220.0, 40.0, 24.0
    n = max(1, len(ov.days))
    keys = sorted(ov.series, key=lambda k: -sum(ov.series[k]))
    totals = [sum(ov.series[k][i] for k in keys) for i in range(n)] if keys else [0.0] * n
    top = max(totals) if totals and max(totals) > 0 else 1.0
    step = (width - left) / n
    bars = []
    for i, day in enumerate(ov.days):
        y = height - bottom
        for k in keys:
            v = ov.series[k][i]
            if v <= 0:
                continue
            h = v / top * (height - bottom - 10)
            y -= h
            colour = QUAD_COLOURS.get(k) if group == "quad" else mapview.TYPE_COLOURS.get(k)
            bars.append({"x": round(left + i * step + step * 0.1, 1), "y": round(y, 1), "w": round(step * 0.8, 1),
                         "h": round(h, 1), "colour": colour or "#888",
                         "title": f"{day.isoformat()}: {k} {v:.2f}" + (" per article" if ov.normalised else "")})
    ticks = [{"x": round(left + i * step + step / 2, 1), "label": d.isoformat()}
             for i, d in enumerate(ov.days) if i % max(1, n // 6) == 0]
    legend = [(k, (QUAD_COLOURS.get(k) if group == "quad" else mapview.TYPE_COLOURS.get(k)) or "#888") for k in keys]
    return {"width": width, "height": height, "bars": bars, "ticks": ticks, "top": top, "left": left,
            "base": height - bottom, "legend": legend}
