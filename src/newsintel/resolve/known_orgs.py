"""One type per identity, from the store: a name tagged PERSON in one report that is an organisation the store
already knows under exactly that name.

The small NER model tags a company PERSON in a whole report now and then ("Equifax said ..." seven times), and
runs a photo credit into the next sentence's first word ("Reuters Equifax claimed ..."), which in-document grouping
then makes the name of every lone "Equifax". Such a person is the organisation when all of these hold:

- most of its mentions are one word W (`known_org_lone_share` of them);
- an organisation identity named exactly W is established: it has `known_org_min_documents` documents and
  `known_org_ratio` times those of the people known only as W (this report counting one), or W is a kept
  organisation name (`data/kept_names.yaml`);
- no person of the store bears W with a given name (W is nobody's surname), and the report's own longer names
  only put kept organisation names before W (a credit line run in), never a given name.

A real surname shared with a company ("Ford": Tom Ford) stays a person: some person of the store bears it with a
given name, or the report writes one.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

from newsintel.resolve.identity_index import IdentityIndex
from newsintel.resolve.keys import identities_for_keys
from newsintel.resolve.names import ORG, PERSON, PLACE, form_of
from newsintel.resources import load_yaml

_LOOKUP_LIMIT = 20  # identities read under one key: enough to see whether a person bears the name


@functools.cache
def _settings() -> dict[str, Any]:
    return dict(load_yaml("resolution.yaml"))


def _kept_org(name: str) -> bool:
    from newsintel.nlp.type_fixes import kept_type

    return kept_type(name) == "ORG"


def org_documents(index: IdentityIndex, name: str) -> int:
    """Documents of the organisation identities named exactly `name`."""
    form = form_of(ORG, name)
    if form is None:
        return 0
    return sum(r.documents for r in identities_for_keys(index, {"o:" + form.full}, _LOOKUP_LIMIT)
               if r.kind == ORG)


def _credited(name: str, word: str) -> bool:
    """`name` is `word` alone or after kept organisation names: a credit line's agency run into the word
    ("Reuters Equifax"). Only kept names: any capitalised word may have been tagged ORG somewhere ("MVP")."""
    words = name.split()
    return words[-1] == word and all(_kept_org(w) for w in words[:-1])


def _person_documents(index: IdentityIndex, surname: str, word: str) -> int:
    """Documents of the person identities known only by `word` (alone or credited)."""
    return sum(r.documents for r in identities_for_keys(index, {"p:last:" + surname}, _LOOKUP_LIMIT)
               if r.kind == PERSON and all(_credited(n, word) for n in r.profile().get("names", {})))


def _outvotes(index: IdentityIndex, org_count: int, word: str, surname: str, own: int) -> bool:
    """The organisation's documents are established and `known_org_ratio` times the documents that read the
    word as a person (`own`: the unit's own report)."""
    cfg = _settings()
    person = _person_documents(index, surname, word) + own
    return org_count >= cfg["known_org_min_documents"] and org_count >= cfg["known_org_ratio"] * person


def _borne_with_given_name(index: IdentityIndex, surname: str) -> bool:
    """True when some person identity of the store is called by a longer name ending in `surname` whose other
    words are not organisation names: someone's surname, not only a company's name."""
    for row in identities_for_keys(index, {"p:last:" + surname}, _LOOKUP_LIMIT):
        if row.kind != PERSON:
            continue
        for name in row.profile().get("names", {}):
            words = name.split()
            form = form_of(PERSON, name)
            if len(words) > 1 and form is not None and form.last == surname and not all(
                    _kept_org(w) for w in words[:-1]):
                return True
    return False


def lone_word(mentions: Counter[str]) -> str | None:
    """The one word most of the unit's mentions are, if they are (`known_org_lone_share` of them)."""
    total = sum(mentions.values())
    lone = Counter({text: n for text, n in mentions.items() if len(text.split()) == 1})
    if not total or not lone:
        return None
    word, count = lone.most_common(1)[0]
    return word if count / total >= _settings()["known_org_lone_share"] else None


def read_as_known_org(index: IdentityIndex, unit: Any) -> bool:
    """Read a PERSON unit (a linker `Unit`) as the organisation the store knows by its lone word; True if it was.
    Its kind, type votes and names change: it is compared as that organisation's name alone."""
    if unit.kind != PERSON:
        return False
    word = lone_word(unit.mentions)
    person = form_of(PERSON, word) if word else None
    if word is None or person is None or person.is_initials or word.isupper():
        return False  # an acronym joins an organisation only where a report or the alias table says so
    if not all(_credited(n, word) for n in {*unit.names, *unit.mentions}):
        return False  # "Tom Equifax": a given name written in the report
    if not (_kept_org(word) or _outvotes(index, org_documents(index, word), word, person.last, 1)):
        return False
    if _borne_with_given_name(index, person.last):
        return False
    unit.kind = ORG
    unit.types = Counter({"ORG": sum(unit.types.values())})
    unit.names = [word]
    return True


def absorb_earlier_persons(index: IdentityIndex, org_identity: str, name: str) -> None:
    """The same rule the other way round, so the order reports come in does not matter: once the organisation
    named `name` is established, a person identity found earlier under only that name (alone, or after
    organisation names) is merged into it, unless an analyst's judgement keeps them apart or retyped it."""
    from newsintel.resolve.judgements import blocked, merge_identities

    person = form_of(PERSON, name)
    if person is None or person.is_initials or name.isupper() or len(name.split()) != 1:
        return
    row = index.identity(org_identity)
    if row is None or row.kind != ORG:
        return
    if not (_kept_org(name) or _outvotes(index, row.documents, name, person.last, 0)):
        return
    if _borne_with_given_name(index, person.last):
        return
    for candidate in identities_for_keys(index, {"p:last:" + person.last}, _LOOKUP_LIMIT):
        if candidate.kind != PERSON or candidate.retyped:
            continue
        names = candidate.profile().get("names", {})
        if names and all(_credited(n, name) for n in names) and blocked(index, org_identity, candidate.id) is None:
            merge_identities(index, org_identity, candidate.id, method="type")


def settle_new_identity(index: IdentityIndex, identity_id: str) -> None:
    """An identity this report started as an organisation, that the report names as a person at least as often
    ("Trump" tagged ORG once and PERSON once), is a person: organisations are linked before people, so the first
    entity of a name to come is often the mistyped one. Kept organisation names stay organisations."""
    from newsintel.resolve.profiles import refresh_identity

    row = index.identity(identity_id)
    if row is None or row.kind != ORG or row.documents != 1 or row.retyped:
        return
    profile = row.profile()
    types = profile.get("types", {})
    if types.get("PERSON", 0) < max(1, types.get("ORG", 0)) or any(_kept_org(n) for n in profile.get("names", {})):
        return
    index.set_kind(identity_id, PERSON, "PERSON")
    refresh_identity(index, identity_id)


@functools.cache
def _team_names() -> frozenset[str]:
    from newsintel.nlp.type_fixes import kept_key

    return frozenset(kept_key(str(n)) for n in load_yaml("kept_names.yaml")["ORG"].get("teams", []))


def read_place_as_kept_org(unit: Any) -> bool:
    """A "place" whose every name is a kept organisation name ("the White House", "Kremlin" tagged GPE, even where
    a town of the name was found) is that organisation; True if it was read so. Not a team's name: "Barcelona" and
    "Liverpool" are mostly the cities."""
    from newsintel.nlp.type_fixes import kept_key

    if unit.kind != PLACE or not all(_kept_org(n) and kept_key(n) not in _team_names() for n in unit.names):
        return False
    unit.kind = ORG
    unit.types = Counter({"ORG": sum(unit.types.values())})
    return True
