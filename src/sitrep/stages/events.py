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

from sitrep.model import Actor, Document, Event, Place, TextSpan, Time
from sitrep.stages.times import is_calendar_time

#: cooperative types that become AGREE when stated in the future (PLOVER 3.1)
FUTURE_TO_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
NER_ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "off", "within",
                            "throughout", "across", "around", "from", "into", "along", "over",
                            "toward", "towards", "between", "outside"})
PLACE_PREPS = frozenset({"in", "at", "near", "off", "inside", "outside", "on", "around",
                         "along", "across", "outside"})
#: prepositions whose object is the event's target, per type ("*" = any type)
TARGET_PREPS = {
    "*": frozenset({"against", "on", "upon", "at"}),
    "CONSULT": frozenset({"with", "to", "between"}), "COOPERATE": frozenset({"with"}),
    "AGREE": frozenset({"with", "to", "for"}), "AID": frozenset({"to", "for"}),
    "SUPPORT": frozenset({"for", "to"}), "REQUEST": frozenset({"to", "from"}),
    "ACCUSE": frozenset({"of"}), "SANCTION": frozenset({"from", "of"}),
    "ASSAULT": frozenset({"of", "into"}), "COERCE": frozenset({"of", "into"}),
    "MOBILIZE": frozenset({"to", "into", "near"}), "RETREAT": frozenset({"from", "to"}),
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
PROMISE_LEMMAS = frozenset({"vow", "pledge", "promise", "swear"})
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
MAX_PAIRS = 6
#: types whose compound actors are the parties of one joint event, not separate dyads
SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
#: nouns that only carry the event named by their modifier ("a mediation effort")
GENERIC_EVENT_HEADS = frozenset({"effort", "mission", "process", "bid", "attempt", "initiative",
                                 "campaign", "operation", "drive", "plan"})
NAMED_NOT_EVENT = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW",
                             "PRODUCT", "NORP"})
#: verbs of intention: a conflict event under them is a threat ("plans to impose
#: restrictions", "is prepared to impose martial law"); PLOVER 2.3 codes THREATEN rather
#: than the category plus the hypothetical mode
INTENT_GOVERNORS = frozenset({"plan", "prepare", "intend", "decide", "mean", "resolve", "want"})
THREAT_MODE = {"ASSAULT": "violence", "COERCE": "restrict", "PROTEST": "restrict",
               "SANCTION": "relations", "MOBILIZE": "violence"}
COOPERATIVE = frozenset({"AGREE", "CONCEDE", "SUPPORT", "COOPERATE", "AID", "CONSULT"})
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
    import bisect

    sdoc = doc.nlp
    index: list[Optional[Actor]] = [None] * len(sdoc)
    actors = [a for a in doc.actors if not a.locative]
    if not doc.actors:
        actors = ner_actors(sdoc)
    if not actors:
        return index
    starts = _token_starts(sdoc)
    for actor in actors:
        first = max(0, bisect.bisect_right(starts, actor.span[0]) - 1)
        last = bisect.bisect_left(starts, actor.span[1])
        for i in range(first, min(last, len(index))):
            if index[i] is None:
                index[i] = actor
    return index


def _token_starts(sdoc) -> list[int]:
    from spacy.attrs import IDX
    return [row[0] for row in sdoc.to_array([IDX]).reshape(-1, 1).tolist()]


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
        if v.dep_ in ("conj", "acomp", "attr"):
            v = v.head  # "France is ready to contribute": the subject sits on "is"
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


def _is_word(tok, word: str) -> bool:
    return _lemma(tok) == word or tok.lower_ == word


def _second_word(head, second: str):
    """The dependent (or the next token) whose lemma is ``second``."""
    for c in head.children:
        if c.dep_ in ("aux", "mark", "nsubj", "punct", "cc", "conj"):
            continue  # the "to" of an infinitive is not the preposition of "protest to"
        if _is_word(c, second):
            return c
    # "suspended part of its military aid programme": the object may sit a few levels down
    frontier = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "attr", "prep", "dative")]
    for _ in range(3):
        nxt = []
        for t in frontier:
            for g in t.children:
                if g.dep_ in ("pobj", "compound", "amod", "prep", "dobj", "conj"):
                    if g.dep_ != "prep" and _is_word(g, second):
                        return g
                    nxt.append(g)
        frontier = nxt
    nxt = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.dep_ not in ("aux", "mark") and _is_word(nxt, second):
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


