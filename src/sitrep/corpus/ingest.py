"""`sitrep ingest`: inputs -> reader -> pipeline (on an executor) -> store, in batches.

The parent process reads the inputs, drops exact duplicates before any analysis (content
hash), hands chunks of articles to the executor (sitrep.run) and commits what comes back
in batches of ``batch_size`` articles (one transaction each), so an interruption loses at
most the batch not yet committed and a re-run skips everything already stored. Incidents
are brought up to date at the end of each ingest (incrementally, see incidents.py).

The steps, in the order they happen to an article: ``read`` (reader -> Article | Skip),
``admit`` (empty, too large, already stored or in flight), the executor's ``IngestTask``
(Pipeline.pipe and the MinHash signature, in a worker), ``receive`` (a result or a Skip),
``commit`` (``store_document`` for each: update, near-duplicate link, add), ``finish``
(incidents, the run's record).
"""
from __future__ import annotations

import contextlib
import json
import re
import signal
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from sitrep.corpus.dedup import LSHIndex
from sitrep.corpus.dbfile import is_storage_failure
from sitrep.corpus.inputs import expand_url_lists, nonempty, read_articles  # noqa: F401 - re-exported
from sitrep.corpus.store import Store, content_hash
from sitrep.errors import SitrepError, Skip
from sitrep.model import Article
from sitrep.pipeline import Pipeline
from sitrep.read.limits import Limits
from sitrep.run.executor import Executor, default_workers, make_executor
from sitrep.run.progress import Progress
from sitrep.run.tasks import Analysed, IngestTask

