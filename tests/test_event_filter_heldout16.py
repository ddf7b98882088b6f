"""Session 15 (learn16): the event filter's leave-one-part-out protocol, its decision rule
and the features added for it. Every text is made up for these tests."""
import pytest

from sitrep.eval.sets.allsides_dev import Coded
from sitrep.learn import event_features, logreg, training
from sitrep.model import Actor, Article, Document, Event, Quote, TextSpan
from sitrep.stages import event_filter

TEXT = "The navy blockaded the port. Envoys met in Oslo. Nobody knows why."


def _coded(word: str, type_: str) -> Coded:
    start = TEXT.index(word)
    return Coded(mentions=[(start, start + len(word))], type=type_, source=None, target=None,
                 certainty="asserted", background=False, date=None)


def _article(name: str) -> training.ArticleCandidates:
    """One gold event (the blockade), two candidates: the blockade (paired) and the meeting."""
    gold = [_coded("blockaded", "COERCE")]
    predicted = [_coded("blockaded", "COERCE"), _coded("met", "CONSULT")]
    return training.ArticleCandidates(name, TEXT, gold, predicted,
                                      [{"type=COERCE": 1.0}, {"type=CONSULT": 1.0}], [1, 0])


@pytest.fixture
def recorded(monkeypatch):
    """fit_final replaced by a model that drops CONSULT; each call's training ids recorded."""
    calls = []

    def fake_fit(articles, k, min_count, extra=training.NO_EXTRA):
        calls.append({a.article for a in articles})
        model = logreg.Model(vocab=["type=CONSULT"], weights=[-5.0], bias=2.0, threshold=0.5,
                             header={"l2": 1.0})
        return model, 0.0

    monkeypatch.setattr(training, "fit_final", fake_fit)
    return calls


def test_each_held_part_is_scored_by_a_model_that_never_saw_it(recorded):
    parts = {f"{p}{i}": p for p in "ABCDEF" for i in range(3)}
    arts = [_article(name) for name in sorted(parts)]
    table = training.leave_part_out(arts, parts, heldout=("D", "E", "F"), k=3)
    assert set(table) == {"D", "E", "F", "ABC"}
    # three held parts, then three CV folds over A-C
    assert len(recorded) == 6
    for label, trained in zip("DEF", recorded[:3]):
        assert not any(parts[a] == label for a in trained)
        assert len(trained) == 15
    cv_trained = recorded[3:]
    assert all({"D0", "E1", "F2"} <= t for t in cv_trained)  # the late parts train every A-C fold
    assert all(len(t) == 15 for t in cv_trained)  # 9 A-C articles less the 3 scored, plus 9 late ones
    d = table["D"]
    assert d["rules_only"]["detection_p"] == 0.5 and d["with_filter"]["detection_p"] == 1.0
    # dropping the one false alarm: detection F1 2/3 -> 1 (event F1 moves with it: no roles coded)
    assert training.gains(d) == {"detection_f1": 0.3333, "event_f1": 0.3333}


def _table(**gains):
    """A leave_part_out-shaped table whose filter gains the given detection and event F1."""
    out = {}
    for label, (det, ev) in gains.items():
        out[label] = {"rules_only": {"detection_f1": 0.5, "event_f1": 0.3},
                      "with_filter": {"detection_f1": 0.5 + det, "event_f1": 0.3 + ev}}
    return out


