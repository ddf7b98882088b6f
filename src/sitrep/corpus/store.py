"""The corpus store: one embedded DuckDB file holding articles and every extracted layer.

DuckDB allows one writer, so only the parent process of an ingest writes; workers send
back typed Documents and the parent stores them (here they become JSON and rows) in batches,
one transaction per batch, so an interruption loses at most the batch in flight.

Sharing the file (see dbfile.py): a writing Store releases the file after each committed
transaction and opens it again when next needed, so reading commands can run between
batches; a reading Store waits while a batch is being written. The file is checked for
damage (truncation, not a DuckDB file) before it is opened, and storage failures (disk
full, read-only place, corrupt blocks) become one-line errors (``dbfile.StoreError``).
A successfully stored article clears the ``internal_error`` skip rows an earlier failed
attempt left for it.

Article identity:
  * ``content_hash`` (sha256 of the whitespace-normalised body) -- the same text again is a
    duplicate and is skipped (recorded in ``skipped`` with reason ``duplicate``);
  * the update key -- the URL; without one, the file it came from when the file holds one
    article (a text or HTML page), else the reader's article id: new text under a known
    key replaces the old article, whose row moves to ``article_versions``.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from sitrep.corpus import dataset, dbfile
from sitrep.corpus.days import event_day, iso_day  # noqa: F401 (iso_day: re-exported)
from sitrep.corpus.migrations import LATEST, MIGRATIONS
from sitrep.errors import SitrepError, Skip
from sitrep.model import QUAD_CLASS, Document

_WS = re.compile(r"\s+")

LAYER_TABLES = ("actors", "events", "quotes", "quantities", "places", "times", "minhash",
                "incident_mentions", "sentences", "documents")
#: seconds a writer keeps the file between commits before it releases it to readers
#: (default 0: after every commit, so a reader waits at most one batch). A release closes
#: DuckDB's connection, which checkpoints the WAL into the file, and the next open re-reads
#: the catalog -- 0.8 s per commit at a few thousand articles, a third of the coordinator's
#: store time (bench/bench_coordinator.py profile, docs/scaling.md): a bulk ingest nobody
#: reads meanwhile can set $SITREP_RELEASE_SECONDS=10 (store writes 0.79x on 300 articles)
RELEASE_EVERY_SECONDS = 0.0

#: DuckDB's memory limit for a writer's connection ($SITREP_STORE_MEMORY; ``none``: DuckDB's
#: own default, 80% of the machine's RAM). Uncapped, the coordinator's buffer pool may keep
#: every block an ingest or its incident linking read or wrote, up to that 80%; capped,
#: DuckDB evicts cached blocks and spills sorts and joins to ``<db>.tmp`` instead. It bounds
#: DuckDB's accounted memory only (its key indexes, cached blocks, operators' buffers), not
#: the checkpoint that releasing the file runs, which set the measured peaks (docs/scaling.md).
#: The key indexes (ART) must fit: ~100-150 bytes per key (articles, events, incidents,
#: documents, URLs), ~10 MB at 4,178 articles, so 512 MB leaves room for ~20x that (256 MB
#: ran the 4,178 and 8,356-article replays); a store beyond it stops with one line saying to
#: raise the setting (dbfile.StoreOutOfMemory), its committed batches kept.
STORE_MEMORY: Optional[str] = "512MB"
#: values of $SITREP_STORE_MEMORY that mean "no cap of ours" (DuckDB's default)
NO_MEMORY_CAP = ("none", "default", "0")
_MEMORY_VALUE = re.compile(r"^\s*\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)\s*$", re.I)

#: rows per row group in what a writer appends ($SITREP_ROW_GROUP_ROWS; 0 = DuckDB's default,
#: 122,880). Each commit's checkpoint (at every release of the file) rewrites the row
#: group the commit appended to, and merges small trailing row groups into one, rewriting
#: them all: with DuckDB's default, a table of one row per article (article text, compressed
#: document) stays one growing row group for the first 122,880 articles, so what a
#: checkpoint rewrites -- and the coordinator's peak memory -- grew with the corpus
#: (docs/scaling.md, sessions 6-7). Capped, a checkpoint rewrites at most this many rows
#: of a table (2,048: ~18 MB of compressed documents); existing larger row groups are left as
#: they are. A multiple of 2,048.
ROW_GROUP_ROWS = 2048

#: how ``documents.body`` is written (store.document() reads older rows' articles.document)
DOCUMENT_ENCODING = "zlib-json"
#: zlib level for document bodies: 1 compresses a document JSON ~6x at ~0.3 ms, higher
#: levels gain a few percent for several times the CPU of the coordinating process
DOCUMENT_ZLIB_LEVEL = 1


def default_db_path() -> Path:
    """``$SITREP_DB``, else the user's data dir (XDG_DATA_HOME or ~/.local/share)/sitrep."""
    env = os.environ.get("SITREP_DB")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sitrep" / "sitrep.duckdb"


