"""Where an event sits in its document: page furniture, its date, and background.

* **Page furniture**: paragraphs that are not article prose -- the title repeated in the
  body, a paragraph repeated word for word (a caption that repeats a sentence), bylines,
  photo captions and credits (a caption closed by "REUTERS/Jane Doe" or "(AP Photo/...)"),
  teasers and sign-up lines (``page_furniture.tsv``, with the wire services' archive
  captions "FILE - In this Jan. 30, 2010, file photo, ..."), list items ("2) Airstrikes"),
  headings (a short line without sentence punctuation) and photo captions told in the
  present with a full past date ("Protesters march in Zenda, March 1, 2024.":
  ``dated_caption``). No event is coded in them; the events stage counts the paragraphs
  skipped by kind in ``article.meta["furniture"]``.
* **Date**: the date expression of the event's own sentence that the parse attaches to
  the trigger, at the granularity the text gives ("in 2015" stays ``2015``, "in April"
  ``2019-04``), never one inside a direct quote that does not hold the trigger; failing
  that one earlier in the paragraph, the lead's day (the lead: the prose among the first
  two paragraphs, so a file-photo caption's day is never the story's), or the
  publication date -- all three copies marked ``inferred``. "Since" after a record dates
  nothing ("the first time since 2010", "climbed to its highest point since 2019", where the
  parser hangs "since" on the verb). A time inside a content clause off the trigger's own
  path ("warned X that the economy collapsed in 2003") dates the content, not the act;
  the act another one answers keeps its own date ("sanctions this week for its incursion
  late on Friday", "apologies over the downing of an airliner last week"). A background act with no date of its own that goes
  on, in the past tense, with a story dated before the news period ("In 2009, boats
  seized three trawlers. Meridia protested.") takes that story's date, marked
  ``inferred``; it never takes the news day. An act a counted span measures back from
  its main act ("two days after rebels attacked the town, police arrested ... on
  Monday", "a year after the junta seized power") and with no date of its own is dated
  by the main act's date less the span, at the granularity the span's looseness allows
  (:meth:`PeriodReader.measured_date`): a day, a month, a year, or none.
* **Background** (:class:`PeriodReader`): an event placed before the article's news
  period ("in 2013", "the 1983 bombing", "since 2017", "previously", "has long"), told in
  a report made before it ("said in April that ..."), lasting longer than the news window
  ("has fought for two years"), measured back from the story's time by a span of at
  least the news window ("weeks earlier", "two months prior", "three years before"),
  habitual ("repeatedly"), the content of a background
  statement, the object of an act dated before the period ("supported the invasion in
  2003"), a perfect running from an earlier act ("has urged ... since he declared"), an
  undated present perfect after the lead that is no statement, report or quote ("Iran has
  sent troops to Syria": the body recapping what came before the news), an event noun
  measured in months or years ("months of protests"), a verb of accusation or argument
  in the simple present after the lead ("The West accuses Moscow of ...": a standing
  position), an undated act told in the past perfect ("had been highly critical of";
  not a report's content or an "after ..." clause, which order acts of the story), or a
  past-tense sentence going on with a story its paragraph -- or, when it opens the
  paragraph, the paragraph before -- dated earlier (unless the sentence names a day of
  its own, "seized on Sunday"; a year written before the object of an act, "abandoning
  the 2015 accord", tells no story), an undated act introduced by "after"/"following" on
  a main act told as background ("have been killed after protesting", "pulled out in 2011
  after X threatened ..."), an act a span longer than the news window measures back from
  its main act ("a year after the junta seized power, ...", "six months following the
  flood": history told from later news, which takes no date of the main act's sentence)
  or in a "when" clause of a main clause dated before the period ("two years ago, when
  ..."), or a participle adjunct of such a main act ("has repeatedly
  praised him, calling him an ally"), is background; it keeps
  its own date and never inherits the news-day date. A present perfect that reaches the
  report ("talks have continued", "have been holding talks", "have recently suffered")
  is news, not a recap; a second conjunct that borrows the first's auxiliary ("have
  warned the crowd and arrested dozens") or shares its simple tense and subject ("On
  Sunday the mayor denounced the blockade and urged ...") takes the first's whole
  reading of time, its background flag and its date. A story's date is the last one
  told before the act in its own sentence on another noun or clause ("Trump's Dec. 19
  announcement was one of the reasons Mattis resigned"), else before it in the
  paragraph; a date inside a relative clause tells that noun's past, not a story ("the
  limit it agreed to in the 2015 deal"). In an article without a date,
  relative expressions that lie before any reference day ("last month") and bare months
  told in the past ("In May, the US left the deal") still make background, without
  inventing a value. An event that is the occasion of another ("In talks on Friday, the
  minister accused ...") gives it its date.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import re
from typing import Optional

from sitrep.knowledge.plover import HistoricHappening, load_historic_happenings
from sitrep.model import Document, Time
from sitrep.stages.times import Reference, find_times, is_calendar_time, vague_past_reach

#: how many opening paragraphs hold the "lead", whose date later sentences inherit
LEAD_PARAGRAPHS = 2
#: an event dated this many days before the news reference is background (annotation 7)
BACKGROUND_DAYS = 14
#: "N weeks of fighting" up to the report is the news itself; a span of a season or more
#: ("two years of war") began well before it: background
LASTING_SPAN_DAYS = 90
#: a heading or list item has no sentence punctuation and at most this many words
HEADING_MAX_WORDS = 25
#: "anywhere" furniture patterns are only trusted in paragraphs this short
FURNITURE_MAX_WORDS = 60
#: a day to read relative expressions ("last month", "two years ago") against when the
#: article has no date: only whether they lie before it is used, never their value
_ANY_DAY = dt.date(2001, 6, 15)
#: parse relations by which a nominal event is an argument of the verb that carries it
#: ("supported the invasion in 2003": the year dates the invasion too)
_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})
#: a clause that describes a noun: a time inside it dates that clause, not the sentence
_NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})
#: clauses whose past perfect is relative to another act, not to the news: a report's
#: content ("said that ...", "claims that ..."), a subordinate clause ("after ...")
_CONTENT_OR_ORDERING_DEPS = frozenset({"ccomp", "advcl", "acl"})
#: a date written before a noun ("the 1987 treaty", "a 2015 ruling", "Monday's press
#: conference") names that thing: it dates an event only when the noun is the event word
#: or the occasion of the act
_ATTRIBUTIVE_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "poss"})
_SENTENCE_END = re.compile(r"""[.!?…:;"”’'»)\]]\s*$""")
_LIST_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-hA-H]\)|[•·▪■◦►‣*])\s+\S")
_WORD = re.compile(r"\w+")


# ------------------------------------------------------------------ furniture

def furniture_spans(doc: Document, lex) -> list[tuple[int, int]]:
    """Paragraph spans of page furniture, in text order."""
    return [(start, end) for start, end, _ in furniture_paragraphs(doc, lex)]


def furniture_paragraphs(doc: Document, lex) -> list[tuple[int, int, str]]:
    """Paragraph spans of page furniture with what each is ("furniture" for the rules of
    ``_is_furniture``, "dated_caption" for a photo caption told in the present with a
    full date, see ``dated_caption``), in text order."""
    text = doc.article.text
    paragraphs = doc.paragraphs or ([(0, len(text))] if text else [])
    title = _normalise(doc.article.title or "")
    many = len(paragraphs) >= 3 and not _no_page(doc, paragraphs)
    speech_verbs = lex.words.saying_verbs | lex.words.evaluating_verbs
    seen: set[str] = set()
    out = []
    for start, end in paragraphs:
        body = text[start:end]
        norm = _normalise(body)
        if many and _is_furniture(body, norm, title, seen, lex.furniture):
            out.append((start, end, "furniture"))
        elif many and dated_caption(doc, start, end, speech_verbs):
            out.append((start, end, "dated_caption"))
        if norm:
            seen.add(norm)
    return out


def _no_page(doc: Document, paragraphs) -> bool:
    """The text has no page around its lines, so a headline-like line is the text itself,
    not a heading: a snippet (``--snippet``) or a short record (the clean stage's
    ``short_context``), or a list of flashes whatever its length -- no paragraph ends a
    sentence, so there is no body for headings to sit above ("Rebels attacked an army
    base near Goma" / "Kinshasa expelled two diplomats" / "Uganda urged calm")."""
    meta = doc.article.meta
    if meta.get("snippet") or meta.get("short_context"):
        return True
    text = doc.article.text
    return not any(_SENTENCE_END.search(text[start:end]) for start, end in paragraphs)


#: a photo caption is one short sentence ("Protesters march in Caracas, Venezuela,
#: January 23, 2019.")
CAPTION_MAX_WORDS = 50
#: present-tense verb tags: a caption tells the moment of the picture in the present
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
#: an embedded post ("... -- Name (@handle) May 9, 2018") is someone's statement, not a caption
_HANDLE = re.compile(r"\(@\w+\)")


def dated_caption(doc: Document, start: int, end: int, speech_verbs: frozenset[str] = frozenset()) -> bool:
    """The paragraph ``[start, end)`` is a photo caption: one sentence of at most
    ``CAPTION_MAX_WORDS`` words whose main verb is in the simple present ("arrives",
    "meet", "speaks with reporters") and reports nothing (no verb of saying or claiming,
    no content clause) and which closes on a full calendar date (day, month and the year
    written out, after a comma or "on": "..., July 25, 2017", "..., Friday, Feb. 9, 2018")
    no later than the publication day, with no quotation mark and no embedded post. News prose tells a dated
    act in the past; the present with a full past date is how a caption describes its
    picture (docs/annotation.md 2: captions are page furniture)."""
    sdoc = doc.nlp
    if sdoc is None:
        return False
    body = doc.article.text[start:end]
    if len(body.split()) > CAPTION_MAX_WORDS or _HANDLE.search(body) or any(q in body for q in "\"“”"):
        return False
    chars = sdoc.char_span(start, end, alignment_mode="expand")
    if chars is None:
        return False
    sents = list(chars.sents)
    if len(sents) != 1:
        return False
    root = sents[0].root
    if not _told_in_present(root) or _reports(root, speech_verbs):
        return False
    published = (doc.article.published or "")[:10]
    # a picture shows what happened by the day of publication; a present with a later date
    # is a schedule ("the sanctions take effect on March 20, 2024"), which is news
    return any(start <= t.span[0] < end and _full_date(t) and not (published and t.value[:10] > published)
               and _closes_the_line(sdoc, t, sents[0]) for t in doc.times)


def _reports(root, speech_verbs: frozenset[str]) -> bool:
    """A line that reports or claims ("Hamas claims it fired ...", "the ministry says its
    troops recaptured ..."): a verb of saying, or any clause as the verb's content, is a
    news headline's or a report's shape, not a caption's."""
    return root.lemma_.lower() in speech_verbs or any(ch.dep_ == "ccomp" for ch in root.children)


