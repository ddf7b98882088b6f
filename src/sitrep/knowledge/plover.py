"""PLOVER event lexicon, loaded once per process (the certainty cues are knowledge/cues.py's).

``load_event_lexicon()`` returns an :class:`EventLexicon` (``kb.event_lexicon``) with

* trigger tables keyed by head lemma, for verbs and for nouns (nominal events), each
  entry a :class:`Trigger` (type, mode, the optional second word, flags);
* the light verbs ("launch", "carry out", "impose" ...) that hand their subject to the
  nominal event they take as object;
* ``ASSAULT`` instrument words that refine an event's mode ("drone" -> drone);
* the CAMEO verb dictionary (``knowledge/cameo_verbs.py``), the fallback for verbs
  without a trigger row;
* the stage's word lists (:class:`EventWords`), the per-type target prepositions and
  PLOVER's coding rules per type (:class:`TypeRules`: what a future, negated or promised
  act of the type is coded as).

The tables are tab-separated files in ``knowledge/data/plover/`` so that they can be
extended without touching code; docs/plover-mapping.md explains the choices.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Optional

from sitrep.knowledge.cameo_verbs import CameoVerbs, load_cameo_verbs
from sitrep.knowledge.cues import load_word_sets
from sitrep.knowledge.tables import tsv_rows

from sitrep.model import PLOVER_TYPES

PLOVER_DIR = Path(__file__).parent / "data" / "plover"

FLAGS = frozenset({"military", "armed", "festive", "object", "target", "actor", "govern", "embed", "complement", "political", "intransitive",
                   "role", "recipient", "proposal", "verbal", "denial", "public", "sectored",
                   "party", "asks", "modifier"})


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: Optional[str]
    pos: str  # V | N | A
    lemma: str
    second: Optional[str] = None  # lemma of a dependent that must be present
    flags: frozenset[str] = frozenset()

    @property
    def words(self) -> str:
        return f"{self.lemma} {self.second}" if self.second else self.lemma


@dataclass
class EventLexicon:
    verbs: dict[str, list[Trigger]]  # head lemma -> triggers (two-word ones first)
    nouns: dict[str, list[Trigger]]
    light_verbs: frozenset[str]
    assault_modes: tuple[tuple[str, frozenset[str]], ...] = ()
    words: "EventWords | None" = None
    types: "dict[str, TypeRules]" = field(default_factory=dict)
    #: PLOVER type -> prepositions whose object is the target (the "*" row merged in)
    target_preps: dict[str, frozenset[str]] = field(default_factory=dict)
    #: trigger lemma -> idiom rules (``idioms.tsv``)
    idioms: "dict[str, tuple[IdiomRule, ...]]" = field(default_factory=dict)
    #: page furniture patterns (``page_furniture.tsv``)
    furniture: "tuple[FurniturePattern, ...]" = ()
    #: background cue phrases by kind, "past" / "habitual" (``background_cues.tsv``)
    background_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    #: evaluative words by polarity, "negative" / "positive" (``evaluations.tsv``); the
    #: "negative_label" words reproach only as the label a verb of naming gives
    evaluations: dict[str, frozenset[str]] = field(default_factory=dict)
    #: actor sector -> family of parties ("state", "armed", "civil", "igo"; ``sectors.tsv``)
    sector_families: dict[str, str] = field(default_factory=dict)
    #: lemmas of the "A" rows: predicative adjectives that head an event ("critical of")
    adjectives: frozenset[str] = frozenset()
    #: the CAMEO verb dictionary, asked for verbs without a row here (``knowledge/cameo_verbs.py``)
    cameo: "CameoVerbs | None" = None

    def types_of(self, type_class: str) -> frozenset[str]:
        """The PLOVER types of one class of ``types.tsv`` ("physical", "reaction", ...)."""
        cache = self.__dict__.setdefault("_types_of", {})
        if type_class not in cache:
            if type_class not in TYPE_CLASSES:
                raise KeyError(f"unknown type class {type_class!r}")
            cache[type_class] = frozenset(t for t, rule in self.types.items() if type_class in rule.classes)
        return cache[type_class]

    def lookup(self, lemma: str, is_verb: bool) -> list[Trigger]:
        table = self.verbs if is_verb else self.nouns
        return table.get(lemma, [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())


def load_triggers(path: Path = PLOVER_DIR / "triggers.tsv") -> list[Trigger]:
    triggers = []
    for row in tsv_rows(path):
        if len(row) < 4:
            raise ValueError(f"{path.name}: bad row {row!r}")
        type_, mode, pos, pattern = row[:4]
        flags = frozenset(f.strip() for f in (row[4] if len(row) > 4 else "").split(",") if f.strip())
        if type_ not in PLOVER_TYPES:
            raise ValueError(f"{path.name}: unknown PLOVER type {type_!r}")
        if pos not in ("V", "N", "A"):
            raise ValueError(f"{path.name}: bad pos {pos!r} in {row!r}")
        if flags - FLAGS:
            raise ValueError(f"{path.name}: unknown flags {sorted(flags - FLAGS)} in {row!r}")
        words = pattern.lower().split()
        if not 1 <= len(words) <= 2:
            raise ValueError(f"{path.name}: pattern must have one or two words: {pattern!r}")
        triggers.append(Trigger(type_, None if mode in ("", "-") else mode, pos, words[0],
                                words[1] if len(words) > 1 else None, flags))
    return triggers


def load_nominal_events(verbs: dict[str, list[Trigger]],
                        path: Path = PLOVER_DIR / "nominal_events.tsv") -> list[Trigger]:
    """Noun triggers typed by the verb they derive from (``nominal_events.tsv``).

    Each row names a noun and its verb; the noun takes the type and mode of the verb's
    one-word row, with the row's own flags. A verb without a one-word row is an error
    (the table would silently code nothing).
    """
    out = []
    for row in tsv_rows(path):
        if len(row) < 2:
            raise ValueError(f"{path.name}: bad row {row!r}")
        noun, verb = row[0].lower(), row[1].lower()
        flags = frozenset(f.strip() for f in (row[2] if len(row) > 2 else "").split(",") if f.strip())
        if flags - FLAGS:
            raise ValueError(f"{path.name}: unknown flags {sorted(flags - FLAGS)} in {row!r}")
        base = next((t for t in verbs.get(verb, ()) if t.second is None), None)
        if base is None:
            raise ValueError(f"{path.name}: {verb!r} has no one-word verb row in triggers.tsv ({row!r})")
        out.append(Trigger(base.type, base.mode, "N", noun, None, flags))
    return out


def load_event_lexicon(data_dir: Path = PLOVER_DIR) -> EventLexicon:
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    for trig in load_triggers(data_dir / "triggers.tsv"):
        tables = {"V": (verbs,), "N": (nouns,), "A": (verbs, nouns)}[trig.pos]
        for table in tables:
            table.setdefault(trig.lemma, []).append(trig)
    for trig in load_nominal_events(verbs, data_dir / "nominal_events.tsv"):
        nouns.setdefault(trig.lemma, [trig])  # a noun's own row in triggers.tsv wins
    for table in (verbs, nouns):
        for lemma, entries in table.items():
            # two-word patterns are more specific: try them first
            entries.sort(key=lambda t: t.second is None)
    light = frozenset(w for row in tsv_rows(data_dir / "light_verbs.txt") for w in row[:1])
    return EventLexicon(verbs=verbs, nouns=nouns, light_verbs=light,
                        assault_modes=load_assault_modes(data_dir / "assault_modes.tsv"),
                        words=event_words() if data_dir == PLOVER_DIR else load_event_words(data_dir / "event_words.tsv"),
                        types=load_type_rules(data_dir / "types.tsv"),
                        target_preps=load_target_preps(data_dir / "target_preps.tsv"),
                        idioms=load_idioms(data_dir / "idioms.tsv"),
                        furniture=load_page_furniture(data_dir / "page_furniture.tsv"),
                        background_cues=load_background_cues(data_dir / "background_cues.tsv"),
                        evaluations=load_evaluations(data_dir / "evaluations.tsv"),
                        sector_families=load_sector_families(data_dir / "sectors.tsv"),
                        adjectives=frozenset(t.lemma for t in load_triggers(data_dir / "triggers.tsv")
                                             if t.pos == "A"),
                        cameo=load_cameo_verbs())


# ------------------------------------------------------------------ word lists

@dataclass(frozen=True)
class EventWords:
    """The events stage's word lists (``event_words.tsv``), one field per concept."""
    future_aux: frozenset[str]
    deontic_aux: frozenset[str]
    advice_aux: frozenset[str]
    obligation_verbs: frozenset[str]
    advice_non_parties: frozenset[str]
    oversight_sectors: frozenset[str]
    advice_stance_verbs: frozenset[str]
    saying_verbs: frozenset[str]
    readiness_adjectives: frozenset[str]
    reflexive_pronouns: frozenset[str]
    locative_preps: frozenset[str]
    place_preps: frozenset[str]
    place_head_nouns: frozenset[str]
    quantifier_nouns: frozenset[str]
    generic_event_heads: frozenset[str]
    carrier_documents: frozenset[str]
    issuing_verbs: frozenset[str]
    promise_verbs: frozenset[str]
    intent_governors: frozenset[str]
    intent_verbs: frozenset[str]
    #: verbs of stating something about a known act ("did not confirm the attack",
    #: "denied the strike"): their subject may be a witness or the victim, not the doer
    recap_verbs: frozenset[str]
    #: verbs of wanting and aiming: "X claimed that Y wants to seize ..." imputes an aim
    aim_verbs: frozenset[str]
    #: verbs of claiming something about another party ("claimed", "alleged")
    claim_verbs: frozenset[str]
    #: verbs of hoping: what one hopes for is a wish, not an act ("hoping for relief")
    wish_verbs: frozenset[str]
    #: verbs of permission: "not authorized to discuss" says who may speak, no act
    permission_verbs: frozenset[str]
    arrival_verbs: frozenset[str]
    non_event_objects: frozenset[str]
    military_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    labour_words: frozenset[str]
    on_strike_verbs: frozenset[str]
    subordinate_marks: frozenset[str]
    subordinate_preps: frozenset[str]
    distinct_markers: frozenset[str]
    definite_determiners: frozenset[str]
    question_words: frozenset[str]
    debate_sectors: frozenset[str]
    metaphor_prone: frozenset[str]
    casualty_verbs: frozenset[str]
    undergo_verbs: frozenset[str]
    possibility_modals: frozenset[str]
    generic_determiners: frozenset[str]
    generic_subjects: frozenset[str]
    evaluating_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    first_person: frozenset[str]
    third_person_subjects: frozenset[str]
    object_control_preps: frozenset[str]
    example_preps: frozenset[str]
    point_place_features: frozenset[str]
    civil_sectors: frozenset[str]
    #: "charge" in its entrusting sense ("charged with auditing"): no criminal charge unless a
    #: crime is named (a noun other than a duty noun, a conflict act, a crime gerund)
    entrusting_verbs: frozenset[str]
    crime_gerunds: frozenset[str]
    duty_nouns: frozenset[str]
    #: verbs of firing a projectile ("rockets launched by the militia")
    firing_verbs: frozenset[str]
    comment_verbs: frozenset[str]
    #: predicates and withheld words of a refusal to speak ("would not be specific about the date",
    #: "refused to give details"): no refusal of an act, like "refused to comment"
    comment_predicates: frozenset[str]
    information_verbs: frozenset[str]
    information_nouns: frozenset[str]
    schedule_governors: frozenset[str]
    scheduled_modifiers: frozenset[str]
    #: "a meeting has been scheduled", "talks are due to resume": an agreed future act
    scheduling_verbs: frozenset[str]
    #: "next week's summit", "the visit next month": a date still to come
    future_date_words: frozenset[str]
    #: "decided to pull out": the decision of a cooperative act is the act
    enacting_governors: frozenset[str]
    #: "the advance threatened regional security": a good in danger, no threat act
    endangered_goods: frozenset[str]
    #: "could face sanctions", "may impose sanctions": a deterrent act held out, a threat
    deterrent_modals: frozenset[str]
    #: "if", "unless": the clause they open is a condition, not an act
    conditional_marks: frozenset[str]
    local_sectors: frozenset[str]
    #: sectors of state bodies that act from their seat ("the government"): where their
    #: act lands is not their country
    seated_sectors: frozenset[str]
    decision_nouns: frozenset[str]
    topic_nouns: frozenset[str]
    failure_governors: frozenset[str]
    affirming_governors: frozenset[str]
    option_rejections: frozenset[str]
    negation_cancellers: frozenset[str]
    capture_verbs: frozenset[str]
    partitive_nouns: frozenset[str]
    infinitive_markers: frozenset[str]
    agreement_preps: frozenset[str]
    copulas: frozenset[str]
    label_preps: frozenset[str]
    #: verbs of punishing and the justice brought to someone, in a promised clause (THREATEN)
    punishing_verbs: frozenset[str]
    avenging_verbs: frozenset[str]
    justice_nouns: frozenset[str]
    bringing_verbs: frozenset[str]
    undergoing_verbs: frozenset[str]
    retribution_verbs: frozenset[str]
    negative_determiners: frozenset[str]
    #: subjects (or their determiners) that say nobody did the act ("neither X nor Y")
    negative_subjects: frozenset[str]
    strike_preps: frozenset[str]
    #: prepositions naming who made a proposal ("a request from Maduro", "an offer by Oslo")
    proposer_preps: frozenset[str]
    #: nominal triggers that name the event only in the plural: "talks" are negotiations,
    #: "a talk with students" is a speech and "talk of war" is speech about war
    plural_only_nouns: frozenset[str]
    #: prepositions listing the parties of a joint act ("talks between X and Y", "peace
    #: talks including X, Y and Z"): with no other doer, the first named is the source
    participant_preps: frozenset[str]
    #: types of the proposals a reply answers ("rejected a request", "accepted an invitation")
    proposal_types: frozenset[str]
    #: what a brush-off verb can turn down as a rejection: a proposal, demand or offer
    #: ("brushed aside calls to resign", "poured cold water on the plan"), not a thing
    #: ("brushed dust off his coat") -- the ``proposal`` flag of triggers.tsv
    proposed_things: frozenset[str]
    #: verbs whose subject moves itself ("the carrier arrived", "warships entered the bay")
    self_moving_verbs: frozenset[str]
    #: verbs whose object is a topic, not an act done ("discussed a possible meeting")
    discussion_verbs: frozenset[str]
    #: verbs of going somewhere that move forces when forces are their subject ("a carrier
    #: group is headed toward", "bombers flew over the islands"): a show of force
    force_motion_verbs: frozenset[str]
    #: of those, the verbs whose object is the flown force ("flew bombers over ...")
    flown_object_verbs: frozenset[str]
    #: "headed back", "sailed home": a return, not a mobilisation
    return_adverbs: frozenset[str]
    #: "a show / demonstration of force": the act it describes displays force (MOBILIZE)
    display_nouns: frozenset[str]
    force_nouns: frozenset[str]
    #: conjunctions of a condition that a refusal sets ("will not open the border unless
    #: they disarm"): the refusal demands the condition
    condition_marks: frozenset[str]
    #: the conditions of those that make a future act an ultimatum ("will withdraw unless")
    ultimatum_marks: frozenset[str]
    #: a launch of missiles that lands only in the sea or in orbit is a weapons test
    #: (MOBILIZE), not an attack: "fired a missile into the sea", "launched ... off its coast"
    launch_verbs: frozenset[str]
    missile_nouns: frozenset[str]
    #: words of intercepting and the things whose interception seizes nothing: a
    #: communication (surveillance) or, with ``missile_nouns``, a projectile in flight
    interception_words: frozenset[str]
    communication_nouns: frozenset[str]
    #: verbs whose act hangs on the object, and the objects that give them another sense:
    #: "executed the plan" (carried out), "accepted the prize" (received)
    #: procedures that are an investigation only "into" something ("a hearing into ...")
    procedure_nouns: frozenset[str]
    inquiry_into_preps: frozenset[str]
    execution_verbs: frozenset[str]
    carried_out_things: frozenset[str]
    acceptance_verbs: frozenset[str]
    received_things: frozenset[str]
    test_destinations: frozenset[str]
    #: nouns of aiming: "claimed the goal of X was to seize ..." imputes an aim to X
    aim_nouns: frozenset[str]
    #: participles of purpose and the words that open the aimed act ("talks aimed at
    #: normalizing relations", "a strike designed to deter", "geared toward"): the act
    #: after them is an aim, not an act (``event_triggers.aimed_act``)
    purpose_participles: frozenset[str]
    purpose_openers: frozenset[str]
    #: legal and administrative instruments: the act a participle of purpose gives them is
    #: their content, not a mere aim ("a decree aimed at expelling ...")
    measure_nouns: frozenset[str]
    #: sectors that fight (armed forces, police, armed and criminal groups): their
    #: "attack" on someone is violence; a politician's is words (``events._debate``)
    armed_sectors: frozenset[str]
    #: verbs of halting one's own activity: promised, a concession ("pledged to halt tests")
    cessation_verbs: frozenset[str]
    #: possessives of the subject's own activity ("halt its tests")
    own_possessives: frozenset[str]
    #: nouns of a hostile option and the places it is kept ("all options are on the table")
    option_nouns: frozenset[str]
    option_places: frozenset[str]
    #: verbs that make an option noun an act ("take action", "use force") and the verbs
    #: whose negation states readiness ("will not hesitate to"): a force held out
    option_verbs: frozenset[str]
    litotes_verbs: frozenset[str]
    #: verbs of joint work coded only when offered ("will work with the parliament": AGREE) and
    #: the adjectives of willingness that offer them ("happy to work with")
    joint_work_verbs: frozenset[str]
    willing_adjectives: frozenset[str]
    #: limits set on another's conduct ("red_line": modifier_noun), the verbs that pass them
    #: ("cross") and the verbs that set them ("draw", "declare")
    limit_phrases: frozenset[str]
    crossing_verbs: frozenset[str]
    limit_setting_verbs: frozenset[str]
    #: predicates that keep such an option open ("military action is possible")
    option_predicates: frozenset[str]
    #: shares of a polled public as a subject ("two-thirds say they agree"): no actor
    share_words: frozenset[str]
    #: objects that offer or promise nothing ("offered little in the way of detail")
    nil_objects: frozenset[str]
    #: light verbs of a two-way act: "X and Y traded accusations" is X's act on Y (and Y's on X)
    reciprocal_verbs: frozenset[str]
    #: reciprocal pronouns as ``determiner:head`` pairs ("each:other", "one:another"): an
    #: act on "each other" is each coordinated subject's act on the other
    reciprocal_pronouns: frozenset[str]
    #: verbs that carry a nominal event through a preposition ("engaged in clashes",
    #: "entered into talks"): like a light verb, the subject does the act
    prepositional_carriers: frozenset[str]
    carrier_preps: frozenset[str]
    #: sectors of private bodies (companies, schools, universities) and the media: their
    #: praise, complaint or pressing is business or reporting, no political act (``public``)
    private_sectors: frozenset[str]
    #: nouns of kinship: a doer named only by one ("the hostage's family thanked ...") is a
    #: private person, whose thanks or lament is no political act (``public``)
    kin_nouns: frozenset[str]
    #: sectors whose parade is a show of force (``armed``): a government, its forces, an
    #: armed group
    force_sectors: frozenset[str]
    #: festivities: marching in one is taking part, no protest (``festive``)
    festivity_nouns: frozenset[str]
    #: act nouns that also name a source of danger ("the cartel is a threat to the republic")
    danger_nouns: frozenset[str]
    #: verbs of threat with a risk sense ("a feud over water rights threatened to wreck the summit")
    danger_verbs: frozenset[str]
    #: nouns of people and groups that the Phoenix agents lack ("inhabitants", "faction")
    people_nouns: frozenset[str]
    #: "hardliners in parliament": prepositions of belonging to a body
    membership_preps: frozenset[str]
    #: objects and prepositions of asking that make it a question ("asked him about the plan")
    inquiry_nouns: frozenset[str]
    inquiry_preps: frozenset[str]
    #: "asked not to be named": a request for anonymity, no demand
    naming_verbs: frozenset[str]
    #: modifiers that make a festivity defiance ("the banned parade"): a protest after all
    defiant_modifiers: frozenset[str]


