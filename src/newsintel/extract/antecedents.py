"""Antecedents of pronouns, first in the sentence's own parse, and names standing beside common nouns.

"Karim was arrested after he tried to cross", "a negotiator told Reuters, but he warned": a pronoun in a
subordinate or coordinated clause usually stands for the subject (else the object) of a clause that governs it,
when that noun agrees with it (a person for he/she, a plural, a family ("the Kowalskis") or a group for they, a
group or thing for it), and not when its words tell the other gender ("the girl", "Ms. Roe", a name the document
gives in full with a given name); of one clause's candidates, one whose words tell the pronoun's gender comes first.
The doers a passive names come after its subject ("she told police she was cornered by six men before they attacked
her": the men, not the police), and a "them" done only to people (data/anaphors.yaml) never stands for a thing.
Across sentences the caller falls back on the document's entity mentions. "his sister, Anna Lindqvist" and
"a smuggler known as Abu Sattar" are the named person: arguments take the name, as the annotation standard does.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.tokens import Token

from newsintel.extract.describe import actor_words
from newsintel.extract.lexicon import lexicon
from newsintel.resources import load_yaml

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"it", "its", "itself"}
PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "dative")
CLIMB_DEPS = {"advcl", "conj", "ccomp", "xcomp", "pcomp", "prep", "pobj", "relcl", "acl", "dobj", "npadvmod", "attr",
              "parataxis", "oprd", "acomp"}  # "was paralysed after committing her first murder"
NAMING_VERBS = {"name", "call", "know", "identify", "dub", "nickname"}  # "a man named X", "known as X"
MAX_STEPS = 8
GENDER_EXTENSION = "newsintel_gender"  # "m"/"f" of the person a name token names, when the document tells it
if not Token.has_extension(GENDER_EXTENSION):
    Token.set_extension(GENDER_EXTENSION, default=None)
QUOTE_MARKS = {'"', "“", "”", "''", "``", "«", "»"}


@functools.cache
def person_nouns() -> frozenset[str]:
    """Common nouns for people ("the preacher", "a negotiator"), from the relation word lists."""
    rel = lexicon().relations
    words: set[str] = set()
    for key in ("position_nouns", "member_nouns", "family_nouns", "spouse_nouns", "associate_nouns",
                "person_nouns"):
        words |= set(rel.get(key, ()))
    for gendered in rel["gender_words"].values():
        words |= {w for w in gendered if w not in PERSON_PRONOUNS}
    words |= {w for w in actor_words().role_of if " " not in w}  # "the smuggler ... he", "a fighter ... he"
    return frozenset(words)


def _one_of_people(token: Token) -> bool:
    """"one of them", "one of the fighters": a single person out of a set."""
    if token.lower_ not in ("one", "another"):
        return False
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return pobj is not None and (pobj.lower_ in PLURAL_PRONOUNS or pobj.lemma_.lower() in person_nouns())


def is_plural(token: Token) -> bool:
    """A plural noun phrase: plural tag, coordination, a collective head, or a number above one."""
    if token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children):
        return True
    if token.lemma_.lower() in lexicon().collectives and token.lemma_.lower() not in ("one",):
        return True
    return any(c.dep_ == "nummod" and c.lower_ not in ("one", "1") for c in token.children)


@functools.cache
def _anaphor_data() -> dict:
    return load_yaml("anaphors.yaml")


@functools.cache
def _more_person_words() -> frozenset[str]:
    """Words for people the relation and actor lists lack (`person_words` in data/anaphors.yaml): never what "it"
    stands for ("a jogger leapt onto the lorry as it ploughed on": the lorry)."""
    return frozenset(_anaphor_data().get("person_words", []))


def done_to_people(pronoun: Token) -> bool:
    """A "them"/"him" that is the object of a verb done only to people or groups ("threatened them", "punched
    him"; `person_object_verbs` in data/anaphors.yaml): what it stands for is never a thing."""
    return pronoun.dep_ in OBJECT_DEPS and pronoun.lower_ in ("them", "him", "her") and \
        pronoun.head.lemma_.lower() in _anaphor_data().get("person_object_verbs", ())


def a_person_or_group(token: Token, entity_type: str | None) -> bool:
    """A candidate that can be a person or a group: a pronoun, a person's or group's name, a word for people."""
    if token.pos_ == "PRON" or entity_type in ("PERSON", "ORG", "NORP", "GPE") or _a_family(token):
        return True
    lemma, words = token.lemma_.lower(), actor_words()
    return lemma in person_nouns() or lemma in _more_person_words() or lemma in words.group_nouns or \
        lemma in words.collective_nouns or lemma in lexicon().collectives


def agrees(pronoun: Token, candidate: Token, entity_type: str | None) -> bool:
    """Can `candidate` (with the type of the entity it names, if any) be what `pronoun` stands for?"""
    word = pronoun.lower_
    if candidate.lower_ in RELATIVE_PRONOUNS or candidate.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return False
    if candidate.pos_ == "PRON":  # "he said he": the same pronoun resolved in turn
        same = (PERSON_PRONOUNS if word in PERSON_PRONOUNS else PLURAL_PRONOUNS if word in PLURAL_PRONOUNS
                else GROUP_PRONOUNS)
        return candidate.lower_ in same and _pronoun_gender(candidate.lower_) in (_pronoun_gender(word), None)
    if word in PERSON_PRONOUNS:
        if token_gender(candidate) not in (_pronoun_gender(word), None):
            return False  # "Paul Okafor seized the girl as she ...": she is the girl
        if entity_type is not None:
            return entity_type == "PERSON" and not _a_family(candidate)
        if _named_by_who(candidate):
            return True  # "Kovacs, who was stopped as he tried to leave": "who" says a person
        return (not is_plural(candidate) and candidate.lemma_.lower() in person_nouns()) or _one_of_people(candidate)
    if word in PLURAL_PRONOUNS:
        if any(c.dep_ == "conj" for c in candidate.children):
            return True  # "Sarah Jones and her brother decided they..."
        if entity_type in ("PERSON", None) and _a_family(candidate):
            return True  # "the Kowalskis say they will stay"
        return entity_type in ("ORG", "NORP") or (entity_type is None and is_plural(candidate))
    if word in GROUP_PRONOUNS:
        if entity_type is not None:
            return entity_type in ("ORG", "NORP", "GPE")
        return not is_plural(candidate) and candidate.lemma_.lower() not in person_nouns() | _more_person_words()
    return False


def _clause_candidates(clause: Token, pronoun: Token, aimed: bool = False) -> list[Token]:
    """Subjects, then the doers a passive names ("she was cornered by six men before they ..."), then objects, of
    one clause that precede the pronoun and do not contain it; with `aimed`, then who a thing was aimed at ("threw
    bottles at the guards, threatened them": the guards)."""
    inside = {t.i for t in pronoun.ancestors} | {pronoun.i}
    out = []
    for deps in (SUBJECT_DEPS, ("agent",), OBJECT_DEPS, ("prep",) if aimed else ()):
        for child in clause.children:
            if child.dep_ in ("agent", "prep") and child.dep_ in deps:
                if child.dep_ == "agent" or child.lower_ in _anaphor_data().get("aimed_at_preps", ()):
                    out += [g for g in child.children if g.dep_ == "pobj" and g.i < pronoun.i]
            elif child.dep_ in deps and child.i < pronoun.i and child.i not in inside:
                out.append(child)
    if clause.dep_ in ("relcl", "acl") and clause.head.i < pronoun.i:
        out.append(clause.head)  # "the man who said he would return"
    return out


def syntactic_antecedent(pronoun: Token, entity_type: Callable[[Token], str | None]) -> Token | None:
    """The noun a pronoun stands for, found in a clause governing the pronoun's own (or, for a possessive or
    reflexive, in its own clause: "he recruited his cousin"), nearest clause first; else, for "he"/"she"/"his"/"her"
    as a subject or possessor, the person its own sentence made its subject or possessor before it
    (`sentence_person`)."""
    word = pronoun.lower_
    if word not in PERSON_PRONOUNS | GROUP_PRONOUNS | PLURAL_PRONOUNS:
        return None
    return _governing_antecedent(pronoun, entity_type) or sentence_person(pronoun, entity_type)


def sentence_person(pronoun: Token, entity_type: Callable[[Token], str | None]) -> Token | None:
    """"Though the gunman's motives were unclear, his attack ...", "the governor's talks with Mayor X came ahead
    of his visit": a singular person pronoun that is a subject or possessor, with no antecedent in the clauses that
    govern it, stands for the nearest person its own sentence put before it as a subject or possessor (a name or a
    described person; an earlier "he"/"his" of the same gender carries the chain on), not for a name from an
    earlier sentence nor for one the sentence only mentions in passing ("talks with Mayor X")."""
    if pronoun.lower_ not in PERSON_PRONOUNS or pronoun.dep_ not in (*SUBJECT_DEPS, "poss"):
        return None
    gender = _pronoun_gender(pronoun.lower_)
    governing = {t.i for t in pronoun.ancestors}
    quotes = 0  # quotation marks passed on the way back: a person inside a quotation is not a pronoun outside it
    for token in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        quotes += token.text in QUOTE_MARKS
        if quotes % 2 or not (token.dep_ in (*SUBJECT_DEPS, "poss") or _an_owner(token)) or \
                _reporter(token, governing):
            continue
        if token.pos_ == "PRON":
            if token.lower_ in PERSON_PRONOUNS and _pronoun_gender(token.lower_) in (gender, None):
                return token
            continue
        if token.tag_ != "NNPS" and _name_gender(token) in (gender, None) \
                and agrees(pronoun, token, entity_type(token)):
            return token
    return None


@functools.cache
def _given_names() -> dict[str, str]:
    """Given name -> "m"/"f" (data/given_names.yaml, shared with extract/speakers.py); none known without it."""
    genders = {"male": "m", "female": "f"}
    try:
        data = load_yaml("given_names.yaml")
    except FileNotFoundError:
        return {}
    return {name: genders[g] for g, names in data.items() if g in genders for name in names}


def given_name_gender(word: str) -> str | None:
    """"m" or "f" for a given name that tells the gender ("Laura"), else None."""
    return _given_names().get(word.lower())


def _name_gender(token: Token) -> str | None:
    """"m" or "f" from the given name of a full name ("FBI Director James Comey": m; data/given_names.yaml)."""
    if token.pos_ != "PROPN":
        return None
    names = sorted((c for c in token.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"),
                   key=lambda c: c.i)
    return next((_given_names()[c.lower_] for c in names if c.lower_ in _given_names()), None)


def token_gender(token: Token) -> str | None:
    """"m" or "f" that a candidate's own words tell: a given name or a title of its name ("Ms. Sears"), the gender
    of the person the name names ("Marsh" after "Colin Marsh"), or a gendered noun ("the girl", "his mother";
    `gender_words` in data/relations.yaml)."""
    if token.pos_ == "PROPN":
        words = [c for c in token.children if c.dep_ in ("compound", "flat")] + [token]
        for word in sorted(words, key=lambda c: c.i):
            bare = word.lower_.rstrip(".")
            gender = _given_names().get(bare) or _gendered_words().get(bare)
            if gender is not None:
                return gender
        return token._.get(GENDER_EXTENSION)  # the gender of the person named, from the document (`anaphors.py`)
    return _gendered_words().get(token.lemma_.lower()) if token.pos_ == "NOUN" else None


@functools.cache
def _gendered_words() -> dict[str, str]:
    """Gendered nouns and titles, pronouns left out: "girl" -> "f", "mr" -> "m"."""
    short = {"male": "m", "female": "f"}
    return {w: short[g] for g, words in lexicon().relations["gender_words"].items() if g in short for w in words
            if w not in PERSON_PRONOUNS}


def _a_family(token: Token) -> bool:
    """"the Kowalskis", "the Kennedys": a surname in the plural after "the" names a family, not one person."""
    return token.pos_ == "PROPN" and token.lower_.endswith("s") and len(token) > 3 and any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children) and not any(
        c.dep_ in ("compound", "flat") for c in token.children)


def _named_by_who(token: Token) -> bool:
    """A name no entity types that a "who" clause describes ("Kovacs, who was stopped ..."): a person."""
    return token.pos_ == "PROPN" and token.tag_ != "NNPS" and any(
        c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") and g.dep_ in SUBJECT_DEPS for g in c.children)
        for c in token.children)


def _an_owner(token: Token) -> bool:
    """A possessor the parser did not label as one: "the driver’s motives" with a curly apostrophe is read as a
    noun modifier whose "’s" is a case marker."""
    return token.dep_ == "nmod" and any(c.dep_ == "case" and c.tag_ == "POS" for c in token.children)


def _reporter(token: Token, governing: set[int]) -> bool:
    """A subject of a verb that governs the pronoun (weighed already by `_governing_antecedent`), or the owner of a
    reporting verb's subject ("the officer's report says his car was searched": the officer is not "his")."""
    head = token.head
    if token.dep_ in SUBJECT_DEPS:
        return head.i in governing
    return head.dep_ in SUBJECT_DEPS and head.head.i in governing and \
        head.head.lemma_.lower() in lexicon().attribution["verbs"]


def _pronoun_gender(word: str) -> str | None:
    return "m" if word in ("he", "him", "his", "himself") else "f" if word in ("she", "her", "hers", "herself") \
        else None


def _governing_antecedent(pronoun: Token, entity_type: Callable[[Token], str | None]) -> Token | None:
    word = pronoun.lower_
    own_clause_ok = word in POSSESSIVE_PRONOUNS or word.endswith("self") or word.endswith("selves")
    current = pronoun.head
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i and current.dep_ in CLIMB_DEPS | {
            "poss", "nsubj", "nsubjpass", "compound", "appos"}:
        current = current.head  # up to the verb of the pronoun's own clause
    people = done_to_people(pronoun)  # "threw bottles at the guards, threatened them": not the bottles
    first = True
    shares_subject = True  # still in verbs coordinated with the pronoun's own, none with a subject of its own
    for _ in range(MAX_STEPS):
        if not first or own_clause_ok:
            found = [c for c in _clause_candidates(current, pronoun, people) if agrees(pronoun, c, entity_type(c))
                     and not (shares_subject and not own_clause_ok and c.dep_ in SUBJECT_DEPS)
                     and not (people and not a_person_or_group(c, entity_type(c)))]
            # ("rebels threw rocks, threatened them": "them" is not the rebels, nor "he" in "he hit and robbed him")
            if found:
                return _gendered_first(pronoun, found)
        elif any(c.dep_ in SUBJECT_DEPS for c in current.children):
            shares_subject = False
        first = False
        if current.head.i == current.i or current.dep_ not in CLIMB_DEPS:
            return None
        shares_subject = shares_subject and current.dep_ == "conj" and pronoun.dep_ not in SUBJECT_DEPS
        current = current.head
    return None


def _gendered_first(pronoun: Token, found: list[Token]) -> Token:
    """"Okafor seized the girl as she walked", "Lee told his daughter she could go": of one clause's candidates, one
    whose own words tell the pronoun's gender comes before one whose words tell none."""
    gender = _pronoun_gender(pronoun.lower_)
    if gender is None or token_gender(found[0]) is not None:
        return found[0]
    return next((c for c in found if c.pos_ != "PRON" and token_gender(c) == gender), found[0])


def named_apposition(token: Token, entity_type: Callable[[Token], str | None]) -> Token | None:
    """The name standing beside a common noun: "his sister, Anna Lindqvist", "the oldest suspect, a Swiss citizen
    named Adam Dzhabrailov", "a smuggler known as Abu Sattar"."""
    if token.pos_ not in ("NOUN", "NUM", "PRON", "ADJ", "PROPN") or entity_type(token) is not None:  # "a third, X"
        return None  # a capitalised title no entity names is a noun too: "said Acme's CEO, Jo Roe"
    stack = [token]
    for _ in range(3):
        nxt = []
        for node in stack:
            for child in node.children:
                if child.dep_ == "appos":
                    if child.pos_ == "PROPN" and entity_type(child) in ("PERSON", "ORG", "NORP"):
                        return child
                    nxt.append(child)
                elif child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
                    name = name_of_naming_verb(child)
                    if name is not None:
                        return name
        stack = nxt
    return None


def name_of_naming_verb(verb: Token) -> Token | None:
    """The name given by "named X", "known as X" (whatever type NER gave it: the noun says what it is)."""
    for child in verb.children:
        if child.dep_ in ("oprd", "dobj", "attr") and child.pos_ == "PROPN":
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            name = next((g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            if name is not None:
                return name
    return None
