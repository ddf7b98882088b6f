"""Incidents: event mentions from different articles that report one real-world happening.

Two mentions are linked only on evidence, all of it:
  * dates: each mention has a date interval -- the day, week or month its text gives, or,
    when the text gives none, the publication day and the days just before it
    (PUBLICATION_LAG_DAYS). Intervals widened by the type's window (knowledge table
    data/incidents/windows.tsv: a strike "on Tuesday" vs a statement re-reported for days)
    must overlap every member's, so an incident never drifts along a campaign of similar
    strikes. A date read from the sentence may be wrong (a weekday against the wrong week,
    a photo caption's date): a report from an article published the same news cycle as a
    member's that says much the same (DATE_SLIP_TEXT) joins despite its date, and leaves
    the incident's dates as they were. A mention with no date at all (no date in its text, no publication date, nor
    one inferred by the reader) is never a wildcard (that merged unrelated happenings):
    it is linked across articles only once its article is dated by two of its reports
    matching dated incidents of the same week (pass 2b). A year is too vague to link on.
  * actors: source countries agree (or one is unknown), likewise targets (swapped roles
    allowed for symmetric types such as CONSULT); within one country a state actor and an
    opposition or armed group are different actors. One role that took the country of the
    other role or of the place (a strike in Iraq read as struck by Iraq) is a slip, not
    another actor, when the other role agrees and the text says much the same.
  * places: point-like places (cities, provinces) within the type's distance, else the
    same country; seas and regions constrain nothing. Only happenings on the ground (a
    type with a distance) are vetoed by another country; for a statement or a measure it
    asks for much the same text, like a slipped actor role.
  * text: the sentences share enough content words, names and numbers (a weighted
    cosine over them, STOP words and reporting words left out); the less the actors and
    places say, the more text overlap is required. Every sentence that reports the event
    in its article (Event.mentions) is evidence: the best pair of sentences counts.
    One sentence may report two happenings, so the words around each trigger (its
    clause, ``trigger_clause``) are what tells them apart: two reports in one sentence
    (or in copies of it) are compared on those alone, and are two happenings outright
    when a clause of another happening stands between their triggers ("pledged a march,
    a day after he called for an uprising"); and they rank the incidents a sentence fits
    alike.
  * statements (windows.tsv: speaker) from different articles: names are no evidence (all
    reports of a crisis share them), so it takes much the same words, or one speaker (a
    named person, or one government to one addressee) saying the same kind of thing in
    words alike once the names are left out (``one_statement``).
Types are linked within their family (one happening filed as COERCE by one outlet and
SANCTION by another stays apart unless the table groups them; every one-sided statement,
verbal cooperation or conflict, is one family). Swapped roles count only between
symmetric types ("A met B" is "B met A"; "B threatened A" is not "A agreed with B").

Passes (all streamed from the store, memory bounded by the time window):
  1. fine: mentions dated by a day (or a publication day and its lag), in date order, one
     family at a time in effect (families never meet); each joins the best fitting open
     incident or seeds a new one. A decision depends on the last FINE_HORIZON_DAYS only,
     which is what makes incremental linking exact and cheap (below). Background mentions
     (history, habit) may join an incident but never seed one of their article's period.
  2. coarse: a mention dated only by a week or a month joins the finished fine incident
     it fits best, or none; it never seeds an incident nor changes one (a month is no
     evidence that two reports tell one happening), so its decision depends on the fine
     incidents its dates reach and on nothing else. A background one (a campaign summed up, "since
     September, 20 strikes") joins none: it reports no one day's happening.
  2b. undated articles: an article without any date (no publication date, none in its
     text) is dated by the reports it shares with dated articles: when two distinct fine
     incidents within ANCHOR_SPAN_DAYS each take one of its mentions on strong text
     (ANCHOR_TEXT), its mentions join the fine incidents of that span they fit (as a
     coarse mention joins, never changing them); one match, however close, dates nothing.
  3. article: mentions without a usable date, and those the dated passes did not place,
     are linked within their own article only (to its other mentions' incidents, on the
     same evidence), else form an incident of their own (flagged ``background`` when
     every member is).
  4. describe: each incident is labelled after its best-specified event (type, both
     actors with their countries, a place, a precise date, an asserted status), not its
     first mention; a background member names it only when all are background.

Incremental (``update_incidents``, called after each ingest): in each family that has a
new (or removed) fine mention, the fine pass is re-run from it with the incidents open
there rebuilt from their stored members, and stops as soon as no incident a change
touched can be joined any more (the horizon after the last change); from there on every
decision is the stored one. Then the coarse mentions that are new, or whose dates reach
an incident that changed, are decided again, and so are the undated articles (2b). Only the articles and incidents touched are
re-linked and re-described, with bulk inserts. ``incident_keys`` holds each event's date
interval and every field linking reads of it, so a re-run reads one narrow table for the
days it re-links, not the store; its columns are defined once, by the store migrations
(a rebuild empties and refills it, never re-makes it). The result equals
``rebuild_incidents`` (tested).
"""
from __future__ import annotations

import bisect
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta
from typing import Any, Iterable, Iterator, Optional

from sitrep.corpus.outlets import outlet_label_sql
from sitrep.geo import haversine_km  # noqa: F401 - re-exported for callers and tests
from sitrep.knowledge.actors import country_names
from sitrep.knowledge.linking import (clause_words, country_alpha3, cross_family_text, rule_for, stopwords,
                                      type_rules)
from sitrep.model import QUAD_CLASS

#: bump when the linking rules change: stores linked by other rules are re-linked in full
LINKER_VERSION = "17"

#: a text without a date of its own reports something from the publication day or the days before
PUBLICATION_LAG_DAYS = 2
#: a background mention dated within this many days before publication belongs to the
#: article's own period, whose incidents it must not seed
ARTICLE_PERIOD_DAYS = 14
#: date precisions of the dated pass: "fine" ones (a day, a publication day and its lag)
#: link among themselves; "coarse" ones (a week, a month) join what the fine ones built
#: (or each other) without ever changing what a fine mention sees
FINE_PRECISIONS = ("day", "publication")
COARSE_PRECISIONS = ("week", "month")
#: the longest interval (hi - lo, in days) a fine and a coarse mention may have
FINE_INTERVAL_DAYS = PUBLICATION_LAG_DAYS
COARSE_INTERVAL_DAYS = 30
#: the widest window of any type, in days (see windows.tsv); checked against the table on load
MAX_WINDOW_DAYS = 3
#: an incident whose core ended this many days before a fine mention's last day can be
#: joined by neither that mention nor any later one (mentions come in order of their last
#: day, and a later one starts at most its interval before it ends)
FINE_HORIZON_DAYS = FINE_INTERVAL_DAYS + MAX_WINDOW_DAYS + 1

#: text overlap a cross-article link needs with no agreeing actor or place, how much each
#: agreeing one lowers it, and the floor it never goes below
TEXT_MIN = 0.30
TEXT_PER_EVIDENCE = 0.03
TEXT_FLOOR = 0.18
#: a mention of the article's own incident without actors of its own ("the strikes were
#: aimed at air defences") needs only this much text in common; one that names its own
#: source ("the airlines urged passengers to wait", "Petrov asked the agency not to ...")
#: is another party's act or statement, whatever country it has (linker 17)
RECAP_TEXT = 0.0
#: text a statement needs to join a statement of the same speaker to the same addressee
#: (both countries agreeing, and one name or one government: ``Cluster._one_speaker_here``,
#: linker 17), on the same date, in its own article: one statement reported over several
#: sentences ("X rejected the decision ..." / "X called on the region to ...")
SAME_SPEAKER_TEXT = 0.12
#: across articles, a statement (windows.tsv: speaker) joins another on its words alone
#: with this much text in common (a quote or its paraphrase) ...
STATEMENT_TEXT = 0.45
#: ... else only one of the same kind by one speaker or government whose words, names left
#: out (Mention.word_similarity), are this much alike: one speaker says many things a day
STATEMENT_WORDS = 0.25
#: text a link needs when one role's country differs (the other agreeing)
ROLE_CONFLICT_TEXT = 0.5
#: a report from another article whose sentence date misses the incident's (a weekday read
#: against the wrong week, a date taken from a photo caption or another sentence) is still
#: one of its reports when the two articles were published within SLIP_PUBLICATION_DAYS of
#: each other (the same news cycle) and it says this much the same as a member: a slip of
#: the date reading is likelier than another happening told in the same words the same day
DATE_SLIP_TEXT = 0.55
SLIP_PUBLICATION_DAYS = 1
#: ... provided one of the two dates is suspect: after its article's publication, or this
#: many days or more before it. A fresh date (the publication day or the day before) is
#: trusted: reports of a campaign of strikes on consecutive days, worded alike, stay apart
STALE_DAYS = 2
#: a mention without a usable date (linked within its article) needs this much more text
UNDATED_TEXT_EXTRA = 0.15
#: a mention dated only by its article's publication day (its text gives no date: "has
#: offered a reward", a habit or a state as much as a happening) needs this much more text
#: to join another article's incident
PUBLICATION_TEXT_EXTRA = 0.08
#: an article without any date (no publication date, none in its text) is placed in time
#: by the reports it shares with dated articles: at least this many distinct incidents must
#: each take one of its mentions on the evidence an undated mention needs (text
#: UNDATED_TEXT_EXTRA above a dated one's) ...
ANCHOR_MIN_INCIDENTS = 2
#: ... with at least this much text in common (names shared by two different statements
#: of one person reach about 0.45) ...
ANCHOR_TEXT = 0.5
#: ... and their dates lie within this many days of each other (one article's news); one
#: chance match is no date, so a lone strong match stays in its article. Once the
#: article is placed, its other mentions join incidents within that span on the usual
#: evidence of an undated mention.
ANCHOR_SPAN_DAYS = 7
#: incidents' mentions read as candidates for one undated article (those sharing the most
#: of its names first): bounds the cost of the pass
ANCHOR_CANDIDATES = 100
#: containment counts when the shared evidence weighs this much (a name and a word), at this factor
CONTAINED_MIN_WEIGHT, CONTAINED_FACTOR = 3.0, 0.65
#: words (names, numbers) two sentences must share to count as saying the same thing at
#: all: one name in common ("Others praised the minister" / "the minister said ...") is not
MIN_SHARED_WORDS = 2
#: a sentence with fewer content words ("He said so on Twitter.") says too little to be
#: the same report as another outlet's (within its article, a recap needs no text)
MIN_SENTENCE_WORDS = 3
#: members an incident is compared with (the first ones): bounds the cost of a decision
COMPARED_MEMBERS = 10
#: the words around a trigger (at most this many on each side, within its clause) tell
#: which happening it reports (``trigger_clause``): they are the text evidence between two
#: reports in one sentence (or copies of it), and among the incidents a mention's
#: sentences fit, the one whose trigger clauses agree gains LOCAL_RANK (a sentence that
#: reports two happenings fits both alike). Tried and dropped: the clauses as a weight in
#: the text evidence of different sentences (0.15, 0.3: reports of one happening split,
#: dev2 B-cubed 0.854 -> 0.837), their maximum with the whole sentences' (a dev2 confuser
#: pair merged; within one article only: demo 0.853 -> 0.868, but more joins of different
#: statements of one article on unseen news).
CLAUSE_WORDS = 10
LOCAL_RANK = 0.1
#: within its article, a report whose trigger clause says this much the same as that of a
#: member in another sentence, with the same type and source, is that report told again (a
#: lead's statement quoted again in the body, a strike recounted further down): it joins
#: it, before any report its own sentence coordinates it with ("The US reiterated its
#: support, with its envoy saying force is possible" / later "the envoy said force is
#: possible"), whatever the rest of the two sentences says
RETOLD_CLAUSE_TEXT = 0.5
#: the fits of the article's own links: a report told again (RETOLD_RANK) outranks a
#: coordinated report of its sentence (SAME_SENTENCE_RANK), which outranks any text match
RETOLD_RANK, SAME_SENTENCE_RANK = 4.0, 3.0
#: weights of the text evidence: names and numbers say more than common words
NAME_WEIGHT, NUMBER_WEIGHT = 2.0, 2.0
#: a word's first letters, a weak extra feature standing in for its lemma
PREFIX_CHARS, PREFIX_WEIGHT = 4, 0.5

#: place features precise enough for a distance test; others are compared by country. A
#: province (admin1) is an area, not a point: its centre says nothing of where in it a
#: happening was (a town of the province 80 km from its centre is inside it), so it is
#: compared by membership (``Cluster._province``): a place inside it agrees, a place of
#: another province of a happening on the ground is another happening
POINT_FEATURES = {"city", "admin2", "locality", "site", "building"}
PROVINCE_FEATURE = "admin1"
#: a point is taken for the gazetteer's town of its name within this distance (the
#: gazetteer's own coordinates, rounded as the store keeps them), whose province it is in
PROVINCE_MATCH_KM = 5.0
#: places that are not inside one country
AREA_FEATURES = {"water", "region", "continent"}
#: sectors of the state and of those opposing it: within one country they are different actors
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY"}
NONSTATE_SECTORS = {"OPP", "REB", "CRM", "PTY"}

