"""What every handler shares: the copies of the store, the templates, and the answers
kept with each copy (the heavy parts of the Overview, Map and Actors pages). One
``Dashboard`` per application, reached from a handler with ``Depends(dashboard)``."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Callable, Optional

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from sitrep.web import data, mapview, rendering
from sitrep.web.filters import Filters
from sitrep.web.snapshot import Copy, ReadStore, Snapshots


class Dashboard:
    """The store's copies (``snaps``) and the pages' templates, with the helpers handlers
    read and render through."""

    def __init__(self, snaps: Snapshots):
        self.snaps = snaps
        self.env = rendering.templates()
        snaps.prepare = self.prepare

    # -- reading -------------------------------------------------------------------------
    def reading(self, fn: Callable[[ReadStore], Any]) -> Any:
        """Run ``fn(store)`` on a fresh cursor of the current copy; closed afterwards."""
        store = self.snaps.reader()
        try:
            return fn(store)
        finally:
            store.close()

    def cached(self, name: str, f: Filters, compute: Callable[[ReadStore], Any], *extra,
               copy: Optional[Copy] = None) -> Any:
        """``compute(store)`` once per copy of the store and filter: the heavy parts of the
        Overview, Map and Actors pages (a copy never changes, so neither do they)."""
        return self.snaps.cached(self.key(name, f, *extra), compute, copy)

    @staticmethod
    def key(name: str, f: Filters, *extra) -> tuple:
        return (name, tuple(sorted(f.params().items())), *extra)

    def ready(self, name: str, f: Filters, *extra) -> Any:
        """The answer ``cached`` keeps for this page part and filter, or None when nobody
        asked for it on this copy yet: the page then sends its shell at once and its script
        fetches the part from /api/ (which works it out and keeps it)."""
        return self.snaps.peek(self.key(name, f, *extra))

    def choices(self, _store=None, copy: Optional[Copy] = None) -> dict:
        """The filter form's drop-down values, once per copy of the store (``_store`` lets
        it be passed where a function of the store is expected)."""
        return self.snaps.cached(("choices",), data.choices, copy)

    @staticmethod
    def _whole(f: Filters) -> Filters:
        return replace(f, sort=Filters.sort, page=1, per_page=Filters.per_page)

    def actor_rows(self, f: Filters, copy: Optional[Copy] = None) -> list[dict[str, Any]]:
        """The Actors table: the whole list (up to 200), whatever page of it is shown."""
        whole = self._whole(f)
        return self.cached("actors", whole, lambda s: data.actors(s, whole), copy=copy)

    def actor_rows_ready(self, f: Filters) -> Optional[list[dict[str, Any]]]:
        return self.ready("actors", self._whole(f))

    def overview(self, f: Filters, group: str, normalise: bool, copy: Optional[Copy] = None) -> data.Overview:
        # today's date is part of the key: the default period ends at the newest article
        # published by tomorrow (data.default_period)
        return self.cached("overview", f, lambda s: data.overview(s, f, group, normalise), group, normalise,
                           date.today(), copy=copy)

    def overview_ready(self, f: Filters, group: str, normalise: bool) -> Optional[data.Overview]:
        return self.ready("overview", f, group, normalise, date.today())

    def map_view(self, f: Filters, box, copy: Optional[Copy] = None) -> tuple[Any, int]:
        """The map of the filtered incidents (the view and how many incidents it places)."""
        def compute(store):
            rows = data.map_incidents(store, f)
            return mapview.build(rows, box), len(rows)
        return self.cached("map", f, compute, box, copy=copy)

    def map_view_ready(self, f: Filters, box) -> Optional[tuple[Any, int]]:
        return self.ready("map", f, box)

    def prepare(self, _snaps: Snapshots, copy: Copy) -> None:
        """The default Overview, Map and Actors pages, worked out when a copy is made
        (before it answers), so their first visit does not wait for them."""
        f = Filters()
        self.choices(copy=copy)
        self.overview(f, "quad", True, copy=copy)
        self.map_view(f, None, copy=copy)
        self.actor_rows(f, copy=copy)

    # -- writing -------------------------------------------------------------------------
    def page(self, request: Request, template: str, status: int = 200, **context) -> HTMLResponse:
        """A page from its template, with the filters and the copy's freshness every page shows."""
        context.setdefault("filters", Filters())
        html = self.env.get_template(template).render(request_path=request.url.path, status=self.snaps.status(),
                                                      **context)
        return HTMLResponse(html, status_code=status)

    def error_page(self, request: Request, status: int, message: str) -> HTMLResponse:
        return self.page(request, "error.html.j2", status=status, message=message, code=status)


def dashboard(request: Request) -> Dashboard:
    """The application's Dashboard (a FastAPI dependency)."""
    return request.app.state.dashboard


def not_found(what: str) -> HTTPException:
    """The 404 to raise; ``what`` says what is missing and where to look instead."""
    return HTTPException(status_code=404, detail=what)
