"""Event times (issue 12, audit round 11 "wrong time"): a time word that is part of a person's name dates nothing: a
surname that is also a unit word ("... and Weeks were kidnapped"), a weekday or month after a title ("Mr. Sunday").
Each next to the case that must not change. Sentences written for these tests (reports published on Thursday
2025-06-12)."""

from helpers import events_of


def time_of(text: str, type_: str, trigger: str) -> dict:
    return next(e for e in events_of(text, type_) if e["trigger"].startswith(trigger)).get("time") or {}


def test_a_capitalised_unit_word_inside_a_sentence_is_a_surname():
    text = "Harris and Weeks were kidnapped by gunmen in the capital."
    assert time_of(text, "ARREST", "kidnapped").get("text") != "Weeks"
    assert not time_of(text, "ARREST", "kidnapped").get("undated")
    text = "Harris and Weeks were handed over to the army in the south, a source said."
    assert time_of(text, "RELEASE", "handed").get("text") != "Weeks"
    # at the start of a sentence the same word is a time
    text = "Weeks later, gunmen kidnapped two aid workers in the capital."
    assert time_of(text, "ARREST", "kidnapped").get("text") == "Weeks later"


def test_a_weekday_after_a_title_is_a_name():
    text = "Gunmen kidnapped Mr. Sunday, a local trader, near the market."
    assert time_of(text, "ARREST", "kidnapped").get("value") is None
    # the weekday of the deed itself still dates it
    text = "Gunmen kidnapped a local trader on Sunday near the market."
    assert time_of(text, "ARREST", "kidnapped").get("value") == "2025-06-08"


def test_a_vehicle_is_never_the_actor_of_the_harm_it_does():
    # GUIDELINES decision 16: the vehicle is the weapon; the relative pronoun standing for it is no actor either
    text = "Police stand next to a van that ran into shoppers at the fair on Saturday, killing 12 people."
    killing = next(e for e in events_of(text, "ATTACK") if e["trigger"] == "killing")
    assert not killing.get("actors")
    # a driver named as the subject stays the actor
    text = "A driver ploughed his lorry into shoppers at the fair, killing 12 people."
    killing = next(e for e in events_of(text, "ATTACK") if e["trigger"] == "killing")
    assert [a["text"] for a in killing["actors"]] == ["driver"]
