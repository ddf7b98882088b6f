"""Events stage: PLOVER events with source/target actors, place, date, figures, quote.

Per sentence, triggers are looked up by lemma in ``kb.event_lexicon`` on the dependency
parse: verbs ("attacked"), verb + dependent ("call for", "step down", "impose curfew",
"open fire"), nominal events ("the strikes", "sanctions against X", "the seizure of a
tanker") and nominal events carried by a light verb ("launched strikes", "carried out an
attack": the verb's subject is the source).

Embedding: some triggers take another event as their content. For ``govern`` triggers
(AGREE, REQUEST, REJECT, "prepare" ...) the inner event is only the content of the
proposal and is not emitted ("offered to negotiate" is AGREE, not CONSULT). For ``embed``
triggers (THREATEN, ACCUSE) the inner event IS emitted, and the certainty stage marks it
threatened / alleged, with the outer trigger as its cue ("threatened to strike" gives
THREATEN and ASSAULT[threatened]). Reporting verbs (say, tell) are never events.

Actors: ``doc.actors`` (locative mentions skipped); when the actor layer is empty, spaCy
entities (PERSON, ORG, NORP, GPE) stand in, so the stage works on its own.
Compound actors ("the US and Britain struck ...") give one event per source/target pair
(CAMEO-style dyads, capped), all sharing the trigger; see docs/plover-mapping.md.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from sitrep.model import Actor, Document, Event, Place, Quantity, TextSpan, Time

#: cooperative types that become AGREE when stated in the future (PLOVER 3.1)
FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
NER_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "off", "within",
                            "throughout", "across", "around", "from", "into", "along", "over",
                            "toward", "towards", "between", "outside"})
PLACE_PREPS = frozenset({"in", "at", "near", "off", "inside", "outside", "on", "around",
                         "along", "across", "outside"})
#: prepositions whose object is the event's target, per type ("*" = any type)
TARGET_PREPS = {
    "*": frozenset({"against", "on", "upon", "at"}),
    "CONSULT": frozenset({"with", "to"}), "COOPERATE": frozenset({"with"}),
    "AGREE": frozenset({"with", "to"}), "AID": frozenset({"to", "for"}),
    "SUPPORT": frozenset({"for", "to"}), "REQUEST": frozenset({"to", "from"}),
    "ACCUSE": frozenset({"of"}), "SANCTION": frozenset({"from", "of"}),
    "ASSAULT": frozenset({"of", "into"}), "COERCE": frozenset({"of", "into"}),
    "MOBILIZE": frozenset({"to", "into", "near"}), "RETREAT": frozenset({"from"}),
    "PROTEST": frozenset({"outside"}), "THREATEN": frozenset(), "REJECT": frozenset(),
    "CONCEDE": frozenset({"to"}),
}
#: dependency relations through which an event is the complement of a trigger above it
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "acl", "attr",
                             "oprd", "acomp", "conj", "nsubjpass", "advcl", "dative", "appos"})
#: "a series of strikes", "a wave of arrests": look through to the event noun
QUANTIFIER_NOUNS = frozenset({"series", "wave", "string", "spate", "number", "round", "string",
                              "campaign", "barrage", "volley", "flurry", "set", "new", "fresh"})
#: governors whose inner conflict event makes the promise a threat ("vowed to retaliate")
PROMISE_LEMMAS = frozenset({"vow", "pledge", "promise"})
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
MAX_PAIRS = 6
#: verbs whose subject is the would-be source of the nominal event they take as object
#: ("the Pentagon is considering strikes", "Trump threatened sanctions")
INTENT_VERBS = frozenset({"consider", "plan", "weigh", "threaten", "vow", "prepare", "propose",
                          "contemplate", "mull", "promise", "pledge", "announce", "discuss",
                          "seek", "want", "authorize", "authorise", "approve", "order", "expand",
                          "escalate", "intensify", "continue", "resume", "step", "begin", "start",
                          "warn", "defend", "justify", "deny", "confirm", "admit", "acknowledge",
                          "claim"})


@dataclass
class Candidate:
    """A trigger found in a sentence, before actors and attachments are resolved."""
    head: object  # spaCy Token
    tokens: list  # the trigger's tokens (head first)
    type: str
    mode: Optional[str]
    flags: frozenset
    light: object = None  # the light verb carrying a nominal event
    governor: "Candidate | None" = None
    content: "Candidate | None" = None  # the first event it governs
    drop: bool = False

    @property
    def is_verb(self) -> bool:
        return self.head.pos_ in ("VERB", "AUX") or (self.head.tag_ or "").startswith("VB")


# ------------------------------------------------------------------ actors

def actor_index(doc: Document) -> list[Optional[Actor]]:
    """Token index -> the (non-locative) actor mention covering it.

    Falls back to spaCy entities when the actor layer is empty.
    """
    sdoc = doc.nlp
    index: list[Optional[Actor]] = [None] * len(sdoc)
    actors = [a for a in doc.actors if not a.locative]
    if not doc.actors:
        actors = ner_actors(sdoc)
    for actor in actors:
        span = sdoc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if index[tok.i] is None:
                index[tok.i] = actor
    return index


def ner_actors(sdoc) -> list[Actor]:
    """spaCy entities as stand-in actors (no country: the actor stage resolves those)."""
    out = []
    for ent in sdoc.ents:
        if ent.label_ not in NER_ACTOR_LABELS:
            continue
        head = ent.root.head
        if ent.label_ == "GPE" and ent.root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
            continue
        kind = {"PERSON": "person", "ORG": "org", "GPE": "state", "NORP": "group"}[ent.label_]
        out.append(Actor(span=(ent.start_char, ent.end_char), text=ent.text, name=ent.text,
                         kind=kind, resolved_by="ner"))
    return out


_SKIP_IN_NP = frozenset({"relcl", "acl", "advcl", "ccomp", "punct", "cc", "conj", "appos",
                         "prep", "det"})


def actor_of_phrase(tok, index) -> Optional[Actor]:
    """The actor named by the noun phrase headed by ``tok`` (head, then its modifiers)."""
    if tok is None:
        return None
    if index[tok.i] is not None:
        return index[tok.i]
    # "US forces", "Venezuela's navy", "American warplanes", "forces of Venezuela"
    frontier = [tok]
    seen = 0
    while frontier and seen < 12:
        nxt = []
        for t in frontier:
            for child in t.children:
                seen += 1
                if child.dep_ in _SKIP_IN_NP and not (child.dep_ == "prep" and child.lower_ == "of"
                                                      and t is tok):
                    continue
                if index[child.i] is not None:
                    return index[child.i]
                nxt.append(child)
        frontier = nxt
    return None


def actors_of_phrase(tok, index) -> list[Actor]:
    """The actor of a noun phrase and of its conjuncts ("the US and Britain")."""
    out = []
    for t in [tok] + _conjuncts(tok):
        a = actor_of_phrase(t, index)
        if a is not None and all(a.span != b.span for b in out):
            out.append(a)
    return out


def _conjuncts(tok) -> list:
    out, stack = [], list(tok.children)
    while stack:
        c = stack.pop(0)
        if c.dep_ == "conj":
            out.append(c)
            stack.extend(c.children)
    return out


def _child(tok, *deps):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _relative_antecedent(tok):
    """For a subject "who"/"which"/"that", the noun its relative clause modifies."""
    if tok.tag_ in ("WP", "WDT") or tok.lower_ in ("who", "which", "that"):
        clause = tok.head
        while clause.dep_ not in ("relcl", "acl") and clause.head is not clause:
            if clause.dep_ not in ("conj", "xcomp", "ccomp"):
                break
            clause = clause.head
        if clause.dep_ in ("relcl", "acl"):
            return clause.head
    return tok


def verb_subject(verb):
    """The subject token of a verb, climbing through xcomp / conj / relcl when missing."""
    v = verb
    for _ in range(5):
        subj = _child(v, "nsubj", "csubj")
        if subj is not None:
            return _relative_antecedent(subj)
        if v.dep_ == "xcomp":
            # object control: "urged Caracas to negotiate" -> Caracas
            obj = _child(v.head, "dobj")
            if obj is not None and obj.i < v.i:
                return obj
            v = v.head
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep":
            # "accused the US of attacking": the accused is the doer
            gov = v.head.head
            obj = _child(gov, "dobj")
            if obj is not None:
                return obj
            v = gov
            continue
        if v.dep_ in ("conj",):
            v = v.head
            continue
        if v.dep_ in ("relcl", "acl") and v.tag_ != "VBN":
            return v.head
        if v.dep_ == "advcl" and v.tag_ == "VBG":
            v = v.head
            continue
        break
    return None


def is_passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl",) and _child(verb, "agent") is not None)


# ------------------------------------------------------------------ triggers

def _lemma(tok) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def _second_word(head, second: str):
    """The dependent (or the next token) whose lemma is ``second``."""
    for c in head.children:
        if _lemma(c) == second or c.lower_ == second:
            return c
        # "the US suspended its military aid": the object noun may sit one level down
        if c.dep_ in ("dobj", "pobj", "prep", "nsubjpass", "attr") :
            for g in c.children:
                if g.dep_ in ("pobj", "compound", "amod") and (_lemma(g) == second or g.lower_ == second):
                    return g
    nxt = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if nxt is not None and (_lemma(nxt) == second or nxt.lower_ == second):
        return nxt
    return None


def _hyphen_compound(tok):
    """"build-up", "cease-fire", "sit-in" split by the tokenizer: (joined, last token)."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_ \
            and not doc[tok.i + 1].whitespace_:
        last = doc[tok.i + 2]
        return f"{tok.lower_}-{last.lower_}", last
    return None, None


