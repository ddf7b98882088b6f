"""What does X want from Y? Each side's stated aims and demands, the measures it takes
toward the other, its offers, accusations and denials, and what the other side says it
really wants -- every item attributed to whoever said or did it.

A *side* is a state (its government, military and other bodies together), a state's
political opposition (sector OPP), or a named non-state actor (an armed group, an
international body). The pairs shown are those with the most events between them in
the period, the subject's own pairs first.

Attribution: an event belongs to the side that acts (its source). When the sentence
attributes it to someone else -- the other side says so -- it is filed under "what the
other side says", not as the actor's own statement; a denial belongs to whoever denies;
an accusation stays with the accuser.
Quotes count only with a resolved speaker, at least MIN_QUOTE_WORDS words, and never
from photo captions or credit lines.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Optional

from sitrep.knowledge.report_terms import ReportTerms
from sitrep.report.content import POSITION_KINDS, Position, SideView
from sitrep.report.safety import one_line, sentence_text
from sitrep.report.scope import Subject, country_table, split_names
from sitrep.report.sources import Citations

MAX_PAIRS = 3
MIN_PAIR_EVENTS = 2
PER_KIND = 4
MIN_QUOTE_WORDS = 6
#: sectors whose actors form a side of their own within their country
OPPOSITION_SECTORS = {"OPP"}
#: sectors whose actors are sides of their own, whatever their country: armed and criminal
#: groups, and bodies that are not a state's party (NGOs, international bodies, media,
#: companies: "Microsoft announced" is not the United States speaking)
NAMED_SECTORS = {"REB", "CRM", "NGO", "IGO", "MED", "BUS"}
ROLE_KIND = {"measure": "measures", "demand": "aims", "offer": "offers", "contact": "offers",
             "support": "offers", "accusation": "accusations", "rejection": "denials"}
_WORDS = re.compile(r"\w+")
#: which kind a sentence filed under several is shown under (first wins)
KIND_PRIORITY = ("aims", "measures", "offers", "accusations", "denials", "other_says")


@dataclass(frozen=True)
class Side:
    key: str
    label: str
    names: tuple[str, ...]

    def named_in(self, text: str) -> bool:
        return bool(self.names) and bool(_names_pattern(self.names).search(text))


@functools.lru_cache(maxsize=1024)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern:
    """Any of the names as a whole word."""
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alternatives + r")(?![\w])")


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, str]]:
    return {r["id"]: r for r in country_table() if r.get("id")}


@functools.lru_cache(maxsize=4096)
def side_of(name: Optional[str], country: Optional[str], sector: Optional[str]) -> Optional[Side]:
    """The side an actor belongs to, or None when nothing identifies it."""
    if sector in NAMED_SECTORS and name:
        return Side(f"actor:{name}", name, (name,))
    if country:
        row = _countries().get(country)
        label = row["name"] if row else country
        names = tuple(n for n in ([label] + split_names(row.get("aliases")) + split_names(row.get("demonyms"))
                                  + split_names(row.get("metonyms"))) if len(n) > 2) if row else (label,)
        if sector in OPPOSITION_SECTORS:
            return Side(f"{country}:opposition", f"{label} (opposition)", (name,) if name else ())
        return Side(country, label, names)
    if name:
        return Side(f"actor:{name}", name, (name,))
    return None


class SideIndex:
    """Sides of events and of speakers, with names resolved through the period's actors."""

    def __init__(self, actor_rows: list[dict[str, Any]]):
        votes: dict[str, Counter] = defaultdict(Counter)
        for r in actor_rows:
            if r["name"]:
                votes[r["name"]][(r["country"], r["sector"])] += r["n"]
        self._actors = {name: c.most_common(1)[0][0] for name, c in votes.items()}

    def of_name(self, name: Optional[str], country: Optional[str] = None,
                sector: Optional[str] = None) -> Optional[Side]:
        """The side of a speaker or actor by name: the country and sector the period's
        actors give it when the caller knows no country. When the caller knows only the
        country (a quote's speaker), a name the period's actors know as a news outlet,
        NGO, international body, firm or armed group of that country speaks for itself:
        "The AP reports that ..." is no word of the United States."""
        if name and name in self._actors:
            known_country, known_sector = self._actors[name]
            if not country:
                country, sector = known_country, known_sector
            elif sector is None and known_sector in NAMED_SECTORS and known_country == country:
                sector = known_sector
        return side_of(name, country, sector)

    def source(self, e: dict) -> Optional[Side]:
        return side_of(e["source_name"], e["source_country"], e["source_sector"])

    def target(self, e: dict) -> Optional[Side]:
        return side_of(e["target_name"], e["target_country"], e["target_sector"])


def actor_rows(store, article_ids: list[str]) -> list[dict[str, Any]]:
    if not article_ids:
        return []
    return store.rows("""SELECT name, country, sector, count(*) AS n FROM actors
                         WHERE article_id IN (SELECT unnest(?::VARCHAR[])) AND name IS NOT NULL
                         GROUP BY ALL""", [article_ids])


