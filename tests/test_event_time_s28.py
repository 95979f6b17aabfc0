"""Event times (issue 12, audit rounds 14-18 "wrong time"): a date the parser hangs on what a participant was doing
("kidnapped by men carrying rifles ... in May 2020") or on the last verb of a list of participles ("were punched,
kicked and robbed ... during Christmas Eve celebrations") is the event's, not the report's day. Each next to the case
that must not change; an event told as one before its clause ("since a gunman shot ...", "a year after rebels
raided ...") with no date of its own is shown undated, not on the report's day; a page re-stamped weeks after its
title's or address's own date is dated by that stamp. Sentences written for these tests (reports published on
Thursday 2025-06-12)."""

from helpers import events_of


def time_of(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger)).get("time") or {}


def test_a_date_hung_on_a_participants_participle_dates_the_event():
    text = "The two engineers were kidnapped by armed men carrying rifles near the port of the city in May 2020."
    time = time_of(text, "ARREST", "kidnapped")
    assert (time.get("value"), time.get("precision")) == ("2020-05-01/2020-05-31", "month")
    # a date before the participle is not moved: it is the event's own anyway
    text = "In May 2020 the two engineers were kidnapped by armed men carrying rifles near the port."
    assert time_of(text, "ARREST", "kidnapped").get("value") == "2020-05-01/2020-05-31"


def test_a_bound_or_a_word_that_is_no_date_in_a_participants_participle_dates_nothing():
    text = "Police arrested a man living in a caravan in the woods since 2019."
    assert time_of(text, "ARREST", "arrested").get("value") is None
    text = "A lorry mounted the kerb, mowing down spectators watching the annual fireworks display."
    assert not time_of(text, "ATTACK", "mowing").get("text")


def test_the_list_of_participles_shares_the_date_of_its_last_item():
    text = ("The new rules come three years after dozens of shoppers were punched, kicked and robbed by gangs of "
            "youths during Christmas Eve celebrations in Derby.")
    time = time_of(text, "ATTACK", "punched")
    assert (time.get("value"), time.get("precision")) == ("2022-12-24", "day")


def test_a_list_with_a_clause_of_its_own_keeps_its_date_apart():
    # the second verb has its own subject: another step, whose date is not the first's
    text = "Two guards were punched, and the prisoners escaped from the jail in Derby in May 2020."
    assert time_of(text, "ATTACK", "punched").get("value") != "2020-05-01/2020-05-31"


def test_a_title_stamp_days_before_the_metadata_date_is_the_reports_day():
    from newsintel.clean.dates import stamped_published

    assert stamped_published("2021-06-20T09:00:00", "Evening Brief -- May 3, 2021", None) == "2021-05-03"
    assert stamped_published("2021-06-20", "3 May 2021: what the council decided", None) == "2021-05-03"
    # a metadata date on the stamp's day or just after it (time zones, late filing) is kept
    assert stamped_published("2021-05-04T01:00:00", "Evening Brief -- May 3, 2021", None) == "2021-05-04T01:00:00"
    # a date inside the title's words is what it is about, not its stamp
    assert stamped_published("2021-06-20", "Ten years after May 3, 2011 the town remembers", None) == "2021-06-20"


def test_a_dated_address_days_before_the_metadata_date_is_the_reports_day():
    from newsintel.clean.dates import stamped_published

    url = "https://news.example.org/sport/2019/04/14/rovers-win-the-cup/"
    assert stamped_published("2019-09-01T10:00:00", "Rovers win the cup", url) == "2019-04-14"
    assert stamped_published("2019-04-15", "Rovers win the cup", url) == "2019-04-15"
    assert stamped_published("2019-04-01", "Rovers win the cup", url) == "2019-04-01"  # before its stamp: kept
    assert stamped_published(None, "Rovers win the cup", url) is None  # no date is not made up from the address


def test_a_restamped_page_is_dated_by_its_stamp_with_a_warning():
    from newsintel.clean import clean
    from newsintel.model import RawDocument

    text = ("Rovers win the cup\nRovers beat United 2-1 in the cup final at the city stadium on Saturday, and fans "
            "celebrated in the streets until dawn.")
    raw = RawDocument(text=text, title="Rovers win the cup", url="https://news.example.org/2019/04/14/rovers/",
                      published="2019-09-01T10:00:00", origin="t", format="json", raw_hash="x")
    info = clean(raw)
    assert info.published == "2019-04-14"
    assert any("stamp" in w for w in info.warnings)


def test_an_event_under_since_is_before_its_clause_and_takes_no_report_day():
    text = "The harbour has been closed since a gunman shot four sailors on a ferry."
    assert time_of(text, "ATTACK", "shot").get("undated")
    # its own date still dates it
    text = "The harbour has been closed since a gunman shot four sailors on a ferry in April."
    assert time_of(text, "ATTACK", "shot").get("value") == "2025-04-01/2025-04-30"


def test_an_event_a_span_of_time_after_another_lies_before_it():
    text = "The protest came a year after rebels attacked a depot near the river, killing six guards."
    assert time_of(text, "ATTACK", "attacked").get("undated")
    assert time_of(text, "ATTACK", "killing").get("undated")
    # a plain "after" is no span: the clause may well be the report's news
    text = "Police detained the driver after he punched a guard at the depot."
    assert not time_of(text, "ATTACK", "punched").get("undated")
