"""Events: triggers from `data/events.yaml` found on the dependency parse, with their arguments (`roles.py`,
`places.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_country, is_named_place, is_place, make_arg, pronoun_tokens
from newsintel.extract.completion import complete_arguments
from newsintel.extract.describe import age_noun
from newsintel.extract.event_fit import (
    RELATIVE_PRONOUNS,
    drop_vehicle_actor,
    governed_noun,
    reflexive_fits,
    state_phrase_roles,
)
from newsintel.extract.event_phrases import (
    aimed_vehicle_victim,
    criticised,
    death_head,
    phrase_roles,
    place_object_only,
    takes_no_town,
    under_attack_verb,
    weapon_subject,
)
from newsintel.extract.generic import non_specific
from newsintel.extract.lexicon import EventType, lexicon
from newsintel.extract.noun_roles import noun_args
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.places import clause_places, extra_place_tokens, participant_places
from newsintel.extract.prep_roles import prep_args
from newsintel.extract.roles import inherit_from_conjunct, smuggling_roles, verb_args
from newsintel.extract.sense_participants import thing_mover
from newsintel.extract.senses import other_sense
from newsintel.extract.subjects import described_noun, direct_object, is_passive, subject_of
from newsintel.extract.trigger_needs import coordination_fits, has_place_arg, required_found
from newsintel.extract.triggers import MOVERS, ROLES, Trigger, lemma_of

PLACE_ROLES = ("location", "origin", "destination", "via")
NOT_PARTICIPANTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY"})  # not QUANTITY: "forty migrants"
AIM_PREPS = frozenset({"at", "on", "upon", "against", "toward", "towards"})


def find_triggers(ps: ParsedSentence, mentions: MentionIndex) -> Iterator[Trigger]:
    lex = lexicon()
    phrase_words: set[int] = set()  # "came under attack": the noun is part of the verb's phrase, no second event
    for token in ps.doc:
        if token.i in phrase_words:
            continue
        lemma = lemma_of(token)
        if token.dep_ in ("compound", "amod") and not _before_restating_head(token):
            continue  # "escape route", "jailed supporters": modifiers, not events
        if token.pos_ != "NOUN" and _before_restating_head(token):  # "the beating death of", "a shooting incident"
            etype = lex.noun_index.get(token.lower_)
            key = f"{token.lower_} <death>" if death_head(token) else token.lower_  # the death is the violence
            if etype is not None and not other_sense(token, key):
                yield Trigger(token, etype, nominal=True)
            continue
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            if _habitual(token) or _describes_nominal_of_same_kind(token):
                continue
            trigger = _verb_trigger(ps, token, lemma, mentions)
            if trigger is None and lemma in lex.types["SMUGGLE"].transport_verbs and token.pos_ == "VERB" \
                    and _by_smugglers(token):
                trigger = Trigger(token, lex.types["SMUGGLE"], nominal=False)
            if trigger is not None:
                phrase_words.update(t.i for t in trigger.extra)
                yield trigger
        elif token.pos_ in ("NOUN", "PROPN") and lemma in lex.noun_index and not token.ent_type_:
            etype = lex.noun_index[lemma]
            if any(c.dep_ in ("compound", "amod") and lemma_of(c) in etype.noun_not_with_compound
                   for c in token.children):  # "a border crossing", "ritual slaughter"
                continue
            if lemma in etype.needs_place and not has_place_arg(ps, token, mentions):
                continue
            if lemma in etype.plural_only and token.tag_ not in ("NNS", "NNPS"):
                continue  # "an electric charge", "in charge of"
            if _generic(token):
                continue  # "any deal would need ...", "any strike near the capital would": no event happened
            # a plural-only noun has senses of its own, not its verb's ("charges against him"; "charged a fee")
            key = token.lower_ if lemma in etype.plural_only else lemma
            if _verb_of_same_type(token, etype) or other_sense(token, key):
                continue
            yield Trigger(token, etype, nominal=True)


def _before_restating_head(token: Token) -> bool:
    """"a shooting incident", "an assassination attempt": the head noun only restates the trigger noun, or names its
    result ("the beating death of a man"); the tagger may read the trigger as a participle or adjective."""
    return (token.head.lower_ in lexicon().restating_heads or death_head(token)) and (
        (token.dep_ == "compound" and token.pos_ == "NOUN")
        or (token.dep_ in ("compound", "amod") and token.lower_ in lexicon().noun_index))


def _generic(noun: Token) -> bool:
    """A nominal trigger with a generic determiner ("any deal"), unless negated ("there would not be any
    charges" is a negated event)."""
    if not any(c.dep_ == "det" and c.lower_ in lexicon().generic_determiners for c in noun.children):
        return False
    return not any(c.dep_ == "neg" for a in [noun, *noun.ancestors] for c in a.children)


def _verb_trigger(ps: ParsedSentence, token: Token, lemma: str, mentions: MentionIndex) -> Trigger | None:
    lex = lexicon()
    attack = lex.types["ATTACK"]
    if (lemma in attack.vehicle_attack_verbs and _vehicle_into(token)) or _vehicle_into_crowd(token):
        return Trigger(token, attack, nominal=False)
    if aimed_vehicle_victim(token) is not None and not other_sense(token, f"{lemma} <vehicle>"):  # "tried to run over"
        return Trigger(token, attack, nominal=False, extra=[c for c in token.children if c.lower_ in ("over", "down")])
    for etype, required in lex.verb_index.get(lemma, ()):
        extra = required_found(token, required) if required else []
        if extra is None or any(c.dep_ == "neg" for e in extra for c in e.children):
            continue  # "found not guilty" is an acquittal, no conviction
        if lemma in etype.passive_only and not is_passive(token):
            continue
        if not required and not coordination_fits(token, lemma, etype):
            continue  # "pushed for reform"; "pushing and kicking the guard" is an assault
        if lemma in etype.not_passive and is_passive(token):
            continue
        obj = direct_object(token)
        if obj is not None and lemma_of(obj) in etype.not_with_object:
            continue
        if not reflexive_fits(token, lemma, etype, obj):
            continue
        if lemma in etype.not_with_money and any(t.ent_type_ == "MONEY" for t in token.subtree):
            continue
        if etype.join_objects and lemma in ("join", "rejoin") and not _joins_group(ps, obj, mentions):
            continue
        if lemma in etype.needs_place and not has_place_arg(ps, token, mentions):
            continue
        if etype.name in MOVERS and (_event_subject(token) or thing_mover(token)):
            continue  # "the attack left three soldiers dead", "the plane landed", "growth came back": no traveller
        if etype.name in ("ATTACK", "FIGHT") and _no_agent(token) and not weapon_subject(token):
            continue
        key = " ".join([lemma, *required])
        if lemma in place_object_only(etype.name):
            if takes_no_town(ps, token, mentions):
                continue  # "rebels seized the town" is fighting; "seized weapons", "took the bus" are not
            key = f"{lemma} <town>"  # the word's own senses are of what else it takes ("seized his passport")
        if other_sense(token, key):
            continue  # "struck a conciliatory note", "surrendered his passport"
        if etype.place_object and obj is not None and is_place(ps, obj, mentions):
            etype = lex.types[etype.place_object]
        town = etype.town_object
        if town and lemma in town["lemmas"] and obj is not None and _named_town(ps, obj, mentions):
            etype = lex.types[town["type"]]
        return Trigger(token, etype, nominal=False, extra=extra)
    return None


def _vehicle_into(verb: Token) -> bool:
    """A vehicle or bomb driven into something: "drove a Humvee car bomb into the base"."""
    obj = direct_object(verb)
    lex = lexicon()
    return obj is not None and (lemma_of(obj) in lex.vehicles or lemma_of(obj) == "bomb") and any(
        c.dep_ == "prep" and c.lower_ == "into" for c in verb.children)


def _vehicle_into_crowd(verb: Token) -> bool:
    """"the truck drove into the crowd", "a van ploughed through the shoppers", "was mowed down by a truck", "a
    lorry that barrelled through a crowd", "the van rammed the crowd"."""
    attack = lexicon().types["ATTACK"]
    if lemma_of(verb) not in attack.vehicle_subject_verbs:
        return False
    subject, passive = subject_of(verb)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head  # "a truck that ran into a crowd"
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    vehicle = any(lemma_of(t) in attack.rampage_vehicles for t in [*([subject] if subject is not None else []),
                                                                    *agents])
    crowd = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "through")
             for g in c.children if g.dep_ == "pobj" and _crowd(g)]
    obj = direct_object(verb)
    if obj is not None and not passive and _crowd(obj):
        crowd.append(obj)
    if passive and subject is not None and lemma_of(subject) in attack.crowd_nouns:
        crowd.append(subject)
    return vehicle and bool(crowd)


