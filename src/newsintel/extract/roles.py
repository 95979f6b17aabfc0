"""Roles of an event: who acts, who is acted on, and the places, read off the dependency parse.

Verb triggers take their actor from the subject (the `by` agent in the passive, the subject of a governing verb
for "planned to travel", the described noun for "fighters fleeing Raqqa" or "the man, who fled"), their target from
the object, and places from prepositions (to/into = destination, from = origin, via/through = via, in/at/near =
location). Coordinated verbs share a subject: "fled Mosul and slipped into Syria" is two events with one actor.
Nominal triggers ("the evacuation of 300 fighters") are read in `noun_roles.py`; both share the preposition rules
here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsintel.extract.accused import charge_object_subject, facing_subject
from newsintel.extract.args import MentionIndex, is_place, resolve_relative, with_conjuncts
from newsintel.extract.clause_args import (
    along_with,
    attack_clause_doer,
    event_noun,
    infinitive_of_thing,
    ordering_party,
    parties_between,
    passive_agent,
    place_modifiers,
    someone,
    told_complement,
    when_not_who,
)
from newsintel.extract.lexicon import EventType, lexicon
from newsintel.extract.non_participants import force_noun, gathering_noun, manner_noun, unnamed_place
from newsintel.extract.parse import ParsedSentence
from newsintel.resources import event_types_meaning

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
DESTINATION_PREPS = {"to", "into", "towards", "toward", "onto", "for"}
ORIGIN_PREPS = {"from", "out"}
VIA_PREPS = {"via", "through", "across", "over"}
LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "around", "on", "within", "along", "off"}
# What a type means is data (events.yaml `means`):
MOVERS = event_types_meaning("mover")  # the actor moves; others act on a target
INTRANSITIVE = event_types_meaning("of_is_actor")  # "the surrender of 150 militants": they are the actors
TRANSFERS = event_types_meaning("movement")  # events whose participants' from/to places are the route
FORCE = event_types_meaning("country_party")  # a country named before these is a party, not a place
REFLEXIVES = {"themselves", "himself", "herself", "itself", "ourselves", "myself", "yourself"}
ORIGIN_OBJECT_VERBS = {"flee", "escape", "leave", "desert", "abscond", "evacuate"}
DESTINATION_OBJECT_VERBS = {"reach", "enter", "infiltrate", "cross", "arrive", "board", "visit"}
LIGHT_VERBS = {"carry", "launch", "stage", "mount", "conduct", "plan", "plot", "attempt", "make", "lead", "begin",
               "start", "commit", "order", "organise", "organize", "orchestrate", "execute", "claim", "undertake",
               "sign", "reach", "strike", "broker", "negotiate", "face", "take", "complete", "continue", "perpetrate",
               "push", "wage", "intensify", "step", "press", "announce"}
ROLES = ("actors", "targets", "location", "origin", "destination", "via")
# verbs whose "on" phrase is whom they hit ("opened fire on the crowd", "fired on police"); after other verbs it is
# where or when ("killed on the promenade", "all on board were killed")
ON_TARGET_VERBS = {"fire", "open", "turn", "rain", "drop", "advance", "attack", "threaten", "declare"}
TIMES_OF_DAY = {"dawn", "dusk", "night", "midnight", "noon", "daybreak", "sunrise", "sunset", "nightfall", "first",
                "once", "random", "close", "point", "range", "least", "time", "times"}  # "fired at dawn", "at random"
FIRED_OBJECT_VERBS = {"fire"}  # its object or passive subject is what is fired (or, in another sense, who is sacked)
RESPONSIBILITY_VERBS = {"claim", "accept", "take", "admit", "assume", "bear"}
# verbs never used without their object: "Twelve soldiers killed in ambush" can only be a headline's passive
OBJECT_ONLY_VERBS = {"kill", "injure", "wound", "murder", "massacre", "slaughter", "behead", "execute", "arrest",
                     "detain", "jail", "imprison", "kidnap", "abduct", "free", "release", "rescue", "evacuate",
                     "charge", "sentence", "convict", "indict", "deport", "capture", "seize"}


@dataclass(slots=True)
class Trigger:
    token: Token
    type: EventType
    nominal: bool
    extra: list[Token] = field(default_factory=list)  # particle or object that completes a multi-word trigger
    passive: bool = False


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def is_passive(token: Token) -> bool:
    """Passive voice, also without an auxiliary: "fighters captured in Raqqa", "when surrounded by rebels", "was
    reported killed", and a headline's "Twelve soldiers killed in ambush" (a counted subject, no object)."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) or (token.tag_ == "VBN" and (
        token.dep_ == "acl" or (token.dep_ in ("advcl", "xcomp") and not any(c.dep_ == "aux" for c in token.children))
        or any(c.dep_ == "agent" for c in token.children) or _counted_headline_subject(token)))


