"""Two more non-event senses read off the clause (`under_attack` and `interceptions` in data/senses.yaml).

A politician "under attack" or "under fire" with no weapon, place or violence in the sentence is criticised, not
hit ("the senator was under constant attack as the front-runner"); missiles "shot down" are intercepted, which is
no attack on people ("the navy saw no reason to shoot them down", said of missile launches). Both are kept as data an
analyst can extend.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from newsintel.extract.sense_participants import patient_of
from newsintel.extract.triggers import lemma_of
from newsintel.resources import load_yaml

PLACES = frozenset({"GPE", "LOC", "FAC"})
THING_PRONOUNS = frozenset({"them", "it", "they", "those", "these", "which", "that"})


@functools.cache
def _section(name: str) -> dict[str, frozenset[str]]:
    data = load_yaml("senses.yaml").get(name) or {}
    return {str(key): frozenset(str(w).lower() for w in words or ()) for key, words in data.items()}


def _subject_of_state(noun: Token) -> Token | None:
    """Who is "under attack": the subject of the verb the "under" phrase hangs on ("X was under attack", "X came
    under fire")."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def criticised(token: Token) -> str | None:
    """"The senator was under attack", "Warren came under fire": a person, or a public figure's title, under
    attack in a sentence with no place, no weapon and no violence is under criticism."""
    cues = _section("under_attack")
    if token.lower_ not in cues.get("states", frozenset()):
        return None
    subject = _subject_of_state(token)
    if subject is None:
        return None
    if subject.ent_type_ != "PERSON" and lemma_of(subject) not in cues.get("figures", frozenset()):
        return None
    words = {t.lower_ for t in token.sent} | {lemma_of(t) for t in token.sent}
    if words & cues.get("violence", frozenset()) or any(t.ent_type_ in PLACES for t in token.sent):
        return None
    return f"criticism: {subject.lower_} under {token.lower_}"


def intercepted(token: Token, key: str) -> str | None:
    """"Shot down the missiles", "saw no reason to shoot them down" said of missile launches: an interception, no attack
    on people; "shot down a passenger jet" stays one (a craft with people on board)."""
    cues = _section("interceptions")
    if key not in cues.get("verbs", frozenset()) or not any(
            c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return None
    patient = patient_of(token)
    if patient is None:
        return None
    things = cues.get("things", frozenset())
    if lemma_of(patient) in things or patient.lower_ in things:
        return f"an interception: {patient.lower_}"
    if patient.lower_ not in THING_PRONOUNS:
        return None
    before = [t for t in token.sent if t.i < token.i]
    if any(lemma_of(t) in cues.get("craft", frozenset()) for t in token.sent):
        return None  # "the jets flew over and they shot them down": people on board
    named = next((t for t in reversed(before) if lemma_of(t) in things or t.lower_ in things), None)
    return f"an interception: {patient.lower_} ({named.lower_})" if named is not None else None


def figure_sense(token: Token, key: str) -> str | None:
    """The reason one of this module's senses reads the trigger as no event, or None."""
    return criticised(token) or intercepted(token, key)
