"""Incidents of the period as the in-scope articles report them, ranked by significance.

The store's incidents group event mentions across all articles; here only the mentions
of in-scope articles that are dated in the period, not background, and involve the
subject are kept (and none whose actor is a news outlet or whose sentence is a photo
caption). Sources, certainty, dates
and figures are recomputed from the kept mentions, so nothing an out-of-scope article
said can show. An event the incident linker left alone stands as its own incident.

Significance (see ``significance``) adds the severity of the type (knowledge table),
the number of independent sources, the reported dead and how recent it is; an incident
whose every mention is hypothetical, threatened, denied or negated weighs half.
"""
from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache
from datetime import date, timedelta
from typing import Optional

from sitrep.corpus.incidents import TEXT_MIN, TEXT_PER_EVIDENCE, similarity, text_features, trigger_clause
from sitrep.knowledge.actors import load_nouns
from sitrep.knowledge.report_terms import ReportTerms, load_report_terms
from sitrep.report.content import TOLL_KINDS, Figure, Incident, Quote
from sitrep.report.safety import one_line, sentence_text
from sitrep.report.scope import Period
from sitrep.report.sides import side_of
from sitrep.report.sources import Citations

#: statuses that say the event happened (as against planned, threatened, denied)
AFFIRMING = ("asserted", "reported", "claimed", "alleged")
DENYING = ("denied", "negated")
STATUS_RANK = {"asserted": 7, "reported": 6, "claimed": 5, "alleged": 4, "hypothetical": 3, "planned": 3,
               "threatened": 2, "denied": 1, "negated": 0}
#: an incident is significant (it enters the timeline) when it names an actor and has two
#: independent sources affirming it, or one source asserting it that gives a key figure or
#: is of a severe type (force, coercion, sanctions, mobilisation) with its actor named
SIGNIFICANT_SEVERITY = 0.7
QUOTES_PER_INCIDENT = 4
#: place features precise enough to tell one happening from another (a city, a province)
LOCAL_FEATURES = ("city", "admin1", "admin2", "approximate")
#: actors that report rather than act: an outlet "visiting" a place is journalism, not news
REPORTER_SECTORS = {"MED"}


#: how much a type's severity counts by the strongest status any source gives: what an
#: outlet reports as done outweighs one party's claim, which outweighs a plan or a denial
CERTAINTY_WEIGHT = {"asserted": 1.0, "reported": 1.0, "claimed": 0.7, "alleged": 0.7}
UNAFFIRMED_WEIGHT = 0.5
#: the letters of a name word that tell it: "Iran"/"Iranian", "Syria"/"Syrian"
NAME_PREFIX = 4
#: sectors of a state's command, one kind of party in ``_one_party`` (the Pentagon and US
#: forces, a ministry and the army); police (COP) is a kind of its own, and so is each
#: non-state sector (civilians, rebels, an opposition, a party, firms)
STATE_SECTORS = {"GOV", "MIL", "JUD", "SPY", "LEG"}
#: the kinds of party a state's own name stands for
STATE_KINDS = {"STATE", "COP"}
#: words of a party's name that do not tell one party from another
NAME_FUNCTION_WORDS = {"the", "and", "of", "for", "its", "his", "her", "their"}
#: consonants a name word's skeleton needs to count (short ones collide: "Kim", "Ali")
SKELETON_MIN = 3
#: a mention without a date of its own (dated by its publication) tells a happening
#: dated in another report when it was published this many days after it, at most
REPORT_LAG_DAYS = 3
#: date precisions that name a span of days (dated by its first day), not a day
SPAN_PRECISIONS = ("week", "month", "year")
#: a recap (an act told as the antecedent of another clause's news, ``recalls``) tells a
#: happening of at most this many days before its own date: the news period of an
#: article (docs/annotation.md section 7)
RECAP_DAYS = 14
#: how much a recap's sentence must say the same as a report of the happening it recalls:
#: what incident linking asks of two articles' reports whose two sides agree
#: (corpus/incidents.py ``similarity``, TEXT_MIN less TEXT_PER_EVIDENCE per agreeing side)
RECAP_TEXT = TEXT_MIN - 2 * TEXT_PER_EVIDENCE


