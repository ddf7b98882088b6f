"""One event per happening per article.

News repeats itself: the lead reports a strike, paragraph six recaps it, a quote calls it
"the attack", the last paragraph says "the strikes". Each mention is found as a draft
event; this module groups the drafts that report the same happening into one
:class:`~sitrep.model.Event` whose ``mentions`` list every trigger span (text order, the
first one being ``trigger``) and whose roles, date and place are the best specified
among the mentions -- a role missing in one mention is filled from the others.

A draft joins the latest happening before it that is *compatible* -- the same type (or
a nominal mention of an act the happening announced: "will withdraw ... the
withdrawal"), the same background status, the same governing act (a threatened strike is
not the strike), compatible actors (the same country or person, the same kind of party,
or one unknown), compatible dates (when both carry a date of their own, one contains the
other), for physical acts compatible places, no sequence between them (one mention in an
"after"/"before"/"since" clause or phrase of the other's own verb: "launched airstrikes
after the assault had ceased"), and, for a verb, no object of another country than every
object the happening acted on ("seized a Panamanian-flagged tanker ... seized a
British-flagged tanker"), nor, for a verb marked "also", a thing acted on or a place the
happening was not told with ("seized the port ... also seized the airport") -- and for
which there is *evidence* of
identity: a definite or possessive event noun ("the attack", "Tuesday's strike"), a
shared named party, the same sentence, the same date of its own, or a casualty verb
right after the act ("... 22 people were killed"). A mention marked as new ("another
attack", "a second strike", "new sanctions", "struck again", "an earlier attack") starts a
happening of its own; "the new sanctions" (and "the new limited sanctions": only marking
words count) names the ones just told, and so does a bare "new sanctions" repeating the
mark and the word of a happening itself told as new.

A definite mention is a *reference* ("the strike", "made the offer", "Tuesday's raid"):
it joins the act it names wherever its sentence places the speaker, lends no place to it,
and, when its own doer was not read, goes to the act of the party its sentence names. A
bare event noun repeating the word of an act told ("clashes ... clashes") names it again;
an official and the state body doing the same material act with the same word share a
party. A demand, refusal or expulsion the same party restates in other words within a
few sentences, with the same content ("called on Sweden to free the fishermen ... urged
the Swedish government to free them"; ``restated``), is one happening too. The words these
rules read are in ``knowledge/data/merge/words.tsv``.

A mention told as past (its own date, a marker) and one told as news are kept apart ("the
2013 attack is not today's"), unless both name the same doer and the same recipient and
share the act's word (``_same_dyad_again``, session 19).

Afterwards a reaction to an event ("Russia condemned the strikes", "criticism of the
operation") gets as its target whoever carried that event out.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from sitrep.knowledge.merge_words import merge_words
from sitrep.model import Actor, Event, Place, Time

#: how many sentences after a happening's latest mention a casualty verb is its outcome
OUTCOME_SENTENCES = 3
#: how far (in sentences) a party's restated demand, refusal or expulsion may lie from the
#: happening's latest mention: the same or the next paragraph
RESTATEMENT_SENTENCES = 4
#: two trigger words share a stem ("dismantle" / "dismantlement", "negotiate" /
#: "negotiations") when they agree on at least this many first letters ...
STEM_MIN = 4
#: ... and the shorter word has at most this many letters past the shared part
STEM_SLACK = 1


@dataclass
class Draft:
    """One mention of an event, with what grouping needs to know about it."""
    event: Event
    head: int  # token index of the trigger head
    objects: list[int] = field(default_factory=list)  # token indices of its object phrases
    date_attached: bool = False  # its date is read in its sentence, attached to it
    own_date: Optional[Time] = None  # a date read in its own sentence
    distinct: bool = False  # "another attack": a new happening
    governed_by: Optional[str] = None  # the type of the act it is the content of
    base_type: str = ""  # the trigger's type before PLOVER's future coding
    nominal: bool = False  # an event noun, not a verb
    irrealis: bool = False  # an infinitive or modal verb: a planned or possible act
    definite: bool = False  # "the attack", "its offensive", "Tuesday's strike"
    casualty: bool = False  # "were killed", "wounded": the outcome of an attack
    sentence: int = 0  # index of its sentence in the document
    period: Optional[str] = None  # "past" (background), "news", or None (nothing said)
    specific: bool = False  # names its recipient, even one that is no actor ("attacks on ships")
    stated: bool = False  # "did not confirm the attack": its source is who states, a guess
    lemma: str = ""  # the trigger head's lemma ("accuse", "strike")
    object_words: frozenset[str] = frozenset()  # lemmas of its object nouns ("site", "embassy")
    modifiers: frozenset[str] = frozenset()  # lower-case determiners and modifiers of its head
    #: lemmas of what a statement is about: the nouns and verbs of its complements and
    #: objects ("urged him to block Chinese investments": block, investment)
    content_words: frozenset[str] = frozenset()
    #: token index of the verb that an "after"/"before"/"since" clause or phrase holding
    #: the trigger is attached to (``sequence_host``), -1 outside any: the act of that
    #: verb and this one are told in sequence
    sequence_host: int = -1
    #: a span measures that clause's distance from its verb ("hours after", "two days after")
    sequence_measured: bool = False
    #: token indices of the words telling the act's own time: the trigger head, its light
    #: verb, the verb an event noun is the subject of (``events._own_verbs``)
    anchors: frozenset[int] = frozenset()
    #: countries named inside the phrase acted on ("a Panamanian-flagged tanker", "a
    #: Yemeni port"; ``events._acted_on_countries``), whether or not one was read as target
    object_countries: frozenset[str] = frozenset()

    @property
    def reference(self) -> bool:
        """A definite mention of an act ("the strike", "that attack", "made the offer",
        "Tuesday's raid"): it names a happening, it does not report a new one."""
        return self.definite

    def new_happening(self, determiners: frozenset[str], markers: frozenset[str] = frozenset()) -> bool:
        """Marked as another act than the ones told: "another attack", "a second strike",
        "new sanctions", "survivors of an earlier attack". A definite mention whose only
        mark is novelty names the act just reported ("the new sanctions come amid ...",
        "the new limited sanctions": a describing word such as "limited" or "economic" is
        no mark). ``markers``: the words that mark another act (``distinct_markers``);
        empty, every modifier counts as one."""
        words = merge_words()
        if not self.definite and self.modifiers & words.anterior_markers:
            return True
        if not self.distinct:
            return False
        marks = self.modifiers - determiners
        if markers:
            marks &= markers
        return not (self.definite and marks and marks <= words.novelty_markers)

    def renames_new_act(self, h: "Happening", markers: frozenset[str]) -> bool:
        """A mention marked only as new ("new sanctions against Iran") repeating the word and
        the mark of a happening itself told as the new act ("the new sanctions against
        Iran"): novelty is relative to the acts before, so the two name one act. Another
        mark says more than the act told ("the new sanctions ... will pursue additional
        sanctions"): another act."""
        marks = self.modifiers & markers
        return bool(marks) and marks <= merge_words().novelty_markers \
            and not self.modifiers & merge_words().anterior_markers \
            and any(same_stem(x.lemma, self.lemma) and marks <= x.modifiers for x in h.drafts)


@dataclass
class Happening:
    drafts: list[Draft]
    type: str = ""
    source: Optional[Actor] = None
    target: Optional[Actor] = None
    date: Optional[Time] = None
    date_attached: bool = False
    place: Optional[Place] = None
    last_sentence: int = 0

    @property
    def first(self) -> Draft:
        return self.drafts[0]

    @property
    def periods(self) -> set[str]:
        return {d.period for d in self.drafts if d.period}

    @property
    def background(self) -> bool:
        return "past" in self.periods

    def roleless_topic(self, objects_of_others: set[int]) -> bool:
        """Only bare, indefinite event nouns with no party, no date of their own, no place,
        no recipient phrase, and no other event about them ("while sanctions appear to
        be the strongest tool"): a topic, not a happening."""
        return (all(d.nominal and not d.definite and not d.specific for d in self.drafts)
                and self.source is None and self.target is None and self.place is None
                and not any(d.date_attached or d.period for d in self.drafts)
                and not any(d.head in objects_of_others for d in self.drafts))

    def add(self, d: Draft) -> None:
        self.drafts.append(d)
        ev = d.event
        if not self.type or (ev.type != d.base_type and self.type == d.base_type):
            self.type = ev.type  # "will withdraw" names the happening better than "withdrawal"
        if not (d.stated and self.drafts[:-1]):  # a recap does not name the doer
            self.source = _better_actor(self.source, ev.source)
        self.target = _better_actor(self.target, ev.target)
        if _date_rank(ev.date, d.date_attached) > _date_rank(self.date, self.date_attached):
            self.date, self.date_attached = ev.date, d.date_attached
        if not (d.reference and self.drafts[:-1] and self.place is not None):
            self.place = _better_place(self.place, ev.place)  # "the strike", told in Geneva
        self.last_sentence = max(self.last_sentence, d.sentence)


def group(drafts: list[Draft], lex) -> list[Happening]:
    """Drafts (in text order) -> happenings, each draft joining the latest compatible
    happening for which there is evidence of identity."""
    happenings: list[Happening] = []
    markers = lex.words.distinct_markers
    for d in drafts:
        new = d.new_happening(lex.words.definite_determiners, markers)
        homes = [h for h in reversed(happenings) if (not new or d.renames_new_act(h, markers))
                 and compatible(h, d, lex) and same_happening(h, d, lex)]
        home = _named_home(homes, d) or next(iter(homes), None)
        if home is None:
            home = Happening([])
            happenings.append(home)
        home.add(d)
    return happenings


def _named_home(homes: list[Happening], d: Draft) -> Optional[Happening]:
    """For a reference whose doer was not read ("Maduro made the offer" with the subject
    missed), the latest candidate whose doer the reference's sentence names; else None
    (the latest candidate is taken)."""
    if not d.reference or d.event.source is not None or len(homes) < 2:
        return None
    words = set(re.findall(r"\w+", d.event.sentence.text))
    return next((h for h in homes if any(_name_words(x.event.source) & words for x in h.drafts
                                         if x.event.source is not None)), None)


def _name_words(actor: Actor) -> set[str]:
    """The capitalised words of an actor's name ("Nicolás Maduro" -> Nicolás, Maduro)."""
    return {w for w in re.findall(r"\w+", actor.name or "") if w[:1].isupper() and len(w) > 2}


def compatible(h: Happening, d: Draft, lex) -> bool:
    """Nothing in the two says they are different happenings."""
    ev, first = d.event, h.first
    if not _types_compatible(h, d):
        return False
    if d.period and {d.period} | h.periods == {"past", "news"} and not _same_dyad_again(h, d, lex.sector_families):
        return False  # the 2013 attack is not today's
    if d.governed_by != first.governed_by:
        return False
    if any(_in_sequence(x, d, lex.sector_families) for x in h.drafts):
        return False  # "after the assault had ceased, a fighter launched airstrikes": two acts
    if not d.reference and _objects_differ(h, d):
        return False  # "seized a Panamanian tanker ... seized a British tanker": two seizures
    if _one_more(h, d):
        return False  # "seized the peninsula ... also seized the airport": another seizure
    families = lex.sector_families
    source = None if d.stated else ev.source  # who confirms or denies an act may not be its doer
    if not actors_compatible(h.source, source, families) or not actors_compatible(h.target, ev.target, families):
        return False
    if _reversed(h, ev):
        return False  # "Moscow would prepare a response ... sanctions on Russia will follow": two acts
    own = [x.own_date for x in h.drafts if x.own_date is not None]
    if d.own_date is not None and own and not any(
            dates_compatible(o, d.own_date) or (d.reference and adjacent_days(o, d.own_date)) for o in own):
        return False  # "visited Nicaragua in 1985" is not the visit of 2009
    if h.type in lex.types_of("physical") and not d.reference \
            and not places_compatible(h.place, ev.place, lex.words.point_place_features):
        return False  # a reference's sentence often places its speaker, not the act
    return True


def _same_dyad_again(h: Happening, d: Draft, families: Optional[dict]) -> bool:
    """The draft tells the happening's act again with the same word (or its event noun)
    between the same two named parties ("Arkan phoned the Velmoran premier ... on June 3,
    the day Arkan phoned the premier, ..."): one mention told as news and one placed
    earlier by a date of its own are one act when doer, recipient and word agree
    (docs/annotation.md 3: code each happening once). A date of its own that differs still
    keeps them apart (``compatible`` checks dates after this), and so does a recipient or a
    doer left unread on either side (a past act of the same doer may have had another)."""
    ev = d.event
    if ev.source is None or ev.target is None or h.source is None or h.target is None:
        return False  # one party unread: a recap and a past act of the same doer may differ
    past = [x for x in h.drafts + [d] if x.period == "past"]
    if not all(x.own_date is not None for x in past):
        # placed earlier by a marker alone ("had previously struck"): an earlier act of the same
        # two parties, not today's told again; joined, today's act would turn background (review)
        return False
    if not any(same_stem(x.lemma, d.lemma) for x in h.drafts):
        return False
    return _shared_party(h.source, ev.source, families) and _shared_party(h.target, ev.target, families)


def _reversed(h: Happening, ev: Event) -> bool:
    """The draft, a threat with no doer named, is aimed at the state that does the happening and
    that state is the happening's only party (no target, or a target of its own state,
    which no_self_targets drops later): an act on the doer is not the doer's own act (a
    threat by Moscow and a threat of sanctions against Russia)."""
    if ev.type != "THREATEN" or ev.source is not None or ev.target is None or h.source is None \
            or not h.source.country:
        return False
    return h.source.country == ev.target.country and (h.target is None or h.target.country == h.source.country)


def _types_compatible(h: Happening, d: Draft) -> bool:
    if d.event.type == h.type:
        return True
    # "will withdraw" (CONCEDE) and "the withdrawal" (RETREAT): one announced act
    return d.base_type == h.first.base_type and (d.nominal or d.irrealis or all(x.nominal for x in h.drafts))


def same_happening(h: Happening, d: Draft, lex=None) -> bool:
    """Something says the draft reports the happening again."""
    if d.reference:
        return True  # "the attack", "the strikes", "Tuesday's offensive", "made the offer"
    ev = d.event
    families = lex.sector_families if lex is not None else None
    if any(x.sentence == d.sentence for x in h.drafts):
        # talks with a head of state and, in the same sentence, with the opposition:
        # two named recipients are two acts, even in one sentence
        return not _other_recipient(h, d, families)
    same_word = any(same_stem(x.lemma, d.lemma) for x in h.drafts)
    if _shared_party(h.source, ev.source) and not _other_recipient(h, d, families) \
            and (d.nominal or d.definite or not _statement(h, lex) or same_word):
        # a party speaking again in another clause ("Maduro said he defeated a coup ...
        # Maduro accused protesters of crimes") makes a new statement unless the clause
        # repeats the statement's word or names it by a noun ("the accusation"); a
        # material act told again in other words ("sanctioned ... by designating") is one
        return True
    if _summarised(h, d, families) and _shared_party(h.source, ev.source, families) \
            and not _other_recipient(h, d, families):
        return True  # "Norway and Sweden traded warnings ... Norway's premier tweeted that Sweden would pay"
    if same_word and d.object_words & _object_words(h) and not _other_recipient(h, d, families):
        return True  # "scheduled the dismantlement of its test site ... will dismantle the site"
    if same_word and d.nominal and not d.modifiers & merge_words().indefinite_determiners \
            and not _other_recipient(h, d, families):
        return True  # "dismantlement of the site ... dismantlement of the test ground"
    if same_word and not _statement(h, lex) and not _other_recipient(h, d, families) \
            and _shared_party(h.source, ev.source, families):
        # "a move recognised by the US" ... "President Trump recognised": the state and its
        # official doing the same material act; two officials' statements stay two
        return True
    if _shared_party(h.target, ev.target) and (d.nominal or (ev.source is None and h.source is None)):
        # a shared recipient alone ties an event noun ("strikes on Caracas") or two
        # doerless mentions; a clause whose doer is named or unresolved is its own act
        # ("Bolivia and Cuba condemned X" after "Maduro accused X")
        return True
    if h.date_attached and d.date_attached and h.date is not None and ev.date is not None \
            and h.date.value == ev.date.value:
        return True
    if d.casualty and h.type == "ASSAULT" and 0 <= d.sentence - h.last_sentence <= OUTCOME_SENTENCES:
        return True  # "... At least 22 people were killed"
    if restated(h, d, families):
        return True  # "refuses to allow the sale" ... "has not yet agreed to allow the sales"
    return False


def restated(h: Happening, d: Draft, families: Optional[dict] = None) -> bool:
    """The draft restates the happening's statement in other words: a type whose acts a
    party often tells twice (``restated_types``: a demand, a refusal, an expulsion), the
    same type, the same party as doer, no other recipient, within
    ``RESTATEMENT_SENTENCES`` sentences, and a shared content word ("called on Trump to
    block ..." ... "urged him to block ...")."""
    words = merge_words()
    if d.event.type != h.type or h.type not in words.restated_types:
        return False
    if not 0 <= d.sentence - h.last_sentence <= RESTATEMENT_SENTENCES:
        return False
    if _other_recipient(h, d, families) and not _same_side(h.target, d.event.target, families):
        return False  # "Sweden" and "the Swedish government" are one recipient
    source = d.event.source
    if source is None:
        # "In a letter, she urged ...": a doer the roles did not read; the recipient ties it
        if not _shared_party(h.target, d.event.target, families):
            return False
    elif not (_shared_party(h.source, source, families) or _same_side(h.source, source, families)):
        return False
    if d.modifiers & words.additive_markers:
        return False  # "also urged Ankara to halt ...": one more demand
    told = {w for x in h.drafts for w in x.content_words}
    shared = (told & d.content_words) - {_VERB_MARK + v for v in words.light_content_verbs}
    if any(not w.startswith(_VERB_MARK) for w in shared):
        return True  # the same thing demanded or refused ("free the fishermen")
    # the same verb, one side pointing back with a pronoun ("refuses to allow it" ...
    # "has not agreed to allow the sales")
    return any(w in shared and _PRONOUN_MARK + w[len(_VERB_MARK):] in told | d.content_words
               for w in told | d.content_words if w.startswith(_VERB_MARK))


def _same_side(a: Optional[Actor], b: Optional[Actor], families: Optional[dict]) -> bool:
    """Two phrases for a doer of one state and one kind of party, one or both unresolved
    ("Norway's defence minister" ... "the minister")."""
    if a is None or b is None or not a.country or a.country != b.country or families is None:
        return False
    fa, fb = families.get(a.sector or ""), families.get(b.sector or "")
    return fa is not None and fa == fb


#: parse relations of what a statement is about: its clause, its object, its prepositions
_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "dative", "oprd"})


