"""Fits of a trigger to its phrase and arguments that lexicon entries ask for (data/events.yaml): reflexive
objects ("handed himself over"), nouns that are events only under some verbs ("faces charges"), verb + adjective
phrases ("went free", "found guilty"), vehicles that are weapons ("a truck that ran into the crowd")."""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import EventType, lexicon
from newsintel.extract.subjects import subject_of
from newsintel.extract.triggers import Trigger, lemma_of

RELATIVE_PRONOUNS = frozenset({"that", "which"})


def reflexive_fits(verb: Token, lemma: str, etype: EventType, obj: Token | None) -> bool:
    """"handed himself over" surrenders, "handed over the hostages" releases, "handed the suspect over to police"
    is a transfer (none of them)."""
    reflexive = obj is not None and obj.lower_.endswith(("self", "selves"))
    if (lemma in etype.reflexive_only and not reflexive) or (lemma in etype.not_reflexive and reflexive):
        return False
    people = etype.not_with_person.get(lemma)
    if not people:
        return True
    subject, passive = subject_of(verb)
    held = [t for t in (obj, subject if passive else None) if t is not None]
    return not any(t.lower_ in people or lemma_of(t) in people or any(
        c.dep_ in ("amod", "compound") and c.lower_ in people for c in t.children) for t in held)


def governed_noun(trigger: Trigger, args: dict[str, list[Token]]) -> bool:
    """A noun of `noun_governors` is an event only against someone or under one of its verbs: "charges against
    the mayor", "no charges were warranted against her", "she faces charges" (the subject of a starred verb,
    "face*", is its target), not "the bank raised its charges". Sets the targets it finds."""
    noun, verb = trigger.token, trigger.token.head
    governors = trigger.type.noun_governors.get(lemma_of(noun), frozenset())
    governed = noun.dep_ in ("dobj", "nsubjpass") and verb.i != noun.i
    against = [g for h in ([noun, verb] if governed else [noun]) for c in h.children
               if c.dep_ == "prep" and c.lower_ == "against" for g in c.children if g.dep_ == "pobj"]
    starred = governed and lemma_of(verb) + "*" in governors
    if not (against or starred or (governed and lemma_of(verb) in governors)):
        return False
    subject, passive = subject_of(verb) if starred else (None, False)
    party = [*against, *([subject] if subject is not None and not passive else [])]
    args["actors"] = [t for t in args["actors"] if t not in party and t.dep_ != "poss"]
    args["targets"] = [t for t in args["targets"] if t.dep_ != "poss"] + [t for t in party
                                                                          if t not in args["targets"]]
    return True


def state_phrase_roles(trigger: Trigger, args: dict[str, list[Token]]) -> None:
    """Verb + adjective triggers whose subject undergoes the event: "the hostages will go free", "walked free"
    (released); "found him guilty" (the one in the adjective's clause is the convicted); and the other side of
    a verb of `with_is_target` ("exchanged fire with officers")."""
    if not trigger.nominal and lemma_of(trigger.token) in trigger.type.with_is_target:
        args["targets"] += [g for c in trigger.token.children if c.dep_ == "prep" and c.lower_ == "with"
                            for g in c.children if g.dep_ == "pobj" and g not in args["targets"]]
    if trigger.nominal or not trigger.extra or trigger.extra[0].pos_ != "ADJ":
        return
    if trigger.type.name == "RELEASE":
        args["targets"] += [t for t in args["actors"] if t not in args["targets"]]
        args["actors"] = []
    for subject in (c for e in trigger.extra for c in e.children if c.dep_ in ("nsubj", "nsubjpass")):
        args["actors"] = [t for t in args["actors"] if t.i != subject.i]
        if subject not in args["targets"]:
            args["targets"].append(subject)


def drop_vehicle_actor(trigger: Trigger, args: dict[str, list[Token]]) -> None:
    """"a truck that ran into the crowd": the relative pronoun stands for the vehicle, which is the weapon, never
    the actor (GUIDELINES.md decision 16)."""
    if trigger.nominal or lemma_of(trigger.token) not in trigger.type.vehicle_subject_verbs:
        return
    vehicles = lexicon().vehicles
    args["actors"] = [t for t in args["actors"] if not (
        t.lower_ in RELATIVE_PRONOUNS and t.head.dep_ == "relcl" and lemma_of(t.head.head) in vehicles)]
