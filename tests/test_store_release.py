"""A writer releases the store file to readers after a commit only once it has held the
connection for ``release_every`` seconds (default 0: every commit); each release costs a
checkpoint and a reopen."""
from __future__ import annotations

import pytest

from sitrep.corpus import store as store_module
from sitrep.corpus.store import Store, release_seconds
from sitrep.errors import SitrepError


def commit_something(store: Store, n: int) -> None:
    with store.transaction():
        store.record_skip(f"input:{n}", "malformed", "not JSON", input_id=f"i{n}", stage="read")


def test_every_commit_releases_when_the_interval_is_zero(tmp_path):
    with Store(tmp_path / "s.duckdb", release_every=0) as store:
        assert store._con is None  # released after opening, as always
        commit_something(store, 1)
        assert store._con is None


def test_commits_within_the_interval_keep_the_file_then_one_releases_it(tmp_path, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(store_module.time, "monotonic", lambda: clock[0])
    with Store(tmp_path / "s.duckdb", release_every=10) as store:
        commit_something(store, 1)  # opens again (released after opening) and keeps it
        assert store._con is not None
        clock[0] += 4
        commit_something(store, 2)
        assert store._con is not None
        clock[0] += 7  # 11 s since it was opened
        commit_something(store, 3)
        assert store._con is None
        commit_something(store, 4)  # the next commit opens it again
        assert store._con is not None
    with Store(tmp_path / "s.duckdb", read_only=True) as reader:
        assert reader.con.execute("SELECT count(*) FROM skipped").fetchone()[0] == 4


def test_the_interval_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("SITREP_RELEASE_SECONDS", raising=False)
    assert release_seconds() == store_module.RELEASE_EVERY_SECONDS == 0.0  # after every commit
    monkeypatch.setenv("SITREP_RELEASE_SECONDS", "10")
    assert release_seconds() == 10.0
    monkeypatch.setenv("SITREP_RELEASE_SECONDS", "soon")
    with pytest.raises(SitrepError, match="SITREP_RELEASE_SECONDS"):
        release_seconds()
