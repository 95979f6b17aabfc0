"""One sense per discourse: a name the document already names is that name wherever else it occurs.

The small NER model tags a name in one sentence and misses it in the next ("SpaceX", "Twitter", "Pavel Durov"),
types it PRODUCT or GPE in one place and ORG or PERSON elsewhere, and never reads a transcript's capitals
("SORAYA SARHADDI NELSON", the speaker label "NELSON:"), a social handle ("@elonmusk") or a lone given name
("Sarah" after "Sarah Silverman"). This component, run after NER and the rule components that correct it, reads
the document's own PERSON and ORG names as evidence and:

1. retypes a name's other occurrences to the type the majority of its occurrences carry (a place the gazetteer
   knows stays a place; a one-word name that is the surname of a person named in full keeps its types);
2. splits a product or work that opens with an organisation's name ("Tesla Roadster") into the organisation and
   the rest;
3. adds the further occurrences of each name: the same words, or the same words in capitals; a handle whose
   letters are the person's name parts ending in the surname ("@SarahKSilverman", "@durov") or the organisation's
   name ("@SpaceX"); a given name alone when only one person named in the document has it. Never over an entity,
   never inside a longer capitalised name ("Sarah Jones" is not "Sarah"), never a word that is also an ordinary
   word where capitals say nothing (a sentence start, a line in capitals).

A handle's span carries the name it stands for as `kb_id`, so in-document grouping puts it with that name.
One pass over the tokens with dictionary look-ups: linear in the document's length.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsintel.nlp.gazetteer import fold
from newsintel.nlp.type_fixes import kept_type
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


@functools.cache
def cues() -> Cues:
    data = load_yaml("name_echoes.yaml")
    return Cues(frozenset(data["ambiguous_words"]) | STOP_WORDS, tuple(data["handle_suffixes"]),
                frozenset(data["retyped_labels"]), frozenset(data["maker_named_labels"]),
                int(data["max_product_rest"]), int(data["min_given_chars"]), int(data["min_handle_surname_chars"]),
                int(data["given_place_population"]),
                frozenset(load_yaml("name_parts.yaml")["titles"]))


@dataclass(frozen=True, slots=True)
class Name:
    """A PERSON or ORG name the document names: its words as written and its label."""

    words: tuple[str, ...]
    label: str
    given: bool = False  # a given name standing for the one person named in full with it

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


def _words(doc: Doc, bounds: tuple[int, int]) -> tuple[str, ...]:
    return tuple(t.text for t in doc[bounds[0]:bounds[1]])


def _capitalised(token: Token) -> bool:
    """A capitalised word that may be part of a name: not a function word ("The", "In") at a sentence start."""
    return token.is_alpha and token.text[:1].isupper() and token.lower_ not in STOP_WORDS


def _at_line_start(doc: Doc, i: int) -> bool:
    """True when nothing but opening quotes or brackets precedes token i in its sentence or line."""
    while i > 0 and doc[i - 1].text in _OPENING:
        i -= 1
    return i == 0 or doc[i].is_sent_start or doc[i - 1].is_space or "\n" in doc[i - 1].whitespace_


# -- 1 and 2: one type per name, organisations opening products ---------------------------------------------------

def _surnames(doc: Doc) -> frozenset[str]:
    return frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1)


def _unified(doc: Doc, ents: list[Span]) -> tuple[list[Span], bool]:
    """Each name's occurrences take the label most of them carry, when that is PERSON or ORG."""
    from newsintel.nlp.gazetteer import load_gazetteer

    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for ent in ents:
        votes[_words(doc, core(ent))][ent.label_] += 1
    winners: dict[tuple[str, ...], str] = {}
    surnames = _surnames(doc)
    for words, count in votes.items():
        if len(count) < 2:
            continue
        (top, n), (_, m) = count.most_common(2)
        if top in NAME_LABELS and n > m:
            winners[words] = top
    if not winners:
        return ents, False
    out, changed = [], False
    retyped = cues().retyped
    for ent in ents:
        words = _words(doc, core(ent))
        label = winners.get(words)
        if label is None or label == ent.label_:
            out.append(ent)
            continue
        text = " ".join(words)
        if ent.label_ in NAME_LABELS:  # PERSON <-> ORG: not a surname ("Bloomberg"), not a kept name's type
            keep = (len(words) == 1 and text in surnames) or kept_type(text) is not None
        else:
            keep = ent.label_ not in retyped or (
                ent.label_ in ("GPE", "LOC", "FAC") and bool(load_gazetteer().lookup(text)))
        if keep:
            out.append(ent)
        else:
            out.append(Span(doc, ent.start, ent.end, label=label, kb_id=ent.kb_id))
            changed = True
    return out, changed


