"""The actor knowledge base: states, people with their terms in office, organisations.

Shipped data lives in ``knowledge/data/actors/*.tsv`` (format: docs/actors.md). User files
in the same format are merged over it (``--actors FILE`` or ``SITREP_ACTORS``, a
``os.pathsep``-separated list of files): a row whose id already exists overrides the
fields it fills and adds its aliases and its term; a new id adds an actor.

Everything the actors stage looks up per token is precomputed here: a token trie of all
names (keys are the normalised spaCy tokens of each alias), role phrases, and the head
nouns that pick a sector.
"""
from __future__ import annotations

import functools
import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from sitrep.knowledge.tables import tsv_rows

ACTOR_DATA_DIR = Path(__file__).parent / "data" / "actors"
#: entry files, merged in this order; roles.tsv and nouns.tsv are lexicons, not entries
SHIPPED_FILES = ("countries.tsv", "organisations.tsv", "people.tsv")
COLUMNS = ("id", "name", "kind", "sector", "country", "igo", "role", "start", "end", "gender",
           "aliases", "demonyms", "metonyms")
KINDS = ("person", "org", "state", "group")
#: sector codes (CAMEO/PLOVER style); see docs/actors.md
SECTORS = {
    "GOV": "government, executive", "MIL": "armed forces, defence", "REB": "rebels, insurgents, armed groups",
    "CRM": "criminal groups", "BUS": "business", "MED": "media", "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation", "CIV": "civilians", "OPP": "political opposition",
    "JUD": "judiciary, prosecutors", "LEG": "legislature", "POL": "police", "SPY": "intelligence services",
    "PTY": "political party", "REF": "refugees", "EDU": "education, students", "LAB": "labour unions",
    "REL": "religious",
}
#: how a name is used: a plain name, a demonym ("Venezuelan"), a metonym (a capital or seat
#: of government standing for the government: "Washington said")
NAME, DEMONYM, METONYM = "name", "demonym", "metonym"

#: surnames that are common words or shared by many people: never a KB match on their own
#: (they still resolve to a person named in full earlier in the same document)
_WEAK_SURNAME_STOP = frozenset("""
ali khan lee kim singh ahmed mohammed mohamed hassan hussein abdullah smith johnson brown jones
williams martin garcia gonzalez lopez perez rodriguez hernandez sanchez diaz fernandez castro
moreno paz gil power rice may hunt ryan scott burns barr graham sullivan cohen michel costa francis
leo jonathan henry harris cooper austin carter king charles james moon park hu li wang yi abe
cleverly truss khan jr. ii iii silva rosales reverol salam aoun ortega murillo marquez mahdi
bush clinton obama abrams
""".split()) - {"bush", "clinton", "obama"}


