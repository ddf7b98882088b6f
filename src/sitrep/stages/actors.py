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

from sitrep.knowledge.actors import (DEMONYM, METONYM, ActorEntry, ActorKB, ActorLexicon, load_party_members,
                                     load_regions, load_role_words, normalise)
from sitrep.model import Actor, Document

_LOWER = re.compile(r"[a-z]")
_UPPER = re.compile(r"[A-Z]")
#: a middle initial between a first name and a surname ("Rex W. Tillerson")
_MIDDLE_INITIAL = re.compile(r"[A-Z]\.")
#: spaCy dependency labels of a word that modifies the noun after it
_MOD_DEPS = frozenset(("amod", "compound", "poss", "nmod", "npadvmod"))
_NER_LABELS = frozenset(("PERSON", "ORG", "NORP"))
#: the tagger's labels of a place name that may name a local body ("the Mosul police")
_UNIT_PLACE_LABELS = frozenset(("GPE",))
#: spaCy dependency labels of a clause inside a noun phrase
_CLAUSE_DEPS = frozenset(("relcl", "acl", "advcl", "ccomp", "conj"))
#: sectors a word inside a role phrase can give its holder (an office, not a trade)
_INSTITUTION_SECTORS = frozenset(("MIL", "JUD", "LEG", "OPP", "COP", "SPY", "REB"))
#: the sectors of a body a place name can name ("the Mosul police", "the Lagos government")
_BODY_SECTORS = _INSTITUTION_SECTORS | {"GOV"}


#: a party tag right after a name: "X, D-Ore.", "X (R-Texas)" (party_members.tsv says which
#: letters and regions make one)
_PARTY_TAG = re.compile(r"\s*[,(]\s*([A-Z])\s?-\s?((?:[A-Z][A-Za-z]*\.?\s?){1,3})(?=[,);\s]|$)")
#: a member noun in apposition right after a name: "X, an Illinois Republican,"
_MEMBER_APPOSITION = re.compile(r"\s*,\s*(?:an?\s+)?((?:[A-Z][a-z]+\s+){0,2})([A-Z][a-z]+)(?=\s*[,.;)]|\s+(?:who|whose|and)\b)")

#: how many sentences back "the country" may find the state it describes
COUNTRY_DESCRIPTION_SENTENCES = 3


class _Title:
    """What the words before a name say about the person."""
    __slots__ = ("sector", "roles", "titled", "former", "country")

    def __init__(self):
        self.country: Optional[str] = None  # the country word in the title
        self.sector: Optional[str] = None
        self.roles: set[str] = set()
        self.titled = False   # a role or office word is there, not just an adjective
        self.former = False   # "former President X": no longer in office