def _split_names(doc: Doc, ents: list[Span], names: dict[tuple[str, ...], Name]) -> tuple[list[Span], bool]:
    """A known name at the head of an entity of another type is that name: "Tesla Roadster" (PRODUCT) in a
    document naming the organisation Tesla is Tesla (ORG) and Roadster; "Musk, 46" (DATE) is Musk and 46."""
    c = cues()
    out, changed = [], False
    for ent in ents:
        parts = None
        if ent.label_ not in NAME_LABELS:
            start, end = core(ent)
            for cut in range(end - 1, start, -1):
                name = names.get(_words(doc, (start, cut)))
                if name is None:
                    continue
                if doc[cut].text == "," and cut + 1 < end:  # a name, then an age or a date
                    parts = [Span(doc, start, cut, label=name.label), Span(doc, cut + 1, end, label=ent.label_)]
                elif name.label == "ORG" and ent.label_ in c.maker_named and end - cut <= c.max_product_rest \
                        and any(t.is_alpha or t.is_digit for t in doc[cut:end]):
                    parts = [Span(doc, start, cut, label="ORG"), Span(doc, cut, end, label=ent.label_)]
                break
        if parts is None:
            out.append(ent)
        else:
            out += parts
            changed = True
    return out, changed


def _speaker_labels(doc: Doc, ents: list[Span], persons: frozenset[str]) -> tuple[list[Span], bool]:
    """Transcript speaker labels in capitals at a line start ("RENEE MONTAGNE, HOST:", "GERMANY THOMAS DE
    MAIZIERE:") naming a person the document names (one of the words is a word of a person's name): the label is
    that person's full name in capitals; leading place names are dropped, and so is an entity on the role.
    `persons`: lower-case words of the document's person names."""
    from newsintel.nlp.gazetteer import load_gazetteer

    found: list[Span] = []
    roles: set[int] = set()
    i = 0
    while i < len(doc):
        if not _at_line_start(doc, i) or not _caps_word(doc[i]):
            i += 1
            continue
        end = i
        while end < len(doc) and end - i < 5 and _caps_word(doc[end]) and (end == i or not _at_line_start(doc, end)):
            end += 1
        label = end < len(doc) and (doc[end].text == ":" or (doc[end].text == "," and end + 2 < len(doc)
                                    and _caps_word(doc[end + 1]) and doc[end + 2].text == ":"))
        start = i
        while start < end - 1 and doc[start].lower_ not in persons and load_gazetteer().lookup(doc[start].text):
            start += 1
        if label and end - start >= 2 and any(t.lower_ in persons for t in doc[start:end]):
            found.append(Span(doc, start, end, label="PERSON"))
            if doc[end].text == ",":
                roles.add(end + 1)  # "HOST", "BYLINE": the speaker's role, no organisation
        i = end + 1
    if not found:
        return ents, False
    inside = {t for f in found for t in range(f.start, f.end)} | roles
    return [*(e for e in ents if not any(t in inside for t in range(e.start, e.end))), *found], True


def _caps_word(token: Token) -> bool:
    return token.is_alpha and token.text.isupper() and len(token.text) > 1


# -- 3: further occurrences ---------------------------------------------------------------------------------------

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


def build_index(doc: Doc, ents: list[Span]) -> Index:
    from newsintel.nlp.gazetteer import load_gazetteer

    c = cues()
    names: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for ent in ents:
        words = _words(doc, core(ent))
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
    lower = frozenset(t.text for t in doc if t.is_lower and t.is_alpha)
    return Index(by_first, people, org_handles, lower)


def _match(doc: Doc, i: int, name: Name) -> int | None:
    """End of `name` written at token i as it is or in capitals, else None."""
    end = i + len(name.words)
    if end > len(doc):
        return None
    tokens = doc[i:end]
    if all(t.text == w for t, w in zip(tokens, name.words, strict=True)):
        return end
    if all(t.text.isupper() and t.lower_ == w.lower() for t, w in zip(tokens, name.words, strict=True)):
        return end
    return None


def _plain_word(index: Index, token: Token) -> bool:
    """A word whose capitals say nothing here and that is also an ordinary word."""
    uninformative = token.text.isupper() or _at_line_start(token.doc, token.i)
    return uninformative and (token.lower_ in cues().ambiguous or token.lower_ in index.lower_words)


def _echo_at(doc: Doc, i: int, index: Index, taken: set[int]) -> tuple[int, Name] | None:
    for name in index.by_first.get(doc[i].lower_, ()):
        end = _match(doc, i, name)
        if end is None or any(t in taken for t in range(i, end)):
            continue
        if len(name.words) == 1 and _plain_word(index, doc[i]):
            continue
        if name.label == "PERSON" and len(name.words) == 1 and doc[i].text.isupper() and (
                end == len(doc) or doc[end].text != ":"):
            continue  # one word in capitals is a person only as a transcript's speaker label ("NELSON:")
        return end, name
    return None