#: EventWords fields kept once, in ``cues/words.tsv`` (field -> its set there)
_SHARED_WITH_CUES = {"decision_nouns": "decision_noun"}


def load_event_words(path: Path = PLOVER_DIR / "event_words.tsv") -> EventWords:
    """Read ``concept<TAB>words`` rows; every field of :class:`EventWords` must appear,
    except the lists shared with the certainty stage, read from ``cues/words.tsv``."""
    wanted = {f.name for f in fields(EventWords)} - set(_SHARED_WITH_CUES)
    found: dict[str, set[str]] = {}
    for row in tsv_rows(path):
        if len(row) < 2 or row[0] not in wanted:
            raise ValueError(f"{path.name}: unknown concept or empty row {row[:2]!r}")
        found.setdefault(row[0], set()).update(row[1].lower().split())
    missing = wanted - set(found)
    if missing:
        raise ValueError(f"{path.name}: missing concepts {sorted(missing)}")
    shared = load_word_sets()
    for name, cue_set in _SHARED_WITH_CUES.items():
        found[name] = set(shared.get(cue_set, ()))
    return EventWords(**{name: frozenset(words) for name, words in found.items()})


@functools.lru_cache(maxsize=1)
def event_words() -> EventWords:
    """The shipped word lists, read once per process (for helpers that other stages and
    the scorers call without a :class:`Knowledge`)."""
    return load_event_words()


