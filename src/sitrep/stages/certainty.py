"""Certainty stage: how sure the text is that each event happened, and on whose word.

For every event it sets ``Certainty(status, attributed_to, cue, hedges, denied_by)``,
following docs/annotation.md section 6:

* asserted     the narrator states it, or the event is itself a public statement the
               outlet observes ("Turkey said it would retaliate" is the threat itself),
               or a record shows it ("a clip showing that police beat the marchers"; not one
               that "appears to show")
* reported     a third party carries it: a news outlet, monitor, witness, unnamed report,
               or an official of neither side ("according to Reuters", "reportedly",
               "reports that ...", "the UN said")
* claimed      a party to the event (its source or target side) says it ("Maduro said the
               US had attacked"): attributed to the speaker
* alleged      the content of an accusation, or marked "alleged", "suspected", or a claim
               hedged "without evidence": attributed to the accuser
* denied       the content of a denial ("denied that", "rejected claims that"), when the
               article gives it no other status; otherwise the denial is kept in
               ``denied_by`` and the other status stands
* hypothetical future, conditional, planned, possible or questioned ("could", "if",
               "plans to", "it is unclear whether"); PLOVER already codes a planned
               cooperation, concession or threat as AGREE / CONCEDE / THREATEN, which are
               then asserted, also when the future is on the verb the event noun is the
               subject of ("further sanctions will come into force on Friday")
* threatened   the content of a threat ("threatened to strike")
* negated      "did not attack", "no strikes"

How, for one mention (a trigger span): the cues on the event word itself come first
(negation, modal, hedging adverb, a condition or purpose clause), then a walk up the
dependency parse through complement relations takes the first cue verb or noun it meets
(the innermost cue decides the status); the walk goes on to find who says so when the
status came from a modal or a plan, and to count how many speakers the content passes
through; a verb of naming with an object predicate is no cue for what it names ("called
the shelling an attack" is no call for a shelling), nor a noun of demand in its sense of
a conversation ("a phone call pressing Kyiv for ..."). The quote that contains the trigger,
"according to" and sentence-level phrases
("it was reported") are used when the parse gives nothing. Hedges ("without evidence")
count only for events in the clause they modify. An event with several mentions takes
the status of its first mention that is not a denial, except that a party's account
(``claimed``) gives way to a mention in the outlet's own voice, outside any quotation, or
one the other side takes as given ("Obama said the two met ... They opened their meeting
with ...", "London protested the seizure"): the article vouches for it; a denial in any
mention is kept as ``denied_by`` (annotation.md 6 and 10, session 16). A party telling of
its own act with a plain saying verb claims it; a verb of announcing ("announced",
"declared", "confirmed") makes it public, done or to come, and asserts it (annotation.md
10, decided in session 16).

"X denied the accusations": the ACCUSE event made from "accusations" was still made,
by someone else -- the denier is never its source; when the events stage took the
denier as source, this stage moves the denier to the target (the accused) and records
the denial.

Word lists live in ``knowledge/data/cues/certainty.tsv`` and ``words.tsv``
(``kb.cues.certainty``, ``kb.cues.words(...)``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

from sitrep.model import Actor, Certainty, Document, Event, TextSpan
from sitrep.stages.events import (COMPLEMENT_DEPS, _child, actor_index, actor_of_phrase,
                                  verb_subject)

#: the order in which cues on the event word itself decide (strongest first)
OWN_PRIORITY = ("negated", "alleged", "reported", "hypothetical")
#: statuses whose cue does not name a speaker: attribution is looked for further up
SPEAKERLESS = frozenset({"hypothetical", "negated"})
#: statuses whose cue is a speech act (a speaker says, claims, reports it)
SPEECH = frozenset({"claimed", "reported"})
#: PLOVER codes planned cooperation, concessions and threats as the act itself
INTENT_TYPES = frozenset({"AGREE", "CONCEDE", "THREATEN", "REJECT"})
#: events that are statements: saying them is doing them
VERBAL_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "CONCEDE", "SUPPORT", "ACCUSE", "THREATEN",
                          "CONSULT"})
#: statements that are the act when their speaker makes them ("we welcome", "Turkey
#: would retaliate", "I call on ..."); an investigation or a meeting is not a statement
#: events that can be attempted: "tried to assassinate" is coded as the assault
ATTEMPTABLE = frozenset({"ASSAULT", "COERCE"})
SPEECH_ACT_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "CONCEDE", "SUPPORT", "ACCUSE", "THREATEN"})
#: statuses of one mention that another mention in the outlet's own voice overrides: a
#: party's account of a happening the article also states as fact. A third party's report
#: ("reported", "according to Reuters") is where the outlet has the fact from: its later
#: mentions rest on that report and do not vouch for it
VOUCHABLE = frozenset({"claimed"})
MAX_SPEAKER_TOKENS = 8
#: the walk up the parse crosses these relations (complements) and also adverbial clauses
#: of reporting ("..., the ministry said", parsed with the event as ccomp of said)
WALK_DEPS = COMPLEMENT_DEPS | {"nsubj"}
#: statuses of a governing verb that override a modal on the event itself
#: ("warned that the US would strike" is a threat, not a mere possibility)
OVERRIDE_MODAL = frozenset({"threatened", "denied", "alleged"})
#: relations by which a nominal event is an argument of its clause, not its content
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})


@dataclass
class Reading:
    """The certainty one mention gives its event."""
    status: str = "asserted"
    cue: Optional[TextSpan] = None
    speaker: Optional[Actor] = None
    hedges: list[str] = field(default_factory=list)
    #: how many speakers the content passes through ("X said Y had stated ...": 2)
    levels: int = 0
    #: the words of the speech cue that decided the status (lemma), for the
    #: performative rule
    speech_lemma: Optional[str] = None
    denier: Optional[Actor] = None
    #: the mention lies inside a quotation (quotation marks, not reported speech): what it
    #: asserts is the quoted speaker's word, never the outlet's own voice
    quoted: bool = False
    #: the mention states the act as fact in the outlet's own voice, so it can vouch for a
    #: party's account in another mention (:func:`combine`): asserted, outside quotation
    #: marks, not the object of a negated or modal verb ("could not confirm the strikes"),
    #: not hedged, not in reported speech without quotes ("..., the ministry added")
    vouches: bool = False


class _Ctx:
    """Per-document lookups built once."""

    def __init__(self, doc: Document, kb) -> None:
        self.doc = doc
        self.sdoc = doc.nlp
        self.text = doc.article.text
        self.index = actor_index(doc)
        self.kb_cues = kb.cues
        self.cues = kb.cues.certainty
        self.words = kb.cues.words
        self.future = kb.cues.future_modals
        self.lex = kb.event_lexicon
        self.triggers: dict[tuple[int, int], Event] = {}
        for ev in doc.events:
            for span in mention_spans(ev):
                self.triggers.setdefault(span, ev)


def run(doc: Document, kb) -> Document:
    if not doc.events or doc.nlp is None or not len(doc.nlp):
        return doc
    ctx = _Ctx(doc, kb)
    cache: dict[tuple, Reading] = {}
    for ev in doc.events:
        readings = []
        for span in mention_spans(ev):
            key = (span, ev.type)
            if key not in cache:
                cache[key] = assess_mention(ctx, ev, span)
            readings.append(cache[key])
        ev.certainty = combine(readings)
        _fix_denied_accusation(ctx, ev)
    _link_denials(ctx)
    return doc


def mention_spans(ev: Event) -> list[tuple[int, int]]:
    """The trigger span first, then every other mention of the same happening."""
    spans = [ev.trigger.span]
    for m in ev.mentions or []:
        if m.span not in spans:
            spans.append(m.span)
    return spans


def combine(readings: list[Reading]) -> Certainty:
    """One certainty for an event from its mentions: the first mention that is not a
    denial decides; a denial elsewhere is kept as ``denied_by`` (annotation.md 6)."""
    if not readings:
        return Certainty()
    chosen = next((r for r in readings if r.status != "denied"), readings[0])
    if chosen.status in VOUCHABLE:
        # one side's account in one mention, the outlet's own voice (or an announcement) in
        # another ("Obama said the two met ... They opened their meeting with ..."): the
        # article vouches for the happening (annotation.md 6 and 10, session 16)
        chosen = next((r for r in readings if r.vouches), chosen)
    denial = next((r for r in readings if r.status == "denied" or r.denier is not None), None)
    hedges: list[str] = []
    for r in readings:
        hedges.extend(h for h in r.hedges if h not in hedges)
    denied_by = None
    if denial is not None and chosen.status != "denied":
        denied_by = denial.denier or denial.speaker
    elif chosen.denier is not None:
        denied_by = chosen.denier
    speaker = None if chosen.status == "asserted" else chosen.speaker
    return Certainty(status=chosen.status, attributed_to=speaker, cue=chosen.cue, hedges=hedges,
                     denied_by=denied_by)


# -- small helpers ------------------------------------------------------------------------

def _span_text(text: str, start: int, end: int) -> TextSpan:
    return TextSpan((start, end), text[start:end])


def _tok_span(text: str, *toks) -> TextSpan:
    toks = sorted(toks, key=lambda t: t.i)
    return _span_text(text, toks[0].idx, toks[-1].idx + len(toks[-1]))


def _lemma(tok) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def _side(actor: Optional[Actor]) -> Optional[str]:
    """The party an actor belongs to: its country, else its knowledge-base id."""
    if actor is None:
        return None
    return actor.country or actor.actor_id or None


def speaker_of(verb, ctx: _Ctx) -> Optional[Actor]:
    """The actor (or, failing that, the noun phrase) that is the subject of a cue verb."""
    subj = verb_subject(verb)
    if subj is None:
        agent = _child(verb, "agent")
        subj = _child(agent, "pobj") if agent is not None else None
    if subj is None and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        subj = _child(verb.head.head, "nsubjpass")  # "X was quoted as saying ...": X says it
    if subj is None:
        return None
    return phrase_actor(subj, ctx)


def phrase_actor(tok, ctx: _Ctx) -> Optional[Actor]:
    if tok.pos_ == "PRON" and (tok.lower_ == "there" or (tok.lower_ == "it" and tok.dep_ != "nsubj")):
        return None  # "it was reported", "there were reports"
    actor = actor_of_phrase(tok, ctx.index)
    if actor is not None:
        return actor
    inside = _party_inside(tok, ctx)
    if inside is not None:
        return inside  # "a source at the police command", "a spokesman for the ministry"
    if tok.pos_ == "PRON":
        return _pronoun_speaker(tok, ctx)
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    left, right = tok.left_edge, tok
    for c in tok.rights:
        if c.dep_ in ("compound", "amod", "nummod", "prep", "pobj", "appos", "flat") and c.i - left.i < MAX_SPEAKER_TOKENS:
            right = c.right_edge if c.right_edge.i - left.i < MAX_SPEAKER_TOKENS else right
    start, end = left.idx, right.idx + len(right)
    words = ctx.text[start:end]
    return Actor(span=(start, end), text=words, name=words, resolved_by="text")


def _pronoun_speaker(tok, ctx: _Ctx) -> Optional[Actor]:
    """"he said": the speaker the quotes stage resolved for the same pronoun, if any."""
    for q in ctx.doc.quotes:
        if q.speaker is not None and q.speaker_text is not None and q.speaker_text.span == (tok.idx, tok.idx + len(tok)):
            return q.speaker
    return None




def _party_inside(tok, ctx: _Ctx) -> Optional[Actor]:
    """"a source at the police command", "officials in the ministry": the body the
    speaker speaks for, when the actor layer knows it."""
    if tok.lower_ not in ctx.words("proxy_speaker"):
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "in", "from", "for", "of", "within", "with"):
            continue
        for t in prep.subtree:
            actor = ctx.index[t.i]
            if actor is not None and actor.sector not in ctx.words("third_party_sector"):
                return actor
    return None


def state_voice(speaker: Actor, words: set[str], ctx: _Ctx) -> Optional[str]:
    """The country whose government a news outlet speaks for: a state agency the
    knowledge base knows (SANA, KCNA, IRNA ...) or "state media", "state-run TV" of a
    country; None for an independent outlet."""
    actor_id = (speaker.actor_id or "").lower()
    if actor_id and actor_id in ctx.words("state_media"):
        return speaker.country or None
    if words & ctx.words("state_media_word") and is_media(speaker, words, ctx.cues):
        return speaker.country or None
    return None


def is_media(actor: Optional[Actor], tok_words: set[str], cues) -> bool:
    if actor is not None and (actor.sector == "MED" or actor.kind == "media"):
        return True
    if actor is not None and set(actor.text.lower().replace("'s", "").replace("’s", "").split()) & cues.media_words:
        return True
    return bool(tok_words & cues.media_words)


def reported_or_claimed(speaker: Optional[Actor], words: set[str], ev: Event, ctx: _Ctx) -> str:
    """"reported" when a third party carries the event (media, monitors, witnesses,
    unnamed sources, an actor of neither side), "claimed" when a party to it does."""
    if speaker is None:
        return "reported"
    state = state_voice(speaker, words, ctx)
    if is_media(speaker, words, ctx.cues) and state is None:
        return "reported"
    if state is None and _observers_from(speaker, ctx):
        return "reported"  # "analysts from Japan and South Korea said": observers, not the states
    side = state or _side(speaker)
    sides = _named_sides(ev.source, ctx) | _named_sides(ev.target, ctx)
    if side is not None and side in sides:
        return "claimed"
    if state is None and _named_sides(speaker, ctx) & sides:
        return "claimed"  # "US and British officials say": one of the speakers is a party
    if ev.source is None and _pronoun_subject(ev, ctx):
        return "claimed"  # "the EU announced that they were imposing sanctions": its own act
    if speaker.sector in ctx.words("third_party_sector") and state is None:
        return "reported"
    if side is not None and ev.source is not None and ev.target is not None \
            and _side(ev.source) and _side(ev.target) and _side(ev.source) != _side(ev.target):
        return "reported"  # both parties known, and the speaker is neither
    return "claimed"


def _observers_from(speaker: Actor, ctx: _Ctx) -> bool:
    """Whether the speaker is named only as where observers come from ("analysts from
    Japan and South Korea", "experts of the two countries"): the observers speak, not the
    states (the media/observer words of certainty.tsv)."""
    if ctx.sdoc is None or not speaker.span or speaker.span[1] <= speaker.span[0]:
        return False
    span = ctx.sdoc.char_span(speaker.span[0], speaker.span[1], alignment_mode="expand")
    if span is None:
        return False
    prep = span.root.head
    return prep.dep_ == "prep" and prep.lower_ in ("from", "of") and prep.head.lower_ in ctx.cues.media_words


def _named_sides(actor: Optional[Actor], ctx: _Ctx) -> set[str]:
    """The parties an actor's words name: its own side and the sides of the actors
    coordinated with it, which the event keeps only the first of ("the leaders of
    Britain, Germany and France", "experts from the United States and South Korea",
    "US and British officials"): an official of any of them speaks for a party."""
    out = {_side(actor)} - {None}
    if actor is None or ctx.sdoc is None or not actor.span or actor.span[1] <= actor.span[0]:
        return out
    span = ctx.sdoc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None:
        return out
    for tok in span:
        for other in (tok, *tok.conjuncts):
            named = ctx.index[other.i]
            if named is not None and named.sector not in ctx.words("third_party_sector"):
                out.add(_side(named))
    return out - {None}


def _pronoun_subject(ev: Event, ctx: _Ctx) -> bool:
    toks = _trigger_tokens(ev.trigger.span, ctx.sdoc)
    if not toks:
        return False
    subj = verb_subject(_clause_verb(toks[0]))
    return subj is not None and subj.lower_ in ("we", "they", "it", "i")


def _trigger_tokens(span, sdoc):
    got = sdoc.char_span(span[0], span[1], alignment_mode="expand")
    return list(got) if got is not None else []


def _converted_rejection(tok, lex) -> bool:
    """A REJECT the events stage made from a negated offer ("will not accept"): its
    negation is the rejection itself, not a negation of it."""
    if lex is None:
        return True
    entries = lex.verbs.get(_lemma(tok), []) + lex.nouns.get(_lemma(tok), [])
    return not any(t.type == "REJECT" for t in entries)


def _option_kept_open(tok, lex) -> bool:
    """A THREATEN the events stage made from a negated rejection of an option ("would
    not rule out force"): the negation makes the threat, it does not deny it."""
    words = getattr(lex, "words", None) if lex is not None else None
    return words is not None and _lemma(tok) in words.option_rejections


# -- cues on the event word itself --------------------------------------------------------

def _own_cues(toks, ev: Event, ctx: _Ctx) -> Optional[tuple[str, TextSpan]]:
    cues, text = ctx.cues, ctx.text
    found: dict[str, TextSpan] = {}
    for tok in toks:
        children = list(tok.children)
        if tok.pos_ in ("NOUN", "PROPN"):
            # "a strike that reportedly killed two": the relative clause describes the event
            for rel in tok.children:
                if rel.dep_ in ("relcl", "acl"):
                    children.extend(c for c in rel.children if c.dep_ == "advmod")
        for c in children:
            low, lem = c.lower_, _lemma(c)
            if c.dep_ == "neg" or (c.dep_ == "det" and low == "no"):
                if not (ev.type == "REJECT" and _converted_rejection(tok, ctx.lex)) \
                        and not (ev.type == "THREATEN" and _option_kept_open(tok, ctx.lex)):
                    found.setdefault("negated", _tok_span(text, c))
            elif c.dep_ in ("aux", "auxpass") and (low in cues.modals or lem in cues.modals):
                if ev.type in INTENT_TYPES and (low in ctx.future or lem == "can"):
                    continue  # "will meet", "can accept" are coded AGREE: the intent is the event
                found.setdefault(cues.modals.get(low) or cues.modals[lem], _tok_span(text, c))
            elif c.dep_ in ("advmod", "amod", "acomp", "npadvmod", "det") and (low in cues.adverbs or lem in cues.adverbs):
                found.setdefault(cues.adverbs.get(low) or cues.adverbs[lem], _tok_span(text, c))
            elif c.dep_ == "mark" and low in cues.marks:
                found.setdefault(cues.marks[low], _tok_span(text, c))
    doer = _doer_hedge(toks, ctx)
    if doer is not None:
        found.setdefault("alleged", _tok_span(text, doer))  # "presumed rebels ambushed ..."
    purpose = _purpose_marker(toks)
    if purpose is not None and _lemma(purpose.head.head) not in ctx.words("motion_verb") \
            and _lemma(purpose.head.head) not in ctx.words("decision_noun"):
        # "staged protests to demand reforms", "sent troops to seize the port": the aim;
        # but "went to the Senate floor to praise ...": the statement was made there, and
        # "the government's decision to expel the envoy" names an act taken
        found.setdefault("hypothetical", _tok_span(text, purpose))
    for status in OWN_PRIORITY:
        if status in found:
            return status, found[status]
    return None


def _doer_hedge(toks, ctx: _Ctx):
    """"Suspected rebels attacked ...", "an attack by presumed guerrillas": a hedge on
    who did it makes the event, as told, an allegation."""
    for tok in toks:
        doers = [c for c in tok.children if c.dep_ in ("nsubj", "poss")]
        doers += [p for c in tok.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by",)
                  for p in c.children if p.dep_ == "pobj"]
        for doer in doers:
            for c in doer.children:
                if c.dep_ in ("amod", "advmod", "compound") and ctx.cues.adverbs.get(c.lower_) == "alleged":
                    return c
    return None


def _purpose_marker(toks):
    """"to" of a purpose clause ("sent troops to seize the port"): the aim, not an act."""
    for tok in toks:
        if tok.dep_ not in ("advcl", "xcomp", "acl"):
            continue
        to = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if to is None:
            continue
        if tok.dep_ == "advcl" or (tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN")):
            return to
    return None


def _definite(tok) -> bool:
    """"the seizure", "its strikes", "Venezuela's offer": an event already known."""
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")):
            return True
    return False


def _presupposed(tok, ctx: _Ctx) -> bool:
    """A nominal event placed before the statement that mentions it: "previous
    sanctions", "sanctions announced by the administration" (a past participle with an
    agent)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ARGUMENT_DEPS:
        return False
    for c in tok.children:
        if c.dep_ == "amod" and c.lower_ in ctx.words("presupposing"):
            return True
        if c.dep_ == "acl" and c.tag_ == "VBN" and _child(c, "agent") is not None:
            return True
    return False


# -- the walk up the parse ----------------------------------------------------------------

@dataclass
class _Cue:
    status: str
    cue: TextSpan
    speaker: Optional[Actor]
    tok: object
    #: the status comes from a speech or belief verb / noun (counts as a speaker level)
    speech: bool = False


def _walk(start_tok, ev: Event, ctx: _Ctx) -> Iterator[_Cue]:
    """Cues above the trigger, innermost first."""
    cues, text = ctx.cues, ctx.text
    tok = start_tok
    came = None
    #: the event is taken for granted by the clause above it ("previous sanctions", "an
    #: investigation into the strike"): no modal or plan above makes it hypothetical, but
    #: a speaker above still carries the whole clause
    presupposed = False
    for _ in range(10):
        if tok.head == tok or tok.dep_ not in WALK_DEPS:
            break
        came = tok
        tok = tok.head
        lem = _lemma(tok)
        if came.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"):
            break  # a coordinated clause does not depend on the verb before it
        if came.dep_ == "appos":
            break  # "..., a move recognised by the US": the narrator's description
        if _semicolon_apart(came, tok) and _speech_cue_verb(tok, lem, ctx):
            # "rebels shelled the town; a priest wrote that ...": two clauses of the narrator.
            # Only a speech verb after the ";" is cut off: the parser also hangs "...
            # shelled the town; no one was hurt" on "hurt", and the speaker of the whole
            # ("The ministry said ...") is further up
            break
        if came == start_tok and _presupposed(came, ctx) and cues.verbs.get(lem) != "denied":
            return  # "previous sanctions announced by ...": known, whoever mentions them
        if came.dep_ == "xcomp" and lem in ctx.words("aspectual"):
            continue  # "will continue to offer", "began shelling": the verb above decides
        if came.dep_ == "xcomp" and lem in ctx.words("attempt_verb") and ev.type in ATTEMPTABLE:
            continue  # "tried and failed to assassinate": an attempted attack is the attack
        gov_event = _event_at(tok, ctx, ev)
        denial = _denial(tok, came, ctx)
        if denial is not None:
            yield denial
            return
        if came.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("VERB", "AUX"):
            modal = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in cues.modals), None)
            if modal is None:
                if _definite(came):
                    return  # "the seizure has frightened shipowners, traders said": presupposed
                continue  # "powerful explosions shook Caracas, witnesses said": new, attributed
            if ev.type in INTENT_TYPES and modal.lower_ in ctx.words("plain_future"):
                # "further sanctions will come into force", "a truce will take effect": PLOVER codes the
                # announced future as the THREATEN or AGREE itself, as on the event's own
                # verb; a conditional "would" above it ("said an embargo would hurt both
                # economies") tells a consequence someone weighs, not an announcement
                continue
            if not presupposed:
                yield _Cue(cues.modals[modal.lower_], _tok_span(text, modal), None, tok)
            continue  # the event is this verb's subject: the verb is no speech act about it
        if lem in ctx.words("performative") and came.dep_ in ("dobj", "nsubjpass"):
            # "announced a massive deployment", "confirmed the strike": the act itself
            yield _Cue("asserted", _tok_span(text, tok), None, tok)
            return
        if lem in ctx.words("vouching") and came.dep_ == "dobj" and _definite(came):
            # "a video showed the killing": the evidence shows it happened
            yield _Cue("asserted", _tok_span(text, tok), None, tok)
            return
        if came.dep_ == "ccomp" and lem in ctx.words("vouching") and _shown_by_evidence(tok, ctx):
            # "a recording that shows the police beat the students": the record shows it happened
            yield _Cue("asserted", _tok_span(text, tok), None, tok)
            return
        if gov_event is not None and gov_event.type == "ACCUSE" and gov_event.mode in ("disapprove", "investigate"):
            # "condemned the strikes", "is investigating the killing": taken as having happened
            yield _Cue("asserted", _tok_span(text, tok), None, tok)
            return
        if gov_event is not None and (_is_object_of(came, ctx) or (gov_event.type in VERBAL_TYPES and came.dep_ in ("xcomp", "ccomp"))) \
                and lem not in cues.verbs and lem not in cues.nouns and lem not in cues.claim_verbs:
            # "rejected the proposal", "welcomed the offer", "called for talks": the object of
            # a verbal act is taken as given; the verbal act is the event to code
            yield _Cue("asserted", _tok_span(text, tok), None, tok)
            return
        if tok.pos_ in ("NOUN", "PROPN") and lem in ctx.words("responsibility_noun") and came.dep_ == "prep" \
                and tok.head.pos_ in ("VERB", "AUX") and _lemma(tok.head) in ctx.words("responsibility_verb"):
            # "the group claimed responsibility for the bombing": the doer's own claim
            yield _Cue("claimed", _tok_span(text, tok.head, tok), speaker_of(tok.head, ctx), tok.head, speech=True)
            return
        if tok.pos_ in ("NOUN", "PROPN") and came.dep_ == "prep" and lem not in cues.nouns \
                and gov_event is None:
            # "an investigation into the strike", "victims of the attack": taken for granted;
            # a definite event is known whoever speaks ("the talks on the strike", said X),
            # an indefinite one is part of what the speaker says ("a barrage of shelling")
            obj = _child(came, "pobj")
            if obj is not None and _definite(obj):
                return
            presupposed = True
            continue
        if _named_by(came, tok) or _conversation(tok, ctx):
            continue  # "called the shelling an attack", "a phone call": no call for it
        status = _cue_status(tok, lem, ctx)
        if status is None and came.dep_ == "ccomp":
            # "reports are emerging that ...": the clause is the content of the subject noun
            subj = _child(tok, "nsubj")
            if subj is not None and _lemma(subj) in cues.nouns:
                tok, lem = subj, _lemma(subj)
                status = cues.nouns[lem]
        if status is None:
            continue  # a modal or negation on a verb above is read when the walk reaches it
        if ev.type in INTENT_TYPES and status == "hypothetical" and lem in ctx.words("intent_verb"):
            continue  # "plans to meet" is coded AGREE: the plan is the event
        if _readying_is_the_act(ev, status, tok, lem, start_tok, ctx):
            continue  # "rebels are preparing to storm the town": the readying is the MOBILIZE
        if presupposed and status in ("hypothetical", "negated", "threatened"):
            continue
        speaker = _cue_speaker(tok, ctx)
        cue = _tok_span(text, tok)
        cond = next((c for c in came.children if c.dep_ == "mark" and c.lower_ in cues.marks), None) \
            if came.dep_ == "advcl" and came != start_tok else None
        if cond is not None:
            # "... if cooperation founders": the clause the event sits in is a condition
            yield _Cue(cues.marks[cond.lower_], _tok_span(text, cond), None, tok)
        if came.dep_ == "advcl" and status != "threatened":
            continue  # "if Venezuela attacks, the US will respond": the main verb is no cue for it
        if status in SPEECH and tok.pos_ in ("VERB", "AUX") and came.dep_ in ("prep", "pcomp", "pobj", "acl"):
            continue  # "responded by announcing ...": a manner, not the content of speech
        speech = status in SPEECH or status in ("alleged", "threatened")
        if status == "threatened" and tok.pos_ in ("VERB", "AUX") and speaker is not None \
                and not speaks_for_source(speaker, ev, start_tok, ctx):
            # "others caution that the battle will be long": a warning about someone
            # else's act is a statement, not a threat
            status = "claimed"
        if status in SPEECH or lem == "report":
            status = _speech_status(tok, lem, speaker, ev, ctx)
        yield _Cue(status, cue, speaker, tok, speech=speech)


def _shown_by_evidence(verb, ctx: _Ctx) -> bool:
    """The vouching verb's subject is a record (``evidence_noun``): its own subject, or
    the noun its relative or participle clause describes ("a clip that shows ...", "a
    photo showing ..."); not hedged by a seeming verb above it ("appears to show"), and
    not itself the content of a statement ("he said images had shown ..."), whose speaker
    carries what the record shows."""
    if verb.dep_ == "xcomp" and _lemma(verb.head) in ctx.words("seeming_verb"):
        return False
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.pos_ in ("VERB", "AUX") \
            and _lemma(verb.head) in ctx.lex.words.saying_verbs:
        return False
    subject = _child(verb, "nsubj")
    if verb.dep_ in ("relcl", "acl") and (subject is None or subject.tag_ in ("WDT", "WP")):
        subject = verb.head
    return subject is not None and _lemma(subject) in ctx.words("evidence_noun")


def _readying_is_the_act(ev: Event, status: str, tok, lem: str, start_tok, ctx: _Ctx) -> bool:
    """A verb of getting forces ready over an attack ("are readying to storm the town",
    "prepare to attack the garrison"): PLOVER codes readying an attack as
    MOBILIZE (docs/annotation.md 4, "is preparing to attack"), so the preparation under
    way is the act, not a plan; the walk goes on to find who says so (words.tsv
    ``readying_verb``). Preparing a deployment ("preparing to send troops") stays a
    planned deployment, hypothetical (types.tsv: "plans to send fighters")."""
    if ev.type != "MOBILIZE" or status != "hypothetical" or lem not in ctx.words("readying_verb"):
        return False
    if _readying_hedged(tok, ctx) or _conditioned(start_tok, ctx):
        return False  # "may be preparing to attack", "is preparing to strike if talks fail"
    return _names_an_attack(start_tok, ctx)


def _readying_hedged(verb, ctx: _Ctx) -> bool:
    """The readying verb is itself uncertain: a modal or future auxiliary, a negation, or
    a condition clause on it; then it stays the cue it is (hypothetical)."""
    cues = ctx.cues
    for ch in verb.children:
        if ch.dep_ in ("aux", "auxpass") and (ch.lower_ in cues.modals or ch.lower_ in ctx.future):
            return True
        if ch.dep_ == "neg":
            return True
    return _conditioned(verb, ctx)


def _conditioned(verb, ctx: _Ctx) -> bool:
    """A condition clause hangs on the verb ("to strike if talks fail")."""
    return any(ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ctx.cues.marks for m in ch.children)
               for ch in verb.children)


def _names_an_attack(tok, ctx: _Ctx) -> bool:
    """The event word, or the noun its light verb carries ("launch a counteroffensive"), is an
    ASSAULT word of the lexicon."""
    lex = ctx.lex
    if lex is None:
        return False
    words = [tok] + [ch for ch in tok.children if ch.dep_ == "dobj"]
    return any(t.type == "ASSAULT" for w in words
               for t in lex.lookup(_lemma(w), w.pos_ in ("VERB", "AUX")))


def _semicolon_apart(clause, verb) -> bool:
    """A clause that ends, before the verb it hangs from, at a semicolon: the parser
    hangs the first of two clauses joined by ";" on the second, but a speaker named after
    the semicolon says only the second ("... responded with derision; a pundit wrote
    that ..."); "X struck, Y said" keeps its comma."""
    if clause.i > verb.i:
        return False
    doc = clause.doc  # a left dependent's subtree ends before its head (projective parse)
    return any(doc[i].text == ";" for i in range(clause.right_edge.i, verb.i))


def _cue_negated(cue: Optional[TextSpan], sent) -> bool:
    """The verb that made a mention asserted is negated or under a modal ("could not
    confirm the strikes", "did not show the killing"): it asserts nothing."""
    if cue is None:
        return False
    tok = next((t for t in sent if t.idx == cue.span[0]), None)
    if tok is None:
        return False
    verbs = [tok, tok.head] if tok.dep_ == "xcomp" else [tok]  # "was unable to verify"
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for v in verbs for c in v.children) \
        or (tok.dep_ == "xcomp" and tok.head.pos_ == "ADJ")


def _under_negation(tok) -> bool:
    """A clause above the mention is negated or modal ("It was not possible to verify the
    arrests", "nobody could confirm the raid"): the mention is not told as fact."""
    for _ in range(8):
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in tok.children):
            return True
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def _reported_speech(mention, ctx: _Ctx) -> bool:
    """The mention is inside someone's words without quotation marks: in the clause a verb
    of saying with its speaker reports ("Officials said the raid ...") or in a clause with a
    speaker tagged on ("The strikes killed 20 fighters, the ministry added"), so it is that
    speaker's account, not the outlet's voice. A verb of stance with a plain object
    ("London protested the seizure") and a speaker elsewhere in the sentence are not."""
    for tok in mention.sent:
        if not _speech_cue_verb(tok, _lemma(tok), ctx):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            continue
        reports = any(c.dep_ in ("ccomp", "parataxis") and (c == mention or c.is_ancestor(mention))
                      for c in tok.children)
        tagged = tok.dep_ == "parataxis" and (tok.head == mention or tok.head.is_ancestor(mention))
        if reports or tagged:
            return True
    return False


def _speech_cue_verb(tok, lem: str, ctx: _Ctx) -> bool:
    """A verb that gives what follows it a certainty status: one of certainty.tsv, or a
    verb of saying or stance of verbs.tsv ("hinted", "remarked", "recalled"), which
    :func:`_cue_status` reads as a speech cue too. After a semicolon it says only its own
    clause (:func:`_semicolon_apart`)."""
    return tok.pos_ in ("VERB", "AUX") and (lem in ctx.cues.verbs or ctx.kb_cues.verb_stance(lem) is not None)


def _is_object_of(came, ctx: _Ctx) -> bool:
    """The governed event is the object of the verbal act above it ("rejected the offer",
    "called for talks"; "in an agreement" is an adjunct, not the content)."""
    if came.dep_ in ("dobj", "nsubjpass", "attr"):
        return True
    return came.dep_ == "prep" and came.lower_ in ctx.words("content_prep")


def _denial(tok, came, ctx: _Ctx) -> Optional[_Cue]:
    """"denied that ...", "rejected claims that ...", "dismissed reports of ..."."""
    cues, text = ctx.cues, ctx.text
    lem = _lemma(tok)
    obj = _child(tok, "dobj")
    if cues.verbs.get(lem) == "denied":
        cue_toks = [tok] + ([obj] if obj is not None and _lemma(obj) in cues.claim_nouns else [])
        return _Cue("denied", _tok_span(text, *cue_toks), speaker_of(tok, ctx), tok, speech=True)
    if lem in cues.claim_verbs and obj is not None and _lemma(obj) in cues.claim_nouns and \
            (came == obj or came.head == obj):
        return _Cue("denied", _tok_span(text, tok, obj), speaker_of(tok, ctx), tok, speech=True)
    if tok.pos_ in ("NOUN", "PROPN") and lem in cues.claim_nouns and tok.dep_ == "dobj" \
            and tok.head.pos_ == "VERB" and _lemma(tok.head) in cues.claim_verbs:
        verb = tok.head
        return _Cue("denied", _tok_span(text, verb, tok), speaker_of(verb, ctx), verb, speech=True)
    return None


def _named_by(came, tok) -> bool:
    """The walk comes up to a verb of naming from what it calls something, or from the thing
    it calls so ("called the shelling an attack", "called the inquiry into the riots a
    whitewash"): a verb with an object predicate (oprd) names a known happening, it does not
    ask for it ("called for talks", "called on Iran to withdraw" keep the demand)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return came.dep_ == "oprd" or (came.dep_ == "dobj" and any(ch.dep_ == "oprd" for ch in tok.children))


def _conversation(tok, ctx: _Ctx) -> bool:
    """A noun of demand in its sense of a conversation ("Trump's July phone call pressing
    Kyiv for investigations", "a call with the premier"): a telephone, conference or video
    call, or one held with or between parties, names a talk that took place, not a call
    for something (words.tsv conversation_modifier, conversation_prep)."""
    if tok.pos_ not in ("NOUN", "PROPN") or ctx.cues.nouns.get(_lemma(tok)) != "hypothetical":
        return False
    return any((ch.dep_ == "compound" and ch.lower_ in ctx.words("conversation_modifier"))
               or (ch.dep_ == "prep" and ch.lower_ in ctx.words("conversation_prep")) for ch in tok.children)


def _cue_status(tok, lem: str, ctx: _Ctx) -> Optional[str]:
    if tok.pos_ in ("VERB", "AUX", "ADJ"):
        status = ctx.cues.verbs.get(lem)
        if status is None:
            stance = ctx.kb_cues.verb_stance(lem)
            if stance is not None:
                status = "claimed" if stance == "neutral" else ctx.kb_cues.status_for(stance)
        return status
    if tok.pos_ in ("NOUN", "PROPN"):
        return ctx.cues.nouns.get(lem)
    return None


def _cue_speaker(tok, ctx: _Ctx) -> Optional[Actor]:
    if tok.pos_ in ("NOUN", "PROPN"):
        poss = _child(tok, "poss")
        if poss is not None:
            return phrase_actor(poss, ctx)
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        if by is not None and _child(by, "pobj") is not None:
            return phrase_actor(_child(by, "pobj"), ctx)
        if tok.head.pos_ in ("VERB", "AUX") and tok.dep_ != "nsubj":
            return speaker_of(tok.head, ctx)
        return None
    return speaker_of(tok, ctx)


def _speech_status(tok, lem: str, speaker: Optional[Actor], ev: Event, ctx: _Ctx) -> str:
    """A speech verb or noun: claimed by a party, reported by a third party; a report
    noun with no owner is an anonymous report."""
    if tok.pos_ in ("NOUN", "PROPN"):
        if ctx.cues.nouns.get(lem) == "reported" and speaker is None:
            return "reported"
        words = {_lemma(t) for t in tok.subtree}
    else:
        subj = verb_subject(tok)
        if subj is not None and subj.lower_ == "it" and (
                any(c.dep_ == "auxpass" for c in tok.children) or subj.dep_ == "nsubjpass"):
            return "reported"  # "it was reported that ..." (not "it said in a statement")
        words = {_lemma(t) for t in subj.subtree} if subj is not None else set()
    status = reported_or_claimed(speaker, words, ev, ctx)
    if status == "reported" and speaker is not None and lem == "report" and not is_media(speaker, words, ctx.cues) \
            and _side(speaker) in {_side(ev.source), _side(ev.target)} - {None}:
        status = "claimed"  # "the Defence Ministry reported that ...": a party's account
    return status


def _event_at(tok, ctx: _Ctx, ev: Event) -> Optional[Event]:
    for span, other in ctx.triggers.items():
        if other is ev:
            continue
        if span[0] <= tok.idx < span[1]:
            return other
    return None


# -- the event clause and statements that are the act -------------------------------------

def _clause_verb(tok):
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head == tok:
            return tok
        tok = tok.head
    return tok


def _performative(reading: Reading, toks, ev: Event, ctx: _Ctx) -> bool:
    """A statement that is itself the act: one speaker, not a news outlet, states a
    statement of its own side ("We welcome ...", "Turkey would retaliate", "reiterated
    its support") or announces an act of its own, done or to come ("the EU announced it
    is imposing sanctions", "the army announced it had withdrawn"); told with a plain
    saying verb, a party's own act stays its claim (annotation.md 10, session 16)."""
    if reading.status != "claimed" or reading.levels != 1 or not toks:
        return False
    own = speaks_for_source(reading.speaker, ev, toks[0], ctx)
    if ev.type in SPEECH_ACT_TYPES and ev.mode != "investigate":
        # a party telling of its own statement, made now or before ("reiterated its
        # support", "said it had rejected the request"): the statement is on record
        return own
    if reading.speech_lemma in ctx.words("announcing"):
        # "announced it had withdrawn", "confirmed that its forces killed ...": a verb of
        # announcing makes the party's own act public, done or to come (annotation.md 10,
        # session 16: a party's own account)
        return own
    return False  # "said its jets had struck", "said it was pulling back": its own account, claimed


def speaks_for_source(speaker: Optional[Actor], ev: Event, tok, ctx: _Ctx) -> bool:
    """The speaker states an act of its own: the event's source is the speaker, a pronoun
    standing for it ("Turkey said it would retaliate"), or the state whose government
    speaks ("the Foreign Ministry said Turkey would retaliate")."""
    source = ev.source
    if source is None:
        subj = verb_subject(_clause_verb(tok))
        return subj is None or subj.lower_ in ctx.words("self_pronoun")
    if source.text.lower() in ctx.words("self_pronoun"):
        return True
    if speaker is None:
        return False
    if _same_actor(source, speaker) or (source.name and source.name == speaker.name):
        return True
    if speaker.resolved_by == "text" and speaker.text.lower().split()[-1:] and \
            speaker.text.lower().split()[-1] in ctx.words("document_noun"):
        return True  # "the statement said Trump will gladly speak ...": the issuer's own word
    same_state = speaker.country is not None and speaker.country == source.country
    if same_state and (speaker.actor_id or "").lower() in ctx.words("state_media"):
        return True  # "KCNA said journalists would be invited": the state's own voice
    if same_state and source.kind == "state" and speaker.sector in ("GOV", "MIL"):
        return True  # "the foreign ministry said Turkey would retaliate"
    # an institution announcing what its own officials will do ("the foreign ministry said
    # its envoy will visit Vienna"); a person relaying a colleague's plan is not the same
    return (same_state and speaker.kind in ("org", "state") and speaker.sector in ("GOV", "MIL")
            and source.sector in ("GOV", "MIL"))


# -- one mention --------------------------------------------------------------------------

def assess_mention(ctx: _Ctx, ev: Event, span) -> Reading:
    toks = _trigger_tokens(span, ctx.sdoc)
    if not toks:
        return Reading()
    root = toks[0].doc[toks[0].i:toks[-1].i + 1].root if len(toks) > 1 else toks[0]
    lex = ctx.lex
    if lex is not None and root.dep_ in ("dobj", "nsubjpass") and _lemma(root.head) in lex.light_verbs:
        # "the attack was allegedly carried out by ...": the light verb carries the cues
        root = root.head
        toks = toks + [root]
    sent = root.sent
    r = Reading(status="")
    own = _own_cues(toks, ev, ctx)
    if own is not None:
        r.status, r.cue = own
    for found in _walk(root, ev, ctx):
        if found.speech:
            r.levels += 1
        if r.levels > 1:
            continue  # only counting the speakers above the one that decided
        w_status = found.status
        if r.status == "hypothetical" and w_status in OVERRIDE_MODAL and r.speaker is None:
            r.status, r.cue, r.speaker = w_status, found.cue, found.speaker
            r.speech_lemma = _lemma(found.tok)
            continue
        if not r.status:
            r.status, r.cue = w_status, found.cue
            r.speech_lemma = _lemma(found.tok)
            # a plan or a modal says nothing about who says so: look further up for that
            r.speaker = found.speaker if w_status not in SPEAKERLESS else None
        elif r.speaker is None and found.speaker is not None and r.status in SPEAKERLESS:
            r.speaker = found.speaker
    _from_quote(r, ev, span, ctx, sent)
    r.quoted = any(q.kind in ("direct", "mixed") and q.span[0] <= span[0] and span[1] <= q.span[1]
                   for q in ctx.doc.quotes)
    if not r.status or (r.status in SPEAKERLESS and r.speaker is None):
        acc = _according_to(sent, ev, ctx)
        if acc is not None:
            if not r.status:
                r.status, r.cue = acc[0], acc[1]
                r.levels = max(r.levels, 1)
            r.speaker = r.speaker or acc[2]
    if not r.status:
        phrase = _sentence_phrase(sent, ctx)
        if phrase is not None:
            r.status, r.cue = phrase
    r.status = r.status or "asserted"
    hedges, hedge_cue = _hedges(sent, root, ev, ctx)
    r.hedges = hedges
    r.vouches = (r.status == "asserted" and not r.quoted and not hedges
                 and not _cue_negated(r.cue, sent) and not _under_negation(root)
                 and not _reported_speech(root, ctx))
    if r.status == "asserted" and any(ctx.cues.hedges[h] == "alleged" for h in hedges):
        said = _speech_above_hedge(root, ctx)
        if said is not None:
            # "claimed without evidence that X attacked": the parser hangs the content on
            # "evidence"; it is what the speaker claims, unproven
            r.status, r.cue, r.speaker = "claimed", _tok_span(ctx.text, said), speaker_of(said, ctx)
    if hedges:
        if r.status == "claimed" and any(ctx.cues.hedges[h] == "alleged" for h in hedges):
            r.status = "alleged"
        elif r.status == "asserted" and any(ctx.cues.hedges[h] == "reported" for h in hedges):
            r.status, r.cue = "reported", hedge_cue
    if _performative(r, toks, ev, ctx):
        r.status = "asserted"
    if r.status == "asserted":
        r.speaker = None  # the narrator's own statement
    return r


def _speech_above_hedge(root, ctx: _Ctx):
    """The speech verb whose content the event is when the parser hung that content, a
    "that" clause, on the noun of a hedge ("said without evidence that Israel had
    attacked": attacked <- evidence <- without <- said); None otherwise."""
    clause = _clause_verb(root)
    if clause.dep_ != "acl" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    tok = clause.head
    for _ in range(4):
        if tok.head == tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            if _cue_status(tok, _lemma(tok), ctx) in SPEECH:
                return tok
            if tok.dep_ != "pcomp":
                return None  # "without providing evidence": the hedge's own verb, go on
    return None


def _from_quote(r: Reading, ev: Event, span, ctx: _Ctx, sent) -> None:
    """A direct quote that contains the trigger: its speaker claims the event (or
    reports it, for a news outlet)."""
    quote = next((q for q in ctx.doc.quotes if q.kind == "direct" and q.span[0] <= span[0]
                  and span[1] <= q.span[1]), None)
    if quote is None:
        if r.speaker is None and r.status in ("claimed", "reported", "alleged", "denied", "threatened"):
            # the quotes stage resolves pronoun speakers ("he said") to a named person
            quote = next((q for q in ctx.doc.quotes if q.span[0] <= span[0] and span[1] <= q.span[1]
                          and q.speaker is not None), None)
            if quote is not None:
                r.speaker = quote.speaker
        return
    toks = _trigger_tokens(span, ctx.sdoc)
    if not r.status and toks and toks[0].pos_ in ("NOUN", "PROPN") and (_definite(toks[0]) or _presupposed(toks[0], ctx)):
        return  # "this attack targets the whole nation," he said: the attack is known, not claimed
    if r.levels == 0 or (r.cue is not None and quote.span[0] <= r.cue.span[0] < quote.span[1]):
        r.levels += 1  # the quote's speaker, unless the walk already met the quote's cue
    if r.status and not (r.status in SPEAKERLESS and r.speaker is None):
        return
    speaker = quote.speaker or _speaker_from_text(quote.speaker_text, ctx)
    if not r.status:
        words = set(quote.speaker_text.text.lower().split()) if quote.speaker_text else set()
        # an excerpt credited to its author and outlet is a columnist's text: reported
        # (docs/annotation.md 10: facts inside a quoted column)
        r.status = "reported" if _credited(quote, ctx) else reported_or_claimed(speaker, words, ev, ctx)
        r.cue = quote.cue or quote.speaker_text
        r.speech_lemma = _lemma_of_words(quote.cue, ctx)
    r.speaker = r.speaker or speaker


def _credited(quote, ctx: _Ctx) -> bool:
    """The quote's cue follows it and names where the words appeared, not a speech act
    (the outlet of a credit line, "Jane Roe, The Daily Planet")."""
    cue = quote.cue
    if cue is None or cue.span[0] < quote.span[1]:
        return False
    got = ctx.sdoc.char_span(cue.span[0], cue.span[1], alignment_mode="expand")
    return got is not None and any(t.pos_ == "PROPN" for t in got) \
        and not any(t.pos_ in ("VERB", "AUX") for t in got)


def _lemma_of_words(words: Optional[TextSpan], ctx: _Ctx) -> Optional[str]:
    if words is None:
        return None
    got = ctx.sdoc.char_span(words.span[0], words.span[1], alignment_mode="expand")
    if got is None or not len(got):
        return None
    return _lemma(got.root)


def _speaker_from_text(words: Optional[TextSpan], ctx: _Ctx) -> Optional[Actor]:
    """A quote's speaker the quotes stage could not resolve: the actor in its words, or
    the words themselves."""
    if words is None:
        return None
    span = ctx.sdoc.char_span(words.span[0], words.span[1], alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if ctx.index[tok.i] is not None:
            return ctx.index[tok.i]
    return Actor(span=words.span, text=words.text, name=words.text, resolved_by="text")


def _according_to(sent, ev: Event, ctx: _Ctx):
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            to = tok.nbor(1)
            pobj = _child(to, "pobj") or _child(tok, "pobj")
            if pobj is None:
                continue
            actor = phrase_actor(pobj, ctx)
            words = {_lemma(t) for t in pobj.subtree}
            if words & ctx.words("unnamed_source"):
                words.add("source")  # "people familiar with the operation": unnamed sources
            status = reported_or_claimed(actor, words, ev, ctx)
            return status, _tok_span(ctx.text, tok, to), actor
    return None


_PHRASE_RE: dict[int, object] = {}


def _phrase_regex(cues):
    import re
    key = id(cues)
    if key not in _PHRASE_RE:
        phrases = sorted((p for p in cues.phrases if p != "according to"), key=len, reverse=True)
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) or "(?!x)x"
        _PHRASE_RE[key] = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    return _PHRASE_RE[key]


def _sentence_phrase(sent, ctx: _Ctx):
    text = ctx.text
    m = _phrase_regex(ctx.cues).search(text, sent.start_char, sent.end_char)
    if m is None:
        return None
    phrase = " ".join(m.group(0).lower().split())
    return ctx.cues.phrases.get(phrase, "reported"), _span_text(text, m.start(), m.end())


# -- hedges -------------------------------------------------------------------------------

_HEDGE_RE: dict[int, object] = {}


def _hedge_regex(cues):
    import re
    key = id(cues)
    if key not in _HEDGE_RE:
        phrases = sorted(cues.hedges, key=len, reverse=True)
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) or "(?!x)x"
        _HEDGE_RE[key] = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    return _HEDGE_RE[key]


def _hedges(sent, root, ev: Event, ctx: _Ctx) -> tuple[list[str], Optional[TextSpan]]:
    """Hedge phrases of the sentence that bear on this event: the phrase modifies the
    clause the event sits in, a clause above it, or a clause coordinated with one of those
    ("accused the crew of smuggling drugs but offered no evidence")."""
    text = ctx.text
    found: list[str] = []
    first: Optional[TextSpan] = None
    for m in _hedge_regex(ctx.cues).finditer(text, sent.start_char, sent.end_char):
        phrase = " ".join(m.group(0).lower().split())
        if phrase in found or any(phrase in f for f in found):
            continue  # "without evidence" inside "without providing evidence"
        if not _hedge_bears_on(m.start(), m.end(), root, ev, ctx):
            continue
        found.append(phrase)
        if first is None:
            first = _span_text(text, m.start(), m.end())
    return found, first


def _hedge_bears_on(start: int, end: int, root, ev: Event, ctx: _Ctx) -> bool:
    span = ctx.sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    head = span.root if span.root.pos_ in ("VERB", "AUX") else span.root.head
    anchor = _clause_verb(head)
    scopes = {anchor, head}
    if anchor.dep_ == "conj":
        scopes.add(anchor.head)  # "accused X ... but offered no evidence"
    if ev.type in VERBAL_TYPES and root.pos_ in ("VERB", "AUX") and anchor in set(root.subtree):
        return True  # "accused X of sending warships, without offering evidence"
    tok = root
    for _ in range(12):
        if tok in scopes:
            return True
        if tok.head == tok or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
            break  # a coordinated clause is a statement of its own
        tok = tok.head
    return tok in scopes


# -- "X denied the accusations" ------------------------------------------------------------

def _fix_denied_accusation(ctx: _Ctx, ev: Event) -> None:
    """An ACCUSE event read from "accusations"/"claims" that someone denies: the denier is
    the accused, never the accuser."""
    if ev.type != "ACCUSE":
        return
    for span in mention_spans(ev):
        toks = _trigger_tokens(span, ctx.sdoc)
        if not toks:
            continue
        tok = toks[0]
        if _lemma(tok) not in ctx.cues.claim_nouns or tok.dep_ != "dobj":
            continue
        verb = tok.head
        if not (ctx.cues.verbs.get(_lemma(verb)) == "denied" or _lemma(verb) in ctx.cues.claim_verbs):
            continue
        denier = speaker_of(verb, ctx)
        if denier is None:
            continue
        if ev.source is not None and _same_actor(ev.source, denier):
            ev.source = None
            if ev.target is None:
                ev.target = denier
        if span == ev.trigger.span and ev.certainty.status == "denied":
            ev.certainty.status = "asserted"  # the accusation was made; its content is denied
            ev.certainty.attributed_to = None
            ev.certainty.cue = None
        ev.certainty.denied_by = ev.certainty.denied_by or denier


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.span == b.span:
        return True
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    return a.span[0] < b.span[1] and b.span[0] < a.span[1]


#: how many sentences back a denial of "the claim" / "the accusations" looks for it
DENIAL_REACH = 2


def _link_denials(ctx: _Ctx) -> None:
    """"Rebels said troops attacked the village. The army denied the claim.": a denial of
    a claim noun with no content of its own denies the nearest claim before it; the
    events of that claim keep their status and record ``denied_by``."""
    cues = ctx.cues
    for tok in ctx.sdoc:
        if tok.dep_ != "dobj" or not (_lemma(tok) in cues.claim_nouns or _denied_which(tok, cues)):
            continue
        verb = tok.head
        if not (cues.verbs.get(_lemma(verb)) == "denied" or _lemma(verb) in cues.claim_verbs):
            continue
        if any(c.dep_ in ("acl", "ccomp", "relcl", "prep") for c in tok.children):
            continue  # "denied claims that ...": the content is right there
        denier = speaker_of(verb, ctx)
        if denier is None:
            continue
        claimed = _nearest_claim(ctx, tok, denier)
        for ev in claimed:
            if ev.certainty.denied_by is None:
                ev.certainty.denied_by = denier


def _denied_which(tok, cues) -> bool:
    """", which Kyiv denied": a relative pronoun as the object of a denial after a comma
    denies the claim the sentence has just told, whatever noun the parser hangs it on."""
    verb = tok.head
    return tok.lower_ == "which" and verb.dep_ == "relcl" and cues.verbs.get(_lemma(verb)) == "denied" \
        and tok.i > 0 and tok.nbor(-1).text == ","


def _nearest_claim(ctx: _Ctx, denial_tok, denier: Actor) -> list[Event]:
    """The events of the last claim (one cue) before a denial, within reach."""
    sents = [s for s in ctx.doc.sentences if s[0] <= denial_tok.idx]
    start = sents[-(DENIAL_REACH + 1)][0] if len(sents) > DENIAL_REACH else 0
    candidates = []
    accused = []
    for ev in ctx.doc.events:
        c = ev.certainty
        if ev.type == "ACCUSE" and ev.target is not None and start <= ev.trigger.span[0] < denial_tok.idx \
                and (_same_actor(ev.target, denier) or (_side(denier) and _side(ev.target) == _side(denier))):
            accused.append(ev)  # "Venezuela accused Colombia ... Bogota denied the accusations"
        if c.status not in ("claimed", "alleged", "reported") or c.cue is None:
            continue
        if not (start <= c.cue.span[0] < denial_tok.idx):
            continue
        if c.attributed_to is not None and _same_actor(c.attributed_to, denier):
            continue  # nobody denies their own claim
        candidates.append(ev)
    if not candidates:
        return accused[-1:]
    cue_at = max(ev.certainty.cue.span for ev in candidates)
    found = [ev for ev in candidates if ev.certainty.cue.span == cue_at]
    # the accusation itself ("Venezuela accused Colombia ...") is what is denied as well
    found += [ev for ev in ctx.doc.events if ev.type == "ACCUSE" and ev.trigger.span == cue_at]
    return found
