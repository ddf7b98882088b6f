"""The allsides-dev scorer: pairing, one event per happening, offsets back to the corpus text."""
from sitrep.eval.sets.allsides_dev import Coded, Tally, pair_events, score_article, to_raw, token_map


def ev(spans, type_="ASSAULT", source="USA", target="SYR", certainty="asserted", background=False,
       date=None):
    return Coded(mentions=spans, type=type_, source=source, target=target, certainty=certainty,
                 background=background, date=date)


def test_a_happening_reported_twice_is_one_gold_event_and_a_split_costs_a_false_alarm():
    gold = [ev([(10, 16), (200, 206)])]
    split = [ev([(10, 16)]), ev([(200, 206)])]
    merged = [ev([(10, 16), (200, 206)])]
    t_split, t_merged = Tally(), Tally()
    score_article(gold, split, t_split)
    score_article(gold, merged, t_merged)
    assert (t_split.end_to_end.tp, t_split.end_to_end.fp) == (1, 1)
    assert (t_merged.end_to_end.tp, t_merged.end_to_end.fp) == (1, 0)
    assert t_split.metrics()["events_per_article_ratio"] == 2.0


def test_pairing_prefers_the_same_type_and_counts_a_wrong_dyad_only_end_to_end():
    gold = [ev([(0, 5)], "ACCUSE", "VEN", "USA")]
    predicted = [ev([(0, 5)], "ASSAULT"), ev([(2, 7)], "ACCUSE", "VEN", None)]
    assert pair_events(gold, predicted) == [(0, 1)]
    tally = Tally()
    score_article(gold, predicted, tally)
    m = tally.metrics()
    assert m["type"].tp == 1 and m["event_f1"].tp == 0
    assert m["source_filled"] == 1.0 and m["target_filled"] == 0.0


def test_background_and_certainty_are_scored_on_pairs():
    gold = [ev([(0, 5)], background=True, certainty="claimed", date="2015"),
            ev([(50, 55)], certainty="asserted")]
    predicted = [ev([(0, 5)], background=False, certainty="claimed", date="2019-04-30"),
                 ev([(50, 55)], background=True, certainty="reported")]
    tally = Tally()
    score_article(gold, predicted, tally)
    m = tally.metrics()
    assert (m["background"].tp, m["background"].fp, m["background"].fn) == (0, 1, 1)
    assert m["certainty_acc"] == 0.5
    assert m["date_acc"] == 0.0


def test_cleaned_offsets_map_back_onto_the_corpus_text():
    raw = "Title line\nShare this\n\nThe  army   attacked the town.\nAdvertisement\nIt withdrew."
    clean = "The army attacked the town.\n\nIt withdrew."
    starts = token_map(clean, raw)
    at = clean.index("attacked")
    mapped = to_raw((at, at + len("attacked")), *starts)
    assert raw[mapped[0]:mapped[1]] == "attacked"
    at = clean.index("withdrew")
    mapped = to_raw((at, at + len("withdrew")), *starts)
    assert raw[mapped[0]:mapped[1]] == "withdrew"


def test_same_type_in_the_same_sentence_pairs_when_the_trigger_words_differ():
    from sitrep.eval.sets.allsides_dev import sentence_spans
    text = "Rouhani said war with Iran would be the mother of all wars. Later, talks began."
    said, war = text.index("said"), text.index("war")
    gold = [ev([(said, said + 4)], "THREATEN")]
    same_type = [ev([(war, war + 3)], "THREATEN")]
    other_type = [ev([(war, war + 3)], "ASSAULT")]
    sentences = sentence_spans(text)
    assert len(sentences) == 2
    assert pair_events(gold, same_type, sentences) == [(0, 0)]
    assert pair_events(gold, other_type, sentences) == []
    assert pair_events(gold, same_type) == []


def test_a_title_before_a_name_does_not_end_the_scorers_sentence():
    from sitrep.eval.sets.allsides_dev import sentence_spans
    text = ("Mr. Varga told the envoys that Gen. Okafor should withdraw. (Sen. Lindqvist) objected. "
            "The talks ended.\nDr.\nNext line.")
    pieces = [text[a:b].strip() for a, b in sentence_spans(text)]
    assert pieces == ["Mr. Varga told the envoys that Gen. Okafor should withdraw.", "(Sen. Lindqvist) objected.",
                      "The talks ended.", "Dr.", "Next line."]
    # a lower-case word or a word that merely ends in a title's letters still ends a sentence
    assert len(sentence_spans("The armies met. Gen. Okafor spoke. They left the farm. Dr. Ames came.")) == 4
    assert len(sentence_spans("The envoys flew to Bergen. Talks began. They met Mrs. Ames.")) == 3


