"""Places of an event beyond its own prepositions: those of its participants ("300 fighters from Homs"), every
other named place in the trigger's phrase, and, for a nominal trigger, the places the sentence gives it outside
its phrase: a place phrase right after it that the parser hung elsewhere ("airstrikes in Kunduz"), the places of
the verb it (or the event noun it is coordinated with) is the subject of ("the attack happened in Mazar", "the
assault left two soldiers dead near Kunduz", "the assaults were carried out in Oslo"; not a verb of what it set off:
"the attack sparked protests in Paris") and of its relative clauses ("strikes which killed 30 civilians in
Kunduz"); a threat's places include those of the act threatened ("threatened to overrun Kunduz"). Only the
event's own clause counts (`in_own_clause`): a place under another verb or event noun of the phrase is theirs."""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_named_place, is_place
from newsintel.extract.clause_args import place_modifiers
from newsintel.extract.describe import actor_words
from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.prep_roles import DESTINATION_PREPS, LOCATION_PREPS, ORIGIN_PREPS, route_place
from newsintel.extract.scene_places import event_noun_heads, nested_route_roles, undergone_places
from newsintel.extract.triggers import LIGHT_VERBS, TRANSFERS, Trigger, lemma_of
from newsintel.resources import load_yaml

PLACE_ROLES = ("location", "origin", "destination", "via")
NEAR_PREPS = {"in", "at", "near", "outside", "inside", "on"}  # "on" for "on the outskirts of", "on Pine Street"
TIME_WORDS = {"last", "this", "next", "earlier", "later", "week", "month", "year", "today", "yesterday", "night",
              "morning", "evening", "afternoon", "weekend", ","}


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
                  nested: set[int], mentions: MentionIndex, extra: list[Token] = ()) -> None:
    """Every named place in the trigger's own phrase is part of the event ("the attack on the consulate in
    Afghanistan's Mazar-i-Sharif": both), except places inside another event's phrase, places that describe a
    person ("a convert from Aarhus") and places already given a role."""
    have = {t.i for role in ("location", "origin", "destination", "via", "actors", "targets") for t in args[role]}
    extra = [*extra, *(t for c in _shared_happening_clauses(trigger) for t in c.subtree)]
    chosen = {t.i for t in extra}  # chosen by syntax: their places belong to this event too
    described = _describing_participants(trigger, args, ps, mentions)
    region = chosen | {t.i for t in trigger.token.subtree}
    own = {trigger.token.i} | {t.i for t in extra if t.head.i not in chosen} | _same_event_clauses(trigger)
    fallback: list[Token] = []  # reference points and places named by a modifier: only when no other place
    for token in [*trigger.token.subtree, *extra]:
        if token.i in have or token.i == trigger.token.i or token.i in described or (
                token.i not in chosen and (token.i in used or token.i in nested)):
            continue
        modified = token.pos_ != "PROPN" and token.dep_ == "pobj" and token.head.lower_ in NEAR_PREPS and (
            lemma_of(token) not in lexicon().noun_index)  # not "after the Paris attacks": their place
        if modified:
            candidates = place_modifiers(ps, token, mentions)  # "a stabbing that killed a man on a Chicago train"
        elif token.pos_ != "PROPN" or token.head.dep_ == "compound" or token.dep_ == "compound" or _modifies_party(
                token, args):
            continue
        else:
            candidates = [token]
        if token.dep_ == "pobj" and token.head.lower_ == "from" and token.head.head.ent_type_ == "PERSON":
            continue
        if not in_own_clause(token, region, own) or _possessor_of_someone(ps, token, mentions):
            continue
        apart = _set_apart(token, trigger.token, region)
        if apart == "elsewhere":
            continue
        for place in (c for c in candidates if c.i not in have and is_place(ps, c, mentions)):
            route = _qualified_route(place, args)
            (args[route] if route else fallback if apart == "reference" or modified else args["location"]).append(
                place)
            have.add(place.i)
    if not _names_a_place(ps, args, mentions):
        args["location"] += fallback  # "a village south of Mosul", "on a Chicago train": no other place is given
    if not _names_a_place(ps, args, mentions):
        args["location"] += [t for t in incident_places(ps, trigger, mentions) if t.i not in have]
    if not _names_a_place(ps, args, mentions):
        args["location"] += [t for t in continued_places(ps, trigger, mentions) if t.i not in have]
    if not _names_a_place(ps, args, mentions):
        args["location"] += [t for t in continuing_clause_places(ps, trigger, mentions) if t.i not in have]
    if not _names_a_place(ps, args, mentions):
        args["location"] += [t for t in undergone_places(ps, trigger, mentions) if t.i not in have]
    nested_route_roles(trigger, args)


