"""Events carried only by a verb of saying, typed from the clause it reports.

"Reporting itself" is no event (docs/annotation.md 1), but praise that is *only* said
is one, coded on the saying verb (docs/annotation.md 10):

* "X said the release was a step in the right direction"  -> SUPPORT (praise of the subject)
* "X said 'the UK believes Y is the right person'"         -> read through the opinion verb
* "X said there would be consequences if Iran went on"    -> THREATEN Iran (penalty on a condition)
* "X said he would not allow Turkey to attack"            -> THREATEN Turkey (refusal to let act)

Negated future acceptance ("would not accept") is already a REJECT of the trigger
lexicon (``event_triggers.negated_act``). Cue kinds for it, for future responses ("would
respond") and for blame ("said Y was behind / responsible for / to blame") were tried and
changed nothing on the dev sets (allsides-dev, plover_gsr, demo-events), so they are not
shipped.

The kinds of cue and their words are data (``knowledge/data/plover/statement_cues.tsv``).
Demands ("said Y must go") and praise or reproach by evaluative words are read by
``event_triggers.deontic_requests`` and ``evaluative_statements``; this module adds only
what they leave. A statement is typed only when its speaker is a named party (or a personal pronoun
referring to one) and its
complement holds no event the trigger lexicon found (that one is coded, and the
certainty stage attributes it to the speaker).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sitrep.knowledge.cues import CONTENT_CUE_KINDS, load_content_cues  # noqa: F401 (re-exported)
from sitrep.stages.event_roles import actor_of_phrase, child, lemma, verb_subject
from sitrep.stages.event_triggers import Candidate, offence_of_penalty, punishes_hostile_act

STATEMENT_CUES_PATH = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "plover" / "statement_cues.tsv"

#: the kinds of cue the stage knows how to read (see the data file's header)
CUE_KINDS = ("praise", "belief", "condition", "prevention")
#: words that negate a clause besides a "neg" dependent ("never")
_NEGATORS = frozenset({"not", "n't", "never", "no"})


@dataclass(frozen=True)
class StatementCue:
    """One kind of statement: the PLOVER type and mode it gives and its cue words."""
    kind: str
    type: str
    mode: Optional[str]
    words: frozenset[str]


def load_statement_cues(path: Path = STATEMENT_CUES_PATH) -> dict[str, StatementCue]:
    """The statement cues by kind; a row of an unknown kind or with too few fields is an
    error that names the file and the line to fix."""
    cues: dict[str, StatementCue] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[0] not in CUE_KINDS:
            raise ValueError(f"{path}:{number}: expected 'kind<TAB>TYPE<TAB>mode<TAB>words' "
                             f"with kind one of {', '.join(CUE_KINDS)}; fix this line")
        kind, etype, mode, words = fields
        old = cues.get(kind)
        merged = frozenset(words.split()) | (old.words if old else frozenset())
        cues[kind] = StatementCue(kind, etype, None if mode == "-" else mode, merged)
    return cues


_CUES: Optional[dict[str, StatementCue]] = None


def statement_cues() -> dict[str, StatementCue]:
    """The shipped cues, read once."""
    global _CUES
    if _CUES is None:
        _CUES = load_statement_cues()
    return _CUES


def statement_events(sent, positions, cands, lex, index, cues=None) -> list[Candidate]:
    """Candidates for the saying verbs of ``sent`` (at ``positions``) whose reported
    clause praises a party or threatens one (a penalty on a condition, a refusal to let it
    act), said by a named speaker, and that no candidate of ``cands`` already covers."""
    cues = statement_cues() if cues is None else cues
    held_out_measures(cands, lex)
    taken = {t.i for c in cands for t in c.tokens}
    doc = sent.doc
    out = []
    for i in positions:
        verb = doc[i]
        if verb.i in taken or verb.pos_ != "VERB" or lemma(verb) not in _statement_verbs(lex):
            continue
        if not _named_speaker(verb_subject(verb, lex.words), index):
            continue  # "it was said", "critics said": nobody to code as the source
        clause = _reported_clause(verb, cues)
        if clause is None:
            continue
        found = {t.i for t in clause.subtree if t.i in taken}
        typed = type_statement(clause, cues, index, found) or \
            conditional_threat(clause, cues, lex, index, found) or \
            prevention_threat(clause, cues, lex, index, cands)
        if typed is None:
            continue
        cue, target = typed
        if cue.kind == "condition":
            _drop_conditioned(cands, clause, cue)
        out.append(Candidate(verb, [verb], cue.type, cue.mode, frozenset(), preset_target=target))
        taken.add(verb.i)
    return out + content_statements(sent, [*cands, *out], lex, index)


def _reported_clause(verb, cues):
    """The clause a verb of saying reports; through a verb of opinion in it ("said [the UK
    believes [Guaido is the right person]]") the opinion's own clause."""
    clause = child(verb, "ccomp")
    belief = cues.get("belief")
    if clause is not None and belief is not None and lemma(clause) in belief.words:
        return child(clause, "ccomp") or clause
    return clause


