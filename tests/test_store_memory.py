"""The writer's DuckDB memory limit comes from one setting ($SITREP_STORE_MEMORY)."""
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
