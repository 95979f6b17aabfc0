"""Who moves in a movement event is a person or a group of people; some movers never are (`not_movers` in
`data/events.yaml`): "Hurricane Irma is heading to Florida", "the capsule returned to Earth", "plans to move the
company back to Texas", "goods were sent back". A movement word there reports weather, spaceflight or business, no
journey an analyst follows.

The mover is the subject (a passive's too, and for a verb of `moved_object` its object), a nominal trigger's
"of"-object or owner, or the subject of the verb a nominal trigger is the object of ("the boosters managed a
safe return"). A common noun is judged by its lemma, a name by its entity label or the class word before it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from newsintel.extract.antecedents import syntactic_antecedent
from newsintel.extract.lexicon import lexicon
from newsintel.extract.sense_participants import denotes_people
from newsintel.extract.subjects import direct_object, subject_of
from newsintel.extract.triggers import lemma_of
from newsintel.resources import load_yaml

RELATIVE_PRONOUNS = frozenset({"that", "which"})
# verbs whose subject makes the movement their object names ("made the journey", "managed a safe return"); not
# "strong winds delayed the plane's arrival"
MOVER_VERBS = frozenset(
    {
        "make",
        "manage",
        "complete",
        "begin",
        "start",
        "attempt",
        "undertake",
        "take",
        "plan",
        "continue",
        "finish",
        "embark",
        "survive",  # "parts of the station could survive the journey to Earth"
        "endure",
    }
)


@dataclass(frozen=True, slots=True)
class MoverRules:
    kinds: dict[str, frozenset[str]]  # kind ("weather") -> lemmas and class words
    entities: frozenset[str]  # entity labels of things ("PRODUCT")
    moved_object: frozenset[str]  # trigger keys whose object is who moves


@functools.cache
def mover_rules() -> dict[str, MoverRules]:
    """Trigger key ("return", "come back", "journey") -> the rules of its movement type."""
    out: dict[str, MoverRules] = {}
    for spec in load_yaml("events.yaml").values():
        if not isinstance(spec, dict) or not spec.get("not_movers"):
            continue
        kinds = {
            kind: frozenset(str(w).lower() for w in words)
            for kind, words in (spec["not_movers"] | _more_kinds()).items()
            if kind != "entities"
        }
        rules = MoverRules(
            kinds, frozenset(spec["not_movers"].get("entities") or ()), frozenset(spec.get("moved_object") or ())
        )
        for key in [*(spec.get("verbs") or ()), *(spec.get("nouns") or ())]:
            out.setdefault(str(key), rules)
    return out


def _more_kinds() -> dict[str, list[str]]:
    """Kinds of mover kept with the senses (`not_movers` in data/senses.yaml): the sea's own motion, a launch."""
    return dict(load_yaml("senses.yaml").get("not_movers") or {})


