"""Figurative and other non-event senses of trigger words (`data/senses.yaml`).

A trigger lemma says what kind of event a sentence *could* report; the words around it say whether it does.
"Struck a conciliatory note", "caught red-handed", "shot to fame", "fired the coach" and "surrendered his passport"
carry an event word in another sense. These are data an analyst can extend, not rules in code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from newsintel.extract.sense_context import (
    accident_clause,
    code_name,
    described_nouns,
    in_a_game,
    in_sport,
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
from newsintel.extract.sense_figures import figure_sense
from newsintel.extract.sense_forms import (
    comparison,
    conjoined_modifier,
    figure_of_comparison,
    it_is_that,
    listed_kind,
    not_done,
    on_furniture_line,
    reader_imperative,
    state_after_linking_verb,
)
from newsintel.extract.sense_movers import no_people_moving
from newsintel.extract.sense_participants import (
    denotes_people,
    listed_things,
    object_words,
    patient_of,
    people_doers,
    thing_doer,
    thing_pronoun,
)
from newsintel.extract.sense_sentence import sentence_sense
from newsintel.extract.subjects import direct_object, is_passive, subject_of
from newsintel.extract.triggers import lemma_of
from newsintel.extract.weapon_tests import weapon_test
from newsintel.resources import load_yaml, word_set


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
    modifiers: frozenset[str] = frozenset()
    bare_prep_objects: dict[str, frozenset[str]] | None = None


@functools.cache
def it_groups() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("it_groups") or ())


@functools.cache
def adjectival() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("adjectival") or ())


@functools.cache
def senses() -> dict[str, Sense]:
    data = dict(load_yaml("senses.yaml"))
    for listed in ("weapon_tests", "sentence_senses", "accidents", "not_movers", "under_attack", "interceptions"):
        data.pop(listed, None)
    people_only, not_people = set(data.pop("people_only", [])), set(data.pop("not_people", []))
    data = {key: spec for key, spec in data.items() if not isinstance(spec, list)}  # word lists of other sections
    keys = set(data) | people_only | not_people
    return {
        key: Sense(
            word_set(data.get(key, {}), "objects"),
            word_set(data.get(key, {}), "words"),
            key in people_only,
            key in not_people,
            word_set(data.get(key, {}), "unless"),
            word_set(data.get(key, {}), "needs"),
            word_set(data.get(key, {}), "subjects"),
            word_set(data.get(key, {}), "governed_by"),
            {
                str(prep).lower(): frozenset(str(w).lower() for w in words)
                for prep, words in (data.get(key, {}).get("prep_objects") or {}).items()
            },
            word_set(data.get(key, {}), "clauses"),
            word_set(data.get(key, {}), "patient_words"),
            word_set(data.get(key, {}), "as_predicate"),
            word_set(data.get(key, {}), "modifiers"),
            {
                str(prep).lower(): frozenset(str(w).lower() for w in words)
                for prep, words in (data.get(key, {}).get("bare_prep_objects") or {}).items()
            },
        )
        for key in keys
    }


def _nearby_words(token: Token) -> set[str]:
    """Dependents of the trigger, and the objects of its prepositions ("shot to fame", "caught on camera")."""
    out: set[str] = set()
    for child in token.children:
        if child.dep_ == "advcl" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
            out |= {g.lower_ for g in child.children if g.dep_ in ("mark", "advmod")}  # "struck me as odd"
        if child.pos_ in ("VERB", "AUX") and child.dep_ != "amod":
            continue  # a clause ("killed after a bomber crashed a truck") is no sense cue; "a sponsored deal" is
        out |= {child.lower_, lemma_of(child)}
        if child.dep_ in ("advmod", "prt"):  # "came back from a knee injury", "battled their way back into the match"
            out |= {
                w
                for p in child.children
                if p.dep_ == "prep"
                for g in p.children
                if g.dep_ == "pobj"
                for w in (g.lower_, lemma_of(g))
            }
        if child.dep_ == "compound":  # "Black Friday Apple deals"
            out |= {g.lower_ for g in child.children if g.dep_ == "compound"}
        if child.dep_ in ("prep", "agent", "prt"):
            for grand in child.children:
                out |= {grand.lower_, lemma_of(grand)}
                out |= {g.lower_ for g in grand.children if g.dep_ in ("compound", "amod")}
    return out


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
        c.dep_ == "aux" and (c.lower_ == "to" or c.lower_ in UNDERTAKING_MODALS) for c in clause.children
    )


def _state_or_opinion(token: Token, key: str, sense: Sense) -> str | None:
    """The `needs`, `subjects` and `governed_by` tests of an entry (see senses.yaml)."""
    if sense.needs and not _cues(token) & sense.needs:
        return f"no event cue: {key}"
    subject, passive = subject_of(token) if token.pos_ in ("VERB", "AUX") else (None, False)
    if subject is not None and subject.lower_ in ("which", "that") and token.dep_ == "relcl":
        subject = token.head  # "Hurricane Irma, which struck Florida"
    if (
        subject is not None
        and not passive
        and ({subject.lower_} | {c.lower_ for c in subject.children if c.dep_ == "compound"}) & sense.subjects
    ):
        return f"subject: {subject.lower_} {key}"  # "I agree", "Hurricane Irma struck"
    doer = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if doer is not None and lemma_of(doer) in sense.subjects:
        return f"by: {doer.lower_} {key}"  # "was struck on the head by a wheel"
    if token.dep_ == "pobj" and token.head.lower_ in sense.governed_by:
        return f"state: {token.head.lower_} {key}"
    if (
        token.dep_ == "pobj"
        and f"{lemma_of(token.head.head)} {token.head.lower_}" in sense.governed_by
        and not (token.head.head.pos_ == "NOUN" and _aimed(token))
    ):
        return f"state: {token.head.head.lower_} {token.head.lower_} {key}"  # "went on the offensive", "at risk of
        # attack"; a danger aimed at someone is a hedged event ("a risk of attacks on the embassy")
    return None


AIMED_PREPS = frozenset({"on", "upon", "against", "at", "by"})


def _aimed(noun: Token) -> bool:
    """A noun trigger with a target or a doer of its own ("attacks on the embassy", "an attack by the rebels")."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in AIMED_PREPS) for c in noun.children)


