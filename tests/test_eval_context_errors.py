"""The allsides-dev scorer's error lines for the context of a paired event: a background
flag or a certainty status the gold and sitrep disagree on (session 14, context15)."""
from sitrep.eval.sets.allsides_dev import Coded, Tally, context_errors, score_article


def _coded(background, certainty, label="e1"):
    return Coded(mentions=[(0, 4)], type="ASSAULT", source="ZAR", target="ORV", certainty=certainty,
                 background=background, date=None, label=label, extra={"inferred_date": None})


def test_context_errors_name_a_missed_background_and_a_certainty():
    lines = context_errors(_coded(True, "alleged"), _coded(False, "asserted"), "a1", "Boom went the gun.")
    assert lines[0].startswith("BACKGROUND MISSED a1 e1 ASSAULT")
    assert lines[1].startswith("CERTAINTY a1 e1 ASSAULT: gold alleged | sitrep ASSAULT asserted")


def test_context_errors_name_a_false_background_and_nothing_when_both_agree():
    assert context_errors(_coded(False, "asserted"), _coded(True, "asserted"), "a1")[0].startswith(
        "BACKGROUND FALSE a1")
    assert context_errors(_coded(True, "claimed"), _coded(True, "claimed"), "a1") == []


def test_score_article_lists_context_errors_only_when_asked():
    errors = []
    score_article([_coded(True, "asserted")], [_coded(False, "asserted")], Tally(), errors=errors,
                  article_id="a1")
    assert any(line.startswith("BACKGROUND MISSED a1") for line in errors)
    tally = Tally()
    score_article([_coded(True, "asserted")], [_coded(False, "asserted")], tally)
    assert tally.background.fn == 1
