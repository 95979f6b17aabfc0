"""Event times from the audit rounds 7-8 ("wrong time", issue 12): a day without a year under "N years after" lies N
years before the report; a clause dated through a participle used as a preposition ("Following a trial in March,
...") is not of the report's day. Each next to the case that must not change. Sentences written for these tests
(reports published on Thursday 2025-06-12)."""

from helpers import events_of


def time_of(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger)).get("time") or {}


def test_a_holiday_under_n_years_after_lies_n_years_back():
    text = ("The mayor said the ban ignored the mood in the city, two years after dozens of women reported being "
            "groped during the Christmas celebrations in Bremen.")
    assert time_of(text, "ATTACK", "groped")["value"] == "2023-12-25"
    # without "N years after" the last such day before the report
    text = "Officials said that dozens of women were groped during the Christmas celebrations in Bremen."
    assert time_of(text, "ATTACK", "groped")["value"] == "2024-12-25"


def test_a_clause_dated_through_a_participle_preposition_is_not_the_reports_day():
    text = ("Following a two-day trial in March, a jury in Leeds deliberated for less than an hour before convicting "
            "Smith of stealing the car.")
    assert time_of(text, "CHARGE", "convicting").get("undated")
    # a date of that clause on the report's day is no contradiction
    text = ("Following a two-day trial this week, a jury in Leeds deliberated for less than an hour before convicting "
            "Smith of stealing the car.")
    assert not time_of(text, "CHARGE", "convicting").get("undated")


def test_the_clause_of_happening_of_a_quantity_over_event_nouns_dates_them():
    text = ("Police are checking reports of dozens of thefts and assaults that occurred outside Bremen's old "
            "cathedral during a rowdy party on New Year's Eve.")
    assert time_of(text, "ATTACK", "assaults")["value"] == "2024-12-31"
    # a clause of the quantity before the event noun is not about it
    text = "Dozens who had gathered on Saturday said that assaults were common."
    assert time_of(text, "ATTACK", "assaults").get("value") != "2025-06-07"
