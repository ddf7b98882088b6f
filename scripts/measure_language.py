"""How well the English-only gate (sitrep.stages.language) tells English from the rest.

    python scripts/measure_language.py                  # all three sets, one JSON object
    python scripts/measure_language.py --impl old.py    # the same for another detect()

Sets (all development data: the thresholds were chosen looking at them):
  * samples      tests/fixtures/language/samples.jsonl, short paragraphs the team wrote in
                 39 languages (tr es fr pt ar ro cs hu vi tl sw fi de it nl pl sv id ru uk el
                 he fa zh ja ko hi) plus hard English (all caps, Spanish quotes, foreign names);
  * news-html    the 197 real pages of ../shared/data/news-html-pages (gold body text),
                 language from the page's html lang attribute, or the Readability case name
                 for the four French/Spanish/Portuguese pages without one; four pages whose
                 attribute is wrong (two German blog posts marked "en", two English articles
                 marked "de") are corrected by hand, see HTML_LANG_FIXES;
  * sentences    single sentences, the hardest case: the 322 English sentences of
                 ../shared/data/plover-gsr-cameo, the 284 English unit-test sentences and the
                 765 Spanish protest sentences of ../shared/data/petrarch-validation (its 78 AFP
                 sentences are a test set and are left out);
  * allsides     the 4,178 English articles of ../shared/data/allsides-intl: every refusal
                 there is an English article lost.
A page is "refused" when the gate would refuse it: a confident language other than English.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
#: Readability test cases in another language that carry no html lang attribute
READABILITY_LANG = {"lemonde-1": "fr", "liberation-1": "fr", "la-nacion": "es", "folha": "pt"}
#: pages whose html lang attribute is wrong (read by a person: the body is in this language)
HTML_LANG_FIXES = {"aeb-57b4dafd18cfd053": "de", "aeb-ba07d1e64775f409": "de",  # German blog, lang="en"
                   "aeb-f81c6c05d9cbc933": "en", "aeb-fde930b01859de83": "en"}  # English news, lang="de"


def load_detect(impl: str | None):
    if not impl:
        from sitrep.stages.language import detect
        return detect
    spec = importlib.util.spec_from_file_location("language_impl", impl)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module.detect


def score(detect, items: list[tuple[str, str, str]]) -> dict:
    """items: (id, gold language, text) -> counts, accuracy and the errors."""
    refused_en, passed_other, right_code, n_en, n_other = 0, 0, 0, 0, 0
    errors = []
    started = time.perf_counter()
    for item_id, gold, text in items:
        guess = detect(text)
        refused = bool(guess.code and guess.code != "en" and guess.confident)
        right_code += guess.code == gold
        if gold == "en":
            n_en += 1
            if refused:
                refused_en += 1
                errors.append(f"{item_id}: English refused as {guess.code}")
        else:
            n_other += 1
            if not refused:
                passed_other += 1
                errors.append(f"{item_id}: {gold} passed (guess {guess.code}, confident={guess.confident})")
    seconds = time.perf_counter() - started
    return {"items": len(items), "english": n_en, "other": n_other,
            "english_refused": refused_en, "other_passed": passed_other,
            "other_refused_rate": round((n_other - passed_other) / n_other, 4) if n_other else None,
            "code_accuracy": round(right_code / len(items), 4) if items else None,
            "ms_per_item": round(1000 * seconds / max(1, len(items)), 2),
            "errors": errors[:40]}


def samples() -> list[tuple[str, str, str]]:
    path = PROJECT / "tests" / "fixtures" / "language" / "samples.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(f"sample-{n}-{r['lang']}", r["lang"], r["text"]) for n, r in enumerate(rows)]


def news_html(data: Path) -> list[tuple[str, str, str]]:
    items = []
    for line in (data / "news-html-pages" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        lang = (row.get("html_lang") or "").lower().split("-")[0]
        case = Path(row.get("html_file") or "").parent.name
        lang = HTML_LANG_FIXES.get(row["id"]) or lang or READABILITY_LANG.get(case, "")
        if lang and row.get("text"):
            items.append((row["id"], lang, row["text"]))
    return items


def sentences(data: Path) -> list[tuple[str, str, str]]:
    items = []
    for line in (data / "plover-gsr-cameo" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        items.append((row["id"], "en", row["text"]))
    for line in (data / "petrarch-validation" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "GSR_validation" in row.get("source_file", ""):  # the AFP test sentences
            continue
        items.append((row["id"], row.get("lang") or "en", row["text"]))
    return items


def allsides(data: Path) -> list[tuple[str, str, str]]:
    path = data / "allsides-intl" / "articles.jsonl"
    items = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            row = json.loads(line)
            if (row.get("text") or "").strip():
                items.append((str(row.get("id") or n), "en", row["text"]))
    return items


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--impl", help="a Python file with another detect(text) to measure")
    ap.add_argument("--sets", nargs="*", default=["samples", "news-html", "sentences", "allsides"])
    args = ap.parse_args(argv)
    from sitrep.eval.core import default_data_dir

    detect = load_detect(args.impl)
    data = default_data_dir()
    out = {}
    for name in args.sets:
        if name == "samples":
            items = samples()
        elif data is None or not data.is_dir():
            out[name] = "shared data not found"
            continue
        else:
            items = {"news-html": news_html, "sentences": sentences, "allsides": allsides}[name](data)
        out[name] = score(detect, items)
    print(json.dumps(out, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
