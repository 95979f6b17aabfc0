"""Deeds named in a charge, an indictment or an investigation: the accused is the doer and the deed is alleged
(extract/charged_deeds.py); modality slips around courts and causes (modality_cues.py duration infinitives,
event_realisation.py hedged details, modality_pending.py hearings still to come). Sentences written for these
tests."""

import pytest
from helpers import events_of, modality_of, texts


def _event(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger))


@pytest.mark.parametrize("text, trigger", [
    # a charge by its place: whatever the noun, the object of "indicted ... on" lists the deeds charged
    ("The tribunal indicted Nora Voss on several accounts including attacking two guards.", "attacking"),
    ("A judge charged Pavel Brandt with crimes including kidnapping a banker.", "kidnapping"),
    # the act a charged deed consists of: "assault for kicking"
    ("Prosecutors indicted a student on charges including assault for kicking a police officer.", "kicking"),
])
def test_a_deed_in_the_charge_is_the_accused_s_and_alleged(text: str, trigger: str) -> None:
    event = next(e for e in events_of(text, "ATTACK") + events_of(text, "ARREST")
                 if e["trigger"].startswith(trigger))
    accused = {"attacking": "Nora Voss", "kidnapping": "Pavel Brandt", "kicking": "student"}[trigger]
    assert accused in texts(event["actors"])
    assert all(body not in texts(event["actors"]) for body in ("tribunal", "judge", "Prosecutors"))
    assert event["modality"] == "hedged"


@pytest.mark.parametrize("text", [
    "Bremen police said they were investigating nine men in connection with the unrest for smuggling weapons.",
    # the parser coordinates the last gerund of the "for" list with the noun the list hangs on
    "Bremen police are investigating nine men from the port in connection with the riots for looting, arson and "
    "smuggling weapons.",
])
def test_the_investigated_are_the_suspected_doers(text: str) -> None:
    (event,) = events_of(text, "SMUGGLE")
    assert texts(event["actors"]) == "nine men"
    assert event["modality"] == "hedged"


def test_a_low_hung_for_phrase_of_another_aim_names_no_charge():
    text = "Police are investigating after protests for the release of the jailed students turned violent."
    assert all(e["modality"] != "hedged" for e in events_of(text, "RELEASE"))


def test_a_gerund_coordinated_inside_a_count_is_listed_too():
    text = "The indictment against Ilse Rahn included counts of assault against a nurse and throwing stones at guards."
    event = _event(text, "ATTACK", "throwing")
    assert texts(event["actors"]) == "Ilse Rahn"
    assert event["modality"] == "hedged"


def test_a_comma_list_after_the_counts_of_a_charge_sheet():
    text = ("The charge sheet against Ilse Rahn included counts of fraud, insulting an officer and throwing stones "
            "at guards.")
    event = _event(text, "ATTACK", "throwing")
    assert texts(event["actors"]) == "Ilse Rahn"
    assert event["modality"] == "hedged"


@pytest.mark.parametrize("text", [
    "Tomas Ek is under investigation for attacking a neighbour.",
    "Tomas Ek is on trial for attacking a neighbour.",
])
def test_a_state_of_facing_a_charge_makes_the_deed_alleged(text: str) -> None:
    event = _event(text, "ATTACK", "attacking")
    assert texts(event["actors"]) == "Tomas Ek"
    assert event["modality"] == "hedged"


def test_a_court_s_finding_names_the_sentenced_doer_and_a_done_deed():
    event = _event("The court jailed Tomas Ek for attacking a neighbour.", "ATTACK", "attacking")
    assert texts(event["actors"]) == "Tomas Ek"
    assert event["modality"] == "asserted"


def test_wanted_for_a_deed_is_no_wish():
    assert modality_of("Tomas Ek was wanted for kidnapping a banker.", "ARREST", "kidnapping") == "hedged"


@pytest.mark.parametrize("text, type_, trigger, expected", [
    ("The jury took only ten minutes to convict him.", "CHARGE", "convict", "asserted"),
    ("It took the soldiers two days to capture the bridge commander.", "ARREST", "capture", "asserted"),
    ("The gunman took a car to flee the scene.", "FLEE", "flee", "intended"),  # a purpose stays one
])
def test_time_taken_to_do_something_says_it_was_done(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


@pytest.mark.parametrize("text, expected", [
    ("Police say a shooting that wounded a guard may have happened after the gunman tried to rob a shop.",
     "asserted"),
    ("Officials said the bombing may have been carried out in revenge for the raid on the village.", "asserted"),
    ("A shooting may have happened near the school, a neighbour said.", "hedged"),  # no detail: the event itself
    ("The bombing may not have happened after the raid at all.", "negated"),
])
def test_a_hedge_on_a_cause_or_a_time_leaves_the_event_known(text: str, expected: str) -> None:
    (event,) = [e for e in events_of(text, "ATTACK") if e["trigger"] in ("shooting", "bombing")]
    assert event["modality"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Ahead of his sentencing, Karl Moss wrote a letter to the judge.", "future"),
    ("The mayor asked for compassion during Karl Moss's sentencing in a letter on Monday.", "future"),
    ("Karl Moss wept during his sentencing on Friday.", "asserted"),
])
def test_a_hearing_still_to_come_is_future(text: str, expected: str) -> None:
    assert modality_of(text, "CHARGE", "sentencing") == expected


@pytest.mark.parametrize("text, type_, trigger, doer", [
    ("After a long quarrel she accused her landlord of trying to kill her.", "ATTACK", "kill", "landlord"),
    ("Prosecutors accused the three men of plotting to bomb a bridge.", "ATTACK", "bomb", "three men"),
])
def test_the_infinitive_of_a_charged_gerund_is_alleged_too(text: str, type_: str, trigger: str, doer: str) -> None:
    event = _event(text, type_, trigger)
    assert doer in texts(event["actors"])
    assert event["modality"] == "hedged"  # hedged outranks attempted and intended (GUIDELINES §2)
