"""One happening told once, distinct happenings kept apart (issue 7 item 4,
stages/event_merge.py):

* only the words that mark another act ("second", "another", "additional") make a
  definite mention a new happening: "the new limited sanctions" names the sanctions told;
* a bare "new sanctions" repeating the word and the mark of a happening itself told as
  the new act names it again; another mark ("additional") is one more act;
* a verb marked "also" acting on a thing or in a place the happening was not told with
  is one more act ("seized a tanker ... also seized a barge"); an outcome told with
  "also" ("the strike also killed two children") stays a mention.

Every name, place and sentence is made up for these tests."""
from sitrep import pipeline
from sitrep.model import Actor, Article, Event, TextSpan
from sitrep.stages.event_merge import Draft, group


def _draft(etype, at, sentence, source=None, target=None, **flags):
    ev = Event(id="", type=etype, trigger=TextSpan((at, at + 5), "xxxxx"),
               sentence=TextSpan((at - 10, at + 40), "x" * 50), source=source, target=target)
    return Draft(event=ev, head=at, base_type=etype, sentence=sentence, **flags)


def _party(name, country, kind="state", sector="GOV", resolved_by="kb"):
    return Actor(span=(0, len(name)), text=name, name=name, country=country, kind=kind,
                 sector=sector, resolved_by=resolved_by)


def _events(kb, text, published="2024-03-15"):
    return pipeline.process(Article(id="t", text=text, published=published), kb).events


def _mentions_of(events, word):
    """The mention words of the event one of whose mentions is ``word``."""
    for e in events:
        words = [m.text for m in e.mentions] or [e.trigger.text]
        if any(word in w for w in words):
            return words
    raise AssertionError(f"no event mentions {word!r}: {[e.trigger.text for e in events]}")


# -- only marking words mark a definite mention as another act ----------------------------

def _marked(at, sentence, modifiers, definite=True, **flags):
    return _draft("SANCTION", at, sentence, nominal=True, definite=definite, distinct=True,
                  modifiers=frozenset(modifiers), lemma="sanction", **flags)


def test_the_new_limited_sanctions_name_the_sanctions_told(kb):
    """"Borovia imposed new sanctions on Velmora" ... "the new limited sanctions hit six
    officials": "limited" describes, it marks nothing."""
    first = _marked(10, 0, {"new"}, definite=False, source=_party("Borovia", "BRV"),
                    target=_party("Velmora", "VLM"))
    ref = _marked(300, 4, {"the", "new", "limited"})
    assert len(group([first, ref], kb.event_lexicon)) == 1


def test_the_second_deadly_strike_is_still_another_act(kb):
    """Near miss: an ordinal beside a describing word still marks another act."""
    first = _draft("ASSAULT", 10, 0, _party("Borovia", "BRV"), lemma="strike")
    second = _draft("ASSAULT", 300, 4, nominal=True, definite=True, distinct=True,
                    modifiers=frozenset({"the", "second", "deadly"}), lemma="strike")
    assert len(group([first, second], kb.event_lexicon)) == 2


def test_new_narrow_sanctions_in_a_recap_are_one_event(kb):
    events = _events(kb, "Canada imposed new sanctions on Venezuela on Monday. Ottawa said the new narrow "
                         "sanctions freeze the bank accounts of two judges and a central bank director.")
    assert _mentions_of(events, "imposed new sanctions") == ["imposed new sanctions", "sanctions"]


def test_fresh_economic_sanctions_in_a_recap_join_the_fresh_sanctions(kb):
    events = _events(kb, "The European Union announced fresh sanctions against Belarus on Tuesday. The fresh "
                         "economic sanctions freeze the assets of twelve ministers, diplomats said.")
    assert _mentions_of(events, "announced fresh sanctions") == ["announced fresh sanctions", "sanctions"]


def test_additional_financial_sanctions_in_a_recap_join_the_additional_sanctions(kb):
    events = _events(kb, "Japan imposed additional sanctions on North Korea on Wednesday after the latest "
                         "missile launch. Officials in Tokyo said the additional financial sanctions cover "
                         "four shipping firms.")
    assert _mentions_of(events, "imposed additional sanctions") == ["imposed additional sanctions", "sanctions"]


def test_a_second_deadly_strike_in_text_stays_apart(kb):
    events = _events(kb, "Russian jets struck a market in Idlib on Monday, killing nine people. The second "
                         "deadly strike hit a school nearby.")
    assert "strike" not in _mentions_of(events, "struck")


# -- a bare "new X" repeating a happening told as the new X --------------------------------

def test_bare_new_sanctions_repeat_the_new_sanctions_told(kb):
    told = _marked(10, 0, {"the", "new"}, target=_party("Iran", "IRN"))
    again = _marked(300, 5, {"new"}, definite=False, target=_party("Iran", "IRN"))
    assert len(group([told, again], kb.event_lexicon)) == 1


