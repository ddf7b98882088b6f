"""The smaller sections of the brief: key developments, change against the previous
period, contested claims, what to watch, the activity series and the map's places."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, timedelta
from typing import Any, Iterable, Optional

from sitrep.knowledge.report_terms import ReportTerms
from sitrep.model import QUAD_CLASS
from sitrep.report.evidence import day_of, page_debris
from sitrep.report.content import Activity, Change, Contest, Incident, MapPoint, Quote, Sentence, WatchItem
from sitrep.report.figures import figure_contradictions
from sitrep.report.headlines import AFFIRMING, cite_incident, contest_pair, distinct
from sitrep.report.safety import one_line, sentence_text
from sitrep.report.scope import Period, Subject
from sitrep.report.sources import Citations

QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
MAX_DEVELOPMENTS = 6
MAX_WATCH = 8
MAX_THREATS = 4
#: announced dates from this many days before the period's end on are still ahead
WATCH_FROM_DAYS = 0
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")


# -- key developments -------------------------------------------------------------------------

def _outlet_list(outlets: list[str], limit: int = 3) -> str:
    shown = outlets[:limit]
    if len(outlets) > limit:
        return ", ".join(shown) + " and others"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _day_words(day: date, with_year: bool) -> str:
    """'3 January' (or '3 January 2026'): a date as a summary writes it."""
    return f"{day.day} {day.strftime('%B')}" + (f" {day.year}" if with_year else "")


def _when_phrase(inc: Incident, previous: Optional[Incident], lead: Optional[Incident]) -> str:
    """How a summary sentence opens on the incident's date, next to the sentence before:
    "On 3 January 2026, ", "The same day, ", "Earlier, on 24 November, ", "In the week of
    22 December, ", "In a report of 16 April, " (no date of its own), "" (no date)."""
    if not inc.day:
        return ""
    with_year = previous is None or not previous.day or previous.day.year != inc.day.year
    if inc.precision in ("week", "weekend"):
        return f"In the {inc.precision} of {_day_words(inc.day, with_year)}, "
    if inc.precision == "month":
        return f"In {inc.day.strftime('%B')} {inc.day.year}, "
    if inc.precision == "year":
        return f"In {inc.day.year}, "
    if inc.precision == "published":
        return f"In a report of {_day_words(inc.day, with_year)}, "
    if previous is not None and previous.day == inc.day and previous.precision == "day":
        # said once: a third sentence of that day goes on without a date
        return "" if previous is not lead and previous.day == (lead.day if lead else None) else "The same day, "
    if lead is not None and lead.day and inc.day < lead.day and previous is not None and previous.day \
            and previous.day >= lead.day:
        return f"Earlier, on {_day_words(inc.day, with_year)}, "
    return f"On {_day_words(inc.day, with_year)}, "


def _sourcing(inc: Incident) -> str:
    """Who reports it and how sure they are, as a closing clause."""
    statuses = {m["certainty"] for m in inc.mentions} or {s for _, s in inc.certainty}
    outlets = _outlet_list(inc.outlets)
    report = "reports" if len(inc.outlets) == 1 else "report"
    if statuses <= {"claimed", "alleged"}:
        return f", which {outlets} {report} only as a claim"
    if inc.contested:
        return f", as {outlets} {report} it, though another source denies it"
    if not statuses & set(AFFIRMING):
        return f" ({'/'.join(sorted(statuses))}, not reported as done; {outlets})"
    if inc.n_sources >= 3:
        return f", reported independently by {outlets}"
    return f", according to {outlets}"


def development(inc: Incident, previous: Optional[Incident] = None, lead: Optional[Incident] = None) -> Sentence:
    """One sentence of the summary on an incident: when (said against the sentence before),
    what (its title), its key figures, who reports it and how sure they are."""
    opening = _when_phrase(inc, previous, lead)
    what = inc.title if not opening else (inc.title_in_sentence or inc.title)
    figures = " and ".join(f.text for f in inc.figures[:2])
    sentence = opening + what + (f" ({figures})" if figures else "") + _sourcing(inc) + "."
    notes = inc.notes[:3] + [f.note for f in inc.figures[:2] if f.note not in inc.notes[:3]]
    return Sentence(one_line(sentence), notes)