def _closes_the_line(sdoc, time: Time, sent) -> bool:
    """The date is the line's last phrase, after a comma or "on", and hangs from no
    adjective ("..., Zenda, March 3, 2024.", "... near Klow on February 28, 2024."; not
    "..., effective May 1, 2024"): where a caption puts the day of its picture."""
    span = sdoc.char_span(time.span[0], time.span[1], alignment_mode="expand")
    if span is None:
        return False
    rest = [t for t in sdoc[span.end:sent.end] if not (t.is_punct or t.is_space)]
    before = sdoc[span.start - 1] if span.start > sent.start else None
    return not rest and before is not None and before.lower_ in (",", "on") \
        and span.root.head.pos_ != "ADJ"


def _told_in_present(root) -> bool:
    """A main verb in the simple present ("arrives", "meet"), or a present passive or
    progressive ("is seen", "are pictured", "is walking"); not a copula ("is the
    president") nor a perfect ("has said")."""
    if root.tag_ in _PRESENT_TAGS:
        return root.lemma_.lower() not in ("be", "have")
    return root.tag_ in ("VBN", "VBG") and any(
        ch.dep_ in ("aux", "auxpass") and ch.tag_ in _PRESENT_TAGS and ch.lemma_.lower() == "be"
        for ch in root.children)


def _full_date(time: Time) -> bool:
    """A day date read from the text with its year written out ("July 25, 2017")."""
    return not time.inferred and time.granularity == "day" and re.search(r"\b\d{4}\b", time.text) is not None


def _is_furniture(body: str, norm: str, title: str, seen: set[str], patterns) -> bool:
    if not norm:
        return False
    if norm == title or norm in seen:
        return True  # the title again, or a caption repeating a paragraph
    words = norm.count(" ") + 1
    if _LIST_ITEM.match(body):
        return True
    if words <= HEADING_MAX_WORDS and not _SENTENCE_END.search(body):
        return True
    starts, anywhere = _combined(patterns)
    if starts is not None and starts.match(body.lstrip(" \t\n\"“'(")):
        return True
    return words <= FURNITURE_MAX_WORDS and anywhere is not None and anywhere.search(body) is not None


_COMBINED: dict[int, tuple] = {}


def _combined(patterns) -> tuple:
    """The furniture patterns joined into one regex per kind of match (built once)."""
    key = id(patterns)
    if key not in _COMBINED:
        def join(ps):
            return re.compile("|".join(f"(?:{p.pattern.pattern})" for p in ps), re.IGNORECASE) if ps else None
        _COMBINED[key] = (join([p for p in patterns if not p.anywhere]), join([p for p in patterns if p.anywhere]))
    return _COMBINED[key]


def _normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


# ------------------------------------------------------------------ dates

@dataclasses.dataclass
class EventDate:
    """The date of one event mention and how it was found."""
    time: Optional[Time]
    attached: bool = False  # read in the event's own sentence, attached to its trigger
    reported: bool = False  # it dates the report ("said on Sunday that ..."), not the act
    #: a relative expression of an undated article ("last month") that lies before the
    #: news period whatever the date: the act is background, its value is unknown
    past: bool = False
    since: bool = False  # the date starts a period that runs to the report ("since 2014")
    #: the act is the object of another event whose own date lies before the news period
    #: ("supported the invasion of Iraq in 2003"): it is at least as old
    carried_past: bool = False


