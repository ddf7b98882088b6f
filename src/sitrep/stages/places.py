"""places stage: toponyms in the text -> Place records with coordinates.

1. Mentions: spaCy GPE/LOC/FAC entities, plus multiword PERSON/ORG entities the
   gazetteer knows as a country, state, region or sizeable town (a known spaCy miss on
   news). Demonyms (NORP) are never places; they only tell which countries the article
   is about.
2. Metonymy: a place name acting ("Washington said", "Moscow warned") is an actor, not a
   place. The actors stage's locative=True ("in Caracas") keeps a mention; its
   resolved_by="metonymy" drops one unless it sits in a spatial phrase ("between London
   and Amsterdam", which that stage also flags). The parse decides the rest: the subject
   of a verb (or its conjuncts), a passive agent, a possessive state ("Iran's exports"),
   a modifier of a role noun ("U.S. officials"), and a country as a party ("sanctions
   against Iran", "supporting Dominica"; "visited Iran" stays a place).
3. Disambiguation, two passes: first by prior (population and kind of place) alone,
   then again with what the first pass says the document is about: countries named or
   implied by demonyms, states named, towns near other places, and an explicit
   qualifier ("Paris, Texas", "Springfield, Illinois", "Georgia's capital").
   A town under 15,000 people needs support from the document (its state named, a
   qualifier, a nearby place) or gives way to a bigger namesake.
4. A mention the gazetteer does not know (a street, a building, a county) keeps its text
   and takes the point of the article's focus town with feature="approximate" (no
   GeoNames id); without a focus it gets no coordinates.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from sitrep.geo import haversine_km
from sitrep.knowledge.gazetteer import Candidate, _admin_stem, normalise
from sitrep.knowledge.place_words import place_words
from sitrep.model import Document, Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
#: entity labels spaCy often gives to multiword place names on news text
RESCUE_LABELS = {"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT"}

#: prior bonus by kind of place, in units of ln(population)
FEATURE_PRIOR = {"country": 3.0, "continent": 2.5, "admin1": 1.0, "region": 1.5, "water": 1.5,
                 "city": 0.0}
ALTERNATE_PENALTY = 2.5  # a town matched through one of its alternate names
CAPITAL_BONUS = 1.5
#: towns smaller than this need support from the document to be chosen
SMALL_TOWN = 15_000
#: a state sharing its name with a big town of its country ("New York", "Washington")
#: means the town in news unless the text says "state"
SHADOWED_ADMIN1_PENALTY = 2.5
DOC_COUNTRY_BONUS = 2.5  # plus up to 2.0 more for the country the article is mostly about
DOC_ADMIN1_BONUS = 4.0
QUALIFIER_BONUS = 12.0
NEARBY_BONUS = 2.0
NEARBY_KM = 150.0
_SUBJECT_DEPS = {"nsubj", "agent"}


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    key: str
    label: str
    candidates: list[Candidate]
    best: Optional[Candidate] = None
    qualifiers: list["_Mention"] = field(default_factory=list)
    #: followed by a noun naming a province ("Washington state", "Idlib province", "the Aleppo
    #: countryside"): the name is the province's, not its capital city's
    province_word: bool = False
    shadowed: frozenset = frozenset()


def country_of_place_text(kb, text: str) -> Optional[str]:
    """ISO alpha-2 of the most likely place named ``text`` (a demonym gives its country).

    No document context: the best candidate by population and kind of place.
    """
    if not text or not text.strip():
        return None
    gaz = kb.gazetteer
    candidates = _lookup(gaz, text)
    if candidates:
        key = normalise(text)
        shadowed = _shadowing_countries(candidates, key)
        return max(candidates, key=lambda c: _prior(c, key, shadowed)).country
    return gaz.demonym_country(text)


def run(doc: Document, kb) -> Document:
    sdoc = doc.nlp
    text = doc.article.text
    if sdoc is None or not text.strip():
        return doc
    gaz = kb.gazetteer
    mentions, demonym_countries = _collect(doc, sdoc, gaz)
    if not mentions:
        return doc
    _link_qualifiers(mentions, text, gaz)
    _choose_by_prior(mentions)
    context = _Context.of(mentions, demonym_countries)
    _choose_in_context(mentions, context)
    focus = _focus(mentions, context.top_country())
    doc.places = [_place(m, focus) for m in mentions]
    return doc


def _choose_by_prior(mentions: list[_Mention]) -> None:
    """Pass 1: each mention's best candidate by population and kind of place alone."""
    for m in mentions:
        if m.candidates:
            m.shadowed = _shadowing_countries(m.candidates, m.key)
            shadowed = frozenset() if m.province_word else m.shadowed
            m.best = max(m.candidates, key=lambda c: _prior(c, m.key, shadowed))


