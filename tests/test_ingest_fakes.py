"""FA-KES rows through the real reader and ingest (pipeline stopped after cleaning): exact
repeats are recorded as duplicates, -dupN ids with other text are kept as distinct rows."""
from sitrep.eval.sets.incidents import check_fakes


def test_fakes_duplicates_and_dup_ids(shared_data):
    metrics, errors = check_fakes(shared_data)
    assert metrics["fakes_rows"] == 804
    assert metrics["fakes_exact_repeats"] == 15
    assert metrics["fakes_duplicates_recorded"] == 15
    # every distinct text is stored once, except inputs the cleaner refuses (reported)
    refused = sum(int(e.rsplit(" ", 1)[1]) for e in errors)
    assert metrics["fakes_stored"] == metrics["fakes_distinct_texts"] - refused
    assert refused <= 5
    assert metrics["fakes_ok"] == 1.0
