"""The CAMEO verb dictionary of PETRARCH2/Phoenix as a fallback trigger table.

``load_cameo_verbs()`` returns a :class:`CameoVerbs`: verb lemma -> its entries (an
optional particle, its synset, its own CAMEO code), the synset's object patterns
(particle, preposition, object head or noun class -> code), the noun classes, and the
policy of ``verb_policy.tsv`` (knowledge/data/cameo/README.md): which codes are no event
for sitrep and which generic verbs only count through a pattern. The PLOVER type of a
code is read off the CAMEO -> PLOVER crosswalk (``knowledge/cameo.py``), with the
policy's root overrides first.

``CameoVerbs.patterns_for(synset, keys)`` gives only the patterns of a synset that can
match a verb, from what the sentence has around it (:func:`pattern_key` names the one part
each pattern is indexed by, ``object_keys`` what an object word can satisfy); the index is
built once at load, so a verb costs a few dictionary look-ups, not a pass over its
synset's hundred patterns.

The tables are derived by ``scripts/import_cameo_verbs.py`` (MIT, see VERBS_NOTICE); the
stage (``stages/event_triggers.py``) asks this table only for verbs that have no row in
``plover/triggers.tsv``.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sitrep.knowledge.cameo import CAMEO_DIR, load_crosswalk
from sitrep.knowledge.tables import tsv_records, tsv_word_sets


@dataclass(frozen=True)
class VerbEntry:
    """One verb form of the dictionary: "ask", or "ask" with the particle "for"."""
    lemma: str
    particle: Optional[str]
    synset: str
    code: Optional[str]  # None: the verb codes only through a pattern
    origin: Optional[str] = None  # "verb": its own code; "synset": its synset's code


@dataclass(frozen=True)
class VerbPattern:
    """An object pattern of a synset: each filled part must be present in the sentence."""
    particle: Optional[str]
    prep: Optional[str]
    obj: Optional[str]  # a lemma, or "&CLASS" for a noun class
    code: str
    #: the code is the act toward the verb's subject, from the party of its from- or
    #: by-phrase ("received a loan from X": X aids the subject), the dictionary's ``[:code]``
    converse: bool = False

    @property
    def specificity(self) -> int:
        return sum(part is not None for part in (self.particle, self.prep, self.obj))


#: What a pattern is indexed by (see :func:`pattern_key`): ("obj", word-or-&CLASS) for a
#: direct object, ("pobj", prep, word-or-&CLASS) for the object of a preposition, ("prep",
#: prep) and ("prt", particle) for patterns without an object.
PatternKey = tuple[str, ...]


def pattern_key(pattern: VerbPattern) -> Optional[PatternKey]:
    """The most selective part a pattern needs, None for a pattern that needs nothing.

    A sentence can satisfy the pattern only if it has this key (the stage checks the
    other parts afterwards), so an index by it never loses a match."""
    if pattern.obj is not None:
        return ("pobj", pattern.prep, pattern.obj) if pattern.prep is not None else ("obj", pattern.obj)
    if pattern.prep is not None:
        return ("prep", pattern.prep)
    if pattern.particle is not None:
        return ("prt", pattern.particle)
    return None


@dataclass(frozen=True)
class SynsetIndex:
    """The patterns of one synset by :func:`pattern_key`, as positions in file order."""
    by_key: dict[PatternKey, tuple[int, ...]]
    unkeyed: tuple[int, ...]  # patterns that need nothing: always tried

    @classmethod
    def build(cls, patterns: tuple[VerbPattern, ...]) -> "SynsetIndex":
        by_key: dict[PatternKey, list[int]] = {}
        unkeyed = []
        for i, pattern in enumerate(patterns):
            key = pattern_key(pattern)
            if key is None:
                unkeyed.append(i)
            else:
                by_key.setdefault(key, []).append(i)
        return cls({k: tuple(v) for k, v in by_key.items()}, tuple(unkeyed))

    def positions(self, keys) -> list[int]:
        """Positions of the patterns whose key is among ``keys``, in file order (ties
        between equally specific patterns are decided by that order)."""
        found = list(self.unkeyed)
        for key in keys:
            found.extend(self.by_key.get(key, ()))
        found.sort()
        return found


@dataclass(frozen=True)
class VerbPolicy:
    """What of the dictionary sitrep codes (``verb_policy.tsv``)."""
    #: CAMEO roots (two digits) that are no event for sitrep, even where the crosswalk maps them
    no_event_roots: frozenset[str]
    #: CAMEO root -> PLOVER type for roots the crosswalk leaves out ("02" appeals -> REQUEST)
    root_types: dict[str, str]
    #: generic verbs whose own code is not used: they count only through a pattern
    pattern_only: frozenset[str]
    #: verbs never coded from this table (too ambiguous in news prose)
    never: frozenset[str]
    #: where a verb's code without a pattern may come from ("verb", "synset")
    default_origins: frozenset[str] = frozenset({"verb", "synset"})
    #: patterns are used only when they name an object head ("come (TO)" alone is none)
    object_patterns_only: bool = False
    #: ... and only a direct object, no prepositional phrase ("died (IN &FIGHT)" is none)
    direct_patterns_only: bool = False
    #: the PLOVER types the table may give (empty: all)
    types: frozenset[str] = frozenset()
    #: synsets of verbs of receiving ("obtain": receive, get, acquire ...) whose readings of
    #: those types are all converse, also where the dictionary writes one forward
    converse_synsets: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CameoVerbs:  # not slotted: ``coded_lemmas`` is cached on the instance
    verbs: dict[str, tuple[VerbEntry, ...]]
    patterns: dict[str, tuple[VerbPattern, ...]]  # synset -> its patterns, file order
    classes: dict[str, frozenset[str]]  # "&WEAPON" -> words (heads)
    policy: VerbPolicy
    plover: dict[str, str]  # CAMEO code -> PLOVER type, policy applied

    def entries(self, lemma: str) -> tuple[VerbEntry, ...]:
        """The dictionary's entries for a verb lemma (none for the policy's ``never``)."""
        if lemma in self.policy.never:
            return ()
        return self.verbs.get(lemma, ())

    def type_of(self, code: Optional[str]) -> Optional[str]:
        """The PLOVER type of a CAMEO code, None when it is no event for sitrep."""
        return self.plover.get(code) if code else None

    def default_code(self, entry: VerbEntry) -> Optional[str]:
        """The code a verb gives without any pattern (None for pattern-only verbs)."""
        if entry.lemma in self.policy.pattern_only or entry.origin not in self.policy.default_origins:
            return None
        return entry.code

    @functools.cached_property
    def coded_lemmas(self) -> frozenset[str]:
        """The lemmas that can give an event under the policy: a default code of a PLOVER
        type, or a pattern of their synset with one (the stage only looks at these)."""
        typed_synsets = {name for name, ps in self.patterns.items() if any(self.type_of(p.code) for p in ps)}
        return frozenset(lemma for lemma, entries in self.verbs.items() if lemma not in self.policy.never and any(
            self.type_of(self.default_code(e)) or e.synset in typed_synsets for e in entries))

    def in_class(self, word: str, klass: str) -> bool:
        return word in self.classes.get(klass, frozenset())

    @functools.cached_property
    def word_classes(self) -> dict[str, frozenset[str]]:
        """word -> the noun classes it belongs to (the inverse of ``classes``)."""
        out: dict[str, set[str]] = {}
        for klass, words in self.classes.items():
            for word in words:
                out.setdefault(word, set()).add(klass)
        return {w: frozenset(ks) for w, ks in out.items()}

    def object_keys(self, words) -> set[str]:
        """What an object with these forms (lemma, lower case) can satisfy in a pattern:
        the words themselves and the noun classes they belong to."""
        keys = set(words)
        for word in words:
            keys.update(self.word_classes.get(word, ()))
        return keys

    @functools.cached_property
    def pattern_index(self) -> dict[str, SynsetIndex]:
        """synset -> its patterns indexed by :func:`pattern_key` (built once, at load)."""
        return {synset: SynsetIndex.build(patterns) for synset, patterns in self.patterns.items()}

    def patterns_for(self, synset: str, keys) -> list[VerbPattern]:
        """The synset's patterns that a verb with these keys can satisfy, in file order:
        the same patterns, in the same order, as a pass over all of them would find
        satisfiable (the caller still checks each one's other parts)."""
        index = self.pattern_index.get(synset)
        if index is None:
            return []
        patterns = self.patterns[synset]
        return [patterns[i] for i in index.positions(keys)]

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values())


