"""End-to-end pipeline throughput: articles/s, words/s, peak memory, per-stage time share.

The executor ingest uses (sitrep.run) runs Pipeline.pipe over chunks of articles; each
worker loads the knowledge (spaCy model, actor KB, gazetteer) once, then runs clean →
nlp → every stage and serialises the document JSON, exactly as `sitrep extract` would;
only the store is left out (see bench/bench_ingest.py for that).
spaCy alone runs over the same texts just before and just after, so
``ratio_to_spacy_alone`` compares both under the same machine load; on a shared machine
``cpu_ratio_to_spacy_alone`` (the same comparison in worker CPU seconds) is steadier.
That baseline runs in a pool of its own (as many workers, one pass at a time), so the
pipeline's workers never hold the stock model and ``peak_rss_mb_per_worker`` is the
pipeline's alone, comparable with runs that had no baseline.
"""
from __future__ import annotations

import json
import os
import platform
import resource
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from sitrep.errors import Skip
from sitrep.model import Article
from sitrep.pipeline import Pipeline
from sitrep.run.executor import LocalProcessExecutor
from sitrep.stages.nlp import numpy_ops_options

@dataclass(frozen=True)
class BenchTask:
    """One pass of the benchmark over a chunk, run by the executor like ingest's task:
    ``load`` (nothing: the pipeline workers' start-up), ``load_spacy`` (the same for the
    baseline's workers), ``spacy`` (spaCy alone over the raw texts, the baseline) or
    ``pipeline`` (Pipeline.pipe and the document JSON, as extract does). Returns one
    stats dict per chunk."""
    mode: str
    pipeline: Pipeline

    def __call__(self, chunk: list[Article]) -> list[dict[str, Any]]:
        if self.mode in ("load", "load_spacy"):
            return [{}]
        started = time.process_time()
        stats = _spacy_only(chunk) if self.mode == "spacy" else _pipeline_stats(self.pipeline, chunk)
        # CPU seconds of this worker: far less disturbed by other load on the machine than
        # wall time, so the CPU ratio is the steadier comparison between runs
        stats["cpu_seconds"] = time.process_time() - started
        return [stats]

    def failed(self, chunk: list[Article], error: BaseException) -> list[dict[str, Any]]:
        return [{"skipped": {"internal_error": len(chunk)}, "errors": [f"worker: {error!r}"]}]

    @property
    def baseline(self) -> bool:
        """Whether this pass belongs to the baseline's pool (the stock model, no pipeline)."""
        return self.mode in ("load_spacy", "spacy")

    def warm_up(self) -> None:
        # touch every resource now so loading is not billed to the first article; each
        # pool loads only its own model, so a pipeline worker's peak memory is its own
        if self.baseline:
            _stock_nlp()
        else:
            self.pipeline.warm_up()


_STOCK: list = []


def _stock_nlp():
    """The spaCy model as shipped (no sitrep component or speed-up): the baseline, once
    per worker process."""
    if not _STOCK:
        from sitrep.stages.nlp import load_stock_spacy
        _STOCK.append(load_stock_spacy())
    return _STOCK[0]


def _pipeline_stats(pipeline: Pipeline, chunk: list[Article]) -> dict[str, Any]:
    stats: dict[str, Any] = {"articles": 0, "words": 0, "chars": 0, "skipped": {}, "stage_seconds": {},
                             "events": 0, "json_bytes": 0, "errors": []}
    for item in pipeline.pipe(chunk):
        if isinstance(item, Skip):  # one bad article must not end the benchmark
            stats["skipped"][item.reason] = stats["skipped"].get(item.reason, 0) + 1
            if item.reason == "internal_error":
                stats["errors"].append(f"{item.input_id}: {item.detail}")
            continue
        stats["json_bytes"] += len(json.dumps(item.to_dict(), ensure_ascii=False))
        stats["articles"] += 1
        stats["words"] += len(item.article.text.split())
        stats["chars"] += len(item.article.text)
        stats["events"] += len(item.events)
        for stage, seconds in item.timings.items():
            stats["stage_seconds"][stage] = stats["stage_seconds"].get(stage, 0.0) + seconds
    stats["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return stats


def _spacy_only(chunk: list[Article]) -> dict[str, Any]:
    """spaCy alone (the model as shipped, not the pipeline's tuned copy) over the raw
    texts: the baseline the pipeline's throughput is compared with, in the same run and
    pool, so a speed-up inside the pipeline's spaCy work shows in the ratio."""
    tokens = sum(len(sdoc) for sdoc in _stock_nlp().pipe([a.text for a in chunk], batch_size=max(1, len(chunk))))
    return {"articles": len(chunk), "tokens": tokens}


def _timed_pass(executor, task: BenchTask, chunks: list[list[Article]]) -> tuple[float, list[dict]]:
    started = time.perf_counter()
    results = [stats for chunk_stats in executor.map(task, chunks) for stats in chunk_stats]
    return time.perf_counter() - started, results


def _corpus_records(corpus: Optional[str], n_articles: int) -> tuple[str, list[dict]]:
    from sitrep.eval.core import default_data_dir
    if corpus:
        path = Path(corpus)
    else:
        data = default_data_dir()
        path = data / "allsides-intl/articles.jsonl" if data else None
        if path is None or not path.is_file():
            path = Path(__file__).resolve().parents[1] / "demo/articles.jsonl"
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(records) >= n_articles:
                break
            if line.strip():
                records.append(json.loads(line))
    return str(path), records


def machine_description() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gb = None
    try:
        with open("/proc/meminfo") as f:
            mem_gb = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem_gb,
            "python": platform.python_version(), "platform": platform.platform()}


