"""Roles of a nominal trigger: "the evacuation of 300 fighters", "Neu's arrest", "their escape to Jordan".

A noun event takes its participants from possessors and name compounds, from `of`/`by` phrases, from the subject
of a light verb ("carried out an attack", "signed a deal") and from a passive light verb or a participle that
describes it ("the attack was carried out by", "a truce brokered by Qatar"). The subject of a verb of undergoing
("faced prosecution", "will stand trial", "fell victim to an attack", "became victims of assault") is who the event
is done to, never its doer (`undergoing` in data/events_completion.yaml). Verb triggers are in `roles.py`.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_country, is_place, with_conjuncts
from newsintel.extract.clause_args import hands_of, someone, when_not_who
from newsintel.extract.clause_noun_roles import attack_clause_targets, clause_places, trial_defendants
from newsintel.extract.lexicon import lexicon
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.place_modifiers import town_read_as_person
from newsintel.extract.prep_roles import prep_args
from newsintel.extract.role_words import drop_unresolved_wh, possessor_is_victim, type_light_verbs
from newsintel.extract.subjects import accused_party, described_noun, direct_object, is_passive, subject_of
from newsintel.extract.triggers import FORCE, LIGHT_VERBS, MOVERS, ROLES, Trigger, lemma_of
from newsintel.resources import load_yaml

AIMED_NOUN_TYPES = ("ATTACK", "THREATEN")
TIME_PREPS = {"after", "since", "before", "following", "upon", "until", "till", "during"}
JOURNEY_PREPS = {"during", "on"}  # "during a visit to Osaka", "on a trip to Kabul": the clause's subject travels


@cache
def _undergoing() -> dict:
    return load_yaml("events_completion.yaml")["undergoing"]


def undergoer(noun: Token, type_name: str) -> list[Token]:
    """Who undergoes an event noun through the verb around it: the active subject of "the judge faced prosecution",
    "two officers will stand trial", "the town suffered a series of attacks" (the noun, or the run of events it is
    one of, is the verb's object); the subject of "tourists fell victim to an attack", "women became victims of
    assault", and the one named in "the men were named as the first victims of the shooting" (a victim word beside
    the noun). Nothing for other verbs or types (a journey or a battle faced: the subject takes part)."""
    spec = _undergoing()
    if type_name not in spec["types"]:
        return []
    noun = run_head(noun)  # "faces impeachment and prosecution", "suffered a series of attacks"
    head = noun.head
    if noun.dep_ in ("dobj", "obj") and lemma_of(head) in spec["verbs"]:
        return _active_subject(head)
    parsed_as_modifier = [c for c in noun.children if c.dep_ in ("amod", "acl") and c.i < noun.i and lemma_of(
        c) in spec["verbs"] and any(g.dep_ == "nsubj" for g in c.children)]
    if parsed_as_modifier:  # "X has faced trial" parsed with "faced" as the noun's modifier
        return _active_subject(parsed_as_modifier[0])
    if noun.dep_ != "pobj" or head.lower_ not in ("of", "to"):
        return []
    above = head.head  # "victims of assault": the victim word; "fell victim to an attack": the verb
    if lemma_of(above) in spec["victim_words"]:
        if above.dep_ in ("attr", "oprd", "acomp", "dobj", "npadvmod"):
            return _active_subject(above.head)
        if above.dep_ == "pobj" and above.head.lower_ == "as":  # "were named as victims of", "identified as"
            verb = above.head.head
            subject, passive = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else (None, False)
            named = subject if passive else (direct_object(verb) if verb.pos_ in ("VERB", "AUX") else None)
            return with_conjuncts(named) if named is not None else []
    if head.lower_ == "to" and any(lemma_of(c) in spec["victim_words"] for c in above.children):
        return _active_subject(above)
    return []


def run_head(noun: Token) -> Token:
    """The noun that stands for an event noun in its clause: the first of a coordination ("robberies and assaults"),
    and the run of events it is one of ("a series of attacks", "a wave of robberies": `runs`)."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and lemma_of(head.head) in _undergoing()["runs"]:
        return head.head
    return noun


def _active_subject(verb: Token) -> list[Token]:
    subject, passive = subject_of(verb)
    return with_conjuncts(subject) if subject is not None and not passive else []


def _describing_participles(noun: Token) -> list[Token]:
    doc = noun.doc
    out = [c for c in noun.children if c.dep_ == "acl" and (c.tag_ == "VBN" or (  # "handed down by": tagged VBD
        c.tag_ == "VBD" and any(g.dep_ == "agent" for g in c.children)))]
    for t in doc[noun.i + 1:min(len(doc), noun.i + 3)]:
        if t.dep_ == "advcl" and described_noun(t) is not None and described_noun(t).i == noun.i:
            out.append(t)
    return out