def key_developments(headlines: list[Incident], cites: Citations) -> list[Sentence]:
    """An analyst's summary of the period from up to MAX_DEVELOPMENTS of its most
    significant incidents (one per title and per source sentence): the most significant
    first, then the others of its day, then the rest in date order, each sentence dated
    against the one before it
    ("The same day", "Earlier, on ...") and footnoted to the sentences it rests on."""
    chosen, seen = [], set()
    for inc in headlines:
        if len(chosen) >= MAX_DEVELOPMENTS:
            break
        cite_incident(inc, cites)
        if inc.title in seen or (inc.notes and inc.notes[0] in seen):
            continue  # one sentence per happening, even when the linker left it split
        seen.update((inc.title, *inc.notes[:1]))
        chosen.append(inc)
    if not chosen:
        return []
    # what happened the day of the lead first, then the rest as it unfolded
    lead = chosen[0]
    rest = sorted(chosen[1:], key=lambda i: (i.day != lead.day, i.day or date.max, -i.significance))
    out, previous = [], None
    for inc in [lead] + rest:
        out.append(development(inc, previous, lead))
        previous = inc
    return out


# -- timeline -----------------------------------------------------------------------------------

def timeline(incidents: list[Incident], cites: Citations) -> list[Incident]:
    """Significant dated incidents in date order; incidents that read the same on the same
    day (one happening the linker left split) are shown once, with all their outlets."""
    merged: dict[tuple, Incident] = {}
    ranked = sorted((i for i in incidents if i.significant and i.day), key=lambda i: (i.day, -i.significance))
    for inc in distinct(ranked):
        cite_incident(inc, cites)
        key = (inc.day, inc.title)
        if key not in merged:
            merged[key] = replace(inc, outlets=list(inc.outlets), quotes=list(inc.quotes))
            continue
        shown = merged[key]
        shown.outlets += [o for o in inc.outlets if o not in shown.outlets]
        shown.quotes += [q for q in inc.quotes if q.note not in shown.notes]
        shown.contested = shown.contested or inc.contested
    return list(merged.values())


# -- change against the previous period ---------------------------------------------------------

def changes(current: dict[str, int], previous: dict[str, int], current_articles: int = 0,
            previous_articles: int = 0) -> list[Change]:
    """Per quad class, then per type with events in either period, by size of change;
    each row judged per article in scope (see Change.direction)."""
    def row(label: str, prev: int, cur: int) -> Change:
        return Change(label, prev, cur, previous_articles, current_articles)

    rows = []
    for quad in QUADS:
        cur = sum(n for t, n in current.items() if QUAD_CLASS.get(t) == quad)
        prev = sum(n for t, n in previous.items() if QUAD_CLASS.get(t) == quad)
        if cur or prev:
            rows.append(row(quad, prev, cur))
    types = sorted(set(current) | set(previous),
                   key=lambda t: (-abs(current.get(t, 0) - previous.get(t, 0)), t))
    rows += [row(t, previous.get(t, 0), current.get(t, 0)) for t in types]
    return rows


# -- contested claims ---------------------------------------------------------------------------

def _quote(m: dict, cites: Citations) -> Quote:
    return Quote(outlet=m["outlet"] or "unknown outlet", status=m["certainty"], text=sentence_text(m["sentence"]),
                 note=cites.cite_row(m), who=m["attributed_to"])


