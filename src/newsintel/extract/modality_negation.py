"""Negation of an event: a negative word or denial on its chain, a subject that excludes everyone ("none of them
crossed"), what is done without or instead of ("freed without charge", "instead of attacking") and denied evidence
("there was no sign that he had pledged allegiance"). The strongest modality label, so read apart from the others.
"""

from __future__ import annotations

from itertools import pairwise

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
    if denial(token) or (governs and lemma in cues.get("blocking_governors", ())):
        return True
    if governs and lemma in cues.get("reluctance_governors", ()) and any(c.dep_ == "xcomp" for c in token.children):
        # "afraid to return"; "not afraid to" denies nothing, nor does a regret ("I'm afraid he has left")
        return not any(c.dep_ == "neg" for c in token.children)
    contracted = set(cues.get("contracted", ()))
    # the parser may hang a curly "n’t" on the auxiliary rather than the verb ("and didn’t return")
    on_auxiliary = any(c.dep_ == "aux" and any(g.lower_ in contracted for g in c.children) for c in token.children)
    return on_auxiliary or _nobody_does(token) or _negative_phrase(token) or any(
        c.lower_ in contracted or (c.lower_ in cues["words"] and (
            c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and token.pos_ == "NOUN")))
        for c in token.children)


def denial(token: Token) -> bool:
    """A verb or adjective of denial, refusal or failure ("denied", "refused", "unable"); "decline" and "fail" only
    with what is refused or missed ("declined to comment", "failed to stop them"; "numbers declined by half", "the
    talks failed" tell a fall or a breakdown), "rule" only with "out" ("ruled out a deal"; "ruled that" denies
    nothing): data/modality.yaml negated `complement_governors`, `particle_governors`."""
    cues, lemma = lexicon().modality["negated"], token.lemma_.lower()
    if lemma not in cues["governors"]:
        return False
    particles = cues.get("particle_governors", {})
    if lemma in particles:
        return any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in particles[lemma] for c in token.children)
    if lemma in cues.get("complement_governors", ()):
        return any(c.dep_ in ("xcomp", "ccomp", "pcomp") or (c.dep_ == "dobj" and not _amount(c))
                   for c in token.children)
    return True


def _amount(word: Token) -> bool:
    """"declined 5 percent", "fell 200 points": an amount, not what is refused."""
    return word.like_num or word.lower_ in ("%", "percent", "per") or any(
        c.dep_ in ("nummod", "quantmod") or c.like_num for c in word.children)


def _negative_phrase(token: Token) -> bool:
    """A phrase of "no" after its preposition that negates the word's clause: "at no time did they agree", "in no
    way attacked", "under no circumstances will they leave" (data/modality.yaml `negative_phrases`; "in no time",
    "with no warning" deny nothing)."""
    phrases = lexicon().modality["negated"].get("negative_phrases", {})
    return any(prep.dep_ == "prep" and any(
        noun.dep_ == "pobj" and noun.lower_ in phrases.get(prep.lower_, ()) and any(
            d.dep_ == "det" and d.lower_ == "no" for d in noun.children) for noun in prep.children)
        for prep in token.children)


CONTENT_PREPS = ("about", "of")
DEFINITE = ("the", "this", "that", "these", "those")
RELATIVE_WORDS = ("that", "which", "who", "whom", "whose")


def _claim_noun(chain: list[Token]) -> Token | None:
    """The noun whose content the event is: "claims that he attacked her", "her claims about being beaten",
    "allegations of assault", "reports that the army attacked ... are false" (not a relative clause: "the claims
    that he made")."""
    cues = lexicon().modality["hedged"]
    nouns = set(cues.get("disputable_nouns", ()))

    def is_claim(t: Token) -> bool:
        return t.pos_ == "NOUN" and t.lemma_.lower() in nouns

    for k, (below, above) in enumerate(pairwise(chain)):
        if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in chain[1:k + 1]):
            return None  # "the allegation that they were the perpetrators of the assaults": the assaults are known
        if is_claim(above) and (below.dep_ == "ccomp" or (below.dep_ == "prep" and below.lower_ in CONTENT_PREPS)):
            return above
    top = chain[-1]
    if len(chain) > 1 and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in chain[1:]):
        return None
    if top.dep_ in ("acl", "ccomp") and is_claim(top.head) and not any(
            c.lower_ in RELATIVE_WORDS and c.dep_ != "mark" for c in top.children):
        return top.head
    if top.dep_ == "pcomp" and top.head.lower_ in CONTENT_PREPS and is_claim(top.head.head):
        return top.head.head
    return None


def claimed(chain: list[Token]) -> str | None:
    """"negated" when the event is what a claim says and the claim is called untrue or denied in its sentence ("her
    claims about being beaten are untrue", "dismissed claims that ..."); "hedged" when it is only claimed or
    alleged ("her claims that he attacked her"); else None."""
    noun = _claim_noun(chain)
    trigger = chain[0]
    if noun is None or (trigger.pos_ == "NOUN" and any(
            c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in trigger.children)):
        return None  # "reports that men tied to the bombings ...": a definite event is known, not claimed
    cues = lexicon().modality
    falsity, denials = set(cues["hedged"].get("falsity_words", ())), set(cues["negated"]["governors"])
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.i != noun.i:
        if head.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in falsity
                                       for c in head.children):
            return "negated"
        if noun.dep_ == "nsubjpass" and head.lemma_.lower() in denials:
            return "negated"
    if noun.dep_ == "dobj" and head.lemma_.lower() in denials:
        return "negated"
    return "hedged" if noun.lemma_.lower() in cues["hedged"].get("claim_nouns", ()) else None


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
