"""The actor knowledge base: states, people with their terms in office, organisations.

Shipped data lives in ``knowledge/data/actors/`` (format: docs/actors.md):
  curated   countries.tsv, organisations.tsv, people.tsv (office holders with sources)
  derived   phoenix/*.tsv, converted from the Phoenix/PETRARCH2 dictionaries by
            scripts/import_phoenix.py (MIT, phoenix/NOTICE): ~26k people with dated
            country+sector codes, bodies, armed groups, and role nouns -> sectors
  lexicons  roles.tsv (role phrase -> role codes), nouns.tsv (head noun -> category),
            lexicon.tsv (the stage's word lists), cameo.tsv (CAMEO codes), sectors.tsv
User files in the same format are merged over it (``--actors FILE`` or ``SITREP_ACTORS``,
a ``os.pathsep``-separated list of files): a row whose id already exists overrides the
fields it fills and adds its aliases and its term; a new id adds an actor.

Everything the actors stage looks up per token is precomputed here: a token trie of all
names (keys are the normalised spaCy tokens of each alias), role phrases, agent phrases
and the head nouns that pick a sector. Building that from the TSV files takes seconds, so
the built shipped KB is cached under ``~/.cache/sitrep/`` keyed by the package version and
a hash of the data and this module (``SITREP_CACHE`` moves the folder).
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

from sitrep.knowledge.tables import tsv_records, tsv_rows
from sitrep.model import PLOVER_TYPES

ACTOR_DATA_DIR = Path(__file__).parent / "data" / "actors"
PHOENIX_DIR = ACTOR_DATA_DIR / "phoenix"
#: entry files, merged in this order (later rows override earlier ones with the same id);
#: the tier says how prominent an entry is: curated (0) names shadow Phoenix (1) ones
SHIPPED_FILES = (("countries.tsv", 0), ("organisations.tsv", 0), ("people.tsv", 0),
                 ("phoenix/organisations.tsv", 1), ("phoenix/people.tsv", 1),
                 ("phoenix/aliases.tsv", 0))
COLUMNS = ("id", "name", "kind", "sector", "country", "igo", "role", "start", "end", "gender",
           "aliases", "demonyms", "metonyms")
KINDS = ("person", "org", "state", "group")
#: how a name is used: a plain name, a demonym ("Venezuelan"), a metonym (a capital or seat
#: of government standing for the government: "Washington said")
NAME, DEMONYM, METONYM = "name", "demonym", "metonym"
#: bump when the cached structures change shape
INDEX_VERSION = 2


def normalise(text: str) -> str:
    """Lower case, accents stripped, typographic apostrophes straightened."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# -- lexicons -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ActorLexicon:
    """The word lists of lexicon.tsv, one typed field per list (meanings in that file)."""
    locative_prepositions: frozenset[str]
    motion_words: frozenset[str]
    group_prepositions: frozenset[str]
    pronoun_gender: dict[str, str]
    honorifics: frozenset[str]
    title_connectors: frozenset[str]
    government_nouns: frozenset[str]
    not_general: frozenset[str]
    leader_roles: frozenset[str]
    org_sector_words: tuple[tuple[str, str], ...]
    name_particles: frozenset[str]
    name_suffixes: frozenset[str]
    monarch_titles: frozenset[str]
    weak_surnames: frozenset[str]
    surname_first: frozenset[str]
    two_surnames: frozenset[str]
    #: honorifics of courtesy ("Mr", "Dr"): unlike a rank or office ("Gen.", "Sheikh")
    #: they say nothing of a political role
    courtesy_titles: frozenset[str] = frozenset()

    def office_title(self, word: str) -> bool:
        """The word before a name gives an office or rank: a monarch's title or an
        honorific that is not a courtesy ("Prince", "Sheikh", "Gen.", not "Mrs")."""
        low = word.lower()
        return low in self.monarch_titles or (low in self.honorifics and low not in self.courtesy_titles)

    def org_sector(self, name: str) -> Optional[str]:
        """The sector an unknown body's name suggests ("... Army" MIL), or None."""
        low = name.lower()
        for word, sector in self.org_sector_words:
            if word in low:
                return sector
        return None


_LEXICON_LISTS = {
    "locative_preposition": "locative_prepositions", "motion_word": "motion_words",
    "group_preposition": "group_prepositions", "honorific": "honorifics",
    "title_connector": "title_connectors", "government_noun": "government_nouns",
    "not_general": "not_general", "leader_role": "leader_roles", "name_particle": "name_particles",
    "name_suffix": "name_suffixes", "monarch_title": "monarch_titles", "weak_surname": "weak_surnames",
    "surname_first": "surname_first", "two_surnames": "two_surnames", "courtesy_title": "courtesy_titles",
}


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path = ACTOR_DATA_DIR / "lexicon.tsv") -> ActorLexicon:
    sets: dict[str, set[str]] = {field_name: set() for field_name in _LEXICON_LISTS.values()}
    pronouns: dict[str, str] = {}
    org_words: list[tuple[str, str]] = []
    for row in tsv_records(path):
        kind, word, value = row.get("list", ""), row.get("word", ""), row.get("value", "")
        if kind == "pronoun":
            pronouns[word.lower()] = value
        elif kind == "org_sector_word":
            org_words.append((word.lower(), value.upper()))
        elif kind in _LEXICON_LISTS:
            sets[_LEXICON_LISTS[kind]].add(word if kind in ("surname_first", "two_surnames") else word.lower())
        else:
            raise ValueError(f"{path}: unknown list {kind!r} (word {word!r})")
    return ActorLexicon(pronoun_gender=pronouns, org_sector_words=tuple(org_words),
                        **{k: frozenset(v) for k, v in sets.items()})


