"""Event filter stage: drop the candidate events an analyst would not code.

The rule stages propose events generously; a small logistic regression
(``sitrep.learn.logreg``), trained on the allsides-dev gold by
scripts/train_event_filter.py, gives each candidate the probability that an analyst
coding the article by docs/annotation.md would code it, from features of the typed
document (``sitrep.learn.event_features``). Events under the model's threshold are
dropped and counted in ``article.meta["event_filter"]`` (how many, and which: type,
trigger, span, probability), so nothing disappears unseen -- but only while the model wins
its own held-out evaluation (``model_wins``); the shipped model does not (session 10; session
15 re-measured it leaving each late gold part out), so it scores and the rules alone drop.

The model was trained on whole articles: a short text (``meta["short_context"]``, a
headline, a sentence, anything under ``MIN_SENTENCES`` sentences) passes unfiltered. ``meta["all_events"] = True`` (``--all-events``)
keeps every event and still records the probabilities; ``ENABLED`` says whether the
filter drops anything by default (see docs/event-filter.md for the figures behind it).

Rules drop besides the model, in the same texts (articles, not under
``--all-events``; a lone sentence passes, as it does the model). Such events are listed
among the dropped with their reason:

* ``"condition"``: every mention lies inside a condition clause ("if called upon, we are
  prepared to ...", "unless Norway withdraws"): what might happen, not what happened; an
  analyst codes the threat or offer made on it, not the condition (the certainty stage
  still marks such acts hypothetical, as seen with ``--all-events`` and in short texts);
* ``"unaffiliated speaker"``: a statement carried only by a verb of saying whose speaker
  is a person the actor layer ties to no country, sector or known actor ("..., said
  Aaron Smith, director of a research programme"): a commentator's view, not a political
  actor's act (docs/annotation.md 2: opinions and analysis without an act);
* ``"no party"``: neither a source nor a target in any mention ("breaking the truce",
  "the inflation rate reached ..."): nothing an analyst could code;
* ``"speculation"``: every mention is under a modal of advice ("should", "ought":
  ``filter_cues.tsv``), directly or through the verbs that carry it ("should decide
  to make concessions", "should be allowed"): a columnist's prescription, not an act --
  unless a political actor says it. A possible act ("may", "might", "could") is left to
  the "prediction" rule below;
* ``"question"``: the event's one mention sits in a question no political actor asks
  ("Why did the US withdraw from the deal?"), or every mention sits in an indirect
  question ("asked whether the US would impose sanctions": ``indirect_question`` in
  filter_cues.tsv), whoever asks it: an act still to come that is only asked about; a
  past act questioned ("unclear whether Washington warned Madrid", "investigating whether
  forces used gas") stays, hypothetical (docs/annotation.md 6);
* ``"opinion"``: every mention is the content of a view or a fear ("believe the problems
  are caused by sanctions", "his belief that the fighters threaten ...", "fearing more
  airstrikes": ``belief_*`` in filter_cues.tsv), or carries a speaker's "I believe"
  ("the people will, I believe, hold them accountable"), and is not told as past: an
  opinion without an act (docs/annotation.md 2); an act named by a particular noun ("the
  new US sanctions", "Tuesday's attack") happened and stays, and so does a party's own
  course under "we believe" ("we believe it would be better to postpone the summit"); "believes the US attacked" is an
  allegation and stays;
* ``"purpose"``: every mention is the complement of "be" after a noun of a goal ("the US
  mission's aim is to negotiate an accord": ``purpose_noun``): an aim, not an act; a
  named party's stated intention ("the US intention is to withdraw") is its plan and stays;
* ``"casualty"``: an attack told only by its wounded ("with 560 wounded", "dozens killed
  and hundreds wounded"), a verb of injury (``injury_verb``) with no doer and no agent, as
  a count beside a toll or a killing: the outcome of an attack, not an attack of its own
  (docs/annotation.md 2);
* ``"denial"``: a REJECT that denies a claim ("dismissed a claim by the US that ...",
  "has denied any involvement", "denied that its jets struck": ``denial_verb`` with a
  ``claim_noun`` object or a that-clause): docs/annotation.md 6 codes the denial on the
  denied act, not as an event of its own (a rejected demand or offer stays REJECT);
* ``"state"``: a REJECT told by a negated perfect over a stretch of time ("has not hosted
  US forces since 2003": ``duration_prep``): a state of affairs, not a refusal
  (docs/annotation.md 10);
* ``"resignation"``: a resignation (RETREAT, mode ``resign``): docs/annotation.md 2 codes
  none unless it is an act toward another actor, which the RETREAT row cannot tell;
* ``"prediction"``: every mention is under a modal of possibility or prediction
  ("could", "would", "may": ``filter_cues.tsv``) without a perfect "have", or under a
  word of expectation or capability ("is expected to", "be able to", "potentially"), the
  event has no date and no political actor says it: the writer's or a commentator's
  guess ("a blockade might end up forcing ...", "missiles that could hit ..."),
  not a party's threat, plan or a hedged past act ("may have used gas"); also an act the
  writer finds (un)likely ("it seems unlikely that Norway will impose sanctions"); a
  named party's "would" stays as its stance unless commentators tell it ("analysts argue
  that Norway would yield");
* ``"habitual"``: every mention is made a habit by an adverb ("typically", "usually")
  or by "all the time" (``habitual_noun``): a class of acts with no occasion, not a
  happening -- when no named party does it; a named party's habit stays once, flagged
  background (``mark_habits``);
* ``"commentary_speculation"``: in an article judged commentary (``meta["genre"]``, set by
  the "genre" stage, sitrep.stages.genre, which runs before this one), an act in the writer's own voice -- no attribution, no
  quote, no date -- every mention of which is under a modal of a guess, advice or the
  future ("would", "could", "must", "will": cues/genre.tsv) or a word of expectation: the
  writer's speculation ("Havana will put up a fight"), not coded (docs/annotation.md 10);
  reported facts, quotes, attributed statements, past acts and a party's scheduled
  cooperation ("will visit Ramallah") stay;
* ``"negated"``, ``"state"``, ``"reception"``, ``"description"``, ``"effect"``: a negated
  commitment or pending response ("has never pledged", "still has not signed"), a relation held
  "no longer", the welcome of a visitor, a participle describing people ("officials accused
  of ..."), a measure's effect ("those sanctions restrict ..."): see ``nonact_reason`` and
  cues/nonacts.tsv. "Rejected the claim that ..." is a ``"denial"`` like "dismissed a claim".
* ``"writer_speculation"``: in any article, an act that no party speaks (the writer's or an
  unaffiliated commentator's voice) under a cue of possibility on its own verb chain ("the
  junta might yet close the border before winter", "may be getting ready to seize the
  islands in 2031", "a potential blockade", "it is unwise to strike"), or an act a verb of
  guessing governs whoever guesses ("diplomats speculated that the rebels were about to
  storm the airport"): a guess, not coded (docs/annotation.md 10). Unlike "prediction", a
  coarse date (a year, a season) does not keep it; a party's own words, past acts and acts
  dated to a day or week stay (``sitrep.stages.writer_voice``, cues/writer_voice.tsv).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from sitrep.learn.event_features import document_features, model_feature_version
from sitrep.learn.logreg import Model
from sitrep.model import Actor, Document, Event
from sitrep.stages import genre, writer_voice
from sitrep.stages.event_statements import mark_words, statement_cues

MODEL_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "models" / "event_filter.json"
FILTER_CUES_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "plover" / "filter_cues.tsv"
#: the kinds of word set the rules read (see the data file's header)
FILTER_CUE_KINDS = ("speculation", "prediction", "expectation", "habitual", "stance_modal", "indirect_question",
                    "belief_verb", "belief_as_verb", "belief_noun", "purpose_noun", "injury_verb",
                    "habitual_noun", "commentator_noun", "denial_verb", "claim_noun", "duration_prep")
#: parse relations through which a modal on a governing verb covers the trigger ("should
#: decide to make concessions", "should continue providing", "should be allowed"); not
#: through prepositions: in "should impose sanctions over the attack on the embassy" the
#: attack is told as fact
_CARRIER_DEPS = frozenset({"xcomp", "dobj", "acomp"})
_CCOMP = frozenset({"ccomp"})
#: parse relations through which a modal of prediction or a word of expectation covers
#: the trigger: the carriers above less "acomp" plus predicates ("would be willing",
#: "is expected to cut off"); a gerund under a preposition is climbed to the verb
#: ("might end up forcing"), a preposition's noun is not ("could impose sanctions
#: over the attack" tells the attack as fact)
_PREDICTION_DEPS = frozenset({"xcomp", "dobj", "acomp", "attr", "oprd"})
#: a sentence that ends as a question (closing quotes and brackets aside)
_QUESTION_END = re.compile(r"""\?[\s"'”’»)\]]*$""")

