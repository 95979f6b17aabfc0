"""The units the linker resolves: one document's person, organisation and place entities, grouped where the
report says two names are one (an ALIAS), with what each is called and how its mentions are written; and what a
unit's name is: a lone surname, a one-word organisation name, an initial and a surname, a place not geocoded.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsintel.extract.antecedents import given_name_gender
from newsintel.nlp.gazetteer import load_gazetteer
from newsintel.nlp.grouping import corrected_label
from newsintel.resolve.identity_index import IdentityIndex
from newsintel.resolve.names import ORG, PERSON, PLACE, NameForm, form_of, kind_of, names_another_body
from newsintel.resolve.place_names import place_ref
from newsintel.resources import load_yaml


@functools.cache
def settings() -> dict[str, Any]:
    return dict(load_yaml("resolution.yaml"))


@functools.lru_cache(maxsize=200_000)
def name_form(kind: str, name: str) -> NameForm | None:
    return form_of(kind, name)


@dataclass(slots=True)
class Unit:
    """Entities of one document resolved together: one entity, or several the document says are aliases."""

    kind: str
    entity_ids: list[str]
    names: list[str]
    types: Counter[str]
    attributes: list[dict[str, Any]]
    refs: list[str] = field(default_factory=list)
    mentions: Counter[str] = field(default_factory=Counter)  # mention texts, for the type its words vote for

    @property
    def forms(self) -> list[NameForm]:
        return [f for f in (name_form(self.kind, n) for n in self.names) if f is not None]

    @property
    def rank(self) -> tuple[int, int, int]:
        """Known places first (cheap, exact context), then organisations, then people (the context a person's
        name is read in), full names before lone names, then initials."""
        forms = self.forms
        if self.kind == PLACE:  # a "place" not geocoded may be a person ("Bowie" said): after the people
            return (0, 0, 0) if any(a.get("place") for a in self.attributes) else (2, 2, 0)
        if forms and all(f.is_initials for f in forms):
            return (3, 0, 0)
        full = any(len(f.tokens) > 1 for f in forms)
        return (1 if self.kind == ORG else 2, 0 if full else 1, -max((len(f.tokens) for f in forms), default=0))


def known_place(unit: Unit) -> bool:
    """Geocoded, or a name the gazetteer knows: a place, not a person the NER model took for one."""
    return any(a.get("place") for a in unit.attributes) or any(load_gazetteer().lookup(n) for n in unit.names)


def entity_ref(document_id: str, kind: str, name: str) -> str:
    form = name_form(kind, name)
    return f"{document_id}:{kind}:{form.full if form else name.lower()}"


def document_units(index: IdentityIndex, document_id: str) -> list[Unit]:
    rows = index.document_entities(document_id)
    parent = {r.id: r.id for r in rows}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    types = {r.id: corrected_label(r.name, r.type) for r in rows}
    places = {r.id: place_ref(r.geonameid, r.lat, r.lon) for r in rows if r.lat is not None}
    for subj, obj in index.alias_pairs(document_id, settings()["alias_max_span"]):
        if subj in parent and obj in parent and kind_of(types[subj]) == kind_of(types[obj]):
            if places.get(subj) and places.get(obj) and places[subj] != places[obj]:
                continue  # two gazetteer entries are two places, whatever the parse read as an alias
            parent[root(subj)] = root(obj)
    texts: dict[str, Counter[str]] = {}
    for entity_id, text in index.mention_texts(document_id):
        texts.setdefault(entity_id, Counter())[" ".join(text.split())] += 1
    grouped: dict[tuple[str, str], Unit] = {}
    for r in rows:
        kind = kind_of(corrected_label(r.name, r.type))  # "Liwa al-..." tagged PERSON is a group
        if kind is None:
            continue
        unit = grouped.setdefault((root(r.id), kind), Unit(kind, [], [], Counter(), []))
        unit.entity_ids.append(r.id)
        unit.names += [r.name, *r.aliases]
        unit.types[r.type] += 1
        attributes = dict(r.attributes)
        if kind == PLACE and r.lat is not None:  # the gazetteer entry it resolved to is the place's identity
            attributes["place"] = place_ref(r.geonameid, r.lat, r.lon)
        unit.attributes.append(attributes)
        unit.refs.append(entity_ref(document_id, kind, r.name))
        unit.mentions.update(texts.get(r.id, Counter({r.name: 1})))
    return sorted(grouped.values(), key=lambda u: u.rank)


def lone_word(unit: Unit) -> bool:
    """A one-word name ("Ramović", "Zeqiri"), often left alone by the NER model's type or the in-document step."""
    return all(len(n.split()) == 1 for n in unit.names)


