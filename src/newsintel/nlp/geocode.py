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
places near it, the publisher's focus on that state), its country being named is not enough. A small town read
only through another of its names ("Guns", German for Kőszeg; "Major"; "White House" for Casablanca) needs some
context too, and a given name or a known organisation's name ("Harvey", "Kremlin") local context: a person or a
body is meant more often than a town far from the report's places. The words around a
name (qualifiers, kind nouns, lists of states, datelines) are read in `nlp/name_context.py`; the readings of
each name are found in `nlp/geo_candidates.py`.
"""

from __future__ import annotations

import functools
import math

from newsintel.nlp.focus import Focus
from newsintel.nlp.gazetteer import Place, fold, load_gazetteer, place_key
from newsintel.nlp.geo_candidates import (
    ADJECTIVE_LABELS,
    ADMIN_KINDS,
    PLACE_LABELS,
    Candidate,
    CandidateFinder,
    evidence_of,
    person_or_body_keys,
)
from newsintel.nlp.name_context import QUALIFIER, apply_datelines, apply_kind_context, apply_qualifiers
from newsintel.nlp.toponym_cues import region_noun_after

__all__ = ["ADJECTIVE_LABELS", "ADMIN_KINDS", "PLACE_LABELS", "Candidate", "Resolver", "distance_km",
           "load_resolver"]

AREA_KINDS = frozenset({"country", "continent", "state", "province", "region"})
WORLD_AREA_KINDS = frozenset({"country", "continent", "union", "region", "sea"})


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Resolver(CandidateFinder):
    """Resolves the place mentions of one document at a time; holds only settings and the gazetteer. The
    readings of each name come from `CandidateFinder` (`nlp/geo_candidates.py`)."""

    def prominent(self, place: Place) -> bool:
        """A country, continent, state or province, world region or sea, a capital or a world city: such a place
        is what a bare name means unless a qualifier or local context (its namesake's own state, places near it)
        says otherwise; being in a country the document names is no such context."""
        rule = self.cfg["world_namesake"]
        if place.kind != "city":
            return place.kind in rule["prominent_kinds"]
        return (place.population >= rule["world_city_population"]
                or (place.country, place_key(place.name)) in self._capitals)

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
        evidence = evidence_of(cands, self.cfg["focus_state_city_share"])
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
        return evidence_of(self._all_candidates(text, mentions)[1], self.cfg["focus_state_city_share"])

    def _all_candidates(self, text: str, mentions: list[tuple[int, int, str]],
                        ) -> tuple[list[str], list[list[Candidate]], set[int]]:
        """(keys, candidates, indexes of qualified names) of the mentions."""
        surfaces = [text[s:e] for s, e, _ in mentions]
        keys = [place_key(t) for t in surfaces]
        cands = [self.candidates(t, label) for t, (_, _, label) in zip(surfaces, mentions, strict=True)]
        for i, (start, end, _) in enumerate(mentions):
            if keys[i] in self.not_places:
                cands[i] = self._qualified_town(text, end, cands[i])  # "Mars, Pa." is a town; "Mars, Musk said" none
            elif (code := self.town_qualifier(text, start, end) or self.postal_after_town(text, start, end)) or (
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
        context["states_named"] = {(p.place.country, p.place.admin1) for p in picks
                                   if p is not None and not p.loose and p.place.kind in ("state", "province")}
        for key, pick, options in zip(keys, picks, cands, strict=True):
            sources = []
            if pick is not None and not pick.loose:
                sources.append(("firm", [pick.place]))
            if 1 < len(options) <= limit and not (pick is not None and not pick.loose
                                                  and pick.place.kind in WORLD_AREA_KINDS):
                # a name read as a country or world region gives no soft context from its small namesakes ("Costa
                # Rica" is also a town in Mexico: no support for Mexican hamlets in a report from Costa Rica)
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
        if (key in person_or_body_keys() and best.place.kind == "city" and not self.prominent(best.place)
                and (best.place.country, best.place.admin1) not in context["states_named"]
                and self._support(best.place, key, context, local_only=True) < cfg["person_name_min_support"]):
            return None  # "Harvey said", "the Kremlin said": a person or a body, not a town far from the report
        if (support == 0.0 and " " in key and best.place.kind == "city"
                and not set(key.split()) & set(place_key(best.place.name).split())):
            return None  # a name of two words that is only another name of the town ("White House", Casablanca)
        if (support == 0.0 and best.place.kind == "city" and best.place.population < cfg["alternate_only_population"]
                and all(place_key(o.place.name) != key for o in options)):
            return None  # a town only by another of its names ("Guns" for Kőszeg), and nothing near it named
        return best



@functools.cache
def load_resolver() -> Resolver:
    return Resolver(load_gazetteer())
