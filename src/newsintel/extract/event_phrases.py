"""Event readings the bare trigger word does not give: a weapon as the subject of the harm ("a roadside bomb
killed two soldiers"), the idiom of suffering an attack ("the patrol came under fire": the patrol is hit), a town
taken by an armed group ("rebels seized the town": fighting, not an arrest), a vehicle aimed at a person ("tried
to run over a trooper"), and a vehicle that is never the actor ("a lorry that ran into the crowd, killing 12").
Word lists: the ATTACK and FIGHT entries of data/events.yaml (`weapon_subjects`,
`suffer_verbs`, `criticism_preps`, `critic_nouns`, `place_object_only`, `armed_subjects`, `vehicle_person_verbs`,
`intent_words`, `rampage_vehicles`)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_country, is_place
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.sense_participants import denotes_people
from newsintel.extract.subjects import direct_object, subject_of
from newsintel.extract.triggers import Trigger, lemma_of
from newsintel.resources import load_yaml


@cache
def _words(type_name: str, key: str) -> frozenset[str]:
    return frozenset(load_yaml("events.yaml")[type_name].get(key, []))


def weapon_subject(verb: Token) -> bool:
    """"a car bomb killed 13 soldiers", "the rocket that destroyed the school": a weapon (not a blast, a fire or a
    storm) harmed someone or something, so someone used it; the event stays, and the weapon is no actor
    (non_participants.force_noun). A weapon with nothing it hit ("the bomb failed to detonate") stays no event."""
    subject, passive = subject_of(verb)
    obj = direct_object(verb)
    if subject is None or passive or subject.pos_ != "NOUN" or obj is None:
        return False
    lemma = lemma_of(subject)
    return lemma in _words("ATTACK", "weapon_subjects") or (
        lemma in _words("ATTACK", "people_weapon_subjects") and denotes_people(obj))


def _under_governor(token: Token) -> Token | None:
    """The verb of "came under fire" / "was under attack" for the noun after "under", or None."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "under" or prep.head.i == prep.i:
        return None
    verb = prep.head
    return verb if lemma_of(verb) in _words("ATTACK", "suffer_verbs") else None


def under_attack_verb(trigger: Trigger) -> Token | None:
    """The verb whose subject suffers the attack: "came under fire" (the trigger's own phrase), "the convoy was
    under attack" (a noun after "under")."""
    if trigger.type.name != "ATTACK":
        return None
    if trigger.nominal:
        return _under_governor(trigger.token)
    governors = [_under_governor(t) for t in trigger.extra]
    return trigger.token if any(v is not None and v.i == trigger.token.i for v in governors) else None


def death_head(token: Token) -> bool:
    """"the beating death of a man", "his stabbing death": the deed named before the death it caused, with its
    victim (not a count, "shooting deaths rose last year")."""
    head = token.head
    return head.i != token.i and head.lower_ in _words("ATTACK", "death_heads") and any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in head.children)


def place_object_only(type_name: str) -> frozenset[str]:
    return _words(type_name, "place_object_only")


def criticised(verb: Token, trigger: Trigger) -> bool:
    """"came under fire for his remarks", "came under attack over the policy", "came under fire from critics",
    "press freedom is under attack": criticism or a threat to an idea, not an attack."""
    subject, _ = subject_of(verb)
    if subject is not None and subject.pos_ == "NOUN" and lemma_of(subject) in _words("ATTACK", "figurative_sufferers"):
        return True  # "democracy is under attack", "wealth has never been under such attack"
    nouns = [trigger.token] if trigger.nominal else [t for t in trigger.extra if t.dep_ == "pobj"]
    heads = [verb, *nouns]
    heads += [g for h in list(heads) for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
              for g in c.children if g.dep_ == "pobj"]  # "from viewers over the schedule"
    for child in [c for h in heads for c in h.children]:
        if child.dep_ != "prep":
            continue
        if child.lower_ in _words("ATTACK", "criticism_preps"):
            return True
        if child.lower_ == "from" and any(lemma_of(g) in _words("ATTACK", "critic_nouns") or g.lower_ in _words(
                "ATTACK", "critic_nouns") for g in child.children if g.dep_ == "pobj"):
            return True
    return False