def _apostrophe_possessor(child: Token) -> bool:
    """"the prisoners’ release": a plural noun before its own apostrophe, which the parser left as a stray
    punctuation mark (often with a curly quote) and the noun as a plain modifier of the event noun."""
    doc = child.doc
    return child.dep_ in ("nmod", "compound") and child.tag_ == "NNS" and child.i + 2 == child.head.i and \
        doc[child.i + 1].text in ("'", "’") and doc[child.i + 1].head.i in (child.i, child.head.i)


def noun_args(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex) -> dict[str, list[Token]]:
    token, name = trigger.token, trigger.type.name
    args: dict[str, list[Token]] = {role: [] for role in ROLES}
    for child in token.children:
        if when_not_who(child):
            continue  # "Sunday's bombing", "New Year's Eve assaults": when it happened, not who did it
        dep = "poss" if _apostrophe_possessor(child) else child.dep_  # "the hostages’ release", misparsed
        if dep == "poss" or (dep == "compound" and child.ent_type_ in ("ORG", "NORP", "PERSON", "GPE")):
            role = "actors" if name in MOVERS or name in ("ATTACK", "FIGHT", "SMUGGLE", "THREATEN", "AGREE") or \
                child.ent_type_ in ("ORG", "NORP") else "targets"
            if dep == "poss" and name in ("ARREST", "CHARGE", "RELEASE"):
                of = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
                role = "actors" if of else "targets"  # "Neu's arrest"; "the group's abduction of the girls"
            elif dep == "poss" and name not in MOVERS and possessor_is_victim(token, child):
                role = "targets"  # "the envoy's assassination by a gunman", "his murder remains unsolved"
            one_killed = dep == "compound" and name not in MOVERS and possessor_is_victim(token, child)
            if one_killed:
                role = "targets"  # "the Khashoggi murder": the one killed, as "his murder"
            if dep == "compound" and (is_place(ps, child, mentions) or (town_read_as_person(
                    ps, child, mentions) and not (one_killed and token.tag_ == "NN"))) and (
                    name not in FORCE or not is_country(ps, child, mentions)):
                role = "location"  # "the Raqqa evacuation", "the Brussels assault"; but "US air strikes"
            args[role].append(clause_subject_for(child, token) or child)
    head = token.head
    undergone = undergoer(token, name)
    if undergone and not args["targets"]:
        args["targets"].extend(undergone)
    run = run_head(token)  # "carried out a wave of raids": the run is the light verb's object
    if run is not token:
        head = run.head
    light = not undergone and run.dep_ in ("dobj", "attr") and (
        lemma_of(head) in LIGHT_VERBS or lemma_of(head) in type_light_verbs(name))  # "filed charges against"
    # "X claimed responsibility for the attack"
    claimed = token.dep_ == "pobj" and head.lower_ == "for" and lemma_of(head.head) == "responsibility"
    verb = head if light else head.head.head if claimed else None
    if name not in MOVERS:  # "a deal reached with government forces", "the truce, brokered by Qatar", "the raid
        for participle in _describing_participles(token):  # carried out by special forces"
            if lemma_of(participle) not in LIGHT_VERBS | set(_undergoing()["doing_participles"]) and lemma_of(
                    participle) not in trigger.type.verbs:
                continue  # "a deal backed by a fund", "approved by parliament": no party to it
            for prep in participle.children:
                if prep.dep_ == "agent" or (name == "AGREE" and prep.dep_ == "prep" and prep.lower_ == "with"):
                    args["actors"] += [t for g in prep.children if g.dep_ == "pobj" for t in with_conjuncts(g)]
    for done_by in _passive_light_verbs(token) if name not in MOVERS else ():  # "the escape was organised by": no
        args["actors"] += [g for c in done_by.children if c.dep_ == "agent" for g in c.children  # one escaping
                           if g.dep_ == "pobj" and not g.is_punct]  # "carried out by" the attackers
    if not args["actors"] and name not in MOVERS:  # "suffered bombings at the hands of the militia"
        args["actors"] += hands_of(token) or (hands_of(token.head) if token.dep_ in ("dobj", "obj") else [])
    party = accused_party(token) if token.dep_ == "pobj" else None
    if party is not None:  # "on suspicion of people smuggling": the suspects smuggle
        args["actors"].append(party)
    if verb is not None:
        subject, passive = subject_of(verb)
        if subject is not None and not args["actors"] and not passive:
            args["actors"].extend(with_conjuncts(subject))
        if light:
            prep_args(ps, verb, mentions, args, trigger)
    prep_args(ps, token, mentions, args, trigger)
    if name in AIMED_NOUN_TYPES and not args["targets"]:
        _stranded_aim(ps, token, mentions, args, trigger)
    if name == "ATTACK" and not args["targets"]:  # "the airstrike that hit the clinic", "were wounded in an ambush"
        args["targets"] += attack_clause_targets(token, frozenset(trigger.type.verbs))
    if name == "CHARGE" and not args["targets"]:  # "was convicted in a second trial"
        args["targets"] += trial_defendants(token)
    if name not in MOVERS and not any(args[r] for r in ("location", "origin", "destination", "via")):
        args["location"] += clause_places(ps, token, run, mentions) or (
            _undergone_places(ps, run, mentions, trigger) if undergone else [])  # "faces charges in Austria"
    if name == "TRAVEL" and not args["actors"]:
        args["actors"] += journey_maker(ps, token, mentions)
    drop_unresolved_wh(args)
    return args