def _pronoun_object(verb) -> bool:
    """The verb's object is a pronoun pointing back: "sign it", or the subject of the
    clause it governs ("allow it to go through")."""
    for ch in verb.children:
        if ch.dep_ == "dobj" and ch.pos_ == "PRON":
            return True
        if ch.dep_ in ("ccomp", "xcomp") and any(g.dep_ == "nsubj" and g.pos_ == "PRON" for g in ch.children):
            return True
    return False


#: how ``content_words`` marks a verb ("v:allow") and a verb whose object is a pronoun
#: pointing back ("p:allow": "allow it")
_VERB_MARK, _PRONOUN_MARK = "v:", "p:"


def content_words(head) -> frozenset[str]:
    """What a demand, refusal or expulsion is about: lemmas of the common nouns ("sale"),
    verbs ("v:allow") and verbs with a pronoun object ("p:allow") in the complements and
    objects of a trigger head, stop words aside. When the head governs a clause ("urged
    Sweden to free the fishermen") only the clause counts: the object or "on" phrase
    before it is the addressee, and names are parties, not content."""
    # the parser hangs "called on X to free ..." as an adverbial clause too
    clauses = [ch for ch in head.children if ch.dep_ in ("xcomp", "ccomp") or (
        ch.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children))]
    parts = clauses or [ch for ch in head.children if ch.dep_ in _CONTENT_DEPS]
    out = set()
    for t in (t for ch in parts for t in ch.subtree):
        if t.i == head.i or t.is_stop and t.pos_ != "VERB":
            continue
        if t.pos_ == "NOUN":
            out.add(t.lemma_.lower())
        elif t.pos_ == "VERB":
            out.add(_VERB_MARK + t.lemma_.lower())
            if _pronoun_object(t):
                out.add(_PRONOUN_MARK + t.lemma_.lower())
    return frozenset(out)