def _counted_headline_subject(verb: Token) -> bool:
    """"More than 40 miners killed in clashes", "Twelve soldiers killed in ambush, officials say": a participle with
    a counted subject and neither auxiliary nor object is a headline's passive; its subject is who was acted on."""
    if lemma_of(verb) not in OBJECT_ONLY_VERBS or any(c.dep_ in ("aux", "dobj", "obj", "dative", "prt")
                                                       for c in verb.children):
        return False  # "Three militants attacked at dawn", "Two gunmen shot at the crowd": they act
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.like_num or any(
        c.dep_ in ("nummod", "quantmod") for c in subject.children))


def direct_object(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)


def subject_of(token: Token) -> tuple[Token | None, bool]:
    """The subject of a verb, looking through xcomp/conj/advcl chains; (token, passive?).

    Only the verb's own clause (and its coordination) can make it passive: the subject of a governing verb is the
    doer of the verb it controls, whatever the governing verb's voice ("the men are suspected of smuggling
    migrants", "he was arrested after trying to cross": the men smuggle, he tries to cross)."""
    current, own = token, True
    for _ in range(6):
        for child in current.children:
            if child.dep_ in SUBJECTS:
                return child, own and child.dep_ == "nsubjpass"
        if current.dep_ in ("acl", "relcl") and current.head.i != current.i:
            owner = purpose_owner(current)
            if owner is not None:
                return owner, False
            return current.head, own and current.dep_ == "acl" and current.tag_ == "VBN"
        if current.dep_ == "xcomp" and lemma_of(current.head) in lexicon().object_control:
            obj = next((c for c in current.head.children if c.dep_ == "dative"), None) or direct_object(
                current.head)  # "recruited him to join": he joins; "charged each man $500 to cross": the man
            if obj is not None:
                return obj, False
        if current.dep_ == "acomp" and current.head.i != current.i:  # "were able to arrest", "is eager to leave"
            own, current = False, current.head
            continue
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp") and current.head.i != current.i:
            # "had been captured and had not defected": a conjunct with its own auxiliary has its own voice
            own = own and current.dep_ == "conj" and not any(c.dep_ == "aux" for c in current.children)
            current = current.head
            continue
        if current.dep_ in ("pcomp", "pobj") and current.head.dep_ == "prep":  # "before boarding", "after escaping"
            party = accused_party(current) or responsible_party(current)
            if party is not None:
                return party, False
            own = False
            current = current.head.head
            continue
        break
    return None, False


def is_purpose_infinitive(clause: Token) -> bool:
    """"a mission to destroy", "his plan to travel": an infinitive (without its own subject) stating a purpose noun."""
    return clause.dep_ in ("acl", "relcl") and lemma_of(clause.head) in lexicon().purpose_nouns and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not any(
        c.dep_ in SUBJECTS for c in clause.children)


def purpose_owner(clause: Token) -> Token | None:
    """Whose mission, plan or order an infinitive states: "fighters with a mission to destroy the consulate",
    "his plan to travel", "they received orders to attack"."""
    noun = clause.head
    if not is_purpose_infinitive(clause):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ == "pobj" and noun.head.lower_ == "with":
        holder = noun.head.head
        return holder if holder.pos_ in ("NOUN", "PROPN", "PRON") else subject_of(holder)[0]
    if noun.dep_ in ("dobj", "attr"):
        subject, passive = subject_of(noun.head)
        return subject if not passive else None
    return None


def described_noun(verb: Token) -> Token | None:
    """The noun a participle describes: its head for an acl ("a deal reached on Sunday"), or the noun just before
    it for a participle the parser hung on the main verb ("Under the truce, brokered by Qatar, ...")."""
    if verb.tag_ != "VBN":
        return None
    if verb.dep_ == "acl":
        return verb.head if verb.head.pos_ in ("NOUN", "PROPN") else None
    if verb.dep_ == "advcl" and not any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in verb.children):
        before = [t for t in verb.doc[max(0, verb.i - 2):verb.i] if not t.is_punct]
        if before and before[-1].pos_ == "NOUN":
            return before[-1]
    return None


