"""Which actor mention fills which role of an event (the events stage's arguments).

The actor layer (``doc.actors``) decides what a mention *is*; this module decides which
mention is the **source** (who acts) and the **target** (toward whom) of an event
candidate, from the dependency parse:

* the subject of the verb, found through auxiliaries, control, raising, coordination
  and relative clauses ("has accused", "urged Caracas to negotiate", "who attacked");
* titles and appositions ("the defence minister, Vladimir Padrino") and possessors or
  compounds of event nouns ("Israel's airstrike", "US sanctions");
* the by-phrase of a passive or of an event noun ("struck by US forces", "the seizure
  by the US"), a participle with an agent ("the attack, ordered by Assad");
* the issuer of a document that carries the act ("signed an order imposing sanctions",
  "sent a letter of apology to X": the signer / sender is the source);
* objects, indirect objects and type-specific prepositions for the target ("sanctions
  on Caracas", "aid to Ukraine", "talks with Iran").

When the actor layer has no mention for a noun phrase that names a political group by
its role ("gunmen", "riot police"), the phrase itself stands in, unresolved
(``resolved_by="phrase"``), so the user sees who acted even when nobody knows whose they
are; its sector comes from the actor knowledge base's role nouns.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
from typing import Optional

from sitrep.knowledge.actors import load_instruments, load_role_words
from sitrep.knowledge.cues import default_word_sets, load_content_relations
from sitrep.knowledge.plover import EventWords, event_words
from sitrep.model import Actor, Document

NER_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: relations that leave a noun phrase (its actor is not the phrase's actor)
_SKIP_IN_NP = frozenset({"relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj", "appos",
                         "prep", "det"})
#: role-noun categories of the actor KB that name no acting party
_NOT_AN_ACTOR = frozenset({"NONE", "PLACE"})
NOUN_POS = ("NOUN", "PROPN")
#: the tags of a crowd that does an act unnamed: a plural common noun ("mourners",
#: "thousands") or a number ("2,000 marched")
CROWD_TAGS = frozenset({"NNS", "CD"})
#: longer subject phrases than this keep only their head word as the crowd's words
CROWD_MAX_WORDS = 5
VERB_POS = ("VERB", "AUX")
#: relations inside one party's noun phrase: "the leaders of Britain, Germany and France"
_WITHIN_PARTY = frozenset({"conj", "pobj", "prep", "compound", "amod", "poss", "cc"})
#: the sector of news media (a reporting outlet is no party to what it reports)
NEWS_SECTOR = "MED"


# ------------------------------------------------------------------ the actor index

def actor_index(doc: Document, words: Optional[EventWords] = None) -> list[Optional[Actor]]:
    """Token index -> the (non-locative) actor mention covering it.

    Falls back to spaCy entities when the actor layer is empty.
    """
    sdoc = doc.nlp
    index: list[Optional[Actor]] = [None] * len(sdoc)
    actors = [a for a in doc.actors if not a.locative]
    if not doc.actors:
        actors = ner_actors(sdoc, words or event_words())
    if not actors:
        return index
    starts = token_starts(sdoc)
    for actor in actors:
        first = max(0, bisect.bisect_right(starts, actor.span[0]) - 1)
        last = bisect.bisect_left(starts, actor.span[1])
        for i in range(first, min(last, len(index))):
            if index[i] is None:
                index[i] = actor
    return index


def token_starts(sdoc) -> list[int]:
    from spacy.attrs import IDX
    return sdoc.to_array(IDX).tolist()


def locative_index(doc: Document) -> dict[int, Actor]:
    """Token index -> locative actor mention ("in Venezuela"), for recipient fallback."""
    out: dict[int, Actor] = {}
    if not doc.actors:
        return out
    sdoc = doc.nlp
    for actor in doc.actors:
        if not actor.locative or not actor.country:
            continue
        span = sdoc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        if span is not None:
            for tok in span:
                out.setdefault(tok.i, actor)
    return out


def ner_actors(sdoc, words: EventWords) -> list[Actor]:
    """spaCy entities as stand-in actors (no country: the actor stage resolves those)."""
    out = []
    for ent in sdoc.ents:
        if ent.label_ not in NER_ACTOR_LABELS:
            continue
        head = ent.root.head
        if ent.label_ == "GPE" and ent.root.dep_ == "pobj" and head.lower_ in words.locative_preps:
            continue
        kind = {"PERSON": "person", "ORG": "org", "GPE": "state", "NORP": "group"}[ent.label_]
        out.append(Actor(span=(ent.start_char, ent.end_char), text=ent.text, name=ent.text,
                         kind=kind, resolved_by="ner"))
    return out


def place_receives_act(sdoc, place_span: tuple[int, int], trigger_span: tuple[int, int],
                       event_nouns=frozenset()) -> bool:
    """Whether the state of a place named in the sentence can stand for the recipient of
    the act (PLOVER codes "shelled villages in X" as an act on X): not when the place lies
    beside where the act lands ("struck a boat off the coast of X"), or belongs to a
    relative clause on another word than the act ("a boat that was carrying drugs from
    X"), or says where another act named by an event noun happens ("fighting ... paves the
    way for talks in Oman": Oman is where the talks are): a place is no party
    (docs/annotation.md 5)."""
    place = sdoc.char_span(place_span[0], place_span[1], alignment_mode="expand")
    trigger = sdoc.char_span(trigger_span[0], trigger_span[1], alignment_mode="expand")
    if place is None or trigger is None:
        return True
    act = {t.i for t in trigger}
    if _conjunct_clauses(_own_clause(place.root), _own_clause(trigger.root)):
        return False  # "X imposed a blockade, but pressure from Y forced ...": Y is elsewhere
    outside = load_role_words().outside_prepositions
    tok = place.root
    for _ in range(10):
        if tok.i in act or tok.head.i == tok.i:
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in outside:
            return False
        if tok.dep_ == "relcl" and tok.head.i not in act and not any(t.i in act for t in tok.subtree):
            return False  # (a clause on the act itself still says where it happened; a
            # participle "lines leading into Kabul" still places what was hit)
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i not in act \
                and tok.head.head.pos_ in NOUN_POS and lemma(tok.head.head) in event_nouns:
            return False
        tok = tok.head
    return True


#: a clause that tells the circumstance of another act ("after X tested a missile, Y
#: announced ..."): its act is not the main verb's, nor are the main verb's parties its
_CIRCUMSTANCE_CLAUSES = frozenset({"advcl"})
#: the core arguments of a verb: a party named there takes part in that verb's act
_CORE_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
#: relations inside one noun phrase, climbed to reach the phrase's head
_NP_INTERNAL = frozenset({"compound", "amod", "poss", "nmod", "det", "case", "flat", "nummod"})


def busy_elsewhere(sdoc, actor_span: tuple[int, int], trigger_i: int,
                   known_span: Optional[tuple[int, int]] = None) -> bool:
    """Whether the sentence gives a party another part than the counterpart of the act at
    token ``trigger_i``, so that a loose sentence-level fill must not take it:

    * it belongs to the known party's own phrase ("China, a major investor in X, said
      ..." -- the apposition describes the speaker, it is not its addressee);
    * it is a core argument (subject, object) of a verb that the act only modifies or
      sits beside ("After X tested a missile, Y announced ...", "gave Y a green light
      when he decided to pull out"): Y does the other verb's act. A speaker whose
      reported clause holds the act ("Y said X struck ...") stays a candidate."""
    tok = _phrase_head(sdoc, actor_span)
    if tok is None or not 0 <= trigger_i < len(sdoc):
        return False
    if known_span is not None:
        known = _phrase_head(sdoc, known_span)
        if known is not None and known.i != tok.i and known.left_edge.i <= tok.i <= known.right_edge.i \
                and not (tok.left_edge.i <= known.i <= tok.right_edge.i) \
                and not known.left_edge.i <= trigger_i <= known.right_edge.i:
            return True
    if sdoc[trigger_i].pos_ in NOUN_POS and _conjunct_clauses(_own_clause(tok), _own_clause(sdoc[trigger_i])):
        # "the blockade set up by X was lifted, but Y's stance forced ...": Y acts in a
        # clause of its own, not on the act the other clause names (a verb's act may
        # answer the other clause's party: "X offers 15 years, but Y insists on 10")
        return True
    trigger_tok = sdoc[trigger_i]
    if _in_complement(tok, trigger_tok, purpose=False) and _names_addressee(trigger_tok, tok):
        # "called on the chancellor to block Iranian purchases": the verb names its
        # addressee; the parties of the asked-for act are not it
        return True
    party = tok
    while party.dep_ == "conj" and party.head.i != party.i:
        party = party.head  # "Y and Z announced": Y's place in the clause
    if party.dep_ not in _CORE_ARGUMENTS or party.head.pos_ not in VERB_POS:
        return False
    verb = party.head
    trigger = sdoc[trigger_i]
    if verb.i == trigger.i or trigger.i in {t.i for t in party.subtree}:
        return False
    path, t = [], trigger
    for _ in range(12):
        if t.i == verb.i:
            # "the ministers, who signed the accord, met X's envoy": an act told in a
            # clause on the subject is not done to the main verb's object
            on_subject = "relcl" in path and path[-1] in ("nsubj", "nsubjpass") \
                and party.dep_ in ("dobj", "dative")
            return on_subject or any(dep in _CIRCUMSTANCE_CLAUSES for dep in path)
        if t.head.i == t.i:
            return False  # a clause beside the act's (its object's own clause, a sibling)
        path.append(t.dep_)
        t = t.head
    return False


def _own_clause(tok):
    """The verb of the clause a token belongs to: the token itself when it is a verb, else
    the nearest verb above it."""
    for _ in range(12):
        if tok.pos_ in VERB_POS or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _has_subject(verb) -> bool:
    return child(verb, "nsubj", "nsubjpass", "csubj") is not None


def _conjunct_clauses(a, b) -> bool:
    """Two different verbs that head coordinated clauses ("X did this, but Y did that"),
    each with its own subject: what one clause's parties do is not the other's act.
    (A verb that shares its subject with the one before it continues the same clause:
    "X struck Y and killed Z".)"""
    if a.i == b.i or a.pos_ not in VERB_POS or b.pos_ not in VERB_POS:
        return False
    joined = (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i) \
        or (a.dep_ == "conj" and b.dep_ == "conj" and a.head.i == b.head.i)
    return joined and _has_subject(a) and _has_subject(b)


#: clauses on a noun ("bases where US troops are stationed", "a group backed by Iran")
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
#: the relations of a verb's or event noun's doer
_DOER_RELATIONS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "poss"})


def unfit_doer(sdoc, actor_span: tuple[int, int], trigger_i: int) -> bool:
    """Whether the loose sentence-level fill must not take a party as the doer (source)
    of the act at token ``trigger_i``:

    * the party is named in a clause on a noun of the act's object side ("rockets hit
      bases where American troops are stationed": the troops are where the act lands);
    * the party is the speaker of a judgement on a nominal act ("Lavrov said the new
      sanctions against X are a sign of panic"): judging an act in a copular complement
      is no claim to have done it (the doer comes from the act's own phrase or the rest
      of the sentence);
    * the party is the victim of a verb of harm ("two attacks wounded six people and
      killed a Swiss aid worker", "a soldier was killed"): who was killed or wounded is
      the act's target side, never its doer -- of that act: what a clause on the victim
      says the victim did is the victim's own act ("killed a commander who had planned
      attacks on the base": the commander planned them);
    * the party is the subject of a verb that holds its object to account for the act
      ("charged three men over the attack": ``_answers_for``)."""
    tok = _phrase_head(sdoc, actor_span)
    if tok is None or not 0 <= trigger_i < len(sdoc):
        return False
    trigger = sdoc[trigger_i]
    return _in_clause_on_patient(tok, trigger) or _judging_speaker(tok, trigger) \
        or _in_complement(tok, trigger) or _harmed(tok, trigger) or _answers_for(tok, trigger)


def answers_for(sdoc, actor_span: tuple[int, int], trigger_i: int) -> bool:
    """Whether the party at ``actor_span`` holds someone to account for the act at token
    ``trigger_i`` (``_answers_for``): it is neither that act's doer nor its target."""
    tok = _phrase_head(sdoc, actor_span)
    return tok is not None and 0 <= trigger_i < len(sdoc) and _answers_for(tok, sdoc[trigger_i])


def _answers_for(tok, trigger) -> bool:
    """The party is the subject of a verb that holds someone else to account for the act
    named in its reason phrase (role_words.tsv reason_preposition): "the prosecutor
    charged three men over the attack", "police arrested two men for the bombing", "X
    thanked Y for the aid" -- the verb's object answers for the act, its subject did
    not do it. A claimed responsibility ("claimed responsibility for the attack", cues
    responsibility_noun) is the doer's own claim."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in load_role_words().reason_prepositions:
        return False
    verb = trigger.head.head
    obj = child(verb, "dobj")
    if verb.dep_ == "dobj":  # "charged the driver for the attack": the phrase hangs on the object
        verb, obj = verb.head, verb
    if verb.pos_ not in VERB_POS or obj is None \
            or lemma(obj) in default_word_sets().get("responsibility_noun", frozenset()):
        return False
    top = tok
    while top.dep_ in ("conj", "appos", "compound") and top.head.i != top.i:
        top = top.head
    return top.dep_ == "nsubj" and top.head.i == verb.i


#: relations climbed from a party to the top of the victim's phrase it belongs to
_VICTIM_PHRASE = frozenset({"conj", "pobj", "prep", "poss", "compound", "appos"})


def _harmed(tok, trigger) -> bool:
    """The party is whom a verb of harm (``casualty_verbs``: kill, wound ...) harms: the
    object of the active verb or the subject of the passive one, a conjunct of it, or a
    party inside its phrase ("killed an employee of the Red Cross") -- unless the act at
    ``trigger`` is told by a clause on the victim's own phrase (``_told_of_victim``)."""
    party = tok
    while party.dep_ in _VICTIM_PHRASE and party.head.i != party.i \
            and party.head.pos_ in NOUN_POS + ("ADP", "PRON", "NUM"):
        party = party.head
    verb = party.head
    if verb.i == party.i or lemma(verb) not in event_words().casualty_verbs:
        return False
    if _told_of_victim(party, trigger):
        return False
    return party.dep_ == "nsubjpass" or (party.dep_ == "dobj" and not is_passive(verb))


def _told_of_victim(party, trigger) -> bool:
    """The act at ``trigger`` lies in an active clause on the victim's phrase ("killed
    the general who was planning attacks on the embassy", "shot a gunman who had stormed
    the school", "killed the commander, a man fomenting raids on the border"): the clause
    tells what the victim did, so the victim may be its doer. A passive clause ("a
    soldier who was wounded in the ambush", "fighters wounded in the raid") tells what
    the victim underwent: no."""
    tok, clause = trigger, None
    while tok.i != tok.head.i and tok.i != party.i:
        if tok.dep_ in _NOUN_CLAUSES:
            clause = tok
        tok = tok.head
    return tok.i == party.i and clause is not None and not is_passive(clause) \
        and clause.tag_ != "VBN"


def _names_addressee(verb, inner) -> bool:
    """The verb names whom it addresses before its content clause ("urged the chancellor
    to ...", "called on the senators to ..."): an object, or a prepositional object that
    is no date ("called on Monday to ..." names none)."""
    for ch in verb.children:
        if ch.i >= inner.i:
            continue
        if ch.dep_ in ("dobj", "dative"):
            return True
        if ch.dep_ == "prep":
            pobj = child(ch, "pobj")
            if pobj is not None and pobj.pos_ in NOUN_POS and pobj.ent_type_ not in ("DATE", "TIME"):
                return True
    return False


def in_asked_content(sdoc, span: tuple[int, int], verb) -> bool:
    """Whether the mention at character ``span`` lies in what ``verb`` asks its addressee
    to do: the verb names an addressee before its content clause ("asked the ministry to
    ban Turkish drones"). Not with subject control ("the coalition agreed to postpone the
    rally in Baku": the subject does the content's act, where the content says)."""
    tok = _phrase_head(sdoc, span)
    return tok is not None and _in_complement(tok, verb) and _names_addressee(verb, tok)


#: the clauses that hold what a verb says, asks or wants (its content)
_CONTENT_CLAUSES = frozenset({"xcomp", "ccomp"})


def _in_complement(tok, trigger, purpose: bool = True) -> bool:
    """``tok`` lies inside the content clause of the act's verb ("called on X to block
    Chinese investments", "urged Y to expel Russian diplomats", "said that Iran had
    ..."): a party of the asked-for, threatened or reported act does not do the asking
    (with ``purpose``, an infinitive of purpose hung on the verb counts too: "blocked
    roads to press demands from the president" -- the president blocks nothing)."""
    if trigger.pos_ not in VERB_POS:
        return False
    t = tok
    for _ in range(12):
        if t.head.i == t.i:
            return False
        if t.head.i == trigger.i:
            if t.dep_ == "ccomp" and lemma(trigger) in _speech_verbs():
                return False  # (a speaker's own side may be the subject of what it says)
            return t.dep_ in _CONTENT_CLAUSES or (purpose and t.dep_ == "advcl" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in t.children))
        t = t.head
    return False


def _in_clause_on_patient(tok, trigger) -> bool:
    """``tok`` lies in a clause on a noun that the act's object side holds (not on the
    doer's phrase: "troops sent by Moscow attacked" names whose troops they are)."""
    t = tok
    for _ in range(12):
        if t.i == trigger.i or t.head.i == t.i:
            return False
        if t.dep_ in _NOUN_CLAUSES and t.head.i != trigger.i \
                and not any(x.i == trigger.i for x in t.subtree):
            return _on_object_side(t.head, trigger)
        t = t.head
    return False


def _on_object_side(noun, trigger) -> bool:
    """``noun`` depends on the trigger through something else than the doer's relations."""
    t, last = noun, None
    for _ in range(12):
        if t.i == trigger.i:
            return last is not None and last.dep_ not in _DOER_RELATIONS
        if t.head.i == t.i:
            return False
        last, t = t, t.head
    return False


def _judging_speaker(tok, trigger) -> bool:
    """``tok`` is the subject of a verb whose complement is a copular judgement with the
    nominal act as its subject: "X said [the sanctions are illegal]"."""
    if trigger.pos_ not in NOUN_POS or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    copula = trigger.head
    if not (lemma(copula) == "be" or any(c.dep_ in ("acomp", "attr") for c in copula.children)):
        return False
    if copula.dep_ != "ccomp" or copula.head.pos_ not in VERB_POS:
        return False
    speaker = child(copula.head, "nsubj")
    return speaker is not None and speaker.left_edge.i <= tok.i <= speaker.right_edge.i


def _phrase_head(sdoc, span: tuple[int, int]):
    """The head token of the noun phrase a character span names."""
    piece = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    if piece is None:
        return None
    tok = piece.root
    while tok.dep_ in _NP_INTERNAL and tok.head.i != tok.i and tok.head.pos_ in NOUN_POS:
        tok = tok.head
    return tok


def same_party(a: Actor, b: Actor) -> bool:
    """The same mention, the same known actor, or one state named twice (a capital and
    the country); two people of one country, or its government and its extremists, are
    two parties."""
    if a.span == b.span:
        return True
    if a.sector != b.sector:
        return False
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    return a.kind != "person" and b.kind != "person" and a.country is not None \
        and a.country == b.country and a.name == b.name


def one_side(a: Actor, b: Actor) -> bool:
    """The same party, or a body named only by its role and a party of the same sector
    (or both armed bodies of the state: role_words.tsv security_sector) and, as far as
    both say, the same country: "police" and "the officers", "the ministry" and "the
    government". Two named parties of one sector stay two."""
    if same_party(a, b):
        return True
    if not a.sector or not b.sector or not (_role_phrase(a) or _role_phrase(b)):
        return False
    security = load_role_words().security_sectors
    sectors = {a.sector.lower(), b.sector.lower()}
    if len(sectors) > 1 and not sectors <= security:
        return False
    return a.country is None or b.country is None or a.country == b.country


def rival_sides(a: Actor, b: Actor, civil: bool = False) -> bool:
    """Two parties of one country on opposite sides of its politics: a state body and a
    group that contends with it for power ("Maduro" and "the opposition leader", "the
    army" and "rebels"; role_words.tsv state_sector, rival_sector). An act between them
    has a source and a target of the same country (VEN -> VEN). With ``civil`` (``b``
    does the act, ``a`` may be its target), any group that acts against its state from
    inside counts (domestic_opponent_sector: "Algerian students blocked roads to press
    demands on the government"); not the other way round, since a loose fill would
    otherwise make a government the doer of whatever happens to its citizens."""
    if a.country is None or a.country != b.country or same_party(a, b):
        return False
    words = load_role_words()
    sides = {(x.sector or "").lower() for x in (a, b)}
    if civil and (b.sector or "").lower() in words.domestic_opponent_sectors \
            and (a.sector or "").lower() in words.state_sectors:
        return True  # (``b`` is the group that acts, ``a`` the state it faces)
    return bool(sides & words.state_sectors) and bool(sides & words.rival_sectors)


#: how far before an act (characters, about a paragraph) a mention of the doer's own state
#: may be to serve as the span of the state it acts against (own_state_targets)
OWN_STATE_REACH = 800


def own_state_targets(happenings, actors: list[Actor], local_types, addressed_types=frozenset()) -> None:
    """A local act (violence, coercion, a protest) by a group that opposes its own state
    from inside ("Venezuelan students protested", "Karen rebels shelled a town") that
    names no counterpart is done against that state (PLOVER codes such protests VEN ->
    VEN); so is a verbal act (a demand, a charge, a refusal) of a rival for power (the
    opposition, rebels: role_words.tsv rival_sector) that names none ("the opposition
    leader rejected the result"), except an appeal (role_words.tsv appeal_type: "called
    for more protests", "called for an uprising" speak to followers, not to the state).
    The target's span is the nearest mention of one
    of the state's own bodies (or of the country) before the act, within OWN_STATE_REACH
    characters (else the trigger's, as for an implied government); with none, no guess.
    A coup's target is the doer's own government, named or not (_overthrown_government)."""
    words = load_role_words()
    for h in happenings:
        source = h.source
        if h.target is not None or source is None or source.country is None:
            continue
        if any(d.lemma in words.own_state_acts for d in h.drafts):
            h.target = _overthrown_government(h, source)  # "the army staged a coup"
            continue
        sector = (source.sector or "").lower()
        if not ((h.type in local_types and sector in words.domestic_opponent_sectors)
                or (h.type in addressed_types and h.type not in words.appeal_types
                    and sector in words.rival_sectors)):
            continue
        at = h.first.event.trigger.span[0]
        state = [a for a in actors if a.country == source.country and not same_party(a, source)
                 and a.span[0] < at and (a.kind == "state" or (a.sector or "").lower() in words.state_sectors)]
        if state and state[-1].span[0] >= at - OWN_STATE_REACH:
            h.target = state[-1]
        elif state:
            # the state was last named paragraphs before: its far mention would point the
            # reader at an unrelated sentence, so the target is implied by the act itself
            h.target = _overthrown_government(h, source)


def home_protesters(happenings) -> None:
    """"Iran has seen large-scale protests": a protest whose doer no sentence names but
    whose target is a state gets that state's own people as the doer (PLOVER codes
    protests in X as X -> X), an unresolved group named like an unnamed doer
    (role_words.tsv unnamed_doer), its span the trigger's."""
    words = load_role_words()
    for h in happenings:
        target = h.target
        if h.source is not None or h.type not in words.unnamed_doers or target is None \
                or target.country is None or _role_phrase(target):
            continue
        trigger = h.first.event.trigger
        h.source = Actor(span=trigger.span, text=trigger.text, name=words.unnamed_doer_name(h.type),
                         sector=words.unnamed_doers[h.type], country=target.country, kind="group",
                         resolved_by="phrase+party")


def dropped_target(h, rule: str) -> dict:
    """What a last check on roles removed, for ``article.meta["role_checks"]``: the act,
    the target it had (text, span, country) and the rule, so no role vanishes unseen."""
    trigger, target = h.first.event.trigger, h.target
    return {"rule": rule, "type": h.type, "trigger": trigger.text, "span": list(trigger.span),
            "role": "target", "dropped": {"text": target.text, "span": list(target.span),
                                          "country": target.country}}


def no_self_targets(happenings) -> list[dict]:
    """The last check on roles: an act is not aimed at its own doer. When the roles
    chosen make the target the same party as the source ("Israel says it destroyed
    tunnels" -> Israel; ads "accusing Kerry" with Kerry as the accuser too), the rules
    read the doer twice, and no target is better than that one. Two parties of one
    country stay (a government arresting its own protesters is VEN -> VEN), and so do
    the types whose doer's own party may be the target (role_words.tsv
    self_directed_type: protests in Caracas against the government in Caracas)."""
    words = load_role_words()
    removed = []
    for h in happenings:
        if h.source is not None and h.target is not None and h.type not in words.self_directed_types \
                and same_party(h.source, h.target):
            removed.append(dropped_target(h, "self target"))
            h.target = None
    return removed


def no_own_state_targets(happenings, sdoc) -> list[dict]:
    """The last check on roles, beside no_self_targets: a body or official of a state
    does not aim an act at its own state when the sentence makes that state the doer of
    the reported clause: "the spokeswoman said Moscow would prepare a response", "the
    minister said Ankara will retaliate" -- the state is the speaker's own side acting,
    not the recipient, so the target is dropped. A state named in another place stays
    ("McCain blames the Obama administration", "the FAA issued a ban against US
    carriers"), and so do the self-directed types and the types that ask their addressee
    to act (role_words.tsv own_state_addressee_type): "the senator said the US should not
    sell the jets", "the minister urged Iran to release the sailors" -- a body or
    official may ask its own state to act, and the state asked is the act's target
    whoever the speaker is (a speaker named only by its role, read as of the article's
    home country, keeps the state it addresses)."""
    words = load_role_words()
    removed = []
    for h in happenings:
        source, target = h.source, h.target
        if sdoc is None or source is None or target is None or h.type in words.self_directed_types \
                or h.type in words.own_state_addressee_types:
            continue
        if not source.country or source.country != target.country or source.kind == "state" \
                or (source.sector or "").lower() not in words.state_sectors:
            continue
        if target.kind == "state" and _reported_doer(sdoc, target.span, h.first.event.sentence.span):
            removed.append(dropped_target(h, "own state target"))
            h.target = None
    return removed


def _reported_doer(sdoc, span: tuple[int, int], sentence_span: tuple[int, int]) -> bool:
    """The mention at ``span`` is, in the given sentence, the subject of a reported or
    complement clause ("said [Moscow would respond]")."""
    if not (sentence_span[0] <= span[0] and span[1] <= sentence_span[1]):
        return False
    tok = _phrase_head(sdoc, span)
    # the state by its own name or capital ("Moscow", "Ankara"), or a pronoun for the
    # speaker's side ("denied that he had ordered ..."), not one of the state's bodies
    # ("the Obama administration" may well be what a senator's words are aimed at)
    return tok is not None and tok.pos_ in ("PROPN", "PRON") and tok.dep_ in ("nsubj", "nsubjpass") \
        and tok.head.dep_ in _CONTENT_CLAUSES


def unaimed_displays(happenings, sdoc) -> list[dict]:
    """A show of force (role_words.tsv display_act: a weapons test, a drill, an exercise,
    a parade) is aimed at no one unless a preposition of the act names whom, another
    state than the doer (aiming_preposition: "fired toward Japan", "drills with South
    Korea", exercises "in Venezuela" are held with its host): a neighbour or
    a rival named elsewhere in the sentence, or taken from the article's home, is an
    invented target (PLOVER codes "North Korea tested a missile" PRK -> none)."""
    words = load_role_words()
    removed = []
    for h in happenings:
        if h.target is None or sdoc is None:
            continue
        displays = [d for d in h.drafts if _is_display(d, sdoc, words.display_acts)
                    if h.type == "MOBILIZE" or _display_prefix(sdoc[d.head], words.display_acts)]
        at_home = h.source is not None and h.source.country is not None \
            and h.source.country == h.target.country
        if displays and (at_home or not any(_aimed_at(sdoc[d.head], h.target, words.aiming_prepositions)
                                            for d in displays)):
            removed.append(dropped_target(h, "unaimed display"))
            h.target = None  # a test at home ("in North Korea") is aimed at no one either
    return removed


def _is_display(draft, sdoc, display_acts) -> bool:
    """The draft's trigger names a show of force: its head, a light verb's object or a
    compound before its head ("missile test", "conducted drills", "test-fired")."""
    head = sdoc[draft.head]
    lemmas = {draft.lemma, lemma(head), *draft.object_words, *head.text.lower().split("-")}
    lemmas |= {lemma(t) for t in head.children if t.dep_ in ("compound", "dobj", "amod")}
    return bool(lemmas & display_acts) or _display_prefix(head, display_acts)


def _display_prefix(head, display_acts) -> bool:
    """"test-fired": the tokeniser splits off the prefix that makes the firing a test,
    whatever type the verb alone was given."""
    doc = head.doc
    return head.i >= 2 and doc[head.i - 1].text == "-" and doc[head.i - 2].lower_ in display_acts


def _aimed_at(head, target: Actor, aiming_prepositions) -> bool:
    """The target lies inside a prepositional phrase of aim on the trigger, on the verb
    that governs it, or on that verb's object ("fired a missile over Japan")."""
    holders = [head]
    tok = head
    while tok.head is not tok and tok.pos_ not in ("VERB", "AUX") and len(holders) < 4:
        tok = tok.head
        holders.append(tok)
    holders += [c for t in list(holders) for c in t.children if c.dep_ in ("dobj", "attr")]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in aiming_prepositions \
                    and not prep.is_ancestor(head):  # "took part in drills": the act's own phrase
                sub = list(prep.subtree)
                start, end = sub[0].idx, sub[-1].idx + len(sub[-1])
                if start <= target.span[0] and target.span[1] <= end:
                    return True
    return False


def _overthrown_government(h, source: Actor) -> Actor:
    """The doer's own government, implied by the act: the one a coup is staged against
    (role_words.tsv own_state_act), or the state an opposition act targets when the text
    last named it far away. The text names it only through the act, so its span is the
    trigger's, as an unnamed doer's is."""
    from sitrep.knowledge.actors import country_names
    trigger = h.first.event.trigger
    return Actor(span=trigger.span, text=trigger.text, name=country_names().get(source.country, source.country),
                 country=source.country, sector="GOV", kind="state", resolved_by="implied")


def provoked_reactors(happenings, reactions, sdoc) -> dict[int, list[Actor]]:
    """Head token of an act -> the parties whose reaction it brought about: "the strike
    drew condemnation from the French envoy" (a reaction noun, object of a causative verb
    of role_words.tsv, whose subject is the act). The reacting party takes a stand on the
    act; it is neither its doer nor its target, so a loose sentence-level fill must pass
    it over."""
    out: dict[int, list[Actor]] = {}
    if sdoc is None:
        return out
    causative = load_role_words().causative_verbs
    for h in happenings:
        if h.type not in reactions:
            continue
        for d in h.drafts:
            if d.event.source is None or not 0 <= d.head < len(sdoc):
                continue
            noun = sdoc[d.head]
            if noun.dep_ != "dobj" or lemma(noun.head) not in causative:
                continue
            for subject in noun.head.children:
                if subject.dep_ in ("nsubj", "nsubjpass"):
                    out.setdefault(subject.i, []).append(d.event.source)
    return out


def _for_to_clause(clause) -> bool:
    """A for-to infinitive ("for Kyiv to withdraw"): a clause marked by "for", with its
    own subject and the infinitive "to" (the parser hangs it as advcl or ccomp)."""
    return clause.dep_ in ("advcl", "ccomp") and clause.pos_ in VERB_POS \
        and any(ch.dep_ == "mark" and ch.lower_ == "for" and ch.i < clause.i for ch in clause.children) \
        and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in clause.children)


def _parenthesised(tok) -> bool:
    """The phrase of ``tok`` stands between brackets: "(Reuters)"."""
    doc, first, last = tok.doc, tok.left_edge.i, tok.right_edge.i
    if doc[first].text in ("(", "[") and doc[last].text in (")", "]"):
        return True  # the brackets hang on the phrase itself
    return first > 0 and last + 1 < len(doc) and doc[first - 1].text in ("(", "[") \
        and doc[last + 1].text in (")", "]")


def _title_owner(actor: Actor, people: list[Actor], text: str) -> bool:
    """The organisation or state starts the title of a person named right after it:
    "UN Secretary General Ana Ruiz", "NATO Secretary-General X" (capitalised title words
    only, no punctuation between)."""
    if actor.kind == "person" or not text:
        return False
    for person in people:
        if not 0 < person.span[0] - actor.span[1] <= 40:
            continue  # measured before slicing: a slice to a far person copies the text between
        gap = text[actor.span[1]:person.span[0]]
        if gap.startswith(" ") and gap.endswith(" "):
            words = gap.split()
            if 1 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
                return True
    return False


def _date_after(tok, noun) -> bool:
    """A day named right after a noun ("the arrest Saturday of ...")."""
    return tok.dep_ == "npadvmod" and tok.ent_type_ in ("DATE", "TIME") and tok.i == noun.i + 1


# ------------------------------------------------------------------ noun phrases

def crowd_subject(verb, index):
    """The subject of a verb of an unnamed-doer act (a protest) when it is a crowd the
    actor KB cannot name: a number, a noun of number or a plural noun of people ("2,000
    demonstrated", "Thousands marched", "Tens of thousands rallied", "Mourners marched
    through the city"): the span of those words, or None. The subject of a conjunct verb
    is its first conjunct's ("gathered and marched"); a pronoun, a name, a thing
    ("Stocks rallied") or a phrase with a clause of its own is no bare crowd."""
    subj = child(verb, "nsubj")
    if subj is None and verb.dep_ == "conj" and verb.head.pos_ in VERB_POS:
        subj = child(verb.head, "nsubj")
    if subj is None or subj.tag_ not in CROWD_TAGS or index[subj.i] is not None or not _people(subj):
        return None
    words = subj.doc[subj.left_edge.i:subj.right_edge.i + 1]
    if any(t.pos_ in VERB_POS or t.tag_ in ("PRP", "NNP", "NNPS") or index[t.i] is not None
           for t in words) or len(words) > CROWD_MAX_WORDS:
        return subj.doc[subj.i:subj.i + 1]
    return words


def _people(tok) -> bool:
    """A number ("2,000"), a noun of number (quantities/words.tsv ``multiple_words``:
    "thousands", "dozens") or a noun the actor KB knows as people (Phoenix agents and
    nouns.tsv: "mourners", "residents")."""
    if tok.tag_ == "CD":
        return True
    numbers, people = _crowd_words()
    return tok.lower_ in numbers or lemma(tok) in people or tok.lower_ in people


@functools.lru_cache(maxsize=1)
def _crowd_words() -> tuple[frozenset, frozenset]:
    from sitrep.knowledge.actors import load_agents
    from sitrep.knowledge.quantity_words import quantity_words
    return frozenset(quantity_words().multiple_words), frozenset(load_agents())


def child(tok, *deps):
    """The first child of ``tok`` with one of the dependency relations."""
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def lemma(tok) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def actor_of_phrase(tok, index) -> Optional[Actor]:
    """The actor named by the noun phrase headed by ``tok``: the head itself, a named
    apposition ("the defence minister, Vladimir Padrino"), then the modifiers ("US
    forces", "Venezuela's navy", "forces of Venezuela", "ministers from France")."""
    if tok is None:
        return None
    own = index[tok.i]
    appositive = _appositive_actor(tok, index)
    if appositive is not None and appositive.country and appositive.kind == "person" \
            and (own is None or own.kind != "person"):
        return appositive  # the named person rather than the title before the name
    if own is not None and own.country:
        return own
    if appositive is not None and (own is None or appositive.country):
        return appositive
    if own is not None:
        return own
    if lemma(tok) in load_role_words().relational_nouns:
        return _related_party(tok, index)
    if lemma(tok) in load_role_words().patient_possessor_nouns \
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "Macaire's arrest": an act, and its possessor underwent it
    owner_preps = load_role_words().owner_prepositions  # "forces of X", "ministers from X"
    frontier, seen = [tok], 0
    while frontier and seen < 12:
        nxt = []
        for t in frontier:
            for c in t.children:
                seen += 1
                if c.dep_ in _SKIP_IN_NP and not (c.dep_ == "prep" and c.lower_ in owner_preps and t == tok):
                    continue
                if index[c.i] is not None:
                    return index[c.i]
                nxt.append(c)
        frontier = nxt
    return None


def _related_party(tok, index) -> Optional[Actor]:
    """"a Trump ally", "Maduro's rival", "US allies", "critics of the president": a noun
    of relation names another party than the one it relates to. A person's ally or rival
    is someone of the person's country (unnamed); a state's allies are other states."""
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod") and index[c.i] is not None:
            related = index[c.i]
        elif c.dep_ == "prep" and c.lower_ == "of" and child(c, "pobj") is not None \
                and index[child(c, "pobj").i] is not None:
            related = index[child(c, "pobj").i]
        else:
            continue
        if related.kind != "person" or not related.country:
            return None
        start, end = tok.left_edge.idx, tok.idx + len(tok)
        words = tok.doc[tok.left_edge.i:tok.i + 1].text
        return Actor(span=(start, end), text=words, name=words, country=related.country, kind="person",
                     resolved_by="relation")
    return None


def _appositive_actor(tok, index) -> Optional[Actor]:
    for c in tok.children:
        if c.dep_ == "appos":
            found = index[c.i] if index[c.i] is not None else actor_of_phrase(c, index)
            if found is not None:
                return found
    return None


def actors_of_phrase(tok, index) -> list[Actor]:
    """The actor of a noun phrase and of its conjuncts ("the US and Britain")."""
    out = []
    for t in [tok] + conjuncts(tok):
        a = actor_of_phrase(t, index)
        if a is not None and all(a.span != b.span for b in out):
            out.append(a)
    return out


def conjuncts(tok) -> list:
    out, stack = [], list(tok.children)
    while stack:
        c = stack.pop(0)
        if c.dep_ == "conj":
            out.append(c)
            stack.extend(c.children)
    return out


def phrase_actor(tok, role_nouns: dict[str, str]) -> Optional[Actor]:
    """An unresolved stand-in for a noun phrase that names a political group by its role
    ("gunmen", "the riot police", "government forces"): the actor KB's role nouns decide
    whether the head is one, and give the sector."""
    if tok is None or tok.pos_ not in NOUN_POS or not role_nouns:
        return None
    if tok.lower_ in load_role_words().bloc_nouns and tok.text[:1].isupper() and not tok.ent_type_ == "LOC" \
            and not any(c.dep_ in ("compound", "amod", "poss") for c in tok.children):
        # "the West accused Moscow": a bloc of several states, of no single country
        return Actor(span=(tok.idx, tok.idx + len(tok)), text=tok.text, name=tok.text, sector="GOV",
                     kind="group", resolved_by="phrase+region")
    category = role_nouns.get(lemma(tok)) or role_nouns.get(tok.lower_) or _capitalised_plural(tok, role_nouns)
    if category is None or category in _NOT_AN_ACTOR:
        return None
    # "a state of emergency", "the side of the road" (a singular head: "accused protesters
    # of crimes" is a parse that hangs the charge on the accused)
    for prep in (tok.children if tok.tag_ != "NNS" else ()):
        if prep.dep_ == "prep" and prep.lower_ == "of" and any(
                g.dep_ == "pobj" and g.pos_ == "NOUN" and lemma(g) not in role_nouns for g in prep.children):
            return None
    left = tok.left_edge
    while left.i < tok.i and (left.dep_ in ("det", "predet", "punct") or left.is_punct):
        left = left.nbor(1)
    right = tok
    start, end = left.idx, right.idx + len(right)
    words = tok.doc[left.i:right.i + 1].text  # (Doc.text would join the whole document)
    kind = "person" if tok.tag_ in ("NN", "NNP") and category in ("GOV", "JUD", "LEG") else "group"
    # "Gulf states", "Western powers": a group of several countries, none of them the
    # article's home country or the country of the event's place
    words_before = tok.doc[left.i:tok.i]
    several = any(t.lower_ in load_role_words().multinational_modifiers for t in words_before) \
        or (tok.tag_ in ("NNS", "NNPS") and any(t.lower_ in load_role_words().plural_multinational_modifiers
                                                 for t in words_before)) \
        or tok.lower_ in load_role_words().multinational_nouns or _of_several_countries(tok)
    return Actor(span=(start, end), text=words, name=words, sector=category, kind=kind,
                 resolved_by="phrase+region" if several else "phrase")


def _capitalised_plural(tok, role_nouns: dict[str, str]) -> Optional[str]:
    """The role of a plural role noun the tagger took for a name because it opens the
    sentence ("Rebels shelled the town": PROPN, lemma "Rebels"): its singular, when that
    is a role noun. Not inside a title-case headline ("18 Civilians Killed in ..."),
    whose words are all capitalised: there the tagger's reading stands."""
    if tok.tag_ != "NNPS" or not tok.text[:1].isupper() or not tok.is_sent_start:
        return None
    low = tok.lower_
    for plural, singular in (("ies", "y"), ("men", "man"), ("s", "")):
        if low.endswith(plural) and role_nouns.get(low[: len(low) - len(plural)] + singular):
            return role_nouns[low[: len(low) - len(plural)] + singular]
    return None


def _of_several_countries(tok) -> bool:
    """"the governments of the region", "leaders of the world": an of-phrase naming an area
    of several countries (the role words' regional nouns)."""
    regions = load_role_words().regional_nouns
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = child(prep, "pobj")
            if pobj is not None and lemma(pobj) in regions and not any(
                    c.dep_ in ("amod", "compound", "poss") and c.ent_type_ for c in pobj.children):
                return True  # (not "the Andean region of Peru": a named region is placed)
    return False


def _role_phrase(actor: Actor) -> bool:
    """The actor stands in for a party named only by its role ("gunmen", "Gulf states"):
    ``resolved_by`` "phrase" or one of its refinements ("phrase+region", "phrase+place",
    "phrase+home"), not a named party."""
    return (actor.resolved_by or "").startswith("phrase")

# ------------------------------------------------------------------ subjects

def relative_antecedent(tok):
    """For a subject "who"/"which"/"that", the noun its relative clause modifies."""
    if tok.tag_ in ("WP", "WDT") or tok.lower_ in ("who", "which", "that"):
        clause = tok.head
        while clause.dep_ not in ("relcl", "acl") and clause.head != clause:
            if clause.dep_ not in ("conj", "xcomp", "ccomp"):
                break
            clause = clause.head
        if clause.dep_ in ("relcl", "acl"):
            return clause.head
    return tok


def _copula_subject(noun):
    """"He was the person who initiated the raid": the subject of the copula whose
    predicate the noun is."""
    if noun.dep_ == "attr" and noun.head.pos_ in VERB_POS:
        subj = child(noun.head, "nsubj")
        return subj if subj is not None and subj != noun else None
    return None


def verb_subject(verb, words: Optional[EventWords] = None):
    """The subject token of a verb, found through xcomp (control and raising), conj,
    predicate complements, relative clauses and participles when the verb has none."""
    words = words or event_words()
    v = verb
    for _ in range(6):
        subj = child(v, "nsubj", "csubj")
        if subj is not None:
            return relative_antecedent(subj)
        if v.dep_ == "xcomp":
            # object control: "urged Caracas to negotiate" -> Caracas
            obj = child(v.head, "dobj")
            if obj is not None and obj.i < v.i:
                return obj
            # raising / passive control: "X is expected to", "X was ordered to withdraw"
            passive = child(v.head, "nsubjpass")
            if passive is not None:
                return relative_antecedent(passive)
            v = v.head
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            gov = v.head.head
            if gov.pos_ in NOUN_POS and v.head.lower_ in words.object_control_preps:
                return gov  # "accused [the forces of launching]": the noun is the doer
            obj = child(gov, "dobj")
            if obj is not None and v.head.lower_ in words.object_control_preps:
                return obj  # "accused the US of attacking", "blamed X for attacking"
            v = gov  # "punished Russia by adopting sanctions": the main subject
            continue
        if v.dep_ == "conj" and _joins_reporting_clause(v):
            v = v.head.head  # "X said Y was planning Z and ordered W": X ordered
            continue
        if v.dep_ in ("conj", "acomp", "attr"):
            v = v.head  # "France is ready to contribute": the subject sits on "is"
            continue
        if v.dep_ in ("relcl", "acl") and v.tag_ != "VBN":
            return v.head
        if v.dep_ == "advcl" and v.tag_ == "VBG" and _glosses_report(v):
            v = v.head.head  # "FSB said saboteurs seized a post, accusing Kiev": FSB accuses
            continue
        if v.dep_ == "advcl" and (v.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)):
            v = v.head  # "..., offering assistance", "is in Syria to investigate": the main subject
            continue
        break
    return None


@functools.lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    """Verbs whose object is what was said (the content relations of the cue tables)."""
    return frozenset(load_content_relations())


#: finite verb tags: a verb that carries its own tense
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _joins_reporting_clause(verb) -> bool:
    """A subjectless finite verb that the parse coordinates with the reported clause of a
    speech verb, but whose form does not continue that clause: "Ana said the army was
    preparing an attack and ordered ..." (a progressive, passive or modal reported verb
    coordinated with a simple past) continues the speaker's own sentence, so its subject
    is the speaker's. Two simple pasts ("said the army struck X and killed Y") stay one
    reported clause. Only a verb of saying (knowledge/data/cues/content.tsv: warned,
    urged, denied ...) or one that governs a clause (ordered X to ...) is read as the
    speaker's: a bare act ("said troops were advancing and shelled the hospital") stays
    with the reported subject, so a report never makes its reporter the doer of violence."""
    head = verb.head
    if verb.tag_ not in _FINITE_TAGS or head.dep_ != "ccomp" or head.pos_ != "VERB" \
            or head.head.pos_ not in VERB_POS or child(head.head, "nsubj") is None:
        return False
    if lemma(verb) not in _speech_verbs() and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False  # "... and had ordered": the reported clause goes on
    # (a perfect "had struck X and killed Y" shares its auxiliary: no break there)
    progressive = head.tag_ == "VBG" and any(c.dep_ == "aux" and c.i < head.i for c in head.children)
    passive = head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in head.children)
    modal = head.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    return progressive or passive or (modal and verb.tag_ == "VBD")


