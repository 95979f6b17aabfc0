"""The words that govern an event's trigger, up to the statement it belongs to: where modality cues are looked for.

Climbing stops at the reporting verb, at a clause of its own ("tried to enter but was caught"), at an adjunct
phrase ("under a deal reached on Sunday") and at a factive verb ("didn't learn of the assaults"), and climbs out of a
relative clause only on what an existential says there is ("there may have been a man who fled"); kept apart from
the cues so that modality.py, the cue readers and the blocking rules share one idea of what governs an event.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon
from newsintel.extract.subjects import is_purpose_infinitive

# Dependencies climbed from the trigger to the words that govern it. Relative and reduced relative clauses
# ("a woman repatriated from al-Hol") are their own statements: the chain stops there.
# ("an assassination attempt": the compound noun is governed by the attempt)
CHAIN_DEPS = {"xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "attr", "oprd", "compound"}
COMPLEMENT_PREPS = {"of", "from", "for"}
MAX_STEPS = 6


def _own_clause(token: Token) -> bool:
    """A coordinated verb with its own subject or auxiliary ("..., but was caught", "and police arrested him") is a
    statement of its own; a bare conjunct ("to travel and fight") shares the first verb's. A finite verb the parser
    hung on an infinitive ("failed to stop and began shooting", "tried to enter and reached Greece") is coordinated
    with the verb governing the infinitive, not governed by it: its own statement too."""
    if token.dep_ != "conj":
        return False
    if token.tag_ in ("VBD", "VBZ", "VBN") and token.head.tag_ == "VB" and any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in token.head.children):
        return True
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "auxpass") or (c.dep_ == "aux" and c.tag_ != "TO") for c in token.children)


def _complement_of_verb(token: Token) -> bool:
    """A gerund governed through "of"/"from" ("suspected of smuggling", "stopped from crossing") belongs to the
    verb's statement; after/before/since clauses are presupposed and stay out of the chain."""
    return token.dep_ == "pcomp" and token.head.lower_ in COMPLEMENT_PREPS


def _infinitive_of_modal_noun(token: Token) -> bool:
    """An infinitive without its own subject stating what a noun of plan, possibility or attempt is about ("a
    commitment to withdraw", "his ability to get a deal", "the chance to flee"): the noun governs it, as "the plan
    to travel" does (`subjects.is_purpose_infinitive` knows only purpose nouns)."""
    if token.dep_ != "acl" or token.head.pos_ != "NOUN" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    cues, lemma = lexicon().modality, token.head.lemma_.lower()
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) and (any(
        lemma in cues[label].get("nouns", ()) for label in ("attempted", "intended", "hedged"))
        or lemma in cues["intended"].get("infinitive_nouns", ()))  # "pressure on the army to fight"


def _example_of_noun(token: Token) -> bool:
    """"possible threats, like chemical attacks": the examples of a noun share what is said of it (unlike an
    adjunct "like" on a verb)."""
    return token.dep_ == "prep" and token.lower_ in lexicon().modality["scope"].get("example_preps", ()) and \
        token.head.pos_ in ("NOUN", "PROPN")


def _existential_relative(token: Token) -> bool:
    """A relative clause on what an existential sentence says there is ("there may have been another gunman who
    fled", "there will be soldiers who stay"): whether the event happened is as sure as that there is such a one."""
    noun = token.head
    return token.dep_ == "relcl" and noun.dep_ in ("attr", "nsubj") and noun.head.lemma_ == "be" and any(
        c.dep_ == "expl" for c in noun.head.children)


def marked_passive(token: Token) -> bool:
    """A passive marked on the word itself by an auxiliary or a passive subject ("was told to leave"); unlike
    `subjects.is_passive`, a bare participle does not count."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def governing_chain(trigger: Token, wide: bool = False) -> list[Token]:
    """The trigger and the words that govern it, up to the reporting verb, an adjunct phrase or a clause of its
    own. `wide` also climbs out of adjunct phrases and purpose clauses: a condition covers the whole sentence it
    governs ("jurors in the trial should the House vote", "if he were to start a war, to attack ...")."""
    cues = lexicon().modality
    reporting = set(lexicon().attribution["verbs"]) - set(cues["negated"]["governors"])
    chain: list[Token] = []
    current = trigger
    for _ in range(MAX_STEPS):
        chain.append(current)
        purpose = wide and current.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if current.head.i == current.i or (current.dep_ not in CHAIN_DEPS and not _complement_of_verb(current)
                                           and not is_purpose_infinitive(current) and not purpose
                                           and not _infinitive_of_modal_noun(current)
                                           and not _existential_relative(current)):
            break  # "his plan to travel": the plan governs the travel
        if _own_clause(current):
            break  # "tried to enter but was caught": the trying is not the catching
        if current is not trigger and current.lemma_.lower() in reporting and not marked_passive(current):
            break  # what the speaker says about the event ends at the speaker
        if not wide and current.dep_ == "prep" and current.lower_ in cues["scope"]["adjunct_preps"] and not (
                current.lower_ == "under" and current.head.lemma_.lower() in cues["scope"].get("state_verbs", ())) \
                and not _example_of_noun(current):
            break  # "under a deal reached on Sunday, fighters will leave": the deal is not future
        if current.head.lemma_.lower() in cues["negated"].get("factive_governors", ()) or (
                current.dep_ == "dobj" and current.head.lemma_.lower() in cues["negated"].get(
                    "factive_object_governors", ())):
            break  # "didn't learn of the assaults": knowing presupposes them; so does "no group claimed the attack"
        current = current.head
    return chain
