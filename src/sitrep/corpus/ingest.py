"""`sitrep ingest`: inputs -> reader -> pipeline (process pool) -> store, in batches.

The parent process reads inputs, drops exact duplicates before any analysis (content
hash), hands chunks of articles to the workers and commits their results in batches of
``batch_size`` articles (one transaction each), so an interruption loses at most the
batch not yet committed and a re-run skips everything already stored. Incidents are
re-computed from all stored events at the end of each ingest (see incidents.py).
"""
from __future__ import annotations

import json
import re
import signal
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from sitrep.corpus.dbfile import is_storage_failure
from sitrep.corpus.dedup import LSHIndex
from sitrep.corpus.store import Store, content_hash
from sitrep.errors import InputError
from sitrep.model import Article
from sitrep.run.executor import default_workers, run_chunks
from sitrep.run.progress import Progress

#: bodies longer than this are skipped as ``too_large`` (transcripts, dumps)
MAX_CHARS = 400_000
#: articles below which one more worker process does not pay for its start-up
SMALL_INPUT_PER_WORKER = 40


@dataclass
class IngestSummary:
    inputs_read: int = 0
    ingested: int = 0
    unchanged: int = 0  # already stored (same id, same text): a re-run
    duplicates: int = 0  # same text as another stored article
    near_duplicates: int = 0  # stored, linked to an earlier near-identical article
    updated: int = 0  # new text for a stored URL / id: replaced, old version kept
    skipped: Counter = field(default_factory=Counter)
    events: int = 0
    incidents: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    #: seconds per pipeline stage summed over stored articles (worker time), and the
    #: parent's time writing to the store
    stage_seconds: Counter = field(default_factory=Counter)

    @property
    def articles_per_s(self) -> float:
        return self.ingested / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["skipped"] = dict(self.skipped)
        d["stage_seconds"] = {k: round(v, 2) for k, v in self.stage_seconds.most_common()}
        d["articles_per_s"] = round(self.articles_per_s, 2)
        d["seconds"] = round(self.seconds, 2)
        return d

    def lines(self) -> list[str]:
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items())) or "none"
        return [
            f"ingested {self.ingested} articles ({self.events} events) in {self.seconds:.1f} s, "
            f"{self.articles_per_s:.1f} articles/s",
            f"updated {self.updated}, already stored {self.unchanged}, exact duplicates {self.duplicates}, "
            f"near-duplicates linked {self.near_duplicates}",
            f"skipped: {skipped}",
            f"incidents: {self.incidents}" + ("  (interrupted: re-run to continue)" if self.interrupted else ""),
        ]


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during an ingest, after the work in hand was committed; carries the summary."""

    def __init__(self, summary: "IngestSummary"):
        super().__init__("ingest interrupted")
        self.summary = summary


# -- reading ------------------------------------------------------------------------------

def _read_sources(paths: list[str], published: Optional[str], limits=None) -> Iterator[tuple[str, Any]]:
    """(origin, articles or InputError) per input, through the team's reader
    (sitrep.read.iter_inputs) when present, else a minimal built-in one."""
    try:
        from sitrep.read import iter_inputs  # type: ignore[attr-defined]
    except ImportError:
        iter_inputs = None
    paths = _expand_url_lists(paths)
    if iter_inputs is not None:
        yield from iter_inputs(paths, published=published, limits=limits)
        return
    for source in _fallback_iter_inputs(paths):
        try:
            articles, skips = _fallback_read(source, published)
        except InputError as exc:
            yield source, exc
            continue
        for s in skips:
            yield s.origin, s
        yield source, articles


def _expand_url_lists(paths: Iterable[str]) -> list[str]:
    """A .txt file whose every line is a URL (feeds.txt) stands for those URLs."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.suffix == ".txt" and path.is_file() and path.stat().st_size < 200_000:
            try:
                lines = [ln.strip() for ln in path.read_text(encoding="utf-8-sig").splitlines()]
            except (OSError, UnicodeDecodeError):
                lines = []
            urls = [ln for ln in lines if ln and not ln.startswith("#")]
            if urls and all(re.match(r"^https?://\S+$", u) for u in urls):
                out.extend(urls)
                continue
        out.append(p)
    return out