def type_statement(clause, cues: dict[str, StatementCue], index, found=frozenset()):
    """``(cue, target actor)`` for a reported clause that one cue types, else None.

    ``found`` are the clause's tokens that are triggers already: a clause that reports an
    event is that event, except the act praised ("said [Iran's admission] was a step in
    the right direction"): the statement judges that act besides."""
    negated = _negated(clause)
    subject = child(clause, "nsubj")
    praise = cues.get("praise")
    # "would be a positive step" judges what has not happened: no praise of anyone yet
    if praise is not None and subject is not None and not negated and clause.lemma_ == "be" \
            and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children) \
            and _praises(clause, praise.words) and not found - {t.i for t in subject.subtree}:
        target = actor_of_phrase(subject, index) or _actor_within(subject, index)
        if target is not None:
            return praise, target
    return None


def mark_words(clause) -> set[str]:
    """The words that introduce an adverbial clause: "if", "unless", and a two-word mark
    joined by "_" ("in case": the parser makes "case" the object of the mark "in", or the
    clause a modifier of "case" in the phrase "in case")."""
    head = clause.head
    if clause.dep_ == "acl" and head.dep_ == "pobj" and head.head.dep_ == "prep":
        return {f"{head.head.lower_}_{head.lower_}"}
    out = set()
    for m in clause.children:
        if m.dep_ == "mark":
            out.add(m.lower_)
            out.update(f"{m.lower_}_{o.lower_}" for o in m.children if o.dep_ == "pobj")
    return out


def conditional_threat(clause, cues, lex, index, found=frozenset()):
    """``(THREATEN cue, target)`` for a reported clause that names a penalty in the future
    on a condition ("said there would be serious consequences if Iran continued to detain
    it", "said Iran would pay a price if it attacked"): a threat to the condition's
    subject. The act in the condition is no event of its own here, only what the threat
    is about; the penalty words are the lexicon's ``threat`` evaluations."""
    condition = cues.get("condition")
    threat_words = lex.evaluations.get("threat", frozenset())
    if condition is None or not threat_words or _negated(clause):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in lex.words.future_aux for c in clause.children):
        return None
    conditions = [c for c in clause.children if c.dep_ == "advcl"
                  and mark_words(c) & condition.words]
    if not conditions:
        return None
    inside = {t.i for c in conditions for t in c.subtree}
    if found - inside:
        return None
    said = [t for t in clause.subtree if t.i not in inside]
    if not any((lemma(t) in threat_words or t.lower_ in threat_words) and not _denied_noun(t) for t in said):
        return None
    # "Iran would pay a price if ...": the one who pays; "there would be consequences if
    # Iran ...": the one the condition is about
    target = actor_of_phrase(child(clause, "nsubj"), index) or \
        actor_of_phrase(child(conditions[0], "nsubj"), index)
    if target is None:
        return None
    return StatementCue(condition.kind, condition.type, condition.mode, condition.words), target


