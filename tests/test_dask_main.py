"""A script without a ``__main__`` guard runs the Dask executor: its workers (the first ones
and one its nanny starts after a crash) do not run the script again, and the script's own
``__main__`` stays in place while the cluster runs (it was hidden for the cluster's whole
life: pickling a class the script defines failed)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")

SRC = Path(__file__).resolve().parents[1] / "src"

SCRIPT = '''
import os, pickle, sys, time
print("script body ran", flush=True)
from sitrep.run.dask_executor import DaskExecutor


class DefinedByTheCaller:
    pass


def worker_pids(client):
    return sorted(client.run(os.getpid).values())


with DaskExecutor(workers=1, shard_dir=sys.argv[1]) as executor:
    executor.start()
    caller_main = sys.modules["__main__"]
    assert getattr(caller_main, "DefinedByTheCaller", None) is DefinedByTheCaller, "__main__ is hidden"
    pickle.loads(pickle.dumps(DefinedByTheCaller()))
    client = executor.client
    (first,) = worker_pids(client)
    os.kill(first, 9)  # the nanny starts a new worker process
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            pids = worker_pids(client)
        except Exception:
            pids = []
        if pids and first not in pids:
            break
        time.sleep(0.5)
    else:
        raise SystemExit("no new worker after the kill")
    assert sys.modules["__main__"] is caller_main, "__main__ is hidden after the restart"
    pickle.loads(pickle.dumps(DefinedByTheCaller()))
print("done", flush=True)
'''


def test_the_callers_main_is_intact_while_the_cluster_runs(tmp_path):
    script = tmp_path / "no_guard.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, str(script), str(tmp_path / "shards")], capture_output=True,
                         text=True, env=env, timeout=600, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.splitlines()[-1] == "done"
    # once, in the caller: neither the first worker nor its replacement ran the script
    assert out.stdout.count("script body ran") == 1, out.stdout