def test_bare_new_sanctions_after_unmarked_sanctions_are_another_act(kb):
    """Near miss: the happening was not told as new, so "new sanctions" adds one."""
    told = _draft("SANCTION", 10, 0, target=_party("Iran", "IRN"), nominal=True, lemma="sanction")
    again = _marked(300, 5, {"new"}, definite=False, target=_party("Iran", "IRN"))
    assert len(group([told, again], kb.event_lexicon)) == 2


def test_additional_sanctions_after_the_new_sanctions_are_another_act(kb):
    """Near miss: another mark says more than the act told."""
    told = _marked(10, 0, {"the", "new"}, target=_party("Iran", "IRN"))
    more = _marked(300, 5, {"additional"}, definite=False, target=_party("Iran", "IRN"))
    assert len(group([told, more], kb.event_lexicon)) == 2


def test_new_sanctions_drafted_and_new_sanctions_warned_about_are_one_event(kb):
    events = _events(kb, "Lawmakers in Washington are drafting new sanctions against Iran. The White House "
                         "warned that new sanctions against Iran would wreck the nuclear talks.")
    assert _mentions_of(events, "sanctions") == ["sanctions", "sanctions"]


def test_the_new_sanctions_then_additional_sanctions_are_two_events(kb):
    events = _events(kb, "Britain's new sanctions against Iran took effect at midnight, the Treasury said. The prime "
                         "minister said Britain will pursue additional sanctions on Iran next year.")
    assert _mentions_of(events, "pursue additional sanctions") == ["pursue additional sanctions"]


def test_fresh_sanctions_prepared_and_fresh_sanctions_described_are_one_event(kb):
    events = _events(kb, "Australia is preparing fresh sanctions against Myanmar, officials said on Monday. "
                         "The foreign minister said fresh sanctions against Myanmar would target companies "
                         "owned by the army.")
    assert _mentions_of(events, "sanctions") == ["sanctions", "sanctions"]


# -- "also" with a thing or a place of its own is one more act -----------------------------

def test_also_with_another_object_is_another_act(kb):
    """"Borovia seized the port ... its troops also seized the airport"."""
    first = _draft("COERCE", 10, 0, _party("Borovia", "BRV"), lemma="seize",
                   object_words=frozenset({"port"}))
    more = _draft("COERCE", 300, 4, _party("Borovia", "BRV"), lemma="seize",
                  modifiers=frozenset({"also"}), object_words=frozenset({"airport"}))
    assert len(group([first, more], kb.event_lexicon)) == 2


def test_also_with_the_object_told_stays_the_act(kb):
    """Near miss: the same thing acted on again ("seized the port ... also seized the
    port") names no other act."""
    first = _draft("COERCE", 10, 0, _party("Borovia", "BRV"), lemma="seize",
                   object_words=frozenset({"port"}))
    again = _draft("COERCE", 300, 4, _party("Borovia", "BRV"), lemma="seize",
                   modifiers=frozenset({"also"}), object_words=frozenset({"port"}))
    assert len(group([first, again], kb.event_lexicon)) == 1


def test_an_outcome_told_with_also_stays_the_act(kb):
    """Near miss: "jets struck a market ... the strike also killed two children"."""
    first = _draft("ASSAULT", 10, 0, _party("Borovia", "BRV"), lemma="strike",
                   object_words=frozenset({"market"}))
    outcome = _draft("ASSAULT", 300, 1, lemma="kill", modifiers=frozenset({"also"}),
                     object_words=frozenset({"child"}), casualty=True)
    assert len(group([first, outcome], kb.event_lexicon)) == 1


def test_also_seizing_another_vessel_is_another_seizure(kb):
    events = _events(kb, "Iranian forces seized a British tanker in the Strait of Hormuz in July. In July, "
                         "Iranian forces also seized an Iraqi oil barge.")
    seizures = [e for e in events if e.type == "COERCE"]
    assert len(seizures) == 2, [(e.trigger.text, [m.text for m in e.mentions]) for e in seizures]


def test_also_raiding_another_site_is_another_raid(kb):
    events = _events(kb, "Nigerian troops raided a militant camp in Borno state on Friday. On Friday the "
                         "troops also raided a weapons depot near the border.")
    raids = [e for e in events if e.type == "COERCE"]
    assert len(raids) == 2, [(e.trigger.text, [m.text for m in e.mentions]) for e in raids]


def test_also_marching_in_another_city_is_another_protest(kb):
    events = _events(kb, "Protesters marched in Caracas in January against Maduro. In January, demonstrators "
                         "also marched in Maracaibo.")
    marches = [e for e in events if e.type == "PROTEST"]
    assert len(marches) == 2, [(e.trigger.text, [m.text for m in e.mentions]) for e in marches]