def find_candidates(sent, lex) -> list[Candidate]:
    used: set[int] = set()
    cands: list[Candidate] = []
    tokens = list(sent)
    # hyphenated nominal events first ("build-up", "cease-fire")
    for tok in tokens:
        joined, last = _hyphen_compound(tok)
        if joined:
            entries = lex.nouns.get(joined) or lex.nouns.get(joined.rstrip("s"))
            if entries and last.i < sent.end:
                trig = entries[-1]
                head = last if last.dep_ != "compound" else last.head
                if last.dep_ == "compound" and head.pos_ not in ("NOUN", "PROPN"):
                    continue
                if last.dep_ == "compound":
                    continue
                cands.append(Candidate(last, [tok, tok.nbor(1), last], trig.type, trig.mode, trig.flags))
                used.update({tok.i, tok.i + 1, last.i})
    for two_word_pass in (True, False):
        for tok in tokens:
            if tok.i in used or tok.is_punct or tok.is_space:
                continue
            pos = tok.pos_
            if pos in ("VERB",) or (pos == "AUX" and tok.dep_ == "ROOT"):
                table = lex.verbs
            elif pos in ("NOUN", "PROPN"):
                if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
                    continue
                table = lex.nouns
            elif pos == "ADJ" and tok.dep_ in ("acomp", "amod") and tok.lower_ in ("willing", "ready"):
                table = lex.verbs
            else:
                continue
            lemma = _lemma(tok)
            entries = table.get(lemma) or table.get(tok.lower_)
            if not entries:
                continue
            for trig in entries:
                if (trig.second is not None) != two_word_pass:
                    continue
                toks = [tok]
                if trig.second is not None:
                    other = _second_word(tok, trig.second)
                    if other is None or other.i in used or other.i >= sent.end or other.i < sent.start:
                        continue
                    toks.append(other)
                cands.append(Candidate(tok, toks, trig.type, trig.mode, trig.flags))
                used.update(t.i for t in toks)
                break
    return cands


