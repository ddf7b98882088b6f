"""What the type re-scorer knows about one event: its trigger and the trigger's sentence.

Features are read from the typed Document and the spaCy parse, never from how a rule of
the events stage worked: the trigger's lemma, part of speech and dependency; the verb
governing it; the head lemmas of its subject and object (and what kind of thing they
are: an actor of the document, a named entity, a plain noun); its particle and
prepositions; modal, negation and the conjunction that marks its clause ("if",
"unless"); the rules' own type and mode; the kinds of the event's roles; and a bag of
the content lemmas around it. Everything the stage reads exists right after the events
stage (nothing from certainty or later), so the stage can run there.

Names are ``prefix=value`` with value 1.0; ``PREFIXES`` lists every prefix.
"""
from __future__ import annotations

from typing import Any, Optional

from sitrep.learn.event_features import _actor_kind, _trigger_token
from sitrep.model import Document, Event

#: every feature name is ``<prefix>=<value>`` (checked against the shipped model's vocabulary)
PREFIXES = (
    "bias", "rule", "rule_mode", "lemma", "rule_lemma", "pos", "dep", "gov", "gov_dep", "subj", "subj_kind",
    "obj", "obj_kind", "rule_obj", "prt", "prep", "pobj", "modal", "negated", "mark", "source", "target",
    "window",
)

#: how many tokens each side of the trigger the bag of lemmas reads
WINDOW = 5
#: parts of speech whose lemmas go into the bag (content words; names are too rare to learn)
_CONTENT = frozenset({"NOUN", "VERB", "ADJ"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})
_OBJECTS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})


def _kind(tok: Any, actor_starts: set[int]) -> str:
    """What an argument head is: a document actor, a named entity (its label), a pronoun, a noun."""
    if tok.idx in actor_starts or any(t.idx in actor_starts for t in tok.subtree if t.i < tok.i):
        return "actor"
    if tok.ent_type_:
        return f"ent:{tok.ent_type_}"
    return tok.pos_.lower()


def _arguments(verb: Any, actor_starts: set[int], out: dict[str, float], rule: str) -> None:
    """Subject, object, particle and prepositions of the verb that carries the trigger."""
    for child in verb.children:
        dep = child.dep_
        if dep in _SUBJECTS:
            head = next((c for c in child.children if c.dep_ == "pobj"), child) if dep == "agent" else child
            out[f"subj={head.lemma_.lower()}"] = 1.0
            out[f"subj_kind={_kind(head, actor_starts)}"] = 1.0
        elif dep in _OBJECTS:
            out[f"obj={child.lemma_.lower()}"] = 1.0
            out[f"obj_kind={_kind(child, actor_starts)}"] = 1.0
            out[f"rule_obj={rule}:{child.lemma_.lower()}"] = 1.0
        elif dep == "prt":
            out[f"prt={child.lower_}"] = 1.0
        elif dep == "prep":
            out[f"prep={child.lower_}"] = 1.0
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out[f"pobj={child.lower_}:{pobj.lemma_.lower()}"] = 1.0
        elif dep == "aux" and child.tag_ == "MD":
            out[f"modal={child.lower_}"] = 1.0
        elif dep == "neg":
            out["negated=yes"] = 1.0
        elif dep == "mark":
            out[f"mark={child.lower_}"] = 1.0


def _window(tok: Any, out: dict[str, float]) -> None:
    sent = tok.sent
    for t in sent[max(0, tok.i - WINDOW - sent.start):min(len(sent), tok.i + WINDOW + 1 - sent.start)]:
        if t.i != tok.i and t.pos_ in _CONTENT:
            out[f"window={t.lemma_.lower()}"] = 1.0


def type_features(doc: Document, event: Event, actor_starts: Optional[set[int]] = None) -> dict[str, float]:
    """The feature dict of one event of ``doc`` (``doc.nlp`` used when present)."""
    rule = event.type
    out: dict[str, float] = {"bias=1": 1.0, f"rule={rule}": 1.0,
                             f"source={_actor_kind(event.source).split(':')[0]}": 1.0,
                             f"target={_actor_kind(event.target).split(':')[0]}": 1.0}
    if event.mode:
        out[f"rule_mode={rule}:{event.mode}"] = 1.0
    tok = _trigger_token(doc, event)
    if tok is None:
        return out
    starts = actor_starts if actor_starts is not None else {a.span[0] for a in doc.actors}
    lemma = tok.lemma_.lower()
    out.update({f"lemma={lemma}": 1.0, f"rule_lemma={rule}:{lemma}": 1.0, f"pos={tok.pos_}": 1.0,
                f"dep={tok.dep_}": 1.0})
    # tokens compared by position (``.i``): spaCy makes a new Token object on each access,
    # so ``is`` between two tokens is never true
    is_root = tok.head.i == tok.i
    if not is_root:
        out[f"gov={tok.head.lemma_.lower()}"] = 1.0
        out[f"gov_dep={tok.dep_}:{tok.head.pos_}"] = 1.0
    # a nominal trigger's arguments are its governing verb's ("imposed sanctions on ...")
    verb = tok if tok.pos_ in ("VERB", "AUX") or is_root else tok.head
    _arguments(verb, starts, out, rule)
    if verb.i != tok.i:
        _arguments(tok, starts, out, rule)
    _window(tok, out)
    return out


def document_features(doc: Document) -> list[dict[str, float]]:
    """The features of every event of ``doc``, in order."""
    starts = {a.span[0] for a in doc.actors}
    return [type_features(doc, e, starts) for e in doc.events]