#: texts with fewer sentences are not articles like the ones the model learned from
MIN_SENTENCES = 5

#: whether the filter drops events when the article does not say (meta["all_events"])
ENABLED = True
#: whether the model's own drops may apply at all (``model_wins`` still decides): the tests of
#: the rule stages turn it off (tests/conftest.py), so that they do not depend on learned
#: weights that are retrained every session; the event filter's own tests keep it on
APPLY_MODEL = True


@lru_cache(maxsize=4)
def load_filter_cues(path: Path = FILTER_CUES_PATH) -> dict[str, frozenset[str]]:
    """The rules' word sets by kind; an unknown kind or an empty row is an error that
    names the file and line."""
    cues: dict[str, frozenset[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or fields[0] not in FILTER_CUE_KINDS or not fields[1].split():
            raise ValueError(f"{path}:{number}: expected 'kind<TAB>words' with kind one of "
                             f"{', '.join(FILTER_CUE_KINDS)}; fix this line")
        cues[fields[0]] = cues.get(fields[0], frozenset()) | frozenset(fields[1].split())
    return cues


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> Model:
    """The shipped model (read once per process)."""
    return Model.load(path)


def model_wins(model: Model) -> bool:
    """Whether the model's own drops are applied: only when its cross-validation (the
    header's ``cv``, written by scripts/train_event_filter.py) shows a higher detection F1
    with the filter than with the rules alone. A model that does not win out of sample
    still scores every event (``meta.event_filter`` keeps the probabilities) but drops
    nothing; the rules below drop either way. A hand-made model without a CV header is
    applied (tests build such models). A model trained with ``--heldout-parts`` carries a
    ``heldout`` block instead, whose ``ships`` is the leave-one-part-out decision rule
    (docs/event-filter.md, session 15)."""
    heldout = model.header.get("heldout")
    if heldout is not None:  # session 15: the leave-one-part-out decision rule decided
        return bool(heldout["ships"])
    cv = model.header.get("cv")
    if not cv:
        return True
    return cv["with_filter"]["detection_f1"] > cv["rules_only"]["detection_f1"]


def keeps_all(doc: Document) -> bool:
    """True when this document's events all pass: asked for, filter off, or a short text."""
    meta = doc.article.meta
    if "all_events" in meta:
        return bool(meta["all_events"])
    return not ENABLED or bool(meta.get("short_context")) or len(doc.sentences) < MIN_SENTENCES


def unaffiliated(actor: Actor) -> bool:
    """A person read from the text only, tied to no country, sector or known actor."""
    return actor.kind == "person" and not (actor.country or actor.sector or actor.actor_id)


def commentator_statement(event: Event, doc: Document, saying_verbs: frozenset[str]) -> bool:
    """A statement on a verb of saying ("said", "added", "warned") by an unaffiliated person."""
    if event.source is None or not unaffiliated(event.source) or event.mentions:
        return False
    return _trigger_lemma(event, doc) in saying_verbs


def partyless(event: Event) -> bool:
    """No party read for either role, in any of its mentions ("breaking the truce", "the
    inflation rate reached ..."): nothing an analyst could code."""
    return event.source is None and event.target is None


def conditional(event: Event, doc: Document, marks: frozenset[str]) -> bool:
    """Every mention of the event lies inside an adverbial clause introduced by one of
    ``marks`` ("if", "unless": the statement cues' ``condition`` words)."""
    if doc.nlp is None or not marks:
        return False
    return all(_in_condition(span, doc, marks) for span in
               ([m.span for m in event.mentions] or [event.trigger.span]))


def _in_condition(span: tuple[int, int], doc: Document, marks: frozenset[str]) -> bool:
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return False
    tok = chars.root
    if tok.dep_ == "mark" and tok.lower_ in marks:
        # the trigger is the condition word itself: the demand of a conditional refusal or
        # an ultimatum ("will not open the border unless ..."), which stands for the
        # clause the condition modifies, not for the condition
        tok = tok.head.head
    for clause in [tok, *tok.ancestors]:
        if clause.dep_ in ("advcl", "acl") and mark_words(clause) & marks:
            return True
    return False


def speculative(event: Event, doc: Document, modals: frozenset[str]) -> bool:
    """Every mention of the event is under one of ``modals`` ("should", "may"), on its
    verb or on a verb that carries it, and no political actor says it: the writer's or a
    commentator's prescription or guess ("Norway may decide to expel the envoy"), not a
    party's demand or threat ("we may expel the envoy," the minister said)."""
    if doc.nlp is None or not modals or _political_speaker(event):
        return False
    return all(_under_modal(span, doc, modals) for span in
               ([m.span for m in event.mentions] or [event.trigger.span]))


def asked(event: Event, doc: Document) -> bool:
    """The event's one mention sits in a question ("Why did the US withdraw from the
    deal?") that no political actor asks: a question reports no act (an explainer's
    heading, a columnist's rhetorical question). An act also told elsewhere (merged
    mentions) stays."""
    if event.mentions or _political_speaker(event):
        return False
    chars = doc.nlp.char_span(*event.trigger.span, alignment_mode="expand") if doc.nlp is not None else None
    sentence = chars.root.sent.text if chars is not None else event.sentence.text
    return _QUESTION_END.search(sentence) is not None


def in_indirect_question(event: Event, doc: Document, marks: frozenset[str]) -> bool:
    """Every mention of the event sits in a clause opened by one of ``marks`` ("whether"),
    reached from the trigger through its own clause and the clauses it carries ("asked
    whether the US would impose sanctions", "unclear ... whether they would be as severe as
    what lawmakers are proposing"), not through a noun: an act asked about, not reported.
    An act that a noun of the question names ("whether the call touched on allegations that
    X shelled Y") is told apart from the question and stays."""
    if doc.nlp is None or not marks:
        return False
    return all(_in_question_clause(span, doc, marks) for span in
               ([m.span for m in event.mentions] or [event.trigger.span]))


def _in_question_clause(span: tuple[int, int], doc: Document, marks: frozenset[str]) -> bool:
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return False
    tok = chars.root
    if tok.pos_ in ("NOUN", "PROPN"):
        return False  # an act named by a noun ("whether the call touched on the allegations") stands
    while True:
        if _told_as_past(tok):
            # "investigating whether forces used gas", "unclear whether X warned Y": a past
            # act questioned is coded, hypothetical (docs/annotation.md 6); only an act
            # still to come ("whether the US would impose") is no event
            return False
        opened = any(ch.dep_ == "mark" and ch.lower_ in marks for ch in tok.children)
        if opened:
            return True
        # a relative or adverbial clause, or a that-clause, is a statement of its own
        # ("..., which has told its allies that it wants him back, ...")
        if tok.dep_ in _OWN_CLAUSE_DEPS or tok.head is tok:
            return False
        if tok.head.pos_ in ("NOUN", "PROPN"):
            # an act named inside a noun phrase of the question exists outside it ("whether
            # the call mentioned allegations that X received money": the allegations stand)
            return False
        tok = tok.head


#: dependencies of a clause that says something of its own: the climb to an indirect
#: question or a view stops there
_OWN_CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "conj", "parataxis", "ROOT"})