def _crowd(noun: Token) -> bool:
    """People in numbers: "the crowd", "throngs of tourists", "a group of runners" (through a collective)."""
    crowds = lexicon().types["ATTACK"].crowd_nouns
    if lemma_of(noun) in crowds or noun.lower_ in crowds:
        return True
    return lemma_of(noun) in lexicon().collectives and any(
        g.dep_ == "pobj" and (lemma_of(g) in crowds or g.lower_ in crowds) for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


def _named_town(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    start, end = ps.char_span(token.i, token.i + 1)
    entity = mentions.at(start, end)
    return entity is not None and is_place(ps, token, mentions) and not is_country(ps, token, mentions)


def _no_agent(verb: Token) -> bool:
    """"the blast destroyed nearby buildings", "the wall surrounding the consulate", "the car rammed into the wall":
    no one attacks."""
    subject, passive = subject_of(verb)
    lex = lexicon()
    lemma = lemma_of(subject) if subject is not None else ""
    return subject is not None and not passive and (lemma in lex.non_agents or (
        lemma in lex.vehicles and lemma not in lex.collectives))  # "the truck smashed into a wall"


def _habitual(verb: Token) -> bool:
    """"a network that charges $10,000 per person and smuggles its clients to Idlib": the simple present in a
    relative clause describes what someone does habitually, not an event."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def _describes_nominal_of_same_kind(verb: Token) -> bool:
    """"the agreement, brokered by Russian officers": the participle describes the nominal event (whose actors it
    gives, see noun_roles.noun_args), it is not a second event."""
    noun = described_noun(verb)
    noun_type = lexicon().noun_index.get(lemma_of(noun)) if noun is not None else None
    return noun_type is not None and lemma_of(verb) in noun_type.verbs


def _event_subject(verb: Token) -> bool:
    """The subject is an event, a thing or a vehicle: "the attack left three dead", "rockets landed in Kilis", "the
    plane landed" (vehicles moving on their own are not events; people travelling by them are)."""
    subject, passive = subject_of(verb)
    lex = lexicon()
    lemma = lemma_of(subject) if subject is not None else ""
    return subject is not None and not passive and (lemma in lex.noun_index or lemma in lex.non_agents or (
        lemma in lex.vehicles and lemma not in lex.collectives))  # a convoy carries people


def _by_smugglers(verb: Token) -> bool:
    """"smugglers took them across": a transport verb whose doer is a smuggler."""
    nouns = lexicon().types["SMUGGLE"].smuggler_nouns
    subject, passive = subject_of(verb)
    doers = [subject] if subject is not None and not passive else []
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(lemma_of(d) in nouns for d in doers)


def _joins_group(ps: ParsedSentence, obj: Token | None, mentions: MentionIndex) -> bool:
    if obj is None:
        return False
    start, end = ps.char_span(obj.i, obj.i + 1)
    entity = mentions.at(start, end)
    return (entity is not None and entity.type in ("ORG", "NORP")) or lemma_of(obj) in lexicon().types[
        "RECRUIT"].join_objects


def _verb_of_same_type(noun: Token, etype: EventType) -> bool:
    """"signed a deal", "launched an attack on": the verb already is the event when it is of the same type."""
    head = noun.head
    return head.i != noun.i and noun.dep_ in ("dobj", "pobj", "attr") and lemma_of(head) in etype.verbs


def _participants_fit(trigger: Trigger, args: dict[str, list[Token]]) -> bool:
    """What is fired is no target ("fired shots", "fired rockets at the town"), and a missile fired at nothing is
    a test (GUIDELINES.md decision 2); some nouns are events only with a participant ("a threat by the group", not
    "the threat has grown"). Removes instrument targets in place."""
    etype, lemma = trigger.type, lemma_of(trigger.token)
    if trigger.nominal and lemma in etype.noun_governors:
        return governed_noun(trigger, args)
    if trigger.nominal:
        return lemma not in etype.noun_needs_participant or bool(args["actors"] or args["targets"])
    instruments = [t for t in args["targets"] if lemma_of(t) in etype.instruments]
    if not instruments:
        return True
    args["targets"] = [t for t in args["targets"] if t not in instruments]
    aimed = args["targets"] or any(c.dep_ == "prep" and c.lower_ in AIM_PREPS for c in trigger.token.children)
    return bool(aimed) or not any(lemma_of(t) in etype.needs_aim for t in instruments)


def _headline_style_subjects(ps: ParsedSentence, trigger: Trigger, args: dict[str, list[Token]],
                             mentions: MentionIndex) -> None:
    """Headline-style clauses the parser reads as active: in "49 killed", "Florida club: 49 killed" a bare
    number before an attack verb is its victims, and a town or site is where it happened, not who did it (a
    country can act: "Israel struck")."""
    if trigger.nominal or trigger.type.name not in ("ATTACK", "FIGHT"):
        return
    for token in list(args["actors"]):
        if token.like_num and token.pos_ == "NUM" and not any(c.dep_ == "prep" for c in token.children):
            args["actors"].remove(token)
            args["targets"].append(token)
        elif token.dep_ in ("nsubj", "nsubjpass") and mentions.type_at(ps, token) in ("GPE", "LOC", "FAC") \
                and not is_country(ps, token, mentions):  # not a party named after "between"
            args["actors"].remove(token)
            args["location"].append(token)


def extract_events(ps: ParsedSentence, mentions: MentionIndex) -> list[tuple[Trigger, dict[str, list[Token]]]]:
    out: list[tuple[Trigger, dict[str, list[Token]]]] = []
    done: dict[int, dict[str, list[Token]]] = {}
    for trigger in find_triggers(ps, mentions):
        under = under_attack_verb(trigger)
        if under is not None and criticised(under, trigger):
            continue  # "came under fire for his remarks": criticism
        args = noun_args(ps, trigger, mentions) if trigger.nominal else verb_args(ps, trigger, mentions)
        if trigger.nominal and _before_restating_head(trigger.token):  # "an assassination attempt by a gunman"
            prep_args(ps, trigger.token.head, mentions, args, trigger)
        inherit_from_conjunct(trigger, args, done)
        if not _participants_fit(trigger, args):
            continue
        _headline_style_subjects(ps, trigger, args, mentions)
        phrase_roles(trigger, args)
        drop_vehicle_actor(trigger, args)
        state_phrase_roles(trigger, args)
        participant_places(ps, args, trigger, mentions)
        smuggling_roles(trigger, args)
        done[trigger.token.i] = args
        out.append((trigger, args))
    used = {t.i for _, args in out for role in args.values() for t in role}
    triggers = [t for t, _ in out]
    for trigger, args in out:
        nested = {t.i for other, _ in out if other is not trigger and other.token.i in {x.i for x in
                  trigger.token.subtree} for t in other.token.subtree}
        clause_places(ps, trigger, args, used, nested, mentions, extra_place_tokens(ps, trigger, triggers))
    complete_arguments(ps, out, mentions)  # roles still empty, from around the trigger (completion.py)
    return out


def event_record(ps: ParsedSentence, trigger: Trigger, args: dict[str, list[Token]],
                 mentions: MentionIndex) -> dict[str, Any]:
    """The JSON shape of an event (modality, attribution and time are filled in by the caller)."""
    tokens = sorted([trigger.token, *[t for t in trigger.extra if abs(t.i - trigger.token.i) <= 4]], key=lambda t: t.i)
    start, end = ps.char_span(tokens[0].i, tokens[-1].i + 1)
    record: dict[str, Any] = {"type": trigger.type.name, "plover": trigger.type.plover,
                              "trigger": ps.doc.text[start - ps.offset:end - ps.offset]}
    for role in ROLES:
        seen: set[str] = set()
        record[role] = []
        heads = [h for t in args[role] for h in (pronoun_tokens(ps, t, mentions) if role in ("actors", "targets")
                                                  else [t])]
        for token in heads:
            if role in PLACE_ROLES and not is_named_place(ps, token, mentions):
                continue  # "fled the town", "flew home": no place on a map
            arg = make_arg(ps, token, mentions)
            if role in ("actors", "targets") and token.ent_type_ in NOT_PARTICIPANTS and not arg["entity"] \
                    and not age_noun(token):  # "a 25-year-old" is someone, though tagged as a date
                continue  # "crashes in less than five months that killed 346": a time does nothing
            if arg["text"] and arg["text"] not in seen:
                seen.add(arg["text"])
                record[role].append(arg)
    record.update({"time": None, "modality": "asserted", "attribution": None,
                   "sentence": ps.index, "start": start, "end": end})
    if (generic := non_specific(trigger, args)) is not None:  # "militias often kidnap": kept, marked (generic.py)
        record["generic"] = generic
    return record
