"""Small learned components over the typed model (numpy only, deterministic)."""
from __future__ import annotations

import subprocess
from pathlib import Path


def source_commit(repo: Path) -> str:
    """The short git commit of ``repo`` (written into a trained model's header, so the
    model says which rules produced its training candidates), or "unknown" outside git."""
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
