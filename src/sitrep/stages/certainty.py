"""Certainty stage: how sure the text is that each event happened, and on whose word.

For every event it sets ``Certainty(status, attributed_to, cue, hedges)``:

* asserted     the narrator states it
* reported     a news outlet / unnamed report carries it ("according to Reuters",
               "reportedly", "it was reported that", "state TV said")
* claimed      an actor says it ("Maduro said the US had attacked"): attributed to the
               speaker (subject of the reporting verb, or the speaker of the quote)
* alleged      an accusation or a hedged claim ("accused X of", "allegedly",
               "without evidence" -> hedges ["without evidence"])
* denied       "denied that", "rejected claims that", "dismissed reports of"
* hypothetical could/may/might/would/will, "if", "considering", "plans to", "possible"
* threatened   "threatened to", "warned it would", "vowed to"
* negated      "did not attack", "no strikes"

How: the innermost cue wins. The stage first reads the trigger's own dependents
(negation, modal, hedging adverb), then walks up the dependency chain from the trigger
through complement relations and takes the first cue verb/noun it meets; attribution
comes from the nearest cue with a speaker even when the status comes from a modal
("Maduro said the US could attack": hypothetical, attributed to Maduro). Quotes from the
quotes stage and sentence-level phrases ("according to") are used when the parse gives
nothing. Hedge phrases anywhere in the sentence are recorded, and turn a claim into an
allegation. ``cue`` is the word(s) that decided the status, with their span.
"""
from __future__ import annotations

from typing import Optional

from sitrep.model import Actor, Certainty, Document, Event, TextSpan
from sitrep.stages.events import (COMPLEMENT_DEPS, _child, actor_index, actor_of_phrase,
                                  verb_subject)

#: the order in which cues on the event word itself decide (strongest first)
OWN_PRIORITY = ("negated", "alleged", "reported", "hypothetical")
#: statuses whose cue does not name a speaker: attribution is looked for further up
SPEAKERLESS = frozenset({"hypothetical", "negated"})
INTENT_TYPES = frozenset({"AGREE", "CONCEDE", "THREATEN", "REJECT"})
FUTURE_MODALS = frozenset({"will", "would", "shall", "'ll", "wo", "'d"})
MAX_SPEAKER_TOKENS = 8
#: the walk up the parse crosses these relations (complements) and also adverbial clauses
#: of reporting ("..., the ministry said", parsed with the event as ccomp of said)
WALK_DEPS = COMPLEMENT_DEPS | {"nsubj"}
#: statuses of a governing verb that override a modal on the event itself
#: ("warned that the US would strike" is a threat, not a mere possibility)
OVERRIDE_MODAL = frozenset({"threatened", "denied", "alleged"})


def run(doc: Document, kb) -> Document:
    if not doc.events or doc.nlp is None:
        return doc
    lex = kb.event_lexicon
    cues = lex.cues
    shared = _shared_cues(kb)
    sdoc = doc.nlp
    index = actor_index(doc)
    text = doc.article.text
    triggers = {}
    for ev in doc.events:
        triggers.setdefault(ev.trigger.span, ev)
    cache: dict[tuple, Certainty] = {}
    for ev in doc.events:
        key = ev.trigger.span
        if key not in cache:
            cache[key] = assess(ev, doc, sdoc, text, index, cues, shared, triggers, lex)
        c = cache[key]
        ev.certainty = Certainty(status=c.status, attributed_to=c.attributed_to, cue=c.cue,
                                 hedges=list(c.hedges))
    return doc


def _shared_cues(kb):
    """The quotes engineer's cue lexicon, when present (adds reporting verbs)."""
    try:
        return kb.cues
    except Exception:  # noqa: BLE001 - optional layer, absent in early builds
        return None


def _span_text(text: str, start: int, end: int) -> TextSpan:
    return TextSpan((start, end), text[start:end])


def _tok_span(text: str, *toks) -> TextSpan:
    toks = sorted(toks, key=lambda t: t.i)
    return _span_text(text, toks[0].idx, toks[-1].idx + len(toks[-1]))


