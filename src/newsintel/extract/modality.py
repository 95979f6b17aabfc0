"""Modality: is the event asserted, hedged, intended, attempted, future, conditional or negated?

The cues (`data/modality.yaml`) are looked for on the trigger and on each word that governs it, up to the
reporting verb if there is one; when several apply, the first in negated > conditional > hedged > intended >
future > attempted wins ("may have tried to cross" is hedged, "denied that he had travelled" negated). A purpose
clause ("went to Syria to fight") is intended; a presupposed clause ("after arriving in Raqqa") is not governed.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon
from newsintel.extract.roles import is_purpose_infinitive

# Dependencies climbed from the trigger to the words that govern it. Relative and reduced relative clauses
# ("a woman repatriated from al-Hol") are their own statements: the chain stops there.
CHAIN_DEPS = {"xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "attr", "oprd"}
COMPLEMENT_PREPS = {"of", "from"}
PRECEDENCE = ("negated", "conditional", "hedged", "intended", "future", "attempted")
MAX_STEPS = 6


def _cues_on(token: Token, passive: bool, as_governor: bool) -> list[str]:
    """Modality labels cued on one word of the chain, in the order they should win. The word's own lemma is a
    cue only when it governs the event ("planned to travel"), not when it is the trigger itself."""
    cues, lemma, low = lexicon().modality, token.lemma_.lower(), token.lower_
    found: list[str] = []
    for label in ("attempted", "intended", "future") if as_governor else ():
        if lemma in cues[label].get("governors", ()) or low in cues[label].get("governors", ()):
            found.append(label)
        if token.pos_ == "NOUN" and lemma in cues[label].get("nouns", ()):
            found.append(label)
    hedged = cues["hedged"]
    if as_governor and (lemma in hedged["governors"] or (passive and lemma in hedged["passive_governors"])):
        found.append("hedged")
    if as_governor and token.pos_ == "NOUN" and lemma in hedged.get("nouns", ()):
        found.append("hedged")
    if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        found.append("intended")  # purpose clause: "went to Syria to fight"
    for child in token.children:
        word = child.lower_
        if child.dep_ == "aux" and word in cues["future"]["auxiliaries"]:
            found.append("future")
        elif (child.dep_ == "aux" and word in hedged["auxiliaries"]) or (
                child.dep_ in ("advmod", "npadvmod") and word in hedged["adverbs"]):
            found.append("hedged")
    return found


def _negated(token: Token, governs: bool) -> bool:
    """`governs`: the word governs the event (not the trigger, nor merely coordinated with it: "denied the charges
    and fled"). Denials negate even as the main predicate of a claim ("denied wrongdoing"); blocking verbs only
    what they govern ("stopped them from crossing")."""
    cues, lemma = lexicon().modality["negated"], token.lemma_.lower()
    if lemma in cues["governors"] or (governs and lemma in cues.get("blocking_governors", ())):
        return True
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and token.pos_ == "NOUN")
               for c in token.children if c.lower_ in cues["words"])


def _conditional(token: Token) -> bool:
    """The word is in an if/unless clause, or such a clause hangs off it ("will return if the border opens")."""
    markers = lexicon().modality["conditional"]["markers"]

    def marked(t: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in markers for c in t.children)

    return marked(token) or any(c.dep_ == "advcl" and marked(c) for c in token.children)


def _complement_of_verb(token: Token) -> bool:
    """A gerund governed through "of"/"from" ("suspected of smuggling", "stopped from crossing") belongs to the
    verb's statement; after/before/since clauses are presupposed and stay out of the chain."""
    return token.dep_ == "pcomp" and token.head.lower_ in COMPLEMENT_PREPS


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def modality_of(trigger: Token) -> str:
    """The modality label for the event (or statement) whose head word is `trigger`."""
    cues = lexicon().modality
    reporting = set(lexicon().attribution["verbs"]) - set(cues["negated"]["governors"])
    chain: list[Token] = []
    current = trigger
    for _ in range(MAX_STEPS):
        chain.append(current)
        if current.head.i == current.i or (current.dep_ not in CHAIN_DEPS and not _complement_of_verb(current)
                                           and not is_purpose_infinitive(current)):
            break  # "his plan to travel": the plan governs the travel
        if current is not trigger and current.lemma_.lower() in reporting and not _is_passive(current):
            break  # what the speaker says about the event ends at the speaker
        if current.dep_ == "prep" and current.lower_ in cues["scope"]["adjunct_preps"]:
            break  # "under a deal reached on Sunday, fighters will leave": the deal is not future
        current = current.head
    coordinated = {t.head.i for t in chain if t.dep_ == "conj"}
    if any(_negated(t, t is not trigger and t.i not in coordinated) for t in chain) or (
            trigger.dep_ == "pobj" and trigger.head.lower_ in cues["negated"]["preps"]):
        return "negated"  # "freed without charge"
    if any(_conditional(t) for t in chain):
        return "conditional"
    found = {label for token in chain for label in _cues_on(token, _is_passive(token), token is not trigger)}
    return next((label for label in PRECEDENCE if label in found), "asserted")


def statement_modality(verb: Token) -> str:
    """The modality of the saying itself ("did not say", "may have told", "reportedly said", "will announce",
    "if he says", "refused to comment"), read on the reporting verb and the verbs it is the infinitive of; what the
    verb is coordinated with or reported in is another statement ("thought he could ..., but he says")."""
    chain, current = [verb], verb
    while current.dep_ == "xcomp" and current.head.i != current.i and len(chain) < MAX_STEPS:
        current = current.head
        chain.append(current)
    if any(_negated(t, t is not verb) for t in chain):
        return "negated"
    if any(_conditional(t) for t in chain):
        return "conditional"
    found = {label for token in chain for label in _cues_on(token, _is_passive(token), token is not verb)}
    return next((label for label in PRECEDENCE if label in found), "asserted")
