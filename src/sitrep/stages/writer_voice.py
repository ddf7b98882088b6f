"""Whose voice an event is told in, and the writer's speculation (event filter reason
``"writer_speculation"``).

The genre stage labels a whole article; but news reports carry the writer's guesses ("the
junta might yet close the border before winter") and op-eds quote parties.
docs/annotation.md 10 codes a party's own announced plan and a hedged past act, and not "a
possible act told only as the writer's or an unaffiliated commentator's guess". This module
judges that per event, from the sentence:

* the voice (``speaking_voice``): the writer's own when nobody speaks the act (a quote with
  no speaker, "one should remember that ...", is the writer's); a commentator's when the
  speaker is tied to no party and named as an analyst, expert, scholar...; "unplaced" for
  another speaker tied to no party; a party's when the speaker has a country, sector or
  known actor. A party's words are never a guess here; a commentator's "would" is a
  forecast, the writer's and an unplaced speaker's are not read (they tell a plan's terms
  or a stance);
* the speculation, on the act's own verb chain (``_carriers``: the trigger, the verbs and
  nouns that carry it -- "might yet [close]", "may be getting ready to [seize]", "could
  march north and then attempt to [storm]"): a modal of possibility, an adverb of
  possibility, an adjective of possibility on an event noun ("a potential [blockade]"), or an
  infinitive extraposed after an adjective of evaluation ("it is unwise to [strike]"); cues
  in knowledge/data/cues/writer_voice.tsv. (A noun of possibility, "the prospect of a
  strike", is left to the events stage, which reads no act under its ``topic_nouns``.)
* or a verb of guessing over the act ("diplomats speculated that the rebels were about to
  storm the airport"), whoever guesses.

Kept: an act told as past on its own verb ("may have used gas", "speculated that Moscow had
hacked": docs/annotation.md 6 codes it), an act with a date of its own at day or week
granularity (a dated plan: "could travel to Kelm on Thursday"); a coarser date ("before
winter", "in 2031") names no occasion and keeps no guess.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from sitrep.knowledge.tables import tsv_rows
from sitrep.model import Actor, Document, Event

WRITER_VOICE_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "cues" / "writer_voice.tsv"
WRITER_VOICE_KINDS = ("possibility_modal", "commentator_modal", "possibility_adverb", "possibility_adjective",
                      "guess_verb", "evaluative_adjective")
#: date granularities that name an occasion: a guess dated to one is a plan reported
_OCCASION_GRANULARITIES = frozenset({"day", "week", "time"})
#: how a trigger hangs from the word that carries its modality: its verb's complements and
#: coordinations ("could march north and then attempt to [storm]"), a predicate ("may be
#: ready to")
_CARRIER_DEPS = frozenset({"xcomp", "acomp", "attr", "oprd", "dobj", "conj"})
#: clauses that carry their governor's modality only as a "to" infinitive (an infinitival
#: relative: "would have every reason to [retaliate]"): a finite clause says something of
#: its own
_INFINITIVE_DEPS = frozenset({"ccomp", "acl", "advcl", "relcl"})
#: how a guessed act hangs from the verb of guessing, and how the climb to it passes
_GUESS_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj"})
_GUESS_CLIMB_DEPS = _CARRIER_DEPS | {"ccomp", "acl", "pobj", "prep", "pcomp", "nsubj", "nsubjpass"}


@dataclass(frozen=True)
class WriterVoiceCues:
    """The word sets of writer_voice.tsv, by kind (lower case)."""
    possibility_modals: frozenset[str]
    commentator_modals: frozenset[str]
    possibility_adverbs: frozenset[str]
    possibility_adjectives: frozenset[str]
    guess_verbs: frozenset[str]
    evaluative_adjectives: frozenset[str]


@lru_cache(maxsize=4)
def load_writer_voice_cues(path: Path = WRITER_VOICE_PATH) -> WriterVoiceCues:
    """The cues of ``path``; an unknown kind or an empty row is an error naming the file."""
    words: dict[str, set[str]] = {kind: set() for kind in WRITER_VOICE_KINDS}
    for row in tsv_rows(path):
        if len(row) != 2 or row[0] not in WRITER_VOICE_KINDS or not row[1].split():
            raise ValueError(f"{path.name}: expected 'kind<TAB>words' with kind one of "
                             f"{', '.join(WRITER_VOICE_KINDS)}, found {row!r}")
        words[row[0]].update(w.lower() for w in row[1].split())
    return WriterVoiceCues(*(frozenset(words[kind]) for kind in WRITER_VOICE_KINDS))


def writer_speculation(event: Event, doc: Document, cues: Optional[WriterVoiceCues] = None) -> bool:
    """Every mention of the event is a guess: in any voice but a party's and under a cue of
    possibility, or governed by a verb of guessing; not told as past and not dated to a day
    or week (see the module docstring)."""
    if doc.nlp is None or _dated_occasion(event):
        return False
    cues = cues or load_writer_voice_cues()
    spans = [m.span for m in event.mentions] or [event.trigger.span]
    if all(_guessed(span, doc, cues.guess_verbs) for span in spans):
        return True
    voice = speaking_voice(event, doc)
    if voice == "party":
        return False
    modals = cues.possibility_modals | (cues.commentator_modals if voice == "commentator" else frozenset())
    return all(_speculated(span, doc, cues, modals) for span in spans)


def speaking_voice(event: Event, doc: Document) -> str:
    """"party" when a party speaks the act (its certainty's attribution or its quote's
    speaker has a country, sector or known actor); "commentator" when a speaker tied to no
    party is named as a commentator ("Anna Lind, a naval analyst": ``commentator_noun`` of
    filter_cues.tsv in the speaker's words or apposition); "unplaced" for another speaker
    tied to no party (an official the actor layer did not place); "writer" when nobody
    speaks it."""
    speaker = event.certainty.attributed_to
    quoted = next((q.speaker for q in doc.quotes if q.id == event.quote), None) if event.quote else None
    voices = [a for a in (speaker, quoted) if a is not None]
    if any(_party(a) for a in voices):
        return "party"
    if not voices:
        return "writer"
    return "commentator" if any(_named_commentator(a, doc) for a in voices) else "unplaced"


def _party(actor: Actor) -> bool:
    return bool(actor.country or actor.sector or actor.actor_id)


def _named_commentator(actor: Actor, doc: Document) -> bool:
    """The speaker's words or their apposition name a commentator ("analysts", "Anna Lind, a
    naval analyst", "an expert at a think tank, Jan Kowal")."""
    from sitrep.stages.event_filter import load_filter_cues  # the filter imports this module

    nouns = load_filter_cues().get("commentator_noun", frozenset())
    chars = doc.nlp.char_span(actor.span[0], actor.span[1], alignment_mode="expand") if doc.nlp is not None else None
    if chars is None:
        return any(w.lower() in nouns for w in actor.text.split())
    root = chars.root
    described = [*chars, *(ch for ch in root.children if ch.dep_ == "appos")]
    if root.dep_ == "appos":
        described.append(root.head)
    return any(t.lemma_.lower() in nouns or t.lower_ in nouns for t in described)


def _dated_occasion(event: Event) -> bool:
    """A date of the event's own, read from its text, at day or week granularity."""
    date = event.date
    return date is not None and not date.inferred and (date.granularity in _OCCASION_GRANULARITIES)


def _root(span: tuple[int, int], doc: Document):
    chars = doc.nlp.char_span(span[0], span[1], alignment_mode="expand")
    return None if chars is None else chars.root


def _told_as_past(tok) -> bool:
    """The act's own verb is past or perfect ("attacked", "was attacked", "had hacked", "may
    have used"); "could be attacked" is not."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [ch for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
    if any(ch.lemma_.lower() == "have" or ch.tag_ == "VBD" for ch in auxiliaries):
        return True
    return tok.tag_ == "VBD"


def _carriers(tok) -> list:
    """The trigger and the words that carry it up to its clause (``_CARRIER_DEPS``, a "to"
    infinitive, a gerund under a preposition climbing to the preposition's head)."""
    return carrier_chain(tok, _CARRIER_DEPS, _INFINITIVE_DEPS, limit=8)


def carrier_chain(tok, carrier_deps: frozenset[str], infinitive_deps: frozenset[str],
                  limit: Optional[int] = None) -> list:
    """``tok`` and the heads that carry its modality: a head reached through one of
    ``carrier_deps``, or through one of ``infinitive_deps`` when ``tok`` is a "to"
    infinitive; a gerund under a preposition climbs to the preposition's head. ``limit``
    caps the chain's length (None: up to the clause's root)."""
    chain = [tok]
    while tok.head is not tok and (limit is None or len(chain) < limit):
        if tok.dep_ in carrier_deps or (tok.dep_ in infinitive_deps and is_to_infinitive(tok)):
            tok = tok.head
        elif tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head
        else:
            break
        chain.append(tok)
    return chain


def is_to_infinitive(tok) -> bool:
    """A "to" infinitive (the parser may hang it as a clause: "expect him to attack"): it
    carries its governor's modality like an xcomp; a finite "that" clause does not."""
    return any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)


def _speculated(span: tuple[int, int], doc: Document, cues: WriterVoiceCues, modals: frozenset[str]) -> bool:
    trigger = _root(span, doc)
    if trigger is None or _told_as_past(trigger):
        return False
    for tok in _carriers(trigger):
        children = list(tok.children)
        if any(ch.dep_ == "aux" and ch.lower_ in modals for ch in children) and not _perfect(children):
            return True
        if any(ch.dep_ == "advmod" and ch.lower_ in cues.possibility_adverbs for ch in children):
            return True
        if tok.pos_ == "NOUN" and any(ch.dep_ == "amod" and ch.lower_ in cues.possibility_adjectives
                                      for ch in children):
            return True
        if _extraposed_evaluation(tok, cues.evaluative_adjectives):
            return True
    return False


def _perfect(children) -> bool:
    return any(ch.dep_ == "aux" and ch.lemma_.lower() == "have" for ch in children)


def _extraposed_evaluation(tok, adjectives: frozenset[str]) -> bool:
    """``tok`` is a subjectless "to" infinitive after "it is ADJ" ("it is unwise to strike",
    "it is dangerous for Kelm to expel the envoy"), the adjective one of evaluation."""
    if not is_to_infinitive(tok) or any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children):
        return False
    head = tok.head
    adjective = head if head.pos_ == "ADJ" else next(
        (ch for ch in head.children if ch.dep_ == "acomp" and ch.pos_ == "ADJ"), None)
    if adjective is None or adjective.lower_ not in adjectives:
        return False
    verb = adjective.head if adjective is not head else head.head
    return any(ch.dep_ in ("nsubj", "expl") and ch.lower_ == "it" for ch in verb.children)


def _guessed(span: tuple[int, int], doc: Document, verbs: frozenset[str]) -> bool:
    """The act is, through its own clause and the words that carry it, what a verb of
    guessing governs ("officials guessed the rebels were about to storm the airport",
    "predicted that the army would retake the town"), and its own verb is not told as past."""
    tok = _root(span, doc)
    if tok is None or _told_as_past(tok) or not verbs:
        return False
    for _ in range(10):
        head = tok.head
        if head is tok:
            return False
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in verbs and tok.dep_ in _GUESS_CONTENT_DEPS:
            return True
        if tok.dep_ not in _GUESS_CLIMB_DEPS:
            return False
        tok = head
    return False
