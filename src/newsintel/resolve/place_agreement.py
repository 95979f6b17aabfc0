"""Whether a place mention's own geocoding agrees with a place identity's (`linker.name_match`).

A place identity's point is what every where/heading line of its members shows. A mention the geocoder left
unplaced (judged no place on Earth, or a word it could not read) joining a geocoded namesake would inherit that
namesake's point: a moon became a town in Afghanistan that way. So the geocoded and the unplaced never share an
identity, and two geocoded sides share one only at the same gazetteer entry or within a few kilometres in one
country (a town and the district of its name, a capital and its governorate).
"""

from __future__ import annotations

import math
from collections.abc import Collection

from newsintel.nlp.gazetteer import Place
from newsintel.resolve.place_names import place_of


def _point(ref: str) -> tuple[float, float, str | None] | None:
    """(lat, lon, country) of a resolver place key: a GeoNames id the gazetteer knows, or "lat,lon"."""
    place: Place | None = place_of(ref)
    if place is not None:
        return place.lat, place.lon, place.country
    try:
        lat, lon = (float(v) for v in ref.split(","))
    except ValueError:
        return None
    return lat, lon, None


def _km(a: tuple[float, float, str | None], b: tuple[float, float, str | None]) -> float:
    """Great-circle distance (haversine, mean Earth radius), as `nlp.geocode.distance_km`."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places_agree(ours: Collection[str], theirs: Collection[str], max_km: float) -> bool:
    """True when both sides are geocoded and some pair of their places is the same entry, or lies within `max_km`
    in the same country (or where the gazetteer gives none); False when only one side is geocoded."""
    if not ours or not theirs:
        return False
    if set(ours) & set(theirs):
        return True
    points = [p for p in map(_point, theirs) if p is not None]
    for ref in ours:
        mine = _point(ref)
        if mine is None:
            continue
        for other in points:
            if (mine[2] is None or other[2] is None or mine[2] == other[2]) and _km(mine, other) <= max_km:
                return True
    return False
