"""Modality: is the event asserted, hedged, intended, attempted, future, conditional or negated?

The cues (`data/modality.yaml`) are looked for on the trigger and on each word that governs it, up to the
reporting verb if there is one; when several apply, the first in negated > conditional > hedged > intended >
future > attempted wins ("may have tried to cross" is hedged, "denied that he had travelled" negated). A purpose
clause ("went to Syria to fight") is intended; a presupposed clause ("after arriving in Raqqa") is not governed.
A coordinated clause with its own subject or auxiliary ("tried to enter but was caught") is its own statement: what
governs the first clause says nothing about it. A journey in progress towards a place ("were going to Tokyo") is
intended: the destination is not reached. `blocked_by` tells an event that was stopped ("prevented them from
crossing": an attempt) from one that was not ("is not preventing them from leaving": nothing happened).
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
    planned = passive and lemma in cues["intended"].get("passive_governors", ())  # "was supposed to fly"
    if as_governor and planned:
        found.append("intended")
    hedged = cues["hedged"]
    if as_governor and not planned and (
            lemma in hedged["governors"] or (passive and lemma in hedged["passive_governors"])):
        found.append("hedged")
    if as_governor and token.pos_ == "NOUN" and lemma in hedged.get("nouns", ()):
        found.append("hedged")
    if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        found.append("intended")  # purpose clause: "went to Syria to fight"
    for child in token.children:
        word = child.lower_
        if child.dep_ == "aux" and word in cues["future"]["auxiliaries"]:
            if not (word == "would" and _habitual(token)):
                found.append("future")
        elif (child.dep_ == "aux" and word in hedged["auxiliaries"]) or (
                child.dep_ in ("advmod", "npadvmod") and word in hedged["adverbs"]):
            found.append("hedged")
    return found


def _en_route(token: Token) -> bool:
    """A movement verb in the progressive with a destination ("was travelling to Syria", "are heading for the
    border"): under way, not arrived."""
    cues = lexicon().modality["intended"]
    return (token.tag_ == "VBG" and token.lemma_.lower() in cues.get("en_route_verbs", ())
            and any(c.dep_ == "aux" and c.lemma_ == "be" and c.lower_ not in ("be", "been", "being")
                    for c in token.children)
            and any(c.dep_ == "prep" and c.lower_ in cues.get("en_route_preps", ()) for c in token.children))


def _habitual(token: Token) -> bool:
    """"would travel there every summer", "would often go": a frequency word on the verb makes "would" a past
    habit."""
    words = set(lexicon().modality["future"].get("habitual_words", ()))
    return any(c.lower_ in words or (c.dep_ == "npadvmod" and any(d.lower_ in words for d in c.children))
               for c in token.children)


def _nobody_does(token: Token) -> bool:
    """The word's subject is no one: "none of them crossed", "nobody would be caught", "no fighters left"."""
    cues = lexicon().modality["negated"]
    nobody = set(cues.get("subjects", ()))
    return any(c.dep_ in ("nsubj", "nsubjpass") and (
        c.lower_ in nobody or any(d.dep_ == "det" and d.lower_ in nobody | {"no"} for d in c.children))
        for c in token.children)


def _own_clause(token: Token) -> bool:
    """A coordinated verb with its own subject or auxiliary ("..., but was caught", "and police arrested him") is a
    statement of its own; a bare conjunct ("to travel and fight") shares the first verb's."""
    return token.dep_ == "conj" and any(
        c.dep_ in ("nsubj", "nsubjpass", "auxpass") or (c.dep_ == "aux" and c.tag_ != "TO") for c in token.children)


def _negated(token: Token, governs: bool) -> bool:
    """`governs`: the word governs the event (not the trigger, nor merely coordinated with it: "denied the charges
    and fled"). Denials negate even as the main predicate of a claim ("denied wrongdoing"); blocking verbs only
    what they govern ("stopped them from crossing")."""
    cues, lemma = lexicon().modality["negated"], token.lemma_.lower()
    if lemma in cues["governors"] or (governs and lemma in cues.get("blocking_governors", ())):
        return True
    return _nobody_does(token) or any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and token.pos_ == "NOUN")
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


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words that govern it, up to the reporting verb, an adjunct phrase or a clause of its
    own."""
    cues = lexicon().modality
    reporting = set(lexicon().attribution["verbs"]) - set(cues["negated"]["governors"])
    chain: list[Token] = []
    current = trigger
    for _ in range(MAX_STEPS):
        chain.append(current)
        if current.head.i == current.i or (current.dep_ not in CHAIN_DEPS and not _complement_of_verb(current)
                                           and not is_purpose_infinitive(current)):
            break  # "his plan to travel": the plan governs the travel
        if _own_clause(current):
            break  # "tried to enter but was caught": the trying is not the catching
        if current is not trigger and current.lemma_.lower() in reporting and not _is_passive(current):
            break  # what the speaker says about the event ends at the speaker
        if current.dep_ == "prep" and current.lower_ in cues["scope"]["adjunct_preps"] and not (
                current.lower_ == "under" and current.head.lemma_.lower() in cues["scope"].get("state_verbs", ())):
            break  # "under a deal reached on Sunday, fighters will leave": the deal is not future
        if current.head.lemma_.lower() in cues["negated"].get("factive_governors", ()):
            break  # "didn't learn of the assaults": knowing presupposes them
        current = current.head
    return chain


def modality_of(trigger: Token) -> str:
    """The modality label for the event (or statement) whose head word is `trigger`."""
    cues = lexicon().modality
    chain = _chain(trigger)
    # a verb the trigger is coordinated with is no governor of it ("denied the charges and fled", "tried to enter
    # Turkey and reached Greece" keeps its own auxiliaries and adverbs only)
    coordinated = {t.head.i for t in chain if t.dep_ == "conj"}
    if any(_negated(t, t is not trigger and t.i not in coordinated) for t in chain) or (
            trigger.dep_ == "pobj" and trigger.head.lower_ in cues["negated"]["preps"]):
        return "negated"  # "freed without charge"
    if any(_conditional(t) for t in chain):
        return "conditional"
    found = {label for token in chain
             for label in _cues_on(token, _is_passive(token), token is not trigger and token.i not in coordinated)}
    if _en_route(trigger):
        found.add("intended")
    return next((label for label in PRECEDENCE if label in found), "asserted")


def blocked_by(trigger: Token) -> tuple[Token, bool] | None:
    """(the blocking verb, whether it is itself negated) when the event is governed by one ("stopped them from
    crossing": tried and stopped; "is not preventing them from leaving", "failed to stop him from fleeing": the
    blocking is denied, so the event's own negation is not a denial of it)."""
    cues = lexicon().modality["negated"]
    chain = _chain(trigger)
    coordinated = {t.head.i for t in chain if t.dep_ == "conj"}
    for k, token in enumerate(chain[1:], 1):
        if token.i in coordinated or token.lemma_.lower() not in cues.get("blocking_governors", ()):
            continue
        above = chain[k + 1:]
        return token, _negated(token, False) or any(_negated(t, t.i not in coordinated) for t in above)
    return None


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