def _objects_differ(h: Happening, d: Draft) -> bool:
    """The draft acts on something of another country than everything the happening acted
    on: both name a country in the phrase acted on and the two share none ("seized a
    Panamanian-flagged tanker" ... "seized the British-flagged tanker"). The phrase tells
    two targets apart where the target role was not read."""
    told = set().union(*(x.object_countries for x in h.drafts))
    return bool(told) and bool(d.object_countries) and not told & d.object_countries


def _one_more(h: Happening, d: Draft) -> bool:
    """A verb marked as one more ("also", "too": ``additive_markers``) acting on something
    the happening was not told to act on, or in another named place: another act of the
    same kind ("Russia seized Crimea ... troops also seized the airport", "marched in
    Caracas ... also marched in Maracaibo"). A casualty verb with "also" ("the strike also
    killed two children") tells the act's outcome and stays its mention."""
    if d.nominal or d.casualty or not d.modifiers & merge_words().additive_markers:
        return False
    told = _object_words(h)
    if told and d.object_words - told:
        return True
    places = {x.event.place.name for x in h.drafts if x.event.place is not None}
    return d.event.place is not None and bool(places) and d.event.place.name not in places


def _in_sequence(a: Draft, b: Draft, families: Optional[dict] = None) -> bool:
    """One mention lies in an "after"/"before"/"since" clause or phrase of the other's own
    verb, in one sentence, and that earlier or later act is told as another act: it has a
    doer of its own who is not the other's ("shot down the jet after it dropped bombs"), a
    date of its own ("since an invasion four years ago") or a measured distance ("hours
    after", "two days after"). A bare event noun there is the same operation's earlier
    phase ("marched on parliament after a rally", "detained dozens following raids"), and
    harm told after its cause ("200 were killed after rockets hit") is its outcome: one
    happening."""
    if a.sentence != b.sentence or a.sequence_host == b.sequence_host or a.casualty or b.casualty:
        return False
    if a.sequence_host in b.anchors:
        inner, outer = a, b
    elif b.sequence_host in a.anchors:
        inner, outer = b, a
    else:
        return False
    if inner.sequence_measured or inner.own_date is not None:
        return True
    doer, other = inner.event.source, outer.event.source
    return doer is not None and other is not None and not _shared_party(doer, other, families) \
        and not _same_side(doer, other, families)


