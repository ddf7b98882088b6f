"""Benchmark of `sitrep serve` on a real store: API latency (p50/p95) for filtered lists
and incident pages, each as a ratio to the bare DuckDB queries behind it, first render of
every page in headless Chromium, and the server's peak memory.

    python bench/bench_web.py --db /work/stores/allsides-4178.duckdb --name allsides-4178
    python bench/bench_web.py --render docs/performance.md   # (re)write the web section from the JSON

The store is copied first (the server copies it again: it never touches the original).
The server runs in its own process (`sitrep serve`), so its memory is its own; the bare
DuckDB baseline runs in this process on another copy, with the SQL the query layer
actually sends (recorded through the store's ``rows`` method), so the ratio measures
what the server adds: HTTP, JSON or HTML, the copy's cursors, Python around the query.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]
RESULTS = ROOT / "bench" / "results"
BEGIN, END = "<!-- web-bench:begin -->", "<!-- web-bench:end -->"
#: a bare query slower than this is timed only 3 times (the before-state has 30-second ones)
SLOW_MS = 5000
TARGETS = {"api_p95_ms": 200, "first_render_ms": 1000, "server_peak_mb": 500}


def filtered_lists(top_country: str, top_actor: str, since: str, until: str) -> list[tuple[str, dict]]:
    """(endpoint, query) pairs: the incident and event lists with the CLI's filters."""
    return [
        ("/api/incidents", {}),
        ("/api/incidents", {"about": top_country}),
        ("/api/incidents", {"type": "ASSAULT", "min_sources": "2"}),
        ("/api/incidents", {"actor": top_actor, "since": since, "until": until}),
        ("/api/incidents", {"certainty": "denied", "sort": "date"}),
        ("/api/incidents", {"q": "sanctions", "page": "2"}),
        ("/api/incidents", {"contested": "yes", "country": top_country}),
        ("/api/events", {"type": "ACCUSE", "sort": "date"}),
        ("/api/events", {"about": top_country, "certainty": "claimed"}),
        ("/api/events", {"actor": top_actor, "per_page": "200"}),
    ]


def about_terms(con, per_kind: int = 4) -> list[str]:
    """Distinct ``about=`` terms no request of the run asked before: the most frequent actor
    countries, actor names and place names of the store (``per_kind`` of each)."""
    terms: list[str] = []
    for sql in ("SELECT source_country FROM events WHERE source_country IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC",
                "SELECT source_name FROM events WHERE source_name IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC",
                "SELECT place_name FROM events WHERE place_name IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC"):
        kind = [r[0] for r in con.execute(sql + " LIMIT 50").fetchall() if r[0] and r[0] not in terms]
        terms += kind[1:per_kind + 1]  # the first country is the lists' own (already asked)
    return terms


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_uncached_about(port: int, pid: int, terms: list[str]) -> list[dict]:
    """The first request of each ``about=`` term on the copy (nothing kept for it yet: the
    articles about it are worked out, report.scope.articles_about), its wall and the server's
    CPU time, then the same request again (kept)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    rows = []
    for term in terms:
        path = "/api/incidents?" + urlencode({"about": term})
        times = []
        cpu_before = cpu_seconds(pid)
        for _ in range(2):
            t0 = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            times.append((time.perf_counter() - t0) * 1000)
            if len(times) == 1:
                cpu_first = cpu_seconds(pid) - cpu_before
        rows.append({"path": path, "status": response.status, "cold_ms": round(times[0], 1),
                     "cold_server_cpu_ms": round(cpu_first * 1000, 1), "warm_ms": round(times[1], 1)})
        print(f"  about (uncached): {path} {rows[-1]['cold_ms']} ms", file=sys.stderr, flush=True)
    return rows


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def start_server(db: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    if "serving" not in line:
        raise SystemExit(f"the server did not start: {line}")
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", "/api/status")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not answer")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


class RequestFailed(Exception):
    """A timed request did not answer 200: the row is recorded as failed, the run goes on."""


def time_requests(port: int, path: str, repeats: int) -> list[float]:
    """Milliseconds of ``repeats`` requests after one warm-up; the warm-up's own time is
    kept first in the list (``cold``), the rest are the timed ones."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    times = []
    for _ in range(repeats + 1):
        t0 = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise RequestFailed(f"HTTP {response.status}: {body[:200].decode('utf-8', 'replace')}")
        times.append((time.perf_counter() - t0) * 1000)
    return times


