"""A trigger found in a sentence, and what its event type means for reading its roles.

Shared by the role readers of verbs (`roles.py`), of nouns (`noun_roles.py`), of prepositions (`prep_roles.py`)
and by the completion and place rules, so it sits below all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsintel.extract.lexicon import EventType, lexicon
from newsintel.resources import event_types_meaning

# What a type means is data (events.yaml `means`):
MOVERS = event_types_meaning("mover")  # the actor moves; others act on a target
INTRANSITIVE = event_types_meaning("of_is_actor")  # "the surrender of 150 militants": they are the actors
TRANSFERS = event_types_meaning("movement")  # events whose participants' from/to places are the route
FORCE = event_types_meaning("country_party")  # a country named before these is a party, not a place
# verbs whose object noun is the event ("carried out an attack", "signed a deal"): the noun is the trigger
LIGHT_VERBS = {"carry", "launch", "stage", "mount", "conduct", "plan", "plot", "attempt", "make", "lead", "begin",
               "start", "commit", "order", "organise", "organize", "orchestrate", "execute", "claim", "undertake",
               "sign", "reach", "strike", "broker", "negotiate", "face", "take", "complete", "continue", "perpetrate",
               "push", "wage", "intensify", "step", "press", "announce"}
ROLES = ("actors", "targets", "location", "origin", "destination", "via")


@dataclass(slots=True)
class Trigger:
    token: Token
    type: EventType
    nominal: bool
    extra: list[Token] = field(default_factory=list)  # particle or object that completes a multi-word trigger
    passive: bool = False


def lemma_of(token: Token) -> str:
    """The lower-case lemma, the form every word list of the lexicons is matched in; for the few word forms the
    tagger lemmatises wrongly ("raped" -> "rap"), the lemma the lexicon gives them (events.yaml `lemma_fixes`)."""
    lemma = token.lemma_.lower()
    return lexicon().lemma_fixes.get(token.lower_, lemma) if token.pos_ == "VERB" else lemma
