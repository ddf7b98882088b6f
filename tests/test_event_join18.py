"""The learned event join (stages/event_join.py, learn/join_features.py, learn/join_training.py):
pair features of two events of one article, the greedy grouping, what a joined event keeps,
and the shipping gate. Invented sentences only."""
import pytest

from sitrep.eval.sets.allsides_dev import Coded
from sitrep.learn import join_features, join_training
from sitrep.learn.logreg import Model
from sitrep.model import Actor, Event, TextSpan
from sitrep.stages import event_join
from tests.event_helpers import run


def _event(n, type_, start, word, source=None, target=None):
    return Event(id=f"t:e{n}", type=type_, trigger=TextSpan((start, start + len(word)), word),
                 sentence=TextSpan((start, start + 40), word), source=source, target=target)


def _state(code):
    return Actor(span=(0, 1), text=code, name=code, country=code, kind="state")


def test_join_groups_later_event_joins_its_most_probable_earlier_event():
    # events 0..3; 2 retells 0 (0.9) more probably than 1 (0.6); 3 retells 2, so it joins 0's group
    pairs = [(0, 1), (0, 2), (1, 2), (2, 3), (1, 3)]
    probs = [0.1, 0.9, 0.6, 0.8, 0.2]
    assert join_training.join_groups(4, pairs, probs, 0.5) == [0, 1, 0, 0]


def test_join_groups_below_threshold_keeps_every_event_apart():
    assert join_training.join_groups(3, [(0, 1), (0, 2), (1, 2)], [0.4, 0.49, 0.3], 0.5) == [0, 1, 2]


def test_joined_event_keeps_earlier_type_and_roles_and_every_mention():
    # "Kenyan police raided the camp ... The raid ..." : the recap read with no doer and
    # another target keeps the first report's doer and target, and lends nothing it has
    first = _event(1, "COERCE", 10, "raided", source=_state("KEN"), target=_state("SOM"))
    recap = _event(2, "COERCE", 200, "raid", source=None, target=_state("ETH"))
    other = _event(3, "CONSULT", 300, "met")
    out = event_join.joined_events([first, recap, other], [0, 0, 2])
    assert [e.id for e in out] == ["t:e1", "t:e3"]
    kept = out[0]
    assert kept.type == "COERCE" and kept.source.country == "KEN" and kept.target.country == "SOM"
    assert [m.span for m in kept.mentions] == [(10, 16), (200, 204)]


def test_joined_event_takes_a_missing_role_from_the_later_mention():
    first = _event(1, "ASSAULT", 5, "shelled", source=None, target=_state("UKR"))
    recap = _event(2, "ASSAULT", 120, "shelling", source=_state("RUS"), target=None)
    kept = event_join.joined_events([first, recap], [0, 0])[0]
    assert kept.source.country == "RUS" and kept.target.country == "UKR"


def test_coded_join_matches_the_stage_join():
    a = Coded(mentions=[(0, 5)], type="ASSAULT", source=None, target="UKR", certainty="asserted",
              background=False, date=None, label="a")
    b = Coded(mentions=[(50, 55)], type="ASSAULT", source="RUS", target="POL", certainty="asserted",
              background=False, date=None, label="b")
    joined = join_training.join([a, b], [0, 0])
    assert len(joined) == 1 and joined[0].source == "RUS" and joined[0].target == "UKR"
    assert joined[0].mentions == [(0, 5), (50, 55)]


def test_gold_of_prefers_a_shared_mention_then_the_same_sentence():
    text = "Troops shelled the town. Later the shelling stopped. Leaders met."
    g1 = Coded(mentions=[(7, 14)], type="ASSAULT", source=None, target=None, certainty="asserted",
               background=False, date=None, label="shelled")
    g2 = Coded(mentions=[(61, 64)], type="CONSULT", source=None, target=None, certainty="asserted",
               background=False, date=None, label="met")
    starts = [0, 25, 53]
    recap = Coded(mentions=[(35, 43)], type="ASSAULT", source=None, target=None, certainty="asserted",
                  background=False, date=None, label="shelling")
    same = Coded(mentions=[(7, 14)], type="ASSAULT", source=None, target=None, certainty="asserted",
                 background=False, date=None, label="shelled")
    nearby = Coded(mentions=[(53, 60)], type="CONSULT", source=None, target=None, certainty="asserted",
                   background=False, date=None, label="Leaders")
    assert join_training.gold_of([g1, g2], same, starts) == 0
    assert join_training.gold_of([g1, g2], nearby, starts) == 1
    assert join_training.gold_of([g1, g2], recap, starts) is None
    labels = join_training.pair_labels([g1, g2], [same, recap, nearby], [(0, 1), (0, 2), (1, 2)], text)
    assert labels == [0, 0, 0]


