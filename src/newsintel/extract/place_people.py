"""A person the NER model typed as a place ("Kim said", with Kim, Colorado in the gazetteer), told by the text.

A town has no "his" programme: a place-typed name followed within a few words (its verb and maybe an adverb, no
other noun between) by "his", and never by "its", is a man. Speakers use it so that "he said" after "Kim said" can
stand for Kim, and so that Kim is not shown as a town. "her" is left out (after a verb it is an object: "London told
her"), and so are the reflexives ("X posted a clip of her cousin filming himself": the cousin).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from newsintel.model import Entity

PLACE_TYPES = {"GPE", "LOC", "FAC"}
_OWN = re.compile(r"^\s+(?:\w+ly\s+)?(?:\w+\s+){1,2}?(his|its)\b", re.I)  # "Kim declared his", "Kim also outlined his"


def person_place_gender(text: str, entity: Entity, starts: list[int]) -> str | None:
    """The gender of a place-typed `entity` the text treats as a person, else None. `starts`: the sorted start
    offsets of every entity mention of the document."""
    if entity.type not in PLACE_TYPES or (entity.geo or {}).get("kind") == "country" or " " in entity.name:
        return None
    seen: set[str] = set()
    for mention in entity.mentions:
        i = bisect_right(starts, mention.end)
        limit = starts[i] if i < len(starts) else len(text)
        found = _OWN.match(text[mention.end:min(limit, mention.end + 40)])
        if found:
            seen.add(found.group(1).lower())
    return "male" if seen == {"his"} else None
