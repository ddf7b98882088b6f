"""Issue tags (oil, drugs, migration, sanctions, regime change, ...) from keyword tables.

A tag applies to a sentence when one of its keywords occurs as a word prefix ("sanction"
matches "sanctions", "sanctioned"). Multi-word keywords match as phrases. The tables are
deliberately short and about the kinds of crisis sitrep is built for; extend them here.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

ISSUE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "oil": ("oil", "crude", "tanker", "petroleum", "barrel", "pdvsa", "refiner", "chevron", "fuel"),
    "drugs": ("drug", "narco", "cocaine", "fentanyl", "cartel", "traffick", "smuggl", "tren de aragua"),
    "migration": ("migra", "migrant", "deport", "refugee", "asylum", "border crossing", "tps"),
    "sanctions": ("sanction", "embargo", "blockade", "tariff", "asset freeze", "frozen assets"),
    "regime change": ("regime change", "oust", "overthrow", "step down", "leave power", "illegitimate",
                      "transition of power", "usurp", "dictator"),
    "military action": ("strike", "warship", "troop", "military", "navy", "naval", "bomb", "airspace",
                        "missile", "invasion", "attack", "deploy"),
    "sovereignty": ("sovereign", "aggression", "imperial", "colonial", "interference", "piracy",
                    "violation of international law", "self-determination"),
    "terrorism": ("terror",),
    "negotiation": ("negotiat", "talks", "dialogue", "diplomac", "mediat", "ceasefire"),
    "elections": ("election", "ballot", "vote", "electoral", "fraud"),
    "human rights": ("human rights", "extrajudicial", "political prisoner", "torture", "detain",
                     "repression"),
}

_PATTERNS = {
    tag: re.compile(r"\b(?:" + "|".join(re.escape(k) for k in sorted(words, key=len, reverse=True)) + r")",
                    re.IGNORECASE)
    for tag, words in ISSUE_KEYWORDS.items()
}


def issue_tags(text: str) -> list[str]:
    """Tags whose keywords occur in ``text``, in table order."""
    if not text:
        return []
    return [tag for tag, pattern in _PATTERNS.items() if pattern.search(text)]


def count_tags(texts: Iterable[str]) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(issue_tags(text))
    return counts
