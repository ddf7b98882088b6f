"""Event triggers: which words of a sentence name a PLOVER event, and of which type.

Per sentence, triggers are looked up by lemma in ``kb.event_lexicon`` on the dependency
parse: verbs ("attacked"), verb + dependent ("call for", "step down", "impose curfew",
"open fire"), nominal events ("the strikes", "sanctions against X") and nominal events
carried by a light verb ("launched strikes", "carried out an attack").

Then the candidates are filtered: flags from the lexicon (``target``, ``actor``,
``complement``, ``intransitive``), idioms and metaphors from ``idioms.tsv`` ("talks hit a
roadblock", "released a statement"), questions ("asked whether"), documents that only
carry an act ("signed an order imposing sanctions": the signing is no event).

Embedding: for ``govern`` triggers (AGREE, REQUEST, REJECT ...) the inner event is only
the content of the proposal and is not emitted, nor is the threatened act of a THREATEN
("threatened to strike" is THREATEN only); the act an accusation alleges (``embed``:
"accused X of attacking") is emitted, and the certainty stage marks it alleged.

Finally PLOVER's single-category coding of future, intended and refused acts
(``types.tsv``): "will meet" is AGREE, "will strike" THREATEN, "will not accept" REJECT.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from sitrep.knowledge.cues import load_content_cues
from sitrep.stages.event_roles import actor_of_phrase, child, lemma, phrase_actor, verb_subject
from sitrep.stages.event_readings import non_eventive_reason, order_to_leave

#: dependency relations through which an event is the complement of a trigger above it
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "acl", "attr",
                             "oprd", "acomp", "conj", "nsubjpass", "advcl", "dative", "appos"})
#: entity labels whose words are names, dates or amounts, never event words
#: ("Operation Desert Storm", "March", "the Six-Day War")
NAMED_NOT_EVENT = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW",
                             "PRODUCT", "NORP", "DATE", "TIME", "EVENT", "MONEY", "PERCENT",
                             "CARDINAL", "ORDINAL", "QUANTITY"})


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
    #: the target, when the trigger finder already knows it (an evaluative statement)
    preset_target: object = None
    #: the source, when the trigger finder already knows it (the speaker of a quote)
    preset_source: object = None

    @property
    def is_verb(self) -> bool:
        return self.head.pos_ in ("VERB", "AUX") or (self.head.tag_ or "").startswith("VB")


def is_word(tok, word: str) -> bool:
    return lemma(tok) == word or tok.lower_ == word


# ------------------------------------------------------------------ finding

def _second_word(head, second: str):
    """The dependent (or the next token) whose lemma is ``second``."""
    for c in head.children:
        if c.dep_ in ("aux", "mark", "nsubj", "punct", "cc", "conj"):
            continue  # the "to" of an infinitive is not the preposition of "protest to"
        if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
            continue  # "called on Friday" is not "call on"
        if c.dep_ == "prep" and c.pos_ == "VERB":
            continue  # a participle used as a preposition: "reached 50%, according to" is no "reach accord"
        if is_word(c, second):
            return c
    # "suspended part of its military aid programme": the object may sit a few levels down
    frontier = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "attr", "prep", "dative")]
    for _ in range(3):
        nxt = []
        for t in frontier:
            for g in t.children:
                if g.dep_ in ("pobj", "compound", "amod", "prep", "dobj", "conj"):
                    if g.dep_ != "prep" and is_word(g, second):
                        return g
                    nxt.append(g)
        frontier = nxt
    nxt = head.nbor(1) if head.i + 1 < len(head.doc) else None
    if nxt is not None and nxt.dep_ not in ("aux", "mark") and is_word(nxt, second):
        return nxt
    return _clause_opener(head, second) or _prep_of_carrier(head, second)


def _own_modifier(head, second: str):
    """The head's own modifier whose lemma is ``second`` ("a cyber attack", "cyber-attacks"):
    for the ``modifier`` rows, where a word met further down ("an attack on the cyber
    security office") names something else."""
    for c in head.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i and is_word(c, second):
            return c
    return None


def _clause_opener(head, second: str):
    """"called for the government to admit refugees": the parser makes "for" the mark of
    the infinitive clause under the verb, not the verb's preposition ("to" never counts)."""
    if second == "to":
        return None
    for c in head.children:
        if c.dep_ == "advcl" and c.i > head.i:
            first = c.left_edge
            if first.dep_ == "mark" and first.head.i == c.i and is_word(first, second):
                return first
    return None


def _prep_of_carrier(head, second: str):
    """"renewed his calls this week for the resignation": the preposition of an event
    noun's pattern hung on the verb whose object the noun is."""
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ != "dobj":
        return None
    for c in head.head.children:
        if c.dep_ == "prep" and c.i > head.i and is_word(c, second) \
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
            return c
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

    One vectorised pass over the Doc's hash arrays (a binary search of each hash in the
    sorted trigger hashes), so that the Python-level work is only done on the few tokens
    that can start an event.
    """
    from spacy.attrs import LEMMA, LOWER

    import numpy as np

    if not len(sdoc):
        return [], []
    keys, hyphen = _trigger_hashes(lex)
    arr = sdoc.to_array([LEMMA, LOWER])
    if len(keys):
        at = np.searchsorted(keys, arr)
        hits = np.flatnonzero((keys[np.minimum(at, len(keys) - 1)] == arr).any(axis=1)).tolist()
    else:
        hits = []
    hyphens = np.flatnonzero(arr[:, 1] == np.uint64(hyphen)).tolist()
    return hits, hyphens


_HASH_CACHE: dict[int, tuple] = {}


def _trigger_hashes(lex):
    """(the sorted uint64 array of the trigger words' hashes in every case form, the hash
    of "-"), once per lexicon."""
    import numpy as np
    from spacy.strings import hash_string

    cached = _HASH_CACHE.get(id(lex))
    if cached is not None:
        return cached
    words = set(lex.verbs) | set(lex.nouns) | lex.words.readiness_adjectives | lex.words.deontic_aux \
        | lex.words.advice_aux | lex.words.obligation_verbs \
        | lex.words.evaluating_verbs | lex.words.option_places | lex.words.option_predicates \
        | lex.words.force_motion_verbs \
        | lex.words.condition_marks
    if lex.cameo is not None:
        words |= lex.cameo.coded_lemmas
    forms = set()
    for w in words:
        forms.update({w, w.capitalize(), w.upper()})
    cached = (np.array(sorted({hash_string(f) for f in forms}), dtype=np.uint64), hash_string("-"))
    _HASH_CACHE[id(lex)] = cached
    return cached


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
            if entries and last.i < sent.end and last.dep_ != "compound" \
                    and last.ent_type_ not in NAMED_NOT_EVENT:  # "Co-operation in Europe"
                trig = entries[-1]
                cands.append(Candidate(last, [tok, tok.nbor(1), last], trig.type, trig.mode, trig.flags))
                used.update({tok.i, tok.i + 1, last.i})
    for two_word_pass in (True, False):
        for tok in tokens:
            if tok.i in used or tok.is_punct or tok.is_space:
                continue
            table = _table_for(tok, lex)
            if table is None:
                continue
            entries = table.get(lemma(tok)) or table.get(tok.lower_)
            if not entries:
                continue
            for trig in entries:
                if (trig.second is not None) != two_word_pass:
                    continue
                toks = [tok]
                if trig.second is not None:
                    other = _own_modifier(tok, trig.second) if "modifier" in trig.flags \
                        else _second_word(tok, trig.second)
                    if other is None or other.i in used or other.i >= sent.end or other.i < sent.start:
                        continue
                    toks.append(other)
                cands.append(Candidate(tok, toks, trig.type, trig.mode, trig.flags))
                used.update(t.i for t in toks)
                break
    cands.extend(cameo_candidates(tokens, sent, used, cands, lex))
    cands.extend(force_movements(tokens, sent, used, lex))
    return cands


def force_movements(tokens, sent, used: set, lex) -> list[Candidate]:
    """Forces on the move without a deployment verb: "a carrier group is headed toward the
    peninsula", "two bombers flew over the islands", "the US flew bombers over ..." --
    moving forces toward an adversary is a mobilisation (PLOVER 3.14). Only when the
    moving (or flown) phrase names armed forces or their arms; "heads the army" (with an
    object) is leading, not moving."""
    words = lex.words
    out = []
    for tok in tokens:
        if tok.i in used or tok.pos_ not in ("VERB", "AUX") or lemma(tok) not in words.force_motion_verbs \
                or not (sent.start <= tok.i < sent.end):
            continue
        obj = child(tok, "dobj")
        mover = child(tok, "nsubj", "nsubjpass")
        if obj is not None and lemma(tok) not in words.flown_object_verbs:
            continue  # "heads the army", "patrols the border": leading, policing
        if any(ch.dep_ in ("advmod", "prt") and ch.lower_ in words.return_adverbs for ch in tok.children):
            continue  # "troops headed back to their bases": a return, not a show of force
        if not any(_names_forces(p, words) and _named_party(p) for p in (mover, obj) if p is not None):
            continue  # "residents saw aircraft flying low": whose aircraft is not said
        out.append(Candidate(tok, [tok], "MOBILIZE", "troops", frozenset({"political"})))
        used.add(tok.i)
    return out


def _named_party(phrase) -> bool:
    """The phrase says whose forces move: a nationality, a state, an organisation or a
    name ("two Russian bombers", "the carrier USS Nimitz"), not bare "aircraft"."""
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON")
               for t in phrase.subtree if abs(t.i - phrase.i) <= 6)


def _names_forces(phrase, words) -> bool:
    """The phrase's head or a word near it names armed forces or their arms."""
    return any(lemma(t) in words.military_nouns or t.lower_ in words.military_nouns
               for t in phrase.subtree if abs(t.i - phrase.i) <= 6)


# ------------------------------------------------------------------ CAMEO fallback

#: flags of a trigger read from the CAMEO verb dictionary (knowledge/data/cameo/README.md)
#: ``political``: the subject (or, without one, some role) must be a political actor --
#: measured on allsides-dev, without it "the storm razed homes" and the like cost precision
CAMEO_FLAGS = frozenset({"political"})


def cameo_candidates(tokens, sent, used: set, cands: list[Candidate], lex) -> list[Candidate]:
    """Verbs without a row in triggers.tsv typed by the CAMEO verb dictionary: the most
    specific of the verb's object patterns that the sentence satisfies, else the verb's
    own code; the code's PLOVER type through the crosswalk. A verb whose object is
    itself an event noun ("staged a protest") leaves the event to the noun."""
    table = lex.cameo
    if table is None:
        return []
    nominal = {c.head.i for c in cands}
    out = []
    for tok in tokens:
        if tok.i in used or not (sent.start <= tok.i < sent.end) or not _fallback_verb(tok, lex):
            continue
        reading = cameo_reading(tok, table)
        if reading is None:
            continue
        etype, extra, converse = reading
        obj = child(tok, "dobj")
        if obj is not None and obj.i in nominal:
            continue
        toks = [tok] + [t for t in extra if t.i not in used and sent.start <= t.i < sent.end]
        out.append(Candidate(tok, toks, etype, None, CAMEO_FLAGS | ({"converse"} if converse else set())))
        used.update(t.i for t in toks)
    return out


def _fallback_verb(tok, lex) -> bool:
    """A verb (not a participle used as an adjective) that triggers.tsv does not know.
    Not a subjectless clause that is itself the subject ("Removing the troops would
    reduce the risk"): an option discussed, nobody's act."""
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
        return False
    if tok.dep_ in ("csubj", "csubjpass") and child(tok, "nsubj", "nsubjpass") is None:
        return False
    return lemma(tok) not in lex.verbs and tok.lower_ not in lex.verbs


def cameo_reading(tok, table, exhaustive: bool = False) -> Optional[tuple[str, list, bool]]:
    """(PLOVER type, the pattern's extra trigger tokens, whether the act is converse) of a
    verb by the CAMEO table, or None: no entry, no satisfied pattern and no own code, or a
    code that is no event (the most specific satisfied reading decides, even when it is
    no event: "look forward" is a statement, not the "look into" of an investigation).
    A converse reading (the dictionary's ``[:code]``, ``VerbPattern.converse``) is an act
    toward the verb's subject: "received a loan from X" is X's aid to the subject, "stood
    trial" a coercion of the subject.

    Only the patterns the verb's dependents can satisfy are tried (the table's index,
    ``pattern_keys``); ``exhaustive`` tries every pattern of the synset instead -- the
    same reading, kept as the reference the index is tested against."""
    best: Optional[tuple[int, str, list, bool]] = None
    keys = None
    for entry in table.entries(lemma(tok)):
        extra = []
        bonus = 0
        if entry.particle is not None:
            found = _dependent(tok, entry.particle)
            if found is None:
                continue
            extra, bonus = [found], 1
        code = table.default_code(entry)
        if code is not None and (best is None or bonus > best[0]):
            best = (bonus, code, extra, False)
        if exhaustive:
            patterns = table.patterns.get(entry.synset, ())
        else:
            if keys is None:
                keys = pattern_keys(tok, table)
            patterns = table.patterns_for(entry.synset, keys)
        for pattern in patterns:
            matched = _pattern_tokens(tok, pattern, table)
            if matched is None:
                continue
            score = bonus + 1 + pattern.specificity
            if best is None or score > best[0]:
                best = (score, pattern.code, extra + matched, pattern.converse)
    if best is None:
        return None
    etype = table.type_of(best[1])
    return (etype, best[2], best[3]) if etype is not None else None


#: dependency relations under which _dependent finds a particle, and under which
#: _pattern_tokens finds a pattern's preposition (and the pattern's object heads)
PARTICLE_DEPS = frozenset({"prt", "prep", "advmod", "agent"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
OBJECT_DEPS = ("dobj", "nsubjpass", "oprd", "attr", "acomp")


def pattern_keys(verb, table) -> set:
    """The pattern keys (knowledge/cameo_verbs.py ``pattern_key``) this verb's dependents
    offer: a pattern whose key is missing cannot be satisfied by _pattern_tokens, so only
    the others are tried. Mirrors _pattern_tokens: the first preposition spelled so, the
    first object child."""
    keys: set = set()
    seen_preps: set[str] = set()
    for c in verb.children:
        dep = c.dep_
        if dep in PARTICLE_DEPS:
            keys.add(("prt", c.lower_))
        if dep in PREP_DEPS and c.lower_ not in seen_preps:
            word = c.lower_
            seen_preps.add(word)
            keys.add(("prep", word))
            pobj = child(c, "pobj")
            if pobj is not None:
                keys.update(("pobj", word, k) for k in table.object_keys((lemma(pobj), pobj.lower_)))
    obj = child(verb, *OBJECT_DEPS)
    if obj is not None:
        keys.update(("obj", k) for k in table.object_keys((lemma(obj), obj.lower_)))
    return keys


def _dependent(verb, word: str):
    """A particle or preposition of the verb spelled ``word`` ("ask for", "set off")."""
    for c in verb.children:
        if c.dep_ in PARTICLE_DEPS and c.lower_ == word:
            return c
    return None


def _pattern_tokens(verb, pattern, table) -> Optional[list]:
    """The tokens that satisfy a CAMEO pattern on this verb (particle, preposition, object
    head), or None when one part is missing."""
    found = []
    if pattern.particle is not None:
        particle = _dependent(verb, pattern.particle)
        if particle is None:
            return None
        found.append(particle)
    if pattern.prep is not None:
        prep = next((c for c in verb.children if c.dep_ in PREP_DEPS and c.lower_ == pattern.prep), None)
        if prep is None:
            return None
        if pattern.obj is not None:
            pobj = child(prep, "pobj")
            if pobj is None or not _object_matches(pobj, pattern.obj, table):
                return None
        return found
    if pattern.obj is not None:
        obj = child(verb, *OBJECT_DEPS)
        if obj is None or not _object_matches(obj, pattern.obj, table):
            return None
    return found


def _object_matches(tok, obj: str, table) -> bool:
    words = {lemma(tok), tok.lower_}
    if obj.startswith("&"):
        return any(table.in_class(w, obj) for w in words)
    return obj in words


def _table_for(tok, lex):
    """The trigger table a token is looked up in (verbs or nouns), or None."""
    pos = tok.pos_
    if pos == "VERB" or (pos == "AUX" and tok.dep_ == "ROOT"):
        if tok.dep_ in ("amod", "compound"):
            return None  # "the Israeli-occupied West Bank", "the banned movement"
        return lex.verbs
    if pos in ("NOUN", "PROPN"):
        if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") \
                and lemma(tok.head) not in lex.words.generic_event_heads:
            return None  # "attack helicopters", "ceasefire talks"
        if tok.ent_type_ in NAMED_NOT_EVENT:
            return None  # "Asia-Pacific Economic Cooperation", "March", "Operation Desert Storm"
        return lex.nouns
    if pos == "ADJ" and _noun_by_function(tok):
        return lex.nouns  # "mounted a counteroffensive": a rare noun the tagger called ADJ
    if pos == "ADJ" and tok.dep_ in ("acomp", "amod") and tok.lower_ in lex.words.readiness_adjectives:
        return lex.verbs
    if pos == "ADJ" and tok.dep_ == "acomp" and tok.lower_ in lex.adjectives:
        return lex.verbs  # "were highly critical of Maduro" (an "A" row of triggers.tsv)
    return None


#: dependencies of a noun phrase's head: an "adjective" heading one is a noun in disguise
_NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})


