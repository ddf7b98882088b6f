"""Non-eventive readings of event words: constructions in which a trigger names no act.

A word that names an act in one construction names a state, an evaluation, a link or a
count in another (docs/annotation.md 2). Each rule below reads one class of
construction from the parse; the words it needs are in
``knowledge/data/plover/non_eventive.tsv``:

* **predicative participle**: a participle that is the predicate adjective of a copular
  verb ("the coalition remains split", "he is not opposed to talks") or of a verb of
  seeming with a free relative as subject ("what seemed threatening"): a state or an
  evaluation;
  a passive ("the convoy was attacked", auxiliary "be" with a past participle) is an act;
* **fixed expression**: the trigger inside a connective built on an event word
  ("escorted the boats home, as opposed to boarding them");
* **injured as a state**: a verb of injury (``injury_verb`` of filter_cues.tsv) as a
  reduced relative on a noun, with no actor as its agent ("refugees wounded and displaced
  by the war"): the victims' state, which annotation.md 2 does not code on its own;
  "protesters wounded by police" names the doer and stays;
* **vote tally**: a stance (``tally_type``) whose subject is an indefinite count of unnamed
  parties ("31 lawmakers backed the amendment", "twenty-two delegations rejected the
  draft"): counted votes, not the act of a party;
* **an order to leave** (a retyping, not a drop): a REQUEST ordering diplomats to leave
  ("ordered four envoys to leave") is an expulsion, SANCTION (``order_to_leave``);
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

NON_EVENTIVE_PATH = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "plover" / "non_eventive.tsv"
#: the kinds of rows the data file may hold
NON_EVENTIVE_KINDS = ("copular_verb", "wh_subject", "fixed_expression", "tally_type", "order_verb",
                      "envoy_noun", "departure_verb")
#: parse relations of a predicate adjective on a copular verb
_PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd", "xcomp"})
#: participle tags (and adjectives the tagger makes of them: "divided/JJ")
_PARTICIPLE_TAGS = frozenset({"VBN", "VBG", "JJ"})
#: a participle with one of these dependents acts on something (an object, an agent, a
#: recipient) or commits to an act ("is committed to work with", "are prepared to strike":
#: a clause it governs)
_ACTING_DEPS = frozenset({"dobj", "agent", "dative", "iobj", "xcomp", "ccomp"})


@lru_cache(maxsize=2)
def load_non_eventive(path: Path = NON_EVENTIVE_PATH) -> dict[str, tuple[str, ...]]:
    """kind -> its values (fixed expressions one a row, words otherwise); an unknown kind
    or an empty row is an error naming the file and line."""
    out: dict[str, list[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or fields[0] not in NON_EVENTIVE_KINDS or not fields[1].split():
            raise ValueError(f"{path}:{number}: expected 'kind<TAB>values' with kind one of "
                             f"{', '.join(NON_EVENTIVE_KINDS)}; fix this line")
        values = [fields[1].strip().lower()] if fields[0] == "fixed_expression" else fields[1].split()
        out.setdefault(fields[0], []).extend(values)
    return {k: tuple(v) for k, v in out.items()}


def non_eventive_reason(c, index) -> str:
    """Why the candidate ``c`` (event_triggers.Candidate) names no act, or "" when it may."""
    cues = load_non_eventive()
    injury_verbs = _injury_verbs()
    head = c.head
    if predicative_participle(head, cues):  # the tagger may make the participle an adjective
        return "predicative participle"
    if in_fixed_expression(head, cues.get("fixed_expression", ())):
        return "fixed expression"
    if c.is_verb and injured_as_state(head, index, injury_verbs):
        return "injured as a state"
    if c.type in cues.get("tally_type", ()) and counted_doers(head, c.is_verb):
        return "vote tally"
    return ""


def predicative_participle(verb, cues: dict[str, tuple[str, ...]]) -> bool:
    """"The coalition remains split", "he is not opposed to talks" (a participle as the
    predicate adjective of a copular verb, acting on nothing and governing no clause), or
    "what seemed threatening" (a participle whose subject is a free relative): a state or an
    evaluation. "Was committed to work with X" promises an act and stays."""
    if verb.tag_ not in _PARTICIPLE_TAGS or any(ch.dep_ in _ACTING_DEPS for ch in verb.children):
        return False
    if verb.tag_ == "JJ" and not verb.lower_.endswith(("ed", "ing")):
        return False  # a true adjective ("critical of", "supportive of") keeps its statement
    if any(ch.dep_ == "npadvmod" for ch in verb.children):
        return False  # "rejected earlier this summer": dated, an act
    if verb.dep_ in _PREDICATE_DEPS and verb.head.lemma_.lower() in cues.get("copular_verb", ()):
        # "seemed threatening" (xcomp of a verb of seeming); an xcomp of "be" is a misparse
        # of a reduced relative ("from one rejected earlier")
        return verb.dep_ != "xcomp" or verb.head.lemma_.lower() != "be"
    return verb.tag_ == "VBG" and any(ch.dep_ in ("nsubj", "csubj") and ch.lower_ in cues.get("wh_subject", ())
                                      for ch in verb.children)


def in_fixed_expression(tok, expressions: tuple[str, ...]) -> bool:
    """The token is a word of one of the fixed ``expressions`` as written around it."""
    doc = tok.doc
    for expression in expressions:
        words = expression.split()
        for k, word in enumerate(words):
            start = tok.i - k
            if word != tok.lower_ or start < 0 or start + len(words) > len(doc):
                continue
            if [t.lower_ for t in doc[start:start + len(words)]] == words:
                return True
    return False


def injured_as_state(verb, index, injury_verbs: frozenset[str]) -> bool:
    """A verb of injury as a reduced relative on a noun ("Ruritanians wounded and displaced
    by the war"), or a conjunct of one, whose agent names no actor: the state of the
    people named, not an attack."""
    if verb.lemma_.lower() not in injury_verbs or verb.tag_ != "VBN":
        return False
    top = verb
    while top.dep_ == "conj" and top.head.tag_ == "VBN":
        top = top.head
    if any(ch.dep_ in ("aux", "auxpass") for ch in top.children):
        return False  # "were wounded", "have injured": a finite clause tells an act
    # a reduced relative on a noun ("Syrians injured by shelling"), which the parser may
    # also read as a verbless clause with the noun as its subject
    reduced = top.dep_ == "acl" and top.head.pos_ in ("NOUN", "PROPN")
    if not (reduced or any(ch.dep_ == "nsubj" for ch in top.children)):
        return False
    agents = [t for v in (verb, top) for ch in v.children if ch.dep_ == "agent" for t in ch.subtree]
    # a party named by its role ("by Islamist militants", "by riot police") is a doer too
    roles = _party_role_nouns()
    return not any(index[t.i] is not None or (t.pos_ == "NOUN" and t.lemma_.lower() in roles)
                   for t in agents)


@lru_cache(maxsize=1)
def _party_role_nouns() -> frozenset[str]:
    """The actor KB's nouns that name a party by its role (nouns.tsv, no places or things)."""
    from sitrep.knowledge.actors import load_nouns
    return frozenset(k for k, v in load_nouns().items() if v not in ("PLACE", "NONE"))


def counted_doers(head, is_verb: bool) -> bool:
    """The subject is an indefinite count of unnamed parties: a number alone ("in the end
    nine backed the motion") or a counted common noun with no name in its phrase
    ("twenty-two delegations", "31 lawmakers"), not a definite one ("the two leaders")."""
    verb = head if is_verb else (head.head if head.dep_ in ("dobj", "nsubj") else None)
    subject = _subject(verb) if verb is not None else None
    if subject is None:
        return False
    counted = subject.pos_ == "NUM" or any(ch.dep_ in ("nummod", "compound") and ch.tag_ == "CD"
                                           for ch in subject.children)
    if not counted or any(ch.dep_ in ("det", "poss") and ch.lower_ not in ("a", "an") for ch in subject.children):
        return False  # "the two leaders", "its 12 members": parties named before, not a tally
    # a role noun ("senators", "members") counted is still nobody in particular
    return not any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG")
                   for t in subject.subtree if t.pos_ != "NUM")


