"""PLOVER event lexicon and certainty cue lexicons, loaded once per process.

``load_event_lexicon()`` returns an :class:`EventLexicon` (``kb.event_lexicon``) with

* trigger tables keyed by head lemma, for verbs and for nouns (nominal events), each
  entry a :class:`Trigger` (type, mode, the optional second word, flags);
* the light verbs ("launch", "carry out", "impose" ...) that hand their subject to the
  nominal event they take as object;
* the certainty cue tables (``cues``) read by the certainty stage;
* ``ASSAULT`` instrument words that refine an event's mode ("drone" -> drone).

The tables are tab-separated files in ``knowledge/data/plover/`` so that they can be
extended without touching code; docs/plover-mapping.md explains the choices.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from sitrep.knowledge.tables import tsv_rows

from sitrep.model import PLOVER_TYPES

PLOVER_DIR = Path(__file__).parent / "data" / "plover"

FLAGS = frozenset({"target", "actor", "govern", "embed", "complement"})
CUE_KINDS = frozenset({"verb", "noun", "adverb", "modal", "mark", "hedge", "phrase", "neg",
                       "media", "claimnoun", "claimverb"})

#: instrument / manner words that give an ASSAULT its PLOVER mode when the trigger has
#: none ("a drone strike", "killed by gunmen"); checked in this order
ASSAULT_MODE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("suicide-attack", frozenset({"suicide", "kamikaze"})),
    ("drone", frozenset({"drone", "drones", "uav", "uavs", "unmanned"})),
    ("unconventional", frozenset({"chemical", "sarin", "chlorine", "nuclear", "biological"})),
    ("aerial", frozenset({"airstrike", "airstrikes", "air", "aircraft", "warplane", "warplanes",
                          "jet", "jets", "helicopter", "helicopters", "bomber", "bombers",
                          "aerial", "gunship", "gunships"})),
    ("heavy-weapons", frozenset({"missile", "missiles", "rocket", "rockets", "artillery",
                                 "tank", "tanks", "mortar", "mortars", "shell", "shells",
                                 "shelling", "howitzer", "warship", "warships", "naval",
                                 "destroyer", "cannon"})),
    ("explosives", frozenset({"bomb", "bombs", "bombing", "explosive", "explosives", "ied",
                              "ieds", "mine", "mines", "grenade", "grenades", "dynamite",
                              "car-bomb", "blast", "detonated"})),
    ("firearms", frozenset({"gun", "guns", "gunmen", "gunman", "rifle", "rifles", "shot",
                            "shots", "shooting", "gunfire", "machine-gun", "sniper",
                            "snipers", "pistol", "bullets"})),
    ("abduct", frozenset({"kidnapped", "abducted", "hostage", "hostages", "kidnapping"})),
    ("primitive", frozenset({"machete", "machetes", "knife", "knives", "stabbed", "rocks",
                             "stones", "torched", "arson"})),
    ("crowd-control", frozenset({"tear", "teargas", "water-cannon", "rubber"})),
)


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
class CertaintyCues:
    """Cue lemmas/phrases per kind -> status (or set, for marker kinds)."""
    verbs: dict[str, str] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    adverbs: dict[str, str] = field(default_factory=dict)
    modals: dict[str, str] = field(default_factory=dict)
    marks: dict[str, str] = field(default_factory=dict)
    hedges: dict[str, str] = field(default_factory=dict)  # phrase -> status
    phrases: dict[str, str] = field(default_factory=dict)
    negations: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()  # "rejected CLAIMS that"
    claim_verbs: frozenset[str] = frozenset()  # "REJECTED claims that"


@dataclass
class EventLexicon:
    verbs: dict[str, list[Trigger]]  # head lemma -> triggers (two-word ones first)
    nouns: dict[str, list[Trigger]]
    light_verbs: frozenset[str]
    cues: CertaintyCues
    assault_modes: tuple[tuple[str, frozenset[str]], ...] = ASSAULT_MODE_WORDS

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


def load_certainty_cues(path: Path = PLOVER_DIR / "certainty_cues.tsv") -> CertaintyCues:
    cues = CertaintyCues()
    negations, media, claim_nouns, claim_verbs = set(), set(), set(), set()
    for row in tsv_rows(path):
        status, kind, words = row[0], row[1], " ".join(row[2].lower().split())
        if kind not in CUE_KINDS:
            raise ValueError(f"{path.name}: unknown cue kind {kind!r}")
        if kind == "neg":
            negations.add(words)
        elif kind == "media":
            media.add(words)
        elif kind == "claimnoun":
            claim_nouns.add(words)
        elif kind == "claimverb":
            claim_verbs.add(words)
        else:
            table = {"verb": cues.verbs, "noun": cues.nouns, "adverb": cues.adverbs,
                     "modal": cues.modals, "mark": cues.marks, "hedge": cues.hedges,
                     "phrase": cues.phrases}[kind]
            # the first line wins: the file lists the stronger reading first
            table.setdefault(words, status)
    cues.negations = frozenset(negations)
    cues.media_words = frozenset(media)
    cues.claim_nouns = frozenset(claim_nouns)
    cues.claim_verbs = frozenset(claim_verbs)
    return cues


def load_event_lexicon(data_dir: Path = PLOVER_DIR) -> EventLexicon:
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    for trig in load_triggers(data_dir / "triggers.tsv"):
        tables = {"V": (verbs,), "N": (nouns,), "A": (verbs, nouns)}[trig.pos]
        for table in tables:
            table.setdefault(trig.lemma, []).append(trig)
    for table in (verbs, nouns):
        for lemma, entries in table.items():
            # two-word patterns are more specific: try them first
            entries.sort(key=lambda t: t.second is None)
    light = frozenset(w for row in tsv_rows(data_dir / "light_verbs.txt") for w in row[:1])
    return EventLexicon(verbs=verbs, nouns=nouns, light_verbs=light,
                        cues=load_certainty_cues(data_dir / "certainty_cues.tsv"))