def bare_connection(db: Path):
    """The baseline's DuckDB connection: the server's settings and summary tables."""
    import duckdb

    from sitrep.web import summaries
    from sitrep.web.snapshot import MEMORY_LIMIT, THREADS

    con = duckdb.connect(str(db))
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute(f"SET threads = {THREADS}")
    seconds = summaries.build(con)
    return con, round(seconds, 2)


def bare_duckdb(con, db: Path, calls, repeats: int) -> list[float]:
    """Milliseconds of the SQL the query layer sends for each call, run on DuckDB directly
    (``con`` from bare_connection). A query slower than SLOW_MS is timed 3 times instead of
    ``repeats``."""
    from sitrep.web.snapshot import ReadStore

    recorded: list[tuple[str, list]] = []

    class Recorder(ReadStore):
        def rows(self, sql, params=None):
            recorded.append((sql, list(params or [])))
            return super().rows(sql, params)

    out = []
    for call in calls:
        recorded.clear()
        call(Recorder(con.cursor(), db, None))
        queries = list(recorded)
        times = []
        for _ in range(repeats + 1):
            t0 = time.perf_counter()
            for sql, params in queries:
                con.execute(sql, params).fetchall()
            times.append((time.perf_counter() - t0) * 1000)
            if len(times) == 1 and times[0] > SLOW_MS:
                repeats = min(repeats, 3)
        out.append(times[1:])
    return out


def first_render(port: int, paths: list[str]) -> dict[str, dict[str, float]]:
    from web_helpers import browser_page

    out = {}
    with browser_page() as page:
        page.goto(f"http://127.0.0.1:{port}/api/status")  # the browser itself is warm
        for path in paths:
            response = page.goto(f"http://127.0.0.1:{port}{path}", wait_until="load", timeout=180_000)
            # a page whose aggregates were not ready is sent without them; app.js fills its
            # panels from /api/ after the load event: "panels" is when the last one is drawn
            page.wait_for_function("() => !document.querySelector('[data-panel][aria-busy=\"true\"]')",
                                   timeout=180_000, polling=20)
            panels_at = page.evaluate("() => performance.now()")
            deferred = page.evaluate("() => document.querySelectorAll('[data-panel]').length")
            page.wait_for_timeout(300)  # paint entries are queued after the load event
            timing = page.evaluate("""() => {
                const nav = performance.getEntriesByType('navigation')[0];
                const fcp = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
                return {ttfb: nav.responseStart, fcp: fcp ? fcp.startTime : null,
                        dom_ready: nav.domContentLoadedEventEnd, load: nav.loadEventEnd};
            }""")
            timing["panels"] = panels_at if deferred else None
            out[path] = {k: round(v, 1) if v is not None else None for k, v in timing.items()}
            if response is None or response.status != 200:
                out[path]["error"] = f"HTTP {response.status if response else '?'}"
    return out


