"""Language knowledge the situation report uses, loaded from ``knowledge/data/report/``.

``load_report_terms()`` (cached per process) returns a :class:`ReportTerms`:

``issue_tags(text) -> list[str]``
    issue tags (energy, sanctions, regime change, ...) whose keywords occur in the text.
``event_types[type]``
    an :class:`EventTypeInfo`: severity (0..1), role toward the other side (measure,
    demand, offer, accusation, rejection, contact, support) and the verb phrase of a
    generated sentence.
``figure_kind(counted, unit) -> str | None``, ``figure_cue(words) -> (kind, start, end) | None``
    killed / injured / detained / displaced / forces / money, from a quantity's unit and
    counted noun, or from the words next to it; None for a number that is not a key
    figure (a duration, an age, an ordinary count).
``watch_kinds(text) -> list[str]``
    deadline / talks / vote / decision / threat cues in a sentence.
``is_aim(text)``, ``is_demand(text)``, ``is_first_person(text)``, ``aim_starts(text)``,
``is_caption(text)``, ``threat_made(text)``
    a sentence stating what a side wants, a demand, the speaker's own side ("we"), an
    aim cue right at the start; a photo caption or credit line; a threat made in so many
    words ("threatened to ...", "warned that ...").
``roles``
    a :class:`RoleWords`: the words around an actor mention that show it is an object
    of a preposition, a place, or the speaker rather than the actor, and the event types
    whose noun names its actor with "of" (``roles.tsv``).
``unit_days[unit]``
    the length in days of a unit of time ("year": 365; ``durations.tsv``).
``in_sentence(name)``
    an actor's name as running text writes it ("the United States"; ``names.tsv``).
``recalls(before)``
    the trigger's act is told as the antecedent of another clause's news ("in response
    to a drone strike last week", "last week's strike"): a recap, not a report (``recap.tsv``).

The tables are plain TSV (see each file's header) so they can be extended without
touching code; nothing in them may be specific to one country or crisis.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sitrep.knowledge.tables import tsv_records

REPORT_DIR = Path(__file__).parent / "data" / "report"
#: quantity units that are currencies (ISO 4217 codes as the quantities stage writes them)
_CURRENCY = re.compile(r"^[A-Z]{3}$")
#: how many words may stand between "whether"/"if" and the trigger of its clause
MAX_QUESTION_GAP = 10
#: punctuation that ends the clause a "whether"/"if" opens (the words are in tense.tsv)
_CLAUSE_PUNCTUATION = re.compile(r"[,;:—–()]|\s-\s")
#: how many words may stand between a cause or sequence word and the trigger it recalls
#: ("in response to a U.S. drone strike": 2)
MAX_RECAP_GAP = 6
_TRAILING_PREPOSITION = re.compile(r"\s+(?:against|on|with|to|from|for|of)$")


@dataclass(frozen=True)
class EventTypeInfo:
    severity: float
    role: str
    phrase: str
    noun: str


def _cue_pattern(cues: list[str], whole_words: bool = False) -> re.Pattern:
    """One case-insensitive pattern matching any cue at the start of a word (or, with
    ``whole_words``, as a whole word)."""
    words = sorted((c.strip() for c in cues if c.strip()), key=len, reverse=True)
    end = r"(?![\w])" if whole_words else ""
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + ")" + end, re.IGNORECASE)


def _alternatives(cues: list[str]) -> str:
    """A regex group of the cues, each matching at the start of a word."""
    return "(?:" + "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)) + ")"


#: cue kinds matched as whole words ("us" must not match "usually")
WHOLE_WORD_KINDS = {"first_person"}


def _cue_table(name: str, key: str) -> dict[str, re.Pattern]:
    return {r[key]: _cue_pattern(r["cues" if "cues" in r else "keywords"].split("|"), r[key] in WHOLE_WORD_KINDS)
            for r in tsv_records(REPORT_DIR / name)}


@dataclass(frozen=True)
class RoleWords:
    """Single lower-case words from ``roles.tsv`` (see its header)."""
    object_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    modifiers: frozenset[str]
    report_verbs: frozenset[str]
    report_aux: frozenset[str]
    coordinators: frozenset[str]
    governors: frozenset[str]
    light_verbs: frozenset[str]
    possessives: frozenset[str]
    infinitive: frozenset[str]
    agent: frozenset[str]
    agent_of: frozenset[str]
    #: PLOVER types (upper case) whose noun names its actor with an ``agent_of`` word
    actor_of_types: frozenset[str] = frozenset()
    #: a role whose name opens with one of these is a question ("how many people"), not an actor
    question_words: frozenset[str] = frozenset()


def _role_words() -> RoleWords:
    kinds = {r["kind"]: frozenset(w.strip().lower() for w in r["cues"].split("|") if w.strip())
             for r in tsv_records(REPORT_DIR / "roles.tsv")}
    return RoleWords(kinds["object_preposition"], kinds["place_preposition"], kinds["modifier"],
                     kinds["report_verb"], kinds["report_aux"], kinds["coordinator"], kinds["governor"],
                     kinds["light_verb"], kinds["possessive"],
                     kinds["infinitive"], kinds["agent"], kinds["agent_of"],
                     frozenset(t.upper() for t in kinds.get("actor_of_type", ())), kinds.get("question_word", frozenset()))


class ReportTerms:
    def __init__(self) -> None:
        self._issues = _cue_table("issues.tsv", "tag")
        self.event_types = {r["type"]: EventTypeInfo(float(r["severity"]), r["role"], r["phrase"], r["noun"])
                            for r in tsv_records(REPORT_DIR / "event_types.tsv")}
        self._figures = _cue_table("figures.tsv", "kind")
        rules = {r["rule"]: tuple(k.strip() for k in r["kinds"].split("|") if k.strip())
                 for r in tsv_records(REPORT_DIR / "figure_rules.tsv")}
        #: kinds whose cue may be a verb right before the number ("killed 86"; figure_rules.tsv)
        self.kinds_cued_before = rules["cued_before"]
        #: kinds a figure has only in its act's own sentence, never the sentence after it
        self.own_sentence_kinds = rules["own_sentence_only"]
        self._watch = _cue_table("watch.tsv", "kind")
        statements = _cue_table("statements.tsv", "kind")
        self._aim, self._demand = statements["aim"], statements["demand"]
        self._first_person, self._caption = statements["first_person"], statements["caption"]
        self.roles = _role_words()
        #: unit of time -> days ("year": 365), for quantities that are durations
        self.unit_days = {r["unit"]: int(r["days"]) for r in tsv_records(REPORT_DIR / "durations.tsv")}
        words = {r["kind"]: [c.strip() for c in r["cues"].split("|") if c.strip()]
                 for r in tsv_records(REPORT_DIR / "statements.tsv")}
        self._threat_made = statements["threat_made"]
        verbs = r"(?<![\w-])(?:" + "|".join(map(re.escape, words["threat_verb"])) + r")\w*(?:\W+[\w'’-]+){0,3}?\W+"
        self._threat = re.compile(verbs + _alternatives(words["threat_complement"]) + r"(?!\w)", re.IGNORECASE)
        # "warned Borduria of a military response": of a harm the speaker's side would do
        self._warn_of = re.compile(verbs + r"of(?:\W+[\w'’-]+){0,3}?\W+" + _alternatives(words["threat_of_harm"]),
                                   re.IGNORECASE)
        self._qualified_consequence = re.compile(
            r"(?<![\w-])" + _alternatives(words["consequence_qualifier"]) + r"(?:\W+[\w'’-]+){0,2}?\W+"
            + _alternatives(words["consequence"]), re.IGNORECASE)
        self._consequence = statements["consequence"]
        #: "warnings about the possibility that ...": a forecast of what may happen, no threat
        self._forecast = _cue_pattern(words["threat_forecast"], whole_words=True)
        names = {r["kind"]: frozenset(c.strip().lower() for c in r["cues"].split("|") if c.strip())
                 for r in tsv_records(REPORT_DIR / "names.tsv")}
        self._definite_heads = names["definite_head"]
        self._possessives = names["possessive"]
        self._condition = _cue_pattern(words["threat_condition"], whole_words=True)
        tense = {r["kind"]: [c.strip() for c in r["cues"].split("|") if c.strip()]
                 for r in tsv_records(REPORT_DIR / "tense.tsv")}
        #: a future marker closing the text before a trigger ("... will", "... is set to")
        self._future_before = re.compile(r"(?<![\w’'])" + _alternatives(tense["future_marker"])
                                         + r"(?:\W+" + _alternatives(tense["future_filler"]) + r"){0,2}\W*$",
                                         re.IGNORECASE)
        self._past_aux = frozenset(w.lower() for w in tense["past_aux"])
        self._irregular_past = frozenset(w.lower() for w in tense["irregular_past"])
        self._open_question = _cue_pattern(tense["open_question"], whole_words=True)
        #: what ends the clause a "whether"/"if" opens: punctuation, a dash, or a
        #: relative pronoun or subordinator of ``clause_break``
        self._clause_break = re.compile(_CLAUSE_PUNCTUATION.pattern + "|" + _cue_pattern(
            tense["clause_break"], whole_words=True).pattern, re.IGNORECASE)
        self._running_toll = _cue_table("tolls.tsv", "kind")["running_toll"]
        #: PLOVER types whose future words are the stance itself ("will hold them accountable")
        self.stance_types = frozenset(t.upper() for t in tense["stance_type"])
        recap = {r["kind"]: [c.strip() for c in r["cues"].split("|") if c.strip()]
                 for r in tsv_records(REPORT_DIR / "recap.tsv")}
        gap = r"(?:\W+[\w'’.-]+){0,%d}?" % MAX_RECAP_GAP
        #: a cause or sequence word, then at most MAX_RECAP_GAP words, then the trigger
        self._recap_cause = re.compile(r"(?<![\w’'])" + _alternatives(recap["cause_before"]) + gap + r"\W*$",
                                       re.IGNORECASE)
        self._recap_genitive = re.compile(r"(?<![\w’'])" + _alternatives(recap["time_genitive"])
                                          + r"(?:\W+[\w'’.-]+){0,2}?\W*$", re.IGNORECASE)
        #: what a recap's cue must not cross: punctuation or a clause word (``recap.tsv``)
        self._recap_break = re.compile(r"[,;:—–()\"“”]|\s-\s|" + _cue_pattern(
            recap["clause_break"], whole_words=True).pattern, re.IGNORECASE)

    def issue_tags(self, text: Optional[str]) -> list[str]:
        return [tag for tag, p in self._issues.items() if text and p.search(text)]

    def in_sentence(self, name: str) -> str:
        """An actor's name as running text writes it: "the United States", "the State
        Department", "the military" (its last word a ``definite_head`` of names.tsv), else
        as it is ("Venezuela", "protesters", "al-Qaeda"). A name opening with a possessive
        determiner ("Its parliament", "his regime": a description whose possessor the
        actor stage left unresolved) is already determined: it never takes "the" (never
        "the Its parliament"), and its possessive is written in lower case as running
        text has it unless a capitalised word follows ("Her Majesty's Government"; a
        title still opens with a capital). Who the possessor is, the name
        does not say: the actor's country is no guide ("our people" in an American's
        quote, filed under Libya), so it is not guessed here."""
        words = name.split()
        if not words or words[0].lower() in ("the", "a", "an") or words[0].lower().endswith(("'s", "’s")):
            return name
        if words[0].lower() in self._possessives:
            # "His regime" (a description) reads "his regime" in running text; "Her
            # Majesty's Government" (a proper name: its next word capitalised) stays
            proper = len(words) > 1 and words[1][:1].isupper()
            return name if proper else words[0].lower() + name[len(words[0]):]
        return f"the {name}" if words[-1].lower() in self._definite_heads else name

    def severity(self, event_type: Optional[str]) -> float:
        info = self.event_types.get(event_type or "")
        return info.severity if info else 0.0

    def role(self, event_type: Optional[str]) -> Optional[str]:
        info = self.event_types.get(event_type or "")
        return info.role if info else None

    def phrase(self, event_type: Optional[str], with_target: bool = True) -> str:
        """The verb phrase; without a target its trailing preposition goes."""
        info = self.event_types.get(event_type or "")
        phrase = info.phrase if info else "acted toward"
        return phrase if with_target else _TRAILING_PREPOSITION.sub("", phrase)

    def noun(self, event_type: Optional[str], with_target: bool = True) -> str:
        info = self.event_types.get(event_type or "")
        noun = info.noun if info else "an event involving"
        return noun if with_target else _TRAILING_PREPOSITION.sub("", noun)

    def figure_kind(self, counted: Optional[str], unit: Optional[str] = None) -> Optional[str]:
        """The kind of key figure a quantity is by its unit (a currency: money) or counted
        noun ("troops", "dead"); None when that alone does not say (see ``figure_cue``)."""
        if unit and _CURRENCY.match(unit):
            return "money"
        if unit:  # durations, ages, distances, percentages: never a key figure
            return None
        for kind, pattern in self._figures.items():
            if kind != "money" and counted and pattern.search(counted):
                return kind
        return None

    def figure_cue(self, words: str) -> Optional[tuple[str, int, int]]:
        """(kind, start, end) of the first figure cue in a few words next to a number
        ("were killed", "people wounded"), money cues excluded."""
        found = None
        for kind, pattern in self._figures.items():
            m = pattern.search(words) if kind != "money" and words else None
            if m and (found is None or m.start() < found[1]):
                found = (kind, m.start(), m.end())
        return found

    def figure_cue_before(self, words: str) -> Optional[tuple[str, int, int]]:
        """``figure_cue`` for the words right before a number: the cue nearest their end
        ("... killed ", "... arrested ")."""
        found = None
        for kind, pattern in self._figures.items():
            if kind == "money" or not words:
                continue
            for m in pattern.finditer(words):
                if found is None or m.start() > found[1]:
                    found = (kind, m.start(), m.end())
        return found

    def watch_kinds(self, text: Optional[str]) -> list[str]:
        return [kind for kind, p in self._watch.items() if text and p.search(text)]

    def is_aim(self, text: Optional[str]) -> bool:
        return bool(text and self._aim.search(text))

    def is_demand(self, text: Optional[str]) -> bool:
        return bool(text and self._demand.search(text))

    def is_first_person(self, text: Optional[str]) -> bool:
        return bool(text and self._first_person.search(text))

    def aim_starts(self, text: str) -> bool:
        """An aim cue (not a demand) within the first three words of ``text``: what
        precedes it is the one said to want something ("Washington | seeks to ...")."""
        head = " ".join(text.split()[:3])
        return bool(self._aim.search(head))

    def threat_made(self, text: Optional[str]) -> bool:
        """The text makes a threat: a threat verb with its complement ("threatened to",
        "warned that", "threatened the town with"), a warning of a harm the speaker's
        side would do ("warned X of retaliation", not "warned of flooding"), words that
        threaten on their own, or consequences that are qualified ("would face
        consequences") or conditional ("... consequences if ..."), not "economic
        consequences"."""
        if not text:
            return False
        threat = any(not self._forecast.search(m.group(0)) for m in self._threat.finditer(text))
        if threat or self._warn_of.search(text) or self._threat_made.search(text):
            return True
        return bool(self._qualified_consequence.search(text)
                    or (self._consequence.search(text) and self._condition.search(text)))

    def future_before(self, before: str) -> bool:
        """The text right before a trigger ends in a future marker ("Doe will", "Doe is set
        to", "would not be"): the trigger's act is ahead (``tense.tsv``)."""
        return bool(self._future_before.search(before[-60:]))

    def recalls(self, before: str) -> bool:
        """The act of the trigger that ``before`` (the sentence's text up to it) leads to
        is told as the antecedent of another clause's news (``recap.tsv``): a cause or
        sequence word opens the phrase that holds it ("vowed revenge for the killing of
        ...", "went down shortly after Iran fired missiles"), or a time word in the
        genitive determines it ("last week's strike"). No clause break may stand between:
        "after the talks failed, the army attacked" reports the attack."""
        tail = before[-160:]
        for pattern in (self._recap_cause, self._recap_genitive):
            found = pattern.search(tail)
            if found and not self._recap_break.search(tail[found.start():]):
                return True
        return False

    def running_toll(self, sentence: Optional[str]) -> bool:
        """The sentence gives a war's running total ("the war has since killed ..."), not
        the toll of one incident (``tolls.tsv``)."""
        return bool(sentence and self._running_toll.search(sentence))

    def asked_or_supposed(self, sentence: str, before: str) -> bool:
        """The act is asked about or supposed, not reported: its sentence is a question
        ("what did Doe do once the troops pull back?"), or a "whether" or "if" opens the
        clause of its trigger ("a poll asked whether they backed an attack"); one that
        opens an earlier clause ("If signed, the deal would undo what Doe seized ...")
        or a relative clause between ("whether the militias - who fought ...") does not."""
        if sentence.rstrip(" \"'”’)]").endswith("?"):
            return True
        cues = list(self._open_question.finditer(before))
        if not cues:
            return False
        gap = before[cues[-1].end():]
        return len(gap.split()) <= MAX_QUESTION_GAP and not self._clause_break.search(gap)

    def past_form(self, trigger: Optional[str], before: str = "") -> bool:
        """The trigger is a verb in a past form: its first word ends in -ed or is an
        irregular past ("struck"), a past auxiliary stands right before it ("had met"),
        or a light verb in a past form takes it ("began carrying out air strikes")."""
        words = (trigger or "").lower().split()
        if not words:
            return False
        previous = re.findall(r"[\w’']+", before.lower())[-3:]
        if previous and previous[-1] in self._past_aux:
            return True
        light = [w for w in previous if w in self.roles.light_verbs and self._past_word(w)]
        return self._past_word(words[0]) or bool(light)

    def _past_word(self, word: str) -> bool:
        """A past form: -ed ("need", "proceed" are none) or an irregular past."""
        regular = word.endswith("ed") and not (word.endswith("eed") and not word.endswith("reed"))
        return regular or word in self._irregular_past

    def is_caption(self, text: Optional[str]) -> bool:
        return bool(text and self._caption.search(text))


@functools.lru_cache(maxsize=1)
def load_report_terms() -> ReportTerms:
    return ReportTerms()