def _optional(cell: str) -> Optional[str]:
    return None if cell in ("", "-") else cell


def load_policy(path: Path = CAMEO_DIR / "verb_policy.tsv") -> VerbPolicy:
    sets = tsv_word_sets(path)
    known = {"no_event_root", "root_type", "pattern_only", "never", "default_origin", "pattern_requires",
             "type", "converse_synset"}
    if set(sets) - known:
        raise ValueError(f"{path.name}: unknown sets {sorted(set(sets) - known)} (known: {sorted(known)})")
    root_types = {}
    for item in sets.get("root_type", ()):
        root, _, plover = item.partition(":")
        if not (root.isdigit() and len(root) == 2 and plover):
            raise ValueError(f"{path.name}: root_type must be 'NN:TYPE', found {item!r}")
        root_types[root] = plover
    origins = frozenset(sets.get("default_origin", ("verb", "synset")))
    if origins - {"verb", "synset", "none"}:
        raise ValueError(f"{path.name}: default_origin is 'verb', 'synset' or 'none', found {sorted(origins)}")
    origins -= {"none"}  # "none": a verb codes only through its patterns
    requires = frozenset(sets.get("pattern_requires", ()))
    if requires - {"object", "direct_object"}:
        raise ValueError(f"{path.name}: pattern_requires is 'object' or 'direct_object', found {sorted(requires)}")
    return VerbPolicy(frozenset(sets.get("no_event_root", ())), root_types,
                      frozenset(sets.get("pattern_only", ())), frozenset(sets.get("never", ())), origins,
                      bool(requires), "direct_object" in requires, frozenset(sets.get("type", ())),
                      frozenset(sets.get("converse_synset", ())))