def _has_target(tok) -> bool:
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "nsubjpass", "attr", "ccomp", "xcomp", "oprd"):
            return True
        if c.dep_ in ("prep", "agent") and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return True
    return tok.dep_ == "acl" and tok.tag_ == "VBN"


def _has_complement(tok) -> bool:
    return any(c.dep_ in ("xcomp", "ccomp", "dobj", "dative") for c in tok.children) or \
        (tok.pos_ == "ADJ" and any(c.dep_ in ("xcomp", "prep") for c in tok.children))


def _filter(cands: list[Candidate], sent, index, lex) -> list[Candidate]:
    has_actor = any(index[t.i] is not None for t in sent)
    by_head = {c.head.i: c for c in cands}
    out = []
    for c in cands:
        flags = c.flags
        if "actor" in flags and not has_actor:
            continue
        if "target" in flags and not _has_target(c.head):
            continue
        if "complement" in flags and not _has_complement(c.head):
            continue
        out.append(c)
    # light verbs: a nominal event as object of "launch", "carry out", "impose", "order" ...
    for c in out:
        if c.is_verb:
            continue
        noun = c.head
        carrier = noun.head
        # "a series of strikes": the quantifier noun is the object
        if noun.dep_ == "pobj" and carrier.dep_ == "prep" and carrier.lower_ == "of" and \
                _lemma(carrier.head) in QUANTIFIER_NOUNS:
            carrier = carrier.head.head
            dep = noun.head.head.dep_
        else:
            dep = noun.dep_
        if dep in ("dobj", "nsubjpass") and carrier.pos_ in ("VERB", "AUX") and \
                _lemma(carrier) in lex.light_verbs:
            c.light = carrier
            verb_cand = by_head.get(carrier.i)
            if verb_cand is not None and verb_cand is not c:
                verb_cand.drop = True
    return [c for c in out if not c.drop]