def accused_party(token: Token) -> Token | None:
    """Who does what a verb's from/for/of phrase names: its object ("stopped 23 Syrians from crossing",
    "sentenced a preacher to nine years for recruiting", "arrested two men on suspicion of smuggling") or, in the
    passive, its subject ("two men were detained on suspicion of people smuggling")."""
    prep = token.head
    if prep.dep_ not in ("prep", "agent") or prep.lower_ not in ("from", "for", "of"):
        return None
    governor = prep.head
    if prep.lower_ == "of":
        if lemma_of(governor) not in lexicon().accusation_nouns:
            return None
        if governor.dep_ != "pobj":
            return charge_object_subject(governor)  # "faces charges of assault"
        governor = governor.head.head  # "on suspicion of": the verb the "on" phrase hangs on
    for _ in range(3):  # "sentenced X to nine years in prison for recruiting": up to the verb
        if governor.pos_ in ("VERB", "AUX") or governor.dep_ not in ("pobj", "prep"):
            break  # not through an object: "claimed responsibility for the bombing"
        governor = governor.head
    if governor.pos_ not in ("VERB", "AUX"):
        return facing_subject(governor.head) if prep.lower_ == "of" and governor.dep_ == "dobj" else None
    obj = direct_object(governor)
    if obj is not None and lemma_of(obj) in lexicon().vehicles:
        return None  # "boarded a plane for a visit to Berlin": the plane does not visit
    if obj is not None and not obj.like_num and obj.ent_type_ != "MONEY":
        return obj
    return next((c for c in governor.children if c.dep_ == "nsubjpass"), None) or (
        facing_subject(governor) if prep.lower_ == "of" else None)  # "stands trial on charges of murder"


def responsible_party(token: Token) -> Token | None:
    """"the group claimed responsibility for shooting down the helicopter": who claims (or accepts, takes) the
    responsibility for a deed is its doer, as said by them."""
    prep = token.head
    noun = prep.head
    if prep.lower_ != "for" or lemma_of(noun) != "responsibility" or noun.dep_ not in ("dobj", "obj"):
        return None
    if lemma_of(noun.head) not in RESPONSIBILITY_VERBS:
        return None
    subject, passive = subject_of(noun.head)
    return subject if not passive else None


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb above a token, reached through the verb's object or its own prepositions ("fired a volley
    of spray at them": "at" hangs on "spray"); not through its subject or agent ("fired off by workers at firms")."""
    below = token
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor if below.dep_ in ("dobj", "obj", "prep") and below.lower_ != "by" else None
        below = ancestor
    return None


