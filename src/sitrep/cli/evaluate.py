"""`sitrep eval` and `sitrep bench`: quality and speed anyone can reproduce."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sitrep.cli.options import add_actors, add_json, add_workers, checked, positive_int
from sitrep.cli.output import write_json
from sitrep.errors import SitrepError


def register(sub) -> None:
    from sitrep.corpus.queries import check_limit

    p = sub.add_parser(
        "eval", help="score every stage on the gold sets found (P, R, F1, accuracy@161km)",
        description="Score sitrep against every gold set found under --data (default "
                    "$SITREP_DATA or ../shared/data). Missing sets are skipped with a note.")
    p.add_argument("--data", help="folder holding the gold sets (default: $SITREP_DATA or ../shared/data)")
    p.add_argument("--stage", help="only gold sets of this stage (html, events, certainty, quotes, "
                                   "times, places, quantities, incidents)")
    p.add_argument("--set", dest="set_name", help="only this gold set (see --list)")
    p.add_argument("--gold", help="your own gold file (JSONL, format in docs/gold-formats.md); needs --stage")
    p.add_argument("--limit", type=checked(check_limit), metavar="N",
                   help="score only the first N items of each set (fast check)")
    p.add_argument("--show-errors", type=positive_int("--show-errors"), default=0, metavar="N",
                   help="print N misses and false alarms with their sentences")
    add_json(p, "all results (the text report then goes to stderr when JSON goes to stdout)")
    p.add_argument("--reveal-parts", metavar="PARTS", default=None,
                   help="also score these held-out allsides-dev parts, comma-separated (figures only; "
                        "each read is logged, see src/sitrep/eval/gold/allsides-dev/README.md, session 19)")
    p.add_argument("--list", action="store_true", help="list the gold sets and whether they are found")
    add_actors(p)
    p.set_defaults(func=run_eval)

    b = sub.add_parser(
        "bench", help="articles/s, words/s, peak memory and per-stage time share",
        description="Run the full pipeline over the first N articles of a corpus (default: "
                    "allsides-intl in the shared data, else the bundled demo corpus).")
    b.add_argument("--articles", type=positive_int("--articles"), default=500, metavar="N",
                   help="how many articles of the corpus (default 500)")
    b.add_argument("--corpus", metavar="FILE", help="a JSONL corpus (default: allsides-intl, else the demo)")
    add_workers(b, "all cores")
    add_json(b, "the result (it is always printed on stdout)")
    add_actors(b)
    b.set_defaults(func=run_bench)


def _data_dir(args) -> Path | None:
    from sitrep.eval.core import default_data_dir
    if args.data:
        path = Path(args.data)
        if not path.is_dir():
            raise SitrepError(f"--data {args.data}: no such folder")
        return path
    return default_data_dir()


def _available(gold_set, data_dir: Path | None) -> bool:
    """Whether a gold set can be scored: the bundled ones (the demo's) need no data folder,
    so a fresh clone without the shared data still scores them."""
    try:
        return bool(gold_set.available(data_dir))
    except TypeError:  # a set that reads the data folder, and there is none
        return False


def run_eval(args) -> int:
    from sitrep.eval.core import load_sets
    from sitrep.knowledge import default_knowledge

    data_dir = _data_dir(args)
    sets = load_sets()
    if args.list:
        for s in sets:
            found = _available(s, data_dir)
            print(f"{s.NAME:28} {s.STAGE:12} {'found' if found else 'missing':8} {s.DESCRIPTION}")
        return 0
    if args.gold:
        return _run_user_gold(args, sets)
    selected = [s for s in sets
                if (not args.stage or s.STAGE == args.stage or args.stage in getattr(s, "STAGES", ()))
                and (not args.set_name or s.NAME == args.set_name)]
    if not selected:
        raise SitrepError(f"no gold set matches --stage {args.stage} --set {args.set_name}; "
                          "see `sitrep eval --list`")
    reveal = _reveal_parts(args.reveal_parts, selected)
    kb = default_knowledge()
    results = []
    for s in selected:
        if not _available(s, data_dir):
            print(f"# {s.NAME}: skipped (data not found under {data_dir or '$SITREP_DATA'})",
                  file=sys.stderr)
            continue
        print(f"# {s.NAME} ({s.STAGE}) …", file=sys.stderr)
        started = time.perf_counter()
        extra = {"reveal": reveal} if reveal and hasattr(s, "BLIND_PARTS") else {}
        result = s.evaluate(kb, data_dir, limit=args.limit, show_errors=args.show_errors, **extra)
        result.seconds = time.perf_counter() - started
        results.append(result)
        report = sys.stderr if args.json == "-" else sys.stdout
        print(format_result(result), file=report)
        for line in result.errors[: args.show_errors]:
            print("   ", line, file=report)
        report.flush()
    if args.json:
        write_json({"date": time.strftime("%Y-%m-%d %H:%M:%S"), "limit": args.limit,
                    "results": [r.to_dict() for r in results]}, args.json)
    return 0


def _reveal_parts(value: str, selected) -> tuple[str, ...]:
    """The held-out parts ``--reveal-parts`` asks for, checked and logged (``sitrep.eval.reads``)."""
    from sitrep.eval.reads import log_read, read_log_path
    from sitrep.eval.sets import allsides_dev

    parts = tuple(sorted({p.strip().upper() for p in (value or "").split(",") if p.strip()}))
    if not parts:
        return ()
    unknown = [p for p in parts if p not in allsides_dev.BLIND_PARTS]
    if unknown:
        raise SitrepError(f"--reveal-parts {','.join(unknown)}: not a held-out part; the held-out parts are "
                          f"{', '.join(sorted(allsides_dev.BLIND_PARTS))} (the others are always scored)")
    if not any(hasattr(s, "BLIND_PARTS") for s in selected):
        raise SitrepError("--reveal-parts needs the allsides-dev set: add --set allsides-dev or --stage events")
    sealed = sorted(set(parts) & allsides_dev.SEALED_PARTS)
    if sealed:
        print(f"warning: part(s) {', '.join(sealed)} are sealed: only the lead scores them, once, on the "
              "merged main at the session's end", file=sys.stderr)
    count = log_read(parts, sys.argv)
    print(f"# held-out part(s) {', '.join(parts)} scored: read {count} of this checkout today, "
          f"logged in {read_log_path()}", file=sys.stderr)
    return parts


def _run_user_gold(args, sets) -> int:
    from sitrep.eval.user_gold import STAGE_ORDER, evaluate_file
    from sitrep.knowledge import default_knowledge
    if args.stage not in STAGE_ORDER:
        raise SitrepError(f"--gold needs --stage, one of {', '.join(STAGE_ORDER)} "
                          "(the layer the file annotates; format in docs/gold-formats.md)")
    path = Path(args.gold)
    if not path.is_file():
        raise SitrepError(f"--gold {args.gold}: no such file")
    try:
        result = evaluate_file(default_knowledge(), path, args.stage, limit=args.limit,
                               show_errors=args.show_errors)
    except (ValueError, KeyError, TypeError) as exc:
        raise SitrepError(f"--gold {args.gold}: not in the gold format ({exc}); see docs/gold-formats.md")
    print(format_result(result))
    for line in result.errors[: args.show_errors]:
        print("   ", line)
    return 0


def format_result(result) -> str:
    from sitrep.eval.core import PRF
    lines = [f"{result.set_name} [{result.stage}] n={result.n_items} ({result.seconds:.1f}s)"
             + (f"  anchor: {result.anchor}" if result.anchor else "")]
    for name, value in result.metrics.items():
        if isinstance(value, PRF):
            lines.append(f"  {name:34} P={value.precision:.3f} R={value.recall:.3f} F1={value.f1:.3f}"
                         f"  (tp={value.tp} fp={value.fp} fn={value.fn})")
        elif isinstance(value, float):
            lines.append(f"  {name:34} {value:.3f}")
        else:
            lines.append(f"  {name:34} {value}")
    for note in result.notes:
        lines.append(f"  note: {note}")
    return "\n".join(lines)


def run_bench(args) -> int:
    from sitrep.eval.bench import bench_pipeline
    if args.corpus and not Path(args.corpus).is_file():
        raise SitrepError(f"--corpus {args.corpus}: no such file; give a JSONL file with one article per line")
    if args.corpus:
        check_corpus(Path(args.corpus), args.articles)
    result = bench_pipeline(n_articles=args.articles, corpus=args.corpus, workers=args.workers)
    print(json.dumps(result, indent=2))
    if result["articles_in"] < args.articles:  # a rate over 13 articles is not one over 500
        print(f"sitrep: note: {result['corpus']} holds only {result['articles_in']} articles, so the figures "
              f"are over those, not {args.articles:,}; give a larger one with --corpus", file=sys.stderr)
    if args.json and args.json != "-":
        write_json(result, args.json)
    return 0


def check_corpus(path: Path, n_articles: int) -> None:
    """The first ``n_articles`` records of a --corpus must be JSON objects on UTF-8 lines:
    the benchmark reads them as they are, so a binary or broken file is said here in one
    line instead of failing inside the run."""
    seen = 0
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if seen >= n_articles:
                    break
                if not line.strip():
                    continue
                if not isinstance(json.loads(line), dict):
                    raise ValueError("not a JSON object")
                seen += 1
    except UnicodeDecodeError:
        raise SitrepError(f"--corpus {path}: not UTF-8 text; give a JSONL file with one article per line") from None
    except ValueError as exc:  # json.JSONDecodeError is one
        raise SitrepError(f"--corpus {path}: line {number} is not an article record ({exc}); give a JSONL file "
                          "with one JSON object per line") from None
    except OSError as exc:
        raise SitrepError(f"--corpus {path}: cannot read it ({exc.strerror})") from None
    if not seen:
        raise SitrepError(f"--corpus {path}: no article record in it; give a JSONL file with one article per line")