class DateFinder:
    """Dates of event mentions in one document."""

    def __init__(self, doc: Document, saying_verbs: frozenset[str] = frozenset(),
                 since_words: frozenset[str] = frozenset({"since"}),
                 furniture: list[tuple[int, int]] = ()):
        self.doc = doc
        #: the story's lead: its first paragraphs that are prose, not page furniture (an
        #: AP "FILE - In this 2010 file photo, ..." caption opens many wire stories)
        self.leads = lead_paragraphs(doc, furniture)
        self.saying_verbs = saying_verbs
        self.since_words = since_words
        from sitrep.knowledge.cues import default_word_sets

        self.setting_preps = default_word_sets().get("setting_prep", frozenset())
        self.cause_preps = default_word_sets().get("cause_prep", frozenset())
        self.duration_nouns = default_word_sets().get("duration_noun", frozenset())
        self.standing_documents = default_word_sets().get("standing_document", frozenset())
        self.dated = [t for t in doc.times if is_calendar_time(t)]
        self.published = (doc.article.published or "")[:10]
        self.reference = reference_day(doc, self.dated)
        self._lead = _lead_date(doc, self.dated, self.leads, self.reference)
        self._direct_quotes = [q.span for q in doc.quotes if q.kind == "direct"]
        #: what own_date chooses from: the calendar times, then (undated articles only)
        #: relative expressions known to lie before the news period
        self._choices: list[tuple[Time, bool]] = [(t, False) for t in self.dated]
        if not self.published:
            # a bare month of the month the text's own dates reach ("on July 3" ... "in
            # July") may be the news month itself
            monthly = any(re.match(r"\d{4}-\d{2}", t.value or "") for t in self.dated)
            own_month = f"XXXX-{self.reference.month:02d}" if self.reference and monthly else None
            self._choices += [(t, True) for t in relative_past_times(doc) if t.value != own_month]
        # "a few weeks ago": no value, but at least the news window behind the report
        self._choices += [(t, True) for t in vague_long_ago(doc)]
        sdoc = doc.nlp
        self._time_roots = []
        for t, _ in self._choices:
            span = sdoc.char_span(t.span[0], t.span[1], alignment_mode="expand") if sdoc is not None else None
            self._time_roots.append(span.root if span is not None else None)
        # "for the first time since 2010" dates no act, nor the story a paragraph goes on with
        kept = [k for k, root in enumerate(self._time_roots) if root is None or not self._record_since(root)]
        # "the September 11 attacks": the date is part of the name of a happening of history
        # (historic_happenings.tsv), not a day of the article's year: it takes the
        # happening's own date, or dates nothing when the happening spans years
        #: (happening, span) of the named happenings of history in the text
        self._named = named_happening_spans(doc)
        kept = [k for k in kept if self._renamed(k)]
        self._choices = [self._choices[k] for k in kept]
        self._time_roots = [self._time_roots[k] for k in kept]
        #: choice -> the noun a bare past month dates ("attacks in May"): it dates that
        #: event noun only, never the clause around it ("the scene of riots last March")
        self._noun_hosts: dict[int, int] = {}
        for k, (t, past_only) in enumerate(self._choices):
            root = self._time_roots[k]
            host = month_host(root) if past_only and root is not None else None
            if host is not None and host.pos_ == "NOUN":
                self._noun_hosts[k] = host.i

    def _renamed(self, k: int) -> bool:
        """Keep choice ``k``, with the date of the named happening it lies in when it lies in
        one of a single date ("the September 11 attacks": 2001-09-11); False to drop it (the
        name of a happening of several years)."""
        time, past_only = self._choices[k]
        for happening, (a, b) in self._named:
            if a <= time.span[0] and time.span[1] <= b:
                if happening.start != happening.end:
                    return False
                self._choices[k] = (dataclasses.replace(time, value=happening.start, granularity=(
                    "year" if len(happening.start) == 4 else "day")), False)
        return True

    def in_sentence(self, sent_span) -> list[int]:
        return [k for k, (t, _) in enumerate(self._choices)
                if sent_span[0] <= t.span[0] and t.span[1] <= sent_span[1]]

    def own_date(self, sent_span, anchors: set[int], other_triggers: set[int], trigger_at: int,
                 event_word: int = -1) -> EventDate:
        """The sentence's date for a trigger: one the parse attaches to it (``anchors``:
        the trigger head, its light verb and the verbs it hangs from) first, then the
        nearest one not attached to another event of the sentence. ``event_word``: the
        index of the event's head word (-1: unknown)."""
        best, best_key, best_owner = None, None, None
        for k in self.in_sentence(sent_span):
            t, _ = self._choices[k]
            if self._quoted_apart(t.span, trigger_at):
                continue  # 'attacked X, saying "On Thursday, Y declared ..."': the quote's own time
            if k in self._noun_hosts and self._noun_hosts[k] not in anchors:
                continue
            owner = self._owner(k, anchors, other_triggers, trigger_at, event_word)
            if owner == "other":
                continue
            key = (owner != "own", abs(t.span[0] - trigger_at))
            if best_key is None or key < best_key:
                best, best_key, best_owner = k, key, owner
        if best_owner != "own" and self._carried_past(sent_span, anchors, other_triggers):
            # the date of the act that carries it is nearer in the parse than a free one
            return EventDate(None, carried_past=True)
        if best is None:
            return EventDate(None)
        time, past_only = self._choices[best]
        root = self._time_roots[best]
        since = root is not None and root.dep_ == "pobj" and root.head.lower_ in self.since_words
        return EventDate(None if past_only else time, attached=best_owner == "own",
                         reported=best_owner == "saying", past=past_only, since=since)

    def _owner(self, k: int, anchors: set[int], other_triggers: set[int], trigger_at: int = -1,
               event_word: int = -1) -> str:
        """"own" when the time expression hangs from one of the trigger's anchors or from
        the verb whose argument the trigger is ("recalled the invasion of 2003") unless
        that verb is an event of its own (a reaction is dated apart from the act), "other"
        when from another event's trigger first or when it names a noun that is neither
        the event word nor its occasion ("quit the 1987 treaty", "citing a 2015 ruling"),
        "saying" when from a verb of saying ("said on Sunday that ..."), else "free"."""
        tok = root = self._time_roots[k]
        if tok is not None and self._names_other_noun(tok, anchors, trigger_at):
            return "other"
        if tok is not None and any(ch.dep_ == "relcl" and ch.i in anchors for ch in tok.children):
            return "own"  # "in 2003, when Rumsfeld announced ...": the clause tells that time
        carriers = self._carriers(anchors) - other_triggers  # "condemned the strikes on Wednesday"
        around = self._ancestors(anchors)
        for _ in range(10):
            if tok is None:
                return "free"
            if tok.i in anchors or tok.i in carriers:
                return "own"
            if tok.head.i == event_word and _acting_clause(tok):
                # "ordered the strike that killed X last week": a clause the event noun is
                # the doer of tells that happening and its outcome, so its time
                return "own"
            if tok.i in other_triggers and not self._setting_of(tok, anchors):
                return "other"
            if tok.pos_ in ("VERB", "AUX") and (tok.lemma_ or "").lower() in self.saying_verbs:
                return "saying"
            if tok.dep_ in _NOUN_CLAUSE_DEPS and tok.head.i in anchors:
                if _object_of(tok.head, anchors):
                    # "lifted the sanctions it imposed in April": the clause dates the
                    # sanctions (a pattern's second word), not their lifting
                    return "other"
                return "own"  # "the attack that took place on Monday": the clause tells its time
            if tok.dep_ == "ccomp" and tok.i not in around:
                # "warned them that the economy collapsed in 2003", "accused X, insisting
                # that ... in 2003": a time inside what is said dates the content, not the act
                return "other"
            if tok.dep_ in _NOUN_CLAUSE_DEPS and tok.i not in around:
                return "other"  # "López, who has been detained since 2014": that clause's time
            if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.i not in around \
                    and any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children):
                # "X met the Pope, but tensions prompted him to leave before the ceremony
                # Sunday": a coordinated clause with its own subject tells its own time
                return "other"
            if tok.i != root.i and self._cause_of(tok, anchors):
                return "other"  # "apologies over the downing of an airliner last week"
            if tok.head.i == tok.i:
                return "free"
            tok = tok.head
        return "free"

    def _names_other_noun(self, tok, anchors: set[int], trigger_at: int) -> bool:
        """A date written before a noun ("the 1987 treaty", "a 2015 ruling") that is not
        the event word itself ("the 2003 invasion") nor the occasion of the act ("At
        Monday's press conference, X accused ..."): it tells when that thing was made,
        not when the act was (the unseen-article audit found statements and deployments
        of the news week dated by a treaty's or a plan's year)."""
        noun = tok.head
        if tok.dep_ not in _ATTRIBUTIVE_DEPS or noun.i == tok.i or noun.pos_ not in ("NOUN", "PROPN"):
            return False
        if noun.pos_ == "PROPN" and not (_year_names_cited(tok, noun)
                                          and noun.lower_ in self.standing_documents):
            return False
        if noun.idx == trigger_at or (noun.i in anchors and not _object_of(noun, anchors)):
            return False  # "the 2003 invasion", "Sunday's shoot-down": the event word itself
        around = self._ancestors(anchors)
        if any(ch.dep_ in _NOUN_CLAUSE_DEPS and ch.i in around for ch in noun.children):
            # "the 2015 deal, which saw the US release assets", "a May 2018 election marred
            # by a boycott": the clause tells what happened in it
            return False
        return not self._occasion(noun, anchors)

    def _cause_of(self, tok, anchors: set[int]) -> bool:
        """A noun, not the event's, that an act answers ("apologies over the downing",
        "sanctions for its incursion"): a time inside its phrase dates that earlier act."""
        return tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in self.cause_preps \
            and tok.i not in anchors and not self._duration(tok)

    def _duration(self, tok) -> bool:
        """"for hours", "for three days": the preposition measures time (``duration_noun``
        or a spaCy time or date entity), it names no earlier act."""
        return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in self.duration_nouns

    def _record_since(self, tok) -> bool:
        """"for the first time since 2010", "its largest deployment since 2010", "the
        highest level since 2010": "since" after a superlative or an ordinal measures a
        record up to the act; the date is the last time it happened, not when this act
        began (the unseen-article audit found a deployment of the news week dated 2010)."""
        if tok.dep_ != "pobj" or tok.head.lower_ not in self.since_words:
            return False
        head = tok.head.head
        if _ranks(head) or any(ch.dep_ == "amod" and _ranks(ch) for ch in head.children):
            return True
        # the parser often hangs "since" on the verb ("climbed to its highest point
        # since 2019", "it was the worst day since 2008"): the record is the verb's argument
        return head.pos_ in ("VERB", "AUX") and any(_ranked_noun(arg) for arg in _levels(head))

    def _occasion(self, noun, anchors: set[int]) -> bool:
        """The noun is the object of a preposition of occasion on the act's verb ("at a
        press conference", "during talks")."""
        return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in self.setting_preps \
            and _complement_of_anchor(noun.head.head, anchors)

    def in_direct_quote(self, offset: int) -> bool:
        """The offset lies inside a direct quote of the article."""
        return any(start <= offset < end for start, end in self._direct_quotes)

    def _setting_of(self, tok, anchors: set[int]) -> bool:
        """Another event is the occasion of this one: the object of a preposition of place or
        occasion on its verb ("In a speech on Friday, the president compared ...",
        "were killed in the attack on Monday"): its time is this event's time too."""
        return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in self.setting_preps \
            and tok.head.head.i in anchors

    def _quoted_apart(self, span: tuple[int, int], trigger_at: int) -> bool:
        """The time lies inside a direct quote that does not hold the trigger: it dates
        what the quote tells, not an act told around it."""
        for start, end in self._direct_quotes:
            if start <= span[0] and span[1] <= end:
                return not (start <= trigger_at < end)
        return False

    def _carried_past(self, sent_span, anchors: set[int], other_triggers: set[int]) -> bool:
        """An event noun is the object or subject of another event's verb ("supported the
        invasion", "condemned the strikes") and that verb's own date lies before the news
        period: what an old act was about is at least as old."""
        carriers = self._carriers(anchors) & other_triggers
        if not carriers:
            return False
        for k in self.in_sentence(sent_span):
            if k in self._noun_hosts:
                continue
            time, past_only = self._choices[k]
            tok = self._time_roots[k]
            for _ in range(10):
                if tok is None or tok.i in anchors:
                    break
                if tok.i in carriers:
                    if past_only or before_news_period(time, self.reference):
                        return True
                    break
                if tok.i in other_triggers or tok.head.i == tok.i:
                    break
                if tok.dep_ in _NOUN_CLAUSE_DEPS or tok.dep_ == "ccomp":
                    # "The president, elected in 2014, condemned the strike": the clause
                    # tells its own time, not the time of what the verb above is about
                    break
                tok = tok.head
        return False

    def _ancestors(self, anchors: set[int]) -> set[int]:
        """The anchors and every token above them in the parse."""
        sdoc = self.doc.nlp
        out = set(anchors)
        if sdoc is not None:
            for i in anchors:
                out.update(a.i for a in sdoc[i].ancestors)
        return out

    def _carriers(self, anchors: set[int]) -> set[int]:
        """The verbs whose object or subject an anchor noun is ("supported the invasion")."""
        sdoc = self.doc.nlp
        if sdoc is None:
            return set()
        out = set()
        for i in anchors:
            tok = sdoc[i]
            if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in _ARGUMENT_DEPS and tok.head.pos_ in ("VERB", "AUX"):
                out.add(tok.head.i)
            elif tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.dep_ == "prep" \
                    and tok.head.head.pos_ in ("VERB", "AUX"):
                out.add(tok.head.head.i)  # "had been under house arrest since 2014"
        return out

    def dated_before(self, verb) -> bool:
        """A time before the news period modifies the verb itself ("pulled out in 2011",
        "In May, the US left the deal" in an undated article)."""
        for k, (time, past_only) in enumerate(self._choices):
            root = self._time_roots[k]
            if root is not None and month_host(root) is not None and month_host(root).i == verb.i \
                    and (past_only or before_news_period(time, self.reference)):
                return True
        return False

    def in_news_period(self, time: Optional[Time]) -> bool:
        """The date is known and lies in the article's news period."""
        return time is not None and self.reference is not None and not before_news_period(time, self.reference)

    def narrative_past(self, sent_span, paragraph, trigger_at: Optional[int] = None) -> bool:
        """The sentence follows, in its paragraph, a date before the news period with no
        date of the period in between ("His first success came in 1976. He led the
        raid ..."): a story of that time goes on."""
        story = self._story(sent_span, paragraph, trigger_at)
        return story is not None and (story[0] or before_news_period(story[1], self.reference))

    def story_date(self, sent_span, paragraph, trigger_at: Optional[int] = None) -> Optional[Time]:
        """The date of the story a past-tense sentence goes on with (:meth:`narrative_past`),
        marked inferred: "In 2011, patrol boats seized two trawlers. Portugal protested."
        dates the protest 2011 too. None when that story's date has no value (a relative
        expression of an undated article) or lies in the news period."""
        story = self._story(sent_span, paragraph, trigger_at)
        if story is None or story[0] or not before_news_period(story[1], self.reference):
            return None
        return dataclasses.replace(story[1], inferred=True)

    def _story(self, sent_span, paragraph, trigger_at: Optional[int] = None) -> Optional[tuple[bool, Time]]:
        """(past only, time) of the last date told before the trigger in its own sentence
        (a date the act does not own: "Trump's Dec. 19 announcement was one of the reasons
        Mattis resigned"), else before the sentence in its paragraph -- or, when the
        sentence opens its paragraph, in the paragraph before."""
        if paragraph is None:
            return None
        # in an undated article, "Last month, Iran shot down a drone" dates the story too
        before = self._setting_dates(sent_span[0], trigger_at) if trigger_at is not None else []
        before = before or self._dates_between(paragraph[0], sent_span[0])
        if not before and not self.doc.article.text[paragraph[0]:sent_span[0]].strip():
            # the paragraph opens with it: the story of the paragraph before goes on
            # ('... the raid in 1981," he said.' / 'That raid destroyed the reactor.')
            earlier = [p for p in self.doc.paragraphs if p[1] <= paragraph[0]]
            before = self._dates_between(earlier[-1][0], paragraph[0]) if earlier else []
        if not before:
            return None
        # the latest by position only: Time values have no order of their own
        _, past_only, last = max(before, key=lambda choice: choice[0])
        return past_only, last

    def _setting_dates(self, start: int, trigger_at: int) -> list:
        """The dates earlier in the act's own sentence that set the time of the story it
        tells (:meth:`_dates_between`): one on another noun or clause before it ("Trump's
        Dec. 19 announcement was one of the reasons Mattis resigned", "When X called last
        year for ..., Y responded with derision"); not one inside a clause describing a noun
        ("The president, elected in 2014, condemned ..."), nor one on an act that the
        event's clause depends on ("pulled out in 2011 after Zarnia threatened ...": the
        threat is ordered before that act, not dated by it)."""
        sdoc = self.doc.nlp
        at = sdoc.char_span(trigger_at, trigger_at + 1, alignment_mode="expand") if sdoc is not None else None
        if at is None:
            return []
        above = {a.i for a in at.root.ancestors}
        out = []
        for k, (t, past_only) in enumerate(self._choices):
            root = self._time_roots[k]
            if not (start <= t.span[0] and t.span[1] <= trigger_at) or root is None or k in self._noun_hosts:
                continue
            if self._names_an_object(root) or any(a.dep_ in _NOUN_CLAUSE_DEPS for a in [root, *root.ancestors]):
                continue
            host = month_host(root)
            if host is not None and host.i in above:
                continue
            out.append((t.span, past_only, t))
        return out

    def _names_an_object(self, root) -> bool:
        """A date written before a noun that is the object of something ("abandoning the
        2015 accord", "quit the 1987 treaty"), not its subject or a setting ("in the 2014
        comedy")."""
        if root is None or root.dep_ not in _ATTRIBUTIVE_DEPS or root.i > root.head.i:
            return False
        noun = root.head
        if noun.pos_ != "NOUN" or noun.dep_ in ("nsubj", "nsubjpass"):
            return False
        return not (noun.dep_ == "pobj" and noun.head.lower_ in self.setting_preps)

    def _dates_between(self, start: int, end: int) -> list:
        """(span, past only, time) of the date choices between two offsets that date an
        act: not a date written before the object of an act, which names the thing
        ("abandoning the 2015 accord": the next paragraph's "Rouhani called on ..." goes
        on with no story of 2015); a named setting does tell the time of a story ("In the
        2014 comedy, ...", "The 2003 invasion toppled ..."); not a date inside a clause
        that describes a noun, which tells that noun's past and not the story's ("Iran
        announced Monday it would exceed the limit it agreed to in the 2015 deal": the next
        paragraph's "the spokesman warned ..." is news, not 2015)."""
        return [(t.span, past_only, t) for k, (t, past_only) in enumerate(self._choices)
                if start <= t.span[0] and t.span[1] <= end and k not in self._noun_hosts
                and not self._names_an_object(self._time_roots[k])
                and not _in_noun_clause(self._time_roots[k])]

    def inherited(self, sent_span, paragraph) -> Optional[Time]:
        """A date for a sentence that has none: the last one earlier in its paragraph, the
        lead's day, or the publication date -- marked inferred."""
        if paragraph is not None:
            # the last date of the news period told earlier in the paragraph ("in 1985"
            # dates a background event, not the next sentence)
            before = [t for t in self.dated if paragraph[0] <= t.span[0] and t.span[1] <= sent_span[0]
                      and not before_news_period(t, self.reference)]
            if before:
                return dataclasses.replace(before[-1], inferred=True)
        if self._lead is not None and self._lead.span[0] < sent_span[0]:
            return dataclasses.replace(self._lead, inferred=True)
        if self.published:
            # no span in the text: the value is the publication day
            return Time(span=(0, 0), text="", value=self.published, granularity="day", type="DATE",
                        mod="PUBLICATION", inferred=True)
        return None