def bench_pipeline(n_articles: int = 500, corpus: Optional[str] = None,
                   workers: Optional[int] = None, chunk: int = 10) -> dict[str, Any]:
    path, records = _corpus_records(corpus, n_articles)
    workers = workers or os.cpu_count() or 1
    articles = [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"),
                        source=r.get("source"), url=r.get("url")) for r in records]
    chunks = [articles[i:i + chunk] for i in range(0, len(articles), chunk)]
    pipeline = Pipeline.default(batch_size=chunk)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    # two pools, used one at a time: the baseline's stock model would otherwise sit in
    # every pipeline worker and count in its peak memory
    with LocalProcessExecutor(workers) as executor, LocalProcessExecutor(workers) as baseline:
        # the workers start and load the knowledge on the first pass; counted apart from work
        load_seconds, _ = _timed_pass(executor, BenchTask("load", pipeline), [[]] * workers)
        _timed_pass(baseline, BenchTask("load_spacy", pipeline), [[]] * workers)
        # spaCy alone before and after the pipeline, so a change of machine load during
        # the run shifts both sides of the ratio alike
        spacy_passes = [_timed_pass(baseline, BenchTask("spacy", pipeline), chunks)]
        work_seconds, results = _timed_pass(executor, BenchTask("pipeline", pipeline), chunks)
        spacy_passes.append(_timed_pass(baseline, BenchTask("spacy", pipeline), chunks))
    total_seconds = time.perf_counter() - started
    spacy_seconds = [seconds for seconds, _ in spacy_passes]
    spacy_rate = len(records) / (sum(spacy_seconds) / len(spacy_seconds)) if all(spacy_seconds) else None
    spacy_cpu = [sum(r.get("cpu_seconds", 0.0) for r in stats) for _, stats in spacy_passes]
    pipeline_cpu = sum(r.get("cpu_seconds", 0.0) for r in results)

    merged: dict[str, Any] = {"articles": 0, "words": 0, "chars": 0, "events": 0, "json_bytes": 0,
                              "skipped": {}, "stage_seconds": {}, "errors": []}
    peaks = []
    for r in results:
        for key in ("articles", "words", "chars", "events", "json_bytes"):
            merged[key] += r.get(key, 0)
        for k, v in r["skipped"].items():
            merged["skipped"][k] = merged["skipped"].get(k, 0) + v
        for k, v in r.get("stage_seconds", {}).items():
            merged["stage_seconds"][k] = merged["stage_seconds"].get(k, 0.0) + v
        merged["errors"].extend(r["errors"])
        if "peak_rss_mb" in r:
            peaks.append(r["peak_rss_mb"])
    stage_total = sum(merged["stage_seconds"].values()) or 1.0
    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    parent_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "corpus": path,
        "articles_in": len(records),
        "articles_done": merged["articles"],
        "skipped": merged["skipped"],
        "errors": merged["errors"][:20],
        "workers": workers,
        "load_seconds": round(load_seconds, 2),
        "work_seconds": round(work_seconds, 2),
        "total_seconds": round(total_seconds, 2),
        "articles_per_second": round(len(records) / work_seconds, 2) if work_seconds else None,
        "articles_per_second_incl_load": round(len(records) / total_seconds, 2),
        "spacy_alone_articles_per_second": round(spacy_rate, 2) if spacy_rate else None,
        "spacy_alone_seconds": [round(s, 2) for s in spacy_seconds],
        # the figure that survives a noisy machine: pipeline speed as a share of spaCy's
        "ratio_to_spacy_alone": round(len(records) / work_seconds / spacy_rate, 3)
        if spacy_rate and work_seconds else None,
        "cpu_seconds": {"spacy_alone": [round(c, 2) for c in spacy_cpu], "pipeline": round(pipeline_cpu, 2)},
        # articles per CPU-second of the pipeline as a share of spaCy alone's
        "cpu_ratio_to_spacy_alone": round(sum(spacy_cpu) / len(spacy_cpu) / pipeline_cpu, 3)
        if pipeline_cpu and all(spacy_cpu) else None,
        "words_per_second": round(merged["words"] / work_seconds) if work_seconds else None,
        "events": merged["events"],
        "peak_rss_mb_per_worker": round(max(peaks, default=children_peak), 1),
        "peak_rss_mb_total": round(parent_peak + max(peaks, default=children_peak) * workers, 1),
        "stage_share": {k: round(v / stage_total, 4) for k, v in
                        sorted(merged["stage_seconds"].items(), key=lambda kv: -kv[1])},
        "stage_ms_per_article": {k: round(1000 * v / max(1, merged["articles"]), 2) for k, v in
                                 sorted(merged["stage_seconds"].items(), key=lambda kv: -kv[1])},
        # how the pipeline's spaCy multiplies matrices (sitrep.stages.nlp.numpy_ops_options);
        # the baseline is always the model as shipped (thinc's BLIS)
        "pipeline_gemm": "numpy BLAS" if numpy_ops_options() else "thinc BLIS",
        # the machine's load over the run: absolute rates mean little above ~2 on 2 cores
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "machine": machine_description(),
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }

