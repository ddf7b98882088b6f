"""bench/audit_sample.py: the commentary text test of the analyst's audit (--text-test)."""
import importlib.util
from pathlib import Path

from sitrep.stages.genre import load_genre_cues

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("audit_sample", ROOT / "bench" / "audit_sample.py")
audit_sample = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(audit_sample)

REPORT = ("Border guards of Veldland closed the Marrow crossing on Tuesday after two trucks were "
          "stopped near the river, the interior ministry said. Officials told reporters the closure "
          "would last a week. ") * 8
OPINION = ("We have watched Veldland drift for a decade, and I think our patience is gone. You cannot "
           "keep a border shut forever; the ministry should reopen it and must admit its mistake, "
           "as officials said last year. ") * 8
UNATTRIBUTED = ("The Marrow crossing is a strip of tarmac between two fields, lined with trucks that "
                "wait for days in the summer heat before the barrier lifts. ") * 10
QUOTED_VOICE = ('"We will not reopen the crossing, and you must understand why," the minister of '
                'Veldland said on Tuesday, as trucks waited at the river. ') * 10


def test_a_report_that_attributes_is_not_commentary():
    assert not audit_sample.reads_as_commentary(REPORT)


def test_first_person_and_should_in_the_narration_is_commentary():
    assert audit_sample.reads_as_commentary(OPINION)


def test_an_opening_without_any_attribution_is_commentary():
    assert audit_sample.reads_as_commentary(UNATTRIBUTED)


def test_pronouns_inside_quotation_marks_do_not_count():
    assert not audit_sample.reads_as_commentary(QUOTED_VOICE)


def test_the_country_us_in_capitals_is_not_a_pronoun():
    text = ("The US said on Monday that US troops left the base, officials told reporters, and the "
            "US embassy in Veldland reported calm. ") * 10
    assert not audit_sample.reads_as_commentary(text)


def test_only_the_opening_is_read():
    late_voice = REPORT * 2 + OPINION * 3
    assert len(REPORT.split()) * 2 > load_genre_cues().lead_words
    assert not audit_sample.reads_as_commentary(late_voice)


def test_exclude_files_of_every_shape_exclude_their_ids(tmp_path):
    # session 15: a JSONL sample given to --exclude used to exclude nothing (read as one id per
    # line). The ids are built at run time: seen_ids also collects every id written in the
    # repository's files, this one included, which would hide the bug
    plain_id, tab_id, json_id = ("allsides-" + word * 4 for word in ("Pla1", "Tab2", "Jsn3"))
    plain = tmp_path / "plain.ids"
    plain.write_text(plain_id + "\n")
    tabbed = tmp_path / "tabbed.ids"
    tabbed.write_text(f"syria\t{tab_id}\n")
    jsonl = tmp_path / "sample.jsonl"
    jsonl.write_text(f'{{"id": "{json_id}", "text": "x"}}\n')
    seen = audit_sample.seen_ids([], [plain, tabbed, jsonl])
    assert {plain_id, tab_id, json_id} <= seen