def sequence_of(head) -> tuple[int, bool]:
    """(host, measured) for an adverbial clause or a prepositional phrase told in sequence
    with the verb it is attached to, when that clause or phrase holds ``head``: its
    subordinator or preposition is a ``sequence_markers`` word. ``host`` is the token
    index of that verb ("a fighter launched airstrikes after the assault had ceased":
    ``launched``; "retaliated following the raid": ``retaliated``), -1 when there is no
    such clause; ``measured`` says a span measures the distance ("hours after", "two days
    after", "a week before"). The act of the host verb and the act inside may be two
    happenings (``_in_sequence``); an act of another clause ("the attack ... the narrative
    put out following the strike") is not in sequence with it."""
    markers = merge_words().sequence_markers
    tok = head
    while tok.head.i != tok.i:
        if tok.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ in markers for ch in tok.children):
            return tok.head.i, any(ch.dep_ == "npadvmod" for ch in tok.children)
        if tok.dep_ == "prep" and tok.lower_ in markers:
            return tok.head.i, any(ch.dep_ == "npadvmod" for ch in tok.children)
        tok = tok.head
    return -1, False


def same_stem(a: str, b: str) -> bool:
    """The same lemma, or one derived from the other: "dismantle" / "dismantlement",
    "negotiate" / "negotiation", "withdraw" / "withdrawal" (a verb and its event noun);
    the longer word adds only an ending listed in ``derivation_suffixes`` (merge/words.tsv)."""
    if a == b:
        return True
    if not a or not b:
        return False
    shared = len(os.path.commonprefix([a, b]))
    if shared < STEM_MIN or min(len(a), len(b)) - shared > STEM_SLACK:
        return False
    # what the longer word adds must be a derivational ending ("host" / "hostage" are not
    # one act named twice)
    added = max(a, b, key=len)[shared:]
    return not added or added in merge_words().derivation_suffixes


