"""Convert Natural Earth's 1:110m country outlines into the compact JSON the brief's map
draws (``country_outlines.json`` next to this script). Run once, by hand:

    pip download geopandas==0.14.4 --no-deps -d /tmp/ne
    unzip -o /tmp/ne/geopandas-0.14.4-py3-none-any.whl 'geopandas/datasets/*' -d /tmp/ne
    python src/sitrep/report/data/make_country_outlines.py \
        /tmp/ne/geopandas/datasets/naturalearth_lowres/naturalearth_lowres

Natural Earth is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/);
the geopandas wheel ships the 110m admin-0 countries as ``naturalearth_lowres``. The
shapefile is read with the small reader below (polygons and the attribute table only),
so the conversion needs nothing beyond the standard library. Rings are simplified
(Douglas-Peucker, TOLERANCE degrees) and rounded to 0.1 degree: at the size the brief
draws a map (a region, a few hundred pixels wide) that is below one pixel.
"""
from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

TOLERANCE = 0.2
DECIMALS = 1
OUT = Path(__file__).with_name("country_outlines.json")
NOTICE = ("Country outlines: Natural Earth 1:110m Admin 0 - Countries (public domain, "
          "https://www.naturalearthdata.com/), as shipped in geopandas 0.14.4 "
          "(naturalearth_lowres), simplified.")


def read_dbf(path: Path) -> list[dict[str, str]]:
    """Records of a dBASE III table as dicts of stripped strings."""
    data = path.read_bytes()
    n_records, header_len, record_len = struct.unpack("<IHH", data[4:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, data[pos + 16]))
        pos += 32
    rows = []
    for i in range(n_records):
        rec = data[header_len + i * record_len: header_len + (i + 1) * record_len]
        row, at = {}, 1  # byte 0 is the deletion flag
        for name, width in fields:
            row[name] = rec[at:at + width].decode("utf-8", "replace").strip()
            at += width
        rows.append(row)
    return rows


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Per record, its rings as lists of (lon, lat); polygon shapes (type 5) only."""
    data = path.read_bytes()
    pos, shapes = 100, []
    while pos < len(data):
        _, length = struct.unpack(">II", data[pos:pos + 8])
        content = data[pos + 8: pos + 8 + 2 * length]
        pos += 8 + 2 * length
        shape_type = struct.unpack("<i", content[:4])[0]
        if shape_type != 5:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44:44 + 4 * n_parts])) + [n_points]
        at = 44 + 4 * n_parts
        points = [struct.unpack("<dd", content[at + 16 * k: at + 16 * k + 16]) for k in range(n_points)]
        shapes.append([points[parts[k]:parts[k + 1]] for k in range(n_parts)])
    return shapes


def simplify(ring: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on one ring (iterative, keeps the end points)."""
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        lo, hi = stack.pop()
        (x1, y1), (x2, y2) = ring[lo], ring[hi]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, best_d = None, tolerance
        for k in range(lo + 1, hi):
            x, y = ring[k]
            d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if d > best_d:
                best, best_d = k, d
        if best is not None:
            keep[best] = True
            stack += [(lo, best), (best, hi)]
    return [p for p, k in zip(ring, keep) if k]


def compact(ring: list[tuple[float, float]]) -> list[float]:
    """A flat [lon, lat, lon, lat, ...] list, rounded, without repeated points."""
    out: list[float] = []
    for lon, lat in simplify(ring, TOLERANCE):
        pt = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if out[-2:] != pt:
            out += pt
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    base = Path(argv[0])
    records = read_dbf(base.with_suffix(".dbf"))
    shapes = read_polygons(base.with_suffix(".shp"))
    countries = []
    for rec, rings in zip(records, shapes):
        flat = [c for c in (compact(r) for r in rings) if len(c) >= 6]
        if flat:
            countries.append({"iso_a3": rec.get("iso_a3"), "name": rec.get("name"), "rings": flat})
    OUT.write_text(json.dumps({"notice": NOTICE, "countries": countries}, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{len(countries)} countries, {sum(len(r) // 2 for c in countries for r in c['rings'])} points "
          f"-> {OUT} ({OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