@dataclass(frozen=True)
class RoleWords:
    """The word lists of role_words.tsv that decide who fills an event's roles."""
    owner_prepositions: frozenset[str]
    instrument_prepositions: frozenset[str]
    #: noun lemma -> PLOVER types of the earlier act it can refer back to
    referring_acts: dict[str, frozenset[str]]
    #: words before a role noun that make the group span several countries
    multinational_modifiers: frozenset[str] = frozenset()
    #: PLOVER type -> sector of the people who do an act of it when no doer is named
    unnamed_doers: dict[str, str] = field(default_factory=dict)
    #: PLOVER type or sector -> the generic name of such an unnamed doer ("protesters")
    unnamed_doer_names: dict[str, str] = field(default_factory=dict)
    #: event nouns whose possessor is who undergoes the act ("Macaire's arrest")
    patient_possessor_nouns: frozenset[str] = frozenset()
    #: things only another party can grant ("approval", "assurances"): asked for, their
    #: possessor or of-phrase is who is asked ("sought the approval of Congress")
    granted_things: frozenset[str] = frozenset()
    #: capitalised nouns that name a bloc of several states ("the West")
    bloc_nouns: frozenset[str] = frozenset()
    #: prefixes that make a following name the side a party takes ("pro-Russian")
    stance_prefixes: frozenset[str] = frozenset()
    #: PLOVER types whose object is taken from the party of a from-phrase ("captured X from Y")
    dispossessing_types: frozenset[str] = frozenset()
    #: nouns of relation ("ally", "rival"): they name another party than their modifier
    relational_nouns: frozenset[str] = frozenset()
    #: nouns that, after "the", describe a state named before ("the country")
    country_descriptions: frozenset[str] = frozenset()
    #: possessive pronouns before a role noun that refer back to one party ("its diplomats")
    #: and to a party of any number ("their troops")
    singular_owner_pronouns: frozenset[str] = frozenset()
    plural_owner_pronouns: frozenset[str] = frozenset()
    #: compass words that, capitalised after "the", stand for a state named before whose
    #: name begins with them ("the North" after "North Korea")
    compass_short_forms: frozenset[str] = frozenset()
    #: prepositions whose place lies outside where an act lands ("off the coast of X")
    outside_prepositions: frozenset[str] = frozenset()
    #: pronouns that stand for a thing or an act, never a party, as a copula's subject
    thing_pronouns: frozenset[str] = frozenset()
    #: nouns of an area of several countries after "of" ("the governments of the region")
    regional_nouns: frozenset[str] = frozenset()
    #: nouns of a sea or strait named after a country ("the Gulf of Oman")
    water_bodies: frozenset[str] = frozenset()
    #: verbs whose object is a reaction they brought about ("sparked outrage")
    causative_verbs: frozenset[str] = frozenset()
    #: PLOVER types besides the reaction class whose object can be an earlier act
    answering_types: frozenset[str] = frozenset()
    #: object pronouns that stand for a person named before ("compared him to X")
    person_object_pronouns: frozenset[str] = frozenset()
    #: places and things of a body ("base", "station"): "an army base" stands for the army
    facility_nouns: frozenset[str] = frozenset()
    #: words before a plural role noun that make the group span several countries ("foreign powers")
    plural_multinational_modifiers: frozenset[str] = frozenset()
    #: role nouns that name states of several countries by themselves ("the six powers")
    multinational_nouns: frozenset[str] = frozenset()
    #: prepositions after a relation noun that name its other party ("ties with X")
    counterpart_prepositions: frozenset[str] = frozenset()
    #: sectors of a state's own bodies (lower case), and of groups that oppose it from inside
    state_sectors: frozenset[str] = frozenset()
    domestic_opponent_sectors: frozenset[str] = frozenset()
    #: sectors of a state's armed bodies a bare role noun does not tell apart ("officers")
    security_sectors: frozenset[str] = frozenset()
    #: sectors of groups that contend with their own state for power (rebels, opposition)
    rival_sectors: frozenset[str] = frozenset()
    #: event nouns whose act a state's body does to its own government ("coup")
    own_state_acts: frozenset[str] = frozenset()
    #: verbs whose subject answers the addressed act their object names ("accepted the offer")
    receiving_verbs: frozenset[str] = frozenset()
    #: PLOVER types whose unaddressed act by a rival for power is an appeal to followers
    appeal_types: frozenset[str] = frozenset()
    #: PLOVER types whose act held out on a condition ("will strike if they attack")
    #: targets the party the condition names
    conditioned_types: frozenset[str] = frozenset()
    #: PLOVER types whose doer's own party may be its target ("Caracas protests": VEN -> VEN)
    self_directed_types: frozenset[str] = frozenset()
    #: PLOVER types that ask their addressee to act, whose target may be the doer's own
    #: state ("the senator said the US should not sell the jets": USA -> USA)
    own_state_addressee_types: frozenset[str] = frozenset()
    #: trigger lemmas of shows of force aimed at no one ("test", "drill", "parade")
    display_acts: frozenset[str] = frozenset()
    #: prepositions after a show of force that name whom it is aimed at ("fired toward Japan")
    aiming_prepositions: frozenset[str] = frozenset()
    #: participles that tie people named by their role to the body they serve ("officers
    #: assigned to the US embassy", "staff working for the consulate"): the body's party
    affiliation_verbs: frozenset[str] = frozenset()
    #: nouns of a state's mission abroad ("embassy", "consulate"): "staff at the British
    #: embassy" are the mission's state's people
    mission_nouns: frozenset[str] = frozenset()
    #: prepositions that name the done act a reaction answers ("retaliate for the
    #: expulsion", "sanctions over the annexation"): its doer is the reaction's target
    reason_prepositions: frozenset[str] = frozenset()

    def unnamed_doer_name(self, plover_type: str) -> str:
        """The generic group name of the unnamed doer of an act of ``plover_type``: the
        type's own name, else its sector's, else the sector code in lower case."""
        sector = self.unnamed_doers.get(plover_type, "")
        return self.unnamed_doer_names.get(plover_type) or self.unnamed_doer_names.get(sector) or sector.lower()


