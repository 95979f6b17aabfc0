"""An event's time is a date of its own clause; a date of another clause (the reporting verb's, a relative clause's,
a coordinated verb's) is another event's, and the event is then dated by its report (issue 12, audit: wrong time)."""

from helpers import events_of, record


def when(text: str, type_: str) -> str | None:
    (event,) = events_of(text, type_)
    return (event.get("time") or {}).get("text")


def test_the_date_of_its_own_clause():
    assert when("The two men crossed into Turkey on Friday, police said.", "CROSS_BORDER") == "Friday"
    assert when("Three fighters were arrested in Antwerp on Monday.", "ARREST") == "Monday"


def test_a_noun_trigger_takes_the_date_of_its_verb():
    assert when("The attack happened on Tuesday near Mosul, officials said.", "ATTACK") == "Tuesday"


def test_a_verb_the_trigger_completes_lends_its_date():
    assert when("The men tried to cross into Turkey on Sunday.", "CROSS_BORDER") == "Sunday"


def test_the_reporting_verbs_date_is_not_the_events():
    assert when("Police said on Friday that the two men had crossed into Turkey.", "CROSS_BORDER") is None


def test_a_relative_clauses_date_is_not_the_events():
    assert when("Officials, who visited the camp last week, said the fighters had fled to Idlib.", "FLEE") is None


def test_a_sentence_without_a_verb_dates_its_noun_trigger_by_the_noun_phrase():
    """No verb above the trigger: the walk up the parse stops at the root (it once looped there)."""
    events = events_of("Deadly attack near Mosul on Friday.", "ATTACK")
    assert [(e.get("time") or {}).get("text") for e in events] in ([], [None], ["Friday"])


def test_a_deictic_date_is_a_date_not_a_duration():
    """"last month", "last week" were once taken for durations like "two weeks" and dropped."""
    assert when("The two brothers fled to Syria in 2014 and returned to Belgium last month.", "RETURN") == "last month"
    assert when("The senator praised the army for years, and last week threatened to crush the rebels.",
                "THREATEN") == "last week"


def test_a_duration_is_no_date():
    assert when("The bear held the ranger for almost five minutes before it was shot dead, she said.", "ATTACK") is None


def test_a_participle_continuing_its_clause_shares_its_date():
    times = {e["trigger"]: (e.get("time") or {}).get("text")
             for e in events_of("A gunman stormed a bar in Leeds in June 2019, opening fire on the guests.", "ATTACK")}
    assert times.get("opening fire") == "June 2019"


def test_a_date_of_another_noun_is_not_the_events():
    """The date of an occurrence named in the subject ("the bombing in Lyon in April") is that occurrence's."""
    events = events_of("Investigators said militants tied to the bombing in Lyon in April had planned an attack "
                       "during the festival.", "ATTACK")
    planned = [e for e in events if e["trigger"] == "attack"]
    assert planned and (planned[0].get("time") or {}).get("text") is None


def test_a_date_of_the_occurrence_it_happened_in_is_its_date():
    events = events_of("Two farmers were killed in an air strike on Friday, officials said.", "ATTACK")
    assert {(e.get("time") or {}).get("text") for e in events} == {"Friday"}


def test_a_relative_date_resolves_against_the_report():
    (event,) = events_of("The clinic was attacked three days ago.", "ATTACK")
    assert event["time"]["value"] == "2025-06-09"  # the report is of Thursday 2025-06-12


def test_an_event_of_a_dated_background_sentence_takes_no_report_day():
    """"... in March 2018 -- a kidnapping that ...": the kidnapping is the dated past, not the report's news; it
    takes the sentence's date or none, never the report's day."""
    from newsintel.views.common import date_fields

    events = events_of("They were among the 90 pupils, aged 11 to 15, that gunmen abducted from their hostel in Zaria "
                       "in March 2018 -- a kidnapping that angered the country.", "ARREST")
    kidnapping = [e for e in events if e["trigger"] == "kidnapping"]
    assert kidnapping
    assert date_fields({**kidnapping[0], "source": {"published": "2025-06-12"}})["dated_by"] != "report"


def test_an_own_time_that_cannot_be_placed_takes_no_report_day():
    from newsintel.views.common import date_fields

    events = events_of("The rebels attacked the town some days later.", "ATTACK")
    assert events
    time = events[0].get("time") or {}
    if time.get("text"):
        assert time.get("value") or time.get("undated")
        assert time.get("value") or date_fields({**events[0], "source": {"published": "2025-06-12"}})["date"] is None


