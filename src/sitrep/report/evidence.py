"""The rows a brief is built from, read once from the store for the articles in scope.

Only articles in scope reach this module (see ``scope.py``), so a mention from an article
about something else can never be cited. Events flagged ``background`` (history,
habitual or generic mentions) are dropped here, before any section sees them. Each kept
event says whether it *involves* the subject: the subject is its source, target or
place, or the event's sentence names it.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from sitrep.corpus.days import day_of, event_day  # noqa: F401 (re-exported)
from sitrep.corpus.outlets import outlet_label_sql
from sitrep.knowledge.report_terms import load_report_terms
from sitrep.report.linkcards import in_link_card, runs_into_card
from sitrep.report.roles import adjectival_trigger, role_in_context
from sitrep.report.scope import Period, Scope, Subject

_ARTICLE_IDS = "(SELECT unnest(?::VARCHAR[]) AS article_id)"
#: how an article's outlet is named (the outlet, else its site, file name or id: corpus/outlets.py)
OUTLET_LABEL = outlet_label_sql("a")
OUTLET = OUTLET_LABEL + " AS outlet"
#: the date expressions of each event's sentence when the event has no date of its own
#: (an undated event recalled "in 2011": ``recalled_day``); over the CTEs ``ids`` and ``ev``
_DATED = """dated AS (
        SELECT ev.event_id, list(t.value ORDER BY t.start_char) AS sentence_dates
        FROM ev JOIN (SELECT t.* FROM times t JOIN ids USING (article_id)) t
          ON t.article_id = ev.article_id AND t.start_char >= ev.sentence_start AND t.start_char < ev.sentence_end
        WHERE coalesce(ev.date_text, '') = '' AND t.value IS NOT NULL
        GROUP BY ev.event_id)"""

#: the events of the articles in scope (CTE ``ids``), filled in by ``scoped``: by rowid in
#: a DuckDB file (filtering the events on article_id made DuckDB read the sentence and
#: JSON columns of every event, a third of the brief's query time on a 4,000-article
#: store), by article_id where the events are a view over Parquet (no rowid; row-group
#: statistics do that job)
_SCOPED_EVENTS = "{_SCOPED_EVENTS}"
_BY_ROWID = "FROM events e WHERE e.rowid IN (SELECT x.rowid FROM events x JOIN ids USING (article_id))"
_BY_ARTICLE = "FROM events e WHERE e.article_id IN (SELECT article_id FROM ids)"


def scoped(store, sql: str) -> str:
    """The query with the in-scope events read the cheapest way this store allows."""
    views = store.con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'events' "
                              "AND NOT internal").fetchone()[0]
    return sql.replace(_SCOPED_EVENTS, _BY_ARTICLE if views else _BY_ROWID)


EVENT_SQL = f"""
    WITH ids AS {_ARTICLE_IDS},
    ev AS (SELECT e.* {_SCOPED_EVENTS}),
    -- roles and place as the event's own sentence supports them (see ``supported``): the
    -- actor and place mentions of the articles in scope only, joined to the sentences
    said AS (
        SELECT ev.event_id,
               bool_or(x.name = ev.source_name) AS source_in_sentence,
               bool_or(x.name = ev.target_name) AS target_in_sentence,
               bool_or(x.text = ev.place_name AND NOT coalesce(x.locative, false)) AS place_as_actor,
               bool_or(x.text = ev.place_name AND coalesce(x.locative, false)) AS place_as_locative,
               any_value(x.country) FILTER (WHERE x.name = ev.attributed_to) AS attributed_country,
               -- where in the sentence each actor is named (whether a role is an object,
               -- a place or the speaker: ``roles_in_context``)
               list([x.start_char, x.end_char] ORDER BY x.start_char) FILTER (WHERE x.name = ev.source_name) AS source_spans,
               list([x.start_char, x.end_char] ORDER BY x.start_char) FILTER (WHERE x.name = ev.target_name) AS target_spans,
               list(struct_pack(start := x.start_char, name := x.name) ORDER BY x.start_char)
                   FILTER (WHERE x.name IS NOT NULL) AS actor_spans
        FROM ev JOIN (SELECT x.* FROM actors x JOIN ids USING (article_id)) x
          ON x.article_id = ev.article_id AND x.start_char >= ev.sentence_start AND x.start_char < ev.sentence_end
        GROUP BY ev.event_id),
    -- the place's own mentions in the sentence, and whether one is not an actor's (the
    -- "U.S." of "the U.S. imposed sanctions" is a place mention and an actor mention)
    placed AS (
        SELECT ev.event_id, bool_or(x.start_char IS NULL) AS as_place
        FROM ev JOIN (SELECT p.* FROM places p JOIN ids USING (article_id)) p
          ON p.article_id = ev.article_id AND p.name = ev.place_name
         AND p.start_char >= ev.sentence_start AND p.start_char < ev.sentence_end
        LEFT JOIN (SELECT x.* FROM actors x JOIN ids USING (article_id)) x
          ON x.article_id = p.article_id AND x.start_char = p.start_char AND NOT coalesce(x.locative, false)
        GROUP BY ev.event_id),
    {_DATED}
    SELECT e.event_id, e.article_id, e.type, e.quad_class, e.mode, e.trigger, e.trigger_start, e.sentence,
           e.sentence_start, e.sentence_end, e.source_name, e.source_country, e.source_sector,
           e.target_name, e.target_country, e.target_sector, e.date_value, e.date_text, e.event_date,
           e.place_name, e.place_country, e.lat, e.lon, e.place_feature, e.certainty,
           e.attributed_to, e.hedges, e.figures, coalesce(e.background, false) AS background,
           e.mentions AS trigger_spans, {OUTLET}, a.pub_date, a.url, a.title, a.duplicate_of,
           coalesce(orig.outlet, a.outlet, a.article_id) AS independent_key,
           m.incident_id,
           coalesce(said.source_in_sentence, false) AS source_in_sentence,
           coalesce(said.target_in_sentence, false) AS target_in_sentence,
           said.attributed_country, said.source_spans, said.target_spans, said.actor_spans,
           coalesce(said.place_as_actor AND NOT said.place_as_locative, false)
               OR coalesce(NOT placed.as_place, false) AS place_is_actor,
           (e.place_name IS NULL OR contains(e.sentence, e.place_name) OR placed.event_id IS NOT NULL)
               AS place_in_sentence,
           dated.sentence_dates
    FROM ev e
    JOIN articles a ON a.article_id = e.article_id
    LEFT JOIN articles orig ON orig.article_id = a.duplicate_of
    LEFT JOIN incident_mentions m ON m.event_id = e.event_id
    LEFT JOIN said ON said.event_id = e.event_id
    LEFT JOIN placed ON placed.event_id = e.event_id
    LEFT JOIN dated ON dated.event_id = e.event_id
    ORDER BY a.pub_date, e.article_id, e.sentence_start, e.event_id"""


@dataclass
class Evidence:
    """Events, quotes, quantities and future dates of the in-scope articles of a period."""
    events: list[dict[str, Any]] = field(default_factory=list)
    #: events of the period dated before it (recalled history) or after it (announced)
    other_dated: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    #: quantities by (article_id, sentence_start) of the events' sentences
    quantities: dict[tuple[str, int], list[dict]] = field(default_factory=dict)
    #: every quantity by article, in text order (for the sentence after an event's)
    article_quantities: dict[str, list[dict]] = field(default_factory=dict)
    #: dates later than their article's publication (for "what to watch")
    future_times: list[dict[str, Any]] = field(default_factory=list)
    #: incident rows of the store by id (label, place, coordinates)
    incident_rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: every event trigger of each sentence, by (article_id, sentence_start): the acts a
    #: number in that sentence may belong to (``figures.nearest_predicate``)
    predicates: dict[tuple[str, int], list["Predicate"]] = field(default_factory=dict)


def involves(subject: Optional[Subject], e: dict[str, Any]) -> bool:
    if subject is None:
        return True
    return (subject.is_actor(e["source_name"], e["source_country"])
            or subject.is_actor(e["target_name"], e["target_country"])
            or subject.is_place(e["place_name"], e["place_country"])
            or subject.named_in(e["sentence"]))


_ROLE_FIELDS = {"source": ("source_name", "source_country", "source_sector"),
                "target": ("target_name", "target_country", "target_sector")}
#: sectors of those who report and count (outlets, monitors): the source of a material
#: conflict event only when somebody else says so
MONITOR_SECTORS = {"MED", "NGO"}
_PLACE_FIELDS = ("place_name", "place_country", "lat", "lon", "place_feature")


def _words_in(name: Optional[str], sentence: Optional[str]) -> bool:
    """The role's own words stand in the sentence: a role read from a phrase ("gunmen",
    "the riot police") has no actor mention to find, but the sentence names it all the same."""
    return bool(name and sentence and re.search(r"(?<!\w)" + re.escape(name.strip()) + r"(?!\w)", sentence, re.I))


def supported(e: dict[str, Any]) -> dict[str, Any]:
    """The event as its own sentence supports it. A source or target the sentence does not
    name (no actor mention of that name in it: a role filled from elsewhere, "Mexico" for
    a sentence about Colombia's president), or a single word nothing resolved to a country
    or sector ("Western", "Hormonal" implants), is cleared and kept in ``unsupported``;
    so is a role the words around its mentions deny (``roles.role_in_context``: an
    object of a preposition, the speaker of a material act, a target that is a place),
    and a place the sentence does not name, or names only as an actor ("escalation
    between Washington and ..." is the US government, not where it happened). The brief
    states only what the sentence it cites says."""
    e["unsupported"] = []
    for role, (name, country, sector) in _ROLE_FIELDS.items():
        named = e.pop(f"{role}_in_sentence", True) or _words_in(e[name], e.get("sentence"))
        if e[name] and (not named or not (e[country] or e[sector] or " " in e[name].strip())):
            e["unsupported"].append(f"{role}: {e[name]}")
            e[name] = e[country] = e[sector] = None
    for role, (name, country, sector) in _ROLE_FIELDS.items():
        why = role_in_context(e, role)
        if not why and e[name] and runs_into_card(e[name], e.get("sentence") or ""):
            why = "run into a link card"  # "John TrumpFederal": read across the glue
        if why:  # "sanctions against X", "..., X said", "jailed in X"
            e["unsupported"].append(f"{role}: {e[name]} ({why})")
            e[name] = e[country] = e[sector] = None
    affiliation = place_of_a_person(e)
    for extra in ("source_spans", "target_spans", "actor_spans"):
        e.pop(extra, None)
    if (e["source_name"] and e["source_name"] == e["attributed_to"] and e["source_sector"] in MONITOR_SECTORS
            and e["quad_class"] == "material conflict"):
        # "... killed, according to the Borduria Monitor": the monitor reports, it did not attack
        e["unsupported"].append(f"source: {e['source_name']} (who reports it)")
        e["source_name"] = e["source_country"] = e["source_sector"] = None
    # a claim by the target's own side that the source did it is that side's accusation,
    # not a report that it happened ("Cabello accused Washington of attacking ...")
    e["accusation"] = bool(e["certainty"] in ("claimed", "alleged") and e.get("attributed_country")
                           and e["attributed_country"] == e["target_country"]
                           and e["attributed_country"] != e["source_country"])
    as_actor, in_sentence = e.pop("place_is_actor", False), e.pop("place_in_sentence", True)
    # a continent says nothing where a country is named ("an attack on Borduria in Europe"
    # is a sentence naming both, not an attack placed in a continent)
    broad = e.get("place_feature") == "continent" and bool(e["source_country"] or e["target_country"])
    if e["place_name"] and (as_actor or not in_sentence or broad or affiliation):
        e["unsupported"].append(f"place: {e['place_name']}")
        for f in _PLACE_FIELDS:
            e[f] = None
    return e


#: "<name> of <place>": the place a person comes from or sits for ("Sen. Ann Roe of Maine")
_OF_BEFORE = re.compile(r"([A-Z][\w'’.-]*)\s+of\s+$")


def place_of_a_person(e: dict[str, Any]) -> bool:
    """The event's place is named in its sentence only after a named person's "of"
    ("Sen. Ann Roe of Maine said the strike on Borduria ..."): where that person is from or
    whom they represent, not where the event happened."""
    place, sentence = e.get("place_name"), e.get("sentence") or ""
    at = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(place or "") + r"(?!\w)", sentence)] if place else []
    surnames = {a["name"].split()[-1] for a in e.get("actor_spans") or () if a.get("name") and " " in a["name"]}
    if not at or not surnames:
        return False
    for start in at:
        m = _OF_BEFORE.search(sentence, 0, start)
        if not m or m.group(1) not in surnames:
            return False
    return True


#: an undated event whose sentence names only dates at least this long before its
#: publication is recalled history, dated by the latest of them
RECALLED_DAYS = 31


def recalled_day(values: Optional[list[str]], published: Optional[date]) -> Optional[tuple[date, str]]:
    """(day, precision) for an event without its own date whose sentence names only dates
    well before the publication ("... first organized in Borduria in 2011"), else None."""
    if not values or not published:
        return None
    days = [event_day(v, None) for v in values]
    days = [(d, p) for d, p in days if d is not None and p != "published"]
    if not days or any((published - d).days < RECALLED_DAYS for d, _ in days):
        return None
    return max(days)


def dated_by_text(e: dict[str, Any]) -> tuple[Optional[date], str]:
    """(day, precision) of an event row as its text dates it: its own date value
    (``event_day``; no ``date_text``: the events stage fell back on the publication day),
    else the dates its sentence recalls (``recalled_day``), else its publication day."""
    if e.get("date_text"):
        return event_day(e["date_value"], e["pub_date"])
    return recalled_day(e.get("sentence_dates"), e["pub_date"]) or event_day(None, e["pub_date"])


#: statuses that tell a happening as done; one dated after its own report cannot be
AS_DONE = ("asserted", "reported", "claimed", "alleged")


def status_by_date(e: dict[str, Any]) -> str:
    """The event's status, "hypothetical" when it is told as done in a question or after
    "whether" or "if" (``ReportTerms.asked_or_supposed``), and "planned" when it is told
    as done but the text puts it ahead.
    A future marker right before the trigger ("Doe will meet Roe on Monday", "is set to
    meet") makes it a plan whatever its date, unless the type is a stance stated now
    ("we will hold them accountable" is a threat made; ``tense.tsv`` stance_type). A date after the day its article was
    published makes it a plan only when the trigger is not a verb in a past form: a noun
    or a present form with a later date is a schedule ("the summit on 27 February",
    "meets Roe on 20 May" in a report of the 8th), while a past form is a misread date
    ("Mattis, who resigned the next day"; "an attack Saturday" read forward), which
    ``load_events`` moves back to the publication day."""
    status = e["certainty"]
    if status not in AS_DONE:
        return status
    terms = load_report_terms()
    before = _before_trigger(e)
    if terms.asked_or_supposed(e.get("sentence") or "", before):
        return "hypothetical"  # a question or a condition tells nothing as done
    if e.get("type") not in terms.stance_types and terms.future_before(before):
        return "planned"  # a threat or a refusal in the future tense is made now
    day, published = e.get("event_date"), e.get("pub_date")
    if day and published and day > published and not terms.past_form(e.get("trigger"), before):
        return "planned"
    return status


def _before_trigger(e: dict[str, Any]) -> str:
    """The sentence up to the event's trigger ("" when its offsets are unknown)."""
    sentence, start, at = e.get("sentence") or "", e.get("sentence_start"), e.get("trigger_start")
    if start is None or at is None or not 0 <= at - start <= len(sentence):
        return ""
    return sentence[:at - start]


def told_as_done_ahead(e: dict[str, Any]) -> bool:
    """A happening told as done yet dated after its own article (``status_by_date`` kept
    its status): the date was misread, and the event is news of its publication day."""
    day, published = e.get("event_date"), e.get("pub_date")
    return bool(e["certainty"] in AS_DONE and day and published and day > published)


#: two words glued together ("DoeSenators", "AnnSmith"): a web page's list of linked
#: headlines run into the body, not a sentence anyone wrote
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]{2}")


def page_debris(sentence: Optional[str]) -> bool:
    """The sentence is page debris (linked headlines run together), not prose to cite:
    three or more glued words; two, each at a headline boundary (see ``_glued_words``);
    a glued word and a "|" between headlines; or two such bars. Glued names of prose
    ("The WikiLeaks founder posted the files on YouTube", "General MacArthur") are not."""
    if not sentence:
        return False
    glued, bars = _glued_words(sentence), sentence.count("|")
    if bars >= 2 or (glued and bars) or len(glued) >= 3:
        return True
    return len(glued) >= 2 and all(glued)


def _glued_words(sentence: str) -> list[bool]:
    """One flag per glued word of the sentence: it sits at a headline boundary, i.e. it
    opens the text or follows another capitalised word that does not ("Ann DoeSenators",
    "Lawmakers JohnSmith": a name run into the next headline). A brand name of prose
    follows a function word or opens a phrase after "The" ("on YouTube", "The WikiLeaks")."""
    words = sentence.split()
    flags = []
    for i, word in enumerate(words):
        for _ in _GLUED.findall(word):
            flags.append(i == 0 or (i > 1 and words[i - 1][:1].isupper()))
    return flags


def in_card(e: dict[str, Any]) -> bool:
    """The event's trigger stands in a link card run into its sentence (a linked headline
    of another story, ``report/linkcards.py``), not in the article's prose."""
    if e.get("trigger_start") is None or e.get("sentence_start") is None or not e.get("sentence"):
        return False
    return in_link_card(e["sentence"], e["trigger_start"] - e["sentence_start"])


@dataclass(frozen=True)
class Predicate:
    """One trigger of an event in a sentence (every mention of a merged event counts)."""
    start: int
    end: int
    event_id: str
    incident_id: Optional[str]


def sentence_predicates(rows: list[dict]) -> dict[tuple[str, int], list[Predicate]]:
    """The trigger spans of every event (background ones too: "a war that has killed
    400,000" is an act a number may belong to) by (article_id, sentence_start)."""
    out: dict[tuple[str, int], set[Predicate]] = defaultdict(set)
    for e in rows:
        start, end = e["sentence_start"], e["sentence_end"]
        if start is None or end is None:
            continue
        spans = json.loads(e.get("trigger_spans") or "[]")
        if e["trigger_start"] is not None:
            spans = [[e["trigger_start"], e["trigger_start"] + len(e["trigger"] or "")], *spans]
        for span in spans:
            if span and start <= span[0] < end:
                out[(e["article_id"], start)].add(Predicate(span[0], span[1], e["event_id"], e["incident_id"]))
    return {key: sorted(preds, key=lambda p: p.start) for key, preds in out.items()}


def load_events(store, article_ids: list[str], period: Optional[Period],
                subject: Optional[Subject], predicates: Optional[dict] = None) -> tuple[list[dict], list[dict]]:
    """(events dated in the period, other dated events) of the articles; background dropped.
    Each event is dated by its own date value (``event_day``), not the store's day, which
    falls back on the publication day for a month, a year or a week. ``predicates``, when
    given, is filled with every event trigger of each sentence (``sentence_predicates``)."""
    if not article_ids:
        return [], []
    inside, outside = [], []
    seen: set[str] = set()
    rows = store.rows(scoped(store, EVENT_SQL), [article_ids])
    if predicates is not None:
        predicates.update(sentence_predicates(rows))
    for e in rows:
        e.pop("trigger_spans", None)
    acts: dict[tuple[str, int], list[tuple]] = defaultdict(list)
    for e in rows:  # the other acts of each sentence (whose subject a role may be)
        if e["trigger_start"] is not None:
            acts[(e["article_id"], e["sentence_start"])].append((e["trigger_start"], e["type"], e["source_name"]))
    for e in rows:
        if (e["background"] or e["event_id"] in seen or page_debris(e["sentence"]) or adjectival_trigger(e)
                or in_card(e)):
            continue
        seen.add(e["event_id"])
        e["neighbours"] = acts.get((e["article_id"], e["sentence_start"]), ())
        supported(e)
        e.pop("neighbours", None)
        e["event_date"], e["date_precision"] = dated_by_text(e)
        e["certainty"] = status_by_date(e)
        if told_as_done_ahead(e):
            e["event_date"], e["date_precision"] = e["pub_date"], "published"
        e.pop("date_text", None)
        e.pop("sentence_dates", None)
        e["involves"] = involves(subject, e)
        e["figures"] = json.loads(e["figures"] or "[]")
        e["hedges"] = json.loads(e["hedges"] or "[]")
        (inside if period is None or period.holds(e["event_date"]) else outside).append(e)
    return inside, outside


def load_evidence(store, scope: Scope) -> Evidence:
    ids = scope.article_ids
    predicates: dict = {}
    events, other = load_events(store, ids, scope.period, scope.subject, predicates)
    ev = Evidence(events=events, other_dated=other, predicates=predicates)
    if not ids:
        return ev
    ev.quotes = store.rows(f"""
        SELECT q.*, {OUTLET}, a.pub_date, a.url, a.title FROM quotes q JOIN {_ARTICLE_IDS} ids USING (article_id)
        JOIN articles a ON a.article_id = q.article_id
        ORDER BY a.pub_date, q.article_id, q.start_char""", [ids])
    ev.quotes = [q for q in ev.quotes if not page_debris(q["text"])]
    sentences = defaultdict(list)
    for e in events:
        sentences[e["article_id"]].append((e["sentence_start"], e["sentence_end"]))
    quantities: dict[tuple[str, int], list[dict]] = defaultdict(list)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for q in store.rows(f"""SELECT q.* FROM quantities q JOIN {_ARTICLE_IDS} ids USING (article_id)
                            WHERE q.value IS NOT NULL ORDER BY q.article_id, q.start_char""", [ids]):
        by_article[q["article_id"]].append(q)
        for start, end in sentences.get(q["article_id"], ()):
            if start <= q["start_char"] < end:
                if q not in quantities[(q["article_id"], start)]:
                    quantities[(q["article_id"], start)].append(q)
                break
    ev.quantities = dict(quantities)
    ev.article_quantities = dict(by_article)
    ev.future_times = store.rows(f"""
        SELECT t.article_id, t.start_char, t.end_char, t.text, t.value, t.granularity,
               {OUTLET}, a.pub_date, a.url, a.title
        FROM times t JOIN {_ARTICLE_IDS} ids USING (article_id) JOIN articles a ON a.article_id = t.article_id
        WHERE t.type = 'DATE' AND t.granularity IN ('day', 'week', 'month') AND a.pub_date IS NOT NULL
          AND regexp_matches(t.value, '^[0-9]{{4}}-[0-9]{{2}}')
          AND t.value > strftime(a.pub_date, '%Y-%m-%d')
        ORDER BY t.value, t.article_id, t.start_char""", [ids])
    incident_ids = sorted({e["incident_id"] for e in events if e["incident_id"]})
    if incident_ids:
        ev.incident_rows = {r["incident_id"]: r for r in store.rows(
            "SELECT * FROM incidents WHERE incident_id IN (SELECT unnest(?::VARCHAR[]))", [incident_ids])}
    return ev


def quantities_within(ev: Evidence):
    """A function (article_id, (start, end)) -> the article's quantities in that span."""
    def within(article_id: str, span: tuple[int, int]) -> list[dict]:
        return [q for q in ev.article_quantities.get(article_id, ()) if span[0] <= q["start_char"] < span[1]]
    return within


#: the columns a count of events needs: no role support, incidents or outlets (the
#: change table counts what was extracted, and reads a whole previous period)
COUNT_SQL = f"""
    WITH ids AS {_ARTICLE_IDS},
    ev AS (SELECT e.event_id, e.article_id, e.type, e.trigger, e.trigger_start, e.sentence, e.sentence_start, e.sentence_end,
                  e.source_name, e.source_country, e.target_name, e.target_country, e.place_name,
                  e.place_country, e.date_value, e.date_text
           {_SCOPED_EVENTS} AND NOT coalesce(e.background, false)),
    {_DATED}
    SELECT ev.*, a.pub_date, dated.sentence_dates
    FROM ev JOIN articles a ON a.article_id = ev.article_id LEFT JOIN dated ON dated.event_id = ev.event_id"""


def type_counts(store, article_ids: list[str], period: Period, subject: Optional[Subject]) -> dict[str, int]:
    """Events per type dated in ``period`` of the given articles that involve the subject
    (sitrep's own counts: the extracted roles as they are, background and page debris
    left out, each event dated as ``load_events`` dates it)."""
    counts: dict[str, int] = defaultdict(int)
    if not article_ids:
        return {}
    seen: set[str] = set()
    for e in store.rows(scoped(store, COUNT_SQL), [article_ids]):
        if e["event_id"] in seen or page_debris(e["sentence"]) or adjectival_trigger(e) or in_card(e):
            continue
        seen.add(e["event_id"])
        day, _ = dated_by_text(e)
        if period.holds(day) and involves(subject, e):
            counts[e["type"]] += 1
    return dict(counts)
