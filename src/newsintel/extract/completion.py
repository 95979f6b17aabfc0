"""Argument completion: one step after every argument finder, for every event type, filling a role an event still
lacks from what its own sentence says around it.

The finders read each trigger's own phrase; what they miss are participants given once for several triggers or
through the word that governs the trigger:

- the accused of an accusation ("she was accused of fraud and assault", "two men were charged with robbery", "the
  charges against him included assault", "charged in the shooting of") is the doer of the deed charged
  (`charged_deeds.py`), also for every member of a coordination ("fraud, assault and theft"), and replaces the accuser
  that the clause's subject had given ("deputies charged him with fleeing": he fled; `accuse_the_accused`);
- coordinated event nouns share what is said of them together ("the attacks and robberies in Munich by masked
  gangs": both by the gangs, both in Munich; "a bombing and an assault on the base"): the roles their common
  governor gives (a light verb's subject) and the phrases after the last of them (`share_coordinated`);
- an event naming no place takes the named place that modifies a thing it acts on ("destroyed Bamiyan's
  statues", "the fire gutted the Aleppo market": `complete_places`);
- an event naming no place takes the places of the clause its "when"/"after" clause is the scene of ("a party was
  shattered in Kirkuk when a gunman opened fire"), of the event noun its relative clause describes ("a bombing in
  Quetta which killed dozens") and, for a bare participle ("..., crushing dozens"), of the event it continues;
  else the place a sentence opens with, for the events of its main statement (`scene_places.py`);
- an attack's building after "at" is what it hit, when it names nothing else ("a bombing at the consulate");
- a threat's target is whom the threatened act is aimed at ("threatened to fire missiles at Guam");
- a verb event told as happening in an event noun of its own type ("two guards were killed in an attack by
  rebels") takes the noun's doer (`share_with_named_incident`).

Precision first: only an empty role is filled (except the accuser taken as the doer of the deed charged; the
building and the aim move from where to target only when no target is named), only from the same sentence (so
every filled argument keeps the event's provenance: document, sentence and offsets), and from another clause only
when that clause tells the same incident (the scene its "when"/"after" clause sets, the event noun its relative
clause describes, the event a participle continues, the statement an opening place frames).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_named_place, is_place, resolve_relative
from newsintel.extract.charged_deeds import accuse_the_accused, first_conjunct
from newsintel.extract.clause_args import place_modifiers
from newsintel.extract.coordinated_passives import share_passive_agents
from newsintel.extract.describe import actor_words
from newsintel.extract.lexicon import lexicon
from newsintel.extract.nominal_parties import complete_parties
from newsintel.extract.noun_roles import run_head, undergoer
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.roles import building
from newsintel.extract.scene_places import conjunct_places, frame_places
from newsintel.extract.subjects import subject_of
from newsintel.extract.triggers import LIGHT_VERBS, MOVERS, Trigger, lemma_of
from newsintel.resources import load_yaml

Args = dict[str, list[Token]]
PLACE_ROLES = ("location", "origin", "destination", "via")
SCENE_PREPS = {"in", "at", "near", "outside", "inside"}
SCENE_MARKS = {"when", "after"}
PARTY_PREPS = {"between", "with", "among", "amongst"}
SHARED_PREPS = {"in", "at", "near", "outside", "inside", "by", "on", "against", "across", "around"}


def _governor_actors(token: Token, trigger_type: str) -> list[Token]:
    """The doer a coordination's first member gets from the word governing it: a light verb's subject ("the gang
    carried out kidnappings and robberies")."""
    head = run_head(token)  # "carried out kidnappings and robberies", "launched a wave of robberies and assaults"
    if head.dep_ in ("dobj", "attr") and lemma_of(head.head) in LIGHT_VERBS and not undergoer(
            token, trigger_type):  # "faces impeachment and prosecution": the subject undergoes them
        subject, passive = subject_of(head.head)
        if subject is not None and not passive:
            return [subject]
    return []


def _trailing_phrases(first: Token, last: Token) -> list[Token]:
    """Prepositional phrases on the first member of a coordination that come after its last member ("the attacks
    and robberies [in Munich] [by gangs]"): said of every member."""
    return [c for c in first.children if c.dep_ in ("prep", "agent") and c.i > last.i and c.lower_ in SHARED_PREPS]


def share_coordinated(events: list[tuple[Trigger, Args]]) -> None:
    """Coordinated event nouns share the roles said of them together (see the module docstring)."""
    nominal = {t.token.i: (t, a) for t, a in events if t.nominal}
    for trigger, args in events:
        token = trigger.token
        if not trigger.nominal or token.dep_ != "conj":
            continue
        first = first_conjunct(token)
        if first.i not in nominal:
            if not args["actors"]:
                args["actors"] += _governor_actors(token, trigger.type.name)
            continue
        head_trigger, head_args = nominal[first.i]
        last = max((t for t in first.subtree if t.dep_ == "conj" and first_conjunct(t).i == first.i),
                   key=lambda t: t.i)
        shared = {t.i for p in _trailing_phrases(first, last) for t in p.subtree}
        for role, items in head_args.items():
            if not args[role]:
                args[role] = [t for t in items if t.i in shared or t.i not in {x.i for x in first.subtree}]
        if token.i == last.i and head_trigger.type.name == trigger.type.name:
            # "a bombing and an assault on the base": the phrase after the last member is the first one's too
            after = {t.i for c in token.children if c.dep_ == "prep" and c.lower_ in SHARED_PREPS
                     for t in c.subtree}
            for role in ("targets", *PLACE_ROLES):
                if not head_args[role] and not (role != "targets" and any(head_args[r] for r in PLACE_ROLES)):
                    head_args[role] = [t for t in args[role] if t.i in after]


def share_with_named_incident(events: list[tuple[Trigger, Args]]) -> None:
    """"two guards were killed in an attack by rebels": the verb's doer is the attack's, and the other way round
    when the parser hangs the "by" on the verb ("killed in an airstrike by the army"), and so is an "against" after
    the noun ("killed in attacks against a newspaper": what the attacks hit, not who was killed), and the noun takes
    the verb's place when it names none (one incident) (same event type only: "killed in a shootout with troopers"
    is not the shootout's)."""
    nominal = {t.token.i: (t, a) for t, a in events if t.nominal}
    for trigger, args in events:
        if trigger.nominal or trigger.type.name in MOVERS:
            continue
        for prep in trigger.token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
                continue
            for noun in (g for g in prep.children if g.dep_ == "pobj" and g.i in nominal):
                other, other_args = nominal[noun.i]
                if other.type.name != trigger.type.name:
                    continue
                if not args["actors"]:
                    args["actors"] = list(other_args["actors"])
                elif not other_args["actors"] and trigger.passive:  # "killed in an airstrike by the army": the
                    other_args["actors"] = [t for t in args["actors"] if t.head.dep_ == "agent"]  # parser's "by"
                if not other_args["targets"] and trigger.passive:  # "killed in attacks in 2015 against a paper": the
                    aimed = {t.i for c in trigger.token.children if c.dep_ == "prep" and c.lower_ == "against"
                             and c.i > noun.i for t in c.subtree}  # parser's "against" is the attacks' target
                    other_args["targets"] = [t for t in args["targets"] if t.i in aimed]
                    args["targets"] = [t for t in args["targets"] if t.i not in aimed]
                if not any(other_args[r] for r in PLACE_ROLES):  # one incident, one place: "killed in attacks
                    other_args["location"] = list(args["location"])  # in March against a bakery in Lille"


def _a_thing(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    """A common noun for a thing or site, not for people ("statues", "celebrations", "market"; not "police",
    "troops", "minister"): a place naming it says where it is, not whose people they are."""
    words, lemma = actor_words(), lemma_of(token)
    return token.pos_ == "NOUN" and mentions.type_at(ps, token) is None and not token.ent_type_ and \
        lemma not in words.role_of and lemma not in words.person_nouns and lemma not in words.group_nouns and \
        lemma not in words.collective_nouns and lemma not in lexicon().noun_index


def argument_places(ps: ParsedSentence, args: Args, mentions: MentionIndex) -> list[Token]:
    """Named places modifying a thing the event acts on (tests/gold/GUIDELINES.md: "every named place modifying
    the trigger or one of its arguments"): "destroyed Bamiyan's statues", "set fire to the Aleppo market".
    Not a place before a word for people ("Kabul police", "US troops": whose people, not where)."""
    out = []
    for token in args["targets"]:
        if not _a_thing(ps, token, mentions):
            continue
        out += [c for c in token.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"
                and mentions.type_at(ps, c) in ("GPE", "LOC")]
    return out


def _located(ps: ParsedSentence, verb: Token, mentions: MentionIndex) -> list[Token]:
    """Named places a verb's own location phrases give ("was shattered in the town of Kirkuk", "broke out in Lyon,
    France"): the object of in/at/near/outside/inside with its appositions, or a place naming a site ("at a Lyon
    market")."""
    out = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in SCENE_PREPS:
            continue
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            for item in [obj, *(c for c in obj.children if c.dep_ in ("appos", "conj"))]:
                if is_named_place(ps, item, mentions) and is_place(ps, item, mentions):
                    out.append(item)
            out += place_modifiers(ps, obj, mentions)
    return out


def _scene_clause(trigger: Trigger) -> Token | None:
    """The verb of the clause a verb trigger's "when" or "after" clause is the scene of ("a party was shattered in
    Kirkuk when a gunman opened fire", "panic broke out in Lyon after a van drove into shoppers")."""
    token = trigger.token
    if trigger.nominal or token.dep_ != "advcl" or token.head.i == token.i or token.head.pos_ not in ("VERB", "AUX"):
        return None
    marks = {c.lower_ for c in token.children if c.dep_ in ("mark", "advmod") and c.i < token.i}
    return token.head if marks & SCENE_MARKS else None


def _relative_antecedent_places(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex,
                                by_token: dict[int, Args]) -> list[Token]:
    """"a bombing in Quetta, Pakistan, which killed dozens": a relative clause whose subject is "which"/"that" and
    whose antecedent is an event noun, or a named place in that noun's location phrase (where the parser often hangs
    the clause), happened at that noun's named places."""
    token = trigger.token
    if trigger.nominal or token.dep_ != "relcl" or not any(
            c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in token.children):
        return []
    head = token.head
    if is_named_place(ps, head, mentions) and is_place(ps, head, mentions) and head.dep_ in ("pobj", "appos"):
        place = head.head if head.dep_ == "appos" else head
        prep = place.head
        if prep.dep_ == "prep" and prep.lower_ in SCENE_PREPS and lemma_of(prep.head) in lexicon().noun_index:
            return [place, *(c for c in place.children if c.dep_ in ("appos", "conj"))]
        return []
    if lemma_of(head) not in lexicon().noun_index:
        return []
    if head.i in by_token:  # the antecedent is an event already read: its own places ("the Paris attacks that")
        return [t for t in by_token[head.i]["location"] if is_named_place(ps, t, mentions)]
    return [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and is_place(
        ps, c, mentions)] + [t for p in head.children if p.dep_ == "prep" and p.lower_ in SCENE_PREPS
                             for g in p.children if g.dep_ == "pobj"
                             for t in [g, *(c for c in g.children if c.dep_ in ("appos", "conj"))]
                             if is_named_place(ps, t, mentions) and is_place(ps, t, mentions)]


def complete_places(ps: ParsedSentence, events: list[tuple[Trigger, Args]], mentions: MentionIndex) -> None:
    """An event naming no place takes the named places of the things it acts on, of the clause its "when"/"after"
    clause sets the scene of, or of the event its relative clause describes; a bare participle continuing an event
    ("..., crushing dozens") takes that event's."""
    def named(args: Args) -> bool:
        return any(is_named_place(ps, t, mentions) for role in PLACE_ROLES for t in args[role])

    by_token = {t.token.i: a for t, a in events}
    for trigger, args in sorted(events, key=lambda e: e[0].token.i):
        if named(args):
            continue
        found = [t for t in argument_places(ps, args, mentions) if is_place(ps, t, mentions)]
        scene = _scene_clause(trigger)
        if not found and scene is not None:
            found = _located(ps, scene, mentions)
        if not found:
            found = _relative_antecedent_places(ps, trigger, mentions, by_token)
            # the parser hung "which killed" on the place: the place did not act, the event noun did
            args["actors"] = [t for t in args["actors"] if resolve_relative(t).i not in {f.i for f in found}]
        token = trigger.token
        if not found and not trigger.nominal and token.dep_ == "advcl" and token.tag_ == "VBG" and \
                token.head.i in by_token and not any(c.dep_ in ("nsubj", "mark") for c in token.children):
            found = [t for t in by_token[token.head.i]["location"] if is_named_place(ps, t, mentions)]
        if not found:
            found = frame_places(ps, token, mentions)  # "In Basra, soldiers shot two men who opened fire"
        if not found and not trigger.nominal:
            found = conjunct_places(ps, token, mentions)  # "pulled into a lot on Elm Street and fled on foot"
        args["location"] += found


def site_as_target(ps: ParsedSentence, events: list[tuple[Trigger, Args]], mentions: MentionIndex) -> None:
    """"a truck bombing at the consulate", "insurgents struck at the embassy": a building after "at" is what an
    attack hit, when it names nothing else it hit (`site_targets` in data/events_completion.yaml: the types and
    prepositions); "shot a guard at the hotel" keeps the hotel as where, and so does a gathering ("at a festival")."""
    spec = load_yaml("events_completion.yaml")["site_targets"]
    moved: set[int] = set()
    for trigger, args in events:
        if trigger.type.name not in spec["types"] or args["targets"]:
            continue
        sites = [g for head in (trigger.token, *trigger.extra) for p in head.children
                 if p.dep_ == "prep" and p.lower_ in spec["preps"] for g in p.children
                 if g.dep_ == "pobj" and (building(ps, g, mentions) or lemma_of(g) in spec["nouns"])]
        if sites:
            args["targets"] = sites
            moved |= {t.i for t in sites}
    for _trigger, args in events:  # also where a continuing clause took it as its place ("..., killing four")
        args["location"] = [t for t in args["location"] if t.i not in moved]


def threat_aim(ps: ParsedSentence, events: list[tuple[Trigger, Args]], mentions: MentionIndex) -> None:
    """"threatened to fire missiles at Guam", "threatened to use them against Seoul": who a threatened act is aimed
    at is who is threatened (tests/gold/GUIDELINES.md), not where the threat was made; the aim prepositions are
    `threat_aim_preps` in data/events_completion.yaml."""
    preps = set(load_yaml("events_completion.yaml")["threat_aim_preps"])
    for trigger, args in events:
        if trigger.type.name == "THREATEN" and args["targets"]:  # "threatened to sink Japan": whom, not where
            args["location"] = [t for t in args["location"] if t.i not in {a.i for a in args["targets"]}]
        if trigger.type.name != "THREATEN" or args["targets"] or trigger.nominal:
            continue
        acts = [c for c in trigger.token.children if c.dep_ == "xcomp" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        aims = [g for act in acts for p in act.children if p.dep_ == "prep" and p.lower_ in preps
                for g in p.children if g.dep_ == "pobj" and mentions.type_at(ps, g) in ("GPE", "LOC", "ORG", "NORP",
                                                                                        "PERSON")]
        if aims:
            args["targets"] = aims
            args["location"] = [t for t in args["location"] if t.i not in {a.i for a in aims}]


def _a_party(ps: ParsedSentence, token: Token, mentions: MentionIndex) -> bool:
    """A person, organisation, group or country ("Boko Haram", "the government", "the rebels") named as one side
    of the two ("between A and B", "with B"); what is agreed ("a sanctions regime agreed by the council") is none."""
    head = token
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in PARTY_PREPS:
        return False
    words, lemma = actor_words(), lemma_of(token)
    return mentions.type_at(ps, token) in ("PERSON", "ORG", "NORP", "GPE") or lemma in words.group_nouns or \
        lemma in words.collective_nouns or lemma in words.role_of or lemma in words.person_nouns


def untargeted_types(ps: ParsedSentence, events: list[tuple[Trigger, Args]], mentions: MentionIndex) -> None:
    """Types that act on no one (`untargeted_types` in data/events_completion.yaml): whom a flight is from ("fled
    police") is no target; the sides of an agreement ("negotiations between the government and the rebels") are its
    actors, and a thing agreed ("agreed the statement") is neither."""
    spec = load_yaml("events_completion.yaml")["untargeted_types"]
    for trigger, args in events:
        what = spec.get(trigger.type.name)
        if what is None or not args["targets"]:
            continue
        if what == "actors":
            taken = {t.i for t in args["actors"]}
            args["actors"] += [t for t in args["targets"] if t.i not in taken and _a_party(ps, t, mentions)]
        args["targets"] = []


def complete_arguments(ps: ParsedSentence, events: list[tuple[Trigger, Args]], mentions: MentionIndex) -> None:
    """Fill roles events still lack (module docstring); changes `events` in place."""
    for trigger, args in events:
        accuse_the_accused(trigger, args)
    complete_parties(events)  # "a deal with X", "killed in a shootout with troopers", "responsible for the attack"
    untargeted_types(ps, events, mentions)
    site_as_target(ps, events, mentions)
    threat_aim(ps, events, mentions)
    share_coordinated(events)
    share_passive_agents(ps, events, mentions)  # "were beaten and robbed by a mob": both by the mob
    share_with_named_incident(events)
    complete_places(ps, events, mentions)
