"""The server reads a private copy of the store, so that it never stands in a writer's way.

DuckDB lets one process write a database file and no other process open it meanwhile,
not even read-only; and a reader holding the file open keeps every writer out. A server
that kept the user's store open would therefore stop `sitrep ingest` and `sitrep watch`
from running, and one that opened it per request would fail for the whole of an ingest.

So the server copies the store (the file and its write-ahead log) into a private folder
and answers every request from that copy. A background thread looks at the store's size
and modification time every second; when they change and no writer holds the file, it
takes DuckDB's shared lock for the few milliseconds a copy takes (so the copy is never
torn), opens the new copy and swaps it in. While a writer holds the file, pages keep
working from the last copy and say how old it is. The copy is opened read-write because
it is ours: replaying its log and applying schema migrations never touches the user's file.
"""
from __future__ import annotations

import itertools
import logging
import os
import shutil
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional

from sitrep.corpus import dataset
from sitrep.corpus.store import Store
from sitrep.errors import SitrepError

log = logging.getLogger("sitrep.web")

#: DuckDB settings for the copy: the server's memory target is 500 MB in all
MEMORY_LIMIT = "256MB"
THREADS = 2
#: answers kept per copy (Snapshots.cached): filtered overviews, maps and actor tables
CACHE_ENTRIES = 64
#: list filters whose matching rows a copy keeps (Matches)
MATCH_ENTRIES = 128


class StoreBusy(SitrepError):
    """No copy of the store could be made yet: a writer has held it since the server started."""


class Matches:
    """The rows a list filter matched on one copy, in each sort order asked: summary-table
    row ids by rank (data._ranked_page). A copy never changes, so the next page of the same
    filter, its count and a repeated request read these instead of filtering again. At most
    ``entries`` filters are kept, least recently used first out (the largest, every event,
    is about 0.5 MB of ids)."""

    def __init__(self, entries: int = MATCH_ENTRIES):
        self.entries = entries
        self._kept: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> Any:
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        return None

    def put(self, key: tuple, value: Any) -> None:
        with self._lock:
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self.entries:
                self._kept.popitem(last=False)


class ReadStore(Store):
    """A :class:`Store` view over one open connection (a cursor of the current copy), so
    the query layer and the brief run unchanged on the server's copy. ``matches``: the
    copy's memo of list filters (None outside the server: every list is filtered anew)."""

    def __init__(self, con, path: Path, summaries: Optional[bool] = None,
                 matches: Optional[Matches] = None):  # noqa: D107 - no migration, no lock
        self._con = con
        self.matches = matches
        #: whether the copy has the dashboard's summary tables (None: ask the copy)
        self.web_summaries = summaries
        self.path = path
        self.read_only = True
        self._wait = 0
        self._release = False  # the connection belongs to the copy, never reopened by path
        self._writer_lock = None
        self._pending = {}
        self._pending_keys = set()
        self._outlets = None

    def close(self) -> None:
        self._con.close()


@dataclass(frozen=True)
class FileState:
    """What tells that the store changed: size and modification time of the file and its log."""
    db: tuple[int, int]
    wal: Optional[tuple[int, int]]

    @classmethod
    def of(cls, path: Path) -> Optional["FileState"]:
        if path.is_dir():  # a Parquet dataset: its manifest is replaced last when it is written again
            path = path / dataset.MANIFEST
        try:
            st = path.stat()
        except OSError:
            return None
        wal = Path(str(path) + ".wal")
        try:
            w = wal.stat()
            wal_state = (w.st_size, w.st_mtime_ns)
        except OSError:
            wal_state = None
        return cls((st.st_size, st.st_mtime_ns), wal_state)


@dataclass
class Copy:
    """One copy of the store, open."""
    version: int
    path: Path
    store: Store
    source_state: FileState
    made_at: datetime
    incident_ids: frozenset = frozenset()
    #: the summary tables of summaries.py were built in this copy
    summaries: bool = False
    #: answers worked out from this copy alone (see Snapshots.cached); they go with it
    cache: OrderedDict = field(default_factory=OrderedDict)
    cache_lock: threading.Lock = field(default_factory=threading.Lock)
    #: the list filters' matching rows on this copy (data._ranked_page)
    matches: Matches = field(default_factory=lambda: Matches())

    def reader(self) -> "ReadStore":
        return ReadStore(self.store.cursor(), self.path, self.summaries, self.matches)


@dataclass
class Change:
    """What one refresh brought: the incidents that were not in the previous copy."""
    version: int
    at: datetime
    new_incidents: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


