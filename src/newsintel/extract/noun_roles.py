"""Roles of a nominal trigger: "the evacuation of 300 fighters", "Neu's arrest", "their escape to Jordan".

A noun event takes its participants from possessors and name compounds, from `of`/`by` phrases, from the subject
of a light verb ("carried out an attack", "signed a deal") and from a passive light verb or a participle that
describes it ("the attack was carried out by", "a truce brokered by Qatar"). Verb triggers are in `roles.py`.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.args import MentionIndex, is_country, is_place, with_conjuncts
from newsintel.extract.clause_args import when_not_who
from newsintel.extract.parse import ParsedSentence
from newsintel.extract.prep_roles import prep_args
from newsintel.extract.subjects import accused_party, described_noun, is_passive, subject_of
from newsintel.extract.triggers import FORCE, LIGHT_VERBS, MOVERS, ROLES, Trigger, lemma_of

TIME_PREPS = {"after", "since", "before", "following", "upon", "until", "till", "during"}


def _describing_participles(noun: Token) -> list[Token]:
    doc = noun.doc
    out = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for t in doc[noun.i + 1:min(len(doc), noun.i + 3)]:
        if t.dep_ == "advcl" and described_noun(t) is not None and described_noun(t).i == noun.i:
            out.append(t)
    return out



def noun_args(ps: ParsedSentence, trigger: Trigger, mentions: MentionIndex) -> dict[str, list[Token]]:
    token, name = trigger.token, trigger.type.name
    args: dict[str, list[Token]] = {role: [] for role in ROLES}
    for child in token.children:
        if when_not_who(child):
            continue  # "Sunday's bombing", "New Year's Eve assaults": when it happened, not who did it
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in ("ORG", "NORP", "PERSON", "GPE")):
            role = "actors" if name in MOVERS or name in ("ATTACK", "FIGHT", "SMUGGLE", "THREATEN", "AGREE") or \
                child.ent_type_ in ("ORG", "NORP") else "targets"
            if child.dep_ == "poss" and name in ("ARREST", "CHARGE", "RELEASE"):
                of = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
                role = "actors" if of else "targets"  # "Neu's arrest"; "the group's abduction of the girls"
            if child.dep_ == "compound" and is_place(ps, child, mentions) and (
                    name not in FORCE or not is_country(ps, child, mentions)):
                role = "location"  # "the Raqqa evacuation", "the Brussels assault"; but "US air strikes"
            args[role].append(clause_subject_for(child, token) or child)
    head = token.head
    light = token.dep_ in ("dobj", "attr") and lemma_of(head) in LIGHT_VERBS
    # "X claimed responsibility for the attack"
    claimed = token.dep_ == "pobj" and head.lower_ == "for" and lemma_of(head.head) == "responsibility"
    verb = head if light else head.head.head if claimed else None
    if name == "AGREE":  # "a deal reached with government forces", "the truce, brokered by Qatar"
        for participle in _describing_participles(token):
            if lemma_of(participle) not in LIGHT_VERBS and lemma_of(participle) not in trigger.type.verbs:
                continue  # "a deal backed by a fund", "approved by parliament": no party to it
            for prep in participle.children:
                if prep.dep_ == "agent" or (prep.dep_ == "prep" and prep.lower_ == "with"):
                    args["actors"] += [t for g in prep.children if g.dep_ == "pobj" for t in with_conjuncts(g)]
    for done_by in _passive_light_verbs(token) if name not in MOVERS else ():  # "the escape was organised by": no
        args["actors"] += [g for c in done_by.children if c.dep_ == "agent" for g in c.children  # one escaping
                           if g.dep_ == "pobj" and not g.is_punct]  # "carried out by" the attackers
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
    return args


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
