"""clean stage: junk removal on record, datelines, whitespace, the English gate."""
import re
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.model import Article, Document
from sitrep.read import read_input
from sitrep.stages import clean, language

FIXTURES = Path(__file__).parent / "fixtures" / "read"

BODY = ("The Riverside city council approved a new budget on Tuesday after a long debate about "
        "road repairs and the future of the public library.\n\n"
        "Council members voted seven to two in favour of the plan, which raises spending on road "
        "maintenance by twelve percent over the next two years.")


def cleaned(text, title=None, published=None, input_format="text"):
    article = Article(id="t", text=text, title=title, published=published, input_format=input_format,
                      origin="test.txt")
    return clean.run(Document(article=article), None).article


def kinds(article):
    return [r.kind for r in article.removed]


def test_fixture_article_loses_junk_and_keeps_every_sentence():
    article = read_input(str(FIXTURES / "council.txt"))[0]
    out = clean.run(Document(article=article), None).article
    assert out.text.startswith("The Riverside city council approved")
    assert out.text.endswith("said the mayor, Tom Baker, after the vote.")
    assert sorted(set(kinds(out))) == ["byline", "cookie_notice", "dateline", "repeated_title",
                                       "share_line", "trailing_junk"]
    removed_text = " ".join(r.text for r in out.removed)
    for junk in ("We use cookies", "Share this article", "By Jane Doe", "03.01.2026 12:12",
                 "Related articles", "Library hours to change", "© 2026 Riverside Gazette"):
        assert junk in removed_text
        assert junk not in out.text
    assert kinds(out).count("repeated_title") == 2
    assert out.published == "2026-01-03T12:12:00"
    assert out.meta["date_source"].startswith("dateline")
    assert out.language == "en"


def test_nothing_is_lost_silently():
    """Every word of the input is either in the cleaned text or in a removal record."""
    article = read_input(str(FIXTURES / "council.txt"))[0]
    before = re.findall(r"\w+", article.text)
    out = clean.run(Document(article=article), None).article
    after = re.findall(r"\w+", out.text) + [w for r in out.removed for w in re.findall(r"\w+", r.text)]
    assert sorted(before) == sorted(after)


def test_cookie_notice_is_recorded():
    out = cleaned("This website uses cookies. Click accept to consent to our use of cookies.\n\n" + BODY)
    assert kinds(out) == ["cookie_notice"]
    assert out.text == BODY


def test_repeated_title_before_caption_is_removed_anywhere():
    title = "Council backs road plan"
    text = BODY.replace("\n\n", "\n\nCouncil Backs Road Plan\n\nA photo of the council chamber.\n\n")
    out = cleaned(text, title=title)
    assert kinds(out) == ["repeated_title"]
    assert "A photo of the council chamber." in out.text


@pytest.mark.parametrize("line,expected", [
    ("03.01.2026 12:12", "2026-01-03T12:12:00"),
    ("Jan. 3, 2026", "2026-01-03"),
    ("January 3, 2026 at 12:12 p.m. EST", "2026-01-03T12:12:00-05:00"),
    ("2026-01-03", "2026-01-03"),
    ("Published: Saturday, January 3, 2026 8:05 AM", "2026-01-03T08:05:00"),
    ("Updated 3 January 2026, 14:30 GMT", "2026-01-03T14:30:00+00:00"),
    ("2026-01-03T09:15:00+01:00", "2026-01-03T09:15:00+01:00"),
    ("Published 12:12 PM EST, Sat January 3, 2026", "2026-01-03T12:12:00-05:00"),
    ("Jan 3, 2026 | 12:12 PM ET", "2026-01-03T12:12:00-05:00"),
])
def test_dateline_becomes_published(line, expected):
    out = cleaned(line + "\n\n" + BODY)
    assert out.published == expected
    assert kinds(out) == ["dateline"]
    assert out.text == BODY