#: role_words.tsv lists that are plain word sets -> the RoleWords field that holds them
_ROLE_WORD_SETS = {
    "owner_preposition": "owner_prepositions", "instrument_preposition": "instrument_prepositions",
    "multinational_modifier": "multinational_modifiers", "patient_possessor": "patient_possessor_nouns",
    "granted_thing": "granted_things",
    "bloc_noun": "bloc_nouns", "stance_prefix": "stance_prefixes", "relational_noun": "relational_nouns",
    "country_description": "country_descriptions", "outside_preposition": "outside_prepositions",
    "singular_owner_pronoun": "singular_owner_pronouns", "plural_owner_pronoun": "plural_owner_pronouns",
    "thing_pronoun": "thing_pronouns", "regional_noun": "regional_nouns",
    "water_body": "water_bodies", "causative_verb": "causative_verbs",
    "person_object_pronoun": "person_object_pronouns", "facility_noun": "facility_nouns",
    "plural_multinational_modifier": "plural_multinational_modifiers", "state_sector": "state_sectors",
    "domestic_opponent_sector": "domestic_opponent_sectors", "multinational_noun": "multinational_nouns",
    "counterpart_preposition": "counterpart_prepositions", "compass_short_form": "compass_short_forms",
    "rival_sector": "rival_sectors", "security_sector": "security_sectors", "own_state_act": "own_state_acts",
    "receiving_verb": "receiving_verbs", "display_act": "display_acts",
    "aiming_preposition": "aiming_prepositions",
    "affiliation_verb": "affiliation_verbs", "mission_noun": "mission_nouns",
    "reason_preposition": "reason_prepositions",
}


@functools.lru_cache(maxsize=4)
def load_role_words(path: Path = ACTOR_DATA_DIR / "role_words.tsv") -> RoleWords:
    """Read ``list<TAB>word<TAB>value`` rows into :class:`RoleWords`: the plain word sets
    of _ROLE_WORD_SETS, and the lists whose value is a PLOVER type, a sector or a name."""
    sets: dict[str, set[str]] = {field_name: set() for field_name in _ROLE_WORD_SETS.values()}
    dispossessing: set[str] = set()
    answering: set[str] = set()
    appeals: set[str] = set()
    conditioned: set[str] = set()
    self_directed: set[str] = set()
    own_state_addressee: set[str] = set()
    unnamed: dict[str, str] = {}
    unnamed_names: dict[str, str] = {}
    referring: dict[str, frozenset[str]] = {}
    for row in tsv_records(path):
        kind, word, value = row.get("list", ""), row.get("word", "").lower(), row.get("value", "")
        if kind in _ROLE_WORD_SETS:
            sets[_ROLE_WORD_SETS[kind]].add(word)
        elif kind == "unnamed_doer":
            if word.upper() not in PLOVER_TYPES or not value:
                raise ValueError(f"{path}: unnamed_doer needs a PLOVER type and a sector, got {word!r} {value!r}")
            unnamed[word.upper()] = value.upper()
        elif kind == "unnamed_doer_name":
            if not word or not value.strip():
                raise ValueError(f"{path}: unnamed_doer_name needs a PLOVER type or sector and a name, "
                                 f"got {word!r} {value!r}")
            unnamed_names[word.upper()] = value.strip()
        elif kind == "referring_act":
            types = frozenset(value.upper().split())
            if not types or not types <= set(PLOVER_TYPES):
                raise ValueError(f"{path}: referring_act {word!r} needs PLOVER types, got {value!r}")
            referring[word] = types
        elif kind == "answering_type":
            if word.upper() not in PLOVER_TYPES:
                raise ValueError(f"{path}: answering_type needs a PLOVER type, got {word!r}")
            answering.add(word.upper())
        elif kind == "appeal_type":
            if word.upper() not in PLOVER_TYPES:
                raise ValueError(f"{path}: appeal_type needs a PLOVER type, got {word!r}")
            appeals.add(word.upper())
        elif kind == "conditioned_type":
            if word.upper() not in PLOVER_TYPES:
                raise ValueError(f"{path}: conditioned_type needs a PLOVER type, got {word!r}")
            conditioned.add(word.upper())
        elif kind == "self_directed_type":
            if word.upper() not in PLOVER_TYPES:
                raise ValueError(f"{path}: self_directed_type needs a PLOVER type, got {word!r}")
            self_directed.add(word.upper())
        elif kind == "own_state_addressee_type":
            if word.upper() not in PLOVER_TYPES:
                raise ValueError(f"{path}: own_state_addressee_type needs a PLOVER type, got {word!r}")
            own_state_addressee.add(word.upper())
        elif kind == "dispossessing_type":
            if word.upper() not in PLOVER_TYPES:
                raise ValueError(f"{path}: dispossessing_type needs a PLOVER type, got {word!r}")
            dispossessing.add(word.upper())
        else:
            raise ValueError(f"{path}: unknown list {kind!r} (word {word!r})")
    return RoleWords(referring_acts=referring, unnamed_doers=unnamed, unnamed_doer_names=unnamed_names,
                     dispossessing_types=frozenset(dispossessing), answering_types=frozenset(answering),
                     appeal_types=frozenset(appeals), conditioned_types=frozenset(conditioned),
                     self_directed_types=frozenset(self_directed),
                     own_state_addressee_types=frozenset(own_state_addressee),
                     **{name: frozenset(words) for name, words in sets.items()})


