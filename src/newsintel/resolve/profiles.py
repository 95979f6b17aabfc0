"""An identity's running profile: the names, types, nationalities, genders, occupation classes and birth years
of its entities.

Kept as JSON on the identity row and updated as entities join, so scoring a candidate never reads its members.
Birth years come from a stated age and the document's publication year, which is what lets "Smith, 27" in 2020
and "Smith, 45" in 2021 be told apart as namesakes.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from newsintel.nlp.grouping import strip_the
from newsintel.resolve.identity_index import IdentityIndex
from newsintel.resolve.keys import store_keys
from newsintel.resolve.names import blocking_keys, form_of
from newsintel.resolve.place_names import display_name, place_ref
from newsintel.resolve.types import identity_type
from newsintel.resources import load_yaml


def birth_year(attributes: dict[str, Any], published: str | None) -> int | None:
    age = attributes.get("age")
    if not isinstance(age, int) or not published or not published[:4].isdigit():
        return None
    return int(published[:4]) - age


def conflict_penalty(profile: dict[str, Any], attributes: list[dict[str, Any]], published: str | None,
                     cfg: dict[str, Any]) -> float:
    """How strongly the unit's stated attributes contradict the identity's: the namesake signal."""
    penalty = 0.0
    nationalities = {a["nationality"] for a in attributes if a.get("nationality")}
    known = set(profile.get("nationality", {}))
    if nationalities and known and not nationalities & known:
        penalty += cfg["nationality_conflict"]
    genders = {a["gender"] for a in attributes if a.get("gender")}
    known_genders = set(profile.get("gender", {}))
    if genders and known_genders and not genders & known_genders:
        penalty += cfg["gender_conflict"]
    roles = {a["occupation_class"] for a in attributes if a.get("occupation_class")}
    known_roles = set(profile.get("occupation_class", {}))
    if roles and known_roles and not roles & known_roles:  # "a computer science student" / "the commander"
        penalty += cfg["occupation_conflict"]
    years = [y for y in (birth_year(a, published) for a in attributes) if y is not None]
    known_years = [int(y) for y in profile.get("birth_year", {})]
    if years and known_years:
        gap = min(abs(a - b) for a in years for b in known_years)
        if gap > cfg["birth_year_tolerance"]:
            penalty += cfg["birth_year_conflict"]
    return penalty


def _bump(profile: dict[str, Any], field: str, value: object, by: int = 1) -> None:
    counts = profile.setdefault(field, {})
    counts[str(value)] = counts.get(str(value), 0) + by


def _display_name(names: dict[str, int]) -> str:
    """The most frequent full name (more than one word, no initials, not a nom de guerre such as "Abu Hamza
    al-Kosovi") if any, else the most frequent name; ties go to the longest."""
    kunya = frozenset(load_yaml("name_variants.yaml")["nom_de_guerre_starts"])
    plain: Counter[str] = Counter()
    for name, count in names.items():
        plain[strip_the(name)] += count
    multi = {n: c for n, c in plain.items() if len(n.split()) > 1 and "." not in n}
    real = {n: c for n, c in multi.items() if n.split()[0].lower() not in kunya}
    pool = real or multi or plain
    return max(pool, key=lambda n: (pool[n], len(n), n))


def _fold_in(profile: dict[str, Any], names: list[str], types: Counter[str], attributes: list[dict[str, Any]],
             published: str | None) -> None:
    for name in names:
        _bump(profile, "names", " ".join(name.split()))
    for type_, count in types.items():
        _bump(profile, "types", type_, count)
    for attrs in attributes:
        for field in ("nationality", "gender", "place", "occupation_class"):
            if attrs.get(field):
                _bump(profile, field, attrs[field])
        year = birth_year(attrs, published)
        if year is not None:
            _bump(profile, "birth_year", year)


def _place_name(index: IdentityIndex, identity_id: str, profile: dict[str, Any]) -> str | None:
    """A geocoded place identity is shown by its most frequent spelling in the reports with the country of the
    gazetteer entry most of its mentions resolved to ("Raqqa, Syria"); the other spellings stay in `names`."""
    places = profile.get("place")
    if not places:
        return None
    if index.kind_of(identity_id) != "place":
        return None
    spelled: Counter[str] = Counter()
    for name, count in profile.get("names", {}).items():
        spelled[strip_the(name)] += count
    usual = max(spelled, key=lambda n: (spelled[n], n)) if spelled else None
    return display_name(max(places, key=lambda p: (places[p], p)), usual)


def _save(index: IdentityIndex, identity_id: str, profile: dict[str, Any], documents: int) -> None:
    name = _place_name(index, identity_id, profile) or _display_name(profile["names"])
    index.save_profile(identity_id, profile, name, identity_type(index, identity_id, profile), documents)


def add_to_identity(index: IdentityIndex, identity_id: str, names: list[str], types: Counter[str],
                    attributes: list[dict[str, Any]], published: str | None, new_documents: int) -> int:
    """Fold a unit into the identity's profile; returns the identity's new document count."""
    profile, documents = index.profile_and_documents(identity_id)
    _fold_in(profile, names, types, attributes, published)
    _save(index, identity_id, profile, documents + new_documents)
    return documents + new_documents


def refresh_identity(index: IdentityIndex, identity_id: str) -> bool:
    """Recompute an identity from its members (after a judgement); deletes it and returns False when empty."""
    members = index.members(identity_id)
    if not members:
        index.delete_identity(identity_id)
        return False
    profile: dict[str, Any] = {}
    for m in members:
        attributes = dict(m.attributes)
        if m.lat is not None:
            attributes["place"] = place_ref(m.geonameid, m.lat, m.lon)
        _fold_in(profile, [m.name, *m.aliases], Counter({m.type: 1}), [attributes], m.published)
    documents = index.member_documents(identity_id)
    _save(index, identity_id, profile, documents)
    kind = index.kind_of(identity_id)
    index.clear_keys(identity_id)
    keys = {k for n in profile["names"] if (f := form_of(kind, n)) is not None for k in blocking_keys(f)}
    keys |= {"g:id:" + place for place in profile.get("place", {})}
    store_keys(index, identity_id, keys, documents)
    return True
