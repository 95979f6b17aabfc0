"""Figurative and other non-event senses of trigger words (`data/senses.yaml`).

A trigger lemma says what kind of event a sentence *could* report; the words around it say whether it does.
"Struck a conciliatory note", "caught red-handed", "shot to fame", "fired the coach" and "surrendered his passport"
carry an event word in another sense. These are data an analyst can extend, not rules in code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Token

from newsintel.extract.describe import actor_words, furniture_lines
from newsintel.extract.lexicon import lexicon
from newsintel.extract.roles import direct_object, is_passive, lemma_of, subject_of
from newsintel.extract.sense_context import (
    accident_clause,
    described_nouns,
    in_a_game,
    in_title_case_name,
    misparsed_object,
    one_person,
    one_person_keys,
    predicate_judgement,
    purpose_clause,
    quoted_title,
    scheduled_for,
    written_as_a_name,
)
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
    prep_objects: dict[str, frozenset[str]] | None = None
    clauses: frozenset[str] = frozenset()
    patient_words: frozenset[str] = frozenset()
    as_predicate: frozenset[str] = frozenset()


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
    refusal to leave" (the modality chain stops at such nouns, as it must for "his plan to travel"); a capability
    ("a missile capable of reaching Guam")."""
    if token.dep_ == "pcomp" and token.head.lower_ == "of" and lemma_of(token.head.head) in ("capable", "incapable"):
        return True
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
    data.pop("time_nouns", None)
    data.pop("one_person", None)
    data.pop("game_words", None)
    data.pop("accidents", None)
    people_only, not_people = set(data.pop("people_only", [])), set(data.pop("not_people", []))
    keys = set(data) | people_only | not_people
    return {key: Sense(_words(data.get(key, {}), "objects"), _words(data.get(key, {}), "words"), key in people_only,
                       key in not_people, _words(data.get(key, {}), "unless"), _words(data.get(key, {}), "needs"),
                       _words(data.get(key, {}), "subjects"), _words(data.get(key, {}), "governed_by"),
                       {str(prep).lower(): frozenset(str(w).lower() for w in words)
                        for prep, words in (data.get(key, {}).get("prep_objects") or {}).items()},
                       _words(data.get(key, {}), "clauses"), _words(data.get(key, {}), "patient_words"),
                       _words(data.get(key, {}), "as_predicate"))
            for key in keys}


RELATIVE_PRONOUNS = frozenset({"that", "which", "whom", "who"})


def patient_of(token: Token) -> Token | None:
    """Who or what undergoes the trigger: its object, the subject of a passive, or a noun's "of"-object; in a
    relative clause whose object is the relative pronoun, or left out, the noun it describes ("a grounder that he
    fired", "the ball he fired")."""
    if token.pos_ in ("NOUN", "PROPN"):
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if is_passive(token) or _shares_passive(token):
        subject, passive = subject_of(token)
        if subject is not None and (passive or _shares_passive(token)):
            return subject
        return token.head if token.dep_ == "acl" else None  # "the coach fired on Monday"
    obj = direct_object(token)
    if obj is None and all(c.dep_ in ("cc", "conj", "punct") for c in token.children if c.i > token.i):
        # one object for two verbs: "easier to shoot and share photos", "shot and killed the driver" (not
        # "returned home and released a statement")
        partner = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
        obj = direct_object(partner) if partner is not None and not is_passive(partner) else None
    if token.dep_ == "relcl" and (obj is None or obj.lower_ in RELATIVE_PRONOUNS):
        own = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if own is not None and own.lower_ not in RELATIVE_PRONOUNS and token.head.pos_ in ("NOUN", "PROPN"):
            return token.head
    return obj


def _shares_passive(token: Token) -> bool:
    """A participle joined to a passive verb shares its voice and subject: "the bird was caught and set free"."""
    return (token.dep_ == "conj" and token.tag_ == "VBN" and is_passive(token.head)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for c in token.children))


def _nearby_words(token: Token) -> set[str]:
    """Dependents of the trigger, and the objects of its prepositions ("shot to fame", "caught on camera")."""
    out: set[str] = set()
    for child in token.children:
        if child.dep_ == "advcl" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
            out |= {g.lower_ for g in child.children if g.dep_ in ("mark", "advmod")}  # "struck me as odd"
        if child.pos_ in ("VERB", "AUX"):
            continue  # a clause ("killed after a bomber crashed a truck") is no sense cue
        out |= {child.lower_, lemma_of(child)}
        if child.dep_ == "compound":  # "Black Friday Apple deals"
            out |= {g.lower_ for g in child.children if g.dep_ == "compound"}
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
    if of is not None and (lemma in lexicon().collectives or token.lower_ in lexicon().collectives):
        # "dozens of fighters", "a group of migrants"; not "the names of the crew members"
        return any(denotes_people(g) for g in of.children if g.dep_ == "pobj")
    return False


