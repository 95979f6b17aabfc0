"""Deeds named in a charge or accusation: who is accused of them, and that they are alleged.

"she was accused of fraud and assault", "police charged two men with robbery", "the charges against him included
assault", "charged with murder in the stabbing of a clerk", "a man charged in the shooting of": the accused (the
passive subject or the object of the accusing word, or whom the charge is against) is the deed's doer
(`accused_doer`), also for every member of a coordination, and replaces the accuser that the clause's subject had
given ("deputies charged him with fleeing": he fled, not the deputies; `accuse_the_accused`). Such a deed is alleged,
not told as done (`charged_deed`, read by modality.py: hedged); a court's finding ("convicted of", "found guilty
of") is not. Also: a charge known by its place ("indicted him on several counts including ..."), a charging
document ("the indictment against her included ..."), a state of facing a charge ("on trial for", "under
investigation for"), verbs of suspicion ("investigating ten men for robbery", "wanted for murder") and the act a
charged deed consists of ("charges including assault for punching a guard"). The words are data
(`accusing_words`, `hedging_accusations`, `charge_incident_preps`, `charge_listing_preps` in
data/events_completion.yaml; `accusation_nouns` in data/events.yaml; the rest in data/accusations.yaml).
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
    (`accusing_words` in data/events_completion.yaml; `suspecting_words`, `finding_words` in
    data/accusations.yaml)."""
    data = load_yaml("events_completion.yaml")["accusing_words"]
    more = _accusations()
    merged: dict[str, set[str]] = {word: set(preps) for word, preps in data.items()}
    for key in ("suspecting_words", "finding_words"):
        for word, preps in more.get(key, {}).items():
            merged.setdefault(word, set()).update(preps)
    return {word: frozenset(preps) for word, preps in merged.items()}


@cache
def _accusations() -> dict:
    return load_yaml("accusations.yaml")


@cache
def _incident_preps() -> frozenset[str]:
    return frozenset(load_yaml("events_completion.yaml")["charge_incident_preps"]) | frozenset(
        _accusations().get("incident_preps", ()))


@cache
def _state_nouns() -> dict[str, frozenset[str]]:
    return {noun: frozenset(preps) for noun, preps in _accusations().get("charge_state_nouns", {}).items()}


def _charge_like(noun: Token) -> bool:
    """A noun that lays charges: a charge noun ("counts", `accusation_nouns`) or a charging document ("the
    indictment", "the charge sheet"; data/accusations.yaml `charge_documents`)."""
    lemma, data = lemma_of(noun), _accusations()
    if lemma in lexicon().accusation_nouns:
        return True
    if noun.lower_ not in data.get("charge_documents", ()) and lemma not in data.get("charge_documents", ()):
        return False
    needed = data.get("charge_document_compounds", {}).get(lemma)
    return not needed or any(c.dep_ == "compound" and lemma_of(c) in needed for c in noun.children)