def _object_words(h: Happening) -> set[str]:
    return {w for x in h.drafts for w in x.object_words}


def _summarised(h: Happening, d: Draft, families: Optional[dict]) -> bool:
    """The happening is told so far only by event nouns ("traded hostile warnings") and
    the draft names the same recipient: the clause details the act the noun summed up."""
    return all(x.nominal for x in h.drafts) and not d.nominal \
        and _shared_party(h.target, d.event.target, families)


def object_words(sdoc, heads: list[int]) -> frozenset[str]:
    """Lower-case lemmas of the nouns among an act's object heads (pronouns say nothing
    about which thing was acted on)."""
    return frozenset(sdoc[i].lemma_.lower() for i in heads if sdoc[i].pos_ in ("NOUN", "PROPN"))


def _statement(h: Happening, lex) -> bool:
    """The happening is something said to someone (an accusation, a demand, a threat)."""
    return lex is not None and h.type in lex.types_of("addressed")


def _other_recipient(h: Happening, d: Draft, families: Optional[dict] = None) -> bool:
    """The draft and the happening name different recipients, both read in the text
    (not a state guessed from a place): another person, another group."""
    a, b = h.target, d.event.target
    if a is None or b is None or _weak(a) or _weak(b) or a.locative or b.locative:
        return False
    if _anonymous(a) or _anonymous(b):
        return False  # "more than 100 people" (the clashes' victims) names no other party
    if families is not None and {a.kind, b.kind} == {"person", "state"} and _official_of(a, b, families):
        return False  # "Iran" and its president "Rouhani": one recipient
    return a.span != b.span and _name(a) != _name(b) and not (a.kind == "state" and b.kind == "state"
                                                              and a.country == b.country)


