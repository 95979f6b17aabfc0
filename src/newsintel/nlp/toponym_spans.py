"""Toponym spans: which words of a mention or an organisation's name are the place name.

A place mention may hold more than its place ("the Warren County Jail", "North Texas", "Tulsa Airport") or less
("Elk" + "Grove"): `refine_span` finds the place name it stands for. An organisation's or facility's name may hold
a place ("Gainesville Police Department", "the University of Kentucky"): `embedded_spans` finds it. A town is
trusted as such a name only when big enough (`data/places.yaml`), or before a word naming a local body or office.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from newsintel.nlp.gazetteer import Place, fold, place_key
from newsintel.nlp.geo_candidates import given_names
from newsintel.nlp.geocode import PLACE_LABELS, Resolver, load_resolver
from newsintel.nlp.grouping import RawMention
from newsintel.resources import load_yaml

AREA_KINDS = frozenset({"country", "continent", "state", "province", "county", "region"})
_WORD = re.compile(r"[A-Z][\w'’.]*|\b(?:of|in)\b")  # hyphenated names are words joined by "-"
_POSSESSIVE = re.compile(r"['’]s$")
MAX_WORDS = 4


@functools.cache
def _settings() -> tuple[frozenset[str], int, int]:
    cfg = load_yaml("places.yaml")
    return frozenset(cfg["stoplist"]), cfg["min_population_to_detect"], cfg["min_population_whole_org"]


def is_place_name(text: str, whole: bool, any_town: bool = False) -> bool:
    """A state, county, country..., or a town big enough to be trusted here (any town when `any_town`)."""
    stoplist, min_pop, min_whole = _settings()
    key = place_key(text)
    if not key or (key in stoplist and not _country_code(text)):
        return False  # "US" in "the US Centers for Disease Control" is the country, "us" no place
    least = 0 if any_town else (min_whole if whole else min_pop)
    resolver = load_resolver()
    for place in resolver.gazetteer.by_key(key):
        if place.kind != "city" or place.population >= least:  # an area, sea, union, river...: "Indian Ocean"
            return True
    # before an office, a county may go without its noun ("Cuyahoga Sheriff")
    return any_town and any(resolver.gazetteer.contains_key(place_key(f"{key} {noun}"))
                            for noun in resolver.cfg["implied_region_nouns"])


def _country_code(text: str) -> bool:
    """An all-capitals short name of a country ("US", "UK")."""
    text = re.sub(r"^[Tt]he\s+", "", text)
    return text.isupper() and any(p.kind == "country" for p in load_resolver().gazetteer.lookup(text))


def embedded_spans(mention: RawMention, next_word: str = "") -> list[tuple[int, int]]:
    """Place names inside an organisation/facility name: the longest at its start, and the one after "of" or "in".
    Before a word naming a local body or office ("Dover Police", "Milford First Selectman", "Cuyahoga
    Sheriff": `next_word` is the word after the mention) any town of the gazetteer counts, else only larger ones."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(mention.text)]
    text = mention.text
    if not words:
        return []
    local = _local_body_words()
    if mention.label != "PERSON" and is_place_name(text, whole=True, any_town=fold(next_word) in local):
        return [(mention.start, mention.end)]
    spans: list[tuple[int, int]] = []
    starts = [0]
    if mention.label == "ORG" and len(words) > 1 and text[words[0][0]:words[0][1]].isupper():
        starts.append(1)  # a broadcaster's or agency's local office: "CBC Toronto", "CTV Edmonton"
    starts += [i + 1 for i, (s, e) in enumerate(words) if text[s:e] in ("of", "in") and i + 1 < len(words)]
    for first in starts:
        if text[words[first][0]:words[first][1]] in ("of", "in"):
            continue
        for last in range(min(len(words), first + MAX_WORDS) - 1, first - 1, -1):
            if first == 0 and last == len(words) - 1:
                continue  # the whole name is the organisation
            chunk = text[words[first][0]:words[last][1]]
            if " of" in chunk or " in " in chunk or not _contiguous(text, words, first, last):
                continue
            chunk = _POSSESSIVE.sub("", chunk)  # "Dover’s Board of Finance"
            after = fold(text[words[last + 1][0]:words[last + 1][1]]) if last + 1 < len(words) else ""
            if mention.label == "PERSON" and not (first == 0 and after in local):
                continue  # a "person" is a mis-typed body only when named like one ("Springdale Fire")
            if first == 0 and _person_opens(text, words):
                break  # a person's name opens the name: "Juan Roe Airport", "Ana Poe Stadium"
            if is_place_name(chunk, whole=False, any_town=first == 0 and after in local):
                start = mention.start + words[first][0]
                spans.append(strip_article(mention.text, start, start + len(chunk), mention.start))
                break
    return spans