def content_hash(text: str) -> str:
    normalised = _WS.sub(" ", text or "").strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def encode_document(doc: dict[str, Any]) -> bytes:
    """The compressed body of ``documents``: the document's JSON without article.text,
    which the store keeps once, in ``articles.text``."""
    import zlib

    slim = dict(doc, article={k: v for k, v in doc["article"].items() if k != "text"})
    return zlib.compress(json.dumps(slim, ensure_ascii=False).encode("utf-8"), DOCUMENT_ZLIB_LEVEL)


def decode_document(body: bytes, text: Optional[str]) -> dict[str, Any]:
    import zlib

    doc = json.loads(zlib.decompress(body))
    doc["article"]["text"] = text
    return doc


def stored_event_id(article_id: str, event_id: str) -> str:
    """The store-wide id of an event: the stage's ids are unique in their article only,
    so ids that do not already start with ``<article_id>:`` get ``<article_id>#``."""
    return event_id if str(event_id).startswith(article_id + ":") else f"{article_id}#{event_id}"


def release_seconds() -> float:
    """How long a writer keeps the file between commits ($SITREP_RELEASE_SECONDS)."""
    value = os.environ.get("SITREP_RELEASE_SECONDS", "").strip()
    try:
        return max(0.0, float(value)) if value else RELEASE_EVERY_SECONDS
    except ValueError:
        raise SitrepError(f"SITREP_RELEASE_SECONDS={value!r} is not a number of seconds; "
                          "unset it or give e.g. 10") from None


def store_memory() -> Optional[str]:
    """DuckDB's memory limit for a writer ($SITREP_STORE_MEMORY, e.g. 2GB; ``none`` for
    DuckDB's own default; unset: STORE_MEMORY)."""
    value = os.environ.get("SITREP_STORE_MEMORY", "").strip()
    if not value:
        return STORE_MEMORY
    if value.lower() in NO_MEMORY_CAP:
        return None
    if not _MEMORY_VALUE.match(value):
        raise SitrepError(f"SITREP_STORE_MEMORY={value!r} is not an amount of memory; "
                          "unset it, or give e.g. 512MB or 2GB (none: DuckDB's default, 80% of RAM)")
    return value.replace(" ", "")


def row_group_rows() -> Optional[int]:
    """Rows per row group for a writer ($SITREP_ROW_GROUP_ROWS, default ROW_GROUP_ROWS);
    None: DuckDB's default."""
    value = os.environ.get("SITREP_ROW_GROUP_ROWS", "").strip()
    if not value:
        return ROW_GROUP_ROWS or None
    if not value.isdigit() or int(value) % 2048:
        raise SitrepError(f"SITREP_ROW_GROUP_ROWS={value!r} is not a multiple of 2048 rows; "
                          "unset it, or give e.g. 8192 (0: DuckDB's default)")
    return int(value) or None


