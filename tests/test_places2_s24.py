"""Event places (issue 12): the places an event noun's verb lists after "including" under a set of places ("hit
several cities, including A and B", "swept through a number of towns, including A") are where the events were;
a verb of consequence still gives none. Sentences written for these tests."""

from helpers import events_of


def _places(event: dict) -> list[str]:
    return [p["text"] for p in event["location"]]


def test_places_listed_under_the_cities_a_wave_of_attacks_hit():
    text = "On Friday a series of bomb attacks hit several Iraqi cities, including Mosul, Kirkuk and Tikrit."
    (attack,) = events_of(text, "ATTACK")
    assert _places(attack) == ["Mosul", "Kirkuk", "Tikrit"]


def test_places_listed_under_the_towns_attacks_swept_through():
    text = "Last night a wave of arson attacks swept through a number of French towns, including Lyon and Nantes."
    (attack,) = events_of(text, "ATTACK")
    assert _places(attack) == ["Lyon", "Nantes"]


def test_countries_an_attack_shocked_are_not_its_places():
    text = "The attacks shocked several countries, including France and Spain."
    (attack,) = events_of(text, "ATTACK")
    assert _places(attack) == []
