"""Parties of an event noun named outside its noun phrase, for every noun of the types that have two sides.

The noun finders (`noun_roles.py`) read the noun's own phrase: "Israel's deal", "the deal between A and B". Reports
often name the parties around it instead:
- "concluded a deal with the sellers", "signed an accord with the government": the "with" phrase on the noun or on
  the verb that makes the deal names the other side; the maker of the deal ("he tried to conclude a deal") is a
  side too (`deal_verbs`);
- "a robber was killed in a shootout with troopers", "two soldiers died in clashes with militants": whoever the
  clause tells of, killed or dying in a fight against a named other side, was the first side of it ("a policeman
  was wounded in the shootout" may have been a bystander);
- "the gang is responsible for the shooting of two guards", "the group was held responsible for the attack": who is
  responsible for a deed did it.
The types and words are data (`nominal_parties` in data/events_completion.yaml). Only empty sides are filled, and
only from the same sentence.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.extract.args import with_conjuncts
from newsintel.extract.subjects import subject_of
from newsintel.extract.triggers import Trigger, lemma_of
from newsintel.resources import load_yaml

Args = dict[str, list[Token]]
RELATIVES = ("who", "that", "which")


@cache
def _spec() -> dict:
    return load_yaml("events_completion.yaml")["nominal_parties"]


def _with_parties(token: Token) -> list[Token]:
    """The objects of "with" on a token, without a member set aside ("a deal with Hamas and not Fatah")."""
    return [t for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "with"
            for g in prep.children if g.dep_ == "pobj" for t in with_conjuncts(g) if not _set_aside(t)]


def _set_aside(token: Token) -> bool:
    before = token.doc[token.i - 1] if token.i else None
    return any(c.dep_ == "neg" for c in token.children) or (before is not None and before.lower_ in ("not", "nor"))


def _maker(noun: Token) -> tuple[Token | None, list[Token]]:
    """The verb that makes the deal ("concluded a deal", "signed a deal"), and its "with" parties."""
    if noun.dep_ not in ("dobj", "obj") or lemma_of(noun.head) not in _spec()["deal_verbs"]:
        return None, []
    return noun.head, _with_parties(noun.head)


def _fight_scene_party(noun: Token) -> Token | None:
    """"a robber was killed in a shootout with troopers": who the clause the fight is the scene of tells of."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _spec()["scene_preps"]:
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or lemma_of(verb) not in _spec()["fate_verbs"]:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None if subject is None or subject.lower_ in RELATIVES else subject


def _responsible_party(noun: Token) -> Token | None:
    """"the gang is responsible for the shooting", "was held responsible for the attack": the one responsible."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
        return None
    word = prep.head
    if word.lower_ not in _spec()["responsible_words"]:
        return None
    verb = word.head if word.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "amod") else None
    if verb is None or verb.i == word.i:
        return None
    if word.dep_ == "amod":  # "the man responsible for the attack"
        return verb if verb.pos_ in ("NOUN", "PROPN", "PRON") else None
    subject, _passive = subject_of(verb)
    return None if subject is None or subject.lower_ in RELATIVES else subject


def complete_parties(events: list[tuple[Trigger, Args]]) -> None:
    """Fill the empty sides of event nouns from the words around the noun phrase (module docstring)."""
    spec = _spec()
    for trigger, args in events:
        if not trigger.nominal:
            continue
        noun, name = trigger.token, trigger.type.name
        taken = {t.i for role in ("actors", "targets") for t in args[role]}
        if name in spec["deal_types"]:
            verb, others = _maker(noun)
            maker = subject_of(verb)[0] if verb is not None else None
            found = ([maker] if maker is not None and not subject_of(verb)[1] else []) + others + _with_parties(noun)
            args["actors"] += [t for t in found if t.i not in taken and t.lower_ not in RELATIVES]
        if name in spec["fight_types"] and not args["actors"] and args["targets"]:
            party = _fight_scene_party(noun)  # only against a named other side: "wounded in the shootout" is not
            if party is not None and party.i not in taken:
                args["actors"].append(party)
        if not args["actors"]:
            party = _responsible_party(noun)
            if party is not None and party.i not in taken:
                args["actors"].append(party)
