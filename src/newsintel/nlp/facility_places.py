"""Where a named facility is: the town or county named right beside it.

A building, park, airport or road is seldom in the gazetteer, and a word of its name may be a hamlet's name
elsewhere ("Penn Park", "Pearson International Airport"). News places such a facility with a neighbouring name: a
possessive before it ("Whittier's Penn Park", "Toronto's Pearson International Airport") or "in" / a comma after
it ("St. Barnabas Hospital in Bronx", "the Abbey of Gethsemani in Kentucky", "Cedar Flat Rd. in Metcalfe County").
That name, once resolved, is where the facility is, and beats a hamlet found inside the facility's own name.
Countries and world regions are too large to place a building by; they are not used.
"""

from __future__ import annotations

import functools
import re

from newsintel.nlp.gazetteer import Place, fold
from newsintel.resources import load_yaml

_POSSESSOR_GAP = re.compile(r"['’]s?\s+(?:the\s+)?")  # "Las Vegas' Mandalay Bay resort" too
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_LOCATION_GAP = re.compile(r",?\s+(?:in|at)\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?|,\s+")
TOO_LARGE = frozenset({"country", "continent", "region", "sea", "union", "lake", "mountains"})


@functools.cache
def facility_nouns() -> frozenset[str]:
    cues = load_yaml("places.yaml")["toponym_cues"]
    return frozenset(cues["facility_nouns"]) | frozenset(cues["institution_nouns"]) | frozenset(cues["street_nouns"])


def is_facility(label: str, name: str) -> bool:
    """A facility by its NER type, or by its last word ("Victoria Park", "Dean Woods Road")."""
    words = fold(name).split()
    return label == "FAC" or (bool(words) and words[-1] in facility_nouns())


def noun_after(text: str, end: int) -> int:
    """The end of a lower-case facility noun right after a name ("the Mandalay Bay resort"), else `end`: the name
    and the noun together name a facility."""
    match = _NEXT_WORD.match(text, end)
    return match.end() if match and match.group(1) in facility_nouns() else end


def host_place(text: str, start: int, end: int, placed: list[tuple[int, int, Place | None]]) -> Place | None:
    """The resolved place named right before the facility at start:end as its possessor, or right after it with
    "in", "at" or a comma; `placed` are the document's other toponyms (start, end, place)."""
    for s, e, place in placed:
        if place is None or place.kind in TOO_LARGE or (s, e) == (start, end):
            continue
        if e <= start and _POSSESSOR_GAP.fullmatch(text, e, start) and (
                text[e + 1:e + 2] == "s" or text[e - 1:e] == "s"):  # a bare apostrophe after an "s" only
            return place
        if s >= end and _LOCATION_GAP.fullmatch(text, end, s):
            return place
    return None
