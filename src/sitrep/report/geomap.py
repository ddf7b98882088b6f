"""A small map of incident places, drawn as inline SVG from the shipped Natural Earth
1:110m country outlines (``data/country_outlines.json``; public domain, see the notice
in that file). No tiles, no network: the page works offline.

``incident_map(points)`` returns a :class:`MapData` -- only numbers and the place names,
which the HTML template escapes -- or None when no place has coordinates.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from sitrep.report.content import MapPoint

OUTLINES = Path(__file__).parent / "data" / "country_outlines.json"
WIDTH = 480.0
#: smallest view (degrees of longitude, latitude) and margin around the places
MIN_SPAN = (24.0, 14.0)
MARGIN = 0.25


@dataclass
class Dot:
    x: float
    y: float
    r: float
    name: str
    incidents: int
    sources: int


@dataclass
class MapData:
    width: float
    height: float
    paths: list[str]
    dots: list[Dot]
    notice: str


@functools.lru_cache(maxsize=1)
def outlines() -> dict:
    return json.loads(OUTLINES.read_text(encoding="utf-8"))


def _view(points: list[MapPoint]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around the points, with a margin and a minimum size."""
    lons, lats = [p.lon for p in points], [p.lat for p in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    span_lon = max(east - west, MIN_SPAN[0] / (1 + 2 * MARGIN))
    span_lat = max(north - south, MIN_SPAN[1] / (1 + 2 * MARGIN))
    mid_lon, mid_lat = (west + east) / 2, (south + north) / 2
    half_lon, half_lat = span_lon * (0.5 + MARGIN), span_lat * (0.5 + MARGIN)
    return (max(-180.0, mid_lon - half_lon), max(-85.0, mid_lat - half_lat),
            min(180.0, mid_lon + half_lon), min(85.0, mid_lat + half_lat))


def _ring_path(ring: list[float], project) -> Optional[str]:
    pts = [project(ring[i], ring[i + 1]) for i in range(0, len(ring) - 1, 2)]
    if len(pts) < 3:
        return None
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z"


def incident_map(points: list[MapPoint]) -> Optional[MapData]:
    points = [p for p in points if p.lat is not None and p.lon is not None
              and -90 <= p.lat <= 90 and -180 <= p.lon <= 180]
    if not points:
        return None
    west, south, east, north = _view(points)
    kx = WIDTH / (east - west)
    ky = kx / max(0.2, math.cos(math.radians((north + south) / 2)))
    height = (north - south) * ky

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * kx, (north - lat) * ky

    paths = []
    data = outlines()
    for country in data["countries"]:
        for ring in country["rings"]:
            lons, lats = ring[0::2], ring[1::2]
            if max(lons) < west or min(lons) > east or max(lats) < south or min(lats) > north:
                continue
            d = _ring_path(ring, project)
            if d:
                paths.append(d)
    most = max(p.incidents for p in points)
    dots = []
    for p in points:
        x, y = project(p.lon, p.lat)
        dots.append(Dot(round(x, 1), round(y, 1), round(3 + 6 * math.sqrt(p.incidents / most), 1), p.name,
                        p.incidents, p.sources))
    return MapData(WIDTH, round(height, 1), paths, dots, data.get("notice", ""))