def opinion(event: Event, doc: Document, cues: dict[str, frozenset[str]]) -> bool:
    """Every mention of the event is the content of a view or a fear (``belief_verb``,
    ``belief_as_verb`` with "as", ``belief_noun`` in filter_cues.tsv) and is not told as
    past on the way up: "believe Venezuela's problems are caused by US sanctions", "his
    belief that the fighters threaten national security", "fearing more airstrikes".
    "Believes the US attacked the base" tells a past act (an allegation) and stays."""
    if doc.nlp is None or not (cues.get("belief_verb") or cues.get("belief_as_verb") or cues.get("belief_noun")):
        return False
    return all(_viewed(span, doc, cues) for span in
               ([m.span for m in event.mentions] or [event.trigger.span]))


#: how an act hangs from the verb or noun of a view: its clause or object ("believe
#: [that] X", "fearing airstrikes", "the belief that X") or a preposition ("fears of an
#: offensive"); up to there the climb passes through an act's own arguments
_VIEW_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "acl"})
_VIEW_CLIMB_DEPS = frozenset({"xcomp", "dobj", "pobj", "pcomp", "prep", "agent", "attr", "oprd", "acomp",
                              "nsubj", "nsubjpass", "compound", "amod"})
_VIEW_PREPS = frozenset({"of", "over", "about"})


def _viewed(span: tuple[int, int], doc: Document, cues: dict[str, frozenset[str]]) -> bool:
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return False
    tok = chars.root
    if _particular_act(tok):
        return False  # "regards the new US sanctions as ...", "behind Tuesday's attack": it happened
    if _hedged_by_own_view(tok, cues.get("belief_verb", frozenset())):
        return True
    for _ in range(8):
        if _told_as_past(tok):
            return False
        head = tok.head
        if head is tok:
            return False
        if _holds_a_view(tok, head, cues):
            # "we believe it would be better to postpone the summit": a party telling its
            # own course, not a view about someone else's act
            return not _first_person_subject(head)
        if tok.pos_ in ("NOUN", "PROPN") and _particular_act(tok):
            return False
        if tok.dep_ not in _VIEW_CLIMB_DEPS and tok.dep_ not in _VIEW_CONTENT_DEPS:
            return False
        tok = head
    return False