@dataclass
class _Context:
    """What the document is about according to pass 1; a mention never supports itself,
    so every piece of support remembers the key of the mention it came from."""
    #: (mention key, country, weight); demonyms have no key
    support: list[tuple[str, str, float]]
    #: (country, admin1 code) of a state named -> the keys of the mentions naming it
    admin1_keys: dict[tuple[str, str], set[str]]
    #: mentions read as a town or a state, with that reading: nearby places support each other
    anchors: list[tuple[_Mention, Candidate]]

    @classmethod
    def of(cls, mentions: list[_Mention], demonym_countries: Counter) -> "_Context":
        support: list[tuple[str, str, float]] = [("", cc, n) for cc, n in demonym_countries.items()]
        admin1_keys: dict[tuple[str, str], set[str]] = {}
        for m in mentions:
            b = m.best
            if b is None or b.country is None:
                continue
            if b.feature == "country":
                support.append((m.key, b.country, 2.0))
            elif b.feature == "admin1":
                support.append((m.key, b.country, 1.0))
                admin1_keys.setdefault((b.country, b.admin1_code), set()).add(m.key)
            elif b.feature == "city" and not b.alternate and b.population >= 100_000:
                support.append((m.key, b.country, 1.0))
        anchors = [(m, m.best) for m in mentions
                   if m.best is not None and m.best.feature in ("city", "admin1")]
        return cls(support, admin1_keys, anchors)

    def country_shares(self, key: str) -> dict[str, float]:
        """Each country's share of the support that does not come from mention ``key``."""
        countries: Counter = Counter()
        for source, cc, weight in self.support:
            if source != key:
                countries[cc] += weight
        total = sum(countries.values()) or 1.0
        return {cc: n / total for cc, n in countries.items()}

    def top_country(self) -> Optional[str]:
        """The country the article is mostly about, counting every mention."""
        doc_countries: Counter = Counter()
        for _, cc, weight in self.support:
            doc_countries[cc] += weight
        return doc_countries.most_common(1)[0][0] if doc_countries else None


def _choose_in_context(mentions: list[_Mention], context: _Context) -> None:
    """Pass 2: the best candidate again, with what the rest of the document says."""
    shares: dict[str, dict[str, float]] = {}
    for m in mentions:
        if not m.candidates:
            continue
        top_share = shares.get(m.key)
        if top_share is None:
            top_share = shares[m.key] = context.country_shares(m.key)
        admin1s = {a for a, keys in context.admin1_keys.items() if keys - {m.key}}
        others = [b for o, b in context.anchors if o.key != m.key]
        if len(m.candidates) > 1 or m.qualifiers:
            m.best = max(m.candidates, key=lambda c: _score(c, m, top_share, admin1s, others))
        if m.best.feature == "city" and m.best.population < SMALL_TOWN and not _supported(
                m.best, m, top_share, admin1s, others) and not _neighbours(m, mentions):
            # a hamlet that merely shares the name ("Washington Square", "Heathrow"):
            # better a bigger namesake or no town than a wrong one far away
            acceptable = [c for c in m.candidates
                          if c.feature != "city" or (c.population >= SMALL_TOWN
                                                     and _main_name(c, m.key))]
            m.best = (max(acceptable, key=lambda c: _score(c, m, top_share, admin1s, others))
                      if acceptable else None)


def _place(m: _Mention, focus: Optional[Candidate]) -> Place:
    """The Place record of a mention and its chosen reading."""
    b = m.best
    if b is None:
        # a street, a building, a county the gazetteer lacks: it lies, most likely,
        # in the place the article is about; say so with feature="approximate"
        if focus is None:
            return Place(span=(m.start, m.end), text=m.text, name=m.text)
        return Place(span=(m.start, m.end), text=m.text, name=m.text,
                     country=focus.country, admin1=focus.admin1, lat=focus.lat,
                     lon=focus.lon, feature="approximate")
    return Place(span=(m.start, m.end), text=m.text, name=b.name, country=b.country,
                 admin1=b.admin1, lat=b.lat, lon=b.lon, geonameid=b.geonameid,
                 feature=b.feature)