class Snapshots:
    """The current copy of the store at ``source``, refreshed in the background."""

    def __init__(self, source: str | Path, workdir: Optional[str | Path] = None, check_every: float = 1.0,
                 on_change: Optional[Callable[[Change], None]] = None):
        if dataset.is_url(str(source)):
            raise SitrepError(f"sitrep serve reads a store file or a Parquet dataset in a local or mounted "
                              f"folder, not {source}; copy the dataset to a folder and pass that")
        self.source = Path(source).expanduser()
        if not self.source.exists():
            raise SitrepError(f"no database at {self.source}; run `sitrep ingest` first or pass --db")
        #: a Parquet dataset is read in place: it is never written, so it needs no private copy
        self.is_dataset = dataset.is_dataset(self.source)
        self._own_workdir = workdir is None
        self.workdir = Path(workdir) if workdir else Path(tempfile.mkdtemp(prefix="sitrep-serve-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.check_every = check_every
        self.on_change = on_change
        self._current: Optional[Copy] = None
        self._lock = threading.Lock()
        self._versions = itertools.count(1)
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        #: when the store was last found held by a writer (None: free at the last look)
        self.writer_seen: Optional[datetime] = None
        self.changes: list[Change] = []
        self.last_error: Optional[str] = None
        #: called with each new copy before it answers a request (app.py fills the cache
        #: of the default pages there)
        self.prepare: Optional[Callable[["Snapshots", Copy], None]] = None

    # -- reading ---------------------------------------------------------------------------
    def current(self) -> Copy:
        copy = self._current
        if copy is None:
            raise StoreBusy(f"{self.source} is held by a writer (an ingest or a watch) and no copy of it has "
                            f"been made yet; the pages work as soon as the writer commits and releases it")
        return copy

    def reader(self) -> ReadStore:
        """A store view for one request (its own DuckDB cursor, safe in a worker thread)."""
        return self.current().reader()

    def cached(self, key: tuple, compute: Callable[[ReadStore], Any], copy: Optional[Copy] = None) -> Any:
        """``compute(store)`` on the current copy (or ``copy``), remembered with that copy
        under ``key``: a copy never changes, so neither does the answer, and a new copy
        starts with an empty cache. Keep ``key`` to the inputs of ``compute`` (the filters)."""
        copy = copy or self.current()
        with copy.cache_lock:
            if key in copy.cache:
                copy.cache.move_to_end(key)  # least recently used goes first, not the oldest
                return copy.cache[key]
        store = copy.reader()
        try:
            value = compute(store)
        finally:
            store.close()
        with copy.cache_lock:
            if key not in copy.cache and len(copy.cache) >= CACHE_ENTRIES:
                # the least recently used: the prepared default pages and the form's
                # choices, asked on most requests, stay while one-off filters go
                copy.cache.popitem(last=False)
            copy.cache[key] = value
            copy.cache.move_to_end(key)
        return value

    def peek(self, key: tuple, copy: Optional[Copy] = None) -> Any:
        """What ``cached`` remembers under ``key`` on the current copy, or None when it has
        not been worked out yet (a page then defers that part to its /api/ request)."""
        copy = copy or self.current()
        with copy.cache_lock:
            if key in copy.cache:
                copy.cache.move_to_end(key)
                return copy.cache[key]
        return None

    @property
    def version(self) -> int:
        return self._current.version if self._current else 0

    # -- refreshing ------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Make a new copy when the store changed and no writer holds it; True when swapped."""
        with self._lock:
            state = FileState.of(self.source)
            if state is None:
                self.last_error = f"{self.source} is gone; showing the last copy"
                return False
            if self._current and self._current.source_state == state:
                return False
            made = self._copy(state)
            if made is None:
                return False
            self._prepare(made)
            previous, self._current = self._current, made
        self._announce(previous, made)
        if previous:
            self._discard(previous)
        return True

    def _copy(self, state: FileState) -> Optional[Copy]:
        import duckdb

        version = next(self._versions)
        if self.is_dataset:
            return self._open_dataset(version, state)
        target = self.workdir / f"store-{version}.duckdb"
        try:
            # the shared lock keeps writers out while the bytes are copied
            guard = duckdb.connect(str(self.source), read_only=True)
        except duckdb.IOException as exc:
            if "lock" in str(exc).lower():
                self.writer_seen = datetime.now(timezone.utc)
                return None
            self.last_error = f"cannot read {self.source}: {exc}"
            return None
        try:
            state = FileState.of(self.source) or state  # as it is under the lock
            shutil.copyfile(self.source, target)
            wal = Path(str(self.source) + ".wal")
            if wal.exists():
                shutil.copyfile(wal, Path(str(target) + ".wal"))
        finally:
            guard.close()
        self.writer_seen = None
        try:
            store = Store(target)  # migrates the copy only
            store.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
            store.con.execute(f"SET threads = {THREADS}")
        except Exception as exc:  # noqa: BLE001 - a damaged store must not kill the server
            self.last_error = f"cannot open the copy of {self.source}: {exc}"
            _remove(target)
            return None
        ids = frozenset(r[0] for r in store.con.execute("SELECT incident_id FROM incidents").fetchall())
        self.last_error = None
        return Copy(version, target, store, state, datetime.now(timezone.utc), ids, _summarise(store, self.source))

    def _prepare(self, made: Copy) -> None:
        if self.prepare is None:
            return
        try:
            self.prepare(self, made)
        except Exception as exc:  # noqa: BLE001 - the pages then compute it on the first request
            log.warning("preparing the default pages of copy %s failed: %s", made.version, exc)

    def _announce(self, previous: Optional[Copy], made: Copy) -> None:
        new_ids = made.incident_ids - previous.incident_ids if previous else frozenset()
        new = []
        if new_ids:
            from sitrep.web import data
            reader = ReadStore(made.store.cursor(), made.path, made.summaries)
            try:
                new = data.incidents_by_id(reader, sorted(new_ids))
            finally:
                reader.close()
        reader = ReadStore(made.store.cursor(), made.path)
        try:
            counts = {t: n for t, n in reader.counts().items() if t in ("articles", "events", "incidents")}
        finally:
            reader.close()
        change = Change(made.version, made.made_at, new, counts)
        self.changes = (self.changes + [change])[-50:]
        if self.on_change:
            self.on_change(change)

    def _open_dataset(self, version: int, state: FileState) -> Optional[Copy]:
        """The dataset itself, opened read-only (views over its Parquet files)."""
        try:
            store = Store(self.source, read_only=True)
            store.con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
            store.con.execute(f"SET threads = {THREADS}")
        except Exception as exc:  # noqa: BLE001 - a damaged dataset must not kill the server
            self.last_error = f"cannot open {self.source}: {str(exc).splitlines()[0]}"
            return None
        ids = frozenset(r[0] for r in store.con.execute("SELECT incident_id FROM incidents").fetchall())
        self.last_error = None
        return Copy(version, self.source, store, state, datetime.now(timezone.utc), ids,
                    _summarise(store, self.source))

    def _discard(self, copy: Copy) -> None:
        """Close an old copy; requests still reading it keep their own cursor until done."""
        try:
            copy.store.con.close()
        except Exception:  # noqa: BLE001
            pass
        if copy.path != self.source:  # never the user's dataset
            _remove(copy.path)

    # -- the background thread -------------------------------------------------------------
    def start(self, wait_first: float = 0.0) -> None:
        """Make the first copy (waiting up to ``wait_first`` seconds for a writer) and start
        watching the store."""
        deadline = time.monotonic() + wait_first
        while not self.refresh() and self._current is None and time.monotonic() < deadline:
            time.sleep(0.2)
        self._thread = threading.Thread(target=self._run, name="sitrep-snapshots", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.check_every):
            try:
                self.refresh()
            except Exception as exc:  # noqa: BLE001 - keep serving the last copy
                self.last_error = f"refresh failed: {exc}"
                log.exception("refreshing the store copy failed")

    def close(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)
        if self._current:
            self._discard(self._current)
            self._current = None
        if self._own_workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)

    def status(self) -> dict[str, Any]:
        """For pages and /api/status: how fresh the copy is and whether a writer is at work."""
        copy = self._current
        return {
            "store": str(self.source),
            "version": copy.version if copy else 0,
            "copied_at": _stamp(copy.made_at) if copy else None,
            "writer_active": self.writer_seen is not None,
            "writer_seen_at": _stamp(self.writer_seen) if self.writer_seen else None,
            "error": self.last_error,
        }


def _summarise(store: Store, source: Path) -> bool:
    """Build the dashboard's summary tables in a new copy (before it serves a request);
    False when that failed, and the pages then read the plain tables (slower, same rows)."""
    from sitrep.web import summaries

    try:
        seconds = summaries.build(store.con)
    except Exception as exc:  # noqa: BLE001 - a copy without summaries still answers correctly
        log.warning("summary tables of the copy of %s not built (%s); pages read the plain tables", source, exc)
        try:  # the tables made before the failure would keep their memory for nothing
            summaries.discard(store.con)
        except Exception as detach_exc:  # noqa: BLE001 - the plain tables still answer
            log.warning("the partial summary tables of the copy of %s stay attached (%s)", source, detach_exc)
        return False
    log.info("summary tables of the copy of %s built in %.1f s", source, seconds)
    return True


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def _remove(path: Path) -> None:
    for p in (path, Path(str(path) + ".wal")):
        try:
            os.unlink(p)
        except OSError:
            pass