THING_PRONOUNS = frozenset({"it", "this", "that"})


def thing_mover(verb: Token) -> bool:
    """A movement verb whose subject is a common noun for no people ("growth came back", "the tug of gravity
    brought the gas back", "missiles that flew over Japan") or a pronoun for a thing ("it landed in the sea",
    "when will this arrive in Manila": people are never "it"; a relative "that" is judged by its noun). Vehicles
    and collectives are judged by events.py."""
    subject, passive = subject_of(verb)
    if subject is not None and subject.lower_ in ("that", "which") and subject.head.dep_ == "relcl":
        # a relative pronoun stands for the noun its clause describes, a thing or people: "missiles that flew",
        # "people that threatened to leave", "migrants that tried to cross" ("who" speaks of people)
        subject = subject.head.head
    if subject is None or passive:
        return False
    if subject.lower_ in THING_PRONOUNS and subject.pos_ == "PRON":  # its own subject, or one it shares
        own = subject.head.i == verb.i or (verb.dep_ in ("xcomp", "conj") and subject.head.i == verb.head.i)
        return own and not _group_before(subject)
    if subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    return not denotes_people(subject)


GROUP_ENTITY_TYPES = frozenset({"ORG", "NORP", "GPE"})


def _group_before(pronoun: Token) -> bool:
    """The pronoun may stand for a group that reports what it did: "the army said it had entered the town", "the
    group claimed it had fled" (a country, a company or an army is "it" too). Only a clause reported by the group
    counts: "North Korea launches a missile, sending people running as it flew over" keeps the thing, and "It
    landed in the sea" alone stays a thing."""
    clause = pronoun.head
    while clause.dep_ in ("conj", "xcomp"):
        clause = clause.head
    verbs = lexicon().attribution
    if clause.dep_ != "ccomp" or lemma_of(clause.head) not in {*verbs["verbs"], *verbs["belief_verbs"]}:
        return False
    subject, _ = subject_of(clause.head)
    if subject is None or subject.pos_ == "PRON":
        return False
    lemma = lemma_of(subject)  # a group, not people ("officials said it landed": people are never "it")
    return subject.ent_type_ in GROUP_ENTITY_TYPES or lemma in actor_words().group_nouns or (
        lemma in lexicon().collectives)


def _cues(token: Token) -> set[str]:
    """What can show the event sense of a `needs` entry: the dependents, the governing word ("reached a
    settlement"), the words of an infinitive or clause it governs ("agreed to hold talks"), "<object>" when
    something undergoes it, "<owner>" or "<dated>" for a possessive person or date."""
    out = _nearby_words(token) | {token.head.lower_, lemma_of(token.head)}
    clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp") and not _view_held(c)]
    out |= {lemma_of(c) for c in clauses} | {g.lower_ for c in clauses for g in c.children}
    if any(g.dep_ == "aux" and g.lower_ in UNDERTAKING_MODALS for c in clauses for g in c.children):
        out.add("<undertaking>")  # "agreed that their navies would patrol the coast"
    if patient_of(token) is not None or (token.pos_ == "VERB" and is_passive(token)):
        out.add("<object>")  # a passive has someone undergo it, named or not ("the first of them to be freed")
    owners = [c for c in token.children if c.dep_ == "poss"]
    if any(c.ent_type_ not in ("DATE", "TIME") and c.lower_ != "its" for c in owners):
        out.add("<owner>")  # "his capture", "the rebel leader's capture"; not "Saturday night's captures", nor
        # a thing's ("its release": a film's, "its execution": a product's)
    if any(c.ent_type_ in ("DATE", "TIME") for c in owners):
        out.add("<dated>")  # "Thursday's release"
    return out


UNDERTAKING_MODALS = frozenset({"would", "will", "shall", "should", "must", "'d", "'ll"})


