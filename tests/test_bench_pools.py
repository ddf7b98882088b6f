"""sitrep bench keeps the baseline's stock spaCy model out of the pipeline's workers, so
their reported peak memory is the pipeline's alone (no timing is checked here)."""
from __future__ import annotations

from sitrep.eval import bench


class RecordingExecutor:
    """Stands in for LocalProcessExecutor: runs nothing, notes which passes each pool ran."""

    pools: list["RecordingExecutor"] = []

    def __init__(self, workers: int):
        self.modes: list[str] = []
        RecordingExecutor.pools.append(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def map(self, task, chunks):
        self.modes.append(task.mode)
        for chunk in chunks:
            stats = {"skipped": {}, "errors": [], "cpu_seconds": 1.0, "articles": len(chunk)}
            if task.mode == "pipeline":
                stats["peak_rss_mb"] = 100.0
            yield [stats]


def test_the_pipeline_and_the_baseline_run_in_separate_pools(monkeypatch):
    records = [{"id": f"a{i}", "text": "Officials met in the capital."} for i in range(4)]
    monkeypatch.setattr(bench, "_corpus_records", lambda corpus, n: ("test", records))
    monkeypatch.setattr(bench, "LocalProcessExecutor", RecordingExecutor)
    RecordingExecutor.pools = []
    report = bench.bench_pipeline(n_articles=4, workers=2, chunk=2)
    pipeline_pools = [p for p in RecordingExecutor.pools if "pipeline" in p.modes]
    baseline_pools = [p for p in RecordingExecutor.pools if "spacy" in p.modes]
    assert len(pipeline_pools) == 1 and len(baseline_pools) == 1
    assert pipeline_pools[0] is not baseline_pools[0]
    assert pipeline_pools[0].modes == ["load", "pipeline"]
    assert baseline_pools[0].modes == ["load_spacy", "spacy", "spacy"]
    assert report["peak_rss_mb_per_worker"] == 100.0
    assert report["cpu_ratio_to_spacy_alone"] is not None


def test_each_pool_warms_up_only_its_own_model(monkeypatch):
    loaded = []
    monkeypatch.setattr(bench, "_STOCK", [])
    monkeypatch.setattr("sitrep.stages.nlp.load_stock_spacy", lambda: loaded.append("stock") or object())

    class Pipeline:
        def warm_up(self):
            loaded.append("pipeline")

    for mode in ("load", "pipeline"):
        bench.BenchTask(mode, Pipeline()).warm_up()
    assert loaded == ["pipeline", "pipeline"]  # no stock model in a pipeline worker
    for mode in ("load_spacy", "spacy"):
        bench.BenchTask(mode, Pipeline()).warm_up()
    assert loaded == ["pipeline", "pipeline", "stock"]  # loaded once per baseline worker
