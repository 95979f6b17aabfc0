"""Event places, session 24 (issue 12, wrong place): an area named after a city is that area, with the city's point
as its middle and an extent, not the city (nlp/toponym_spans.py city_area, data/geocoding.yaml city_areas); a
country coordinated in a participant's modifier says whose the group is, not where (extract/places.py).
Sentences written for these tests."""

from helpers import events_of, record


def geo_of(text: str, name: str) -> dict | None:
    """The `geo` of the first entity whose text holds `name`."""
    return next(e["geo"] for e in record(text)["entities"] if any(name in m["text"] for m in e["mentions"]))


def places(event: dict) -> set[str]:
    return {a["text"] for role in ("location", "origin", "destination", "via") for a in event[role]}


def test_an_area_named_after_its_city_is_no_city():
    for text, name in [("A cyclist was hit by a bus in the Greater Leeds area on Friday.", "Leeds"),
                       ("Wildfires forced thousands from their homes across the Los Angeles metropolitan area.",
                        "Los Angeles"),
                       ("Storms knocked out power in the Lyon region overnight.", "Lyon")]:
        geo = geo_of(text, name)
        assert geo is not None and geo["kind"] == "region" and geo["geonameid"] is None, (text, geo)
        assert geo["extent_km"] > 0 and name in geo["name"] and geo["name"] != name


def test_the_area_keeps_the_citys_point():
    area = geo_of("Two men were arrested in the Houston metropolitan area.", "Houston")
    city = geo_of("Two men were arrested in Houston.", "Houston")
    assert city["kind"] == "city" and (area["lat"], area["lon"]) == (city["lat"], city["lon"])


def test_a_city_alone_or_its_underground_is_still_the_city():
    assert geo_of("Two men were arrested in Houston on Monday.", "Houston")["kind"] == "city"
    geo = geo_of("Trains on the London Underground stopped after a fire in Madrid.", "Madrid")
    assert geo["kind"] == "city"


def test_a_country_in_a_coordinated_modifier_of_the_attackers_is_not_the_place():
    for text, trigger in [("They fled the hamlet, which UK and Kenyan troops had shelled in May.", "shell"),
                          ("The camp, which Russia and Iran militias attacked at dawn, was empty.", "attack"),
                          ("Kenya and AU soldiers attacked the militants near the border.", "attack")]:
        event = next(e for e in events_of(text, "ATTACK") if e["trigger"].startswith(trigger))
        assert places(event) == set(), (text, places(event))


def test_a_place_of_the_event_is_kept():
    event = next(e for e in events_of("They fled the hamlet, which troops had shelled in Kandahar in May.",
                                      "ATTACK") if e["trigger"].startswith("shell"))
    assert places(event) == {"Kandahar"}
