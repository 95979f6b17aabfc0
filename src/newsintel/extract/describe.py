"""What a noun phrase says about an unnamed participant: its role, nationality, group and whether it is one person.

"three Belgian fighters", "Dozens of Islamic State militants", "a Tunisian", "members of the group", "one of them":
read off the parse of the phrase (its head, the adjectives and compounds before it, an "of" phrase after it) with
the word lists in `data/actors.yaml`, `data/demonyms.yaml` (through the gazetteer) and `data/org_aliases.yaml`.
The result is private to extraction (`make_arg` keeps it under "_d"); `actors.py` turns it into the argument's
public keys and the document's described actors.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from newsintel.extract.parse import ParsedSentence
from newsintel.resources import load_yaml

ORG_TYPES = ("ORG",)
_PLURAL_MEN = re.compile(r"men$")


_LINE = re.compile(r"[^\n]+")
_SLIDE = re.compile(r"^\d{1,3}\s*/\s*\d{1,3}\b")  # "3/16" before a gallery caption
_ENDS_SENTENCE = re.compile(r"[.!?\"”'’:)]\s*$")
_BYLINE = re.compile(r"^By\s+[A-Z][\w'’.-]+(\s+[A-Z][\w'’.-]+)*(\s*(,|and|&|\|)\s*.*)?$")


@dataclass(frozen=True, slots=True)
class ActorWords:
    role_of: dict[str, str]  # noun (or two-word noun) -> role
    female: frozenset[str]
    male: frozenset[str]
    group_nouns: frozenset[str]
    country_nouns: frozenset[str]
    vague: dict[str, dict[str, int]]
    person_nouns: frozenset[str]
    singular_dets: frozenset[str]
    definite_dets: frozenset[str]
    alias_of: dict[str, str]  # folded organisation alias -> canonical name
    collective_nouns: frozenset[str]
    first_second: frozenset[str]
    furniture_starts: tuple[str, ...]
    furniture_headings: frozenset[str]


@functools.cache
def actor_words() -> ActorWords:
    data = load_yaml("actors.yaml")
    role_of = {noun: role for role, nouns in data["roles"].items() for noun in nouns}
    aliases = {}
    for canonical, names in load_yaml("org_aliases.yaml").items():
        for name in [canonical, *(names or [])]:
            aliases[_fold_name(name)] = canonical
    return ActorWords(role_of, frozenset(data["female_nouns"]), frozenset(data["male_nouns"]),
                      frozenset(data["group_nouns"]), frozenset(data["country_nouns"]), data["vague_counts"],
                      frozenset(data["person_nouns"]), frozenset(data["singular_determiners"]),
                      frozenset(data["definite_determiners"]), aliases, frozenset(data["collective_nouns"]),
                      frozenset(data["first_second_person"]), tuple(data["furniture_starts"]),
                      frozenset(data["furniture_headings"]))


def _fold_name(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().lower())


def canonical_group(name: str) -> str | None:
    """The canonical name of an organisation alias ("ISIS" -> "Islamic State"), if the alias list knows it."""
    return actor_words().alias_of.get(_fold_name(name))


def country_of(word: str) -> str | None:
    """ISO 3166 code for a demonym or nationality adjective: "Belgian", "Tunisians", "Frenchmen", "Briton"."""
    from newsintel.nlp.gazetteer import load_gazetteer  # here: newsintel.nlp imports the extract package

    gazetteer = load_gazetteer()
    word = word.strip()
    forms = [word, word[:-1] if word.endswith("s") else word, _PLURAL_MEN.sub("man", word)]
    forms += [f[: -len(end)] for f in forms for end in ("man", "woman") if f.lower().endswith(end) and len(f) > 6]
    for form in forms:
        place = gazetteer.adjective(form)
        if place is not None and place.country:
            return place.country
    return None


def furniture_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines that are page furniture, not report: a line that starts with a furniture cue
    ("Photos:", "Reporting by"), a short unpunctuated "By Jane Roe" line, a gallery slide caption ("3/16 ..."), a
    short line with a "|" ("Agency | Updated: ..."), a line that starts with a block heading in capitals ("MOST
    READ IN NEWS ..."), and the unpunctuated lines under a block heading ("MOST READ") up to the first line that
    ends a sentence. Cues in data/actors.yaml."""
    words = actor_words()
    out: list[tuple[int, int]] = []
    in_block = False
    for match in _LINE.finditer(text):
        line = match.group().strip()
        if not line:
            continue
        low = line.lower()
        heading = low.rstrip(" :") in words.furniture_headings or any(  # "MOST READ IN NEWS How a ...", in capitals
            line.startswith(h.upper() + " ") for h in words.furniture_headings)
        byline = len(line) < 80 and not _ENDS_SENTENCE.search(line) and _BYLINE.match(line)
        if heading or byline or low.startswith(words.furniture_starts) or _SLIDE.match(line) or (
                "|" in line and len(line) < 120) or (in_block and not _ENDS_SENTENCE.search(line)):
            out.append(match.span())
            in_block = heading or (in_block and not _ENDS_SENTENCE.search(line))
        else:
            in_block = False
    return out


