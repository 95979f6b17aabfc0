"""Are a trigger's participants people or things? Many event words have a sense for people and one for things:
"fired the coach" and "fired a question", "growth came back" and "the migrants came back".

Who undergoes the trigger (`patient_of`), whether a noun phrase stands for people (`denotes_people`), and a doer
or mover that is a thing ("tensions are threatening to slow growth", "it landed in the sea"). The word lists are
data (`data/senses.yaml`, `data/actors.yaml`).
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from newsintel.extract.describe import actor_words
from newsintel.extract.lexicon import lexicon
from newsintel.extract.subjects import direct_object, is_passive, subject_of
from newsintel.extract.triggers import lemma_of
from newsintel.resources import load_yaml

PEOPLE_PRONOUNS = frozenset(
    {
        "him",
        "her",
        "them",
        "us",
        "me",
        "himself",
        "herself",
        "themselves",
        "ourselves",
        "you",
        "he",
        "she",
        "they",
        "we",
        "i",
        "who",
        "whom",
        "one",
        "others",
        "some",
        "all",
        "both",
        "many",
        "several",
        "most",
        "those",
        "these",
        "each",
        "everyone",
        "anyone",
    }
)
PEOPLE_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@functools.cache
def people_nouns() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml")["people_nouns"])


@functools.cache
def people_doers() -> frozenset[str]:
    return frozenset(load_yaml("senses.yaml").get("people_doers") or ())


def thing_doer(token: Token) -> str | None:
    """The doer of the trigger is a common noun for no people: "tensions are threatening to slow growth", "a probe
    that threatened to topple the firm", "an iceberg surrounded by a blue halo". A participle after a noun ("the
    events surrounding his death") has no doer at all."""
    if token.dep_ == "acl" and token.tag_ == "VBG":
        return token.head.lower_
    subject, passive = subject_of(token)
    if passive:
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        subject = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    elif subject is not None and subject.lower_ in ("that", "which") and token.dep_ == "relcl":
        subject = token.head  # "a probe that has threatened"
    elif subject is not None and subject.head.i != token.i:
        return None  # a subject borrowed from another verb ("filed charges ... on suspicion of threatening her")
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ or denotes_people(subject):
        return None
    return subject.lower_


RELATIVE_PRONOUNS = frozenset({"that", "which", "whom", "who"})


