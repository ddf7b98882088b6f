"""The store's file on disk: is it whole, who may open it, and what a storage failure means.

DuckDB lets one process open a file read-write, or any number of processes open it
read-only, never both at once. sitrep shares the file between an ingest and the commands
that read (``events``, ``brief``, a future server) by taking turns:

  * the ingest (the only writer) holds the file only while it commits batches, then
    releases it (``Store(release_after_commit=True)``, the default for a writer; at most
    every ``$SITREP_RELEASE_SECONDS`` when that is set); a second
    writer is turned away at once by a lock on ``<db>.lock`` that the first holds for its
    whole run (an advisory ``flock``, released by the kernel even on kill -9);
  * a reader that finds the file taken waits for the batch to be committed, retrying with
    a short back-off, and says so on stderr once; the writer likewise waits for readers to
    finish before its next batch.
Readers therefore always see whole committed batches, never a half-written one.

Damage is looked for before anything is read: the main header must carry DuckDB's magic
bytes and a readable header, and every block the tables point to must lie whole inside
the file -- so a truncated copy (a full disk, an interrupted download) is
reported as such by every command, instead of some commands failing halfway and others
printing what is left. Corrupt bytes inside a block are caught by DuckDB's own block
checksums when the block is read, and reported the same way (``translate``).
"""
from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import sys
import time
from pathlib import Path
from typing import Callable, Optional

from sitrep.errors import SitrepError

HEADER_SIZE = 4096
#: DuckDB's main header: an 8-byte checksum, then these magic bytes
MAGIC = b"DUCK"

#: seconds a reader waits for a writer's batch, and a writer for readers
READER_WAIT = float(os.environ.get("SITREP_READ_WAIT", 60))
WRITER_WAIT = float(os.environ.get("SITREP_WRITE_WAIT", 600))


class StoreError(SitrepError):
    """The store file cannot be used as asked; the message says why and what to do."""


class StoreBusy(StoreError):
    """Another process holds the file longer than we may wait."""


class StoreDamaged(StoreError):
    """The file is truncated, corrupt or not a DuckDB database."""


class StorageFull(StoreError):
    """The disk (or a size limit) is full: nothing more can be written."""


class StoreOutOfMemory(StoreError):
    """DuckDB reached its memory limit (a writer's is $SITREP_STORE_MEMORY)."""


class StoreNotWritable(StoreError):
    """The file or its folder is read-only or not ours to write."""


class NotAStore(StoreError):
    """A whole DuckDB file that lacks a table its schema version has: made by another
    tool, or a table was dropped."""


# -- integrity -------------------------------------------------------------------------

