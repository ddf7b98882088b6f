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


# -- issue 7: the right person, country and sector for a mention ------------------------------

def test_leopoldo_lopez_is_not_padrino_lopez(kb):
    text = ("Opposition leader Leopoldo López was freed on Tuesday. The country's Defence Minister, "
            "Vladimir Padrino López, accused the opposition of plotting a coup. López said he would fight on. "
            "Padrino said the army stood by the government.")
    doc, actors = actors_of(kb, text, "2019-05-01")
    assert mention(actors, "Leopoldo López").actor_id == "person:leopoldo_lopez"
    assert mention(actors, "Vladimir Padrino López").actor_id == "person:vladimir_padrino_lopez"
    # the bare "López" is Leopoldo's surname, only Padrino López's second (maternal) one
    assert mention(actors, "López").actor_id == "person:leopoldo_lopez"
    assert mention(actors, "Padrino").actor_id == "person:vladimir_padrino_lopez"
    # with no other López in the article, the maternal surname is still his
    doc, actors = actors_of(kb, "Defence Minister Vladimir Padrino López spoke. López said soldiers "
                                "would stay in their barracks.", "2019-05-01")
    assert mention(actors, "López").actor_id == "person:vladimir_padrino_lopez"


def test_nationality_and_role_noun_give_country_and_sector(kb):
    text = ("Venezuela's foreign minister, Ramiro Testaferro, rejected the claim. White House press secretary "
            "Jane Roeling said the United States would act. Syrian rebels attacked a checkpoint and Israeli "
            "riot police dispersed a crowd.")
    doc, actors = actors_of(kb, text, "2019-02-10")
    person = mention(actors, "Ramiro Testaferro")
    assert (person.country, person.sector, person.kind) == ("VEN", "GOV", "person")
    role = mention(actors, "Venezuela's foreign minister")
    assert role.name == "Ramiro Testaferro"  # the person named beside it, not the KB's minister
    press = [a for a in actors if a.name == "Jane Roeling"][0]
    assert (press.country, press.sector) == ("USA", "GOV") and press.text.startswith("White House")
    rebels = mention(actors, "Syrian rebels")
    assert (rebels.country, rebels.sector) == ("SYR", "REB")
    police = mention(actors, "Israeli riot police")
    assert (police.country, police.sector) == ("ISR", "COP")


def test_role_without_nationality_takes_the_article_country(kb):
    text = ("Peru and Chile met in Lima. Peru said the border talks would go on. "
            "The foreign minister, Ramiro Testaferro, said Peru wanted a deal.")
    doc, actors = actors_of(kb, text, "2019-02-10")
    person = mention(actors, "Ramiro Testaferro")
    assert (person.country, person.sector) == ("PER", "GOV")
    assert mention(actors, "foreign minister").name == "Ramiro Testaferro"


@pytest.mark.parametrize("published,expected", [("2023-06-01", "Eli Cohen"), ("2024-06-01", "Israel Katz"),
                                                ("2020-01-01", "Israel Katz"), ("2021-09-01", "Yair Lapid")])
def test_dated_roles_pick_the_holder_on_the_article_date(kb, published, expected):
    doc, actors = actors_of(kb, "The Israeli foreign minister said the talks had failed.", published)
    assert mention(actors, "Israeli foreign minister").name == expected


def test_phoenix_people_change_office_with_the_date(kb):
    entry = kb.actors.lookup("Mohammad Najibullah")[0]
    assert entry.id.startswith("phoenix:") and entry.tier == 1
    assert entry.at("1990-01-01")[:2] == ("AFG", "GOV")  # in office
    assert entry.at("2000-01-01")[:2] == ("AFG", "ELI")  # the undated default: a former official
    doc, actors = actors_of(kb, "Mohammad Najibullah met the envoy.", "1990-01-01")
    assert mention(actors, "Mohammad Najibullah").sector == "GOV"


def test_role_description_prefers_the_article_antecedent(kb):
    # the KB's Peruvian president in 2023 is someone else; the article names its own
    text = "Peruvian President Ramiro Testaferro met the envoy. The Peruvian president said talks would go on."
    doc, actors = actors_of(kb, text, "2023-06-01")
    assert mention(actors, "Peruvian president").name == "Ramiro Testaferro"
    doc, actors = actors_of(kb, "The Peruvian president said talks would go on.", "2023-06-01")
    assert mention(actors, "Peruvian president").name == "Dina Boluarte"  # no antecedent: the calendar


def test_a_namesake_of_another_country_is_someone_else(kb):
    doc, actors = actors_of(kb, "Colombia's defence minister, Pedro Sanchez, said the troops were ready. "
                                "Spanish Prime Minister Pedro Sanchez disagreed.", "2019-02-10")
    colombian, spanish = [a for a in actors if a.name == "Pedro Sanchez" and a.text.endswith("Sanchez")][:2]
    assert colombian.country == "COL" and colombian.actor_id is None
    assert spanish.country == "ESP" and spanish.actor_id == "person:pedro_sanchez"