def _focus(mentions: list[_Mention], top_country: Optional[str]) -> Optional[Candidate]:
    """The town the article is about: in its main country, named most, with its state."""
    towns: Counter = Counter()
    first: dict = {}
    admin1s: Counter = Counter()
    countries: Counter = Counter()
    for m in mentions:
        b = m.best
        if b is None:
            continue
        if b.feature == "city":
            k = (b.name, b.country, b.lat)
            towns[k] += 1
            first.setdefault(k, b)
        elif b.feature == "admin1":
            admin1s[(b.country, b.admin1_code)] += 1
        elif b.feature == "country":
            countries[b.country] += 1
    if top_country and any(first[k].country == top_country for k in towns):
        towns = Counter({k: n for k, n in towns.items() if first[k].country == top_country})
    if towns:
        def weight(k):
            b = first[k]
            return (towns[k] + 0.5 * admin1s[(b.country, b.admin1_code)]
                    + 0.25 * countries[b.country])
        return first[max(towns, key=weight)]
    for m in mentions:  # no town: the most named state, else the main country
        if m.best is not None and m.best.feature == "admin1" and admin1s:
            top = admin1s.most_common(1)[0][0]
            if (m.best.country, m.best.admin1_code) == top:
                return m.best
    wanted = top_country if top_country in countries else (
        next(iter(countries)) if len(countries) == 1 else None)
    if wanted is None:
        return None
    return next(m.best for m in mentions
                if m.best is not None and m.best.feature == "country" and m.best.country == wanted)


# -- mentions --------------------------------------------------------------------------

def _lookup(gaz, text: str) -> list[Candidate]:
    key = normalise(text)
    found = gaz.lookup(text, key)
    if found and text.isupper() and len(key) <= 3:
        # "WA", "NSW", "UK": an abbreviation of a state or country, never the town "Wa"
        found = [c for c in found if c.feature != "city"]
    if not found:
        stem = _admin_stem(text)  # "Borno State" -> "borno"
        if stem and stem != key:
            found = [c for c in gaz.lookup(stem, stem) if c.feature == "admin1"]
    return found


def _collect(doc: Document, sdoc, gaz) -> tuple[list[_Mention], Counter]:
    text = doc.article.text
    actor_spans = sorted(((tuple(a.span), a) for a in doc.actors), key=lambda x: x[0]) if doc.actors else []
    actor_starts = [span[0] for span, _ in actor_spans]
    mentions: list[_Mention] = []
    demonyms: Counter = Counter()
    words = place_words()
    for ent in sdoc.ents:
        label = ent.label_
        province_word = _next_word(text, ent.end_char) in words.province_nouns
        if label == "NORP":
            cc = gaz.demonym_country(ent.text)
            if cc:
                demonyms[cc] += 1
                continue
        # a name tagged as a group of people before a province noun ("the Aleppo countryside")
        # is the province's name used as a modifier: a place, looked up as a province
        norp_province = label == "NORP" and province_word
        if label not in PLACE_LABELS and label not in RESCUE_LABELS and not norp_province:
            continue
        tokens = list(ent)
        while tokens and tokens[0].lower_ in words.entity_articles and len(tokens) > 1:
            tokens = tokens[1:]
        while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in words.possessive_endings) and len(tokens) > 1:
            tokens = tokens[:-1]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        surface = text[start:end]
        if not surface.strip() or not any(ch.isalpha() for ch in surface):
            continue
        if gaz.demonym_country(surface):
            demonyms[gaz.demonym_country(surface)] += 1
            continue
        candidates = _lookup(gaz, surface)
        if norp_province:
            candidates = [c for c in candidates if c.feature == "admin1"]
            if not candidates:
                continue
        if label in RESCUE_LABELS and not _rescue(tokens, candidates):
            continue
        if not candidates and label != "FAC" and len(tokens) == 1:
            continue  # an unknown single word tagged GPE is mostly a person or a brand
        lo = bisect.bisect_left(actor_starts, start - 200)
        hi = bisect.bisect_left(actor_starts, end)
        if _acts(ent, start, end, actor_spans[lo:hi]):
            continue
        if _possessive_state(ent, candidates) or _state_as_party(ent, candidates):
            continue
        mentions.append(_Mention(start, end, surface, normalise(surface), label, candidates,
                                 province_word=province_word))
    return mentions, demonyms


def _next_word(text: str, end: int) -> str:
    """The lower-case word right after a name (within a line), or ''."""
    found = re.match(r"[ \t]+([A-Za-z]+)", text[end:end + 30])
    return found.group(1).lower() if found else ""


