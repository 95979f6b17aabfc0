"""Events: triggers from `data/events.yaml` found on the dependency parse, with their arguments.

Verb triggers take their actor from the subject (the `by` agent in the passive, the subject of a governing verb
for "planned to travel", the described noun for "fighters fleeing Raqqa" or "the man, who fled"), their target from
the object, and places from prepositions (to/into = destination, from = origin, via/through = via, in/at/near =
location). Coordinated verbs share a subject: "fled Mosul and slipped into Syria" is two events with one actor.
Nominal triggers ("the evacuation of 300 fighters", "their escape to Jordan") take possessors, `of`/`by` phrases
and the subject of a light verb ("carried out an attack").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_place, make_arg, pronoun_tokens, with_conjuncts
from newsintel.extract.lexicon import EventType, lexicon
from newsintel.extract.parse import ParsedSentence

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
DESTINATION_PREPS = {"to", "into", "towards", "toward", "onto", "for"}
ORIGIN_PREPS = {"from", "out"}
VIA_PREPS = {"via", "through", "across", "over"}
LOCATION_PREPS = {"in", "at", "near", "outside", "inside", "around", "on", "within", "along", "off"}
MOVERS = {"TRAVEL", "CROSS_BORDER", "FLEE", "RETURN"}  # the actor moves; others act on a target
INTRANSITIVE = MOVERS | {"SURRENDER"}  # "the surrender of 150 militants": they are the actors
TRANSFERS = MOVERS | {"SMUGGLE", "EVACUATE"}  # events whose participants' from/to places are the route
FORCE = {"ATTACK", "FIGHT", "THREATEN", "AGREE"}  # a country named before these is a party, not a place
REFLEXIVES = {"themselves", "himself", "herself", "itself", "ourselves", "myself", "yourself"}
ORIGIN_OBJECT_VERBS = {"flee", "escape", "leave", "desert", "abscond", "evacuate"}
DESTINATION_OBJECT_VERBS = {"reach", "enter", "infiltrate", "cross", "arrive", "board"}
LIGHT_VERBS = {"carry", "launch", "stage", "mount", "conduct", "plan", "plot", "attempt", "make", "lead", "begin",
               "start", "commit", "order", "organise", "organize", "orchestrate", "execute", "claim", "undertake",
               "sign", "reach", "strike", "broker", "negotiate", "face", "take", "complete", "continue", "perpetrate"}
ROLES = ("actors", "targets", "location", "origin", "destination", "via")


@dataclass(slots=True)
class Trigger:
    token: Token
    type: EventType
    nominal: bool
    extra: list[Token] = field(default_factory=list)  # particle or object that completes a multi-word trigger
    passive: bool = False


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) or (
        token.dep_ == "acl" and token.tag_ == "VBN")


def _dependents(token: Token) -> list[Token]:
    """Children, and the children of a preposition child ("slipped into": into; "warn of": of)."""
    return list(token.children)


def _required_found(token: Token, required: list[str]) -> list[Token] | None:
    found: list[Token] = []
    for word in required:
        if word == "<vehicle>":
            match = next((c for c in token.children if c.dep_ in ("dobj", "obj") and _lemma(c) in lexicon().vehicles),
                         None)
        else:
            match = next((c for c in _dependents(token) if c.lower_ == word or _lemma(c) == word), None)
        if match is None:
            return None
        found.append(match)
    return found


def _object(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)


def _has_place_arg(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    """A place among the word's arguments, one level into a non-place object ("on a passport via Sofia") or,
    for a noun after a light verb ("made the journey to Raqqa"), among the verb's."""
    heads = [token]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "attr") and _lemma(token.head) in LIGHT_VERBS:
        heads.append(token.head)
    heads += [g for h in list(heads) for c in h.children if c.dep_ in ("prep", "dobj") for g in [c, *c.children]
              if g.dep_ in ("pobj", "dobj") and g.pos_ in ("NOUN", "PROPN")]
    return any(_has_direct_place_arg(ps, head, mentions) for head in heads)


