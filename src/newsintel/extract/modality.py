"""Modality: is the event asserted, hedged, intended, attempted, future, conditional or negated?

The cues (`data/modality.yaml`) are looked for on the trigger and on each word that governs it, up to the
reporting verb if there is one; when several apply, the first in negated > conditional > hedged > intended >
future > attempted wins ("may have tried to cross" is hedged, "denied that he had travelled" negated). A purpose
clause ("went to Syria to fight") is intended; a presupposed clause ("after arriving in Raqqa") is not governed.
A coordinated clause with its own subject or auxiliary ("tried to enter but was caught") is its own statement: what
governs the first clause says nothing about it. A journey in progress towards a place is attempted when the
sentence says it was cut short ("was returning home when the storm hit"), else told as done when past ("were going to
Tokyo but had separate tickets") and intended when present ("is flying to Lima on Monday"). `blocked_by` tells an
event that was stopped ("prevented them from crossing": an attempt) from one that was not ("is not preventing them
from leaving": nothing happened). An infinitive after "only" or "went on" ("fled only to be caught") tells an
outcome, not a purpose.
A condition covers what its clause governs, adjunct phrases included: an inverted clause ("should war break out",
"were he to attack"), "were to", or a dependence ("depends on the vote"). Modal adjectives on an event noun or its
governor ("possible victims of assault", "a planned trip", "an attempted arrest"), modal nouns ("the risk of
attacks", "a repeat of the attacks"), a degree infinitive ("long enough to reach") and, when nothing else is cued,
an open question or an "either ... or" alternative make it unrealised too. What should or must be done, what is
offered or pledged, what someone is eager or ready to do and what a move is for ("crossed the border to join them")
are not done; a deed named in a charge ("charged with fleeing", "counts of assault") is hedged; a hearing still
to come ("ahead of his sentencing", `modality_pending.py`) is future; what is done
without, or the alternative not taken ("instead of attacking"), is negated, and so is
a clause whose subject excludes everyone ("neither the army nor the militias").

This module weighs the labels; the chain (`modality_chain.py`), the cues on one word (`modality_cues.py`),
negation (`modality_negation.py`) and conditions (`modality_condition.py`) are read in their own modules.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from newsintel.extract.charged_deeds import charged_deed
from newsintel.extract.event_realisation import modal_predicate, realising_verb, unreached
from newsintel.extract.lexicon import lexicon
from newsintel.extract.modality_chain import MAX_STEPS, governing_chain, marked_passive
from newsintel.extract.modality_condition import conditional, depends
from newsintel.extract.modality_cues import asked, cues_on, en_route, open_question
from newsintel.extract.modality_negation import claimed, negated, no_sign_of, not_taken
from newsintel.extract.modality_pending import pending_hearing
from newsintel.extract.modality_settled import settled_cue
from newsintel.extract.modality_undone import undone_move

PRECEDENCE = ("negated", "conditional", "hedged", "intended", "future", "attempted")


def modality_of(trigger: Token) -> str:
    """The modality label for the event (or statement) whose head word is `trigger`; an event noun that is the
    subject of its own verb of happening ("the swap would take place") takes that verb's too, the first in
    PRECEDENCE winning."""
    own = _own_modality(trigger)
    hypothesis = modal_predicate(trigger)
    if (verb := realising_verb(trigger) or hypothesis) is None:
        return own
    said = _own_modality(verb)
    if said == "future" and hypothesis is not None and verb.i == hypothesis.i and _would(verb):
        said = "conditional"  # "an attack would kill thousands": a hypothesis, not what is still to come
    labels = {own, said}
    return next((label for label in PRECEDENCE if label in labels), "asserted")


def _would(verb: Token) -> bool:
    """The verb's modal is a "would" of hypothesis (data/modality.yaml conditional `counterfactual_auxiliaries`)."""
    auxiliaries = lexicon().modality["conditional"].get("counterfactual_auxiliaries", ())
    return any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in verb.children)


