"""What the benchmarks share: a measured run in a child process of its own (so its peak
memory is its own), a scratch folder that is removed afterwards, and the result file."""
from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Iterator


def run_child(script: str, *args: str) -> dict:
    """``python script args`` in a new process; its last stdout line is its JSON result."""
    out = subprocess.run([sys.executable, script, *args], check=True, capture_output=True, text=True,
                         env=dict(os.environ))
    return json.loads(out.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def scratch_folder(prefix: str) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB so far: VmHWM (Linux), which starts afresh
    at exec -- ru_maxrss does not: a child started by a big process reports its parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def save_result(out_dir: Path, name: str, summary: dict) -> Path:
    """The summary as ``out_dir/name`` (JSON), also printed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / name
    target.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=2))
    return target