def _complement_of_anchor(verb, anchors: set[int]) -> bool:
    """The verb is one of the anchors, or an open complement down from one ("urged them
    to resume talks": "resume" for "urged")."""
    for _ in range(4):
        if verb.i in anchors:
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _trigger_at(c) -> int:
    """Where the event's words start in the text."""
    return min(t.idx for t in c.tokens) if getattr(c, "tokens", None) else c.head.idx


def _year_names_cited(tok, name) -> bool:
    """A bare year before a proper name that an act cites as its object ("authorized under
    the 2002 Authorization for Use of Military Force", "violated the 1994 Framework
    Agreement", a ``standing_document`` head): the year names the law or treaty. Not a weekday the parser hangs on a
    title ("On Monday Treasury Secretary X announced ..."), nor a named event told as the
    subject or setting of a story ("Then there's the 2014 Gaza War, which ...")."""
    for _ in range(5):  # "under his powers as X and the 2002 Authorization ...": a conjunct
        if name.dep_ != "conj" or name.head.i == name.i:
            break
        name = name.head
    return tok.like_num and len(tok.text) == 4 and name.dep_ in ("dobj", "pobj")


def _acting_clause(tok) -> bool:
    """A clause on a noun whose subject is that noun ("the strike that killed X", "the
    raid which destroyed the depot", "an offensive launched last week" has none)."""
    if tok.dep_ not in _NOUN_CLAUSE_DEPS or tok.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or all(ch.tag_ in ("WDT", "WP") or ch.lower_ in ("that", "which", "who") for ch in subjects)


def _in_noun_clause(tok) -> bool:
    """The token lies inside a relative clause of a noun ("the limit it agreed to in
    2015", "Lopez, who has been detained since 2014")."""
    if tok is None:
        return False
    # a relative clause only: the parser also hangs a clause after a colon on the noun
    # before it as "acl" ('His two failures: he opposed the raid in 1981')
    return any(a.dep_ == "relcl" and a.pos_ in ("VERB", "AUX") for a in [tok, *tok.ancestors])


