"""Roles of an event: who acts, who is acted on, and the places, read off the dependency parse.

Verb triggers take their actor from the subject (the `by` agent in the passive, the subject of a governing verb
for "planned to travel", the described noun for "fighters fleeing Raqqa" or "the man, who fled"), their target from
the object, and places from prepositions (to/into = destination, from = origin, via/through = via, in/at/near =
location). Coordinated verbs share a subject: "fled Mosul and slipped into Syria" is two events with one actor.
Nominal triggers ("the evacuation of 300 fighters") are read in `noun_roles.py`; both share the preposition rules
of `prep_roles.py`. Who the subject is (`subjects.py`) and what a trigger's type means (`triggers.py`) are read
in their own modules.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.antecedents import syntactic_antecedent
from newsintel.extract.args import MentionIndex, is_country, is_place, resolve_relative, with_conjuncts
from newsintel.extract.clause_args import (
    along_with,
    attack_clause_doer,
    event_noun,
    hands_of,
    infinitive_of_thing,
    ordering_party,
    someone,
    told_complement,
)
from newsintel.extract.lexicon import lexicon
from newsintel.extract.non_participants import force_noun, gathering_noun, unnamed_place
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.prep_roles import assign_prep, prep_args, route_place, where_place
from newsintel.extract.role_words import (
    abstract_noun,
    authored_noun,
    beside_noun,
    drop_unresolved_wh,
    moved_when_passive,
    not_an_aim,
    thrown_verb,
    wielded,
)
from newsintel.extract.subjects import direct_object, is_passive, subject_of
from newsintel.extract.triggers import FORCE, MOVERS, ROLES, TRANSFERS, Trigger, lemma_of

REFLEXIVES = {"themselves", "himself", "herself", "itself", "ourselves", "myself", "yourself"}
ORIGIN_OBJECT_VERBS = {"flee", "escape", "leave", "desert", "abscond", "evacuate"}
DESTINATION_OBJECT_VERBS = {"reach", "enter", "infiltrate", "cross", "arrive", "board", "visit"}
TIMES_OF_DAY = {"dawn", "dusk", "night", "midnight", "noon", "daybreak", "sunrise", "sunset", "nightfall", "first",
                "once", "random", "close", "point", "range", "least", "time", "times"}  # "fired at dawn", "at random"
FIRED_OBJECT_VERBS = {"fire"}  # its object or passive subject is what is fired (or, in another sense, who is sacked)
ROUTE_WORDS = {"from", "to", "into", "via"}  # a route's words the parser may hang on the thing carried


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
    """"threatened to arrest the students", "threatened to sue the company", "threatened to sink Japan": who the
    threatened act would hit (a person, group or country: a country threatened is a party, as "threatened the
    United States"), when the threat names no one itself; a town stays where ("threatened to storm Mosul")."""
    act = next((c for c in verb.children if c.dep_ == "xcomp" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    obj = direct_object(act) if act is not None else None
    if obj is None or obj.lower_ in REFLEXIVES:
        return []
    return [t for t in with_conjuncts(obj) if someone(ps, t, mentions) and (
        not is_place(ps, t, mentions) or is_country(ps, t, mentions))]


def stranded_agent(ps: ParsedSentence, verb: Token, mentions: MentionIndex) -> list[Token]:
    """A passive's "by" the parser hung on a noun of one of the verb's own phrases ("was signed in the third round of
    the trade window by the Hawks", "was stabbed in the arm by a neighbour"): the doer, when it names someone and the
    noun is no other event ("in an ambush by rebels" is the ambush's doer: completion.py) nor something authored
    ("according to a statement by police") nor a landmark beside which it happened."""
    nouns = lexicon().noun_index
    hosts: list[Token] = []
    frontier = [verb]
    for _ in range(2):  # the verb's phrase's noun, and one "of" phrase below it ("the round of the draft by X")
        frontier = [g for h in frontier for p in h.children if p.dep_ == "prep" and p.lower_ != "by"
                    for g in p.children if g.dep_ == "pobj" and g.i > verb.i]
        hosts += frontier
    found: list[Token] = []
    for host in hosts:
        if lemma_of(host) in nouns or authored_noun(host) or host.ent_type_ in ("PERSON", "ORG", "NORP"):
            continue
        for by in host.children:
            if by.dep_ != "prep" or by.lower_ != "by":
                continue
            found += [t for g in by.children if g.dep_ == "pobj" for t in with_conjuncts(g)
                      if someone(ps, t, mentions) and (not is_place(ps, t, mentions) or is_country(ps, t, mentions))
                      and not beside_noun(t) and t.ent_type_ not in ("DATE", "TIME") and lemma_of(t) not in nouns]
    return found


def verb_args(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex) -> dict[str, list[Token]]:
    token, name = trigger.token, trigger.type.name
    args: dict[str, list[Token]] = {role: [] for role in ROLES}
    subject, passive = subject_of(token)
    passive = trigger.passive = passive or is_passive(token) or threatened_with(token)
    if subject is not None and subject.i == token.head.i and infinitive_of_thing(token) and name not in MOVERS:
        subject = None  # "the decision to attack", "the use of a van to kill": no doer (a mover stays for senses.py)
    if subject is not None and (subject.dep_ == "csubj" or (subject.tag_ == "VBG" and any(
            c.dep_ in ("dobj", "obj") for c in subject.children))):
        subject = None  # "using a truck as a weapon would lead to chaos, killing ...": an act, not who acts
    doer = resolve_relative(subject) if subject is not None else None  # "the strikes that killed": the strikes
    if subject is not None and not (not passive and (event_noun(doer) or abstract_noun(doer) or (
            name in FORCE and force_noun(doer)))):  # nor "a response to strikes which killed": a response acts not
        # "the strikes killed", "the gunfire that killed three": what happened or what hit, no one who acted
        moved = passive and name in MOVERS and moved_when_passive(token, name)  # "were repatriated": no mover
        args["targets" if (passive and name not in MOVERS) or moved else "actors"].extend(with_conjuncts(subject))
    if passive and not args["actors"]:
        args["actors"] += ordering_party(token) or (attack_clause_doer(token) if name == "ATTACK" else []) or (
            hands_of(token) if name not in MOVERS else []) or stranded_agent(ps, token, mentions)
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
    thrown = name == "ATTACK" and thrown_verb(token)
    if thrown:  # "threw stones at soldiers", "hurled a grenade into the crowd": what is thrown is no target
        args["targets"] = [t for t in args["targets"] if not wielded(t)]
    if name == "ATTACK" and (thrown or lemma_of(token) in FIRED_OBJECT_VERBS | {"shoot"} or any(
            lemma_of(e) == "fire" for e in trigger.extra)):  # "fired tear gas at protesters", "opened fire at"
        aims = [c for c in token.subtree if c.dep_ == "prep" and c.lower_ in ("at", "into") and _clause_verb(
            c) == token]  # "fired at police", "fired into the crowd" (not "into the air": `not_an_aim`)
        args["targets"] += [t for c in aims for g in c.children if g.dep_ == "pobj" for t in with_conjuncts(g)
                            if not is_place(ps, t, mentions) and g.ent_type_ not in ("TIME", "DATE")
                            and lemma_of(g) not in TIMES_OF_DAY and not gathering_noun(t)  # not "at a protest"
                            and not (c.lower_ == "into" and not_an_aim(t)) and t not in args["targets"]]
    if name in MOVERS:  # "escaped the scene", "left the plane", "left her job", "flew first class": only people moved
        args["targets"] = [t for t in args["targets"] if not unnamed_place(t) and lemma_of(t) not in lexicon().vehicles
                           and _people(ps, t, mentions)]
    args["targets" if args["targets"] or passive else "actors"] += along_with(token)
    if name == "THREATEN":  # "threatened legal action", "threatening dire consequences": what, not whom
        things = args["targets"]
        args["targets"] = [t for t in things if someone(ps, t, mentions)] or threatened_party(
            ps, token, mentions) or _whose_thing(ps, things or _threatened_things(token), mentions, args["actors"])
    for child in token.children:
        if child.dep_ in ("npadvmod", "advmod") and child.lower_ == "home":
            args["destination"].append(child)
        if child.dep_ == "advmod" and child.lower_ == "where":
            where_place(ps, token, child, mentions, args, trigger)
    if name == "ATTACK" and lemma_of(token) in trigger.type.vehicle_attack_verbs:  # the vehicle is the weapon
        vehicles = lexicon().vehicles
        args["actors"] = [t for t in args["actors"] if lemma_of(t) not in vehicles]
        into = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("into", "through")
                for g in c.children if g.dep_ == "pobj"]
        if into or not args["targets"] or all(lemma_of(t) in vehicles for t in args["targets"]):
            args["targets"] = into
    prep_args(ps, token, mentions, args, trigger)
    if name in TRANSFERS and not passive and obj is not None:
        _route_on_cargo(ps, obj, mentions, args, trigger)
    if name == "AGREE" and subject is not None:
        _brokered_between(subject, args)
    drop_unresolved_wh(args)
    return args


def _route_on_cargo(ps: ParsedSentence, obj: Token, mentions: MentionIndex, args: dict[str, list[Token]],
                    trigger: Trigger) -> None:
    """"smuggled weapons from Libyan ports to Gaza": a route the parser hung on the thing carried (and its "to" on
    the place it left) is the movement's, when the verb names no such place itself. Not on people carried
    ("expelled diplomats from Russia": where they come from, not where they left)."""
    if someone(ps, obj, mentions) or is_place(ps, obj, mentions):
        return
    before = {role: bool(args[role]) for role in ("origin", "destination", "via")}
    found: dict[str, list[Token]] = {role: [] for role in ROLES}
    frontier, preps = [obj], []
    for _ in range(3):  # "from Libyan ports to Gaza": the "to" hung on the ports, or on the "from"
        frontier = [c for t in frontier for c in t.children if c.dep_ in ("prep", "pobj")]
        preps += [c for c in frontier if c.dep_ == "prep" and c.lower_ in ROUTE_WORDS]
    for prep in preps:
        for item in (t for g in prep.children if g.dep_ == "pobj" for t in with_conjuncts(g)):
            if route_place(ps, item, prep.lower_, trigger.type.name, mentions):
                assign_prep(ps, prep.lower_, item, mentions, found, trigger)
    for role, had in before.items():
        if had or not found[role]:
            continue
        args[role] += found[role]
        kept = {t.i for t in found[role]}
        args["location"] = [t for t in args["location"] if t.i not in kept]


def _brokered_between(subject: Token, args: dict[str, list[Token]]) -> None:
    """"talks between the rebels and the government brokered by Norway", "the truce between A and B was mediated
    by C": the parties of what was brokered are sides of the agreement too (the brokers being the "by" phrase),
    also when the parser hangs the participle on the last party instead of on the talks."""
    first = subject
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    between = first.head if first.dep_ == "pobj" and first.head.lower_ == "between" else next(
        (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "between"), None)
    if between is None:
        return
    parties = [t for g in between.children if g.dep_ == "pobj" for t in with_conjuncts(g)]
    if len(parties) < 2:
        return
    args["targets"] = [t for t in args["targets"] if t not in parties and t.i != subject.i]
    args["actors"] = [t for t in args["actors"] if t not in parties] + parties


def _threatened_things(verb: Token) -> list[Token]:
    """The object of the act a threat is to do ("threatened to derail her career": her career)."""
    act = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    obj = direct_object(act) if act is not None else None
    return with_conjuncts(obj) if obj is not None else []


def _whose_thing(ps: ParsedSentence, things: list[Token], mentions: MentionIndex, actors: list[Token]) -> list[Token]:
    """ "threatened her prospects", "threatened to ruin his business": the person whose career, prospects or
    business is threatened (a possessive pronoun or a name as possessor) is the one threatened; not a pronoun the
    parse gives to the threatener ("Stone denied threatening her prospects" when his gender is unknown)."""
    owners = [c for t in things if t.pos_ == "NOUN" for c in t.children if c.dep_ == "poss"]
    doers = {a.i for a in actors}
    return [o for o in owners if (o.pos_ == "PRON" and o.lower_ in ("his", "her", "their") and _other_owner(
        syntactic_antecedent(o, lambda t: mentions.type_at(ps, t)), doers)) or (
        o.pos_ == "PROPN" and someone(ps, o, mentions) and o.i not in doers)]


def _other_owner(antecedent: Token | None, doers: set[int]) -> bool:
    """A possessor pronoun that stands for a noun of its sentence other than the threatener, or for no noun of it
    (read across sentences); not one standing for another pronoun, whose own reading is a guess."""
    return antecedent is None or (antecedent.pos_ in ("NOUN", "PROPN") and antecedent.i not in doers)


def _people(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    """Someone, also counted out of a set: "flew nine of its citizens home", "brought back dozens of them"."""
    if someone(ps, token, mentions):
        return True
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = token.like_num or lemma_of(token) in lexicon().collectives or token.lower_ in lexicon().collectives
    return counted and of is not None and any(g.dep_ == "pobj" and someone(ps, g, mentions) for g in of.children)


def building(ps: ParsedSentence, item: Token, mentions: MentionIndex) -> bool:
    """A building or site (a FAC entity, "the consulate"), which an attack hits, rather than a town or country."""
    return mentions.type_at(ps, item) == "FAC" or (mentions.type_at(ps, item) is None and item.ent_type_ == "FAC")


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