@dataclass(frozen=True)
class PartyMembers:
    """How news marks a person as a party member of one country (party_members.tsv)."""
    member_nouns: dict[str, str]      # "democrat" -> USA ("X, a New York Democrat")
    member_words: dict[str, str]      # "democratic" -> USA ("Democratic Sen. X")
    office_titles: dict[str, Optional[str]]  # "sen." -> GOV: a title between party word and name
    party_tags: dict[str, str]        # "d" -> USA (the "D" of "D-Ore.")
    tag_regions: dict[str, str]       # "ore" -> USA (the region of a party tag, no dots)


_PARTY_LISTS = ("member_noun", "member_word", "office_title", "party_tag", "tag_region")


@functools.lru_cache(maxsize=2)
def load_party_members(path: Path = ACTOR_DATA_DIR / "party_members.tsv") -> PartyMembers:
    """Read ``list<TAB>word<TAB>value`` rows into :class:`PartyMembers`."""
    lists: dict[str, dict] = {name: {} for name in _PARTY_LISTS}
    for row in tsv_records(path):
        kind, word, value = row.get("list", ""), row.get("word", "").lower(), row.get("value", "")
        if kind not in lists or not word:
            raise ValueError(f"{path}: unknown list or empty word {kind!r} {word!r}")
        if kind != "office_title" and not value:
            raise ValueError(f"{path}: {kind} {word!r} needs a country")
        lists[kind][word] = value.upper() or None
    return PartyMembers(member_nouns=lists["member_noun"], member_words=lists["member_word"],
                        office_titles=lists["office_title"], party_tags=lists["party_tag"],
                        tag_regions=lists["tag_region"])


@dataclass(frozen=True)
class CameoCodes:
    """How CAMEO actor codes read in sitrep's terms (cameo.tsv)."""
    countries: dict[str, str]   # non-ISO CAMEO country code -> ISO alpha-3
    regions: frozenset[str]
    sectors: dict[str, str]     # CAMEO sector code -> sitrep sector ("-": none)
    igos: dict[str, str]        # CAMEO organisation code -> sitrep igo code
    types: dict[str, str]       # IGO/NGO/MNC/IMG -> sitrep sector

    def country(self, code: str, iso3: Iterable[str] = ()) -> Optional[str]:
        """The ISO country of a CAMEO actor code ("VENGOV" -> VEN), None if it names none."""
        head = (code or "").strip().upper()[:3]
        if head in self.countries:
            return self.countries[head]
        if head in self.regions or head in self.types or not head.isalpha() or len(head) < 3:
            return None
        known = set(iso3) or _iso3()
        return head if head in known else None


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-3 -> the name news writing uses ("Venezuela", not ISO's "Venezuela,
    Bolivarian Republic of"), from the shipped countries.tsv."""
    return {r["country"]: r["name"] for r in read_actor_file(ACTOR_DATA_DIR / "countries.tsv")
            if r.get("country") and r.get("name")}


@functools.lru_cache(maxsize=1)
def _iso3() -> frozenset[str]:
    return frozenset(r["country"] for r in read_actor_file(ACTOR_DATA_DIR / "countries.tsv") if r.get("country"))


@functools.lru_cache(maxsize=1)
def load_cameo_codes(path: Path = ACTOR_DATA_DIR / "cameo.tsv") -> CameoCodes:
    tables: dict[str, dict[str, str]] = {"country": {}, "region": {}, "sector": {}, "igo": {}, "type": {}}
    for row in tsv_records(path):
        kind = row.get("kind", "")
        if kind not in tables:
            raise ValueError(f"{path}: unknown kind {kind!r}")
        tables[kind][row["code"].upper()] = (row.get("value") or "").upper()
    return CameoCodes(countries=tables["country"], regions=frozenset(tables["region"]),
                      sectors=tables["sector"], igos=tables["igo"], types=tables["type"])


@functools.lru_cache(maxsize=1)
def load_sectors(path: Path = ACTOR_DATA_DIR / "sectors.tsv") -> dict[str, tuple[str, str]]:
    """Sector code -> (meaning, coarse code of the annotation guidelines)."""
    return {r["code"]: (r["meaning"], r.get("coarse") or r["code"]) for r in tsv_records(path)}


# -- entries ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Term:
    """One spell in an office. Dates are ISO strings ('' = open)."""
    roles: tuple[str, ...]
    country: Optional[str]
    igo: Optional[str]
    sector: Optional[str]
    start: str = ""
    end: str = ""

    def covers(self, date: str) -> bool:
        return (not self.start or self.start[:len(date)] <= date) and (not self.end or date < self.end)

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)