def normalise(text: str) -> str:
    """Lower case, accents stripped, typographic apostrophes straightened."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Term:
    """One spell in an office. Dates are ISO strings ('' = open)."""
    roles: tuple[str, ...]
    country: Optional[str]
    igo: Optional[str]
    sector: Optional[str]
    start: str = ""
    end: str = ""

    def covers(self, date: str) -> bool:
        return (not self.start or self.start[:len(date)] <= date) and (not self.end or date < self.end)


@dataclass
class ActorEntry:
    id: str
    name: str
    kind: str
    sector: Optional[str] = None
    country: Optional[str] = None
    igo: Optional[str] = None
    gender: Optional[str] = None
    terms: list[Term] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)

    def term_at(self, date: Optional[str]) -> Optional[Term]:
        """The term covering ``date`` or, failing that, the latest one."""
        if not self.terms:
            return None
        if date:
            for term in self.terms:
                if term.covers(date):
                    return term
        return max(self.terms, key=lambda t: (t.end or "9999", t.start))

    def at(self, date: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
        """(country, sector, igo) of this actor at a date (people change office)."""
        term = self.term_at(date)
        if term is None:
            return self.country, self.sector, self.igo
        if term.igo and not term.country:  # an international post: no national flag
            return None, term.sector or self.sector, term.igo
        country = term.country if term.country is not None else self.country
        igo = term.igo if term.igo is not None else self.igo
        return country, term.sector or self.sector, igo

    def roles_at(self, date: Optional[str]) -> set[str]:
        return {r for t in self.terms if date is None or t.covers(date) for r in t.roles}


@dataclass(frozen=True)
class AliasHit:
    """What a trie leaf points to: the entry, how the alias is used, how strict to be."""
    entry_id: str
    use: str  # name | demonym | metonym
    #: acronyms ("US", "IS") must match case exactly
    exact: Optional[str] = None
    #: single-token person names: only when not part of a longer proper name
    weak: bool = False


_LEAF = ""  # trie key of the hit list (no token normalises to the empty string)


class ActorKB:
    """Entries plus the lookup structures built from them."""

    def __init__(self, entries: dict[str, ActorEntry], roles: dict[str, tuple[str, ...]],
                 nouns: dict[str, str]):
        self.entries = entries
        self.nouns = nouns
        self.countries = {e.country: e for e in entries.values() if e.kind == "state" and e.country}
        self.trie: dict = {}
        self.role_trie: dict = {}
        tokenize = _tokenizer()
        for entry in entries.values():
            for use, forms in ((NAME, [entry.name] + entry.aliases), (DEMONYM, entry.demonyms),
                               (METONYM, entry.metonyms)):
                for form in forms:
                    self._add(tokenize, form, entry, use, weak=False)
            if entry.kind == "person":
                for surname in _surnames(entry):
                    self._add(tokenize, surname, entry, NAME, weak=True)
        for phrase, codes in roles.items():
            node = self.role_trie
            for tok in tokenize(phrase):
                node = node.setdefault(normalise(tok), {})
            node[_LEAF] = tuple(codes)
        # (country or igo, role) -> people, for "the US president" on a given date
        self.holders: dict[tuple[Optional[str], str], list[tuple[Term, ActorEntry]]] = {}
        for entry in entries.values():
            for term in entry.terms:
                for role in term.roles:
                    key = term.country or (term.igo if term.igo else entry.country or entry.igo)
                    self.holders.setdefault((key, role), []).append((term, entry))

    def _add(self, tokenize, form: str, entry: ActorEntry, use: str, weak: bool) -> None:
        form = form.strip()
        if form.lower().startswith("the ") and len(form) > 4:
            form = form[4:]  # "the" stays outside the mention span, as spaCy's NER does
        if not form:
            return
        toks = tokenize(form)
        if not toks:
            return
        bare = form.replace(".", "")
        exact = form if (bare.isupper() and len(bare) <= 5 and len(toks) == 1) else None
        node = self.trie
        for tok in toks:
            node = node.setdefault(normalise(tok), {})
        hits = node.setdefault(_LEAF, [])
        hit = AliasHit(entry.id, use, exact, weak and len(toks) == 1)
        for i, old in enumerate(hits):
            if old.entry_id == entry.id and old.use == use:
                if old.weak and not hit.weak:
                    hits[i] = hit
                return
        hits.append(hit)

    # -- lookups colleagues may use --------------------------------------------------

    def get(self, actor_id: str) -> Optional[ActorEntry]:
        return self.entries.get(actor_id)

    def lookup(self, text: str) -> list[ActorEntry]:
        """Entries whose name/alias/demonym/metonym is exactly ``text`` (case-insensitive)."""
        node = self.trie
        for tok in _tokenizer()(text):
            node = node.get(normalise(tok))
            if node is None:
                return []
        return [self.entries[h.entry_id] for h in node.get(_LEAF, ())]

    def holder(self, country: Optional[str], roles: Iterable[str], date: Optional[str]) -> Optional[ActorEntry]:
        """Who held one of ``roles`` for ``country`` (ISO3 or IGO code) on ``date``.

        Without a date, or when nobody's term covers it, the most recent holder.
        """
        best, best_key = None, None
        for role in roles:
            for term, entry in self.holders.get((country, role), ()):
                if date and term.covers(date):
                    return entry
                key = (term.end or "9999", term.start)
                if best_key is None or key > best_key:
                    best, best_key = entry, key
        if date and best is not None and best_key and best_key[1] > date:
            return None  # the only holders took office after the article: do not guess
        return best

    def __len__(self) -> int:
        return len(self.entries)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for e in self.entries.values():
            out[e.kind] = out.get(e.kind, 0) + 1
        return out


def _surnames(entry: ActorEntry) -> list[str]:
    """Auto aliases for a person: the family name alone, when it is distinctive enough."""
    parts = entry.name.replace(".", ". ").split()
    while parts and parts[-1].lower().rstrip(".") in ("jr", "ii", "iii", "iv", "sr"):
        parts.pop()
    if len(parts) < 2 or parts[0] in ("King", "Queen", "Pope"):
        return []
    east_asian = (entry.country in ("CHN", "TWN", "PRK", "KOR") and "-" not in parts[-1])
    surname = parts[0] if east_asian else parts[-1]
    if parts[-2].lower() in ("de", "da", "del", "la", "von", "van", "bin", "al", "der", "dos"):
        return []
    out = []
    for form in {surname, surname.split("-", 1)[1] if surname.lower().startswith(("al-", "el-")) else surname}:
        if len(form) >= 4 and form[0].isupper() and normalise(form) not in _WEAK_SURNAME_STOP:
            out.append(form)
    return out


@functools.lru_cache(maxsize=1)
def _tokenizer():
    """spaCy's English tokenizer rules, so alias keys split exactly like article text."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer

    @functools.lru_cache(maxsize=65536)
    def tokenize(text: str) -> tuple[str, ...]:
        return tuple(t.text for t in tokenizer(text) if not t.is_space)

    return tokenize


