"""End-to-end pipeline throughput: articles/s, words/s, peak memory, per-stage time share.

Each worker process loads the knowledge (spaCy model, actor KB, gazetteer) once, then
runs clean → nlp → every stage and serialises the document JSON, exactly as `sitrep
extract` would; only the store is left out (see bench/bench_ingest.py for that).
spaCy alone runs over the same texts in the same pool just before and just after, so
``ratio_to_spacy_alone`` compares both under the same machine load.
"""
from __future__ import annotations

import json
import os
import platform
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Optional

_KB = None


def _init_worker() -> None:
    global _KB
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from sitrep.knowledge import default_knowledge
    kb = default_knowledge()
    # touch every resource now so loading is not billed to the first article
    for name in ("nlp", "actors", "gazetteer", "event_lexicon", "cues"):
        try:
            getattr(kb, name)
        except (ImportError, AttributeError):
            pass
    _KB = kb


def _work(records: list[dict]) -> dict[str, Any]:
    from sitrep.errors import InputError
    from sitrep.model import Article
    from sitrep.pipeline import process

    stats = {"articles": 0, "words": 0, "chars": 0, "skipped": {}, "stage_seconds": {},
             "events": 0, "json_bytes": 0, "errors": []}
    for r in records:
        article = Article(id=r["id"], text=r["text"], title=r.get("title"),
                          published=r.get("published"), source=r.get("source"), url=r.get("url"))
        try:
            doc = process(article, _KB)
        except InputError as exc:
            stats["skipped"][exc.reason] = stats["skipped"].get(exc.reason, 0) + 1
            continue
        except Exception as exc:  # one bad article must not end the benchmark
            stats["skipped"]["internal_error"] = stats["skipped"].get("internal_error", 0) + 1
            stats["errors"].append(f"{r['id']}: {type(exc).__name__}: {exc}")
            continue
        stats["json_bytes"] += len(json.dumps(doc.to_dict(), ensure_ascii=False))
        stats["articles"] += 1
        stats["words"] += len(doc.article.text.split())
        stats["chars"] += len(doc.article.text)
        stats["events"] += len(doc.events)
        for stage, seconds in doc.timings.items():
            stats["stage_seconds"][stage] = stats["stage_seconds"].get(stage, 0.0) + seconds
    stats["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return stats


def _spacy_only(records: list[dict]) -> dict[str, Any]:
    """spaCy alone (the same model object the pipeline uses) over the raw texts: the
    baseline the pipeline's throughput is compared with, in the same run and pool."""
    texts = [r["text"] for r in records]
    words = 0
    for sdoc in _KB.nlp.pipe(texts, batch_size=max(1, len(texts))):
        words += len(sdoc)
    return {"articles": len(texts), "tokens": words}


def _timed_map(pool, func, chunks) -> tuple[float, list]:
    started = time.perf_counter()
    results = list(pool.map(func, chunks))
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
    chunks = [records[i:i + chunk] for i in range(0, len(records), chunk)]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        warm = time.perf_counter()
        # loading happens in the initializer; count it separately from steady-state work
        list(pool.map(_noop, range(workers)))
        load_seconds = time.perf_counter() - warm
        # spaCy alone before and after the pipeline, so a change of machine load during
        # the run shifts both sides of the ratio alike
        spacy_seconds = [_timed_map(pool, _spacy_only, chunks)[0]]
        work_seconds, results = _timed_map(pool, _work, chunks)
        spacy_seconds.append(_timed_map(pool, _spacy_only, chunks)[0])
    total_seconds = time.perf_counter() - started
    spacy_rate = len(records) / (sum(spacy_seconds) / len(spacy_seconds)) if all(spacy_seconds) else None

    merged: dict[str, Any] = {"articles": 0, "words": 0, "chars": 0, "events": 0, "json_bytes": 0,
                              "skipped": {}, "stage_seconds": {}, "errors": []}
    peaks = []
    for r in results:
        for key in ("articles", "words", "chars", "events", "json_bytes"):
            merged[key] += r[key]
        for k, v in r["skipped"].items():
            merged["skipped"][k] = merged["skipped"].get(k, 0) + v
        for k, v in r["stage_seconds"].items():
            merged["stage_seconds"][k] = merged["stage_seconds"].get(k, 0.0) + v
        merged["errors"].extend(r["errors"])
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
        "words_per_second": round(merged["words"] / work_seconds) if work_seconds else None,
        "events": merged["events"],
        "peak_rss_mb_per_worker": round(max(peaks, default=children_peak), 1),
        "peak_rss_mb_total": round(parent_peak + max(peaks, default=children_peak) * workers, 1),
        "stage_share": {k: round(v / stage_total, 4) for k, v in
                        sorted(merged["stage_seconds"].items(), key=lambda kv: -kv[1])},
        "stage_ms_per_article": {k: round(1000 * v / max(1, merged["articles"]), 2) for k, v in
                                 sorted(merged["stage_seconds"].items(), key=lambda kv: -kv[1])},
        "machine": machine_description(),
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }


def _noop(_: int) -> None:
    return None