def may_cross(unit: Unit, kind: str) -> bool:
    """NER mixes up types: a person tagged ORG (or back) may join a same-named identity of the other kind, and a
    "place" the gazetteer does not know ("Haliti, 41," tagged GPE) may join a person, or an organisation when it is
    an acronym (exact names only: see `linker.name_match`)."""
    if {unit.kind, kind} == {ORG, PERSON}:
        return True
    if unit.kind == PLACE and kind == ORG:  # an organisation's acronym tagged GPE ("the NRA said")
        return all(n.isupper() and len(n.split()) == 1 for n in unit.names) and not known_place(unit)
    return unit.kind == PLACE and kind == PERSON and not known_place(unit)


def initial_and_surname(unit: Unit) -> tuple[str, str] | None:
    """("d", "haliti") for a person named by an initial and a surname ("D. Haliti"), ("d", "h") for initials
    ("D.H."), else None."""
    forms = unit.forms
    if unit.kind != PERSON or not forms or not all(len(f.tokens) == 2 and len(f.tokens[0]) == 1 for f in forms):
        return None
    return forms[0].tokens[0], forms[0].last


def lone_surname(unit: Unit) -> str | None:
    """The word of a one-word name that may be a person's surname ("Haliti", even when tagged as a place)."""
    if not lone_word(unit) or unit.kind == ORG or (unit.kind == PLACE and not may_cross(unit, PERSON)):
        return None
    form = name_form(PERSON, unit.names[0])
    return form.last if form is not None and not form.is_initials else None


def report_surname(unit: Unit) -> str | None:
    """The word a lone name may be read by against the full names of its own report: a lone surname, or a
    one-word "place" the geocoder did not place ("Bowie" in a report naming David Bowie; a place name the
    gazetteer knows is often a surname too)."""
    if unit.kind == PLACE and lone_word(unit) and not any(a.get("place") for a in unit.attributes):
        form = name_form(PERSON, unit.names[0])
        return form.last if form is not None and not form.is_initials else None
    return lone_surname(unit)


def lone_org_word(unit: Unit) -> str | None:
    """The one word of a one-word organisation name ("Texans", "Getty"), None for an acronym or a longer name."""
    if unit.kind != ORG or not lone_word(unit):
        return None
    form = name_form(ORG, unit.names[0])
    if form is None or len(form.tokens) != 1 or unit.names[0].isupper() or len(form.full) < 3:
        return None  # "CHT" is no short form: an acronym joins a name only where a report defines it
    return None if names_another_body(form.full) else form.full


def stated_gender(unit: Unit) -> str | None:
    """"male" / "female" as the report states it for the unit ("Ms. X", "her father, Y X") or, for a full name, as
    its given name tells (data/given_names.yaml); None when unknown or mixed. Only rules a namesake out."""
    stated = {a["gender"] for a in unit.attributes if a.get("gender") in ("male", "female")}
    if not stated and unit.kind == PERSON:
        given = {given_name_gender(words[0].strip(".,'\"")) for n in unit.names if len(words := n.split()) > 1}
        stated = {{"m": "male", "f": "female"}[g] for g in given if g}
    return stated.pop() if len(stated) == 1 else None
