"""Peak memory of the coordinating process of an ingest, for the allsides-intl corpus and for
a corpus five times its size (the corpus replicated with shifted dates).

    python bench/bench_coordinator.py --source COPY_OF_THE_ALLSIDES_STORE.duckdb [--copies 1,5]

On a cluster the coordinating process does not analyse: it reads the inputs, drops exact
duplicates, receives each chunk's analysed documents, links near-duplicates, writes the
store and links incidents. This benchmark runs exactly that code (sitrep.corpus.ingest)
with the analysis replayed: each chunk's documents are taken from a store that already
holds the corpus analysed (read a chunk at a time, never all at once), so 20,000
articles cost minutes, not hours of spaCy. Copy k of an article has its id, URL and text
marked with k (so it is new text, stored as a near-duplicate of the original) and its
publication and event dates moved 9*k years later (so incidents are linked in their
own period, as in a corpus that keeps growing). Each size runs in its own process; its
peak RSS is that process's, read after the store writes and again after incident linking
(so the step that sets the peak is known). Beside each size, a bare-DuckDB baseline runs
in a process of its own: the same input file loaded into one DuckDB table with DuckDB's
own JSON reader (the least a process that stores these articles in DuckDB needs); the
coordinator's peak is reported as a ratio to it. Results:
bench/results/coordinator-memory.json.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from bench_common import peak_rss_mb  # noqa: E402  (bench/ is the script's own folder, on sys.path)
YEARS_PER_COPY = 9
_YEAR = re.compile(r"^(\d{4})(?=-|$|W)")


def shift(value, years: int):
    """An ISO value (2019-05-01, 2019-W12, 2019) moved ``years`` later; other values as they are."""
    if not isinstance(value, str) or not years:
        return value
    out = _YEAR.sub(lambda m: str(int(m.group(1)) + years), value)
    return out.replace("-02-29", "-02-28") if out != value else value


def write_inputs(source: Path, copies: int, path: Path, limit: int | None = None) -> list[str]:
    """The input file of ``copies`` copies of the source's articles (the first ``limit``
    of each copy); returns the original ids in the order of one copy."""
    from sitrep.corpus.store import Store

    with Store(source, read_only=True) as store, path.open("w", encoding="utf-8") as f:
        rows = store.con.execute("SELECT article_id, text, title, published, outlet, url FROM articles "
                                 "WHERE text IS NOT NULL ORDER BY pub_date NULLS LAST, article_id").fetchall()
        rows = rows[:limit] if limit else rows
        for k in range(copies):
            for aid, text, title, published, outlet, url in rows:
                f.write(json.dumps({"id": aid if k == 0 else f"{aid}~r{k}",
                                    "text": text if k == 0 else f"{text}\n\n[replica {k}]",
                                    "title": title, "published": shift(published, YEARS_PER_COPY * k),
                                    "source": outlet, "url": (url + f"#r{k}") if (url and k) else url}) + "\n")
    return [row[0] for row in rows]


class Replay:
    """An executor (sitrep.run.executor's protocol) that analyses nothing: each article's
    document comes from ``source``, moved to the article's copy.

    The source documents are read ``PREFETCH`` at a time in the order the inputs were
    written (``order``: the original ids), about what a real coordinator holds in results
    in flight (2 workers x 3 chunks x 4 articles): one query per chunk of 4 cost 0.4 s
    (a scan of the source's articles under the 64 MB limit), which made 20,000 articles a
    run of hours."""

    workers = 1
    PREFETCH = 32

    def __init__(self, source: Path, order: list[str]):
        import duckdb

        from sitrep.corpus.store import Store

        self.src = Store.__new__(Store)  # a plain read-only reader of the source store's documents
        self.src._con = duckdb.connect(str(source), read_only=True)
        # it stands in for the workers: its reads must not count as the coordinator's memory
        # (DuckDB would keep every block it read of the source in its buffer pool)
        self.src._con.execute("SET memory_limit = '64MB'")
        self.src._pending, self.src._pending_keys, self.src._writer_lock = {}, set(), None
        self.order = order
        self.position = {aid: i for i, aid in enumerate(order)}
        self.cache: dict[str, dict] = {}
        self.done = 0  # articles replayed so far (read by the memory sampler)
        #: seconds spent standing in for the workers (reading the source, MinHash): not
        #: the coordinator's work, subtracted for its own rate
        self.seconds = 0.0

    def _document(self, original: str) -> dict:
        """A fresh dict of the original's document (each is used once per copy)."""
        if original not in self.cache:
            start = self.position[original]
            self.cache = self.src.documents(self.order[start:start + self.PREFETCH])
        return self.cache.pop(original)

    def map(self, task, chunks):
        from sitrep.corpus.dedup import signature
        from sitrep.model import document_from_dict
        from sitrep.run.tasks import Analysed

        for chunk in chunks:
            started = time.perf_counter()
            out = []
            for article in chunk:
                original = article.id.split("~r")[0]
                doc = self._document(original)
                k = int(article.id.split("~r")[1]) if "~r" in article.id else 0
                years = YEARS_PER_COPY * k
                doc["article"].update(id=article.id, text=article.text, url=article.url, published=article.published,
                                      meta=dict(article.meta))
                for layer in ("times",):
                    for t in doc.get(layer) or []:
                        t["value"] = shift(t.get("value"), years)
                for e in doc.get("events") or []:
                    e["id"] = f"{article.id}:{e['id'].rsplit(':', 1)[-1]}" if ":" in str(e["id"]) else e["id"]
                    if e.get("date"):
                        e["date"]["value"] = shift(e["date"].get("value"), years)
                out.append(Analysed(document_from_dict(doc), signature(article.text)))
            self.done += len(out)
            self.seconds += time.perf_counter() - started
            yield out

    def close(self) -> None:
        self.src.close()


class Sampler:
    """Every ``every`` seconds, one line of the process's current and peak RSS with the
    articles replayed so far and the step under way, appended to ``path``: a run stopped
    early still shows how memory grew with the corpus."""

    def __init__(self, path: Path, replay: "Replay", every: float = 20.0):
        import threading

        self.path, self.replay, self.every = path, replay, every
        self.step = "store writes"
        self.highest = 0.0  # the highest current RSS sampled (VmHWM is reset under --trace)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
        self.started = time.perf_counter()
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.sample()

    def sample(self) -> None:
        rss = current_rss_mb()
        self.highest = max(self.highest, rss)
        line = {"seconds": round(time.perf_counter() - self.started, 1), "step": self.step,
                "articles_replayed": self.replay.done, "rss_mb": rss, "peak_rss_mb": peak_rss_mb(),
                "load": round(os.getloadavg()[0], 2)}
        with self.path.open("a", encoding="utf-8") as f:
            f.write(json.dumps(line) + "\n")

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


def current_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


class Tracer:
    """--trace: which step of the store writes sets the peak. Before each traced step the
    kernel's peak-RSS mark (VmHWM) is reset (``5`` to /proc/self/clear_refs) and read
    after it, so each step's own peak is known (and the time between steps is a step of
    its own, "other"); every step whose peak rose ``min_rise`` MB above the RSS it started
    at is one line of ``path``, with DuckDB's own account of its memory before the step
    (duckdb_memory() by tag, pragma database_size) when the writer's connection is open.
    The run's peak is the highest of the steps' peaks (``peak``)."""

    def __init__(self, path: Path, replay: "Replay", min_rise: float = 15.0):
        self.path, self.replay, self.min_rise = path, replay, min_rise
        self.peak = peak_rss_mb()
        self.steps: dict[str, list] = {}  # step -> [count, seconds, highest rise]
        self.depth = 0
        self.store = None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
        self._reset()

    @staticmethod
    def _reset() -> None:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")

    def _duckdb_memory(self) -> dict:
        con = getattr(self.store, "_con", None) if self.store is not None else None
        if con is None:
            return {}
        try:
            tags = con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory() "
                               "WHERE memory_usage_bytes > 0").fetchall()
            size = con.execute("SELECT memory_usage, wal_size, total_blocks FROM pragma_database_size()").fetchone()
        except Exception as exc:  # noqa: BLE001 - a diagnosis must not stop the run
            return {"error": str(exc)[:80]}
        return {"duckdb_memory_mb": {t: round(b / 2**20, 1) for t, b in tags},
                "database_size": {"memory_usage": size[0], "wal_size": size[1], "total_blocks": size[2]}}

    def wrap(self, owner, name: str, label: str) -> None:
        original = getattr(owner, name)
        tracer = self

        def traced(*args, **kwargs):
            if tracer.depth:  # inside a traced step: counted there
                return original(*args, **kwargs)
            tracer.close_step("other")
            duck = tracer._duckdb_memory() if label == "release" else {}
            before = current_rss_mb()
            started = time.perf_counter()
            tracer.depth += 1
            try:
                return original(*args, **kwargs)
            finally:
                tracer.depth -= 1
                tracer.close_step(label, before, time.perf_counter() - started, duck)

        setattr(owner, name, traced)

    def close_step(self, label: str, before: Optional[float] = None, seconds: float = 0.0,
                   duck: Optional[dict] = None) -> None:
        """Read the peak of the step just ended, record it, reset the mark for the next."""
        high = peak_rss_mb()
        self.peak = max(self.peak, high)
        before = current_rss_mb() if before is None else before
        rise = high - before
        count = self.steps.setdefault(label, [0, 0.0, 0.0])
        count[0] += 1
        count[1] += seconds
        count[2] = max(count[2], rise)
        if rise >= self.min_rise:
            line = {"step": label, "articles_replayed": self.replay.done, "seconds": round(seconds, 3),
                    "rss_before_mb": before, "peak_mb": high, "rise_mb": round(rise, 1),
                    "rss_after_mb": current_rss_mb(), **(duck or {})}
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(line) + "\n")
        self._reset()

    def summary(self) -> dict:
        self.close_step("other")
        return {"peak_rss_mb": self.peak,
                "steps": {k: {"count": c, "seconds": round(s, 1), "highest_rise_mb": round(r, 1)}
                          for k, (c, s, r) in sorted(self.steps.items())}}


