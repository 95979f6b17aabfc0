"""Event places from the event's own clause (extract/places.py, data/event_places.yaml): a place the event did not
happen at, the parties after another word's "between", a reference point beside a nearer place, a country owning
a craft and a lower-case direction are no place of the event; a same-incident clause and a place named by a
modifier give the place when the event names none itself. Sentences written for these tests."""

from helpers import events_of

PLACE_ROLES = ("location", "origin", "destination", "via")


def places(event: dict) -> set[str]:
    return {a["text"] for role in PLACE_ROLES for a in event[role]}


def one(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger))


def test_a_place_set_apart_is_not_where_the_event_happened():
    event = one("The delegation flew from Lisbon to Porto, instead of Madrid, on Tuesday.", "TRAVEL", "flew")
    assert places(event) == {"Lisbon", "Porto"}


def test_parties_of_another_words_between_are_no_places():
    event = one("Families were evacuated from the coast as a war between Lagos and Accra seemed near.", "EVACUATE",
                "evacuated")
    assert not places(event) & {"Lagos", "Accra"}
    event = one("Smugglers took them across the border between Turkey and Syria last year.", "SMUGGLE", "took")
    assert places(event) == {"Turkey", "Syria"}  # a border's two sides are places


def test_a_reference_point_gives_way_to_the_nearer_place():
    event = one("The envoy visited a clinic in Lebanon north of Beirut on Sunday.", "TRAVEL", "visited")
    assert "Lebanon" in places(event) and "Beirut" not in places(event)


def test_a_reference_point_alone_is_still_the_place():
    event = one("Gunmen attacked a village south of Tikrit overnight.", "ATTACK", "attacked")
    assert places(event) == {"Tikrit"}


def test_a_country_owning_a_craft_is_not_the_place():
    event = one("The injured were evacuated on US choppers to Landstuhl.", "EVACUATE", "evacuated")
    assert places(event) == {"Landstuhl"}
    event = one("A man stabbed a passenger on a Denver light rail train.", "ATTACK", "stabbed")
    assert places(event) == {"Denver"}


def test_a_lower_case_direction_is_no_destination():
    for event in events_of("Can the column go from north to south tonight?", "TRAVEL"):
        assert places(event) == set()


def test_a_killing_takes_the_place_of_its_when_clause():
    event = one("Three people were killed when a gunman opened fire outside a bar in Leipzig.", "ATTACK", "killed")
    assert places(event) == {"Leipzig"}
    event = one("Three people were killed in Halle when a gunman opened fire outside a bar in Leipzig.", "ATTACK",
                "killed")
    assert places(event) == {"Halle"}
    event = one("Four people were killed when a man ploughed a lorry into crowds in the Belgian port of Ostend.",
                "ATTACK", "killed")
    assert places(event) == {"Ostend"}


def test_a_route_in_the_when_clause_is_not_where_the_killing_was():
    text = "Two guards were killed when gunmen attacked a bus en route from Austin to the city of Dallas."
    event = one(text, "ATTACK", "killed")
    assert places(event) == set()


def test_a_relative_clause_of_an_attack_takes_the_attacks_place():
    text = "The attack in Marseille, in which a man drove a van into a crowd, shocked the country."
    assert places(one(text, "ATTACK", "drove")) == {"Marseille"}


def test_a_stabbing_takes_the_place_named_by_its_relative_clause():
    text = "A stabbing that killed a commuter on a Chicago subway train followed a quarrel over a seat."
    assert places(one(text, "ATTACK", "stabbing")) == {"Chicago"}
