"""The document's own names, the evidence for one sense per discourse (`name_echoes.py`): each PERSON and ORG name
as written, looked up by its first word; the handles that stand for them ("@SarahKSilverman", "@SpaceX"); the given
names that name one person only; and the cues of `data/name_echoes.yaml`. Built once per document from its
entities, so look-ups while reading the tokens are dictionary look-ups.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from spacy.attrs import IS_ALPHA, IS_LOWER, ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from newsintel.nlp.gazetteer import fold
from newsintel.resources import load_yaml

NAME_LABELS = ("PERSON", "ORG")
_HANDLE = re.compile(r"@[A-Za-z0-9_]{2,30}")
_OPENING = frozenset("\"'“‘«([")  # a name after these at a sentence start is still at the sentence start


@dataclass(frozen=True, slots=True)
class Cues:
    ambiguous: frozenset[str]
    handle_suffixes: tuple[str, ...]
    retyped: frozenset[str]
    maker_named: frozenset[str]
    max_product_rest: int
    min_given_chars: int
    min_handle_surname_chars: int
    given_place_population: int
    titles: frozenset[str]
    legal_forms: frozenset[str]
    min_short_org_chars: int


@functools.cache
def cues() -> Cues:
    data = load_yaml("name_echoes.yaml")
    return Cues(frozenset(data["ambiguous_words"]) | STOP_WORDS, tuple(data["handle_suffixes"]),
                frozenset(data["retyped_labels"]), frozenset(data["maker_named_labels"]),
                int(data["max_product_rest"]), int(data["min_given_chars"]), int(data["min_handle_surname_chars"]),
                int(data["given_place_population"]),
                frozenset(load_yaml("name_parts.yaml")["titles"]), frozenset(data["org_legal_forms"]),
                int(data["min_short_org_chars"]))


@dataclass(frozen=True, slots=True)
class Name:
    """A PERSON or ORG name the document names: its words as written and its label."""

    words: tuple[str, ...]
    label: str
    given: bool = False  # a given name standing for the one person named in full with it
    short: bool = False  # a company's name without its legal form ("Quantix" of "Quantix Inc.")

    @property
    def text(self) -> str:
        return " ".join(self.words)


def core(span: Span) -> tuple[int, int]:
    """Token bounds of the name in an entity span: without a leading "the", a possessive or closing punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    if end - start > 1 and doc[start].lower_ == "the":
        start += 1
    while end - start > 1 and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    return start, end


def span_words(doc: Doc, bounds: tuple[int, int]) -> tuple[str, ...]:
    return tuple(t.text for t in doc[bounds[0]:bounds[1]])


def capitalised(token: Token) -> bool:
    """A capitalised word that may be part of a name: not a function word ("The", "In") at a sentence start."""
    return token.is_alpha and token.text[:1].isupper() and token.lower_ not in STOP_WORDS


def at_line_start(doc: Doc, i: int) -> bool:
    """True when nothing but opening quotes or brackets precedes token i in its sentence or line."""
    while i > 0 and doc[i - 1].text in _OPENING:
        i -= 1
    return i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_


def _handle_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Letters of a handle that stands for this person: some of the given names (whole or as an initial), an
    optional middle initial, then the surname ("sarahksilverman", "elonmusk", "durov")."""
    parts = [fold(w).replace(" ", "") for w in words]
    parts = [p for p in parts if p.isalnum() and p not in cues().titles]
    if not parts or len(parts[-1]) < cues().min_handle_surname_chars:
        return None
    given = "".join(f"(?:{re.escape(p)}|{re.escape(p[0])})?" for p in parts[:-1])
    return re.compile(f"{given}[a-z]?{re.escape(parts[-1])}")


def _org_handles(name: Name) -> set[str]:
    letters = "".join(fold(w).replace(" ", "") for w in name.words)
    if not letters.isalnum() or len(letters) < 2:
        return set()
    return {letters, *(letters + s for s in cues().handle_suffixes)}


@dataclass(slots=True)
class Index:
    """The document's names, looked up by their first word in lower case (longest names first), its handles and
    its unambiguous given names."""

    by_first: dict[str, list[Name]]
    people: list[tuple[Name, re.Pattern[str]]]
    org_handles: dict[str, Name | None]  # None: two organisations claim it
    lower_words: frozenset[str]  # words the document writes in lower case: ordinary words here

    def handle_owner(self, token: Token) -> Name | None:
        """The one person or organisation of the document a handle ("@elonmusk") stands for, else None."""
        if not _HANDLE.fullmatch(token.text):
            return None
        letters = token.text[1:].lower().replace("_", "")
        people = [n for n, pattern in self.people if pattern.fullmatch(letters)]
        if people:  # forms of one person ("Musk", "Elon Musk"): the longest, if it holds all the others
            longest = max(people, key=lambda n: len(n.words))
            one = all(set(n.words) <= set(longest.words) for n in people)
            return longest if one and letters not in self.org_handles else None
        return self.org_handles.get(letters)


def _given_names(persons: list[Name], others: set[str]) -> dict[str, Name]:
    """Given name (lower case) -> the person named in full who has it, when every person name of the document
    with that word has the same surname; not when it is also another entity's name ("Jordan" the country)."""
    titles = cues().titles
    surnames: dict[str, set[str]] = defaultdict(set)  # word -> surnames of the person names holding it
    full: dict[str, Name] = {}
    for name in persons:
        words = [w for w in name.words if w.lower() not in titles]
        if len(words) < 2:
            continue  # a one-word name may be anyone's
        for w in words:
            surnames[w.lower()].add(words[-1].lower())
        if words[0][:1].isupper():
            full.setdefault(words[0].lower(), Name(tuple(words), "PERSON"))
    return {given: name for given, name in full.items()
            if len(surnames[given]) == 1 and given != name.words[-1].lower() and given not in others}


