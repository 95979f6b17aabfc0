"""Names of geocoded places: the reports' usual spelling with the gazetteer's country ("Raqqa, Syria"), or the
gazetteer's own name ("Ar Raqqah, Syria") where no spelling is at hand; every spelling stays in the identity's
names, and the GeoNames id in its profile.

Places are referred to as the resolver keys them (`profile["place"]`): the GeoNames id, or "lat,lon" to two
decimals for gazetteer additions without one.
"""

from __future__ import annotations

import functools

from newsintel.nlp.gazetteer import Place, load_gazetteer


def place_ref(geonameid: int | None, lat: float | None, lon: float | None) -> str | None:
    """The resolver's key of a geocoded place, None when not geocoded."""
    if geonameid:
        return str(geonameid)
    return f"{lat:.2f},{lon:.2f}" if lat is not None and lon is not None else None


@functools.cache
def _index() -> tuple[dict[str, int], dict[str, str]]:
    """(place key -> gazetteer row, country code -> country name); built once, in a few tens of milliseconds."""
    gazetteer = load_gazetteer()
    rows: dict[str, int] = {}
    countries: dict[str, str] = {}
    for i, row in enumerate(gazetteer.rows):  # raw tuples in `Place` field order: no objects made for all
        geonameid, name, kind, country, lat, lon = row[:6]
        ref = place_ref(geonameid, lat, lon)
        if ref is not None:
            rows.setdefault(ref, i)
        if kind == "country" and country:
            countries.setdefault(country, name)
    return rows, countries


def place_of(ref: str) -> Place | None:
    rows, _ = _index()
    row = rows.get(ref)
    return None if row is None else load_gazetteer().place(row)


def country_name(code: str) -> str | None:
    return _index()[1].get(code)


def display_name(ref: str, spelled: str | None = None) -> str | None:
    """"Raqqa, Syria" for a town the reports spell "Raqqa" ("Ar Raqqah, Syria", GeoNames' name, when no spelling is
    given), "Syria" for a country; None when the gazetteer does not know `ref`. Analysts know places by the names
    their reporting uses, while the country tells namesakes apart."""
    place = place_of(ref)
    if place is None:
        return None
    country = country_name(place.country) if place.country else None
    if place.kind == "country" or not country or country == place.name:
        return place.name
    return f"{spelled or place.name}, {country}"
