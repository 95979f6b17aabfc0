"""An event's time is a date of its own clause; a date of another clause (the reporting verb's, a relative clause's,
a coordinated verb's) is another event's, and the event is then dated by its report (issue 12, audit: wrong time)."""

from helpers import events_of


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
