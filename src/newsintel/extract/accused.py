"""Who is accused of a charged deed when the charge is what they face: "X faces charges of assault", "X is standing
trial on charges of murdering Y", "X pleaded guilty to charges of fraud", "X denied allegations of abuse".

`roles.accused_party` finds the accused through the object or passive subject of the verb that lays the charge
("arrested two men on suspicion of smuggling", "he was jailed on charges of"); after the verbs of
`accused_subject_verbs` (data/actors.yaml) the accused is the active subject instead: they face, deny or admit the
charge. Kept apart from roles.py so the charge-facing rule has one home and one word list.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.resources import load_yaml


@cache
def _facing_verbs() -> frozenset[str]:
    return frozenset(load_yaml("actors.yaml").get("accused_subject_verbs", []))


def _active_subject(verb: Token) -> Token | None:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "charges were denied": no one faces them in this clause
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def facing_subject(verb: Token) -> Token | None:
    """The active subject of a verb of facing or answering a charge ("faces", "stands trial", "pleaded", "denied"),
    or None after any other verb ("police arrested him on charges of": the police are no accused)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _facing_verbs():
        return None
    subject = _active_subject(verb)
    if subject is None or subject.lower_ in ("who", "that", "which"):
        return None
    return subject


def charge_object_subject(charge: Token) -> Token | None:
    """"Webb faces charges of assault": the subject of a facing verb whose direct object is the charge noun, or
    whose object it is coordinated with ("faces two charges of fraud and three counts of assault")."""
    for _ in range(4):
        if charge.dep_ not in ("conj", "appos"):  # "faces charges of fraud, six counts of assault"
            break
        charge = charge.head
    if charge.dep_ not in ("dobj", "obj"):
        return None
    return facing_subject(charge.head)