def _domain(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    m = re.match(r"^[a-z]+://([^/:]+)", url, re.I)
    return m.group(1).lower().removeprefix("www.") if m else None


def _column_select(i: int, column_type: str) -> str:
    """The SELECT expression that turns column ``c<i>`` of a bulk insert into ``column_type``."""
    if column_type == "JSON":
        # the text is json.dumps output: casting to JSON would parse every document again
        return f"CAST(c{i} AS VARCHAR)"
    if column_type == "BLOB":
        return f"unhex(c{i})"
    return f"CAST(c{i} AS {column_type})"


class Store:
    """``release_after_commit`` (default: on for a writer on a file) lets readers in
    between transactions: after a commit, once the connection has been open for
    ``release_every`` seconds ($SITREP_RELEASE_SECONDS, default RELEASE_EVERY_SECONDS; 0
    releases after every commit); ``wait`` is how long to wait for the file (seconds).
    ``path`` may also name a Parquet dataset (dataset.py), opened read-only."""

    _dataset: Optional[str] = None

    def __init__(self, path: str | Path | None = None, read_only: bool = False, *,
                 release_after_commit: Optional[bool] = None, wait: Optional[float] = None,
                 release_every: Optional[float] = None):
        self.path = Path(path).expanduser() if path else default_db_path()
        self.read_only = read_only
        self._wait = wait
        #: a Parquet dataset (folder or URL with a manifest) instead of a DuckDB file
        self._dataset: Optional[str] = str(path) if path and dataset.is_dataset(path) else None
        if self._dataset:
            self._open_dataset()
            return
        in_memory = str(self.path) == ":memory:"
        if release_after_commit is None:  # $SITREP_HOLD_STORE=1: keep the file (nobody reads meanwhile)
            release_after_commit = not read_only and not in_memory and os.environ.get("SITREP_HOLD_STORE") != "1"
        self._release = release_after_commit
        self._release_every = 0.0
        if release_after_commit:
            self._release_every = release_seconds() if release_every is None else max(0.0, release_every)
        self._opened_at = 0.0
        self._memory = store_memory() if not read_only else None
        self._row_group_rows = row_group_rows() if not read_only else None
        self._con = None
        self._writer_lock: Optional[dbfile.WriterLock] = None
        # rows waiting for one executemany per table: a DuckDB statement costs ~1 ms,
        # so per-article INSERTs would dominate the ingest time
        self._pending: dict[str, list] = {}
        self._pending_keys: set[str] = set()
        self._outlets: Optional[set[str]] = None
        if not in_memory:
            self._prepare_file()
        try:
            self._con = self._connect()
            if not in_memory and self.path.stat().st_size:
                self._verify()
                dbfile.check_tables(self._con, self.path, self.read_only)  # before a reader migrates it
            self._bring_schema_up_to_date()
        except BaseException:
            self._shutdown(refused=True)
            raise
        if self._release:
            self.release()

    def _open_dataset(self) -> None:
        """Open a Parquet dataset read-only; its tables are views over the Parquet files."""
        if not self.read_only:
            raise dataset.DatasetError(
                f"{self._dataset} is a Parquet dataset, which is read-only: ingest into a DuckDB store "
                "(--db FILE.duckdb) and write the dataset again with `sitrep export --format dataset DIR`")
        if not dataset.is_url(self._dataset):
            self.path = Path(self._dataset).expanduser()
        self._release = False
        self._con = None
        self._writer_lock = None
        self._pending, self._pending_keys, self._outlets = {}, set(), None
        version = dataset.schema_version_of(self._dataset)
        if version != LATEST:
            raise dataset.DatasetError(
                f"{self._dataset} was written with store schema {version}, this sitrep reads schema "
                f"{LATEST}: write the dataset again from its store with this version "
                "(`sitrep export --format dataset DIR`)")
        self._con = self._connect()

    def _prepare_file(self) -> None:
        """Refuse a missing (when reading) or damaged file before DuckDB opens it."""
        if self.read_only and not self.path.exists():
            raise SitrepError(f"no database at {self.path}; run `sitrep ingest` first or pass --db")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise dbfile.StoreNotWritable(
                f"cannot create the folder {self.path.parent} for the database ({exc.strerror}); "
                "choose a writable place with --db or $SITREP_DB") from None
        dbfile.check_file(self.path)
        if not self.read_only:
            self._writer_lock = dbfile.WriterLock(self.path)
            self._writer_lock.acquire()

    def _verify(self) -> None:
        try:
            dbfile.verify_blocks(self._con, self.path)
        except SitrepError:
            raise
        except Exception as exc:  # noqa: BLE001 - unreadable metadata is damage too
            raise dbfile.translate(exc, self.path) from None

    def _connect(self):
        if self._dataset:
            return dataset.connect(self._dataset)
        if str(self.path) == ":memory:":
            import duckdb
            return duckdb.connect(":memory:")
        con = dbfile.connect(self.path, self.read_only, self._wait, row_group_rows=self._row_group_rows)
        self._opened_at = time.monotonic()
        if not self.read_only and self._memory:
            con.execute(f"SET memory_limit = '{self._memory}'")
        return con

    def _bring_schema_up_to_date(self) -> None:
        if not self.read_only:
            self.migrate()
        elif self.schema_version() < LATEST:  # bring an older file up to date first
            self._con.close()
            self._con = None
            try:
                with Store(self.path, wait=self._wait):
                    pass
            except SitrepError as exc:
                raise SitrepError(f"{self.path} has an older schema and cannot be upgraded now: {exc}") from exc
            self._con = self._connect()

    @property
    def con(self):
        """The DuckDB connection, opened again if it was released after a commit."""
        if self._con is None:
            self._con = self._connect()
        return self._con

    def cursor(self):
        """A new cursor on this store's connection (for another thread). A writer's file
        is attached to an in-memory connection as ``store`` (dbfile._open) and ``USE`` is
        per cursor, so each new cursor is pointed at it again."""
        cur = self.con.cursor()
        if not self._dataset and self._row_group_rows and str(self.path) != ":memory:":
            cur.execute("USE store")
        return cur

    def release(self) -> None:
        """Close the connection so other processes can open the file; reopened on use."""
        if self._con is not None and not self._pending:
            self._con.close()
            self._con = None

    # -- schema --------------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone()[0]
        if not exists:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def migrate(self) -> None:
        self.con.execute("""CREATE TABLE IF NOT EXISTS schema_version (
            version INTEGER PRIMARY KEY, description VARCHAR,
            applied_at TIMESTAMP DEFAULT current_timestamp)""")
        current = self.schema_version()
        pending = [m for m in MIGRATIONS if m[0] > current]
        if not pending:
            return
        # one transaction for all of them: a writer releases the file after each commit,
        # and a reader must never find it half-migrated (it would try to upgrade it itself)
        with self.transaction():
            for version, description, statements in pending:
                for sql in statements:
                    self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)",
                                 [version, description])

    def close(self) -> None:
        try:
            if self._pending:
                self.flush()
        except Exception as exc:  # noqa: BLE001 - a storage failure becomes a user error
            raise dbfile.translate(exc, self.path) from None
        finally:
            self._shutdown()

    def _shutdown(self, refused: bool = False) -> None:
        """Close the connection and drop the writer lock; ``refused`` (the file was refused
        on opening) also deletes the lock file if this store made it."""
        if self._con is not None:
            try:
                self._con.close()
            except Exception:  # noqa: BLE001 - closing after a fatal storage error
                pass
            self._con = None
        if self._writer_lock is not None:
            if refused:
                self._writer_lock.discard()
            else:
                self._writer_lock.release()
            self._writer_lock = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.flush()
        except BaseException as exc:
            self._pending.clear()
            self._pending_keys.clear()
            self._outlets = None
            self._rollback()
            if dbfile.is_storage_failure(exc):
                raise dbfile.translate(exc, self.path) from exc
            raise
        try:
            self.con.execute("COMMIT")
        except Exception as exc:  # noqa: BLE001 - the commit itself hit the disk
            self._outlets = None
            self._rollback()
            raise dbfile.translate(exc, self.path) from exc
        if self._release and time.monotonic() - self._opened_at >= self._release_every:
            self.release()

    def _rollback(self) -> None:
        """Roll back; after a fatal storage error DuckDB refuses even that, so the
        connection is dropped (nothing of the transaction was committed)."""
        try:
            self.con.execute("ROLLBACK")
        except Exception:  # noqa: BLE001
            try:
                self._con.close()
            except Exception:  # noqa: BLE001
                pass
            self._con = None

    def flush(self) -> None:
        """Write the rows queued by ``add_document`` (inside the current transaction)."""
        stored = [row[0] for row in self._pending.get("articles", [])]
        for table in ("articles", "documents", "sentences", "sources", "minhash", "actors", "quotes",
                      "quantities", "places", "times", "events"):
            rows = self._pending.pop(table, None)
            if rows:
                self._insert_many(_INSERTS[table], rows)
        self._pending_keys.clear()
        if stored:
            # an earlier attempt that failed on our side is no longer news once it is stored
            self.con.execute("DELETE FROM skipped WHERE reason = 'internal_error' AND list_contains(?, input_id)",
                             [stored])

    # -- identity ------------------------------------------------------------------------
    def known_hashes(self) -> dict[str, str]:
        """content hash -> article id, for current articles and replaced versions."""
        rows = self.con.execute("SELECT content_hash, article_id FROM articles").fetchall()
        old = self.con.execute("SELECT content_hash, replaced_by FROM article_versions").fetchall()
        out = {h: f"{a} (older version)" for h, a in old}
        out.update(dict(rows))
        return out

    def insert_rows(self, table: str, columns: list[str] | tuple[str, ...], rows: list[list]) -> None:
        """Bulk-insert rows of a derived table (incidents) through the column-wise path."""
        if rows:
            marks = ", ".join(["?"] * len(columns))
            self._insert_many(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def _insert_many(self, sql: str, rows: list[list]) -> None:
        """Insert rows column-wise: DuckDB scans a dict of NumPy arrays in one vectorised
        pass (~5 us a row), where parameterised INSERTs cost 0.2-1 ms a row."""
        import numpy as np

        table, columns, tail = self._insert_target(sql)
        types = self._column_types(table)
        frame = {}
        for i, name in enumerate(columns):
            values = np.empty(len(rows), dtype=object)
            blob = types[name] == "BLOB"
            for k, row in enumerate(rows):
                # bytes in an object array are read as their repr by DuckDB 1.2 (our floor):
                # BLOBs travel as hex text and are decoded by unhex() in the SELECT
                values[k] = row[i].hex() if blob and row[i] is not None else row[i]
            frame[f"c{i}"] = values
        select = ", ".join(_column_select(i, types[name]) for i, name in enumerate(columns))
        sitrep_rows = frame  # noqa: F841 - found by DuckDB's replacement scan below
        self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select} FROM sitrep_rows {tail}")

    def _insert_target(self, sql: str) -> tuple[str, list[str], str]:
        """(table, column names, trailing clause) of one of the _INSERTS statements."""
        m = re.match(r"\s*INSERT INTO (\w+)\s*(?:\(([^)]*)\))?\s*VALUES\s*\([^)]*\)\s*(.*)$", sql, re.S)
        table, cols, tail = m.group(1), m.group(2), m.group(3)
        names = [c.strip() for c in cols.split(",")] if cols else list(self._column_types(table))
        return table, names, tail

    def _column_types(self, table: str) -> dict[str, str]:
        cache = self.__dict__.setdefault("_types", {})
        if table not in cache:
            rows = self.con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                    "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
            cache[table] = dict(rows)
        return cache[table]

    def find_by_key(self, url: Optional[str], article_id: Optional[str],
                    file_origin: Optional[str] = None) -> Optional[tuple[str, int]]:
        """(article_id, version) of the stored article this one would update: same URL;
        without a URL, the same single-article file (``file_origin``), else the same id."""
        if (url or file_origin or article_id) in self._pending_keys:
            self.flush()
        if url:
            row = self.con.execute("SELECT article_id, version FROM articles WHERE url = ? LIMIT 1",
                                   [url]).fetchone()
        elif file_origin:
            row = self.con.execute(
                "SELECT article_id, version FROM articles WHERE origin = ? AND url IS NULL LIMIT 1",
                [file_origin]).fetchone()
        else:
            row = self.con.execute(
                "SELECT article_id, version FROM articles WHERE article_id = ? AND url IS NULL",
                [article_id]).fetchone()
        return (row[0], int(row[1] or 1)) if row else None

    def find_by_keys(self, keys: list[tuple[Optional[str], Optional[str], Optional[str]]]
                     ) -> list[Optional[tuple[str, int]]]:
        """``find_by_key`` of each (url, article_id, file_origin), with one query for them
        all (a query per article cost the coordinator ~14 ms each): the answers as the
        store stands now, before any of them is stored."""
        if not keys:
            return []
        if any((url or origin or aid) in self._pending_keys for url, aid, origin in keys):
            self.flush()
        urls = sorted({url for url, _, _ in keys if url})
        origins = sorted({origin for url, _, origin in keys if not url and origin})
        ids = sorted({aid for url, aid, origin in keys if not url and not origin and aid})
        by_url: dict[str, tuple[str, int]] = {}
        by_origin: dict[str, tuple[str, int]] = {}
        by_id: dict[str, tuple[str, int]] = {}
        for aid, version, url, origin in self.con.execute(
                "SELECT article_id, version, url, origin FROM articles "
                "WHERE url IN (SELECT unnest(?::VARCHAR[])) OR (url IS NULL AND "
                "(origin IN (SELECT unnest(?::VARCHAR[])) OR article_id IN (SELECT unnest(?::VARCHAR[]))))",
                [urls, origins, ids]).fetchall():
            found = (aid, int(version or 1))
            if url is not None:
                by_url.setdefault(url, found)
            else:
                by_origin.setdefault(origin, found)
                by_id[aid] = found
        return [by_url.get(url) if url else by_origin.get(origin) if origin else by_id.get(aid)
                for url, aid, origin in keys]

    def article_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT article_id FROM articles").fetchall()}

    def signatures(self) -> Iterable[tuple[str, list[int]]]:
        return self.con.execute("SELECT article_id, signature FROM minhash").fetchall()

    # -- writing -------------------------------------------------------------------------
    def replace_article(self, old_id: str, new_id: str) -> None:
        """Move the stored article to article_versions and delete its layers."""
        self.flush()
        # old versions are rare and cold: they keep their document as plain JSON
        old = self.document(old_id)
        self.con.execute("""INSERT INTO article_versions
            (article_id, url, content_hash, title, published, version, replaced_by, document)
            SELECT article_id, url, content_hash, title, published, version, ?, ?
            FROM articles WHERE article_id = ?""",
                         [new_id, json.dumps(old, ensure_ascii=False) if old else None, old_id])
        self.delete_article(old_id)

    def delete_article(self, article_id: str) -> None:
        for table in LAYER_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE article_id = ?", [article_id])

    def add_document(self, document: Document | dict[str, Any], chash: str, *,
                     signature: Optional[list[int]] = None, duplicate_of: Optional[str] = None,
                     jaccard: Optional[float] = None, version: int = 1, until: Optional[str] = None) -> str:
        """Store one Document (or its ``to_dict()``) and its layers; returns its id.

        The store is where a typed Document becomes JSON and rows."""
        doc = document.to_dict() if isinstance(document, Document) else document
        a = doc["article"]
        aid = a["id"]
        pub = iso_day(a.get("published"))
        outlet = a.get("source") or _domain(a.get("url"))
        self._queue("articles", [
            aid, chash, a.get("url"), a.get("title"), outlet, a.get("published"), pub,
            a.get("language"), a.get("input_format"), a.get("origin"), a.get("text"),
            len(doc.get("events") or []), version, duplicate_of, jaccard, until,
            None, bool(a.get("published_inferred"))])
        self._queue("documents", [aid, DOCUMENT_ENCODING, encode_document(doc)])
        for n, span in enumerate(doc.get("sentences") or []):
            self._queue("sentences", [aid, n, *span["span"]])
        self._pending_keys.update(k for k in (a.get("url"), a.get("origin"), aid) if k)
        if outlet:
            if self._outlets is None:
                self._outlets = {r[0] for r in self.con.execute("SELECT outlet FROM sources").fetchall()}
            if outlet not in self._outlets:
                self._outlets.add(outlet)
                self._queue("sources", [outlet, _domain(a.get("url"))])
        if signature is not None:
            self._queue("minhash", [aid, signature])
        self._queue_layers(aid, doc, outlet, pub, a.get("url"))
        return aid

    def _queue(self, table: str, row: list) -> None:
        self._pending.setdefault(table, []).append(row)

    def _queue_layers(self, aid: str, doc: dict, outlet, pub, url) -> None:
        q = self._queue
        for x in doc.get("actors") or []:
            q("actors", [aid, *x["span"], x.get("text"), x.get("name"), x.get("country"), x.get("sector"),
                         x.get("kind"), x.get("actor_id"), bool(x.get("locative"))])
        for x in doc.get("quotes") or []:
            q("quotes", [aid, x.get("id"), *x["span"], x.get("text"), _get(x, "speaker", "name"),
                         _get(x, "speaker", "country"), _get(x, "speaker_text", "text"), _get(x, "cue", "text"),
                         x.get("kind")])
        for x in doc.get("quantities") or []:
            q("quantities", [aid, *x["span"], x.get("text"), x.get("value"), x.get("value_high"), x.get("unit"),
                             x.get("counted"), x.get("approx")])
        for p in doc.get("places") or []:
            q("places", [aid, *p["span"], p.get("text"), p.get("name"), p.get("country"), p.get("admin1"),
                         p.get("lat"), p.get("lon"), p.get("geonameid"), p.get("feature")])
        for t in doc.get("times") or []:
            q("times", [aid, *t["span"], t.get("text"), t.get("value"), t.get("granularity"), t.get("type"),
                        t.get("mod")])
        for e in doc.get("events") or []:
            c = e.get("certainty") or {}
            date_value = _get(e, "date", "value")
            event_id = stored_event_id(aid, e["id"])
            q("events", [
                event_id, aid, e["type"], QUAD_CLASS.get(e["type"]), e.get("mode"),
                e["trigger"]["text"], *e["trigger"]["span"], e["sentence"]["text"], *e["sentence"]["span"],
                _get(e, "source", "name"), _get(e, "source", "country"), _get(e, "source", "sector"),
                _get(e, "target", "name"), _get(e, "target", "country"), _get(e, "target", "sector"),
                date_value, _get(e, "date", "text"), event_day(date_value, pub)[0],
                _get(e, "place", "name"), _get(e, "place", "country"), _get(e, "place", "lat"),
                _get(e, "place", "lon"),
                c.get("status") or "asserted", _get(c, "attributed_to", "name"), _get(c, "cue", "text"),
                json.dumps(c.get("hedges") or []), e.get("quote"),
                json.dumps(e.get("figures") or [], ensure_ascii=False), outlet, pub, url,
                _get(e, "place", "feature"), bool(e.get("background")),
                json.dumps([m["span"] for m in e.get("mentions") or []])])

    def record_skip(self, origin: Optional[str], reason: str, detail: str = "", *,
                    input_id: Optional[str] = None, stage: Optional[str] = None) -> None:
        self.record_skips([Skip(origin or "", reason, detail, stage or "", input_id)])

    def record_skips(self, skips: Iterable[Skip]) -> None:
        """Rows of the ``skipped`` table, one per Skip (the detail cut at 500 characters)."""
        for s in skips:
            self.con.execute("INSERT INTO skipped (origin, input_id, reason, stage, detail) VALUES (?, ?, ?, ?, ?)",
                             [s.origin or None, s.input_id, s.reason, s.stage or None, (s.detail or "")[:500]])

    def skip_keys(self) -> set[tuple[str, str, str]]:
        """(origin, input_id, reason) of every recorded skip, '' for a missing value."""
        rows = self.con.execute("SELECT coalesce(origin, ''), coalesce(input_id, ''), reason FROM skipped")
        return {tuple(r) for r in rows.fetchall()}

    def delete_skips(self, keys: Iterable[tuple[str, str, str]]) -> None:
        """Remove the skip rows (origin, input_id, reason) -- '' for a missing value."""
        for origin, input_id, reason in keys:
            self.con.execute("DELETE FROM skipped WHERE coalesce(origin, '') = ? AND coalesce(input_id, '') = ? "
                             "AND reason = ?", [origin, input_id, reason])

    def record_run(self, seconds: float, summary_json: str) -> None:
        """One row of ``ingest_runs``: when a run started and ended, and its summary."""
        self.con.execute("INSERT INTO ingest_runs VALUES ((SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs), "
                         "now() - to_seconds(?), now(), ?)", [seconds, summary_json])

    # -- reading -------------------------------------------------------------------------
    def document(self, article_id: str) -> Optional[dict]:
        """The stored document dict of an article (``Document.to_dict()``), None if unknown."""
        return self.documents([article_id]).get(article_id)

    def article_rows(self, columns: str, article_ids: list[str]) -> list[dict[str, Any]]:
        """``SELECT columns FROM articles a`` for the given ids, as dicts.

        In a DuckDB file the ids are looked up first and the rows fetched by rowid: filtering
        on article_id directly made DuckDB read the text column of every article (seconds on
        a 4,000-article store) to return a few. A Parquet dataset has no rowid; its row-group
        statistics on article_id do that job."""
        if self._dataset:
            where = "a.article_id IN (SELECT unnest(?::VARCHAR[]))"
        else:
            where = ("a.rowid IN (SELECT rowid FROM articles "
                     "WHERE article_id IN (SELECT unnest(?::VARCHAR[])))")
        return self.rows(f"SELECT {columns} FROM articles a WHERE {where}", [list(article_ids)])

    def documents(self, article_ids: list[str]) -> dict[str, dict]:
        """article id -> its document dict, for a batch of ids (missing ids are left out)."""
        self.flush()
        rows = self.con.execute("""SELECT a.article_id, a.text, a.document, d.body FROM articles a
            LEFT JOIN documents d USING (article_id) WHERE a.article_id IN (SELECT unnest(?))""",
                                [list(article_ids)]).fetchall()
        out = {}
        for aid, text, old_json, body in rows:
            if body is not None:
                out[aid] = decode_document(body, text)
            elif old_json is not None:  # stored before migration 7
                out[aid] = json.loads(old_json)
        return out

    def counts(self) -> dict[str, int]:
        self.flush()
        out = {}
        for table in ("articles", "article_versions", "events", "quotes", "quantities", "incidents",
                      "skipped", "sources"):
            out[table] = int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return out

    def tuples(self, sql: str, params: list | None = None) -> list[tuple]:
        self.flush()
        return self.con.execute(sql, params or []).fetchall()

    def rows(self, sql: str, params: list | None = None) -> list[dict[str, Any]]:
        self.flush()
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]


