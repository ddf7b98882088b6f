"""Time and memory of `sitrep extract` on oversized HTML pages (issue 9, item 2).

    python bench/bench_extract_limits.py                 # every page kind, default sizes
    python bench/bench_extract_limits.py --kinds prose-1mb markup-3mb
    python bench/bench_extract_limits.py --keep out/     # keep the generated pages

Each page is generated here (no third-party text): a news-like article whose body is
``size`` bytes of prose (``prose-*``), a page whose size is mostly markup -- nested
navigation, inline scripts and styles, thousands of links around a short article
(``markup-*``), and a page of one giant unclosed element soup (``soup-*``). Each run is a
fresh ``sitrep extract`` process under ``/usr/bin/time -v``; the script prints one JSON
object per page with the exit status, elapsed and CPU (user + system) seconds, peak
resident memory (MB), the
sitrep's stderr lines and, as the baseline, the same figures for a 20 KB page of the same
kind (a ratio, as the team measures speed). Targets: under 10 s and 600 MB per page;
``within_target`` judges the CPU seconds, since wall time on a shared machine includes
waiting for other people's work. Results: bench/results/extract-limits.jsonl.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

_CITIES = ["Caracas", "Bogota", "Lima", "Quito", "La Paz", "Santiago", "Havana", "Managua", "Panama City",
           "Port of Spain", "Kingston", "Brasilia"]
_SUBJECTS = ["Officials", "The ministry", "A spokesman for the navy", "Local residents", "Opposition leaders",
             "The governor", "Police", "Aid workers", "The coast guard", "Union representatives"]
_VERBS = ["said", "reported", "confirmed", "denied", "claimed", "announced", "warned"]
_CLAUSES = ["{n} people had been detained near the port", "talks would resume on {day}",
            "the border crossing at {city} was closed for {n} hours",
            "a convoy carrying {n} tonnes of food reached {city}",
            "protesters gathered outside the embassy in {city}",
            "the strike had cost the economy {n} million dollars",
            "troops were moved closer to {city} overnight"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def sentence(rng: random.Random) -> str:
    clause = rng.choice(_CLAUSES).format(n=rng.randint(2, 900), city=rng.choice(_CITIES), day=rng.choice(_DAYS))
    return f"{rng.choice(_SUBJECTS)} in {rng.choice(_CITIES)} {rng.choice(_VERBS)} on {rng.choice(_DAYS)} that {clause}."


def paragraphs(rng: random.Random, size: int) -> list[str]:
    out, total = [], 0
    while total < size:
        p = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        out.append(p)
        total += len(p) + 8
    return out


def _head(title: str) -> str:
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<meta property=\"og:site_name\" content=\"Bench Wire\">"
            f"<meta property=\"article:published_time\" content=\"2025-12-08T10:00:00Z\"></head><body>")


def prose_page(size: int, seed: int = 1) -> str:
    """An article whose body alone is about ``size`` bytes (a transcript, a live blog)."""
    rng = random.Random(seed)
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs(rng, size))
    return _head("Ports closed as strike spreads") + f"<article><h1>Ports closed as strike spreads</h1>{body}</article></body></html>"


def markup_page(size: int, seed: int = 2) -> str:
    """A short article inside ``size`` bytes of navigation, scripts, styles and link lists."""
    rng = random.Random(seed)
    article = "".join(f"<p>{p}</p>\n" for p in paragraphs(rng, 4000))
    parts, total, n = [], 0, 0
    while total < size:
        n += 1
        block = (f"<div class=\"nav-{n}\"><ul>" + "".join(
            f"<li><a href=\"/section/{n}/{k}\"><span>{rng.choice(_CITIES)} {k}</span></a></li>" for k in range(20))
            + f"</ul></div><script>var x{n} = {json.dumps([rng.random() for _ in range(30)])};</script>"
            f"<style>.nav-{n} {{ color: #{n % 999:03d}; }}</style>\n")
        parts.append(block)
        total += len(block)
    half = len(parts) // 2
    return (_head("Talks resume in the capital") + "".join(parts[:half])
            + f"<article><h1>Talks resume in the capital</h1>{article}</article>" + "".join(parts[half:])
            + "</body></html>")


def soup_page(size: int, seed: int = 3) -> str:
    """Deeply nested, never closed elements with text in between (a broken or hostile page)."""
    rng = random.Random(seed)
    out, total = [_head("Broken page")], 0
    while total < size:
        chunk = f"<div><span><b>{sentence(rng)}"
        out.append(chunk)
        total += len(chunk)
    return "".join(out)


KINDS = {
    "prose-1mb": (prose_page, 1_000_000),
    "markup-1mb": (markup_page, 1_000_000),
    "soup-1mb": (soup_page, 1_000_000),
    "prose-3mb": (prose_page, 3_200_000),
    "markup-3mb": (markup_page, 3_200_000),
    "markup-8mb": (markup_page, 8_000_000),
    "soup-3mb": (soup_page, 3_200_000),
}
BASELINE_BYTES = 20_000


def measure(page: Path, extra_args: list[str]) -> dict:
    """Run `sitrep extract` on the page under /usr/bin/time -v; elapsed s, peak MB, exit."""
    env = dict(os.environ, PYTHONPATH=str(PROJECT / "src"), OMP_NUM_THREADS="1")
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "sitrep.cli", "extract", str(page), *extra_args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=3600)
    stats = proc.stderr
    elapsed = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", stats)
    seconds = (int(elapsed.group(1) or 0) * 3600 + int(elapsed.group(2)) * 60 + float(elapsed.group(3))) \
        if elapsed else None
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stats)
    user = re.search(r"User time \(seconds\): ([\d.]+)", stats)
    system = re.search(r"System time \(seconds\): ([\d.]+)", stats)
    cpu = float(user.group(1)) + float(system.group(1)) if user and system else None
    status = re.search(r"Exit status: (\d+)", stats)
    messages = [ln for ln in stats.splitlines() if ln.startswith("sitrep")]
    return {"exit": int(status.group(1)) if status else proc.returncode,
            "seconds": round(seconds, 2) if seconds is not None else None,
            "cpu_seconds": round(cpu, 2) if cpu is not None else None,
            "peak_mb": round(int(rss.group(1)) / 1024) if rss else None,
            "stderr": messages[:3], "output_chars": len(proc.stdout)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kinds", nargs="*", default=list(KINDS), choices=list(KINDS))
    ap.add_argument("--keep", type=Path, default=None, help="folder to keep the generated pages in")
    ap.add_argument("--no-baseline", action="store_true", help="skip the 20 KB same-kind baseline runs")
    ap.add_argument("extra", nargs=argparse.REMAINDER, help="more arguments for sitrep extract (after --)")
    args = ap.parse_args(argv)
    if not Path("/usr/bin/time").exists():
        print("needs GNU time at /usr/bin/time (apt-get install time)", file=sys.stderr)
        return 2
    extra = [a for a in args.extra if a != "--"]
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-limits-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for kind in args.kinds:
            make, size = KINDS[kind]
            page = folder / f"{kind}.html"
            page.write_text(make(size), encoding="utf-8")
            result = {"page": kind, "bytes": page.stat().st_size, **measure(page, extra)}
            if not args.no_baseline:
                small = folder / f"{kind}-baseline.html"
                small.write_text(make(BASELINE_BYTES), encoding="utf-8")
                base = measure(small, extra)
                result["baseline"] = {"bytes": small.stat().st_size, "seconds": base["seconds"],
                                      "cpu_seconds": base["cpu_seconds"],
                                      "peak_mb": base["peak_mb"], "exit": base["exit"]}
            # on a shared machine wall time waits for other people's work: CPU seconds are
            # what the page costs, and what an idle machine would take
            result["within_target"] = bool(result["cpu_seconds"] is not None and result["cpu_seconds"] < 10
                                           and result["peak_mb"] is not None and result["peak_mb"] < 600
                                           and result["exit"] in (0, 2))
            print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
