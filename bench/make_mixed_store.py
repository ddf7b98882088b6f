"""Build the mixed-subject store the brief is judged on: 40 allsides-intl articles about
Venezuela and 40 about Syria, ingested together into one DuckDB file.

    python bench/make_mixed_store.py /tmp/mixed.duckdb [--per-subject 40]

Selection (deterministic, by article id order within each rule): Venezuela = a title
naming Venezuela, Maduro or Guaido, then the articles whose body names Venezuela most
often; Syria = a title naming Syria, published in 2018-2019 (the months the Venezuela
articles crowd into, so the two subjects overlap in time and a leaky scope shows).
Articles of the event gold (allsides-intl ``dev-gold-ids.txt`` and the held-out
``allsides-test`` ids) are never taken: the store is for reading the brief, not the gold.
The articles stay in ../shared/data; only a temporary subset file is written.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

from sitrep.eval.core import default_data_dir

VENEZUELA_TITLE = re.compile(r"Venezuel|Maduro|Guaid", re.I)
SYRIA_TITLE = re.compile(r"Syria", re.I)


def gold_ids(data: Path) -> set[str]:
    """Ids of the articles coded in the event gold (dev and test), to keep out of the store."""
    files = [data / "allsides-intl" / "dev-gold-ids.txt",
             Path(__file__).resolve().parents[1] / "src/sitrep/eval/gold/allsides-test/ids.txt"]
    return {line.strip() for f in files if f.is_file() for line in f.read_text().splitlines() if line.strip()}


def select(rows: list[dict], per_subject: int) -> tuple[list[dict], list[dict]]:
    """(Venezuela articles, Syria articles), ``per_subject`` each, disjoint."""
    ven = [r for r in rows if VENEZUELA_TITLE.search(r.get("title") or "")]
    by_mentions = sorted((r for r in rows if r not in ven and not SYRIA_TITLE.search(r.get("title") or "")),
                         key=lambda r: (-len(re.findall(r"Venezuel", r.get("text") or "")), r["id"]))
    ven = (ven + by_mentions)[:per_subject]
    taken = {r["id"] for r in ven}
    syr = [r for r in rows if SYRIA_TITLE.search(r.get("title") or "") and r["id"] not in taken
           and (r.get("published") or "")[:4] in ("2018", "2019")]
    syr.sort(key=lambda r: r["id"])
    return ven, syr[:per_subject]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db", type=Path)
    ap.add_argument("--per-subject", type=int, default=40)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--ids", type=Path, help="also write the selected ids here (one per line, subject first)")
    ap.add_argument("--jsonl", type=Path, help="write the selected articles here and stop (ingest them with `sitrep ingest`)")
    args = ap.parse_args(argv)
    data = default_data_dir()
    src = data / "allsides-intl" / "articles.jsonl" if data else None
    if not src or not src.is_file():
        print("allsides-intl/articles.jsonl not found (set SITREP_DATA)", file=sys.stderr)
        return 2
    excluded = gold_ids(data)
    rows = [json.loads(line) for line in src.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r["id"] not in excluded]
    ven, syr = select(rows, args.per_subject)
    if args.ids:
        args.ids.write_text("".join(f"Venezuela\t{r['id']}\n" for r in ven)
                            + "".join(f"Syria\t{r['id']}\n" for r in syr))
    selected = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ven + syr)
    if args.jsonl:
        args.jsonl.write_text(selected, encoding="utf-8")
        return 0
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store
    with tempfile.TemporaryDirectory(prefix="sitrep-mixed-") as tmp:
        subset = Path(tmp) / "mixed.jsonl"
        subset.write_text(selected, encoding="utf-8")
        with Store(args.db) as store:
            summary = ingest([str(subset)], store, workers=args.workers, progress=None)
    for line in summary.lines():
        print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