def lead_paragraphs(doc: Document, furniture: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The prose among the first ``LEAD_PARAGRAPHS`` paragraphs: the lead whose day later
    sentences inherit. A caption there (an AP "FILE - In this 2010 file photo" printed
    twice) dates the picture, not the story; when furniture fills both the article has
    no lead day (the publication day stands in). The lead never reaches further down: the
    next prose paragraph may already recap, or name a planned act's weekday."""
    spans = list(furniture)
    return [p for p in doc.paragraphs[:LEAD_PARAGRAPHS] if not in_spans(p[0], spans)]


def _lead_date(doc: Document, dated: list[Time], leads: Optional[list[tuple[int, int]]] = None,
               reference: Optional[dt.date] = None) -> Optional[Time]:
    """The day the story's lead gives ("... on Monday, officials said"): news writing
    dates the main event once, in the opening, and later sentences about it inherit it.
    Only a day-precise date, not after the publication date, not one of a caption
    before the lead (``leads``: the lead's paragraphs, by default the first ones), and
    not one before the news period: a lead that measures the news from an old act
    ("Six months after the May 2 bombing, lawmakers ...") gives later sentences the
    news's day, not the recalled act's."""
    leads = doc.paragraphs[:LEAD_PARAGRAPHS] if leads is None else leads
    if not leads:
        return None
    lead_start, lead_end = leads[0][0], leads[-1][1]
    published = (doc.article.published or "")[:10]
    for t in sorted(dated, key=lambda t: t.span):
        if t.span[0] < lead_start:
            continue
        if t.span[0] >= lead_end:
            break
        day = (t.value or "")[:10]
        if _is_day(day) and (not published or day <= published) and not before_news_period(t, reference):
            return t
    return None


def relative_past_times(doc: Document) -> list[Time]:
    """Time expressions of an article without a reference date whose value needs one but
    that lie before the news period whatever that date is ("last month", "last year",
    "two years ago"): read against an arbitrary day, kept only as "before it", and bare
    months told in the past ("In May, the US left the deal": :func:`past_bare_months`).
    A weekday ("on Sunday") may be in the period and is left out."""
    unresolved = {t.span for t in doc.times if not t.value and t.type in ("DATE", "TIME")}
    out = []
    if unresolved:
        read = find_times(doc.article.text or "", Reference(_ANY_DAY), doc.nlp, doc.sentences or None)
        out = [t for t in read if t.span in unresolved and is_calendar_time(t) and before_news_period(t, _ANY_DAY)]
    return sorted(out + past_bare_months(doc), key=lambda t: t.span)


def vague_long_ago(doc: Document) -> list[Time]:
    """Vague "ago" expressions that reach back at least the news window ("a few weeks
    ago", "several months earlier"; :func:`sitrep.stages.times.vague_past_reach`): an act
    they date lies before the news period though its value (PAST_REF) places nothing.
    "A few days ago" may be the news itself. The unseen-article audit found "a few weeks
    ago" acts coded as news."""
    return [t for t in doc.times if duration_days(vague_past_reach(t)) >= BACKGROUND_DAYS]


_BARE_MONTH = re.compile(r"XXXX-\d{2}")


def past_bare_months(doc: Document) -> list[Time]:
    """Bare month names of an undated article told in the past tense ("In May, the US
    left the deal", "blamed Iran for attacks in May"): news writing dates the news of its
    own week by weekday or "this month" and names a month alone for what lies weeks or
    more behind it, so the act is before the news period; its year is unknown and no
    value is kept. See :func:`month_host` for what the month dates."""
    sdoc = doc.nlp
    if sdoc is None:
        return []
    out = []
    for t in doc.times:
        if t.type != "DATE" or not _BARE_MONTH.fullmatch(t.value or ""):
            continue
        span = sdoc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        host = month_host(span.root) if span is not None else None
        if host is not None and _told_in_the_past(_governing_verb(host)):
            out.append(t)
    return out


def _governing_verb(tok):
    """``tok`` if it is a verb, else the nearest verb above it ("blamed" for "attacks" in
    "blamed Iran for attacks")."""
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def month_host(tok):
    """The word a time expression dates: the verb or noun it modifies, directly or
    through its preposition ("In May, the US LEFT", "ATTACKS in May"); None if none."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    return head


def _told_in_the_past(head) -> bool:
    """A verb in the simple past or a perfect ("left", "had been", "has blamed"), not a
    present, a future or a modal."""
    if head.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [ch for ch in head.children if ch.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("MD", "TO") for a in auxes):  # "will leave", "'ll", "to leave"
        return False
    if auxes:
        # a perfect ("has blamed") or a past auxiliary ("was deployed", "had left"); a
        # present passive ("troops are deployed") is no past
        perfect = (auxes[0].lemma_ or "").lower() == "have" and head.tag_ == "VBN"
        return perfect or auxes[0].tag_ == "VBD"
    return head.tag_ == "VBD"


def reference_day(doc: Document, dated: list[Time]) -> Optional[dt.date]:
    """The day the article's news period ends: the publication day, or when there is
    none the latest day the text names, else the end of the latest month it names, else
    the end of the latest year it names."""
    published = _as_date((doc.article.published or "")[:10])
    if published is not None:
        return published
    days = [_as_date((t.value or "")[:10]) for t in dated]
    days = [d for d in days if d is not None]
    if days:
        return max(days)
    months = [period_end(t.value) for t in dated if re.fullmatch(r"\d{4}-\d{2}", (t.value or "").split("T")[0])]
    months = [m for m in months if m is not None]
    if months:
        return max(months)
    # only years: the end of the latest. An act dated by that year (or, above, that month)
    # alone then has its middle before the reference and is background: undated news
    # names bare years and months for the past and dates its news by weekday, and on the
    # allsides dev set all four such acts are gold background (reading them as news, a
    # reviewer's suggestion, took background F1 from 0.636 to 0.611)
    years = [int(t.value) for t in dated if re.fullmatch(r"\d{4}", t.value or "")]
    return dt.date(max(years), 12, 31) if years else None


def _is_day(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()


def _as_date(value: str) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(value) if _is_day(value) else None
    except ValueError:
        return None


def period_end(value: str, mod: Optional[str] = None) -> Optional[dt.date]:
    """The last day of the period a TIMEX value names: 2015 -> 2015-12-31, 2019-04 ->
    2019-04-30 ("early April" -> 2019-04-10, "mid-April" -> 2019-04-20), 2019-W05 -> its
    Sunday, a day -> itself, 197 (the 1970s) -> 1979-12-31."""
    value = (value or "").split("T")[0]
    try:
        if _is_day(value):
            return dt.date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            y, m = int(value[:4]), int(value[5:7])
            if mod in ("START", "MID"):
                return dt.date(y, m, 10 if mod == "START" else 20)
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        m = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value)
        if m:
            return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 7)
        m = re.fullmatch(r"(\d{4})-(?:Q(\d)|(SP|SU|FA|AU|WI|H\d))", value)
        if m:
            return dt.date(int(m.group(1)), 12, 31) if not m.group(2) else \
                dt.date(int(m.group(1)), min(12, int(m.group(2)) * 3), 28)
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), {"START": 4, "MID": 8}.get(mod or "", 12), 30 if mod else 31)
        if re.fullmatch(r"\d{3}", value):
            return dt.date(int(value) * 10 + 9, 12, 31)
        if re.fullmatch(r"\d{2}", value):
            return dt.date(int(value) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


# ------------------------------------------------------------------ background

def before_news_period(time: Optional[Time], reference: Optional[dt.date]) -> bool:
    """The middle of the date's period lies more than two weeks before the article's news
    reference day ("last month" in a mid-May article is April: background)."""
    if time is None or reference is None or not time.value:
        return False
    middle = period_middle(time.value, time.mod)
    return middle is not None and (reference - middle).days > BACKGROUND_DAYS


def period_middle(value: str, mod: Optional[str] = None) -> Optional[dt.date]:
    """The middle day of the period a TIMEX value names (its end for "late ...")."""
    end = period_end(value, mod)
    if end is None:
        return None
    start = period_start(value)
    if start is None or start > end or mod == "END":
        return end
    return start + (end - start) / 2


def period_start(value: str) -> Optional[dt.date]:
    value = (value or "").split("T")[0]
    try:
        if _is_day(value):
            return dt.date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        m = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value)
        if m:
            return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if re.fullmatch(r"\d{4}(?:-.*)?", value):
            return dt.date(int(value[:4]), 1, 1)
        if re.fullmatch(r"\d{3}", value):
            return dt.date(int(value) * 10, 1, 1)
    except ValueError:
        return None
    return None


def background_cue(anchors: list, cues: dict[str, frozenset[str]], simple_past: bool = False,
                   skip: Optional[int] = None) -> Optional[str]:
    """A past or habitual cue among the modifiers of the event's anchors ("previously",
    "has long", "in the past", "repeatedly", "for years", "a previous visit"): the cue,
    or None. ``skip``: the index of a modifier not to read (the clause asked about)."""
    for anchor in anchors:
        if anchor is None:
            continue
        for c in anchor.children:
            if c.i == skip:
                continue
            if c.dep_ in ("advmod", "npadvmod", "prep", "amod", "advcl") or c.dep_ == "nummod":
                if c.dep_ in ("advmod", "amod") and c.n_lefts + c.n_rights == 0:
                    words = c.lower_  # a single word: no subtree to join
                else:
                    words = " ".join(t.lower_ for t in c.subtree)
                # "met repeatedly" this week is news; "has repeatedly warned" is a habit
                for kind in (("past",) if simple_past else ("past", "habitual")):
                    for phrase in cues.get(kind, ()):
                        if words == phrase or (len(phrase.split()) > 1 and f" {phrase} " in f" {words} "):
                            return phrase
    return None


def introduced_by(c, words: frozenset[str]) -> bool:
    """The event's clause or phrase is introduced by one of ``words``: the subordinator
    of its verb's clause ("since Washington withdrew"), or the preposition whose object
    is its noun or its gerund ("since the invasion", "since leaving office")."""
    if not words:
        return False
    verb = c.head if c.is_verb else c.light
    if verb is not None and any(ch.dep_ == "mark" and ch.lower_ in words for ch in verb.children):
        return True
    head = c.head if c.light is None else c.light
    return head.dep_ in ("pobj", "pcomp") and head.head.lower_ in words


class PeriodReader:
    """Whether one event mention tells news of the article's period or background.

    "past" when the mention places the act before the news period: its own date (or the
    date of a report of it made before the period: "said in April that ..."), a past or
    habitual cue on it, a clause or phrase introduced by "since" with no date of the
    period, the content of a background statement ("has long accused X of arming
    rebels"), a named happening of history that places it ("during the Iraq war",
    ``historic_happenings.tsv``), or a past-tense sentence that goes on with a story its
    paragraph dated before the period. "news" when its own date is in the period or it is
    a verb with no date; None when it says nothing about when (an event noun may refer
    back to any earlier act).
    """

    def __init__(self, dates: DateFinder, cues: dict[str, frozenset[str]],
                 words: Optional[dict[str, frozenset[str]]] = None,
                 statement_types: Optional[frozenset[str]] = None):
        from sitrep.knowledge.cues import default_word_sets

        words = default_word_sets() if words is None else words
        #: event types told as statements to someone (types.tsv "addressed"): in the
        #: perfect they are stands of the news period ("has urged"), not recaps
        self.statement_types = _addressed_types() if statement_types is None else statement_types
        self.dates = dates
        self.cues = cues
        self.duration_preps = words.get("duration_prep", frozenset())
        self.earlier_adverbs = words.get("earlier_adverb", frozenset())
        self.earlier_measured = words.get("earlier_measured", frozenset())
        self.span_units = words.get("span_unit_plural", frozenset())
        self.long_span_nouns = words.get("long_span_noun", frozenset())
        self.stance_verbs = words.get("stance_verb", frozenset())
        self.person_relatives = words.get("person_relative", frozenset())
        self.recent_times = words.get("recent_time", frozenset())
        self.ongoing_verbs = words.get("ongoing_verb", frozenset())
        self.occasion_words = words.get("occasion_word", frozenset())
        self.occasion_quantifiers = words.get("occasion_quantifier", frozenset())
        self.occasion_nouns = words.get("occasion_noun", frozenset())
        self._long = _long_durations(dates.doc)
        self._long_ends = _long_durations(dates.doc, last_token=True)
        self._lasting = _long_durations(dates.doc, LASTING_SPAN_DAYS)
        #: spans of at least the news window ("two weeks", "a month"), last words: how far
        #: back "N earlier"/"N prior" reaches
        self._window_ends = _long_durations(dates.doc, BACKGROUND_DAYS - 1, last_token=True)
        self._long_recurrences = _long_recurrences(dates.doc)
        self._memo: dict[int, bool] = {}
        #: token index of each event trigger of the document -> its type (set by the events
        #: stage): whether a main act is a statement
        self.act_types: dict[int, str] = {}
        leads = dates.doc.paragraphs[:LEAD_PARAGRAPHS]
        #: where the story's lead ends: a perfect there tells the news ("has shut down")
        self._lead_end = leads[-1][1] if leads else 0

    def period(self, c, own: EventDate, sent_span=None, paragraph=None) -> Optional[str]:
        dates = self.dates
        if own.carried_past:
            return "past"
        if own.past or (own.time is not None and before_news_period(own.time, dates.reference)):
            return "past"  # a report made before the period tells an act at least as old
        when = None if own.reported else own.time  # the report's day says nothing of the act
        if when is not None and own.since and _starts_before(when, dates.reference):
            return "past"  # "under house arrest since January" in a May article
        verb = _clause_verb(c)
        if not dates.in_news_period(when) and self.named_happening(c) is not None:
            return "past"  # "killed soldiers during the Iraq war", "the invasion of Iraq"
        if self._cued(c) or self.governor_past(c) or self.standing(c):
            return "past"
        if self.on_every_occasion(c):
            return "past"  # "police fired tear gas every time the opposition marched": a habit
        if self._lasting_since(c):
            return "past"  # "has called on the army to back him ever since he declared ..."
        if introduced_by(c, self.cues.get("earlier", frozenset())) and not dates.in_news_period(when):
            return "past"  # "tensions have grown since Washington withdrew from the 2015 deal"
        if self.measured_back(c) and not (own.attached and dates.in_news_period(when)):
            # "a year after the junta seized power, the army ... on Monday": history told
            # from later news; a day of the sentence not attached to the act is the main act's
            return "past"
        if when is None and sent_span is not None and _narrative_past(verb) \
                and not self._names_a_news_day(sent_span) \
                and dates.narrative_past(sent_span, paragraph, _trigger_at(c)):
            return "past"
        if when is None and (self.recap(c) or self.told_as_earlier(c) or self.before_past_act(c)
                             or self.accompanies_past_act(c)):
            return "past"
        return "news" if when is not None or c.is_verb else None

    def story_date(self, c, own: EventDate, sent_span, paragraph) -> Optional[Time]:
        """The date a background act without one of its own takes from the story it goes on
        with: a past-tense sentence after a date before the news period
        (:meth:`DateFinder.story_date`). Issue 7: a background act keeps a year or month
        the text gives it, never the news day."""
        if own.time is not None or own.past or own.carried_past or sent_span is None:
            return None
        named = self.named_happening(c)
        if named is not None:
            return named[1]  # "the invasion of Iraq": 2003; "during the Iraq war": none
        if not _narrative_past(_clause_verb(c)):
            return None
        return self.dates.story_date(sent_span, paragraph, _trigger_at(c))

    def named_happening(self, c) -> Optional[tuple[HistoricHappening, Optional[Time]]]:
        """A named happening of history (``historic_happenings.tsv``) that places the act
        ("killed soldiers during the Iraq war", "after the September 11 attacks, ...") or
        that the event noun names ("the invasion of Iraq toppled ..."), ended before the
        news period: (happening, its date when it is one year or one day and the act is
        it or lies in it, else None)."""
        reference = self.dates.reference
        if reference is None:
            return None
        for tokens, head in _placing_spans(c):
            for happening, first, last in _happenings_in(tokens):
                if head is not None and not first.i <= head.i <= last.i:
                    continue
                end = period_end(happening.end)
                if end is None or (reference - end).days <= BACKGROUND_DAYS:
                    continue  # the happening reaches the news period: "the Iraq war" in 2007
                # its date is the act's when the act is it or lies in it ("in", "during"),
                # not after or before it
                dated = head is not None or tokens[0].lower_ in self.dates.setting_preps
                return happening, _happening_time(happening, first, last) if dated else None
        return None

    def recap(self, c) -> bool:
        """An undated act told in the present perfect after the story's lead ("Iran has sent
        troops to Syria", "thousands have died in the fighting"): the article's body recaps
        what happened before its news; the lead tells the news itself in the perfect
        ("Russia has shut down a line"), a statement in the perfect is a stand of the
        period ("has urged") unless a relative clause introduces a participant by it
        ("the senator, who has urged changes, said ..."), and a quote speaks in its own
        time."""
        verb = _clause_verb(c)
        if verb is None or (c.type in self.statement_types
                                and not _describes_participant(verb, self.person_relatives)):
            return False  # "has urged", "have called on": a stand taken in the period
        if not c.is_verb and getattr(c, "governor", None) is not None:
            return False  # "have condemned the shelling": the content's time is the statement's
        return self._recap_verb(verb)

    def _recap_verb(self, verb) -> bool:
        """The verb is an undated present perfect of the article's body (:meth:`recap`),
        not a report's content ("says it has destroyed the tunnels") nor inside a quote."""
        if verb.idx < self._lead_end or not _present_perfect(verb):
            return False
        if verb.dep_ == "ccomp":
            return False  # "says it has destroyed the tunnels": a report of the period
        if self.dates.in_direct_quote(verb.idx):
            return False
        if any(ch.dep_ == "advmod" and ch.lower_ in self.recent_times for ch in verb.children):
            return False  # "have recently suffered losses": the news window itself
        if self._ongoing(verb):
            return False  # "talks have continued", "have been holding talks": still going on
        return not self._period_time_in(verb.sent)

    def _ongoing(self, verb) -> bool:
        """A present perfect that reaches the report: progressive ("have been holding
        talks") or a verb of continuing ("talks have continued", "the fighting has
        intensified"). A long duration on it ("for two years") is read apart (:meth:`_cued`)."""
        if (verb.lemma_ or "").lower() in self.ongoing_verbs:
            return True
        return verb.tag_ == "VBG" and any(ch.dep_ == "aux" and ch.lower_ == "been" for ch in verb.children)

    def _period_time_in(self, sent) -> bool:
        """The sentence names a time that may lie in the news period."""
        return any(sent.start_char <= t.span[0] < sent.end_char and self._of_the_period(t)
                   for t in self.dates.doc.times)

    def before_past_act(self, c) -> bool:
        """An undated act introduced by "after" or "following" on a main act told as
        background ("hundreds have been killed after protesting", "were jailed following
        the riots" in a recap): it came before an act already before the news period.
        A statement in the perfect is a stand of the period ("has urged calm after the
        clashes"), whose occasion may be the news."""
        return self._past_host(_main_act(c, self.cues.get("before_main", frozenset())))

    def accompanies_past_act(self, c) -> bool:
        """An undated participle adjunct of a main act told as background ("has repeatedly
        praised him, calling him a great ally", "pulled out in 2011, handing the base to
        ..."): the participle tells the same act at the same time."""
        return self._past_host(_participle_host(c))

    def _past_host(self, host) -> bool:
        """The main act is told as background: a body recap in the perfect (not a
        statement, whose perfect is a stand of the period), an earlier past perfect, a
        date before the news period on it, or a past or habitual cue."""
        if host is None:
            return False
        recap = self.act_types.get(host.i) not in self.statement_types and self._recap_verb(host)
        return recap or self._earlier_verb(host) or self.dates.dated_before(host) \
            or background_cue([host], self.cues, host.tag_ == "VBD") is not None

    def told_as_earlier(self, c) -> bool:
        """An undated act told in the past perfect ("the leaders had been critical of him",
        "had lagged behind in its measures"): the pluperfect places it before the time the
        story tells (docs/annotation.md 7). Not a report's backshifted content ("said the
        troops had withdrawn", "and that he had been captured", "denied claims that he had
        surrendered": the content may be the news), not a subordinate clause that only
        orders two acts of the story ("after the assault had ceased, jets struck"), not
        inside a quote, not in the story's lead (which tells the news, also in the past
        perfect: "had spoken by phone and discussed a meeting"), and not in a sentence
        that names a time of the period ("had left by Sunday")."""
        verb = _clause_verb(c)
        if verb is None and c.head.dep_ == "acomp":
            verb = c.head.head  # "had been critical of him": the adjective's copula
        return verb is not None and self._earlier_verb(verb)

    def _earlier_verb(self, verb) -> bool:
        """The verb is an undated past perfect after the lead that orders no two acts of
        the story and reports no content (:meth:`told_as_earlier`)."""
        if not _past_perfect(verb) or verb.idx < self._lead_end:
            return False  # the lead tells the news, also in the past perfect
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # "announced that X had struck and that Y had been captured"
        if clause.dep_ in _CONTENT_OR_ORDERING_DEPS:
            return False
        if self.dates.in_direct_quote(verb.idx):
            return False
        return not self._period_time_in(verb.sent)

    def standing(self, c) -> bool:
        """A verb of accusation or argument in the simple present after the story's lead
        ("The West accuses Moscow of arming the rebels", "He argues that ..."): a standing
        position, not an act of the news period, which a report tells in the past; the
        lead and headlines tell news in the present, and a quote speaks in its own time."""
        verb = c.head
        if not c.is_verb or verb.tag_ not in ("VBZ", "VBP") or verb.idx < self._lead_end:
            return False
        if (verb.lemma_ or "").lower() not in self.stance_verbs or verb.dep_ not in ("ROOT", "conj"):
            return False
        if any(ch.dep_ in ("aux", "auxpass", "neg") for ch in verb.children):
            return False  # "does not accuse", "is accusing": not the plain habitual form
        if self.dates.in_direct_quote(verb.idx):
            return False
        sent = verb.sent
        return not any(sent.start_char <= t.span[0] < sent.end_char and self._of_the_period(t)
                       for t in self.dates.doc.times)

    def _names_a_news_day(self, sent_span) -> bool:
        """The sentence names a day that may lie in the news period: a weekday an undated
        article cannot place ("which was seized on Sunday"), a date in the period. It tells
        news of its own, not the older story its paragraph told before. ("now" is no day:
        "X is now re-imposing sanctions, despite objections from Y, who signed the 2015
        deal" still goes on with the old story in its other clause.)"""
        return any(sent_span[0] <= t.span[0] < sent_span[1] and t.type in ("DATE", "TIME")
                   and t.value and not t.value.endswith("_REF") and self._of_the_period(t)
                   for t in self.dates.doc.times)

    def _of_the_period(self, time: Time) -> bool:
        """The time may lie in the news period: a date in it, a weekday or a relative day
        the article cannot place ("scheduled for Friday"), "now", or a stretch no longer
        than the news window ("in recent weeks")."""
        if time.type == "DURATION":
            return 0 < duration_days(time.value) <= BACKGROUND_DAYS
        if time.type not in ("DATE", "TIME"):
            return False
        if is_calendar_time(time):
            return not before_news_period(time, self.dates.reference)
        value = time.value or ""
        return value in ("", "PRESENT_REF") or value.startswith("XXXX")

    def on_every_occasion(self, c) -> bool:
        """The act is told as a habit by a clause quantified over occasions: it is in that
        clause ("whenever the opposition marched", "each time rebels shelled the town")
        or in the clause it goes with ("police fired tear gas every time ..."); annotation
        7, "habitual or generic". Not under a modal or an infinitive ("will respond
        whenever ...", "would strike every time ...", "ready to strike any time", "so that
        they may strike any time ...": promises and possibilities), and not in a sentence
        that names a time of the news period ("warned on Monday")."""
        verb = _clause_verb(c)
        if verb is None or not (self.occasion_words or self.occasion_quantifiers):
            return False
        if _possible(verb) or self._period_time_in(verb.sent):
            return False  # "will retaliate every time", "may strike whenever", "warned on Monday"
        clauses = set()
        for tok in verb.sent:
            if not self._occasion_marker(tok):
                continue
            marked = tok.head
            if _possible(marked) or _infinitive(marked):
                continue  # "so that they may strike any time", "ready to strike any time": possible
            if marked.dep_ in ("advcl", "ccomp") and _possible(marked.head):
                continue  # "would shell the camps every time mortars are fired": a threat's condition
            clauses.add(marked.i)
            clauses.update(ch.i for ch in tok.children if ch.dep_ == "relcl")  # "any time X crosses"
            if self._accompanied_act(marked):
                clauses.add(marked.head.i)  # the main act the quantified clause goes with
        return verb.i in clauses

    def _accompanied_act(self, clause) -> bool:
        """The quantified clause modifies a main act that is told as habitual with it
        ("every time the opposition marched, police fired"): an adverbial clause, or the
        fronted clause the parser hangs as a complement; not a statement's content ("warned
        that Israel would strike every time ..."): the statement is one act of the period."""
        head = clause.head
        if head.pos_ not in ("VERB", "AUX") or _possible(head):
            return False
        if self.act_types.get(head.i) in self.statement_types:
            return False
        return clause.dep_ == "advcl" or (clause.dep_ == "ccomp" and clause.i < head.i)

    def _occasion_marker(self, tok) -> bool:
        """"whenever", or "every / each / any time (occasion)" as an adverbial."""
        if tok.lower_ in self.occasion_words and tok.dep_ in ("advmod", "mark"):
            return True
        return tok.lower_ in self.occasion_nouns and tok.dep_ in ("npadvmod", "advmod", "dobj") \
            and any(d.dep_ == "det" and d.lower_ in self.occasion_quantifiers for d in tok.children)

    def _lasting_since(self, c) -> bool:
        """A verb in the perfect with a "since" clause runs from that earlier act to now
        ("has urged the army to back him since he declared himself president"), unless
        the clause is dated in the news period ("since the vote on Sunday"). The parser
        may hang the clause on the verb's infinitive instead of the verb."""
        verb = _clause_verb(c)
        since = self.cues.get("earlier", frozenset())
        if verb is None or not since or not _perfect(verb):
            return False
        for head in [verb] + [ch for ch in verb.children if ch.dep_ == "xcomp"]:
            for clause in head.children:
                if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in since
                                                    for m in clause.children):
                    continue
                start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
                if not any(start <= t.span[0] < end and self.dates.in_news_period(t) for t in self.dates.dated):
                    return True
        return False

    def measured_back(self, c) -> bool:
        """The act is history told relative to a later act (docs/annotation.md 7, "marked
        as earlier"): it comes a long span before its main act (:meth:`after_long_span`), or
        it is in a "when" clause of a main clause dated before the news period ("two years
        ago, when rebels held the town, ..."). The main act itself stays as it is read."""
        return self.after_long_span(c) or self.in_past_time_clause(c)

    def after_long_span(self, c) -> bool:
        """The act is in a clause or phrase that a span longer than the news window
        measures back from the main act ("nearly a year after the envoy walked out of the
        talks, the two sides met", "six months since the flood", "two years following the
        coup"): a date of the sentence not attached to the act is the main act's. Not when
        the main act is a possibility or a promise ("a year after the deal expires,
        sanctions will return": the span runs forward), nor for a span inside the news
        window ("a day after the strike, the army retreated"), nor for the length of the
        main act ("jailed him for two years after he criticised ...")."""
        measured = self.cues.get("measured_from", frozenset())
        for tok in _adverbial_path(c.head):
            main = self._measured_span(tok, measured)
            if main is not None:
                return not _possible(main)
        return False

    def measured_date(self, c, sent_span, paragraph) -> Optional[Time]:
        """The date of an act that a counted span measures back from its main act ("two
        days after the election, police arrested him on Monday", "nearly a year after he
        walked out of the talks, ..."), issue 7 item 6: the main act's date less the span,
        at the finest granularity the span and the main act's date both support
        (:func:`measured_back_from`): a day for "a day after" a dated act, a year for "a
        year after". The main act's date is one the parse attaches to its verb outside the
        measured clause, else -- when the sentence tells no earlier story -- the date the
        sentence inherits (then the result is marked inferred too). None when the span has
        no count ("months after"), the main act is only possible ("a year after the deal
        expires, sanctions will return") or the span gives the main act's length ("jailed
        him for two years after ...")."""
        measured = self.cues.get("measured_from", frozenset())
        for tok in _adverbial_path(c.head):
            found = self._span_and_main(tok, measured)
            if found is None:
                continue
            span, main = found
            if _possible(main) or (span.dep_ == "pobj" and span.head.lower_ in self.duration_preps):
                return None
            duration = self._duration_ending_at(span)
            anchor = self._main_act_date(main, tok, sent_span, paragraph) if duration is not None else None
            return measured_back_from(anchor, duration) if anchor is not None else None
        return None

    def _duration_ending_at(self, span) -> Optional[Time]:
        """The counted duration whose last word is ``span`` ("a year", "two days")."""
        end = span.idx + len(span.text)
        return next((t for t in self.dates.doc.times
                     if t.type == "DURATION" and t.span[1] == end and _COUNTED_SPAN.fullmatch(t.value or "")), None)

    def _main_act_date(self, main, clause, sent_span, paragraph) -> Optional[Time]:
        """The date of the main act a measured clause hangs from: the nearest date of the
        sentence, outside that clause, the parse attaches to the main verb; else the date
        the sentence inherits, unless the sentence goes on with an earlier story."""
        dates = self.dates
        inside = [t.idx for t in clause.subtree]
        low, high = min(inside), max(t.idx + len(t.text) for t in clause.subtree)
        best = None
        for k in dates.in_sentence(sent_span):
            time, past_only = dates._choices[k]
            if past_only or (low <= time.span[0] and time.span[1] <= high):
                continue
            if dates._owner(k, {main.i}, set(), main.idx) == "own" and (
                    best is None or abs(time.span[0] - main.idx) < abs(best.span[0] - main.idx)):
                best = time
        if best is not None:
            return best
        if dates.narrative_past(sent_span, paragraph, main.idx):
            return None
        return dates.inherited(sent_span, paragraph)

    def in_past_time_clause(self, c) -> bool:
        """The act is in a "when" clause whose main clause is dated before the news period
        or cued as past ("two years ago, when gunmen held the town, ...", "In 2015, when
        ..."): the clause tells the time of that main clause, and takes its date."""
        time_clause = self.cues.get("time_clause", frozenset())
        for tok in _adverbial_path(c.head):
            if tok.dep_ == "advcl" and any(ch.dep_ in ("advmod", "mark") and ch.lower_ in time_clause
                                           for ch in tok.children):
                main = tok.head  # its cue is read outside the clause: not the clause's own
                return self.dates.dated_before(main) or \
                    background_cue([main], self.cues, main.tag_ == "VBD", skip=tok.i) is not None
        return False

    def _measured_span(self, tok, words: frozenset[str]):
        """The main act a clause or phrase measured back by a long span hangs from: "seized"
        under "a year after" ("a year after rebels seized the town, the army ..."), the
        verb "six months after the invasion" modifies; None for anything else. The span is
        the words just before the subordinator or the preposition: a duration longer than
        the news window ("nearly a year", "18 months") or a bare plural unit ("months
        after"); the parser hangs it on the clause's verb, the preposition or the main verb."""
        found = self._span_and_main(tok, words)
        if found is None:
            return None
        span, main = found
        if span.i not in self._long_ends and not (span.tag_ == "NNS" and span.lower_ in self.long_span_nouns):
            return None
        if span.dep_ == "pobj" and span.head.lower_ in self.duration_preps:
            return None  # "jailed him for two years after he criticised ...": the main act's length
        return main

    @staticmethod
    def _span_and_main(tok, words: frozenset[str]):
        """(the last word of the span, the main act) when ``tok`` is a clause or phrase
        introduced by one of ``words`` right after a span of time ("a day after the vote",
        "two years after rebels seized the town"), of any length; else None."""
        if tok.dep_ == "advcl":
            marker = next((ch for ch in tok.children if ch.dep_ == "mark" and ch.lower_ in words), None)
        else:
            marker = tok if tok.dep_ == "prep" and tok.lower_ in words else None
        if marker is None or marker.i == 0:
            return None
        span = marker.doc[marker.i - 1]
        main = tok.head
        return span, (main.head if main.i == span.i else main)  # "months following the bombing": the span's verb

    def _cued(self, c) -> bool:
        """A past or habitual cue, or a long duration, on the event word, its light verb,
        the verb that carries it, or the clause it belongs to ("border militias have
        usually answered a truce by raiding the next village", "has for a year been trying
        to take")."""
        verb = _clause_verb(c)
        simple_past = verb is not None and verb.tag_ == "VBD"
        if self._lasting_span(c.head):
            return True  # "months of protests", "two years of war"
        anchors = [c.head, c.light, _carrier(c), _governing_clause(verb)]
        if background_cue(anchors, self.cues, simple_past) is not None:
            return True
        for anchor in anchors:
            if anchor is None:
                continue
            for ch in anchor.children:
                if ch.dep_ == "advmod" and ch.lower_ in self.earlier_adverbs and not list(ch.children):
                    return True  # "had gone after them with sanctions before"
                if self._measured_earlier(ch):
                    return True  # "weeks earlier, he had told the generals to ..."
                if ch.i in self._long_recurrences and ch.dep_ in ("advmod", "npadvmod"):
                    # "travelled to Beijing monthly", "meet every year": a habit; "the annual
                    # summit this weekend" names one meeting of a series
                    return True
                if ch.dep_ == "prep" and ch.lower_ in self.duration_preps \
                        and any(g.i in self._long for g in ch.children if g.dep_ == "pobj"):
                    return True  # "has fought for two years", "over the past decade"
        return False

    def _measured_earlier(self, adverb) -> bool:
        """An adverb of earlier time measured by a span of at least the news window ("weeks
        earlier", "two months prior", "three years before"): the act lies that long before
        the time the story tells, itself at latest the report's. A shorter span ("two days
        earlier") stays inside the news window."""
        if adverb.dep_ != "advmod" or adverb.lower_ not in self.earlier_measured:
            return False
        return any(ch.dep_ == "npadvmod" and (ch.i in self._window_ends or ch.lower_ in self.span_units)
                   for ch in adverb.children)

    def _lasting_span(self, head) -> bool:
        """An event noun measured by a span longer than the news window: the object of
        "of" after "months", "decades" or a long duration ("two years of war")."""
        if head.dep_ != "pobj" or head.head.lower_ != "of" or head.head.dep_ != "prep":
            return False
        span = head.head.head
        return span.lower_ in self.long_span_nouns or span.i in self._lasting

    def governor_past(self, c) -> bool:
        """The act is the content of a statement made before the period or habitually
        ("has repeatedly accused Moscow of sending troops")."""
        gov = getattr(c, "governor", None)
        if gov is None:
            return False
        if id(gov) not in self._memo:
            self._memo[id(gov)] = False  # a guard against cycles while it is read
            self._memo[id(gov)] = self._cued(gov) or self.recap(gov) or self.standing(gov) \
                or self.governor_past(gov)
        return self._memo[id(gov)]