def resolve_embedding(cands: list[Candidate]) -> list[Candidate]:
    """Find each candidate's governing trigger; drop the content of ``govern`` triggers."""
    at = {}
    for c in cands:
        for t in c.tokens:
            at[t.i] = c
        if c.light is not None:
            at.setdefault(c.light.i, c)
    for c in cands:
        tok = c.head if c.light is None else c.light
        came_by = tok.dep_
        for _ in range(8):
            if tok.dep_ not in COMPLEMENT_DEPS or tok.head is tok:
                break
            came_by = tok.dep_
            tok = tok.head
            gov = at.get(tok.i)
            if gov is None or gov is c:
                continue
            if came_by == "conj" and gov.is_verb:
                break  # coordinated clauses are not complements
            if came_by == "advcl" and gov.type not in ("THREATEN",):
                break
            if "govern" in gov.flags or "embed" in gov.flags:
                c.governor = gov
            break
    for c in cands:
        g = c.governor
        if g is None:
            continue
        if "govern" in g.flags:
            if _lemma(g.head) in PROMISE_LEMMAS and c.type in CONFLICT_TYPES:
                # "vowed to retaliate": a promise of force is a threat (PLOVER 3.11)
                g.type, g.mode, g.flags = "THREATEN", "violence", frozenset({"embed"})
            elif g.type == "REJECT" and _rejects_a_claim(g):
                pass  # "rejected claims that its forces attacked": kept, certainty = denied
            else:
                c.drop = True
        if g.content is None:
            g.content = c
    return [c for c in cands if not c.drop]


_CLAIM_NOUNS = frozenset({"claim", "report", "accusation", "allegation", "charge",
                          "suggestion", "assertion", "rumor", "rumour"})


def _rejects_a_claim(cand: Candidate) -> bool:
    return any(_lemma(c) in _CLAIM_NOUNS for c in cand.head.children if c.dep_ in ("dobj", "nsubjpass"))


# ------------------------------------------------------------------ roles

