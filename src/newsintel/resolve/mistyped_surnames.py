"""A lone surname the NER model tagged as an organisation ("Lavrov's comments ...") or as a small place ("Kim said
...", "Upton, chairman of ...") in a report that never names the person in full. Such a name may stand for the
people of the store who bear it; which one, if any, is for the report's context to say (`context.dominant`), as for
any lone surname.

- An organisation's name: only people the store knows by that word alone as well as by a full name, and never a
  kept organisation name, an acronym or a name an organisation of the store bears ("Brandt" the bakery chain).
- A place's name: only when every place of that name in the gazetteer is a town under
  `surname_place_max_population` (no country, region or city: "Jordan", "Chelsea" stay places).
"""

from __future__ import annotations

from newsintel.nlp.gazetteer import load_gazetteer
from newsintel.resolve.identity_index import IdentityIndex
from newsintel.resolve.keys import identities_for_keys
from newsintel.resolve.known_orgs import org_documents
from newsintel.resolve.names import ORG, PERSON, PLACE, NameForm, form_of
from newsintel.resolve.units import Unit, settings

_LOOKUP_LIMIT = 20


def _written_as_name(word: str) -> NameForm | None:
    if len(word.split()) != 1 or not word[:1].isupper() or word.isupper():
        return None
    form = form_of(PERSON, word)
    return form if form is not None and not form.is_initials else None


def _small_place_only(word: str) -> bool:
    places = load_gazetteer().lookup(word)
    return all(p.kind == "city" and p.population < settings()["surname_place_max_population"] for p in places)


def surname_bearers(index: IdentityIndex, unit: Unit) -> list[str]:
    """The person identities a one-word organisation or place name may be (see the module); [] for none."""
    if unit.kind not in (ORG, PLACE) or len({*unit.names}) != 1:
        return []
    word = unit.names[0]
    person = _written_as_name(word)
    if person is None:
        return []
    if unit.kind == ORG:
        from newsintel.nlp.type_fixes import kept_type

        if kept_type(word) == "ORG" or org_documents(index, word):
            return []
    elif not _small_place_only(word):
        return []
    bearers = []
    for row in identities_for_keys(index, {"p:last:" + person.last}, _LOOKUP_LIMIT):
        if row.kind != PERSON:
            continue
        forms = [f for f in (form_of(PERSON, n) for n in row.profile().get("names", {})) if f]
        full = any(len(f.tokens) > 1 and f.last == person.last for f in forms)
        alone = any(f.tokens == person.tokens for f in forms)
        if full and (alone or unit.kind == PLACE):
            bearers.append(row.id)
    return bearers
