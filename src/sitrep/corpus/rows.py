"""Typed rows of the store's queries: what `sitrep events | incidents | skipped` print and
what ``sitrep.open(db)`` returns when neither pandas nor pyarrow is installed.

Field order is the column order of the query that fills them (sitrep.corpus.queries);
tests/test_queries.py checks the two agree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar, Optional


@dataclass(frozen=True)
class EventRow:
    #: columns kept as JSON text in the store; JSON output gives them as lists
    JSON_LISTS: ClassVar[tuple[str, ...]] = ("hedges", "figures")

    event_id: str
    event_date: Optional[date]
    type: str
    quad_class: Optional[str]
    source_name: Optional[str]
    source_country: Optional[str]
    target_name: Optional[str]
    target_country: Optional[str]
    place_name: Optional[str]
    place_country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    certainty: Optional[str]
    attributed_to: Optional[str]
    cue: Optional[str]
    hedges: Optional[str]  # JSON list
    trigger: Optional[str]
    sentence: Optional[str]
    date_value: Optional[str]
    figures: Optional[str]  # JSON list
    quote_id: Optional[str]
    mode: Optional[str]
    outlet: Optional[str]
    pub_date: Optional[date]
    url: Optional[str]
    title: Optional[str]
    article_id: str
    duplicate_of: Optional[str]
    sentence_start: Optional[int]
    sentence_end: Optional[int]
    trigger_start: Optional[int]
    trigger_end: Optional[int]


@dataclass(frozen=True)
class MentionRow:
    """One event mention of an incident, with its article."""
    incident_id: str
    event_id: str
    outlet: Optional[str]
    certainty: Optional[str]
    independent_key: Optional[str]
    trigger: Optional[str]
    sentence: Optional[str]
    type: Optional[str]
    event_date: Optional[date]
    attributed_to: Optional[str]
    hedges: Optional[str]
    pub_date: Optional[date]
    url: Optional[str]
    title: Optional[str]
    article_id: str
    duplicate_of: Optional[str]
    sentence_start: Optional[int]
    sentence_end: Optional[int]


@dataclass(frozen=True)
class IncidentRow:
    incident_id: str
    family: Optional[str]
    type: Optional[str]
    quad_class: Optional[str]
    label: Optional[str]
    source_name: Optional[str]
    source_country: Optional[str]
    target_name: Optional[str]
    target_country: Optional[str]
    place_name: Optional[str]
    place_country: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    date_start: Optional[date]
    date_end: Optional[date]
    first_reported: Optional[date]
    latest_reported: Optional[date]
    n_mentions: int
    n_articles: int
    n_sources: int
    #: outlet -> the statuses it gives the incident
    certainty: dict[str, list[str]]
    conflicted: bool
    headline_event: Optional[str]
    #: day | week | month | publication (dated by the publication day) | year | None
    date_precision: Optional[str]
    #: every member is a background mention (history, habit), not news of its period
    background: Optional[bool]
    mentions: list[MentionRow] = field(default_factory=list)


@dataclass(frozen=True)
class SkipRow:
    skipped_at: Optional[datetime]
    reason: str
    stage: Optional[str]
    origin: Optional[str]
    input_id: Optional[str]
    detail: Optional[str]


@dataclass(frozen=True)
class ArticleRow:
    article_id: str
    title: Optional[str]
    outlet: Optional[str]
    pub_date: Optional[date]
    url: Optional[str]
    duplicate_of: Optional[str]
    n_events: Optional[int]


def as_dict(row: Any) -> dict[str, Any]:
    """A row as a plain dict (nested rows too), for JSON and CSV output."""
    from dataclasses import asdict
    return asdict(row)
