"""An emphatic reflexive that opens an apposition: "the scandal that toppled the mayor, himself awaiting trial",
"her aunt, herself a former hostage". It stands for the noun just before its comma, not for the clause's subject
that a reflexive object would take ("he hurt himself"; audit: the one awaiting trial shown as another person)."""

from __future__ import annotations

from spacy.tokens import Token

EMPHATIC = ("himself", "herself", "themselves")


def emphatic_owner(token: Token) -> Token | None:
    """The noun an emphatic reflexive after a comma stands for, when it is a subject or an apposition; else None."""
    if token.lower_ not in EMPHATIC or token.dep_ not in ("nsubj", "nsubjpass", "appos", "npadvmod") or token.i < 2:
        return None
    doc = token.doc
    if doc[token.i - 1].text != ",":
        return None
    noun = doc[token.i - 2]
    return noun if noun.pos_ in ("NOUN", "PROPN") and noun.ent_type_ not in ("DATE", "TIME", "GPE", "LOC") else None