def _rescue(tokens, candidates: list[Candidate]) -> bool:
    """A PERSON/ORG entity that is really a well-known place ("Port au Prince", "Gaza Strip")."""
    if not candidates:
        return False
    multiword = len(tokens) > 1 and all(t.is_title or not t.is_alpha or t.is_stop for t in tokens)
    for c in candidates:
        if c.alternate and c.feature == "city":
            continue
        if c.feature in ("country", "admin1") and not c.alternate:
            if multiword or tokens[0].is_title:
                return True
        if multiword and (c.feature in ("region", "water", "continent", "country", "admin1")
                          or c.population >= 100_000):
            return True
    return False


def _spatial(root) -> bool:
    """The mention sits in a spatial prepositional phrase ("between London and Paris")."""
    token = root
    for _ in range(4):  # climb conjunctions and appositions: "in Paris, London and Rome"
        if token.dep_ in ("conj", "appos") and token.head != token:
            token = token.head
        else:
            break
    if token.dep_ != "pobj":
        return False
    prep = token.head
    words = place_words()
    if prep.lower_ == "of":  # "north of Caracas", "the outskirts of Aleppo"
        return prep.head.lower_ in words.place_part_nouns
    return prep.lower_ in words.spatial_prepositions and prep.dep_ != "agent"


def _first_conjunct(token):
    for _ in range(4):  # "China and Russia hope": Russia hangs off China
        if token.dep_ == "conj" and token.head != token:
            token = token.head
        else:
            break
    return token


def _acts(ent, start: int, end: int, actor_spans) -> bool:
    """True when the mention names an actor, not a place (metonymy).

    The actors stage's verdict counts first: locative -> place. Its "metonymy" (a capital
    read as its state) is taken as acting only outside spatial phrases, since that stage
    flags "between London and Amsterdam" too.
    """
    root = ent.root
    words = place_words()
    for (a_start, a_end), actor in actor_spans:
        if a_start < end and start < a_end:
            if actor.locative:
                return False
            if actor.resolved_by == "metonymy" and not _spatial(root):
                return True
    subject = _first_conjunct(root)
    if subject.dep_ in _SUBJECT_DEPS:
        head = subject.head
        if subject.dep_ == "agent" or (head.pos_ == "VERB" and head.lemma_ not in words.stative_verbs):
            return True
    if subject.dep_ == "pobj" and subject.head.dep_ == "agent":  # "condemned by Russia"
        return True
    if root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ in words.role_nouns:
        return True
    return False


def _state_as_party(ent, candidates: list[Candidate]) -> bool:
    """A country named as a party ("sanctions against Iran", "supporting Dominica").

    Only countries: a country outside a spatial phrase is, in news, mostly the state; the
    object of a movement verb ("visited Venezuela", "invaded Ukraine") stays a place.
    """
    if not candidates or not any(c.feature == "country" and not c.alternate or
                                 c.feature == "country" and len(candidates) == 1
                                 for c in candidates):
        return False
    root = _first_conjunct(ent.root)
    if _spatial(ent.root) or _spatial(root):
        return False
    if root.dep_ == "dobj":
        return root.head.lemma_ not in place_words().movement_verbs
    if root.dep_ == "pobj":
        return root.head.lower_ in place_words().party_prepositions
    return root.dep_ in ("nsubjpass", "attr", "dative")


def _possessive_state(ent, candidates: list[Candidate]) -> bool:
    """'Iran's exports', 'Moscow's protection': a state as owner is an actor, not a place."""
    last = ent[-1]
    nxt = ent.doc[last.i + 1] if last.i + 1 < len(ent.doc) else None
    if nxt is None or nxt.tag_ != "POS":
        return False
    return any(c.feature == "country" or c.capital for c in candidates if not c.alternate
               or c.feature == "country")


_QUALIFIER_AFTER = re.compile(r",\s{1,2}((?:[A-Z][A-Za-z.]*\.?)(?:\s[A-Z][A-Za-z.]*){0,2})")
_LIST_AFTER = re.compile(r"^\s*(,|and\b|or\b|&)\s*[A-Z]")


def _link_qualifiers(mentions: list[_Mention], text: str, gaz) -> None:
    """'Paris, Texas' / 'Gainesville, Va.' / 'Caracas, Venezuela': the second narrows the first.

    Read from the text itself, so a qualifier the parser misattached (and the metonymy
    filter dropped) still counts. Not in a list: in "Washington, New York and Boston"
    New York qualifies nothing.
    """
    for m in mentions:
        if not m.candidates or len(m.candidates) < 2:
            continue
        found = _QUALIFIER_AFTER.match(text, m.end)
        if not found:
            continue
        words = found.group(1).split(" ")
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n]).rstrip(",")
            named = _lookup(gaz, phrase)
            candidates = [c for c in named if c.feature in ("admin1", "country")]
            if candidates:
                end = found.start(1) + len(phrase)
                key = normalise(phrase)
                qualifier_countries = {c.country for c in candidates}
                also_big_town = any(c.feature == "city" and c.population >= 100_000
                                    and c.country in qualifier_countries
                                    and normalise(c.name) in (key, key + " city")
                                    for c in named)
                # "Richmond, Virginia, Fort Lauderdale": a list of town-state pairs is
                # fine; "Washington, New York and Boston" is a list of towns
                if also_big_town and _LIST_AFTER.match(text[end:end + 8]):
                    break
                m.qualifiers.append(_Mention(found.start(1), end, phrase, key,
                                             "QUALIFIER", candidates))
                break


# -- scoring ---------------------------------------------------------------------------

def _prior(c: Candidate, key: str = "", shadowed: frozenset = frozenset()) -> float:
    score = math.log(c.population + 100) + FEATURE_PRIOR.get(c.feature, 0.0)
    if c.feature == "city":
        if c.alternate and not _main_name(c, key):
            score -= ALTERNATE_PENALTY
        if c.capital:
            score += CAPITAL_BONUS
    elif c.feature == "admin1" and c.country in shadowed:
        score -= SHADOWED_ADMIN1_PENALTY
    return score


def _main_name(c: Candidate, key: str) -> bool:
    """'New York' names 'New York City', 'Washington' names 'Washington, D.C.'."""
    name = normalise(c.name)
    return bool(key) and (name == key or name.startswith(key + " "))


def _shadowing_countries(candidates: list[Candidate], key: str) -> frozenset:
    """Countries where a town of 100,000+ carries the name an admin1 also has."""
    admin_countries = {c.country for c in candidates if c.feature == "admin1"}
    if not admin_countries:
        return frozenset()
    return frozenset(c.country for c in candidates
                     if c.feature == "city" and c.country in admin_countries
                     and c.population >= 100_000 and _main_name(c, key))


def _score(c: Candidate, m: _Mention, top_share: dict[str, float],
           admin1s: set[tuple[str, str]], anchors: list[Candidate]) -> float:
    score = _prior(c, m.key, frozenset() if m.province_word else m.shadowed)
    if c.country and c.country in top_share:
        score += DOC_COUNTRY_BONUS + 2.0 * top_share[c.country]
    if c.feature == "city" and (c.country, c.admin1_code) in admin1s:
        score += DOC_ADMIN1_BONUS
    if m.province_word and c.feature == "admin1":
        score += QUALIFIER_BONUS
    for q in m.qualifiers:
        for qc in q.candidates:
            if qc.feature == "admin1" and c.country == qc.country and c.admin1_code == qc.admin1_code:
                score += QUALIFIER_BONUS
                break
            if qc.feature == "country" and c.country == qc.country and c.feature != "country":
                score += QUALIFIER_BONUS * 0.75
                break
    if c.feature in ("city", "admin1"):
        near = 0
        for a in anchors:
            if a is not c and _km(c.lat, c.lon, a.lat, a.lon) < NEARBY_KM:
                near += 1
                if near == 2:
                    break
        score += NEARBY_BONUS * near
    return score


def _supported(c: Candidate, m: _Mention, top_share: dict[str, float],
               admin1s: set[tuple[str, str]], anchors: list[Candidate]) -> bool:
    if (c.country, c.admin1_code) in admin1s:
        return True
    if any(qc.country == c.country for q in m.qualifiers for qc in q.candidates):
        return True
    if top_share.get(c.country, 0.0) >= 0.5 and len(m.candidates) == 1:
        return True
    return any(_km(c.lat, c.lon, a.lat, a.lon) < NEARBY_KM for a in anchors if a is not c)


def _neighbours(m: _Mention, mentions: list[_Mention]) -> bool:
    """Another name in the article can be a town within 50 km ("Nenagh ... Toomevara")."""
    c = m.best
    for o in mentions:
        if o.key == m.key or not o.candidates or len(o.candidates) > 30:
            continue
        for oc in o.candidates:
            if oc.feature == "city" and oc.country == c.country and _km(
                    c.lat, c.lon, oc.lat, oc.lon) < 50:
                return True
    return False


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    if abs(lat1 - lat2) > 3.0:  # over 330 km apart: exact distance not needed
        return 1e9
    return haversine_km(lat1, lon1, lat2, lon2)
