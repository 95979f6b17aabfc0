"""Modality: is the event asserted, hedged, intended, attempted, future, conditional or negated?

The cues (`data/modality.yaml`) are looked for on the trigger and on each word that governs it, up to the
reporting verb if there is one; when several apply, the first in negated > conditional > hedged > intended >
future > attempted wins ("may have tried to cross" is hedged, "denied that he had travelled" negated). A purpose
clause ("went to Syria to fight") is intended; a presupposed clause ("after arriving in Raqqa") is not governed.
A coordinated clause with its own subject or auxiliary ("tried to enter but was caught") is its own statement: what
governs the first clause says nothing about it. A journey in progress towards a place ("were going to Tokyo") is
intended: the destination is not reached. `blocked_by` tells an event that was stopped ("prevented them from
crossing": an attempt) from one that was not ("is not preventing them from leaving": nothing happened).
A condition covers what its clause governs, adjunct phrases included: an inverted clause ("should war break out",
"were he to attack"), "were to", or a dependence ("depends on the vote"). Modal adjectives on an event noun or its
governor ("possible victims of assault", "a planned trip", "an attempted arrest"), modal nouns ("the risk of
attacks", "a repeat of the attacks"), a degree infinitive ("long enough to reach") and, when nothing else is cued,
an open question or an "either ... or" alternative make it unrealised too. What should or must be done, what is
offered or pledged, what someone is eager or ready to do and what a move is for ("crossed the border to join them")
are not done; what is done without, or the alternative not taken ("instead of attacking"), is negated, and so is
a clause whose subject excludes everyone ("neither the army nor the militias").
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from newsintel.extract.event_realisation import realising_verb
from newsintel.extract.lexicon import lexicon
from newsintel.extract.modality_settled import settled_cue
from newsintel.extract.roles import is_purpose_infinitive

# Dependencies climbed from the trigger to the words that govern it. Relative and reduced relative clauses
# ("a woman repatriated from al-Hol") are their own statements: the chain stops there.
# ("an assassination attempt": the compound noun is governed by the attempt)
CHAIN_DEPS = {"xcomp", "ccomp", "conj", "dobj", "pobj", "prep", "attr", "oprd", "compound"}
COMPLEMENT_PREPS = {"of", "from", "for"}
PRECEDENCE = ("negated", "conditional", "hedged", "intended", "future", "attempted")
MAX_STEPS = 6


def _cues_on(token: Token, passive: bool, as_governor: bool) -> list[str]:
    """Modality labels cued on one word of the chain, in the order they should win. The word's own lemma is a
    cue only when it governs the event ("planned to travel"), not when it is the trigger itself."""
    cues, lemma, low = lexicon().modality, token.lemma_.lower(), token.lower_
    found: list[str] = []
    prep_only = cues["intended"].get("prep_only_governors", {})
    for label in ("attempted", "intended", "future") if as_governor else ():
        if (lemma in cues[label].get("governors", ()) or low in cues[label].get("governors", ())) and not (
                label == "intended" and lemma in prep_only) and not _no_infinitive(token, cues[label]):
            found.append(label)
        if token.pos_ == "NOUN" and lemma in cues[label].get("nouns", ()):
            found.append(label)
    if token.pos_ in ("NOUN", "PROPN"):  # "a planned trip", "possible victims of assault", "an attempted arrest"
        found += [label for label in ("hedged", "intended", "future", "attempted") for c in token.children
                  if c.dep_ == "amod" and (c.lower_ in cues[label].get("adjectives", ())
                                           or c.lemma_.lower() in cues[label].get("adjectives", ()))]
    if as_governor and lemma in cues["intended"].get("present_governors", ()) and token.tag_ in ("VB", "VBP", "VBZ") \
            and any(c.dep_ == "xcomp" and any(d.dep_ == "aux" and d.lower_ == "to" for d in c.children)
                    and not _aside(c, token) for c in token.children):
        found.append("intended")  # "have to leave", "need to withdraw"; not "had to flee", "I have to say"
    planned = passive and lemma in cues["intended"].get("passive_governors", ())  # "was supposed to fly"
    if as_governor and planned:
        found.append("intended")
    hedged = cues["hedged"]
    if as_governor and not planned and (
            lemma in hedged["governors"] or (passive and lemma in hedged["passive_governors"])):
        found.append("hedged")
    if as_governor and token.pos_ == "NOUN" and lemma in hedged.get("nouns", ()):
        found.append("hedged")
    if _degree_infinitive(token):
        found.append("hedged")
    if token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        found.append("intended")  # purpose clause: "went to Syria to fight"
    elif _purpose_of_moving(token):
        found.append("intended")  # "entered the country to sneak into the US"
    for child in token.children:
        word = child.lower_
        if child.dep_ == "aux" and word in cues["future"]["auxiliaries"]:
            if not (word == "would" and _habitual(token)):
                found.append("future")
        elif child.dep_ == "aux" and word in cues["intended"].get("auxiliaries", ()) and not _aside(token, child):
            perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in token.children)
            inferred = perfect or (word == "must" and token.lemma_ == "be")  # "must have fled", "must be the worst"
            found.append("hedged" if inferred else "intended")  # "should withdraw", "must leave"
        elif (child.dep_ == "aux" and word in hedged["auxiliaries"]) or (
                child.dep_ in ("advmod", "npadvmod") and word in hedged["adverbs"]):
            found.append("hedged")
    return found


def _no_infinitive(token: Token, cues: dict) -> bool:
    """A governor that means what is to come only with an infinitive ("about to strike", "due to leave") used
    without one: a preposition or adjective of another sense ("asked about the shooting", "due to the bombing")."""
    if token.lemma_.lower() not in cues.get("infinitive_only_governors", ()) and token.lower_ not in cues.get(
            "infinitive_only_governors", ()):
        return False
    return not any(c.dep_ in ("xcomp", "ccomp", "advcl") and any(d.dep_ == "aux" and d.lower_ == "to"
                                                                 for d in c.children) for c in token.children)


def _aside(verb: Token, auxiliary: Token) -> bool:
    """"I must say", "we should add", "I have to say": a speaker's aside, no obligation; "MUST WATCH" in capitals:
    a page label."""
    subject_of = auxiliary if verb.head.i == auxiliary.i else verb  # "I have to say": the subject is on "have"
    return (len(auxiliary.text) > 1 and auxiliary.text.isupper()) or (
        verb.lemma_.lower() in lexicon().attribution["verbs"]
        and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in (*verb.children, *subject_of.children)))


def _purpose_of_moving(token: Token) -> bool:
    """An infinitive the parser hangs as a complement on a verb of moving ("crossed the border to join them"): such
    verbs take no infinitive complement, so it states what the move was for. A particle ("went on to win") or a
    future "going to" makes it no purpose."""
    head, cues = token.head, lexicon().modality
    return (token.dep_ == "xcomp" and head.i != token.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            and head.lemma_.lower() in cues["intended"].get("purpose_after", ())
            and head.lower_ not in cues["future"].get("governors", ())
            and not any(c.dep_ == "prt" for c in head.children))


def _degree_infinitive(token: Token) -> bool:
    """"long enough to reach the bases", "not strong enough to file an indictment": what something is fit for, not
    what it did."""
    degree = set(lexicon().modality["hedged"].get("degree_words", ()))
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and (
        token.head.lower_ in degree or any(c.lower_ in degree for c in token.head.children if c.dep_ == "advmod"))


def _open_question(token: Token) -> bool:
    """A clause that leaves open whether the event happened: a question ("unclear whether he started shooting") or
    one of an "either ... or" pair ("either violating the rules or entering illegally"). A weak cue: any other one
    wins over it ("will decide whether they are released" is intended, "will either surrender or die" future)."""
    hedged = lexicon().modality["hedged"]
    either = set(hedged.get("disjunction", ()))
    return (any(c.dep_ == "mark" and c.lower_ in hedged.get("markers", ()) for c in token.children)
            or any(c.dep_ == "preconj" and c.lower_ in either for c in token.children)
            or (token.dep_ == "conj" and any(c.dep_ == "preconj" and c.lower_ in either
                                             for c in token.head.children)))


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
    nobody, pairs = set(cues.get("subjects", ())), cues.get("subject_pairs", {})

    def excluded(subject: Token) -> bool:  # "neither the army nor the militias", "not the army nor ..."
        words = {c.lower_ for c in subject.children if c.i < subject.i and c.dep_ in ("preconj", "neg", "det", "cc")}
        return any(first in words and any(c.dep_ == "cc" and c.lower_ == second for c in subject.children)
                   for first, second in pairs.items())

    return any(c.dep_ in ("nsubj", "nsubjpass") and (
        c.lower_ in nobody or excluded(c) or any(d.dep_ == "det" and d.lower_ in nobody | {"no"} for d in c.children))
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
    contracted = set(cues.get("contracted", ()))
    return _nobody_does(token) or any(
        c.lower_ in contracted or (c.lower_ in cues["words"] and (
            c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and token.pos_ == "NOUN")))
        for c in token.children)


def _conditional(token: Token) -> bool:
    """The word is in an if/unless clause, or such a clause hangs off it ("will return if the border opens")."""
    cues = lexicon().modality["conditional"]
    markers, inverted = cues["markers"], set(cues.get("inverted_auxiliaries", ()))

    def marked(t: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in markers for c in t.children) or _inverted(t, inverted)

    were_to = token.dep_ == "xcomp" and token.head.lower_ == "were" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)  # "if he were to attack", "were they to go"
    return were_to or marked(token) or any((c.dep_ in ("advcl", "relcl") and marked(c)) or (
        c.dep_ == "ccomp" and _inverted(c, inverted)) for c in token.children)


def _inverted(clause: Token, auxiliaries: set[str]) -> bool:
    """A clause opened by its auxiliary, before any subject: "should war break out", "were he to attack", "had they
    known"."""
    if clause.dep_ not in ("advcl", "relcl", "ccomp"):
        return False
    first = min(clause.subtree, key=lambda t: t.i)
    if clause.dep_ == "ccomp" and not any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i
                                          for c in clause.children):
        return False  # the parser hangs "should they return" on the main verb as a complement: its subject follows
    return first.lower_ in auxiliaries and (first.i == clause.i or (first.head.i == clause.i and first.dep_ in (
        "aux", "auxpass")))