def _placing_spans(c):
    """(tokens, head) to look for a named happening in: the phrases of time on the act's
    word, light verb, carrier and clause verb ("during the Iraq war"; head None), and an
    event noun's own phrase, which must hold the noun ("the invasion of Iraq")."""
    out = []
    if not c.is_verb:
        out.append((list(c.head.subtree), c.head))
    for host in dict.fromkeys(h for h in (c.head, c.light, _carrier(c), _clause_verb(c)) if h is not None):
        out.extend((list(ch.subtree), None) for ch in host.children
                   if ch.dep_ in ("prep", "advmod", "npadvmod") and c.head not in ch.subtree)
    # a phrase that holds the act itself says what it is about, not when it was ("played
    # the same game with their refusal to accept the Holocaust")
    return out


def _happenings_in(tokens):
    """(happening, first token, last token) of each named happening in ``tokens``: the
    whole phrase, ending on its head ("the Holocaust memorial" names a memorial)."""
    words = [t.lower_ for t in tokens]
    for happening in load_historic_happenings():
        n = len(happening.words)
        for i in range(len(words) - n + 1):
            if tuple(words[i:i + n]) == happening.words and tokens[i + n - 1].dep_ not in ("compound", "amod"):
                yield happening, tokens[i], tokens[i + n - 1]


