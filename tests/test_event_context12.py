"""Session 11 (context12): background flags, dates and certainty. Every text is made up
for these tests."""
from sitrep import pipeline
from sitrep.model import Article

#: two lead paragraphs: the body recap rules only apply after the story's lead
LEAD = ("Zarnian troops shelled the port of Karavan on Monday, officials in Orvalo said.\n\n"
        "The governor of Karavan condemned the shelling on Tuesday and asked Orvalo for help.\n\n")


def run(kb, body, published="2024-05-22"):
    return pipeline.process(Article(id="t", text=LEAD + body, published=published), kb)


def by_trigger(doc, word):
    found = [e for e in doc.events if e.trigger.text.startswith(word) and e.trigger.span[0] >= len(LEAD)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


# ---------------------------------------------------------------- a shared auxiliary

def test_a_conjunct_sharing_a_statement_perfect_is_news_like_it(kb):
    doc = run(kb, "Security forces in Karavan have warned the demonstrators and arrested dozens of them.")
    warned, arrested = by_trigger(doc, "warned"), by_trigger(doc, "arrested")
    assert warned.background is False
    assert arrested.background is False
    assert arrested.date is not None and arrested.date.value == warned.date.value


def test_a_conjunct_sharing_a_recap_perfect_is_background_like_it(kb):
    doc = run(kb, "Orvalan rebels have attacked two army posts near Karavan and seized dozens of rifles.")
    assert by_trigger(doc, "attacked").background is True
    assert by_trigger(doc, "seized").background is True


def test_a_conjunct_sharing_the_perfect_takes_the_first_conjuncts_day(kb):
    doc = run(kb, "Zarnian police have warned the strikers on Sunday and detained four of their leaders.")
    detained = by_trigger(doc, "detained")
    assert detained.background is False
    assert detained.date is not None and detained.date.value == "2024-05-19"


def test_a_conjunct_with_its_own_subject_reads_its_own_time(kb):
    # "the army" has its own subject: it borrows no auxiliary, the recap is its own
    doc = run(kb, "Zarnian officials have warned Orvalo, and the army has shelled three villages.")
    assert by_trigger(doc, "warned").background is False
    assert by_trigger(doc, "shelled").background is True


# ---------------------------------------------------------------- certainty

def _article(kb, text, published="2024-05-22"):
    return pipeline.process(Article(id="c", text=text, published=published), kb)


def _event(doc, word):
    found = [e for e in doc.events if e.trigger.text.startswith(word)]
    assert found, f"no {word}: {[(e.type, e.trigger.text) for e in doc.events]}"
    return found[0]


PADDING = "\n\nTalks between the two sides are due to resume in Vienna next month."


def test_an_official_of_any_coordinated_party_claims_the_act(kb):
    doc = _article(kb, "The leaders of Britain, Germany and France expressed their willingness to impose "
                       "new sanctions on Belarus, a French official said on Tuesday." + PADDING)
    ev = _event(doc, "expressed")
    assert ev.certainty.status == "claimed"
    assert "French" in ev.certainty.attributed_to.text


def test_an_official_of_no_party_only_reports_it(kb):
    doc = _article(kb, "The leaders of Britain, Germany and France expressed their willingness to impose "
                       "new sanctions on Belarus, a Danish official said on Tuesday." + PADDING)
    assert _event(doc, "expressed").certainty.status == "reported"


def test_a_speaker_after_a_semicolon_does_not_carry_the_clause_before_it(kb):
    doc = _article(kb, "Zarnian rebels shelled the town of Karavan on Monday; a local priest wrote that "
                       "the village was empty." + PADDING)
    ev = _event(doc, "shelled")
    assert ev.certainty.status == "asserted"
    assert ev.certainty.attributed_to is None


def test_a_speaker_after_a_comma_does_carry_it(kb):
    doc = _article(kb, "Zarnian rebels shelled the town of Karavan on Monday, a local priest wrote." + PADDING)
    ev = _event(doc, "shelled")
    assert ev.certainty.status != "asserted"
    assert ev.certainty.attributed_to is not None and "priest" in ev.certainty.attributed_to.text


def test_quoted_as_saying_names_the_speaker(kb):
    doc = _article(kb, "Rebel leaders in Karavan were quoted as saying that government troops had shelled "
                       "the town on Friday." + PADDING)
    ev = _event(doc, "shelled")
    assert ev.certainty.status == "claimed"
    assert ev.certainty.attributed_to is not None and "Rebel leaders" in ev.certainty.attributed_to.text


# ---------------------------------------------------------------- dates of conjuncts and stories

def test_a_simple_past_conjunct_takes_the_day_of_the_first(kb):
    doc = run(kb, "On Sunday the mayor of Karavan denounced the blockade and urged Orvalo to send food.")
    urged = by_trigger(doc, "urged")
    assert urged.date is not None and urged.date.value == "2024-05-19"
    assert urged.background is False


def test_a_conjunct_with_its_own_day_keeps_it(kb):
    doc = run(kb, "On Sunday the mayor of Karavan denounced the blockade and on Tuesday urged Meridia "
                  "to send food.")
    assert by_trigger(doc, "urged").date.value == "2024-05-21"


def test_a_year_inside_a_relative_clause_starts_no_story(kb):
    # the 2015 of "the quota it accepted in the 2015 accord" tells the quota's past; the
    # paragraph after it goes on with the news of the week
    doc = run(kb, "Zarnia said on Monday it would exceed the fishing quota it accepted in the 2015 accord."
                  "\n\nA Zarnian spokesman warned Orvalo that its navy would escort the trawlers.")
    warned = by_trigger(doc, "warned")
    assert warned.background is False
    assert warned.date is None or warned.date.value.startswith("2024")


def test_a_past_date_earlier_in_the_sentence_dates_the_story_it_tells(kb):
    doc = run(kb, "Orvalo sealed the border in March 2019.\n\n"
                  "The blockade of December 2021 was the reason the Zarnian envoy protested.")
    protested = by_trigger(doc, "protested")
    assert protested.background is True
    assert protested.date is not None and protested.date.value.startswith("2021-12")


def test_a_day_in_a_coordinated_clause_with_its_own_subject_is_that_clauses(kb):
    doc = run(kb, "The Orvalan envoy met with the governor in Karavan, but the shelling prompted him to "
                  "leave before the festival on Sunday.")
    met = by_trigger(doc, "met")
    assert met.date is None or met.date.value != "2024-05-19"


def test_a_clause_after_a_semicolon_keeps_the_speaker_of_the_whole_sentence(kb):
    doc = run(kb, "The Zarnian army said insurgents shelled the depot at Kessa; nobody was injured.")
    assert by_trigger(doc, "shelled").certainty.status in ("claimed", "reported")
    doc = run(kb, "Insurgents shelled the depot at Kessa on Friday; a local monk wrote that the roof fell in.")
    assert by_trigger(doc, "shelled").certainty.status == "asserted"


def test_observers_from_two_countries_report_they_do_not_claim(kb):
    doc = run(kb, "Analysts from Zarnia and Karavan said Borduria fired three rockets at Orvalo on Sunday.")
    assert by_trigger(doc, "fired").certainty.status == "reported"
    doc = run(kb, "Officials from Zarnia and Karavan said Borduria fired three rockets at Orvalo on Sunday.")
    assert by_trigger(doc, "fired").certainty.status == "claimed"
