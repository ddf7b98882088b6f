"""Link cards run into a sentence (a person's full name glued to linked headlines, ending
in "MORE") are not the article's prose: no event is read from them and quotes elide them."""
from brief_helpers import article, store_of
from sitrep.report.compose import compose
from sitrep.report.linkcards import link_cards, without_link_cards

CARD_SENTENCE = ("Turkey attacked the border town on Monday after President Pompeo Michael Rich "
                 "PompeoSenator says Russia attacked the base Lawmakers weigh new bill MORE announced a pullout.")


def test_a_card_runs_from_the_glued_headline_to_more():
    (start, end), = link_cards(CARD_SENTENCE)
    assert CARD_SENTENCE[start:end].startswith("Senator says") and CARD_SENTENCE[start:end].endswith("MORE")
    assert without_link_cards(CARD_SENTENCE) == ("Turkey attacked the border town on Monday after President "
                                                 "Pompeo Michael Rich Pompeo […] announced a pullout.")


def test_prose_with_brand_names_or_a_later_more_is_no_card():
    for text in ("The WikiLeaks founder posted the files on YouTube. MORE: the full story",
                 "General MacArthur returned to the islands. MORE ON THIS",
                 "Officials met on YouTube live and said nothing more."):
        assert link_cards(text) == [] and without_link_cards(text) == text


def test_no_event_is_read_from_a_card_and_quotes_elide_it(tmp_path):
    doc = article("c1", "Turkey strikes border town in Syria", [CARD_SENTENCE, "Residents fled the town."],
                  published="2019-10-08",
                  events=({"s": 0, "type": "ASSAULT", "trigger": "attacked the border", "source": "Turkey",
                           "date": "2019-10-07"},
                          {"s": 0, "type": "ASSAULT", "trigger": "attacked the base", "source": "Russia",
                           "date": "2019-10-07"}))
    with store_of(tmp_path / "s.duckdb", [doc]) as store:
        brief = compose(store, about="Turkey")
    titles = [i.title for i in brief.headlines + brief.timeline]
    assert any(t.startswith("Turkey") for t in titles)
    assert not any(t.startswith("Russia") for t in titles)
    quoted = [q.text for i in brief.headlines for q in i.quotes] + [n.sentence for n in brief.notes]
    assert quoted and all("Senator says" not in q and "[…]" in q for q in quoted)


def test_a_name_read_across_the_glue_is_no_actor():
    from sitrep.report.linkcards import runs_into_card
    assert runs_into_card("Rich PompeoSenator", CARD_SENTENCE)
    assert not runs_into_card("Pompeo Michael Rich Pompeo", CARD_SENTENCE)
    assert not runs_into_card("Turkey", CARD_SENTENCE)
