"""What the role ranker knows about one candidate for an event's source or target.

For each event the candidates are the actors of the trigger's sentence (``doc.actors``,
locative mentions included: the features say so), the actor the rules chose when it is
not among them (a party carried from an earlier sentence, the home country) and "none".
Every feature is read from the typed Document and the spaCy parse -- the dependency path
from the trigger to the candidate, its side and distance, passive voice and a by-agent,
quotes, the candidate's kind and sector, the event type -- plus whether the rules chose
the candidate, so a model can learn when to trust them. Names are ``prefix=value``
strings with value 1.0, as in ``event_features``; ``PREFIXES`` lists every prefix.
The ranker runs right after the events stage, so nothing here may read what later stages
set (certainty, the event filter's notes).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from sitrep.learn.event_features import _bucket
from sitrep.model import Actor, Document, Event

#: every feature name is ``<prefix>=<value>``; the shipped model's vocabulary is checked
#: against this list (tests/test_role_ranker.py)
PREFIXES = (
    "bias", "none", "none_type", "none_rules", "rules", "rules_type", "rules_kind", "kind", "sector",
    "resolved", "keyed", "locative", "side", "side_type", "distance", "path", "path_type", "path_len",
    "cand_dep", "cand_dep_type", "cand_dep_passive", "passive", "agent", "cand_in_quote",
    "other_role", "order", "nearest", "actors_in_sentence", "in_sentence", "sentence_subject",
    "trigger_pos", "same_as_trigger_head",
)

ROLES = ("source", "target")

#: how far up the parse the path from the trigger to a candidate is spelled out
_PATH_STEPS = 3


@dataclass
class Candidate:
    """One choice for a role: an actor of the document (or None for "no party")."""
    actor: Optional[Actor]
    chosen_by_rules: bool


def same_actor(a: Optional[Actor], b: Optional[Actor]) -> bool:
    """The same mention: same span (the rules may hand a copy with a refined country)."""
    if a is None or b is None:
        return a is b
    return a.span == b.span


def sentence_actors(doc: Document, event: Event) -> list[Actor]:
    """The document's actor mentions inside the trigger's sentence, in text order."""
    start, end = event.sentence.span
    return sorted((a for a in doc.actors if start <= a.span[0] and a.span[1] <= end), key=lambda a: a.span)


def candidates(doc: Document, event: Event, role: str) -> list[Candidate]:
    """The sentence's actors, the rules' choice when it is elsewhere, and "none" (last)."""
    chosen = getattr(event, role)
    # the rules may hand a copy of a mention with a refined country: keep their copy
    out = [Candidate(chosen, True) if same_actor(a, chosen) else Candidate(a, False)
           for a in sentence_actors(doc, event)]
    if chosen is not None and not any(c.chosen_by_rules for c in out):
        out.append(Candidate(chosen, True))
    out.append(Candidate(None, chosen is None))
    return out


def same_party(a: Optional[Actor], b: Optional[Actor]) -> bool:
    """Two mentions of one party: the same span, the same knowledge-base actor, or the same
    canonical name (a pronoun or an apposition resolved to the party carries its name)."""
    if a is None or b is None:
        return False
    if a.span == b.span or (a.actor_id and a.actor_id == b.actor_id):
        return True
    return bool(a.name) and a.name.casefold() == (b.name or "").casefold()


#: per role, the dependencies by which a mention is that argument of the trigger itself:
#: the acting party is its subject or the possessor of a nominal trigger ("the country's
#: blockade"); the party acted on is its object, indirect object or a passive subject
_CORE_DEPS = {"source": frozenset({"nsubj", "csubj", "poss"}),
              "target": frozenset({"dobj", "obj", "dative", "iobj", "nsubjpass"})}
#: the relations through which a mention names the phrase that is the argument
_CLIMB_DEPS = frozenset({"conj", "amod", "compound", "poss", "nmod", "appos"})
#: the heads of a prepositional argument on the trigger
_PREP_DEPS = frozenset({"prep", "agent", "dative"})


def core_argument(doc: Document, event: Event, actor: Actor, role: str) -> bool:
    """Whether ``actor`` is clearly the ``role`` argument of the event's trigger in the
    parse: for the source its subject, the possessor of a nominal trigger or a by-agent;
    for the target its object, dative, passive subject or the object of another
    preposition attached to it ("sanctions against X"); also as a conjunct or a modifier
    of one (a demonym: "shelled Sylvanian villages"); never a locative mention (a place
    says where, not who: docs/annotation.md section 5)."""
    if actor.locative:
        return False
    trigger = _span_root(doc.nlp, event.trigger.span)
    tok = _span_root(doc.nlp, actor.span)
    if trigger is None or tok is None or tok.sent.start != trigger.sent.start:
        return False
    # the argument is the phrase the mention heads or modifies: "Sylvanian villages" (a
    # demonym), "the ministry's officials"; a conjunct shares the first one's relation
    # ("sanctions on Iran and Syria")
    while tok.head.i != tok.i and tok.head.i != trigger.i and tok.dep_ in _CLIMB_DEPS:
        tok = tok.head
    if tok.head.i == trigger.i and tok.dep_ in _CORE_DEPS[role]:
        return True
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ not in _PREP_DEPS or prep.head.i != trigger.i:
        return False
    by_agent = prep.dep_ == "agent" or prep.lower_ == "by"
    return by_agent if role == "source" else not by_agent


def eligible(event: Event, role: str, cands: list[Candidate], doc: Optional[Document] = None) -> list[bool]:
    """Which candidates a ranker may choose for ``role`` (the rules' own always):

    * none but the rules' own when the rules found no party at all -- such an event is the
      event filter's to drop ("no party"); a filled role would keep it alive;
    * never the party of the event's other role: a dyad names two parties ("who acts,
      toward whom", docs/annotation.md section 5), so the source's own pronoun or
      apposition is no target;
    * (with ``doc``) a role the rules left empty is filled only by that core argument of
      the trigger (``core_argument``: a subject for the source, an object for the
      target): an empty role is often right (a statement with no addressee), and on unseen text the fills that went wrong were mentions merely near
      the trigger (a dateline city, an attribution's agency).
    """
    if event.source is None and event.target is None:
        return [c.chosen_by_rules for c in cands]
    other = getattr(event, "target" if role == "source" else "source")
    allowed = [c.chosen_by_rules or not same_party(c.actor, other) for c in cands]
    if doc is not None and getattr(event, role) is None:
        allowed = [ok and (c.chosen_by_rules or c.actor is None or core_argument(doc, event, c.actor, role))
                   for ok, c in zip(allowed, cands)]
    return allowed


def party_marks(actor: Optional[Actor]) -> Optional[list]:
    """What ``same_party`` compares, as plain data (span, KB id, canonical name), so a
    training example can test two roles for one party without the Document."""
    if actor is None:
        return None
    return [list(actor.span), actor.actor_id, (actor.name or "").casefold()]


def same_marks(a: Optional[list], b: Optional[list]) -> bool:
    """``same_party`` on ``party_marks``."""
    if a is None or b is None:
        return False
    return a[0] == b[0] or bool(a[1] and a[1] == b[1]) or bool(a[2] and a[2] == b[2])


def _span_root(sdoc: Any, span: tuple[int, int]) -> Any:
    if sdoc is None:
        return None
    s = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    return s.root if s is not None and len(s) else None


def _ancestors(tok: Any) -> list[Any]:
    """``tok`` and its heads up to the root (positions compared: spaCy makes a new Token
    object on each access, so ``is`` between tokens is never true)."""
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def dependency_path(trigger: Any, cand: Any) -> tuple[str, int]:
    """The path from the trigger to the candidate through their lowest common head:
    the candidate's labels going up ('nsubj', 'pobj<prep:by') and the trigger's going up,
    cut at ``_PATH_STEPS`` each; and the full length (99 when they share no head)."""
    up_trigger = _ancestors(trigger)
    ids = {t.i: n for n, t in enumerate(up_trigger)}
    cand_steps: list[str] = []
    walker = cand
    while walker.i not in ids:
        label = walker.dep_
        if label in ("pobj", "pcomp") or walker.head.dep_ in ("prep", "agent"):
            label = f"{label}:{walker.head.lower_}" if walker.head.pos_ == "ADP" else label
        cand_steps.append(label)
        if walker.head.i == walker.i:
            # a sentence root off the trigger's path (a candidate in another sentence):
            # spaCy makes a new Token object on each access, so compare positions, never
            # identity -- ``is`` is never true here and the climb would not end
            return "unrelated", 99
        walker = walker.head
    trig_steps = [t.dep_ for t in up_trigger[:ids[walker.i]]]
    length = len(cand_steps) + len(trig_steps)
    path = "<".join(cand_steps[:_PATH_STEPS]) + "|" + "<".join(trig_steps[:_PATH_STEPS])
    return path, length


def _passive(trigger: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)


def _in_quote(doc: Document, span: tuple[int, int]) -> Optional[Any]:
    for q in doc.quotes:
        if q.span[0] <= span[0] and span[1] <= q.span[1]:
            return q
    return None


class EventContext:
    """What all candidates of one event share: the trigger token, its voice, the sentence's
    actors, the rules' choices; made once per event."""

    def __init__(self, doc: Document, event: Event) -> None:
        self.doc = doc
        self.event = event
        self.trigger = _span_root(doc.nlp, event.trigger.span)
        self.passive = self.trigger is not None and _passive(self.trigger)
        self.actors = sentence_actors(doc, event)
        self.sentence_root = self.trigger.sent.root if self.trigger is not None else None

    def nearest_on_side(self, actor: Actor) -> bool:
        """No other sentence actor lies between this one and the trigger."""
        t0, t1 = self.event.trigger.span
        a0, a1 = actor.span
        lo, hi = (a1, t0) if a1 <= t0 else (t1, a0)
        return not any(lo <= b.span[0] and b.span[1] <= hi for b in self.actors if b is not actor)


def _actor_features(ctx: EventContext, actor: Actor, role: str, out: dict[str, float]) -> None:
    """What the candidate is, where it sits against the trigger, and how it relates to the other role."""
    etype = ctx.event.type
    out[f"kind={actor.kind or 'unknown'}"] = 1.0
    out[f"sector={actor.sector or 'none'}"] = 1.0
    out[f"resolved={(actor.resolved_by or 'other').split('+')[0]}"] = 1.0
    out[f"keyed={'yes' if actor.country or actor.actor_id else 'no'}"] = 1.0
    out[f"locative={'yes' if actor.locative else 'no'}"] = 1.0
    s0, s1 = ctx.event.sentence.span
    inside = s0 <= actor.span[0] and actor.span[1] <= s1
    out[f"in_sentence={'yes' if inside else 'no'}"] = 1.0
    t0, t1 = ctx.event.trigger.span
    side = "overlap" if actor.span[0] < t1 and t0 < actor.span[1] else "before" if actor.span[1] <= t0 else "after"
    out[f"side={side}"] = 1.0
    out[f"side_type={etype}:{side}"] = 1.0
    spans = [a.span for a in ctx.actors]
    if inside:
        # a party the rules made inside the sentence but not among its mentions counts as middle
        order = spans.index(actor.span) if actor.span in spans else -1
        out[f"order={'first' if order == 0 else 'last' if order == len(spans) - 1 else 'middle'}"] = 1.0
        out[f"nearest={'yes' if ctx.nearest_on_side(actor) else 'no'}:{side}"] = 1.0
    quote = _in_quote(ctx.doc, actor.span)
    out[f"cand_in_quote={'yes' if quote else 'no'}"] = 1.0
    other = getattr(ctx.event, "target" if role == "source" else "source")
    if other is not None and same_actor(other, actor):
        out["other_role=same_mention"] = 1.0
    elif other is not None and other.country and other.country == actor.country:
        out["other_role=same_country"] = 1.0
    _parse_features(ctx, actor, out)


def _parse_features(ctx: EventContext, actor: Actor, out: dict[str, float]) -> None:
    """Dependency path, distance, the candidate's own dependency, voice and a by-agent."""
    if ctx.trigger is None:
        return
    etype = ctx.event.type
    tok = _span_root(ctx.doc.nlp, actor.span)
    if tok is None:
        return
    out[f"distance={_bucket(abs(tok.i - ctx.trigger.i), (2, 4, 8, 15))}"] = 1.0
    if tok.sent.start != ctx.trigger.sent.start:
        out["path=other_sentence"] = 1.0
        return
    path, length = dependency_path(ctx.trigger, tok)
    out[f"path={path}"] = 1.0
    out[f"path_type={etype}:{path}"] = 1.0
    out[f"path_len={_bucket(length, (2, 3, 4, 6))}"] = 1.0
    out[f"cand_dep={tok.dep_}"] = 1.0
    out[f"cand_dep_type={etype}:{tok.dep_}"] = 1.0
    out[f"cand_dep_passive={tok.dep_}:{'passive' if ctx.passive else 'active'}"] = 1.0
    # tokens compared by position (``.i``): spaCy makes a new Token object on each access
    trigger = ctx.trigger
    if tok.head.dep_ == "agent" or (tok.head.lower_ == "by" and tok.head.head.i == trigger.i):
        out["agent=by"] = 1.0
    if ctx.sentence_root is not None and tok.head.i == ctx.sentence_root.i and tok.dep_.startswith("nsubj"):
        out["sentence_subject=yes"] = 1.0
    if tok.head.i == trigger.head.i and tok.head.i != trigger.i and tok.i != trigger.i:
        out[f"same_as_trigger_head={tok.dep_}"] = 1.0


def candidate_features(ctx: EventContext, cand: Candidate, role: str) -> dict[str, float]:
    """The feature dict of one candidate for ``role`` of the context's event."""
    etype = ctx.event.type
    rules = "yes" if cand.chosen_by_rules else "no"
    out: dict[str, float] = {"bias=1": 1.0, f"rules={rules}": 1.0, f"rules_type={etype}:{rules}": 1.0,
                             f"passive={'yes' if ctx.passive else 'no'}": 1.0,
                             f"actors_in_sentence={_bucket(len(ctx.actors), (1, 2, 3, 5))}": 1.0}
    if ctx.trigger is not None:
        out[f"trigger_pos={ctx.trigger.pos_}"] = 1.0
    if cand.actor is None:
        out["none=yes"] = 1.0
        out[f"none_type={etype}"] = 1.0
        out[f"none_rules={rules}"] = 1.0
        return out
    out[f"rules_kind={rules}:{cand.actor.kind or 'unknown'}"] = 1.0
    _actor_features(ctx, cand.actor, role, out)
    return out


#: the feature prefixes whose value starts with the event type (``TYPE:...`` or ``TYPE``)
_TYPED = ("none_type", "rules_type", "side_type", "path_type", "cand_dep_type")


def coarsen(features: dict[str, float]) -> dict[str, float]:
    """The same features with the event type replaced by its PLOVER quad class (verbal /
    material cooperation / conflict) in every conjunction: ~1,200 paired roles are too few
    for one path weight per type (session 18, variant v2 of docs/role-ranker.md)."""
    from sitrep.model import QUAD_CLASS

    out: dict[str, float] = {}
    for name, value in features.items():
        prefix, _, rest = name.partition("=")
        if prefix in _TYPED:
            etype, sep, tail = rest.partition(":")
            name = f"{prefix}={QUAD_CLASS.get(etype, 'other').replace(' ', '_')}{sep}{tail}"
        out[name] = value
    return out


def event_candidates(doc: Document, event: Event, role: str) -> tuple[list[Candidate], list[dict[str, float]]]:
    """The candidates for ``role`` of ``event`` and their features, in the same order."""
    ctx = EventContext(doc, event)
    cands = candidates(doc, event, role)
    return cands, [candidate_features(ctx, c, role) for c in cands]
