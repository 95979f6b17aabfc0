"""Event times (issue 12, audit rounds 13-14 "wrong time"): the date the sentence gives reaches events the parser hangs
away from it (a gerund coordinated with one that continues its clause or with a verb of filming, a participle of a
", with ..." clause); an event noun named only as what a scene, its survivors or a day belong to is not dated by that
clause; a bare unit ("for years", "hours") or a number that is no year is no date. Each next to the case that must not
change. Sentences written for these tests (reports published on Thursday 2025-06-12)."""

from helpers import events_of

from newsintel.extract.event_time import is_date_expression


def time_of(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger)).get("time") or {}


def test_a_gerund_coordinated_with_a_continuing_one_shares_its_date():
    text = "Two boys were spotted in April carrying crowbars and attacking a ticket machine."
    time = time_of(text, "ATTACK", "attacking")
    assert (time.get("value"), time.get("precision")) == ("2025-04-01/2025-04-30", "month")
    # a later step of its own is not dated by the first gerund's clause
    text = "Militiamen raided the depot on Monday, seizing fuel and then attacking a patrol."
    assert time_of(text, "ATTACK", "attacking").get("value") is None


def test_a_gerund_coordinated_with_a_verb_of_filming_shares_its_date():
    # the parser reads the first gerund as a noun after "in October" and coordinates the others with it
    text = "The driver was caught on camera in October shouting, spitting and punching a passenger."
    time = time_of(text, "ATTACK", "punching")
    assert (time.get("value"), time.get("precision")) == ("2024-10-01/2024-10-31", "month")
    text = "A supporter was recorded in October shouting, spitting and stabbing a bouncer."
    assert time_of(text, "ATTACK", "stabbing").get("value") == "2024-10-01/2024-10-31"


def test_a_participle_of_a_with_clause_shares_its_head_date():
    text = ("On Boxing Day 2021, some 80 shoppers were robbed across the capital, with more than 30 tourists "
            "attacked near the old harbour.")
    time = time_of(text, "ATTACK", "attacked")
    assert (time.get("value"), time.get("precision")) == ("2021-12-26", "day")
    # without the comma "with" tells a circumstance of the verb, not a clause of its own
    text = "On Boxing Day 2021 some shoppers were seen in the harbour with tourists attacked there years before."
    assert time_of(text, "ATTACK", "attacked").get("value") != "2021-12-26"


def test_an_event_noun_named_by_its_scene_or_survivors_is_not_dated_by_their_clause():
    text = "Ambulances were still parked at the site of the bombing on Monday."
    time = time_of(text, "ATTACK", "bombing")
    assert time.get("value") is None and time.get("undated")
    text = "Survivors of the ferry attack spoke to reporters on Tuesday."
    assert time_of(text, "ATTACK", "attack").get("value") is None
    # a date in the event's own phrase still dates it, at its own precision
    text = "Survivors of the 2019 ferry attack spoke to reporters on Tuesday."
    time = time_of(text, "ATTACK", "attack")
    assert (time.get("value"), time.get("precision")) == ("2019-01-01/2019-12-31", "year")
    # an attack the clause itself tells of keeps the clause's date
    assert time_of("Gunmen launched an attack on the ferry on Tuesday.", "ATTACK", "attack").get(
        "value") == "2025-06-10"


def test_a_bare_unit_or_a_number_that_is_no_year_is_no_date():
    for text in ("years", "for years", "within minutes", "hours", "for many months", "1119", "4521"):
        assert not is_date_expression(text), text
    for text in ("1998", "2019", "days later", "weeks ago", "last night"):
        assert is_date_expression(text), text
    text = "The singer had wanted to return home for years."
    assert time_of(text, "RETURN", "return").get("text") is None


def test_a_which_clause_hung_away_from_its_event_noun_takes_the_noun_date():
    # the parser hangs the clause on the verb the strikes depend on, or on the date itself
    text = "The militia called the ambush a reply to navy strikes earlier this month which killed nine fishermen."
    time = time_of(text, "ATTACK", "killed")
    assert (time.get("value"), time.get("precision")) == ("2025-06-01/2025-06-30", "month")
    text = "Officials said the raid on Monday, which freed four hostages, had been planned for weeks."
    assert time_of(text, "RELEASE", "freed").get("value") == "2025-06-09"
    text = "The mayor condemned the bombing in March that killed six people."
    assert time_of(text, "ATTACK", "killed").get("value") == "2025-03-01/2025-03-31"
    # a clause of a person is not dated by a date before it
    text = "Police questioned a man on Monday that had attacked a cyclist."
    assert time_of(text, "ATTACK", "attacked").get("value") != "2025-06-09"


def test_a_past_holiday_a_few_days_after_the_report_is_last_year_s():
    from newsintel.extract.timex import normalise

    assert normalise("New Year's Eve", "2017-12-29") == "2016-12-31"
    assert normalise("December 30", "2017-12-29") == "2017-12-30"  # a day off the report's: its clock may be behind
    assert normalise("New Year's Eve", "2017-12-29", future=True) == "2017-12-31"


def test_a_final_years_after_clause_dates_a_verb_the_parser_hangs_on_the_main_one():
    text = ("The new law comes three years after scores of tourists were harassed, sexually assaulted and robbed by "
            "gangs of youths during Christmas Eve celebrations in Leeds.")
    time = time_of(text, "ATTACK", "assaulted")
    assert (time.get("value"), time.get("precision")) == ("2022-12-24", "day")
