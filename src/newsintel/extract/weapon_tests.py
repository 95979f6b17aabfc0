"""A missile fired with no target nor victim is a weapons test or a launch, no ATTACK (GUIDELINES.md decision 2:
ATTACK needs a target or a victim). "The regime fired a ballistic missile over the islands into the sea" tells of a
launch an analyst follows as a test; "fired a missile at the airbase" or "a missile fired into the city killed
three" stay attacks. Words in `weapon_tests` of data/senses.yaml."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from newsintel.extract.subjects import direct_object, is_passive, subject_of
from newsintel.extract.triggers import lemma_of
from newsintel.resources import load_yaml, word_set


@dataclass(frozen=True, slots=True)
class TestWords:
    verbs: frozenset[str]
    weapons: frozenset[str]
    aiming_preps: frozenset[str]
    no_target: frozenset[str]
    harm: frozenset[str]
    payloads: frozenset[str]
    payload_verbs: frozenset[str]


@functools.cache
def test_words() -> TestWords:
    data = load_yaml("senses.yaml").get("weapon_tests") or {}
    words = functools.partial(word_set, data)

    return TestWords(words("verbs"), words("weapons"), words("aiming_preps"), words("no_target"), words("harm"),
                     words("payloads"), words("payload_verbs"))


def _weapon(verb: Token) -> Token | None:
    """What was fired: the object, or a passive's subject ("a missile was fired")."""
    if is_passive(verb):
        subject, _ = subject_of(verb)
        return subject
    return direct_object(verb)


def _aimed_at(heads: list[Token], words: TestWords) -> Token | None:
    """A target after an aiming preposition on the verb or the weapon ("at the base", "into Israel"); the sea, the
    sky or a test range is none."""
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in words.aiming_preps):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                names = {obj.lower_, lemma_of(obj)} | {c.lower_ for c in obj.children if c.dep_ == "compound"}
                names |= {g.lower_ for c in obj.children if c.dep_ == "prep" for g in c.children}  # "Sea of Japan"
                if obj.ent_type_ in ("DATE", "TIME") or names & words.no_target:
                    continue
                return obj
    return None


def _payload(token: Token, words: TestWords) -> str | None:
    """A space payload carried in the sentence of a firing ("a rocket carrying a satellite"), or None."""
    for verb in token.sent:
        if verb.i != token.i and lemma_of(verb) in words.payload_verbs:
            for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
                if obj.lower_ in words.payloads or lemma_of(obj) in words.payloads:
                    return obj.lower_
    return None


def _harmless(token: Token, words: TestWords) -> bool:
    return not any(t.lower_ in words.harm or lemma_of(t) in words.harm for t in token.sent if t.i != token.i)


def weapon_test(token: Token, key: str) -> str | None:
    """The weapon of a firing with no target nor harm in its sentence ("missile"), or None. A rocket that carries a
    satellite is a space launch whatever the object is called ("launched what it called a rocket carrying a
    satellite"): the payload is returned."""
    words = test_words()
    if key not in words.verbs or token.pos_ not in ("VERB", "AUX"):
        return None
    payload = _payload(token, words)
    if payload and _harmless(token, words) and _aimed_at([token], words) is None:
        return payload
    weapon = _weapon(token)
    if weapon is None:
        return None
    names = {weapon.lower_, lemma_of(weapon)} | {c.lower_ for c in weapon.children if c.dep_ == "compound"}
    if not names & words.weapons:  # "fired a missile eastwards" may be read with "eastwards" as the object
        return None
    if _aimed_at([token, weapon], words) is not None:
        return None
    if not _harmless(token, words):
        return None
    return weapon.lower_