def _plover_types(codes: set[str], policy: VerbPolicy) -> dict[str, str]:
    """CAMEO code -> PLOVER type: the policy's roots first, then the crosswalk (a
    four-digit code it lacks takes its three-digit parent's type)."""
    crosswalk = load_crosswalk()
    out = {}
    for code in codes:
        root = code[:2]
        if root in policy.no_event_roots:
            continue
        found = policy.root_types.get(root) or crosswalk.category_of(code) or crosswalk.category_of(code[:3])
        if found and (not policy.types or found in policy.types):
            out[code] = found
    return out


def _received(pattern: VerbPattern, plover: dict[str, str]) -> VerbPattern:
    """A pattern of a verb of receiving read as converse when its code is one sitrep codes:
    the dictionary writes "RECEIVE TANKS [:072]" but "RECEIVE &WEAPON [072]", while whoever
    receives weapons is never the one who gives them."""
    if pattern.converse or pattern.code not in plover:
        return pattern
    return VerbPattern(pattern.particle, pattern.prep, pattern.obj, pattern.code, True)


@functools.lru_cache(maxsize=2)
def load_cameo_verbs(data_dir: Path = CAMEO_DIR) -> CameoVerbs:
    """The verb tables of ``data_dir`` (see the module docstring)."""
    policy = load_policy(data_dir / "verb_policy.tsv")
    verbs: dict[str, list[VerbEntry]] = {}
    for r in tsv_records(data_dir / "verbs.tsv"):
        entry = VerbEntry(r["lemma"], _optional(r["particle"]), r["synset"], _optional(r["code"]),
                          _optional(r["origin"]))
        verbs.setdefault(entry.lemma, []).append(entry)
    patterns: dict[str, list[VerbPattern]] = {}
    for r in tsv_records(data_dir / "verb_patterns.tsv"):
        pattern = VerbPattern(_optional(r["particle"]), _optional(r["prep"]), _optional(r["object"]), r["code"],
                              r.get("direction") == "converse")
        if (policy.object_patterns_only and pattern.obj is None) or (policy.direct_patterns_only and pattern.prep):
            continue
        patterns.setdefault(r["synset"], []).append(pattern)
    classes: dict[str, set[str]] = {}
    for r in tsv_records(data_dir / "verb_classes.tsv"):
        classes.setdefault(r["class"], set()).add(r["word"].split()[-1])
    codes = {e.code for es in verbs.values() for e in es if e.code} | \
        {p.code for ps in patterns.values() for p in ps}
    for code in codes:
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise ValueError(f"{data_dir.name}: bad CAMEO code {code!r} in the verb tables")
    plover = _plover_types(codes, policy)
    patterns = {synset: [_received(p, plover) if synset in policy.converse_synsets else p for p in found]
                for synset, found in patterns.items()}
    table = CameoVerbs({k: tuple(v) for k, v in verbs.items()}, {k: tuple(v) for k, v in patterns.items()},
                       {k: frozenset(v) for k, v in classes.items()}, policy, plover)
    table.pattern_index, table.word_classes  # noqa: B018 - built now, once, not at the first article
    return table
