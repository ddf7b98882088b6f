"""Key figures tied to incidents: killed, injured, detained, displaced, forces, money.

A number is a key figure only when it sits in the sentence of an incident's mention and
its unit is a currency, or its counted noun or the few words right before or after it
name a kind ("12 people were killed", "killing at least 30", "15,000 troops"). Durations,
ages, percentages and other units never are, so "two days" and "a 30-year-old" stay
out; nor are the numbers of a sentence that spans a year or more ("12 soldiers killed in
the past five years" is a running toll, not an incident's). A number belongs to the act
whose clause holds it: of a sentence that reports several acts, the one whose trigger
comes nearest before it when it follows its act (a toll: "shelled the port a week after
the ambush that killed 14 guards"; an object: "sold the rebels $2 million in rifles"),
nearest after it when it is the subject of a verb that follows ("86 died in the
attack"); when that act is not one of the incident's, the number is not the incident's
figure. The figure's text is the exact stretch of the sentence from the number to its
cue, so what the brief prints is what the footnoted sentence says.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from sitrep.knowledge.report_terms import ReportTerms
from sitrep.report.content import TOLL_KINDS, Figure
from sitrep.report.safety import one_line

KIND_ORDER = ("killed", "injured", "detained", "displaced", "forces", "money")
#: how far after a number its cue may be (characters: about four words), and how far
#: before it a verb cue may stand ("killing at least 30")
CUE_REACH = 32
CUE_BEFORE = 16
#: how far after an event's sentence a number may be to sit in the next sentence
NEXT_SENTENCE_REACH = 600
#: (kinds whose cue may be a verb before the number, and kinds read only in an act's own
#: sentence: ``ReportTerms.kinds_cued_before`` / ``own_sentence_kinds``, figure_rules.tsv)
_WORD_END = re.compile(r"\S*")


def _span(q: dict) -> tuple[Optional[int], Optional[int]]:
    if "span" in q and q["span"]:
        return q["span"][0], q["span"][1]
    return q.get("start_char"), q.get("end_char")


def _candidates(mention: dict, quantities: dict) -> Iterable[dict]:
    yield from mention["figures"] or []
    yield from quantities.get((mention["article_id"], mention["sentence_start"]), [])


def sentence_after(mention: dict, quantities_in, cites, event_sentences: set) -> Optional[dict]:
    """The mention's row moved to the sentence right after it, when that sentence holds
    quantities and reports no event of its own ("... struck a port. Officials said 12
    people were killed."); ``event_sentences`` holds (article_id, start) of sentences
    with events."""
    end = mention["sentence_end"] or 0
    if not quantities_in(mention["article_id"], (end, end + NEXT_SENTENCE_REACH)):
        return None  # no number close after it: no need to look for the next sentence
    span, text = cites.sentence_after(mention["article_id"], end)
    if not span or span[0] <= mention["sentence_start"] or (mention["article_id"], span[0]) in event_sentences:
        return None
    qs = quantities_in(mention["article_id"], span)
    if not qs:
        return None
    # the place is the mention's, not necessarily this sentence's ("... killed 16 in Douma.
    # Five more civilians were killed in the town of Sabqa"): ``same_happening`` reads it so
    return {**mention, "sentence_start": span[0], "sentence_end": span[1], "sentence": text, "figures": [],
            "_quantities": qs, "place_name": None, "place_feature": None}


def _after_place_preposition(before: str, terms: ReportTerms) -> bool:
    """The number follows "in", "at", "inside" ...: "held the envoy in one of three farmhouses" says
    where, it counts nobody detained (``roles.tsv`` place prepositions)."""
    words = before.lower().split()
    return bool(words) and words[-1] in terms.roles.place_prepositions


def _counts_nothing(after: str, terms: ReportTerms) -> bool:
    """The number is followed by another number or by a capitalised article ("Share 0 417
    The shepherd was killed", "85 12 militiamen"): a page's share
    count or page number glued to the next sentence, which counts nothing."""
    words = after.split()[:1]
    if not words:
        return False
    word = words[0].strip(",.;:")
    return word.replace(",", "").isdigit() or (word[:1].isupper() and word.lower() in terms.roles.modifiers)


def read_figure(q: dict, sentence: str, offset: int, terms: ReportTerms) -> Optional[tuple[str, str]]:
    """(kind, verbatim text) of a quantity in ``sentence`` (which starts at ``offset``)."""
    read = _read_figure(q, sentence, offset, terms)
    return read[:2] if read else None


def _read_figure(q: dict, sentence: str, offset: int, terms: ReportTerms) -> Optional[tuple[str, str, bool]]:
    """(kind, verbatim text, whether a word after the number gave the kind): a verb after
    it ("86 people were killed", "3,000 families fled") makes the number its subject."""
    cued_after = False
    start, end = _span(q)
    if start is None or end is None or q.get("value") is None:
        return None
    s, e = start - offset, end - offset
    if not (0 <= s < e <= len(sentence)):
        return None
    if _counts_nothing(sentence[e:], terms):
        return None
    kind = terms.figure_kind(q.get("counted"), q.get("unit"))
    if kind is None and q.get("unit"):
        return None
    if kind != "money":
        # a toll or arrest verb right before the number makes it that verb's object, whatever
        # it counts ("killed 12 soldiers": the dead; "killed 86 people on Tuesday as troops
        # advanced": a toll, not the troops of the clause after it)
        before = sentence[max(0, s - CUE_BEFORE):s]
        cue = _cue_right_before(before, terms)
        if cue and not _after_place_preposition(before, terms):
            return cue[0], one_line(sentence[max(0, s - CUE_BEFORE) + cue[1]:e].strip(" ,;:")), False
    if kind is None:
        after = sentence[e:e + CUE_REACH]
        cue = terms.figure_cue(after)
        if cue:
            kind, e, cued_after = cue[0], e + cue[2], True
            e += len(_WORD_END.match(sentence, e).group(0))
        else:
            before = sentence[max(0, s - CUE_BEFORE):s]
            cue = terms.figure_cue(before)
            if not cue or cue[0] not in terms.kinds_cued_before or _after_place_preposition(before, terms):
                return None
            kind, s = cue[0], max(0, s - CUE_BEFORE) + cue[1]
    elif q.get("counted") and q["counted"] in sentence[e:e + CUE_REACH + len(q["counted"])]:
        e = sentence.index(q["counted"], e) + len(q["counted"])
    if kind == "forces":  # "a dozen soldiers killed in the ambush" counts the dead, not the forces
        cue = terms.figure_cue(sentence[e:e + CUE_REACH])
        if cue and cue[0] in terms.kinds_cued_before:
            kind, e, cued_after = cue[0], e + cue[2], True
            e += len(_WORD_END.match(sentence, e).group(0))
    return kind, one_line(sentence[s:e].strip(" ,;:")), cued_after


def _cue_right_before(before: str, terms: ReportTerms) -> Optional[tuple[str, int, int]]:
    """(kind, start, end) of a verb cue of a ``kinds_cued_before`` kind that ends the
    words before a number ("... killed ", "... arrested "), nothing but spaces between."""
    cue = terms.figure_cue_before(before)
    if not cue or cue[0] not in terms.kinds_cued_before:
        return None
    end = cue[2] + len(_WORD_END.match(before, cue[2]).group(0))
    return (cue[0], cue[1], end) if not before[end:].strip() else None


def nearest_predicate(position: int, predicates: list, forward: bool = False) -> Optional[object]:
    """The act a number at ``position`` belongs to, of the sentence's triggers
    (``evidence.Predicate``). A toll told after its act or an object after its verb ("the
    attack, which killed 86"; "shelled the town, killing 12"; "sold the rebels $2
    million in rifles") counts for the act ending nearest before it; the subject of a verb
    that follows it (``forward``: "40 villagers died when the dam burst", "3,000 families
    fled when ...") for the act starting nearest after it; either falls back on the other
    side when its own side names no act ("59 missiles fired at the base")."""
    before = [p for p in predicates if p.end <= position]
    after = [p for p in predicates if p.start >= position]
    nearest_before = max(before, key=lambda p: p.end) if before else None
    nearest_after = min(after, key=lambda p: p.start) if after else None
    if forward:
        return nearest_after or nearest_before
    return nearest_before or nearest_after


def _belongs(q: dict, m: dict, subject: bool, ours: set, predicates: Optional[dict]) -> bool:
    """The number ``q`` is a figure of the incident whose mention ``m`` holds it: the act it
    counts for in its sentence (``nearest_predicate``, looking ahead when the number is
    the ``subject`` of a verb after it) is one of the incident's (``ours``: event ids and
    the store's incident id), or the sentence names no act to tell."""
    start, _ = _span(q)
    preds = (predicates or {}).get((m["article_id"], m["sentence_start"]))
    if start is None or not preds:
        return True
    act = nearest_predicate(start, preds, forward=subject)
    return act is None or act.event_id in ours or (act.incident_id is not None and act.incident_id in ours)


def incident_figures(mentions: list[dict], incident: str, quantities: dict, terms: ReportTerms,
                     after=None, predicates: Optional[dict] = None) -> list[Figure]:
    """Key figures of one incident's mentions (their sentences, and the sentence after
    one when ``after(mention)`` gives it), one per (kind, value, outlet); with
    ``predicates`` (every trigger by sentence), only numbers whose nearest act is the
    incident's own (``nearest_predicate``)."""
    ours = {m["event_id"] for m in mentions if m.get("event_id")} | {
        m["incident_id"] for m in mentions if m.get("incident_id")}
    seen, out = set(), []
    rows = []
    for m in mentions:
        if m["certainty"] not in ("asserted", "reported", "claimed", "alleged"):
            continue
        rows.append((m, list(_candidates(m, quantities)), False))
        # the next sentence's numbers belong to a happening ("... struck a port. 12 people were
        # killed"), not to a statement about one ("Trump accused ... Four Americans were killed")
        following = after(m) if after and (m.get("quad_class") or "").startswith("material") else None
        if following:
            rows.append((following, following.pop("_quantities"), True))
    for m, candidates, next_sentence in rows:
        if _cumulative(candidates, terms) or terms.running_toll(m["sentence"]):
            continue
        for q in candidates:
            read = _read_figure(q, m["sentence"] or "", m["sentence_start"] or 0, terms)
            if not read:
                continue
            kind, text, subject = read
            # the sentence after the mention's reports no act of the period by construction:
            # a background retelling there ("three Americans died in the assault") is the
            # same happening told as history, not another act to give the number to
            if not next_sentence and not _belongs(q, m, subject, ours, predicates):
                continue
            if next_sentence and kind in terms.own_sentence_kinds:
                continue
            key = (kind, q.get("value"), m["independent_key"])
            in_sentence = (kind, m["article_id"], m["sentence_start"])
            if key in seen or in_sentence in seen:
                continue
            seen.update((key, in_sentence))
            out.append(Figure(kind=kind, text=text, value=q.get("value"), incident=incident,
                              outlet=m["outlet"] or "unknown outlet", day=m["event_date"], row=m))
    return out


#: a span of time at least this long (in days) in a figure's sentence makes its numbers a
#: running toll over that span ("... killed in the past five years"), not one incident's
CUMULATIVE_DAYS = 365


def _cumulative(candidates: list[dict], terms: ReportTerms) -> bool:
    """The sentence's quantities include a span of a year or more (a duration, not an
    age: the quantities stage gives ages their own unit)."""
    days = terms.unit_days
    return any((q.get("value") or 0) * days.get(q.get("unit") or "", 0) >= CUMULATIVE_DAYS for q in candidates)


def _of_force(f: Figure) -> bool:
    return bool(f.row) and f.row.get("quad_class") == "material conflict"


def ranked(figures: list[Figure], limit: int) -> list[Figure]:
    """By kind (killed first), then the larger value; one per (kind, value), tied to an
    act of force that the number's sentence reports before a statement made in it ("the
    cabinet agreed that the regime was behind the attack, which killed 75")."""
    seen, out = set(), []
    for f in sorted(figures, key=lambda f: (KIND_ORDER.index(f.kind) if f.kind in KIND_ORDER else 99,
                                            -(f.value or 0), not _of_force(f), f.incident)):
        if (f.kind, f.value) not in seen:
            seen.add((f.kind, f.value))
            out.append(f)
    return out[:limit]


def figure_contradictions(figures: list[Figure], min_ratio: float = 1.25) -> list[tuple[Figure, Figure]]:
    """Pairs of figures of one incident and kind from different outlets that disagree,
    each pair about one happening (``same_happening``): the linker's incident may hold
    two clashes in two towns, whose tolls differ without contradicting each other."""
    pairs = []
    by_kind: dict[str, list[Figure]] = {}
    for f in figures:
        by_kind.setdefault(f.kind, []).append(f)
    for kind, fs in by_kind.items():
        if kind == "money":
            continue
        fs = sorted((f for f in fs if f.value), key=lambda f: f.value)
        found = [(hi, lo) for i, lo in enumerate(fs) for hi in fs[i + 1:]
                 if lo.outlet != hi.outlet and hi.value >= min_ratio * lo.value and same_happening(hi.row, lo.row)]
        if found:
            pairs.append(max(found, key=lambda p: p[0].value / p[1].value))
    return pairs


#: place features too wide to make two reports one happening by themselves
WIDE_PLACES = {"country", "continent", "region"}


def same_happening(a: Optional[dict], b: Optional[dict]) -> bool:
    """Two figures' sentences tell one happening: no conflicting actors, and the same town
    or province named in both, or named by one and standing in the other's sentence. A
    country, or a day, is not enough in a war of many attacks a day: "29 rebels were
    killed ... into Aleppo city" and "troops clashed ... in al-Rastan" are two clashes,
    "19 civilians were killed east of the capital" and "three people had died" of a gas
    attack in another province, both on Tuesday in Syria, two attacks."""
    if not a or not b:
        return False
    if any(a.get(k) and b.get(k) and a[k] != b[k] for k in ("source_country", "target_country")):
        return False
    places = [r.get("place_name") if r.get("place_feature") not in WIDE_PLACES else None for r in (a, b)]
    if all(places):
        return places[0] == places[1]
    if any(places):  # the other sentence must name the place too
        place, other = (places[0], b) if places[0] else (places[1], a)
        return place.lower() in (other.get("sentence") or "").lower()
    return False


def shown_figures(incidents) -> list[Figure]:
    """The figures the key-figures section may show, of ``incidents`` (those fit to
    headline: reported as done, naming a party, or force), a toll (killed, injured) only
    from an act of force or coercion ("the war has killed more than 50,000" tied to "aid in
    Washington", "12 people dead" to an accusation, read on real news, say nothing of the
    incident they are tied to)."""
    return [f for inc in incidents for f in inc.figures
            if f.kind not in TOLL_KINDS or inc.quad_class == "material conflict"]


def cited(figures: Iterable[Figure], cite) -> list[Figure]:
    """The figures with their footnote label set (``cite(row) -> label``)."""
    out = []
    for f in figures:
        if not f.note and f.row is not None:
            f.note = cite(f.row)
        out.append(f)
    return out