def _split(value: str, sep: str = "|") -> list[str]:
    return [v.strip() for v in (value or "").split(sep) if v.strip()]


def read_actor_file(path: os.PathLike | str) -> list[dict[str, str]]:
    """Rows of one actor TSV file ('#' lines are comments; the header row names columns,
    a file without one uses the documented column order)."""
    rows = tsv_rows(path)
    header = list(COLUMNS)
    if rows and rows[0][0] == "id":
        header, rows = rows[0], rows[1:]
    return [{k: (row[i] if i < len(row) else "") for i, k in enumerate(header)}
            for row in rows if row and row[0]]


def merge_rows(entries: dict[str, ActorEntry], rows: Iterable[dict[str, str]], origin: str = "") -> None:
    """Merge rows into ``entries`` (later rows override fields, add aliases and terms)."""
    for row in rows:
        actor_id = row.get("id", "").strip()
        if not actor_id:
            continue
        entry = entries.get(actor_id)
        kind = (row.get("kind") or "").strip().lower()
        if kind and kind not in KINDS:
            raise ValueError(f"{origin}: actor {actor_id!r}: kind must be one of {KINDS}, not {kind!r}")
        if entry is None:
            name = row.get("name") or actor_id
            entry = entries[actor_id] = ActorEntry(id=actor_id, name=name, kind=kind or "org")
        elif row.get("name"):
            if row["name"] != entry.name and entry.name not in entry.aliases:
                entry.aliases.append(entry.name)
            entry.name = row["name"]
        if kind:
            entry.kind = kind
        for key in ("sector", "country", "igo", "gender"):
            value = (row.get(key) or "").strip()
            if value:
                setattr(entry, key, value.upper() if key != "gender" else value.lower())
        for key in ("aliases", "demonyms", "metonyms"):
            values = getattr(entry, key)
            for alias in _split(row.get(key, "")):
                if alias.startswith("-"):  # "-Alias" removes a shipped alias
                    if alias[1:] in values:
                        values.remove(alias[1:])
                elif alias not in values:
                    values.append(alias)
        roles = tuple(r.strip() for r in (row.get("role") or "").split(";") if r.strip())
        start, end = (row.get("start") or "").strip(), (row.get("end") or "").strip()
        if roles or start or end:
            term = Term(roles, (row.get("country") or "").strip().upper() or None,
                        (row.get("igo") or "").strip().upper() or None,
                        (row.get("sector") or "").strip().upper() or None, start, end)
            if term not in entry.terms:
                entry.terms.append(term)


def user_actor_files(user_files: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The user's files: those passed in, then those in SITREP_ACTORS."""
    env = tuple(p for p in os.environ.get("SITREP_ACTORS", "").split(os.pathsep) if p.strip())
    return tuple(user_files) + env


def load_actor_kb(user_files: tuple[str, ...] = ()) -> ActorKB:
    """Shipped actors with the user's files (and SITREP_ACTORS) merged over them."""
    entries: dict[str, ActorEntry] = {}
    for name in SHIPPED_FILES:
        merge_rows(entries, read_actor_file(ACTOR_DATA_DIR / name), name)
    for path in user_actor_files(user_files):
        if not Path(path).is_file():
            raise FileNotFoundError(f"actor file not found: {path}")
        merge_rows(entries, read_actor_file(path), str(path))
    roles: dict[str, tuple[str, ...]] = {}
    for row in tsv_rows(ACTOR_DATA_DIR / "roles.tsv")[1:]:
        if len(row) >= 2:
            roles[row[0]] = tuple(r for r in row[1].split(";") if r)
    nouns = {row[0].lower(): row[1].upper() for row in tsv_rows(ACTOR_DATA_DIR / "nouns.tsv")[1:] if len(row) >= 2}
    return ActorKB(entries, roles, nouns)
