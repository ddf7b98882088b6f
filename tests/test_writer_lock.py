"""The one-writer lock (``<db>.lock``) stays exclusive when its file is deleted: a lock
file is removed only by its holder, and a writer that locked a file which was removed
meanwhile (it opened the old file just before the unlink) takes the lock again on the
file now at the path, instead of holding a lock nobody else can see."""
from __future__ import annotations

import os

import pytest

from sitrep.corpus.dbfile import StoreBusy, WriterLock


def _open_then(lock: WriterLock, meanwhile):
    """Make ``lock``'s first open of the lock file run ``meanwhile`` right after it (the
    moment another process could unlink the file it has just opened)."""
    original = lock._open
    calls = []

    def open_and_interleave() -> int:
        fd = original()
        if not calls:
            calls.append(fd)
            meanwhile()
        return fd

    lock._open = open_and_interleave


def test_a_writer_that_opened_the_lock_file_before_its_holder_removed_it_keeps_others_out(tmp_path):
    """Holder A made the lock file and discards it (a refused store); B had opened that file
    just before. B must end up holding the file at the path, so a third writer C is refused."""
    db = tmp_path / "x.duckdb"
    holder = WriterLock(db)
    holder.acquire()
    assert holder.created
    late = WriterLock(db)
    _open_then(late, holder.discard)
    late.acquire()
    try:
        third = WriterLock(db)
        with pytest.raises(StoreBusy):
            third.acquire()
        assert late.path.exists()
        assert os.fstat(late._fd).st_ino == late.path.stat().st_ino
    finally:
        late.release()


def test_the_same_when_the_holder_deletes_the_store_and_its_lock_file(tmp_path):
    """An ingest that stored nothing removes its store and lock file under the lock
    (``cli/corpus.py``); a writer that opened the lock file meanwhile must not be alone
    on the deleted file."""
    db = tmp_path / "x.duckdb"
    holder = WriterLock(db)
    holder.acquire()
    late = WriterLock(db)

    def remove_and_release():
        holder.delete_file()
        holder.release()

    _open_then(late, remove_and_release)
    late.acquire()
    try:
        with pytest.raises(StoreBusy):
            WriterLock(db).acquire()
    finally:
        late.release()


def test_discard_leaves_a_lock_file_that_is_no_longer_its_own(tmp_path):
    """Owner-checked removal: when the path names another file than the one this lock holds
    (someone removed and re-made it), discard() does not delete that other writer's file."""
    db = tmp_path / "x.duckdb"
    first = WriterLock(db)
    first.acquire()
    first.path.unlink()  # e.g. removed by hand while the writer runs
    second = WriterLock(db)
    second.acquire()
    try:
        first.discard()
        assert second.path.exists()
        with pytest.raises(StoreBusy):
            WriterLock(db).acquire()
    finally:
        second.release()


def test_a_busy_lock_is_refused_at_once_and_its_file_kept(tmp_path):
    db = tmp_path / "x.duckdb"
    holder = WriterLock(db)
    holder.acquire()
    try:
        refused = WriterLock(db)
        with pytest.raises(StoreBusy, match="pid"):
            refused.acquire()
        refused.discard()  # nothing held: nothing removed
        assert holder.path.exists()
    finally:
        holder.discard()
    assert not holder.path.exists()