def test_the_main_news_keeps_its_report_day():
    """A main-clause event with no date of its own beside an old date of another clause is the report's news."""
    (event,) = events_of("Police arrested a man who had robbed a bank in Hull in 2009.", "ARREST")
    assert not (event.get("time") or {}).get("undated")


def test_a_bound_is_not_the_events_date():
    """"since 2016" starts a state; it does not date the event."""
    events = record("The militia has occupied the port since 2016.")["events"]
    assert events
    assert all((event.get("time") or {}).get("text") is None for event in events)


def test_a_holiday_named_as_the_time_resolves():
    from newsintel.extract.timex import normalise

    assert normalise("New Year's Eve", "2016-01-05") == "2015-12-31"
    assert normalise("Christmas Eve", "2025-12-26") == "2025-12-24"


def test_the_copula_subjects_date_and_coordinated_nouns():
    """"The bombing late Thursday ... was a revenge attack for strikes this month": the attack is the bombing;
    "a shooting in Leeds and a shooting in Hull this weekend": both shootings are of the weekend."""
    events = events_of("The Taliban said the bombing late Thursday, which wrecked the road, was a revenge attack for "
                       "air strikes this month in Kunduz that left nine civilians dead.", "ATTACK")
    assert {e["trigger"]: (e.get("time") or {}).get("text") for e in events}.get("attack") == "late Thursday"
    events = events_of('"What matters more is that there was a shooting in Leeds and a shooting in Hull this weekend,"'
                       " the campaigner wrote.", "ATTACK")
    assert len(events) == 2
    assert {(e.get("time") or {}).get("text") for e in events} == {"this weekend"}


def test_an_occurrence_named_inside_another_keeps_its_own_time():
    """"reached agreement last month on a joint offensive": last month is the agreement's, not the offensive's."""
    events = record("Ankara and Tehran reached agreement last month on a joint offensive against the rebels, but "
                    "officials say it will not begin before the spring.")["events"]
    times = {e["trigger"]: (e.get("time") or {}).get("text") for e in events}
    assert times.get("agreement") == "last month"
    assert times.get("offensive") is None


def test_reported_news_in_the_past_perfect_keeps_its_report_day():
    """Reported speech shifts the news into the past perfect; an old date in a relative clause does not make it
    background."""
    events = events_of("The militia, which has fought the army since 2009, claimed on radio that its commander had "
                       "been captured.", "ARREST")
    assert events and not any((e.get("time") or {}).get("undated") for e in events)


def test_a_clause_of_the_same_moment_shares_its_heads_date():
    """"arrested in Bruges in 2021 as he tried to leave": the attempt to leave is of 2021."""
    events = events_of("Haddad, who was arrested in Bruges in 2021 as he tried to leave for Tunisia on a forged "
                       "passport, denied the charges.", "TRAVEL")
    assert events and all((e.get("time") or {}).get("text") == "2021" for e in events)


def test_a_date_after_a_place_noun_is_still_the_events():
    """A date phrase the parser hangs on a place noun ("the hub of Herat late Thursday night") is the event's."""
    events = events_of("Gunmen struck at the embassy in the northern trading hub of Herat late Thursday night, "
                       "killing two guards, officials said.", "ATTACK")
    assert len(events) == 2
    assert all("Thursday" in ((e.get("time") or {}).get("text") or "") for e in events)


def test_verbs_of_one_act_share_a_date():
    """"was convicted and sentenced last Thursday" dates the conviction too (audit round 4: wrong time)."""
    events = events_of("A former nurse was convicted and sentenced to twelve years in prison last Friday.", "CHARGE")
    assert {e["trigger"]: (e.get("time") or {}).get("text") for e in events} == {
        "convicted": "last Friday", "sentenced": "last Friday"}
    events = events_of("Two smugglers were detained near the port and charged on Sunday.", "ARREST")
    assert [(e.get("time") or {}).get("text") for e in events] == ["Sunday"]


def test_steps_of_a_story_keep_their_own_dates():
    """Not one act: a first step of a story is not dated by the last one's date."""
    assert when("The two brothers fled to Syria and returned to Belgium last month.", "FLEE") is None
    events = events_of("The clerk was arrested on Monday and released on Wednesday.", "ARREST")
    assert [(e.get("time") or {}).get("text") for e in events] == ["Monday"]
    assert when("The mayor spoke to the governor on Tuesday and they agreed to build a new bridge.", "AGREE") is None
