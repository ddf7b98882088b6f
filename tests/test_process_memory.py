"""Settling a worker's memory after loading (sitrep.process_memory) changes nothing it
computes: the loaded objects leave the collector's walks and malloc keeps large blocks."""
import gc
import sys

import pytest

from sitrep import process_memory


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()


def test_settle_freezes_what_is_alive(unfrozen):
    loaded = [{"name": str(i)} for i in range(1000)]
    before = gc.get_freeze_count()
    done = process_memory.settle()
    assert done["gc_frozen"] is True
    assert gc.get_freeze_count() >= before + len(loaded)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt is Linux-only")
def test_malloc_is_tuned_unless_asked_not_to(monkeypatch):
    assert process_memory.keep_freed_blocks() is True
    monkeypatch.setenv("SITREP_MALLOC", "default")
    assert process_memory.keep_freed_blocks() is False


def test_a_pipeline_warmed_up_is_settled(unfrozen, monkeypatch):
    from sitrep.pipeline import Pipeline

    calls = []
    monkeypatch.setattr("sitrep.pipeline.settle", lambda: calls.append(1))
    Pipeline.default(until="nlp").warm_up()
    assert calls == [1]
    Pipeline.default(until="clean").warm_up()  # no model to load: nothing to settle
    assert calls == [1]