def _lemma(tok) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def speaker_of(verb, index, text, cues) -> Optional[Actor]:
    """The actor (or, failing that, the noun phrase) that is the subject of a cue verb."""
    subj = verb_subject(verb)
    if subj is None:
        agent = _child(verb, "agent")
        subj = _child(agent, "pobj") if agent is not None else None
    if subj is None:
        return None
    return phrase_actor(subj, index, text)


def phrase_actor(tok, index, text) -> Optional[Actor]:
    if tok.pos_ == "PRON" and tok.lower_ in ("it", "there"):
        return None
    actor = actor_of_phrase(tok, index)
    if actor is not None:
        return actor
    if tok.pos_ == "PRON":
        return None  # an unresolved "he" / "they" names nobody; the quote layer may know
    if tok.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    left, right = tok.left_edge, tok
    for c in tok.rights:
        if c.dep_ in ("compound", "amod", "nummod", "prep", "pobj", "appos", "flat") and c.i - left.i < MAX_SPEAKER_TOKENS:
            right = c.right_edge if c.right_edge.i - left.i < MAX_SPEAKER_TOKENS else right
    start, end = left.idx, right.idx + len(right)
    words = text[start:end]
    return Actor(span=(start, end), text=words, name=words, resolved_by="text")


def is_media(actor: Optional[Actor], tok_words: set[str], cues) -> bool:
    if actor is not None and (actor.sector == "MED" or actor.kind == "media"):
        return True
    if actor is not None and set(actor.text.lower().replace("'s", "").split()) & cues.media_words:
        return True
    return bool(tok_words & cues.media_words)


def _trigger_tokens(ev: Event, sdoc):
    span = sdoc.char_span(ev.trigger.span[0], ev.trigger.span[1], alignment_mode="expand")
    return list(span) if span is not None else []


def _converted_rejection(tok, lex) -> bool:
    """A REJECT the events stage made from a negated offer ("will not accept"): its
    negation is the rejection itself, not a negation of it."""
    if lex is None:
        return True
    entries = lex.verbs.get(_lemma(tok), []) + lex.nouns.get(_lemma(tok), [])
    return not any(t.type == "REJECT" for t in entries)


def _own_cues(toks, ev: Event, cues, text, cues_lex=None) -> Optional[tuple[str, TextSpan]]:
    found: dict[str, TextSpan] = {}
    for tok in toks:
        for c in tok.children:
            low, lem = c.lower_, _lemma(c)
            if c.dep_ == "neg" or (c.dep_ == "det" and low == "no"):
                if not (ev.type == "REJECT" and _converted_rejection(tok, cues_lex)):
                    found.setdefault("negated", _tok_span(text, c))
            elif c.dep_ in ("aux", "auxpass") and (low in cues.modals or lem in cues.modals):
                if ev.type in INTENT_TYPES and low in FUTURE_MODALS:
                    continue  # "will meet" is already coded as AGREE: the intent is the event
                found.setdefault(cues.modals.get(low) or cues.modals[lem], _tok_span(text, c))
            elif c.dep_ in ("advmod", "amod", "acomp", "npadvmod") and (low in cues.adverbs or lem in cues.adverbs):
                found.setdefault(cues.adverbs.get(low) or cues.adverbs[lem], _tok_span(text, c))
            elif c.dep_ == "mark" and low in cues.marks:
                found.setdefault(cues.marks[low], _tok_span(text, c))
    purpose = _purpose_marker(toks)
    if purpose is not None:
        found.setdefault("hypothetical", _tok_span(text, purpose))
    for status in OWN_PRIORITY:
        if status in found:
            return status, found[status]
    return None


VERBAL_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "CONCEDE", "SUPPORT", "ACCUSE", "THREATEN",
                          "CONSULT"})
PERFORMATIVE = frozenset({"announce", "declare", "confirm", "order", "authorize", "approve",
                          "launch", "begin", "start", "continue", "resume", "conduct"})
