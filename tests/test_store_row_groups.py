"""A writer appends in row groups of ROW_GROUP_ROWS ($SITREP_ROW_GROUP_ROWS), so what one
checkpoint rewrites is bounded by that, not by the size of the store."""
from __future__ import annotations

import pytest

from sitrep.corpus import store as store_module
from sitrep.corpus.store import Store, row_group_rows
from sitrep.errors import SitrepError


def test_default_and_setting(monkeypatch):
    monkeypatch.delenv("SITREP_ROW_GROUP_ROWS", raising=False)
    assert row_group_rows() == store_module.ROW_GROUP_ROWS
    monkeypatch.setenv("SITREP_ROW_GROUP_ROWS", "4096")
    assert row_group_rows() == 4096
    monkeypatch.setenv("SITREP_ROW_GROUP_ROWS", "0")
    assert row_group_rows() is None
    for bad in ("1000", "lots"):
        monkeypatch.setenv("SITREP_ROW_GROUP_ROWS", bad)
        with pytest.raises(SitrepError, match="SITREP_ROW_GROUP_ROWS"):
            row_group_rows()


def _row_groups(path, table: str) -> list[int]:
    with Store(path, read_only=True) as store:
        return [r[0] for r in store.con.execute(
            f"SELECT max(count) FROM pragma_storage_info('{table}') GROUP BY row_group_id ORDER BY row_group_id"
        ).fetchall()]


def _commit_sources(store: Store, start: int, n: int) -> None:
    with store.transaction():
        store.insert_rows("sources", ["outlet"], [[f"outlet-{i:05d}"] for i in range(start, start + n)])


@pytest.mark.parametrize("setting, most", [("2048", 2048), ("0", 122_880)])
def test_commits_append_in_row_groups_of_the_set_size(tmp_path, monkeypatch, setting, most):
    """Commits (each a release: a checkpoint) of 1,500 rows fill row groups of at most
    the set size; with DuckDB's default they stay one row group."""
    monkeypatch.setenv("SITREP_ROW_GROUP_ROWS", setting)
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        for k in range(4):
            _commit_sources(store, 1500 * k, 1500)
        assert store.con.execute("SELECT count(*) FROM sources").fetchone()[0] == 6000
    groups = _row_groups(path, "sources")
    assert sum(groups) == 6000 and max(groups) <= most
    assert (len(groups) >= 3) == (setting != "0")


def test_a_reader_in_the_writers_process_gets_the_one_line_answer(tmp_path):
    """The writer's file is attached (for its row-group size): a reader in the same process
    while the writer holds it is told so in one line (DuckDB says 'Unique file handle
    conflict' for an attached file), and reads once the writer has let go."""
    from sitrep.corpus.dbfile import StoreBusy

    path = tmp_path / "s.duckdb"
    with Store(path, release_after_commit=False) as writer:
        _commit_sources(writer, 0, 10)
        with pytest.raises(StoreBusy, match="open in this process"):
            Store(path, read_only=True, wait=0.3)
    with Store(path, read_only=True) as reader:
        assert reader.con.execute("SELECT count(*) FROM sources").fetchone()[0] == 10
