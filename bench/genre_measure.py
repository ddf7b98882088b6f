"""How well the genre judgement finds commentary on allsides-intl (issue 7).

    python bench/genre_measure.py [--min-words 300]

Label: an opinion word in the title or an "ANALYSIS/OPINION" opening (bench/audit_sample.py
``OPINION_TITLE``), the allsides editors' marking -- noisy (explainers and columns go
unmarked). Articles: allsides-intl outside every seen set (``audit_sample.seen_ids``: gold
ids, the mixed store, ids named in the repository), with ``--min-words`` words or more.
Prints, for the judgement's signals that do not read the title (the text test, the URL
section, the outlet name), the share of marked pieces they catch (recall), the share of the
flagged that are marked (precision) and the share of unmarked pieces flagged; and the share
of all articles the whole judgement (markers included) calls commentary.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-words", type=int, default=300)
    args = ap.parse_args(argv)
    from audit_sample import OPINION_TITLE, seen_ids
    from sitrep.eval.core import default_data_dir
    from sitrep.read.records import article_from_record
    from sitrep.stages import genre
    src = default_data_dir() / "allsides-intl" / "articles.jsonl"
    rows = [json.loads(line) for line in src.open(encoding="utf-8") if line.strip()]
    seen = seen_ids(rows)
    rows = [r for r in rows if r["id"] not in seen and len((r.get("text") or "").split()) >= args.min_words]
    counts = {"marked": 0, "others": 0, "marked_flagged": 0, "others_flagged": 0, "judged_commentary": 0}
    for r in rows:
        text = r.get("text") or ""
        marked = bool(OPINION_TITLE.search(r.get("title") or "")
                      or text.lstrip().upper().startswith("ANALYSIS/OPINION"))
        article = article_from_record(r, str(src))
        by_text = bool(genre.text_reasons(text))
        by_url_or_outlet = bool(genre.marker_reasons(None, "", article.url, article.source))
        label = "marked" if marked else "others"
        counts[label] += 1
        counts[label + "_flagged"] += by_text or by_url_or_outlet
        counts[label + "_flagged_by_text"] = counts.get(label + "_flagged_by_text", 0) + by_text
        counts[label + "_flagged_by_url_or_outlet"] = (counts.get(label + "_flagged_by_url_or_outlet", 0)
                                                       + by_url_or_outlet)
        counts["judged_commentary"] += genre.judge(article).label == "commentary"
    flagged = counts["marked_flagged"] + counts["others_flagged"]
    print(json.dumps({
        "articles": len(rows), **counts,
        "recall_of_marked": round(counts["marked_flagged"] / max(counts["marked"], 1), 3),
        "precision_of_flagged": round(counts["marked_flagged"] / max(flagged, 1), 3),
        "others_flagged_share": round(counts["others_flagged"] / max(counts["others"], 1), 3),
        "judged_commentary_share": round(counts["judged_commentary"] / max(len(rows), 1), 3)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
