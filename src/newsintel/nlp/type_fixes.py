"""Entity types that survive real news: corrections to what the small NER model tags on web pages.

On real reporting the model reads a social network as a person ("Twitter said"), a rocket as an organisation,
page furniture as a name ("Invalid" from a newsletter box), a title-case headline as a person ("Company Set To
Launch World ...") and a photo credit as one name ("Jane Doe/Bloomberg"). This component, run after the other
rulers, corrects by category, preferring to drop a span over keeping junk:

- a span with no capital letter ("n't" or "groans" tagged as a place) or holding an e-mail address or a handle
  is no name (group adjectives such as "jihadist" excepted);
- initials after "identified by the initials" and the like are a person whose name is withheld, not a place;
- names in `data/kept_names.yaml` get the type of their section (platforms, companies, media, agencies and teams
  are organisations; products and programmes are products; formal country names are places);
- a PERSON must look like a person's name (the shape rules in `data/entity_types.yaml`): not only furniture
  words, no headline words or stray lower-case words, no digits, not longer than a name;
- a PERSON made only of common nouns for people, capitalised by a sentence start or a typo ("Gunman", "Police"),
  names no one and is dropped (the noun stays an unnamed actor); a credit run into one ("Reuters People") is the
  credit alone;
- a one-word organisation that names no one organisation ("State"), furniture ("GMT"), a role alone ("the
  Captain") and a description in lower case ("the foreign ministry") are dropped;
- a street or promenade typed ORG or PERSON ("Rue de la Paix", "the Harbour Promenade") is a place (FAC);
- a credit "Name/Agency" whose agency is a kept name becomes a person and an organisation;
- an ORG the words beside it show to be a person ("biologist Ana Ruiz", "PM Ana Ruiz") is one (`org_people.py`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsintel.nlp.org_people import person_parts
from newsintel.resources import load_yaml

RETYPED_FROM = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "GPE", "LOC", "EVENT"})
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_IN_NAMES = re.compile(r"[0-9@#]|https?:|www\.")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")


@dataclass(frozen=True, slots=True)
class Rules:
    kept: dict[str, str]  # name (no leading "the") -> entity type
    particles: frozenset[str]
    furniture: frozenset[str]
    headline: frozenset[str]
    generic_orgs: frozenset[str]
    max_person_words: int
    roles: frozenset[str]
    street_last: frozenset[str]
    street_first: frozenset[str]
    street_institutions: frozenset[str]
    generic_people: frozenset[str]  # `generic_person_words` and `role_words`
    initials_cues: frozenset[tuple[str, ...]]  # words just before a withheld person's initials


@functools.cache
def rules() -> Rules:
    kept: dict[str, str] = {}
    for type_, sections in load_yaml("kept_names.yaml").items():
        if not type_.isupper():
            continue  # `not_ruled`: read by nlp/name_rulers.py
        for names in sections.values():
            for name in names:
                kept[kept_key(" ".join(str(name).split()))] = type_
    shapes = load_yaml("entity_types.yaml")["shapes"]
    return Rules(kept, frozenset(shapes["name_particles"]), frozenset(shapes["furniture_words"]),
                 frozenset(shapes["headline_words"]), frozenset(shapes["generic_org_words"]),
                 int(shapes["max_person_words"]), frozenset(shapes["role_words"]),
                 frozenset(shapes["street_last_words"]), frozenset(shapes["street_first_words"]),
                 frozenset(shapes["street_institutions"]),
                 frozenset(shapes["generic_person_words"]) | frozenset(shapes["role_words"]),
                 frozenset(tuple(cue.split()) for cue in shapes["initials_cues"]))


def kept_key(text: str) -> str:
    """"The Associated Press's" -> "Associated Press": the form kept names are looked up by."""
    text = " ".join(text.split())
    if text[:4].lower() == "the ":
        text = text[4:]
    return _POSSESSIVE.sub("", text) if text.endswith(("'s", "’s", "s'", "s’")) else text


def kept_type(text: str) -> str | None:
    """The type `data/kept_names.yaml` gives this name, if listed."""
    return rules().kept.get(kept_key(text))


def _words(span: Span) -> list[str]:
    return [t.lower_ for t in span if t.is_alpha]


def _hyphen_part(token_i: int, doc: Doc) -> bool:
    """"in" of "Jae-in", "s" of "O's": the piece of a name joined to the word before it."""
    prev = doc[token_i - 1] if token_i > 0 else None
    return prev is not None and not prev.whitespace_ and prev.text in ("-", "'", "’", "‐")


def person_shape_ok(span: Span) -> bool:
    """True when the span can be a person's name: the shape rules of `data/entity_types.yaml`."""
    r = rules()
    if _NOT_IN_NAMES.search(span.text):
        return False
    words = _words(span)
    if not words or all(w in r.furniture for w in words) or len(words) > r.max_person_words:
        return False
    if any(t.lower_ in ("'s", "’s") for t in span[:-1]):
        return False  # "Earth's Moon", "Europe's Parliament": a possessive inside names something of someone
    start = span.start + (1 if span[0].lower_ == "the" else 0)
    for token in span.doc[start:span.end]:
        if not token.is_alpha or _hyphen_part(token.i, span.doc):
            continue
        lower = token.lower_
        if token.text[:1].islower() and lower not in r.particles:
            return False  # "a Grocery Store", "Twitter-happy" … not a name
        if token.i > start and lower in r.headline and token.text[:1].isupper():
            return False  # "… Set To Launch World"
    return True