def _noun_by_function(tok) -> bool:
    """An ADJ token used as a noun: it heads an argument and has a determiner of its own
    ("launched a counteroffensive", "the offensive was halted"); "the wounded" has one
    too, but no trigger row, so only event nouns are read this way."""
    return tok.dep_ in _NOMINAL_DEPS and any(ch.dep_ in ("det", "poss") for ch in tok.children)


def open_options(sent, cands, lex, positions=None) -> list[Candidate]:
    """"All options are on the table", "military action is not off the table", "military
    action is possible": keeping force open toward an adversary is a threat (PLOVER 3.11; docs/annotation.md 4: "keeps
    a military option open"), coded on the verb of saying that reports it (its subject is
    the threatener), else on the option's noun. ``positions``: the sentence's
    candidate_positions (they hold every option place word), instead of all its tokens."""
    words = lex.words
    cues = words.option_places | words.option_predicates
    if positions is None:
        text = sent.text.lower()
        if not any(cue in text for cue in cues):
            return []
        tokens = iter(sent)
    else:
        doc = sent.doc
        tokens = (doc[i] for i in positions if doc[i].lower_ in cues)
    by_head = {c.head.i: c for c in cands}
    out = []
    for tok in tokens:
        if tok.lower_ in words.option_places and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "off"):
            predicate, kept_open = tok.head.head, tok.head.lower_ == "on"  # "on / off the table"
        elif tok.lower_ in words.option_predicates and tok.dep_ == "acomp":
            predicate, kept_open = tok.head, True  # "military action is possible"
        else:
            continue
        subject = child(predicate, "nsubj") or child(predicate, "nsubjpass")
        if subject is None or lemma(subject) not in words.option_nouns:
            continue
        negated = any(ch.dep_ == "neg" for ch in predicate.children)
        found = by_head.get(subject.i)
        if kept_open == negated:
            if found is not None:
                found.drop = True  # "a strike is off the table": the option is closed
            continue
        if found is not None:
            found.type, found.mode = "THREATEN", None  # "an invasion is not off the table"
            continue
        # said by someone, the saying verb carries it and its subject is the threatener
        speaker = predicate.head if predicate.dep_ == "ccomp" and lemma(predicate.head) in words.saying_verbs \
            else None
        head = speaker if speaker is not None and speaker.i not in by_head else subject
        out.append(Candidate(head, [head], "THREATEN", None, frozenset({"option"})))
        by_head[head.i] = out[-1]
    return out


def held_out_force(sent, cands, lex, index, role_nouns=None, agents=None) -> list[Candidate]:
    """"Our navy will take action against any ship that enters the strait", "Ankara would
    not hesitate to use force against the militia", "we intend to stay alert and take
    action if the rebels attack": an option noun (``option_nouns``: action, force) made an
    act by an option verb (``option_verbs``: take, use) and held out for the future -- a
    future auxiliary, an intent or promise governor, or a readiness litotes ("not hesitate
    to") -- is force held out toward a party: a threat (CAMEO 130 "promise / consider
    action against"; PLOVER 3.11), coded on the option verb. It must be aimed at a party:
    the "against" object or the subject of its condition names an actor or people ("the
    militia", "smugglers"), or it is force itself; its doer must be a public party
    (``political``, ``public``). "will take action against corruption / climate change",
    "will take action if inflation rises", "the company will take action against
    counterfeiters" are none, and so is action already taken ("took action against")."""
    words = lex.words
    if not any(lemma(t) in words.option_nouns for t in sent):
        return []
    taken = {t.i for c in cands for t in c.tokens}
    out = []
    for noun in sent:
        verb = noun.head
        if noun.dep_ != "dobj" or lemma(noun) not in words.option_nouns or lemma(verb) not in words.option_verbs \
                or noun.i in taken or verb.i in taken or noun.lower_ in ("forces", "options"):
            continue  # "use special forces to target": troops, not force
        aimed = _aimed_at(verb, noun)
        condition = _condition_of(verb, words)
        subject = child(condition, "nsubj") if condition is not None else None
        parties = [p for p in (aimed, subject) if p is not None and _a_party(p, index, role_nouns, agents, words)]
        if not parties and not (aimed is None and lemma(noun) == "force"):
            continue
        if not _held_out_ahead(verb, words):
            continue
        target = next((actor_of_phrase(p, index) for p in parties if actor_of_phrase(p, index) is not None), None)
        out.append(Candidate(verb, [verb, noun], "THREATEN", None, frozenset({"option", "political", "public"}),
                             preset_target=target))
        taken.update({verb.i, noun.i})
    return out


def _a_party(phrase, index, role_nouns, agents, words) -> bool:
    """The phrase (or one of its conjuncts) names an actor or people: a KB actor, a role
    noun, a Phoenix agent, a noun of people or armed forces ("traders, shippers and
    banks", "the militia", "those armed groups")."""
    heads = [phrase] + [c for c in phrase.subtree if c.dep_ == "conj" and c.head.i in {phrase.i} | {
        t.i for t in phrase.subtree if t.dep_ == "conj"}]
    return any((index is not None and actor_of_phrase(h, index) is not None)
               or _names_a_party(h, role_nouns or {}, agents, words) for h in heads)


def offered_cooperation(sent, cands, lex, index) -> list[Candidate]:
    """"We will work with the parliament", "the minister is glad to work with Ankara", "Oslo
    wants to work with Nairobi": a verb of joint work (``joint_work_verbs``) with a party as its
    "with" object, held out for the future by a party -- a future auxiliary, an intent or
    promise governor, or an adjective of willingness -- promises future cooperation:
    AGREE toward that party (docs/annotation.md 4). Done or under way ("was working
    with the rebels", "working with both camps") it is no act of its own, and refused ("did
    not want to work with") it is none either."""
    words = lex.words
    taken = {t.i for c in cands for t in c.tokens}
    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or lemma(verb) not in words.joint_work_verbs or verb.i in taken:
            continue
        partner = next((g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                        for g in p.children if g.dep_ == "pobj"), None)
        party = actor_of_phrase(partner, index) if partner is not None and index is not None else None
        if party is None or not _held_out_ahead(verb, words, offers=True):
            continue
        prep = partner.head
        out.append(Candidate(verb, [verb, prep], "AGREE", None, frozenset(), preset_target=party))
        taken.update({verb.i, prep.i})
    return out


def red_lines(sent, cands, lex, index, role_nouns=None) -> list[Candidate]:
    """A limit set on another party's conduct (``limit_phrases``: "a red line"), read by
    what the clause does with it:

    * set ("the chancellor drew a red line", "the red line set by Ankara" in a party's
      statement): THREATEN by the setter;
    * said by a party to lie ahead ("the envoy said the junta would cross a red line", "a
      blockade is a red line for us, the minister said"): THREATEN by the speaker toward
      whoever would pass it;
    * said by a party to be passed ("the minister said the militia had crossed the red
      line"): ACCUSE
      by the speaker toward whoever passed it (docs/annotation.md 10: a reproach carried
      by a saying verb).

    A limit told in the writer's own voice as lying ahead or passed is no act of a party.
    The speaker and the passer may be named by their role alone ("the minister", "the
    militia": ``role_nouns``), like any party of an act."""
    words = lex.words
    if sent.text.rstrip().rstrip("\"'”’").endswith("?"):
        return []  # "would that be a red line?": a question sets no limit
    taken = {t.i for c in cands for t in c.tokens}
    out = []
    for noun in sent:
        if not _limit_phrase(noun, words) or noun.i in taken:
            continue
        # "the red line set by Ankara has been crossed": both the setting and the passing
        for found in (_limit_set(noun, words, index), _limit_stated(noun, words, index, role_nouns)):
            if found is None or found[0].i in taken:
                continue
            head, etype, source, target = found
            out.append(Candidate(head, [head], etype, None, frozenset({"limit"}),
                                 preset_target=target, preset_source=source))
            taken.add(head.i)
    return out


