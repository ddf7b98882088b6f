"""Pick the unseen allsides-intl articles of an analyst's audit (issue 7, "Measured").

    python bench/audit_sample.py OUT.jsonl [--n 40] [--seed 9] [--ids OUT_IDS.txt]

Rule (fixed before any article was read): an article is a candidate when
  * it is hard news: the title does not start with or contain "opinion", "analysis",
    "commentary", "editorial", "column", "letter", and the text does not open with
    "ANALYSIS/OPINION", and the outlet is not an opinion-only outlet (Townhall,
    National Review), and the authors field does not say "Guest Writer";
  * its body has 300-900 words (whitespace tokens);
  * its body names a conflict or crisis: one of the CRISIS words below at least twice;
  * it is in none of the sets the team has seen: the ids of allsides-intl
    ``dev-gold-ids.txt``, the allsides-test gold, the mixed Venezuela/Syria store of
    ``bench/make_mixed_store.py`` (its own selection is rerun here), and every
    ``allsides-<ID>`` string found anywhere in the repository's src/ tests/ docs/ bench/
    scripts/ trees.
Candidates are sorted by id and shuffled with ``random.Random(seed)``; the first ``n``
are taken, in that shuffled order (the first 10 are the hand-coded recall subset).
Only the subset file is written; the texts stay in ../shared/data.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

CRISIS = re.compile(r"\b(attack\w*|airstrike\w*|strike[sd]?|kill\w*|troops|sanction\w*|protest\w*|"
                    r"missile\w*|war|bomb\w*|clash\w*|militant\w*|rebel\w*|coup|ceasefire)\b", re.I)
OPINION_TITLE = re.compile(r"opinion|analysis|commentary|editorial|column|letter", re.I)
OPINION_OUTLETS = {"Townhall", "National Review"}
ID_PATTERN = re.compile(r"allsides-[A-Za-z0-9]{16}")


def seen_ids(rows: list[dict]) -> set[str]:
    """Every article id the team has coded, tuned on or put in the mixed store."""
    from make_mixed_store import gold_ids, select
    from sitrep.eval.core import default_data_dir
    seen = set(gold_ids(default_data_dir()))
    ven, syr = select([r for r in rows if r["id"] not in seen], 40)
    seen |= {r["id"] for r in ven + syr}
    for tree in ("src", "tests", "docs", "bench", "scripts"):
        for path in (REPO / tree).rglob("*"):
            if path.is_file() and path.suffix in {".py", ".md", ".json", ".jsonl", ".txt", ".tsv", ".csv"}:
                seen |= set(ID_PATTERN.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return seen


def is_hard_news(row: dict) -> bool:
    """True for a news report, false for opinion, analysis and guest columns."""
    text = row.get("text") or ""
    if OPINION_TITLE.search(row.get("title") or "") or text.lstrip().upper().startswith("ANALYSIS/OPINION"):
        return False
    if row.get("source") in OPINION_OUTLETS:
        return False
    return "guest writer" not in json.dumps(row.get("authors") or "").lower()


def is_candidate(row: dict) -> bool:
    """Hard news of 300-900 words that names a conflict or crisis at least twice."""
    text = row.get("text") or ""
    words = len(text.split())
    return is_hard_news(row) and 300 <= words <= 900 and len(CRISIS.findall(text)) >= 2


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--ids", type=Path)
    args = ap.parse_args(argv)
    from sitrep.eval.core import default_data_dir
    src = default_data_dir() / "allsides-intl" / "articles.jsonl"
    rows = [json.loads(line) for line in src.open(encoding="utf-8") if line.strip()]
    seen = seen_ids(rows)
    candidates = sorted((r for r in rows if r["id"] not in seen and is_candidate(r)), key=lambda r: r["id"])
    random.Random(args.seed).shuffle(candidates)
    chosen = candidates[:args.n]
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
    if args.ids:
        args.ids.write_text("".join(r["id"] + "\n" for r in chosen))
    print(f"{len(seen)} seen ids excluded, {len(candidates)} candidates, {len(chosen)} taken", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