def test_the_session15_rule_needs_a_mean_gain_and_no_part_losing():
    rule = training.RULE15
    assert training.ships(_table(D=(0.02, 0.02), E=(0.01, 0.01), F=(0.0, 0.0), ABC=(0.0, 0.0)), rule=rule)
    # mean gain under 0.01 on one metric
    assert not training.ships(_table(D=(0.02, 0.01), E=(0.01, 0.01), F=(0.0, 0.0), ABC=(0.0, 0.0)), rule=rule)
    # a held part loses more than 0.005
    assert not training.ships(_table(D=(0.05, 0.05), E=(0.03, 0.03), F=(-0.006, 0.0), ABC=(0.0, 0.0)), rule=rule)
    # the A-C CV loses more than 0.005
    assert not training.ships(_table(D=(0.02, 0.02), E=(0.02, 0.02), F=(0.02, 0.02), ABC=(0.0, -0.01)), rule=rule)
    # a loss within 0.005 is allowed
    assert training.ships(_table(D=(0.02, 0.02), E=(0.02, 0.02), F=(-0.004, -0.004), ABC=(-0.005, 0.0)), rule=rule)


def _stage_doc() -> Document:
    text = ("A title line.\n\nThe navy blockaded the port on Monday. Envoys met in Oslo. "
            "Talks went on. Rain fell. Ships waited. The day ended.")
    doc = Document(article=Article(id="t", text=text), sentences=[], paragraphs=[(0, 13), (15, len(text))])
    doc.sentences = [(15, 50), (51, 70), (71, 85), (86, 96), (97, 110), (111, len(text))]
    for word, type_ in (("blockaded", "COERCE"), ("met", "CONSULT")):
        start = text.index(word)
        s = next(sp for sp in doc.sentences if sp[0] <= start < sp[1])
        doc.events.append(Event(id=word, type=type_, trigger=TextSpan((start, start + len(word)), word),
                                sentence=TextSpan(s, text[s[0]:s[1]])))
    return doc


def test_a_heldout_block_decides_whether_the_model_drops(monkeypatch):
    model = logreg.Model(vocab=["type=CONSULT"], weights=[-5.0], bias=2.0, threshold=0.5,
                         header={"heldout": {"ships": False}, "cv": {"rules_only": {"detection_f1": 0.1},
                                                                     "with_filter": {"detection_f1": 0.9}}})
    monkeypatch.setattr(event_filter, "load_model", lambda path=None: model)
    monkeypatch.setattr(event_filter, "ENABLED", True)
    doc = event_filter.run(_stage_doc(), None)
    assert [e.type for e in doc.events] == ["COERCE", "CONSULT"]  # the held-out rule says no
    assert doc.article.meta["event_filter"]["model_applied"] is False
    model.header["heldout"]["ships"] = True
    assert [e.type for e in event_filter.run(_stage_doc(), None).events] == ["COERCE"]


def _feature_doc(text: str, title: str = "", genre: str = "news") -> Document:
    return Document(article=Article(id="f", text=text, title=title, meta={"genre": {"label": genre}}),
                    sentences=[(0, len(text))], paragraphs=[(0, len(text))])


def _one_event(doc: Document, word: str, type_: str, **fields) -> Event:
    text = doc.article.text
    start = text.index(word)
    event = Event(id="e", type=type_, trigger=TextSpan((start, start + len(word)), word),
                  sentence=TextSpan((0, len(text)), text), **fields)
    doc.events = [event]
    return event


@pytest.mark.parametrize("text,ending", [
    ("Did the coast guard board the tanker?", "question"),
    ("Why would pirates board a fishing boat?", "question"),
    ("The coast guard boarded the tanker.", "stop"),     # near miss: a statement
    ("The coast guard boarded the tanker!", "stop"),
])
def test_a_question_is_told_apart_from_a_statement(text, ending):
    doc = _feature_doc(text)
    feats = event_features.event_features(doc, _one_event(doc, "board", "COERCE"))
    assert feats[f"sentence_end={ending}"] == 1.0


