"""Detection precision (session 9, precision10): page furniture, one event per happening,
non-events. Sentences invented for these tests."""
from event_helpers import run


def triggers(doc):
    return [(e.type, e.trigger.text) for e in doc.events]


def mention_starts(doc):
    """Where every trigger and merged mention starts."""
    return [m.span[0] for e in doc.events for m in [e.trigger, *e.mentions]]


# -- page furniture: a quoted subheading must look like a title -------------------------

SPOKEN = ("Borduria's army shelled three villages in Ruritania on Monday, officials said.\n\n"
          "Ruritania's president spoke on state television that night.\n\n"
          "\"We will strike back at Borduria\"\n\n"
          "The villages lie close to the border, and the shelling lasted two hours.\n\n"
          "Talks between the two states broke down in May.")


def test_a_spoken_quote_alone_on_its_line_is_prose_not_a_heading(kb):
    doc = run(kb, SPOKEN)
    text = doc.article.text
    quote = (text.index("\"We will"), text.index("The villages"))
    assert [e for e in doc.events if quote[0] <= e.trigger.span[0] < quote[1]], triggers(doc)


TITLED = ("Borduria's army shelled three villages in Ruritania on Monday, officials said.\n\n"
          "'Borduria attacks the border villages'\n\n"
          "The villages lie close to the border, and the shelling lasted two hours.\n\n"
          "Talks between the two states broke down in May.")


def test_a_title_shaped_quote_alone_on_its_line_is_still_a_heading(kb):
    doc = run(kb, TITLED)
    text = doc.article.text
    heading = (text.index("'Borduria attacks"), text.index("The villages"))
    assert not [s for s in mention_starts(doc) if heading[0] <= s < heading[1]], triggers(doc)
