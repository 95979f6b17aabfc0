"""Claims (issue 12, session 28b): a reported clause the parse left without its subject ("she said could ...",
"the leak, which he said damaged ...") is no whole statement and is not shown; a clause with its subject still is.

Every sentence here is written for these tests."""

from helpers import record


def contents(text: str) -> list[str]:
    return [c["content"] for c in record(text)["claims"]]


def test_a_clause_said_without_its_subject_is_no_claim():
    text = "The grant covers only bridges, but she said could become a template for later rail projects."
    assert not any(c.startswith("could become") for c in contents(text))


def test_a_relative_clause_said_without_its_subject_is_no_claim():
    text = "The inspectors examined the leak, which Moreau said badly corroded the pipes and valves."
    assert not any(c.startswith("badly corroded") for c in contents(text))


def test_a_clause_with_its_subject_is_still_a_claim():
    text = "The grant covers only bridges, but she said the scheme could become a template for later rail projects."
    assert any(c.startswith("the scheme could become") for c in contents(text))


def test_a_subject_parsed_as_the_cues_object_keeps_the_claim():
    text = "The technician said three of the valves were leaking."
    assert any("three of the valves were leaking" in c for c in contents(text))

