"""Roles read off an event's prepositions, for verb and noun triggers alike: to/into = destination, from =
origin, via/through = via, in/at/near = location, by = the doer of a passive or a noun, against/on = the target.

A place is told from a participant by the mentions (and, for movements, by a lone name after from/to/via); a
vehicle's phrases ("on a flight from Frankfurt") are read as the event's own.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_place, with_conjuncts
from newsintel.extract.clause_args import parties_between, passive_agent, place_modifiers, someone, when_not_who
from newsintel.extract.lexicon import lexicon
from newsintel.extract.non_participants import manner_noun
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.role_words import beside_noun, bond_or_manner, carried_along, meeting_noun, to_is_party, wielded
from newsintel.extract.triggers import INTRANSITIVE, MOVERS, TRANSFERS, Trigger, lemma_of

DESTINATION_PREPS = {"to", "into", "towards", "toward", "onto", "for"}
ORIGIN_PREPS = {"from", "out"}
VIA_PREPS = {"via", "through", "across", "over"}
LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "around", "on", "within", "along", "off"}
# verbs whose "on" phrase is whom they hit ("opened fire on the crowd", "fired on police"); after other verbs it is
# where or when ("killed on the promenade", "all on board were killed")
ON_TARGET_VERBS = {"fire", "open", "turn", "rain", "drop", "advance", "attack", "threaten", "declare"}


def prep_args(ps: ParsedSentence, head: Token, mentions: MentionIndex, args: dict, trigger: Trigger,
               depth: int = 0) -> None:
    """Fill `args` from the prepositions on `head` (and on the words that complete a multi-word trigger), once
    more through a vehicle or a phrase that is no place ("on a forged passport via Sofia")."""
    vehicles = lexicon().vehicles
    for prep in list(head.children) + ([c for e in trigger.extra for c in e.children] if depth == 0 else []):
        if prep.dep_ not in ("prep", "agent", "dative", "prt") and prep.pos_ != "ADP":
            continue
        word = prep.lower_
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if word == "between" and depth == 0 and trigger.type.name in ("AGREE", "FIGHT"):
            parties_between(objects, args, trigger.type.name)
            continue
        if word == "with" and depth == 0 and trigger.type.name in MOVERS and _met_before(head, prep):
            continue  # "his departure from a meeting in Hanoi with Kim": Kim is met, not a traveller
        if word == "out" and not objects:  # "out of Syria"
            objects = [g for p2 in prep.children if p2.lower_ == "of" for g in p2.children if g.dep_ == "pobj"]
        for obj in objects:
            if lemma_of(obj) in vehicles and depth == 0:  # "on a flight from Frankfurt", "by bus"
                prep_args(ps, obj, mentions, args, trigger, depth + 1)
                if word in LOCATION_PREPS and trigger.type.name not in TRANSFERS:
                    args["location"] += place_modifiers(ps, obj, mentions)  # "on a Boston commuter train"
                continue
            for item in with_conjuncts(obj):
                if depth == 0 or route_place(ps, item, word, trigger.type.name, mentions):
                    assign_prep(ps, word, item, mentions, args, trigger)
            if depth == 0 and not route_place(ps, obj, word, trigger.type.name, mentions):
                prep_args(ps, obj, mentions, args, trigger, depth + 1)  # "on a forged passport via Sofia"


def _met_before(head: Token, with_prep: Token) -> bool:
    """Whether a preposition before "with" on the same word names a meeting the movement left or followed ("left
    the summit with X", "returned after talks with Y": `meeting_nouns`), whose "with" the parser hung on the
    movement."""
    return any(c.dep_ == "prep" and c.i < with_prep.i and any(
        g.dep_ == "pobj" and meeting_noun(g) for g in c.children) for c in head.children)


def route_place(ps: ParsedSentence, item: Token, word: str, event_type: str, mentions: MentionIndex) -> bool:
    """A place, or, for movements, a lone unknown name after from/to/via ("evacuated from Arsal"), even one the
    NER model took for an organisation (it often does with Arabic place names), unless it is an acronym."""
    if is_place(ps, item, mentions):
        return True
    lone_name = item.pos_ == "PROPN" and not item.text.isupper() and not any(
        c.pos_ == "PROPN" for c in item.children) and item.ent_type_ in ("", "GPE", "LOC", "FAC", "ORG")
    return event_type in TRANSFERS and word in ORIGIN_PREPS | DESTINATION_PREPS | VIA_PREPS and lone_name


def assign_prep(ps: ParsedSentence, word: str, item: Token, mentions: MentionIndex, args: dict,
                 trigger: Trigger) -> None:
    name = trigger.type.name
    if when_not_who(item):
        return  # "on Thursday", "on New Year's Eve" is the event's time, not its target
    if manner_noun(item):
        return  # "attacks on a smaller scale": a measure, no target
    place = route_place(ps, item, word, name, mentions)
    if place and word == "by" and passive_agent(item) and mentions.type_at(ps, item) == "GPE":
        place = False  # "brokered by Qatar", "was attacked by Russia": the country acts
    aimed = word in ("against", "towards", "toward") or (word == "to" and trigger.nominal)
    if place and name == "THREATEN" and aimed and mentions.type_at(ps, item) == "GPE" and (
            args["actors"] or not trigger.nominal):
        args["targets"].append(item)  # "its threats towards America": the party threatened (a threat noun without
        return  # its maker, "a threat to Guam", stays as it was: often a risk, not someone's threat)
    if not place and word in LOCATION_PREPS and lemma_of(item) not in lexicon().noun_index:
        # "shot at an Ohio zoo": Ohio; not another event's ("the bombings in Lyon and the Marseille attack")
        args["location"] += place_modifiers(ps, item, mentions)
    if word == "by" and not place:
        if (trigger.passive or trigger.nominal) and not beside_noun(item):  # not "by the cathedral"
            args["actors"].append(item)
    elif word == "with" and not place:
        if name in ("FIGHT", "ATTACK"):
            if not (wielded(item) or carried_along(item) or (trigger.nominal and bond_or_manner(item))):
                args["targets"].append(item)  # "clashed with police"; not "attacked them with knives", "with help",
                # nor a noun's "a killing with links to a gang", "assault with intent" (`with_bonds_and_manners`)
        elif name in MOVERS and not carried_along(item):
            # "fled with her brother"; not "escaped with the help of", "travelled with false passports". Another thing
            # stays as it was read: "returned to the bench with a cut" mostly marks another sense, which the
            # confidence model reads off a thing as actor
            args["actors"].append(item)
    elif word == "to" and not place and to_is_party(name) and someone(ps, item, mentions):
        args["targets"].append(item)  # "surrendered to the army", "pledged allegiance to the group"
    elif (word == "against" or (word in ("on", "upon") and name in ("ATTACK", "FIGHT", "THREATEN") and (
            trigger.nominal or lemma_of(trigger.token) in ON_TARGET_VERBS))) and not place:
        args["targets"].append(item)  # "the attack on the consulate"
    elif word == "of" and trigger.nominal:
        if place and name in ("FIGHT", "ATTACK", "AGREE"):
            args["location"].append(item)
        elif place:
            args["origin" if name in ("FLEE", "EVACUATE") else "location"].append(item)
        else:
            args["actors" if name in INTRANSITIVE else "targets"].append(item)
    elif not place:
        return
    elif word in DESTINATION_PREPS or (word in ("in", "at") and lemma_of(trigger.token) in
                                       trigger.type.in_is_destination):
        args["destination"].append(item)
    elif word in ORIGIN_PREPS:
        args["origin"].append(item)
    elif word in VIA_PREPS:
        args["via"].append(item)
    elif word in LOCATION_PREPS or word == "by":
        args["location"].append(item)


def where_place(ps: ParsedSentence, verb: Token, where: Token, mentions: MentionIndex, args: dict,
                 trigger: Trigger) -> None:
    """"brought to Tripoli, where they were detained", "Gaziantep, from where smugglers took them": the place named
    just before the relative "where" (with the preposition before it, if any)."""
    before = [t for t in ps.doc[max(0, where.i - 4):where.i] if not t.is_punct]
    word = "in"
    if before and before[-1].pos_ == "ADP":
        word = before.pop().lower_
    if before and before[-1].pos_ in ("PROPN", "NOUN") and is_place(ps, before[-1], mentions):
        assign_prep(ps, word, before[-1], mentions, args, trigger)
