"""Pick the unseen allsides-intl articles of an analyst's audit (issue 7, "Measured").

    python bench/audit_sample.py OUT.jsonl [--n 40] [--seed 11] [--ids OUT_IDS.txt] [--exclude IDS.txt ...]
                                 [--text-test]

Rule (fixed before any article was read): an article is a candidate when
  * it is hard news: the title does not start with or contain "opinion", "analysis",
    "commentary", "editorial", "column", "letter", and the text does not open with
    "ANALYSIS/OPINION", and the outlet is not an opinion outlet by name (``OPINION_OUTLETS``:
    opinion magazines, think tanks, advocacy groups, columnists filed under their own name;
    or an outlet name with "Opinion", "Editorial" or "Guest Writer"), and the authors field
    does not say "Guest Writer";
  * its body has 300-900 words (whitespace tokens);
  * its body names a conflict or crisis: one of the CRISIS words below at least twice;
  * it is in none of the sets the team has seen: the ids of allsides-intl
    ``dev-gold-ids.txt``, the allsides-test gold, the mixed Venezuela/Syria store of
    ``bench/make_mixed_store.py`` (its own selection is rerun here), and every
    ``allsides-<ID>`` string found anywhere in the repository's src/ tests/ docs/ bench/
    scripts/ trees, and every id of the ``--exclude`` files (earlier audits' samples).
With ``--text-test`` (audit11, seed 13) an article is also left out when its opening reads
like commentary, whatever the outlet (``reads_as_commentary``): the first 250 words hold no
attribution verb (said, says, told, according to, announced, reported, reports, stated,
added), or the first 250 words outside quotation marks hold 2 or more first- or
second-person pronouns and should/must/ought per 100 words ("US" in capitals is not "us").
The thresholds were set, before any article of the draw was read, from the allsides-intl
articles of 300+ words outside every seen set and the seed-9/11 samples, taking an opinion
marker in the title (or an "ANALYSIS/OPINION" opening) as the label: the test catches 58%
(104) of the 179 marked pieces and leaves out 12.2% (416) of the 3,409 others (no
attribution verb alone: 48% / 9.2%; the voice threshold 2.0 is where a lower one stopped
adding marked pieces at more than twice their base rate: 1.5 would give 61% / 13.5%).
Candidates are sorted by id and shuffled with ``random.Random(seed)``; the first ``n``
are taken, in that shuffled order (the first 10 are the hand-coded recall subset).
Only the subset file is written; the texts stay in ../shared/data.

The seed-9 sample of audit9 was drawn before the outlet list (only Townhall and National
Review were excluded then) and ``--exclude``; its ids are kept with that audit's data.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from sitrep.stages.genre import load_genre_cues, reads_as_commentary

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

CRISIS = re.compile(r"\b(attack\w*|airstrike\w*|strike[sd]?|kill\w*|troops|sanction\w*|protest\w*|"
                    r"missile\w*|war|bomb\w*|clash\w*|militant\w*|rebel\w*|coup|ceasefire)\b", re.I)
OPINION_TITLE = re.compile(r"opinion|analysis|commentary|editorial|column|letter", re.I)
# Outlets of the allsides-intl table that publish opinion, commentary or advocacy rather than
# news reports, chosen from the outlet names alone (audit9 let two columns through); the
# list lives in src/sitrep/knowledge/data/cues/genre.tsv (opinion_outlet) since session 11.
OPINION_OUTLETS = frozenset(load_genre_cues().opinion_outlets)
# The commentary text test (--text-test) lives in the package now, its words and thresholds
# in src/sitrep/knowledge/data/cues/genre.tsv (sitrep.stages.genre.reads_as_commentary).
OPINION_OUTLET_NAME = re.compile(r"opinion|editorial|guest writer", re.I)
ID_PATTERN = re.compile(r"allsides-[A-Za-z0-9]{16}")


def seen_ids(rows: list[dict], exclude_files: list[Path] = ()) -> set[str]:
    """Every article id the team has coded, tuned on or put in the mixed store, and the ids
    listed in ``exclude_files`` (plain, tab-separated or JSONL id files)."""
    from make_mixed_store import gold_ids, select
    from sitrep.eval.core import default_data_dir
    seen = set(gold_ids(default_data_dir()))
    ven, syr = select([r for r in rows if r["id"] not in seen], 40)
    seen |= {r["id"] for r in ven + syr}
    for path in exclude_files:
        # any shape of id file: one id per line, "bucket<TAB>id" lines, or the JSONL samples
        # this script writes (a line-per-id reader silently excluded nothing from those)
        seen |= set(ID_PATTERN.findall(path.read_text(encoding="utf-8", errors="ignore")))
    for tree in ("src", "tests", "docs", "bench", "scripts"):
        for path in (REPO / tree).rglob("*"):
            if path.is_file() and path.suffix in {".py", ".md", ".json", ".jsonl", ".txt", ".tsv", ".csv",
                                                            ".yaml", ".yml", ".toml"}:
                seen |= set(ID_PATTERN.findall(path.read_text(encoding="utf-8", errors="ignore")))
    return seen


def is_hard_news(row: dict) -> bool:
    """True for a news report, false for opinion, analysis and guest columns."""
    text = row.get("text") or ""
    if OPINION_TITLE.search(row.get("title") or "") or text.lstrip().upper().startswith("ANALYSIS/OPINION"):
        return False
    outlet = (row.get("source") or "").strip()
    if outlet in OPINION_OUTLETS or OPINION_OUTLET_NAME.search(outlet):
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
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--ids", type=Path)
    ap.add_argument("--text-test", action="store_true",
                    help="also leave out articles whose opening reads as commentary (reads_as_commentary)")
    ap.add_argument("--exclude", type=Path, action="append", default=[],
                    help="a file of article ids to leave out (an earlier audit's sample); repeatable")
    args = ap.parse_args(argv)
    from sitrep.eval.core import default_data_dir
    src = default_data_dir() / "allsides-intl" / "articles.jsonl"
    rows = [json.loads(line) for line in src.open(encoding="utf-8") if line.strip()]
    seen = seen_ids(rows, args.exclude)
    candidates = sorted((r for r in rows if r["id"] not in seen and is_candidate(r)
                         and not (args.text_test and reads_as_commentary(r.get("text") or ""))),
                        key=lambda r: r["id"])
    random.Random(args.seed).shuffle(candidates)
    chosen = candidates[:args.n]
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
    if args.ids:
        args.ids.write_text("".join(r["id"] + "\n" for r in chosen))
    print(f"{len(seen)} seen ids excluded, {len(candidates)} candidates, {len(chosen)} taken", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
