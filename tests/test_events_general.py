"""Events of general news the guidelines' decisions name (visits, kidnappings, fines, occupation, drafts,
vehicles driven into crowds), each on a sentence of its own, with a near miss that must stay no event."""


from helpers import events_of, texts


def test_a_visit_to_a_place_is_travel():
    (event,) = events_of("The chancellor began a three-day visit to Brazil on Sunday.", "TRAVEL")
    assert "Brazil" in texts(event["destination"])
    (event,) = events_of("Delegates visited Nairobi last month.", "TRAVEL")
    assert "Nairobi" in texts(event["destination"])
    assert not events_of("Readers can visit our website for the full list.", "TRAVEL")


def test_kidnapping_is_the_capture_of_a_person():
    (event,) = events_of("Gunmen kidnapped two engineers near Kaduna on Tuesday.", "ARREST")
    assert "Gunmen" in texts(event["actors"]) and "engineers" in texts(event["targets"])


def test_a_fine_is_a_sentence():
    (event,) = events_of("Five protesters were fined 2,000 euros each.", "CHARGE")
    assert "protesters" in texts(event["targets"])


def test_occupying_territory_is_fighting_but_not_a_seat():
    assert events_of("Iraqi troops occupied Kuwait in August 1990.", "FIGHT")
    assert not events_of("The party occupies 40 seats in the assembly.", "FIGHT")


def test_a_vehicle_driven_into_a_crowd_is_an_attack_without_the_vehicle_as_actor():
    (event,) = events_of("A van drove into a crowd of shoppers in Valencia on Saturday.", "ATTACK")
    assert "crowd" in texts(event["targets"]) and "van" not in texts(event["actors"])
    assert not events_of("The startup ran into trouble with its investors.", "ATTACK")


def test_headline_style_numbers_are_victims_and_a_possessor_is_the_one_arrested():
    (event,) = [e for e in events_of("Market bombing: 12 killed in Peshawar.", "ATTACK") if e["trigger"] == "killed"]
    assert event["actors"] == [] and "12" in texts(event["targets"])
    (event,) = events_of("The mayor said Ortega's arrest surprised nobody.", "ARREST")
    assert "Ortega" in texts(event["targets"]) and event["actors"] == []


def test_a_possessor_with_an_of_object_is_the_doer():
    (event,) = events_of("The militia's abduction of forty pupils shocked the region.", "ARREST")
    assert "militia" in texts(event["actors"]) and "pupils" in texts(event["targets"])