@dataclass(frozen=True)
class TypeRules:
    """How PLOVER codes one event type when future, negated or promised (``types.tsv``)."""
    type: str
    future: Optional[str] = None  # the type a future act is coded as
    threat_mode: Optional[str] = None
    classes: frozenset[str] = frozenset()  # see types.tsv: cooperative | conflict | symmetric ...


TYPE_CLASSES = frozenset({"cooperative", "conflict", "symmetric", "physical", "reaction", "addressed", "local",
                          "self-moving", "own-forces", "standing", "positioned", "deterrent", "judging"})


def load_type_rules(path: Path = PLOVER_DIR / "types.tsv") -> dict[str, TypeRules]:
    rules = {}
    for row in tsv_rows(path):
        type_, future, mode = row[0], _dash(row[1]), _dash(row[2])
        classes = frozenset(c for c in (_dash(row[3]) or "").split(",") if c)
        if type_ not in PLOVER_TYPES or (future and future not in PLOVER_TYPES) or classes - TYPE_CLASSES:
            raise ValueError(f"{path.name}: bad row {row!r}")
        rules[type_] = TypeRules(type_, future, mode, classes)
    missing = set(PLOVER_TYPES) - set(rules)
    if missing:
        raise ValueError(f"{path.name}: no rule for {sorted(missing)}")
    return rules


