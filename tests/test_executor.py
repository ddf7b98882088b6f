"""The local process pool hands results back in input order, whichever worker finishes first."""
import time
from dataclasses import dataclass
from pathlib import Path

from sitrep.model import Article
from sitrep.run.executor import LocalProcessExecutor


@dataclass(frozen=True)
class FirstWaitsForSecond:
    """The first chunk cannot finish before the second one has: its worker waits for the
    file the second chunk's worker writes (a fact of ordering, not of speed)."""
    flag: str

    def __call__(self, chunk: list[Article]) -> list[str]:
        ids = [a.id for a in chunk]
        if ids == ["a0"]:
            deadline = time.monotonic() + 120  # a safety net against a hang, not a measurement
            while not Path(self.flag).exists() and time.monotonic() < deadline:
                time.sleep(0.01)
        elif ids == ["a1"]:
            Path(self.flag).write_text("done")
        return ids

    def failed(self, chunk: list[Article], error: BaseException) -> list[str]:
        return [f"failed {a.id}" for a in chunk]

    def warm_up(self) -> None:
        pass


def test_results_come_back_in_input_order(tmp_path):
    task = FirstWaitsForSecond(str(tmp_path / "second-finished"))
    chunks = [[Article(id=f"a{n}", text="x")] for n in range(6)]
    with LocalProcessExecutor(2, in_flight_per_worker=1) as executor:
        results = list(executor.map(task, chunks))
    assert (tmp_path / "second-finished").exists()  # the second chunk did finish first
    assert results == [[f"a{n}"] for n in range(6)]


def test_the_command_line_offers_every_engine_there_is():
    from sitrep.cli.corpus import ENGINES as OFFERED
    from sitrep.run.executor import ENGINES

    assert tuple(ENGINES) == OFFERED


def test_engine_options_belong_to_their_engine(tmp_path, capsys):
    from sitrep.cli import main

    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(tmp_path), "--db", str(db), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "--scheduler only work with --engine dask" in capsys.readouterr().err
    assert not db.exists()  # refused before a store was made


@dataclass(frozen=True)
class FirstWaitsForFlag:
    """The first chunk finishes only once the flag file exists (written by the test's
    chunk source); every other chunk at once."""
    flag: str

    def __call__(self, chunk: list[Article]) -> list[str]:
        if chunk[0].id == "a0":
            deadline = time.monotonic() + 120  # a safety net against a hang, not a measurement
            while not Path(self.flag).exists() and time.monotonic() < deadline:
                time.sleep(0.01)
        return [a.id for a in chunk]

    def failed(self, chunk: list[Article], error: BaseException) -> list[str]:
        return [f"failed {a.id}" for a in chunk]

    def warm_up(self) -> None:
        pass


def test_a_slow_chunk_holds_back_a_bounded_number_of_results(tmp_path):
    """Results wait for the oldest chunk (input order), so while it is slow the executor
    must stop taking chunks at its window, not read the whole input into memory."""
    flag = tmp_path / "release-first"
    workers, per_worker = 2, 2
    window = workers * per_worker
    pulled = {"n": 0}

    def source():
        for n in range(40):
            pulled["n"] = n + 1
            if n + 1 == window:
                flag.write_text("go")  # the slow chunk may finish once the window is full
            yield [Article(id=f"a{n}", text="x")]

    with LocalProcessExecutor(workers, in_flight_per_worker=per_worker) as executor:
        results = executor.map(FirstWaitsForFlag(str(flag)), source())
        first = next(results)
        taken_before_first = pulled["n"]
        rest = list(results)
    assert first == ["a0"]
    assert taken_before_first <= window, taken_before_first
    assert [first, *rest] == [[f"a{n}"] for n in range(40)]
