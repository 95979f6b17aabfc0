"""Modality from the round-4 audit and the fresh dev gold (issue 12): "about", "due", "set", "going" mean what is to
come only with an infinitive ("asked about the stabbing" is no future); a blocking that failed let the event go ahead
("failed to prevent the attacks"); an event noun that is the subject of a verb of scheduling is still to come ("the
trial is set for October"); what is ordered is not yet done. Each next to the case that must not change. Sentences
written for these tests."""

import pytest
from helpers import modality_of


@pytest.mark.parametrize(("text", "type_", "trigger", "expected"), [
    # "about", "due", "set", "going" mean what is to come only with an infinitive
    ("Journalists asked the mayor about the stabbing in Leeds.", "ATTACK", "stabbing", "asserted"),
    ("The ferry stayed in port due to the bombing near the harbour.", "ATTACK", "bombing", "asserted"),
    ("The guards heard about the escape of two inmates the next day.", "FLEE", "escape", "asserted"),
    ("The militia is about to attack the airport.", "ATTACK", "attack", "future"),
    ("The convoy is due to leave Aleppo on Saturday.", "TRAVEL", "leave", "future"),
    # a blocking that failed let the event go ahead; one that worked or is ongoing did not
    ("The mayor was blamed for failing to prevent the attacks on the market.", "ATTACK", "attacks", "asserted"),
    ("The guards could not stop the migrants from crossing into Hungary.", "CROSS_BORDER", "crossing", "asserted"),
    ("The police may have failed to prevent the bombing of the depot.", "ATTACK", "bombing", "hedged"),
    ("The guards stopped the migrants from crossing into Hungary.", "CROSS_BORDER", "crossing", "negated"),
    ("Troops prevented an attack on the depot.", "ATTACK", "attack", "negated"),
    # an event noun that is the subject of a verb of scheduling is still to come
    ("The trial of the two smugglers is set for October.", "CHARGE", "trial", "future"),
    ("The evacuation of the island is due to begin on Saturday.", "EVACUATE", "evacuation", "future"),
    ("The attack was set off by a remote detonator.", "ATTACK", "attack", "asserted"),
    ("Lawyers for the smugglers welcomed the trial, which is set to begin in October.", "CHARGE", "trial", "future"),
    ("Lawyers for the smugglers welcomed the trial, which began in May.", "CHARGE", "trial", "asserted"),
    # ordered, not yet done; forced, done
    ("The governor ordered residents to leave the coast.", "TRAVEL", "leave", "intended"),
    ("The floods forced residents to leave the coast.", "TRAVEL", "leave", "asserted"),
])
def test_modality_categories(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected
