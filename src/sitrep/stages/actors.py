"""Actors stage: who is acting, named the way the actor knowledge base names them.

Steps, over the spaCy tokens of ``doc.nlp``:
  1. KB names: a token trie (built once with the KB) finds the longest known name at each
     token: countries, demonyms, capitals/seats of government, people, organisations.
  2. spaCy NER (PERSON, ORG, NORP) adds actors the KB does not know (``resolved_by="ner"``);
     a KB place word inside a longer PERSON/ORG name yields to it ("Jordan Peterson",
     "Venezuelan Central Bank" -> an org of Venezuela).
  3. Country words are read with their head noun: "Venezuelan officials" GOV, "Venezuelan
     migrants" CIV, "US troops" MIL, "Venezuelan waters" a place; a role after them ("the
     Venezuelan leader", "the US president") is the person in that office on the article's
     date; a title before a name ("Venezuelan lawmaker Jose Perez") gives the name its country.
  4. Within-document consistency and coreference: a name found once is found everywhere,
     surnames and partial names go to the person named in full before, role descriptions
     ("the president") to the last person holding that role, he/she/his/her to the only
     compatible person in the previous sentences.
  5. ``locative`` marks mentions that name where something happens ("in Caracas", "off the
     coast of Venezuela") rather than who acts.
Pure: no I/O. Helpers for later stages: ``find_actor``, ``actor_at``, ``actors_by_span``.
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Any, Optional

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, ORTH, POS, SENT_START
from spacy.symbols import ADJ, DET, NOUN, PROPN

from sitrep.knowledge.actors import DEMONYM, METONYM, ActorEntry, ActorKB, normalise
from sitrep.model import Actor, Document

_LOC_PREPS = frozenset("in at near inside outside across off around into throughout within along "
                       "via through towards toward onto aboard".split())
#: "from" and "over" name a place only after movement ("fled from Caracas", "flew over
#: Venezuela"); "support from Russia", "talks over Venezuela" keep the actor
_MOTION = frozenset("""flee fly arrive return travel come leave deport expel escape withdraw migrate
emigrate depart export import ship smuggle cross launch fire sail drive move evacuate extradite
repatriate head transport send fight flight migrant refugee exodus arrival shipment people troop
drone jet aircraft plane overflight patrol""".split())
_LOWER = re.compile(r"[a-z]")
_UPPER = re.compile(r"[A-Z]")
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sen. sen gen gen. rep. rep lt. lt col. "
                        "col sheikh ayatollah".split())
_MOD_DEPS = frozenset(("amod", "compound", "poss", "nmod", "npadvmod"))
_NER_LABELS = frozenset(("PERSON", "ORG", "NORP"))
#: words in an unknown organisation's name that tell its sector
_ORG_SECTOR_WORDS = (
    ("MIL", ("army", "armed", "forces", "military", "navy", "air force", "guard", "brigade", "battalion",
             "command", "defense", "defence")),
    ("POL", ("police", "gendarmerie")),
    ("JUD", ("court", "tribunal", "prosecutor", "justice")),
    ("LEG", ("congress", "parliament", "assembly", "senate", "duma", "legislat")),
    ("GOV", ("ministry", "government", "council", "department", "office", "agency", "administration",
             "cabinet", "presidency", "embassy", "commission")),
    ("REB", ("front", "liberation", "rebels", "movement", "militia", "resistance")),
    ("MED", ("news", "times", "post", "tv", "television", "radio", "press", "journal", "herald",
             "tribune", "gazette", "daily")),
    ("BUS", ("bank", "corp", "inc", "company", "oil", "petroleum", "group", "holdings", "ltd", "airlines",
             "energy", "industries")),
    ("NGO", ("foundation", "watch", "institute", "center", "centre", "association", "organization")),
    ("EDU", ("university", "college", "school")),
    ("PTY", ("party",)),
    ("REL", ("church", "diocese", "mosque")),
)
_NOT_GENERAL = frozenset(("-", "secretary", "attorney", "surgeon", "consul", "inspector", "director",
                          "governor", "auditor", "solicitor", "accountant", "comptroller"))
_GOVERNMENT_NOUNS = frozenset(("administration", "admin", "government", "regime", "cabinet", "camp"))
_LEADER_ROLES = frozenset(("leader", "president", "prime_minister", "supreme_leader", "chancellor",
                           "king", "emir", "head_of_state"))


class _Mention:
    __slots__ = ("start", "end", "entry", "use", "name", "country", "sector", "kind", "resolved_by",
                 "locative", "gender", "roles", "weak_ids", "dropped", "ner_label", "person")

    def __init__(self, start: int, end: int, entry: Optional[ActorEntry] = None, use: str = "name"):
        self.start, self.end = start, end
        self.entry, self.use = entry, use
        self.name = entry.name if entry else None
        self.country = self.sector = self.kind = None
        self.resolved_by = "kb"
        self.locative = False
        self.gender: Optional[str] = entry.gender if entry else None
        self.roles: set[str] = set()
        self.weak_ids: tuple[str, ...] = ()  # an ambiguous surname: which people it may be
        self.dropped = False
        self.ner_label: Optional[str] = None
        self.person = bool(entry and entry.kind == "person")

    def identity(self) -> str:
        return self.entry.id if self.entry else "ner:" + normalise(self.name or "")

    def copy_person(self, other: "_Mention", resolved_by: str = "coref") -> None:
        self.entry, self.use, self.name = other.entry, "name", other.name
        self.country, self.sector, self.kind = other.country, other.sector, "person"
        self.gender, self.roles, self.person = other.gender, set(other.roles), True
        self.resolved_by, self.weak_ids = resolved_by, ()


def run(doc: Document, kb) -> Document:
    sdoc = doc.nlp
    actor_kb: ActorKB = kb.actors if hasattr(kb, "actors") else kb
    if sdoc is None or len(sdoc) == 0:
        doc.actors = []
        return doc
    date = (doc.article.published or "")[:10] or None
    gazetteer = None
    if hasattr(kb, "gazetteer"):
        try:
            gazetteer = kb.gazetteer
        except Exception:  # the place index is a help here, not a requirement
            gazetteer = None
    last = sdoc[-1]
    text = doc.article.text if len(doc.article.text) == last.idx + len(last.text_with_ws) else None
    doc.actors = _Extractor(sdoc, actor_kb, date, text, gazetteer).run()
    return doc


class _Extractor:
    def __init__(self, sdoc, kb: ActorKB, date: Optional[str], text: Optional[str] = None,
                 gazetteer=None):
        self.sdoc, self.kb, self.date, self.gazetteer = sdoc, kb, date, gazetteer
        self.n = len(sdoc)
        self.text = text if text is not None else sdoc.text  # spaCy rebuilds Doc.text per access
        # per-token facts as plain lists: creating spaCy Token objects in loops is the slow part
        arr = sdoc.to_array([ORTH, POS, IDX, SENT_START, ENT_IOB, ENT_TYPE])
        strings = sdoc.vocab.strings
        hashes = arr[:, 0].tolist()
        lex = list(map(_LEX_CACHE.get, hashes))
        if None in lex:
            lex = [x if x is not None else _lexical(h, strings) for x, h in zip(lex, hashes)]
        self.texts, self.norms, self.cap = (list(col) for col in zip(*lex))
        self.propn = [p == PROPN for p in arr[:, 1].tolist()]
        self.idx = arr[:, 2].tolist()
        self.pos = arr[:, 1].tolist()
        self.ents = _entity_spans(arr[:, 4].tolist(), arr[:, 5].tolist(), strings)
        self.ent_label: list[Optional[str]] = [None] * self.n
        for start, end, label in self.ents:
            for i in range(start, end):
                self.ent_label[i] = label
        sample = self.text[:5000]
        lower = len(_LOWER.findall(sample))
        upper = len(_UPPER.findall(sample))
        self.all_caps = upper > 0 and upper > 4 * lower
        self.sent_starts = [i for i, v in enumerate(arr[:, 3].tolist()) if v == 1 or i == 0]
        self.covered: list[Optional[_Mention]] = [None] * self.n
        self.mentions: list[_Mention] = []
        self._persons: list[tuple[int, int, _Mention]] = []

    def _title_word(self, k: int) -> bool:
        norm = self.norms[k]
        return norm in _HONORIFICS or norm in self.kb.nouns or norm in self.kb.role_trie

    def _span_text(self, start: int, end: int) -> str:
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.texts[end - 1])]

    def _sent_index(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    # -- 1. KB names ------------------------------------------------------------------

    def run(self) -> list[Actor]:
        self._match_kb()
        self._add_ner()
        self._consistency()
        for m in list(self.mentions):
            if not m.dropped and m.entry is not None and m.entry.kind == "state":
                self._read_country_word(m)
        self._titles_before_people()
        self._groups_located_in_countries()
        self._coref_names()
        self._governments_named_after_people()
        self._bare_roles()
        self._pronouns()
        return self._emit()

    def _add(self, m: _Mention) -> _Mention:
        self.mentions.append(m)
        self._persons = None  # rebuilt on demand
        for i in range(m.start, m.end):
            self.covered[i] = m
        return m

    def _drop(self, m: _Mention) -> None:
        m.dropped = True
        for i in range(m.start, m.end):
            if self.covered[i] is m:
                self.covered[i] = None

    def _match_kb(self) -> None:
        trie, norms, n = self.kb.trie, self.norms, self.n
        resume = 0
        for i in [i for i, t in enumerate(norms) if t in trie]:
            if i < resume:
                continue
            node = trie[norms[i]]
            best_end, best_hits = 0, None
            j = i + 1
            if "" in node:
                best_end, best_hits = j, node[""]
            while j < n:
                node = node.get(norms[j])
                if node is None:
                    break
                j += 1
                if "" in node:
                    best_end, best_hits = j, node[""]
            if best_hits is None:
                continue
            hits = [h for h in best_hits if self._case_ok(h, i, best_end)]
            if not hits:
                continue
            m = self._mention_from_hits(i, best_end, hits)
            if m is not None:
                self._add(m)
                resume = best_end

    def _case_ok(self, hit, start: int, end: int) -> bool:
        if hit.exact is not None:
            if self.all_caps and hit.exact.lower() in _stop_words():
                return False
            text = self.texts[start]
            return text == hit.exact or text.replace(".", "") == hit.exact.replace(".", "")
        if not any(c.isupper() for k in range(start, end) for c in self.texts[k]):
            return False
        if hit.weak:
            if not self.all_caps and not (self.cap[start] and (self.propn[start] or self.sdoc[start].pos_ in ("NOUN", "ADJ"))):
                return False
            # a surname inside a longer, unknown name ("Hussein Ali") is someone else
            for k in (start - 1, end):
                if 0 <= k < self.n:
                    other = self.sdoc[k]
                    if other.pos_ == "PROPN" and other.text[:1].isupper() and other.is_alpha \
                            and not self._title_word(k) and not other.is_sent_start:
                        return False
        return True

    def _mention_from_hits(self, start: int, end: int, hits) -> Optional[_Mention]:
        entries = [(self.kb.entries[h.entry_id], h) for h in hits if h.entry_id in self.kb.entries]
        if not entries:
            return None
        strong = [(e, h) for e, h in entries if not h.weak]
        if not strong:  # a bare surname: unique in the KB or settled by coreference later
            ids = tuple(dict.fromkeys(e.id for e, _ in entries))
            if len(ids) == 1:
                m = _Mention(start, end, entries[0][0])
                self._person_at_date(m)
                m.weak_ids = ids
                return m
            m = _Mention(start, end, None)
            m.weak_ids, m.person = ids, True
            return m
        entry, hit = strong[0]
        if len(strong) > 1 and self.date:  # same name, several people: the one in office
            for e, h in strong:
                if e.term_at(self.date) and any(t.covers(self.date) for t in e.terms):
                    entry, hit = e, h
                    break
        m = _Mention(start, end, entry, hit.use)
        if entry.kind == "person":
            self._person_at_date(m)
        else:
            m.country, m.sector, m.kind = entry.country, entry.sector, entry.kind
            if entry.kind != "state" and entry.igo and not entry.country:
                m.country = None
        return m

    def _person_at_date(self, m: _Mention) -> None:
        country, sector, _ = m.entry.at(self.date)
        m.country, m.sector, m.kind, m.person = country, sector, "person", True
        m.roles = m.entry.roles_at(self.date) or m.entry.roles_at(None)

    # -- 2. NER -----------------------------------------------------------------------

    def _add_ner(self) -> None:
        for start, end, label in self.ents:
            if label not in _NER_LABELS:
                continue
            while start < end and self.norms[start] in ("the", "a", "an"):
                start += 1
            while end > start and self.norms[end - 1] in ("'s", "'"):
                end -= 1
            if start >= end or not any(self.cap[start:end]):
                continue
            inside = {id(self.covered[i]): self.covered[i] for i in range(start, end) if self.covered[i]}
            inner = list(inside.values())
            if inner:
                if len(inner) > 1 or label == "NORP":
                    continue
                m = inner[0]
                if m.start <= start and m.end >= end:
                    continue  # the KB already has it, same or longer
                if m.entry is not None and m.entry.kind == "state" and m.start >= start and m.end <= end \
                        and label in ("PERSON", "ORG"):
                    # a place word inside a longer name: the name wins, the place may give a country
                    self._drop(m)
                    country = None if label == "PERSON" else m.entry.country
                    self._new_ner(start, end, label, country)
                continue
            if label == "PERSON" and self._after_locative_prep(start):
                continue  # "in Puerto Cabello": a place the tagger took for a person
            if label in ("PERSON", "ORG") and self._place_name(start, end):
                continue
            self._new_ner(start, end, label, None)

    def _place_name(self, start: int, end: int) -> bool:
        """The tagger's known news misses: multiword places tagged PERSON, cities tagged ORG."""
        if self.gazetteer is None:
            return False
        text = self._span_text(start, end)
        try:
            found = self.gazetteer.lookup(text)
        except Exception:
            return False
        if not found:
            return False
        if end - start > 1:
            return True
        return max(c.population for c in found) >= 100_000

    def _new_ner(self, start: int, end: int, label: str, country: Optional[str]) -> _Mention:
        m = _Mention(start, end)
        text = self._span_text(start, end)
        m.name, m.resolved_by, m.ner_label, m.country = _tidy_name(text), "ner", label, country
        if label == "PERSON":
            m.kind, m.person = "person", True
        elif label == "ORG":
            m.kind, m.sector = "org", _org_sector(text)
        else:
            m.kind = "group"
            if self.norms[end - 1].endswith("s"):  # "Kurds", "Shiites": people
                m.sector = "CIV"
        return self._add(m)

    # -- consistency: a name resolved once is resolved everywhere ---------------------

    def _consistency(self) -> None:
        local: dict[tuple[str, ...], _Mention] = {}
        for m in self.mentions:
            if m.dropped or m.resolved_by != "ner" or m.ner_label == "NORP":
                continue
            key = tuple(self.norms[m.start:m.end])
            if len(key) == 1 and (len(key[0]) < 3 or key[0] in _stop_words()):
                continue
            local.setdefault(key, m)
        if not local:
            return
        firsts: dict[str, list[tuple[str, ...]]] = {}
        for key in local:
            firsts.setdefault(key[0], []).append(key)
        i = 0
        while i < self.n:
            keys = firsts.get(self.norms[i])
            if not keys or self.covered[i] is not None:
                i += 1
                continue
            done = False
            for key in sorted(keys, key=len, reverse=True):
                end = i + len(key)
                if end <= self.n and tuple(self.norms[i:end]) == key \
                        and all(self.covered[k] is None for k in range(i, end)) \
                        and self.sdoc[i].text[:1].isupper() \
                        and (end >= self.n or not (self.sdoc[end].pos_ == "PROPN" and self.sdoc[end].text[:1].isupper())):
                    src = local[key]
                    if src.person and self._after_locative_prep(i):
                        continue
                    m = _Mention(i, end)
                    m.name, m.resolved_by, m.ner_label = src.name, "ner", src.ner_label
                    m.kind, m.sector, m.country, m.person = src.kind, src.sector, src.country, src.person
                    self._add(m)
                    i, done = end, True
                    break
            if not done:
                i += 1

    # -- 3. country words with their head noun ----------------------------------------

    def _read_country_word(self, m: _Mention) -> None:
        sdoc = self.sdoc
        entry = m.entry
        m.country = entry.country
        m.kind = "state"
        last = sdoc[m.end - 1]
        # a role right after the country word: "the US president", "Venezuela's defence minister"
        k = m.end
        if k < self.n and sdoc[k].text in ("'s", "\u2019s", "'"):
            k += 1
        role_end, roles = self._match_role(k)
        if roles and m.use != METONYM:
            nxt = sdoc[role_end] if role_end < self.n else None
            names_follow = nxt is not None and (
                (nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not self.all_caps)
                or (self.covered[role_end] is not None and self.covered[role_end].person))
            if not names_follow:
                self._role_description(m, role_end, roles, entry.country)
                return
        head = self._modified_head(last)
        category = None
        if head is not None:
            category = self._category(head)
            for t in sdoc[m.end:head.i]:  # "Venezuelan opposition leader", "US military officials"
                c = self._category(t)
                if c == "NONE" and category is None:  # "Venezuelan oil exports"
                    category = c
                    break
                if c and c not in ("GOV", "CIV", "PLACE", "NONE") and category in (None, "GOV", "CIV"):
                    category = c
                    break
        if category == "PLACE":
            m.locative = True
        elif category == "NONE" and m.use == DEMONYM:
            self._drop(m)
            return
        elif category and category != "NONE":
            m.sector = category
            if self._contiguous(m.end, head.i) and all(self.covered[i] is None for i in range(m.end, head.i + 1)):
                for i in range(m.end, head.i + 1):
                    self.covered[i] = m
                m.end = head.i + 1
        elif m.use == DEMONYM and head is None:
            tok = sdoc[m.start]
            if tok.dep_ in ("acomp", "attr", "advmod", "conj") and tok.pos_ == "ADJ":
                self._drop(m)  # "is Venezuelan": a property, not an actor
                return
            if tok.tag_ in ("NNS", "NNPS") or self.norms[m.start].endswith("s"):
                # "Venezuelans fled" are people; "the Israelis agreed" usually the government
                prev = sdoc[m.start - 1].lower_ if m.start else ""
                m.sector = "GOV" if prev == "the" else "CIV"
        if m.use == METONYM and not m.locative:
            m.locative = self._is_locative(m)
            if not m.locative:
                m.resolved_by = "metonymy"
        if m.sector is None:
            m.sector = "GOV"
        if m.sector not in ("GOV", "MIL"):
            m.kind = "org" if m.sector in ("BUS", "MED") else "group"

    def _match_role(self, k: int) -> tuple[int, tuple[str, ...]]:
        node, best_end, best = self.kb.role_trie, k, ()
        j = k
        while j < self.n:
            node = node.get(self.norms[j])
            if node is None:
                break
            j += 1
            if "" in node:
                best_end, best = j, node[""]
        return best_end, best

    def _role_description(self, m: _Mention, role_end: int, roles: tuple[str, ...],
                          country: Optional[str]) -> None:
        """"the Venezuelan leader" -> the person holding that office (KB term, else the text)."""
        person = self.kb.holder(country, roles, self.date)
        for i in range(m.end, role_end):
            if self.covered[i] is not None and self.covered[i] is not m:
                return
        for i in range(m.end, role_end):
            self.covered[i] = m
        m.end = role_end
        if person is not None:
            m.entry, m.name, m.use = person, person.name, "name"
            self._person_at_date(m)
            m.gender = person.gender
            m.resolved_by = "coref"
            return
        earlier = self._last_person(m.start, lambda p: p.country == country and bool(p.roles & set(roles)))
        if earlier is not None:
            m.copy_person(earlier)
            return
        m.sector, m.kind = "GOV", "state"  # an office we cannot name: the state acting through it

    def _modified_head(self, tok):
        t = tok
        while t.dep_ == "conj" and t.head.i < t.i:  # "US and Colombian officials"
            t = t.head
        if t.dep_ in _MOD_DEPS and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            head = t.head
            while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN") \
                    and head.head.i - tok.i <= 5:
                head = head.head
            return head
        return None

    def _category(self, tok) -> Optional[str]:
        nouns = self.kb.nouns
        category = nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)
        if category == "MIL" and tok.i > 0 and self.norms[tok.i] == "general" \
                and self.norms[tok.i - 1] in _NOT_GENERAL:
            return "GOV"  # "Secretary-General", "attorney general" are not generals
        return category

    def _contiguous(self, a: int, b: int) -> bool:
        if b - a > 5:
            return False
        for t in self.sdoc[a:b + 1]:
            if t.pos_ in ("CCONJ", "PUNCT") and t.text not in ("-", "'s"):
                return False
        return True

    # -- titles before names: "Venezuelan lawmaker Jose Perez" ------------------------

    def _titles_before_people(self) -> None:
        """"Venezuelan lawmaker Jose Perez", "Ivory Coast's Supreme Court", "Iraqi Kurds": the
        country word before a name is its nationality, not a second actor."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if not m.dropped and m.entry is not None and m.entry.kind == "state":
                counts[m.entry.country] = counts.get(m.entry.country, 0) + 1
        dominant = max(counts, key=counts.get) if counts else None
        for p in list(self.mentions):
            if p.dropped or not (p.person or (p.resolved_by == "ner" and p.ner_label in ("ORG", "NORP"))):
                continue
            k, steps = p.start, 0
            title_sector, title_roles, titled = None, set(), False
            sent_start = self.sent_starts[self._sent_index(p.start)]
            while k > sent_start and steps < 7:
                owner = self.covered[k - 1]
                if owner is not None and not owner.dropped and owner is not p and p.person \
                        and owner.ner_label == "ORG" and owner.resolved_by == "ner" and owner.end - owner.start <= 2 \
                        and (steps > 0 or (owner.start > 0 and self.norms[owner.start - 1] == "of")):
                    # "Secretary of State Marco Rubio", "Defense Secretary Pete Hegseth": the tagger
                    # took part of the title for an organisation
                    self._drop(owner)
                    k, steps = owner.start, steps + 1
                    continue
                if owner is not None and not owner.dropped and owner is not p:
                    if owner.entry is not None and owner.entry.kind == "state" and owner.use != METONYM \
                            and owner.end <= p.start:
                        if p.country is None:
                            p.country = owner.entry.country
                        if p.sector is None and owner.sector not in (None, "GOV", "CIV"):
                            title_sector = title_sector or owner.sector
                        # one mention from the country word to the name
                        self._drop(owner)
                        for i in range(owner.start, p.start):
                            self.covered[i] = p
                        p.start = owner.start
                    break
                norm = self.norms[k - 1]
                if norm in ("'s", "'"):
                    k, steps = k - 1, steps + 1
                    continue
                if not p.person:
                    break  # organisations and groups take only an adjacent country word
                if norm == "-" or norm in _HONORIFICS:
                    k, steps = k - 1, steps + 1
                    continue
                if norm in ("of", "for", "and") and k >= 2 and self.cap[k - 2] and self.cap[k]:
                    k, steps = k - 1, steps + 1  # "Secretary of State", "Minister for Interior"
                    continue
                t = self.sdoc[k - 1]
                cat = self._category(t)
                _, roles = self._match_role(k - 1)
                if t.pos_ in ("PUNCT", "VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "NUM"):
                    break
                if cat in (None, "PLACE", "NONE") and not roles and not (
                        t.pos_ == "ADJ" or (t.pos_ in ("PROPN", "NOUN") and self.cap[k - 1])):
                    break
                if cat and cat not in ("PLACE", "NONE") and title_sector in (None, "GOV"):
                    title_sector = cat
                if roles or (cat and cat not in ("PLACE", "NONE", "CIV")):
                    titled = True
                title_roles.update(roles)
                k, steps = k - 1, steps + 1
            if p.entry is None:
                if p.sector is None:
                    p.sector = title_sector or ("GOV" if title_roles else None)
                p.roles |= title_roles
                if p.country is None and p.person and titled and dominant:
                    # "President Omar El Bashir ... in Sudan": an office with no country named
                    # is most likely in the country the text is about
                    p.country = dominant

    def _groups_located_in_countries(self) -> None:
        """"rebels in the Ivory Coast", "protesters from Venezuela": the country stays a place,
        and the group before it becomes an actor of that country."""
        for m in list(self.mentions):
            if m.dropped or m.entry is None or m.entry.kind != "state" or m.person:
                continue
            k = m.start - 1
            while k >= 0 and self.pos[k] == DET:
                k -= 1
            if k < 1 or self.norms[k] not in ("in", "from", "of", "inside", "across", "throughout"):
                continue
            head = self.sdoc[k].head
            if head.i >= k or head.pos_ != "NOUN" or self.covered[head.i] is not None:
                continue
            category = self._category(head)
            if category in (None, "GOV", "PLACE", "NONE"):
                for child in head.children:
                    if child.i < head.i and child.dep_ in ("compound", "amod"):
                        c = self._category(child)
                        if c not in (None, "PLACE", "NONE"):
                            category = c
                            break
            if category in (None, "PLACE", "NONE") or (category == "GOV" and self.norms[k] != "of"):
                continue
            start = head.i
            while start > 0 and head.i - start < 3 and self.covered[start - 1] is None \
                    and self.sdoc[start - 1].head.i == head.i and self.pos[start - 1] in (ADJ, NOUN, PROPN):
                start -= 1
            end = head.i + 1
            if self.norms[k] == "of":  # "the government of Venezuela", "the people of Colombia": one mention
                self._drop(m)
                end = m.end
            g = _Mention(start, end, m.entry)
            g.country, g.sector, g.resolved_by = m.entry.country, category, "kb"
            g.kind = "state" if category in ("GOV", "MIL") else ("org" if category in ("BUS", "MED") else "group")
            self._add(g)
            if self.norms[k] != "of":
                m.locative = True

    # -- 4. coreference of names ------------------------------------------------------

    def _coref_names(self) -> None:
        known: dict[tuple[str, ...], _Mention] = {}
        live = sorted((m for m in self.mentions if not m.dropped), key=lambda m: m.start)
        starts = {m.start: m for m in live}
        i = 0
        while i < self.n:
            m = starts.get(i)
            if m is not None and not m.dropped:
                self._coref_one(m, known)
                i = max(m.end, i + 1)
                continue
            if self.covered[i] is None and self.cap[i] and (self.propn[i] or self.all_caps) \
                    and (self.norms[i],) in known:
                src = known.get((self.norms[i],))
                if src is not None and not self._propn_neighbour(i, i + 1) \
                        and self.ent_label[i] in (None, "PERSON", "ORG", "NORP"):
                    m = _Mention(i, i + 1)
                    m.copy_person(src)
                    self._add(m)
            i += 1

    def _coref_one(self, m: _Mention, known: dict) -> None:
        key = tuple(self.norms[m.start:m.end])
        if m.person and m.entry is not None and m.resolved_by == "kb" and key in known \
                and known[key].entry is m.entry and len(key) < self._name_len(known[key]):
            m.resolved_by = "coref"  # "Maduro" after "Nicolas Maduro"
            return
        if m.weak_ids:  # a bare surname
            src = known.get(key)
            if src is not None and (src.entry is None or src.entry.id in m.weak_ids):
                m.copy_person(src)
            elif m.entry is None:
                self._drop(m)
            return
        if m.person and m.resolved_by == "ner":
            src = known.get(key)
            if src is not None and src.identity() != m.identity() and len(key) < self._name_len(src):
                m.copy_person(src)
                return
        elif m.ner_label == "ORG" and len(key) <= 2:
            src = known.get(key)  # a surname the tagger took for an organisation
            if src is not None:
                m.copy_person(src)
                return
        if m.person and m.resolved_by in ("kb", "ner") and m.end - m.start >= 1:
            toks = [t for t in key if t not in ("-", ".", "'")]
            if len(toks) >= 2 or m.entry is not None:
                self._register(m, known)

    def _register(self, m: _Mention, known: dict) -> None:
        names = [m.name or ""]
        if m.entry is not None:
            names += m.entry.aliases
        for name in names:
            parts = [normalise(p) for p in name.replace("-", " - ").split()]
            parts = [p for p in parts if p]
            for k in range(1, len(parts)):
                if parts[k] in ("-", "de", "la", "da", "del", "al", "el", "bin", "von", "van"):
                    continue
                known[tuple(parts[k:])] = m
                if len(parts[k]) >= 3 and parts[k] not in _stop_words():
                    known[(parts[k],)] = m
            if m.entry is not None and m.entry.country in ("CHN", "TWN", "PRK", "KOR") and parts:
                known[(parts[0],)] = m
            if m.entry is not None and parts:
                known[tuple(parts)] = m  # an alias as written: "al-Assad", "Lula"
        known[tuple(self.norms[m.start:m.end])] = m

    def _name_len(self, m: _Mention) -> int:
        return len((m.name or "").replace("-", " - ").split())

    def _propn_neighbour(self, a: int, b: int) -> bool:
        for k in (a - 1, b):
            if 0 <= k < self.n:
                t = self.sdoc[k]
                if t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and not self._title_word(k):
                    return True
        return False

    def _governments_named_after_people(self) -> None:
        """"the Maduro government", "the Trump administration": the state, not the person."""
        for m in self.mentions:
            if m.dropped or not m.person or m.end >= self.n or not m.country:
                continue
            nxt = self.sdoc[m.end]
            if nxt.lower_ not in _GOVERNMENT_NOUNS or self.covered[m.end] is not None:
                continue
            state = self.kb.countries.get(m.country)
            if state is None:
                continue
            self.covered[m.end] = m
            m.end += 1
            m.entry, m.name, m.use, m.person = state, state.name, "name", False
            m.kind, m.sector, m.resolved_by, m.roles, m.gender = "state", "GOV", "metonymy", set(), None

    # -- role descriptions without a country, pronouns ----------------------------------

    def _bare_roles(self) -> None:
        for i in range(1, self.n):
            if self.norms[i - 1] != "the" or self.covered[i] is not None or self.norms[i] not in self.kb.role_trie:
                continue
            role_end, roles = self._match_role(i)
            if not roles:
                continue
            if any(self.covered[k] is not None for k in range(i, role_end)):
                continue
            nxt = self.sdoc[role_end] if role_end < self.n else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not self.all_caps:
                continue  # "the President Donald Trump": a title
            country, end = None, role_end
            if nxt is not None and nxt.lower_ == "of" and role_end + 1 < self.n:
                owner = self.covered[role_end + 1]
                if owner is not None and owner.entry is not None and owner.entry.kind in ("state", "org"):
                    country = owner.entry.country if owner.entry.kind == "state" else None
                    igo = owner.entry.id if owner.entry.kind == "org" else None
                    person = self.kb.holder(country or (owner.entry.igo or igo), roles, self.date)
                    if person is None and igo:
                        person = self.kb.holder(igo, roles, self.date)
                    if person is not None:
                        self._drop(owner)
                        m = _Mention(i, owner.end, person)
                        self._person_at_date(m)
                        m.resolved_by = "coref"
                        self._add(m)
                    continue
            wanted = set(roles)
            if "leader" in wanted:
                wanted |= _LEADER_ROLES
            src = self._last_person(i, lambda p: bool(p.roles & wanted))
            if src is None and "leader" in roles:
                src = self._only_person_nearby(i, None)
            if src is not None:
                m = _Mention(i, end)
                m.copy_person(src)
                self._add(m)

    def _pronouns(self) -> None:
        for i in [i for i, t in enumerate(self.norms) if t in _PRONOUNS]:
            gender = _PRONOUNS[self.norms[i]]
            if self.covered[i] is not None:
                continue
            tok = self.sdoc[i]
            if tok.pos_ != "PRON":
                continue
            src = self._only_person_nearby(tok.i, gender)
            if src is not None:
                m = _Mention(tok.i, tok.i + 1)
                m.copy_person(src)
                self._add(m)

    def _persons_before(self, i: int):
        if self._persons is None:
            self._persons = sorted((m.end, m.start, id(m), m) for m in self.mentions
                                   if not m.dropped and m.person and m.name)
        k = bisect.bisect_right(self._persons, (i, float("inf")))
        return [p[3] for p in self._persons[:k] if not p[3].dropped]

    def _last_person(self, i: int, test) -> Optional[_Mention]:
        for m in reversed(self._persons_before(i)):
            if test(m):
                return m
        return None

    def _only_person_nearby(self, i: int, gender: Optional[str]) -> Optional[_Mention]:
        """The one person a pronoun can mean: same or previous two sentences, gender-compatible."""
        si = self._sent_index(i)
        window_start = self.sent_starts[max(0, si - 2)]
        cands = [m for m in self._persons_before(i) if m.start >= window_start
                 and (gender is None or m.gender in (None, gender))]
        if not cands:
            return None
        ids = {m.identity() for m in cands}
        if len(ids) == 1:
            return cands[-1]
        # several people: only a lone subject in this or the previous sentence is clear enough
        near_start = self.sent_starts[max(0, si - 1)]
        subjects = {m.identity(): m for m in cands if m.start >= near_start
                    and self.sdoc[m.end - 1].dep_ in ("nsubj", "nsubjpass")}
        if len(subjects) == 1:
            return next(iter(subjects.values()))
        return None

    # -- 5. locatives and output ------------------------------------------------------

    def _after_locative_prep(self, start: int) -> bool:
        k = start - 1
        while k >= 0 and self.pos[k] in (DET, ADJ) and start - k <= 3:
            k -= 1
        if k < 0:
            return False
        prep = self.sdoc[k]
        word = prep.lower_
        if word in _LOC_PREPS:
            return True
        if word in ("from", "over"):
            head = prep.head
            return head.lemma_.lower() in _MOTION or head.lower_ in _MOTION
        if word == "of":
            return self._category(prep.head) == "PLACE"
        return False

    def _is_locative(self, m: _Mention) -> bool:
        if self._after_locative_prep(m.start):
            return True
        tok = self.sdoc[m.end - 1]
        t = tok
        while t.dep_ == "conj" and t.head.i < t.i:  # "in Venezuela and Colombia"
            t = t.head
        if t is not tok and t.dep_ == "pobj":
            return self._after_locative_prep(t.i) or (t.head.i == t.i - 1 and t.head.lower_ in _LOC_PREPS)
        return False

    def _emit(self) -> list[Actor]:
        out = []
        for m in sorted((m for m in self.mentions if not m.dropped), key=lambda m: (m.start, -m.end)):
            if m.name is None:
                continue
            if m.kind != "person" and not m.locative and m.use != METONYM:
                m.locative = self._is_locative(m)
            start_char = self.idx[m.start]
            end_char = self.idx[m.end - 1] + len(self.texts[m.end - 1])
            country = m.country
            name = m.name
            if m.use == METONYM and m.locative:
                name = _tidy_name(self._span_text(m.start, m.end))
                resolved_by, sector = "kb", None
            else:
                resolved_by, sector = m.resolved_by, m.sector
            out.append(Actor(span=(start_char, end_char), text=self.text[start_char:end_char], name=name,
                             country=country, sector=sector, kind=m.kind,
                             actor_id=m.entry.id if m.entry is not None else None,
                             resolved_by=resolved_by, locative=m.locative))
        return out


# -- helpers for later stages ---------------------------------------------------------

def find_actor(doc: Document, start_char: int, end_char: int) -> Optional[Actor]:
    """The actor mention overlapping [start_char, end_char), the longest if several."""
    actors = doc.actors
    if not actors:
        return None
    starts = _starts(doc)
    hi = bisect.bisect_left(starts, end_char)
    best = None
    for k in range(hi - 1, -1, -1):
        a = actors[k]
        if a.span[1] > start_char and a.span[0] < end_char:
            if best is None or (a.span[1] - a.span[0]) > (best.span[1] - best.span[0]):
                best = a
        if start_char - a.span[0] > 200:  # mentions are short; no need to scan the whole list
            break
    return best


def actor_at(doc: Document, token_or_span: Any) -> Optional[Actor]:
    """The actor at a spaCy Token or Span (or any object with start_char/end_char or idx)."""
    if hasattr(token_or_span, "start_char"):
        return find_actor(doc, token_or_span.start_char, token_or_span.end_char)
    return find_actor(doc, token_or_span.idx, token_or_span.idx + len(token_or_span.text))


def actors_by_span(doc: Document) -> dict[tuple[int, int], Actor]:
    return {a.span: a for a in doc.actors}


def _starts(doc: Document) -> list[int]:
    # doc.actors is sorted by start; rebuilt per call because later stages may append
    return [a.span[0] for a in doc.actors]


@functools.lru_cache(maxsize=200_000)
def _norm(text: str) -> str:
    return normalise(text)


_LEX_CACHE: dict[int, tuple[str, str, bool]] = {}


def _lexical(orth: int, strings) -> tuple[str, str, bool]:
    """(text, normalised text, starts upper-case) of a token string, cached by its hash."""
    lex = _LEX_CACHE.get(orth)
    if lex is None:
        text = strings[orth]
        lex = (text, normalise(text), text[:1].isupper())
        if len(_LEX_CACHE) < 500_000:
            _LEX_CACHE[orth] = lex
    return lex


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


def _entity_spans(iob: list, types: list, strings) -> list[tuple[int, int, str]]:
    """(start, end, label) of the named entities, from the IOB arrays (Doc.ents is slow)."""
    out, start, label = [], None, None
    for i, (tag, typ) in enumerate(zip(iob, types)):
        if tag == 3 or tag != 1:  # B, O or missing closes the open entity
            if start is not None:
                out.append((start, i, label))
                start = None
            if tag == 3:
                start, label = i, strings[typ]
    if start is not None:
        out.append((start, len(iob), label))
    return out


def _tidy_name(text: str) -> str:
    return " ".join(text.split())


def _org_sector(text: str) -> Optional[str]:
    low = text.lower()
    for sector, words in _ORG_SECTOR_WORDS:
        for w in words:
            if w in low:
                return sector
    return None