def candidate_positions(sdoc, lex) -> tuple[list[int], list[int]]:
    """Token indices whose lemma or lower form is a trigger head, and hyphen positions.

    One vectorised pass over the Doc's hash arrays, so that the Python-level work is
    only done on the few tokens that can start an event.
    """
    from spacy.attrs import LEMMA, LOWER

    import numpy as np

    if not len(sdoc):
        return [], []
    keys = _trigger_hashes(lex)
    arr = sdoc.to_array([LEMMA, LOWER])
    present = keys.intersection(np.unique(arr).tolist())
    if present:
        wanted = np.fromiter(present, dtype=arr.dtype, count=len(present))
        hits = np.flatnonzero(np.isin(arr, wanted).any(axis=1)).tolist()
    else:
        hits = []
    hyphens = np.flatnonzero(arr[:, 1] == np.uint64(_HYPHEN_HASH)).tolist()
    return hits, hyphens


_HASH_CACHE: dict[int, object] = {}
_HYPHEN_HASH = None


def _trigger_hashes(lex):
    global _HYPHEN_HASH
    from spacy.strings import hash_string

    cached = _HASH_CACHE.get(id(lex))
    if cached is not None:
        return cached
    words = set(lex.verbs) | set(lex.nouns) | {"willing", "ready", "open"} | DEONTIC_AUX
    forms = set()
    for w in words:
        forms.update({w, w.capitalize(), w.upper()})
    keys = frozenset(hash_string(f) for f in forms)
    _HYPHEN_HASH = hash_string("-")
    _HASH_CACHE[id(lex)] = keys
    return keys


def find_candidates(sent, lex, positions=None, hyphens=None) -> list[Candidate]:
    used: set[int] = set()
    cands: list[Candidate] = []
    doc = sent.doc
    if positions is None:
        tokens = list(sent)
        hyphen_tokens = tokens
    else:
        tokens = [doc[i] for i in positions]
        hyphen_tokens = [doc[i - 1] for i in (hyphens or ()) if i >= 1]
    # hyphenated nominal events first ("build-up", "cease-fire")
    for tok in hyphen_tokens:
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
                if tok.dep_ in ("amod", "compound"):
                    continue  # "the Israeli-occupied West Bank", "the banned movement"
                table = lex.verbs
            elif pos in ("NOUN", "PROPN"):
                if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") \
                        and _lemma(tok.head) not in GENERIC_EVENT_HEADS:
                    continue  # "attack helicopters", "ceasefire talks"
                if tok.ent_type_ in NAMED_NOT_EVENT:
                    continue  # "Asia-Pacific Economic Cooperation", "Operation Desert Storm"
                table = lex.nouns
            elif pos == "ADJ" and tok.dep_ in ("acomp", "amod") and tok.lower_ in ("willing", "ready", "open"):
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


#: "X said Y must ...": a reported obligation is a demand of the speaker (PLOVER 3.8)
DEONTIC_AUX = frozenset({"must"})
SAYING_VERBS = frozenset({"say", "declare", "reiterate", "insist", "announce", "stress", "tell",
                          "state", "add", "warn", "conclude", "write", "argue", "repeat"})


def _deontic_requests(sent, positions, cands) -> list[Candidate]:
    heads = {c.head.i for c in cands}
    out = []
    doc = sent.doc
    for i in positions:
        tok = doc[i]
        if tok.lower_ not in DEONTIC_AUX or tok.dep_ != "aux":
            continue
        clause = tok.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.i in heads or _lemma(verb) not in SAYING_VERBS:
            continue
        if any(ch.dep_ == "neg" for ch in clause.children):
            continue
        out.append(Candidate(verb, [verb], "REQUEST", None, frozenset({"govern"})))
        heads.add(verb.i)
    return out


