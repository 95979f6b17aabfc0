"""People the small NER model typed ORG, found by the words around the name (issue 12, session 24).

A profile that lists a person as an organisation loses the analyst's trust, and so does a company retyped as a
person ("Philip Morris"), so the name alone never decides: only evidence in the text beside it does.

- a lower-case noun of a person's role or trade right before a name of two or three capitalised words
  ("biologist Ana Ruiz", "her husband Tom Lee"; `person_role_nouns` and `role_words` in data/entity_types.yaml);
- a person's trade in apposition after such a name ("Ana Ruiz, a Chilean biologist,"): a narrower list, as a
  company can be "a partner" or "the owner" of something;
- a country's or a state's possessive right before such a name, when the sentence goes on to call it "he" or
  "her" ("Norway's Ana Ruiz ... when she"): a country's companies carry its possessive too;
- a title inside the span before such a name ("PM Ana Ruiz", "Acme Corp CFO Ana Ruiz", `person_titles`): the
  name after it is the person, the words before it (when any) the organisation.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.tokens import Span

from newsintel.resources import load_yaml

_PLACE_LABELS = ("GPE", "LOC")
_AREA_KINDS = ("country", "state", "province")
_ARTICLES = ("a", "an", "the")
_PERSON_PRONOUNS = frozenset({"he", "she", "his", "him", "her", "hers", "himself", "herself"})
_GROUP_PRONOUNS = frozenset({"its", "itself", "they", "them", "their", "theirs"})
_APPOSITION_END = frozenset({",", ".", ";", ":", "—", "–", "-", ")", "who", "whose", "of", "from", "at", "in", "with",
                             "and", "for"})


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Role nouns before a name, titles inside a span, organisation words, role nouns in apposition."""
    shapes = load_yaml("entity_types.yaml")["shapes"]
    trades = frozenset(shapes["person_role_nouns"])
    nouns = (trades | frozenset(shapes["role_words"])) - frozenset(shapes["not_person_roles"])
    last = frozenset(load_yaml("org_names.yaml")["last_words"])
    return nouns, frozenset(shapes["person_titles"]), last, trades


def _name_like(span: Span, shape_ok: Callable[[Span], bool]) -> bool:
    """Two or three capitalised words shaped as a person's name (`shape_ok`: type_fixes' shape and kept-name
    tests), with no organisation word."""
    if not 2 <= len(span) <= 3 or not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in span):
        return False
    if any(t.lower_ in _words()[2] for t in span):
        return False
    return shape_ok(span)


def _role_noun_before(span: Span) -> bool:
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.is_lower and prev.lower_ in _words()[0]


def _role_apposition_after(span: Span) -> bool:
    """"Ana Ruiz, a Chilean biologist,": a comma, an article, at most two modifiers (lower case or a capitalised
    nationality) and a person's trade that ends the phrase."""
    doc = span.doc
    at = span.end
    if at + 2 >= len(doc) or doc[at].text != "," or doc[at + 1].lower_ not in _ARTICLES:
        return False
    for i in range(at + 2, min(at + 5, len(doc))):
        token = doc[i]
        if token.is_lower and token.lower_ in _words()[3]:
            return i + 1 == len(doc) or doc[i + 1].lower_ in _APPOSITION_END
        if not token.is_alpha or token.lower_ in _APPOSITION_END or (token.is_upper and len(token) > 1):
            return False  # "Acme, a rival of singer ..." is no apposition naming a trade
    return False


def _place_possessive_before(span: Span) -> bool:
    """"Norway's Ana Ruiz ... when she": the word before is a possessive ending a country or a state the
    gazetteer knows, and the sentence then refers to the name as a person ("he", "her") before any "its", "they" or
    "their": a possessive country stands before its companies too ("Norway's Acme Shipping ... its fleet")."""
    from newsintel.nlp.gazetteer import load_gazetteer

    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in ("'s", "’s"):
        return False
    owner = doc[span.start - 2]
    if owner.ent_type_ not in _PLACE_LABELS:
        return False
    place = next((e for e in doc.ents if e.start <= owner.i < e.end), None)
    known = load_gazetteer().lookup(place.text) if place is not None else ()
    if not known or known[0].kind not in _AREA_KINDS:
        return False  # a country or a state, as the gazetteer reads the name first
    for token in doc[span.end:span.sent.end if doc.has_annotation("SENT_START") else len(doc)]:
        if token.lower_ in _PERSON_PRONOUNS:
            return True
        if token.lower_ in _GROUP_PRONOUNS:
            return False
    return False


def person_parts(span: Span, shape_ok: Callable[[Span], bool]) -> list[Span] | None:
    """The spans an ORG span becomes when the text shows it names a person (see the module docstring); None when
    it shows nothing. `shape_ok`: whether a span can be a person's name and is no kept name."""
    if span.label_ != "ORG":
        return None
    doc = span.doc
    start = span.start + (1 if span[0].lower_ == "the" else 0)
    core = doc[start:span.end]
    shown = _role_noun_before(span) or _place_possessive_before(span) or _role_apposition_after(span)
    if shown and _name_like(core, shape_ok):
        return [Span(doc, start, span.end, label="PERSON")]
    titles = _words()[1]
    for i in range(start, span.end - 2):
        if doc[i].text.rstrip(".") not in titles:
            continue
        name = doc[i + 1:span.end] if doc[i + 1].text != "." else doc[i + 2:span.end]
        if not _name_like(name, shape_ok):
            continue
        # the words before the title are the organisation when they can name one ("Acme Foods", "NBC"), not a
        # lone word such as "Former"
        head = doc[start:i]
        parts = [Span(doc, start, i, label="ORG")] if len(head) > 1 or (len(head) == 1 and head[0].is_upper) else []
        return [*parts, Span(doc, name.start, name.end, label="PERSON")]
    return None