def generic_people(span: Span, surnames: frozenset[str] = frozenset()) -> bool:
    """Whether the span is only common nouns for people ("Gunman", "the Police", "Suspect"), capitalised by a
    sentence start, headline case or a typo: no one's name, unless the one word ends a full name the report gives
    (`surnames`)."""
    words = [t for t in span if t.lower_ != "the"]
    if not words or not all(t.is_alpha and t.lower_ in rules().generic_people for t in words):
        return False
    return not (len(words) == 1 and words[0].text in surnames)


def _org_junk(span: Span) -> bool:
    words = _words(span)
    if words and all(w in rules().furniture for w in words):
        return True  # "GMT", "Newsletter"
    if len(span) > 1 and all(t.is_alpha and t.is_lower for t in span if t.lower_ != "the"):
        return True  # "the foreign ministry": a description in lower case names no one organisation
    bare = [t.lower_ for t in span if t.lower_ != "the"]
    if len(bare) == 1:  # "the Captain", "Promenade": a role or a street word alone names no one
        r = rules()
        if bare[0] in r.roles or bare[0] in r.street_last or bare[0] in r.street_first:
            return True
    return len(span) == 1 and span[0].lower_ in rules().generic_orgs  # "State", "Ministry"


@functools.cache
def _org_last_words() -> frozenset[str]:
    return frozenset(load_yaml("org_names.yaml")["last_words"])


def is_street(span: Span) -> bool:
    """Whether the name is a street's or a promenade's ("Baker Street", "Rue de la Paix"): a place, not a group
    or a person; not a street name standing for an institution ("Downing Street"), not one holding an
    organisation's word or a conjunction ("Belt and Road")."""
    r = rules()
    words = [t.lower_ for t in span if t.lower_ != "the" and not t.is_punct]
    if len(words) < 2 or " ".join(words) in r.street_institutions:
        return False
    if any(w in ("and", "&") or w in _org_last_words() for w in words):
        return False
    return words[-1] in r.street_last or (words[0] in r.street_first and span[-1].text[:1].isupper())


@functools.cache
def _celestial() -> frozenset[str]:
    """One-word celestial and fictional names (`geocoding.yaml` `not_places`): no person unless a report names one."""
    return frozenset(n for n in load_yaml("geocoding.yaml")["not_places"] if " " not in n)


def _in_full_name(doc: Doc, word: str) -> bool:
    """Whether the word is part of a longer person's name in the report ("Sun" of "Sun Yang")."""
    return any(e.label_ == "PERSON" and len(e) > 1 and any(t.text == word for t in e) for e in doc.ents)


def _surnames(doc: Doc) -> frozenset[str]:
    """Last words of the document's multi-word person names (not of "The Attacker", common nouns only)."""
    return frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and not generic_people(e))


def _written_as_name(span: Span) -> bool:
    """Whether the span is written as a name at all. A name of a person, group, place or thing has a capital letter
    ("n't", "groans", "anesthesia" tagged as places are not); an e-mail address or a social-media handle is no
    entity. Group adjectives are exempt from the capital: "jihadist" and "communist" are written in lower case."""
    text = span.text
    if "@" in text or not any(ch.isalpha() for ch in text):
        return False
    return span.label_ == "NORP" or any(ch.isupper() for ch in text)


def _withheld_name(span: Span) -> bool:
    """"identified only by the initials K.L.": initials after a cue (`initials_cues`) are a person's withheld name,
    unless the gazetteer knows them as a place ("U.S.")."""
    if not _INITIALS.fullmatch(span.text):
        return False
    before = tuple(t.lower_ for t in span.doc[max(0, span.start - 3):span.start])
    if not any(before[-len(cue):] == cue for cue in rules().initials_cues):
        return False
    from newsintel.nlp.gazetteer import load_gazetteer

    return not load_gazetteer().lookup(span.text)