def nationality_ending_at(token: Token, first: int) -> str | None:
    """The country a capitalised word names, read with up to two capitalised words before it first (from token
    index `first` on): "South Korean", "Saudi Arabian", "New Zealander", "Sri Lankans"."""
    for width in (3, 2, 1):
        begin = token.i - width + 1
        if begin < first or begin < 0:
            continue
        words = token.doc[begin:token.i + 1]
        if all(t.text[:1].isupper() for t in words):
            country = country_of(" ".join(t.text for t in words))
            if country is not None:
                return country
    return None


def is_place_name(name: str) -> bool:
    """A name the gazetteer knows as a place ("Chibok"): the NER model often types such a name ORG."""
    from newsintel.nlp.gazetteer import fold, load_gazetteer  # here: newsintel.nlp imports the extract package

    return any(fold(p.name) == fold(name) for p in load_gazetteer().lookup(name))


def role_of(lemma: str, modifier: str | None = None) -> str | None:
    """The role of a head noun, read with the compound or adjective before it first ("border guard")."""
    words = actor_words().role_of
    if modifier is not None and f"{modifier} {lemma}" in words:
        return words[f"{modifier} {lemma}"]
    return words.get(lemma)


def gender_of(lemma: str) -> str | None:
    words = actor_words()
    return "female" if lemma in words.female else "male" if lemma in words.male else None


def _lemma(noun: Token) -> str:
    """The noun's lemma in lower case; a capitalised plural the model left whole ("Islamists", "Girls") singular."""
    lemma = noun.lemma_.lower()
    if noun.tag_ in ("NNS", "NNPS") and lemma == noun.lower_ and lemma.endswith("s"):
        words = actor_words()
        single = lemma[:-1]
        if single in words.role_of or single in words.person_nouns or single in words.collective_nouns:
            return single
    return lemma


def _of_object(token: Token, word: str = "of") -> Token | None:
    of = next((c for c in token.rights if c.lower_ == word and c.dep_ == "prep"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def _org_in_phrase(ps: ParsedSentence, t: Token, first: int, entity_at: Any) -> Any:
    """The organisation a word of the phrase names, if its whole mention lies in the phrase (not "Kumshe the
    Chibok" begun before it) and it is no place the NER model mistyped ("Chibok girls")."""
    entity = entity_at(t)
    if entity is None or entity.type not in ORG_TYPES:
        return None
    begin = ps.char_span(first, first + 1)[0]
    at = ps.char_span(t.i, t.i + 1)[0]
    if not any(m.start <= at < m.end and m.start >= begin for m in entity.mentions) or is_place_name(entity.name):
        return None
    return entity


def possessor_subject(noun: Token) -> Token | None:
    """Whom "its"/"their" most likely stands for: the subject of the nearest clause above the noun whose subject is
    not the noun itself ("The group said its fighters would strike": the group)."""
    current = noun
    for _ in range(8):
        if current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            subject = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")
                            and not (c.left_edge.i <= noun.i <= c.right_edge.i)), None)
            if subject is not None:
                return subject if subject.i < noun.i else None
    return None


