"""One type per identity: from its members' votes, or from an analyst's `retype`, which votes no longer change.

An identity's type is the type most of its entities carry (one vote per entity, so about one per document): a
name the NER model tagged ORG in one report and PERSON in five is a person. An analyst's retype (stored on the
identity as `retyped`, re-applied from the judgements after every rebuild) always wins.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from newsintel.resolve.identity_index import IdentityIndex

# Entity type -> identity kind (the kinds the resolver compares names by).
KIND_OF_TYPE = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


def voted_type(types: dict[str, int]) -> str:
    """The most voted type; a tie goes to the alphabetically last, so the result never depends on order."""
    return max(types, key=lambda t: (types[t], t)) if types else "ORG"


def identity_type(index: IdentityIndex, identity_id: str, profile: dict[str, Any]) -> str:
    """The type to show for an identity: the analyst's retype if any, else its members' vote."""
    retyped = index.retyped_type(identity_id)
    if retyped:
        return str(retyped)
    return voted_type(profile.get("types", {}))


def set_type(index: IdentityIndex, identity_id: str, type_: str) -> None:
    """Give an identity the analyst's type: its kind follows (a person retyped ORG is compared as an organisation
    from now on); the caller refreshes its profile and keys."""
    index.set_type(identity_id, type_, KIND_OF_TYPE[type_])


def set_suppressed(index: IdentityIndex, identity_id: str) -> None:
    index.suppress(identity_id)


VOTES_MIN = 5  # documents the other type must have before a one-word name is read as it
VOTES_RATIO = 3  # ... and how many times more than its own type


def _documents(index: IdentityIndex, key: str, kind: str) -> int:
    from newsintel.resolve.keys import identities_for_keys

    return sum(r.documents for r in identities_for_keys(index, {key}, 20) if r.kind == kind)


def settle_kind(index: IdentityIndex, unit: Any) -> None:
    """Read a one-word name as the kind the store's documents vote for (a linker `Unit`: its kind and type votes
    change). The NER model tags a well-known surname ORG now and then ("Trump said"), and a company PERSON; where
    the store's identities of the other kind under that word have at least `VOTES_MIN` documents and `VOTES_RATIO`
    times those of the tagged kind, the name is read as the other kind, so one man is not a person identity and an
    organisation identity. Acronyms and kept names (`data/kept_names.yaml`) keep their type."""
    from newsintel.nlp.type_fixes import kept_type
    from newsintel.resolve.names import ORG, PERSON, form_of

    kind, names = unit.kind, unit.names
    if kind not in (ORG, PERSON) or not names:
        return
    if any(len(n.split()) != 1 or n.isupper() or kept_type(n) for n in names):
        return
    person, org = form_of(PERSON, names[0]), form_of(ORG, names[0])
    if person is None or org is None or person.is_initials:
        return
    as_person = _documents(index, "p:last:" + person.last, PERSON)
    as_org = _documents(index, "o:" + org.full, ORG)
    mine, other = (as_org, as_person) if kind == ORG else (as_person, as_org)
    if other >= VOTES_MIN and other >= VOTES_RATIO * mine:
        unit.kind = PERSON if kind == ORG else ORG
        unit.types = Counter({"PERSON" if kind == ORG else "ORG": sum(unit.types.values())})