def run(args) -> dict:
    from sitrep.web import data
    from sitrep.web.filters import EVENT_SORTS, Filters

    load_start = round(os.getloadavg()[0], 1)
    work = Path(tempfile.mkdtemp(prefix="sitrep-webbench-"))
    try:
        served, bare = work / "served.duckdb", work / "bare.duckdb"
        for target in (served, bare):
            shutil.copyfile(args.db, target)
            if Path(str(args.db) + ".wal").exists():
                shutil.copyfile(str(args.db) + ".wal", str(target) + ".wal")
        import duckdb

        from sitrep.corpus.store import Store
        with Store(bare):  # the same migrations as the server's copy
            pass
        con = duckdb.connect(str(bare), read_only=True)
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "incidents")}
        country = con.execute("SELECT source_country FROM events WHERE source_country IS NOT NULL "
                              "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        actor = con.execute("SELECT source_name FROM events WHERE source_name IS NOT NULL "
                            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        lo, hi = con.execute("SELECT quantile_cont(pub_date::TIMESTAMP, 0.5)::DATE, max(pub_date) FROM articles").fetchone()
        top = [r[0] for r in con.execute("SELECT incident_id FROM incidents ORDER BY n_sources DESC, incident_id "
                                         f"LIMIT {args.incidents}").fetchall()]
        terms = about_terms(con)
        con.close()
        lists = filtered_lists(country, actor, lo.isoformat(), hi.isoformat())
        bare_con, summary_seconds = bare_connection(bare)
        baseline = (bare_con, bare)

        from sitrep.web.commands import free_port
        port = free_port()
        proc = start_server(served, port)
        try:
            rows = []
            for endpoint, query in lists:
                path = endpoint + ("?" + urlencode(query) if query else "")
                sorts = EVENT_SORTS if endpoint == "/api/events" else None
                f = Filters.parse(({"sort": "date"} if sorts else {}) | query, *([sorts] if sorts else []))
                call = (lambda s, f=f: data.list_events(s, f)) if sorts else (lambda s, f=f: data.list_incidents(s, f))
                rows.append(measure("list", path, call, port, baseline, args.repeats))
            for iid in top:
                call = lambda s, i=iid: data.incident(s, i)  # noqa: E731
                rows.append(measure("incident", f"/api/incidents/{iid}", call, port, baseline, args.repeats))
                rows.append(measure("incident page", f"/incidents/{iid}", call, port, baseline, args.repeats))
            uncached = time_uncached_about(port, proc.pid, terms)
            # the default Overview, Map and Actors are worked out when the copy is made; the
            # filtered ones are first computed by the request, so they are timed too
            pages = ["/", "/incidents", f"/incidents?about={country}", "/map", "/actors", "/export", "/live",
                     f"/incidents/{top[0]}", f"/?about={country}", "/map?type=ASSAULT", f"/actors?about={country}"]
            render = first_render(port, pages) if not args.no_browser else {}
            peak = peak_rss_mb(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            bare_con.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    api_rows = [r for r in rows if r["kind"] in ("list", "incident")]
    summary = {
        "api_p95_ms_worst": _worst(r["api_p95_ms"] for r in api_rows),
        "api_p95_ms_lists_worst": _worst(r["api_p95_ms"] for r in rows if r["kind"] == "list"),
        "api_p95_ms_incidents_worst": _worst(r["api_p95_ms"] for r in rows if r["kind"] == "incident"),
        "cold_ms_worst": _worst(r["cold_ms"] for r in api_rows),
        "failed_requests": [r["path"] for r in rows if r.get("error")],
        "ratio_to_bare_duckdb_median": round(statistics.median(r["ratio_p50"] for r in api_rows if r["ratio_p50"]), 2),
        "first_render_ms_worst": _worst(v["load"] for v in render.values()),
        "deferred_panels_ms_worst": _worst(v["panels"] for v in render.values() if v.get("panels") is not None),
        "server_peak_mb": peak,
        "about_uncached_ms_p50": _median(r["cold_ms"] for r in uncached),
        "about_uncached_ms_worst": _worst(r["cold_ms"] for r in uncached),
        "about_uncached_server_cpu_ms_p50": _median(r["cold_server_cpu_ms"] for r in uncached),
        "about_uncached_server_cpu_ms_worst": _worst(r["cold_server_cpu_ms"] for r in uncached),
        "about_kept_ms_p50": _median(r["warm_ms"] for r in uncached),
    }
    commit = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                            text=True).stdout.strip() or None
    return {"name": args.name, "store": str(args.db), "commit": commit, "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": {"cores": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 1),
                        "load_average_1min_start": load_start, "python": platform.python_version(), "platform": platform.platform()},
            "store_counts": counts, "summary_tables_s": summary_seconds, "repeats": args.repeats, "targets": TARGETS, "summary": summary,
            "requests": rows, "about_uncached": uncached, "first_render": render}


