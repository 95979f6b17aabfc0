"""Event places from the round-4 audit ("wrong place", "missing place") and the fresh dev gold (issue 12): a party
after "against"/"with" and a place as the possessor of a non-place are no places of the event; a region qualifying an
end of a route belongs to that end; a participle clause continuing its head's act happened where it did. Each next to
the case that must not change. Sentences written for these tests."""

from helpers import events_of

PLACE_ROLES = ("location", "origin", "destination", "via")


def one(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger))


def places(event: dict, roles: tuple[str, ...] = PLACE_ROLES) -> set[str]:
    return {a["text"] for role in roles for a in event[role]}


def test_a_party_after_against_or_with_is_no_place():
    event = one("The ministers urged Spain and Italy to agree to new sanctions against Belarus.", "AGREE", "agree")
    assert "Belarus" not in places(event)
    event = one("The firm signed a deal with Hanoi in Singapore.", "AGREE", "deal")
    assert places(event) == {"Singapore"}  # a place inside the party's phrase still places


def test_a_place_as_the_possessor_of_a_non_place_is_no_place():
    event = one("The talks may collapse if the chancellor agrees to Ankara's demands.", "AGREE", "agrees")
    assert "Ankara" not in places(event)
    event = one("A gunman opened fire at Lyon's main station.", "ATTACK", "opened")
    assert places(event) == {"Lyon"}


def test_a_region_qualifying_an_end_of_a_route_belongs_to_that_end():
    event = one("The singer flew from Denver to Fresno, California, on Sunday.", "TRAVEL", "flew")
    assert places(event, ("destination",)) == {"Fresno", "California"}
    assert not places(event, ("location",))
    event = one("A man was stabbed in Tucson, Arizona, on Sunday.", "ATTACK", "stabbed")
    assert places(event) == {"Tucson", "Arizona"}


def test_a_participle_continuing_its_head_act_happened_where_it_did():
    event = one("A bomber rammed a car into a wall around the embassy in the northern city of Kunduz, killing three "
                "guards.", "ATTACK", "killing")
    assert places(event) == {"Kunduz"}
    event = one("The convoy left Homs on Friday, heading for the coast.", "TRAVEL", "heading")
    assert "Homs" not in places(event)  # a movement has its own route


def test_the_heads_phrase_hung_on_its_objects_participle_still_places():
    """"drove a van loaded with explosives into a gate ... in Herat": the parser hangs "into" on "loaded"."""
    event = one("A bomber drove a van loaded with explosives into a gate near the embassy in the city of Herat, "
                "killing at least five guards.", "ATTACK", "killing")
    assert places(event) == {"Herat"}
