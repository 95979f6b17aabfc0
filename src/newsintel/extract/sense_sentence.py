"""Senses read off the whole sentence (`sentence_senses` in data/senses.yaml), for triggers whose own dependents
say nothing: "doctors would not say whether the boy had been released" tells of a patient sent home, no one freed
from captivity. A word of the entry's `unless` list keeps the event sense ("the hostages were released and taken to
hospital")."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from newsintel.extract.triggers import lemma_of
from newsintel.resources import load_yaml

Senses = dict[str, tuple[frozenset[str], frozenset[str]]]  # sense name -> (cues, unless)


@functools.cache
def sentence_senses() -> dict[str, Senses]:
    """Trigger key -> its senses read off the sentence."""
    out: dict[str, Senses] = {}
    for key, senses in (load_yaml("senses.yaml").get("sentence_senses") or {}).items():
        out[str(key)] = {
            str(name): (
                frozenset(str(w).lower() for w in spec.get("cues") or ()),
                frozenset(str(w).lower() for w in spec.get("unless") or ()),
            )
            for name, spec in senses.items()
        }
    return out


def sentence_sense(token: Token, key: str) -> str | None:
    """The sense of the trigger `token` (entry `key`) its sentence shows ("hospital discharge: doctors"), or None."""
    senses = sentence_senses().get(key)
    if not senses:
        return None
    words = {t.lower_ for t in token.sent} | {lemma_of(t) for t in token.sent}
    for name, (cues, unless) in senses.items():
        found = words & cues
        if found and not words & unless:
            return f"{name}: {sorted(found)[0]}"
    return None
