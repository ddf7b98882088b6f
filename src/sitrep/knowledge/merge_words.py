"""Language knowledge of the event-merge stage, loaded from ``knowledge/data/merge/words.tsv``.

``merge_words()`` (read once per process) returns a :class:`MergeWords`: the modifiers of
an event noun that say whether a mention refers back to a happening already reported
("the new sanctions") or names another one ("an earlier attack"). Each set is described
in the file's header; the file can be extended without touching the stage.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from sitrep.knowledge.tables import word_sets_as

MERGE_DIR = Path(__file__).parent / "data" / "merge"


@dataclass(frozen=True)
class MergeWords:
    """Word sets of ``words.tsv`` (lower-case forms of a trigger's modifiers)."""
    novelty_markers: frozenset[str]
    anterior_markers: frozenset[str]
    indefinite_determiners: frozenset[str]
    derivation_suffixes: frozenset[str]
    #: types whose restatement by the same party with the same content is one happening
    #: ("refuses to allow the sale" ... "has not agreed to allow the sales")
    restated_types: frozenset[str] = frozenset()
    #: verbs too general to tell what a demand or refusal is about ("be", "do", "make")
    light_content_verbs: frozenset[str] = frozenset()
    #: words that mark a statement as one more ("also urged", "another demand")
    additive_markers: frozenset[str] = frozenset()
    #: subordinators and prepositions of a clause told in sequence with its main clause
    #: ("after the assault had ceased, ..."): an act inside and one outside are two acts
    sequence_markers: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def merge_words() -> MergeWords:
    return word_sets_as(MergeWords, MERGE_DIR / "words.tsv")
