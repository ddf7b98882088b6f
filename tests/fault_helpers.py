"""Shared pieces of the fault suite: a generated corpus, the real CLI in a subprocess, a
size-limited tmpfs, and a fingerprint of a store to compare a faulted run with a clean one."""
from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

PROJECT = Path(__file__).resolve().parents[1]
TOWNS = ["Arden", "Belmont", "Corrin", "Dunmore", "Eston", "Farley", "Glenby", "Harrow", "Istow", "Jarrow"]
WORDS = ("the port authority said crews would unload cargo after the storm while traders complained "
         "about prices and the mayor promised deliveries by road before the weekend").split()


def write_corpus(path: Path, n: int, *, words_per_article: int = 60, prefix: str = "f",
                 distinct: bool = False) -> Path:
    """``n`` different English articles as JSONL (our own generated sentences). Many are
    near-duplicates of each other unless ``distinct`` (random word order per article)."""
    import random
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            town = TOWNS[i % len(TOWNS)]
            if distinct:
                filler = " ".join(rng.choice(WORDS) + str(rng.randint(0, 99)) for _ in range(words_per_article))
            else:
                filler = " ".join(WORDS[(i * 7 + k) % len(WORDS)] for k in range(words_per_article))
            text = (f"Officials in {town} said on Tuesday that {i + 3} fishing boats had returned to port. "
                    f"Report {prefix}{i}: {filler}. The regional governor of {town} promised help.")
            f.write(json.dumps({"id": f"{prefix}{i}", "title": f"Boats return {i}", "published": "2025-12-02",
                                "source": f"Outlet {i % 4}", "url": f"https://faults.invalid/{prefix}{i}",
                                "text": text}) + "\n")
    return path


def cli_env(**extra: str) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONPATH=str(PROJECT / "src"))
    env.update(extra)
    return env


def cli(*args: str, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    """``sitrep <args>`` in a fresh process, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], capture_output=True, text=True,
                          timeout=timeout, env=cli_env(**env))


def ingest_args(src: Path, db: Path, *more: str) -> list[str]:
    return ["ingest", str(src), "--db", str(db), "--workers", "1", "--until", "clean", "--no-progress", *more]


def assert_one_line_error(result: subprocess.CompletedProcess, *words: str) -> None:
    """Exit 2, no traceback, one 'sitrep: error:' line that names what is wrong."""
    err = result.stderr
    assert "Traceback" not in err, err
    assert result.returncode == 2, (result.returncode, err)
    lines = [ln for ln in err.splitlines() if ln.startswith("sitrep: error:")]
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], lines[0]


def fingerprint(db: Path) -> dict:
    """What a store holds, without timestamps: articles with their hashes and layer
    counts, skip rows, incidents. Two stores with equal fingerprints hold the same data."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = con.execute("SELECT article_id, content_hash, n_events, version, duplicate_of "
                               "FROM articles ORDER BY article_id").fetchall()
        out = {"articles": articles,
               "duplicate_ids": con.execute("SELECT count(*) - count(DISTINCT article_id) FROM articles").fetchone()[0],
               "skipped": sorted(con.execute("SELECT coalesce(origin, ''), reason, coalesce(input_id, '') "
                                             "FROM skipped").fetchall())}
        for table in ("events", "actors", "quotes", "places", "times", "quantities", "minhash", "incidents"):
            out[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out
    finally:
        con.close()


@contextlib.contextmanager
def tmpfs(where: Path, size: str):
    """A small tmpfs at ``where`` (a full disk on demand); skips the test when this
    machine does not let us mount one."""
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def remount(where: Path, options: str) -> None:
    done = subprocess.run(["mount", "-o", f"remount,{options}", str(where)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
