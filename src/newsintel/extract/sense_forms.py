"""Non-event senses shown by the form of the sentence, whatever the trigger word: an infinitive after "failure" or
"refusal" (not done), a line of page furniture, a comparison ("as if they had been attacked"), a state after a
linking verb ("didn't feel threatened"), "it is striking that" and a tip to the reader ("Visit the show, Oct. 5-9").
No per-word entry of `data/senses.yaml` needed.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from newsintel.extract.describe import furniture_lines
from newsintel.extract.subjects import direct_object, subject_of
from newsintel.extract.triggers import lemma_of
from newsintel.resources import load_yaml


@functools.cache
def not_done_nouns() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("not_done") or ())


def not_done(token: Token) -> bool:
    """An infinitive after a noun saying it did not happen: "the government's failure to free them", "their
    refusal to leave" (the modality chain stops at such nouns, as it must for "his plan to travel"); a capability
    ("a missile capable of reaching Guam")."""
    if token.dep_ == "pcomp" and token.head.lower_ == "of" and lemma_of(token.head.head) in ("capable", "incapable"):
        return True
    return (
        token.dep_ == "acl"
        and lemma_of(token.head) in not_done_nouns()
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


def on_furniture_line(token: Token) -> bool:
    """The trigger is on a line of page furniture within its sentence: a list of other stories' headlines under
    a heading in capitals ("MOST READ IN NEWS ..."), a gallery slide caption ("9/16 ..."), a byline or credit
    (cues in data/actors.yaml, shared with the actors)."""
    text = token.doc.text
    spans = furniture_lines(text)
    if spans and spans[0][0] == 0 and _DATE_LIKE_SLIDE.match(text):
        spans = spans[1:]  # "9/11 hijackers ...": a date, no slide number
    return any(start <= token.idx < end for start, end in spans)


_DATE_LIKE_SLIDE = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}\s+[a-z]")
LINKING_VERBS = frozenset({"feel", "felt", "seem", "appear", "look", "sound"})  # "felt": the lemma of an aux


def state_after_linking_verb(token: Token) -> bool:
    """A participle after a linking verb is a state or an impression: "I didn't feel threatened", "he does not
    want to appear threatening" (not "appeared to threaten": an infinitive)."""
    if token.tag_ not in ("VBN", "VBG", "JJ"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and lemma_of(c) in LINKING_VERBS for c in token.children):
        return True  # the parser's "felt/aux threatened"
    return (
        token.dep_ in ("acomp", "xcomp", "oprd")
        and lemma_of(token.head) in LINKING_VERBS
        and not any(c.dep_ == "aux" for c in token.children)
    )


def comparison(token: Token) -> bool:
    """The trigger's clause is only a comparison: "it's like he shot us", "as if they had been attacked"."""
    for clause in (token, token.head):
        for mark in (c for c in clause.children if c.dep_ == "mark"):
            before = token.doc[mark.i - 1].lower_ if mark.i > 0 else ""
            if mark.lower_ in ("if", "though") and before == "as":
                return True
            if (
                mark.lower_ == "like"
                and clause.dep_ in ("advcl", "ccomp")
                and (lemma_of(clause.head) == "be" or clause.head.lower_ in ("'s", "’s"))
                and any(c.dep_ == "nsubj" and c.lower_ in ("it", "this", "that") for c in clause.head.children)
            ):
                return True
        if clause.dep_ not in ("conj", "xcomp"):
            break
    return False


def it_is_that(token: Token) -> bool:
    """'It is striking that/how ...': an adjective read as a verb, its subject the dummy 'it' and a clause after."""
    subject, _ = subject_of(token)
    return (
        subject is not None
        and subject.lower_ == "it"
        and direct_object(token) is None
        and any(c.dep_ == "ccomp" and c.i > token.i for c in token.children)
    )


@functools.cache
def likening_words() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("likening") or ())


DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def figure_of_comparison(token: Token) -> str | None:
    """A noun trigger something is likened to is a figure, no event: "tantamount to self-indictment", "akin to a
    declaration of war" (words in `likening`). A definite, owned or dated one is a real event compared with
    ("akin to the attack in Nice last year", "equivalent to his arrest")."""
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or token.head.lower_ != "to":
        return None
    head = token.head.head
    if lemma_of(head) not in likening_words() and head.lower_ not in likening_words():
        return None
    if any(c.dep_ in ("poss", "nummod") or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in token.children):
        return None
    if any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree):
        return None
    return head.lower_


def conjoined_modifier(token: Token) -> bool:
    """A noun trigger joined by "and" or "or" to a modifier of a noun modifies that noun too: "a processing and
    detention centre", "offshore and shell companies", "the arrest or release date" (like "escape route")."""
    if token.dep_ != "conj" or token.pos_ not in ("NOUN", "PROPN"):
        return False
    first = token.head
    return (
        first.dep_ in ("compound", "nmod", "amod")
        and first.head.i > token.i
        and first.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in ("det", "poss", "prep") for c in token.children)
    )


QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»"})


def reader_imperative(token: Token) -> bool:
    """A bare imperative opening a sentence in the writer's own voice is advice to the reader, no one's deed: "Visit
    the fair, Aug. 3-9", "Head to the museum early". An imperative someone says in the story is quoted ("'Leave
    now,' the officer told them": intended, GUIDELINES.md decision 7), so a sentence with a quotation mark keeps it,
    as does one whose main verb is another ("Leave now, police told residents")."""
    verb = token.head if token.dep_ == "conj" else token
    if verb.dep_ != "ROOT" or verb.tag_ != "VB" or token.tag_ != "VB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children):
        return False
    if any(t.text in QUOTE_MARKS or t.text in ("``", "''") for t in token.doc):
        return False
    first = next((t for t in token.doc if t.is_alpha and t.lower_ != "please"), None)
    return first is not None and first.i == verb.i


@functools.cache
def deeds_of_the_accused() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("deeds_of_the_accused") or ())


LIST_ITEM_MODIFIERS = frozenset({"det", "poss", "nummod", "prep", "acl", "relcl", "appos"})


def listed_kind(token: Token) -> bool:
    """A bare noun trigger in a list of three or more bare nouns names a kind of deed, no event: "a campaign
    against extremism, infiltration and sabotage", "crimes such as fraud, kidnapping and extortion". No one acts
    on anybody there and no time is given. A determiner, an owner, a number or an "of"-phrase on any item makes it
    a list of deeds done ("the arrest, trial and execution of two men"), as does an accusation the list hangs on
    (`deeds_of_the_accused` in senses.yaml: "accused of fraud, assault and theft")."""
    if token.pos_ != "NOUN" or token.tag_ != "NN":
        return False
    first = token
    while first.dep_ == "conj" and first.head.pos_ == "NOUN":
        first = first.head
    items = [first, *first.conjuncts]
    if len(items) < 3 or token not in items:
        return False
    governor = first.head.head if first.dep_ == "pobj" else first.head
    if {governor.lower_, lemma_of(governor)} & deeds_of_the_accused():
        return False  # "accused of fraud, assault and theft": deeds the accused did (extract/completion.py)
    return all(
        item.pos_ == "NOUN"
        and item.tag_ == "NN"
        and not any(c.dep_ in LIST_ITEM_MODIFIERS for c in item.children)
        for item in items
    )