def test_genre_sectors_and_quote_speaker_are_features():
    doc = _feature_doc("Customs officers seized the cargo, the minister said.", genre="commentary")
    minister = Actor(span=(41, 49), text="minister", name="minister", country="NOR", sector="GOV", kind="person")
    officers = Actor(span=(0, 16), text="Customs officers", name="customs", country="NOR", sector="POL",
                     kind="group")
    event = _one_event(doc, "seized", "COERCE", source=officers, quote="q1")
    doc.quotes = [Quote(id="q1", span=(0, 34), text=doc.article.text[:34], speaker=minister, kind="indirect")]
    feats = event_features.event_features(doc, event)
    assert feats["genre=commentary"] == 1.0
    assert feats["source_sector=POL"] == 1.0 and feats["target_sector=absent"] == 1.0
    assert feats["quote_kind=indirect"] == 1.0 and feats["speaker=person:GOV"] == 1.0
    event.quote = None  # near miss: the writer's own words
    feats = event_features.event_features(doc, event)
    assert feats["quote_kind=none"] == 1.0 and not any(k.startswith("speaker=") for k in feats)
    assert all(name.split("=", 1)[0] in event_features.PREFIXES for name in feats)


def test_the_headline_word_and_the_paragraph_lead(kb):
    from sitrep.pipeline import Pipeline

    text = "Border guards arrested two smugglers at dawn. Later they questioned the pair at length."
    doc = Pipeline.default(until="nlp", kb=kb)(Article(id="h", text=text, title="Guards arrest smugglers"))
    doc.paragraphs = [(0, len(text))]
    first = _one_event(doc, "arrested", "COERCE")
    feats = event_features.event_features(doc, first)
    assert feats["in_title=yes"] == 1.0 and feats["paragraph_lead=yes"] == 1.0
    second = _one_event(doc, "questioned", "CONSULT")  # near miss: not in the title, second sentence
    second.sentence = TextSpan((46, len(text)), text[46:])
    feats = event_features.event_features(doc, second)
    assert feats["in_title=no"] == 1.0 and feats["paragraph_lead=no"] == 1.0


@pytest.mark.parametrize("text,word,expected", [
    ("The militia had seized the bridge before the talks.", "seized", "had"),
    ("Ottawa has expelled two envoys since March.", "expelled", "have"),
    ("The rebels have long attacked convoys on that road.", "attacked", "have"),
    ("The militia seized the bridge on Tuesday.", "seized", "no"),          # near miss: simple past
    ("The militia has a plan to seize the bridge.", "seize", "no"),         # near miss: "has" as a verb
])
def test_the_perfect_aspect_of_the_trigger(kb, text, word, expected):
    from sitrep.pipeline import Pipeline

    doc = Pipeline.default(until="nlp", kb=kb)(Article(id="p", text=text))
    doc.paragraphs = [(0, len(text))]
    feats = event_features.event_features(doc, _one_event(doc, word, "COERCE"))
    assert feats[f"perfect={expected}"] == 1.0


@pytest.mark.parametrize("value,published,bucket", [
    ("2031-05-10", "2031-05-10", "0-2"),      # the day of the news
    ("2031-05-03", "2031-05-10", "2-8"),      # last week
    ("2030", "2031-05-10", "32-366"),         # a year read as its middle
    ("2029-02", "2031-05-10", ">=366"),       # a month two years back
    ("2031-W19", "2031-05-10", "none"),       # near miss: a week is not read as a day
])
def test_the_age_of_the_event_date_against_publication(value, published, bucket):
    from sitrep.model import Time

    doc = _feature_doc("Troops crossed the river.")
    doc.article.published = published
    event = _one_event(doc, "crossed", "MOBILIZE", date=Time(span=(0, 0), text="", value=value))
    assert event_features.event_features(doc, event)[f"date_age={bucket}"] == 1.0


def _bg_article(name: str, flags: list[bool], rule_flags: list[bool]) -> training.ArticleCandidates:
    """Gold and predicted on the same two triggers; gold/rules background flags as given."""
    def coded(word, bg):
        c = _coded(word, "COERCE")
        c.background = bg
        return c
    gold = [coded("blockaded", flags[0]), coded("met", flags[1])]
    predicted = [coded("blockaded", rule_flags[0]), coded("met", rule_flags[1])]
    feats = [{"perfect=had": 1.0}, {"perfect=no": 1.0}]
    return training.ArticleCandidates(name, TEXT, gold, predicted, feats, [1, 1])


