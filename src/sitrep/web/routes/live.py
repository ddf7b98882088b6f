"""Live updates: the Live page, the copy's freshness, and the incidents each new copy of
the store brought, by polling (/api/live) or as server-sent events (/api/live/stream)."""
from __future__ import annotations

import asyncio
import json
import time
from typing import Any, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from sitrep.web import data
from sitrep.web.dashboard import Dashboard, dashboard
from sitrep.web.filters import BadFilter, Filters
from sitrep.web.snapshot import Snapshots

#: a stream ends after this long (the browser reconnects with Last-Event-ID)
SSE_SECONDS = 300
#: a comment line keeps proxies from closing a quiet stream
PING_SECONDS = 15

router = APIRouter()


@router.get("/live", response_class=HTMLResponse, include_in_schema=False)
def live_page(request: Request, dash: Dashboard = Depends(dashboard)):
    polls, runs, recent = dash.reading(lambda s: (data.watch_polls(s), data.ingest_runs(s),
                                                  data.list_incidents(s, Filters(sort="reported", per_page=20))))
    return dash.page(request, "live.html.j2", polls=polls, runs=runs, recent=recent, version=dash.snaps.version)


@router.get("/api/status", tags=["live"], summary="How fresh the server's copy of the store is")
def api_status(dash: Dashboard = Depends(dashboard)):
    return dash.snaps.status()


@router.get("/api/live", tags=["live"], summary="Incidents new since a copy version (polling)")
def api_live(after: int = Query(0, ge=0, description="the last version seen; 0 for the latest change only"),
             dash: Dashboard = Depends(dashboard)):
    snaps = dash.snaps
    changes = [c for c in snaps.changes if c.version > after] if after else snaps.changes[-1:]
    return {"status": snaps.status(), "changes": [change_dict(c) for c in changes]}


@router.get("/api/live/stream", tags=["live"], summary="Server-sent events: one 'update' per new copy of the store")
async def api_live_stream(request: Request, dash: Dashboard = Depends(dashboard),
                          asked: Optional[str] = Query(None, alias="after",
                                                       description="the last version seen (a browser's Last-Event-ID wins)")):
    if asked is not None and not (asked.isascii() and asked.isdigit()):
        raise BadFilter(f"after={asked[:40]!r} is not a copy version; use a whole number from 0")
    # the browser's reconnect header wins; a garbled one (not ours to report) means "from now"
    header = request.headers.get("last-event-id") or asked or ""
    last = int(header) if header.isascii() and header.isdigit() else dash.snaps.version
    return StreamingResponse(_events(request, dash.snaps, last), media_type="text/event-stream",
                             headers={"cache-control": "no-store"})


async def _events(request: Request, snaps: Snapshots, last: int):
    """The live stream: updates as copies are made, a status line when a writer starts or
    stops, a comment every PING_SECONDS; ends after SSE_SECONDS."""
    started = time.monotonic()
    writer = None
    ping = time.monotonic()
    yield "retry: 2000\n\n"
    while time.monotonic() - started < SSE_SECONDS:
        if await request.is_disconnected():
            return
        for change in [c for c in snaps.changes if c.version > last]:
            yield f"id: {change.version}\nevent: update\ndata: {json.dumps(change_dict(change))}\n\n"
            last = change.version
        status = snaps.status()
        if status["writer_active"] != writer:
            writer = status["writer_active"]
            yield f"event: status\ndata: {json.dumps(status)}\n\n"
        if time.monotonic() - ping > PING_SECONDS:
            ping = time.monotonic()
            yield ": ping\n\n"
        await asyncio.sleep(0.5)


def change_dict(change) -> dict[str, Any]:
    """One refresh as JSON: its version, time, counts and (up to 100 of) its new incidents."""
    return {"version": change.version, "at": change.at.strftime("%Y-%m-%d %H:%M:%S UTC"), "counts": change.counts,
            "new_incidents": [data.plain({k: r.get(k) for k in (
                "incident_id", "label", "type", "date_start", "n_sources", "n_articles", "place_name", "conflicted")})
                for r in change.new_incidents[:100]], "n_new": len(change.new_incidents)}