def _anonymous(actor: Actor) -> bool:
    """An unresolved phrase for people with no party behind them ("more than 100 people",
    "civilians"): often an act's victims, never a recipient that tells two acts apart
    ("opposition leaders" names a party and does)."""
    return _unresolved(actor) and (actor.sector or "CIV") == "CIV"


def _shared_party(a: Optional[Actor], b: Optional[Actor], families: Optional[dict] = None) -> bool:
    """Both mentions name the same party (a state, a person, an organisation), or one
    names a state and the other one of its officials acting for it ("a move recognised by
    the US" and "President Trump recognised ...")."""
    if a is None or b is None or _unresolved(a) or _unresolved(b):
        return False
    if a.kind == "person" and b.kind == "person":
        return _name(a) == _name(b)
    if a.kind == "person" or b.kind == "person":
        return families is not None and _official_of(a, b, families)
    return bool(a.country and a.country == b.country) or _name(a) == _name(b)


def _official_of(a: Actor, b: Actor, families: dict[str, str]) -> bool:
    """One is a person in a state role, the other a state or state body of the same country."""
    person, other = (a, b) if a.kind == "person" else (b, a)
    return bool(person.country) and person.country == other.country \
        and families.get(person.sector or "") == "state" \
        and families.get(other.sector or "", "state") == "state"