def source_target(c: Candidate, index) -> tuple[list[Actor], list[Actor]]:
    head = c.head
    sources: list[Actor] = []
    targets: list[Actor] = []
    preps = TARGET_PREPS["*"] | TARGET_PREPS.get(c.type, frozenset())
    if c.is_verb:
        if is_passive(head):
            agent = _child(head, "agent")
            if agent is not None:
                pobj = _child(agent, "pobj")
                if pobj is not None:
                    sources = actors_of_phrase(pobj, index)
            subj = _child(head, "nsubjpass")
            if subj is None and head.dep_ == "acl":
                subj = head.head  # "boats struck by US forces"
            if subj is not None:
                targets = actors_of_phrase(_relative_antecedent(subj), index)
        else:
            subj = verb_subject(head)
            if subj is not None:
                sources = actors_of_phrase(subj, index)
            obj = _child(head, "dobj", "dative")
            if obj is not None and obj.i not in {t.i for t in c.tokens}:
                targets = actors_of_phrase(obj, index)
        if not targets:
            targets = _prep_targets(head, preps, index, exclude=c.tokens)
    else:
        noun = head
        # "Venezuela's seizure", "US strikes", "American warplanes' attacks"
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and index[child.i] is not None:
                sources = [index[child.i]]
                break
        if not sources:
            for prep in noun.children:
                if prep.dep_ == "prep" and prep.lower_ == "by":
                    pobj = _child(prep, "pobj")
                    if pobj is not None:
                        sources = actors_of_phrase(pobj, index)
        carrier = c.light
        if carrier is None and noun.dep_ == "dobj" and _lemma(noun.head) in INTENT_VERBS:
            carrier = noun.head
        if not sources and carrier is not None:
            subj = verb_subject(carrier)
            if is_passive(carrier):
                agent = _child(carrier, "agent")
                subj = _child(agent, "pobj") if agent is not None else None
            if subj is not None:
                sources = actors_of_phrase(subj, index)
        targets = _prep_targets(noun, preps, index, exclude=c.tokens)
        if not targets and c.light is not None:
            targets = _prep_targets(c.light, preps, index, exclude=c.tokens)
    if not targets and c.content is not None and ("govern" in c.flags or "embed" in c.flags):
        # "offered to negotiate with Washington", "threatened to strike Venezuela"
        _, targets = source_target(c.content, index)
    src_spans = {a.span for a in sources}
    targets = [t for t in targets if t.span not in src_spans]
    return sources, targets


def _prep_targets(tok, preps, index, exclude) -> list[Actor]:
    skip = {t.i for t in exclude}
    for prep in tok.children:
        if prep.dep_ in ("prep",) and prep.lower_ in preps and prep.i not in skip:
            pobj = _child(prep, "pobj")
            if pobj is not None:
                found = actors_of_phrase(pobj, index)
                if found:
                    return found
    return []


# ------------------------------------------------------------------ attachments

def _in_span(span, outer) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def pick_place(doc: Document, sent_span, trigger_span, used_actor_spans) -> Optional[Place]:
    sdoc = doc.nlp
    best, best_key = None, None
    for place in doc.places:
        if not _in_span(place.span, sent_span):
            continue
        if any(place.span[0] < e and s < place.span[1] for s, e in used_actor_spans):
            continue
        tok = sdoc.char_span(place.span[0], place.span[1], alignment_mode="expand")
        locative = False
        if tok is not None:
            root = tok.root
            locative = root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS
        distance = abs(place.span[0] - trigger_span[0])
        key = (0 if locative else 1, distance)
        if best_key is None or key < best_key:
            best, best_key = place, key
    return best


def pick_date(doc: Document, sent_span, trigger_span, paragraph) -> Optional[Time]:
    dated = [t for t in doc.times if t.value and t.type in ("DATE", "TIME")
             and not t.value.startswith("P")]
    in_sentence = [t for t in dated if _in_span(t.span, sent_span)]
    if in_sentence:
        return min(in_sentence, key=lambda t: abs(t.span[0] - trigger_span[0]))
    if paragraph is not None:
        before = [t for t in dated if _in_span(t.span, paragraph) and t.span[1] <= sent_span[0]]
        if before:
            return before[-1]
    published = doc.article.published
    if published:
        # marked as the publication date: no span in the text, mod="PUBLICATION"
        value = published[:10]
        return Time(span=(0, 0), text="", value=value, granularity="day", type="DATE",
                    mod="PUBLICATION")
    return None


