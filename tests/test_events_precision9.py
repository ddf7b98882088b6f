"""Detection precision (session 8, precision9): acts inside a condition are no events,
and mentions of one happening merge. Sentences written for these tests."""
from event_helpers import run

from sitrep.model import Actor, Article, Event, TextSpan, Time
from sitrep.stages import event_filter
from sitrep.stages.event_merge import Draft, adjacent_days, group


def triggers(doc):
    return [(e.type, e.trigger.text) for e in doc.events]


# -- conditions (an article-level rule of the event filter) ----------------------------

ARTICLE_TAIL = ("Officials met in Oslo on Monday. The talks lasted four hours. Trade was the main "
                "topic. A second round is planned for May.")


def test_the_act_in_an_if_clause_of_an_article_is_no_event(kb):
    doc = run(kb, "If the rebels attack the capital, the army is ready. " + ARTICLE_TAIL)
    assert not [e for e in doc.events if e.trigger.text == "attack"], triggers(doc)
    dropped = doc.article.meta["event_filter"]["dropped_events"]
    assert [d["reason"] for d in dropped if d["trigger"] == "attack"] == ["condition"]


def test_the_act_in_an_unless_clause_of_an_article_is_no_event(kb):
    doc = run(kb, "Unless Norway withdraws its envoy, nothing will change. " + ARTICLE_TAIL)
    assert not [e for e in doc.events if e.trigger.text == "withdraws"], triggers(doc)


def test_the_same_act_outside_a_condition_is_coded(kb):
    doc = run(kb, "The rebels attacked the capital on Monday. " + ARTICLE_TAIL)
    assert [e for e in doc.events if e.trigger.text == "attacked"], triggers(doc)


def test_a_lone_sentence_keeps_its_conditional_act_as_hypothetical(kb):
    doc = run(kb, "If the rebels attack the capital, the army is ready.")
    attack = [e for e in doc.events if e.trigger.text == "attack"]
    assert attack and attack[0].certainty.status == "hypothetical", triggers(doc)


def test_a_threat_on_a_condition_is_still_coded(kb):
    doc = run(kb, "Norway said there would be serious consequences if Sweden attacked its ships. "
              + ARTICLE_TAIL)
    assert [e for e in doc.events if e.type == "THREATEN"], triggers(doc)
    assert not [e for e in doc.events if e.trigger.text == "attacked"], triggers(doc)


# -- a participle on an event noun -------------------------------------------------------

def test_a_participle_on_a_sanction_noun_is_no_second_act(kb):
    doc = run(kb, "Norway imposed new sanctions targeting Sweden on Monday.")
    assert [e for e in doc.events if e.type == "SANCTION"], triggers(doc)
    assert not [e for e in doc.events if e.trigger.text == "targeting"], triggers(doc)


def test_a_participle_on_a_plain_noun_stays_an_act(kb):
    doc = run(kb, "Soldiers attacking the village were seen by Swedish officials.")
    assert [e for e in doc.events if e.trigger.text == "attacking"], triggers(doc)


# -- merging mentions of one happening ---------------------------------------------------

def _draft(etype, at, sentence, target=None, own_date=None, **flags):
    ev = Event(id="", type=etype, trigger=TextSpan((at, at + 5), "xxxxx"),
               sentence=TextSpan((at - 10, at + 40), "x" * 50), target=target)
    return Draft(event=ev, head=at, base_type=etype, sentence=sentence, own_date=own_date, **flags)


def _people(text, sector, resolved_by):
    return Actor(span=(0, len(text)), text=text, name=text, country="NOR", kind="group",
                 sector=sector, resolved_by=resolved_by)


def _day(value):
    return Time(span=(0, 5), text="xxxxx", value=value, granularity="day")


def test_victims_counted_do_not_make_a_repeated_clash_another_act(kb):
    """"clashes that injured more than 100 people" ... "clashes with the mayor's
    supporters": the victims are no recipient that tells the two apart."""
    first = _draft("ASSAULT", 10, 0, nominal=True, lemma="clash",
                   target=_people("more than 100 people", "CIV", "phrase+home"))
    again = _draft("ASSAULT", 900, 20, nominal=True, lemma="clash",
                   target=_people("the mayor's supporters", None, "relation"))
    assert len(group([first, again], kb.event_lexicon)) == 1


def test_a_named_group_as_recipient_still_tells_two_meetings_apart(kb):
    first = _draft("CONSULT", 10, 0, nominal=True, lemma="meeting",
                   target=_people("the mayor's supporters", None, "relation"))
    again = _draft("CONSULT", 900, 20, nominal=True, lemma="meeting",
                   target=_people("opposition leaders", "OPP", "phrase+home"))
    assert len(group([first, again], kb.event_lexicon)) == 2


def test_a_reference_dated_the_next_day_names_the_act(kb):
    """"announced sanctions on Monday" ... "as a result of today's sanctions" in a text
    written on Tuesday: one act."""
    first = _draft("SANCTION", 10, 0, lemma="sanction", own_date=_day("2024-03-11"))
    ref = _draft("SANCTION", 300, 4, nominal=True, definite=True, lemma="sanction",
                 own_date=_day("2024-03-12"))
    assert len(group([first, ref], kb.event_lexicon)) == 1
    assert adjacent_days(_day("2024-02-29"), _day("2024-03-01"))
    assert not adjacent_days(_day("2024-03-11"), _day("2024-03-14"))