def _view_held(clause: Token) -> bool:
    """A finite clause with a subject of its own and no modal of an undertaking is a view held, whose words show
    no event ("agreed that the pipeline poses a risk to the coast"); "agreed that troops would withdraw" is an
    undertaking, and an infinitive ("agreed to hold talks") is what was agreed."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and not any(
        c.dep_ == "aux" and (c.lower_ == "to" or c.lower_ in UNDERTAKING_MODALS) for c in clause.children)


def _state_or_opinion(token: Token, key: str, sense: Sense) -> str | None:
    """The `needs`, `subjects` and `governed_by` tests of an entry (see senses.yaml)."""
    if sense.needs and not _cues(token) & sense.needs:
        return f"no event cue: {key}"
    subject, passive = subject_of(token) if token.pos_ in ("VERB", "AUX") else (None, False)
    if subject is not None and subject.lower_ in ("which", "that") and token.dep_ == "relcl":
        subject = token.head  # "Hurricane Irma, which struck Florida"
    if subject is not None and not passive and ({subject.lower_} | {
            c.lower_ for c in subject.children if c.dep_ == "compound"}) & sense.subjects:
        return f"subject: {subject.lower_} {key}"  # "I agree", "Hurricane Irma struck"
    doer = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if doer is not None and lemma_of(doer) in sense.subjects:
        return f"by: {doer.lower_} {key}"  # "was struck on the head by a wheel"
    if token.dep_ == "pobj" and token.head.lower_ in sense.governed_by:
        return f"state: {token.head.lower_} {key}"
    if token.dep_ == "pobj" and f"{lemma_of(token.head.head)} {token.head.lower_}" in sense.governed_by:
        return f"state: {token.head.head.lower_} {token.head.lower_} {key}"  # "went on the offensive"
    return None


def _on_furniture_line(token: Token) -> bool:
    """The trigger is on a line of page furniture within its sentence: a list of other stories' headlines under
    a heading in capitals ("MOST READ IN NEWS ..."), a gallery slide caption ("9/16 ..."), a byline or credit
    (cues in data/actors.yaml, shared with the actors)."""
    text = token.doc.text
    spans = furniture_lines(text)
    if spans and spans[0][0] == 0 and _DATE_LIKE_SLIDE.match(text):
        spans = spans[1:]  # "9/11 hijackers ...": a date, no slide number
    return any(start <= token.idx < end for start, end in spans)


_DATE_LIKE_SLIDE = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}\s+[a-z]")


LINKING_VERBS = frozenset({"feel", "felt", "seem", "appear", "look", "sound"})  # "felt": the lemma of an aux


def _state_after_linking_verb(token: Token) -> bool:
    """A participle after a linking verb is a state or an impression: "I didn't feel threatened", "he does not
    want to appear threatening" (not "appeared to threaten": an infinitive)."""
    if token.tag_ not in ("VBN", "VBG", "JJ"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and lemma_of(c) in LINKING_VERBS for c in token.children):
        return True  # the parser's "felt/aux threatened"
    return (token.dep_ in ("acomp", "xcomp", "oprd") and lemma_of(token.head) in LINKING_VERBS
            and not any(c.dep_ == "aux" for c in token.children))


def _comparison(token: Token) -> bool:
    """The trigger's clause is only a comparison: "it's like he shot us", "as if they had been attacked"."""
    for clause in (token, token.head):
        for mark in (c for c in clause.children if c.dep_ == "mark"):
            before = token.doc[mark.i - 1].lower_ if mark.i > 0 else ""
            if mark.lower_ in ("if", "though") and before == "as":
                return True
            if mark.lower_ == "like" and clause.dep_ in ("advcl", "ccomp") and (
                    lemma_of(clause.head) == "be" or clause.head.lower_ in ("'s", "’s")) and any(
                    c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in clause.head.children):
                return True
        if clause.dep_ not in ("conj", "xcomp"):
            break
    return False


def _it_is_that(token: Token) -> bool:
    """'It is striking that/how ...': an adjective read as a verb, its subject the dummy 'it' and a clause after."""
    subject, _ = subject_of(token)
    return (subject is not None and subject.lower_ == "it" and direct_object(token) is None
            and any(c.dep_ == "ccomp" and c.i > token.i for c in token.children))


QUANTIFIERS = frozenset({"all", "some", "most", "much", "part", "rest", "none", "any", "each", "many", "more"})


def _object_words(patient: Token) -> set[str]:
    """What an object is matched by in `objects`: its lemma, or that of what a quantifier counts ("all of the
    data"); the name before a product's model ("a MacBook Pro": macbook); "<money>" for a sum ("escaped $1 billion
    in taxes")."""
    out = {lemma_of(patient)}
    if patient.lower_ in QUANTIFIERS:  # "all of the survey's data": the data
        out |= {lemma_of(g) for c in patient.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"}
    if patient.pos_ == "PROPN":
        out |= {lemma_of(c) for c in patient.children if c.dep_ == "compound"}
    if patient.ent_type_ == "MONEY" or any(c.ent_type_ == "MONEY" for c in patient.children):
        out.add("<money>")
    return out


def _prep_object(token: Token, sense: Sense) -> str | None:
    """The object of one preposition that gives the other sense ("withdrew from the race", "entered into force"),
    where the same word after another preposition does not ("forces withdrew under a deal")."""
    heads = [token, *(c for c in token.children if c.dep_ in ("prt", "advmod") or c.lower_ == "out")]  # "out of"
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in (sense.prep_objects or {})):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            for word in (obj, *obj.conjuncts):
                if lemma_of(word) in sense.prep_objects[prep.lower_] or word.lower_ in sense.prep_objects[prep.lower_]:
                    return f"{prep.lower_} {word.lower_}"
    return None


