"""The article genre (stages/genre.py) and the event filter's "commentary_speculation" rule
(session 11, genre12): in commentary the writer's own guesses are no events. Sentences
invented for these tests."""
from event_helpers import run

from sitrep.model import Article
from sitrep.pipeline import process
from sitrep.stages import genre

REPORT = ("Border guards of Veldland closed the Marrow crossing on Tuesday after two trucks were "
          "stopped near the river, the interior ministry said. Officials told reporters the closure "
          "would last a week. ") * 8
OPINION = ("We have watched Veldland drift for a decade, and I think our patience is gone. You cannot "
           "keep a border shut forever; the ministry should reopen it and must admit its mistake, "
           "as officials said last year. ") * 8
GUESS = "Borduria will fight the Ruritanian columns street by street."
TAIL = (" Ruritania's army shelled the border town of Kelm on Monday. Its defence minister said the "
        "shelling would go on. \"We will expel Ruritania's ambassador,\" Borduria's president told reporters. "
        "Trade was the main topic of the week.")


def article(text, title=None, url=None, source=None):
    return Article(id="t", text=text, title=title, url=url, source=source, published="2024-03-15")


def triggers(doc):
    return [(e.type, e.trigger.text) for e in doc.events]


def test_a_report_that_attributes_early_is_news():
    assert genre.judge(article(REPORT)) == genre.Genre("news")


def test_the_writers_own_voice_makes_commentary_with_its_reason():
    judged = genre.judge(article(OPINION))
    assert judged.label == "commentary"
    assert judged.reasons and judged.reasons[0].startswith("own voice")


def test_markers_in_title_url_opening_and_outlet_each_make_commentary():
    assert genre.judge(article(REPORT, title="Veldland's border folly | Opinion")).reasons == ("title: opinion",)
    assert genre.judge(article(REPORT, url="https://example.org/opinions/2024/veldland")).reasons == (
        "url: /opinions/",)
    assert genre.judge(article("ANALYSIS/OPINION:\n\n" + REPORT)).reasons == ("opening: analysis/opinion",)
    assert genre.judge(article(REPORT, source="Kelm Herald Editorial Board")).reasons == ("outlet: editorial",)
    assert genre.judge(article(REPORT, source="daily kos")).reasons == ("opinion outlet: Daily Kos",)
    assert genre.judge(article(REPORT, source="Daily Kelm")).label == "news"


def test_a_lone_sentence_is_not_judged_by_its_text():
    assert genre.judge(article("We should close the Marrow crossing now.")).label == "news"
    assert not genre.reads_as_commentary("We should close the Marrow crossing now.")


def test_the_pipeline_records_the_genre_in_meta(kb):
    doc = process(article(GUESS + TAIL, title="Opinion: the coming war"), kb)
    assert doc.article.meta["genre"] == {"label": "commentary", "reasons": ["title: opinion"]}
    assert process(article(GUESS + TAIL), kb).article.meta["genre"] == {"label": "news", "reasons": []}


def test_a_writers_prediction_in_commentary_is_dropped_with_its_reason(kb):
    doc = process(article(GUESS + TAIL, title="Opinion: the coming war"), kb)
    assert not [e for e in doc.events if e.trigger.text.startswith("fight")], triggers(doc)
    dropped = doc.article.meta["event_filter"]["dropped_events"]
    assert [d["reason"] for d in dropped if d["trigger"].startswith("fight")] == ["commentary_speculation"]


def test_reported_past_acts_and_quotes_stay_in_commentary(kb):
    doc = process(article(GUESS + TAIL, title="Opinion: the coming war"), kb)
    kept = {e.trigger.text for e in doc.events}
    assert "shelled" in kept, triggers(doc)
    assert any(e.trigger.text.startswith("expel") for e in doc.events), triggers(doc)


def test_the_same_sentence_in_a_news_report_is_not_touched_by_the_rule(kb):
    doc = run(kb, GUESS + TAIL)
    dropped = doc.article.meta["event_filter"]["dropped_events"]
    assert "commentary_speculation" not in {d.get("reason") for d in dropped}


def test_a_partys_scheduled_visit_stays_in_commentary(kb):
    plan = "Borduria's president will visit Kelm and meet Ruritania's prime minister."
    doc = process(article(plan + TAIL, title="Opinion: the coming war"), kb)
    assert [e for e in doc.events if e.type in ("AGREE", "CONSULT")], triggers(doc)
    dropped = doc.article.meta["event_filter"]["dropped_events"]
    assert "commentary_speculation" not in {d.get("reason") for d in dropped}


def test_a_named_partys_plain_future_plan_stays_in_commentary(kb):
    plan = "Norway's army will deploy 1,500 more soldiers to the Arctic border."
    doc = process(article(plan + TAIL, title="Opinion: the coming war"), kb)
    assert [e for e in doc.events if e.type == "MOBILIZE"], triggers(doc)
