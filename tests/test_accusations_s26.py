"""Who did what an accusation names, and whose plan an infinitive states (extract/subjects.py). Sentences written
for these tests."""

from helpers import events_of, texts


def test_the_accused_object_did_what_the_of_phrase_names():
    (event,) = events_of("She later told a court that she accused her manager of trying to kill her.", "ATTACK")
    assert texts(event["actors"]) == "her manager"


def test_the_suspects_of_an_active_suspect_verb_did_the_deed():
    (event,) = events_of("Prosecutors suspect two brothers of smuggling migrants across the river.", "SMUGGLE")
    assert texts(event["actors"]) == "two brothers"


def test_the_accuser_is_no_doer_in_the_passive_either():
    (event,) = events_of("The singer has been accused of assault by three former dancers.", "ATTACK")
    assert "dancers" not in texts(event["actors"])


def test_who_blocks_a_plan_does_not_carry_it_out():
    events = events_of("The militia blocked a plan to evacuate the wounded from the town.", "EVACUATE")
    assert all("militia" not in texts(e["actors"]) for e in events)


def test_who_receives_orders_carries_them_out():
    (event,) = events_of("The army received orders to attack the village.", "ATTACK")
    assert texts(event["actors"]) == "army"
