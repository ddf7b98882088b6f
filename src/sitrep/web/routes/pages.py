"""The HTML pages: Overview, Incidents (list and one), Article, Map, Actors (list and one)."""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from sitrep.web import data, highlight, mapview, rendering
from sitrep.web.dashboard import Dashboard, dashboard, not_found
from sitrep.web.filters import GROUPS, Filters, choice, yes_no

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


@router.get("/")
def overview_page(request: Request, group: Optional[str] = None, norm: Optional[str] = None,
                  dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(request.query_params)
    group, normalise = choice(group, "group", GROUPS), yes_no(norm, "norm", True)
    choices = dash.reading(dash.choices)
    ov = dash.overview_ready(f, group, normalise)
    if ov is None:  # not worked out for this filter yet: app.js fetches it from /api/overview
        head = dash.reading(lambda s: data.overview_head(s, f))
        return dash.page(request, "overview.html.j2", filters=f, ov=None, head=head, chart=None, choices=choices,
                         group=group, norm=normalise)
    head = {"since": ov.since, "until": ov.until, "previous": ov.previous, "top": ov.top}
    return dash.page(request, "overview.html.j2", filters=f, ov=ov, head=head, chart=rendering.chart(ov, group),
                     choices=choices, group=group, norm=normalise)


@router.get("/incidents")
def incidents_page(request: Request, dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(request.query_params)
    result, choices = dash.reading(lambda s: (data.list_incidents(s, f), dash.choices(s)))
    return dash.page(request, "incidents.html.j2", filters=f, result=result, choices=choices)


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: str, dash: Dashboard = Depends(dashboard)):
    inc = dash.reading(lambda s: data.incident(s, incident_id))
    if inc is None:
        raise not_found(f"no incident {incident_id!r} in this store (incidents are re-computed after each "
                        f"ingest; find it again from the Incidents page)")
    return dash.page(request, "incident.html.j2", inc=inc, outlets=outlet_rows(inc))


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str, event: Optional[str] = None, dash: Dashboard = Depends(dashboard)):
    art = dash.reading(lambda s: data.article(s, article_id))
    if art is None:
        raise not_found(f"no article {article_id!r} in this store")
    doc = art["document"]
    incident_of = {doc_event_id(e["event_id"], article_id): e.get("incident_id") for e in art["events"]
                   if e.get("incident_id")}
    selected = doc_event_id(event, article_id) if event else None
    text = (doc.get("article") or {}).get("text") or art.get("text") or ""
    segs = highlight.segments(text, highlight.marks(doc, incident_of, selected))
    chosen = next((e for e in art["events"] if e["event_id"] == event), None)
    return dash.page(request, "article.html.j2", art=art, segments=segs, chosen=chosen,
                     removed=(doc.get("article") or {}).get("removed") or [])


@router.get("/map")
def map_page(request: Request, box: Optional[str] = None, dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(request.query_params)
    area = mapview.parse_box(box)
    ready = dash.map_view_ready(f, area)
    view, total = ready if ready is not None else (None, 0)  # None: app.js draws it from /api/map
    return dash.page(request, "map.html.j2", filters=f, view=view, total=total, box=area, width=mapview.WIDTH,
                     height=mapview.MAX_HEIGHT / 2, choices=dash.reading(dash.choices))


@router.get("/actors")
def actors_page(request: Request, dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(request.query_params)
    rows = dash.actor_rows_ready(f)  # None: app.js fills the table from /api/actors
    # one page of the table (50 rows by default, like the other lists): 200 rows of 14
    # cells were the slowest page to lay out in the browser
    result = data.Page(len(rows), rows[f.offset:f.offset + f.per_page], f) if rows is not None else None
    return dash.page(request, "actors.html.j2", filters=f, result=result, kinds=list(data.POSITION_TYPES),
                     choices=dash.reading(dash.choices))


@router.get("/actors/{name:path}")
def actor_page(request: Request, name: str, dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(request.query_params)
    info = dash.reading(lambda s: data.actor(s, name, f))
    if info is None:
        raise not_found(f"no actor named {name!r} acts in this store")
    return dash.page(request, "actor.html.j2", filters=f, actor=info)


def doc_event_id(store_id: Optional[str], article_id: str) -> Optional[str]:
    """The document's own event id for a store event id (``<article>#<id>`` -> ``<id>``)."""
    if store_id is None:
        return None
    prefix = f"{article_id}#"
    return store_id[len(prefix):] if store_id.startswith(prefix) else store_id


def outlet_rows(inc: dict[str, Any]) -> list[dict[str, Any]]:
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
