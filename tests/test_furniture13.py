"""Page furniture (photo captions and credits) and non-eventive readings of event words
(session 12, furniture13). Every sentence is invented for these tests; places and people
are made up (Borduria, Ruritania, Klow, Szohod)."""
from event_helpers import run, triggers


def events_in(doc, paragraph_start: str, paragraph_end: str):
    """The events with a trigger or mention between two paragraph openings."""
    text = doc.article.text
    a, b = text.index(paragraph_start), text.index(paragraph_end)
    return [e for e in doc.events if any(a <= m.span[0] < b for m in [e.trigger, *e.mentions])]


LEAD = "Borduria's foreign minister met his Ruritanian counterpart in Geneva on Monday to discuss the border.\n\n"
TAIL = ("\n\nThe talks lasted four hours and ended without a statement.\n\n"
        "A second round is planned for May, officials in Szohod said.")


# -- captions closed by a photo credit -----------------------------------------------------

def test_a_caption_closed_by_an_agency_credit_codes_no_event(kb):
    for caption in (
            "Ruritania's prime minister greets the Bordurian delegation at Zenda airport. REUTERS/Jane Okafor",
            "Bordurian troops patrol a street in Klow. (AP Photo/Tomas Brandt)",
            "The Ruritanian parliament debates the sanctions bill. (ZP Photo/Ana Kos)",
            "Police detain a protester outside the Bordurian embassy. AFP/Marek Novak"):
        doc = run(kb, LEAD + caption + TAIL)
        assert not events_in(doc, caption[:20], "The talks lasted"), (caption, triggers(doc))
        assert doc.article.meta["furniture"] == {"furniture": 1}, caption
        assert events_in(doc, "Borduria's foreign", caption[:20]), triggers(doc)  # the body is coded


def test_a_slash_in_prose_is_no_credit(kb):
    sentence = "Ruritania accused Borduria of blocking shipments of medicine against HIV/AIDS."
    doc = run(kb, LEAD + sentence + TAIL)
    assert "ACCUSE" in [e.type for e in events_in(doc, sentence[:20], "The talks lasted")], triggers(doc)
    assert "furniture" not in doc.article.meta


# -- captions told in the present with a full date ----------------------------------------

def test_a_present_tense_line_with_a_full_past_date_is_a_caption(kb):
    for caption in (
            "Ruritania's prime minister greets the Bordurian delegation in Zenda, Ruritania, March 3, 2024.",
            "Bordurian soldiers attack a checkpoint near Klow on February 28, 2024.",
            "The Ruritanian foreign minister is seen at a news conference in Szohod, Friday, March 8, 2024.",
            "Protesters march toward the Bordurian embassy in Zenda on March 1, 2024."):
        doc = run(kb, LEAD + caption + TAIL)
        assert not events_in(doc, caption[:20], "The talks lasted"), (caption, triggers(doc))
        assert doc.article.meta["furniture"] == {"dated_caption": 1}, caption


def test_a_past_or_scheduled_dated_sentence_is_prose(kb):
    for sentence, kind in (
            ("Bordurian soldiers fired artillery at Ruritanian positions near Klow on February 28, 2024.", "ASSAULT"),
            ("The new Bordurian tariffs on Ruritanian steel take effect on April 2, 2024.", "SANCTION"),
            ("\"Borduria attacks our villages every night,\" the Ruritanian president said on March 3, 2024.",
             "ASSAULT")):
        doc = run(kb, LEAD + sentence + TAIL)
        assert kind in [e.type for e in events_in(doc, sentence[:20], "The talks lasted")], (sentence, triggers(doc))
        assert "dated_caption" not in doc.article.meta.get("furniture", {}), sentence