def threatened_with(verb: Token) -> bool:
    """Headline passive without its auxiliary, which the tagger reads as active: "City threatened with military
    intervention", "Editor threatened with jail" (the active takes an object: "threatened the city with")."""
    return lemma_of(verb) == "threaten" and direct_object(verb) is None and not any(
        c.dep_ in ("aux", "auxpass", "xcomp", "ccomp") for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


def threatened_party(ps: ParsedSentence, verb: Token, mentions: MentionIndex) -> list[Token]:
    """"threatened to arrest the students", "threatened to sue the company": who the threatened act would hit (a
    person or group), when the threat names no one itself; a place stays where ("threatened to storm Mosul")."""
    act = next((c for c in verb.children if c.dep_ == "xcomp" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    obj = direct_object(act) if act is not None else None
    if obj is None or obj.lower_ in REFLEXIVES:
        return []
    return [t for t in with_conjuncts(obj) if someone(ps, t, mentions) and not is_place(ps, t, mentions)]


def prep_args(ps: ParsedSentence, head: Token, mentions: MentionIndex, args: dict, trigger: Trigger,
               depth: int = 0) -> None:
    vehicles = lexicon().vehicles
    for prep in list(head.children) + ([c for e in trigger.extra for c in e.children] if depth == 0 else []):
        if prep.dep_ not in ("prep", "agent", "dative", "prt") and prep.pos_ != "ADP":
            continue
        word = prep.lower_
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if word == "between" and depth == 0 and trigger.type.name in ("AGREE", "FIGHT"):
            parties_between(objects, args, trigger.type.name)
            continue
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
                    _assign_prep(ps, word, item, mentions, args, trigger)
            if depth == 0 and not route_place(ps, obj, word, trigger.type.name, mentions):
                prep_args(ps, obj, mentions, args, trigger, depth + 1)  # "on a forged passport via Sofia"


def route_place(ps: ParsedSentence, item: Token, word: str, event_type: str, mentions: MentionIndex) -> bool:
    """A place, or, for movements, a lone unknown name after from/to/via ("evacuated from Arsal"), even one the
    NER model took for an organisation (it often does with Arabic place names), unless it is an acronym."""
    if is_place(ps, item, mentions):
        return True
    lone_name = item.pos_ == "PROPN" and not item.text.isupper() and not any(
        c.pos_ == "PROPN" for c in item.children) and item.ent_type_ in ("", "GPE", "LOC", "FAC", "ORG")
    return event_type in TRANSFERS and word in ORIGIN_PREPS | DESTINATION_PREPS | VIA_PREPS and lone_name


def _assign_prep(ps: ParsedSentence, word: str, item: Token, mentions: MentionIndex, args: dict,
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
        # "shot at an Ohio zoo": Ohio; not another event's ("the attacks in Paris and the Brussels assault")
        args["location"] += place_modifiers(ps, item, mentions)
    if word == "by" and not place:
        if trigger.passive or trigger.nominal:
            args["actors"].append(item)
    elif word == "with" and not place:
        (args["targets"] if name in ("FIGHT", "ATTACK") else args["actors"] if name in MOVERS else []).append(item)
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


def verb_args(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex) -> dict[str, list[Token]]:
    token, name = trigger.token, trigger.type.name
    args: dict[str, list[Token]] = {role: [] for role in ROLES}
    subject, passive = subject_of(token)
    passive = trigger.passive = passive or is_passive(token) or threatened_with(token)
    if subject is not None and subject.i == token.head.i and infinitive_of_thing(token) and name not in MOVERS:
        subject = None  # "the decision to attack", "the use of a van to kill": no doer (a mover stays for senses.py)
    doer = resolve_relative(subject) if subject is not None else None  # "the strikes that killed": the strikes
    if subject is not None and not (not passive and (event_noun(doer) or (name in FORCE and force_noun(doer)))):
        # "the strikes killed", "the gunfire that killed three": what happened or what hit, no one who acted
        args["targets" if passive and name not in MOVERS else "actors"].extend(with_conjuncts(subject))
    if passive and not args["actors"]:
        args["actors"] += ordering_party(token) or (attack_clause_doer(token) if name == "ATTACK" else [])
    obj = direct_object(token) or (None if passive else _shared_object(token))  # "be charged and ruin his chances"
    if obj is not None and told_complement(token, obj):
        obj = None
    if obj is not None and obj not in trigger.extra and obj.lower_ not in REFLEXIVES:
        for item in with_conjuncts(obj):
            if is_place(ps, item, mentions) and name in ("ATTACK", "FIGHT") and building(ps, item, mentions):
                args["targets"].append(item)  # "bombed the consulate": what is hit, not where
            elif name == "THREATEN" and mentions.type_at(ps, item) == "GPE":
                args["targets"].append(item)  # "threatened the United States": a country threatened is a party
            elif is_place(ps, item, mentions):
                lemma = lemma_of(token)
                role = ("origin" if lemma in ORIGIN_OBJECT_VERBS else "destination" if lemma in
                        DESTINATION_OBJECT_VERBS else "location")
                args[role].append(item)  # "shelled Tafas", "overran Kunduz": where (GUIDELINES.md), not whom
            elif not (name in MOVERS and lemma_of(token) in DESTINATION_OBJECT_VERBS):
                args["targets"].append(item)  # but "visited his mother", "reached the rescuers": no one moved
    if name == "ATTACK" and lemma_of(token) in FIRED_OBJECT_VERBS:
        # "fired round after round of tear gas at students", "the missile is fired from launchers": what is fired
        # is no target (the aim is: at/on/into); instruments the lexicon knows stay for events.py's aim test
        instruments = trigger.type.instruments
        args["targets"] = [t for t in args["targets"] if lemma_of(t) in instruments]
    if name == "ATTACK" and (lemma_of(token) in FIRED_OBJECT_VERBS | {"shoot"} or any(
            lemma_of(e) == "fire" for e in trigger.extra)):  # "fired tear gas at protesters", "opened fire at"
        aims = [c for c in token.subtree if c.dep_ == "prep" and c.lower_ == "at" and _clause_verb(c) == token]
        args["targets"] += [t for c in aims for g in c.children if g.dep_ == "pobj" for t in with_conjuncts(g)
                            if not is_place(ps, t, mentions) and g.ent_type_ not in ("TIME", "DATE")
                            and lemma_of(g) not in TIMES_OF_DAY and not gathering_noun(t)]  # not "at a protest"
    if name in MOVERS:  # "escaped the scene", "left the area", "left the plane": a place or a craft, no target
        args["targets"] = [t for t in args["targets"] if not unnamed_place(t) and lemma_of(t) not in lexicon().vehicles]
    args["targets" if args["targets"] or passive else "actors"] += along_with(token)
    if name == "THREATEN":  # "threatened legal action", "threatening dire consequences": what, not whom
        args["targets"] = [t for t in args["targets"] if someone(ps, t, mentions)] or threatened_party(
            ps, token, mentions)
    for child in token.children:
        if child.dep_ in ("npadvmod", "advmod") and child.lower_ == "home":
            args["destination"].append(child)
        if child.dep_ == "advmod" and child.lower_ == "where":
            _where_place(ps, token, child, mentions, args, trigger)
    if name == "ATTACK" and lemma_of(token) in trigger.type.vehicle_attack_verbs:  # the vehicle is the weapon
        vehicles = lexicon().vehicles
        args["actors"] = [t for t in args["actors"] if lemma_of(t) not in vehicles]
        into = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("into", "through")
                for g in c.children if g.dep_ == "pobj"]
        if into or not args["targets"] or all(lemma_of(t) in vehicles for t in args["targets"]):
            args["targets"] = into
    prep_args(ps, token, mentions, args, trigger)
    return args


def building(ps: ParsedSentence, item: Token, mentions: MentionIndex) -> bool:
    """A building or site (a FAC entity, "the consulate"), which an attack hits, rather than a town or country."""
    return mentions.type_at(ps, item) == "FAC" or (mentions.type_at(ps, item) is None and item.ent_type_ == "FAC")


def _where_place(ps: ParsedSentence, verb: Token, where: Token, mentions: MentionIndex, args: dict,
                 trigger: Trigger) -> None:
    """"brought to Tripoli, where they were detained", "Gaziantep, from where smugglers took them": the place named
    just before the relative "where" (with the preposition before it, if any)."""
    before = [t for t in ps.doc[max(0, where.i - 4):where.i] if not t.is_punct]
    word = "in"
    if before and before[-1].pos_ == "ADP":
        word = before.pop().lower_
    if before and before[-1].pos_ in ("PROPN", "NOUN") and is_place(ps, before[-1], mentions):
        _assign_prep(ps, word, before[-1], mentions, args, trigger)


def _shared_object(token: Token) -> Token | None:
    """"arrested and charged Leon Farrow": the object of the last conjunct belongs to all of them (only when
    nothing but the coordination follows the first verb)."""
    if any(c.dep_ not in ("cc", "conj", "punct", "advmod") for c in token.rights):
        return None
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ == "VERB":
            return direct_object(child) or _shared_object(child)
    return None


def inherit_from_conjunct(trigger: Trigger, args: dict[str, list[Token]], done: dict[int, dict]) -> None:
    """"fled Mosul and slipped into Syria": the second verb takes the first one's actor; "stormed the hotel,
    killing four" takes the main event's place too."""
    head, dep = trigger.token.head, trigger.token.dep_
    if head.i not in done or dep not in ("conj", "advcl", "xcomp"):
        return
    if dep == "conj" and not args["actors"] and not args["targets"]:  # its own subject is the shared one
        for role in ("actors", "targets"):
            args[role] = list(done[head.i][role])
    if not any(args[role] for role in ("location", "origin", "destination", "via")):
        args["location"] = list(done[head.i]["location"])


def smuggling_roles(trigger: Trigger, args: dict[str, list[Token]]) -> None:
    """A movement carried out by smugglers is smuggling: "smugglers drove them across the border"."""
    smuggle = lexicon().types["SMUGGLE"]
    if trigger.type.name not in MOVERS or not any(lemma_of(a) in smuggle.smuggler_nouns for a in args["actors"]):
        return
    trigger.type = smuggle
    movers = [a for a in args["actors"] if lemma_of(a) not in smuggle.smuggler_nouns]
    args["actors"] = [a for a in args["actors"] if lemma_of(a) in smuggle.smuggler_nouns]
    args["targets"] = args["targets"] + movers