def _person_opens(text: str, words: list[tuple[int, int]]) -> bool:
    """A facility often named after a person (`geocoding.yaml` named_after_people: "Juan Roe International
    Airport") opens with a given name (`data/given_names.yaml`) and another capitalised word that together name no
    town as its own name ("Charles City Airport" is in Charles City), and no prominent place is named by the given
    name ("Charlotte Douglas Airport" is in Charlotte)."""
    last = fold(text[words[-1][0]:words[-1][1]]) if words else ""
    if len(words) < 3 or last not in _named_after_people() or fold(text[words[0][0]:words[0][1]]) not in given_names():
        return False
    second = text[words[1][0]:words[1][1]]
    if not second[:1].isupper():
        return False
    resolver = load_resolver()
    pair = text[words[0][0]:words[1][1]]
    if any(place_key(c.place.name) == place_key(pair) for c in resolver.candidates(pair, "GPE")):
        return False
    return not any(resolver.prominent(c.place) for c in resolver.candidates(text[words[0][0]:words[0][1]], "GPE"))


@functools.cache
def _named_after_people() -> frozenset[str]:
    return frozenset(load_yaml("geocoding.yaml")["named_after_people"])


@functools.cache
def _local_body_words() -> frozenset[str]:
    """Words after a town's name that make the name a place: residents, officials, councils."""
    cues = load_yaml("places.yaml")["toponym_cues"]
    return place_words("resident_nouns") | frozenset(cues["role_words"]) | frozenset(cues["local_bodies"])


def _contiguous(text: str, words: list[tuple[int, int]], first: int, last: int) -> bool:
    """Only spaces or hyphens between the words: "Avoyelles Parish", not "Smith, Jones"."""
    return all(text[words[i][1]:words[i + 1][0]] in (" ", "-") for i in range(first, last))


@functools.cache
def place_words(*path: str) -> frozenset[str]:
    """A word list of `places.yaml`, by its keys ("toponym_cues", "role_words")."""
    data = load_yaml("places.yaml")
    for key in path:
        data = data[key]
    return frozenset(data)


def strip_article(text: str, start: int, end: int, offset: int = 0) -> tuple[int, int]:
    """The span without a leading "the" (`text` begins at `offset` of the document)."""
    return (start + 4, end) if text[start - offset:start - offset + 4].lower() == "the " else (start, end)


_LEFT_WORD = re.compile(r"([A-Z][\w.'’]*)[ \t]+$")
_RIGHT_WORD = re.compile(r"[ \t]+([A-Z][\w'’]*)")
_ABBREVIATION_HEAD = re.compile(r"(?:[A-Z][a-z]{1,4}|[A-Z]\.\s?[A-Z])\.(?=\s)")


def refine_span(text: str, start: int, end: int, label: str, resolver: Resolver) -> tuple[int, int]:
    """The place name a place mention stands for. A neighbouring capitalised word joins it when the two make a
    known place ("Elk" + "Grove", "ST." + "LOUIS"); a mention that names no place as a whole ("the Warren
    County Jail", "North Texas", "Tulsa Airport") shrinks to the place name after "in", at its start (after
    a direction word), or after "of"."""
    if label not in PLACE_LABELS:
        return start, end
    words = fold(text[start:end]).split()
    institutions = place_words("toponym_cues", "institution_nouns")
    if len(words) > 1 and words[0] in ("st", "saint") and words[-1] in institutions:
        return start, end  # "St. Michael's Hospital" is named after a saint, not a town
    gazetteer = resolver.gazetteer
    head = _ABBREVIATION_HEAD.match(text, start, end)
    if head and resolver.town_qualifier(text, start, head.end()):
        return start, head.end()  # "Monroeville, Ala. An Amber Alert" tagged "Ala. An"
    left = _LEFT_WORD.search(text, max(0, start - 30), start)
    if left and gazetteer.contains_key(place_key(text[left.start(1):end])):
        return left.start(1), end
    right = _RIGHT_WORD.match(text, end, end + 30)
    if right and gazetteer.contains_key(place_key(text[start:right.end(1)])):
        return start, right.end(1)
    if gazetteer.lookup(text[start:end]):
        return start, end  # a place as a whole, "North Carolina" too
    first = re.match(r"(\S+)\s+", text[start:end])
    if (first and fold(first.group(1)) in direction_words() - {"the"}
            and resolver.candidates(text[start + first.end():end], label)):
        return start + first.end(), end  # "North Texas" is Texas, and says so
    if resolver.candidates(text[start:end], label):
        return start, end
    core = _core_span(text, start, end, towns_of_any_size=label != "FAC")
    if core and fold(text[start:end]).split()[-1] in place_words("toponym_cues", "street_nouns") and not any(
            p.kind in AREA_KINDS for p in gazetteer.lookup(text[core[0]:core[1]])):
        return start, end  # "Main Street" is no town called Main; "Douglas County Road" is in the county
    if core and _names_a_feature(text, start, end, core):
        return start, end  # "Lake Vermont" is not the state
    return core or (start, end)