def prevention_threat(clause, cues, lex, index, cands):
    """``(THREATEN cue, target)`` for a reported refusal to let another party act ("said
    he would not allow Turkey to kill the Kurds"): a warning to that party, not a
    rejection of anything it asked. The refusal read by the trigger lexicon and the act
    it forbids (hypothetical) are dropped; the threat is coded on the saying verb."""
    cue = cues.get("prevention")
    if cue is None or lemma(clause) not in cue.words or not _negated(clause):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in lex.words.future_aux for c in clause.children):
        return None
    forbidden = child(clause, "ccomp", "xcomp")
    if forbidden is None:
        return None
    party = child(forbidden, "nsubj") if forbidden.dep_ == "ccomp" else child(clause, "dobj")
    target = actor_of_phrase(party, index)
    if target is None:
        return None
    inside = {clause.i} | {t.i for t in forbidden.subtree}
    for other in cands:
        if other.head.i in inside:
            other.drop = True
    return cue, target


def _drop_conditioned(cands, clause, cue: StatementCue) -> None:
    """The act a threat is conditioned on ("... if it threatened the US") is the threat's
    occasion, a hypothetical act with no occasion of its own (docs/annotation.md 1):
    not an event."""
    inside = {t.i for c in clause.children if c.dep_ == "advcl"
              and any(m.dep_ == "mark" and m.lower_ in cue.words for m in c.children)
              for t in c.subtree}
    for other in cands:
        if other.head.i in inside:
            other.drop = True


def _actor_within(phrase, index):
    """The first party named inside a phrase ("the withdrawal of [Russian troops]")."""
    for tok in phrase.subtree:
        if index[tok.i] is not None:
            return index[tok.i]
    return None


def _negated(clause) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEGATORS) for c in clause.children)


def _denied_noun(tok) -> bool:
    """"no consequences", "not any price": a penalty the statement denies."""
    return any((c.dep_ == "det" and c.lower_ == "no") or c.dep_ == "neg" for c in tok.children)


def _named_speaker(subject, index) -> bool:
    """A speaker the roles stage can name: a party, or a personal pronoun that refers
    back to one ("he said")."""
    if subject is None:
        return False
    return subject.tag_ == "PRP" and subject.lower_ != "it" or actor_of_phrase(subject, index) is not None


def _statement_verbs(lex) -> frozenset[str]:
    """Verbs that report what their subject says: the lexicon's verbs of saying and of
    evaluating ("said", "told", "tweeted", "wrote")."""
    return lex.words.saying_verbs | lex.words.evaluating_verbs


def _praises(clause, phrases: frozenset[str]) -> bool:
    """A predicate holding a phrase of praise ("a step in the right direction", "the
    right person"): a modifier and its noun, written ``modifier_noun`` in the data."""
    for pred in clause.children:
        if pred.dep_ not in ("attr", "acomp"):
            continue
        for tok in pred.subtree:
            if tok.dep_ == "amod" and f"{lemma(tok)}_{lemma(tok.head)}" in phrases:
                return True
    return False


# --------------------------------------------- content of what is said (session 12)

def held_out_measures(cands, lex, cues=None) -> None:
    """A measure of the deterrent class (sanctions) that is the subject of a verb of coming
    about in the future or under a modal ("further sanctions will follow", "more measures
    could come") is held out, not imposed: retyped THREATEN (docs/annotation.md 10)."""
    cues = load_content_cues() if cues is None else cues
    verbs = cues.get("occurrence_verb", frozenset())
    modals = lex.words.future_aux | lex.words.deterrent_modals
    for c in cands:
        if c.type not in lex.types_of("deterrent") or c.is_verb or c.head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        verb = c.head.head
        if lemma(verb) not in verbs or _negated(verb):
            continue
        if any(ch.dep_ == "aux" and ch.lower_ in modals for ch in verb.children):
            c.type, c.mode = "THREATEN", lex.types[c.type].threat_mode
            c.flags = c.flags | {"held_out"}


