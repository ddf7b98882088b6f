"""Derive sitrep's CAMEO -> PLOVER table from the PLOVER project's crosswalk.

Input:  ../shared/data/plover-gsr-cameo/upstream/CAMEO2PLOVER-2021.txt (PLOVER manual
        draft 0.8, 2021-09-17; Open Event Data Alliance, CC BY-SA 4.0)
Output: src/sitrep/knowledge/data/cameo/cameo_plover.tsv

Only the codes and the PLOVER category, mode and context of each are carried over; the
CAMEO descriptions after '#' are left out. Two-digit lines ("03: AGREE") head the
upstream sections and are not codes of their own. A code listed twice keeps its first
line. The output is CC BY-SA 4.0 like its source (see the folder's README.md).

    python scripts/derive_cameo_crosswalk.py [crosswalk] [output]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "data" / "plover-gsr-cameo" / "upstream" / "CAMEO2PLOVER-2021.txt"
DEFAULT_OUTPUT = ROOT / "src" / "sitrep" / "knowledge" / "data" / "cameo" / "cameo_plover.tsv"

_LINE = re.compile(r"^\s*(\d{3,4})\s*:\s*([^#]*)")

HEADER = """\
# CAMEO event code -> PLOVER category, mode and context, derived by
# scripts/derive_cameo_crosswalk.py from CAMEO2PLOVER-2021.txt of the PLOVER project
# (manual draft 0.8, 17 September 2021), Copyright Open Event Data Alliance,
# licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); this derived
# table is under the same licence. Descriptions of the codes are not carried over.
# Contexts are separated by ';'. Empty mode/context: none given upstream.
cameo\tplover\tmode\tcontext
"""


def parse(text: str) -> list[tuple[str, str, str, str]]:
    """(code, category, mode, context) per CAMEO code line, first occurrence wins."""
    rows: dict[str, tuple[str, str, str, str]] = {}
    for line in text.splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        code, body = m.group(1), m.group(2)
        parts = [" ".join(p.split()) for p in body.split(",")]
        parts += [""] * (3 - len(parts))
        category, mode, context = parts[0].upper(), parts[1].lower(), ", ".join(parts[2:]).strip(", ")
        context = ";".join(c.strip() for c in re.split(r"[;,]", context) if c.strip())
        if not category:
            raise ValueError(f"no PLOVER category on the line for {code}: {line!r}")
        rows.setdefault(code, (code, category, mode, context))
    return sorted(rows.values())


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_INPUT
    target = Path(argv[2]) if len(argv) > 2 else DEFAULT_OUTPUT
    if not source.exists():
        print(f"no crosswalk at {source}; pass its path as the first argument", file=sys.stderr)
        return 2
    rows = parse(source.read_text(encoding="utf-8"))
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} CAMEO codes -> {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