def _names_a_feature(text: str, start: int, end: int, core: tuple[int, int]) -> bool:
    """A lake or mountain named with its noun before a place name ("Lake Vermont", "Lake Robinson") is the
    feature, which lies elsewhere than the state or town of that name; with the noun after the name ("Catawba
    River", "Las Vegas Valley") the feature is usually by the place, which stands for it."""
    before = fold(text[start:core[0]]).split()
    return bool(before and before[-1] in place_words("toponym_cues", "feature_nouns"))


def _whole(sub: str, start: int, end: int) -> bool:
    """The chunk is the whole mention (but for a leading "the"), which named no place as a whole: "the Indian
    Ocean coast" holds "Indian Ocean", but "the Ural Mountains" is not itself a part of it."""
    return end == len(sub) and sub[:start].strip().lower() in ("", "the")


def _core_span(text: str, start: int, end: int, towns_of_any_size: bool = True) -> tuple[int, int] | None:
    """The place name inside a longer place mention. In a facility's name (`towns_of_any_size` False) a town
    too small to be trusted without context counts only as the name's head ("Cottonport Fire Station"), never as
    a later word ("Bastille Day"), a place adjective ("the German Consulate") or a noun before "of" ("the Abbey
    of Gethsemani"): a hamlet named like such a word is no evidence of where the facility is."""
    sub = text[start:end]
    words = [(m.start(), m.end()) for m in _WORD.finditer(sub)]
    skip = direction_words()
    first = 0
    while first < len(words) - 1 and fold(sub[words[first][0]:words[first][1]]) in skip:
        first += 1
    after = {w: [i + 1 for i, (s, e) in enumerate(words) if sub[s:e] == w and i + 1 < len(words)] for w in ("of", "in")}
    # "Church in Lexington" first; a direction word starts a name when the two make one ("Central and South America")
    starts = [*after["in"], *range(first), first, *range(first + 1, len(words)), *after["of"]]
    head = first
    for any_town in (False, True):  # "United Ohio": the state before a hamlet called United
        for first in dict.fromkeys(starts):
            for last in range(min(len(words), first + MAX_WORDS) - 1, first - 1, -1):
                chunk = sub[words[first][0]:words[last][1]]
                if _whole(sub, words[first][0], words[last][1]) or chunk in ("of", "in") or " of" in chunk or \
                        " in " in chunk or not _contiguous(sub, words, first, last):
                    continue
                chunk = _POSSESSIVE.sub("", chunk)
                if any_town and not towns_of_any_size and not _heads_facility(sub, words, first, last, head):
                    continue
                if is_place_name(chunk, whole=False, any_town=any_town):
                    return start + words[first][0], start + words[first][0] + len(chunk)
    return None


def _heads_facility(sub: str, words: list[tuple[int, int]], first: int, last: int, head: int) -> bool:
    """The words first..last open the facility's name, are no place adjective and come before no "of"."""
    chunk = sub[words[first][0]:words[last][1]]
    followed_by_of = last + 1 < len(words) and sub[words[last + 1][0]:words[last + 1][1]] == "of"
    return first == head and not followed_by_of and load_resolver().gazetteer.adjective(chunk) is None


@functools.cache
def direction_words() -> frozenset[str]:
    return frozenset(load_yaml("places.yaml")["toponym_cues"]["direction_words"])


def city_area(text: str, start: int, end: int, core: tuple[int, int], place: Place | None) -> Place | None:
    """The area a place mention names around the city it holds ("the San Francisco Bay Area", "Greater
    Manchester", "the Tokyo metropolitan area": data/geocoding.yaml `city_areas`), else None. A region is no city
    to an analyst: the area keeps the city's point as its rough middle, with an extent, under its own name."""
    if place is None or place.kind != "city" or core == (start, end) or not (start <= core[0] and core[1] <= end):
        return None
    cfg = load_resolver().cfg["city_areas"]
    before = [w for w in fold(text[start:core[0]]).split() if w != "the"]
    after = " ".join(fold(text[core[1]:end]).split())
    if not (before or after) or not set(before) <= set(cfg["before"]) or (after and after not in cfg["after"]):
        return None  # "the Greater Toronto Area" too
    start, end = strip_article(text, start, end)
    return dataclasses.replace(place, geonameid=None, name=text[start:end], kind="region", approximate=True,
                               extent_km=float(cfg["extent_km"]))


_NEXT_WORDS = re.compile(r"[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")


def area_end(text: str, end: int) -> int:
    """The end of the area words right after a place mention that the mention left out ("Paris" + " region",
    "Tokyo" + " metropolitan area"), else `end`."""
    match = _NEXT_WORDS.match(text, end, end + 40)
    if not match:
        return end
    after = load_resolver().cfg["city_areas"]["after"]
    if match.group(2) and fold(f"{match.group(1)} {match.group(2)}") in after:
        return match.end(2)
    return match.end(1) if fold(match.group(1)) in after else end
