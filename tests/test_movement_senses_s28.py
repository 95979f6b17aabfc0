"""Session 28 movement senses (issue 12): coming back to a subject is no return, a parcel flown by a carrier is no
traveller, and going home is a return (data/senses.yaml, data/events.yaml); each with
the event sense kept beside it."""

from helpers import events_of


def test_coming_back_to_a_subject_is_no_return():
    assert not events_of("Coming back to the economy, analysts expect slower growth next year.", "RETURN")
    assert not events_of("Going back to the matter of rates, the governor said nothing new.", "RETURN")
    assert events_of("The fishermen came back to the harbour at dawn on Tuesday.", "RETURN")


def test_a_parcel_flown_by_a_carrier_is_no_journey():
    assert not events_of("The courier company agreed to fly the parcel to Lima.", "TRAVEL")
    assert events_of("The minister agreed to fly to Lima for the summit.", "TRAVEL")


def test_going_home_is_a_return():
    assert events_of("He said the singer had wanted to go home to Wales after the tour.", "RETURN")
    assert not events_of("He said the singer had wanted to go home to Wales after the tour.", "TRAVEL")
    assert events_of("He said the singer had wanted to go to Wales after the tour.", "TRAVEL")


def test_a_rocket_carrying_a_satellite_is_a_launch_not_an_attack():
    assert not events_of("The regime fired what it called a rocket carrying a satellite over its neighbour in 2012.",
                         "ATTACK")
    assert events_of("Militants fired a rocket at the base, wounding two soldiers.", "ATTACK")
    assert events_of("Rebels fired rockets carrying leaflets into the town, killing a boy.", "ATTACK")
