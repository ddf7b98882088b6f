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
    #: the family windows.tsv gives the type; ``family`` is the linking family, which a
    #: compatible pair (compatible_types.tsv) may widen to several such families
    own_family: str = ""


#: for a type missing from the table
DEFAULT_RULE = TypeRule(window_days=2, max_km=0.0, symmetric=False, family="")


@lru_cache(maxsize=None)
def type_rules() -> dict[str, TypeRule]:
    """Each type's rule (windows.tsv), its linking family widened by the compatible pairs
    (compatible_types.tsv): the families a pair joins are linked as one, named after the
    first of them in windows.tsv's order."""
    records = tsv_records(DATA / "windows.tsv")
    own = {rec["type"]: rec["family"] or rec["type"] for rec in records}
    linked = _joined_families(list(dict.fromkeys(own.values())), own)
    return {rec["type"]: TypeRule(window_days=int(rec["window_days"]), max_km=float(rec["max_km"]),
                                  symmetric=rec["symmetric"] == "yes", family=linked[own[rec["type"]]],
                                  speaker=rec.get("speaker") == "yes", own_family=own[rec["type"]])
            for rec in records}


def _joined_families(families: list[str], own: dict[str, str]) -> dict[str, str]:
    """Each family's linking family: the families the compatible pairs connect become one,
    named after the first of them in ``families`` (table order)."""
    joined = {f: f for f in families}
    for a, b in compatible_types():
        fa, fb = joined[own[a]], joined[own[b]]
        if fa != fb:
            keep, drop = sorted((fa, fb), key=families.index)
            joined = {f: keep if j == drop else j for f, j in joined.items()}
    return joined


@dataclass(frozen=True)
class CompatiblePair:
    """Two types one happening is filed under (compatible_types.tsv)."""
    #: the text evidence a report of one needs to join an incident of the other
    text: float
    #: stems of the triggers of the second type that pair (empty: any)
    b_words: tuple[str, ...]
    #: the pair's second type
    b_type: str

    def allows(self, b_trigger: Optional[str]) -> bool:
        """Whether a report of the second type with this trigger word pairs."""
        if not self.b_words:
            return True
        word = (b_trigger or "").lower()
        return any(word.startswith(stem) for stem in self.b_words)


@lru_cache(maxsize=None)
def compatible_types() -> dict[tuple[str, str], CompatiblePair]:
    """(type, type) -> their pair (compatible_types.tsv), both orders."""
    pairs: dict[tuple[str, str], CompatiblePair] = {}
    for rec in tsv_records(DATA / "compatible_types.tsv"):
        pair = CompatiblePair(float(rec["text"]), tuple(rec.get("b_words", "").split()), rec["type_b"])
        pairs[rec["type_a"], rec["type_b"]] = pairs[rec["type_b"], rec["type_a"]] = pair
    return pairs


def cross_family_text(event_type: str, trigger: Optional[str], others) -> Optional[float]:
    """The text evidence a report of ``event_type`` (its trigger word ``trigger``) needs
    to join an incident whose members are ``others`` ((type, trigger word) pairs): 0 when
    all of them are of its own family (windows.tsv), the compatible pair's when the others
    pair with it (its trigger condition met), None when one of them does not (an arrest
    joins no incident that holds the attack it follows, whatever else it holds)."""
    own = rule_for(event_type).own_family
    need = 0.0
    for other_type, other_trigger in others:
        if rule_for(other_type).own_family == own:
            continue
        pair = compatible_types().get((event_type, other_type))
        if pair is None or not pair.allows(trigger if event_type == pair.b_type else other_trigger):
            return None
        need = max(need, pair.text)
    return need


def rule_for(event_type: str) -> TypeRule:
    rule = type_rules().get(event_type)
    if rule is None:
        return TypeRule(DEFAULT_RULE.window_days, DEFAULT_RULE.max_km, DEFAULT_RULE.symmetric, event_type,
                        DEFAULT_RULE.speaker, event_type)
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