class _Mention:
    __slots__ = ("start", "end", "entry", "use", "name", "country", "sector", "kind", "resolved_by",
                 "locative", "gender", "roles", "weak_ids", "dropped", "ner_label", "person", "candidates",
                 "own_start")

    def __init__(self, start: int, end: int, entry: Optional[ActorEntry] = None, use: str = "name"):
        self.start, self.end = start, end
        self.own_start = start  # where the name itself starts (a title may extend the mention)
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
        self.candidates: list = []  # (entry, hit) pairs when several KB actors share the name

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
        self.lex: ActorLexicon = kb.lexicon
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
        self._lemmas: dict[int, str] = {}
        self._pending_roles: list = []  # role descriptions to settle once names are read
        self.mentions: list[_Mention] = []
        self._persons: list[tuple[int, int, _Mention]] = []

    def _title_word(self, k: int) -> bool:
        norm = self.norms[k]
        return norm in self.lex.honorifics or norm in self.kb.nouns or self.kb.roles.starts(norm)

    def _span_text(self, start: int, end: int) -> str:
        return self.text[self.idx[start]:self.idx[end - 1] + len(self.texts[end - 1])]

    def _sent_index(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    # -- 1. KB names ------------------------------------------------------------------

    def run(self) -> list[Actor]:
        self._match_kb()
        self._drop_countries_inside_regions()
        self._settle_shared_names()
        self._add_ner()
        self._consistency()
        self._drop_stance_words()
        for m in list(self.mentions):
            if not m.dropped and m.entry is not None and m.entry.kind == "state":
                self._read_country_word(m)
        self._titles_before_people()
        self._groups_located_in_countries()
        self._coref_names()
        self._share_person_facts()
        self._resolve_role_descriptions()
        self._governments_named_after_people()
        self._bare_roles()
        self._pronouns()
        self._country_descriptions()
        self._compass_short_forms()
        return self._emit()

    def _add(self, m: _Mention) -> _Mention:
        self.mentions.append(m)
        self._persons = None  # rebuilt on demand
        for i in range(m.start, m.end):
            self.covered[i] = m
        return m

    def _drop_countries_inside_regions(self) -> None:
        """"Latin America", "the Gulf of Mexico", "Northern Ireland": a country name inside
        the name of a region (knowledge/data/actors/regions.tsv) is no mention of it."""
        norms, n = self.norms, len(self.norms)
        regions = load_regions()
        first_words = {region[0] for region in regions}
        for start in range(n):
            if norms[start] not in first_words:
                continue
            for region in regions:
                end = start + len(region)
                if end > n or tuple(norms[start:end]) != region:
                    continue
                for m in {id(self.covered[i]): self.covered[i] for i in range(start, end) if self.covered[i]}.values():
                    if m.entry is not None and m.entry.kind == "state" and start <= m.start and m.end <= end \
                            and (m.start, m.end) != (start, end):
                        self._drop(m)
                break
        self._drop_countries_naming_waters()

    def _drop_countries_naming_waters(self) -> None:
        """"the Gulf of Oman", "the Sea of Japan": a state named right after a sea or strait
        noun and "of" names the water, not the state (role_words.tsv water_body); an act
        there does not fall on the state."""
        waters = load_role_words().water_bodies
        for m in list(self.mentions):
            if m.dropped or m.entry is None or m.entry.kind != "state" or m.start < 2:
                continue
            if self.norms[m.start - 1] == "of" and self.norms[m.start - 2] in waters:
                self._drop(m)

    def _drop_stance_words(self) -> None:
        """"pro-Russian rebels", "anti-Maduro protesters", "a pro-Western president": a name
        after a stance prefix (the actor KB's role_words.tsv) says whose side a party takes,
        not who the party is; the phrase's own head decides (an unresolved role phrase)."""
        prefixes = load_role_words().stance_prefixes
        for m in self.mentions:
            k = m.start
            if m.dropped or k < 2 or self.texts[k - 1] != "-" or self.norms[k - 2] not in prefixes:
                continue
            if self.idx[k - 1] != self.idx[k - 2] + len(self.texts[k - 2]) or self.idx[k] != self.idx[k - 1] + 1:
                continue  # "-" with spaces around is a dash between words, not a prefix
            self._drop(m)

    def _drop(self, m: _Mention) -> None:
        m.dropped = True
        for i in range(m.start, m.end):
            if self.covered[i] is m:
                self.covered[i] = None

    def _match_kb(self) -> None:
        """Longest KB name at each token. Hyphens inside words are skipped, as the KB's
        keys skip them ("Kim Jong-un" finds "Kim Jong Un"); so is a middle initial the KB
        does not list ("Rex W. Tillerson" finds "Rex Tillerson", see ``_without_initial``)."""
        names = self.kb.names
        keep = [k for k in range(self.n) if not self._inner_hyphen(k)]
        norms = [self.norms[k] for k in keep]
        resume = 0
        for c in [c for c, t in enumerate(norms) if names.starts(t)]:
            i = keep[c]
            if i < resume:
                continue
            c_end, best_hits = names.match(norms, c)
            best_end = keep[c_end - 1] + 1 if best_hits else i
            initial = self._without_initial(keep, norms, c, best_end)
            if initial is not None:
                best_end, best_hits = initial
            if not best_hits:
                continue
            best_hits = self.kb.hits(best_hits)
            hits = [h for h in best_hits if self._case_ok(h, i, best_end)]
            if not hits:
                continue
            m = self._mention_from_hits(i, best_end, hits)
            if m is not None:
                self._add(m)
                resume = best_end

    def _without_initial(self, keep: list[int], norms: list[str], c: int, end: int):
        """(end, hits) of a person's full name read without its middle initial ("Rex W.
        Tillerson", "John F. Kerry"), when the KB lists the name only without it and the
        match with the initial reaches no further than the first name; else None. News
        writes the initial, the KB's sources often do not; without this the name fell to
        the tagger, and its surname's later mentions with it."""
        i = keep[c]
        if c + 2 >= len(keep) or keep[c + 1] != i + 1 or end > i + 1 or not self.cap[i] \
                or not _MIDDLE_INITIAL.fullmatch(self.texts[i + 1]) or not self.cap[i + 2]:
            return None
        c_end, hits = self.kb.names.match(norms[:c + 1] + norms[c + 2:], c)
        if not hits or c_end < c + 2:
            return None  # the first name alone, or nothing
        found = [h for h in self.kb.hits(hits) if not h.weak and h.entry_id in self.kb.entries
                 and self.kb.entries[h.entry_id].kind == "person"]
        if not found:
            return None
        return keep[c_end] + 1, [tuple(h) for h in found]

    def _inner_hyphen(self, k: int) -> bool:
        """A "-" token joining two words with no space ("Jong-un", "al-Assad")."""
        if self.texts[k] != "-" or k == 0 or k + 1 >= self.n:
            return False
        return self.idx[k] == self.idx[k - 1] + len(self.texts[k - 1]) and self.idx[k + 1] == self.idx[k] + 1

    def _case_ok(self, hit, start: int, end: int) -> bool:
        if hit.exact is not None:
            if self.all_caps and hit.exact.lower() in _stop_words():
                return False
            text = self.texts[start]
            if hit.exact.islower():  # a relational adjective ("congressional", "Congressional")
                return text.lower() == hit.exact
            if len(hit.exact) >= 4 and hit.exact.isalpha() and text == hit.exact.capitalize() \
                    and self.propn[start]:
                return True  # "Nato", "Opec": an acronym spoken as a word, in British style
            return text == hit.exact or text.replace(".", "") == hit.exact.replace(".", "")
        if not any(c.isupper() for k in range(start, end) for c in self.texts[k]):
            return False
        if hit.weak:
            if not self.all_caps and not (self.cap[start] and (self.propn[start] or self.sdoc[start].pos_ in ("NOUN", "ADJ"))):
                return False
            if hit.tier > 0 and not (self.propn[start] or self.ent_label[start] == "PERSON"):
                return False  # a less known surname must at least look like a name here
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
            tier = min(h.tier for _, h in entries)  # a curated person's surname shadows Phoenix ones
            ids = tuple(dict.fromkeys(e.id for e, h in entries if h.tier == tier))
            if len(ids) == 1:
                m = _Mention(start, end, self.kb.entries[ids[0]])
                self._person_at_date(m)
                m.weak_ids = ids
                return m
            m = _Mention(start, end, None)
            m.weak_ids, m.person = ids, True
            return m
        entry, hit = min(strong, key=lambda eh: self._name_rank(eh[0], eh[1]))
        m = _Mention(start, end, entry, hit.use)
        if len({e.id for e, _ in strong}) > 1:
            m.candidates = strong  # settled again once the article's countries are known
        self._resolve_entry(m)
        return m

    def _name_rank(self, entry: ActorEntry, hit, countries: Optional[dict] = None) -> tuple:
        """Order of preference among actors sharing a name: a curated one, one in office
        on the article's date, one of a country the article mentions most."""
        count = (countries or {}).get(entry.at(self.date)[0] if entry.kind == "person" else entry.country, 0)
        return (hit.tier, not entry.in_office(self.date), -count)

    def _resolve_entry(self, m: _Mention) -> None:
        entry = m.entry
        if entry.kind == "person":
            self._person_at_date(m)
        else:
            m.country, m.sector, m.kind = entry.country, entry.sector, entry.kind
            if entry.kind != "state" and entry.igo and not entry.country:
                m.country = None

    def _settle_shared_names(self) -> None:
        """A name several KB actors share goes to the one of the article's countries."""
        shared = [m for m in self.mentions if m.candidates and not m.dropped]
        if not shared:
            return
        countries: dict[str, int] = {}
        for m in self.mentions:
            if not m.dropped and m.entry is not None and m.entry.kind == "state":
                countries[m.entry.country] = countries.get(m.entry.country, 0) + 1
        for m in shared:
            entry, hit = min(m.candidates, key=lambda eh: self._name_rank(eh[0], eh[1], countries))
            if entry is not m.entry:
                m.entry, m.use, m.name, m.gender = entry, hit.use, entry.name, entry.gender
                self._resolve_entry(m)

    def _person_at_date(self, m: _Mention) -> None:
        country, sector, _ = m.entry.at(self.date)
        m.country, m.sector, m.kind, m.person = country, sector, "person", True
        # with a date, only the offices held then ("the US president" in 2019 is not Obama)
        m.roles = m.entry.roles_at(self.date) if self.date else m.entry.roles_at(None)

    # -- 2. NER -----------------------------------------------------------------------

    def _add_ner(self) -> None:
        for start, end, label in self.ents:
            if label == "GPE":
                self._yield_to_longer_place(start, end)
            if label in _UNIT_PLACE_LABELS and self._place_unit(start, end):
                continue
            if label not in _NER_LABELS:
                continue
            while start < end and self.norms[start] in ("the", "a", "an"):
                start += 1
            while end > start and self.norms[end - 1] in ("'s", "'"):
                end -= 1
            if start >= end or not any(self.cap[start:end]):
                continue
            if end - start > 1 and len(set(self.norms[start:end])) == 1:
                # "beat Trump Trump threatening": two scraped link titles run together,
                # not a person called "Trump Trump" -- one name, resolved as such
                end = start + 1
            inside = {id(self.covered[i]): self.covered[i] for i in range(start, end) if self.covered[i]}
            inner = list(inside.values())
            if inner:
                if len(inner) > 1 or label == "NORP":
                    continue
                m = inner[0]
                if m.start <= start and m.end >= end:
                    continue  # the KB already has it, same or longer
                if label == "PERSON" and m.weak_ids and m.end - m.start == 1 and self._names_beyond(m, start, end):
                    # "George H.W. Bush": a full name the KB does not have, whose last word
                    # is a known surname, is someone else (or a spelling the KB lacks)
                    self._drop(m)
                    self._new_ner(start, end, label, None)
                    continue
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
            m = self._new_ner(start, end, label, None)
            if label == "NORP" and m.country is None and end - start == 1 \
                    and self.norms[start] not in load_role_words().multinational_modifiers \
                    and self._modifies_a_role_noun(start):
                self._drop(m)

    def _yield_to_longer_place(self, start: int, end: int) -> None:
        """"New Jersey", "New Mexico", "East Jerusalem": a country or capital word inside a
        longer place name of another country is no mention of that country."""
        inner = {id(self.covered[i]): self.covered[i] for i in range(start, end) if self.covered[i]}
        if len(inner) != 1 or self.gazetteer is None:
            return
        m = next(iter(inner.values()))
        if m.entry is None or m.entry.kind != "state" or (m.start <= start and m.end >= end) \
                or m.start < start or m.end > end or not any(self.cap[k] for k in range(start, m.start)):
            return
        try:
            found = self.gazetteer.lookup(self._span_text(start, end))
        except Exception:  # noqa: BLE001 - a gazetteer failure must not stop the stage
            return
        if found and normalise(found[0].name) == normalise(self._span_text(start, end)) \
                and _alpha3(found[0].country) not in (None, m.entry.country):
            self._drop(m)

    def _place_unit(self, start: int, end: int) -> bool:
        """"The Mosul police", "a Kandahar court", "the Lagos state government": a place
        name the KB does not hold, modifying a noun that names a body or party by its
        role, names that body: the body is of the place's country, in the sector of its
        noun (docs/annotation.md 5: a local body belongs to the state it serves). Adds
        the phrase as the mention and says so; people or things of the place ("Mosul
        residents"), a state's mission there ("the Istanbul consulate": the sending
        state's), a demonym ("Kurdish police") or a place the gazetteer does not know as
        a sizeable one (a single word under 100,000 people) add none."""
        while start < end and self.norms[start] in ("the", "a", "an"):
            start += 1
        if start >= end or self.gazetteer is None \
                or any(self.covered[i] for i in range(start, end)) \
                or any(self.sdoc[k].pos_ != "PROPN" for k in range(start, end)):
            return False  # (a proper name only: "Western leaders" names no Western Province)
        head = self._modified_head(self.sdoc[end - 1])
        if head is None or self._lemma(head.i) in load_role_words().mission_nouns:
            return False  # (a state's mission abroad: "the Istanbul consulate" is no Turkish body)
        sector = self._category(head)
        if sector not in _BODY_SECTORS:
            return False  # residents, voters, subsidies: people or things of the place, no body
        text = self._span_text(start, end)
        try:
            if self.gazetteer.demonym_country(text):
                return False
            found = self.gazetteer.lookup(text)
        except Exception:  # noqa: BLE001 - a gazetteer failure must not stop the stage
            return False
        if not found:
            return False
        best = max(found, key=lambda c: c.population)
        country = _alpha3(best.country)
        if country is None or (end - start == 1 and best.population < 100_000):
            return False
        # the whole phrase is the body: the place word alone would lend the body's
        # reading to every other mention of the place (a name resolved once is resolved
        # everywhere)
        if any(self.covered[k] for k in range(end, head.i + 1)):
            return False
        m = self._new_ner(start, head.i + 1, "ORG", country)
        m.sector = sector
        return True

    def _names_beyond(self, m: _Mention, start: int, end: int) -> bool:
        """The entity has name words besides the surname that no title reading explains."""
        return any(self.cap[k] and not self._title_word(k) and self.norms[k] not in ("'s", "-")
                   for k in range(start, end) if not m.start <= k < m.end)

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

    def _modifies_a_role_noun(self, k: int) -> bool:
        """"Islamist militants", "Kurdish fighters", "Sunni tribesmen", "Republican
        leaders": one group word the KB places in no country (a faith, a people without a
        state, an ideology, a party word before no office title) that modifies a noun
        naming a party by its role. The role phrase is the actor: like "militants" alone
        it takes the country of the act's place or the article's (docs/annotation.md 5,
        rebels and militias by where they operate), which the bare group word cannot.
        (The caller keeps words of several states, "Arab leaders", "South American
        leaders": role_words.tsv multinational_modifier, or more than one word.)"""
        tok = self.sdoc[k]
        if tok.dep_ not in ("amod", "compound") or tok.head.i <= tok.i:
            return False
        # the role nouns the events stage builds role phrases from (nouns.tsv, not the
        # Phoenix agents): a head it cannot read would leave the act with no doer at all
        head = tok.head
        category = self.kb.nouns.get(self._lemma(head.i)) or self.kb.nouns.get(self.norms[head.i])
        return category not in (None, "PLACE", "NONE")

    def _new_ner(self, start: int, end: int, label: str, country: Optional[str]) -> _Mention:
        m = _Mention(start, end)
        text = self._span_text(start, end)
        m.name, m.resolved_by, m.ner_label, m.country = _tidy_name(text), "ner", label, country
        if label == "PERSON":
            m.kind, m.person = "person", True
        elif label == "ORG":
            m.kind, m.sector = "org", self.lex.org_sector(text)
        else:
            m.kind = "group"
            if self.norms[end - 1].endswith("s"):  # "Kurds", "Shiites": people
                m.sector = "CIV"
            if label == "NORP" and m.country is None:
                self._party_word(m)
        return self._add(m)

    def _party_word(self, m: _Mention) -> None:
        """"Republican senators", "Democratic presidential candidates", "the top Democrat":
        the tagger's NORP is a party word, and the party's officials are of its country
        (party_members.tsv, the lists that already place "Democratic Sen. X" and "X, an
        Illinois Republican"): a ``member_word`` before an ``office_title``, or a
        ``member_noun`` standing alone. A party word before another noun ("a Republican
        activist") says no membership of that country's parties, nor one after a
        capitalised modifier ("a Christian Democrat") or a country word of another state
        ("Turkish Republican lawmakers")."""
        if m.end - m.start != 1:
            return
        parties = load_party_members()
        tok = self.sdoc[m.start]
        before = self.covered[m.start - 1] if m.start > 0 else None
        if before is not None and before.entry is not None and before.entry.kind == "state":
            return
        if tok.dep_ in ("amod", "compound") and tok.head.i > tok.i:
            # the office title right after it, not after another name word ("Democratic
            # Unionist lawmakers", "Democratic Forces": another party's or body's name)
            nxt = self.sdoc[tok.i + 1]
            titled = nxt.lemma_.lower() in parties.office_titles or nxt.lower_ in parties.office_titles
            country = parties.member_words.get(self.norms[m.start]) if titled else None
        elif m.start > 0 and self.cap[m.start - 1] and self.sdoc[m.start - 1].dep_ in ("amod", "compound"):
            country = None  # "a Christian Democrat", "Social Democrats": another party's name
        else:
            country = parties.member_nouns.get(self.norms[m.start])
        if country is not None:
            m.country, m.sector = country, "PTY"

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
        if m.use == DEMONYM and m.start > 0 and self.norms[m.start - 1] == "ethnic":
            # "ethnic Albanians" in Macedonia are no Albanian state actor: a group, no country
            m.entry, m.name, m.country, m.sector, m.kind = None, _tidy_name(
                self._span_text(m.start - 1, m.end)), None, "CIV", "group"
            m.resolved_by = "kb"
            return
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
        agent_end, agent_sector = self._match_agent(k)
        if head is not None and agent_sector and agent_end - k >= 2 and agent_end == head.i + 1:
            category = agent_sector  # "riot police", "security forces", "border guards"
        elif head is not None:
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
        """(end, role codes) of the role phrase at token k ("defence minister"), or (k, ())."""
        if k >= self.n:
            return k, ()
        end, codes = self.kb.roles.match(self.norms, k)
        return (end, codes) if codes else (k, ())

    def _role_description(self, m: _Mention, role_end: int, roles: tuple[str, ...],
                          country: Optional[str]) -> None:
        """"the Venezuelan leader", "Colombia's defence minister": one mention over the
        country word and the role; who it is is settled once titles and names are read
        (``_resolve_role_descriptions``)."""
        for i in range(m.end, role_end):
            if self.covered[i] is not None and self.covered[i] is not m:
                return
        for i in range(m.end, role_end):
            self.covered[i] = m
        head = role_end - 1
        m.end = role_end
        m.sector, m.kind = "GOV", "state"  # until a person is found: the state acting through it
        self._pending_roles.append((m, head, roles, country))

    def _resolve_role_descriptions(self) -> None:
        """The person a role description means, in this order: the one named beside it
        ("Venezuela's foreign minister, Jorge Arreaza"), the article's own antecedent with
        that office, the holder on the article's date in the KB's calendar."""
        for m, head, roles, country in self._pending_roles:
            if m.dropped:
                continue
            wanted = self._wanted_roles(roles)
            if self._former(m.start):
                # "the former South African president": someone who held it, never the
                # holder on the date; the article's own person of that country, if any
                earlier = self._last_person(m.start, lambda p: p.country == country and (
                    bool(p.entry.roles_at(None) & wanted) if p.entry is not None else bool(p.roles & wanted)
                    or p.sector == "ELI"))
                if earlier is not None:
                    m.copy_person(earlier)
                continue
            person = self._appositive_person(head)
            if person is not None:
                self._give_office(person, country, roles, self._role_sector(self._role_start(head), head + 1))
                m.copy_person(person)
                continue
            earlier = self._last_person(m.start, lambda p: p.country == country and bool(p.roles & wanted))
            if earlier is not None:
                m.copy_person(earlier)
                continue
            holder = self.kb.holder(country, roles, self.date)
            if holder is not None:
                m.entry, m.name, m.use = holder, holder.name, "name"
                self._person_at_date(m)
                m.gender = holder.gender
                m.resolved_by = "coref"

    def _role_start(self, head: int) -> int:
        phrase = self._phrase_ending_at(head + 1, max(0, head - 4))
        return phrase[0] if phrase else head

    def _former(self, start: int) -> bool:
        """"the former US president", "ex-President": a past office."""
        k = start - 1
        while k >= 0 and self.norms[k] in ("the", "a", "-"):
            k -= 1
        return k >= 0 and self.norms[k] in ("former", "ex", "late")

    def _wanted_roles(self, roles) -> set[str]:
        wanted = set(roles)
        if "leader" in wanted:
            wanted |= self.lex.leader_roles
        return wanted

    def _appositive_person(self, head: int) -> Optional[_Mention]:
        """The person in apposition to a role noun: "the foreign minister, Carlos Smith",
        "Carlos Smith, the foreign minister" (spaCy's ``appos`` either way)."""
        tok = self.sdoc[head]
        candidates = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "appos":
            candidates.append(tok.head)
        for c in candidates:
            p = self.covered[c.i]
            if p is not None and not p.dropped and p.person and p.name:
                return p
        return None

    def _other_than_kb(self, p: _Mention, country: str, sector: Optional[str]) -> None:
        """"Colombia's defense minister, Pedro Sánchez" is not Spain's Pedro Sánchez: when the
        text gives a person an office of another country than the KB's namesake holds on
        the article's date, the mention is someone the KB does not know."""
        if p.entry is None or p.entry.kind != "person" or not p.country or p.country == country:
            return
        p.entry, p.resolved_by, p.weak_ids = None, "ner", ()
        p.name = _tidy_name(self._span_text(max(p.start, p.own_start), p.end))
        p.country, p.sector, p.roles = country, sector, set()
        p.candidates = []

    def _give_office(self, p: _Mention, country: Optional[str], roles, sector: Optional[str]) -> None:
        """What a role beside a name tells about a person the KB does not know."""
        if country:
            self._other_than_kb(p, country, sector)
        p.roles |= set(roles)
        if p.entry is None:
            p.country = p.country or country
            p.sector = p.sector or sector or "GOV"

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
        """What a head noun makes of a country word: a sector, PLACE, NONE or None. sitrep's
        own nouns.tsv first, then the Phoenix role nouns ("farmer", "gunman")."""
        nouns = self.kb.nouns
        lemma = self._lemma(tok.i)
        category = nouns.get(lemma) or nouns.get(self.norms[tok.i])
        if category is None:
            agents = self.kb.agents.table
            category = agents.get(lemma) or agents.get(self.norms[tok.i])
        if category == "MIL" and tok.i > 0 and self.norms[tok.i] == "general" \
                and self.norms[tok.i - 1] in self.lex.not_general:
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
        """"Venezuelan lawmaker Jose Perez", "White House press secretary Sarah Sanders",
        "Ivory Coast's Supreme Court", "Iraqi Kurds": the country word before a name is its
        nationality, not a second actor; the title words give the person's sector."""
        dominant = self._dominant_country()
        for p in list(self.mentions):
            if p.dropped or not (p.person or (p.resolved_by == "ner" and p.ner_label in ("ORG", "NORP"))):
                continue
            title = self._read_title(p)
            if not p.person:
                continue
            if title.titled and title.country:
                self._other_than_kb(p, title.country, title.sector)
            if p.entry is None:
                if p.sector is None:
                    p.sector = title.sector or ("GOV" if title.roles else None)
                p.roles |= title.roles
                if p.country is None:
                    # "Eliot Engel, the chairman of the U.S. House committee": the apposition
                    p.country = self._appositive_country(p)
                if p.sector is None:
                    p.sector = self._appositive_title_sector(p)
                if p.country is None:
                    # "Sen. Ann Ruiz, D-Ore.", "Democratic Sen. X": a party member's country
                    member = self._party_country(p)
                    if member is not None:
                        p.country, p.sector = member[0], p.sector or member[1]
                if p.country is None and title.titled and dominant:
                    # "President Omar El Bashir ... in Sudan": an office with no country named
                    # is most likely in the country the text is about
                    p.country = dominant
            elif title.former:
                p.sector = "ELI"
            else:
                if (title.titled or title.roles) and (p.sector in (None, "ELI") or not self.date):
                    # "Iraqi President Saddam Hussein" in a text without a date: the title says
                    # which of the person's offices the text speaks of
                    p.sector = title.sector or "GOV"
                p.roles |= title.roles  # the text's word for an office the KB may not list

    def _party_country(self, p: _Mention) -> Optional[tuple[str, Optional[str]]]:
        """(country, sector) of a person the text marks as a party member of one country
        (party_members.tsv): a party tag after the name ("X, D-Ore.", "X (R-Texas)"), a
        member noun in apposition ("X, an Illinois Republican"), or a party word before
        an office title ("Democratic Sen. X", "Utah GOP Rep. X"); else None."""
        parties = load_party_members()
        k, sector, titled = p.start - 1, None, False
        sent_start = self.sent_starts[self._sent_index(p.start)]
        while k >= sent_start and self.norms[k] in parties.office_titles:
            sector, titled = sector or parties.office_titles[self.norms[k]], True
            k -= 1
        if titled and k >= sent_start and self.norms[k] in parties.member_words \
                and not self._named_country_follows(p):
            return parties.member_words[self.norms[k]], sector
        after = self.text[self.idx[p.end - 1] + len(self.texts[p.end - 1]):][:40]
        tag = _PARTY_TAG.match(after)
        if tag and tag.group(1).lower() in parties.party_tags \
                and re.sub(r"[.\s]", "", tag.group(2)).lower() in parties.tag_regions:
            return parties.party_tags[tag.group(1).lower()], sector
        noun = _MEMBER_APPOSITION.match(after)
        if noun and noun.group(2).lower() in parties.member_nouns:
            country = parties.member_nouns[noun.group(2).lower()]
            # "an Illinois Republican" names a region of the party's country; "a Social
            # Democrat" or "a Christian Democrat" names another party
            if not noun.group(1).strip() or self._region_of(noun.group(1).strip(), country):
                return country, sector
        return None

    def _region_of(self, words: str, country: str) -> bool:
        """Whether ``words`` name a first-level division of ``country`` (alpha-3): a state,
        not any town of that name ("Christian" is a county and a town in the US)."""
        if self.gazetteer is None:
            return False
        return any(c.feature == "admin1" and _alpha3(c.country) == country for c in self.gazetteer.lookup(words))

    def _named_country_follows(self, p: _Mention) -> bool:
        """Whether the name is followed by "of <a state>" ("Ahmet Kaya of Turkey's main
        opposition"): the text gives the person's country itself."""
        i = p.end
        return i + 1 < len(self.norms) and self.norms[i] == "of" and self._state_at(i + 1)

    def _state_at(self, i: int) -> bool:
        m = self.covered[i]
        return m is not None and not m.dropped and m.entry is not None and m.entry.kind == "state"

    def _appositive_country(self, p: _Mention) -> Optional[str]:
        """The country of the first state or body named in the apposition after a person
        ("X, the head of Venezuela's assembly,") or in the title the person is in
        apposition to ("the Pentagon's spokesman, X,")."""
        head = self.sdoc[p.end - 1]
        phrases = [app for app in head.children if app.dep_ == "appos"]
        if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < p.start:
            phrases.append(head.head)
        for app in phrases:
            frontier = [app]
            while frontier:  # the apposition's own words, not its clauses ("whose work ...")
                t = frontier.pop(0)
                frontier.extend(c for c in t.children if c.dep_ not in _CLAUSE_DEPS
                                and not p.start <= c.i < p.end)
                m = self.covered[t.i]
                if m is not None and m is not p and not m.dropped and not m.person and not m.locative \
                        and (m.country or (m.entry is not None and m.entry.country)):
                    return m.country or m.entry.country
        return None

    def _appositive_title_sector(self, p: _Mention) -> Optional[str]:
        """"The Pentagon's spokesman, X": the sector of the role noun the name is in
        apposition to (a role noun of no party, such as "the writer", gives none)."""
        head = self.sdoc[p.end - 1]
        if head.dep_ != "appos" or head.head.pos_ != "NOUN" or head.head.i >= p.start:
            return None
        category = self._category(head.head)
        return category if category and category not in ("PLACE", "NONE") else None

    def _dominant_country(self) -> Optional[str]:
        counts: dict[str, int] = {}
        for m in self.mentions:
            if not m.dropped and m.entry is not None and m.entry.kind == "state":
                counts[m.entry.country] = counts.get(m.entry.country, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def _read_title(self, p: _Mention) -> "_Title":
        """Walk left from a name over its title ("British Defence Secretary", "the White
        House press secretary", "Gen."); a country word there becomes part of the mention
        and gives the country."""
        title = _Title()
        k, steps = p.start, 0
        sent_start = self.sent_starts[self._sent_index(p.start)]
        while k > sent_start and steps < 8:
            owner = self.covered[k - 1]
            if owner is not None and not owner.dropped and owner is not p and p.person \
                    and owner.ner_label == "ORG" and owner.resolved_by == "ner" and owner.end - owner.start <= 3 \
                    and (steps > 0 or (owner.start > 0 and self.norms[owner.start - 1] == "of")):
                # "Secretary of State Marco Rubio", "British Defence Secretary Tom King": the
                # tagger took part of the title for an organisation (a country word in it counts)
                self._drop(owner)  # its words are read again as title words
                title.country = title.country or owner.country
                if owner.country and p.country is None:
                    p.country = owner.country
                title.titled = True
                steps += 1
                continue
            if owner is not None and not owner.dropped and owner is not p:
                if owner.entry is not None and owner.entry.kind == "state" and owner.end <= p.start \
                        and not owner.locative:
                    title.country = owner.entry.country
                    if p.country is None:
                        p.country = owner.entry.country
                    if owner.sector not in (None, "GOV", "CIV") and title.sector is None:
                        title.sector = owner.sector
                    # one mention from the country word to the name
                    self._drop(owner)
                    for i in range(owner.start, p.start):
                        self.covered[i] = p
                    p.start = owner.start
                elif owner.country and owner.kind == "org" and p.person and p.country is None \
                        and owner.end == k and steps > 0 \
                        and (owner.sector == "GOV" or owner.sector in _INSTITUTION_SECTORS):
                    # "Ruritania's Foreign Affairs Ministry spokesman Jan Novak": the
                    # state body whose title the person holds gives the country (an
                    # outlet's reporter is no national of it)
                    title.country = p.country = owner.country
                break
            norm = self.norms[k - 1]
            if norm in ("'s", "'"):
                k, steps = k - 1, steps + 1
                continue
            if not p.person:
                break  # organisations and groups take only an adjacent country word
            if norm == "-" or norm in self.lex.honorifics:
                k, steps = k - 1, steps + 1
                continue
            if norm in self.lex.title_connectors and k >= 2 and self.cap[k - 2] and self.cap[k] \
                    and not (self.sdoc[k - 1].pos_ == "CCONJ" and self._state_at(k - 2)):
                # "Secretary of State", "Minister for Interior", "Minister of Foreign Affairs and
                # Trade" -- but in "from Venezuela and Secretary of State X" the "and" joins
                # a country to the title, it does not make the country part of it
                k, steps = k - 1, steps + 1
                continue
            t = self.sdoc[k - 1]
            if norm == "former":
                title.former = True
            phrase = self._phrase_ending_at(k, sent_start)
            if phrase is not None:
                # a phrase ("press secretary", "opposition leader") decides over its words
                j, roles, sector = phrase
                for i in range(j, k):  # "Defense" of "Defense Minister" the tagger took for a body
                    frag = self.covered[i]
                    if frag is not None and frag is not p and frag.ner_label == "ORG" and frag.resolved_by == "ner" \
                            and frag.start >= j - 1 and frag.end <= k:
                        self._drop(frag)
                        title.country = title.country or frag.country
                if title.sector in (None, "GOV") or sector not in (None, "GOV"):
                    title.sector = sector or title.sector
                title.roles.update(roles)
                title.titled = True
                k, steps = j, steps + (k - j)
                continue
            if t.pos_ in ("PUNCT", "VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "NUM"):
                break
            cat = self._category(t)
            if cat in (None, "PLACE", "NONE") and not (
                    t.pos_ == "ADJ" or (t.pos_ in ("PROPN", "NOUN") and self.cap[k - 1])):
                break
            if cat and cat not in ("PLACE", "NONE") and title.sector in (None, "GOV"):
                title.sector = cat
                title.titled = title.titled or cat != "CIV"
            k, steps = k - 1, steps + 1
        if p.country is None and title.country and p.person:
            p.country = title.country  # from a country word inside a dropped fragment
        return title

    def _phrase_ending_at(self, k: int, floor: int) -> Optional[tuple[int, tuple[str, ...], Optional[str]]]:
        """The longest role or role-noun phrase that ends just before token k:
        (its first token, role codes, sector), or None."""
        for j in range(max(floor, k - 4), k):
            role_end, roles = self._match_role(j)
            agent_end, sector = self._match_agent(j)
            if role_end == k and roles:
                return j, roles, sector if agent_end == k else self._role_sector(j, k)
            if agent_end == k and sector:
                return j, (), sector
        return None

    def _match_agent(self, k: int) -> tuple[int, Optional[str]]:
        """(end, sector) of the longest role noun phrase at token k ("riot police",
        "press secretary"), its last word read as written or as its lemma ("rebels")."""
        if k >= self.n or not self.kb.agents.starts(self.norms[k]):
            return k, None
        agents = self.kb.agents
        longest = min(agents.longest.get(self.norms[k], 0), self.n - k)
        for length in range(longest, 0, -1):
            words = self.norms[k:k + length]
            sector = agents.get(words)
            if sector is None:
                sector = agents.get(words[:-1] + [self._lemma(k + length - 1)])
            if sector is not None:
                return k + length, sector
        return k, None

    def _role_sector(self, start: int, end: int) -> str:
        """The sector a role phrase gives its holder: that of its words as a role noun
        ("defence minister" GOV, "army chief" MIL), else GOV."""
        agent_end, sector = self._match_agent(start)
        if sector and agent_end == end:
            return sector
        for k in range(end - 1, start - 1, -1):
            cat = self._category(self.sdoc[k])
            if cat in _INSTITUTION_SECTORS:  # "army chief" MIL; "press secretary" is no MED
                return cat
        return "GOV"

    def _lemma(self, k: int) -> str:
        lemma = self._lemmas.get(k)
        if lemma is None:
            lemma = self._lemmas[k] = normalise(self.sdoc[k].lemma_)
        return lemma

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
        self._known_strength: dict[tuple[str, ...], int] = {}
        live = sorted((m for m in self.mentions if not m.dropped), key=lambda m: m.start)
        starts = {m.start: m for m in live}
        i = 0
        while i < self.n:
            m = starts.get(i)
            if m is not None and not m.dropped:
                self._coref_one(m, known)
                i = max(m.end, i + 1)
                continue
            if self.covered[i] is None and self.cap[i] and (self.propn[i] or self.all_caps or self._named_subject(i)) \
                    and (self.norms[i],) in known:
                src = known.get((self.norms[i],))
                if src is not None and not self._propn_neighbour(i, i + 1) \
                        and self.ent_label[i] in (None, "PERSON", "ORG", "NORP"):
                    m = _Mention(i, i + 1)
                    m.copy_person(src)
                    self._add(m)
            i += 1

    def _share_person_facts(self) -> None:
        """A person the KB does not know, titled in one mention ("British Ambassador Rob
        Macaire") and bare in others ("Rob Macaire", "Macaire"): every mention of the same
        name takes the country and sector the title gave."""
        facts: dict[str, tuple[str, Optional[str]]] = {}
        people = [m for m in self.mentions if not m.dropped and m.person and m.entry is None]
        for m in people:
            if m.country and m.identity() not in facts:
                facts[m.identity()] = (m.country, m.sector)
        for m in people:
            if m.country is None and m.identity() in facts:
                m.country, sector = facts[m.identity()]
                m.sector = m.sector or sector

    def _named_subject(self, i: int) -> bool:
        """A capitalised subject the tagger did not take for a name ("López said", first
        in its sentence, is tagged NOUN): a name when it is a surname of this article."""
        tok = self.sdoc[i]
        return tok.dep_ in ("nsubj", "nsubjpass", "poss") and tok.pos_ == "NOUN" and self.ent_label[i] is None

    def _coref_one(self, m: _Mention, known: dict) -> None:
        key = tuple(self.norms[m.start:m.end])
        if not m.person and m.resolved_by == "metonymy" and key in known and known[key].person:
            m.copy_person(known[key])  # "Hague says" after "Foreign Secretary William Hague"
            return
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
        """Make a person's name parts point to this mention, for later partial mentions.

        A part keeps the person who owns it most: a maternal surname ("López" of "Vladimir
        Padrino López", in a country whose names carry two surnames) does not take "López"
        from a "Leopoldo López" named before, though it does when no one else has it.
        """
        strength = self._known_strength

        def put(key: tuple[str, ...], weight: int) -> None:
            if weight >= strength.get(key, 0) or known.get(key) is m:
                known[key] = m
                strength[key] = weight

        names = [m.name or ""]
        if m.entry is not None:
            names += m.entry.aliases
        full = [normalise(p) for p in (m.name or "").split()]
        maternal = full[-1] if m.country in self.lex.two_surnames and len(full) == 3 else None
        for name in names:
            parts = [normalise(p) for p in name.replace("-", " - ").split()]
            parts = [p for p in parts if p]
            for k in range(1, len(parts)):
                if parts[k] in self.lex.name_particles:
                    continue
                weight = 1 if parts[k:] == [maternal] else 2
                put(tuple(parts[k:]), weight)
                if len(parts[k]) >= 3 and parts[k] not in _stop_words():
                    put((parts[k],), weight)
            if m.entry is not None and m.entry.country in self.lex.surname_first and parts:
                put((parts[0],), 2)
            if m.entry is not None and parts:
                put(tuple(parts), 2)  # an alias as written: "al-Assad", "Lula"
        put(tuple(self.norms[m.start:m.end]), 2)

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
            if nxt.lower_ not in self.lex.government_nouns or self.covered[m.end] is not None:
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
        """"the foreign minister", "the country's defence minister", "the president of
        Colombia": the person named beside it, else the last one in the text holding the
        office (a "... of <country or body>" role: the KB holder on the article's date)."""
        dominant = None
        for i in range(1, self.n):
            if self.covered[i] is not None or not self.kb.roles.starts(self.norms[i]):
                continue
            if not self._role_determiner(i):
                continue
            role_end, roles = self._match_role(i)
            if not roles:
                continue
            if any(self.covered[k] is not None for k in range(i, role_end)):
                continue
            nxt = self.sdoc[role_end] if role_end < self.n else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not self.all_caps:
                continue  # "the President Donald Trump": a title
            if nxt is not None and nxt.lower_ == "of" and role_end + 1 < self.n:
                self._role_of(i, role_end, roles)
                continue
            person = self._appositive_person(role_end - 1)
            if person is not None:
                if dominant is None:
                    dominant = self._dominant_country() or ""
                self._give_office(person, dominant or None, roles, self._role_sector(i, role_end))
                src = person
            else:
                wanted = self._wanted_roles(roles)
                src = self._last_person(i, lambda p: bool(p.roles & wanted))
                if src is None and "leader" in roles:
                    src = self._only_person_nearby(i, None)
            if src is not None:
                m = _Mention(i, role_end)
                m.copy_person(src)
                self._add(m)

    def _country_descriptions(self) -> None:
        """"the country", "the nation" (role_words.tsv): the state named last before it,
        within a few sentences. A state that only modifies a thing ("US claims that the
        country struck ...") is not what the description picks up; one that modifies
        people ("US officials said the country ...") is."""
        words = load_role_words().country_descriptions
        states = sorted((m for m in self.mentions if not m.dropped and not m.person and m.country
                         and m.entry is not None and m.entry.kind == "state"), key=lambda m: m.start)
        for i in range(1, self.n):
            if self.norms[i] not in words or self.norms[i - 1] != "the" or self.covered[i] is not None \
                    or self.covered[i - 1] is not None:
                continue
            if i + 1 < self.n and self.norms[i + 1] == "of":
                continue  # "the country of Iran": the name follows
            here = self._sent_index(i)
            for m in reversed([m for m in states if m.end <= i - 1]):
                if here - self._sent_index(m.start) > COUNTRY_DESCRIPTION_SENTENCES:
                    break
                if self._modifies_a_thing(m) or _one_noun_phrase(self.sdoc[m.end - 1], self.sdoc[i]):
                    continue  # ("Russia, China and the country's army": another party than those listed)
                d = _Mention(i - 1, i + 1, m.entry)
                d.country, d.sector, d.kind, d.resolved_by = m.country, "GOV", "state", "coref"
                self._add(d)
                break

    def _compass_short_forms(self) -> None:
        """"the North", "the South" (role_words.tsv): the state named before it whose name
        begins with that word ("North Korea", "South Sudan"), the latest one. A compass
        word that starts a longer name ("the North Atlantic") or that no such state
        precedes is left alone."""
        words = load_role_words().compass_short_forms
        states = sorted((m for m in self.mentions if not m.dropped and m.country and m.entry is not None
                         and m.entry.kind == "state"), key=lambda m: m.start)
        for i in range(1, self.n):
            tok = self.sdoc[i]
            if self.norms[i] not in words or not tok.text[:1].isupper() or self.norms[i - 1] != "the" \
                    or self.covered[i] is not None or self.covered[i - 1] is not None:
                continue
            if i + 1 < self.n and self.sdoc[i + 1].pos_ in ("PROPN", "NOUN"):
                continue  # "the North Atlantic", "the South China Sea"
            prefix = self.norms[i] + " "
            named = [m for m in states if m.end <= i - 1 and m.entry.name.lower().startswith(prefix)]
            if not named:
                continue
            m = named[-1]
            d = _Mention(i - 1, i + 1, m.entry)
            d.country, d.sector, d.kind, d.resolved_by = m.country, "GOV", "state", "coref"
            self._add(d)

    def _modifies_a_thing(self, m: _Mention) -> bool:
        """"US claims", "Venezuelan oil": the state word modifies a noun that names no party."""
        tok = self.sdoc[m.end - 1]
        if tok.dep_ not in ("compound", "amod") or not m.start <= tok.i < m.end or tok.head.i < m.end:
            return False
        return self._category(tok.head) in (None, "NONE", "PLACE")

    def _role_determiner(self, i: int) -> bool:
        """A role noun used as a description: after "the", "its" or "the country's"."""
        prev = self.norms[i - 1]
        if prev in ("the", "its"):
            return True
        return prev in ("'s", "'") and i >= 2 and self.norms[i - 2] in ("country", "nation", "government") \
            and self.covered[i - 2] is None

    def _role_of(self, i: int, role_end: int, roles) -> None:
        """"the president of Colombia", "the secretary-general of the UN"."""
        owner = self.covered[role_end + 1]
        if owner is None or owner.entry is None or owner.entry.kind not in ("state", "org"):
            return
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

    def _pronouns(self) -> None:
        pronouns = self.lex.pronoun_gender
        for i in [i for i, t in enumerate(self.norms) if t in pronouns]:
            gender = pronouns[self.norms[i]]
            if self.covered[i] is not None:
                continue
            tok = self.sdoc[i]
            if tok.pos_ != "PRON":
                continue
            src = self._only_person_nearby(tok.i, gender, self._clause_subjects(tok))
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

    def _clause_subjects(self, tok) -> set[str]:
        """Who an object pronoun cannot mean: the subject of its own verb ("Obama would not
        meet with him" -- "him" is not Obama; "himself" would be)."""
        verb = None
        if tok.dep_ in ("dobj", "dative"):
            verb = tok.head
        elif tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "dative") and tok.head.head.pos_ in ("VERB", "AUX"):
            verb = tok.head.head
        if verb is None:
            return set()
        out = set()
        for subj in verb.children:
            if subj.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for t in [subj] + [c for c in subj.subtree if c.dep_ == "conj"]:
                m = self.covered[t.i]
                if m is not None and not m.dropped and m.person:
                    out.add(m.identity())
        return out

    def _only_person_nearby(self, i: int, gender: Optional[str],
                            excluded: frozenset | set = frozenset()) -> Optional[_Mention]:
        """The one person a pronoun can mean: same or previous two sentences, gender-compatible,
        not one of ``excluded`` (identities)."""
        si = self._sent_index(i)
        window_start = self.sent_starts[max(0, si - 2)]
        cands = [m for m in self._persons_before(i) if m.start >= window_start
                 and (gender is None or m.gender in (None, gender)) and m.identity() not in excluded]
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
        if word in self.lex.locative_prepositions:
            return True
        if word in ("from", "over"):
            head = prep.head
            motion = self.lex.motion_words
            return head.lemma_.lower() in motion or head.lower_ in motion
        if word == "of":
            return self._category(prep.head) == "PLACE"
        return False

    def _is_locative(self, m: _Mention) -> bool:
        if self._modifies_event_noun(m):
            return False
        if self._after_locative_prep(m.start):
            return True
        tok = self.sdoc[m.end - 1]
        t = tok
        while t.dep_ == "conj" and t.head.i < t.i:  # "in Venezuela and Colombia"
            t = t.head
        if t.i != tok.i and t.dep_ == "pobj":
            return self._after_locative_prep(t.i) or (t.head.i == t.i - 1 and t.head.lower_ in self.lex.locative_prepositions)
        return False

    def _modifies_event_noun(self, m: _Mention) -> bool:
        """The mention is the doer's modifier of an event noun after it ("killed in Russian
        airstrikes", "involvement in the Russian annexation of Crimea"): a preposition
        before the noun phrase places the act, not the party that does it."""
        if m.country is None:
            return False  # (a name of no country, "CHEMICAL", "Senate", stays as read)
        tok = self.sdoc[m.end - 1]
        if m.end - m.start > 1 and tok.pos == NOUN and self._lemma(tok.i) in _event_nouns() \
                and m.entry is not None and m.entry.kind == "state" and self.sdoc[m.start].text[:1].isupper():
            return True  # one mention with the noun ("Russian airstrikes": the doer's act;
            # a name or demonym, not "military exercises" read as the home army's)
        head = tok.head
        return tok.dep_ in ("amod", "compound", "poss", "nmod") and head.i > tok.i \
            and head.pos == NOUN and self._lemma(head.i) in _event_nouns()

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


@functools.lru_cache(maxsize=512)
def _alpha3(alpha2: Optional[str]) -> Optional[str]:
    import pycountry
    found = pycountry.countries.get(alpha_2=(alpha2 or "").upper()) if alpha2 else None
    return found.alpha_3 if found is not None else None


@functools.lru_cache(maxsize=1)
def _event_nouns() -> frozenset:
    """Lemmas of the PLOVER lexicon's event nouns ("airstrike", "annexation")."""
    from sitrep.knowledge.plover import load_event_lexicon
    return frozenset(load_event_lexicon().nouns)


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


#: relations that keep a word inside the noun phrase that holds it
_INSIDE_NOUN_PHRASE = frozenset({"poss", "pobj", "prep", "compound", "amod", "nmod", "conj", "appos", "cc"})


def _one_noun_phrase(a, b) -> bool:
    """Both tokens belong to one noun phrase ("Russia, China and the country's army"): the
    phrase lists them as different parties (a description does not refer to a name listed
    beside it)."""
    return a.sent == b.sent and _phrase_top(a).i == _phrase_top(b).i


def _phrase_top(tok):
    for _ in range(12):
        if tok.dep_ not in _INSIDE_NOUN_PHRASE or tok.head.i == tok.i or tok.head.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head
    return tok