def _has_direct_place_arg(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    for child in token.children:
        if child.dep_ in ("dobj", "npadvmod", "advmod") and (is_place(ps, child, mentions) or child.lower_ in (
                "home", "abroad", "north", "south", "east", "west", "back")):
            return True
        if child.dep_ in ("prep", "prt", "agent") or child.pos_ == "ADP":
            for grand in child.children:
                if grand.dep_ == "pobj" and is_place(ps, grand, mentions):
                    return True
                if grand.dep_ == "prep" and any(  # "out of Syria"
                        g.dep_ == "pobj" and is_place(ps, g, mentions) for g in grand.children):
                    return True
    return False


def find_triggers(ps: ParsedSentence, mentions: MentionIndex) -> Iterator[Trigger]:
    lex = lexicon()
    for token in ps.doc:
        lemma = _lemma(token)
        if token.dep_ in ("compound", "amod"):
            continue  # "escape route", "jailed supporters": modifiers, not events
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            for etype, required in lex.verb_index.get(lemma, ()):
                extra = _required_found(token, required) if required else []
                if extra is None:
                    continue
                if lemma in etype.passive_only and not _is_passive(token):
                    continue
                obj = _object(token)
                if obj is not None and _lemma(obj) in etype.not_with_object:
                    continue
                if etype.join_objects and lemma in ("join", "rejoin") and not _joins_group(ps, obj, mentions):
                    continue
                if lemma in etype.needs_place and not _has_place_arg(ps, token, mentions):
                    continue
                if etype.place_object and obj is not None and is_place(ps, obj, mentions):
                    etype = lex.types[etype.place_object]
                yield Trigger(token, etype, nominal=False, extra=extra)
                break
        elif lemma in lex.types["SMUGGLE"].transport_verbs and token.pos_ == "VERB" and _by_smugglers(token):
            yield Trigger(token, lex.types["SMUGGLE"], nominal=False)
        elif token.pos_ in ("NOUN", "PROPN") and lemma in lex.noun_index and not token.ent_type_:
            etype = lex.noun_index[lemma]
            if any(c.dep_ == "compound" and _lemma(c) in etype.noun_not_with_compound for c in token.children):
                continue
            if lemma in etype.needs_place and not _has_place_arg(ps, token, mentions):
                continue
            if _verb_of_same_type(token, etype):
                continue
            yield Trigger(token, etype, nominal=True)


def _by_smugglers(verb: Token) -> bool:
    """"smugglers took them across": a transport verb whose doer is a smuggler."""
    nouns = lexicon().types["SMUGGLE"].smuggler_nouns
    subject, passive = _subject(verb)
    doers = [subject] if subject is not None and not passive else []
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(_lemma(d) in nouns for d in doers)


def _joins_group(ps: ParsedSentence, obj: Token | None, mentions: MentionIndex) -> bool:
    if obj is None:
        return False
    start, end = ps.char_span(obj.i, obj.i + 1)
    entity = mentions.at(start, end)
    return (entity is not None and entity.type in ("ORG", "NORP")) or _lemma(obj) in lexicon().types[
        "RECRUIT"].join_objects


def _verb_of_same_type(noun: Token, etype: EventType) -> bool:
    """"signed a deal", "launched an attack on": the verb already is the event when it is of the same type."""
    head = noun.head
    return head.i != noun.i and noun.dep_ in ("dobj", "pobj", "attr") and _lemma(head) in etype.verbs


def _subject(token: Token) -> tuple[Token | None, bool]:
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
            return current.head, own and current.dep_ == "acl" and current.tag_ == "VBN"
        if current.dep_ == "xcomp" and _lemma(current.head) in lexicon().object_control:
            obj = next((c for c in current.head.children if c.dep_ == "dative"), None) or _object(
                current.head)  # "recruited him to join": he joins; "charged each man $500 to cross": the man
            if obj is not None:
                return obj, False
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp") and current.head.i != current.i:
            own = own and current.dep_ == "conj"
            current = current.head
            continue
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":  # "before boarding", "after escaping"
            own = False
            current = current.head.head
            continue
        break
    return None, False


def _prep_args(ps: ParsedSentence, head: Token, mentions: MentionIndex, args: dict, trigger: Trigger,
               depth: int = 0) -> None:
    vehicles = lexicon().vehicles
    for prep in list(head.children) + ([c for e in trigger.extra for c in e.children] if depth == 0 else []):
        if prep.dep_ not in ("prep", "agent", "dative", "prt") and prep.pos_ != "ADP":
            continue
        word = prep.lower_
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if word == "out" and not objects:  # "out of Syria"
            objects = [g for p2 in prep.children if p2.lower_ == "of" for g in p2.children if g.dep_ == "pobj"]
        for obj in objects:
            if _lemma(obj) in vehicles and depth == 0:  # "on a flight from Frankfurt", "by bus"
                _prep_args(ps, obj, mentions, args, trigger, depth + 1)
                continue
            for item in with_conjuncts(obj):
                if depth == 0 or _route_place(ps, item, word, trigger.type.name, mentions):
                    _assign_prep(ps, word, item, mentions, args, trigger)
            if depth == 0 and not _route_place(ps, obj, word, trigger.type.name, mentions):
                _prep_args(ps, obj, mentions, args, trigger, depth + 1)  # "on a forged passport via Sofia"


def _route_place(ps: ParsedSentence, item: Token, word: str, event_type: str, mentions: MentionIndex) -> bool:
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
    if item.ent_type_ in ("DATE", "TIME"):
        return  # "on Thursday" is the event's time, not its target
    place = _route_place(ps, item, word, name, mentions)
    if word == "by" and not place:
        if trigger.passive or trigger.nominal:
            args["actors"].append(item)
    elif word == "with" and not place:
        (args["targets"] if name in ("FIGHT", "ATTACK") else args["actors"] if name in MOVERS else []).append(item)
    elif (word == "against" or (word in ("on", "upon") and name in ("ATTACK", "FIGHT", "THREATEN"))) and not place:
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
    elif word in DESTINATION_PREPS or (word in ("in", "at") and _lemma(trigger.token) in
                                       trigger.type.in_is_destination):
        args["destination"].append(item)
    elif word in ORIGIN_PREPS:
        args["origin"].append(item)
    elif word in VIA_PREPS:
        args["via"].append(item)
    elif word in LOCATION_PREPS or word == "by":
        args["location"].append(item)


def _verb_args(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex) -> dict[str, list[Token]]:
    token, name = trigger.token, trigger.type.name
    args: dict[str, list[Token]] = {role: [] for role in ROLES}
    subject, passive = _subject(token)
    passive = trigger.passive = passive or _is_passive(token)
    if subject is not None:
        args["targets" if passive and name not in MOVERS else "actors"].extend(with_conjuncts(subject))
    obj = _object(token) or _shared_object(token)
    if obj is not None and obj not in trigger.extra and obj.lower_ not in REFLEXIVES:
        for item in with_conjuncts(obj):
            if is_place(ps, item, mentions):
                lemma = _lemma(token)
                role = ("origin" if lemma in ORIGIN_OBJECT_VERBS else "destination" if lemma in
                        DESTINATION_OBJECT_VERBS else "location")
                args[role].append(item)
                if name in ("ATTACK", "FIGHT"):
                    args["targets"].append(item)
            else:
                args["targets"].append(item)
    for child in token.children:
        if child.dep_ in ("npadvmod", "advmod") and child.lower_ == "home":
            args["destination"].append(child)
    _prep_args(ps, token, mentions, args, trigger)
    return args


def _noun_args(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex) -> dict[str, list[Token]]:
    token, name = trigger.token, trigger.type.name
    args: dict[str, list[Token]] = {role: [] for role in ROLES}
    for child in token.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in ("ORG", "NORP", "PERSON", "GPE")):
            role = "actors" if name in MOVERS or name in ("ATTACK", "FIGHT", "SMUGGLE", "THREATEN", "AGREE") or \
                child.ent_type_ in ("ORG", "NORP") else "targets"
            if child.dep_ == "compound" and is_place(ps, child, mentions) and name not in FORCE:
                role = "location"  # "the Raqqa evacuation"; but "US air strikes": the US strikes
            args[role].append(child)
    head = token.head
    light = token.dep_ in ("dobj", "attr") and _lemma(head) in LIGHT_VERBS
    # "X claimed responsibility for the attack"
    claimed = token.dep_ == "pobj" and head.lower_ == "for" and _lemma(head.head) == "responsibility"
    verb = head if light else head.head.head if claimed else None
    if verb is not None:
        subject, passive = _subject(verb)
        if subject is not None and not args["actors"] and not passive:
            args["actors"].extend(with_conjuncts(subject))
        if light:
            _prep_args(ps, verb, mentions, args, trigger)
    _prep_args(ps, token, mentions, args, trigger)
    return args


