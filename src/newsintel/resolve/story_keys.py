"""The name key stories compare entities by: one normalised form per person, group or place, so that two reports
naming "President Assad" and "Bashar al-Assad", or "the UN" and "United Nations", count as sharing an actor."""

from __future__ import annotations

from newsintel.nlp.gazetteer import fold, place_key
from newsintel.nlp.grouping import org_aliases, person_words


def entity_key(name: str, type_: str) -> str:
    """Normalised name: titles and Arabic articles dropped from people, aliases to the canonical organisation,
    places by their gazetteer key; case, diacritics and hyphens folded."""
    if type_ == "PERSON":
        return " ".join(person_words(name))
    if type_ in ("GPE", "LOC", "FAC"):
        return place_key(name)
    words = fold(name).split()
    if words and words[0] == "the":
        words = words[1:]
    key = " ".join(words)
    return fold(org_aliases().get(key, key)) if type_ in ("ORG", "NORP") else key
