"""The verb that says whether an event noun came about: "the swap would take place", "the deal may be signed",
"an attack did not happen", "if the merger is not completed".

Why: an event noun is read as a fact unless something governs it, but a noun that is the subject of its own verb
of happening or of completion hands that verb the whole question of whether it happened. The verb's modality (its
auxiliary, negation, condition, or the reporting that governs it) is then the event's: the noun "deal" in "a deal
signing would take place" is no more done than the taking place. Only verbs that assert the occurrence itself count
(`data/modality.yaml` `realisation`): "the attack was condemned" or "the deal would boost trade" say something
about an event, not whether it came about. An indefinite event noun as the subject of a modal clause ("a deal could
ease the dispute") is a hypothetical one, whatever the verb: the clause's modality is its own too. An event noun said
to stay out of reach ("a deal has remained out of reach", "progress on a truce stays elusive") did not come
about.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon

# "a deal signing", "the prisoner swap talks": an event noun inside a compound is the subject through its head
MAX_COMPOUND_STEPS = 2


def _verb_comes_about(verb: Token) -> bool:
    """A verb of happening or completion: one-word ("happen", "occur", "signed") or with its particle or object
    ("take place", "go ahead", "carried out")."""
    cues = lexicon().modality.get("realisation", {})
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or lemma == "be":
        return False
    if lemma in cues.get("verbs", ()):
        return True
    completions = cues.get("with_word", {})
    if lemma not in completions:
        return False
    return any(c.dep_ in ("prt", "dobj", "advmod", "prep") and c.lower_ in completions[lemma] for c in verb.children)


def realising_verb(trigger: Token) -> Token | None:
    """The verb of happening or completion whose subject is the event noun (itself, or the noun it is a compound
    of), else None."""
    if trigger.pos_ != "NOUN":
        return None
    noun = trigger
    for _ in range(MAX_COMPOUND_STEPS):
        if noun.dep_ != "compound" or noun.head.pos_ not in ("NOUN", "PROPN"):
            break
        noun = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i == noun.i:
        return None
    verb = noun.head
    if _again(verb):
        return None  # "attacks like these must never happen again": a repeat is denied, not the attacks told of
    if _hedged_detail(verb):
        return None  # "the stabbing may have happened after he tried to steal a bag": why or when is in doubt
    return verb if _verb_comes_about(verb) else None


def _hedged_detail(verb: Token) -> bool:
    """A perfect modal ("may have happened", "might have been carried out") on a verb with an adjunct of cause or
    time: the doubt is about that detail, not about whether a known event came about (data/modality.yaml
    `realisation` `hedged_detail_*`)."""
    cues = lexicon().modality.get("realisation", {})
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if not any(a.tag_ == "MD" for a in auxiliaries) or not any(a.lemma_ == "have" for a in auxiliaries):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    marks, preps = set(cues.get("hedged_detail_marks", ())), set(cues.get("hedged_detail_preps", ()))
    nouns = set(cues.get("hedged_detail_nouns", ()))
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in child.children):
            return True
        if child.dep_ == "prep" and (child.lower_ in preps or any(
                g.dep_ == "pobj" and g.lemma_.lower() in nouns for g in child.children)):
            return True
    return False


def _again(verb: Token) -> bool:
    recurrence = lexicon().modality.get("realisation", {}).get("recurrence", ())
    return any(c.dep_ == "advmod" and c.lower_ in recurrence for c in verb.children)


def modal_predicate(trigger: Token) -> Token | None:
    """The verb of a modal clause whose subject is an indefinite event noun or a bare plural ("a deal could ease
    the dispute", "an attack would kill thousands", "strikes on shipping could close the strait"): no event that
    took place is told of, so the clause's modality is the event's. A definite noun is an event already known
    ("the attack could have been avoided", "the deal would give them control"), and a perfect modal looks back on
    one ("a strike may have killed ten"): None for both."""
    if trigger.pos_ != "NOUN" or trigger.dep_ not in ("nsubj", "nsubjpass") or trigger.head.i == trigger.i:
        return None
    verb = trigger.head
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if not any(a.tag_ == "MD" for a in auxiliaries) or any(a.lemma_ == "have" for a in auxiliaries) or _again(verb):
        return None  # "attacks like these must never happen again": about a repeat of known ones
    determiners = set(lexicon().modality["hedged"].get("indefinite_determiners", ()))
    indefinite = any(c.dep_ == "det" and c.lower_ in determiners for c in trigger.children)
    # a bare plural is a kind or an open set too ("attacks on shipping could close the strait"), unless a
    # determiner, possessive or number makes it known ("their attacks", "two attacks")
    bare = trigger.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in trigger.children)
    return verb if indefinite or bare else None


# "progress towards a deal", "the prospect of a ceasefire": the noun whose fate the event's is (only nouns of
# progress or prospect, data/modality.yaml `unreached_heads`: "fighters in the attack" are no deal to reach)
UNREACHED_PREPS = ("in", "of", "on", "for", "to", "towards", "toward")


def unreached(trigger: Token) -> bool:
    """The event noun, or the noun of progress it is "in", "on" or "of" ("progress on the trade deal"), is the subject
    of a verb of being or staying with a predicate of not being reached: "a deal has remained out of reach", "a
    ceasefire stays elusive", "peace seemed beyond reach" (data/modality.yaml negated `unreached_*`). The event did
    not happen."""
    cues = lexicon().modality["negated"]
    verbs, adjectives = set(cues.get("unreached_verbs", ())), set(cues.get("unreached_adjectives", ()))
    phrases, heads = cues.get("unreached_phrases", {}), set(cues.get("unreached_heads", ()))
    if trigger.pos_ != "NOUN":
        return False
    noun = trigger
    for _ in range(MAX_COMPOUND_STEPS + 1):
        if noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ in UNREACHED_PREPS and noun.head.dep_ == "prep" and \
                noun.head.head.lower_ in heads:
            noun = noun.head.head
        else:
            break
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.i == noun.i or verb.lemma_.lower() not in verbs:
        return False
    if any(c.dep_ in ("acomp", "attr", "oprd") and c.lower_ in adjectives for c in verb.children):
        return True
    return any(c.dep_ in ("prep", "advmod") and any(
        d.lower_ in phrases.get(c.lower_, ()) for d in c.subtree if d.i != c.i) for c in verb.children)
