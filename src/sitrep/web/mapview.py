"""The offline map: the Natural Earth 1:110m country outlines shipped with the package
(``sitrep/report/data/country_outlines.json``, public domain; the same file the brief's
map uses) projected to SVG, with incident markers sized by independent sources, coloured
by event type and merged into numbered clusters where they crowd. No tiles, no network.

Zooming is a link: a cluster links to the map of its own box, so the page needs no
script. An incident placed only by its country is drawn at the country's centre with a
dashed ring (its position is approximate).
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from sitrep.web.filters import BadFilter

OUTLINES = Path(__file__).resolve().parents[1] / "report" / "data" / "country_outlines.json"
WIDTH = 960.0
MAX_HEIGHT = 600.0
#: markers closer than this (pixels) merge into a cluster
CLUSTER_PX = 34.0
#: clusters mix types: drawn in one neutral colour with their count
CLUSTER_COLOUR = "#37474f"
WORLD = (-180.0, -60.0, 180.0, 84.0)
MIN_SPAN = (4.0, 3.0)
#: what a ``box=`` parameter must look like (said in its 400)
BOX_FORM = ("use box=west,south,east,north in degrees, e.g. box=-75,0,-59,13 "
            "(-180 <= west < east <= 180, -90 <= south < north <= 90)")

#: one colour per PLOVER type: reds and oranges for conflict, blues and greens for cooperation
TYPE_COLOURS = {
    "ASSAULT": "#b2182b", "COERCE": "#d6604d", "MOBILIZE": "#e08214", "PROTEST": "#f4a582",
    "SANCTION": "#8c510a", "THREATEN": "#c51b7d", "ACCUSE": "#de77ae", "REJECT": "#7b3294",
    "REQUEST": "#9970ab", "AGREE": "#1b7837", "CONSULT": "#5aae61", "SUPPORT": "#a6dba0",
    "CONCEDE": "#35978f", "COOPERATE": "#2166ac", "AID": "#4393c3", "RETREAT": "#92c5de",
}


QUAD_COLOURS = {"verbal cooperation": "#5aae61", "material cooperation": "#2166ac",
                "verbal conflict": "#e08214", "material conflict": "#b2182b"}


@dataclass
class Marker:
    x: float
    y: float
    r: float
    colour: str
    incidents: list[dict[str, Any]]
    approximate: bool
    #: for a cluster: the map box (west, south, east, north) to zoom into
    zoom: Optional[tuple[float, float, float, float]] = None

    @property
    def count(self) -> int:
        return len(self.incidents)

    @property
    def sources(self) -> int:
        return sum(int(i.get("n_sources") or 1) for i in self.incidents)

    @property
    def title(self) -> str:
        if self.count == 1:
            i = self.incidents[0]
            where = i.get("place_name") or i.get("place_country") or "?"
            return (f"{i['label']} - {where}, {i.get('date_start') or 'undated'}; {i.get('n_sources')} "
                    f"source(s)" + (" (placed by country)" if self.approximate else ""))
        return f"{self.count} incidents, {self.sources} sources: click to zoom in"


@dataclass
class MapView:
    width: float
    height: float
    box: tuple[float, float, float, float]
    countries: list[str]
    markers: list[Marker]
    notice: str
    placed: int
    approximate: int
    legend: list[tuple[str, str]] = field(default_factory=list)
    #: the box came from the query string (a cluster was clicked), not from the markers
    zoomed: bool = False


@functools.lru_cache(maxsize=1)
def outlines() -> dict[str, Any]:
    if not OUTLINES.exists():
        return {"notice": "", "countries": []}
    return json.loads(OUTLINES.read_text(encoding="utf-8"))


def _ring_area_centroid(ring: list[float]) -> tuple[float, float, float]:
    xs, ys = ring[0::2], ring[1::2]
    area = cx = cy = 0.0
    for i in range(len(xs) - 1):
        cross = xs[i] * ys[i + 1] - xs[i + 1] * ys[i]
        area += cross
        cx += (xs[i] + xs[i + 1]) * cross
        cy += (ys[i] + ys[i + 1]) * cross
    if abs(area) < 1e-9:
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


@functools.lru_cache(maxsize=1)
def country_centres() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 -> (lon, lat): the centroid of the country's largest ring."""
    import pycountry

    out = {}
    for c in outlines()["countries"]:
        best = max((_ring_area_centroid(r) for r in c["rings"] if len(r) >= 6), default=None)
        country = pycountry.countries.get(alpha_3=c.get("iso_a3") or "")
        if best and country:
            out[country.alpha_2] = (best[1], best[2])
    return out