def actors_compatible(a: Optional[Actor], b: Optional[Actor], families: dict[str, str]) -> bool:
    """Unknown on one side, or the same state, or the same person, or the same kind of
    party ("riot police" is not "protesters")."""
    if a is None or b is None or _weak(a) or _weak(b):
        return True
    if a.country and b.country and a.country != b.country:
        return False
    fa, fb = families.get(a.sector or ""), families.get(b.sector or "")
    if fa and fb and fa != fb:
        return False
    if a.kind == "person" and b.kind == "person" and not _unresolved(a) and not _unresolved(b):
        return _name(a) == _name(b)
    if not a.country and not b.country and not _unresolved(a) and not _unresolved(b):
        return _name(a) == _name(b)
    return True


def dates_compatible(a: Optional[Time], b: Optional[Time]) -> bool:
    """One value contains the other (2019-06 and 2019-06-20), or one is unknown."""
    if a is None or b is None or not a.value or not b.value:
        return True
    x, y = a.value.split("T")[0], b.value.split("T")[0]
    if "W" in x or "W" in y:
        return True  # weeks and days: not compared
    return x.startswith(y) or y.startswith(x)


def adjacent_days(a: Time, b: Time) -> bool:
    """Two day dates one day apart: "today's sanctions" in a statement written the day
    after "Monday ... announced new sanctions" (a release, a time zone) name one act."""
    try:
        x, y = (date.fromisoformat(t.value.split("T")[0]) for t in (a, b))
    except (ValueError, AttributeError, TypeError):
        return False  # a month, a year, a week: only days are compared
    return abs((x - y).days) <= 1