def _glosses_report(verb) -> bool:
    """A participle of saying after a reported clause ("X said rebels seized the post,
    accusing Kiev of ...", "..., blaming Moscow"): the parse hangs it on the reported
    verb, but it is the speaker's comment on what it reports, so its subject is the
    speaker's, not the reported doer's (the accuser is not the accused)."""
    reported, speech = verb.head, verb.head.head
    # (after a reported act of saying, "had written to her, promising action", the
    # participle goes on with that act: its doer's)
    return lemma(verb) in _speech_verbs() and verb.i > reported.i and reported.dep_ == "ccomp" \
        and lemma(reported) not in _speech_verbs() and reported.pos_ == "VERB" \
        and speech.pos_ in VERB_POS and lemma(speech) in _speech_verbs() and child(speech, "nsubj") is not None


def is_passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl" and child(verb, "agent") is not None)


def agent_of(verb):
    """The object of a passive's by-phrase ("struck by US forces")."""
    agent = child(verb, "agent")
    return child(agent, "pobj") if agent is not None else None


class RoleFinder:
    """Source and target actors of event candidates in one document."""

    def __init__(self, index, locatives, lex, role_nouns: Optional[dict] = None, quotes=()):
        self.index = index
        self.quotes = list(quotes)
        self.locatives = locatives or {}
        self.lex = lex
        self.words: EventWords = lex.words
        self._all_preps = frozenset().union(*lex.target_preps.values())
        # event nouns ("strikes") name acts, not actors, even where the KB reads "US
        # strikes" as the US military
        # weapons ("missiles") are what an actor uses, never the actor or its target
        instruments = load_instruments()
        self._instruments = instruments
        self.role_words = load_role_words()
        #: spans of the parties that act beside a compound subject's first party
        self.co_acting: set[tuple[int, int]] = set()
        self.role_nouns = {k: v for k, v in (role_nouns or {}).items()
                           if k not in lex.nouns and k not in instruments}

    # -- entry point -----------------------------------------------------------------
    def roles(self, c) -> tuple[list[Actor], list[Actor]]:
        """(sources, targets) of an event candidate, most specific first.

        The parties of a compound subject after the first ("France and Germany
        criticized ...") act with it: they are remembered as co-acting, so that no later
        step takes one of them for the target (a joint act names its two parties as
        source and target instead)."""
        sources, targets = self._roles(c)
        if not sources and c.type in self.role_words.unnamed_doers:
            crowd = self._crowd_subject(c)
            if crowd is not None or targets:
                sources = [self._unnamed_doer(c, crowd)]
        targets = self._fit_targets(c, sources, targets)
        if len(sources) > 1 and "symmetric" not in self.lex.types[c.type].classes:
            self.co_acting.update(a.span for a in sources[1:])
        if sources:
            self.co_acting.update(self._named_with(sources[0], c))
        return sources, targets

    def _fit_targets(self, c, sources: list[Actor], targets: list[Actor]) -> list[Actor]:
        """Drop the targets that name no counterpart of the act, and place an unnamed state
        body by the domestic group it faces:

        * forces the doer moves ("plans to send a squadron of fighters"): an own-forces
          act's unplaced role phrase is the doer's own, not its target;
        * a news outlet told something ("told CNN that ..."): it carries the words, it is
          not their addressee;
        * "Taliban militants attacked a government compound": the unnamed government is
          the militants' country's (not the article's home country)."""
        if sources and c.type in self.lex.types_of("own-forces"):
            targets = [t for t in targets if not (_role_phrase(t) and t.country is None)]
        if c.is_verb and lemma(c.head) in self.words.saying_verbs:
            targets = [t for t in targets if t.sector != NEWS_SECTOR]
        return [self._facing(t, sources) for t in targets]

    def _facing(self, target: Actor, sources: list[Actor]) -> Actor:
        """An unplaced state body named by its role that a domestic opponent of a named
        country acts on belongs to that country."""
        if target.country is not None or not _role_phrase(target) or target.resolved_by != "phrase" \
                or (target.sector or "").lower() not in self.role_words.state_sectors:
            return target
        for source in sources:
            if source.country and (source.sector or "").lower() in self.role_words.domestic_opponent_sectors:
                return dataclasses.replace(target, country=source.country, resolved_by="phrase+party")
        return target

    def _named_with(self, source: Actor, c) -> set[tuple[int, int]]:
        """The other parties named inside the source's own phrase ("the leaders of
        Britain, Germany and France"): they act with it, they are not its target."""
        sent = c.head.sent
        tok = next((t for t in reversed(sent) if self.index[t.i] is source), None)
        if tok is None:
            return set()
        trigger = {t.i for t in c.tokens} | ({c.light.i} if c.light is not None else set())
        top = tok
        while top.dep_ in _WITHIN_PARTY and top.head.i != top.i and top.head.i not in trigger \
                and top.head.pos_ in NOUN_POS + ("ADP",):
            top = top.head
        spans, stack = set(), [top]
        while stack:
            t = stack.pop()
            found = self.index[t.i]
            if found is not None and found.span != source.span:
                spans.add(found.span)
            stack.extend(ch for ch in t.children if ch.dep_ in _WITHIN_PARTY and ch.i not in trigger)
        return spans

    def _grantors(self, c) -> list[Actor]:
        """Who is asked for the thing a request names as its verb's object ("sought
        approval from Congress", "seek Congress' backing", "sought the approval of the
        Security Council", "sought talks with the government"): the from-phrase of the
        verb or of the thing, or the thing's with-phrase, else, for a thing
        only another party can grant (role_words.tsv granted_thing), its possessor or its
        of-phrase. That party is the request's target, before any party the thing is
        wanted for or against ("... for strikes on Syria")."""
        if c.type != "REQUEST" or not c.is_verb or len(c.tokens) < 2:
            return []
        obj = child(c.head, "dobj")
        if obj is None or obj.i not in {t.i for t in c.tokens}:
            return []
        for holder, preps in ((c.head, ("from",)), (obj, ("from", "with"))):
            for prep in holder.children:
                # ("talks with the government": the counterpart of the thing asked)
                if prep.dep_ == "prep" and prep.lower_ in preps:
                    found = self.phrase_actors(child(prep, "pobj"))
                    if found:
                        return found
        if lemma(obj) not in self.role_words.granted_things:
            return []
        for ch in obj.children:
            if ch.dep_ in ("amod", "compound") and self.index[ch.i] is not None:
                return [self.index[ch.i]]  # "congressional approval", "Taliban guarantees"
            owner = ch if ch.dep_ == "poss" else child(ch, "pobj") if ch.dep_ == "prep" and ch.lower_ == "of" else None
            found = self.phrase_actors(owner) if owner is not None else []
            if found:
                return found
        return []

    def _purpose_targets(self, c) -> list[Actor]:
        """"started a hunger strike to protest the president's decree", "rallied to
        denounce Ankara": the object of a purpose clause that names the same act."""
        anchor = c.light if c.light is not None else (c.head if c.is_verb else c.head.head)
        if anchor is None or anchor.pos_ not in VERB_POS:
            return []
        for ch in anchor.children:
            if ch.dep_ != "advcl" or ch.pos_ != "VERB" or not any(a.dep_ == "aux" and a.lower_ == "to"
                                                                  for a in ch.children):
                continue
            if any(t.type == c.type for t in self.lex.lookup(lemma(ch), True)):
                obj = child(ch, "dobj")
                if obj is not None:
                    return self.phrase_actors(obj)
        return []

    def _unnamed_doer(self, c, crowd=None) -> Actor:
        """"Protests against the regime": the people who protest, unresolved (the events
        stage places them where the act happens or in the article's home country). The
        span is the words that name them when the verb has a crowd as subject ("Thousands
        marched"), else the trigger's (where the text implies them); the name is a generic
        group ("protesters"), never the trigger word."""
        words = crowd if crowd is not None else c.head.doc[c.head.i:c.head.i + 1]
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        sector = self.role_words.unnamed_doers[c.type]
        name = self.role_words.unnamed_doer_name(c.type)
        return Actor(span=(start, end), text=words.text, name=name, sector=sector, kind="group",
                     resolved_by="phrase")

    def _crowd_subject(self, c):
        """The crowd subject of the candidate's verb (``crowd_subject``), or None."""
        return crowd_subject(c.head, self.index) if c.is_verb else None

    def fill_candidates(self, actors: list[Actor], text: str = "") -> list[Actor]:
        """The actor mentions that may complete an event a sentence names loosely: not a
        co-acting party of a compound subject, and not a news outlet (an outlet that
        reports an act is no party to it: "according to CNN", "the Times reported"), and
        not the body in a person's title ("UN Secretary General Ana Ruiz": she is the
        party)."""
        people = [a for a in actors if a.kind == "person"]
        return [a for a in actors if a.span not in self.co_acting and a.sector != NEWS_SECTOR
                and not _title_owner(a, people, text)]

    def _roles(self, c, preps: Optional[frozenset] = None) -> tuple[list[Actor], list[Actor]]:
        preps = preps or self.lex.target_preps.get(c.type, frozenset())
        if c.is_verb:
            sources, targets = self._verb_roles(c, preps)
        else:
            sources, targets = self._noun_roles(c, preps)
        grantors = self._grantors(c)
        if grantors:
            targets = grantors  # "sought the approval of Congress for strikes on Syria"
        if c.preset_target is not None and not self._underwent(c.preset_target, c.head.sent):
            targets = [c.preset_target]
        if getattr(c, "preset_source", None) is not None:
            sources = [c.preset_source]  # the speaker of a quoted demand ("'X must go,' Y said. ...")
        if not targets:
            targets = self._purpose_targets(c)
        if not targets and c.content is not None and ("govern" in c.flags or "embed" in c.flags) \
                and not self._addressed_unnamed(c):
            targets = self._content_target(c.content, c)
        if not targets and c.type in ("REQUEST", "AGREE", "THREATEN", "REJECT"):
            targets = self._clause_target(c.head) or (
                self._complement_object(c.head) if not self._addressed_unnamed(c) else [])
        if not targets and c.type in self.role_words.conditioned_types:
            targets = self._conditioning_party(c)
        if not targets and not c.is_verb:
            targets = self._trigger_prep_object(c)
        if not targets:
            targets = self._object_counterparts(c)
        if not targets and self.locatives and "symmetric" not in self.lex.types[c.type].classes:
            # (where two parties meet or agree is no party: "talks in Geneva")
            for anchor in (c.head, c.light, self._predicate_carrier(c.head) if not c.is_verb else None):
                if anchor is not None and not targets:
                    targets = self._locative_targets(anchor)
        if not targets:
            # the recipient often hangs off the object: "providing intelligence to
            # Macedonia", "set up a centre in Tokyo"
            obj = child(c.light if c.light is not None else c.head, "dobj")
            if obj is not None and obj.i not in {t.i for t in c.tokens} \
                    and self._patient_modifier(obj) is None and not self._reaction_to_harm(c, obj):
                # (who underwent an act is not its doer, nor the target of a reaction to it)
                targets = self._prep_targets(obj, preps, c.tokens)
                if not targets and self.locatives and c.type not in self.lex.types_of("reaction"):
                    # (where a thing reacted to lies is no party: "blamed the unrest in
                    # Georgia on ...", "criticised the vote in X" names its own target)
                    targets = self._locative_targets(obj)
        if targets and c.type in self.lex.types_of("reaction"):
            targets = self._answered_doers(c, targets)
        # an actor does not act on itself: "Pyongyang ... North Korea", "the UN
        # secretary general ... the UN" name one party twice
        targets = [t for t in targets if not any(same_party(t, a) for a in sources)]
        return sources, targets

    def _conditioning_party(self, c) -> list[Actor]:
        """"will take action if the rebels attack again", "more sanctions will follow if
        Moscow fails to comply": a threat held out on a condition names the party whose
        conduct would set it off -- the active subject of the condition clause -- and that
        party is whom it threatens (docs/annotation.md 4: a warning with a stated
        consequence). A threat whose clause names its target does not get here."""
        anchor = c.light if c.light is not None else c.head
        if not c.is_verb and anchor.dep_ in ("nsubj", "nsubjpass"):
            anchor = anchor.head  # "sanctions will follow if ...": the clause of the noun
        for verb in (anchor, anchor.head if anchor.dep_ in ("conj", "xcomp") else None):
            if verb is None:
                continue
            for clause in verb.children:
                if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.words.conditional_marks
                                                  for m in clause.children):
                    subject = child(clause, "nsubj")
                    if subject is not None:
                        return self.phrase_actors(relative_antecedent(subject))
        return []

    def _underwent(self, actor: Actor, sent) -> bool:
        """The actor is the possessor that undergoes an event noun ("called Lopez's arrest a
        violation"): a judgement of the act targets its doer, as "condemned Lopez's arrest"
        does, not the one arrested."""
        for tok in sent:
            if self.index[tok.i] is actor and tok.dep_ in ("poss", "compound"):
                patient = self._patient_modifier(tok.head)
                return patient is not None and patient.i == tok.i
        return False

    def _object_counterparts(self, c) -> list[Actor]:
        """"shut down a hotline with its Turkish counterparts", "cut ties with Qatar": the
        object names a relation and its counterpart preposition (role_words.tsv
        counterpart_preposition) the other party, whom the act on the relation reaches
        (before any place: "... with X in Libya" is an act on X, not on Libya)."""
        verb = c.light if c.light is not None else (c.head if c.is_verb else None)
        obj = child(verb, "dobj") if verb is not None else None
        if obj is None or obj.i in {t.i for t in c.tokens}:
            return []
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in self.role_words.counterpart_prepositions:
                found = self.phrase_actors(child(prep, "pobj"))
                if found:
                    return found
        return []

    def _trigger_prep_object(self, c) -> list[Actor]:
        """"critical of Maduro", "a visit to Havana": a trigger phrase that ends in its own
        preposition names the recipient as that preposition's object."""
        own = {t.i for t in c.tokens}
        last = max(own)
        for prep in c.tokens[1:]:
            if prep.dep_ == "prep" and prep.head.i in own and prep.i == last:
                pobj = child(prep, "pobj")
                if pobj is not None:
                    found = self.phrase_actors(pobj)
                    if found:
                        return found
        return []

    def _content_target(self, content, c=None) -> list[Actor]:
        """The recipient of the act a proposal, threat or rejection is about: "offered to
        negotiate with Washington", "threatened to cut off power to X"; for an event noun,
        its doer: "rejected an offer from Kabul", "conceded to demands from the rebels";
        for an act of force or pressure judged, its doer, else the subject of the clause
        that tells it ("accusations that the regime was behind an attack on civilians"),
        else nobody ("condemned the killing of three civilians": the victims are not
        addressed)."""
        sources, targets = self._roles(content, self._all_preps)
        if not content.is_verb and c is not None and self._reaction_to_harm(c, content.head):
            return sources or self._teller_subject(c, content.head)
        if not content.is_verb and (sources or self._patient_modifier(content.head) is not None):
            return sources  # "condemned Macaire's arrest": the arrester, never the arrested
        return targets

    def _teller_subject(self, c, noun) -> list[Actor]:
        """The subject of the clause an act noun is told in, when that clause is the
        judgement's content ("accusations that the regime was behind the attack": the
        regime), not the judging verb's own clause or one the judgement sits in."""
        verb = _own_clause(noun)
        if verb.i == noun.i or verb.i == c.head.i or (c.light is not None and verb.i == c.light.i) \
                or not c.head.left_edge.i <= verb.i <= c.head.right_edge.i:
            return []
        subj = child(verb, "nsubj", "nsubjpass")
        return self.phrase_actors(subj) if subj is not None and subj.pos_ != "PRON" else []

    # -- verbs -----------------------------------------------------------------------
    def _verb_roles(self, c, preps):
        head = c.head
        if "converse" in c.flags and not is_passive(head):
            return self._converse_roles(head)
        sources: list[Actor] = []
        targets: list[Actor] = []
        if is_passive(head):
            by = agent_of(head)
            if by is not None:
                sources = self.agent_actors(by)
            subj = child(head, "nsubjpass")
            if subj is None and head.dep_ == "acl":
                subj = head.head  # "boats struck by US forces"
            if subj is None and head.dep_ == "conj" and head.head.pos_ in VERB_POS:
                # "the engineer, who had lived in Accra and was later kidnapped in Mali": a
                # coordinated passive shares the subject of the verb before it (not a place)
                subj = child(head.head, "nsubj", "nsubjpass")
            if subj is not None:
                found = self.phrase_actors(relative_antecedent(subj))
                if c.type in self.lex.types_of("own-forces") and not sources:
                    # "troops are deployed", "US troops will be withdrawn": the forces
                    # moved stand for their own side, the mover (no target)
                    sources = found
                else:
                    targets = found
        else:
            sources = self.subject_actors(head)
        obj = child(head, "dobj", "dative")
        trigger_tokens = {t.i for t in c.tokens}
        if not is_passive(head):
            if obj is not None and obj.i not in trigger_tokens and (
                    self._patient_modifier(obj) is not None or self._reaction_to_harm(c, obj)):
                # "condemned Macaire's arrest", "condemned the seizure of the tanker by
                # Iran": a reaction targets the doer of the act, never who underwent it
                targets = self._noun_modifier_source(obj)
            elif obj is not None and obj.i not in trigger_tokens:
                targets = self.phrase_actors(obj)
                if not targets and c.type in self.lex.types_of("reaction"):
                    # "rejected the government's budget plan": whose the judged thing is
                    targets = [a for a in [self._role_possessor(obj)] if a is not None]
                if not targets and obj.pos_ in NOUN_POS:
                    # "condemned the use of force by government troops": the doer
                    targets = self._noun_modifier_source(obj)
            if not targets:
                dative = child(head, "dative")
                if dative is not None and dative.i not in trigger_tokens:
                    targets = self.phrase_actors(dative)
        person_object = obj is not None and obj.lower_ in self.role_words.person_object_pronouns
        if not targets and person_object:
            # "praised Maduro ... and compared him to X": "him" is the target, not X
            targets = self._person_named_before(obj, sources)
        if (not targets or all(_role_phrase(t) for t in targets)) and not person_object:
            # "offered its troops to Lebanon's president": the recipient, not the thing given
            named = self._prep_targets(head, preps, c.tokens)
            if named and (not targets or any(not _role_phrase(t) for t in named)):
                targets = named
        for other in c.tokens[1:]:
            if not targets and other.pos_ in NOUN_POS:  # "held a meeting with X"
                targets = self._prep_targets(other, preps, c.tokens)
            if not targets and other.dep_ == "prep":  # "called on Maduro", "stands with Ukraine"
                pobj = child(other, "pobj")
                if pobj is not None:
                    targets = self.phrase_actors(pobj)
        if not targets and obj is not None and obj.i not in trigger_tokens \
                and c.type in self.role_words.dispossessing_types:
            # "captured the city from Jordan", "seized weapons from the rebels": the
            # party the thing is taken from
            targets = self._from_phrase(head)
        if not targets and obj is not None and obj.pos_ in NOUN_POS and obj.i not in trigger_tokens:
            targets = self._event_doer(obj)
            if not targets and c.type in self.lex.types_of("addressed"):
                # "turned down visa requests from the dissident", "demanded an apology from
                # Tokyo": whoever the answered or wanted thing comes from
                targets = self._from_phrase(obj)
        return sources, targets

    def _reaction_to_harm(self, c, obj) -> bool:
        """A judgement of an act of force or of pressure ("condemned the shelling of
        Aleppo", "rejected the annexation of Crimea", "praised the arrest of the
        smugglers"): the act's of-phrase names who underwent it, so the judgement's target
        is the act's doer (docs/annotation.md 5), not that phrase. The acts are the event
        nouns of the conflict types whose of-phrase is no doer (not self-moving: "the
        deployment of US troops" names the mover); the judgements are the types of class
        ``judging`` (types.tsv: a threat or a demand shares its act's own target)."""
        return c.type in self.lex.types_of("judging") and self._harm_noun(obj)

    def _harm_noun(self, noun) -> bool:
        """An event noun of force or pressure done to someone: a conflict type that is not
        self-moving (ASSAULT, COERCE, SANCTION: "the shelling", "the expulsion"), or a noun
        of harm a person undergoes (role_words.tsv patient_possessor: "the jailing")."""
        if noun.pos_ != "NOUN":
            return False
        if lemma(noun) in self.role_words.patient_possessor_nouns:
            return True
        harms = self.lex.types_of("conflict") - self.lex.types_of("self-moving")
        return any(t.type in harms for t in self.lex.lookup(lemma(noun), False))

    def _answered_doers(self, c, targets: list[Actor]) -> list[Actor]:
        """A reaction's targets, where one is who underwent the done act the reaction
        answers ("threatened to retaliate for the expulsion of its diplomats", "vowed
        revenge for Lopez's arrest"; role_words.tsv reason_preposition): that act's doer
        instead (nobody when the sentence names none)."""
        out: list[Actor] = []
        for target in targets:
            act = self._answered_act(c, target)
            if act is None:
                out.append(target)
            else:
                out.extend(a for a in self._noun_modifier_source(act) if a not in out)
        return out

    def _answered_act(self, c, actor: Actor):
        """The harm noun after a reason preposition whose patient ``actor`` is, or None."""
        tok = _phrase_head(c.head.doc, actor.span)
        if tok is None:
            return None
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            act = tok.head.head
        elif tok.dep_ == "poss" and self._patient_modifier(tok.head) is not None:
            act = tok.head
        else:
            return None
        if act.dep_ == "pobj" and act.head.lower_ in self.role_words.reason_prepositions \
                and self._harm_noun(act):
            return act
        return None

    def _converse_roles(self, verb) -> tuple[list[Actor], list[Actor]]:
        """Roles of a verb whose subject undergoes the act (a converse CAMEO reading:
        "Kyiv received jets from Oslo", "the editor stood trial"): the party of the
        from-phrase (on the verb or its object) does it, the subject receives it."""
        obj = child(verb, "dobj")
        doers = self._from_phrase(verb) or (self._from_phrase(obj) if obj is not None else [])
        return doers, self.subject_actors(verb)

    def _person_named_before(self, pronoun, sources) -> list[Actor]:
        """The person an object pronoun ("him", "her") stands for: the nearest person
        named before it in its sentence who is not the act's doer; none when the
        sentence names no other (the target stays open rather than taking a
        prepositional phrase's party)."""
        for t in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
            found = self.index[t.i]
            if found is not None and found.kind == "person" and not any(same_party(found, a) for a in sources):
                return [found]
        return []

    def subject_actors(self, verb) -> list[Actor]:
        """The actors of a verb's subject. A thing does not act: when the subject is a
        document or plan that is the object of another verb ("signed an order imposing
        sanctions"), the issuer is; a pronoun falls back to the reporting clause's
        subject ("Syria says it is willing ...")."""
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and _glosses_report(verb):
            reported_doers = self._reported_doers_gloss(verb)
            if reported_doers:
                return reported_doers
        subj = verb_subject(verb)
        for _ in range(3):
            if subj is None:
                return []
            found = self.phrase_actors(subj)
            if found:
                return found
            if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and verb.head.pos_ == "AUX" \
                    and subj.head.i == verb.head.i:
                # "Cabello said [the dead were not gang members and accused Washington]":
                # the parse joins the act to a reported copula clause about a non-party;
                # the act is the speaker's
                speaker = child(verb.head.head, "nsubj")
                found = self.phrase_actors(speaker) if speaker is not None else []
                if found:
                    return found
            issuer = self._issuer(subj) or _copula_subject(subj)
            if issuer is None:
                break
            subj = issuer
        if subj is not None and subj.lower_ in self.role_words.thing_pronouns and lemma(verb) == "be":
            return []  # "it would be the first meeting": the pronoun is the act, not a party
        if subj is not None and (subj.pos_ == "PRON" or any(
                ch.dep_ == "poss" and ch.pos_ == "PRON" for ch in subj.children)):
            speaker = self._quote_speaker(subj)
            if speaker is not None:
                return [speaker]
            return self._antecedent_of_pronoun(verb) or self._previous_subject(subj)
        return []

    def _reported_doers_gloss(self, participle) -> list[Actor]:
        """A participle of saying after a reported clause is the speaker's comment
        (_glosses_report), unless the party it accuses is the speaker's own side: "Police
        said protesters attacked a station, accusing the officers of brutality" -- the
        police do not accuse their own officers, the protesters do. Then the doer is the
        reported clause's subject; otherwise none here (the speaker, as before)."""
        reported = verb_subject(participle.head)
        speaker = verb_subject(participle.head.head)
        accused = child(participle, "dobj")
        if reported is None or speaker is None or accused is None:
            return []
        speakers, accused_parties = self.phrase_actors(speaker), self.phrase_actors(accused)
        if not any(one_side(a, s) for a in accused_parties for s in speakers):
            return []
        return self.phrase_actors(reported)

    def _previous_subject(self, pronoun) -> list[Actor]:
        """"... the foreign ministers of France and Poland were in Kiev. They first met
        with Yanukovych": a third-person subject pronoun the actor layer left unresolved
        takes the actor subject of the sentence just before, in the same paragraph."""
        if pronoun.lower_ not in self.words.third_person_subjects:
            return []
        sent = pronoun.sent
        if sent.start == 0:
            return []
        last = sent.doc[sent.start - 1]
        if "\n" in last.whitespace_ or "\n" in last.text:
            return []  # a new paragraph
        subj = child(last.sent.root, "nsubj", "nsubjpass")
        if subj is None or subj.pos_ == "PRON":
            return []
        found = self.phrase_actors(subj)
        if pronoun.lower_ in ("he", "she"):
            found = [a for a in found if a.kind == "person"]
        return found[:1]

    def _quote_speaker(self, subj) -> Optional[Actor]:
        """"We welcome ...", "I call on ...", "our forces" inside a quote: the speaker."""
        first = self.words.first_person
        first_person = subj.lower_ in first or any(ch.dep_ == "poss" and ch.lower_ in first for ch in subj.children)
        if not first_person:
            return None
        at = subj.idx
        for q in self.quotes:
            if q.span[0] <= at < q.span[1] and q.speaker is not None:
                return q.speaker
        return None

    def _issuer(self, noun):
        """The subject of the verb that issued a document noun ("signed an order", "the
        bill he introduced"), or None when the noun is no document or has no issuer."""
        if noun.pos_ not in NOUN_POS or lemma(noun) not in self.words.carrier_documents:
            return None
        if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in VERB_POS:
            verb = noun.head
            by = agent_of(verb) if is_passive(verb) else None
            return by if by is not None else verb_subject(verb)
        return None

    # -- nouns -----------------------------------------------------------------------
    def _noun_roles(self, c, preps):
        noun = c.head
        container = self._container(noun)
        undergoer = self._undergoing_verb(container)
        if undergoer is not None:
            # "Trump faced criticism from allies", "troops came under fire from tanks":
            # the subject suffers the act, the from-phrase does it; an act as the subject
            # ("the arrest of X by police drew criticism") points at its doer, not at
            # whoever the act names
            return self._from_source(noun, undergoer), self._undergoer(undergoer)
        receiver = self._receiving_verb(c, container)
        if receiver is not None:
            # "Modi accepted Macron's invitation", "X rejected the accusations": who
            # answers the act is whom it was addressed to
            answering = self.subject_actors(receiver)
            if answering:
                doers = self._noun_modifier_source(noun) or self._from_phrase(noun)
                return [a for a in doers if not any(same_party(a, b) for b in answering)], answering
        cause = self._causing_verb(c, container)
        if cause is not None:
            # "the annexation sparked outrage in Kiev": Kiev reacts, to the annexer
            return self._reacting_party(noun), self._cause_doer(cause)
        pair = self._hyphened_pair(noun) if "symmetric" in self.lex.types[c.type].classes else []
        if pair:
            # "Israeli-Palestinian talks", "the Russia-Ukraine negotiations": a joint act
            # named by its two parties joined with a hyphen; the first is the source, as
            # annotators code a joint act (docs/annotation.md 3)
            return pair[:1], pair[1:]
        sources = self._noun_modifier_source(noun)
        self_moving = c.type in self.lex.types_of("self-moving")
        if not sources and self_moving:
            sources = self._of_source(noun)  # "the withdrawal of US troops"
        if not sources and not self_moving:
            sources = self._from_phrase(noun)  # "an offer from Kabul", "gunfire from riot police"
        if not sources:
            sources = self._controlled_doer(noun)  # "accused the army of arrests": the army
        carrier = self._carrier_verb(c, container)
        if not sources and carrier is not None:
            if is_passive(carrier):
                by = agent_of(carrier)
                sources = self.phrase_actors(by) if by is not None else []
            else:
                sources = self.subject_actors(carrier)
        if not sources and container != noun:
            sources = self._noun_modifier_source(container)
        parties = self._between(noun)
        if not sources and len(parties) > 1:
            # "fighting between troops and rebels", "talks between X and Y": the first
            # named party is the source, as annotators code a joint act
            return parties[:1], parties[1:2]
        targets = self._prep_targets(noun, preps, c.tokens) or self._clause_targets(noun, preps, c.tokens)
        patient = self._patient_modifier(noun)
        if not targets and patient is not None:
            targets = [self.index[patient.i]]  # "Macaire's arrest": Macaire is arrested
        if not sources:
            sources = self._clause_subject(noun)
        if not targets and container != noun:
            targets = self._prep_targets(container, preps, c.tokens)
            if not targets and lemma(container) in self.words.generic_event_heads:
                targets = self._between(container)
        if not targets:
            targets = self._victims(noun)
        if not targets:
            targets = parties
        if not targets and carrier is not None and (c.light is not None or container != noun):
            targets = self._prep_targets(carrier, preps, c.tokens)
            if not targets:
                dative = child(carrier, "dative")
                if dative is not None:
                    targets = self.phrase_actors(dative)
        return sources, targets

    def _controlled_doer(self, noun) -> list[Actor]:
        """The object of the verb an act noun completes through an object-control
        preposition is the act's doer, as with a gerund (verb_subject): "accused the
        rebels of killings and torture", "blamed Tehran for the attack", "accused the
        regime of abuses, including arbitrary arrests". Not through "from": "protected
        the town from attacks" names the target."""
        tok = noun
        for _ in range(6):
            if tok.dep_ == "conj":
                tok = tok.head  # "killings and torture"
            elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in NOUN_POS \
                    and tok.head.head.i < tok.i and tok.head.lower_ in self.words.example_preps:
                tok = tok.head.head  # "abuses, including arrests": the arrests are abuses
            else:
                break
        prep = tok.head
        if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in self.words.object_control_preps \
                or prep.lower_ == "from":
            return []
        gov = prep.head
        if gov.pos_ in NOUN_POS and gov.dep_ == "dobj" and gov.head.pos_ in VERB_POS:
            obj = gov  # the parser hangs "of killings" on the object
        elif gov.pos_ in VERB_POS:
            obj = child(gov, "dobj")
        else:
            return []
        if obj is None or obj.i > prep.i:
            return []
        # the object's own phrase only: its conjuncts may be the act's other examples
        # ("accused the army of arrests and the detention of journalists")
        found = actor_of_phrase(obj, self.index) or phrase_actor(obj, self.role_nouns)
        return [found] if found is not None else []

    def _clause_targets(self, noun, preps, exclude) -> list[Actor]:
        """The recipient named in a clause on an event noun: "sanctions imposed on
        Caracas", "the sanctions it re-imposed on Iran", "aid sent to Kiev"."""
        for ch in noun.children:
            if ch.dep_ in ("acl", "relcl") and ch.pos_ in VERB_POS and ch.i > noun.i:
                found = self._prep_targets(ch, preps, exclude)
                if found:
                    return found
        return []

    def _victims(self, noun) -> list[Actor]:
        """"a strike at the airport that killed a general", "an ambush killing three
        soldiers", "a roadside bombing near the town killed a soldier": whom a clause on
        the event noun, or the verb the noun is the subject of, says it killed or wounded
        is its target (the victims' side, docs/annotation.md 5), not where it happened."""
        verbs = [ch for ch in noun.children if ch.dep_ in ("relcl", "acl") and ch.i > noun.i]
        if noun.dep_ == "nsubj" and noun.head.i > noun.i:
            verbs.append(noun.head)
        for verb in verbs:
            if lemma(verb) in self.words.casualty_verbs and not is_passive(verb):
                victims = child(verb, "dobj")
                if victims is not None:
                    return self.phrase_actors(victims)
        return []

    def _clause_subject(self, noun) -> list[Actor]:
        """"the sanctions the US imposed": the subject of a relative clause on an event
        noun whose object the noun is (a relative pronoun is the noun itself)."""
        for ch in noun.children:
            if ch.dep_ == "relcl" and ch.pos_ in VERB_POS and lemma(ch) in self.lex.light_verbs:
                subj = child(ch, "nsubj")
                if subj is not None and subj.tag_ not in ("WP", "WDT") and subj.lower_ != "that":
                    return self.phrase_actors(subj)
        return []

    def _hyphened_pair(self, noun) -> list[Actor]:
        """The two parties that modify an event noun as one hyphened word ("Israeli-
        Palestinian negotiations", "the North Korea-South Korea talks"), in the order
        named; [] when the words around the hyphen are not two parties of the noun's own
        modifiers ("U.S.-brokered talks" is one word; "Trump-Kim" with "Kim" unresolved)."""
        sdoc = noun.doc
        for tok in noun.subtree:
            if tok.i >= noun.i - 1 or tok.i < 1 or tok.text not in ("-", "\u2013"):
                continue
            left, right = sdoc[tok.i - 1], sdoc[tok.i + 1]
            if left.whitespace_ or tok.whitespace_:
                continue  # ("Israel - which ..."): a dash between phrases, not a compound word
            first, second = self.index[left.i], self.index[right.i]
            if first is None or second is None or first.span == second.span or same_party(first, second):
                continue
            if all(t.dep_ in ("amod", "compound", "nmod", "punct") or t.i == noun.i
                   for t in (left, right, left.head, right.head)) and right.head.i <= noun.i:
                return [first, second]
        return []

    def _between(self, noun) -> list[Actor]:
        """"mediation between Syria and Arafat", "fighting between troops and rebels",
        "talks including Armenia and Azerbaijan": the parties named after a preposition
        of participants (``participant_preps``; the caller keeps the first as target)."""
        for prep in noun.children:
            if prep.lower_ not in self.words.participant_preps:
                continue
            # a preposition ("between X and Y") or a participle the parser reads as a
            # clause ("talks involving X and Y")
            pobj = child(prep, "pobj") if prep.dep_ == "prep" else \
                child(prep, "dobj") if prep.dep_ == "acl" else None
            if pobj is None:
                continue
            found = self.phrase_actors(pobj)
            # "Armenia, Azerbaijan and Russia": every conjunct is a party, in order
            for conj in pobj.conjuncts:
                found += [a for a in self.phrase_actors(conj) if a not in found]
            return found
        return []

    def _undergoing_verb(self, noun):
        """The verb whose subject suffers a nominal event: "faced criticism", "came under
        fire", "drew condemnation"."""
        if noun.dep_ == "dobj" and lemma(noun.head) in self.words.undergo_verbs:
            return noun.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "under" and lemma(noun.head.head) in ("come", "be"):
            return noun.head.head
        return None

    def _undergoer(self, verb) -> list[Actor]:
        """Who suffers the reaction a verb of undergoing names ("X faced criticism"): its
        subject, or, when the subject is an act ("the arrest of X by Y drew criticism"),
        that act's doer (nobody, if the sentence does not name one)."""
        subj = verb_subject(verb, self.words)
        if subj is not None and subj.pos_ == "NOUN" and lemma(subj) in self.lex.nouns:
            return self._noun_modifier_source(subj)
        return self.subject_actors(verb)

    def _receiving_verb(self, c, noun):
        """The verb whose subject answers an addressed act named by its object: "accepted
        the invitation", "rejected the charges" (role_words.tsv receiving_verb)."""
        if c.type not in self.lex.types_of("addressed") or noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
            return None
        return noun.head if lemma(noun.head) in self.role_words.receiving_verbs else None

    def _causing_verb(self, c, noun):
        """The verb that brought a reaction about: "sparked outrage", "provoked
        condemnation" (role_words.tsv causative_verb; the reaction types only)."""
        if c.type not in self.lex.types_of("reaction") or noun.dep_ != "dobj":
            return None
        return noun.head if lemma(noun.head) in self.role_words.causative_verbs else None

    def _reacting_party(self, noun) -> list[Actor]:
        """Who shows a reaction: "outrage in Kiev", "anger among Kurds", "condemnation
        from the UN" (a capital named as where the outrage is stands for its state)."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "among", "from"):
                pobj = child(prep, "pobj")
                if pobj is None:
                    continue
                found = self.phrase_actors(pobj) or [
                    a for a in (self.locatives.get(t.i) for t in [pobj] + conjuncts(pobj)) if a is not None]
                if found:
                    return found
        return []

    def _cause_doer(self, verb) -> list[Actor]:
        """Whoever did what brought a reaction about: the causing verb's subject, or the
        doer of the act its subject names ("Russia's annexation sparked ...")."""
        subj = verb_subject(verb, self.words)
        if subj is not None and subj.pos_ in NOUN_POS and lemma(subj) in self.lex.nouns:
            return self._noun_modifier_source(subj)  # (its of-object underwent the act)
        return self.subject_actors(verb)

    def _from_source(self, noun, verb) -> list[Actor]:
        return self._from_phrase(noun) or self._from_phrase(verb) or self._noun_modifier_source(noun)

    def _from_phrase(self, tok) -> list[Actor]:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                pobj = child(prep, "pobj")
                if pobj is not None:
                    found = self.phrase_actors(pobj)
                    if found:
                        return found
        return []

    def _event_doer(self, noun) -> list[Actor]:
        """The doer of an event noun that is the object of the trigger ("rejected an
        offer from Kabul", "accepted demands from the rebels")."""
        if lemma(noun) not in self.lex.nouns:
            return []
        return self._from_phrase(noun) or self._noun_modifier_source(noun)

    def _of_source(self, noun) -> list[Actor]:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = child(prep, "pobj")
                if pobj is not None:
                    return self.phrase_actors(pobj)
        return []

    def _patient_modifier(self, noun):
        """The possessor (or a person named before it) that undergoes an event noun:
        "Macaire's arrest", "the Khashoggi killing" (the actor KB's patient-possessor
        nouns); None when an of-phrase names who undergoes it ("Iran's arrest of the
        envoy": the possessor arrests)."""
        if lemma(noun) not in self.role_words.patient_possessor_nouns:
            return None
        if any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in noun.children):
            return None
        for ch in noun.children:
            actor = self.index[ch.i]
            if actor is None:
                continue
            if ch.dep_ == "poss" or (ch.dep_ == "compound" and actor.kind == "person"):
                return ch
        return None

    def _noun_modifier_source(self, noun) -> list[Actor]:
        """"Venezuela's seizure", "US strikes", "the seizure by the US", "the attack,
        allegedly ordered by Assad"."""
        patient = self._patient_modifier(noun)
        for ch in noun.children:
            if _parenthesised(ch) or (patient is not None and ch.i == patient.i):
                continue  # "(CNN) Apologies from ...": a credit, not the doer
            actor = self.index[ch.i] if ch.dep_ in ("poss", "compound", "amod", "nmod") else None
            if actor is not None and not (ch.dep_ == "compound" and actor.resolved_by == "metonymy"):
                return [actor]  # ("the Paris attacks": a city before the noun says where)
        for ch in noun.children:
            if ch.dep_ == "prep" and ch.lower_ == "by":
                pobj = child(ch, "pobj")
                if pobj is not None:
                    found = self.phrase_actors(pobj)
                    if found:
                        return found
            if ch.dep_ == "prep" and ch.lower_ == "of":
                found = self._by_agent_of_patient(child(ch, "pobj"))
                if found:
                    return found
            if ch.dep_ == "acl" and ch.tag_ == "VBN":
                by = agent_of(ch)
                if by is not None:
                    found = self.phrase_actors(by)
                    if found:
                        return found
        return []

    def _by_agent_of_patient(self, patient) -> list[Actor]:
        """"the capture of the port by rebel forces": the parse often hangs the event
        noun's by-phrase on its of-object; a by-phrase naming a party there is still the
        event's agent (a thing is not made "by" a party inside a noun phrase otherwise)."""
        if patient is None:
            return []
        for ch in patient.children:
            if ch.dep_ == "prep" and ch.lower_ == "by" and ch.i > patient.i:
                pobj = child(ch, "pobj")
                found = self.phrase_actors(pobj) if pobj is not None else []
                if found:
                    return found
        return []

    def _container(self, noun):
        """"a series of strikes", "a letter of apology", "a mediation effort": the noun
        that carries the event noun in the clause (the event noun itself when none)."""
        holder = noun.head
        if noun.dep_ == "compound" and lemma(holder) in self.words.generic_event_heads:
            return holder
        if noun.dep_ == "pobj" and holder.dep_ == "prep" and holder.lower_ == "of":
            outer = holder.head
            if outer.pos_ in NOUN_POS + ("NUM",) and (
                    lemma(outer) in self.words.quantifier_nouns
                    or lemma(outer) in self.words.carrier_documents):
                return outer
        return noun

    def _carrier_verb(self, c, container):
        """The verb whose subject is the source of a nominal event: a light verb
        ("launched strikes"), an intention verb ("considering strikes"), the issuing verb
        of a document ("sent a letter of apology"), or a predicate ("is ready to")."""
        if c.light is not None:
            return c.light
        verb = container.head
        if container.dep_ == "dobj" and verb.pos_ in VERB_POS:
            if lemma(verb) in self.words.intent_verbs or lemma(verb) in self.lex.light_verbs:
                return verb
            if container != c.head and lemma(container) in self.words.carrier_documents:
                return verb
        if container.dep_ == "pobj" and container.head.lower_ in self.role_words.instrument_prepositions \
                and container.head.head.pos_ in VERB_POS:
            return container.head.head  # "went after Turkey with sanctions": the means of the subject
        return self._predicate_carrier(container)

    def _predicate_carrier(self, noun):
        """"France is ready to contribute" (ready complements is), "Hussein arrived in
        Amman on a visit"."""
        if noun.dep_ in ("acomp", "attr") and noun.head.pos_ in VERB_POS:
            return noun.head
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("on", "for"):
            verb = noun.head.head
            if verb.pos_ in VERB_POS and lemma(verb) in self.words.arrival_verbs:
                return verb
        return None

    # -- helpers ---------------------------------------------------------------------
    def phrase_actors(self, tok) -> list[Actor]:
        """The actors of a noun phrase; a role-noun phrase with no actor mention
        ("gunmen", "riot police") stands in as an unresolved actor."""
        if tok is None:
            return []
        out: list[Actor] = []
        for t in [tok] + conjuncts(tok):
            found = actor_of_phrase(t, self.index) or phrase_actor(t, self.role_nouns) \
                or self._of_partitive(t) or self._institution_of(t)
            if found is not None and found.resolved_by == "phrase" and found.country is None:
                found = self._affiliated(found, t)
            examples = self._examples(t) if found is None or _role_phrase(found) else []
            if examples:  # "several states, including Peru": the states named
                out.extend(a for a in examples if all(a.span != b.span for b in out))
            elif found is not None and all(found.span != a.span for a in out):
                out.append(found)
        return out

    def _role_possessor(self, tok) -> Optional[Actor]:
        """"the administration's trade policy", "the regime's budget plan": a thing judged,
        rejected or asked for, named with the body it belongs to, stands for that body when
        the body is named by its role, as "Russia's policy" stands for Russia
        (``actor_of_phrase``). Only for the object of a reaction (an accusation, a
        rejection, support, a demand, a threat): a person possessed is a party of their own
        ("arrested the minister's driver" arrests the driver), and so are kin, people and
        acts undergone ("the minister's arrest": the minister underwent it)."""
        words = self.words
        if tok.pos_ not in NOUN_POS or lemma(tok) in self.role_nouns or tok.ent_type_ in ("PERSON", "NORP") \
                or lemma(tok) in self.role_words.patient_possessor_nouns or lemma(tok) in words.kin_nouns \
                or lemma(tok) in words.people_nouns:
            return None
        owner = child(tok, "poss")
        if owner is None or owner.pos_ not in NOUN_POS:
            return None
        return phrase_actor(owner, self.role_nouns)

    def _affiliated(self, actor: Actor, tok) -> Actor:
        """People named by their role take the country of the body the phrase ties them to
        (role_words.tsv affiliation_verb, mission_noun): "two officers assigned to the US
        embassy", "staff working for the German consulate", "a guard employed by the
        French mission", "staff at the British embassy" are that state's people, not the
        article's home country's. The tie must name a body (an organisation, a role noun
        or a mission), never a bare place ("troops serving in Iraq" stay unplaced here)."""
        words = self.role_words
        for ch in tok.children:
            if ch.dep_ == "acl" and ch.tag_ in ("VBN", "VBG") and lemma(ch) in words.affiliation_verbs:
                bodies = [child(p, "pobj") for p in ch.children if p.dep_ in ("prep", "agent")]
            elif ch.dep_ == "prep" and ch.lower_ in ("at", "with", "in"):
                bodies = [b for b in [child(ch, "pobj")] if b is not None and lemma(b) in words.mission_nouns]
            else:
                continue
            for body in bodies:
                owner = self._body_party(body)
                if owner is not None:
                    return dataclasses.replace(actor, country=owner.country, resolved_by="phrase+affiliation")
        return actor

    def _body_party(self, body) -> Optional[Actor]:
        """The party of a noun phrase that names a body (an organisation, a role noun, a
        state's mission), with its country; None for a bare place or a stateless body."""
        if body is None or body.pos_ not in NOUN_POS:
            return None
        own = self.index[body.i]
        is_body = (own is not None and own.kind in ("org", "group")) or lemma(body) in self.role_words.mission_nouns \
            or lemma(body) in self.role_nouns
        if not is_body:
            return None
        found = actor_of_phrase(body, self.index)
        return found if found is not None and found.country else None

    def _institution_of(self, tok) -> Optional[Actor]:
        """"an army base", "a police station", "a government compound": a place or thing
        (role_words.tsv facility_noun) named after the body it belongs to (a role noun
        before it) stands for that body when it is an act's target."""
        if tok.pos_ != "NOUN" or lemma(tok) not in self.role_words.facility_nouns:
            return None  # (not "army reservists": people of the army are its own forces)
        for c in tok.children:
            if c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ == "NOUN":
                return phrase_actor(c, self.role_nouns)
        return None

    def _examples(self, tok) -> list[Actor]:
        """"countries that back the junta, including Laos and Cambodia": a phrase that
        names no party by itself is the parties it gives as examples, first named first.
        The parse may hang the examples of a plural noun on the singular object of its
        relative clause after a comma ("countries that back the junta, including ...")."""
        holders = [tok]
        if tok.tag_ in ("NNS", "NNPS"):
            for clause in (c for c in tok.children if c.dep_ == "relcl"):
                holders += [o for o in clause.children if o.dep_ == "dobj" and o.tag_ in ("NN", "NNP")]
        for prep in (p for h in holders for p in h.children):
            if prep.dep_ == "prep" and prep.lower_ in self.words.example_preps and prep.i > tok.i \
                    and (prep.head.i == tok.i or prep.nbor(-1).text == ","):
                pobj = child(prep, "pobj")
                if pobj is not None:
                    return actors_of_phrase(pobj, self.index)
        return []

    def agent_actors(self, by) -> list[Actor]:
        """The actors of a by-phrase; for a weapon, whoever used it: "killed by a
        canister fired by riot police" -> the riot police."""
        found = self.phrase_actors(by)
        if found or by is None or lemma(by) not in self._instruments:
            return found
        for ch in by.children:
            if ch.dep_ == "acl" and ch.tag_ == "VBN":
                user = agent_of(ch)
                if user is not None:
                    return self.phrase_actors(user)
        return []

    def _of_partitive(self, tok) -> Optional[Actor]:
        """"hundreds of riot police", "dozens of protesters", "members of Congress"."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                pobj = child(prep, "pobj")
                if pobj is not None:
                    return actor_of_phrase(pobj, self.index) or phrase_actor(pobj, self.role_nouns)
        return None

    def _antecedent_of_pronoun(self, verb) -> list[Actor]:
        """"Syria says it is willing to withdraw": a pronoun subject refers to the subject
        of the clause it is reported in (when the actor layer has no coreference)."""
        v = verb
        for _ in range(4):
            if v.head == v:
                break
            v = v.head
            subj = child(v, "nsubj")
            if subj is not None and subj.pos_ != "PRON":
                found = self.phrase_actors(subj)
                if found:
                    return found[:1]
        return []

    def _clause_target(self, tok) -> list[Actor]:
        """"demanded that the US cancel ...", "pressed for Kyiv to pull back its
        tanks": the subject of the demanded clause, a that-clause or a for-to infinitive
        (whose "for" marks the clause: its subject is whom the demand addresses)."""
        for c in tok.children:
            # a clause before the verb is no content of it ("X was not happy -- Y even
            # threatened ...": a parse that hangs the first clause on the second)
            if c.i > tok.i and (c.dep_ == "ccomp" or _for_to_clause(c)):
                subj = child(c, "nsubj", "nsubjpass")
                if _for_to_clause(c) and self._undergoes(c, subj):
                    continue  # "called for the journalists to be released": they are freed, not asked
                if subj is not None and subj.pos_ != "PRON":
                    # (a for-to subject is an addressee like an object: a group named by
                    # its role counts too, "called for the army to return to barracks")
                    found = self.phrase_actors(subj) if _for_to_clause(c) else actors_of_phrase(subj, self.index)
                    if found:
                        return found
        return []

    def _undergoes(self, clause, subj) -> bool:
        """The subject of a for-to clause undergoes its act rather than is asked to do it:
        a party as passive subject ("for the prisoners to be freed"). Whoever holds the
        prisoners is the one addressed, and the sentence does not name them. (A thing as
        passive subject, "for more rights to be granted to the regions of X", leaves the
        addressee to the phrase around it; verbs of undergoing were tried and dropped:
        "absorb" or "receive" also take in refugees, an act asked of the subject.)"""
        if subj is None or subj.dep_ != "nsubjpass":
            return False
        return self.index[subj.i] is not None or lemma(subj) in self.role_nouns

    def _addressed_unnamed(self, c) -> bool:
        """The verb names whom it addresses by a noun no actor stands for ("called on the
        chancellor to block Iranian purchases", "asked the regulator to ban Chinese
        drones"): the parties of the asked-for act are not the addressee, so the target
        stays open rather than taking them."""
        if not c.is_verb:
            return False
        own = {t.i for t in c.tokens}
        addressee = child(c.head, "dobj", "dative")
        if addressee is None:
            prep = next((t for t in c.tokens[1:] if t.dep_ == "prep"), None)
            addressee = child(prep, "pobj") if prep is not None else None
        if addressee is None or addressee.i in own or addressee.pos_ not in NOUN_POS \
                or lemma(addressee) in self.lex.nouns or self.phrase_actors(addressee):
            return False
        # an object-control frame: the asked-for act is the verb's own clause after the
        # addressee ("urged the regulator to ban ..."), not a clause on a thing the verb
        # takes ("opposed the decision to hold talks with X": X is no content party)
        content = child(c.head, "xcomp", "ccomp")
        return content is not None and content.i > addressee.i

    def _complement_object(self, tok) -> list[Actor]:
        """The first actor among the objects of the act a threat, offer, demand or refusal
        is about, when that act is no event word: "threatened to deliver blows to the
        US", "offered to send doctors to Liberia"."""
        clause = child(tok, "xcomp", "ccomp")
        if clause is None:
            return []
        frontier = [clause]
        for _ in range(4):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass", "csubj", "punct", "cc", "mark", "aux", "advmod"):
                        continue
                    if c.dep_ in ("dobj", "pobj", "dative"):
                        found = actors_of_phrase(c, self.index)
                        if found:
                            return found
                    nxt.append(c)
            frontier = nxt
        return []

    def _locative_targets(self, tok) -> list[Actor]:
        """A locative actor in a prepositional phrase of the trigger ("lifted a curfew in
        Montenegro"): PLOVER codes the place's state as the recipient when no other
        recipient is named."""
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "into", "to", "from", "inside", "across", "on"):
                pobj = child(prep, "pobj")
                if pobj is None:
                    continue
                for t in [pobj] + [c for c in pobj.children if c.dep_ in ("compound", "amod", "poss")]:
                    a = self.locatives.get(t.i)
                    if a is not None:
                        return [a]
        return []

    def _prep_targets(self, tok, preps, exclude) -> list[Actor]:
        """The actor of the first recipient phrase ("sanctions on Caracas", "lashed out at
        the United States"); a state the actor layer read as a place counts there too,
        since the preposition is one of the event type's recipient prepositions."""
        skip = {t.i for t in exclude}
        # "the arrest Saturday of the ambassador": the phrase may hang on a date after the noun
        heads = [tok] + [c for c in tok.children if _date_after(c, tok)]
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].head == tok.head and _date_after(tok.doc[tok.i + 1], tok):
            heads.append(tok.doc[tok.i + 1])
        for prep in (p for h in heads for p in h.children):
            if prep.dep_ == "prep" and prep.lower_ in preps and prep.i not in skip:
                pobj = child(prep, "pobj")
                if pobj is not None:
                    found = self.phrase_actors(pobj) or self._located_state(pobj)
                    if found:
                        return found
        return []

    def _located_state(self, tok) -> list[Actor]:
        located = self.locatives.get(tok.i)
        return [located] if located is not None and located.kind == "state" else []