def significance(severity: float, n_sources: int, killed: float, days_before_end: Optional[int],
                 period_days: int, affirmed: bool, specified: int = 0, certainty: float = 1.0) -> float:
    """Severity of the type (times ``certainty``, the weight of the strongest status) +
    log-scaled independent sources and dead + recency (0..0.5) + how well specified it is
    (``specified``: source, target and place known, 0..3)."""
    score = severity * (certainty if affirmed else UNAFFIRMED_WEIGHT) + 0.25 * specified
    score += 0.6 * math.log2(1 + n_sources)
    score += 0.4 * math.log10(1 + max(killed, 0))
    if days_before_end is not None and period_days > 0:
        score += 0.5 * max(0.0, 1 - days_before_end / period_days)
    return round(score, 3)


def _specificity(e: dict) -> tuple:
    """How well-specified a mention is: one that reports the happening as done before a
    plan, threat or denial of it, then who did it to whom (the actors its sentence names),
    then place and own date, then certainty."""
    lag = (e["pub_date"] - e["event_date"]).days if e["pub_date"] and e["event_date"] else 99
    return (e["certainty"] in AFFIRMING, bool(e["source_name"]) + bool(_target(e)),
            bool(e["place_name"]) + (e.get("date_precision", "published") != "published"),
            e["involves"], e.get("date_precision") == "day", -(max(lag, 0) // 2), STATUS_RANK.get(e["certainty"], 0),
            -(e["pub_date"] or date.max).toordinal())


def _target(e: dict) -> Optional[str]:
    """The target's name, None when it repeats the source or is the source's own side
    ("Trump imposed penalties on the United States": an extraction slip). An opposition
    acting against its own state keeps its target."""
    target = e["target_name"]
    if not target or target == e["source_name"]:
        return None
    mine = side_of(e["source_name"], e["source_country"], e["source_sector"])
    theirs = side_of(target, e["target_country"], e["target_sector"])
    if mine and theirs and mine.key == theirs.key and target == theirs.label:
        return None
    return target


def _coherent(m: dict, best: dict) -> bool:
    """A mention agrees with the incident's best-specified one: the same type, and the same
    article, or a shared known source or target country, or the same place (and no
    conflicting actor)."""
    if m["type"] != best["type"] or not _compatible(m, best):
        return False
    return (m["article_id"] == best["article_id"]
            or any(m[k] and m[k] == best[k] for k in ("source_country", "target_country", "place_name")))


def reportable(e: dict, terms: ReportTerms) -> bool:
    """A mention that may stand for an incident: it involves the subject, its actor is not
    a news outlet, and its sentence is not a photo caption."""
    return (e["involves"] and e["source_sector"] not in REPORTER_SECTORS
            and not terms.is_caption(e["sentence"]))


def title_of(e: dict, terms: ReportTerms, opening: bool = True) -> str:
    """A plain-words title from one mention: '<source> <phrase> <target> in <place>';
    capitalised to open a line unless ``opening`` is False (it goes inside a sentence)."""
    target = _target(e)
    if e["source_name"]:
        title = f"{terms.in_sentence(e['source_name'])} {terms.phrase(e['type'], bool(target))}"
    else:
        title = terms.noun(e["type"], bool(target))
    if target:
        title += f" {terms.in_sentence(target)}"
    if e["place_name"] and e["place_name"] not in (e["source_name"], target) and is_material(e):
        title += f" in {e['place_name']}"
    # a title opens a headline: "troops used force ..." reads as a fragment, so the first
    # letter is capitalised even when the actor's name is not
    return one_line(title[:1].upper() + title[1:] if opening else title)


def is_material(e: dict) -> bool:
    """A material event happens somewhere; a statement's sentence names the places it is
    about ("accused the US of aggression against Miranda"), not where it was made."""
    return (e.get("quad_class") or "").startswith("material")


def is_significant(mentions: list[dict], best: dict, severity: float, has_figures: bool) -> bool:
    if not (best["source_name"] or _target(best)):
        return False
    affirming = {m["independent_key"] for m in mentions if m["certainty"] in AFFIRMING}
    if len(affirming) >= 2:
        return True
    asserted = any(m["certainty"] in ("asserted", "reported") for m in mentions)
    # one outlet's "an attack on X" with nobody named as its actor and no figure is too
    # thin for the timeline: on real news it is mostly a mention in passing
    return asserted and (has_figures or (severity >= SIGNIFICANT_SEVERITY and bool(best["source_name"])))


def _groups(events: list[dict]) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        groups[e["incident_id"] or "event:" + e["event_id"]].append(e)
    return groups


def _certainty(mentions: list[dict]) -> list[tuple[str, str]]:
    """(outlet, the status of its best-specified mention), in order of first report: the
    mention the brief quotes for the outlet (``quoted_mentions`` picks it by the same
    order), so the summary and the quote below it never disagree. Whether anybody reports
    the happening as done is read from all the mentions (``Incident.affirmed``)."""
    chosen = {}
    for m in sorted(mentions, key=_specificity, reverse=True):
        chosen.setdefault(m["outlet"] or "unknown outlet", m["certainty"])
    first = dict.fromkeys(m["outlet"] or "unknown outlet" for m in mentions)
    return [(outlet, chosen[outlet]) for outlet in first]


def _compatible(a: dict, b: dict) -> bool:
    """Two mentions name no conflicting actors (equal countries, or one unknown)."""
    return all(not a[k] or not b[k] or a[k] == b[k] for k in ("source_country", "target_country"))


def contest_pair(mentions: list[dict]) -> Optional[tuple[dict, dict]]:
    """(claim, denial): a mention affirming the happening and an explicit denial of it by
    another source -- another outlet, or another named speaker -- with compatible actors.
    A plain negation ("was not charged") is not a denial of somebody's claim."""
    # a claim somebody is named as making reads best against a denial, then firm reports
    affirm = sorted((m for m in mentions if m["certainty"] in AFFIRMING),
                    key=lambda m: (not m["attributed_to"], -STATUS_RANK.get(m["certainty"], 0)))
    for d in (m for m in mentions if m["certainty"] == "denied"):
        for a in affirm:
            other = a["independent_key"] != d["independent_key"] or (
                a["attributed_to"] and d["attributed_to"] and a["attributed_to"] != d["attributed_to"])
            if other and _compatible(a, d):
                return a, d
    return None


def quoted_mentions(mentions: list[dict]) -> list[dict]:
    """The mentions an incident quotes: the best of each outlet, well-specified first."""
    chosen: dict[str, dict] = {}
    for m in sorted(mentions, key=_specificity, reverse=True):
        chosen.setdefault(m["independent_key"], m)
    return list(chosen.values())[:QUOTES_PER_INCIDENT]


def _placed(best: dict, mentions: list[dict]) -> dict:
    """The best mention, with the place of a quoted mention when it names none itself
    (the strike one outlet places in Caracas and another attributes to the US): both
    sentences are footnoted under the incident."""
    if best["place_name"] or not is_material(best):
        return best
    # a recap's place is where its own news happened ("... at the court in The Hague over
    # this month's assassination"), not where the act it recalls did
    reports = [m for m in mentions if not m.get("recalled")]
    where = next((m for m in quoted_mentions(reports) if m["place_name"] and _compatible(m, best)), None)
    if where is None:
        return best
    return {**best, **{k: where[k] for k in ("place_name", "place_country", "lat", "lon", "place_feature")}}


def _quotes(mentions: list[dict], cites: Citations) -> list[Quote]:
    """The best mention of each outlet, subject-involving and well-specified first."""
    out = []
    for m in quoted_mentions(mentions):
        out.append(Quote(outlet=m["outlet"] or "unknown outlet", status=m["certainty"],
                         text=sentence_text(m["sentence"]), note=cites.cite_row(m), who=m["attributed_to"]))
    return out


def _same_time(a: dict, b: dict) -> bool:
    """Two mentions may tell one happening by their dates: the same day (or the same
    week, month or year, both dated by that span), or (force or
    coercion by the same known actor) one has no date of its own and was published up to
    REPORT_LAG_DAYS after the day the other gives
    ("Turkey is invading northeastern Syria" the day after the offensive "launched on
    Wednesday"): a report is news of what happened shortly before it."""
    if not a["event_date"] or not b["event_date"]:
        return False
    # a week, month or year is dated by its first day, which is no day of its own: "last
    # week's strikes" (dated Monday) and a report published that Monday, or one dated
    # "in April" and another of April 1st, share a date and not a time; two mentions of
    # one span ("the April offensive" in two articles) share it
    spans = {a.get("date_precision"), b.get("date_precision")} & set(SPAN_PRECISIONS)
    if spans and a.get("date_precision") != b.get("date_precision"):
        return False
    if a["event_date"] == b["event_date"]:
        return True
    undated, dated = (a, b) if a.get("date_precision") == "published" else (b, a)
    if undated.get("date_precision") != "published" or dated.get("date_precision") == "published":
        return False
    # across days only force and coercion by the same known actor: "an attack on X"
    # reported days after another is as likely another attack, and a standing fact
    # ("recognised by 50 nations") is restated in every report without being news
    if not a["source_country"] or a["source_country"] != b["source_country"]:
        return False
    if a.get("quad_class") != "material conflict" or b.get("quad_class") != "material conflict":
        return False
    return 0 <= (undated["event_date"] - dated["event_date"]).days <= REPORT_LAG_DAYS


def _same_happening(a: dict, b: dict) -> bool:
    """Two incidents' best mentions tell one happening the linker left split: same type
    and time (``_same_time``), the same known source or target country and no conflicting
    one, and the same place or one unknown (the strike three outlets report, one naming
    no attacker)."""
    if a["type"] != b["type"] or not _same_time(a, b):
        return False
    if not _compatible(a, b) or (a["place_name"] and b["place_name"] and a["place_name"] != b["place_name"]):
        return False
    if not (is_material(a) and is_material(b)):  # two statements are one only when one speaker makes them
        return a["source_name"] == b["source_name"] and _target(a) == _target(b) and bool(a["source_name"])
    return any(a[k] and a[k] == b[k] and _one_party(a[k], (a[role + "_name"], a[role + "_sector"]),
                                                    (b[role + "_name"], b[role + "_sector"]))
               for role in ("source", "target") for k in (role + "_country",))


def _one_party(country: str, a: tuple[Optional[str], Optional[str]], b: tuple[Optional[str], Optional[str]]) -> bool:
    """Whether two (name, sector) of a role whose country agrees may name one party.

    A name is the state itself when all its words are the country's own (its name,
    aliases, demonyms, capital: "Iran", "Tehran", "the United States"); generic when,
    besides those, only head nouns of the actor KB say which kind of party it is
    (``nouns.tsv``: "Iranian forces", "the Guard", "176 people", "rebels"); specific when
    other words name it ("Qasem Soleimani", "Pentagon", "Syrian army posts"). Two specific
    names are one party when they share a word (or a transliteration: "Soleimani" /
    "Suleimani"); the state stands for any party of its country but civilians, rebels, an
    opposition, parties or firms (``_party_kind``); otherwise the two must be of one kind of
    party (the row's sector, else the name's first head noun's). An unknown name is one
    party with any, and one name with itself whatever sectors were read into it. Two parties of one country are no evidence of one happening: a general
    killed by a drone and the 176 passengers of an airliner that crashed, or the army and
    the rebels, are all of one country, and a misread day ("Wednesday") puts them on one
    date."""
    (name_a, sector_a), (name_b, sector_b) = a, b
    if not name_a or not name_b or name_a.lower() == name_b.lower():
        return True  # an unknown name, or one name: the sectors two outlets read into it differ
    own = _country_words(country)
    kind_a, kind_b = _party_kind(name_a, sector_a), _party_kind(name_b, sector_b)
    words_a, words_b = _name_words(name_a) - own, _name_words(name_b) - own
    if words_a and words_b:
        return bool(words_a & words_b)
    state_a, state_b = _is_the_state(name_a, own), _is_the_state(name_b, own)
    if state_a or state_b:
        other = kind_b if state_a else kind_a
        return other is None or other in STATE_KINDS
    return kind_a is None or kind_b is None or kind_a == kind_b


def _is_the_state(name: str, own: frozenset[str]) -> bool:
    """All the words of the name are the country's own ("Iran", "the United States")."""
    keys = {_name_key(w) for w in name.replace("-", " ").split() if w.lower() not in NAME_FUNCTION_WORDS}
    return bool(keys) and keys <= own


def _party_kind(name: str, sector: Optional[str]) -> Optional[str]:
    """Which kind of party a role is: its sector, else the category of its name's first
    head noun (``nouns.tsv``: "government forces" GOV, "opposition forces" OPP), with a
    state's command (government, forces, intelligence, legislature, courts) one kind;
    None when not known."""
    if not sector:
        heads = _head_nouns()
        found = (heads.get(w.lower()) or heads.get(w.lower().removesuffix("s")) for w in name.replace("-", " ").split())
        sector = next((c for c in found if c not in (None, "PLACE", "NONE")), None)
    if not sector:
        return None
    return "STATE" if sector in STATE_SECTORS else sector


@lru_cache(maxsize=1)
def _head_nouns() -> dict[str, str]:
    """The head nouns of the actor KB with their categories (``nouns.tsv``): they say which
    kind of party a name is ("forces" MIL, "passengers" CIV), not which party."""
    return load_nouns()


@lru_cache(maxsize=512)
def _country_words(country: str) -> frozenset[str]:
    """The keys (``_name_words``) of the words of a country's own names: its name, aliases,
    demonyms, metonyms (``side_of``)."""
    side = side_of(None, country, None)
    names = side.names if side else ()
    return frozenset(k for n in names for k in {_name_key(w) for w in n.replace("-", " ").split()} | _name_words(n))


def _name_key(word: str) -> str:
    """A name word's key: lower case, its first NAME_PREFIX letters ("Iran"/"Iranian")."""
    return word.lower().strip(".’'")[:NAME_PREFIX]


@lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    """The keys of the words of a name that may tell which party it is (``_name_key``; at
    least three letters, not a number, a function word or a head noun of ``nouns.tsv``,
    which tells only the kind of party), and of its longer words their consonant skeleton
    too (``_skeleton``: "Soleimani"/"Suleimani", "Qassem"/"Qasem")."""
    heads = _head_nouns()
    words = [w.strip(".’'") for w in name.replace("-", " ").split()]
    words = [w for w in words if len(w) >= 3 and not any(c.isdigit() for c in w)
             and w.lower() not in NAME_FUNCTION_WORDS and w.lower() not in heads
             and w.lower().removesuffix("s") not in heads]
    return frozenset({_name_key(w) for w in words} | {"^" + k for k in map(_skeleton, words) if len(k) >= SKELETON_MIN})


def _skeleton(word: str) -> str:
    """A word's consonants, lower case, a doubled one once, and no "h" after a consonant
    nor the glides "w", "y": what outlets' transliterations of one name share."""
    out: list[str] = []
    for ch in word.lower():
        if not ch.isalpha() or ch in "aeiouwy" or (ch == "h" and out) or (out and out[-1] == ch):
            continue
        out.append(ch)
    return "".join(out)


def recalls(e: dict) -> bool:
    """The mention tells its act as the antecedent of its sentence's news ("protested the
    killing of ...", "in response to a drone strike", "just days after the Navy shot
    down a drone", "last week's strike"; ``ReportTerms.recalls``): a later article's recap of a
    happening, not a report of a new one, whatever date its sentence gives."""
    sentence, start, at = e.get("sentence") or "", e.get("sentence_start"), e.get("trigger_start")
    if start is None or at is None or not 0 <= at - start <= len(sentence):
        return False
    return load_report_terms().recalls(sentence[:at - start])


def only_recalled(mentions: list[dict]) -> bool:
    """No mention affirms the act but as a recap of it (``recalls``): nothing reports it
    as news of its own date."""
    return not any(m["certainty"] in AFFIRMING and not m.get("recap", recalls(m)) for m in mentions)


def _recalled_happening(recap: dict, found: list[tuple[str, list[dict], dict]]) -> Optional[tuple]:
    """The happening a recap tells (``recalls``): of the reported happenings ``found``, one
    of the same material type by the same known actor (source country) against no other
    target (the recap's sentence often names its target only as the speaker of its news:
    "Syria vowed revenge for Turkey's shelling of its depot"), whose day lies at most
    RECAP_DAYS before the recap's, and whose mentions say much the same as the recap's own
    clause (RECAP_TEXT; ``_recap_words``); the latest
    such day (a recap recalls what happened shortly before its news), then the best
    matching. A recap's place is not evidence: its sentence places its own news ("... at
    the court in The Hague over this month's assassination")."""
    if not is_material(recap) or not recap["source_country"]:
        return None
    words = _recap_words(recap)
    best, best_rank = None, None
    for home in found:
        other = home[2]
        if other["type"] != recap["type"] or other["certainty"] not in AFFIRMING:
            continue
        if other["source_country"] != recap["source_country"] or not _compatible(other, recap):
            continue
        gap = (recap["event_date"] - other["event_date"]).days if other["event_date"] and recap["event_date"] else 0
        if not 0 <= gap <= RECAP_DAYS:
            continue
        text = max((similarity(words, text_features(m.get("sentence"))) for m in home[1][:10]), default=0.0)
        if text >= RECAP_TEXT and (best_rank is None or (-gap, text) > best_rank):
            best, best_rank = home, (-gap, text)
    return best


def _recap_words(recap: dict) -> dict[str, float]:
    """The text evidence of a recap: the words of its trigger's clause (corpus/incidents.py
    ``trigger_clause``), not its whole sentence, which tells its own news and, in a list of
    recalled acts ("After attacking tankers, shooting down a drone and being responsible for
    the killing of ..."), the other acts."""
    sentence, start, at = recap.get("sentence") or "", recap.get("sentence_start"), recap.get("trigger_start")
    if start is None or at is None:
        return text_features(sentence)
    offset = at - start
    clause = trigger_clause(sentence, offset, offset + len(recap.get("trigger") or ""))
    return text_features(sentence, clause) if clause else text_features(sentence)


def _days_around(day: Optional[date]) -> list[Optional[date]]:
    """The days whose happenings a mention of ``day`` may tell (``_same_time``)."""
    if day is None:
        return [None]
    return [day + timedelta(days=k) for k in range(-REPORT_LAG_DAYS, REPORT_LAG_DAYS + 1)]


def same_happenings(groups: dict[str, list[dict]]) -> list[tuple[str, list[dict], dict]]:
    """(key, coherent mentions, best-specified mention) per happening: each incident's
    mentions that agree with its best one, incidents telling the same happening joined
    (a mention with a date of its own before one dated only by its report, then
    best-specified first, so the best mention of all names the happening). Then a
    happening only recalled (``only_recalled``: no mention reports it as news of its own
    time) joins the reported happening it recalls (``_recalled_happening``), its mentions
    marked ``recalled``: their sentences place their own news, not the act they recall."""
    found: list[tuple[str, list[dict], dict]] = []
    by_day: dict[tuple, list[tuple[str, list[dict], dict]]] = defaultdict(list)
    ranked = []
    for key, group in groups.items():
        best = max(group, key=_specificity)
        dated = best.get("date_precision") != "published"
        ranked.append(((dated,) + _specificity(best), len(group), key, group, best))
    ranked.sort(key=lambda x: x[:3], reverse=True)
    for _, _, key, group, best in ranked:
        mentions = [m for m in group if _coherent(m, best)]
        home = next((f for day in _days_around(best["event_date"]) for f in by_day[(best["type"], day)]
                     if _same_happening(f[2], best)), None)
        if home is None:
            found.append((key, mentions, best))
            by_day[(best["type"], best["event_date"])].append(found[-1])
        else:
            home[1].extend(mentions)
    return _recaps_joined(found)


def _recaps_joined(found: list[tuple[str, list[dict], dict]]) -> list[tuple[str, list[dict], dict]]:
    """``found`` with each happening only recalled joined to the one it recalls, if any."""
    reports = [f for f in found if not only_recalled(f[1])]
    out = []
    for f in found:
        home = _recalled_happening(f[2], reports) if f not in reports else None
        if home is None:
            out.append(f)
        else:
            home[1].extend({**m, "recalled": True} for m in f[1])
    return out


def build_incidents(events: list[dict], period: Optional[Period], terms: ReportTerms, cites: Citations,
                    figures_of) -> list[Incident]:
    """Incidents involving the subject, most significant first. ``figures_of(mentions,
    title)`` gives an incident's key figures."""
    incidents = []
    kept = [e for e in events if reportable(e, terms)]
    for e in kept:
        e["recap"] = recalls(e)
    for key, mentions, best in same_happenings(_groups(kept)):
        if not (best["source_name"] or _target(best) or best["place_name"]):
            continue  # nothing says who or where: not a reportable incident
        days = sorted(m["event_date"] for m in mentions if m["event_date"])
        day = best["event_date"] or (days[0] if days else None)
        n_sources = len({m["independent_key"] for m in mentions})
        affirmed = any(m["certainty"] in AFFIRMING for m in mentions)
        # a happening only recalled ("a day after a gunman killed a reservist in Ottawa") and
        # joined to no report of it stays: on a store of scattered articles a recap is often
        # the only word of a happening (session 14: 3 of 7 such on unseen news were right)
        reported = any(m["certainty"] in AFFIRMING and not m.get("accusation") for m in mentions)
        best = _placed(best, mentions)
        title = title_of(best, terms)
        # a toll is a figure of force only: "Doe accused Roe over a clash that killed 200"
        # neither shows the toll under the accusation nor makes the accusation significant
        # a recap's numbers stay: figures.py ties each number to the act nearest it, and the
        # one next to a recalled act is its own ("Tuesday's attack, which killed 89 people")
        figures: list[Figure] = [f for f in figures_of(mentions, title)
                                 if f.kind not in TOLL_KINDS or best.get("quad_class") == "material conflict"]
        # a toll weighs for the force that took it: a statement ("Ruritania blamed the
        # regime for an attack that killed 75") is not the more significant for it
        killed = max((f.value or 0 for f in figures if f.kind == "killed"), default=0) \
            if best.get("quad_class") == "material conflict" else 0
        end_gap = (period.until - day).days if period and day else None
        specified = bool(best["source_name"]) + bool(_target(best)) + bool(best["place_name"])
        severity = terms.severity(best["type"])
        weight = max((CERTAINTY_WEIGHT.get(m["certainty"], UNAFFIRMED_WEIGHT) for m in mentions), default=0)
        # only the outlets that tell it as done weigh: three outlets' "Doe's decision to
        # withdraw", "support for withdrawing" are one plan talked about, not three reports
        affirming = len({m["independent_key"] for m in mentions if m["certainty"] in AFFIRMING})
        score = significance(severity, affirming, killed, end_gap, period.days if period else 0, affirmed, specified,
                             weight)
        outlets = list(dict.fromkeys(m["outlet"] or "unknown outlet"
                                     for m in sorted(mentions, key=_specificity, reverse=True)))
        inc = Incident(
            incident_id=key, title=title, title_in_sentence=title_of(best, terms, opening=False),
            type=best["type"], quad_class=best["quad_class"],
            day=day, last_day=days[-1] if days else None, precision=best.get("date_precision") or "day",
            place=best["place_name"], lat=best["lat"], lon=best["lon"], outlets=outlets,
            n_sources=n_sources, certainty=_certainty(mentions), contested=contest_pair(mentions) is not None,
            significance=score,
            significant=is_significant(mentions, best, severity, bool(figures)),
            figures=figures, mentions=mentions, key_sentence=(best["article_id"], best["sentence_start"]),
            dyad=bool(best["source_name"] and _target(best)), reported=reported,
            actor_named=bool(best["source_name"]), party_named=bool(best["source_name"] or _target(best)),
            local=bool(best["place_name"]) and best.get("place_feature") in LOCAL_FEATURES)
        incidents.append(inc)
    incidents.sort(key=lambda i: (-i.significance, i.day or date.min, i.incident_id))
    return incidents


def distinct(incidents: list[Incident], limit: Optional[int] = None) -> list[Incident]:
    """The incidents in order, skipping one whose best sentence an earlier one already
    stands for (an attack and the accusation in the same sentence)."""
    seen, out = set(), []
    for inc in incidents:
        if inc.key_sentence in seen:
            continue
        seen.add(inc.key_sentence)
        out.append(inc)
        if limit and len(out) >= limit:
            break
    return out


def cite_incident(inc: Incident, cites: Citations) -> Incident:
    """Give a shown incident its quoted mentions and figure notes (footnotes are made
    only for what the brief shows)."""
    if not inc.quotes:
        inc.quotes = _quotes(inc.mentions, cites)
    for f in inc.figures:
        if not f.note and f.row is not None:
            f.note = cites.cite_row(f.row)
    return inc