ASPECTUAL = frozenset({"continue", "begin", "start", "resume", "keep", "go", "use", "stop",
                       "cease", "manage", "fail", "have", "need", "be", "get", "come"})


def _purpose_marker(toks):
    """"to" of a purpose clause ("staged protests to demand reforms"): the aim, not an act."""
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


def _walk(start_tok, ev: Event, sdoc, text, index, cues, shared, triggers):
    """Yield (status, cue TextSpan, speaker Actor|None, token) for cues above the trigger."""
    tok = start_tok
    came = None
    for _ in range(10):
        if tok.head is tok:
            break
        if tok.dep_ not in WALK_DEPS:
            break
        came = tok
        tok = tok.head
        lem = _lemma(tok)
        if came.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"):
            break  # a coordinated clause does not depend on the verb before it
        # another event's trigger governing this one (THREATEN, ACCUSE ...)
        gov_event = _event_at(tok, triggers, ev)
        # -- denial: "denied that ...", "rejected claims that ...", "dismissed reports of"
        if lem in cues.claim_verbs or lem in cues.verbs and cues.verbs.get(lem) == "denied":
            obj = _child(tok, "dobj")
            if cues.verbs.get(lem) == "denied":
                cue_toks = [tok] + ([obj] if obj is not None and _lemma(obj) in cues.claim_nouns else [])
                yield "denied", _tok_span(text, *cue_toks), speaker_of(tok, index, text, cues), tok
                return
            if came is not None and obj is not None and _lemma(obj) in cues.claim_nouns and \
                    (came is obj or came.head is obj):
                yield "denied", _tok_span(text, tok, obj), speaker_of(tok, index, text, cues), tok
                return
        if tok.pos_ in ("NOUN", "PROPN") and lem in cues.claim_nouns and tok.head.pos_ == "VERB" \
                and _lemma(tok.head) in cues.claim_verbs and tok.dep_ == "dobj":
            verb = tok.head
            yield "denied", _tok_span(text, verb, tok), speaker_of(verb, index, text, cues), verb
            return
        if came is not None and came.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("VERB", "AUX"):
            modal = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in cues.modals), None)
            if modal is None:
                if _definite(came):
                    return  # "the seizure has frightened shipowners, traders said": presupposed
                continue  # "powerful explosions shook Caracas, witnesses said": new, attributed
            yield cues.modals[modal.lower_], _tok_span(text, modal), None, tok
            continue  # the event is this verb's subject: the verb is no speech act about it
        status = None
        if lem in PERFORMATIVE and came is not None and came.dep_ in ("dobj", "nsubjpass"):
            # "announced a massive deployment", "confirmed the strike": the act itself
            yield "asserted", _tok_span(text, tok), None, tok
            return
        if gov_event is not None and gov_event.type == "ACCUSE" and gov_event.mode in ("disapprove", "investigate"):
            # "condemned the strikes", "is investigating the killing": taken as having happened
            yield "asserted", _tok_span(text, tok), None, tok
            return
        if gov_event is not None and (gov_event.type in VERBAL_TYPES or came.dep_ == "dobj") \
                and lem not in cues.verbs and lem not in cues.nouns and lem not in cues.claim_verbs:
            # "rejected the proposal", "welcomed the offer": the object of a verbal act is
            # taken as given; the cue marks it as that act's content
            yield "asserted", _tok_span(text, tok), None, tok
            return
        if tok.pos_ in ("VERB", "AUX", "ADJ"):
            status = cues.verbs.get(lem)
            if status is None and shared is not None:
                stance = shared.verb_stance(lem)
                if stance is not None:
                    status = shared.status_for(stance)
                    if stance == "neutral":
                        status = "claimed"
        elif tok.pos_ in ("NOUN", "PROPN"):
            status = cues.nouns.get(lem)
        if status is None:
            # a modal or negation on a verb above, e.g. "could order strikes"
            continue
        speaker = None
        if tok.pos_ in ("NOUN", "PROPN"):
            poss = _child(tok, "poss")
            if poss is not None:
                speaker = phrase_actor(poss, index, text)
            elif tok.head.pos_ in ("VERB", "AUX"):
                speaker = speaker_of(tok.head, index, text, cues)
        else:
            speaker = speaker_of(tok, index, text, cues)
        cue = _tok_span(text, tok)
        cond = next((c for c in came.children if c.dep_ == "mark" and c.lower_ in cues.marks), None) \
            if came is not None and came.dep_ == "advcl" and came is not start_tok else None
        if cond is not None:
            # "... if cooperation founders": the clause the event sits in is a condition
            yield cues.marks[cond.lower_], _tok_span(text, cond), None, tok
        if came is not None and came.dep_ == "advcl" and status not in ("threatened",):
            continue  # "if Venezuela attacks, the US will respond": the main verb is no cue for it
        if status in ("claimed", "reported") and came is not None and came.dep_ in ("prep", "pcomp", "pobj", "acl"):
            continue  # "responded by announcing ...": a manner, not the content of speech
        if status == "claimed" or lem == "report":
            words = {(_lemma(t)) for t in (verb_subject(tok) or tok).subtree} if tok.pos_ != "NOUN" else set()
            subj = verb_subject(tok) if tok.pos_ != "NOUN" else None
            passive_it = subj is not None and subj.lower_ == "it"
            if passive_it or speaker is None or is_media(speaker, words, cues):
                status = "reported"
            elif lem == "report":
                status = "claimed"  # "the Defence Ministry reported that ...": an actor's account
        yield status, cue, speaker, tok
        if status not in SPEAKERLESS:
            return


