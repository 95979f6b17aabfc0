"""Word tests that decide an event participant's role where the parse alone cannot (GUIDELINES.md, Roles): the group
an allegiance goes to, who a passive movement moved, a landmark after a passive's "by", a weapon or
help after "with", a shot fired into the air, an idea or a question word that names no one, and the victim named by
a possessor ("his murder"). Word lists: data/event_roles.yaml."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from newsintel.extract.describe import actor_words
from newsintel.extract.lexicon import lexicon
from newsintel.extract.triggers import LIGHT_VERBS, lemma_of
from newsintel.resources import load_yaml

GROUP_ENTITY_TYPES = ("ORG", "NORP", "GPE")


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(load_yaml("event_roles.yaml").get(key, []))


def to_is_party(type_name: str) -> bool:
    """Whether a "to" phrase naming someone is the side gone over to ("surrendered to the army")."""
    return type_name in _words("to_party_types")


def moved_when_passive(verb: Token, type_name: str) -> bool:
    """ "the detainees were repatriated", "the women were brought back from Syria": a movement verb in a real passive
    (an auxiliary or a "by" agent; not "fighters returned from Syria", a reduced relative of the intransitive) says
    someone else moved them, so they are its target (GUIDELINES.md: the repatriated are targets)."""
    return type_name in _words("passive_moved_types") and any(
        c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children
    )


def abstract_noun(item: Token) -> bool:
    """ "a response to air strikes which killed 30", "the move that freed them": an idea or an act's purpose, which the
    parser may hang a relative clause on, never does the act (a word for people or a named thing is no such noun)."""
    return item.pos_ == "NOUN" and not item.ent_type_ and lemma_of(item) in _words("abstract_nouns")


def type_light_verbs(type_name: str) -> frozenset[str]:
    """Verbs whose subject does what their object noun of this type names: "the girl filed charges against him",
    "prosecutors brought charges" (`type_light_verbs`; the general light verbs are in triggers.py)."""
    return frozenset((load_yaml("event_roles.yaml").get("type_light_verbs") or {}).get(type_name, ()))


def drop_unresolved_wh(args: dict[str, list[Token]]) -> None:
    """ "no word on who was wounded", "asked what had been seized": a question word that stands for no noun
    of a relative clause names no participant (a relative "who" stands for its noun: "the man who fled")."""
    for role in ("actors", "targets"):
        args[role] = [t for t in args[role] if not (t.lower_ in _words("question_words") and _unresolved(t))]


def _unresolved(token: Token) -> bool:
    head = token.head
    while head.dep_ not in ("relcl", "acl") and head.head.i != head.i:
        head = head.head
    return head.dep_ not in ("relcl", "acl")


def name_first_place_head(token: Token) -> bool:
    """ "the Promenade des Anglais", "Boulevard Voltaire": a place word that opens a street's name (`name_first_place_
    heads`), which the NER model often leaves untyped."""
    return lemma_of(token) in _words("name_first_place_heads")


def site_whole(token: Token) -> Token | None:
    """ "the wall of the consulate", "the main gate of Evin prison": the building a part of it (`site_parts`) belongs
    to, a name or a building word (`site_wholes`); the part alone names nothing an analyst can find (audit). Not "a
    wall of silence", "the door of opportunity"."""
    if lemma_of(token) not in _words("site_parts") or token.pos_ != "NOUN":
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if whole is None or not ((whole.pos_ == "PROPN" and whole.text[:1].isupper()) or lemma_of(whole) in _words(
            "site_wholes")):
        return None
    return whole


def bond_or_manner(item: Token) -> bool:
    """ "a killing with links to a gang", "an assault with intent", "a shooting with ties to the cartel": a bond or a
    manner after "with" on an event noun, no one fought (`with_bonds_and_manners`)."""
    return item.pos_ == "NOUN" and lemma_of(item) in _words("with_bonds_and_manners")


def carried_along(item: Token) -> bool:
    """ "escaped with the help of smugglers", "travelled with false passports", "fled with their belongings": what
    movers take along or are helped by (`carried_along`), no one who moves."""
    return item.pos_ == "NOUN" and lemma_of(item) in _words("carried_along")


def wielded(item: Token) -> bool:
    """ "attacked the parade with knives and a van", "hit him with a hammer": a weapon, a vehicle or what is fired
    (`weapons`; vehicles and ATTACK `instruments` in data/events.yaml), which an attack uses, not hits."""
    lemma, lex = lemma_of(item), lexicon()
    return item.pos_ == "NOUN" and (
        lemma in _words("weapons") or lemma in lex.vehicles or lemma in lex.types["ATTACK"].instruments
    )


def thrown_verb(verb: Token) -> bool:
    """ "threw stones at soldiers", "hurled bottles at police": a verb whose object is what is thrown (`thrown_verbs`),
    so the one hit is named by "at"/"into", not by the object."""
    return lemma_of(verb) in _words("thrown_verbs")


def meeting_noun(item: Token) -> bool:
    """ "a meeting", "the summit", "talks": an encounter whose "with" phrase names who was met (`meeting_nouns`)."""
    return item.pos_ == "NOUN" and lemma_of(item) in _words("meeting_nouns")


def origin_phrase(prep: Token) -> bool:
    """ "a farmer from Tikrit", "a native of Chibok", "residents of the town": a phrase naming where people are from
    (`origin_nouns` before "of"), whose object is a place."""
    if prep.lower_ == "from":
        return prep.head.pos_ == "NOUN"
    return prep.lower_ == "of" and lemma_of(prep.head) in _words("origin_nouns")


def kin_word(token: Token) -> bool:
    """A word for a relative or spouse ("cousin", "wife": `family_nouns`, `spouse_nouns` in data/relations.yaml)."""
    relations = lexicon().relations
    return lemma_of(token) in set(relations["family_nouns"]) | set(relations["spouse_nouns"])


def beside_noun(item: Token) -> bool:
    """ "attacked in the square by the cathedral": a landmark the event happened beside, not its doer (a word for
    people or a group is never one)."""
    return item.pos_ == "NOUN" and lemma_of(item) in _words("beside_nouns") and not item.ent_type_


def authored_noun(item: Token) -> bool:
    """ "a report by the charity", "a statement by police": a "by" on this noun names an author, no doer."""
    return lemma_of(item) in _words("authored_nouns")


def not_an_aim(item: Token) -> bool:
    """ "fired into the air", "shot into the sky": no one is aimed at."""
    return lemma_of(item) in _words("fired_into_not_aims")


def _a_person(token: Token) -> bool:
    """A person possessor: a name of a person, "his"/"her"/"their", or a word for a person ("the envoy's")."""
    if token.ent_type_ in GROUP_ENTITY_TYPES:
        return False
    if token.pos_ == "PRON":
        return token.lower_ in ("his", "her", "their")
    words, lemma = actor_words(), lemma_of(token)
    if lemma in words.group_nouns or lemma in words.country_nouns:
        return False
    return token.ent_type_ == "PERSON" or lemma in words.role_of or lemma in words.person_nouns


def possessor_is_victim(noun: Token, possessor: Token) -> bool:
    """ "the envoy's assassination by a gunman", "his murder remains unsolved": the possessor is who the act was
    done to when a "by" phrase names the doer, or, for a noun of killing or violation against a person
    (`victim_possessor_nouns`), when no "of" phrase names the victim and the noun is no light verb's object
    ("committed her first murder", "carried out his execution of the prisoners": the possessor acts)."""
    preps = {
        c.lower_ for c in noun.children if c.dep_ in ("prep", "agent") and any(g.dep_ == "pobj" for g in c.children)
    }
    if "of" in preps or not _a_person(possessor):
        return False
    if "by" in preps:
        return True
    if lemma_of(noun) not in _words("victim_possessor_nouns"):
        return False
    return not (noun.dep_ in ("dobj", "obj") and lemma_of(noun.head) in LIGHT_VERBS)
