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
