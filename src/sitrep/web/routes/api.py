"""The read-only JSON API under /api/ (documented in the OpenAPI description and
docs/api.md): events, incidents, articles, actors and the brief, with the CLI's filters as
query parameters. Field names are those of ``sitrep export``."""
from __future__ import annotations

import math
from typing import Optional

from fastapi import APIRouter, Depends, Query
from fastapi.responses import PlainTextResponse, Response

from sitrep.web import briefing, data, mapview, rendering
from sitrep.web.dashboard import Dashboard, dashboard, not_found
from sitrep.web.filters import EVENT_SORTS, GROUPS, INCIDENT_SORTS, BadFilter, Filters, choice, yes_no
from sitrep.web.rendering import as_json
from sitrep.web.security import BRIEF_CSP

router = APIRouter(prefix="/api")


def filter_params(
    about: Optional[str] = Query(None, description="events, articles, actors: articles naming this (country name or code, actor, word), as `sitrep events --about`; incidents and the map: the incidents of the articles about it, as `sitrep incidents --about`"),
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
    background: Optional[str] = Query(None, description="yes: also incidents made only of history or habitual mentions (left out by default, as `sitrep incidents`)"),
    sort: Optional[str] = Query(None, description=f"incidents: {', '.join(INCIDENT_SORTS)}; events: {', '.join(EVENT_SORTS)}"),
    page: Optional[str] = Query(None, description="page number, from 1"),
    per_page: Optional[str] = Query(None, description="rows per page, 1 to 200 (default 50)"),
) -> dict[str, str]:
    """The shared query parameters, as given (Filters.parse checks them)."""
    return {k: v for k, v in locals().items() if v is not None}


@router.get("/events", tags=["events"], summary="Events, filtered and paginated")
def api_events(params: dict = Depends(filter_params), dash: Dashboard = Depends(dashboard)):
    f = Filters.parse({"sort": "date", **params}, EVENT_SORTS)
    return as_json(dash.reading(lambda s: data.list_events(s, f)).to_dict())


@router.get("/incidents", tags=["incidents"], summary="Incidents, filtered, sorted and paginated")
def api_incidents(params: dict = Depends(filter_params), dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(params)
    return as_json(dash.reading(lambda s: data.list_incidents(s, f)).to_dict())


@router.get("/incidents/{incident_id}", tags=["incidents"],
            summary="One incident with every mention (outlet, certainty, source sentence)")
def api_incident(incident_id: str, dash: Dashboard = Depends(dashboard)):
    inc = dash.reading(lambda s: data.incident(s, incident_id))
    if inc is None:
        raise not_found(f"no incident {incident_id!r}")
    return as_json(data.plain(inc))


@router.get("/articles/{article_id:path}", tags=["articles"],
            summary="One article: its export row, its events and its document JSON (every layer with spans)")
def api_article(article_id: str, dash: Dashboard = Depends(dashboard)):
    art = dash.reading(lambda s: data.article(s, article_id))
    if art is None:
        raise not_found(f"no article {article_id!r}")
    return as_json(data.plain(art))


@router.get("/overview", tags=["overview"],
            summary="The Overview's aggregates: counts against the previous period, change by type, events per day")
def api_overview(params: dict = Depends(filter_params),
                 group: str = Query("quad", description="the daily series by quad (quad class) or type (event type)"),
                 norm: str = Query("yes", description="yes: events per article published in the week around each day"),
                 dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(params)
    group, normalise = choice(group, "group", GROUPS), yes_no(norm, "norm", True)
    ov = dash.overview(f, group, normalise)
    return as_json({"since": ov.since.isoformat(), "until": ov.until.isoformat(),
                    "previous": [d.isoformat() for d in ov.previous], "counts": ov.counts,
                    "previous_counts": ov.previous_counts, "by_type": ov.by_type,
                    "days": [d.isoformat() for d in ov.days], "series": ov.series,
                    "articles_per_day": ov.articles_per_day, "normalised": ov.normalised, "group": group,
                    "chart": rendering.chart(ov, group), "top": [data.plain(r) for r in ov.top]})


@router.get("/map", tags=["map"], summary="The Map's markers for the filtered incidents (clustered, projected)")
def api_map(params: dict = Depends(filter_params),
            box: Optional[str] = Query(None, description="west,south,east,north in degrees: the view to draw"),
            dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(params)
    view, total = dash.map_view(f, mapview.parse_box(box))
    markers = [{"x": m.x, "y": m.y, "r": m.r, "colour": m.colour, "title": m.title, "count": m.count,
                "approximate": m.approximate, "sources": m.sources,
                "incident_id": m.incidents[0].get("incident_id") if m.count == 1 else None,
                "zoom": list(m.zoom) if m.zoom and m.count > 1 else None} for m in view.markers]
    return as_json({"width": view.width, "height": view.height, "box": list(view.box), "countries": view.countries,
                    "markers": markers, "notice": view.notice, "placed": view.placed,
                    "approximate": view.approximate, "legend": view.legend, "zoomed": view.zoomed, "total": total})


@router.get("/actors", tags=["actors"],
            summary="Actors of the filtered events with counts of demands, offers, accusations, denials, quotes")
def api_actors(params: dict = Depends(filter_params), dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(params)
    rows = dash.actor_rows(f)
    total = len(rows)
    return as_json({"total": total, "page": f.page, "per_page": f.per_page,
                    "pages": max(1, math.ceil(total / f.per_page)),
                    "items": [data.plain(r) for r in rows[f.offset:f.offset + f.per_page]]})


@router.get("/actors/{name:path}", tags=["actors"], summary="One actor's demands, offers, accusations, denials and quotes")
def api_actor(name: str, params: dict = Depends(filter_params), dash: Dashboard = Depends(dashboard)):
    f = Filters.parse(params)
    info = dash.reading(lambda s: data.actor(s, name, f))
    if info is None:
        raise not_found(f"no actor named {name!r}")
    info["positions"] = {k: [data.plain(r) for r in v] for k, v in info["positions"].items()}
    info["quotes"] = [data.plain(r) for r in info["quotes"]]
    return as_json(info)


@router.get("/brief", tags=["brief"], summary="The situation report for about/since/until (Markdown or HTML)",
            response_class=PlainTextResponse)
def api_brief(params: dict = Depends(filter_params), format: str = Query("md", description="md (Markdown) or html"),
              dash: Dashboard = Depends(dashboard)):
    format = choice(format, "format", ("md", "html"))
    f = Filters.parse(params)
    ignored = briefing.ignored_filters(f)
    if ignored:  # the page says so beside the brief; an API caller would not notice
        raise BadFilter(f"the brief follows about, since and until only; {', '.join(ignored)} would not narrow it: "
                        "leave it out (or use /api/events and /api/incidents for that filter)")
    text = dash.reading(lambda s: briefing.brief(s, f, html=format == "html"))
    if format == "html":
        return Response(text, media_type="text/html; charset=utf-8", headers={"content-security-policy": BRIEF_CSP})
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
