"""Figurative and other non-event senses of trigger words (`data/senses.yaml`).

A trigger lemma says what kind of event a sentence *could* report; the words around it say whether it does.
"Struck a conciliatory note", "caught red-handed", "shot to fame", "fired the coach" and "surrendered his passport"
carry an event word in another sense. These are data an analyst can extend, not rules in code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from newsintel.extract.describe import actor_words
from newsintel.extract.roles import direct_object, is_passive, lemma_of, subject_of
from newsintel.resources import load_yaml

PEOPLE_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "himself", "herself", "themselves", "ourselves",
                             "you", "he", "she", "they", "we", "i", "who", "whom", "one", "others", "some", "all",
                             "both", "many", "several", "most", "those", "these", "each", "everyone", "anyone"})
PEOPLE_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})

@dataclass(frozen=True, slots=True)
class Sense:
    objects: frozenset[str]
    words: frozenset[str]
    people_only: bool
    not_people: bool
    unless: frozenset[str]
    needs: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    governed_by: frozenset[str] = frozenset()


@functools.cache
def people_nouns() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml")["people_nouns"])


@functools.cache
def adjectival() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("adjectival") or ())


@functools.cache
def people_doers() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("people_doers") or ())


def thing_doer(token: Token) -> str | None:
    """The doer of the trigger is a common noun for no people: "tensions are threatening to slow growth", "a probe
    that threatened to topple the firm", "an iceberg surrounded by a blue halo". A participle after a noun ("the
    events surrounding his death") has no doer at all."""
    if token.dep_ == "acl" and token.tag_ == "VBG":
        return token.head.lower_
    subject, passive = subject_of(token)
    if passive:
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        subject = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    elif subject is not None and subject.lower_ in ("that", "which") and token.dep_ == "relcl":
        subject = token.head  # "a probe that has threatened"
    elif subject is not None and subject.head.i != token.i:
        return None  # a subject borrowed from another verb ("filed charges ... on suspicion of threatening her")
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ or denotes_people(subject):
        return None
    return subject.lower_


@functools.cache
def not_done_nouns() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("not_done") or ())


