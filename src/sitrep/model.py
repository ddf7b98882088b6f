"""Typed records of the document model (document JSON v1, see shared DESIGN.md).

Every extracted record carries ``span``: (start, end) character offsets into
``Article.text`` (the cleaned body). Records are plain dataclasses so that stages
stay pure functions over them and serialisation is one generic walk.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Optional

SCHEMA = "sitrep.document/1"

Span = tuple[int, int]

PLOVER_TYPES = (
    "AGREE", "ACCUSE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
    "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
)

#: PLOVER quad classes, used for the brief's plot and for incident type families.
QUAD_CLASS = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation", "AID": "material cooperation", "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict", "ACCUSE": "verbal conflict", "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "PROTEST": "material conflict", "SANCTION": "material conflict", "MOBILIZE": "material conflict",
    "COERCE": "material conflict", "ASSAULT": "material conflict",
}

CERTAINTY_STATUSES = (
    "asserted", "reported", "claimed", "alleged", "denied", "hypothetical", "threatened", "negated",
)


@dataclass
class TextSpan:
    """A piece of text with its offsets, used for triggers, cues and sentences."""
    span: Span
    text: str


@dataclass
class Removed:
    """Something the cleaner took out of the body, kept so nothing is silently lost."""
    kind: str  # cookie_notice | repeated_title | share_line | dateline | trailing_junk | ...
    text: str


@dataclass
class Article:
    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None  # ISO 8601 date or datetime
    source: Optional[str] = None  # outlet
    url: Optional[str] = None
    language: Optional[str] = None
    removed: list[Removed] = field(default_factory=list)
    input_format: Optional[str] = None  # html | text | jsonl | feed
    origin: Optional[str] = None  # file path / URL it was read from
    meta: dict[str, Any] = field(default_factory=dict)
    #: ``published`` was worked out from the text (dateline, latest date), not read
    published_inferred: bool = False


@dataclass
class Actor:
    span: Span
    text: str
    name: str  # canonical name
    country: Optional[str] = None  # ISO 3166-1 alpha-3
    sector: Optional[str] = None  # GOV MIL REB CRM BUS MED IGO NGO CIV ...
    kind: Optional[str] = None  # person | org | state | group
    actor_id: Optional[str] = None  # key in the actor knowledge base, None if unknown
    #: how the mention was resolved: kb | coref | ner | metonymy | text | place | home, or
    #: "phrase" for a party named only by its role ("gunmen", "protesters"), refined as
    #: "phrase+region" (a group of several countries: "Gulf states"), "phrase+place" (took
    #: the country of the event's place) or "phrase+home" (the article's home country);
    #: test the family with ``startswith("phrase")``
    resolved_by: Optional[str] = None
    #: the mention sits in a locative phrase ("in Venezuela", "near Caracas"): it names
    #: where something happens, so it is not the acting party or the target of an event
    locative: bool = False


@dataclass
class Time:
    span: Span
    text: str
    value: Optional[str]  # TIMEX3 value: 2025-12-31, 2025-W52, 2025-11, P3D, PRESENT_REF ...
    granularity: Optional[str] = None  # day | week | month | year | time | duration | set | ...
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    mod: Optional[str] = None  # BEFORE | AFTER | START | APPROX ...
    #: the value was worked out (publication date, lead date), not read from this span
    inferred: bool = False


@dataclass
class Place:
    span: Span
    text: str
    name: str
    country: Optional[str] = None  # ISO alpha-2
    admin1: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    feature: Optional[str] = None  # country | admin1 | city | region | water ...


@dataclass
class Quantity:
    span: Span
    text: str
    value: Optional[float]
    unit: Optional[str] = None
    counted: Optional[str] = None  # the counted noun: "soldiers", "barrels of oil"
    approx: Optional[str] = None  # over | under | about | up_to | at_least ...
    value_high: Optional[float] = None  # upper bound of a range
    counted_span: Optional[Span] = None


@dataclass
class Quote:
    id: str
    span: Span  # the quoted / reported content
    text: str
    speaker: Optional[Actor] = None
    cue: Optional[TextSpan] = None
    kind: str = "direct"  # direct | indirect | mixed
    speaker_text: Optional[TextSpan] = None  # the words naming the speaker, even if unresolved


@dataclass
class Certainty:
    status: str = "asserted"
    attributed_to: Optional[Actor] = None
    cue: Optional[TextSpan] = None
    hedges: list[str] = field(default_factory=list)
    #: who denies the event when the article gives it another status (an allegation by
    #: one side, denied by the other); a denial that is the only account is ``denied``
    denied_by: Optional[Actor] = None


@dataclass
class Event:
    id: str
    type: str  # one of PLOVER_TYPES
    trigger: TextSpan
    sentence: TextSpan
    mode: Optional[str] = None
    source: Optional[Actor] = None
    target: Optional[Actor] = None
    date: Optional[Time] = None
    place: Optional[Place] = None
    certainty: Certainty = field(default_factory=Certainty)
    figures: list[Quantity] = field(default_factory=list)
    quote: Optional[str] = None  # id of the quote the event sits in
    #: every trigger in the article that reports the same happening, the first one
    #: being ``trigger`` itself (empty when the event has a single mention)
    mentions: list[TextSpan] = field(default_factory=list)
    #: a historic, habitual or generic mention, not news of the article's own period
    background: bool = False

    @property
    def span(self) -> Span:
        return self.trigger.span


@dataclass
class Document:
    article: Article
    sentences: list[Span] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    #: the spaCy Doc over article.text; in-process only, never serialised
    nlp: Any = field(default=None, repr=False, compare=False)
    #: seconds spent per stage, for `sitrep bench`
    timings: dict[str, float] = field(default_factory=dict, repr=False, compare=False)

    def sentence_of(self, offset: int) -> Optional[Span]:
        """The sentence span containing a character offset (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            start, end = self.sentences[mid]
            if offset < start:
                hi = mid - 1
            elif offset >= end:
                lo = mid + 1
            else:
                return self.sentences[mid]
        return None

    def to_dict(self) -> dict[str, Any]:
        article = _plain(self.article)
        return {
            "schema": SCHEMA,
            "article": article,
            "sentences": [{"span": list(s)} for s in self.sentences],
            "paragraphs": [{"span": list(p)} for p in self.paragraphs],
            "actors": [_plain(a) for a in self.actors],
            "events": [_event_dict(e) for e in self.events],
            "quotes": [_plain(q) for q in self.quotes],
            "times": [_plain(t) for t in self.times],
            "places": [_plain(p) for p in self.places],
            "quantities": [_plain(q) for q in self.quantities],
        }


def _event_dict(event: Event) -> dict[str, Any]:
    out = _plain(event)
    out["span"] = list(event.span)
    return out


def _plain(value: Any) -> Any:
    """dataclasses -> JSON-ready dicts/lists; tuples (spans) become lists.

    Field names are looked up once per class: this walk runs for every record of every
    stored document, and ``dataclasses.fields`` on each call made it 5x slower."""
    cls = type(value)
    if cls in _ATOMS:
        return value
    names = _FIELD_NAMES.get(cls)
    if names is None:  # first meeting with this class; False marks "not a dataclass"
        names = _FIELD_NAMES[cls] = (tuple(f.name for f in dataclasses.fields(cls)
                                           if f.name not in ("nlp", "timings"))
                                     if dataclasses.is_dataclass(cls) else False)
    if names is not False:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


_ATOMS = frozenset((str, int, float, bool, type(None)))
_FIELD_NAMES: dict[type, Any] = {}


# -- reading back (for the store and tests) -------------------------------------------

def _span(value: Any) -> Optional[Span]:
    return (int(value[0]), int(value[1])) if value is not None else None


def _textspan(d: Optional[dict]) -> Optional[TextSpan]:
    return TextSpan(_span(d["span"]), d["text"]) if d else None


def actor_from_dict(d: Optional[dict]) -> Optional[Actor]:
    if not d:
        return None
    d = dict(d)
    d["span"] = _span(d["span"])
    return Actor(**d)


def time_from_dict(d: Optional[dict]) -> Optional[Time]:
    if not d:
        return None
    d = dict(d)
    d["span"] = _span(d["span"])
    return Time(**d)


def place_from_dict(d: Optional[dict]) -> Optional[Place]:
    if not d:
        return None
    d = dict(d)
    d["span"] = _span(d["span"])
    return Place(**d)


def quantity_from_dict(d: dict) -> Quantity:
    d = dict(d)
    d["span"] = _span(d["span"])
    d["counted_span"] = _span(d.get("counted_span"))
    return Quantity(**d)


def quote_from_dict(d: dict) -> Quote:
    return Quote(id=d["id"], span=_span(d["span"]), text=d["text"],
                 speaker=actor_from_dict(d.get("speaker")), cue=_textspan(d.get("cue")),
                 kind=d.get("kind", "direct"), speaker_text=_textspan(d.get("speaker_text")))


def event_from_dict(d: dict) -> Event:
    c = d.get("certainty") or {}
    return Event(
        id=d["id"], type=d["type"], trigger=_textspan(d["trigger"]), sentence=_textspan(d["sentence"]),
        mode=d.get("mode"), source=actor_from_dict(d.get("source")), target=actor_from_dict(d.get("target")),
        date=time_from_dict(d.get("date")), place=place_from_dict(d.get("place")),
        certainty=Certainty(status=c.get("status", "asserted"), attributed_to=actor_from_dict(c.get("attributed_to")),
                            cue=_textspan(c.get("cue")), hedges=list(c.get("hedges") or []),
                            denied_by=actor_from_dict(c.get("denied_by"))),
        figures=[quantity_from_dict(q) for q in d.get("figures") or []], quote=d.get("quote"),
        mentions=[_textspan(m) for m in d.get("mentions") or []],
        background=bool(d.get("background", False)),
    )


def document_from_dict(d: dict) -> Document:
    a = dict(d["article"])
    a["removed"] = [Removed(**r) for r in a.get("removed") or []]
    return Document(
        article=Article(**a),
        sentences=[_span(s["span"]) for s in d.get("sentences", [])],
        paragraphs=[_span(p["span"]) for p in d.get("paragraphs", [])],
        actors=[actor_from_dict(x) for x in d.get("actors", [])],
        events=[event_from_dict(x) for x in d.get("events", [])],
        quotes=[quote_from_dict(x) for x in d.get("quotes", [])],
        times=[time_from_dict(x) for x in d.get("times", [])],
        places=[place_from_dict(x) for x in d.get("places", [])],
        quantities=[quantity_from_dict(x) for x in d.get("quantities", [])],
    )
