"""The verb that says whether an event noun came about: "the swap would take place", "the deal may be signed",
"an attack did not happen", "if the merger is not completed".

Why: an event noun is read as a fact unless something governs it, but a noun that is the subject of its own verb
of happening or of completion hands that verb the whole question of whether it happened. The verb's modality (its
auxiliary, negation, condition, or the reporting that governs it) is then the event's: the noun "deal" in "a deal
signing would take place" is no more done than the taking place. Only verbs that assert the occurrence itself count
(`data/modality.yaml` `realisation`): "the attack was condemned" or "the deal would boost trade" say something
about an event, not whether it came about.
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
    if any(c.dep_ == "advmod" and c.lower_ in lexicon().modality.get("realisation", {}).get("recurrence", ())
           for c in verb.children):
        return None  # "attacks like these must never happen again": a repeat is denied, not the attacks told of
    return verb if _verb_comes_about(verb) else None