def top_pairs(events: list[dict], index: SideIndex, subject: Optional[Subject]) -> list[tuple[Side, Side]]:
    """The pairs of sides with most events between them; pairs with the subject first."""
    counts: Counter = Counter()
    sides: dict[str, Side] = {}
    for e in events:
        a, b = index.source(e), index.target(e)
        if a and b and a.key != b.key:
            sides[a.key], sides[b.key] = a, b
            counts[tuple(sorted((a.key, b.key)))] += 1

    def has_subject(pair) -> bool:
        if subject is None:
            return True
        return any(k == subject.country3 or (not subject.country3 and subject.named_in(sides[k].label))
                   for k in pair)

    ranked = sorted((p for p, n in counts.items() if n >= MIN_PAIR_EVENTS),
                    key=lambda p: (not has_subject(p), -counts[p], p))
    out = []
    for a, b in ranked[:MAX_PAIRS]:
        first, second = (a, b) if subject is None or a == subject.country3 or b != subject.country3 else (b, a)
        out.append(_distinguished(sides[first], sides[second]))
    return out


def _distinguished(a: Side, b: Side) -> tuple[Side, Side]:
    """A state facing its own opposition is named as its government."""
    for x, y in ((a, b), (b, a)):
        if y.key == f"{x.key}:opposition":
            gov = Side(x.key, f"{x.label} (government)", x.names)
            return (gov, b) if x is a else (a, gov)
    return a, b


def _position(who: Optional[str], e: dict, cites: Citations, terms: ReportTerms, text: Optional[str] = None,
              row: Optional[dict] = None, offset_key: str = "sentence_start",
              according_to: Optional[str] = None) -> Position:
    sentence = text if text is not None else e["sentence"]
    note = cites.cite_row(row or e, offset_key=offset_key, text_key="text" if row is not None else "sentence")
    return Position(who=one_line(who) or "unnamed", event_type=e.get("type"), text=sentence_text(sentence),
                    status=e.get("certainty") or "reported", note=note,
                    day=e.get("event_date") or e.get("pub_date"), issues=terms.issue_tags(sentence_text(sentence)),
                    according_to=one_line(according_to) or None)


def _file_event(e: dict, a: Side, b: Side, index: SideIndex,
                terms: ReportTerms) -> Optional[tuple[str, Optional[str], Optional[str]]]:
    """(kind, who, according to whom) when event ``e`` says something about ``a``'s
    stance toward ``b``. ``who`` is whoever acts or speaks for ``a``; a statement about
    ``a``'s act by a third party (an official of another state, an outlet) names it as
    ``according to``."""
    src, tgt = index.source(e), index.target(e)
    if not ((src and src.key in (a.key, b.key)) or (tgt and tgt.key in (a.key, b.key))):
        return None  # neither side takes part: the common case, decided cheaply
    said_by = index.of_name(e["attributed_to"]) if e["attributed_to"] else None
    denial = e["certainty"] in DENIED
    if said_by and said_by.key == a.key and denial and (
            (src and src.key == b.key) or (tgt and tgt.key == b.key)):
        return None if terms.is_caption(e["sentence"]) else ("denials", e["attributed_to"], None)
    if said_by and said_by.key == a.key and src and src.key == b.key and _demanded(e, terms):
        # "A White House official ... said Maduro should step down": a's demand on b
        return None if terms.is_caption(e["sentence"]) else ("aims", e["attributed_to"], None)
    if not (src and src.key == a.key and tgt and tgt.key == b.key):
        return None
    if said_by and said_by.key == b.key and _demanded(e, terms):
        return None  # the other side's demand on a (filed under b's aims), not what a wants
    if denial and said_by and said_by.key != a.key:
        return None  # somebody else's denial: filed under the one who denies
    if terms.is_caption(e["sentence"]):
        return None
    if said_by and said_by.key == b.key:
        return "other_says", e["attributed_to"], None
    if denial:
        return "denials", e["attributed_to"] or e["source_name"], None
    kind = ROLE_KIND.get(terms.role(e["type"]) or "")
    if kind is None:
        return None
    if e["attributed_to"] and said_by and said_by.key == a.key:
        return kind, e["attributed_to"], None  # a's own speaker
    return kind, e["source_name"], e["attributed_to"] if e["attributed_to"] != e["source_name"] else None


#: statuses of an act somebody says did not happen
DENIED = ("denied", "negated")


def denied_act(e: dict, terms: ReportTerms) -> str:
    """What a denial denies, with whose act it is said to be: "ASSAULT by the United
    States against Venezuela" ("ASSAULT" when the sentence names no actor)."""
    act = e.get("type") or "an act"
    if e.get("source_name"):
        act += f" by {terms.in_sentence(e['source_name'])}"
    if e.get("target_name"):
        act += f" against {terms.in_sentence(e['target_name'])}"
    return act


