"""Event arguments from the event's own clause (issue 12, audit: "place from another clause" and missing places and
agents). A place or agent that belongs to a relative, coordinated or reported clause, or that only says whose a
person is, is another event's; the event's own clause still gives its places and agents. Written sentences, both
ways for each category."""

from helpers import events_of

PLACE_ROLES = ("location", "origin", "destination", "via")


def places(event: dict) -> set[str]:
    return {a["text"] for role in PLACE_ROLES for a in event[role]}


def test_a_place_under_another_verb_of_the_phrase_is_not_the_events():
    (event,) = events_of("The ministry charged Farid Osman with fraud by selling forged maps of the war in Chechnya.",
                         "CHARGE")
    assert "Chechnya" not in places(event)
    (event,) = events_of("The ministry charged Farid Osman with fraud in Grozny.", "CHARGE")
    assert places(event) == {"Grozny"}


def test_a_later_coordinated_clause_keeps_its_place():
    text = ("He was jailed in 1999 but escaped from Kresty prison in Saint Petersburg and then worked as a driver "
            "in Tbilisi.")
    (event,) = events_of(text, "FLEE")
    assert "Tbilisi" not in places(event) and "Saint Petersburg" in places(event)


def test_a_place_in_a_participle_modifying_a_participant_is_not_where():
    text = "Coast guards said the Panama-based smuggler Jon Berg was arrested in the port of Gdansk."
    (event,) = events_of(text, "ARREST")
    assert places(event) == {"Gdansk"}


def test_a_country_owning_a_person_is_not_where_the_event_was():
    (event,) = events_of("Lena Dahl left a summit in Tallinn with Latvia's foreign minister on Monday.", "TRAVEL")
    assert "Latvia" not in places(event) and "Tallinn" in places(event)
    (event,) = events_of("The bombing of Nigeria's main airport was condemned.", "ATTACK")
    assert places(event) == {"Nigeria"}


def test_a_place_after_including_stays_in_the_phrase():
    (event,) = events_of("Militias attacked the towns, including Aleppo and Homs, last year.", "ATTACK")
    assert places(event) == {"Aleppo", "Homs"}