def content_statements(sent, cands, lex, index, cues=None) -> list[Candidate]:
    """Statements typed by the content of what a named party says, when no verb of
    threatening, accusing or demanding carries them (docs/annotation.md 10):

    * a penalty said to come ("any attempt to blockade the island would bring a harsh response",
      "said Greece would face consequences for the blockade") -> THREATEN;
    * a task laid on another party ("said it was up to Egypt to reopen the crossing")
      -> REQUEST that party;
    * outrage at an act ("said it was appalled by the shelling") -> ACCUSE its doer;
    * a measure held out ("said further sanctions will follow") -> THREATEN of the speaker.

    The trigger is the saying verb. (A finding that another party did a conflict act, "said
    it had concluded that the rebels used gas", was tried and removed: outside allsides-dev
    part D it fired on nothing in 325 unseen articles, the findings there being told with
    "it" or no speaker.)"""
    cues = load_content_cues() if cues is None else cues
    taken = {t.i for c in cands for t in c.tokens}
    saying = _statement_verbs(lex)
    out = []
    for tok in sent:
        if tok.i in taken or tok.pos_ not in ("VERB", "ADJ", "AUX"):
            continue
        if tok.pos_ == "VERB" and lemma(tok) in saying:
            if not _named_speaker(verb_subject(tok, lex.words), index):
                continue
            clause = child(tok, "ccomp")
            if clause is None or clause.i in taken:
                continue
            typed = penalty_statement(clause, cands, lex, index, cues) or measure_statement(clause, cands, index) or \
                obligation_statement(clause, index, cues) or outrage_statement(clause, cands, index, cues)
        else:
            continue
        if typed is None:
            continue
        etype, mode, target = typed
        out.append(Candidate(tok, [tok], etype, mode, frozenset(), preset_target=target))
        taken.add(tok.i)
    return out


def penalty_statement(clause, cands, lex, index, cues):
    """``(THREATEN, None, target)`` for a reported clause in the future that names a
    penalty (the lexicon's ``threat`` evaluations: "consequences", "price") as what a party
    will face for a hostile act or what a class of acts will bring: the party ("Greece would
    face consequences for the blockade", a conflict act after ``offence_prep``) is the
    target ("Egypt would pay a price for its currency crisis" is a forecast, no threat: see
    ``punishes_hostile_act``); a class of acts as the subject ("any attempt to blockade the
    island would ...") is the threat's condition, not a happening (dropped); an act named after ``offence_prep``
    ("... for the blockade") is the offence and stays. Any other reported act makes the
    clause a report of that act: no threat here."""
    threat_words = lex.evaluations.get("threat", frozenset())
    if _negated(clause) or not any(c.dep_ == "aux" and c.lower_ in lex.words.future_aux for c in clause.children):
        return None
    penalty = [t for t in clause.children if t.dep_ in ("dobj", "attr")
               and (lemma(t) in threat_words or t.lower_ in threat_words) and not _denied_noun(t)]
    if not penalty:
        return None
    offence = {t.i for p in clause.children if p.dep_ == "prep" and p.lower_ in cues.get("offence_prep", frozenset())
               for t in p.subtree} | {t.i for p in penalty for t in p.subtree}
    subject = child(clause, "nsubj")
    condition = _class_of_acts(subject, cands, cues)
    inside = {t.i for t in clause.subtree}
    for c in cands:
        if c.head.i in inside and c.head.i not in offence and c not in condition:
            return None  # "said Greece would face sanctions": the act reported is the event
    target = actor_of_phrase(subject, index) if subject is not None and not condition else None
    if target is None and not condition:
        return None  # "the drought will have grave consequences": a forecast, nobody threatened
    # the offence may hang on the verb or on the penalty noun ("consequences for the strike")
    if not condition and not punishes_hostile_act(offence_of_penalty([clause, *penalty]), cands, lex):
        # "Egypt would pay a heavy price for its currency crisis": a forecast of what a party
        # will suffer; a threat names the hostile act it punishes ("for the blockade")
        return None
    for c in condition:
        c.drop = True
    return "THREATEN", None, target


def measure_statement(clause, cands, index):
    """``(THREATEN, None, target)`` for a reported clause whose subject is a measure held
    out (``held_out_measures``: "said further sanctions on Mali will follow"): the speaker
    holds it out, so the threat is coded on the saying verb, toward the measure's target
    ("on Mali") or the party of its condition ("... if Russia fails to ..."); the measure's
    own candidate is dropped (one happening)."""
    subject = child(clause, "nsubj")
    measure = next((c for c in cands if subject is not None and c.head.i == subject.i
                    and "held_out" in c.flags), None)
    if measure is None:
        return None
    aimed = [p for p in subject.children if p.dep_ == "prep" and p.lower_ in ("on", "against")]
    target = _actor_within(aimed[0], index) if aimed else None
    if target is None:
        condition = next((c for c in clause.children if c.dep_ == "advcl" and mark_words(c)), None)
        target = actor_of_phrase(child(condition, "nsubj"), index) if condition is not None else None
    measure.drop = True
    return "THREATEN", None, target