def not_done(token: Token) -> bool:
    """An infinitive after a noun saying it did not happen: "the government's failure to free them", "their
    refusal to leave" (the modality chain stops at such nouns, as it must for "his plan to travel")."""
    return (token.dep_ == "acl" and lemma_of(token.head) in not_done_nouns()
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def _words(spec: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in spec.get(key) or ())


@functools.cache
def senses() -> dict[str, Sense]:
    data = dict(load_yaml("senses.yaml"))
    data.pop("people_nouns", None)
    data.pop("adjectival", None)
    data.pop("not_done", None)
    data.pop("people_doers", None)
    people_only, not_people = set(data.pop("people_only", [])), set(data.pop("not_people", []))
    keys = set(data) | people_only | not_people
    return {key: Sense(_words(data.get(key, {}), "objects"), _words(data.get(key, {}), "words"), key in people_only,
                       key in not_people, _words(data.get(key, {}), "unless"), _words(data.get(key, {}), "needs"),
                       _words(data.get(key, {}), "subjects"), _words(data.get(key, {}), "governed_by"))
            for key in keys}


def patient_of(token: Token) -> Token | None:
    """Who or what undergoes the trigger: its object, the subject of a passive, or a noun's "of"-object."""
    if token.pos_ in ("NOUN", "PROPN"):
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if is_passive(token):
        subject, passive = subject_of(token)
        if subject is not None and passive:
            return subject
        return token.head if token.dep_ == "acl" else None  # "the coach fired on Monday"
    return direct_object(token)


def _nearby_words(token: Token) -> set[str]:
    """Dependents of the trigger, and the objects of its prepositions ("shot to fame", "caught on camera")."""
    out: set[str] = set()
    for child in token.children:
        if child.dep_ == "advcl" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
            out |= {g.lower_ for g in child.children if g.dep_ in ("mark", "advmod")}  # "struck me as odd"
        if child.pos_ in ("VERB", "AUX"):
            continue  # a clause ("killed after a bomber crashed a truck") is no sense cue
        out |= {child.lower_, lemma_of(child)}
        if child.dep_ in ("prep", "agent", "prt"):
            for grand in child.children:
                out |= {grand.lower_, lemma_of(grand)}
                out |= {g.lower_ for g in grand.children if g.dep_ in ("compound", "amod")}
    return out


def denotes_people(token: Token) -> bool:
    """The noun phrase headed by `token` stands for people or a group ("20 prisoners", "the men", "him", "ISIS",
    "dozens of fighters"), as far as the lexicons know."""
    words = actor_words()
    lemma = lemma_of(token)
    if token.ent_type_ == "MONEY" or any(c.ent_type_ == "MONEY" for c in token.children):
        return False  # "brought back $312 billion"
    if token.lower_ in PEOPLE_PRONOUNS or token.ent_type_ in PEOPLE_ENTITY_TYPES or token.like_num:
        return True
    lexicons = (people_nouns(), words.role_of, words.person_nouns, words.group_nouns, words.female, words.male)
    if any(lemma in lexicon or token.lower_ in lexicon for lexicon in lexicons):
        return True
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:  # "dozens of fighters", "a group of migrants"
        return any(denotes_people(g) for g in of.children if g.dep_ == "pobj")
    return False


def thing_mover(verb: Token) -> bool:
    """A movement verb whose subject is a common noun for no people: "growth came back", "the tug of gravity
    brought the gas back" (vehicles and collectives are judged by events.py)."""
    subject, passive = subject_of(verb)
    if subject is None or passive or subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    return not denotes_people(subject)


def _cues(token: Token) -> set[str]:
    """What can show the event sense of a `needs` entry: the dependents, the governing word ("reached a
    settlement"), the words of an infinitive or clause it governs ("agreed to hold talks"), and "<object>" when
    something undergoes it."""
    out = _nearby_words(token) | {token.head.lower_, lemma_of(token.head)}
    clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    out |= {lemma_of(c) for c in clauses} | {g.lower_ for c in clauses for g in c.children}
    if patient_of(token) is not None:
        out.add("<object>")
    return out


def _state_or_opinion(token: Token, key: str, sense: Sense) -> str | None:
    """The `needs`, `subjects` and `governed_by` tests of an entry (see senses.yaml)."""
    if sense.needs and not _cues(token) & sense.needs:
        return f"no event cue: {key}"
    subject, passive = subject_of(token) if token.pos_ in ("VERB", "AUX") else (None, False)
    if subject is not None and not passive and ({subject.lower_} | {
            c.lower_ for c in subject.children if c.dep_ == "compound"}) & sense.subjects:
        return f"subject: {subject.lower_} {key}"  # "I agree", "Hurricane Irma struck"
    if token.dep_ == "pobj" and token.head.lower_ in sense.governed_by:
        return f"state: {token.head.lower_} {key}"
    return None


def _it_is_that(token: Token) -> bool:
    """'It is striking that/how ...': an adjective read as a verb, its subject the dummy 'it' and a clause after."""
    subject, _ = subject_of(token)
    return (subject is not None and subject.lower_ == "it" and direct_object(token) is None
            and any(c.dep_ == "ccomp" and c.i > token.i for c in token.children))


def other_sense(token: Token, key: str) -> str | None:
    """The reason the trigger `token` (entry `key`: a lemma, or "hand over") is used in a non-event sense here,
    or None."""
    if not_done(token):
        return f"not done: {token.head.lower_} to {token.lower_}"
    if key in adjectival() and (token.dep_ in ("amod", "acomp", "compound") or token.tag_ == "JJ"
                                or _it_is_that(token)):
        return f"adjective: {token.lower_}"  # "a striking colour", "it is striking that", "a charging cable"
    if key in people_doers() and token.pos_ == "VERB":
        thing = thing_doer(token)
        if thing:
            return f"no people doing it: {thing} {token.lower_}"
    sense = senses().get(key)
    if sense is None:
        return None
    nearby_all = _nearby_words(token)
    if nearby_all & sense.unless:
        return None
    reason = _state_or_opinion(token, key, sense)
    if reason:
        return reason
    patient = patient_of(token)
    if patient is not None and lemma_of(patient) in sense.objects:
        return f"figurative: {key} + {lemma_of(patient)}"
    second = direct_object(token) if token.pos_ == "VERB" and is_passive(token) else None
    if second is not None and lemma_of(second) in sense.objects:
        return f"figurative: {key} + {lemma_of(second)}"  # "you will be charged a monthly fee"
    if "<date>" in sense.objects:  # "targeting November": the object, or a bare date where it would be
        dated = patient if patient is not None else next(
            (c for c in token.children if c.dep_ in ("npadvmod", "dobj", "obj") and c.pos_ == "PROPN"), None)
        if dated is not None and dated.ent_type_ in ("DATE", "TIME"):
            return f"date: {key} + {dated.lower_}"
    nearby = nearby_all & sense.words
    if nearby:
        return f"figurative: {key} + {sorted(nearby)[0]}"
    if sense.people_only and patient is not None and (
            patient.pos_ in ("NOUN", "PROPN") or patient.ent_type_ == "MONEY") and not denotes_people(patient):
        return f"not people: {key} + {lemma_of(patient)}"
    if sense.not_people and patient is not None and denotes_people(patient) and not patient.like_num:
        return f"people: {key} + {patient.lower_}"
    return None
