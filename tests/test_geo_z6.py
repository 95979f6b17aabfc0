"""Places a report names get coordinates; a name the report uses for a person, a moon or a namesake read through a
country's small namesakes gets none. Sentences written for these tests."""

from newsintel.nlp.geocode import load_resolver
from newsintel.nlp.grouping import RawMention
from newsintel.nlp.toponyms import document_toponyms


def mention(text: str, name: str, label: str, at: int = 0) -> RawMention:
    start = text.index(name, at)
    return RawMention(name, start, start + len(name), 0, label)


def places(text: str, *named: tuple[str, str]) -> list[tuple[str, object]]:
    mentions = [mention(text, name, label) for name, label in named]
    return [(t.text, t.place) for t in document_toponyms(text, mentions, focus={})[1]]


def test_a_postal_code_after_a_town_and_a_comma_is_the_state_it_names():
    text = "She took the night bus from Washington, DC to Albany and then flew on to Paris, TX for the fair."
    spans = [(text.index(w), text.index(w) + len(w), "GPE") for w in ("Washington", "DC", "Albany", "TX")]
    found = load_resolver().resolve(text, spans)
    assert (found[1].kind, found[1].admin1) == ("state", "DC")
    assert (found[3].kind, found[3].admin1) == ("state", "TX")


def test_a_postal_code_without_a_town_before_it_stays_a_word():
    text = "Officials said OK to the plan."
    start = text.index("OK")
    assert load_resolver().resolve(text, [(start, start + 2, "GPE")]) == [None]


def test_a_lone_given_name_tagged_as_a_place_is_not_geocoded():
    # Harvey (Illinois) and Umeå ("Uma") are towns; here they are people of the report
    text = ("Kate Lowe met the producer in Manhattan. \"Harvey lied to all of us,\" Lowe said. Uma Mills, "
            "who worked with him in London, agreed. \"Uma knew,\" a friend said.")
    found = places(text, ("Kate Lowe", "PERSON"), ("Manhattan", "GPE"), ("Harvey", "GPE"), ("Lowe", "PERSON"),
                   ("Uma Mills", "PERSON"), ("London", "GPE"))
    found += places(text, ("Uma Mills", "PERSON"), ("Uma", "GPE"))  # the second "Uma" (after the full name)
    names = {name for name, place in found if place is not None}
    assert {"Manhattan", "London"} <= names
    assert "Harvey" not in names and "Uma" not in names


def test_a_given_name_with_its_state_or_neighbours_named_is_still_the_town():
    text = "Crews from Harvey, Ill., worked until dawn."
    found = places(text, ("Harvey", "GPE"))
    assert found[0][1] is not None and found[0][1].admin1 == "IL"
    text = "The storm flooded roads in Harvey and Chicago Heights, Illinois officials said."
    found = dict(places(text, ("Harvey", "GPE"), ("Chicago Heights", "GPE"), ("Illinois", "GPE")))
    assert found["Harvey"] is not None and found["Harvey"].admin1 == "IL"


def test_a_given_name_that_is_a_prominent_place_stays_a_place():
    text = "Flights to Charlotte were cancelled as the storm hit North Carolina."
    found = dict(places(text, ("Charlotte", "GPE"), ("North Carolina", "GPE")))
    assert found["Charlotte"] is not None and found["Charlotte"].admin1 == "NC"


def test_a_given_name_opening_an_airport_name_is_a_person_not_a_town():
    # "Juan" is a French resort's other name; "Juan Ortiz International Airport" is named after a man
    text = "The plane left Juan Ortiz International Airport in Costa Rica before noon."
    found = places(text, ("Juan Ortiz International Airport", "ORG"), ("Costa Rica", "GPE"))
    assert all(place is None or place.country == "CR" for _, place in found)


def test_moons_are_no_places_on_earth():
    text = "The probe will fly past Titan and Europa after leaving Earth."
    found = places(text, ("Titan", "LOC"), ("Europa", "LOC"), ("Earth", "LOC"))
    assert all(place is None for _, place in found)


def test_a_country_names_small_namesakes_do_not_support_hamlets_abroad():
    # "Costa Rica" is also a town in Mexico and in Brazil; "Flores" and "Islita" are hamlets there
    text = ("A small plane crashed in Costa Rica on Sunday after leaving Islita, officials in Costa Rica said; "
            "it had stopped at Flores before.")
    found = places(text, ("Costa Rica", "GPE"), ("Islita", "GPE"), ("Flores", "GPE"))
    for name, place in found:
        if name != "Costa Rica" and place is not None:
            assert place.country == "CR", (name, place)


def test_a_word_inside_a_facility_name_is_no_town_abroad():
    # "Naval" is a town in the Philippines; nothing else in the report is there
    text = ("The comet will be brightest on Friday, according to the U.S. Naval Observatory. On Monday, the Naval "
            "Observatory said skies over Maryland would be clear.")
    mentions = [mention(text, "the U.S. Naval Observatory", "ORG"),
                mention(text, "the Naval Observatory", "FAC", text.index("Monday")), mention(text, "Maryland", "GPE")]
    resolved, found = document_toponyms(text, mentions, focus={})
    assert resolved[1] is None
    assert all(t.place is None or t.place.country == "US" for t in found)


def test_a_facility_named_after_its_town_keeps_the_town_when_the_report_is_there():
    text = "The flight left Tulsa International Airport late, and Tulsa officials blamed the weather."
    found = dict(places(text, ("Tulsa International Airport", "FAC"), ("Tulsa", "GPE")))
    assert found["Tulsa"] is not None and found["Tulsa"].admin1 == "OK"


def test_a_known_body_tagged_as_a_place_is_no_town_far_away():
    # Casablanca is "the white house"; there are hamlets called Kremlin and towns called Mercedes
    text = "Aides at the White House said the Kremlin had called, and Mercedes won again in Abu Dhabi."
    found = dict(places(text, ("White House", "GPE"), ("Kremlin", "GPE"), ("Mercedes", "GPE"),
                        ("Abu Dhabi", "GPE")))
    assert found["White House"] is None and found["Kremlin"] is None and found["Mercedes"] is None
    assert found["Abu Dhabi"] is not None


def test_a_two_word_name_read_only_through_another_name_of_a_town_needs_context():
    text = "Nam Sung told the meeting in Seoul that talks would go on."
    found = dict(places(text, ("Nam Sung", "GPE"), ("Seoul", "GPE")))
    assert found["Nam Sung"] is None and found["Seoul"].country == "KR"
