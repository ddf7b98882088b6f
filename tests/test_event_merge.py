"""One event per happening (stages/event_merge.py): references to an act already told
become its mentions, marked other acts stay apart. Every name, place and sentence is made
up for these tests; each test checks one mechanism of the grouping."""
from sitrep import pipeline
from sitrep.model import Actor, Article, Event, Place, TextSpan
from sitrep.stages.event_merge import Draft, group


def _draft(etype, at, sentence, source=None, target=None, place=None, **flags):
    ev = Event(id="", type=etype, trigger=TextSpan((at, at + 5), "xxxxx"),
               sentence=TextSpan((at - 10, at + 40), "x" * 50), source=source, target=target,
               place=place)
    return Draft(event=ev, head=at, base_type=etype, sentence=sentence, **flags)


def _party(name, country, kind="state", sector="GOV", resolved_by="kb"):
    return Actor(span=(0, len(name)), text=name, name=name, country=country, kind=kind,
                 sector=sector, resolved_by=resolved_by)


def _town(name, country, geonameid):
    return Place(span=(0, len(name)), text=name, name=name, country=country,
                 feature="city", geonameid=geonameid)


def run(kb, text):
    return pipeline.process(Article(id="t", text=text, published="2024-03-15"), kb)


# -- a definite reference joins the act it names -------------------------------------------

def test_a_reference_told_in_another_town_is_a_mention_of_the_act(kb):
    """"Jets bombed a depot in Tarsk" ... "the bombing", said at a press conference in
    Velmora: the sentence places the speaker, not the act."""
    act = _draft("ASSAULT", 10, 0, _party("Borovia", "BRV"), place=_town("Tarsk", "SY", 1))
    ref = _draft("ASSAULT", 300, 4, place=_town("Velmora", "CH", 2), nominal=True, definite=True)
    happenings = group([act, ref], kb.event_lexicon)
    assert len(happenings) == 1
    assert happenings[0].place.name == "Tarsk"  # the act's own place is kept


def test_an_indefinite_act_in_another_town_stays_apart(kb):
    act = _draft("ASSAULT", 10, 0, _party("Borovia", "BRV"), place=_town("Tarsk", "SY", 1))
    other = _draft("ASSAULT", 300, 4, _party("Borovia", "BRV"), place=_town("Velmora", "CH", 2),
                   nominal=True)
    assert len(group([act, other], kb.event_lexicon)) == 2


def test_a_definite_noun_after_a_light_verb_refers_back(kb):
    """"Borovia offered asylum to the activist" ... "its president made the offer in a
    speech": the offer is the act told, even when the light verb carries the trigger."""
    act = _draft("AGREE", 10, 0, _party("Borovia", "BRV"), _party("the activist", "VLM", "person"))
    ref = _draft("AGREE", 200, 3, definite=True)
    assert len(group([act, ref], kb.event_lexicon)) == 1


def test_a_bare_event_noun_repeating_the_word_of_an_act_names_it_again(kb):
    """"clashes on Tuesday injured dozens" ... "clashes between the two camps went on
    until dusk": the same word, no article, nothing that tells them apart."""
    first = _draft("ASSAULT", 10, 0, nominal=True, lemma="clash")
    again = _draft("ASSAULT", 300, 6, nominal=True, lemma="clash")
    assert len(group([first, again], kb.event_lexicon)) == 1


def test_an_indefinite_event_noun_repeating_the_word_is_another_act(kb):
    first = _draft("ASSAULT", 10, 0, nominal=True, lemma="strike")
    again = _draft("ASSAULT", 300, 6, nominal=True, lemma="strike", modifiers=frozenset({"a"}))
    assert len(group([first, again], kb.event_lexicon)) == 2


def test_a_reference_without_its_doer_joins_the_act_of_the_party_its_sentence_names(kb):
    """"Borovia offered asylum to the activist" ... "Velmora's leader said he would make
    the same offer" ... "Kress made the offer in a speech" (the subject missed): the offer
    of the party the sentence names, not the latest offer."""
    kress = _party("Ana Kress", "BRV", "person")
    first = _draft("AGREE", 10, 0, kress, lemma="offer")
    other = _draft("AGREE", 200, 3, _party("Ivo Marn", "VLM", "person"), nominal=True, lemma="offer")
    ref = _draft("AGREE", 400, 6, definite=True, lemma="offer")
    ref.event.sentence = TextSpan((390, 440), "Kress made the offer in a speech on Friday.")
    happenings = group([first, other, ref], kb.event_lexicon)
    assert [len(h.drafts) for h in happenings] == [2, 1]


# -- marks of another act ----------------------------------------------------------------------

def test_the_new_sanctions_name_the_sanctions_just_announced(kb):
    """"Borovia announced new sanctions on Velmora" ... "The new sanctions freeze ...":
    novelty with a definite determiner refers back."""
    first = _draft("SANCTION", 10, 0, _party("Borovia", "BRV"), _party("Velmora", "VLM"),
                   nominal=True, distinct=True, modifiers=frozenset({"new"}))
    ref = _draft("SANCTION", 300, 5, nominal=True, definite=True, distinct=True,
                 modifiers=frozenset({"the", "new"}))
    assert len(group([first, ref], kb.event_lexicon)) == 1


