import json
from pathlib import Path

import pytest

from sitrep.eval.core import default_data_dir

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _learned_filter_drops_off(request, monkeypatch):
    """Tests of the rule stages run without the learned event filter's drops (its rules still
    drop): the shipped model is retrained every session, and a rule's test must not flip with
    its weights. The event filter's own test files (test_event_filter*) keep the drops on."""
    if request.module.__name__.rsplit(".", 1)[-1].startswith("test_event_filter"):
        return
    from sitrep.stages import event_filter

    monkeypatch.setattr(event_filter, "APPLY_MODEL", False)


@pytest.fixture(scope="session")
def kb():
    from sitrep.knowledge import default_knowledge
    return default_knowledge()


@pytest.fixture(scope="session")
def shared_data():
    """../shared/data, or skip: the project must work without it."""
    d = default_data_dir()
    if d is None or not d.is_dir():
        pytest.skip("shared evaluation data not found (set SITREP_DATA)")
    return d


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
