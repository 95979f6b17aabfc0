"""Place mentions that name a body, not a place: a publisher, label or club that shares its name with a small town
("an editor at Tor": not El-Tor in Egypt). Such a mention is not geocoded (it stays an entity without a point), so
no where/heading line puts anyone in the town.

A mention is read as a body when the words right before it, or before another mention of the name in the report (of
any place or organisation type), are an organisation cue of `places.yaml` (`toponym_cues.body_cues`: "editor at",
"published by", "signed with"). The NER model's ORG type alone says too little: it types small towns ORG often.
Never for a name that is a country, state or other area, or the own name of a city of
`min_population_whole_org` people: "a deal signed with Russia", "an editor at Chicago's" stay places.
"""

from __future__ import annotations

import functools

from newsintel.nlp.gazetteer import fold, place_key
from newsintel.nlp.geocode import PLACE_LABELS, load_resolver
from newsintel.nlp.grouping import RawMention
from newsintel.resources import load_yaml


@functools.cache
def _cues() -> tuple[tuple[str, ...], ...]:
    """The cue phrases as word tuples, longest first."""
    phrases = load_yaml("places.yaml")["toponym_cues"]["body_cues"]
    return tuple(sorted((tuple(fold(p).split()) for p in phrases), key=len, reverse=True))


@functools.cache
def _well_known(key: str) -> bool:
    """A country, state or other area by this name, or a big city whose own name it is."""
    least = load_yaml("places.yaml")["min_population_whole_org"]
    return any(p.kind != "city" or (p.population >= least and place_key(p.name) == key)
               for p in load_resolver().gazetteer.by_key(key))


def _after_cue(text: str, start: int) -> bool:
    words = fold(text[max(0, start - 60):start]).split()
    if words and words[-1] == "the":
        words = words[:-1]
    return any(len(words) >= len(cue) and tuple(words[-len(cue):]) == cue for cue in _cues())


def body_named(text: str, mentions: list[RawMention], index: int) -> bool:
    """True when the place mention at `index` names a body rather than a place (see the module's note)."""
    mention = mentions[index]
    if mention.label not in PLACE_LABELS:
        return False
    key = place_key(mention.text)
    if not key or _well_known(key):
        return False
    return any(m.label in PLACE_LABELS | {"ORG"} and place_key(m.text) == key and _after_cue(text, m.start)
               for m in mentions)  # this mention or another of the name: "the publisher Tor ... at Tor"
