"""Event times from the round-6 audit ("wrong time", issue 12): a "when"/"as" clause dates its head clause; an
event spread over a stretch up to the report ("in the past five years", "since 2014") has no date of its own, not
the report's day; a year range written with a two-digit end year is a range. Each next to the case that must not
change. Sentences written for these tests (reports published on Thursday 2025-06-12)."""

from helpers import events_of

from newsintel.extract.timex import time_value


def time_of(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger)).get("time") or {}


def test_a_same_moment_clause_dates_its_head():
    assert time_of("Police arrested the courier when he returned to Hamburg on Friday.", "ARREST",
                   "arrested")["value"] == "2025-06-06"
    assert time_of("Police arrested the courier, who had returned to Hamburg on Friday.", "ARREST",
                   "arrested").get("value") != "2025-06-06"


def test_an_event_over_a_stretch_up_to_the_report_is_undated():
    assert time_of("The militia has killed more than 300 villagers in the region over the past five years.",
                   "ATTACK", "killed").get("undated")
    assert time_of("The brigade has attacked police posts in the valley since 2014.", "ATTACK",
                   "attacked").get("undated")
    # a date is a date, and a short bound may well hold the report's news
    assert time_of("The militia killed 30 villagers in the region last year.", "ATTACK",
                   "killed")["value"] == "2024-01-01/2024-12-31"
    assert not time_of("The brigade has attacked police posts in the valley since Tuesday.", "ATTACK",
                       "attacked").get("undated")
    # a term served is no stretch up to the report
    assert not time_of("The fighters were detained for three years in a camp near Hasakah.", "ARREST",
                       "detained").get("undated")


def test_a_year_range_with_a_short_end_year():
    assert time_value("1950-53", "2017-08-28") == {"value": "1950-01-01/1953-12-31", "precision": "range"}
    assert time_value("the 2015–16 season", "2017-08-28")["value"] == "2015-01-01/2016-12-31"
    assert time_value("2019-11", "2019-11-20")["value"] != "2019-01-01/2011-12-31"


def test_news_and_pictures_of_an_event_are_dated_when_they_come_out():
    assert time_of("A video of the attack on the convoy was released on Friday.", "ATTACK", "attack").get(
        "value") is None
    assert time_of("Footage of the raid on Tuesday was shown on television.", "ATTACK", "raid")["value"] == \
        "2025-06-10"


def test_a_phrase_without_a_verb_dates_its_event_noun():
    assert time_of("Attacks and arson in the port city on Christmas Eve", "ATTACK", "Attacks")["value"] == \
        "2024-12-24"


def test_a_when_clause_the_parser_opens_with_an_adverb_shares_its_heads_date():
    assert time_of("Karim Nassar was arrested in May 2021 when he tried to cross into Greece.", "CROSS_BORDER",
                   "cross")["value"] == "2021-05-01/2021-05-31"
    assert time_of("Karim Nassar was arrested in May 2021 after he had tried to cross into Greece.", "CROSS_BORDER",
                   "cross").get("value") != "2021-05-01/2021-05-31"


def test_a_toll_rises_on_its_own_day():
    assert time_of("The death toll from the truck bombing in the city rose to nine on Friday.", "ATTACK",
                   "bombing").get("value") is None
    assert time_of("The truck bombing in the city killed nine people on Friday.", "ATTACK", "bombing")["value"] == \
        "2025-06-06"


def test_a_month_or_holiday_takes_the_year_another_date_of_its_clause_gives():
    assert time_value("in June last year", "2025-06-12")["value"] == "2024-06-01/2024-06-30"
    assert time_value("by March next year", "2025-06-12")["value"] == "2026-03-01/2026-03-31"
    text = "Assaults and thefts were carried out during the town's New Year's Eve street party two years ago."
    assert time_of(text, "ATTACK", "Assaults")["value"] == "2023-12-31"
    assert time_of("Assaults and thefts were carried out during the town's New Year's Eve street party.", "ATTACK",
                   "Assaults")["value"] == "2024-12-31"