def _happening_time(happening, first, last) -> Optional[Time]:
    """The happening's date when it is one value (a year or a day), spanning its name."""
    if happening.start != happening.end:
        return None
    return Time(span=(first.idx, last.idx + len(last)), text=first.doc[first.i:last.i + 1].text,
                value=happening.start, granularity="year" if len(happening.start) == 4 else "day",
                type="DATE", inferred=True)


def named_happening_spans(doc: Document) -> list[tuple[HistoricHappening, tuple[int, int]]]:
    """Every named happening of history in the text, with its character span."""
    sdoc = doc.nlp
    if sdoc is None:
        return []
    return [(h, (first.idx, last.idx + len(last))) for h, first, last in _happenings_in(list(sdoc))]


def _possible(verb) -> bool:
    """The verb carries a modal ("will", "would", "may", "could", "can"): it tells a
    possibility or a promise, not a habit ("would" as a past habit is read as the more
    common conditional)."""
    return any(ch.tag_ == "MD" for ch in verb.children)


def _infinitive(verb) -> bool:
    """A "to" infinitive ("ready to strike", "vowed to respond"): a potential act."""
    return any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children)


def _ranks(tok) -> bool:
    """A superlative or an ordinal ("largest", "most", "first", "second")."""
    return tok.tag_ in ("JJS", "RBS") or tok.ent_type_ == "ORDINAL"


def _ranked_noun(noun) -> bool:
    """A noun with a superlative or an ordinal on it ("its highest point", "the first time")."""
    return _ranks(noun) or any(ch.dep_ in ("amod", "advmod") and _ranks(ch) for ch in noun.children)


#: prepositions of a level reached or held ("climbed TO its highest point", "stood AT its
#: highest", "FOR the first time"): a ranked noun after them is a record
_LEVEL_PREPS = frozenset({"to", "at", "for"})