def _undergone_places(ps: ParsedSentence, run: Token, mentions: MentionIndex, trigger: Trigger) -> list[Token]:
    """"faces charges in Austria", "suffered attacks in Lyon": the places of the verb of undergoing whose object
    the noun is are the event's."""
    if run.dep_ not in ("dobj", "obj"):
        return []
    found: dict[str, list[Token]] = {role: [] for role in ROLES}
    prep_args(ps, run.head, mentions, found, trigger)
    return [t for t in found["location"] if t.i not in {x.i for x in run.subtree}]


def _stranded_aim(ps: ParsedSentence, noun: Token, mentions: MentionIndex, args: dict, trigger: Trigger) -> None:
    """"died in attacks in March against a school": a time phrase between the noun and its "against" phrase makes
    the parser hang "against" on the verb, which takes no such phrase (a verb of the event's own type does, and is
    read with the noun in completion.py, which moves the targets: here only the place); what follows "against" is
    what the noun's attack hit, and where."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in ("in", "during"):
        return
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return
    roles = ("location",) if lemma_of(verb) in trigger.type.verbs else ("targets", "location")
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "against" and prep.i > noun.i:
            assign_args = {role: [] for role in ROLES}
            prep_args(ps, verb, mentions, assign_args, trigger)
            aimed = {t.i for t in prep.subtree}
            for role in roles:
                args[role] += [t for t in assign_args[role] if t.i in aimed and t not in args[role]]


@cache
def _journey_for_verbs() -> frozenset[str]:
    return frozenset(load_yaml("event_roles.yaml")["journey_for_verbs"])


def journey_maker(ps: ParsedSentence, noun: Token, mentions: MentionIndex) -> list[Token]:
    """"Speaking during a visit to Osaka, the prime minister called ...", "he met leaders on a trip to Kabul": a
    journey noun with no traveller of its own, in a "during"/"on" phrase of a clause, is the journey of that
    clause's subject when the subject is someone (not "protests erupted during a visit to Kabul"); so is one in the
    "for" phrase of a verb of setting off ("left for a visit to Kabul", "boarded a plane for a visit to Kabul":
    `journey_for_verbs` in data/event_roles.yaml)."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.lower_ not in JOURNEY_PREPS | {"for"}:
        return []
    verb = noun.head.head
    if noun.head.lower_ == "for":  # "left for a visit to Japan", "boarded a plane for a visit to Japan"
        if verb.dep_ in ("dobj", "obj") and lemma_of(verb) in lexicon().vehicles:
            verb = verb.head
        if lemma_of(verb) not in _journey_for_verbs():
            return []
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):  # "was heckled during a visit": tagged as an adjective at times
        return []
    if noun.head.lower_ == "on" and lemma_of(verb) in lexicon().attribution["verbs"]:
        return []  # "commented on a visit to the camp": what was spoken of, not a journey of the speaker
    subject, _ = subject_of(verb)
    if subject is None or subject.i > noun.i + 12 or not someone(ps, subject, mentions) or is_place(
            ps, subject, mentions) or lemma_of(subject) in lexicon().noun_index:
        return []
    return with_conjuncts(subject)


def clause_subject_for(possessive: Token, noun: Token) -> Token | None:
    """"After their release, the former hostages were flown home", "the suspect was taken away after his arrest":
    a possessive pronoun on an event noun in a phrase of the clause stands for that clause's subject, when they
    agree in number (their: a plural or coordinated subject; his, her, its: a singular one). Only in a phrase of
    time ("complained about his arrest" may be someone else's)."""
    word = possessive.lower_
    if possessive.pos_ != "PRON" or word not in ("his", "her", "its", "their") or noun.dep_ != "pobj":
        return None
    verb = noun.head.head
    if noun.head.dep_ != "prep" or noun.head.lower_ not in TIME_PREPS or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    plural = subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
    return subject if plural == (word == "their") else None


def _passive_light_verbs(noun: Token) -> list[Token]:
    """Passive light verbs whose subject is the event noun: "the attack was carried out by", "the attack, which
    police said was carried out by" (the relative clause or the clause its reporting verb introduces)."""
    if noun.dep_ == "nsubjpass" and lemma_of(noun.head) in LIGHT_VERBS:
        return [noun.head]
    out = []
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        for verb in [clause, *(g for g in clause.children if g.dep_ == "ccomp")]:
            relative = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") for c in verb.children)
            if relative and lemma_of(verb) in LIGHT_VERBS and is_passive(verb):
                out.append(verb)
    return out
