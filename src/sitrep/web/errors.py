"""Every failure answered in one line: JSON ``{"error": ...}`` under /api/, the error page
elsewhere; never a traceback."""
from __future__ import annotations

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from sitrep.errors import SitrepError
from sitrep.web.filters import BadFilter
from sitrep.web.snapshot import StoreBusy


def _answer(request: Request, status: int, message: str, headers: dict | None = None):
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    return request.app.state.dashboard.error_page(request, status, message)


async def _bad_filter(request: Request, exc: BadFilter):
    return _answer(request, 400, str(exc))


async def _busy(request: Request, exc: StoreBusy):
    return _answer(request, 503, str(exc), {"retry-after": "5"})


async def _sitrep_error(request: Request, exc: SitrepError):
    return _answer(request, 400, str(exc))


async def _query_failed(request: Request, exc: duckdb.Error):
    # one line, never a traceback: e.g. a filter whose query outgrows the copy's memory limit
    first = (str(exc).strip().splitlines() or [""])[0][:300]
    return _answer(request, 500, f"the query for this page failed on the server's copy of the store "
                                 f"({type(exc).__name__}: {first}); try a narrower filter, and report it if it "
                                 f"keeps failing")


async def _bad_parameter(request: Request, exc: RequestValidationError):
    # FastAPI's own 422 body is a list of objects; ours is the documented one-line 400
    message = "; ".join(f"{err.get('loc', ['?'])[-1]}={err.get('input')!r}: {err.get('msg', 'not accepted')}"
                        for err in exc.errors()[:3])
    return _answer(request, 400, message)


async def _not_found(request: Request, exc):
    return _answer(request, 404, getattr(exc, "detail", None) or "no such page")


def install(app: FastAPI) -> None:
    """Register the handlers (the more specific error first: StoreBusy is a SitrepError)."""
    app.add_exception_handler(BadFilter, _bad_filter)
    app.add_exception_handler(StoreBusy, _busy)
    app.add_exception_handler(SitrepError, _sitrep_error)
    app.add_exception_handler(duckdb.Error, _query_failed)
    app.add_exception_handler(RequestValidationError, _bad_parameter)
    app.add_exception_handler(404, _not_found)