def measure(kind: str, path: str, call, port: int, bare, repeats: int) -> dict:
    """One row: the server's answer times for ``path`` and the bare DuckDB time of the SQL
    that ``call`` sends. A failed request is recorded with its error, not fatal."""
    print(f"  {kind}: {path}", file=sys.stderr, flush=True)
    try:
        api = time_requests(port, path, repeats)
    except RequestFailed as exc:
        return {"kind": kind, "path": path, "error": str(exc), "api_p50_ms": None, "api_p95_ms": None,
                "cold_ms": None, "duckdb_p50_ms": None, "ratio_p50": None}
    base = bare_duckdb(bare[0], bare[1], [call], repeats)[0]
    return _row(kind, path, api, base)


def _row(kind: str, path: str, api: list[float], base: list[float]) -> dict:
    cold, api = api[0], api[1:]
    api_p50, base_p50 = statistics.median(api), statistics.median(base)
    return {"kind": kind, "path": path, "cold_ms": round(cold, 1), "api_p50_ms": round(api_p50, 1),
            "api_p95_ms": round(percentile(api, 0.95), 1), "duckdb_p50_ms": round(base_p50, 1),
            "ratio_p50": round(api_p50 / base_p50, 2) if base_p50 else None}


def _worst(values) -> float | None:
    """The largest of the measured values; a failed request (None) counts as unmeasured."""
    values = [v for v in values if v is not None]
    return max(values) if values else None


def _median(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 1) if values else None