def _own_modality(trigger: Token) -> str:
    chain = governing_chain(trigger)
    # a verb the trigger is coordinated with is no governor of it ("denied the charges and fled", "tried to enter
    # Turkey and reached Greece" keeps its own auxiliaries and adverbs only)
    coordinated = {t.head.i for t in chain if t.dep_ == "conj"}
    if (failure := _failed_block(chain, coordinated)) is not None:
        return _went_ahead(chain[chain.index(failure):])  # "failed to prevent the attacks": they happened
    # "was able to escape", "cannot deny that": a governor whose own tense or negation settles what it says
    settled = {t.i: label for t in chain[1:] if (label := settled_cue(t)) is not None}
    # a verb of denial or failure the event is only coordinated with does not negate it ("denied the charges and
    # fled", "refused to stop and opened fire": the flight and the firing happened)
    denials = set(lexicon().modality["negated"]["governors"])
    said = claimed(chain)  # "her claims that he attacked her" (hedged), "... are untrue" (negated)
    if "negated" in settled.values() or any(
            negated(t, t is not trigger and t.i not in coordinated) for t in chain if t.i not in settled and not (
                t.i in coordinated and t.lemma_.lower() in denials)) or (
            not_taken(chain) or no_sign_of(chain[-1]) or said == "negated" or unreached(trigger)):
        return "negated"  # "freed without charge", "no sign that he had pledged allegiance", "remained out of reach"
    if any(conditional(t) for t in governing_chain(trigger, wide=True)) or depends(trigger, chain):
        return "conditional"
    found = {label for token in chain if token.i not in settled
             for label in cues_on(token, marked_passive(token), token is not trigger and token.i not in coordinated)}
    found |= set(settled.values()) - {"asserted"}
    if _future_time_clause(chain[-1]) or _scheduled(trigger) or pending_hearing(trigger):
        found.add("future")  # "the trial is set for March", "ahead of his sentencing"
    found |= _through_prep(chain)
    if said is not None:
        found.add(said)
    if (journey := en_route(trigger)) is not None:
        found.add(journey)  # "was returning home when the storm hit": cut short; "were going to Tokyo": meant
    if undone_move(trigger):
        found.add("attempted")  # "boarded a flight to Oslo but were removed from the plane": stopped on the way
    if charged_deed(trigger):
        found.add("hedged")  # "charged him with fleeing", "on counts of assault": alleged, not told as done
    if not found and any(open_question(t) for t in chain):
        found.add("hedged")
    if any(asked(t) for t in chain[1:]):
        found.add("hedged")  # "whether he really wants a deal": the wanting is open, so is the deal
    return next((label for label in PRECEDENCE if label in found), "asserted")


def _failed_block(chain: list[Token], coordinated: set[int]) -> Token | None:
    """The word of failure when what would have blocked the event failed, so it went ahead: "failed to prevent the
    attacks" (the failing verb), "did not stop him from fleeing" (the blocking verb, negated by a past auxiliary);
    else None."""
    cues = lexicon().modality["negated"]
    blocking, failing = set(cues.get("blocking_governors", ())), set(cues.get("failed_blocking_governors", ()))
    auxiliaries = set(cues.get("failed_blocking_auxiliaries", ()))
    for k, token in enumerate(chain[1:], 1):
        if token.i in coordinated or token.lemma_.lower() not in blocking:
            continue
        if any(c.dep_ == "neg" for c in token.children) and any(
                c.dep_ == "aux" and c.lower_ in auxiliaries for c in token.children):
            return token
        if k + 1 < len(chain) and chain[k + 1].lemma_.lower() in failing:
            return chain[k + 1]
        return None
    return None


def _went_ahead(chain: list[Token]) -> str:
    """The modality of an event that a failed blocking let go ahead: that of the statement of the failure
    (`chain[0]`, whose own negation is the failure: "may have failed to prevent" is hedged, "if they fail to stop
    it" conditional, "denied failing to prevent" negated)."""
    failure, above = chain[0], chain[1:]
    if any(negated(t, True) for t in above):
        return "negated"
    if any(conditional(t) for t in chain):
        return "conditional"
    auxiliaries = set(lexicon().modality["negated"].get("failed_blocking_auxiliaries", ()))
    found = {label for token in above for label in cues_on(token, marked_passive(token), True)}
    if not any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in failure.children):  # "could not": the failure
        found |= set(cues_on(failure, marked_passive(failure), False))
    return next((label for label in PRECEDENCE if label in found), "asserted")


def _future_time_clause(top: Token) -> bool:
    """A present-tense time clause of a future statement is future too: "will keep the base after its troops
    leave", "will hand over their weapons once the convoy arrives" (a past one, "arrested him after he returned",
    or a gerund, "after arriving", is presupposed and keeps its own modality)."""
    cues = lexicon().modality["future"]
    mark = next((c.lower_ for c in top.children if c.dep_ == "mark" and c.lower_ in cues.get("time_clause_marks", ())),
                None)
    if top.dep_ != "advcl" or top.head.i == top.i or mark is None:
        return False
    verbs = [top] + [c for c in top.children if c.dep_ in ("aux", "auxpass")]
    present = any(t.tag_ in ("VBP", "VBZ") for t in verbs) and not any(t.tag_ in ("VBD", "MD") for t in verbs)
    if present and mark in cues.get("open_time_clause_marks", ()):
        return True  # "reluctant to sign until a deal is finalised", "before the troops leave"
    will = {"will", "shall", "'ll", "’ll"} & set(cues["auxiliaries"])
    return present and any(c.dep_ == "aux" and c.lower_ in will for c in top.head.children)


