"""scripts/make_docs.py regenerates docs/performance.md from JSON results: the engineers'
hand-written analyses in it (marked hand:NAME blocks) must survive a regeneration."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _make_docs():
    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "scripts" / "make_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BENCH = {"machine": {"cpu": "x", "cores": 2, "memory_gb": 1, "python": "3", "platform": "p"},
         "date": "today", "corpus": "c.jsonl", "articles_in": 3, "workers": 1, "articles_done": 3,
         "stage_share": {"spacy": 1.0}, "stage_ms_per_article": {"spacy": 5.0}}


def test_hand_written_blocks_are_carried_into_the_regenerated_page(tmp_path):
    make_docs = _make_docs()
    page = tmp_path / "performance.md"
    block = "<!-- hand:notes:begin -->\n## Why it is slow\n\nmeasured by hand\n<!-- hand:notes:end -->"
    page.write_text("# old generated text\n\n" + block + "\n\nold table\n", encoding="utf-8")
    kept = make_docs.hand_blocks(page)
    assert kept == [block]
    regenerated = make_docs.render_performance(BENCH, kept)
    assert block in regenerated and "old table" not in regenerated
    assert regenerated.index("## Time per stage") < regenerated.index("## Why it is slow")


def test_a_new_page_has_no_hand_blocks(tmp_path):
    assert _make_docs().hand_blocks(tmp_path / "missing.md") == []
