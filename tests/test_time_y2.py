"""Event times (issue 12, audit round 14 "wrong time"): a date the sentence gives for an occurrence another one
replies to ("a reprisal for raids earlier this month") is that occurrence's, though the parser hangs it on the
reply. Each next to the case that must not change. Sentences written for these tests (reports published on
Thursday 2025-06-12)."""

from helpers import events_of


def time_of(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger)).get("time") or {}


def test_a_past_date_after_the_occurrence_replied_to_is_its_own():
    text = ("The militia described it as a reprisal attack for navy air strikes in the marsh district of Orvane "
            "earlier this month that killed nine fishermen.")
    time = time_of(text, "ATTACK", "strikes")
    assert (time.get("value"), time.get("precision")) == ("2025-06-01/2025-06-30", "month")
    # the reply is not dated by its reason's month
    assert time_of(text, "ATTACK", "attack").get("value") is None


def test_the_reply_keeps_its_own_date_and_the_reason_its_own():
    text = ("The militia said the ambush early Tuesday, which blocked a highway, was a reprisal for navy air strikes "
            "this month in the marsh district of Orvane that killed nine fishermen.")
    assert time_of(text, "ATTACK", "ambush").get("value") == "2025-06-10"
    assert time_of(text, "ATTACK", "strikes").get("value") == "2025-06-01/2025-06-30"


def test_a_coming_date_is_not_given_to_the_occurrence_replied_to():
    text = "The council set a public inquiry over the shooting in the harbour district next month."
    assert time_of(text, "ATTACK", "shooting").get("value") is None