def check_file(path: Path) -> None:
    """Raise StoreDamaged unless ``path`` is missing, empty or a whole DuckDB file."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreNotWritable(f"cannot read {path} ({exc.strerror}); check its permissions") from None
    if path.is_dir():
        raise StoreNotWritable(f"{path} is a folder, not a database file; pass a file in it with --db, "
                               f"e.g. {path / 'sitrep.duckdb'}")
    if size == 0:
        return
    try:
        with open(path, "rb") as f:
            head = f.read(3 * HEADER_SIZE)
    except OSError as exc:
        raise StoreNotWritable(f"cannot read {path} ({exc.strerror}); check its permissions") from None
    if head[8:12] != MAGIC:
        raise StoreDamaged(f"{path} is not a sitrep database (no DuckDB header); "
                           "pass the right --db, or a new file name to start a store")
    if len(head) < 3 * HEADER_SIZE:
        raise StoreDamaged(_damaged(path, f"it ends after {size:,} bytes, inside its header"))
    # the size need not be a whole number of blocks: a checkpoint cut short by a full disk
    # leaves a partial block at the end that the next checkpoint overwrites (verify_blocks
    # checks the blocks the tables actually use, once DuckDB has read the catalog)


def verify_blocks(con, path: Path) -> None:
    """Every data block the tables point to must lie whole inside the file (a truncated
    file keeps a readable header; its catalog still names the lost blocks)."""
    size = path.stat().st_size
    row = con.execute("SELECT block_size FROM pragma_database_size() "
                      "WHERE database_name = current_database()").fetchone()
    block_size = int(row[0]) if row and row[0] else 0
    if not block_size:
        return
    in_file = (size - 3 * HEADER_SIZE) // block_size
    tables = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()]
    highest = -1
    for table in tables:
        quoted = table.replace("'", "''")
        found = con.execute(
            f"SELECT max(greatest(block_id, coalesce(list_max(additional_block_ids), -1))) "
            f"FROM pragma_storage_info('{quoted}') WHERE persistent").fetchone()[0]
        if found is not None:
            highest = max(highest, int(found))
    if highest >= in_file:
        raise StoreDamaged(_damaged(path, f"its tables use block {highest:,} but the file holds only "
                                          f"{in_file:,} blocks; the file was cut short"))


_CREATES_TABLE = re.compile(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", re.I)


@functools.lru_cache(maxsize=None)
def tables_of_schema(version: int) -> frozenset[str]:
    """The tables a store of schema ``version`` has: those its migrations create."""
    from sitrep.corpus.migrations import MIGRATIONS

    names = {"schema_version"}
    for number, _description, statements in MIGRATIONS:
        if number <= version:
            for sql in statements:
                names.update(name.lower() for name in _CREATES_TABLE.findall(sql))
    return frozenset(names)


def check_tables(con, path: Path, read_only: bool) -> None:
    """Raise NotAStore when the file lacks a table of its schema version (a table dropped),
    or when it is another tool's DuckDB database (tables, but no ``schema_version``):
    neither a read nor an ingest may turn someone's database into a store (an ingest would
    otherwise add a dozen tables beside theirs). A file without any table is a store not
    started yet and passes. ``read_only`` only changes the advice."""
    present = {r[0].lower() for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main'").fetchall()}
    if not present:
        return
    if "schema_version" not in present:
        raise NotAStore(_not_a_store(path, ["schema_version"]) if read_only else _foreign_for_writer(path))
    version = con.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0
    missing = sorted(tables_of_schema(int(version)) - present)
    if missing:
        raise NotAStore(_not_a_store(path, missing))


def _not_a_store(path: Path, missing: list[str]) -> str:
    more = f" and {len(missing) - 1} more" if len(missing) > 1 else ""
    return (f"{path} is not a sitrep store (missing table {missing[0]}{more}): another tool made it, or a table "
            "was dropped; pass the store `sitrep ingest` wrote with --db (or $SITREP_DB), or ingest the inputs "
            "again into a new --db")


def _foreign_for_writer(path: Path) -> str:
    return (f"{path} is not a sitrep store (missing table schema_version): it holds another tool's tables, "
            "which an ingest will not add to; pass a new file name (or an existing store) with --db")


def _damaged(path: Path, why: str) -> str:
    return (f"the database {path} is damaged: {why}. Restore it from a backup, or ingest the inputs again "
            "into a new --db")


# -- connecting -------------------------------------------------------------------------

_LOCK_HELD = re.compile(r"Could not set lock on file|Conflicting lock is held"
                        r"|same database file with a different configuration|Unique file handle conflict", re.I)
# Another connection *in this process* opened the file in the other read mode: transient when
# it is the dashboard's snapshot guard (milliseconds), a programming error when it stays open.
_SAME_PROCESS = re.compile(r"different configuration|Unique file handle conflict", re.I)
SAME_PROCESS_WAIT = 10.0
_HOLDER = re.compile(r"\(PID (\d+)\)")


def connect(path: Path, read_only: bool, wait: Optional[float] = None,
            say: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr, flush=True),
            row_group_rows: Optional[int] = None):
    """A DuckDB connection, waiting (up to ``wait`` seconds) while another process holds
    the file; every failure becomes a StoreError that says what to do. ``row_group_rows``:
    the file is attached with that row-group size (DuckDB keeps it per attachment, not in
    the file), so what the connection appends is written in row groups of that many rows."""
    import duckdb

    wait = (READER_WAIT if read_only else WRITER_WAIT) if wait is None else wait
    _start_empty_file(path, read_only)
    started, delay, told = time.monotonic(), 0.05, False
    while True:
        try:
            return _open(path, read_only, row_group_rows)
        except duckdb.Error as exc:
            message = str(exc)
            if not _LOCK_HELD.search(message):
                raise translate(exc, path) from None
            holder = _HOLDER.search(message)
            who = f"process {holder.group(1)}" if holder else "another process"
            if _SAME_PROCESS.search(message):
                who = "another connection in this process"
                if time.monotonic() - started >= min(wait, SAME_PROCESS_WAIT):
                    raise StoreBusy(f"{path} is open in this process with read_only={not read_only}; close that "
                                    "Store first (DuckDB allows one mode per file and process)") from None
            if time.monotonic() - started >= wait:
                raise StoreBusy(f"{path} is in use by {who} (an ingest writing, or a reader) for more than "
                                f"{wait:.0f} s; try again when it has finished") from None
            if not told:
                action = "commits a batch" if read_only else "finishes reading"
                say(f"sitrep: waiting for {path}: {who} is using it; going on when it {action}")
                told = True
            time.sleep(delay)
            delay = min(delay * 1.5, 0.5)


def _open(path: Path, read_only: bool, row_group_rows: Optional[int]):
    """The file opened as the connection's database: directly, or attached (as ``store``,
    then the default catalog) when a row-group size is asked for."""
    import duckdb

    if not row_group_rows:
        return duckdb.connect(str(path), read_only=read_only)
    con = duckdb.connect(":memory:")
    try:
        quoted = str(path).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS store (ROW_GROUP_SIZE {int(row_group_rows)}"
                    f"{', READ_ONLY' if read_only else ''})")
        con.execute("USE store")
    except BaseException:
        con.close()
        raise
    return con


def _start_empty_file(path: Path, read_only: bool) -> None:
    """An empty file (``touch``, ``mktemp``) is a store not started yet: a writer, which
    holds the writer lock, replaces it with a new store (DuckDB refuses to open a 0-byte
    file); a reader is told there is nothing to read yet."""
    try:
        if path.stat().st_size or not path.is_file():
            return
    except OSError:
        return
    if read_only:
        raise SitrepError(f"{path} is empty (0 bytes), not a store yet; run `sitrep ingest --db {path}` "
                          "first, or pass another --db")
    try:
        path.unlink()
    except OSError as exc:
        raise StoreNotWritable(f"cannot replace the empty file {path} ({exc.strerror}); "
                               "choose a writable place with --db or $SITREP_DB") from None


# -- what a failure means ------------------------------------------------------------------

_FULL = re.compile(r"No space left on device|Disk quota exceeded|File too large|could not write.*full", re.I)
_OUT_OF_MEMORY = re.compile(r"Out of Memory Error|could not allocate block", re.I)
_READ_ONLY = re.compile(r"Read-only file system|Permission denied|read.only", re.I)
_CORRUPT = re.compile(r"Could not read enough bytes|Corrupt database|checksum|corrupt|"
                      r"not a valid DuckDB database|Failed to read database header|Unexpected end of file", re.I)


def translate(exc: BaseException, path: Optional[Path] = None) -> SitrepError:
    """A storage exception (DuckDB's or the operating system's) as a user error."""
    if isinstance(exc, SitrepError):
        return exc
    where = f" {path}" if path else " the database"
    code = getattr(exc, "errno", None)
    text = str(exc)
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) or _FULL.search(text):
        return StorageFull(f"no space left to write{where}; committed batches are kept: free some space "
                           "(or choose another --db) and run the same command again")
    if code in (errno.EROFS, errno.EACCES, errno.EPERM) or _READ_ONLY.search(text):
        return StoreNotWritable(f"cannot write{where}: {_first_line(text)}; choose a writable place with "
                                "--db or $SITREP_DB")
    if _CORRUPT.search(text):
        return StoreDamaged(_damaged(path or Path("(database)"), _first_line(text)))
    if _OUT_OF_MEMORY.search(text):
        return StoreOutOfMemory(
            f"DuckDB ran out of the memory it may use for{where} ({_first_line(text)}); a writer may use "
            "$SITREP_STORE_MEMORY (default 512MB): raise it, e.g. SITREP_STORE_MEMORY=2GB, or set it to none for "
            "DuckDB's default (80% of RAM), and run the same command again; committed batches are kept")
    return StoreError(f"cannot use{where}: {_first_line(text)}")


def is_storage_failure(exc: BaseException) -> bool:
    """True for failures of the disk or the file, which are no single article's fault."""
    if isinstance(exc, StoreError):
        return True
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EIO):
        return True
    text = str(exc)
    # out of memory too: the writer's cap (or the machine) is no single article's fault
    return bool(_FULL.search(text) or _CORRUPT.search(text) or _OUT_OF_MEMORY.search(text)
                or "database has been invalidated" in text
                or "Read-only file system" in text)


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else "unknown error"
    return line[:300]


