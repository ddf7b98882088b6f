"""Statements reported by different articles are one incident only on evidence that they are
one statement (linker 10): names are no evidence, every article on a crisis shares them.
Invented sentences, real stores and the real linker."""
from corpus_helpers import make_doc
from sitrep.corpus.incidents import (STATEMENT_TEXT, Mention, one_statement, rebuild_incidents, same_speaker,
                                     similarity, text_features)
from sitrep.corpus.store import Store, content_hash
from sitrep.model import Actor


def statement(aid, outlet, sentence, typ, trigger, speaker, country="VEN", target="USA", day="2025-11-24",
              kind="person"):
    """One article reporting one statement of ``speaker`` (a named person or office of
    ``country``'s government) to ``target``, dated ``day``."""
    doc = make_doc(aid, [sentence], outlet=outlet, published="2025-11-25",
                   events=[(0, typ, trigger, country, target, None, day)])
    doc.events[0].source = Actor(span=(0, len(speaker)), text=speaker, name=speaker, country=country,
                                 sector="GOV", kind=kind)
    return doc


def groups(tmp_path, docs):
    with Store(tmp_path / "statements.duckdb") as store:
        with store.transaction():
            for d in docs:
                store.add_document(d.to_dict(), content_hash(d.article.text))
        rebuild_incidents(store)
        rows = store.rows("SELECT incident_id, article_id FROM incident_mentions ORDER BY article_id")
    by: dict[str, list[str]] = {}
    for r in rows:
        by.setdefault(r["incident_id"], []).append(r["article_id"])
    return sorted(by.values())


ACCUSATION = ("Nicolas Maduro accused Washington on Monday of plotting a military invasion to seize the oil "
              "reserves of Venezuela, calling the naval deployment in the Caribbean a threat to the whole region.")
OFFER = ("In a televised address on Monday, Nicolas Maduro said he was ready to sit down with Washington for talks "
         "on migration flights and the oil of Venezuela if sanctions were eased.")


def _band(a, b, low, high):
    """The sentences' text overlap lies between the thresholds a test is about."""
    value = similarity(text_features(a), text_features(b))
    assert low <= value < high, value


def test_an_accusation_and_an_offer_of_one_speaker_in_two_articles_stay_apart(tmp_path):
    """Same speaker, addressee and day, sentences sharing the names (Maduro, Washington,
    Venezuelan oil): an accusation reported by one outlet is not the offer of talks another
    outlet reports."""
    # enough shared text for two reports of one happening with both actors agreeing (0.24),
    # less than one quote reported twice (STATEMENT_TEXT)
    _band(ACCUSATION, OFFER, 0.24, STATEMENT_TEXT)
    docs = [statement("a", "Wire A", ACCUSATION, "ACCUSE", "accused", "Nicolas Maduro"),
            statement("b", "Wire B", OFFER, "AGREE", "ready", "Nicolas Maduro")]
    assert groups(tmp_path, docs) == [["a"], ["b"]]


def test_two_accusations_of_one_speaker_sharing_only_names_stay_apart(tmp_path):
    """One speaker's two statements of one kind on one day (one about oil, one about a
    detained pilot) share the names and nothing of what was said."""
    other = ("In a speech to supporters on Monday, Nicolas Maduro accused Washington of holding a Venezuela pilot "
             "in Miami and of keeping him from his family.")
    _band(ACCUSATION, other, 0.24, STATEMENT_TEXT)
    docs = [statement("a", "Wire A", ACCUSATION, "ACCUSE", "accused", "Nicolas Maduro"),
            statement("b", "Wire B", other, "ACCUSE", "accused", "Nicolas Maduro")]
    assert groups(tmp_path, docs) == [["a"], ["b"]]


def test_a_speaker_named_first_in_both_sentences_is_no_shared_word(tmp_path):
    """Sentences that open with the speaker's name share that name, not what was said."""
    from sitrep.corpus.incidents import STATEMENT_WORDS, word_features

    first = "Maduro accused the opposition of hoarding food to stir unrest in the provinces."
    second = "Maduro accused foreign banks of freezing the accounts that pay for medicine imports."
    assert similarity(word_features(first), word_features(second)) < STATEMENT_WORDS
    docs = [statement("a", "Wire A", first, "ACCUSE", "accused", "Maduro"),
            statement("b", "Wire B", second, "ACCUSE", "accused", "Maduro")]
    assert groups(tmp_path, docs) == [["a"], ["b"]]


def test_one_statement_quoted_by_two_outlets_is_one_incident(tmp_path):
    """One outlet files the minister's words as a rejection, the other as an accusation,
    and names him in full or by surname: one speaker, one kind (verbal conflict), the same
    words for what was said."""
    first = ("Foreign Minister Yvan Gil rejected the terrorist designation on Monday as a ridiculous fabrication "
             "meant to justify an attack.")
    second = ("Gil called the terrorist designation a ridiculous fabrication, saying Washington wants a pretext "
              "for an attack.")
    docs = [statement("a", "Wire A", first, "REJECT", "rejected", "Yvan Gil"),
            statement("b", "Wire B", second, "ACCUSE", "called", "Gil")]
    assert groups(tmp_path, docs) == [["a", "b"]]


def test_one_government_speaking_through_two_offices_is_one_incident(tmp_path):
    """The foreign ministry in one outlet, the state itself in another: one government to
    one addressee, what was said worded alike."""
    first = "The Foreign Ministry rejected the sanctions announced by Washington as illegal economic aggression."
    second = "Venezuela rejected the new sanctions as illegal economic aggression against its people."
    docs = [statement("a", "Wire A", first, "REJECT", "rejected", "Foreign Ministry", kind="org"),
            statement("b", "Wire B", second, "REJECT", "rejected", "Venezuela", kind="state")]
    assert groups(tmp_path, docs) == [["a", "b"]]


def test_same_speaker_needs_the_words_of_one_name_inside_the_other():
    assert same_speaker("Trump", "Donald Trump")
    assert same_speaker("Nicolas Maduro", "Nicolas Maduro")
    assert not same_speaker("United States", "United Nations")
    assert not same_speaker("officials", "officials")  # a common noun names no one
    assert not same_speaker(None, "Donald Trump")


def _said(typ, sentence, source_name, source_country="VEN"):
    return Mention(event_id=sentence[:20], article_id=sentence[:5], type=typ, outlet=None, independent_key="k",
                   certainty="asserted", lo=None, hi=None, precision=None, pub_date=None,
                   source_country=source_country, source_name=source_name, source_sector="GOV",
                   target_country="USA", sentence=sentence)


def test_one_statement_rules():
    """Much the same words suffice; else one kind, one speaker and words alike besides names."""
    accusation = _said("ACCUSE", ACCUSATION, "Nicolas Maduro")
    offer = _said("AGREE", OFFER, "Nicolas Maduro")
    assert not one_statement(accusation, offer, accusation.similarity(offer))
    assert one_statement(accusation, offer, 0.9)  # a quote repeated word for word
    # one kind, one speaker, but the state's own name names no one speaker: one government,
    # so what was said must be worded alike
    turkey = _said("THREATEN", "Turkey warned it would not permit ISIS to return to the border towns.", "Turkey", "TUR")
    erdogan = _said("THREATEN", "Erdogan threatened Europe with a flood of refugees over its criticism.",
                    "Recep Tayyip Erdogan", "TUR")
    assert not one_statement(turkey, erdogan, 0.3)