def trace_store_steps(tracer: Tracer, replay: "Replay") -> None:
    """Wrap the coordinator's store steps (and the replay's reads) for ``tracer``."""
    from sitrep.corpus import ingest as ingest_module
    from sitrep.corpus.store import Store

    tracer.wrap(Store, "flush", "flush (bulk inserts)")
    tracer.wrap(Store, "find_by_keys", "find_by_keys")
    tracer.wrap(Store, "release", "release")  # close: DuckDB checkpoints the WAL into the file
    tracer.wrap(Store, "_connect", "connect")
    tracer.wrap(Store, "add_document", "add_document (to_dict, JSON, zlib)")
    tracer.wrap(Store, "replace_article", "replace_article")
    tracer.wrap(ingest_module.IngestRun, "receive", "receive")
    tracer.wrap(replay, "_document", "replay read")


def one_size(source: Path, copies: int, keep: Path | None = None, limit: int | None = None,
             sample_every: float = 20.0, trace: bool = False, name: str = "coordinator") -> dict:
    from sitrep.corpus import ingest as ingest_module
    from sitrep.corpus.store import Store

    folder = Path(tempfile.mkdtemp(prefix=f"bench-coord-{copies}-"))
    inputs = folder / "inputs.jsonl"
    order = write_inputs(source, copies, inputs, limit)
    n = len(order) * copies
    replay = Replay(source, order)
    tag = f"{copies}x{'-limit' + str(limit) if limit else ''}"
    sampler = Sampler(ROOT / "bench" / "results" / f"{name}-rss-{tag}.jsonl", replay, sample_every)
    tracer = None
    if trace:
        tracer = Tracer(ROOT / "bench" / "results" / f"{name}-trace-{tag}.jsonl", replay)
        trace_store_steps(tracer, replay)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with Store(folder / "s.duckdb") as store:
        if tracer is not None:
            tracer.store = store
        summary = ingest_module.ingest([str(inputs)], store, workers=1, progress=True, executor=replay,
                                       recluster=False)
        replay.close()
        peak_store = tracer.summary()["peak_rss_mb"] if tracer else peak_rss_mb()
        sampler.step = "incident linking"
        linking = time.perf_counter()
        from sitrep.corpus.incidents import update_incidents

        summary.incidents = update_incidents(store)
        linking = time.perf_counter() - linking
        # the writer's DuckDB memory limit ($SITREP_STORE_MEMORY, else DuckDB's 80% of RAM)
        memory_limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    sampler.stop()
    seconds = time.perf_counter() - started
    traced = tracer.summary() if tracer else None
    size = (folder / "s.duckdb").stat().st_size
    if keep is not None:  # the linked store, for bench_incidents.py --linked
        keep.parent.mkdir(parents=True, exist_ok=True)
        (folder / "s.duckdb").replace(keep)
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    return {"copies": copies, "inputs": n, "ingested": summary.ingested, "near_duplicates": summary.near_duplicates,
            "events": summary.events, "incidents": summary.incidents, "seconds": round(seconds, 1),
            "incident_seconds": round(linking, 1), "store_mb": round(size / 1e6, 1),
            # the coordinator's own time (store writes, near-duplicates, incidents) without
            # the replay's stand-in for the workers, and its rate: what caps a cluster
            "replay_seconds": round(replay.seconds, 1),
            "coordinator_seconds": round(seconds - replay.seconds, 1),
            "coordinator_articles_per_s": round(n / (seconds - replay.seconds), 2) if seconds > replay.seconds else None,
            "store_release_every_seconds": store_release_every(),
            "writer_memory_limit": memory_limit,
            "peak_rss_mb_after_store_writes": peak_store,
            "peak_rss_mb": max(traced["peak_rss_mb"], sampler.highest) if traced else peak_rss_mb(),
            **({"trace": traced} if traced else {}),
            "load_before": round(load_before, 2), "load_after": round(os.getloadavg()[0], 2)}