def _prep_object(token: Token, sense: Sense) -> str | None:
    """The object of one preposition that gives the other sense ("withdrew from the race", "entered into force"),
    where the same word after another preposition does not ("forces withdrew under a deal")."""
    heads = [token, *(c for c in token.children if c.dep_ in ("prt", "advmod") or c.lower_ == "out")]  # "out of"
    bare = sense.bare_prep_objects or {}
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in bare):
        for obj in (g for g in prep.children if g.dep_ == "pobj" and g.lower_ in bare[prep.lower_]):
            after = obj.doc[obj.i + 1] if obj.i + 1 < len(obj.doc) else None
            if after is None or after.pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "NUM", "PRON"):
                return f"{prep.lower_} {obj.lower_}"  # "came back on board," (not "on board a ferry")
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
    if on_furniture_line(token):
        return "page furniture"
    if reader_imperative(token):
        return f"advice to the reader: {token.lower_}"  # "Visit the fair, Aug. 3-9"
    if comparison(token):
        return f"comparison: {token.lower_}"
    likened = figure_of_comparison(token)
    if likened:
        return f"comparison: {likened} to {token.lower_}"  # "tantamount to self-indictment"
    if listed_kind(token):
        return f"a kind of deed in a list: {token.lower_}"  # "a campaign against extremism, infiltration and ..."
    if conjoined_modifier(token):
        return f"modifier: {token.lower_} {token.head.head.lower_}"  # "a processing and detention centre"
    if state_after_linking_verb(token):
        return f"state: {token.head.lower_} {token.lower_}"
    if key in adjectival() and (token.dep_ in ("amod", "acomp", "compound") or token.tag_ == "JJ" or it_is_that(token)):
        return f"adjective: {token.lower_}"  # "a striking colour", "it is striking that", "a charging cable"
    if (token.pos_ in ("NOUN", "PROPN") and written_as_a_name(token)) or in_title_case_name(token):
        return f"a name: {token.text}"  # "seen by The Real Deal", "Attack on Titan", "Bring Back Our Girls"
    game = in_a_game(token)
    if game:
        return f"a game: {game}"
    sport = in_sport(token, key)
    if sport:
        return f"sport: {sport}"
    accident = accident_clause(token, key)
    if accident:
        return accident
    tested = weapon_test(token, key)
    if tested:
        return f"a weapons test: {tested}"  # "fired a ballistic missile into the sea"
    read_off = sentence_sense(token, key) or figure_sense(token, key)  # "under attack" in a campaign, missiles
    if read_off:  # shot down (sense_figures.py)
        return read_off  # "doctors would not say whether the boy had been released": a hospital discharge
    moving = no_people_moving(token, key)
    if moving:
        return f"no people moving: {moving}"  # "Hurricane Irma is heading to Florida"
    if key in people_doers() and token.pos_ == "VERB":
        thing = thing_doer(token)
        if thing:
            return f"no people doing it: {thing} {token.lower_}"
    patient = patient_of(token)
    if patient is not None and quoted_title(patient) and not denotes_people(patient):
        return f"a title: {patient.text}"  # "the release of \"Harbour Lights\""
    phrase = next(
        (
            f"{key} {c.lower_}"
            for c in token.children
            if c.dep_ in ("prt", "advmod") and " " not in key and f"{key} {c.lower_}" in senses()
        ),
        None,
    )
    if phrase:  # "going back to the script" is no return, nor a trip ("go" alone)
        reason = other_sense(token, phrase)
        if reason:
            return reason
    sense = senses().get(key)
    if sense is None:
        return None
    kind = next((c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and (
        c.lower_ in sense.modifiers or lemma_of(c) in sense.modifiers)), None) if token.pos_ == "NOUN" else None
    if kind is not None:
        return f"figurative: {kind.lower_} {key}"  # "a press attack", "ransomware attacks": no blow struck
    if patient is None:
        patient = misparsed_object(token)  # "and battle corruption" read as a noun
    if patient is not None and object_words(patient) & sense.objects:
        return f"figurative: {key} + {lemma_of(patient)}"  # whatever else: "fired questions at the minister"
    listed = listed_things(patient, sense.objects)
    if listed is not None:
        return f"figurative: {key} + {listed}"  # "recruited X, Y and three other lander designs"
    other_object = next(
        (
            c
            for c in token.children
            if c.dep_ in ("dobj", "obj") and c is not patient and object_words(c) & sense.objects
        ),
        None,
    )
    if other_object is not None and token.pos_ in ("VERB", "AUX"):  # "that firms are targeting 20 hours": "that" read
        return f"figurative: {key} + {lemma_of(other_object)}"  # as the object of a relative clause, the real one after
    if (
        patient is not None
        and sense.patient_words
        and ({c.lower_ for c in patient.children} | {lemma_of(c) for c in patient.children}) & sense.patient_words
    ):
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
        dated = (
            patient
            if patient is not None
            else next((c for c in token.children if c.dep_ in ("npadvmod", "dobj", "obj") and c.pos_ == "PROPN"), None)
        )
        if dated is None or dated.ent_type_ not in ("DATE", "TIME"):  # "the others are targeted for late in
            dated = scheduled_for(token)  # the month"; not "targeted for the third time this week"
        if dated is not None:
            return f"date: {key} + {dated.lower_}"
    nearby = nearby_all & sense.words
    if nearby:
        return f"figurative: {key} + {sorted(nearby)[0]}"
    if (
        sense.people_only
        and patient is not None
        and (patient.pos_ in ("NOUN", "PROPN") or patient.ent_type_ == "MONEY")
        and not denotes_people(patient)
    ):
        return f"not people: {key} + {lemma_of(patient)}"
    if sense.people_only and patient is not None and code_name(patient):
        return f"not people: {key} + {patient.text}"  # "the release of IL-6": a substance
    if sense.people_only and patient is not None and thing_pronoun(patient) and key not in it_groups():
        return f"not people: {key} + {patient.lower_}"  # "the will was never signed or executed": people are
        # never "it"
    owner = next((c for c in token.children if c.dep_ == "poss"), None) if token.pos_ == "NOUN" else None
    if (
        sense.people_only
        and owner is not None
        and owner.pos_ == "NOUN"
        and not owner.ent_type_
        and (not denotes_people(owner))
    ):
        return f"not people: {owner.lower_}'s {key}"  # "the bird's return", "the album's release"
    if sense.not_people and patient is not None and denotes_people(patient) and not patient.like_num:
        return f"people: {key} + {patient.lower_}"
    if key in one_person_keys() and patient is not None and one_person(patient):
        return f"one person: {key} + {patient.lower_}"
    return None