def test_background_rows_are_the_paired_candidates_and_scored_as_the_scorer_does():
    from sitrep.learn import background_training as bt

    rows = bt.paired_rows(_bg_article("a", [True, False], [False, False]))
    assert sorted(rows.gold) == [False, True] and rows.rules == [False, False]
    prf = bt.background_prf([rows])
    assert (prf.tp, prf.fp, prf.fn) == (0, 0, 1)
    flags = {"a": [g for g in rows.gold]}
    assert bt.background_prf([rows], flags).f1 == 1.0


def test_a_learned_background_flag_is_scored_on_parts_it_never_saw():
    from sitrep.learn import background_training as bt

    # the pluperfect marks background in every article; the rules never flag it
    parts = {f"{p}{i}": p for p in "ABCDEF" for i in range(4)}
    arts = [_bg_article(name, [True, False], [False, False]) for name in sorted(parts)]
    table = bt.leave_part_out(arts, parts, heldout=("D", "E", "F"), k=4)
    assert set(table) == {"D", "E", "F", "ABC"}
    for label in "DEF":
        assert table[label]["rules_only"]["f1"] == 0.0 and table[label]["with_model"]["f1"] == 1.0
    assert bt.ships(table)
    table["F"]["with_model"]["f1"] = -0.01  # one part losing blocks it
    assert not bt.ships(table)


def _status_article(name: str, gold: list[str], rules: list[str]) -> training.ArticleCandidates:
    def coded(word, status):
        c = _coded(word, "COERCE")
        c.certainty = status
        return c
    return training.ArticleCandidates(name, TEXT, [coded("blockaded", gold[0]), coded("met", gold[1])],
                                      [coded("blockaded", rules[0]), coded("met", rules[1])],
                                      [{"quote_kind=mixed": 1.0}, {"quote_kind=direct": 1.0}], [1, 1])


def test_the_certainty_correction_only_restores_asserted_and_is_scored_unseen():
    from sitrep.learn import certainty_training as ct

    # a mixed quote's "claimed" is asserted in the gold; a direct quote's "claimed" stays
    parts = {f"{p}{i}": p for p in "ABCDEF" for i in range(4)}
    arts = [_status_article(n, ["asserted", "claimed"], ["claimed", "claimed"]) for n in sorted(parts)]
    rows = ct.paired_statuses(arts[0])
    assert rows.eligible() == [0, 1] and ct.accuracy([rows]) == (1, 2)
    table = ct.leave_part_out(arts, parts, heldout=("D", "E", "F"), k=4)
    for label in ("D", "E", "F", "ABC"):
        assert table[label]["rules_only"]["acc"] == 0.5 and table[label]["with_model"]["acc"] == 1.0
    assert ct.ships(table)
    # near miss: a row the rules already call asserted is never touched
    asserted = ct.paired_statuses(_status_article("x", ["claimed", "claimed"], ["asserted", "claimed"]))
    model = logreg.Model(vocab=["quote_kind=mixed", "quote_kind=direct"], weights=[9.0, 9.0], bias=0.0,
                         threshold=0.5)
    assert ct.relabelled(asserted, model, 0.5) == ["asserted", "asserted"]
    assert asserted.eligible() == [1]


def test_training_never_reads_a_blind_part():
    parts = {"a1": "A", "d1": "D", "g1": "J", "g2": "L"}
    assert training.BLIND_PARTS == ("J", "K", "L", "M")
    assert training.training_ids(["g2", "d1", "a1", "g1", "old"], parts) == ["a1", "d1", "old"]
    # near miss: an explicit empty exclusion keeps every part
    assert training.training_ids(["g1", "a1"], parts, exclude=()) == ["a1", "g1"]
