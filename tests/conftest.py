import json
from pathlib import Path

import pytest

from sitrep.eval.core import default_data_dir

PROJECT = Path(__file__).resolve().parents[1]


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