def load_target_preps(path: Path = PLOVER_DIR / "target_preps.tsv") -> dict[str, frozenset[str]]:
    rows = {row[0]: frozenset(row[1].lower().split()) for row in tsv_rows(path)}
    common = rows.pop("*", frozenset())
    unknown = set(rows) - set(PLOVER_TYPES)
    if unknown:
        raise ValueError(f"{path.name}: unknown types {sorted(unknown)}")
    return {t: common | rows.get(t, frozenset()) for t in PLOVER_TYPES}


def load_assault_modes(path: Path = PLOVER_DIR / "assault_modes.tsv") -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((row[0], frozenset(row[1].lower().split())) for row in tsv_rows(path))


def _dash(cell: str) -> Optional[str]:
    return None if cell in ("", "-") else cell



# ------------------------------------------------------------------ precision tables

IDIOM_RELATIONS = frozenset({"subj", "obj", "prt", "prep", "comp", "head", "mod"})


@dataclass(frozen=True)
class IdiomRule:
    """A trigger lemma whose dependent in ``relation`` is one of ``words`` is an idiom:
    no event (``action`` None) or an event of another type (``action`` = that type)."""
    relation: str
    words: frozenset[str]
    action: Optional[str]


def load_idioms(path: Path = PLOVER_DIR / "idioms.tsv") -> dict[str, tuple[IdiomRule, ...]]:
    rules: dict[str, list[IdiomRule]] = {}
    for row in tsv_rows(path):
        if len(row) < 4 or row[1] not in IDIOM_RELATIONS:
            raise ValueError(f"{path.name}: bad row {row!r}")
        action = _dash(row[3])
        if action is not None and action not in PLOVER_TYPES:
            raise ValueError(f"{path.name}: unknown type {action!r} in {row!r}")
        rules.setdefault(row[0].lower(), []).append(
            IdiomRule(row[1], frozenset(row[2].lower().split()), action))
    return {k: tuple(v) for k, v in rules.items()}


