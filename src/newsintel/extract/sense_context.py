"""Non-event senses read off the clause around a trigger rather than off its own words (`data/senses.yaml`).

`senses.py` reads a trigger's object and dependents; these tests read what the trigger is done for ("fought to
gain access": a struggle, no combat), what it hangs on ("the plane crashed, killing ten": an accident, no attack)
and how it is written ("The Real Deal", "Attack on Titan": a name, no event).
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from newsintel.extract.roles import direct_object, lemma_of
from newsintel.resources import load_yaml


def purpose_clause(token: Token, lemmas: frozenset[str]) -> str | None:
    """An infinitive the trigger governs whose verb is one of `lemmas`: "fought to gain access to the files",
    "agreed to play the lead": what the trigger is for shows its sense."""
    for clause in token.children:
        if clause.dep_ in ("xcomp", "advcl") and clause.i > token.i and lemma_of(clause) in lemmas and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return lemma_of(clause)
    return None


@functools.cache
def _accidents() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_yaml("senses.yaml").get("accidents") or {}
    return (frozenset(data.get("triggers") or ()), frozenset(data.get("verbs") or ()),
            frozenset(data.get("vehicles") or ()))


def accident_clause(token: Token, key: str) -> str | None:
    """Deaths with no one who killed, in a sentence where a vehicle of transport crashes: "the plane crashed soon
    after takeoff, killing all on board", "nine were killed after a tram, said to be speeding, derailed". Deaths in
    an accident are no attack (GUIDELINES.md section 1). The parser hangs such clauses anywhere, so the sentence is
    read, not the tree; a killer of its own with a victim keeps the event ("gunmen killed nine after the bus
    stopped", "nine were killed by gunmen after ..."), and a truck or car driven into people is judged by the
    vehicle-attack rules (none of them is in `vehicles`)."""
    triggers, verbs, vehicles = _accidents()
    if key not in triggers or any(c.dep_ == "agent" for c in token.children) or (
            any(c.dep_ == "nsubj" for c in token.children) and direct_object(token) is not None):
        return None  # someone killed someone ("one woman killed when ..." is a misparsed passive: no object)
    for verb in token.doc:
        if verb.pos_ != "VERB" or lemma_of(verb) not in verbs:
            continue
        vehicle = next((t for t in token.doc[:verb.i] if lemma_of(t) in vehicles or t.lower_ in vehicles), None)
        if vehicle is not None:
            return f"accident: {vehicle.lower_} {verb.lower_}"
    return None


TITLE_START_MARKS = frozenset({'"', "“", "‘", "'", "(", "[", "-", "—", "–", "…", ":", ";", "|", "•"})


def written_as_a_name(token: Token) -> bool:
    """A noun trigger capitalised inside a sentence in running text names something: a publication ("seen by The
    Real Deal"), a game or a film ("Attack on Titan", "Final Battle 2"). A title-case line (no lower-case content
    words) and a word after a quotation mark, a colon or a dash that starts a clause say nothing."""
    if not token.is_title or token.tag_ not in ("NNP", "NNPS"):
        return False
    words = [t for t in token.doc if t.is_alpha]
    if not words or words[0].i == token.i:
        return False
    if token.i > 0 and token.doc[token.i - 1].text in TITLE_START_MARKS:
        return False
    running = sum(1 for t in words if t.is_lower and t.pos_ in ("NOUN", "VERB", "ADJ", "ADV"))
    return running >= 1  # a title-case line ("Police Arrest Two After Attack on Market") has no lower-case words
