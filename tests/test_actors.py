"""Actor KB and actors stage: names, coreference, metonymy, locatives, roles by date."""
from __future__ import annotations


import pytest

from sitrep import pipeline
from sitrep.knowledge import Knowledge
from sitrep.knowledge.actors import load_actor_kb
from sitrep.model import Article
from sitrep.stages.actors import actor_at, find_actor


def actors_of(kb, text, published=None):
    doc = pipeline.process(Article(id="t", text=text, published=published), kb, until="actors")
    return doc, doc.actors


def mention(actors, text, nth=0):
    found = [a for a in actors if a.text == text]
    assert len(found) > nth, f"no mention {text!r} in {[a.text for a in actors]}"
    return found[nth]


# -- knowledge base -------------------------------------------------------------------

def test_kb_has_every_kind():
    counts = load_actor_kb(()).counts()
    assert counts["state"] >= 249 and counts["person"] >= 300
    assert counts["org"] >= 100 and counts["group"] >= 20


def test_role_holder_depends_on_date(kb):
    actors = kb.actors
    assert actors.holder("USA", ["president"], "2019-05-01").name == "Donald Trump"
    assert actors.holder("USA", ["president"], "2022-05-01").name == "Joe Biden"
    assert actors.holder("USA", ["president"], "2015-05-01").name == "Barack Obama"
    assert actors.holder("VEN", ["defence_minister"], "2020-01-01").name == "Vladimir Padrino Lopez"
    assert actors.holder("USA", ["foreign_minister"], "2018-01-01").name == "Rex Tillerson"


def test_user_actor_file_merged(tmp_path, monkeypatch):
    user = tmp_path / "mine.tsv"
    user.write_text(
        "id\tname\tkind\tsector\tcountry\tigo\trole\tstart\tend\tgender\taliases\tdemonyms\tmetonyms\n"
        "person:jose_perez_test\tJosé Pérez Test\tperson\tLEG\tVEN\t\tlawmaker\t2020-01-01\t\tm\tPérez Test\t\t\n"
        "VEN\t\t\t\t\t\t\t\t\t\t\tVenezuelan people\t\n", encoding="utf-8")
    kb = Knowledge(user_actor_files=(str(user),))
    doc, actors = actors_of(kb, "Jose Perez Test criticised the budget. Perez Test was angry.")
    first = mention(actors, "Jose Perez Test")
    assert first.actor_id == "person:jose_perez_test" and first.country == "VEN" and first.sector == "LEG"
    assert mention(actors, "Perez Test").name == "José Pérez Test"
    assert kb.actors.get("VEN").name == "Venezuela"  # shipped fields survive a partial row
    # the same file through the environment variable
    monkeypatch.setenv("SITREP_ACTORS", str(user))
    assert load_actor_kb(()).get("person:jose_perez_test") is not None


def test_missing_user_file_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_actor_kb((str(tmp_path / "nope.tsv"),))


# -- stage ------------------------------------------------------------------------------

def test_maduro_coreference_chain(kb):
    text = ("Venezuelan President Nicolas Maduro said on Monday that Washington was plotting a coup. "
            "Maduro accused the opposition of treason.\n\n"
            "The Venezuelan leader said he would not step down, and his defence minister backed him.")
    doc, actors = actors_of(kb, text, "2025-11-20")
    chain = [a for a in actors if a.actor_id == "person:nicolas_maduro"]
    texts = [a.text for a in chain]
    assert texts[0].endswith("Nicolas Maduro") and chain[0].resolved_by == "kb"
    assert "Maduro" in texts and "Venezuelan leader" in texts and "he" in texts
    assert mention(actors, "Maduro").resolved_by == "coref"
    assert mention(actors, "Venezuelan leader").resolved_by == "coref"
    assert mention(actors, "he").name == "Nicolas Maduro"
    assert all(a.country == "VEN" and a.sector == "GOV" for a in chain)


def test_metonymy_versus_locative(kb):
    doc, actors = actors_of(kb, "Washington said on Tuesday it would respond. Protesters gathered in Washington.")
    speaker, place = [a for a in actors if a.text == "Washington"]
    assert speaker.resolved_by == "metonymy" and speaker.country == "USA" and speaker.sector == "GOV"
    assert speaker.kind == "state" and not speaker.locative
    assert place.locative and place.country == "USA"
    doc, actors = actors_of(kb, "US warships patrolled off the coast of Venezuela. Caracas rejected the move.")
    assert mention(actors, "Venezuela").locative
    assert mention(actors, "Caracas").resolved_by == "metonymy"
    assert mention(actors, "US warships").sector == "MIL"


def test_head_noun_picks_sector(kb):
    doc, actors = actors_of(kb, "Venezuelan officials said Venezuelan migrants were not welcome. "
                                "Venezuelan troops and Colombian gangs clashed.")
    assert mention(actors, "Venezuelan officials").sector == "GOV"
    migrants = mention(actors, "Venezuelan migrants")
    assert migrants.sector == "CIV" and migrants.country == "VEN"
    assert mention(actors, "Venezuelan troops").sector == "MIL"
    assert mention(actors, "Colombian gangs").sector == "CRM"
    doc, actors = actors_of(kb, "Venezuelan oil exports fell.")
    assert not actors  # a country adjective on a thing is not an actor


def test_lists_are_separate_mentions(kb):
    doc, actors = actors_of(kb, "The US and Colombia agreed to share intelligence.")
    assert [(a.text, a.country) for a in actors] == [("US", "USA"), ("Colombia", "COL")]