def _particular_act(tok) -> bool:
    """A noun naming one act that happened: with a determiner, a possessor, a number or a
    modifier ("the new sanctions", "Tuesday's attack", "the expulsion of its diplomats");
    a bare noun or gerund ("see fighting X as a hope") names a kind of act."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(ch.dep_ in ("det", "poss", "nummod", "amod", "compound") for ch in tok.children) or \
        any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in tok.children)


def _first_person_subject(verb) -> bool:
    return any(ch.dep_ in ("nsubj", "nsubjpass") and ch.lower_ in ("we", "i") for ch in verb.children)


def _holds_a_view(tok, head, cues: dict[str, frozenset[str]]) -> bool:
    """``tok`` is what ``head``, a verb or noun of a view, holds."""
    word = head.lemma_.lower()
    if head.pos_ in ("VERB", "AUX"):
        if tok.dep_ not in _VIEW_CONTENT_DEPS:
            return False
        if word in cues.get("belief_verb", frozenset()):
            return True
        # "see [fighting X] as their only hope": the parser hangs "as" on either word
        return word in cues.get("belief_as_verb", frozenset()) and any(
            ch.lower_ == "as" and ch.dep_ == "prep" for ch in [*head.children, *tok.children])
    if head.pos_ == "NOUN" and word in cues.get("belief_noun", frozenset()):
        return tok.dep_ in ("acl", "ccomp") or (tok.dep_ == "prep" and tok.lower_ in _VIEW_PREPS)
    return False


def _hedged_by_own_view(tok, verbs: frozenset[str]) -> bool:
    """The act's verb chain carries a speaker's parenthetical "I believe" / "we think"
    ("will ultimately, I believe, hold accountable ...") and is not told as past."""
    for carrier in _prediction_carriers(tok):
        if _told_as_past(carrier):
            return False
        for ch in carrier.children:
            if ch.dep_ in ("parataxis", "advcl", "ccomp") and ch.lemma_.lower() in verbs \
                    and any(s.dep_ == "nsubj" and s.lower_ in ("i", "we") for s in ch.children):
                return True
    return False


def purpose(event: Event, doc: Document, nouns: frozenset[str]) -> bool:
    """Every mention of the event is what a goal "is" ("the US aim is to negotiate an
    accord", "the idea is to isolate the regime": ``purpose_noun`` as the subject of "be"),
    reached through the act's own verb chain: an aim, not an act."""
    if doc.nlp is None or not nouns:
        return False
    return all(_an_aim(span, doc, nouns) for span in
               ([m.span for m in event.mentions] or [event.trigger.span]))


def _an_aim(span: tuple[int, int], doc: Document, nouns: frozenset[str]) -> bool:
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return False
    tok = chars.root
    for _ in range(6):
        head = tok.head
        if head is tok:
            return False
        subject = next((ch for ch in head.children if ch.dep_ == "nsubj"), None)
        if tok.dep_ in ("xcomp", "attr", "ccomp", "acomp") and head.lemma_.lower() == "be" and subject is not None:
            # "The US intention is to withdraw", "Moscow's goal is to ...": a named party's
            # stated plan (docs/annotation.md 4), not an aim in the abstract
            return subject.lemma_.lower() in nouns and not _named_owner(subject)
        # "is to be prepared and be able to offer": the aim's complement may run through
        # a subjectless "be" and its conjuncts
        if tok.dep_ not in ("xcomp", "dobj", "pobj", "prep", "acomp", "conj"):
            return False
        tok = head
    return False


def _named_owner(noun) -> bool:
    """A noun owned or modified by a name ("the US intention", "Moscow's goal")."""
    return any(ch.dep_ in ("poss", "compound", "amod") and (ch.pos_ == "PROPN" or ch.ent_type_ in ("GPE", "NORP", "ORG"))
               for ch in noun.children)


def _told_as_past(tok) -> bool:
    """A verb told as past: a past form, or a past or perfect auxiliary ("were caused",
    "has attacked")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return tok.tag_ == "VBD" or any(ch.dep_ in ("aux", "auxpass") and (ch.tag_ == "VBD" or ch.lemma_.lower() == "have")
                                    for ch in tok.children)


def casualty_count(event: Event, doc: Document, verbs: frozenset[str]) -> bool:
    """An ASSAULT with no source, each mention of which is one verb of injury
    (``injury_verb``) with no agent, object or named subject, told as a count beside a toll
    or a killing ("at 67 with more than 560 [wounded]", "hundreds killed and thousands
    [wounded]"): the casualties of an attack, which docs/annotation.md 2 does not code as an
    event of their own."""
    if event.type != "ASSAULT" or event.source is not None or doc.nlp is None or not verbs:
        return False
    return all(_counted_casualties(span, doc, verbs) for span in
               ([m.span for m in event.mentions] or [event.trigger.span]))


def _counted_casualties(span: tuple[int, int], doc: Document, verbs: frozenset[str]) -> bool:
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None or len(chars) != 1:
        return False
    tok = chars.root
    if tok.lemma_.lower() not in verbs or any(ch.dep_ in ("agent", "dobj") for ch in tok.children):
        return False
    subjects = [ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if any(ch.pos_ != "NUM" for ch in subjects):
        return False  # "guards were wounded": the wounded are named, a happening of its own
    # "with 560 wounded", "and thousands wounded": a count beside the toll, not a clause
    # of its own ("Three were wounded on Friday" may be the only word of an attack)
    counted = (bool(subjects) and tok.dep_ in ("advcl", "acl", "conj")) or (
        tok.dep_ in ("acl", "amod", "pobj", "appos", "conj") and (
        tok.head.pos_ == "NUM" or tok.head.lemma_.lower() in ("kill", "die", "dead")))
    return counted or tok.pos_ in ("NOUN", "ADJ")


def denial(event: Event, doc: Document, cues: dict[str, frozenset[str]]) -> bool:
    """A REJECT every mention of which is a verb of denying (``denial_verb``) whose object
    is a claim (``claim_noun``: "dismissed a claim by the US", "denies any involvement"),
    a noun whose complement is an indicative that-clause ("dismissed the notion that
    Athens mishandled the crisis") or a that-clause ("denied that its jets struck the
    convoy"): a denial, coded on the act it denies (docs/annotation.md 6), not an event;
    "rejected the offer", "rejected the idea of a truce", "dismissed the plan that Kosovo
    put forward", "rejected the demand that Russia withdraw its troops" stay."""
    verbs, claims = cues.get("denial_verb", frozenset()), cues.get("claim_noun", frozenset())
    if event.type != "REJECT" or doc.nlp is None or not verbs:
        return False
    return all(_denies_a_claim(span, doc, verbs, claims) for span in
               ([m.span for m in event.mentions] or [event.trigger.span]))


def _denies_a_claim(span: tuple[int, int], doc: Document, verbs: frozenset[str], claims: frozenset[str]) -> bool:
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return False
    tok = chars.root
    if tok.lemma_.lower() not in verbs and tok.lower_ not in verbs:
        return False
    return any((ch.dep_ in ("dobj", "nsubjpass") and (ch.lemma_.lower() in claims or ch.lower_ in claims
                                                        or _proposition(ch))
                and not _claim_of_right(ch))
               or ch.dep_ == "ccomp" for ch in tok.children)


def _proposition(noun) -> bool:
    """A noun with an indicative that-clause as its complement ("the notion that Athens
    had mishandled the crisis", "the idea that its troops shelled the villages"): its
    content is an assertion, so denying it is a denial. A relative clause ("the proposal
    that the ministers drafted") has "that" as its subject or object, not as a mark; a
    mandative clause -- a bare verb or "should" ("the demand that Russia withdraw its
    troops", "the request that he be released") -- and a directive noun (``directive_noun``:
    demand, request, proposal ...) carry a demand or an offer, and "the idea of a truce"
    names no assertion: all stay REJECT."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in load_nonact_cues().get("directive_noun", frozenset()):
        return False
    return any(cl.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in cl.children)
               and _indicative(cl) for cl in noun.children)


def _indicative(verb) -> bool:
    """A clause that asserts: a finite verb in a tense ("shelled", "is", "has armed"), not
    a bare verb of the mandative subjunctive ("withdraw", "be released") or "should"."""
    aux = [ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("should", "shall") for a in aux):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("VBD", "VBZ", "VBP", "MD") for a in aux)


def _claim_of_right(noun) -> bool:
    """A claim to something, not an assertion ("the claim to the islands", "claims of
    sovereignty", "a claim for compensation"): rejecting it rejects a demand, a REJECT
    (docs/annotation.md 14 proposal). Words in cues/nonacts.tsv (``right_claim_noun``,
    ``right_prep``, ``right_noun``)."""
    cues = load_nonact_cues()
    if noun.lemma_.lower() not in cues.get("right_claim_noun", frozenset()):
        return False  # "denied responsibility for the attack": an assertion denied
    # the parser may hang "to the islands" on the verb, right after the noun
    after = [p for p in noun.head.children if p.i == noun.i + 1]
    for prep in [*noun.children, *after]:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in cues.get("right_prep", frozenset()):
            return True
        if prep.lower_ == "of" and any(g.dep_ == "pobj" and g.lemma_.lower() in cues.get("right_noun", frozenset())
                                       for g in prep.children):
            return True
    return False


def negated_state(event: Event, doc: Document, preps: frozenset[str]) -> bool:
    """A REJECT on a negated perfect with a stretch of time ("the kingdom has not hosted US
    forces since 2003": ``duration_prep``): a state of affairs, not a refusal."""
    if event.type != "REJECT" or event.mentions or doc.nlp is None or not preps:
        return False
    chars = doc.nlp.char_span(*event.trigger.span, alignment_mode="expand")
    if chars is None:
        return False
    children = list(chars.root.children)
    return any(ch.dep_ == "neg" for ch in children) and _perfect(children) \
        and any(ch.dep_ == "prep" and ch.lower_ in preps for ch in children)


def resignation(event: Event) -> bool:
    """A resignation (RETREAT, mode ``resign``): no act toward another actor by itself
    (docs/annotation.md 2)."""
    return event.type == "RETREAT" and event.mode == "resign"


def predicted(event: Event, doc: Document, modals: frozenset[str], expectations: frozenset[str]) -> bool:
    """Every mention of the event is under a modal of prediction without a perfect "have"
    ("might end up forcing", "may decide to make concessions") or under a word of
    expectation ("is expected to cut off"), the event has no date of its own and no
    political actor says it, in its attribution or its quote: a guess by the writer or a
    commentator. A dated plan ("would travel to Syria this week") and a party's words
    ("we could strike," the minister said) stay; so does a hedged past act ("may have used
    gas"), which docs/annotation.md 6 codes as hypothetical."""
    if doc.nlp is None or not (modals or expectations) or _political_speaker(event):
        return False
    if (event.date is not None and not event.date.inferred) or _political_quote(event, doc):
        return False
    spans = [m.span for m in event.mentions] or [event.trigger.span]
    if all(_guessed_likely(span, doc, expectations) for span in spans):
        return True  # "it seems unlikely that Norway will impose sanctions": the writer's guess
    if _named_party(event.source) and not _commentator_attribution(event) \
            and any(_stated_stance(span, doc) for span in spans):
        return False  # "Doe would not rule out force": the party's own stance, told indirectly
    return all(_under_prediction(span, doc, modals, expectations) for span in spans)


def _commentator_attribution(event: Event) -> bool:
    """The event is attributed to commentators (``commentator_noun``: "analysts argue that
    ... Norway would ..."), not to a party: a party's "would" told by them is their guess,
    not the party's stance."""
    speaker = event.certainty.attributed_to
    if speaker is None or _named_party(speaker) or not speaker.text.split():
        return False
    return speaker.text.split()[-1].lower() in load_filter_cues().get("commentator_noun", frozenset())


def _guessed_likely(span: tuple[int, int], doc: Document, expectations: frozenset[str]) -> bool:
    """The act's clause is what a word of expectation says of it, through "seem" or "be"
    ("it does not seem likely that Norway would be willing to pay", "it is unlikely that
    Norway will impose sanctions"), with no perfect or past on the act: a guess about it."""
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return False
    top = _prediction_carriers(chars.root)[-1]
    if top.dep_ != "ccomp" or _told_as_past(top) or any(_told_as_past(t) for t in _prediction_carriers(chars.root)):
        return False
    head = top.head  # "likely" itself, or the "seem" / "is" that carries it
    return head.lower_ in expectations and head.pos_ == "ADJ" or any(
        ch.dep_ in ("oprd", "acomp") and ch.lower_ in expectations for ch in head.children)


def _stated_stance(span: tuple[int, int], doc: Document) -> bool:
    """The act's verb chain carries a modal of stance ("would", "will": ``stance_modal``
    in filter_cues.tsv) or a negation: how a named party's own intent or refusal is told
    in reported speech, not a writer's guess."""
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return False
    stance = load_filter_cues().get("stance_modal", frozenset())
    return any(ch.dep_ == "neg" or (ch.dep_ == "aux" and ch.lower_ in stance)
               for tok in _prediction_carriers(chars.root) for ch in tok.children)


def habitual(event: Event, doc: Document, adverbs: frozenset[str]) -> bool:
    """Every mention of the event is made a habit by one of ``adverbs`` on its word or on
    one of the three words above it in the parse ("visiting officials typically avoid
    ...", "usually, its threats are issued through ..."): a class of acts, not a happening.
    ``rule_reasons`` drops it only when no named party does it; a named actor's habit
    ("Ruritania has typically condemned ...") is coded once as background
    (docs/annotation.md, repeated or habitual acts), see ``mark_habits``."""
    if doc.nlp is None or not adverbs:
        return False
    return all(_made_habit(span, doc, adverbs) for span in
               ([m.span for m in event.mentions] or [event.trigger.span]))


def _under_prediction(span: tuple[int, int], doc: Document, modals: frozenset[str],
                      expectations: frozenset[str]) -> bool:
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return False
    trigger = chars.root
    if trigger.tag_ == "VBD" or _perfect(trigger.children):
        # a past act, however hedged ("probably attacked", "is likely to have attacked"):
        # docs/annotation.md 6 codes it as hypothetical
        return False
    for tok in _prediction_carriers(trigger):
        children = list(tok.children)
        if any(ch.dep_ == "aux" and ch.lower_ in modals for ch in children) and not _perfect(children):
            return True
        if tok is not trigger and (tok.lemma_.lower() in expectations or tok.lower_ in expectations):
            return True
        if any(ch.dep_ in ("advmod", "amod") and ch.lower_ in expectations for ch in children):
            return True
    return False


def _prediction_carriers(tok):
    """The trigger and the words that carry it up to its clause (``_PREDICTION_DEPS`` and a
    "to" infinitive parsed as a clause; a gerund under a preposition climbs to the
    preposition's head)."""
    return writer_voice.carrier_chain(tok, _PREDICTION_DEPS, _CCOMP)


def _perfect(children) -> bool:
    """A perfect "have" among a verb's auxiliaries ("may have used"): a past act, hedged."""
    return any(ch.dep_ == "aux" and ch.lemma_.lower() == "have" for ch in children)


def _made_habit(span: tuple[int, int], doc: Document, adverbs: frozenset[str]) -> bool:
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return False
    nouns = load_filter_cues().get("habitual_noun", frozenset())
    return any((ch.dep_ in ("advmod", "npadvmod") and ch.lower_ in adverbs)
               or (ch.dep_ == "npadvmod" and ch.lower_ in nouns and _all_the(ch))
               for t in _habit_carriers(chars.root) for ch in t.children)


def _all_the(noun) -> bool:
    """"all the time" as a habit, not as a stretch ("all the time they were there")."""
    children = list(noun.children)
    return any(g.lower_ == "all" for g in children) and not any(g.dep_ in ("relcl", "acl") for g in children)


def _habit_carriers(tok) -> list:
    """The trigger and up to three words above it whose adverb speaks of it too; climbing
    stops at a noun argument, so an event noun governed by a habitual verb is not a habit
    itself ("typically condemned the [attacks]": the attacks are a happening)."""
    carriers = [tok]
    while len(carriers) < 4 and tok.dep_ not in _ARGUMENT_DEPS and tok.head is not tok:
        tok = tok.head
        carriers.append(tok)
    return carriers


#: dependencies of a noun argument: an adverb of its governing verb does not reach it
_ARGUMENT_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "dative", "oprd"})


def _political_quote(event: Event, doc: Document) -> bool:
    """The event sits in a quote whose speaker has a country, sector or known actor."""
    if not event.quote:
        return False
    speaker = next((q.speaker for q in doc.quotes if q.id == event.quote), None)
    return speaker is not None and bool(speaker.country or speaker.sector or speaker.actor_id)


def _named_party(actor: Optional[Actor]) -> bool:
    """An actor with a country, sector or known actor: a party an analyst can code."""
    return actor is not None and bool(actor.country or actor.sector or actor.actor_id)


def mark_habits(doc: Document, kb) -> None:
    """A named party's habitual act stays, flagged background: an analyst codes a repeated
    or habitual act once, as background (docs/annotation.md), not as news of the day."""
    if keeps_all(doc) or kb is None or getattr(kb, "event_lexicon", None) is None:
        return
    habits = load_filter_cues().get("habitual", frozenset())
    for e in doc.events:
        if _named_party(e.source) and habitual(e, doc, habits):
            e.background = True


def _political_speaker(event: Event) -> bool:
    """The event is attributed to a speaker with a country, sector or known actor."""
    speaker = event.certainty.attributed_to
    return speaker is not None and bool(speaker.country or speaker.sector or speaker.actor_id)


def _under_modal(span: tuple[int, int], doc: Document, modals: frozenset[str]) -> bool:
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    if chars is None:
        return False
    tok = chars.root
    while True:
        if any(ch.dep_ == "aux" and ch.lower_ in modals for ch in tok.children):
            return True
        if tok.dep_ not in _CARRIER_DEPS or tok.head is tok:
            return False
        tok = tok.head


def commentary_speculation(event: Event, doc: Document, cues: "genre.GenreCues",
                           expectations: frozenset[str]) -> bool:
    """In a commentary (``meta["genre"]``), an act told in the writer's own voice -- nobody
    it is attributed to, no quote, no date of its own -- every mention of which is under a
    modal of a guess or of the future (``writer_modal``, ``future_modal``) or a word of
    ``expectations``, and not a past act ("Havana will put up a fight", "could still
    launch"): the writer's guess or advice. A party's cooperation in the plain future
    ("Obama will visit Ramallah") is a reported plan and needs a modal of a guess. In a
    news report the narrower "prediction" rule applies."""
    if doc.nlp is None or doc.article.meta.get("genre", {}).get("label") != "commentary":
        return False
    if event.certainty.attributed_to is not None or event.quote:
        return False
    if event.date is not None and not event.date.inferred:
        return False
    modals = cues.writer_modals
    if not ((event.type in cues.scheduled_types and event.source is not None) or _named_party(event.source)):
        # any party read, even one the actor layer could not tie to a country (an
        # explainer's "Obama will visit Ramallah" with the name read from the text only)
        modals = modals | cues.future_modals
    return all(_under_prediction(span, doc, modals, expectations)
               for span in ([m.span for m in event.mentions] or [event.trigger.span]))


NONACT_CUES_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "cues" / "nonacts.tsv"
#: the kinds of word set of the negation, state and description rules (nonacts.tsv)
NONACT_CUE_KINDS = ("commissive_verb", "pending_adverb", "cessation_word", "reception_verb", "reception_prep",
                    "visitor_noun", "measure_noun", "anaphoric_determiner", "right_claim_noun", "right_prep",
                    "right_noun", "topic_verb", "counterpart_prep", "channel_noun", "assembly_noun",
                    "directive_noun")
#: modals under which a negation is a stated refusal ("will not promise", "would not sign")
_REFUSAL_MODALS = frozenset({"will", "wo", "would", "shall", "can", "ca", "could"})
#: the event types of a standing relation that a cessation ("no longer cooperates") ends
_RELATION_TYPES = frozenset({"COOPERATE", "SUPPORT", "AGREE", "CONSULT", "AID", "REJECT"})


@lru_cache(maxsize=4)
def load_nonact_cues(path: Path = NONACT_CUES_PATH) -> dict[str, frozenset[str]]:
    """The word sets of the negated-act, state and description rules by kind; an unknown
    kind or an empty row is an error that names the file and line."""
    cues: dict[str, frozenset[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or fields[0] not in NONACT_CUE_KINDS or not fields[1].split():
            raise ValueError(f"{path}:{number}: expected 'kind<TAB>words' with kind one of "
                             f"{', '.join(NONACT_CUE_KINDS)}; fix this line")
        cues[fields[0]] = cues.get(fields[0], frozenset()) | frozenset(fields[1].split())
    return cues


def nonact_reason(event: Event, doc: Document, cues: Optional[dict[str, frozenset[str]]] = None) -> Optional[str]:
    """Why the event is no act, when every mention of it is one of these (else None):

    * ``"negated"``: a REJECT that is only a negated commitment told in the past or present
      ("has never pledged troops", "did not offer any concession"), or a negated response
      still pending ("still has not signed the accord"): what a party has not done, not a
      refusal (docs/annotation.md 2); "will not promise", "refused to sign" stay;
    * ``"state"``: a relation a party has "no longer" in the simple present ("no longer
      cooperate with the border police"), or cooperation told in the simple present with no date ("the
      two services share intelligence"): a state of affairs (docs/annotation.md 10);
    * ``"reception"``: a SUPPORT on a verb of receiving a visitor told in the passive or at
      a place ("was welcomed by officials", "greeted at the airport"): the ceremony of a
      visit, not support ("welcomed the decision" stays); dropped when the article codes
      the visit, else made the visit (``receptions_as_visits``);
    * ``"description"``: an ACCUSE on a past participle that describes a noun, with no
      accuser ("officials accused of involvement in ..."): who the people are, not an
      accusation made ("were accused by the prosecutor" stays);
    * ``"effect"``: an act whose grammatical subject is a measure, in the simple present
      ("these measures target the oligarchs", "the new sanctions freeze the assets"), when the
      measure is one the text has already named (a demonstrative: ``anaphoric_determiner``) or
      that is coded as an event of its own (the subject is a trigger, or an earlier trigger has
      its word): what the measure does, not a further act; "the new law bans all protests"
      (the law coded nowhere else) stays, the ban being the act coded;
    * ``"topic"``: a CONSULT on a verb of discussing with a topic as its object and no
      counterpart ("the cabinet discussed the new sanctions", "an article discussing the
      aid", "while discussing the agreement"): one party or a text talking about something,
      not talks (PLOVER CONSULT is between actors); "discussed the dispute with Museveni",
      "Ruto and Museveni discussed", "the two presidents discussed trade by phone" stay."""
    if doc.nlp is None:
        return None
    cues = load_nonact_cues() if cues is None else cues
    roots = [_root_of(span, doc) for span in ([m.span for m in event.mentions] or [event.trigger.span])]
    if any(r is None for r in roots):
        return None
    tests = (("negated", lambda t: event.type == "REJECT" and _negated_not_refused(t, cues)),
             ("state", lambda t: event.type in _RELATION_TYPES and _ceased(t, cues)),
             ("state", lambda t: event.type == "COOPERATE" and _standing_relation(t, event)),
             ("reception", lambda t: event.type == "SUPPORT" and _reception(t, cues)),
             ("description", lambda t: event.type == "ACCUSE" and _describing_participle(t)),
             ("effect", lambda t: _measure_effect(t, cues, lambda: _coded_words(event, doc))),
             ("topic", lambda t: event.type == "CONSULT" and _topic_only(t, cues)))
    for reason, test in tests:
        if all(test(r) for r in roots):
            return reason
    return None


def _root_of(span: tuple[int, int], doc: Document):
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    return chars.root if chars is not None else None


def _negated_not_refused(tok, cues: dict[str, frozenset[str]]) -> bool:
    """A verb negated by "not"/"never" with no modal of a refusal on it: a commissive verb
    ("did not promise", "has never pledged"), or any verb whose negation is pending ("has
    yet signed", "still has not signed")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    children = list(tok.children)
    if not any(ch.dep_ == "neg" for ch in children):
        return False
    if any(ch.dep_ == "aux" and ch.lower_ in _REFUSAL_MODALS for ch in children):
        return False  # "will not promise", "would not sign": a stated refusal
    if tok.lemma_.lower() in cues.get("commissive_verb", frozenset()):
        return True
    return any(ch.dep_ == "advmod" and ch.lower_ in cues.get("pending_adverb", frozenset()) for ch in children)


def _topic_only(tok, cues: dict[str, frozenset[str]]) -> bool:
    """A verb of discussing (``topic_verb``) with a topic as its object and no counterpart:
    one party, or a text, talking about something ("the cabinet discussed the sanctions",
    "an article discussing the aid", "while discussing the agreement"), not talks between
    parties. A counterpart is a with/between/among phrase anywhere in the clause outside
    the subject ("discussed the dispute with Museveni"), a coordinated or plural subject
    ("Ruto and Museveni discussed", "the two presidents discussed", "they discussed"), a
    body of several parties in session (``assembly_noun``: "the Security Council discussed"),
    "by" phone (``counterpart_prep``), or "to" someone in a clause that names a channel
    (``channel_noun``: "on the phone to the Russian president"); an infinitive ("in Washington to discuss the mission")
    is the aim of a meeting or visit, whose counterpart the clause need not name."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in cues.get("topic_verb", frozenset()):
        return False
    if any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children):
        return False  # "a delegation was in Washington to discuss ...": the aim of a meeting or visit
    if not any(ch.dep_ == "dobj" for ch in tok.children):
        return False  # "the leaders discussed for hours": no topic named
    subject = next((ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and tok.dep_ in ("acl", "relcl"):
        subject = tok.head  # "an article discussing the funds"
    if subject is None and tok.dep_ == "advcl":
        subject = next((ch for ch in tok.head.children if ch.dep_ == "nsubj"), None)  # "while discussing"
    if subject is None or subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we", "both") \
            or any(ch.dep_ == "conj" for ch in subject.children) \
            or subject.lemma_.lower() in cues.get("assembly_noun", frozenset()):
        return False  # several parties, or a body of several in session ("the Security Council")
    inside_subject = {t.i for t in subject.subtree} if subject.head.i == tok.i else set()
    preps = cues.get("counterpart_prep", frozenset())
    clause = [t for t in tok.subtree if t.i not in inside_subject]
    if any(t.lemma_.lower() in cues.get("channel_noun", frozenset()) for t in clause):
        preps = preps | {"to"}  # "on the phone to the Russian president" (the parse may hang "to" on the verb)
    return not any(t.dep_ == "prep" and t.lower_ in preps for t in clause)


def _ceased(tok, cues: dict[str, frozenset[str]]) -> bool:
    """"no longer cooperates", "does not ... anymore" on a verb in the simple present."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBP", "VBZ", "VB"):
        return False
    children = list(tok.children)
    if any(ch.dep_ in ("aux", "auxpass") and ch.lower_ not in ("do", "does") for ch in children):
        return False  # "will no longer cooperate": not a present state
    words = cues.get("cessation_word", frozenset())
    return any(ch.lower_ in words and (ch.dep_ == "advmod" and (
        any(g.dep_ == "neg" for g in ch.children) or any(g.dep_ == "neg" for g in children)))
        for ch in children)


def receptions_as_visits(doc: Document, kb) -> None:
    """A welcome of a visitor (``_reception``: "was welcomed by Chinese officials at the
    airport") is part of a visit (docs/annotation.md 10: a visit and the meetings during it
    are one CONSULT): when the article codes no CONSULT between the two parties, the
    SUPPORT becomes that visit, CONSULT from the host, the agent of the welcome
    (docs/annotation.md 5; CAMEO 043 "host a visit"), to the visitor; when it does, the
    reception is left to ``nonact_reason`` to drop as part of it. In articles only."""
    if keeps_all(doc) or kb is None or getattr(kb, "event_lexicon", None) is None or doc.nlp is None:
        return
    cues = load_nonact_cues()
    for e in doc.events:
        if e.type != "SUPPORT" or e.source is None or e.target is None:
            continue
        roots = [_root_of(span, doc) for span in ([m.span for m in e.mentions] or [e.trigger.span])]
        if any(r is None or not _reception(r, cues) for r in roots):
            continue
        if not any(o.type == "CONSULT" and _same_pair(o, e) for o in doc.events):
            e.type, e.mode = "CONSULT", None


def _same_pair(one: Event, other: Event) -> bool:
    """Two events between the same two parties, by country (else by name), either way."""
    def key(actor):
        return None if actor is None else (actor.country or actor.text)
    pair = {key(one.source), key(one.target)}
    return None not in pair and pair == {key(other.source), key(other.target)}


def _standing_relation(tok, event: Event) -> bool:
    """Cooperation told in the simple present with no date ("the two services share
    intelligence", "Oslo and Stockholm cooperate closely on ..."): how two parties stand,
    not an act of the news period (docs/annotation.md 10: stances and states of affairs)."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBP", "VBZ") or (event.date is not None and not event.date.inferred):
        return False
    return not any(ch.dep_ in ("aux", "auxpass") for ch in tok.children)


def _reception(tok, cues: dict[str, frozenset[str]]) -> bool:
    """A verb of receiving a visitor in the passive ("was welcomed by the president") or
    with the place of the reception ("greeted him at the airport") and no act as its
    object ("welcomed the decision at the summit" stays)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in cues.get("reception_verb", frozenset()):
        return False
    children = list(tok.children)
    passive = any(ch.dep_ == "auxpass" for ch in children) or tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBN"
    placed = any(ch.dep_ == "prep" and ch.lower_ in cues.get("reception_prep", frozenset()) and any(
        g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in ch.children) for ch in children)
    received = [ch for ch in children if ch.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ in ("acl", "relcl"):
        received.append(tok.head)  # "the Emir, welcomed at the palace"
    if any(ch.dep_ == "agent" for ch in children):
        passive = True  # "the Emir, welcomed by the king, ...", which the parser may read as active
        received += [ch for ch in children if ch.dep_ == "nsubj"]
    if not received or not all(_a_visitor(r, cues.get("visitor_noun", frozenset())) for r in received):
        return False  # "welcomed the decision", "'outreach' is welcomed": praise of an act
    return passive or placed


def _a_visitor(tok, nouns: frozenset[str]) -> bool:
    """A person or a party who can be received: a name of a person, country or body, a
    personal pronoun, or a noun of a visitor (``visitor_noun``: "the president", "the
    delegation")."""
    return tok.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or tok.tag_ == "PRP" \
        or tok.lemma_.lower() in nouns


def _describing_participle(tok) -> bool:
    """A past participle that modifies a noun, with no "by" agent: "officials accused of
    involvement", "the men suspected of the attack" describe them."""
    return tok.tag_ in ("VBN", "VBD") and tok.dep_ == "acl" and not any(ch.dep_ == "agent" for ch in tok.children)


def _measure_effect(tok, cues: dict[str, frozenset[str]], coded) -> bool:
    """A verb in the simple present (no auxiliary) whose subject is a measure noun the text
    has named before or codes of its own ("these measures target ...", "the new sanctions
    freeze ..." with "sanctions" a trigger): its effect. ``coded()`` gives the coded words
    (computed only for a measure subject)."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBP", "VBZ", "VB"):
        return False
    children = list(tok.children)
    if any(ch.dep_ in ("aux", "auxpass") for ch in children):
        return False  # "the sanctions will target", "was banned by the law": not a present effect
    nouns = cues.get("measure_noun", frozenset())
    anaphoric = cues.get("anaphoric_determiner", frozenset())
    return any(ch.dep_ == "nsubj" and (ch.lower_ in nouns or ch.lemma_.lower() in nouns) and (
        any(d.dep_ == "det" and d.lower_ in anaphoric for d in ch.children) or ch.lemma_.lower() in coded())
        for ch in children)


def _coded_words(event: Event, doc: Document) -> frozenset[str]:
    """The lemmas of the other events' one-word triggers up to this event's sentence: the
    measures the text codes of their own ("imposed sanctions ... those sanctions restrict",
    "the new sanctions freeze ...")."""
    end = event.sentence.span[1]
    words = set()
    for e in doc.events:
        if e is not event and e.trigger.span[0] < end:
            root = _root_of(e.trigger.span, doc)
            if root is not None:
                words.add(root.lemma_.lower())  # "imposed an embargo": the embargo
                words.update(t.lemma_.lower() for t in root.children if t.dep_ == "dobj")
    return frozenset(words)


def _trigger_lemma(event: Event, doc: Document) -> str:
    """The lemma of a one-word trigger (its lower-case text when the parse is absent)."""
    start, end = event.trigger.span
    span = doc.nlp.char_span(start, end, alignment_mode="expand") if doc.nlp is not None else None
    if span is None:
        return event.trigger.text.lower()
    return span[0].lemma_.lower() if len(span) == 1 else ""


def _saying_verbs(kb) -> frozenset[str]:
    """The lexicon's verbs of saying and evaluating ("said", "added", "warned")."""
    words = kb.event_lexicon.words
    return words.saying_verbs | words.evaluating_verbs


def rule_reasons(doc: Document, kb) -> dict[int, str]:
    """``id(event) -> reason`` for the events a rule drops: in articles only (not
    ``keeps_all``), and with the knowledge base's lexicon (none for a hand-made document)."""
    if keeps_all(doc) or kb is None or getattr(kb, "event_lexicon", None) is None:
        return {}
    saying = _saying_verbs(kb)
    condition = statement_cues().get("condition")
    marks = condition.words if condition is not None else frozenset()
    cues = load_filter_cues()
    modals = cues.get("speculation", frozenset())
    predictions, expectations = cues.get("prediction", frozenset()), cues.get("expectation", frozenset())
    habits = cues.get("habitual", frozenset())
    questions = cues.get("indirect_question", frozenset())
    genre_cues = genre.load_genre_cues()
    reasons = {}
    for e in doc.events:
        if conditional(e, doc, marks):
            reasons[id(e)] = "condition"
        elif speculative(e, doc, modals):
            reasons[id(e)] = "speculation"
        elif predicted(e, doc, predictions, expectations):
            reasons[id(e)] = "prediction"
        elif commentary_speculation(e, doc, genre_cues, expectations):
            reasons[id(e)] = "commentary_speculation"
        elif habitual(e, doc, habits) and not _named_party(e.source):
            reasons[id(e)] = "habitual"
        elif opinion(e, doc, cues):
            reasons[id(e)] = "opinion"
        elif purpose(e, doc, cues.get("purpose_noun", frozenset())):
            reasons[id(e)] = "purpose"
        elif asked(e, doc) or in_indirect_question(e, doc, questions):
            reasons[id(e)] = "question"
        elif casualty_count(e, doc, cues.get("injury_verb", frozenset())):
            reasons[id(e)] = "casualty"
        elif denial(e, doc, cues):
            reasons[id(e)] = "denial"
        elif negated_state(e, doc, cues.get("duration_prep", frozenset())):
            reasons[id(e)] = "state"
        elif (nonact := nonact_reason(e, doc)) is not None:
            reasons[id(e)] = nonact
        elif resignation(e):
            reasons[id(e)] = "resignation"
        # after the narrower rules, so that their reasons stay what they were
        elif writer_voice.writer_speculation(e, doc):
            reasons[id(e)] = "writer_speculation"
        elif commentator_statement(e, doc, saying):
            reasons[id(e)] = "unaffiliated speaker"
        elif partyless(e):
            reasons[id(e)] = "no party"
    return reasons


def apply_rules(doc: Document, kb) -> dict[int, str]:
    """The rules' part of the stage on an article: receptions told as visits, then
    ``id(event) -> reason`` for the events a rule drops, then habits marked as background.
    Shared with scripts/train_event_filter.py, so the model learns from the candidates
    the rules leave, as the stage applies it."""
    receptions_as_visits(doc, kb)
    reasons = rule_reasons(doc, kb)
    mark_habits(doc, kb)
    return reasons


def run(doc: Document, kb=None) -> Document:
    """Score every event; unless ``keeps_all(doc)``, drop those under the threshold and
    those a rule drops (``rule_reasons``)."""
    if not doc.events:
        return doc
    model = load_model()
    features = document_features(doc, model_feature_version(model.header))  # the reading it learned
    scored = list(zip(doc.events, map(model.probability, features)))
    if keeps_all(doc):
        doc.article.meta["event_filter"] = {"dropped": 0, "kept": len(scored), "threshold": model.threshold,
                                            "applied": False}
        return doc
    reasons = apply_rules(doc, kb)
    applies = APPLY_MODEL and model_wins(model)
    low = {id(e) for e, p in scored if applies and p < model.threshold}
    dropped = [(e, p) for e, p in scored if id(e) in low or id(e) in reasons]
    doc.events = [e for e, p in scored if id(e) not in low and id(e) not in reasons]
    doc.article.meta["event_filter"] = {
        "dropped": len(dropped), "kept": len(doc.events), "threshold": model.threshold, "applied": True,
        "model_applied": applies,
        "dropped_events": [{"type": e.type, "trigger": e.trigger.text, "span": list(e.trigger.span),
                            "probability": round(p, 3),
                            **({"reason": reasons[id(e)]} if id(e) in reasons else {})}
                           for e, p in dropped]}
    return doc