def _shared_object(token: Token) -> Token | None:
    """"arrested and charged Leon Farrow": the object of the last conjunct belongs to all of them (only when
    nothing but the coordination follows the first verb)."""
    if any(c.dep_ not in ("cc", "conj", "punct", "advmod") for c in token.rights):
        return None
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ == "VERB":
            return _object(child) or _shared_object(child)
    return None


def _participant_places(ps: ParsedSentence, args: dict[str, list[Token]], trigger: Trigger,
                        mentions: MentionIndex) -> None:
    """Places attached to a participant: "300 fighters from Homs", "the arrest of Jonas Velde in Oslo"."""
    name = trigger.type.name
    for token in [*args["actors"], *args["targets"]]:
        for prep in token.children:
            if prep.dep_ != "prep":
                continue
            word = prep.lower_
            for obj in (g for g in prep.children if g.dep_ == "pobj" and _route_place(ps, g, word, name, mentions)):
                if name in TRANSFERS and word in ORIGIN_PREPS and not args["origin"]:
                    args["origin"].append(obj)
                elif name in TRANSFERS and word in DESTINATION_PREPS and not args["destination"]:
                    args["destination"].append(obj)
                elif word in LOCATION_PREPS and not args["location"] and not args["destination"]:
                    args["location"].append(obj)