@dataclass(frozen=True)
class FurniturePattern:
    """A paragraph that is page furniture (byline, caption, credit, boilerplate)."""
    kind: str
    anywhere: bool  # False: the paragraph starts with it
    pattern: "re.Pattern[str]"


def load_page_furniture(path: Path = PLOVER_DIR / "page_furniture.tsv") -> tuple[FurniturePattern, ...]:
    out = []
    for row in tsv_rows(path):
        if len(row) < 3 or row[1] not in ("start", "anywhere"):
            raise ValueError(f"{path.name}: bad row {row!r}")
        try:
            pattern = re.compile(row[2], re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{path.name}: bad pattern {row[2]!r}: {exc}") from exc
        out.append(FurniturePattern(row[0], row[1] == "anywhere", pattern))
    return tuple(out)


#: the kinds of ``background_cues.tsv`` rows
BACKGROUND_CUE_KINDS = ("past", "habitual", "earlier", "before_main", "measured_from", "time_clause")


def load_background_cues(path: Path = PLOVER_DIR / "background_cues.tsv") -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for row in tsv_rows(path):
        if len(row) < 2 or row[0] not in BACKGROUND_CUE_KINDS:
            raise ValueError(f"{path.name}: bad row {row!r}")
        found.setdefault(row[0], set()).add(" ".join(row[1].lower().split()))
    return {k: frozenset(v) for k, v in found.items()}


@dataclass(frozen=True)
class HistoricHappening:
    """A named happening of modern history (``historic_happenings.tsv``)."""
    words: tuple[str, ...]  # the phrase, lower-case tokens
    start: str  # TIMEX value
    end: str


@functools.lru_cache(maxsize=1)
def load_historic_happenings(path: Path = PLOVER_DIR / "historic_happenings.tsv") -> tuple[HistoricHappening, ...]:
    """``phrase<TAB>start<TAB>end`` rows, longest phrase first (read once per process)."""
    out = []
    for row in tsv_rows(path):
        if len(row) < 3 or not re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", row[1]) \
                or not re.fullmatch(r"\d{4}(-\d{2}-\d{2})?", row[2]) or row[1] > row[2]:
            raise ValueError(f"{path.name}: bad row {row!r}")
        out.append(HistoricHappening(tuple(row[0].lower().split()), row[1], row[2]))
    return tuple(sorted(out, key=lambda h: -len(h.words)))


def load_evaluations(path: Path = PLOVER_DIR / "evaluations.tsv") -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for row in tsv_rows(path):
        if len(row) < 2 or row[0] not in ("negative", "positive", "threat", "negative_label"):
            raise ValueError(f"{path.name}: bad row {row!r}")
        found.setdefault(row[0], set()).update(row[1].lower().split())
    overlap = found.get("negative", set()) & found.get("positive", set())
    if overlap:
        raise ValueError(f"{path.name}: words in both polarities: {sorted(overlap)}")
    return {k: frozenset(v) for k, v in found.items()}


def load_sector_families(path: Path = PLOVER_DIR / "sectors.tsv") -> dict[str, str]:
    out = {}
    for row in tsv_rows(path):
        if len(row) < 2:
            raise ValueError(f"{path.name}: bad row {row!r}")
        for sector in row[1].upper().split():
            out[sector] = row[0]
    return out
