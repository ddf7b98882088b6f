"""The dashboard and the read-only JSON API as one ASGI application (FastAPI on Starlette,
Jinja2 templates with autoescaping, our own small CSS and JavaScript as static files).

The parts: security.py (headers, allowed hosts, safe links), rendering.py (templates,
JSON, the chart), dashboard.py (the copies of the store and what is kept with each),
errors.py (one-line errors), routes/ (pages, exports, API, live feed). The API and the
pages only read: there is no request that changes the store, and the server never
fetches a URL (links to articles are plain links for the user).
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Optional

from fastapi import Depends, FastAPI, Request
from fastapi.routing import APIRoute
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles

from sitrep import __version__
from sitrep.web import errors
from sitrep.web.dashboard import Dashboard
from sitrep.web.filters import known_names, single_values
from sitrep.web.routes import ROUTERS
from sitrep.web.security import LOCAL_HOSTS, SecurityHeaders
from sitrep.web.snapshot import Snapshots

__all__ = ["LOCAL_HOSTS", "create_app"]
STATIC = Path(__file__).parent / "static"
DESCRIPTION = ("Read-only access to a sitrep store: events, incidents, articles with every extracted layer, actors "
               "and the brief. Field names are those of `sitrep export`. See docs/api.md.")


def _each_parameter_once(request: Request) -> None:
    """Every route: a query parameter given twice is a 400 (filters.single_values); an
    API route also refuses a parameter it does not declare (a typo would unfilter)."""
    items = request.query_params.multi_items()
    single_values(items)
    route = request.scope.get("route")
    if isinstance(route, APIRoute) and route.path.startswith("/api/"):
        known_names(items, _declared_query_names(route), route.path)


def _declared_query_names(route: APIRoute) -> frozenset[str]:
    """The query parameters ``route`` declares, its dependencies' included."""
    names, stack = set(), [route.dependant]
    while stack:
        dependant = stack.pop()
        names.update(param.alias for param in dependant.query_params)
        stack.extend(dependant.dependencies)
    return frozenset(names)


def create_app(db: str | Path, *, check_every: float = 1.0, allowed_hosts: Optional[list[str]] = None,
               snapshots: Optional[Snapshots] = None) -> FastAPI:
    """The application over the store at ``db`` (copied, see snapshot.py)."""
    snaps = snapshots or Snapshots(db, check_every=check_every)
    dash = Dashboard(snaps)

    @contextlib.asynccontextmanager
    async def lifespan(_app):
        if snaps._thread is None:
            snaps.start(wait_first=2.0)
        try:
            yield
        finally:
            snaps.close()

    app = FastAPI(title="sitrep API", version=__version__, lifespan=lifespan, openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None, description=DESCRIPTION,
                  dependencies=[Depends(_each_parameter_once)])
    app.state.snapshots = snaps
    app.state.dashboard = dash
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or LOCAL_HOSTS)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    errors.install(app)
    for router in ROUTERS:
        app.include_router(router)
    return app