def companion_ref(noun: Token) -> Token | None:
    """Whom a person is with: "a woman with them", "a woman travelling with the fighters" (the object of "with")."""
    holders = [noun, *(c for c in noun.rights if c.dep_ == "acl")]
    for holder in holders:
        for prep in holder.rights:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                return next((g for g in prep.children if g.dep_ == "pobj" and g.tag_ in ("PRP", "NNS", "NNPS")),
                            None)
    return None


def plural_noun_before(ps: ParsedSentence, first: int) -> int | None:
    """The character end of the last plural noun of the sentence before token `first` ("crack down on Islamists,
    jailing thousands of them": "them" cannot skip "Islamists" to reach an earlier set)."""
    for t in reversed(ps.doc[:first]):  # `ps.doc` holds the one sentence
        if t.tag_ in ("NNS", "NNPS"):
            return ps.char_span(t.i, t.i + 1)[1]
    return None


def _companion(ps: ParsedSentence, noun: Token, words: ActorWords) -> dict[str, Any] | None:
    """{"start", "pronoun", "head"} of the set a person is said to be with, for `actors.py` to find in context."""
    ref = companion_ref(noun)
    if ref is None or ref.lower_ in words.first_second:
        return None
    return {"start": ps.char_span(ref.i, ref.i + 1)[0], "pronoun": ref.tag_ == "PRP", "head": _lemma(ref)}


AGE_UNITS = {"year", "years", "month", "months", "week", "weeks"}


def age_noun(token: Token) -> bool:
    """"a 25-year-old", "two 19-year-olds": a person named by their age (the NER model tags the phrase as a date)."""
    doc, i = token.doc, token.i
    return token.lower_ in ("old", "olds") and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in AGE_UNITS


def bare_count(token: Token) -> bool:
    """"the 21 were freed", "all 12 were released": a number standing alone for the people counted before."""
    return token.like_num and token.pos_ == "NUM" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and \
        not any(c.dep_ in ("prep", "compound") for c in token.children)