def test_a_date_is_right_when_it_lies_inside_the_gold_period_at_any_calendar_unit():
    from sitrep.eval.sets.allsides_dev import date_within

    assert date_within("2019-04-30", "2019-04") and date_within("2019-04-30T10:00", "2019-04-30")
    # a day of the gold week counts like a day of the gold month (it did not before)
    assert date_within("2013-07-05", "2013-W27") and date_within("2019-W04-WE", "2019-W04")
    assert not date_within("2020-01-13", "2020-W02")  # the Monday after that week
    # coarser than the gold is not right, whatever the unit
    assert not date_within("2013-W27", "2013-07-04") and not date_within("2019-04", "2019-04-30")
    assert not date_within(None, "2015") and not date_within("2016", "2015")


def test_date_accuracy_counts_a_day_inside_a_gold_week():
    gold = [ev([(0, 5)], date="2020-W02")]
    tally = Tally()
    score_article(gold, [ev([(0, 5)], date="2020-01-11")], tally)
    assert tally.metrics()["date_acc"] == 1.0


def _kb_actor(actor_id, country=None):
    from sitrep.model import Actor
    return Actor(span=(0, 4), text="x", name="x", country=country, actor_id=actor_id)


def test_system_key_is_country_else_international_body_else_nothing():
    """The scorer keys sitrep's actor as the gold does (country, else IGO code, else none):
    a KB body with no country and no IGO code is no key, not its KB id."""
    from sitrep.eval.sets.allsides_dev import _system_actor_key
    from sitrep.knowledge import default_knowledge
    kb = default_knowledge()
    assert _system_actor_key(_kb_actor("UNWATCH"), kb) is None  # an NGO with no country
    assert _system_actor_key(_kb_actor("UNHCR"), kb) == "UN"  # a UN agency: its IGO's code
    assert _system_actor_key(_kb_actor("UN"), kb) == "UN"  # the IGO itself
    assert _system_actor_key(_kb_actor("UNWATCH", country="CHE"), kb) == "CHE"
    assert _system_actor_key(_kb_actor(None), kb) is None


def test_a_pair_of_the_right_type_with_a_wrong_key_is_listed_as_a_key_error():
    gold = [ev([(0, 5)], "ACCUSE", "FRA", "SYR"), ev([(20, 25)], "ASSAULT", "SYR", None)]
    gold[0].extra = {"source_actor": {"name": "France", "span": (30, 36)}, "target_actor": None}
    predicted = [ev([(0, 5)], "ACCUSE", "FRA", "FRA"), ev([(20, 25)], "ACCUSE", "SYR", None)]
    predicted[0].extra = {"source_text": "France", "target_text": "forces"}
    text = "x" * 30 + "France" + "y" * 20
    errors = []
    score_article(gold, predicted, Tally(), text, errors, "art1")
    key_lines = [e for e in errors if e.startswith("KEY")]
    assert len(key_lines) == 1 and "target gold SYR" in key_lines[0] and "sitrep FRA ('forces')" in key_lines[0]
    assert "source gold" not in key_lines[0]
    # a wrong type stays a WRONG line, not a key error
    assert any(e.startswith("WRONG art1") for e in errors)


def test_a_blind_part_is_scored_but_its_error_lines_are_not_listed(tmp_path, monkeypatch):
    # a blind part (coded before anyone tuned on it) must not leak its misses and false
    # alarms into `sitrep eval --show-errors`: reading them would be tuning on it
    import json
    from types import SimpleNamespace

    from sitrep.eval.sets import allsides_dev

    text = "The navy seized a tanker on Monday. Officials condemned the seizure."
    for part, aid in (("F", "allsides-openOpenOpen0001"), ("G", "allsides-blindBlindBlind01")):
        rows = [{"kind": "article", "article": aid, "published": "2020-01-01", "annotator": part},
                {"kind": "event", "article": aid, "event": "e1", "type": "COERCE",
                 "mentions": [[9, 15]], "source": None, "target": None, "certainty": "asserted",
                 "attributed_to": None, "hedges": [], "date": None, "date_span": None, "background": False}]
        (tmp_path / f"part-{part}.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    doc = SimpleNamespace(article=SimpleNamespace(published="2020-01-01"))
    monkeypatch.setattr(allsides_dev, "run_articles",
                        lambda kb, data, ids: {a: ({"text": text}, doc) for a in ids})
    monkeypatch.setattr(allsides_dev, "coded_from_document", lambda d, t, kb: [])
    monkeypatch.setattr(allsides_dev, "BLIND_PARTS", frozenset({"G"}))
    result = allsides_dev.evaluate_gold(None, tmp_path, tmp_path, "t", "", "dev", by_part=True)
    assert any(line.startswith("MISS allsides-openOpenOpen0001 [F]") for line in result.errors)
    assert not any("allsides-blindBlindBlind01" in line for line in result.errors)
    assert result.metrics["part_G_event_f1"].fn == 1  # still scored
    assert any(note.startswith("blind part(s) G:") for note in result.notes)