def _class_of_acts(subject, cands, cues) -> list:
    """The candidates in a subject that names a class of acts ("every incursion by its jets",
    "any attempt to blockade the island"): the threat's condition, no happenings."""
    if subject is None or not any(ch.dep_ == "det" and ch.lower_ in cues.get("class_determiner", frozenset())
                                  for ch in subject.children):
        return []
    inside = {t.i for t in subject.subtree}
    return [c for c in cands if c.head.i in inside]


def obligation_statement(clause, index, cues):
    """``(REQUEST, None, target)`` for a reported task laid on a party: "it was up to
    Egypt to reopen ...", "it is the responsibility of Kosovo to protect ...", "the onus
    is on Tehran to ..."; the clause must carry the task as an infinitive."""
    words = cues.get("obligation_word", frozenset())
    if lemma(clause) != "be" or _negated(clause):
        return None
    tasks = [t for t in clause.subtree if t.dep_ in ("advcl", "xcomp", "acl", "relcl") and _infinitive_task(t)]
    if not tasks or all(lemma(t) in cues.get("choice_verb", frozenset()) for t in tasks):
        return None  # "it was up to Iran to decide whether to talk": a choice left, no act asked
    party = None
    for ch in clause.children:
        if ch.dep_ in ("prep", "advmod") and ch.lower_ in words:  # "up to Egypt" ("up" read either way)
            party = next((g for p in ch.children if p.dep_ == "prep" and p.lower_ == "to"
                          for g in p.children if g.dep_ == "pobj"), None)
        elif ch.dep_ in ("attr", "nsubj") and lemma(ch) in words:  # "the responsibility of Kosovo"
            party = next((g for p in [*ch.children, *clause.children] if p.dep_ == "prep" and p.lower_ in ("of", "on")
                          for g in p.children if g.dep_ == "pobj"), None) or child(ch, "poss")
        if party is not None:
            break
    target = actor_of_phrase(party, index) if party is not None else None
    return ("REQUEST", None, target) if target is not None else None


def _infinitive_task(verb) -> bool:
    return verb.pos_ == "VERB" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children)


def _outrage_word(tok, cues) -> bool:
    return tok.lower_ in cues.get("outrage_word", frozenset()) and tok.pos_ in ("ADJ", "VERB")


def outrage_statement(clause, cands, index, cues):
    """``(ACCUSE, "disapprove", target)`` for outrage at an act ("was appalled by the
    Ethiopian army's shelling", "outraged at the arrest of its diplomats by Ugandan
    police"): the doer of the act (its possessor, modifier or "by" agent) is reproached;
    an act with no doer named leaves the target to the roles stage."""
    word = clause if _outrage_word(clause, cues) else next(
        (ch for ch in clause.children if ch.dep_ == "acomp" and _outrage_word(ch, cues)), None)
    if word is None or _negated(clause) or _negated(word):
        return None
    preps = cues.get("outrage_prep", frozenset())
    about = next((g for p in word.children if p.dep_ in ("prep", "agent") and p.lower_ in preps
                  for g in p.children if g.dep_ == "pobj"), None)
    if about is None:
        return None
    act = next((c for c in cands if c.head.i == about.i), None)
    if act is None:
        return None  # "shocked by the news": no act, nobody reproached
    return "ACCUSE", "disapprove", _doer_of_noun(about, index)


def _doer_of_noun(noun, index):
    """The party an act noun names as its doer: a possessor or modifier ("the Ethiopian
    army's shelling", "the Russian strike") or a "by" phrase ("the arrest ... by police")."""
    for ch in noun.children:
        if ch.dep_ in ("poss", "amod", "compound"):
            found = actor_of_phrase(ch, index)
            if found is not None:
                return found
    for t in noun.subtree:
        if t.dep_ in ("prep", "agent") and t.lower_ == "by":
            pobj = child(t, "pobj")
            if pobj is not None and actor_of_phrase(pobj, index) is not None:
                return actor_of_phrase(pobj, index)
    return None