def _event_at(tok, triggers, ev):
    for span, other in triggers.items():
        if other is ev or span == ev.trigger.span:
            continue
        if span[0] <= tok.idx < span[1]:
            return other
    return None


def _according_to(sent_toks, index, text, cues):
    for tok in sent_toks:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            to = tok.nbor(1)
            pobj = _child(to, "pobj") or _child(tok, "pobj")
            if pobj is None:
                continue
            actor = phrase_actor(pobj, index, text)
            words = {_lemma(t) for t in pobj.subtree}
            if words & {"familiar", "anonymous", "unnamed", "anonymity"}:
                words.add("source")  # "people familiar with the operation": unnamed sources
            status = "reported" if is_media(actor, words, cues) else "claimed"
            return status, _tok_span(text, tok, to), actor
    return None


def assess(ev: Event, doc: Document, sdoc, text, index, cues, shared, triggers, lex=None) -> Certainty:
    toks = _trigger_tokens(ev, sdoc)
    if not toks:
        return Certainty()
    root = toks[0].doc[toks[0].i:toks[-1].i + 1].root if len(toks) > 1 else toks[0]
    if lex is not None and root.dep_ in ("dobj", "nsubjpass") and _lemma(root.head) in lex.light_verbs:
        # "the attack was allegedly carried out by ...": the light verb carries the cues
        root = root.head
        toks = toks + [root]
    sent = root.sent
    status: Optional[str] = None
    cue: Optional[TextSpan] = None
    speaker: Optional[Actor] = None
    own = _own_cues(toks, ev, cues, text, lex)
    if own is not None:
        status, cue = own
    for w_status, w_cue, w_speaker, _tok in _walk(root, ev, sdoc, text, index, cues, shared, triggers):
        if status == "hypothetical" and w_status in OVERRIDE_MODAL and speaker is None:
            status, cue, speaker = w_status, w_cue, w_speaker
            break
        if status is None:
            status, cue = w_status, w_cue
            # a plan or a modal says nothing about who says so: look further up for that
            speaker = w_speaker if w_status not in SPEAKERLESS else None
        elif speaker is None and w_speaker is not None and status in SPEAKERLESS:
            speaker = w_speaker
        if status not in SPEAKERLESS or speaker is not None:
            if w_status not in SPEAKERLESS:
                break
    if status is None or (status in SPEAKERLESS and speaker is None):
        # a quote that contains the trigger: the quote's speaker claims it
        quote = next((q for q in doc.quotes if q.kind == "direct" and q.span[0] <= ev.trigger.span[0]
                      and ev.trigger.span[1] <= q.span[1]), None)
        if quote is not None:
            q_status = "claimed"
            words = set(quote.speaker_text.text.lower().split()) if quote.speaker_text else set()
            if is_media(quote.speaker, words, cues):
                q_status = "reported"
            if status is None:
                status = q_status
                cue = quote.cue or quote.speaker_text
            speaker = speaker or quote.speaker or _speaker_from_text(quote.speaker_text, sdoc, index, text)
    if speaker is None and status in ("claimed", "reported", "alleged", "denied", "threatened"):
        # the quotes stage resolves pronoun speakers ("he said") to the last named person
        quote = next((q for q in doc.quotes if q.span[0] <= ev.trigger.span[0]
                      and ev.trigger.span[1] <= q.span[1] and q.speaker is not None), None)
        if quote is not None:
            speaker = quote.speaker
    if status is None or (status in SPEAKERLESS and speaker is None):
        acc = _according_to(sent, index, text, cues)
        if acc is not None:
            if status is None:
                status, cue = acc[0], acc[1]
            speaker = speaker or acc[2]
    if status is None:
        phrase = _sentence_phrase(sent, text, cues)
        if phrase is not None:
            status, cue = phrase
    status = status or "asserted"
    hedges, hedge_cue = _hedges(sent, text, cues)
    if hedges:
        if status == "claimed" and any(cues.hedges[h] == "alleged" for h in hedges):
            status = "alleged"
            cue = cue if cue is not None and ev.certainty is not None and status != "asserted" else hedge_cue
            if cue is None:
                cue = hedge_cue
        elif status == "asserted" and any(cues.hedges[h] == "reported" for h in hedges):
            status, cue = "reported", hedge_cue
    if status == "asserted":
        speaker = None  # the narrator's own statement
    return Certainty(status=status, attributed_to=speaker, cue=cue, hedges=hedges)


