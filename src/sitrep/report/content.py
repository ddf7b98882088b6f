"""The brief as data: what the Markdown and the HTML renderers both draw from.

Every statement carries the labels of the footnotes (:class:`Note`) that back it; a note
quotes one source sentence with its outlet, date, title and URL. Text fields hold plain
text exactly as found or generated -- escaping is the renderers' job (Markdown escapes,
Jinja2 autoescapes), so nothing here is markup.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from sitrep.report.scope import Period


@dataclass
class Note:
    """A footnote: one sentence of one article."""
    label: str
    article_id: str
    sentence_no: int
    sentence: str
    outlet: str
    published: Optional[date]
    title: Optional[str]
    #: an http(s) URL safe to link, else None (the article id is shown instead)
    url: Optional[str]
    #: character offsets of the sentence in the article's text
    span: Optional[tuple[int, int]] = None


@dataclass
class Quote:
    """A source sentence quoted in the body, with who reports it and how."""
    outlet: str
    status: str
    text: str
    note: str
    who: Optional[str] = None


def say_day(day: Optional[date], precision: str = "day") -> str:
    """A date as precise as it is known: "2026-01-03", "week of 2025-12-22", "weekend of
    ...", "2018-12" (a month), "2011" (a year), "reported 2019-05-08" (no date of its own:
    the day of its report)."""
    if day is None:
        return "date unknown"
    if precision in ("week", "weekend"):
        return f"{precision} of {day.isoformat()}"
    if precision == "month":
        return day.strftime("%Y-%m")
    if precision == "year":
        return str(day.year)
    if precision == "published":
        return f"reported {day.isoformat()}"
    return day.isoformat()


#: figure kinds that tell what an act of force cost in lives (a count of prisoners held or
#: people displaced in a sentence naming nobody who acted is mostly background)
TOLL_KINDS = ("killed", "injured")


@dataclass
class Incident:
    """One happening of the period as the in-scope articles report it."""
    incident_id: str
    title: str
    type: str
    quad_class: Optional[str]
    day: Optional[date]
    last_day: Optional[date]
    place: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    outlets: list[str]
    n_sources: int
    certainty: list[tuple[str, str]]
    contested: bool
    significance: float
    significant: bool
    quotes: list[Quote] = field(default_factory=list)
    figures: list["Figure"] = field(default_factory=list)
    #: the store rows of its kept mentions (not rendered)
    mentions: list[dict] = field(default_factory=list, repr=False)
    #: (article_id, sentence start) of its best-specified mention: several events of one
    #: sentence make several incidents, and the brief shows that sentence once
    key_sentence: tuple = ()
    #: how precise ``day`` is: "day", or "week"/"weekend" (its first day), "month", or
    #: "published" (no date of its own: the publication day of its report)
    precision: str = "day"

    @property
    def when(self) -> str:
        """The day as the brief states it: "2026-01-03", "week of 2025-12-22"."""
        return say_day(self.day, self.precision)

    @property
    def notes(self) -> list[str]:
        return [q.note for q in self.quotes]

    #: the title as it reads inside a sentence ("troops used force ..." after "On 3 May, ")
    title_in_sentence: str = ""

    #: its best mention names both who acted and toward whom
    dyad: bool = False
    #: some source reports it as done, not only the other side accusing the actor of it
    reported: bool = True
    #: its best mention names who acted
    actor_named: bool = False
    #: its best mention names who acted or toward whom (not only where: "aid in <city>")
    party_named: bool = False
    #: its place is a town, district or province, not a whole country or region
    local: bool = False

    @property
    def well_specified(self) -> bool:
        """Who did it to whom is known, or two independent sources report it naming who
        did it, what it cost or the town it happened in (two outlets' "an attack on X"
        with nobody named, no toll and no town may well be two attacks, and says little
        either way)."""
        return self.dyad or (self.n_sources >= 2 and (self.actor_named or self.has_toll or self.local))

    @property
    def has_toll(self) -> bool:
        """A figure says what it cost in lives (killed, injured)."""
        return any(f.kind in TOLL_KINDS for f in self.figures)

    @property
    def affirmed(self) -> bool:
        """Some source reports it as done (not only planned, threatened, denied)."""
        statuses = [m["certainty"] for m in self.mentions] or [status for _, status in self.certainty]
        return any(status in ("asserted", "reported", "claimed", "alleged") for status in statuses)


@dataclass
class Sentence:
    """A generated sentence and the footnotes it rests on."""
    text: str
    notes: list[str]


#: fewer articles than this in either period, and a change in events says more about what
#: happened to be published than about what happened
MIN_ARTICLES_TO_COMPARE = 3
#: events per article must move by more than this factor (and by more than
#: MIN_EVENTS_TO_MOVE events) to count as up or down: a rate from a few articles is noisy
RATE_FACTOR = 1.25
MIN_EVENTS_TO_MOVE = 2


@dataclass
class Change:
    """Events of one type in this period against the previous one (sitrep's own counts),
    judged per article published in scope: raw counts track how much was written."""
    label: str
    previous: int
    current: int
    previous_articles: int = 0
    current_articles: int = 0

    @property
    def previous_rate(self) -> Optional[float]:
        return self.previous / self.previous_articles if self.previous_articles else None

    @property
    def current_rate(self) -> Optional[float]:
        return self.current / self.current_articles if self.current_articles else None

    @property
    def direction(self) -> str:
        if min(self.previous_articles, self.current_articles) < MIN_ARTICLES_TO_COMPARE:
            return "few"
        before, now = self.previous_rate, self.current_rate
        if abs(self.current - self.previous) <= MIN_EVENTS_TO_MOVE:
            return "same"
        if now > before * RATE_FACTOR:
            return "up"
        if now * RATE_FACTOR < before:
            return "down"
        return "same"


@dataclass
class Position:
    """One thing a side said or did toward the other, attributed."""
    who: str
    event_type: Optional[str]
    text: str
    status: str
    note: str
    day: Optional[date] = None
    issues: list[str] = field(default_factory=list)
    #: who reports it, when that is not the actor itself (another state's official, an outlet)
    according_to: Optional[str] = None
    #: for a denial, the act denied and whose it is said to be ("ASSAULT by the United
    #: States"): the one who denies is ``who``, never the actor of what is denied
    denied: Optional[str] = None

    @property
    def label(self) -> str:
        """How the item is labelled after its speaker: "ASSAULT, asserted", or for a
        denial "denies ASSAULT by the United States" (not "ASSAULT, denied", which reads
        as the denier's own act)."""
        if self.denied:
            return f"denies {self.denied}"
        return f"{self.event_type}, {self.status}" if self.event_type else self.status


#: the headings of a side's view, in order
POSITION_KINDS = (
    ("aims", "Stated aims and demands"),
    ("measures", "Measures taken"),
    ("offers", "Offers, talks and support"),
    ("accusations", "Accusations"),
    ("denials", "Denials and rejections"),
    ("other_says", "What {other} says {side} really wants or does"),
)


@dataclass
class SideView:
    """What one side wants from another: its positions by kind (see POSITION_KINDS)."""
    side: str
    other: str
    positions: dict[str, list[Position]] = field(default_factory=dict)
    issues: list[tuple[str, int]] = field(default_factory=list)

    def heading(self, kind: str) -> str:
        title = dict(POSITION_KINDS)[kind]
        return title.format(side=self.side, other=self.other)


@dataclass
class Figure:
    """A key figure (killed, injured, detained, displaced, forces, money) of an incident."""
    kind: str
    text: str
    value: Optional[float]
    incident: str
    outlet: str
    note: str = ""
    day: Optional[date] = None
    #: the mention it was read from (cited when the figure is shown; not rendered)
    row: Optional[dict] = field(default=None, repr=False)


@dataclass
class Contest:
    """One source's claim about an incident and another's denial or contradiction of it."""
    incident: str
    kind: str  # denial | figures
    claim: Quote
    counter: Quote


@dataclass
class WatchItem:
    kind: str
    day: Optional[date]
    text: str
    outlet: str
    note: str
    #: how precise ``day`` is (see ``say_day``)
    precision: str = "day"

    @property
    def when(self) -> str:
        return say_day(self.day, self.precision)

    @property
    def due(self) -> Optional[str]:
        """The day it falls due (a deadline, talks); None for a threat, whose day is the
        day it was made, not one ahead."""
        return self.when if self.day and self.kind != "threat" else None

    @property
    def label(self) -> str:
        """What it is: its kind, and for a threat when it was made."""
        return f"threat made {self.when}" if self.kind == "threat" and self.day else self.kind


@dataclass
class MapPoint:
    name: str
    lat: float
    lon: float
    incidents: int
    sources: int


@dataclass
class Activity:
    """Events per article by day (or week) and quad class, the plot's data."""
    unit: str
    buckets: list[date]
    per_article: dict[str, list[float]]
    articles: list[int]


@dataclass
class Brief:
    title: str
    subject: Optional[str]
    period: Optional[Period]
    previous: Optional[Period]
    generated: str
    articles: int
    outlets: int
    copies: int
    events: int
    undated: int
    scope_articles: int
    store_articles: int
    key_developments: list[Sentence] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    previous_articles: int = 0
    #: articles of the period with no outlet named (files, pages): each its own source
    unnamed: int = 0
    headlines: list[Incident] = field(default_factory=list)
    timeline: list[Incident] = field(default_factory=list)
    sides: list[SideView] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    contested: list[Contest] = field(default_factory=list)
    watch: list[WatchItem] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    activity: Optional[Activity] = None
    places: list[MapPoint] = field(default_factory=list)

    def note(self, label: str) -> Optional[Note]:
        return next((n for n in self.notes if n.label == label), None)
