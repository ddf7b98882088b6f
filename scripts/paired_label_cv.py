"""Whether a learned background flag or certainty label beats the rules' on gold parts it never saw.

    PYTHONPATH=src python scripts/paired_label_cv.py --cache FILE [--what background|certainty]
        [--heldout-parts D,E,F] [--families small16]

Reads the event filter's candidate cache (scripts/train_event_filter.py --cache), keeps
the candidates the allsides-dev scorer pairs with gold, and prints per part the background
P/R/F1 (``sitrep.learn.background_training``) or the certainty accuracy
(``sitrep.learn.certainty_training``) with the rules' labels and with a logistic regression
trained on the other parts, then the decision rule of docs/event-filter.md (session 15).
Nothing is written; TEST sets are not read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from train_event_filter import load_or_collect  # noqa: E402

from sitrep.eval.sets import allsides_dev  # noqa: E402
from sitrep.learn import background_training, certainty_training, event_features  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--cache", type=Path, required=True, help="the event filter's candidate cache")
    parser.add_argument("--what", choices=("background", "certainty"), default="background")
    parser.add_argument("--heldout-parts", default="D,E,F")
    parser.add_argument("--families", default="", help="as scripts/train_event_filter.py --families")
    args = parser.parse_args(argv)
    arts = load_or_collect(args.data, args.cache)
    families = event_features.families_option(args.families)
    if families:
        for a in arts:
            a.features = [event_features.only_families(f, families) for f in a.features]
    heldout = tuple(p for p in args.heldout_parts.split(",") if p)
    if args.what == "certainty":
        certainty_table(arts, heldout)
    else:
        background_table(arts, heldout)
    return 0


def background_table(arts, heldout: tuple[str, ...]) -> None:
    table = background_training.leave_part_out(arts, allsides_dev.article_parts(), heldout)
    print(f"{'background (DEV)':<24} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}")
    for label, t in table.items():
        for name in ("rules_only", "with_model"):
            f = t[name]
            how = f"  l2 {t['l2']}, threshold {t['threshold']}" if name == "with_model" and "l2" in t else ""
            print(f"part {label} {name:<17} {f['p']:6.3f} {f['r']:6.3f} {f['f1']:6.3f} {f['gold_background']:5d}{how}")
    gain = sum(table[p]["with_model"]["f1"] - table[p]["rules_only"]["f1"] for p in heldout) / len(heldout)
    print(f"mean background F1 gain over {','.join(heldout)}: {gain:+.4f}; ships: "
          f"{background_training.ships(table, heldout)}")


def certainty_table(arts, heldout: tuple[str, ...]) -> None:
    table = certainty_training.leave_part_out(arts, allsides_dev.article_parts(), heldout)
    print(f"{'certainty (DEV)':<24} {'acc':>6} {'pairs':>5}")
    for label, t in table.items():
        for name in ("rules_only", "with_model"):
            f = t[name]
            how = f"  l2 {t['l2']}, threshold {t['threshold']}" if name == "with_model" and "l2" in t else ""
            print(f"part {label} {name:<17} {f['acc']:6.3f} {f['pairs']:5d}{how}")
    gain = sum(table[p]["with_model"]["acc"] - table[p]["rules_only"]["acc"] for p in heldout) / len(heldout)
    print(f"mean certainty accuracy gain over {','.join(heldout)}: {gain:+.4f}; ships: "
          f"{certainty_training.ships(table, heldout)}")


if __name__ == "__main__":
    sys.exit(main())
