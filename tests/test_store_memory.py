"""The writer's DuckDB memory limit comes from one setting ($SITREP_STORE_MEMORY), is
512 MB by default (not DuckDB's 80% of RAM), and reaching it stops the writer with one
line that names the setting, as a storage failure (no article is blamed for it)."""
from __future__ import annotations

import pytest

from sitrep.corpus import store as store_module
from sitrep.corpus.store import Store, store_memory
from sitrep.errors import SitrepError


def _limit(store: Store) -> str:
    return store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]


def _mib(text: str) -> float:
    number, unit = text.split()
    return float(number) * {"KiB": 1 / 1024, "MiB": 1, "GiB": 1024}[unit]


def test_default_and_setting(monkeypatch):
    monkeypatch.delenv("SITREP_STORE_MEMORY", raising=False)
    assert store_memory() == store_module.STORE_MEMORY
    monkeypatch.setenv("SITREP_STORE_MEMORY", " 512 MB ")
    assert store_memory() == "512MB"
    monkeypatch.setenv("SITREP_STORE_MEMORY", "lots")
    with pytest.raises(SitrepError, match="SITREP_STORE_MEMORY"):
        store_memory()
    for uncapped in ("none", "NONE", "0", "default"):
        monkeypatch.setenv("SITREP_STORE_MEMORY", uncapped)
        assert store_memory() is None


def test_a_writer_is_capped_by_default_and_none_lifts_the_cap(tmp_path, monkeypatch):
    monkeypatch.delenv("SITREP_STORE_MEMORY", raising=False)
    with Store(tmp_path / "s.duckdb") as store:
        assert 480 <= _mib(_limit(store)) <= 512
        store.release()
        assert 480 <= _mib(_limit(store)) <= 512
    monkeypatch.setenv("SITREP_STORE_MEMORY", "none")
    with Store(tmp_path / "s.duckdb") as store:
        assert _mib(_limit(store)) > 512  # DuckDB's own: 80% of this machine's RAM


def test_reaching_the_cap_is_a_one_line_storage_failure_naming_the_setting(tmp_path, monkeypatch):
    from sitrep.corpus.dbfile import StoreOutOfMemory, is_storage_failure

    monkeypatch.setenv("SITREP_STORE_MEMORY", "8MB")
    with Store(tmp_path / "s.duckdb") as store:
        store.con.execute("CREATE TABLE scratch (k VARCHAR PRIMARY KEY, v VARCHAR)")
        with pytest.raises(StoreOutOfMemory) as caught:
            with store.transaction():
                store.con.execute("INSERT INTO scratch SELECT 'key-' || i || '-' || md5(i::VARCHAR), "
                                  "repeat('v', 40) FROM range(400000) r(i)")
        message = str(caught.value)
        assert "\n" not in message and "SITREP_STORE_MEMORY" in message and "2GB" in message
        assert is_storage_failure(caught.value.__cause__)  # an ingest stops instead of blaming each article
        assert store.con.execute("SELECT count(*) FROM scratch").fetchone()[0] == 0  # rolled back


def test_writer_connection_is_capped_again_after_a_release(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_STORE_MEMORY", "96MB")
    with Store(tmp_path / "s.duckdb") as store:
        assert 90 <= _mib(_limit(store)) <= 96  # DuckDB reports MiB
        store.release()  # the next use opens a new connection: it must carry the limit too
        assert 90 <= _mib(_limit(store)) <= 96


def test_a_reader_keeps_duckdbs_default(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_STORE_MEMORY", "96MB")
    with Store(tmp_path / "s.duckdb"):
        pass
    with Store(tmp_path / "s.duckdb", read_only=True) as reader:
        assert _mib(_limit(reader)) > 96
