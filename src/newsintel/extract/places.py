"""Places of an event beyond its own prepositions: those of its participants ("300 fighters from Homs") and
every other named place in the trigger's phrase."""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_place
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.roles import DESTINATION_PREPS, LOCATION_PREPS, ORIGIN_PREPS, TRANSFERS, Trigger, route_place


def participant_places(ps: ParsedSentence, args: dict[str, list[Token]], trigger: Trigger,
                        mentions: MentionIndex) -> None:
    """Places attached to a participant: "300 fighters from Homs", "the arrest of Jonas Velde in Oslo"."""
    name = trigger.type.name
    for token in [*args["actors"], *args["targets"]]:
        for prep in token.children:
            if prep.dep_ != "prep":
                continue
            word = prep.lower_
            for obj in (g for g in prep.children if g.dep_ == "pobj" and route_place(ps, g, word, name, mentions)):
                if name in TRANSFERS and word in ORIGIN_PREPS and not args["origin"]:
                    args["origin"].append(obj)
                elif name in TRANSFERS and word in DESTINATION_PREPS and not args["destination"]:
                    args["destination"].append(obj)
                elif word in LOCATION_PREPS and not args["location"] and not args["destination"]:
                    args["location"].append(obj)


def clause_places(ps: ParsedSentence, trigger: Trigger, args: dict[str, list[Token]], used: set[int],
                   nested: set[int], mentions: MentionIndex) -> None:
    """Every named place in the trigger's own phrase is part of the event ("the attack on the consulate in
    Afghanistan's Mazar-i-Sharif": both), except places inside another event's phrase, places that describe a
    person ("a convert from Aarhus") and places already given a role."""
    have = {t.i for role in ("location", "origin", "destination", "via", "actors", "targets") for t in args[role]}
    for token in trigger.token.subtree:
        if token.i in have or token.i in used or token.i in nested or token.i == trigger.token.i:
            continue
        if token.pos_ != "PROPN" or token.head.dep_ == "compound" or token.dep_ == "compound":
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "from" and token.head.head.ent_type_ == "PERSON":
            continue
        if is_place(ps, token, mentions):
            args["location"].append(token)