def _run_over_victim(verb: Token) -> Token | None:
    """"ran over a trooper", "ran a woman down": the person under the wheels."""
    for child in verb.children:
        if child.lower_ in ("over", "down") and child.dep_ == "prep":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.lower_ in ("over", "down") and child.dep_ == "prt":
            return direct_object(verb)
    return None


def aimed_vehicle_victim(verb: Token) -> Token | None:
    """A vehicle aimed at a person on purpose: "tried to run over a trooper", "deliberately ran down an officer",
    "tried to hit the trooper with his car". Without a sign of intent (a try, "deliberately") a pedestrian hit is
    usually an accident (crowds: events.py `_vehicle_into_crowd`)."""
    lemma = lemma_of(verb)
    if lemma not in _words("ATTACK", "vehicle_person_verbs"):
        return None
    if lemma == "run":
        victim = _run_over_victim(verb)
    else:  # "hit X with a car": a vehicle as the instrument, anywhere in the clause
        vehicles = _words("ATTACK", "rampage_vehicles")
        victim = direct_object(verb) if any(t.dep_ == "pobj" and lemma_of(t) in vehicles and t.head.lower_ == "with"
                                            for t in verb.subtree) else None
    if victim is None or not denotes_people(victim):
        return None
    intent = _words("ATTACK", "intent_words")
    meant = (verb.dep_ == "xcomp" and lemma_of(verb.head) in intent) or any(
        c.dep_ == "advmod" and c.lower_ in intent for c in verb.children)
    return victim if meant else None


def _vehicle(token: Token) -> bool:
    """A road vehicle, or a relative pronoun standing for one ("a lorry that ran into the crowd, killing 12"): the
    vehicle is the weapon, never the actor (GUIDELINES.md decision 16); its driver is the actor when named."""
    if token.lower_ in ("that", "which") and token.head.dep_ == "relcl":
        token = token.head.head
    return token.pos_ == "NOUN" and lemma_of(token) in _words("ATTACK", "rampage_vehicles")


def phrase_roles(trigger: Trigger, args: dict[str, list[Token]]) -> None:
    """The roles these readings give: the sufferer of "came under fire", the person a vehicle was aimed at."""
    _sufferer_as_target(trigger, args)
    if trigger.type.name == "ATTACK":
        args["actors"] = [t for t in args["actors"] if not _vehicle(t)]
    if trigger.type.name == "ATTACK" and not trigger.nominal:
        victim = aimed_vehicle_victim(trigger.token)
        if victim is not None and all(t.i != victim.i for t in args["targets"]):
            args["targets"].append(victim)
            args["location"] = [t for t in args["location"] if t.i != victim.i]


def _sufferer_as_target(trigger: Trigger, args: dict[str, list[Token]]) -> None:
    """"the patrol came under fire": the subject is hit, no doer (the doer is after "from": completion rules)."""
    verb = under_attack_verb(trigger)
    if verb is None:
        return
    subject, passive = subject_of(verb)
    if subject is None or passive:
        return
    args["actors"] = [t for t in args["actors"] if t.i != subject.i]
    if all(t.i != subject.i for t in args["targets"]):
        args["targets"].append(subject)


def takes_no_town(ps: ParsedSentence, verb: Token, mentions: MentionIndex) -> bool:
    """For "seize" and "take" as FIGHT: only an armed group taking a town, a base or an airport ("rebels seized
    the town", "the militia took Palmyra"); not "took the bus", "seized weapons", "Clinton took Ohio", nor a
    country ("took Britain out of the EU")."""
    obj = direct_object(verb)
    if obj is None or not is_place(ps, obj, mentions) or is_country(ps, obj, mentions):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in verb.children):
        return True  # "took the city by storm"
    subject, passive = subject_of(verb)
    if subject is None or passive:
        return True
    armed = _words("FIGHT", "armed_subjects")
    return not (lemma_of(subject) in armed or subject.lower_ in armed or mentions.type_at(ps, subject) == "ORG")
