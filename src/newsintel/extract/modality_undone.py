"""A finished movement undone before arrival: "boarded a flight to Oslo but were removed from the plane", "set off
for the border and were turned back". Why: the movement verb is in the simple past, so it was shown as done, but a
coordinated clause about the same movers says the trip was stopped: the journey to the place was attempted, not
achieved. Only verbs of being stopped or taken off count (data/modality.yaml `attempted` `undone_*`): "flew to
Oslo and was arrested" or "and later returned" arrived first.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon

# a clause of its own counts only when its subject is a pronoun standing for the movers ("but they were removed")
MOVER_PRONOUNS = ("he", "she", "they", "we", "i")


def _cues() -> dict:
    return lexicon().modality["attempted"]


def _stops(verb: Token) -> bool:
    """A verb of being stopped or taken off: "were removed", "was intercepted", "kicked off", "denied boarding"."""
    cues = _cues()
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if not passive and lemma not in cues.get("undone_stop_active", ()):
        return False  # "set off for Lyon and stopped in Dijon", "boarded the plane and it took off": went on
    if lemma in cues.get("undone_stop_verbs", ()):
        return True
    words = cues.get("undone_stop_with_word", {}).get(lemma)
    return bool(words) and any(
        c.dep_ in ("prt", "advmod", "dobj", "oprd", "prep") and c.lower_ in words for c in verb.children)


def _same_movers(verb: Token) -> bool:
    """The stopping clause has no subject of its own (it shares the movement's) or a pronoun for the movers."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subjects or all(s.lower_ in MOVER_PRONOUNS for s in subjects)


def undone_move(trigger: Token) -> bool:
    """Is the trigger a past movement verb with a coordinated clause saying the movers were stopped on the way?"""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _cues().get("undone_move_verbs", ()):
        return False
    if trigger.tag_ not in ("VBD", "VBN"):
        return False
    return any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > trigger.i and _stops(c) and _same_movers(c)
               for c in trigger.children)