def _complement_of_verb(token: Token) -> bool:
    """A gerund governed through "of"/"from" ("suspected of smuggling", "stopped from crossing") belongs to the
    verb's statement; after/before/since clauses are presupposed and stay out of the chain."""
    return token.dep_ == "pcomp" and token.head.lower_ in COMPLEMENT_PREPS


def _is_passive(token: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)


def _chain(trigger: Token, wide: bool = False) -> list[Token]:
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
                                           and not is_purpose_infinitive(current) and not purpose):
            break  # "his plan to travel": the plan governs the travel
        if _own_clause(current):
            break  # "tried to enter but was caught": the trying is not the catching
        if current is not trigger and current.lemma_.lower() in reporting and not _is_passive(current):
            break  # what the speaker says about the event ends at the speaker
        if not wide and current.dep_ == "prep" and current.lower_ in cues["scope"]["adjunct_preps"] and not (
                current.lower_ == "under" and current.head.lemma_.lower() in cues["scope"].get("state_verbs", ())):
            break  # "under a deal reached on Sunday, fighters will leave": the deal is not future
        if current.head.lemma_.lower() in cues["negated"].get("factive_governors", ()):
            break  # "didn't learn of the assaults": knowing presupposes them
        current = current.head
    return chain


def modality_of(trigger: Token) -> str:
    """The modality label for the event (or statement) whose head word is `trigger`; an event noun that is the
    subject of its own verb of happening ("the swap would take place") takes that verb's too, the first in
    PRECEDENCE winning."""
    own = _own_modality(trigger)
    if (verb := realising_verb(trigger)) is None:
        return own
    labels = {own, _own_modality(verb)}
    return next((label for label in PRECEDENCE if label in labels), "asserted")