def _movers(token: Token, key: str, rules: MoverRules) -> list[Token]:
    """Who moves, as far as the clause says."""
    if token.pos_ in ("NOUN", "PROPN"):
        out = [
            g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        out += [c for c in token.children if c.dep_ == "poss"]
        vehicles = [t for t in out if _vehicle(t)]
        if vehicles:
            return (
                vehicles  # "the plane's arrival": a vehicle's own (GUIDELINES.md decision 17); a convoy carries people
            )
        if token.dep_ == "dobj" and lemma_of(token.head) in MOVER_VERBS:  # "both boosters managed a safe return"
            subject, passive = subject_of(token.head)
            out += [subject] if subject is not None and not passive else []
        return out
    obj = direct_object(token)
    if obj is not None and key in rules.moved_object:
        return [obj]  # the subject makes it move: "the firm moved its staff to Dubai"
    subject, _ = subject_of(token)
    return [subject] if subject is not None else []


def _vehicle(noun: Token) -> bool:
    """A vehicle moving on its own, no people ("the plane's arrival"); a convoy carries people."""
    lemma = lemma_of(noun)
    return noun.pos_ in ("NOUN", "PROPN") and lemma in lexicon().vehicles and lemma not in lexicon().collectives


def _noun_of(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes ("a rocket that returned to Earth"), what is said
    to be with "be" for its subject ("that launch was the third this year to fly over the archipelago"); a number or
    a collective for its "of"-object ("two of its booster rockets return to Earth", "dozens of fighters")."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    if token.dep_ == "attr" and token.head.lemma_ == "be" and token.pos_ in ("ADJ", "NUM", "NOUN", "PRON"):
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:  # "that launch was the third to fly over ...": the launch flew
            token = subject
    if token.like_num or token.pos_ == "NUM" or lemma_of(token) in lexicon().collectives:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if whole is not None and not _vehicle(whole):  # "a convoy of buses" carries people
            return whole
    return token


def _kind(noun: Token, rules: MoverRules) -> str | None:
    if _vehicle(noun) and noun.dep_ in ("poss", "pobj"):
        return "vehicle"
    if noun.ent_type_ in rules.entities:
        return noun.ent_type_.lower()
    # a person's name is no planet ("Venus Williams", "Bruno Mars"): only a class word outside it counts
    words = set() if noun.ent_type_ == "PERSON" else {noun.lower_, lemma_of(noun)}
    if noun.pos_ == "PROPN":  # a name with its class word before it: "Hurricane Irma", "Typhoon Haima"
        classes = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i]
        classes += [g for c in classes if not c.is_alpha for g in c.children if g.dep_ == "compound"]  # "Flight #4"
        words |= {c.lower_ for c in classes if c.ent_type_ != "PERSON"}
    return next((kind for kind, lemmas in rules.kinds.items() if words & lemmas), None)


def _stands_for(mover: Token) -> Token:
    """A pronoun subject stands for the noun a clause governing it names ("eddies pair up so that they travel east":
    the eddies travel); anything else for itself (a possessive is left alone: "the winds forced the pilots to delay
    their arrival" is the pilots')."""
    if mover.pos_ != "PRON" or mover.dep_ not in ("nsubj", "nsubjpass"):
        return mover
    antecedent = syntactic_antecedent(mover, lambda t: t.ent_type_ or None)
    return antecedent if antecedent is not None and antecedent.pos_ in ("NOUN", "PROPN") else mover


def no_people_moving(token: Token, key: str) -> str | None:
    """The reason a movement trigger (entry `key`) moves no people here ("weather: hurricane"), or None."""
    rules = mover_rules().get(key)
    if rules is None:
        return None
    for mover in _movers(token, key, rules):
        noun = _noun_of(_stands_for(mover))
        kind = _kind(noun, rules)
        if kind is not None:
            return f"{kind}: {noun.lower_}"
        if _to_space(token) and noun.pos_ != "PRON" and not denotes_people(noun):
            return f"spacecraft: {noun.lower_}"  # "the Kestrel mission will reach Titan in 2034"
        named_body = noun.ent_type_ == "ORG" or (noun.pos_ == "PROPN" and not noun.ent_type_)
        if named_body and token.pos_ in ("VERB", "AUX"):
            cue = next((t.lower_ for t in token.sent if t.lower_ in company_move_cues() and t.i != noun.i), None)
            if cue:  # "the chipmaker moved from California after a merger": a company's seat
                return f"company: {noun.lower_} ({cue})"
    return None


def _to_space(token: Token) -> bool:
    """The movement ends at a body in space or in orbit ("reach Titan", "heading to Mars"): only craft go there
    in the news; astronauts are people and stay movers."""
    places = [c for c in token.children if c.dep_ in ("dobj", "obj")]
    places += [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "toward", "towards", "for", "into")
               for g in c.children if g.dep_ == "pobj"]
    return any(p.lower_ in space_destinations() for p in places)


@functools.cache
def space_destinations() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("senses.yaml").get("space_destinations") or ())


@functools.cache
def company_move_cues() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("senses.yaml").get("company_move_cues") or ())
