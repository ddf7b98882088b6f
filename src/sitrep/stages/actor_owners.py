"""Whose group a possessive pronoun names: "its diplomats", "their troops".

A party named by its role ("diplomats", "troops") is placed by the events stage where its
act happens, or else in the article's home country. When a possessive pronoun owns the role
noun, the text has already said whose they are: the pronoun refers back to a party named
before it, and the group belongs to that party's country ("Iran expelled two British
diplomats. Its diplomats had ..." -- Iran's, not Britain's, nor the home country's).

The antecedent is the nearest compatible party, read the way centering theory reads
pronouns: the subject of the pronoun's own sentence named before it, else the subject of
the sentence before, else the nearest party named in those two sentences. "its" wants one
party (a state or a body, not a person, not a group named by a plural noun: "British
diplomats" cannot be "its"); "their" takes a party of any number. The word lists are
``singular_owner_pronoun`` and ``plural_owner_pronoun`` in
``knowledge/data/actors/role_words.tsv``.
"""
from __future__ import annotations

import bisect
import dataclasses
from typing import Optional

from sitrep.knowledge.actors import load_role_words
from sitrep.model import Actor, Document

#: how the events stage marks a role phrase placed by its owner pronoun's antecedent
OWNER_READING = "phrase+owner"

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_PLURAL_TAGS = ("NNS", "NNPS")


def owned_phrase(actor: Optional[Actor], doc: Document) -> Optional[Actor]:
    """``actor`` with the country of the party its possessive pronoun refers back to, when
    it is an unplaced role phrase owned by "its"/"their"; else ``actor`` unchanged."""
    if actor is None or actor.country or actor.resolved_by != "phrase" or doc.nlp is None:
        return actor
    words = load_role_words()
    piece = doc.nlp.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if piece is None:
        return actor
    pronoun = next((ch for ch in piece.root.children if ch.dep_ == "poss"
                    and ch.lower_ in words.singular_owner_pronouns | words.plural_owner_pronouns), None)
    if pronoun is None:
        return actor
    owner = pronoun_antecedent(pronoun, doc, plural_ok=pronoun.lower_ in words.plural_owner_pronouns)
    if owner is None:
        return actor
    if owner.country is None:  # an international body's own people ("The EU ... Its diplomats")
        return dataclasses.replace(actor, actor_id=owner.actor_id, sector=owner.sector or actor.sector,
                                   resolved_by=OWNER_READING)
    return dataclasses.replace(actor, country=owner.country, resolved_by=OWNER_READING)


def pronoun_antecedent(pronoun, doc: Document, plural_ok: bool) -> Optional[Actor]:
    """The party a possessive pronoun refers back to (see the module docstring): a named,
    non-locative state, body or (for "their") group with a country, or an international
    body (no country, an IGO sector), in the pronoun's sentence before it or in the
    sentence before; None when there is none."""
    sdoc = doc.nlp
    sent = pronoun.sent
    starts = [start for start, _ in doc.sentences] or [sent.start_char]
    k = max(0, bisect.bisect_right(starts, pronoun.idx) - 1)
    window_start = min(starts[max(0, k - 1)], sent.start_char)
    candidates = []
    for a in doc.actors:
        if a.locative or not (a.country or _international(a)) or a.kind == "person" or a.span[0] < window_start \
                or a.span[1] > pronoun.idx:
            continue
        root = _root(sdoc, a)
        if root is None or (not plural_ok and root.pos_ == "NOUN" and root.tag_ in _PLURAL_TAGS):
            continue  # "its" is not "British diplomats"
        candidates.append((a, root))
    if not candidates:
        return None
    own = [a for a, root in candidates if root.dep_ in _SUBJECT_DEPS and root.sent.start == sent.start]
    if own:
        return own[-1]
    before = [a for a, root in candidates if root.dep_ in _SUBJECT_DEPS]
    if before:
        return before[-1]
    return candidates[-1][0]


def _international(actor: Actor) -> bool:
    """A body of several states the actor KB knows (the EU, the UN, NATO): no country."""
    return actor.country is None and actor.actor_id is not None and actor.sector == "IGO"


def _root(sdoc, actor: Actor):
    piece = sdoc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    return piece.root if piece is not None else None
