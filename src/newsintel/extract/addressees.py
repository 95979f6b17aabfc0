"""Who is asked to act: "the union called on Russia to release the journalists", "rights groups appealed to the
authorities to free them", "pressure on the government to arrest the killers". A verb or noun that addresses a call
or a pressure through a preposition (`addressed_control` in data/event_roles.yaml) leaves its infinitive's doer in
that preposition's object; the caller is only the one asking (audit: a body calling on another read as the doer)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.extract.triggers import lemma_of
from newsintel.resources import load_yaml

CLAUSE_DEPS = ("xcomp", "acl", "advcl", "relcl", "ccomp")


@cache
def _addressed() -> dict[str, frozenset[str]]:
    table = load_yaml("event_roles.yaml").get("addressed_control") or {}
    return {word: frozenset(preps) for word, preps in table.items()}


def addressee(clause: Token) -> Token | None:
    """The object of the preposition that addresses an infinitive's governor to someone ("called on X to free":
    X), when the infinitive has no subject of its own and the phrase comes before it; else None."""
    if clause.dep_ not in CLAUSE_DEPS or clause.head.i == clause.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in clause.children):
        return None
    governor = clause.head
    preps = _addressed().get(lemma_of(governor))
    if not preps:
        return None
    for prep in governor.children:
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i < clause.i:
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                return obj
    return None
