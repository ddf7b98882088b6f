"""What leaves as a file or a framed document: the Brief page and its downloads, the Export
page and its CSV / Parquet / JSON files."""
from __future__ import annotations

import os

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.background import BackgroundTask

from sitrep.web import briefing, data, exporting
from sitrep.web.dashboard import Dashboard, dashboard, not_found
from sitrep.web.filters import EVENT_SORTS, INCIDENT_SORTS, Filters
from sitrep.web.security import BRIEF_CSP

router = APIRouter(include_in_schema=False)


@router.get("/brief", response_class=HTMLResponse)
def brief_page(request: Request, dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(request.query_params)
    return dash.page(request, "brief.html.j2", filters=f, ignored=briefing.ignored_filters(f),
                     choices=dash.reading(dash.choices),
                     brief_query=Filters(about=f.about, since=f.since, until=f.until).query())


@router.get("/brief/view")
def brief_view(request: Request, dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(request.query_params)
    text = dash.reading(lambda s: briefing.brief(s, f, html=True))
    return HTMLResponse(text, headers={"content-security-policy": BRIEF_CSP})


@router.get("/brief/download.{fmt}")
def brief_download(request: Request, fmt: str, dash: Dashboard = Depends(dashboard)):
    if fmt not in ("md", "html"):
        raise not_found("the brief downloads as .md or .html")
    f = Filters.parse(request.query_params)
    text = dash.reading(lambda s: briefing.brief(s, f, html=fmt == "html"))
    media = "text/html; charset=utf-8" if fmt == "html" else "text/markdown; charset=utf-8"
    return Response(text, media_type=media, headers={
        "content-disposition": f'attachment; filename="sitrep-brief.{fmt}"',
        "content-security-policy": BRIEF_CSP})


@router.get("/export", response_class=HTMLResponse)
def export_page(request: Request, dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(request.query_params)
    counts = dash.reading(lambda s: _counts(s, f) | {"choices": dash.choices(s)})
    return dash.page(request, "export.html.j2", filters=f, counts=counts, choices=counts["choices"],
                     formats=list(exporting.FORMATS), tables=exporting.EXPORT_TABLES)


def _counts(store, f: Filters) -> dict[str, int]:
    """How many events and incidents the export of ``f`` holds (one-row pages, for their totals)."""
    one = {**f.params(), "per_page": "1", "page": "1"}
    return {"events": data.list_events(store, Filters.parse({**one, "sort": "date"}, EVENT_SORTS)).total,
            "incidents": data.list_incidents(store, Filters.parse(one)).total}


@router.get("/export/{table}.{fmt}")
def export_file(request: Request, table: str, fmt: str, dash: Dashboard = Depends(dashboard)):
    if table not in exporting.EXPORT_TABLES or fmt not in exporting.FORMATS:
        raise not_found(f"export tables: {', '.join(exporting.EXPORT_TABLES)}; formats: "
                        f"{', '.join(exporting.FORMATS)}")
    f = Filters.parse(request.query_params, EVENT_SORTS if table == "events" else INCIDENT_SORTS)
    path, media, name = dash.reading(lambda s: exporting.export(s, table, fmt, f))
    return FileResponse(path, media_type=media, filename=name, background=BackgroundTask(os.unlink, path))
