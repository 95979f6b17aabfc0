"""Event places as the guidelines ask: named places only, where the event happened, not where a participant is
from or where another event named in the phrase happened."""


from helpers import events_of

PLACE_ROLES = ("location", "origin", "destination", "via")


def places(event: dict) -> set[str]:
    return {a["text"] for role in PLACE_ROLES for a in event[role]}


def test_common_nouns_are_no_places():
    (event,) = events_of("Hundreds of families fled the village after the flood warning.", "FLEE")
    assert places(event) == set()
    (event,) = events_of("The engineer will fly home to Bergen next week.", "RETURN")
    assert places(event) == {"Bergen"}


def test_named_camps_and_border_posts_stay():
    (event,) = events_of("Two detainees escaped from Ain Issa camp overnight.", "FLEE")
    assert any("Ain Issa" in p for p in places(event))


def test_where_a_participant_comes_from_is_not_where_the_event_happened():
    (event,) = events_of("Lars Holm, a mechanic from Odense, left Norway in 2016.", "TRAVEL")
    assert "Odense" not in places(event) and "Norway" in places(event)
    (event,) = events_of("Tariq Selim, who studied in Leeds, fought for the militia in Raqqa.", "FIGHT")
    assert places(event) == {"Raqqa"}


def test_a_shelled_town_is_the_location_not_a_target():
    (event,) = events_of("Government forces shelled Aleppo on Monday.", "ATTACK")
    assert places(event) == {"Aleppo"} and event["targets"] == []


def test_a_place_after_a_nested_event_is_that_events_place():
    text = "The group called it a revenge attack for French airstrikes in Mosul last month."
    attack, strikes = sorted(events_of(text, "ATTACK"), key=lambda e: e["start"])
    assert "Mosul" not in places(attack) and "Mosul" in places(strikes)
