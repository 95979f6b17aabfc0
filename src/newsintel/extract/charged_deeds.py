"""Deeds named in a charge or accusation: who is accused of them, and that they are alleged.

"she was accused of fraud and assault", "police charged two men with robbery", "the charges against him included
assault", "charged with murder in the stabbing of a clerk", "a man charged in the shooting of": the accused (the
passive subject or the object of the accusing word, or whom the charge is against) is the deed's doer
(`accused_doer`), also for every member of a coordination, and replaces the accuser that the clause's subject had
given ("deputies charged him with fleeing": he fled, not the deputies; `accuse_the_accused`). Such a deed is alleged,
not told as done (`charged_deed`, read by modality.py: hedged); a court's finding ("convicted of", "found guilty
of") is not. The words are data (`accusing_words`, `hedging_accusations`, `charge_incident_preps`,
`charge_listing_preps` in data/events_completion.yaml; `accusation_nouns` in data/events.yaml).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.extract.accused import charge_object_subject
from newsintel.extract.lexicon import lexicon
from newsintel.extract.subjects import direct_object
from newsintel.extract.triggers import Trigger, lemma_of
from newsintel.resources import load_yaml

Args = dict[str, list[Token]]


@cache
def _accusing_verbs() -> dict[str, frozenset[str]]:
    """Verb (or adjective) lemma -> the prepositions that name the deed it accuses someone of
    (`accusing_words` in data/events_completion.yaml)."""
    data = load_yaml("events_completion.yaml")["accusing_words"]
    return {word: frozenset(preps) for word, preps in data.items()}


@cache
def _incident_preps() -> frozenset[str]:
    return frozenset(load_yaml("events_completion.yaml")["charge_incident_preps"])


@cache
def _charge_listing_preps() -> frozenset[str]:
    return frozenset(load_yaml("events_completion.yaml")["charge_listing_preps"])


def first_conjunct(token: Token) -> Token:
    """The first member of the coordination a token belongs to ("fraud" for "assault" in "fraud, assault and
    theft"), or the token itself."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _charge_list_member(token: Token) -> Token:
    """A gerund the parser hung on the accusing verb in a comma list of charges ("charged him with speeding,
    fleeing police, driving ..."): read as the first member of the list, the object of the verb's "with"; any
    other token is itself."""
    verb = token.head
    if token.dep_ != "advcl" or token.tag_ != "VBG" or verb.i == token.i or any(
            c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in token.children):
        return token
    preps = _accusing_verbs().get(lemma_of(verb), frozenset())
    listed = [g for p in verb.children if p.dep_ == "prep" and p.lower_ in preps and p.i < token.i
              for g in p.children if g.dep_ in ("pobj", "pcomp")]
    before = token.doc[token.i - 1]
    return listed[-1] if listed and before.text == "," else token


def accused_doer(noun: Token) -> Token | None:
    """Who is accused of the deed a noun (or gerund) names: the passive subject or the object of an accusing verb
    whose preposition governs it ("he was accused of assault", "police charged two men with robbery", "found
    guilty of murder"), or the accused of a charge that lists it ("charges including assault")."""
    head = _charge_list_member(first_conjunct(noun))
    listing = _listing_charge(head)
    if listing is not None:  # "the charges against her included throwing rocks at officers"
        return _accused_of_charge(listing)
    if head.dep_ not in ("pobj", "pcomp") or head.head.dep_ not in ("prep", "agent"):
        return None
    prep = head.head
    word, governor = prep.lower_, prep.head
    if word in _charge_listing_preps() and lemma_of(governor) in lexicon().accusation_nouns:
        # "charged with four counts of assault": the counts are laid on the accused of the verb
        return _accused_of_charge(governor) or accused_doer(governor)
    if governor.dep_ in ("dobj", "obj") and word in _accusing_verbs().get(lemma_of(governor.head), ()):
        return governor  # "accused the clerk of assault": the parser often hangs the phrase on the object
    if word in _incident_preps() and governor.dep_ in ("pobj", "pcomp") and governor.pos_ == "NOUN":
        return accused_doer(governor)  # "charged with murder in the stabbing of X": the stabbing is the murder's
    preps = _accusing_verbs().get(lemma_of(governor))
    if preps is None or word not in preps:
        return None
    if governor.pos_ == "ADJ":  # "was found guilty of", "he is guilty of": the subject of the clause
        verb = governor.head if governor.dep_ in ("acomp", "oprd", "ccomp", "xcomp") else governor
        obj = direct_object(verb)  # "the jury found him guilty of"
        return obj if obj is not None else _own_subject(verb)
    if governor.pos_ not in ("VERB", "AUX"):
        return None
    passive = next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive
    if governor.dep_ == "acl" and governor.tag_ == "VBN" and governor.head.pos_ in ("NOUN", "PROPN"):
        return governor.head  # "a man accused of assault"
    return direct_object(governor)  # "prosecutors charged him with": not the prosecutors


@cache
def _hedging_accusations() -> frozenset[str]:
    return frozenset(load_yaml("events_completion.yaml")["hedging_accusations"])


def charged_deed(token: Token) -> bool:
    """Is the event a deed named in a charge or accusation ("charged him with fleeing", "on counts of assault",
    "accused of plotting", "charged with murder in the stabbing of")? Such a deed is alleged, not told as done
    (GUIDELINES: hedged), also as the object of the gerund charged ("accused of plotting an attack", "suspected of
    carrying out the raid"). Courts' findings ("convicted of", "found guilty of") are left out."""
    head = _charge_list_member(first_conjunct(token))
    if _listing_charge(head) is not None:
        return lemma_of(_listing_charge(head)) in _hedging_accusations()
    if head.dep_ in ("dobj", "obj") and head.head.tag_ == "VBG" and head.head.dep_ == "pcomp":
        return charged_deed(head.head)
    if head.dep_ not in ("pobj", "pcomp") or head.head.dep_ not in ("prep", "agent"):
        return False
    prep = head.head
    word, governor = prep.lower_, prep.head
    lemma = lemma_of(governor)
    if word in _incident_preps() and governor.dep_ in ("pobj", "pcomp") and governor.pos_ == "NOUN":
        return charged_deed(governor)
    if governor.pos_ in ("NOUN", "PROPN"):  # "counts of assault", "charges including fraud"
        return word in _charge_listing_preps() and lemma in _hedging_accusations() and \
            lemma in lexicon().accusation_nouns
    if governor.dep_ in ("dobj", "obj") and lemma_of(governor.head) in _hedging_accusations():
        return word in _accusing_verbs().get(lemma_of(governor.head), ())
    return lemma in _hedging_accusations() and word in _accusing_verbs().get(lemma, ())


def _listing_charge(deed: Token) -> Token | None:
    """The charge whose listing verb names a gerund deed as its object ("the charges against her included throwing
    rocks", "the indictment covers smuggling migrants": `charge_listing_verbs` in data/event_roles.yaml), else None."""
    verb = deed.head
    if deed.tag_ != "VBG" or deed.dep_ not in ("dobj", "obj", "xcomp", "ccomp") or verb.i == deed.i or \
            lemma_of(verb) not in _listing_verbs() or any(c.dep_ in ("nsubj", "nsubjpass") for c in deed.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and lemma_of(subject) in lexicon().accusation_nouns else None


@cache
def _listing_verbs() -> frozenset[str]:
    return frozenset(load_yaml("event_roles.yaml").get("charge_listing_verbs", []))


def _accused_of_charge(charge: Token) -> Token | None:
    """"the charges against Lena Holt included assault", "Holt faces charges including assault": the party the
    charge is against, else the one facing it."""
    for _ in range(2):
        deed_at = min((c.i for c in charge.children if c.dep_ == "prep" and c.lower_ in _charge_listing_preps()),
                      default=len(charge.doc))
        for prep in charge.children:  # not "counts of assault against a guard": the assault's target
            if prep.dep_ == "prep" and prep.lower_ == "against" and prep.i < deed_at:
                party = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if party is not None:
                    return party
        subject = next((c for c in charge.head.children if c.dep_ == "nsubj"), None)
        if charge.dep_ not in ("dobj", "attr") or subject is None or lemma_of(
                subject) not in lexicon().accusation_nouns:
            break
        charge = subject  # "the indictment against X included counts of assault"
    return charge_object_subject(charge)


def _own_subject(verb: Token) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.lower_ not in ("who", "that", "which") else None


def accuse_the_accused(trigger: Trigger, args: Args) -> None:
    """The doer of a deed named in an accusation is the accused, never the accuser: "deputies charged him with
    fleeing" gives the flight to him, where the clause's subject (the deputies) had been taken. An actor inside the
    deed's own phrase ("charged with his brother's murder") is kept."""
    doer = accused_doer(trigger.token)  # None unless the trigger is named in an accusation
    if doer is None or any(a.i == doer.i for a in args["actors"]):
        return
    own = [a for a in args["actors"] if a.is_ancestor(trigger.token) is False and trigger.token.is_ancestor(a)]
    args["actors"] = own or [doer]
