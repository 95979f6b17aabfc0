"""Event participants, round-4 dev audit categories: the accused of a charge they face is the doer of the charged
deed ("missing agent"); a measure or an unnamed place is no target ("extra argument"). Own sentences, each rule
with a near case it must leave alone."""

from helpers import events_of, texts


def test_who_faces_charges_of_a_deed_is_its_agent():
    (event,) = events_of("The coach still faces charges of assault of a teenager.", "ATTACK")
    assert "coach" in texts(event["actors"]) and "teenager" in texts(event["targets"])


def test_who_stands_trial_on_charges_of_a_deed_is_its_agent():
    (event,) = events_of("The baker is standing trial on charges of killing a retired nurse.", "ATTACK")
    assert "baker" in texts(event["actors"]) and "nurse" in texts(event["targets"])


def test_who_pleads_or_denies_charges_of_a_deed_is_its_agent():
    (event,) = events_of("A nurse pleaded guilty to charges of murdering three patients.", "ATTACK")
    assert "nurse" in texts(event["actors"])
    (event,) = events_of("The driver denied charges of killing a cyclist.", "ATTACK")
    assert "driver" in texts(event["actors"]) and "cyclist" in texts(event["targets"])


def test_who_arrests_on_charges_is_no_agent_of_the_deed():
    (event,) = events_of("Police arrested the farmer on charges of killing a neighbour.", "ATTACK")
    assert "farmer" in texts(event["actors"]) and "Police" not in texts(event["actors"])


def test_who_files_charges_is_no_agent_of_the_deed():
    (event,) = events_of("The widow filed charges of murder against the guard.", "ATTACK")
    assert "widow" not in texts(event["actors"])


def test_a_scale_is_no_target_of_attacks():
    (event,) = events_of("The riots in Lyon and, on a larger scale, the attacks in other towns shocked France.",
                         "ATTACK")
    assert "scale" not in texts(event["targets"])


def test_attacks_on_a_named_target_keep_it():
    (event,) = events_of("The attacks on the embassy shocked the capital.", "ATTACK")
    assert "embassy" in texts(event["targets"])
    (event,) = events_of("The rebels threatened attacks on army bases in the north.", "ATTACK")
    assert "bases" in texts(event["targets"])


def test_the_scene_left_is_no_target_of_an_escape():
    (event,) = events_of("The neighbours managed to escape the scene on foot.", "FLEE")
    assert "scene" not in texts(event["targets"]) and "neighbours" in texts(event["actors"])


def test_people_a_mover_brings_back_stay_targets():
    (event,) = events_of("The government flew 40 citizens back home on Monday.", "RETURN")
    assert "citizens" in texts(event["targets"])


def test_a_coordinated_count_of_a_faced_charge_keeps_the_accused():
    (event,) = events_of("The coach faces two charges of fraud and three counts of assault of a pupil.", "ATTACK")
    assert "coach" in texts(event["actors"]) and "pupil" in texts(event["targets"])
