"""Reactions to an act told earlier: whoever carried the act out is the target.

"Turkish troops crossed into Syria on Monday. ... France condemned the operation": the
condemnation's object names no party, only an act ("the operation", "the strikes", "the
decision", "the charge") that the article reported before. PLOVER (and
docs/annotation.md 5) codes the reaction's target as the doer of that act. This module
finds it: a definite noun that refers to an act -- an event noun of the PLOVER lexicon,
or one of the actor KB's referring nouns (``role_words.tsv``), each with the types of
act it can name -- refers to the latest earlier happening of one of those types whose
doer is known, within a few sentences.

It runs on the happenings of one article after the mentions of one happening are
grouped (``event_merge``), and fills only targets nobody found in the sentence.
"""
from __future__ import annotations

from typing import Optional

from sitrep.knowledge.actors import RoleWords, load_role_words
from sitrep.model import Actor
from sitrep.stages.event_roles import NEWS_SECTOR, lemma, same_party

#: how many sentences back an act referred to by "the operation" may have been told
ANTECEDENT_SENTENCES = 10


def antecedent_targets(happenings, sdoc, lex, words: Optional[RoleWords] = None) -> None:
    """Give each reaction with no target, whose object refers back to an act ("condemned
    the operation"), the doer of that act as its target."""
    if sdoc is None:
        return
    words = words or load_role_words()
    reactions = lex.types_of("reaction") | words.answering_types
    by_token = {}
    for h in happenings:
        for d in h.drafts:
            by_token.setdefault(d.head, h)  # a head's first draft (a two-way act's original)
    for h in happenings:
        if h.target is not None or h.type not in reactions:
            continue
        for d in h.drafts:
            doer = _doer_referred_to(h, d, happenings, by_token, sdoc, lex, words) \
                or _doer_of_provoking_act(h, d, by_token, sdoc, lex, words)
            if doer is not None:
                h.target = doer
                break


def _doer_of_provoking_act(h, d, by_token, sdoc, lex, words: RoleWords) -> Optional[Actor]:
    """"The attack drew condemnation from X": the reaction noun is the object of a
    causative verb (role_words.tsv) whose subject names an act; whoever carried that act
    out is the reaction's target (the reacting party is its source, never its target)."""
    if not 0 <= d.head < len(sdoc):
        return None
    noun = sdoc[d.head]
    verb = noun.head
    if noun.dep_ != "dobj" or lemma(verb) not in words.causative_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN":
        return None
    act = by_token.get(subject.i)
    if act is None or act is h or act.source is None or act.source.sector == NEWS_SECTOR \
            or (h.source is not None and same_party(act.source, h.source)):
        return None
    return act.source


def _doer_referred_to(h, d, happenings, by_token, sdoc, lex, words: RoleWords) -> Optional[Actor]:
    for i in d.objects:
        if not 0 <= i < len(sdoc):
            continue
        types = referred_types(sdoc[i], lex, words)
        if not types:
            continue
        own = by_token.get(i)
        if own is not None and own is not h:
            if own.source is not None:
                continue  # the act's own mention names its doer (event_merge.reaction_targets)
            # (a referring noun may also name an act told with another type: "seized
            # power ... condemned the coup")
            types = frozenset({own.type}) | words.referring_acts.get(lemma(sdoc[i]), frozenset())
        act = _latest_act(happenings, (h, own), types, d, h.source)
        if act is not None:
            return act.source
    return None


def referred_types(tok, lex, words: RoleWords) -> frozenset[str]:
    """The types of act a noun refers back to: "the strikes" (an event noun: its own
    types), "this operation" (a referring noun of the KB); nothing for an indefinite
    noun ("an operation" is new) or a noun that is no act."""
    # a possessor makes the noun definite too ("Macaire's arrest")
    if tok.pos_ != "NOUN" or not (any((c.dep_ == "det" and c.lower_ in lex.words.definite_determiners)
                                      or c.dep_ == "poss" for c in tok.children) or _names_pronoun(tok)):
        return frozenset()
    key = lemma(tok)
    # a two-word trigger ("military operation") says nothing of the noun alone
    own = frozenset(t.type for t in lex.nouns.get(key, ()) if t.second is None)
    return own | words.referring_acts.get(key, frozenset())