def order_to_leave(c) -> bool:
    """A REQUEST that orders diplomats to leave ("ordered four envoys to leave", "asked
    the ambassador to leave the country"): an expulsion, so the candidate becomes a
    SANCTION (mode ``expel``) and returns True."""
    cues = load_non_eventive()
    head = c.head
    if c.type != "REQUEST" or not c.is_verb or head.lemma_.lower() not in cues.get("order_verb", ()):
        return False
    envoy = next((ch for ch in head.children if ch.dep_ in ("dobj", "dative", "nsubj")
                  and ch.lemma_.lower() in cues.get("envoy_noun", ())
                  or ch.dep_ in ("dobj", "dative") and ch.lower_ in cues.get("envoy_noun", ())), None)
    clause = next((ch for ch in head.children if ch.dep_ in ("xcomp", "ccomp")), None)
    if envoy is None or clause is None or clause.lemma_.lower() not in cues.get("departure_verb", ()):
        return False
    c.type, c.mode = "SANCTION", "expel"
    return True


def _injury_verbs() -> frozenset[str]:
    """The verbs of injury the event filter's casualty rule reads (one list for both)."""
    from sitrep.stages.event_filter import load_filter_cues  # the filter imports the trigger stage
    return load_filter_cues().get("injury_verb", frozenset())


def _subject(verb):
    """The verb's subject, or its first conjunct's when it shares it ("backed the draft
    and rejected ...")."""
    for tok in (verb, verb.head if verb.dep_ == "conj" else None):
        if tok is None:
            continue
        found = next((ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        if found is not None:
            return found
    return None