@dataclass(slots=True)
class ActorEntry:
    id: str
    name: str
    kind: str
    sector: Optional[str] = None
    country: Optional[str] = None
    igo: Optional[str] = None
    gender: Optional[str] = None
    terms: list[Term] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    #: 0 = curated or the user's, 1 = derived from Phoenix (less prominent: a curated
    #: person's name or surname wins over a Phoenix one)
    tier: int = 0

    def term_at(self, date: Optional[str]) -> Optional[Term]:
        """The term covering ``date`` (a dated one before an open default) or, failing
        that, the latest one."""
        if not self.terms:
            return None
        if date:
            covering = [t for t in self.terms if t.covers(date)]
            if covering:
                return max(covering, key=lambda t: (t.dated, t.start))
        return max(self.terms, key=lambda t: (t.end or "9999", t.start))

    def at(self, date: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
        """(country, sector, igo) of this actor at a date (people change office)."""
        term = self.term_at(date)
        if term is None:
            return self.country, self.sector, self.igo
        if term.igo and not term.country:  # an international post: no national flag
            return None, term.sector or self.sector, term.igo
        country = term.country if term.country is not None else self.country
        igo = term.igo if term.igo is not None else self.igo
        return country, term.sector or self.sector, igo

    def roles_at(self, date: Optional[str]) -> set[str]:
        return {r for t in self.terms if date is None or t.covers(date) for r in t.roles}

    def in_office(self, date: Optional[str]) -> bool:
        """A dated term (not an open default) covers the date."""
        return bool(date) and any(t.dated and t.covers(date) for t in self.terms)

    def to_raw(self) -> tuple:
        """Flat strings (what the cache stores; see ``entry_from_raw``): a cached KB is
        then a few objects per entry, which is what makes it load fast."""
        terms = _RS.join(_US.join((";".join(t.roles), t.country or "", t.igo or "", t.sector or "",
                                   t.start, t.end)) for t in self.terms)
        return (self.name, self.kind, self.sector, self.country, self.igo, self.gender, terms,
                _US.join(self.aliases), _US.join(self.demonyms), _US.join(self.metonyms), self.tier)


_US, _RS = "\x1f", "\x1e"  # unit and record separators: never in a name


def entry_from_raw(actor_id: str, raw: tuple) -> ActorEntry:
    name, kind, sector, country, igo, gender, terms, aliases, demonyms, metonyms, tier = raw
    parsed = []
    for text in terms.split(_RS) if terms else ():
        roles, t_country, t_igo, t_sector, start, end = text.split(_US)
        parsed.append(Term(tuple(r for r in roles.split(";") if r), t_country or None, t_igo or None,
                           t_sector or None, start, end))
    return ActorEntry(actor_id, name, kind, sector, country, igo, gender, parsed,
                      _unjoin(aliases), _unjoin(demonyms), _unjoin(metonyms), tier)


def _unjoin(text: str) -> list[str]:
    return text.split(_US) if text else []


class EntryStore:
    """id -> ActorEntry, built on first access from compact tuples: 26,000 entries load in
    a fraction of the time their objects would take, and an article touches a few dozen."""

    def __init__(self, raw: dict[str, tuple]):
        self._raw = raw
        self._built: dict[str, ActorEntry] = {}

    def __getitem__(self, actor_id: str) -> ActorEntry:
        entry = self._built.get(actor_id)
        if entry is None:
            entry = self._built[actor_id] = entry_from_raw(actor_id, self._raw[actor_id])
        return entry

    def get(self, actor_id: str, default=None):
        return self[actor_id] if actor_id in self._raw else default

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._raw

    def __len__(self) -> int:
        return len(self._raw)

    def __iter__(self):
        return iter(self._raw)

    def keys(self):
        return self._raw.keys()

    def values(self):
        return (self[k] for k in self._raw)

    def items(self):
        return ((k, self[k]) for k in self._raw)

    def raw(self, actor_id: str) -> tuple:
        return self._raw[actor_id]

    def put(self, entry: ActorEntry) -> None:
        self._built[entry.id] = entry
        self._raw[entry.id] = entry.to_raw()


class AliasHit(NamedTuple):
    """What a name points to: the entry, how the alias is used, how strict to be."""
    entry_id: str
    use: str  # name | demonym | metonym
    #: acronyms ("US", "IS") must match case exactly
    exact: Optional[str] = None
    #: single-token person names: only when not part of a longer proper name
    weak: bool = False
    tier: int = 0


class PhraseIndex:
    """Phrases (tuples of normalised tokens) -> a value, with the longest match at a token.

    A flat dict keyed by the space-joined tokens, plus the longest phrase length starting
    with each first token: far less memory than a nested trie, and as fast at a position
    (a few dict probes where a phrase can start, one where none can).
    """

    __slots__ = ("table", "longest")

    def __init__(self, table: Optional[dict] = None, longest: Optional[dict] = None):
        self.table: dict[str, object] = table if table is not None else {}
        self.longest: dict[str, int] = longest if longest is not None else {}

    def add(self, tokens: tuple[str, ...], value) -> None:
        self.table[" ".join(tokens)] = value
        if self.longest.get(tokens[0], 0) < len(tokens):
            self.longest[tokens[0]] = len(tokens)

    def get(self, tokens: Iterable[str], default=None):
        return self.table.get(" ".join(tokens), default)

    def starts(self, token: str) -> bool:
        return token in self.longest

    def match(self, norms: list[str], i: int) -> tuple[int, object]:
        """(end, value) of the longest phrase at ``norms[i]``, or (i, None)."""
        n = self.longest.get(norms[i])
        if not n:
            return i, None
        table = self.table
        for length in range(min(n, len(norms) - i), 0, -1):
            value = table.get(" ".join(norms[i:i + length]))
            if value is not None:
                return i + length, value
        return i, None

    def __len__(self) -> int:
        return len(self.table)


class ActorKB:
    """Entries plus the lookup structures built from them.

    ``names``  every name, alias, demonym and metonym -> hits (tuples; ``hits()`` names them)
    ``roles``  role phrases ("defence minister") -> role codes (roles.tsv)
    ``agents`` role nouns ("press secretary", "riot police") -> sector (Phoenix agents,
               nouns.tsv over them)
    ``nouns``  head nouns -> category, PLACE and NONE included (nouns.tsv)
    """

    def __init__(self, entries: dict[str, ActorEntry], roles: dict[str, tuple[str, ...]],
                 nouns: dict[str, str], agents: Optional[dict[str, str]] = None,
                 lexicon: Optional[ActorLexicon] = None):
        self.lexicon = lexicon or load_lexicon()
        self.nouns = nouns
        self.entries = EntryStore({})
        self.names = PhraseIndex()
        self.roles = PhraseIndex()
        self.agents = PhraseIndex()
        for entry in entries.values():
            self.entries.put(entry)
            self._index_entry(entry)
        for phrase, codes in roles.items():
            self.roles.add(_key(phrase), tuple(codes))
        for phrase, sector in (agents or {}).items():
            key = _key(phrase)
            if key and self.agents.get(key) is None:
                self.agents.add(key, sector)
        self._index_people()

    @classmethod
    def from_data(cls, data: dict) -> "ActorKB":
        """The KB from ``to_data()`` output (the cache)."""
        kb = cls.__new__(cls)
        kb.lexicon = load_lexicon()
        kb.nouns = data["nouns"]
        kb.entries = EntryStore(data["entries"])
        kb.names = PhraseIndex(data["names"], data["names_longest"])
        kb.roles = PhraseIndex(data["roles"], data["roles_longest"])
        kb.agents = PhraseIndex(data["agents"], data["agents_longest"])
        kb._index_people()
        return kb

    def to_data(self) -> dict:
        return {"nouns": self.nouns, "entries": dict(self.entries._raw),
                "names": self.names.table,
                "names_longest": self.names.longest, "roles": self.roles.table,
                "roles_longest": self.roles.longest, "agents": self.agents.table,
                "agents_longest": self.agents.longest}

    def _index_entry(self, entry: ActorEntry) -> None:
        for use, forms in ((NAME, [entry.name] + entry.aliases), (DEMONYM, entry.demonyms),
                           (METONYM, entry.metonyms)):
            for form in forms:
                self._add(form, entry, use, weak=False)
        if entry.kind == "person":
            for surname in surnames(entry, self.lexicon):
                self._add(surname, entry, NAME, weak=True)

    def _index_people(self) -> None:
        """States by country, and office holders by (country or igo, role), for "the US
        president" on a given date. Only curated entries carry role codes."""
        self.countries: dict[str, ActorEntry] = {}
        self.holders: dict[tuple[Optional[str], str], list[tuple[Term, ActorEntry]]] = {}
        for actor_id in self.entries:
            raw = self.entries.raw(actor_id)
            kind, terms = raw[1], raw[6]
            if kind == "state" and raw[3]:
                self.countries[raw[3]] = self.entries[actor_id]
            if not terms or all(t.startswith(_US) for t in terms.split(_RS)):
                continue  # no term names a role
            entry = self.entries[actor_id]
            for term in entry.terms:
                for role in term.roles:
                    key = term.country or (term.igo if term.igo else entry.country or entry.igo)
                    self.holders.setdefault((key, role), []).append((term, entry))

    def _add(self, form: str, entry: ActorEntry, use: str, weak: bool) -> None:
        form = form.strip()
        if form.lower().startswith("the ") and len(form) > 4:
            form = form[4:]  # "the" stays outside the mention span, as spaCy's NER does
        toks = _tokens(form)
        if not toks:
            return
        bare = form.replace(".", "")
        exact = form if (bare.isupper() and len(bare) <= 5 and len(toks) == 1) else None
        if use == DEMONYM and form.islower() and len(toks) == 1:
            # a body's relational adjective ("congressional"), lower case in English, is
            # written so in the KB: it matches in either case, and only as itself
            exact = form
        key = name_key(toks)
        if not key:
            return
        # a one-word name Phoenix gives a person ("Reagan") is a surname: weak
        weak = weak or (entry.tier > 0 and entry.kind == "person" and use == NAME)
        hit = (entry.id, use, exact, weak and len(key) == 1, entry.tier)
        hits = list(self.names.get(key) or ())
        for i, old in enumerate(hits):
            if old[0] == entry.id and old[1] == use:
                if old[3] and not hit[3]:
                    hits[i] = hit
                    self.names.add(key, tuple(hits))
                return
        hits.append(hit)
        self.names.add(key, tuple(hits))

    def _unindex(self, actor_ids: set[str]) -> None:
        """Drop every name hit of these actors (before re-indexing them)."""
        table = self.names.table
        for key, hits in table.items():
            if any(h[0] in actor_ids for h in hits):
                table[key] = tuple(h for h in hits if h[0] not in actor_ids)

    # -- lookups colleagues may use --------------------------------------------------

    def get(self, actor_id: str) -> Optional[ActorEntry]:
        return self.entries.get(actor_id)

    def lookup(self, text: str) -> list[ActorEntry]:
        """Entries whose name/alias/demonym/metonym is exactly ``text`` (case-insensitive)."""
        hits = self.names.get(name_key(_tokens(text))) or ()
        return [self.entries[h[0]] for h in hits]

    def hits(self, raw_hits) -> list[AliasHit]:
        """The name index stores hits as plain tuples (cheap to cache): named ones here."""
        return [AliasHit._make(h) for h in raw_hits]

    def holder(self, country: Optional[str], roles: Iterable[str], date: Optional[str]) -> Optional[ActorEntry]:
        """Who held one of ``roles`` for ``country`` (ISO3 or IGO code) on ``date``.

        Without a date, or when nobody's term covers it, the most recent holder; nobody
        when several people held it on that date (envoys, spokespeople).
        """
        best, best_key = None, None
        covering: dict[str, ActorEntry] = {}
        for role in roles:
            for term, entry in self.holders.get((country, role), ()):
                if date and term.covers(date):
                    covering[entry.id] = entry
                key = (term.end or "9999", term.start)
                if best_key is None or key > best_key:
                    best, best_key = entry, key
        if covering:
            # several people in the office at once ("the US envoy"): the role alone names none
            return next(iter(covering.values())) if len(covering) == 1 else None
        if date and best is not None and best_key and best_key[1] > date:
            return None  # the only holders took office after the article: do not guess
        return best

    def __len__(self) -> int:
        return len(self.entries)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for actor_id in self.entries:
            kind = self.entries.raw(actor_id)[1]
            out[kind] = out.get(kind, 0) + 1
        return out


def surnames(entry: ActorEntry, lexicon: ActorLexicon) -> list[str]:
    """Auto aliases for a person: the family name alone, when it is distinctive enough.

    Names of ``surname_first`` countries give their first part ("Xi"); three-part names of
    ``two_surnames`` countries give the paternal surname ("Vladimir Padrino López" ->
    "Padrino"), not the maternal one. Phoenix people get no surname alias: with 26,000 of
    them a bare surname would mostly mean someone else; they resolve by their full name
    and, after it, by coreference.
    """
    if entry.tier > 0:
        return []
    parts = entry.name.replace(".", ". ").split()
    while parts and parts[-1].lower() in lexicon.name_suffixes:
        parts.pop()
    if len(parts) < 2 or parts[0].lower() in lexicon.monarch_titles:
        return []
    if parts[-2].lower() in lexicon.name_particles:
        return []
    if entry.country in lexicon.surname_first and "-" not in parts[-1]:
        surname = parts[0]
    elif entry.country in lexicon.two_surnames and len(parts) == 3 and "-" not in parts[1]:
        surname = parts[1]
    else:
        surname = parts[-1]
    out = []
    forms = {surname}
    if surname.lower().startswith(("al-", "el-")):
        forms.add(surname.split("-", 1)[1])
    for form in forms:
        if len(form) >= 4 and form[0].isupper() and normalise(form) not in lexicon.weak_surnames:
            out.append(form)
    return out


_PLAIN = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)*$")