def _scheduled(trigger: Token) -> bool:
    """An event noun that is the subject of a verb of scheduling, itself or through its relative clause, is still
    to come: "the trial is set for March", "the withdrawal is due to start on Monday", "a hearing, which is
    scheduled for June" ("the blast was set off by a timer" is no schedule)."""
    governors = set(lexicon().modality["future"].get("subject_governors", ()))

    def schedules(verb: Token) -> bool:
        if verb.lemma_ == "be":  # "the withdrawal is due to start"
            return any(c.dep_ == "acomp" and c.lower_ in governors for c in verb.children)
        return verb.lemma_.lower() in governors and not any(c.dep_ == "prt" for c in verb.children)

    if trigger.pos_ != "NOUN":
        return False
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.i != trigger.i and schedules(trigger.head):
        return True
    return any(c.dep_ == "relcl" and schedules(c) and any(  # "a trial, which is set to begin in March"
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("which", "that") for s in c.children)
        for c in trigger.children)


def _through_prep(chain: list[Token]) -> set[str]:
    """"called for the arrest", "pushed for a deal": these verbs seek what they govern only through the
    preposition (intended); "open to prosecution", "vulnerable to attacks": these adjectives say it may befall
    someone (hedged)."""
    cues = lexicon().modality
    sought, exposed = cues["intended"].get("prep_only_governors", {}), cues["hedged"].get("prep_only_adjectives", {})
    found: set[str] = set()
    for below, above in pairwise(chain):
        if below.dep_ != "prep":
            continue
        if below.lower_ in sought.get(above.lemma_.lower(), ()):
            found.add("intended")
        if above.pos_ == "ADJ" and below.lower_ in exposed.get(above.lower_, ()):
            found.add("hedged")
    return found


def blocked_by(trigger: Token) -> tuple[Token, bool] | None:
    """(the blocking verb, whether it is itself negated) when the event is governed by one ("stopped them from
    crossing": tried and stopped; "is not preventing them from leaving", "failed to stop him from fleeing": the
    blocking is denied, so the event's own negation is not a denial of it). None when nothing says the event was
    tried: an event noun blocked as the verb's object ("prevented the evacuation of the camp") or a blocking that is
    only meant or possible ("to prevent them from fleeing"): the event is then just negated."""
    cues = lexicon().modality["negated"]
    chain = governing_chain(trigger)
    coordinated = {t.head.i for t in chain if t.dep_ == "conj"}
    for k, token in enumerate(chain[1:], 1):
        if token.i in coordinated or token.lemma_.lower() not in cues.get("blocking_governors", ()):
            continue
        above = chain[k + 1:]
        denied = negated(token, False) or any(negated(t, t.i not in coordinated) for t in above)
        if not denied and (chain[k - 1].dep_ in ("dobj", "nsubjpass") or not _blocking_done(token)):
            return None  # "prevent the evacuation", "would stop them from leaving": nothing says it was tried
        return token, denied
    return None


def _blocking_done(verb: Token) -> bool:
    """The blocking verb tells a blocking that took place: finite and without a modal ("stopped them from
    crossing", "have prevented them from leaving"), not an infinitive or a modal's ("to prevent them from
    leaving", "could stop them from fleeing")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ in ("TO", "MD") for a in auxiliaries):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxiliaries)


def statement_modality(verb: Token) -> str:
    """The modality of the saying itself ("did not say", "may have told", "reportedly said", "will announce",
    "if he says", "refused to comment"), read on the reporting verb and the verbs it is the infinitive of; what the
    verb is coordinated with or reported in is another statement ("thought he could ..., but he says")."""
    chain, current = [verb], verb
    while current.dep_ == "xcomp" and current.head.i != current.i and len(chain) < MAX_STEPS:
        current = current.head
        chain.append(current)
    if any(negated(t, t is not verb) for t in chain):
        return "negated"
    if any(conditional(t) for t in chain):
        return "conditional"
    found = {label for token in chain for label in cues_on(token, marked_passive(token), token is not verb)}
    return next((label for label in PRECEDENCE if label in found), "asserted")