def _charge_by_place(noun: Token) -> bool:
    """A noun whose place says it is the charge: the object of the preposition with which an accusing verb names
    the charge ("indicted him on several counts including", "charged her with crimes including"), whatever the
    noun."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return False
    verb = noun.head.head
    return verb.pos_ in ("VERB", "AUX") and noun.head.lower_ in _accusing_verbs().get(lemma_of(verb), ())


def _charge_noun(noun: Token) -> bool:
    return noun.pos_ in ("NOUN", "PROPN") and (_charge_like(noun) or _charge_by_place(noun))


def _hung_verb(prep: Token) -> Token | None:
    """The accusing verb a deed's preposition belongs to when the parser hung it low, on a noun of another
    phrase of the verb ("investigating ten men in connection with the riots for robbery", "arrested two men from
    the town for theft"): the first verb up the noun and preposition chain, if the preposition is one that verb
    names a deed with; else None."""
    token, path = prep.head, []
    for _ in range(int(_accusations().get("max_hung_steps", 4))):
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.dep_ not in ("pobj", "prep", "dobj", "obj") or token.head.i == token.i:
            return None
        path.append(token)
        token = token.head
    if token.pos_ not in ("VERB", "AUX") or prep.lower_ not in _accusing_verbs().get(lemma_of(token), ()):
        return None
    # only through the suspect's own phrase ("ten men from the town") or a phrase of connection ("in connection
    # with the riots"): "detained people during protests for the release of X" is a protest's aim, no charge
    through = set(_accusations().get("hung_through", ()))
    if not path or path[-1].dep_ in ("dobj", "obj") or any(lemma_of(t) in through for t in path):
        return token
    return None


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


def _listed_gerund(token: Token) -> Token | None:
    """A gerund the parser coordinated with the last noun of a phrase inside a charge list ("counts of assault
    against a guard and throwing bottles", "counts of fraud, insulting an officer and throwing bottles"): a member
    of the list after all, read as the first deed the charge lists ("assault"), as the gerund whose object the
    noun is ("insulting") or as the first deed of the noun's own "for" list ("investigating them in connection with
    the riots for robbery, theft and smuggling goods"); else None."""
    first = first_conjunct(token)
    if token.tag_ != "VBG" or first.i == token.i or first.pos_ not in ("NOUN", "PROPN"):
        return None
    if first.dep_ in ("dobj", "obj") and first.head.tag_ == "VBG" and first.head.i < first.i:
        return first.head
    listing = next((g for p in first.children if p.dep_ == "prep" and p.lower_ in _incident_preps() and
                    first.i < p.i < token.i for g in p.children if g.dep_ in ("pobj", "pcomp")), None)
    if listing is not None:  # "in connection with the riots for robbery, theft and smuggling goods"
        return listing
    if first.dep_ != "pobj":
        return None
    prep, charge = first.head, first.head.head
    if prep.lower_ in _charge_listing_preps() or not _charge_like(charge):
        return None
    return next((g for p in charge.children if p.dep_ == "prep" and p.lower_ in _charge_listing_preps() and p.i < prep.i
                 for g in p.children if g.dep_ in ("pobj", "pcomp")), None)


def accused_doer(noun: Token) -> Token | None:
    """Who is accused of the deed a noun (or gerund) names: the passive subject or the object of an accusing verb
    whose preposition governs it ("he was accused of assault", "police charged two men with robbery", "found
    guilty of murder"), or the accused of a charge that lists it ("charges including assault")."""
    head = _charge_list_member(_listed_gerund(noun) or first_conjunct(noun))
    listing = _listing_charge(head)
    if listing is not None:  # "the charges against her included throwing rocks at officers"
        return _accused_of_charge(listing)
    if _under_charged_gerund(head):  # "accused the men of plotting to attack": the men would attack
        return accused_doer(head.head)
    if head.dep_ not in ("pobj", "pcomp") or head.head.dep_ not in ("prep", "agent"):
        return None
    prep = head.head
    word, governor = prep.lower_, prep.head
    if word in _charge_listing_preps() and _charge_noun(governor):
        # "charged with four counts of assault", "indicted on several counts including": the counts are laid on
        # the accused of the verb
        return _accused_of_charge(governor) or accused_doer(governor)
    if governor.dep_ in ("dobj", "obj") and word in _accusing_verbs().get(lemma_of(governor.head), ()):
        return governor  # "accused the clerk of assault": the parser often hangs the phrase on the object
    if word in _incident_preps() and governor.dep_ in ("pobj", "pcomp") and governor.pos_ == "NOUN" and (
            doer := accused_doer(governor)) is not None:
        return doer  # "charged with murder in the stabbing of X", "charges of assault for punching a guard"
    if governor.pos_ == "NOUN" and word in _state_nouns().get(lemma_of(governor), ()):
        return _facing(governor)  # "she is on trial for assault", "the trial of two men for robbery"
    if governor.pos_ in ("NOUN", "PROPN") and (verb := _hung_verb(prep)) is not None:
        governor = verb  # "investigating ten men in connection with the riots for robbery"
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


def _under_charged_gerund(token: Token) -> bool:
    """The object or infinitive of a gerund that a preposition governs ("of plotting an attack", "of trying to
    kill her"): the deed charged is what the gerund is about, so the gerund's charge covers it."""
    verb = token.head
    return verb.i != token.i and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and (
        token.dep_ in ("dobj", "obj") or (token.dep_ == "xcomp" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children)))


def _facing(state: Token) -> Token | None:
    """Who is in a state of facing a charge: the noun's "of" phrase or owner ("the trial of two men", "his trial"),
    else the subject of the clause the noun's phrase belongs to ("she is on trial", "he was placed under arrest")."""
    for child in state.children:
        if child.dep_ == "poss" and child.lower_ not in ("its", "their"):
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            party = next((g for g in child.children if g.dep_ == "pobj"), None)
            if party is not None:
                return party
    if state.dep_ != "pobj" or state.head.dep_ != "prep":
        return None
    return _own_subject(state.head.head)


@cache
def _hedging_accusations() -> frozenset[str]:
    return frozenset(load_yaml("events_completion.yaml")["hedging_accusations"]) | frozenset(
        _accusations().get("suspecting_words", {})) | frozenset(_state_nouns())


def charged_deed(token: Token) -> bool:
    """Is the event a deed named in a charge or accusation ("charged him with fleeing", "on counts of assault",
    "accused of plotting", "charged with murder in the stabbing of")? Such a deed is alleged, not told as done
    (GUIDELINES: hedged), also as the object of the gerund charged ("accused of plotting an attack", "suspected of
    carrying out the raid"). Courts' findings ("convicted of", "found guilty of") are left out."""
    head = _charge_list_member(_listed_gerund(token) or first_conjunct(token))
    if (listing := _listing_charge(head)) is not None:  # a charging document lays only allegations
        return lemma_of(listing) in _hedging_accusations() or lemma_of(listing) not in lexicon().accusation_nouns
    if _under_charged_gerund(head):  # "accused of plotting an attack", "accused him of trying to kill her"
        return charged_deed(head.head)
    if head.dep_ not in ("pobj", "pcomp") or head.head.dep_ not in ("prep", "agent"):
        return False
    prep = head.head
    word, governor = prep.lower_, prep.head
    lemma = lemma_of(governor)
    if word in _incident_preps() and governor.dep_ in ("pobj", "pcomp") and governor.pos_ == "NOUN" and \
            charged_deed(governor):
        return True  # "charged with murder in the stabbing of", "charges of assault for punching a guard"
    if governor.pos_ in ("NOUN", "PROPN"):  # "counts of assault", "charges including fraud"
        return _noun_charges(governor, prep)
    if governor.dep_ in ("dobj", "obj") and lemma_of(governor.head) in _hedging_accusations():
        return word in _accusing_verbs().get(lemma_of(governor.head), ())
    return lemma in _hedging_accusations() and word in _accusing_verbs().get(lemma, ())


def _noun_charges(governor: Token, prep: Token) -> bool:
    """Does the deed's preposition on a noun name it as alleged: a hedging charge noun or document listing it
    ("counts of assault", "the indictment includes"), a charge laid by a hedging verb ("indicted on several counts
    including"), a state of facing a charge ("on trial for assault") or a hedging verb the phrase was hung low
    from ("investigating ten men in connection with the riots for robbery")."""
    word, lemma = prep.lower_, lemma_of(governor)
    if word in _charge_listing_preps():
        if lemma in _hedging_accusations() and lemma in lexicon().accusation_nouns:
            return True
        if _charge_like(governor) and lemma not in lexicon().accusation_nouns:
            return True  # a charging document: "the indictment includes counts of"
        if _charge_by_place(governor):
            return lemma_of(governor.head.head) in _hedging_accusations()
    if word in _state_nouns().get(lemma, ()):
        return True
    verb = _hung_verb(prep)
    return verb is not None and lemma_of(verb) in _hedging_accusations()


def _listing_charge(deed: Token) -> Token | None:
    """The charge whose listing verb names a gerund deed as its object ("the charges against her included throwing
    rocks", "the indictment covers smuggling migrants": `charge_listing_verbs` in data/event_roles.yaml), else None."""
    verb = deed.head
    if deed.tag_ != "VBG" or deed.dep_ not in ("dobj", "obj", "xcomp", "ccomp", "advcl") or verb.i == deed.i or \
            lemma_of(verb) not in _listing_verbs() or any(c.dep_ in ("nsubj", "nsubjpass") for c in deed.children):
        return None
    if deed.dep_ == "advcl" and (deed.doc[deed.i - 1].text != "," or not any(
            c.dep_ in ("dobj", "obj") and _charge_like(c) for c in verb.children)):
        return None  # only a member of a comma list after a charge ("included counts of fraud, lying and ...")
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and _charge_like(subject) else None


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
        if charge.dep_ not in ("dobj", "attr") or subject is None or not _charge_like(subject):
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