def _levels(verb) -> list:
    """The nouns a verb reaches or is ("point" in "climbed to its highest point", "day" in
    "it was the worst day"): its attribute and the objects of its prepositions of level.
    Not its direct object: "has held the largest island since 2008" is no record."""
    out = [ch for ch in verb.children if ch.dep_ in ("attr", "oprd")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _LEVEL_PREPS:
            out.extend(g for g in prep.children if g.dep_ == "pobj")
    return out


def _object_of(noun, anchors: set[int]) -> bool:
    """The noun is the object of the event's own verb ("quit the 1987 treaty": a pattern's
    second word), not the event word."""
    return noun.head.i in anchors and noun.head.i != noun.i and noun.dep_ in ("dobj", "pobj", "nsubjpass", "attr")


def _long_durations(doc: Document, days: int = BACKGROUND_DAYS, last_token: bool = False) -> set[int]:
    """Token indices of the heads (with ``last_token``, the last words) of durations
    longer than ``days`` (by default the news window: "two years", "months", "more than a
    year")."""
    sdoc = doc.nlp
    out: set[int] = set()
    if sdoc is None:
        return out
    for t in doc.times:
        if t.type == "DURATION" and duration_days(t.value) > days:
            span = sdoc.char_span(t.span[0], t.span[1], alignment_mode="expand")
            if span is not None:
                out.add(span[-1].i if last_token else span.root.i)
    return out


def _long_recurrences(doc: Document, days: int = LASTING_SPAN_DAYS // 3) -> set[int]:
    """Token indices of the heads of recurrences whose step is a month or more ("monthly",
    "every year", "annually"): an act repeated that way spans more than the news window.
    A daily or weekly one ("protesters march daily") may all lie inside it."""
    sdoc = doc.nlp
    out: set[int] = set()
    if sdoc is None:
        return out
    for t in doc.times:
        if t.type == "SET" and duration_days(t.value) >= days:
            span = sdoc.char_span(t.span[0], t.span[1], alignment_mode="expand")
            if span is not None:
                out.add(span.root.i)
    return out


_DURATION = re.compile(r"P(\d+|X)(DE|CE|Y|M|W|D)")
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365, "DE": 3650, "CE": 36500}


def duration_days(value: Optional[str]) -> int:
    """Roughly how many days a TIMEX duration lasts ("P2Y" 730, "PXM" -- some months -- 60);
    0 for anything else (clock durations, sets)."""
    m = _DURATION.fullmatch(value or "")
    if m is None:
        return 0
    count = 2 if m.group(1) == "X" else int(m.group(1))
    return count * _UNIT_DAYS[m.group(2)]


#: a duration with a count, "P2Y" ... "P1D": a span an act can be measured back by
_COUNTED_SPAN = re.compile(r"P(\d+)(Y|M|W|D)")
#: how loosely news counts a span, in days per unit counted: "a year after" may be ten or
#: fourteen months, "two days after" is two days; a span with a modifier ("nearly a
#: year", "more than six months") twice as loosely
_SPAN_SLACK_DAYS = {"Y": 60, "M": 7, "W": 1, "D": 0}


def measured_back_from(anchor: Time, duration: Time) -> Optional[Time]:
    """The date a counted span before ``anchor`` names, as a TIMEX value at the finest
    granularity (day, month, year) its whole window of doubt falls in: the anchor's own
    period plus the span's slack (``_SPAN_SLACK_DAYS``). "a day" before 2019-10-14 is
    2019-10-13, "a year" before it 2018, "three years" before it nothing (its window
    crosses a new year). Marked inferred when the anchor was."""
    m = _COUNTED_SPAN.fullmatch(duration.value or "")
    start, end = period_start(anchor.value or ""), period_end(anchor.value or "", anchor.mod)
    if m is None or start is None or end is None or end < start:
        return None
    count, unit = int(m.group(1)), m.group(2)
    slack = count * _SPAN_SLACK_DAYS[unit] * (2 if duration.mod else 1)
    low, high = _shifted(start, count, unit) - dt.timedelta(days=slack), _shifted(end, count, unit) + dt.timedelta(days=slack)
    if low == high:
        value, granularity = low.isoformat(), "day"
    elif (low.year, low.month) == (high.year, high.month):
        value, granularity = f"{low.year:04d}-{low.month:02d}", "month"
    elif low.year == high.year:
        value, granularity = f"{low.year:04d}", "year"
    else:
        return None
    return Time(span=duration.span, text=duration.text, value=value, granularity=granularity, type="DATE",
                inferred=anchor.inferred)


def _shifted(day: dt.date, count: int, unit: str) -> dt.date:
    """The day ``count`` units before ``day`` (the last day of a shorter month)."""
    if unit in ("Y", "M"):
        months = count * (12 if unit == "Y" else 1)
        index = day.year * 12 + day.month - 1 - months
        year, month = index // 12, index % 12 + 1
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(year, month, min(day.day, last))
    return day - dt.timedelta(days=count * (7 if unit == "W" else 1))


def _starts_before(time: Time, reference: Optional[dt.date]) -> bool:
    """The period a date names starts more than two weeks before the news reference."""
    start = period_start(time.value or "")
    return start is not None and (reference is None or (reference - start).days > BACKGROUND_DAYS)


def _adverbial_path(tok):
    """The token and its heads up to the first adverbial clause or the sentence's root,
    both included: where a clause or phrase that sets the act's time can hang ("seized"
    and "after" for "rebels" in "a year after rebels seized the town, ...")."""
    while True:
        yield tok
        if tok.dep_ in ("ROOT", "advcl") or tok.head.i == tok.i:
            return
        tok = tok.head


def _governing_clause(verb):
    """The clause an infinitive or a participial phrase belongs to: "trying" for "trying
    to take", "answered" for "answered ... by raiding"."""
    if verb is None:
        return None
    if verb.dep_ == "xcomp":
        return verb.head
    if verb.dep_ in ("pcomp", "pobj") and verb.head.dep_ == "prep":
        return verb.head.head
    return None


def _carrier(c):
    """The verb an event noun is the subject or object of ("launched an attack"), or
    whose prepositional phrase it fills ("went after them with sanctions")."""
    if c.head.dep_ in ("dobj", "nsubj", "nsubjpass", "xcomp", "attr"):
        return c.head.head
    if c.head.dep_ == "pobj" and c.head.head.dep_ == "prep" and c.head.head.head.pos_ in ("VERB", "AUX"):
        return c.head.head.head
    return None


def _main_act(c, words: frozenset[str]):
    """The verb of the main clause whose "after ..." clause or phrase holds the event
    ("killed" for "have been killed after protesting", "jailed" for "were jailed following
    the riots"); None when the event is not introduced by one of ``words``."""
    if not words:
        return None
    verb = c.head if c.is_verb else c.light
    if verb is not None and verb.dep_ == "advcl" and any(ch.dep_ == "mark" and ch.lower_ in words
                                                         for ch in verb.children):
        return verb.head
    head = c.head if c.light is None else c.light
    prep = head.head
    if head.dep_ in ("pobj", "pcomp") and prep.dep_ == "prep" and prep.lower_ in words \
            and prep.head.pos_ in ("VERB", "AUX"):
        return prep.head
    return None


def _participle_host(c):
    """The main verb a participle adjunct without its own subject or subordinator hangs
    from ("calling" in "has praised him, calling him an ally"); None for anything else."""
    verb = c.head if c.is_verb else c.light
    if verb is None or verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.head.i == verb.i:
        return None
    if any(ch.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for ch in verb.children):
        return None  # "while calling", "he said, calling", "is calling"
    return verb.head if verb.head.pos_ in ("VERB", "AUX") else None


def clause_verb(c):
    """The verb of the event's clause: its own verb, the light verb of its noun, or the
    verb that carries the noun ("launched" for "launched an attack")."""
    return c.head if c.is_verb else (c.light or _carrier(c))


_clause_verb = clause_verb


def _perfect(verb) -> bool:
    """A verb in the present or past perfect ("has urged", "had been trying")."""
    return verb.tag_ in ("VBN", "VBG") and any(
        ch.dep_ == "aux" and ch.lower_ in ("has", "have", "had", "'s", "'ve", "'d") for ch in verb.children)


def _past_perfect(verb) -> bool:
    """A verb in the past perfect ("had left", "had been trying", "had been seized")."""
    auxes = _auxiliaries(verb)
    shared = bool(auxes) and auxes[0].head.i != verb.i
    return (verb.tag_ in ("VBN", "VBG") or (shared and verb.tag_ == "VBD")) and any(
        ch.dep_ == "aux" and ch.lower_ in ("had", "'d") for ch in auxes)


def _auxiliaries(verb) -> list:
    """The verb's auxiliaries, or for a second conjunct without its own auxiliary or
    subject those of the first ("have stormed two prisons and freed the inmates": "freed"
    is a present perfect too)."""
    own = [ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
    first = verb
    while not own and first.dep_ == "conj" and first.head.i != first.i \
            and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in first.children):
        first = first.head
        own = [ch for ch in first.children if ch.dep_ in ("aux", "auxpass")]
    return own


def auxiliary_leader(c):
    """The first conjunct whose auxiliary the event's clause verb borrows ("warned" for
    "arrested" in "have warned the crowd and arrested dozens"), or None: the two verbs
    are one clause in one tense and share one reading of time (:func:`_auxiliaries`)."""
    verb = _clause_verb(c)
    if verb is None:
        return None
    auxes = _auxiliaries(verb)
    if auxes:
        return auxes[0].head if auxes[0].head.i != verb.i else None
    # no auxiliary anywhere: a simple tense shared with the first conjunct ("condemned
    # the shelling on Tuesday and asked Orvalo for help": asked on Tuesday too)
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("VERB", "AUX") \
            and first.tag_ == first.head.tag_ \
            and not any(ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for ch in first.children):
        first = first.head
    return first if first.i != verb.i else None


@functools.lru_cache(maxsize=1)
def _addressed_types() -> frozenset[str]:
    from sitrep.knowledge.plover import load_type_rules

    return frozenset(t for t, rule in load_type_rules().items() if "addressed" in rule.classes)


def _describes_participant(verb, person_relatives: frozenset[str]) -> bool:
    """The verb heads a relative clause that introduces a person ("Doe, who has urged new
    sanctions, ..."): the clause tells who they are by what they did before; the main
    clause, not the relative one, tells the news."""
    if verb.dep_ != "relcl":
        return False
    # "who has urged", "whom he has praised", "whose party has backed"
    pronouns = [ch for ch in verb.children] + [t for ch in verb.children for t in ch.children if t.dep_ == "poss"]
    return any(t.lower_ in person_relatives for t in pronouns)


def _present_perfect(verb) -> bool:
    """A verb in the present perfect, simple or progressive, active or passive ("has sent",
    "have been killed", "has been warning"); not a modal ("would have sent")."""
    auxes = _auxiliaries(verb)
    shared = bool(auxes) and auxes[0].head.i != verb.i
    # the parser tags a second conjunct's participle as a past ("have stormed ... and freed")
    if verb.tag_ not in ("VBN", "VBG") and not (shared and verb.tag_ == "VBD"):
        return False
    # "'s" is "has" only as a perfect auxiliary ("it's been shelled"), not "is" ("it's destroyed")
    return bool(auxes) and auxes[0].dep_ == "aux" and auxes[0].lower_ in ("has", "have", "'s", "'ve") \
        and auxes[0].tag_ in ("VBZ", "VBP")


def _narrative_past(verb) -> bool:
    """A verb in the simple past or the past perfect ("led", "had led", "was led")."""
    if verb is None:
        return False
    auxes = [ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]
    if not auxes:
        return verb.tag_ == "VBD"
    return auxes[0].tag_ == "VBD" and not any(a.tag_ == "MD" for a in auxes)