#: bodies longer than this are skipped as ``too_large`` (transcripts, dumps)
MAX_CHARS = 400_000
#: articles below which one more worker process does not pay for its start-up
SMALL_INPUT_PER_WORKER = 40
#: skips that say nothing true any more once their input is stored (a URL that was down,
#: a file that could not be read, a bug since fixed); the store itself clears the
#: internal_error rows of a stored article id, this also matches them by origin
TRANSIENT_REASONS = ("internal_error", "unreadable")


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
    #: the first few refusals of this run (not duplicates), to say why nothing was stored
    problems: list = field(default_factory=list, repr=False)

    @property
    def articles_per_s(self) -> float:
        return self.ingested / self.seconds if self.seconds else 0.0

    @property
    def refused(self) -> int:
        """Inputs skipped for a reason other than being a copy of something stored."""
        return sum(n for reason, n in self.skipped.items() if reason != "duplicate")

    @property
    def failed(self) -> bool:
        """Nothing was stored and something was refused or unreadable (exit status 2)."""
        return self.ingested == 0 and self.refused > 0

    @property
    def found_nothing(self) -> bool:
        """The inputs held nothing to read: no article, no refusal (an empty folder, an
        empty feed). Also exit status 2: a script must not take it for a stored run."""
        return self.inputs_read == 0 and not self.skipped and not self.interrupted

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        del d["problems"]
        d["skipped"] = dict(self.skipped)
        d["stage_seconds"] = {k: round(v, 2) for k, v in self.stage_seconds.most_common()}
        d["articles_per_s"] = round(self.articles_per_s, 2)
        d["seconds"] = round(self.seconds, 2)
        return d

    def lines(self) -> list[str]:
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(self.skipped.items())) or "none"
        lines = [
            f"ingested {self.ingested} articles ({self.events} events) in {self.seconds:.1f} s, "
            f"{self.articles_per_s:.1f} articles/s",
            f"updated {self.updated}, already stored {self.unchanged}, exact duplicates {self.duplicates}, "
            f"near-duplicates linked {self.near_duplicates}",
            f"skipped: {skipped}",
            ("interrupted: incidents not brought up to date; re-run the same command to continue "
             "(stored articles are not analysed again)") if self.interrupted else f"incidents: {self.incidents}",
        ]
        if self.refused and self.problems and not self.failed:
            # a mistyped path or a dead feed among good inputs must not pass as a count only
            more = f" (and {self.refused - 1} more)" if self.refused > 1 else ""
            lines.insert(3, f"refused: {self.problems[0]}{more}; `sitrep skipped` lists each with its reason")
        return lines


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C, SIGTERM or a closed terminal during an ingest, after the work in hand was
    committed; carries the summary and the signal (the exit status is 128 + its number)."""

    def __init__(self, summary: "IngestSummary", signum: int = signal.SIGINT, complete: bool = False):
        super().__init__("ingest interrupted")
        self.summary = summary
        self.signum = int(signum)
        #: the signal came while incidents were being updated: that was finished first, so
        #: the ingest is complete -- but the caller asked to stop and is told so
        self.complete = complete

    @property
    def signal_name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_status(self) -> int:
        return 128 + self.signum


# -- the entry point ---------------------------------------------------------------------------

def ingest(paths: Iterable[str], store: Store, *, workers: Optional[int] = None, until: Optional[str] = None,
           published: Optional[str] = None, chunk_size: int = 4, batch_size: int = 16,
           commit_seconds: float = 3.0, progress: Optional[bool] = None, recluster: bool = True,
           max_chars: int = MAX_CHARS, limits: Optional[Limits] = None,
           sources: Optional[Iterable[Union[Article, Skip]]] = None, snippet: bool = False,
           engine: str = "local", scheduler: Optional[str] = None, shard_dir: Optional[str] = None,
           pipeline: Optional[Pipeline] = None, executor: Optional[Executor] = None) -> IngestSummary:
    """Read, analyse and store ``paths`` -- or ``sources``, articles and Skips read
    already (``sitrep watch`` has them after polling a feed); returns what happened.

    ``limits`` is the size policy shared with extract (sitrep.read.limits); ``snippet``
    analyses short texts (headlines, sentences) instead of refusing them; ``until``
    stops the pipeline after a stage ("clean" stores cleaned text only) and is recorded
    with each article; ``pipeline`` replaces the default one (its stages must be
    importable functions when the executor runs other processes).

    ``engine`` says where the pipeline runs (sitrep.run.executor.ENGINES): "local" (a
    process pool of ``workers``) or "dask" (a local Dask cluster of ``workers``, or the
    one at ``scheduler``; workers write result shards to ``shard_dir``). ``executor``
    replaces the one made from these. The engine changes nothing in what is stored.
    """
    paths = expand_url_lists([str(p) for p in paths])
    if limits is not None:
        max_chars = limits.max_chars
    run = IngestRun(store, until=until, max_chars=max_chars, batch_size=batch_size,
                    commit_seconds=commit_seconds, progress=progress, paths=paths)
    items = nonempty(sources if sources is not None else read_articles(paths, published, limits))
    if items is None:  # nothing to read (an empty folder): no model loaded, no worker started
        return run.finish(recluster)
    pipeline = pipeline or Pipeline.default(until=until)
    if snippet:
        items = _as_snippets(items)
    own_executor = executor is None
    if executor is None:
        # a cluster's size is the user's (or the scheduler's) to say: no small-input rule
        executor = make_executor(engine, plan_workers(paths, workers) if engine == "local" else workers,
                                 scheduler=scheduler, shard_dir=shard_dir)
    # a stop signal is deferred for the whole run: during the analysis it ends the run at
    # the next commit; during the incident update, that update is finished first
    with _interrupt_deferred() as stop:
        try:
            run.analyse_and_store(items, executor, IngestTask(pipeline), chunk_size, stop)
        finally:
            if own_executor:
                executor.close()
        summary = run.finish(recluster)
    if stop.requested:
        raise IngestInterrupted(summary, stop.signum, complete=True)
    return summary


def start_engine(engine: str, workers: Optional[int] = None, **options: Any) -> Optional[Executor]:
    """The executor of a cluster engine, connected (or its local cluster started) now:
    callers do this before they open the store, so a scheduler that does not answer is
    one error and no store file is left behind. None for the local pool, which cannot
    fail to start and is sized from the inputs by ``ingest``."""
    if engine == "local":
        given = [name for name, value in options.items() if value is not None]
        if given:
            raise SitrepError(f"{' and '.join(given)} only work with the dask engine (engine='dask')")
        return None
    executor = make_executor(engine, workers, **options)
    start = getattr(executor, "start", None)
    if start is not None:
        try:
            start()
        except BaseException:
            executor.close()
            raise
    return executor


def plan_workers(paths: list[str], workers: Optional[int]) -> int:
    """An explicit --workers is obeyed; otherwise all cores, fewer for small inputs (a
    worker costs seconds to start: spaCy and the tables load in each)."""
    if workers:
        return workers
    workers = default_workers()
    total = estimate_total(paths)
    if total is not None:
        workers = max(1, min(workers, total // SMALL_INPUT_PER_WORKER + 1))
    return workers


# -- reading ------------------------------------------------------------------------------

def _as_snippets(items: Iterable[Union[Article, Skip]]) -> Iterator[Union[Article, Skip]]:
    """--snippet: every article is analysed even when shorter than an article (clean stage)."""
    for item in items:
        if isinstance(item, Article):
            item.meta["snippet"] = True
        yield item


def estimate_total(paths: Iterable[str], limit_bytes: int = 200_000_000) -> Optional[int]:
    """The number of articles the inputs hold, for the progress bar's ETA, when it is
    known without reading them: a JSONL line is one record, an HTML or text file one
    article. None (unknown: the bar counts without a total) as soon as an input may hold
    any number of records -- a feed, JSON, CSV, a compressed or unrecognised file -- or is
    a URL, stdin, or too big to scan: a guess of one per file showed "25/24" for a feed."""
    from sitrep.read import _HTML_EXT, _JSONL_EXT, _TEXT_EXT, _walk

    total, scanned = 0, 0
    for p in paths:
        path = Path(p)
        if re.match(r"^https?://", str(p)) or str(p) == "-" or not path.exists():
            return None
        for f in (_walk(path) if path.is_dir() else [path]):
            suffix = f.suffix.lower()
            if suffix in _JSONL_EXT:
                scanned += f.stat().st_size
                if scanned > limit_bytes:
                    return None
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif suffix in _HTML_EXT or suffix in _TEXT_EXT:
                total += 1
            else:
                return None
    return total


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# -- one run ----------------------------------------------------------------------------------

#: store_document's ``known`` when nothing was looked up for the document
_ASK = object()


class IngestRun:
    """The state of one ingest: what the store already holds (content hashes, ids,
    signatures, recorded skips), what is in flight, and the batch waiting for a commit."""

    def __init__(self, store: Store, *, until: Optional[str], max_chars: int, batch_size: int,
                 commit_seconds: float, progress: Optional[bool], paths: list[str]):
        self.store = store
        self.until = until
        self.max_chars = max_chars
        self.batch_size = batch_size
        self.commit_seconds = commit_seconds
        self.summary = IngestSummary()
        self.started = time.perf_counter()
        self.known = store.known_hashes()  # content hash -> article id
        self.stored_ids = store.article_ids()
        self.recorded = store.skip_keys()  # (origin, input_id, reason) already in the table
        #: errors of earlier runs that a successful re-run makes stale
        self.stale_candidates = [key for key in self.recorded if key[2] in TRANSIENT_REASONS]
        self.lsh = LSHIndex()
        for aid, sig in store.signatures():
            self.lsh.add(aid, list(sig))
        self.in_flight: dict[str, str] = {}  # content hash -> article id, sent off, not yet stored
        #: keys (url, origin, id) stored and article ids replaced by the batch so far: a
        #: lookup made before the batch may be out of date for the documents after them
        self.batch_keys: set[str] = set()
        self.batch_replaced: set[str] = set()
        self.pending: list[Analysed] = []
        self.pending_skips: list[Skip] = []
        #: what this run committed: stored article ids, and ids of older versions they
        #: replaced (whose events are gone) -- what an incremental incident update needs
        self.added: list[str] = []
        self.replaced: list[str] = []
        self.last_commit = time.perf_counter()
        self.bar = Progress(label="articles", enabled=progress)
        if self.bar.enabled:
            self.bar.total = estimate_total(paths)

    # -- before analysis ---------------------------------------------------------------------
    def admitted(self, items: Iterable[Union[Article, Skip]]) -> Iterator[Article]:
        """The articles worth analysing; everything else is counted or recorded here."""
        for item in items:
            if isinstance(item, Skip):
                self.skip(item)
                self.bar.update(1)
                continue
            self.summary.inputs_read += 1
            if self.admit(item):
                yield item
            else:
                self.bar.update(1)

    def admit(self, article: Article) -> bool:
        """False (with a recorded skip, or counted as unchanged) for an empty or too large
        body and for text already stored or in flight; True marks it in flight."""
        text = article.text or ""
        origin = article.origin or article.id
        if not text.strip():
            self.skip(Skip(origin, "empty", "no text", "read", article.id))
            return False
        if len(text) > self.max_chars:
            self.skip(Skip(origin, "too_large", f"{len(text)} characters > {self.max_chars}", "read", article.id))
            return False
        h = content_hash(text)
        same = self.known.get(h) or self.in_flight.get(h)
        if same is not None:
            if same == article.id:
                self.summary.unchanged += 1
            else:
                self.summary.duplicates += 1
                self.skip(Skip(origin, "duplicate", f"same text as {same}", "read", article.id))
            return False
        self.in_flight[h] = article.id
        article.meta = dict(article.meta or {}, content_hash=h)
        return True

    def skip(self, skip: Skip) -> None:
        self.summary.skipped[skip.reason] += 1
        if skip.reason != "duplicate" and len(self.summary.problems) < 5:
            self.summary.problems.append(skip)
        key = (skip.origin or "", skip.input_id or "", skip.reason)
        if key not in self.recorded:  # a re-run does not record the same skip twice
            self.recorded.add(key)
            self.pending_skips.append(skip)

    # -- analysis ------------------------------------------------------------------------------
    def analyse_and_store(self, items: Iterable[Union[Article, Skip]], executor: Executor, task: IngestTask,
                          chunk_size: int, stop: Optional["_StopFlag"] = None) -> None:
        """Run the executor over the admitted articles and commit as results come back;
        a stop signal (``stop``, set by _interrupt_deferred) or Ctrl-C commits what is in
        hand and raises IngestInterrupted."""
        stop = stop or _StopFlag()
        results = executor.map(task, _chunks(self.admitted(items), chunk_size))
        try:
            for chunk_results in results:
                self.receive(chunk_results)
                if stop.requested:
                    break
                if self.batch_due():
                    self.commit()
            self.commit()
        except KeyboardInterrupt:
            stop.request(signal.SIGINT)
            self.commit()  # what has been analysed is kept
        finally:
            results.close()
            self.bar.close()
            self.summary.seconds = time.perf_counter() - self.started
        if stop.requested:
            self.summary.interrupted = True
            raise IngestInterrupted(self.summary, stop.signum)

    def receive(self, results: list[Union[Analysed, Skip]]) -> None:
        for item in results:
            if isinstance(item, Analysed):
                self.pending.append(item)
                self.summary.stage_seconds.update(item.document.timings)
            else:
                self.skip(item)
                # a copy of a refused article met later is refused on its own, not as a duplicate
                for h in [h for h, aid in self.in_flight.items() if aid == item.input_id]:
                    del self.in_flight[h]
        self.bar.update(len(results))

    def batch_due(self) -> bool:
        return (len(self.pending) >= self.batch_size
                or time.perf_counter() - self.last_commit > self.commit_seconds)

    # -- writing ---------------------------------------------------------------------------------
    def commit(self) -> None:
        """One transaction for the batch; if it fails, the skips and then each document in
        a transaction of its own, so one unstorable document does not lose the batch."""
        if self.pending or self.pending_skips:
            started = time.perf_counter()
            try:
                with self.store.transaction():
                    self.store.record_skips(self.pending_skips)
                    known = self.store.find_by_keys([_update_key(item.document.article) for item in self.pending])
                    self.batch_keys, self.batch_replaced = set(), set()
                    stored = [self.store_document(item, previous) for item, previous in zip(self.pending, known)]
                self._count(stored)
            except Exception as exc:  # noqa: BLE001 - retried one by one below
                for item in self.pending:
                    self._forget(item)
                if is_storage_failure(exc):
                    raise  # a full disk or a damaged file is no article's fault: stop, blame none
                self._commit_one_by_one()
            self.pending.clear()
            self.pending_skips.clear()
            self.summary.stage_seconds["store (parent)"] += time.perf_counter() - started
        self.last_commit = time.perf_counter()

    def _commit_one_by_one(self) -> None:
        with self.store.transaction():
            self.store.record_skips(self.pending_skips)
        for item in self.pending:
            try:
                with self.store.transaction():
                    stored = self.store_document(item)
                self._count([stored])
            except Exception as exc:  # noqa: BLE001 - recorded as this article's skip
                self._forget(item)
                article = item.document.article
                self.summary.skipped["internal_error"] += 1
                with self.store.transaction():
                    self.store.record_skips([Skip(article.origin or article.id, "internal_error",
                                                  f"{type(exc).__name__}: {exc}", "store", article.id)])

    def store_document(self, item: Analysed, known: Any = _ASK) -> "_Stored":
        """Write one document (inside the caller's transaction): replace the version it
        updates, link it to a near-duplicate, clear stale skips of the same input.
        ``known``: the stored version it updates as the batch's one lookup found it before
        the batch was stored (asked again when an earlier document of the batch may have
        changed the answer: it shares the key, or it replaced that version)."""
        doc, article = item.document, item.document.article
        h = article.meta.get("content_hash") or content_hash(article.text or "")
        version = 1
        url, _, single_file = _update_key(article)
        if (known is _ASK or (url or single_file or article.id) in self.batch_keys
                or (known and known[0] in self.batch_replaced)):
            known = self.store.find_by_key(article.url, article.id, single_file)
        previous = known
        if previous:
            self.batch_replaced.add(previous[0])
            old_id, old_version = previous
            self.store.replace_article(old_id, article.id)
            self.stored_ids.discard(old_id)
            self.lsh.remove(old_id)
            version = old_version + 1
        if article.id in self.stored_ids:  # the same id for different text under another URL
            n = 2
            while f"{article.id}~{n}" in self.stored_ids:
                n += 1
            article.id = f"{article.id}~{n}"
        duplicate_of, jaccard = None, None
        if item.signature:
            match = self.lsh.query(item.signature)
            if match:
                duplicate_of, jaccard = match
            self.lsh.add(article.id, item.signature)
        self.store.add_document(doc, h, signature=item.signature, duplicate_of=duplicate_of, jaccard=jaccard,
                                version=version, until=self.until)
        self.batch_keys.update(k for k in (article.url, article.origin, article.id) if k)
        self._clear_stale_skips(article)
        self.stored_ids.add(article.id)
        self.known[h] = article.id
        self.in_flight.pop(h, None)
        return _Stored(article.id, replaced=previous[0] if previous else None,
                       near_duplicate=duplicate_of is not None, events=len(doc.events))

    def _clear_stale_skips(self, article: Article) -> None:
        """An error an earlier run recorded for the input now stored no longer says
        anything true."""
        stale = [key for key in self.stale_candidates if _same_input(key, article)]
        if stale:
            self.store.delete_skips(stale)
            self.stale_candidates = [key for key in self.stale_candidates if key not in stale]
            self.recorded.difference_update(stale)

    def _count(self, stored: list["_Stored"]) -> None:
        """Counted only once the transaction holding them committed."""
        for s in stored:
            self.summary.ingested += 1
            self.summary.events += s.events
            self.summary.updated += s.replaced is not None
            self.summary.near_duplicates += s.near_duplicate
            self.added.append(s.article_id)
            if s.replaced is not None:
                self.replaced.append(s.replaced)

    def _forget(self, item: Analysed) -> None:
        """Undo the in-memory bookkeeping of a document whose transaction was rolled back."""
        article = item.document.article
        h = article.meta.get("content_hash")
        self.lsh.remove(article.id)
        self.stored_ids.discard(article.id)
        if h and self.known.get(h) == article.id:
            del self.known[h]
        self.in_flight.pop(h, None)

    # -- after ---------------------------------------------------------------------------------
    def finish(self, recluster: bool) -> IngestSummary:
        """Bring incidents up to date and record the run in ``ingest_runs``."""
        if recluster:
            from sitrep.corpus.incidents import update_incidents
            started = time.perf_counter()
            self.summary.incidents = update_incidents(self.store)
            self.summary.stage_seconds["incidents (parent)"] += time.perf_counter() - started
        self.summary.seconds = time.perf_counter() - self.started
        self.store.record_run(self.summary.seconds, json.dumps(self.summary.to_dict()))
        return self.summary


def _update_key(article: Article) -> tuple[Optional[str], str, Optional[str]]:
    """(url, id, single-article file) naming the stored article this one updates
    (Store.find_by_key): a file holds one article only when it is plain text or HTML."""
    return article.url, article.id, article.origin if article.input_format in ("text", "html") else None


def _same_input(key: tuple[str, str, str], article: Article) -> bool:
    """Does a recorded skip (origin, input_id, reason) name this article's input: its id,
    its origin, or the file its record came from (``file:line``, ``feed#item``)?"""
    origin, input_id, _ = key
    if input_id and input_id == article.id:
        return True
    mine = article.origin or ""
    return bool(origin) and (mine == origin or (mine.startswith(origin) and mine[len(origin):][:1] in ":#["))


@dataclass
class _Stored:
    article_id: str
    replaced: Optional[str]  # the id of the older version this one replaced
    near_duplicate: bool
    events: int


#: signals that stop an ingest cleanly: Ctrl-C, ``kill`` / a service manager, a closed terminal
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


@dataclass
class _StopFlag:
    requested: bool = False
    signum: int = signal.SIGINT

    def request(self, signum: int) -> None:
        if not self.requested:
            self.requested, self.signum = True, int(signum)


@contextlib.contextmanager
def _interrupt_deferred() -> Iterator[_StopFlag]:
    """Ctrl-C, SIGTERM and SIGHUP set a flag checked between chunks, so the batch in hand
    is committed and the run stops cleanly with its summary (an interrupt inside a DuckDB
    query would abort the query instead, and SIGTERM's default would end the process
    without a word). A second signal of the same kind ends the run at once: Ctrl-C as
    KeyboardInterrupt, the others with their default action."""
    stop = _StopFlag()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def on_signal(signum, frame):
        stop.request(signum)
        signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL)

    previous = {signum: signal.signal(signum, on_signal) for signum in STOP_SIGNALS}
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