def test_pair_labels_unknown_when_neither_event_reports_a_gold_event():
    text = "Troops shelled the town. Later the shelling stopped. Leaders met."
    g = Coded(mentions=[(7, 14)], type="ASSAULT", source=None, target=None, certainty="asserted",
              background=False, date=None, label="shelled")
    p = [Coded(mentions=[(7, 14)], type="ASSAULT", source=None, target=None, certainty="asserted",
               background=False, date=None, label="x"),
         Coded(mentions=[(7, 14)], type="ASSAULT", source=None, target=None, certainty="asserted",
               background=False, date=None, label="y"),
         Coded(mentions=[(61, 64)], type="PROTEST", source=None, target=None, certainty="asserted",
               background=False, date=None, label="z"),
         Coded(mentions=[(53, 60)], type="PROTEST", source=None, target=None, certainty="asserted",
               background=False, date=None, label="w")]
    assert join_training.pair_labels([g], p, [(0, 1), (0, 2), (2, 3)], text) == [1, 0, join_training.UNKNOWN]


ARTICLE = ("Militants attacked a police post in the north on Monday. The attack killed four officers. "
           "In a separate incident, gunmen attacked a bank in the capital on Wednesday. "
           "The government condemned the violence. Ministers met in the evening. Officials gave no details.")


@pytest.fixture(scope="module")
def article_doc(kb):
    return run(kb, ARTICLE)


def test_pair_features_read_a_definite_recap_of_the_same_word(article_doc):
    doc = article_doc
    views = join_features.views(doc)
    pairs = join_features.article_pairs(doc)
    assert pairs, [(e.type, e.trigger.text) for e in doc.events]
    for i, j, f in pairs:
        assert views[i].event.type == views[j].event.type  # only pairs of one type
        assert views[i].event.trigger.span < views[j].event.trigger.span
        assert f["bias_pair"] == 1.0 and any(k.startswith("sentences=") for k in f)


def test_counted_and_marked_nouns():
    """'one such attack', 'the third strike': a noun counted among several acts (an ordinal also
    marks another act than the first); 'another raid', 'fresh strikes': marked as new
    (merge/words.tsv); a plain definite noun is neither."""
    from sitrep.stages.nlp import load_spacy
    nlp = load_spacy()
    for text, word, counted, new in [("One such attack hit a school.", "attack", True, False),
                                     ("The third strike hit a depot.", "strike", True, True),
                                     ("Another raid followed at dawn.", "raid", False, True),
                                     ("Fresh strikes hit the port.", "strikes", False, True),
                                     ("It set off a cascade of other investigations.", "investigations", False, True),
                                     ("A separate raid took place at night.", "raid", False, True),
                                     ("The attack hit a school.", "attack", False, False)]:
        tok = next(t for t in nlp(text) if t.text == word)
        assert join_features._counted(tok) is counted, text
        assert join_features._marked_new(tok) is new, text


def test_model_that_did_not_win_its_heldout_decision_joins_nothing(article_doc):
    model = Model(vocab=["bias_pair"], weights=[50.0], bias=0.0, threshold=0.5, header={"ships": False})
    assert not event_join.applies(model, article_doc)
    winning = Model(vocab=["bias_pair"], weights=[50.0], bias=0.0, threshold=0.5, header={"ships": True})
    assert event_join.applies(winning, article_doc)


def test_short_text_is_not_joined(kb):
    doc = run(kb, "Militants attacked a police post. The attack killed four officers.")
    winning = Model(vocab=["bias_pair"], weights=[50.0], bias=0.0, threshold=0.5, header={"ships": True})
    assert not event_join.applies(winning, doc)


# -- the repeated-noun rule: an event noun naming the nearest earlier act of its kind again --

def _view(event, index, lemma, pos="NOUN", lemmas=None, definite=True, new=False, counted=False,
          indefinite=False, modifiers=()):
    return join_features.EventView(event=event, index=index, lemma=lemma, lemmas=frozenset(lemmas or {lemma}),
                                   pos=pos, definite=definite, marked_new=new, counted=counted, sentence=index,
                                   paragraph=0, indefinite=indefinite, modifiers=modifiers)


def _place(name):
    from sitrep.model import Place
    return Place(span=(0, 1), text=name, name=name)


def test_repeated_noun_joins_whatever_roles_the_recap_got():
    # "Kenyan police raided the camp on Monday ... The raid, Somali elders said, ..." with the
    # recap's roles read from its own sentence (the elders' country as doer)
    first = _view(_event(1, "COERCE", 10, "raided", source=_state("KEN"), target=_state("SOM")), 0, "raid",
                  pos="VERB", lemmas={"raid"})
    recap = _view(_event(2, "COERCE", 200, "raid", source=_state("SOM")), 3, "raid")
    assert event_join.repeats(first, recap, [], [])


@pytest.mark.parametrize("change, why", [
    ({"indefinite": True, "definite": False}, "'a raid' introduces an act"),
    ({"new": True}, "'another raid' is marked as a new act"),
    ({"counted": True}, "'the third raid' is one of several"),
    ({"pos": "VERB"}, "a verb is a clause of its own, not a noun naming the act"),
    ({"lemma": "arrest", "lemmas": {"arrest"}}, "another word"),
])
def test_repeated_noun_near_misses(change, why):
    first = _view(_event(1, "COERCE", 10, "raided", source=_state("KEN")), 0, "raid", pos="VERB")
    recap = _view(_event(2, "COERCE", 200, "raid"), 3, **dict({"lemma": "raid"}, **change))
    assert not event_join.repeats(first, recap, [], []), why