def estimate_total(paths: Iterable[str], limit_bytes: int = 200_000_000) -> Optional[int]:
    """A cheap count of the articles the inputs hold (JSONL lines, one per other file),
    for the progress bar's ETA; None when unknown (URLs, stdin) or too big to scan."""
    total, scanned = 0, 0
    for p in paths:
        path = Path(p)
        if re.match(r"^https?://", str(p)) or str(p) == "-" or not path.exists():
            return None
        files = [f for f in sorted(path.rglob("*")) if f.is_file() and not f.name.startswith(".")] \
            if path.is_dir() else [path]
        for f in files:
            if f.suffix in (".jsonl", ".ndjson"):
                scanned += f.stat().st_size
                if scanned > limit_bytes:
                    return None
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


def _fallback_iter_inputs(paths: Iterable[str]) -> Iterator[str]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield str(child)
        else:
            yield str(p)


def _fallback_read(source: str, published: Optional[str] = None) -> tuple[list[Article], list[InputError]]:
    path = Path(source)
    if not path.exists():
        raise InputError(source, "unreadable", "no such file")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError(source, "binary", "binary file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(source, "encoding", "not UTF-8") from None
    if path.suffix == ".jsonl":
        articles, skips = [], []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                articles.append(Article(
                    id=str(d.get("id") or f"{path.stem}-{n}"), text=d.get("text") or "", title=d.get("title"),
                    published=d.get("published") or published, source=d.get("source"), url=d.get("url"),
                    input_format="jsonl", origin=f"{source}:{n}"))
            except (ValueError, AttributeError) as exc:
                skips.append(InputError(f"{source}:{n}", "malformed", f"bad JSON line: {exc}"))
        return articles, skips
    return [Article(id=path.stem, text=text, published=published, input_format="text", origin=source)], []


def _skip_fields(skip: Any) -> tuple[str, str, str, Optional[str]]:
    """(origin, reason, detail, input_id) of a reader skip (InputError, tuple or dict)."""
    if isinstance(skip, (list, tuple)):
        origin, reason, detail = (list(skip) + ["", "", ""])[:3]
        return str(origin), reason or "unreadable", detail or "", None
    if isinstance(skip, dict):
        return (str(skip.get("origin") or ""), skip.get("reason") or "unreadable",
                skip.get("detail") or "", skip.get("id"))
    return (str(getattr(skip, "origin", "")), getattr(skip, "reason", "unreadable"),
            getattr(skip, "detail", str(skip)), None)


# -- the run --------------------------------------------------------------------------------

def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(paths: Iterable[str], store: Store, *, workers: Optional[int] = None, until: Optional[str] = None,
           published: Optional[str] = None, chunk_size: int = 4, batch_size: int = 16,
           commit_seconds: float = 3.0, progress: Optional[bool] = None, recluster: bool = True,
           max_chars: int = MAX_CHARS, sources: Optional[Iterable[tuple[str, Any]]] = None,
           limits=None, snippet: bool = False,
           engine: str = "local", scheduler: Optional[str] = None, shard_dir: Optional[str] = None) -> IngestSummary:
    """Ingest ``paths``, or ``sources`` -- (origin, articles or InputError) pairs read
    already, as ``sitrep watch`` has them after polling a feed -- into ``store``.

    ``limits`` (sitrep.read.limits.Limits): the size policy shared with extract.
    ``engine="dask"`` runs the pipeline on a Dask cluster (sitrep.run.dask_executor): a
    local one of ``workers`` processes, or the one at ``scheduler``."""
    paths = [str(p) for p in paths]
    if limits is not None:
        max_chars = limits.max_chars
    if not workers and engine == "local":
        # a worker costs seconds to start (spaCy and the tables load in each), so small
        # inputs run with fewer workers than cores; an explicit --workers is obeyed
        workers = default_workers()
        total = estimate_total(_expand_url_lists(list(paths)))
        if total is not None:
            workers = max(1, min(workers, total // SMALL_INPUT_PER_WORKER + 1))
    summary = IngestSummary()
    started = time.perf_counter()
    known = store.known_hashes()  # hash -> article id
    stored_ids = store.article_ids()
    recorded = {tuple(r) for r in store.con.execute(
        "SELECT coalesce(origin, ''), coalesce(input_id, ''), reason FROM skipped").fetchall()}
    lsh = LSHIndex()
    for aid, sig in store.signatures():
        lsh.add(aid, list(sig))
    bar = Progress(label="articles", enabled=progress)
    if bar.enabled:
        bar.total = estimate_total(_expand_url_lists(list(paths)))
    in_flight: dict[str, str] = {}  # hash -> article id, sent to workers, not yet stored
    pending_skips: list[tuple] = []
    pending_results: list[dict] = []

    def skip(origin: str, reason: str, detail: str, input_id: Optional[str] = None,
             stage: Optional[str] = None) -> None:
        summary.skipped[reason] += 1
        key = (origin or "", input_id or "", reason)
        if key not in recorded:  # a re-run does not record the same skip twice
            recorded.add(key)
            pending_skips.append((origin, reason, detail, input_id, stage))

    def articles() -> Iterator[Article]:
        inputs = iter(sources) if sources is not None else _read_sources(list(paths), published, limits)
        while True:
            try:
                origin, result = next(inputs)
            except StopIteration:
                break
            except Exception as exc:  # noqa: BLE001 - a reader bug must not abort the batch
                skip("?", "internal_error", f"reader: {exc!r}", None, "read")
                break
            if isinstance(result, BaseException):
                found, skips = [], [result]
            else:
                found = list(result)
                skips = found[0].meta.pop("skipped_in_file", []) if found else []
            for s in skips:
                origin, reason, detail, input_id = _skip_fields(s)
                skip(origin, reason, detail, input_id, "read")
                bar.update(1)
            for article in found:
                summary.inputs_read += 1
                text = article.text or ""
                if not text.strip():
                    skip(article.origin or article.id, "empty", "no text", article.id, "read")
                    bar.update(1)
                    continue
                if len(text) > max_chars:
                    skip(article.origin or article.id, "too_large", f"{len(text)} characters > {max_chars}",
                         article.id, "read")
                    bar.update(1)
                    continue
                h = content_hash(text)
                same = known.get(h) or in_flight.get(h)
                if same is not None:
                    if same == article.id:
                        summary.unchanged += 1
                    else:
                        summary.duplicates += 1
                        skip(article.origin or article.id, "duplicate", f"same text as {same}", article.id, "read")
                    bar.update(1)
                    continue
                in_flight[h] = article.id
                article.meta = dict(article.meta or {}, content_hash=h)
                if snippet:
                    article.meta["snippet"] = True  # --snippet: short texts are analysed
                yield article

    def commit() -> None:
        if not pending_results and not pending_skips:
            return
        t0 = time.perf_counter()
        counters = (summary.ingested, summary.events, summary.updated, summary.near_duplicates)
        try:
            with store.transaction():
                for origin, reason, detail, input_id, stage in pending_skips:
                    store.record_skip(origin, reason, detail, input_id=input_id, stage=stage)
                for res in pending_results:
                    _store_result(res)
        except Exception as exc:  # noqa: BLE001 - one unstorable document must not lose the batch
            if is_storage_failure(exc):  # a full disk is no article's fault: stop, keep what is committed
                raise
            (summary.ingested, summary.events, summary.updated, summary.near_duplicates) = counters
            for res in pending_results:
                _forget(res)
            with store.transaction():
                for origin, reason, detail, input_id, stage in pending_skips:
                    store.record_skip(origin, reason, detail, input_id=input_id, stage=stage)
            for res in pending_results:
                counters = (summary.ingested, summary.events, summary.updated, summary.near_duplicates)
                try:
                    with store.transaction():
                        _store_result(res)
                except Exception as exc:  # noqa: BLE001
                    (summary.ingested, summary.events, summary.updated, summary.near_duplicates) = counters
                    _forget(res)
                    a = res["doc"]["article"]
                    summary.skipped["internal_error"] += 1
                    with store.transaction():
                        store.record_skip(a.get("origin") or a["id"], "internal_error", f"{type(exc).__name__}: {exc}",
                                          input_id=a["id"], stage="store")
        pending_skips.clear()
        pending_results.clear()
        summary.stage_seconds["store (parent)"] += time.perf_counter() - t0

    def _forget(res: dict) -> None:
        """Undo the in-memory bookkeeping of a result whose transaction was rolled back."""
        a = res["doc"]["article"]
        h = (a.get("meta") or {}).get("content_hash")
        lsh.remove(a["id"])
        stored_ids.discard(a["id"])
        if h and known.get(h) == a["id"]:
            del known[h]
        in_flight.pop(h, None)

    def _store_result(res: dict) -> None:
        doc = res["doc"]
        a = doc["article"]
        h = a.get("meta", {}).get("content_hash") or content_hash(a.get("text") or "")
        version = 1
        single_file = a.get("origin") if a.get("input_format") in ("text", "html") else None
        previous = store.find_by_key(a.get("url"), a["id"], single_file)
        if previous:
            old_id, old_version = previous
            store.replace_article(old_id, a["id"])
            stored_ids.discard(old_id)
            lsh.remove(old_id)
            version = old_version + 1
            summary.updated += 1
        if a["id"] in stored_ids:  # the same id for different text under another URL
            n = 2
            while f"{a['id']}~{n}" in stored_ids:
                n += 1
            a["id"] = f"{a['id']}~{n}"
        duplicate_of, jac = None, None
        sig = res.get("signature")
        if sig:
            match = lsh.query(sig)
            if match:
                duplicate_of, jac = match
                summary.near_duplicates += 1
            lsh.add(a["id"], sig)
        store.add_document(doc, h, signature=sig, duplicate_of=duplicate_of, jaccard=jac,
                           version=version, until=until)
        stored_ids.add(a["id"])
        known[h] = a["id"]
        in_flight.pop(h, None)
        summary.ingested += 1
        summary.events += len(doc.get("events") or [])

    # Ctrl-C sets a flag checked between chunks: the batch in hand is committed and the
    # run stops cleanly (an interrupt inside a DuckDB query would abort the query instead).
    # A second Ctrl-C interrupts at once.
    stop = {"requested": False}
    previous_handler = None
    if threading.current_thread() is threading.main_thread():
        def on_interrupt(signum, frame):
            stop["requested"] = True
            signal.signal(signal.SIGINT, signal.default_int_handler)
        previous_handler = signal.signal(signal.SIGINT, on_interrupt)

    last_commit = time.perf_counter()
    executor = None
    if engine == "dask":
        from sitrep.run.dask_executor import AnalyseChunk, DaskExecutor
        executor = DaskExecutor(workers=workers, scheduler=scheduler, shard_dir=shard_dir)
        results = executor.map(AnalyseChunk(until), _chunks(articles(), chunk_size))
    else:
        results = run_chunks(_chunks(articles(), chunk_size), workers, until)
    try:
        for chunk_results in results:
            for res in chunk_results:
                if res["ok"]:
                    pending_results.append(res)
                    summary.stage_seconds.update(res.get("timings") or {})
                else:
                    skip(res["origin"], res["reason"], res["detail"], res["article_id"], res["stage"])
                    # a copy of a refused article met later is refused on its own, not as a duplicate
                    for h in [h for h, aid in in_flight.items() if aid == res["article_id"]]:
                        del in_flight[h]
            bar.update(len(chunk_results))
            if stop["requested"]:
                break
            if len(pending_results) >= batch_size or time.perf_counter() - last_commit > commit_seconds:
                commit()
                last_commit = time.perf_counter()
        commit()
    except KeyboardInterrupt:
        stop["requested"] = True
        commit()  # what has been analysed is kept
    finally:
        results.close()
        if executor is not None:
            executor.close()
        bar.close()
        if previous_handler is not None:
            signal.signal(signal.SIGINT, previous_handler)
        summary.seconds = time.perf_counter() - started
    if stop["requested"]:
        summary.interrupted = True
        raise IngestInterrupted(summary)

    if recluster:
        from sitrep.corpus.incidents import update_incidents
        t0 = time.perf_counter()
        summary.incidents = update_incidents(store)
        summary.stage_seconds["incidents (parent)"] += time.perf_counter() - t0
    summary.seconds = time.perf_counter() - started
    store.con.execute("INSERT INTO ingest_runs VALUES ((SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs), "
                      "now() - to_seconds(?), now(), ?)", [summary.seconds, json.dumps(summary.to_dict())])
    return summary