@pytest.mark.parametrize("published,expected", [("2019-05-01", "Donald Trump"), ("2022-05-01", "Joe Biden")])
def test_role_resolves_by_publication_date(kb, published, expected):
    doc, actors = actors_of(kb, "The US president said the talks had failed.", published)
    role = mention(actors, "US president")
    assert role.name == expected and role.resolved_by == "coref" and role.kind == "person"


def test_title_gives_unknown_person_a_country(kb):
    doc, actors = actors_of(kb, "Venezuelan lawmaker Jose Perez said the vote was rigged. Perez later resigned.")
    perez = [a for a in actors if a.name == "Jose Perez"]
    assert perez[0].resolved_by == "ner" and perez[0].country == "VEN" and perez[0].sector == "LEG"
    assert perez[1].text == "Perez" and perez[1].resolved_by == "coref"
    assert not any(a.text == "Venezuelan" for a in actors)  # the title is not a second actor


def test_government_named_after_its_leader(kb):
    doc, actors = actors_of(kb, "The Trump administration and the Maduro government held talks.", "2025-10-01")
    assert mention(actors, "Trump administration").country == "USA"
    maduro_gov = mention(actors, "Maduro government")
    assert maduro_gov.kind == "state" and maduro_gov.sector == "GOV" and maduro_gov.country == "VEN"


def test_find_actor_prefers_longest_overlap(kb):
    text = "The Pentagon said US Southern Command moved ships."
    doc, actors = actors_of(kb, text)
    start = text.index("Southern")
    found = find_actor(doc, start, start + 8)
    assert found is not None and found.name == "US Southern Command"
    assert find_actor(doc, 0, 3) is None  # "The"
    token = next(t for t in doc.nlp if t.text == "Pentagon")
    assert actor_at(doc, token).actor_id == "USA-DOD"


def test_ambiguous_surname_needs_a_full_name(kb):
    doc, actors = actors_of(kb, "Rodriguez said the talks would go on.")
    assert not any(a.actor_id for a in actors if a.text == "Rodriguez")
    doc, actors = actors_of(kb, "Delcy Rodriguez met Petro. Rodriguez said the talks would go on.")
    assert mention(actors, "Rodriguez").actor_id == "person:delcy_rodriguez"


def test_pronoun_needs_one_clear_candidate(kb):
    doc, actors = actors_of(kb, "Gustavo Petro met Xi Jinping in Beijing. He said trade would grow.")
    assert mention(actors, "He").name == "Gustavo Petro"  # two men, one subject
    doc, actors = actors_of(kb, "Gustavo Petro spoke after Xi Jinping arrived. He said trade would grow.")
    assert not any(a.text == "He" for a in actors)  # two subjects: no clear candidate
    doc, actors = actors_of(kb, "Gustavo Petro met Delcy Rodriguez. She said trade would grow.")
    assert mention(actors, "She").name == "Delcy Rodriguez"


def test_bad_input_does_not_crash(kb):
    for text in ("", "   \n\n  ", "VENEZUELAN PRESIDENT NICOLAS MADURO TOLD US THAT THE US NAVY WAS LYING.",
                 "\u00e9\u00e8\u2019\u201c\u201d \U0001F600 Caracas\u2026", "and " * 3000 + "Maduro said."):
        doc, actors = actors_of(kb, text)
        for a in actors:
            assert doc.article.text[a.span[0]:a.span[1]] == a.text
    doc, actors = actors_of(kb, "VENEZUELAN PRESIDENT NICOLAS MADURO TOLD US THAT THE US NAVY WAS LYING.")
    assert any(a.actor_id == "person:nicolas_maduro" for a in actors)
    assert not any(a.text == "US" and a.span[0] < 40 for a in actors)  # "TOLD US" is the pronoun


def test_spans_match_text_on_a_real_article(kb, shared_data):
    import json
    path = shared_data / "allsides-intl" / "articles.jsonl"
    with path.open(encoding="utf-8") as fh:
        row = next(json.loads(line) for line in fh if "Maduro" in line)
    doc, actors = actors_of(kb, row["text"], row.get("published"))
    assert any(a.actor_id == "person:nicolas_maduro" for a in actors)
    for a in actors:
        assert doc.article.text[a.span[0]:a.span[1]] == a.text
    starts = [a.span[0] for a in actors]
    assert starts == sorted(starts)


def test_titles_and_surnames_stay_in_their_sentence(kb):
    doc, actors = actors_of(kb, "Thousands fled from Venezuela. Theresa May said in May that US jets flew over Venezuela.",
                            "2018-06-01")
    assert mention(actors, "Theresa May").country == "GBR"
    assert mention(actors, "Venezuela").locative  # "fled from": a place, and not glued to the next name
    assert mention(actors, "Venezuela", 1).locative  # "flew over"
    assert not any(a.text == "May" for a in actors)  # the month


def test_groups_located_in_a_country(kb):
    doc, actors = actors_of(kb, "Rebels in the Ivory Coast rejected the appeal. Migrants from Venezuela marched. "
                                "The government of Venezuela agreed.")
    rebels = mention(actors, "Rebels")
    assert rebels.country == "CIV" and rebels.sector == "REB" and not rebels.locative
    assert mention(actors, "Ivory Coast").locative
    assert mention(actors, "Migrants").sector == "CIV" and mention(actors, "Venezuela").locative
    gov = mention(actors, "government of Venezuela")
    assert gov.country == "VEN" and gov.sector == "GOV" and not gov.locative