def test_an_indefinite_mention_a_day_later_stays_another_act(kb):
    first = _draft("SANCTION", 10, 0, lemma="sanction", own_date=_day("2024-03-11"))
    other = _draft("SANCTION", 300, 4, nominal=True, lemma="sanction", own_date=_day("2024-03-12"),
                   modifiers=frozenset({"a"}))
    assert len(group([first, other], kb.event_lexicon)) == 2


# -- statements by commentators --------------------------------------------------------

COMMENT = ("Norwegian officials met in Oslo on Monday. The plan is a failure, said Aaron Smith, "
           "director of a research programme. Sweden said the plan was a failure too. The talks "
           "lasted four hours. Trade was the main topic. A second round is planned for May.")


def _statement(doc, word, nth, speaker):
    text = doc.article.text
    start = -1
    for _ in range(nth):
        start = text.index(word, start + 1)
    return Event(id=f"e{start}", type="ACCUSE", trigger=TextSpan((start, start + len(word)), word),
                 sentence=TextSpan((0, len(text)), text), source=speaker)


def _parsed(kb, meta=None):
    from sitrep.pipeline import Pipeline
    return Pipeline.default(until="nlp", kb=kb)(Article(id="t", text=COMMENT, meta=dict(meta or {})))


def test_a_statement_by_an_unaffiliated_person_is_dropped_and_listed(kb):
    doc = _parsed(kb)
    smith = Actor(span=(0, 11), text="Aaron Smith", name="Aaron Smith", kind="person", resolved_by="ner")
    sweden = Actor(span=(0, 6), text="Sweden", name="Sweden", country="SWE", kind="state", resolved_by="kb")
    doc.events = [_statement(doc, "said", 1, smith), _statement(doc, "said", 2, sweden)]
    doc = event_filter.run(doc, kb)
    assert [e.source.name for e in doc.events] == ["Sweden"]
    dropped = doc.article.meta["event_filter"]["dropped_events"]
    assert [d["reason"] for d in dropped] == ["unaffiliated speaker"]


def test_a_lone_sentence_is_not_judged_by_the_rules(kb):
    from sitrep.pipeline import Pipeline
    doc = Pipeline.default(until="nlp", kb=kb)(Article(id="t", text="The plan is a failure, said Aaron Smith."))
    smith = Actor(span=(0, 11), text="Aaron Smith", name="Aaron Smith", kind="person", resolved_by="ner")
    doc.events = [_statement(doc, "said", 1, smith)]
    assert len(event_filter.run(doc, kb).events) == 1


def test_all_events_keeps_a_commentators_statement(kb):
    doc = _parsed(kb, {"all_events": True})
    smith = Actor(span=(0, 11), text="Aaron Smith", name="Aaron Smith", kind="person", resolved_by="ner")
    doc.events = [_statement(doc, "said", 1, smith)]
    assert len(event_filter.run(doc, kb).events) == 1


def test_a_person_with_a_party_keeps_the_statement(kb):
    doc = _parsed(kb)
    envoy = Actor(span=(0, 11), text="Aaron Smith", name="Aaron Smith", kind="person", country="NOR",
                  sector="GOV", resolved_by="ner")
    doc.events = [_statement(doc, "said", 1, envoy)]
    assert len(event_filter.run(doc, kb).events) == 1


def test_an_event_with_no_party_at_all_is_dropped_and_listed(kb):
    doc = _parsed(kb)
    sweden = Actor(span=(0, 6), text="Sweden", name="Sweden", country="SWE", kind="state", resolved_by="kb")
    doc.events = [_statement(doc, "met", 1, None), _statement(doc, "said", 2, sweden)]
    doc = event_filter.run(doc, kb)
    assert [e.trigger.text for e in doc.events] == ["said"]
    assert [d["reason"] for d in doc.article.meta["event_filter"]["dropped_events"]] == ["no party"]


# -- page furniture ------------------------------------------------------------------------

FURNISHED = ("Norway and Sweden signed a trade accord in Oslo on Monday.\n\n"
             "[Watch NRK: Senator Lund discusses the attack on the Swedish embassy]\n\n"
             "'Sweden rejects the truce offer'\n\n"
             "The accord cuts tariffs on fish and timber, officials said.\n\n"
             "Talks on a second accord will start in May.")


def test_a_video_teaser_and_a_quoted_subheading_code_no_event(kb):
    doc = run(kb, FURNISHED)
    text = doc.article.text
    teaser = text.index("[Watch")
    heading = text.index("'Sweden")
    spans = [e.trigger.span[0] for e in doc.events]
    assert not [s for s in spans if teaser <= s < heading], triggers(doc)
    assert not [s for s in spans if heading <= s < text.index("The accord")], triggers(doc)
    assert [e for e in doc.events if e.trigger.text == "signed"], triggers(doc)  # the prose is coded