def test_dateline_does_not_override_known_date_but_is_still_removed():
    out = cleaned("Jan. 3, 2026\n\n" + BODY, published="2026-01-02")
    assert out.published == "2026-01-02"
    assert kinds(out) == ["dateline"]


def test_sentence_with_a_date_is_not_a_dateline():
    text = "On January 3, 2026 the council met for the last time before the election.\n\n" + BODY
    out = cleaned(text)
    assert out.text.startswith("On January 3, 2026")
    assert "dateline" not in [r.kind for r in out.removed]
    # still the best evidence of when the text was written: inferred, and said so
    assert out.published == "2026-01-03" and out.published_inferred
    assert out.meta["date_source"].startswith("inferred from the latest date")


def test_real_sentences_that_look_like_junk_survive():
    text = ("By Tuesday, the council had voted.\n\n"
            "Share prices fell sharply after the announcement, traders said.\n\n"
            "Listen to the people, the protesters shouted outside the council.\n\n"
            "Read the statement, the mayor told reporters on Friday.\n\n" + BODY)
    out = cleaned(text)
    assert out.removed == []
    assert out.text == text


def test_whitespace_normalised_words_untouched():
    messy = ("  The  council\tmet on Tuesday   to discuss the budget for next year,\n"
             "and members agreed to hold a public hearing before the final vote   \n\n\n\n"
             "Residents can send written comments until the end of the month, the clerk said.  \n")
    out = cleaned(messy + "\n" + BODY)
    assert "\n\n\n" not in out.text
    assert not re.search(r"[ \t]\n|\n[ \t]| {2}", out.text)
    assert out.text.split() == (messy + " " + BODY).split()
    # a hard-wrapped paragraph is one paragraph
    assert out.text.split("\n\n")[0].endswith("before the final vote")


def test_one_paragraph_per_line_text_is_split_into_paragraphs():
    text = ("The council met on Tuesday to discuss the budget.\n"
            "Members agreed to hold a public hearing before the vote.\n"
            "Residents can send comments until the end of the month.")
    out = cleaned(text + "\n\n" + BODY)
    assert out.text.count("\n\n") == 4  # three lines + the two paragraphs of BODY


def test_spanish_and_french_are_refused_with_the_language_named():
    spanish = ("El ayuntamiento de la ciudad aprobó el martes un nuevo presupuesto para reparar las "
               "carreteras, después de un largo debate sobre el futuro de la biblioteca pública, que "
               "según los vecinos necesita más dinero.")
    french = ("Le conseil municipal a approuvé mardi un nouveau budget pour la réparation des routes, "
              "après un long débat sur l'avenir de la bibliothèque, dont le toit fuit depuis trois hivers "
              "selon les habitants.")
    for text, name, code in ((spanish, "Spanish", "es"), (french, "French", "fr")):
        with pytest.raises(InputError) as info:
            cleaned(text)
        assert info.value.reason == "not_english"
        assert name in info.value.detail and "English news only" in info.value.detail
        assert language.detect(text).code == code


@pytest.mark.parametrize("text,code", [
    ("Городской совет во вторник утвердил новый бюджет на ремонт дорог после долгих споров.", "ru"),
    ("市议会周二批准了一项新的道路维修预算，此前就公共图书馆的未来进行了长时间的辩论。", "zh"),
    ("市議会は火曜日、道路の修理のための新しい予算を承認しました。図書館の将来についての議論の後です。", "ja"),
])
def test_non_latin_scripts_are_refused(text, code):
    with pytest.raises(InputError) as info:
        cleaned(text)
    assert info.value.reason == "not_english"
    assert language.detect(text).code == code


def test_all_caps_wire_text_is_english():
    text = ("SAN ISIDRO, 12 MAR 89 -- [TEXT] THE MAYOR OF THE TOWN SAID TODAY THAT A GROUP OF ARMED MEN "
            "ATTACKED THE POLICE STATION LAST NIGHT. NO ONE WAS KILLED IN THE ATTACK, ACCORDING TO "
            "THE POLICE, BUT TWO VEHICLES WERE BURNED AND THE BUILDING WAS DAMAGED.")
    out = cleaned(text)
    assert out.language == "en"
    assert out.text == text