def parse_box(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    """``west,south,east,north`` in degrees from the query string, or None when absent;
    a malformed box is a 400 (BadFilter), not silently the whole map."""
    if value is None or not value.strip():
        return None
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise BadFilter(f"box={value[:60]!r} is not a map box; {BOX_FORM}") from None
    if not (-180 <= w < e <= 180 and -90 <= s < n <= 90):  # also refuses nan and inf
        raise BadFilter(f"box={value[:60]!r} is outside the world or empty; {BOX_FORM}")
    return w, s, e, n


def _fit(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    if not points:
        return WORLD
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    w, e, s, n = min(lons), max(lons), min(lats), max(lats)
    pad_lon, pad_lat = max((e - w) * 0.15, 10.0), max((n - s) * 0.15, 8.0)
    return (max(-180.0, w - pad_lon), max(-60.0, s - pad_lat), min(180.0, e + pad_lon), min(84.0, n + pad_lat))


def build(incidents: list[dict[str, Any]], box: Optional[tuple[float, float, float, float]] = None) -> MapView:
    centres = country_centres()
    placed = []
    for inc in incidents:
        if inc.get("lat") is not None and inc.get("lon") is not None:
            placed.append((float(inc["lon"]), float(inc["lat"]), inc, False))
        elif inc.get("place_country") in centres:
            lon, lat = centres[inc["place_country"]]
            placed.append((lon, lat, inc, True))
    zoomed = box is not None
    box = box or _fit([(p[0], p[1]) for p in placed])
    west, south, east, north = box
    if east - west < MIN_SPAN[0]:
        mid = (east + west) / 2
        west, east = mid - MIN_SPAN[0] / 2, mid + MIN_SPAN[0] / 2
    if north - south < MIN_SPAN[1]:
        mid = (north + south) / 2
        south, north = mid - MIN_SPAN[1] / 2, mid + MIN_SPAN[1] / 2
    kx = WIDTH / (east - west)
    ky = kx / max(0.25, math.cos(math.radians((north + south) / 2)))
    height = (north - south) * ky
    if height > MAX_HEIGHT:  # tall boxes: fit the height instead
        ky = MAX_HEIGHT / (north - south)
        kx = ky * max(0.25, math.cos(math.radians((north + south) / 2)))
        height = MAX_HEIGHT
    width = (east - west) * kx

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * kx, (north - lat) * ky

    inside = [(project(lon, lat), inc, approx) for lon, lat, inc, approx in placed
              if west <= lon <= east and south <= lat <= north]
    markers = _cluster(inside, project_back=lambda x, y: (west + x / kx, north - y / ky))
    used = sorted({i["type"] for m in markers for i in m.incidents if i.get("type")})
    return MapView(round(width, 1), round(height, 1), (west, south, east, north),
                   list(_country_paths((west, south, east, north), kx, ky)), markers,
                   outlines().get("notice", ""), len(inside), sum(1 for _, _, a in inside if a),
                   [(t, TYPE_COLOURS.get(t, "#666")) for t in used], zoomed)


@functools.lru_cache(maxsize=32)
def _country_paths(box: tuple[float, float, float, float], kx: float, ky: float) -> tuple[str, ...]:
    """The outlines inside ``box`` as SVG paths; the same box and scale give the same paths,
    so they are drawn once per view (the default world view is most of them)."""
    west, south, east, north = box

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * kx, (north - lat) * ky

    paths = []
    for c in outlines()["countries"]:
        parts = []
        for ring in c["rings"]:
            lons, lats = ring[0::2], ring[1::2]
            if len(lons) < 3 or max(lons) < west or min(lons) > east or max(lats) < south or min(lats) > north:
                continue
            pts = [project(lons[i], lats[i]) for i in range(len(lons))]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
        if parts:
            paths.append("".join(parts))
    return tuple(paths)


def _radius(sources: int) -> float:
    return round(min(CLUSTER_PX * 0.6, 3.5 + 2.5 * math.sqrt(max(1, sources))), 1)


def _cluster(points, project_back) -> list[Marker]:
    """Greedy clustering on a pixel grid: the best-sourced incidents seed clusters."""
    points = sorted(points, key=lambda p: (-int(p[1].get("n_sources") or 1), p[1]["incident_id"]))
    grid: dict[tuple[int, int], list[int]] = {}
    groups: list[list] = []
    for (x, y), inc, approx in points:
        cell = (int(x // CLUSTER_PX), int(y // CLUSTER_PX))
        target = None
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for g in grid.get((cell[0] + dx, cell[1] + dy), []):
                    gx, gy = groups[g][0]
                    if (gx - x) ** 2 + (gy - y) ** 2 <= CLUSTER_PX ** 2:
                        target = g
                        break
                if target is not None:
                    break
            if target is not None:
                break
        if target is None:
            groups.append([(x, y), [(x, y, inc, approx)]])
            grid.setdefault(cell, []).append(len(groups) - 1)
        else:
            groups[target][1].append((x, y, inc, approx))
    markers = []
    for (x, y), members in groups:
        incs = [m[2] for m in members]
        sources = sum(int(i.get("n_sources") or 1) for i in incs)
        approx = all(m[3] for m in members)
        if len(members) == 1:
            colour = TYPE_COLOURS.get(incs[0].get("type") or "", "#666")
            markers.append(Marker(round(x, 1), round(y, 1), _radius(sources), colour, incs, approx))
            continue
        xs, ys = [m[0] for m in members], [m[1] for m in members]
        w, n = project_back(min(xs), min(ys))
        e, s = project_back(max(xs), max(ys))
        pad_lon, pad_lat = max((e - w) * 0.3, 1.0), max((n - s) * 0.3, 0.8)
        zoom = (round(max(-180.0, w - pad_lon), 2), round(max(-90.0, s - pad_lat), 2),
                round(min(180.0, e + pad_lon), 2), round(min(90.0, n + pad_lat), 2))
        markers.append(Marker(round(sum(xs) / len(xs), 1), round(sum(ys) / len(ys), 1),
                              round(min(CLUSTER_PX * 0.75, 9 + 1.6 * math.sqrt(len(members))), 1),
                              CLUSTER_COLOUR, incs, approx, zoom))
    return sorted(markers, key=lambda m: -m.r)