def other_sense(token: Token, key: str) -> str | None:
    """The reason the trigger `token` (entry `key`: a lemma, or "hand over") is used in a non-event sense here,
    or None."""
    if not_done(token):
        return f"not done: {token.head.lower_} to {token.lower_}"
    if _on_furniture_line(token):
        return "page furniture"
    if _comparison(token):
        return f"comparison: {token.lower_}"
    if _state_after_linking_verb(token):
        return f"state: {token.head.lower_} {token.lower_}"
    if key in adjectival() and (token.dep_ in ("amod", "acomp", "compound") or token.tag_ == "JJ"
                                or _it_is_that(token)):
        return f"adjective: {token.lower_}"  # "a striking colour", "it is striking that", "a charging cable"
    if (token.pos_ in ("NOUN", "PROPN") and written_as_a_name(token)) or in_title_case_name(token):
        return f"a name: {token.text}"  # "seen by The Real Deal", "Attack on Titan", "Bring Back Our Girls"
    game = in_a_game(token)
    if game:
        return f"a game: {game}"
    accident = accident_clause(token, key)
    if accident:
        return accident
    if key in people_doers() and token.pos_ == "VERB":
        thing = thing_doer(token)
        if thing:
            return f"no people doing it: {thing} {token.lower_}"
    patient = patient_of(token)
    if patient is not None and quoted_title(patient) and not denotes_people(patient):
        return f"a title: {patient.text}"  # "the release of \"Harbour Lights\""
    sense = senses().get(key)
    if sense is None:
        return None
    if patient is None:
        patient = misparsed_object(token)  # "and battle corruption" read as a noun
    if patient is not None and _object_words(patient) & sense.objects:
        return f"figurative: {key} + {lemma_of(patient)}"  # whatever else: "fired questions at the minister"
    if patient is not None and sense.patient_words and (
            {c.lower_ for c in patient.children} | {lemma_of(c) for c in patient.children}) & sense.patient_words:
        return f"figurative: {key} + {lemma_of(patient)}"  # "free two people trapped in the wreckage": a rescue
    judged = predicate_judgement(token, sense.as_predicate) if sense.as_predicate else None
    if judged:
        return f"a judgement: {judged} {key}"  # "the keyboard is a big deal", "that's a deal"
    described = described_nouns(token) & sense.objects if patient is None else set()
    if described:
        return f"figurative: {key} + {sorted(described)[0]}"  # "the novel, 'Winter', released in 2011"
    purpose = purpose_clause(token, sense.clauses) if sense.clauses else None
    if purpose:
        return f"figurative: {key} to {purpose}"  # "fought to gain access", "agreed to play the part"
    left = _prep_object(token, sense)
    if left:
        return f"figurative: {key} {left}"  # "withdrew from the race"; not "withdrew under a deal"
    nearby_all = _nearby_words(token)
    if nearby_all & sense.unless:
        return None
    reason = _state_or_opinion(token, key, sense)
    if reason:
        return reason
    second = direct_object(token) if token.pos_ == "VERB" and is_passive(token) else None
    if second is not None and lemma_of(second) in sense.objects:
        return f"figurative: {key} + {lemma_of(second)}"  # "you will be charged a monthly fee"
    if "<date>" in sense.objects:  # "targeting November": the object, or a bare date where it would be
        dated = patient if patient is not None else next(
            (c for c in token.children if c.dep_ in ("npadvmod", "dobj", "obj") and c.pos_ == "PROPN"), None)
        if dated is None or dated.ent_type_ not in ("DATE", "TIME"):  # "the others are targeted for late in
            dated = scheduled_for(token)  # the month"; not "targeted for the third time this week"
        if dated is not None:
            return f"date: {key} + {dated.lower_}"
    nearby = nearby_all & sense.words
    if nearby:
        return f"figurative: {key} + {sorted(nearby)[0]}"
    if sense.people_only and patient is not None and (
            patient.pos_ in ("NOUN", "PROPN") or patient.ent_type_ == "MONEY") and not denotes_people(patient):
        return f"not people: {key} + {lemma_of(patient)}"
    if sense.not_people and patient is not None and denotes_people(patient) and not patient.like_num:
        return f"people: {key} + {patient.lower_}"
    if key in one_person_keys() and patient is not None and one_person(patient):
        return f"one person: {key} + {patient.lower_}"
    return None