_INSERTS = {
    "articles": """INSERT INTO articles (article_id, content_hash, url, title, outlet, published, pub_date,
                   language, input_format, origin, text, n_events, version, duplicate_of,
                   duplicate_jaccard, until_stage, document, published_inferred)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
    "sources": "INSERT INTO sources (outlet, domain) VALUES (?, ?) ON CONFLICT DO NOTHING",
    "minhash": "INSERT INTO minhash VALUES (?, ?)",
    "documents": "INSERT INTO documents (article_id, encoding, body) VALUES (?, ?, ?)",
    "sentences": "INSERT INTO sentences (article_id, n, start_char, end_char) VALUES (?, ?, ?, ?)",
    "actors": "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "quotes": "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "quantities": "INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "places": "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "times": "INSERT INTO times VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "events": """INSERT INTO events (event_id, article_id, type, quad_class, mode, trigger, trigger_start,
                 trigger_end, sentence, sentence_start, sentence_end, source_name, source_country, source_sector,
                 target_name, target_country, target_sector, date_value, date_text, event_date, place_name,
                 place_country, lat, lon, certainty, attributed_to, cue, hedges, quote_id, figures, outlet,
                 pub_date, url, place_feature, background, mentions) VALUES (""" + ", ".join(["?"] * 36) + ")",
}


def _get(d: Optional[dict], key: str, sub: str) -> Any:
    inner = (d or {}).get(key)
    return inner.get(sub) if isinstance(inner, dict) else None