#: how strongly a status asserts that the event happened (for the label)
STATUS_RANK = {"asserted": 7, "reported": 6, "claimed": 5, "alleged": 4, "hypothetical": 3,
               "threatened": 2, "denied": 1, "negated": 0}
AFFIRMING = {"asserted", "reported", "claimed", "alleged"}
DENYING = {"denied", "negated"}
#: sectors whose actor acts for its state: a label names them after their country
#: ("United States (Donald Trump)"); a rebel, an opposition, a militia or civilians act in
#: their country, not for it, and are named alone ("Islamic State", not "Syria (...)")
LABEL_STATE_SECTORS = STATE_SECTORS | {"LEG"}
#: what naming a role (source, target) adds to a mention's claim to label its incident;
#: more than the best place (2), so the label names the actors before the place
LABEL_ROLE_WEIGHT = 3
#: what agreeing (or not) with the source name independent outlets corroborate
#: adds to (or takes from) a mention's claim to label its incident
LABEL_NAME_WEIGHT = 1.0
#: the reasons of ``report.roles.role_in_context`` that make a label's source its speaker,
#: not the doer: the speaker of a material act ("..., the senator said"). Its other reasons
#: (a possessive or a modifier, "Turkey's assault"; the subject of another verb) mostly
#: name the doer in a label's few words, and were not kept for labels (mixed store: of 99
#: labels changed, about 37 lost a right source)
SPEAKER_NOT_DOER = {"who says it"}
PRECISION_RANK = {"day": 4, "week": 3, "publication": 2, "month": 2, "year": 1, None: 0}


# -- mentions --------------------------------------------------------------------------------

@dataclass
class Mention:
    event_id: str
    article_id: str
    type: str
    outlet: Optional[str]
    independent_key: str
    certainty: str
    lo: Optional[date]  # the date interval (None: undated)
    hi: Optional[date]
    precision: Optional[str]  # day | week | month | year | publication | None
    pub_date: Optional[date]
    source_country: Optional[str] = None
    target_country: Optional[str] = None
    source_name: Optional[str] = None
    target_name: Optional[str] = None
    source_sector: Optional[str] = None
    target_sector: Optional[str] = None
    place_name: Optional[str] = None
    place_country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    place_feature: Optional[str] = None
    sentence_start: Optional[int] = None
    background: bool = False
    sentence: Optional[str] = None
    #: the other sentences of the article that report the same happening (``Event.mentions``
    #: outside the trigger's sentence), one per line: another outlet's report may word it
    #: like any of them
    more_sentences: Optional[str] = None
    unknown_label: Optional[str] = None  # how to name the source when the outlet is unknown (corpus/outlets.py)
    #: the incident the dated pass had put it in when the linking run started
    stored_incident: Optional[str] = None
    #: the trigger's offsets in the article (``sentence_start`` too): the words around it
    #: tell which happening it reports when one sentence reports two
    trigger_start: Optional[int] = None
    trigger_end: Optional[int] = None
    #: the trigger's offsets within each of ``more_sentences``, "start end" one per line
    more_triggers: Optional[str] = None
    #: (country, admin1 code) of the province its place is or lies in, None: not known
    province: Optional[tuple] = field(default=None, repr=False, compare=False)
    _text: Optional[list] = field(default=None, repr=False, compare=False)
    _words: Optional[list] = field(default=None, repr=False, compare=False)
    _family: Optional[str] = field(default=None, repr=False, compare=False)
    _widened: Optional[tuple] = field(default=None, repr=False, compare=False)
    _card: Optional[bool] = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.place_feature in AREA_FEATURES:
            self.place_country = None
        self.province = province_of(self.place_name, self.place_country, self.place_feature, self.lat, self.lon)
        if self.place_feature not in POINT_FEATURES:
            self.lat = self.lon = None

    @property
    def family(self) -> str:
        if self._family is None:
            self._family = rule_for(self.type).family
        return self._family

    @property
    def in_link_card(self) -> bool:
        """The trigger stands in a web page's link card (``report.linkcards``): the linked
        headline of another story, glued into the sentence after a person's name, reports
        nothing of this article's news."""
        if self._card is None:
            from sitrep.report.linkcards import in_link_card
            trigger = self.own_trigger()
            self._card = bool(trigger and self.sentence and in_link_card(self.sentence, trigger[0]))
        return self._card

    @property
    def coarse(self) -> bool:
        """Dated by a week or a month: links after, and without influence on, the fine dates."""
        return self.precision in COARSE_PRECISIONS

    @property
    def widened(self) -> tuple[date, date]:
        """The date interval widened by the type's window (see _widened)."""
        if self._widened is None:
            self._widened = _widened(self)
        return self._widened

    def own_trigger(self) -> Optional[tuple[int, int]]:
        """The trigger's offsets within its sentence, or None."""
        if self.trigger_start is None or self.sentence_start is None:
            return None
        return self.trigger_start - self.sentence_start, (self.trigger_end or self.trigger_start) - self.sentence_start

    def trigger_word(self) -> Optional[str]:
        """The trigger as its sentence words it, or None."""
        span = self.own_trigger()
        return self.sentence[span[0]:span[1]] if span and self.sentence else None

    def sentences_with_triggers(self) -> list[tuple[str, Optional[tuple[int, int]]]]:
        """Each sentence reporting the happening in the article (its trigger's first) with
        the trigger's offsets within it (None: not known)."""
        out = [(self.sentence or "", self.own_trigger())]
        if self.more_sentences:
            more = self.more_sentences.split("\n")
            spans = (self.more_triggers or "").split("\n")
            if len(spans) != len(more):  # a sentence holding a line break: offsets not aligned
                spans = [""] * len(more)
            out.extend((sentence, _offsets(span)) for sentence, span in zip(more, spans))
        return out

    @property
    def text(self) -> list["SentenceText"]:
        """The text evidence of each sentence reporting the happening in the article (its
        trigger's first): the whole sentence's and its trigger clause's; computed when
        first needed."""
        if self._text is None:
            self._text = []
            for sentence, trigger in self.sentences_with_triggers():
                features = text_features(sentence)
                if sum(k[0] != "~" for k in features) >= MIN_SENTENCE_WORDS:
                    self._text.append(SentenceText.of(sentence, trigger, features, text_features))
        return self._text

    def similarity(self, other: "Mention") -> float:
        """How much the two reports say the same: the best pair of their sentences."""
        return max((a.similarity(b) for a in self.text for b in other.text), default=0.0)

    def local_similarity(self, other: "Mention") -> float:
        """``similarity`` of the trigger clauses alone."""
        return max((a.local_similarity(b) for a in self.text for b in other.text), default=0.0)

    @property
    def words(self) -> list["SentenceText"]:
        """The text evidence of its sentences without the names: what is said, not who
        and where (every report of a crisis shares the names)."""
        if self._words is None:
            self._words = []
            for sentence, trigger in self.sentences_with_triggers():
                features = word_features(sentence)
                if features:
                    self._words.append(SentenceText.of(sentence, trigger, features, word_features))
        return self._words

    def word_similarity(self, other: "Mention") -> float:
        """``similarity`` over what the sentences say besides their names."""
        return max((a.similarity(b) for a in self.words for b in other.words), default=0.0)

    @property
    def key(self) -> tuple:
        """Processing order of the dated pass: by the latest day the mention can be about,
        so that precise dates seed incidents and vaguer ones (a publication day, a month)
        join them."""
        return (self.hi or date.min, self.lo or date.min, self.event_id)

    @property
    def role(self) -> str:
        """'seed' (may start an incident in the dated pass), 'join' (may only join one) or
        'article' (linked within its article only)."""
        if self.precision in (None, "year"):
            return "article"
        if not self.background:
            return "seed"
        if self.precision == "publication":
            return "article"
        if self.pub_date and self.hi >= self.pub_date - timedelta(days=ARTICLE_PERIOD_DAYS) \
                and self.lo <= self.pub_date:
            return "join"
        return "seed"


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|\d+(?:[.,]\d+)*")


def _offsets(text: str) -> Optional[tuple[int, int]]:
    """(start, end) from "start end", or None."""
    parts = text.split()
    if len(parts) != 2 or not all(p.lstrip("-").isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[1])


@dataclass(frozen=True)
class SentenceText:
    """The text evidence of one sentence reporting a happening: the whole sentence's and
    that of its trigger's clause (``trigger_clause``)."""
    key: str  # the sentence, lower-cased and whitespace-normalised: which sentences are one
    features: dict
    total: float
    local: dict
    local_total: float

    @classmethod
    def of(cls, sentence: str, trigger: Optional[tuple[int, int]], features: dict, featurize) -> "SentenceText":
        clause = trigger_clause(sentence, *trigger) if trigger else None
        local = featurize(sentence, clause) if clause else features
        return cls(" ".join(sentence.lower().split()), features, sum(features.values()), local,
                   sum(local.values()))

    def similarity(self, other: "SentenceText") -> float:
        """How much two sentences say the same: the whole sentences, or, when one sentence
        (a copy of it, or one inside the other) holds both reports, only the words around
        their triggers ("He pledged the largest march, a day after he called for an
        uprising" tells two calls)."""
        if self.key == other.key or self.key in other.key or other.key in self.key:
            return self.local_similarity(other)
        return similarity(self.features, other.features, self.total, other.total)

    def local_similarity(self, other: "SentenceText") -> float:
        return similarity(self.local, other.local, self.local_total, other.local_total)


