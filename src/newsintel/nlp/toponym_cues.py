"""Place names that the NER model misses or mis-types, found by cues in the text's layout and wording.

- A dateline: an all-capitals name at the start of the article body or of a paragraph, before a dash or "(AP)"
  ("MOUNT GILEAD (AP) --", "HARWINTON — ...").
- A politician's party and home: "(D-S.C.)", ", R-Lakewood,".
- A state written with its initials and periods ("S.C.", "N.J."), which the model often leaves untagged, and a
  state or province abbreviation right after a town and a comma ("Melville, Sask.", "Churchill, Man.").
- A list of region names ending in a plural region noun: "Polk, Story and Boone counties".
Each span found must also be a name the gazetteer knows (a state abbreviation, a place, or "<name> County").
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from newsintel.nlp.gazetteer import place_key
from newsintel.resources import load_yaml

if TYPE_CHECKING:
    from newsintel.nlp.geo_candidates import CandidateFinder as Resolver

_CAPS = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_DATELINE = re.compile(
    rf"(?:\A|(?<=[.!?]\s)|(?<=\n))({_CAPS}(?:\s{_CAPS}){{0,3}})(?:,\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
    r"\s*(?:\([A-Z][\w ]*\)\s*)?(?:--|—|–|-\s)")
_PARTY = re.compile(r"(?<![\w-])[DRI]-((?:[A-Z]\.\s?)+[A-Z][a-z]*\.?|[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?)(?=\s?[),;])")
_INITIALS = re.compile(r"(?<![\w.])([A-Z]\.\s?[A-Z]\.)(?![\w]|\s?[A-Z]\.)")
_TOWN_ABBREVIATION = re.compile(r"\b[A-Z][\w'’.\-]*,\s((?:[A-Z][a-z]{1,4}|[A-Z]\.\s?[A-Z])\.)(?!\w)")
_LIST_NAME = r"[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,2}"
_LIST_LINK = r"(?:\s*,\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+)"


@functools.cache
def _cue_settings() -> dict:
    return load_yaml("places.yaml")["toponym_cues"]


@functools.cache
def _region_list() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The whole list, and the rest of a list after one of its names."""
    alternatives = "|".join(map(re.escape, _cue_settings()["region_list_nouns"]))
    return (re.compile(rf"({_LIST_NAME})((?:{_LIST_LINK}{_LIST_NAME})*)\s+({alternatives})\b"),
            re.compile(rf"(?:{_LIST_LINK}{_LIST_NAME})*\s+({alternatives})\b"))