def test_hyphenated_and_spaced_names_meet(kb):
    doc, actors = actors_of(kb, "Kim Jong-un met Jean-Bertrand Aristide.", "2019-02-10")
    assert mention(actors, "Kim Jong-un").actor_id == "person:kim_jong_un"
    assert mention(actors, "Jean-Bertrand Aristide").country == "HTI"


def test_ethnic_group_is_not_the_state(kb):
    doc, actors = actors_of(kb, "Ethnic Albanians protested in Macedonia.")
    group = [a for a in actors if "Albanians" in a.text][0]
    assert group.country is None and group.kind == "group"


def test_several_holders_at_once_name_nobody(kb):
    assert kb.actors.holder("USA", ["envoy"], "2019-03-01") is None  # Abrams, Hook, Volker, Jeffrey
    assert kb.actors.holder("USA", ["press_secretary"], "2018-03-01").name == "Sarah Huckabee Sanders"


# -- the KB as data ------------------------------------------------------------------------------

def test_cached_kb_equals_a_fresh_build(tmp_path, monkeypatch):
    from sitrep.knowledge.actors import build_shipped_kb, load_shipped_kb
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    built = load_shipped_kb()  # builds and writes the cache
    assert list(tmp_path.glob("actors-*.pickle"))
    cached = load_shipped_kb()  # reads it
    fresh = build_shipped_kb()
    for name in ("Nicolas Maduro", "Kim Jong Un", "Boko Haram", "Reagan"):
        assert [e.id for e in cached.lookup(name)] == [e.id for e in fresh.lookup(name)] == \
            [e.id for e in built.lookup(name)]
    assert len(cached) == len(fresh) and cached.counts() == fresh.counts()
    assert cached.holder("VEN", ["leader"], "2019-03-01").name == "Nicolas Maduro"


def test_user_file_merges_over_the_cached_kb(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    user = tmp_path / "mine.tsv"
    user.write_text("id\tname\tkind\tsector\tcountry\taliases\n"
                    "person:nicolas_maduro\t\t\t\t\t-Nicolas Maduro Moros|-Nicolás Maduro Moros|Big Nico\n", encoding="utf-8")
    base = load_actor_kb(())
    assert [e.id for e in base.lookup("Nicolas Maduro Moros")] == ["person:nicolas_maduro"]
    merged = load_actor_kb((str(user),))
    assert [e.id for e in merged.lookup("Big Nico")] == ["person:nicolas_maduro"]
    assert merged.lookup("Nicolas Maduro Moros") == []
    assert merged.lookup("Nicolas Maduro")[0].name == "Nicolas Maduro"  # the rest is kept


def test_lexicon_is_typed_and_strict(tmp_path):
    from sitrep.knowledge.actors import load_lexicon
    lex = load_lexicon()
    assert "in" in lex.locative_prepositions and lex.pronoun_gender["she"] == "f"
    assert lex.org_sector("Bolivarian National Police") == "COP" and lex.org_sector("Acme Widgets") is None
    assert "VEN" in lex.two_surnames and "CHN" in lex.surname_first
    bad = tmp_path / "lexicon.tsv"
    bad.write_text("list\tword\tvalue\nno_such_list\tword\t\n", encoding="utf-8")
    with pytest.raises(ValueError):
        load_lexicon(bad)


def test_cameo_codes_read_as_iso_countries():
    from sitrep.knowledge.actors import load_cameo_codes
    cameo = load_cameo_codes()
    assert cameo.country("VENGOV") == "VEN" and cameo.country("USA") == "USA"
    assert cameo.country("UKG") == "GBR" and cameo.country("IGOUNO") is None and cameo.country("---") is None
    assert cameo.country("AFRREB") is None  # a region


def test_phoenix_import_is_reproducible(shared_data, tmp_path):
    """scripts/import_phoenix.py on the shared dictionaries gives the committed files."""
    import subprocess
    import sys
    from sitrep.knowledge.actors import PHOENIX_DIR
    source = shared_data / "phoenix-dictionaries"
    if not source.is_dir():
        pytest.skip("phoenix-dictionaries not in the shared data")
    script = PHOENIX_DIR.parents[5] / "scripts" / "import_phoenix.py"
    proc = subprocess.run([sys.executable, str(script), "--source", str(source), "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    for name in ("people.tsv", "organisations.tsv", "agents.tsv", "aliases.tsv", "NOTICE"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (PHOENIX_DIR / name).read_text(encoding="utf-8"), name
    assert "MIT" in (PHOENIX_DIR / "NOTICE").read_text(encoding="utf-8")


def test_the_country_describes_the_state_named_before_it(kb):
    _, actors = actors_of(kb, "Kenyan officials met on Monday. They said the nation would send more troops.")
    assert mention(actors, "the nation").country == "KEN"


def test_the_country_skips_a_state_that_only_modifies_a_thing(kb):
    _, actors = actors_of(kb, "Colombia denied Ecuadorian claims that the country had shelled a village.")
    assert mention(actors, "the country").country == "COL"


def test_a_name_after_a_stance_prefix_is_no_mention_of_it(kb):
    _, actors = actors_of(kb, "Pro-Turkish militias shelled several villages on Friday.")
    assert not any(a.country == "TUR" for a in actors)