def _speaker_from_text(words: Optional[TextSpan], sdoc, index, text) -> Optional[Actor]:
    """A quote's speaker the quotes stage could not resolve: the actor in its words, or
    the words themselves."""
    if words is None:
        return None
    span = sdoc.char_span(words.span[0], words.span[1], alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if index[tok.i] is not None:
            return index[tok.i]
    return Actor(span=words.span, text=words.text, name=words.text, resolved_by="text")


def _depth(tok) -> int:
    d = 0
    while tok.head is not tok and d < 50:
        tok = tok.head
        d += 1
    return d


_PHRASE_RE: dict[int, object] = {}


def _phrase_regex(cues):
    import re
    key = id(cues)
    if key not in _PHRASE_RE:
        phrases = sorted((p for p in cues.phrases if p != "according to"), key=len, reverse=True)
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) or "(?!x)x"
        _PHRASE_RE[key] = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    return _PHRASE_RE[key]


def _sentence_phrase(sent, text, cues):
    m = _phrase_regex(cues).search(text, sent.start_char, sent.end_char)
    if m is None:
        return None
    phrase = " ".join(m.group(0).lower().split())
    return cues.phrases.get(phrase, "reported"), _span_text(text, m.start(), m.end())


def _hedges(sent, text, cues) -> tuple[list[str], Optional[TextSpan]]:
    low = " ".join(text[sent.start_char:sent.end_char].lower().split())
    raw = text[sent.start_char:sent.end_char].lower()
    found = []
    first = None
    for phrase in sorted(cues.hedges, key=len, reverse=True):
        at = low.find(phrase)
        if at < 0:
            continue
        if any(phrase in f for f in found):
            continue  # "without evidence" inside "without providing evidence"
        found.append(phrase)
        raw_at = raw.find(phrase)
        if raw_at >= 0 and (first is None or raw_at < first[0]):
            first = (raw_at, len(phrase))
    cue = None
    if first is not None:
        start = sent.start_char + first[0]
        cue = _span_text(text, start, start + first[1])
    return found, cue