def store_release_every() -> float:
    from sitrep.corpus.store import release_seconds
    return release_seconds()


def bare_duckdb(source: Path, copies: int, limit: int | None = None) -> dict:
    """The baseline: the same inputs loaded into one DuckDB table by DuckDB alone."""
    import duckdb

    folder = Path(tempfile.mkdtemp(prefix=f"bench-bare-{copies}-"))
    inputs = folder / "inputs.jsonl"
    write_inputs(source, copies, inputs, limit)
    before = peak_rss_mb()  # the input file is written by this process before DuckDB starts
    con = duckdb.connect(str(folder / "bare.duckdb"))
    con.execute("CREATE TABLE articles AS SELECT * FROM read_json_auto(?, format = 'newline_delimited')",
                [str(inputs)])
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    return {"copies": copies, "rows": n, "peak_rss_mb": peak_rss_mb(), "peak_rss_mb_before_duckdb": before}


def _in_process(source: Path, flag: str, copies: int, keep: Path | None = None, limit: int | None = None,
                more: tuple[str, ...] = ()) -> dict:
    extra = (["--keep", str(keep)] if keep else []) + (["--limit", str(limit)] if limit else []) + list(more)
    # the child's progress lines (stderr) go to ours: a 20,000-article run takes a while
    out = subprocess.run([sys.executable, __file__, "--source", str(source), flag, str(copies), *extra],
                         check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, help="a copy of a store holding the analysed corpus")
    ap.add_argument("--copies", default="1,5")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--bare", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--keep", type=Path, help="keep the store of the smallest size here (a linked copy of the corpus)")
    ap.add_argument("--limit", type=int, help="only the first N articles of the source (a quick try of the bench)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the bare-DuckDB baseline")
    ap.add_argument("--sample-seconds", type=float, default=20.0, help="RSS sampling interval (default 20)")
    ap.add_argument("--trace", action="store_true",
                    help="record each store step's own peak (bench/results/coordinator-trace-<copies>x.jsonl)")
    ap.add_argument("--name", default="coordinator-memory",
                    help="result file name without .json; the RSS samples and the trace go to NAME-rss-<copies>x.jsonl "
                         "and NAME-trace-<copies>x.jsonl (default: coordinator-rss-..., coordinator-trace-...)")
    args = ap.parse_args()
    if not args.source or not args.source.exists():
        print("pass --source with a copy of a store holding the analysed corpus", file=sys.stderr)
        return 2
    if args.one:
        files = "coordinator" if args.name == "coordinator-memory" else args.name
        print(json.dumps(one_size(args.source, args.one, args.keep, args.limit, args.sample_seconds, args.trace, files)))
        return 0
    if args.bare:
        print(json.dumps(bare_duckdb(args.source, args.bare, args.limit)))
        return 0
    runs = []
    for n, copies in enumerate(int(c) for c in args.copies.split(",")):
        more = ("--sample-seconds", str(args.sample_seconds), "--name", args.name) + (("--trace",) if args.trace else ())
        run = _in_process(args.source, "--one", copies, args.keep if n == 0 else None, args.limit, more)
        if not args.no_baseline:
            run["bare_duckdb"] = _in_process(args.source, "--bare", copies, limit=args.limit)
            run["ratio_to_bare_duckdb"] = round(run["peak_rss_mb"] / run["bare_duckdb"]["peak_rss_mb"], 2)
        runs.append(run)
        print(runs[-1], file=sys.stderr)
    summary = {"benchmark": "coordinating process peak memory (analysis replayed)", "source": str(args.source),
               "runs": runs}
    if len(runs) > 1:
        summary["ratio_peak_rss_largest_to_smallest"] = round(runs[-1]["peak_rss_mb"] / runs[0]["peak_rss_mb"], 3)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{args.name}.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
