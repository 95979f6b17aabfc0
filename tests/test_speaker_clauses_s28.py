"""Who an event is attributed to (issue 12, judged dev rounds 14-19: wrong speaker). A clause the parse hangs
inside what is said but that opens with "as" after a comma tells what went on around the saying: the writer's. An
impersonal frame ("it is feared that ...") names no speaker, and the subject of a clause beside it is none either.
What the verb's clause itself carries keeps the speaker. Every sentence here is written for these tests."""

from helpers import events_of


def said_by(text: str, type_: str) -> list[str | None]:
    return [(e.get("attribution") or {}).get("speaker", {}).get("text") for e in events_of(text, type_)]


def test_an_as_clause_after_a_comma_inside_the_statement_is_the_writers():
    text = "Officials said several rifles were seized in the house, as militant channels praised the bombing."
    assert said_by(text, "ATTACK") == [None]


def test_an_as_clause_without_a_comma_stays_the_speakers():
    text = "Witnesses said the gunmen opened fire as the crowd fled the square."
    assert said_by(text, "ATTACK") == ["Witnesses"]


def test_the_statement_before_the_as_clause_keeps_its_speaker():
    text = "Officials said rebels bombed the depot, as aid convoys waited at the border."
    assert said_by(text, "ATTACK") == ["Officials"]


def test_an_impersonal_frame_gives_no_speaker_to_the_subject_of_the_clause_beside_it():
    text = "Most of the villagers are still unaccounted for, and it is feared that some will never come home."
    assert said_by(text, "RETURN") == [None]


def test_a_passive_frame_with_an_agent_keeps_the_agent():
    text = "It was reported by Reuters that the rebels attacked the convoy near the border."
    assert said_by(text, "ATTACK") == ["Reuters"]
