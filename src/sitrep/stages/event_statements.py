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

from sitrep.stages.event_roles import actor_of_phrase, child, lemma, verb_subject
from sitrep.stages.event_triggers import Candidate

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
    return out


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