def _own_modality(trigger: Token) -> str:
    chain = _chain(trigger)
    # a verb the trigger is coordinated with is no governor of it ("denied the charges and fled", "tried to enter
    # Turkey and reached Greece" keeps its own auxiliaries and adverbs only)
    coordinated = {t.head.i for t in chain if t.dep_ == "conj"}
    if (failure := _failed_block(chain, coordinated)) is not None:
        return _went_ahead(chain[chain.index(failure):])  # "failed to prevent the attacks": they happened
    # "was able to escape", "cannot deny that": a governor whose own tense or negation settles what it says
    settled = {t.i: label for t in chain[1:] if (label := settled_cue(t)) is not None}
    if "negated" in settled.values() or any(
            _negated(t, t is not trigger and t.i not in coordinated) for t in chain if t.i not in settled) or (
            _not_taken(chain) or _no_sign_of(chain[-1])):
        return "negated"  # "freed without charge", "no sign that he had pledged allegiance"
    if any(_conditional(t) for t in _chain(trigger, wide=True)) or _depends(trigger, chain):
        return "conditional"
    found = {label for token in chain if token.i not in settled
             for label in _cues_on(token, _is_passive(token), token is not trigger and token.i not in coordinated)}
    found |= set(settled.values()) - {"asserted"}
    if _future_time_clause(chain[-1]) or _scheduled(trigger):
        found.add("future")
    if _sought_through_prep(chain):
        found.add("intended")
    if _en_route(trigger):
        found.add("intended")
    if not found and any(_open_question(t) for t in chain):
        found.add("hedged")
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
    if any(_negated(t, True) for t in above):
        return "negated"
    if any(_conditional(t) for t in chain):
        return "conditional"
    auxiliaries = set(lexicon().modality["negated"].get("failed_blocking_auxiliaries", ()))
    found = {label for token in above for label in _cues_on(token, _is_passive(token), True)}
    if not any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in failure.children):  # "could not": the failure
        found |= set(_cues_on(failure, _is_passive(failure), False))
    return next((label for label in PRECEDENCE if label in found), "asserted")