def _surnames_of(persons: list[Name]) -> list[str]:
    """Last words of the person names in full that no other person name ends with."""
    titles = cues().titles
    fulls: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for name in persons:
        words = tuple(w for w in name.words if w.lower() not in titles)
        if len(words) > 1 and len(words[-1]) > 2 and words[-1][:1].isupper():
            fulls[words[-1]].add(words)
    return [last for last, names in fulls.items()
            if all(set(n) <= set(max(names, key=len)) for n in names)]


def without_legal_form(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """"Quantix Inc." -> ("Quantix",), "Harwick Sachs Group Inc." -> ("Harwick", "Sachs"); None when the name has
    no legal form at its end, or what is left is too short or an ordinary word."""
    c = cues()
    end = len(words)
    while end > 1 and (words[end - 1].lower().rstrip(".") in c.legal_forms or words[end - 1] in (",", "&")):
        end -= 1
    if end == len(words):
        return None
    short = words[:end]
    if len(" ".join(short)) < c.min_short_org_chars or (len(short) == 1 and short[0].lower() in c.ambiguous):
        return None
    return short if short[0][:1].isupper() else None


def build_index(doc: Doc, ents: list[Span]) -> Index:
    from newsintel.nlp.gazetteer import load_gazetteer

    c = cues()
    names: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for ent in ents:
        words = span_words(doc, core(ent))
        first = words[0][:1] if words else ""
        if (first.isupper() or first.isdigit()) and not any("@" in w or "/" in w or w.isspace() for w in words):
            names[words].add(ent.label_)
    known = {w: next(iter(labels)) for w, labels in names.items()}
    by_first: dict[str, list[Name]] = defaultdict(list)
    persons, orgs = [], []
    for words, label in known.items():
        if label not in NAME_LABELS or len(names[words]) > 1:
            continue  # not a name, or two types still: no sense to echo
        name = Name(words, label)
        (persons if label == "PERSON" else orgs).append(name)
        if len(words) == 1 and (words[0].lower() in c.ambiguous or len(words[0]) < 2):
            continue
        by_first[words[0].lower()].append(name)
        short = without_legal_form(words) if label == "ORG" else None
        if short is not None and short not in known:  # "Quantix" after "Quantix Inc."
            by_first[short[0].lower()].append(Name(short, "ORG", short=True))
    others = {w[0].lower() for w, label in known.items() if len(w) == 1 and label != "PERSON"}
    gazetteer = load_gazetteer()
    for given, owner in _given_names(persons, others).items():
        big_place = any(p.population >= c.given_place_population or p.kind in ("country", "state", "province")
                        for p in gazetteer.lookup(given))  # "Jordan", "Florence"; not a hamlet called "Sarah"
        if len(given) >= c.min_given_chars and given not in c.ambiguous and not big_place \
                and not any(len(n.words) == 1 for n in by_first.get(given, ())):
            by_first[given].append(Name((owner.words[0],), "PERSON", given=True))
    for surname in _surnames_of(persons):  # "NELSON:" in a transcript naming Soraya Sarhaddi Nelson
        if surname.lower() not in c.ambiguous and not any(n.words == (surname,) for n in by_first[surname.lower()]):
            by_first[surname.lower()].append(Name((surname,), "PERSON"))
    for group in by_first.values():
        group.sort(key=lambda n: -len(n.words))
    people = [(n, p) for n in persons if (p := _handle_pattern(n.words)) is not None]
    org_handles: dict[str, Name | None] = {}
    for name in orgs:
        for letters in _org_handles(name):
            org_handles[letters] = name if org_handles.get(letters, name) == name else None
    strings = doc.vocab.strings  # lower-case words: read as one array, not token by token
    lower = frozenset(strings[orth] for orth in {o for is_lower, is_alpha, o in
                                                 doc.to_array([IS_LOWER, IS_ALPHA, ORTH]).tolist()
                                                 if is_lower and is_alpha})
    return Index(by_first, people, org_handles, lower)
