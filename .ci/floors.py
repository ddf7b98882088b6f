"""Print pip constraints that pin every dependency of pyproject.toml to its lowest
declared version (``pkg>=1.2`` -> ``pkg==1.2``; ``==`` pins stay), for the floors CI step.

    python .ci/floors.py [extra ...] > floors.txt
    pip install -c floors.txt -e '.[test]'

A floor that pip cannot install, or under which the tests fail, is not a floor: raise it
in pyproject.toml to the lowest version that passes.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)(;.*)?$")


def floors(requirements: list[str]) -> list[str]:
    pins = []
    for requirement in requirements:
        m = _REQUIREMENT.match(requirement)
        if not m:
            continue
        name, spec, marker = m.group(1), m.group(2).strip(), m.group(3) or ""
        low = re.search(r"(?:>=|==|~=)\s*([0-9][^,\s]*)", spec)
        if low:
            pins.append(f"{name}=={low.group(1)}{marker}")
    return pins


def main(argv: list[str]) -> int:
    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]
    requirements = list(project.get("dependencies", []))
    for extra in argv:
        requirements += project.get("optional-dependencies", {}).get(extra, [])
    print("\n".join(floors(requirements)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