def _modifies_party(token: Token, args: dict[str, list[Token]]) -> bool:
    """A name the parser hung as a modifier on a participant or on a noun of people, alone or coordinated ("US
    and NATO forces had bombed", "Iraqi and US troops"): it says whose the group is, as a compound does, not
    where the event was."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head, words = token.head, actor_words()
    if token.dep_ != "nmod" or head.pos_ != "NOUN" or token.i > head.i:
        return False
    return any(t.i == head.i for t in [*args["actors"], *args["targets"]]) or lemma_of(head) in words.group_nouns or (
        lemma_of(head) in words.person_nouns)


def continued_places(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex) -> list[Token]:
    """A bare participle clause continuing its head's act ("opened fire on a bus in Peshawar, killing six", "rammed
    a truck into the consulate in Mazar, killing four") happened where the head's act did: the named places of the
    head's location phrases, for an event naming none itself. Not a movement ("left Aleppo, heading for Idlib") and
    not a clause with its own subject or conjunction ("..., after he crossed")."""
    token = trigger.token
    if trigger.nominal or trigger.type.name in TRANSFERS or token.dep_ != "advcl" or token.tag_ != "VBG" or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children) or token.head.i == token.i:
        return []
    head = token.head
    phrases = [c for c in head.children if c.dep_ == "prep" and c.lower_ in NEAR_PREPS | {"into", "around"}]
    objects = [c for c in head.children if c.dep_ == "dobj"]
    # "rammed a car packed with explosives into a wall": the parser hangs the head's phrase on the object's participle
    objects += [g for c in objects for g in c.children if g.dep_ == "acl" and g.tag_ == "VBN"]
    phrases += [g for c in objects for g in c.children
                if g.dep_ == "prep" and g.lower_ in NEAR_PREPS | {"into", "around"}]
    out = []
    for prep in phrases:
        region = {t.i for t in prep.subtree}
        out += [t for t in prep.subtree if t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat")
                and in_own_clause(t, region, {prep.i}) and is_place(ps, t, mentions)]
    return out


def continuing_clause_places(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex) -> list[Token]:
    """The other way round from `continued_places`: an act naming no place happened where the bare participle
    clause continuing it places its own outcome ("drove a van into a crowd, injuring eleven people in Lyon", "opened
    fire on shoppers, wounding nine at a market in Bremen"): the named places of the participle's own in/at/near
    phrases. Not a movement ("left Aleppo, arriving in Idlib"), not a participle with its own subject or
    conjunction, nor one of consequence or speech ("..., sparking protests in Paris", "..., saying in Rome that")."""
    token = trigger.token
    if trigger.nominal or trigger.type.name in TRANSFERS or token.pos_ not in ("VERB", "AUX"):
        return []
    skip = set(load_yaml("event_places.yaml")["consequence_verbs"])
    out: list[Token] = []
    for clause in token.children:
        if clause.dep_ != "advcl" or clause.tag_ != "VBG" or clause.i < token.i or lemma_of(clause) in skip or any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children):
            continue
        heads = [clause, *(c for c in clause.children if c.dep_ == "dobj")]  # "injuring 11 people in Lyon"
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in NEAR_PREPS):
            region = {t.i for t in prep.subtree}
            out += [t for t in prep.subtree if t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat")
                    and in_own_clause(t, region, {prep.i}) and _set_apart(t, prep, region) is None
                    and is_place(ps, t, mentions)]
    return out


def _qualified_route(place: Token, args: dict[str, list[Token]]) -> str | None:
    """The route role of the place a region or country qualifies ("flew to Boise, Idaho", "a flight from Lyon,
    France"): it is part of that end of the route, not where the event was."""
    doc, before = place.doc, place.left_edge.i - 1
    if place.dep_ not in ("appos", "npadvmod", "conj") or before < 1 or doc[before].text != ",":
        return None
    qualified = doc[before - 1]
    return next((role for role in ("origin", "destination", "via") if any(
        t.i == qualified.i for t in args[role])), None)


def _names_a_place(ps: ParsedSentence, args: dict[str, list[Token]], mentions: MentionIndex) -> bool:
    """Whether the event has a named place in any role ("the village" decides a route but names none)."""
    return any(is_named_place(ps, t, mentions) for role in PLACE_ROLES for t in args[role])


def incident_places(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex) -> list[Token]:
    """Places of a clause that tells the same incident, for an event that names none itself: a killing's "when"
    clause ("two were killed when a gunman opened fire in Lyon") and the relative clause of an event noun of the
    same type ("the Lyon attack, in which a man drove a van into a crowd": the attack's place)."""
    token, out = trigger.token, []
    if not trigger.nominal and trigger.type.name == "ATTACK":
        for clause in token.children:
            if clause.dep_ == "advcl" and any(c.lower_ == "when" for c in clause.children if c.i < clause.i):
                region = {t.i for t in clause.subtree}
                out += [t for t in clause.subtree if t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat")
                        and _located_by(t) and in_own_clause(t, region, {clause.i})]
    noun, before = token.head, token.left_edge.i - 1
    while before > 0 and token.doc[before].is_punct:
        before -= 1
    if token.dep_ == "relcl" and before >= 0 and lemma_of(token.doc[before]) in lexicon().noun_index:
        noun = token.doc[before]  # the parser often hangs the clause on the phrase's head: "the toll of the attack,"
    linked = any(c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children) for c in token.children) or any(
        c.lower_ == "where" for c in token.children)
    noun_type = lexicon().noun_index.get(lemma_of(noun))
    if token.dep_ == "relcl" and linked and noun_type is not None and noun_type.name == trigger.type.name:
        out += [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"]
        out += [g for p in noun.children if p.dep_ == "prep" and p.lower_ in NEAR_PREPS for g in p.children
                if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return [t for t in out if is_place(ps, t, mentions)]


def _located_by(token: Token) -> bool:
    """Whether a name is the object of a preposition of place ("in the resort of Nice", "outside a bar in Lyon"),
    not of a route ("a flight from San Jose to Liberia crashed": neither is where it crashed)."""
    head = token
    while head.head.i != head.i and head.dep_ in ("pobj", "conj", "prep"):
        if head.dep_ == "pobj" and head.head.lower_ != "of":
            return head.head.lower_ in NEAR_PREPS
        head = head.head
    return False


def _set_apart(token: Token, trigger: Token, region: set[int]) -> str | None:
    """Whether a place of the event's phrase is set apart from where it happened (data/event_places.yaml):
    "elsewhere" for a place it did not happen at ("flew to Albany instead of Boston") or a party after another
    word's "between" ("evacuated as war between Hanoi and Manila loomed"; not a border's or a road's, and the
    trigger's own "between" gives parties, `clause_args.parties_between`), "reference" for a point it is placed
    by ("a camp in Jordan north of Amman"), else None."""
    words = load_yaml("event_places.yaml")
    head = token
    while head.head.i != head.i and head.i != trigger.i and (head.i in region or head.dep_ == "pobj"):
        prep = head.head
        if head.dep_ == "pobj" or (head.dep_ == "conj" and prep.dep_ == "pobj"):
            prep = prep if head.dep_ == "pobj" else prep.head
            adverbs = [c.lower_ for c in prep.children if c.dep_ in ("advmod", "amod")]
            phrases = {prep.lower_, *(f"{a} {prep.lower_}" for a in adverbs)}
            parties = (prep.lower_ == "between" and prep.head.i != trigger.i and lemma_of(
                prep.head) not in words["between_place_nouns"]) or (
                prep.lower_ in words["party_preps"] and head.i == token.i)  # not "a deal with X in Geneva"
            if parties or phrases & set(words["not_here_phrases"]):
                return "elsewhere"
            if prep.lower_ == "of" and lemma_of(prep.head) in words["reference_words"]:
                return "reference"
        head = head.head
    return None


DESCRIBING_DEPS = {"appos", "relcl", "acl"}
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "pcomp"}


def in_own_clause(token: Token, region: set[int], own: set[int]) -> bool:
    """Whether nothing but noun phrases and prepositions lies between the token and the event's own clause: a place
    under another verb of the phrase ("vowed to stop militias that could hit Oslo", "charged X with fraud by selling
    files about the war in Chechnya", "escaped from prison in Texas and then worked in Oregon", "the Panama-flagged
    ship") is that verb's, and a place in the phrase of another event noun is that event's (not the noun the
    trigger acts on: "fled the fighting in Aleppo"). `own` are the clause heads that are the event's: the trigger,
    the roots of the phrases syntax chose for it (`extra_place_tokens`) and clauses that only say the event
    happened."""
    head, events = token.head, lexicon().noun_index
    while head.i in region and head.i not in own and head.head.i != head.i:
        if (head.pos_ in ("VERB", "AUX") and head.dep_ != "prep") or head.dep_ in CLAUSE_DEPS:
            return False  # not "including Jerusalem", "following talks in Doha": prepositions
        if head.pos_ == "NOUN" and lemma_of(head) in events and head.head.i not in own:
            return False  # another event's phrase: "evacuated as the war between Kyiv and Moscow went on"
        head = head.head
    return True


def _same_event_clauses(trigger: Trigger) -> set[int]:
    """Clauses of a nominal trigger that say where or how the event itself happened: its own relative clause with
    the event as subject ("the bombing, which took place in Kabul"), or a light verb describing it ("the strikes
    carried out in Kunduz")."""
    if not trigger.nominal:
        return set()
    return {c.i for c in trigger.token.children if c.dep_ in ("relcl", "acl") and _happening_clause(c)}


def _shared_happening_clauses(trigger: Trigger) -> list[Token]:
    """The clause of happening a nominal trigger shares with the noun phrase head that stands for it: "thefts and
    assaults that happened outside the town hall", "dozens of assaults that occurred outside the cathedral" (the
    parser hangs the relative clause on the first noun or on the quantity)."""
    token = trigger.token
    if not trigger.nominal:
        return []
    return [c for head in event_noun_heads(token)[1:] for c in head.children
            if c.dep_ in ("relcl", "acl") and c.i > token.i and _happening_clause(c)]


def _happening_clause(clause: Token) -> bool:
    """A relative clause with the event as subject ("which took place in Kabul") or a reduced clause of a light verb
    ("carried out in Kunduz")."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (subject is not None and subject.lower_ in ("which", "that")) or (
        subject is None and clause.tag_ == "VBN" and lemma_of(clause) in LIGHT_VERBS)


def _possessor_of_someone(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    """A place as the possessor of a person or group says whose they are, not where the event was ("a meeting with
    Latvia's foreign minister", "Moscow's envoy"); of a place or site it still places ("Afghanistan's
    Mazar-i-Sharif", "Cologne's train station") and of a gathering where people were ("at Bremen's carnival party")."""
    if token.dep_ != "poss":
        return False
    head, words = token.head, actor_words()
    lemma = lemma_of(head)
    places = load_yaml("event_places.yaml")
    if head.pos_ == "NOUN" and lemma not in places["site_nouns"] and lemma not in places["gathering_nouns"] and (
            not is_place(ps, head, mentions)) and lemma not in lexicon().noun_index:
        return True  # "Tokyo's demands", "Moscow's decision": whose, not where ("Paris's attacks" still places)
    return mentions.type_at(ps, head) == "PERSON" or lemma in words.role_of or (
        lemma in words.person_nouns or lemma in words.group_nouns)


def _describing_participants(trigger: Trigger, args: dict[str, list[Token]], ps: ParsedSentence | None = None,
                             mentions: MentionIndex | None = None) -> set[int]:
    """Tokens that say who a participant is rather than where the event happened: an apposition or relative
    clause ("Rasmussen, a convert from Aarhus", "Belkacem, who grew up in Marseille"), a "from" of origin outside
    a movement ("the driver, from Beckenham, was arrested"), a named person's home town after "of" ("arrested Mark
    Olsen, 41, of Springfield, on Route 9": where he lives, not where he was arrested), and the source of an
    "according to" phrase ("the Observatory, a Britain-based monitor")."""
    out: set[int] = set()
    for token in [*args["actors"], *args["targets"]]:
        # a comma the parser made the head of "from Beckenham" in "the driver, from Beckenham, was"
        children = [g for c in token.children for g in ([c, *c.children] if c.dep_ == "punct" else [c])]
        for child in children:
            if child.dep_ in DESCRIBING_DEPS or (child.dep_ == "prep" and child.lower_ == "from"
                                                 and trigger.type.name not in TRANSFERS) or (
                    child.dep_ == "prep" and child.lower_ == "of" and _named_person(ps, token, mentions)):
                out |= {t.i for t in child.subtree}
    for token in trigger.token.subtree:
        if token.dep_ == "prep" and token.lower_ == "according":
            out |= {t.i for t in token.subtree}
    return out


def _named_person(ps: ParsedSentence | None, token: Token, mentions: MentionIndex | None) -> bool:
    """Whether a participant is a person's name ("Olsen" in "Mark Olsen, 41, of Springfield")."""
    if token.pos_ != "PROPN":
        return False
    if ps is not None and mentions is not None:
        return mentions.type_at(ps, token) == "PERSON"
    return token.ent_type_ == "PERSON"


def extra_place_tokens(ps: ParsedSentence, trigger: Trigger, others: list[Trigger]) -> list[Token]:
    """Tokens outside (or, for relative clauses, inside another event within) the trigger's phrase whose named
    places belong to the event too; see the module docstring."""
    token, doc = trigger.token, ps.doc
    out: list[Token] = []
    if trigger.type.name == "THREATEN":
        out += [t for c in token.children if c.dep_ == "xcomp" for t in c.subtree]
    if not trigger.nominal:
        return out
    subtree = {t.i for t in token.subtree}
    j = token.right_edge.i + 1
    while j < len(doc) and (doc[j].ent_type_ in ("DATE", "TIME") or doc[j].lower_ in TIME_WORDS):
        j += 1
    inner = [o.token for o in others if o.token.i != token.i and o.token.i in subtree]
    ends_in_inner = any(token.right_edge.i in {t.i for t in o.subtree} for o in inner)
    if j < len(doc) and doc[j].dep_ == "prep" and doc[j].lower_ in NEAR_PREPS and doc[j].head.i not in subtree \
            and not ends_in_inner:  # "a revenge attack for US airstrikes in Kunduz": the strikes' place
        out += list(doc[j].subtree)
    # "thefts and assaults were carried out in", "dozens of assaults were reported in": the noun phrase's head
    subject = next((t for t in reversed(event_noun_heads(token)) if t.dep_ in ("nsubj", "nsubjpass")), token)
    if (subject.dep_ == "nsubj" or (subject.dep_ == "nsubjpass" and lemma_of(subject.head) in LIGHT_VERBS)) \
            and subject.head.pos_ in ("VERB", "AUX") and lemma_of(subject.head) not in load_yaml(
            "event_places.yaml")["consequence_verbs"]:  # "the attack happened in", "assaults were carried out in"
        out += [t for p in subject.head.children if p.dep_ == "prep" and p.lower_ in NEAR_PREPS for t in p.subtree]
        out += listed_places(subject.head)
    starts = {o.token.i for o in others}
    out += [t for c in token.children if c.dep_ in ("relcl", "acl") and c.i in starts for t in c.subtree]
    return out


def listed_places(verb: Token) -> list[Token]:
    """The places an event noun's verb lists under a set of places it reached ("the attacks hit several cities,
    including Mosul and Kirkuk", "a wave of assaults swept through German towns, including Bonn"): the list after
    "including" names where the events were; the set itself ("cities") names no place a map shows. Only the verb's
    object or the object of a preposition of spread (`place_set_nouns`, `spread_preps` in data/event_places.yaml)."""
    words = load_yaml("event_places.yaml")
    sets = [c for c in verb.children if c.dep_ == "dobj"]
    sets += [g for p in verb.children if p.dep_ == "prep" and p.lower_ in words["spread_preps"] for g in p.children
             if g.dep_ == "pobj"]
    sets += [g for s in sets if lemma_of(s) in words["quantity_nouns"] for p in s.children  # "a number of towns"
             if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return [t for s in sets if lemma_of(s) in words["place_set_nouns"] for p in s.children
            if p.dep_ == "prep" and p.lower_ == "including" for t in p.subtree]