# -- the one-writer lock ------------------------------------------------------------------

class WriterLock:
    """An exclusive ``flock`` on ``<db>.lock`` for the lifetime of a writing Store.

    The lock file may be deleted (``discard``, or an ingest that removes the store it left
    empty), and a lock on a deleted file excludes nobody: a writer that opened the file just
    before its holder deleted it would get the ``flock`` on the orphaned file once the
    holder let go, while the next writer makes a new file at the path and locks that one --
    two writers. So a lock counts only when the file it holds is still the one at the path
    (same device and inode), else it is dropped and taken again; and a lock file is only
    ever deleted by the process that holds it, after the same check.
    """

    #: attempts to lock the file at the path while holders keep deleting it
    ATTEMPTS = 50

    def __init__(self, path: Path):
        self.path = Path(str(path) + ".lock")
        self._fd: Optional[int] = None
        #: this lock made the lock file (it was not there before): discard() removes it
        self.created = False

    def _open(self) -> int:
        """The lock file's descriptor, noting whether this call created the file."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            self.created = True
            return fd
        except FileExistsError:
            self.created = False
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)

    def acquire(self) -> None:
        import fcntl

        for _ in range(self.ATTEMPTS):
            try:
                fd = self._open()
            except OSError:
                return  # a read-only folder: DuckDB itself will refuse to write there
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.pread(fd, 32, 0).decode("ascii", "ignore").strip() or "another process"
                os.close(fd)
                raise StoreBusy(f"another sitrep process ({holder}) is writing to {self.path.with_suffix('')}; "
                                "wait for it to finish (reading commands work meanwhile)") from None
            if not _names(self.path, fd):
                os.close(fd)  # its holder deleted it after we opened it: lock the file there now
                continue
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()}".encode("ascii"), 0)
            self._fd = fd
            return
        raise StoreBusy(f"the writer lock {self.path} keeps being deleted and made again by other processes; "
                        "try again when they have finished")

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    def delete_file(self) -> None:
        """Delete the lock file while holding it, if the path still names the file held
        (a writer that opened it meanwhile notices and locks a new one: ``acquire``)."""
        if self._fd is not None and _names(self.path, self._fd):
            with contextlib.suppress(OSError):
                self.path.unlink()

    def discard(self) -> None:
        """Release the lock and, if this lock made the lock file, delete it first: a store
        refused on opening (another tool's database, a damaged file) leaves no
        ``<db>.lock`` beside it."""
        if self.created:
            self.delete_file()
        self.release()


def _names(path: Path, fd: int) -> bool:
    """``path`` is (still) the file open as ``fd``: not deleted or replaced since."""
    try:
        here, held = os.stat(path), os.fstat(fd)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (held.st_dev, held.st_ino)
