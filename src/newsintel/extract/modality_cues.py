"""Modality cues read on one word of an event's governing chain: what it says of the event it governs.

Governing verbs and nouns ("tried to", "plans to", "the risk of"), auxiliaries ("will", "may", "must"), hedging
adverbs, modal adjectives on an event noun ("a planned trip"), purpose and degree infinitives ("went to Syria to
fight", "long enough to reach"), a journey under way ("were going to Tokyo") and an open question or "either ...
or". The words are data (`data/modality.yaml`); which label wins when several apply is modality.py's business.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon


def cues_on(token: Token, passive: bool, as_governor: bool) -> list[str]:
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
    if as_governor and token.pos_ == "NOUN" and lemma in cues["intended"].get("infinitive_nouns", ()) and any(
            c.dep_ == "acl" and _to_infinitive(c) for c in token.children):
        found.append("intended")  # "pressure on the army to fight": wanted of the army, not done
    if token.pos_ in ("NOUN", "PROPN"):  # "a planned trip", "possible victims of assault", "an attempted arrest"
        found += [label for label in ("hedged", "intended", "future", "attempted") for c in token.children
                  if _modal_modifier(token, c, label)]
    if imperative(token):
        found.append("intended")  # "Visit the show on Sunday", "leave the city and join us"
    if lemma in cues["intended"].get("present_governors", ()) and token.tag_ in ("VB", "VBP", "VBZ") \
            and not any(c.dep_ == "aux" and c.tag_ == "VBD" for c in token.children) \
            and any(c.dep_ == "xcomp" and _to_infinitive(c) and _next_to(token, c) and not _aside(c, token)
                    for c in token.children):
        # "have to leave", "need to withdraw" (also as what a claim says: "they have to help us"); not "had to
        # flee", "why did it have to be shot" (a past obligation tells what was done), "I have to say", "has a
        # camera to map the ice" (a purpose)
        found.append("intended")
    if not as_governor and lemma in cues["intended"].get("wish_verbs", ()) and any(
            c.dep_ in ("xcomp", "ccomp") for c in token.children):
        found.append("intended")  # what a claim says is a wish: "I hope that we will be able to ..."
    if as_governor and lemma in cues["intended"].get("would_wishes", ()) and token.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ in cues["intended"].get("would_auxiliaries", ()) for c in token.children):
        found.append("intended")  # "would like them to leave", "I'd love to see us strike back": a wish
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
    if relative_infinitive(token):
        pass  # "the first of the hostages to be released": one who was released, not a purpose
    elif outcome_infinitive(token):
        pass  # "fled to Turkey only to be arrested": what came of the move, told as done
    elif duration_infinitive(token):
        pass  # "the jury took an hour to convict him": done in that time, the verb of spending it tells when
    elif token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        found.append("intended")  # purpose clause: "went to Syria to fight"
    elif _purpose_of_moving(token):
        found.append("intended")  # "entered the country to sneak into the US"
    for child in token.children:
        word = child.lower_
        if child.dep_ == "aux" and word in cues["future"]["auxiliaries"]:
            if _hypothetical(token, child, as_governor):
                found.append("conditional")  # "would have loved to", "a truce would allow them to withdraw"
            elif not (word == "would" and _habitual(token)):
                found.append("future")
        elif child.dep_ == "aux" and word in cues["intended"].get("auxiliaries", ()) and not _aside(token, child):
            perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in token.children)
            inferred = perfect or (word == "must" and token.lemma_ == "be")  # "must have fled", "must be the worst"
            found.append("hedged" if inferred else "intended")  # "should withdraw", "must leave"
        elif (child.dep_ == "aux" and word in hedged["auxiliaries"]) or (
                child.dep_ in ("advmod", "npadvmod") and word in hedged["adverbs"]):
            found.append("hedged")
    return found


def _modal_modifier(noun: Token, word: Token, label: str) -> bool:
    """`word` is an adjective of `label` on the event noun ("a planned trip", "Future attacks", "a would-be deal"). An
    attempted killing is an assault that took place, its victim lived ("charged with attempted murder"): "attempted"
    on one of data/modality.yaml `done_attack_nouns` is no cue."""
    adjectives = lexicon().modality[label].get("adjectives", ())
    if label == "attempted" and word.lower_ == "attempted" and noun.lemma_.lower() in lexicon().modality[
            "attempted"].get("done_attack_nouns", ()):
        return False
    return (word.dep_ == "amod" and (word.lower_ in adjectives or word.lemma_.lower() in adjectives)) or (
        word.dep_ == "compound" and word.lower_ in adjectives) or (
        word.dep_ in ("amod", "nmod") and _hyphenated(word) in adjectives)


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _next_to(verb: Token, infinitive: Token) -> bool:
    """The infinitive's "to" follows the verb with only adverbs between ("have to leave", "really need to go"), not
    an object ("has a camera to map the ice")."""
    to = next((c for c in infinitive.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    return to is not None and to.i > verb.i and all(t.pos_ in ("ADV", "PART") for t in verb.doc[verb.i + 1:to.i])


def _hypothetical(verb: Token, auxiliary: Token, as_governor: bool) -> bool:
    """"would have" + participle ("he would have loved to go": counterfactual) or "would" on a verb of enabling that
    governs the event ("a truce would allow them to withdraw", "a deal would lead to their release"): what it tells
    is a hypothesis, not what is still to come (data/modality.yaml conditional `counterfactual_auxiliaries`,
    `enabling_governors`). The enabling itself, said as a statement ("it would allow more aid"), stays future."""
    cues = lexicon().modality["conditional"]
    if auxiliary.lower_ not in cues.get("counterfactual_auxiliaries", ()) or _habitual(verb):
        return False
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children)
    return perfect or (as_governor and verb.lemma_.lower() in cues.get("enabling_governors", ()))


def _hyphenated(word: Token) -> str:
    """A hyphenated modifier the parser split into a head and its dependents ("would-be": "be" with "would")."""
    parts = list(word.subtree)
    if len(parts) < 2 or not any(t.tag_ == "HYPH" for t in parts):
        return word.lower_
    return "".join(t.lower_ for t in parts)


# what may stand before an imperative verb in its clause: "Please leave", "then go", "and join us", "Do come"
IMPERATIVE_OPENERS = {"punct", "advmod", "cc", "intj", "discourse", "neg", "npadvmod"}


def imperative(token: Token) -> bool:
    """A bare verb with no subject or auxiliary opening its sentence or a clause set off by punctuation ("Visit the
    show", "'Leave the city now,' the message said", "..., then rely on God and kill him"): a command or advice,
    GUIDELINES.md decision 7. A bare verb after another verb ("help rebuild", "let them go") opens no clause."""
    if token.tag_ != "VB" or token.dep_ not in ("ROOT", "ccomp", "dep", "parataxis", "advcl"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "auxpass", "csubj") or (
            c.dep_ == "aux" and c.lemma_ != "do") for c in token.children):
        return False
    if any(c.i < token.i and c.dep_ not in IMPERATIVE_OPENERS and not (c.dep_ == "aux" and c.lemma_ == "do")
           for c in token.children):
        return False
    first = min(token.subtree, key=lambda t: t.i).i
    while first > 0 and token.doc[first - 1].pos_ in ("ADV", "CCONJ", "INTJ"):
        first -= 1  # ", then rely on them": an adverb the parser hung elsewhere still opens the clause
    # the parser hangs an opening command on a reporting verb after it as an adverbial clause ("Go home, he said")
    opens = first == 0 or (token.doc[first - 1].is_punct and token.dep_ != "advcl")
    return opens and not token.doc.text.rstrip(" \"'”’)").endswith("?")


def relative_infinitive(token: Token) -> bool:
    """An infinitive told of one of a ranked set ("the first of the girls to be released", "the last to leave"):
    what that one did (with "next", what is to come: the future cue is the caller's), not what it was for."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    ranks = set(lexicon().modality.get("settled", {}).get("ranks", ()))

    def ranked(word: Token) -> bool:  # "the first", "the last hostages"
        return (word.lower_ in ranks or any(c.dep_ == "amod" and c.lower_ in ranks for c in word.children)) and any(
            c.dep_ == "det" and c.lower_ == "the" for c in word.children)

    for ancestor in list(token.ancestors)[:5]:
        if ranked(ancestor):
            return True
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ not in ("acl", "relcl"):
            # "they are the first to be freed": the infinitive hung on the copula; "went first to Ankara to meet
            # him" is a clause of its own
            return ancestor.lemma_ == "be" and any(c.dep_ == "attr" and ranked(c) for c in ancestor.children)
    return False


def outcome_infinitive(token: Token) -> bool:
    """An infinitive clause after "only" ("returned home only to find it destroyed", "fled only to be caught") or a
    verb of sequel ("went on to fight"): what came of the action, not its purpose (data/modality.yaml
    `outcome_words`, `sequel_particles`)."""
    cues = lexicon().modality["intended"]
    words, sequels = set(cues.get("outcome_words", ())), cues.get("sequel_particles", {})
    to = next((c for c in token.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or token.dep_ not in ("advcl", "xcomp") or token.head.i == token.i:
        return False
    particles = sequels.get(token.head.lemma_.lower(), ())
    return any(c.dep_ == "advmod" and c.lower_ in words and c.i < to.i for c in token.children) or any(
        c.dep_ == "prt" and c.lower_ in particles for c in token.head.children)


def duration_infinitive(token: Token) -> bool:
    """An infinitive after a verb of spending time that states the time ("took only ten minutes to convict him",
    "it took police two days to find them", "didn't take long to reach"): what was done in that time, not a purpose
    (data/modality.yaml intended `duration_verbs`, `duration_nouns`)."""
    cues = lexicon().modality["intended"]
    head = token.head
    if token.dep_ not in ("advcl", "xcomp", "ccomp") or head.i == token.i or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    if head.lemma_.lower() not in cues.get("duration_verbs", ()):
        return False
    nouns = set(cues.get("duration_nouns", ()))
    return any(c.dep_ in ("dobj", "npadvmod", "advmod", "attr") and c.lemma_.lower() in nouns for c in head.children)


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
    return (token.dep_ == "xcomp" and head.i != token.i and not outcome_infinitive(token)
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


def open_question(token: Token) -> bool:
    """A clause that leaves open whether the event happened: a question ("unclear whether he started shooting") or
    one of an "either ... or" pair ("either violating the rules or entering illegally"). A weak cue: any other one
    wins over it ("will decide whether they are released" is intended, "will either surrender or die" future)."""
    hedged = lexicon().modality["hedged"]
    either = set(hedged.get("disjunction", ()))
    return (any(c.dep_ == "mark" and c.lower_ in hedged.get("markers", ()) for c in token.children)
            or any(c.dep_ == "preconj" and c.lower_ in either for c in token.children)
            or (token.dep_ == "conj" and any(c.dep_ == "preconj" and c.lower_ in either
                                             for c in token.head.children)))


def asked(governor: Token) -> bool:
    """A governing word in a question clause ("whether he really wants a deal", "whether they tried to leave"):
    what it tells of the event is itself open, so it wins over the governor's own cue (unlike `open_question` on
    the event's own clause: "will decide whether they are released" stays intended)."""
    markers = set(lexicon().modality["hedged"].get("markers", ()))
    return any(c.dep_ == "mark" and c.lower_ in markers for c in governor.children)


def en_route(token: Token) -> str | None:
    """A movement verb in the progressive with a destination ("was travelling to Syria", "are heading for the
    border", "was returning home when ..."): "attempted" when the sentence says the journey was cut short
    (`journey_cut_short`); else None for a past one ("were going to Tokyo but had separate tickets": told as done,
    as the audit judged it) and for one only "home", and "intended" for a present one to a place ("is flying to Lima
    on Monday": what they mean to do); None for no journey under way."""
    cues = lexicon().modality["attempted"]
    if not (token.tag_ == "VBG" and token.lemma_.lower() in cues.get("en_route_verbs", ())
            and any(c.dep_ == "aux" and c.lemma_ == "be" and c.lower_ not in ("be", "been", "being")
                    for c in token.children)):
        return None
    if any(c.dep_ == "prt" and c.lower_ in cues.get("not_en_route_particles", ()) for c in token.children):
        return None  # "the shooting is going on for an hour": lasting, no journey
    to_place = any(c.dep_ == "prep" and c.lower_ in cues.get("en_route_preps", ()) for c in token.children)
    home = any(c.dep_ in ("advmod", "npadvmod", "dobj") and c.lower_ in cues.get("en_route_adverbs", ())
               for c in token.children)
    if not (to_place or home):
        return None
    if journey_cut_short(token):
        return "attempted"
    past = any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ == "VBD" for c in token.children)
    return "intended" if to_place and not past else None


def journey_cut_short(token: Token) -> bool:
    """The sentence says the journey under way was interrupted: a clause opened by "when"/"before"/"until" on it
    ("was returning home when the storm hit") or a coordinated verb of stopping, arrest, crash or death ("were
    heading for the border but were intercepted", "was driving to X and crashed"; data/modality.yaml
    `interruption_marks`, `interruption_verbs`). A sequel that does not stop it ("and then saw the crowd", "but were
    booked on separate flights") is no interruption."""
    cues = lexicon().modality["attempted"]
    marks, verbs = set(cues.get("interruption_marks", ())), set(cues.get("interruption_verbs", ()))
    particles = cues.get("interruption_particles", {})

    def stops(verb: Token) -> bool:
        lemma = verb.lemma_.lower()
        if lemma in particles:
            return any(c.dep_ in ("prt", "advmod") and c.lower_ in particles[lemma] for c in verb.children)
        return lemma in verbs

    for child in token.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in child.children):
            return True
        if child.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ in marks and c.i < child.i
                                         for c in child.children):
            return True  # the parser's "when" as an adverb of its clause
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and stops(child):
            return True
    return False


def _habitual(token: Token) -> bool:
    """"would travel there every summer", "would often go": a frequency word on the verb makes "would" a past
    habit."""
    words = set(lexicon().modality["future"].get("habitual_words", ()))
    return any(c.lower_ in words or (c.dep_ == "npadvmod" and any(d.lower_ in words for d in c.children))
               for c in token.children)