def contested(incidents: list[Incident], cites: Citations, limit: int = 8) -> list[Contest]:
    """A claim denied by another source about the same incident, or figures of one
    incident that different outlets give differently."""
    out = []
    for inc in incidents:
        pair = contest_pair(inc.mentions)
        if pair:
            out.append(Contest(inc.title, "denial", _quote(pair[0], cites), _quote(pair[1], cites)))
        for hi, lo in figure_contradictions(inc.figures):
            out.append(Contest(inc.title, "figures", _quote(hi.row, cites), _quote(lo.row, cites)))
        if len(out) >= limit:
            break
    return out[:limit]


# -- what to watch ------------------------------------------------------------------------------

def watch(events: list[dict], future_times: list[dict], subject: Optional[Subject], period: Optional[Period],
          terms: ReportTerms, cites: Citations, later: Iterable[dict] = ()) -> list[WatchItem]:
    """Stated deadlines, scheduled talks and votes still ahead at the end of the period
    (a date after its article's publication and no earlier than WATCH_FROM_DAYS before the
    period ends, in a sentence with a watch cue that names the subject), the plans of named
    actors still ahead (``_plans_ahead``; ``later``: the events dated after the period),
    then the latest threats made by a named actor."""
    announced: list[WatchItem] = []
    seen: set[tuple[str, int]] = set()
    horizon = period.until - timedelta(days=WATCH_FROM_DAYS) if period else None
    for t in future_times:
        day = day_of(t["value"])
        if horizon and (day is None or day < horizon):
            continue
        _, span, sentence = cites.sentence_at(t["article_id"], t["start_char"])
        if not span or (t["article_id"], span[0]) in seen:
            continue
        kinds = [k for k in terms.watch_kinds(sentence) if k != "threat"]
        if not kinds or (subject and not subject.named_in(sentence)) or terms.is_caption(sentence) \
                or page_debris(sentence):
            continue
        seen.add((t["article_id"], span[0]))
        note = cites.cite(t["article_id"], span[0], sentence, outlet=t["outlet"], published=t["pub_date"],
                          title=t["title"], url=t["url"])
        precision = {7: "month"}.get(len(str(t["value"])), "week" if "-W" in str(t["value"]) else "day")
        announced.append(WatchItem(kinds[0], day, sentence_text(sentence), t["outlet"] or "unknown outlet", note,
                                   precision))
    announced += _plans_ahead(later, subject, horizon, seen, terms, cites)
    announced.sort(key=lambda w: w.day or date.max)
    threats = [e for e in events if _threat_to_watch(e, subject, terms)]
    threats.sort(key=lambda e: (e["event_date"] or date.min), reverse=True)
    made: list[WatchItem] = []
    for e in threats:
        key = (e["article_id"], e["sentence_start"])
        if key in seen or terms.is_caption(e["sentence"]) or len(made) >= MAX_THREATS:
            continue
        seen.add(key)
        made.append(WatchItem("threat", e["event_date"], sentence_text(e["sentence"]), e["outlet"] or "unknown outlet",
                              cites.cite_row(e), precision=e.get("date_precision") or "day"))
    return (announced[:MAX_WATCH - len(made)] + made)[:MAX_WATCH]


#: how precisely a plan must be dated to be watched: a day or a week ("on Monday"), or no
#: date of its own ("will meet"); "in August" read off a page of links is no schedule
PLAN_PRECISIONS = ("day", "weekend", "week", "published")