def _inherit_from_conjunct(trigger: Trigger, args: dict[str, list[Token]], done: dict[int, dict]) -> None:
    """"fled Mosul and slipped into Syria": the second verb takes the first one's actor; "stormed the hotel,
    killing four" takes the main event's place too."""
    head, dep = trigger.token.head, trigger.token.dep_
    if head.i not in done or dep not in ("conj", "advcl", "xcomp"):
        return
    if dep == "conj":
        for role in ("actors", "targets"):
            if not args[role]:
                args[role] = list(done[head.i][role])
    if not any(args[role] for role in ("location", "origin", "destination", "via")):
        args["location"] = list(done[head.i]["location"])


def _smuggling(trigger: Trigger, args: dict[str, list[Token]]) -> None:
    """A movement carried out by smugglers is smuggling: "smugglers drove them across the border"."""
    smuggle = lexicon().types["SMUGGLE"]
    if trigger.type.name not in MOVERS or not any(_lemma(a) in smuggle.smuggler_nouns for a in args["actors"]):
        return
    trigger.type = smuggle
    movers = [a for a in args["actors"] if _lemma(a) not in smuggle.smuggler_nouns]
    args["actors"] = [a for a in args["actors"] if _lemma(a) in smuggle.smuggler_nouns]
    args["targets"] = args["targets"] + movers


def _clause_places(ps: ParsedSentence, trigger: Trigger, args: dict[str, list[Token]], used: set[int],
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


def extract_events(ps: ParsedSentence, mentions: MentionIndex) -> list[tuple[Trigger, dict[str, list[Token]]]]:
    out: list[tuple[Trigger, dict[str, list[Token]]]] = []
    done: dict[int, dict[str, list[Token]]] = {}
    for trigger in find_triggers(ps, mentions):
        args = _noun_args(ps, trigger, mentions) if trigger.nominal else _verb_args(ps, trigger, mentions)
        _inherit_from_conjunct(trigger, args, done)
        _participant_places(ps, args, trigger, mentions)
        _smuggling(trigger, args)
        done[trigger.token.i] = args
        out.append((trigger, args))
    used = {t.i for _, args in out for role in args.values() for t in role}
    for trigger, args in out:
        nested = {t.i for other, _ in out if other is not trigger and other.token.i in {x.i for x in
                  trigger.token.subtree} for t in other.token.subtree}
        _clause_places(ps, trigger, args, used, nested, mentions)
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
            arg = make_arg(ps, token, mentions)
            if arg["text"] and arg["text"] not in seen:
                seen.add(arg["text"])
                record[role].append(arg)
    record.update({"time": None, "modality": "asserted", "attribution": None,
                   "sentence": ps.index, "start": start, "end": end})
    return record