def test_indefinite_new_sanctions_are_another_act(kb):
    first = _draft("SANCTION", 10, 0, _party("Borovia", "BRV"), _party("Velmora", "VLM"),
                   nominal=True)
    again = _draft("SANCTION", 300, 5, _party("Borovia", "BRV"), _party("Velmora", "VLM"),
                   nominal=True, distinct=True, modifiers=frozenset({"new"}))
    assert len(group([first, again], kb.event_lexicon)) == 2


def test_the_second_strike_stays_another_act(kb):
    first = _draft("ASSAULT", 10, 0, _party("Borovia", "BRV"))
    second = _draft("ASSAULT", 300, 5, nominal=True, definite=True, distinct=True,
                    modifiers=frozenset({"the", "second"}))
    assert len(group([first, second], kb.event_lexicon)) == 2


def test_an_earlier_attack_is_another_act_even_in_the_same_sentence(kb):
    """"... a strike that killed survivors of an earlier attack on the same boat"."""
    strike = _draft("ASSAULT", 10, 0, _party("Borovia", "BRV"), nominal=True)
    earlier = _draft("ASSAULT", 40, 0, nominal=True, modifiers=frozenset({"an", "earlier"}))
    assert len(group([strike, earlier], kb.event_lexicon)) == 2


# -- an official acts for the state ---------------------------------------------------------------

def test_an_official_and_the_state_body_report_one_material_act(kb):
    """"Borovia's finance minister announced sanctions on Velmora" ... "the Borovian
    treasury has sanctioned Velmora's central bank"."""
    first = _draft("SANCTION", 10, 0, _party("Ana Kress", "BRV", "person"), nominal=True, lemma="sanction")
    again = _draft("SANCTION", 300, 3, _party("Borovian treasury", "BRV", "org"),
                   _party("central bank", "VLM", "org"), lemma="sanction")
    assert len(group([first, again], kb.event_lexicon)) == 1


def test_an_official_and_the_state_in_other_words_may_be_two_acts(kb):
    """"Borovia's withdrawal from the valley" ... "when its president decided to pull a
    few troops out of the border area": other words, no evidence of one act."""
    first = _draft("RETREAT", 10, 0, _party("Borovia", "BRV"), nominal=True, lemma="withdrawal")
    other = _draft("RETREAT", 300, 3, _party("Ana Kress", "BRV", "person"), lemma="pull")
    assert len(group([first, other], kb.event_lexicon)) == 2


def test_two_statements_of_one_state_by_the_state_and_an_official_stay_two(kb):
    """"Borovia's foreign minister urged Velmora to ..." ... "Borovia has urged the
    Velmoran army to ...": the same word, but two things said."""
    first = _draft("REQUEST", 10, 0, _party("Ana Kress", "BRV", "person"), _party("Velmora", "VLM"),
                   lemma="urge")
    other = _draft("REQUEST", 300, 3, _party("Borovia", "BRV"), lemma="urge")
    assert len(group([first, other], kb.event_lexicon)) == 2


def test_an_official_of_another_state_is_no_shared_party(kb):
    first = _draft("SANCTION", 10, 0, _party("Ana Kress", "BRV", "person"), nominal=True, lemma="sanction")
    other = _draft("SANCTION", 300, 3, _party("Velmoran treasury", "VLM", "org"), lemma="sanction")
    assert len(group([first, other], kb.event_lexicon)) == 2


def test_a_person_without_a_state_role_is_no_shared_party(kb):
    first = _draft("SANCTION", 10, 0, _party("Ana Kress", "BRV", "person", sector="BUS"), nominal=True,
                   lemma="sanction")
    other = _draft("SANCTION", 300, 3, _party("Borovian treasury", "BRV", "org"), lemma="sanction")
    assert len(group([first, other], kb.event_lexicon)) == 2


# -- through the pipeline ----------------------------------------------------------------------

def test_the_new_sanctions_recap_is_one_event_with_two_mentions(kb):
    text = ("The United States imposed new sanctions on Venezuela's state oil company on Monday.\n\n"
            "Officials in Caracas said they would respond.\n\n"
            "The new sanctions are the toughest in a decade.")
    sanctions = [e for e in run(kb, text).events if e.type == "SANCTION"]
    assert len(sanctions) == 1, [(e.type, e.trigger.text) for e in sanctions]
    assert len(sanctions[0].mentions) == 2


def test_the_merge_words_are_read_from_their_data_file():
    from sitrep.knowledge.merge_words import merge_words
    words = merge_words()
    assert "earlier" in words.anterior_markers and "new" in words.novelty_markers
    assert "a" in words.indefinite_determiners
    assert not words.novelty_markers & words.anterior_markers
