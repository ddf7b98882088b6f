"""`sitrep serve`: a local, read-only web dashboard and JSON API over the user's store, and
`sitrep watch`: polling feeds and pages into that store.

Layout:
  snapshot.py   the server's private, refreshed copy of the store (reads never block a writer)
  filters.py    the query parameters every page and API endpoint share (the CLI's filters and more)
  data.py       the queries behind pages and API (one thin layer; no SQL in handlers)
  highlight.py  article text cut into escaped segments carrying their layers
  mapview.py    the offline map: Natural Earth outlines projected to SVG, clustered markers
  exporting.py  the current filter as CSV / Parquet / JSON (the columns of `sitrep export`)
  briefing.py   the brief engineer's report for the current filters
  summaries.py  tables worked out once per copy (about/q haystacks, mentions, in-memory ranked lists)
  app.py        the ASGI application factory: middleware, error handlers, the routers
  dashboard.py  what handlers share: the copies, the templates, answers kept with each copy
  security.py   Content-Security-Policy and other headers, allowed hosts, safe links
  rendering.py  the Jinja2 environment, plain JSON, the overview chart
  errors.py     one-line errors (JSON under /api/, the error page elsewhere)
  routes/       pages.py, exports.py (brief, export files), api.py (/api/), live.py (live feed)
  watch.py      the feed poller behind `sitrep watch`
  commands.py   the `serve` and `watch` commands
"""