def test_too_short_and_empty():
    with pytest.raises(InputError) as info:
        cleaned("Council approves budget after debate.")
    assert info.value.reason == "too_short"
    assert "words" in info.value.detail
    with pytest.raises(InputError) as info:
        cleaned("Advertisement\n\nShare this article\n\nRead more")
    assert info.value.reason == "empty"


def test_articles_built_in_code_are_not_length_gated():
    doc = clean.run(Document(article=Article(id="s1", text="Russia attacked Ukraine on Monday.")), None)
    assert doc.article.text == "Russia attacked Ukraine on Monday."


def test_clean_is_idempotent():
    article = read_input(str(FIXTURES / "council.txt"))[0]
    once = clean.run(Document(article=article), None).article
    text, n_removed = once.text, len(once.removed)
    twice = clean.run(Document(article=once), None).article
    assert twice.text == text and len(twice.removed) == n_removed


def test_odd_input_does_not_crash():
    for text in ("", "\n\n\n", "\u200b\ufeff", "…" * 50, "a" * 10000):
        article = Article(id="odd", text=text)
        clean.clean_text(Document(article=article))


def test_stacked_share_and_read_more_lines_are_removed_one_by_one():
    """Three page-furniture lines with no blank line between them must not be joined into
    one 'hard-wrapped' paragraph that no rule recognises."""
    body = ("The council voted on Tuesday to repair the old harbour wall before the winter storms, "
            "after engineers warned that a second breach could flood the market square.\n\n"
            "Share this story\nRead more: Timeline of the harbour wall repairs\nAdvertisement\n")
    doc = clean.run(Document(article=Article(id="t", text=body)))
    assert "Share this story" not in doc.article.text
    assert "Read more" not in doc.article.text
    assert [r.kind for r in doc.article.removed] == ["share_line", "share_line", "share_line"]


# -- publication date inferred from the text (issue 7 item 6) ------------------------------

def test_no_date_anywhere_leaves_published_empty_and_says_so():
    out = cleaned(BODY)
    assert out.published is None and not out.published_inferred
    assert out.meta["date_source"].startswith("none")


def test_latest_full_date_of_the_latest_year_is_the_inferred_day():
    text = ("The treaty signed on March 3, 1998 was suspended on Friday. The council had met on "
            "February 2, 2021 and again on February 9, 2021, when the vote was taken.\n\n" + BODY)
    out = cleaned(text)
    assert out.published == "2021-02-09" and out.published_inferred
    assert out.meta["published_granularity"] == "day"


def test_a_date_ahead_is_not_the_publication_date():
    text = ("The council met on February 2, 2021. The new bridge will open on June 1, 2021, "
            "and talks are scheduled until July 15, 2021.\n\n" + BODY)
    assert cleaned(text).published == "2021-02-02"


def test_only_background_years_give_no_date():
    text = "The dispute began in 1998 and flared again in 2014, when the council was formed.\n\n" + BODY
    out = cleaned(text)
    assert out.published is None


def test_url_date_is_evidence():
    article = Article(id="u", text=BODY, url="https://example.org/news/2020/11/05/council-budget.html",
                      input_format="text", origin="x")
    out = clean.run(Document(article=article), None).article
    assert out.published == "2020-11-05" and out.published_inferred
    assert "URL" in out.meta["date_source"]
    article = Article(id="u", text=BODY, url="https://example.org/2017/mar/budget", input_format="text", origin="x")
    out = clean.run(Document(article=article), None).article
    assert out.published == "2017-03" and out.meta["published_granularity"] == "month"


def test_a_given_date_is_never_replaced():
    out = cleaned("The council met on February 2, 2021.\n\n" + BODY, published="2021-03-01")
    assert out.published == "2021-03-01" and not out.published_inferred
