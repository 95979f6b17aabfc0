"""A court hearing still to come: "ahead of his sentencing", "faces trial in March", "asked for leniency at his
sentencing". Why: a sentencing or trial named as a noun carries no tense of its own, so it was shown as done on the
report's day; these phrases say it has not happened yet (future). Words: data/modality.yaml `future` `pending`.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon


def _cues() -> dict:
    return lexicon().modality["future"].get("pending", {})


def pending_hearing(trigger: Token) -> bool:
    """Is the hearing noun (a sentencing, a trial) still to come: after a preposition of before ("ahead of",
    "pending"), the object of a present verb of facing ("faces trial"), or the occasion of a plea for mercy ("asked
    for compassion during his sentencing", "urged the judge to show leniency at his trial")?"""
    cues = _cues()
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in cues.get("hearing_nouns", ()):
        return False
    if trigger.dep_ in ("dobj", "obj") and _facing_now(trigger.head):
        return True  # "he faces sentencing in March"
    if trigger.dep_ != "pobj" or trigger.head.dep_ != "prep":
        return False
    prep, governor = trigger.head, trigger.head.head
    if prep.lower_ in cues.get("before_preps", ()) or governor.lower_ in cues.get("before_words", ()):
        return True  # "pending trial", "ahead of his sentencing"
    if prep.lower_ not in cues.get("occasion_preps", ()):
        return False
    return _plea(governor)


def _facing_now(verb: Token) -> bool:
    """A present (or progressive) verb of facing: "faces", "is facing" (not "faced trial in 2019")."""
    if verb.lemma_.lower() not in _cues().get("facing_verbs", ()) or verb.tag_ not in ("VBZ", "VBP", "VBG"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def _plea(word: Token) -> bool:
    """The word is a plea for mercy or a verb that asks for one: "compassion", "asked for leniency", "show mercy"."""
    pleas = set(_cues().get("plea_nouns", ()))
    if word.lemma_.lower() in pleas:
        return True
    if word.pos_ not in ("VERB", "AUX"):
        return False
    near = [c for c in word.children if c.dep_ in ("dobj", "obj")]
    near += [g for c in word.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(n.lemma_.lower() in pleas for n in near)