def refine_mode(c: Candidate, sent, lex) -> Optional[str]:
    if c.mode or c.type != "ASSAULT":
        return c.mode
    # instrument words near the trigger ("drone strike", "killed by gunmen", "air raid")
    near = set()
    for t in c.tokens:
        near.add(t.lower_)
        near.update(ch.lower_ for ch in t.children)
        near.update(ch.lower_ for ch in t.subtree if abs(ch.i - t.i) <= 6)
    if c.light is not None:
        near.update(ch.lower_ for ch in c.light.subtree if abs(ch.i - c.light.i) <= 6)
    for mode, words in lex.assault_modes:
        if near & words:
            return mode
    return None


def _paragraph_of(doc: Document, offset: int):
    for p in doc.paragraphs:
        if p[0] <= offset < p[1]:
            return p
    return None


# ------------------------------------------------------------------ the stage

def extract(doc: Document, lex) -> list[tuple[Candidate, object]]:
    """All kept candidates with their sentence (exposed for the certainty stage/tests)."""
    sdoc = doc.nlp
    index = actor_index(doc)
    out = []
    for sent in sdoc.sents:
        cands = find_candidates(sent, lex)
        if not cands:
            continue
        cands = _filter(cands, sent, index, lex)
        cands = resolve_embedding(cands)
        for c in cands:
            out.append((c, sent))
    return out, index


def _future_type(c: Candidate) -> str:
    if c.type in FUTURE_TO_AGREE or c.type == "RETREAT":
        verb = c.head if c.is_verb else c.light
        if verb is not None and any(ch.dep_ == "aux" and ch.lower_ in FUTURE_AUX for ch in verb.children) \
                and not any(ch.dep_ == "neg" for ch in verb.children):
            return "AGREE" if c.type in FUTURE_TO_AGREE else "CONCEDE"
    return c.type


def run(doc: Document, kb) -> Document:
    sdoc = doc.nlp
    doc.events = []
    if sdoc is None or not doc.sentences or not len(sdoc):
        return doc
    lex = kb.event_lexicon
    text = doc.article.text
    found, index = extract(doc, lex)
    n = 0
    for c, sent in found:
        toks = sorted(c.tokens, key=lambda t: t.i)
        if c.light is not None and 0 < toks[0].i - c.light.i <= 4:
            toks = [c.light] + toks
        if len(toks) > 1 and toks[-1].i - toks[0].i > 4:
            toks = [c.head]
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        trigger = TextSpan((start, end), text[start:end])
        s_start, s_end = sent.start_char, sent.end_char
        while s_end > s_start and text[s_end - 1].isspace():
            s_end -= 1
        sentence = TextSpan((s_start, s_end), text[s_start:s_end])
        sources, targets = source_target(c, index)
        etype = _future_type(c)
        mode = refine_mode(c, sent, lex) if etype == c.type else None
        used = [a.span for a in sources + targets]
        place = pick_place(doc, (s_start, s_end), (start, end), used)
        date = pick_date(doc, (s_start, s_end), (start, end), _paragraph_of(doc, s_start))
        figures = [q for q in doc.quantities if _in_span(q.span, (s_start, s_end))]
        quote = next((q.id for q in doc.quotes if q.span[0] <= start and end <= q.span[1]), None)
        pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])][:MAX_PAIRS]
        for source, target in pairs:
            n += 1
            doc.events.append(Event(
                id=f"{doc.article.id}:e{n}", type=etype, trigger=trigger, sentence=sentence,
                mode=mode, source=source, target=target, date=date, place=place,
                figures=list(figures), quote=quote))
    return doc


def events_in(doc: Document, types: Optional[Iterable[str]] = None) -> list[Event]:
    wanted = set(types) if types else None
    return [e for e in doc.events if wanted is None or e.type in wanted]
