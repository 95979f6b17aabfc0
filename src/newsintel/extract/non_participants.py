"""Words that fill a participant slot without being a participant: "attacks on a smaller scale" (a measure, not a
target), "escaped the scene" (an unnamed place left, not a target), "the gunfire killed two" (a force, not an
attacker). Word lists: data/event_places.yaml."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon
from newsintel.resources import load_yaml


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(load_yaml("event_places.yaml").get(key, []))


def manner_noun(item: Token) -> bool:
    """"on a smaller scale", "on a daily basis", "on behalf of": a measure or manner, no participant."""
    return item.lower_ in _words("manner_nouns")  # the word itself: "bases" is no "basis"


def unnamed_place(item: Token) -> bool:
    """"the scene", "the area", "the building" as what a mover leaves or reaches: a place without a name (a name
    inside it, "the Bataclan building", is read by the place rules, not here)."""
    return item.pos_ == "NOUN" and item.lemma_.lower() in _words("unnamed_place_nouns")


def force_noun(item: Token) -> bool:
    """"the gunfire", "a roadside bomb", "the blast", "a rocket": what kills or wounds, not who attacks (the weapon
    fired, ATTACK `instruments` in data/events.yaml, or a force or discharge, `force_nouns`)."""
    lemma = item.lemma_.lower()
    return item.pos_ == "NOUN" and (item.lower_ in _words("force_nouns") or lemma in _words("force_nouns")
                                    or lemma in lexicon().types["ATTACK"].instruments)


def gathering_noun(item: Token) -> bool:
    """"at a protest", "at a wedding": an occasion where people were, not who was aimed at (`gathering_nouns`)."""
    return item.pos_ == "NOUN" and (item.lower_ in _words("gathering_nouns") or item.lemma_.lower() in _words(
        "gathering_nouns"))
