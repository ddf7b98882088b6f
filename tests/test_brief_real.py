"""The brief on real news (allsides-intl, read from ../shared/data at test time): ten
2019 articles, five about Venezuela and five about Syria, ingested through the real
pipeline into one store. A brief about either cites only its own articles, in every
section, and every number it states stands in a sentence it footnotes."""
import json

import pytest

from brief_checks import note_dates, unbacked
from sitrep.report import html, markdown
from sitrep.report.compose import compose

VENEZUELA = {"allsides-6JhU6uSuL61CRDkx", "allsides-HmZ6cOkiPIIhKobK", "allsides-Io6NEnWfYtNGtlyN",
             "allsides-nfxZGHGTmH22zgid", "allsides-KeidsCL0ZFz0ogSS"}
#: none of them is in the held-out allsides-test gold (src/sitrep/eval/gold/allsides-test/ids*.txt)
SYRIA = {"allsides-SXjNg4J1oPpGGFE9", "allsides-ResinD4JaMFcYDz2", "allsides-0cpVm2tEzRbkDiL1",
         "allsides-8WGO27MNURXBZiBU", "allsides-NobntItd2412ljyK"}


@pytest.fixture(scope="module")
def real_store(tmp_path_factory, shared_data, kb):
    from sitrep.corpus.ingest import ingest
    from sitrep.corpus.store import Store

    src = shared_data / "allsides-intl" / "articles.jsonl"
    if not src.is_file():
        pytest.skip("allsides-intl is not in the shared data")
    folder = tmp_path_factory.mktemp("real")
    subset = folder / "subset.jsonl"
    with src.open(encoding="utf-8") as fin, subset.open("w", encoding="utf-8") as fout:
        for line in fin:
            if json.loads(line)["id"] in VENEZUELA | SYRIA:
                fout.write(line)
    store = Store(folder / "real.duckdb")
    ingest([str(subset)], store, workers=1, progress=False)
    yield store
    store.close()


def test_the_articles_are_not_held_out_test_articles():
    from pathlib import Path
    gold = Path(__file__).resolve().parents[1] / "src/sitrep/eval/gold/allsides-test"
    files = sorted(gold.glob("ids*.txt"))
    held_out = {line.strip() for f in files for line in f.read_text().splitlines() if line.strip()}
    assert len(files) >= 2 and len(held_out) >= 24 and not held_out & (VENEZUELA | SYRIA)


@pytest.mark.parametrize("about,own", [("Venezuela", VENEZUELA), ("Syria", SYRIA)])
def test_a_brief_on_a_mixed_store_cites_only_its_subject(real_store, about, own):
    brief = compose(real_store, about=about, since="2019-01-01", until="2019-12-31")
    assert brief.articles == len(own) and brief.headlines and brief.timeline and brief.key_developments
    by_label = {n.label: n.article_id for n in brief.notes}
    cited = {by_label[label] for inc in brief.headlines + brief.timeline for label in inc.notes}
    cited |= {by_label[label] for s in brief.key_developments for label in s.notes}
    assert cited and cited <= own
    assert {n.article_id for n in brief.notes} <= own  # and nowhere else either
    md = markdown.render(brief)
    assert unbacked(md, {n.label: n.sentence for n in brief.notes}, note_dates(real_store, brief)) == []
    page = html.render(brief)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page


def test_default_period_on_real_news(real_store):
    brief = compose(real_store, about="Syria")
    assert brief.period.until.isoformat() == "2019-10-16" and brief.period.days == 30
    assert "the last 30 days of the data" in markdown.render(brief)
