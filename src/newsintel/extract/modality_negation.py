"""Negation of an event: a negative word or denial on its chain, a subject that excludes everyone ("none of them
crossed"), what is done without or instead of ("freed without charge", "instead of attacking") and denied evidence
("there was no sign that he had pledged allegiance"). The strongest modality label, so read apart from the others.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon


def _nobody_does(token: Token) -> bool:
    """The word's subject is no one: "none of them crossed", "nobody would be caught", "no fighters left"."""
    cues = lexicon().modality["negated"]
    nobody, pairs = set(cues.get("subjects", ())), cues.get("subject_pairs", {})

    def excluded(subject: Token) -> bool:  # "neither the army nor the militias", "not the army nor ..."
        words = {c.lower_ for c in subject.children if c.i < subject.i and c.dep_ in ("preconj", "neg", "det", "cc")}
        return any(first in words and any(c.dep_ == "cc" and c.lower_ == second for c in subject.children)
                   for first, second in pairs.items())

    return any(c.dep_ in ("nsubj", "nsubjpass") and (
        c.lower_ in nobody or excluded(c) or any(d.dep_ == "det" and d.lower_ in nobody | {"no"} for d in c.children))
        for c in token.children)


def negated(token: Token, governs: bool) -> bool:
    """`governs`: the word governs the event (not the trigger, nor merely coordinated with it: "denied the charges
    and fled"). Denials negate even as the main predicate of a claim ("denied wrongdoing"); blocking verbs only
    what they govern ("stopped them from crossing")."""
    cues, lemma = lexicon().modality["negated"], token.lemma_.lower()
    if lemma in cues["governors"] or (governs and lemma in cues.get("blocking_governors", ())):
        return True
    contracted = set(cues.get("contracted", ()))
    return _nobody_does(token) or any(
        c.lower_ in contracted or (c.lower_ in cues["words"] and (
            c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and token.pos_ == "NOUN")))
        for c in token.children)


def not_taken(chain: list[Token]) -> bool:
    """The event is what was done without, or the alternative not taken: "freed without charge", "crossed without
    being arrested", "instead of attacking the embassy", "rather than fleeing"."""
    cues = lexicon().modality["negated"]
    alternatives = cues.get("alternatives", {})
    return any(t.dep_ in ("pobj", "pcomp") and (t.head.lower_ in cues["preps"] or any(
        c.lower_ in alternatives.get(t.head.lower_, ()) for c in t.head.children if c.dep_ == "advmod"))
        for t in chain)


def no_sign_of(top: Token) -> bool:
    """The clause is the content of a piece of evidence that is denied: "there was no sign that he had pledged
    allegiance", "did not find any evidence the men attacked" (a relative clause, "no report that they wrote", is not
    content; evidence given, "evidence that they attacked", leaves the clause as it is)."""
    nouns = set(lexicon().modality["negated"].get("evidence_nouns", ()))
    if top.dep_ not in ("acl", "relcl") or top.head.lemma_.lower() not in nouns or top.head.pos_ != "NOUN":
        return False
    relative = any(c.lower_ in ("that", "which", "who", "whom", "whose") and c.dep_ != "mark"
                   for c in top.children)
    noun = top.head
    if relative:
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True  # "no sign that ..."
    # "there was no sign that ...", "did not find evidence that ..."
    return noun.dep_ in ("attr", "dobj") and any(c.dep_ == "neg" for c in noun.head.children)