def render_markdown(result: dict) -> str:
    s, t, m = result["summary"], result["targets"], result["machine"]
    failed = {r["path"]: r["error"] for r in result["requests"] if r.get("error")}

    def ok(value, limit, kinds=()):
        broken = [r for r in result["requests"] if r.get("error") and r["kind"] in kinds]
        if broken:
            return f"NOT met ({len(broken)} failed)"
        return "met" if value is not None and value <= limit else "NOT met"

    load = (f"load average {m.get('load_average_1min_start')} at the start and {m.get('load_average_1min')} at "
            "the end" if m.get("load_average_1min_start") is not None else
            f"load average {m.get('load_average_1min')} at the end")
    lines = [BEGIN, f"## Web dashboard: `sitrep serve` on {result['name']} (bench/bench_web.py)", "",
             f"Measured {result['date']} on {m['cores']} cores ({load}: the machine is shared, so read the "
             f"ratios first), Python {m['python']}; "
             f"store: {result['store_counts']['articles']} articles, {result['store_counts']['events']} events, "
             f"{result['store_counts']['incidents']} incidents; "
             + (f"the summary tables took {result['summary_tables_s']} s to build in the baseline; "
                if result.get("summary_tables_s") is not None else "")
             + f"{result['repeats']} timed requests per row after "
             "one warm-up (its time is the cold column), over one keep-alive connection. Result: "
             f"`bench/results/web-{result['name']}.json`"
             + (f"; code at {result['commit']}" if result.get("commit") else "")
             + (f" ({result['note']})" if result.get("note") else "") + ".", "",
             "| target | measured | |", "|---|---|---|",
             f"| API p95 ≤ {t['api_p95_ms']} ms, filtered lists | {s['api_p95_ms_lists_worst']} ms (worst list) | "
             f"{ok(s['api_p95_ms_lists_worst'], t['api_p95_ms'], ('list',))} |",
             f"| API p95 ≤ {t['api_p95_ms']} ms, incident pages | {s['api_p95_ms_incidents_worst']} ms (worst incident) | "
             f"{ok(s['api_p95_ms_incidents_worst'], t['api_p95_ms'], ('incident', 'incident page'))} |",
             (f"| first render ≤ {t['first_render_ms']} ms per page (headless Chromium, load event) | "
              f"{s['first_render_ms_worst']} ms (worst page) | {ok(s['first_render_ms_worst'], t['first_render_ms'])} |"
              if result["first_render"] else
              f"| first render ≤ {t['first_render_ms']} ms per page (headless Chromium, load event) | "
              "not measured (run without a browser) | |"),
             *([f"| (deferred panels drawn from /api/ after the load event, not a target) | "
                f"{s['deferred_panels_ms_worst']} ms (worst page) | |"] if s.get("deferred_panels_ms_worst") else []),
             f"| server memory ≤ {t['server_peak_mb']} MB (peak RSS) | {s['server_peak_mb']} MB | "
             f"{ok(s['server_peak_mb'], t['server_peak_mb'])} |",
             f"| API latency / bare DuckDB query (median of rows, p50s) | {s['ratio_to_bare_duckdb_median']}× | |",
             *([f"| API p95 ≤ {t['api_p95_ms']} ms, first request of an `about=` term (nothing kept yet; "
                f"{len(result['about_uncached'])} terms) | median {s['about_uncached_ms_p50']} ms, worst "
                f"{s['about_uncached_ms_worst']} ms; server CPU median {s['about_uncached_server_cpu_ms_p50']} ms, "
                f"worst {s['about_uncached_server_cpu_ms_worst']} ms; again (kept) median {s['about_kept_ms_p50']} ms | "
                f"{ok(s['about_uncached_ms_worst'], t['api_p95_ms'])} |"] if result.get("about_uncached") else []), "",
             "| kind | request | cold ms | API p50 ms | API p95 ms | bare DuckDB p50 ms | ratio |",
             "|---|---|---|---|---|---|---|"]
    for r in result["requests"]:
        if r.get("error"):
            lines.append(f"| {r['kind']} | `{r['path']}` | failed: {r['error'][:80]} | | | | |")
            continue
        lines.append(f"| {r['kind']} | `{r['path']}` | {r.get('cold_ms', '')} | {r['api_p50_ms']} | {r['api_p95_ms']} | "
                     f"{r['duckdb_p50_ms']} | {r['ratio_p50']} |")
    if result["first_render"]:
        lines += ["", "| page | server answer (TTFB) ms | first contentful paint ms | DOM ready ms | load ms | "
                  "deferred panels drawn ms |", "|---|---|---|---|---|---|"]
        for path, v in result["first_render"].items():
            note = f" ({v['error']})" if v.get("error") else ""
            panels = v.get("panels")
            lines.append(f"| `{path}` | {v.get('ttfb', '')} | {v['fcp']} | {v['dom_ready']} | {v['load']}{note} | "
                         f"{round(panels, 1) if panels is not None else '—'} |")
    if failed:
        lines += ["", "Failed requests: " + "; ".join(f"`{p}`: {e[:160]}" for p, e in failed.items())]
    lines.append(END)
    return "\n".join(lines)


def render_into(doc: Path, results: list[dict]) -> None:
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# sitrep performance\n"
    section = "\n\n".join(render_markdown(r) for r in results)
    if BEGIN in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.rsplit(END, 1)[1]
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    doc.write_text(text, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="the store to benchmark (copied first)")
    ap.add_argument("--name", default="store", help="name of the result (bench/results/web-NAME.json)")
    ap.add_argument("--repeats", type=int, default=40)
    ap.add_argument("--incidents", type=int, default=5, help="incident pages timed (the best-sourced)")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--note", help="a note printed with the result (e.g. which code a before-run measured)")
    ap.add_argument("--render", metavar="DOC", help="write the web section of DOC from bench/results/web-*.json")
    args = ap.parse_args()
    if args.render:
        results = [json.loads(p.read_text()) for p in sorted(RESULTS.glob("web-*.json"))]
        render_into(Path(args.render), results)
        return 0
    if not args.db or not Path(args.db).exists():
        print(f"no store at {args.db}; pass --db", file=sys.stderr)
        return 2
    result = run(args)
    if args.note:
        result["note"] = args.note
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"web-{args.name}.json"
    out.write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
    print(render_markdown(result))
    print(f"written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