def patient_of(token: Token) -> Token | None:
    """Who or what undergoes the trigger: its object, the subject of a passive, or a noun's "of"-object; in a
    relative clause whose object is the relative pronoun, or left out, the noun it describes ("a grounder that he
    fired", "the ball he fired")."""
    if token.pos_ in ("NOUN", "PROPN"):
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
    if is_passive(token) or _shares_passive(token):
        subject, passive = subject_of(token)
        if subject is not None and (passive or _shares_passive(token)):
            if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
                return token.head  # "a task order that will be released soon": the order is released
            return subject
        return token.head if token.dep_ == "acl" else None  # "the coach fired on Monday"
    obj = direct_object(token)
    if obj is None and all(c.dep_ in ("cc", "conj", "punct") for c in token.children if c.i > token.i):
        # one object for two verbs: "easier to shoot and share photos", "shot and killed the driver" (not
        # "returned home and released a statement")
        partner = next((c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
        obj = direct_object(partner) if partner is not None and not is_passive(partner) else None
    clause = _relative_clause_over(token)
    if clause is not None and (obj is None or obj.lower_ in RELATIVE_PRONOUNS) and direct_object(clause) is None:
        own = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        described = _described_noun(clause, own)
        if own is not None and own.lower_ not in RELATIVE_PRONOUNS and described is not None:
            return described  # "the ball he fired", "the life she tried to escape"
    return obj


def _relative_clause_over(token: Token) -> Token | None:
    """The relative clause whose gap the trigger's object fills: the trigger itself, or the verb of a relative
    clause the trigger is the infinitive of ("the life she tried to escape": the life is escaped)."""
    current = token
    for _ in range(3):
        if current.dep_ in ("relcl", "ccomp"):
            return current
        if current.dep_ != "xcomp" or current.head.pos_ not in ("VERB", "AUX"):
            return None
        current = current.head
    return None


def _described_noun(clause: Token, subject: Token | None) -> Token | None:
    """The noun a relative clause describes; for a clause the parser hung on a verb ("thanks her friends and the
    whole life she tried to escape", read as what she thanks), the noun right before its pronoun subject, unless
    that noun is people told or asked something ("told police they had tried to escape")."""
    if clause.dep_ == "relcl":
        return clause.head if clause.head.pos_ in ("NOUN", "PROPN") else None
    if subject is None or subject.pos_ != "PRON" or subject.i == 0:
        return None
    first = min(t.i for t in clause.subtree)
    before = clause.doc[first - 1]
    if first != subject.i or before.pos_ != "NOUN" or before.ent_type_ or denotes_people(before):
        return None
    return before


def _shares_passive(token: Token) -> bool:
    """A participle joined to a passive verb shares its voice and subject: "the bird was caught and set free"."""
    return (
        token.dep_ == "conj"
        and token.tag_ == "VBN"
        and is_passive(token.head)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") for c in token.children)
    )


def denotes_people(token: Token) -> bool:
    """The noun phrase headed by `token` stands for people or a group ("20 prisoners", "the men", "him", "ISIS",
    "dozens of fighters"), as far as the lexicons know."""
    words = actor_words()
    lemma = lemma_of(token)
    if token.ent_type_ == "MONEY" or any(c.ent_type_ == "MONEY" for c in token.children):
        return False  # "brought back $312 billion"
    if token.lower_ in PEOPLE_PRONOUNS or token.ent_type_ in PEOPLE_ENTITY_TYPES or token.like_num:
        return True
    lexicons = (people_nouns(), words.role_of, words.person_nouns, words.group_nouns, words.female, words.male)
    if any(lemma in lexicon or token.lower_ in lexicon for lexicon in lexicons):
        return True
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and (lemma in lexicon().collectives or token.lower_ in lexicon().collectives):
        # "dozens of fighters", "a group of migrants"; not "the names of the crew members"
        return any(denotes_people(g) for g in of.children if g.dep_ == "pobj")
    return False


THING_PRONOUNS = frozenset({"it", "this", "that"})


def thing_mover(verb: Token) -> bool:
    """A movement verb whose subject is a common noun for no people ("growth came back", "the tug of gravity
    brought the gas back", "missiles that flew over Japan") or a pronoun for a thing ("it landed in the sea",
    "when will this arrive in Manila": people are never "it"; a relative "that" is judged by its noun). Vehicles
    and collectives are judged by events.py."""
    subject, passive = subject_of(verb)
    if subject is not None and subject.lower_ in ("that", "which") and subject.head.dep_ == "relcl":
        # a relative pronoun stands for the noun its clause describes, a thing or people: "missiles that flew",
        # "people that threatened to leave", "migrants that tried to cross" ("who" speaks of people)
        subject = subject.head.head
    if subject is None or passive:
        return False
    if subject.lower_ in THING_PRONOUNS and subject.pos_ == "PRON":  # its own subject, or one it shares
        own = subject.head.i == verb.i or (verb.dep_ in ("xcomp", "conj") and subject.head.i == verb.head.i)
        return own and not _group_before(subject)
    if subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    return not denotes_people(subject)


GROUP_ENTITY_TYPES = frozenset({"ORG", "NORP", "GPE"})


def thing_pronoun(patient: Token) -> bool:
    """Who undergoes the trigger is "it", a thing ("it was never signed or executed"), unless a group reports it
    of itself ("the army said it had been freed")."""
    return patient.lower_ == "it" and patient.pos_ == "PRON" and not _group_before(patient)


def _group_before(pronoun: Token) -> bool:
    """The pronoun may stand for a group that reports what it did: "the army said it had entered the town", "the
    group claimed it had fled" (a country, a company or an army is "it" too). Only a clause reported by the group
    counts: "North Korea launches a missile, sending people running as it flew over" keeps the thing, and "It
    landed in the sea" alone stays a thing."""
    clause = pronoun.head
    while clause.dep_ in ("conj", "xcomp"):
        clause = clause.head
    verbs = lexicon().attribution
    if clause.dep_ != "ccomp" or lemma_of(clause.head) not in {*verbs["verbs"], *verbs["belief_verbs"]}:
        return False
    subject, _ = subject_of(clause.head)
    if subject is None or subject.pos_ == "PRON":
        return False
    lemma = lemma_of(subject)  # a group, not people ("officials said it landed": people are never "it")
    return (
        subject.ent_type_ in GROUP_ENTITY_TYPES
        or lemma in actor_words().group_nouns
        or (lemma in lexicon().collectives)
    )


QUANTIFIERS = frozenset({"all", "some", "most", "much", "part", "rest", "none", "any", "each", "many", "more"})


def object_words(patient: Token) -> set[str]:
    """What an object is matched by in `objects`: its lemma, or that of what a quantifier or a collective counts
    ("all of the data", "hundreds of emails"); the name before a product's model ("a MacBook Pro": macbook);
    "<money>" for a sum ("escaped $1 billion in taxes")."""
    out = {lemma_of(patient)}
    if (
        patient.lower_ in QUANTIFIERS
        or lemma_of(patient) in lexicon().collectives
        or (patient.lower_ in lexicon().collectives)
    ):  # "all of the survey's data", "dozens of emails"
        out |= {
            lemma_of(g)
            for c in patient.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        }
    if patient.pos_ == "PROPN":
        out |= {lemma_of(c) for c in patient.children if c.dep_ == "compound"}
    if patient.ent_type_ == "MONEY" or any(c.ent_type_ == "MONEY" for c in patient.children):
        out.add("<money>")
    out |= {lemma_of(c) for c in patient.children if c.dep_ == "appos" and c.pos_ == "NOUN"}  # "released
    # \"Nightfall\", his third album": the noun set beside a title says what it is
    return out


def listed_things(patient: Token | None, objects: frozenset[str]) -> str | None:
    """A list of objects one of which is a thing of the other sense: the names before "and two other designs"
    are designs too ("recruited Alpha, Beta and two other lander designs"); with no "other", a list of such things
    only ("recruited two drone designs and a guide" keeps the guide)."""
    if patient is None:
        return None
    words, todo = [], [patient]
    while todo:
        word = todo.pop()
        words.append(word)
        todo.extend(c for c in word.children if c.dep_ in ("conj", "appos"))
    if len(words) < 2:
        return None
    matched = [w for w in words if object_words(w) & objects]
    if any(any(c.lower_ == "other" for c in w.children) for w in matched):
        return lemma_of(matched[0])  # "Alpha, Beta and three other designs"
    if len(matched) == len(words):  # "four drone concepts and a lander design"; not "... designs and a guide"
        return lemma_of(matched[0])
    return None