def fixed_label(span: Span, surnames: frozenset[str] = frozenset()) -> str | None:
    """The label the span should carry (None: not an entity). `surnames`: last words of the document's
    multi-word person names, so that "Bloomberg" after "Michael Bloomberg" stays a person."""
    label = span.label_
    if label not in RETYPED_FROM:
        return label
    if not _written_as_name(span):
        return None
    kept = kept_type(span.text)
    if kept is not None and kept != label:
        if len(span) == 1 and span.text in surnames:
            return label
        if label in ("GPE", "LOC"):
            from newsintel.nlp.gazetteer import load_gazetteer

            if load_gazetteer().lookup(span.text):
                return label  # a place the gazetteer knows stays a place
        return kept
    if kept is not None:
        return label
    if label in ("GPE", "LOC") and _withheld_name(span):
        return "PERSON"
    if label in ("PERSON", "ORG") and is_street(span):
        return "FAC"
    if label == "PERSON":
        if span[-1].text in _celestial() and len(_words(span)) <= 2 and not _in_full_name(span.doc, span[-1].text):
            return None  # "the Moon" typed PERSON, unless the report names a Moon ("Moon Jae-in ... Moon said")
        if generic_people(span, surnames):
            return None  # "Gunman attacked ...": an unnamed actor, which the event rules read from the noun
        return label if person_shape_ok(span) else None
    if label == "ORG":
        return None if _org_junk(span) else label
    return label


def _credit_split(span: Span) -> list[Span] | None:
    """"Jane Doe/Bloomberg": the part that is a kept organisation becomes one, two or three capitalised words
    beside it a person; None when no part is a kept name."""
    doc = span.doc
    cuts = [t.i for t in span if t.text == "/"]
    if not cuts:
        return None
    bounds = list(zip([span.start, *(c + 1 for c in cuts)], [*cuts, span.end], strict=True))
    parts = [doc[a:b] for a, b in bounds if a < b]
    if not any(kept_type(p.text) == "ORG" for p in parts):
        return None
    out = []
    for part in parts:
        if kept_type(part.text) == "ORG":
            out.append(Span(doc, part.start, part.end, label="ORG"))
        elif 2 <= len(part) <= 3 and all(t.is_title or t.text.endswith(".") for t in part):
            out.append(Span(doc, part.start, part.end, label="PERSON"))
    return out


def _kept_prefix(span: Span) -> list[Span] | None:
    """"Browns Greedy Williams": a kept organisation's name run into a person's name ahead of it; "Reuters
    Equifax": a credit line's agency run into the kept organisation of the next line; "Reuters People": a credit
    run into a caption's first word, a common noun, is the credit alone."""
    if span.label_ != "PERSON" or len(span) < 2:
        return None
    for cut in (2, 1):
        head, rest = span[:cut], span[cut:]
        if len(rest) < 1 or kept_type(head.text) != "ORG":
            continue
        if generic_people(rest):
            return [Span(span.doc, head.start, head.end, label="ORG")]
        if kept_type(rest.text) == "ORG":
            return [Span(span.doc, head.start, head.end, label="ORG"),
                    Span(span.doc, rest.start, rest.end, label="ORG")]
        if len(rest) >= 2 and person_shape_ok(rest):
            return [Span(span.doc, head.start, head.end, label="ORG"),
                    Span(span.doc, rest.start, rest.end, label="PERSON")]
    return None


def _person_name_ok(span: Span) -> bool:
    return person_shape_ok(span) and kept_type(span.text) is None


@Language.component("newsintel_type_fixes")
def type_fixes(doc: Doc) -> Doc:
    """Correct entity types by category (see the module docstring); drops spans that are no entity."""
    surnames = _surnames(doc)
    ents: list[Span] = []
    changed = False
    for ent in doc.ents:
        parts = _credit_split(ent) if ent.label_ in ("PERSON", "ORG") else None
        parts = parts if parts is not None else _kept_prefix(ent)
        parts = parts if parts is not None else person_parts(ent, _person_name_ok)
        if parts is not None:
            ents += parts
            changed = True
            continue
        label = fixed_label(ent, surnames)
        if label == ent.label_:
            ents.append(ent)
        else:
            changed = True
            if label is not None:
                ents.append(Span(doc, ent.start, ent.end, label=label, kb_id=ent.kb_id))
    if changed:
        doc.ents = ents
    return doc
