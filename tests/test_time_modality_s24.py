"""Event time and modality from the session-24 audit categories (issue 12: wrong time, wrong modality, line status).
Modality: a journey under way that is cut short is attempted, not planned (tests/test_modality2_s24.py: one
that is not cut short is intended); "only to" and "went on to" tell an outcome, not a purpose;
a phrase like "at no time" negates; a move verb takes a purpose infinitive. Time: a charged deed is not dated by
its charge; steps of a case do not share a date; NER's "Monday to ten years" is a date and a term; an event noun
subject dates what it did; an offset from a year is counted; a past-tense schedule is read backwards. Each rule next
to the case that must not change. Sentences written for these tests (reports published on Thursday 2025-06-12)."""

import pytest
from helpers import events_of, modality_of


def time_of(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger)).get("time") or {}


@pytest.mark.parametrize(
    ("text", "type_", "trigger", "expected"),
    [
        # a journey under way cut short by a "when" clause: attempted (no home town reached); a plain past journey done
        ("The Okafor family was returning home when the storm hit the coast road.", "RETURN", "returning", "attempted"),
        (
            "The two cousins were heading towards Plovdiv when border police stopped them.",
            "TRAVEL",
            "heading",
            "attempted",
        ),
        ("The Okafor family returned home to Enugu on Sunday.", "RETURN", "returned", "asserted"),
        # an infinitive after "only" or "went on" is what came of the move
        ("The brothers fled to Serbia only to be arrested in Subotica.", "ARREST", "arrested", "asserted"),
        ("Many of the volunteers went on to fight in the northern mountains.", "FIGHT", "fight", "asserted"),
        ("The brothers went to Subotica to fight for the militia.", "FIGHT", "fight", "intended"),
        # a move verb's infinitive is its purpose
        ("Pavel Dusek moved to Aleppo to join the Northern Brigade.", "RECRUIT", "join", "intended"),
        ("Pavel Dusek joined the Northern Brigade in Aleppo.", "RECRUIT", "joined", "asserted"),
        # "at no time", "under no circumstances": negated; "in no time", "with no warning" deny nothing
        ("At no time did the guards attack the prisoners, the warden insisted.", "ATTACK", "attack", "negated"),
        ("Under no circumstances will the militia surrender to the army.", "SURRENDER", "surrender", "negated"),
        ("The gunmen attacked the depot with no warning.", "ATTACK", "attacked", "asserted"),
        ("Police arrested the two robbers in no time.", "ARREST", "arrested", "asserted"),
    ],
)
def test_modality_s24(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


def test_a_charged_deed_is_not_dated_by_its_charge():
    text = "Two brothers were charged on Tuesday with the murder of a shopkeeper in Hull."
    assert time_of(text, "CHARGE", "charged")["value"] == "2025-06-10"
    assert time_of(text, "ATTACK", "murder").get("undated")
    text = "Tomas Vrba was detained on Monday on suspicion of assault."
    assert time_of(text, "ATTACK", "assault").get("undated")
    # a year right after the deed's phrase dates it, whatever the parser hangs it on
    text = "Two brothers accused of the attack on the bus depot in Hull in May 2021 went on trial on Monday."
    assert time_of(text, "ATTACK", "attack")["value"] == "2021-05-01/2021-05-31"
    # a date in the deed's own phrase still dates it
    text = "Two brothers were charged on Tuesday with the 2021 murder of a shopkeeper in Hull."
    assert time_of(text, "ATTACK", "murder")["value"] == "2021-01-01/2021-12-31"


def test_steps_of_a_case_do_not_share_a_date():
    text = "Tomas Vrba was arrested in 2022 and sentenced on Monday to nine years."
    assert time_of(text, "ARREST", "arrested")["value"] == "2022-01-01/2022-12-31"
    assert time_of(text, "CHARGE", "sentenced")["value"] == "2025-06-09"
    text = "Tomas Vrba was arrested on Monday and sentenced to nine years."
    assert time_of(text, "CHARGE", "sentenced").get("value") != "2025-06-09"
    # verbs of one step still share it
    text = "Tomas Vrba was convicted and sentenced on Monday to nine years."
    assert time_of(text, "CHARGE", "convicted")["value"] == "2025-06-09"


def test_a_date_run_into_a_term_still_dates_the_event():
    text = "The smuggler, who was caught in March, was jailed on Friday for six years."
    assert time_of(text, "CHARGE", "jailed")["value"] == "2025-06-06"


def test_an_event_noun_subject_dates_what_it_did():
    text = "The 2019 ambush killed seven rangers near the park gate."
    assert time_of(text, "ATTACK", "killed")["value"] == "2019-01-01/2019-12-31"
    text = "The raid in April 2020 freed three hostages."
    assert time_of(text, "RELEASE", "freed")["value"] == "2020-04-01/2020-04-30"
    # a person subject's phrase is no date of the deed
    text = "The guard who was hired in 2019 attacked two inmates."
    assert time_of(text, "ATTACK", "attacked").get("value") != "2019-01-01/2019-12-31"


def test_an_offset_from_an_anchor_is_counted():
    text = "Two years after the 2016 attacks, police arrested a suspect in Liege."
    assert time_of(text, "ARREST", "arrested")["value"] == "2018-01-01/2018-12-31"
    assert time_of(text, "ATTACK", "attacks")["value"] == "2016-01-01/2016-12-31"


def test_an_offset_that_cannot_be_counted_is_not_the_anchors_date():
    from newsintel.extract.timex import time_value

    assert time_value("months after the 2016", "2025-06-12")["value"] is None
    assert time_value("three days after Christmas", "2025-06-12")["value"] == "2024-12-28"
    assert time_value("the 2016", "2025-06-12")["value"] == "2016-01-01/2016-12-31"


def test_a_past_schedule_is_read_backwards():
    text = "The prisoner was due to be released in March."
    assert time_of(text, "RELEASE", "released")["value"] == "2025-03-01/2025-03-31"
    text = "The prisoner is due to be released in March."
    assert time_of(text, "RELEASE", "released")["value"] == "2026-03-01/2026-03-31"


@pytest.mark.parametrize(
    ("text", "type_", "trigger", "expected"),
    [
        # fear or reluctance: no return took place
        ("Most of the displaced families are afraid to return to Idlib.", "RETURN", "return", "negated"),
        ("Most of the displaced families returned to Idlib in May.", "RETURN", "returned", "asserted"),
        ("I am afraid my brother has already left for Idlib, the farmer said.", "TRAVEL", "left", "asserted"),
        # leaving a job to go somewhere: the going is the purpose
        ("The singer was quitting the band to go back to Lagos.", "RETURN", "go back", "intended"),
    ],
)
def test_reluctance_and_purpose_s24(text: str, type_: str, trigger: str, expected: str) -> None:
    assert modality_of(text, type_, trigger) == expected


def test_a_relative_clause_of_an_event_noun_takes_its_date():
    text = "Army air strikes in March, which killed 15 farmers, angered the villagers."
    assert time_of(text, "ATTACK", "killed")["value"] == "2025-03-01/2025-03-31"
    # a relative clause of a person is its own statement
    text = "The smuggler who fled in 2019 was arrested in Izmir."
    assert time_of(text, "ARREST", "arrested").get("value") != "2019-01-01/2019-12-31"


def test_the_date_of_another_atrocity_is_not_the_events():
    text = "It was the deadliest attack in the region's history, behind March's atrocities in the capital."
    assert not time_of(text, "ATTACK", "attack").get("value")
