"""Relative time expressions resolved against the publication day (extract/timex.py), at the precision they give."""

from newsintel.datevalues import precision_of
from newsintel.extract.event_time import is_date_expression
from newsintel.extract.timex import normalise

THURSDAY = "2025-06-12"
SUNDAY = "2025-06-15"


def test_units_ago():
    assert normalise("three days ago", THURSDAY) == "2025-06-09"
    assert precision_of(normalise("two weeks ago", THURSDAY)) == "week"
    assert normalise("two months ago", THURSDAY) == "2025-04-01/2025-04-30"
    assert normalise("four years ago", THURSDAY) == "2021-01-01/2021-12-31"
    assert normalise("a year ago", "2025-01-03") == "2024-01-01/2024-12-31"


def test_a_hedged_count_ago_stays_unresolved():
    assert normalise("nearly two decades ago", THURSDAY) is None
    assert normalise("about five years ago", THURSDAY) is None


def test_the_weekend():
    assert normalise("this weekend", SUNDAY) == "2025-06-14/2025-06-15"
    assert normalise("over the weekend", THURSDAY) == "2025-06-07/2025-06-08"
    assert normalise("next weekend", THURSDAY) == "2025-06-14/2025-06-15"
    assert normalise("this weekend", THURSDAY, future=True) == "2025-06-14/2025-06-15"


def test_parts_of_the_report_day():
    assert normalise("this morning", THURSDAY) == THURSDAY
    assert normalise("earlier in the day", THURSDAY) == THURSDAY
    assert normalise("last night", THURSDAY) == "2025-06-11"


def test_the_month_may():
    assert normalise("May", THURSDAY) == "2025-05-01/2025-05-31"
    assert normalise("May", "2025-03-02") == "2024-05-01/2024-05-31"
    assert normalise("may", THURSDAY) is None  # the modal verb in lower case is no month


def test_last_year_is_a_year_and_a_weekday_the_past_one():
    assert precision_of(normalise("last year", THURSDAY)) == "year"
    assert normalise("Monday", THURSDAY) == "2025-06-09"
    assert normalise("on Thursday", THURSDAY) == THURSDAY


def test_durations_and_ages_are_no_dates():
    for text in ("about 10 minutes", "two weeks", "the past three years", "20-year", "ages 16 to 18", "aged 12",
                 "about 20 months old", "45"):
        assert not is_date_expression(text), text
    for text in ("last week", "last month", "this year", "two years ago", "Friday", "March 2014", "earlier this month"):
        assert is_date_expression(text), text


def test_a_day_of_last_year():
    assert normalise("June 12 last year", "2017-10-02") == "2016-06-12"
    assert is_date_expression("June 12 last year")
    assert not is_date_expression("the last four days")