def test_repeated_noun_does_not_skip_an_act_of_its_kind_told_between():
    # "... raided the camp ... raided a clinic ... the raid": the noun names the nearer raid
    first = _view(_event(1, "COERCE", 10, "raided"), 0, "raid", pos="VERB")
    middle = _view(_event(2, "COERCE", 100, "raided"), 1, "raid", pos="VERB")
    recap = _view(_event(3, "COERCE", 200, "raid"), 2, "raid")
    assert not event_join.repeats(first, recap, [middle], [])
    assert event_join.repeats(middle, recap, [], [])


def test_two_meetings_in_two_places_or_on_two_days_stay_two():
    geneva = _event(1, "CONSULT", 10, "meeting")
    geneva.place = _place("Geneva")
    vienna = _event(2, "CONSULT", 200, "meeting")
    vienna.place = _place("Vienna")
    assert not event_join.repeats(_view(geneva, 0, "meeting"), _view(vienna, 2, "meeting"), [], [])
    from sitrep.model import Time
    monday, friday = _event(3, "CONSULT", 10, "meeting"), _event(4, "CONSULT", 200, "meeting")
    monday.date = Time(span=(0, 1), text="Monday", value="2024-03-11")
    friday.date = Time(span=(0, 1), text="Friday", value="2024-03-15")
    assert not event_join.repeats(_view(monday, 0, "meeting"), _view(friday, 2, "meeting"), [], [])


def test_a_noun_naming_another_doer_is_another_act():
    # "US strikes on Syria ... Russian strikes": the modifier names a party of another country
    us = _event(1, "ASSAULT", 0, "strikes", source=_state("USA"), target=_state("SYR"))
    russian = Actor(span=(100, 107), text="Russian", name="Russia", country="RUS", kind="state")
    later = _event(2, "ASSAULT", 108, "strikes")
    assert not event_join.repeats(_view(us, 0, "strike"), _view(later, 3, "strike", modifiers=(100,)), [], [russian])
    american = Actor(span=(100, 108), text="American", name="United States", country="USA", kind="state")
    assert event_join.repeats(_view(us, 0, "strike"), _view(later, 3, "strike", modifiers=(100,)), [], [american])


def test_a_noun_naming_another_person_or_body_is_another_act():
    # "Flynn has been cooperating with the inquiry ... Walker's cooperation": another person's act
    flynn = Actor(span=(0, 5), text="Flynn", name="Michael Flynn", kind="person")
    first = _event(1, "COOPERATE", 10, "cooperating", source=flynn)
    later = _event(2, "COOPERATE", 120, "cooperation")
    walker = Actor(span=(100, 108), text="Walker's", name="Ann Walker", kind="person")
    view = _view(later, 3, "cooperation", modifiers=(100,))
    first_view = _view(first, 0, "cooperation", pos="VERB", lemmas={"cooperation", "cooperate"})
    assert not event_join.repeats(first_view, view, [], [walker])
    # a name the actor layer did not resolve, read from the parse
    assert not event_join.repeats(first_view, view, [], [], {100: "Walker"})
    # the doer's own name as possessor ("Flynn's cooperation") is the same act
    assert event_join.repeats(first_view, view, [], [], {100: "Flynn"})


def test_a_news_recap_does_not_join_a_background_act_of_the_same_noun():
    # "Gunmen attacked a market in 2016 ... The attack on Monday ...": a past act and today's
    old = _event(1, "ASSAULT", 10, "attacked")
    old.background = True
    news = _event(2, "ASSAULT", 300, "attack")
    assert not event_join.repeats(_view(old, 0, "attack", pos="VERB"), _view(news, 4, "attack"), [], [])


def test_a_noun_acting_on_another_party_is_another_act():
    # "... attacked a hotel in the capital ... the attack on the Ghanaian consulate"
    hotel = Actor(span=(20, 25), text="hotel", name="hotel", kind="group")
    first = _event(1, "ASSAULT", 10, "attacked", target=hotel)
    consulate = Actor(span=(214, 233), text="Ghanaian consulate", name="Ghana", country="GHA", kind="state")
    later = _event(2, "ASSAULT", 200, "attack")
    assert not event_join.repeats(_view(first, 0, "attack", pos="VERB"),
                                  _view(later, 4, "attack", modifiers=(214,)), [], [consulate])


def test_prepositional_objects_are_read_as_the_nouns_own_parties():
    from sitrep.stages.nlp import load_spacy
    doc = load_spacy()("The attack on the Ghanaian consulate killed two guards.")
    tok = next(t for t in doc if t.text == "attack")
    offsets = join_features._modifier_offsets(tok)
    assert doc.text.index("consulate") in offsets


def test_a_model_file_without_a_decision_is_not_applied(article_doc):
    unknown = Model(vocab=["bias_pair"], weights=[50.0], bias=0.0, threshold=0.5, header={})
    assert not event_join.applies(unknown, article_doc)
