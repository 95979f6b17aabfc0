"""Recall classes of issue 12 (held-out recall): a weapon as the subject keeps the event, trigger phrases whose
noun is the object of the verb's preposition ("came under fire", "took him into custody"), the deed named before
the death it caused ("the stabbing death of"), and a town taken by an armed group. Each class is tested on
sentences of our own, for the event and for the readings it must not take."""

from helpers import events_of


def _texts(event: dict, role: str) -> list[str]:
    return [a["text"] for a in event[role]]


def test_a_weapon_that_kills_leaves_the_attack_without_an_actor():
    (event,) = events_of("A car bomb killed nine police officers outside the station in Herat.", "ATTACK")
    assert _texts(event, "actors") == []
    assert _texts(event, "targets") == ["nine police officers"]
    assert _texts(event, "location") == ["Herat"]
    (event,) = events_of("The rocket that destroyed the clinic was fired from the hills.", "ATTACK")
    assert _texts(event, "actors") == []


def test_forces_of_nature_results_and_idle_weapons_are_no_attacks():
    assert not events_of("The explosion killed three workers at the refinery.", "ATTACK")
    assert not events_of("The storm killed eleven people along the coast.", "ATTACK")
    assert not events_of("The epidemic killed thousands in the region in 1918.", "ATTACK")
    assert not events_of("The bomb under the bridge failed to detonate.", "ATTACK")


def test_coming_under_fire_makes_the_subject_the_target():
    (event,) = events_of("A border patrol came under heavy fire near Quetta on Sunday.", "ATTACK")
    assert event["trigger"] == "came under heavy fire"
    assert _texts(event, "actors") == []
    assert _texts(event, "targets") == ["border patrol"]
    (event,) = events_of("The aid convoy came under attack outside the village.", "ATTACK")
    assert _texts(event, "targets") == ["aid convoy"]


def test_coming_under_fire_for_words_is_criticism():
    assert not events_of("The mayor came under fire for her comments about the budget.", "ATTACK")
    assert not events_of("The broadcaster came under fire from viewers over the schedule.", "ATTACK")
    assert not events_of("The coach came under attack over the team selection.", "ATTACK")


def test_taken_into_custody_is_an_arrest():
    (event,) = events_of("Officers took the driver into custody in Leeds.", "ARREST")
    assert _texts(event, "actors") == ["Officers"]
    assert _texts(event, "targets") == ["driver"]
    (event,) = events_of("The suspect was taken into custody on Friday.", "ARREST")
    assert _texts(event, "targets") == ["suspect"]
    assert not events_of("The father was granted custody of the twins.", "ARREST")
    assert not events_of("She took the case into court.", "ARREST")


def test_the_deed_before_a_death_is_the_attack():
    (event,) = events_of("A man was charged in the stabbing death of his landlord.", "ATTACK")
    assert event["trigger"] == "stabbing"
    assert _texts(event, "targets") == ["his landlord"]
    assert not events_of("Shooting deaths rose sharply last year.", "ATTACK")


def test_an_armed_group_taking_a_town_is_fighting():
    (event,) = events_of("Rebels seized the town of Saraqeb on Monday.", "FIGHT")
    assert _texts(event, "actors") == ["Rebels"]
    assert _texts(event, "location") == ["Saraqeb"]
    assert events_of("Government troops took the airport after a week of shelling.", "FIGHT")
    assert not events_of("Customs officers seized heroin at the port.", "FIGHT")
    assert not events_of("The senator took Ohio in the primary.", "FIGHT")
    assert not events_of("The singer took the city by storm.", "FIGHT")
    assert not events_of("He took the bus to the town.", "FIGHT")


def test_a_vehicle_aimed_at_a_person_on_purpose_is_an_attack():
    (event,) = events_of("The driver tried to run over a constable at the checkpoint.", "ATTACK")
    assert event["modality"] == "attempted"
    assert _texts(event, "targets") == ["constable"]
    (event,) = events_of("A motorist deliberately ran down two police officers.", "ATTACK")
    assert _texts(event, "actors") == ["motorist"]
    assert events_of("She tried to hit the officer with her van.", "ATTACK")


def test_a_vehicle_hitting_someone_without_intent_is_no_attack():
    assert not events_of("A lorry hit a cyclist on the ring road.", "ATTACK")
    assert not events_of("He ran over a pedestrian with his car in the fog.", "ATTACK")
    assert not events_of("The firm tried to hit its sales targets with a new car.", "ATTACK")


def test_ideas_under_attack_are_no_attack():
    assert not events_of("Press freedom is under attack across the region.", "ATTACK")
    assert not events_of("Seldom has private wealth been under such fierce attack during an election.", "ATTACK")