def trigger_clause(sentence: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """The character span of the words around a trigger (at start..end in the sentence)
    that say what it reports: up to CLAUSE_WORDS on each side, stopping at punctuation
    that ends a clause or a word that opens another (clause_words.txt). None when the
    trigger is not in the sentence."""
    pieces = list(_CLAUSE_PIECE.finditer(sentence))
    inside = [i for i, p in enumerate(pieces) if p.start() < end and p.end() > start]
    if not inside:
        return None
    lo, hi = inside[0], inside[-1]
    while lo > 0 and inside[0] - lo < CLAUSE_WORDS and not _ends_clause(pieces[lo - 1].group()):
        lo -= 1
    while hi + 1 < len(pieces) and hi - inside[-1] < CLAUSE_WORDS and not _ends_clause(pieces[hi + 1].group()):
        hi += 1
    return pieces[lo].start(), pieces[hi].end()


#: words, numbers (with their separators) and the punctuation that ends a clause
_CLAUSE_PIECE = re.compile(r"\d+(?:[.,]\d+)*|\w[\w'’-]*|[,;:()\[\]—–]")


def _ends_clause(piece: str) -> bool:
    return not piece[0].isalnum() or piece.lower() in clause_words().all


def separate_clauses(sentence: Optional[str], a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two triggers of one sentence (offsets within it) lie in clauses of different
    happenings: a word that opens a time, cause, condition or relative clause stands
    between them ("pledged the largest march, a day after he called for an uprising").
    Coordinated ones are one act or statement ("called it a threat and demanded respect")."""
    first, second = sorted((a, b))
    words = _TOKEN.findall(sentence[first[1]:second[0]] if sentence else "")
    lexicon = clause_words()
    for i, word in enumerate(words):
        low = word.lower()
        if low in lexicon.separates:
            return True
        if low in lexicon.separates_before_subject and i + 1 < len(words) and _subject(words[i + 1]):
            return True
    return False


def _subject(word: str) -> bool:
    """Whether a word may open a clause as its subject: a pronoun, or a name (capitalised,
    not a month or weekday: "since February" is a preposition's object)."""
    low = word.lower()
    return low in clause_words().subject or (word[0].isupper() and low not in stopwords())


@lru_cache(maxsize=200_000)
def _content_stem(word: str) -> Optional[str]:
    """The stem a word counts as evidence under, or None for a stop word. A crude suffix
    strip is enough to meet 'strikes'/'strike' and 'killed'/'killing'/'kills'."""
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if len(low) < 3 or low in stopwords():
        return None
    for suffix in ("ing", "ed", "es", "s"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            return low[: -len(suffix)]
    return low


def text_features(sentence: Optional[str], within: Optional[tuple[int, int]] = None) -> dict[str, float]:
    """Weighted evidence of what a sentence reports: content words (1), names (capitalised
    inside the sentence, NAME_WEIGHT) and numbers (NUMBER_WEIGHT); ``within``: only the
    words starting in this character span (a trigger's clause)."""
    out: dict[str, float] = {}
    for i, found in enumerate(_TOKEN.finditer(sentence or "")):
        if within and not within[0] <= found.start() < within[1]:
            continue
        token = found.group()
        if token[0].isdigit():
            out["#" + token.replace(",", "")] = NUMBER_WEIGHT
            continue
        stem = _content_stem(token)
        if stem is None:
            continue
        if token[0].isupper() and i > 0:
            out[stem] = NAME_WEIGHT
        elif stem not in out:
            out[stem] = 1.0
        if len(stem) > PREFIX_CHARS:  # meets 'seizure'/'seized', 'Venezuelan'/'Venezuela'
            out.setdefault("~" + stem[:PREFIX_CHARS], PREFIX_WEIGHT)
    return out


def word_features(sentence: Optional[str], within: Optional[tuple[int, int]] = None) -> dict[str, float]:
    """``text_features`` without the names (and their prefixes): the words and numbers
    that say what happened or was said (``within``: as in text_features)."""
    out: dict[str, float] = {}
    for found in _TOKEN.finditer(sentence or ""):
        if within and not within[0] <= found.start() < within[1]:
            continue
        token = found.group()
        if token[0].isdigit():
            out["#" + token.replace(",", "")] = NUMBER_WEIGHT
            continue
        stem = _content_stem(token)
        # a capital marks a name at the start of a sentence too ("Trump accused ..."): the
        # speaker is shared by all of its statements, so it is no evidence of one statement
        if stem is None or token[0].isupper():
            continue
        out[stem] = 1.0
        if len(stem) > PREFIX_CHARS:
            out.setdefault("~" + stem[:PREFIX_CHARS], PREFIX_WEIGHT)
    return out


def similarity(a: dict[str, float], b: dict[str, float], total_a: Optional[float] = None,
               total_b: Optional[float] = None) -> float:
    """Weighted cosine of two feature sets (totals: their summed weights, when known);
    when they share enough (CONTAINED_MIN_WEIGHT), also how much of the shorter one the
    longer contains: a short report inside a long sentence full of context is still the
    same report."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared, words = 0.0, 0
    for k, w in small.items():
        other = large.get(k)
        if other is not None:
            shared += w if w < other else other
            words += k[0] != "~"
    if words < MIN_SHARED_WORDS:
        return 0.0
    total_a = sum(a.values()) if total_a is None else total_a
    total_b = sum(b.values()) if total_b is None else total_b
    cosine = shared / math.sqrt(total_a * total_b)
    if shared >= CONTAINED_MIN_WEIGHT:
        return max(cosine, CONTAINED_FACTOR * shared / min(total_a, total_b))
    return cosine


# -- the incident under construction -------------------------------------------------------

@dataclass
class Cluster:
    """An incident while linking: its fine-dated members (a day, a publication day) and
    what they agree on. Coarse mentions (a week, a month) join a finished incident without
    changing it (link_coarse), so they are never members here."""
    seed: Mention
    incident_id: str = ""
    members: list[Mention] = field(default_factory=list)
    core_lo: Optional[date] = None  # intersection of the members' widened date intervals
    core_hi: Optional[date] = None
    sources: Counter = field(default_factory=Counter)
    targets: Counter = field(default_factory=Counter)
    source_sides: set = field(default_factory=set)  # (country, side)
    target_sides: set = field(default_factory=set)
    place_countries: Counter = field(default_factory=Counter)
    place_countries_alpha3: set = field(default_factory=set)
    points: list = field(default_factory=list)  # (lat, lon)
    provinces: set = field(default_factory=set)  # the members' provinces (Mention.province)
    named_provinces: set = field(default_factory=set)  # ... of members placed in a province
    articles: set = field(default_factory=set)
    sentences: set = field(default_factory=set)
    pub_lo: Optional[date] = None  # the members' articles' publication days
    dated_by: list = field(default_factory=list)  # the members whose dates make the core
    pub_hi: Optional[date] = None

    def __post_init__(self) -> None:
        if not self.incident_id:
            self.incident_id = incident_id(self.seed.event_id)

    @property
    def family(self) -> str:
        return self.seed.family

    def add(self, m: Mention) -> None:
        self.members.append(m)
        self.articles.add(m.article_id)
        self.sentences.add((m.article_id, m.sentence_start))
        if m.pub_date is not None:
            self.pub_lo = m.pub_date if self.pub_lo is None else min(self.pub_lo, m.pub_date)
            self.pub_hi = m.pub_date if self.pub_hi is None else max(self.pub_hi, m.pub_date)
        if m.lo is not None and m.precision not in (None, "year"):
            lo, hi = m.widened
            if self._dates_meet(m):
                self.core_lo = lo if self.core_lo is None else max(self.core_lo, lo)
                self.core_hi = hi if self.core_hi is None else min(self.core_hi, hi)
                self.dated_by.append(m)
            elif not _suspect_date(m) and all(_suspect_date(o) for o in self.dated_by):
                # it joined on a date slip (may_slip): a fresh date outweighs suspect ones
                self.core_lo, self.core_hi, self.dated_by = lo, hi, [m]
            # else its own date slipped: it says nothing about the incident's dates
        if m.source_country:
            self.sources[m.source_country] += 1
        if m.target_country:
            self.targets[m.target_country] += 1
        for sides, country, sector in ((self.source_sides, m.source_country, m.source_sector),
                                       (self.target_sides, m.target_country, m.target_sector)):
            side = _side(sector)
            if side:
                sides.add((country, side))
        if m.place_country:
            self.place_countries[m.place_country] += 1
            self.place_countries_alpha3.add(_alpha3(m.place_country))
        if m.lat is not None and m.lon is not None:
            self.points.append((m.lat, m.lon))
        if m.province:
            self.provinces.add(m.province)
            if m.place_feature == PROVINCE_FEATURE:
                self.named_provinces.add(m.province)

    def reaches(self, m: Mention) -> bool:
        """Whether m may join as far as dates tell (the cheap test first): its widened
        dates meet the incident's core, or its date may be a slip (``may_slip``)."""
        return self._dates_meet(m) or self.may_slip(m)

    def _dates_meet(self, m: Mention) -> bool:
        if m.lo is None or self.core_lo is None:
            return True
        lo, hi = m.widened
        return not (hi < self.core_lo or lo > self.core_hi)

    def may_slip(self, m: Mention) -> bool:
        """Whether m's own date may be misread (see DATE_SLIP_TEXT): a day-dated report
        whose article was published within SLIP_PUBLICATION_DAYS of a member's article;
        ``fit`` then asks for DATE_SLIP_TEXT in common with such a member."""
        if m.precision != "day" or m.pub_date is None or self.pub_lo is None:
            return False
        lag = timedelta(days=SLIP_PUBLICATION_DAYS)
        if m.pub_date < self.pub_lo - lag or m.pub_date > self.pub_hi + lag:
            return False  # the cheap test first: most incidents are of other days
        if m.lo is not None and self.core_lo is not None:
            # a slip is a week or so at most: an incremental update reads an incident's
            # members within FINE_SPREAD_DAYS of the dates it changes (_fine_clusters),
            # so a slipped member must not lie further than that from the core
            reach = timedelta(days=FINE_SPREAD_DAYS)
            lo, hi = m.widened
            if hi < self.core_lo - reach or lo > self.core_hi + reach:
                return False
        return bool(self._slip_peers(m))

    def _slip_peers(self, m: Mention) -> list[Mention]:
        """The members from other articles published within SLIP_PUBLICATION_DAYS of m's,
        where m's date or the member's is suspect (``_suspect_date``)."""
        if m.precision != "day" or m.pub_date is None:
            return []
        suspect = _suspect_date(m)
        return [o for o in self.members[:COMPARED_MEMBERS] if o.article_id != m.article_id
                and o.pub_date is not None and abs((o.pub_date - m.pub_date).days) <= SLIP_PUBLICATION_DAYS
                and (suspect or _suspect_date(o))]

    def fit(self, m: Mention) -> Optional[float]:
        """None when m cannot report this incident, else how well it fits."""
        if m.in_link_card or self.seed.in_link_card:
            return None  # the headline of another story run into the sentence: no report of this one
        slipped = not self._dates_meet(m)
        if slipped and not self.may_slip(m):
            return None
        actors = self._actors(m)
        if actors is None:
            return None
        agree, conflicts = actors
        found = self._place(m)
        if found is None:
            return None
        place, place_conflict = found
        same_sentence = (m.article_id, m.sentence_start) in self.sentences
        if same_sentence and not self._one_clause_chain(m):
            return None  # its sentence tells the member's happening apart from its own
        # a type of another family (compatible_types.tsv) needs much the same words, or to
        # be told in the very clause of a member ("killed by a suspected air raid"): acts of
        # two families in coordinated clauses are two ("struck the base and captured him")
        cross = cross_family_text(m.type, m.trigger_word(),
                                  ((o.type, o.trigger_word()) for o in self.members[:COMPARED_MEMBERS]))
        if cross is None:
            return None  # an arrest or a curfew is no report of the attack it follows
        if same_sentence and cross and not self._one_clause(m):
            same_sentence = False
        affirmed = m.certainty in AFFIRMING
        recap = (affirmed and m.article_id in self.articles and not (m.source_country or m.target_country)
                 and not m.source_name
                 and m.role != "article" and self.core_lo is not None)
        if cross and not same_sentence and not self._local_text(m):
            # its sentence may tell the member's happening beside its own ("announced a strike
            # and that the president had been captured"): its own clause must share words too
            return None
        if m.article_id not in self.articles and rule_for(m.type).speaker:
            text = self._statement_text(m)
        else:
            text = max(m.similarity(other) for other in self.members[:COMPARED_MEMBERS])
        retold = self._retold(m)
        if retold:  # told again further on in its article: the same report
            return RETOLD_RANK + retold
        if same_sentence:  # one act or statement told in coordinated clauses of one sentence
            return SAME_SENTENCE_RANK + text
        need = max(TEXT_FLOOR, TEXT_MIN - TEXT_PER_EVIDENCE * (agree + place))
        if m.role == "article" or self.core_lo is None or not affirmed:
            # no date to confirm it, or a threat, plan or denial rather than a report of the act
            need += UNDATED_TEXT_EXTRA
        elif recap:  # "the strikes", "the attack" later in the same article, on the same date
            need = RECAP_TEXT
        elif m.precision == "publication" and m.article_id not in self.articles:
            need += PUBLICATION_TEXT_EXTRA
        elif agree >= 2 and m.article_id in self.articles and _verbal(m.type) \
                and QUAD_CLASS.get(m.type) == QUAD_CLASS.get(self.seed.type) \
                and self._one_speaker_here(m):  # an offer is no accusation; two speakers say two things
            need = min(need, SAME_SPEAKER_TEXT)
        if conflicts or place_conflict:
            need = max(need, ROLE_CONFLICT_TEXT)
        need = max(need, cross)
        if slipped and not any(m.similarity(o) >= max(need, DATE_SLIP_TEXT) for o in self._slip_peers(m)):
            return None
        if text < need:
            return None
        return text + 0.1 * (agree + place) - self._gap(m) + LOCAL_RANK * self._local_text(m)

    def _one_speaker_here(self, m: Mention) -> bool:
        """Whether a member of m's article has m's speaker: one name ("Trump" / "Donald
        Trump", "Turkey" / "Turkey"), or one government's offices (``_one_government``).
        Two officials of one country to one addressee say two things (mixed store: a
        Senate resolution and another senator's chiding, both to the president)."""
        return any(o.article_id == m.article_id
                   and (same_speaker(m.source_name, o.source_name) or _one_government(m, o))
                   for o in self.members[:COMPARED_MEMBERS])

    def _local_text(self, m: Mention) -> float:
        """How much m's trigger clauses say the same as a member's: among incidents its
        sentences fit alike (a sentence that reports two of them fits both), the one whose
        own words agree is its incident."""
        return max(m.local_similarity(o) for o in self.members[:COMPARED_MEMBERS])

    def _retold(self, m: Mention) -> float:
        """How much m's trigger clause says the same as that of a member of its article
        in another sentence with its type and source (``RETOLD_CLAUSE_TEXT`` or more),
        else 0: the article tells that report again."""
        best = 0.0
        for o in self.members[:COMPARED_MEMBERS]:
            if o.article_id == m.article_id and o.sentence_start != m.sentence_start and o.type == m.type \
                    and same_speaker(o.source_name, m.source_name):
                best = max(best, m.local_similarity(o))
        return best if best >= RETOLD_CLAUSE_TEXT else 0.0

    def _one_clause(self, m: Mention) -> bool:
        """Whether m's trigger lies in the trigger clause of a member of its sentence
        (``trigger_clause``): one report worded with two triggers."""
        mine = m.own_trigger()
        for o in self.members:
            if o.article_id == m.article_id and o.sentence_start == m.sentence_start:
                theirs = o.own_trigger()
                clause = trigger_clause(o.sentence or "", *theirs) if theirs else None
                if mine and clause and clause[0] <= mine[0] and mine[1] <= clause[1]:
                    return True
        return False

    def _one_clause_chain(self, m: Mention) -> bool:
        """Whether m's trigger and those of the members of its sentence are not set apart
        by a clause of another happening (``separate_clauses``)."""
        mine = m.own_trigger()
        for o in self.members:
            if o.article_id == m.article_id and o.sentence_start == m.sentence_start:
                theirs = o.own_trigger()
                if mine and theirs and separate_clauses(m.sentence, mine, theirs):
                    return False
        return True

    def _statement_text(self, m: Mention) -> float:
        """The text evidence that a statement from another article is one of the members'
        statements: its overlap with the best member it is one statement with
        (``one_statement``), else 0."""
        best = 0.0
        for other in self.members[:COMPARED_MEMBERS]:
            text = m.similarity(other)
            if text > best and one_statement(m, other, text) and self._one_kind(m, other):
                best = text
        return best

    @staticmethod
    def _one_kind(m: Mention, other: Mention) -> bool:
        """Whether a statement from another article may be ``other``'s statement by its
        kind: the same type, or its own trigger clause worded much as the member's
        (STATEMENT_TEXT over the clauses: one quote that two outlets code as two types,
        "warned" / "threatened"). Two articles' sentences about one session or one crisis
        share its names and setting whatever each speaker said in it ("Castro endorsed
        his successor" and "the successor promised to defend the revolution")."""
        return m.type == other.type or m.local_similarity(other) >= STATEMENT_WORDS

    def _actors(self, m: Mention) -> Optional[tuple[float, int]]:
        """(agreeing roles, slipped roles); None: different actors. One slipped role is
        tolerated when the other agrees, at the price of much more text evidence
        (ROLE_CONFLICT_TEXT)."""
        place = _alpha3(m.place_country)
        found = _roles_agree(self, m.source_country, m.target_country, m.source_sector, m.target_sector, place)
        # swapped roles only between symmetric types: "A agreed with B" is "B agreed with A",
        # not "B threatened A" (a family may hold both kinds of statement)
        if (found is None or found[1]) and rule_for(m.type).symmetric and rule_for(self.seed.type).symmetric:
            swapped = _roles_agree(self, m.target_country, m.source_country, m.target_sector, m.source_sector, place)
            if swapped is not None and (found is None or swapped[1] < found[1]):
                found = swapped
        if found is None or (found[1] and not (found[1] == 1 and found[0] >= 1)):
            return None
        return found

    def _place(self, m: Mention) -> Optional[tuple[float, bool]]:
        """(place evidence, whether the places differ); None: another happening. A
        happening on the ground (a type with a distance, windows.tsv) is where it is; a
        statement, offer or measure (no distance) is not bound to the country an outlet
        names with it (where it was said, or a country it concerns), so there another
        country only asks for much the same text (ROLE_CONFLICT_TEXT)."""
        rule = rule_for(m.type)
        inside = self._province(m) if rule.max_km > 0 else None
        if inside is False:
            return None
        if self.points and m.lat is not None and rule.max_km > 0:
            if min(haversine_km(lat, lon, m.lat, m.lon) for lat, lon in self.points) > rule.max_km:
                return None
            return 1.0, False
        if self.place_countries and m.place_country:
            if m.place_country in self.place_countries:
                return 0.5, False
            return (0.0, True) if rule.max_km == 0 else None
        return 0.0, False

    def _province(self, m: Mention) -> Optional[bool]:
        """Whether m's place and the members' agree by province where one side names a
        province: True when one lies in (or is) the other, False when both provinces are
        known and differ (another happening on the ground), None when no province is named
        or one is not known (the distance and country tests decide)."""
        if m.place_feature == PROVINCE_FEATURE:
            if not m.province or not self.provinces:
                return None
            return m.province in self.provinces
        if self.named_provinces and m.province:
            return m.province in self.named_provinces
        return None

    def _gap(self, m: Mention) -> float:
        """A small penalty for a date away from the incident's (prefers the nearest one)."""
        if m.lo is None or self.core_lo is None:
            return 0.0
        middle = self.core_lo + (self.core_hi - self.core_lo) / 2
        return min(abs((m.lo - middle).days), 30) / 100.0


@lru_cache(maxsize=1)
def _gazetteer():
    from sitrep.knowledge.gazetteer import load_gazetteer
    return load_gazetteer()


@lru_cache(maxsize=20000)
def province_of(name: Optional[str], country: Optional[str], feature: Optional[str],
                lat: Optional[float], lon: Optional[float]) -> Optional[tuple[str, str]]:
    """(country, GeoNames admin1 code) of the province a place is (a province named) or lies
    in (a town, by the gazetteer's entry of its name within PROVINCE_MATCH_KM), else None."""
    if not name or not country or (feature != PROVINCE_FEATURE and (feature not in POINT_FEATURES or lat is None)):
        return None
    best, best_km = None, PROVINCE_MATCH_KM
    for c in _gazetteer().lookup(name):
        if c.country != country or not c.admin1_code:
            continue
        if feature == PROVINCE_FEATURE:
            if c.feature == PROVINCE_FEATURE:
                return country, c.admin1_code
            continue
        km = haversine_km(lat, lon, c.lat, c.lon)
        if km <= best_km:
            best, best_km = (country, c.admin1_code), km
    return best


def _suspect_date(m: Mention) -> bool:
    """A day read from the sentence that its article's publication day does not make
    likely for the news it reports (see STALE_DAYS)."""
    return (m.precision == "day" and m.pub_date is not None
            and (m.lo > m.pub_date or (m.pub_date - m.hi).days >= STALE_DAYS))


def _speaker_words(name: Optional[str]) -> Optional[frozenset]:
    """The words of a speaker's name, or None for no named speaker ("officials", "the
    government": a common noun names nobody in particular)."""
    if not name or not any(ch.isupper() for ch in name):
        return None
    words = frozenset(w.lower().replace("’", "'").removesuffix("'s") for w in _TOKEN.findall(name))
    return words or None


def same_speaker(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two source names name one speaker: the words of one are all in the other
    ("Trump" / "Donald Trump"; not "United States" / "United Nations")."""
    wa, wb = _speaker_words(a), _speaker_words(b)
    return bool(wa and wb and (wa <= wb or wb <= wa))


def one_statement(a: Mention, b: Mention, text: float) -> bool:
    """Whether two statements reported by different articles (``text``: their similarity)
    may be one statement. The names all reports of a crisis share are no evidence (one
    speaker's accusation and offer of talks share them too): it takes much the same words
    (STATEMENT_TEXT: a quote or its paraphrase), or the same kind of statement (verbal
    cooperation or conflict) by one named speaker or one government, worded alike where the
    names are left out (STATEMENT_WORDS)."""
    if text >= STATEMENT_TEXT:
        return True
    if QUAD_CLASS.get(a.type) != QUAD_CLASS.get(b.type):
        return False  # an offer is no accusation
    if not (_one_person(a, b) or _one_government(a, b)):
        return False
    return a.word_similarity(b) >= STATEMENT_WORDS


def _one_person(a: Mention, b: Mention) -> bool:
    """Whether two statements have one named speaker. A state's own name ("Turkey", "the
    United States") names no one speaker: any of its officials may be reported under it."""
    return same_speaker(a.source_name, b.source_name) and not (_is_state(a) or _is_state(b))


def _is_state(m: Mention) -> bool:
    """The source is the state itself, named by its country's name."""
    return bool(m.source_country and m.source_name == country_names().get(m.source_country))


def _one_government(a: Mention, b: Mention) -> bool:
    """Whether two statements may be one government's to one addressee (or to one not
    named), made through different offices ("the Foreign Ministry" / "Venezuela" / its
    foreign minister, each to the United States). Weak: a government says many things to
    one addressee on a day."""
    return bool(a.source_country and a.source_country == b.source_country
                and a.source_sector == b.source_sector == "GOV"
                and (a.target_country == b.target_country or not (a.target_country and b.target_country)))


def _verbal(event_type: str) -> bool:
    """A statement (verbal cooperation or conflict), not an act."""
    return (QUAD_CLASS.get(event_type) or "").startswith("verbal")


def _alpha3(alpha2: Optional[str]) -> Optional[str]:
    """Places carry ISO alpha-2 codes, actors alpha-3."""
    return country_alpha3(alpha2) if alpha2 else None


def _side(sector: Optional[str]) -> Optional[str]:
    if sector in STATE_SECTORS:
        return "state"
    if sector in NONSTATE_SECTORS:
        return "nonstate"
    return None


def _roles_agree(c: Cluster, source: Optional[str], target: Optional[str], source_sector: Optional[str],
                 target_sector: Optional[str], place: Optional[str] = None) -> Optional[tuple[float, int]]:
    """(roles whose countries agree, roles whose countries differ by a slip), or None for
    different actors. A difference is a slip when the odd country is the one of the other
    role or of the place on either side (a strike in Iraq read as struck by Iraq, Iran's
    general read as Iran); any other difference, or a state actor against an opposition or
    armed group of the same country, means different actors."""
    agree, slips = 0.0, 0
    roles = ((c.sources, c.source_sides, source, source_sector, c.targets, target),
             (c.targets, c.target_sides, target, target_sector, c.sources, source))
    for counts, sides, country, sector, other_counts, other in roles:
        if country and counts:
            theirs = counts.most_common(1)[0][0]
            if country == theirs:
                agree += 1
            elif country in other_counts or country in c.place_countries_alpha3 or theirs in (other, place):
                slips += 1
            else:
                return None
        side = _side(sector)
        if side and any(s != side and (cc == country or not cc or not country) for cc, s in sides):
            return None
    return agree, slips


def _widened(m: Mention) -> tuple[date, date]:
    window = rule_for(m.type).window_days
    # half the window on each side: two day-precise reports may be `window` days apart
    before, after = window // 2, window - window // 2
    return m.lo - timedelta(days=before), m.hi + timedelta(days=after)


def incident_id(seed_event_id: str) -> str:
    return "inc-" + hashlib.sha1(seed_event_id.encode()).hexdigest()[:10]


# -- pass 1: dated mentions in date order -----------------------------------------------------

class OpenIncidents:
    """The incidents a fine-dated mention may still join, per family, with those no later
    mention can join dropped as the stream moves on."""

    def __init__(self, clusters: Iterable[Cluster] = ()):
        self.open: dict[str, list[Cluster]] = defaultdict(list)
        self._pruned_at: dict[str, date] = {}
        for c in clusters:
            self.register(c)

    def register(self, c: Cluster) -> None:
        self.open[c.family].append(c)

    def candidates(self, m: Mention) -> list[Cluster]:
        """The open incidents of m's family, pruned to those m's date can reach."""
        if self._pruned_at.get(m.family) != m.hi:  # mentions come in order of hi: prune once per day
            self._pruned_at[m.family] = m.hi
            horizon = m.hi - timedelta(days=FINE_HORIZON_DAYS)
            self.open[m.family] = [c for c in self.open[m.family] if c.core_hi is None or c.core_hi >= horizon]
        return self.open[m.family]


def link_dated(mentions: Iterable[Mention], open_clusters: Optional[list[Cluster]] = None,
               ) -> Iterator[tuple[Mention, Optional[Cluster]]]:
    """(mention, its incident) for every fine-dated mention in date order; None for a
    background mention that joined nothing (it goes to the article pass).
    ``open_clusters``: the incidents open where the stream starts (incremental linking)."""
    incidents = OpenIncidents(open_clusters or [])
    for m in mentions:
        best, best_fit = None, None
        for c in incidents.candidates(m) if m.hi is not None else ():
            if not c.reaches(m):
                continue  # most open incidents are of other days
            fit = c.fit(m)
            if fit is not None and (best_fit is None or fit > best_fit):
                best, best_fit = c, fit
        if best is None and m.role == "seed":
            best = Cluster(seed=m)
            incidents.register(best)
        if best is not None:
            best.add(m)
        yield m, best


def link_coarse(m: Mention, clusters: Iterable[Cluster]) -> Optional[Cluster]:
    """The incident a coarse-dated mention (a week, a month) joins: the best fitting of the
    finished incidents of the fine pass (``clusters``, in the order of their seeds, all
    those its dates reach), or None. A coarse mention never seeds an incident nor changes
    one: its decision depends on the fine incidents alone, so an incremental update
    re-decides only the coarse mentions near a changed incident (a month-precise mention
    used to re-link its whole month)."""
    if m.background:
        # "since September, forces have struck 20 boats": a summary of a campaign or a
        # habit dated by a month is no report of one day's happening
        return None
    best, best_fit = None, None
    for c in clusters:
        if c.family != m.family or not c.reaches(m):
            continue
        fit = c.fit(m)
        if fit is not None and (best_fit is None or fit > best_fit):
            best, best_fit = c, fit
    return best


# -- pass 2b: articles without any date -----------------------------------------------------

def link_undated(mentions: list[Mention], clusters: list[Cluster]) -> dict[str, Cluster]:
    """The fine incidents the undated mentions of one article (no publication date, no
    date in its text) join, by event id. The article's date is inferred from what it
    shares with dated reports, never a wildcard: it needs ANCHOR_MIN_INCIDENTS distinct
    incidents that each take one of its mentions with ANCHOR_TEXT in common and lie within
    ANCHOR_SPAN_DAYS of each other; then each mention joins its best fitting incident
    within that span, if any. Like a coarse mention, an undated one never changes a fine
    incident (its decision depends on the fine incidents alone)."""
    best: dict[str, tuple[Cluster, float]] = {}
    for m in sorted(mentions, key=lambda m: m.event_id):
        if m.background:
            continue  # history or habit: no report of the article's own news
        for c in clusters:
            if c.family != m.family or c.core_lo is None:
                continue
            fit = c.fit(m)
            if fit is not None and (m.event_id not in best or fit > best[m.event_id][1]):
                best[m.event_id] = (c, fit)
    by_event = {m.event_id: m for m in mentions}
    anchors = sorted((c.core_lo, c.incident_id) for eid, (c, _) in best.items()
                     if max(by_event[eid].similarity(o) for o in c.members[:COMPARED_MEMBERS]) >= ANCHOR_TEXT)
    span: Optional[tuple[date, date]] = None
    count = 0
    for i, (first, _) in enumerate(anchors):
        n = len({iid for day, iid in anchors[i:] if (day - first).days <= ANCHOR_SPAN_DAYS})
        if n > count:
            span, count = (first, first + timedelta(days=ANCHOR_SPAN_DAYS)), n
    if span is None or count < ANCHOR_MIN_INCIDENTS:
        return {}
    # an incident of the span: its dates meet it (a core widened by its type's window may
    # start a day before the first anchor's)
    return {eid: c for eid, (c, _) in best.items() if c.core_lo <= span[1] and c.core_hi >= span[0]}


# -- pass 2: within one article ---------------------------------------------------------------

def link_article(mentions: list[Mention], dated: dict[str, str]) -> list[tuple[Mention, str]]:
    """Incident ids for an article's mentions that the dated pass did not place (not in
    ``dated``, event id -> incident id): linked to incidents of the article's other
    mentions on the same evidence, else to a new incident of their own."""
    clusters: dict[str, Cluster] = {}
    order: list[str] = []
    for m in sorted(mentions, key=lambda m: m.event_id):
        if m.event_id in dated:
            iid = dated[m.event_id]
            if iid not in clusters:
                clusters[iid] = Cluster(seed=m)
                order.append(iid)
            clusters[iid].add(m)
    out = []
    for m in sorted(mentions, key=lambda m: m.event_id):
        if m.event_id in dated:
            continue
        best, best_fit = None, None
        for iid in order:
            c = clusters[iid]
            if c.family != m.family:
                continue
            fit = c.fit(m)
            if fit is not None and (best_fit is None or fit > best_fit):
                best, best_fit = iid, fit
        if best is None:
            best = incident_id(m.event_id)
            clusters[best] = Cluster(seed=m)
            order.append(best)
        clusters[best].add(m)
        out.append((m, best))
    return out


# -- pass 3: what an incident is called --------------------------------------------------------

def label_source(m: Mention) -> tuple[Optional[str], Optional[str]]:
    """(name, country) of m's source as a label may name it, else (None, None): the
    speaker of a material act ("the army shelled the town, said Senator Roe"; the brief's
    own test, ``report.roles.role_in_context``, reason SPEAKER_NOT_DOER) did not do it, and
    an event whose trigger stands in a web page's link card (another story's headline run
    into the sentence) names nobody."""
    if not m.source_name:
        return None, None
    sentence, trigger = m.sentence or "", m.own_trigger()
    from sitrep.report.roles import role_in_context
    if m.in_link_card:
        return None, None
    event = {"sentence": sentence, "sentence_start": 0, "trigger_start": trigger[0] if trigger else None,
             "trigger": m.trigger_word(), "type": m.type, "quad_class": QUAD_CLASS.get(m.type),
             "source_name": m.source_name, "target_name": m.target_name}
    if trigger and role_in_context(event, "source") in SPEAKER_NOT_DOER:
        return None, None
    return m.source_name, m.source_country


def specificity(m: Mention, consensus: dict[str, Optional[str]],
                source: Optional[tuple[Optional[str], Optional[str]]] = None) -> tuple:
    """How well-specified a mention is, and how far it agrees with the other members
    (``consensus``: the most common source, target and place country; the source name
    given by at least two independent outlets, if any): the label of an incident is its
    best one. Its source counts as named only when its sentence lets it be the doer
    (``label_source``; ``source``: its result, when already known)."""
    source_name, source_country = source or label_source(m)
    place = 2 if m.lat is not None else 1 if m.place_country else 0.5 if m.place_name else 0
    # who did it to whom comes first: a named role outweighs a city ("explosions were heard
    # in Caracas" names no attacker; "US aircraft struck targets" does)
    score = (LABEL_ROLE_WEIGHT * (bool(source_name) + bool(m.target_name)) + place
             + PRECISION_RANK.get(m.precision, 0) / 2
             + STATUS_RANK.get(m.certainty, 0) / 7 + (0 if m.background else 1))
    for key, value in (("source", source_country), ("target", m.target_country), ("place", m.place_country)):
        if value and consensus.get(key):
            score += 1.5 if value == consensus[key] else -1.5
    # who did it, as independent outlets agree, outweighs a more precise date: "Trump made
    # the decision ..., against the advice of Mattis" read with Mattis as the source is no
    # label for the withdrawal two outlets report as Trump's. (Not the target: outlets agree
    # on a wrong target as often, e.g. the country of a senator who blasted the president.)
    if source_name and consensus.get("source_name"):
        score += LABEL_NAME_WEIGHT if same_speaker(source_name, consensus["source_name"]) else -LABEL_NAME_WEIGHT
    if source_name and source_name == m.target_name:
        score -= 2 * LABEL_ROLE_WEIGHT  # "Soleimani -> Soleimani": an extraction slip, no named roles
    # a background mention (a recap of history, a habit) never names an incident one of
    # its members reports as news, however well it is specified: "the 2013 attack by X on
    # Y in Z" told in passing is no label for this week's strike
    return (not m.background, score, -(m.pub_date or date.max).toordinal(), _reverse(m.event_id))


def _reverse(text: str) -> tuple:
    """Sorts ascending text last under max()."""
    return tuple(-ord(ch) for ch in text)


def _most_common(values) -> Optional[Any]:
    values = [v for v in values if v]
    return Counter(values).most_common(1)[0][0] if values else None


def _corroborated(pairs, at_least: int = 2) -> Optional[Any]:
    """The value given by the most independent sources, when at least ``at_least``
    distinct sources give it, else None. ``pairs`` are (independent source key, value):
    two mentions in one article (or in its near-duplicate copy) are one source, so they
    corroborate nothing."""
    sources: dict[Any, set] = defaultdict(set)
    for key, value in pairs:
        if value:
            sources[value].add(key)
    if not sources:
        return None
    value = max(sources, key=lambda v: len(sources[v]))
    return value if len(sources[value]) >= at_least else None


def side_label(name: Optional[str], country: Optional[str], sector: Optional[str] = None) -> str:
    """How a label names one side: its name, after its country when it acts for its state
    (LABEL_STATE_SECTORS) and the name is not the country's own nor holds it ("Iran (Qassem
    Soleimani)", "United States", "Iranian forces"); a non-state or unknown actor by its
    name alone ("Islamic State", "protesters"); "?" when nobody names it."""
    if not name:
        return "?"
    own = country_names().get(country) if country else None
    if not own or sector not in LABEL_STATE_SECTORS or name == own or own.lower() in name.lower():
        return name
    return f"{own} ({name})"


def _sector_of(name: Optional[str], role: str, members: list[Mention]) -> Optional[str]:
    """The sector the members give the side named ``name`` (``role``: source or target),
    the most common one."""
    return _most_common(getattr(m, f"{role}_sector") for m in members if getattr(m, f"{role}_name") == name)


def describe(iid: str, members: list[Mention], dated_members: list[Mention]) -> dict[str, Any]:
    sources = {m.event_id: label_source(m) for m in members}
    consensus = {"source": _most_common(sources[m.event_id][1] for m in members),
                 "target": _most_common(m.target_country for m in members),
                 "place": _most_common(m.place_country for m in members),
                 "source_name": _corroborated((m.independent_key, sources[m.event_id][0]) for m in members)}
    label_event = max(members, key=lambda m: specificity(m, consensus, sources[m.event_id]))
    certainty: dict[str, list[str]] = defaultdict(list)
    for m in sorted(members, key=lambda m: m.event_id):
        key = m.outlet or m.unknown_label or f"unknown outlet ({m.article_id})"
        if m.certainty not in certainty[key]:
            certainty[key].append(m.certainty)
    statuses = {m.certainty for m in members}
    typ = label_event.type
    # a role the label event leaves open is filled only from what several members say: one
    # other member's actor may belong to another statement of its sentence (a patchwork
    # label names a happening nobody reported)
    source = sources[label_event.event_id][0] or _corroborated((m.independent_key, sources[m.event_id][0])
                                                              for m in members)
    target = label_event.target_name or _corroborated((m.independent_key, m.target_name) for m in members)
    point = label_event if label_event.lat is not None else next((m for m in members if m.lat is not None), None)
    place = label_event.place_name or _corroborated((m.independent_key, m.place_name) for m in members)
    if point is not None and point.place_name and rule_for(typ).max_km > 0 \
            and (not place or label_event.lat is None):
        # a happening on the ground: its members' points passed the distance test, so a
        # member's city is the incident's place (its map point already is), rather than a
        # country the label event names ("troops deployed in northern Syria" / "the U.S.")
        place = point.place_name
    source_country = sources[label_event.event_id][1] or _most_common(country for _, country in sources.values())
    target_country = label_event.target_country or _most_common(m.target_country for m in members)
    label = (f"{typ}: {side_label(source, source_country, _sector_of(source, 'source', members))} -> "
             f"{side_label(target, target_country, _sector_of(target, 'target', members))}"
             + (f" in {place}" if place else ""))
    start, end, precision = _incident_dates(members)
    pubs = [m.pub_date for m in members if m.pub_date]
    return {
        "incident_id": iid, "family": label_event.family, "type": typ, "quad_class": QUAD_CLASS.get(typ),
        "label": label, "source_name": source,
        "source_country": source_country,
        "target_name": target,
        "target_country": target_country,
        "place_name": place,
        "place_country": label_event.place_country or _most_common(m.place_country for m in members),
        "lat": point.lat if point else None, "lon": point.lon if point else None,
        "date_start": start, "date_end": end,
        "first_reported": min(pubs) if pubs else None, "latest_reported": max(pubs) if pubs else None,
        "n_mentions": len(members), "n_articles": len({m.article_id for m in members}),
        "n_sources": len({m.independent_key for m in members}),
        "certainty": json.dumps(dict(certainty)),
        "conflicted": bool(statuses & AFFIRMING and statuses & DENYING),
        "headline_event": label_event.event_id,
        "background": all(m.background for m in members),
        "date_precision": precision,
        "link_from": min((m.hi for m in dated_members if m.hi), default=None),
        "linker": LINKER_VERSION,
    }


def _incident_dates(members: list[Mention]) -> tuple[Optional[date], Optional[date], Optional[str]]:
    """The span of the most precise dates its members give."""
    best = max((PRECISION_RANK.get(m.precision, 0) for m in members), default=0)
    if best == 0:
        return None, None, None
    top = [m for m in members if PRECISION_RANK.get(m.precision, 0) == best and m.lo]
    precision = Counter(m.precision for m in top).most_common(1)[0][0]
    if precision == "publication":  # the publication day itself, not the lag before it
        return min(m.hi for m in top), max(m.hi for m in top), precision
    if precision == "day":
        return min(m.lo for m in top), max(m.lo for m in top), precision
    return min(m.lo for m in top), min(m.hi for m in top), precision


COLUMNS = ("incident_id", "family", "type", "quad_class", "label", "source_name", "source_country",
           "target_name", "target_country", "place_name", "place_country", "lat", "lon", "date_start",
           "date_end", "first_reported", "latest_reported", "n_mentions", "n_articles", "n_sources",
           "certainty", "conflicted", "headline_event", "background", "date_precision", "link_from", "linker")
MENTION_COLUMNS = ("incident_id", "event_id", "article_id", "outlet", "certainty", "independent_key", "linked")


# -- reading mentions from the store ------------------------------------------------------------

#: what linking reads of an event, copied into incident_keys when the key is made (events
#: are never updated in place): a re-link reads one narrow table, not a join with events
_EVENT_FIELDS = ("certainty", "source_country", "target_country", "source_name", "target_name",
                 "source_sector", "target_sector", "place_name", "place_country", "lat", "lon",
                 "place_feature", "sentence_start", "background", "sentence", "trigger_start", "trigger_end",
                 # and of its article, as it stood when the event was stored (an outlet
                 # copied by a near-duplicate is not an independent source)
                 "outlet", "independent_key", "unknown_label", "pub_date")

#: the date interval linking gives each event (table incident_keys, kept in step with the
#: events by every linking run): the ISO value its text gives (day, week, month, year),
#: else the publication day and the lag before it
_KEY_SQL = r"""
WITH parsed AS (
    SELECT e.event_id, e.article_id, e.type, a.pub_date AS article_pub,
           CASE WHEN e.date_value IS NULL OR coalesce(e.date_text, 'x') = '' THEN NULL
                WHEN regexp_matches(e.date_value, '^\d{4}-\d{2}-\d{2}') THEN 'day'
                WHEN regexp_matches(e.date_value, '^\d{4}-W\d{2}') THEN 'week'
                WHEN regexp_matches(e.date_value, '^\d{4}-\d{2}') THEN 'month'
                WHEN regexp_matches(e.date_value, '^\d{4}') THEN 'year' END AS explicit,
           e.date_value, try_cast(substr(e.date_value, 1, 4) AS INTEGER) AS y, e.sentence_start, e.mentions,
           coalesce(e.certainty, 'asserted') AS certainty, e.source_country, e.target_country, e.source_name,
           e.target_name, e.source_sector, e.target_sector, e.place_name, e.place_country, e.lat, e.lon,
           e.place_feature, coalesce(e.background, false) AS background, e.sentence, e.trigger_start, e.trigger_end,
           a.outlet, coalesce(orig.outlet, a.outlet, a.article_id) AS independent_key,
           {outlet_label} AS unknown_label, a.pub_date
    FROM events e JOIN articles a USING (article_id)
    LEFT JOIN articles orig ON orig.article_id = a.duplicate_of
    {where}
), spans AS (
    SELECT event_id, article_id, sentence_start, unnest(CAST(mentions AS INTEGER[][])) AS span
    FROM parsed WHERE mentions IS NOT NULL
), more AS (  -- the other sentences that report the happening, in text order, and where
             -- the (first) trigger of each lies within it
    SELECT x.event_id, string_agg(substr(a.text, x.start_char + 1, x.end_char - x.start_char), chr(10)
                                  ORDER BY x.start_char) AS more_sentences,
           -- an unknown pair keeps its line ('' not NULL, which string_agg would skip), so
           -- the lines stay aligned with more_sentences' (checked by count when read)
           string_agg(coalesce(x.trigger_start || ' ' || x.trigger_end, ''), chr(10)
                      ORDER BY x.start_char) AS more_triggers
    FROM (SELECT sp.event_id, s.article_id, s.start_char, s.end_char,
                 min(sp.span[1]) - s.start_char AS trigger_start,
                 arg_min(sp.span[2], sp.span[1]) - s.start_char AS trigger_end
          FROM spans sp JOIN sentences s ON s.article_id = sp.article_id
               AND sp.span[1] >= s.start_char AND sp.span[1] < s.end_char
          WHERE s.start_char IS DISTINCT FROM sp.sentence_start
          GROUP BY sp.event_id, s.article_id, s.start_char, s.end_char) x
    JOIN articles a USING (article_id)
    GROUP BY x.event_id
), ranged AS (
    SELECT *,
           CASE explicit
               WHEN 'day' THEN try_cast(substr(date_value, 1, 10) AS DATE)
               WHEN 'week' THEN make_date(y, 1, 4) - CAST(isodow(make_date(y, 1, 4)) - 1 AS INTEGER)
                                + CAST(7 * (try_cast(substr(date_value, 7, 2) AS INTEGER) - 1) AS INTEGER)
               WHEN 'month' THEN try_cast(substr(date_value, 1, 7) || '-01' AS DATE)
               WHEN 'year' THEN make_date(y, 1, 1) END AS x_lo
    FROM parsed
)
SELECT event_id, article_id, type,
       CASE WHEN x_lo IS NOT NULL THEN explicit WHEN article_pub IS NOT NULL THEN 'publication' END AS precision,
       CASE WHEN x_lo IS NOT NULL THEN x_lo ELSE article_pub - INTERVAL {lag} DAY END::DATE AS lo,
       CASE WHEN x_lo IS NULL THEN article_pub
            WHEN explicit = 'day' THEN x_lo
            WHEN explicit = 'week' THEN x_lo + 6
            WHEN explicit = 'month' THEN last_day(x_lo)
            ELSE make_date(y, 12, 31) END::DATE AS hi,
       more.more_sentences, more.more_triggers, {event_fields}
FROM ranged LEFT JOIN more USING (event_id)
""".replace("{lag}", str(PUBLICATION_LAG_DAYS)).replace("{event_fields}", ", ".join(_EVENT_FIELDS)) \
    .replace("{outlet_label}", outlet_label_sql("a"))

#: a mention row: its key (with what the event and its article say) and the incident the
#: dated passes put it in
_ROWS_SQL = """(
SELECT k.event_id, k.article_id, k.type, k.outlet, k.independent_key, k.unknown_label, k.certainty, k.lo, k.hi,
       k.precision, k.pub_date, k.source_country, k.target_country, k.source_name, k.target_name,
       k.source_sector, k.target_sector, k.place_name, k.place_country, k.lat, k.lon, k.place_feature,
       k.sentence_start, k.background, im.incident_id AS stored_incident, k.trigger_start, k.trigger_end,
       k.more_triggers, k.sentence, k.more_sentences
FROM incident_keys k
LEFT JOIN incident_mentions im ON im.event_id = k.event_id AND im.linked = 'dated'
)"""
_FIELDS = ("event_id", "article_id", "type", "outlet", "independent_key", "unknown_label", "certainty", "lo", "hi",
           "precision", "pub_date", "source_country", "target_country", "source_name", "target_name",
           "source_sector", "target_sector", "place_name", "place_country", "lat", "lon", "place_feature",
           "sentence_start", "background", "stored_incident", "trigger_start", "trigger_end", "more_triggers")
_FINE = "precision IN ('day', 'publication')"
_COARSE = "precision IN ('week', 'month')"
_VIEWS = {"fine": _FINE, "coarse": _COARSE}
#: rows fetched per query: what the passes hold in memory at once, besides open incidents
CHUNK_ROWS = 5000
CHUNK_KEYS = 500


def _mention(row: tuple) -> Mention:
    values = dict(zip(_FIELDS, row[: len(_FIELDS)]))
    values["background"] = bool(values["background"])
    return Mention(**values, sentence=row[len(_FIELDS)], more_sentences=row[len(_FIELDS) + 1])


def _refresh_keys(store, event_ids: Optional[list[str]] = None) -> None:
    """Bring incident_keys in step with the events: all of them (None: the table is made
    again from the events, with the columns this linker reads), or drop the keys of
    deleted events and (re)compute those of ``event_ids`` (an article deleted and ingested
    again keeps its event ids, not necessarily its dates)."""
    con = store.con
    if event_ids is None:
        # a table derived from the events alone, emptied and filled again (its columns are
        # the store migrations'; this code never re-makes the table), a chunk of articles
        # at a time, so DuckDB's working memory is the chunk's, not the corpus's
        con.execute("DELETE FROM incident_keys")
        articles = [r[0] for r in con.execute("SELECT DISTINCT article_id FROM events ORDER BY 1").fetchall()]
        con.execute("DELETE FROM incident_names")
        for i in range(0, len(articles), CHUNK_KEYS):
            con.execute(f"INSERT INTO incident_keys BY NAME "
                        f"{_KEY_SQL.replace('{where}', 'WHERE e.article_id IN (SELECT unnest(?::VARCHAR[]))')}",
                        [articles[i:i + CHUNK_KEYS]])
            _index_names(store, "article_id", articles[i:i + CHUNK_KEYS])
        return
    con.execute("DELETE FROM incident_names WHERE event_id IN "
                "(SELECT n.event_id FROM incident_names n ANTI JOIN events e USING (event_id))")
    con.execute("DELETE FROM incident_keys WHERE event_id IN "
                "(SELECT k.event_id FROM incident_keys k ANTI JOIN events e USING (event_id))")
    for i in range(0, len(event_ids), CHUNK_ROWS):
        chunk = event_ids[i:i + CHUNK_ROWS]
        con.execute("DELETE FROM incident_keys WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [chunk])
        con.execute("DELETE FROM incident_names WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [chunk])
        con.execute(f"INSERT INTO incident_keys BY NAME "
                    f"{_KEY_SQL.replace('{where}', 'WHERE e.event_id IN (SELECT unnest(?::VARCHAR[]))')}",
                    [chunk])
        _index_names(store, "event_id", chunk)


def _stems(sentence: Optional[str]) -> set[str]:
    """The word stems of a sentence (text_features' words, not numbers or prefixes)."""
    return {k for k in text_features(sentence) if k[0] not in "#~"}


def _index_names(store, column: str, keys: list[str]) -> None:
    """incident_names rows of the day-dated events whose ``column`` is one of ``keys``:
    the stems of their sentence, what an undated article's names are looked up in."""
    rows = store.con.execute(f"SELECT event_id, sentence FROM incident_keys WHERE {_FINE} "
                             f"AND {column} IN (SELECT unnest(?::VARCHAR[]))", [keys]).fetchall()
    pairs = [(eid, stem) for eid, sentence in rows for stem in sorted(_stems(sentence))]
    if pairs:
        store.con.execute("INSERT INTO incident_names SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                          [[e for e, _ in pairs], [n for _, n in pairs]])


def _select(store, where: str, params: list) -> list[tuple]:
    columns = ", ".join(_FIELDS) + ", sentence, more_sentences"
    return store.con.execute(f"SELECT {columns} FROM {_ROWS_SQL} m {where}", params).fetchall()


def family_types(family: str) -> list[str]:
    """The event types linked within this family (a type missing from the table is its own)."""
    known = sorted(t for t, rule in type_rules().items() if rule.family == family)
    return known or [family]


def _dated_stream(store, start: Optional[tuple] = None, types: Optional[list[str]] = None,
                  view: str = "fine", chunk_days: Optional[int] = None,
                  chunk_rows: int = CHUNK_ROWS) -> Iterator[Mention]:
    """Mentions of one view ("fine": a day, a publication day; "coarse": a week, a month)
    in processing order from ``start`` (a key), of these types (None: all), read a window
    of last days at a time: at most ``chunk_rows`` rows (a single day may hold more) and
    ``chunk_days`` days (None: no limit) per query. Windows are cut from the count of
    mentions per day, so days without mentions cost nothing (dates span centuries: a
    query per month of them was most of a rebuild)."""
    where = _VIEWS[view]
    params: list = []
    if types is not None:
        where += " AND type IN (SELECT unnest(?::VARCHAR[]))"
        params.append(types)
    for first, last in _day_windows(store, where, params, start[0] if start else None, chunk_days, chunk_rows):
        chunk_where = f"WHERE {where} AND hi >= ? AND hi <= ?"
        chunk_params = params + [first, last]
        if start and first <= start[0]:
            chunk_where += " AND (hi, lo, event_id) >= (?, ?, ?)"
            chunk_params += list(start)
        for row in _select(store, chunk_where + " ORDER BY hi, lo, event_id", chunk_params):
            yield _mention(row)


def _day_windows(store, where: str, params: list, since: Optional[date], max_days: Optional[int],
                 max_rows: int) -> list[tuple[date, date]]:
    """(first, last) days of ``hi`` covering every mention of ``where`` from ``since`` on,
    consecutive, each holding at most ``max_rows`` mentions (or one day) and spanning at
    most ``max_days`` days: one narrow query of the days that have mentions."""
    days = store.con.execute(f"SELECT hi, count(*) FROM incident_keys WHERE {where}"
                             + (" AND hi >= ?" if since else "") + " GROUP BY hi ORDER BY hi",
                             params + ([since] if since else [])).fetchall()
    windows: list[tuple[date, date]] = []
    first, last, rows = None, None, 0
    for day, n in days:
        if day is None:
            continue  # no date at all: never in a dated pass
        if first is not None and (rows + n > max_rows
                                  or (max_days is not None and (day - first).days >= max_days)):
            windows.append((first, last))
            first, rows = None, 0
        if first is None:
            first = day
        last, rows = day, rows + n
    if first is not None:
        windows.append((first, last))
    return windows


def _by_keys(store, column: str, keys: list[str], order: str) -> Iterator[tuple]:
    """Rows whose column is one of keys, in chunks of keys (sorted), in ``order``."""
    for i in range(0, len(keys), CHUNK_KEYS):
        chunk = keys[i:i + CHUNK_KEYS]
        yield from _select(store, f"WHERE {column} IN (SELECT unnest(?::VARCHAR[])) ORDER BY {order}", [chunk])


# -- full rebuild ---------------------------------------------------------------------------

def rebuild_incidents(store) -> int:
    """Re-link every stored event into incidents; returns the number of incidents."""
    store.flush()
    with store.transaction():
        store.con.execute("DELETE FROM incident_mentions")
        store.con.execute("DELETE FROM incidents")
        _refresh_keys(store)
        _write_dated(store, link_dated(_dated_stream(store, view="fine")))
        # the fine assignments are stored now: the coarse pass reads its incidents from them
        _write_dated(store, _coarse_pass(store, _dated_stream(store, view="coarse"), None, {}))
        # articles without any date: placed by what they share with the dated incidents
        _write_dated(store, _undated_pass(store, {}))
        articles = [r[0] for r in store.con.execute(
            "SELECT DISTINCT article_id FROM incident_keys ORDER BY 1").fetchall()]
        _link_articles(store, articles)
        _describe(store, [r[0] for r in store.con.execute(
            "SELECT DISTINCT incident_id FROM incident_mentions ORDER BY 1").fetchall()])
    return int(store.con.execute("SELECT count(*) FROM incidents").fetchone()[0])


def _write_dated(store, assignments: Iterable[tuple[Mention, Optional[Cluster]]]) -> None:
    """Insert the dated pass's assignments in chunks."""
    rows: list[list] = []
    for m, c in assignments:
        if c is None:
            continue
        rows.append(_mention_row(c.incident_id, m, "dated"))
        if len(rows) >= CHUNK_ROWS:
            store.insert_rows("incident_mentions", MENTION_COLUMNS, rows)
            rows = []
    store.insert_rows("incident_mentions", MENTION_COLUMNS, rows)


#: coarse mentions decided together share one read of the fine incidents their dates reach
COARSE_BATCH_DAYS = 62


def _coarse_pass(store, mentions: Iterable[Mention], types: Optional[list[str]],
                 overlay: dict[str, Optional[str]]) -> Iterator[tuple[Mention, Optional[Cluster]]]:
    """(coarse mention, the fine incident it joins or None), in batches of nearby dates:
    each batch reads the finished fine incidents (stored assignments, ``overlay`` first)
    that its dates reach, never more (memory bounded by the batch)."""
    batch: list[Mention] = []
    for m in mentions:
        if batch and (m.widened[1] - batch[0].widened[0] > timedelta(days=COARSE_BATCH_DAYS)
                      or len(batch) >= CHUNK_ROWS):
            yield from _decide_coarse(store, batch, types, overlay)
            batch = []
        batch.append(m)
    if batch:
        yield from _decide_coarse(store, batch, types, overlay)


def _decide_coarse(store, batch: list[Mention], types: Optional[list[str]],
                   overlay: dict[str, Optional[str]]) -> Iterator[tuple[Mention, Optional[Cluster]]]:
    lo = min(m.widened[0] for m in batch)
    hi = max(m.widened[1] for m in batch)
    by_family: dict[str, list[Cluster]] = defaultdict(list)
    for c in _fine_clusters(store, types, lo, hi, overlay):
        by_family[c.family].append(c)
    for m in batch:
        yield m, link_coarse(m, by_family.get(m.family, ()))


_UNDATED = "precision IS NULL AND pub_date IS NULL"


def _names(mentions: Iterable[Mention]) -> set[str]:
    """The names (capitalised words) the mentions' sentences give: what finds candidates."""
    return {k for m in mentions if not m.background for sentence in m.text
            for k, w in sentence.features.items() if w == NAME_WEIGHT and k[0] not in "#~"}


def _undated_pass(store, overlay: dict[str, Optional[str]], only: Optional[tuple[list, set]] = None,
                  ) -> Iterator[tuple[Mention, Optional[Cluster]]]:
    """(undated mention, the fine incident it joins or None) for every mention of an
    article without any date; candidates: the fine incidents whose mentions share the
    article's names (ANCHOR_CANDIDATES of them at most). ``only`` (the stems of the
    sentences of the day-dated members of every incident that changed, new event ids): an update decides
    only the new articles and those whose names one of these sentences holds -- no other
    article's candidates changed."""
    article: list[Mention] = []

    def decide() -> Iterator[tuple[Mention, Optional[Cluster]]]:
        if only is not None and not any(m.event_id in only[1] for m in article):
            if not _names(article) & only[0]:
                return
        yield from _decide_undated(store, article, overlay)

    for row in _select(store, f"WHERE {_UNDATED} ORDER BY article_id, event_id", []):
        m = _mention(row)
        if article and m.article_id != article[0].article_id:
            yield from decide()
            article = []
        article.append(m)
    if article:
        yield from decide()


def _decide_undated(store, mentions: list[Mention], overlay: dict[str, Optional[str]],
                    ) -> Iterator[tuple[Mention, Optional[Cluster]]]:
    names = sorted(_names(mentions))
    joined: dict[str, Cluster] = {}
    if names:
        families = sorted({t for m in mentions for t in family_types(m.family)})
        con = store.con
        # the day-dated events sharing the most of its names, by the (event, stem) index,
        # then the incidents by id (no scan of the sentences, no join over the store)
        hits = [r[0] for r in con.execute(
            "SELECT n.event_id FROM incident_names n JOIN incident_keys k USING (event_id) "
            f"WHERE n.name IN (SELECT unnest(?::VARCHAR[])) AND k.article_id <> ? AND k.{_FINE.strip()} "
            "AND k.type IN (SELECT unnest(?::VARCHAR[])) "
            "GROUP BY n.event_id ORDER BY count(*) DESC, n.event_id LIMIT ?",
            [names, mentions[0].article_id, families, ANCHOR_CANDIDATES]).fetchall()]
        stored = dict(con.execute("SELECT event_id, incident_id FROM incident_mentions WHERE linked = 'dated' "
                                  "AND event_id IN (SELECT unnest(?::VARCHAR[]))", [hits]).fetchall()) if hits else {}
        wanted = sorted({overlay.get(h, stored.get(h)) for h in hits} - {None})
        if wanted:
            # the fine members of those incidents: stored ones and those an update moved there
            ids = {r[0] for r in con.execute("SELECT event_id FROM incident_mentions WHERE linked = 'dated' "
                                             "AND incident_id IN (SELECT unnest(?::VARCHAR[]))", [wanted]).fetchall()}
            ids |= {e for e, iid in overlay.items() if iid in wanted}
            members = {m.event_id: m for m in map(_mention, _by_keys(store, "event_id", sorted(ids), "event_id"))
                       if m.precision in FINE_PRECISIONS}
            clusters = _clusters_of(sorted(members.values(), key=lambda m: m.key), set(wanted), overlay)
            joined = link_undated(mentions, sorted(clusters, key=lambda c: c.incident_id))
    for m in mentions:
        yield m, joined.get(m.event_id)


def _mention_row(iid: str, m: Mention, linked: str) -> list:
    # the outlet as every view names it (an input without one: its site or file name)
    return [iid, m.event_id, m.article_id, m.outlet or m.unknown_label, m.certainty, m.independent_key, linked]


def _link_articles(store, articles: list[str]) -> None:
    """The article pass: mentions of these articles without a dated assignment are linked
    within their article."""
    for i in range(0, len(articles), CHUNK_KEYS):
        chunk = articles[i:i + CHUNK_KEYS]
        dated = dict(store.con.execute(
            "SELECT event_id, incident_id FROM incident_mentions WHERE linked = 'dated' "
            "AND article_id IN (SELECT unnest(?::VARCHAR[]))", [chunk]).fetchall())
        rows: list[list] = []
        current: list[Mention] = []
        for row in _select(store, "WHERE article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY article_id, event_id",
                           [chunk]):
            m = _mention(row)
            if current and m.article_id != current[0].article_id:
                rows.extend(_mention_row(iid, x, "article") for x, iid in link_article(current, dated))
                current = []
            current.append(m)
        if current:
            rows.extend(_mention_row(iid, x, "article") for x, iid in link_article(current, dated))
        store.insert_rows("incident_mentions", MENTION_COLUMNS, rows)


def _describe(store, incident_ids: list[str]) -> None:
    """Write the incidents rows of these incident ids from their members."""
    columns = ", ".join("m." + f for f in _FIELDS)
    for i in range(0, len(incident_ids), CHUNK_KEYS):
        chunk = incident_ids[i:i + CHUNK_KEYS]
        rows = store.con.execute(
            f"SELECT {columns}, m.sentence, m.more_sentences, im.incident_id, im.linked "
            f"FROM {_ROWS_SQL} m JOIN incident_mentions im USING (event_id) "
            "WHERE im.incident_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY im.incident_id, m.event_id",
            [chunk]).fetchall()
        members: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
        for row in rows:
            members[row[-2]].append((row[-1], _mention(row)))
        out = []
        for iid, group in members.items():
            d = describe(iid, [m for _, m in group], [m for linked, m in group if linked == "dated"])
            out.append([d[c] for c in COLUMNS])
        store.insert_rows("incidents", COLUMNS, out)


# -- incremental update -------------------------------------------------------------------------
#
# The fine pass is one independent pass per family. So a change (a new mention, a removed
# one) is re-linked in its family only, from the change on, and a re-run stops once every
# incident a change touched can no longer be joined: a changed incident ends (its core)
# at most MAX_WINDOW_DAYS after the change, and is out of reach of every mention whose
# last day is past that by the horizon; from there on, the open incidents are the stored
# ones and so is every decision. Then the coarse mentions are re-decided that are new or
# whose dates reach an incident that changed: each depends on the fine incidents alone.

def update_incidents(store) -> int:
    """Link the events that are in no incident yet, and re-link around removed ones,
    without re-linking the whole store; falls back to ``rebuild_incidents`` when the
    store was linked by other rules or most of its events are new. Returns the number of
    incidents."""
    store.flush()
    con = store.con
    other_rules = con.execute("SELECT count(*) FROM incidents WHERE linker IS DISTINCT FROM ?",
                              [LINKER_VERSION]).fetchone()[0]
    if other_rules:  # incl. a store whose keys a migration emptied
        return rebuild_incidents(store)
    new_sql = "FROM events e ANTI JOIN incident_mentions m USING (event_id)"
    new_count = con.execute(f"SELECT count(*) {new_sql}").fetchone()[0]
    total = con.execute("SELECT count(*) FROM events").fetchone()[0]
    if 2 * new_count > total:  # a first ingest: one streamed pass is cheaper
        return rebuild_incidents(store)
    new_ids = sorted(r[0] for r in con.execute(f"SELECT e.event_id {new_sql}").fetchall())
    stale = con.execute("""SELECT i.incident_id, i.link_from, i.family FROM incidents i
                           LEFT JOIN (SELECT incident_id, count(*) AS n FROM incident_mentions GROUP BY 1) c
                           USING (incident_id) WHERE coalesce(c.n, 0) <> i.n_mentions""").fetchall()
    if not new_ids and not stale:
        return int(con.execute("SELECT count(*) FROM incidents").fetchone()[0])
    with store.transaction():
        _refresh_keys(store, new_ids)
        _update(store, new_ids, stale)
    # the store may release its connection after a commit: ask it again, not ``con``
    return int(store.con.execute("SELECT count(*) FROM incidents").fetchone()[0])


#: the members of one fine incident lie within this many days of each other (every
#: member's widened interval holds the core): the dates a changed mention's incidents cover
FINE_SPREAD_DAYS = 2 * (FINE_INTERVAL_DAYS + MAX_WINDOW_DAYS)


@dataclass
class _Changes:
    """What an incremental update rewrites."""
    assignment: dict[str, Optional[str]] = field(default_factory=dict)  # event -> dated incident (None: none)
    old_incidents: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    #: (first day, last day, family) holding every fine incident that changed: the coarse
    #: mentions of that family whose dates reach them are decided again
    regions: list[tuple[date, date, str]] = field(default_factory=list)

    def record(self, m: Mention, new: Optional[str]) -> None:
        """m's dated assignment is now ``new``."""
        old = self.assignment.get(m.event_id, m.stored_incident)
        self.assignment[m.event_id] = new
        if old and old != new:
            self.old_incidents.add(old)
        if m.stored_incident:
            self.old_incidents.add(m.stored_incident)
        self.articles.add(m.article_id)


#: where a new event enters the dated pass: its article, type, precision and dates
_NEW_KEY_SQL = """SELECT event_id, article_id, type, precision, lo, hi FROM incident_keys
WHERE event_id IN (SELECT unnest(?::VARCHAR[]))"""


def _update(store, new_ids: list[str], stale: list[tuple]) -> None:
    con = store.con
    changes = _Changes()
    stale_ids = sorted(iid for iid, _, _ in stale)
    changes.old_incidents |= set(stale_ids)
    if stale_ids:
        changes.articles |= {r[0] for r in con.execute(
            "SELECT DISTINCT article_id FROM incident_mentions WHERE incident_id IN (SELECT unnest(?::VARCHAR[]))",
            [stale_ids]).fetchall()}
    # where each family's fine pass must re-run: at its new mentions and removed members
    fine_dirty: dict[str, list[tuple]] = defaultdict(list)
    coarse_new: list[str] = []
    for i in range(0, len(new_ids), CHUNK_ROWS):
        for event_id, article_id, typ, precision, lo, hi in con.execute(
                _NEW_KEY_SQL, [new_ids[i:i + CHUNK_ROWS]]).fetchall():
            changes.articles.add(article_id)
            if precision in FINE_PRECISIONS:
                fine_dirty[rule_for(typ).family].append((hi, lo, event_id))
            elif precision in COARSE_PRECISIONS:
                coarse_new.append(event_id)
    reach = timedelta(days=FINE_SPREAD_DAYS + COARSE_INTERVAL_DAYS)
    for _, link_from, family in stale:
        if link_from is not None:  # a removed member lay near its incident's first date
            fine_dirty[family].append((link_from, date.min, ""))
            changes.regions.append((link_from - reach, link_from + reach, family))
    _rerun_fine(store, {f: sorted(keys) for f, keys in fine_dirty.items()}, changes, set(new_ids))
    _redecide_coarse(store, coarse_new, changes, set(new_ids))
    # an undated article's decision depends on the fine incidents alone, those whose
    # mentions share its names: decided again when new, or when it shares a name with a
    # member of an incident that changed
    changed = changes.old_incidents | {iid for iid in changes.assignment.values() if iid}
    members = set(changes.assignment)
    for i in range(0, len(changed), CHUNK_KEYS):
        members |= {r[0] for r in con.execute(
            "SELECT event_id FROM incident_mentions WHERE incident_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(changed)[i:i + CHUNK_KEYS]]).fetchall()}
    touched = {n for r in _by_keys(store, "event_id", sorted(members), "event_id")
               if r[_FIELDS.index("precision")] in FINE_PRECISIONS for n in _stems(_mention(r).sentence)}
    for m, c in _undated_pass(store, changes.assignment, (touched, set(new_ids))):
        new = c.incident_id if c is not None else None
        if new != changes.assignment.get(m.event_id, m.stored_incident) or m.event_id in new_ids:
            changes.record(m, new)
    _apply(store, changes)


#: days of fine mentions read with one query around the changes of an update: the open
#: incidents before a change (horizon, window and their members' spread) and a re-run after it
_PREFETCH_BEFORE_DAYS = FINE_HORIZON_DAYS + MAX_WINDOW_DAYS + 1 + FINE_SPREAD_DAYS
_PREFETCH_AFTER_DAYS = 3 * (FINE_HORIZON_DAYS + MAX_WINDOW_DAYS + 1)


class _Prefetched:
    """The fine mentions of every family whose last day lies in lo..hi, read with one
    query, per family in processing order: the re-runs of one stretch of dates read them
    from here instead of a query each (a query costs its fixed overhead many times over)."""

    def __init__(self, store, lo: date, hi: date):
        self.lo, self.hi = lo, hi
        self.by_family: dict[str, list[Mention]] = defaultdict(list)
        for row in _select(store, f"WHERE {_FINE} AND hi >= ? AND hi <= ? ORDER BY hi, lo, event_id", [lo, hi]):
            m = _mention(row)
            self.by_family[m.family].append(m)
        self.keys = {f: [m.key for m in ms] for f, ms in self.by_family.items()}

    def stream(self, store, family: str, start: tuple) -> Iterator[Mention]:
        """The family's mentions from ``start`` on: these, then the store's after hi."""
        mentions = self.by_family.get(family, [])
        yield from mentions[bisect.bisect_left(self.keys.get(family, []), start):]
        after = (self.hi + timedelta(days=1), date.min, "")
        yield from _dated_stream(store, max(start, after), family_types(family), view="fine",
                                 chunk_days=2 * FINE_HORIZON_DAYS)

    def open_clusters(self, family: str, start: tuple, overlay: dict[str, Optional[str]]) -> list[Cluster]:
        """The incidents open where the fine pass resumes at ``start``: those with a member
        whose last day lies within the horizon (plus the window) before it, each rebuilt
        from all its members before ``start`` (stored assignments, or those re-linked in
        this update). Every member lies in the prefetched days (members are at most
        FINE_SPREAD_DAYS apart), so no query is needed."""
        since = start[0] - timedelta(days=FINE_HORIZON_DAYS + MAX_WINDOW_DAYS + 1)
        before = self.by_family.get(family, [])[:bisect.bisect_left(self.keys.get(family, []), start)]
        ids = {overlay.get(m.event_id, m.stored_incident) for m in before if m.hi >= since} - {None}
        return _clusters_of(before, ids, overlay)


def _rerun_fine(store, dirty: dict[str, list[tuple]], changes: _Changes, new_ids: set[str]) -> None:
    """Re-run each family's fine pass over every stretch that holds a dirty key, the
    stretches of all families that lie close together read with one query."""
    everything = sorted((key, family) for family, keys in dirty.items() for key in keys)
    position: dict[str, tuple] = {}
    i = 0
    while i < len(everything):
        # the keys of one stretch of dates: each within a re-run's reach of the last, the
        # stretch no longer than a batch (memory bounded by the stretch, not the corpus)
        j = i + 1
        gap, longest = timedelta(days=_PREFETCH_AFTER_DAYS // 2), timedelta(days=COARSE_BATCH_DAYS)
        while (j < len(everything) and everything[j][0][0] - everything[j - 1][0][0] <= gap
               and everything[j][0][0] - everything[i][0][0] <= longest):
            j += 1
        pre = _Prefetched(store, everything[i][0][0] - timedelta(days=_PREFETCH_BEFORE_DAYS),
                          everything[j - 1][0][0] + timedelta(days=_PREFETCH_AFTER_DAYS))
        for key, family in everything[i:j]:
            if family not in position or key > position[family]:
                position[family] = _rerun(store, family, key, changes, dirty[family], new_ids, pre)
        i = j


def _rerun(store, family: str, start: tuple, changes: _Changes, dirty: list[tuple], new_ids: set[str],
           pre: _Prefetched) -> tuple:
    """Re-run from ``start`` until every incident a change touched is out of reach;
    records what changed; returns the key where it stopped."""
    reach = timedelta(days=FINE_HORIZON_DAYS + MAX_WINDOW_DAYS + 1)
    spread = timedelta(days=FINE_SPREAD_DAYS)
    pending = bisect.bisect_left(dirty, start)  # dirty keys not passed yet: dirty[pending:]
    last_change = start[0]
    position = start
    opened = pre.open_clusters(family, start, changes.assignment)
    for m, c in link_dated(pre.stream(store, family, start), opened):
        position = m.key
        while pending < len(dirty) and dirty[pending] <= m.key:
            last_change = max(last_change, dirty[pending][0])
            pending += 1
        new = c.incident_id if c is not None else None
        if new != m.stored_incident or m.event_id in new_ids:
            last_change = max(last_change, m.hi)
            changes.record(m, new)
            changes.regions.append((m.lo - spread, m.hi + spread, family))
        elif m.hi - last_change > reach:
            break  # every incident a change touched is out of reach: the rest is as stored
    return position


def _redecide_coarse(store, new_coarse: list[str], changes: _Changes, new_ids: set[str]) -> None:
    """Decide again the coarse mentions that are new or whose dates reach a region where
    a fine incident of their family changed (one query per stretch of dates serves all
    families; a coarse decision depends on the fine incidents of its family alone)."""
    pad = timedelta(days=MAX_WINDOW_DAYS)
    by_family: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for lo, hi, family in changes.regions:
        by_family[family].append((lo - pad, hi + pad))
    found: dict[str, Mention] = {}
    for lo, hi in _merged([(lo, hi) for lo, hi, _ in changes.regions]):
        for row in _select(store, f"WHERE {_COARSE} AND hi >= ? AND lo <= ?", [lo - pad, hi + pad]):
            m = _mention(row)
            if any(m.hi >= a and m.lo <= b for a, b in by_family.get(m.family, ())):
                found[m.event_id] = m
    for row in _by_keys(store, "event_id", sorted(set(new_coarse) - set(found)), "event_id"):
        m = _mention(row)
        found[m.event_id] = m
    ordered = sorted(found.values(), key=lambda m: m.key)
    for m, c in _coarse_pass(store, ordered, None, changes.assignment):
        new = c.incident_id if c is not None else None
        if new != m.stored_incident or m.event_id in new_ids:
            changes.record(m, new)


def _merged(intervals: list[tuple[date, date]]) -> list[tuple[date, date]]:
    """The union of date intervals as sorted disjoint ones."""
    out: list[list[date]] = []
    for lo, hi in sorted(intervals):
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return [(lo, hi) for lo, hi in out]


def _fine_clusters(store, types: Optional[list[str]], lo: date, hi: date,
                   overlay: dict[str, Optional[str]]) -> list[Cluster]:
    """The finished fine incidents (of these types; None: all) whose core may meet the
    dates lo..hi, each with all its members, in the order of their seeds. Every member's
    widened dates hold its incident's core, so one member near lo..hi finds each; the
    others are at most FINE_SPREAD_DAYS from it, so one query reads them all."""
    pad = timedelta(days=MAX_WINDOW_DAYS)
    spread = timedelta(days=FINE_SPREAD_DAYS)
    where = f"WHERE {_FINE} AND hi >= ? AND lo <= ?"
    params: list = [lo - pad - spread, hi + pad + spread]
    if types is not None:
        where += " AND type IN (SELECT unnest(?::VARCHAR[]))"
        params.append(types)
    band = sorted((_mention(r) for r in _select(store, where, params)), key=lambda m: m.key)
    ids = {overlay.get(m.event_id, m.stored_incident) for m in band
           if m.hi >= lo - pad and m.lo <= hi + pad} - {None}
    return _clusters_of(band, ids, overlay)


def _clusters_of(members: list[Mention], ids: set[str], overlay: dict[str, Optional[str]]) -> list[Cluster]:
    """The incidents ``ids`` rebuilt from their ``members`` (in processing order; stored
    assignment, ``overlay`` first), in the order of their seeds."""
    clusters: dict[str, Cluster] = {}
    for m in members:
        iid = overlay.get(m.event_id, m.stored_incident)
        if iid not in ids:
            continue
        if iid not in clusters:
            clusters[iid] = Cluster(seed=m, incident_id=iid)
        clusters[iid].add(m)
    return list(clusters.values())


def _apply(store, changes: _Changes) -> None:
    """Write the re-linked dated assignments, re-run the article pass of the touched
    articles and re-describe every incident that gained or lost a member."""
    con = store.con
    articles = sorted(a for a in changes.articles if a)
    touched = set(changes.old_incidents)
    if articles:
        touched |= _article_incidents(con, articles)
        con.execute("DELETE FROM incident_mentions WHERE linked = 'article' "
                    "AND article_id IN (SELECT unnest(?::VARCHAR[]))", [articles])
    if changes.assignment:
        con.execute("DELETE FROM incident_mentions WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                    [sorted(changes.assignment)])
        placed = {eid: iid for eid, iid in changes.assignment.items() if iid is not None}
        touched |= set(placed.values())
        rows = [_mention_row(placed[r[0]], _mention(r), "dated")
                for r in _by_keys(store, "event_id", sorted(placed), "event_id")]
        store.insert_rows("incident_mentions", MENTION_COLUMNS, rows)
    if articles:
        _link_articles(store, articles)
        touched |= _article_incidents(con, articles)
    if touched:
        ids = sorted(touched)
        con.execute("DELETE FROM incidents WHERE incident_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        live = [r[0] for r in con.execute("SELECT DISTINCT incident_id FROM incident_mentions "
                                          "WHERE incident_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY 1",
                                          [ids]).fetchall()]
        _describe(store, live)


def _article_incidents(con, articles: list[str]) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT DISTINCT incident_id FROM incident_mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [articles]).fetchall()}
