"""Holidays as dates (issue 12, audit "wrong time"): the name without its apostrophe is still the holiday, and a
holiday that opens another name ("a Christmas Market") dates nothing. Sentences written for these tests (reports
published on Thursday 2025-06-12)."""

from helpers import events_of


def time_of(text: str, type_: str) -> dict:
    return events_of(text, type_)[0].get("time") or {}


def test_a_holiday_written_without_its_apostrophe_dates_the_event():
    text = "Police are still investigating the New Years Eve attacks on women in the city."
    assert time_of(text, "ATTACK").get("value") == "2024-12-31"


def test_a_holiday_opening_a_name_is_no_date():
    text = "A memorial for victims of the 2022 Vienna Christmas Market attack opened on Monday."
    assert time_of(text, "ATTACK").get("value") != "2022-12-25"
    # the holiday itself still dates what happened on it
    assert time_of("Two men were stabbed on Christmas Day 2021 in the town.", "ATTACK").get("value") == "2021-12-25"
    assert time_of("Two men were stabbed during the Christmas celebrations.", "ATTACK").get("value") == "2024-12-25"
