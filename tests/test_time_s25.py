"""Event times (issue 12, audit rounds 10-12 "wrong time" / "missing time"): the sentence's own date beats the
report's day. A date the parser hangs on an infinitive completing a past verb, a date of the clause "in which" an
event noun happened, a calendar date glossing a relative one in brackets; an event told as old shows no date rather
than the report's. Each next to the case that must not change. Sentences written for these tests (reports published
on Thursday 2025-06-12)."""

from helpers import events_of


def time_of(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger)).get("time") or {}


def test_a_past_verb_takes_the_date_hung_on_its_infinitive_at_its_precision():
    time = time_of("Okafor returned to Lagos to coach the national team in 2019.", "RETURN", "returned")
    assert (time.get("value"), time.get("precision")) == ("2019-01-01/2019-12-31", "year")
    # nor does a verb whose infinitive tells what is to come after it
    assert time_of("The two sides agreed to release all prisoners in March.", "AGREE", "agreed").get("value") is None
    # a verb that is not past keeps no date from its infinitive
    assert time_of("Okafor will travel to Lagos to coach the national team in 2026.", "TRAVEL", "travel").get(
        "value") is None


def test_a_past_threat_is_dated_by_the_month_of_its_complement():
    # a month alone takes its year from the report: February before a report of June is this year's
    time = time_of("A farmer threatened to shoot his neighbour in February, police said.", "THREATEN", "threatened")
    assert (time.get("value"), time.get("precision")) == ("2025-02-01/2025-02-28", "month")
    text = "A farmer pleaded guilty on Monday to threatening to shoot his neighbour in February."
    assert time_of(text, "THREATEN", "threatening").get("value") == "2025-02-01/2025-02-28"
    # the threatened shooting, told in the past, is not read forward into next year
    assert time_of(text, "ATTACK", "shoot").get("value") == "2025-02-01/2025-02-28"


def test_an_event_noun_is_dated_by_its_in_which_clause():
    text = "The death toll from the market bombing, in which a man detonated a vest on May 30, rose to nine."
    assert time_of(text, "ATTACK", "bombing").get("value") == "2025-05-30"
    # without that clause the toll's day is not the bombing's
    text = "The death toll from the market bombing rose to nine on Monday."
    assert time_of(text, "ATTACK", "bombing").get("value") is None


def test_a_calendar_date_in_brackets_glosses_a_relative_day():
    text = "The device was detonated last Sunday (June 1) near the depot."
    assert time_of(text, "ATTACK", "detonated").get("value") == "2025-06-01"
    text = "The device was detonated last Sunday near the depot."
    assert time_of(text, "ATTACK", "detonated").get("value") == "2025-06-08"


def test_an_event_told_as_old_shows_no_date():
    assert time_of("The rebels had previously attacked the garrison.", "ATTACK", "attacked").get("undated")
    assert time_of("The rebels attacked the garrison in the past.", "ATTACK", "attacked").get("undated")
    text = "A previous raid on the farm killed two guards."
    assert time_of(text, "ATTACK", "raid").get("undated") and time_of(text, "ATTACK", "killed").get("undated")
    # the news itself may still be dated by its report
    assert not time_of("The rebels attacked the garrison.", "ATTACK", "attacked").get("undated")
    text = "A raid on the farm killed two guards."
    assert not time_of(text, "ATTACK", "raid").get("undated")
    assert not time_of("Police earlier arrested two men near the station.", "ARREST", "arrested").get("undated")


def test_a_time_counted_from_the_speaker_is_counted_from_the_dated_statement():
    text = '"Gunmen attacked the village last night," the governor said on Monday.'
    assert time_of(text, "ATTACK", "attacked").get("value") == "2025-06-08"
    text = "The governor said on Monday that gunmen had attacked the village last night."
    assert time_of(text, "ATTACK", "attacked").get("value") == "2025-06-08"
    # an undated statement is taken as the report's
    text = '"Gunmen attacked the village last night," the governor said.'
    assert time_of(text, "ATTACK", "attacked").get("value") == "2025-06-11"


def test_sides_of_one_violent_act_share_the_date():
    text = "A gunman killed at least 12 people and wounded 40 at a market in the capital on Sunday."
    assert time_of(text, "ATTACK", "killed").get("value") == "2025-06-08"
    text = "Two guards were killed and nine were injured on Saturday when a bomb exploded."
    assert time_of(text, "ATTACK", "killed").get("value") == "2025-06-07"
    # steps told in sequence keep their own dates
    text = "Gunmen shot the guard in 2019 and later killed his brother."
    assert time_of(text, "ATTACK", "killed").get("value") is None


def test_an_event_noun_after_a_preposition_of_sequence_is_not_dated_by_the_clause():
    text = "Thousands marched through the capital on Sunday after the killing of a student."
    assert time_of(text, "ATTACK", "killing").get("undated")
    # nor is a date of a clause of the same moment below that clause
    text = "Some hostages escaped soon after the kidnapping, while one was found in the forest last week."
    assert time_of(text, "ARREST", "kidnapping").get("value") is None
    # a date of its own phrase still dates it, counted from the older clause it follows
    text = "Marches were held in March 2022 after the bombing of the cathedral on Christmas Day."
    assert time_of(text, "ATTACK", "bombing").get("value") == "2021-12-25"
    # an event noun the clause happened in keeps the clause's date
    text = "Two guards were killed in an attack on the prison on Sunday."
    assert time_of(text, "ATTACK", "attack").get("value") == "2025-06-08"


def test_a_date_without_a_year_below_a_clause_dated_years_ago_is_of_that_year():
    text = "In 2014, rebels seized the town, and on June 3 they shot ten men in the square."
    assert time_of(text, "ATTACK", "shot").get("value") == "2014-06-03"
    # a relative clause's year beside it does not
    assert time_of("Rebels, who fled in 2014, shot ten men in the square on June 3.", "ATTACK", "shot").get(
        "value") == "2025-06-03"