def _names_pronoun(tok) -> bool:
    """"condemned it as an unprovoked attack": a noun after "as" that says what the
    verb's pronoun object is; the pronoun refers back, so the noun does too."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "as" or tok.head.dep_ != "prep":
        return False
    verb = tok.head.head
    return any(c.dep_ == "dobj" and c.pos_ == "PRON" and c.i < tok.i for c in verb.children)


def _latest_act(happenings, skip, types: frozenset[str], reaction, reactor: Optional[Actor]):
    """The happening of one of ``types`` with a known doer (not the reacting party, not a
    news outlet) whose latest mention before the reaction is nearest to it."""
    at = reaction.event.trigger.span[0]
    best, best_at = None, -1
    for h in happenings:
        if any(h is s for s in skip) or h.source is None or h.type not in types:
            continue
        if h.source.sector == NEWS_SECTOR or (reactor is not None and same_party(h.source, reactor)):
            continue
        told = [x for x in h.drafts if x.event.trigger.span[0] < at
                and reaction.sentence - x.sentence <= ANTECEDENT_SENTENCES]
        if not told:
            continue
        last = max(x.event.trigger.span[0] for x in told)
        if last > best_at:
            best, best_at = h, last
    return best


#: how many sentences back the last act of the same doer may give a target by continuity
CONTINUED_SENTENCES = 3
#: types whose target is a place or the actor's own forces rather than a counterpart
#: ("troops pulled back", "several hundred people gathered to demonstrate")
_NO_CONTINUED_TARGET = frozenset({"MOBILIZE", "RETREAT", "PROTEST"})


def continued_targets(happenings, sdoc, lex) -> None:
    """A doer whose act names no counterpart anywhere in its sentence goes on dealing with
    the counterpart of its own act told just before: "Russia has condemned the vote. It
    has also lent billions ..." -- the loan goes to whom Russia's last act was about; "he
    added that all options were on the table" -- the speaker's last act names who is
    threatened. Only the same doer's (same actor, or the same country) acts of the last
    few sentences count, never another party's; the nearest one wins. An act whose own
    object names who underwent it ("accused the crew", "struck boats") has its target,
    unknown, and takes none."""
    giving = lex.types_of("cooperative")
    for h in happenings:
        if h.source is None or h.target is not None or h.type in _NO_CONTINUED_TARGET:
            continue
        if h.type not in giving and any(_names_its_patient(sdoc, d.head, lex) for d in h.drafts):
            continue
        earlier = _last_act_of(h.source, h, happenings)
        if earlier is not None:
            h.target = earlier.target


def _names_its_patient(sdoc, head: int, lex) -> bool:
    """The verb at ``head`` has a direct object that is a common noun naming no act ("the
    crew", "30 boats", "other nations"): the act's own undergoer, only unnamed."""
    if not 0 <= head < len(sdoc):
        return False
    for c in sdoc[head].children:
        if c.dep_ in ("dobj", "dative") and c.pos_ == "NOUN" and lemma(c) not in lex.nouns \
                and lemma(c) not in load_role_words().referring_acts:
            return True
    return False


def _same_doer(a: Actor, b: Actor) -> bool:
    """One party, or one side of one country: a state and its officials, or two of its
    bodies of one sector ("the White House" and "Pompeo"); not its government and its
    opposition ("Maduro beat Capriles ... Capriles called it a fraud": two sides)."""
    if same_party(a, b):
        return True
    if a.country is None or a.country != b.country:
        return False
    return a.kind == "state" or b.kind == "state" or (a.sector or "") == (b.sector or "")


def _last_act_of(doer: Actor, h, happenings):
    """The happening with ``doer``'s source and another party as target told latest
    before ``h``'s first mention, within CONTINUED_SENTENCES sentences."""
    first = h.first
    at, sentence = first.event.trigger.span[0], first.sentence
    best, best_at = None, -1
    for other in happenings:
        if other is h or other.source is None or other.target is None \
                or not _same_doer(other.source, doer) or _same_doer(other.target, doer):
            continue
        told = [d.event.trigger.span[0] for d in other.drafts
                if d.event.trigger.span[0] < at and 0 <= sentence - d.sentence <= CONTINUED_SENTENCES]
        if told and max(told) > best_at:
            best, best_at = other, max(told)
    return best