NON_EVENT_OBJECTS = frozenset({"evidence", "proof", "detail", "details", "explanation", "comment",
                               "condolence", "condolences", "thanks", "apology", "opinion", "view",
                               "timeline", "figure", "number", "information"})
MILITARY_NOUNS = frozenset({"troop", "troops", "force", "forces", "army", "navy", "military", "militia",
                            "soldier", "soldiers", "carrier", "warship", "warships", "ship", "ships",
                            "destroyer", "submarine", "jet", "jets", "bomber", "bombers", "marine",
                            "marines", "sailor", "sailors", "battalion", "brigade", "unit", "units",
                            "reservist", "reservists", "guard"})


def _has_target(tok) -> bool:
    for c in tok.children:
        if c.dep_ in ("dobj", "dative", "nsubjpass", "attr", "ccomp", "xcomp", "oprd"):
            return True
        if c.dep_ in ("prep", "agent") and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return True
    return tok.dep_ == "acl" and tok.tag_ == "VBN"


def _denies_something(tok, by_head) -> bool:
    """"denied entry / the request" is a REJECT; "denied the claims / the attack" is not."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return False
    obj = _child(tok, "dobj", "dative")
    return obj is not None and _lemma(obj) not in _CLAIM_NOUNS and obj.i not in by_head


def _has_complement(tok) -> bool:
    return any(c.dep_ in ("xcomp", "ccomp", "dobj", "dative") for c in tok.children) or \
        (tok.pos_ == "ADJ" and any(c.dep_ in ("xcomp", "prep") for c in tok.children))


def _filter(cands: list[Candidate], sent, index, lex) -> list[Candidate]:
    has_actor = any(index[i] is not None for i in range(sent.start, sent.end))
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
        obj = _child(c.head, "dobj") if c.is_verb else None
        if obj is not None and _lemma(obj) in NON_EVENT_OBJECTS and c.type in ("AGREE", "AID", "SUPPORT"):
            continue  # "offered no evidence", "gave details"
        if c.type == "REQUEST" and _lemma(c.head) == "order" and obj is not None and \
                (_lemma(obj) in MILITARY_NOUNS or any(_lemma(t) in MILITARY_NOUNS for t in obj.subtree)):
            c.type, c.mode, c.flags = "MOBILIZE", "troops", frozenset({"govern"})  # "ordered the carrier group to move"
        if c.type == "ASSAULT" and c.head.dep_ == "advcl" and c.head.tag_ == "VBG" and \
                by_head.get(c.head.head.i) is not None and by_head[c.head.head.i].type == "ASSAULT":
            continue  # "struck a boat, killing 11": the killing is the strike's outcome
        if _lemma(c.head) == "defend" and (obj is None or actor_of_phrase(obj, index) is None
                                           or obj.lower_ in ("itself", "themselves", "himself")):
            continue  # verbal support of an actor only, not "would defend itself"
        if c.type == "REJECT" and _lemma(c.head) == "deny" and not _denies_something(c.head, by_head):
            continue  # "denied that ...", "denied the attack": a denial, read by certainty
        out.append(c)
    # light verbs: a nominal event as object of "launch", "carry out", "impose", "order" ...
    for c in out:
        if c.is_verb:
            continue
        noun = c.head
        carrier = noun.head
        # "a series of strikes": the quantifier noun is the object
        if noun.dep_ == "pobj" and carrier.dep_ == "prep" and carrier.lower_ == "of" and \
                carrier.head.pos_ in ("NOUN", "NUM") and carrier.head.i not in by_head:
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
            if came_by == "advcl":
                if gov.type == "PROTEST" and c.type in ("REQUEST", "ACCUSE", "REJECT"):
                    c.governor = gov  # the demand of a protest is its topic (PLOVER 3.12)
                break
            if "govern" in gov.flags or "embed" in gov.flags:
                c.governor = gov
            break
    for c in cands:
        g = c.governor
        if g is None:
            continue
        if g.type == "PROTEST" and "govern" not in g.flags:
            c.drop = True  # the demand of a protest is its topic (PLOVER 3.12)
        elif "govern" in g.flags:
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

def source_target(c: Candidate, index, locatives=None) -> tuple[list[Actor], list[Actor]]:
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
                if c.type == "MOBILIZE" and not sources:
                    sources = actors_of_phrase(_relative_antecedent(subj), index)  # "troops are deployed"
                else:
                    targets = actors_of_phrase(_relative_antecedent(subj), index)
        else:
            subj = verb_subject(head)
            if subj is not None:
                sources = actors_of_phrase(subj, index)
                if not sources and (subj.pos_ == "PRON" or any(
                        ch.dep_ == "poss" and ch.pos_ == "PRON" for ch in subj.children)):
                    # "it", "its forces", "their troops"
                    sources = _antecedent_of_pronoun(head, index)
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
        if carrier is None:
            carrier = _predicate_carrier(noun)
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
        _, targets = source_target(c.content, index, locatives)
    if not targets and c.type in ("REQUEST", "AGREE", "THREATEN", "REJECT"):
        targets = _clause_target(head, index)
    if not targets and locatives:
        for anchor in (head, c.light):
            if anchor is not None and not targets:
                targets = _locative_targets(anchor, locatives)
    if not targets:
        # the recipient often hangs off the object: "providing intelligence to Macedonia",
        # "set up a centre in Tokyo"
        obj = _child(c.light if c.light is not None else head, "dobj")
        if obj is not None and obj.i not in {t.i for t in c.tokens}:
            targets = _prep_targets(obj, preps, index, exclude=c.tokens)
            if not targets and locatives:
                targets = _locative_targets(obj, locatives)
    src_spans = {a.span for a in sources}
    targets = [t for t in targets if t.span not in src_spans]
    return sources, targets


#: verbs whose subject makes the event named in their "on/for" phrase: "arrived on a visit"
ARRIVAL_VERBS = frozenset({"arrive", "come", "go", "travel", "fly", "return", "leave", "head", "be"})


def _predicate_carrier(noun):
    """The verb whose subject is the actor of a predicate event: "France is ready to
    contribute" (ready is the complement of is), "Hussein arrived in Amman on a visit"."""
    if noun.dep_ in ("acomp", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("on", "for"):
        verb = noun.head.head
        if verb.pos_ in ("VERB", "AUX") and _lemma(verb) in ARRIVAL_VERBS:
            return verb
    return None


def _antecedent_of_pronoun(verb, index) -> list[Actor]:
    """"Syria says it is willing to withdraw": a pronoun subject refers to the subject of
    the clause it is reported in (a cheap stand-in when the actor layer has no coref)."""
    v = verb
    for _ in range(4):
        if v.head is v:
            break
        v = v.head
        subj = _child(v, "nsubj")
        if subj is not None and subj.pos_ != "PRON":
            found = actors_of_phrase(subj, index)
            if found:
                return found[:1]
    return []


def _clause_target(tok, index) -> list[Actor]:
    """"demanded that the US cancel ...": the subject of the demanded clause."""
    for c in tok.children:
        if c.dep_ == "ccomp":
            subj = _child(c, "nsubj", "nsubjpass")
            if subj is not None and subj.pos_ != "PRON":
                found = actors_of_phrase(subj, index)
                if found:
                    return found
    return []


def _locative_targets(tok, doc_actors_by_token) -> list[Actor]:
    """A locative actor in a prepositional phrase of the trigger ("lifted a curfew in
    Montenegro", "arrived in Amman"): PLOVER codes the place's state as the recipient
    when no other recipient is named."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "into", "to", "from", "inside", "across", "on"):
            pobj = _child(prep, "pobj")
            if pobj is None:
                continue
            for t in [pobj] + [c for c in pobj.children if c.dep_ in ("compound", "amod", "poss")]:
                a = doc_actors_by_token.get(t.i)
                if a is not None:
                    return [a]
    return []


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


#: nouns a place name can modify and still say where ("the Caracas airport", "US soil")
PLACE_HEAD_NOUNS = frozenset({
    "airport", "port", "harbor", "harbour", "coast", "coastline", "border", "city", "town",
    "village", "capital", "base", "region", "province", "state", "area", "waters", "airspace",
    "soil", "territory", "embassy", "consulate", "street", "square", "district", "neighborhood",
    "neighbourhood", "outskirts", "suburb", "countryside", "island", "mainland", "side", "camp",
    "prison", "refinery", "oilfield", "field", "highway", "bridge", "river", "sea", "gulf", "bay",
    "facility", "compound", "palace", "headquarters", "office", "hospital", "market", "school",
})


def sentence_places(doc: Document, sent_span) -> list[tuple[Place, bool]]:
    """The sentence's places usable as event places, each with "is the object of a
    locative preposition"."""
    sdoc = doc.nlp
    persons = [a.span for a in doc.actors if not a.locative and a.kind == "person"]
    out = []
    for place in doc.places:
        if not _in_span(place.span, sent_span):
            continue
        if any(place.span[0] < e and s < place.span[1] for s, e in persons):
            continue  # a person's name read as a place by the gazetteer
        tok = sdoc.char_span(place.span[0], place.span[1], alignment_mode="expand")
        locative = False
        if tok is not None:
            root = tok.root
            locative = root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS
            if (root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.lemma_.lower()
                    not in PLACE_HEAD_NOUNS):
                continue  # "US aircraft", "Iran's navy": whose, not where
        out.append((place, locative))
    return out


def pick_place(places: list, trigger_span, used_actor_spans) -> Optional[Place]:
    best, best_key = None, None
    for place, locative in places:
        if any(place.span[0] < e and s < place.span[1] for s, e in used_actor_spans):
            continue
        distance = abs(place.span[0] - trigger_span[0])
        key = (0 if locative else 1, distance)
        if best_key is None or key < best_key:
            best, best_key = place, key
    return best


def pick_date(doc: Document, sent_span, trigger_span, paragraph) -> Optional[Time]:
    dated = [t for t in doc.times if is_calendar_time(t)]
    in_sentence = [t for t in dated if _in_span(t.span, sent_span)]
    if in_sentence:
        return min(in_sentence, key=lambda t: abs(t.span[0] - trigger_span[0]))
    if paragraph is not None:
        before = [t for t in dated if _in_span(t.span, paragraph) and t.span[1] <= sent_span[0]]
        if before:
            return before[-1]
    lead = _lead_date(doc, dated, sent_span)
    if lead is not None:
        return lead
    published = doc.article.published
    if published:
        # marked as the publication date: no span in the text, mod="PUBLICATION"
        value = published[:10]
        return Time(span=(0, 0), text="", value=value, granularity="day", type="DATE",
                    mod="PUBLICATION")
    return None


#: how many opening paragraphs hold the "lead", whose date later sentences inherit
LEAD_PARAGRAPHS = 2


def _lead_date(doc: Document, dated: list[Time], sent_span) -> Optional[Time]:
    """The day the story's lead gives ("... on Monday, officials said"): news writing
    dates the main event once, in the opening, and later sentences about it inherit it.
    Only a day-precise date, before the sentence, not after the publication date."""
    leads = doc.paragraphs[:LEAD_PARAGRAPHS]
    if not leads:
        return None
    lead_end = leads[-1][1]
    published = (doc.article.published or "")[:10]
    for t in sorted(dated, key=lambda t: t.span):
        if t.span[0] >= min(lead_end, sent_span[0]):
            break
        day = t.value[:10]
        if len(day) == 10 and day[4] == "-" and day[7] == "-" and (not published or day <= published):
            return t
    return None


LABOUR_WORDS = frozenset({"worker", "workers", "union", "unions", "peasant", "peasants", "teacher",
                          "teachers", "driver", "drivers", "employee", "employees", "miner",
                          "miners", "doctors", "nurses", "staff", "general", "national",
                          "indefinite", "nationwide", "labor", "labour", "transport", "walkout"})


def labour_strike(c: Candidate) -> bool:
    """"the strike by peasants", "a general strike", "went on strike": a PROTEST."""
    head = c.head
    if _lemma(head) != "strike":
        return False
    if head.pos_ in ("NOUN", "PROPN"):
        near = {t.lower_ for t in head.subtree if abs(t.i - head.i) <= 4}
        if near & LABOUR_WORDS:
            return True
        return head.dep_ == "pobj" and head.head.lower_ == "on" and _lemma(head.head.head) in ("go", "be", "remain", "stay")
    subj = verb_subject(head)
    return subj is not None and subj.lower_ in LABOUR_WORDS


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
    import bisect

    sdoc = doc.nlp
    positions, hyphens = candidate_positions(sdoc, lex)
    if not positions and not hyphens:
        return [], None
    index = actor_index(doc)
    sents = list(sdoc.sents)
    starts = [s.start for s in sents]
    by_sent: dict[int, list[int]] = {}
    hy_by_sent: dict[int, list[int]] = {}
    for i in positions:
        by_sent.setdefault(bisect.bisect_right(starts, i) - 1, []).append(i)
    for i in hyphens:
        hy_by_sent.setdefault(bisect.bisect_right(starts, i) - 1, []).append(i)
    out = []
    for k in sorted(set(by_sent) | set(hy_by_sent)):
        sent = sents[k]
        cands = find_candidates(sent, lex, by_sent.get(k, []), hy_by_sent.get(k, []))
        cands.extend(_deontic_requests(sent, by_sent.get(k, []), cands))
        if not cands:
            continue
        cands = _filter(cands, sent, index, lex)
        cands = resolve_embedding(cands)
        for c in cands:
            out.append((c, sent))
    return out, index


def _future_type(c: Candidate) -> tuple[str, Optional[str]]:
    """PLOVER's single-category coding of future, intended and refused actions."""
    verb = c.head if c.is_verb else c.light
    if verb is None:
        if c.type == "MOBILIZE" and _mentions_peacekeeping(c.head):
            return "AID", "peacekeeping"
        return c.type, c.mode
    negated = any(ch.dep_ == "neg" for ch in verb.children)
    future = _has_future_aux(verb)
    intent = None
    v = verb
    for _ in range(3):  # "is prepared to impose", "plans to blockade", "will try to"
        if v.dep_ != "xcomp":
            break
        v = v.head
        future = future or _has_future_aux(v)
        if _lemma(v) in INTENT_GOVERNORS:
            intent = _lemma(v)
        negated = negated or any(ch.dep_ == "neg" for ch in v.children)
    if negated and c.type in COOPERATIVE:
        return "REJECT", None  # "will not accept", "refused ... would not meet demands"
    if negated:
        return c.type, c.mode
    if c.type == "ASSAULT" and intent == "prepare":
        return "MOBILIZE", "troops"  # readying an attack is a show of force (3.14)
    if c.type in THREAT_MODE and (future or intent) and c.governor is None:
        return "THREATEN", THREAT_MODE[c.type]
    if future and c.type in FUTURE_TO_AGREE:
        return "AGREE", None
    if future and c.type == "RETREAT":
        return "CONCEDE", None  # announced future retreats (PLOVER 3.4)
    if c.type == "MOBILIZE" and _mentions_peacekeeping(c.head):
        return "AID", "peacekeeping"
    return c.type, c.mode


def _has_future_aux(verb) -> bool:
    return any(ch.dep_ == "aux" and ch.lower_ in FUTURE_AUX for ch in verb.children) or \
        any(ch.dep_ == "aux" and ch.lower_ == "going" for ch in verb.children)


def _mentions_peacekeeping(tok) -> bool:
    return any(t.lower_.startswith("peacekeep") for t in tok.subtree)


def _actor_key(actor: Optional[Actor]):
    if actor is None:
        return None
    return actor.country or actor.name.lower()


def _distinct_pairs(sources, targets):
    """Dyads for compound actors, one per distinct (source, target) country or name:
    "US sailors and Marines" stays one event, "Colombia and Brazil" gives two."""
    seen, pairs = set(), []
    for s in sources or [None]:
        for t in targets or [None]:
            key = (_actor_key(s), _actor_key(t))
            if key in seen:
                continue
            seen.add(key)
            pairs.append((s, t))
    return pairs[:MAX_PAIRS]


def run(doc: Document, kb) -> Document:
    sdoc = doc.nlp
    doc.events = []
    if sdoc is None or not doc.sentences or not len(sdoc):
        return doc
    lex = kb.event_lexicon
    text = doc.article.text
    found, index = extract(doc, lex)
    if not found:
        return doc
    locatives = locative_index(doc)
    places_by_sentence: dict = {}
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
        sources, targets = source_target(c, index, locatives)
        if c.type == "ASSAULT" and labour_strike(c):
            c.type, c.mode = "PROTEST", "strike"
        etype, mode = _future_type(c)
        if etype == c.type:
            mode = refine_mode(c, sent, lex)
        used = [a.span for a in sources + targets]
        if (s_start, s_end) not in places_by_sentence:
            places_by_sentence[(s_start, s_end)] = sentence_places(doc, (s_start, s_end))
        place = pick_place(places_by_sentence[(s_start, s_end)], (start, end), used)
        date = pick_date(doc, (s_start, s_end), (start, end), _paragraph_of(doc, s_start))
        figures = [q for q in doc.quantities if _in_span(q.span, (s_start, s_end))]
        quote = next((q.id for q in doc.quotes if q.span[0] <= start and end <= q.span[1]), None)
        if etype in SYMMETRIC and len(sources) > 1 and not targets:
            # "Trump and Maduro spoke by phone": one meeting between the two (PLOVER 3.2)
            sources, targets = sources[:1], sources[1:2]
        pairs = _distinct_pairs(sources, targets)
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


def is_content_event(event: Event, others: Iterable[Event]) -> bool:
    """True when the event is only the content of another event in the same sentence
    (the strike in "threatened to strike", the attack in "accused X of attacking"): the
    certainty stage puts the governing trigger in its cue."""
    cue = event.certainty.cue if event.certainty else None
    if cue is None:
        return False
    for other in others:
        if other is event or other.trigger.span == event.trigger.span:
            continue
        if other.sentence.span == event.sentence.span and \
                cue.span[0] < other.trigger.span[1] and other.trigger.span[0] < cue.span[1]:
            return True
    return False


BACKGROUND_MARKS = frozenset({"after", "since", "before", "when", "as", "while", "until",
                              "because", "once", "following"})
BACKGROUND_PREPS = frozenset({"after", "since", "before", "during", "following", "amid",
                              "despite", "over", "because", "for", "in", "from", "by", "of",
                              "with", "about", "on", "like"})


def is_background(event: Event, doc: Document) -> bool:
    """The event is mentioned as background of the sentence's main statement: inside a
    relative clause, a temporal/causal clause ("after the strikes killed ..."), or a
    nominal event inside a prepositional phrase ("since last month's invasion")."""
    sdoc = doc.nlp
    if sdoc is None:
        return False
    span = sdoc.char_span(event.trigger.span[0], event.trigger.span[1], alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS \
            and tok.head.head.pos_ in ("VERB", "NOUN", "AUX", "ADJ"):
        return True
    t = tok
    for _ in range(8):
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return True
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in t.children):
            return True
        if t.head is t:
            break
        t = t.head
    return False


#: statuses of events a PLOVER coder does not report as having happened
NOT_CODED = frozenset({"negated", "hypothetical"})


def coded_events(doc: Document) -> list[Event]:
    """The events a PLOVER coder reports for each sentence (used by the gold-set scorers).

    Left out: negated and hypothetical events (PLOVER 2.3 auxiliary modes), events that
    are only the content of another event ("threatened to STRIKE"), and -- when the
    sentence has a main event -- events mentioned as background (relative clauses,
    "after ..." clauses, "since the invasion"). Everything stays in ``doc.events``.
    """
    kept = [e for e in doc.events
            if e.certainty.status not in NOT_CODED and not is_content_event(e, doc.events)]
    by_sentence: dict = {}
    for e in kept:
        by_sentence.setdefault(e.sentence.span, []).append(e)
    out = []
    for evs in by_sentence.values():
        flags = [is_background(e, doc) for e in evs]
        if all(flags):
            out.extend(evs)
        else:
            out.extend(e for e, bg in zip(evs, flags) if not bg)
    out.sort(key=lambda e: e.trigger.span)
    return out