def _tokens(text: str) -> tuple[str, ...]:
    """The tokens spaCy makes of a name. Letters and single spaces split on the spaces
    (spaCy does the same, and it is 50 times faster); anything else goes to spaCy."""
    if _PLAIN.match(text):
        words = tuple(text.split(" "))
        if not any(w in _special_cases() for w in words):
            return words
    return _tokenizer()(text)


@functools.lru_cache(maxsize=1)
def _special_cases() -> frozenset[str]:
    """Letter-only strings spaCy's tokenizer splits anyway ("cannot", "dont")."""
    from spacy.lang.en import English
    return frozenset(k for k in English.Defaults.tokenizer_exceptions if k.isalpha())


def name_key(tokens: Iterable[str]) -> tuple[str, ...]:
    """The index key of a name: normalised tokens without hyphens, so "Kim Jong-un",
    "Kim Jong Un" and "Jean-Bertrand Aristide" / "Jean Bertrand Aristide" meet (the stage
    drops hyphens inside words the same way)."""
    return tuple(normalise(t) for t in tokens if t != "-")


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(normalise(t) for t in _tokens(phrase))


@functools.lru_cache(maxsize=1)
def _tokenizer():
    """spaCy's English tokenizer rules, so alias keys split exactly like article text."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer

    @functools.lru_cache(maxsize=65536)
    def tokenize(text: str) -> tuple[str, ...]:
        return tuple(t.text for t in tokenizer(text) if not t.is_space)

    return tokenize


def _split(value: str, sep: str = "|") -> list[str]:
    return [v.strip() for v in (value or "").split(sep) if v.strip()]


def read_actor_file(path: os.PathLike | str) -> list[dict[str, str]]:
    """Rows of one actor TSV file ('#' lines are comments; the header row names columns,
    a file without one uses the documented column order; extra columns such as
    ``source`` are kept in the row and ignored by the KB)."""
    rows = tsv_rows(path)
    header = list(COLUMNS)
    if rows and rows[0][0] == "id":
        header, rows = rows[0], rows[1:]
    return [{k: (row[i] if i < len(row) else "") for i, k in enumerate(header)}
            for row in rows if row and row[0]]


def merge_rows(entries: dict[str, ActorEntry], rows: Iterable[dict[str, str]], origin: str = "",
               tier: int = 0) -> None:
    """Merge rows into ``entries`` (later rows override fields, add aliases and terms)."""
    for row in rows:
        actor_id = row.get("id", "").strip()
        if not actor_id:
            continue
        entry = entries.get(actor_id)
        kind = (row.get("kind") or "").strip().lower()
        if kind and kind not in KINDS:
            raise ValueError(f"{origin}: actor {actor_id!r}: kind must be one of {KINDS}, not {kind!r}")
        if entry is None:
            name = row.get("name") or actor_id
            entry = entries[actor_id] = ActorEntry(id=actor_id, name=name, kind=kind or "org", tier=tier)
        elif row.get("name"):
            if row["name"] != entry.name and entry.name not in entry.aliases:
                entry.aliases.append(entry.name)
            entry.name = row["name"]
        if kind:
            entry.kind = kind
        for key in ("sector", "country", "igo", "gender"):
            value = (row.get(key) or "").strip()
            if value:
                setattr(entry, key, value.upper() if key != "gender" else value.lower())
        for key in ("aliases", "demonyms", "metonyms"):
            values = getattr(entry, key)
            for alias in _split(row.get(key, "")):
                if alias.startswith("-"):  # "-Alias" removes a shipped alias
                    if alias[1:] in values:
                        values.remove(alias[1:])
                elif alias not in values:
                    values.append(alias)
        roles = tuple(r.strip() for r in (row.get("role") or "").split(";") if r.strip())
        start, end = (row.get("start") or "").strip(), (row.get("end") or "").strip()
        if roles or start or end or (tier > 0 and entry.kind == "person" and row.get("sector")):
            # a Phoenix code without dates is the person's default (e.g. former official)
            term = Term(roles, (row.get("country") or "").strip().upper() or None,
                        (row.get("igo") or "").strip().upper() or None,
                        (row.get("sector") or "").strip().upper() or None, start, end)
            if term not in entry.terms:
                entry.terms.append(term)


def user_actor_files(user_files: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The user's files: those passed in, then those in SITREP_ACTORS."""
    env = tuple(p for p in os.environ.get("SITREP_ACTORS", "").split(os.pathsep) if p.strip())
    return tuple(user_files) + env


