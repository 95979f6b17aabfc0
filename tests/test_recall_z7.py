"""Event recall on general news (issue 12, session 26 recall study on free articles): verb forms the tagger
lemmatises wrongly ("raped" read as a form of "rap", "retook" as a lemma of its own) are still their trigger's forms
(data/events.yaml lemma_fixes). Written sentences, both ways."""

from helpers import events_of


def triggers(text: str, type_: str) -> list[str]:
    return [e["trigger"] for e in events_of(text, type_)]


def test_a_mislemmatised_form_is_still_its_trigger():
    (event,) = events_of("Police said a student was raped near the station late on Friday.", "ATTACK")
    assert event["trigger"] == "raped" and event["targets"][0]["text"] == "student"
    assert triggers("Witnesses said the gang had been raping women in the camp for weeks.", "ATTACK") == ["raping"]
    assert triggers("The rebels retook the garrison town of Kurmuk on Sunday.", "FIGHT") == ["retook"]


def test_a_look_alike_of_a_fixed_form_is_no_event():
    assert events_of("The singer rapped about his childhood in Lagos during the concert.", "ATTACK") == []
    assert events_of("A dozen rappers performed in the square on Saturday night.", "ATTACK") == []