def _demanded(e: dict, terms: ReportTerms) -> bool:
    """The event is what its speaker says somebody should do: a hypothetical act in a
    sentence with a demand cue ("should step down", "must leave")."""
    return e["certainty"] == "hypothetical" and terms.is_demand(e["sentence"])


def _says_wants(text: str, side: Side, terms: ReportTerms) -> bool:
    """The text names ``side`` right before an aim or demand ("Washington seeks to ...")."""
    if not side.names:
        return False
    return any(terms.aim_starts(text[m.end():]) for m in _names_pattern(side.names).finditer(text))


def _file_quote(q: dict, a: Side, b: Side, index: SideIndex, terms: ReportTerms) -> Optional[str]:
    """The kind a quote files under for ``a`` toward ``b``: "aims" when a's speaker states
    its own aim ("we want") or makes a demand, naming b; "other_says" when b's speaker
    says what a wants ("Washington seeks to ..."); else None."""
    speaker = index.of_name(q["speaker_name"], q["speaker_country"])
    if speaker is None or speaker.key not in (a.key, b.key):
        return None
    text = q["text"] or ""
    if "_quotable" not in q:  # read once per quote, not once per pair of sides
        q["_quotable"] = len(_WORDS.findall(text)) >= MIN_QUOTE_WORDS and not terms.is_caption(text)
    if not q["_quotable"]:
        return None
    if speaker.key == b.key and _says_wants(text, a, terms):
        return "other_says"
    said = _statements(text)  # "Do they want to fight Iran? Is that their aim?" states no aim
    if speaker.key == a.key and b.named_in(text) and not _says_wants(text, b, terms) and (
            (terms.is_first_person(said) and terms.is_aim(said)) or terms.is_demand(said)):
        return "aims"
    return None


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")


def _statements(text: str) -> str:
    """The text without its questions."""
    return " ".join(part for part in _SENTENCE_SPLIT.split(text)
                    if not part.rstrip(" \"'”’)]").endswith("?"))


def side_view(a: Side, b: Side, events: list[dict], quotes: list[dict], index: SideIndex,
              terms: ReportTerms, cites: Citations) -> SideView:
    # each sentence is filed once, under the kind that says most about what a wants
    # ("dismissed the offer and said Maduro should step down" is an aim before a rejection)
    by_sentence: dict[tuple[str, int], tuple[int, str, tuple[date, Any, Any]]] = {}

    def file(key: tuple[str, int], kind: str, entry: tuple[date, Any, Any]) -> None:
        rank = KIND_PRIORITY.index(kind)
        if key not in by_sentence or rank < by_sentence[key][0]:
            by_sentence[key] = (rank, kind, entry)

    for e in events:
        filed = _file_event(e, a, b, index, terms)
        if filed:
            file((e["article_id"], e["sentence_start"]), filed[0], (e["event_date"] or date.min, filed[1:], e))
    for q in quotes:
        kind = _file_quote(q, a, b, index, terms)
        if not kind:
            continue
        # a quote inside a sentence filed from its event is that sentence again
        _, span, _ = cites.sentence_at(q["article_id"], q["start_char"])
        file((q["article_id"], span[0] if span else q["start_char"]), kind,
             (q["pub_date"] or date.min, (q["speaker_name"], None), q))
    found: dict[str, list[tuple[date, Any, Any]]] = defaultdict(list)
    for _, kind, entry in by_sentence.values():
        found[kind].append(entry)
    view = SideView(side=a.label, other=b.label)
    tags: Counter = Counter()
    for kind, _ in POSITION_KINDS:
        latest = sorted(found.get(kind, []), key=lambda x: x[0], reverse=True)[:PER_KIND]
        positions = []
        for _, (who, according_to), row in sorted(latest, key=lambda x: x[0]):
            if "quote_id" in row:
                pos = _position(who, {"certainty": "reported", "pub_date": row["pub_date"]}, cites, terms,
                                text=row["text"], row=row, offset_key="start_char")
            else:
                pos = _position(who, row, cites, terms, according_to=according_to)
                source = index.source(row)
                if kind == "aims" and source and source.key == b.key:
                    pos.status = "demanded"  # what a says b should do, not what b did
                if row.get("certainty") in DENIED:
                    pos.denied = denied_act(row, terms)
            positions.append(pos)
            tags.update(pos.issues)
        if positions:
            view.positions[kind] = positions
    view.issues = tags.most_common()
    return view


def build_sides(store, scope_ids: list[str], events: list[dict], quotes: list[dict], subject: Optional[Subject],
                terms: ReportTerms, cites: Citations) -> list[SideView]:
    index = SideIndex(actor_rows(store, scope_ids))
    views = []
    for a, b in top_pairs(events, index, subject):
        for x, y in ((a, b), (b, a)):
            view = side_view(x, y, events, quotes, index, terms, cites)
            if view.positions:
                views.append(view)
    return views