def _not_taken(chain: list[Token]) -> bool:
    """The event is what was done without, or the alternative not taken: "freed without charge", "crossed without
    being arrested", "instead of attacking the embassy", "rather than fleeing"."""
    cues = lexicon().modality["negated"]
    alternatives = cues.get("alternatives", {})
    return any(t.dep_ in ("pobj", "pcomp") and (t.head.lower_ in cues["preps"] or any(
        c.lower_ in alternatives.get(t.head.lower_, ()) for c in t.head.children if c.dep_ == "advmod"))
        for t in chain)


def _future_time_clause(top: Token) -> bool:
    """A present-tense time clause of a future statement is future too: "will keep the base after its troops
    leave", "will hand over their weapons once the convoy arrives" (a past one, "arrested him after he returned",
    or a gerund, "after arriving", is presupposed and keeps its own modality)."""
    cues = lexicon().modality["future"]
    if top.dep_ != "advcl" or top.head.i == top.i or not any(
            c.dep_ == "mark" and c.lower_ in cues.get("time_clause_marks", ()) for c in top.children):
        return False
    verbs = [top] + [c for c in top.children if c.dep_ in ("aux", "auxpass")]
    present = any(t.tag_ in ("VBP", "VBZ") for t in verbs) and not any(t.tag_ in ("VBD", "MD") for t in verbs)
    will = {"will", "shall", "'ll"} & set(cues["auxiliaries"])
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


def _no_sign_of(top: Token) -> bool:
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
    # "there had not been any sign that ...", "did not find evidence that ..."
    return noun.dep_ in ("attr", "dobj") and any(c.dep_ == "neg" for c in noun.head.children)


def _depends(trigger: Token, chain: list[Token]) -> bool:
    """The event depends on something ("a trial would depend on the vote") or something on it ("a deal contingent
    on the vote")."""
    governors = set(lexicon().modality["conditional"].get("governors", ()))
    return (trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_.lower() in governors) or any(
        t.lemma_.lower() in governors for t in chain[1:])


def _sought_through_prep(chain: list[Token]) -> bool:
    """"called for the arrest", "pushed for a deal": these verbs seek what they govern only through the
    preposition."""
    prep_only = lexicon().modality["intended"].get("prep_only_governors", {})
    return any(below.dep_ == "prep" and below.lower_ in prep_only.get(above.lemma_.lower(), ())
               for below, above in pairwise(chain))


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