def _limit_phrase(noun, words) -> bool:
    """"a red line": the noun with its modifier is a ``limit_phrases`` pair."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(f"{m.lower_}_{lemma(noun)}" in words.limit_phrases
               for m in noun.children if m.dep_ in ("amod", "compound"))


def _limit_set(noun, words, index):
    """(verb, THREATEN, setter, None) when the clause sets the limit: its object ("drew a
    red line") or a participle on it ("the red line set by Ankara"); else None."""
    verb = noun.head
    if _limit_denied(noun, words):
        return None  # "set no red lines", "there is not one red line"
    if noun.dep_ == "dobj" and lemma(verb) in words.limit_setting_verbs and _done_by_a_party(verb, words, index):
        return verb, "THREATEN", None, None  # the setter is the verb's subject (roles)
    for acl in noun.children:
        # "[the minister said] the red line set by Ankara has been crossed": recalled in a
        # party's statement; in the writer's voice ("the rebels, who crossed a red line set
        # by the council") it only names the limit another act passes
        if acl.dep_ == "acl" and lemma(acl) in words.limit_setting_verbs and \
                _saying_verb_above(noun.head, words) is not None:
            agent = next((g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
            setter = actor_of_phrase(agent, index) if agent is not None and index is not None else None
            if setter is not None:
                return acl, "THREATEN", setter, None
    return None


def _limit_denied(noun, words) -> bool:
    """The limit is denied: "no red lines", "there is not one red line"."""
    if any(c.dep_ == "det" and c.lower_ in words.negative_determiners for c in noun.children):
        return True
    near = [noun] + [c for c in noun.children if c.dep_ in ("amod", "det", "predet")]
    if noun.dep_ == "attr" or (noun.dep_ == "nsubj" and lemma(noun.head) in words.copulas):
        near.append(noun.head)  # "there is not one red line"
    return any(g.dep_ == "neg" for t in near for g in t.children)


def _done_by_a_party(verb, words, index) -> bool:
    """The verb tells a party's act: finite (not "to declare", "pushing X to establish"),
    without a modal of mere possibility ("a council can set any red line it likes"), not
    negated, and its subject names a party ("everyone has set a red line" names none)."""
    if verb.tag_ in ("VB", "VBG") and not has_future_aux(verb, words):
        return False
    if verb.dep_ == "advcl":
        return False  # "when a president draws a red line, ...": any president, a maxim
    if verb.dep_ in ("ccomp", "xcomp") and lemma(verb.head) not in words.saying_verbs:
        return False  # "wants to see Washington set red lines": a wish, not a limit set
    if any(c.dep_ in ("aux", "neg") and (c.dep_ == "neg" or c.tag_ == "MD") and c.lower_ not in words.future_aux
           for c in verb.children):
        return False
    subject = verb_subject(verb)  # "stood up and drew a red line": the shared subject
    return subject is not None and index is not None and actor_of_phrase(subject, index) is not None


def _limit_stated(noun, words, index, role_nouns=None):
    """(the saying verb or the crossing verb, type, speaker, passer) when a party says the
    limit lies ahead or has been passed; else None."""
    verb = noun.head
    saying = _saying_verb_above(verb, words)
    speaker_phrase = child(saying, "nsubj") if saying is not None else None
    speaker = _party_of_phrase(speaker_phrase, index, role_nouns)
    if speaker is None:
        return None  # the writer's voice, or no party says it
    if lemma(verb) in words.crossing_verbs and noun.dep_ in ("dobj", "nsubjpass"):
        passer = child(verb, "nsubj") if noun.dep_ == "dobj" else next(
            (g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
        target = _party_of_phrase(passer, index, role_nouns)
        ahead = has_future_aux(verb, words) or _condition_clause(verb, words) or \
            any(ch.dep_ == "aux" and ch.lower_ in words.deterrent_modals for ch in verb.children)
        return verb, ("THREATEN" if ahead else "ACCUSE"), speaker, target
    if noun.dep_ == "attr" and lemma(verb) in words.copulas:
        return saying, "THREATEN", speaker, None  # "X is a red line": whoever would do X
    return None


def _party_of_phrase(phrase, index, role_nouns):
    """The party a noun phrase names: an actor mention, else a role noun ("the militia")
    standing in for an unresolved party; None for no phrase or no party."""
    if phrase is None or index is None:
        return None
    return actor_of_phrase(phrase, index) or phrase_actor(phrase, role_nouns or {})


def _saying_verb_above(verb, words):
    """The verb of saying (or "made clear") whose reported clause holds ``verb``, climbing
    reported and infinitive clauses; None when the clause is nobody's statement."""
    v = verb
    for _ in range(4):
        if v.dep_ not in ("ccomp", "xcomp", "conj") or v.head.i == v.i:
            return None
        v = v.head
        if lemma(v) in words.saying_verbs or (lemma(v) == "make" and any(
                c.dep_ in ("acomp", "oprd") and c.lower_ == "clear" for c in v.children)):
            return v
    return None


def _aimed_at(verb, noun):
    """The phrase an act is aimed at: the object of "against" on the verb or its noun."""
    return next((g for h in (verb, noun) for p in h.children if p.dep_ == "prep" and p.lower_ == "against"
                 for g in p.children if g.dep_ == "pobj"), None)


def _condition_of(verb, words):
    """The condition clause ("if they attack") on the verb, or on the verb it is
    coordinated with ("stay vigilant and take action if ..."), else None."""
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is None:
            continue
        for c in v.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words.conditional_marks for m in c.children):
                return c
    return None


def _held_out_ahead(verb, words, offers: bool = False) -> bool:
    """The act is held out for the future by its clause: a future auxiliary on it or on
    the verb it is coordinated with ("will take action", "will stay alert and take
    action"), or the verb whose infinitive it is holds it out -- an intent or promise
    governor ("intend to", "vowed to"), a negated readiness verb ("will not hesitate to")
    or, with ``offers``, an adjective of willingness ("is glad to work with"). Any other
    verb above it ("forced Iraq to reconsider working with") and any negation ("will not
    use force") withdraw it."""
    willing = (words.readiness_adjectives | words.willing_adjectives) if offers else frozenset()
    v = verb
    for _ in range(4):
        negated = any(ch.dep_ == "neg" for ch in v.children) or (
            v.dep_ == "acomp" and any(ch.dep_ == "neg" for ch in v.head.children))
        if v is not verb and lemma(v) in words.litotes_verbs:
            return negated
        if negated:
            return False
        if v is not verb and (v.lower_ in willing or lemma(v) in words.intent_governors
                              or lemma(v) in words.promise_verbs):
            return True
        if has_future_aux(v, words):
            return True
        if v.dep_ == "conj" and v.head.i != v.i:
            v = v.head  # "will stay alert and take action": the coordinated verb's auxiliary
            continue
        if v.dep_ == "xcomp" and v.head.i != v.i and (
                lemma(v.head) in words.litotes_verbs or v.head.lower_ in willing
                or lemma(v.head) in words.intent_governors or lemma(v.head) in words.promise_verbs):
            v = v.head
            continue
        return False
    return False


def deontic_requests(sent, positions, cands, lex, index=None, quotes=(), role_nouns=None) -> list[Candidate]:
    """"X said Y must ...": a reported obligation is a demand of the speaker (PLOVER 3.8).

    A modal of advice ("should", "ought to") and a reported prohibition ("must not",
    "should not": a demand to refrain) are demands only when a party says them of another
    party acting (``_advice_to_a_party``); the speaker must be a political actor
    (``political``: a pundit's "the US should arm the rebels" is no demand,
    docs/annotation.md 2). The advised party is the target. Advice to the speaker's own
    state to do a conflict act ("the Kenyan president said Kenya should bomb the camps") is
    that state's intention: THREATEN (docs/annotation.md 4, future conflict acts); any other
    advice to it, or to the speaker itself ("he has to leave"), is a stance, unless a
    legislator or the opposition asks it of the government (``_oversight``)."""
    heads = {c.head.i for c in cands}
    by_head = {c.head.i: c for c in cands}
    out = []
    doc = sent.doc
    words = lex.words
    for i in positions:
        tok = doc[i]
        advice = tok.lower_ in words.advice_aux or _semi_modal(tok, words)
        if not (advice or tok.lower_ in words.deontic_aux) or tok.dep_ not in ("aux", "ccomp", "ROOT"):
            continue
        # "said the rebels ought to disarm", "said Iran has to release them": the parser
        # makes "ought" or "has" the reported clause
        clause = tok.head if tok.dep_ == "aux" else tok
        verb = clause.head
        if clause.dep_ == "ROOT" and (advice or tok.lower_ in words.deontic_aux):
            quoted = _quoted_demand(tok, clause, by_head, words, index, quotes)
            if quoted is not None:
                out.append(quoted)
            continue
        if clause.dep_ != "ccomp" or verb.i in heads or lemma(verb) not in words.saying_verbs:
            continue
        subject = child(clause, "nsubj", "nsubjpass")
        negated = any(ch.dep_ == "neg" for ch in clause.children)
        if not advice and not negated:
            out.append(Candidate(verb, [verb], "REQUEST", None, frozenset({"govern"})))
            heads.add(verb.i)
            continue
        asked, party = _advice_to_a_party(tok, clause, subject, verb, words, index)
        if not asked or not _party_speaker(verb_subject_of_saying(verb), index, role_nouns):
            continue
        speaker = verb_subject_of_saying(verb)
        if _speaker_itself(subject, speaker):
            continue  # "the president said he has to leave early": his own duty, no demand
        etype, target = "REQUEST", party
        own = _own_side(party, speaker, index)
        if own and _conflict_act(clause, by_head, lex):
            etype, target = "THREATEN", None  # the act's own target is the threatened party
        elif own and not _oversight(speaker, party, index, words):
            continue  # "the Peruvian president said Peru needs more ports": a stance, no demand
        out.append(Candidate(verb, [verb], etype, None, frozenset({"govern", "political"}), preset_target=target))
        heads.add(verb.i)
    return out


def _advice_to_a_party(modal, clause, subject, verb, words, index) -> tuple[bool, object]:
    """(whether a modal of advice or a prohibition asks a party to act, said by a party;
    the party's actor, None for a pronoun the roles stage resolves):

    * the subject is a party other than the speaker, acting: a party the actor layer names
      (the subject's head is its mention) or a third-person pronoun, in the active voice
      ("Iraq should hold elections"), not "we", "I", "it", "there", a thing, also a thing
      of a party ("Chile's budget should shrink", "grain prices must not rise"), nor the
      patient of a passive ("the talks should be held in Lima");
    * the clause is an act, not a state, a view or a deliberation ("the Chileans should be
      proud", "Peru should not doubt our resolve", "Peru should weigh the costs": no act
      asked; ``advice_stance_verbs``);
    * the modal follows its subject: "should the council decide to ..." is a condition;
    * no "should have" + participle: a judgement of the past ("should have closed the
      border") reproaches, it asks nothing now;
    * someone says it who is not "you" or "I" ("if you ask me, Peru should pay")."""
    if subject is None or subject.dep_ != "nsubj" or subject.i > modal.i:
        return False, None
    if subject.lower_ in words.first_person or subject.lower_ in words.advice_non_parties:
        return False, None
    if clause is modal:
        clause = child(modal, "xcomp") or clause  # "has to release", "ought to release": the infinitive
    if lemma(clause) in words.copulas or lemma(clause) in words.advice_stance_verbs \
            or any(ch.dep_ == "auxpass" for ch in clause.children):
        return False, None
    if any(ch.dep_ == "aux" and lemma(ch) == "have" and ch.i > modal.i for ch in clause.children):
        return False, None
    speaker = verb_subject_of_saying(verb) if verb is not None else None
    if verb is not None and (speaker is None or speaker.lower_ in words.first_person
                             or speaker.lower_ in words.advice_non_parties):
        return False, None
    if subject.tag_ == "PRP":
        return True, None  # "he should", "they should": the roles stage resolves the pronoun
    if index is not None and index[subject.i] is None:
        return False, None  # "Chile's budget should shrink": a thing of a party
    party = actor_of_phrase(subject, index) if index is not None else None
    return party is not None, party


def _party_speaker(speaker, index, role_nouns) -> bool:
    """The speaker can be a party: a third-person pronoun, an actor the actor layer names,
    or a role noun of one ("the senator", "a spokesman"), not "the columnist", "an analyst"
    (their advice is no demand, docs/annotation.md 2). Without an index (unit use) any."""
    if speaker is None:
        return False
    if index is None or speaker.tag_ == "PRP":
        return True
    return actor_of_phrase(speaker, index) is not None or lemma(speaker) in (role_nouns or {})


def _quoted_demand(modal, clause, by_head, words, index, quotes) -> Optional[Candidate]:
    """A demand spoken in a direct quote whose sentence has no verb of saying ("'We back
    them,' the minister said. 'Iran must free the sailors.'"): the quote's speaker demands
    it of the subject, under the checks of advice (``_advice_to_a_party``; the speaker is
    the quote's). The modal (or "has got") is the trigger; the obliged act is the demand's
    content, not an event of its own."""
    if index is None:
        return None
    speaker = _quote_speaker_at(modal.idx, quotes)
    if speaker is None:
        return None
    subject = child(clause, "nsubj", "nsubjpass")
    asked, party = _advice_to_a_party(modal, clause, subject, None, words, index)
    if not asked or party is None:
        return None
    if party.country and party.country == speaker.country:
        return None  # "our army must stand firm": the speaker's own side, a resolve, no demand
    inner = by_head.get((child(modal, "xcomp") or clause).i)
    if inner is not None:
        inner.drop = True
    return Candidate(modal, [modal], "REQUEST", None, frozenset({"political"}), preset_target=party,
                     preset_source=speaker)


def _quote_speaker_at(offset: int, quotes):
    """The resolved speaker of the direct quote that holds ``offset``, else None."""
    for q in quotes:
        if q.kind == "direct" and q.span[0] <= offset < q.span[1] and q.speaker is not None:
            return q.speaker
    return None


def _semi_modal(tok, words) -> bool:
    """A verb of obligation with an infinitive: "has to", "needs to", "has got to"
    (``obligation_verbs``; "get" only after "have")."""
    if lemma(tok) not in words.obligation_verbs or tok.pos_ not in ("VERB", "AUX"):
        return False
    if lemma(tok) == "get" and not any(ch.dep_ == "aux" and lemma(ch) == "have" for ch in tok.children):
        return False
    if child(tok, "dobj") is not None:
        return False  # "has a plan to ...", "needs help to ...": a thing had, no duty
    if any(ch.dep_ == "aux" and ch.tag_ == "MD" for ch in tok.children):
        return False  # "will need to", "would have to": a forecast or a condition, no duty laid now
    inner = child(tok, "xcomp")
    return inner is not None and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in inner.children)


def _speaker_itself(subject, speaker) -> bool:
    """The advised subject is a pronoun standing for the speaker: "he"/"she" after a
    singular speaker, "they" after a plural one ("the ministers said they have to ...")."""
    if subject is None or speaker is None or subject.tag_ != "PRP":
        return False
    plural = speaker.tag_ in ("NNS", "NNPS") or speaker.lower_ in ("they", "we")
    return subject.lower_ in (("they",) if plural else ("he", "she"))


def _oversight(speaker, party, index, words) -> bool:
    """A body of the speaker's own state that answers to another ("Senator Graham said the
    government should cut the army's budget": a legislator's demand on the government,
    docs/annotation.md 4 REQUEST): the speaker is of an ``oversight_sectors`` sector
    (the legislature, the opposition) and the advised party is not."""
    said_by = actor_of_phrase(speaker, index) if index is not None and speaker is not None else None
    if said_by is None or not said_by.sector:
        return False
    return said_by.sector.lower() in words.oversight_sectors and (party.sector or "").lower() != said_by.sector.lower()


def _own_side(party, speaker, index) -> bool:
    """The advised party is of the speaker's own state (both named, same country)."""
    if index is None or speaker is None or not hasattr(party, "country"):
        return False
    said_by = actor_of_phrase(speaker, index)
    return said_by is not None and bool(party.country) and said_by.country == party.country


def _conflict_act(clause, by_head, lex) -> bool:
    """The advised act is a conflict act: the clause's verb or its object is a trigger of a
    conflict type ("should strike", "should launch a strike against ...")."""
    conflict = lex.types_of("conflict")
    for tok in [clause, *[ch for ch in clause.children if ch.dep_ == "dobj"]]:
        found = by_head.get(tok.i)
        if found is not None and found.type in conflict:
            return True
    return False


def verb_subject_of_saying(verb):
    """The speaker of a verb of saying: its subject, or the subject of the verb it is
    the participle of ("..., saying that ...")."""
    found = child(verb, "nsubj")
    if found is None and verb.dep_ in ("advcl", "xcomp", "conj"):
        found = child(verb.head, "nsubj")
    return found


def conditional_demands(sent, cands, lex, index) -> list[Candidate]:
    """"Turkey will not open the border unless the militants disarm", "we will not rest
    until they are punished": a refusal made conditional on another party's act demands
    that act (PLOVER 3.8; docs/annotation.md 4 REQUEST). The refuser is the source, the
    party of the condition the target, the condition word the trigger; the demanded act
    is the demand's content, the refused act is not done. Without the refusal, a future
    act on a condition is an ultimatum ("will withdraw its troops unless ..."):
    THREATEN."""
    words = lex.words
    out = []
    for tok in sent:
        if tok.lower_ not in words.condition_marks or tok.dep_ != "mark" or tok.head.dep_ != "advcl":
            continue
        condition, refusal = tok.head, tok.head.head
        if refusal.pos_ not in ("VERB", "AUX") or not _modal_or_future(refusal, words):
            continue  # "did not leave until the meeting ended": a narrative, no demand
        if not _party_subject(child(refusal, "nsubj"), index):
            continue  # "the economy will shrink unless ...", "prices could rise unless ...": a forecast
        refused = any(ch.dep_ == "neg" for ch in refusal.children)
        if not refused and tok.lower_ not in words.ultimatum_marks:
            continue  # "will stay until the vote": a plan, no condition
        inside = {t.i for t in condition.subtree}
        for c in cands:
            if c.head.i == refusal.i or c.head.i in inside:
                c.drop = True  # the refused act is not done; the demanded one is the content
        party = child(condition, "nsubj", "nsubjpass")
        target = actor_of_phrase(party, index) if party is not None and party.lower_ not in words.first_person else None
        # the condition word carries the demand: the refusal's own "not" and "will" are
        # the terms of it, not a negation or a hypothesis of the demand (certainty)
        # "will withdraw its force unless the president agrees to a ceasefire": what the
        # speaker will do if the condition is not met is the penalty of an ultimatum
        etype = "REQUEST" if refused else "THREATEN"
        out.append(Candidate(refusal, [tok], etype, None, frozenset({"govern", "condition"}),
                             preset_target=target))
    return out


def _party_subject(subject, index) -> bool:
    """The subject can make a demand or an ultimatum: a political actor the actor layer
    names, or a personal pronoun standing for one ("we", "they"; not "it", which as often
    stands for a thing: "it will collapse unless ...")."""
    if subject is None:
        return False
    if subject.pos_ == "PRON":
        return subject.lower_ != "it"
    return actor_of_phrase(subject, index) is not None


def _modal_or_future(verb, words) -> bool:
    """The verb carries "will", "would", "can", "must" ... (a stance on what will be)."""
    return any(ch.dep_ == "aux" and (ch.lower_ in words.future_aux or ch.lower_ in words.possibility_modals
                                     or lemma(ch) in words.possibility_modals)
               for ch in verb.children)


def evaluative_statements(sent, positions, cands, lex, index, quotes=()) -> list[Candidate]:
    """"Rice said Netanyahu's speech was destructive", "called Maduro a dictator",
    "described the vote as legitimate": a reproach or praise carried only by a verb of
    saying is an ACCUSE or a SUPPORT of the speaker toward the actor the words are about
    (docs/annotation.md 10); "said there would be serious consequences" is a THREATEN.
    Not when the statement reports another event (that one is coded, and the certainty
    stage attributes it) -- but an event the statement only labels ("called the strikes
    a crime") is what the reproach is about."""
    by_verb = {c.head.i: c for c in cands}
    heads = {t.i for c in cands for t in c.tokens}
    out = []
    doc = sent.doc
    words = lex.words
    for i in positions:
        verb = doc[i]
        if verb.pos_ != "VERB" or lemma(verb) not in words.evaluating_verbs:
            continue
        agreed = by_verb.get(verb.i)
        view = agreed is not None and agreed.type == "AGREE" and _agrees_with_a_view(verb, words)
        if verb.i in heads and not view:
            continue
        content = _statement_content(verb, quotes, words)
        labelled, label = _labelled_object(verb, words)
        if labelled and _free_relative(verb):
            continue  # "denounced what it called an aggression": the outer verb is the reproach
        topic = _reproach_topic(verb, lex.evaluations)
        judged = _judged_measure(verb, by_verb, lex.evaluations, index)
        if judged is not None:
            # the judged act ("the US strikes") and its verb are what the reproach is about
            topic |= {t.i for t in judged.tokens} | {t.i for t in child(judged.head, "nsubj").subtree}
        condition = _penalised_class(content, cands, lex)
        topic |= {t.i for c in condition for t in c.tokens}
        if not content or any(t.i in heads for t in content
                              if t.i not in labelled and t.i not in label and t.i not in topic):
            continue
        polarity = _polarity(content, lex.evaluations)
        if polarity is None and _reproachful_label(verb, label, lex.evaluations):
            polarity = "negative"
        if polarity is None and _threatens(content, lex, cands):
            polarity = "threat"
        if polarity is None:
            continue
        # a penalty on a class of acts threatens whoever would do them, not their victims
        target = None if polarity == "threat" and condition else \
            _statement_about(verb, [t for t in content if t.i not in label], index, lex.evaluations)
        if target is None and not labelled and not (polarity == "threat" and _act_brings_penalty(content, lex, cands, index)):
            # a reproach of an act ("called the order a threat") targets its doer, found
            # later; a penalty promised for an act ("any attack would have consequences")
            # is a threat to whoever would do it, named by the article, not the clause
            continue
        etype, mode = {"negative": ("ACCUSE", "disapprove"), "positive": ("SUPPORT", None),
                       "threat": ("THREATEN", None)}[polarity]
        if view:
            agreed.drop = True  # "agreed that Maduro was not legitimate": a view, no accord
        for other in cands:
            if other.head.i in label:
                other.drop = True  # "called the order a reckless threat": a label, no act
        if judged is not None:
            judged.drop = True  # "said the strikes violated international law": the reproach
        if polarity == "threat":
            for c in condition:
                c.drop = True  # "any attack on its ships would have consequences": the condition
        out.append(Candidate(verb, [verb], etype, mode, frozenset(), preset_target=target))
        heads.add(verb.i)
    return out


def _judged_measure(verb, by_verb: dict, evaluations, index) -> Optional[Candidate]:
    """"Russia said the US strikes violated international law": the reported clause's
    own trigger is a reproaching verb ("violate") whose subject is an act or a measure,
    not a party -- a judgement of that act by the speaker (an ACCUSE toward its doer),
    not a refusal by the act. That trigger, or None."""
    clause = child(verb, "ccomp")
    judged = by_verb.get(clause.i) if clause is not None else None
    if judged is None or judged.type != "REJECT" or _polarity([clause], evaluations) != "negative":
        return None
    subject = child(clause, "nsubj")
    if subject is None or subject.pos_ != "NOUN" or (index[subject.i] is not None and subject.i not in by_verb):
        return None  # "Iran violated the deal": a party's act, reported ("the US strikes" is an act)
    return judged


def _reproachful_label(verb, label: set[int], evaluations) -> bool:
    """The label a verb of naming gives is a reproach ("called the shooting [an act of
    war]", "described him as [deranged]"): words that reproach only as such a label
    (``negative_label`` of evaluations.tsv), never negated ("did not call it a mistake")."""
    words = evaluations.get("negative_label", frozenset())
    doc = verb.doc
    return bool(label) and not any(c.dep_ == "neg" for c in verb.children) and any(
        lemma(doc[i]) in words or doc[i].lower_ in words for i in label)


def _reproach_topic(verb, evaluations) -> set[int]:
    """The words a reported reproach is about, when the reported clause's own predicate
    is the reproach ("said the minister had lied [about the loans]", "said the rebels had
    betrayed [the truce]", "said the deal was a betrayal [of the farmers]"): an event
    named there is what the speaker reproaches, not another act the statement reports,
    so it does not hide the reproach. Empty when the clause's predicate is no reproach
    ("said the army had shelled the town", "said the strikes were a crime": the act is
    the clause's subject, the statement reports or labels it)."""
    clause = child(verb, "ccomp")
    if clause is None:
        return set()
    for pred in [clause] + [c for c in clause.children if c.dep_ in ("attr", "acomp")]:
        if _polarity([pred], evaluations) == "negative":
            return {t.i for c in pred.children if c.dep_ in ("prep", "dobj") for t in c.subtree}
    return set()


def _free_relative(verb) -> bool:
    """The verb's object is the "what" of a free relative ("denounced [what it called a
    crime]"): the verb only names the object of the verb above it."""
    obj = child(verb, "dobj")
    return obj is not None and obj.tag_ in ("WP", "WDT") and verb.head.i != verb.i


def _agrees_with_a_view(verb, words) -> bool:
    """"agreed that X was Y": agreeing with a characterisation (a copular clause), not to
    an act ("agreed that talks would resume" is an accord)."""
    if any(c.dep_ in ("xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in words.agreement_preps)
           for c in verb.children):
        return False
    clause = child(verb, "ccomp")
    return clause is not None and lemma(clause) in words.copulas and \
        any(c.dep_ in ("attr", "acomp") for c in clause.children)


def _labelled_object(verb, words) -> tuple[set[int], set[int]]:
    """The object a verb of naming labels and the label ("called [the strikes] [a
    crime]", "described [the vote] as [illegal]"): their token indices, empty when the
    verb gives no label."""
    obj = child(verb, "dobj")
    labels = [c for c in verb.children if c.dep_ == "oprd"] + \
        [g for c in verb.children if c.dep_ == "prep" and c.lower_ in words.label_preps
         for g in c.children if g.dep_ == "pobj"]
    if obj is None or not labels:
        return set(), set()
    return {t.i for t in obj.subtree}, {t.i for lab in labels for t in lab.subtree}


def _promises_a_penalty(verb, lex, cands=()) -> bool:
    """A promise whose object names a penalty ("vowed a harsh response", "pledged
    retaliation") or whose promised clause punishes someone ("vowed that the attackers
    would pay a price", "promised to punish those responsible", "vowed to bring the
    killers to justice"): PLOVER codes a promise of harm as THREATEN."""
    if lemma(verb) not in lex.words.promise_verbs:
        return False
    threat_words = lex.evaluations.get("threat", frozenset())
    obj = child(verb, "dobj")
    if obj is not None and (lemma(obj) in threat_words or obj.lower_ in threat_words):
        return True
    return _penalised_party(verb, lex, cands) is not False


def _penalised_party(verb, lex, cands=()):
    """In the clause a promise governs, the phrase of whoever is to be punished: the
    subject of "pay"/"face" a penalty, the object of "punish", who is brought to justice
    ("bring [the killers] to justice", "[those responsible] would be brought to
    justice"); None when the clause punishes nobody named ("vowed to avenge the
    killing"), False when it names no penalty at all."""
    words = lex.words
    threat_words = lex.evaluations.get("threat", frozenset())
    content = [t for c in verb.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree]
    for tok in content:
        if _penal_word(tok, words, threat_words) or _pays_for_a_deed(tok, words, lex, cands):
            return _punished(tok, words)
    return False


def _pays_for_a_deed(tok, words, lex, cands) -> bool:
    """"vowed that Ukraine would pay for the sabotage": paying, with no price named, for
    something a party did (``punishes_hostile_act``) is the penalty itself; paying for
    a thing ("households would pay for the new grid") is not."""
    if tok.pos_ != "VERB" or lemma(tok) not in words.retribution_verbs or child(tok, "dobj") is not None:
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    return punishes_hostile_act(offence_of_penalty([tok]), cands, lex)


def _penal_word(tok, words, threat_words) -> bool:
    """A word of a promised clause that makes it a penalty: a penalty noun that someone
    is to undergo ("would pay a heavy price", "will face consequences"; not "promised to
    cut the price of fuel", nor "would pay a lower price": a price level is no penalty),
    a verb of punishing ("punish", "avenge"), or justice someone is brought to ("bring
    them to justice"; not "bring justice to the victims")."""
    if lemma(tok) in threat_words or tok.lower_ in threat_words:
        negated = any(c.dep_ == "neg" for c in tok.head.children) or \
            any(c.dep_ == "neg" or lemma(c) in words.negative_determiners for c in tok.children)
        level = any(c.tag_ in ("JJR", "RBR") or c.dep_ in ("nummod", "quantmod") for c in tok.children)
        return tok.dep_ == "dobj" and lemma(tok.head) in words.undergoing_verbs and not negated and not level
    if tok.pos_ == "VERB" and lemma(tok) in words.punishing_verbs | words.avenging_verbs:
        return not any(c.dep_ == "neg" for c in tok.children)
    head = tok.head
    return lemma(tok) in words.justice_nouns and head.dep_ == "prep" and head.lower_ == "to" and \
        lemma(head.head) in words.bringing_verbs


def _punished(word, words):
    """The phrase of who undergoes the penalty ``word`` names (see _penalised_party)."""
    if word.pos_ == "VERB" and lemma(word) in words.retribution_verbs:
        return child(word, "nsubj")  # "[Ukraine] would pay for the sabotage"
    if word.pos_ == "VERB":
        # the avenged is the victim, not the one punished ("avenge the general")
        return child(word, "dobj") if lemma(word) in words.punishing_verbs else None
    if lemma(word) in words.justice_nouns:
        bring = word.head.head
        return child(bring, "dobj", "nsubjpass")
    return child(word.head, "nsubj")  # "[the government] would face consequences"


def _threatens(content, lex, cands=()) -> bool:
    """A statement of what will happen that names a penalty ("there would be serious
    consequences", "will pay a heavy price"): a threat -- unless what the penalty is said
    to be for is no hostile act ("would pay a heavy price for its currency crisis": a
    forecast, see ``punishes_hostile_act``)."""
    threat_words = lex.evaluations.get("threat", frozenset())
    if not threat_words:
        return False
    future = lex.words.future_aux
    says_future = any(t.dep_ == "aux" and t.lower_ in future for t in content)
    penalties = [t for t in content if lemma(t) in threat_words or t.lower_ in threat_words]
    if not says_future or not penalties:
        return False
    offence = offence_of_penalty([*penalties, *(t.head for t in penalties)])
    return not offence or punishes_hostile_act(offence, cands, lex)


def _penalised_class(content, cands, lex) -> list:
    """The candidates inside a class of acts said to bring a penalty ("[any attack on its
    ships] would have grave consequences"): the threat's condition, no happening of its
    own (like ``event_statements._class_of_acts``)."""
    threat_words = lex.evaluations.get("threat", frozenset())
    classes = load_content_cues().get("class_determiner", frozenset())
    inside: set[int] = set()
    for pen in content:
        if lemma(pen) in threat_words or pen.lower_ in threat_words:
            subject = child(pen.head, "nsubj")
            if subject is not None and any(ch.dep_ == "det" and ch.lower_ in classes for ch in subject.children):
                inside |= {t.i for t in subject.subtree}
    return [c for c in cands if c.head.i in inside]


def _act_brings_penalty(content, lex, cands=(), index=None) -> bool:
    """The clause that names a penalty has an act as its subject: a deed ("the decision
    would have serious consequences", statement_content.tsv ``deed_noun``) or a class of
    hostile acts ("any incursion into our waters will have grave consequences",
    ``class_determiner`` on a conflict-type trigger noun, a deed noun, or a noun whose
    doer is a party: "any mistake by Baghdad"). A statement that a penalty will follow an
    act is a threat to whoever would do it even when no party is named in it (PLOVER
    3.11; docs/annotation.md 10); one about a thing, a state or a mishap ("the drought
    will have consequences", "any delay in the rollout would have serious consequences")
    is a forecast."""
    threat_words = lex.evaluations.get("threat", frozenset())
    cues = load_content_cues()
    deeds = cues.get("deed_noun", frozenset())
    classes = cues.get("class_determiner", frozenset())
    hostile = {c.head.i for c in cands if c.type in lex.types_of("conflict")}
    for pen in content:
        if lemma(pen) not in threat_words and pen.lower_ not in threat_words:
            continue
        subject = child(pen.head, "nsubj")
        if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
            continue
        if lemma(subject) in deeds:
            return True
        if any(ch.dep_ == "det" and ch.lower_ in classes for ch in subject.children) and (
                subject.i in hostile or _doer_is_a_party(subject, index)):
            return True
    return False


def _doer_is_a_party(noun, index) -> bool:
    """The act noun names its doer, a party: "any mistake by Baghdad", "Kiev's every move"."""
    if index is None:
        return False
    doers = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children if g.dep_ == "pobj"]
    doers += [c for c in noun.children if c.dep_ == "poss"]
    return any(actor_of_phrase(d, index) is not None for d in doers)


def offence_of_penalty(holders) -> list:
    """What a penalty is said to be for: the tokens under an ``offence_prep``
    ("for", "over": statement_content.tsv) hanging on the penalty noun or on its verb
    ("would pay a price for the blockade", "consequences over the arrests")."""
    preps = load_content_cues().get("offence_prep", frozenset())
    return [t for h in holders for p in h.children
            if p.dep_ == "prep" and p.lower_ in preps for t in p.subtree]


def punishes_hostile_act(offence: list, cands, lex) -> bool:
    """True when the offence a penalty is for is something a party did: an event of the
    conflict types ("for the strike on its consulate", "over the arrests"), a deed told by
    a verb ("for conducting a nuclear test") or a general deed noun ("for its actions",
    statement_content.tsv ``deed_noun``). A penalty for a state or a misfortune ("for its
    currency crisis", "for the drought") is a forecast of what a party will suffer, not a
    threat (docs/annotation.md 2: a threat names what the speaker will do or make happen).
    A reproached deed ("for its crimes") never gets here: the reproach makes the statement
    an ACCUSE first (``_polarity``)."""
    conflict = lex.types_of("conflict")
    inside = {t.i for t in offence}
    if any(c.head.i in inside and c.type in conflict for c in cands):
        return True
    deeds = load_content_cues().get("deed_noun", frozenset())
    return any(t.pos_ == "VERB" or (t.pos_ == "NOUN" and t.lower_ in deeds) for t in offence)


def _statement_content(verb, quotes, words) -> list:
    """The words a verb of saying reports: its complement clause or predicate, else the
    quote it introduces."""
    toks = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "oprd", "dobj", "attr") or (c.dep_ == "prep" and c.lower_ in words.label_preps):
            toks.extend(c.subtree)
    if not toks:
        doc = verb.doc
        for q in quotes:
            if q.cue is not None and q.cue.span[0] <= verb.idx < q.cue.span[1]:
                span = doc.char_span(q.span[0], q.span[1], alignment_mode="expand")
                if span is not None:
                    toks.extend(span)
    return toks[:80]


def _polarity(toks, evaluations) -> Optional[str]:
    negative = evaluations.get("negative", frozenset())
    positive = evaluations.get("positive", frozenset())
    found = set()
    for t in toks:
        word = lemma(t)
        if word not in negative and word not in positive and t.lower_ not in negative and t.lower_ not in positive:
            continue
        is_negative = word in negative or t.lower_ in negative
        negated = _negated_word(t)
        found.add("negative" if is_negative != negated else "positive")
    if "negative" in found:
        return "negative"
    return "positive" if found else None


def _negated_word(tok) -> bool:
    """A negation on the word, on the word it modifies, or on the verb of its clause
    ("not legitimate", "was not the legitimate president")."""
    t = tok
    for _ in range(3):
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _statement_about(verb, content, index, evaluations=None):
    """The actor a statement is about: the subject of the reported clause (the agent of a
    passive one) or the object of "call"/"describe", else the first actor in its words;
    never the speaker, nor who a passive clause says suffered the act."""
    speaker = child(verb, "nsubj")
    not_about = {t.i for t in speaker.subtree} if speaker is not None else set()
    for c in verb.children:
        if c.dep_ == "ccomp":
            subj = child(c, "nsubj", "nsubjpass")
            if subj is not None and subj.dep_ == "nsubjpass" and _polarity([c], evaluations or {}):
                # "said voters were misled by the minister": the agent of a reproaching
                # verb is reproached, its passive subject is who suffered it
                not_about |= {t.i for t in subj.subtree}
                subj = next((g for a in c.children if a.dep_ == "agent"
                             for g in a.children if g.dep_ == "pobj"), None)
            if subj is not None:
                found = actor_of_phrase(subj, index)
                if found is not None:
                    return found
        if c.dep_ == "dobj":
            found = actor_of_phrase(c, index)
            if found is not None:
                return found
    for t in content:
        if t.i not in not_about and index[t.i] is not None:
            return index[t.i]
    return None


# ------------------------------------------------------------------ filtering

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


def _asks_another(verb) -> bool:
    """The verb's clause has a subject of its own ("wanted [Iran] to cut", "wants
    [Congress] to act"): someone else is to do it."""
    clause = child(verb, "ccomp", "xcomp")
    return clause is not None and child(clause, "nsubj") is not None


def _speech_noun(noun) -> bool:
    """A singular "talk" that is a speech ("in a talk with students") or speech about
    something ("talk of an invasion"); bare "for talk on the missiles" stays talks."""
    return noun.tag_ == "NN" and any(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or (c.dep_ == "prep" and c.lower_ == "of")
        for c in noun.children)


def _in_words(verb, words) -> bool:
    """An attack made with words: no armed force or arm in the subject ("missiles tore
    into", "troops hit out at"), no place as the object ("tore into a building", "rounded
    on the positions") and no "with" instrument ("hit out at them with mortars")."""
    subject = child(verb, "nsubj", "nsubjpass")
    if subject is not None and any(lemma(t) in words.military_nouns or t.lower_ in words.military_nouns
                                   or lemma(t) in words.missile_nouns for t in subject.subtree):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"] + \
        [g for c in verb.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
    if any(lemma(o) in words.place_head_nouns or lemma(o) in words.military_nouns for o in objects):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


def _turns_down_a_proposal(verb, words) -> bool:
    """The verb's object, or the object of its preposition, names something proposed,
    demanded or offered ("brushed aside [calls] to resign", "poured cold water on [the
    plan]"): a brush-off verb is then a rejection."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + \
        [g for c in verb.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
    return any(lemma(o) in words.proposed_things or o.lower_ in words.proposed_things for o in objects)


def _moves_forces(tok, words) -> bool:
    """The verb's object -- or, for a verb of moving oneself, its subject -- names
    armed forces or their arms ("sent a squadron of F-22 fighters", "the aircraft carrier
    arrived in the Caribbean"), within a few words of the phrase's head."""
    phrase = child(tok, "dobj", "nsubjpass")
    if lemma(tok) in words.self_moving_verbs:
        phrase = child(tok, "nsubj")  # "the carrier arrived", "a warship entered the bay"
    return phrase is not None and any(lemma(t) in words.military_nouns or t.lower_ in words.military_nouns
                                      for t in phrase.subtree if abs(t.i - phrase.i) <= 6)


def _orders_an_act_of(verb, by_head, types) -> bool:
    """The order's infinitive is an act of one of ``types`` ("ordered the army to attack")."""
    act = child(verb, "xcomp")
    return act is not None and act.i in by_head and by_head[act.i].type in types


def _test_launch(verb, words) -> bool:
    """A missile fired or launched whose only destination is the sea, a coast or orbit
    ("fired a ballistic missile into the sea", "launched two missiles off its east
    coast"): nothing was hit, it is a weapons test. Fired at, on or into anything else,
    or with no destination named, it stays an attack."""
    if lemma(verb) not in words.launch_verbs:
        return False
    obj = child(verb, "dobj", "nsubjpass")
    if obj is None or lemma(obj) not in words.missile_nouns and obj.lower_ not in words.missile_nouns:
        return False
    places = [child(p, "pobj") for p in verb.children if p.dep_ == "prep"]
    places = [p for p in places if p is not None and p.ent_type_ not in ("DATE", "TIME")]
    return bool(places) and all(lemma(p) in words.test_destinations or p.lower_ in words.test_destinations
                                for p in places)


def _shows_force(c: "Candidate", words) -> bool:
    """The act is done "in a show of force" / "as a demonstration of strength" (said of
    the trigger or of the verb that carries an event noun: "made a visit in a show of ...")."""
    carrier = c.head.head if not c.is_verb and c.head.dep_ in ("dobj", "nsubjpass") else None
    for tok in (c.head, c.light, carrier):
        if tok is None:
            continue
        for prep in tok.children:
            noun = child(prep, "pobj") if prep.dep_ == "prep" else None
            if noun is None or lemma(noun) not in words.display_nouns:
                continue
            of = next((ch for ch in noun.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
            what = child(of, "pobj") if of is not None else None
            if what is not None and lemma(what) in words.force_nouns:
                return True
    return False


def _ordered_concession(verb, by_head) -> Optional["Candidate"]:
    """The that-clause of an order with no addressee is a concession or retreat
    ("ordered that the prisoners be freed", "ordered that sanctions be lifted")."""
    clause = child(verb, "ccomp")
    act = by_head.get(clause.i) if clause is not None else None
    return act if act is not None and act.type in ("CONCEDE", "RETREAT") else None


def _label_of_another(c: "Candidate", by_head, words) -> bool:
    """The event noun is the label a verb gives its object ("condemned [the operation]
    as [an attack on sovereignty]", "denounced the seizure as piracy"): the object is
    what was done, the label is how the speaker calls it."""
    tok = c.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in words.label_preps:
        return False
    holder = prep.head
    # the parser hangs "as" on the verb or on its object
    obj = holder if holder.dep_ == "dobj" else child(holder, "dobj")
    if obj is None or obj.i == tok.i:
        return False
    verb = obj.head  # a verb that judges: a reproach or praise found, or a verb of naming
    return verb.i in by_head or lemma(verb) in words.evaluating_verbs


def _endangers_a_good(verb, lex, index) -> bool:
    """"the offensive threatened European security": "threaten" with a common good as its
    object and no party as its subject, nor a "with" instrument, says something is in
    danger; "the US threatened Iran's economy with sanctions" stays a threat."""
    if lemma(verb) != "threaten":
        return False
    obj = child(verb, "dobj")
    if obj is None or lemma(obj) not in lex.words.endangered_goods:
        return False
    if any(ch.dep_ == "prep" and ch.lower_ == "with" for ch in verb.children):
        return False
    subj = child(verb, "nsubj")
    if subj is None:
        return True
    party = actor_of_phrase(subj, index)
    # "the Bolivian advance": a development, not a party, whoever made it (the actor found
    # is only a modifier of the subject's head)
    return party is None or not (party.span[0] <= subj.idx < party.span[1])


def _freed_by_force(verb, by_head) -> bool:
    """A release conjoined with an attack by the same doer ("gunmen stormed the prison and
    freed dozens of inmates", "raided the camp, freeing hostages"): freed by force, which
    PLOVER does not code as a concession (only the attack is an event)."""
    if not (verb.pos_ == "VERB" or (verb.tag_ or "").startswith("VB")):
        return False
    linked = [verb.head] if verb.dep_ in ("conj", "advcl") else []
    linked += [ch for ch in verb.children if ch.dep_ == "conj"]
    return any(by_head.get(t.i) is not None and by_head[t.i].type == "ASSAULT" for t in linked)


def _denies_something(tok, by_head, words) -> bool:
    """"denied entry / the request" is a REJECT; "denied the claims / the attack" is not."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return False
    obj = child(tok, "dobj", "dative")
    return obj is not None and obj.pos_ != "PRON" and lemma(obj) not in words.claim_nouns \
        and obj.i not in by_head  # "denies this" denies a claim


def _repudiates_an_act(tok, by_head, words) -> bool:
    """A verb of repudiation ("disavow", "repudiate", "disown": the ``denial`` flag of
    triggers.tsv) whose object is an act or a claim, or a that-clause, denies having done
    it (docs/annotation.md 6: coded on the denied act, not as an event); one whose object
    is a party or its stance ("disavowed the group") rejects that party."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return True
    obj = child(tok, "dobj")
    return obj is not None and (obj.i in by_head or lemma(obj) in words.claim_nouns)


def _asks_for_an_act(verb) -> bool:
    """A verb of pressure (the ``asks`` flag) names the act it presses for: a clause
    ("pressed Seoul to act", "begged that the talks resume") or a "for" phrase ("lobbied
    the council for a ban")."""
    return any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for" and child(c, "pobj"))
               or (c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))
               for c in verb.children)  # the parser often hangs "to release" as an advcl


def idiom_action(c: Candidate, lex) -> Optional[tuple[Optional[str]]]:
    """``(None,)`` when the trigger is used in an idiom that is no event, ``(TYPE,)`` when
    the idiom is an event of another type, None when no idiom applies."""
    rules = lex.idioms.get(lemma(c.head)) or lex.idioms.get(c.head.lower_)
    if not rules:
        return None
    for rule in rules:
        for tok in _related(c.head, rule.relation):
            if lemma(tok) in rule.words or tok.lower_ in rule.words:
                return (rule.action,)
    return None


def _related(head, relation: str) -> list:
    """The tokens standing in ``relation`` (idioms.tsv) to a trigger head."""
    kids = list(head.children)
    if relation == "subj":
        out = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        return out + [c.head for c in out if c.tag_ in ("WDT", "WP")] + (
            [head.head] if head.dep_ in ("relcl", "acl") else [])
    if relation == "head":
        return [head.head] if head.head.i != head.i else []
    if relation == "obj":
        out = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "attr")]
        if head.dep_ == "acl" and head.tag_ == "VBN":
            out.append(head.head)  # "a statement released by his office"
        out += [g for c in kids if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return out or _relative_object(head)
    if relation == "prt":
        out = [c for c in kids if c.dep_ in ("prt", "advmod")]
        nxt = head.nbor(1) if head.i + 1 < len(head.doc) else None
        return out + ([nxt] if nxt is not None else [])
    if relation == "prep":
        return [g for c in kids if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    if relation == "comp":
        return [c for c in kids if c.dep_ in ("acomp", "oprd", "advmod", "xcomp", "attr")]
    if relation == "mod":
        return [c for c in kids if c.dep_ in ("amod", "compound", "advmod")]
    return []


def _relative_object(verb) -> list:
    """"a condition he was not prepared to meet": the noun a relative clause modifies is
    the object of its verb, up through "prepared to", "wants to"."""
    t = verb
    for _ in range(3):
        if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN"):
            return [t.head]
        if t.dep_ not in ("xcomp", "acomp"):
            return []
        t = t.head
    return []


def _is_question(tok, words) -> bool:
    """"asked whether ...", "asks what the virtue is": a question, not a request."""
    for c in tok.children:
        if c.dep_ == "ccomp":
            first = c.left_edge
            if first.lower_ in words.question_words or first.tag_ in ("WDT", "WP", "WRB"):
                return True
    return False


def _warns_of_a_fact(tok, words) -> bool:
    """"warned that X was doing ...": the warning states a fact, it threatens nothing
    (a threat says what will happen: "warned that it would strike")."""
    if lemma(tok) != "warn":
        return False
    clause = child(tok, "ccomp")
    if clause is None:
        return False
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if auxes & (words.future_aux | words.possibility_modals):
        return False
    return not any(c.dep_ in ("advcl",) and any(m.lower_ in ("if", "unless") for m in c.children)
                   for c in clause.children)


def _bare_warning(tok, words) -> bool:
    """"warned Madrid", "warned Ankara against meddling", "warned about Iran's intentions":
    a warning with no clause saying what will happen, so no consequence is stated (a
    threat says it: "warned that it would strike", "warned of retaliation", "warned them
    not to cross the line")."""
    if lemma(tok) != "warn":
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "advcl", "dative") for c in tok.children):
        return False
    obj = child(tok, "dobj")
    if obj is not None and any(lemma(t) in words.military_nouns for t in obj.subtree):
        return False  # "warned the warplane ten times": a warning to armed forces carries force
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _names_a_penalty(verb, lex) -> bool:
    """"warned that Maduro's days were numbered", "warned of consequences": the warning
    names the harm to come (the ``threat`` row of ``evaluations.tsv``), so it is a threat
    (docs/annotation.md 10), whatever the tense of its clause."""
    threat_words = lex.evaluations.get("threat", frozenset())
    return any(lemma(t) in threat_words or t.lower_ in threat_words
               for ch in verb.children if ch.dep_ in ("ccomp", "prep", "dobj")
               for t in ch.subtree)


def _states_a_stance(verb) -> bool:
    """A stance verb in the present, the present perfect, "is opposed to", or as a
    participle modifying a noun: a position held, not an act of the day."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ in ("VBZ", "VBP") or (verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG")):
        return True
    return verb.tag_ == "VBN" and bool(auxes & {"has", "have", "is", "are"})


def _generic_subject(tok, words) -> bool:
    subj = child(tok, "nsubj")
    if subj is not None and subj.tag_ in ("WP", "WDT") and tok.dep_ == "relcl":
        subj = tok.head
    if subj is None:
        return False
    if subj.pos_ == "PRON" and tok.dep_ == "ccomp" and tok.head.i != tok.i:
        # "two-thirds say [they agree]": the pronoun stands for the share that says it
        outer = child(tok.head, "nsubj")
        return subj.lower_ in words.generic_subjects or (outer is not None and _public_share(outer, words))
    return subj.lower_ in words.generic_subjects or _public_share(subj, words)


def _act_as_subject(tok) -> bool:
    """A gerund clause without a subject of its own as the subject of a sentence
    ("Attacking civilians is a war crime", "Negotiating with them would be a mistake"):
    the sentence says something about a kind of act, nobody does one."""
    return tok.tag_ == "VBG" and tok.dep_ in ("csubj", "csubjpass") \
        and not any(ch.dep_ in ("nsubj", "nsubjpass", "poss") for ch in tok.children)


def _public_share(subj, words) -> bool:
    """"more than two-thirds", "60 percent", "a majority": a share of a polled public,
    not an actor."""
    return subj.ent_type_ == "PERCENT" or subj.lower_ in words.share_words or \
        any(part in words.share_words for part in subj.lower_.split("-"))


def _outcome_clause(c: "Candidate", by_head, words) -> bool:
    """A casualty participle clause (", killing 11 people") in a sentence that reports
    another violent act: the deaths are that act's outcome, wherever the parser hangs
    the clause (docs/annotation.md 2)."""
    tok = c.head
    if c.type != "ASSAULT" or not c.is_verb or tok.tag_ != "VBG" or lemma(tok) not in words.casualty_verbs \
            or tok.dep_ not in ("advcl", "xcomp", "conj", "acl") or tok.i == 0 or tok.nbor(-1).text != ",":
        return False
    return any(o is not c and o.type == "ASSAULT" and o.head.i < tok.i for o in by_head.values())


def _describes_an_act_noun(tok, by_head) -> bool:
    """A bare participle modifying an event noun that is itself a candidate ("sanctions
    targeting Turkey", "strikes aimed at the port"): it says what that act does or whom
    it hits, it is no second act. A participle with its own subject, auxiliary or mark
    is a clause the parser hung on the noun ("claims that it had struck ..."): kept."""
    if tok.dep_ != "acl" or tok.tag_ not in ("VBG", "VBN"):
        return False
    if any(ch.dep_ in ("det", "aux", "auxpass", "nsubj", "nsubjpass", "mark") for ch in tok.children):
        return False  # a clause of its own ("claims that it had struck ..."), or a gerund noun
    noun = by_head.get(tok.head.i)
    return noun is not None and not noun.is_verb


def _justifies_another(c: "Candidate", by_head) -> bool:
    """An accusing participle after a comma that hangs from an earlier act of the
    sentence and accuses that act's party again by a pronoun ("seized the tanker,
    accusing it of smuggling"; "blamed the crisis on the West, accusing it of ..."): the
    reason given with that act is part of it (docs/annotation.md 10)."""
    tok = c.head
    if c.type != "ACCUSE" or not c.is_verb or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "xcomp", "conj") \
            or tok.i == 0 or tok.nbor(-1).text != ",":
        return False
    accused = child(tok, "dobj")
    if accused is None or accused.pos_ != "PRON":
        return False  # "designated the cartel, accusing President X of ...": another party, another act
    act = by_head.get(tok.head.i)
    return act is not None and act is not c and tok.head.i < tok.i


def _topic_of_a_noun(tok, words) -> bool:
    """The event word is the object of a preposition after a noun of possibility,
    purpose or discussion ("the risk of clashes", "the basis for the deployment") or
    after a verb of hoping ("hoping for relief from sanctions": through a chain of
    prepositional phrases), or the subject of the clause of such a noun ("the hope that
    cooperation might lead to talks"): a wish or a topic, not an act."""
    if tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN") and lemma(tok.head) in words.discussion_verbs:
        return True  # "discussed a possible meeting", "debated sanctions"
    for _ in range(3):
        if tok.dep_ == "nsubj" and tok.head.dep_ in ("acl", "ccomp") \
                and tok.head.head.pos_ in ("NOUN", "PROPN") and lemma(tok.head.head) in words.topic_nouns:
            return True
        if tok.dep_ not in ("pobj", "pcomp") or tok.head.dep_ != "prep":
            return False
        holder = tok.head.head
        if holder.pos_ in ("NOUN", "PROPN") and lemma(holder) in words.topic_nouns:
            return True
        if holder.pos_ == "VERB" and (lemma(holder) in words.wish_verbs or holder.lower_ in words.wish_verbs):
            return True
        if holder.pos_ not in ("NOUN", "PROPN"):
            return False
        tok = holder
    return False


def _describes_a_position(tok) -> bool:
    """A passive participle that says where forces are: a reduced relative ("troops
    stationed near the border") or a where-clause ("bases where troops are stationed").
    A clause with its own subject or auxiliary ("reports that it had sent troops") is a
    full clause that tells of an act, not a reduced relative."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        return not any(ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for ch in tok.children)
    return tok.dep_ == "relcl" and any(ch.dep_ == "auxpass" for ch in tok.children) \
        and any(ch.dep_ == "advmod" and ch.tag_ == "WRB" for ch in tok.children)


def _infinitive_of_noun(tok, by_head, words) -> bool:
    """An infinitive that completes a noun names a goal, a right or a capacity ("an
    attempt to reach a deal", "no reason to accede to", "the authority to order"), not
    an act -- unless the noun is itself an event (its content is read there) or a
    decision that carries the act ("the decision to impose sanctions")."""
    if tok.dep_ not in ("acl", "relcl") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if not _infinitive(tok, words):
        return False
    noun = tok.head
    return noun.i not in by_head and lemma(noun) not in words.decision_nouns


def _issues_a_document(tok, words) -> bool:
    """"signed an order", "released a statement": the verb only issues a document."""
    obj = child(tok, "dobj")
    return obj is not None and lemma(obj) in words.carrier_documents


def filter_candidates(cands: list[Candidate], sent, index, lex, role_nouns=frozenset(),
                      readings: Optional[list] = None, agents=None) -> list[Candidate]:
    # an actor mention, or a noun naming a party by its role ("protesters", "troops")
    has_actor = any(index[i] is not None for i in range(sent.start, sent.end))
    if not has_actor and role_nouns and any("actor" in c.flags for c in cands):
        has_actor = any(t.pos_ == "NOUN" and lemma(t) in role_nouns for t in sent)
    by_head = {c.head.i: c for c in cands}
    out = [c for c in cands if _keep(c, has_actor, index, lex, by_head)]
    menaces = [c.head for c in out if c.type == "THREATEN" and c.is_verb
               and _menace_of_a_thing(c.head, index, role_nouns, agents, lex)]
    # what a thing "threatens to" do is a risk, no act of anyone ("threatens to sink relations")
    risked = {t.i for v in menaces for t in v.subtree if t.i != v.i and t.head.i == v.i and t.dep_ == "xcomp"
              for t in t.subtree}
    out = [c for c in out if c.head not in menaces and c.head.i not in risked]
    out = _readings_kept(out, index, readings)  # states, evaluations, tallies
    for c in out:
        order_to_leave(c)  # "ordered the diplomats to leave": an expulsion
    by_head = {c.head.i: c for c in out}
    for c in out:
        _attach_light_verb(c, lex, by_head)
    _halted_own_acts(out, lex, index, role_nouns)
    return [c for c in out if not c.drop]


def _readings_kept(cands: list[Candidate], index, readings: Optional[list]) -> list[Candidate]:
    """The candidates with an eventive reading (``event_readings``); each one dropped is
    appended to ``readings`` as (candidate, reason) when a list is given."""
    kept = []
    for c in cands:
        reason = non_eventive_reason(c, index)
        if not reason:
            kept.append(c)
        elif readings is not None:
            readings.append((c, reason))
    return kept


def _keep(c: Candidate, has_actor: bool, index, lex, by_head) -> bool:
    """Lexicon flags, idioms and the special readings of a few verbs; may retype ``c``."""
    words = lex.words
    flags = c.flags
    if "actor" in flags and not has_actor:
        return False
    obj = child(c.head, "dobj") if c.is_verb else None
    if "target" in flags and not _has_target(c.head):
        return False
    if "complement" in flags and not _has_complement(c.head):
        return False
    if "object" in flags and obj is None and not _asks_another(c.head):
        return False  # "wants to run again": no one is asked anything
    if "military" in flags and not _moves_forces(c.head, words):
        return False  # "sent a letter", "moved the meeting": no forces moved
    if "proposal" in flags and not _turns_down_a_proposal(c.head, words):
        return False  # "brushed dust off his coat": nothing proposed is turned down
    if "verbal" in flags and not _in_words(c.head, words):
        return False  # "missiles tore into a building": violence, not criticism
    if "intransitive" in flags and obj is not None:
        return False  # "rallied allies", "demonstrated its resolve"
    if obj is not None and obj.lower_ in words.nil_objects:
        return False  # "offered little in the way of detail", "promised nothing": no act
    if not c.is_verb and "option" not in flags and any(
            ch.dep_ == "det" and ch.lower_ in words.generic_determiners for ch in c.head.children):
        return False  # "any attack would ...": a class of acts, not one ("every option is on
        # the table" is one threat: the ``option`` flag of ``open_options``)
    if not c.is_verb and lemma(c.head) in words.plural_only_nouns and _speech_noun(c.head):
        return False  # "in a talk with students", "talk of an invasion": speech, not talks
    if not c.is_verb and c.head.tag_ in ("NNP", "NNPS") and c.head.is_title and not c.head.is_sent_start:
        return False  # a word of a name the tagger saw ("Israel Flying Aid"); in all-caps
        # text every word looks like a name, so only title-case words count
    if c.is_verb and _generic_subject(c.head, words):
        return False  # "those who order the use of ...": whoever, not someone
    if c.is_verb and _act_as_subject(c.head):
        return False  # "Killing a foreign leader is a covert operation": a kind of act
    if c.is_verb and c.head.dep_ == "acl" and c.head.tag_ == "VBG" and c.type in lex.types_of("standing"):
        return False  # "Russian forces backing the regime": an alliance, not an act
    if c.is_verb and c.type in lex.types_of("positioned") and _describes_a_position(c.head):
        return False  # "bases where US troops are stationed": where forces are, not an act
    if c.is_verb and lemma(c.head) in words.stance_verbs and _states_a_stance(c.head):
        return False  # "opposes the deal", "has backed Guaidó", "Maduro, backed by Russia"
    if c.is_verb and _describes_an_act_noun(c.head, by_head):
        return False  # "new sanctions targeting Turkey": the participle tells the noun's act
    if _justifies_another(c, by_head):
        return False  # "shot down the drone, accusing it of ...": the act's justification
    if _topic_of_a_noun(c.head, words):
        return False  # "the risk of clashes", "the idea of negotiating": a topic
    if c.is_verb and _infinitive_of_noun(c.head, by_head, words):
        return False  # "an attempt to reach a deal", "the right to seek asylum": a goal
    if c.is_verb and c.head.dep_ == "acl" and c.head.tag_ == "VBN" and lemma(c.head) == "call":
        return False  # "an initiative called 'X'": a name
    idiom = idiom_action(c, lex)
    if idiom is not None:
        if idiom[0] is None:
            return False
        c.type, c.mode = idiom[0], None
    if c.is_verb and lemma(c.head) in words.issuing_verbs and _issues_a_document(c.head, words):
        return False  # "signed an order imposing ...": the order's act is the event
    if c.type == "AGREE" and c.is_verb and _promises_a_penalty(c.head, lex, list(by_head.values())):
        c.type, c.mode = "THREATEN", None  # "promised a significant response if ...": a threat
        punished = _penalised_party(c.head, lex, list(by_head.values()))
        if punished and c.preset_target is None:
            c.preset_target = actor_of_phrase(punished, index)  # the threatened: who is to pay
    if c.type == "REQUEST" and _is_question(c.head, words):
        return False
    if c.type == "THREATEN" and c.is_verb and (_warns_of_a_fact(c.head, words) or _bare_warning(c.head, words)) \
            and not _names_a_penalty(c.head, lex):
        # "warned that the protesters were ...", "warned Ankara against ...": a reproach
        # that states no consequence (docs/annotation.md 10)
        c.type, c.mode = "ACCUSE", "disapprove"
    if obj is not None and lemma(obj) in words.non_event_objects and c.type in ("AGREE", "AID", "SUPPORT"):
        return False  # "offered no evidence", "gave details"
    if c.type == "REQUEST" and lemma(c.head) == "order" and obj is not None and \
            any(lemma(t) in words.military_nouns for t in obj.subtree):
        if _orders_an_act_of(c.head, by_head, (lex.types_of("conflict") | lex.types_of("self-moving")) - {"MOBILIZE"}):
            return False  # "ordered the military to kill everyone", "ordered troops to pull back": that is the act
        c.type, c.mode, c.flags = "MOBILIZE", "troops", frozenset({"govern"})  # "ordered the carrier group to move"
    if c.type == "REQUEST" and lemma(c.head) == "order" and obj is None:
        eased = _ordered_concession(c.head, by_head)
        if eased is not None:
            # "ordered that sanctions be lifted": an order to one's own administration to
            # ease is the easing itself, as an order to withdraw is the withdrawal
            c.type, c.mode, c.flags = eased.type, eased.mode, frozenset({"govern"})
    if c.type == "ASSAULT" and c.is_verb and _test_launch(c.head, words):
        c.type, c.mode = "MOBILIZE", "weapons"  # "fired a missile into the sea": a test (3.14)
    if c.type in ("CONSULT", "COOPERATE", "AGREE") and _shows_force(c, words):
        c.type, c.mode = "MOBILIZE", "troops"  # "a port visit in a show of force" (docs/annotation.md 10)
    if not c.is_verb and _label_of_another(c, by_head, words):
        return False  # "condemned the operation as an attack on ...": a label, no second act
    if c.type == "ASSAULT" and c.head.dep_ == "advcl" and c.head.tag_ == "VBG" and \
            by_head.get(c.head.head.i) is not None and by_head[c.head.head.i].type == "ASSAULT":
        return False  # "struck a boat, killing 11": the killing is the strike's outcome
    if _outcome_clause(c, by_head, words):
        return False  # "carried out 20 strikes ..., killing 80 people": the strikes' outcome
    if lemma(c.head) == "defend" and (obj is None or actor_of_phrase(obj, index) is None
                                      or obj.lower_ in words.reflexive_pronouns):
        return False  # verbal support of an actor only, not "would defend itself"
    if c.type == "THREATEN" and c.is_verb and _endangers_a_good(c.head, lex, index):
        return False  # "the advance threatened regional security": a danger, nobody threatens
    if c.type == "CONCEDE" and c.mode == "release" and _freed_by_force(c.head, by_head):
        return False  # "stormed the prison and freed the inmates": part of the attack, no concession
    if c.type == "REJECT" and lemma(c.head) == "deny" and not _denies_something(c.head, by_head, words):
        return False  # "denied that ...", "denied the attack": a denial, read by certainty
    if "denial" in flags and _repudiates_an_act(c.head, by_head, words):
        return False  # "disavowed the bombing": a denial of the act, not a REJECT
    if "asks" in flags and not _asks_for_an_act(c.head):
        return False  # "reporters pressed the minister on the issue": questions, no demand
    if c.type == "THREATEN" and not c.is_verb and _names_a_danger(c.head, words, lex.light_verbs, index):
        return False  # "the cartel is a threat to the republic", "threats to its sailors": a danger
    if c.type == "REQUEST" and c.is_verb and lemma(c.head) == "ask" and _inquires(c.head, words, index):
        return False  # "asked the envoy about the shipment", "asked not to be named": no demand
    if c.type == "AGREE" and c.is_verb and lemma(c.head) == "agree" and _concurs(c.head, words, index, lex):
        return False  # "the senator agreed, saying ...": agreeing with a view, no accord
    if c.type == "CONCEDE" and c.is_verb and _admits(c.head, words):
        return False  # "officials conceded that the town had fallen": an admission, a saying
    if c.type == "COERCE" and lemma(c.head) in words.interception_words and _intercepts_no_seizure(c.head, words):
        return False  # "intercepted communications", "rockets were intercepted": no seizure
    if not c.is_verb and lemma(c.head) in words.procedure_nouns and not _inquiry_into(c.head, words):
        return False  # "said at a hearing last week": the venue of a statement, no inquiry
    if c.is_verb and (_sense_without_an_act(c, words) or _entrusted_duty(c, lex)):
        return False  # "executed the plan", "accepted the Nobel Peace Prize": another sense
    return True


def _intercepts_no_seizure(tok, words) -> bool:
    """What the interception catches is a communication ("intercepted phone calls",
    "intercepted regime communications", "communications were intercepted") or a
    projectile in flight ("13 rockets were intercepted", "the interception of the
    missile"): surveillance, or air defence against an attack coded on its own -- no
    seizure (COERCE). A shipment, a vessel or people intercepted stay, and so does a
    projectile whose firer the sentence names ("rockets fired from the strip by the
    militia"): the interception is then the only trace of that attack."""
    caught = _undergoers(tok)
    if any(lemma(t) in words.communication_nouns or t.lower_ in words.communication_nouns for t in caught):
        return True
    projectiles = [t for t in caught if lemma(t) in words.missile_nouns or t.lower_ in words.missile_nouns]
    return bool(projectiles) and not any(_fired_by_someone(t) for t in projectiles)


def _fired_by_someone(projectile) -> bool:
    """The projectile is described as fired or launched by a named doer ("missiles launched
    by the militia toward the capital"): a participle with a "by" agent."""
    return _firing_of(projectile) is not None


def _firing_of(projectile, words=None):
    """The participle of firing with a "by" agent that describes the projectile ("launched
    by the militia"; through a conjunct: "made in Iran and fired by the militia"), or None.
    Without ``words`` any participle with an agent counts (who supplied or made it too)."""
    for ch in projectile.children:
        if ch.dep_ not in ("acl", "relcl"):
            continue
        for verb in [ch] + [g for g in ch.children if g.dep_ == "conj"]:
            if any(gc.dep_ == "agent" for gc in verb.children) and (
                    words is None or lemma(verb) in words.firing_verbs):
                return verb
    return None


def intercepted_firing(c: Candidate, words):
    """An interception of a projectile whose firer the sentence names ("intercepted 20
    rockets fired by the militia", "the interception of missiles launched by the rebels"):
    the firing participle, else None. What the sentence reports is the firer's attack,
    which the defender stopped -- ASSAULT by the firer on the defender's side, not a
    seizure by the defender (PLOVER: a failed attack is ASSAULT)."""
    if c.type != "COERCE" or lemma(c.head) not in words.interception_words:
        return None
    for caught in _undergoers(c.head):
        if lemma(caught) in words.missile_nouns or caught.lower_ in words.missile_nouns:
            firing = _firing_of(caught, words)
            if firing is not None:
                return firing
    return None


def _undergoers(tok) -> list:
    """The words naming what the act is done to: the object or passive subject of a verb,
    the noun a participle describes ("intercepted communications", "calls intercepted by
    ...", "rockets, which were intercepted"; through coordination: "written ... and executed"),
    and a noun's "of" phrase or compound ("the interception of the missile")."""
    caught = [ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")]
    described = tok
    while described.dep_ == "conj" and described.head is not described:
        described = described.head
    if described.dep_ in ("amod", "acl", "relcl"):
        caught.append(described.head)
    if described is not tok and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children):
        # "the orders were drafted ... and executed": the conjuncts share the passive subject
        caught += [ch for ch in described.children if ch.dep_ == "nsubjpass"]
    if tok.pos_ == "NOUN":
        caught += [gc for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "of"
                   for gc in ch.children if gc.dep_ == "pobj"]
        caught += [ch for ch in tok.children if ch.dep_ == "compound"]
    return caught


def _inquiry_into(noun, words) -> bool:
    """The procedure goes "into" something, on the noun or on the verb that holds it
    ("opened a hearing on Monday into the killings"): an investigation."""
    holders = [noun] + ([noun.head] if noun.dep_ in ("dobj", "nsubjpass", "nsubj") else [])
    return any(ch.dep_ == "prep" and ch.lower_ in words.inquiry_into_preps for h in holders for ch in h.children)


def _sense_without_an_act(c: Candidate, words) -> bool:
    """A verb whose PLOVER sense hangs on its object is used in another sense: "execute" a
    plan, an order or a direction carries it out (the killing sense takes people: "executed
    two prisoners"), "accept" a prize, an award or money receives it (the agreeing sense
    takes a proposal, an offer, an invitation)."""
    verb = lemma(c.head)
    if c.type == "ASSAULT" and verb in words.execution_verbs:
        things = words.carried_out_things
    elif c.type == "AGREE" and verb in words.acceptance_verbs:
        things = words.received_things
    else:
        return False
    return any(lemma(t) in things or t.lower_ in things for t in _undergoers(c.head))


def _entrusted_duty(c: Candidate, lex) -> bool:
    """"charge" in its entrusting sense: what the with-phrase names is a duty, not a crime.
    Criminal charges name a crime noun ("charged with treason", "with murder") or a gerund
    that is itself an act of conflict ("charged with attacking", "with hacking") or a
    wrong (``crime_gerunds``: "with spying", "with plotting"); any other gerund ("charged
    with maintaining the ceasefire", "with auditing the budget") and a noun of duty
    ("charged with the task of") give a task (WordNet charge.v.06)."""
    words = lex.words
    if c.type != "COERCE" or lemma(c.head) not in words.entrusting_verbs:
        return False
    named = [g for p in c.head.children if p.dep_ == "prep" and p.lower_ == "with"
             for g in p.children if g.dep_ in ("pobj", "pcomp")]
    if not named:
        return False  # "charged three men over the attack": the act answered is named
    conflict = lex.types_of("conflict")
    for thing in named:
        if thing.tag_ == "VBG" or thing.dep_ == "pcomp" or thing.lower_.endswith("ing"):
            # (a gerund the tagger took for a noun, "with auditing", has its -ing lemma)
            if any(stem in words.crime_gerunds or any(t.type in conflict for t in lex.lookup(stem, True))
                   for stem in _verb_stems(thing)):
                return False
        elif lemma(thing) not in words.duty_nouns:
            return False  # a crime noun
    return True


def _verb_stems(gerund) -> set[str]:
    """The verb a gerund may come from: its lemma, and for a gerund tagged as a noun the
    word without -ing ("auditing" audit, "plotting" plot, "rewriting" rewrite)."""
    word = gerund.lower_
    stems = {lemma(gerund)}
    if word.endswith("ing") and len(word) > 5:
        base = word[:-3]
        stems |= {base, base + "e", base[:-1] if base[-1:] == base[-2:-1] else base}
    return stems


def _menace_of_a_thing(verb, index, role_nouns, agents, lex) -> bool:
    """"threaten" whose doer is a thing, not a party: "a feud over water rights
    threatened to wreck the summit", "remarks that threatened to sour the visit", "the
    coastal towns are threatened by rising floods" -- the
    risk sense (WordNet threaten.v.02/03), nobody holds out an act. The doer is the subject
    (through a relative pronoun, its antecedent) or the by-agent of a passive; it is a
    party when it is a pronoun, a name, an actor mention, or a noun naming a party by its
    role ("the militia", "protesters"); an act noun ("the strike threatens ...") is left
    to the other rules."""
    if lemma(verb) not in lex.words.danger_verbs:
        return False
    doer = child(verb, "nsubj")
    if doer is not None and doer.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        doer = verb.head  # "comments that threatened": the antecedent
    if doer is None:
        agent = child(verb, "agent")
        doer = child(agent, "pobj") if agent is not None else None
    if doer is None or doer.pos_ not in ("NOUN",) or doer.ent_type_:
        return False
    party = actor_of_phrase(doer, index)
    if party is not None and party.span[0] <= doer.idx < party.span[1]:
        return False
    words = [doer] + [ch for ch in doer.children if ch.dep_ in ("compound", "amod", "nmod")]
    # "hardliners in parliament", "members of the ruling party": people of a body
    words += [g for ch in doer.children if ch.dep_ == "prep" and ch.lower_ in lex.words.membership_preps
              for g in ch.children if g.dep_ == "pobj"]
    if any(index[w.i] is not None for w in words[1:]):
        return False
    return not any(_names_a_party(w, role_nouns, agents, lex.words) for w in words)


def _names_a_party(tok, role_nouns, agents, words) -> bool:
    """A noun naming people or a body: a role noun of the actor KB, a Phoenix agent
    ("kidnapper", "junta", "rebel"), a noun of people or groups it lacks ("inhabitants",
    "faction"), a kin noun, armed forces."""
    key = lemma(tok)
    return key in role_nouns or tok.lower_ in role_nouns or key in words.kin_nouns or key in words.people_nouns \
        or key in words.military_nouns or (agents is not None and agents.get([key]) is not None)


def _names_a_danger(noun, words, light_verbs=frozenset(), index=None) -> bool:
    """A noun of threat in its sense "source of danger" (WordNet threat.n.01): a predicate
    ("the cartel is a threat", "sees the militia as a menace", "called it a threat") or with a "to"
    phrase naming what is endangered ("threats to its border posts", "a threat to the
    republic"). A threat *made* names the act held out ("a threat to strike": an
    infinitive, not a "to" phrase; "threats of sanctions"; "threats against X")."""
    if lemma(noun) not in words.danger_nouns:
        return False
    if noun.dep_ in ("attr", "oprd", "appos") or (noun.dep_ == "pobj" and noun.head.lower_ in words.label_preps):
        return True
    if _made_by_someone(noun, light_verbs, index):
        return False  # "issued a threat to Iran", "Kim's threat to Guam": the "to" phrase is its addressee
    return any(ch.dep_ == "prep" and ch.lower_ in words.infinitive_markers and child(ch, "pobj") is not None
               for ch in noun.children)


def _made_by_someone(noun, light_verbs, index) -> bool:
    """The threat noun has a doer: it is the object of a light verb ("issued / made a
    threat"), or a possessor, a by-phrase or a party as modifier names who made it
    ("Kim's threat", "a threat by the cartel", "North Korean threats")."""
    if noun.dep_ == "dobj" and lemma(noun.head) in light_verbs:
        return True
    for ch in noun.children:
        if ch.dep_ == "poss":
            return True
        if ch.dep_ in ("amod", "compound") and index is not None and index[ch.i] is not None:
            return True
        if ch.dep_ in ("prep", "agent") and ch.lower_ == "by":
            return True
    return False


def _inquires(verb, words, index) -> bool:
    """"ask" that asks a question, not for an act: no clause or "for" phrase asked for, and
    an "about" phrase ("asked the envoy about the missing shipment"), or a question as
    object ("asked several pointed questions"); or a request not to be named ("an aide who
    asked not to be identified"). "About" an act to be done ("asked about sending more
    missiles") asks for it."""
    clause = child(verb, "xcomp")
    if clause is not None and lemma(clause) in words.naming_verbs and \
            any(ch.dep_ == "auxpass" for ch in clause.children):
        return True
    if _asks_for_an_act(verb):
        return False
    obj = child(verb, "dobj")
    # the parser hangs "about" on the verb or on its object ("asked the envoy about ...")
    about = [ch for holder in (verb, obj) if holder is not None for ch in holder.children
             if ch.dep_ == "prep" and ch.lower_ in words.inquiry_preps]
    if any(_about_an_act(p) for p in about):
        return False  # "asked Washington about sending more missiles": a request for it
    if about:
        return True
    return obj is not None and any(lemma(t) in words.inquiry_nouns for t in obj.subtree)


def _about_an_act(prep) -> bool:
    """An "about" phrase whose object is an act to be done, a gerund ("about sending
    more missiles"): asking about it asks for it."""
    return any(ch.dep_ in ("pcomp", "pobj") and ch.tag_ == "VBG" for ch in prep.children)


def _concurs(verb, words, index, lex) -> bool:
    """"agree" with nothing agreed to, that shares a view told before ("the senator from
    Ohio agreed, saying ...", "agreed with the committee's findings"): no object, clause,
    infinitive or "to"/"on" phrase and no party agreed with, and no proposal it accepts.
    An accord names what is agreed ("agreed to talks", "a truce could be agreed") or the
    party agreed with ("agreed with the watchdog on a timetable"); a bare "agreed" accepts
    a proposal, offer or demand told just before that was not addressed to someone else
    ("Washington proposed a ceasefire. Moscow agreed."), or is two parties' accord
    ("Israel and Hamas agreed"). Any other phrase but a date ("agreed in principle") keeps
    it."""
    viewed = False  # "agreed with the assessment": a view named
    for ch in verb.children:
        if ch.dep_ in ("dobj", "xcomp", "ccomp", "dative", "attr", "oprd", "nsubjpass"):
            return False  # "a ceasefire could be agreed": the accord is the subject
        if ch.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ in words.infinitive_markers for g in ch.children):
            return False
        if ch.dep_ == "prep":
            obj = child(ch, "pobj")
            if obj is not None and obj.ent_type_ in ("DATE", "TIME"):
                continue  # "agreed on Thursday": when, not what
            if ch.lower_ != "with" or obj is None:
                return False
            party = actor_of_phrase(obj, index)
            if party is not None and party.span[0] <= obj.idx < party.span[1]:
                return False  # "agreed with Iran": a party to an accord
            viewed = True
    if viewed:
        return True
    subj = child(verb, "nsubj")
    if subj is not None and (child(subj, "conj") is not None or subj.tag_ in ("NNS", "NNPS")):
        return False  # "Israel and Hamas agreed", "both sides agreed": an accord of parties
    return not _accepts_a_proposal(verb, subj, lex)


def _accepts_a_proposal(verb, subj, lex) -> bool:
    """A proposal, offer or demand (a REQUEST or AGREE trigger word) told before the bare
    "agree", in its sentence or the one before, and addressed to nobody or to the one who
    agrees: "The rebels offered to free the hostages. The government agreed." -- not
    "X urged China to act, and Y agreed" (the demand went to China; Y shares a view)."""
    sent = verb.sent
    start = sent.start
    if start > 0:
        start = verb.doc[start - 1].sent.start
    who = {subj.lower_} if subj is not None else set()
    for tok in verb.doc[start:verb.i]:
        if tok.pos_ not in ("VERB", "NOUN") or lemma(tok) == lemma(verb):
            continue
        if not any(t.type in ("REQUEST", "AGREE") and (t.second is None or _second_word(tok, t.second) is not None)
                   for t in lex.lookup(lemma(tok), tok.pos_ == "VERB")):
            continue  # "called the blockade illegal" is no "call for"
        maker = child(tok, "nsubj", "poss")
        if maker is not None and maker.lower_ in who:
            continue  # "Schumer's request ... Schumer agreed": one's own proposal is no offer to one
        # "urged China to ...": a demand named to another party; "proposed a ceasefire",
        # "offered to free them", "urged him to": open to the one who agrees
        addressee = child(tok, "dobj", "dative")
        if addressee is None or addressee.pos_ != "PROPN" or addressee.lower_ in who:
            return True
    return False


def _admits(verb, words) -> bool:
    """A concession verb with a finite clause as complement and no object ("conceded that
    the army had lost the town"): it admits a fact, as a verb of saying does; a concession
    is an act ("conceded the seat", "conceded to their demands"). A clause in the future
    ("conceded that it would release them") may announce one and stays."""
    if child(verb, "dobj") is not None:
        return False
    clause = child(verb, "ccomp")
    return clause is not None and _finite(clause, words) and child(clause, "nsubj", "nsubjpass") is not None \
        and not has_future_aux(clause, words)


def _finite(clause, words) -> bool:
    """A tensed clause ("that insurgents had taken the town", "the sources could not
    confirm it"), not an infinitive with its own subject ("allowed them to leave")."""
    auxes = [ch for ch in clause.children if ch.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in words.infinitive_markers for a in auxes):
        return False
    return clause.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("MD", "VBD", "VBZ", "VBP") for a in auxes)


def _attach_light_verb(c: Candidate, lex, by_head) -> None:
    """A nominal event as object of "launch", "carry out", "impose", "order" ...: the
    verb carries it (its subject is the source) and is no event of its own."""
    if c.is_verb:
        return
    noun = c.head
    if noun.dep_ == "compound" and lemma(noun.head) in lex.words.generic_event_heads:
        noun = noun.head  # "launched a mediation effort": the effort is the object
    carrier = noun.head
    # "a series of strikes": the quantifier noun is the object
    if noun.dep_ == "pobj" and carrier.dep_ == "prep" and carrier.lower_ == "of" and \
            carrier.head.pos_ in ("NOUN", "NUM") and carrier.head.i not in by_head:
        carrier = carrier.head.head
        dep = noun.head.head.dep_
    else:
        dep = noun.dep_
    if dep == "pobj" and carrier.lower_ in lex.words.carrier_preps and carrier.dep_ == "prep" \
            and lemma(carrier.head) in lex.words.prepositional_carriers:
        carrier, dep = carrier.head, "dobj"  # "engaged in clashes", "entered into talks"
    if dep in ("dobj", "nsubjpass") and carrier.pos_ in ("VERB", "AUX") and lemma(carrier) in lex.light_verbs:
        c.light = carrier
        verb_cand = by_head.get(carrier.i)
        if verb_cand is not None and verb_cand is not c:
            verb_cand.drop = True


# ------------------------------------------------------------------ embedding

def imputed_aims(cands: list[Candidate], lex, index) -> list[Candidate]:
    """"Maduro claimed that Washington wants to take control of the oil": a hostile act
    another party is claimed to want, seek or plan is the claimant's accusation of that
    party (ACCUSE on the claiming verb), not a threat by the party nor an act."""
    out, words = [], lex.words
    claimed = {c.head.i for c in cands}
    for c in cands:
        verb = c.head if c.is_verb else c.light
        aim = verb.head if verb is not None and verb.dep_ == "xcomp" else None
        claim = aim.head if aim is not None and aim.dep_ == "ccomp" else None
        if claim is None or "conflict" not in lex.types[c.type].classes \
                or lemma(claim) not in words.claim_verbs:
            out.append(c)
            continue
        subj = child(aim, "nsubj")
        if lemma(aim) not in words.aim_verbs:
            # "claimed that the real goal of the campaign was to seize the oil": the aim
            # noun's owner is the party the claim is about
            subj = _owner_of_aim(subj, words) if lemma(aim) in words.copulas else None
            if subj is None:
                out.append(c)
                continue
        if subj is None or subj.pos_ == "PRON":
            out.append(c)  # "he claimed he wants to ...": a party's own aim stays its own
            continue
        if claim.i not in claimed:
            claimed.add(claim.i)
            target = actor_of_phrase(subj, index) if subj is not None and index is not None else None
            out.append(Candidate(claim, [claim], "ACCUSE", "disapprove", frozenset(), preset_target=target))
    return out


def _owner_of_aim(subj, words):
    """The party whose aim a noun names ("the goal of [the US campaign]", "[Washington]'s
    aim"), or None when the subject is no aim noun."""
    if subj is None or lemma(subj) not in words.aim_nouns:
        return None
    for ch in subj.children:
        if ch.dep_ == "poss":
            return ch
        if ch.dep_ == "prep" and ch.lower_ == "of":
            return child(ch, "pobj")
    return None


def resolve_embedding(cands: list[Candidate], lex) -> list[Candidate]:
    """Find each candidate's governing trigger; drop the content of ``govern`` triggers."""
    at = {}
    for c in cands:
        for t in c.tokens:
            at[t.i] = c
        if c.light is not None:
            at.setdefault(c.light.i, c)
    for c in cands:
        c.governor = _governor(c, at)
        if c.governor is None and _purpose_of_another(c, at, lex.words):
            c.drop = True  # "sent troops to back the rebels": the sending is the act
    for c in cands:
        g = c.governor
        if g is None:
            continue
        if g.type == "PROTEST" and "govern" not in g.flags:
            c.drop = True  # the demand of a protest is its topic (PLOVER 3.12)
        elif g.type == "THREATEN":
            c.drop = True  # a threat is coded THREATEN only (docs/annotation.md 4)
        elif "govern" in g.flags:
            if (_hostile(c.type, lex) or "option" in c.flags) and _direct_content(c, g) and (
                    lemma(g.head) in lex.words.promise_verbs or (g.type == "AGREE" and lemma(g.head) != "agree")) \
                    and not _halts_own_activity(g.head, lex.words):
                # "vowed to retaliate", "expressed willingness to adopt sanctions": a
                # promise of force or of sanctions is a threat (PLOVER 3.11)
                # (a hostile option promised, "pledged to take military action", is one too)
                g.type, g.mode, g.flags = "THREATEN", lex.types[c.type].threat_mode, frozenset({"embed"})
                c.drop = True
            elif g.type == "REJECT" and _rejects_a_claim(g, lex.words):
                pass  # "rejected claims that its forces attacked": kept, certainty = denied
            elif _anothers_proposal(c, g, lex):
                pass  # "rejected a request from Maduro", "turned down his invitation": two acts
            else:
                c.drop = True
        if g.content is None:
            g.content = c
            if c.drop and g.type == "AGREE" and g.head.pos_ == "ADJ" and _direct_content(c, g):
                g.tokens = list(c.tokens)  # "ready to hold talks": the offer is of talks
    for c in cands:
        if c.type == "AGREE" and not c.drop and _promises_a_concession(c, lex):
            c.type, c.mode = "CONCEDE", None  # "pledged to halt its tests" (PLOVER 3.4)
    for c in cands:
        if c.head.pos_ == "ADJ" and c.content is None and c.head.lower_ in lex.words.readiness_adjectives \
                and not _complement_has_object(c.head):
            c.drop = True  # "Treasury is ready to go": ready for no act
    return [c for c in cands if not c.drop]


def _hostile(etype: str, lex) -> bool:
    """A conflict act, or an act whose future PLOVER codes as a threat ("vowed to continue
    the protests" promises a protest: THREATEN, like "vowed to retaliate")."""
    rule = lex.types[etype]
    return "conflict" in rule.classes or rule.future == "THREATEN"


def _halted_own_acts(cands: list[Candidate], lex, index, role_nouns=frozenset()) -> None:
    """A halt of the doer's own hostile activity is a concession, not a sanction nor the
    activity itself: "suspended its missile tests", "halted its offensive", "stopped the
    strikes it had launched" (docs/annotation.md 4: CONCEDE; PLOVER 3.4 codes the promise
    of such a halt CONCEDE too). A halt of another party's activity ("stopped the
    invaders' advance") is left alone."""
    words = lex.words
    hostile = lex.types_of("conflict") | {"PROTEST"}
    by_head = {c.head.i: c for c in cands}
    for c in cands:
        if c.is_verb or c.type not in hostile or c.head.dep_ != "dobj":
            continue
        verb = c.head.head
        if lemma(verb) not in words.cessation_verbs or not _own_activity(c.head, verb, lex, index, role_nouns):
            continue
        halting = by_head.get(verb.i)
        if halting is not None and halting is not c:
            halting.type, halting.mode, halting.drop = "CONCEDE", None, False
            c.drop = True  # the halting verb is the trigger ("suspended")
        else:
            c.type, c.mode, c.light = "CONCEDE", None, verb  # "halted its attacks": no verb row


def _own_activity(noun, verb, lex, index, role_nouns) -> bool:
    """The halted activity is the subject's own: no possessive but an agreeing "its"/
    "their", and no party named on the noun ("the rebel offensive", "Israel's raids",
    "the strikes by the coalition"); a weapon on the noun names no party ("missile
    tests")."""
    words = lex.words
    weapons = frozenset().union(*(w for _, w in lex.assault_modes))
    subject = child(verb, "nsubj")
    owned = False
    for ch in noun.children:
        if ch.dep_ == "poss" and ch.lower_ in words.own_possessives:
            if not _agrees(ch, subject):
                return False
            owned = True
            continue
        if ch.lower_ in weapons or (ch.dep_ == "relcl" and child(ch, "nsubj") is not None
                                    and child(ch, "nsubj").pos_ == "PRON"):
            owned = True  # "missile tests"; "the strikes it had launched"
            continue
        party = ch if ch.dep_ in ("poss", "amod", "compound") else child(ch, "pobj") if ch.dep_ in ("prep", "agent") else None
        if party is not None and (index[party.i] is not None or lemma(party) in role_nouns):
            return False
    # without a word tying the activity to the doer, "riot police stopped the protests",
    # "the army halted the attacks on the convoy" halt someone else's activity
    return owned


def _promises_a_concession(c: Candidate, lex) -> bool:
    """A promise whose content gives something up: a future retreat or concession
    ("vowed to pull its troops out") or a halt of the promiser's own activity ("pledged
    to discontinue its tests", "its promise to stop testing") -- PLOVER codes an announced
    concession as CONCEDE, as it codes a promise of force as THREATEN."""
    words = lex.words
    if lemma(c.head) not in words.promise_verbs:
        return False
    content = c.content
    if content is not None and _direct_content(content, c) and \
            "CONCEDE" in (content.type, lex.types[content.type].future):
        return True
    return _halts_own_activity(c.head, words)


def _halts_own_activity(head, words) -> bool:
    """The complement halts the subject's own activity ("to suspend its missile tests",
    "to stop testing"), not another party ("vowed to stop the invaders", "Ukraine vowed to
    stop their offensive": a possessive must agree with the subject to be its own)."""
    for inner in head.children:
        if inner.dep_ in ("xcomp", "acl") and inner.pos_ == "VERB" and lemma(inner) in words.cessation_verbs:
            obj = child(inner, "dobj")
            return obj is None or obj.tag_ == "VBG" or any(
                p.dep_ == "poss" and p.lower_ in words.own_possessives and _agrees(p, child(head, "nsubj"))
                for p in obj.children)
    return False


def _agrees(possessive, subject) -> bool:
    """"its"/"our"/"my" go with any party; "their" with a plural subject; "his"/"her" with
    a person."""
    word = possessive.lower_
    if word == "their":
        return subject is not None and (subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we"))
    if word in ("his", "her"):
        return subject is not None and (subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she"))
    return True


def _anothers_proposal(c: Candidate, g: Candidate, lex) -> bool:
    """A proposal named by a noun with a party of its own ("a request from Maduro", "his
    invitation", "Russia's offer") as the object of a reply to it ("rejected", "accepted",
    "welcomed"): the proposal was made before, by that party -- an event of its own, not
    the content of the reply."""
    if c.is_verb or c.light is not None or c.type.lower() not in lex.words.proposal_types or c.head.dep_ not in ("dobj", "nsubjpass") or c.head.head.i != g.head.i:
        return False
    return any(ch.dep_ == "poss" or (ch.dep_ in ("prep", "agent") and ch.lower_ in lex.words.proposer_preps
                                     and child(ch, "pobj") is not None)
               for ch in c.head.children)


def _direct_content(c: Candidate, g: Candidate) -> bool:
    """The act is what the promise is of ("vowed to retaliate", "ready to impose
    sanctions"), not a word further down ("offered a reward for information leading to
    his arrest")."""
    anchor = c.light if c.light is not None else c.head
    return anchor.head.i == g.head.i or (anchor.head.head.i == g.head.i and anchor.head.dep_ in ("xcomp", "dobj"))


def _complement_has_object(adj) -> bool:
    """"ready to contribute troops" offers something; "ready to go", "ready for
    activation" do not."""
    xcomp = child(adj, "xcomp")
    return xcomp is not None and any(c.dep_ in ("dobj", "dative") for c in xcomp.children)


def _infinitive(verb, words) -> bool:
    """The verb is a to-infinitive ("to assassinate")."""
    return any(ch.dep_ == "aux" and ch.lower_ in words.infinitive_markers for ch in verb.children)


def purpose_clause(c: Candidate, words, motion_verbs=frozenset()) -> bool:
    """The act is the aim of another clause ("recruited agents to assassinate the leader",
    "urged restraint to avoid a war"): an infinitive of purpose states what someone meant
    to do, not an act done (docs/annotation.md 2). Going somewhere to do it ("flew to
    Kabul to meet", "took to the streets to protest") reports the act."""
    tok = c.head
    if not c.is_verb or tok.dep_ != "advcl" or not _infinitive(tok, words):
        return False
    return lemma(tok.head) not in motion_verbs


def aimed_act(c: Candidate, words) -> bool:
    """The act is what a participle of purpose aims at ("talks aimed at normalizing
    relations", "a strike designed to deter the regime", "measures geared toward a
    blockade"): an aim, like an infinitive of purpose, not an act reported as done
    (docs/annotation.md 2). The word is reached as the gerund or noun of the participle's
    "at"/"toward", or as its "to" infinitive, through coordination ("aimed at isolating and
    punishing"). A party's own intention told by an active verb ("Washington intended to
    impose sanctions", "the rebels meant to attack") is its plan (THREATEN, annotation.md
    4) and is not read here."""
    tok = c.light if c.light is not None else c.head
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in ("pcomp", "pobj") and tok.head.dep_ == "prep" and tok.head.lower_ in words.purpose_openers:
        holder = tok.head.head
    elif tok.pos_ in ("VERB", "AUX") and _infinitive(tok, words) and tok.dep_ in ("xcomp", "advcl", "ccomp"):
        holder = tok.head
    else:
        return False
    return holder.lower_ in words.purpose_participles and _participle_of_purpose(holder) \
        and not _aim_of_a_measure(holder, words)


def _participle_of_purpose(verb) -> bool:
    """A passive or adjectival participle ("talks aimed at", "the strike was designed to"),
    not an active verb with a subject of its own ("Washington intended to")."""
    return verb.tag_ == "VBN" and not any(ch.dep_ == "nsubj" for ch in verb.children)


def _aim_of_a_measure(participle, words) -> bool:
    """What the participle aims at is the content of a measure or decision it describes
    ("a decree aimed at expelling the journalists", "a bill designed to sanction the
    generals", "the move was intended to punish"): signing or passing it is the act, as
    "signed an order imposing sanctions" is (docs/annotation.md 5, 10). A text of speech is
    no measure (a letter, a statement, a speech)."""
    if participle.dep_ == "acl":
        noun = participle.head
    else:
        noun = child(participle, "nsubjpass", "nsubj")
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return lemma(noun) in words.measure_nouns or lemma(noun) in words.decision_nouns


def _purpose_of_another(c: Candidate, at: dict, words) -> bool:
    """The candidate is the purpose infinitive of another event ("sent arms to back the
    rebels", "deployed troops to support the regime")."""
    tok = c.head
    if not c.is_verb or tok.dep_ != "advcl" or not _infinitive(tok, words):
        return False
    gov = at.get(tok.head.i)
    return gov is not None and gov is not c


def _governor(c: Candidate, at: dict) -> Optional[Candidate]:
    tok = c.head if c.light is None else c.light
    for _ in range(8):
        if tok.dep_ not in COMPLEMENT_DEPS or tok.head.i == tok.i:
            return None
        came_by = tok.dep_
        tok = tok.head
        gov = at.get(tok.i)
        if gov is None or gov is c:
            continue
        if came_by == "conj" and gov.is_verb:
            return None  # coordinated clauses are not complements
        if came_by == "advcl":
            if gov.type == "PROTEST" and c.type in ("REQUEST", "ACCUSE", "REJECT"):
                return gov  # the demand of a protest is its topic (PLOVER 3.12)
            return None
        return gov if ("govern" in gov.flags or "embed" in gov.flags) else None
    return None


def _rejects_a_claim(cand: Candidate, words) -> bool:
    return any(lemma(c) in words.claim_nouns for c in cand.head.children if c.dep_ in ("dobj", "nsubjpass"))


# ------------------------------------------------------------------ PLOVER coding

def future_type(c: Candidate, lex) -> tuple[str, Optional[str]]:
    """PLOVER's single-category coding of future, intended and refused actions."""
    rules = lex.types
    words = lex.words
    verb = c.head if c.is_verb else c.light
    rule = rules[c.type]
    if not c.is_verb and rule.future and rule.future != "THREATEN" and (any(
            ch.dep_ == "amod" and ch.lower_ in words.scheduled_modifiers for ch in c.head.children)
            or _put_on_calendar(c.head, words) or _dated_ahead(c.head, words)):
        return rule.future, None  # "the upcoming talks", "a meeting has been scheduled": agreed to
    if "deterrent" in rule.classes and c.governor is None and _held_out(verb or _carrying_verb(c.head), words):
        return "THREATEN", rule.threat_mode  # "could face sanctions if ...": not imposed, a threat
    if verb is None:
        if c.type == "MOBILIZE" and _mentions_peacekeeping(c.head):
            return "AID", "peacekeeping"
        return c.type, c.mode
    negated = any(ch.dep_ == "neg" for ch in verb.children)
    future = has_future_aux(verb, words)
    scheduled = False
    intent = None
    v = verb
    for _ in range(3):  # "is prepared to impose", "plans to blockade", "will try to"
        if _purpose_infinitive(v):
            v = v.head  # "would work with Congress to impose": only the verb's future counts
            future = future or has_future_aux(v, words)  # ("was in Pyongyang to meet" is no plan)
            negated = negated or any(ch.dep_ == "neg" for ch in v.children)  # "was not prepared to sign"
            continue
        if v.dep_ != "xcomp":
            break
        v = v.head
        future = future or has_future_aux(v, words)
        scheduled = scheduled or lemma(v) in words.schedule_governors
        if lemma(v) in words.intent_governors:
            intent = lemma(v)
        elif lemma(v) in words.permission_verbs and not any(ch.dep_ == "neg" for ch in v.children):
            intent = "permit"  # "was authorised to strike": force permitted, not used (docs/annotation.md 10)
        negated = negated or any(ch.dep_ == "neg" for ch in v.children)
        if v.dep_ == "acomp":  # "was not prepared to sign": the negation hangs on the copula
            negated = negated or any(ch.dep_ == "neg" for ch in v.head.children)
    if negated and "cooperative" in rule.classes and not _condition_clause(verb, words):
        return "REJECT", None  # "will not accept", "refused ... would not meet demands"
    if negated:
        return c.type, c.mode
    if c.type == "ASSAULT" and intent == "prepare":
        return "MOBILIZE", "troops"  # readying an attack is a show of force (3.14)
    if rule.future == "THREATEN" and (future or intent) and c.governor is None:
        return "THREATEN", rule.threat_mode
    planned = intent is not None and intent != "permit" and intent not in words.enacting_governors
    if (future or scheduled or planned) and rule.future and rule.future != "THREATEN":
        # "will meet", "is scheduled to speak with", "is to travel", "plans to visit" -> AGREE;
        # "will withdraw" -> CONCEDE (docs/annotation.md 4: future cooperation is AGREE)
        return rule.future, None
    if c.type == "MOBILIZE" and _mentions_peacekeeping(c.head):
        return "AID", "peacekeeping"
    return c.type, c.mode


def _condition_clause(verb, words) -> bool:
    """"... if the parties do not cooperate": a negated act in a condition is what the
    speaker fears may happen, nobody has refused anything."""
    return verb.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ in words.conditional_marks
                                        for ch in verb.children)


def _purpose_infinitive(verb) -> bool:
    """"would work with Congress to impose sanctions": an infinitive of purpose, whose act
    is as future as the verb it serves."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and any(
        ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children)


def _put_on_calendar(noun, words) -> bool:
    """"a meeting has been scheduled for Monday", "talks are planned", "talks are due to
    resume": the event noun is the subject of a verb (or of "due") that schedules it."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    if noun.dep_ == "nsubjpass":
        return lemma(verb) in words.scheduling_verbs
    return any(ch.dep_ in ("acomp", "oprd") and ch.lower_ in words.scheduling_verbs for ch in verb.children)


def _dated_ahead(noun, words) -> bool:
    """"his visit to Lima next week", "next week's summit": the event noun carries a date
    that says it is still to come."""
    for t in noun.subtree:
        if t.ent_type_ == "DATE" and t.lower_ in words.future_date_words and not _verb_between(t, noun):
            return True
    return False


def _verb_between(tok, top) -> bool:
    """A verb on the path from ``tok`` up to ``top``: the date belongs to another clause
    ("the visit, which was planned last month ...")."""
    t = tok.head
    while t.i != top.i and t.head.i != t.i:
        if t.pos_ in ("VERB", "AUX"):
            return True
        t = t.head
    return False


def _carrying_verb(noun):
    """The verb whose object an event noun is when no light verb carries it ("could face
    sanctions"), or None."""
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def _held_out(verb, words) -> bool:
    """The act is held out, not done: a modal of possibility ("could face", "may impose")
    or an if-clause on the verb or on a verb it is the infinitive of."""
    v = verb
    for _ in range(3):
        if v is None:
            return False
        for ch in v.children:
            if ch.dep_ == "aux" and ch.lower_ in words.deterrent_modals:
                return True
            if ch.dep_ == "advcl" and not _done(v) and _condition(ch, words):
                return True  # "will impose sanctions if ...", not "imposed sanctions, even if ..."
        if v.dep_ != "xcomp" and not _purpose_infinitive(v):
            return False
        v = v.head
    return False


def _done(verb) -> bool:
    """A past or perfect verb ("imposed", "has imposed"): the act is done, whatever its
    conditions."""
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        ch.dep_ == "aux" and lemma(ch) == "have" for ch in verb.children))


def _condition(clause, words) -> bool:
    """An if/unless clause that sets a condition; "even if" concedes, it conditions nothing."""
    for m in clause.children:
        if m.dep_ == "mark" and m.lower_ in words.conditional_marks:
            before = m.doc[m.i - 1] if m.i > 0 else None
            return before is None or before.lower_ != "even"
    return False


def negated_act(c: Candidate, words, conflict_types=frozenset()) -> bool:
    """The clause says the act did not take place: a negation on the trigger verb (or on
    the light verb of an event noun, or on the verb whose complement it is), "no" on the
    event noun, or a verb of failing above it ("did not strike", "no talks were held",
    "failed to reach a deal", "avoided holding meetings"). "Not only ..." adds, it does
    not negate; a failed attack is still an attack (PLOVER), so a verb of failing does
    not cancel an act of ``conflict_types``; a negated verb of hesitating or stopping
    affirms it ("did not hesitate to strike"). Annotators code no negated act
    (docs/annotation.md 2)."""
    if "condition" in c.flags:
        return False  # "will not open the border unless ...": the refusal is the demand
    if any(ch.dep_ == "det" and ch.lower_ in words.negative_determiners for t in c.tokens for ch in t.children
           if t.pos_ in ("NOUN", "PROPN")):
        return True
    if not c.is_verb and _negated_phrase(c.head, words):
        return True  # "tensions, not a fight for independence"
    verb = c.head if c.is_verb else c.light
    if verb is None:
        return False
    if _negative_subject(verb, words):
        return True  # "neither X nor Y attacked", "no country has recognised"
    v = verb
    for _ in range(3):
        if any(_negates(ch, words) for ch in v.children):
            # "did not hesitate to strike": a negated governor of this kind affirms the act
            return v is verb or lemma(v) not in words.affirming_governors
        if v.dep_ not in ("xcomp",) or v.head.i == v.i:
            return False
        if lemma(v.head) in words.failure_governors and c.type not in conflict_types:
            return True
        v = v.head
    return False


def _negative_subject(verb, words) -> bool:
    """The verb's subject says nobody did it: "nobody", "none of them", "neither X nor Y"
    (``neither`` hangs on the first conjunct), "no country"."""
    for subj in verb.children:
        if subj.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subj.lower_ in words.negative_subjects:
            return True
        return any((ch.dep_ == "preconj" and ch.lower_ in words.negative_subjects)
                   or (ch.dep_ == "det" and ch.lower_ in words.negative_determiners | words.negative_subjects)
                   for ch in subj.children)
    return False


def _negated_phrase(noun, words) -> bool:
    """A negation right before the event noun's phrase ("not a fight", "not an
    invasion"), wherever the parser hangs it."""
    left = noun.left_edge
    if left.i == 0:
        return False
    prev = noun.doc[left.i - 1]
    return prev.dep_ == "neg" and _negates(prev, words)


def _negates(tok, words) -> bool:
    if tok.dep_ != "neg":
        return False
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is None or nxt.lower_ not in words.negation_cancellers


def keeps_option_open(c: Candidate, words) -> bool:
    """"would not rule out military action", "won't exclude force": a rejection negated
    under a future or conditional auxiliary keeps a hostile option open -- a threat
    ("cannot rule out" is a possibility, not a threat)."""
    verb = c.head if c.is_verb else c.light
    return verb is not None and lemma(verb) in words.option_rejections \
        and any(_negates(ch, words) for ch in verb.children) and has_future_aux(verb, words)


def captures_a_place(c: Candidate, words) -> bool:
    """"captured the town", "took Aleppo": taking a place in fighting is an attack;
    taking a person ("forces captured him") is an arrest (docs/annotation.md 10)."""
    if not c.is_verb or lemma(c.head) not in words.capture_verbs:
        return False
    obj = next((ch for ch in c.head.children if ch.dep_ in ("dobj", "nsubjpass")), None)
    if obj is not None and lemma(obj) in words.partitive_nouns:  # "part of the town"
        of = next((ch for ch in obj.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
        obj = child(of, "pobj") if of is not None else obj
    return obj is not None and (obj.ent_type_ in ("GPE", "LOC", "FAC") or lemma(obj) in words.place_head_nouns)


def has_future_aux(verb, words) -> bool:
    return any(ch.dep_ == "aux" and (ch.lower_ in words.future_aux or ch.lower_ == "going")
               for ch in verb.children)


def _mentions_peacekeeping(tok) -> bool:
    return any(t.lower_.startswith("peacekeep") for t in tok.subtree)


def labour_strike(c: Candidate, words, subject) -> bool:
    """"the strike by peasants", "a general strike", "went on strike": a PROTEST."""
    head = c.head
    if lemma(head) != "strike":
        return False
    if head.pos_ in ("NOUN", "PROPN"):
        near = {t.lower_ for t in head.subtree if abs(t.i - head.i) <= 4}
        if near & words.labour_words:
            return True
        return head.dep_ == "pobj" and head.head.lower_ in words.strike_preps and lemma(head.head.head) in words.on_strike_verbs
    return subject is not None and subject.lower_ in words.labour_words


def refine_mode(c: Candidate, lex) -> Optional[str]:
    """An ASSAULT's mode from instrument words near the trigger ("drone strike")."""
    if c.mode or c.type != "ASSAULT":
        return c.mode
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
