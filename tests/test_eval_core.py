import json
import subprocess
import sys

from sitrep.eval.core import PRF, macro_f1, match_spans
from sitrep.eval.user_gold import haversine_km


def test_prf_definitions():
    s = PRF(tp=3, fp=1, fn=2)
    assert s.precision == 0.75
    assert s.recall == 0.6
    assert abs(s.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-9
    assert PRF().f1 == 0.0


def test_macro_f1_ignores_labels_never_seen():
    per_label = {"A": PRF(tp=1), "B": PRF(tp=1, fp=1, fn=1), "C": PRF()}
    assert abs(macro_f1(per_label) - (1.0 + 0.5) / 2) < 1e-9


def test_match_spans_is_one_to_one():
    counts, pairs = match_spans([(0, 5), (10, 15)], [(1, 4), (2, 3), (20, 22)])
    assert (counts.tp, counts.fp, counts.fn) == (1, 2, 1)
    assert pairs == [((0, 5), (1, 4))]
    exact, _ = match_spans([(0, 5)], [(0, 4)], exact=True)
    assert exact.tp == 0 and exact.fn == 1


def test_haversine_known_distance():
    # Caracas to Bogota is about 1,025 km
    d = haversine_km(10.4806, -66.9036, 4.7110, -74.0721)
    assert 1000 < d < 1050


def test_eval_list_names_every_set_and_skips_missing(tmp_path):
    out = subprocess.run([sys.executable, "-m", "sitrep.cli", "eval", "--list", "--data", str(tmp_path)],
                         capture_output=True, text=True, check=True).stdout
    assert "demo-events" in out
    lines = [line for line in out.splitlines() if line.strip()]
    # an empty data folder: every shared set is reported missing, the bundled demo is found
    assert any("missing" in line for line in lines)
    assert any(line.startswith("demo-events") and "found" in line for line in lines)


def test_eval_user_gold_rejects_bad_stage(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "Nothing happened."}) + "\n")
    proc = subprocess.run([sys.executable, "-m", "sitrep.cli", "eval", "--gold", str(gold), "--stage", "nope"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "--gold needs --stage" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_eval_scores_a_user_gold_file(tmp_path):
    text = "Talks resumed on Monday in Caracas, officials said."
    gold = {"id": "u1", "text": text, "published": "2026-01-07",
            "times": [{"span": [text.index("Monday"), text.index("Monday") + 6], "value": "2026-01-05"}],
            "places": [{"span": [text.index("Caracas"), text.index("Caracas") + 7],
                        "lat": 10.49, "lon": -66.88}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n")
    for stage, metric in (("times", "times_attribute"), ("places", "places_attribute")):
        out = subprocess.run([sys.executable, "-m", "sitrep.cli", "eval", "--stage", stage, "--gold", str(path)],
                             capture_output=True, text=True, check=True).stdout
        line = next(ln for ln in out.splitlines() if metric in ln)
        assert "F1=1.000" in line, out