def describe(ps: ParsedSentence, token: Token, start: int, end: int, entity_at: Any) -> dict[str, Any]:
    """Features of the phrase [start, end) (token indices) headed by `token`; `entity_at(token)` gives the entity
    (or None) whose mention covers a token. Offsets are characters into the document."""
    words = actor_words()
    noun, quantifier = token, None
    of_obj = _of_object(token)
    if of_obj is not None and (token.like_num or token.pos_ in ("NUM", "PRON", "DET")
                               or token.lemma_.lower() in words.vague or token.lemma_.lower() in (
                                   "dozen", "score", "hundred", "thousand", "handful", "number", "couple", "group",
                                   "band", "pair", "several", "some", "many", "few", "each", "none", "two")):
        noun, quantifier = of_obj, token  # "one of them", "dozens of fighters", "some of the men"
    lemma = _lemma(noun)
    prefix = [t for t in noun.lefts if t.i >= start or noun is not token]
    first = min([noun.i, *(t.left_edge.i for t in prefix)])  # the phrase's first word before the noun
    first = max(first, start) if noun is token else first
    modifier = next((t.lemma_.lower() for t in reversed(prefix) if t.dep_ in ("compound", "amod")), None)
    nationality = nationality_ending_at(noun, first) if noun.pos_ in ("PROPN", "NOUN", "ADJ") and \
        noun.text[:1].isupper() else None
    demonym = nationality is not None  # "a Tunisian", "two Britons", "a New Zealander": the noun is the nationality
    role = None if nationality else role_of(lemma, modifier)
    group = None
    for t in prefix:
        if t.dep_ in ("compound", "amod", "nmod", "poss") and t.pos_ in ("PROPN", "ADJ", "NOUN"):
            entity = _org_in_phrase(ps, t, first, entity_at)
            if entity is not None:
                group = {"text": entity.name, "entity": entity.id}
            elif nationality is None and t.text[:1].isupper():
                nationality = nationality_ending_at(t, first)
            if group is None and t.pos_ == "PROPN" and canonical_group(t.text):
                group = {"text": t.text, "entity": None}
    owner = _of_object(noun) if noun is token or noun is of_obj else None
    group_ref = None
    if owner is not None and role is not None:  # "members of the group", "fighters of Islamic State"
        entity = entity_at(owner)
        if entity is not None and entity.type in ORG_TYPES and not is_place_name(entity.name):
            group = {"text": entity.name, "entity": entity.id}
        elif owner.lemma_.lower() in words.group_nouns and any(
                c.dep_ in ("det", "poss") and c.lower_ in words.definite_dets | {"its", "their"}
                for c in owner.children):  # "members of the group", not "members of a vigilante group" (a new one)
            group_ref = ps.char_span(owner.i, owner.i + 1)[0]  # which group: `actors.py` reads it in context
    source = _of_object(noun, "from") if group is None and role is not None else None
    if source is not None:  # "fighters from al-Shabaab" (but "fighters from Belgium" names no group)
        entity = entity_at(source)
        if entity is not None and entity.type in ORG_TYPES and not is_place_name(entity.name):
            group = {"text": entity.name, "entity": entity.id}
    poss = next((t for t in noun.children if t.dep_ == "poss"), None)
    possessor = poss.lower_ if poss is not None and poss.pos_ == "PRON" else None
    poss_group = None
    if possessor in ("its", "their") and group is None:  # "its fighters": the subject the pronoun stands for
        subject = possessor_subject(noun)
        entity = entity_at(subject) if subject is not None else None
        if entity is not None and entity.type in ORG_TYPES and not is_place_name(entity.name):
            poss_group = {"text": entity.name, "entity": entity.id}
        elif subject is not None and (subject.lemma_.lower() in words.group_nouns or subject.lower_ == "it"):
            group_ref = ps.char_span(subject.i, subject.i + 1)[0]  # "the group" / "it": the one named just before
    dets = {t.lower_ for t in noun.lefts if t.dep_ in ("det", "predet", "nummod")}
    singular = (noun.tag_ in ("NN", "NNP") or noun.lower_ == "old") and lemma not in words.group_nouns
    one = (quantifier is not None and quantifier.lower_ in ("one", "another", "each")) or (
        quantifier is None and singular and bool(dets & words.singular_dets))
    if ps.doc[start].text == "(":  # "(CNN) Boko Haram militants": a dateline the parse took into the phrase
        close = next((t.i for t in ps.doc[start:end] if t.text == ")"), None)
        start = close + 1 if close is not None and close + 1 < end and close < noun.i else start
    char_start, char_end = ps.char_span(start, end)
    return {
        "start": char_start, "end": char_end, "head": lemma, "role": role, "nationality": nationality,
        "group": group, "group_ref": group_ref, "poss_group": poss_group, "plural": not singular and not one,
        "one": one, "of_pronoun": quantifier is not None and noun.pos_ == "PRON",
        "definite": bool(dets & words.definite_dets), "quantified": quantifier is not None,
        "restricted": any(c.dep_ in ("prep", "relcl", "acl") and c.lower_ != "of" for c in noun.rights),
        "other": any(t.lower_ in ("other", "another", "second", "third") for t in noun.lefts),
        "possessor": possessor, "gender": gender_of(lemma),
        "group_noun": lemma in words.group_nouns and quantifier is None,
        "country_noun": lemma in words.country_nouns and quantifier is None,
        "collective": quantifier is None and (lemma in words.collective_nouns or (
            modifier is not None and f"{modifier} {lemma}" in words.collective_nouns)),
        "first_second": noun.lower_ in words.first_second or possessor in words.first_second,
        "nobody": "no" in dets or (quantifier is not None and quantifier.lower_ in ("none", "no")),
        "with": _companion(ps, noun, words),
        "plural_before": plural_noun_before(ps, first) if noun.pos_ == "PRON" else None,
        "person": role is not None or demonym or lemma in words.person_nouns or (
            quantifier is not None and noun.pos_ == "PRON") or age_noun(noun) or (quantifier is None and bare_count(
                noun)),
    }