def region_list_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, region noun) of each name in a list like "Walton and Oconee counties"."""
    nouns = _cue_settings()["region_list_nouns"]
    out = []
    for match in _region_list()[0].finditer(text):
        noun = nouns[match.group(3)]
        names = [(match.start(1), match.end(1))]
        inner = re.finditer(rf"{_LIST_LINK}({_LIST_NAME})", match.group(2))
        names += [(match.start(2) + m.start(1), match.start(2) + m.end(1)) for m in inner]
        out += [(s, e, noun) for s, e in names]
    return out


def region_noun_after(text: str, end: int) -> str | None:
    """"County" when the name ending at `end` is one of a list ending in "counties" (similarly "Parish")."""
    tail = _region_list()[1].match(text, end, end + 200)
    return _cue_settings()["region_list_nouns"][tail.group(1)] if tail else None


def cue_spans(text: str, resolver: Resolver) -> list[tuple[int, int]]:
    """Spans of place names found by the cues above, each known to the gazetteer."""
    spans: list[tuple[int, int]] = []
    gazetteer = resolver.gazetteer
    stoplist = frozenset(load_yaml("places.yaml")["stoplist"])
    least = _cue_settings()["dateline_stoplist_population"]
    for match in _DATELINE.finditer(text):
        name = match.group(1).rstrip(".")
        found = gazetteer.lookup(name.title()) if name.isupper() else ()
        if found and (place_key(name) not in stoplist or any(  # "VICTORIA -" is a city, "MARCH -" no dateline
                p.kind != "city" or p.population >= least for p in found)):
            spans.append((match.start(1), match.start(1) + len(name)))
    for match in _PARTY.finditer(text):
        name = match.group(1)
        if resolver.abbreviation(name) or gazetteer.lookup(name.rstrip(".")):
            spans.append((match.start(1), match.end(1)))
    for match in _INITIALS.finditer(text):
        code = resolver.abbreviation(match.group(1))
        if code and not code.startswith("CA-"):  # "N.B." and "B.C." are often no province
            spans.append(match.span(1))
    for match in _TOWN_ABBREVIATION.finditer(text):  # "Melville, Sask.", "Monroeville, Ala."
        if resolver.town_qualifier(text, *match.span(1)):
            spans.append(match.span(1))
    for start, end, noun in region_list_spans(text):
        if gazetteer.contains_key(place_key(f"{text[start:end]} {noun}")):
            spans.append((start, end))
    return sorted(set(spans))


_CAPITALISED = re.compile(r"[A-Z][\w'’\-]*")


def adjective_spans(mention_text: str, start: int, resolver: Resolver) -> list[tuple[int, int]]:
    """Place adjectives opening an organisation's or event's name, or its part after "of": "American" in "American
    Airlines", "British" in "the British Council", "Sri Lankan" in "the Congress of Sri Lankan Tamils" (gold sets
    of news geoparsing mark them as toponyms of their country, as they do adjectives standing alone); not a
    cuisine or style inside a name ("Garlic Malaysian Restaurant", "Native American")."""
    out: list[tuple[int, int]] = []
    words = list(_CAPITALISED.finditer(mention_text))
    heads = {0} | {i + 1 for i, w in enumerate(words[:-1]) if re.search(r"\bof(?: the)?\s*$", mention_text[
        w.end():words[i + 1].start()]) or (w.group(0) == "The" and i == 0)}
    i = 0
    while i < len(words):
        if i not in heads:  # the name's first word, or the first after "of": not "DeLallo Italian Marketplace"
            i += 1
            continue
        for size in (2, 1):
            if i + size > len(words):
                continue
            first, last = words[i], words[i + size - 1]
            text = mention_text[first.start():last.end()]
            if (size == 1 or mention_text[first.end():last.start()] == " ") and resolver.gazetteer.adjective(text):
                out.append((start + first.start(), start + last.end()))
                i += size - 1
                break
        i += 1
    return out


# Which evidence makes a mistyped name a place, by the type the NER model gave it: a place noun ("the island of
# Java", "Orientale province") for any; a locative word before it ("born in Churchill") not for works and products
# ("in the Ballon d'Or"), and for a person only one that goes with places alone ("in", not "from": "stolen from
# Welch"); the same name with such a cue elsewhere in the document only for organisations and the like.
BY_PREPOSITION = frozenset({"PERSON", "ORG", "NORP", "DATE", "CARDINAL", "EVENT"})
BY_ECHO = frozenset({"ORG", "NORP", "DATE", "CARDINAL"})
PERSON_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "across"})


def known_place_name(name: str, resolver: Resolver) -> bool:
    """A place known by this very name (not one of its other names: "IRS"), not a stop-listed word ("May",
    "Summer"), and no acronym unless a region's ("NSW", not "HIV")."""
    key = place_key(name)
    places = resolver.gazetteer.by_key(key)
    if key in frozenset(load_yaml("places.yaml")["stoplist"]) or not any(place_key(p.name) == key for p in places):
        return False
    return not name.isupper() or any(p.kind != "city" for p in places)


def place_cue(text: str, start: int, end: int) -> str | None:
    """What says "place" around the name at start:end: "noun" (a lowercase place noun after it, or "the
    <noun> of" before it), a locative word before it (the word), or None."""
    cues = _cue_settings()
    if text[end:end + 2] in ("'s", "’s"):
        return None
    before = re.findall(r"[\w']+", text[max(0, start - 30):start].lower())
    if before and before[-1] == "the":
        before = before[:-1]
    if len(before) > 1 and before[-1] == "of" and before[-2] in cues["place_nouns_before_of"]:
        return "noun"
    after = re.match(r"\s+([a-z]+)", text[end:end + 20])
    if after and after.group(1) in cues["place_nouns_before_of"]:
        return "noun"
    return before[-1] if before and before[-1] in cues["place_not_person_cues"] else None


def mistyped_place(text: str, start: int, end: int, label: str, resolver: Resolver,
                   cued_names: frozenset[str], listed: bool = False) -> bool:
    """A name the NER model typed as a person, organisation or product that is a place all the same: a known
    place name with a cue (`place_cue`) fit for its type, or named with such a cue elsewhere in the document
    (`cued_names`: place keys), or `listed` with places ("Parkes, Berry and Wyong", "Devon and Cornwall")."""
    if not known_place_name(text[start:end], resolver):
        return False
    if listed:
        return True
    cue = place_cue(text, start, end)
    if cue == "noun":
        return True
    if cue is not None and label in BY_PREPOSITION and (label != "PERSON" or cue in PERSON_PREPOSITIONS):
        return True
    return label in BY_ECHO and place_key(text[start:end]) in cued_names


_AND_GAP = re.compile(r",?\s+(?:and|or|&)\s+")


def listed_with_places(text: str, mentions: list, places: frozenset[int]) -> set[int]:
    """Indexes of names linked by "and" or "or" to a place mention ("Parkes, Berry and Wyong", "Devon and
    Cornwall"); a comma alone is no list ("in Texas, Philmont said")."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    return {b if a in places else a for a, b in itertools.pairwise(order)
            if (a in places) != (b in places) and _AND_GAP.fullmatch(text[mentions[a].end:mentions[b].start])}
