"""Name forms for matching people and organisations across documents.

A name is transliterated to Latin (anyascii), folded, stripped of titles and Arabic articles, its particles glued
("Ben Ali" = "Benali"), its given-name variants mapped (Mohammed = Muhammad) and each word reduced to a
spelling skeleton (Zeqiri = Zekiri, Kosowi = Kosovi). Blocking keys built from the form find candidates by index
lookup, so the cost of a new mention does not grow with the store; `similarity` then scores a candidate pair.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

from newsintel.nlp.gazetteer import fold, place_key
from newsintel.resources import load_yaml

PERSON, ORG, PLACE = "person", "org", "place"
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ORG_TYPES = frozenset({"ORG"})  # NORP ("Belgian", "Kurds") is a nationality, not a group


@dataclass(frozen=True, slots=True)
class NameForm:
    kind: str
    tokens: tuple[str, ...]

    @property
    def full(self) -> str:
        return " ".join(self.tokens)

    @property
    def is_initials(self) -> bool:
        return all(len(t) == 1 for t in self.tokens)

    @property
    def last(self) -> str:
        return self.tokens[-1]

    @property
    def first(self) -> str | None:
        return self.tokens[0] if len(self.tokens) > 1 else None


@dataclass(frozen=True, slots=True)
class _Rules:
    given: dict[str, str]
    titles: frozenset[str]
    title_names: frozenset[str]
    articles: frozenset[str]
    particles: frozenset[str]
    skeleton: tuple[tuple[re.Pattern[str], str], ...]
    org_stopwords: frozenset[str]


@functools.cache
def _rules() -> _Rules:
    data = load_yaml("name_variants.yaml")
    parts = load_yaml("name_parts.yaml")
    given: dict[str, str] = {}
    for key, variants in data["given_names"].items():
        for variant in [key, *variants]:
            given[variant.replace(" ", "")] = key
    return _Rules(
        given=given,
        titles=frozenset(parts["titles"]),
        title_names=frozenset(data["titles_also_given_names"]),
        articles=frozenset(parts["articles"]),
        particles=frozenset(data["joined_particles"]),
        skeleton=tuple((re.compile(a), b) for a, b in data["skeleton_rules"]),
        org_stopwords=frozenset(data["org_stopwords"]),
    )


def kind_of(entity_type: str) -> str | None:
    if entity_type == "PERSON":
        return PERSON
    if entity_type in ORG_TYPES:
        return ORG
    if entity_type in PLACE_TYPES:
        return PLACE
    return None


_QUOTES = "\"'`"


def _words(name: str) -> list[str]:
    """Folded words, quotes around them dropped ('the "Balkan Brigade"' = "the Balkan Brigade")."""
    words = (w.strip(_QUOTES) for w in fold(anyascii(name)).replace("&", " & ").split())
    return [w for w in words if w]


def skeleton(word: str) -> str:
    for pattern, replacement in _rules().skeleton:
        word = pattern.sub(replacement, word)
    return word


def person_form(name: str) -> NameForm | None:
    rules = _rules()
    words = [w for w in _words(name) if w not in rules.articles and w not in ("s", "jr", "sr")]
    while len(words) > 1 and words[0] in rules.titles:
        if words[0] in rules.title_names and len(words) == 2:
            break
        words = words[1:]
    glued: list[str] = []
    for word in words:
        if glued and glued[-1] in rules.particles and len(glued[-1]) > 1:
            glued[-1] += word
        else:
            glued.append(word)
    tokens = tuple(skeleton(rules.given.get(w, w)) for w in glued)
    return NameForm(PERSON, tokens) if tokens else None


def org_form(name: str) -> NameForm | None:
    stop = _rules().org_stopwords
    tokens = tuple(w for w in _words(name) if w not in stop)
    return NameForm(ORG, tokens) if tokens else None


def place_form(name: str) -> NameForm | None:
    key = place_key(name)
    return NameForm(PLACE, tuple(key.split())) if key else None


def form_of(kind: str, name: str) -> NameForm | None:
    return {PERSON: person_form, ORG: org_form, PLACE: place_form}[kind](name)


def _deletions(word: str) -> set[str]:
    """The word with one letter deleted, each way: two spellings one letter apart share one of these."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def blocking_keys(form: NameForm) -> set[str]:
    """Index keys under which this name is stored and looked up."""
    if form.kind == PLACE:
        return {"g:" + form.full}
    if form.kind == ORG:
        keys = {"o:" + form.full}
        if len(form.tokens) >= 2:
            keys.add("o:acr:" + "".join(t[0] for t in form.tokens))
        elif len(form.full) <= 6:
            keys.add("o:acr:" + form.full)
        return keys
    initials = form.tokens[0][0] + form.last[0] if len(form.tokens) > 1 else None
    if form.is_initials:
        return {"p:ini:" + "".join(form.tokens[:1] + form.tokens[-1:])}
    keys = {"p:" + form.full, "p:last:" + form.last}
    if len(form.tokens) > 1:  # "Dritan Haliti" finds "Driton Haliti" among the D. Halitis, not among all Halitis
        keys.add(f"p:fl:{form.tokens[0][0]} {form.last}")
    if len(form.last) >= 5:
        keys |= {"p:del:" + d for d in _deletions(form.last)}
    if initials:
        keys.add("p:ini:" + initials)
    return keys


_VOWELS = re.compile(r"[aeiouy]")


def _word_similarity(a: str, b: str) -> float:
    """Jaro-Winkler, but words that differ only in vowels ("Driton"/"Dritan", "Emir"/"Amir") score 0.92."""
    if a == b:
        return 1.0
    score = JaroWinkler.similarity(a, b)
    consonants = _VOWELS.sub("", a)
    if len(consonants) >= 2 and consonants == _VOWELS.sub("", b):
        score = max(score, 0.92)
    return score


def _acronym(form: NameForm) -> str:
    return "".join(t[0] for t in form.tokens)


def similarity(a: NameForm, b: NameForm, fuzzy_factor: float = 0.85) -> float:
    """How well two names of the same kind fit one referent, 0..1, before any context.

    Exact forms score 1; a surname alone against a full name 0.75; spelling variants that survive the
    skeleton (one letter apart) are scaled by `fuzzy_factor` so they need context to be linked.
    """
    if a.full == b.full:
        return 1.0
    if a.kind == ORG:
        if _acronym(a) == b.full or _acronym(b) == a.full:
            return 0.9
        return fuzzy_factor * _word_similarity(a.full, b.full) if _word_similarity(a.full, b.full) >= 0.93 else 0.0
    if a.kind == PLACE:
        return 0.0
    if a.is_initials or b.is_initials:
        ai = a.tokens[0][0] + a.last[0] if not a.is_initials else a.tokens[0] + a.tokens[-1]
        bi = b.tokens[0][0] + b.last[0] if not b.is_initials else b.tokens[0] + b.tokens[-1]
        return 0.5 if ai == bi and len(a.tokens) > 1 and len(b.tokens) > 1 else 0.0
    if (len(a.last) == 1 or len(b.last) == 1) and a.first and a.first == b.first:
        return 0.8 if a.last[0] == b.last[0] else 0.0
    last = _word_similarity(a.last, b.last)
    if last < 0.9:
        return 0.0
    if last < 1.0:
        last *= fuzzy_factor
    if a.first is None or b.first is None:
        return 0.75 * last
    if a.first == b.first:
        return last
    if (len(a.first) == 1 or len(b.first) == 1) and a.first[0] == b.first[0]:
        return 0.9 * last
    first = _word_similarity(a.first, b.first)
    return first * last * fuzzy_factor if first >= 0.88 else 0.0