def _plans_ahead(events: Iterable[dict], subject: Optional[Subject], horizon: Optional[date],
                 seen: set[tuple[str, int]], terms: ReportTerms, cites: Citations) -> list[WatchItem]:
    """What a named actor is set to do, involving the subject, on or after the end of the
    period: an event the text puts ahead ("Doe will meet Roe on Monday", "the summit on 27
    February"; ``evidence.status_by_date``), under its sentence's watch cue ("talks") or as
    a plan."""
    out = []
    for e in sorted(events, key=lambda e: (e["event_date"] or date.max, e["article_id"], e["sentence_start"])):
        key = (e["article_id"], e["sentence_start"])
        if (e["certainty"] != "planned" or not e["involves"] or not e["source_name"] or not e["event_date"]
                or e.get("date_precision") not in PLAN_PRECISIONS
                or (horizon and e["event_date"] < horizon) or key in seen
                or terms.is_caption(e["sentence"]) or page_debris(e["sentence"])):
            continue
        seen.add(key)
        kinds = [k for k in terms.watch_kinds(e["sentence"]) if k != "threat"]
        precision = e.get("date_precision") or "day"
        # a plan with no date of its own is not due on the day it was reported
        day = None if precision == "published" else e["event_date"]
        out.append(WatchItem(kinds[0] if kinds else "plan", day, sentence_text(e["sentence"]),
                             e["outlet"] or "unknown outlet", cites.cite_row(e), precision=precision))
    return out


def _threat_to_watch(e: dict, subject: Optional[Subject], terms: ReportTerms) -> bool:
    """A threat made by a named actor in words that say so ("threatened to", "warned
    that"; an event coded THREATEN from "blasted", or "groups that threaten security" in
    passing, is not one to watch), its maker's own, in an event involving the subject."""
    if not (e["involves"] and e["source_name"] and e["certainty"] not in ("denied", "negated")
            and (e["type"] == "THREATEN" or e["certainty"] == "threatened") and _own_words(e)):
        return False
    return terms.threat_made(_HYPHENATED.sub(" ", e["sentence"]))  # "a long-threatened raid" happened


def _own_words(e: dict) -> bool:
    """A threat its maker states (or an outlet reports), not one its target or a third
    party ascribes to it ("the president has claimed that Ruritania wants to take the mines" is
    the president's claim about Ruritania, not a threat to watch)."""
    said_by = e["attributed_to"]
    return not said_by or said_by == e["source_name"] or e["certainty"] in ("asserted", "reported", "threatened")


# -- activity and places ------------------------------------------------------------------------

def _bucket(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def activity(events: list[dict], articles: list[dict[str, Any]], period: Optional[Period]) -> Optional[Activity]:
    """Events per article published, by publication day (week, month for long periods)
    and quad class: how intense the reporting is, not how much of it there is."""
    if not period or not articles:
        return None
    unit = "day" if period.days <= 62 else "week" if period.days <= 400 else "month"
    volume: Counter = Counter(_bucket(a["pub_date"], unit) for a in articles if a["pub_date"])
    counts: dict[str, Counter] = defaultdict(Counter)
    for e in events:
        if e["involves"] and e["pub_date"] and e["quad_class"]:
            counts[e["quad_class"]][_bucket(e["pub_date"], unit)] += 1
    buckets, day = [], _bucket(period.since, unit)
    while day <= period.until:
        buckets.append(day)
        day = _bucket(day + timedelta(days={"day": 1, "week": 7, "month": 32}[unit]), unit)
    per_article = {q: [round(counts[q][b] / volume[b], 3) if volume[b] else 0.0 for b in buckets] for q in QUADS}
    return Activity(unit, buckets, per_article, [volume[b] for b in buckets])


def places(incidents: list[Incident], subject: Optional[Subject] = None) -> list[MapPoint]:
    """Incident places with coordinates, merged by name. A place named after the subject
    but geocoded to another country (a "Northern Borduria" put on a namesake town on
    another continent) is left off the map rather than drawn in the wrong continent."""
    by_name: dict[str, MapPoint] = {}
    for inc in incidents:
        if inc.lat is None or inc.lon is None or not inc.place:
            continue
        country = next((m["place_country"] for m in inc.mentions if m["place_name"] == inc.place), None)
        if subject and subject.country2 and subject.named_in(inc.place) and country and country != subject.country2:
            continue
        p = by_name.setdefault(inc.place, MapPoint(inc.place, inc.lat, inc.lon, 0, 0))
        p.incidents += 1
        p.sources += inc.n_sources
    return sorted(by_name.values(), key=lambda p: (-p.incidents, p.name))