def places_compatible(a: Optional[Place], b: Optional[Place], points: frozenset[str]) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.feature in points and b.feature in points:
        return (a.geonameid or a.name) == (b.geonameid or b.name)
    return True


def _name(actor: Actor) -> str:
    return (actor.name or actor.text or "").lower()


def _better_actor(current: Optional[Actor], new: Optional[Actor]) -> Optional[Actor]:
    """The better specified of two mentions of a role: a resolved actor over an
    unresolved phrase, one with a country over one without; else the earlier."""
    if current is None:
        return new
    if new is None:
        return current
    return new if _actor_rank(new) > _actor_rank(current) else current


def _actor_rank(actor: Actor) -> int:
    return (2 if actor.country else 0) + (0 if _unresolved(actor) else 1)


def _weak(actor: Actor) -> bool:
    """A country guessed from the event's place, not read from the text."""
    return actor.resolved_by in ("place", "phrase+place")


def _unresolved(actor: Actor) -> bool:
    """A role phrase the actor layer did not resolve ("gunmen"), or a place's state."""
    return (actor.resolved_by or "").startswith("phrase") or actor.resolved_by == "place"


def _date_rank(time: Optional[Time], attached: bool) -> tuple:
    """Attached to the trigger, then read in the text, then finer granularity."""
    if time is None or not time.value:
        return (-1,)
    return (attached, not time.inferred, len(time.value.split("T")[0]))


def _better_place(current: Optional[Place], new: Optional[Place]) -> Optional[Place]:
    """The more precise place: a town over a country or region."""
    if current is None:
        return new
    if new is not None and _broad(current) and not _broad(new):
        return new
    return current


def _broad(place: Place) -> bool:
    return place.feature in ("country", "admin1", "region", "continent", "water")


def to_events(happenings: list[Happening], article_id: str) -> list[Event]:
    """One Event per happening, with its mentions, in the order of their first mention."""
    out = []
    objects = {i for h in happenings for d in h.drafts for i in d.objects}
    kept = [h for h in happenings if not h.roleless_topic(objects)]
    for n, h in enumerate(sorted(kept, key=lambda h: h.first.event.trigger.span), start=1):
        first = h.first.event
        date = h.date if h.date is not None else first.date
        if h.background and date is not None and date.inferred \
                and not any(d.event.background and d.event.date == date for d in h.drafts):
            # a background act keeps its own date, or the date of the story it goes on
            # with (a background mention's inferred date), or none -- never the news day
            date = None
        mentions = sorted((d.event.trigger for d in h.drafts), key=lambda m: m.span)
        figures, seen = [], set()
        for d in h.drafts:
            for q in d.event.figures:
                if q.span not in seen:
                    seen.add(q.span)
                    figures.append(q)
        out.append(Event(
            id=f"{article_id}:e{n}", type=h.type, trigger=first.trigger, sentence=first.sentence,
            mode=next((d.event.mode for d in h.drafts if d.event.mode), None),
            source=h.source, target=h.target, date=date, place=h.place, figures=figures,
            quote=next((d.event.quote for d in h.drafts if d.event.quote), None),
            mentions=mentions if len(mentions) > 1 else [], background=h.background))
    return out


def reaction_targets(happenings: list[Happening], lex) -> None:
    """"Russia condemned the strikes": a reaction whose object is another happening's
    mention gets that happening's source as its target."""
    by_token: dict[int, Happening] = {}
    for h in happenings:
        for d in h.drafts:
            by_token.setdefault(d.head, h)  # a head's first draft (a two-way act's original)
    reactions = lex.types_of("reaction")
    for h in happenings:
        if h.target is not None or h.type not in reactions:
            continue
        for d in h.drafts:
            other = next((by_token[i] for i in d.objects if i in by_token and by_token[i] is not h), None)
            if other is not None and other.source is not None and not _same(other.source, h.source):
                h.target = other.source
                break


def _same(a: Actor, b: Optional[Actor]) -> bool:
    return b is not None and (a.span == b.span or (a.country is not None and a.country == b.country
                                                   and _name(a) == _name(b)))
