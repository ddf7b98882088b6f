"""Shipped knowledge for incident linking (data/incidents/): per-type windows and the
words that carry no evidence about what happened."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from sitrep.knowledge.tables import tsv_records, word_sets_as

DATA = Path(__file__).parent / "data" / "incidents"


@dataclass(frozen=True)
class TypeRule:
    """How far apart two reports of one happening of this type may be."""
    window_days: int
    max_km: float  # 0: no distance test beyond the country
    symmetric: bool
    family: str
    #: reports in different articles are one happening only on evidence that they are one
    #: statement (the same named speaker and kind of statement, or much the same words)
    speaker: bool = False


#: for a type missing from the table
DEFAULT_RULE = TypeRule(window_days=2, max_km=0.0, symmetric=False, family="")


@lru_cache(maxsize=None)
def type_rules() -> dict[str, TypeRule]:
    rules = {}
    for rec in tsv_records(DATA / "windows.tsv"):
        rules[rec["type"]] = TypeRule(window_days=int(rec["window_days"]), max_km=float(rec["max_km"]),
                                      symmetric=rec["symmetric"] == "yes", family=rec["family"] or rec["type"],
                                      speaker=rec.get("speaker") == "yes")
    return rules


def rule_for(event_type: str) -> TypeRule:
    rule = type_rules().get(event_type)
    if rule is None:
        return TypeRule(DEFAULT_RULE.window_days, DEFAULT_RULE.max_km, DEFAULT_RULE.symmetric, event_type,
                        DEFAULT_RULE.speaker)
    return rule


@lru_cache(maxsize=None)
def stopwords() -> frozenset[str]:
    """Function words (function_words.txt) and reporting and calendar words
    (reporting_words.txt): what an event sentence says beyond them is its evidence."""
    words: set[str] = set()
    for name in ("function_words.txt", "reporting_words.txt"):
        with open(DATA / name, encoding="utf-8") as f:
            for line in f:
                if not line.lstrip().startswith("#"):
                    words.update(w.lower() for w in line.split())
    return frozenset(words)


@dataclass(frozen=True)
class ClauseWords:
    """Words that open another clause (clause_words.tsv); the words that tell which
    happening a trigger reports stop at each of them."""
    #: coordinators: two triggers of one sentence joined by one are one act or statement
    joins: frozenset[str]
    #: subordinators and relatives: they open a clause of another happening
    separates: frozenset[str]
    #: words of time that open such a clause when a subject follows them (else a preposition)
    separates_before_subject: frozenset[str]
    #: subject pronouns
    subject: frozenset[str]

    @property
    def all(self) -> frozenset[str]:
        return self.joins | self.separates | self.separates_before_subject


@lru_cache(maxsize=None)
def clause_words() -> ClauseWords:
    return word_sets_as(ClauseWords, DATA / "clause_words.tsv")


@lru_cache(maxsize=None)
def country_alpha3(alpha2: str) -> Optional[str]:
    """ISO alpha-3 of an alpha-2 country code (places use alpha-2, actors alpha-3)."""
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2.upper())
    return found.alpha_3 if found else None
