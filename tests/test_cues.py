"""The cue knowledge layer: typed loaders over knowledge/data/cues and timex tables."""
import pytest

from sitrep.knowledge import cues as cue_module
from sitrep.knowledge.timex import load_timex_words


def test_one_future_modal_set_for_every_stage(kb):
    assert kb.cues.future_modals == kb.cues.words("future_modal")
    assert {"will", "would", "shall", "'ll"} <= kb.cues.future_modals


def test_certainty_tables_are_typed(kb):
    c = kb.cues.certainty
    assert c.verbs["deny"] == "denied" and c.modals["could"] == "hypothetical"
    assert "reuters" in c.media_words and "accusation" in c.claim_nouns
    assert c.hedges["without evidence"] == "alleged"


def test_content_relations(kb):
    assert kb.cues.object_content("deny") and not kb.cues.object_content("say_nothing_here")
    assert "of" in kb.cues.prep_content("speak")


def test_unknown_word_set_says_which_exist(kb):
    with pytest.raises(KeyError) as info:
        kb.cues.words("no_such_set")
    assert "future_modal" in str(info.value)


def test_bad_rows_are_refused_with_the_file_named(tmp_path):
    path = tmp_path / "certainty.tsv"
    path.write_text("denied\tverbish\tdeny\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        cue_module.load_certainty_cues(path)
    assert "certainty.tsv" in str(info.value) and "verbish" in str(info.value)
    path = tmp_path / "content.tsv"
    path.write_text("deny\tsomewhere\n", encoding="utf-8")
    with pytest.raises(ValueError):
        cue_module.load_content_relations(path)


def test_timex_word_sets():
    words = load_timex_words()
    assert "until" in words.future_signal and "schedule" in words.schedule_verb


def test_timex_word_sets_are_read_by_the_shared_reader(tmp_path):
    # a set the dataclass does not know is refused, naming it (the shared reader's check)
    path = tmp_path / "words.tsv"
    path.write_text("schedule_verb\tschedule\nfuture_signl\tuntil\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_timex_words.__wrapped__(path)
    assert "future_signl" in str(info.value) and "future_signal" in str(info.value)


def test_cue_word_sets_are_lower_cased_except_codes(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("# a comment\nperformative\tAnnounce\nperformative\tannounce\n"
                    "third_party_sector\tIGO\n", encoding="utf-8")
    sets = cue_module.load_word_sets(path)
    assert sets == {"performative": frozenset({"announce"}), "third_party_sector": frozenset({"IGO"})}
    path.write_text("performative\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        cue_module.load_word_sets(path)
    assert "words.tsv" in str(info.value)
