"""Words that fill a participant slot without being a participant: "attacks on a smaller scale" (a measure, not a
target), "escaped the scene" (an unnamed place left, not a target). Word lists: data/event_places.yaml."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.resources import load_yaml


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(load_yaml("event_places.yaml").get(key, []))


@cache
def _country_adjectives() -> frozenset[str]:
    """Demonyms of countries (ISO-code keys of data/demonyms.yaml): "American", "French"; not "Muslim", "Kurdish"."""
    return frozenset(w for key, words in load_yaml("demonyms.yaml").items()
                     if len(key) == 2 and key.isupper() for w in words)


def manner_noun(item: Token) -> bool:
    """"on a smaller scale", "on a daily basis", "on behalf of": a measure or manner, no participant."""
    return item.lemma_.lower() in _words("manner_nouns")


def unnamed_place(item: Token) -> bool:
    """"the scene", "the area", "the building" as what a mover leaves or reaches: a place without a name (a name
    inside it, "the Bataclan building", is read by the place rules, not here)."""
    return item.pos_ == "NOUN" and item.lemma_.lower() in _words("unnamed_place_nouns")


def nationality_agent(modifier: Token, event_type: str) -> bool:
    """"American airstrikes", "Russian shelling": a nationality adjective before an attack noun names the attacking
    country. Only a country's demonym the NER model tags NORP; not "anti-American attacks", not a religion or a
    people without a state ("Kurdish"), nor a noun compound (the compound rule reads those)."""
    return (event_type in _words("nationality_agent_types") and modifier.dep_ == "amod"
            and modifier.ent_type_ == "NORP" and modifier.pos_ == "ADJ" and modifier.text in _country_adjectives()
            and not any(True for _ in modifier.children) and not _hyphenated(modifier))


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    return any(0 <= j < len(doc) and doc[j].text in ("-", "–") for j in (token.i - 1, token.i + 1))
