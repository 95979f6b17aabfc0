"""Place names that the NER model misses or mis-types, found by cues in the text's layout and wording.

- A dateline: an all-capitals name at the start of the article body or of a paragraph, before a dash or "(AP)"
  ("MOUNT GILEAD (AP) --", "HARWINTON — ...").
- A politician's party and home: "(D-S.C.)", ", R-Lakewood,".
- A state written with its initials and periods ("S.C.", "N.J."), which the model often leaves untagged.
- A list of region names ending in a plural region noun: "Polk, Story and Boone counties".
Each span found must also be a name the gazetteer knows (a state abbreviation, a place, or "<name> County").
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from newsintel.nlp.gazetteer import place_key
from newsintel.resources import load_yaml

if TYPE_CHECKING:
    from newsintel.nlp.geocode import Resolver

_CAPS = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_DATELINE = re.compile(
    rf"(?:\A|(?<=[.!?]\s)|(?<=\n))({_CAPS}(?:\s{_CAPS}){{0,3}})(?:,\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?"
    r"\s*(?:\([A-Z][\w ]*\)\s*)?(?:--|—|–|-\s)")
_PARTY = re.compile(r"(?<![\w-])[DRI]-((?:[A-Z]\.\s?)+[A-Z][a-z]*\.?|[A-Z][a-z]+\.?(?:\s[A-Z][a-z]+)?)(?=\s?[),;])")
_INITIALS = re.compile(r"(?<![\w.])([A-Z]\.\s?[A-Z]\.)(?![\w]|\s?[A-Z]\.)")
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
    for start, end, noun in region_list_spans(text):
        if gazetteer.contains_key(place_key(f"{text[start:end]} {noun}")):
            spans.append((start, end))
    return sorted(set(spans))
