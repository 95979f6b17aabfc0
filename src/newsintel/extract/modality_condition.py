"""Conditions on an event: an if/unless clause on it or below it, an inverted clause ("should war break out", "were
he to attack"), "were to", a clause opened by "otherwise" ("act now; otherwise they may be charged") and a dependence
("depends on the vote", "contingent on the vote"). A condition covers all its clause governs, so modality.py reads it
on the wide chain.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsintel.extract.lexicon import lexicon


def conditional(token: Token) -> bool:
    """The word is in an if/unless clause, or such a clause hangs off it ("will return if the border opens")."""
    cues = lexicon().modality["conditional"]
    markers, inverted = cues["markers"], set(cues.get("inverted_auxiliaries", ()))

    def marked(t: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in markers for c in t.children) or _inverted(t, inverted)

    were_to = token.dep_ == "xcomp" and token.head.lower_ == "were" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)  # "if he were to attack", "were they to go"
    return were_to or marked(token) or _otherwise(token) or any((c.dep_ in ("advcl", "relcl") and marked(c)) or (
        c.dep_ == "ccomp" and _inverted(c, inverted)) for c in token.children)


def _otherwise(clause: Token) -> bool:
    """The clause opens, after another, with an adverb of the alternative ("act now; otherwise the rebels may be
    charged", "or otherwise they will leave"): what it tells follows only if something else is not done. Not
    inside a phrase ("an otherwise quiet town") nor set off by a comma ("Otherwise, the day was calm": apart from
    that)."""
    adverbs = set(lexicon().modality["conditional"].get("adverbs", ()))
    subjects = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    doc = clause.doc
    for c in clause.children:
        if c.dep_ != "advmod" or c.lower_ not in adverbs or c.i > clause.i or any(i < c.i for i in subjects):
            continue
        after_clause = c.i == 0 or doc[c.i - 1].is_punct or doc[c.i - 1].pos_ == "CCONJ"
        if after_clause and not (c.i + 1 < len(doc) and doc[c.i + 1].text == ","):
            return True
    return False


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


def depends(trigger: Token, chain: list[Token]) -> bool:
    """The event depends on something ("a trial would depend on the vote") or something on it ("a deal contingent
    on the vote")."""
    governors = set(lexicon().modality["conditional"].get("governors", ()))
    return (trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_.lower() in governors) or any(
        t.lemma_.lower() in governors for t in chain[1:])