def _inside_longer(doc: Doc, start: int, end: int, label: str, caps: bool) -> bool:
    """The words are part of a longer capitalised name: a capitalised word before them inside the sentence, or,
    for a person, after them ("Sarah Jones"). In a line of capitals neighbours say nothing and do not count."""
    if _hyphened(doc, start - 1) or _hyphened(doc, end):
        return True  # "Blu" of "Blu-Ray"
    before = doc[start - 1] if start > 0 and not _at_line_start(doc, start) else None
    after = doc[end] if end < len(doc) and not doc[end].is_sent_start else None
    if before is not None and _capitalised(before) and not (caps and before.text.isupper()):
        return True
    return label == "PERSON" and after is not None and _capitalised(after) and not (caps and after.text.isupper())


def _owned_handles(ents: list[Span], index: Index) -> tuple[list[Span], bool]:
    """A handle the NER model tagged ("@elonmusk" as ORG) takes the type and name of the one it stands for."""
    out, changed = [], False
    for ent in ents:
        owner = index.handle_owner(ent[0]) if len(ent) == 1 else None
        if owner is None or (owner.label == ent.label_ and ent.kb_id_ == owner.text):
            out.append(ent)
        else:
            out.append(Span(ent.doc, ent.start, ent.end, label=owner.label, kb_id=owner.text))
            changed = True
    return out, changed


def _hyphened(doc: Doc, i: int) -> bool:
    """Token i is a hyphen joined to the word next to it (no space between)."""
    if i < 0 or i >= len(doc) or doc[i].text not in ("-", "‐", "–"):
        return False
    return not doc[i].whitespace_ or (i > 0 and not doc[i - 1].whitespace_)


def _echoes(doc: Doc, index: Index, taken: set[int]) -> list[Span]:
    found: list[Span] = []
    pending: list[tuple[int, int, Name]] = []  # adjacent person matches join: "SORAYA" + "SARHADDI NELSON"
    i = 0
    while i < len(doc):
        if i in taken:
            i += 1
            continue
        owner = index.handle_owner(doc[i])
        if owner is not None:
            found.append(Span(doc, i, i + 1, label=owner.label, kb_id=owner.text))
            i += 1
            continue
        hit = _echo_at(doc, i, index, taken)
        if hit is None:
            i += 1
            continue
        end, name = hit
        if pending and pending[-1][1] == i and name.label == "PERSON" == pending[-1][2].label:
            pending[-1] = (pending[-1][0], end, max(pending[-1][2], name, key=lambda n: len(n.words)))
        else:
            pending.append((i, end, name))
        i = end
    for start, end, name in pending:
        caps = all(t.text.isupper() for t in doc[start:end])
        if name.label == "PERSON" and len(name.words) == 1 and not name.given and _given_before(doc, index, start,
                                                                                               taken):
            start -= 1  # "Pavel Durov" where the document names "Durov"
        if not _inside_longer(doc, start, end, name.label, caps):
            found.append(Span(doc, start, end, label=name.label))
    return found


def _given_before(doc: Doc, index: Index, start: int, taken: set[int]) -> bool:
    """"Pavel" of "Pavel Durov", where the document names "Durov" alone: a capitalised word before a one-word
    person name, in no entity, no ordinary word, itself not part of a longer capitalised name."""
    if start == 0 or start - 1 in taken or _at_line_start(doc, start):
        return False
    before = doc[start - 1]
    if not (before.is_alpha and before.is_title and len(before) > 1) or _plain_word(index, before) \
            or before.lower_ in cues().ambiguous or before.lower_ in index.lower_words:
        return False
    return _at_line_start(doc, start - 1) or not _capitalised(doc[start - 2])


@Language.component("newsintel_name_echoes")
def name_echoes(doc: Doc) -> Doc:
    """One sense per discourse for the document's PERSON and ORG names (see the module docstring)."""
    ents, unified = _unified(doc, list(doc.ents))
    persons = frozenset(t.lower_ for e in ents if e.label_ == "PERSON" for t in e if t.is_alpha and len(t) > 1)
    ents, labelled = _speaker_labels(doc, ents, persons)
    index = build_index(doc, ents)
    names = {n.words: n for group in index.by_first.values() for n in group if not n.given}
    ents, split = _split_names(doc, ents, names)
    ents, handles = _owned_handles(ents, index)
    taken = {t for e in ents for t in range(e.start, e.end)}
    found = _echoes(doc, index, taken)
    if found or unified or labelled or split or handles:
        doc.ents = filter_spans([*ents, *found])
    return doc