def load_roles() -> dict[str, tuple[str, ...]]:
    roles: dict[str, tuple[str, ...]] = {}
    for row in tsv_rows(ACTOR_DATA_DIR / "roles.tsv")[1:]:
        if len(row) >= 2:
            roles[row[0]] = tuple(r for r in row[1].split(";") if r)
    return roles


def load_nouns() -> dict[str, str]:
    return {row[0].lower(): row[1].upper() for row in tsv_rows(ACTOR_DATA_DIR / "nouns.tsv")[1:] if len(row) >= 2}


@functools.lru_cache(maxsize=1)
def load_instruments() -> frozenset[str]:
    """Equipment nouns that never stand alone for an actor (instruments.tsv)."""
    return frozenset(row[0].lower() for row in tsv_rows(ACTOR_DATA_DIR / "instruments.tsv")[1:] if row)


@functools.lru_cache(maxsize=1)
def load_regions() -> tuple[tuple[str, ...], ...]:
    """World regions whose names contain a country's name (regions.tsv), as word tuples,
    longest first."""
    names = {tuple(row[0].lower().split()) for row in tsv_rows(ACTOR_DATA_DIR / "regions.tsv")[1:] if row}
    return tuple(sorted(names, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def load_theatres() -> dict[str, frozenset[str]]:
    """Armed groups the KB places in no country -> the countries they fight in
    (theatres.tsv; docs/annotation.md 5: "Islamic State" IRQ or SYR by where the act is)."""
    return {row[0]: frozenset(c for c in row[1].split("|") if c)
            for row in tsv_rows(ACTOR_DATA_DIR / "theatres.tsv")[1:] if len(row) >= 2}


def load_agents() -> dict[str, str]:
    """Role phrases -> sector: the Phoenix agents, with sitrep's own nouns.tsv overriding
    single words it has an opinion on."""
    path = PHOENIX_DIR / "agents.tsv"
    agents = {r["phrase"]: r["sector"] for r in tsv_records(path)} if path.is_file() else {}
    for noun, category in load_nouns().items():
        if category not in ("PLACE", "NONE"):
            agents[noun] = category
    return agents


def _shipped_entries() -> dict[str, ActorEntry]:
    entries: dict[str, ActorEntry] = {}
    for name, tier in SHIPPED_FILES:
        path = ACTOR_DATA_DIR / name
        if path.is_file():
            merge_rows(entries, read_actor_file(path), name, tier)
    return entries


def build_shipped_kb() -> ActorKB:
    return ActorKB(_shipped_entries(), load_roles(), load_nouns(), load_agents(), load_lexicon())


# -- caching ------------------------------------------------------------------------------------

def cache_dir() -> Path:
    return Path(os.environ.get("SITREP_CACHE", Path.home() / ".cache" / "sitrep"))


def _cache_key() -> str:
    from importlib.metadata import version

    from sitrep import __version__

    digest = hashlib.sha1()
    for path in sorted(ACTOR_DATA_DIR.rglob("*.tsv")):
        digest.update(str(path.relative_to(ACTOR_DATA_DIR)).encode())
        digest.update(path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    return f"actors-v{INDEX_VERSION}-sitrep{__version__}-spacy{version('spacy')}-{digest.hexdigest()[:12]}"


def load_shipped_kb(use_cache: bool = True) -> ActorKB:
    """The shipped KB, from the cache when it is there."""
    if not use_cache:
        return build_shipped_kb()
    path = cache_dir() / f"{_cache_key()}.pickle"
    if path.exists():
        try:
            return ActorKB.from_data(pickle.loads(path.read_bytes()))
        except Exception:  # a half-written or stale cache (any unpickling error): rebuild it
            pass
    kb = build_shipped_kb()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(kb.to_data(), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still works, only slower
    return kb


def load_actor_kb(user_files: tuple[str, ...] = (), use_cache: bool = True) -> ActorKB:
    """Shipped actors with the user's files (and SITREP_ACTORS) merged over them."""
    files = user_actor_files(user_files)
    for path in files:
        if not Path(path).is_file():
            raise FileNotFoundError(f"actor file not found: {path}")
    kb = load_shipped_kb(use_cache)
    if files:
        kb = _with_user_files(kb, files)
    return kb


def _with_user_files(kb: ActorKB, files: tuple[str, ...]) -> ActorKB:
    """The KB with user rows merged: entries they touch are re-indexed, the rest is kept."""
    rows = [(path, read_actor_file(path)) for path in files]
    touched = {row.get("id", "").strip() for _, file_rows in rows for row in file_rows} - {""}
    kb._unindex({actor_id for actor_id in touched if actor_id in kb.entries})
    merged = {actor_id: kb.entries[actor_id] for actor_id in touched if actor_id in kb.entries}
    for path, file_rows in rows:
        merge_rows(merged, file_rows, str(path), tier=0)
    for entry in merged.values():
        entry.tier = 0
        kb.entries.put(entry)
        kb._index_entry(entry)
    kb._index_people()
    return kb
